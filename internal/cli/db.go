package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/store/sqlite"
)

// addDBFlag adds --db to a command: the store to use, a file path for the
// embedded store (or a postgres:// URL for the server store). The default
// is $RASID_DB, else $XDG_DATA_HOME/rasid/rasid.db, else
// ~/.local/share/rasid/rasid.db.
func addDBFlag(fs *flag.FlagSet, env Env) *string {
	return fs.String("db", defaultDB(env), "the store: a SQLite file, or a postgres:// URL ($RASID_DB)")
}

func defaultDB(env Env) string {
	get := env.Getenv
	if get == nil {
		get = func(string) string { return "" }
	}
	if v := get("RASID_DB"); v != "" {
		return v
	}
	if v := get("XDG_DATA_HOME"); v != "" {
		return filepath.Join(v, "rasid", "rasid.db")
	}
	if home := get("HOME"); home != "" {
		return filepath.Join(home, ".local", "share", "rasid", "rasid.db")
	}
	return "rasid.db"
}

// storeWritable reports whether this process may write the SQLite store
// at path (a variable so that tests, which run as root, can take the place
// of a user who may not).
var storeWritable = sqlite.Writable

// openReadStore opens the store named by dsn for a command that only
// reads it. A SQLite path that names no file is refused (opening it would
// create an empty archive, and a mistyped --db would then report zeros):
// only the commands that bring articles (ingest, migrate --to, demo)
// create a store; reanalyze, cluster and worker refuse it too
// (openArchive). A SQLite store that this process may not write (the
// file or its directory) is opened read-only: nothing is migrated,
// reindexed or written (see sqlite.OpenReadOnly); any other store is
// opened as openStore opens it, which brings its schema and index up to
// date.
func openReadStore(ctx context.Context, env Env, dsn string) (store.Store, error) {
	if err := missingArchive(dsn); err != nil {
		return nil, err
	}
	if dsn == "" || isPostgresDSN(dsn) || storeWritable(dsn) {
		return openStore(ctx, env, dsn)
	}
	s, err := sqlite.OpenReadOnly(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("open store read-only (this user may not write it): %w", err)
	}
	if s.StaleIndex() && env.Stderr != nil {
		fmt.Fprintf(env.Stderr, "rasid: warning: %s is open read-only and its search index was built by another rasid build; search may miss matches until a user who may write the store opens it (such as with `rasid stats --db %s`)\n", dsn, dsn)
	}
	return s, nil
}

// openArchive opens the store named by dsn for a command that works on
// the articles already stored (reanalyze, cluster, worker): it writes, but
// a SQLite path that names no file is refused as openReadStore refuses
// it, since a new empty store has nothing to work on.
func openArchive(ctx context.Context, env Env, dsn string) (store.Store, error) {
	if err := missingArchive(dsn); err != nil {
		return nil, err
	}
	return openStore(ctx, env, dsn)
}

// missingArchive returns the refusal of a SQLite path dsn that names no
// file, and nil for an existing file, a PostgreSQL address or "".
func missingArchive(dsn string) error {
	if dsn != "" && !isPostgresDSN(dsn) {
		if _, err := os.Stat(dsn); errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("no archive at %s (rasid ingest creates one; --db or $RASID_DB names another)", dsn)
		}
	}
	return nil
}

// isPostgresDSN reports whether dsn names a PostgreSQL server rather
// than a SQLite file.
func isPostgresDSN(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// openStore opens the store named by dsn.
func openStore(ctx context.Context, env Env, dsn string) (store.Store, error) {
	switch {
	case dsn == "":
		return nil, usagef("no store: give --db or set RASID_DB")
	case isPostgresDSN(dsn):
		return openPostgres(ctx, dsn)
	}
	s, err := sqlite.Open(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	return s, nil
}
