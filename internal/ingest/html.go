package ingest

import (
	"bytes"
	"io"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/rasid-news/rasid/internal/news"
)

// maxHTMLElements bounds the pages the readability parser works on.
const maxHTMLElements = 200_000

// readHTML reads a web page as one article. pageURL is where it was
// fetched from, "" for a file (the page's canonical link is used then).
func (rd *reader) readHTML(name, pageURL string, data []byte) error {
	return rd.readHTMLAt(name, "", pageURL, data)
}

// readHTMLAt reads a web page fetched from pageURL with a content type.
func (rd *reader) readHTMLAt(name, contentType, pageURL string, data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return rd.refuse(name, 0, "", "%s", EmptyInput)
	}
	a, reason := ParseHTML(data, contentType, pageURL)
	if reason != "" {
		return rd.refuse(name, 0, "", "%s", reason)
	}
	if rd.opts.Lang != "any" && !utf8.Valid(data) {
		if _, ok := arabicShare(a.Body); !ok {
			switch _, enc, _ := charset.DetermineEncoding(data, contentType); {
			case !declaresCharset(data, contentType):
				// ParseHTML read the page as windows-1252, HTML's
				// default; an Arabic page in windows-1256 or ISO-8859-6
				// that does not say so reads as Latin letters. Say
				// that, not "not Arabic".
				return rd.refuse(name, 0, "", "not valid UTF-8 and no charset declared (read as windows-1252, the text is not Arabic): convert it to UTF-8, or declare its charset (<meta charset=\"windows-1256\">)")
			case enc == "utf-8":
				// It says UTF-8 and is not: its letters were lost to
				// U+FFFD. Say where, not "not Arabic".
				line, col := lineOf(data, int64(firstInvalid(data)))
				return rd.refuse(name, 0, "", "declares charset utf-8 but is not valid UTF-8 (line %d column %d): convert it to UTF-8, or declare its real charset (<meta charset=\"windows-1256\">)", line, col)
			}
		}
	}
	return rd.article(name, 0, "", a)
}

// declaresCharset reports whether a page says its character set: a byte
// order mark, a charset in its content type, or one in its first 1,024
// bytes (where a <meta> tag declares it).
func declaresCharset(data []byte, contentType string) bool {
	if _, _, certain := charset.DetermineEncoding(data, contentType); certain {
		return true
	}
	return bytes.Contains(bytes.ToLower(data[:min(len(data), 1024)]), []byte("charset"))
}

// multibyteUTF8 reports whether data is valid UTF-8 with at least one
// character beyond ASCII. Such a page is UTF-8 whatever charset it
// declares: text in windows-1256, ISO-8859-6 or any other single-byte
// charset is almost never valid UTF-8 once it has a letter beyond ASCII,
// while pages that moved to UTF-8 and kept their old <meta charset> are
// common, and reading them in the declared charset stores mojibake that
// still counts as Arabic (ط§ظ„ط¹ط±ط§ظ‚ for العراق).
func multibyteUTF8(data []byte) bool {
	if !utf8.Valid(data) {
		return false
	}
	for _, b := range data {
		if b >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// ParseHTML extracts the article of a web page: its main text through
// go-readability (a port of Mozilla's Readability), and its headline,
// author, outlet and publication date from the page's meta tags and
// JSON-LD. contentType (from HTTP, may be "") helps to find the page's
// character set; pages in other encodings than UTF-8 are converted (a page
// that is valid UTF-8 beyond ASCII is read as UTF-8 whatever it declares).
// pageURL is where the page came from; when "", the page's canonical
// link or og:url is used. It returns a reason when no article is found.
func ParseHTML(data []byte, contentType, pageURL string) (news.Article, string) {
	var a news.Article
	if enc, name, _ := charset.DetermineEncoding(data, contentType); name != "utf-8" && !multibyteUTF8(data) {
		conv, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(data)))
		if err != nil {
			return a, "cannot convert page from " + name + " to UTF-8"
		}
		data = conv
	} else if !utf8.Valid(data) {
		data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return a, "unreadable HTML: " + err.Error()
	}
	if pageURL == "" {
		pageURL = canonicalURL(doc)
	}
	var u *url.URL
	if pageURL != "" {
		if pu, err := url.Parse(pageURL); err == nil && pu.IsAbs() {
			u = pu
			a.URL = pageURL
		}
	}
	p := readability.NewParser()
	p.MaxElemsToParse = maxHTMLElements
	art, err := p.ParseAndMutate(doc, u)
	if err != nil {
		return a, "no article found in page: " + err.Error()
	}
	if art.Node == nil {
		return a, "no article found in page"
	}
	var body strings.Builder
	if err := art.RenderText(&body); err != nil {
		return a, "no article found in page"
	}
	if all, linked := linkText(art.Node); all > 0 && linked == all {
		// readability's best attempt on a page with no article is its
		// menu (الرئيسية أخبار), which is no article either
		return a, "no article found in page: its main text is links only"
	}
	a.Title = art.Title()
	a.Author = art.Byline()
	a.Source = art.SiteName()
	if a.Source == "" && u != nil {
		a.Source = strings.TrimPrefix(u.Hostname(), "www.")
	}
	if t, err := art.PublishedTime(); err == nil && t.Year() > 1800 {
		a.Published = t
	}
	text := cleanBody(body.String())
	// The main text often repeats the headline as its first paragraph.
	if first, rest, ok := strings.Cut(text, "\n"); ok && a.Title != "" && strings.TrimSpace(first) == a.Title {
		text = strings.TrimSpace(rest)
	}
	a.Body, _, a.Place = StripDateline(text)
	return a, ""
}

// linkText counts the letters of the text under n, all of them and those
// inside links.
func linkText(n *html.Node) (all, linked int) {
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		switch {
		case n.Type == html.TextNode:
			k := 0
			for _, r := range n.Data {
				if unicode.IsLetter(r) {
					k++
				}
			}
			all += k
			if inLink {
				linked += k
			}
		case n.Type == html.ElementNode && n.Data == "a":
			inLink = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	if n != nil {
		walk(n, false)
	}
	return all, linked
}

// canonicalURL returns a page's <link rel="canonical"> or og:url.
func canonicalURL(doc *html.Node) string {
	var canon, og string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && canon == "" {
					canon = attr(n, "href")
				}
			case "meta":
				if attr(n, "property") == "og:url" && og == "" {
					og = attr(n, "content")
				}
			case "body":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if canon != "" {
		return strings.TrimSpace(canon)
	}
	return strings.TrimSpace(og)
}

// attr returns the value of an element's attribute.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
