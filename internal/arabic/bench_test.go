package arabic_test

import (
	"archive/zip"
	"encoding/json"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/rasid-news/rasid/internal/arabic"
)

// newsDir holds the SaudiNewsNet zips, read at benchmark time only.
const newsDir = "../../../shared/data/news/saudinewsnet"

// benchArticles bounds the articles read for benchmarks (a few MB).
const benchArticles = 2000

// loadNews returns the contents of the first benchArticles articles of
// the SaudiNewsNet zips, in file order.
var loadNews = sync.OnceValues(func() ([]string, error) {
	files, err := filepath.Glob(filepath.Join(newsDir, "*.zip"))
	if err != nil || len(files) == 0 {
		return nil, err
	}
	sort.Strings(files)
	var texts []string
	for _, f := range files {
		zr, err := zip.OpenReader(f)
		if err != nil {
			return nil, err
		}
		for _, zf := range zr.File {
			rc, err := zf.Open()
			if err != nil {
				zr.Close()
				return nil, err
			}
			var arts []struct {
				Content string `json:"content"`
			}
			err = json.NewDecoder(io.LimitReader(rc, 256<<20)).Decode(&arts)
			rc.Close()
			if err != nil {
				zr.Close()
				return nil, err
			}
			for _, a := range arts {
				if len(texts) < benchArticles {
					texts = append(texts, a.Content)
				}
			}
		}
		zr.Close()
		if len(texts) >= benchArticles {
			break
		}
	}
	return texts, nil
})

func news(b *testing.B) ([]string, int) {
	b.Helper()
	texts, err := loadNews()
	if err != nil {
		b.Fatal(err)
	}
	if len(texts) == 0 {
		b.Skip("no SaudiNewsNet zips under " + newsDir + "; benchmarks need the shared data")
	}
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return texts, n
}

// words returns the Word tokens of texts.
func words(texts []string) []arabic.Token {
	var toks []arabic.Token
	for _, t := range texts {
		for _, tk := range arabic.Tokenize(t) {
			if tk.Kind == arabic.Word {
				toks = append(toks, tk)
			}
		}
	}
	return toks
}

func reportTokens(b *testing.B, tokens int) {
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkNormalize(b *testing.B) {
	texts, size := news(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			arabic.Normalize(t)
		}
	}
}

func BenchmarkTokenize(b *testing.B) {
	texts, size := news(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var buf []arabic.Token
	n := 0
	for b.Loop() {
		n = 0
		for _, t := range texts {
			buf = arabic.AppendTokens(buf[:0], t)
			n += len(buf)
		}
	}
	reportTokens(b, n)
}

func BenchmarkStem(b *testing.B) {
	texts, _ := news(b)
	toks := words(texts)
	arabic.Stem("تحميل") // load the lexicon outside the timing
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		arabic.ForgetStems() // each pass starts cold: only repetition within the text helps
		for _, t := range toks {
			arabic.StemToken(t)
		}
	}
	reportTokens(b, len(toks))
}

// BenchmarkTextPass is rasid's analyzer on news text: normalize and
// tokenize (AppendTokens normalizes every token) and stem every word.
func BenchmarkTextPass(b *testing.B) {
	texts, size := news(b)
	arabic.Stem("تحميل")
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	var buf []arabic.Token
	n := 0
	for b.Loop() {
		arabic.ForgetStems() // each pass starts cold: only repetition within the text helps
		n = 0
		for _, t := range texts {
			buf = arabic.AppendTokens(buf[:0], t)
			for _, tk := range buf {
				arabic.StemToken(tk)
			}
			n += len(buf)
		}
	}
	reportTokens(b, n)
}

// BenchmarkBleveArabic is bleve's Arabic analyzer (unicode tokenizer,
// lower case, normalization, stopwords, light stemmer) on the same text.
func BenchmarkBleveArabic(b *testing.B) {
	texts, size := news(b)
	an, err := registry.NewCache().AnalyzerNamed(ar.AnalyzerName)
	if err != nil {
		b.Fatal(err)
	}
	data := make([][]byte, len(texts))
	for i, t := range texts {
		data[i] = []byte(t)
	}
	// Tokens are counted as rasid's tokenizer counts them, so that the
	// tokens/s of both analyzers measure the same text.
	n := 0
	for _, t := range texts {
		n += len(arabic.Tokenize(t))
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range data {
			an.Analyze(d)
		}
	}
	reportTokens(b, n)
}

// bleveStem stems one word with bleve's Arabic normalizer and stemmer.
func bleveStem(w string) string {
	ts := analysis.TokenStream{{Term: []byte(strings.TrimSpace(w)), Type: analysis.AlphaNumeric}}
	ts = ar.NewArabicNormalizeFilter().Filter(ts)
	ts = ar.NewArabicStemmerFilter().Filter(ts)
	return string(ts[0].Term)
}
