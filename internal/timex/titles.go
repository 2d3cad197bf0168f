package timex

import (
	"strings"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/quantity"
)

// Titles. A word of time can be part of the name of a newspaper, a site,
// a channel or a programme — the Dammam daily اليوم, عين اليوم, أخبار
// اليوم, المصري اليوم, السعودية اليوم, روسيا اليوم — or a title quoted
// alone ("الغد"). title decides, for the longest reading at a token, in
// one place and before neighbours are joined, so that a title is neither
// read nor joined (صحيفة أخبار اليوم الأحد leaves the weekday alone).
// The word lists hold words without their clitics, each once: a lookup
// tries the word as written and bare, without و, ف, ب or ل (لصحيفة,
// وبصحيفة, ولعين).

// Quotation marks that open and close a title.
const (
	openQuotes  = "«\"“”'‘’"
	closeQuotes = "»\"”“'’‘"
)

// title reports that a reading of tokens [i, j) is part of a title, not
// a time.
//
//   - A reading of one word alone inside quotation marks (لـ«اليوم»,
//     "الغد", "الخميس":), or in brackets after a word that names or
//     addresses a medium (لـ(اليوم), مع (اليوم), علمت (اليوم), بدار
//     (اليوم), صحيفة (اليوم), حصلت عليها (اليوم); غدا (اليوم) corrects a
//     day), or in brackets on a line of their own (a credit line).
//   - اليوم read alone closing a title of two words in quotation marks
//     («روسيا اليوم», not «حتى اليوم»; «الابتدائية حاليا» is no اليوم),
//     or in brackets with a title word (في (أخبار اليوم)).
//   - Any reading from اليوم after عين (the site عين اليوم, whose byline
//     heads its articles), after a medium named without its article
//     (صحيفة اليوم, جريدة اليوم, دار اليوم; الصحيفة اليوم is the paper
//     today), after لـ written apart (لـ اليوم:), or after a medium and a
//     title word (صحيفة أخبار اليوم, قناة السعودية اليوم, جريدة عالم
//     اليوم; but قالت صحيفة الحياة اليوم, موقع تويتر اليوم, أعلنت مصر
//     اليوم and استخدمت روسيا اليوم حق النقض are today).
func (p *parser) title(i, j int) bool {
	if i >= len(p.ws) || p.ws[i].Kind != arabic.Word {
		return false
	}
	if j == i+1 && p.enclosed(i, i+1) {
		return true
	}
	if p.ws[i].Key != "اليوم" {
		return false
	}
	if j == i+1 && i >= 2 && p.ws[i-1].Kind == arabic.Word && !arabic.IsFunctionWord(p.ws[i-1].Norm) &&
		(p.enclosed(i-1, i+1) || p.raw(i-2) == "(" && p.raw(i+1) == ")" && inSet(titleWords, p.k(i-1))) {
		return true
	}
	prev := p.k(i - 1)
	switch {
	case i == 0 || p.ws[i-1].Kind != arabic.Word && p.raw(i-1) != "لـ":
		return false
	case inSet(named, prev) || inSet(mediaBeforeToday, prev) || p.raw(i-1) == "لـ":
		return true
	}
	return inSet(titleWords, prev) && inSet(media, p.k(i-2))
}

// inName reports a reading at token i that is part of a name, not a
// time of the text:
//
//   - a day written without a year after a word that takes it as a name
//     (namedByDay): ملعب 15 أكتوبر, مدينة 6 أكتوبر, شارع 26 يوليو, ثورة
//     25 يناير, ثورة 30 يونيو, also with the day in words (ثورة
//     الثلاثين من يونيو, ميدان الخامس والعشرين من يناير). The place is no time, and the event's year
//     is not the reference's (ثورة 25 يناير 2011, with its year, stays a
//     day). ExtractWith leaves such a day out: its value would be false;
//   - a year written alone (2018, 2018 م) at the end of the name of a
//     competition, a plan, a show or a model, whose head word
//     (namedByYear) comes at most four words before it with only words
//     of the name between (yearNamed): كأس العالم 2018, مونديال روسيا
//     2018, أولمبياد طوكيو 2020, رؤية المملكة 2030, خطة 2020, معرض
//     «السعودية 2050», إكسبو 2020, موديل 2011. The year belongs to the
//     name: تأهل إلى كأس العالم 2018 tells no event of 2018. A year with
//     its word (عام 2018) or after في, منذ is a date even there (فاز
//     بكأس العالم في 2014), and so is a year that opens a span of years
//     (خطة 2016 إلى 2020, خطة التنمية 2015-2020: with Options.Ranges the
//     span is one reading, which no name takes). ExtractWith keeps a
//     year in a name, marked Name: its value is right, and it keeps the
//     digits of the name from being read as a quantity (كأس العالم 1986
//     وقال is no count of وقال).
func (p *parser) inName(i int, m match) bool {
	if m.t.Hijri != "" {
		return false
	}
	if m.hasDay && m.guessYear && (p.isNum(i) || p.ordinalAt(i)) {
		return inSet(namedByDay, p.k(i-1))
	}
	if !p.isNum(i) {
		return false
	}
	if c, ok := p.connector(m.j, false); ok && p.isNum(c) {
		return false // خطة 2016 إلى 2020: a span of years, not a name's year
	}
	return m.t.Type == TypeDate && m.t.Granularity == "year" && m.j <= i+2 && len([]rune(p.ws[i].Key)) == 4 && p.yearNamed(i)
}

// ordinalAt reports a day written as an ordinal word at token i (ثورة
// الثلاثين من يونيو, ميدان الخامس والعشرين من يناير).
func (p *parser) ordinalAt(i int) bool {
	if i < 0 || i >= len(p.ws) || p.ws[i].Kind != arabic.Word {
		return false
	}
	n, ok := quantity.ParseAt(p.ws, i)
	return ok && n.Ordinal
}

// yearNamed reports a head word of namedByYear before the year at token
// i, at most four words back, with only words between that may be part
// of a name: no function word, number, time word or punctuation but an
// opening quotation mark (معرض «السعودية 2050»), and no line break.
func (p *parser) yearNamed(i int) bool {
	words := 0
	for b := i - 1; b >= 0 && words < 4; b-- {
		if p.breakBefore(b + 1) {
			return false
		}
		w := p.ws[b]
		switch w.Kind {
		case arabic.Word:
			if inSet(namedByYear, w.Key) {
				return true
			}
			if arabic.IsFunctionWord(w.Norm) || timeWord(w.Key) || inSet(eventByYear, w.Key) {
				return false
			}
			words++
		case arabic.Latin:
			words++ // إكسبو Expo 2020
		case arabic.Punct:
			if w.Raw == "" || !strings.Contains(openQuotes, w.Raw) {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// timeWord reports a word of time, which ends the words of a name before
// a year: a month (كأس العالم في يونيو 2018 is a month), a unit, also in
// the dual of a construct or with a preposition (بطولة العام 2015, كأس
// الاتحاد سنتي 2006 و2015, برنامج الوزارة لسنوات 2017-2020), a
// direction, a season of sport (الألعاب للموسم 2014-2015, بطولة الدوري
// موسم 2012).
func timeWord(key string) bool {
	switch w := withArticle(key); w {
	case "موسم", "الموسم", "مواسم", "المواسم", "موسمي", "سنتي", "عامي", "السنتين", "العامين":
		return true
	default:
		if _, ok := units[w]; ok {
			return true
		}
	}
	if _, ok := gregorianMonths[bare(key)]; ok {
		return true
	}
	if _, ok := units[key]; ok {
		return true
	}
	return directions[key] != dirNone
}

// enclosed reports tokens [a, b) between an opening and a closing
// quotation mark, or between brackets on a line of their own or after a
// word that names or addresses a medium (also with عليها or عليه
// between: حصلت عليها (اليوم)).
func (p *parser) enclosed(a, b int) bool {
	if a < 1 || b >= len(p.ws) {
		return false
	}
	open, cl := p.raw(a-1), p.raw(b)
	if open == "(" && cl == ")" {
		if p.breakBefore(a-1) && p.breakBefore(b+1) {
			return true // (اليوم) on a line of its own: the credit of the Dammam daily
		}
		before := p.k(a - 2)
		if before == "عليها" || before == "عليه" {
			before = p.k(a - 3) // معلومات حصلت عليها (اليوم)
		}
		return inSet(addressesMedium, before) || inSet(media, before) || inSet(named, before)
	}
	return open != "" && cl != "" && strings.Contains(openQuotes, open) && strings.Contains(closeQuotes, cl)
}

// breakBefore reports a line break (or the edge of the text) between
// token i-1 and token i.
func (p *parser) breakBefore(i int) bool {
	if i <= 0 || i >= len(p.ws) {
		return true
	}
	return strings.ContainsAny(string(p.rs[p.ws[i-1].End:p.ws[i].Start]), "\n\u2028\u2029")
}

// inSet reports whether key, as written or bare, is in set.
func inSet(set map[string]bool, key string) bool { return set[key] || set[bare(key)] }

// bare returns key without a leading و or ف and then ب or ل, when at
// least three letters remain: لصحيفه and وبصحيفه are صحيفه.
func bare(key string) string {
	r := []rune(key)
	if len(r) > 3 && (r[0] == 'و' || r[0] == 'ف') {
		r = r[1:]
	}
	if len(r) > 3 && (r[0] == 'ب' || r[0] == 'ل') {
		r = r[1:]
	}
	return string(r)
}

// named holds the words after which اليوم is always a name: the Saudi
// site عين اليوم.
var named = keys(map[string]bool{"عين": true})

// namedByDay holds the words that take a day as a name: places (ملعب,
// شارع, مدينة, جامعة, ميدان, حي) and events (ثورة, انتفاضة, معركة, حركة).
var namedByDay = keys(map[string]bool{
	"ملعب": true, "استاد": true, "شارع": true, "مدينة": true, "جامعة": true, "جسر": true, "كوبري": true,
	"ساحة": true, "ميدان": true, "حي": true, "مطار": true, "مستشفى": true, "مدرسة": true, "قاعة": true,
	"ثورة": true, "انتفاضة": true, "معركة": true, "حركة": true, "جبهة": true, "تيار": true,
})

// eventByYear holds the words of events named by their year, whose year
// is the date of the event they name (ثورة 1919, حرب 1967, انتخابات
// 2005, أحداث 2011): met before a head word of namedByYear, they end the
// name (معرض لصور أحداث ثورة 2011 is the revolution's year).
var eventByYear = keys(map[string]bool{
	"ثورة": true, "انتفاضة": true, "حرب": true, "معركة": true, "أحداث": true, "انتخابات": true,
	"حادثة": true, "اتفاقية": true, "اتفاق": true, "دستور": true, "غزو": true, "نكبة": true, "نكسة": true,
})

// namedByYear holds the head words of names that end with a year:
// competitions (كأس العالم 2018, مونديال 2022, أولمبياد طوكيو 2020,
// يورو 2016, بطولة 2022, أمم أفريقيا 2017), plans and visions (رؤية
// 2030, خطة 2020, استراتيجية 2025, برنامج التحول الوطني 2020), shows
// and fairs (معرض, إكسبو, مهرجان صيف الشرقية 2015, ملتقى, منتدى), models
// and editions (موديل 2011, طراز 2016, إصدار 2016). Events named by
// their year (eventByYear: ثورة 1919, حرب 1967, انتخابات 2005) are left
// out: their year is the date of the event they name.
var namedByYear = keys(map[string]bool{
	"كأس": true, "مونديال": true, "مونديالي": true, "أولمبياد": true, "اولمبياد": true, "بطولة": true,
	"يورو": true, "أمم": true, "ألعاب": true, "الألعاب": true,
	"رؤية": true, "خطة": true, "استراتيجية": true, "إستراتيجية": true, "أجندة": true, "برنامج": true, "مبادرة": true,
	"معرض": true, "إكسبو": true, "اكسبو": true, "مهرجان": true, "ملتقى": true, "منتدى": true, "مؤتمر": true,
	"جائزة": true, "مسابقة": true, "ماراثون": true,
	"موديل": true, "موديلات": true, "طراز": true, "إصدار": true,
})

// media holds the words that name a medium (without article or clitic),
// after which a title follows: صحيفة, جريدة, قناة, موقع, برنامج.
var media = keys(map[string]bool{
	"صحيفة": true, "جريدة": true, "مجلة": true, "قناة": true, "فضائية": true, "موقع": true,
	"شبكة": true, "برنامج": true, "مؤسسة": true, "دار": true,
})

// mediaBeforeToday holds the media whose name followed by اليوم is the
// name of one: the Dammam daily اليوم (صحيفة اليوم, جريدة اليوم, دار
// اليوم, مؤسسة اليوم); برنامج اليوم is today's programme.
var mediaBeforeToday = keys(map[string]bool{
	"صحيفة": true, "جريدة": true, "مجلة": true, "قناة": true, "مؤسسة": true, "دار": true,
})

// addressesMedium holds the words after which a word in brackets is a
// newspaper: لـ(اليوم), مع (اليوم), علمت (اليوم), حصلت (اليوم).
var addressesMedium = keys(map[string]bool{"ل": true, "مع": true, "علمت": true, "حصلت": true})

// titleWords hold the words that with اليوم after them name a newspaper,
// a channel or a programme (أخبار اليوم, المصري اليوم, العرب اليوم, مصر
// اليوم, روسيا اليوم, عالم اليوم). A newspaper named by the word alone
// (الرياض, الحياة, الوطن, الشرق, الخليج, العرب's London namesake aside,
// الأهرام, عمان) is left out: صحيفة الرياض اليوم is that paper today.
var titleWords = keys(map[string]bool{
	"أخبار": true, "المصري": true, "السعودية": true, "العرب": true, "عالم": true, "السينما": true,
	"مصر": true, "الإمارات": true, "اليمن": true, "إسرائيل": true, "القاهرة": true, "فلسطين": true,
	"روسيا": true, "الأردن": true, "لبنان": true, "سوريا": true, "العراق": true, "الجزائر": true,
	"تونس": true, "المغرب": true, "ليبيا": true, "السودان": true, "الكويت": true, "أمريكا": true,
	"أميركا": true, "الهند": true, "تركيا": true, "إيران": true,
})

// rhetorical reports a reading of tokens [i, j) that is tomorrow said as
// a figure of speech, not a day: غد or الغد promised or owned, in a
// slogan or a title (نحو غدٍ أفضل, غدًا أفضل, غداً مشرقاً, الغد المشرق,
// أجيال الغد, قائد الغد, طاقة الغد, عدو الغد), the idiom اليوم قبل الغد
// (at once), the name of a party or a paper (حزب الغد, صحيفة الغد), and
// the verb غدا (became) after قد. مباراة الغد, لقاء الغد, صباح الغد and
// اعتبارا من الغد are the next day.
func (p *parser) rhetorical(i, j int) bool {
	if j != i+1 || i >= len(p.ws) || p.ws[i].Kind != arabic.Word {
		return false
	}
	k := tomorrowForm(p.ws[i].Key)
	switch {
	case k == "":
		return false
	case inSet(promise, p.k(i+1)):
		return true // غد أفضل, الغد المشرق
	case k == "غدا":
		return p.k(i-1) == "قد" || p.k(i-1) == "لقد" // قد غدا أفقيا: became
	case k != "الغد":
		return false
	case p.k(i-1) == "قبل" && p.k(i-2) == "اليوم":
		return true // اليوم قبل الغد
	}
	return inSet(ofTomorrow, p.k(i-1)) || inSet(media, p.k(i-1))
}

// tomorrowForm returns غد, غدا or الغد for a key that is one of them,
// with و or ف and then ب or ل before it (للغد, وللغد, بالغد, وغدا), or
// "".
func tomorrowForm(key string) string {
	switch s := withArticle(key); s {
	case "غد", "غدا", "الغد":
		return s
	}
	return ""
}

// withArticle returns key without a leading و or ف and then ب or ل,
// with the article of لل given back: للغد and وللموسم are الغد and
// الموسم, بغد is غد.
func withArticle(key string) string {
	r := []rune(key)
	if len(r) > 2 && (r[0] == 'و' || r[0] == 'ف') {
		r = r[1:]
	}
	if len(r) > 2 && (r[0] == 'ب' || r[0] == 'ل') {
		if r[0] == 'ل' && r[1] == 'ل' {
			return "ا" + string(r[1:])
		}
		r = r[1:]
	}
	return string(r)
}

// promise holds the words that, after غد or الغد, make it a future
// promised, not the next day: غد أفضل, غدًا أجمل, غد مشرق, غد واعد,
// الغد المشرق, الغد الأفضل.
var promise = keys(map[string]bool{
	"أفضل": true, "أجمل": true, "أسعد": true, "مشرق": true, "مشرقا": true, "مشرقاً": true,
	"واعد": true, "واعدا": true, "مزدهر": true, "زاهر": true, "الأفضل": true, "الأجمل": true,
	"المشرق": true, "الواعد": true, "المزدهر": true, "الزاهر": true, "الزاخر": true, "المنشود": true,
})

// ofTomorrow holds the nouns after which الغد is the future they belong
// to: أجيال الغد, جيل الغد, قادة الغد, قائد الغد, جنود الغد, رجال الغد,
// شباب الغد, صناع الغد, عدو الغد, طاقة الغد, مدن الغد, عالم الغد, اقتصاد
// الغد, حزب الغد (a party).
var ofTomorrow = keys(map[string]bool{
	"أجيال": true, "جيل": true, "قادة": true, "قائد": true, "جنود": true, "رجال": true, "شباب": true,
	"صناع": true, "صناعة": true, "بناة": true, "عدو": true, "حليف": true, "طاقة": true, "مدن": true,
	"مدينة": true, "مدرسة": true, "مدارس": true, "عالم": true, "اقتصاد": true, "حزب": true, "أمل": true,
	"آمال": true, "تحديات": true, "مستقبل": true, "نبني": true, "نصنع": true,
})
