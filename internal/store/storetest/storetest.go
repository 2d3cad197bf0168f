// Package storetest is the conformance suite of store.Store: every backend
// runs Run in its tests, so that the embedded and the server store keep the
// same guarantees (the testing/fstest.TestFS idea).
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/demo"
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
		{"Versions", testVersions},
		{"LargeBatch", testLargeBatch},
		{"Cancelled", testCancelled},
		{"AnalysisRoundTrip", testAnalysisRoundTrip},
		{"EntityPaging", testEntityPaging},
		{"StoryPaging", testStoryPaging},
		{"SearchMore", testSearchMore},
		{"Prepared", testPrepared},
		{"DateFiltersUndated", testDateFiltersUndated},
		{"SourceCase", testSourceCase},
		{"SourceSpelling", testSourceSpelling},
		{"SourceLetters", testSourceLetters},
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

// testPrepared: for a store.Preparer, a batch prepared before some of its
// articles were stored by another call still reports them as already
// stored, indexes the rest, and a batch prepared while another waits to be
// put is put after it as if in order.
func testPrepared(t *testing.T, s store.Store) {
	p, ok := s.(store.Preparer)
	if !ok {
		t.Skip("not a store.Preparer")
	}
	ctx := context.Background()
	a := article("الأفق", "https://ufuq.example/p1", "سد الوحدة", "امتلأ سد الوحدة بنسبة كبيرة هذا الموسم.", day0)
	b := article("النبأ", "https://naba.example/p2", "", "وصلت قوافل الطحين إلى بغداد.", day0.Add(time.Hour))
	c := article("النبأ", "https://naba.example/p3", "", "بدأ موسم الحصاد في الأغوار.", day0.Add(2*time.Hour))
	first, err := p.PrepareArticles(ctx, []news.Article{a, b})
	if err != nil {
		t.Fatal(err)
	}
	second, err := p.PrepareArticles(ctx, []news.Article{b, c})
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, a) // stored by someone else after the batches were prepared
	if got, err := p.PutPrepared(ctx, first); err != nil || !slices.Equal(got, []store.Outcome{store.Exists, store.Stored}) {
		t.Fatalf("first PutPrepared = %v, %v; want [exists stored]", got, err)
	}
	if got, err := p.PutPrepared(ctx, second); err != nil || !slices.Equal(got, []store.Outcome{store.Exists, store.Stored}) {
		t.Fatalf("second PutPrepared = %v, %v; want [exists stored]", got, err)
	}
	if n, err := s.CountArticles(ctx, store.ArticleFilter{}); err != nil || n != 3 {
		t.Fatalf("CountArticles = %d, %v; want 3", n, err)
	}
	res, err := s.Search(ctx, query(t, "الحصاد"))
	if err != nil || res.Total != 1 || res.Hits[0].Article.ID != c.ID {
		t.Errorf("search after PutPrepared: %+v, %v; want %s", res, err, c.ID)
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

// testSourceCase checks that outlet names compare without the case of
// ASCII letters (store.SourceKey), in lists, counts and search.
func testSourceCase(t *testing.T, s store.Store) {
	ctx := context.Background()
	okaz := article("okaz", "https://okaz.example/1", "", "خبر عن المياه من عكاظ.", day0)
	riyadh := article("AlRiyadh", "https://riyadh.example/1", "", "خبر عن المياه من الرياض.", day0.AddDate(0, 0, 1))
	naba := article("النبأ", "https://naba.example/1", "", "خبر عن المياه من النبأ.", day0.AddDate(0, 0, 2))
	put(t, s, okaz, riyadh, naba)
	tests := []struct {
		sources []string
		want    []string // in list order
	}{
		{[]string{"okaz"}, []string{okaz.ID}},
		{[]string{"OKAZ"}, []string{okaz.ID}},
		{[]string{"Okaz"}, []string{okaz.ID}},
		{[]string{"alriyadh"}, []string{riyadh.ID}},
		{[]string{"ALRIYADH", "OKAZ"}, []string{okaz.ID, riyadh.ID}},
		{[]string{"النبأ"}, []string{naba.ID}},
		{[]string{"nope"}, nil},
		{[]string{"okaz", "nope"}, []string{okaz.ID}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.sources, ","), func(t *testing.T) {
			f := store.ArticleFilter{Sources: tt.sources}
			checkArticles(t, s, f, tt.want)
			for _, sq := range []store.SearchQuery{query(t, "مياه"), {}} {
				sq.Sources = tt.sources
				res, err := s.Search(ctx, sq)
				if err != nil {
					t.Fatal(err)
				}
				checkHits(t, res, len(sq.Clauses), tt.want)
			}
		})
	}
}

// testSourceSpelling checks that outlet names spelled with other hamza
// and alef forms, diacritics or tatweel (same store.SourceKey) are one
// outlet: in filters, in Sources and Stats, and in the by-source facet,
// named by the form written most often.
func testSourceSpelling(t *testing.T, s store.Store) {
	ctx := context.Background()
	a1 := article("إيلاف", "https://elaph.example/1", "", "خبر عن المياه من إيلاف.", day0)
	a2 := article("إيلاف", "https://elaph.example/2", "", "خبر آخر عن المياه من إيلاف.", day0.AddDate(0, 0, 1))
	a3 := article("ايلاف", "https://elaph.example/3", "", "خبر ثالث عن المياه من ايلاف.", day0.AddDate(0, 0, 2))
	a4 := article("إيـلاف", "https://elaph.example/4", "", "خبر رابع عن المياه.", time.Time{})
	naba := article("النبأ", "https://naba.example/1", "", "خبر عن المياه من النبأ.", day0.AddDate(0, 0, 3))
	put(t, s, a1, a2, a3, a4, naba)
	all := []string{a1.ID, a2.ID, a3.ID, a4.ID}
	checkOutletFilters(t, s, []outletCase{
		{[]string{"إيلاف"}, all},
		{[]string{"ايلاف"}, all},
		{[]string{"أيلاف"}, all},
		{[]string{"إِيلاف"}, all},
		{[]string{"ايلاف", "النبا"}, []string{a1.ID, a2.ID, a3.ID, naba.ID, a4.ID}},
		{[]string{"نبأ"}, nil},
	})
	srcs := checkOutletCounts(t, s, []string{"إيلاف:4", "النبأ:1"})
	if len(srcs) > 0 && (!srcs[0].First.Equal(day0) || !srcs[0].Last.Equal(day0.AddDate(0, 0, 2))) {
		t.Errorf("Sources[0] span = %v – %v; want %v – %v", srcs[0].First, srcs[0].Last, day0, day0.AddDate(0, 0, 2))
	}
	sq := query(t, "مياه")
	sq.Facets = true
	res, err := s.Search(ctx, sq)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.BySource {
		got = append(got, fmt.Sprintf("%s:%d", f.Value, f.Count))
	}
	if want := []string{"إيلاف:4", "النبأ:1"}; !slices.Equal(got, want) {
		t.Errorf("BySource = %v; want %v", got, want)
	}
}

// testDateFiltersUndated checks that a date bound (from, to or both)
// leaves out articles and stories of unknown date, which sort after every
// date: in lists, counts, search and its facets.
func testDateFiltersUndated(t *testing.T, s store.Store) {
	ctx := context.Background()
	early := article("الأفق", "https://x.example/early", "", "خبر عن المياه في الشتاء.", day0)
	late := article("النبأ", "https://x.example/late", "", "خبر عن المياه في الصيف.", day0.AddDate(0, 6, 0))
	undated := article("النبأ", "https://x.example/undated", "", "خبر عن المياه بلا تاريخ.", time.Time{})
	put(t, s, early, late, undated)
	far := day0.AddDate(10, 0, 0)
	tests := []struct {
		name     string
		from, to time.Time
		want     []string // in list order
	}{
		{"none", time.Time{}, time.Time{}, []string{early.ID, late.ID, undated.ID}},
		{"from", day0.AddDate(0, 1, 0), time.Time{}, []string{late.ID}},
		{"from-past-all", far, time.Time{}, nil},
		{"to", time.Time{}, day0.AddDate(0, 1, 0), []string{early.ID}},
		{"to-past-all", time.Time{}, far, []string{early.ID, late.ID}},
		{"from-to", day0, far, []string{early.ID, late.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := store.ArticleFilter{From: tt.from, To: tt.to}
			checkArticles(t, s, f, tt.want)
			for _, sq := range []store.SearchQuery{query(t, "مياه"), {}} {
				sq.From, sq.To, sq.Facets = tt.from, tt.to, true
				res, err := s.Search(ctx, sq)
				if err != nil {
					t.Fatal(err)
				}
				checkHits(t, res, len(sq.Clauses), tt.want)
				n := 0
				for _, f := range res.BySource {
					n += f.Count
				}
				if n != len(tt.want) {
					t.Errorf("Search(%d clauses): by-source facet counts %d articles, want %d", len(sq.Clauses), n, len(tt.want))
				}
			}
		})
	}
	// Stories: one dated, one of unknown date.
	ref := func(x news.Article) news.ArticleRef {
		return news.ArticleRef{ID: x.ID, URL: x.URL, Source: x.Source, Published: x.Published}
	}
	dated := news.Story{ID: "dated", Title: "المياه", First: day0, Last: day0, Articles: []news.ArticleRef{ref(early)}}
	nodate := news.Story{ID: "nodate", Title: "بلا تاريخ", Articles: []news.ArticleRef{ref(undated)}}
	if err := s.PutStories(ctx, []news.Story{dated, nodate}); err != nil {
		t.Fatal(err)
	}
	stories := []struct {
		name     string
		from, to time.Time
		want     []string
	}{
		{"none", time.Time{}, time.Time{}, []string{"dated", "nodate"}},
		{"from", day0.AddDate(0, 0, -1), time.Time{}, []string{"dated"}},
		{"to", time.Time{}, far, []string{"dated"}},
		{"from-to", day0.AddDate(0, 0, -1), far, []string{"dated"}},
	}
	for _, tt := range stories {
		t.Run("stories-"+tt.name, func(t *testing.T) {
			list, err := s.Stories(ctx, tt.from, tt.to, 0, 0)
			var got []string
			for _, st := range list {
				got = append(got, st.ID)
			}
			slices.Sort(got)
			if err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("Stories(from %v, to %v) = %v, %v; want %v", tt.from, tt.to, got, err, tt.want)
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
	a := article("الأفق", "", "بومبيو في بغداد", "أ", day0)
	b := article("النبأ", "", "", "   وصل وزير الخارجية الأميركي مايك بومبيو إلى بغداد صباح اليوم في زيارة لم يعلن عنها من قبل، والتقى رئيس الوزراء\nوفي السطر الثاني", day0.AddDate(0, 0, 2))
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
	// Each ref carries the headline a list shows: the title, or an
	// untitled article's opening cut short.
	for i, want := range []string{"بومبيو في بغداد", "وصل وزير الخارجية الأميركي مايك بومبيو إلى بغداد صباح اليوم في زيارة لم يعلن عنها من قبل، …"} {
		if i < len(refs) && refs[i].Headline != want {
			t.Errorf("EntityArticles[%d].Headline = %q, want %q", i, refs[i].Headline, want)
		}
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

// testVersions: a URL changed twice keeps all three versions, the newest
// current; an older version put again changes nothing; superseded versions
// are counted apart and are neither searched nor analyzed.
func testVersions(t *testing.T, s store.Store) {
	ctx := context.Background()
	const url = "https://ufuq.example/v"
	v1 := article("الأفق", url, "السد", "الصيغة الأولى لخبر السد.", day0)
	v2 := article("الأفق", url, "السد", "الصيغة الثانية لخبر السد بعد التعديل.", day0)
	v3 := article("الأفق", url, "السد", "الصيغة الثالثة لخبر السد بعد تعديل آخر.", day0)
	other := article("النبأ", "https://naba.example/v", "السد", "خبر آخر عن السد.", day0.AddDate(0, 0, 1))
	put(t, s, v1, other)
	if got := put(t, s, v2); got[0] != store.NewVersion {
		t.Fatalf("second version: %v", got)
	}
	if got := put(t, s, v3, v1); !slices.Equal(got, []store.Outcome{store.NewVersion, store.Exists}) {
		t.Fatalf("third version, then the first again: %v; want new-version, exists", got)
	}
	cur, err := s.Articles(ctx, store.ArticleFilter{})
	if err != nil || !slices.Equal(ids(cur), []string{v3.ID, other.ID}) {
		t.Fatalf("current = %v, %v; want the third version and the other article", ids(cur), err)
	}
	for _, v := range []news.Article{v1, v2} {
		if got, err := s.Article(ctx, v.ID); err != nil || !got.Superseded {
			t.Errorf("old version %s: superseded=%v, %v", v.ID, got.Superseded, err)
		}
	}
	if got, _ := s.Article(ctx, v3.ID); got.Superseded {
		t.Error("the newest version is marked superseded")
	}
	if n, err := s.CountArticles(ctx, store.ArticleFilter{WithSuperseded: true}); err != nil || n != 4 {
		t.Errorf("CountArticles with superseded = %d, %v; want 4", n, err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Articles != 2 || st.Superseded != 2 {
		t.Errorf("Stats = %+v, %v; want 2 articles, 2 superseded", st, err)
	}
	if src, err := s.Sources(ctx); err != nil || len(src) != 2 || src[0].Articles != 1 || src[1].Articles != 1 {
		t.Errorf("Sources count superseded versions: %+v, %v", src, err)
	}
	res, err := s.Search(ctx, query(t, "السد"))
	if err != nil || res.Total != 2 {
		t.Errorf("search: %d matches, %v; want the 2 current articles", res.Total, err)
	}
	for _, h := range res.Hits {
		if h.Article.ID != v3.ID && h.Article.ID != other.ID {
			t.Errorf("search returned %s, not a current article", h.Article.ID)
		}
	}
	if got, err := s.Unanalyzed(ctx, "v1", 0); err != nil || !slices.Equal(got, []string{v3.ID, other.ID}) {
		t.Errorf("Unanalyzed = %v, %v; want only current articles", got, err)
	}
}

// testLargeBatch puts one batch larger than common statement parameter
// limits, then again.
func testLargeBatch(t *testing.T, s store.Store) {
	ctx := context.Background()
	var arts []news.Article
	for i := range 1200 {
		arts = append(arts, article("الأفق", "", "", fmt.Sprintf("خبر رقم %d في دفعة كبيرة.", i), day0.Add(time.Duration(i)*time.Minute)))
	}
	for round, want := range []store.Outcome{store.Stored, store.Exists} {
		out, err := s.PutArticles(ctx, arts)
		if err != nil || len(out) != len(arts) {
			t.Fatalf("round %d: %d outcomes, %v", round+1, len(out), err)
		}
		for i, o := range out {
			if o != want {
				t.Fatalf("round %d: article %d is %v, want %v", round+1, i, o, want)
			}
		}
	}
	if n, err := s.CountArticles(ctx, store.ArticleFilter{}); err != nil || n != len(arts) {
		t.Errorf("CountArticles = %d, %v; want %d", n, err, len(arts))
	}
	page, err := s.Articles(ctx, store.ArticleFilter{After: arts[999].ID, Limit: 3})
	if err != nil || !slices.Equal(ids(page), ids(arts[1000:1003])) {
		t.Errorf("keyset page after article 1000 = %v, %v", ids(page), err)
	}
}

// testCancelled: a cancelled context stores nothing.
func testCancelled(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.PutArticles(ctx, []news.Article{article("الأفق", "", "", "خبر لن يخزن.", day0)}); err == nil {
		t.Error("PutArticles with a cancelled context returned no error")
	}
	if n, err := s.CountArticles(context.Background(), store.ArticleFilter{}); err != nil || n != 0 {
		t.Errorf("after a cancelled put: %d articles, %v", n, err)
	}
}

// testAnalysisRoundTrip: every field of an analysis comes back as stored.
func testAnalysisRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := article("الأفق", "", "", "قال الوزير إن الأسعار ارتفعت 5% منذ 3 أيام.", day0)
	put(t, s, a)
	want := news.Analysis{
		ID:         a.ID,
		Analyzer:   "rasid-test",
		Sentences:  []news.Span{{Text: a.Body, Start: 0, End: 44}},
		Entities:   []news.Entity{{Span: news.Span{Text: "الوزير", Start: 4, End: 10}, Type: "PERS", EntityID: "pers:الوزير", Name: "الوزير", Role: "وزير"}},
		Timexes:    []news.Timex{{Span: news.Span{Text: "منذ 3 أيام", Start: 34, End: 44}, Type: "duration", Value: "P3D", Granularity: "day", Hijri: "1447-07-21"}},
		Quantities: []news.Quantity{{Span: news.Span{Text: "5%", Start: 29, End: 31}, Type: "percent", Value: 5, To: 7.5, Unit: "%"}},
		Quotes: []news.Quote{{Span: news.Span{Text: "الأسعار ارتفعت", Start: 14, End: 28}, Cue: "قال", Direct: false,
			Speaker: news.Speaker{Text: "الوزير", Name: "الوزير", EntityID: "pers:الوزير", Start: 4, End: 10}}},
	}
	if err := s.PutAnalyses(ctx, []news.Analysis{want}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Analysis(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Analysis round trip:\n got %+v\nwant %+v", got, want)
	}
	if st, err := s.Stats(ctx); err != nil || st.Analyzed != 1 || st.Entities != 1 {
		t.Errorf("Stats = %+v, %v; want 1 analyzed, 1 entity", st, err)
	}
}

// testEntityPaging: Entities pages in its order, most mentioned first.
func testEntityPaging(t *testing.T, s store.Store) {
	ctx := context.Background()
	var arts []news.Article
	var ans []news.Analysis
	for i := range 4 {
		a := article("الأفق", "", "", fmt.Sprintf("خبر %d", i), day0.AddDate(0, 0, i))
		arts = append(arts, a)
		var ents []news.Entity
		for e := 0; e <= i; e++ { // entity e is mentioned in 4-e articles
			ents = append(ents, ent(fmt.Sprintf("اسم%d", e), fmt.Sprintf("e%d", e), fmt.Sprintf("اسم%d", e), "ORG", ""))
		}
		ans = append(ans, analysis(a.ID, "v1", ents...))
	}
	put(t, s, arts...)
	if err := s.PutAnalyses(ctx, ans); err != nil {
		t.Fatal(err)
	}
	var got []string
	for off := 0; off < 6; off += 2 {
		page, err := s.Entities(ctx, "ORG", 2, off)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page {
			got = append(got, fmt.Sprintf("%s:%d", e.ID, e.Mentions))
		}
	}
	if want := []string{"e0:4", "e1:3", "e2:2", "e3:1"}; !slices.Equal(got, want) {
		t.Errorf("Entities pages = %v, want %v", got, want)
	}
	if es, err := s.Entities(ctx, "PERS", 0, 0); err != nil || len(es) != 0 {
		t.Errorf("Entities(PERS) = %+v, %v; want none", es, err)
	}
	if refs, err := s.EntityArticles(ctx, "e3", 0); err != nil || len(refs) != 1 || refs[0].ID != arts[3].ID || refs[0].Source != "الأفق" || !refs[0].Published.Equal(arts[3].Published) {
		t.Errorf("EntityArticles(e3) = %+v, %v", refs, err)
	}
	if rel, err := s.Related(ctx, "e3", 2); err != nil || len(rel) != 2 || rel[0].ID != "e0" || rel[1].ID != "e1" {
		t.Errorf("Related(e3, 2) = %+v, %v; want e0, e1", rel, err)
	}
}

// testStoryPaging: stories page most recently active first; Dormant and
// the article list round-trip; an article moved to another story is found
// there.
func testStoryPaging(t *testing.T, s store.Store) {
	ctx := context.Background()
	var arts []news.Article
	var ss []news.Story
	for i := range 5 {
		a := article("الأفق", fmt.Sprintf("https://ufuq.example/p%d", i), "", fmt.Sprintf("قصة %d", i), day0.AddDate(0, i, 0))
		arts = append(arts, a)
		ss = append(ss, news.Story{ID: fmt.Sprintf("s%d", i), Title: fmt.Sprintf("قصة %d", i), First: a.Published, Last: a.Published,
			Articles: []news.ArticleRef{{ID: a.ID, URL: a.URL, Source: a.Source, Published: a.Published}}, Dormant: i < 2})
	}
	put(t, s, arts...)
	if err := s.PutStories(ctx, ss); err != nil {
		t.Fatal(err)
	}
	var got []string
	for off := 0; off < 6; off += 2 {
		page, err := s.Stories(ctx, time.Time{}, time.Time{}, 2, off)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range page {
			got = append(got, st.ID)
		}
	}
	if want := []string{"s4", "s3", "s2", "s1", "s0"}; !slices.Equal(got, want) {
		t.Errorf("Stories pages = %v, want %v", got, want)
	}
	if st, err := s.Story(ctx, "s1"); err != nil || !st.Dormant || len(st.Articles) != 1 || st.Articles[0].URL != arts[1].URL || st.Title != "قصة 1" {
		t.Errorf("Story(s1) = %+v, %v", st, err)
	}
	if list, err := s.Stories(ctx, day0.AddDate(0, 1, 0), day0.AddDate(0, 3, 0), 0, 0); err != nil || len(list) != 2 || list[0].ID != "s2" || list[1].ID != "s1" {
		t.Errorf("Stories active in months 1-2 = %+v, %v", list, err)
	}
	// Article 0 moves to s4.
	ss[4].Articles = append(ss[4].Articles, ss[0].Articles[0])
	ss[0].Articles = nil
	if err := s.PutStories(ctx, []news.Story{ss[0], ss[4]}); err != nil {
		t.Fatal(err)
	}
	if id, err := s.StoryOf(ctx, arts[0].ID); err != nil || id != "s4" {
		t.Errorf("StoryOf(moved article) = %q, %v; want s4", id, err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Stories != 5 {
		t.Errorf("Stats.Stories = %d, %v; want 5", st.Stories, err)
	}
}

// testSearchMore: exclusion alone, the story filter, terms with inner
// punctuation, hits carrying whole articles, no facets unless asked.
func testSearchMore(t *testing.T, s store.Store) {
	ctx := context.Background()
	a := article("الأفق", "https://ufuq.example/m1", "المؤشر", "أغلق المؤشر عند 99.97 نقطة وسط تداولات هادئة.", day0)
	b := article("النبأ", "https://naba.example/m2", "المؤشر", "أرقام الجلسة في المؤشر: 99 97 نقطة.", day0.AddDate(0, 0, 1))
	c := article("النبأ", "https://naba.example/m3", "الطقس", "أمطار غزيرة على المرتفعات.", day0.AddDate(0, 0, 2))
	put(t, s, a, b, c)
	if err := s.PutStories(ctx, []news.Story{{ID: "st", Title: "المؤشر", First: day0, Last: day0,
		Articles: []news.ArticleRef{{ID: a.ID, URL: a.URL, Source: a.Source, Published: a.Published}}}}); err != nil {
		t.Fatal(err)
	}
	hits := func(q store.SearchQuery) []string {
		t.Helper()
		res, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("Search(%+v): %v", q, err)
		}
		if res.Total != len(res.Hits) && q.Limit == 0 {
			t.Errorf("Search(%+v): total %d, %d hits", q, res.Total, len(res.Hits))
		}
		if !q.Facets && (res.BySource != nil || res.ByMonth != nil || res.ByEntity != nil) {
			t.Errorf("facets given unasked: %+v", res)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.Article.ID)
		}
		slices.Sort(got)
		return got
	}
	sorted := func(xs ...string) []string { slices.Sort(xs); return xs }
	if got := hits(query(t, "-المؤشر")); !slices.Equal(got, []string{c.ID}) {
		t.Errorf("exclusion alone = %v, want only %s", got, c.ID)
	}
	if got := hits(query(t, "99.97")); !slices.Equal(got, []string{a.ID}) {
		t.Errorf("99.97 = %v, want only %s (99 and 97 apart do not match)", got, a.ID)
	}
	if got := hits(store.SearchQuery{Stories: []string{"st"}}); !slices.Equal(got, []string{a.ID}) {
		t.Errorf("story filter = %v, want %s", got, a.ID)
	}
	q := query(t, "نقطة")
	q.Stories = []string{"st", "none"}
	if got := hits(q); !slices.Equal(got, []string{a.ID}) {
		t.Errorf("words and story filter = %v, want %s", got, a.ID)
	}
	if got := hits(query(t, "")); !slices.Equal(got, sorted(a.ID, b.ID, c.ID)) {
		t.Errorf("empty query = %v, want every article", got)
	}
	res, err := s.Search(ctx, query(t, "أمطار"))
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("Search(أمطار) = %+v, %v", res, err)
	}
	if h := res.Hits[0].Article; h.Body != c.Body || h.Source != c.Source || h.URL != c.URL || h.Title != c.Title || !h.Published.Equal(c.Published) {
		t.Errorf("hit article %+v, want %+v", h, c)
	}
}

// PutDemo stores the demo corpus (demo.Articles) in s and returns its
// articles: the archive most store-level tests search and read.
func PutDemo(t testing.TB, s store.Store) []news.Article {
	t.Helper()
	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	return arts
}

// checkArticles checks that Articles lists the articles of want, in
// order, under the filter f, and that CountArticles counts them.
func checkArticles(t *testing.T, s store.Store, f store.ArticleFilter, want []string) {
	t.Helper()
	ctx := context.Background()
	got, err := s.Articles(ctx, f)
	if err != nil || !slices.Equal(ids(got), want) {
		t.Errorf("Articles(%+v) = %v, %v; want %v", f, ids(got), err, want)
	}
	if n, err := s.CountArticles(ctx, f); err != nil || n != len(want) {
		t.Errorf("CountArticles(%+v) = %d, %v; want %d", f, n, err, len(want))
	}
}

// checkHits checks that the hits of res, a search of the given number of
// clauses, are the articles of want, in any order, and that its total
// counts them.
func checkHits(t *testing.T, res store.SearchResult, clauses int, want []string) {
	t.Helper()
	var hits []string
	for _, h := range res.Hits {
		hits = append(hits, h.Article.ID)
	}
	slices.Sort(hits)
	want = slices.Sorted(slices.Values(want))
	if !slices.Equal(hits, want) || res.Total != len(want) {
		t.Errorf("Search(%d clauses) = %v (total %d); want %v", clauses, hits, res.Total, want)
	}
}

// testSourceLetters checks that outlet names written with teh marbuta or
// heh, alef maksura or yeh at a word's end, or extra spaces (same
// store.SourceKey) are one outlet, in filters, Sources and Stats.
func testSourceLetters(t *testing.T, s store.Store) {
	j1 := article("الجزيرة", "https://jazeera.example/1", "", "خبر عن المياه من الجزيرة.", day0)
	j2 := article("الجزيرة", "https://jazeera.example/2", "", "خبر آخر عن المياه من الجزيرة.", day0.AddDate(0, 0, 1))
	j3 := article("الجزيره", "https://jazeera.example/3", "", "خبر ثالث عن المياه من الجزيره.", day0.AddDate(0, 0, 2))
	j4 := article("الجزيرة ", "https://jazeera.example/4", "", "خبر رابع عن المياه.", day0.AddDate(0, 0, 3))
	s1 := article("صدى البلد", "https://sada.example/1", "", "خبر عن المياه من صدى البلد.", day0.AddDate(0, 0, 4))
	s2 := article("صدي  البلد", "https://sada.example/2", "", "خبر آخر عن المياه من صدي البلد.", day0.AddDate(0, 0, 5))
	put(t, s, j1, j2, j3, j4, s1, s2)
	jazeera := []string{j1.ID, j2.ID, j3.ID, j4.ID}
	sada := []string{s1.ID, s2.ID}
	checkOutletFilters(t, s, []outletCase{
		{[]string{"الجزيرة"}, jazeera},
		{[]string{"الجزيره"}, jazeera},
		{[]string{" الجزيرة"}, jazeera},
		{[]string{"صدى البلد"}, sada},
		{[]string{"صدي البلد"}, sada},
		{[]string{"صدي   البلد"}, sada},
		{[]string{"الجزير"}, nil},
	})
	checkOutletCounts(t, s, []string{"الجزيرة:4", "صدى البلد:2"})
}

// outletCase is an outlet filter and the articles it selects, in list
// order.
type outletCase struct {
	sources []string
	want    []string
}

// checkOutletFilters checks each outlet filter in Articles (the articles
// in list order) and in Search for مياه (their number), which every
// article of the outlet tests holds.
func checkOutletFilters(t *testing.T, s store.Store, cases []outletCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(strings.Join(tt.sources, ","), func(t *testing.T) {
			checkArticles(t, s, store.ArticleFilter{Sources: tt.sources}, tt.want)
			sq := query(t, "مياه")
			sq.Sources = tt.sources
			res, err := s.Search(context.Background(), sq)
			if err != nil || res.Total != len(tt.want) {
				t.Errorf("Search total = %d, %v; want %d", res.Total, err, len(tt.want))
			}
		})
	}
}

// checkOutletCounts checks that Sources lists the outlets as want
// ("name:articles", the name in its most common written form) and that
// Stats counts as many, and returns what Sources listed.
func checkOutletCounts(t *testing.T, s store.Store, want []string) []store.SourceStats {
	t.Helper()
	ctx := context.Background()
	srcs, err := s.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, st := range srcs {
		got = append(got, fmt.Sprintf("%s:%d", st.Source, st.Articles))
	}
	if !slices.Equal(got, want) {
		t.Errorf("Sources = %v; want %v", got, want)
	}
	if st, err := s.Stats(ctx); err != nil || st.Sources != len(want) {
		t.Errorf("Stats.Sources = %d, %v; want %d", st.Sources, err, len(want))
	}
	return srcs
}
