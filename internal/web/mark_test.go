package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/arabic"
	rasideval "github.com/rasid-news/rasid/internal/eval"
	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store/sqlite"
)

// show writes paragraphs as text with [kind:text] for marks and | between
// paragraphs, for compact expectations.
func show(ps []Paragraph) string {
	var parts []string
	for _, p := range ps {
		var b strings.Builder
		for _, s := range p {
			if s.Kind == "" {
				b.WriteString(s.Text)
			} else {
				fmt.Fprintf(&b, "[%s:%s]", s.Kind, s.Text)
			}
		}
		parts = append(parts, b.String())
	}
	return strings.Join(parts, "|")
}

func TestSegments(t *testing.T) {
	ent := func(s, e int) mark { return mark{s, e, Segment{Kind: "ent"}} }
	date := func(s, e int) mark { return mark{s, e, Segment{Kind: "date"}} }
	tests := []struct {
		name, text string
		marks      []mark
		want       string
	}{
		{"plain", "زار بلينكن بغداد", nil, "زار بلينكن بغداد"},
		{"one mark", "زار بلينكن بغداد", []mark{ent(4, 10)}, "زار [ent:بلينكن] بغداد"},
		{"marks at both ends", "زار بلينكن بغداد", []mark{ent(0, 3), ent(11, 16)}, "[ent:زار] بلينكن [ent:بغداد]"},
		{"unsorted", "أ ب ج", []mark{ent(4, 5), ent(0, 1)}, "[ent:أ] ب [ent:ج]"},
		{"overlap dropped", "زار بلينكن بغداد", []mark{ent(4, 16), date(11, 16)}, "زار [ent:بلينكن بغداد]"},
		{"widened into an overlap", "زار بلينكن بغداد", []mark{ent(4, 10), date(8, 16)}, "زار [date:بلينكن بغداد]"},
		{"same start: longer wins", "وزير الخارجية فؤاد", []mark{ent(0, 4), ent(0, 13)}, "[ent:وزير الخارجية] فؤاد"},
		{"out of range dropped", "بغداد", []mark{ent(0, 99), ent(-3, 2), ent(3, 3), ent(4, 2)}, "بغداد"},
		{"inside a word widened", "في العراقي", []mark{ent(3, 9)}, "في [ent:العراقي]"},
		{"clitic widened", "وصل لبغداد أمس", []mark{ent(5, 10)}, "وصل [ent:لبغداد] أمس"},
		{"paragraphs", "الأولى\n\nالثانية\n", nil, "الأولى|الثانية"},
		{"mark across a line break", "أ بب\nجج د", []mark{date(2, 7)}, "أ [date:بب]|[date:جج] د"},
		{"markup is text", "<b>x</b>", []mark{ent(3, 4)}, "<b>[ent:x]</b>"},
		{"blank paragraph dropped", "  \nنص", nil, "نص"},
		{"empty", "", []mark{ent(0, 1)}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := show(segments(tc.text, tc.marks)); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// FuzzSegments checks that any spans over any text give back exactly the
// text (line breaks aside), in order, without a panic.
func FuzzSegments(f *testing.F) {
	f.Add("زار بلينكن بغداد أمس", 4, 10, 11, 16)
	f.Add("a\nb\n\nc", 0, 3, 2, 1)
	f.Add("\xff\xfe", 0, 1, -1, 5)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		ps := segments(text, []mark{{s1, e1, Segment{Kind: "ent"}}, {s2, e2, Segment{Kind: "date"}}})
		var got strings.Builder
		for _, p := range ps {
			for _, s := range p {
				got.WriteString(s.Text)
			}
		}
		var want strings.Builder
		for _, line := range strings.Split(string([]rune(text)), "\n") {
			if strings.TrimSpace(line) != "" {
				want.WriteString(line)
			}
		}
		if got.String() != want.String() {
			t.Errorf("text changed:\n got %q\nwant %q", got.String(), want.String())
		}
	})
}

func TestSnippet(t *testing.T) {
	body := strings.Repeat("كلام عام ", 40) + "ثم بحث الوزير ملف الطاقة في بغداد. " + strings.Repeat("وكلام آخر ", 40)
	want := map[string]bool{}
	for _, term := range search.IndexTerms("والطاقة") {
		want[term] = true
	}
	text, hl := snippet(body, want, 120)
	if n := utf8.RuneCountInString(text); n > 130 {
		t.Errorf("snippet of %d code points", n)
	}
	if !strings.HasPrefix(text, "… ") || !strings.HasSuffix(text, " …") {
		t.Errorf("snippet %q is not marked as cut on both sides", text)
	}
	if len(hl) != 1 {
		t.Fatalf("highlights %v", hl)
	}
	if got := string([]rune(text)[hl[0].Start:hl[0].End]); got != "الطاقة" {
		t.Errorf("highlight covers %q", got)
	}
	short, hl := snippet("الطاقة أولا", want, 120)
	if short != "الطاقة أولا" || len(hl) != 1 || hl[0].Start != 0 {
		t.Errorf("short text: %q %v", short, hl)
	}
	if _, hl := snippet(body, nil, 120); hl != nil {
		t.Errorf("highlights with no terms: %v", hl)
	}
}

func ExampleHandler() {
	st := &memStore{} // any store.Store: store/sqlite in rasid serve
	if err := fillFixture(context.Background(), st); err != nil {
		fmt.Println(err)
		return
	}
	h := Handler(Config{Store: st})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/story/st-visit?lang=en", nil))
	fmt.Println(rec.Code, rec.Header().Get("Content-Language"), strings.Contains(rec.Body.String(), `<html lang="en" dir="ltr">`))
	// Output: 200 en true
}

func BenchmarkPages(b *testing.B) {
	_, h := newFixtureServer(b)
	benchPages(b, h, []string{"/", "/story/st-visit", "/article/art-2", "/entity/pers-blinken", "/search?q=" + "بغداد"})
}

// BenchmarkPagesSQLite renders the pages from a SQLite store holding the
// demo corpus analyzed and clustered by the real pipeline.
func BenchmarkPagesSQLite(b *testing.B) {
	st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "rasid.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	biggest, err := fillDemo(context.Background(), st)
	if err != nil {
		b.Fatal(err)
	}
	s, err := st.Story(context.Background(), biggest)
	if err != nil {
		b.Fatal(err)
	}
	h := Handler(Config{Store: st})
	benchPages(b, h, []string{"/", "/story/" + biggest, "/article/" + s.Articles[0].ID, "/search?q=" + url.QueryEscape("مياه اليرموك")})
}

func benchPages(b *testing.B, h http.Handler, paths []string) {
	for _, path := range paths {
		b.Run(path, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
				if rec.Code != 200 {
					b.Fatal(rec.Code)
				}
			}
		})
	}
}

// BenchmarkArticleText marks every word of real SaudiNewsNet articles (far
// more marks than an analysis has) and cuts the text into segments.
func BenchmarkArticleText(b *testing.B) {
	dir := filepath.Join("..", "..", "..", "shared", "data", "news", "saudinewsnet")
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("SaudiNewsNet not found at %s: %v", dir, err)
	}
	n := 0
	arts, err := rasideval.ReadSaudiNewsNet(dir, func(string) bool { n++; return n <= 200 })
	if err != nil {
		b.Fatal(err)
	}
	type doc struct {
		text  string
		marks []mark
	}
	var docs []doc
	size := 0
	for _, a := range arts {
		var ms []mark
		for _, t := range arabic.Tokenize(a.Content) {
			if t.IsWordLike() {
				ms = append(ms, mark{t.Start, t.End, Segment{Kind: "ent"}})
			}
		}
		docs = append(docs, doc{a.Content, ms})
		size += len(a.Content)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			segments(d.text, d.marks)
		}
	}
}
