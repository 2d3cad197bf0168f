package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/rasid-news/rasid/internal/timex"
)

// TimexGold is one annotated temporal expression in a news article (one
// line of timex.jsonl). Offset counts code points into the article
// content.
type TimexGold struct {
	URL        string `json:"url"`
	Ref        string `json:"ref"`
	Text       string `json:"text"`
	Offset     int    `json:"offset"`
	Type       string `json:"type"`
	Value      string `json:"value"`
	Hijri      string `json:"hijri"`
	Mod        string `json:"mod"`
	Confidence string `json:"confidence"`
}

// TimexArticle is one article of the temporal data
// (timex_articles.jsonl); AnnotatedSpan is the code point range in which
// every expression was annotated.
type TimexArticle struct {
	URL           string `json:"url"`
	Date          string `json:"date"`
	Content       string `json:"content"`
	AnnotatedSpan []int  `json:"annotated_span"`
}

// ReadTimexGold reads gold temporal expressions, one JSON object a line.
func ReadTimexGold(r io.Reader, name string) ([]TimexGold, error) {
	var out []TimexGold
	err := readJSONL(r, name, func(line int, data []byte) error {
		var g TimexGold
		if err := json.Unmarshal(data, &g); err != nil {
			return err
		}
		if g.URL == "" || g.Text == "" || g.Offset < 0 || g.Value == "" {
			return fmt.Errorf("needs url, text, value and a non-negative offset")
		}
		out = append(out, g)
		return nil
	})
	return out, err
}

// ReadTimexArticles reads the articles of the temporal data.
func ReadTimexArticles(r io.Reader, name string) ([]TimexArticle, error) {
	var out []TimexArticle
	err := readJSONL(r, name, func(line int, data []byte) error {
		var a TimexArticle
		if err := json.Unmarshal(data, &a); err != nil {
			return err
		}
		if a.URL == "" || a.Content == "" {
			return fmt.Errorf("needs url and content")
		}
		out = append(out, a)
		return nil
	})
	return out, err
}

// TimexError is one miss, false alarm or wrong value.
type TimexError struct {
	Kind  string `json:"kind"` // miss, false, value
	URL   string `json:"url"`
	Start int    `json:"start"`
	Text  string `json:"text"`
	Gold  string `json:"gold,omitempty"`
	Found string `json:"found,omitempty"`
}

// NewsTimexReport is the score of temporal expressions in news.
// Extraction counts exact spans; ValueAccuracy is the share of gold
// expressions found with the exact span and the right value (a missed
// expression counts as wrong); MatchedValueAccuracy is the share among
// the exactly matched ones.
type NewsTimexReport struct {
	Articles             int          `json:"articles"`
	Gold                 int          `json:"gold"`
	Found                int          `json:"found"`
	Extraction           PRF          `json:"extraction"`
	Overlap              PRF          `json:"overlap"`
	ValueCorrect         int          `json:"value_correct"`
	ValueAccuracy        float64      `json:"value_accuracy"`
	MatchedValueAccuracy float64      `json:"matched_value_accuracy"`
	Errors               []TimexError `json:"errors,omitempty"`
}

// ScoreNewsTimex runs extract on every article with its publication date
// as reference and scores the expressions inside each annotated span.
func ScoreNewsTimex(gold []TimexGold, arts []TimexArticle, extract func(text string, ref time.Time) []timex.Timex, withErrors bool) (*NewsTimexReport, error) {
	byURL := map[string][]TimexGold{}
	for _, g := range gold {
		byURL[g.URL] = append(byURL[g.URL], g)
	}
	rep := &NewsTimexReport{}
	var tp, fp, fn, otp, ofp, ofn int
	for _, a := range arts {
		gs := byURL[a.URL]
		ref, err := time.Parse("2006-01-02", a.Date)
		if err != nil {
			return nil, fmt.Errorf("article %s: date %q: %w", a.URL, a.Date, err)
		}
		lo, hi := 0, len([]rune(a.Content))
		if len(a.AnnotatedSpan) == 2 {
			lo, hi = a.AnnotatedSpan[0], a.AnnotatedSpan[1]
		}
		rep.Articles++
		var found []timex.Timex
		for _, t := range extract(a.Content, ref) {
			if t.Start >= lo && t.End <= hi {
				found = append(found, t)
			}
		}
		rep.Gold += len(gs)
		rep.Found += len(found)
		type key struct{ s, e int }
		fk := map[key]timex.Timex{}
		for _, t := range found {
			fk[key{t.Start, t.End}] = t
		}
		gk := map[key]bool{}
		for _, g := range gs {
			k := key{g.Offset, g.Offset + len([]rune(g.Text))}
			gk[k] = true
			t, ok := fk[k]
			if !ok {
				fn++
				if withErrors {
					rep.Errors = append(rep.Errors, TimexError{Kind: "miss", URL: a.URL, Start: g.Offset, Text: g.Text, Gold: g.Value})
				}
				continue
			}
			tp++
			if t.Value == g.Value {
				rep.ValueCorrect++
			} else if withErrors {
				rep.Errors = append(rep.Errors, TimexError{Kind: "value", URL: a.URL, Start: g.Offset, Text: g.Text, Gold: g.Value, Found: t.Value})
			}
		}
		for _, t := range found {
			if !gk[key{t.Start, t.End}] {
				fp++
				if withErrors {
					rep.Errors = append(rep.Errors, TimexError{Kind: "false", URL: a.URL, Start: t.Start, Text: t.Text, Found: t.Value})
				}
			}
		}
		// Overlap: a gold expression is found when some finding overlaps it.
		overlaps := func(s1, e1, s2, e2 int) bool { return s1 < e2 && s2 < e1 }
		for _, g := range gs {
			e := g.Offset + len([]rune(g.Text))
			hit := false
			for _, t := range found {
				if overlaps(g.Offset, e, t.Start, t.End) {
					hit = true
					break
				}
			}
			if hit {
				otp++
			} else {
				ofn++
			}
		}
		for _, t := range found {
			hit := false
			for _, g := range gs {
				if overlaps(g.Offset, g.Offset+len([]rune(g.Text)), t.Start, t.End) {
					hit = true
					break
				}
			}
			if !hit {
				ofp++
			}
		}
	}
	rep.Extraction = PRF{TP: tp, FP: fp, FN: fn}.Score()
	rep.Overlap = PRF{TP: otp, FP: ofp, FN: ofn}.Score()
	if rep.Gold > 0 {
		rep.ValueAccuracy = float64(rep.ValueCorrect) / float64(rep.Gold)
	}
	if tp > 0 {
		rep.MatchedValueAccuracy = float64(rep.ValueCorrect) / float64(tp)
	}
	sort.SliceStable(rep.Errors, func(i, j int) bool {
		if rep.Errors[i].URL != rep.Errors[j].URL {
			return rep.Errors[i].URL < rep.Errors[j].URL
		}
		return rep.Errors[i].Start < rep.Errors[j].Start
	})
	return rep, nil
}
