package store

import (
	"context"
	"errors"
	"time"

	"github.com/rasid-news/rasid/internal/news"
)

// Queue is the durable work queue a server store keeps beside its archive
// (store/postgres implements it; the embedded store does not). PutArticles
// enqueues one analysis job per article it stores, in the same transaction,
// so that no stored article is ever without its job. Workers on any number
// of machines claim jobs under a lease: a job whose worker dies becomes
// claimable again when its lease ends. Callers find it with a type
// assertion: q, ok := st.(store.Queue).
type Queue interface {
	// Claim takes up to n jobs that are due, for worker, leased for lease;
	// no other claimer gets them until the lease ends.
	Claim(ctx context.Context, worker string, n int, lease time.Duration) ([]Job, error)
	// Complete stores the analysis of a claimed job and marks the job done,
	// in one transaction. It fails with ErrLeaseLost (and stores nothing)
	// when the job is no longer held by this claim, so an analysis is
	// recorded once per job even when a slow worker's lease ran out.
	Complete(ctx context.Context, j Job, an news.Analysis) error
	// Fail records a failed attempt: the job is due again after backoff, or
	// dead-lettered with the error once it has had its attempts.
	Fail(ctx context.Context, j Job, cause error, backoff time.Duration) error
	// Jobs reports the queue: counts by state and the dead-lettered jobs.
	Jobs(ctx context.Context, deadLimit int) (JobReport, error)
	// Pending reports whether any job is queued or running (a cheap check
	// for idle workers).
	Pending(ctx context.Context) (bool, error)
	// TryExclusive runs f when no other process is running an exclusive
	// step of that name, and reports whether it ran (a PostgreSQL advisory
	// lock: story clustering runs as a single writer this way).
	TryExclusive(ctx context.Context, name string, f func(context.Context) error) (bool, error)
}

// ErrLeaseLost is returned (wrapped) by Queue.Complete and Queue.Fail when
// the job's lease ended and it was claimed again or finished by another.
var ErrLeaseLost = errors.New("job lease lost")

// Job is one claimed unit of work: analyze one article.
type Job struct {
	ID        int64  `json:"id"`
	Kind      string `json:"kind"` // "analyze"
	ArticleID string `json:"article_id"`
	// Attempt counts the claims of this job, this one included; together
	// with Worker it fences a claim against a later one.
	Attempt int    `json:"attempt"`
	Worker  string `json:"worker"`
}

// The states of a job.
const (
	JobQueued  = "queued"  // due (now or after a backoff)
	JobRunning = "running" // claimed, under lease
	JobDone    = "done"
	JobDead    = "dead" // dead-lettered after its attempts
)

// JobReport is the state of a queue.
type JobReport struct {
	Counts map[string]int `json:"counts"` // by state
	// Expired counts running jobs whose lease has ended (their worker is
	// gone; the next claim takes them).
	Expired int `json:"expired_leases"`
	// Analyses counts the stored analyses; Rewritten those stored more
	// than once (a reanalysis, or a job done twice: exactly-once checks).
	Analyses  int       `json:"analyses"`
	Rewritten int       `json:"analyses_rewritten"`
	Dead      []DeadJob `json:"dead,omitempty"`
}

// DeadJob is a dead-lettered job with its last error.
type DeadJob struct {
	Job
	Error   string    `json:"error"`
	Updated time.Time `json:"updated"`
}
