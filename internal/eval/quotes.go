package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/quote"
)

// QuoteGold is one annotated quote (one line of quotes.jsonl). Offset and
// SpeakerOffset count code points into the article content.
type QuoteGold struct {
	URL            string `json:"url"`
	SpeakerSurface string `json:"speaker_surface"`
	Speaker        string `json:"speaker"`
	Quote          string `json:"quote"`
	Offset         int    `json:"offset"`
	Direct         bool   `json:"direct"`
	Cue            string `json:"cue"`
	Confidence     string `json:"confidence"`
	Attribution    string `json:"attribution"` // explicit or anaphoric
	SpeakerOffset  *int   `json:"speaker_offset"`
	SpeakerType    string `json:"speaker_type"` // person, organization, anonymous
	Form           string `json:"form"`         // direct, indirect, nominal
	Note           string `json:"note"`
}

// QuoteArticle is one article of the quotes data (quote_articles.jsonl).
type QuoteArticle struct {
	URL     string `json:"url"`
	Source  string `json:"source"`
	Date    string `json:"date"`
	Title   string `json:"title"`
	Content string `json:"content"`
}

// ReadQuoteGold reads gold quotes, one JSON object a line; name names the
// input in errors.
func ReadQuoteGold(r io.Reader, name string) ([]QuoteGold, error) {
	var out []QuoteGold
	err := readJSONL(r, name, func(line int, data []byte) error {
		var g QuoteGold
		if err := json.Unmarshal(data, &g); err != nil {
			return err
		}
		if g.URL == "" || g.Quote == "" || g.Offset < 0 {
			return fmt.Errorf("needs url, quote and a non-negative offset")
		}
		out = append(out, g)
		return nil
	})
	return out, err
}

// ReadQuoteArticles reads the articles of the quotes data, one JSON
// object a line; name names the input in errors.
func ReadQuoteArticles(r io.Reader, name string) ([]QuoteArticle, error) {
	var out []QuoteArticle
	err := readJSONL(r, name, func(line int, data []byte) error {
		var a QuoteArticle
		if err := json.Unmarshal(data, &a); err != nil {
			return err
		}
		if a.URL == "" {
			return fmt.Errorf("needs url")
		}
		if !utf8.ValidString(a.Content) {
			return fmt.Errorf("content is not valid UTF-8")
		}
		out = append(out, a)
		return nil
	})
	return out, err
}

func readJSONL(r io.Reader, name string, each func(line int, data []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		data := sc.Bytes()
		if len(strings.TrimSpace(string(data))) == 0 {
			continue
		}
		if err := each(line, data); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// QuoteReport is the result of scoring quote extraction.
//
// Detection: a found quote matches a gold quote when its span holds at
// least half of the gold quote's word tokens; each gold quote and each
// found quote is matched at most once (pairs are taken greedily, the
// largest share of the gold quote first).
//
// Speaker accuracy, over matched quotes: the found speaker name is
// correct when its quote.NameKey equals that of the gold speaker (words
// normalized, the article taken off, spaces removed). SpeakerLenient also
// counts a found name that contains every word of the gold name (titles
// left in the name, for instance); it is reported, not used as the score.
type QuoteReport struct {
	Articles        int                   `json:"articles"`
	Gold            int                   `json:"gold"`
	Found           int                   `json:"found"`
	Detection       PRF                   `json:"detection"`
	Matched         int                   `json:"matched"`
	SpeakerCorrect  int                   `json:"speaker_correct"`
	SpeakerAccuracy float64               `json:"speaker_accuracy"`
	SpeakerLenient  float64               `json:"speaker_accuracy_lenient"`
	ByForm          map[string]*FormScore `json:"by_form"`
	ByAttribution   map[string]*FormScore `json:"by_attribution"`
	Errors          []QuoteError          `json:"errors,omitempty"`
}

// FormScore scores one gold form (or attribution): detection, where TP
// and FN count gold quotes of the form and FP found quotes of the form
// that match nothing, and speaker accuracy over its matched gold quotes.
type FormScore struct {
	Detection       PRF     `json:"detection"`
	SpeakerCorrect  int     `json:"speaker_correct"`
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
}

// QuoteError is one miss, false alarm or wrong speaker, for reading.
type QuoteError struct {
	URL     string `json:"url"`
	Kind    string `json:"kind"` // missed, spurious, speaker
	Quote   string `json:"quote"`
	Start   int    `json:"start"`
	Gold    string `json:"gold_speaker,omitempty"`
	Found   string `json:"found_speaker,omitempty"`
	Form    string `json:"form,omitempty"`
	Surface string `json:"speaker_text,omitempty"`
}

// ScoreQuotes runs extract on every article and scores the quotes found
// against gold. It fails when a gold quote names an unknown article or
// its text is not at its offset. With errors set, the report lists every
// miss, false alarm and wrong speaker.
func ScoreQuotes(gold []QuoteGold, articles []QuoteArticle, extract func(text string) []quote.Quote, errors bool) (QuoteReport, error) {
	byURL := map[string]QuoteArticle{}
	var order []string
	for _, a := range articles {
		if _, dup := byURL[a.URL]; !dup {
			order = append(order, a.URL)
		}
		byURL[a.URL] = a
	}
	goldBy := map[string][]QuoteGold{}
	for i, g := range gold {
		a, ok := byURL[g.URL]
		if !ok {
			return QuoteReport{}, fmt.Errorf("gold quote %d: article %q not in the articles file", i+1, g.URL)
		}
		r := []rune(a.Content)
		if end := g.Offset + utf8.RuneCountInString(g.Quote); end > len(r) || string(r[g.Offset:end]) != g.Quote {
			return QuoteReport{}, fmt.Errorf("gold quote %d (%s): text not at offset %d", i+1, g.URL, g.Offset)
		}
		if g.SpeakerOffset != nil {
			if end := *g.SpeakerOffset + utf8.RuneCountInString(g.SpeakerSurface); *g.SpeakerOffset < 0 || end > len(r) || string(r[*g.SpeakerOffset:end]) != g.SpeakerSurface {
				return QuoteReport{}, fmt.Errorf("gold quote %d (%s): speaker %q not at offset %d", i+1, g.URL, g.SpeakerSurface, *g.SpeakerOffset)
			}
		}
		goldBy[g.URL] = append(goldBy[g.URL], g)
	}
	rep := QuoteReport{Articles: len(order), ByForm: map[string]*FormScore{}, ByAttribution: map[string]*FormScore{}}
	lenient := 0
	bucket := func(m map[string]*FormScore, k string) *FormScore {
		if k == "" {
			k = "unknown"
		}
		if m[k] == nil {
			m[k] = &FormScore{}
		}
		return m[k]
	}
	for _, url := range order {
		a := byURL[url]
		gs := goldBy[url]
		found := extract(a.Content)
		rep.Gold += len(gs)
		rep.Found += len(found)
		match := matchQuotes(a.Content, gs, found)
		usedFound := make([]bool, len(found))
		for gi, g := range gs {
			fs, fa := bucket(rep.ByForm, g.Form), bucket(rep.ByAttribution, g.Attribution)
			fi := match[gi]
			if fi < 0 {
				rep.Detection.FN++
				fs.Detection.FN++
				fa.Detection.FN++
				if errors {
					rep.Errors = append(rep.Errors, QuoteError{URL: url, Kind: "missed", Quote: g.Quote, Start: g.Offset, Gold: g.Speaker, Form: g.Form})
				}
				continue
			}
			usedFound[fi] = true
			rep.Detection.TP++
			fs.Detection.TP++
			fa.Detection.TP++
			rep.Matched++
			f := found[fi]
			if quote.NameKey(f.Speaker.Name) == quote.NameKey(g.Speaker) && quote.NameKey(g.Speaker) != "" {
				rep.SpeakerCorrect++
				fs.SpeakerCorrect++
				fa.SpeakerCorrect++
				lenient++
			} else {
				if containsWords(f.Speaker.Name, g.Speaker) {
					lenient++
				}
				if errors {
					rep.Errors = append(rep.Errors, QuoteError{URL: url, Kind: "speaker", Quote: g.Quote, Start: g.Offset, Gold: g.Speaker, Found: f.Speaker.Name, Form: g.Form, Surface: f.Speaker.Text})
				}
			}
		}
		for fi, f := range found {
			if usedFound[fi] {
				continue
			}
			rep.Detection.FP++
			bucket(rep.ByForm, string(f.Form)).Detection.FP++
			if errors {
				rep.Errors = append(rep.Errors, QuoteError{URL: url, Kind: "spurious", Quote: f.Text, Start: f.Start, Found: f.Speaker.Name, Form: string(f.Form)})
			}
		}
	}
	rep.Detection = rep.Detection.Score()
	rep.SpeakerAccuracy = ratio(rep.SpeakerCorrect, rep.Matched)
	rep.SpeakerLenient = ratio(lenient, rep.Matched)
	for _, m := range []map[string]*FormScore{rep.ByForm, rep.ByAttribution} {
		for _, s := range m {
			s.Detection = s.Detection.Score()
			s.SpeakerAccuracy = ratio(s.SpeakerCorrect, s.Detection.TP)
		}
	}
	return rep, nil
}

// matchQuotes pairs gold and found quotes of one text; it returns, for
// each gold quote, the index of its found quote or -1.
func matchQuotes(text string, gold []QuoteGold, found []quote.Quote) []int {
	var words []arabic.Token
	for _, t := range arabic.Tokenize(text) {
		if t.IsWordLike() {
			words = append(words, t)
		}
	}
	inside := func(start, end int) []int {
		var out []int
		for i, t := range words {
			if t.Start >= start && t.End <= end {
				out = append(out, i)
			}
		}
		return out
	}
	type cand struct {
		g, f   int
		share  float64
		shared int
	}
	var cands []cand
	for gi, g := range gold {
		gw := inside(g.Offset, g.Offset+utf8.RuneCountInString(g.Quote))
		if len(gw) == 0 {
			continue
		}
		for fi, f := range found {
			shared := 0
			for _, w := range gw {
				if words[w].Start >= f.Start && words[w].End <= f.End {
					shared++
				}
			}
			if shared > 0 && 2*shared >= len(gw) {
				// Prefer the found quote that covers more of the gold one,
				// then the one with less beside it.
				extra := len(inside(f.Start, f.End)) - shared
				cands = append(cands, cand{gi, fi, float64(shared)/float64(len(gw)) - 1e-4*float64(extra), shared})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].share > cands[j].share })
	match := make([]int, len(gold))
	for i := range match {
		match[i] = -1
	}
	usedF := make([]bool, len(found))
	for _, c := range cands {
		if match[c.g] >= 0 || usedF[c.f] {
			continue
		}
		match[c.g] = c.f
		usedF[c.f] = true
	}
	return match
}

// containsWords reports whether every word of want (by quote.NameKey)
// is among the words of have.
func containsWords(have, want string) bool {
	hw := map[string]bool{}
	for _, w := range strings.Fields(have) {
		hw[quote.NameKey(w)] = true
	}
	ws := strings.Fields(want)
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws {
		if !hw[quote.NameKey(w)] {
			return false
		}
	}
	return true
}
