package search

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/ingest"
)

// stemAll is the highlighter as it was before the matcher stemmed only the
// words that may match: it stems every word of the text, and cuts the
// snippet on a rune copy of it. The tests below hold the matcher to it.
// What that change left alone, marking the matching tokens (mark) and
// choosing where the window starts (densest), it shares with the matcher;
// the tokens it marks and the cut it makes stay its own.
func stemAll(m *matcher, text string, size int) Snippet {
	var toks []indexed
	for _, t := range arabic.Tokenize(text) {
		if term := indexTerm(t); term != "" {
			toks = append(toks, indexed{t.Start, t.End, term})
		}
	}
	hl := m.mark(toks, make([]bool, len(toks)))
	rs := []rune(text)
	if size <= 0 || len(rs) <= size {
		return Snippet{Text: text, Highlights: hl}
	}
	start := densest(hl, size)
	if start > size/5 {
		start -= size / 5
		for start > 0 && !isSpace(rs[start-1]) {
			start--
		}
	} else {
		start = 0
	}
	end := min(len(rs), start+size)
	for end < len(rs) && end > start && !isSpace(rs[end]) {
		end--
	}
	if end <= start {
		end = min(len(rs), start+size)
	}
	for start < end && isSpace(rs[start]) {
		start++
	}
	var b strings.Builder
	shift := -start
	if start > 0 {
		b.WriteString("… ")
		shift += 2
	}
	b.WriteString(strings.TrimRight(string(rs[start:end]), " \t\r\n"))
	if end < len(rs) {
		b.WriteString(" …")
	}
	var out []Highlight
	for _, h := range hl {
		if h.Start >= start && h.End <= end {
			out = append(out, Highlight{h.Start + shift, h.End + shift})
		}
	}
	return Snippet{Text: b.String(), Highlights: out}
}

// sameAsStemmingAll fails t when the matcher of query gives text another
// snippet than stemming every word would, at any of a few sizes.
func sameAsStemmingAll(t *testing.T, query, text string) {
	t.Helper()
	q, err := Parse(query)
	if err != nil {
		t.Fatalf("%q: %v", query, err)
	}
	m := newMatcher(Plan(q))
	for _, size := range []int{0, 7, 40, SnippetRunes} {
		if got, want := m.highlight(text, size), stemAll(&m, text, size); !reflect.DeepEqual(got, want) {
			t.Errorf("query %q, size %d, text %q:\n got %+v\nwant %+v", query, size, text, got, want)
		}
	}
}

// TestMatcherSameAsStemmingAll: the matcher, which stems only the words
// that may match, marks the same words and cuts the same snippets as
// stemming every word, for words whose stem is a piece of them, words
// written with لل, teh marbuta and heh, phrases across words that cannot
// match, Latin words, numbers, hashtags, marks alone, spaces of every
// kind and invalid UTF-8.
func TestMatcherSameAsStemmingAll(t *testing.T) {
	long := strings.Repeat("كلام عادي عن أمور شتى ", 12) + "ثم جاءت الانتخابات البلدية\u00a0في المدرسة " +
		strings.Repeat("وكلام آخر بعدها ", 12) + "وللانتخابات نتائج ومدرسته " + strings.Repeat("x", 50)
	for _, tc := range []struct{ query, text string }{
		{"انتخابات", "أعلنت اللجنة نتائج الانتخابات البلدية في جدة أمس."},
		{"انتخابات", "وبحث والانتخابات المقبلة، وللانتخابات وبالانتخابات انتخاباتٌ الانتِخاباتُ"},
		{"الانتخابات البلدية", long},
		{"مدرسة", "المدرسة مدرسه ومدرستها المدارس مدرستي " + long},
		{"هيئة", "الهيئة هيئه وهيئتها هيئات للهيئة"},
		{"لحود", "للحود ولحود لحود الحود"},
		{"الرياض", "للرياض والرياض بالرياض الرياضي الرياضة"},
		{`"وزير الخارجية"`, "وصل وزير الخارجية، ثم وزير الداخلية والخارجية. وزير في الخارجية"},
		{`"وزير الخارجية" بغداد`, "وزير الخارجية يزور بغداد وزير " + long + " وزير الخارجية"},
		{`"نتائج الانتخابات البلدية"`, "نتائج الانتخابات البلدية، نتائج لا الانتخابات البلدية"},
		{"Apple 2015 99.97", "أعلنت Apple عام 2015 أن 99.97 % و apple APPLE"},
		{"#السعودية", "وسم #السعودية و #السعوديه والسعودية #سعودية"},
		{"السعودية", "#السعودية السعودية"},
		{"انتخابات OR بغداد -تركيا", "بغداد\tوالانتخابات\r\nفي تركيا " + long},
		{"مصر", "ـــ \u064e\u064f مصر ـمصرـ"},
		{"جدة", "في جدة\xff\xfe جدة " + strings.Repeat("ب\xe2\x82 ", 40) + " جدة"},
		{"ال", "ال الال وال"},
		{"هه", "هه ههه هة"},
		{"x", long},
	} {
		t.Run(tc.query, func(t *testing.T) { sameAsStemmingAll(t, tc.query, tc.text) })
	}
}

// TestMatcherSameAsStemmingAllNews holds the matcher to stemming every
// word on SaudiNewsNet (a dev sample: 250 articles of one day, the
// queries of their headlines, one to three words, and the two first
// words of every headline as a phrase).
func TestMatcherSameAsStemmingAllNews(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	path := "../../../shared/data/news/saudinewsnet/2015-07-21.zip"
	f, err := os.Open(path)
	if err != nil {
		t.Skip("SaudiNewsNet not available: ", err)
	}
	defer f.Close()
	var titles, bodies []string
	err = ingest.Read(context.Background(), filepath.Base(path), f, ingest.Options{}, func(it ingest.Item) error {
		if !it.Refused() && len(titles) < 250 {
			titles = append(titles, it.Article.Title)
			bodies = append(bodies, it.Article.Body)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	queries := SampleQueries(titles)
	for _, h := range titles {
		if ws := strings.Fields(h); len(ws) >= 2 && !strings.ContainsAny(ws[0]+ws[1], `"-:`) {
			queries = append(queries, `"`+ws[0]+" "+ws[1]+`"`)
		}
	}
	for i, query := range queries {
		// Each query over the body it came from and a few others.
		for _, j := range []int{i % len(bodies), (i * 7) % len(bodies), (i*13 + 5) % len(bodies)} {
			sameAsStemmingAll(t, query, bodies[j])
			sameAsStemmingAll(t, query, titles[j])
		}
	}
}

// TestTermKeyInWord checks what the matcher relies on: the key of a
// word's index term is in its normalized form, for the words of the
// stemmer's golden list and of SaudiNewsNet's first day.
func TestTermKeyInWord(t *testing.T) {
	var texts []string
	b, err := os.ReadFile("../arabic/testdata/stem/words.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, string(b))
	if f, err := os.Open("../../../shared/data/news/saudinewsnet/2015-07-21.zip"); err == nil && !testing.Short() {
		err := ingest.Read(context.Background(), "2015-07-21.zip", f, ingest.Options{}, func(it ingest.Item) error {
			texts = append(texts, it.Article.Title, it.Article.Body)
			return nil
		})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	texts = append(texts, "للحود للرياض للانتخابات مدرستها هيئتها وللهيئة الهيئات")
	n := 0
	for _, text := range texts {
		for _, tok := range arabic.Tokenize(text) {
			if tok.Kind != arabic.Word {
				continue
			}
			n++
			if term := indexTerm(tok); term != "" && !strings.Contains(tok.Norm, termKey(term)) {
				t.Errorf("%q (normalized %q): index term %q, key %q not in the word", tok.Text, tok.Norm, term, termKey(term))
			}
		}
	}
	t.Logf("%d words", n)
}
