package timex

import (
	"fmt"
	"time"

	hijri "github.com/hablullah/go-hijri"
)

// The Umm al-Qura conversion comes from github.com/hablullah/go-hijri,
// which carries the official lunation table (1356–1500 AH); its
// ToGregorian indexes that table directly, so every call here checks the
// range first.
const (
	minHijriYear = 1357
	maxHijriYear = 1499
)

// HijriDate is a date of the Umm al-Qura calendar.
type HijriDate struct{ Year, Month, Day int }

// String writes h as YYYY-MM-DD.
func (h HijriDate) String() string { return fmt.Sprintf("%04d-%02d-%02d", h.Year, h.Month, h.Day) }

// ToHijri converts a Gregorian day to the Umm al-Qura calendar.
func ToHijri(t time.Time) (HijriDate, bool) {
	t = time.Date(t.Year(), t.Month(), t.Day(), 12, 0, 0, 0, time.UTC)
	h, err := hijri.CreateUmmAlQuraDate(t)
	if err != nil {
		return HijriDate{}, false
	}
	return HijriDate{int(h.Year), int(h.Month), int(h.Day)}, true
}

// FromHijri converts an Umm al-Qura date to a Gregorian day; it fails
// outside the table or for a day the month does not have.
func FromHijri(h HijriDate) (time.Time, bool) {
	if h.Year < minHijriYear || h.Year > maxHijriYear || h.Month < 1 || h.Month > 12 || h.Day < 1 || h.Day > 30 {
		return time.Time{}, false
	}
	g := hijri.UmmAlQuraDate{Year: int64(h.Year), Month: int64(h.Month), Day: int64(h.Day)}.ToGregorian()
	g = time.Date(g.Year(), g.Month(), g.Day(), 0, 0, 0, 0, time.UTC)
	if back, ok := ToHijri(g); !ok || back != h {
		return time.Time{}, false
	}
	return g, true
}

// hijriMonthRange returns the first and last Gregorian days of a Hijri
// month.
func hijriMonthRange(y, m int) (time.Time, time.Time, bool) {
	first, ok := FromHijri(HijriDate{y, m, 1})
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	ny, nm := y, m+1
	if nm > 12 {
		ny, nm = y+1, 1
	}
	next, ok := FromHijri(HijriDate{ny, nm, 1})
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	return first, next.AddDate(0, 0, -1), true
}

// hijriYearRange returns the first and last Gregorian days of a Hijri
// year.
func hijriYearRange(y int) (time.Time, time.Time, bool) {
	first, ok := FromHijri(HijriDate{y, 1, 1})
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	next, ok := FromHijri(HijriDate{y + 1, 1, 1})
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	return first, next.AddDate(0, 0, -1), true
}

// easter returns Western Easter Sunday of year y (anonymous Gregorian
// algorithm, Meeus/Jones/Butcher).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

func day(t time.Time) string   { return t.Format("2006-01-02") }
func month(t time.Time) string { return t.Format("2006-01") }

func isoWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

func dateOf(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1 || y > 9999 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}
