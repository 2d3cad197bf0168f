package analysis_test

import (
	"archive/zip"
	"encoding/json"
	"io"
	"testing"
	"time"

	"github.com/rasid-news/rasid/internal/news"
)

const saudiNewsNet = "../../../shared/data/news/saudinewsnet/2015-08-02.zip"

// snnArticles reads up to n articles of one day of SaudiNewsNet, or skips.
func snnArticles(b *testing.B, n int) []news.Article {
	b.Helper()
	zr, err := zip.OpenReader(saudiNewsNet)
	if err != nil {
		b.Skipf("SaudiNewsNet not found at %s", saudiNewsNet)
	}
	defer zr.Close()
	var out []news.Article
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			b.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			b.Fatal(err)
		}
		var recs []struct {
			URL     string `json:"url"`
			Date    string `json:"date_extracted"`
			Content string `json:"content"`
		}
		if err := json.Unmarshal(data, &recs); err != nil {
			b.Fatalf("%s: %v", f.Name, err)
		}
		for _, r := range recs {
			p, _ := time.Parse("2006-01-02 15:04:05", r.Date)
			out = append(out, news.Article{ID: r.URL, URL: r.URL, Body: r.Content, Published: p})
			if len(out) == n {
				return out
			}
		}
	}
	if len(out) == 0 {
		b.Skip("no articles in " + saudiNewsNet)
	}
	return out
}

// BenchmarkAnalyze measures the whole analysis of one SaudiNewsNet
// article (entities, time expressions, quantities, quotes), one core.
func BenchmarkAnalyze(b *testing.B) {
	arts := snnArticles(b, 1000)
	an := analyzer(b)
	var bytes int64
	for _, a := range arts {
		bytes += int64(len(a.Body))
	}
	b.SetBytes(bytes / int64(len(arts)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		an.Analyze(arts[i%len(arts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
