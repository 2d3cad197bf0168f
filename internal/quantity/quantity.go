// Package quantity finds numbers in Arabic text, written in digits
// (ASCII or Arabic-Indic, with the separators ٫ ٬ , .) or in words, and
// the quantities built on them: ordinals, percentages, ranges, money with
// its currency, and counted nouns. Spans are Unicode code point offsets
// into the original text.
package quantity

import (
	"strconv"
	"strings"

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
}

// span is a number found in the token stream.
type span struct {
	num   Number
	i, j  int // tokens [i, j)
	neg   bool
	isPct bool
}

// Numbers returns the bare numbers and ordinals of text, each with the
// span of its own words only.
func Numbers(text string) []Quantity {
	toks := arabic.Tokenize(text)
	ws := Words(toks)
	rs := []rune(text)
	var out []Quantity
	for _, s := range scanNumbers(ws) {
		out = append(out, s.quantity(ws, rs))
	}
	return out
}

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

// scanNumbers finds every number in ws, left to right, longest first.
func scanNumbers(ws []Word) []span {
	var out []span
	for i := 0; i < len(ws); {
		n, ok := ParseAt(ws, i)
		if !ok {
			i++
			continue
		}
		s := span{num: n, i: i, j: i + n.Words}
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
	return out
}

// Extract returns the quantities of text: percentages, ranges, money and
// counted nouns built on its numbers, and the remaining bare numbers and
// ordinals.
func Extract(text string) []Quantity {
	toks := arabic.Tokenize(text)
	ws := Words(toks)
	rs := []rune(text)
	nums := scanNumbers(ws)
	var out []Quantity
	used := 0 // tokens before used belong to a finding already
	for k := 0; k < len(nums); k++ {
		s := nums[k]
		if s.i < used {
			continue
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
			if lo, hi, iv, ok := comparative(ws, s); ok {
				i, j = lo, hi
				q.Type, q.Interval = TypeRange, iv
			}
		}
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
			} else if q.Type == TypeNumber && s.num.Integer && j < len(ws) && countable(ws[j]) {
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

// comparative recognizes a bound before a number: أكثر من X → (X,),
// أقل من X → (,X), لا يقل عن X → [X,), يساوي X → [X,X].
func comparative(ws []Word, s span) (int, int, string, bool) {
	v := formatNum(s.num.Value)
	if s.neg {
		v = "-" + v
	}
	i := s.i
	has := func(k int, keys ...string) bool {
		if k < 0 || k >= len(ws) {
			return false
		}
		for _, key := range keys {
			if ws[k].Key == key || ws[k].Key == "و"+key {
				return true
			}
		}
		return false
	}
	switch {
	case has(i-2, "لا") && has(i-1, "اقل", "يقل") || has(i-3, "لا") && has(i-2, "اقل", "يقل") && has(i-1, "من", "عن"):
		lo := i - 2
		if has(i-1, "من", "عن") {
			lo = i - 3
		}
		return lo, s.j, "[" + v + ",)", true
	case has(i-2, "اكثر", "اكبر", "فوق", "اعلي") && has(i-1, "من") || has(i-1, "فوق", "يتجاوز", "تتجاوز", "تفوق", "يفوق"):
		lo := i - 1
		if has(i-1, "من") {
			lo = i - 2
		}
		return lo, s.j, "(" + v + ",)", true
	case has(i-2, "اقل", "اصغر", "ادني", "دون") && has(i-1, "من") || has(i-1, "ادني", "تحت"):
		lo := i - 1
		if has(i-1, "من") {
			lo = i - 2
		}
		return lo, s.j, "(," + v + ")", true
	case has(i-1, "يساوي", "تساوي"):
		return i - 1, s.j, "[" + v + "," + v + "]", true
	case has(s.j, "او") && has(s.j+1, "اكثر"):
		return i, s.j + 2, "[" + v + ",)", true
	case has(s.j, "او") && has(s.j+1, "اقل"):
		return i, s.j + 2, "(," + v + "]", true
	}
	return 0, 0, "", false
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

// notCounted lists words that follow numbers without being counted.
var notCounted = normKeys(map[string]bool{
	"من": true, "في": true, "علي": true, "الي": true, "عن": true, "و": true, "او": true, "مع": true,
	"ان": true, "الا": true, "ثم": true, "حتي": true, "بين": true, "هو": true, "هي": true, "قد": true,
	"لا": true, "لم": true, "لن": true, "ما": true, "التي": true, "الذي": true,
})

// countable reports whether w can be the noun counted by a number before
// it (ثلاثة جنود, 20 قتيلا).
func countable(w Word) bool {
	if w.Kind != arabic.Word || notCounted[w.Key] || len([]rune(w.Key)) < 3 {
		return false
	}
	if _, ok := cardinals[w.Key]; ok {
		return false
	}
	return !strings.HasPrefix(w.Key, "ال") && !strings.HasPrefix(w.Key, "وال")
}

// formatNum writes v the shortest way (no exponent for ordinary sizes).
func formatNum(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}
