// Package queue runs analysis workers over a store's durable job queue
// (store.Queue): claim jobs under a lease, analyze their articles, record
// each analysis with its job's completion in one transaction, retry failures
// with exponential backoff until the queue dead-letters them, and run a
// single-writer step (story clustering) once the queue is drained.
//
// Exactly-once: an analysis is stored only by the claim that holds its job
// (store.Queue.Complete is fenced by worker and attempt), so a worker that
// was killed, or whose lease ran out while it worked, records nothing; the
// job is claimed again after its lease and analyzed by the new claim.
package queue

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
)

// Analyze analyzes one article.
type Analyze func(news.Article) (news.Analysis, error)

// Options configure a Worker. The zero value of a field takes its default.
type Options struct {
	// Name identifies the worker in the queue (default host:pid).
	Name string
	// Concurrency is the number of jobs analyzed at once (default 1).
	Concurrency int
	// Batch is how many jobs one claim takes (default 4).
	Batch int
	// Lease is how long a claim holds its jobs (default 2 minutes).
	Lease time.Duration
	// Poll is the wait between claims when no job is due (default 500ms).
	Poll time.Duration
	// Backoff is the wait before the attempt after a failed one (default
	// 2s × 2^(attempt-1), at most 5 minutes).
	Backoff func(attempt int) time.Duration
	// Drained, when set, runs after the worker finished jobs and found the
	// queue empty (nothing queued or running), under the queue's exclusive
	// lock named "drained": one process at a time, the others skip it and
	// try again later.
	Drained func(ctx context.Context) error
	// ExitWhenDrained makes Run return once the queue is empty and Drained
	// has run (by this worker or another), instead of polling for ever.
	ExitWhenDrained bool
	// Log receives one line per failure and per drained step (default
	// io.Discard).
	Log io.Writer
}

// DefaultBackoff is 2s × 2^(attempt-1), at most 5 minutes.
func DefaultBackoff(attempt int) time.Duration {
	d := 2 * time.Second
	for i := 1; i < attempt && d < 5*time.Minute; i++ {
		d *= 2
	}
	return min(d, 5*time.Minute)
}

// Stats counts what a worker did.
type Stats struct {
	Done    int64 `json:"done"`
	Failed  int64 `json:"failed"`  // attempts that failed (retried or dead-lettered)
	Lost    int64 `json:"lost"`    // completions refused: the lease had ended
	Drained int64 `json:"drained"` // drained steps this worker ran
	Skipped int64 `json:"skipped"` // jobs whose article is not in the store (failed, then dead-lettered)
	Claimed int64 `json:"claimed"` // jobs claimed
}

// Worker analyzes the jobs of one store.
type Worker struct {
	st      store.Store
	q       store.Queue
	analyze Analyze
	opt     Options

	done, failed, lost, drained, skipped, claimed atomic.Int64
	dirty                                         atomic.Bool // jobs done since the last drained step
	finished                                      atomic.Bool // drained and ExitWhenDrained
	idleMu                                        sync.Mutex
}

// New returns a worker on st, which must implement store.Queue.
func New(st store.Store, analyze Analyze, opt Options) (*Worker, error) {
	q, ok := st.(store.Queue)
	if !ok {
		return nil, errors.New("queue: this store keeps no job queue (workers need the PostgreSQL store)")
	}
	if opt.Name == "" {
		host, _ := os.Hostname()
		opt.Name = host + ":" + strconv.Itoa(os.Getpid())
	}
	opt.Concurrency = max(opt.Concurrency, 1)
	if opt.Batch <= 0 {
		opt.Batch = 4
	}
	if opt.Lease <= 0 {
		opt.Lease = 2 * time.Minute
	}
	if opt.Poll <= 0 {
		opt.Poll = 500 * time.Millisecond
	}
	if opt.Backoff == nil {
		opt.Backoff = DefaultBackoff
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	return &Worker{st: st, q: q, analyze: analyze, opt: opt}, nil
}

// Stats returns the counts so far.
func (w *Worker) Stats() Stats {
	return Stats{Done: w.done.Load(), Failed: w.failed.Load(), Lost: w.lost.Load(), Drained: w.drained.Load(),
		Skipped: w.skipped.Load(), Claimed: w.claimed.Load()}
}

// Run works until ctx is done (returning nil) or, with ExitWhenDrained,
// until the queue is empty. Jobs in hand when ctx ends are left to their
// lease.
func (w *Worker) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	errs := make(chan error, w.opt.Concurrency)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for i := range w.opt.Concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := w.loop(ctx, fmt.Sprintf("%s/%d", w.opt.Name, i)); err != nil {
				errs <- err
				cancel()
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err, ok := <-errs; ok {
		return err
	}
	return nil
}

// errDrained ends a loop when the queue is empty and ExitWhenDrained.
var errDrained = errors.New("drained")

func (w *Worker) loop(ctx context.Context, name string) error {
	for ctx.Err() == nil && !w.finished.Load() {
		jobs, err := w.q.Claim(ctx, name, w.opt.Batch, w.opt.Lease)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			fmt.Fprintf(w.opt.Log, "worker %s: %v\n", name, err)
			sleep(ctx, w.opt.Poll)
			continue
		}
		w.claimed.Add(int64(len(jobs)))
		for _, j := range jobs {
			if err := w.work(ctx, j); err != nil {
				if ctx.Err() != nil {
					return nil
				}
				fmt.Fprintf(w.opt.Log, "worker %s: %v\n", name, err)
			}
		}
		if len(jobs) > 0 {
			w.dirty.Store(true)
			continue
		}
		switch err := w.idle(ctx); {
		case errors.Is(err, errDrained):
			return nil
		case err != nil && ctx.Err() == nil:
			fmt.Fprintf(w.opt.Log, "worker %s: %v\n", name, err)
		}
		sleep(ctx, w.opt.Poll)
	}
	return nil
}

// idle runs the drained step when the queue is empty.
func (w *Worker) idle(ctx context.Context) error {
	w.idleMu.Lock()
	defer w.idleMu.Unlock()
	if w.finished.Load() {
		return errDrained
	}
	pending, err := w.q.Pending(ctx)
	if err != nil || pending {
		return err
	}
	if w.opt.Drained != nil && (w.dirty.Load() || w.opt.ExitWhenDrained) {
		ran, err := w.q.TryExclusive(ctx, "drained", func(ctx context.Context) error {
			w.dirty.Store(false)
			if err := w.opt.Drained(ctx); err != nil {
				w.dirty.Store(true)
				return err
			}
			w.drained.Add(1)
			return nil
		})
		if err != nil {
			return fmt.Errorf("drained step: %w", err)
		}
		if !ran {
			return nil // another process runs it; look again later
		}
	}
	if w.opt.ExitWhenDrained {
		w.finished.Store(true)
		return errDrained
	}
	return nil
}

// work analyzes one job's article and records the result.
func (w *Worker) work(ctx context.Context, j store.Job) error {
	a, err := w.st.Article(ctx, j.ArticleID)
	if errors.Is(err, store.ErrNotFound) {
		w.skipped.Add(1)
		return w.fail(ctx, j, fmt.Errorf("article %s is not in the store", j.ArticleID))
	}
	if err != nil {
		return w.fail(ctx, j, err)
	}
	an, err := safeAnalyze(w.analyze, a)
	if err != nil {
		return w.fail(ctx, j, err)
	}
	switch err := w.q.Complete(ctx, j, an); {
	case errors.Is(err, store.ErrLeaseLost):
		w.lost.Add(1)
		return err
	case err != nil:
		return w.fail(ctx, j, err)
	}
	w.done.Add(1)
	return nil
}

func (w *Worker) fail(ctx context.Context, j store.Job, cause error) error {
	if err := ctx.Err(); err != nil {
		// Stopped (SIGTERM) in the middle of the job: it failed nothing,
		// and is left to its lease like the other jobs in hand.
		return err
	}
	w.failed.Add(1)
	if err := w.q.Fail(ctx, j, cause, w.opt.Backoff(j.Attempt)); err != nil {
		return err
	}
	return fmt.Errorf("job %d (article %s), attempt %d: %w", j.ID, j.ArticleID, j.Attempt, cause)
}

// safeAnalyze turns a panic of the analyzer into an error, so that one bad
// article dead-letters instead of killing the worker.
func safeAnalyze(f Analyze, a news.Article) (an news.Analysis, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("analyzer panicked on article %s: %v", a.ID, r)
		}
	}()
	return f(a)
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
