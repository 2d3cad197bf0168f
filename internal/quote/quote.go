package quote

import (
	"sort"
	"strings"

	"github.com/rasid-news/rasid/internal/arabic"
)

// Form is how a quote is reported.
type Form string

// The forms of a quote.
const (
	FormDirect   Form = "direct"   // the speaker's words in quotation marks
	FormIndirect Form = "indirect" // a reported clause (قال إن …)
	FormNominal  Form = "nominal"  // a speech verb with a noun complement (أفادت بمقتل …)
)

// Mention is an entity mention found by a recognizer, given to Extract so
// that speakers carry the entity's canonical name and id. Start and End
// are code points into the text.
type Mention struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Type     string `json:"type"` // PERS, ORG, LOC, MISC (or lower-case names)
	EntityID string `json:"entity_id"`
	Name     string `json:"name"` // canonical name
}

// Speaker is who a quote is attributed to.
type Speaker struct {
	// Text is the speaker as written, at [Start, End): the phrase next to
	// the cue, or for an implied subject the mention it refers to.
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Name is the resolved name: the person's full name without title,
	// or the organization or source as written.
	Name     string `json:"name"`
	EntityID string `json:"entity_id,omitempty"`
	// Type is person, organization, anonymous, or unknown.
	Type string `json:"type"`
	// Implied is true when the cue names no speaker of its own (وأضاف،
	// مضيفا، معاليه، من جهته) and Text is the antecedent.
	Implied bool `json:"implied"`
}

// Quote is one quotation or piece of reported speech.
type Quote struct {
	// Text is the quoted content at [Start, End), without quotation marks
	// and without the complementizer (أن، إن) that opens reported speech.
	Text     string  `json:"text"`
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Cue      string  `json:"cue"` // the cue word as written, without a conjunction; empty when none
	CueStart int     `json:"cue_start"`
	CueEnd   int     `json:"cue_end"`
	Direct   bool    `json:"direct"`
	Form     Form    `json:"form"`
	Speaker  Speaker `json:"speaker"`
}

// Extract returns the quotes of text in the order of their start. The
// mentions, when not nil, are entity mentions of the same text (from the
// entity recognizer); a speaker covered by a person or organization
// mention takes its canonical name and entity id.
func Extract(text string, mentions []Mention) []Quote {
	toks := arabic.Tokenize(text)
	if len(toks) == 0 {
		return nil
	}
	x := newExtractor(text, toks, mentions)
	x.run()
	sort.SliceStable(x.quotes, func(i, j int) bool { return x.quotes[i].Start < x.quotes[j].Start })
	return x.quotes
}

// extractor holds the state of one Extract call.
type extractor struct {
	text      string
	cps       []int // byte offset of each code point, plus len(text)
	toks      []arabic.Token
	norm      []string // normalized token text
	sentEnd   []int    // for each token, the index of the last token of its sentence
	sentFirst []int    // for each token, the index of the first token of its sentence
	pairs     []pair
	pairAt    map[int]int // opening or closing mark token → index in pairs
	inPair    []int       // for each token, the innermost pair holding it, or -1
	mentions  []Mention
	people    []person
	refs      []personRef // person mentions by position
	quotes    []Quote
	// speakers heard so far, for title and pronoun resolution
	heard []heardSpeaker
}

type heardSpeaker struct {
	pos  int // token index of the cue
	sp   Speaker
	toks []string // content tokens of the speaker phrase, article stripped
}

func newExtractor(text string, toks []arabic.Token, mentions []Mention) *extractor {
	x := &extractor{text: text, toks: toks, mentions: mentions}
	x.cps = make([]int, 0, len(text)+1)
	for i := range text {
		x.cps = append(x.cps, i)
	}
	x.cps = append(x.cps, len(text))
	x.norm = make([]string, len(toks))
	for i, t := range toks {
		x.norm[i] = t.Norm
		if t.Kind == arabic.Punct || t.Kind == arabic.Symbol {
			x.norm[i] = t.Text
		}
	}
	x.sentEnd = make([]int, len(toks))
	x.sentFirst = make([]int, len(toks))
	for _, s := range arabic.Sentences(toks) {
		for k := s.First; k <= s.Last && k < len(toks); k++ {
			x.sentEnd[k], x.sentFirst[k] = s.Last, s.First
		}
	}
	x.pairs = pairMarks(toks)
	sort.Slice(x.pairs, func(i, j int) bool { return x.pairs[i].open < x.pairs[j].open })
	x.pairAt = make(map[int]int, 2*len(x.pairs))
	x.inPair = make([]int, len(toks))
	for i := range x.inPair {
		x.inPair[i] = -1
	}
	for pi, p := range x.pairs {
		x.pairAt[p.open] = pi
		if p.closed {
			x.pairAt[p.close] = pi
		}
		for k := p.first(); k <= p.last(); k++ {
			x.inPair[k] = pi // later (inner) pairs overwrite outer ones
		}
	}
	x.findPeople()
	return x
}

// slice returns the original text between code points start and end.
func (x *extractor) slice(start, end int) string {
	if start < 0 || end > len(x.cps)-1 || start >= end {
		return ""
	}
	return x.text[x.cps[start]:x.cps[end]]
}

func (x *extractor) isPunct(k string, i int) bool {
	return i >= 0 && i < len(x.toks) && x.toks[i].Kind == arabic.Punct && x.toks[i].Text == k
}

func (x *extractor) isComma(i int) bool {
	return x.isPunct("،", i) || x.isPunct(",", i)
}

func (x *extractor) isStop(i int) bool {
	return i >= 0 && i < len(x.toks) && x.toks[i].Kind == arabic.Punct && isTerminal(x.toks[i].Text)
}

// pairOpenAt returns the pair opening at token i.
func (x *extractor) pairOpenAt(i int) (int, bool) {
	pi, ok := x.pairAt[i]
	if !ok || x.pairs[pi].open != i {
		return 0, false
	}
	return pi, true
}

// wordCount counts the word-like tokens in [from, to].
func (x *extractor) wordCount(from, to int) int {
	n := 0
	for k := max(from, 0); k <= to && k < len(x.toks); k++ {
		if x.toks[k].IsWordLike() {
			n++
		}
	}
	return n
}

// run finds every cue and builds its quotes.
func (x *extractor) run() {
	for i := 0; i < len(x.toks); i++ {
		if x.toks[i].Kind != arabic.Word {
			continue
		}
		kind, base := lookupCue(x.norm[i])
		if kind == cueNone || i > 0 && has(notCueAfter, x.norm[i-1]) {
			continue
		}
		x.cue(i, kind, base)
	}
	x.looseQuotes()
}

// cue builds the quotes reported by the cue word at token i.
func (x *extractor) cue(i int, kind cueKind, base string) {
	limit := x.sentEnd[i]
	if pi := x.inPair[i]; pi >= 0 && x.pairs[pi].last() < limit {
		limit = x.pairs[pi].last() // a cue inside a quotation stays inside it
	}
	conj := base != x.norm[i]

	// The cue after the quotation: «…»، قال فلان.
	if kind == cueFinite && !conj {
		if pi, ok := x.quoteBefore(i); ok {
			npFirst, npLast := x.phraseAfter(i+1, limit)
			sp := x.resolve(i, npFirst, npLast)
			x.emitPair(pi, i, sp)
			return
		}
	}

	var sp Speaker
	searchFrom := i + 1
	switch {
	case base == "نقل" || base == "نقلت":
		// نقل X عن Y …: the speaker is Y.
		k := i + 1
		for ; k <= limit && k < i+15; k++ {
			if x.norm[k] == "عن" {
				break
			}
		}
		if k > limit || k >= i+15 {
			return
		}
		f, l, next := x.subjectAt(k+1, limit)
		if l < f {
			return
		}
		sp = x.resolve(i, f, l)
		searchFrom = next
		// نقل … عن فلان قوله: leave it to the nominal cue.
		for k := searchFrom; k <= limit && k < searchFrom+4; k++ {
			if kk, _ := lookupCue(x.norm[k]); kk == cueNominal {
				return
			}
		}
	case kind == cueNominal:
		// عن فلان قوله: the speaker is the phrase after عن.
		f, l := -1, -2
		for k := i - 1; k >= 0 && k > i-14 && !x.isStop(k); k-- {
			if x.norm[k] == "عن" {
				f, l = x.phraseAfter(k+1, i-1)
				break
			}
		}
		sp = x.resolve(i, f, l)
	case kind == cueParticiple:
		sp = x.resolve(i, -1, -2)
	default:
		f, l, next := x.subjectAt(i+1, limit)
		if l >= f && has(prayerCues, base) && x.divineAt(f) {
			f, l = -1, -2 // دعا الله أن: God is the one prayed to
		}
		if l >= f {
			searchFrom = next
		} else if bf, bl := x.phraseBefore(i); bl >= bf {
			f, l = bf, bl
		}
		sp = x.resolve(i, f, l)
	}
	x.reported(i, base, searchFrom, limit, sp)
}

// subjectAt returns the speaker phrase at from and the token after it;
// a short quoted name counts as one (وصرّح "فالون" …، عن "فالون"). The
// outlet the words were said to, between the cue and its subject, is
// passed over (addressee).
func (x *extractor) subjectAt(from, limit int) (int, int, int) {
	from = x.addressee(from, limit)
	if pi, ok := x.pairOpenAt(from); ok && x.pairs[pi].closed && from+1 < len(x.toks) &&
		x.wordCount(x.pairs[pi].first(), x.pairs[pi].last()) <= 3 && (x.nameLike(from+1) || x.quotedName(pi)) {
		x.pairs[pi].used = true
		return x.pairs[pi].first(), x.pairs[pi].last(), x.pairs[pi].close + 1
	}
	f, l := x.phraseAfter(from, limit)
	return f, l, l + 1
}

// addressee returns the token after the outlet named at from that a
// cue's words were said to, or from when there is none: لـ or a ل-noun of
// an outlet (لصحيفة, لوكالة, لقناة …, with the adjective after the name:
// لوكالة «نوفوستي» الروسية) before a short quoted name, as in
// وأكد لـ«عكاظ» مدير المستشفى سعد المالكي أن …, where the subject
// follows the outlet. The quoted name is no quotation.
func (x *extractor) addressee(from, limit int) int {
	if from > limit || x.toks[from].Kind != arabic.Word {
		return from
	}
	n, ok := strings.CutPrefix(x.norm[from], "ل")
	if !ok || n != "" && !has(outletHeads, n) {
		return from
	}
	pi, ok := x.pairOpenAt(from + 1)
	if !ok {
		return from
	}
	p := &x.pairs[pi]
	if !p.closed || p.close >= limit || p.used || x.wordCount(p.first(), p.last()) > 4 {
		return from
	}
	p.used = true
	next := p.close + 1
	if n != "" && next <= limit && x.toks[next].Kind == arabic.Word &&
		strings.HasPrefix(x.norm[next], "ال") && strings.HasSuffix(x.norm[next], "ية") {
		next++ // لوكالة «نوفوستي» الروسية: the outlet's adjective
	}
	return next
}

// outletHeads are the nouns that name a kind of outlet before its quoted
// name (صحيفة «الحياة»).
var outletHeads = set("صحيفة", "جريدة", "وكالة", "قناة", "موقع", "مجلة", "اذاعة", "تلفزيون", "برنامج", "شبكة")

// quoteBefore finds an unused quotation that closes just before the cue
// at i (…»، قال).
func (x *extractor) quoteBefore(i int) (int, bool) {
	k := i - 1
	if x.isComma(k) {
		k--
	}
	pi, ok := x.pairAt[k]
	if !ok {
		return 0, false
	}
	p := x.pairs[pi]
	if !p.closed || p.close != k || p.used || x.wordCount(p.first(), p.last()) < 2 || x.quotedName(pi) {
		return 0, false
	}
	return pi, true
}

// quotedName reports whether pair pi holds a name written in quotation
// marks rather than words someone said: four words at most, inside a
// mention or mostly one (الذين حادثتهم «الشرق الأوسط», جماعة «بوكو
// حرام», "بي بي سي"). The reported words are then looked for after it.
func (x *extractor) quotedName(pi int) bool {
	first, last := x.pairText(pi)
	if last < first || x.wordCount(first, last) > 4 {
		return false
	}
	start, end := x.toks[first].Start, x.toks[last].End
	for _, m := range x.mentions {
		if m.Start <= start && end <= m.End {
			return true
		}
		if start <= m.Start && m.End <= end && 5*(m.End-m.Start) >= 4*(end-start) {
			return true
		}
	}
	return false
}

// pairText returns the tokens of the words pair pi quotes: its content
// without the stops and commas at its end (last < first when none).
func (x *extractor) pairText(pi int) (int, int) {
	p := x.pairs[pi]
	first, last := p.first(), p.last()
	for last >= first && x.toks[last].Kind == arabic.Punct && (isTerminal(x.toks[last].Text) || x.toks[last].Text == "،" || x.toks[last].Text == ",") {
		last--
	}
	return first, last
}

// reported looks after the cue (and its speaker) for what was said: a
// quotation, a that-clause, or a noun complement, and emits it.
func (x *extractor) reported(cue int, base string, from, limit int, sp Speaker) {
	prep := prepositionCues[base]
	for k := from; k <= limit && k < from+40; k++ {
		t := x.toks[k]
		if k > from && t.Breaks > 0 {
			return
		}
		if pi, ok := x.pairOpenAt(k); ok {
			p := x.pairs[pi]
			words := x.wordCount(p.first(), p.last())
			named := k > 0 && has(nameSources, x.norm[k-1]) || x.quotedName(pi)
			if !named && (words >= 4 || words >= 2 && (x.near(from, k) || x.clauseEndsAt(p.close))) {
				x.emitPair(pi, cue, sp)
				return
			}
			if p.close > k {
				k = p.close // a quoted name or title: skip it
			}
			continue
		}
		if t.Kind == arabic.Punct {
			if isTerminal(t.Text) {
				return
			}
			if t.Text == ":" && k+1 <= limit {
				if _, ok := x.pairOpenAt(k + 1); !ok && !has(complementizers, x.norm[k+1]) && x.toks[k+1].IsWordLike() {
					// قال: نحن … (speech after a colon, no marks)
					x.emitClause(k+1, cue, sp, FormIndirect)
					return
				}
			}
			continue
		}
		n := x.norm[k]
		if has(complementizers, n) && x.opensReport(k, cue, prep) {
			x.emitClause(k+1, cue, sp, FormIndirect)
			return
		}
		if k > from && !has(notCueAfter, x.norm[k-1]) {
			if kk, _ := lookupCue(n); kk == cueFinite || kk == cueParticiple {
				return // another cue takes over
			}
		}
		if k == from || k == from+1 && x.isComma(from) {
			if p, ok := nominalObjectCues[base]; ok {
				switch {
				case p == "ب" && strings.HasPrefix(n, "ب") && len([]rune(n)) > 3 && !has(complementizers, n):
					x.emitClause(k, cue, sp, FormNominal)
					return
				case p == "الي" && n == "الي" && k+1 <= limit && x.toks[k+1].Kind == arabic.Word && !has(complementizers, x.norm[k+1]):
					x.emitClause(k+1, cue, sp, FormNominal)
					return
				}
			}
		}
	}
}

// near reports whether token k follows from with at most three words
// between them.
func (x *extractor) near(from, k int) bool {
	return x.wordCount(from, k-1) <= 3
}

// opensReport reports whether the complementizer at k opens the speech
// of the cue at cue: it must not follow a word that makes it part of
// another clause (بعد أن، يجب أن), and a preposition before it must be
// the cue's own (أشار إلى أن).
func (x *extractor) opensReport(k, cue int, prep string) bool {
	if k == cue+1 {
		return true
	}
	prev := x.norm[k-1]
	if x.toks[k-1].Kind == arabic.Punct {
		return true
	}
	if has(blockComplementizer, prev) {
		return false
	}
	switch prev {
	case "الي", "من", "علي":
		return prev == prep
	}
	return true
}

// clauseEndsAt reports whether the reported clause ends right after
// token k: a stop, a line break, the end of the text, or a comma before
// another cue.
func (x *extractor) clauseEndsAt(k int) bool {
	n := k + 1
	if n >= len(x.toks) || x.toks[n].Breaks > 0 || x.isStop(n) {
		return true
	}
	return x.isComma(n) && x.breaksAfterComma(n+1)
}

// breaksAfterComma reports whether the word at k, after a comma, starts
// a new clause of the report (مضيفا، وقال، وذلك، بحسب).
func (x *extractor) breaksAfterComma(k int) bool {
	if k >= len(x.toks) {
		return true
	}
	n := x.norm[k]
	if has(clauseBreakers, n) {
		return true
	}
	if kind, base := lookupCue(n); kind == cueParticiple || kind == cueFinite && base != n {
		return true
	}
	if has(contrastives, n) && k+1 < len(x.toks) {
		// …، لكنه أشار إلى أن: the connective opens a report of its own
		if kind, _ := lookupCue(x.norm[k+1]); kind == cueFinite {
			return true
		}
	}
	_, ok := x.pairOpenAt(k)
	return ok
}

// clauseEnd returns the last token of the reported clause that starts at
// from.
func (x *extractor) clauseEnd(from int) int {
	limit := x.sentEnd[from]
	if pi := x.inPair[from]; pi >= 0 && x.pairs[pi].last() < limit {
		limit = x.pairs[pi].last()
	}
	last := from - 1
	for k := from; k < len(x.toks); k++ {
		t := x.toks[k]
		if k > from && t.Breaks > 0 {
			break
		}
		if pi, ok := x.pairOpenAt(k); ok {
			k = max(k, x.pairs[pi].close)
			if !x.pairs[pi].closed {
				k-- // the stop that ended an open quotation ends the clause too
			}
			last = k
			if k >= limit && x.sentEnd[min(k, len(x.toks)-1)] > limit {
				limit = x.sentEnd[min(k, len(x.toks)-1)]
			}
			continue
		}
		if k > limit {
			break
		}
		if t.Kind == arabic.Punct {
			if isTerminal(t.Text) || t.Text == "»" || t.Text == "”" || t.Text == "\"" || t.Text == "“" {
				break
			}
			if (t.Text == "،" || t.Text == ",") && x.breaksAfterComma(k+1) {
				if _, ok := x.pairOpenAt(k + 1); !ok {
					break
				}
			}
		}
		last = k
	}
	for last >= from && x.toks[last].Kind == arabic.Punct && !isQuoteMark(x.toks[last].Text) && x.toks[last].Text != ")" &&
		!(isPercent(x.toks[last].Text) && last > from && attached(x.toks[last-1], x.toks[last])) {
		last--
	}
	return last
}

// emitClause emits reported speech starting at token from, or the
// quotation it consists of.
func (x *extractor) emitClause(from, cue int, sp Speaker, form Form) {
	if from >= len(x.toks) {
		return
	}
	last := x.clauseEnd(from)
	if last < from {
		return
	}
	// A quotation that fills the clause (أن "…") is a direct quote.
	for k := from; k <= last; k++ {
		pi, ok := x.pairOpenAt(k)
		if !ok {
			continue
		}
		p := x.pairs[pi]
		if qw := x.wordCount(p.first(), p.last()); x.near(from, k) && p.close >= last-1 && qw >= 2 && 3*qw >= 2*x.wordCount(from, last) {
			x.emitPair(pi, cue, sp)
			return
		}
		break
	}
	start, end := x.toks[from].Start, x.toks[last].End
	x.add(start, end, cue, sp, false, form)
	// Direct fragments of two words or more inside the reported clause.
	for k := from; k <= last; k++ {
		if pi, ok := x.pairOpenAt(k); ok {
			p := x.pairs[pi]
			if !p.used && p.closed && p.close <= last && x.wordCount(p.first(), p.last()) >= 2 {
				x.emitPair(pi, cue, sp)
			}
		}
	}
}

// emitPair emits the quotation pi as a direct quote.
func (x *extractor) emitPair(pi, cue int, sp Speaker) {
	p := &x.pairs[pi]
	if p.used || x.quotedName(pi) {
		return
	}
	first, last := x.pairText(pi)
	if last < first {
		return
	}
	p.used = true
	x.add(x.toks[first].Start, x.toks[last].End, cue, sp, true, FormDirect)
}

// add records one quote.
func (x *extractor) add(start, end, cue int, sp Speaker, direct bool, form Form) {
	q := Quote{Text: x.slice(start, end), Start: start, End: end, Direct: direct, Form: form, Speaker: sp}
	if cue >= 0 {
		t := x.toks[cue]
		_, base := lookupCue(x.norm[cue])
		q.Cue, q.CueStart, q.CueEnd = t.Text, t.Start, t.End
		if base != x.norm[cue] {
			// leave out the conjunction و/ف written onto the cue
			r := []rune(t.Text)
			if len(r) > 1 {
				q.Cue, q.CueStart = string(r[1:]), t.Start+1
			}
		}
	}
	for _, o := range x.quotes {
		if o.Start == q.Start && o.End == q.End {
			return
		}
	}
	x.quotes = append(x.quotes, q)
	x.heard = append(x.heard, heardSpeaker{pos: cue, sp: sp, toks: contentTokens(sp.Text)})
}

// looseQuotes attributes long quotations that stand alone at the start
// of a sentence, right after quoted speech, to the last speaker.
func (x *extractor) looseQuotes() {
	for pi := range x.pairs {
		p := x.pairs[pi]
		if p.used || x.wordCount(p.first(), p.last()) < 6 || x.inPair[p.open] >= 0 {
			continue
		}
		if p.open > 0 && !x.isStop(p.open-1) && x.toks[p.open].Breaks == 0 {
			continue
		}
		var last *Quote
		for qi := range x.quotes {
			q := &x.quotes[qi]
			if q.End <= x.toks[p.open].Start && (last == nil || q.End > last.End) {
				last = q
			}
		}
		if last == nil || x.toks[p.open].Start-last.End > 40 {
			continue
		}
		sp := last.Speaker
		sp.Implied = true
		x.emitPair(pi, -1, sp)
	}
}
