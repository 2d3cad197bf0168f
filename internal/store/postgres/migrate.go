package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// migrations holds the schema, one file per version (0001_init.sql, …):
// the version is the file's number. Files are only ever added.
//
//go:embed migrations/*.sql
var migrations embed.FS

// Advisory lock keys (pg_advisory_lock's bigint space is shared by every
// application of a database; these are rasid's).
const (
	lockMigrate int64 = 0x7261736964_0001 // "rasid" 1
	lockNamed   int64 = 0x7261736964_0000 // base of TryExclusive's names
)

// step is one schema version.
type step struct {
	version int
	name    string
	sql     string
}

func steps() ([]step, error) {
	ents, err := fs.ReadDir(migrations, "migrations")
	if err != nil {
		return nil, err
	}
	var out []step
	for _, e := range ents {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name does not start with a version number", e.Name())
		}
		b, err := migrations.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, step{v, e.Name(), string(b)})
	}
	slices.SortFunc(out, func(a, b step) int { return a.version - b.version })
	for i, s := range out {
		if s.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected version %d", s.name, i+1)
		}
	}
	return out, nil
}

// Version is the schema version this rasid writes.
func Version() int {
	ss, _ := steps()
	return len(ss)
}

// migrate applies the versions the database has not seen, each in its own
// transaction with its row in rasid_schema, then brings the full-text
// vectors to this build's index terms (syncIndex), all while holding a
// session advisory lock so that processes opening the store at once apply
// each version once and rebuild once.
func (s *DB) migrate(ctx context.Context) error {
	ss, err := steps()
	if err != nil {
		return err
	}
	return s.withMigrateLock(ctx, func(conn *pgx.Conn) error {
		if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS rasid_schema (
		version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())`); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		var v int
		if err := conn.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM rasid_schema`).Scan(&v); err != nil {
			return fmt.Errorf("migrate: read schema version: %w", err)
		}
		if v > len(ss) {
			return fmt.Errorf("schema version %d is newer than this rasid knows (%d)", v, len(ss))
		}
		for _, st := range ss[v:] {
			err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
				if _, err := tx.Exec(ctx, st.sql); err != nil {
					return err
				}
				_, err := tx.Exec(ctx, `INSERT INTO rasid_schema (version, name) VALUES ($1, $2)`, st.version, st.name)
				return err
			})
			if err != nil {
				return fmt.Errorf("migrate to schema version %d (%s): %w", st.version, st.name, err)
			}
		}
		return syncIndex(ctx, conn, false)
	})
}

// withMigrateLock runs f on one connection holding the session advisory
// lock lockMigrate.
func (s *DB) withMigrateLock(ctx context.Context, f func(*pgx.Conn) error) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, lockMigrate); err != nil {
		return fmt.Errorf("migrate: lock: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, lockMigrate)
	return f(conn.Conn())
}
