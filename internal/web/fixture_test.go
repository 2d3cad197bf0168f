package web

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
)

// The fixture archive: three articles of one story written for these tests
// (a visit to Baghdad), and one hostile article whose title, body, source
// and URL carry markup that must be shown as text.

const (
	xssScript = `<script>alert(1)</script>`
	xssImg    = `"><img src=x onerror=alert(2)>`
	storyID   = "st-visit"
	hostileID = "art-hostile"
)

type fixtureEntity struct {
	id, typ, name, role string
	forms               []string // spellings as written, longest first
}

var fixtureEntities = []fixtureEntity{
	{"pers-blinken", "PERS", "أنتوني بلينكن", "وزير الخارجية الأمريكي", []string{"أنتوني بلينكن", "بلينكن", "بلنكن"}},
	{"pers-sudani", "PERS", "محمد شياع السوداني", "رئيس الوزراء العراقي", []string{"محمد شياع السوداني", "السوداني"}},
	{"pers-fuad", "PERS", "فؤاد حسين", "وزير الخارجية العراقي", []string{"فؤاد حسين"}},
	{"loc-baghdad", "LOC", "بغداد", "", []string{"بغداد"}},
	{"loc-iraq", "LOC", "العراق", "", []string{"العراق", "للعراق"}},
	{"loc-washington", "LOC", "واشنطن", "", []string{"واشنطن"}},
	{"org-state", "ORG", "الولايات المتحدة", "", []string{"الولايات المتحدة"}},
}

type fixtureArticle struct {
	id, source, title, body, url string
	published                    time.Time
	dates                        map[string]string // timex text → value
	quotes                       []fixtureQuote
}

type fixtureQuote struct{ text, speaker, entity string }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 9, 30, 0, 0, time.UTC) }

var fixtureArticles = []fixtureArticle{
	{
		id: "art-1", source: "okaz", url: "https://example.com/okaz/1", published: day(2023, 3, 14),
		title: "بلينكن يصل إلى بغداد في زيارة مفاجئة",
		body: "وصل وزير الخارجية الأمريكي أنتوني بلينكن إلى بغداد يوم 14 مارس 2023 في زيارة لم يعلن عنها مسبقا.\n" +
			"والتقى بلينكن رئيس الوزراء العراقي محمد شياع السوداني ووزير الخارجية فؤاد حسين.\n" +
			"وقال بلينكن إن «الولايات المتحدة ملتزمة بشراكتها مع العراق».\n" +
			"وأضاف أن الزيارة تهدف إلى بحث ملفات الطاقة والأمن.",
		dates:  map[string]string{"14 مارس 2023": "2023-03-14"},
		quotes: []fixtureQuote{{"الولايات المتحدة ملتزمة بشراكتها مع العراق", "أنتوني بلينكن", "pers-blinken"}},
	},
	{
		id: "art-2", source: "alriyadh", url: "https://example.com/alriyadh/2", published: day(2023, 3, 15),
		title: "السوداني وبلينكن يبحثان ملف الطاقة في بغداد",
		body: "بحث رئيس الوزراء العراقي محمد شياع السوداني مع وزير الخارجية الأمريكي بلنكن في بغداد أمس الثلاثاء ملف الطاقة والكهرباء.\n" +
			"وأكد السوداني أن «العراق يريد علاقات متوازنة مع جميع الدول».\n" +
			"ومن المقرر أن يزور وفد عراقي واشنطن في 20 أبريل 2023 لاستكمال المباحثات.",
		dates:  map[string]string{"أمس الثلاثاء": "2023-03-14", "20 أبريل 2023": "2023-04-20"},
		quotes: []fixtureQuote{{"العراق يريد علاقات متوازنة مع جميع الدول", "محمد شياع السوداني", "pers-sudani"}},
	},
	{
		id: "art-3", source: "alyaum", url: "https://example.com/alyaum/3", published: day(2023, 3, 16),
		title: "فؤاد حسين: زيارة بلينكن فتحت صفحة جديدة",
		body: "قال وزير الخارجية العراقي فؤاد حسين إن زيارة بلينكن إلى بغداد فتحت «صفحة جديدة في العلاقات بين البلدين».\n" +
			"وكانت واشنطن قد أعلنت في 10 مارس 2023 عن حزمة مساعدات للعراق بقيمة 50 مليون دولار.",
		dates:  map[string]string{"10 مارس 2023": "2023-03-10"},
		quotes: []fixtureQuote{{"صفحة جديدة في العلاقات بين البلدين", "فؤاد حسين", "pers-fuad"}},
	},
	{
		id: hostileID, source: `<b>evil</b>`, url: `javascript:alert(3)`, published: day(2023, 3, 17),
		title: xssScript + ` عنوان ` + xssImg,
		body: "فقرة فيها " + xssScript + " وفيها " + xssImg + " في بغداد.\n" +
			"فقرة ثانية </p></section><h1>مزيف</h1> بتاريخ 17 مارس 2023.",
		dates: map[string]string{"17 مارس 2023": "2023-03-17"},
	},
}

// spansOf returns every occurrence of sub in s that is not part of a
// longer word, as code point spans.
func spansOf(s, sub string) []news.Span {
	var out []news.Span
	for off := 0; ; {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			return out
		}
		before, _ := utf8.DecodeLastRuneInString(s[:off+i])
		after, _ := utf8.DecodeRuneInString(s[off+i+len(sub):])
		if !inWord(before) && !inWord(after) {
			start := utf8.RuneCountInString(s[:off+i])
			out = append(out, news.Span{Text: sub, Start: start, End: start + utf8.RuneCountInString(sub)})
		}
		off += i + len(sub)
	}
}

// analyze builds the analysis of a fixture article from the tables: every
// spelling of every entity (longer spellings win where they overlap), the
// dates, the quotes, and one sentence per line.
func analyze(fa fixtureArticle) news.Analysis {
	an := news.Analysis{ID: fa.id, Analyzer: "fixture"}
	off := 0
	for _, line := range strings.SplitAfter(fa.body, "\n") {
		text := strings.TrimSuffix(line, "\n")
		n := len([]rune(text))
		an.Sentences = append(an.Sentences, news.Span{Text: text, Start: off, End: off + n})
		off += len([]rune(line))
	}
	taken := map[int]bool{}
	for _, e := range fixtureEntities {
		for _, form := range e.forms {
			for _, sp := range spansOf(fa.body, form) {
				if taken[sp.Start] || taken[sp.End-1] {
					continue
				}
				for i := sp.Start; i < sp.End; i++ {
					taken[i] = true
				}
				an.Entities = append(an.Entities, news.Entity{Span: sp, Type: e.typ, EntityID: e.id, Name: e.name, Role: e.role})
			}
		}
	}
	slices.SortFunc(an.Entities, func(a, b news.Entity) int { return cmp.Compare(a.Start, b.Start) })
	for text, value := range fa.dates {
		for _, sp := range spansOf(fa.body, text) {
			an.Timexes = append(an.Timexes, news.Timex{Span: sp, Type: "date", Value: value, Granularity: "day"})
		}
	}
	slices.SortFunc(an.Timexes, func(a, b news.Timex) int { return cmp.Compare(a.Start, b.Start) })
	for _, q := range fa.quotes {
		for _, sp := range spansOf(fa.body, q.text) {
			an.Quotes = append(an.Quotes, news.Quote{Span: sp, Speaker: news.Speaker{Text: q.speaker, Name: q.speaker, EntityID: q.entity}, Cue: "قال", Direct: true})
		}
	}
	return an
}

// fillFixture puts the fixture archive into a store.
func fillFixture(ctx context.Context, st store.Store) error {
	var arts []news.Article
	var ans []news.Analysis
	for _, fa := range fixtureArticles {
		arts = append(arts, news.Article{ID: fa.id, URL: fa.url, Source: fa.source, Title: fa.title, Body: fa.body,
			Published: fa.published, DateOrigin: news.DateInput, Lang: "ar", Ingested: fa.published})
		ans = append(ans, analyze(fa))
	}
	if _, err := st.PutArticles(ctx, arts); err != nil {
		return fmt.Errorf("fixture: %w", err)
	}
	if err := st.PutAnalyses(ctx, ans); err != nil {
		return fmt.Errorf("fixture: %w", err)
	}
	visit := news.Story{ID: storyID, Title: "زيارة بلينكن إلى بغداد", First: arts[0].Published, Last: arts[2].Published}
	for _, a := range arts[:3] {
		visit.Articles = append(visit.Articles, ref(a))
	}
	hostile := news.Story{ID: "st-hostile", Title: xssScript + xssImg, First: arts[3].Published, Last: arts[3].Published,
		Articles: []news.ArticleRef{ref(arts[3])}}
	return st.PutStories(ctx, []news.Story{hostile, visit})
}
