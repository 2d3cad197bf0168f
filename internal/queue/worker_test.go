package queue

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/store/postgres"
	"github.com/rasid-news/rasid/internal/store/sqlite"
)

// openPG opens a PostgreSQL store in a schema of its own, or skips when
// RASID_TEST_POSTGRES is unset (deploy/pg-test.sh starts a server).
func openPG(t *testing.T) *postgres.DB {
	t.Helper()
	dsn := os.Getenv("RASID_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("RASID_TEST_POSTGRES is not set: no PostgreSQL to test against (start one with deploy/pg-test.sh)")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("q_%d_%d", os.Getpid(), time.Now().UnixNano()%1e12)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if c, err := pgx.Connect(ctx, dsn); err == nil {
			c.Exec(ctx, `DROP SCHEMA `+name+` CASCADE`)
			c.Close(ctx)
		}
	})
	u, _ := url.Parse(dsn)
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	s, err := postgres.Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func seed(t *testing.T, s store.Store, n int) {
	t.Helper()
	var arts []news.Article
	for i := range n {
		arts = append(arts, news.Article{ID: fmt.Sprintf("a%04d", i), Body: fmt.Sprintf("خبر %d", i)})
	}
	if _, err := s.PutArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
}

func fastOptions() Options {
	return Options{Poll: 10 * time.Millisecond, Backoff: func(int) time.Duration { return time.Millisecond }, ExitWhenDrained: true}
}

func TestWorkersDrainQueue(t *testing.T) {
	s := openPG(t)
	const n = 60
	seed(t, s, n)
	var calls, drained atomic.Int64
	analyze := func(a news.Article) (news.Analysis, error) {
		calls.Add(1)
		return news.Analysis{ID: a.ID, Analyzer: "test"}, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	errs := make(chan error, 3)
	var workers []*Worker
	for i := range 3 { // three "processes", two goroutines each
		opt := fastOptions()
		opt.Name, opt.Concurrency = fmt.Sprintf("p%d", i), 2
		opt.Drained = func(context.Context) error { drained.Add(1); return nil }
		w, err := New(s, analyze, opt)
		if err != nil {
			t.Fatal(err)
		}
		workers = append(workers, w)
		go func() { errs <- w.Run(ctx) }()
	}
	for range workers {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	var done int64
	for _, w := range workers {
		done += w.Stats().Done
	}
	rep, err := s.Jobs(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if done != n || calls.Load() != n || rep.Counts[store.JobDone] != n || rep.Analyses != n || rep.Rewritten != 0 {
		t.Errorf("done %d, analyzer calls %d, report %+v; want every one of %d once", done, calls.Load(), rep, n)
	}
	if drained.Load() < 1 {
		t.Error("the drained step never ran")
	}
}

func TestFailuresDeadLetter(t *testing.T) {
	s := openPG(t)
	seed(t, s, 3)
	analyze := func(a news.Article) (news.Analysis, error) {
		switch a.ID {
		case "a0000":
			return news.Analysis{}, errors.New("cannot analyze a0000")
		case "a0001":
			panic("analyzer bug")
		}
		return news.Analysis{ID: a.ID, Analyzer: "test"}, nil
	}
	var log strings.Builder
	opt := fastOptions()
	opt.Log = &log
	w, err := New(s, analyze, opt)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := w.Run(ctx); err != nil {
		t.Fatal(err)
	}
	rep, err := s.Jobs(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Counts[store.JobDone] != 1 || rep.Counts[store.JobDead] != 2 || len(rep.Dead) != 2 {
		t.Fatalf("report %+v", rep)
	}
	for _, d := range rep.Dead {
		if d.Attempt != postgres.MaxAttempts || !strings.Contains(d.Error, "a000") {
			t.Errorf("dead job %+v", d)
		}
	}
	if st := w.Stats(); st.Failed != 2*postgres.MaxAttempts {
		t.Errorf("failed attempts %d, want %d", st.Failed, 2*postgres.MaxAttempts)
	}
	if !strings.Contains(log.String(), "panicked") {
		t.Errorf("log does not report the panic:\n%s", log.String())
	}
}

func TestNeedsQueue(t *testing.T) {
	s, err := sqlite.Open(context.Background(), t.TempDir()+"/x.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := New(s, nil, Options{}); err == nil {
		t.Error("a worker on a store without a queue was accepted")
	}
}

func TestDefaultBackoff(t *testing.T) {
	tests := []struct {
		attempt int
		want    time.Duration
	}{{1, 2 * time.Second}, {2, 4 * time.Second}, {5, 32 * time.Second}, {20, 5 * time.Minute}}
	for _, tt := range tests {
		if got := DefaultBackoff(tt.attempt); got != tt.want {
			t.Errorf("DefaultBackoff(%d) = %v, want %v", tt.attempt, got, tt.want)
		}
	}
}

// TestStopMidJob: a worker stopped while it analyzes a job (SIGTERM)
// counts no failed attempt and records none; the job is left to its lease.
func TestStopMidJob(t *testing.T) {
	s := openPG(t)
	seed(t, s, 3)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	analyze := func(a news.Article) (news.Analysis, error) {
		cancel() // the signal arrives while the article is analyzed
		return news.Analysis{ID: a.ID, Analyzer: "test"}, nil
	}
	opt := fastOptions()
	opt.ExitWhenDrained, opt.Lease = false, time.Minute
	w, err := New(s, analyze, opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Run(ctx); err != nil {
		t.Fatal(err)
	}
	if st := w.Stats(); st.Failed != 0 || st.Done != 0 {
		t.Errorf("stats after a stop mid-job: %+v, want nothing done or failed", st)
	}
	rep, err := s.Jobs(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Counts[store.JobDone] != 0 || rep.Counts[store.JobDead] != 0 || rep.Counts[store.JobRunning] == 0 {
		t.Errorf("jobs after a stop mid-job: %+v, want the claimed ones running under their lease", rep.Counts)
	}
}
