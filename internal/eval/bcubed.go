package eval

import (
	"maps"
	"slices"
)

// BCubed holds BCubed precision, recall and F1 of a clustering against
// gold labels (Bagga and Baldwin 1998; Amigó et al. 2009): per item, the
// share of its predicted cluster that shares its gold label (precision)
// and the share of its gold class that shares its predicted cluster
// (recall), averaged over items.
type BCubed struct {
	Items     int     `json:"items"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// ScoreBCubed scores predicted cluster labels against gold labels; both
// map every item to a label and must have the same keys (items missing
// from pred count as singletons).
func ScoreBCubed(gold, pred map[string]string) BCubed {
	type pair struct{ g, p string }
	goldSize := map[string]int{}
	predSize := map[string]int{}
	both := map[pair]int{}
	predOf := func(item string) string {
		if p, ok := pred[item]; ok {
			return "p:" + p
		}
		return "singleton:" + item
	}
	for item, g := range gold {
		p := predOf(item)
		goldSize[g]++
		predSize[p]++
		both[pair{g, p}]++
	}
	// Summed in item order: a map's order would change the last bits
	// from run to run.
	var sp, sr float64
	for _, item := range slices.Sorted(maps.Keys(gold)) {
		g := gold[item]
		p := predOf(item)
		n := float64(both[pair{g, p}])
		sp += n / float64(predSize[p])
		sr += n / float64(goldSize[g])
	}
	b := BCubed{Items: len(gold)}
	if b.Items == 0 {
		return b
	}
	b.Precision = sp / float64(b.Items)
	b.Recall = sr / float64(b.Items)
	if b.Precision+b.Recall > 0 {
		b.F1 = 2 * b.Precision * b.Recall / (b.Precision + b.Recall)
	}
	return b
}
