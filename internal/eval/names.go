package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"

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
	All    NameScore `json:"all"`
	Unseen NameScore `json:"unseen_in_train"`
	// Misses lists up to 50 distinct words that were not kept intact.
	Misses []Miss `json:"misses,omitempty"`
}

// CliticForms returns the و, ب, ل and وب forms of the normalized word w,
// writing ل before the article as لل.
func CliticForms(w string) [4]string {
	l := "ل" + w
	if strings.HasPrefix(w, "ال") {
		l = "لل" + strings.TrimPrefix(w, "ال")
	}
	return [4]string{"و" + w, "ب" + w, l, "وب" + w}
}

// ScoreNames scores stem on the name words; seen holds the normalized
// name words of the training data (nil when unknown).
func ScoreNames(words []string, seen map[string]bool, stem func(string) string) NameReport {
	var rep NameReport
	missed := map[string]bool{}
	for _, w := range words {
		n := arabic.NormalizeString(w)
		s := stem(w)
		intact := s == n
		bare := intact || s == strings.TrimPrefix(n, "ال")
		conflates := true
		for _, f := range CliticForms(n) {
			if stem(f) != s {
				conflates = false
				break
			}
		}
		add := func(sc *NameScore) {
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
		add(&rep.All)
		if seen != nil && !seen[n] {
			add(&rep.Unseen)
		}
		if !intact && !missed[n] && len(missed) < 50 {
			missed[n] = true
			rep.Misses = append(rep.Misses, Miss{Word: w, Gold: n, Got: s})
		}
	}
	for _, sc := range []*NameScore{&rep.All, &rep.Unseen} {
		sc.IntactRate = ratio(sc.Intact, sc.Words)
		sc.IntactBareRate = ratio(sc.IntactBare, sc.Words)
		sc.ConflatesRate = ratio(sc.Conflates, sc.Words)
	}
	return rep
}
