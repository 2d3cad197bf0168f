package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalRefusesEmptyGold: an evaluation given a gold file with nothing
// in it says so and fails, instead of printing zeros.
func TestEvalRefusesEmptyGold(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.jsonl")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"eval", "names", "--data", empty}, "holds no person, location or organization words"},
		{[]string{"eval", "pubdate", "--data", empty}, "holds no dated articles"},
		{[]string{"eval", "quotes", "--gold", empty, "--articles", empty}, "holds no gold quotes"},
		{[]string{"eval", "timex", "--gold", empty, "--articles", empty}, "holds no gold expressions"},
		{[]string{"eval", "timex", "--duckling", empty}, "holds no groups of inputs"},
	} {
		t.Run(strings.Join(tc.args[:2], " "), func(t *testing.T) {
			_, errs, code := run(t, "", tc.args...)
			if code != 1 || !strings.Contains(errs, empty) || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want 1 naming %s and %q", code, errs, empty, tc.want)
			}
		})
	}
}
