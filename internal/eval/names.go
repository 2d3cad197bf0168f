package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/arabic"
)

// ReadEntityWords reads a CoNLL file of "token TAG" lines (BIO tags, as in
// ANERcorp) and returns the tokens tagged as a person, location or
// organization (B- or I- PERS, LOC, ORG), in order, repeats included.
// name names the input in errors.
func ReadEntityWords(r io.Reader, name string) ([]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var words []string
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		i := strings.LastIndexAny(text, " \t")
		if i <= 0 {
			continue // a token that was only white space or a mark
		}
		tok, tag := strings.TrimSpace(text[:i]), text[i+1:]
		switch strings.TrimPrefix(strings.TrimPrefix(tag, "B-"), "I-") {
		case "PERS", "LOC", "ORG":
			words = append(words, tok)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: line %d: %w", name, line, err)
	}
	return words, nil
}

// NameScore is how a stemmer treats a set of name words.
type NameScore struct {
	Words int `json:"words"`
	// Intact counts words whose stem is the word as written, normalized
	// (العراق must give العراق).
	Intact     int     `json:"intact"`
	IntactRate float64 `json:"intact_rate"`
	// IntactBare counts words whose stem is the normalized word without
	// a leading article (العراق may give عراق), or the word itself.
	IntactBare     int     `json:"intact_bare"`
	IntactBareRate float64 `json:"intact_bare_rate"`
	// Conflates counts words w for which و+w, ب+w, ل+w and وب+w (لل for
	// ل before the article) all have the stem of w.
	Conflates     int     `json:"conflates"`
	ConflatesRate float64 `json:"conflates_rate"`
}

// NameReport scores a stemmer on the name words of a tagged file, all of
// them and, when the training words are known, those not seen in training.
type NameReport struct {
	// All and Unseen score the tokens as written: a token with a clitic
	// (والعراق) must keep it to count as intact.
	All    NameScore `json:"all"`
	Unseen NameScore `json:"unseen_in_train"`
	// Bare and BareUnseen score the bare names: a token that is a clitic
	// form of a name word found elsewhere in the data (والعراق, with
	// العراق tagged too) is scored as that name, and it conflates when its
	// own stem is the name's stem as well.
	Bare       NameScore `json:"bare"`
	BareUnseen NameScore `json:"bare_unseen_in_train"`
	// Misses lists up to 50 distinct bare names that were not kept intact.
	Misses []Miss `json:"misses,omitempty"`
}

// CliticForms returns the و, ب, ل and وب forms of the normalized word w,
// writing ل before the article as لل. A word of fewer than four letters
// has no article (آل, normalized ال, gives لال).
func CliticForms(w string) [4]string {
	l := "ل" + w
	if strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) >= 4 {
		l = "لل" + strings.TrimPrefix(w, "ال")
	}
	return [4]string{"و" + w, "ب" + w, l, "وب" + w}
}

// BareName returns the name a token stands for: the token without its
// proclitics (و ف, then ب ل ك; لل before the article) when what remains
// is one of the normalized name words in names and keeps at least
// minBareLetters letters, else the token itself. n is normalized.
func BareName(n string, names map[string]bool) string {
	r := n
	for _, c := range []string{"و", "ف"} {
		if t, ok := strings.CutPrefix(r, c); ok && isBare(t, names) || ok && bareBehindPrep(t, names) != "" {
			r = t
			break
		}
	}
	if b := bareBehindPrep(r, names); b != "" {
		return b
	}
	if r != n && isBare(r, names) {
		return r
	}
	return n
}

// minBareLetters is the fewest letters a name keeps once a proclitic is
// taken from a token: بان (Ban Ki-moon) and فان (van) are not ب and ف
// before a name ان.
const minBareLetters = 3

// isBare reports whether t, what remains of a token without a
// proclitic, is a name word of names long enough to be one.
func isBare(t string, names map[string]bool) bool {
	return names[t] && utf8.RuneCountInString(t) >= minBareLetters
}

// bareBehindPrep returns the name behind a leading ب, ل or ك of w, or "".
func bareBehindPrep(w string, names map[string]bool) string {
	if t, ok := strings.CutPrefix(w, "لل"); ok && isBare("ال"+t, names) {
		return "ال" + t
	}
	for _, c := range []string{"ب", "ل", "ك"} {
		if t, ok := strings.CutPrefix(w, c); ok && isBare(t, names) {
			return t
		}
	}
	return ""
}

// ScoreNames scores stem on the name words; seen holds the normalized
// name words of the training data (nil when unknown).
func ScoreNames(words []string, seen map[string]bool, stem func(string) string) NameReport {
	var rep NameReport
	names := make(map[string]bool, len(words)+len(seen))
	for w := range seen {
		names[w] = true
	}
	for _, w := range words {
		names[arabic.NormalizeString(w)] = true
	}
	score := func(n, s string, extra ...string) (intact, bare, conflates bool) {
		intact = s == n
		bare = intact || s == strings.TrimPrefix(n, "ال")
		conflates = true
		forms := CliticForms(n)
		for _, f := range append(forms[:], extra...) {
			if stem(f) != s {
				conflates = false
				break
			}
		}
		return
	}
	add := func(sc *NameScore, intact, bare, conflates bool) {
		sc.Words++
		if intact {
			sc.Intact++
		}
		if bare {
			sc.IntactBare++
		}
		if conflates {
			sc.Conflates++
		}
	}
	missed := map[string]bool{}
	for _, w := range words {
		n := arabic.NormalizeString(w)
		s := stem(w)
		intact, bare, conflates := score(n, s)
		add(&rep.All, intact, bare, conflates)
		if seen != nil && !seen[n] {
			add(&rep.Unseen, intact, bare, conflates)
		}
		b := BareName(n, names)
		var extra []string
		if b != n {
			extra = []string{n}
		}
		bi, bb, bc := score(b, stem(b), extra...)
		add(&rep.Bare, bi, bb, bc)
		if seen != nil && !seen[b] {
			add(&rep.BareUnseen, bi, bb, bc)
		}
		if !bi && !missed[b] && len(missed) < 50 {
			missed[b] = true
			rep.Misses = append(rep.Misses, Miss{Word: w, Gold: b, Got: stem(b)})
		}
	}
	for _, sc := range []*NameScore{&rep.All, &rep.Unseen, &rep.Bare, &rep.BareUnseen} {
		sc.IntactRate = ratio(sc.Intact, sc.Words)
		sc.IntactBareRate = ratio(sc.IntactBare, sc.Words)
		sc.ConflatesRate = ratio(sc.Conflates, sc.Words)
	}
	return rep
}
