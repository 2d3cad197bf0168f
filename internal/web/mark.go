package web

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/news"
)

// Segment is a piece of an original text as a page shows it: plain text,
// an entity mention, a date or a search highlight. Its Text is always
// escaped by html/template; no ingested markup is ever rendered.
type Segment struct {
	Text string
	Kind string // "" (plain), "ent", "date" or "hit"
	// Type is the entity type (PERS, LOC, ORG, MISC) or the timex type.
	Type string
	// Entity is the entity id a mention links to.
	Entity string
	// Title is a tooltip: the canonical name or the resolved date.
	Title string
	// DateTime is a machine-readable date for <time datetime>, when the
	// timex value is a calendar date.
	DateTime string
}

// Paragraph is one paragraph of a text, as segments.
type Paragraph []Segment

// mark is a span to set apart in a text, in code points.
type mark struct {
	start, end int
	seg        Segment
}

// markEntities returns the marks of entity mentions and dates for an
// article body; l resolves the dates' tooltips.
func markAnalysis(a news.Analysis, l Locale) []mark {
	var ms []mark
	for _, e := range a.Entities {
		ms = append(ms, mark{e.Start, e.End, Segment{Kind: "ent", Type: e.Type, Entity: e.EntityID, Title: e.Name}})
	}
	for _, t := range a.Timexes {
		seg := Segment{Kind: "date", Type: t.Type, Title: l.Value(t.Value)}
		if isCalendarValue(t.Value) {
			seg.DateTime = t.Value
		}
		ms = append(ms, mark{t.Start, t.End, seg})
	}
	return ms
}

// isCalendarValue reports whether a TIMEX3 value is a plain calendar date
// (YYYY, YYYY-MM or YYYY-MM-DD), valid in a datetime attribute.
func isCalendarValue(v string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(v) == len(layout) {
			if _, err := time.Parse(layout, v); err == nil {
				return true
			}
		}
	}
	return false
}

// segments cuts text at the boundaries of the marks (code point offsets)
// and returns its paragraphs, split at line breaks. A mark that starts or
// ends inside a word is widened to the whole word: an Arabic word cut
// between two elements loses its joined letter forms (العراق|ي). Marks out
// of range, empty or overlapping an earlier one are dropped, so a bad span
// in the store never breaks a page; when two marks start together the
// longer wins.
func segments(text string, marks []mark) []Paragraph {
	if !utf8.ValidString(text) {
		text = string([]rune(text)) // each bad byte becomes U+FFFD, one code point as before
	}
	rs := []rune(text)
	// at[i] is the byte offset of code point i, so pieces are sliced from
	// text without copying.
	at := make([]int, 0, len(rs)+1)
	for i := range text {
		at = append(at, i)
	}
	at = append(at, len(text))
	ms := slices.Clone(marks)
	for i := range ms {
		m := &ms[i]
		if m.start < 0 || m.end > len(rs) || m.end <= m.start {
			continue
		}
		for m.start > 0 && inWord(rs[m.start-1]) && inWord(rs[m.start]) {
			m.start--
		}
		for m.end < len(rs) && inWord(rs[m.end]) && inWord(rs[m.end-1]) {
			m.end++
		}
	}
	slices.SortStableFunc(ms, func(a, b mark) int {
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return cmp.Compare(b.end, a.end)
	})
	segs := make([]Segment, 0, 2*len(ms)+1)
	pos := 0
	for _, m := range ms {
		if m.start < pos || m.end <= m.start || m.end > len(rs) {
			continue
		}
		if m.start > pos {
			segs = append(segs, Segment{Text: text[at[pos]:at[m.start]]})
		}
		s := m.seg
		s.Text = text[at[m.start]:at[m.end]]
		segs = append(segs, s)
		pos = m.end
	}
	if pos < len(rs) {
		segs = append(segs, Segment{Text: text[at[pos]:]})
	}
	return paragraphs(segs)
}

// paragraphs splits segments at line breaks; blank paragraphs are dropped.
func paragraphs(segs []Segment) []Paragraph {
	var out []Paragraph
	var cur Paragraph
	flush := func() {
		if len(cur) > 0 && !blank(cur) {
			out = append(out, cur)
		}
		cur = nil
	}
	for _, s := range segs {
		if !strings.Contains(s.Text, "\n") {
			cur = append(cur, s)
			continue
		}
		for i, p := range strings.Split(s.Text, "\n") {
			if i > 0 {
				flush()
			}
			if p != "" {
				piece := s
				piece.Text = p
				cur = append(cur, piece)
			}
		}
	}
	flush()
	return out
}

// inWord reports whether r belongs to a word: a letter, a combining mark
// (Arabic diacritics) or a tatweel.
func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == '\u0640'
}

func blank(p Paragraph) bool {
	for _, s := range p {
		if strings.TrimSpace(s.Text) != "" {
			return false
		}
	}
	return true
}
