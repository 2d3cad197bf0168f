package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/rasid-news/rasid/internal/analysis"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/store/sqlite"
)

// seedStore stores the seed articles in a new SQLite file and returns
// its path, or skips when the seeds are absent.
func seedStore(t *testing.T) (string, []news.Article) {
	t.Helper()
	arts := seedArticles(t)
	db := filepath.Join(t.TempDir(), "rasid.db")
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.PutArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	return db, arts
}

// seedArticles reads ../shared/data/seeds.jsonl with the analyze reader.
func seedArticles(t *testing.T) []news.Article {
	t.Helper()
	data := readSeeds(t)
	var arts []news.Article
	for _, line := range strings.Split(strings.TrimSpace(data), "\n") {
		a, err := decodeRecord([]byte(line))
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts
}

func withStore(t *testing.T, db string, f func(store.Store)) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	f(st)
}

// TestReanalyzeResumes runs reanalyze in parts (as if stopped) and checks
// that every article ends up analyzed once by this version, and that an
// analysis by another version is redone.
func TestReanalyzeResumes(t *testing.T) {
	db, arts := seedStore(t)
	steps := []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"--batch", "2", "--limit", "3"}, "reanalyze: 3 articles analyzed"},
		{[]string{"--batch", "1", "--workers", "1"}, "reanalyze: 2 articles analyzed"},
		{nil, "reanalyze: 0 articles analyzed"},
	}
	for i, s := range steps {
		_, errOut, code := run(t, "", append([]string{"reanalyze", "--db", db}, s.args...)...)
		if code != 0 || !strings.Contains(errOut, s.want) {
			t.Fatalf("step %d: exit %d, stderr %q, want %q", i+1, code, errOut, s.want)
		}
	}
	ctx := context.Background()
	withStore(t, db, func(st store.Store) {
		for _, a := range arts {
			got, err := st.Analysis(ctx, a.ID)
			if err != nil {
				t.Fatalf("%s: %v", a.ID, err)
			}
			if got.Analyzer != analysis.Version || len(got.Entities) == 0 {
				t.Errorf("%s: analyzer %q, %d entities", a.ID, got.Analyzer, len(got.Entities))
			}
		}
		old := news.Analysis{ID: arts[0].ID, Analyzer: "rasid-analysis/0"}
		if err := st.PutAnalyses(ctx, []news.Analysis{old}); err != nil {
			t.Fatal(err)
		}
	})
	if _, errOut, code := run(t, "", "reanalyze", "--db", db); code != 0 || !strings.Contains(errOut, "reanalyze: 1 article analyzed") {
		t.Fatalf("after an old analysis: exit %d, stderr %q", code, errOut)
	}
	withStore(t, db, func(st store.Store) {
		if got, _ := st.Analysis(ctx, arts[0].ID); got.Analyzer != analysis.Version {
			t.Errorf("old analysis not redone: %q", got.Analyzer)
		}
	})
}

// stuckStore is a store that forgets the analyses it is given.
type stuckStore struct{ ids []string }

func (s stuckStore) Unanalyzed(ctx context.Context, analyzer string, limit int) ([]string, error) {
	return s.ids[:min(limit, len(s.ids))], nil
}
func (s stuckStore) Articles(ctx context.Context, f store.ArticleFilter) ([]news.Article, error) {
	var out []news.Article
	for _, id := range f.IDs {
		out = append(out, news.Article{ID: id, Body: "قال الوزير إن بغداد مهمة."})
	}
	return out, nil
}
func (s stuckStore) PutAnalyses(ctx context.Context, as []news.Analysis) error { return nil }

// TestReanalyzeStuckStore checks that a store that keeps listing analyzed
// articles stops reanalyze with an error instead of a loop.
func TestReanalyzeStuckStore(t *testing.T) {
	an, err := analysis.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := reanalyzer{st: stuckStore{ids: []string{"a", "b", "c"}}, an: an, batch: 2, workers: 2, log: &strings.Builder{}}
	n, err := r.run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "still lists") {
		t.Errorf("run = %d, %v; want an error about an article still listed", n, err)
	}
}

func TestEntitiesCommands(t *testing.T) {
	db, _ := seedStore(t)
	if _, errOut, code := run(t, "", "reanalyze", "--db", db); code != 0 {
		t.Fatalf("reanalyze: %s", errOut)
	}
	out, errOut, code := run(t, "", "entities", "--db", db, "--type", "pers", "--json", "--limit", "0")
	if code != 0 {
		t.Fatalf("entities: %s", errOut)
	}
	var es []store.EntityStats
	if err := json.Unmarshal([]byte(out), &es); err != nil {
		t.Fatal(err)
	}
	byName := map[string]store.EntityStats{}
	for _, e := range es {
		if e.Type != "PERS" {
			t.Errorf("%s has type %s", e.ID, e.Type)
		}
		byName[e.Name] = e
	}
	pompeo, ok := byName["مايك بومبيو"]
	if !ok || pompeo.Articles < 3 {
		t.Fatalf("Pompeo: %+v (found %v)", pompeo, ok)
	}
	tests := []struct {
		desc     string
		args     []string
		wantCode int
		wantOut  []string
		wantErr  string
	}{
		{"table", []string{"entities", "--db", db, "--limit", "5"}, 0, []string{"ID", "MENTIONS", "العراق"}, ""},
		{"bad type", []string{"entities", "--db", db, "--type", "person"}, 2, nil, `--type "person"`},
		{"negative limit", []string{"entities", "--db", db, "--limit", "-1"}, 2, nil, "negative"},
		{"entity text", []string{"entity", "--db", db, pompeo.ID}, 0,
			[]string{"مايك بومبيو", "written: ", "بومبيو", "roles: وزير الخارجية", "mentioned with:", "articles per month:", "2020-08", "latest articles:"}, ""},
		{"entity flags after the id", []string{"entity", pompeo.ID, "--db", db, "--related", "0", "--articles", "0"}, 0, []string{"mentions in"}, ""},
		{"entity json", []string{"entity", "--db", db, "--json", pompeo.ID}, 0,
			[]string{`"entity": {`, `"related": [`, `"timeline": [`, `"month": "2020-08"`, `"articles": [`}, ""},
		{"unknown entity", []string{"entity", "--db", db, "pers-0000000000000000"}, 1, nil, "no entity"},
		{"no id", []string{"entity", "--db", db}, 2, nil, "give one entity ID"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			out, errOut, code := run(t, "", tc.args...)
			if code != tc.wantCode {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tc.wantCode, errOut)
			}
			for _, w := range tc.wantOut {
				if !strings.Contains(out, w) {
					t.Errorf("stdout does not contain %q:\n%s", w, out)
				}
			}
			if !strings.Contains(errOut, tc.wantErr) {
				t.Errorf("stderr %q does not contain %q", errOut, tc.wantErr)
			}
		})
	}
}

const reanalyzeChildEnv = "RASID_TEST_REANALYZE_CHILD"

func TestReanalyzeChild(t *testing.T) {
	argsJSON := os.Getenv(reanalyzeChildEnv)
	if argsJSON == "" {
		t.Skip("runs only as the child of TestReanalyzeKilled")
	}
	var args []string
	if err := json.Unmarshal([]byte(argsJSON), &args); err != nil {
		t.Fatal(err)
	}
	os.Exit(ExitCode(Run(context.Background(), OSEnv(), args)))
}

// TestReanalyzeKilled kills reanalyze in the middle (SIGKILL) and checks
// that the store holds whole batches of analyses and that running it
// again analyzes exactly the rest.
func TestReanalyzeKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	seeds := seedArticles(t)
	const n, batch = 400, 20
	db := filepath.Join(t.TempDir(), "rasid.db")
	arts := make([]news.Article, n)
	for i := range arts {
		a := seeds[i%len(seeds)]
		a.ID, a.URL = fmt.Sprintf("k%04d", i), fmt.Sprintf("https://example.com/%d", i)
		arts[i] = a
	}
	withStore(t, db, func(st store.Store) {
		if _, err := st.PutArticles(context.Background(), arts); err != nil {
			t.Fatal(err)
		}
	})
	args, _ := json.Marshal([]string{"reanalyze", "--db", db, "--batch", fmt.Sprint(batch), "--progress", "1ns"})
	cmd := exec.Command(os.Args[0], "-test.run=^TestReanalyzeChild$")
	cmd.Env = append(os.Environ(), reanalyzeChildEnv+"="+string(args))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	progress := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "reanalyze: ") && strings.HasSuffix(sc.Text(), "/s)") {
			if progress++; progress == 3 {
				break
			}
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	go func() {
		for sc.Scan() {
		}
	}()
	err = cmd.Wait()
	if progress < 3 {
		t.Fatalf("child ended before three batches: %v", err)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("child was not killed by the signal (it finished first?): %v", err)
	}
	var done int
	withStore(t, db, func(st store.Store) {
		ids, err := st.Unanalyzed(context.Background(), analysis.Version, 0)
		if err != nil {
			t.Fatal(err)
		}
		done = n - len(ids)
	})
	t.Logf("killed after %d analyses stored", done)
	if done < 2*batch || done >= n || done%batch != 0 {
		t.Fatalf("after the kill %d analyses stored; want whole batches of %d, at least two, fewer than %d", done, batch, n)
	}
	_, errOut, code := run(t, "", "reanalyze", "--db", db, "--batch", fmt.Sprint(batch))
	if want := fmt.Sprintf("reanalyze: %d articles analyzed", n-done); code != 0 || !strings.Contains(errOut, want) {
		t.Fatalf("re-run: exit %d, stderr %q; want %q", code, errOut, want)
	}
}
