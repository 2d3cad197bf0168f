package ingest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/news"
)

// Default limits.
const (
	// DefaultMaxArticleBytes bounds the body of one article.
	DefaultMaxArticleBytes = 1 << 20
	// DefaultMaxInputBytes bounds one input: a file, an archive member
	// after decompression, or a fetched document.
	DefaultMaxInputBytes = 512 << 20
)

// Options configure the readers. The zero value reads Arabic articles with
// the default limits and no fetching.
type Options struct {
	// Lang is "ar" (or "") to refuse text that is not mostly Arabic, or
	// "any" to admit every language.
	Lang string
	// AnyLang is how the caller's user asks for Lang "any", named in the
	// refusal of text that is not Arabic (default "--lang any", the flag
	// of rasid ingest).
	AnyLang string
	// MaxArticleBytes bounds an article's body (default DefaultMaxArticleBytes).
	MaxArticleBytes int
	// MaxInputBytes bounds one input (default DefaultMaxInputBytes).
	MaxInputBytes int64
	// Map renames JSON fields: Map["title"] = "headline" reads the title
	// from the field "headline". See FieldNames for the article fields.
	Map map[string]string
	// NoMap says that the caller's user cannot rename fields (as Map
	// does): the refusal of a JSON record with no body field then names
	// the fields it has without suggesting rasid ingest's --map.
	NoMap bool
	// Fetch, when set, is used to follow feed items that carry only a
	// summary to their article page. It returns the page body and its
	// content type; the caller bounds size and time. It is called from a
	// few goroutines at once.
	Fetch func(ctx context.Context, url string) (body []byte, contentType string, err error)
	// IndexArrays numbers the records of a JSON array by their 1-based
	// index in it (Item.Unit "item") instead of their line, for inputs
	// such as a request body, where a compact array is all on line 1.
	// Objects one after another (JSONL) keep their line numbers.
	IndexArrays bool
}

func (o Options) anyLang() string {
	if o.AnyLang != "" {
		return o.AnyLang
	}
	return "--lang any"
}

func (o Options) maxArticle() int {
	if o.MaxArticleBytes > 0 {
		return o.MaxArticleBytes
	}
	return DefaultMaxArticleBytes
}

func (o Options) maxInput() int64 {
	if o.MaxInputBytes > 0 {
		return o.MaxInputBytes
	}
	return DefaultMaxInputBytes
}

// Item is what a reader yields for one record: an article ready to store,
// or, when Reason is set, why the record was refused.
type Item struct {
	// Input names where the record came from: a path, "archive.zip!/member",
	// a URL, or "-" for standard input.
	Input string
	// Record is the line number (1-based) of the record in line-oriented
	// inputs (JSONL, JSON, TREC), its item number in feeds, or 0 when the
	// whole input is one record.
	Record int
	// Unit says what Record counts: "line" or "item".
	Unit    string
	Article news.Article
	// Reason, when not "", says why the record was refused; Article is
	// then not to be stored.
	Reason string
}

// Refused reports whether the record was refused.
func (it Item) Refused() bool { return it.Reason != "" }

// Where names the record as "input:line", "input: item N" or "input".
func (it Item) Where() string {
	switch {
	case it.Record <= 0:
		return it.Input
	case it.Unit == "item":
		return it.Input + ": item " + strconv.Itoa(it.Record)
	}
	return it.Input + ":" + strconv.Itoa(it.Record)
}

// String is the one-line report of a refused record: "file:12: reason".
func (it Item) String() string {
	if it.Reason == "" {
		return it.Where() + ": " + it.Article.ID
	}
	return it.Where() + ": " + it.Reason
}

// Emit receives the items of an input, in order. An error from Emit stops
// the reading and is returned by Read.
type Emit func(Item) error

// reader carries the options and the output of one Read call.
type reader struct {
	ctx  context.Context
	opts Options
	emit Emit
	// depth counts archive nesting, to refuse archives of archives of ...
	depth int
	// sizeHint is the size of the next input when known (archive members),
	// to read it without regrowing the buffer.
	sizeHint int64
}

// Read reads one input named name (a path, URL or "-") in the format its
// name and content say, and emits an Item for every record. Problems with
// the input are emitted as refused Items; Read returns an error only when
// emit fails or ctx is done.
func Read(ctx context.Context, name string, r io.Reader, opts Options, emit Emit) error {
	rd := &reader{ctx: ctx, opts: opts, emit: emit}
	return rd.read(name, "", r)
}

// ReadFormat is Read with the format given (for example from an HTTP
// content type) instead of guessed from the name.
func ReadFormat(ctx context.Context, name string, f Format, r io.Reader, opts Options, emit Emit) error {
	rd := &reader{ctx: ctx, opts: opts, emit: emit}
	return rd.readAs(name, f, r)
}

// ReadHTTP reads a document fetched from rawURL. The format is guessed
// from the URL and the content as Read does, the content type deciding
// when the content alone does not; pages are read with rawURL as their
// address.
func ReadHTTP(ctx context.Context, rawURL, contentType string, body []byte, opts Options, emit Emit) error {
	rd := &reader{ctx: ctx, opts: opts, emit: emit}
	if int64(len(body)) > opts.maxInput() {
		return rd.refuse(rawURL, 0, "", "%v", errTooBig(opts.maxInput()))
	}
	name := rawURL
	if u, err := url.Parse(rawURL); err == nil {
		name = u.Path
	}
	f := Detect(name, body[:min(len(body), 512)])
	if ct := FormatOfContentType(contentType); ct != Unknown && (f == Text || f == Unknown) {
		f = ct
	}
	if f == HTML {
		return rd.readHTMLAt(rawURL, contentType, rawURL, body)
	}
	return rd.readAs(rawURL, f, bytes.NewReader(body))
}

// EmptyInput is the reason an input with nothing in it (no text, no
// record) is refused.
const EmptyInput = "empty file"

// refuse emits a refusal of a record.
func (rd *reader) refuse(input string, record int, unit, format string, args ...any) error {
	return rd.emit(Item{Input: input, Record: record, Unit: unit, Reason: fmt.Sprintf(format, args...)})
}

// read guesses the format of r from its name and first bytes and reads it.
// hint is a content type when known.
func (rd *reader) read(name, hint string, r io.Reader) error {
	br := bufio.NewReaderSize(r, 4096)
	head, _ := br.Peek(512)
	f := Detect(name, head)
	if f == Unknown && hint != "" {
		f = FormatOfContentType(hint)
	}
	return rd.readAs(name, f, br)
}

// readAs reads r in format f, bounding its size.
func (rd *reader) readAs(name string, f Format, r io.Reader) error {
	if err := rd.ctx.Err(); err != nil {
		return err
	}
	switch f {
	case Zip:
		return rd.readZip(name, r)
	case TarGz:
		return rd.readTarGz(name, r)
	case Gzip:
		return rd.readGzip(name, r)
	case Tar:
		return rd.readTar(name, r)
	case Binary:
		return rd.refuse(name, 0, "", "binary file, not text")
	case JSONL:
		rd.sizeHint = 0
		return rd.readJSONL(name, r)
	}
	hint := rd.sizeHint
	rd.sizeHint = 0
	data, err := readLimitedHint(r, rd.opts.maxInput(), hint)
	if err != nil {
		return rd.refuse(name, 0, "", "%v", err)
	}
	if f == Unknown {
		f = Detect(name, data)
	}
	switch f {
	case JSONL:
		return rd.readJSONL(name, bytes.NewReader(data))
	case JSON:
		return rd.readJSON(name, data)
	case TREC:
		return rd.readTREC(name, data)
	case HTML:
		return rd.readHTML(name, "", data)
	case Feed:
		return rd.readFeed(name, data)
	case Text, Unknown:
		return rd.readText(name, data)
	}
	return rd.refuse(name, 0, "", "binary file, not text")
}

// errTooBig is returned by readLimited when the input is over the limit.
type errTooBig int64

// Error says which limit was passed.
func (e errTooBig) Error() string {
	return fmt.Sprintf("over the size limit of %d bytes", int64(e))
}

// readLimited reads all of r, refusing more than max bytes.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	return readLimitedHint(r, max, 0)
}

// readLimitedHint is readLimited for an input of about hint bytes.
func readLimitedHint(r io.Reader, max, hint int64) ([]byte, error) {
	var buf bytes.Buffer
	if hint > 0 && hint <= max {
		buf.Grow(int(hint) + 1)
	}
	_, err := buf.ReadFrom(io.LimitReader(r, max+1))
	data := buf.Bytes()
	if err != nil {
		return nil, fmt.Errorf("reading: %v", err)
	}
	if int64(len(data)) > max {
		return nil, errTooBig(max)
	}
	return data, nil
}

// finish validates an article built by a reader and sets its ID and
// language. It returns the reason for refusing it, or "".
func (rd *reader) finish(a *news.Article) string {
	a.Body = cleanBody(a.Body)
	a.Title = strings.TrimSpace(collapseSpace(a.Title))
	a.Author = strings.TrimSpace(collapseSpace(a.Author))
	a.Source = strings.TrimSpace(a.Source)
	a.URL = strings.TrimSpace(a.URL)
	for _, s := range []string{a.Body, a.Title, a.Author, a.Source, a.URL, a.Place} {
		if !utf8.ValidString(s) {
			return "invalid UTF-8"
		}
	}
	if a.Body == "" {
		return "empty body"
	}
	if max := rd.opts.maxArticle(); len(a.Body) > max {
		return fmt.Sprintf("body of %d bytes is over the size limit of %d bytes", len(a.Body), max)
	}
	if rd.opts.Lang == "any" {
		a.Lang = "any"
	} else {
		if share, ok := arabicShare(a.Body); !ok {
			return fmt.Sprintf("not Arabic (%d%% of letters are Arabic; %s admits it)", int(share*100), rd.opts.anyLang())
		}
		a.Lang = "ar"
	}
	if a.Published.IsZero() {
		a.DateOrigin = news.DateNone
	} else {
		a.DateOrigin = news.DateInput
	}
	a.ID = news.ArticleID(arabic.NormalizeString(a.Body), a.URL)
	return ""
}

// article emits a finished article or its refusal.
func (rd *reader) article(input string, record int, unit string, a news.Article) error {
	if reason := rd.finish(&a); reason != "" {
		return rd.emit(Item{Input: input, Record: record, Unit: unit, Reason: reason})
	}
	return rd.emit(Item{Input: input, Record: record, Unit: unit, Article: a})
}

// cleanBody trims a body, unifies line ends, drops trailing spaces on
// lines and collapses runs of blank lines to one blank line.
func cleanBody(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if !strings.ContainsAny(s, "\r\t\v\f") && !strings.Contains(s, "\n\n\n") && !strings.Contains(s, " \n") && !strings.Contains(s, "\n ") {
		return strings.TrimSpace(s)
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	for line := range strings.Lines(s) {
		line = strings.TrimSpace(line)
		if line == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(collapseSpace(line))
	}
	return b.String()
}

// collapseSpace turns runs of spaces and tabs inside a line into one space.
func collapseSpace(s string) string {
	// ContainsAny with only ASCII bytes is fast; the no-break space is
	// looked for apart, which keeps it so.
	if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\t\v\f") && !strings.Contains(s, "\u00a0") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\v' || r == '\f' || r == '\u00a0'
	}), " ")
}

// lineOf returns the 1-based line and column (in characters) of byte
// offset off in data.
func lineOf(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	pre := data[:off]
	line = 1 + bytes.Count(pre, []byte{'\n'})
	col = utf8.RuneCount(pre[bytes.LastIndexByte(pre, '\n')+1:]) + 1
	return line, col
}
