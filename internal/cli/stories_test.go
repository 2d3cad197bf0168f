package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// TestDemoCommand: rasid demo prints what it did and the story cards on
// stdout; with --md, stdout is Markdown alone (the cards, each starting
// with its "# " heading) and what it did goes to stderr.
func TestDemoCommand(t *testing.T) {
	for _, tc := range []struct {
		args          []string
		out, notOut   []string // in stdout, not in stdout
		errs          string   // in stderr
		startsHeading bool
	}{
		{[]string{"demo"}, []string{"rasid demo:", "grouped into", "اليرموك", "الخط الزمني", "الملخص", "المصادر"}, []string{"# "}, "", false},
		{[]string{"demo", "--md"}, []string{"اليرموك", "## الخط الزمني", "## المصادر"}, []string{"rasid demo:", "analyzed "}, "example articles from 4 inputs bundled with rasid", true},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			out, errs, code := run(t, "", tc.args...)
			if code != 0 {
				t.Fatalf("%v: exit %d: %s", tc.args, code, errs)
			}
			for _, want := range tc.out {
				if !strings.Contains(out, want) {
					t.Errorf("%v: stdout lacks %q", tc.args, want)
				}
			}
			for _, not := range tc.notOut {
				if strings.Contains(out, not) {
					t.Errorf("%v: stdout has %q", tc.args, not)
				}
			}
			if !strings.Contains(errs, tc.errs) {
				t.Errorf("%v: stderr %q lacks %q", tc.args, errs, tc.errs)
			}
			if tc.startsHeading && !strings.HasPrefix(out, "# ") {
				t.Errorf("%v: stdout does not start with a Markdown heading: %.200q", tc.args, out)
			}
		})
	}
}

// TestCounts: counts in the output agree with their number ("1 input",
// "1 article, 1 outlet"; "0 stories", "2 matches").
func TestCounts(t *testing.T) {
	for _, tc := range []struct {
		n         int
		one, many string
		want      string
	}{
		{0, "story", "stories", "0 stories"},
		{1, "story", "stories", "1 story"},
		{2, "match", "matches", "2 matches"},
		{1, "input", "inputs", "1 input"},
	} {
		if got := count(tc.n, tc.one, tc.many); got != tc.want {
			t.Errorf("count(%d, %q, %q) = %q, want %q", tc.n, tc.one, tc.many, got, tc.want)
		}
	}
	db := filepath.Join(t.TempDir(), "rasid.db")
	const rec = `{"url":"https://news.example/1","source":"النبأ","published":"2024-05-01","title":"اجتماع في بغداد","text":"قال وزير الخارجية في بغداد اليوم إن المحادثات مع الوفد الزائر مستمرة حتى الأسبوع المقبل."}`
	for _, tc := range []struct {
		args []string
		want string // in stdout
		not  string // not in stdout
	}{
		{[]string{"ingest", "--db", db, "-"}, "1 stored, 0 already stored, 0 new versions, 0 refused; 1 input;", "1 inputs"},
		{[]string{"reanalyze", "--db", db}, "", ""},
		{[]string{"cluster", "--db", db}, "1 new article clustered (0 left unanalyzed): 1 story started", "stories started"},
		{[]string{"stories", "--db", db}, "  1 article,  1 outlet  اجتماع في بغداد", "articles"},
		{[]string{"search", "--db", db, "المحادثات"}, "1 match, 1–1:", "matches"},
		{[]string{"search", "--db", db, "طائرة"}, "0 matches", ""},
	} {
		out, errs, code := run(t, rec, tc.args...)
		if code != 0 || !strings.Contains(out, tc.want) || (tc.not != "" && strings.Contains(out, tc.not)) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %q, not %q", tc.args, code, out, errs, tc.want, tc.not)
		}
	}
}

// TestSpanOf: a story's span in rasid stories, with a missing date said
// as "undated" as rasid search and the story card say it.
func TestSpanOf(t *testing.T) {
	day := func(s string) time.Time {
		d, _ := time.Parse(time.DateOnly, s)
		return d
	}
	for _, tc := range []struct {
		first, last time.Time
		want        string
	}{
		{day("2015-08-01"), day("2015-08-01"), "2015-08-01"},
		{day("2015-08-01"), day("2015-08-03"), "2015-08-01…08-03"},
		{day("2014-12-31"), day("2015-01-02"), "2014-12-31…2015-01-02"},
		{time.Time{}, time.Time{}, "undated"},
		{time.Time{}, day("2015-08-03"), "undated…2015-08-03"},
	} {
		if got := spanOf(tc.first, tc.last); got != tc.want {
			t.Errorf("spanOf(%v, %v) = %q, want %q", tc.first, tc.last, got, tc.want)
		}
	}
}
