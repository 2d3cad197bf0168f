package timex

import (
	"fmt"
	"strings"
	"time"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/quantity"
)

// Composition: expressions read one by one are joined when the text
// joins them: a day and a clock (14 أكتوبر الساعة 8:00), a part of the
// day and a clock (هذا الصباح في السابعة), a week and a weekday (الأسبوع
// المقبل يوم الجمعة), and ranges (من 4 إلى 23 من هذا الشهر, بين الساعة 4
// و5 مساءً, من 2014 إلى 2018).

// clockInfo is the reading of a clock time.
type clockInfo struct {
	h, mi, sec int
	fixed      bool // morning or afternoon known (a part, or 13–24)
}

// partHour moves an hour of the 12-hour clock into the part of the day.
func partHour(h int, code string) (int, bool) {
	switch code {
	case "AF", "EV":
		if h < 12 {
			h += 12
		}
		return h, true
	case "NI":
		if h >= 6 && h < 12 {
			h += 12
		} else if h == 12 {
			h = 0
		}
		return h, true
	case "MI":
		if h >= 1 && h <= 5 {
			h += 12
		}
		return h, true
	case "MO":
		if h == 12 {
			h = 0
		}
		return h, true
	}
	return h, h > 12 || h == 0
}

// clockText writes a clock reading as HH:MM[:SS].
func clockText(c clockInfo) string {
	s := fmt.Sprintf("%02d:%02d", c.h, c.mi)
	if c.sec != 0 {
		s += fmt.Sprintf(":%02d", c.sec)
	}
	return s
}

// timeOn writes a clock on a day.
func timeOn(d time.Time, c clockInfo) string { return day(d) + "T" + clockText(c) }

// clockMatch builds the match of a clock reading over [i, j) on day d;
// an hour that may be morning or afternoon goes, with the Future option,
// to its next occurrence after the reference time (as Duckling reads
// الساعة 3 at 04:30), and otherwise stays as written.
func (p *parser) clockMatch(i, j int, c clockInfo, d time.Time, dated bool) match {
	if c.h >= 24 {
		c.h -= 24
	}
	read := c
	if !dated && !c.fixed && p.opt.Future {
		refMin := p.ref.Hour()*60 + p.ref.Minute()
		best := -1
		for _, cand := range []int{c.h, c.h + 12, c.h + 24, c.h + 36} {
			if c.h >= 12 && (cand == c.h+12 || cand == c.h+36) {
				continue
			}
			if cand*60+c.mi >= refMin {
				best = cand
				break
			}
		}
		if best >= 24 {
			d = d.AddDate(0, 0, 1)
			best -= 24
		}
		if best >= 0 && best < 24 {
			c.h = best
		}
	}
	return match{i: i, j: j, t: Timex{Type: TypeTime, Value: timeOn(d, c), Granularity: "time"}, day: d, clk: &read}
}

// hourWord reads an hour at j: digits (8, 8:00, 8:00:31) or a number in
// words (الثامنة, ثلاثة, الحادية عشرة); it returns the reading and its end.
func (p *parser) hourWord(j int, wordsOK bool) (clockInfo, int, bool) {
	var c clockInfo
	if hh, ok := p.num(j); ok {
		if p.raw(j+1) == ":" {
			mm, ok := p.num(j + 2)
			if !ok || hh > 24 || mm >= 60 {
				return c, j, false
			}
			c.h, c.mi = hh, mm
			j += 3
			if p.raw(j) == ":" {
				if ss, ok := p.num(j + 1); ok && ss < 60 {
					c.sec = ss
					j += 2
				}
			}
			c.fixed = c.h > 12 || c.h == 0
			return c, j, true
		}
		if hh < 1 || hh > 24 || len(p.ws[j].Key) > 2 {
			return c, j, false
		}
		c.h, c.fixed = hh, hh > 12
		return c, j + 1, true
	}
	if !wordsOK || p.ws == nil || j >= len(p.ws) || p.ws[j].Kind != arabic.Word {
		return c, j, false
	}
	n, ok := quantity.ParseAt(p.ws, j)
	if ok && !n.Integer && n.Words > 1 {
		// ثلاثة وثلث: the fraction is the minutes.
		n, ok = quantity.ParseAt(p.ws[:j+1], j)
	}
	if !ok || !n.Integer || n.Value < 1 || n.Value > 12 || n.Digits {
		return c, j, false
	}
	c.h = int(n.Value)
	return c, j + n.Words, true
}

// minutesAfter reads the minutes after an hour: وثلث, ونصف, وربع, و18
// دقيقة, وعشرين دقيقة, إلا ربع, إلا ثلث, إلا خمس دقائق.
func (p *parser) minutesAfter(j int, c *clockInfo) int {
	switch k := p.k(j); {
	case k == "وثلث":
		c.mi = 20
		return j + 1
	case k == "ونصف" || k == "والنصف":
		c.mi = 30
		return j + 1
	case k == "وربع" || k == "والربع":
		c.mi = 15
		return j + 1
	case k == "الا":
		switch p.k(j + 1) {
		case "ثلث", "الثلث":
			c.h, c.mi = c.h-1, 40
			return j + 2
		case "ربع", "ربعا", "الربع":
			c.h, c.mi = c.h-1, 45
			return j + 2
		}
		if n, ok := quantity.ParseAt(p.ws, j+1); ok && n.Integer && n.Value > 0 && n.Value < 60 {
			if u := units[p.k(j+1+n.Words)]; u.name == "minute" && !u.dual {
				c.h, c.mi = c.h-1, 60-int(n.Value)
				return j + 2 + n.Words
			}
		}
	case strings.HasPrefix(k, "و"):
		var n quantity.Number
		var ok bool
		end := j
		if k == "و" {
			n, ok = quantity.ParseAt(p.ws, j+1)
			end = j + 1 + n.Words
		} else {
			saved := p.ws[j].Key
			p.ws[j].Key = strings.TrimPrefix(saved, "و")
			n, ok = quantity.ParseAt(p.ws, j)
			p.ws[j].Key = saved
			end = j + n.Words
		}
		if !ok || !n.Integer || n.Value <= 0 || n.Value >= 60 {
			return j
		}
		if u := units[p.k(end)]; u.name == "minute" && !u.dual {
			c.mi = int(n.Value)
			return end + 1
		}
		// السابعة وخمسة وثلاثين مساءً: minutes without دقيقة before a part
		// (not an hour: بين الساعة 5 و6 مساءً is a range).
		if code, _ := p.partAfter(end); code != "" && n.Value > 12 {
			c.mi = int(n.Value)
			return end
		}
	case k == "وثلاثه" && p.k(j+1) == "ارباع":
		c.mi = 45
		return j + 2
	}
	return j
}

// minutesBefore reads a clock written minutes first: عشرين دقيقة بعد
// الخامسة, ثلاث دقائق قبل الثامنة; it returns the reading and its end.
func (p *parser) minutesBefore(j int) (clockInfo, int, bool) {
	var c clockInfo
	n, ok := quantity.ParseAt(p.ws, j)
	if !ok || !n.Integer || n.Value <= 0 || n.Value >= 60 {
		return c, j, false
	}
	k := j + n.Words
	if u := units[p.k(k)]; u.name != "minute" || u.dual {
		return c, j, false
	}
	k++
	after := p.k(k) == "بعد"
	if !after && p.k(k) != "قبل" {
		return c, j, false
	}
	k++
	if p.k(k) == "الساعه" {
		k++
	}
	h, e, ok := p.hourWord(k, strings.HasPrefix(p.k(k), "ال") || p.k(k-1) == "الساعه")
	if !ok || h.mi != 0 {
		return c, j, false
	}
	c = h
	if after {
		c.mi = int(n.Value)
	} else {
		c.h, c.mi = c.h-1, 60-int(n.Value)
		if c.h < 0 {
			c.h += 24
		}
	}
	return c, e, true
}

// partAfter reads a part of the day after a clock: صباحا, مساء, بعد
// الظهر, قبل المغرب, الليلة, هذا المساء, العشاء.
func (p *parser) partAfter(j int) (string, int) {
	k := j
	if p.raw(k) == "،" || p.raw(k) == "," {
		k++
	}
	if p.k(k) == "من" || p.k(k) == "في" {
		if c, ok := dayParts[p.k(k+1)]; ok && strings.HasPrefix(p.k(k+1), "ال") {
			return c, k + 2
		}
	}
	if p.k(k) == "هذا" || p.k(k) == "هذه" {
		if c, ok := dayParts[p.k(k+1)]; ok {
			return c, k + 2
		}
	}
	switch p.k(k) {
	case "بعد":
		switch p.k(k + 1) {
		case "الظهر", "الظهيره", "العصر":
			return "AF", k + 2
		case "المغرب", "العشاء":
			return "EV", k + 2
		}
	case "قبل":
		switch p.k(k + 1) {
		case "الظهر", "الظهيره":
			return "MO", k + 2
		case "المغرب", "العصر":
			return "AF", k + 2
		}
	case "العشاء", "عشاء":
		return "EV", k + 1
	case "ص":
		if k == j {
			return "MO", k + 1 // 01:08 ص
		}
	case "م":
		if k == j && p.raw(j-2) == ":" {
			return "EV", k + 1 // 10:30 م
		}
	case "الليله":
		return "NI", k + 1
	}
	if c, ok := dayParts[p.k(k)]; ok && (!strings.HasPrefix(p.k(k), "ال") || k == j) {
		return c, k + 1
	}
	return "", j
}

// --- ranges: من A إلى B, بين A و B, A - B

// rangeEnd is one end of a range: a match, or a bare number (a day of
// the month, an hour) that takes the rest from the other end.
type rangeEnd struct {
	m    match
	bare int // the number, when m is not set
	ok   bool
	i, j int
}

func (p *parser) rangeEndAt(j int, allowBare bool) rangeEnd {
	if j >= len(p.ws) {
		return rangeEnd{j: j}
	}
	if m, ok := p.single(j); ok {
		return rangeEnd{m: m, ok: true, i: j, j: m.j}
	}
	if !allowBare {
		return rangeEnd{}
	}
	if n, ok := quantity.ParseAt(p.ws, j); ok && n.Integer && n.Value >= 1 && n.Value <= 31 {
		return rangeEnd{bare: int(n.Value), i: j, j: j + n.Words}
	}
	return rangeEnd{}
}

// connector reads the word between the ends of a range.
func (p *parser) connector(j int, between bool) (int, bool) {
	switch k := p.k(j); {
	case k == "الي" || k == "حتي" || k == "لغايه" || k == "وحتي" || k == "والي" || k == "ولغايه":
		return j + 1, true
	case p.raw(j) == "-" || p.raw(j) == "–":
		return j + 1, true
	case between && k == "و":
		return j + 1, true
	}
	return j, false
}

// opensRange reports whether a range may begin at token i, where the
// longest single expression is best (found): at من or بين (ومن, وبين,
// يومي, شهري without Ranges), at an expression or a number followed by
// a connector.
func (p *parser) opensRange(i int, best match, found bool) bool {
	switch p.k(i) {
	case "من", "بين":
		return true
	case "ومن", "وبين", "يومي", "شهري":
		return !p.opt.Ranges
	}
	if found {
		_, ok := p.connector(best.j, false)
		return ok
	}
	if p.isNum(i) {
		_, ok := p.connector(i+1, false)
		return ok
	}
	return false
}

// rangeRead reads the two ends of a range at i: من A إلى B, بين A و B,
// A - B. glued reports a conjunction glued to the right end (بين 3 و5),
// whose first code point is then no part of that end.
func (p *parser) rangeRead(i int) (left, right rangeEnd, glued, ok bool) {
	j := i
	between := false
	switch p.k(j) {
	case "من", "ومن":
		j++
	case "بين", "وبين":
		j++
		between = true
	case "يومي", "شهري":
		// يومي 13 و14 يونيو, شهري مايو ويونيو من عام 1999: two days or
		// months, read as the two ends (only without Options.Ranges).
		j++
		between = true
	}
	left = p.rangeEndAt(j, true)
	if left.j == j {
		return left, right, false, false
	}
	k, ok := p.connector(left.j, between)
	if !ok {
		// بين 3 و 12: the conjunction is glued to the number.
		if between && strings.HasPrefix(p.k(left.j), "و") && len(p.k(left.j)) > 2 {
			saved := p.ws[left.j].Key
			p.ws[left.j].Key = strings.TrimPrefix(saved, "و")
			defer func() { p.ws[left.j].Key = saved }()
			k, glued = left.j, true
		} else {
			return left, right, false, false
		}
	}
	right = p.rangeEndAt(k, true)
	if right.j == k || (!left.ok && !right.ok) || p.k(k) == "بعد" {
		return left, right, false, false
	}
	return left, right, glued, true
}

// rangeExpr reads a range of days, months, years or times.
func (p *parser) rangeExpr(i int) (match, bool) {
	if p.inRange {
		return match{}, false
	}
	p.inRange = true
	defer func() { p.inRange = false }()
	left, right, _, ok := p.rangeRead(i)
	if !ok {
		return match{}, false
	}
	// A weekday beside a day number: الجمعة 11 حتى الثلاثاء 15.
	lm, rm := left.m, right.m
	switch {
	case left.ok && right.ok:
		if lm.clk != nil && rm.clk != nil {
			return p.timeRange(i, right.j, *lm.clk, *rm.clk, lm, rm)
		}
		if lm.t.Type != TypeDate || rm.t.Type != TypeDate || lm.t.Granularity != rm.t.Granularity {
			return match{}, false
		}
		switch lm.t.Granularity {
		case "day", "month", "year", "week", "quarter":
		default:
			return match{}, false
		}
		if strings.Contains(lm.t.Value, "/") || strings.Contains(rm.t.Value, "/") {
			return match{}, false
		}
		// A year written on an end is never replaced. An end whose year
		// was not written takes the other's written year, as the two
		// expressions do (rangeEnds): the left end the last such day or
		// month not after the right end (من 10 ديسمبر إلى 5 يناير 2020 =
		// 2019-12-10/2020-01-05), the right end the first not before the
		// left (من 5 مارس 2019 إلى 10 مايو = 2019-03-05/2019-05-10).
		lg, rg := yearGuessed(lm, rm)
		switch {
		case lg && !rg:
			if lm, ok = moveYear(lm, rm, false); !ok {
				return match{}, false
			}
		case rg && !lg:
			if rm, ok = moveYear(rm, lm, true); !ok {
				return match{}, false
			}
		case lg && rg && lm.t.Value > rm.t.Value:
			lm, rm = p.unreverse(lm, rm)
		}
		return match{i: i, j: right.j, t: Timex{Type: TypeDate, Value: lm.t.Value + "/" + rm.t.Value, Granularity: lm.t.Granularity}}, true
	case !left.ok && right.ok:
		if rm.clk != nil {
			c := clockInfo{h: left.bare}
			if c.h > 24 {
				return match{}, false
			}
			return p.timeRange(i, right.j, c, *rm.clk, lm, rm)
		}
		if !rm.hasDay || rm.t.Granularity != "day" {
			return match{}, false
		}
		d, ok := dateOf(rm.day.Year(), int(rm.day.Month()), left.bare)
		if !ok || d.After(rm.day) {
			return match{}, false
		}
		return match{i: i, j: right.j, t: Timex{Type: TypeDate, Value: day(d) + "/" + day(rm.day), Granularity: "day"}}, true
	case left.ok && !right.ok:
		if lm.clk != nil {
			c := clockInfo{h: right.bare}
			if c.h > 24 {
				return match{}, false
			}
			// A part of the day after the bare end belongs to both.
			j := right.j
			if code, e := p.partAfter(j); code != "" {
				c.h, c.fixed = partHour(c.h, code)
				j = e
			}
			return p.timeRange(i, j, *lm.clk, c, lm, match{})
		}
		if !lm.hasDay || lm.t.Granularity != "day" {
			return match{}, false
		}
		d, ok := dateOf(lm.day.Year(), int(lm.day.Month()), right.bare)
		if !ok || d.Before(lm.day) {
			return match{}, false
		}
		return match{i: i, j: right.j, t: Timex{Type: TypeDate, Value: day(lm.day) + "/" + day(d), Granularity: "day"}}, true
	}
	return match{}, false
}

// rangeEnds reads a range of dates at i as its two ends, as TimeML and
// the news annotations have them (without Options.Ranges), and so two
// days or months after يومي or شهري: each end keeps its own span,
// without من, بين, يومي or شهري, and takes from the other what it lacks:
// a bare day its month and year (من 13 إلى 15 تموز, بين 3 و5 أغسطس 2020),
// a day or month without a written year the other's year (من يناير إلى
// مارس 2021). It reports false when neither end needs the other: the
// ends then read alone as they are.
func (p *parser) rangeEnds(i int) (match, match, bool) {
	p.inRange = true
	left, right, glued, ok := p.rangeRead(i)
	p.inRange = false
	if !ok {
		return match{}, match{}, false
	}
	lm, rm := left.m, right.m
	isDate := func(m match) bool {
		return m.t.Type == TypeDate && m.clk == nil && m.part == "" && !strings.Contains(m.t.Value, "/") &&
			(m.t.Granularity == "day" && m.hasDay || m.t.Granularity == "month" || m.t.Granularity == "quarter")
	}
	switch {
	case left.ok && right.ok:
		lg, rg := yearGuessed(lm, rm)
		if !isDate(lm) || !isDate(rm) || lm.t.Granularity != rm.t.Granularity || !lg && !rg {
			return match{}, match{}, false
		}
		switch {
		case lg && rg && lm.t.Value > rm.t.Value:
			lm, rm = p.unreverse(lm, rm)
		case lg && rg:
			return match{}, match{}, false
		case lg:
			lm, ok = moveYear(lm, rm, false)
		default:
			rm, ok = moveYear(rm, lm, true)
		}
	case !left.ok && right.ok:
		if !isDate(rm) || rm.t.Granularity != "day" {
			return match{}, match{}, false
		}
		lm, ok = dayBeside(rm, left.bare)
		ok = ok && !lm.day.After(rm.day)
		lm.i, lm.j = left.i, left.j
	case left.ok && !right.ok:
		if !isDate(lm) || lm.t.Granularity != "day" {
			return match{}, match{}, false
		}
		rm, ok = dayBeside(lm, right.bare)
		ok = ok && !rm.day.Before(lm.day)
		rm.i, rm.j = right.i, right.j
	default:
		ok = false
	}
	if !ok {
		return match{}, match{}, false
	}
	if glued {
		rm.cut = p.cutLetters(rm.i, 1) // و5 أغسطس: the conjunction stays out of the span
	}
	lm.leftEnd = true
	if rm.t.Granularity == "day" {
		p.lastMonth = rm.day
	}
	return lm, rm, true
}

// yearGuessed reports whether the year of each end of a range was not
// written, so that the end may move to the other's year. Beside a
// Gregorian end without a year, a Hijri day without one counts as
// placed: the Gregorian end moves to it (من 5 رمضان إلى 10 يونيو), as
// both readings did before Hijri days marked their year as guessed.
func yearGuessed(lm, rm match) (bool, bool) {
	if lm.guessYear && rm.guessYear && (lm.t.Hijri == "") != (rm.t.Hijri == "") {
		return lm.t.Hijri == "", rm.t.Hijri == ""
	}
	return lm.guessYear, rm.guessYear
}

// moveYear puts m, a day, month or quarter whose year was not written, in the
// year of other, the other end of its range: the last such m not after
// other when m is the left end, the first not before it when m is the
// right end. A Hijri day moves by Hijri years (من 5 رمضان إلى 10 شوال
// 1441 = 1441-09-05/1441-10-10).
func moveYear(m, other match, right bool) (match, bool) {
	if m.t.Hijri != "" {
		return moveHijriYear(m, other, right)
	}
	at := func(y int) (match, bool) {
		out := m
		if m.t.Granularity == "quarter" {
			out.t.Value = fmt.Sprintf("%04d%s", y, m.t.Value[4:]) // 2020-Q1
			return out, true
		}
		if m.t.Granularity == "month" {
			t := time.Date(y, time.Month(atoi(m.t.Value[5:7])), 1, 0, 0, 0, 0, time.UTC)
			out.t.Value = month(t)
			return out, true
		}
		t, ok := dateOf(y, int(m.day.Month()), m.day.Day())
		if !ok {
			return match{}, false
		}
		out.day, out.t.Value = t, day(t)
		return out, true
	}
	y := atoi(other.t.Value[:4])
	out, ok := at(y)
	if !ok {
		return match{}, false
	}
	// Values of one granularity compare as text.
	switch {
	case !right && out.t.Value > other.t.Value:
		out, ok = at(y - 1)
	case right && out.t.Value < other.t.Value:
		out, ok = at(y + 1)
	}
	if !ok {
		return match{}, false
	}
	out.guessYear = false
	return out, true
}

// unreverse mends a range whose ends both lack a written year and that
// the reference put in the wrong order (من 25 ديسمبر إلى 5 يناير, read in
// one year): the left end moves back a year, or the right end on, which
// ever puts the range nearer the reference (in August the coming winter,
// in February the last). It returns the ends unchanged when neither
// moves.
func (p *parser) unreverse(lm, rm match) (match, match) {
	back, okBack := moveYear(lm, rm, false)
	on, okOn := moveYear(rm, lm, true)
	switch {
	case okBack && okOn:
		if p.distance(back, rm) <= p.distance(lm, on) {
			return back, rm
		}
		return lm, on
	case okBack:
		return back, rm
	case okOn:
		return lm, on
	}
	return lm, rm
}

// distance is how far the range from the start of day or month a to the
// end of b lies from the reference day, 0 if it holds it.
func (p *parser) distance(a, b match) time.Duration {
	from, to := a.day, b.day
	if a.t.Granularity == "month" {
		from = time.Date(atoi(a.t.Value[:4]), time.Month(atoi(a.t.Value[5:7])), 1, 0, 0, 0, 0, time.UTC)
		to = time.Date(atoi(b.t.Value[:4]), time.Month(atoi(b.t.Value[5:7]))+1, 0, 0, 0, 0, 0, time.UTC)
	}
	switch {
	case p.refDay.Before(from):
		return from.Sub(p.refDay)
	case p.refDay.After(to):
		return p.refDay.Sub(to)
	}
	return 0
}

// moveHijriYear is moveYear for m, a Hijri day: the Hijri year is one of
// the three around other's day.
func moveHijriYear(m, other match, right bool) (match, bool) {
	var h HijriDate
	if n, _ := fmt.Sscanf(m.t.Hijri, "%d-%d-%d", &h.Year, &h.Month, &h.Day); n != 3 || m.t.Granularity != "day" {
		return match{}, false
	}
	at, ok := ToHijri(other.day)
	if !ok {
		return match{}, false
	}
	var out match
	found := false
	for y := at.Year - 1; y <= at.Year+1; y++ {
		h.Year = y
		t, ok := FromHijri(h)
		if !ok {
			continue
		}
		switch {
		case right && !t.Before(other.day) && !found:
			found = true
		case !right && !t.After(other.day):
			found = true
		default:
			continue
		}
		out = m
		out.day, out.t.Value, out.t.Hijri = t, day(t), h.String()
	}
	out.guessYear = false
	return out, found
}

// dayBeside is day d of the month of the day m, on m's calendar.
func dayBeside(m match, d int) (match, bool) {
	if m.t.Hijri != "" {
		var h HijriDate
		if n, _ := fmt.Sscanf(m.t.Hijri, "%d-%d-%d", &h.Year, &h.Month, &h.Day); n != 3 {
			return match{}, false
		}
		h.Day = d
		t, ok := FromHijri(h)
		if !ok {
			return match{}, false
		}
		out := dateMatch(0, 0, t)
		out.t.Hijri = h.String()
		return out, true
	}
	t, ok := dateOf(m.day.Year(), int(m.day.Month()), d)
	if !ok {
		return match{}, false
	}
	return dateMatch(0, 0, t), true
}

// timeRange joins two clocks; an end without its part of the day takes
// the other's, and a day after the range (غدا, من 22 أبريل) dates both.
func (p *parser) timeRange(i, j int, a, b clockInfo, am, bm match) (match, bool) {
	if !a.fixed && b.fixed {
		if b.h >= 12 && a.h+12 <= b.h {
			a.h += 12
		}
		a.fixed = true
	}
	if a.fixed && !b.fixed && a.h >= 12 && b.h < 12 && b.h+12 > a.h {
		b.h += 12
	}
	d := p.refDay
	if am.clk != nil && !am.day.IsZero() && am.dated {
		d = am.day
	}
	if bm.clk != nil && !bm.day.IsZero() && bm.dated {
		d = bm.day
	}
	k := j
	if p.k(k) == "من" || p.k(k) == "في" || p.raw(k) == "،" || p.raw(k) == "," {
		k++
	}
	if m, ok := p.single(k); ok && m.hasDay && m.t.Granularity == "day" && m.clk == nil && m.j > j {
		d, j = m.day, m.j
	}
	return match{i: i, j: j, t: Timex{Type: TypeTime, Value: timeOn(d, a) + "/" + timeOn(d, b), Granularity: "time"}}, true
}

// single is the longest expression at i without ranges.
func (p *parser) single(i int) (match, bool) {
	if i < 0 || i >= len(p.ws) {
		return match{}, false
	}
	saved := p.inRange
	p.inRange = true
	m, ok := p.at(i)
	p.inRange = saved
	if ok && m.cut > 0 {
		return match{}, false
	}
	return m, ok
}

// --- joining neighbours

// glueOK reports whether the tokens [a, b) may stand between two
// expressions that read as one (a comma, في, من, حوالي, الموافق).
func (p *parser) glueOK(a, b int) bool {
	if b-a > 2 {
		return false
	}
	for k := a; k < b; k++ {
		switch p.k(k) {
		case "في", "من", "حوالي", "نحو", "الموافق", "يوم", "عند", "تمام":
		default:
			if r := p.raw(k); r != "،" && r != "," {
				return false
			}
		}
	}
	return true
}

// isDay reports a date of day granularity without a clock or a part.
func isDay(m match) bool {
	return m.hasDay && m.t.Granularity == "day" && m.clk == nil && m.part == "" && m.t.Type == TypeDate && !strings.Contains(m.t.Value, "/")
}

// isPart reports a part of the day (مساء, هذا الصباح, صباح الغد).
func isPart(m match) bool { return m.part != "" && m.clk == nil }

// isClock reports a clock time not yet put on a written day.
func isClock(m match) bool { return m.clk != nil && !m.dated && !strings.Contains(m.t.Value, "/") }

// weekStartOf returns the Monday of an ISO week value 2016-W45.
func weekStartOf(v string) (time.Time, bool) {
	var y, w int
	if n, _ := fmt.Sscanf(v, "%4d-W%2d", &y, &w); n != 2 || len(v) != 8 {
		return time.Time{}, false
	}
	j4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	mon := j4.AddDate(0, 0, -((int(j4.Weekday()) + 6) % 7))
	return mon.AddDate(0, 0, 7*(w-1)), true
}

// join reads two neighbouring expressions as one, or reports false.
func (p *parser) join(a, b match) (match, bool) {
	switch {
	case isDay(a) && isClock(b), isClock(a) && isDay(b):
		d, c := a, b
		if isClock(a) {
			d, c = b, a
		}
		m := p.clockMatch(a.i, b.j, *c.clk, d.day, true)
		m.dated, m.cut = true, a.cut
		return m, true
	case isDay(a) && isPart(b) && !b.dated, isPart(a) && !a.dated && isDay(b):
		d, pt := a, b
		if isPart(a) {
			d, pt = b, a
		}
		m := match{i: a.i, j: b.j, cut: a.cut, t: Timex{Type: TypeTime, Value: day(d.day) + "T" + pt.part, Granularity: "time"}, day: d.day, part: pt.part, dated: true}
		return m, true
	case isPart(a) && isClock(b):
		c := *b.clk
		c.h, c.fixed = partHour(c.h, a.part)
		d := p.refDay
		if a.dated {
			d = a.day
		}
		m := p.clockMatch(a.i, b.j, c, d, true)
		m.dated, m.cut = a.dated, a.cut
		return m, true
	case a.t.Type == TypeSet && strings.HasPrefix(a.t.Value, "XXXX-WXX-") && !strings.Contains(a.t.Value, "T") && isClock(b),
		isClock(a) && b.t.Type == TypeSet && (b.t.Value == "P1D" || strings.HasPrefix(b.t.Value, "XXXX-WXX-") && !strings.Contains(b.t.Value, "T")):
		// كل يوم اثنين الساعة 4 مساءً; الساعة 3 مساءً كل يوم
		st, c := a, b
		if isClock(a) {
			st, c = b, a
		}
		v := "T" + clockText(*c.clk)
		if st.t.Value != "P1D" {
			v = st.t.Value + v
		}
		return match{i: a.i, j: b.j, cut: a.cut, t: Timex{Type: TypeSet, Value: v, Granularity: "set"}}, true
	case a.t.Type == TypeSet && a.part != "" && isClock(b):
		// كل ليلة في 9
		c := *b.clk
		c.h, _ = partHour(c.h, a.part)
		return match{i: a.i, j: b.j, cut: a.cut, t: Timex{Type: TypeSet, Value: "T" + clockText(c), Granularity: "set"}}, true
	case a.t.Granularity == "week" && a.t.Type == TypeDate && b.wd > 0 && isDay(b):
		mon, ok := weekStartOf(a.t.Value)
		if !ok {
			return match{}, false
		}
		d := mon.AddDate(0, 0, (b.wd-1+6)%7)
		m := dateMatch(a.i, b.j, d)
		m.cut = a.cut
		return m, true
	}
	return match{}, false
}

// compose joins neighbouring expressions the text joins.
func (p *parser) compose(ms []match) []match {
	for idx := 0; idx+1 < len(ms); {
		a, b := ms[idx], ms[idx+1]
		if p.glueOK(a.j, b.i) && !b.leftEnd && !a.t.Name && !b.t.Name {
			if m, ok := p.join(a, b); ok {
				ms[idx] = m
				ms = append(ms[:idx+1], ms[idx+2:]...)
				continue
			}
		}
		idx++
	}
	return ms
}

// partClock extends a part of the day with the clock after it: هذا
// الصباح في السابعة, الليلة في 7, صباح الغد الساعة 7; and with a bare
// hour before it: 8 هذا الصباح, 10 ، الليلة.
func (p *parser) partClock(m match, prevEnd int) match {
	if !isPart(m) {
		return m
	}
	k := m.j
	for n := 0; n < 3; n++ {
		switch p.k(k) {
		case "في", "حوالي", "نحو", "عند", "الساعه", "تمام":
			k++
			continue
		}
		break
	}
	if k > m.j {
		if c, e, ok := p.hourWord(k, true); ok {
			e = p.minutesAfter(e, &c)
			c.h, c.fixed = partHour(c.h, m.part)
			d := p.refDay
			if m.dated {
				d = m.day
			}
			out := p.clockMatch(m.i, e, c, d, true)
			out.dated, out.cut = m.dated, m.cut
			return out
		}
	}
	// A bare hour before the part.
	b := m.i - 1
	if p.raw(b) == "،" || p.raw(b) == "," {
		b--
	}
	if m.cut == 0 && b >= prevEnd && b >= 0 {
		if h, ok := p.num(b); ok && h >= 1 && h <= 12 && len(p.ws[b].Key) <= 2 && p.raw(b+1) != ":" && p.raw(b-1) != ":" {
			c := clockInfo{h: h}
			c.h, c.fixed = partHour(c.h, m.part)
			d := p.refDay
			if m.dated {
				d = m.day
			}
			out := p.clockMatch(b, m.j, c, d, true)
			out.dated = m.dated
			return out
		}
	}
	return m
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// --- the nth weekday or week of a month or year

// nthWords are the ordinals of أول يوم جمعة, الأسبوع الثالث, الثلاثاء الأخير.
var nthWords = keys(map[string]int{
	"أول": 1, "الأول": 1, "الأولى": 1, "ثاني": 2, "ثان": 2, "الثاني": 2, "الثانية": 2, "ثالث": 3, "الثالث": 3, "الثالثة": 3,
	"رابع": 4, "الرابع": 4, "الرابعة": 4, "خامس": 5, "الخامس": 5, "الخامسة": 5, "آخر": -1, "الأخير": -1, "الأخيرة": -1,
})

// nthWeekday returns the nth (from the end when n < 0) weekday wd of a month.
func nthWeekday(y, m int, wd time.Weekday, n int) time.Time {
	if n < 0 {
		last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC)
		return last.AddDate(0, 0, -((int(last.Weekday()) - int(wd) + 7) % 7))
	}
	first := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	return first.AddDate(0, 0, (int(wd)-int(first.Weekday())+7)%7+7*(n-1))
}

// periodOf reads what follows "من"/"في" after an nth: a month (شهر
// أكتوبر 2014, يوليو, هذا الشهر) or a year (عام 2027); it returns the
// year, the month (0 for a year) and the end.
func (p *parser) periodOf(j int) (int, int, int, bool) {
	switch p.k(j) {
	case "من", "في":
		j++
	case "بشهر":
		j++
		goto month
	}
	if p.k(j) == "هذا" && p.k(j+1) == "الشهر" {
		return p.refDay.Year(), int(p.refDay.Month()), j + 2, true
	}
	if _, ok := p.monthName(j, true); !ok && p.k(j) == "شهر" {
		j++
	}
month:
	if mo, ok := p.monthName(j, true); ok && !mo.hijri {
		m, ok := p.resolveMonth(j, mo, 0)
		if !ok || len(m.t.Value) != 7 {
			return 0, 0, 0, false
		}
		return atoi(m.t.Value[:4]), mo.month, m.j, true
	}
	if y, e, ok := p.yearExpr(j); ok {
		return y, 0, e, true
	}
	return 0, 0, 0, false
}

// nth reads أول يوم جمعة من يوليو, الثلاثاء الأخير من شهر مارس, الأسبوع
// الثالث من عام 2027, أول أسبوع بشهر أكتوبر 2014.
func (p *parser) nth(i int) (match, bool) {
	j := i
	n, wd, week := 0, -1, false
	if o, ok := nthWords[p.k(j)]; ok {
		n = o
		j++
		if p.k(j) == "يوم" {
			j++
		}
		if w, ok := weekdays[p.k(j)]; ok {
			wd = w
		} else if p.k(j) == "اسبوع" {
			week = true
		} else {
			return match{}, false
		}
		j++
	} else if w, ok := weekdays[p.k(j)]; ok && strings.HasPrefix(p.k(j), "ال") {
		wd = w
		if n, ok = nthWords[p.k(j+1)]; !ok || !strings.HasPrefix(p.k(j+1), "ال") {
			return match{}, false
		}
		j += 2
	} else if p.k(j) == "الاسبوع" {
		if n, ok = nthWords[p.k(j+1)]; !ok || !strings.HasPrefix(p.k(j+1), "ال") {
			return match{}, false
		}
		week = true
		j += 2
	} else {
		return match{}, false
	}
	y, m, e, ok := p.periodOf(j)
	if !ok {
		return match{}, false
	}
	if !week {
		if m == 0 {
			return match{}, false
		}
		d := nthWeekday(y, m, time.Weekday(wd), n)
		if int(d.Month()) != m {
			return match{}, false
		}
		return dateMatch(i, e, d), true
	}
	var mon time.Time
	if m == 0 {
		// The nth ISO week of the year; the last is the week of 28 December.
		if n < 0 {
			mon, _ = weekStartOf(isoWeek(time.Date(y, 12, 28, 0, 0, 0, 0, time.UTC)))
		} else {
			mon, _ = weekStartOf(fmt.Sprintf("%04d-W%02d", y, n))
		}
	} else {
		// The nth full week (Monday to Sunday) of the month.
		if n < 0 {
			last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC)
			mon = nthWeekday(y, m, time.Monday, -1)
			if mon.AddDate(0, 0, 6).After(last) {
				mon = mon.AddDate(0, 0, -7)
			}
		} else {
			mon = nthWeekday(y, m, time.Monday, n)
		}
	}
	return match{i: i, j: e, t: Timex{Type: TypeDate, Value: isoWeek(mon), Granularity: "week"}}, true
}
