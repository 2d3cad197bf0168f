package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rasid-news/rasid/internal/ingest"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store"
)

// saudiNewsNet reads up to n SaudiNewsNet articles, skipping the
// benchmark when the data is absent.
func saudiNewsNet(b *testing.B, n int) []news.Article {
	files, _ := filepath.Glob("../../../../shared/data/news/saudinewsnet/*.zip")
	if len(files) == 0 {
		b.Skip("SaudiNewsNet not available in ../shared/data/news/saudinewsnet")
	}
	var arts []news.Article
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		err = ingest.Read(context.Background(), path, f, ingest.Options{}, func(it ingest.Item) error {
			if !it.Refused() && len(arts) < n {
				arts = append(arts, it.Article)
			}
			return nil
		})
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		if len(arts) >= n {
			break
		}
	}
	return arts
}

// BenchmarkPutArticles stores 5,000 SaudiNewsNet articles into a fresh
// store in batches of 500, index terms and full-text index included.
// Metrics: articles per second of wall time, and articles per second of
// CPU time (user and system, all threads), which a busy shared machine
// does not distort.
func BenchmarkPutArticles(b *testing.B) { benchPut(b, saudiNewsNet(b, 5000)) }

// BenchmarkPutArticlesAll stores all of SaudiNewsNet (run it with
// -benchtime 1x): the archive the ingest target is set on.
func BenchmarkPutArticlesAll(b *testing.B) { benchPut(b, saudiNewsNet(b, 1<<30)) }

func benchPut(b *testing.B, arts []news.Article) {
	ctx := context.Background()
	var cpu time.Duration
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		c0 := cpuTime()
		b.StartTimer()
		for i := 0; i < len(arts); i += 500 {
			if _, err := s.PutArticles(ctx, arts[i:min(i+500, len(arts))]); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		cpu += cpuTime() - c0
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
	if cpu > 0 {
		b.ReportMetric(float64(len(arts)*b.N)/cpu.Seconds(), "articles/cpu-s")
	}
}

// BenchmarkPutArticlesAgain puts articles that are all stored already.
func BenchmarkPutArticlesAgain(b *testing.B) {
	arts := saudiNewsNet(b, 5000)
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutArticles(ctx, arts); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		for i := 0; i < len(arts); i += 500 {
			if _, err := s.PutArticles(ctx, arts[i:min(i+500, len(arts))]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkSearch searches all of SaudiNewsNet (stored once, ≈ 10 s of
// setup): a common word, a rarer one, a phrase, OR, an exclusion, facets,
// and filters alone; a page of 20 hits with the total, as the web UI asks.
func BenchmarkSearch(b *testing.B) {
	arts := saudiNewsNet(b, 1<<30)
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < len(arts); i += 500 {
		if _, err := s.PutArticles(ctx, arts[i:min(i+500, len(arts))]); err != nil {
			b.Fatal(err)
		}
	}
	terms := func(text string) [][]string { return [][]string{search.IndexTerms(text)} }
	words := func(ws ...string) [][]string {
		var alts [][]string
		for _, w := range ws {
			alts = append(alts, search.IndexTerms(w))
		}
		return alts
	}
	for _, bc := range []struct {
		name string
		q    store.SearchQuery
	}{
		{"common", store.SearchQuery{Clauses: [][][]string{words("السعودية")}}},
		{"rare", store.SearchQuery{Clauses: [][][]string{words("الحوثيين")}}},
		{"two-words", store.SearchQuery{Clauses: [][][]string{words("وزير"), words("الخارجية")}}},
		{"phrase", store.SearchQuery{Clauses: [][][]string{terms("وزير الخارجية")}}},
		{"or", store.SearchQuery{Clauses: [][][]string{words("اليمن", "سوريا")}}},
		{"not", store.SearchQuery{Clauses: [][][]string{words("اليمن")}, Not: words("الحوثيين")}},
		{"facets", store.SearchQuery{Clauses: [][][]string{words("السعودية")}, Facets: true}},
		{"filters-only", store.SearchQuery{Sources: []string{"okaz"}, Facets: true}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			q := bc.q
			q.Limit = 20
			var total int
			for b.Loop() {
				res, err := s.Search(ctx, q)
				if err != nil {
					b.Fatal(err)
				}
				total = res.Total
			}
			b.ReportMetric(float64(total), "matches")
		})
	}
}

// BenchmarkEntities asks the entity aggregates of an archive of 30,000
// articles with 600,000 entity mentions. The mentions are synthetic (20
// per article, entity ids drawn from a Zipf law over 50,000 entities, as
// names are in news), since analyzing SaudiNewsNet takes minutes; the
// shape, a few entities in most articles and a long tail, is the real one.
func BenchmarkEntities(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	r := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(r, 1.1, 1, 50000)
	for batch := range 30 {
		arts := make([]news.Article, 1000)
		ans := make([]news.Analysis, 1000)
		for i := range arts {
			n := batch*1000 + i
			body := fmt.Sprintf("خبر رقم %d", n)
			arts[i] = news.Article{ID: news.ArticleID(body, ""), Body: body, Source: "s", Published: time.Unix(1.4e9+int64(n)*600, 0)}
			ans[i] = news.Analysis{ID: arts[i].ID, Analyzer: "bench"}
			for range 20 {
				e := zipf.Uint64()
				ans[i].Entities = append(ans[i].Entities, news.Entity{Span: news.Span{Text: fmt.Sprintf("ن%d", e)},
					EntityID: fmt.Sprintf("e%d", e), Name: fmt.Sprintf("اسم%d", e), Type: []string{"PERS", "LOC", "ORG", "MISC"}[e%4]})
			}
		}
		if _, err := s.PutArticles(ctx, arts); err != nil {
			b.Fatal(err)
		}
		if err := s.PutAnalyses(ctx, ans); err != nil {
			b.Fatal(err)
		}
	}
	for _, bc := range []struct {
		name string
		f    func() error
	}{
		{"Entities", func() error { _, err := s.Entities(ctx, "", 50, 0); return err }},
		{"Entities-type-page3", func() error { _, err := s.Entities(ctx, "PERS", 50, 100); return err }},
		{"Entity-top", func() error { _, err := s.Entity(ctx, "e1"); return err }},
		{"Related-top", func() error { _, err := s.Related(ctx, "e1", 10); return err }},
		{"Related-tail", func() error { _, err := s.Related(ctx, "e500", 10); return err }},
		{"EntityArticles", func() error { _, err := s.EntityArticles(ctx, "e1", 20); return err }},
		{"Search-facets", func() error {
			_, err := s.Search(ctx, store.SearchQuery{Clauses: [][][]string{{search.IndexTerms("خبر")}}, Facets: true, Limit: 20})
			return err
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if err := bc.f(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
