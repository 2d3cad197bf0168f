// Package sqlite is rasid's embedded store: the store.Store interface on one
// SQLite file through modernc.org/sqlite (pure Go, no cgo), in WAL mode,
// with its schema migrations embedded and applied on Open, and full-text
// search on an FTS5 index of the terms of rasid's own Arabic analyzer.
//
// Durability: every write is one transaction, and a transaction that
// returned is on disk: WAL with synchronous=FULL syncs the log at every
// commit, so a committed batch survives a kill of the process, a crash of
// the system and a power failure, and the file is never left inconsistent.
// (synchronous=NORMAL would survive a kill too, but a power failure could
// lose the last acknowledged batches; FULL costs one fsync per transaction,
// ≈ 0.6 ms here, under 0.5% of a 500-article batch.)
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store"

	_ "modernc.org/sqlite" // the database/sql driver "sqlite"
)

// DB is a store.Store on one SQLite file. It is safe for concurrent use.
type DB struct {
	db         *sql.DB
	path       string
	readOnly   bool  // opened by OpenReadOnly: every write fails with store.ErrReadOnly
	staleIndex bool  // read-only, and the index holds another analyzer's terms
	stmts      stmts // of searches
}

var _ store.Store = (*DB)(nil)
var _ store.Preparer = (*DB)(nil)

// Open opens (creating when needed) the store at path and brings its
// schema up to date. The directory is created too. When this build's
// analyzer gives other index terms than the one that built the full-text
// index (a changed stemmer), Open rebuilds the index first (see Reindex).
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("sqlite: empty database path")
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, dirError(path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("sqlite: create %s: %w", dir, err)
		}
	}
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(FULL)", "foreign_keys(1)", "cache_size(-65536)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(8)
	s := &DB{db: db, path: path}
	if err := retryBusy(ctx, func() error {
		if err := s.migrate(ctx); err != nil {
			return err
		}
		return s.syncIndex(ctx, false)
	}); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: %s: %w%s", path, err, openHint(err))
	}
	return s, nil
}

// dirError is the error for a store path that names a directory.
func dirError(path string) error {
	return fmt.Errorf("sqlite: %s is a directory: give the path of the store's file (such as %s)", path, filepath.Join(path, "rasid.db"))
}

// openHint says what a user can do about the SQLite errors that opening a
// store meets when the file system is in the way ("unable to open database
// file" alone does not say that the directory is not writable).
func openHint(err error) string {
	var se interface{ Code() int }
	if !errors.As(err, &se) {
		return ""
	}
	switch se.Code() & 0xff {
	case sqliteCantOpen:
		return " (the file cannot be opened or created: is its directory writable?)"
	case sqliteReadOnly:
		return " (rasid writes to the store, and SQLite keeps -wal and -shm files beside it: the file and its directory must be writable)"
	}
	return ""
}

// openBusyTimeout bounds how long Open waits for other processes that
// are opening the same new store.
const openBusyTimeout = 10 * time.Second

// retryBusy runs f again while it fails with SQLITE_BUSY, for up to
// openBusyTimeout. SQLite gives up at once, without waiting the busy
// timeout, in a few cases that processes opening one new store at once
// meet: switching a new file to WAL, and lock upgrades that could
// deadlock.
func retryBusy(ctx context.Context, f func() error) error {
	deadline := time.Now().Add(openBusyTimeout)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		err := f()
		var se interface{ Code() int }
		if err == nil || !errors.As(err, &se) || se.Code()&0xff != sqliteBusy || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
	}
}

// sqliteBusy is SQLite's primary result code SQLITE_BUSY.
const sqliteBusy = 5

// SQLite's primary result codes SQLITE_READONLY and SQLITE_CANTOPEN.
const (
	sqliteReadOnly = 8
	sqliteCantOpen = 14
)

// Close closes the database.
func (s *DB) Close() error {
	s.closeStmts()
	return s.db.Close()
}

// Path returns the file the store lives in.
func (s *DB) Path() string { return s.path }

// sortKey orders articles by publication time with undated ones last.
func sortKey(t time.Time) int64 {
	if t.IsZero() {
		return 1<<62 - 1
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

// PutArticles stores a batch in one transaction.
func (s *DB) PutArticles(ctx context.Context, arts []news.Article) ([]store.Outcome, error) {
	p, err := s.PrepareArticles(ctx, arts)
	if err != nil {
		return nil, err
	}
	return s.PutPrepared(ctx, p)
}

// prepared is a batch made ready by PrepareArticles.
type prepared struct {
	db     *DB
	arts   []news.Article
	stored map[string]bool // IDs stored when the batch was prepared
	ts     []terms         // index terms of the articles not stored then
}

func (p *prepared) Articles() []news.Article { return p.arts }

// PrepareArticles does the work of PutArticles that needs no write lock:
// which articles are stored already, and the index terms of the others,
// on all cores (see store.Preparer).
func (s *DB) PrepareArticles(ctx context.Context, arts []news.Article) (store.Prepared, error) {
	for i, a := range arts {
		if a.ID == "" {
			return nil, fmt.Errorf("sqlite: put articles: article %d has no id", i+1)
		}
	}
	stored, err := s.storedIDs(ctx, arts)
	if err != nil {
		return nil, fmt.Errorf("sqlite: put articles: %w", err)
	}
	p := &prepared{db: s, arts: arts, stored: stored}
	if !allStored(arts, stored) {
		p.ts = indexTerms(arts, stored)
	}
	return p, nil
}

// PutPrepared stores a batch made ready by PrepareArticles in one
// transaction, as PutArticles does: the transaction holds the write lock
// only for the writes. Articles stored by another writer since the batch
// was prepared are found again inside the transaction.
func (s *DB) PutPrepared(ctx context.Context, pp store.Prepared) ([]store.Outcome, error) {
	p, ok := pp.(*prepared)
	if !ok || p.db != s {
		return nil, errors.New("sqlite: put articles: the batch was prepared by another store")
	}
	arts, stored, ts := p.arts, p.stored, p.ts
	out := make([]store.Outcome, len(arts))
	if ts == nil {
		// A stored ID is never removed: nothing to write, no write lock
		// to take (a re-run of an ingest is mostly such batches).
		for i := range out {
			out[i] = store.Exists
		}
		return out, nil
	}
	err := s.tx(ctx, func(tx sqlTx) error {
		exists, err := tx.PrepareContext(ctx, `SELECT 1 FROM articles WHERE id = ?`)
		if err != nil {
			return err
		}
		defer exists.Close()
		byURL, err := tx.PrepareContext(ctx, `SELECT seq FROM articles WHERE url = ? AND superseded = 0`)
		if err != nil {
			return err
		}
		defer byURL.Close()
		supersede, err := tx.PrepareContext(ctx, `UPDATE articles SET superseded = 1 WHERE seq = ?`)
		if err != nil {
			return err
		}
		defer supersede.Close()
		ins, err := tx.PrepareContext(ctx, `INSERT INTO articles (id, url, source, title, author, place, published, sort_key,
			date_origin, date_confidence, ingested, body, lang) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		fts, err := tx.PrepareContext(ctx, `INSERT INTO articles_fts (rowid, title, body) VALUES (?,?,?)`)
		if err != nil {
			return err
		}
		defer fts.Close()
		now := time.Now().UTC()
		for i, a := range arts {
			var one int
			switch err := exists.QueryRowContext(ctx, a.ID).Scan(&one); {
			case err == nil:
				out[i] = store.Exists
				continue
			case !errors.Is(err, sql.ErrNoRows):
				return err
			}
			out[i] = store.Stored
			if a.URL != "" {
				var old int64
				switch err := byURL.QueryRowContext(ctx, a.URL).Scan(&old); {
				case err == nil:
					if _, err := supersede.ExecContext(ctx, old); err != nil {
						return err
					}
					out[i] = store.NewVersion
				case !errors.Is(err, sql.ErrNoRows):
					return err
				}
			}
			ingested := a.Ingested
			if ingested.IsZero() {
				ingested = now
			}
			res, err := ins.ExecContext(ctx, a.ID, a.URL, a.Source, a.Title, a.Author, a.Place, timeText(a.Published), sortKey(a.Published),
				string(a.DateOrigin), a.DateConfidence, timeText(ingested), a.Body, a.Lang)
			if err != nil {
				return err
			}
			seq, err := res.LastInsertId()
			if err != nil {
				return err
			}
			if stored[a.ID] { // stored by another writer meanwhile: terms were not computed
				ts[i] = articleTerms(a)
			}
			if _, err := fts.ExecContext(ctx, seq, ts[i].title, ts[i].body); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: put articles: %w", err)
	}
	return out, nil
}

// storedIDs returns which of the articles' IDs are stored already.
func (s *DB) storedIDs(ctx context.Context, arts []news.Article) (map[string]bool, error) {
	stored := map[string]bool{}
	const chunk = 500 // bound the parameters of one statement
	for i := 0; i < len(arts); i += chunk {
		part := arts[i:min(i+chunk, len(arts))]
		args := make([]any, len(part))
		for k, a := range part {
			args[k] = a.ID
		}
		ids, err := s.strings(ctx, "stored ids", `SELECT id FROM articles WHERE id IN (`+placeholders(len(part))+`)`, args...)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			stored[id] = true
		}
	}
	return stored, nil
}

// terms are the full-text index columns of an article.
type terms struct{ title, body string }

func articleTerms(a news.Article) terms {
	return terms{strings.Join(search.IndexTerms(a.Title), " "), strings.Join(search.IndexTerms(a.Body), " ")}
}

// indexTerms computes the terms of the articles not stored, on all cores.
func indexTerms(arts []news.Article, stored map[string]bool) []terms {
	ts := make([]terms, len(arts))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(arts)/8))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(arts); i += workers {
				if !stored[arts[i].ID] {
					ts[i] = articleTerms(arts[i])
				}
			}
		}()
	}
	wg.Wait()
	return ts
}

// tx runs f in a write transaction, committing when it returns nil.
func (s *DB) tx(ctx context.Context, f func(sqlTx) error) error {
	if s.readOnly {
		return fmt.Errorf("%w (%s)", store.ErrReadOnly, s.path)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

const articleCols = `a.id, a.url, a.source, a.title, a.author, a.place, a.published, a.date_origin, a.date_confidence, a.ingested, a.body, a.lang, a.superseded`

func scanArticle(sc interface{ Scan(...any) error }) (news.Article, error) {
	var a news.Article
	var published, origin, ingested string
	var superseded int
	if err := sc.Scan(&a.ID, &a.URL, &a.Source, &a.Title, &a.Author, &a.Place, &published, &origin, &a.DateConfidence, &ingested, &a.Body, &a.Lang, &superseded); err != nil {
		return a, err
	}
	a.Published, a.Ingested = parseTime(published), parseTime(ingested)
	a.DateOrigin = news.DateOrigin(origin)
	a.Superseded = superseded != 0
	return a, nil
}

// Article returns one article by ID.
func (s *DB) Article(ctx context.Context, id string) (news.Article, error) {
	a, err := scanArticle(s.db.QueryRowContext(ctx, `SELECT `+articleCols+` FROM articles a WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("sqlite: article %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("sqlite: article %s: %w", id, err)
	}
	return a, nil
}

// where builds the WHERE clause of an article filter.
func (s *DB) where(ctx context.Context, f store.ArticleFilter, keyset bool) (string, []any, error) {
	var conds []string
	var args []any
	if !f.WithSuperseded {
		conds = append(conds, "a.superseded = 0")
	}
	conds, err := store.FilterConds(ctx, conds, (*argList)(&args), s.storedSources, f.Sources, f.From, f.To)
	if err != nil {
		return "", nil, err
	}
	if len(f.IDs) > 0 {
		conds = append(conds, "a.id IN ("+placeholders(len(f.IDs))+")")
		for _, id := range f.IDs {
			args = append(args, id)
		}
	}
	if keyset && f.After != "" {
		var key int64
		err := s.db.QueryRowContext(ctx, `SELECT sort_key FROM articles WHERE id = ?`, f.After).Scan(&key)
		if errors.Is(err, sql.ErrNoRows) {
			return "", nil, fmt.Errorf("article %s: %w", f.After, store.ErrNotFound)
		}
		if err != nil {
			return "", nil, err
		}
		conds = append(conds, "(a.sort_key, a.id) > (?, ?)")
		args = append(args, key, f.After)
	}
	if len(conds) == 0 {
		return "", args, nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args, nil
}

// storedSources reads the distinct outlet names stored, for
// store.FilterConds.
func (s *DB) storedSources(ctx context.Context) ([]string, error) {
	return s.strings(ctx, "sources", store.DistinctSourcesSQL)
}

// argList collects a statement's arguments behind "?" placeholders
// (store.SQLArgs).
type argList []any

// Arg records v.
func (a *argList) Arg(v any) string {
	*a = append(*a, v)
	return "?"
}

// In records vals for "col IN (?, …)".
func (a *argList) In(col string, vals []string) string {
	for _, v := range vals {
		*a = append(*a, v)
	}
	return col + " IN (" + placeholders(len(vals)) + ")"
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// Articles lists articles in publication order.
func (s *DB) Articles(ctx context.Context, f store.ArticleFilter) ([]news.Article, error) {
	w, args, err := s.where(ctx, f, true)
	if err != nil {
		return nil, fmt.Errorf("sqlite: articles: %w", err)
	}
	q := `SELECT ` + articleCols + ` FROM articles a` + w + ` ORDER BY a.sort_key, a.id`
	q, args = limitOffset(q, args, f.Limit, f.Offset)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: articles: %w", err)
	}
	defer rows.Close()
	var out []news.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: articles: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func limitOffset(q string, args []any, limit, offset int) (string, []any) {
	if limit > 0 || offset > 0 {
		if limit <= 0 {
			limit = -1
		}
		q += ` LIMIT ? OFFSET ?`
		args = append(args, limit, max(offset, 0))
	}
	return q, args
}

// CountArticles counts the articles a filter selects.
func (s *DB) CountArticles(ctx context.Context, f store.ArticleFilter) (int, error) {
	w, args, err := s.where(ctx, f, false)
	if err != nil {
		return 0, fmt.Errorf("sqlite: count articles: %w", err)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles a`+w, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite: count articles: %w", err)
	}
	return n, nil
}

// undated is the sort key of articles of unknown date: they list last.
const undated = store.UndatedSortKey

// Sources lists the outlets with their counts and date spans.
func (s *DB) Sources(ctx context.Context) ([]store.SourceStats, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT source, count(*),
		min(CASE WHEN sort_key < ? THEN sort_key END), max(CASE WHEN sort_key < ? THEN sort_key END)
		FROM articles WHERE superseded = 0 GROUP BY source ORDER BY count(*) DESC, source`, undated, undated)
	if err != nil {
		return nil, fmt.Errorf("sqlite: sources: %w", err)
	}
	defer rows.Close()
	var out []store.SourceStats
	for rows.Next() {
		var st store.SourceStats
		var first, last sql.NullInt64
		if err := rows.Scan(&st.Source, &st.Articles, &first, &last); err != nil {
			return nil, fmt.Errorf("sqlite: sources: %w", err)
		}
		st.First, st.Last = unixTime(first), unixTime(last)
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: sources: %w", err)
	}
	return store.GroupSources(out), nil
}

func unixTime(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(n.Int64, 0).UTC()
}

// Stats summarizes the archive.
func (s *DB) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	var first, last sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles WHERE superseded = 0),
		(SELECT count(*) FROM articles WHERE superseded = 1),
		(SELECT count(*) FROM articles WHERE superseded = 0 AND sort_key = ?),
		(SELECT count(*) FROM analyses),
		(SELECT count(DISTINCT entity_id) FROM mentions),
		(SELECT count(*) FROM stories),
		(SELECT min(sort_key) FROM articles WHERE superseded = 0 AND sort_key < ?),
		(SELECT max(sort_key) FROM articles WHERE superseded = 0 AND sort_key < ?)`, undated, undated, undated).
		Scan(&st.Articles, &st.Superseded, &st.Undated, &st.Analyzed, &st.Entities, &st.Stories, &first, &last)
	if err != nil {
		return st, fmt.Errorf("sqlite: stats: %w", err)
	}
	names, err := s.strings(ctx, "stats", `SELECT DISTINCT source FROM articles WHERE superseded = 0`)
	if err != nil {
		return st, err
	}
	st.Sources = store.CountSources(names)
	st.First, st.Last = unixTime(first), unixTime(last)
	return st, nil
}

// sqlTx is the transaction the store writes in.
type sqlTx = *sql.Tx

// allStored reports whether every article's ID is in stored.
func allStored(arts []news.Article, stored map[string]bool) bool {
	for _, a := range arts {
		if !stored[a.ID] {
			return false
		}
	}
	return true
}
