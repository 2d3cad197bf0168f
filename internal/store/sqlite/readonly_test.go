package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/store/storetest"
)

// demoStore writes the demo corpus into a store at dir/rasid.db, closes
// it, and returns the path.
func demoStore(t *testing.T, dir string) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(dir, "rasid.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	arts := storetest.PutDemo(t, s)
	st := news.Story{ID: "s1", Title: arts[0].Title, First: arts[0].Published, Last: arts[0].Published,
		Articles: []news.ArticleRef{{ID: arts[0].ID, Title: arts[0].Title, Published: arts[0].Published}}}
	if err := s.PutStories(ctx, []news.Story{st}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestOpenReadOnly reads a store whose file is mode 0444 in a directory of
// mode 0555 (root may still write both, so what is checked is that nothing
// was written: the file's bytes and time are unchanged and no -wal, -shm or
// journal appeared), and refuses every write with store.ErrReadOnly and
// in SQLite itself. A store whose schema needs a migration is
// TestOpenReadOnlyRefuses's.
func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "archive")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := demoStore(t, dir)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	before := storetest.DirState(t, dir)
	if len(before) != 1 {
		t.Fatalf("the closed store left %v", before)
	}

	s, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if !s.ReadOnly() || s.StaleIndex() {
		t.Errorf("ReadOnly %v, StaleIndex %v; want true, false", s.ReadOnly(), s.StaleIndex())
	}
	reads := []struct {
		desc string
		read func() (int, error)
	}{
		{"articles", func() (int, error) { return s.CountArticles(ctx, store.ArticleFilter{}) }},
		{"search", func() (int, error) {
			res, err := s.Search(ctx, store.SearchQuery{Clauses: [][][]string{{search.IndexTerms("المياه")}}})
			return res.Total, err
		}},
		{"stories", func() (int, error) {
			ss, err := s.Stories(ctx, time.Time{}, time.Time{}, 10, 0)
			return len(ss), err
		}},
		{"sources", func() (int, error) {
			ss, err := s.Sources(ctx)
			return len(ss), err
		}},
	}
	for _, r := range reads {
		if n, err := r.read(); err != nil || n == 0 {
			t.Errorf("%s: %d, %v; want some", r.desc, n, err)
		}
	}
	writes := []struct {
		desc  string
		write func() error
	}{
		{"PutArticles", func() error {
			_, err := s.PutArticles(ctx, []news.Article{{ID: "new", Body: "نص جديد"}})
			return err
		}},
		{"PutAnalyses", func() error { return s.PutAnalyses(ctx, []news.Analysis{{ID: "new"}}) }},
		{"PutStories", func() error { return s.PutStories(ctx, []news.Story{{ID: "s2"}}) }},
		{"Reindex", func() error { return s.Reindex(ctx) }},
	}
	for _, w := range writes {
		if err := w.write(); !errors.Is(err, store.ErrReadOnly) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: %v; want store.ErrReadOnly naming %s", w.desc, err, path)
		}
	}
	// The read-only mode is SQLite's own, below rasid's check.
	if _, err := s.db.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('x', 'y')`); err == nil {
		t.Error("an INSERT through the read-only connection succeeded")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if after := storetest.DirState(t, dir); !slices.Equal(after, before) {
		t.Errorf("reading changed the directory:\nbefore %v\nafter  %v", before, after)
	}
	if Writable(path) != writable(path) {
		t.Errorf("Writable(%s) disagrees with access(2)", path)
	}
}

// TestOpenReadOnlyRefuses: the cases OpenReadOnly refuses, each with an
// error that says what is wrong and what to do.
func TestOpenReadOnlyRefuses(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.db")
	db, err := sql.Open("sqlite", "file:"+old)
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range migrations[:3] {
		if _, err := db.Exec(m); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, i+1)); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	for _, tc := range []struct {
		desc, path string
		want       []string
	}{
		{"older schema", old, []string{old, "schema version 3 is older", fmt.Sprintf("(%d)", len(migrations)), "needs a migration", "rasid stats --db " + old}},
		{"no such file", filepath.Join(dir, "none.db"), []string{filepath.Join(dir, "none.db"), "no such file"}},
		{"a directory", dir, []string{dir + " is a directory"}},
		{"empty path", "", []string{"empty database path"}},
	} {
		t.Run(tc.desc, func(t *testing.T) { wantOpenError(t, OpenReadOnly, tc.path, tc.want) })
	}
	// The refused store was not migrated.
	db, err = sql.Open("sqlite", "file:"+old+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil || v != 3 {
		t.Errorf("schema version after the refusal %d, %v; want 3", v, err)
	}
}

// TestOpenReadOnlyStaleIndex: a store whose index another analyzer built
// opens read-only, says so, and is not rebuilt.
func TestOpenReadOnlyStaleIndex(t *testing.T) {
	ctx := context.Background()
	path := demoStore(t, t.TempDir())
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE meta SET value = 'another analyzer' WHERE key = ?`, termsKey); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = OpenReadOnly(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.StaleIndex() {
		t.Error("StaleIndex = false for an index of another analyzer")
	}
	if v, err := s.meta(ctx, s.db, termsKey); err != nil || v != "another analyzer" {
		t.Errorf("index terms %q, %v: the read-only open changed them", v, err)
	}
}

// TestOpenReadOnlyWithWriter reads a store that another connection has open
// and is writing (its -wal file is there): the reader sees what was
// committed, through SQLite's read-only mode.
func TestOpenReadOnlyWithWriter(t *testing.T) {
	ctx := context.Background()
	path := demoStore(t, t.TempDir())
	w, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.PutArticles(ctx, []news.Article{{ID: "late", Title: "خبر متأخر", Body: "خبر متأخر عن الأمطار"}}); err != nil {
		t.Fatal(err)
	}
	r, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if a, err := r.Article(ctx, "late"); err != nil || a.Title != "خبر متأخر" {
		t.Errorf("the article the writer committed: %+v, %v", a, err)
	}
}
