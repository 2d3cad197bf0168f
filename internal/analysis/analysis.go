// Package analysis runs every rasid analyzer on an article and returns one
// news.Analysis: sentences, named entities with stable entity ids, temporal
// expressions resolved against the publication date, quantities, and quotes
// with their speakers. It is the only place the analyzers are composed.
//
// What callers can rely on:
//   - Every span is in Unicode code points of the article's Body, and its
//     Text is exactly the Body's runes in [Start, End).
//   - Entity ids are stable across articles and runs: an id is a hash of the
//     entity's type and the matching key of its fullest name in the article
//     (ner.Canonicalizer.Key), so spellings of one name (ترمب, ترامب; إيران,
//     ايران) share an id, and a surname alone takes the id of the full name
//     written elsewhere in the same article. An id depends on the article
//     alone, never on the order articles come in: a person named only in
//     part takes the id of the one person of the hand-written list
//     (ner.KnownPersons) that fits (اوباما → باراك اوباما), else keeps an
//     id of its own.
//   - Time expressions are resolved against Published (as the input gave
//     it: ingest never infers a date). When the article has no date, its
//     day is estimated from the title and body with
//     timex.InferPublished; when that gives one, it is recorded in
//     PublishedInferred with its confidence and the expressions are
//     resolved against it. Otherwise only expressions whose value does not
//     depend on the publication date (absolute dates, durations, sets) keep
//     a value; the others are kept with an empty value rather than a
//     guessed one.
//   - The same article and the same Version give the same Analysis.
//
// An Analyzer is read-only once built and safe for concurrent use.
package analysis

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/ner"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/quantity"
	"github.com/rasid-news/rasid/internal/quote"
	"github.com/rasid-news/rasid/internal/timex"
)

// Version identifies the analyzer build that made an analysis; it is
// stored in news.Analysis.Analyzer, and `rasid reanalyze` redoes every
// analysis made by another version. Bump it whenever a model, a word list
// or an analyzer's behaviour changes what Analyze returns.
const Version = "rasid-analysis/72"

// Analyzer runs the analyzers on articles. Build one with New or Default
// and share it: it is read-only and safe for concurrent use.
type Analyzer struct {
	ner *ner.Model
	// keys is used only for Canonicalizer.Key, which reads it.
	keys *ner.Canonicalizer
	// known are the listed full names of persons (ner.KnownPersons) by
	// their keys; bySurname indexes them by the key of their last word.
	known     []knownPerson
	bySurname map[string][]int
	listed    map[string]bool // the keys of the listed names
}

// knownPerson is a listed full name.
type knownPerson struct {
	name    string   // normalized
	key     string   // Canonicalizer.Key
	words   []string // the word keys, as in key
	ordered []string // the word keys in the name's order (Canonicalizer.WordKeys)
	// id is the key that gives the person's id: that of the shorter
	// listed name the list gives for the same person, as knownKey finds
	// it (حسن نصر الله → نصر الله), else key.
	id string
}

// New returns an Analyzer that recognizes entities with m.
func New(m *ner.Model) *Analyzer {
	an := &Analyzer{ner: m, keys: ner.NewCanonicalizer(), bySurname: map[string][]int{}, listed: map[string]bool{}}
	seen := map[string]bool{}
	for _, name := range ner.KnownPersons() {
		key := an.keys.Key(ner.PERS, name)
		if seen[key] || !strings.Contains(key, " ") {
			continue // a spelling of a name listed before (دونالد ترمب), or one given name (عبد الله)
		}
		seen[key] = true
		words := strings.Fields(name)
		sur := strings.TrimPrefix(an.keys.Key(ner.PERS, words[len(words)-1]), "PERS:")
		an.bySurname[sur] = append(an.bySurname[sur], len(an.known))
		an.listed[key] = true
		an.known = append(an.known, knownPerson{name: name, key: key, words: strings.Fields(strings.TrimPrefix(key, "PERS:")), ordered: an.keys.WordKeys(name)})
	}
	for i := range an.known {
		k := i
		for range len(an.known) { // each step goes to a shorter name
			j := an.knownKey(an.known[k].key, an.known[k].ordered)
			if j < 0 || j == k {
				break
			}
			k = j
		}
		an.known[i].id = an.known[k].key
	}
	return an
}

// knownKey returns the listed person a person name of the given key and
// word keys in order (Canonicalizer.WordKeys) stands for: for one word,
// the listed full names whose surname it is, when they are one person
// (اوباما → باراك اوباما); for a part of two words or more, the listed
// name it ends (منصور هادي → عبد ربه منصور هادي), the shortest when one
// such name ends another (عبدالله صالح → علي عبد الله صالح, not a son
// listed as أحمد علي عبد الله صالح); for a longer name, the one listed
// full name all of whose words it holds (محمد جواد ظريف → جواد ظريف),
// unless it ends with a listed name of three words or more, or with one
// after بن, as a son's name ends with his father's (أحمد علي عبد الله
// صالح). It returns -1 when there is none or more than one.
func (an *Analyzer) knownKey(key string, ordered []string) int {
	words := strings.Fields(strings.TrimPrefix(key, "PERS:"))
	if len(words) == 1 {
		found := -1
		for _, k := range an.bySurname[words[0]] {
			if found >= 0 && an.known[found].id != an.known[k].id {
				return -1 // two people with this surname
			}
			found = k
		}
		return found
	}
	found := -1
	for i, k := range an.known {
		if an.listed[key] || !endsName(k.ordered, ordered) {
			continue // a listed name is no part of another (نصر الله, حسن نصر الله)
		}
		switch {
		case found < 0 || endsName(an.known[found].ordered, k.ordered):
			found = i // the first, or one that ends the name found
		case endsName(k.ordered, an.known[found].ordered) || k.id != "" && k.id == an.known[found].id:
			// the name found ends this one (the father's in the son's),
			// or the list gives both for one person
		default:
			return -1 // two people whose names end alike
		}
	}
	if found >= 0 {
		return found
	}
	for i, k := range an.known {
		if len(k.words) < len(words) && containsAll(words, k.words) && !childOf(ordered, k.ordered) &&
			(!slices.ContainsFunc(k.ordered, ner.IsLineage) || subsequence(ordered, k.ordered)) {
			if found >= 0 && (an.known[found].id == "" || an.known[found].id != k.id) {
				return -1 // two people (ids are set once New has them all)
			}
			found = i
		}
	}
	return found
}

// endsName reports whether the word keys part are the last words of the
// longer name full, not after بن, ابن, بنت or آل: a part that follows
// them names a forebear or a family (سلمان بن عبدالعزيز in محمد بن
// سلمان بن عبدالعزيز).
func endsName(full, part []string) bool {
	n := len(full) - len(part)
	return n > 0 && slices.Equal(full[n:], part) && !ner.IsLineage(full[n-1]) && full[n-1] != "ال"
}

// childOf reports whether the name of word keys name is a child's of the
// listed name listed: it ends with listed after بن, ابن or بنت, or after
// other words when listed has three words or more, as a son's name ends
// with his father's full name (أحمد علي عبد الله صالح).
func childOf(name, listed []string) bool {
	n := len(name) - len(listed)
	if n <= 0 || !slices.Equal(name[n:], listed) {
		return false
	}
	return ner.IsLineage(name[n-1]) || len(listed) >= 3
}

// Default returns an Analyzer with the embedded entity model.
func Default() (*Analyzer, error) {
	m, err := ner.Default()
	if err != nil {
		return nil, err
	}
	return New(m), nil
}

// Two references far apart in year, month, day and weekday: an expression
// whose value is the same against both does not depend on the
// publication date.
var (
	probeA = time.Date(1987, time.March, 10, 12, 0, 0, 0, time.UTC)
	probeB = time.Date(2041, time.October, 26, 12, 0, 0, 0, time.UTC)
)

// Analyze returns the analysis of a's Body (the Title is not analyzed, so
// that every span points into one text). Body should be valid UTF-8; an
// invalid byte counts as one code point.
func (an *Analyzer) Analyze(a news.Article) news.Analysis {
	text := a.Body
	sp := newSpanner(text)
	out := news.Analysis{
		ID:         a.ID,
		Analyzer:   Version,
		Sentences:  []news.Span{},
		Entities:   []news.Entity{},
		Timexes:    []news.Timex{},
		Quantities: []news.Quantity{},
		Quotes:     []news.Quote{},
	}

	toks, sents := arabic.SplitSentences(text)
	for _, s := range sents {
		out.Sentences = append(out.Sentences, sp.span(s.Start, s.End))
	}

	ref := a.Published
	if ref.IsZero() {
		if day, conf, ok := timex.InferPublished(timex.InferenceText(a.Title, a.Body)); ok {
			ref = day.Add(12 * time.Hour) // midday: only the day is known
			out.PublishedInferred = &news.InferredDate{Date: day.Format(time.DateOnly), Confidence: conf}
		}
	}
	for _, t := range an.timexes(text, ref) {
		out.Timexes = append(out.Timexes, news.Timex{
			Span:        sp.span(t.Start, t.End),
			Type:        t.Type,
			Value:       t.Value,
			Granularity: t.Granularity,
			Hijri:       t.Hijri,
			Name:        t.Name,
		})
	}

	for _, q := range quantity.Extract(text) {
		if insideDate(q.Start, q.End, out.Timexes) {
			continue // the day or year of a date is no quantity (20 أغسطس 2020)
		}
		nq := news.Quantity{Span: sp.span(q.Start, q.End), Type: q.Type, Value: q.Value, Unit: q.Unit}
		if q.Type == quantity.TypePercent && nq.Unit == "" {
			nq.Unit = "%"
		}
		if q.Max != nil {
			nq.To = *q.Max
		}
		out.Quantities = append(out.Quantities, nq)
	}

	mentions := an.entities(a.ID, text, toks, sp, &out)

	for _, q := range quote.Extract(text, mentions) {
		s := q.Speaker
		if e, ok := weekdaySurnamed(s.Start, s.End, out.Entities); ok {
			// The speaker ends at the given name of أحمد الخميس: the
			// quote extractor stops a name at a weekday.
			s.Name, s.EntityID, s.End = e.Name, e.EntityID, e.End
		}
		who := news.Speaker{Name: s.Name, EntityID: s.EntityID}
		if s.Start >= 0 && s.End > s.Start {
			at := sp.span(s.Start, s.End)
			who.Text, who.Start, who.End = at.Text, at.Start, at.End
		} // else no speaker is written: text and span stay empty
		out.Quotes = append(out.Quotes, news.Quote{
			Span:    sp.span(q.Start, q.End),
			Speaker: who,
			Cue:     q.Cue,
			Direct:  q.Direct,
		})
	}
	return out
}

// entities recognizes the entities of text, gives them their ids and
// canonical names, appends them to out, and returns them as mentions for
// the quote extractor. toks are the tokens of text.
func (an *Analyzer) entities(id, text string, toks []arabic.Token, sp spanner, out *news.Analysis) []quote.Mention {
	ms := an.ner.Recognize(text)
	// A currency inside an amount (50 مليون دولار) is no named entity, nor
	// is God: ANERcorp tags الله alone as MISC (and the tagger reads it as
	// a person at times), which would put it at the top of every
	// archive's entities and make it a speaker (قال الله); so go its
	// forms with a clitic and its other names (لله, الرحمن), and a name
	// that is no person's the tagger begins with it (الله الحرام, cut
	// from بيت الله الحرام; a person's is the rest of a name cut short:
	// هبة | الله أخوندزاده).
	ms = slices.DeleteFunc(ms, func(m ner.Mention) bool {
		first, _, _ := strings.Cut(m.Name, " ")
		if quote.DivineName(m.Name) || m.Type != ner.PERS && quote.DivineName(first) {
			return true
		}
		for _, q := range out.Quantities {
			if q.Type == quantity.TypeMoney && q.Start <= m.Start && m.End <= q.End {
				return true
			}
		}
		return false
	})
	ms = weekdaySurnames(toks, ms, out)
	if len(ms) == 0 {
		return nil
	}
	// A fresh Canonicalizer groups the mentions of this article alone
	// (surname with full name, spelling variants); the id comes from the
	// fullest name of each group, so it does not depend on other articles.
	c := ner.NewCanonicalizer()
	local := c.Add(id, ms)
	groups := c.Entities()
	keys := make([]string, len(groups))
	for i, g := range groups {
		keys[i] = an.keys.Key(g.Type, g.Name)
	}
	// A person named in part (حسين after "حسين فؤاد", whose surname is not
	// its last word as written; عبد المهدي after عادل عبد المهدي) joins the
	// one fuller person name of the article that holds all its words.
	to := make([]int, len(groups)) // group → group whose id and name it takes
	for i, g := range groups {
		to[i] = i
		if g.Type != ner.PERS {
			continue
		}
		words := strings.Fields(strings.TrimPrefix(keys[i], "PERS:"))
		found := -1
		for j, h := range groups {
			if j == i || h.Type != ner.PERS {
				continue
			}
			full := strings.Fields(strings.TrimPrefix(keys[j], "PERS:"))
			if len(full) <= len(words) || !containsAll(full, words) || ner.Ancestor(g.Name, h.Name) {
				continue // not all its words, or its parent's name in it
			}
			if found >= 0 {
				found = -2 // two fuller names hold it: leave it alone
				break
			}
			found = j
		}
		if found >= 0 {
			to[i] = found
		}
	}
	// A person the article names only in part, or with more words than
	// the list, takes the id of the one listed person that fits, so that
	// the id is the same in the articles that write the full name.
	listed := make([]string, len(groups)) // the listed name, for a part of it alone
	for i, g := range groups {
		if g.Type != ner.PERS || to[i] != i {
			continue
		}
		ordered := an.keys.WordKeys(g.Name)
		if k := an.knownKey(keys[i], ordered); k >= 0 {
			if keys[i] != an.known[k].key && len(an.known[k].ordered) > len(ordered) {
				listed[i] = an.known[k].name // a part of the listed name
			}
			keys[i] = an.known[k].id
		}
	}
	// A place name that two places share takes the sense the article's
	// words point to (عمان: Oman or Amman).
	var words map[string]bool
	for i, g := range groups {
		h, ok := homographs[keys[i]]
		if !ok || g.Type != ner.LOC {
			continue
		}
		if words == nil {
			words = map[string]bool{}
			for _, t := range toks {
				words[t.Text] = true
				words[t.Norm] = true
			}
		}
		keys[i] = h.sense(keys[i], words)
	}
	// The display name of a group is its canonical name as the article
	// writes it (فؤاد حسين rather than the normalized فواد حسين, إيران for
	// لإيران): the written name of the first mention with that name;
	// else the normalized name.
	names := make([]string, len(groups))
	for i, m := range ms {
		if g := local[i] - 1; g >= 0 && g < len(groups) && names[g] == "" && m.Name == groups[g].Name && m.Written != "" {
			names[g] = m.Written
		}
	}
	for i, g := range groups {
		switch {
		case listed[i] != "":
			names[i] = listed[i]
		case names[i] == "":
			names[i] = g.Name
		}
	}
	qm := make([]quote.Mention, 0, len(ms))
	for i, m := range ms {
		if local[i] <= 0 || local[i] > len(groups) {
			continue // a mention with no name
		}
		g := to[local[i]-1]
		e := news.Entity{
			Span:     sp.span(m.Start, m.End),
			Type:     m.Type.String(),
			EntityID: EntityID(keys[g]),
			Name:     names[g],
			Role:     m.Role,
		}
		out.Entities = append(out.Entities, e)
		qm = append(qm, quote.Mention{Start: e.Start, End: e.End, Type: e.Type, EntityID: e.EntityID, Name: e.Name})
	}
	return qm
}

// weekdayName reports whether the normalized word norm is a weekday
// name with the article (timex.IsWeekday), which is also a family name
// (أحمد الخميس, علي الجمعة, محمد السبت).
func weekdayName(norm string) bool {
	return strings.HasPrefix(norm, "ال") && timex.IsWeekday(norm)
}

// weekdaySurnames reads a weekday written with the article right after a
// person's given name as the family name it is (أمين عام الاتحاد أحمد
// الخميس, إبراهيم بن سليمان الخميس): its date expression leaves
// out.Timexes, and the person's mention, when it ends at the given name,
// is extended over it. The given name must be one of ner's native given
// names, alone in its mention or after بن/ابن/بنت/أبو, and no other
// person of the article may end with it: نواز شريف الاثنين and هادي
// الأحد (after منصور هادي) are dated. A quote whose speaker ends at the
// given name takes the extended mention in Analyze.
func weekdaySurnames(toks []arabic.Token, ms []ner.Mention, out *news.Analysis) []ner.Mention {
	if len(out.Timexes) == 0 {
		return ms
	}
	surnames := map[string]string{} // last word → a person of two words or more ending with it
	for _, m := range ms {
		if ws := strings.Fields(m.Name); m.Type == ner.PERS && len(ws) > 1 {
			surnames[ws[len(ws)-1]] = m.Name
		}
	}
	out.Timexes = slices.DeleteFunc(out.Timexes, func(x news.Timex) bool {
		// The token the timex starts at (toks are in text order).
		k, ok := slices.BinarySearchFunc(toks, x.Start, func(t arabic.Token, start int) int { return cmp.Compare(t.Start, start) })
		if !ok || k == 0 || toks[k].End != x.End || !weekdayName(toks[k].Norm) || toks[k].Breaks > 0 {
			return false
		}
		name := toks[k-1]
		if name.Kind != arabic.Word || name.End != toks[k].Start-1 {
			return false // not the word right before it, one space apart
		}
		for i := range ms {
			m := &ms[i]
			if m.Type != ner.PERS || m.Start > name.Start || m.End < name.End {
				continue
			}
			words := strings.Fields(m.Name)
			if m.End >= x.End && len(words) > 0 && words[len(words)-1] == toks[k].Norm {
				words = words[:len(words)-1] // the mention holds the weekday already
			} else if m.End != name.End {
				return false
			}
			if len(words) == 0 || !ner.IsGivenName(words[len(words)-1]) {
				return false
			}
			if other, ok := surnames[words[len(words)-1]]; ok && other != m.Name {
				return false // هادي after منصور هادي: a surname here
			}
			if n := len(words); n > 1 && !ner.IsLineage(words[n-2]) && words[n-2] != "ابو" {
				return false // نواز شريف: a full name already, the weekday dates it
			}
			if m.End == name.End {
				m.End, m.Text = x.End, m.Text+" "+x.Text
				m.Name += " " + toks[k].Norm
				if m.Written != "" {
					m.Written += " " + x.Text
				}
			}
			return true
		}
		return false
	})
	return ms
}

// weekdaySurnamed returns the person whose name ends in a weekday
// (أحمد الخميس) and begins inside the speaker span [start, end) that ends
// right before that weekday.
func weekdaySurnamed(start, end int, es []news.Entity) (news.Entity, bool) {
	if start < 0 || end <= start {
		return news.Entity{}, false
	}
	for _, e := range es {
		if e.Type != ner.PERS.String() || e.Start < start || e.Start >= end || e.End <= end {
			continue
		}
		i := strings.LastIndexByte(e.Text, ' ')
		if i < 0 || !weekdayName(arabic.NormalizeString(e.Text[i+1:])) {
			continue
		}
		if j := strings.LastIndexByte(e.Text[:i], ' '); !ner.IsGivenName(arabic.NormalizeString(e.Text[j+1 : i])) {
			continue // بومبيو الخميس: the recognizer's, not a family name
		}
		if e.End-utf8.RuneCountInString(e.Text[i+1:])-1 == end {
			return e, true
		}
	}
	return news.Entity{}, false
}

// insideDate reports whether [start, end) lies within a date or time
// expression.
func insideDate(start, end int, xs []news.Timex) bool {
	for _, x := range xs {
		if (x.Type == timex.TypeDate || x.Type == timex.TypeTime) && x.Start <= start && end <= x.End {
			return true
		}
	}
	return false
}

// homograph is a place name that two places share, with the words that
// point to each: the first sense keeps the name's key, the second gets
// a suffix.
type homograph [2]placeSense

// placeSense is one place a homograph names.
type placeSense struct {
	suffix string   // appended to the key for this sense ("" for the first)
	cues   []string // words of an article about this place, as written or normalized
}

// homographs are the place names of news that two places share, by
// their matching key (ner.Canonicalizer.Key). عمان is Oman (عُمان) and
// Amman (عمّان), written alike without diacritics.
var homographs = map[string]homograph{
	"LOC:عمان": {
		{"", []string{"عُمان", "سلطنة", "السلطنة", "العماني", "العمانية", "العمانيين", "العمانيون", "مسقط", "صلالة", "قابوس"}},
		{"#amman", []string{"عمّان", "الاردن", "الاردنية", "الاردني", "الاردنيين"}},
	},
}

// sense returns key for the sense of h the article's words point to,
// and key unchanged when they point to both or neither.
func (h homograph) sense(key string, words map[string]bool) string {
	found := -1
	for i, s := range h {
		if slices.ContainsFunc(s.cues, func(c string) bool { return words[c] }) {
			if found >= 0 {
				return key // both: unknown
			}
			found = i
		}
	}
	if found < 0 {
		return key
	}
	return key + h[found].suffix
}

// containsAll reports whether every word of part is in full.
func containsAll(full, part []string) bool {
	for _, w := range part {
		if !slices.Contains(full, w) {
			return false
		}
	}
	return true
}

// subsequence reports whether the words part appear in full in their
// order: a name with بن reads its forebears in order, so سلمان بن محمد
// العمري does not hold محمد بن سلمان.
func subsequence(full, part []string) bool {
	i := 0
	for _, w := range full {
		if i < len(part) && w == part[i] {
			i++
		}
	}
	return i == len(part)
}

// EntityID returns the entity id of a matching key (ner.Canonicalizer.Key):
// the lower-case type and 64 bits of the key's SHA-256, e.g.
// "pers-3f9a…". Ids are the same in every run and on every machine.
func EntityID(key string) string {
	typ, _, _ := strings.Cut(key, ":")
	h := sha256.Sum256([]byte(key))
	return strings.ToLower(typ) + "-" + hex.EncodeToString(h[:8])
}

// timexes finds the temporal expressions of text resolved against
// published. With no publication date, an expression keeps its value only
// when the value is the same against two distant references; otherwise
// its value is left empty rather than guessed.
func (an *Analyzer) timexes(text string, published time.Time) []timex.Timex {
	if !published.IsZero() {
		return timex.Extract(text, published)
	}
	xa := timex.Extract(text, probeA)
	type span struct{ start, end int }
	xb := map[span]timex.Timex{}
	for _, x := range timex.Extract(text, probeB) {
		xb[span{x.Start, x.End}] = x
	}
	for i, x := range xa {
		if y, ok := xb[span{x.Start, x.End}]; !ok || y.Value != x.Value || y.Hijri != x.Hijri {
			xa[i].Value, xa[i].Hijri = "", ""
		}
	}
	return xa
}

// spanner cuts spans of a text by code point offsets.
type spanner struct {
	text   string
	byteAt []int // byte offset of each code point, and len(text) at the end
}

func newSpanner(text string) spanner {
	byteAt := make([]int, 0, len(text)+1)
	for i := range text {
		byteAt = append(byteAt, i)
	}
	return spanner{text: text, byteAt: append(byteAt, len(text))}
}

// span returns the span [start, end) with its text; offsets out of range
// are clamped so that a faulty analyzer never makes Analyze panic.
func (s spanner) span(start, end int) news.Span {
	n := len(s.byteAt) - 1
	start = min(max(start, 0), n)
	end = min(max(end, start), n)
	return news.Span{Text: s.text[s.byteAt[start]:s.byteAt[end]], Start: start, End: end}
}
