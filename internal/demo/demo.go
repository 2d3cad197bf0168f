// Package demo holds rasid's bundled example corpus: sixteen short Arabic
// news articles written by the rasid team, from five fictional outlets,
// telling three stories between January and April 2026 (talks between Jordan
// and Syria on the waters of the Yarmouk, drought and food prices in Iraq,
// and a football club's run in an Arab club championship). The outlets, the
// people and the events are invented; the articles are original text, not
// taken from any real report. The corpus exercises what rasid does: the same
// minister spelled differently across outlets (العمري, العمرى, العُمري), quotes
// in «» and reported speech, relative dates (أمس الخميس, منتصف الشهر المقبل,
// رمضان الماضي), a Hijri date with its Gregorian twin, money and figures, an
// agreement signed decades earlier recounted as background, and two wire
// reports republished by a second outlet with small edits (near-duplicates).
//
// The articles are one JSONL file, embedded in the binary; a few of them are
// also plain-text files with a headline and a dateline under txt/, to show the
// ingest of text files. Nothing here reads the file system.
package demo

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/news"
)

//go:embed articles.jsonl
var articlesJSONL []byte

//go:embed txt/*.txt
var textFiles embed.FS

// record is one line of articles.jsonl.
type record struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Text      string `json:"text"`
}

// JSONL returns the corpus as the JSONL file it is embedded as: one article
// per line with the fields id, url, source, published (RFC 3339, +03:00),
// title and text. It is the input `rasid ingest` reads; the caller gets its
// own copy.
func JSONL() []byte { return bytes.Clone(articlesJSONL) }

// Articles returns the corpus as rasid articles, oldest first: Body is the
// text as written (datelines included), Published the given time with
// DateOrigin "input", Lang "ar", and ID news.ArticleID of the normalized body
// and the URL, as ingest computes it.
func Articles() ([]news.Article, error) {
	var out []news.Article
	sc := bufio.NewScanner(bytes.NewReader(articlesJSONL))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("demo: articles.jsonl line %d: %w", line, err)
		}
		a, err := r.article()
		if err != nil {
			return nil, fmt.Errorf("demo: articles.jsonl line %d (%s): %w", line, r.ID, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("demo: articles.jsonl: %w", err)
	}
	return out, nil
}

// article converts a record, checking the fields every demo article has.
func (r record) article() (news.Article, error) {
	body := strings.TrimSpace(r.Text)
	switch {
	case body == "":
		return news.Article{}, fmt.Errorf("empty text")
	case r.URL == "" || r.Source == "" || r.Title == "":
		return news.Article{}, fmt.Errorf("missing url, source or title")
	}
	t, err := time.Parse(time.RFC3339, r.Published)
	if err != nil {
		return news.Article{}, fmt.Errorf("published %q: %w", r.Published, err)
	}
	return news.Article{
		ID:         news.ArticleID(arabic.NormalizeString(body), r.URL),
		URL:        r.URL,
		Source:     r.Source,
		Title:      r.Title,
		Published:  t,
		DateOrigin: news.DateInput,
		Body:       body,
		Lang:       "ar",
	}, nil
}

// TextFiles returns the plain-text versions of a few demo articles (headline
// on the first line, then the body opening with a dateline such as
// "عمان (وكالة النبأ) -"), as a file system rooted at their directory, so that a
// demo can show the ingest of text files. The files carry no date: their
// dates are what publication-date inference estimates.
func TextFiles() fs.FS {
	sub, err := fs.Sub(textFiles, "txt")
	if err != nil { // cannot happen: "txt" is a valid path embedded above
		panic(err)
	}
	return sub
}
