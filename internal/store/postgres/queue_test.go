package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
)

// seed stores n articles and returns their IDs; each gets an analysis job.
func seed(t *testing.T, s *DB, n int) []string {
	t.Helper()
	var arts []news.Article
	for i := range n {
		arts = append(arts, news.Article{ID: fmt.Sprintf("a%04d", i), Source: "الأفق", Body: fmt.Sprintf("خبر رقم %d", i),
			Published: time.Date(2026, 1, 1, 0, i, 0, 0, time.UTC)})
	}
	if _, err := s.PutArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, n)
	for i, a := range arts {
		ids[i] = a.ID
	}
	return ids
}

func counts(t *testing.T, s *DB) map[string]int {
	t.Helper()
	rep, err := s.Jobs(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	return rep.Counts
}

func TestEnqueuedWithArticles(t *testing.T) {
	s := openFresh(t)
	defer s.Close()
	ids := seed(t, s, 3)
	seed(t, s, 3) // the same articles again: no new jobs
	if c := counts(t, s); c[store.JobQueued] != 3 || len(c) != 1 {
		t.Fatalf("jobs after putting 3 articles twice: %v", c)
	}
	// An analysis stored directly closes the queued job.
	if err := s.PutAnalyses(context.Background(), []news.Analysis{{ID: ids[0], Analyzer: "v1"}}); err != nil {
		t.Fatal(err)
	}
	if c := counts(t, s); c[store.JobQueued] != 2 || c[store.JobDone] != 1 {
		t.Errorf("jobs after a direct analysis: %v", c)
	}
	if p, err := s.Pending(context.Background()); err != nil || !p {
		t.Errorf("Pending = %v, %v; want true", p, err)
	}
	if err := s.PutAnalyses(context.Background(), []news.Analysis{{ID: ids[1], Analyzer: "v1"}, {ID: ids[2], Analyzer: "v1"}}); err != nil {
		t.Fatal(err)
	}
	if p, err := s.Pending(context.Background()); err != nil || p {
		t.Errorf("Pending = %v, %v; want false once every job is done", p, err)
	}
}

// TestClaimExclusive: concurrent claimers get every job once.
func TestClaimExclusive(t *testing.T) {
	s := openFresh(t)
	defer s.Close()
	const n = 200
	seed(t, s, n)
	ctx := context.Background()
	var mu sync.Mutex
	seen := map[int64]string{}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := fmt.Sprintf("w%d", w)
			for {
				jobs, err := s.Claim(ctx, name, 3, time.Minute)
				if err != nil {
					errs <- err
					return
				}
				if len(jobs) == 0 {
					return
				}
				for _, j := range jobs {
					mu.Lock()
					if other, ok := seen[j.ID]; ok {
						errs <- fmt.Errorf("job %d claimed by %s and %s", j.ID, other, name)
					}
					seen[j.ID] = name
					mu.Unlock()
					if err := s.Complete(ctx, j, news.Analysis{ID: j.ArticleID, Analyzer: "v1"}); err != nil {
						errs <- err
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if len(seen) != n {
		t.Errorf("%d jobs claimed, want %d", len(seen), n)
	}
	rep, err := s.Jobs(ctx, 0)
	if err != nil || rep.Counts[store.JobDone] != n || rep.Analyses != n || rep.Rewritten != 0 {
		t.Errorf("after the run: %+v, %v", rep, err)
	}
}

// TestLeaseExpiry: a job whose worker went silent is claimed again after
// its lease, and the first claim can no longer complete it.
func TestLeaseExpiry(t *testing.T) {
	s := openFresh(t)
	defer s.Close()
	seed(t, s, 1)
	ctx := context.Background()
	first, err := s.Claim(ctx, "dead-worker", 1, 100*time.Millisecond)
	if err != nil || len(first) != 1 {
		t.Fatalf("first claim: %v, %v", first, err)
	}
	if again, _ := s.Claim(ctx, "other", 1, time.Minute); len(again) != 0 {
		t.Fatalf("a leased job was claimed again at once: %v", again)
	}
	time.Sleep(300 * time.Millisecond)
	rep, _ := s.Jobs(ctx, 0)
	if rep.Expired != 1 {
		t.Errorf("expired leases = %d, want 1", rep.Expired)
	}
	second, err := s.Claim(ctx, "other", 1, time.Minute)
	if err != nil || len(second) != 1 || second[0].ID != first[0].ID || second[0].Attempt != 2 {
		t.Fatalf("claim after the lease: %+v, %v", second, err)
	}
	if err := s.Complete(ctx, first[0], news.Analysis{ID: first[0].ArticleID, Analyzer: "late"}); !errors.Is(err, store.ErrLeaseLost) {
		t.Errorf("late completion: %v, want ErrLeaseLost", err)
	}
	if err := s.Fail(ctx, first[0], errors.New("late"), 0); !errors.Is(err, store.ErrLeaseLost) {
		t.Errorf("late failure: %v, want ErrLeaseLost", err)
	}
	if err := s.Complete(ctx, second[0], news.Analysis{ID: second[0].ArticleID, Analyzer: "v1"}); err != nil {
		t.Fatal(err)
	}
	an, err := s.Analysis(ctx, second[0].ArticleID)
	if err != nil || an.Analyzer != "v1" {
		t.Errorf("stored analysis %+v, %v; want the second claim's", an, err)
	}
}

// TestRetryAndDeadLetter: failures come back after their backoff and end
// dead with the last error.
func TestRetryAndDeadLetter(t *testing.T) {
	s := openFresh(t)
	defer s.Close()
	seed(t, s, 1)
	ctx := context.Background()
	for attempt := 1; attempt <= MaxAttempts; attempt++ {
		var jobs []store.Job
		for range 50 { // wait out the backoff
			var err error
			if jobs, err = s.Claim(ctx, "w", 1, time.Minute); err != nil {
				t.Fatal(err)
			}
			if len(jobs) > 0 {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		if len(jobs) != 1 || jobs[0].Attempt != attempt {
			t.Fatalf("attempt %d: claimed %+v", attempt, jobs)
		}
		if attempt == 1 {
			if err := s.Fail(ctx, jobs[0], errors.New("boom 1"), time.Hour); err != nil {
				t.Fatal(err)
			}
			if again, _ := s.Claim(ctx, "w", 1, time.Minute); len(again) != 0 {
				t.Fatal("a failed job came back before its backoff")
			}
			// Make it due now, for the test.
			if _, err := s.pool.Exec(ctx, `UPDATE jobs SET run_after = now()`); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := s.Fail(ctx, jobs[0], fmt.Errorf("boom %d", attempt), 10*time.Millisecond); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := s.Jobs(ctx, 5)
	if err != nil || rep.Counts[store.JobDead] != 1 || len(rep.Dead) != 1 || rep.Dead[0].Error != fmt.Sprintf("boom %d", MaxAttempts) {
		t.Fatalf("after %d failures: %+v, %v", MaxAttempts, rep, err)
	}
	time.Sleep(50 * time.Millisecond)
	if jobs, _ := s.Claim(ctx, "w", 1, time.Minute); len(jobs) != 0 {
		t.Errorf("a dead job was claimed: %+v", jobs)
	}
}

// TestLeaseEndsOnLastAttempt: a job whose worker dies on its last attempt
// is dead-lettered, not retried for ever.
func TestLeaseEndsOnLastAttempt(t *testing.T) {
	s := openFresh(t)
	defer s.Close()
	seed(t, s, 1)
	ctx := context.Background()
	for range MaxAttempts {
		jobs, err := s.Claim(ctx, "crashy", 1, 10*time.Millisecond)
		if err != nil || len(jobs) != 1 {
			t.Fatalf("claim: %v, %v", jobs, err)
		}
		time.Sleep(40 * time.Millisecond)
	}
	if jobs, _ := s.Claim(ctx, "w", 1, time.Minute); len(jobs) != 0 {
		t.Fatalf("claimed after %d expired leases: %+v", MaxAttempts, jobs)
	}
	rep, _ := s.Jobs(ctx, 5)
	if rep.Counts[store.JobDead] != 1 || len(rep.Dead) != 1 {
		t.Errorf("report %+v", rep)
	}
}

func TestTryExclusive(t *testing.T) {
	s := openFresh(t)
	defer s.Close()
	ctx := context.Background()
	inside := make(chan struct{})
	release := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		_, err := s.TryExclusive(ctx, "step", func(context.Context) error {
			close(inside)
			<-release
			return nil
		})
		done <- err
	}()
	<-inside
	ran, err := s.TryExclusive(ctx, "step", func(context.Context) error { return nil })
	if err != nil || ran {
		t.Errorf("second holder ran=%v, %v; want skipped", ran, err)
	}
	ran, err = s.TryExclusive(ctx, "other step", func(context.Context) error { return nil })
	if err != nil || !ran {
		t.Errorf("another name: ran=%v, %v", ran, err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	want := errors.New("step failed")
	ran, err = s.TryExclusive(ctx, "step", func(context.Context) error { return want })
	if !ran || !errors.Is(err, want) {
		t.Errorf("after release: ran=%v, %v", ran, err)
	}
}

// FuzzLexemes checks that any index term, quoted by quoteLexeme, is read
// back by PostgreSQL as one lexeme in a tsvector and in a phrase tsquery
// that matches it.
func FuzzLexemes(f *testing.F) {
	for _, seed := range []string{"مياه", "it's", `a\b`, "'", `\`, "a b", "x:1A", "!&|<->()", "covid-19"} {
		f.Add(seed)
	}
	dsn := testDSN(f)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		f.Fatal(err)
	}
	defer conn.Close(ctx)
	f.Fuzz(func(t *testing.T, term string) {
		if term == "" || !utf8.ValidString(term) || strings.ContainsRune(term, 0) || len(term) > maxLexeme {
			return
		}
		var n int
		var match bool
		q := tsquery([][]string{{term, term}})
		err := conn.QueryRow(ctx, `SELECT length($1::tsvector), $1::tsvector @@ $2::tsquery`, tsvector(nil, []string{term, term}), q).Scan(&n, &match)
		if err != nil || n != 1 || !match {
			t.Errorf("term %q: %d lexemes, match %v, %v", term, n, match, err)
		}
	})
}

// TestJobsSnapshot: while workers complete jobs, every report of Jobs
// counts as many jobs done as analyses stored, since each analysis is
// stored with its job's completion (the counts are read in one snapshot).
func TestJobsSnapshot(t *testing.T) {
	s := openFresh(t)
	defer s.Close()
	const n = 1500
	seed(t, s, n)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				jobs, err := s.Claim(ctx, fmt.Sprint("w", w), 4, time.Minute)
				if err != nil || len(jobs) == 0 {
					return
				}
				for _, j := range jobs {
					if err := s.Complete(ctx, j, news.Analysis{ID: j.ArticleID, Analyzer: "v1"}); err != nil {
						return
					}
				}
			}
		}()
	}
	stopped := make(chan struct{})
	go func() { wg.Wait(); close(stopped) }()
	for reports := 0; ; reports++ {
		// Read whether the workers had all stopped before the report, so
		// that a report read after they stopped is their last word.
		var last bool
		select {
		case <-stopped:
			last = true
		default:
		}
		rep, err := s.Jobs(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Counts[store.JobDone] != rep.Analyses {
			t.Fatalf("report %d: %d jobs done, %d analyses stored", reports, rep.Counts[store.JobDone], rep.Analyses)
		}
		if rep.Counts[store.JobDone] == n {
			break
		}
		if last { // a worker failed and left its jobs claimed: fail, not wait for the test's timeout
			t.Fatalf("the workers stopped with %d of %d jobs done: %v", rep.Counts[store.JobDone], n, rep.Counts)
		}
	}
	cancel()
	<-stopped
}
