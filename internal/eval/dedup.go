package eval

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/rasid-news/rasid/internal/dedup"
)

// DedupGold is one judged pair of a near-duplicate gold file.
type DedupGold struct {
	A           string  `json:"a_url"`
	B           string  `json:"b_url"`
	Containment float64 `json:"containment"`
	Verified    bool    `json:"verified"` // one is a copy of the other
	SameStory   *bool   `json:"same_story,omitempty"`
}

// ReadDedupGold reads judged pairs, one JSON object a line; name names the
// input in errors.
func ReadDedupGold(r io.Reader, name string) ([]DedupGold, error) {
	var out []DedupGold
	err := readJSONL(r, name, func(line int, data []byte) error {
		var g DedupGold
		if err := json.Unmarshal(data, &g); err != nil {
			return err
		}
		if g.A == "" || g.B == "" || g.A == g.B {
			return fmt.Errorf("a_url and b_url must be two different urls")
		}
		out = append(out, g)
		return nil
	})
	return out, err
}

// DedupReport is the result of scoring near-duplicate detection on judged
// pairs. A judged pair is found when the detector put both articles in one
// duplicate group (pairs it reports between articles nobody judged are
// not counted: the gold judges candidate pairs, not every pair).
//
// PRF counts verified pairs found (TP), unverified pairs found (FP) and
// verified pairs missed (FN). Independent is the share of judged pairs of
// one story that are not copies (written independently) which were flagged
// anyway: it should stay near zero.
type DedupReport struct {
	Pairs            int         `json:"pairs"`
	Verified         int         `json:"verified"`
	PRF              PRF         `json:"prf"`
	IndependentSame  int         `json:"independent_same_story_pairs"`
	IndependentFound int         `json:"independent_same_story_flagged"`
	Independent      float64     `json:"independent_flagged_share"`
	Groups           int         `json:"groups"`
	Misses           []DedupGold `json:"misses,omitempty"`
	FalseAlarms      []DedupGold `json:"false_alarms,omitempty"`
}

// ScoreDedup scores judged pairs against found: found reports whether two
// urls are in one duplicate group. With errors, the misses and false
// alarms are listed.
func ScoreDedup(gold []DedupGold, found func(a, b string) bool, errors bool) DedupReport {
	var r DedupReport
	for _, g := range gold {
		r.Pairs++
		f := found(g.A, g.B)
		switch {
		case g.Verified && f:
			r.PRF.TP++
		case g.Verified:
			r.PRF.FN++
			if errors {
				r.Misses = append(r.Misses, g)
			}
		case f:
			r.PRF.FP++
			if errors {
				r.FalseAlarms = append(r.FalseAlarms, g)
			}
		}
		if g.Verified {
			r.Verified++
		}
		if !g.Verified && g.SameStory != nil && *g.SameStory {
			r.IndependentSame++
			if f {
				r.IndependentFound++
			}
		}
	}
	r.PRF = r.PRF.Score()
	if r.IndependentSame > 0 {
		r.Independent = float64(r.IndependentFound) / float64(r.IndependentSame)
	}
	return r
}

// DedupURLs returns the urls of the articles of judged pairs.
func DedupURLs(gold []DedupGold) map[string]bool {
	want := map[string]bool{}
	for _, g := range gold {
		want[g.A], want[g.B] = true, true
	}
	return want
}

// RunDedup adds arts (in publication order; title and body) to a
// near-duplicate index with opt and scores the judged pairs against its
// groups.
func RunDedup(gold []DedupGold, arts []NewsArticle, opt dedup.Options, errors bool) DedupReport {
	ix := dedup.New(opt)
	for _, a := range arts {
		ix.Add(dedup.Doc{ID: a.URL, URL: a.URL, Published: a.Published, Text: a.Title + "\n" + a.Content})
	}
	group := map[string]int{}
	groups := ix.Groups()
	for gi, g := range groups {
		group[ix.Doc(g.Canonical).URL] = gi + 1
		for _, c := range g.Copies {
			group[ix.Doc(c).URL] = gi + 1
		}
	}
	rep := ScoreDedup(gold, func(a, b string) bool { return group[a] != 0 && group[a] == group[b] }, errors)
	rep.Groups = len(groups)
	return rep
}
