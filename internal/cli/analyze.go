package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/analysis"
	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
)

// analyzeRecord is one line of `rasid analyze --jsonl` input.
type analyzeRecord struct {
	ID        recordID `json:"id"`
	Text      string   `json:"text"`
	Content   string   `json:"content"` // read when text is absent (SaudiNewsNet's name)
	Title     string   `json:"title"`
	Published string   `json:"published"`
	Source    string   `json:"source"`
	URL       string   `json:"url"`
}

// recordID is the id of a JSONL record: a string, or a whole number
// taken as its decimal text (17 → "17", 1e3 → "1000"), as exports that
// number their articles write them. A fraction, an exponent past
// maxIDExponent, true/false, an array or an object is refused with an
// error that names the field; null is no id.
type recordID string

// maxIDExponent bounds the exponent of a number id (1e400 would be a
// 401-digit id; reading 1e1000000000 would not end).
const maxIDExponent = 100

// UnmarshalJSON reads a string or a whole number.
func (id *recordID) UnmarshalJSON(b []byte) error {
	switch {
	case string(b) == "null":
		return nil
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*id = recordID(s)
		return nil
	case b[0] == '-' || '0' <= b[0] && b[0] <= '9':
		lit := string(b)
		if i := strings.IndexAny(lit, "eE"); i >= 0 {
			if e, err := strconv.Atoi(strings.TrimPrefix(lit[i+1:], "+")); err != nil || e > maxIDExponent || e < -maxIDExponent {
				return idErrorf("field \"id\" is the number %s, too large for an id: give a string", lit)
			}
		}
		r, ok := new(big.Rat).SetString(lit)
		if !ok || !r.IsInt() {
			return idErrorf("field \"id\" is the number %s, not a whole number: give a string or a whole number", lit)
		}
		*id = recordID(r.Num().String())
		return nil
	case b[0] == '[':
		return idErrorf("field \"id\" is %s, not a string or a number", jsonKind("array"))
	case b[0] == '{':
		return idErrorf("field \"id\" is %s, not a string or a number", jsonKind("object"))
	}
	return idErrorf("field \"id\" is %s, not a string or a number", jsonKind("bool"))
}

// idError is a refused id; its message says all.
type idError struct{ msg string }

func (e *idError) Error() string { return e.msg }

func idErrorf(format string, args ...any) error { return &idError{fmt.Sprintf(format, args...)} }

// parsePublished reads a publication date: RFC 3339, or a date with an
// optional clock (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS, YYYY-MM-DDTHH:MM:SS).
func parsePublished(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("published %q is not RFC 3339 or YYYY-MM-DD[ HH:MM:SS]", s)
}

// articleOf turns a record into an article; the ID, when not given, is
// the one rasid would store the article under.
func articleOf(r analyzeRecord) (news.Article, error) {
	a := news.Article{ID: string(r.ID), Body: r.Text, Title: r.Title, Source: r.Source, URL: r.URL}
	if a.Body == "" {
		a.Body = r.Content
	}
	if strings.TrimSpace(a.Body) == "" {
		return a, errors.New(`no "text"`)
	}
	if r.Published != "" {
		t, err := parsePublished(r.Published)
		if err != nil {
			return a, err
		}
		a.Published, a.DateOrigin = t, news.DateInput
	}
	if a.ID == "" {
		a.ID = news.ArticleID(arabic.NormalizeString(a.Body), a.URL)
	}
	return a, nil
}

func runAnalyze(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "analyze", "[--jsonl] [FILE|-]",
		"Analyze articles and print one JSON object per article and line: {id, analyzer,\n"+
			"sentences, entities, timexes, quantities, quotes}, every finding with its span\n"+
			"in code points of the article text (schema: schema/analysis.schema.json).\n"+
			"The input (FILE, or stdin when FILE is - or absent) is one plain article text,\n"+
			"or with --jsonl one article a line: {id, text, title, published, source, url}\n"+
			"(only text is required; id is a string or a whole number, taken as its digits;\n"+
			"published is RFC 3339 or YYYY-MM-DD).")
	jsonl := fs.Bool("jsonl", false, "read JSONL articles instead of one plain text")
	published := fs.String("published", "", "publication date of a plain text (YYYY-MM-DD or RFC 3339); relative dates stay unresolved without it")
	id := fs.String("id", "", "id of a plain text (default: the id rasid would store it under)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "articles analyzed at once")
	inputs, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) > 1 {
		return usagef("rasid analyze: one input at most (got %d)", len(inputs))
	}
	if *workers < 1 {
		return usagef("rasid analyze: --workers must be at least 1")
	}
	if *jsonl && (*published != "" || *id != "") {
		return usagef("rasid analyze: --published and --id are for a plain text; JSONL records carry their own")
	}
	name, in := "stdin", env.Stdin
	if len(inputs) == 1 && inputs[0] != "-" {
		p := inputs[0]
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("rasid analyze: %w", err)
		}
		defer f.Close()
		name, in = p, f
	}
	an, err := analysis.Default()
	if err != nil {
		return fmt.Errorf("rasid analyze: loading the entity model: %w", err)
	}
	if !*jsonl {
		data, err := io.ReadAll(io.LimitReader(in, maxTextBytes+1))
		if err != nil {
			return fmt.Errorf("rasid analyze: reading %s: %w", name, err)
		}
		if len(data) > maxTextBytes {
			return fmt.Errorf("rasid analyze: %s is larger than %d bytes", name, maxTextBytes)
		}
		if !utf8.Valid(data) {
			return fmt.Errorf("rasid analyze: %s is not valid UTF-8", name)
		}
		if strings.TrimSpace(string(data)) == "" {
			return fmt.Errorf("rasid analyze: %s is empty: give an article text (or JSONL articles with --jsonl)", name)
		}
		a, err := articleOf(analyzeRecord{ID: recordID(*id), Text: string(data), Published: *published})
		if err != nil {
			return fmt.Errorf("rasid analyze: %s: %w", name, err)
		}
		return writeLine(env.Stdout, an.Analyze(a))
	}
	bw := bufio.NewWriterSize(env.Stdout, 1<<16)
	var skipped, lines int
	err = analyzeParallel(ctx, an, *workers, func(emit func(news.Article) error) error {
		br := bufio.NewReaderSize(in, 1<<16)
		for {
			line, err := readLine(br, maxTextBytes)
			if len(line) > 0 || err == nil {
				lines++
			}
			if len(bytes.TrimSpace(line)) > 0 {
				a, perr := decodeRecord(line)
				if perr != nil {
					skipped++
					fmt.Fprintf(env.Stderr, "rasid analyze: %s:%d: %v (skipped)\n", name, lines, perr)
				} else if err := emit(a); err != nil {
					return err
				}
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return fmt.Errorf("%s:%d: %w", name, lines, err)
			}
		}
	}, func(a news.Analysis) error {
		return writeLine(bw, a)
	})
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return fmt.Errorf("rasid analyze: %w", err)
	}
	if skipped > 0 {
		return fmt.Errorf("rasid analyze: %d of %s of %s skipped", skipped, count(lines, "line", "lines"), name)
	}
	return nil
}

// decodeRecord reads one JSONL line into an article.
func decodeRecord(line []byte) (news.Article, error) {
	if !utf8.Valid(line) {
		return news.Article{}, errors.New("not valid UTF-8")
	}
	var r analyzeRecord
	if err := json.Unmarshal(line, &r); err != nil {
		return news.Article{}, recordError(err)
	}
	return articleOf(r)
}

// recordError says in plain words why a JSONL line is not an article
// record, without encoding/json's Go type names.
func recordError(err error) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	var ie *idError
	switch {
	case errors.As(err, &ie):
		return ie
	case errors.As(err, &te) && te.Field != "":
		return fmt.Errorf("field %q is %s, not a string", te.Field, jsonKind(te.Value))
	case errors.As(err, &te):
		return fmt.Errorf("not a JSON object but %s: give one article object {\"text\": …} a line", jsonKind(te.Value))
	case errors.As(err, &se):
		return fmt.Errorf("malformed JSON at column %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: "))
	}
	return fmt.Errorf("not a JSON article object: %s", strings.TrimPrefix(err.Error(), "json: "))
}

// jsonKind names the kind of JSON value encoding/json reports as v
// ("number", "array", "bool" …) with its article.
func jsonKind(v string) string {
	switch v {
	case "array", "object":
		return "an " + v
	case "bool":
		return "true or false"
	case "string", "number":
		return "a " + v
	}
	return v
}

// readLine returns the next line of br without its line ending; a line
// longer than max is an error. It returns io.EOF with the last line.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var buf []byte
	for {
		part, err := br.ReadSlice('\n')
		buf = append(buf, part...)
		if len(buf) > max {
			return nil, fmt.Errorf("line longer than %d bytes", max)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), err
	}
}

// writeLine writes v as one line of compact JSON.
func writeLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// analyzeParallel analyzes the articles that read emits on workers
// goroutines and passes the analyses to write in the order read emitted
// them, from one goroutine. At most a few articles per worker are in
// flight, so memory stays bounded whatever the input size. It stops at
// the first error of read or write, or when ctx is done.
func analyzeParallel(ctx context.Context, an *analysis.Analyzer, workers int,
	read func(emit func(news.Article) error) error, write func(news.Analysis) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		seq int
		a   news.Article
	}
	type result struct {
		seq int
		r   news.Analysis
	}
	jobs := make(chan job, workers)
	results := make(chan result, workers)
	slots := make(chan struct{}, 4*workers) // articles in flight
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- result{j.seq, an.Analyze(j.a)}
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		seq := 0
		readErr <- read(func(a news.Article) error {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			jobs <- job{seq, a}
			seq++
			return nil
		})
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	pending := map[int]news.Analysis{}
	next := 0
	var werr error
	for r := range results {
		if werr != nil {
			<-slots
			continue // drain
		}
		pending[r.seq] = r.r
		for {
			a, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if werr = write(a); werr != nil {
				cancel()
				break
			}
		}
	}
	if err := <-readErr; err != nil && werr == nil {
		return err
	}
	return werr
}

func runReanalyze(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "reanalyze", "[--db PATH] [--batch N] [--workers N] [--limit N]",
		"Analyze every stored article that has no analysis, or one made by another\n"+
			"analyzer build than this one ("+analysis.Version+"), and store the analyses\n"+
			"with their entity mentions. Work is committed batch by batch, so a run that\n"+
			"is stopped loses at most the batch in hand, and running it again continues.")
	dbPath := addDBFlag(fs, env)
	batch := fs.Int("batch", 256, "articles analyzed and stored per transaction")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "articles analyzed at once")
	limit := fs.Int("limit", 0, "stop after this many articles (0: all)")
	progress := fs.Duration("progress", 5*time.Second, "interval of progress lines on stderr (0: none)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid reanalyze: unexpected argument %q", fs.Arg(0))
	}
	if *batch < 1 || *workers < 1 || *limit < 0 {
		return usagef("rasid reanalyze: --batch and --workers must be at least 1, --limit not negative")
	}
	st, err := openArchive(ctx, env, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	an, err := analysis.Default()
	if err != nil {
		return fmt.Errorf("rasid reanalyze: loading the entity model: %w", err)
	}
	r := reanalyzer{st: st, an: an, batch: *batch, workers: *workers, limit: *limit, every: *progress, log: env.Stderr}
	n, err := r.run(ctx)
	elapsed := time.Since(r.start)
	fmt.Fprintf(env.Stderr, "reanalyze: %s analyzed with %s in %s (%.0f/s)\n",
		count(n, "article", "articles"), analysis.Version, elapsed.Round(time.Millisecond), float64(n)/max(elapsed.Seconds(), 1e-9))
	if err != nil {
		return fmt.Errorf("rasid reanalyze: %w (the %s stored before %s kept; run again to continue)", err, count(n, "article", "articles"), noun(n, "is", "are"))
	}
	return nil
}

// analysisStore is the part of store.Store that reanalyze uses.
type analysisStore interface {
	Unanalyzed(ctx context.Context, analyzer string, limit int) ([]string, error)
	Articles(ctx context.Context, f store.ArticleFilter) ([]news.Article, error)
	PutAnalyses(ctx context.Context, as []news.Analysis) error
}

// reanalyzer analyzes the articles a store lists as unanalyzed, batch by
// batch: while one batch is written (one goroutine writes), the next is
// analyzed on every worker.
type reanalyzer struct {
	st                    analysisStore
	an                    *analysis.Analyzer
	batch, workers, limit int
	every                 time.Duration
	log                   io.Writer
	start                 time.Time
}

// run returns the number of articles analyzed and stored.
func (r *reanalyzer) run(ctx context.Context) (stored int, err error) {
	r.start = time.Now()
	lastLog := r.start
	var inflight map[string]bool // ids of the batch being written
	var done chan error          // its outcome
	var written map[string]bool  // ids of the last batch written
	wait := func() error {
		if done == nil {
			return nil
		}
		err := <-done
		if err == nil {
			stored += len(inflight)
			written = inflight
		}
		done, inflight = nil, nil
		return err
	}
	defer func() {
		if werr := wait(); err == nil {
			err = werr
		}
	}()
	queued := 0
	for r.limit == 0 || queued < r.limit {
		want := r.batch
		if r.limit > 0 {
			want = min(want, r.limit-queued)
		}
		ids, err := r.st.Unanalyzed(ctx, analysis.Version, want+len(inflight))
		if err != nil {
			return stored, err
		}
		ids = slices.DeleteFunc(ids, func(id string) bool { return inflight[id] })
		if len(ids) == 0 {
			if inflight == nil {
				break // all done
			}
			// Only the batch being written remains: wait for it and look again.
			if err := wait(); err != nil {
				return stored, err
			}
			continue
		}
		for _, id := range ids {
			if written[id] {
				return stored, fmt.Errorf("the store still lists article %s as unanalyzed after storing its analysis", id)
			}
		}
		ids = ids[:min(len(ids), want)]
		arts, err := r.st.Articles(ctx, store.ArticleFilter{IDs: ids, WithSuperseded: true})
		if err != nil {
			return stored, err
		}
		if len(arts) == 0 {
			return stored, fmt.Errorf("the store lists %d unanalyzed articles it cannot return (first %s)", len(ids), ids[0])
		}
		res := make([]news.Analysis, 0, len(arts))
		err = analyzeParallel(ctx, r.an, r.workers, func(emit func(news.Article) error) error {
			for _, a := range arts {
				if err := emit(a); err != nil {
					return err
				}
			}
			return nil
		}, func(a news.Analysis) error {
			res = append(res, a)
			return nil
		})
		if err != nil {
			return stored, err
		}
		if err := wait(); err != nil {
			return stored, err
		}
		queued += len(res)
		inflight, done = map[string]bool{}, make(chan error, 1)
		for _, a := range res {
			inflight[a.ID] = true
		}
		go func(res []news.Analysis, done chan<- error) {
			done <- r.st.PutAnalyses(ctx, res)
		}(res, done)
		if r.every > 0 && time.Since(lastLog) >= r.every {
			lastLog = time.Now()
			el := time.Since(r.start).Seconds()
			fmt.Fprintf(r.log, "reanalyze: %s analyzed (%.0f/s)\n", count(queued, "article", "articles"), float64(queued)/el)
		}
	}
	return stored, nil // the deferred wait counts the last batch
}
