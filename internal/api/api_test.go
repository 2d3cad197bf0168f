package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/rasid-news/rasid/internal/analysis"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/store/sqlite"
	"github.com/rasid-news/rasid/internal/store/storetest"
)

// fixture is an API over the demo corpus, analyzed, with one story of its
// first three articles; it returns the handler and an article and entity id.
type fixture struct {
	h        http.Handler
	article  string
	entity   string
	story    string
	analyzer *analysis.Analyzer
}

func newFixture(t *testing.T, token string) fixture {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	arts := storetest.PutDemo(t, st)
	an, err := analysis.Default()
	if err != nil {
		t.Fatal(err)
	}
	var as []news.Analysis
	for _, a := range arts {
		as = append(as, an.Analyze(a))
	}
	if err := st.PutAnalyses(ctx, as); err != nil {
		t.Fatal(err)
	}
	s := news.Story{ID: "s1", Title: arts[0].Title, First: arts[0].Published, Last: arts[2].Published}
	for _, a := range arts[:3] {
		s.Articles = append(s.Articles, news.ArticleRef{ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title, Published: a.Published})
	}
	if err := st.PutStories(ctx, []news.Story{s}); err != nil {
		t.Fatal(err)
	}
	es, err := st.Entities(ctx, "", 1, 0)
	if err != nil || len(es) == 0 {
		t.Fatal("no entities", err)
	}
	return fixture{h: Handler(Config{Store: st, Token: token, Analyzer: an}), article: arts[0].ID, entity: es[0].ID, story: "s1", analyzer: an}
}

func do(h http.Handler, method, target, body string, hdr ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// schemas compiles the response schemas of the OpenAPI document.
type schemas struct {
	c *jsonschema.Compiler
}

func newSchemas(t *testing.T) schemas {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(openAPI))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("file:///openapi.json", doc); err != nil {
		t.Fatal(err)
	}
	return schemas{c}
}

func pointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// check validates a JSON response against the schema the document gives
// for the path, method and status.
func (s schemas) check(t *testing.T, path, method string, w *httptest.ResponseRecorder) {
	t.Helper()
	loc := fmt.Sprintf("file:///openapi.json#/paths/%s/%s/responses/%d/content/application~1json/schema", pointer(path), strings.ToLower(method), w.Code)
	sch, err := s.c.Compile(loc)
	if err != nil {
		t.Fatalf("%s %s %d is not documented: %v", method, path, w.Code, err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(w.Body.Bytes()))
	if err != nil {
		t.Fatalf("%s %s: not JSON: %v: %s", method, path, err, w.Body)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("%s %s %d does not match its schema: %v", method, path, w.Code, err)
	}
}

func TestRoutes(t *testing.T) {
	f := newFixture(t, "")
	sc := newSchemas(t)
	post := `{"title": "خبر جديد", "body": "قال وزير المياه إن الأمطار هذا العام أقل من المعدل بكثير في كل المناطق.", "source": "test", "url": "https://example.com/1"}`
	for _, tc := range []struct {
		method, target, path, body string
		status                     int
		has                        string // a substring of the body
	}{
		{"GET", "/api/v1/articles?limit=5", "/api/v1/articles", "", 200, `"total":16`},
		{"GET", "/api/v1/articles?limit=0", "/api/v1/articles", "", 200, `"total":16,"offset":0,"limit":0,"articles":[]}`},
		{"GET", "/api/v1/stories?limit=0", "/api/v1/stories", "", 200, `"stories":[]}`},
		{"GET", "/api/v1/entities?limit=0", "/api/v1/entities", "", 200, `"entities":[]}`},
		{"GET", "/api/v1/articles?source=nonesuch", "/api/v1/articles", "", 200, `"articles":[]`},
		{"GET", "/api/v1/articles?from=2026-02-01&to=2026-02-28", "/api/v1/articles", "", 200, `"articles":[{`},
		{"GET", "/api/v1/articles/" + f.article, "/api/v1/articles/{id}", "", 200, `"analysis":{`},
		{"GET", "/api/v1/articles/nonesuch", "/api/v1/articles/{id}", "", 404, `"not found: /api/v1/articles/nonesuch"`},
		{"POST", "/api/v1/articles", "/api/v1/articles", post, 201, `"stored":1`},
		{"POST", "/api/v1/articles", "/api/v1/articles", "[" + post + "]", 200, `"exists":1`},
		{"GET", "/api/v1/stories", "/api/v1/stories", "", 200, `"id":"s1"`},
		{"GET", "/api/v1/stories/s1", "/api/v1/stories/{id}", "", 200, `"timeline":[`},
		{"GET", "/api/v1/stories/nonesuch", "/api/v1/stories/{id}", "", 404, `"not found: /api/v1/stories/nonesuch"`},
		{"GET", "/api/v1/entities?type=PERS&limit=3", "/api/v1/entities", "", 200, `"type":"PERS"`},
		{"GET", "/api/v1/entities/" + f.entity, "/api/v1/entities/{id}", "", 200, `"related":[`},
		{"GET", "/api/v1/entities/nonesuch", "/api/v1/entities/{id}", "", 404, `"not found: /api/v1/entities/nonesuch"`},
		{"GET", "/api/v1/search?q=" + urlq("والمياه اليرموك") + "&facets=true", "/api/v1/search", "", 200, `"highlights":[`},
		{"GET", "/api/v1/search?q=" + urlq(`"مياه`), "/api/v1/search", "", 400, "unclosed double quote"},
		{"GET", "/healthz", "/healthz", "", 200, `"ok"`},
	} {
		t.Run(tc.method+" "+tc.target, func(t *testing.T) {
			w := do(f.h, tc.method, tc.target, tc.body, "Content-Type", "application/json")
			if w.Code != tc.status || !strings.Contains(w.Body.String(), tc.has) {
				t.Fatalf("status %d, body %.300s; want %d with %q", w.Code, w.Body, tc.status, tc.has)
			}
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			sc.check(t, tc.path, tc.method, w)
		})
	}
	t.Run("metrics", func(t *testing.T) {
		w := do(f.h, "GET", "/metrics", "")
		for _, want := range []string{
			`rasid_http_requests_total{route="GET /api/v1/articles",status="200"} 4`,
			`rasid_articles_ingested_total{outcome="stored"} 1`,
			`rasid_articles_ingested_total{outcome="exists"} 1`,
			"rasid_search_seconds_count 1",
		} {
			if !strings.Contains(w.Body.String(), want) {
				t.Errorf("metrics lack %q:\n%s", want, w.Body)
			}
		}
	})
	t.Run("openapi", func(t *testing.T) {
		w := do(f.h, "GET", "/api/v1/openapi.json", "")
		if w.Code != 200 || !json.Valid(w.Body.Bytes()) {
			t.Fatalf("status %d", w.Code)
		}
	})
}

// TestMetricsRouteLabels: every request is counted under a route label of
// the form "METHOD PATTERN", whatever its status, with methods outside
// HTTP's own grouped as OTHER.
func TestMetricsRouteLabels(t *testing.T) {
	f := newFixture(t, "")
	for _, tc := range []struct {
		method, target string
		status         int
		label          string
	}{
		{"GET", "/api/v1/articles", 200, `route="GET /api/v1/articles",status="200"`},
		{"DELETE", "/api/v1/articles", 405, `route="DELETE /api/v1/articles",status="405"`},
		{"PUT", "/api/v1/articles/x", 405, `route="PUT /api/v1/articles/{id}",status="405"`},
		{"BREW", "/api/v1/articles", 405, `route="OTHER /api/v1/articles",status="405"`},
		{"GET", "/api/v1/nope", 404, `route="unknown",status="404"`},
	} {
		t.Run(tc.method+" "+tc.target, func(t *testing.T) {
			if w := do(f.h, tc.method, tc.target, ""); w.Code != tc.status {
				t.Fatalf("status %d, want %d", w.Code, tc.status)
			}
			m := do(f.h, "GET", "/metrics", "").Body.String()
			if !strings.Contains(m, "rasid_http_requests_total{"+tc.label+"}") {
				t.Errorf("metrics lack %s:\n%s", tc.label, m)
			}
			for _, line := range strings.Split(m, "\n") {
				if strings.HasPrefix(line, `rasid_http_requests_total{route="/`) {
					t.Errorf("a route label without its method: %s", line)
				}
			}
		})
	}
}

func urlq(s string) string {
	return strings.NewReplacer(" ", "+", `"`, "%22").Replace(s)
}

// TestOpenAPIMatchesRoutes: every route is documented and every documented
// path and method is routed.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	var documented, routed []string
	for p, ops := range doc.Paths {
		for m := range ops {
			documented = append(documented, strings.ToUpper(m)+" "+p)
		}
	}
	for _, rt := range routes() {
		routed = append(routed, rt.method+" "+rt.path)
	}
	sort.Strings(documented)
	sort.Strings(routed)
	if !slices.Equal(documented, routed) {
		t.Errorf("documented:\n%s\nrouted:\n%s", strings.Join(documented, "\n"), strings.Join(routed, "\n"))
	}
	// Every write route declares the bearer requirement.
	for _, rt := range routes() {
		var op struct {
			Security []map[string]any `json:"security"`
		}
		json.Unmarshal(doc.Paths[rt.path][strings.ToLower(rt.method)], &op)
		if rt.write != (len(op.Security) > 0) {
			t.Errorf("%s %s: write %v, documented security %v", rt.method, rt.path, rt.write, op.Security)
		}
	}
}

// TestMalformed sends malformed requests: every answer is a 4xx JSON error.
func TestMalformed(t *testing.T) {
	f := newFixture(t, "")
	long := strings.Repeat("ب", 600)
	for _, tc := range []struct {
		method, target, body, ctype string
		status                      int
	}{
		{"GET", "/api/v1/articles?limit=1000", "", "", 400},
		{"GET", "/api/v1/articles?limit=-1", "", "", 400},
		{"GET", "/api/v1/articles?offset=x", "", "", 400},
		{"GET", "/api/v1/articles?from=2026-13-01", "", "", 400},
		{"GET", "/api/v1/stories?to=yesterday", "", "", 400},
		{"GET", "/api/v1/entities?type=ANIMAL", "", "", 400},
		{"GET", "/api/v1/search", "", "", 400},
		{"GET", "/api/v1/search?q=" + long, "", "", 400},
		{"GET", "/api/v1/search?q=x&page_size=101", "", "", 400},
		{"GET", "/api/v1/search?q=x&page=500", "", "", 400},
		{"GET", "/api/v1/search?q=x&facets=maybe", "", "", 400},
		{"GET", "/api/v1/search?q=" + urlq("OR x"), "", "", 400},
		{"GET", "/api/v1/search?q=-x", "", "", 400},
		{"GET", "/api/v1/search?q=", "", "", 400},
		{"GET", "/api/v1/search?q=-", "", "", 400},
		{"GET", "/api/v1/search?q=" + urlq("؟"), "", "", 400},
		{"GET", "/api/v1/search?q=x&page=0", "", "", 400},
		{"GET", "/api/v1/search?q=%FF", "", "", 400},
		{"GET", "/api/v1/nonesuch", "", "", 404},
		{"DELETE", "/api/v1/articles", "", "", 405},
		{"PUT", "/api/v1/articles/x", "", "", 405},
		{"POST", "/api/v1/articles", "", "application/json", 400},
		{"POST", "/api/v1/articles", "{", "application/json", 400},
		{"POST", "/api/v1/articles", "[1, 2]", "application/json", 400},
		{"POST", "/api/v1/articles", `{"title": "no body"}`, "application/json", 400},
		{"POST", "/api/v1/articles", `{"body": "english text only, which is not arabic at all"}`, "application/json", 400},
		{"POST", "/api/v1/articles", "<xml/>", "text/xml", 415},
		{"POST", "/api/v1/articles?lang=fr", "{}", "application/json", 400},
		{"POST", "/api/v1/articles", "\x00\xff\xfe", "application/json", 400},
	} {
		t.Run(tc.method+" "+tc.target+" "+tc.body, func(t *testing.T) {
			w := do(f.h, tc.method, tc.target, tc.body, "Content-Type", tc.ctype)
			var e ErrorBody
			if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || w.Code != tc.status || e.Error.Status != tc.status || e.Error.Message == "" {
				t.Errorf("status %d, body %.300s; want %d and a JSON error", w.Code, w.Body, tc.status)
			}
		})
	}
}

// TestRefusalWording checks that a refused article's reason names what an
// API client can change (a query parameter, not a flag of rasid ingest).
func TestRefusalWording(t *testing.T) {
	f := newFixture(t, "")
	for _, tc := range []struct {
		target, body, want, not string
	}{
		{"/api/v1/articles", `{"body": "english text only, which is not arabic at all"}`, "?lang=any admits it", "--lang"},
		{"/api/v1/articles", `{"body": "نص", "published": "yesterday"}`, `unreadable date \"yesterday\"`, "--"},
	} {
		t.Run(tc.body, func(t *testing.T) {
			w := do(f.h, "POST", tc.target, tc.body, "Content-Type", "application/json")
			if b := w.Body.String(); w.Code != http.StatusBadRequest || !strings.Contains(b, tc.want) || strings.Contains(b, tc.not) {
				t.Errorf("status %d, body %s; want 400 with %q and without %q", w.Code, b, tc.want, tc.not)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "l.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h := Handler(Config{Store: st, MaxBodyBytes: 1000})
	big := `{"body": "` + strings.Repeat("كلمة ", 500) + `"}`
	if w := do(h, "POST", "/api/v1/articles", big, "Content-Type", "application/json"); w.Code != http.StatusRequestEntityTooLarge || !strings.Contains(w.Body.String(), "1000 bytes") {
		t.Errorf("big body: %d %s", w.Code, w.Body)
	}
	var batch []string
	for i := range MaxBatch + 1 {
		batch = append(batch, fmt.Sprintf(`{"body": "خبر رقم %d عن الأمطار في المدينة"}`, i))
	}
	h = Handler(Config{Store: st})
	if w := do(h, "POST", "/api/v1/articles", "["+strings.Join(batch, ",")+"]", "Content-Type", "application/json"); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("big batch: %d %.200s", w.Code, w.Body)
	}
	if n, _ := st.CountArticles(ctx, store.ArticleFilter{}); n != 0 {
		t.Errorf("a refused batch stored %d articles", n)
	}
}

func TestToken(t *testing.T) {
	f := newFixture(t, "s3cret")
	post := `{"body": "قال وزير المياه إن الأمطار هذا العام أقل من المعدل بكثير."}`
	for _, tc := range []struct {
		name, auth string
		status     int
	}{
		{"none", "", 401},
		{"wrong", "Bearer nope", 401},
		{"not bearer", "Basic czNjcmV0", 401},
		{"right", "Bearer s3cret", 201},
		{"scheme in lower case", "bearer s3cret", 200},
		{"token alone", "s3cret", 401},
		{"empty token", "Bearer ", 401},
		{"token as scheme", "s3cret s3cret", 401},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := do(f.h, "POST", "/api/v1/articles", post, "Content-Type", "application/json", "Authorization", tc.auth)
			if w.Code != tc.status {
				t.Errorf("status %d, want %d: %s", w.Code, tc.status, w.Body)
			}
			if tc.status == 401 && w.Header().Get("WWW-Authenticate") == "" {
				t.Error("no WWW-Authenticate")
			}
		})
	}
	// Reads need no token.
	if w := do(f.h, "GET", "/api/v1/articles", ""); w.Code != 200 {
		t.Errorf("read with a token set: %d", w.Code)
	}
}

func TestCheckListen(t *testing.T) {
	for _, tc := range []struct {
		addr, token string
		ok          bool
	}{
		{"127.0.0.1:8080", "", true},
		{"localhost:8080", "", true},
		{"[::1]:8080", "", true},
		{"0.0.0.0:8080", "", false},
		{":8080", "", false},
		{"192.168.1.5:80", "", false},
		{"0.0.0.0:8080", "t", true},
		{"nonsense", "t", false},
	} {
		if err := CheckListen(tc.addr, tc.token); (err == nil) != tc.ok {
			t.Errorf("CheckListen(%q, %q) = %v", tc.addr, tc.token, err)
		}
	}
}

func ExampleHandler() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "rasid-api-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(ctx, filepath.Join(dir, "example.db"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	srv := httptest.NewServer(Handler(Config{Store: st}))
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/api/v1/articles", "application/json",
		strings.NewReader(`{"title": "أمطار غزيرة على عمّان", "body": "هطلت أمطار غزيرة على عمّان أمس."}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	resp, err = http.Get(srv.URL + "/api/v1/search?q=%D8%A7%D9%84%D8%A3%D9%85%D8%B7%D8%A7%D8%B1") // الأمطار
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var res struct {
		Total int
		Hits  []struct {
			Snippet struct{ Text string }
		}
	}
	b, _ := io.ReadAll(resp.Body)
	json.Unmarshal(b, &res)
	fmt.Println(resp.StatusCode, res.Total, res.Hits[0].Snippet.Text)
	// Output: 200 1 هطلت أمطار غزيرة على عمّان أمس.
}

// FuzzSearch sends any query and paging to the search endpoint: the
// answer is a 200 or a 4xx JSON error, never a 500.
func FuzzSearch(f *testing.F) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer st.Close()
	storetest.PutDemo(f, st)
	h := Handler(Config{Store: st})
	for _, seed := range []string{"المياه", `"مياه اليرموك" -سوريا`, "a OR b", "source:x from:2026-01-01", "OR", `"`, "-", "\x00", "%ZZ", "entity:\"\""} {
		f.Add(seed, "1", "10")
	}
	f.Fuzz(func(t *testing.T, q, page, size string) {
		v := url.Values{"q": {q}, "page": {page}, "page_size": {size}, "facets": {"true"}}
		w := do(h, "GET", "/api/v1/search?"+v.Encode(), "")
		if w.Code >= 500 || !json.Valid(w.Body.Bytes()) {
			t.Fatalf("q=%q page=%q size=%q: %d %s", q, page, size, w.Code, w.Body)
		}
	})
}

// TestReadOnlyStore: on an archive opened read-only the API reads as
// usual and answers a write with 403 and a JSON error that says why.
func TestReadOnlyStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ro.db")
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.PutDemo(t, st)
	st.Close()
	ro, err := sqlite.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	h := Handler(Config{Store: ro})
	sc := newSchemas(t)
	for _, tc := range []struct {
		method, target, path, body string
		status                     int
		want                       string
	}{
		{"GET", "/api/v1/articles?limit=2", "/api/v1/articles", "", 200, `"total":16`},
		{"GET", "/api/v1/search?q=%D8%A7%D9%84%D9%8A%D8%B1%D9%85%D9%88%D9%83", "/api/v1/search", "", 200, `"hits"`},
		{"POST", "/api/v1/articles", "/api/v1/articles", `{"body": "خبر جديد عن الأمطار في المدينة"}`, 403, "read-only"},
	} {
		w := do(h, tc.method, tc.target, tc.body, "Content-Type", "application/json")
		if w.Code != tc.status || !strings.Contains(w.Body.String(), tc.want) {
			t.Errorf("%s %s: %d %.300s; want %d and %q", tc.method, tc.target, w.Code, w.Body, tc.status, tc.want)
			continue
		}
		sc.check(t, tc.path, tc.method, w)
	}
}

// TestHeadlines: the lists of the API give each article its headline,
// which for an untitled article is its opening cut short (the title field
// stays as it was, absent).
func TestHeadlines(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	untitled := news.Article{ID: "u1", Source: "test", Body: "انقطاع الكهرباء في البصرة يدخل يومه الثالث وسط احتجاجات غاضبة في الشوارع ومطالبات بمحاسبة المسؤولين\nسطر ثان"}
	titled := news.Article{ID: "t1", Source: "test", Title: "عنوان الخبر", Body: "نص الخبر عن البصرة"}
	if _, err := st.PutArticles(ctx, []news.Article{untitled, titled}); err != nil {
		t.Fatal(err)
	}
	ent := func(id string) news.Analysis {
		return news.Analysis{ID: id, Analyzer: "t", Entities: []news.Entity{{Span: news.Span{Text: "البصرة", Start: 0, End: 6}, Type: "LOC", EntityID: "loc-basra", Name: "البصرة"}}}
	}
	if err := st.PutAnalyses(ctx, []news.Analysis{ent("u1"), ent("t1")}); err != nil {
		t.Fatal(err)
	}
	h := Handler(Config{Store: st})
	sc := newSchemas(t)
	want := map[string]string{"u1": "انقطاع الكهرباء في البصرة يدخل يومه الثالث وسط احتجاجات غاضبة في الشوارع ومطالبات بمحاسبة …", "t1": "عنوان الخبر"}
	for _, tc := range []struct{ target, path string }{
		{"/api/v1/articles", "/api/v1/articles"},
		{"/api/v1/entities/loc-basra", "/api/v1/entities/{id}"},
		{"/api/v1/search?q=" + url.QueryEscape("البصرة"), "/api/v1/search"},
	} {
		w := do(h, "GET", tc.target, "")
		if w.Code != 200 {
			t.Fatalf("%s: %d %s", tc.target, w.Code, w.Body)
		}
		sc.check(t, tc.path, "GET", w)
		var v struct {
			Articles []news.ArticleRef
			Hits     []struct{ Article news.ArticleRef }
		}
		if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		refs := v.Articles
		for _, h := range v.Hits {
			refs = append(refs, h.Article)
		}
		if len(refs) != 2 {
			t.Errorf("%s: %d articles, want 2: %s", tc.target, len(refs), w.Body)
		}
		for _, r := range refs {
			if r.Headline != want[r.ID] {
				t.Errorf("%s: %s has headline %q, want %q", tc.target, r.ID, r.Headline, want[r.ID])
			}
			if r.ID == "u1" && r.Title != "" {
				t.Errorf("%s: the untitled article has title %q", tc.target, r.Title)
			}
		}
	}
}

// TestPostRecords checks that each item of a POST names its place in the
// body: its index in an array (1-based), however the array is laid out,
// or its line when the body is objects one a line.
func TestPostRecords(t *testing.T) {
	art := func(i int) string {
		return fmt.Sprintf(`{"body": "خبر رقم %d عن الأمطار الغزيرة في المدينة"}`, i)
	}
	empty := `{"body": ""}`
	tests := []struct {
		name    string
		body    string
		records []int
		unit    string
		refused int // the record refused
	}{
		{"compact array", "[" + art(1) + "," + art(2) + "," + empty + "," + art(4) + "]", []int{1, 2, 3, 4}, "item", 3},
		{"array a line each", "[\n" + art(11) + ",\n" + empty + ",\n" + art(13) + "\n]", []int{1, 2, 3}, "item", 2},
		{"not an object in an array", "[" + art(21) + ", 7, " + art(23) + "]", []int{1, 2, 3}, "item", 2},
		{"jsonl", art(31) + "\n\n" + empty + "\n" + art(33) + "\n", []int{1, 3, 4}, "line", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, "")
			w := do(f.h, "POST", "/api/v1/articles", tt.body, "Content-Type", "application/json")
			if w.Code != http.StatusCreated {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			var res IngestResult
			if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, it := range res.Items {
				got = append(got, it.Record)
				if it.Unit != tt.unit {
					t.Errorf("record %d: unit %q, want %q", it.Record, it.Unit, tt.unit)
				}
				if (it.Error != "") != (it.Record == tt.refused) {
					t.Errorf("record %d: error %q; want the refusal on record %d only", it.Record, it.Error, tt.refused)
				}
			}
			if !slices.Equal(got, tt.records) || res.Refused != 1 {
				t.Errorf("records %v (%d refused), want %v (1 refused)", got, res.Refused, tt.records)
			}
		})
	}
	// A body with nothing accepted names the item in its message.
	f := newFixture(t, "")
	w := do(f.h, "POST", "/api/v1/articles", "["+empty+","+empty+"]", "Content-Type", "application/json")
	if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "item 1:") {
		t.Errorf("all refused: %d %s", w.Code, w.Body)
	}
}

// TestCaseInsensitiveFilters checks that the entity type and the outlet
// are read in any case of their ASCII letters, as the CLI reads them.
func TestCaseInsensitiveFilters(t *testing.T) {
	f := newFixture(t, "")
	for _, tc := range []struct{ a, b string }{
		{"/api/v1/entities?type=PERS", "/api/v1/entities?type=pers"},
		{"/api/v1/entities?type=LOC", "/api/v1/entities?type=Loc"},
	} {
		wa, wb := do(f.h, "GET", tc.a, ""), do(f.h, "GET", tc.b, "")
		if wa.Code != 200 || wb.Code != 200 || wa.Body.String() != wb.Body.String() {
			t.Errorf("%s: %d, %s: %d %.200s; want the same answer", tc.a, wa.Code, tc.b, wb.Code, wb.Body)
		}
	}
	post := `{"source": "Okaz", "body": "قال وزير المياه إن الأمطار هذا العام أقل من المعدل بكثير."}`
	if w := do(f.h, "POST", "/api/v1/articles", post, "Content-Type", "application/json"); w.Code != http.StatusCreated {
		t.Fatalf("post: %d %s", w.Code, w.Body)
	}
	for _, target := range []string{"/api/v1/articles?source=Okaz", "/api/v1/articles?source=okaz", "/api/v1/articles?source=OKAZ"} {
		if w := do(f.h, "GET", target, ""); w.Code != 200 || !strings.Contains(w.Body.String(), `"total":1`) {
			t.Errorf("%s: %d %.200s; want the article", target, w.Code, w.Body)
		}
	}
	for _, q := range []string{"source:okaz", "source:OKAZ المياه"} {
		if w := do(f.h, "GET", "/api/v1/search?q="+url.QueryEscape(q), ""); w.Code != 200 || !strings.Contains(w.Body.String(), `"total":1`) {
			t.Errorf("search %q: %d %.200s; want the article", q, w.Code, w.Body)
		}
	}
}

// TestErrorKinds: every error names its kind, a stable word for programs,
// and the query parameter at fault when one is; a refused query keeps the
// kind the search parser gave it.
func TestErrorKinds(t *testing.T) {
	f := newFixture(t, "s3cret")
	sc := newSchemas(t)
	for _, tc := range []struct {
		method, target, path, body, ctype string
		status                            int
		kind, param                       string
	}{
		{"GET", "/api/v1/articles?limit=1000", "/api/v1/articles", "", "", 400, "bad-parameter", "limit"},
		{"GET", "/api/v1/articles?offset=x", "/api/v1/articles", "", "", 400, "bad-parameter", "offset"},
		{"GET", "/api/v1/stories?to=yesterday", "/api/v1/stories", "", "", 400, "bad-parameter", "to"},
		{"GET", "/api/v1/entities?type=ANIMAL", "/api/v1/entities", "", "", 400, "bad-parameter", "type"},
		{"GET", "/api/v1/search", "/api/v1/search", "", "", 400, "bad-parameter", "q"},
		{"GET", "/api/v1/search?q=x&page=0", "/api/v1/search", "", "", 400, "bad-parameter", "page"},
		{"GET", "/api/v1/search?q=x&page_size=0", "/api/v1/search", "", "", 400, "bad-parameter", "page_size"},
		{"GET", "/api/v1/search?q=x&page_size=101", "/api/v1/search", "", "", 400, "bad-parameter", "page_size"},
		{"GET", "/api/v1/search?q=x&facets=maybe", "/api/v1/search", "", "", 400, "bad-parameter", "facets"},
		{"GET", "/api/v1/search?q=x&page=500", "/api/v1/search", "", "", 400, "beyond-window", "page"},
		{"GET", "/api/v1/search?q=", "/api/v1/search", "", "", 400, "empty", "q"},
		{"GET", "/api/v1/search?q=-x", "/api/v1/search", "", "", 400, "exclusions-only", "q"},
		{"GET", "/api/v1/search?q=" + urlq(`"مياه`), "/api/v1/search", "", "", 400, "unclosed-quote", "q"},
		{"GET", "/api/v1/search?q=from:2020", "/api/v1/search", "", "", 400, "bad-date", "q"},
		{"GET", "/api/v1/articles/nonesuch", "/api/v1/articles/{id}", "", "", 404, "not-found", ""},
		{"GET", "/api/v1/nonesuch", "", "", "", 404, "no-such-endpoint", ""},
		{"DELETE", "/api/v1/articles", "", "", "", 405, "method-not-allowed", ""},
		{"POST", "/api/v1/articles", "/api/v1/articles", "{}", "application/json", 401, "unauthorized", ""},
		{"POST", "/api/v1/articles?lang=fr", "/api/v1/articles", "{}", "application/json", 400, "bad-parameter", "lang"},
		{"POST", "/api/v1/articles", "/api/v1/articles", "", "application/json", 400, "bad-body", ""},
		{"POST", "/api/v1/articles", "/api/v1/articles", `{"title": "no body"}`, "application/json", 400, "bad-body", ""},
		{"POST", "/api/v1/articles", "/api/v1/articles", "<xml/>", "text/xml", 415, "unsupported-media-type", ""},
	} {
		t.Run(tc.method+" "+tc.target+" "+tc.body, func(t *testing.T) {
			hdr := []string{"Content-Type", tc.ctype}
			if tc.status != 401 {
				hdr = append(hdr, "Authorization", "Bearer s3cret")
			}
			w := do(f.h, tc.method, tc.target, tc.body, hdr...)
			var e ErrorBody
			if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil {
				t.Fatalf("not JSON: %v: %s", err, w.Body)
			}
			if w.Code != tc.status || e.Error.Kind != tc.kind || e.Error.Param != tc.param || e.Error.Message == "" {
				t.Errorf("status %d, body %.300s; want %d, kind %q, param %q", w.Code, w.Body, tc.status, tc.kind, tc.param)
			}
			if tc.param != "" && !strings.Contains(e.Error.Message, tc.param) {
				t.Errorf("message %q does not name %s", e.Error.Message, tc.param)
			}
			if tc.path != "" {
				sc.check(t, tc.path, tc.method, w)
			}
		})
	}
}

// TestOpenAPIErrorKinds: the document lists exactly the kinds an error
// may have, the API's own and the search parser's.
func TestOpenAPIErrorKinds(t *testing.T) {
	var doc struct {
		Components struct {
			Schemas struct {
				Error struct {
					Properties struct {
						Error struct {
							Properties struct {
								Kind struct {
									Enum []string `json:"enum"`
								} `json:"kind"`
							} `json:"properties"`
							Required []string `json:"required"`
						} `json:"error"`
					} `json:"properties"`
				} `json:"Error"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	e := doc.Components.Schemas.Error.Properties.Error
	var want []string
	for _, k := range ErrorKinds {
		want = append(want, string(k))
	}
	for _, k := range search.ErrorKinds {
		want = append(want, string(k))
	}
	got := slices.Clone(e.Properties.Kind.Enum)
	sort.Strings(got)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("documented kinds %v, want %v", got, want)
	}
	if !slices.Contains(e.Required, "kind") {
		t.Errorf("kind is not required: %v", e.Required)
	}
}
