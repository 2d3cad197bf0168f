package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"github.com/rasid-news/rasid/internal/search"
)

// OpenReadOnly opens the existing store at path for reading only: it
// applies no schema step and never rebuilds the full-text index, and
// SQLite opens the file in its read-only mode, so nothing is written to
// the file or beside it. It is for archives the user may not write.
//
// When no -wal file lies beside the store (no process has it open, and
// the last one to close it moved its log into the file), the file is
// opened immutable: no locks, no -wal or -shm file. A store being written
// by another process at the same time has its -wal file; it is then opened
// with SQLite's mode=ro, which reads the log too.
//
// A store whose schema is older than this build's is refused with an
// error that says how to bring it up to date; a store whose full-text
// index was built by another analyzer opens, and StaleIndex says so.
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("sqlite: empty database path")
	}
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, fmt.Errorf("sqlite: %w", err)
	case fi.IsDir():
		return nil, dirError(path)
	}
	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "query_only(1)", "foreign_keys(1)", "cache_size(-65536)"} {
		q.Add("_pragma", p)
	}
	q.Set("mode", "ro")
	if _, err := os.Stat(path + "-wal"); errors.Is(err, os.ErrNotExist) {
		q.Set("immutable", "1")
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(8)
	s := &DB{db: db, path: path, readOnly: true}
	if err := s.checkReadOnly(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: %s: %w", path, err)
	}
	return s, nil
}

// checkReadOnly checks that a store opened read-only has this build's
// schema, and notes whether its full-text index holds this build's terms.
func (s *DB) checkReadOnly(ctx context.Context) error {
	var v int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	switch {
	case v > len(migrations):
		return fmt.Errorf("schema version %d is newer than this rasid knows (%d)", v, len(migrations))
	case v < len(migrations):
		return fmt.Errorf("schema version %d is older than this rasid's (%d) and needs a migration, which this read-only open does not apply: "+
			"run `rasid stats --db %s` once as a user who may write the file and its directory (any rasid command that opens the store with write access migrates it)",
			v, len(migrations), s.path)
	}
	have, err := s.meta(ctx, s.db, termsKey)
	if err != nil {
		return err
	}
	s.staleIndex = have != search.TermsFingerprint()
	return nil
}

// ReadOnly reports whether the store was opened with OpenReadOnly.
func (s *DB) ReadOnly() bool { return s.readOnly }

// StaleIndex reports whether the full-text index of a store opened
// read-only was built with other index terms than this build's (a changed
// stemmer): search then misses some matches until a process that may
// write the store opens it (Open rebuilds the index).
func (s *DB) StaleIndex() bool { return s.staleIndex }

// Writable reports whether Open may write the store at path: the file
// and its directory (where SQLite keeps the -wal and -shm files) are
// writable by this process. A path that does not exist yet is reported
// writable, since Open creates it.
func Writable(path string) bool {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return true
	}
	return writable(path) && writable(filepath.Dir(path))
}
