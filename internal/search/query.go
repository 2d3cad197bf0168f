// Package search parses rasid's query language and turns queries into
// the terms of rasid's own Arabic analyzer, so that a query matches every
// inflection and clitic form of its words (انتخابات، الانتخابات،
// والانتخابات، انتخاباتٌ) on any store.
//
// The language: words (all must match), "exact phrases", -word or
// -"phrase" to exclude, OR between two terms for either, and filters
// source:NAME, from:YYYY-MM-DD, to:YYYY-MM-DD, entity:ID and story:ID.
// Filters take double quotes for values with spaces (source:"عكاظ").
package search

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/arabic"
)

// MaxQueryRunes bounds the length of a query.
const MaxQueryRunes = 500

// Query is a parsed query: every clause must match, filters restrict.
type Query struct {
	Clauses []Clause `json:"clauses"`
	Filters Filters  `json:"filters"`
}

// Clause is one or more alternatives joined by OR; a negated clause
// excludes documents that match any of them.
type Clause struct {
	Any []Term `json:"any"`
	Not bool   `json:"not,omitempty"`
}

// Term is a word or a phrase: the original text and the index terms of
// its words, in order.
type Term struct {
	Text   string   `json:"text"`
	Terms  []string `json:"terms"`
	Phrase bool     `json:"phrase,omitempty"`
}

// Filters restrict a search to some sources, a date range, entities or
// stories. Several values of one filter are alternatives.
type Filters struct {
	Sources  []string  `json:"sources,omitempty"`
	From     time.Time `json:"from,omitzero"` // inclusive
	To       time.Time `json:"to,omitzero"`   // inclusive: the whole day
	Entities []string  `json:"entities,omitempty"`
	Stories  []string  `json:"stories,omitempty"`
}

// Error is a query the parser cannot accept; Pos is the code point offset
// of the problem (-1: none), Msg says what is wrong in English. Kind names
// the problem and Args its particulars (in the order of the kind's
// documentation), so that an interface can say it in another language.
type Error struct {
	Pos  int
	Msg  string
	Kind ErrorKind
	Args []string
}

// ErrorKind names what is wrong with a query.
type ErrorKind string

// The kinds of Error, with their Args.
const (
	ErrKindEmpty          ErrorKind = "empty"           // no word, phrase or filter
	ErrKindInvalidUTF8    ErrorKind = "invalid-utf8"    // the query is not UTF-8
	ErrKindTooLong        ErrorKind = "too-long"        // Args: length, limit (code points)
	ErrKindOrPlacement    ErrorKind = "or-placement"    // OR not between two terms
	ErrKindOrExcluded     ErrorKind = "or-excluded"     // OR joins an excluded term
	ErrKindOrAtEnd        ErrorKind = "or-at-end"       // OR ends the query
	ErrKindDateOrder      ErrorKind = "date-order"      // to: before from:
	ErrKindFilterValue    ErrorKind = "filter-value"    // Args: filter name; it has no value
	ErrKindBadDate        ErrorKind = "bad-date"        // Args: filter name, value; not YYYY-MM-DD
	ErrKindUnclosedQuote  ErrorKind = "unclosed-quote"  // a " without its pair
	ErrKindPageSize       ErrorKind = "page-size"       // Args: size, limit
	ErrKindExclusionsOnly ErrorKind = "exclusions-only" // only -terms, nothing to search for
	ErrKindBeyondWindow   ErrorKind = "beyond-window"   // a page past MaxWindow results
)

// ErrorKinds lists every ErrorKind, for interfaces that translate them.
var ErrorKinds = []ErrorKind{ErrKindEmpty, ErrKindInvalidUTF8, ErrKindTooLong, ErrKindOrPlacement, ErrKindOrExcluded,
	ErrKindOrAtEnd, ErrKindDateOrder, ErrKindFilterValue, ErrKindBadDate, ErrKindUnclosedQuote, ErrKindPageSize,
	ErrKindExclusionsOnly, ErrKindBeyondWindow}

// queryError makes an Error of a kind.
func queryError(pos int, kind ErrorKind, msg string, args ...string) *Error {
	return &Error{Pos: pos, Msg: msg, Kind: kind, Args: args}
}

// Error says the problem in English, with its position when it has one.
func (e *Error) Error() string {
	if e.Pos < 0 {
		return "query: " + e.Msg
	}
	return fmt.Sprintf("query: at character %d: %s", e.Pos+1, e.Msg)
}

// ErrEmptyQuery is the refusal of a query with no word, phrase or filter
// (an empty one, or punctuation alone, as "-" or "؟"): it would match the
// whole archive. Engine.Search returns it; the CLI, the API (400) and the
// web page show it. It is a *Error with no position.
var ErrEmptyQuery = &Error{Pos: -1, Kind: ErrKindEmpty, Msg: "give a query: a word, a \"phrase\" or a filter (source:, from:, to:, entity:, story:); punctuation alone matches nothing"}

// Empty reports whether the query has no clause and no filter: nothing to
// search for (see ErrEmptyQuery).
func (q Query) Empty() bool { return len(q.Clauses) == 0 && q.Filters.empty() }

// IndexTerms returns the index terms of a text as rasid's analyzer makes
// them, for documents and queries alike: the light stem of every Arabic
// word with teh marbuta folded, and the normalized form of every Latin
// word and number. Stopwords are kept, so that phrases keep their shape.
func IndexTerms(text string) []string {
	var out []string
	for _, t := range arabic.Tokenize(text) {
		if term := indexTerm(t); term != "" {
			out = append(out, term)
		}
	}
	return out
}

func indexTerm(t arabic.Token) string {
	switch t.Kind {
	case arabic.Word:
		return arabic.FoldTehMarbuta(arabic.StemToken(t)) // Norm is the normalized Text: not normalized twice
	case arabic.Latin, arabic.Number:
		return t.Norm
	case arabic.Hashtag:
		return arabic.FoldTehMarbuta(arabic.Stem(strings.TrimPrefix(t.Text, "#")))
	}
	return ""
}

// Parse parses a query. A query of filters only is valid: it matches
// everything the filters allow. An empty query parses too (Query.Empty),
// but Engine.Search refuses it with ErrEmptyQuery.
func Parse(q string) (Query, error) {
	var out Query
	if !utf8.ValidString(q) {
		return out, queryError(0, ErrKindInvalidUTF8, "invalid UTF-8")
	}
	if n := utf8.RuneCountInString(q); n > MaxQueryRunes {
		return out, queryError(MaxQueryRunes, ErrKindTooLong, fmt.Sprintf("query is %d characters long, over the limit of %d", n, MaxQueryRunes), strconv.Itoa(n), strconv.Itoa(MaxQueryRunes))
	}
	p := parser{rs: []rune(q)}
	orPending := false
	for {
		p.skipSpace()
		if p.eof() {
			break
		}
		start := p.i
		neg := false
		if p.rs[p.i] == '-' && p.i+1 < len(p.rs) && !unicode.IsSpace(p.rs[p.i+1]) {
			neg = true
			p.i++
		}
		var term Term
		if p.peek() == '"' {
			text, err := p.quoted()
			if err != nil {
				return out, err
			}
			term = Term{Text: text, Terms: IndexTerms(text), Phrase: true}
		} else {
			word := p.word()
			if !neg && word == "OR" {
				if len(out.Clauses) == 0 || orPending || out.Clauses[len(out.Clauses)-1].Not {
					return out, queryError(start, ErrKindOrPlacement, "OR must stand between two terms")
				}
				orPending = true
				continue
			}
			if name, value, ok := strings.Cut(word, ":"); ok && !neg && isFilter(name) {
				if value == "" && p.peek() == '"' {
					v, err := p.quoted()
					if err != nil {
						return out, err
					}
					value = v
				}
				if err := out.Filters.add(name, value, start); err != nil {
					return out, err
				}
				continue
			}
			term = Term{Text: word, Terms: IndexTerms(word)}
		}
		if len(term.Terms) == 0 {
			continue // punctuation only: nothing to match
		}
		if orPending {
			if neg {
				return out, queryError(start, ErrKindOrExcluded, "OR cannot join an excluded term")
			}
			last := &out.Clauses[len(out.Clauses)-1]
			last.Any = append(last.Any, term)
			orPending = false
			continue
		}
		out.Clauses = append(out.Clauses, Clause{Any: []Term{term}, Not: neg})
	}
	if orPending {
		return out, queryError(len(p.rs), ErrKindOrAtEnd, "OR at the end of the query")
	}
	if !out.Filters.From.IsZero() && !out.Filters.To.IsZero() && out.Filters.To.Before(out.Filters.From) {
		return out, queryError(0, ErrKindDateOrder, "to: is before from:")
	}
	return out, nil
}

// Positive reports whether the query has a clause that is not excluded:
// a query of exclusions only would have to rank the whole archive.
func (q Query) Positive() bool {
	for _, c := range q.Clauses {
		if !c.Not {
			return true
		}
	}
	return false
}

func isFilter(name string) bool {
	switch name {
	case "source", "from", "to", "entity", "story":
		return true
	}
	return false
}

func (f *Filters) add(name, value string, pos int) error {
	if value == "" {
		return queryError(pos, ErrKindFilterValue, name+": needs a value", name)
	}
	switch name {
	case "source":
		f.Sources = append(f.Sources, value)
	case "entity":
		f.Entities = append(f.Entities, value)
	case "story":
		f.Stories = append(f.Stories, value)
	case "from", "to":
		d, err := time.Parse("2006-01-02", arabic.NormalizeString(value))
		if err != nil {
			return queryError(pos, ErrKindBadDate, fmt.Sprintf("%s:%s is not a date (want YYYY-MM-DD)", name, value), name, value)
		}
		if name == "from" {
			f.From = d
		} else {
			f.To = d
		}
	}
	return nil
}

type parser struct {
	rs []rune
	i  int
}

func (p *parser) eof() bool { return p.i >= len(p.rs) }

func (p *parser) peek() rune {
	if p.eof() {
		return 0
	}
	return p.rs[p.i]
}

func (p *parser) skipSpace() {
	for !p.eof() && unicode.IsSpace(p.rs[p.i]) {
		p.i++
	}
}

// word reads up to the next space or double quote.
func (p *parser) word() string {
	start := p.i
	for !p.eof() && !unicode.IsSpace(p.rs[p.i]) && p.rs[p.i] != '"' {
		p.i++
	}
	return string(p.rs[start:p.i])
}

// quoted reads a double-quoted string; p.i is at the opening quote.
func (p *parser) quoted() (string, error) {
	open := p.i
	p.i++
	start := p.i
	for !p.eof() && p.rs[p.i] != '"' {
		p.i++
	}
	if p.eof() {
		return "", queryError(open, ErrKindUnclosedQuote, "unclosed double quote")
	}
	s := string(p.rs[start:p.i])
	p.i++
	return s, nil
}
