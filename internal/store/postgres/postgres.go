// Package postgres is rasid's server store: the store.Store interface on
// PostgreSQL through pgx (pgxpool), for archives shared by many processes on
// many machines. Its schema migrations are embedded, versioned and applied
// on Open under an advisory lock, so that processes starting at once are
// safe. Full-text search runs on a tsvector of rasid's own index terms
// (search.IndexTerms, built in Go, so PostgreSQL does not stem again) with a
// GIN index. Every statement has a timeout; transactions that fail on a
// serialization failure, a deadlock or a lost connection are retried.
//
// It also keeps the work queue (store.Queue): PutArticles enqueues an
// analysis job per stored article in the same transaction, and workers
// claim jobs with FOR UPDATE SKIP LOCKED under a lease.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store"
)

// DB is a store.Store and a store.Queue on a PostgreSQL database. It is
// safe for concurrent use.
type DB struct {
	pool *pgxpool.Pool
}

var (
	_ store.Store    = (*DB)(nil)
	_ store.Queue    = (*DB)(nil)
	_ store.Preparer = (*DB)(nil)
)

// Defaults applied when the DSN does not set them.
const (
	// StatementTimeout bounds every statement.
	StatementTimeout = 60 * time.Second
	// idleTxTimeout ends sessions that hold a transaction open and idle.
	idleTxTimeout = 5 * time.Minute
	// retryFor is how long a transaction is retried on retryable errors
	// (long enough to ride out a server restart).
	retryFor = 60 * time.Second
)

// Open connects to the database named by dsn (a postgres:// URL; pgx's
// parameters such as pool_max_conns and any PostgreSQL run-time parameter,
// e.g. statement_timeout or search_path, may be given in it) and brings its
// schema up to date.
func Open(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err) // pgx's message does not repeat the password
	}
	rp := cfg.ConnConfig.RuntimeParams
	if _, ok := rp["statement_timeout"]; !ok {
		rp["statement_timeout"] = strconv.FormatInt(StatementTimeout.Milliseconds(), 10)
	}
	if _, ok := rp["idle_in_transaction_session_timeout"]; !ok {
		rp["idle_in_transaction_session_timeout"] = strconv.FormatInt(idleTxTimeout.Milliseconds(), 10)
	}
	if _, ok := rp["application_name"]; !ok {
		rp["application_name"] = "rasid"
	}
	if !strings.Contains(dsn, "pool_max_conns") {
		cfg.MaxConns = int32(max(4, 2*runtime.GOMAXPROCS(0)))
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	s := &DB{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return s, nil
}

// Close closes the pool.
func (s *DB) Close() error {
	s.pool.Close()
	return nil
}

// Pool returns the connection pool, for tests and tools.
func (s *DB) Pool() *pgxpool.Pool { return s.pool }

// retryable reports whether a transaction that failed with err may be run
// again: serialization failures, deadlocks, and connections lost or
// refused (a server restarting).
func retryable(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "40001", pe.Code == "40P01": // serialization failure, deadlock
			return true
		case strings.HasPrefix(pe.Code, "08"), pe.Code == "57P01", pe.Code == "57P02", pe.Code == "57P03": // connection, shutdown, cannot connect now
			return true
		}
		return false
	}
	if pgconn.SafeToRetry(err) || pgconn.Timeout(err) {
		return true
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return true
	}
	// A connection closed under a statement (server restart) surfaces as
	// an I/O error from the driver.
	msg := err.Error()
	return strings.Contains(msg, "unexpected EOF") || strings.Contains(msg, "connection reset") ||
		strings.Contains(msg, "broken pipe") || strings.Contains(msg, "conn closed") || strings.Contains(msg, "connection refused")
}

// tx runs f in a transaction, committing when it returns nil, and runs it
// again (with backoff) when it fails on a retryable error. f must be
// idempotent: it may run more than once.
func (s *DB) tx(ctx context.Context, f func(pgx.Tx) error) error {
	deadline := time.Now().Add(retryFor)
	wait := 10 * time.Millisecond
	for {
		err := pgx.BeginFunc(ctx, s.pool, f)
		if err == nil || !retryable(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
		wait = min(2*wait, time.Second)
	}
}

// query runs a read with the same retries as tx.
func (s *DB) query(ctx context.Context, f func(q querier) error) error {
	deadline := time.Now().Add(retryFor)
	wait := 10 * time.Millisecond
	for {
		err := f(s.pool)
		if err == nil || !retryable(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
		wait = min(2*wait, time.Second)
	}
}

// snapshot runs a read of several statements in one read-only REPEATABLE
// READ transaction, so that they all see the same committed state, with
// the same retries as query.
func (s *DB) snapshot(ctx context.Context, f func(q querier) error) error {
	return s.query(ctx, func(querier) error {
		return pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly},
			func(tx pgx.Tx) error { return f(tx) })
	})
}

// querier is what reads run on: the pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// undated is the sort key of articles of unknown date: they list last.
const undated = store.UndatedSortKey

func sortKey(t time.Time) int64 {
	if t.IsZero() {
		return undated
	}
	return t.Unix()
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// Limits of PostgreSQL's tsvector.
const (
	maxPos       = 16383 // larger positions are clamped
	maxPositions = 255   // positions kept per lexeme
	maxLexeme    = 2046  // bytes
)

// tsvector writes the tsvector of an article's index terms: title terms
// at positions 1… with weight A, body terms after a gap (so that no phrase
// spans title and body) with the default weight D.
func tsvector(title, body []string) string {
	type lex struct {
		pos  []string
		n    int
		last int // the last position added
	}
	byTerm := map[string]*lex{}
	var order []string
	add := func(t string, p int, w string) {
		if t == "" || len(t) > maxLexeme {
			return
		}
		p = min(p, maxPos)
		l := byTerm[t]
		if l == nil {
			l = &lex{}
			byTerm[t] = l
			order = append(order, t)
		}
		if l.n >= maxPositions || l.last == p {
			return
		}
		l.pos = append(l.pos, strconv.Itoa(p)+w)
		l.n++
		l.last = p
	}
	for i, t := range title {
		add(t, i+1, "A")
	}
	for i, t := range body {
		add(t, len(title)+2+i, "")
	}
	slices.Sort(order)
	var b strings.Builder
	for i, t := range order {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(quoteLexeme(t))
		b.WriteByte(':')
		b.WriteString(strings.Join(byTerm[t].pos, ","))
	}
	return b.String()
}

// quoteLexeme quotes a term for tsvector and tsquery input.
func quoteLexeme(t string) string {
	t = strings.ReplaceAll(t, `\`, `\\`)
	return "'" + strings.ReplaceAll(t, "'", "''") + "'"
}

func articleVector(a news.Article) string {
	return tsvector(search.IndexTerms(a.Title), search.IndexTerms(a.Body))
}

// vectors computes the vectors of articles on all cores.
func vectors(arts []news.Article) []string {
	out := make([]string, len(arts))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(arts)/8))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(arts); i += workers {
				out[i] = articleVector(arts[i])
			}
		}()
	}
	wg.Wait()
	return out
}

// urlKey is the advisory lock key of a URL: writers of the same URL take
// turns, so that exactly one version stays current.
func urlKey(url string) int64 {
	h := fnv.New64a()
	h.Write([]byte("rasid url\x00" + url))
	return int64(h.Sum64())
}

const putArticle = `WITH ins AS (
	INSERT INTO articles (id, url, source, title, author, place, published, sort_key,
		date_origin, date_confidence, ingested, body, lang, tsv)
	VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14::tsvector)
	ON CONFLICT (id) DO NOTHING RETURNING id
), sup AS (
	UPDATE articles SET superseded = true
	WHERE $2 <> '' AND url = $2 AND NOT superseded AND id <> $1 AND EXISTS (SELECT 1 FROM ins)
	RETURNING 1
), job AS (
	INSERT INTO jobs (kind, article_id) SELECT 'analyze', id FROM ins
	ON CONFLICT (kind, article_id) DO NOTHING
)
SELECT (SELECT count(*) FROM ins), (SELECT count(*) FROM sup)`

// PutArticles stores a batch in one transaction and enqueues an analysis
// job for every article it stores.
func (s *DB) PutArticles(ctx context.Context, arts []news.Article) ([]store.Outcome, error) {
	p, err := s.PrepareArticles(ctx, arts)
	if err != nil {
		return nil, err
	}
	return s.PutPrepared(ctx, p)
}

// prepared is a batch made ready by PrepareArticles.
type prepared struct {
	db   *DB
	arts []news.Article
	vecs []string // tsvector literals
}

func (p *prepared) Articles() []news.Article { return p.arts }

// PrepareArticles computes the full-text vectors of a batch, on all cores
// and outside any transaction (see store.Preparer).
func (s *DB) PrepareArticles(ctx context.Context, arts []news.Article) (store.Prepared, error) {
	for i, a := range arts {
		if a.ID == "" {
			return nil, fmt.Errorf("postgres: put articles: article %d has no id", i+1)
		}
	}
	return &prepared{db: s, arts: arts, vecs: vectors(arts)}, nil
}

// PutPrepared stores a batch made ready by PrepareArticles in one
// transaction, as PutArticles does.
func (s *DB) PutPrepared(ctx context.Context, pp store.Prepared) ([]store.Outcome, error) {
	p, ok := pp.(*prepared)
	if !ok || p.db != s {
		return nil, errors.New("postgres: put articles: the batch was prepared by another store")
	}
	arts, vecs := p.arts, p.vecs
	if len(arts) == 0 {
		return nil, nil
	}
	var keys []int64
	for _, a := range arts {
		if a.URL != "" {
			keys = append(keys, urlKey(a.URL))
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	now := time.Now().UTC()
	out := make([]store.Outcome, len(arts))
	err := s.tx(ctx, func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		if len(keys) > 0 {
			// In key order, so that concurrent batches do not deadlock.
			b.Queue(`SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT unnest($1::bigint[]) AS k ORDER BY 1) x`, keys)
		}
		for i, a := range arts {
			ingested := a.Ingested
			if ingested.IsZero() {
				ingested = now
			}
			b.Queue(putArticle, a.ID, a.URL, a.Source, a.Title, a.Author, a.Place, timeText(a.Published), sortKey(a.Published),
				string(a.DateOrigin), a.DateConfidence, timeText(ingested), a.Body, a.Lang, vecs[i])
		}
		res := tx.SendBatch(ctx, b)
		if len(keys) > 0 {
			if _, err := res.Exec(); err != nil {
				res.Close()
				return err
			}
		}
		for i := range arts {
			var ins, sup int
			if err := res.QueryRow().Scan(&ins, &sup); err != nil {
				res.Close()
				return fmt.Errorf("%s: %w", arts[i].ID, err)
			}
			switch {
			case ins == 0:
				out[i] = store.Exists
			case sup > 0:
				out[i] = store.NewVersion
			default:
				out[i] = store.Stored
			}
		}
		return res.Close()
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: put articles: %w", err)
	}
	return out, nil
}

const articleCols = `a.id, a.url, a.source, a.title, a.author, a.place, a.published, a.date_origin, a.date_confidence, a.ingested, a.body, a.lang, a.superseded`

func scanArticle(sc interface{ Scan(...any) error }, extra ...any) (news.Article, error) {
	var a news.Article
	var published, origin, ingested string
	dest := append([]any{&a.ID, &a.URL, &a.Source, &a.Title, &a.Author, &a.Place, &published, &origin, &a.DateConfidence, &ingested, &a.Body, &a.Lang, &a.Superseded}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return a, err
	}
	a.Published, a.Ingested = parseTime(published), parseTime(ingested)
	a.DateOrigin = news.DateOrigin(origin)
	return a, nil
}

// Article returns one article by ID.
func (s *DB) Article(ctx context.Context, id string) (news.Article, error) {
	var a news.Article
	err := s.query(ctx, func(q querier) error {
		var err error
		a, err = scanArticle(q.QueryRow(ctx, `SELECT `+articleCols+` FROM articles a WHERE a.id = $1`, id))
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return a, fmt.Errorf("postgres: article %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("postgres: article %s: %w", id, err)
	}
	return a, nil
}

// args collects statement arguments and names their placeholders.
type args []any

func (as *args) add(v any) string {
	*as = append(*as, v)
	return "$" + strconv.Itoa(len(*as))
}

// Arg records v (store.SQLArgs).
func (as *args) Arg(v any) string { return as.add(v) }

// In records vals as one array for "col = ANY($N)" (store.SQLArgs).
func (as *args) In(col string, vals []string) string { return col + " = ANY(" + as.add(vals) + ")" }

// storedSources reads the distinct outlet names stored, for
// store.FilterConds.
func (s *DB) storedSources(ctx context.Context) ([]string, error) {
	return s.strings(ctx, "sources", store.DistinctSourcesSQL)
}

// where builds the WHERE clause of an article filter.
func (s *DB) where(ctx context.Context, f store.ArticleFilter, keyset bool, as *args) (string, error) {
	var conds []string
	if !f.WithSuperseded {
		conds = append(conds, "NOT a.superseded")
	}
	conds, err := store.FilterConds(ctx, conds, as, s.storedSources, f.Sources, f.From, f.To)
	if err != nil {
		return "", err
	}
	if len(f.IDs) > 0 {
		conds = append(conds, "a.id = ANY("+as.add(f.IDs)+")")
	}
	if keyset && f.After != "" {
		var key int64
		err := s.query(ctx, func(q querier) error {
			return q.QueryRow(ctx, `SELECT sort_key FROM articles WHERE id = $1`, f.After).Scan(&key)
		})
		if errors.Is(err, pgx.ErrNoRows) {
			return "", fmt.Errorf("article %s: %w", f.After, store.ErrNotFound)
		}
		if err != nil {
			return "", err
		}
		conds = append(conds, "(a.sort_key, a.id) > ("+as.add(key)+", "+as.add(f.After)+"::text COLLATE \"C\")")
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), nil
}

func limitOffset(q string, as *args, limit, offset int) string {
	if limit > 0 {
		q += " LIMIT " + as.add(limit)
	}
	if offset > 0 {
		q += " OFFSET " + as.add(offset)
	}
	return q
}

// Articles lists articles in publication order.
func (s *DB) Articles(ctx context.Context, f store.ArticleFilter) ([]news.Article, error) {
	var as args
	w, err := s.where(ctx, f, true, &as)
	if err != nil {
		return nil, fmt.Errorf("postgres: articles: %w", err)
	}
	q := limitOffset(`SELECT `+articleCols+` FROM articles a`+w+` ORDER BY a.sort_key, a.id`, &as, f.Limit, f.Offset)
	var out []news.Article
	err = s.query(ctx, func(db querier) error {
		out = out[:0]
		rows, err := db.Query(ctx, q, as...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			a, err := scanArticle(rows)
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: articles: %w", err)
	}
	return out, nil
}

// CountArticles counts the articles a filter selects.
func (s *DB) CountArticles(ctx context.Context, f store.ArticleFilter) (int, error) {
	var as args
	w, err := s.where(ctx, f, false, &as)
	if err != nil {
		return 0, fmt.Errorf("postgres: count articles: %w", err)
	}
	var n int
	err = s.query(ctx, func(db querier) error {
		return db.QueryRow(ctx, `SELECT count(*) FROM articles a`+w, as...).Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("postgres: count articles: %w", err)
	}
	return n, nil
}

// Sources lists the outlets with their counts and date spans.
func (s *DB) Sources(ctx context.Context) ([]store.SourceStats, error) {
	var out []store.SourceStats
	err := s.query(ctx, func(db querier) error {
		out = out[:0]
		rows, err := db.Query(ctx, `SELECT source, count(*),
			min(CASE WHEN sort_key < $1 THEN sort_key END), max(CASE WHEN sort_key < $1 THEN sort_key END)
			FROM articles WHERE NOT superseded GROUP BY source ORDER BY count(*) DESC, source`, int64(undated))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var st store.SourceStats
			var first, last *int64
			if err := rows.Scan(&st.Source, &st.Articles, &first, &last); err != nil {
				return err
			}
			st.First, st.Last = unixTime(first), unixTime(last)
			out = append(out, st)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: sources: %w", err)
	}
	return store.GroupSources(out), nil
}

func unixTime(n *int64) time.Time {
	if n == nil {
		return time.Time{}
	}
	return time.Unix(*n, 0).UTC()
}

// Stats summarizes the archive.
func (s *DB) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	var first, last *int64
	err := s.query(ctx, func(db querier) error {
		return db.QueryRow(ctx, `SELECT
			(SELECT count(*) FROM articles WHERE NOT superseded),
			(SELECT count(*) FROM articles WHERE superseded),
			(SELECT count(*) FROM articles WHERE NOT superseded AND sort_key = $1),
			(SELECT count(*) FROM analyses),
			(SELECT count(DISTINCT entity_id) FROM mentions),
			(SELECT count(*) FROM stories),
			(SELECT min(sort_key) FROM articles WHERE NOT superseded AND sort_key < $1),
			(SELECT max(sort_key) FROM articles WHERE NOT superseded AND sort_key < $1)`, int64(undated)).
			Scan(&st.Articles, &st.Superseded, &st.Undated, &st.Analyzed, &st.Entities, &st.Stories, &first, &last)
	})
	if err != nil {
		return st, fmt.Errorf("postgres: stats: %w", err)
	}
	names, err := s.strings(ctx, "stats", `SELECT DISTINCT source FROM articles WHERE NOT superseded`)
	if err != nil {
		return st, err
	}
	st.Sources = store.CountSources(names)
	st.First, st.Last = unixTime(first), unixTime(last)
	return st, nil
}
