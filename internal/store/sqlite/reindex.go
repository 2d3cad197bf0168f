package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/search"
)

// termsKey is the meta key under which the store records which index
// terms its full-text index holds.
const termsKey = "index_terms"

// syncIndex rebuilds the full-text index when it was built with other
// index terms than this build's (or force is set), recording the terms'
// fingerprint. A new, empty store only records it.
func (s *DB) syncIndex(ctx context.Context, force bool) error {
	want := search.TermsFingerprint()
	if !force {
		have, err := s.meta(ctx, s.db, termsKey)
		if err != nil || have == want {
			return err
		}
	}
	return s.tx(ctx, func(tx sqlTx) error {
		// Checked again under the write lock: another process may have
		// rebuilt the index meanwhile.
		have, err := s.meta(ctx, tx, termsKey)
		if err != nil {
			return err
		}
		if !force && have == want {
			return nil
		}
		var one int
		err = tx.QueryRowContext(ctx, `SELECT 1 FROM articles LIMIT 1`).Scan(&one)
		switch {
		case errors.Is(err, sql.ErrNoRows): // empty: nothing to rebuild
		case err != nil:
			return err
		default:
			if err := rebuildIndex(ctx, tx); err != nil {
				return fmt.Errorf("rebuild the full-text index: %w", err)
			}
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, termsKey, want)
		return err
	})
}

// Reindex rebuilds the full-text index from the stored articles with this
// build's analyzer. Open does it by itself when the analyzer's terms
// changed; Reindex is for doing it on purpose. It holds the write lock
// while it runs (about as long as storing the articles took).
func (s *DB) Reindex(ctx context.Context) error {
	if err := s.syncIndex(ctx, true); err != nil {
		return fmt.Errorf("sqlite: reindex: %w", err)
	}
	return nil
}

// rebuildIndex drops the full-text index and indexes every article version
// again, a chunk at a time, terms computed on all cores.
func rebuildIndex(ctx context.Context, tx sqlTx) error {
	if _, err := tx.ExecContext(ctx, `DROP TABLE articles_fts; CREATE VIRTUAL TABLE articles_fts USING fts5 `+ftsColumns); err != nil {
		return err
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO articles_fts (rowid, title, body) VALUES (?,?,?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	const chunk = 1000
	for last := int64(0); ; {
		seqs, arts, err := articleChunk(ctx, tx, last, chunk)
		if err != nil || len(arts) == 0 {
			return err
		}
		for i, t := range indexTerms(arts, nil) {
			if _, err := ins.ExecContext(ctx, seqs[i], t.title, t.body); err != nil {
				return err
			}
		}
		last = seqs[len(seqs)-1]
	}
}

// articleChunk reads the titles and bodies of up to n articles after seq.
func articleChunk(ctx context.Context, tx sqlTx, after int64, n int) ([]int64, []news.Article, error) {
	rows, err := tx.QueryContext(ctx, `SELECT seq, title, body FROM articles WHERE seq > ? ORDER BY seq LIMIT ?`, after, n)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var seqs []int64
	var arts []news.Article
	for rows.Next() {
		var seq int64
		var a news.Article
		if err := rows.Scan(&seq, &a.Title, &a.Body); err != nil {
			return nil, nil, err
		}
		seqs = append(seqs, seq)
		arts = append(arts, a)
	}
	return seqs, arts, rows.Err()
}

// meta reads a meta value ("" when unset).
func (s *DB) meta(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, key string) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read %s: %w", key, err)
	}
	return v, nil
}
