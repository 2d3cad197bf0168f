package api

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/rasid-news/rasid/internal/card"
	"github.com/rasid-news/rasid/internal/ingest"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store"
)

// ArticleList is a page of articles (without their bodies).
type ArticleList struct {
	Total    int               `json:"total"`
	Offset   int               `json:"offset"`
	Limit    int               `json:"limit"`
	Articles []news.ArticleRef `json:"articles"`
}

func (s *server) listArticles(w http.ResponseWriter, r *http.Request) error {
	limit, err := intParam(r, "limit", DefaultLimit, MaxLimit)
	if err != nil {
		return err
	}
	offset, err := intParam(r, "offset", 0, MaxOffset)
	if err != nil {
		return err
	}
	from, err := dayParam(r, "from", false)
	if err != nil {
		return err
	}
	to, err := dayParam(r, "to", true)
	if err != nil {
		return err
	}
	f := store.ArticleFilter{Sources: r.URL.Query()["source"], From: from, To: to, Offset: offset, Limit: limit}
	total, err := s.cfg.Store.CountArticles(r.Context(), f)
	if err != nil {
		return err
	}
	var arts []news.Article
	if limit > 0 { // the store reads Limit 0 as "all": limit=0 asks for the total only
		if arts, err = s.cfg.Store.Articles(r.Context(), f); err != nil {
			return err
		}
	}
	out := ArticleList{Total: total, Offset: offset, Limit: limit, Articles: make([]news.ArticleRef, 0, len(arts))}
	for _, a := range arts {
		out.Articles = append(out.Articles, a.Ref())
	}
	return writeJSON(w, http.StatusOK, out)
}

// ArticleView is one article with its analysis and story when it has them.
type ArticleView struct {
	Article  news.Article   `json:"article"`
	Analysis *news.Analysis `json:"analysis,omitempty"`
	Story    string         `json:"story,omitempty"`
}

func (s *server) getArticle(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	a, err := s.cfg.Store.Article(ctx, r.PathValue("id"))
	if err != nil {
		return err
	}
	v := ArticleView{Article: a}
	an, err := s.cfg.Store.Analysis(ctx, a.ID)
	switch {
	case err == nil:
		v.Analysis = &an
	case !errors.Is(err, store.ErrNotFound):
		return err
	}
	if v.Story, err = s.cfg.Store.StoryOf(ctx, a.ID); err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

// IngestResult says what happened to each record of a POST.
type IngestResult struct {
	Stored   int            `json:"stored"`
	Exists   int            `json:"exists"`
	Versions int            `json:"new_versions"`
	Refused  int            `json:"refused"`
	Analyzed int            `json:"analyzed"`
	Items    []IngestedItem `json:"items"`
}

// IngestedItem is one record of a POST: its article ID and outcome, or
// why it was refused. Record is the item's 1-based index in the array
// when the body is a JSON array (Unit "item"), else its line number
// (Unit "line": one object, or objects one a line).
type IngestedItem struct {
	Record  int    `json:"record"`
	Unit    string `json:"unit,omitempty"`
	ID      string `json:"id,omitempty"`
	Outcome string `json:"outcome,omitempty"`
	Error   string `json:"error,omitempty"`
}

// postArticles ingests one article (a JSON object) or a batch (an array,
// or objects one after another) with ingest's normalization and IDs.
func (s *server) postArticles(w http.ResponseWriter, r *http.Request) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") && !strings.HasPrefix(ct, "application/x-ndjson") {
		return errorf(http.StatusUnsupportedMediaType, KindMediaType, "Content-Type %q: send application/json", ct)
	}
	lang := r.URL.Query().Get("lang")
	if lang != "" && lang != "ar" && lang != "any" {
		return paramErrorf("lang", "lang=%q: want ar or any", lang)
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return errorf(http.StatusBadRequest, KindBadBody, "empty body: send an article as a JSON object, or an array of them")
	}
	var res IngestResult
	var arts []news.Article
	var records []int
	err = ingest.ReadFormat(r.Context(), "request", ingest.JSON, bytes.NewReader(body), ingest.Options{Lang: lang, AnyLang: "?lang=any", IndexArrays: true, NoMap: true}, func(it ingest.Item) error {
		if len(res.Items) >= MaxBatch {
			return errorf(http.StatusRequestEntityTooLarge, KindTooLarge, "more than %d articles in one request", MaxBatch)
		}
		if it.Refused() {
			res.Refused++
			res.Items = append(res.Items, IngestedItem{Record: it.Record, Unit: it.Unit, Error: it.Reason})
			return nil
		}
		arts = append(arts, it.Article)
		records = append(records, len(res.Items))
		res.Items = append(res.Items, IngestedItem{Record: it.Record, Unit: it.Unit, ID: it.Article.ID})
		return nil
	})
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		msg := "no article in the request"
		if len(res.Items) > 0 {
			first := res.Items[0]
			msg = "no article accepted: " + first.Error
			if first.Record > 0 {
				msg = fmt.Sprintf("no article accepted: %s %d: %s", first.Unit, first.Record, first.Error)
			}
		}
		return errorf(http.StatusBadRequest, KindBadBody, "%s", msg)
	}
	now := time.Now().UTC()
	for i := range arts {
		if arts[i].Ingested.IsZero() {
			arts[i].Ingested = now
		}
	}
	outs, err := s.cfg.Store.PutArticles(r.Context(), arts)
	if err != nil {
		return err
	}
	var fresh []news.Analysis
	for i, o := range outs {
		res.Items[records[i]].Outcome = o.String()
		switch o {
		case store.Stored:
			res.Stored++
		case store.Exists:
			res.Exists++
		case store.NewVersion:
			res.Versions++
		}
		if o != store.Exists && s.cfg.Analyzer != nil {
			fresh = append(fresh, s.cfg.Analyzer.Analyze(arts[i]))
		}
	}
	if len(fresh) > 0 {
		if err := s.cfg.Store.PutAnalyses(r.Context(), fresh); err != nil {
			return err
		}
		res.Analyzed = len(fresh)
	}
	s.metrics.ingested(res)
	status := http.StatusOK
	if res.Stored+res.Versions > 0 {
		status = http.StatusCreated
	}
	return writeJSON(w, status, res)
}

// StoryList is a page of stories, most recently active first.
type StoryList struct {
	Offset  int            `json:"offset"`
	Limit   int            `json:"limit"`
	Stories []StorySummary `json:"stories"`
}

// StorySummary is a story in a list.
type StorySummary struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	First    time.Time `json:"first,omitzero"`
	Last     time.Time `json:"last,omitzero"`
	Articles int       `json:"articles"`
}

func (s *server) listStories(w http.ResponseWriter, r *http.Request) error {
	limit, err := intParam(r, "limit", DefaultLimit, MaxLimit)
	if err != nil {
		return err
	}
	offset, err := intParam(r, "offset", 0, MaxOffset)
	if err != nil {
		return err
	}
	from, err := dayParam(r, "from", false)
	if err != nil {
		return err
	}
	to, err := dayParam(r, "to", true)
	if err != nil {
		return err
	}
	var ss []news.Story
	if limit > 0 { // the store reads 0 as "all", which a page must not be
		if ss, err = s.cfg.Store.Stories(r.Context(), from, to, limit, offset); err != nil {
			return err
		}
	}
	out := StoryList{Offset: offset, Limit: limit, Stories: make([]StorySummary, 0, len(ss))}
	for _, st := range ss {
		out.Stories = append(out.Stories, StorySummary{ID: st.ID, Title: st.Title, First: st.First, Last: st.Last, Articles: len(st.Articles)})
	}
	return writeJSON(w, http.StatusOK, out)
}

// getStory answers the story card: timeline, entities, quotes, figures
// and summary, built from the story's stored articles and analyses.
func (s *server) getStory(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	st, err := s.cfg.Store.Story(ctx, r.PathValue("id"))
	if err != nil {
		return err
	}
	var arts []news.Article
	analyses := map[string]news.Analysis{}
	for _, ar := range st.Articles {
		a, err := s.cfg.Store.Article(ctx, ar.ID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		arts = append(arts, a)
		an, err := s.cfg.Store.Analysis(ctx, a.ID)
		if err == nil {
			analyses[a.ID] = an
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
	}
	return writeJSON(w, http.StatusOK, card.Build(st, arts, analyses, card.DefaultOptions()))
}

// EntityList is a page of entities, most mentioned first.
type EntityList struct {
	Offset   int                 `json:"offset"`
	Limit    int                 `json:"limit"`
	Entities []store.EntityStats `json:"entities"`
}

var entityTypes = map[string]bool{"": true, "PERS": true, "LOC": true, "ORG": true, "MISC": true}

func (s *server) listEntities(w http.ResponseWriter, r *http.Request) error {
	limit, err := intParam(r, "limit", DefaultLimit, MaxLimit)
	if err != nil {
		return err
	}
	offset, err := intParam(r, "offset", 0, MaxOffset)
	if err != nil {
		return err
	}
	typ := strings.ToUpper(r.URL.Query().Get("type")) // any case, as rasid entities --type
	if !entityTypes[typ] {
		return paramErrorf("type", "type=%q: want PERS, LOC, ORG or MISC", typ)
	}
	var es []store.EntityStats
	if limit > 0 { // the store reads 0 as "all", which a page must not be
		if es, err = s.cfg.Store.Entities(r.Context(), typ, limit, offset); err != nil {
			return err
		}
	}
	if es == nil {
		es = []store.EntityStats{}
	}
	return writeJSON(w, http.StatusOK, EntityList{Offset: offset, Limit: limit, Entities: es})
}

// EntityView is one entity with its related entities and latest articles.
type EntityView struct {
	Entity   store.EntityStats   `json:"entity"`
	Related  []store.EntityStats `json:"related"`
	Articles []news.ArticleRef   `json:"articles"`
}

func (s *server) getEntity(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	e, err := s.cfg.Store.Entity(ctx, r.PathValue("id"))
	if err != nil {
		return err
	}
	v := EntityView{Entity: e}
	if v.Related, err = s.cfg.Store.Related(ctx, e.ID, 20); err != nil {
		return err
	}
	if v.Articles, err = s.cfg.Store.EntityArticles(ctx, e.ID, 50); err != nil {
		return err
	}
	if v.Related == nil {
		v.Related = []store.EntityStats{}
	}
	if v.Articles == nil {
		v.Articles = []news.ArticleRef{}
	}
	return writeJSON(w, http.StatusOK, v)
}

func (s *server) search(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	page, err := intParam(r, "page", 1, search.MaxWindow)
	if err != nil {
		return err
	}
	if page == 0 { // as rasid search --page 0: a silent page 1 would hide a client's off-by-one
		return paramErrorf("page", "page=0: pages are numbered from 1")
	}
	size, err := intParam(r, "page_size", search.DefaultPageSize, search.MaxPageSize)
	if err != nil {
		return err
	}
	if size == 0 { // as rasid search --limit 0; limit=0 of the lists is a count alone, but a search page of no hits has no use
		return paramErrorf("page_size", "page_size=0: want 1 to %d hits per page (leave it out for %d)", search.MaxPageSize, search.DefaultPageSize)
	}
	facets := false
	switch q.Get("facets") {
	case "", "false", "0":
	case "true", "1":
		facets = true
	default:
		return paramErrorf("facets", "facets=%q: want true or false", q.Get("facets"))
	}
	if !q.Has("q") {
		return paramErrorf("q", "q is required: the query (see the query language in /api/v1/openapi.json)")
	}
	t0 := time.Now()
	res, err := s.engine.Search(r.Context(), search.Request{Query: q.Get("q"), Page: page, PageSize: size, Facets: facets})
	if err != nil {
		return err
	}
	s.metrics.searched(time.Since(t0))
	return writeJSON(w, http.StatusOK, res)
}

func (s *server) openapi(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err := w.Write(openAPI)
	return err
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.cfg.Store.Articles(r.Context(), store.ArticleFilter{Limit: 1}); err != nil {
		s.log.Error("health check", "err", err)
		return writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": "store does not answer"})
	}
	return writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}
