// Package api serves rasid's HTTP JSON API under /api/v1/: articles
// (list, get, ingest), stories, entities and search, with /healthz,
// /metrics in the Prometheus text format and the OpenAPI document at
// /api/v1/openapi.json.
//
// Errors are JSON, {"error": {"status": 400, "kind": "bad-parameter",
// "param": "limit", "message": "…"}}: kind is a stable word for programs
// (ErrorKinds, and search.ErrorKinds for a refused query), the message is
// for people and may change. Bad requests always get a 4xx: bodies, page
// sizes and queries are bounded.
// Writes need "Authorization: Bearer TOKEN" when Config.Token is set;
// CheckListen refuses a listener off loopback without one.
package api

import (
	"context"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/rasid-news/rasid/internal/analysis"
	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store"
)

// Limits of the API.
const (
	// DefaultMaxBodyBytes bounds a request body (a batch of articles).
	DefaultMaxBodyBytes = 8 << 20
	// MaxBatch bounds the articles of one POST.
	MaxBatch = 1000
	// DefaultLimit and MaxLimit are the page sizes of lists.
	DefaultLimit = 20
	MaxLimit     = 100
	// MaxOffset bounds how deep a list may page.
	MaxOffset = 100_000
)

//go:embed openapi.json
var openAPI []byte

// Config is what the API needs.
type Config struct {
	// Store is the archive. Required.
	Store store.Store
	// Token, when not "", is required as "Authorization: Bearer TOKEN" on
	// every write request.
	Token string
	// Analyzer, when set, analyzes articles as they are posted, so that
	// they have entities at once; nil stores them unanalyzed (a worker or
	// rasid reanalyze analyzes them later).
	Analyzer *analysis.Analyzer
	// Logger receives one line per request; nil discards them.
	Logger *slog.Logger
	// MaxBodyBytes bounds request bodies; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
}

// route is one endpoint: a Go 1.22 pattern (method and path) and its
// handler.
type route struct {
	method, path string
	handle       func(*server, http.ResponseWriter, *http.Request) error
	write        bool // needs the token
}

// routes lists every endpoint of the API, the one place they are named;
// the OpenAPI document must describe exactly these (see the test).
func routes() []route {
	return []route{
		{"GET", "/api/v1/articles", (*server).listArticles, false},
		{"POST", "/api/v1/articles", (*server).postArticles, true},
		{"GET", "/api/v1/articles/{id}", (*server).getArticle, false},
		{"GET", "/api/v1/stories", (*server).listStories, false},
		{"GET", "/api/v1/stories/{id}", (*server).getStory, false},
		{"GET", "/api/v1/entities", (*server).listEntities, false},
		{"GET", "/api/v1/entities/{id}", (*server).getEntity, false},
		{"GET", "/api/v1/search", (*server).search, false},
		{"GET", "/api/v1/openapi.json", (*server).openapi, false},
		{"GET", "/healthz", (*server).healthz, false},
		{"GET", "/metrics", (*server).serveMetrics, false},
	}
}

type server struct {
	cfg     Config
	log     *slog.Logger
	engine  search.Engine
	metrics *metrics
}

// Handler returns the API. Mount it at "/" (it answers only its own
// paths: /api/v1/…, /healthz and /metrics) or mount those paths beside
// other handlers. It panics if cfg.Store is nil, a programming error.
func Handler(cfg Config) http.Handler {
	if cfg.Store == nil {
		panic("api: Config.Store is nil")
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	s := &server{cfg: cfg, log: cfg.Logger, engine: search.Engine{Store: cfg.Store}, metrics: newMetrics()}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	mux := http.NewServeMux()
	paths := map[string][]string{}
	for _, rt := range routes() {
		mux.Handle(rt.method+" "+rt.path, s.wrap(rt))
		paths[rt.path] = append(paths[rt.path], rt.method)
	}
	// Any other method on a known path: 405 with Allow, as JSON.
	for p, methods := range paths {
		allow := strings.Join(methods, ", ")
		if strings.Contains(allow, "GET") {
			allow += ", HEAD"
		}
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			w.Header().Set("Allow", allow)
			writeError(w, &httpError{status: http.StatusMethodNotAllowed, kind: KindMethodNotAllowed,
				msg: r.Method + " is not allowed on " + r.URL.Path + " (allowed: " + allow + ")"})
			// Labelled "METHOD PATTERN" as the routes are.
			s.metrics.request(methodLabel(r.Method)+" "+p, http.StatusMethodNotAllowed, time.Since(start))
		})
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.metrics.request("unknown", http.StatusNotFound, 0)
		writeError(w, &httpError{status: http.StatusNotFound, kind: KindNoSuchEndpoint,
			msg: "no such endpoint: " + r.URL.Path + " (see /api/v1/openapi.json)"})
	})
	return mux
}

// methodLabel is the method as a metrics label: one of the methods of
// HTTP, else OTHER, so that clients cannot add labels without bound.
func methodLabel(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodConnect, http.MethodOptions, http.MethodTrace:
		return m
	}
	return "OTHER"
}

// ErrorKind names what went wrong with a request, for programs: a stable
// word, where the message is for people and may change. A query that
// search refuses answers with its search.ErrorKind instead ("empty",
// "unclosed-quote", "exclusions-only" …; see search.ErrorKinds).
type ErrorKind string

// The kinds of the API's own errors, with the status each comes with.
const (
	KindBadParameter     ErrorKind = "bad-parameter"          // 400: a query parameter is malformed or out of range; param names it
	KindBadBody          ErrorKind = "bad-body"               // 400: a POST body with no article to store (empty, not JSON, every record refused)
	KindUnauthorized     ErrorKind = "unauthorized"           // 401: a write without the bearer token
	KindReadOnly         ErrorKind = "read-only"              // 403: a write to an archive open read-only
	KindNotFound         ErrorKind = "not-found"              // 404: no article, story or entity of that id
	KindNoSuchEndpoint   ErrorKind = "no-such-endpoint"       // 404: a path the API does not serve
	KindMethodNotAllowed ErrorKind = "method-not-allowed"     // 405: a method the path does not serve (see Allow)
	KindTooLarge         ErrorKind = "too-large"              // 413: a body over the byte limit, or a batch over MaxBatch
	KindMediaType        ErrorKind = "unsupported-media-type" // 415: a POST body that is not JSON
	KindCanceled         ErrorKind = "canceled"               // 499: the client went away
	KindInternal         ErrorKind = "internal"               // 500: the server failed (its log says why)
)

// ErrorKinds lists every ErrorKind of the API's own; an error's kind is
// one of these or one of search.ErrorKinds (a refused query: param "q",
// or "page_size"/"page" for search's page-size and beyond-window).
var ErrorKinds = []ErrorKind{KindBadParameter, KindBadBody, KindUnauthorized, KindReadOnly, KindNotFound,
	KindNoSuchEndpoint, KindMethodNotAllowed, KindTooLarge, KindMediaType, KindCanceled, KindInternal}

// httpError is an error with the status, kind and query parameter it
// answers with.
type httpError struct {
	status int
	kind   ErrorKind
	param  string
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func errorf(status int, kind ErrorKind, format string, args ...any) error {
	return &httpError{status: status, kind: kind, msg: fmt.Sprintf(format, args...)}
}

// paramErrorf is a 400 about the query parameter name.
func paramErrorf(name, format string, args ...any) error {
	return &httpError{status: http.StatusBadRequest, kind: KindBadParameter, param: name, msg: fmt.Sprintf(format, args...)}
}

// errorOf is the answer to a handler's error: its status, kind, query
// parameter and message.
func errorOf(err error, r *http.Request) *httpError {
	var he *httpError
	var mbe *http.MaxBytesError
	var qe *search.Error
	switch {
	case errors.As(err, &he):
		return he
	case errors.As(err, &mbe):
		return &httpError{http.StatusRequestEntityTooLarge, KindTooLarge, "", fmt.Sprintf("request body over the limit of %d bytes", mbe.Limit)}
	case errors.As(err, &qe):
		param := "q"
		if qe.Kind == search.ErrKindPageSize {
			param = "page_size"
		}
		return &httpError{http.StatusBadRequest, ErrorKind(qe.Kind), param, err.Error()}
	case errors.Is(err, search.ErrBeyondWindow):
		return &httpError{http.StatusBadRequest, ErrorKind(search.ErrKindBeyondWindow), "page", err.Error()}
	case errors.Is(err, store.ErrNotFound):
		return &httpError{http.StatusNotFound, KindNotFound, "", "not found: " + r.URL.Path}
	case errors.Is(err, store.ErrReadOnly):
		return &httpError{http.StatusForbidden, KindReadOnly, "", "the archive is open read-only: this server stores nothing"}
	case errors.Is(err, context.Canceled):
		return &httpError{499, KindCanceled, "", "request canceled"}
	}
	return &httpError{http.StatusInternalServerError, KindInternal, "", "internal error"}
}

// wrap adds to a handler the token check, panic recovery, the error
// response, the request log line and the metrics.
func (s *server) wrap(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t0 := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		err := func() (err error) {
			defer func() {
				if p := recover(); p != nil {
					err = fmt.Errorf("panic: %v", p)
				}
			}()
			if rt.write && !s.authorized(r) {
				sw.Header().Set("WWW-Authenticate", `Bearer realm="rasid"`)
				return errorf(http.StatusUnauthorized, KindUnauthorized, "this endpoint needs Authorization: Bearer TOKEN")
			}
			if r.Body != nil {
				r.Body = http.MaxBytesReader(sw, r.Body, s.cfg.MaxBodyBytes)
			}
			return rt.handle(s, sw, r)
		}()
		if err != nil {
			he := errorOf(err, r)
			if he.status >= 500 {
				s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			}
			if sw.status == 0 {
				writeError(sw, he)
			}
		}
		d := time.Since(t0)
		s.metrics.request(rt.method+" "+rt.path, sw.code(), d)
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "route", rt.path, "status", sw.code(), "duration_ms", float64(d.Microseconds())/1000, "bytes", sw.n)
	})
}

func (s *server) authorized(r *http.Request) bool {
	if s.cfg.Token == "" {
		return true
	}
	// The scheme is case-insensitive (RFC 9110, 11.1): "bearer" is Bearer.
	scheme, tok, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	return ok && strings.EqualFold(scheme, "Bearer") &&
		subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.cfg.Token)) == 1
}

// statusWriter remembers the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	n      int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.n += n
	return n, err
}

func (w *statusWriter) code() int {
	if w.status == 0 {
		return http.StatusOK
	}
	return w.status
}

// writeJSON writes v as JSON with the status.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, err = w.Write(append(b, '\n'))
	return err
}

// ErrorBody is the JSON of every error response.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail says what went wrong: the HTTP status, the kind (a stable
// word for programs: one of ErrorKinds or of search.ErrorKinds), the query
// parameter at fault when one is, and a message for people.
type ErrorDetail struct {
	Status  int    `json:"status"`
	Kind    string `json:"kind"`
	Param   string `json:"param,omitempty"`
	Message string `json:"message"`
}

func writeError(w http.ResponseWriter, e *httpError) {
	_ = writeJSON(w, e.status, ErrorBody{ErrorDetail{Status: e.status, Kind: string(e.kind), Param: e.param, Message: e.msg}})
}

// CheckListen refuses to serve writes without a token on an address that
// is not loopback: addr is host:port as for net.Listen.
func CheckListen(addr, token string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("listen address %q: %w", addr, err)
	}
	if token != "" || isLoopback(host) {
		return nil
	}
	return fmt.Errorf("listen address %q is not loopback: set a token (--token or RASID_TOKEN) for the write endpoints", addr)
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// intParam reads a non-negative integer query parameter.
func intParam(r *http.Request, name string, def, max int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, paramErrorf(name, "%s=%q is not a non-negative integer", name, v)
	}
	if n > max {
		return 0, paramErrorf(name, "%s=%d is over the limit of %d", name, n, max)
	}
	return n, nil
}

// dayParam reads a YYYY-MM-DD query parameter; end gives the next
// midnight (an inclusive last day as an exclusive bound).
func dayParam(r *http.Request, name string, end bool) (time.Time, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return time.Time{}, nil
	}
	d, err := time.Parse("2006-01-02", v)
	if err != nil {
		return time.Time{}, paramErrorf(name, "%s=%q is not a date (want YYYY-MM-DD)", name, v)
	}
	if end {
		d = d.AddDate(0, 0, 1)
	}
	return d, nil
}
