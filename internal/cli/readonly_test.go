package cli

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rasid-news/rasid/internal/store/storetest"
)

// notWritable makes the store at path and its directory read-only for
// the rest of the test. Tests run as root in CI, and root may write them
// anyway: then storeWritable is made to answer as it does for a user who
// may not, and what proves that nothing is written is that the directory
// is the same before and after.
func notWritable(t *testing.T, path string) {
	t.Helper()
	dir := filepath.Dir(path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	if os.Geteuid() == 0 {
		orig := storeWritable
		storeWritable = func(string) bool { return false }
		t.Cleanup(func() { storeWritable = orig })
	} else if storeWritable(path) {
		t.Fatalf("%s is writable after chmod", path)
	}
}

// TestReadOnlyArchive runs the reading commands on an archive the user may
// not write: each answers, and the archive's directory is byte for byte
// the same afterwards (no migration, no index sync, no -wal or -shm).
// The writing commands are refused.
func TestReadOnlyArchive(t *testing.T) {
	db := demoDB(t)
	out, errs, code := run(t, "", "stories", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("stories: exit %d: %s", code, errs)
	}
	var list []struct{ ID string }
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) == 0 {
		t.Fatalf("stories --json: %v %s", err, out)
	}
	notWritable(t, db)
	before := storetest.DirState(t, filepath.Dir(db))
	for _, tc := range []struct {
		args []string
		want string // a substring of stdout
	}{
		{[]string{"search", "--db", db, "اليرموك"}, "اليرموك"},
		{[]string{"stories", "--db", db}, list[0].ID},
		{[]string{"story", "--db", db, list[0].ID}, "["},
		{[]string{"entities", "--db", db}, "LOC"},
		{[]string{"articles", "--db", db}, "20"},
		{[]string{"sources", "--db", db}, "وكالة النبأ"},
		{[]string{"stats", "--db", db}, "articles             19"},
		{[]string{"duplicates", "--db", db, "--json"}, "canonical"},
	} {
		out, errs, code := run(t, "", tc.args...)
		if code != 0 || !strings.Contains(out, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, stdout %.300q; want 0 and %q", tc.args, code, errs, out, tc.want)
		}
	}
	if after := storetest.DirState(t, filepath.Dir(db)); !slices.Equal(after, before) {
		t.Errorf("reading changed the archive's directory:\nbefore %v\nafter  %v", before, after)
	}
}

// TestReadOnlyArchiveOldSchema: an archive the user may not write whose
// schema is older than this build's is refused with an error that names
// the file and the command that migrates it, and is left as it was.
func TestReadOnlyArchiveOldSchema(t *testing.T) {
	db := demoDB(t)
	raw, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.ExecContext(context.Background(), `PRAGMA user_version = 4`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	notWritable(t, db)
	before := storetest.DirState(t, filepath.Dir(db))
	for _, cmd := range []string{"stories", "search", "entities"} {
		args := []string{cmd, "--db", db}
		if cmd == "search" {
			args = append(args, "اليرموك")
		}
		_, errs, code := run(t, "", args...)
		for _, w := range []string{db, "read-only", "schema version 4 is older", "needs a migration", "rasid stats --db " + db} {
			if code == 0 || !strings.Contains(errs, w) {
				t.Errorf("%s: exit %d, stderr %q; want an error containing %q", cmd, code, errs, w)
			}
		}
	}
	if after := storetest.DirState(t, filepath.Dir(db)); !slices.Equal(after, before) {
		t.Errorf("the refused archive changed:\nbefore %v\nafter  %v", before, after)
	}
}
