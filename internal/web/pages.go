package web

import (
	"cmp"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store"
)

// homePage lists the latest stories and articles.
type homePage struct {
	Stories  []news.Story
	Articles []news.Article
	Pager    pager
}

func (s *server) home(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	size := s.cfg.PageSize
	p := pageParam(r, maxPage)
	page := func(n int) ([]news.Story, error) {
		return s.cfg.Store.Stories(ctx, time.Time{}, time.Time{}, size+1, (n-1)*size)
	}
	stories, p, asked, err := pageOrLast(p, page)
	if err != nil {
		s.storeErr(w, r, err)
		return
	}
	hp := homePage{Pager: pager{Page: p, Prev: p > 1, Next: len(stories) > size, Asked: asked}}
	hp.Stories = stories[:min(len(stories), size)]
	if p == 1 {
		// Lists are in publication order, oldest first: the latest are the last.
		n, err := s.cfg.Store.CountArticles(ctx, store.ArticleFilter{})
		if err != nil {
			s.storeErr(w, r, err)
			return
		}
		const latest = 10
		arts, err := s.cfg.Store.Articles(ctx, store.ArticleFilter{Offset: max(0, n-latest), Limit: latest})
		if err != nil {
			s.storeErr(w, r, err)
			return
		}
		slices.Reverse(arts)
		hp.Articles = arts
	}
	title, _ := Locale{Lang: langOf(r)}.T("home.title")
	s.render(w, r, http.StatusOK, "home", title, hp)
}

func (s *server) story(w http.ResponseWriter, r *http.Request) {
	st, err := s.cfg.Store.Story(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeErr(w, r, err)
		return
	}
	v, err := buildStory(r.Context(), s.cfg.Store, st)
	if err != nil {
		s.storeErr(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "story", st.Title, v)
}

// articlePage is an article with its marked text.
type articlePage struct {
	Article    news.Article
	Paragraphs []Paragraph
	Analyzed   bool
	Story      string // id of its story, if any
	StoryTitle string
	Link       bool // the URL is http(s), safe to link to
	Types      []string
	Quotes     []news.Quote
}

func (s *server) article(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, err := s.cfg.Store.Article(ctx, r.PathValue("id"))
	if err != nil {
		s.storeErr(w, r, err)
		return
	}
	p := articlePage{Article: a, Link: strings.HasPrefix(a.URL, "https://") || strings.HasPrefix(a.URL, "http://")}
	an, err := s.cfg.Store.Analysis(ctx, a.ID)
	switch {
	case err == nil:
		p.Analyzed = true
	case !errors.Is(err, store.ErrNotFound):
		s.storeErr(w, r, err)
		return
	}
	l := Locale{Lang: langOf(r)}
	p.Paragraphs = segments(a.Body, markAnalysis(an, l))
	seen := map[string]bool{}
	for _, e := range an.Entities {
		if !seen[e.Type] {
			seen[e.Type] = true
			p.Types = append(p.Types, e.Type)
		}
	}
	slices.Sort(p.Types)
	p.Quotes = an.Quotes
	if p.Story, err = s.cfg.Store.StoryOf(ctx, a.ID); err != nil && !errors.Is(err, store.ErrNotFound) {
		s.storeErr(w, r, err)
		return
	}
	if p.Story != "" {
		switch st, err := s.cfg.Store.Story(ctx, p.Story); {
		case err == nil:
			p.StoryTitle = st.Title
		case !errors.Is(err, store.ErrNotFound):
			s.storeErr(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "article", a.Headline(), p)
}

// entityPage is an entity with its mentions over time.
type entityPage struct {
	Entity   store.EntityStats
	Months   []bar
	Related  []store.EntityStats
	Articles []news.ArticleRef
}

// bar is one bar of a chart: a label, a count and its length in twentieths
// of the longest bar (the stylesheet has a class per twentieth, so no
// inline style is needed under the Content-Security-Policy).
type bar struct {
	Label string // YYYY-MM
	Count int
	Step  int // 0–20
}

// maxEntityArticles bounds the articles read for an entity's chart.
const maxEntityArticles = 2000

func (s *server) entity(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id := r.PathValue("id")
	e, err := s.cfg.Store.Entity(ctx, id)
	if err != nil {
		s.storeErr(w, r, err)
		return
	}
	refs, err := s.cfg.Store.EntityArticles(ctx, id, maxEntityArticles)
	if err != nil {
		s.storeErr(w, r, err)
		return
	}
	rel, err := s.cfg.Store.Related(ctx, id, 12)
	if err != nil {
		s.storeErr(w, r, err)
		return
	}
	p := entityPage{Entity: e, Months: monthBars(refs), Related: rel}
	// the latest articles first
	p.Articles = slices.Clone(refs)
	slices.Reverse(p.Articles)
	p.Articles = p.Articles[:min(len(p.Articles), 30)]
	s.render(w, r, http.StatusOK, "entity", e.Name, p)
}

// monthBars counts articles by month of publication, for every month from
// the first to the last (empty months too, so that the chart reads as time).
// At most the last 36 months are shown.
func monthBars(refs []news.ArticleRef) []bar {
	counts := map[string]int{}
	var first, last time.Time
	for _, a := range refs {
		if a.Published.IsZero() {
			continue
		}
		m := time.Date(a.Published.Year(), a.Published.Month(), 1, 0, 0, 0, 0, time.UTC)
		counts[m.Format("2006-01")]++
		if first.IsZero() || m.Before(first) {
			first = m
		}
		if m.After(last) {
			last = m
		}
	}
	if first.IsZero() {
		return nil
	}
	if lo := last.AddDate(0, -35, 0); first.Before(lo) {
		first = lo
	}
	var bars []bar
	top := 0
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		k := m.Format("2006-01")
		bars = append(bars, bar{Label: k, Count: counts[k]})
		top = max(top, counts[k])
	}
	for i := range bars {
		if bars[i].Count > 0 {
			bars[i].Step = max(1, (bars[i].Count*20+top/2)/top)
		}
	}
	return bars
}

// entitiesPage lists the most mentioned entities of one type.
type entitiesPage struct {
	Type     string
	Types    []string
	Entities []store.EntityStats
	Pager    pager
}

// entityTypes are the types the entities page offers, in its tab order.
var entityTypes = []string{"PERS", "LOC", "ORG", "MISC"}

func (s *server) entities(w http.ResponseWriter, r *http.Request) {
	typ := strings.ToUpper(r.URL.Query().Get("type")) // any case, as the API and rasid entities
	if !slices.Contains(entityTypes, typ) {
		typ = "PERS"
	}
	size := 50
	p := pageParam(r, maxPage)
	page := func(n int) ([]store.EntityStats, error) {
		return s.cfg.Store.Entities(r.Context(), typ, size+1, (n-1)*size)
	}
	es, p, asked, err := pageOrLast(p, page) // not "no entities of this type yet" past the last page
	if err != nil {
		s.storeErr(w, r, err)
		return
	}
	ep := entitiesPage{Type: typ, Types: entityTypes, Entities: es[:min(len(es), size)],
		Pager: pager{Page: p, Prev: p > 1, Next: len(es) > size, Query: typ, Asked: asked}}
	title, _ := Locale{Lang: langOf(r)}.T("entities.title")
	s.render(w, r, http.StatusOK, "entities", title, ep)
}

// searchPage is a page of results.
type searchPage struct {
	Query   string
	Err     string
	Results Results
	Hits    []searchHit
	Pager   pager
	Facets  []facetGroup
}

type searchHit struct {
	Result
	Snippet Paragraph
}

// facetGroup is one facet with links that narrow the query.
type facetGroup struct {
	Title string // catalog key
	Kind  string // "source", "month", "entity"
	Items []facetLink
}

type facetLink struct {
	Label string
	Month string // YYYY-MM for a month facet, formatted by the template
	Type  string
	Count int
	Query string // the narrowed query
}

// pager is the state of a paged list.
type pager struct {
	Page, Pages int
	Prev, Next  bool
	Query       string // the search query, for search pages
	// Asked is the page asked for when it was past the last page (Page is
	// then the last page, shown instead); 0 otherwise.
	Asked int
}

func (s *server) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	title, _ := Locale{Lang: langOf(r)}.T("search.title")
	sp := searchPage{Query: q}
	if len(q) > 4*search.MaxQueryRunes {
		sp.Err = "query too long"
		s.render(w, r, http.StatusBadRequest, "search", title, sp)
		return
	}
	if q == "" {
		s.render(w, r, http.StatusOK, "search", title, sp)
		return
	}
	size := s.cfg.PageSize
	// Pages stop at the result window of search.Engine (results past it
	// are not served): a link past it would show an error, not results.
	last := max(1, min(maxPage, search.MaxWindow/size))
	p := pageParam(r, last)
	res, err := s.cfg.Search.Search(r.Context(), q, (p-1)*size, size)
	pages := min((res.Total+size-1)/size, last)
	asked := 0
	if err == nil && p > pages && pages > 0 {
		// Past the last page of results: show the last one and say so.
		asked, p = p, pages
		res, err = s.cfg.Search.Search(r.Context(), q, (p-1)*size, size)
		pages = min((res.Total+size-1)/size, last)
	}
	var qerr *search.Error
	if errors.Is(err, search.ErrEmptyQuery) {
		sp.Err, _ = Locale{Lang: langOf(r)}.T("search.nothing")
		s.render(w, r, http.StatusBadRequest, "search", title, sp)
		return
	}
	if errors.As(err, &qerr) {
		sp.Err = Locale{Lang: langOf(r)}.QueryError(qerr)
		s.render(w, r, http.StatusBadRequest, "search", title, sp)
		return
	}
	if err != nil {
		s.storeErr(w, r, err)
		return
	}
	sp.Results = res
	sp.Pager = pager{Page: p, Pages: pages, Prev: p > 1, Next: p < pages, Query: q, Asked: asked}
	for _, h := range res.Hits {
		var ms []mark
		for _, hl := range h.Highlights {
			ms = append(ms, mark{hl.Start, hl.End, Segment{Kind: "hit"}})
		}
		var para Paragraph
		for _, pp := range segments(h.Snippet, ms) {
			para = append(para, pp...)
			para = append(para, Segment{Text: " "})
		}
		sp.Hits = append(sp.Hits, searchHit{Result: h, Snippet: para})
	}
	sp.Facets = facets(q, res)
	s.render(w, r, http.StatusOK, "search", title, sp)
}

// facets turns the result facets into links that add a filter to the query.
func facets(q string, res Results) []facetGroup {
	var out []facetGroup
	add := func(title, kind string, fs []store.Facet, filter func(store.Facet) string) {
		g := facetGroup{Title: title, Kind: kind}
		for _, f := range fs[:min(len(fs), 10)] {
			if f.Value == "" {
				continue // no filter selects articles of no outlet
			}
			label := cmp.Or(f.Label, f.Value)
			fl := facetLink{Label: label, Count: f.Count, Query: q + " " + filter(f)}
			if kind == "month" {
				fl.Month = f.Value
			}
			g.Items = append(g.Items, fl)
		}
		if len(g.Items) > 0 {
			out = append(out, g)
		}
	}
	add("facets.source", "source", res.BySource, func(f store.Facet) string { return "source:" + quoteValue(f.Value) })
	add("facets.month", "month", res.ByMonth, func(f store.Facet) string {
		t, err := time.Parse("2006-01", f.Value)
		if err != nil {
			return ""
		}
		return "from:" + t.Format("2006-01-02") + " to:" + t.AddDate(0, 1, -1).Format("2006-01-02")
	})
	add("facets.entity", "entity", res.ByEntity, func(f store.Facet) string { return "entity:" + quoteValue(f.Value) })
	return out
}

// quoteValue quotes a filter value that has spaces.
func quoteValue(v string) string {
	v = strings.ReplaceAll(v, `"`, "")
	if strings.ContainsAny(v, " \t") {
		return `"` + v + `"`
	}
	return v
}

// pageOrLast reads page p of a list with page; past the last page (p > 1
// and no items) it reads the last page that has items instead, so that
// the page shows it and says so. It returns the items, the page read,
// and asked: p when another page was read in its place, else 0.
func pageOrLast[T any](p int, page func(n int) ([]T, error)) (items []T, read, asked int, err error) {
	items, err = page(p)
	if err != nil || len(items) > 0 || p <= 1 {
		return items, p, 0, err
	}
	// The search ends on the last page it found items on (lo only moves
	// to such a page), so those items are kept rather than read again.
	var kept []T
	keptAt := 0
	last, err := lastPage(p, func(n int) (bool, error) {
		is, err := page(n)
		if len(is) > 0 {
			kept, keptAt = is, n
		}
		return len(is) > 0, err
	})
	if err != nil {
		return nil, p, p, err
	}
	if keptAt == last {
		return kept, last, p, nil
	}
	items, err = page(last) // page 1, never asked
	return items, last, p, err
}

// lastPage returns the last page that has items among pages 1 to p-1,
// for a page p that has none (1 when no page has any). Pages fill in
// order, so a binary search asks has about log2(p) times.
func lastPage(p int, has func(n int) (bool, error)) (int, error) {
	lo, hi := 1, p-1 // the answer is in [lo, hi]; page lo is taken to have items
	for lo < hi {
		mid := (lo + hi + 1) / 2
		ok, err := has(mid)
		if err != nil {
			return 0, err
		}
		if ok {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo, nil
}
