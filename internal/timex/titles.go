package timex

import (
	"strings"

	"github.com/rasid-news/rasid/internal/arabic"
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

// namedByDay reports a day written without a year that names a place or
// an event after a word that takes such a name: ملعب 15 أكتوبر, مدينة 6
// أكتوبر, شارع 26 يوليو, ثورة 25 يناير, ثورة 30 يونيو. The place is no
// time, and the event's year is not the reference's (ثورة 25 يناير 2011,
// with its year, stays a day).
func (p *parser) namedByDay(i int, m match) bool {
	return m.hasDay && m.guessYear && m.t.Hijri == "" && p.isNum(i) && inSet(namedByDay, p.k(i-1))
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
