package story

import (
	"sync"
	"time"
)

// Grid is the set of option values Fit tries.
type Grid struct {
	Body, Title, Entities, Time []float64
	Threshold                   []float64
	TimeScale, Dormant          []time.Duration
}

// DefaultGrid returns the grid rasid train cluster searches.
func DefaultGrid() Grid {
	var th []float64
	for t := 28; t <= 56; t += 2 {
		th = append(th, float64(t)/100)
	}
	return Grid{
		Body:      []float64{0.6, 0.7, 0.8},
		Title:     []float64{0.05, 0.15, 0.25},
		Entities:  []float64{0, 0.1, 0.2, 0.3},
		Time:      []float64{0, 0.1},
		Threshold: th,
		TimeScale: []time.Duration{48 * time.Hour},
		Dormant:   []time.Duration{5 * 24 * time.Hour},
	}
}

// Fit runs the clusterer over items (in publication order) with every
// combination of the grid and returns the options whose assignment scores
// highest, with that score. score receives the options tried and the
// story index of every item, and must be safe for concurrent use (it may
// rule options out by returning a negative score): combinations run on workers
// goroutines (at least one). Ties go to the combination first in grid
// order, so the result is deterministic.
func Fit(items []Features, base Options, g Grid, workers int, score func(o Options, assign []int) float64) (Options, float64) {
	var combos []Options
	for _, b := range g.Body {
		for _, ti := range g.Title {
			for _, e := range g.Entities {
				for _, tm := range g.Time {
					for _, ts := range g.TimeScale {
						for _, d := range g.Dormant {
							for _, th := range g.Threshold {
								o := base
								o.Body, o.Title, o.Entities, o.Time, o.TimeScale, o.Dormant, o.Threshold = b, ti, e, tm, ts, d, th
								combos = append(combos, o)
							}
						}
					}
				}
			}
		}
	}
	scores := make([]float64, len(combos))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				c := New(combos[i])
				for _, it := range items {
					c.AddFeatures(it)
				}
				scores[i] = score(combos[i], c.Assignments())
			}
		}()
	}
	for i := range combos {
		next <- i
	}
	close(next)
	wg.Wait()
	best, bestScore := base, -1.0
	for i, s := range scores {
		if s > bestScore {
			best, bestScore = combos[i], s
		}
	}
	return best, bestScore
}
