package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rasid-news/rasid/internal/store/sqlite"
)

// demoDB writes the demo corpus, analyzed and clustered, to a SQLite
// store in a temporary directory and returns its path.
func demoDB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "rasid.db")
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ins, err := demoInputs()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline(ctx, st, ins, nil); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestStoryCommands(t *testing.T) {
	db := demoDB(t)

	out, errs, code := run(t, "", "stories", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("stories: exit %d: %s", code, errs)
	}
	var list []struct {
		ID       string `json:"id"`
		Title    string `json:"title"`
		Articles []struct {
			ID, URL, Source, Published string
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("stories --json: %v\n%s", err, out)
	}
	if len(list) < 3 || list[0].ID == "" || list[0].Title == "" || len(list[0].Articles) == 0 || list[0].Articles[0].URL == "" {
		t.Fatalf("stories --json: %+v", list)
	}
	biggest := list[0]
	for _, s := range list {
		if len(s.Articles) > len(biggest.Articles) {
			biggest = s
		}
	}

	out, errs, code = run(t, "", "story", biggest.ID, "--db", db, "--json")
	if code != 0 {
		t.Fatalf("story --json: exit %d: %s", code, errs)
	}
	var c map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "title", "timeline", "entities", "quotes", "summary"} {
		if len(c[k]) == 0 {
			t.Errorf("story --json lacks %q", k)
		}
	}
	var tl []struct {
		Date    string   `json:"date"`
		Text    string   `json:"text"`
		Sources []string `json:"sources"`
	}
	if err := json.Unmarshal(c["timeline"], &tl); err != nil || len(tl) == 0 || tl[0].Date == "" || len(tl[0].Sources) == 0 {
		t.Errorf("timeline %v: %s", err, c["timeline"])
	}

	out, errs, code = run(t, "", "duplicates", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("duplicates: exit %d: %s", code, errs)
	}
	var groups []struct {
		Canonical struct{ ID, URL string }   `json:"canonical"`
		Copies    []struct{ ID, URL string } `json:"copies"`
	}
	if err := json.Unmarshal([]byte(out), &groups); err != nil || len(groups) == 0 || groups[0].Canonical.ID == "" || len(groups[0].Copies) == 0 {
		t.Errorf("duplicates --json: %v %s", err, out)
	}

	tests := []struct {
		desc     string
		args     []string
		wantCode int
		want     string // substring of stdout+stderr
	}{
		{"story as text", []string{"story", "--db", db, biggest.ID}, 0, "الخط الزمني"},
		{"story as Markdown", []string{"story", "--db", db, "--md", biggest.ID}, 0, "## الخط الزمني"},
		{"story as HTML", []string{"story", "--db", db, "--html", biggest.ID}, 0, `dir="rtl"`},
		{"story without id", []string{"story", "--db", db}, 2, "want one story ID"},
		{"two formats", []string{"story", "--db", db, "--md", "--json", biggest.ID}, 2, "choose one"},
		{"unknown story", []string{"story", "--db", db, "s-nope"}, 1, `no story "s-nope"`},
		{"an article's id", []string{"story", "--db", db, biggest.Articles[0].ID}, 1, fmt.Sprintf("%q is an article; its story is %s", biggest.Articles[0].ID, biggest.ID)},
		{"stories as text", []string{"stories", "--db", db}, 0, biggest.ID},
		{"stories since after everything", []string{"stories", "--db", db, "--since", "2030-01-01", "--json"}, 0, "[]"},
		{"bad --since", []string{"stories", "--db", db, "--since", "yesterday"}, 2, "--since"},
		{"cluster again: nothing new", []string{"cluster", "--db", db}, 0, "0 new articles"},
		{"duplicates as text", []string{"duplicates", "--db", db}, 0, "  = "},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			out, errs, code := run(t, "", tc.args...)
			if code != tc.wantCode || !strings.Contains(out+errs, tc.want) {
				t.Errorf("exit %d, want %d; output lacks %q:\n%s%s", code, tc.wantCode, tc.want, out, errs)
			}
		})
	}
}

func TestDemoCommand(t *testing.T) {
	out, errs, code := run(t, "", "demo")
	if code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errs)
	}
	for _, want := range []string{"rasid demo:", "اليرموك", "الخط الزمني", "الملخص", "المصادر"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
}
