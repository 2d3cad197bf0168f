package story

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// dfTxt is the background document frequency of content stems, from a
// public news corpus (see its header for the source and the command that
// rebuilds it).
//
//go:embed lexicon/df.txt
var dfTxt string

// Background is a table of document frequencies of terms (story.Terms)
// over a reference corpus. The clusterer adds it to the counts of the
// articles it has seen, so that term weights are sensible from the first
// article on: in a store of a handful of articles on one topic, the
// topic's own words would otherwise weigh next to nothing.
type Background struct {
	Docs int
	DF   map[string]int32
}

// loadBackground parses the embedded table once, on first use.
var loadBackground = sync.OnceValue(func() *Background {
	b, err := ReadBackground(strings.NewReader(dfTxt))
	if err != nil {
		panic("story: embedded lexicon/df.txt: " + err.Error()) // a broken build, not input
	}
	return b
})

// DefaultBackground returns the embedded background table.
func DefaultBackground() *Background { return loadBackground() }

// ReadBackground reads a table written by WriteTo: comment lines start
// with #, the first other line is "docs<TAB>N", then "term<TAB>df" lines.
func ReadBackground(r io.Reader) (*Background, error) {
	b := &Background{DF: map[string]int32{}}
	sc := bufio.NewScanner(r)
	line, seenDocs := 0, false
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		k, v, ok := strings.Cut(l, "\t")
		n, err := strconv.Atoi(v)
		if !ok || err != nil || n < 0 {
			return nil, fmt.Errorf("line %d: want term<TAB>count, got %q", line, l)
		}
		if !seenDocs {
			if k != "docs" {
				return nil, fmt.Errorf("line %d: want docs<TAB>N first, got %q", line, l)
			}
			b.Docs, seenDocs = n, true
			continue
		}
		b.DF[k] = int32(n)
	}
	return b, sc.Err()
}

// CountBackground counts the document frequency of the terms of texts,
// keeping terms seen in at least minDF documents.
func CountBackground(texts func(yield func(string) bool), minDF int) *Background {
	b := &Background{DF: map[string]int32{}}
	for text := range texts {
		b.Docs++
		seen := map[string]bool{}
		for _, t := range Terms(text) {
			if !seen[t] {
				seen[t] = true
				b.DF[t]++
			}
		}
	}
	for t, n := range b.DF {
		if int(n) < minDF {
			delete(b.DF, t)
		}
	}
	return b
}

// WriteTo writes the table, terms in byte order, after a header of
// comment lines.
func (b *Background) WriteTo(w io.Writer, header string) error {
	bw := bufio.NewWriter(w)
	for _, l := range strings.Split(strings.TrimSpace(header), "\n") {
		fmt.Fprintf(bw, "# %s\n", l)
	}
	fmt.Fprintf(bw, "docs\t%d\n", b.Docs)
	terms := make([]string, 0, len(b.DF))
	for t := range b.DF {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	for _, t := range terms {
		fmt.Fprintf(bw, "%s\t%d\n", t, b.DF[t])
	}
	return bw.Flush()
}
