package cli

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store"
)

func runBench(ctx context.Context, env Env, args []string) error {
	return group{"bench", "Usage: rasid bench MEASUREMENT [flags]\n\nMeasure how fast rasid answers on your archive (quality is rasid eval's job):", "measurement", "say what to measure", []evalTask{
		{"search", "latency of one-to-three-word queries over the archive (--db FILE --queries N --rounds N --facets)", runBenchSearch},
	}}.run(ctx, env, args)
}

// benchReport is the output of rasid bench search.
type benchReport struct {
	Articles int     `json:"articles"`
	Queries  int     `json:"queries"`
	Runs     int     `json:"runs"`
	Facets   bool    `json:"facets"`
	P50ms    float64 `json:"p50_ms"`
	P90ms    float64 `json:"p90_ms"`
	P99ms    float64 `json:"p99_ms"`
	MaxMs    float64 `json:"max_ms"`
	PerSec   float64 `json:"queries_per_second"`
}

func runBenchSearch(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "bench search", "[--db FILE] [--queries N] [--rounds N] [--facets] [--json]",
		"Measure search latency on the archive: one-to-three-word queries made from the\nheadlines of N articles spread evenly over it (their first one, two or three\ncontent words, search.SampleQueries), each run once to warm the caches and\nthen --rounds times, one at a time, through the same engine as rasid search\nand the API (page of 10 with snippets). Prints p50, p90, p99 and the slowest\nlatency and queries per second.")
	db := addDBFlag(fs, env)
	n := fs.Int("queries", 300, "how many headlines to make queries from")
	rounds := fs.Int("rounds", 3, "timed runs of every query")
	facets := fs.Bool("facets", false, "also count facets (source, month, entity) over all matches")
	asJSON := fs.Bool("json", false, "print the figures as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid bench search: unexpected argument %q", fs.Arg(0))
	}
	if *n < 1 || *rounds < 1 {
		return usagef("rasid bench search: --queries and --rounds must be at least 1")
	}
	st, err := openReadStore(ctx, env, *db)
	if err != nil {
		return fmt.Errorf("rasid bench search: %w", err)
	}
	defer st.Close()
	total, err := st.CountArticles(ctx, store.ArticleFilter{})
	if err != nil {
		return fmt.Errorf("rasid bench search: %w", err)
	}
	if total == 0 {
		return fmt.Errorf("rasid bench search: the archive %s holds no article: ingest some first", *db)
	}
	var headlines []string
	for i := range min(*n, total) {
		arts, err := st.Articles(ctx, store.ArticleFilter{Offset: i * total / min(*n, total), Limit: 1})
		if err != nil {
			return fmt.Errorf("rasid bench search: %w", err)
		}
		for _, a := range arts {
			headlines = append(headlines, a.Title)
		}
	}
	queries := search.SampleQueries(headlines)
	if len(queries) == 0 {
		return fmt.Errorf("rasid bench search: the sampled articles have no headline with a content word")
	}
	e := search.Engine{Store: st}
	run := func(q string) (time.Duration, error) {
		t0 := time.Now()
		_, err := e.Search(ctx, search.Request{Query: q, Facets: *facets})
		return time.Since(t0), err
	}
	for _, q := range queries { // warm up
		if _, err := run(q); err != nil {
			return fmt.Errorf("rasid bench search: query %q: %w", q, err)
		}
	}
	var lat []time.Duration
	start := time.Now()
	for range *rounds {
		for _, q := range queries {
			d, err := run(q)
			if err != nil {
				return fmt.Errorf("rasid bench search: query %q: %w", q, err)
			}
			lat = append(lat, d)
		}
	}
	elapsed := time.Since(start)
	slices.Sort(lat)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	rep := benchReport{
		Articles: total, Queries: len(queries), Runs: len(lat), Facets: *facets,
		P50ms: ms(quantile(lat, 0.50)), P90ms: ms(quantile(lat, 0.90)), P99ms: ms(quantile(lat, 0.99)), MaxMs: ms(lat[len(lat)-1]),
		PerSec: float64(len(lat)) / elapsed.Seconds(),
	}
	if *asJSON {
		return writeJSON(env.Stdout, rep)
	}
	fmt.Fprintf(env.Stdout, "%s, %s × %s (facets %v)\np50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms  %.0f queries/s\n",
		count(rep.Articles, "article", "articles"), count(rep.Queries, "query", "queries"), count(*rounds, "round", "rounds"), rep.Facets, rep.P50ms, rep.P90ms, rep.P99ms, rep.MaxMs, rep.PerSec)
	return nil
}

// quantile is the q-quantile of sorted durations (nearest rank).
func quantile(sorted []time.Duration, q float64) time.Duration {
	i := int(q*float64(len(sorted))+0.5) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}
