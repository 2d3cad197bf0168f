// Package card builds the story card: what rasid tells a reader about one
// story, from the story's articles and their stored analyses — a title
// taken from the most central headline, the time span, the outlets, the
// key entities with their roles, the quotes grouped by speaker, the key
// figures (money, counts, percentages), the timeline of dated events and
// an extractive summary, each line citing the article it comes from.
//
// Build is a pure function of its inputs, safe for concurrent use; the
// renderers (Markdown, HTML, Text) write a card as documents for people,
// while the Card value itself is the JSON contract of rasid story --json.
package card

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/quote"
	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/story"
	"github.com/rasid-news/rasid/internal/summary"
)

// Card is the story card. Article ids cite news.Article.ID.
type Card struct {
	ID       string            `json:"id"`
	Title    string            `json:"title"`
	First    time.Time         `json:"first,omitzero"`
	Last     time.Time         `json:"last,omitzero"`
	Outlets  []Outlet          `json:"outlets"`
	Articles []news.ArticleRef `json:"articles"`
	Entities []Entity          `json:"entities"`
	Quotes   []Speaker         `json:"quotes"`
	Figures  []Figure          `json:"figures"`
	Timeline []Event           `json:"timeline"`
	Summary  []Sentence        `json:"summary"`
}

// Outlet is an outlet that told the story, with its number of articles.
type Outlet struct {
	Name     string `json:"name"`
	Articles int    `json:"articles"`
}

// Entity is a key entity of the story.
type Entity struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Roles    []string `json:"roles,omitempty"` // titles written before the name, most frequent first
	Mentions int      `json:"mentions"`
	Articles int      `json:"articles"`
}

// Speaker is one speaker's quotes.
type Speaker struct {
	Name     string  `json:"speaker"`
	EntityID string  `json:"entity_id,omitempty"`
	Quotes   []Quote `json:"quotes"`
}

// Quote is a statement with the article it comes from.
type Quote struct {
	Text    string `json:"text"`
	Article string `json:"article"`
	Direct  bool   `json:"direct"`
}

// Figure is a key figure: an amount of money, a count, a percentage.
type Figure struct {
	Text     string   `json:"text"` // as written
	Type     string   `json:"type"`
	Value    float64  `json:"value"`
	Unit     string   `json:"unit,omitempty"`
	Context  string   `json:"context"` // the sentence it is in
	Articles []string `json:"articles"`
}

// Event is an entry of the timeline: what happened on a date (TIMEX3
// value: YYYY, YYYY-MM or YYYY-MM-DD) and the articles that tell it.
type Event struct {
	Date    string   `json:"date"`
	Text    string   `json:"text"`
	Sources []string `json:"sources"` // article ids
	Outlets []string `json:"outlets"`
}

// Sentence is a summary sentence and the article it comes from.
type Sentence struct {
	Text    string `json:"text"`
	Article string `json:"article"`
}

// Options bound a card.
type Options struct {
	Entities, Speakers, QuotesPerSpeaker, Figures, Events int
	// MaxEventRunes shortens long timeline sentences.
	MaxEventRunes int
	Summary       summary.Options
}

// DefaultOptions returns the bounds of the card rasid prints.
func DefaultOptions() Options {
	return Options{Entities: 10, Speakers: 6, QuotesPerSpeaker: 3, Figures: 8, Events: 25, MaxEventRunes: 280,
		Summary: summary.DefaultOptions()}
}

// Build makes the card of s from its articles and their analyses (keyed
// by article id; an article without one contributes its text only).
// Articles are read in publication order whatever order they come in.
func Build(s news.Story, arts []news.Article, analyses map[string]news.Analysis, opt Options) Card {
	arts = slices.Clone(arts)
	slices.SortStableFunc(arts, func(a, b news.Article) int {
		return cmp.Or(compareTime(a.Published, b.Published), cmp.Compare(a.ID, b.ID))
	})
	c := Card{ID: s.ID, First: s.First, Last: s.Last}
	// Outlets are counted by store.SourceKey (إيلاف and ايلاف are one),
	// each named by its most common written form.
	outlets := map[string]int{}
	var forms store.SourceGroup
	for _, a := range arts {
		c.Articles = append(c.Articles, a.Ref())
		if strings.TrimSpace(a.Source) != "" {
			forms.Add(a.Source, 1)
		}
	}
	for _, a := range arts {
		if strings.TrimSpace(a.Source) != "" {
			name := forms.Name(a.Source)
			if outlets[name] == 0 {
				c.Outlets = append(c.Outlets, Outlet{Name: name})
			}
			outlets[name]++
		}
		if !a.Published.IsZero() {
			if c.First.IsZero() || a.Published.Before(c.First) {
				c.First = a.Published
			}
			if a.Published.After(c.Last) {
				c.Last = a.Published
			}
		}
	}
	for i := range c.Outlets {
		c.Outlets[i].Articles = outlets[c.Outlets[i].Name]
	}
	slices.SortStableFunc(c.Outlets, func(a, b Outlet) int { return cmp.Compare(b.Articles, a.Articles) })
	c.Title = CentralTitle(arts)
	if c.Title == "" {
		c.Title = s.Title
	}
	c.Entities = entities(arts, analyses, opt.Entities)
	c.Quotes = quotes(arts, analyses, opt)
	c.Figures = figures(arts, analyses, opt.Figures)
	c.Timeline = timeline(arts, analyses, opt)
	var docs []summary.Document
	for _, a := range arts {
		docs = append(docs, summary.Document{ID: a.ID, Published: a.Published, Text: a.Body})
	}
	for _, st := range summary.Summarize(docs, opt.Summary) {
		c.Summary = append(c.Summary, Sentence{Text: st.Text, Article: st.Doc})
	}
	c.nonNil()
	return c
}

// nonNil makes empty lists encode as [] rather than null.
func (c *Card) nonNil() {
	if c.Outlets == nil {
		c.Outlets = []Outlet{}
	}
	if c.Articles == nil {
		c.Articles = []news.ArticleRef{}
	}
	if c.Entities == nil {
		c.Entities = []Entity{}
	}
	if c.Quotes == nil {
		c.Quotes = []Speaker{}
	}
	if c.Figures == nil {
		c.Figures = []Figure{}
	}
	if c.Timeline == nil {
		c.Timeline = []Event{}
	}
	if c.Summary == nil {
		c.Summary = []Sentence{}
	}
}

// compareTime orders times with the zero time last.
func compareTime(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// CentralTitle returns the headline closest to the story as a whole: the
// one whose content stems have the highest cosine with the centroid of
// all headlines and leads (the first ~60 words of each body), with IDF
// over the story's own headlines so words every headline shares still
// count but rare words count more. Ties go to the earlier article. An
// agency's desk label before the headline is left out (StripDesk). When no
// article has a headline, it is the opening of the first one's body
// (news.Article.Headline).
func CentralTitle(arts []news.Article) string {
	type bag map[string]float64
	var titles []bag
	centroid := bag{}
	for _, a := range arts {
		t := bag{}
		for _, w := range story.Terms(a.Title) {
			t[w]++
		}
		titles = append(titles, t)
		for w, f := range t {
			centroid[w] += f
		}
		for _, w := range story.Terms(lead(a.Body, 60)) {
			centroid[w] += 0.5
		}
	}
	best, bestScore := "", -1.0
	for i, t := range titles {
		if len(t) == 0 || strings.TrimSpace(arts[i].Title) == "" {
			continue
		}
		var dot, nt float64
		for w, f := range t {
			dot += f * centroid[w]
			nt += f * f
		}
		score := dot / math.Sqrt(nt)
		if score > bestScore {
			best, bestScore = StripDesk(arts[i].Title), score
		}
	}
	if best == "" && len(arts) > 0 {
		return arts[0].Headline()
	}
	return best
}

// deskLabels are the names of the desks that the Saudi Press Agency (واس)
// writes before its headlines ("عام / …", "سياسي / …"), normalized.
var deskLabels = map[string]bool{
	"عام": true, "سياسي": true, "اقتصادي": true, "ثقافي": true, "رياضي": true, "اجتماعي": true,
	"تقرير": true, "صحي": true, "دولي": true, "محلي": true, "امني": true, "تعليمي": true,
}

// StripDesk returns a headline without the desk label an agency writes
// before it (عام / نائب خادم الحرمين الشريفين يرأس جلسة مجلس الوزراء →
// نائب خادم الحرمين الشريفين يرأس جلسة مجلس الوزراء), trimmed; other
// headlines come back trimmed.
func StripDesk(title string) string {
	title = strings.TrimSpace(title)
	label, rest, ok := strings.Cut(title, "/")
	if !ok || !deskLabels[arabic.NormalizeString(strings.TrimSpace(label))] || !strings.HasPrefix(rest, " ") {
		return title
	}
	if rest = strings.TrimSpace(rest); rest == "" {
		return title
	}
	return rest
}

// lead returns the first n words of text.
func lead(text string, n int) string {
	fs := strings.Fields(text)
	if len(fs) > n {
		fs = fs[:n]
	}
	return strings.Join(fs, " ")
}

func entities(arts []news.Article, analyses map[string]news.Analysis, limit int) []Entity {
	type agg struct {
		e        Entity
		names    map[string]int
		roles    map[string]int
		articles map[string]bool
		first    int
	}
	byKey := map[string]*agg{}
	var order []string
	for _, a := range arts {
		an, ok := analyses[a.ID]
		if !ok {
			continue
		}
		for _, m := range an.Entities {
			k := story.EntityKey(m.Type, m.EntityID, m.Name)
			g := byKey[k]
			if g == nil {
				g = &agg{e: Entity{ID: m.EntityID, Type: m.Type}, names: map[string]int{}, roles: map[string]int{}, articles: map[string]bool{}, first: len(order)}
				if g.e.ID == "" {
					g.e.ID = k
				}
				byKey[k] = g
				order = append(order, k)
			}
			g.e.Mentions++
			g.names[m.Name]++
			if m.Role != "" {
				g.roles[m.Role]++
			}
			g.articles[a.ID] = true
		}
	}
	// A surname alone (الاتاسي, in an article that never writes the full
	// name, so the recognizer gave it an id of its own) joins the one
	// person of the story whose fuller name ends with it; two such persons
	// leave it alone. The fuller name stays the entity's name.
	// The words of each person's names of more than one word, computed
	// once rather than for every surname they are tried against.
	fuller := map[*agg][][]string{}
	for _, g := range byKey {
		if g.e.Type != "PERS" {
			continue
		}
		for n := range g.names {
			if ws := nameWords(n); len(ws) > 1 {
				fuller[g] = append(fuller[g], ws)
			}
		}
	}
	for _, k := range order {
		g := byKey[k]
		if g.e.Type != "PERS" {
			continue
		}
		ws := nameWords(mostFrequent(g.names))
		if len(ws) != 1 {
			continue
		}
		endsWith := func(ow []string) bool { return sameOrSurname(ws, ow) }
		var into *agg
		for _, o := range order {
			h := byKey[o]
			if h == g || h.e.Mentions == 0 || !slices.ContainsFunc(fuller[h], endsWith) {
				continue
			}
			if into != nil {
				into = nil
				break
			}
			into = h
		}
		if into == nil {
			continue
		}
		into.e.Mentions += g.e.Mentions
		for r, n := range g.roles {
			into.roles[r] += n
		}
		for id := range g.articles {
			into.articles[id] = true
		}
		g.e.Mentions = 0 // joined
	}
	var out []Entity
	for _, k := range order {
		g := byKey[k]
		g.e.Name = mostFrequent(g.names)
		g.e.Roles = byCount(g.roles, 3)
		g.e.Articles = len(g.articles)
		if g.e.Name == "" || g.e.Mentions == 0 {
			continue
		}
		out = append(out, g.e)
	}
	slices.SortStableFunc(out, func(a, b Entity) int {
		return cmp.Or(cmp.Compare(b.Articles, a.Articles), cmp.Compare(b.Mentions, a.Mentions))
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// mostFrequent returns the most frequent key (ties: the longest, then the
// first in byte order).
func mostFrequent(m map[string]int) string {
	if l := byCount(m, 1); len(l) > 0 {
		return l[0]
	}
	return ""
}

// byCount returns up to n keys, most frequent first (ties: longest, then
// byte order).
func byCount(m map[string]int, n int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		if k != "" {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(len(b), len(a)), strings.Compare(a, b))
	})
	if len(keys) > n {
		keys = keys[:n]
	}
	return keys
}

func quotes(arts []news.Article, analyses map[string]news.Analysis, opt Options) []Speaker {
	byKey := map[string]*Speaker{}
	var order []string
	cores := quoteCores{}
	for _, a := range arts {
		an, ok := analyses[a.ID]
		if !ok {
			continue
		}
		for _, q := range an.Quotes {
			name := strings.TrimSpace(q.Speaker.Name)
			if name == "" {
				name = strings.TrimSpace(q.Speaker.Text)
			}
			if name == "" || strings.TrimSpace(q.Text) == "" || quote.Scripture(name) {
				continue // a cited verse or hadith is no statement of the story
			}
			k := q.Speaker.EntityID
			if k == "" { // spellings of one name meet (الأتاسي, الأتاسى)
				k = "name:" + arabic.FoldTehMarbuta(arabic.NormalizeString(name))
			}
			sp := byKey[k]
			if sp == nil {
				sp = &Speaker{Name: name, EntityID: q.Speaker.EntityID}
				byKey[k] = sp
				order = append(order, k)
			}
			if cores.holds(sp.Quotes, q.Text) {
				continue
			}
			sp.Quotes = append(sp.Quotes, Quote{Text: strings.TrimSpace(q.Text), Article: a.ID, Direct: q.Direct})
		}
	}
	order = mergeSpeakers(byKey, order, cores)
	var out []Speaker
	for _, k := range order {
		sp := *byKey[k]
		sp.Quotes = dedupeQuotes(sp.Quotes, cores)
		out = append(out, sp)
	}
	slices.SortStableFunc(out, func(a, b Speaker) int { return cmp.Compare(len(b.Quotes), len(a.Quotes)) })
	if len(out) > opt.Speakers {
		out = out[:opt.Speakers]
	}
	for i := range out {
		if len(out[i].Quotes) > opt.QuotesPerSpeaker {
			out[i].Quotes = out[i].Quotes[:opt.QuotesPerSpeaker]
		}
	}
	return out
}

// quoteCore is a quote as the card compares quotes: its words (any
// script), numbers and hashtags in normalized form, teh marbuta folded,
// one space apart and one at each end, without punctuation and quotation
// marks, so that the copies of one statement in several outlets (، or
// ",", " or “”, إلا أن or الا ان) compare equal, and a direct quote
// inside the reported speech that carries it is contained, whole words
// at a time.
func quoteCore(text string) string {
	var b strings.Builder
	b.WriteByte(' ')
	for _, t := range arabic.Tokenize(text) {
		if t.IsWordLike() && t.Norm != "" { // a lone tatweel normalizes to nothing
			b.WriteString(arabic.FoldTehMarbuta(t.Norm))
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// quoteCores remembers the quoteCore of each quote text of one card, so
// that a text is tokenized once however often it is compared.
type quoteCores map[string]string

// of returns quoteCore(text).
func (qc quoteCores) of(text string) string {
	c, ok := qc[text]
	if !ok {
		c = quoteCore(text)
		qc[text] = c
	}
	return c
}

// holds reports whether one of qs has the same core as text.
func (qc quoteCores) holds(qs []Quote, text string) bool {
	c := qc.of(text)
	return slices.ContainsFunc(qs, func(x Quote) bool { return qc.of(x.Text) == c })
}

// dedupeQuotes leaves out the quotes of one speaker that another of the
// speaker's quotes already holds: the direct quote inside the reported
// speech it was found in (قال إن «…»: one quote twice), and the same
// statement as another outlet copied it. Of two equal ones the first
// stays.
func dedupeQuotes(qs []Quote, qc quoteCores) []Quote {
	cores := make([]string, len(qs))
	for i, q := range qs {
		cores[i] = qc.of(q.Text)
	}
	var out []Quote
	for i, q := range qs {
		held := false
		for j := range qs {
			if j != i && strings.Contains(cores[j], cores[i]) && (len(cores[j]) > len(cores[i]) || j < i) {
				held = true
				break
			}
		}
		if !held {
			out = append(out, q)
		}
	}
	return out
}

// mergeSpeakers joins a speaker to the one other speaker it names across
// the story: a speaker known only by name to the same name spelled
// otherwise (أثير الجبورى beside أثير الجبوري), and a surname alone
// (الجبوري), with or without an entity id of its own, to the one fuller
// name of the story that ends with it. Two full names with entity ids are
// never joined: the recognizer told them apart. It returns the order of
// the speakers left.
func mergeSpeakers(byKey map[string]*Speaker, order []string, cores quoteCores) []string {
	gone := map[string]bool{}
	into := func(k string) string {
		ws := nameWords(byKey[k].Name)
		if len(ws) == 0 {
			return ""
		}
		found := ""
		for _, o := range order {
			if o == k || gone[o] || !sameOrSurname(ws, nameWords(byKey[o].Name)) {
				continue
			}
			if found != "" {
				return "" // two speakers fit: leave it alone
			}
			found = o
		}
		return found
	}
	var kept []string
	for _, k := range order {
		sp := byKey[k]
		if sp.EntityID == "" || len(nameWords(sp.Name)) == 1 {
			if o := into(k); o != "" {
				t := byKey[o]
				for _, q := range sp.Quotes {
					if !cores.holds(t.Quotes, q.Text) {
						t.Quotes = append(t.Quotes, q)
					}
				}
				gone[k] = true
				continue
			}
		}
		kept = append(kept, k)
	}
	return kept
}

// nameWords returns the words of a person's name as the card matches
// names across a story: normalized, teh marbuta folded, each without its
// article (الأتاسي and الاتاسى give اتاسي).
func nameWords(name string) []string {
	ws := strings.Fields(arabic.FoldTehMarbuta(arabic.NormalizeString(name)))
	for i, w := range ws {
		if r := strings.TrimPrefix(w, "ال"); len([]rune(r)) >= 2 {
			ws[i] = r
		}
	}
	return ws
}

// sameOrSurname reports whether the name words ws are the name ow, or
// the surname alone of the fuller name ow.
func sameOrSurname(ws, ow []string) bool {
	return slices.Equal(ws, ow) || len(ws) == 1 && len(ow) > 1 && ow[len(ow)-1] == ws[0]
}

// figures keeps money, counts of at least two and percentages; one value
// with one unit told by several articles is one figure.
func figures(arts []news.Article, analyses map[string]news.Analysis, limit int) []Figure {
	byKey := map[string]*Figure{}
	var order []string
	for _, a := range arts {
		an, ok := analyses[a.ID]
		if !ok {
			continue
		}
		for _, q := range an.Quantities {
			if insideTimex(an.Timexes, q.Start, q.End) {
				continue // a year or a day, not a figure
			}
			switch {
			case q.Type == "money", q.Type == "percent":
			case q.Type == "count" && q.Value >= 2:
			default:
				continue
			}
			k := fmt.Sprintf("%s|%g|%s", q.Type, q.Value, q.Unit)
			f := byKey[k]
			if f == nil {
				f = &Figure{Text: q.Text, Type: q.Type, Value: q.Value, Unit: q.Unit, Context: sentenceAt(a.Body, an.Sentences, q.Start)}
				byKey[k] = f
				order = append(order, k)
			}
			if !slices.Contains(f.Articles, a.ID) {
				f.Articles = append(f.Articles, a.ID)
			}
		}
	}
	var out []Figure
	for _, k := range order {
		out = append(out, *byKey[k])
	}
	rank := map[string]int{"money": 0, "count": 1, "percent": 2}
	slices.SortStableFunc(out, func(a, b Figure) int {
		return cmp.Or(cmp.Compare(len(b.Articles), len(a.Articles)), cmp.Compare(rank[a.Type], rank[b.Type]))
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// insideTimex reports whether [start, end) overlaps a time expression.
func insideTimex(ts []news.Timex, start, end int) bool {
	for _, t := range ts {
		if start < t.End && t.Start < end {
			return true
		}
	}
	return false
}

// sentenceAt returns the sentence of body that holds code point offset
// at, or "".
func sentenceAt(body string, sents []news.Span, at int) string {
	if i := sentenceIndex(sents, at); i >= 0 {
		return strings.TrimSpace(sentenceText(body, sents[i]))
	}
	return ""
}

// timeline turns the dated statements of the analyses into story events:
// every sentence with a date expression resolved to a year, a month or a
// day is a mention of an event on that date; a year that ends a name
// (news.Timex.Name: كأس العالم 2018) dates none. A sentence with several
// dates is placed at its most precise one (the first of those), so that
// one statement makes one event. Outlets count by store.SourceKey, named
// by their most common written form, as in the card's outlets.
func timeline(arts []news.Article, analyses map[string]news.Analysis, opt Options) []Event {
	var forms store.SourceGroup
	for _, a := range arts {
		forms.Add(a.Source, 1)
	}
	var ms []story.Mention
	for i, a := range arts {
		an, ok := analyses[a.ID]
		if !ok {
			continue
		}
		type pick struct {
			date  string
			start int
		}
		bySentence := map[int]pick{}
		var order []int
		for _, t := range an.Timexes {
			if t.Type != "date" && t.Type != "time" || t.Name {
				continue // كأس العالم 2018: the year of a name dates no event
			}
			date := t.Value
			if len(date) > 10 && date[10] == 'T' { // a time of a day: the day
				date = date[:10]
			}
			if !isCalendarDate(date) {
				continue
			}
			si := sentenceIndex(an.Sentences, t.Start)
			if si < 0 {
				continue
			}
			p, seen := bySentence[si]
			if !seen {
				order = append(order, si)
			}
			if !seen || len(date) > len(p.date) {
				bySentence[si] = pick{date, t.Start}
			}
		}
		for _, si := range order {
			raw := sentenceText(a.Body, an.Sentences[si])
			text := strings.TrimSpace(raw)
			if text == "" || !tellsEvent(raw, an.Sentences[si], an) {
				continue
			}
			ms = append(ms, story.Mention{Article: a.ID, Source: forms.Name(a.Source), Date: bySentence[si].date, Text: news.Shorten(text, opt.MaxEventRunes), Order: i})
		}
	}
	var out []Event
	for _, e := range story.Timeline(ms, opt.Events) {
		out = append(out, Event{Date: e.Date, Text: e.Text, Sources: e.Sources, Outlets: e.Outlets})
	}
	return out
}

// datelineWord reports the words of a wire dateline or a clock line
// besides its place and its dates (normalized): the agencies' names
// (news.IsWireService), الموافق between the Hijri and the Gregorian day, and the
// bylines' متابعات/وكالات. (tellsEvent drops words of one letter too: هـ,
// م, ت م for Mecca time, أ ف ب.)
func datelineWord(w string) bool {
	return news.IsWireService(w) || w == "الموافق" || w == "متابعات" || w == "وكالات"
}

// tellsEvent reports whether sentence s, whose text (sentenceText) is
// text, tells something besides its dates. A wire dateline (الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015
// م واس: a place, the day and the agency) or a clock alone (13:37 ت م)
// tells no event: its date is the article's, kept in the analysis as the
// evidence of the publication day, but it is no entry of a timeline. What
// is left of the sentence once its time expressions, its named entities,
// the dateline words and one-letter words are taken out must be a word,
// or more than two words when a wire service is named.
func tellsEvent(text string, s news.Span, an news.Analysis) bool {
	// The time expressions and entities of the sentence, gathered once:
	// a token of it can overlap no other.
	var spans [][2]int
	for _, t := range an.Timexes {
		if t.Start < s.End && s.Start < t.End {
			spans = append(spans, [2]int{t.Start, t.End})
		}
	}
	for _, e := range an.Entities {
		if e.Start < s.End && s.Start < e.End {
			spans = append(spans, [2]int{e.Start, e.End})
		}
	}
	covered := func(start, end int) bool {
		return slices.ContainsFunc(spans, func(sp [2]int) bool { return sp[0] < end && start < sp[1] })
	}
	rest, agency := 0, false
	for _, tok := range arabic.Tokenize(text) {
		if tok.Kind != arabic.Word {
			continue
		}
		if news.IsWireService(tok.Norm) {
			agency = true
		}
		if datelineWord(tok.Norm) || len([]rune(tok.Norm)) == 1 || covered(s.Start+tok.Start, s.Start+tok.End) {
			continue
		}
		rest++
	}
	return rest > 2 || rest > 0 && !agency
}

// isCalendarDate accepts YYYY, YYYY-MM and YYYY-MM-DD.
func isCalendarDate(d string) bool {
	if len(d) != 4 && len(d) != 7 && len(d) != 10 {
		return false
	}
	for i := 0; i < len(d); i++ {
		if i == 4 || i == 7 {
			if d[i] != '-' {
				return false
			}
		} else if d[i] < '0' || d[i] > '9' {
			return false
		}
	}
	return true
}

// sentenceIndex returns the index of the sentence holding code point
// offset at, or -1.
func sentenceIndex(sents []news.Span, at int) int {
	for i, s := range sents {
		if s.Start <= at && at < s.End {
			return i
		}
	}
	return -1
}

// sentenceText returns the text of a sentence span of body.
func sentenceText(body string, s news.Span) string {
	if s.Text != "" {
		return s.Text
	}
	r := []rune(body)
	if 0 <= s.Start && s.Start <= s.End && s.End <= len(r) {
		return string(r[s.Start:s.End])
	}
	return ""
}
