package quote

import (
	"strings"

	"github.com/rasid-news/rasid/internal/arabic"
)

// The word tables below are written by hand from Arabic news usage (not
// derived from any data set). Every entry is in the normalized form of
// arabic.NormalizeString: no diacritics, bare alef, yeh for alef maksura,
// teh marbuta kept.

// cueKind tells how a speech word introduces what was said.
type cueKind uint8

const (
	cueNone       cueKind = iota
	cueFinite             // قال، أكدت، يقول: a finite verb
	cueParticiple         // مضيفا، مشيرا، قائلا: a circumstantial participle (حال)
	cueNominal            // قوله، قولها: a verbal noun with a pronoun
)

// cueRoots lists speech verbs in the perfect, third person masculine
// singular. Feminine (-ت) and plural (-وا) forms are derived.
var cueRoots = []string{
	"قال", "اكد", "اوضح", "اشار", "شدد", "اضاف", "لفت", "نوه", "صرح", "اعلن",
	"ذكر", "اعتبر", "حذر", "طالب", "افاد", "كشف", "تابع", "اردف",
	"استطرد", "زعم", "اكمل", "اقر", "اعترف", "نقل", "علق", "ختم", "لاحظ",
	"راي", "دعا", "نفي", "ادعي", "راى",
}

// cueIrregular lists speech verb forms the derivation misses: defective
// verbs, and the few imperfect forms that report speech in news (most
// imperfects, like يعتبر, mostly do not).
var cueIrregular = []string{
	"بينت", "بينوا", "رات", "راوا", "دعت", "دعوا", "نفت", "نفوا", "ادعت",
	"يقول", "تقول", "يقولون", "يضيف", "تضيف", "يوكد", "توكد", "يوكدون", "يشير", "تشير",
}

// participles lists circumstantial participles of speech verbs (مضيفا
// "adding"); feminine forms (-ة) are derived.
var participles = []string{
	"قايلا", "موكدا", "مضيفا", "مشيرا", "موضحا", "مبينا", "لافتا", "منوها", "مشددا",
	"محذرا", "معتبرا", "مطالبا", "داعيا", "كاشفا", "معلنا", "مردفا", "متابعا",
	"مستطردا", "مصرحا", "مفيدا", "ذاكرا", "معربا", "مستدركا", "مختتما", "متسايلا",
}

// nominalCues lists verbal nouns with a pronoun that report speech
// (نقل عن فلان قوله "…").
var nominalCues = []string{"قوله", "قولها", "قولهم", "قولهما", "قولهن"}

// cues maps a normalized word to its cue kind.
var cues = buildCues()

func buildCues() map[string]cueKind {
	m := map[string]cueKind{}
	for _, r := range cueRoots {
		m[r] = cueFinite
		m[r+"ت"] = cueFinite
		if !strings.HasSuffix(r, "ا") && !strings.HasSuffix(r, "ي") {
			m[r+"وا"] = cueFinite
			m[r+"ا"] = cueFinite // dual: أكدا
		}
	}
	for _, w := range cueIrregular {
		m[w] = cueFinite
	}
	for _, p := range participles {
		m[p] = cueParticiple
		m[strings.TrimSuffix(p, "ا")+"ة"] = cueParticiple
	}
	for _, n := range nominalCues {
		m[n] = cueNominal
	}
	return m
}

// lookupCue returns the cue kind of a normalized word, after taking off
// a conjunction (و، ف) when the bare word is not itself a cue.
func lookupCue(norm string) (cueKind, string) {
	if k, ok := cues[norm]; ok {
		return k, norm
	}
	for _, p := range []string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(norm, p); ok {
			if k, ok := cues[rest]; ok {
				return k, rest
			}
		}
	}
	return cueNone, ""
}

// notCueAfter lists words after which a speech word is a verbal noun,
// not a cue (دون ذكر، عدم الكشف).
var notCueAfter = set("دون", "بدون", "عدم", "حول", "اعادة", "لدي")

// nameSources are words before a quotation that make it the name of a
// publication or channel (لـ«الشرق الأوسط»، صحيفة "وول ستريت جورنال").
var nameSources = set("ل", "لـ", "ب", "بـ", "عن", "صحيفة", "لصحيفة", "قناة", "لقناة", "موقع", "لموقع", "وكالة", "لوكالة", "نشرة", "لنشرة", "مجلة", "لمجلة", "برنامج", "عملية", "حملة", "تنظيم", "مسلسل", "فيلم", "كتاب", "شعار")

// nominalObjectCues lists the cues whose reported content may be a noun
// phrase (أفادت الخلية بمقتل …، نوه النادي إلى إقدام …), mapped to the
// preposition that introduces it. Every other cue reports speech only
// when a that-clause or a quotation follows.
var nominalObjectCues = map[string]string{
	// verb → the preposition that introduces its noun complement
	"افاد": "ب", "افادت": "ب",
	"نوه": "الي", "نوهت": "الي",
}

// complementizers are the words that open a reported clause: أن، إن and
// their forms with pronouns and with ب.
var complementizers = set(
	"ان", "انه", "انها", "انهم", "انهما", "انني", "انا", "اننا", "انكم", "انهن",
	"بان", "بانه", "بانها", "بانهم", "بانهما", "باننا", "بانني",
)

// blockComplementizer lists words after which أن does not open reported
// speech (بعد أن، قبل أن، يجب أن …).
var blockComplementizer = set(
	"بعد", "قبل", "منذ", "دون", "بدون", "حتي", "يجب", "يمكن", "ينبغي", "بد", "لابد",
	"بمجرد", "مجرد", "ريثما", "الا", "سبق", "يتوقع", "يرجح", "المرجح", "المتوقع",
	"المقرر", "المزمع", "المفترض", "شان", "لاجل", "اجل", "عسي", "اراد", "يريد", "قرر",
)

// prepositionCues maps cues whose that-clause follows a preposition
// (أشار إلى أن، حذر من أن) to that preposition.
var prepositionCues = map[string]string{
	"اشار": "الي", "اشارت": "الي", "مشيرا": "الي", "مشيرة": "الي", "يشير": "الي", "تشير": "الي",
	"لفت": "الي", "لفتت": "الي", "لافتا": "الي", "لافتة": "الي", "يلفت": "الي",
	"نوه": "الي", "نوهت": "الي", "منوها": "الي", "منوهة": "الي",
	"حذر": "من", "حذرت": "من", "محذرا": "من", "محذرة": "من", "يحذر": "من",
	"شدد": "علي", "شددت": "علي", "مشددا": "علي", "مشددة": "علي", "يشدد": "علي",
	"اكد": "علي", "اكدت": "علي", "موكدا": "علي", "موكدة": "علي", "اكدوا": "علي", "اكدا": "علي",
}

// titles are words that name an office or rank before (or after) a name.
var titles = set(
	"وزير", "وزيرة", "الوزير", "الوزيرة", "رييس", "رييسة", "الرييس", "الرييسة",
	"نايب", "النايب", "نايبة", "المتحدث", "متحدث", "المتحدثة", "الناطق", "ناطق",
	"مدير", "مديرة", "المدير", "زعيم", "زعيمة", "الزعيم", "السكرتير", "سكرتير",
	"الامين", "امين", "القايد", "قايد", "العميد", "عميد", "اللواء", "لواء", "العقيد",
	"الفريق", "الجنرال", "المشير", "الامير", "امير", "الاميرة", "الملك", "ملك", "الشيخ", "شيخ",
	"معالي", "سمو", "صاحب", "السمو", "الملكي", "فخامة", "سماحة", "المستشار", "مستشار",
	"السفير", "سفير", "السفيرة", "عضو", "العضو", "مندوب", "المندوب", "ممثل", "الممثل",
	"المبعوث", "مبعوث", "موفد", "الموفد", "مساعد", "المساعد", "الدكتور", "د", "دكتور",
	"السيد", "السيدة", "الحاكم", "حاكم", "محافظ", "المحافظ", "نظيره", "نظيرته", "نظيرهم",
	"قاضي", "القاضي", "المفتي", "مفتي", "الكاردينال", "البابا", "الباحث", "المحلل",
	"الكاتب", "الخبير", "خبير", "المحامي", "محامي", "النقيب", "المقدم", "الرايد",
	"الاستاذ", "البروفيسور", "المهندس", "ولي", "العهد", "خادم", "الحرمين", "الشريفين",
	"قيادي", "القيادي", "رجل", "الاعمال", "الصحفي",
	// feminine forms of the titles above that news writes before a
	// woman's name (الدكتورة، الكاتبة، الناشطة ذكرى العراسي)
	"الكاتبة", "الباحثة", "المحامية", "محامية", "الخبيرة", "خبيرة", "الدكتورة", "دكتورة",
	"المستشارة", "مستشارة", "المديرة", "المحللة", "الاستاذة", "المهندسة", "المذيعة", "الشيخة",
	"الملكة", "النايبة", "عضوة", "العضوة", "المبعوثة", "مبعوثة", "الطبيبة",
	"الصحفية", "الاعلامية", "الناشطة", "الحقوقية",
	"الاسير", "المرشح", "مرشح", "الامينة", "العام", "العامة", "الاعلي", "الاول",
)

// orgHeads are nouns that head the name of an organization.
var orgHeads = set(
	"وزارة", "الوزارة", "حزب", "الحزب", "حركة", "الحركة", "مجلس", "المجلس", "منظمة", "المنظمة",
	"جمعية", "هيية", "الهيية", "جبهة", "الجبهة", "نادي", "النادي", "مركز", "المركز", "وكالة", "الوكالة",
	"قوات", "القوات", "جيش", "الجيش", "خلية", "الخلية", "مكتب", "المكتب", "رياسة", "الرياسة",
	"لجنة", "اللجنة", "اتحاد", "الاتحاد", "جامعة", "الجامعة", "مرصد", "المرصد", "شركة", "الشركة",
	"صحيفة", "الصحيفة", "قناة", "القناة", "موقع", "الموقع", "تحالف", "التحالف", "ايتلاف", "الايتلاف",
	"حكومة", "الحكومة", "سفارة", "السفارة", "قيادة", "القيادة", "تنظيم", "التنظيم", "كتلة", "الكتلة",
	"مديرية", "المديرية", "ادارة", "الادارة", "البيت", "الخارجية", "الداخلية", "الدفاع", "محكمة", "المحكمة",
	"بعثة", "البعثة", "برنامج", "البرنامج", "مفوضية", "المفوضية", "الامم", "امانة", "الامانة",
	"شرطة", "الشرطة", "مجموعة", "المجموعة", "كتايب", "ميليشيا", "مليشيا", "فصايل", "البنتاغون", "جماعة", "الجماعة",
)

// anonymousHeads are nouns that head an unnamed source (مصدر مسؤول).
var anonymousHeads = set(
	"مصدر", "المصدر", "مصادر", "المصادر", "مسوول", "المسوول", "مسوولون", "المسوولون",
	"مسوولين", "دبلوماسي", "الدبلوماسي", "شهود", "الشهود", "شاهد", "سكان", "ناشطون",
	"ناشطين", "مراقبون", "محللون", "خبراء", "الخبراء", "متحدث", "المتحدث", "مسعفون",
	"مسوولة", "البيان", "بيان",
)

// partitives head an unnamed group of people by its number, with من
// before the group (عدد من السكان, عشرات من الناشطين): the phrase is an
// unnamed source, the word no name.
var partitives = set("عدد", "عشرات", "ميات", "الاف", "مجموعة", "العديد", "الكثير", "كثير", "اغلب", "معظم")

// eventNouns name the occasion of a statement (في بيان، في مؤتمر
// صحافي): after a speaker they end the speaker's phrase.
var eventNouns = set(
	"بيان", "البيان", "تصريح", "تصريحات", "تصريحه", "تصريحاته", "مؤتمر", "موتمر", "الموتمر", "حديث", "حديثه",
	"مقابلة", "المقابلة", "كلمة", "كلمته", "خطاب", "خطابه", "رسالة", "تغريدة", "تغريدات", "لقاء", "لقايه",
	"اتصال", "الاتصال", "مداخلة", "ندوة", "اجتماع", "الاجتماع", "جلسة", "الجلسة", "ختام", "رده",
	"سياق", "السياق", "حين", "وقت", "تقرير", "التقرير", "بيانات", "افادة", "مستهل", "بداية", "نهاية",
)

// timeWords end a speaker's phrase (قال الوزير اليوم …).
var timeWords = set(
	"اليوم", "امس", "غدا", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة", "السبت",
	"مساء", "صباح", "ظهر", "ليلة", "الليلة", "حاليا", "مجددا", "ايضا", "كذلك", "اخيرا", "سابقا",
	"امس،", "صباحا", "مساءا", "مساء", "فجر", "لاحقا", "قبل", "بعد", "عقب", "اثر", "خلال", "عند",
	"لدي", "امام", "بدوره", "بدورها", "بالانجليزية", "بالانكليزية", "صراحة", "هاتفيا", "عام",
)

// prepositions end a speaker's phrase once it holds a name.
var prepositions = set(
	"في", "من", "الي", "علي", "عن", "مع", "ل", "لـ", "ب", "بـ", "حول", "لدي", "امام", "منذ", "عبر", "وفق", "حسب", "بحسب",
)

// relatives introduce a relative clause (الذي قال …).
var relatives = set("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي")

// subjectIntroducers are words after which a subject may stand before its
// verb (وكان الجبير أكد، أن الوزير قال).
var subjectIntroducers = set("كان", "وكان", "كانت", "وكانت", "ان")

// nameLinks join the parts of a name (محمد بن سلمان، عبد الله، أبو مهدي،
// أم فاطمة).
var nameLinks = set("بن", "ابن", "بنت", "ابو", "ابي", "عبد", "ال", "ام")

// pronounSubjects are words that stand for a person just mentioned.
var pronounSubjects = set("معاليه", "سموه", "فخامته", "سماحته", "هو", "هي", "بدوره", "بدورها")

// clauseBreakers after a comma end a reported clause (…، وذلك في رده).
var clauseBreakers = set("وذلك", "حسب", "بحسب", "وفق", "وفقا", "حسبما", "كما")

// contrastives after a comma end a reported clause when a cue of their
// own follows (…، لكنه أشار إلى أن …).
var contrastives = set("لكن", "لكنه", "لكنها", "لكنهم", "ولكن", "ولكنه", "ولكنها", "ولكنهم")

func set(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

func has(m map[string]struct{}, w string) bool {
	_, ok := m[w]
	return ok
}

// adjectiveTitles are titles that are adjectives too (المؤتمرات الصحفية،
// الخطة الإعلامية): after a word with the article they qualify it, and
// no name follows them.
var adjectiveTitles = set("الصحفية", "الاعلامية", "الناشطة", "الحقوقية", "الصحفي")

// femaleTitles are the words before a name that make it a woman's
// (الوزيرة، السيدة، الصحفية …): the feminine titles of titles and the
// few nouns of kinship news writes before a woman's name.
var femaleTitles = buildFemaleTitles()

func buildFemaleTitles() map[string]struct{} {
	m := set("زوجة", "ارملة", "والدة", "ابنة", "شقيقة", "الفتاة", "فتاة", "امراة", "المراة", "السيدة", "سيدة",
		"الوزيرة", "وزيرة", "رييسة", "الرييسة", "نايبة", "المتحدثة", "متحدثة", "الناطقة", "ناطقة",
		"مديرة", "زعيمة", "الاميرة", "اميرة", "السفيرة", "سفيرة", "الامينة", "امينة", "الطالبة", "المعلمة",
		"الفنانة", "الممثلة", "المغنية", "الشاعرة", "الروائية", "اللاعبة", "البطلة", "المواطنة", "المدربة")
	for t := range titles {
		if strings.HasSuffix(t, "ة") && !has(masculineInTeh, t) {
			m[t] = struct{}{}
		}
	}
	return m
}

// masculineInTeh are the titles that end in ة but are no woman's: عامة
// of أمانة عامة, and فخامة and سماحة before a man's name (فخامة الرئيس,
// سماحة المفتي).
var masculineInTeh = set("العامة", "فخامة", "سماحة")

// divineWords are the names of God and the praise words that go with
// them in religious formulas (قال الله تعالى، قال سبحانه، يقول المولى عز
// وجل، دعا الله أن). After a cue they name God, the speaker of a verse or
// the one prayed to, never a person of the news; عز counts only before
// وجل (عز alone is a man's name).
var divineWords = set("الله", "تعالي", "وتعالي", "سبحانه", "المولي", "ربنا", "الرب", "الخالق", "اللهم", "الرحمن", "الرحيم",
	"عز", "وجل", "عزوجل", "جل", "جلاله", "تبارك", "وتبارك")

// divineStarts are the divine words that may open the subject of a cue
// (قال تعالى، قال سبحانه، يقول المولى); الحق, جل and the others only
// follow one of these.
var divineStarts = set("الله", "تعالي", "سبحانه", "المولي", "ربنا", "الرب", "الخالق", "عزوجل", "اللهم")

// divineForms are forms of the name of God with a clitic (بالله، لله)
// that the entity recognizer may tag as a person.
var divineForms = set("بالله", "والله", "لله", "ولله", "فالله", "وبالله", "تالله", "فلله")

// godName is the speaker name of a quotation of God (قال الله تعالى).
const godName = "الله"

// prophetName is the speaker name of a quotation introduced by the
// Prophet's eulogy alone (قال صلى الله عليه وسلم).
const prophetName = "رسول الله"

// Scripture reports whether a speaker name (normalized or as written)
// is God's or the Prophet's, the speaker of a verse or a hadith that an
// article cites (قال تعالى، قال صلى الله عليه وسلم), not of a statement
// made in the news.
func Scripture(name string) bool {
	n := arabic.NormalizeString(strings.TrimSpace(name))
	return n == godName || n == prophetName
}

// compoundSurnames are family names with the article written before الله
// (محمد الجار الله): الله after them is part of the name.
var compoundSurnames = set("الجار", "العبد", "الضيف", "الخير", "العطا", "الفضل", "النصر", "الحمد", "الفتح", "الرحمة")

// prayerCues are cues that are prayers too (دعا الله أن …): God after
// them is the one prayed to, not the subject.
var prayerCues = set("دعا", "دعت", "دعوا", "داعيا", "داعية", "ادعي")

// demonstratives are the demonstrative pronouns. After a cue هذا, هذه
// or هؤلاء before a noun with the article is its determiner (وأكد هذا
// المصدر, determiner); else the demonstrative is the object (وأكد ذلك
// رئيس الاتحاد) and the subject follows it.
var demonstratives = set("ذلك", "ذاك", "تلك", "هذا", "هذه", "هولاء", "اوليك", "هذان", "هاتان", "ذلكم")

// quantifiers are the function words that may head a subject (قال بعض
// المسؤولين، أكد جميع المشاركين).
var quantifiers = set("كل", "كلا", "كلتا", "بعض", "جميع", "عدة", "اي", "اية", "غير", "نفس", "ذات")

// womenNames lists common women's given names of Arabic news, Arabic and
// transliterated, so that a feminine cue (قالت) may refer back to a woman
// named earlier.
var womenNames = set(
	"فاطمة", "عايشة", "خديجة", "مريم", "زينب", "سارة", "نورة", "هند", "هدي", "مني", "ليلي", "سلمي",
	"ريم", "رانيا", "دينا", "نادية", "سميرة", "امل", "اميرة", "اسماء", "اسراء", "الاء", "رشا", "رنا",
	"غادة", "لمياء", "لبني", "منال", "نجلاء", "نوال", "هالة", "هيفاء", "وفاء", "ياسمين", "سعاد", "سهام",
	"شيماء", "صفاء", "عبير", "عفاف", "فايزة", "لطيفة", "مها", "ميساء", "نبيلة", "نسرين", "نهي", "هبة",
	"جميلة", "حنان", "خلود", "دعاء", "رحاب", "رقية", "زهرة", "سحر", "سوسن", "شهد", "عزة", "علياء",
	"ندي", "نور", "ايمان", "الهام", "بثينة", "تغريد", "جيهان", "حياة", "روان", "سلوي", "عواطف", "لينا",
	"هيلاري", "كوندوليزا", "انجيلا", "تيريزا", "ماري", "ماريا", "اليزابيث", "كاثرين", "كريستين", "فيديريكا",
	"سامانثا", "نانسي", "ميشيل", "جوليا", "سوزان", "كارين", "باتريشيا", "جينيفر", "اورسولا", "كامالا",
)
