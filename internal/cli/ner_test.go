package cli

import (
	"strings"
	"testing"
)

func TestNERConllContract(t *testing.T) {
	in := "قال\nمايك x\nبومبيو\n\n\nوبغداد\n"
	out, _, code := run(t, in, "ner", "--conll")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	sents := strings.Split(strings.TrimSuffix(out, "\n"), "\n\n")
	if len(sents) != 2 {
		t.Fatalf("%d sentences in output, want 2:\n%s", len(sents), out)
	}
	want := [][]string{{"قال", "مايك", "بومبيو"}, {"وبغداد"}}
	for i, s := range sents {
		lines := strings.Split(s, "\n")
		if len(lines) != len(want[i]) {
			t.Fatalf("sentence %d: %d lines, want %d", i, len(lines), len(want[i]))
		}
		for j, l := range lines {
			tok, tag, ok := strings.Cut(l, " ")
			if !ok || tok != want[i][j] || tag == "" {
				t.Errorf("line %q, want token %q and a tag", l, want[i][j])
			}
		}
	}
}

func TestNERUsage(t *testing.T) {
	for _, args := range [][]string{{"ner"}, {"eval", "ner"}, {"train", "ner"}, {"train", "nothing"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			if _, _, code := run(t, "", args...); code != 2 {
				t.Errorf("exit %d, want 2 (usage)", code)
			}
		})
	}
}
