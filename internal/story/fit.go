package story

import "time"

// Grid is the set of option values Fit tries.
type Grid struct {
	Body, Title, Entities, Time []float64
	Threshold                   []float64
	TimeScale, Dormant          []time.Duration
}

// DefaultGrid returns the grid rasid train cluster searches.
func DefaultGrid() Grid {
	var th []float64
	for t := 0.14; t <= 0.6001; t += 0.02 {
		th = append(th, t)
	}
	return Grid{
		Body:      []float64{0.5, 0.6, 0.7},
		Title:     []float64{0.15, 0.25, 0.35},
		Entities:  []float64{0, 0.15, 0.3},
		Time:      []float64{0, 0.1},
		Threshold: th,
		TimeScale: []time.Duration{48 * time.Hour},
		Dormant:   []time.Duration{5 * 24 * time.Hour},
	}
}

// Fit runs the clusterer over items (in publication order) with every
// combination of the grid and returns the options whose assignment scores
// highest, with that score. score receives the story index of every item.
// Ties go to the combination met first, so the result is deterministic.
func Fit(items []Features, base Options, g Grid, score func(assign []int) float64) (Options, float64) {
	best, bestScore := base, -1.0
	for _, b := range g.Body {
		for _, ti := range g.Title {
			for _, e := range g.Entities {
				for _, tm := range g.Time {
					for _, ts := range g.TimeScale {
						for _, d := range g.Dormant {
							for _, th := range g.Threshold {
								o := base
								o.Body, o.Title, o.Entities, o.Time, o.TimeScale, o.Dormant, o.Threshold = b, ti, e, tm, ts, d, th
								c := New(o)
								for _, it := range items {
									c.AddFeatures(it)
								}
								if s := score(c.Assignments()); s > bestScore {
									best, bestScore = o, s
								}
							}
						}
					}
				}
			}
		}
	}
	return best, bestScore
}
