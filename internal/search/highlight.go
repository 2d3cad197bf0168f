package search

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/store"
)

// matcher finds the words of a text that match a query's positive terms:
// single words by their index term, phrases as whole runs of terms.
//
// Stemming every word of every hit's body was ≈ 30 % of a query's CPU,
// ≈ 14 % after this (README, Evaluation, search latency). To profile: go
// test ./internal/search -run XXX -bench Search -benchtime 300x
// -cpuprofile cpu.out, then go tool pprof -top -cum on it, highlight
// against Engine.Search (1.07 s of 6.89 s on 2026-12-07, load ≈ 7). So a
// word is stemmed only when it may match: the stemmer
// returns a piece of the normalized word, or ال before one when it
// restores the article of a word written with لل (arabic.Stem), and an
// index term is that stem with teh marbuta folded to heh. A word can
// therefore have a query term as its index term only when its
// normalized form contains the term's key: the longest run of the term,
// its article left out, without heh (which stands for either letter).
// The other words keep their place, so phrases still match only runs of
// consecutive words. TestMatcherSameAsStemmingAll holds the result equal
// to stemming every word.
type matcher struct {
	words   map[string]bool
	phrases [][]string
	// keys are what a normalized word must contain to be stemmed, none
	// containing another; every Arabic word is stemmed when all is set.
	keys []string
	all  bool
}

func newMatcher(q store.SearchQuery) matcher {
	m := matcher{words: map[string]bool{}}
	var terms []string
	for _, c := range q.Clauses {
		for _, ts := range c {
			if len(ts) == 1 {
				m.words[ts[0]] = true
			} else if len(ts) > 1 {
				m.phrases = append(m.phrases, ts)
			}
			terms = append(terms, ts...)
		}
	}
	for _, t := range terms {
		k := termKey(t)
		if k == "" {
			m.all = true
			continue
		}
		m.keys = append(m.keys, k)
	}
	m.keys = minimalKeys(m.keys)
	return m
}

// termKey returns the longest run without heh of an index term with its
// article left out; a word whose index term is t contains it once
// normalized.
func termKey(t string) string {
	t = strings.TrimPrefix(t, "ال")
	var best string
	for run := range strings.SplitSeq(t, string(arabic.Heh)) {
		if len(run) > len(best) {
			best = run
		}
	}
	return best
}

// minimalKeys drops duplicate keys and those that contain another: a word
// that contains the longer contains the shorter.
func minimalKeys(keys []string) []string {
	var out []string
	for i, k := range keys {
		redundant := false
		for j, o := range keys {
			if j != i && strings.Contains(k, o) && (len(o) < len(k) || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, k)
		}
	}
	return out
}

// mayMatch reports whether the index term of the Arabic word whose
// normalized form is norm may be one of the query's terms.
func (m *matcher) mayMatch(norm string) bool {
	if m.all {
		return true
	}
	for _, k := range m.keys {
		if strings.Contains(norm, k) {
			return true
		}
	}
	return false
}

// indexed is a token of the text that has an index term; term is empty
// for a word that cannot match.
type indexed struct {
	start, end int // code points in the text
	term       string
}

// scratch is the working memory of one highlight, reused across texts.
type scratch struct {
	toks []arabic.Token
	idx  []indexed
	hit  []bool
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// matches returns the code point spans of the matching words of text, in
// order and not overlapping.
func (m *matcher) matches(text string) []Highlight {
	s := scratchPool.Get().(*scratch)
	defer func() {
		clear(s.toks) // the pool must not keep the text alive
		clear(s.idx)
		scratchPool.Put(s)
	}()
	s.toks = arabic.AppendTokens(s.toks[:0], text)
	toks := s.idx[:0]
	found := false
	for _, t := range s.toks {
		term := ""
		switch {
		case t.Kind == arabic.Word && t.Norm != "" && !m.mayMatch(t.Norm):
			// A word, so it has an index term, but not one of the query's.
			if len(m.phrases) == 0 {
				continue
			}
		default:
			if term = indexTerm(t); term == "" {
				continue
			}
			found = true
		}
		toks = append(toks, indexed{t.Start, t.End, term})
	}
	s.idx = toks
	if !found {
		return nil
	}
	s.hit = slices.Grow(s.hit[:0], len(toks))[:len(toks)]
	clear(s.hit)
	return m.mark(toks, s.hit)
}

// mark returns the spans of the tokens of toks that match: those whose
// term is a query word, and those of every run of consecutive terms that
// is a query phrase. hit, as long as toks and all false, is its scratch.
func (m *matcher) mark(toks []indexed, hit []bool) []Highlight {
	for i, t := range toks {
		if t.term == "" {
			continue
		}
		if m.words[t.term] {
			hit[i] = true
		}
		for _, p := range m.phrases {
			if i+len(p) > len(toks) {
				continue
			}
			ok := true
			for j, term := range p {
				if toks[i+j].term != term {
					ok = false
					break
				}
			}
			if ok {
				for j := range p {
					hit[i+j] = true
				}
			}
		}
	}
	var out []Highlight
	for i, t := range toks {
		if hit[i] {
			out = append(out, Highlight{t.start, t.end})
		}
	}
	return out
}

// densest returns where the window of size code points that holds the
// most whole matches of hl begins: at the start of its first match, the
// earliest on ties, 0 when there is none.
func densest(hl []Highlight, size int) int {
	start, best := 0, 0
	for i, h := range hl {
		c := 0
		for _, g := range hl[i:] {
			if g.End-h.Start > size {
				break
			}
			c++
		}
		if c > best {
			best, start = c, h.Start
		}
	}
	return start
}

// highlight returns text (all of it when size is 0, else a window of about
// size code points around the densest run of matches) with its matches.
func (m *matcher) highlight(text string, size int) Snippet {
	hl := m.matches(text)
	n := utf8.RuneCountInString(text)
	if size <= 0 || n <= size {
		return Snippet{Text: text, Highlights: hl}
	}
	// The window start: the match that begins the most matches within size.
	start := densest(hl, size)
	// Show a little context before the first match, from a word start:
	// the last code point at or before start-size/5 that follows a space.
	if start > size/5 {
		target := start - size/5
		start = 0
		cp := 0
		for _, r := range text {
			if cp >= target {
				break
			}
			if isSpace(r) {
				start = cp + 1
			}
			cp++
		}
	} else {
		start = 0
	}
	// The window end: at most size code points on, at a space after start
	// when there is one.
	end := min(n, start+size)
	if end < n {
		last := -1
		cp := 0
		for _, r := range text {
			if cp > end {
				break
			}
			if cp > start && isSpace(r) {
				last = cp
			}
			cp++
		}
		if last > start {
			end = last
		}
	}
	// Skip the spaces at the window start, and find its byte bounds.
	bs, be := -1, len(text)
	cp := 0
	for i, r := range text {
		if cp == start {
			if start < end && isSpace(r) {
				start++
			} else if bs < 0 {
				bs = i
			}
		}
		if cp == end {
			be = i
			break
		}
		cp++
	}
	if bs < 0 {
		bs = be
	}
	var b strings.Builder
	shift := -start
	if start > 0 {
		b.WriteString("… ")
		shift += 2
	}
	piece := text[bs:be]
	if !utf8.ValidString(piece) {
		piece = string([]rune(piece)) // each invalid byte becomes U+FFFD
	}
	b.WriteString(strings.TrimRight(piece, " \t\r\n"))
	if end < n {
		b.WriteString(" …")
	}
	var out []Highlight
	for _, h := range hl {
		if h.Start >= start && h.End <= end {
			out = append(out, Highlight{h.Start + shift, h.End + shift})
		}
	}
	return Snippet{Text: b.String(), Highlights: out}
}

func isSpace(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\u00a0' }
