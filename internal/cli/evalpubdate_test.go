package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalPubdate(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "articles.jsonl")
	lines := `{"url":"u1","date":"2015-08-04","content":"أعلن المجلس اليوم الثلاثاء 19/10/1436هـ أن الموسم سيبدأ قريبا."}
{"url":"u2","date":"2015-08-05","content":"قال الوزير إن المباحثات كانت مثمرة."}
`
	if err := os.WriteFile(data, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		desc string
		args []string
		want string
		code int
	}{
		{"text", []string{"eval", "pubdate", "--data", data}, "articles 2, given a day 1 (coverage 0.500)", 0},
		{"json", []string{"eval", "pubdate", "--data", data, "--json"}, `"exact": 1`, 0},
		{"no data", []string{"eval", "pubdate"}, "", 2},
		{"bad split", []string{"eval", "pubdate", "--data", data, "--split", "x"}, "", 2},
		{"missing file", []string{"eval", "pubdate", "--data", filepath.Join(dir, "none.jsonl")}, "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			out, errOut, code := run(t, "", tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tt.code, errOut)
			}
			if !strings.Contains(out, tt.want) {
				t.Errorf("output %q lacks %q", out, tt.want)
			}
			if strings.Contains(tt.desc, "json") {
				var rep map[string]any
				if err := json.Unmarshal([]byte(out), &rep); err != nil {
					t.Errorf("not JSON: %v", err)
				}
			}
		})
	}
}
