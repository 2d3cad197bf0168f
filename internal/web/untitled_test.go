package web

import (
	"context"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/store/sqlite"
)

// untitledID is an article with no title whose opening holds markup.
const untitledID = "art-untitled"

// untitledArchive puts an untitled article, its analysis (one entity) and
// a story that refers to it without a headline (as stories stored before
// ArticleRef had one do) into st.
func untitledArchive(t *testing.T, st store.Store) http.Handler {
	return untitledArchiveFrom(t, st, "okaz")
}

// untitledArchiveFrom is untitledArchive with the article's outlet.
func untitledArchiveFrom(t *testing.T, st store.Store, source string) http.Handler {
	t.Helper()
	ctx := context.Background()
	body := "انقطاع الكهرباء في <b>البصرة</b> يدخل يومه الثالث وسط احتجاجات غاضبة في الشوارع ومطالبات بمحاسبة المسؤولين عن الأزمة المتكررة\nوقال مسؤول محلي إن الإصلاح سيستغرق أياما."
	a := news.Article{ID: untitledID, Source: source, Body: body, Published: time.Date(2023, 7, 2, 0, 0, 0, 0, time.UTC), DateOrigin: news.DateInput, Lang: "ar", Ingested: time.Date(2023, 7, 2, 0, 0, 0, 0, time.UTC)}
	if _, err := st.PutArticles(ctx, []news.Article{a}); err != nil {
		t.Fatal(err)
	}
	start := strings.Index(body, "البصرة")
	sp := news.Span{Text: "البصرة", Start: len([]rune(body[:start])), End: len([]rune(body[:start])) + len([]rune("البصرة"))}
	an := news.Analysis{ID: a.ID, Analyzer: "fixture", Entities: []news.Entity{{Span: sp, Type: "LOC", EntityID: "loc-basra", Name: "البصرة"}}}
	said := "الإصلاح سيستغرق أياما"
	at := len([]rune(body[:strings.Index(body, said)]))
	an.Quotes = []news.Quote{{Span: news.Span{Text: said, Start: at, End: at + len([]rune(said))}, Speaker: news.Speaker{Text: "مسؤول محلي", Name: "مسؤول محلي"}, Cue: "قال"}}
	if err := st.PutAnalyses(ctx, []news.Analysis{an}); err != nil {
		t.Fatal(err)
	}
	s := news.Story{ID: "st-untitled", Title: "انقطاع الكهرباء في البصرة", First: a.Published, Last: a.Published, Articles: []news.ArticleRef{ref(a)}}
	if err := st.PutStories(ctx, []news.Story{s}); err != nil {
		t.Fatal(err)
	}
	return Handler(Config{Store: st})
}

// TestUntitledArticleHeadline: every list names an untitled article by its
// opening cut short (news.Article.Headline), escaped, never by its ID.
func TestUntitledArticleHeadline(t *testing.T) {
	sq, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "rasid.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sq.Close() })
	stores := []struct {
		name string
		st   store.Store
	}{{"memory", &memStore{}}, {"sqlite", sq}}
	want := "انقطاع الكهرباء في &lt;b&gt;البصرة&lt;/b&gt; يدخل يومه الثالث وسط احتجاجات غاضبة في الشوارع ومطالبات …"
	for _, s := range stores {
		h := untitledArchive(t, s.st)
		for _, path := range []string{"/", "/story/st-untitled", "/entity/loc-basra", "/search?q=" + url.QueryEscape("الكهرباء"), "/article/" + untitledID} {
			t.Run(s.name+path, func(t *testing.T) {
				res, body := get(t, h, path)
				if res.StatusCode != 200 {
					t.Fatalf("status %d", res.StatusCode)
				}
				if !strings.Contains(body, want) {
					t.Errorf("the page lacks the article's headline %q", want)
				}
				if strings.Contains(body, ">"+untitledID+"<") {
					t.Errorf("the page names the article by its ID")
				}
				if strings.Contains(body, "<b>") {
					t.Error("the opening's markup is not escaped")
				}
			})
		}
	}
}

// TestUnknownOutlet: every list that names an article's outlet says the
// outlet is unknown when the article has none, never a blank.
func TestUnknownOutlet(t *testing.T) {
	h := untitledArchiveFrom(t, &memStore{}, "")
	for _, tc := range []struct{ path, want string }{
		{"/", "<bdi>مصدر غير معروف</bdi>"},
		{"/story/st-untitled", "<bdi>مصدر غير معروف</bdi>"},
		{"/entity/loc-basra", "<bdi>مصدر غير معروف</bdi>"},
		{"/search?q=" + url.QueryEscape("الكهرباء"), "<bdi>مصدر غير معروف</bdi>"},
		{"/search?lang=en&q=" + url.QueryEscape("الكهرباء"), "<bdi>unknown source</bdi>"},
		// a quote's outlet on the story page, in both languages
		{"/story/st-untitled", `dir="auto">مصدر غير معروف</a></footer>`},
		{"/story/st-untitled?lang=en", `dir="auto">unknown source</a></footer>`},
	} {
		t.Run(tc.path, func(t *testing.T) {
			res, body := get(t, h, tc.path)
			if res.StatusCode != 200 {
				t.Fatalf("status %d", res.StatusCode)
			}
			if !strings.Contains(body, tc.want) {
				t.Errorf("the page lacks %q", tc.want)
			}
			if strings.Contains(body, "<bdi></bdi>") {
				t.Error("the page shows a blank outlet")
			}
			if strings.Contains(body, ">"+untitledID+"<") {
				t.Error("the page names the outlet by the article's ID")
			}
		})
	}
}
