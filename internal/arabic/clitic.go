package arabic

import (
	"strings"
	"unicode/utf8"
)

// ProcliticForm reports whether the normalized word w is another word
// after a proclitic — the conjunction و, the prepositions ب and ل, or
// both (وب, ول), or ف before the article (فالمدينة) — rather than a word
// of its own that begins with the same letter. Callers use it where a word cannot carry one: a number's
// counted noun (قتل 3 وإصابة 5: وإصابة starts the next clause), the
// subject after a verb of saying. The corpus lexicon decides: the rest
// (two letters at least) is attested at least minRestCount times (with
// or without teh marbuta; a known name of three letters or more counts as
// attested) and at least as often as the whole word (بتسديدة, وإصابة,
// ليخسر, بحسب, بوزارة are clitic forms; برميل, لتر, وحدات, وظيفة,
// بطاقة, بواخر are words). ب, ل or ف before the article (بالطائف, للعمل,
// وبالطائف, فالعمل) and a doubled و (ووظيفة) are always clitic forms. The lexicon is
// small (one news corpus): a few words of their own whose rest is a
// commoner word (وجهة of جهة, لجان of the name جان) read as clitic forms.
func ProcliticForm(w string) bool {
	if strings.HasPrefix(w, "وو") && utf8.RuneCountInString(w) >= 4 {
		return true // ووظيفة; but وون, the won
	}
	for _, p := range [...]string{"ولل", "لل", "وبال", "بال", "فال"} {
		if r, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(r) >= 2 {
			return true
		}
	}
	whole, _ := CorpusCount(w)
	for _, p := range [...]string{"وب", "ول", "و", "ب", "ل"} {
		r, ok := strings.CutPrefix(w, p)
		if !ok || utf8.RuneCountInString(r) < 2 || p != "و" && conjForm(r) {
			continue // a conjunction never follows a preposition: بواخر is not ب واخر
		}
		n, name := CorpusCount(r)
		if m, _ := CorpusCount(r + "ة"); !strings.HasSuffix(r, "ة") {
			n += m
		}
		if name && utf8.RuneCountInString(r) >= 3 {
			n = max(n, minRestCount)
		}
		if n >= minRestCount && n >= whole {
			return true
		}
	}
	return false
}

// minRestCount is the corpus count from which the rest of a word after a
// proclitic is taken for a word (رش, attested 5 times, would make ورش a
// clitic form; the 3 of بتسديدة's تسديدة is enough).
const minRestCount = 3

// conjForm reports whether r, a word after a preposition, starts with
// the conjunction و or ف: the rest is better attested than r (واخر is و
// before اخر; وزارة, وكالة are words).
func conjForm(r string) bool {
	if !strings.HasPrefix(r, "و") && !strings.HasPrefix(r, "ف") {
		return false
	}
	n, _ := CorpusCount(r)
	_, size := utf8.DecodeRuneInString(r)
	m, _ := CorpusCount(r[size:]) // without its و or ف
	return m > n
}
