package quantity

import (
	"math"
	"strconv"
	"strings"

	"github.com/rasid-news/rasid/internal/arabic"
)

// digitGroups reads a number written in digits with its thousands apart:
// 1 234 567 (groups of three after spaces: two groups at least, so that
// two numbers side by side stay apart), 1 234 with a narrow or thin space,
// ١،٢٣٤،٥٦٧ with the Arabic comma and no space, and a decimal fraction
// written without its zero (.08).
func digitGroups(ws []Word, rs []rune, i int) (span, bool) {
	w := ws[i]
	if w.Raw == "." && i+1 < len(ws) && ws[i+1].Kind == arabic.Number && ws[i+1].Start == w.End &&
		(i == 0 || ws[i-1].End < w.Start || ws[i-1].Kind != arabic.Number) && allDigits(ws[i+1].Key) {
		v, err := strconv.ParseFloat("0."+ws[i+1].Key, 64)
		if err != nil {
			return span{}, false
		}
		return span{num: Number{Value: v, Words: 2, Digits: true}, i: i, j: i + 2}, true
	}
	if w.Kind != arabic.Number || len(w.Key) > 3 || !allDigits(w.Key) {
		return span{}, false
	}
	digits := w.Key
	j := i + 1
	groups, spaced := 0, true
	for j < len(ws) {
		g := ws[j]
		switch {
		case g.Kind == arabic.Number && g.Start == ws[j-1].End+1 && groupSpace(rs[ws[j-1].End]):
			// 1 234: one space between the groups.
		case g.Raw == "،" && g.Start == ws[j-1].End && j+1 < len(ws) && ws[j+1].Start == g.End:
			j++
			g = ws[j]
			spaced = false
		default:
			g = Word{}
		}
		if g.Kind != arabic.Number || len(g.Key) < 3 || !allDigits(g.Key[:3]) || !allDigits(g.Key) && g.Key[3] != '.' {
			break
		}
		if len(g.Key) > 3 && !allDigits(g.Key) {
			// The last group may carry decimals: 1 234 567.89.
			if _, err := strconv.ParseFloat(g.Key, 64); err != nil {
				break
			}
		} else if len(g.Key) != 3 {
			break
		}
		digits += g.Key
		groups++
		j++
		if strings.Contains(g.Key, ".") {
			break
		}
	}
	if groups == 0 || spaced && groups < 2 && !narrowSpace(rs[ws[i].End]) {
		return span{}, false
	}
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil {
		return span{}, false
	}
	return span{num: Number{Value: v, Words: j - i, Digits: true, Integer: v == float64(int64(v))}, i: i, j: j}, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// groupSpace reports the spaces that may separate groups of digits.
func groupSpace(r rune) bool { return r == ' ' || narrowSpace(r) }

// narrowSpace reports the narrow and thin spaces that separate groups of
// digits and nothing else.
func narrowSpace(r rune) bool { return r == '\u202f' || r == '\u2009' || r == '\u00a0' }

// gluedToWord reports digits written against an Arabic word (١٨٠ميلي,
// ٤من), which Recognizers-Text and careful writers do not take for a
// number, unless the word is a scale.
func gluedToWord(ws []Word, i int) bool {
	w := ws[i]
	if w.Kind != arabic.Number {
		return false
	}
	if i+1 < len(ws) && ws[i+1].Start == w.End && ws[i+1].Kind == arabic.Word {
		// A scale word is read with them (2مليار دولار, 5ملايين: a
		// missing space, which left مليار alone, a billion).
		c, ok := cardinals[ws[i+1].Key]
		return !ok || c.kind != scaleWord
	}
	return false
}

// power reads a power written with a caret right after the number s:
// 1.1^23, 2.5^-1, 1.1^+23.
func power(ws []Word, s span) span {
	j := s.j
	if j+1 >= len(ws) || ws[j].Raw != "^" || ws[j].Start != ws[j-1].End {
		return s
	}
	sign := 1.0
	k := j + 1
	if r := ws[k].Raw; (r == "-" || r == "+") && k+1 < len(ws) && ws[k+1].Start == ws[k].End {
		if r == "-" {
			sign = -1
		}
		k++
	}
	if ws[k].Kind != arabic.Number || ws[k].Start != ws[k-1].End {
		return s
	}
	e, ok := ParseDigits(ws[k].Key)
	if !ok {
		return s
	}
	s.num.Value = math.Pow(s.num.Value, sign*e)
	s.num.Integer = s.num.Value == math.Trunc(s.num.Value)
	s.num.Words += k + 1 - s.j
	s.j = k + 1
	return s
}
