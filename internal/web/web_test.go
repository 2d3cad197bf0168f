package web

import (
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store/sqlite"
)

func newFixtureServer(t testing.TB) (*memStore, http.Handler) {
	t.Helper()
	st := &memStore{}
	if err := fillFixture(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	return st, Handler(Config{Store: st, PageSize: 2})
}

// newSQLiteServer is the fixture on the embedded SQLite store, in a
// temporary file.
func newSQLiteServer(t testing.TB) http.Handler {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "rasid.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := fillFixture(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	return Handler(Config{Store: st, PageSize: 2})
}

func get(t *testing.T, h http.Handler, path string, cookies ...*http.Cookie) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	for _, c := range cookies {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

func TestPages(t *testing.T) {
	_, mem := newFixtureServer(t)
	t.Run("memory", func(t *testing.T) { testPages(t, mem) })
	t.Run("sqlite", func(t *testing.T) { testPages(t, newSQLiteServer(t)) })
}

func testPages(t *testing.T, h http.Handler) {
	tests := []struct {
		name, path string
		status     int
		lang, dir  string
		want       []string
	}{
		{"home", "/", 200, "ar", "rtl", []string{"أحدث القصص", "زيارة بلينكن إلى بغداد", `href="/story/st-visit"`, "٣ مقالات", "مقال واحد", "أحدث المقالات", `<a href="/" aria-current="page">`}},
		{"home english", "/?lang=en", 200, "en", "ltr", []string{"Latest stories", "3 articles", "14 March 2023"}},
		{"home page 2, past the last", "/?p=2", 200, "ar", "rtl", []string{"الصفحة المطلوبة بعد آخر صفحة", `href="/story/st-visit"`}},
		{"story", "/story/st-visit", 200, "ar", "rtl", []string{
			"الخط الزمني", `<ol class="timeline">`, `datetime="2023-03-10"`, "١٠ مارس ٢٠٢٣", "٢٠ أبريل ٢٠٢٣",
			"الأشخاص", `href="/entity/pers-blinken"`, "الأماكن", "الأقوال حسب المتحدث", "العراق يريد علاقات متوازنة",
			"مقالات القصة", `href="/article/art-2"`, "الملخص", "روتها: <bdi>okaz</bdi>، <bdi>alriyadh</bdi>"}},
		{"story english", "/story/st-visit?lang=en", 200, "en", "ltr", []string{"Timeline", "10 March 2023", "People", "Quotes by speaker", "told by: <bdi>okaz</bdi>, <bdi>alriyadh</bdi>"}},
		{"article", "/article/art-2", 200, "ar", "rtl", []string{
			`<a class="ent ent-PERS" href="/entity/pers-sudani" title="محمد شياع السوداني">محمد شياع السوداني</a>`,
			`<time class="date" datetime="2023-03-14" title="١٤ مارس ٢٠٢٣">أمس الثلاثاء</time>`,
			`href="/story/st-visit"`, "alriyadh", "١٥ مارس ٢٠٢٣", "الأقوال في المقال", `<a href="/entity/pers-sudani">محمد شياع السوداني</a></footer>`}},
		{"article english", "/article/art-2?lang=en", 200, "en", "ltr", []string{"Source", "15 March 2023", `title="14 March 2023"`}},
		{"entity", "/entity/pers-blinken", 200, "ar", "rtl", []string{
			"أنتوني بلينكن", "بلنكن", "وزير الخارجية الأمريكي", `class="chart"`, "مارس ٢٠٢٣", `class="bar s20"`,
			"كيانات ذات صلة", `href="/entity/loc-baghdad"`, `href="/article/art-3"`, `href="/search?q=entity:pers-blinken"`}},
		{"entity english", "/entity/pers-blinken?lang=en", 200, "en", "ltr", []string{"Also written", "Mentions over time", "March 2023"}},
		{"entities", "/entities", 200, "ar", "rtl", []string{"الأكثر ذكرًا", `href="/entity/pers-blinken"`, "٣ مقالات", `<a href="/entities?type=PERS" aria-current="page">`}},
		{"entities places", "/entities?type=LOC&lang=en", 200, "en", "ltr", []string{"Most mentioned", `href="/entity/loc-baghdad"`, "4 articles"}},
		{"entities lower-case type", "/entities?type=loc&lang=en", 200, "en", "ltr", []string{`href="/entity/loc-baghdad"`, `<a href="/entities?type=LOC" aria-current="page">`}},
		{"entities bad type", "/entities?type=<x>", 200, "ar", "rtl", []string{`href="/entity/pers-fuad"`}},
		{"search", "/search?q=" + "الطاقة", 200, "ar", "rtl", []string{"النتائج", `<mark class="hit">الطاقة</mark>`, `href="/article/art-2"`, "حسب المصدر", "alriyadh",
			"حسب الشهر", "مارس ٢٠٢٣", "from%3a2023-03-01%20to%3a2023-03-31", "حسب الكيان", "entity%3apers-sudani", "محمد شياع السوداني"}},
		{"search inflection", "/search?q=" + "والطاقة", 200, "ar", "rtl", []string{`href="/article/art-1"`, `href="/article/art-2"`}},
		{"search paged", "/search?q=" + "بغداد" + "&p=2", 200, "ar", "rtl", []string{"صفحة ٢ من ٢", "السابق"}},
		{"search past the last page", "/search?q=" + "بغداد" + "&p=101", 200, "ar", "rtl", []string{"الصفحة المطلوبة بعد آخر صفحة", "صفحة ٢ من ٢", `href="/article/`}},
		{"search past the last page english", "/search?q=" + "بغداد" + "&p=9&lang=en", 200, "en", "ltr", []string{"past the last one", "Page 2 of 2"}},
		{"search of punctuation only", "/search?q=" + url.QueryEscape("؟"), 400, "ar", "rtl", []string{`role="alert"`, "لا كلمة ولا عبارة ولا مرشّح"}},
		{"search of a dash only", "/search?q=-&lang=en", 400, "en", "ltr", []string{`role="alert"`, "no word, phrase or filter"}},
		{"entities past the last page", "/entities?type=LOC&p=99999", 200, "ar", "rtl", []string{"الصفحة المطلوبة بعد آخر صفحة", `href="/entity/loc-baghdad"`}},
		{"entities past the last page english", "/entities?type=LOC&p=3&lang=en", 200, "en", "ltr", []string{"past the last one", `href="/entity/loc-baghdad"`}},
		{"home past the last page", "/?p=40", 200, "ar", "rtl", []string{"الصفحة المطلوبة بعد آخر صفحة", `href="/story/`}},
		{"search empty", "/search", 200, "ar", "rtl", []string{"اكتب كلمات للبحث", `<a href="/search" aria-current="page">`}},
		{"search none", "/search?q=zzzqqq", 200, "ar", "rtl", []string{"لا نتائج"}},
		{"search bad query", "/search?q=%22open", 400, "ar", "rtl", []string{`role="alert"`}},
		{"search english", "/search?q=" + "بغداد" + "&lang=en", 200, "en", "ltr", []string{"Results", "By source", "Next"}},
		{"missing story", "/story/nope", 404, "ar", "rtl", []string{"الصفحة غير موجودة"}},
		{"missing article", "/article/nope?lang=en", 404, "en", "ltr", []string{"Page not found"}},
		{"missing entity", "/entity/nope", 404, "ar", "rtl", nil},
		{"unknown path", "/nothing/here", 404, "ar", "rtl", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, body := get(t, h, tc.path)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d\n%s", res.StatusCode, tc.status, body)
			}
			if want := `<html lang="` + tc.lang + `" dir="` + tc.dir + `">`; !strings.Contains(body, want) {
				t.Errorf("no %s", want)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			checkHeaders(t, res)
			checkEscaped(t, body)
			if !strings.Contains(body, `<a class="skip" href="#main">`) || !strings.Contains(body, `<main id="main"`) {
				t.Error("no skip link to main")
			}
		})
	}
}

// TestSearchFilters follows what facet links and the query language do:
// each query must find some articles and not others.
func TestSearchFilters(t *testing.T) {
	_, mem := newFixtureServer(t)
	for _, h := range []struct {
		name string
		h    http.Handler
	}{{"memory", mem}, {"sqlite", newSQLiteServer(t)}} {
		tests := []struct {
			query     string
			want, not []string
		}{
			{"بغداد source:okaz", []string{"art-1"}, []string{"art-2", "art-3"}},
			{"source:alyaum", []string{"art-3"}, []string{"art-1", "art-2"}},
			{"بغداد from:2023-03-16 to:2023-03-31", []string{"art-3"}, []string{"art-1", "art-2"}},
			{"بغداد -الطاقة", []string{"art-3"}, []string{"art-1", "art-2"}},
			{"بغداد entity:pers-fuad", []string{"art-1", "art-3"}, []string{"art-2"}},
			{`"ملف الطاقة والكهرباء"`, []string{"art-2"}, []string{"art-1"}},
			{`"ملف الطاقة"`, []string{"art-1", "art-2"}, []string{"art-3"}}, // ملفات الطاقة is the same phrase
			{"الكهرباء OR مساعدات", []string{"art-2", "art-3"}, []string{"art-1"}},
		}
		for _, tc := range tests {
			t.Run(h.name+" "+tc.query, func(t *testing.T) {
				res, body := get(t, h.h, "/search?q="+url.QueryEscape(tc.query))
				if res.StatusCode != 200 {
					t.Fatalf("status %d", res.StatusCode)
				}
				for _, id := range tc.want {
					if !strings.Contains(body, `href="/article/`+id+`"`) {
						t.Errorf("no %s", id)
					}
				}
				for _, id := range tc.not {
					if strings.Contains(body, `href="/article/`+id+`"`) {
						t.Errorf("found %s", id)
					}
				}
			})
		}
	}
}

func checkHeaders(t *testing.T, res *http.Response) {
	t.Helper()
	if got := res.Header.Get("Content-Security-Policy"); got != contentSecurityPolicy {
		t.Errorf("CSP %q", got)
	}
	if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html; charset=utf-8") {
		t.Errorf("content type %q", res.Header.Get("Content-Type"))
	}
}

// rawMarkup are pieces of the hostile fixture that must never reach a page
// as markup.
var rawMarkup = []string{"<script", "<img", "<b>evil", "<h1>مزيف", `href="javascript:`}

func checkEscaped(t *testing.T, body string) {
	t.Helper()
	for _, bad := range rawMarkup {
		if strings.Contains(body, bad) {
			t.Errorf("page holds raw %q", bad)
		}
	}
	if strings.Contains(body, "style=") {
		t.Error("inline style: the CSP forbids it")
	}
}

// manyResults is a Searcher with more matches than the result window; it
// records the offset it was asked for.
type manyResults struct{ offset *int }

func (m manyResults) Search(_ context.Context, _ string, offset, _ int) (Results, error) {
	*m.offset = offset
	return Results{Total: 5000, Hits: []Result{{Article: news.ArticleRef{ID: "a1", Title: "خبر"}, Snippet: "نص"}}}, nil
}

// TestSearchPagerStopsAtWindow checks that the search pages end where the
// results served end (search.MaxWindow): no "next" link past it, and a
// page number past it shows the last page instead of an error.
func TestSearchPagerStopsAtWindow(t *testing.T) {
	var offset int
	h := Handler(Config{Store: &memStore{}, Search: manyResults{&offset}, PageSize: 20})
	last := search.MaxWindow / 20
	for _, tc := range []struct {
		desc       string
		p          int
		wantOffset int
		wantNext   bool
	}{
		{"first page", 1, 0, true},
		{"page before the last", last - 1, (last - 2) * 20, true},
		{"last page in the window", last, (last - 1) * 20, false},
		{"past the window", last + 1, (last - 1) * 20, false},
		{"far past the window", 400, (last - 1) * 20, false},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			res, body := get(t, h, "/search?q=x&p="+strconv.Itoa(tc.p))
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			if offset != tc.wantOffset {
				t.Errorf("searched at offset %d, want %d", offset, tc.wantOffset)
			}
			if next := strings.Contains(body, `rel="next"`); next != tc.wantNext {
				t.Errorf("next link %v, want %v", next, tc.wantNext)
			}
		})
	}
}

func TestHostileArticleShownAsText(t *testing.T) {
	_, mem := newFixtureServer(t)
	t.Run("memory", func(t *testing.T) { testHostile(t, mem) })
	t.Run("sqlite", func(t *testing.T) { testHostile(t, newSQLiteServer(t)) })
}

func testHostile(t *testing.T, h http.Handler) {
	for _, path := range []string{"/article/" + hostileID, "/story/st-hostile", "/", "/search?q=" + "فقرة", "/entity/loc-baghdad"} {
		t.Run(path, func(t *testing.T) {
			res, body := get(t, h, path)
			if res.StatusCode != 200 {
				t.Fatalf("status %d", res.StatusCode)
			}
			checkEscaped(t, body)
			if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
				t.Error("the script tag is not shown as text")
			}
		})
	}
	_, body := get(t, h, "/article/"+hostileID)
	for _, want := range []string{"&#34;&gt;&lt;img src=x onerror=alert(2)&gt;", "&lt;/p&gt;&lt;/section&gt;&lt;h1&gt;مزيف", "&lt;b&gt;evil&lt;/b&gt;", "javascript:alert(3)"} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
}

func TestLanguageCookie(t *testing.T) {
	_, h := newFixtureServer(t)
	res, _ := get(t, h, "/story/st-visit?lang=en")
	var c *http.Cookie
	for _, k := range res.Cookies() {
		if k.Name == langCookie {
			c = k
		}
	}
	if c == nil || c.Value != "en" {
		t.Fatalf("no language cookie set: %v", res.Cookies())
	}
	_, body := get(t, h, "/entity/pers-fuad", c)
	if !strings.Contains(body, `<html lang="en" dir="ltr">`) {
		t.Error("the cookie does not keep English")
	}
	if !strings.Contains(body, `href="/entity/pers-fuad?lang=ar"`) {
		t.Error("no switch back to Arabic")
	}
	_, body = get(t, h, "/entity/pers-fuad", &http.Cookie{Name: langCookie, Value: "xx"})
	if !strings.Contains(body, `<html lang="ar" dir="rtl">`) {
		t.Error("an unknown cookie value does not fall back to Arabic")
	}
}

func TestGzip(t *testing.T) {
	_, h := newFixtureServer(t)
	for _, tc := range []struct {
		accept string
		gzip   bool
	}{{"", false}, {"gzip", true}, {"br, gzip, deflate", true}, {"gzip;q=0", false}, {"deflate", false}} {
		t.Run(tc.accept, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/story/st-visit", nil)
			req.Header.Set("Accept-Encoding", tc.accept)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if got := rec.Header().Get("Content-Encoding") == "gzip"; got != tc.gzip {
				t.Fatalf("gzip %v, want %v", got, tc.gzip)
			}
			if !tc.gzip {
				return
			}
			if cl := rec.Header().Get("Content-Length"); cl != strconv.Itoa(rec.Body.Len()) {
				t.Errorf("Content-Length %s for %d bytes", cl, rec.Body.Len())
			}
			zr, err := gzip.NewReader(rec.Body)
			if err != nil {
				t.Fatal(err)
			}
			page, err := io.ReadAll(zr)
			if err != nil || !strings.Contains(string(page), `<html lang="ar" dir="rtl">`) {
				t.Errorf("gzipped page does not read back: %v", err)
			}
		})
	}
}

func TestStatic(t *testing.T) {
	_, h := newFixtureServer(t)
	_, page := get(t, h, "/")
	m := regexp.MustCompile(`href="(/static/style\.css\?v=[0-9a-f]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no stylesheet link")
	}
	res, css := get(t, h, m[1])
	if res.StatusCode != 200 || !strings.Contains(css, ".timeline") {
		t.Fatalf("stylesheet: %d", res.StatusCode)
	}
	if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "max-age=31536000") {
		t.Errorf("Cache-Control %q", cc)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("Content-Type %q", ct)
	}
	if res, _ := get(t, h, "/static/nope.css"); res.StatusCode != 404 {
		t.Errorf("missing static file: %d", res.StatusCode)
	}
}

func TestStoreFailureIs500(t *testing.T) {
	st, h := newFixtureServer(t)
	st.fail = errors.New("disk on fire")
	for _, path := range []string{"/", "/article/art-1", "/entity/pers-fuad"} {
		res, body := get(t, h, path)
		if res.StatusCode != 500 {
			t.Errorf("%s: status %d", path, res.StatusCode)
		}
		if strings.Contains(body, "disk on fire") {
			t.Errorf("%s: the error leaks to the page", path)
		}
	}
}

func TestPostIsRefused(t *testing.T) {
	_, h := newFixtureServer(t)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/search?q=x", nil))
	if rec.Code == 200 {
		t.Errorf("POST answered 200")
	}
}

// TestCatalogComplete checks that every message has both languages and that
// every key the templates and the Go code name is in the catalog.
func TestCatalogComplete(t *testing.T) {
	for k, m := range catalog {
		if strings.TrimSpace(m.ar) == "" || strings.TrimSpace(m.en) == "" {
			t.Errorf("%s: missing a language (ar %q, en %q)", k, m.ar, m.en)
		}
		if m.ar == m.en && k != "site.name" {
			t.Logf("%s: the same in both languages: %q", k, m.ar)
		}
	}
	keyRe := regexp.MustCompile(`"((?:site|nav|lang|search|facets|pager|home|story|article|entity|entities|type|error|footer)\.[a-zA-Z.]+)"`)
	used := map[string]bool{}
	files, _ := templateFS.ReadDir("templates")
	for _, f := range files {
		b, _ := templateFS.ReadFile("templates/" + f.Name())
		for _, m := range keyRe.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
	}
	for _, src := range []string{"web.go", "pages.go"} {
		b, err := readFile(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyRe.FindAllStringSubmatch(b, -1) {
			used[m[1]] = true
		}
	}
	if len(used) < 40 {
		t.Fatalf("found only %d keys in use: the scan is broken", len(used))
	}
	for k := range used {
		if _, ok := catalog[k]; !ok {
			t.Errorf("key %q is used but not in the catalog", k)
		}
	}
	for k := range catalog {
		if !used[k] && !strings.HasPrefix(k, "type.") {
			t.Errorf("key %q is in the catalog but never used", k)
		}
	}
	for k, p := range plurals {
		for i, f := range append(p.ar[:], p.en[:]...) {
			if strings.TrimSpace(f) == "" || (i != 0 && i != 1 && i != 2 && i < 6 && !strings.Contains(f, "{n}")) {
				t.Errorf("plural %q form %d: %q", k, i, f)
			}
		}
	}
	countRe := regexp.MustCompile(`Count "([a-z]+)"`)
	for _, f := range files {
		b, _ := templateFS.ReadFile("templates/" + f.Name())
		for _, m := range countRe.FindAllStringSubmatch(string(b), -1) {
			if _, ok := plurals[m[1]]; !ok {
				t.Errorf("plural %q is used but not in the table", m[1])
			}
		}
	}
}

func readFile(name string) (string, error) {
	b, err := os.ReadFile(name)
	return string(b), err
}

// FuzzPages sends arbitrary ids, queries, page numbers and languages to
// the pages: every answer is a page (never a 500 or a panic) and nothing
// from the request comes back as markup.
func FuzzPages(f *testing.F) {
	f.Add("story", "st-visit", "بغداد", "2", "en")
	f.Add("article", "art-hostile", `"><script>alert(1)</script>`, "-1", "ar")
	f.Add("entity", "../../etc/passwd", `"open`, "99999999999999999999", "<b>")
	f.Add("search", "", "OR", "x", "")
	f.Add("search", "", "from:2023-13-45 source:\"", "1", "en")
	_, h := newFixtureServer(f)
	f.Fuzz(func(t *testing.T, kind, id, q, p, lang string) {
		path := "/" + kind
		if kind != "search" {
			path += "/" + id
		}
		u := url.URL{Path: path, RawQuery: url.Values{"q": {q}, "p": {p}, "lang": {lang}}.Encode()}
		req := httptest.NewRequest("GET", "/", nil)
		req.URL = &u
		req.RequestURI = u.String()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case 200, 301, 307, 308, 400, 404:
		default:
			t.Fatalf("%s: status %d", u.String(), rec.Code)
		}
		body := rec.Body.String()
		for _, bad := range []string{"<script", "<img", "<b>"} {
			if strings.Contains(body, bad) {
				t.Fatalf("%s: page holds %q", u.String(), bad)
			}
		}
	})
}

// TestLastPage checks the search for the last page with items.
func TestLastPage(t *testing.T) {
	for _, tc := range []struct{ p, filled, want int }{
		{2, 0, 1}, {2, 1, 1}, {500, 0, 1}, {500, 1, 1}, {500, 11, 11}, {500, 499, 499}, {12, 11, 11}, {3, 2, 2},
	} {
		asked := 0
		got, err := lastPage(tc.p, func(n int) (bool, error) { asked++; return n <= tc.filled, nil })
		if err != nil || got != tc.want {
			t.Errorf("lastPage(%d) with %d pages filled = %d, %v; want %d", tc.p, tc.filled, got, err, tc.want)
		}
		if asked > 10 {
			t.Errorf("lastPage(%d) asked %d pages", tc.p, asked)
		}
	}
}
