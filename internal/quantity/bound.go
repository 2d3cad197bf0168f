package quantity

import "strings"

// bound is a number with a comparison before or after it: أكثر من X is a
// lower bound that leaves X out, لا يقل عن X one that takes it in.
type bound struct {
	i, j  int // tokens [i, j)
	lower bool
	upper bool // neither lower nor upper: exactly v (يساوي X)
	incl  bool
	v     string
	val   float64
}

// interval writes the bound in interval notation: (X,), [X,), (,X), (,X], [X,X].
func (b bound) interval() string {
	switch {
	case b.lower:
		return b.lowerBracket() + b.v + ",)"
	case b.upper:
		return "(," + b.v + b.upperBracket()
	}
	return "[" + b.v + "," + b.v + "]"
}

func (b bound) lowerBracket() string {
	if b.incl {
		return "["
	}
	return "("
}

func (b bound) upperBracket() string {
	if b.incl {
		return "]"
	}
	return ")"
}

// join makes one range of a lower and an upper bound, in either order,
// when the lower is below the upper.
func (b bound) join(c bound) (lo, hi bound, ok bool) {
	switch {
	case b.lower && c.upper:
		lo, hi = b, c
	case b.upper && c.lower:
		lo, hi = c, b
	default:
		return b, c, false
	}
	return lo, hi, lo.val < hi.val
}

// joined reports whether bound c follows b after و (وأقل من, و أقل من, ولا
// أقل من, وعلى الأقل).
func joined(ws []Word, b, c bound) bool {
	switch {
	case c.i == b.j && strings.HasPrefix(ws[c.i].Key, "و"):
		return true
	case c.i == b.j+1 && ws[b.j].Key == "و":
		return true
	}
	return false
}

// Comparison words, in lookup form.
var (
	moreWords    = []string{"اكثر", "اكبر", "اعلي"}
	lessWords    = []string{"اقل", "اصغر", "ادني"}
	equalWords   = []string{"يساوي", "تساوي"}
	exceedWords  = []string{"فوق", "يتجاوز", "تتجاوز", "يفوق", "تفوق"}
	belowWords   = []string{"تحت", "دون", "ادني"}
	notLessWords = []string{"يقل", "تقل", "اقل"}
	notMoreWords = []string{"يزيد", "تزيد", "اكثر"}
	reachWords   = []string{"يصل", "تصل"}
)

// comparative recognizes a comparison around the number s: before it
// (أكثر من X, أقل من أو يساوي X, لا يقل عن X, على الأقل X, >= X, يصل إلى X,
// يساوي X) or after it (X أو أكثر, X وأكثر, X أو أقل). The bound's span
// covers the comparison words.
func comparative(ws []Word, s span) (bound, bool) {
	v := formatNum(s.num.Value)
	val := s.num.Value
	if s.neg {
		v, val = "-"+v, -val
	}
	b := bound{i: s.i, j: s.j, v: v, val: val}
	p := s.i
	has := func(k int, keys ...string) bool {
		if k < 0 || k >= len(ws) {
			return false
		}
		for _, key := range keys {
			if ws[k].Key == key || ws[k].Key == "و"+key || ws[k].Raw == key {
				return true
			}
		}
		return false
	}
	before := func(n int, lower, upper, incl bool) (bound, bool) {
		bd := b
		bd.i, bd.lower, bd.upper, bd.incl = p-n, lower, upper, incl
		return bd, true
	}
	// After the number: X أو أكثر (من), X وأكثر, X أو أقل (من), X أو يساوي.
	after := 0
	var afterLower, afterUpper bool
	switch {
	case has(s.j, "او") && has(s.j+1, moreWords...):
		after, afterLower = 2, true
	case has(s.j, "او") && has(s.j+1, lessWords...):
		after, afterUpper = 2, true
	case s.j < len(ws) && (ws[s.j].Key == "واكثر" || ws[s.j].Key == "واكبر"):
		after, afterLower = 1, true
	}
	if after > 0 && has(s.j+after, "من") {
		if _, ok := ParseAt(ws, s.j+after+1); ok {
			after = 0 // X أو أقل من Y: the comparison is Y's
		} else {
			after++
		}
	}
	// <>, =>, =<: not a comparison rasid reads.
	if p >= 2 && ws[p-2].End == ws[p-1].Start && strings.ContainsAny(ws[p-2].Raw, "<>=") && strings.ContainsAny(ws[p-1].Raw, "<>") {
		return b, false
	}
	switch {
	case has(p-4, moreWords...) && has(p-3, "من") && has(p-2, "او") && has(p-1, equalWords...):
		return before(4, true, false, true)
	case has(p-4, lessWords...) && has(p-3, "من") && has(p-2, "او") && has(p-1, equalWords...):
		return before(4, false, true, true)
	case has(p-4, equalWords...) && has(p-3, "او") && has(p-2, moreWords...) && has(p-1, "من"):
		return before(4, true, false, true)
	case has(p-4, equalWords...) && has(p-3, "او") && has(p-2, lessWords...) && has(p-1, "من"):
		return before(4, false, true, true)
	case has(p-3, "لا") && has(p-2, notLessWords...) && has(p-1, "عن", "من"),
		has(p-2, "لا") && has(p-1, notLessWords...):
		return before(2+boolInt(has(p-1, "عن", "من")), true, false, true)
	case has(p-3, "لا") && has(p-2, notMoreWords...) && has(p-1, "عن", "من", "علي"),
		has(p-2, "لا") && has(p-1, notMoreWords...):
		return before(2+boolInt(has(p-1, "عن", "من", "علي")), false, true, true)
	case has(p-2, "علي") && has(p-1, "الاقل"):
		return before(2, true, false, true)
	case has(p-2, "علي") && has(p-1, "الاكثر"):
		return before(2, false, true, true)
	case has(p-2, ">") && has(p-1, "="), has(p-1, ">="), has(p-1, "≥"):
		return before(1+boolInt(has(p-1, "=")), true, false, true)
	case has(p-2, "<") && has(p-1, "="), has(p-1, "<="), has(p-1, "≤"):
		return before(1+boolInt(has(p-1, "=")), false, true, true)
	case has(p-1, ">"):
		return before(1, true, false, false)
	case has(p-1, "<"):
		return before(1, false, true, false)
	case has(p-2, reachWords...) && has(p-1, "الي", "حتي"):
		return before(2, false, true, true)
	}
	// A comparison before the number that X أو يساوي makes inclusive:
	// أقل من ٥٠٠٠ أو يساوي.
	orEqual := has(s.j, "او") && has(s.j+1, equalWords...)
	grow := func(bd bound, _ bool) (bound, bool) {
		if orEqual {
			bd.j, bd.incl = s.j+2, true
		}
		return bd, true
	}
	switch {
	case has(p-2, moreWords...) && has(p-1, "من"), has(p-1, exceedWords...):
		return grow(before(1+boolInt(has(p-1, "من")), true, false, false))
	case has(p-2, lessWords...) && has(p-1, "من"), has(p-2, belowWords...) && has(p-1, "من"), has(p-1, belowWords...):
		return grow(before(1+boolInt(has(p-1, "من")), false, true, false))
	}
	if after > 0 {
		b.j, b.lower, b.upper, b.incl = s.j+after, afterLower, afterUpper, true
		if has(p-1, equalWords...) {
			b.i = p - 1
		}
		return b, true
	}
	if has(p-1, equalWords...) {
		b.i = p - 1
		return b, true
	}
	return b, false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
