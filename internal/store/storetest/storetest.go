// Package storetest is the conformance suite of store.Store: every backend
// runs Run in its tests, so that the embedded and the server store keep the
// same guarantees (the testing/fstest.TestFS idea).
package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store"
)

// Run runs the suite; open returns a new, empty store for each subtest
// (the suite closes it).
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		run  func(t *testing.T, s store.Store)
	}{
		{"PutIdempotent", testPutIdempotent},
		{"NewVersion", testNewVersion},
		{"BatchAtomic", testBatchAtomic},
		{"OrderAndFilters", testOrderAndFilters},
		{"SourcesAndStats", testSourcesAndStats},
		{"NotFound", testNotFound},
		{"Analyses", testAnalyses},
		{"Entities", testEntities},
		{"Stories", testStories},
		{"Search", testSearch},
		{"ConcurrentPut", testConcurrentPut},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tt.run(t, s)
		})
	}
}

var day0 = time.Date(2026, 1, 10, 9, 0, 0, 0, time.FixedZone("AST", 3*3600))

// article makes an article with its ID derived as ingest derives it.
func article(source, url, title, body string, published time.Time) news.Article {
	a := news.Article{URL: url, Source: source, Title: title, Body: body, Published: published, Lang: "ar"}
	if !published.IsZero() {
		a.DateOrigin = news.DateInput
	}
	a.ID = news.ArticleID(arabic.NormalizeString(body), url)
	return a
}

func put(t *testing.T, s store.Store, arts ...news.Article) []store.Outcome {
	t.Helper()
	out, err := s.PutArticles(context.Background(), arts)
	if err != nil {
		t.Fatalf("PutArticles: %v", err)
	}
	return out
}

func ids(arts []news.Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, a.ID)
	}
	return out
}

func testPutIdempotent(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := article("الأفق", "https://ufuq.example/1", "محادثات المياه", "بدأت في عمّان جولة جديدة من محادثات المياه.", day0)
	b := article("النبأ", "", "", "وصل الوزير إلى بغداد أمس.", time.Time{})
	if got := put(t, s, a, b); !slices.Equal(got, []store.Outcome{store.Stored, store.Stored}) {
		t.Fatalf("first put = %v", got)
	}
	if got := put(t, s, b, a, a); !slices.Equal(got, []store.Outcome{store.Exists, store.Exists, store.Exists}) {
		t.Fatalf("second put = %v", got)
	}
	n, err := s.CountArticles(ctx, store.ArticleFilter{})
	if err != nil || n != 2 {
		t.Fatalf("CountArticles = %d, %v; want 2", n, err)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != a.Title || got.Body != a.Body || got.URL != a.URL || got.Source != a.Source || !got.Published.Equal(a.Published) || got.DateOrigin != news.DateInput {
		t.Errorf("round trip: got %+v, want %+v", got, a)
	}
	if _, off := got.Published.Zone(); off != 3*3600 {
		t.Errorf("published zone offset %d, want the input's +03:00", off)
	}
	if got.Ingested.IsZero() {
		t.Error("ingest time not recorded")
	}
	if got, _ := s.Article(ctx, b.ID); !got.Published.IsZero() || got.DateOrigin != news.DateNone {
		t.Errorf("undated article came back dated: %v %q", got.Published, got.DateOrigin)
	}
}

func testNewVersion(t *testing.T, s store.Store) {
	ctx := context.Background()
	v1 := article("الأفق", "https://ufuq.example/2", "عنوان", "النص الأول للخبر.", day0)
	v2 := article("الأفق", "https://ufuq.example/2", "عنوان", "النص المعدل للخبر بعد التحديث.", day0.Add(time.Hour))
	put(t, s, v1)
	if got := put(t, s, v2); got[0] != store.NewVersion {
		t.Fatalf("changed body at the same URL: %v, want new-version", got[0])
	}
	cur, err := s.Articles(ctx, store.ArticleFilter{})
	if err != nil || !slices.Equal(ids(cur), []string{v2.ID}) {
		t.Fatalf("current articles = %v, %v; want only the new version", ids(cur), err)
	}
	all, err := s.Articles(ctx, store.ArticleFilter{WithSuperseded: true})
	if err != nil || len(all) != 2 {
		t.Fatalf("with superseded: %d articles, %v", len(all), err)
	}
	old, err := s.Article(ctx, v1.ID)
	if err != nil || !old.Superseded {
		t.Errorf("old version: superseded=%v, %v", old.Superseded, err)
	}
}

func testBatchAtomic(t *testing.T, s store.Store) {
	ctx := context.Background()
	good := article("الأفق", "", "", "خبر سليم.", day0)
	bad := news.Article{Body: "لا معرف له"}
	if _, err := s.PutArticles(ctx, []news.Article{good, bad}); err == nil {
		t.Fatal("a batch with an article without id was accepted")
	}
	if n, _ := s.CountArticles(ctx, store.ArticleFilter{}); n != 0 {
		t.Errorf("a failed batch left %d articles", n)
	}
}

func testOrderAndFilters(t *testing.T, s store.Store) {
	ctx := context.Background()
	var arts []news.Article
	for i := range 6 {
		src := []string{"الأفق", "النبأ"}[i%2]
		arts = append(arts, article(src, fmt.Sprintf("https://x.example/%d", i), "", fmt.Sprintf("خبر رقم %d عن المياه.", i), day0.AddDate(0, 0, 5-i)))
	}
	undated := article("النبأ", "", "", "خبر بلا تاريخ.", time.Time{})
	put(t, s, append([]news.Article{undated}, arts...)...)
	all, err := s.Articles(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{arts[5].ID, arts[4].ID, arts[3].ID, arts[2].ID, arts[1].ID, arts[0].ID, undated.ID}
	if !slices.Equal(ids(all), want) {
		t.Fatalf("order: got %v, want %v (by date, undated last)", ids(all), want)
	}
	tests := []struct {
		name string
		f    store.ArticleFilter
		want []string
	}{
		{"source", store.ArticleFilter{Sources: []string{"الأفق"}}, []string{arts[4].ID, arts[2].ID, arts[0].ID}},
		{"from-to", store.ArticleFilter{From: day0.AddDate(0, 0, 1), To: day0.AddDate(0, 0, 3)}, []string{arts[4].ID, arts[3].ID}},
		{"limit-offset", store.ArticleFilter{Limit: 2, Offset: 1}, []string{arts[4].ID, arts[3].ID}},
		{"after", store.ArticleFilter{After: arts[1].ID}, []string{arts[0].ID, undated.ID}},
		{"ids", store.ArticleFilter{IDs: []string{arts[0].ID, undated.ID}}, []string{arts[0].ID, undated.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Articles(ctx, tt.f)
			if err != nil || !slices.Equal(ids(got), tt.want) {
				t.Errorf("Articles(%+v) = %v, %v; want %v", tt.f, ids(got), err, tt.want)
			}
			n, err := s.CountArticles(ctx, store.ArticleFilter{Sources: tt.f.Sources, From: tt.f.From, To: tt.f.To, IDs: tt.f.IDs})
			if err != nil || tt.f.Limit == 0 && tt.f.After == "" && n != len(tt.want) {
				t.Errorf("CountArticles = %d, %v; want %d", n, err, len(tt.want))
			}
		})
	}
}

func testSourcesAndStats(t *testing.T, s store.Store) {
	ctx := context.Background()
	put(t, s,
		article("الأفق", "", "", "أ", day0),
		article("الأفق", "", "", "ب", day0.AddDate(0, 1, 0)),
		article("النبأ", "", "", "ج", time.Time{}))
	src, err := s.Sources(ctx)
	if err != nil || len(src) != 2 {
		t.Fatalf("Sources = %+v, %v", src, err)
	}
	if src[0].Source != "الأفق" || src[0].Articles != 2 || !src[0].First.Equal(day0) || !src[0].Last.Equal(day0.AddDate(0, 1, 0)) {
		t.Errorf("first source %+v", src[0])
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Articles != 3 || st.Sources != 2 || st.Undated != 1 || !st.First.Equal(day0) {
		t.Errorf("Stats = %+v, %v", st, err)
	}
}

func testNotFound(t *testing.T, s store.Store) {
	ctx := context.Background()
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article: %v, want ErrNotFound", err)
	}
	if _, err := s.Analysis(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Analysis: %v, want ErrNotFound", err)
	}
	if _, err := s.Story(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Story: %v, want ErrNotFound", err)
	}
	if _, err := s.Entity(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Entity: %v, want ErrNotFound", err)
	}
	if id, err := s.StoryOf(ctx, "nope"); id != "" || err != nil {
		t.Errorf("StoryOf = %q, %v; want none", id, err)
	}
}

func analysis(id, analyzer string, ents ...news.Entity) news.Analysis {
	return news.Analysis{ID: id, Analyzer: analyzer, Entities: ents}
}

func ent(text, id, name, typ, role string) news.Entity {
	return news.Entity{Span: news.Span{Text: text}, EntityID: id, Name: name, Type: typ, Role: role}
}

func testAnalyses(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := article("الأفق", "", "", "قال الوزير.", day0)
	b := article("الأفق", "", "", "قال السفير.", day0.AddDate(0, 0, 1))
	put(t, s, a, b)
	if got, err := s.Unanalyzed(ctx, "v1", 0); err != nil || !slices.Equal(got, []string{a.ID, b.ID}) {
		t.Fatalf("Unanalyzed before = %v, %v", got, err)
	}
	an := analysis(a.ID, "v1", ent("الوزير", "e1", "الوزير", "PERS", ""))
	an.Sentences = []news.Span{{Text: "قال الوزير.", Start: 0, End: 11}}
	if err := s.PutAnalyses(ctx, []news.Analysis{an}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Analysis(ctx, a.ID)
	if err != nil || got.Analyzer != "v1" || len(got.Sentences) != 1 || len(got.Entities) != 1 {
		t.Fatalf("Analysis = %+v, %v", got, err)
	}
	if got, _ := s.Unanalyzed(ctx, "v1", 0); !slices.Equal(got, []string{b.ID}) {
		t.Errorf("Unanalyzed after = %v, want only %s", got, b.ID)
	}
	if got, _ := s.Unanalyzed(ctx, "v2", 1); !slices.Equal(got, []string{a.ID}) {
		t.Errorf("Unanalyzed for a new analyzer, limit 1 = %v", got)
	}
	// Replacing an analysis replaces its mentions.
	if err := s.PutAnalyses(ctx, []news.Analysis{analysis(a.ID, "v2")}); err != nil {
		t.Fatal(err)
	}
	if es, _ := s.Entities(ctx, "", 0, 0); len(es) != 0 {
		t.Errorf("mentions of a replaced analysis remain: %+v", es)
	}
	if err := s.PutAnalyses(ctx, []news.Analysis{{Analyzer: "v1"}}); err == nil {
		t.Error("an analysis without article id was accepted")
	}
}

func testEntities(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := article("الأفق", "", "", "أ", day0)
	b := article("النبأ", "", "", "ب", day0.AddDate(0, 0, 2))
	c := article("النبأ", "", "", "ج", day0.AddDate(0, 0, 4))
	put(t, s, a, b, c)
	err := s.PutAnalyses(ctx, []news.Analysis{
		analysis(a.ID, "v1", ent("مايك بومبيو", "p1", "مايك بومبيو", "PERS", "وزير الخارجية"), ent("بومبيو", "p1", "مايك بومبيو", "PERS", ""), ent("بغداد", "l1", "بغداد", "LOC", "")),
		analysis(b.ID, "v1", ent("بومبيو", "p1", "مايك بومبيو", "PERS", ""), ent("وبغداد", "l1", "بغداد", "LOC", "")),
		analysis(c.ID, "v1", ent("بغداد", "l1", "بغداد", "LOC", "")),
	})
	if err != nil {
		t.Fatal(err)
	}
	es, err := s.Entities(ctx, "", 0, 0)
	if err != nil || len(es) != 2 || es[0].ID != "l1" && es[0].ID != "p1" {
		t.Fatalf("Entities = %+v, %v", es, err)
	}
	for _, e := range es {
		if e.ID == "l1" && (e.Mentions != 3 || e.Articles != 3 || !e.First.Equal(day0) || !e.Last.Equal(day0.AddDate(0, 0, 4))) {
			t.Errorf("l1 = %+v", e)
		}
	}
	if es, _ := s.Entities(ctx, "PERS", 0, 0); len(es) != 1 || es[0].ID != "p1" || es[0].Name != "مايك بومبيو" || es[0].Mentions != 3 {
		t.Errorf("Entities(PERS) = %+v", es)
	}
	e, err := s.Entity(ctx, "p1")
	if err != nil || e.Articles != 2 || !slices.Contains(e.Aliases, "بومبيو") || !slices.Contains(e.Aliases, "مايك بومبيو") || !slices.Equal(e.Roles, []string{"وزير الخارجية"}) {
		t.Errorf("Entity(p1) = %+v, %v", e, err)
	}
	refs, err := s.EntityArticles(ctx, "l1", 2)
	if err != nil || len(refs) != 2 || refs[0].ID != a.ID || refs[1].ID != b.ID {
		t.Errorf("EntityArticles = %+v, %v", refs, err)
	}
	rel, err := s.Related(ctx, "p1", 5)
	if err != nil || len(rel) != 1 || rel[0].ID != "l1" {
		t.Errorf("Related = %+v, %v", rel, err)
	}
}

func testStories(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := article("الأفق", "https://ufuq.example/s1", "", "أ", day0)
	b := article("النبأ", "https://naba.example/s2", "", "ب", day0.AddDate(0, 1, 0))
	put(t, s, a, b)
	ref := func(x news.Article) news.ArticleRef {
		return news.ArticleRef{ID: x.ID, URL: x.URL, Source: x.Source, Published: x.Published}
	}
	s1 := news.Story{ID: "s1", Title: "محادثات المياه", First: day0, Last: day0, Articles: []news.ArticleRef{ref(a)}}
	s2 := news.Story{ID: "s2", Title: "الميناء", First: day0.AddDate(0, 1, 0), Last: day0.AddDate(0, 1, 0), Articles: []news.ArticleRef{ref(b)}}
	if err := s.PutStories(ctx, []news.Story{s1, s2}); err != nil {
		t.Fatal(err)
	}
	list, err := s.Stories(ctx, time.Time{}, time.Time{}, 0, 0)
	if err != nil || len(list) != 2 || list[0].ID != "s2" {
		t.Fatalf("Stories = %+v, %v; want s2 (latest) first", list, err)
	}
	if list, _ := s.Stories(ctx, time.Time{}, day0.AddDate(0, 0, 1), 0, 0); len(list) != 1 || list[0].ID != "s1" {
		t.Errorf("Stories until day 1 = %+v", list)
	}
	// A story grows: b joins s1 and s2 is replaced.
	s1.Articles = append(s1.Articles, ref(b))
	s1.Last = b.Published
	if err := s.PutStories(ctx, []news.Story{s1}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Story(ctx, "s1")
	if err != nil || len(got.Articles) != 2 || !got.Last.Equal(b.Published) || got.Articles[1].URL != b.URL {
		t.Errorf("Story(s1) = %+v, %v", got, err)
	}
	if id, err := s.StoryOf(ctx, b.ID); err != nil || id != "s1" {
		t.Errorf("StoryOf(b) = %q, %v; want s1", id, err)
	}
}

// query turns user text into a store query the way search does.
func query(t *testing.T, text string) store.SearchQuery {
	t.Helper()
	q, err := search.Parse(text)
	if err != nil {
		t.Fatalf("Parse(%q): %v", text, err)
	}
	var sq store.SearchQuery
	for _, c := range q.Clauses {
		var alts [][]string
		for _, term := range c.Any {
			alts = append(alts, term.Terms)
		}
		if c.Not {
			sq.Not = append(sq.Not, alts...)
		} else {
			sq.Clauses = append(sq.Clauses, alts)
		}
	}
	sq.Sources = q.Filters.Sources
	sq.From = q.Filters.From
	if !q.Filters.To.IsZero() {
		sq.To = q.Filters.To.AddDate(0, 0, 1)
	}
	return sq
}

func testSearch(t *testing.T, s store.Store) {
	ctx := context.Background()
	elect := article("الأفق", "", "الانتخابات البلدية", "أعلنت الهيئة موعد الانتخابات البلدية في الربيع.", day0)
	body := article("النبأ", "", "تقرير", "قال المراقبون إن والانتخابات المقبلة ستجرى بهدوء، وإن المياه شحيحة.", day0.AddDate(0, 0, 1))
	water := article("النبأ", "", "أزمة المياه", "تراجعت مناسيب السد هذا الصيف.", day0.AddDate(0, 1, 0))
	put(t, s, elect, body, water)
	if err := s.PutAnalyses(ctx, []news.Analysis{analysis(water.ID, "v1", ent("السد", "l9", "السد", "LOC", ""))}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q    string
		want []string // in rank order
	}{
		{"انتخابات", []string{elect.ID, body.ID}}, // a title match outranks a body match
		{"الانتخابات", []string{elect.ID, body.ID}},
		{"والانتخابات", []string{elect.ID, body.ID}},
		{"انتخاباتٌ", []string{elect.ID, body.ID}},
		{`"الانتخابات البلدية"`, []string{elect.ID}},
		{"انتخابات -المياه", []string{elect.ID}},
		{"السد OR البلدية", nil}, // checked as a set below
		{"انتخابات source:النبأ", []string{body.ID}},
		{"مياه from:2026-02-01", []string{water.ID}},
		{"كلمة_لا_توجد", nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res, err := s.Search(ctx, query(t, tt.q))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.Article.ID)
			}
			if tt.q == "السد OR البلدية" {
				slices.Sort(got)
				want := []string{elect.ID, water.ID}
				slices.Sort(want)
				if !slices.Equal(got, want) || res.Total != 2 {
					t.Errorf("hits %v (total %d), want %v", got, res.Total, want)
				}
				return
			}
			if !slices.Equal(got, tt.want) || res.Total != len(tt.want) {
				t.Errorf("hits %v (total %d), want %v", got, res.Total, tt.want)
			}
			for i := 1; i < len(res.Hits); i++ {
				if res.Hits[i].Score > res.Hits[i-1].Score {
					t.Errorf("hits not in score order: %v", res.Hits)
				}
			}
		})
	}
	// Filters alone, entity filter, paging, facets.
	res, err := s.Search(ctx, store.SearchQuery{Entities: []string{"l9"}})
	if err != nil || len(res.Hits) != 1 || res.Hits[0].Article.ID != water.ID {
		t.Errorf("entity filter: %+v, %v", res, err)
	}
	q := query(t, "مياه")
	q.Limit, q.Offset, q.Facets = 1, 1, true
	res, err = s.Search(ctx, q)
	if err != nil || res.Total != 2 || len(res.Hits) != 1 {
		t.Fatalf("paging: total %d, %d hits, %v", res.Total, len(res.Hits), err)
	}
	if len(res.BySource) != 1 || res.BySource[0] != (store.Facet{Value: "النبأ", Count: 2}) {
		t.Errorf("facet by source = %+v", res.BySource)
	}
	if len(res.ByMonth) != 2 || res.ByMonth[0].Value != "2026-01" || res.ByMonth[1].Value != "2026-02" {
		t.Errorf("facet by month = %+v", res.ByMonth)
	}
	if len(res.ByEntity) != 1 || res.ByEntity[0].Value != "l9" || res.ByEntity[0].Label != "السد" {
		t.Errorf("facet by entity = %+v", res.ByEntity)
	}
}

func testConcurrentPut(t *testing.T, s store.Store) {
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				// Writers overlap: each article is put by two of them.
				a := article("الأفق", "", "", fmt.Sprintf("خبر متزامن رقم %d", (w/2)*10+i), day0)
				if _, err := s.PutArticles(ctx, []news.Article{a}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if n, err := s.CountArticles(ctx, store.ArticleFilter{}); err != nil || n != 20 {
		t.Errorf("after concurrent puts: %d articles, %v; want 20", n, err)
	}
}
