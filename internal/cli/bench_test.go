package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestBenchSearch(t *testing.T) {
	db := demoDB(t)
	empty := filepath.Join(t.TempDir(), "empty.db")
	st, err := openStore(context.Background(), Env{}, empty)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		out, err string
	}{
		{"text", []string{"bench", "search", "--db", db, "--queries", "5", "--rounds", "1"}, 0, "p99", ""},
		{"nothing to measure", []string{"bench"}, 2, "", "say what to measure"},
		{"unknown", []string{"bench", "ingest"}, 2, "", `unknown measurement "ingest"`},
		{"bad count", []string{"bench", "search", "--db", db, "--queries", "0"}, 2, "", "at least 1"},
		{"empty archive", []string{"bench", "search", "--db", empty}, 1, "", "holds no article"},
		{"no archive", []string{"bench", "search", "--db", empty + ".x"}, 1, "", "no archive at " + empty + ".x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := run(t, "", tc.args...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errs, tc.err) {
				t.Errorf("code %d, stdout %q, stderr %q; want %d, %q, %q", code, out, errs, tc.code, tc.out, tc.err)
			}
		})
	}
	out, errs, code := run(t, "", "bench", "search", "--db", db, "--queries", "8", "--rounds", "2", "--json", "--facets")
	if code != 0 {
		t.Fatal(errs)
	}
	var rep benchReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Articles == 0 || rep.Queries == 0 || rep.Runs != 2*rep.Queries || !rep.Facets ||
		rep.P50ms > rep.P90ms || rep.P90ms > rep.P99ms || rep.P99ms > rep.MaxMs || rep.PerSec <= 0 {
		t.Errorf("implausible report %+v", rep)
	}
}
