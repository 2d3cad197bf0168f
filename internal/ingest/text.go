package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/news"
)

// Headline limits: a first line longer than this, or ending like a
// sentence, is the start of the body rather than a headline.
const (
	maxHeadlineRunes = 200
	maxHeadlineWords = 30
)

// readText reads a plain-text file as one article: an optional headline
// on the first line, then the body, whose dateline is recognized.
func (rd *reader) readText(name string, data []byte) error {
	if !utf8.Valid(data) {
		line, col := lineOf(data, int64(firstInvalid(data)))
		return rd.refuse(name, 0, "", "invalid UTF-8 at line %d column %d", line, col)
	}
	if isBinary(data[:min(len(data), 4096)]) {
		return rd.refuse(name, 0, "", "binary file, not text")
	}
	a := ParseText(string(data))
	if a.Body == "" && a.Title == "" {
		return rd.refuse(name, 0, "", "%s", EmptyInput)
	}
	return rd.article(name, 0, "", a)
}

// firstInvalid returns the byte offset of the first invalid UTF-8 sequence
// in data, or len(data).
func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// ParseText splits a plain-text article into headline and body and
// recognizes its dateline. The first line is taken as the headline when
// more text follows and it is short and does not end like a sentence. A
// dateline ("إيلاف من لندن:", "أربيل (كوردستان 24)-") at the start of the
// body, or of its second paragraph after a short lead, is removed from the
// body and recorded as Source and Place.
func ParseText(s string) news.Article {
	s = strings.TrimPrefix(s, "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.TrimSpace(s)
	var a news.Article
	first, rest, more := strings.Cut(s, "\n")
	first = strings.TrimSpace(first)
	rest = strings.TrimSpace(rest)
	if more && rest != "" && isHeadline(first) {
		a.Title = first
		s = rest
	}
	a.Body, a.Source, a.Place = StripDateline(s)
	return a
}

// isHeadline reports whether a first line reads like a headline.
func isHeadline(line string) bool {
	if line == "" || utf8.RuneCountInString(line) > maxHeadlineRunes || len(strings.Fields(line)) > maxHeadlineWords {
		return false
	}
	if _, _, _, ok := matchDateline(line); ok {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	switch last {
	case '.', ':', '،', ',', '؛', ';':
		return false
	}
	return true
}

// Dateline patterns, anchored at the start of a paragraph, kept narrow
// because prose also starts with "X من Y:" or a dash (on SaudiNewsNet the
// looser forms matched six openings of opinion pieces, none a dateline):
//
//	OUTLET من PLACE:         إيلاف من لندن:     (one-word outlet, colon)
//	PLACE (OUTLET)-          أربيل (كوردستان 24)-   الرياض (واس) -
var (
	datelineFrom  = regexp.MustCompile(`^(\p{Arabic}+) من (\p{Arabic}+(?: \p{Arabic}+)?) ?[:：] *`)
	datelineParen = regexp.MustCompile(`^(\p{Arabic}+(?: \p{Arabic}+)?) ?[(«]([^()«»\s]+(?: [^()«»\s]+){0,2})[)»] ?[:\-–—] *`)
)

// matchDateline matches a dateline at the start of p and returns the
// outlet, the place and the dateline's length in bytes.
func matchDateline(p string) (outlet, place string, n int, ok bool) {
	if m := datelineFrom.FindStringSubmatch(p); m != nil {
		return m[1], m[2], len(m[0]), true
	}
	if m := datelineParen.FindStringSubmatch(p); m != nil {
		return strings.TrimSpace(m[2]), m[1], len(m[0]), true
	}
	return "", "", 0, false
}

// maxLeadBytes bounds the lead paragraph that may come before a dateline.
const maxLeadBytes = 600

// StripDateline removes a dateline from the start of body, or from the
// start of its second paragraph when the first is a short lead, and
// returns the body without it, the outlet and the place it named.
func StripDateline(body string) (rest, outlet, place string) {
	if o, p, n, ok := matchDateline(body); ok && n < len(body) {
		return strings.TrimSpace(body[n:]), o, p
	}
	lead, after, ok := strings.Cut(body, "\n")
	if !ok || len(lead) > maxLeadBytes {
		return body, "", ""
	}
	sep := "\n"
	if t := strings.TrimLeft(after, "\n"); len(t) < len(after) {
		sep = "\n\n"
		after = t
	}
	if o, p, n, ok := matchDateline(after); ok && n < len(after) {
		return lead + sep + strings.TrimSpace(after[n:]), o, p
	}
	return body, "", ""
}
