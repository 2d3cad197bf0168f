package timex

import (
	"time"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/quantity"
)

// InferPublished estimates the publication day of an article that came
// without a date, from its content alone. It reads the days the text
// names on the calendar: full dates, Gregorian or Hijri ("الخميس 20 شوال
// 1436هـ الموافق 5 أغسطس 2015"), and days written without a year once
// the text gives the current year ("العام الحالي 2015") or a full date.
//
//   - A day written beside a relative day gives the answer: "اليوم الأحد
//     24 شوال 1436هـ" is the publication day, "أمس الخميس 5 أغسطس" the
//     day before it.
//   - Otherwise the latest day the text names, unless its clause says it
//     is to come (المقبل, سـ, من المقرر), is taken as the publication day.
//     It is refused when the text names a later month or year (it is then
//     history the report recounts), when it contradicts the current month
//     or year the text gives ("أغسطس الجاري"), or when a weekday beside a
//     relative day disagrees with it ("أمس الخميس" wants a Friday).
//
// It returns the day (midnight UTC; only the date is meaningful), a
// confidence in [0,1] (about the share of right days measured for that
// kind of evidence on the development half of SaudiNewsNet; the README
// gives the figures and the command), and ok = false when the text gives
// no day it can place, which is the case for most articles.
//
// It is for articles whose input gave no date: a caller must never use it
// to overwrite a date the input gave (news.DateInput); an inferred date is
// stored as news.DateInferred with its confidence.
func InferPublished(text string) (t time.Time, confidence float64, ok bool) {
	ev := gatherEvidence(text)
	ev.place()
	// A day written beside a relative day: "اليوم الأحد 24 شوال 1436هـ".
	var linked anchor
	for _, a := range ev.anchors {
		if a.linked && (linked.day.IsZero() || a.day.After(linked.day)) {
			linked = a
		}
	}
	if !linked.day.IsZero() {
		return linked.day.AddDate(0, 0, -linked.off), confLinked, true
	}
	c := ev.latest
	// No day, or a day before a month the text names: history the report
	// recounts, not its publication day (5% of such days were right on
	// the development data).
	if c.IsZero() || c.Format("2006-01") < ev.maxMonth || c.Year() < ev.maxYear {
		return time.Time{}, 0, false
	}
	for _, y := range ev.curYears {
		if c.Year() != y {
			return time.Time{}, 0, false
		}
	}
	for _, m := range ev.curMonths {
		if int(c.Month()) != m {
			return time.Time{}, 0, false
		}
	}
	agree, disagree := 0, 0
	for _, w := range ev.weekdays {
		if c.AddDate(0, 0, w.off).Weekday() == w.wd {
			agree++
		} else {
			disagree++
		}
	}
	switch {
	case disagree > 0:
		// A weekday cue against the day: none of the 36 such days on the
		// development data was right.
		return time.Time{}, 0, false
	case agree > 0:
		return c, confAgree, true
	}
	return c, confLatest, true
}

// Confidences of the kinds of evidence: about the share of right days
// measured for each on the development half of SaudiNewsNet (see the
// README and `rasid eval pubdate --split dev`).
const (
	confLinked = 0.9  // a day beside a relative day (14 of 15 right)
	confAgree  = 0.4  // the latest day, and a weekday cue agrees
	confLatest = 0.35 // the latest day the text names
)

// Reference days for telling absolute expressions from relative ones: an
// expression that resolves to the same value against both is absolute; a
// day whose month and day agree but not its year is a day written without
// a year. They are far apart, on different weekdays and in different Hijri
// years.
var (
	inferRefA = time.Date(1990, 6, 15, 0, 0, 0, 0, time.UTC)
	inferRefB = time.Date(2031, 2, 10, 0, 0, 0, 0, time.UTC)
)

// relDays are the relative day words, by their offset from the
// publication day.
var relDays = keys(map[string]int{"اليوم": 0, "أمس": -1, "امس": -1, "البارحة": -1, "غدا": 1, "غداً": 1})

// currentWords say that a period is the current one.
var currentWords = keys(map[string]bool{"الجاري": true, "الجارية": true, "الحالي": true, "الحالية": true, "هذا": true, "هذه": true})

// comingWords mark a period as to come; pastWords as gone.
var (
	comingWords = keys(map[string]bool{"المقبل": true, "المقبلة": true, "القادم": true, "القادمة": true})
	pastWords   = keys(map[string]bool{"الماضي": true, "الماضية": true, "المنصرم": true, "المنصرمة": true, "الفائت": true, "الفائتة": true})
)

// Directions of a day the text names, relative to the publication day.
const (
	towardNone = iota
	towardPast
	towardNow
	towardComing
)

// named is a day the text names: absolute, or a month and day (Gregorian
// or Hijri) waiting for a year.
type named struct {
	day     time.Time // absolute day; zero for a partial one
	month   int       // of a partial day
	dom     int
	hijri   bool
	partial bool
	toward  int
	// linked: the day is written beside a relative day ("اليوم الأحد 24
	// شوال 1436هـ", "أمس الخميس 5 أغسطس"), which puts the publication day
	// at day - off.
	linked bool
	off    int
}

// anchor is a named day placed on the calendar.
type anchor struct {
	day     time.Time
	partial bool
	toward  int
	linked  bool
	off     int
}

// evidence is what an article's expressions say about its publication day.
type evidence struct {
	named     []named
	curYears  []int // years said to be the current one (عام 2015 الجاري)
	curMonths []int // months said to be the current one (أغسطس الجاري)
	// weekdays: the publication day plus off is a given weekday
	// ("أمس الخميس": off -1, Thursday).
	weekdays []weekdayCue
	anchors  []anchor
	latest   time.Time // the latest anchor not marked as coming
	// maxYear is the latest year of an absolute expression not marked as
	// coming: an anchor before it is likely history the report recounts.
	maxYear int
	// maxMonth is the latest month (YYYY-MM) of an absolute day or month
	// not marked as coming.
	maxMonth string
}

type weekdayCue struct {
	off int
	wd  time.Weekday
}

func gatherEvidence(text string) *evidence {
	ev := &evidence{}
	xa := Extract(text, inferRefA)
	xb := Extract(text, inferRefB)
	byspan := make(map[[2]int]Timex, len(xb))
	for _, x := range xb {
		byspan[[2]int{x.Start, x.End}] = x
	}
	// The whole text's words, for the tense of the clause around a day.
	p := &parser{ws: quantity.Words(arabic.Tokenize(text))}
	tok := make(map[int]int, len(p.ws))
	for i, w := range p.ws {
		tok[w.Start] = i
	}
	prevEnd, prevRel, prevOff, prevCurYear := -10, false, 0, false
	for _, a := range xa {
		if a.Type != TypeDate && a.Type != TypeTime {
			continue
		}
		ws := quantity.Words(arabic.Tokenize(a.Text))
		toward := towardOf(ws)
		if cue, ok := weekdayCueOf(ws); ok {
			ev.weekdays = append(ev.weekdays, cue)
		}
		off, rel := relDayOf(ws)
		// An expression right after another (a gap of a space and a
		// comma at most) continues it: "اليوم الأحد، 24 شوال 1436هـ",
		// "العام الحالي 2015".
		near := a.Start-prevEnd <= 3
		linked, linkOff := rel, off
		if !rel && prevRel && near {
			linked, linkOff = true, prevOff
		}
		curYear := prevCurYear && near
		prevEnd, prevRel, prevOff = a.End, rel, off
		prevCurYear = toward == towardNow && a.Granularity == "year"
		if toward == towardNone {
			if i, ok := tok[a.Start]; ok && p.futureClause(i) {
				toward = towardComing
			}
		}
		b, ok := byspan[[2]int{a.Start, a.End}]
		if !ok || a.Type != TypeDate || a.Granularity != b.Granularity {
			continue
		}
		v, w := a.Value, b.Value
		if v == w && toward != towardComing && len(v) >= 4 {
			y := atoi(v[:4])
			if i := len(v) - 10; len(v) == 21 && v[10] == '/' {
				y = atoi(v[i : i+4]) // a Hijri month or year: its last Gregorian year
			}
			if y > ev.maxYear && y < 2200 {
				ev.maxYear = y
			}
			if (len(v) == 10 || len(v) == 7) && v[:7] > ev.maxMonth && y < 2200 {
				ev.maxMonth = v[:7]
			}
		}
		switch {
		case a.Granularity == "day" && len(v) == 10 && len(w) == 10:
			switch {
			case v == w:
				if d, err := time.Parse(time.DateOnly, v); err == nil {
					ev.named = append(ev.named, named{day: d, toward: toward, linked: linked, off: linkOff})
				}
			case v[4:] == w[4:]:
				m := atoi(v[5:7])
				ev.named = append(ev.named, named{month: m, dom: atoi(v[8:10]), partial: true, toward: toward})
				if toward == towardNow {
					ev.curMonths = append(ev.curMonths, m)
				}
			case len(a.Hijri) == 10 && len(b.Hijri) == 10 && a.Hijri[4:] == b.Hijri[4:]:
				ev.named = append(ev.named, named{month: atoi(a.Hijri[5:7]), dom: atoi(a.Hijri[8:10]), hijri: true, partial: true, toward: toward})
			}
		case a.Granularity == "month" && len(v) == 7 && len(w) == 7 && toward == towardNow:
			if v == w {
				ev.curYears = append(ev.curYears, atoi(v[:4]))
			}
			if v[4:] == w[4:] {
				ev.curMonths = append(ev.curMonths, atoi(v[5:7]))
			}
		case a.Granularity == "year" && len(v) == 4 && v == w && (toward == towardNow || curYear):
			ev.curYears = append(ev.curYears, atoi(v))
		}
	}
	return ev
}

// towardOf reads the direction word of an expression.
func towardOf(ws []quantity.Word) int {
	for _, w := range ws {
		switch {
		case currentWords[w.Key]:
			return towardNow
		case comingWords[w.Key]:
			return towardComing
		case pastWords[w.Key]:
			return towardPast
		}
	}
	return towardNone
}

// relDayOf reads the relative day word of an expression (اليوم, أمس,
// أمس الأول, غدا) as an offset from the publication day.
func relDayOf(ws []quantity.Word) (off int, ok bool) {
	for i, w := range ws {
		if o, found := relDays[w.Key]; found {
			if o == -1 && ((i+1 < len(ws) && ws[i+1].Key == "الاول") ||
				(i > 0 && ws[i-1].Key == "اول") || (i > 1 && ws[i-1].Key == "من" && ws[i-2].Key == "اول")) {
				o = -2
			}
			return o, true
		}
	}
	return 0, false
}

// weekdayCueOf reads "أمس الخميس", "اليوم الأحد", "أمس الأول السبت",
// "غدا الجمعة": one relative day word and one weekday name.
func weekdayCueOf(ws []quantity.Word) (weekdayCue, bool) {
	wd, nRel, nWd := 0, 0, 0
	for _, w := range ws {
		if _, ok := relDays[w.Key]; ok {
			nRel++
		}
		if d, ok := weekdays[w.Key]; ok {
			wd = d
			nWd++
		}
	}
	off, _ := relDayOf(ws)
	if nRel != 1 || nWd != 1 {
		return weekdayCue{}, false
	}
	return weekdayCue{off, time.Weekday(wd)}, true
}

// place puts the named days on the calendar: the absolute ones as they
// are, the partial ones in the current year the text gives, or else in
// the year of its latest absolute day, and finds the latest anchor.
func (ev *evidence) place() {
	years := ev.curYears
	var latestAbs time.Time
	for _, n := range ev.named {
		if !n.partial {
			ev.anchors = append(ev.anchors, anchor{day: n.day, toward: n.toward, linked: n.linked, off: n.off})
			if n.toward != towardComing && n.day.After(latestAbs) {
				latestAbs = n.day
			}
		}
	}
	if len(years) == 0 && !latestAbs.IsZero() {
		years = []int{latestAbs.Year()}
	}
	seen := map[int]bool{}
	for _, y := range years {
		if seen[y] || y < 1900 || y > 2200 {
			continue
		}
		seen[y] = true
		for _, n := range ev.named {
			if !n.partial {
				continue
			}
			if !n.hijri {
				if d, ok := dateOf(y, n.month, n.dom); ok {
					ev.anchors = append(ev.anchors, anchor{day: d, partial: true, toward: n.toward})
				}
				continue
			}
			// The Hijri years overlapping Gregorian year y.
			h0, ok0 := ToHijri(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
			h1, ok1 := ToHijri(time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))
			if !ok0 || !ok1 {
				continue
			}
			for hy := h0.Year; hy <= h1.Year; hy++ {
				if d, ok := FromHijri(HijriDate{hy, n.month, n.dom}); ok && d.Year() == y {
					ev.anchors = append(ev.anchors, anchor{day: d, partial: true, toward: n.toward})
				}
			}
		}
	}
	for _, a := range ev.anchors {
		if a.toward != towardComing && a.day.After(ev.latest) {
			ev.latest = a.day
		}
	}
}

// atoi reads the ASCII digits of a value written by this package.
func atoi(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}
