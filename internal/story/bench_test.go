package story_test

import (
	"os"
	"runtime"
	"testing"

	"github.com/rasid-news/rasid/internal/eval"
	"github.com/rasid-news/rasid/internal/story"
)

const newsDir = "../../../shared/data/news/saudinewsnet"

// BenchmarkClusterSaudiNewsNet clusters every SaudiNewsNet article (31,030)
// in publication order: term extraction and online assignment, entities
// left out (they come from the stored analyses). It reports articles/s and
// the peak heap in use.
func BenchmarkClusterSaudiNewsNet(b *testing.B) {
	if _, err := os.Stat(newsDir); err != nil {
		b.Skip("SaudiNewsNet not found at ../shared/data/news/saudinewsnet")
	}
	arts, err := eval.ReadSaudiNewsNet(newsDir, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		c := story.New(story.DefaultOptions())
		for _, a := range arts {
			c.Add(story.Item{ID: a.URL, Published: a.Published, Title: a.Title, Body: a.Content})
		}
		b.StopTimer()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heapMiB")
		b.ReportMetric(float64(len(c.Stories())), "stories")
		b.StartTimer()
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
