package ingest

import (
	"bytes"
	"html"
	"strings"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/news"
)

// readTREC reads TREC-style records as the ANT corpus writes them:
//
//	<DOC>
//	<DOCNO>JA-culture-31-20170126</DOCNO>
//	<URL>…</URL> <SRC>Jawhara FM</SRC> <TITLE>…</TITLE>
//	<TIME>2017-01-26T08:31:00+01:00</TIME> <AUTHOR></AUTHOR>
//	<ABSTRACT>…</ABSTRACT> <TEXT>…</TEXT>
//	</DOC>
func (rd *reader) readTREC(name string, data []byte) error {
	lc := lineCounter{data: data, line: 1}
	rest := data
	found := false
	for {
		if err := rd.ctx.Err(); err != nil {
			return err
		}
		i := bytes.Index(rest, []byte("<DOC>"))
		if i < 0 {
			break
		}
		found = true
		start := int64(len(data)-len(rest)) + int64(i)
		line := lc.lineAt(start)
		rest = rest[i+len("<DOC>"):]
		j := bytes.Index(rest, []byte("</DOC>"))
		var doc []byte
		if j < 0 {
			doc, rest = rest, nil
		} else {
			doc, rest = rest[:j], rest[j+len("</DOC>"):]
		}
		if j < 0 {
			if err := rd.refuse(name, line, "line", "record not closed by </DOC>"); err != nil {
				return err
			}
			break
		}
		if !utf8.Valid(doc) {
			if err := rd.refuse(name, line, "line", "invalid UTF-8"); err != nil {
				return err
			}
			continue
		}
		a, reason := ParseTREC(string(doc))
		if reason != "" {
			if err := rd.refuse(name, line, "line", "%s", reason); err != nil {
				return err
			}
			continue
		}
		if err := rd.article(name, line, "line", a); err != nil {
			return err
		}
	}
	if !found {
		return rd.refuse(name, 0, "", "no <DOC> record")
	}
	return nil
}

// ParseTREC reads the fields of one TREC record (the text between <DOC>
// and </DOC>). The body is TEXT, or ABSTRACT when TEXT is empty. It
// returns a reason when the record's date cannot be read.
func ParseTREC(doc string) (news.Article, string) {
	var a news.Article
	a.URL = trecField(doc, "URL")
	a.Source = trecField(doc, "SRC")
	a.Title = trecField(doc, "TITLE")
	a.Author = trecField(doc, "AUTHOR")
	a.Body = trecField(doc, "TEXT")
	if a.Body == "" {
		a.Body = trecField(doc, "ABSTRACT")
	}
	if t := trecField(doc, "TIME"); t != "" {
		p, err := parseDate(t)
		if err != nil {
			return a, "unreadable date " + quote(t) + " in <TIME>"
		}
		a.Published = p
	}
	return a, ""
}

// trecField returns the unescaped, trimmed text of the first <TAG>…</TAG>.
func trecField(doc, tag string) string {
	open, close := "<"+tag+">", "</"+tag+">"
	i := strings.Index(doc, open)
	if i < 0 {
		return ""
	}
	v := doc[i+len(open):]
	if j := strings.Index(v, close); j >= 0 {
		v = v[:j]
	}
	return strings.TrimSpace(html.UnescapeString(v))
}

// quote quotes s for a report, shortened when long.
func quote(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:60]) + "…"
	}
	return "\"" + s + "\""
}
