package timex

import (
	"strings"
	"time"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/quantity"
)

// InferPublished estimates the publication day of an article that came
// without a date, from its content alone (pass InferenceText of its title
// and body, as the analysis and `rasid eval pubdate` do). It reads the days the text names
// in full, Gregorian or Hijri, and answers only from two kinds of evidence
// that were measured to be reliable:
//
//   - a day written beside a relative day: "اليوم الثلاثاء 19/10/1436هـ" is
//     the publication day, "أمس الخميس 6 أغسطس 2015" the day after it;
//   - a day in the opening of the text (its first OpeningLen code points:
//     a title such as "كاريكاتير 2015/8/2", a dateline such as "إسلام آباد
//     18 شوال 1436 هـ الموافق 03 اغسطس 2015 م -"), unless its clause says it
//     is to come (المقبل, سـ, من المقرر). It is refused when the text names
//     a later month or year, contradicts a current period it gives
//     ("أغسطس الجاري", "العام الحالي 2015"), or disagrees with a weekday
//     beside a relative day ("أمس الخميس" wants a Friday).
//
// Other days the text names are mostly the days of events, days or months
// before or after publication: the latest of them was the publication day
// for 3% of the development articles (within three days for 18%), so they
// give no answer. Most news articles name no day in either way, so ok is
// false for most of them.
//
// It returns the day (midnight UTC; only the date is meaningful) and a
// confidence in [0,1], about the share of right days measured for that kind
// of evidence on the development half of SaudiNewsNet (the README gives the
// figures and the command).
//
// It is for articles whose input gave no date: a caller must never use it
// to overwrite a date the input gave (news.DateInput). The analysis
// records an inferred day as news.Analysis.PublishedInferred, with its
// confidence; the article's own date is left as the input gave it.
func InferPublished(text string) (t time.Time, confidence float64, ok bool) {
	ev := gatherEvidence(text)
	var linked *namedDay
	for i, d := range ev.days {
		if d.linked && (linked == nil || d.day.After(linked.day)) {
			linked = &ev.days[i]
		}
	}
	if linked != nil {
		return linked.day.AddDate(0, 0, -linked.off), confLinked, true
	}
	var open *namedDay
	for i, d := range ev.days {
		if d.at < OpeningLen && d.toward != towardComing {
			open = &ev.days[i]
			break
		}
	}
	if open == nil {
		return time.Time{}, 0, false
	}
	c := open.day
	if c.Format("2006-01") < ev.maxMonth || c.Year() < ev.maxYear {
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
	for _, w := range ev.weekdays {
		if c.AddDate(0, 0, w.off).Weekday() != w.wd {
			return time.Time{}, 0, false
		}
	}
	return c, confOpening, true
}

// OpeningLen is the length in code points of the opening of a text, where
// a day named is taken as its publication day: a title and a dateline.
// On the development data a day in the first 60 code points was right for
// 97% of 38 articles, in the first 120 for 94% of 176, in the first 200 for
// 80% of 211.
const OpeningLen = 120

// Confidences of the kinds of evidence: about the share of right days
// measured for each on the development half of SaudiNewsNet (see the
// README and `rasid eval pubdate --split dev`).
const (
	confLinked  = 0.9 // a day beside a relative day (14 of 15 right)
	confOpening = 0.9 // a day in the opening (171 of 181 right)
)

// Reference days for telling absolute expressions from relative ones: an
// expression that resolves to the same value against both is absolute; a
// day whose month and day agree but not its year is written without a
// year (only its month is used, in "19 أغسطس الجاري"). They are far apart,
// on different weekdays and in different Hijri years.
var (
	inferRefA = time.Date(1990, 6, 15, 0, 0, 0, 0, time.UTC)
	inferRefB = time.Date(2031, 2, 10, 0, 0, 0, 0, time.UTC)
)

// relDays are the relative day words, by their offset from the
// publication day.
var relDays = keys(map[string]int{"اليوم": 0, "أمس": -1, "امس": -1, "البارحة": -1, "غدا": 1, "غداً": 1})

// currentWords say that a period is the current one.
var currentWords = keys(map[string]bool{"الجاري": true, "الجارية": true, "الحالي": true, "الحالية": true, "هذا": true, "هذه": true})

// comingWords mark a period as to come.
var comingWords = keys(map[string]bool{"المقبل": true, "المقبلة": true, "القادم": true, "القادمة": true})

// Directions of a day the text names, relative to the publication day.
const (
	towardNone = iota
	towardNow
	towardComing
)

// namedDay is a day the text names in full.
type namedDay struct {
	day    time.Time
	at     int // code point offset of its expression
	toward int
	// linked: the day is written beside a relative day ("اليوم الأحد 24
	// شوال 1436هـ", "أمس الخميس 5 أغسطس"), which puts the publication day
	// at day - off.
	linked bool
	off    int
}

// evidence is what an article's expressions say about its publication day.
type evidence struct {
	days      []namedDay // in text order
	curYears  []int      // years said to be the current one (العام الحالي 2015)
	curMonths []int      // months said to be the current one (أغسطس الجاري)
	// weekdays: the publication day plus off is a given weekday
	// ("أمس الخميس": off -1, Thursday).
	weekdays []weekdayCue
	// maxYear and maxMonth (YYYY-MM) are the latest year and month of an
	// absolute expression not marked as coming: a day before them is
	// likely history the report recounts.
	maxYear  int
	maxMonth string
}

type weekdayCue struct {
	off int
	wd  time.Weekday
}

// gatherEvidence reads the expressions of text, extracted against both
// reference days, into evidence.
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
		if a.Type != TypeDate && a.Type != TypeTime || a.Name {
			continue // كأس العالم 2018 names no later year
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
		if weekdayAlone(ws) {
			// الخميس الموافق 21/10/1436: the weekday takes the day written
			// after it, which is the evidence, at its own place.
			continue
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
			if v == w {
				if d, err := time.Parse(time.DateOnly, v); err == nil {
					ev.days = append(ev.days, namedDay{day: d, at: a.Start, toward: toward, linked: linked, off: linkOff})
				}
			} else if v[4:] == w[4:] && toward == towardNow {
				ev.curMonths = append(ev.curMonths, atoi(v[5:7])) // 19 أغسطس الجاري
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
		}
	}
	return towardNone
}

// relDayOf reads the relative day word of an expression (اليوم, أمس,
// أمس الأول, غدا) as an offset from the publication day.
func relDayOf(ws []quantity.Word) (off int, ok bool) {
	for i, w := range ws {
		if o, found := relDays[w.Key]; found {
			if o == -1 && ((i+1 < len(ws) && beforeYesterday(w.Key, ws[i+1].Key)) ||
				(i > 0 && ws[i-1].Key == "اول") || (i > 1 && ws[i-1].Key == "من" && ws[i-2].Key == "اول")) {
				o = -2
			}
			return o, true
		}
	}
	return 0, false
}

// weekdayAlone reports an expression that is a weekday name alone (يوم
// الخميس), which names no day in full.
func weekdayAlone(ws []quantity.Word) bool {
	found := false
	for _, w := range ws {
		if _, ok := weekdays[w.Key]; ok {
			found = true
		} else if w.Key != "يوم" {
			return false
		}
	}
	return found
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

// InferenceText is the text InferPublished reads for an article: its title,
// a blank line and its body (the body alone when there is no title).
func InferenceText(title, body string) string {
	if title = strings.TrimSpace(title); title == "" {
		return body
	}
	return title + "\n\n" + body
}
