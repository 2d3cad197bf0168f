package eval

import (
	"math"
	"strconv"
	"testing"
)

func TestScoreBCubed(t *testing.T) {
	gold := map[string]string{"a": "x", "b": "x", "c": "x", "d": "y", "e": "z"}
	tests := []struct {
		desc    string
		pred    map[string]string
		p, r, f float64
	}{
		{"perfect", map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "3"}, 1, 1, 1},
		{"all singletons", map[string]string{}, 1, (1.0/3*3 + 1 + 1) / 5, 0},
		{"all in one", map[string]string{"a": "1", "b": "1", "c": "1", "d": "1", "e": "1"}, (3*0.6 + 0.2 + 0.2) / 5, 1, 0},
		{"one split off", map[string]string{"a": "1", "b": "1", "c": "2", "d": "3", "e": "4"}, 1, (2.0/3*2 + 1.0/3 + 2) / 5, 0},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			got := ScoreBCubed(gold, tc.pred)
			if math.Abs(got.Precision-tc.p) > 1e-9 || math.Abs(got.Recall-tc.r) > 1e-9 {
				t.Errorf("P=%v R=%v, want P=%v R=%v", got.Precision, got.Recall, tc.p, tc.r)
			}
			if want := 2 * tc.p * tc.r / (tc.p + tc.r); math.Abs(got.F1-want) > 1e-9 {
				t.Errorf("F1=%v, want %v", got.F1, want)
			}
		})
	}
	if got := ScoreBCubed(nil, nil); got.Items != 0 || got.F1 != 0 {
		t.Errorf("empty: %+v", got)
	}
}

// TestScoreBCubedRepeatable holds that the same labels give the same
// bits: the per-item shares are summed in item order, not in a map's
// random order (rasid eval cluster --json differed in its last digits
// from run to run).
func TestScoreBCubedRepeatable(t *testing.T) {
	gold, pred := map[string]string{}, map[string]string{}
	for i := range 3000 {
		k := strconv.Itoa(i)
		gold[k] = strconv.Itoa(i % 7)
		pred[k] = strconv.Itoa(i % 11)
	}
	first := ScoreBCubed(gold, pred)
	for range 20 {
		if got := ScoreBCubed(gold, pred); got != first {
			t.Fatalf("%+v, then %+v", first, got)
		}
	}
}
