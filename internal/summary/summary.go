// Package summary writes extractive multi-document summaries: from the
// articles of one story it picks the few sentences that best cover what
// they share, without saying the same thing twice, and cites the article
// each sentence comes from.
//
// Sentences are scored by their cosine similarity to the story centroid
// (TF-IDF over light stems, stopwords left out) with a small bonus for
// the lead of an article, then chosen greedily by maximal marginal
// relevance (MMR) so that a sentence close to one already chosen loses
// its place. Lines an outlet or agency adds around a story (links,
// datelines, keyword lines; see Boilerplate) and verses of the Quran are
// no candidates. Summarize is a pure function, safe for concurrent use.
package summary

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/rasid-news/rasid/internal/arabic"
)

// Document is one article of a story.
type Document struct {
	ID        string
	Published time.Time // zero when unknown
	Text      string
}

// Options bound a summary.
type Options struct {
	MaxSentences int     // at most this many sentences
	MaxRunes     int     // and at most this many code points in all
	MinWords     int     // sentences with fewer words are not candidates
	MaxWords     int     // nor are sentences with more
	Lambda       float64 // MMR trade-off: 1 is relevance only, 0 novelty only
}

// DefaultOptions returns the bounds rasid uses for a story card.
func DefaultOptions() Options {
	return Options{MaxSentences: 5, MaxRunes: 1200, MinWords: 6, MaxWords: 70, Lambda: 0.7}
}

// Sentence is a sentence chosen for a summary.
type Sentence struct {
	Doc   string  `json:"article"` // ID of the document it comes from
	Start int     `json:"start"`   // code point offsets into that document's Text
	End   int     `json:"end"`
	Text  string  `json:"text"`
	Score float64 `json:"score"` // centroid similarity, with the lead bonus
}

type candidate struct {
	doc, pos   int
	start, end int
	text       string
	vec        vector
	score      float64
	runes      int
}

// Summarize returns the summary sentences of docs in reading order: by
// the publication time of their article, then by position in it.
func Summarize(docs []Document, opt Options) []Sentence {
	var cands []candidate
	df := map[string]int{}
	var bags [][]string
	for di, d := range docs {
		toks, sents := arabic.SplitSentences(d.Text)
		runes := []rune(d.Text)
		for si, s := range sents {
			terms := contentTerms(toks[s.First : s.Last+1])
			words := 0
			for _, t := range toks[s.First : s.Last+1] {
				if t.IsWordLike() {
					words++
				}
			}
			if words < opt.MinWords || words > opt.MaxWords || len(terms) == 0 || Boilerplate(toks[s.First:s.Last+1]) {
				continue
			}
			seen := map[string]bool{}
			for _, t := range terms {
				if !seen[t] {
					seen[t] = true
					df[t]++
				}
			}
			bags = append(bags, terms)
			cands = append(cands, candidate{doc: di, pos: si, start: s.Start, end: s.End,
				text: string(runes[s.Start:s.End]), runes: s.End - s.Start})
		}
	}
	if len(cands) == 0 {
		return nil
	}
	n := float64(len(cands))
	ids := map[string]int{}
	centroid := map[int]float64{}
	for i, terms := range bags {
		tf := map[string]float64{}
		for _, t := range terms {
			if _, ok := ids[t]; !ok {
				ids[t] = len(ids) // ids in order of first use, for determinism
			}
			tf[t]++
		}
		v := make(vector, 0, len(tf))
		for t, f := range tf {
			// Smoothed IDF over sentences: a term in every sentence
			// still counts a little.
			w := (1 + math.Log(f)) * math.Log(1+n/float64(df[t]))
			v = append(v, entry{ids[t], w})
		}
		v.normalize()
		cands[i].vec = v
		for _, e := range v {
			centroid[e.id] += e.w
		}
	}
	cv := make(vector, 0, len(centroid))
	for id := range len(ids) {
		if w, ok := centroid[id]; ok {
			cv = append(cv, entry{id, w})
		}
	}
	cv.normalize()
	for i := range cands {
		c := &cands[i]
		c.score = dot(c.vec, cv)
		if c.pos < 3 { // the lead of a news article carries its core
			c.score += 0.05 * float64(3-c.pos) / 3
		}
	}

	var chosen []int
	used := 0
	for len(chosen) < opt.MaxSentences {
		best, bestVal := -1, math.Inf(-1)
		for i, c := range cands {
			if slices.Contains(chosen, i) || used+c.runes > opt.MaxRunes {
				continue
			}
			red := 0.0
			for _, j := range chosen {
				red = max(red, dot(c.vec, cands[j].vec))
			}
			if red > 0.5 { // mostly a repeat of a chosen sentence
				continue
			}
			if val := opt.Lambda*c.score - (1-opt.Lambda)*red; val > bestVal {
				best, bestVal = i, val
			}
		}
		if best < 0 {
			break
		}
		chosen = append(chosen, best)
		used += cands[best].runes
	}
	slices.SortFunc(chosen, func(a, b int) int {
		ca, cb := cands[a], cands[b]
		if c := docs[ca.doc].Published.Compare(docs[cb.doc].Published); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(ca.doc, cb.doc), cmp.Compare(ca.pos, cb.pos))
	})
	out := make([]Sentence, 0, len(chosen))
	for _, i := range chosen {
		c := cands[i]
		out = append(out, Sentence{Doc: docs[c.doc].ID, Start: c.start, End: c.end, Text: c.text, Score: math.Round(c.score*1000) / 1000})
	}
	return out
}

// contentTerms returns the stems of the content words among toks:
// stopwords (arabic.IsStopword, before and after their clitics are
// stripped) and one-letter stems are left out.
func contentTerms(toks []arabic.Token) []string {
	var out []string
	for _, t := range toks {
		switch t.Kind {
		case arabic.Word:
			if arabic.IsStopword(t.Norm) {
				continue
			}
			s := arabic.StemNorm(t.Norm)
			if len([]rune(s)) < 2 || arabic.IsStopword(s) {
				continue
			}
			out = append(out, s)
		case arabic.Latin, arabic.Number:
			out = append(out, t.Norm)
		}
	}
	return out
}

type entry struct {
	id int
	w  float64
}

// vector is a sparse vector sorted by id.
type vector []entry

func (v vector) normalize() {
	slices.SortFunc(v, func(a, b entry) int { return cmp.Compare(a.id, b.id) })
	var s float64
	for _, e := range v {
		s += e.w * e.w
	}
	if s == 0 {
		return
	}
	s = math.Sqrt(s)
	for i := range v {
		v[i].w /= s
	}
}

func dot(a, b vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			s += a[i].w * b[j].w
			i++
			j++
		}
	}
	return s
}
