package ingest

import (
	"bytes"
	"mime"
	"path"
	"strings"
	"unicode/utf8"
)

// Format is a kind of input.
type Format int

// The input formats.
const (
	Unknown Format = iota
	Text           // plain text, one article
	JSONL          // one JSON object a line
	JSON           // a JSON array of objects, or objects one after another
	TREC           // <DOC>…</DOC> records (the ANT corpus)
	HTML           // a web page
	Feed           // RSS, Atom or JSON Feed
	Zip            // a zip archive of inputs
	TarGz          // a gzip-compressed tar archive of inputs
	Gzip           // one gzip-compressed input
	Tar            // a tar archive of inputs
	Binary         // none of the above: refused
)

var formatNames = [...]string{"unknown", "text", "jsonl", "json", "trec", "html", "feed", "zip", "tar.gz", "gzip", "tar", "binary"}

// String names the format.
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "unknown"
}

// byExtension returns the format a file name's extension announces.
func byExtension(name string) Format {
	base := strings.ToLower(path.Base(strings.ReplaceAll(name, "\\", "/")))
	switch {
	case strings.HasSuffix(base, ".tar.gz"), strings.HasSuffix(base, ".tgz"):
		return TarGz
	}
	switch path.Ext(base) {
	case ".txt", ".text":
		return Text
	case ".jsonl", ".ndjson":
		return JSONL
	case ".json":
		return JSON
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".xml", ".rss", ".atom", ".rdf":
		return Feed
	case ".zip":
		return Zip
	case ".gz":
		return Gzip
	case ".tar":
		return Tar
	}
	return Unknown
}

// Known reports whether a file name has an extension rasid reads; walks of
// directories and archives take only such files.
func Known(name string) bool { return byExtension(name) != Unknown }

// Detect returns the format of an input from its name and its first bytes:
// a clear signature in the content (archive magic numbers, <DOC>, a feed's
// root element, an HTML document; a NUL byte outside UTF-16 with a byte
// order mark is Binary) wins over the extension, which wins over weaker
// guesses from the content.
func Detect(name string, head []byte) Format {
	ext := byExtension(name)
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return Zip
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		if ext == TarGz {
			return TarGz
		}
		return Gzip
	case len(head) > 262 && string(head[257:262]) == "ustar":
		return Tar
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	lower := bytes.ToLower(t[:min(len(t), 512)])
	switch {
	case bytes.HasPrefix(lower, []byte("<doc>")):
		return TREC
	case isFeedHead(lower):
		return Feed
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return HTML
	case bytes.HasPrefix(lower, []byte("{")) && bytes.Contains(lower, []byte("jsonfeed.org/version")):
		return Feed
	}
	if bytes.IndexByte(head, 0) >= 0 && !bytes.HasPrefix(head, []byte{0xff, 0xfe}) && !bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		return Binary // a NUL byte outside UTF-16, whatever the name says (photo.html)
	}
	if ext != Unknown {
		return ext
	}
	switch {
	case len(t) == 0:
		return Text
	case t[0] == '[':
		return JSON
	case t[0] == '{':
		// One object a line, unless the first line is a lone brace: a
		// pretty-printed object.
		if first, _, _ := bytes.Cut(t, []byte("\n")); len(bytes.TrimSpace(first)) == 1 {
			return JSON
		}
		return JSONL
	case bytes.HasPrefix(lower, []byte("<")) && bytes.Contains(lower, []byte("<body")),
		bytes.HasPrefix(lower, []byte("<head")):
		return HTML
	}
	if isBinary(head) {
		return Binary
	}
	return Text
}

// isFeedHead reports whether lower-cased content starts like an RSS, RDF or
// Atom document (after an XML declaration and comments).
func isFeedHead(lower []byte) bool {
	if !bytes.HasPrefix(lower, []byte("<")) {
		return false
	}
	for _, root := range []string{"<rss", "<feed", "<rdf:rdf"} {
		if i := bytes.Index(lower, []byte(root)); i >= 0 {
			c := byte(' ')
			if i+len(root) < len(lower) {
				c = lower[i+len(root)]
			}
			if c == ' ' || c == '>' || c == '\n' || c == '\r' || c == '\t' {
				return true
			}
		}
	}
	return false
}

// isBinary reports whether head looks like binary data: a NUL byte, or
// many bytes that are neither valid UTF-8 nor common control characters.
func isBinary(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(head); {
		r, n := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && n == 1 && len(head)-i >= utf8.UTFMax {
			bad++
		} else if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			bad++
		}
		i += n
	}
	return bad*10 > len(head)
}

// FormatOfContentType returns the format an HTTP content type announces.
func FormatOfContentType(ct string) Format {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return Unknown
	}
	switch {
	case mt == "text/html", mt == "application/xhtml+xml":
		return HTML
	case mt == "application/rss+xml", mt == "application/atom+xml", mt == "application/feed+json",
		mt == "application/xml", mt == "text/xml", mt == "application/rdf+xml":
		return Feed
	case mt == "application/x-ndjson", mt == "application/jsonl", mt == "application/x-jsonlines":
		return JSONL
	case mt == "application/json":
		return JSON
	case mt == "application/zip":
		return Zip
	case mt == "application/gzip", mt == "application/x-gzip":
		return Gzip
	case mt == "text/plain":
		return Text
	}
	return Unknown
}
