package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/itlightning/dateparse"

	"github.com/rasid-news/rasid/internal/news"
)

// fieldAliases lists, per article field, the JSON fields read for it when
// Options.Map does not name one, in order of preference. They cover
// seeds.jsonl, SaudiNewsNet and common exports of news APIs.
var fieldAliases = map[string][]string{
	"body":      {"content", "text", "body", "article", "articleBody", "article_body", "fulltext", "full_text"},
	"title":     {"title", "headline"},
	"url":       {"url", "link", "canonical_url", "uri"},
	"source":    {"source", "outlet", "site", "site_name", "publisher", "source_name"},
	"author":    {"author", "authors", "byline", "writer"},
	"published": {"published", "published_at", "publishedAt", "datePublished", "date_published", "pubDate", "pub_date", "date", "time"},
	"place":     {"place", "dateline", "location"},
}

// FieldNames returns the article fields that Options.Map can name.
func FieldNames() []string {
	names := make([]string, 0, len(fieldAliases))
	for k := range fieldAliases {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// ParseMap reads a field map written "title=headline,published=date,..."
// (article field = JSON field; a JSON field may be a dotted path into
// nested objects, as in "published=meta.date").
func ParseMap(s string) (map[string]string, error) {
	m := map[string]string{}
	if strings.TrimSpace(s) == "" {
		return m, nil
	}
	for _, kv := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(kv), "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" || v == "" {
			return nil, fmt.Errorf("map entry %q is not FIELD=JSONFIELD", kv)
		}
		if _, known := fieldAliases[k]; !known {
			return nil, fmt.Errorf("map entry %q: unknown article field %q (fields: %s)", kv, k, strings.Join(FieldNames(), ", "))
		}
		m[k] = v
	}
	return m, nil
}

// SaudiNewsNet's date_extracted is the day its crawler fetched an article.
// The corpus README says that for extraction dates after 2015-08-01 it is
// "most probably" the publication day; before, it is not a publication
// date at all. So date_extracted gives the publication day from
// extractedIsPublishedFrom on, and no date before (never an invented one).
const extractedIsPublishedFrom = "2015-08-02"

// readJSONL reads one JSON object a line, streaming: the input is not
// held in memory, only one line at a time, and a line longer than the
// article limit allows (twice the body limit plus 1 MiB, for escapes and
// other fields) is refused and skipped.
func (rd *reader) readJSONL(name string, r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	maxLine := 2*rd.opts.maxArticle() + 1<<20
	line, records := 0, 0
	var buf []byte
	for {
		if err := rd.ctx.Err(); err != nil {
			return err
		}
		raw, tooLong, err := readLine(br, buf[:0], maxLine)
		buf = raw
		if err != nil && !errors.Is(err, io.EOF) {
			return rd.refuse(name, line+1, "line", "reading: %v", err)
		}
		if len(raw) == 0 && !tooLong && errors.Is(err, io.EOF) {
			break
		}
		line++
		if line == 1 {
			raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
		}
		switch {
		case tooLong:
			records++
			if err := rd.refuse(name, line, "line", "line over the size limit of %d bytes", maxLine); err != nil {
				return err
			}
		case len(bytes.TrimSpace(raw)) > 0:
			records++
			if err := rd.jsonlRecord(name, line, bytes.TrimSpace(raw)); err != nil {
				return err
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	if records == 0 {
		return rd.refuse(name, 0, "", "%s", EmptyInput)
	}
	return nil
}

// readLine appends the next line of br (without its newline) to buf. A
// line longer than max is skipped to its end and reported as tooLong.
func readLine(br *bufio.Reader, buf []byte, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > max+1 {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimSuffix(buf, []byte("\n")), tooLong, err
	}
}

// jsonlRecord reads the object on one JSONL line.
func (rd *reader) jsonlRecord(name string, line int, raw []byte) error {
	if !utf8.Valid(raw) {
		return rd.refuse(name, line, "line", "invalid UTF-8 at column %d", utf8.RuneCount(raw[:firstInvalid(raw)])+1)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		// The line is the record: name its column only.
		msg := strings.Replace(jsonError(raw, err), "at line 1 column", "at column", 1)
		return rd.refuse(name, line, "line", "%s", msg)
	}
	return rd.jsonRecord(name, line, "line", obj)
}

// readJSON reads a JSON array of objects, or objects one after another.
func (rd *reader) readJSON(name string, data []byte) error {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return rd.refuse(name, 0, "", "%s", EmptyInput)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	array := trimmed[0] == '['
	if array {
		if _, err := dec.Token(); err != nil {
			return rd.refuse(name, 0, "", "%s", jsonError(data, err))
		}
	}
	lc := lineCounter{data: data, line: 1}
	for index := 1; ; index++ {
		if err := rd.ctx.Err(); err != nil {
			return err
		}
		if array && !dec.More() {
			break
		}
		start := skipSep(data, dec.InputOffset())
		record, unit := lc.lineAt(start), "line"
		if array && rd.opts.IndexArrays {
			record, unit = index, "item"
		}
		var obj map[string]json.RawMessage
		if err := dec.Decode(&obj); err != nil {
			if !array && errors.Is(err, io.EOF) {
				break
			}
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) {
				// Not an object; the decoder has consumed it and goes on.
				if err := rd.refuse(name, record, unit, "item is not a JSON object"); err != nil {
					return err
				}
				continue
			}
			return rd.refuse(name, record, unit, "%s", jsonError(data, err))
		}
		if err := rd.jsonRecord(name, record, unit, obj); err != nil {
			return err
		}
	}
	if array {
		if _, err := dec.Token(); err != nil {
			line, col := lineOf(data, dec.InputOffset())
			return rd.refuse(name, line, "line", "malformed JSON at line %d column %d: array not closed", line, col)
		}
	}
	return nil
}

// skipSep skips white space and one comma at byte offset off of data.
func skipSep(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',':
			off++
			continue
		}
		break
	}
	return off
}

// lineCounter turns increasing byte offsets into line numbers in one pass.
type lineCounter struct {
	data []byte
	off  int64
	line int
}

func (lc *lineCounter) lineAt(off int64) int {
	if off > int64(len(lc.data)) {
		off = int64(len(lc.data))
	}
	if off < lc.off {
		lc.off, lc.line = 0, 1
	}
	lc.line += bytes.Count(lc.data[lc.off:off], []byte{'\n'})
	lc.off = off
	return lc.line
}

// jsonError describes a JSON decoding error with its line and column in
// data.
func jsonError(data []byte, err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		line, col := lineOf(data, se.Offset)
		return fmt.Sprintf("malformed JSON at line %d column %d: %v", line, col, se)
	case errors.As(err, &te):
		line, col := lineOf(data, te.Offset)
		return fmt.Sprintf("malformed JSON at line %d column %d: expected an object, found %s", line, col, te.Value)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		line, col := lineOf(data, int64(len(data)))
		return fmt.Sprintf("malformed JSON at line %d column %d: unexpected end of input", line, col)
	}
	return "malformed JSON: " + err.Error()
}

// jsonRecord builds and emits the article of one JSON object, record
// (counted in unit: "line" or "item") of its input.
func (rd *reader) jsonRecord(name string, record int, unit string, obj map[string]json.RawMessage) error {
	// encoding/json would silently turn invalid UTF-8 into U+FFFD.
	for _, v := range obj {
		if !utf8.Valid(v) {
			return rd.refuse(name, record, unit, "invalid UTF-8")
		}
	}
	a, reason := ArticleFromJSON(obj, rd.opts.Map)
	if reason != "" {
		if strings.HasPrefix(reason, noBodyField) && !rd.opts.NoMap {
			reason += "; name the body's field with --map body=JSONFIELD"
		}
		return rd.refuse(name, record, unit, "%s", reason)
	}
	return rd.article(name, record, unit, a)
}

// ArticleFromJSON builds an article from a decoded JSON object, reading
// each field from the name m gives it, else from its usual names (see
// fieldAliases). It returns a reason when the object cannot be read.
func ArticleFromJSON(obj map[string]json.RawMessage, m map[string]string) (news.Article, string) {
	var a news.Article
	get := func(field string) (string, string) {
		if name, ok := m[field]; ok {
			return lookup(obj, name), name
		}
		for _, name := range fieldAliases[field] {
			if v := lookup(obj, name); v != "" {
				return v, name
			}
		}
		return "", ""
	}
	var from string
	a.Body, from = get("body")
	if reason := checkBody(obj, m, from); reason != "" {
		return a, reason
	}
	a.Title, _ = get("title")
	a.URL, _ = get("url")
	a.Source, _ = get("source")
	a.Author, _ = get("author")
	a.Place, _ = get("place")
	if a.Title == "" {
		// Bare text with no headline field reads like a .txt file.
		t := ParseText(a.Body)
		a.Title, a.Body = t.Title, t.Body
		if a.Place == "" {
			a.Place = t.Place
		}
		if a.Source == "" {
			a.Source = t.Source
		}
	}
	date, from := get("published")
	if date == "" && m["published"] == "" {
		if ex := lookup(obj, "date_extracted"); ex != "" {
			if t, err := parseDate(ex); err == nil && !t.Before(mustDay(extractedIsPublishedFrom)) {
				y, mo, d := t.Date()
				a.Published = time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
			}
		}
	}
	if date != "" {
		t, err := parseDate(date)
		if err != nil {
			return a, fmt.Sprintf("unreadable date %q in field %q", date, from)
		}
		a.Published = t
	}
	return a, ""
}

// checkBody returns why the body of obj cannot be read, or "": the field
// it was read from (from) holds a number or true/false rather than text,
// or obj has no body field at all (none of its usual names, or not the
// one m names), in which case the reason names the fields obj has.
func checkBody(obj map[string]json.RawMessage, m map[string]string, from string) string {
	names := fieldAliases["body"]
	if name, ok := m["body"]; ok {
		names = []string{name}
	}
	if from != "" {
		names = []string{from}
	}
	for _, name := range names {
		raw := bytes.TrimSpace(lookupRaw(obj, name))
		if len(raw) == 0 {
			continue
		}
		switch c := raw[0]; {
		case c == 't' || c == 'f':
			return fmt.Sprintf("field %q is true or false, not a string", name)
		case c == '-' || (c >= '0' && c <= '9'):
			return fmt.Sprintf("field %q is a number, not a string", name)
		}
		return "" // text, or empty or null: an empty body
	}
	seen := make([]string, 0, len(obj))
	for k := range obj {
		seen = append(seen, k)
	}
	sort.Strings(seen)
	const maxSeen = 12
	if len(seen) > maxSeen {
		seen = append(seen[:maxSeen], "…")
	}
	list := "none"
	if len(seen) > 0 {
		list = strings.Join(seen, ", ")
	}
	if _, ok := m["body"]; ok {
		return fmt.Sprintf("%s (no field %q); the record's fields: %s", noBodyField, names[0], list)
	}
	return fmt.Sprintf("%s (none of %s); the record's fields: %s", noBodyField, strings.Join(names, ", "), list)
}

// noBodyField starts the refusal of a JSON record with no body field; the
// reader adds how to name the field (Options.NoMap).
const noBodyField = "no body field"

// mustDay parses a constant YYYY-MM-DD.
func mustDay(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// lookup returns the text of a field, following a dotted path into nested
// objects. Strings are returned as they are; an object gives its "name"
// (an author or publisher); an array gives its elements joined by "، ";
// numbers give their digits.
func lookup(obj map[string]json.RawMessage, path string) string {
	return text(lookupRaw(obj, path))
}

// lookupRaw returns the JSON value at path in obj (a field name, or a
// dotted path into nested objects), or nil when there is none.
func lookupRaw(obj map[string]json.RawMessage, path string) json.RawMessage {
	raw, ok := obj[path]
	if !ok && strings.Contains(path, ".") {
		head, rest, _ := strings.Cut(path, ".")
		var sub map[string]json.RawMessage
		if json.Unmarshal(obj[head], &sub) != nil {
			return nil
		}
		return lookupRaw(sub, rest)
	}
	return raw
}

// text returns the text a JSON value stands for (see lookup).
func text(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		if s, ok := unquote(raw); ok {
			return s
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
	case '{':
		var o map[string]json.RawMessage
		if json.Unmarshal(raw, &o) == nil {
			return text(o["name"])
		}
	case '[':
		var xs []json.RawMessage
		if json.Unmarshal(raw, &xs) == nil {
			var parts []string
			for _, x := range xs {
				if s := text(x); s != "" {
					parts = append(parts, s)
				}
			}
			return strings.Join(parts, "، ")
		}
	case 'n', 't', 'f':
		return ""
	default:
		return string(raw)
	}
	return ""
}

// unquote decodes a JSON string that the decoder has already checked,
// without scanning it again: plain strings are copied, and the common
// escapes are decoded. It reports false for what it leaves to
// encoding/json (\u escapes of surrogate pairs, anything unexpected).
func unquote(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return "", false
	}
	raw = raw[1 : len(raw)-1]
	i := bytes.IndexByte(raw, '\\')
	if i < 0 {
		return string(raw), true
	}
	b := make([]byte, 0, len(raw))
	for i >= 0 {
		b = append(b, raw[:i]...)
		if i+1 >= len(raw) {
			return "", false
		}
		switch c := raw[i+1]; c {
		case '"', '\\', '/':
			b = append(b, c)
		case 'n':
			b = append(b, '\n')
		case 't':
			b = append(b, '\t')
		case 'r':
			b = append(b, '\r')
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'u':
			if i+6 > len(raw) {
				return "", false
			}
			r, err := strconv.ParseUint(string(raw[i+2:i+6]), 16, 32)
			if err != nil || (r >= 0xD800 && r < 0xE000) {
				return "", false
			}
			b = utf8.AppendRune(b, rune(r))
			raw = raw[i+6:]
			i = bytes.IndexByte(raw, '\\')
			continue
		default:
			return "", false
		}
		raw = raw[i+2:]
		i = bytes.IndexByte(raw, '\\')
	}
	b = append(b, raw...)
	return string(b), true
}

// parseDate reads a publication date. A date with no zone is taken as UTC;
// a day with no time is midnight UTC of that day; 04/05/2016 is the 4th of
// May, day first, as the Arabic press writes dates. Integers are Unix
// seconds (or milliseconds when they are too big for seconds).
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, time.DateTime, time.DateOnly, "2006-01-02T15:04:05", "2006-01-02T150405", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
		if n > 1e11 {
			return time.UnixMilli(n).UTC(), nil
		}
		return time.Unix(n, 0).UTC(), nil
	}
	t, err := dateparse.ParseIn(s, time.UTC, dateparse.PreferMonthFirst(false))
	if err != nil {
		return time.Time{}, err
	}
	if t.Year() < 1800 || t.Year() > 2200 {
		return time.Time{}, fmt.Errorf("year %d out of range", t.Year())
	}
	return t, nil
}
