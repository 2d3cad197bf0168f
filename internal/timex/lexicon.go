package timex

import (
	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/quantity"
)

// key is the lookup form of a word written in the tables below.
func key(w string) string { return quantity.Key(arabic.NormalizeString(w)) }

func keys[V any](m map[string]V) map[string]V {
	out := make(map[string]V, len(m))
	for k, v := range m {
		out[key(k)] = v
	}
	return out
}

// gregorianMonths maps one-word month names (MSA, Levantine/Iraqi,
// Maghrebi) to their number. Two-word Levantine names are in
// twoWordMonths.
var gregorianMonths = keys(map[string]int{
	"يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
	"يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "أغسطوس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
	"شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "أيلول": 9,
	"جانفي": 1, "فيفري": 2, "أفريل": 4, "افريل": 4, "جوان": 6, "جويلية": 7, "جويليه": 7, "أوت": 8, "اوت": 8,
	"ماي": 5, "آب": 8,
})

// weakMonths are month names that are also common words (ماي, آب = a
// father, أوت); they count only beside a number, a year or another
// month name.
var weakMonths = keys(map[string]bool{"ماي": true, "آب": true, "أوت": true, "اوت": true})

// twoWordMonths are the Levantine names of two words.
var twoWordMonths = map[[2]string]int{
	{key("كانون"), key("الثاني")}: 1, {key("تشرين"), key("الأول")}: 10, {key("تشرين"), key("الثاني")}: 11, {key("كانون"), key("الأول")}: 12,
}

// hijriMonths maps Hijri month names to their number; two-word names are
// in twoWordHijri.
var hijriMonths = keys(map[string]int{
	"محرم": 1, "المحرم": 1, "صفر": 2, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
})

var twoWordHijri = map[[2]string]int{
	{key("ربيع"), key("الأول")}: 3, {key("ربيع"), key("الاول")}: 3, {key("ربيع"), key("الثاني")}: 4, {key("ربيع"), key("الآخر")}: 4,
	{key("جمادى"), key("الأولى")}: 5, {key("جمادى"), key("الآخرة")}: 6, {key("جمادى"), key("الثانية")}: 6,
	{key("جمادى"), key("الأول")}: 5, {key("جمادى"), key("الثاني")}: 6, {key("جمادى"), key("الآخر")}: 6,
	{key("ذو"), key("القعدة")}: 11, {key("ذي"), key("القعدة")}: 11, {key("ذو"), key("الحجة")}: 12, {key("ذي"), key("الحجة")}: 12,
}

// weekdays maps weekday names to time.Weekday numbers (Sunday = 0).
var weekdays = keys(map[string]int{
	"الأحد": 0, "الاحد": 0, "الإثنين": 1, "الاثنين": 1, "الأثنين": 1, "اثنين": 1, "الثلاثاء": 2, "ثلاثاء": 2, "الأربعاء": 3, "الاربعاء": 3, "اربعاء": 3, "الاربعا": 3, "اربعا": 3,
	"الخميس": 4, "خميس": 4, "الجمعة": 5, "جمعة": 5, "الجمعه": 5, "السبت": 6, "سبت": 6,
})

// IsWeekday reports whether the word w (as written or normalized) is a
// weekday name (الخميس, خميس, الإثنين).
func IsWeekday(w string) bool {
	_, ok := weekdays[key(w)]
	return ok
}

// IsMonthWord reports whether the word w (as written or normalized)
// names a month, Gregorian (MSA, Levantine or Maghrebi: يونيو, حزيران,
// جوان) or Hijri (شوال), or is the first word of a month's two-word name
// (كانون, تشرين, ربيع, جمادى, ذو, ذي). The words that are also common
// words (ماي, آب) are among them: a caller decides by their context.
func IsMonthWord(w string) bool {
	k := key(w)
	if _, ok := gregorianMonths[k]; ok {
		return true
	}
	if _, ok := hijriMonths[k]; ok {
		return true
	}
	return monthHeads[k]
}

// monthHeads are the first words of the two-word month names.
var monthHeads = func() map[string]bool {
	m := map[string]bool{}
	for p := range twoWordMonths {
		m[p[0]] = true
	}
	for p := range twoWordHijri {
		m[p[0]] = true
	}
	return m
}()

// direction words after a unit or name.
const (
	dirNone = iota
	dirPast
	dirThis
	dirNext
)

var directions = keys(map[string]int{
	"الماضي": dirPast, "الماضية": dirPast, "الماض": dirPast, "المنصرم": dirPast, "المنصرمة": dirPast, "الفائت": dirPast, "الفائتة": dirPast,
	"الفارط": dirPast, "الفارطة": dirPast, // Tunisian: الأسبوع الفارط, السنة الفارطة
	"السابق": dirPast, "السابقة": dirPast, "المنتهي": dirThis, "المنقضي": dirPast,
	"المقبل": dirNext, "المقبلة": dirNext, "القادم": dirNext, "القادمة": dirNext, "التالي": dirNext, "التالية": dirNext,
	"الجاري": dirThis, "الجارية": dirThis, "الحالي": dirThis, "الحالية": dirThis, "ذاته": dirThis, "نفسه": dirThis,
})

// dirOffset is the step of a direction from the current period: -1 for
// the past one, 1 for the next, 0 for this one or none.
func dirOffset(d int) int {
	switch d {
	case dirPast:
		return -1
	case dirNext:
		return 1
	}
	return 0
}

// dualDirections are the directions in the dual, after a dual unit
// (اليومين المقبلين, الأسبوعين الماضيين).
var dualDirections = keys(map[string]int{
	"الماضيين": dirPast, "المقبلين": dirNext, "القادمين": dirNext, "الماضيان": dirPast, "المقبلان": dirNext, "القادمان": dirNext,
})

// units of relative and duration expressions.
type unit struct {
	name   string // day, week, month, year, hour, minute, decade
	plural bool
	dual   bool
}

var units = keys(map[string]unit{
	"يوم": {"day", false, false}, "يوما": {"day", false, false}, "أيام": {"day", true, false}, "ايام": {"day", true, false}, "يومين": {"day", false, true}, "يومان": {"day", false, true},
	"اليوم": {"day", false, false}, "الأيام": {"day", true, false}, "اليومين": {"day", false, true},
	"أسبوع": {"week", false, false}, "أسبوعا": {"week", false, false}, "أسابيع": {"week", true, false}, "أسبوعين": {"week", false, true}, "أسبوعان": {"week", false, true},
	"الأسبوع": {"week", false, false}, "الأسابيع": {"week", true, false}, "الأسبوعين": {"week", false, true},
	"الشهرين": {"month", false, true}, "العامين": {"year", false, true}, "السنتين": {"year", false, true},
	"شهر": {"month", false, false}, "شهرا": {"month", false, false}, "أشهر": {"month", true, false}, "شهور": {"month", true, false}, "شهرين": {"month", false, true}, "شهران": {"month", false, true},
	"الشهر": {"month", false, false}, "الأشهر": {"month", true, false}, "الشهور": {"month", true, false},
	"سنة": {"year", false, false}, "سنوات": {"year", true, false}, "سنين": {"year", true, false}, "سنتين": {"year", false, true}, "سنتان": {"year", false, true},
	"عام": {"year", false, false}, "عاما": {"year", false, false}, "أعوام": {"year", true, false}, "عامين": {"year", false, true}, "عامان": {"year", false, true},
	"السنة": {"year", false, false}, "العام": {"year", false, false}, "السنوات": {"year", true, false}, "الأعوام": {"year", true, false},
	"ساعة": {"hour", false, false}, "ساعات": {"hour", true, false}, "ساعتين": {"hour", false, true}, "ساعتان": {"hour", false, true}, "الساعات": {"hour", true, false},
	"دقيقة": {"minute", false, false}, "دقائق": {"minute", true, false}, "دقيقتين": {"minute", false, true},
	"ثانية": {"second", false, false}, "ثوان": {"second", true, false}, "ثواني": {"second", true, false}, "ثانيتين": {"second", false, true},
	"عقد": {"decade", false, false}, "عقود": {"decade", true, false}, "عقدين": {"decade", false, true},
})

var durationLetter = map[string]string{"day": "D", "week": "W", "month": "M", "year": "Y", "hour": "H", "minute": "M", "second": "S", "decade": "DE"}

// parts of a period.
var parts = keys(map[string]string{
	"مطلع": "START", "بداية": "START", "بدايات": "START", "أوائل": "START", "مستهل": "START", "أول": "START", "اول": "START", "صدر": "START",
	"منتصف": "MID", "أواسط": "MID", "نص": "MID", "نصف": "MID", "وسط": "MID",
	"أواخر": "END", "نهاية": "END", "نهايات": "END", "آخر": "END", "اخر": "END", "ختام": "END", "أخر": "END",
})

// dayParts maps words for a part of the day to TIMEX3 codes.
var dayParts = keys(map[string]string{
	"صباح": "MO", "صباحا": "MO", "الصباح": "MO", "الصبح": "MO", "صبيحة": "MO", "فجر": "MO", "فجرا": "MO", "الفجر": "MO",
	"ظهر": "MI", "ظهرا": "MI", "الظهر": "MI", "ظهيرة": "MI",
	"عصر": "AF", "عصرا": "AF", "العصر": "AF",
	"مساء": "EV", "مساءا": "EV", "المساء": "EV", "عشية": "EV", "مغرب": "EV", "المغرب": "EV",
	"ليل": "NI", "ليلا": "NI", "الليل": "NI", "ليلة": "NI", "الليلة": "NI", "منتصف الليل": "NI",
	"نهار": "DT", "نهارا": "DT", "النهار": "DT",
})

// vague maps words for the present, past and future in general.
var vague = keys(map[string]string{
	"الآن": "PRESENT_REF", "حاليا": "PRESENT_REF", "حالا": "PRESENT_REF",
	"مؤخرا": "PAST_REF", "سابقا": "PAST_REF", "قديما": "PAST_REF",
	"مستقبلا": "FUTURE_REF", "لاحقا": "FUTURE_REF",
})

// sets maps adverbs of frequency to their period.
var sets = keys(map[string]string{
	"يوميا": "P1D", "أسبوعيا": "P1W", "شهريا": "P1M", "سنويا": "P1Y", "عاميا": "P1Y", "ساعيا": "PT1H",
})

var seasons = keys(map[string]string{
	"الصيف": "SU", "الشتاء": "WI", "الربيع": "SP", "الخريف": "FA", "صيف": "SU", "شتاء": "WI",
})

// decades maps decade words (with and without the article) to the digit
// of the tens.
var decades = func() map[string]int {
	m := map[string]int{}
	for d, w := range map[int]string{2: "عشرين", 3: "ثلاثين", 4: "أربعين", 5: "خمسين", 6: "ستين", 7: "سبعين", 8: "ثمانين", 9: "تسعين"} {
		for _, suf := range []string{"يات", "ات"} {
			m[key(w+suf)] = d
			m[key("ال"+w+suf)] = d
		}
	}
	return m
}()

// ordinalWords maps ordinals used for quarters, halves and weeks.
var ordinalWords = keys(map[string]int{
	"الأول": 1, "الاول": 1, "الأولى": 1, "الثاني": 2, "الثانية": 2, "الثالث": 3, "الثالثة": 3, "الرابع": 4, "الرابعة": 4,
	"الأخير": -1, "الأخيرة": -1,
})
