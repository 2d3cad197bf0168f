package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestMigrateVersions: migrate keeps the version of a URL that is current
// in the source current in the target, whatever the publication dates of
// the versions (list order is publication order, not ingest order).
func TestMigrateVersions(t *testing.T) {
	const url = "https://example.com/news/1"
	body := func(n int) string {
		return fmt.Sprintf("أعلنت وزارة الصحة اليوم تسجيل حالات جديدة في عدد من المناطق، وهذه هي الصيغة رقم %d من الخبر بعد التصحيح.", n)
	}
	tests := []struct {
		name string
		days []string // publication day of each version, in ingest order
	}{
		{"later versions dated later", []string{"2021-03-04", "2021-03-05"}},
		{"a correction dated earlier", []string{"2021-03-05", "2021-03-04"}},
		{"a correction without a time", []string{"2021-03-04T21:04:00+01:00", "2021-03-04"}},
		{"three versions out of order", []string{"2021-03-06", "2021-03-04", "2021-03-05"}},
		{"an undated version first", []string{"", "2021-03-04"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src := filepath.Join(dir, "a.db")
			for i, day := range tc.days {
				rec, _ := json.Marshal(map[string]string{"url": url, "source": "example", "title": "خبر", "published": day, "body": body(i)})
				in := filepath.Join(dir, fmt.Sprintf("v%d.jsonl", i))
				if err := os.WriteFile(in, append(rec, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				if _, errOut, code := ingestJSON(t, "--db", src, in); code != 0 {
					t.Fatalf("ingest version %d: %s", i, errOut)
				}
			}
			want := currentIDs(t, src)
			if len(want) != 1 {
				t.Fatalf("source holds %d current versions, want 1", len(want))
			}
			targets := []string{filepath.Join(dir, "b.db")}
			if os.Getenv("RASID_TEST_POSTGRES") != "" {
				targets = append(targets, pgDSN(t), filepath.Join(dir, "c.db"))
			}
			from := src
			for _, to := range targets {
				out, errOut, code := run(t, "", "migrate", "--from", from, "--to", to, "--json")
				var rep migrateReport
				if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 0 || !rep.Verified {
					t.Fatalf("migrate %s → %s: exit %d, %s%s", from, to, code, out, errOut)
				}
				if got := currentIDs(t, to); !slices.Equal(got, want) {
					t.Errorf("current version after migrate to %s: %v, want %v", to, got, want)
				}
				if rep.To.Superseded != len(tc.days)-1 {
					t.Errorf("superseded in %s: %d, want %d", to, rep.To.Superseded, len(tc.days)-1)
				}
				from = to
			}
		})
	}
}

// currentIDs returns the ids of the current articles of the store at db.
func currentIDs(t *testing.T, db string) []string {
	t.Helper()
	var ids []string
	for _, a := range storedArticles(t, db) {
		ids = append(ids, a.ID)
	}
	return ids
}
