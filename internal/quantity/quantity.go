// Package quantity finds numbers in Arabic text, written in digits
// (ASCII or Arabic-Indic, with the separators ٫ ٬ , .) or in words, and
// the quantities built on them: ordinals, percentages, ranges, money with
// its currency, and counted nouns. Spans are Unicode code point offsets
// into the original text.
package quantity

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/arabic"
)

// Types of finding.
const (
	TypeNumber  = "number"
	TypeOrdinal = "ordinal"
	TypePercent = "percent"
	TypeRange   = "range"
	TypeMoney   = "money"
	TypeCount   = "count"
)

// Quantity is one finding. Value is the number (the lower bound of a
// range); for a range Max is the upper bound and Interval the range in
// interval notation ("[20,30)", "(100,)"). Unit is the currency code of
// money or the counted noun as written.
type Quantity struct {
	Text     string   `json:"text"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Type     string   `json:"type"`
	Value    float64  `json:"value"`
	Max      *float64 `json:"max,omitempty"`
	Interval string   `json:"interval,omitempty"`
	Unit     string   `json:"unit,omitempty"`
	// Relative is a relative ordinal in Recognizers-Text's writing:
	// end+0 (الأخير), end-1 (قبل الأخير), current+1 (التالي), current-1
	// (السابق), current+0 (الحالي). Only Numbers returns them.
	Relative string `json:"relative,omitempty"`
}

// span is a number found in the token stream.
type span struct {
	num  Number
	i, j int // tokens [i, j)
	neg  bool
}

// Numbers returns the bare numbers and ordinals of text, each with the
// span of its own words only, and the relative ordinals (الأخير, قبل
// الأخير, التالي, السابق, الحالي) with Relative set.
func Numbers(text string) []Quantity {
	toks := arabic.Tokenize(text)
	ws := Words(toks)
	rs := []rune(text)
	var out []Quantity
	next := 0
	for _, s := range scanNumbers(ws, rs) {
		out = appendRelative(out, ws, rs, next, s.i)
		out = append(out, s.quantity(ws, rs))
		next = s.j
	}
	return appendRelative(out, ws, rs, next, len(ws))
}

// window bounds the words a number may still take after position i, so
// that a parse never copies the rest of a long text.
func window(ws []Word, i int) []Word {
	return ws[i:min(len(ws), i+maxNumberWords)]
}

// maxNumberWords bounds the words of one number in words.
const maxNumberWords = 24

func (s span) quantity(ws []Word, rs []rune) Quantity {
	q := Quantity{Start: ws[s.i].Start, End: ws[s.j-1].End, Type: TypeNumber, Value: s.num.Value}
	if s.num.Ordinal {
		q.Type = TypeOrdinal
	}
	if s.neg {
		q.Value = -q.Value
	}
	q.Text = string(rs[q.Start:q.End])
	return q
}

// scanNumbers finds every number in ws (the words of rs), left to right,
// longest first.
func scanNumbers(ws []Word, rs []rune) []span {
	var out []span
	for i := 0; i < len(ws); {
		if g, ok := digitGroups(ws, rs, i); ok {
			out = append(out, g)
			i = g.j
			continue
		}
		if gluedToWord(ws, i) {
			i++
			continue
		}
		n, ok := ParseAt(ws, i)
		if !ok {
			n, ok = andNumber(ws, i)
		}
		if ok && ambiguousSix(ws, i, n) {
			i++
			continue
		}
		if ok && n.Ordinal && i > 0 && (monthHeads[ws[i-1].Key] || monthHeads[strings.TrimPrefix(ws[i-1].Key, "و")]) {
			i += n.Words // كانون الثاني, ربيع الأول: a month's name, no ordinal
			continue
		}
		if !ok {
			if f, ok := fractionAt(ws, i); ok {
				out = append(out, f)
				i = f.j
				continue
			}
			i++
			continue
		}
		s := span{num: n, i: i, j: i + n.Words}
		if n.Digits {
			s = power(ws, s)
		}
		// A sign: سالب, ناقص, or a minus sign right before digits.
		if i > 0 {
			switch p := ws[i-1]; {
			case p.Key == "سالب" || p.Key == "ناقص":
				s.i, s.neg = i-1, true
			case n.Digits && p.Raw == "-" && p.End == ws[i].Start && (i == 1 || ws[i-2].Kind != arabic.Number):
				s.i, s.neg = i-1, true
			}
		}
		out = append(out, s)
		i = s.j
	}
	return joinFractions(ws, out)
}

// andNumber parses a number whose first word carries the conjunction و
// (the وخمسة عشر of بين عشرة وخمسة عشر).
func andNumber(ws []Word, i int) (Number, bool) {
	k, ok := strings.CutPrefix(ws[i].Key, "و")
	if !ok || ws[i].Kind != arabic.Word {
		return Number{}, false
	}
	if w, ok := cardinals[k]; !ok || w.kind == fracWord {
		return Number{}, false
	}
	tmp := append([]Word{{Key: k, Raw: ws[i].Raw, Kind: ws[i].Kind, Start: ws[i].Start, End: ws[i].End}}, window(ws, i+1)...)
	return parseCardinal(tmp, 0, false)
}

// Extract returns the quantities of text: percentages, ranges, money and
// counted nouns built on its numbers, and the remaining bare numbers and
// ordinals. Digits written as a telephone or record number (see
// identifier) are left out.
func Extract(text string) []Quantity {
	toks := arabic.Tokenize(text)
	ws := Words(toks)
	rs := []rune(text)
	nums := scanNumbers(ws, rs)
	var out []Quantity
	used := 0 // tokens before used belong to a finding already
	for k := 0; k < len(nums); k++ {
		s := nums[k]
		if s.i < used || s.num.Digits && s.j-s.i == 1 && identifier(ws[s.i]) {
			continue // a telephone or record number is no quantity (Numbers reads it, as Recognizers-Text does)
		}
		q := s.quantity(ws, rs)
		i, j := s.i, s.j
		// Ranges: من X إلى Y, بين X و Y, X - Y.
		if k+1 < len(nums) && !s.num.Ordinal {
			t := nums[k+1]
			if lo, hi, ok := rangeBetween(ws, s, t); ok {
				i, j = lo, hi
				q.Type = TypeRange
				mx := t.num.Value
				if t.neg {
					mx = -mx
				}
				q.Max = &mx
				q.Interval = "[" + formatNum(q.Value) + "," + formatNum(mx) + ")"
				if ws[lo].Key == "من" {
					q.Interval = "[" + formatNum(q.Value) + "," + formatNum(mx) + "]"
				}
				k++
			}
		}
		if q.Type != TypeRange {
			if b, ok := comparative(ws, s); ok {
				// A lower and an upper bound joined by و make one range:
				// أكبر من 100 وأصغر من 300, على الأكثر 100 وعلى الأقل 20.
				if k+1 < len(nums) {
					if b2, ok := comparative(ws, nums[k+1]); ok && joined(ws, b, b2) {
						if lo, hi, ok := b.join(b2); ok {
							i, j = b.i, b2.j
							q.Type, q.Interval = TypeRange, lo.lowerBracket()+lo.v+","+hi.v+hi.upperBracket()
							q.Value = lo.val
							mx := hi.val
							q.Max = &mx
							k++
							goto found
						}
					}
				}
				i, j = b.i, b.j
				q.Type, q.Interval = TypeRange, b.interval()
			}
		}
	found:
		// Percent, money, counted noun after the number.
		if q.Type == TypeNumber || q.Type == TypeRange {
			if pj, ok := percentAfter(ws, j); ok {
				j = pj
				if q.Type == TypeNumber {
					q.Type = TypePercent
				}
			} else if i > 0 && (ws[i-1].Key == "نسبه" || ws[i-1].Key == normKey("بالمائة") || ws[i-1].Key == normKey("بالمئة")) && q.Type == TypeNumber {
				i--
				q.Type = TypePercent
			} else if cur, cj, ok := currencyAfter(ws, j); ok {
				j = cj
				q.Unit = cur
				if q.Type == TypeNumber {
					q.Type = TypeMoney
				}
			} else if i > 0 && (ws[i-1].Raw == "$" || ws[i-1].Raw == "US$") {
				i--
				q.Unit = "USD"
				if q.Type == TypeNumber {
					q.Type = TypeMoney
				}
			} else if j < len(ws) && ws[j].Raw == "$" && ws[j].Start == ws[j-1].End {
				j++
				q.Unit = "USD"
				q.Type = TypeMoney
			} else if q.Type == TypeNumber && s.num.Integer && j < len(ws) && countable(ws[j]) && !yearBefore(ws, s) {
				q.Unit = ws[j].Raw
				q.Type = TypeCount
				j++
			}
		}
		q.Start, q.End = ws[i].Start, ws[j-1].End
		q.Text = string(rs[q.Start:q.End])
		out = append(out, q)
		used = j
	}
	return out
}

// rangeBetween recognizes من X إلى Y, بين X و Y and X - Y over two
// consecutive numbers s and t; it returns the token span of the range.
func rangeBetween(ws []Word, s, t span) (int, int, bool) {
	gap := ws[s.j:t.i]
	switch {
	case len(gap) == 1 && (gap[0].Raw == "-" || gap[0].Raw == "–") && !s.neg:
		// Not a date (1995-01) or a telephone number (+1-222-2222).
		if strings.HasPrefix(ws[t.i].Key, "0") || s.i > 0 && ws[s.i-1].Raw == "+" ||
			t.j < len(ws) && ws[t.j].Start == ws[t.j-1].End && (ws[t.j].Raw == "-" || ws[t.j].Raw == "/") {
			return 0, 0, false
		}
		return s.i, t.j, true
	case len(gap) == 1 && (gap[0].Key == "الي" || gap[0].Key == "حتي") && s.i > 0 && ws[s.i-1].Key == "من":
		return s.i - 1, t.j, true
	case len(gap) == 0 && strings.HasPrefix(ws[t.i].Key, "و") && s.i > 0 && ws[s.i-1].Key == "بين":
		return s.i - 1, t.j, true
	case len(gap) == 1 && gap[0].Key == "و" && s.i > 0 && ws[s.i-1].Key == "بين":
		return s.i - 1, t.j, true
	}
	return 0, 0, false
}

// percentAfter recognizes % ٪ بالمئة بالمائة في المئة في المائة after a
// number ending before token j.
func percentAfter(ws []Word, j int) (int, bool) {
	if j >= len(ws) {
		return j, false
	}
	switch k := ws[j].Key; {
	case ws[j].Raw == "%" || ws[j].Raw == "٪":
		return j + 1, true
	case k == normKey("بالمئة") || k == normKey("بالمائة") || k == "%":
		return j + 1, true
	case k == "في" && j+1 < len(ws) && (ws[j+1].Key == normKey("المئة") || ws[j+1].Key == normKey("المائة")):
		return j + 2, true
	}
	return j, false
}

// currencies maps currency words to a code; the second word (an
// adjective of nationality) refines it.
var currencies = normKeys(map[string]string{
	"دولار": "USD", "دولارا": "USD", "دولارات": "USD", "الدولار": "USD",
	"يورو": "EUR", "اليورو": "EUR",
	"ريال": "SAR", "ريالا": "SAR", "ريالات": "SAR",
	"دينار": "DINAR", "دينارا": "DINAR", "دنانير": "DINAR",
	"درهم": "AED", "درهما": "AED", "دراهم": "AED",
	"جنيه": "EGP", "جنيها": "EGP", "جنيهات": "EGP",
	"ليره": "LIRA", "ليرات": "LIRA",
	"يوان": "CNY", "ين": "JPY",
})

var currencyAdjectives = normKeys(map[string]string{
	"امريكي": "USD", "كندي": "CAD", "استرالي": "AUD",
	"قطري": "QAR", "عماني": "OMR", "يمني": "YER", "ايراني": "IRR", "سعودي": "SAR",
	"عراقي": "IQD", "كويتي": "KWD", "اردني": "JOD", "بحريني": "BHD", "ليبي": "LYD", "تونسي": "TND", "جزائري": "DZD",
	"اماراتي": "AED", "مغربي": "MAD",
	"مصري": "EGP", "استرليني": "GBP", "سوداني": "SDG",
	"لبنانيه": "LBP", "سوريه": "SYP", "تركيه": "TRY",
})

// currencyAfter recognizes a currency word at ws[j], with an optional
// nationality after it.
func currencyAfter(ws []Word, j int) (string, int, bool) {
	if j >= len(ws) {
		return "", j, false
	}
	code, ok := currencies[ws[j].Key]
	if !ok {
		return "", j, false
	}
	if j+1 < len(ws) {
		if c, ok := currencyAdjectives[ws[j+1].Key]; ok {
			return c, j + 2, true
		}
	}
	switch code {
	case "DINAR":
		code = "دينار"
	case "LIRA":
		code = "ليرة"
	}
	return code, j + 1, true
}

// notCounted lists words that follow numbers without being counted, besides
// the stopwords (arabic.IsStopword): prepositional nouns, and the elatives
// of "the 10 largest …", whose counted noun comes after them.
var notCounted = normKeys(map[string]bool{
	"و": true, "او": true, "ثم": true, "قد": true, "لا": true, "لم": true, "لن": true, "ما": true,
	"بنسبة": true, "بتوقيت": true, "مقارنة": true, "بسبب": true, "إثر": true, "مقابل": true,
	"ضمن": true, "داخل": true, "خارج": true, "وسط": true, "جراء": true, "حيال": true, "عقب": true,
	"أهم": true, "أكبر": true, "أبرز": true, "أكثر": true, "أقل": true, "أفضل": true, "أسوأ": true,
	"أقوى": true, "أعلى": true, "أدنى": true, "أقدم": true, "أحدث": true, "أصغر": true, "أطول": true,
	"أقصر": true, "أسرع": true, "أخطر": true, "أغنى": true, "أفقر": true, "أجمل": true, "أغلى": true,
})

// monthNames are the one-word month names (Gregorian as the Gulf, the
// Levant and the Maghreb write them, and Hijri): a number before one is a
// day of that month, not a count of it, also where the date is a name and
// no date (ثورة 25 يناير, ملعب 15 أكتوبر), which the time expressions
// leave out. timex holds the same names (its TestMonthsNotCounted).
var monthNames = normKeys(map[string]bool{
	"يناير": true, "فبراير": true, "مارس": true, "أبريل": true, "ابريل": true, "إبريل": true, "مايو": true,
	"يونيو": true, "يونيه": true, "يوليو": true, "يوليه": true, "أغسطس": true, "اغسطس": true, "أغسطوس": true,
	"سبتمبر": true, "أكتوبر": true, "اكتوبر": true, "نوفمبر": true, "ديسمبر": true,
	"شباط": true, "آذار": true, "اذار": true, "نيسان": true, "أيار": true, "حزيران": true, "تموز": true, "أيلول": true,
	"جانفي": true, "فيفري": true, "أفريل": true, "افريل": true, "جوان": true, "جويلية": true, "جويليه": true,
	"أوت": true, "اوت": true, "ماي": true, "آب": true,
	"محرم": true, "المحرم": true, "صفر": true, "رجب": true, "شعبان": true, "رمضان": true, "شوال": true,
	"كانون": true, "تشرين": true, "ربيع": true, "جمادى": true,
})

// monthHeads are the first words of the month names of two words, whose
// second word is an ordinal (كانون الثاني, تشرين الأول, ربيع الآخر,
// جمادى الأولى).
var monthHeads = normKeys(map[string]bool{"كانون": true, "تشرين": true, "ربيع": true, "جمادى": true})

// countable reports whether w can be the noun counted by a number before
// it (ثلاثة جنود, 20 قتيلا): not a function word, a number word, a word
// with the article, a verb, or a word after a proclitic (arabic.ProcliticForm).
func countable(w Word) bool {
	if w.Kind != arabic.Word || len([]rune(w.Key)) < 3 || notCounted[w.Key] || monthNames[w.Key] {
		return false
	}
	if arabic.IsFunctionWord(w.Norm) || arabic.ProcliticForm(w.Norm) {
		return false
	}
	if _, ok := cardinals[w.Key]; ok {
		return false
	}
	return !strings.HasPrefix(w.Key, "ال") && !strings.HasPrefix(w.Key, "وال") && !pluralVerb(w.Key)
}

// pluralVerb reports whether the lookup form k is written as an imperfect
// verb of a plural subject (يعملون, سيدفعون, تعيشون): an imperfect prefix,
// the future سـ before it or not, and the ending ون. A plural noun ending
// in ون rarely follows a number, which takes the genitive plural (ثلاثة
// مهندسين) or an accusative singular (عشرون مهندسا).
func pluralVerb(k string) bool {
	k = strings.TrimPrefix(k, "س")
	if utf8.RuneCountInString(k) < 5 || !strings.HasSuffix(k, "ون") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(k)
	return r == 'ي' || r == 'ت' || r == 'ن'
}

// formatNum writes v the shortest way (no exponent for ordinary sizes).
func formatNum(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
