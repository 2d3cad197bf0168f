package story

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Mention is a sentence of an article that carries a time expression
// resolved to a calendar day, month or year: a candidate timeline event.
type Mention struct {
	Article string // article id
	Source  string // outlet, for counting independent tellings
	Date    string // TIMEX3 value: YYYY, YYYY-MM or YYYY-MM-DD
	Text    string // the sentence
	Order   int    // publication rank of the article (earlier is lower), to pick the first telling
}

// Event is one entry of a story's timeline: what happened on a date, as
// told by one or more articles.
type Event struct {
	Date     string   `json:"date"`
	Text     string   `json:"text"`
	Sources  []string `json:"sources"`  // ids of the articles that tell it
	Outlets  []string `json:"outlets"`  // their outlets, distinct
	Articles int      `json:"articles"` // number of tellings merged
}

// Timeline merges mentions into events and orders them by when the events
// happened (not when they were reported). Mentions of one date whose
// sentences share enough content words are one event told several times;
// its text is the first telling. At most max events are kept (0: all),
// preferring those told by more outlets, then the earlier ones.
func Timeline(ms []Mention, max int) []Event {
	type group struct {
		date  string
		first Mention
		vec   map[string]float64
		srcs  []string
		outs  []string
		n     int
	}
	byDate := map[string][]*group{}
	var dates []string
	ordered := slices.Clone(ms)
	slices.SortStableFunc(ordered, func(a, b Mention) int { return cmp.Compare(a.Order, b.Order) })
	for _, m := range ordered {
		if !validDate(m.Date) || strings.TrimSpace(m.Text) == "" {
			continue
		}
		v := bag(m.Text)
		var into *group
		best := 0.0
		for _, g := range byDate[m.Date] {
			if s := cos(v, g.vec); s > best {
				best, into = s, g
			}
		}
		if into == nil || best < sameEvent {
			into = &group{date: m.Date, first: m, vec: map[string]float64{}}
			if len(byDate[m.Date]) == 0 {
				dates = append(dates, m.Date)
			}
			byDate[m.Date] = append(byDate[m.Date], into)
		}
		for k, w := range v {
			into.vec[k] += w
		}
		into.n++
		if !slices.Contains(into.srcs, m.Article) {
			into.srcs = append(into.srcs, m.Article)
		}
		if m.Source != "" && !slices.Contains(into.outs, m.Source) {
			into.outs = append(into.outs, m.Source)
		}
	}
	// An event told once with its day and once with only its month is one
	// event, at its day: fold a month's group into the most similar group
	// of a day of that month. (A year is left alone: "by the end of 2021"
	// is seldom the same event as a day of 2021.)
	merged := map[*group]bool{}
	slices.SortStableFunc(dates, func(a, b string) int { return cmp.Compare(len(a), len(b)) })
	for _, d := range dates {
		if len(d) != 7 {
			continue
		}
		for _, g := range byDate[d] {
			var into *group
			best := sameEvent
			for _, fd := range dates {
				if len(fd) != 10 || !strings.HasPrefix(fd, d) {
					continue
				}
				for _, f := range byDate[fd] {
					if merged[f] {
						continue
					}
					if s := cos(g.vec, f.vec); s >= best {
						best, into = s, f
					}
				}
			}
			if into == nil {
				continue
			}
			merged[g] = true
			for k, w := range g.vec {
				into.vec[k] += w
			}
			into.n += g.n
			for _, a := range g.srcs {
				if !slices.Contains(into.srcs, a) {
					into.srcs = append(into.srcs, a)
				}
			}
			for _, o := range g.outs {
				if !slices.Contains(into.outs, o) {
					into.outs = append(into.outs, o)
				}
			}
		}
	}
	var events []Event
	for _, d := range dates {
		for _, g := range byDate[d] {
			if !merged[g] {
				events = append(events, Event{Date: g.date, Text: g.first.Text, Sources: g.srcs, Outlets: g.outs, Articles: g.n})
			}
		}
	}
	if max > 0 && len(events) > max {
		slices.SortStableFunc(events, func(a, b Event) int {
			return cmp.Or(cmp.Compare(len(b.Outlets), len(a.Outlets)), cmp.Compare(len(b.Sources), len(a.Sources)))
		})
		events = events[:max]
	}
	slices.SortStableFunc(events, func(a, b Event) int { return compareDates(a.Date, b.Date) })
	return events
}

// sameEvent is the least cosine between two sentences of one date for
// them to tell the same event.
const sameEvent = 0.2

// compareDates orders TIMEX dates by their start; on the same start the
// coarser one (a year before its January, a month before its first day)
// comes first.
func compareDates(a, b string) int {
	pa, pb := padDate(a), padDate(b)
	return cmp.Or(cmp.Compare(pa, pb), cmp.Compare(len(a), len(b)))
}

func padDate(d string) string {
	switch len(d) {
	case 4:
		return d + "-01-01"
	case 7:
		return d + "-01"
	}
	return d
}

// validDate accepts YYYY, YYYY-MM and YYYY-MM-DD.
func validDate(d string) bool {
	if len(d) != 4 && len(d) != 7 && len(d) != 10 {
		return false
	}
	for i, r := range d {
		if i == 4 || i == 7 {
			if r != '-' {
				return false
			}
		} else if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// bag is a unit vector of a sentence's content-word stems.
func bag(text string) map[string]float64 {
	v := map[string]float64{}
	for _, t := range Terms(text) {
		v[t]++
	}
	var n float64
	for _, w := range v {
		n += w * w
	}
	n = math.Sqrt(n)
	for k := range v {
		v[k] /= n
	}
	return v
}

func cos(a, b map[string]float64) float64 {
	var d, nb float64
	for k, w := range a {
		d += w * b[k]
	}
	for _, w := range b {
		nb += w * w
	}
	if nb == 0 {
		return 0
	}
	return d / math.Sqrt(nb)
}
