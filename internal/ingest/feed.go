package ingest

import (
	"bytes"
	"encoding/xml"
	"io"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"

	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	"golang.org/x/net/html"

	"github.com/rasid-news/rasid/internal/news"
)

// readFeed reads an RSS, Atom or JSON feed (through gofeed) and emits one
// article per entry. An entry's body is its full content, else its
// summary; with Options.Fetch set, an entry that carries only a summary is
// followed to its link and the page's main text is taken instead.
func (rd *reader) readFeed(name string, data []byte) error {
	fp := gofeed.NewParser()
	fp.AtomTranslator = atomTranslator{}
	feed, err := fp.Parse(bytes.NewReader(data))
	var broken error // the break of a feed read only up to it
	if err != nil {
		// An XML feed that breaks part way: keep the entries before the
		// break, and say that the rest is lost.
		salvaged, ok := salvageFeed(fp, data)
		if !ok {
			return rd.refuse(name, 0, "", "unreadable feed: %v", err)
		}
		feed, broken = salvaged, err
	}
	if len(feed.Items) == 0 {
		return rd.refuse(name, 0, "", "feed has no entries")
	}
	if err := rd.emitFeed(name, feed); err != nil {
		return err
	}
	if broken != nil {
		return rd.refuse(name, len(feed.Items)+1, "item", "unreadable feed after entry %d, the rest of the file is lost: %v", len(feed.Items), broken)
	}
	return nil
}

// salvageFeed reads the entries of an XML feed that does not parse whole:
// the document is cut after the last entry (</item> or </entry>) before
// which it is well-formed XML, the elements still open are closed, and
// the result is parsed. ok is false when no entry can be had so.
func salvageFeed(fp *gofeed.Parser, data []byte) (*gofeed.Feed, bool) {
	var ends []int
	for _, tag := range [][]byte{[]byte("</item>"), []byte("</entry>")} {
		for i := 0; ; {
			j := bytes.Index(data[i:], tag)
			if j < 0 {
				break
			}
			i += j + len(tag)
			ends = append(ends, i)
		}
	}
	if len(ends) == 0 {
		return nil, false
	}
	slices.Sort(ends)
	// The longest prefix that reads: a prefix that holds the break does
	// not, and every shorter one does, so a binary search finds it.
	try := func(end int) *gofeed.Feed {
		doc, ok := closeXML(data[:end])
		if !ok {
			return nil
		}
		feed, err := fp.Parse(bytes.NewReader(doc))
		if err != nil || len(feed.Items) == 0 {
			return nil
		}
		return feed
	}
	// sort.Search moves past a prefix only when it reads, and returns k
	// one past the last such: the feed of that prefix, ends[k-1], is the
	// last one read, kept rather than parsed again.
	var best *gofeed.Feed
	k := sort.Search(len(ends), func(k int) bool {
		feed := try(ends[k])
		if feed != nil {
			best = feed
		}
		return feed == nil
	})
	return best, k > 0 && best != nil
}

// closeXML returns prefix followed by the end tags of the elements it
// leaves open, or ok false when prefix is not well-formed XML.
func closeXML(prefix []byte) ([]byte, bool) {
	d := xml.NewDecoder(bytes.NewReader(prefix))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var open []xml.Name
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			open = append(open, t.Name)
		case xml.EndElement:
			if len(open) == 0 || open[len(open)-1] != t.Name {
				return nil, false
			}
			open = open[:len(open)-1]
		}
	}
	if len(open) == 0 {
		return nil, false
	}
	doc := slices.Clip(prefix)
	for i := len(open) - 1; i >= 0; i-- {
		n := open[i].Local
		if open[i].Space != "" {
			n = open[i].Space + ":" + n
		}
		doc = append(doc, "</"+n+">"...)
	}
	return doc, true
}

// emitFeed emits the articles of the entries of feed.
func (rd *reader) emitFeed(name string, feed *gofeed.Feed) error {
	source := strings.TrimSpace(feed.Title)
	pages := rd.followAll(feed.Items)
	for i, it := range feed.Items {
		if err := rd.ctx.Err(); err != nil {
			return err
		}
		if it == nil {
			continue
		}
		a := FeedArticle(it, source)
		if p, ok := pages[i]; ok {
			if p.reason != "" {
				if err := rd.refuse(name, i+1, "item", "%s", p.reason); err != nil {
					return err
				}
				continue
			}
			page := p.article
			a.Body, a.Place = page.Body, page.Place
			if a.Title == "" {
				a.Title = page.Title
			}
			if a.Author == "" {
				a.Author = page.Author
			}
			if a.Published.IsZero() {
				a.Published = page.Published
			}
		}
		if err := rd.article(name, i+1, "item", a); err != nil {
			return err
		}
	}
	return nil
}

// maxFollows bounds the pages fetched at once for one feed.
const maxFollows = 4

// followed is the article of an entry's page, or why it could not be had.
type followed struct {
	article news.Article
	reason  string
}

// followAll fetches, a few at a time, the pages of the entries that carry
// only a summary, when Options.Fetch is set; the map is by entry index.
func (rd *reader) followAll(items []*gofeed.Item) map[int]followed {
	pages := map[int]followed{}
	if rd.opts.Fetch == nil {
		return pages
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, maxFollows)
	for i, it := range items {
		if it == nil || strings.TrimSpace(it.Content) != "" || it.Link == "" {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(i int, link string) {
			defer wg.Done()
			defer func() { <-sem }()
			a, reason := rd.follow(link)
			mu.Lock()
			pages[i] = followed{a, reason}
			mu.Unlock()
		}(i, strings.TrimSpace(it.Link))
	}
	wg.Wait()
	return pages
}

// atomTranslator is gofeed's Atom translator without its fallback from
// an entry's <updated> to its publication date: when an entry was last
// updated is not when it was published.
type atomTranslator struct{ gofeed.DefaultAtomTranslator }

// Translate translates an Atom feed, leaving undated entries undated.
func (t atomTranslator) Translate(feed any) (*gofeed.Feed, error) {
	f, err := t.DefaultAtomTranslator.Translate(feed)
	af, ok := feed.(*atom.Feed)
	if err != nil || !ok || len(af.Entries) != len(f.Items) {
		return f, err
	}
	for i, e := range af.Entries {
		if e != nil && e.Published == "" && f.Items[i] != nil {
			f.Items[i].Published, f.Items[i].PublishedParsed = "", nil
		}
	}
	return f, nil
}

// follow fetches an entry's page and extracts its article.
func (rd *reader) follow(link string) (news.Article, string) {
	body, ct, err := rd.opts.Fetch(rd.ctx, link)
	if err != nil {
		return news.Article{}, err.Error()
	}
	if int64(len(body)) > rd.opts.maxInput() {
		return news.Article{}, link + ": " + errTooBig(rd.opts.maxInput()).Error()
	}
	a, reason := ParseHTML(body, ct, link)
	if reason != "" {
		return a, link + ": " + reason
	}
	return a, ""
}

// FeedArticle builds the article of one feed entry from the entry alone
// (content, else summary, as plain text). source names the outlet when
// known (the feed's title); else the host of the entry's link is used.
func FeedArticle(it *gofeed.Item, source string) news.Article {
	a := news.Article{
		URL:    strings.TrimSpace(it.Link),
		Source: source,
		Title:  htmlText(it.Title),
	}
	body := it.Content
	if strings.TrimSpace(body) == "" {
		body = it.Description
	}
	a.Body = htmlText(body)
	var authors []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			authors = append(authors, strings.TrimSpace(p.Name))
		}
	}
	a.Author = strings.Join(authors, "، ")
	if it.PublishedParsed != nil {
		a.Published = *it.PublishedParsed
	}
	if a.Source == "" && a.URL != "" {
		if u, err := url.Parse(a.URL); err == nil {
			a.Source = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	return a
}

// htmlText returns the text of an HTML fragment, paragraphs on their own
// lines; text with no markup is returned as it is.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return strings.TrimSpace(s)
	}
	return cleanBody(render.InnerText(doc))
}
