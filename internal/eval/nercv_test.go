package eval

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/rasid-news/rasid/internal/ner"
)

// TestCrossValidateNER cross-validates a fake tagger that knows one name
// per fold's training data and checks the cut, the pooling and errors.
func TestCrossValidateNER(t *testing.T) {
	var b strings.Builder
	names := []string{"بغداد", "دمشق", "عمان", "القاهرة", "بيروت", "تونس", "الرباط"}
	for _, n := range names {
		b.WriteString("في O\n" + n + " B-LOC\n\n")
	}
	data, err := ner.ReadCoNLL(strings.NewReader(b.String()), "gold")
	if err != nil {
		t.Fatal(err)
	}
	// The tagger tags as a place every word that is a place in its
	// training data, and "في" wrongly, so that every fold has a false
	// positive and a miss.
	train := func(tr []ner.Sentence) (func([][]string) [][]ner.Tag, error) {
		known := map[string]bool{"في": true}
		for _, s := range tr {
			for i, g := range s.Tags {
				if g != ner.O {
					known[s.Tokens[i]] = true
				}
			}
		}
		return func(sents [][]string) [][]ner.Tag {
			out := make([][]ner.Tag, len(sents))
			for i, s := range sents {
				out[i] = make([]ner.Tag, len(s))
				for j, w := range s {
					if known[w] {
						out[i][j] = ner.B(ner.LOC)
					}
				}
			}
			return out
		}, nil
	}
	for _, tc := range []struct {
		name     string
		k, par   int
		wantSize []int
	}{
		{"2 folds", 2, 1, []int{4, 3}},
		{"3 folds side by side", 3, 3, []int{3, 2, 2}},
		{"one sentence a fold", 7, 4, []int{1, 1, 1, 1, 1, 1, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			calls := 0
			rep, err := CrossValidateNER(data, tc.k, tc.par, train, func(NERFold) { calls++ })
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Folds) != tc.k || calls != tc.k {
				t.Fatalf("%d folds, %d calls of done, want %d", len(rep.Folds), calls, tc.k)
			}
			next := 1
			var tp, fp, fn, sents int
			for i, f := range rep.Folds {
				if f.Fold != i+1 || f.First != next || f.Last-f.First+1 != tc.wantSize[i] || f.Sentences != tc.wantSize[i] {
					t.Errorf("fold %d: %+v, want fold %d from sentence %d, %d sentences", i, f, i+1, next, tc.wantSize[i])
				}
				next = f.Last + 1
				// Every held name is unseen, and "في" is a false place.
				if f.Micro.TP != 0 || f.Micro.FP != f.Sentences || f.Micro.FN != f.Sentences {
					t.Errorf("fold %d: micro %+v", f.Fold, f.Micro)
				}
				tp, fp, fn, sents = tp+f.Micro.TP, fp+f.Micro.FP, fn+f.Micro.FN, sents+f.Sentences
			}
			p := rep.Pooled
			if p.Micro.TP != tp || p.Micro.FP != fp || p.Micro.FN != fn || p.Sentences != sents || p.Tokens != 2*sents {
				t.Errorf("pooled %+v, want tp %d fp %d fn %d over %d sentences", p.Micro, tp, fp, fn, sents)
			}
			if loc := p.PerType["LOC"]; loc.FP != fp || loc.FN != fn {
				t.Errorf("pooled LOC %+v", loc)
			}
			if p.F1 != 0 || p.TokenAccuracy != 0 || rep.FoldF1Mean != 0 || rep.Pooling != NERPooling {
				t.Errorf("pooled F1 %v, token accuracy %v, mean %v, pooling %q", p.F1, p.TokenAccuracy, rep.FoldF1Mean, rep.Pooling)
			}
		})
	}

	// Pooling sums counts: two folds with F1 1 and 0 and unequal sizes
	// pool to the F1 of the summed counts, not to 0.5.
	t.Run("pooled counts, not mean F1", func(t *testing.T) {
		seenAll := func([]ner.Sentence) (func([][]string) [][]ner.Tag, error) {
			return func(sents [][]string) [][]ner.Tag {
				out := make([][]ner.Tag, len(sents))
				for i, s := range sents {
					out[i] = make([]ner.Tag, len(s))
					if s[1] == "بغداد" || s[1] == "دمشق" || s[1] == "عمان" || s[1] == "القاهرة" {
						out[i][1] = ner.B(ner.LOC)
					}
				}
				return out
			}, nil
		}
		rep, err := CrossValidateNER(data, 2, 2, seenAll, nil)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Folds[0].F1 != 1 || rep.Folds[1].F1 != 0 {
			t.Fatalf("fold F1s %v %v, want 1 and 0", rep.Folds[0].F1, rep.Folds[1].F1)
		}
		want := PRF{TP: 4, FN: 3}.Score()
		if math.Abs(rep.Pooled.F1-want.F1) > 1e-12 || rep.FoldF1Mean != 0.5 || math.Abs(rep.FoldF1SD-math.Sqrt(0.5)) > 1e-12 {
			t.Errorf("pooled F1 %v mean %v sd %v, want %v, 0.5, %v", rep.Pooled.F1, rep.FoldF1Mean, rep.FoldF1SD, want.F1, math.Sqrt(0.5))
		}
		if math.Abs(rep.Pooled.TokenAccuracy-11.0/14) > 1e-12 {
			t.Errorf("pooled token accuracy %v, want 11/14", rep.Pooled.TokenAccuracy)
		}
	})

	for _, tc := range []struct {
		name string
		k    int
		fail bool
		want string
	}{
		{"one fold", 1, false, "2 folds or more"},
		{"more folds than sentences", 8, false, "every fold needs a sentence"},
		{"training fails", 2, true, "fold 1: training: no"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := train
			if tc.fail {
				tr = func([]ner.Sentence) (func([][]string) [][]ner.Tag, error) { return nil, errors.New("no") }
			}
			_, err := CrossValidateNER(data, tc.k, 2, tr, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}
