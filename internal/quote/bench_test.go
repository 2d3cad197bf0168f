package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExtract extracts the quotes of the 15 development articles of
// the quotes data (SaudiNewsNet political and security news); one
// iteration is one article.
func BenchmarkExtract(b *testing.B) {
	f, err := os.Open(filepath.Join("..", "..", "..", "shared", "data", "quotes", "quote_articles.jsonl"))
	if err != nil {
		b.Skip("quotes data not found at ../shared/data/quotes")
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var a struct{ Content string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, a.Content)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		Extract(texts[i%len(texts)], nil)
	}
}
