package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/search"
)

// termsKey is the rasid_meta key recording which index terms the articles'
// tsv vectors hold (search.TermsFingerprint).
const termsKey = "index_terms"

// reindexChunk is how many articles one reindexing transaction rewrites.
const reindexChunk = 1000

// syncIndex rewrites every article's tsv vector when they were made with
// other index terms than this build's (or force is set), then records this
// build's fingerprint. It runs on conn while conn holds the migration lock,
// so processes opening the store at once rebuild once. Each chunk of
// articles is its own transaction and the fingerprint is written last: an
// interrupted rebuild is done again, whole, by the next Open. A new, empty
// store only records the fingerprint.
func syncIndex(ctx context.Context, conn *pgx.Conn, force bool) error {
	want := search.TermsFingerprint()
	var have string
	err := conn.QueryRow(ctx, `SELECT value FROM rasid_meta WHERE key = $1`, termsKey).Scan(&have)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("read %s: %w", termsKey, err)
	}
	if have == want && !force {
		return nil
	}
	for last := int64(0); ; {
		seqs, arts, err := articleChunk(ctx, conn, last, reindexChunk)
		if err != nil {
			return fmt.Errorf("rebuild the full-text vectors: %w", err)
		}
		if len(arts) == 0 {
			break
		}
		vecs := vectors(arts)
		err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			b := &pgx.Batch{}
			for i, seq := range seqs {
				b.Queue(`UPDATE articles SET tsv = $1::tsvector WHERE seq = $2`, vecs[i], seq)
			}
			return tx.SendBatch(ctx, b).Close()
		})
		if err != nil {
			return fmt.Errorf("rebuild the full-text vectors: %w", err)
		}
		last = seqs[len(seqs)-1]
	}
	_, err = conn.Exec(ctx, `INSERT INTO rasid_meta (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, termsKey, want)
	return err
}

// articleChunk reads the titles and bodies of up to n article versions
// after seq, in seq order.
func articleChunk(ctx context.Context, conn *pgx.Conn, after int64, n int) ([]int64, []news.Article, error) {
	rows, err := conn.Query(ctx, `SELECT seq, title, body FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2`, after, n)
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

// Reindex rewrites every article's full-text vector with this build's
// index terms. Open does it by itself when the terms changed (a new
// stemmer); Reindex is for doing it on purpose. It holds the migration
// lock, so stores being opened meanwhile wait for it.
func (s *DB) Reindex(ctx context.Context) error {
	if err := s.withMigrateLock(ctx, func(conn *pgx.Conn) error { return syncIndex(ctx, conn, true) }); err != nil {
		return fmt.Errorf("postgres: reindex: %w", err)
	}
	return nil
}
