package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalStemAndNames(t *testing.T) {
	dir := t.TempDir()
	tsv := filepath.Join(dir, "gold.tsv")
	conll := filepath.Join(dir, "dev.txt")
	if err := os.WriteFile(tsv, []byte("word\tstem\troot\nكتابهم\tكتاب\tكتب\nوكتاب\tكتاب\tكتب\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(conll, []byte("زار O\nبغداد B-LOC\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		desc string
		args []string
		keys []string
		code int
	}{
		{"stem json", []string{"eval", "stem", "--data", tsv, "--json"}, []string{"accuracy", "conflation_f1"}, 0},
		{"names json", []string{"eval", "names", "--data", conll, "--json"}, []string{"all", "unseen_in_train"}, 0},
		{"stem without data", []string{"eval", "stem"}, nil, 2},
		{"stem missing file", []string{"eval", "stem", "--data", filepath.Join(dir, "none.tsv")}, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			out, errOut, code := run(t, "", tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tt.code, errOut)
			}
			if tt.keys == nil {
				return
			}
			var obj map[string]any
			if err := json.Unmarshal([]byte(out), &obj); err != nil {
				t.Fatalf("output is not one JSON object: %v\n%s", err, out)
			}
			for _, k := range tt.keys {
				if _, ok := obj[k]; !ok {
					t.Errorf("JSON lacks %q: %s", k, strings.TrimSpace(out))
				}
			}
		})
	}
}
