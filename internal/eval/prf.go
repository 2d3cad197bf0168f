package eval

// PRF holds the counts of a detection task and the precision, recall and
// F1 computed from them.
type PRF struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Score fills Precision, Recall and F1 from the counts and returns p.
// A ratio with a zero denominator is 0.
func (p PRF) Score() PRF {
	p.Precision = ratio(p.TP, p.TP+p.FP)
	p.Recall = ratio(p.TP, p.TP+p.FN)
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	} else {
		p.F1 = 0
	}
	return p
}

// Add returns the sum of the counts of p and q, scored.
func (p PRF) Add(q PRF) PRF {
	return PRF{TP: p.TP + q.TP, FP: p.FP + q.FP, FN: p.FN + q.FN}.Score()
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
