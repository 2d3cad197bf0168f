package sqlite

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/demo"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/search"

	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "rasid.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "rasid.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutArticles(ctx, nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path) // migrations already applied: a no-op
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil || v != len(migrations) {
		t.Errorf("schema version %d, %v; want %d", v, err, len(migrations))
	}
	var mode string
	if err := s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal mode %q, %v; want wal", mode, err)
	}
	var sync int
	if err := s.db.QueryRow(`PRAGMA synchronous`).Scan(&sync); err != nil || sync != 2 {
		t.Errorf("synchronous = %d, %v; want 2 (FULL: a commit is synced)", sync, err)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "page.html")
	if err := os.WriteFile(notDB, []byte("<html>not a database, but long enough to be read as one</html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		desc, path string
		want       []string // substrings of the error
	}{
		{"empty path", "", []string{"empty database path"}},
		{"unwritable path", "/proc/rasid/x.db", []string{"/proc/rasid"}},
		{"a directory", dir, []string{dir + " is a directory", filepath.Join(dir, "rasid.db")}},
		{"a file that is no store", notDB, []string{notDB, "not a database"}},
	} {
		t.Run(tc.desc, func(t *testing.T) { wantOpenError(t, Open, tc.path, tc.want) })
	}
}

// TestTermsSurviveTokenizer checks that the full-text index holds exactly
// rasid's index terms: FTS5's tokenizer splits a term only where it has a
// space or a quote, never inside an Arabic stem or a number like 99.97.
func TestTermsSurviveTokenizer(t *testing.T) {
	ctx := context.Background()
	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	arts = append(arts, news.Article{ID: "punct", Title: "ارتفع المؤشر 99.97 نقطة",
		Body: "طائرة k-16 و4,748 زائراً و#جمعية_الثقافة_والفنون ﴿ولا تقربوا﴾ وسلّم الوزير ﷺ in the world's news."})
	s, err := Open(ctx, filepath.Join(t.TempDir(), "rasid.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, a := range arts {
		for _, term := range append(search.IndexTerms(a.Title), search.IndexTerms(a.Body)...) {
			// Quotes and spaces split a term in the index and in a query alike.
			for _, part := range strings.FieldsFunc(term, func(r rune) bool { return r == ' ' || r == '\'' || r == '"' }) {
				want[strings.ToLower(part)] = true
			}
		}
	}
	for _, term := range []string{"99.97", "k-16"} {
		if !want[term] {
			t.Fatalf("IndexTerms no longer gives %q: update this test's sample", term)
		}
	}
	if _, err := s.db.ExecContext(ctx, `CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, articles_fts, 'row')`); err != nil {
		t.Fatal(err)
	}
	got, err := s.strings(ctx, "vocabulary", `SELECT term FROM temp.vocab`)
	if err != nil {
		t.Fatal(err)
	}
	var extra []string
	for _, term := range got {
		if !want[term] {
			extra = append(extra, term)
		}
		delete(want, term)
	}
	if len(extra) > 0 || len(want) > 0 {
		t.Errorf("the index's terms differ from IndexTerms: %d not from IndexTerms (e.g. %q), %d missing (e.g. %v)", len(extra), first(extra), len(want), want)
	}
}

func first(s []string) []string { return s[:min(len(s), 5)] }

// TestConcurrentOpen opens a new store from several connections pools at
// once, as several processes starting together would: each schema step is
// applied once and every opener succeeds.
func TestConcurrentOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "rasid.db")
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(ctx, path)
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
}

// TestKillDurability kills (SIGKILL) a child process that is storing
// batches as fast as it can, then checks the file: it passes SQLite's
// integrity checks, every batch the child saw acknowledged is stored, and
// every batch is whole or absent. Storing everything again adds exactly
// the missing batches.
func TestKillDurability(t *testing.T) {
	if path := os.Getenv("RASID_SQLITE_KILL_CHILD"); path != "" {
		killChild(path)
		return
	}
	if testing.Short() {
		t.Skip("child process test")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "rasid.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillDurability$")
	cmd.Env = append(os.Environ(), "RASID_SQLITE_KILL_CHILD="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acked := -1
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if n, err := strconv.Atoi(strings.TrimPrefix(sc.Text(), "ack ")); err == nil {
			acked = n
		}
		if acked >= 6 {
			break
		}
	}
	time.Sleep(time.Duration(rand.IntN(40)) * time.Millisecond) // land anywhere in the next batch
	cmd.Process.Kill()
	cmd.Wait()
	if acked < 6 {
		t.Fatalf("the child acknowledged %d batches before it ended", acked+1)
	}

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer s.Close()
	var check string
	if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')`); err != nil {
		t.Fatalf("full-text index integrity check: %v", err)
	}
	src, err := s.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]int{}
	for _, st := range src {
		stored[st.Source] = st.Articles
		if st.Articles != killBatch {
			t.Errorf("batch %s has %d of its %d articles", st.Source, st.Articles, killBatch)
		}
	}
	for b := 0; b <= acked; b++ {
		if stored[killSource(b)] == 0 {
			t.Errorf("acknowledged batch %d is missing", b)
		}
	}
	t.Logf("killed after %d acknowledged batches; %d batches stored", acked+1, len(stored))
	// The re-run: everything again, in the same batches.
	for b := range len(stored) + 2 {
		if _, err := s.PutArticles(ctx, killArticles(b)); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := s.CountArticles(ctx, store.ArticleFilter{}); err != nil || n != (len(stored)+2)*killBatch {
		t.Errorf("after the re-run: %d articles, %v; want %d", n, err, (len(stored)+2)*killBatch)
	}
	res, err := s.Search(ctx, store.SearchQuery{Clauses: [][][]string{{search.IndexTerms("المياه")}}, Limit: 1})
	if err != nil || res.Total != (len(stored)+2)*killBatch {
		t.Errorf("search after the re-run: %d matches, %v", res.Total, err)
	}
}

const killBatch = 200

func killSource(b int) string { return fmt.Sprintf("batch-%04d", b) }

// killArticles is batch b of the kill test, the same on every call.
func killArticles(b int) []news.Article {
	arts := make([]news.Article, killBatch)
	for i := range arts {
		body := fmt.Sprintf("الدفعة %d الخبر %d: %s", b, i, strings.Repeat("بحث الوزراء أزمة المياه في المنطقة وآثارها على الزراعة. ", 20))
		arts[i] = news.Article{ID: news.ArticleID(body, ""), Source: killSource(b), Title: "أزمة المياه", Body: body, Lang: "ar"}
	}
	return arts
}

// killChild stores batches until it is killed, printing "ack N" once
// batch N is acknowledged.
func killChild(path string) {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for b := 0; ; b++ {
		if _, err := s.PutArticles(ctx, killArticles(b)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Printf("ack %d\n", b)
	}
}

// TestReindexOnAnalyzerChange: a store whose full-text index was built by
// another analyzer build (simulated: an emptied index and another
// fingerprint) is reindexed when opened, and Reindex gives the same
// search results as indexing while storing.
func TestReindexOnAnalyzerChange(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "rasid.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.PutDemo(t, s)
	q := store.SearchQuery{Clauses: [][][]string{{search.IndexTerms("المياه")}}}
	before, err := s.Search(ctx, q)
	if err != nil || before.Total == 0 {
		t.Fatalf("search before: %d matches, %v", before.Total, err)
	}
	if _, err := s.db.ExecContext(ctx, `DROP TABLE articles_fts; CREATE VIRTUAL TABLE articles_fts USING fts5 `+ftsColumns+`;
		UPDATE meta SET value = 'another analyzer' WHERE key = ?`, termsKey); err != nil {
		t.Fatal(err)
	}
	if res, _ := s.Search(ctx, q); res.Total != 0 {
		t.Fatalf("the emptied index still finds %d", res.Total)
	}
	s.Close()
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	after, err := s.Search(ctx, q)
	if err != nil || !slices.Equal(hitIDs(after), hitIDs(before)) {
		t.Errorf("after reopening: %v, %v; want %v", hitIDs(after), err, hitIDs(before))
	}
	if v, err := s.meta(ctx, s.db, termsKey); err != nil || v != search.TermsFingerprint() {
		t.Errorf("recorded index terms %q, %v; want %q", v, err, search.TermsFingerprint())
	}
	if err := s.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	if again, err := s.Search(ctx, q); err != nil || !slices.Equal(hitIDs(again), hitIDs(before)) {
		t.Errorf("after Reindex: %v, %v; want %v", hitIDs(again), err, hitIDs(before))
	}
}

func hitIDs(res store.SearchResult) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, fmt.Sprintf("%s %.4f", h.Article.ID, h.Score))
	}
	return out
}

// TestUpgradeFromVersion3 opens a store written by schema version 3 (no
// sort key on mentions): step 4 fills it in, so entities keep their dates.
func TestUpgradeFromVersion3(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "rasid.db")
	old, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	published := time.Date(2015, 8, 2, 0, 0, 0, 0, time.UTC)
	for i, m := range migrations[:3] {
		if _, err := old.Exec(m); err != nil {
			t.Fatal(err)
		}
		if _, err := old.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, i+1)); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`INSERT INTO articles (id, published, sort_key, ingested, body) VALUES ('a1', '2015-08-02T00:00:00Z', ` + strconv.FormatInt(published.Unix(), 10) + `, '2026-01-01T00:00:00Z', 'نص')`,
		`INSERT INTO analyses (article_id, analyzer, data) VALUES ('a1', 'v1', '{"id":"a1","analyzer":"v1"}')`,
		`INSERT INTO mentions (article_id, entity_id, name, type, text) VALUES ('a1', 'e1', 'بغداد', 'LOC', 'بغداد')`,
	} {
		if _, err := old.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e, err := s.Entity(ctx, "e1")
	if err != nil || !e.First.Equal(published) || !e.Last.Equal(published) || e.Name != "بغداد" || e.Type != "LOC" || e.Mentions != 1 {
		t.Errorf("Entity after the upgrade = %+v, %v", e, err)
	}
}

// FuzzSearchTerms searches with arbitrary index terms (a query's words
// reach the store as terms, whatever the user typed): the full-text
// expression built from them is never a syntax error and never matches
// what it should not.
func FuzzSearchTerms(f *testing.F) {
	for _, seed := range [][2]string{
		{"مياه", ""}, {`"`, "'"}, {"*", "^"}, {"NEAR", "AND"}, {"OR", "NOT"}, {"a:b", "(c)"},
		{"99.97", "k-16"}, {" ", "\x00"}, {"\"\"", "''"}, {"-", "+"}, {"ﷺ", "صلى الله"},
	} {
		f.Add(seed[0], seed[1])
	}
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(f.TempDir(), "rasid.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	body := "أزمة المياه في المنطقة 99.97 k-16"
	if _, err := s.PutArticles(ctx, []news.Article{{ID: "a1", Title: "المياه", Body: body}}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		for _, q := range []store.SearchQuery{
			{Clauses: [][][]string{{{a}}}},
			{Clauses: [][][]string{{{a, b}}, {{b}}}},
			{Clauses: [][][]string{{{a}, {b}}}, Not: [][]string{{b}}},
			{Not: [][]string{{a, b}}},
		} {
			res, err := s.Search(ctx, q)
			if err != nil {
				t.Fatalf("Search(%+v): %v", q, err)
			}
			if len(res.Hits) > 1 {
				t.Fatalf("Search(%+v) found %d of 1 article", q, len(res.Hits))
			}
		}
	})
}

// wantOpenError checks that open refuses path with an error that
// contains each of want.
func wantOpenError(t *testing.T, open func(context.Context, string) (*DB, error), path string, want []string) {
	t.Helper()
	s, err := open(context.Background(), path)
	if err == nil {
		s.Close()
		t.Fatalf("%q opened", path)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not contain %q", err, w)
		}
	}
}
