package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSearchCommand(t *testing.T) {
	db := demoDB(t)
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		out, err string
	}{
		{"words", []string{"search", "--db", db, "المياه", "اليرموك"}, 0, "【", ""},
		{"flags after words", []string{"search", "مياه", "--db", db, "--limit", "2", "--facets"}, 0, "sources:", ""},
		{"exclusion is not a flag", []string{"search", "--db", db, "مياه", "-اليرموك"}, 0, "matches", ""},
		{"no query", []string{"search", "--db", db}, 2, "", "give a query"},
		{"bad query", []string{"search", "--db", db, `"مياه`}, 2, "", "unclosed double quote"},
		{"page size", []string{"search", "--db", db, "--limit", "1000", "مياه"}, 2, "", "over the limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := run(t, "", tc.args...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errs, tc.err) {
				t.Errorf("code %d, stdout %q, stderr %q; want %d, %q, %q", code, out, errs, tc.code, tc.out, tc.err)
			}
		})
	}
	out, errs, code := run(t, "", "search", "--db", db, "--json", "--facets", "اليرموك")
	if code != 0 {
		t.Fatal(errs)
	}
	var res struct {
		Total int `json:"total"`
		Hits  []struct {
			Snippet struct {
				Text       string `json:"text"`
				Highlights []struct{ Start, End int }
			} `json:"snippet"`
		} `json:"hits"`
		BySource []struct{ Value string } `json:"by_source"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 || len(res.Hits) == 0 || len(res.BySource) == 0 {
		t.Fatalf("result %+v", res)
	}
	for _, h := range res.Hits {
		rs := []rune(h.Snippet.Text)
		for _, s := range h.Snippet.Highlights {
			if w := string(rs[s.Start:s.End]); !strings.Contains(w, "اليرموك") {
				t.Errorf("highlight %q is not the word", w)
			}
		}
	}
}
