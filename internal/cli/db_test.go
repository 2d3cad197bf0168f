package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDefaultDB(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"RASID_DB first", map[string]string{"RASID_DB": "/srv/a.db", "XDG_DATA_HOME": "/x", "HOME": "/h"}, "/srv/a.db"},
		{"postgres from RASID_DB", map[string]string{"RASID_DB": "postgres://db/rasid"}, "postgres://db/rasid"},
		{"XDG_DATA_HOME", map[string]string{"XDG_DATA_HOME": "/x", "HOME": "/h"}, "/x/rasid/rasid.db"},
		{"HOME", map[string]string{"HOME": "/h"}, "/h/.local/share/rasid/rasid.db"},
		{"nothing", nil, "rasid.db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := Env{Getenv: func(k string) string { return tt.env[k] }}
			if got := defaultDB(env); got != tt.want {
				t.Errorf("defaultDB = %q, want %q", got, tt.want)
			}
			fs := flag.NewFlagSet("x", flag.ContinueOnError)
			db := addDBFlag(fs, env)
			if err := fs.Parse(nil); err != nil || *db != tt.want {
				t.Errorf("--db default %q, %v; want %q", *db, err, tt.want)
			}
			if err := fs.Parse([]string{"--db", "/other.db"}); err != nil || *db != "/other.db" {
				t.Errorf("--db /other.db gave %q, %v", *db, err)
			}
		})
	}
	if got := defaultDB(Env{}); got != "rasid.db" {
		t.Errorf("defaultDB without Getenv = %q", got)
	}
}

func TestOpenStore(t *testing.T) {
	ctx := context.Background()
	env := Env{Stderr: io.Discard, Getenv: func(string) string { return "" }}
	var ue *UsageError
	if _, err := openStore(ctx, env, ""); !errors.As(err, &ue) {
		t.Errorf("empty dsn: %v, want a usage error", err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "new", "dir", "rasid.db")
	st, err := openStore(ctx, env, path)
	if err != nil {
		t.Fatalf("openStore(%s): %v", path, err)
	}
	st.Close()
	if _, err := openStore(ctx, env, dir); err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("a directory as the store: %v, want an error naming it", err)
	}
}

// runWith runs rasid with the environment variables env, as run does,
// under a deadline (so that a serve that starts stops).
func runWith(t *testing.T, env map[string]string, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return env[k] }}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err := Run(ctx, e, args)
	if err != nil && ExitCode(err) != 0 {
		errb.WriteString(err.Error())
	}
	return out.String(), errb.String(), ExitCode(err)
}

// TestMissingArchive: a command that only reads refuses a SQLite path
// that names no file, naming the command and the path, and creates
// nothing (neither the file nor its directory), whether the path comes
// from --db, $RASID_DB or the default under $XDG_DATA_HOME. A command
// that writes creates the store.
func TestMissingArchive(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nodir", "x.db")
	for _, tc := range []struct {
		cmd  string // the command as named in the refusal
		args []string
	}{
		{"stats", []string{"stats"}},
		{"search", []string{"search", "بغداد"}},
		{"articles", []string{"articles"}},
		{"article", []string{"article", "a1"}},
		{"sources", []string{"sources"}},
		{"stories", []string{"stories"}},
		{"story", []string{"story", "s1"}},
		{"entities", []string{"entities"}},
		{"entity", []string{"entity", "loc-1"}},
		{"duplicates", []string{"duplicates"}},
		{"bench search", []string{"bench", "search"}},
		{"serve", []string{"serve", "--listen", "127.0.0.1:0"}},
		{"jobs", []string{"jobs"}},
		{"reanalyze", []string{"reanalyze"}},
		{"cluster", []string{"cluster"}},
		{"worker", []string{"worker", "--exit-when-done"}},
	} {
		for _, how := range []struct {
			name string
			env  map[string]string
			args []string
			path string
		}{
			{"--db", nil, []string{"--db", missing}, missing},
			{"RASID_DB", map[string]string{"RASID_DB": missing}, nil, missing},
			{"default", map[string]string{"XDG_DATA_HOME": filepath.Join(dir, "xdg")}, nil, filepath.Join(dir, "xdg", "rasid", "rasid.db")},
		} {
			t.Run(tc.cmd+"/"+how.name, func(t *testing.T) {
				args := append(append([]string{}, tc.args[0]), how.args...)
				args = append(args, tc.args[1:]...)
				if tc.cmd == "bench search" {
					args = append([]string{"bench", "search"}, how.args...)
				}
				out, errs, code := runWith(t, how.env, "", args...)
				want := "rasid " + tc.cmd + ": no archive at " + how.path + " (rasid ingest creates one"
				if code != 1 || !strings.Contains(errs, want) || out != "" {
					t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1 and %q", args, code, out, errs, want)
				}
				for _, p := range []string{how.path, filepath.Dir(how.path)} {
					if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
						t.Errorf("%v created %s", args, p)
					}
				}
			})
		}
	}
	jsonl := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(jsonl, []byte(`{"title":"عنوان","text":"قال الرئيس في بغداد اليوم إن المحادثات مستمرة."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i, args := range [][]string{
		{"ingest", jsonl},
	} {
		db := filepath.Join(dir, "w", strings.Repeat("d", i+1), "new.db")
		args = append(args, "--db", db)
		if _, errs, code := runWith(t, nil, "", args...); code != 0 {
			t.Errorf("%v: exit %d: %s", args, code, errs)
		}
		if _, err := os.Stat(db); err != nil {
			t.Errorf("%v did not create the store: %v", args, err)
		}
	}
}
