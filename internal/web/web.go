package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/rasid-news/rasid/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// contentSecurityPolicy allows nothing but the site's own stylesheet: no
// scripts at all, no inline styles, no frames, forms only to the site.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// Config is what the web interface needs.
type Config struct {
	// Store is the archive the pages show. Required.
	Store store.Store
	// Search runs the queries of the search page; nil uses Store.Search
	// through search.Parse, with a plain snippet (see StoreSearcher).
	Search Searcher
	// Logger receives server errors; nil discards them.
	Logger *slog.Logger
	// PageSize is the number of stories or results per page; 0 means 20.
	PageSize int
}

// server holds the parsed templates and the configuration.
type server struct {
	cfg    Config
	log    *slog.Logger
	pages  map[string]*template.Template
	css    string // versioned URL of the stylesheet
	static http.Handler
}

// pageNames are the templates, one per page, each rendered inside layout.html.
var pageNames = []string{"home", "story", "article", "entity", "entities", "search", "error"}

// Handler returns the web interface: server-rendered pages in Arabic
// (right to left) with an English switch. Mount it at "/"; it answers
//
//	GET /                 latest stories and articles
//	GET /story/{id}       a story: summary, timeline, people and places, quotes, articles
//	GET /article/{id}     an article with its entities and dates marked
//	GET /entity/{id}      an entity: aliases, roles, mentions over time, related entities
//	GET /entities?type=   the most mentioned people, places, organizations
//	GET /search?q=&p=     search with facets and pages
//	GET /static/…         the stylesheet (cached for a year; its URL carries a hash)
//
// It panics if cfg.Store is nil or the embedded templates do not parse,
// both programming errors.
func Handler(cfg Config) http.Handler {
	if cfg.Store == nil {
		panic("web: Config.Store is nil")
	}
	if cfg.PageSize <= 0 {
		cfg.PageSize = 20
	}
	if cfg.Search == nil {
		cfg.Search = StoreSearcher{Store: cfg.Store}
	}
	s := &server{cfg: cfg, log: cfg.Logger, pages: map[string]*template.Template{}}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	for _, name := range pageNames {
		t := template.New(name).Funcs(funcs)
		s.pages[name] = template.Must(t.ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html"))
	}
	css, err := fs.ReadFile(staticFS, "static/style.css")
	if err != nil {
		panic(err)
	}
	sum := sha256.Sum256(css)
	s.css = "/static/style.css?v=" + hex.EncodeToString(sum[:6])
	sub, _ := fs.Sub(staticFS, "static")
	s.static = http.StripPrefix("/static/", http.FileServerFS(sub))

	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /story/{id}", s.story)
	mux.HandleFunc("GET /article/{id}", s.article)
	mux.HandleFunc("GET /entity/{id}", s.entity)
	mux.HandleFunc("GET /entities", s.entities)
	mux.HandleFunc("GET /search", s.search)
	mux.HandleFunc("GET /static/", s.serveStatic)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, nil)
	})
	return securityHeaders(mux)
}

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

func (s *server) serveStatic(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	s.static.ServeHTTP(w, r)
}

// page is what the layout template renders.
type page struct {
	L      Locale
	Title  string // the page's own title; the site name follows it
	Query  string // the search box's text
	Switch string // this page in the other language
	CSS    string
	Nav    string // the page's name, to mark the current navigation link
	Main   any    // the page's own data
}

// render writes a page; a template error becomes a 500 page.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, name, title string, main any) {
	l := s.locale(w, r)
	p := page{L: l, Title: title, Switch: switchURL(r, l.Other()), CSS: s.css, Nav: name, Main: main}
	if name == "search" {
		p.Query = r.URL.Query().Get("q")
	}
	var buf bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		s.log.Error("web: rendering", "page", name, "path", r.URL.Path, "err", err)
		if name != "error" {
			s.fail(w, r, http.StatusInternalServerError, nil)
		} else {
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Language", string(l.Lang))
	h.Set("Cache-Control", "no-cache")
	h.Set("Vary", "Cookie, Accept-Encoding")
	body := buf.Bytes()
	if len(body) >= minGzip && acceptsGzip(r) && h.Get("Content-Encoding") == "" {
		var z bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&z, gzip.BestSpeed)
		zw.Write(body)
		if zw.Close() == nil {
			body = z.Bytes()
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// minGzip is the smallest page worth compressing: about one packet.
const minGzip = 1400

// acceptsGzip reports whether the client takes gzip (and did not refuse
// it with q=0).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			q := strings.ReplaceAll(params, " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

// locale picks the request's language; a ?lang= switch is remembered in a
// cookie for a year.
func (s *server) locale(w http.ResponseWriter, r *http.Request) Locale {
	lang := langOf(r)
	if v := r.URL.Query().Get("lang"); v != "" && Lang(v) == lang {
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: string(lang), Path: "/",
			MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	}
	return Locale{Lang: lang}
}

// switchURL is the request's path and query with lang set to other.
func switchURL(r *http.Request, other Lang) string {
	q := r.URL.Query()
	q.Set("lang", string(other))
	return (&url.URL{Path: r.URL.Path, RawQuery: q.Encode()}).String()
}

// errorPage is the data of the error page.
type errorPage struct {
	Status  int
	Title   string // catalog key
	Message string // catalog key
	Detail  string // shown as text, e.g. a query parse error
}

// fail renders an error page; err, when a server error, is logged, never shown.
func (s *server) fail(w http.ResponseWriter, r *http.Request, status int, err error) {
	e := errorPage{Status: status, Title: "error.notfound", Message: "error.notfound.msg"}
	if status >= 500 {
		e.Title, e.Message = "error.server", "error.server.msg"
		s.log.Error("web: request failed", "path", r.URL.Path, "err", err)
	}
	title, _ := Locale{Lang: langOf(r)}.T(e.Title)
	s.render(w, r, status, "error", title, e)
}

// storeErr answers a failed store call: 404 for a missing item, 500 otherwise.
func (s *server) storeErr(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, store.ErrNotFound) {
		s.fail(w, r, http.StatusNotFound, err)
		return
	}
	if errors.Is(err, context.Canceled) {
		return
	}
	s.fail(w, r, http.StatusInternalServerError, err)
}

// pageParam is the 1-based page number of ?p=, at least 1 and at most max.
func pageParam(r *http.Request, max int) int {
	p, err := strconv.Atoi(r.URL.Query().Get("p"))
	if err != nil || p < 1 {
		return 1
	}
	return min(p, max)
}

// maxPage bounds pagination, so a crafted ?p= cannot ask the store for a
// huge offset.
const maxPage = 500

// funcs are the template functions beyond the locale's methods.
var funcs = template.FuncMap{
	// dict builds a map from key, value pairs, to pass several values to a
	// nested template.
	"dict": func(kv ...any) (map[string]any, error) {
		if len(kv)%2 != 0 {
			return nil, errors.New("web: dict needs key, value pairs")
		}
		m := make(map[string]any, len(kv)/2)
		for i := 0; i < len(kv); i += 2 {
			k, ok := kv[i].(string)
			if !ok {
				return nil, errors.New("web: dict keys are strings")
			}
			m[k] = kv[i+1]
		}
		return m, nil
	},
	"inc":    func(n int) int { return n + 1 },
	"dec":    func(n int) int { return n - 1 },
	"isDate": isCalendarValue,
}
