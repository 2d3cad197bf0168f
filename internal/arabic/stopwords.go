package arabic

import (
	_ "embed"
	"sync"
	"unicode/utf8"
)

// stopwordsTxt is the stopword list, written by hand (see its header).
//
//go:embed lexicon/stopwords.txt
var stopwordsTxt string

// loadStopwords parses the embedded stopword list once, on first use.
var loadStopwords = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, 256)
	eachRow(stopwordsTxt, func(f []string) {
		m[NormalizeString(f[0])] = struct{}{}
	})
	return m
})

// IsStopword reports whether norm, a normalized word (see NormalizeString),
// is a function word of news Arabic: a preposition, conjunction, pronoun,
// demonstrative, relative, particle or auxiliary verb. Clitic forms are
// not stopwords by themselves (وفي is not); strip them with Stem first.
func IsStopword(norm string) bool {
	return isStopword(norm)
}

// IsFunctionWord reports whether norm, a normalized word, is a stopword
// alone or after the conjunction و or ف (وهو, ولا, فقد, وحتى): the one
// clitic a function word commonly carries. Ask it of the normalized
// form, not a folded one (فئة folds to the stopword فيه).
func IsFunctionWord(norm string) bool {
	if isStopword(norm) {
		return true
	}
	r, n := utf8.DecodeRuneInString(norm)
	return (r == 'و' || r == 'ف') && isStopword(norm[n:])
}

func isStopword(norm string) bool {
	_, ok := loadStopwords()[norm]
	return ok
}
