package quantity

import (
	"strconv"
	"strings"

	"github.com/rasid-news/rasid/internal/arabic"
)

// Key returns the lookup form of a normalized word: teh marbuta folded
// to heh, as number words are written either way.
func Key(norm string) string { return arabic.FoldTehMarbuta(norm) }

// wordKind is the role of a number word in a compound number.
type wordKind uint8

const (
	unitWord    wordKind = iota + 1 // 0–10
	tenWord                         // 20, 30 … 90
	hundredWord                     // 100 … 900
	scaleWord                       // 1000, 10^6 …
	fracWord                        // نصف, ربع, ثلث
)

type numWord struct {
	kind  wordKind
	value float64
}

// cardinals maps the lookup form of cardinal number words to their value.
var cardinals = func() map[string]numWord {
	m := map[string]numWord{}
	add := func(k wordKind, v float64, words ...string) {
		for _, w := range words {
			m[normKey(w)] = numWord{k, v}
		}
	}
	add(unitWord, 0, "صفر")
	add(unitWord, 1, "واحد", "واحده", "احد", "احدي")
	add(unitWord, 2, "اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثني", "اثنتا", "اثنتي")
	add(unitWord, 3, "ثلاث", "ثلاثه")
	add(unitWord, 4, "اربع", "اربعه")
	add(unitWord, 5, "خمس", "خمسه")
	add(unitWord, 6, "ست", "سته")
	add(unitWord, 7, "سبع", "سبعه")
	add(unitWord, 8, "ثمان", "ثماني", "ثمانيه")
	add(unitWord, 9, "تسع", "تسعه")
	add(unitWord, 10, "عشر", "عشره")
	for i, w := range []string{"عشر", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع"} {
		add(tenWord, float64(20+10*i), w+"ون", w+"ين")
	}
	add(hundredWord, 100, "مائه", "مئه", "مايه", "مئات", "مئة")
	add(hundredWord, 200, "مائتان", "مئتان", "مائتين", "مئتين", "مئتيان", "مائتا", "مئتا")
	for i, w := range []string{"ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع"} {
		add(hundredWord, float64(300+100*i), w+"مائه", w+"مئه")
	}
	add(scaleWord, 1e3, "الف", "الفا", "الاف", "الوف")
	add(scaleWord, 2e3, "الفان", "الفين")
	add(scaleWord, 1e6, "مليون", "مليونا", "ملايين")
	add(scaleWord, 2e6, "مليونان", "مليونين")
	add(scaleWord, 1e9, "مليار", "مليارا", "مليارات", "بليون", "بلايين")
	add(scaleWord, 2e9, "ملياران", "مليارين")
	add(scaleWord, 1e12, "تريليون", "تريليونا", "تريليونات")
	add(scaleWord, 12, "دزينه", "دزينات", "دستات", "دسته")
	add(fracWord, 0.5, "نصف")
	add(fracWord, 0.25, "ربع")
	add(fracWord, 1.0/3, "ثلث")
	add(fracWord, 2.0/3, "ثلثان", "ثلثين", "ثلثا", "ثلثي")
	return m
}()

// denominators maps the lookup form of fraction words to their
// denominator: the singular (خمس, a fifth) and the plural (أخماس, fifths).
// Singulars that are also cardinals or common nouns (خمس five, ثمن price,
// عشر ten) count as fractions only where the context says so.
var denominators = normKeys(map[string]float64{
	"نصف": 2, "ثلث": 3, "ربع": 4, "خمس": 5, "سدس": 6, "سبع": 7, "ثمن": 8, "تسع": 9, "عشر": 10,
})

var pluralDenominators = normKeys(map[string]float64{
	"انصاف": 2, "اثلاث": 3, "ارباع": 4, "اخماس": 5, "اسداس": 6, "اسباع": 7, "اثمان": 8, "اتساع": 9, "اعشار": 10,
})

// normKey is the lookup form of a word as written in the tables here.
func normKey(w string) string { return Key(arabic.NormalizeString(w)) }

// normKeys rewrites the keys of m to their lookup form.
func normKeys[V any](m map[string]V) map[string]V {
	out := make(map[string]V, len(m))
	for k, v := range m {
		out[normKey(k)] = v
	}
	return out
}

// ordinals maps the lookup form of ordinal words (without the article) to
// their value.
var ordinals = normKeys(map[string]float64{
	"اول": 1, "اولي": 1, "حادي": 1, "ثاني": 2, "ثانيه": 2, "ثان": 2, "ثالث": 3, "ثالثه": 3,
	"رابع": 4, "رابعه": 4, "خامس": 5, "خامسه": 5, "سادس": 6, "سادسه": 6, "سابع": 7, "سابعه": 7,
	"ثامن": 8, "ثامنه": 8, "تاسع": 9, "تاسعه": 9, "عاشر": 10, "عاشره": 10,
})

// Word is one token as the number parser sees it.
type Word struct {
	Key   string // lookup form (Key of the normalized token)
	Norm  string // normalized token text (arabic.Token.Norm)
	Raw   string // original text
	Kind  arabic.Kind
	Start int
	End   int
}

// Words converts tokens to the parser's view.
func Words(toks []arabic.Token) []Word {
	ws := make([]Word, len(toks))
	for i, t := range toks {
		ws[i] = Word{Key: Key(t.Norm), Norm: t.Norm, Raw: t.Text, Kind: t.Kind, Start: t.Start, End: t.End}
	}
	return ws
}

// cardinal looks key up, allowing a leading conjunction و when and is true.
func cardinal(key string, and bool) (numWord, bool, bool) {
	if w, ok := cardinals[key]; ok {
		return w, false, true
	}
	if and && strings.HasPrefix(key, "و") {
		if w, ok := cardinals[key[len("و"):]]; ok {
			return w, true, true
		}
	}
	return numWord{}, false, false
}

// ParseDigits parses a number token in normalized form (ASCII digits, '.'
// and ',' as separators) to its value. A comma followed by groups of
// exactly three digits, or several dots, separate thousands; otherwise
// the separator is a decimal point.
func ParseDigits(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	commas, dots := strings.Count(s, ","), strings.Count(s, ".")
	switch {
	case commas > 0 && dots > 0:
		s = strings.ReplaceAll(s, ",", "")
	case commas > 0:
		if thousandGroups(s, ",") {
			s = strings.ReplaceAll(s, ",", "")
		} else if commas == 1 {
			s = strings.Replace(s, ",", ".", 1)
		} else {
			return 0, false
		}
	case dots > 1:
		if !thousandGroups(s, ".") {
			return 0, false
		}
		s = strings.ReplaceAll(s, ".", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

func thousandGroups(s, sep string) bool {
	parts := strings.Split(s, sep)
	if len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

// Number is a number parsed from words at some position.
type Number struct {
	Value   float64
	Ordinal bool
	Words   int  // tokens used
	Digits  bool // written in digits
	Integer bool
}

// ParseAt parses the number that starts at ws[i]: digits (with a scale
// word after them: 5 آلاف, 1.5 مليار), number words (خمسة وعشرون,
// ثلاثة آلاف, مليونان), or an ordinal (الخامس والعشرون, الـ19).
func ParseAt(ws []Word, i int) (Number, bool) {
	if i >= len(ws) {
		return Number{}, false
	}
	w := ws[i]
	if w.Kind == arabic.Number {
		v, ok := ParseDigits(w.Key)
		if !ok {
			return Number{}, false
		}
		n := Number{Value: v, Words: 1, Digits: true}
		// A scale word after digits multiplies: 5 آلاف, 3 مئة و 21.
		if j := i + 1; j < len(ws) {
			sw, _, ok := cardinal(ws[j].Key, false)
			if ok && (sw.kind == hundredWord && sw.value == 100 || sw.kind == scaleWord && !isDual(sw.value)) {
				n.Value *= sw.value
				n.Words = 2
				if rest, ok := continuation(ws, j+1, sw.value); ok {
					n.Value += rest.Value
					n.Words += rest.Words
				} else if v, k, ok := fractionOfScale(ws, j+1, sw.value); ok && sw.kind == scaleWord {
					n.Value += v
					n.Words += k
				}
			}
		}
		n.Integer = n.Value == float64(int64(n.Value))
		return n, true
	}
	// The article on a number makes an ordinal: الخامس, الـ19, العشرون.
	if strings.HasPrefix(w.Key, "ال") {
		if n, ok := parseOrdinal(ws, i); ok {
			return n, true
		}
		// ألف, آلاف, ألفين start like the article but are cardinals.
		if c, ok := cardinals[w.Key]; !ok || c.kind != scaleWord {
			return Number{}, false
		}
	}
	if strings.HasPrefix(w.Key, "اول") || ordinalOf(w.Key) > 0 {
		if w.Key != "خمس" && w.Key != "ست" {
			if n, ok := parseOrdinal(ws, i); ok {
				return n, true
			}
		}
	}
	return parseCardinal(ws, i, true)
}

func ordinalOf(key string) float64 {
	if v, ok := ordinals[key]; ok {
		return v
	}
	return 0
}

// parseCardinal parses cardinal number words from ws[i]. lead allows a
// leading preposition ب (بألفين).
func parseCardinal(ws []Word, i int, lead bool) (Number, bool) {
	key := ws[i].Key
	first, _, ok := cardinal(key, false)
	if !ok && lead && strings.HasPrefix(key, "ب") {
		first, ok = cardinals[key[len("ب"):]]
	}
	if !ok || first.kind == fracWord {
		return Number{}, false
	}
	var total, cur float64
	add := func(w numWord) {
		switch w.kind {
		case unitWord, tenWord, fracWord:
			cur += w.value
		case hundredWord:
			if cur > 0 && cur < 10 && w.value == 100 {
				cur *= 100
			} else {
				cur += w.value
			}
		case scaleWord:
			if isDual(w.value) {
				total += w.value
			} else {
				if cur == 0 {
					cur = 1
				}
				total += cur * w.value
			}
			cur = 0
		}
	}
	add(first)
	last := first
	n := 1
	for j := i + 1; j < len(ws); j++ {
		if last.kind == scaleWord {
			if v, k, ok := fractionOfScale(ws, j, last.value); ok {
				total += v
				n += k
				break
			}
		}
		k := ws[j].Key
		w, and, ok := cardinal(k, true)
		skip := 0
		if !ok && k == "و" && j+1 < len(ws) {
			w, _, ok = cardinal(ws[j+1].Key, false)
			and, skip = true, 1
		}
		if !ok {
			break
		}
		if and && w.kind == last.kind && (w.kind == unitWord || w.kind == hundredWord) {
			break // ثلاثة وخمس is 3 1/5, ثلاثمائة ومائتين two numbers: like orders do not add up
		}
		if !and {
			// Without a conjunction only a larger order may follow:
			// ستة عشر, ثلاث مائة, ثلاثة آلاف.
			switch {
			case w.kind == unitWord && w.value == 10 && last.kind == unitWord && last.value < 10:
			case w.kind == hundredWord && w.value == 100 && last.kind == unitWord && last.value < 10:
			case w.kind == scaleWord && (last.kind != scaleWord || w.value > last.value) && !isDual(w.value):
			default:
				goto done
			}
		}
		add(w)
		last = w
		n += 1 + skip
		j += skip
	}
done:
	v := total + cur
	return Number{Value: v, Words: n, Integer: v == float64(int64(v))}, true
}

// continuation parses "و 21" or "وعشرون" after a number already read, of
// a value below the given scale.
func continuation(ws []Word, j int, below float64) (Number, bool) {
	if j >= len(ws) {
		return Number{}, false
	}
	k := ws[j].Key
	if k == "و" && j+1 < len(ws) {
		if ws[j+1].Kind == arabic.Number {
			v, ok := ParseDigits(ws[j+1].Key)
			if ok && v < below {
				return Number{Value: v, Words: 2}, true
			}
			return Number{}, false
		}
		if n, ok := parseCardinal(ws, j+1, false); ok && n.Value < below {
			n.Words++
			return n, true
		}
		return Number{}, false
	}
	if strings.HasPrefix(k, "و") {
		if _, _, ok := cardinal(k, true); ok {
			tmp := append([]Word{{Key: k[len("و"):], Kind: ws[j].Kind}}, window(ws, j+1)...)
			if n, ok := parseCardinal(tmp, 0, false); ok && n.Value < below {
				return n, true
			}
		}
	}
	return Number{}, false
}

// parseOrdinal parses an ordinal at ws[i]: الخامس, الحادي عشر, الخامس
// والعشرون, العشرون, المئة والخامسة والعشرون, الـ19, أول.
func parseOrdinal(ws []Word, i int) (Number, bool) {
	key := ws[i].Key
	base := strings.TrimPrefix(key, "ال")
	if base == "" && i+1 < len(ws) && ws[i+1].Kind == arabic.Number {
		v, ok := ParseDigits(ws[i+1].Key)
		if !ok || v != float64(int64(v)) {
			return Number{}, false
		}
		return Number{Value: v, Ordinal: true, Words: 2, Digits: true, Integer: true}, true
	}
	var v float64
	n := 1
	if o := ordinalOf(base); o > 0 {
		v = o
		// الحادي عشر, الثالث عشر
		if i+1 < len(ws) && (ws[i+1].Key == "عشر" || ws[i+1].Key == "عشره") && o < 10 {
			v += 10
			n++
		}
	} else if w, ok := cardinals[base]; ok && w.kind != unitWord && w.kind != fracWord && base != key {
		v = w.value
	} else if base == "واحد" && i+1 < len(ws) && strings.HasPrefix(ws[i+1].Key, "وال") {
		v = 1
	} else {
		return Number{}, false
	}
	// والعشرون, والمئة …
	for j := i + n; j < len(ws); j++ {
		k := ws[j].Key
		if !strings.HasPrefix(k, "وال") {
			break
		}
		b := k[len("وال"):]
		if o := ordinalOf(b); o > 0 && v >= 100 {
			v += o
		} else if w, ok := cardinals[b]; ok && (w.kind == tenWord || w.kind == hundredWord) {
			v += w.value
		} else {
			break
		}
		n++
	}
	return Number{Value: v, Ordinal: true, Words: n, Integer: true}, true
}

// isDual reports the scale values written as a dual (ألفان, مليونان).
func isDual(v float64) bool { return v == 2e3 || v == 2e6 || v == 2e9 }

// fractionOfScale parses a fraction of a scale word after it, at ws[j]:
// مليون ونصف, ثلاثة ملايين ونصف, ألفين وربع, 5 ملايين ونصف; the scale
// may come again, as a noun or with the article (مليون ونصف المليون,
// مليونين ونصف مليون). scale is the value of the scale word (a dual's
// unit is half of it); it returns the fraction's value and words.
func fractionOfScale(ws []Word, j int, scale float64) (float64, int, bool) {
	if j >= len(ws) {
		return 0, 0, false
	}
	n := 1
	w, and, ok := cardinal(ws[j].Key, true)
	if !ok && ws[j].Key == "و" && j+1 < len(ws) {
		w, _, ok = cardinal(ws[j+1].Key, false)
		and, n = true, 2
	}
	if !ok || !and || w.kind != fracWord {
		return 0, 0, false
	}
	if isDual(scale) {
		scale /= 2
	}
	if j+n < len(ws) && isScale(ws[j+n].Key, scale) {
		n++
	}
	return w.value * scale, n, true
}

// isScale reports whether key is the scale word of value unit, in the
// singular, with or without the article (مليون, المليون).
func isScale(key string, unit float64) bool {
	w, ok := cardinals[strings.TrimPrefix(key, "ال")]
	return ok && w.kind == scaleWord && w.value == unit
}
