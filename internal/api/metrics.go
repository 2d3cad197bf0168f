package api

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// metrics counts requests, ingested articles and searches for /metrics.
// It is a few counters written out in the Prometheus text format by hand:
// prometheus/client_golang would bring a dozen modules for what fits here.
type metrics struct {
	mu       sync.Mutex
	requests map[[2]string]int // route, status → count
	seconds  map[string]float64
	counts   map[string]int // route → timed requests
	articles map[string]int // outcome → count
	searches int
	searchS  float64
	started  time.Time
}

func newMetrics() *metrics {
	return &metrics{requests: map[[2]string]int{}, seconds: map[string]float64{}, counts: map[string]int{},
		articles: map[string]int{}, started: time.Now()}
}

func (m *metrics) request(route string, status int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[[2]string{route, fmt.Sprint(status)}]++
	m.seconds[route] += d.Seconds()
	m.counts[route]++
}

func (m *metrics) ingested(r IngestResult) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.articles["stored"] += r.Stored
	m.articles["exists"] += r.Exists
	m.articles["new-version"] += r.Versions
	m.articles["refused"] += r.Refused
}

func (m *metrics) searched(d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.searches++
	m.searchS += d.Seconds()
}

// label escapes a label value for the text format.
var label = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

func (s *server) serveMetrics(w http.ResponseWriter, r *http.Request) error {
	m := s.metrics
	m.mu.Lock()
	var b strings.Builder
	b.WriteString("# HELP rasid_http_requests_total HTTP requests by route and status.\n# TYPE rasid_http_requests_total counter\n")
	keys := make([][2]string, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]string) int { return strings.Compare(a[0]+" "+a[1], b[0]+" "+b[1]) })
	for _, k := range keys {
		fmt.Fprintf(&b, "rasid_http_requests_total{route=\"%s\",status=\"%s\"} %d\n", label.Replace(k[0]), k[1], m.requests[k])
	}
	b.WriteString("# HELP rasid_http_request_seconds Time spent answering requests, by route.\n# TYPE rasid_http_request_seconds summary\n")
	routes := make([]string, 0, len(m.counts))
	for k := range m.counts {
		routes = append(routes, k)
	}
	slices.Sort(routes)
	for _, k := range routes {
		fmt.Fprintf(&b, "rasid_http_request_seconds_sum{route=\"%s\"} %g\n", label.Replace(k), m.seconds[k])
		fmt.Fprintf(&b, "rasid_http_request_seconds_count{route=\"%s\"} %d\n", label.Replace(k), m.counts[k])
	}
	b.WriteString("# HELP rasid_articles_ingested_total Articles posted to the API, by outcome.\n# TYPE rasid_articles_ingested_total counter\n")
	for _, o := range []string{"stored", "exists", "new-version", "refused"} {
		fmt.Fprintf(&b, "rasid_articles_ingested_total{outcome=\"%s\"} %d\n", o, m.articles[o])
	}
	b.WriteString("# HELP rasid_search_seconds Time spent in searches.\n# TYPE rasid_search_seconds summary\n")
	fmt.Fprintf(&b, "rasid_search_seconds_sum %g\nrasid_search_seconds_count %d\n", m.searchS, m.searches)
	b.WriteString("# HELP rasid_start_time_seconds When the server started, in Unix seconds.\n# TYPE rasid_start_time_seconds gauge\n")
	fmt.Fprintf(&b, "rasid_start_time_seconds %d\n", m.started.Unix())
	m.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	_, err := w.Write([]byte(b.String()))
	return err
}
