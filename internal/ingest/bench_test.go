package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadSaudiNewsNet reads the first SaudiNewsNet zip
// (2015-07-21.zip, a JSON array of 2,972 records) into articles with
// their IDs.
func BenchmarkReadSaudiNewsNet(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "data", "news", "saudinewsnet", "*.zip"))
	if len(paths) == 0 {
		b.Skip("SaudiNewsNet not present under ../../../shared/data")
	}
	data, err := os.ReadFile(paths[0])
	if err != nil {
		b.Fatal(err)
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
