package search

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/news"
)

// Rephrase rewrites the Arabic content words of a headline into other
// inflections and clitic forms, deterministically, for known-item search
// tests: the n-th content word (stopwords, short words and other scripts
// are kept) gets the n-th of four rewrites in turn — the definite article
// added or dropped; the conjunction و added or dropped; the preposition ب
// with the article; a fatha added (see rewrite for when each applies).
// When known is not nil, a rewrite is used only if known accepts its
// normalized form (a word seen in the archive), else the next one is
// tried, else the word is kept: so the queries hold real word forms.
func Rephrase(headline string, known func(string) bool) string {
	var b strings.Builder
	rs := []rune(headline)
	at, n := 0, 0
	for _, t := range arabic.Tokenize(headline) {
		if t.Kind != arabic.Word || arabic.IsStopword(t.Norm) || utf8.RuneCountInString(t.Norm) < 3 {
			continue
		}
		b.WriteString(string(rs[at:t.Start]))
		w := t.Text
		for k := range 4 {
			v := rewrite(t.Text, (n+k)%4)
			if known == nil || (n+k)%4 == 3 || known(arabic.NormalizeString(v)) {
				w = v
				break
			}
		}
		b.WriteString(w)
		at = t.End
		n++
	}
	b.WriteString(string(rs[at:]))
	return b.String()
}

// bare strips the article and the clitics و، ب، ف، ل before it.
func bare(w string) string {
	for _, p := range []string{"وال", "بال", "فال", "لل", "ال"} {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 2 {
			return rest
		}
	}
	return w
}

// rewrite gives the kind-th rewrite of a word, choosing among forms a
// writer could use: the article is added only to a word with no proclitic
// that does not look like a present-tense verb (يـ) or an accusative (ـا),
// and the preposition ب only to a word that had the article.
func rewrite(w string, kind int) string {
	b := bare(w)
	definite := b != w
	switch kind {
	case 0:
		if definite {
			return b
		}
		if canTakeArticle(w) {
			return "ال" + w
		}
		return conj(w)
	case 1:
		return conj(w)
	case 2:
		if definite {
			return "بال" + b
		}
		return conj(w)
	}
	rs := []rune(w)
	return string(rs[:1]) + "\u064e" + string(rs[1:])
}

// conj adds the conjunction و, or drops it from a word that has it.
func conj(w string) string {
	if rest, ok := strings.CutPrefix(w, "و"); ok && utf8.RuneCountInString(rest) >= 4 {
		return rest
	}
	if strings.HasPrefix(w, "و") {
		return w
	}
	return "و" + w
}

func canTakeArticle(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	switch r {
	case 'ي', 'ب', 'ل', 'ك', 'ف', 'و':
		return false
	}
	return !strings.HasSuffix(w, "ا") && !strings.HasSuffix(w, "اً") && !strings.HasSuffix(w, "ًا")
}

// KnownItem is the outcome of a known-item search: the rank (1-based) of
// the wanted article among the first MaxRank hits, 0 when not among them.
type KnownItem struct {
	Query string `json:"query"`
	Want  string `json:"want"`
	Rank  int    `json:"rank"`
	Total int    `json:"total"`
}

// KnownItemReport sums up known-item searches.
type KnownItemReport struct {
	Queries int     `json:"queries"`
	Top1    float64 `json:"top1"`
	Top10   float64 `json:"top10"`
	// PlainTop1 and PlainTop10 are the same shares for the headlines as
	// written, when measured.
	PlainTop1  float64     `json:"plain_top1,omitempty"`
	PlainTop10 float64     `json:"plain_top10,omitempty"`
	Missed     []KnownItem `json:"missed,omitempty"` // not in the top 10
}

// RunKnownItem searches, for each article, its headline as rephrase
// rewrites it and reports how often the article ranks first and in the
// top 10. Quotes are dropped from the headline, so that they are not read
// as phrases.
func RunKnownItem(ctx context.Context, e Engine, arts []news.Article, rephrase func(string) string) (KnownItemReport, error) {
	var rep KnownItemReport
	top1, top10 := 0, 0
	for _, a := range arts {
		q := strings.ReplaceAll(rephrase(a.Title), `"`, " ")
		res, err := e.Search(ctx, Request{Query: q, PageSize: 10})
		if err != nil {
			return rep, err
		}
		k := KnownItem{Query: q, Want: a.ID, Total: res.Total}
		for i, h := range res.Hits {
			if h.Article.ID == a.ID {
				k.Rank = i + 1
				break
			}
		}
		rep.Queries++
		switch {
		case k.Rank == 1:
			top1++
			top10++
		case k.Rank > 1:
			top10++
		default:
			rep.Missed = append(rep.Missed, k)
		}
	}
	if rep.Queries > 0 {
		rep.Top1 = float64(top1) / float64(rep.Queries)
		rep.Top10 = float64(top10) / float64(rep.Queries)
	}
	return rep, nil
}

// KnownItemSample picks up to n articles, evenly spread over arts, whose
// title is unique among arts and has at least three content words.
func KnownItemSample(arts []news.Article, n int) []news.Article {
	count := map[string]int{}
	for _, a := range arts {
		count[arabic.NormalizeString(a.Title)]++
	}
	var ok []news.Article
	for _, a := range arts {
		if count[arabic.NormalizeString(a.Title)] != 1 || a.Superseded {
			continue
		}
		words := 0
		for _, t := range arabic.Tokenize(a.Title) {
			if t.Kind == arabic.Word && !arabic.IsStopword(t.Norm) && utf8.RuneCountInString(t.Norm) >= 3 {
				words++
			}
		}
		if words >= 3 {
			ok = append(ok, a)
		}
	}
	if len(ok) <= n {
		return ok
	}
	out := make([]news.Article, 0, n)
	for i := range n {
		out = append(out, ok[i*len(ok)/n])
	}
	return out
}
