package quote

import (
	"strings"

	"github.com/rasid-news/rasid/internal/arabic"
)

// person is a person named in the text with a full name (two words or
// more), found after a title (الوزير فلان) or given as a mention.
type person struct {
	name     string   // as first written
	entityID string   // from a mention, when given
	keys     []string // skeleton of each name word
	title    []string // content tokens of the title before the name
	start    int      // token index of the name
	first    int      // token index of the phrase (title included)
	cpStart  int
	cpEnd    int
	female   bool // named after a woman's title or a feminine verb (femaleBefore)
}

// personRef is one mention of a person: the full name or the surname.
type personRef struct {
	tok      int // token index
	who      int // index in people
	cpStart  int
	cpEnd    int
	surfaceS string
}

// findPeople registers the people the text names: the person mentions
// given, and the full names written after a title (الوزير فلان) that no
// person mention covers (the recognizer misses some), then every later
// mention of their surname.
func (x *extractor) findPeople() {
	for _, m := range x.mentions {
		if !isPersonType(m.Type) || m.Start < 0 || m.End > len(x.cps)-1 || m.Start >= m.End {
			continue
		}
		if DivineName(m.Name) || DivineName(x.slice(m.Start, m.End)) {
			continue // الله, بالله: the recognizer's person is no one of the news
		}
		f, l := x.tokensIn(m.Start, m.End)
		if l < f {
			continue
		}
		name := m.Name
		if name == "" {
			name = x.slice(m.Start, m.End)
		}
		x.addPerson(person{name: name, entityID: m.EntityID, keys: nameKeys(name), title: x.titleBefore(f), start: f, first: f, cpStart: m.Start, cpEnd: m.End})
	}
	for i := 0; i < len(x.toks); i++ {
		n := strings.TrimPrefix(x.norm[i], "و")
		if !has(titles, x.norm[i]) && !has(titles, n) {
			continue
		}
		if has(adjectiveTitles, n) && !x.titleNounAt(i) {
			continue // المؤتمرات الصحفية، تغطيتنا الإعلامية: an adjective, no title
		}
		if b := i - 1; !has(adjectiveTitles, n) && b >= 1 && x.toks[b].Kind == arabic.Word && x.nameLike(b-1) && (x.nameLike(b) || strings.HasPrefix(x.norm[b], "ال") && !has(titles, x.norm[b]) && !has(orgHeads, x.norm[b])) {
			title := contentTokens(x.slice(x.toks[i].Start, x.toks[min(i+2, x.sentEnd[i])].End))
			if p := x.personEndingAt(b); p >= 0 && has(titles, x.norm[i]) {
				// سامح شكري وزير الخارجية المصري: the title after a
				// name the recognizer found is that person's too; one
				// joined by و is the next person's (عادل الجبير ونظيره
				// الأمريكي جون كيري).
				x.people[p].title = append(x.people[p].title, title...)
			} else {
				x.addTitled(b-1, b, b-1, title)
			}
		}
		f, l := x.phraseAfter(i, x.sentEnd[i])
		if l < f {
			continue
		}
		nf, nl := x.nameRun(f, l)
		if nl-nf >= 1 {
			var title []string
			for k := f; k < nf; k++ {
				title = append(title, contentToken(x.norm[k])...)
			}
			x.addTitled(nf, nl, f, title)
		}
		i = l
	}
	// Later mentions of a surname alone.
	for i, t := range x.toks {
		if t.Kind != arabic.Word {
			continue
		}
		who := x.personBySurname(x.norm[i], i)
		if who < 0 || (i >= x.people[who].start && i < x.people[who].start+len(x.people[who].keys)+2) {
			continue
		}
		x.refs = append(x.refs, personRef{tok: i, who: who, cpStart: t.Start, cpEnd: t.End, surfaceS: t.Text})
	}
	sortRefs(x.refs)
}

func isPersonType(t string) bool {
	switch strings.ToUpper(t) {
	case "PERS", "PER", "PERSON":
		return true
	}
	return false
}

// personEndingAt returns the person known so far whose name ends with
// token k, or -1.
func (x *extractor) personEndingAt(k int) int {
	for p := range x.people {
		if x.people[p].cpEnd == x.toks[k].End {
			return p
		}
	}
	return -1
}

// addTitled registers the name of tokens [nf, nl], found by its title
// (phrase from token first), unless a person mention given overlaps it:
// the recognizer's reading of that name stands.
func (x *extractor) addTitled(nf, nl, first int, title []string) {
	start, end := x.toks[nf].Start, x.toks[nl].End
	for _, m := range x.mentions {
		if isPersonType(m.Type) && m.Start < end && start < m.End {
			return
		}
	}
	name := x.slice(start, end)
	x.addPerson(person{name: name, keys: nameKeys(name), title: title, start: nf, first: first, cpStart: start, cpEnd: end})
}

func (x *extractor) addPerson(p person) {
	p.female = x.femaleBefore(p.first)
	x.people = append(x.people, p)
	x.refs = append(x.refs, personRef{tok: p.start, who: len(x.people) - 1, cpStart: p.cpStart, cpEnd: p.cpEnd, surfaceS: x.slice(p.cpStart, p.cpEnd)})
}

func sortRefs(r []personRef) {
	for i := 1; i < len(r); i++ {
		for j := i; j > 0 && r[j].tok < r[j-1].tok; j-- {
			r[j], r[j-1] = r[j-1], r[j]
		}
	}
}

// titleBefore returns the content tokens of the title phrase just before
// token f (for a person given as a mention). The phrase does not reach
// back over another person's name, and a coordinated title (ووزير …) is
// its first word: in "وزير المياه رائد العمري ووزير الموارد منذر الأتاسي"
// the title of الأتاسي is وزير الموارد, without العمري.
func (x *extractor) titleBefore(f int) []string {
	var out []string
	for k := f - 1; k >= 0 && k >= f-5; k-- {
		if x.toks[k].Kind != arabic.Word || has(prepositions, x.norm[k]) || x.inPersonMention(k) {
			break
		}
		if kind, _ := lookupCue(x.norm[k]); kind == cueFinite {
			break // وشدد سامح شكري: the verb is no title
		}
		if k < f-1 && strings.HasPrefix(strings.TrimPrefix(x.norm[k+1], "و"), "نظير") {
			// A counterpart's title begins with نظيره: in سامح شكري
			// وزير الخارجية المصري نظيره الأمريكي جون كيري, the words
			// before it are Shoukry's.
			break
		}
		if n := x.norm[k]; n != strings.TrimPrefix(n, "و") && has(titles, strings.TrimPrefix(n, "و")) {
			if !has(titles, n) {
				n = strings.TrimPrefix(n, "و") // ووزير الخارجية الأمريكي جون كيري: his title is وزير
			}
			out = append(out, contentToken(n)...)
			break
		}
		out = append(out, contentToken(x.norm[k])...)
	}
	return out
}

// inPersonMention reports whether token k lies in a person mention given.
func (x *extractor) inPersonMention(k int) bool {
	return x.inMention(k, true)
}

// personStartsAt reports whether a person mention given begins with
// token k.
func (x *extractor) personStartsAt(k int) bool {
	for _, m := range x.mentions {
		if isPersonType(m.Type) && m.Start == x.toks[k].Start {
			return true
		}
	}
	return false
}

// onePerson reports whether tokens j and k lie in one person mention.
func (x *extractor) onePerson(j, k int) bool {
	a, b := x.toks[j], x.toks[k]
	for _, m := range x.mentions {
		if isPersonType(m.Type) && m.Start <= a.Start && b.End <= m.End {
			return true
		}
	}
	return false
}

// inMention reports whether token k lies in a mention given: a person
// mention only when person is set, else one of any type.
func (x *extractor) inMention(k int, person bool) bool {
	t := x.toks[k]
	for _, m := range x.mentions {
		if (!person || isPersonType(m.Type)) && m.Start <= t.Start && t.End <= m.End {
			return true
		}
	}
	return false
}

// tokensIn returns the tokens inside code points [start, end).
func (x *extractor) tokensIn(start, end int) (int, int) {
	f, l := -1, -2
	for k, t := range x.toks {
		if t.Start >= start && t.End <= end {
			if f < 0 {
				f = k
			}
			l = k
		}
	}
	return f, l
}

// personBySurname returns the person whose last name word matches the
// normalized word w, preferring the nearest one named before token at.
func (x *extractor) personBySurname(w string, at int) int {
	w = strings.TrimPrefix(w, "و")
	key := skeleton(w)
	if len([]rune(strings.TrimPrefix(w, "ال"))) < 3 {
		return -1
	}
	best := -1
	for pi, p := range x.people {
		if len(p.keys) < 2 || p.keys[len(p.keys)-1] != key {
			continue
		}
		if best < 0 || p.start <= at && (x.people[best].start > at || p.start > x.people[best].start) {
			best = pi
		}
	}
	if best < 0 && strings.HasPrefix(w, "و") {
		return -1
	}
	return best
}

// generalTitle reports whether token k is عام ("general") closing a title
// (أمين عام الاتحاد, مدير عام الجمعية), not the year of a time phrase
// (قال الوزير عام 2010): a title before it and a word after it.
func (x *extractor) generalTitle(k int) bool {
	return x.norm[k] == "عام" && k > 0 && k+1 < len(x.toks) && isTitle(x.norm[k-1]) && x.toks[k+1].Kind == arabic.Word
}

// phraseAfter returns the token range of the speaker phrase that starts
// at from (empty when the cue is followed by no subject).
func (x *extractor) phraseAfter(from, limit int) (int, int) {
	if limit >= len(x.toks) {
		limit = len(x.toks) - 1
	}
	k := from
	named := false // the phrase holds a name word
	head := ""
	for ; k <= limit && k < from+14; k++ {
		t := x.toks[k]
		n := x.norm[k]
		if k > from && t.Breaks > 0 {
			break
		}
		if n == "علي" && x.inPersonMention(k) && (k == from || x.onePerson(k-1, k) || x.personStartsAt(k)) {
			// علي in a person's name is the name Ali, not the
			// preposition على: وقال علي الأحمد, محمد علي الحسيني,
			// الدكتور علي السواط.
			if k == from {
				head = n
			}
			named = true
			continue
		}
		if k == from+1 && (has(orgHeads, head) || has(outletHeads, head)) {
			if pi, ok := x.pairOpenAt(k); ok && x.pairs[pi].closed && x.pairs[pi].close <= limit && !x.pairs[pi].used &&
				x.wordCount(x.pairs[pi].first(), x.pairs[pi].last()) <= 4 {
				// صحيفة «واشنطن بوست», تنظيم «داعش»: the quoted name
				// of the organization is part of the phrase, no quote.
				x.pairs[pi].used = true
				k = x.pairs[pi].close
				named = true
				continue
			}
		}
		if t.Kind == arabic.Punct {
			if (t.Text == "،" || t.Text == ",") && k > from && !named && x.appositionName(k+1, limit) {
				continue // المتحدث باسم الوزارة، جون كيربي، أن …
			}
			break
		}
		if t.Kind != arabic.Word && t.Kind != arabic.Latin {
			break
		}
		if has(complementizers, n) || has(relatives, n) || has(timeWords, n) && !x.generalTitle(k) || has(pronounSubjects, n) && k > from {
			break
		}
		if k > from && functionWord(n) && !has(prepositions, n) && !x.determiner(k, limit) && !x.mashaAllah(k) {
			break // a function word (ذات، كل، غير، منها) ends the phrase
		}
		if kind, _ := lookupCue(n); kind != cueNone {
			break
		}
		if k > from && has(eventNouns, n) {
			break
		}
		if k == from {
			if has(prepositions, n) || has(pronounPreps, n) || strings.HasPrefix(n, "لل") || n == "قد" || x.prepositionHead(k) {
				break
			}
			if x.divineAt(k) {
				return from, x.divineEnd(k) // قال الله تعالى، قال سبحانه
			}
			if x.eulogyAt(k) {
				// قال صلى الله عليه وسلم: the Prophet
				if k+3 <= limit && x.norm[k+2] == "عليه" && x.norm[k+3] == "وسلم" {
					return from, k + 3
				}
				return from, k + 1
			}
			if has(demonstratives, n) && !x.determiner(k, limit) {
				// وأكد ذلك رئيس الاتحاد: the demonstrative is the
				// object, the subject follows it.
				return x.phraseAfter(from+1, limit)
			}
			if n == "كل" && k+1 <= limit && x.norm[k+1] == "من" {
				// وأكد كل من فلان وفلان: the first one named
				return x.phraseAfter(from+2, limit)
			}
			if functionWord(n) && !has(quantifiers, n) && !has(pronounSubjects, n) && !has(demonstratives, n) && !x.mashaAllah(k) {
				break // رأى ما لا يرى: no subject
			}
			head = n
		}
		if rest, ok := strings.CutPrefix(n, "ب"); ok && k > from && cues[rest] == cueNominal {
			break // ويؤكد ذلك مصدر آخر بقوله
		}
		if k > from && x.eulogyAt(k) {
			break // رسول الله صلى الله عليه وسلم
		}
		if k > from && x.divineAt(k) && strings.HasPrefix(x.norm[k-1], "ال") && !has(compoundSurnames, x.norm[k-1]) {
			break // ودعت القيادة الله: God is the object of a definite subject
		}
		if has(prepositions, n) {
			// في، عن، ل inside a title or an unnamed source
			// (مسؤولون في الحكومة، النائب عن كتلة) but not after a name.
			if n == "من" && k <= from+2 && has(partitives, head) && k+1 <= limit && x.toks[k+1].Kind == arabic.Word {
				continue // عدد من سكان المديرية, عشرات من الناشطين
			}
			if named || k+1 > limit || n != "في" && n != "عن" && n != "ل" {
				break
			}
			nn := x.norm[k+1]
			if has(eventNouns, nn) || has(timeWords, nn) || x.toks[k+1].Kind != arabic.Word || strings.HasSuffix(nn, "ه") && !strings.HasSuffix(nn, "يه") {
				break
			}
			if !(has(anonymousHeads, head) || has(orgHeads, head) || n == "عن" && has(titles, head)) {
				break
			}
			continue
		}
		if k > from && (strings.HasPrefix(n, "ب") && !strings.HasPrefix(n, "باسم") && !has(nameLinks, n) && !x.nameLike(k)) {
			break
		}
		if strings.HasPrefix(n, "ل") && !strings.HasPrefix(n, "لا") && len([]rune(n)) > 3 {
			if named {
				break
			}
			continue // genitive: مدير المرصد السوري لحقوق الإنسان
		}
		if named && strings.HasPrefix(n, "و") && !has(titles, n) {
			break // كيري ولافروف
		}
		if x.nameLike(k) {
			named = true
		}
	}
	last := k - 1
	for last >= from && (has(prepositions, x.norm[last]) || x.norm[last] == "باسم") {
		last--
	}
	// A title of عام reaches its holder's name (أمين عام الاتحاد السعودي
	// أحمد الخميس) or nothing: without a person in the phrase (مدير عام
	// فرع الوزارة بالجوف …, cut at بالجوف) the phrase is the title alone,
	// which goes to the person that title fits, as before عام was read.
	for g := from + 1; g <= last; g++ {
		if x.generalTitle(g) {
			if !x.personIn(x.toks[g+1].Start, x.toks[last].End) {
				last = g - 1
			}
			break
		}
	}
	return from, last
}

// personIn reports whether a person mention starts in [start, end) of
// the text.
func (x *extractor) personIn(start, end int) bool {
	for _, m := range x.mentions {
		if isPersonType(m.Type) && m.Start >= start && m.Start < end {
			return true
		}
	}
	return false
}

// appositionName reports whether a short name stands at k between commas
// (or before a complementizer).
func (x *extractor) appositionName(k, limit int) bool {
	n := 0
	for ; k <= limit && n < 5; k++ {
		if x.isComma(k) || has(complementizers, x.norm[k]) {
			return n >= 2
		}
		if !x.nameLike(k) && !has(nameLinks, x.norm[k]) && !(n > 0 && strings.HasPrefix(x.norm[k], "ال")) {
			return false
		}
		n++
	}
	return false
}

// nameLike reports whether the word at k may be part of a name: an
// Arabic or Latin word that is no title, organization head, article-
// bearing word, genitive or function word.
func (x *extractor) nameLike(k int) bool {
	t := x.toks[k]
	if t.Kind == arabic.Latin {
		return true
	}
	if t.Kind != arabic.Word {
		return false
	}
	n := x.norm[k]
	if strings.HasPrefix(n, "ال") || has(titles, n) || has(titles, strings.TrimPrefix(n, "و")) || has(orgHeads, n) || has(anonymousHeads, n) ||
		has(prepositions, n) || has(timeWords, n) || has(eventNouns, n) || has(relatives, n) ||
		has(complementizers, n) || has(pronounSubjects, n) || strings.HasPrefix(n, "باسم") || n == "قد" || n == "صادر" || n == "صادرة" || len([]rune(n)) < 2 ||
		hasAnyPrefix(n, "لل", "بال", "وال") || strings.HasPrefix(n, "ل") && !hasAnyPrefix(n, "لا", "لي") ||
		functionWord(n) && !x.mashaAllah(k) || has(divineWords, n) && n != "عز" {
		return false
	}
	if kind, _ := lookupCue(n); kind != cueNone {
		return false
	}
	return !x.eulogyAt(k)
}

// nameRun returns the name inside the phrase [f, l]: the last run of
// name words, joined by بن، عبد، أبو and ending in at most one surname
// with the article (عبده الحذيفي). It is empty when the phrase holds no
// name. A word right after an organization head without the article
// (حزب ميرتس) names the organization, not a person.
func (x *extractor) nameRun(f, l int) (int, int) {
	head := x.norm[f]
	if has(anonymousHeads, head) && !has(titles, head) || has(partitives, head) {
		return -1, -2
	}
	bestF, bestL := -1, -2
	for k := f; k <= l; k++ {
		if !x.nameLike(k) && !(has(nameLinks, x.norm[k]) && k < l && x.nameLikeOrAl(k+1)) {
			continue
		}
		if p := x.norm[max(k-1, 0)]; k > f && (constructHead(p) || constructHead(strings.TrimPrefix(p, "ل")) || constructHead(strings.TrimPrefix(p, "و"))) &&
			!strings.HasPrefix(strings.TrimPrefix(p, "و"), "ال") {
			// حزب ميرتس، وزير حقوق الإنسان: the noun after a head in
			// the construct state completes the head, it is no name;
			// so after a coordinated one (ووزير خارجية روسيا), but not
			// after a definite one (والجندي أول محمد بن علي).
			continue
		}
		if strings.HasPrefix(x.norm[k], "و") && k > f && !has(titles, x.norm[k-1]) {
			continue
		}
		// A run starts at k.
		e := k
		run := 0 // name words in a row without a link
		if x.nameLike(k) {
			run = 1
		}
		for e+1 <= l {
			n := x.norm[e+1]
			switch {
			case has(nameLinks, n):
				run = 0
				e++
				continue
			case x.nameLike(e+1) && !strings.HasPrefix(n, "و"):
				if run >= 2 {
					break
				}
				run++
				e++
				continue
			case n == "الدين" || n == "الله" || n == "الرحمن" || n == "العزيز" || x.norm[e] == "عبد" && strings.HasPrefix(n, "ال"):
				// عز الدين، عبد الله، عبد الكريم: the article inside a
				// first name (after عبد, one of God's names)
				run = 0
				e++
				continue
			case strings.HasPrefix(n, "ال") && !has(titles, n) && !has(orgHeads, n) && !has(anonymousHeads, n) && !has(timeWords, n):
				// one surname with the article ends the name
				e++
			}
			break
		}
		if has(nameLinks, x.norm[e]) {
			e--
		}
		if e >= k {
			return k, e // the first name after the title
		}
		// e < k: the run was a lone link word (بن before a word that is
		// no name); go on after it rather than back to it, which looped
		// for ever on "وقال بن لوبرون …".
	}
	return bestF, bestL
}

// constructHead reports whether the normalized word n, without the
// article, heads a noun phrase whose next noun completes it: an
// organization head or a title that is no honorific (حزب ميرتس، وزير
// حقوق الإنسان). Called on a word without its ل too, so that in
// "لتحالف دعم الشرعية" دعم is no name.
func constructHead(n string) bool {
	return has(orgHeads, n) || has(titles, n) && !has(honorifics, n)
}

func (x *extractor) nameLikeOrAl(k int) bool {
	return x.nameLike(k) || strings.HasPrefix(x.norm[k], "ال") && x.toks[k].Kind == arabic.Word
}

// phraseBefore returns a subject written before the cue at i: after كان
// or أن (وكان الجبير أكد، أن الوزير قال) or the antecedent of a relative
// pronoun (وزير حقوق الإنسان فلان، الذي قال).
func (x *extractor) phraseBefore(i int) (int, int) {
	k := i - 1
	if k >= 0 && x.norm[k] == "قد" {
		k--
	}
	if k < 0 {
		return -1, -2
	}
	if has(relatives, x.norm[k]) {
		e := k - 1
		if x.isComma(e) {
			e--
		}
		b := e
		for b-1 >= 0 && b > e-8 && x.toks[b-1].Kind == arabic.Word && x.toks[b].Breaks == 0 && !has(prepositions, x.norm[b-1]) {
			if kind, _ := lookupCue(x.norm[b-1]); kind != cueNone {
				break
			}
			b--
		}
		if e >= 0 && b <= e && x.toks[e].Kind == arabic.Word {
			return b, e
		}
		return -1, -2
	}
	e := k
	for b := k; b >= 0 && b > k-6; b-- {
		if x.toks[b].Kind != arabic.Word || (b < k && x.toks[b+1].Breaks > 0) || has(clauseWords, x.norm[b]) {
			return -1, -2
		}
		if has(subjectIntroducers, x.norm[b]) {
			if b == e || e-b > 6 || !(strings.HasPrefix(x.norm[b+1], "ال") || x.nameLike(b+1) || has(anonymousHeads, x.norm[b+1])) {
				return -1, -2
			}
			return b + 1, e
		}
	}
	return -1, -2
}

// resolve builds the speaker of the cue at token cue from the phrase
// [f, l] (empty: the subject is implied).
func (x *extractor) resolve(cue, f, l int) Speaker {
	if l < f || f < 0 {
		return x.implied(cue, "")
	}
	if has(pronounSubjects, x.norm[f]) {
		return x.implied(cue, x.norm[f])
	}
	start, end := x.toks[f].Start, x.toks[l].End
	sp := Speaker{Text: x.slice(start, end), Start: start, End: end}
	if x.divineAt(f) {
		sp.Name, sp.Type = godName, "unknown"
		return sp
	}
	if x.eulogyAt(f) {
		sp.Name, sp.Type = prophetName, "person"
		return sp
	}
	if has(demonstratives, x.norm[f]) {
		// هذا المصدر: the demonstrative determines the noun after it,
		// which is resolved as the phrase (the source last heard).
		if f == l {
			return x.implied(cue, "")
		}
		f++
		start = x.toks[f].Start
	}
	if x.mentions != nil {
		if m, ok := x.mentionIn(start, end); ok && (isPersonType(m.Type) || !x.titledName(f, l)) {
			sp.Name, sp.EntityID = m.Name, m.EntityID
			if sp.Name == "" {
				sp.Name = x.slice(m.Start, m.End)
			}
			sp.Type = "organization"
			if isPersonType(m.Type) {
				sp.Type = "person"
			}
			return sp
		}
	}
	if p := x.personBySurname(x.norm[f], cue); p >= 0 {
		sp.Type, sp.Name, sp.EntityID = "person", x.people[p].name, x.people[p].entityID
		return sp
	}
	if l > f && isTitle(x.norm[f]) {
		// الوزير الأتاسي: a title and the surname of a person named before
		if p := x.personBySurname(x.norm[l], cue); p >= 0 {
			sp.Type, sp.Name, sp.EntityID = "person", x.people[p].name, x.people[p].entityID
			return sp
		}
	}
	if w := x.norm[l]; l > f && (w == "باسمه" || w == "باسمها") {
		// المتحدث باسمه: the spokesman of the person just mentioned
		if who := x.implied(cue, ""); who.Name != "" {
			sp.Name = x.slice(x.toks[f].Start, x.toks[l-1].End) + " باسم " + who.Name
			sp.Type = "anonymous"
			return sp
		}
	}
	if nf, nl := x.nameRun(f, l); nl >= nf && nf >= 0 {
		sp.Type = "person"
		sp.Name = x.slice(x.toks[nf].Start, x.toks[nl].End)
		if p := x.personByName(nf, nl, cue); p >= 0 {
			sp.Name, sp.EntityID = x.people[p].name, x.people[p].entityID
		}
		return sp
	}
	head := x.norm[f]
	switch {
	case has(partitives, head) && f < l && x.norm[f+1] == "من":
		sp.Type = "anonymous" // مجموعة من الخبراء: people, no organization
	case has(orgHeads, head) || strings.HasPrefix(head, "ال") && has(orgHeads, strings.TrimPrefix(head, "ال")):
		sp.Type = "organization"
	case has(anonymousHeads, head) || has(partitives, head):
		sp.Type = "anonymous"
	case has(titles, head):
		sp.Type = "person"
	default:
		sp.Type = "unknown"
	}
	sp.Name = x.slice(start, end)
	if head == "البيان" || head == "بيان" && f == l {
		for h := len(x.heard) - 1; h >= 0; h-- {
			if x.heard[h].sp.Type == "organization" && x.heard[h].pos < cue {
				sp.Name, sp.EntityID, sp.Type = x.heard[h].sp.Name, x.heard[h].sp.EntityID, "organization"
				return sp
			}
		}
		return sp
	}
	definite := strings.HasPrefix(head, "ال") || has(titles, head) || has(orgHeads, head)
	if !definite {
		return sp
	}
	want := contentTokens(sp.Name)
	if len(want) == 0 {
		return sp
	}
	// The latest person whose title, or speaker whose phrase, fits.
	bestPos, bestName, bestID, bestType := -1, "", "", ""
	for _, p := range x.people {
		if p.first < cue && p.first > bestPos && covers(p.title, want) {
			bestPos, bestName, bestID, bestType = p.first, p.name, p.entityID, "person"
		}
	}
	for _, h := range x.heard {
		if h.pos < cue && h.pos > bestPos && h.sp.Name != "" && covers(h.toks, want) {
			bestPos, bestName, bestID, bestType = h.pos, h.sp.Name, h.sp.EntityID, h.sp.Type
		}
	}
	if bestPos < 0 && has(titles, strings.TrimPrefix(head, "ال")) || bestPos < 0 && has(titles, head) {
		// a title named before its holder (الأمين العام … ثم نبيل العربي)
		for _, p := range x.people {
			if p.first > cue && covers(p.title, want) {
				bestPos, bestName, bestID, bestType = p.first, p.name, p.entityID, "person"
				break
			}
		}
	}
	if bestPos >= 0 {
		sp.Name, sp.EntityID, sp.Type = bestName, bestID, bestType
	}
	return sp
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// covers reports whether the tokens of have hold those of want, all of
// them or all but one when want has four or more.
func covers(have, want []string) bool {
	if len(have) == 0 {
		return false
	}
	miss := 0
	for _, w := range want {
		found := false
		for _, h := range have {
			if h == w {
				found = true
				break
			}
		}
		if !found {
			miss++
		}
	}
	return miss == 0 || len(want) >= 4 && miss == 1
}

// personByName returns the registered person the name [nf, nl] refers
// to: the same name (spelled alike), or the person whose surname it is.
func (x *extractor) personByName(nf, nl, at int) int {
	if nf == nl {
		return x.personBySurname(x.norm[nf], at)
	}
	key := strings.Join(nameKeys(x.slice(x.toks[nf].Start, x.toks[nl].End)), "")
	for pi, p := range x.people {
		if strings.Join(p.keys, "") == key {
			return pi
		}
	}
	return -1
}

// isTitle reports whether the normalized word n is a title, with or
// without the article.
func isTitle(n string) bool {
	return has(titles, n) || has(titles, strings.TrimPrefix(n, "ال"))
}

// titledName reports whether the phrase [f, l] is a person's title
// followed by a full name (المتحدث باسم الشركة سالم الهاشمي), so that an
// organization mention in it is not the speaker.
func (x *extractor) titledName(f, l int) bool {
	if !isTitle(x.norm[f]) {
		return false
	}
	nf, nl := x.nameRun(f, l)
	return nf > f && nl > nf
}

// mentionIn returns the person (or else organization) mention that lies
// in [start, end).
func (x *extractor) mentionIn(start, end int) (Mention, bool) {
	var org *Mention
	for i := range x.mentions {
		m := &x.mentions[i]
		if m.Start < start || m.End > end {
			continue
		}
		if isPersonType(m.Type) {
			return *m, true
		}
		if org == nil && strings.HasPrefix(strings.ToUpper(m.Type), "ORG") {
			org = m
		}
	}
	if org != nil {
		return *org, true
	}
	return Mention{}, false
}

// implied resolves an implied subject at the cue: the person a pronoun
// title names (معاليه), the person last mentioned inside the quotation
// that holds the cue, the speaker of the last quote, or the person last
// mentioned, whichever is nearest.
func (x *extractor) implied(cue int, pronoun string) Speaker {
	if t, ok := pronounTitle[pronoun]; ok {
		for pi := len(x.people) - 1; pi >= 0; pi-- {
			p := x.people[pi]
			if p.first < cue && covers(p.title, []string{t}) {
				return x.refSpeaker(personRef{tok: p.start, who: pi, cpStart: p.cpStart, cpEnd: p.cpEnd, surfaceS: x.slice(p.cpStart, p.cpEnd)})
			}
		}
	}
	pos := x.toks[cue].Start
	// Inside an earlier quote: the person last named in it.
	for qi := len(x.quotes) - 1; qi >= 0; qi-- {
		q := x.quotes[qi]
		if q.Start <= pos && pos < q.End {
			for r := len(x.refs) - 1; r >= 0; r-- {
				if x.refs[r].tok < cue && x.refs[r].cpStart >= q.Start {
					return x.refSpeaker(x.refs[r])
				}
			}
			break
		}
	}
	var ref *personRef
	for r := len(x.refs) - 1; r >= 0; r-- {
		if x.refs[r].tok < cue && !x.inQuote(x.refs[r].cpStart) {
			ref = &x.refs[r]
			break
		}
	}
	var heard *heardSpeaker
	for h := len(x.heard) - 1; h >= 0; h-- {
		if x.heard[h].pos < cue && x.heard[h].pos >= 0 && x.heard[h].sp.Name != godName {
			heard = &x.heard[h] // God (قال تعالى) is no subject of a later cue
			break
		}
	}
	kind, base := lookupCue(x.norm[cue])
	if feminineCue(base) {
		// قالت, ذكرت: the subject is feminine, mostly a country, a
		// ministry or a company (واشنطن رفضت ذلك، وقالت إنها …), or a
		// woman. A person continues only when known to be a woman (heard
		// with a feminine cue before, or a listed woman's given name);
		// else the latest organization or place named before the cue in
		// its sentence or the one before, else no one.
		if heard != nil && heard.sp.Type == "person" && !x.woman(heard.sp.Name) {
			heard = nil
		}
		if ref != nil && !x.people[ref.who].female && !x.woman(x.people[ref.who].name) {
			ref = nil
		}
		if heard == nil && ref == nil {
			if sp, ok := x.placeOrOrgBefore(cue); ok {
				return sp
			}
			return Speaker{Start: -1, End: -1, Type: "unknown", Implied: true}
		}
	}
	switch {
	case heard != nil && (ref == nil || kind == cueParticiple || heard.pos > ref.tok):
		sp := heard.sp
		sp.Implied = true
		return sp
	case ref != nil:
		return x.refSpeaker(*ref)
	}
	return Speaker{Start: -1, End: -1, Type: "unknown", Implied: true}
}

// feminineCue reports whether the cue word base (lookupCue's) is a
// perfect verb of a feminine subject: a cue with its feminine ت (قالت,
// أكدت, ذكرت).
func feminineCue(base string) bool {
	if has(feminineIrregular, base) {
		return true
	}
	stem, ok := strings.CutSuffix(base, "ت")
	if !ok || strings.HasSuffix(stem, "ا") || strings.HasSuffix(stem, "ي") {
		return false // رايت is "I saw": the defective verbs are irregular
	}
	_, isCue := cues[stem]
	return isCue
}

// governed reports whether the mention m is the object of a preposition,
// so no subject: a preposition word before it (في بيروت، من الرياض), or
// ب, ل or ك fused to its first word (لـ«الشرق الأوسط», ببغداد: whom it
// was said to, where it happened).
func (x *extractor) governed(m *Mention) bool {
	f, _ := x.tokensIn(m.Start, m.End)
	if f < 0 || f >= len(x.toks) {
		return false
	}
	first, _, _ := strings.Cut(m.Name, " ")
	first = arabic.NormalizeString(first) // Name may be written as the text has it (إيران)
	if n := x.norm[f]; first != "" && n != first && strings.HasSuffix(n, first) {
		if pre := strings.TrimSuffix(n, first); strings.ContainsAny(pre, "بلك") {
			return true
		}
	}
	for k := f - 1; k >= 0 && k >= f-2; k-- {
		switch n := x.norm[k]; {
		case n == "«" || n == "\"" || n == "“":
			continue
		case has(prepositions, n) || has(placePrepositions, n):
			return true
		}
		break
	}
	return false
}

// placePrepositions are more words after which a name is no subject
// (besides prepositions).
var placePrepositions = set("عند", "بين", "داخل", "خارج", "قرب", "نحو", "وفي", "ومن", "والي")

// feminineIrregular are the feminine cues of the defective verbs.
var feminineIrregular = set("رات", "دعت", "نفت", "ادعت", "بينت")

// woman reports whether the person named name is known to be a woman:
// she was the speaker of a feminine cue before (وقالت هيلاري كلينتون),
// or her first name is a woman's given name of womenNames.
func (x *extractor) woman(name string) bool {
	if first, _, _ := strings.Cut(name, " "); has(womenNames, arabic.NormalizeString(first)) {
		return true
	}
	for _, p := range x.people {
		if p.female && p.name == name {
			return true
		}
	}
	for _, h := range x.heard {
		if h.sp.Type == "person" && h.sp.Name == name && feminineCue(baseCue(x.norm[h.pos])) {
			return true
		}
	}
	return false
}

// baseCue is lookupCue's cue word of the normalized word n.
func baseCue(n string) string {
	_, base := lookupCue(n)
	return base
}

// placeOrOrgBefore returns, as an implied speaker, the latest mention of
// an organization, place or other non-person name that ends before the
// cue, outside any quote, in the cue's sentence or the one before it,
// and no object of a preposition (governed).
func (x *extractor) placeOrOrgBefore(cue int) (Speaker, bool) {
	first := x.sentFirst[cue]
	if first > 0 {
		first = x.sentFirst[first-1]
	}
	from := x.toks[first].Start
	pos := x.toks[cue].Start
	var best *Mention
	for i := range x.mentions {
		m := &x.mentions[i]
		if isPersonType(m.Type) || m.Start < from || m.End > pos || x.inQuote(m.Start) || x.governed(m) {
			continue
		}
		if best == nil || m.Start > best.Start {
			best = m
		}
	}
	if best == nil {
		return Speaker{}, false
	}
	name := best.Name
	if name == "" {
		name = x.slice(best.Start, best.End)
	}
	return Speaker{Text: x.slice(best.Start, best.End), Start: best.Start, End: best.End, Name: name, EntityID: best.EntityID, Type: "organization", Implied: true}, true
}

var pronounTitle = map[string]string{"معاليه": "معالي", "سموه": "سمو", "فخامته": "فخامة", "سماحته": "سماحة"}

func (x *extractor) refSpeaker(r personRef) Speaker {
	p := x.people[r.who]
	return Speaker{Text: r.surfaceS, Start: r.cpStart, End: r.cpEnd, Name: p.name, EntityID: p.entityID, Type: "person", Implied: true}
}

// inQuote reports whether code point pos lies inside a quote found so
// far.
func (x *extractor) inQuote(pos int) bool {
	for _, q := range x.quotes {
		if q.Start <= pos && pos < q.End {
			return true
		}
	}
	return false
}

// contentTokens returns the comparison tokens of a phrase: normalized,
// teh marbuta folded, the article taken off, function words left out.
func contentTokens(s string) []string {
	var out []string
	for _, t := range arabic.Tokenize(s) {
		if t.Kind != arabic.Word && t.Kind != arabic.Latin {
			continue
		}
		out = append(out, contentToken(t.Norm)...)
	}
	return out
}

func contentToken(n string) []string {
	if has(prepositions, n) || n == "باسم" || n == "قد" {
		return nil
	}
	n = arabic.FoldTehMarbuta(n)
	if r, ok := strings.CutPrefix(n, "لل"); ok && len([]rune(r)) >= 2 {
		n = "ال" + r
	}
	if r := strings.TrimPrefix(n, "ال"); r != n && len([]rune(r)) >= 2 {
		n = r
	}
	return []string{n}
}

// nameKeys returns the skeleton of each word of a name, with عبد joined
// to the word after it (عبد الرحمن = عبدالرحمن).
func nameKeys(name string) []string {
	var out []string
	glue := false
	for _, t := range arabic.Tokenize(name) {
		if t.Kind != arabic.Word && t.Kind != arabic.Latin {
			continue
		}
		n := t.Norm
		if strings.HasPrefix(n, "عبدال") && len([]rune(n)) > 5 {
			n = "عبد" + strings.TrimPrefix(n, "عبدال")
		}
		k := skeleton(n)
		if glue && len(out) > 0 {
			out[len(out)-1] += k
		} else {
			out = append(out, k)
		}
		glue = n == "عبد" || n == "ابو" || n == "ابن"
	}
	return out
}

// skeleton is the comparison form of a name word: normalized, article
// off, long vowels (ا و ي) after the first letter dropped, so that
// spellings like بلينكن and بلنكن meet.
func skeleton(n string) string {
	n = arabic.FoldTehMarbuta(arabic.NormalizeString(n))
	if r := strings.TrimPrefix(n, "ال"); r != n && len([]rune(r)) >= 2 {
		n = r
	}
	var b strings.Builder
	for i, r := range n {
		if i > 0 && (r == 'ا' || r == 'و' || r == 'ي') {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// NameKey returns the form in which two speaker names are compared: each
// word normalized (arabic.NormalizeString), teh marbuta folded, the
// article ال taken off (also inside عبدال…), and the words joined with no
// space, so that رامي عبدالرحمن and رامي عبد الرحمن, or الدبلوماسي الكبير
// and دبلوماسي كبير, have the same key.
func NameKey(name string) string {
	var b strings.Builder
	for _, t := range arabic.Tokenize(name) {
		if !t.IsWordLike() {
			continue
		}
		n := arabic.FoldTehMarbuta(t.Norm)
		if strings.HasPrefix(n, "عبدال") && len([]rune(n)) > 5 {
			n = "عبد" + strings.TrimPrefix(n, "عبدال")
		}
		if r := strings.TrimPrefix(n, "ال"); r != n && len([]rune(r)) >= 2 {
			n = r
		}
		b.WriteString(n)
	}
	return b.String()
}

// clauseWords are conjunctions and adverbs that never stand inside a
// subject before its verb (…كان يكذب فيما يبدو عندما قال).
var clauseWords = set("عندما", "فيما", "بينما", "حين", "حينما", "لما", "اذا", "لكن", "ثم", "كما", "حيث", "الذي", "التي", "الذين", "بعدما", "قبلما", "كلما", "مثلما")

// pronounPreps are prepositions with a pronoun (ذكرت فيه، قال له): no
// subject follows them.
var pronounPreps = set("فيه", "فيها", "عنه", "عنها", "له", "لها", "لهم", "منه", "منها", "عليه", "عليها", "اليه", "اليها", "به", "بها")

// honorifics are titles without the article that a name follows
// directly (د. فلان، سمو الأمير).
var honorifics = set("د", "دكتور", "شيخ", "امير", "ملك", "سمو", "فخامة", "سماحة", "السيد", "السيدة")

// prepositionHead reports whether the word at k, the first of a phrase
// after a cue, carries the preposition ب or ل, so that it cannot be the
// subject of the verb of saying (وتابع بالقول, وذكر لصور, قال لي, وقال
// بهذه المناسبة, أكد بمنطقة نجران): a preposition and a pronoun (لي, لنا,
// بك), or ب or ل before a word the corpus lexicon knows
// (arabic.ProcliticForm). A word inside an entity mention, or a known
// name (بلقيس, بحاح, بريطانيا), stays.
func (x *extractor) prepositionHead(k int) bool {
	n := x.norm[k]
	if x.toks[k].Kind != arabic.Word || !strings.HasPrefix(n, "ب") && !strings.HasPrefix(n, "ل") {
		return false
	}
	if has(prepPronouns, n) {
		return true
	}
	if x.inMention(k, false) || arabic.IsName(n) {
		return false
	}
	return arabic.ProcliticForm(n)
}

// prepPronouns are ب and ل with an attached pronoun, besides those of
// pronounPreps.
var prepPronouns = set("لي", "لك", "لنا", "لكم", "لكما", "لهما", "لهن", "بي", "بك", "بنا", "بكم", "بهم", "بهما", "بهن")

// divineAt reports whether the word at k opens a divine name (الله،
// تعالى، سبحانه، المولى، عز وجل): see divineWords.
func (x *extractor) divineAt(k int) bool {
	n := x.norm[k]
	if n == "عز" {
		return k+1 < len(x.norm) && x.norm[k+1] == "وجل"
	}
	return x.toks[k].Kind == arabic.Word && has(divineStarts, n)
}

// divineEnd returns the last token of the divine name that opens at k
// (الله سبحانه وتعالى، الله عز وجل).
func (x *extractor) divineEnd(k int) int {
	e := k
	for e+1 < len(x.toks) && x.toks[e+1].Kind == arabic.Word && x.toks[e+1].Breaks == 0 && (has(divineWords, x.norm[e+1]) && x.norm[e+1] != "عز" || x.divineAt(e+1)) {
		e++
	}
	return e
}

// eulogyAt reports whether the eulogy of the Prophet (صلى الله عليه
// وسلم) starts at k.
func (x *extractor) eulogyAt(k int) bool {
	return x.norm[k] == "صلي" && k+1 < len(x.norm) && x.norm[k+1] == "الله"
}

// DivineName reports whether a name is God's (الله، لله، بالله، الرحمن،
// الله تعالى، الله عز وجل): every word a divine word, عز only before وجل
// (عز alone is a man's name). The entity recognizer tags such names; they
// are no entity of the news and no speaker.
func DivineName(name string) bool {
	words := 0
	toks := arabic.Tokenize(name)
	for i, t := range toks {
		if !t.IsWordLike() {
			continue
		}
		if !has(divineWords, t.Norm) && !has(divineForms, t.Norm) || t.Norm == "عز" && (i+1 == len(toks) || toks[i+1].Norm != "وجل") {
			return false
		}
		words++
	}
	return words > 0
}

// determiner reports whether the demonstrative at k determines the noun
// after it (هذا المصدر، هذه المصادر), rather than being a pronoun.
func (x *extractor) determiner(k, limit int) bool {
	n := x.norm[k]
	if n != "هذا" && n != "هذه" && n != "هولاء" || k+1 > limit || x.toks[k+1].Kind != arabic.Word {
		return false
	}
	return strings.HasPrefix(x.norm[k+1], "ال")
}

// femaleBefore reports whether the person whose phrase starts at token
// first is a woman by the words before the name: a woman's title in the
// phrase or up to four words before it (الوزيرة، الصحفية والناشطة), or a
// verb of a feminine subject right before it (وكانت سابيتري سامال، وأكدت
// ليلى).
func (x *extractor) femaleBefore(first int) bool {
	for k := first; k >= 0 && k >= first-4; k-- {
		if x.toks[k].Kind != arabic.Word || k < first && x.toks[k+1].Breaks > 0 {
			break
		}
		n := x.norm[k]
		bare := strings.TrimPrefix(n, "و")
		if has(femaleTitles, n) || has(femaleTitles, bare) {
			return true
		}
		if k == first-1 && (feminineCue(baseCue(n)) || has(feminineVerbs, bare)) {
			return true
		}
		if k < first && (has(titles, n) || has(titles, bare) || has(prepositions, n) || has(complementizers, n) ||
			has(relatives, n) || x.inPersonMention(k) || baseCue(n) != "") {
			break // a man's title, or the phrase ends
		}
	}
	return false
}

// feminineVerbs are verbs of a feminine subject, besides the feminine
// cues, that news writes right before a woman's name: of being (وكانت
// فلانة، باتت) and of a few deeds (وصلت، شاركت، عبرت، التقت فلانة).
var feminineVerbs = set("كانت", "ظلت", "باتت", "اصبحت", "صارت", "عادت", "بدات", "قامت", "شاركت", "عبرت", "اعربت", "وصلت", "التقت")

// titleNounAt reports whether the word at i, a title that is an
// adjective too (adjectiveTitles), stands as a noun: at the start of a
// sentence or clause, or after a verb of a feminine subject, a cue or a
// complementizer (عبرت الصحفية، وقالت الناشطة، أن الإعلامية), not after
// the noun it qualifies (التغطية الإعلامية).
func (x *extractor) titleNounAt(i int) bool {
	if i == 0 || x.toks[i-1].Kind != arabic.Word || x.toks[i].Breaks > 0 {
		return true
	}
	p := x.norm[i-1]
	if kind, _ := lookupCue(p); kind != cueNone {
		return true
	}
	return has(complementizers, p) || has(subjectIntroducers, p) || has(feminineVerbs, strings.TrimPrefix(p, "و")) ||
		strings.HasSuffix(p, "ت") && !strings.HasPrefix(p, "ال") && len([]rune(p)) >= 4
}

// mashaAllah reports whether the function word ما at k begins the name
// ما شاء الله (ما شاء الله الزوي), wherever it stands in the phrase.
func (x *extractor) mashaAllah(k int) bool {
	return x.norm[k] == "ما" && k+1 < len(x.norm) && x.norm[k+1] == "شاء"
}

// functionWord reports whether the normalized word n is a function word
// (arabic.IsStopword) that is no part of a name: أم of a kunya (أم
// فاطمة) and the names خلف and هنا are.
func functionWord(n string) bool {
	return arabic.IsStopword(n) && !has(nameLinks, n) && n != "خلف" && n != "هنا"
}
