package cli

import (
	"context"
	"errors"
	"flag"
	"io"
	"path/filepath"
	"strings"
	"testing"
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
