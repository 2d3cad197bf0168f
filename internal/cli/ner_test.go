package cli

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rasid-news/rasid/internal/eval"
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

// TestEvalNERCV cross-validates on the first few hundred sentences of
// ANERcorp's train split and checks the shape of the report: every
// sentence held out once, figures in [0, 1], the pooled counts the sums
// of the folds'.
func TestEvalNERCV(t *testing.T) {
	raw, err := os.ReadFile("../../../shared/data/anercorp/train.txt")
	if err != nil {
		t.Skipf("train data not found: %v", err)
	}
	// The first 300 sentences.
	sents := strings.SplitAfter(string(raw), "\n\n")
	if len(sents) < 300 {
		t.Fatalf("train.txt has %d sentences", len(sents))
	}
	path := filepath.Join(t.TempDir(), "train300.txt")
	if err := os.WriteFile(path, []byte(strings.Join(sents[:300], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		k    int
	}{
		{"2 folds", []string{"--cv", "2", "--epochs", "2"}, 2},
		{"3 folds, another seed", []string{"--cv", "3", "--epochs", "1", "--seed", "7"}, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"eval", "ner", "--data", path, "--json"}, tc.args...)
			out, errs, code := run(t, "", args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var rep struct {
				Folds []struct {
					Fold  int
					First int `json:"first_sentence"`
					Last  int `json:"last_sentence"`
					eval.NERReport
				}
				Pooled     eval.NERReport
				Pooling    string
				FoldF1Mean float64 `json:"fold_f1_mean"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("%v:\n%s", err, out)
			}
			if len(rep.Folds) != tc.k {
				t.Fatalf("%d folds, want %d", len(rep.Folds), tc.k)
			}
			in01 := func(what string, x float64) {
				if x < 0 || x > 1 || math.IsNaN(x) {
					t.Errorf("%s %v is not in [0, 1]", what, x)
				}
			}
			var sum eval.PRF
			sentences, tokens := 0, 0
			for i, f := range rep.Folds {
				if f.Fold != i+1 || f.Sentences == 0 || f.Last-f.First+1 != f.Sentences || f.First != sentences+1 {
					t.Errorf("fold %d: number %d, sentences %d-%d (%d)", i, f.Fold, f.First, f.Last, f.Sentences)
				}
				in01("fold F1", f.F1)
				in01("fold precision", f.Precision)
				in01("fold recall", f.Recall)
				sum = sum.Add(f.Micro)
				sentences += f.Sentences
				tokens += f.Tokens
			}
			p := rep.Pooled
			if sentences != 300 || p.Sentences != 300 || p.Tokens != tokens {
				t.Errorf("folds hold %d sentences, pooled %d (tokens %d against %d), want 300", sentences, p.Sentences, p.Tokens, tokens)
			}
			if p.Micro.TP != sum.TP || p.Micro.FP != sum.FP || p.Micro.FN != sum.FN {
				t.Errorf("pooled counts %+v, want the folds' sums %+v", p.Micro, sum)
			}
			if p.Micro.TP == 0 {
				t.Error("no entity found in any fold")
			}
			for _, x := range []float64{p.F1, p.Precision, p.Recall, p.TokenAccuracy, rep.FoldF1Mean} {
				in01("pooled figure", x)
			}
			if !strings.Contains(rep.Pooling, "summed") {
				t.Errorf("pooling %q does not say the counts are summed", rep.Pooling)
			}
		})
	}
	t.Run("text, deterministic", func(t *testing.T) {
		out, errs, code := run(t, "", "eval", "ner", "--data", path, "--cv", "2", "--epochs", "1")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		if again, _, _ := run(t, "", "eval", "ner", "--data", path, "--cv", "2", "--epochs", "1"); again != out {
			t.Errorf("a second run printed\n%s\nwhere the first printed\n%s", again, out)
		}
		for _, want := range []string{"2-fold cross-validation", "pooled over the folds (entity counts summed", "micro", "fold 2 of 2"} {
			if !strings.Contains(out+errs, want) {
				t.Errorf("output does not contain %q:\n%s\n%s", want, out, errs)
			}
		}
	})
}

// TestEvalNERCVFlags: --cv and its companions are checked before any
// training, with a usage error that says what is wrong.
func TestEvalNERCVFlags(t *testing.T) {
	path := filepath.Join(t.TempDir(), "three.txt")
	if err := os.WriteFile(path, []byte("مايك B-PERS\n\nفي O\n\nبغداد B-LOC\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"one fold", []string{"--cv", "1"}, "--cv 1: cross-validation needs 2 folds or more"},
		{"zero folds", []string{"--cv", "0"}, "--cv 0: cross-validation needs 2 folds or more"},
		{"negative folds", []string{"--cv", "-3"}, "--cv -3: cross-validation needs 2 folds or more"},
		{"more folds than sentences", []string{"--cv", "4"}, "holds 3 sentences; every fold needs one"},
		{"with a model", []string{"--cv", "2", "--model", "x.bin"}, "--model does not go with it"},
		{"epochs without --cv", []string{"--epochs", "3"}, "--epochs and --seed go with --cv"},
		{"seed without --cv", []string{"--seed", "3"}, "--epochs and --seed go with --cv"},
		{"negative epochs", []string{"--cv", "2", "--epochs", "-1"}, "--epochs -1"},
		{"not a number", []string{"--cv", "two"}, "invalid value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := run(t, "", append([]string{"eval", "ner", "--data", path}, tc.args...)...)
			if code != 2 || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, errs, tc.want)
			}
		})
	}
}
