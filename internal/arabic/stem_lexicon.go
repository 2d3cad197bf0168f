package arabic

import (
	"bufio"
	_ "embed"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// The word lists behind the stemmer, rebuilt from the shared data with
//
//	go run ./internal/arabic/lexicon/gen -data ../shared/data -out internal/arabic/lexicon
//
// words.txt counts the words of the ANT news corpus (Apache-2.0); names.txt
// lists the words tagged as persons, locations and organizations in
// ANERcorp's training split (CC BY-SA 4.0); listed.txt holds the words of
// the transliterated names of rasid's hand-written person list
// (ListedNameWords).
var (
	//go:embed lexicon/words.txt
	wordsTxt string
	//go:embed lexicon/names.txt
	namesTxt string
	//go:embed lexicon/listed.txt
	listedTxt string
)

// IsName reports whether the stemmer knows the normalized word norm as a
// name, which it keeps whole: a word the tagged corpus tags as a name at
// least once in every nameShare+1 occurrences (names.txt), or a listed
// transliterated name (listed.txt) that the corpus does not read more
// often as no name.
func IsName(norm string) bool {
	return loadLexicon().isName(norm)
}

// ListedNames returns the words of listed.txt, the transliterated names
// the stemmer keeps whole (see ListedNameWords), so that a caller can
// tell when they change (the search index's fingerprint).
func ListedNames() []string {
	var out []string
	eachRow(listedTxt, func(f []string) { out = append(out, f[0]) })
	return out
}

// ListedNameWords returns the words of the transliterated names in the
// "# world" part of a person list written as internal/ner/lexicon/persons.txt
// (one name a line, # comments): normalized, of four letters or more, not
// stopwords, sorted and once each. The stemmer keeps these words whole;
// the generator of listed.txt calls it.
func ListedNameWords(persons string) []string {
	_, world, _ := strings.Cut(persons, "\n# world")
	_, world, _ = strings.Cut(world, "\n") // the rest of the "# world" line
	seen := map[string]bool{}
	var out []string
	for _, line := range strings.Split(world, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(NormalizeString(line)) {
			if utf8.RuneCountInString(w) >= 4 && !isStopword(w) && !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	sort.Strings(out)
	return out
}

// lexicon is the corpus evidence the stemmer consults.
type lexicon struct {
	freq  *wordTable     // corpus count of each normalized word
	names map[string]int // words often tagged as names, with that count
	stems *wordTable     // the stem of every word of freq, computed once
}

// count is the corpus count of w.
func (lx *lexicon) count(w string) uint32 {
	n, _ := lx.freq.get(w)
	return uint32(n)
}

// isName reports whether w is a known name.
func (lx *lexicon) isName(w string) bool {
	return lx.names[w] > 0
}

// loadLexicon parses the embedded lists once, on first use.
var loadLexicon = sync.OnceValue(func() *lexicon {
	lx := &lexicon{names: make(map[string]int, 3200)}
	mostlyNoName := map[string]bool{} // tagged as a name too seldom to count as one
	counts := make(map[string]uint64, 46000)
	eachRow(wordsTxt, func(f []string) {
		if len(f) >= 2 {
			if n, err := strconv.ParseUint(f[1], 10, 32); err == nil {
				counts[f[0]] = min(n, valueMask)
			}
		}
	})
	lx.freq = newWordTable(len(counts))
	for w, n := range counts {
		lx.freq.put(w, n)
	}
	eachRow(namesTxt, func(f []string) {
		if len(f) < 3 {
			return
		}
		named, err1 := strconv.Atoi(f[1])
		other, err2 := strconv.Atoi(f[2])
		// A word tagged as a name at least once in every nameShare+1 of
		// its occurrences, and not a function word.
		if err1 == nil && err2 == nil && named > 0 && named*nameShare >= other && utf8.RuneCountInString(f[0]) >= 2 && !isStopword(f[0]) {
			lx.names[f[0]] = named
		} else if err1 == nil && err2 == nil {
			mostlyNoName[f[0]] = true
		}
	})
	// Tagged corpora leave clitics on some names (وفرنسا, للامم): those
	// are clitic forms, not names of their own.
	var forms []string
	for w := range lx.names {
		if isCliticForm(lx, w) {
			forms = append(forms, w)
		}
	}
	for _, w := range forms {
		delete(lx.names, w)
	}
	// The transliterated names of the hand-written list, unless the tagged
	// corpus has the word and it fails the test above (الملك: tagged as a
	// name too seldom).
	eachRow(listedTxt, func(f []string) {
		if len(f) > 0 && lx.names[f[0]] == 0 && !mostlyNoName[f[0]] {
			lx.names[f[0]] = 1
		}
	})
	// The stems of the corpus words, which make up most of any news text,
	// are computed once so that stemming them is one table lookup. The
	// stems table is filled once every stem is known: stemWith does not
	// consult it.
	stems := make(map[string]string, len(counts))
	for w := range counts {
		if len(w) >= 6 && arabicLettersOnly(w) {
			stems[w] = stemWith(lx, w)
		}
	}
	lx.stems = newWordTable(len(stems))
	for w, st := range stems {
		lx.stems.putStem(w, st) // a stem that is not a piece of its word is left to the memo
	}
	return lx
})

// isCliticForm reports whether w is a proclitic form of another name
// that is tagged at least as often (وفرنسا of فرنسا, but not بكين of كين).
func isCliticForm(lx *lexicon, w string) bool {
	n := lx.names[w]
	for _, p := range [...]string{"و", "ف", "ب", "ك", "ل", "وب", "ول", "فب", "فل", "وك"} {
		if strings.HasPrefix(w, p) && lx.names[w[len(p):]] >= n {
			return true
		}
	}
	return strings.HasPrefix(w, "لل") && lx.names["ال"+w[len("لل"):]] >= n
}

// nameShare: a word is a name when it is tagged as one at least once in
// every nameShare+1 occurrences (العربي in البنك العربي, الاتحاد).
const nameShare = 3

// eachRow calls fn with the tab-separated fields of every line of text
// that is neither empty nor a # comment.
func eachRow(text string, fn func([]string)) {
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fn(strings.Split(line, "\t"))
	}
}

// CorpusCount returns how often the normalized word w occurs in the
// corpus behind the stemmer (words.txt; 0 when it is not there) and
// whether w is a known name (names.txt). Callers use it to ask whether a
// form is a word of its own: بتسديدة is ب before تسديدة, برميل is a word.
func CorpusCount(w string) (count int, name bool) {
	lx := loadLexicon()
	return int(lx.count(w)), lx.isName(w)
}
