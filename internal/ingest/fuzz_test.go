package ingest

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/news"
)

// fuzzRead reads data as name and checks what every reader promises:
// no panic, refusals with a reason, accepted articles valid.
func fuzzRead(t *testing.T, name string, data []byte) {
	err := Read(context.Background(), name, bytes.NewReader(data), Options{MaxInputBytes: 1 << 20}, func(it Item) error {
		if it.Refused() {
			return nil
		}
		a := it.Article
		if a.Body == "" || !utf8.ValidString(a.Body) || !utf8.ValidString(a.Title) {
			t.Fatalf("%s: accepted an invalid article %+v", it.Where(), a)
		}
		if a.ID != news.ArticleID(arabic.NormalizeString(a.Body), a.URL) {
			t.Fatalf("%s: wrong ID", it.Where())
		}
		if a.Published.IsZero() != (a.DateOrigin == news.DateNone) {
			t.Fatalf("%s: date origin %q with date %v", it.Where(), a.DateOrigin, a.Published)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
}

func addTestdata(f *testing.F, names ...string) {
	for _, n := range names {
		f.Add(testdata(f, n))
	}
}

func FuzzJSONL(f *testing.F) {
	addTestdata(f, "records.jsonl", "saudinewsnet.json", "mapped.json")
	f.Add([]byte(`{"content": "نص", "published": "2020-01-02"}` + "\n" + `{"content": 5}`))
	f.Add([]byte(`[{"content": "نص"}, 3, {"title": {"name": "x"}}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "f.jsonl", data)
		fuzzRead(t, "f.json", data)
	})
}

func FuzzHTML(f *testing.F) {
	addTestdata(f, "article.html")
	f.Add([]byte(`<html><head><meta property="article:published_time" content="x"></head><body><p>نص</p></body></html>`))
	f.Add([]byte(`<script type="application/ld+json">{"datePublished": [1]}</script><p>نص</p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "f.html", data)
	})
}

func FuzzFeed(f *testing.F) {
	addTestdata(f, "feed.xml", "atom.xml")
	f.Add([]byte(`<rss><channel><item><description>&lt;p&gt;نص</description></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "f.xml", data)
	})
}

func FuzzText(f *testing.F) {
	addTestdata(f, "headline.txt", "dateline_from.txt", "dateline_lead.txt", "trec.txt")
	f.Add([]byte("أربيل (كوردستان 24)-"))
	f.Add([]byte("عنوان\n\nإيلاف من لندن: \n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "f.txt", data)
		if utf8.Valid(data) {
			body, _, _ := StripDateline(string(data))
			if len(body) > len(data) {
				t.Fatalf("StripDateline grew the text")
			}
			a := ParseText(string(data))
			if strings.Contains(a.Title, "\n") {
				t.Fatalf("headline spans lines: %q", a.Title)
			}
		}
	})
}
