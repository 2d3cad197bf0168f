package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/rasid-news/rasid/internal/ingest"
	"github.com/rasid-news/rasid/internal/ingest/fetch"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
)

// userAgent is what rasid says it is when it fetches.
const userAgent = "rasid/" + Version + " (+https://github.com/rasid-news/rasid)"

// ingestSummary is what `rasid ingest --json` prints.
type ingestSummary struct {
	Inputs      int             `json:"inputs"`
	Skipped     int             `json:"skipped_files"` // files of a kind rasid does not read, in directories
	Stored      int             `json:"stored"`
	Exists      int             `json:"already_stored"`
	NewVersions int             `json:"new_versions"`
	Refused     int             `json:"refused"`
	Seconds     float64         `json:"seconds"`
	Rate        float64         `json:"articles_per_second"`
	Refusals    []ingestRefusal `json:"refusals"`
}

// ingestRefusal is one refused record in the JSON summary.
type ingestRefusal struct {
	Input  string `json:"input"`
	Record int    `json:"record,omitempty"`
	Unit   string `json:"unit,omitempty"`
	Reason string `json:"reason"`
}

// itemsAhead bounds the items an input's reader may run ahead of the
// writer: enough for a whole SaudiNewsNet day, so readers keep both cores
// busy while the store writes.
const itemsAhead = 4096

// maxJSONRefusals bounds the refusals listed in the JSON summary.
const maxJSONRefusals = 10000

// ingestInput is one thing to read: a file, stdin or a URL.
type ingestInput struct {
	name string
	kind int // inFile, inStdin, inURL, inMissing
	size int64
}

const (
	inFile = iota
	inStdin
	inURL
	inMissing
)

// ingestConfig is what runIngest parsed from its flags.
type ingestConfig struct {
	opts     ingest.Options
	fetcher  *fetch.Fetcher
	batch    int
	progress time.Duration
	workers  int
}

func runIngest(ctx context.Context, env Env, args []string) error {
	fset := newFlagSet(env, "ingest", "[flags] PATH|GLOB|DIR|-|URL ...",
		"Read news articles from files, directories (recursively), globs, stdin (-) or URLs\n"+
			"and store them. Formats: .txt, .json/.jsonl (seeds, SaudiNewsNet and --map),\n"+
			"TREC-style files (ANT corpus), .html pages, RSS/Atom feeds, and .zip/.tar.gz\n"+
			"archives of these. Every refused record gets one line on stderr\n"+
			"(file:line: reason); the exit status is 1 when anything was refused.")
	dbPath := addDBFlag(fset, env)
	lang := fset.String("lang", "ar", "admit only Arabic text (ar), or text in any language (any)")
	mapS := fset.String("map", "", "JSON field names: `FIELD=JSONFIELD,...` with FIELD one of "+strings.Join(ingest.FieldNames(), ", "))
	follow := fset.Bool("fetch", false, "follow feed entries that carry only a summary to their article page")
	allowPrivate := fset.Bool("allow-private", false, "allow fetching from loopback, private and link-local addresses")
	asJSON := fset.Bool("json", false, "print the summary as JSON on stdout")
	batch := fset.Int("batch", 500, "articles stored per transaction")
	maxArticle := fset.Int("max-article", ingest.DefaultMaxArticleBytes, "largest article body, in bytes")
	maxInput := fset.Int64("max-input", ingest.DefaultMaxInputBytes, "largest input (file, archive member or fetched document), in bytes")
	timeout := fset.Duration("timeout", fetch.DefaultTimeout, "time limit of one fetch")
	progress := fset.Duration("progress", 5*time.Second, "interval of progress lines when stderr is not a terminal (0: none)")
	paths, err := parseInterspersed(fset, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fset.Usage()
		return usagef("rasid ingest: no input given")
	}
	if *lang != "ar" && *lang != "any" {
		return usagef("rasid ingest: --lang must be ar or any, not %q", *lang)
	}
	fieldMap, err := ingest.ParseMap(*mapS)
	if err != nil {
		return usagef("rasid ingest: --map: %v", err)
	}
	if *batch < 1 || *maxArticle < 1 || *maxInput < 1 {
		return usagef("rasid ingest: --batch, --max-article and --max-input must be positive")
	}
	cfg := ingestConfig{
		opts: ingest.Options{Lang: *lang, Map: fieldMap, MaxArticleBytes: *maxArticle, MaxInputBytes: *maxInput},
		fetcher: fetch.New(fetch.Options{UserAgent: userAgent, Timeout: *timeout, MaxBytes: min(*maxInput, fetch.DefaultMaxBytes),
			AllowPrivate: *allowPrivate}),
		batch:    *batch,
		progress: *progress,
		workers:  max(1, runtime.GOMAXPROCS(0)),
	}
	if *follow {
		f := cfg.fetcher
		cfg.opts.Fetch = func(ctx context.Context, url string) ([]byte, string, error) {
			r, err := f.Get(ctx, url)
			return r.Body, r.ContentType, err
		}
	}
	inputs, skipped := expandInputs(paths)
	st, err := openStore(ctx, env, *dbPath)
	if err != nil {
		return err
	}
	sum, runErr := ingestAll(ctx, env, st, inputs, cfg)
	if err := st.Close(); err != nil && runErr == nil {
		runErr = fmt.Errorf("rasid ingest: closing the store: %w", err)
	}
	sum.Skipped = skipped
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if sum.Refusals == nil {
			sum.Refusals = []ingestRefusal{}
		}
		if err := enc.Encode(sum); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(env.Stdout, "%d stored, %d already stored, %s, %d refused; %s", sum.Stored, sum.Exists, count(sum.NewVersions, "new version", "new versions"), sum.Refused, count(sum.Inputs, "input", "inputs"))
		if skipped > 0 {
			fmt.Fprintf(env.Stdout, " (%s of other kinds skipped)", count(skipped, "file", "files"))
		}
		fmt.Fprintf(env.Stdout, "; %.1fs, %.0f articles/s\n", sum.Seconds, sum.Rate)
	}
	if runErr != nil {
		return runErr
	}
	if sum.Refused > 0 {
		return fmt.Errorf("rasid ingest: %d refused (each named on its own line above)", sum.Refused)
	}
	return nil
}

// parseInterspersed parses flags that may come before, between or after
// the positional arguments (until "--"), and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	var pos []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(pos, tail...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// expandInputs turns the arguments into inputs, in order: directories are
// walked (files rasid reads, sorted, hidden ones left out), globs expanded.
// It also returns how many files in directories were skipped.
func expandInputs(args []string) ([]ingestInput, int) {
	var ins []ingestInput
	skipped := 0
	for _, arg := range args {
		switch {
		case arg == "-":
			ins = append(ins, ingestInput{name: "stdin", kind: inStdin})
			continue
		case strings.HasPrefix(arg, "http://"), strings.HasPrefix(arg, "https://"):
			ins = append(ins, ingestInput{name: arg, kind: inURL})
			continue
		}
		paths := []string{arg}
		if _, err := os.Stat(arg); err != nil {
			if m, gerr := filepath.Glob(arg); gerr == nil && len(m) > 0 {
				paths = m
			}
		}
		for _, p := range paths {
			info, err := os.Stat(p)
			if err != nil {
				ins = append(ins, ingestInput{name: p, kind: inMissing})
				continue
			}
			if !info.IsDir() {
				ins = append(ins, ingestInput{name: p, kind: inFile, size: info.Size()})
				continue
			}
			filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					ins = append(ins, ingestInput{name: path, kind: inMissing})
					return nil
				}
				if path != p && strings.HasPrefix(d.Name(), ".") {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if d.IsDir() || !d.Type().IsRegular() {
					return nil
				}
				if !ingest.Known(path) {
					skipped++
					return nil
				}
				var size int64
				if fi, err := d.Info(); err == nil {
					size = fi.Size()
				}
				ins = append(ins, ingestInput{name: path, kind: inFile, size: size})
				return nil
			})
		}
	}
	return ins, skipped
}

// ingestAll reads the inputs in parallel and stores their articles in
// input order, in batches, one transaction per batch: once a batch is
// acknowledged it is durable, so a crash loses at most the batch in flight
// and re-running stores the rest.
func ingestAll(ctx context.Context, env Env, st store.Store, inputs []ingestInput, cfg ingestConfig) (ingestSummary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	start := time.Now()
	sum := ingestSummary{Inputs: len(inputs)}
	var total int64
	for _, in := range inputs {
		total += in.size
	}

	// Readers run ahead in parallel; each input has its own channel, and
	// the writer drains the channels in input order.
	chans := make(chan chan ingest.Item, cfg.workers)
	var wg sync.WaitGroup
	go func() {
		defer close(chans)
		sem := make(chan struct{}, cfg.workers)
		for _, in := range inputs {
			ch := make(chan ingest.Item, itemsAhead)
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				close(ch)
				return
			}
			select {
			case chans <- ch:
			case <-ctx.Done():
				close(ch)
				return
			}
			wg.Add(1)
			go func(in ingestInput) {
				defer wg.Done()
				defer func() { <-sem }()
				defer close(ch)
				readInput(ctx, env, in, cfg, func(it ingest.Item) error {
					select {
					case ch <- it:
						return nil
					case <-ctx.Done():
						return ctx.Err()
					}
				})
			}(in)
		}
	}()

	rep := newIngestReporter(env, total, cfg.progress)
	defer rep.finish()
	// mu guards sum and rep, shared by this loop and the committer.
	var mu sync.Mutex
	count := func(outs []store.Outcome) {
		mu.Lock()
		defer mu.Unlock()
		for _, o := range outs {
			switch o {
			case store.Stored:
				sum.Stored++
			case store.Exists:
				sum.Exists++
			case store.NewVersion:
				sum.NewVersions++
			}
		}
		rep.batchDone(sum)
	}
	storeErr := func(err error, n int) error {
		if ctx.Err() != nil {
			return fmt.Errorf("rasid ingest: interrupted: the batches in hand (%d articles or fewer) were not stored, every batch before them was; run the same command again to store the rest", n)
		}
		return fmt.Errorf("rasid ingest: storing a batch of %d articles: %w", n, err)
	}
	// A batch is prepared (which articles are new, their index terms: all
	// cores, no write lock) while the committer writes the batch before
	// it, so the write lock is never waiting for the CPU work.
	prep := store.AsPreparer(st)
	toCommit := make(chan store.Prepared, 1)
	commitDone := make(chan error, 1)
	go func() {
		var cerr error
		for p := range toCommit {
			if cerr != nil {
				continue // drain
			}
			outs, err := prep.PutPrepared(ctx, p)
			if err != nil {
				cerr = storeErr(err, 2*len(p.Articles()))
				cancel()
				continue
			}
			count(outs)
		}
		commitDone <- cerr
	}()
	pending := make([]news.Article, 0, cfg.batch)
	seen := make(map[string]bool, cfg.batch)
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		now := time.Now().UTC()
		for i := range pending {
			pending[i].Ingested = now
		}
		p, err := prep.PrepareArticles(ctx, pending)
		if err != nil {
			return storeErr(err, 2*len(pending))
		}
		select {
		case toCommit <- p:
		case <-ctx.Done():
			return storeErr(ctx.Err(), 2*len(pending))
		}
		pending = make([]news.Article, 0, cfg.batch) // the committer holds the last one
		clear(seen)
		return nil
	}
	var err error
	k := 0
	for ch := range chans {
		for it := range ch {
			if err != nil {
				continue // drain
			}
			if it.Refused() {
				mu.Lock()
				sum.Refused++
				rep.line(it.String())
				if len(sum.Refusals) < maxJSONRefusals {
					sum.Refusals = append(sum.Refusals, ingestRefusal{Input: it.Input, Record: it.Record, Unit: it.Unit, Reason: it.Reason})
				}
				mu.Unlock()
				continue
			}
			if seen[it.Article.ID] {
				mu.Lock()
				sum.Exists++ // the same article twice in one batch
				mu.Unlock()
				continue
			}
			seen[it.Article.ID] = true
			pending = append(pending, it.Article)
			if len(pending) >= cfg.batch {
				if err = flush(); err != nil {
					cancel()
				}
			}
		}
		mu.Lock()
		rep.inputDone(inputs[k].size)
		mu.Unlock()
		k++
	}
	wg.Wait()
	if err == nil {
		err = flush()
	}
	close(toCommit)
	if cerr := <-commitDone; err == nil {
		err = cerr
	}
	if err == nil && ctx.Err() != nil {
		err = errors.New("rasid ingest: interrupted: every batch stored before it was kept; run the same command again to store the rest")
	}
	sum.Seconds = time.Since(start).Seconds()
	if sum.Seconds > 0 {
		sum.Rate = float64(sum.Stored+sum.Exists+sum.NewVersions) / sum.Seconds
	}
	return sum, err
}

// readInput reads one input and emits its items; problems opening or
// fetching it are emitted as refusals.
func readInput(ctx context.Context, env Env, in ingestInput, cfg ingestConfig, emit ingest.Emit) {
	refuse := func(format string, args ...any) {
		emit(ingest.Item{Input: in.name, Reason: fmt.Sprintf(format, args...)})
	}
	switch in.kind {
	case inMissing:
		refuse("no such file, directory or glob match")
	case inStdin:
		ingest.Read(ctx, in.name, env.Stdin, cfg.opts, func(it ingest.Item) error {
			if it.Record == 0 && it.Reason == ingest.EmptyInput {
				it.Reason = "empty" // "stdin: empty", not "empty file"
			}
			return emit(it)
		})
	case inURL:
		resp, err := cfg.fetcher.Get(ctx, in.name)
		if err != nil {
			var fe *fetch.Error
			if errors.As(err, &fe) {
				refuse("%s", fe.Msg)
			} else {
				refuse("%v", err)
			}
			return
		}
		ingest.ReadHTTP(ctx, in.name, resp.ContentType, resp.Body, cfg.opts, emit)
	case inFile:
		f, err := os.Open(in.name)
		if err != nil {
			refuse("%v", errors.Unwrap(err))
			return
		}
		defer f.Close()
		ingest.Read(ctx, in.name, f, cfg.opts, emit)
	}
}

// ingestReporter shows progress: a bar on a terminal, plain periodic lines
// otherwise, and refusal lines in both cases.
// The bar counts the bytes of the inputs whose articles are all stored.
type ingestReporter struct {
	w     io.Writer
	bar   *progressbar.ProgressBar
	every time.Duration
	last  time.Time
	start time.Time
}

func newIngestReporter(env Env, total int64, every time.Duration) *ingestReporter {
	r := &ingestReporter{w: env.Stderr, every: every, start: time.Now(), last: time.Now()}
	if f, ok := env.Stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) && total > 0 {
		r.bar = progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(env.Stderr),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionShowElapsedTimeOnFinish(),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionFullWidth())
	}
	return r
}

// line prints one line (a refusal) without garbling the bar.
func (r *ingestReporter) line(s string) {
	if r.bar != nil {
		r.bar.Clear()
	}
	fmt.Fprintln(r.w, s)
}

// batchDone reports progress after a batch was stored.
func (r *ingestReporter) batchDone(sum ingestSummary) {
	n := sum.Stored + sum.Exists + sum.NewVersions
	rate := float64(n) / max(time.Since(r.start).Seconds(), 1e-9)
	if r.bar != nil {
		r.bar.Describe(fmt.Sprintf("ingest: %s, %.0f/s", count(n, "article", "articles"), rate))
		return
	}
	if r.every > 0 && time.Since(r.last) >= r.every {
		r.last = time.Now()
		fmt.Fprintf(r.w, "ingest: %s (%d stored, %d already stored, %s), %d refused, %.0f articles/s\n",
			count(n, "article", "articles"), sum.Stored, sum.Exists, count(sum.NewVersions, "new version", "new versions"), sum.Refused, rate)
	}
}

// inputDone advances the bar past an input whose articles are all stored.
func (r *ingestReporter) inputDone(size int64) {
	if r.bar != nil {
		r.bar.Add64(size)
	}
}

func (r *ingestReporter) finish() {
	if r.bar != nil {
		r.bar.Finish()
	}
}
