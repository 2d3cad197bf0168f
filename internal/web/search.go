package web

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store"
)

// Searcher runs a user's query for the search page. The query is the text
// the user typed, in rasid's query language (see package search); a query
// the parser rejects is reported as a *search.Error and shown to the user.
type Searcher interface {
	Search(ctx context.Context, query string, offset, limit int) (Results, error)
}

// Results is one page of search results with facets over all matches.
type Results struct {
	Total    int
	Hits     []Result
	BySource []store.Facet
	ByMonth  []store.Facet // Value is YYYY-MM
	ByEntity []store.Facet // Value is an entity id, Label its name
}

// Result is one matching article with a snippet of its text.
type Result struct {
	Article news.ArticleRef
	// Snippet is a piece of the original text; Highlights are the
	// code point spans in Snippet of the words that matched.
	Snippet    string
	Highlights []news.Span
}

// StoreSearcher is the plain Searcher: search.Parse, refusing what
// search.Engine refuses (Query.Check: an empty query, one of exclusions
// alone), then Store.Search, and a snippet around the first matching word
// of each hit.
type StoreSearcher struct {
	Store store.Store
}

// Search parses and runs a query.
func (s StoreSearcher) Search(ctx context.Context, query string, offset, limit int) (Results, error) {
	q, err := search.Parse(query)
	if err != nil {
		return Results{}, err
	}
	if err := q.Check(); err != nil { // as search.Engine: nothing to search for
		return Results{}, err
	}
	sq := store.SearchQuery{Offset: offset, Limit: limit, Facets: true,
		Sources: q.Filters.Sources, From: q.Filters.From, Entities: q.Filters.Entities, Stories: q.Filters.Stories}
	if !q.Filters.To.IsZero() {
		sq.To = q.Filters.To.AddDate(0, 0, 1) // the filter includes its day
	}
	want := map[string]bool{}
	for _, c := range q.Clauses {
		var alts [][]string
		for _, t := range c.Any {
			alts = append(alts, t.Terms)
			if !c.Not {
				for _, term := range t.Terms {
					want[term] = true
				}
			}
		}
		if c.Not {
			sq.Not = append(sq.Not, alts...)
		} else {
			sq.Clauses = append(sq.Clauses, alts)
		}
	}
	res, err := s.Store.Search(ctx, sq)
	if err != nil {
		return Results{}, err
	}
	out := Results{Total: res.Total, BySource: res.BySource, ByMonth: res.ByMonth, ByEntity: res.ByEntity}
	for _, h := range res.Hits {
		a := h.Article
		text, hl := snippet(a.Body, want, 220)
		out.Hits = append(out.Hits, Result{
			Article: a.Ref(),
			Snippet: text, Highlights: hl,
		})
	}
	return out, nil
}

// snippet cuts about size code points of body around the first word whose
// index term is wanted, and returns the highlights of the wanted words in it.
func snippet(body string, want map[string]bool, size int) (string, []news.Span) {
	toks := arabic.Tokenize(body)
	first := -1
	for _, t := range toks {
		if hit(t, want) {
			first = t.Start
			break
		}
	}
	start := 0
	if first > size/4 {
		start = first - size/4
		// begin at a word boundary
		for _, t := range toks {
			if t.Start >= start {
				start = t.Start
				break
			}
		}
	}
	rs := []rune(body)
	end := min(len(rs), start+size)
	for _, t := range toks { // end at a word boundary
		if t.Start < end && t.End > end {
			end = t.Start
			break
		}
	}
	text := string(rs[start:end])
	lead := strings.TrimLeft(text, " \t\r\n")
	shift := utf8.RuneCountInString(text) - utf8.RuneCountInString(lead)
	var hl []news.Span
	for _, t := range toks {
		if t.Start >= start && t.End <= end && hit(t, want) {
			hl = append(hl, news.Span{Text: t.Text, Start: t.Start - start - shift, End: t.End - start - shift})
		}
	}
	if start > 0 {
		lead = "… " + lead
		for i := range hl {
			hl[i].Start += 2
			hl[i].End += 2
		}
	}
	if end < len(rs) {
		lead += " …"
	}
	return lead, hl
}

func hit(t arabic.Token, want map[string]bool) bool {
	if !t.IsWordLike() || len(want) == 0 {
		return false
	}
	for _, term := range search.IndexTerms(t.Text) {
		if want[term] {
			return true
		}
	}
	return false
}
