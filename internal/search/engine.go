package search

import (
	"context"
	"errors"
	"fmt"
	"html"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
)

// Page size and result window defaults and bounds.
const (
	DefaultPageSize = 10
	MaxPageSize     = 100
	// MaxWindow bounds how deep into the ranking a page may reach
	// (offset + page size): deep pages cost the store the whole ranking.
	MaxWindow = 1000
	// SnippetRunes is the length of a snippet in code points, about.
	SnippetRunes = 220
)

// ErrBeyondWindow is returned when a page lies past MaxWindow.
var ErrBeyondWindow = errors.New("search: page beyond the result window")

// Engine runs queries of rasid's query language over a store and returns
// ranked, paged hits with highlighted snippets and facets.
type Engine struct {
	Store store.Store
}

// Request is one search: the user's query text and the page wanted.
type Request struct {
	Query string
	// Page is 1-based; 0 means 1.
	Page int
	// PageSize is the number of hits per page: 0 means DefaultPageSize,
	// more than MaxPageSize is an error.
	PageSize int
	// Facets asks for counts by source, month and entity over all matches.
	Facets bool
}

// Result is one page of a search.
type Result struct {
	Query Query `json:"query"`
	// Relaxed is set when no article matched every word of the query and
	// the hits are the articles that match some of them, most first.
	Relaxed  bool          `json:"relaxed,omitempty"`
	Total    int           `json:"total"`
	Page     int           `json:"page"`
	PageSize int           `json:"page_size"`
	Hits     []Hit         `json:"hits"`
	BySource []store.Facet `json:"by_source,omitempty"`
	ByMonth  []store.Facet `json:"by_month,omitempty"`
	ByEntity []store.Facet `json:"by_entity,omitempty"`
}

// Hit is one ranked article with its title and a snippet of its body,
// both with the matched words highlighted.
type Hit struct {
	Article news.ArticleRef `json:"article"`
	Score   float64         `json:"score"`
	Title   Snippet         `json:"title"`
	Snippet Snippet         `json:"snippet"`
}

// Snippet is a piece of original text and the code point spans in it of
// the words that matched the query.
type Snippet struct {
	Text       string      `json:"text"`
	Highlights []Highlight `json:"highlights,omitempty"`
}

// Highlight is a half-open code point span [Start, End) of Snippet.Text.
type Highlight struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// HTML renders the snippet with every character escaped and the
// highlights wrapped in <mark>…</mark>; it is safe to embed in a page.
func (s Snippet) HTML() template.HTML {
	rs := []rune(s.Text)
	var b strings.Builder
	at := 0
	for _, h := range s.Highlights {
		if h.Start < at || h.End > len(rs) || h.Start >= h.End {
			continue // overlapping or out of range: ignore, never panic
		}
		b.WriteString(html.EscapeString(string(rs[at:h.Start])))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(string(rs[h.Start:h.End])))
		b.WriteString("</mark>")
		at = h.End
	}
	b.WriteString(html.EscapeString(string(rs[at:])))
	return template.HTML(b.String())
}

// Plan turns a parsed query into the store's query: clauses of
// alternatives of term sequences, exclusions and filters. The To filter,
// inclusive of its day in the query language, becomes the next midnight.
func Plan(q Query) store.SearchQuery {
	sq := store.SearchQuery{
		Sources:  q.Filters.Sources,
		From:     q.Filters.From,
		Entities: q.Filters.Entities,
		Stories:  q.Filters.Stories,
	}
	if !q.Filters.To.IsZero() {
		sq.To = q.Filters.To.AddDate(0, 0, 1)
	}
	for _, c := range q.Clauses {
		var alts [][]string
		for _, t := range c.Any {
			alts = append(alts, t.Terms)
			if len(t.Terms) == 1 && !t.Phrase {
				for _, v := range cliticVariants(t.Text, t.Terms[0]) {
					alts = append(alts, []string{v})
				}
			}
		}
		if c.Not {
			sq.Not = append(sq.Not, alts...)
		} else {
			sq.Clauses = append(sq.Clauses, alts)
		}
	}
	return sq
}

// proclitics are the clitics the stemmer keeps on words it does not know
// (وتشرد، بنجران، الكوارث) while it strips them from others.
var proclitics = []string{"وال", "بال", "لل", "ال", "و", "ف", "ب", "ل", "ك"}

// cliticVariants returns the other index terms a word may have in a text,
// for the stemmer's inconsistent proclitics: the index terms of the word
// with its proclitic dropped, and of the bare word with ال، و، وال، ب،
// بال، ل or لل before it (the stemmer may treat each form apart). A
// one-letter clitic is dropped only when four letters or more remain of
// the term, so that وزار (وزارة) never turns into زار.
func cliticVariants(text, term string) []string {
	toks := arabic.Tokenize(text)
	if len(toks) != 1 || toks[0].Kind != arabic.Word {
		return nil
	}
	w := toks[0].Norm
	if utf8.RuneCountInString(w) < 3 {
		return nil
	}
	bareWord := w
	name := arabic.IsName(w)
	for _, p := range proclitics {
		if utf8.RuneCountInString(p) == 1 && name {
			continue // a name the stemmer knows has no one-letter clitic (بلينكن is not ب + لينكن)
		}
		rest, ok := strings.CutPrefix(w, p)
		if !ok || utf8.RuneCountInString(rest) < 3 {
			continue
		}
		if utf8.RuneCountInString(p) == 1 && (!strings.HasPrefix(term, p) || utf8.RuneCountInString(term) < 5) {
			continue
		}
		bareWord = rest
		break
	}
	var out []string
	for _, p := range []string{"", "ال", "و", "وال", "ب", "بال", "ل", "لل"} {
		if p == "" && bareWord == w {
			continue
		}
		if utf8.RuneCountInString(p) == 1 && utf8.RuneCountInString(bareWord) < 4 {
			continue
		}
		if ts := IndexTerms(p + bareWord); len(ts) == 1 && ts[0] != term && !slices.Contains(out, ts[0]) {
			out = append(out, ts[0])
		}
	}
	return out
}

// Search parses the request's query, runs it and builds the snippets.
// A query the parser rejects is returned as *Error, one with nothing to
// search for as ErrEmptyQuery (a *Error too); a page past the result
// window as ErrBeyondWindow.
func (e Engine) Search(ctx context.Context, r Request) (Result, error) {
	page, size := r.Page, r.PageSize
	if page <= 0 {
		page = 1
	}
	if size <= 0 {
		size = DefaultPageSize
	}
	if size > MaxPageSize {
		return Result{}, queryError(0, ErrKindPageSize, fmt.Sprintf("page size %d is over the limit of %d", size, MaxPageSize), strconv.Itoa(size), strconv.Itoa(MaxPageSize))
	}
	if (page-1)*size+size > MaxWindow {
		return Result{}, fmt.Errorf("%w: page %d at %d per page reaches result %d, past the last one served (%d)", ErrBeyondWindow, page, size, page*size, MaxWindow)
	}
	q, err := Parse(r.Query)
	if err != nil {
		return Result{}, err
	}
	if err := q.Check(); err != nil {
		return Result{}, err
	}
	sq := Plan(q)
	sq.Offset, sq.Limit, sq.Facets = (page-1)*size, size, r.Facets
	res, err := e.Store.Search(ctx, sq)
	if err != nil {
		return Result{}, err
	}
	relaxed := false
	if res.Total == 0 && len(sq.Clauses) >= 2 {
		// No article has every word: rank those with any of them, the
		// ones with more words first (BM25 adds up over the words).
		// Stopwords are left out: they would match nearly every article
		// and make the ranking slow.
		var alts [][]string
		i := 0
		for _, c := range q.Clauses {
			if c.Not {
				continue
			}
			if !allStopwords(c) {
				alts = append(alts, sq.Clauses[i]...)
			}
			i++
		}
		if len(alts) > 0 {
			any := sq
			any.Clauses = [][][]string{alts}
			if res, err = e.Store.Search(ctx, any); err != nil {
				return Result{}, err
			}
			relaxed = res.Total > 0
		}
	}
	m := newMatcher(sq)
	out := Result{Query: q, Relaxed: relaxed, Total: res.Total, Page: page, PageSize: size, Hits: make([]Hit, 0, len(res.Hits)),
		BySource: res.BySource, ByMonth: res.ByMonth, ByEntity: res.ByEntity}
	for _, h := range res.Hits {
		a := h.Article
		out.Hits = append(out.Hits, Hit{
			Article: a.Ref(),
			Score:   h.Score,
			Title:   m.highlight(a.Title, 0),
			Snippet: m.highlight(a.Body, SnippetRunes),
		})
	}
	return out, nil
}

// allStopwords reports whether every alternative of a clause is one
// stopword.
func allStopwords(c Clause) bool {
	for _, t := range c.Any {
		toks := arabic.Tokenize(t.Text)
		if len(toks) != 1 || !arabic.IsStopword(toks[0].Norm) {
			return false
		}
	}
	return true
}

// Check refuses a query with nothing to search for: ErrEmptyQuery for one
// with no clause and no filter, an ErrKindExclusionsOnly *Error for one of
// excluded terms alone (-غزة: it would list the whole archive but those).
// Engine.Search calls it; a searcher of its own (web.StoreSearcher) calls
// it too, so that every interface refuses the same queries.
func (q Query) Check() error {
	if q.Empty() {
		return ErrEmptyQuery
	}
	if !q.Positive() && q.Filters.empty() {
		return queryError(0, ErrKindExclusionsOnly, "a query of exclusions only needs a word or a filter to search for")
	}
	return nil
}

func (f Filters) empty() bool {
	return len(f.Sources) == 0 && f.From.IsZero() && f.To.IsZero() && len(f.Entities) == 0 && len(f.Stories) == 0
}
