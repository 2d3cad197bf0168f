package postgres

import (
	"context"
	"os"
	"path/filepath"
	"testing"

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

// BenchmarkPutArticles stores SaudiNewsNet articles into a fresh schema in
// batches of 500 (tsvector, GIN index and analysis jobs included); the
// metric is articles per second.
func BenchmarkPutArticles(b *testing.B) {
	testDSN(b)
	arts := saudiNewsNet(b, 5000)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		s := openFresh(b)
		b.StartTimer()
		for i := 0; i < len(arts); i += 500 {
			if _, err := s.PutArticles(ctx, arts[i:min(i+500, len(arts))]); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkSearch runs a two-word ranked query with facets over 5,000
// SaudiNewsNet articles.
func BenchmarkSearch(b *testing.B) {
	testDSN(b)
	arts := saudiNewsNet(b, 5000)
	ctx := context.Background()
	s := openFresh(b)
	defer s.Close()
	if _, err := s.PutArticles(ctx, arts); err != nil {
		b.Fatal(err)
	}
	q := store.SearchQuery{Clauses: [][][]string{{search.IndexTerms("وزارة")}, {search.IndexTerms("الصحة")}}, Limit: 20, Facets: true}
	for b.Loop() {
		res, err := s.Search(ctx, q)
		if err != nil || res.Total == 0 {
			b.Fatalf("search: %d hits, %v", res.Total, err)
		}
	}
}
