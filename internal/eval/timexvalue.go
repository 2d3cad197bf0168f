package eval

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Comparing resolved values across conventions.
//
// Recognizers-Text writes one expected value in several forms: a TIMEX
// ("XXXX-10-02", "T15", "(2016-11-04,2016-11-23,P19D)", "2016-W45",
// "PT1.5H"), and past and future resolutions (a date, a date and time, a
// time, a start and end, a duration in seconds). timex writes one value
// ("2017-10-02", "2016-11-07T15:00", "2016-11-04/2016-11-23",
// "2016-W45", "PT90M"). Both sides are turned into a set of canonical
// forms and a found value is right when the sets meet:
//
//   - a point: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS]" (seconds only when not
//     zero), "THH:MM" for a time of day without a day;
//   - a period of the calendar (year, month, ISO week, quarter, half, day)
//     as its interval "start/end" of days, end exclusive, the way
//     Recognizers resolves it ("2016-02" = "2016-02-01/2016-03-01");
//   - a range "A/B" of timex as Recognizers resolves "from A to B": from
//     the start of A to the start of B ("2014/2018" =
//     "2014-01-01/2018-01-01", "2016-11-04/2016-11-23" as written);
//   - a range of times "THH:MM/THH:MM" (and with days);
//   - a duration as its length in seconds ("PT1.5H" = "PT90M" = 5400 s;
//     a month is 30 days, a year 365, as Recognizers counts).
//
// A time of day expected without a day ("T15", resolution "15:00:00") is
// matched by the clock of a found date and time: the day is not graded
// where the gold gives none. An expected value with both a past and a
// future resolution accepts either: the text gives no tense (سأعود
// الجمعة is resolved forward by timex, أعود الجمعة backward) and both are
// the expression's value on the calendar; what is graded is that the
// reading lands on one of the two days the gold allows, not which
// direction the clause leans.

var (
	reDate     = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	reDateTime = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})[T ](\d{1,2})(?::(\d{2}))?(?::(\d{2}))?$`)
	reTime     = regexp.MustCompile(`^T?(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?$`)
	reYear     = regexp.MustCompile(`^(\d{4})$`)
	reMonth    = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	reWeek     = regexp.MustCompile(`^(\d{4})-W(\d{2})$`)
	reQuarter  = regexp.MustCompile(`^(\d{4})-([QH])(\d)$`)
	partCode   = regexp.MustCompile(`T(MO|MI|AF|EV|NI|DT)$`)
	reDuration = regexp.MustCompile(`^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$`)
)

// clockForm writes hours, minutes and seconds as "HH:MM[:SS]".
func clockForm(h, m, s string) string {
	hh, _ := strconv.Atoi(h)
	out := fmt.Sprintf("%02d:", hh)
	if m == "" {
		m = "00"
	}
	out += m
	if s != "" && s != "00" {
		out += ":" + s
	}
	return out
}

// pointForm canonicalizes a date, date and time, or time of day; ok is
// false for anything else.
func pointForm(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if reDate.MatchString(s) {
		return s, true
	}
	if m := reDateTime.FindStringSubmatch(s); m != nil {
		return m[1] + "T" + clockForm(m[2], m[3], m[4]), true
	}
	if strings.HasPrefix(s, "T") || strings.Count(s, ":") >= 1 {
		if m := reTime.FindStringSubmatch(s); m != nil {
			return "T" + clockForm(m[1], m[2], m[3]), true
		}
	}
	return "", false
}

// periodStart returns the first day of a calendar period written as a
// TIMEX value and the first day after it.
func periodStart(v string) (time.Time, time.Time, bool) {
	d := func(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	switch {
	case reDate.MatchString(v):
		m := reDate.FindStringSubmatch(v)
		t := d(atoi(m[1]), atoi(m[2]), atoi(m[3]))
		if t.Format("2006-01-02") != v {
			return time.Time{}, time.Time{}, false
		}
		return t, t.AddDate(0, 0, 1), true
	case reYear.MatchString(v):
		y := atoi(v)
		return d(y, 1, 1), d(y+1, 1, 1), true
	case reMonth.MatchString(v):
		m := reMonth.FindStringSubmatch(v)
		t := d(atoi(m[1]), atoi(m[2]), 1)
		return t, t.AddDate(0, 1, 0), true
	case reWeek.MatchString(v):
		m := reWeek.FindStringSubmatch(v)
		y, w := atoi(m[1]), atoi(m[2])
		// ISO week 1 holds January 4th.
		j4 := d(y, 1, 4)
		mon := j4.AddDate(0, 0, -((int(j4.Weekday()) + 6) % 7))
		t := mon.AddDate(0, 0, 7*(w-1))
		return t, t.AddDate(0, 0, 7), true
	case reQuarter.MatchString(v):
		m := reQuarter.FindStringSubmatch(v)
		n := atoi(m[3])
		months := 3
		if m[2] == "H" {
			months = 6
		}
		t := d(atoi(m[1]), 1+(n-1)*months, 1)
		return t, t.AddDate(0, months, 0), true
	}
	return time.Time{}, time.Time{}, false
}

// durationSeconds reads a TIMEX duration ("P3D", "PT1.5H") as seconds.
func durationSeconds(v string) (float64, bool) {
	m := reDuration.FindStringSubmatch(v)
	if m == nil || v == "P" || v == "PT" {
		return 0, false
	}
	per := []float64{365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1}
	total, any := 0.0, false
	for i, f := range per {
		if m[i+1] != "" {
			x, _ := strconv.ParseFloat(m[i+1], 64)
			total += x * f
			any = true
		}
	}
	return total, any
}

func secondsForm(s float64) string { return "DUR:" + strconv.FormatFloat(s, 'f', -1, 64) }

// rangeForm canonicalizes a range of two ends written in any of the
// forms above.
func rangeForm(a, b string) []string {
	var out []string
	pa, oka := pointForm(a)
	pb, okb := pointForm(b)
	if oka && okb {
		out = append(out, pa+"/"+pb)
		// A range of times within one day, for gold without a day.
		if len(pa) > 10 && len(pb) > 10 && pa[:10] == pb[:10] && pa[10] == 'T' {
			out = append(out, pa[10:]+"/"+pb[10:])
		}
	}
	if sa, _, ok := periodStart(a); ok {
		if sb, _, ok := periodStart(b); ok {
			out = append(out, sa.Format("2006-01-02")+"/"+sb.Format("2006-01-02"))
		}
	}
	return out
}

var reHourSuffix = regexp.MustCompile(`T(\d{2})$`)

// padHour writes a value that ends in a bare hour ("XXXX-WXX-1T16") with
// its minutes ("XXXX-WXX-1T16:00").
func padHour(v string) string { return reHourSuffix.ReplaceAllString(v, "T$1:00") }

// decadeForm reads a decade value "197" as its interval of days.
func decadeForm(v string) (string, bool) {
	if len(v) != 3 || strings.Trim(v, "0123456789") != "" {
		return "", false
	}
	y, _ := strconv.Atoi(v + "0")
	return fmt.Sprintf("%04d-01-01/%04d-01-01", y, y+10), true
}

// valueForms lists the forms a value has on either side: itself, with a
// bare hour padded, as a point, as the interval of its calendar period
// and as a length in seconds.
func valueForms(v string) []string {
	out := []string{v, padHour(v)}
	if p, ok := pointForm(v); ok {
		out = append(out, p)
	}
	if s, e, ok := periodStart(v); ok {
		out = append(out, s.Format("2006-01-02")+"/"+e.Format("2006-01-02"))
	}
	if s, ok := durationSeconds(v); ok {
		out = append(out, secondsForm(s))
	}
	return out
}

// FoundValueForms lists the canonical forms of a value timex wrote.
func FoundValueForms(v string) []string {
	out := valueForms(v)
	if d, ok := decadeForm(v); ok {
		out = append(out, d)
	}
	if p, ok := pointForm(v); ok {
		if i := strings.IndexByte(p, 'T'); i > 0 {
			out = append(out, p[i:]) // its clock, for gold without a day
		}
	}
	if a, b, ok := strings.Cut(v, "/"); ok {
		out = append(out, rangeForm(a, b)...)
	}
	// A part of the day on a day: "2016-11-07TNI" is also its code "TNI".
	if len(v) == 13 && v[10] == 'T' {
		out = append(out, v[10:])
	}
	return out
}

// recExpectedForms lists the canonical forms of an expected Recognizers
// value: its TIMEX and its resolutions.
func recExpectedForms(timexV string, resolutions []map[string]string) []string {
	var out []string
	addTimex := func(t string) {
		if t == "" {
			return
		}
		out = append(out, valueForms(t)...)
		// "(2016-11-04,2016-11-23,P19D)" and "(T17,T18,PT1H)"
		if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
			f := strings.Split(strings.Trim(t, "()"), ",")
			if len(f) == 3 && !strings.Contains(f[0], "X") {
				out = append(out, rangeForm(f[0], f[1])...)
			}
		}
	}
	addTimex(timexV)
	// A TIMEX with the year left open ("XXXX-03", "XXXX-WXX-2TMO") is
	// also read on the day each resolution starts: the year filled in, a
	// part of the day put on that day.
	for _, r := range resolutions {
		tx := timexV
		if tx == "" {
			tx = r["timex"]
		}
		var first string
		for _, k := range []string{"date", "startDate", "startDateTime", "start", "dateTime", "value"} {
			if len(r[k]) >= 10 && reDate.MatchString(r[k][:10]) {
				first = r[k][:10]
				break
			}
		}
		if first == "" || tx == "" {
			continue
		}
		if c := partCode.FindString(tx); c != "" {
			out = append(out, first+c)
		}
		if strings.HasPrefix(tx, "XXXX") {
			if filled := first[:4] + tx[4:]; !strings.Contains(filled, "X") {
				addTimex(filled)
			}
		}
	}
	for _, r := range resolutions {
		for _, k := range []string{"date", "dateTime", "time", "value"} {
			if s := r[k]; s != "" && s != "not resolved" {
				if p, ok := pointForm(s); ok {
					out = append(out, p)
				}
			}
		}
		if s := r["duration"]; s != "" {
			if x, err := strconv.ParseFloat(s, 64); err == nil {
				out = append(out, secondsForm(x))
			}
		}
		if r["type"] == "duration" && r["value"] != "" {
			if x, err := strconv.ParseFloat(r["value"], 64); err == nil {
				out = append(out, secondsForm(x))
			}
		}
		for _, se := range [][2]string{{"startDate", "endDate"}, {"startDateTime", "endDateTime"}, {"startTime", "endTime"}, {"start", "end"}} {
			if r[se[0]] != "" && r[se[1]] != "" {
				out = append(out, rangeForm(r[se[0]], r[se[1]])...)
			}
		}
		addTimex(r["timex"])
	}
	return out
}

// formsMeet reports whether two lists of forms share one.
func formsMeet(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
