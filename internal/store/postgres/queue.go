package postgres

import (
	"context"
	"fmt"
	"hash/fnv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
)

// MaxAttempts is how many times a job is claimed before it is
// dead-lettered.
const MaxAttempts = 5

// maxErrorLen bounds the error text kept with a job.
const maxErrorLen = 2000

// Claim takes up to n due jobs for worker under a lease: queued jobs whose
// backoff has passed and running jobs whose lease has ended (their worker
// died), oldest first. Rows are locked with FOR UPDATE SKIP LOCKED, so
// concurrent claimers never take the same job. A job whose lease ended on
// its last attempt is dead-lettered instead.
func (s *DB) Claim(ctx context.Context, worker string, n int, lease time.Duration) ([]store.Job, error) {
	if n <= 0 {
		return nil, nil
	}
	var jobs []store.Job
	err := s.tx(ctx, func(tx pgx.Tx) error {
		jobs = jobs[:0]
		if _, err := tx.Exec(ctx, asyncCommit); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE jobs SET state = 'dead', updated = now(),
			last_error = 'lease ended ' || attempts || ' times (worker killed or stuck): ' || last_error
			WHERE state = 'running' AND lease_until < now() AND attempts >= $1`, MaxAttempts); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `UPDATE jobs j SET state = 'running', attempts = j.attempts + 1, worker = $1,
			lease_until = now() + $2 * interval '1 millisecond', updated = now()
			FROM (SELECT id FROM jobs
				WHERE (state = 'queued' AND run_after <= now()) OR (state = 'running' AND lease_until < now())
				ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED) c
			WHERE j.id = c.id
			RETURNING j.id, j.kind, j.article_id, j.attempts, j.worker`, worker, lease.Milliseconds(), n)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var j store.Job
			if err := rows.Scan(&j.ID, &j.Kind, &j.ArticleID, &j.Attempt, &j.Worker); err != nil {
				return err
			}
			jobs = append(jobs, j)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: claim jobs: %w", err)
	}
	return jobs, nil
}

// asyncCommit makes the queue's own transactions (claim, complete, fail)
// commit without waiting for the WAL flush. A server crash may then forget
// the last few of them, which only means those jobs run again: a forgotten
// claim leaves the job due, a forgotten completion leaves it leased (and
// its analysis unstored, in the same transaction), and a late completion is
// refused by the fence. Nothing is lost or recorded twice; articles, their
// jobs and stories are written with synchronous commits.
const asyncCommit = `SET LOCAL synchronous_commit TO off`

// fence is the condition that a job is still held by the claim j.
const fence = `id = $1 AND state = 'running' AND worker = $2 AND attempts = $3`

// Complete stores the analysis of a claimed job and marks it done in one
// transaction, or fails with store.ErrLeaseLost and stores nothing.
func (s *DB) Complete(ctx context.Context, j store.Job, an news.Analysis) error {
	data, err := encodeAnalyses([]news.Analysis{an})
	if err != nil {
		return fmt.Errorf("postgres: complete job %d: %w", j.ID, err)
	}
	err = s.tx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, asyncCommit); err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `UPDATE jobs SET state = 'done', lease_until = NULL, updated = now(), last_error = '' WHERE `+fence,
			j.ID, j.Worker, j.Attempt)
		if err != nil {
			return err
		}
		if tag.RowsAffected() != 1 {
			return store.ErrLeaseLost
		}
		b := &pgx.Batch{}
		queueAnalysis(b, an, data[0])
		return tx.SendBatch(ctx, b).Close()
	})
	if err != nil {
		return fmt.Errorf("postgres: complete job %d (%s): %w", j.ID, j.ArticleID, err)
	}
	return nil
}

// Fail records a failed attempt: the job is queued again after backoff, or
// dead-lettered when it has had MaxAttempts.
func (s *DB) Fail(ctx context.Context, j store.Job, cause error, backoff time.Duration) error {
	msg := "failed"
	if cause != nil {
		msg = cause.Error()
	}
	if len(msg) > maxErrorLen {
		msg = msg[:maxErrorLen]
	}
	err := s.tx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, asyncCommit); err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `UPDATE jobs SET
			state = CASE WHEN attempts >= $4 THEN 'dead' ELSE 'queued' END,
			run_after = now() + $5 * interval '1 millisecond', lease_until = NULL,
			last_error = $6, updated = now()
			WHERE `+fence, j.ID, j.Worker, j.Attempt, MaxAttempts, backoff.Milliseconds(), msg)
		if err != nil {
			return err
		}
		if tag.RowsAffected() != 1 {
			return store.ErrLeaseLost
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("postgres: fail job %d (%s): %w", j.ID, j.ArticleID, err)
	}
	return nil
}

// Jobs reports the counts by state and up to deadLimit dead-lettered jobs,
// newest first.
func (s *DB) Jobs(ctx context.Context, deadLimit int) (store.JobReport, error) {
	var rep store.JobReport
	// One snapshot: read apart, the jobs done and the analyses stored
	// disagreed while workers ran (7,761 done against 7,831 analyses),
	// though each analysis is stored with its job's completion.
	err := s.snapshot(ctx, func(db querier) error {
		rep = store.JobReport{Counts: map[string]int{}}
		rows, err := db.Query(ctx, `SELECT state, count(*), count(*) FILTER (WHERE state = 'running' AND lease_until < now()) FROM jobs GROUP BY state`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var state string
			var n, expired int
			if err := rows.Scan(&state, &n, &expired); err != nil {
				return err
			}
			rep.Counts[state] = n
			rep.Expired += expired
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if err := db.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE writes > 1) FROM analyses`).Scan(&rep.Analyses, &rep.Rewritten); err != nil {
			return err
		}
		if deadLimit <= 0 {
			return nil
		}
		rows, err = db.Query(ctx, `SELECT id, kind, article_id, attempts, worker, last_error, updated FROM jobs
			WHERE state = 'dead' ORDER BY updated DESC, id LIMIT $1`, deadLimit)
		if err != nil {
			return err
		}
		defer rows.Close()
		rep.Dead = rep.Dead[:0]
		for rows.Next() {
			var d store.DeadJob
			if err := rows.Scan(&d.ID, &d.Kind, &d.ArticleID, &d.Attempt, &d.Worker, &d.Error, &d.Updated); err != nil {
				return err
			}
			rep.Dead = append(rep.Dead, d)
		}
		return rows.Err()
	})
	if err != nil {
		return rep, fmt.Errorf("postgres: jobs: %w", err)
	}
	return rep, nil
}

// Pending reports whether any job is queued or running.
func (s *DB) Pending(ctx context.Context) (bool, error) {
	var pending bool
	err := s.query(ctx, func(db querier) error {
		return db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM jobs WHERE state IN ('queued', 'running'))`).Scan(&pending)
	})
	if err != nil {
		return false, fmt.Errorf("postgres: pending jobs: %w", err)
	}
	return pending, nil
}

// TryExclusive runs f under the session advisory lock of name when no
// other session holds it, and reports whether it ran. The lock lives on
// one connection held for the whole of f; if that connection is lost the
// lock is gone, so f must be safe to run again (the clustering step is:
// it only adds the articles in no story yet).
func (s *DB) TryExclusive(ctx context.Context, name string, f func(context.Context) error) (bool, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return false, fmt.Errorf("postgres: lock %s: %w", name, err)
	}
	defer conn.Release()
	key := namedLock(name)
	var got bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, key).Scan(&got); err != nil {
		return false, fmt.Errorf("postgres: lock %s: %w", name, err)
	}
	if !got {
		return false, nil
	}
	defer func() {
		if _, err := conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, key); err != nil {
			conn.Conn().Close(context.Background()) // closing the session releases the lock
		}
	}()
	return true, f(ctx)
}

// namedLock is the advisory lock key of a name.
func namedLock(name string) int64 {
	h := fnv.New64a()
	h.Write([]byte("rasid lock\x00" + name))
	return lockNamed ^ int64(h.Sum64()>>16)
}
