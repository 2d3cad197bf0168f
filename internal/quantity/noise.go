package quantity

import (
	"strings"

	"github.com/rasid-news/rasid/internal/arabic"
)

// identifier reports digits written as a telephone, account or record
// number rather than a quantity: a leading zero and seven digits or more
// (0501234567), or nine digits or more with no separator (920012333,
// 3601129840). News writes large amounts with separators or scale words.
func identifier(w Word) bool {
	k := w.Key
	if w.Kind != arabic.Number || !allDigits(k) {
		return false
	}
	return len(k) >= 9 || k[0] == '0' && len(k) >= 7
}

// ambiguousSix reports whether the one-word number at ws[i] is ست (six, or
// "lady") or وست (and six, or the "West" of وست هام, وست بروميتش) not used
// as a number: it is one when a number word comes beside it (ست مئة is
// parsed whole; ست أو سبع, خمس أو ست) or a plural-looking noun follows
// (ست سنوات, وست ميداليات), which a number from three to ten counts; it
// is not one before a singular or a transliterated name (وست هام, ست
// هانم, ست سامية). At the end of a clause it stays a number.
func ambiguousSix(ws []Word, i int, n Number) bool {
	if n.Digits || n.Ordinal || n.Words != 1 || ws[i].Key != "ست" && ws[i].Key != "وست" {
		return false
	}
	if i >= 2 && (ws[i-1].Key == "او" || ws[i-1].Key == "و") {
		if _, _, ok := cardinal(ws[i-2].Key, true); ok {
			return false
		}
	}
	j := i + 1
	if j >= len(ws) || ws[j].Kind != arabic.Word {
		return false
	}
	k := ws[j].Key
	if k == "او" || k == "و" {
		return false
	}
	if _, _, ok := cardinal(k, true); ok {
		return false
	}
	return !pluralLooking(k)
}

// pluralLooking reports whether the lookup form k is written like a
// plural: a sound plural (سنوات, مهندسين), a plural in اء (نساء, وزراء),
// or a broken plural of the common patterns, three letters without a
// long ā (دول, فرق, صور), ā as the third letter (نقاط, دقائق, مناطق,
// قضايا, أقاليم) or أفعال (أطفال). Singular active participles and
// names with ā second (هام, هانم, فاتن, سايد) do not look plural.
func pluralLooking(k string) bool {
	rs := []rune(k)
	n := len(rs)
	switch {
	case n < 3:
		return false
	case strings.HasSuffix(k, "ات") || strings.HasSuffix(k, "ين") || strings.HasSuffix(k, "ون") || strings.HasSuffix(k, "اء"):
		return true
	case rs[n-1] == 'ه':
		return false // teh marbuta: a feminine singular (سامية)
	case n == 3:
		return rs[1] != 'ا'
	case rs[2] == 'ا':
		return true
	case n >= 5 && rs[0] == 'ا' && rs[3] == 'ا':
		return true
	}
	return false
}

// yearBefore reports whether the number s is a year after عام or سنة
// (عام 2008, العام 1990, لسنة 2015): four digits from 1900 to 2100. A
// year counts nothing: the word after it (أعلنت in في عام 2008 أعلنت) is
// not its counted noun.
func yearBefore(ws []Word, s span) bool {
	if !s.num.Digits || s.j-s.i != 1 || len(ws[s.i].Key) != 4 || s.num.Value < 1900 || s.num.Value > 2100 || s.i == 0 {
		return false
	}
	k := ws[s.i-1].Key
	if yearWords[k] || k == "للعام" {
		return true
	}
	for _, p := range [...]string{"و", "ف", "ب", "ل"} {
		if r, ok := strings.CutPrefix(k, p); ok && yearWords[r] {
			return true
		}
	}
	return false
}

// yearWords are the words for "year" before a year (key form).
var yearWords = map[string]bool{"عام": true, "سنه": true, "العام": true, "السنه": true}
