package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// maxStmts bounds the statements a store keeps prepared. Searches come in
// a few shapes (words or not, exclusions, which filters, facets), each one
// SQL text whatever its words, since the match expression is a parameter.
const maxStmts = 64

// stmts keeps the statements of searches prepared, by their SQL text, so
// that a search is not parsed and planned again each time.
type stmts struct {
	mu     sync.Mutex
	m      map[string]*sql.Stmt
	closed bool
}

// query runs q with args through its prepared statement, preparing it on
// first use; past maxStmts texts (or once the store is closing) it runs q
// as a plain query.
func (s *DB) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	st, err := s.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return s.db.QueryContext(ctx, q, args...)
	}
	return st.QueryContext(ctx, args...)
}

// queryRow is query for a single row.
func (s *DB) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	st, err := s.stmt(ctx, q)
	if err != nil || st == nil {
		return s.db.QueryRowContext(ctx, q, args...) // an error reads again
	}
	return st.QueryRowContext(ctx, args...)
}

func (s *DB) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	c := &s.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[q]; ok || c.closed || len(c.m) >= maxStmts {
		return st, nil
	}
	st, err := s.db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[q] = st
	return st, nil
}

// closeStmts closes the prepared statements; later queries are not
// prepared.
func (s *DB) closeStmts() {
	c := &s.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m, c.closed = nil, true
}
