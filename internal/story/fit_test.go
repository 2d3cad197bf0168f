package story

import "testing"

func TestFit(t *testing.T) {
	items := []Features{Extract(talksA), Extract(match), Extract(talksB)}
	gold := []int{0, 1, 0}
	// Score: the share of item pairs on which the assignment agrees with
	// the gold (same story or not).
	agree := func(assign []int) float64 {
		n, ok := 0, 0
		for i := range assign {
			for j := i + 1; j < len(assign); j++ {
				n++
				if (assign[i] == assign[j]) == (gold[i] == gold[j]) {
					ok++
				}
			}
		}
		return float64(ok) / float64(n)
	}
	g := DefaultGrid()
	g.Body, g.Title, g.Entities, g.Time = g.Body[:1], g.Title[:1], g.Entities[:1], g.Time[:1]
	opt, score := Fit(items, DefaultOptions(), g, 2, func(_ Options, a []int) float64 { return agree(a) })
	if score != 1 {
		t.Errorf("best score %v, want 1", score)
	}
	c := New(opt)
	for _, it := range items {
		c.AddFeatures(it)
	}
	if agree(c.Assignments()) != score {
		t.Errorf("the fitted options do not reproduce the fitted score")
	}
	// A threshold above every similarity splits everything: the grid must
	// not have picked that.
	if opt.Threshold >= 1 {
		t.Errorf("threshold %v", opt.Threshold)
	}
}
