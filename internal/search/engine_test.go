package search_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rasid-news/rasid/internal/ingest"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store/sqlite"
)

// fixture is a small archive: the IDs are the keys.
var fixture = []news.Article{
	{ID: "a1", Source: "okaz", Title: "نتائج الانتخابات البلدية", Body: "أعلنت اللجنة نتائج الانتخابات البلدية في جدة أمس.", Published: day(2015, 8, 1)},
	{ID: "a2", Source: "riyadh", Title: "وزير الخارجية يزور بغداد", Body: "وصل وزير الخارجية إلى بغداد في زيارة رسمية، وبحث والانتخابات المقبلة.", Published: day(2015, 8, 2)},
	{ID: "a3", Source: "okaz", Title: "أمطار على الرياض", Body: "هطلت أمطار غزيرة على الرياض، وقال الوزير إن الخارجية تتابع.", Published: day(2015, 9, 3)},
	{ID: "a4", Source: "sabq", Title: "انتخاباتٌ في تركيا", Body: "تجري انتخاباتٌ برلمانية في تركيا الشهر المقبل.", Published: day(2015, 9, 10)},
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }

func engine(t testing.TB) search.Engine {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.PutArticles(ctx, fixture); err != nil {
		t.Fatal(err)
	}
	return search.Engine{Store: st}
}

func ids(r search.Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.Article.ID)
	}
	slices.Sort(out)
	return out
}

func TestEngineMatches(t *testing.T) {
	e := engine(t)
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"انتخابات", []string{"a1", "a2", "a4"}},
		{"الانتخابات", []string{"a1", "a2", "a4"}},
		{"والانتخابات", []string{"a1", "a2", "a4"}},
		{"الانْتِخَابَاتُ", []string{"a1", "a2", "a4"}},
		{`"وزير الخارجية"`, []string{"a2"}},
		{"وزير الخارجية", []string{"a2", "a3"}},
		{"انتخابات -تركيا", []string{"a1", "a2"}},
		{`الرياض OR بغداد`, []string{"a2", "a3"}},
		{"انتخابات source:okaz", []string{"a1"}},
		{"انتخابات from:2015-08-02 to:2015-08-02", []string{"a2"}},
		{"source:okaz", []string{"a1", "a3"}},
		{"زلزال", nil},
	} {
		t.Run(tc.query, func(t *testing.T) {
			res, err := e.Search(context.Background(), search.Request{Query: tc.query})
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(res); !slices.Equal(got, tc.want) {
				t.Errorf("hits %v, want %v", got, tc.want)
			}
			if res.Total != len(tc.want) {
				t.Errorf("total %d, want %d", res.Total, len(tc.want))
			}
		})
	}
}

// TestHighlights checks that the highlighted spans are the original words,
// clitics and marks included.
func TestHighlights(t *testing.T) {
	e := engine(t)
	for _, tc := range []struct {
		query string
		id    string
		title []string
		body  []string
	}{
		{"انتخابات", "a1", []string{"الانتخابات"}, []string{"الانتخابات"}},
		{"انتخابات", "a2", nil, []string{"والانتخابات"}},
		{"انتخابات", "a4", []string{"انتخاباتٌ"}, []string{"انتخاباتٌ"}},
		{`"وزير الخارجية"`, "a2", []string{"وزير", "الخارجية"}, []string{"وزير", "الخارجية"}},
	} {
		t.Run(tc.query+"/"+tc.id, func(t *testing.T) {
			res, err := e.Search(context.Background(), search.Request{Query: tc.query})
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range res.Hits {
				if h.Article.ID != tc.id {
					continue
				}
				if got := spans(h.Title); !slices.Equal(got, tc.title) {
					t.Errorf("title highlights %q, want %q", got, tc.title)
				}
				if got := spans(h.Snippet); !slices.Equal(got, tc.body) {
					t.Errorf("snippet highlights %q, want %q", got, tc.body)
				}
				return
			}
			t.Fatalf("%s not found", tc.id)
		})
	}
}

func spans(s search.Snippet) []string {
	rs := []rune(s.Text)
	var out []string
	for _, h := range s.Highlights {
		out = append(out, string(rs[h.Start:h.End]))
	}
	return out
}

func TestSnippetWindow(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	body := strings.Repeat("كلام عادي عن أمور شتى ", 40) + "ثم جاءت الانتخابات البلدية " + strings.Repeat("وكلام آخر بعدها ", 40)
	if _, err := st.PutArticles(ctx, []news.Article{{ID: "x", Source: "s", Title: "t", Body: body}}); err != nil {
		t.Fatal(err)
	}
	res, err := search.Engine{Store: st}.Search(ctx, search.Request{Query: "انتخابات"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatal(res, err)
	}
	s := res.Hits[0].Snippet
	if n := len([]rune(s.Text)); n > search.SnippetRunes+4 {
		t.Errorf("snippet is %d code points long", n)
	}
	if !strings.HasPrefix(s.Text, "… ") || !strings.HasSuffix(s.Text, " …") {
		t.Errorf("snippet %q has no ellipses", s.Text)
	}
	if got := spans(s); !slices.Equal(got, []string{"الانتخابات"}) {
		t.Errorf("highlights %q", got)
	}
}

func TestSnippetHTML(t *testing.T) {
	s := search.Snippet{Text: `<b>الانتخابات</b> & "x"`, Highlights: []search.Highlight{{3, 13}, {2, 4}, {20, 99}}}
	want := `&lt;b&gt;<mark>الانتخابات</mark>&lt;/b&gt; &amp; &#34;x&#34;`
	if got := string(s.HTML()); got != want {
		t.Errorf("HTML() = %s, want %s", got, want)
	}
}

func TestEngineErrors(t *testing.T) {
	e := engine(t)
	for _, tc := range []struct {
		name string
		req  search.Request
		err  error
	}{
		{"page size", search.Request{Query: "x", PageSize: search.MaxPageSize + 1}, &search.Error{}},
		{"window", search.Request{Query: "x", Page: search.MaxWindow, PageSize: 10}, search.ErrBeyondWindow},
		{"exclusions only", search.Request{Query: "-تركيا"}, &search.Error{}},
		{"empty", search.Request{Query: ""}, search.ErrEmptyQuery},
		{"spaces", search.Request{Query: " \t "}, search.ErrEmptyQuery},
		{"a dash", search.Request{Query: "-"}, search.ErrEmptyQuery},
		{"question mark", search.Request{Query: "؟"}, search.ErrEmptyQuery},
		{"punctuation", search.Request{Query: "... ، ! \"\""}, search.ErrEmptyQuery},
		{"unclosed", search.Request{Query: `"وزير`}, &search.Error{}},
		{"long", search.Request{Query: strings.Repeat("ب ", search.MaxQueryRunes)}, &search.Error{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.Search(context.Background(), tc.req)
			if err == nil {
				t.Fatal("no error")
			}
			var qe *search.Error
			if _, ok := tc.err.(*search.Error); ok && !errors.As(err, &qe) {
				t.Errorf("error %v is not a *search.Error", err)
			} else if !ok && !errors.Is(err, tc.err) {
				t.Errorf("error %v, want %v", err, tc.err)
			}
		})
	}
}

func TestPagination(t *testing.T) {
	e := engine(t)
	var all []string
	for page := 1; page <= 3; page++ {
		res, err := e.Search(context.Background(), search.Request{Query: "انتخابات", Page: page, PageSize: 1, Facets: true})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 3 || len(res.Hits) != 1 || res.Page != page {
			t.Fatalf("page %d: total %d, %d hits", page, res.Total, len(res.Hits))
		}
		if len(res.BySource) == 0 || len(res.ByMonth) == 0 {
			t.Errorf("page %d: no facets", page)
		}
		all = append(all, res.Hits[0].Article.ID)
	}
	slices.Sort(all)
	if !slices.Equal(all, []string{"a1", "a2", "a4"}) {
		t.Errorf("pages gave %v", all)
	}
}

func ExampleSnippet_HTML() {
	s := search.Snippet{Text: "نتائج الانتخابات <البلدية>", Highlights: []search.Highlight{{6, 16}}}
	fmt.Println(s.HTML())
	// Output: نتائج <mark>الانتخابات</mark> &lt;البلدية&gt;
}

// BenchmarkSearch runs one-to-three-word queries over all of SaudiNewsNet
// (31,030 articles, stored once per run in a temporary database).
func BenchmarkSearch(b *testing.B) {
	files, _ := filepath.Glob("../../../shared/data/news/saudinewsnet/*.zip")
	if len(files) == 0 {
		b.Skip("SaudiNewsNet not available in ../shared/data/news/saudinewsnet")
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	var batch []news.Article
	var headlines []string
	flush := func() {
		if _, err := st.PutArticles(ctx, batch); err != nil {
			b.Fatal(err)
		}
		batch = batch[:0]
	}
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		err = ingest.Read(ctx, path, f, ingest.Options{}, func(it ingest.Item) error {
			if it.Refused() {
				return nil
			}
			batch = append(batch, it.Article)
			if len(batch) == 500 {
				flush()
			}
			if len(headlines) < 300 {
				headlines = append(headlines, it.Article.Title)
			}
			return nil
		})
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
	flush()
	queries := search.SampleQueries(headlines)
	e := search.Engine{Store: st}
	for _, facets := range []bool{false, true} {
		name := "plain"
		if facets {
			name = "facets"
		}
		b.Run(name, func(b *testing.B) {
			var lat []time.Duration
			i := 0
			for b.Loop() {
				t0 := time.Now()
				if _, err := e.Search(ctx, search.Request{Query: queries[i%len(queries)], Facets: facets}); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(t0))
				i++
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
			b.ReportMetric(float64(len(lat))/b.Elapsed().Seconds(), "queries/s")
		})
	}
}

// TestRelaxed: when no article has every word, the articles with some of
// them come back, flagged, those with more words first.
func TestRelaxed(t *testing.T) {
	e := engine(t)
	for _, tc := range []struct {
		query   string
		relaxed bool
		first   string
		total   int
	}{
		{"الانتخابات البلدية جدة", false, "a1", 1},
		{"الانتخابات البلدية الرياض", true, "a1", 4},
		{"زلزال بركان", false, "", 0},
		{"الانتخابات الرياض -تركيا", true, "", 3},
	} {
		t.Run(tc.query, func(t *testing.T) {
			res, err := e.Search(context.Background(), search.Request{Query: tc.query})
			if err != nil {
				t.Fatal(err)
			}
			if res.Relaxed != tc.relaxed || res.Total != tc.total {
				t.Errorf("relaxed %v, total %d; want %v, %d (%v)", res.Relaxed, res.Total, tc.relaxed, tc.total, ids(res))
			}
			if tc.first != "" && (len(res.Hits) == 0 || res.Hits[0].Article.ID != tc.first) {
				t.Errorf("first hit of %v, want %s", ids(res), tc.first)
			}
		})
	}
}

// TestQueryCheck: Check refuses what Engine.Search refuses for having
// nothing to search for, with the kind the interfaces translate, and
// passes a query with a word or a filter.
func TestQueryCheck(t *testing.T) {
	for _, tc := range []struct {
		query string
		kind  search.ErrorKind // "": accepted
	}{
		{"", search.ErrKindEmpty},
		{"؟", search.ErrKindEmpty},
		{"-غزة", search.ErrKindExclusionsOnly},
		{`-"قطاع غزة"`, search.ErrKindExclusionsOnly},
		{"-غزة -بغداد", search.ErrKindExclusionsOnly},
		{"غزة", ""},
		{"غزة -بغداد", ""},
		{"source:okaz -غزة", ""},
		{"from:2020-01-01", ""},
	} {
		t.Run(tc.query, func(t *testing.T) {
			q, err := search.Parse(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			err = q.Check()
			var qe *search.Error
			switch {
			case tc.kind == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.kind != "" && (!errors.As(err, &qe) || qe.Kind != tc.kind):
				t.Errorf("error %v, want kind %q", err, tc.kind)
			}
		})
	}
}
