package postgres

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/store/storetest"
)

// testDSN returns the test server's DSN, or skips: the tests need a
// PostgreSQL server named by RASID_TEST_POSTGRES (deploy/pg-test.sh starts
// one; .ci/run does).
func testDSN(t testing.TB) string {
	dsn := os.Getenv("RASID_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("RASID_TEST_POSTGRES is not set: no PostgreSQL to test against (start one with deploy/pg-test.sh)")
	}
	return dsn
}

var schemaSeq atomic.Int64

// freshDSN creates an empty schema for one test and returns a DSN that
// works in it (search_path); the schema is dropped when the test ends.
func freshDSN(t testing.TB) string {
	dsn := testDSN(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connect to %s: %v", os.Getenv("RASID_TEST_POSTGRES"), err)
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("t_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, schemaSeq.Add(1))
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			return
		}
		defer conn.Close(ctx)
		conn.Exec(ctx, `DROP SCHEMA `+name+` CASCADE`)
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

func openFresh(t testing.TB) *DB {
	s, err := Open(context.Background(), freshDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openFresh(t) })
}

func TestMigrateConcurrently(t *testing.T) {
	dsn := freshDSN(t)
	var wg sync.WaitGroup
	errs := make([]error, 6)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(context.Background(), dsn)
			if err == nil {
				s.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("opener %d: %v", i, err)
		}
	}
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n, v int
	if err := s.pool.QueryRow(context.Background(), `SELECT count(*), max(version) FROM rasid_schema`).Scan(&n, &v); err != nil || n != Version() || v != Version() {
		t.Errorf("rasid_schema: %d rows, version %d, %v; want %d", n, v, err, Version())
	}
}

func TestOpenErrors(t *testing.T) {
	for _, dsn := range []string{"postgres://%zz", "postgres://nobody@127.0.0.1:1/none?connect_timeout=1"} {
		if s, err := Open(context.Background(), dsn); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", dsn)
		}
	}
}

func TestTSVector(t *testing.T) {
	tests := []struct {
		title, body []string
		want        string
	}{
		{nil, nil, ""},
		{[]string{"مياه"}, []string{"مياه", "سد"}, `'سد':4 'مياه':1A,3`},
		{nil, []string{"it's", `a\b`}, `'a\\b':3 'it''s':2`},
	}
	for _, tt := range tests {
		if got := tsvector(tt.title, tt.body); got != tt.want {
			t.Errorf("tsvector(%q, %q) = %q, want %q", tt.title, tt.body, got, tt.want)
		}
	}
	if got := tsquery([][]string{{"a", "b"}, {"c'"}}); got != `('a' <-> 'b' | 'c''')` {
		t.Errorf("tsquery = %q", got)
	}
}
