package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadSaudiNewsNet reads one SaudiNewsNet zip (a JSON array of
// about 2,000 articles) into articles with their IDs.
func BenchmarkReadSaudiNewsNet(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "data", "news", "saudinewsnet", "2015-08-05.zip"))
	if err != nil {
		paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "data", "news", "saudinewsnet", "*.zip"))
		if len(paths) == 0 {
			b.Skip("SaudiNewsNet not present under ../../../shared/data")
		}
		if data, err = os.ReadFile(paths[0]); err != nil {
			b.Fatal(err)
		}
	}
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		n = 0
		Read(context.Background(), "snn.zip", bytes.NewReader(data), Options{}, func(it Item) error {
			n++
			return nil
		})
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkParseText reads a plain-text report with headline and dateline.
func BenchmarkParseText(b *testing.B) {
	data := testdata(b, "dateline_lead.txt")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		ParseText(string(data))
	}
}
