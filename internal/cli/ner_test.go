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

// TestNERFirstColumn: rasid ner --conll reads the first column whatever
// the others hold (POS tags, chunks, gold tags that are no entity tags).
func TestNERFirstColumn(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"pos column", "محمد NNP\nذهب VBD\n", []string{"محمد", "ذهب"}},
		{"four columns, tabs", "قال\tVBD\tB-VP\tO\nبومبيو\tNNP\tB-NP\tB-PERS\n", []string{"قال", "بومبيو"}},
		{"mixed", "قال\nبومبيو NNP B-NP B-PERS\n", []string{"قال", "بومبيو"}},
		{"empty token", " O\nبغداد B-LOC\n", []string{"", "بغداد"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := run(t, tc.in, "ner", "--conll")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) != len(tc.want) {
				t.Fatalf("%d lines, want %d:\n%s", len(lines), len(tc.want), out)
			}
			for j, l := range lines {
				k := strings.LastIndex(l, " ")
				if k < 0 || l[:k] != tc.want[j] || l[k+1:] == "" {
					t.Errorf("line %q, want token %q and a tag", l, tc.want[j])
				}
			}
		})
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
