package eval

import (
	"cmp"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"time"

	"github.com/rasid-news/rasid/internal/timex"
)

// PubdateCase is one article whose publication day is known, for scoring
// publication-date inference: the date is hidden from the inferrer, which
// sees Text (the title and the body) only.
type PubdateCase struct {
	URL    string
	Source string
	Day    time.Time // the publication day, midnight UTC
	Text   string
}

// PubdateFrom is the first publication day SaudiNewsNet's date_extracted
// can be trusted for: after 2015-08-01 it is the publication day (see
// ../shared/README.md).
var PubdateFrom = time.Date(2015, 8, 2, 0, 0, 0, 0, time.UTC)

// PubdateCasesFromNews turns SaudiNewsNet articles published on or after
// PubdateFrom into cases; earlier ones are left out.
func PubdateCasesFromNews(arts []NewsArticle) []PubdateCase {
	var out []PubdateCase
	for _, a := range arts {
		day := time.Date(a.Published.Year(), a.Published.Month(), a.Published.Day(), 0, 0, 0, 0, time.UTC)
		if day.Before(PubdateFrom) {
			continue
		}
		out = append(out, PubdateCase{URL: a.URL, Source: a.Source, Day: day, Text: timex.InferenceText(a.Title, a.Content)})
	}
	return out
}

// ReadPubdateJSONL reads cases from JSONL articles with a url, a day
// ("date" or "published", YYYY-MM-DD or RFC 3339: its date is taken as
// written) and a body ("content" or "text"), with an optional title and
// source: the shape of ../shared/data/temporal/news/timex_articles.jsonl
// and of rasid's demo corpus.
func ReadPubdateJSONL(r io.Reader, name string) ([]PubdateCase, error) {
	var out []PubdateCase
	err := readJSONL(r, name, func(line int, data []byte) error {
		var a struct {
			URL, Source, Title, Date, Published, Content, Text string
		}
		if err := json.Unmarshal(data, &a); err != nil {
			return err
		}
		date, body := a.Date, a.Content
		if date == "" {
			date = a.Published
		}
		if body == "" {
			body = a.Text
		}
		if a.URL == "" || date == "" || body == "" {
			return fmt.Errorf("needs url, date (or published) and content (or text)")
		}
		if len(date) < 10 {
			return fmt.Errorf("date %q is not YYYY-MM-DD", date)
		}
		day, err := time.Parse("2006-01-02", date[:10])
		if err != nil {
			return fmt.Errorf("date %q: %w", date, err)
		}
		out = append(out, PubdateCase{URL: a.URL, Source: a.Source, Day: day, Text: timex.InferenceText(a.Title, body)})
		return nil
	})
	return out, err
}

// PubdateSplit names the half of the cases a URL belongs to: "dev" (the
// half the inference rules were written and tuned on) or "test" (the half
// kept for checking them), by a hash of the URL.
func PubdateSplit(url string) string {
	h := fnv.New32a()
	h.Write([]byte(url))
	if h.Sum32()%2 == 0 {
		return "dev"
	}
	return "test"
}

// Inferrer estimates a publication day from text; ok is false when it
// gives none.
type Inferrer func(text string) (day time.Time, confidence float64, ok bool)

// PubdateReport scores publication-date inference: coverage (the share of
// articles given a day), exact-day and within-three-days accuracy over the
// covered articles and over all of them, and accuracy by confidence.
type PubdateReport struct {
	Articles         int              `json:"articles"`
	Covered          int              `json:"covered"`
	Coverage         float64          `json:"coverage"`
	Exact            int              `json:"exact"`
	Within3          int              `json:"within3"`
	ExactOfCovered   float64          `json:"exact_of_covered"`
	Within3OfCovered float64          `json:"within3_of_covered"`
	ExactOfAll       float64          `json:"exact_of_all"`
	Within3OfAll     float64          `json:"within3_of_all"`
	ByConfidence     []PubdateBucket  `json:"by_confidence"`
	Errors           []PubdateMistake `json:"errors,omitempty"`
}

// PubdateBucket is the accuracy of the days given one confidence value.
type PubdateBucket struct {
	Confidence float64 `json:"confidence"`
	N          int     `json:"n"`
	Exact      int     `json:"exact"`
	Accuracy   float64 `json:"accuracy"`
}

// PubdateMistake is one covered article whose inferred day is wrong.
type PubdateMistake struct {
	URL        string  `json:"url"`
	Gold       string  `json:"gold"`
	Inferred   string  `json:"inferred"`
	Confidence float64 `json:"confidence"`
}

// ScorePubdate runs infer on every case, the date hidden, and scores it.
func ScorePubdate(cases []PubdateCase, infer Inferrer, keepErrors bool) PubdateReport {
	rep := PubdateReport{Articles: len(cases)}
	buckets := map[float64]*PubdateBucket{}
	for _, c := range cases {
		t, conf, ok := infer(c.Text)
		if !ok {
			continue
		}
		rep.Covered++
		day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		diff := day.Sub(c.Day).Hours() / 24
		b := buckets[conf]
		if b == nil {
			b = &PubdateBucket{Confidence: conf}
			buckets[conf] = b
		}
		b.N++
		if diff == 0 {
			rep.Exact++
			b.Exact++
		} else if keepErrors {
			rep.Errors = append(rep.Errors, PubdateMistake{URL: c.URL, Gold: c.Day.Format("2006-01-02"), Inferred: day.Format("2006-01-02"), Confidence: conf})
		}
		if diff >= -3 && diff <= 3 {
			rep.Within3++
		}
	}
	rep.Coverage = ratio(rep.Covered, rep.Articles)
	rep.ExactOfCovered = ratio(rep.Exact, rep.Covered)
	rep.Within3OfCovered = ratio(rep.Within3, rep.Covered)
	rep.ExactOfAll = ratio(rep.Exact, rep.Articles)
	rep.Within3OfAll = ratio(rep.Within3, rep.Articles)
	for _, b := range buckets {
		b.Accuracy = ratio(b.Exact, b.N)
		rep.ByConfidence = append(rep.ByConfidence, *b)
	}
	slices.SortFunc(rep.ByConfidence, func(a, b PubdateBucket) int { return cmp.Compare(b.Confidence, a.Confidence) })
	return rep
}
