package news

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
)

// DateOrigin says where an article's publication date came from.
type DateOrigin string

// The origins of a publication date.
const (
	// DateNone: the input gave no date and none was inferred; Published is zero.
	DateNone DateOrigin = ""
	// DateInput: the input gave the date (a field, a meta tag, a feed entry).
	DateInput DateOrigin = "input"
	// DateInferred: estimated from the article's content; never overwrites a
	// date the input gave.
	DateInferred DateOrigin = "inferred"
)

// Article is one news article as rasid stores it. Body is the text as the
// outlet wrote it (main text only, no markup); every span elsewhere in rasid
// points into Body (or Title) by Unicode code point offsets.
type Article struct {
	// ID is the article's identity: see ArticleID.
	ID     string `json:"id"`
	URL    string `json:"url,omitempty"`
	Source string `json:"source,omitempty"` // the outlet, e.g. "okaz"
	Title  string `json:"title,omitempty"`
	Author string `json:"author,omitempty"`
	// Place is the dateline's place ("لندن" in "إيلاف من لندن:"), when given.
	Place string `json:"place,omitempty"`
	// Published is the publication time, zone aware; zero when unknown.
	Published time.Time `json:"published,omitzero"`
	// DateOrigin says whether Published came from the input or was inferred.
	DateOrigin DateOrigin `json:"date_origin,omitempty"`
	// DateConfidence is the confidence of an inferred date, in [0,1].
	DateConfidence float64 `json:"date_confidence,omitempty"`
	// Ingested is when rasid stored the article.
	Ingested time.Time `json:"ingested,omitzero"`
	Body     string    `json:"body"`
	// Lang is the detected language ("ar", or "any" when admitted with --lang any).
	Lang string `json:"lang,omitempty"`
	// Superseded is true for an older version of an article whose URL now
	// has a changed body; the newest version is current.
	Superseded bool `json:"superseded,omitempty"`
}

// headlineLen bounds the headline made from a body, in code points.
const headlineLen = 90

// Headline returns the title, or for an article without one the opening
// of its body: the first line, on one line, cut at a word boundary to
// about 90 code points with "…". It is for showing an article in a list;
// Title itself stays empty when the input gave none.
func (a Article) Headline() string {
	if t := strings.TrimSpace(a.Title); t != "" {
		return t
	}
	line, _, _ := strings.Cut(strings.TrimSpace(a.Body), "\n")
	return Shorten(strings.Join(strings.Fields(line), " "), headlineLen)
}

// Shorten cuts text to about n code points for display: at the last space
// in the second half of the first n, with " …" after it. Text of n code
// points or fewer (or n ≤ 0) comes back as it is.
func Shorten(text string, n int) string {
	r := []rune(text)
	if n <= 0 || len(r) <= n {
		return text
	}
	cut := n
	for cut > n/2 && r[cut] != ' ' {
		cut--
	}
	return strings.TrimSpace(string(r[:cut])) + " …"
}

// ArticleID returns the identity of an article: a hash of its normalized
// body, plus its URL when known. The caller passes the body already
// normalized for matching (arabic.NormalizeString), so that copies differing
// only in diacritics or letter variants share an ID.
func ArticleID(normalizedBody, url string) string {
	h := sha256.New()
	h.Write([]byte(normalizedBody))
	if url != "" {
		h.Write([]byte{0})
		h.Write([]byte(url))
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}
