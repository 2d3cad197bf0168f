// Package timex finds temporal expressions in Arabic news and normalizes
// them against a reference time (the publication date): Gregorian dates
// in every common writing (MSA, Levantine/Iraqi and Maghrebi month
// names), Hijri dates on the Umm al-Qura calendar, holidays, relative
// days, weeks, months and years, weekdays resolved by the tense of their
// clause, parts of periods, times of day, durations, sets and decades.
// Values are TIMEX3 style; spans are Unicode code point offsets into the
// original text.
package timex

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/quantity"
)

// Types of expression.
const (
	TypeDate     = "date"
	TypeTime     = "time"
	TypeDuration = "duration"
	TypeSet      = "set"
)

// Timex is one temporal expression. Value is TIMEX3 style ("2015-08-05",
// "2015-08", "2015-W32", "2015-Q2", "P3D", "PAST_REF", "2015-08-03TEV");
// a Hijri month or year is the Gregorian range "first/last" with the
// Hijri value in Hijri ("1436-09"). Granularity names the unit of Value
// (day, week, month, quarter, half, season, year, decade, century, time,
// duration, set, ref); Mod is START, MID or END for a part of a period.
type Timex struct {
	Text        string `json:"text"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Type        string `json:"type"`
	Value       string `json:"value"`
	Granularity string `json:"granularity"`
	Mod         string `json:"mod,omitempty"`
	Hijri       string `json:"hijri,omitempty"`
	// Name marks a year written as the end of a name (كأس العالم 2018,
	// رؤية 2030, موديل 2011): a year, but no date of an event the text
	// tells. A timeline leaves it out; it still keeps its digits from
	// being read as a quantity.
	Name bool `json:"name,omitempty"`
}

// Options tune resolution.
type Options struct {
	// Future resolves a bare weekday, holiday or month with no tense cue
	// in its clause to the next occurrence instead of the last one (news
	// reports mostly the past; a calendar query means the future).
	Future bool
	// Ranges reads a range (من 4 إلى 23 من هذا الشهر, بين الساعة 4 و5
	// مساءً, من 2014 إلى 2018) as one expression whose value is "A/B",
	// and a span counted from the reference (الأيام الثلاثة المقبلة,
	// الأسبوعين الماضيين, باقي الشهر) as the interval it covers, as
	// Recognizers-Text and Duckling do; without it the two ends are two
	// expressions and a counted span a duration, as TimeML and the news
	// annotations have them.
	Ranges bool
}

// Extract finds the temporal expressions of text and resolves them
// against ref, the publication time. Only the date (and, for times, the
// clock) of ref matters.
func Extract(text string, ref time.Time) []Timex {
	return ExtractWith(text, ref, Options{})
}

// ExtractWith is Extract with options.
func ExtractWith(text string, ref time.Time, opt Options) []Timex {
	toks := arabic.Tokenize(text)
	p := &parser{ws: quantity.Words(toks), rs: []rune(text), ref: ref, opt: opt,
		refDay: time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)}
	var ms []match
	prevEnd := 0
	for i := 0; i < len(p.ws); {
		m, ok := p.at(i)
		if ok && p.inName(i, m) {
			if m.hasDay {
				i = m.j // ملعب 15 أكتوبر: a name, the month with it
				continue
			}
			m.t.Name = true // كأس العالم 2018: a year, in a name
			ms = append(ms, m)
			i, prevEnd = m.j, m.j
			continue
		}
		if !opt.Ranges && p.opensRange(i, m, ok) {
			// من 13 إلى 15 تموز: two ends, each completed by the other.
			if l, r, rok := p.rangeEnds(i); rok && (!ok || r.j > m.j) {
				ms = append(ms, l, r)
				i, prevEnd = r.j, r.j
				continue
			}
		}
		if !ok {
			i++
			continue
		}
		m = p.partClock(m, prevEnd)
		if m.j <= i {
			i++ // never: every reading ends after its start
			continue
		}
		ms = append(ms, m)
		i, prevEnd = m.j, m.j
	}
	ms = p.compose(ms)
	out := make([]Timex, 0, len(ms))
	for _, m := range ms {
		start := p.ws[m.i].Start + m.cut
		end := p.ws[m.j-1].End
		// A bidi or zero-width mark the tokenizer kept on a word (الأمس
		// followed by U+200F) is no part of the span.
		for end > start && unicode.Is(unicode.Cf, p.rs[end-1]) {
			end--
		}
		for start < end && unicode.Is(unicode.Cf, p.rs[start]) {
			start++
		}
		t := m.t
		t.Start, t.End = start, end
		t.Text = string(p.rs[start:end])
		out = append(out, t)
	}
	return out
}

// match is a candidate expression over tokens [i, j); cut code points
// of a leading conjunction are left out of the span.
type match struct {
	i, j   int
	cut    int
	t      Timex
	day    time.Time // the day, for dates of day granularity
	hasDay bool
	clk    *clockInfo // a clock time
	dated  bool       // a clock or part of the day on a day written in the text
	part   string     // the part of the day (MO, AF, EV, NI …) of a part expression
	wd     int        // 1 + the weekday, for a weekday
	// guessYear marks a day (Gregorian or Hijri), or a Gregorian month or
	// quarter, whose year was not written (no year, no direction): it
	// came from the reference.
	guessYear bool
	leftEnd   bool // the left end of a range read as two expressions
}

type parser struct {
	ws     []quantity.Word
	rs     []rune
	ref    time.Time
	refDay time.Time
	opt    Options
	// firstKey overrides the key of token first while a clitic is tried.
	first    int
	firstKey string
	inPart   bool // season is read inside a part (نهاية الصيف)
	// lastMonth is the month of the last explicit date, for نفس الشهر.
	lastMonth time.Time
	inRange   bool // reading one end of a range
}

// k returns the lookup key of token i, "" past the end.
func (p *parser) k(i int) string {
	if i < 0 || i >= len(p.ws) {
		return ""
	}
	if i == p.first && p.firstKey != "" {
		return p.firstKey
	}
	return p.ws[i].Key
}

func (p *parser) raw(i int) string {
	if i < 0 || i >= len(p.ws) {
		return ""
	}
	return p.ws[i].Raw
}

func (p *parser) isNum(i int) bool { return i >= 0 && i < len(p.ws) && p.ws[i].Kind == arabic.Number }

// num returns the integer written in digits at token i.
func (p *parser) num(i int) (int, bool) {
	if !p.isNum(i) {
		return 0, false
	}
	v, ok := quantity.ParseDigits(p.ws[i].Key)
	if !ok || v != float64(int(v)) || strings.ContainsAny(p.ws[i].Key, ".,") {
		return 0, false
	}
	return int(v), true
}

// at finds the longest expression starting at token i, trying the word
// as written and without a leading conjunction or preposition.
func (p *parser) at(i int) (match, bool) {
	k := p.ws[i].Key
	type variant struct {
		key string
		cut int
	}
	vs := []variant{{k, 0}}
	r := []rune(k)
	touched := k == "لامس" || k == "ولامس" || k == "فلامس" // لامس: touched, not ل before أمس
	if len(r) > 2 {
		switch r[0] {
		case 'و', 'ف':
			vs = append(vs, variant{string(r[1:]), 1})
			if len(r) > 3 && (r[1] == 'ب' || r[1] == 'ل') && !touched {
				vs = append(vs, variant{string(r[2:]), 2})
			}
		case 'ب', 'ل', 'ك':
			if touched {
				break
			}
			vs = append(vs, variant{string(r[1:]), 1})
			if r[0] == 'ل' && r[1] == 'ل' {
				vs = append(vs, variant{"ا" + string(r[1:]), 0})
			}
		}
	}
	var best match
	found := false
	if (k == "وقت" || k == "فتره") && (p.k(i+1) == "سابق" || p.k(i+1) == "لاحق") && p.k(i+2) == "من" && i+3 < len(p.ws) {
		if m, ok := p.at(i + 3); ok && m.t.Type == TypeDate {
			m.i, m.cut = i, 0
			return m, true
		}
	}
	saved := p.ws[i].Key
	for _, v := range vs {
		p.first, p.firstKey = i, v.key
		p.ws[i].Key = v.key
		for _, f := range []func(int) (match, bool){
			p.duration, p.dayPartTime, p.clock, p.relDay, p.nth, p.weekday, p.dayMonth, p.numeric,
			p.part, p.period, p.simple,
		} {
			m, ok := f(i)
			if ok && m.j > i && (!found || m.j > best.j) {
				if m.i == i {
					// A reading that starts later (عند الساعة: الساعة)
					// keeps its first token whole.
					m.cut = p.cutLetters(i, v.cut)
				}
				best, found = m, true
			}
		}
	}
	p.first, p.firstKey = -1, ""
	p.ws[i].Key = saved
	if found && (p.title(i, best.j) || p.rhetorical(i, best.j)) {
		return match{}, false // صحيفة اليوم, لـ«اليوم», نحو غد أفضل
	}
	if !p.inRange && p.opt.Ranges && p.opensRange(i, best, found) {
		if m, ok := p.rangeExpr(i); ok && (!found || m.j > best.j) {
			best, found = m, true
		}
	}
	if found && best.hasDay && best.t.Granularity == "day" {
		p.lastMonth = best.day
	}
	return best, found
}

// cutLetters returns how many code points of token i's text its first n
// letters take, with the marks written on them (وَ, tatweel): a span that
// leaves out a leading conjunction starts after them.
func (p *parser) cutLetters(i, n int) int {
	cut := 0
	for _, r := range p.ws[i].Raw {
		if n == 0 && !arabic.IsMark(r) {
			break
		}
		if !arabic.IsMark(r) {
			n--
		}
		cut++
	}
	return cut
}

func dateMatch(i, j int, t time.Time) match {
	return match{i: i, j: j, t: Timex{Type: TypeDate, Value: day(t), Granularity: "day"}, day: t, hasDay: true}
}

// --- words of the present, past and future, sets, seasons, decades, holidays

func (p *parser) simple(i int) (match, bool) {
	k := p.k(i)
	if v, ok := vague[k]; ok {
		return match{i: i, j: i + 1, t: Timex{Type: TypeDate, Value: v, Granularity: "ref"}}, true
	}
	if v, ok := sets[k]; ok {
		return match{i: i, j: i + 1, t: Timex{Type: TypeSet, Value: v, Granularity: "set"}}, true
	}
	switch k {
	case "كل", "ايام":
		// كل يوم اثنين, كل اثنين, أيام الأحد
		j := i + 1
		if k == "كل" && p.k(j) == "يوم" {
			j++
		}
		if wd, ok := weekdays[p.k(j)]; ok {
			return match{i: i, j: j + 1, t: Timex{Type: TypeSet, Value: fmt.Sprintf("XXXX-WXX-%d", (wd+6)%7+1), Granularity: "set"}}, true
		}
		if k == "ايام" {
			break
		}
		// كل 4/15: a day of every year.
		if m, ok := p.numeric(i + 1); ok && m.hasDay && (!p.isNum(i+5) || p.raw(i+4) != p.raw(i+2)) && m.j == i+4 {
			return match{i: i, j: m.j, t: Timex{Type: TypeSet, Value: "XXXX" + m.t.Value[4:], Granularity: "set"}}, true
		}
		// كل ليلة, كل صباح
		if c, ok := dayParts[p.k(i+1)]; ok && !strings.HasPrefix(p.k(i+1), "ال") {
			return match{i: i, j: i + 2, t: Timex{Type: TypeSet, Value: "T" + c, Granularity: "set"}, part: c}, true
		}
		// كل يوم, كل أسبوع, كل شهر, كل عام
		if u, ok := units[p.k(i+1)]; ok && !u.plural && !u.dual && !strings.HasPrefix(p.k(i+1), "ال") {
			return match{i: i, j: i + 2, t: Timex{Type: TypeSet, Value: "P1" + durationLetter[u.name], Granularity: "set"}}, true
		}
	case "الايام", "الساعات", "الاسابيع", "الاشهر", "الشهور", "السنوات", "الاعوام":
		u := units[k]
		switch directions[p.k(i+1)] {
		case dirNext:
			return match{i: i, j: i + 2, t: Timex{Type: TypeDate, Value: "FUTURE_REF", Granularity: "ref"}}, true
		case dirPast:
			return match{i: i, j: i + 2, t: Timex{Type: TypeDuration, Value: "PX" + durationLetter[u.name], Granularity: "duration"}}, true
		}
		switch p.k(i + 1) {
		case "القليله", "القلايل", "الاخيره", "العديده":
			return match{i: i, j: i + 2, t: Timex{Type: TypeDuration, Value: "PX" + durationLetter[u.name], Granularity: "duration"}}, true
		case "القريبه":
			return match{i: i, j: i + 2, t: Timex{Type: TypeDate, Value: "FUTURE_REF", Granularity: "ref"}}, true
		}
	case "الوقت":
		if d := directions[p.k(i+1)]; d == dirThis && p.k(i+1) != "ذاته" && p.k(i+1) != "نفسه" {
			return match{i: i, j: i + 2, t: Timex{Type: TypeDate, Value: "PRESENT_REF", Granularity: "ref"}}, true
		}
	case "هذا":
		if p.k(i+1) == "الوقت" {
			if p.k(i+2) == "من" && (p.k(i+3) == "العام" || p.k(i+3) == "السنه") {
				return match{i: i, j: i + 4, t: Timex{Type: TypeDate, Value: "PRESENT_REF", Granularity: "ref"}}, true
			}
			return match{i: i, j: i + 2, t: Timex{Type: TypeDate, Value: "PRESENT_REF", Granularity: "ref"}}, true
		}
	case "عطله":
		// عطلة نهاية الأسبوع [المقبل | بعد التالي]
		if p.k(i+1) == "نهايه" && p.k(i+2) == "الاسبوع" {
			j, off := i+3, 0
			switch {
			case p.k(j) == "بعد" && directions[p.k(j+1)] == dirNext:
				j, off = j+2, 2
			case directions[p.k(j)] != dirNone:
				off = dirOffset(directions[p.k(j)])
				j++
			}
			return match{i: i, j: j, t: Timex{Type: TypeDate, Value: isoWeek(p.refDay.AddDate(0, 0, 7*off)) + "-WE", Granularity: "week"}}, true
		}
	case "الزمن":
		if p.k(i+1) == "القديم" {
			return match{i: i, j: i + 2, t: Timex{Type: TypeDate, Value: "PAST_REF", Granularity: "ref"}}, true
		}
	case "السابق":
		if p.k(i-1) == "في" {
			return match{i: i, j: i + 1, t: Timex{Type: TypeDate, Value: "PAST_REF", Granularity: "ref"}}, true
		}
	case "الان":
		return match{i: i, j: i + 1, t: Timex{Type: TypeDate, Value: "PRESENT_REF", Granularity: "ref"}}, true
	case "هذه":
		if p.k(i+1) == "اللحظه" {
			return match{i: i, j: i + 2, t: Timex{Type: TypeDate, Value: "PRESENT_REF", Granularity: "ref"}}, true
		}
	case "اقرب":
		// في أقرب وقت ممكن
		if p.k(i+1) == "وقت" && p.k(i+2) == "ممكن" {
			return match{i: i, j: i + 3, t: Timex{Type: TypeDate, Value: "FUTURE_REF", Granularity: "ref"}}, true
		}
	}
	if d, ok := decades[k]; ok && (d >= 6 || p.k(i+1) == "القرن" || p.k(i+2) == "القرن" || p.k(i-1) == "عقد" || p.k(i-1) == "حقبه") {
		c := 19
		j := i + 1
		if p.k(j) == "من" {
			j++
		}
		if p.k(j) == "القرن" {
			switch {
			case directions[p.k(j+1)] == dirThis || p.k(j+1) == "الحادي":
				c = 20
			}
			if directions[p.k(j+1)] != dirNone {
				j += 2
			} else {
				j = i + 1
			}
		} else {
			j = i + 1
		}
		if d == 2 && c == 19 && p.ref.Year() < 1950 {
			c = 19
		}
		return match{i: i, j: j, t: Timex{Type: TypeDate, Value: fmt.Sprintf("%d%d", c, d), Granularity: "decade"}}, true
	}
	if m, ok := p.holiday(i); ok {
		return m, true
	}
	return match{}, false
}

// holiday recognizes fixed and Hijri holidays.
func (p *parser) holiday(i int) (match, bool) {
	type hol struct {
		hm, hd int // Hijri month/day, or 0
		gm, gd int // Gregorian month/day, or 0
		easter bool
		nth    int // the nth weekday wd of month gm (عيد الشكر)
		wd     time.Weekday
	}
	var h hol
	j := i
	switch k := p.k(i); {
	case k == "عيد" && (p.k(i+1) == "الفطر"):
		h, j = hol{hm: 10, hd: 1}, i+2
	case k == "عيد" && p.k(i+1) == "الاضحي":
		h, j = hol{hm: 12, hd: 10}, i+2
	case k == "راس" && p.k(i+1) == "السنه" && (p.k(i+2) == "الهجريه" || p.k(i+2) == "الهجري"):
		h, j = hol{hm: 1, hd: 1}, i+3
	case k == "راس" && p.k(i+1) == "السنه" && (p.k(i+2) == "الميلاديه" || p.k(i+2) == "الجديده"):
		h, j = hol{gm: 1, gd: 1}, i+3
	case k == "يوم" && p.k(i+1) == "عرفه":
		h, j = hol{hm: 12, hd: 9}, i+2
	case k == "المولد" && p.k(i+1) == "النبوي":
		h, j = hol{hm: 3, hd: 12}, i+2
	case k == "عيد" && p.k(i+1) == "الميلاد" && p.k(i+2) != "ال", k == "كريسماس", k == "الكريسماس":
		h, j = hol{gm: 12, gd: 25}, i+1
		if k == "عيد" {
			j = i + 2
		}
	case k == "عيد" && p.k(i+1) == "الفصح":
		h, j = hol{easter: true}, i+2
	case k == "عيد" && p.k(i+1) == "الشكر":
		h, j = hol{gm: 11, nth: 4, wd: time.Thursday}, i+2
	case k == "يوم" && p.k(i+1) == "الاب":
		h, j = hol{gm: 6, nth: 3, wd: time.Sunday}, i+2
	case k == "عيد" && p.k(i+1) == "الام":
		h, j = hol{gm: 3, gd: 21}, i+2
	case k == "اليوم" && p.k(i+1) == "الوطني":
		h, j = hol{gm: 9, gd: 23}, i+2
	default:
		return match{}, false
	}
	if p.k(j) == "المبارك" || p.k(j) == "السعيد" {
		j++
	}
	year, yj, explicit := 0, j, false
	if y, ok := p.num(j); ok && y >= 1900 && y <= 2100 {
		year, yj, explicit = y, j+1, true
	}
	dir := directions[p.k(yj)]
	if dir != dirNone && !explicit {
		yj++
	}
	j = yj
	var t time.Time
	switch {
	case h.hm > 0:
		at := func(hy int) (time.Time, bool) { return FromHijri(HijriDate{hy, h.hm, h.hd}) }
		if explicit {
			hy, ok := ToHijri(time.Date(year, 6, 30, 0, 0, 0, 0, time.UTC))
			if !ok {
				return match{}, false
			}
			found := false
			for _, y := range []int{hy.Year - 1, hy.Year, hy.Year + 1} {
				if d, ok := at(y); ok && d.Year() == year {
					t, found = d, true
					break
				}
			}
			if !found {
				return match{}, false
			}
		} else {
			hr, ok := ToHijri(p.refDay)
			if !ok {
				return match{}, false
			}
			d, ok := at(hr.Year)
			if !ok {
				return match{}, false
			}
			if (dir == dirNext || dir == dirNone && p.opt.Future) && !d.After(p.refDay) {
				d, ok = at(hr.Year + 1)
			} else if dir == dirPast && d.After(p.refDay) {
				d, ok = at(hr.Year - 1)
			}
			if !ok {
				return match{}, false
			}
			t = d
		}
	default:
		y := p.refDay.Year()
		if explicit {
			y = year
		}
		mk := func(y int) time.Time {
			if h.easter {
				return easter(y)
			}
			if h.nth > 0 {
				return nthWeekday(y, h.gm, h.wd, h.nth)
			}
			return time.Date(y, time.Month(h.gm), h.gd, 0, 0, 0, 0, time.UTC)
		}
		t = mk(y)
		if !explicit {
			if (dir == dirNext || dir == dirNone && p.opt.Future) && t.Before(p.refDay) {
				t = mk(y + 1)
			} else if dir == dirPast && t.After(p.refDay) {
				t = mk(y - 1)
			}
		}
	}
	m := dateMatch(i, j, t)
	if hd, ok := ToHijri(t); ok && h.hm > 0 {
		m.t.Hijri = hd.String()
	}
	return m, true
}

// --- relative days: اليوم, أمس, أمس الأول, أول أمس, غدا, بعد غد

func (p *parser) relDay(i int) (match, bool) {
	j := i
	if p.k(j) == "يوم" || p.k(j) == "نهار" {
		j++
	}
	off := 0
	switch k := p.k(j); {
	case k == "اليوم":
		if p.k(j+1) == "الاخر" {
			return match{}, false // الإيمان باليوم الآخر: the Last Day
		}
		// اليوم الأول / اليوم الـ19 من شوال are days of a month or a
		// season, handled by dayMonth.
		if _, ok := quantity.ParseAt(p.ws, j+1); ok && !p.weekdayAt(j+1) {
			return match{}, false
		}
		off, j = 0, j+1
		if p.k(j) == "اليوم" { // يوم اليوم
			j++
		}
	case k == "امس" || k == "الامس" || k == "البارحه":
		off, j = -1, j+1
		if beforeYesterday(k, p.k(j)) {
			off, j = -2, j+1
		}
	case k == "اول" && p.k(j+1) == "امس":
		off, j = -2, j+2
	case k == "اول" && p.k(j+1) == "من" && p.k(j+2) == "امس":
		off, j = -2, j+3
	case k == "غدا" || k == "غد" || k == "الغد" || k == "بكره":
		off, j = 1, j+1
	case k == "بعد" && (p.k(j+1) == "غد" || p.k(j+1) == "الغد" || p.k(j+1) == "غدا" || p.k(j+1) == "بكره"):
		off, j = 2, j+2
	default:
		return match{}, false
	}
	t := p.refDay.AddDate(0, 0, off)
	var hj string
	j = p.dayTail(j, &t, &hj)
	m := dateMatch(i, j, t)
	m.t.Hijri = hj
	return m, true
}

// beforeYesterday reports that the word next after a word for yesterday
// (أمس, الأمس, البارحة; lookup forms) makes it the day before: أمس الأول,
// البارحة الأولى (the night before last). relDay and relDayOf share it.
func beforeYesterday(yesterday, next string) bool {
	return next == "الاول" || yesterday == "البارحه" && next == "الاولي"
}

// weekdayAt reports whether token i (or the one after an opening
// bracket) is a weekday name.
func (p *parser) weekdayAt(i int) bool {
	_, ok := weekdays[p.k(i)]
	return ok
}

// dayTail extends a day expression with a weekday in brackets or quotes
// and an explicit date (اليوم الأحد 2 أغسطس 2015م), which wins. Without
// a date, the weekday wins over the relative day when they disagree and
// its day is at most three days before the relative day's or one after
// (اليوم الاثنين against a Tuesday is Monday). The text says which day it
// means; the reference is the day the article was stored, which is often
// later than the day it was written (SaudiNewsNet's crawl day is the next
// day for about one in ten of "اليوم الاثنين", "أمس السبت" on three days'
// articles), or a day off across a time zone. Further apart (أمس الخميس
// against a Tuesday) the two say nothing sure, and the relative day holds.
func (p *parser) dayTail(j int, t *time.Time, hj *string) int {
	open := 0
	if r := p.raw(j); r == "(" || r == "\"" || r == "«" || r == "،" && p.weekdayAt(j+1) {
		open = 1
	}
	wd := -1
	if p.weekdayAt(j + open) {
		wd = weekdays[p.k(j+open)]
		j += open + 1
		if open == 1 {
			if r := p.raw(j); r == ")" || r == "\"" || r == "»" {
				j++
			}
		}
	}
	if m, ok := p.dayMonth(j); ok && m.hasDay {
		*t, *hj = m.day, m.t.Hijri
		return m.j
	}
	if m, ok := p.numeric(j); ok && m.hasDay {
		*t, *hj = m.day, m.t.Hijri
		return m.j
	}
	if wd >= 0 {
		switch d := (wd - int(t.Weekday()) + 7) % 7; {
		case d == 1:
			*t = t.AddDate(0, 0, 1)
		case d >= 4:
			*t = t.AddDate(0, 0, d-7)
		}
	}
	return j
}

// --- weekdays

func (p *parser) weekday(i int) (match, bool) {
	j := i
	if p.k(j) == "يوم" {
		j++
	}
	wd, ok := weekdays[p.k(j)]
	if !ok {
		return match{}, false
	}
	// A bare weekday without the article (خميس) is too ambiguous.
	if !strings.HasPrefix(p.k(j), "ال") && j == i && !(p.k(j+1) == "الاسبوع") {
		return match{}, false
	}
	j++
	dir := directions[p.k(j)]
	if dir != dirNone && dir != dirThis {
		j++
	}
	// الاثنين من هذا الأسبوع, اثنين الأسبوع الحالي
	wk := 0
	if p.k(j) == "من" && p.k(j+1) == "هذا" && p.k(j+2) == "الاسبوع" {
		j, wk = j+3, 1
	} else if p.k(j) == "الاسبوع" && directions[p.k(j+1)] == dirThis {
		j, wk = j+2, 1
	}
	var t time.Time
	if wk == 1 {
		// Days of the current week (Monday first, as Duckling counts).
		delta := (int(wd) + 6) % 7
		refd := (int(p.refDay.Weekday()) + 6) % 7
		t = p.refDay.AddDate(0, 0, delta-refd)
	} else {
		if dir == dirNone {
			if p.futureClause(i) {
				dir = dirNext
			} else {
				dir = dirPast
			}
		}
		diff := (int(p.refDay.Weekday()) - wd + 7) % 7
		switch dir {
		case dirNext:
			fwd := (wd - int(p.refDay.Weekday()) + 7) % 7
			if fwd == 0 {
				fwd = 7
			}
			t = p.refDay.AddDate(0, 0, fwd)
		default:
			if diff == 0 && directions[p.k(i+1)] == dirPast {
				diff = 7
			}
			t = p.refDay.AddDate(0, 0, -diff)
		}
	}
	// An explicit date after the weekday wins: الخميس 15 أغسطس, الأربعاء،
	// 13 شباط, الخميس الموافق 14 شهر شباط.
	k := j
	if p.raw(k) == "،" || p.raw(k) == "," {
		k++
	}
	date := k // where a date written with the weekday starts
	if p.k(k) == "الموافق" {
		date = k + 1
		if p.opt.Future {
			k++
		}
	}
	dm, ok := p.dayMonth(date)
	if !ok || !dm.hasDay {
		dm, ok = p.numeric(date)
	}
	if ok && dm.hasDay {
		if date > k {
			// الإثنين الموافق 01/12/1436: the weekday is the day written
			// after it; the two stay two expressions, as TimeML and the
			// news annotations have them.
			out := dateMatch(i, j, dm.day)
			out.wd = wd + 1
			return out, true
		}
		dm.i = i
		return dm, true
	}
	// الجمعة 22, الثلاثاء الحادي والثلاثين: the nearest month where that
	// day is that weekday.
	if p.k(k) == "في" {
		k++
	}
	if n, ok := quantity.ParseAt(p.ws, k); ok && n.Integer && n.Value >= 1 && n.Value <= 31 && (!n.Digits || len(p.ws[k].Key) <= 2) &&
		(k+n.Words >= len(p.ws) || p.ws[k+n.Words].Kind == arabic.Punct) {
		for _, off := range []int{0, -1, 1, -2, 2} {
			base := p.refDay.AddDate(0, off, 1-p.refDay.Day())
			if d, ok := dateOf(base.Year(), int(base.Month()), int(n.Value)); ok && int(d.Weekday()) == wd {
				m := dateMatch(i, k+n.Words, d)
				m.wd = wd + 1
				return m, true
			}
		}
	}
	m := dateMatch(i, j, t)
	m.wd = wd + 1
	return m, true
}

// futureClause reports a future cue in the clause around token i: سـ
// or سوف before a verb, من المقرر, المقبل, or the Future option.
func (p *parser) futureClause(i int) bool {
	for k := i - 1; k >= 0 && k >= i-10; k-- {
		w := p.ws[k]
		if w.Kind == arabic.Punct && w.Raw != "(" && w.Raw != ")" && w.Raw != "\"" {
			break
		}
		key := w.Key
		if key == "سوف" || key == "المقرر" || key == "المنتظر" || key == "المزمع" || key == "يعتزم" || key == "تعتزم" {
			return true
		}
		if r := []rune(key); len(r) >= 4 && (r[0] == 'س' || r[0] == 'و' && r[1] == 'س' && len(r) >= 5) {
			q := r[1]
			if r[0] == 'و' {
				q = r[2]
			}
			if q == 'ي' || q == 'ت' || q == 'ن' {
				if !strings.HasPrefix(key, "سن") || len(r) >= 5 {
					if !strings.HasPrefix(key, "ست") || len(r) >= 5 {
						if !strings.HasPrefix(key, "سي") || !strings.HasPrefix(key, "سياس") && !strings.HasPrefix(key, "سيار") && !strings.HasPrefix(key, "سيد") && !strings.HasPrefix(key, "سيطر") {
							return true
						}
					}
				}
			}
		}
	}
	return p.opt.Future
}

// --- day of month: 5 أغسطس 2015, الخامس من أغسطس, 20 شوال 1436هـ, يوم 24 يوليو تموز

func (p *parser) dayMonth(i int) (match, bool) {
	j := i
	if p.k(j) == "يوم" || p.k(j) == "اليوم" {
		j++
	}
	n, ok := quantity.ParseAt(p.ws, j)
	if !ok || !n.Integer || n.Value < 1 || n.Value > 31 {
		return match{}, false
	}
	d := int(n.Value)
	j += n.Words
	// Day ranges (13 الى 15 تموز, 27-29) are left to the month after.
	if p.k(j) == "من" || p.k(j) == "في" && p.k(j+1) == "الشهر" {
		j++
	} else if r := p.raw(j); (r == "." || r == "-" || r == "/") && n.Digits && j == i+n.Words+boolInt(p.k(i) == "يوم" || p.k(i) == "اليوم") {
		if mo, ok := p.monthName(j+1, false); ok && !mo.hijri {
			j++ // 2. أكتوبر, 2- أكتوبر (not a score: 1 - صفر)
		}
	}
	if p.k(j) == "شهر" {
		j++
	}
	mo, ok := p.monthName(j, true)
	if !ok {
		// 24 من نفس الشهر, التاسع عشر من هذا الشهر
		if (p.k(j) == "نفس" && p.k(j+1) == "الشهر") || (p.k(j) == "هذا" && p.k(j+1) == "الشهر") {
			base := p.lastMonth
			if base.IsZero() || p.k(j) == "هذا" {
				base = p.refDay
			}
			t, ok := dateOf(base.Year(), int(base.Month()), d)
			if !ok {
				return match{}, false
			}
			return dateMatch(i, j+2, t), true
		}
		if p.k(j) == "الشهر" && directions[p.k(j+1)] != dirNone {
			off := dirOffset(directions[p.k(j+1)])
			base := p.refDay.AddDate(0, off, 1-p.refDay.Day())
			t, ok := dateOf(base.Year(), int(base.Month()), d)
			if !ok {
				return match{}, false
			}
			return dateMatch(i, j+2, t), true
		}
		return match{}, false
	}
	if !n.Digits && !n.Ordinal && j == i+n.Words {
		// ثلاثة يوليو is unusual; ثلاثة أشهر is a duration.
		return match{}, false
	}
	return p.resolveMonth(i, mo, d)
}

// monthRef is a month name with what follows it.
type monthRef struct {
	month int
	hijri bool
	j     int // end of the month phrase (paired names, year, direction)
	year  int
	dir   int
}

// monthName reads a month name at j with its pair, year and direction.
// weakOK allows the names that are also common words.
func (p *parser) monthName(j int, weakOK bool) (monthRef, bool) {
	var r monthRef
	name := func(j int) (int, bool, int, bool) { // month, hijri, words
		if m, ok := twoWordMonths[[2]string{p.k(j), p.k(j + 1)}]; ok {
			return m, false, 2, true
		}
		if m, ok := twoWordHijri[[2]string{p.k(j), p.k(j + 1)}]; ok {
			return m, true, 2, true
		}
		if m, ok := gregorianMonths[p.k(j)]; ok {
			if weakMonths[p.k(j)] && !weakOK {
				return 0, false, 0, false
			}
			return m, false, 1, true
		}
		if m, ok := hijriMonths[p.k(j)]; ok {
			return m, true, 1, true
		}
		return 0, false, 0, false
	}
	m, h, w, ok := name(j)
	if !ok && (p.k(j) == "الشهر" || p.k(j) == "شهر") && weakOK {
		// الشهر الثامن, شهر عشرة, شهر 3
		if n, nok := quantity.ParseAt(p.ws, j+1); nok && n.Integer && n.Value >= 1 && n.Value <= 12 && n.Words <= 2 &&
			(p.k(j) == "شهر" && !n.Ordinal || p.k(j) == "الشهر" && n.Ordinal && strings.HasPrefix(p.k(j+1), "ال")) {
			if u, isUnit := units[p.k(j+1+n.Words)]; !isUnit || u.name == "" {
				m, h, w, ok = int(n.Value), false, 1+n.Words, true
			}
		}
	}
	if !ok {
		return r, false
	}
	r.month, r.hijri, r.j = m, h, j+w
	// Paired names: آب/أغسطس, تشرين الأول أكتوبر, يونيو (حزيران).
	k := r.j
	open := p.raw(k) == "(" || p.raw(k) == "/" || p.raw(k) == "-"
	if open {
		k++
	}
	if m2, h2, w2, ok := name(k); ok && m2 == m && h2 == h {
		k += w2
		if p.raw(k) == ")" && p.raw(r.j) == "(" {
			k++
		}
		r.j = k
	}
	// Year: 2015, 2015م, عام 2015, من عام 2014, 1436هـ.
	k = r.j
	if p.raw(k) == "," || p.raw(k) == "،" {
		if y, ok := p.num(k + 1); ok && y >= 1000 {
			k++
		}
	}
	if (p.k(k) == "من" || p.k(k) == "في") && (p.k(k+1) == "عام" || p.k(k+1) == "العام" || p.k(k+1) == "سنه" || p.k(k+1) == "السنه") {
		k++
	}
	if p.k(k) == "عام" || p.k(k) == "لعام" || p.k(k) == "سنه" || p.k(k) == "العام" || p.k(k) == "السنه" {
		if _, ok := p.num(k + 1); ok {
			k++
		} else if directions[p.k(k+1)] != dirNone && (p.k(k) == "العام" || p.k(k) == "السنه") {
			d := directions[p.k(k+1)]
			r.year = p.refDay.Year() + dirOffset(d)
			r.j = k + 2
			return r, true
		}
	}
	if y, ok := p.num(k); ok && (y >= 1300 && y <= 2200) {
		r.year = y
		k++
		switch p.k(k) {
		case "م", "ميلادي", "ميلاديه":
			k++
		case "ه", "هجري", "هجريه":
			k++
		}
		r.j = k
		return r, true
	}
	if d := directions[p.k(r.j)]; d != dirNone {
		r.dir = d
		r.j++
	}
	return r, true
}

// halfYear is how many months after the reference's month a Gregorian
// month named without year, direction or a future cue in its clause may
// lie in the reference's year (news reports mostly the past): one further
// on is the one of the year before, nearer the reference (في ديسمبر, منذ
// 30 نوفمبر in a January or February paper; سيكون في أواخر نوفمبر in March
// stays ahead). Hijri months keep the reference's Hijri year.
const halfYear = 6

// resolveMonth resolves a day d (0 for the whole month) of a month read
// at token i onward.
func (p *parser) resolveMonth(i int, mo monthRef, d int) (match, bool) {
	if mo.hijri {
		hr, ok := ToHijri(p.refDay)
		if !ok {
			return match{}, false
		}
		y := mo.year
		if y >= 1900 {
			// رمضان 2019: the month that begins in that Gregorian year.
			found := false
			hy, _ := ToHijri(time.Date(y, 6, 30, 0, 0, 0, 0, time.UTC))
			for _, c := range []int{hy.Year - 1, hy.Year, hy.Year + 1} {
				if f, _, ok := hijriMonthRange(c, mo.month); ok && f.Year() == y {
					y, found = c, true
					break
				}
			}
			if !found {
				return match{}, false
			}
		} else if y == 0 {
			y = hr.Year
			cmp := mo.month - hr.Month
			if cmp == 0 && d > 0 {
				cmp = d - hr.Day
			}
			switch {
			case mo.dir == dirPast && cmp >= 0:
				y--
			case mo.dir == dirNext && cmp <= 0:
				y++
			case mo.dir == dirNone && p.opt.Future && cmp < 0:
				y++
			}
		}
		if d > 0 {
			t, ok := FromHijri(HijriDate{y, mo.month, d})
			if !ok {
				return match{}, false
			}
			m := dateMatch(i, mo.j, t)
			m.t.Hijri = HijriDate{y, mo.month, d}.String()
			m.guessYear = mo.year == 0 && mo.dir == dirNone
			return m, true
		}
		f, l, ok := hijriMonthRange(y, mo.month)
		if !ok {
			return match{}, false
		}
		return match{i: i, j: mo.j, t: Timex{Type: TypeDate, Value: day(f) + "/" + day(l), Granularity: "month",
			Hijri: fmt.Sprintf("%04d-%02d", y, mo.month)}}, true
	}
	y := mo.year
	if y > 0 && y < 1600 {
		return match{}, false // a Gregorian month with a Hijri year
	}
	guess := y == 0 && mo.dir == dirNone
	if y == 0 {
		y = p.refDay.Year()
		cmp := mo.month - int(p.refDay.Month())
		if cmp == 0 && d > 0 && !(p.opt.Future && mo.dir == dirNone) {
			cmp = d - p.refDay.Day()
		}
		switch {
		case mo.dir == dirPast && cmp >= 0:
			y--
		case mo.dir == dirNext && cmp <= 0:
			y++
		case mo.dir == dirNone && p.opt.Future && cmp < 0:
			y++
		case mo.dir == dirNone && mo.month-int(p.refDay.Month()) > halfYear && !p.futureClause(i):
			y-- // في ديسمبر in a January paper: the December just past
		}
	}
	if d > 0 {
		t, ok := dateOf(y, mo.month, d)
		if !ok {
			return match{}, false
		}
		m := dateMatch(i, mo.j, t)
		m.guessYear = guess
		return m, true
	}
	t := time.Date(y, time.Month(mo.month), 1, 0, 0, 0, 0, time.UTC)
	p.lastMonth = t
	return match{i: i, j: mo.j, t: Timex{Type: TypeDate, Value: month(t), Granularity: "month"}, guessYear: guess}, true
}

// --- numeric dates: 5/8/2015, 2015-08-05, 19/10/1436هـ

func (p *parser) numeric(i int) (match, bool) {
	a, ok := p.num(i)
	if !ok {
		// 2015.3: a year and month in one number.
		if p.isNum(i) {
			if y, m, found := strings.Cut(p.ws[i].Key, "."); found && len(y) == 4 && len(m) <= 2 && m != "" && m[0] != '0' {
				yy, mm := atoi(y), atoi(m)
				if yy >= 1900 && yy <= 2100 && mm >= 1 && mm <= 12 && (p.k(i-1) == "في" || i == 0 || p.ws[i-1].Kind == arabic.Word) && !p.isNum(i+1) {
					if i+1 >= len(p.ws) || p.ws[i+1].Kind == arabic.Punct {
						t := time.Date(yy, time.Month(mm), 1, 0, 0, 0, 0, time.UTC)
						return match{i: i, j: i + 1, t: Timex{Type: TypeDate, Value: month(t), Granularity: "month"}}, true
					}
				}
			}
		}
		return match{}, false
	}
	sep := p.raw(i + 1)
	if sep != "/" && sep != "-" && sep != "." {
		return match{}, false
	}
	b, ok := p.num(i + 2)
	if !ok {
		return match{}, false
	}
	if p.raw(i+3) != sep || !p.isNum(i+4) {
		return p.shortNumeric(i, a, b)
	}
	c, ok := p.num(i + 4)
	if !ok {
		return match{}, false
	}
	j := i + 5
	var y, m, d int
	if a >= 1000 {
		y, m, d = a, b, c
	} else {
		d, m, y = a, b, c
		if m > 12 && d <= 12 { // 5/17/2018
			d, m = m, d
		}
	}
	if y < 100 {
		y += 2000
	}
	hijriMark := false
	switch p.k(j) {
	case "ه", "هجري", "هجريه":
		hijriMark, j = true, j+1
	case "م", "ميلادي", "ميلاديه":
		j++
	}
	if hijriMark || y < 1600 {
		t, ok := FromHijri(HijriDate{y, m, d})
		if !ok {
			return match{}, false
		}
		mt := dateMatch(i, j, t)
		mt.t.Hijri = HijriDate{y, m, d}.String()
		return mt, true
	}
	t, ok := dateOf(y, m, d)
	if !ok {
		return match{}, false
	}
	return dateMatch(i, j, t), true
}

// shortNumeric reads a date of two numbers: a month and year (3/2015,
// 2015-3), or, after في, يوم, بتاريخ, كل or a weekday, a day and month
// (22/4, 4/22) in the year the tense gives.
func (p *parser) shortNumeric(i, a, b int) (match, bool) {
	j := i + 3
	if b >= 1900 && b <= 2100 && a >= 1 && a <= 12 && len(p.ws[i+2].Key) == 4 {
		t := time.Date(b, time.Month(a), 1, 0, 0, 0, 0, time.UTC)
		return match{i: i, j: j, t: Timex{Type: TypeDate, Value: month(t), Granularity: "month"}}, true
	}
	if a >= 1900 && a <= 2100 && b >= 1 && b <= 12 && len(p.ws[i].Key) == 4 && p.raw(i+1) != "/" {
		t := time.Date(a, time.Month(b), 1, 0, 0, 0, 0, time.UTC)
		return match{i: i, j: j, t: Timex{Type: TypeDate, Value: month(t), Granularity: "month"}}, true
	}
	prev := p.k(i - 1)
	if _, wd := weekdays[prev]; !wd && prev != "في" && prev != "يوم" && prev != "بتاريخ" && prev != "كل" && prev != "تاريخ" {
		return match{}, false
	}
	if p.isNum(j) || p.raw(j) == "/" || p.raw(j) == "-" {
		return match{}, false
	}
	d, m := a, b
	if m > 12 && d <= 12 {
		d, m = m, d
	}
	if d < 1 || d > 31 || m < 1 || m > 12 {
		return match{}, false
	}
	return p.resolveMonth(i, monthRef{month: m, j: j}, d)
}

// --- parts of periods: مطلع الأسبوع المقبل, نهاية مارس الماضي, منتصف يوليو

func (p *parser) part(i int) (match, bool) {
	mod, ok := parts[p.k(i)]
	if !ok {
		return match{}, false
	}
	j := i + 1
	if p.k(j) == "شهر" {
		if mo, ok := p.monthName(j+1, true); ok {
			m, ok := p.resolveMonth(i, mo, 0)
			if !ok {
				return match{}, false
			}
			m.t.Mod = mod
			return m, true
		}
	}
	if mo, ok := p.monthName(j, true); ok {
		m, ok := p.resolveMonth(i, mo, 0)
		if !ok {
			return match{}, false
		}
		m.t.Mod = mod
		return m, true
	}
	if u, ok := units[p.k(j)]; ok && strings.HasPrefix(p.k(j), "ال") && !u.plural && !u.dual && directions[p.k(j+1)] == dirNone && (u.name == "week" || u.name == "month" || u.name == "year") {
		var v, g string
		switch u.name {
		case "week":
			v, g = isoWeek(p.refDay), "week"
		case "month":
			v, g = month(p.refDay), "month"
		default:
			v, g = fmt.Sprintf("%04d", p.refDay.Year()), "year"
		}
		return match{i: i, j: j + 1, t: Timex{Type: TypeDate, Value: v, Granularity: g, Mod: mod}}, true
	}
	if m, ok := p.period(j); ok && m.t.Granularity != "day" && m.t.Type == TypeDate && m.t.Granularity != "ref" {
		m.i = i
		if m.t.Mod == "" {
			m.t.Mod = mod
		}
		return m, true
	}
	p.inPart = true
	m, ok := p.season(j)
	p.inPart = false
	if ok {
		m.i = i
		m.t.Mod = mod
		return m, true
	}
	return match{}, false
}

// --- periods: الأسبوع الماضي, هذا العام, الشهر المقبل, العام 2015, قبل أسبوعين, الربع الثاني 2015

func (p *parser) period(i int) (match, bool) {
	if m, ok := p.monthPhrase(i); ok {
		return m, true
	}
	if m, ok := p.quarter(i); ok {
		return m, true
	}
	if m, ok := p.season(i); ok {
		return m, true
	}
	if m, ok := p.yearPhrase(i); ok {
		return m, true
	}
	if m, ok := p.relUnit(i); ok {
		return m, true
	}
	return match{}, false
}

// monthPhrase: [شهر] MONTH [pair] [year] [direction], also MONTH DAY
// (اغسطس 27).
func (p *parser) monthPhrase(i int) (match, bool) {
	j := i
	this := false
	if p.k(j) == "هذا" {
		// هذا يناير: the month of this year.
		this = true
		j++
	}
	hasShahr := p.k(j) == "شهر"
	if hasShahr {
		j++
	}
	mo, ok := p.monthName(j, hasShahr)
	if ok && this {
		if mo.year != 0 || mo.dir != dirNone || mo.hijri {
			return match{}, false
		}
		mo.year = p.refDay.Year()
	} else if this {
		return match{}, false
	}
	if !ok {
		if !hasShahr {
			// A weak month name beside a year: آب 2015.
			if mo2, ok2 := p.monthName(j, true); ok2 && mo2.year > 0 {
				return p.resolveMonth(i, mo2, 0)
			}
		}
		return match{}, false
	}
	// Hijri month names are also names (رجب, صفر): only رمضان and the
	// two-word names stand alone.
	if mo.hijri && mo.month != 9 && mo.month < 11 && !hasShahr && mo.year == 0 && mo.dir == dirNone {
		return match{}, false
	}
	if !mo.hijri && mo.year == 0 && mo.dir == dirNone {
		if d, ok := p.num(mo.j); ok && d >= 1 && d <= 31 && p.raw(mo.j+1) != "/" {
			return p.resolveMonth(i, monthRef{month: mo.month, j: mo.j + 1}, d)
		}
	}
	return p.resolveMonth(i, mo, 0)
}

// yearPhrase: عام 2010, العام 2015, 2012 (a bare year), 1437هـ, هذا العام,
// العام الماضي.
func (p *parser) yearPhrase(i int) (match, bool) {
	j := i
	lead := false
	switch p.k(j) {
	case "عام", "العام", "سنه", "السنه", "عامي":
		j++
		lead = true
	}
	y, ok := p.num(j)
	if lead && !ok {
		// عام ألفين وسبعة وعشرين
		if yy, e, wok := p.yearInWords(j); wok {
			return match{i: i, j: e, t: Timex{Type: TypeDate, Value: fmt.Sprintf("%04d", yy), Granularity: "year"}}, true
		}
	}
	if ok && lead && len([]rune(p.ws[j].Key)) == 3 && (p.k(i) == "عام" || p.k(i) == "سنه") && !p.isNum(j+1) {
		if _, isUnit := units[p.k(j+1)]; !isUnit {
			e := j + 1
			switch p.k(e) {
			case "م", "ميلادي", "ميلاديا", "ميلاديه":
				e++
			}
			return match{i: i, j: e, t: Timex{Type: TypeDate, Value: fmt.Sprintf("%04d", y), Granularity: "year"}}, true // عام 247, عام 600 ميلادي
		}
	}
	if !ok || p.ws[j].Raw != strings.TrimSpace(p.ws[j].Raw) || len([]rune(p.ws[j].Key)) != 4 {
		return match{}, false
	}
	j++
	switch p.k(j) {
	case "ه", "هجري", "هجريه":
		f, l, ok := hijriYearRange(y)
		if !ok {
			return match{}, false
		}
		return match{i: i, j: j + 1, t: Timex{Type: TypeDate, Value: day(f) + "/" + day(l), Granularity: "year", Hijri: fmt.Sprintf("%04d", y)}}, true
	case "م", "ميلادي", "ميلاديه":
		j++
		lead = true
	}
	if y < 1900 || y > 2100 {
		if !lead || y < 1000 || y > 2200 {
			return match{}, false
		}
	}
	switch p.k(i - 1) {
	case "في", "منذ", "حتي", "خلال", "بين", "قبل", "بعد", "وفي", "ومنذ":
		lead = true
	case "العام", "السنه":
		lead = p.k(i-2) == "هذا" || p.k(i-2) == "هذه" // هذا العام 2026
	default:
		// The year of العام الحالي 2026 written beside it.
		lead = directions[p.k(i-1)] != dirNone && (p.k(i-2) == "العام" || p.k(i-2) == "السنه")
	}
	if !lead {
		// A bare number is a year only if no counted noun follows it.
		if i > 0 && (p.raw(i-1) == "/" || p.raw(i-1) == "-" || p.raw(i-1) == ".") {
			return match{}, false
		}
		if next := p.k(j); next != "" && p.ws[j].Kind == arabic.Word && !strings.HasPrefix(next, "ال") && !strings.HasPrefix(next, "وال") {
			switch next {
			case "و", "في", "من", "الي", "حتي", "حين", "عندما", "بعد", "قبل", "حيث", "لكن", "ثم", "مع", "علي", "او":
			default:
				if !strings.HasPrefix(next, "و") {
					return match{}, false
				}
			}
		}
	}
	return match{i: i, j: j, t: Timex{Type: TypeDate, Value: fmt.Sprintf("%04d", y), Granularity: "year"}}, true
}

// relUnit: (هذا|هذه)? UNIT direction; قبل/بعد N UNIT.
func (p *parser) relUnit(i int) (match, bool) {
	j := i
	this := false
	if p.k(j) == "هذا" || p.k(j) == "هذه" {
		this = true
		j++
	}
	if (p.k(j) == "بعد" || p.k(j) == "في") && !this {
		// بعد 5 دقائق, في 5 دقائق: the clock that many minutes or hours on.
		n, u, k, ok := p.countUnit(j + 1)
		if !ok || n != float64(int(n)) || (u.name != "hour" && u.name != "minute") {
			return match{}, false
		}
		if !p.opt.Future && p.ref.Hour() == 0 && p.ref.Minute() == 0 {
			return match{}, false // a publication day without its clock
		}
		d := time.Minute
		if u.name == "hour" {
			d = time.Hour
		}
		t := time.Date(p.ref.Year(), p.ref.Month(), p.ref.Day(), p.ref.Hour(), p.ref.Minute(), 0, 0, time.UTC).Add(time.Duration(n) * d)
		return match{i: i, j: k, t: Timex{Type: TypeTime, Value: t.Format("2006-01-02T15:04"), Granularity: "time"}}, true
	}
	if p.k(j) == "قبل" && !this {
		sign := -1
		if p.k(j) == "بعد" {
			sign = 1
		}
		n, u, k, ok := p.countUnit(j + 1)
		if !ok || u.name == "hour" || u.name == "minute" || u.name == "second" || n != float64(int(n)) {
			return match{}, false
		}
		v := int(n) * sign
		var t Timex
		switch u.name {
		case "day":
			t = Timex{Type: TypeDate, Value: day(p.refDay.AddDate(0, 0, v)), Granularity: "day"}
		case "week":
			t = Timex{Type: TypeDate, Value: isoWeek(p.refDay.AddDate(0, 0, 7*v)), Granularity: "week"}
		case "month":
			t = Timex{Type: TypeDate, Value: month(p.refDay.AddDate(0, v, 1-p.refDay.Day())), Granularity: "month"}
		case "year":
			t = Timex{Type: TypeDate, Value: fmt.Sprintf("%04d", p.refDay.Year()+v), Granularity: "year"}
		default:
			return match{}, false
		}
		return match{i: i, j: k, t: t}, true
	}
	u, ok := units[p.k(j)]
	if !ok || u.plural || u.dual || !strings.HasPrefix(p.k(j), "ال") {
		return match{}, false
	}
	j++
	dir := dirNone
	twice := false
	if p.k(j) == "بعد" && directions[p.k(j+1)] == dirNext {
		// الأسبوع بعد القادم
		dir, twice = dirNext, true
		j += 2
	} else if d, ok := directions[p.k(j)]; ok {
		dir = d
		j++
	} else if p.k(j) == "الذي" && p.k(j+1) == "سبقه" {
		dir = dirPast
		j += 2
	} else if this {
		dir = dirThis
	} else {
		return match{}, false
	}
	off := dirOffset(dir)
	if twice {
		off = 2
	}
	var t Timex
	switch u.name {
	case "day":
		if this || dir == dirThis {
			return match{}, false
		}
		tt := p.refDay.AddDate(0, 0, off)
		m := dateMatch(i, j, tt)
		return m, true
	case "week":
		t = Timex{Type: TypeDate, Value: isoWeek(p.refDay.AddDate(0, 0, 7*off)), Granularity: "week"}
	case "month":
		t = Timex{Type: TypeDate, Value: month(p.refDay.AddDate(0, off, 1-p.refDay.Day())), Granularity: "month"}
	case "year":
		t = Timex{Type: TypeDate, Value: fmt.Sprintf("%04d", p.refDay.Year()+off), Granularity: "year"}
	default:
		return match{}, false
	}
	return match{i: i, j: j, t: t}, true
}

// yearInWords reads a year written in words after عام or سنة (ألفين
// وسبعة وعشرين, ألف وتسعمائة وتسعين).
func (p *parser) yearInWords(j int) (int, int, bool) {
	if j >= len(p.ws) || p.ws[j].Kind != arabic.Word {
		return 0, j, false
	}
	n, ok := quantity.ParseAt(p.ws, j)
	if !ok || !n.Integer || n.Ordinal || n.Digits || n.Value < 1000 || n.Value > 2100 {
		return 0, j, false
	}
	return int(n.Value), j + n.Words, true
}

// yearExpr reads a year after a quarter or a season: 2015, عام 2015, من
// عام 2014, هذا العام, العام الجاري, من العام الماضي.
func (p *parser) yearExpr(j int) (int, int, bool) {
	if p.k(j) == "من" {
		j++
	}
	switch p.k(j) {
	case "عام", "لعام", "سنه", "العام":
		if y, ok := p.num(j + 1); ok {
			return y, j + 2, true
		}
		if y, e, ok := p.yearInWords(j + 1); ok {
			return y, e, true
		}
	}
	if y, ok := p.num(j); ok && y >= 1900 && y <= 2100 {
		return y, j + 1, true
	}
	if m, ok := p.relUnit(j); ok && m.t.Granularity == "year" {
		var y int
		fmt.Sscanf(m.t.Value, "%d", &y)
		return y, m.j, true
	}
	return 0, j, false
}

// quarter: الربع الثاني 2015, النصف الأول من هذا العام.
func (p *parser) quarter(i int) (match, bool) {
	var letter string
	switch p.k(i) {
	case "الربع", "ربع":
		letter = "Q"
	case "النصف":
		letter = "H"
	default:
		return match{}, false
	}
	n, ok := ordinalWords[p.k(i+1)]
	if !ok {
		return match{}, false
	}
	if n == -1 {
		n = 4
		if letter == "H" {
			n = 2
		}
	}
	y, j, ok := p.yearExpr(i + 2)
	if !ok {
		if letter == "H" {
			return match{}, false // النصف الأول من المباراة
		}
		y, j = p.refDay.Year(), i+2
	}
	return match{i: i, j: j, t: Timex{Type: TypeDate, Value: fmt.Sprintf("%04d-%s%d", y, letter, n), Granularity: map[string]string{"Q": "quarter", "H": "half"}[letter]}, guessYear: !ok}, true
}

// season: [فصل] الصيف [الماضي|2015].
func (p *parser) season(i int) (match, bool) {
	j := i
	if p.k(j) == "فصل" {
		j++
	}
	this := false
	if p.k(j) == "هذا" || p.k(j) == "هذه" {
		this = true
		j++
	}
	s, ok := seasons[p.k(j)]
	if !ok {
		return match{}, false
	}
	if j == i && !strings.HasPrefix(p.k(j), "ال") {
		if _, _, ok := p.yearExpr(j + 1); !ok {
			return match{}, false
		}
	}
	if this {
		if !strings.HasPrefix(p.k(j), "ال") {
			return match{}, false
		}
		return match{i: i, j: j + 1, t: Timex{Type: TypeDate, Value: fmt.Sprintf("%04d-%s", p.refDay.Year(), s), Granularity: "season"}}, true
	}
	j++
	if j == i+1 && !p.inPart && directions[p.k(j)] == dirNone {
		if _, _, ok := p.yearExpr(j); !ok {
			return match{}, false
		}
	}
	y := p.refDay.Year()
	switch directions[p.k(j)] {
	case dirPast:
		y--
		j++
	case dirNext:
		if s != "SU" || p.refDay.Month() > 8 {
			y++
		}
		j++
	case dirThis:
		j++
	default:
		if yy, k, ok := p.yearExpr(j); ok {
			y, j = yy, k
		}
	}
	return match{i: i, j: j, t: Timex{Type: TypeDate, Value: fmt.Sprintf("%04d-%s", y, s), Granularity: "season"}}, true
}

// --- durations: ثلاثة أيام, 16 عاما, شهرين, 4 - 5 أيام, 24 ساعة القادمة

// countUnit reads a count and a unit at j: 3 أيام, ثلاثة أسابيع,
// أسبوعين, يوم واحد; it returns the count, unit and end.
func (p *parser) countUnit(j int) (float64, unit, int, bool) {
	if u, ok := units[p.k(j)]; ok && !strings.HasPrefix(p.k(j), "ال") {
		switch {
		case u.dual:
			return 2, u, j + 1, true
		case !u.plural && (p.k(j+1) == "واحد" || p.k(j+1) == "واحده"):
			return 1, u, j + 2, true
		}
		return 0, u, j, false
	}
	n, ok := quantity.ParseAt(p.ws, j)
	if !ok && strings.HasPrefix(p.k(j), "ال") {
		// الثلاثة الأيام القادمة
		saved := p.ws[j].Key
		p.ws[j].Key = strings.TrimPrefix(saved, "ال")
		n, ok = quantity.ParseAt(p.ws, j)
		p.ws[j].Key = saved
	}
	if !ok || n.Value <= 0 {
		return 0, unit{}, j, false
	}
	k := j + n.Words
	u, ok := units[p.k(k)]
	if !ok {
		return 0, unit{}, j, false
	}
	if strings.HasPrefix(p.k(k), "ال") && !(n.Ordinal && n.Digits) && !strings.HasPrefix(p.k(j), "ال") {
		return 0, unit{}, j, false
	}
	return n.Value, u, k + 1, true
}

func (p *parser) duration(i int) (match, bool) {
	j := i
	if p.k(j) == "لمده" || p.k(j) == "مده" {
		// the preposition stays outside the span
		return match{}, false
	}
	// Ranges: 4 - 5 أيام.
	if a, ok := p.num(j); ok && (p.raw(j+1) == "-" || p.k(j+1) == "الي") {
		if b, ok := p.num(j + 2); ok && b > a {
			if u, ok := units[p.k(j+3)]; ok && !strings.HasPrefix(p.k(j+3), "ال") {
				l := durationLetter[u.name]
				pre := "P"
				if u.name == "hour" || u.name == "minute" || u.name == "second" {
					pre = "PT"
				}
				return match{i: i, j: j + 4, t: Timex{Type: TypeDuration, Value: fmt.Sprintf("%s%d%s/%s%d%s", pre, a, l, pre, b, l), Granularity: "duration"}}, true
			}
		}
	}
	// طوال اليوم, طوال أسبوع; يوم كامل, سنة كاملة; نصف ساعة; ساعة ونصف
	one := func(u unit, n string, end int) (match, bool) {
		pre := "P"
		if u.name == "hour" || u.name == "minute" || u.name == "second" {
			pre = "PT"
		}
		return match{i: i, j: end, t: Timex{Type: TypeDuration, Value: pre + n + durationLetter[u.name], Granularity: "duration"}}, true
	}
	if p.k(j) == "طوال" {
		if _, month := p.monthName(j+2, false); month && p.k(j+1) == "شهر" {
			return match{}, false // طوال شهر رمضان
		}
		if u, ok := units[p.k(j+1)]; ok && !u.plural && !u.dual && u.name != "decade" {
			return one(u, "1", j+2)
		}
	}
	if u, ok := units[p.k(j)]; ok && !u.plural && !u.dual && !strings.HasPrefix(p.k(j), "ال") {
		switch p.k(j + 1) {
		case "كامل", "كامله", "باكمله", "باكملها":
			return one(u, "1", j+2)
		case "ونصف":
			return one(u, "1.5", j+2)
		}
	}
	if p.k(j) == "نصف" {
		if u, ok := units[p.k(j+1)]; ok && !u.plural && !u.dual && !strings.HasPrefix(p.k(j+1), "ال") {
			return one(u, "0.5", j+2)
		}
	}
	if p.opt.Ranges {
		// اليومين المقبلين, الأشهر الثلاثة القادمة, باقي الأسبوع
		if u, ok := units[p.k(j)]; ok && strings.HasPrefix(p.k(j), "ال") {
			if d := dualDirections[p.k(j+1)]; u.dual && (d == dirPast || d == dirNext) {
				if v, ok := p.spanFromRef(2, u, d); ok {
					return match{i: i, j: j + 2, t: Timex{Type: TypeDate, Value: v, Granularity: u.name}}, true
				}
			}
			if u.plural && strings.HasPrefix(p.k(j+1), "ال") {
				saved := p.ws[j+1].Key
				p.ws[j+1].Key = strings.TrimPrefix(saved, "ال")
				nn, nok := quantity.ParseAt(p.ws, j+1)
				p.ws[j+1].Key = saved
				if nok && nn.Integer && nn.Value >= 2 && nn.Words == 1 {
					if d := directions[p.k(j+2)]; d == dirPast || d == dirNext {
						if v, ok := p.spanFromRef(int(nn.Value), u, d); ok {
							return match{i: i, j: j + 3, t: Timex{Type: TypeDate, Value: v, Granularity: u.name}}, true
						}
					}
				}
			}
		}
		if k := p.k(j); k == "باقي" || k == "بقيه" {
			if u, ok := units[p.k(j+1)]; ok && strings.HasPrefix(p.k(j+1), "ال") && !u.plural && !u.dual {
				var last time.Time
				switch u.name {
				case "week":
					last = p.refDay.AddDate(0, 0, (7-int(p.refDay.Weekday()))%7)
				case "month":
					last = time.Date(p.refDay.Year(), p.refDay.Month()+1, 0, 0, 0, 0, 0, time.UTC)
				case "year":
					last = time.Date(p.refDay.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
				}
				if !last.IsZero() {
					return match{i: i, j: j + 2, t: Timex{Type: TypeDate, Value: day(p.refDay) + "/" + day(last), Granularity: "day"}}, true
				}
			}
		}
	}
	n, u, k, ok := p.countUnit(j)
	if !ok {
		// Bare plurals and vague counts: سنوات, عدة سنوات, أيام متتالية.
		switch p.k(j) {
		case "عده", "بضع", "بضعه":
			if u, ok := units[p.k(j+1)]; ok && u.plural && !strings.HasPrefix(p.k(j+1), "ال") {
				return match{i: i, j: j + 2, t: Timex{Type: TypeDuration, Value: "PX" + durationLetter[u.name], Granularity: "duration"}}, true
			}
		case "سنوات", "سنين", "اعوام", "عقود":
			u := units[p.k(j)]
			return match{i: i, j: j + 1, t: Timex{Type: TypeDuration, Value: "PX" + durationLetter[u.name], Granularity: "duration"}}, true
		case "ايام", "ساعات", "اسابيع", "اشهر", "شهور":
			u := units[p.k(j)]
			switch p.k(j + 1) {
			case "متتاليه", "قليله", "معدوده", "طويله", "عديده":
				return match{i: i, j: j + 2, t: Timex{Type: TypeDuration, Value: "PX" + durationLetter[u.name], Granularity: "duration"}}, true
			}
		}
		return match{}, false
	}
	if u.name == "year" && n >= 1000 {
		return match{}, false // عام 2015 is a year, not a duration
	}
	// ونصف: خمس سنوات ونصف
	extra := ""
	if p.k(k) == "ونصف" {
		switch u.name {
		case "year":
			extra = "6M"
		case "month":
			extra = "15D"
		case "day":
			extra = "T12H"
		case "hour":
			extra = "30M"
		}
		if extra != "" {
			k++
		}
	}
	dir := directions[p.k(k)]
	switch dir {
	case dirPast, dirNext:
		k++
	}
	if p.opt.Ranges && extra == "" && (dir == dirPast || dir == dirNext) && n == float64(int(n)) {
		// الأيام الثلاثة القادمة as the days it covers.
		if v, ok := p.spanFromRef(int(n), u, dir); ok {
			return match{i: i, j: k, t: Timex{Type: TypeDate, Value: v, Granularity: u.name}}, true
		}
	}
	if p.k(k) == "الاخيره" || p.k(k) == "الاولي" || p.k(k) == "المتبقيه" {
		k++
	}
	pre := "P"
	if u.name == "hour" || u.name == "minute" || u.name == "second" {
		pre = "PT"
	}
	v := fmt.Sprintf("%s%s%s%s", pre, trimFloat(n), durationLetter[u.name], extra)
	if u.name == "decade" {
		v = fmt.Sprintf("P%sY", trimFloat(n*10))
	}
	return match{i: i, j: k, t: Timex{Type: TypeDuration, Value: v, Granularity: "duration"}}, true
}

// spanFromRef writes the n units before the reference (dirPast) or after
// it (dirNext) as an interval "A/B", A included, B not, as Recognizers
// resolves الأسابيع الثلاثة الماضية: the days from the day after the
// reference, hours and minutes from its clock (only when it has one).
func (p *parser) spanFromRef(n int, u unit, dir int) (string, bool) {
	add := func(t time.Time, k int) time.Time {
		switch u.name {
		case "day":
			return t.AddDate(0, 0, k)
		case "week":
			return t.AddDate(0, 0, 7*k)
		case "month":
			return t.AddDate(0, k, 0)
		case "year":
			return t.AddDate(k, 0, 0)
		case "hour":
			return t.Add(time.Duration(k) * time.Hour)
		case "minute":
			return t.Add(time.Duration(k) * time.Minute)
		}
		return time.Time{}
	}
	switch u.name {
	case "day", "week", "month", "year":
		if dir == dirPast {
			return day(add(p.refDay, -n)) + "/" + day(p.refDay), true
		}
		s := p.refDay.AddDate(0, 0, 1)
		return day(s) + "/" + day(add(s, n)), true
	case "hour", "minute":
		if !p.opt.Future && p.ref.Hour() == 0 && p.ref.Minute() == 0 {
			return "", false
		}
		now := time.Date(p.ref.Year(), p.ref.Month(), p.ref.Day(), p.ref.Hour(), p.ref.Minute(), 0, 0, time.UTC)
		const f = "2006-01-02T15:04"
		if dir == dirPast {
			return add(now, -n).Format(f) + "/" + now.Format(f), true
		}
		return now.Format(f) + "/" + add(now, n).Format(f), true
	}
	return "", false
}

func trimFloat(v float64) string {
	if v == float64(int64(v)) {
		return fmt.Sprint(int64(v))
	}
	return fmt.Sprint(v)
}

// --- times of day: مساء الاثنين, صباح أمس, الساعة الثالثة فجرا, الساعة 06:47

func (p *parser) dayPartTime(i int) (match, bool) {
	j := i
	this := false
	switch p.k(j) {
	case "ساعات":
		j++
	case "وقت":
		// وقت متأخر من المساء, وقت مبكر بعد الظهر
		j++
		switch p.k(j) {
		case "متاخر", "مبكر", "باكر":
			j++
			if p.k(j) == "من" {
				j++
			}
		}
	case "هذا", "هذه":
		this = true
		j++
	case "اول":
		if p.k(j+1) == "الليل" {
			j++
		}
	}
	var code string
	partAt := j
	if p.k(j) == "بعد" && (p.k(j+1) == "ظهر" || p.k(j+1) == "الظهر" || p.k(j+1) == "الظهيره") {
		code = "AF"
		j += 2
	} else if c, ok := dayParts[p.k(j)]; ok {
		code = c
		j++
	} else {
		return match{}, false
	}
	if this && !strings.HasPrefix(p.k(j-1), "ال") {
		return match{}, false
	}
	if p.k(j) == "الباكر" {
		j++
	}
	partOn := func(end int, d time.Time) (match, bool) {
		return match{i: i, j: end, t: Timex{Type: TypeTime, Value: day(d) + "T" + code, Granularity: "time"}, day: d, part: code, dated: true}, true
	}
	if this {
		return partOn(j, p.refDay)
	}
	// مساء اليوم, صباح أمس الأحد, مساء الاثنين, ليلة الجمعة
	if code == "DT" && j == i+1 && !strings.HasSuffix(p.k(i), "ا") {
		return match{}, false // نهار أمس is the day itself
	}
	k := j
	if p.k(k) == "من" && j > i+1 {
		k++ // بعد ظهر من يوم الجمعة
	}
	// وقت متأخر من مساء أمس: the span is the part and its day.
	dated := func(end int, d time.Time) (match, bool) {
		m, ok := partOn(end, d)
		if p.k(i) == "وقت" && !p.opt.Future {
			m.i = partAt
		}
		return m, ok
	}
	if m, ok := p.relDay(k); ok {
		return dated(m.j, m.day)
	}
	if m, ok := p.weekday(k); ok && m.hasDay {
		return dated(m.j, m.day)
	}
	if m, ok := p.dayMonth(k); ok && m.hasDay {
		return dated(m.j, m.day)
	}
	k0 := p.k(i)
	// الليلة: tonight; الليلة الماضية: last night.
	if k0 == "الليله" && j == i+1 {
		switch directions[p.k(j)] {
		case dirPast:
			return partOn(j+1, p.refDay.AddDate(0, 0, -1))
		case dirNext:
			return partOn(j+1, p.refDay.AddDate(0, 0, 1))
		case dirNone, dirThis:
			return partOn(j, p.refDay)
		}
	}
	// A bare part of the day as an adverb: مساء, عصرا, نهارا, الصباح
	// الباكر; with the article after في or خلال (في الصباح).
	prep := (p.k(i-1) == "في" || p.k(i-1) == "خلال") && j == i+1
	switch k0 {
	case "الصباح", "المساء", "الظهيره", "الفجر", "الصبح":
	default:
		prep = false // في المغرب is Morocco, في العصر an era
	}
	if !strings.HasSuffix(k0, "ا") && k0 != "مساء" && k0 != "الليل" && j == i+1 && !prep {
		return match{}, false
	}
	if j == i+1 && strings.HasPrefix(k0, "ال") && k0 != "الليل" && !prep {
		return match{}, false
	}
	if k0 == "ليله" || k0 == "الليله" || k0 == "نهار" || k0 == "صبيحه" || k0 == "عشيه" || k0 == "ظهيره" {
		return match{}, false
	}
	return match{i: i, j: j, t: Timex{Type: TypeTime, Value: "T" + code, Granularity: "time"}, part: code}, true
}

// clock: الساعة 06:47 [بتوقيت جرينتش], الساعة الثالثة فجرا, 3:20 عصرا,
// الساعة الثامنة وعشرين دقيقة مساءً, 4 مساءً, حوالي الساعة 3.
func (p *parser) clock(i int) (match, bool) {
	j := i
	hasSaa := false
	switch p.k(j) {
	case "حوالي", "نحو", "بحدود", "قرابه", "عند", "في":
		if p.k(j+1) == "تمام" {
			j++
		}
		if p.k(j+1) == "الساعه" {
			j++
		}
	case "تمام":
		if p.k(j+1) == "الساعه" {
			j++
		}
	case "منتصف":
		// منتصف الليل: midnight.
		if p.k(j+1) == "الليل" {
			return p.clockMatch(i, j+2, clockInfo{h: 0, fixed: true}, p.refDay, false), true
		}
	}
	if c, e, ok := p.minutesBefore(j); ok {
		if code, e2 := p.partAfter(e); code != "" {
			c.h, c.fixed = partHour(c.h, code)
			e = e2
		}
		return p.clockMatch(i, e, c, p.refDay, false), true
	}
	if p.k(j) == "الساعه" {
		i = j // the span leaves out في, حوالي
		j++
		hasSaa = true
	} else {
		j = i
	}
	word := p.k(j)
	c, e, ok := p.hourWord(j, hasSaa || strings.HasPrefix(word, "ال"))
	if !ok {
		return match{}, false
	}
	// 7: is a clock only before its minutes (read by hourWord); a word
	// before a colon (الشريحة الأولى: …) is a heading.
	colon := p.raw(j+1) == ":" && p.isNum(j)
	e0 := e
	e = p.minutesAfter(e, &c)
	if e > e0 && strings.HasPrefix(word, "ال") {
		colon = true // السابعة إلا الربع
	}
	code, e2 := p.partAfter(e)
	if code != "" {
		c.h, c.fixed = partHour(c.h, code)
		e = e2
	}
	if !hasSaa && code == "" && !colon {
		return match{}, false
	}
	if !hasSaa && !p.isNum(j) && !strings.HasPrefix(word, "ال") {
		return match{}, false
	}
	d := p.refDay
	if p.k(e) == "بتوقيت" {
		e++
		zone := p.k(e)
		if zone != "" {
			e++
		}
		if p.k(e) == "المكرمه" {
			e++
		}
		switch strings.ToLower(zone) {
		case "gmt", "utc", "جرينتش", "غرينتش", "جرينيتش":
			// A clock given in universal time, read on the reference's clock.
			if _, off := p.ref.Zone(); off != 0 {
				t := time.Date(d.Year(), d.Month(), d.Day(), c.h, c.mi, c.sec, 0, time.UTC).In(p.ref.Location())
				c.h, c.fixed = t.Hour(), true
				d = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
				if d.Before(p.refDay) {
					d = d.AddDate(0, 0, 1)
				}
			}
		}
	}
	return p.clockMatch(i, e, c, d, false), true
}
