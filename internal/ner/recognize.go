package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/arabic"
)

// Mention is one mention of a named entity in a text.
type Mention struct {
	Type Type `json:"type"`
	// Text is the mention as written; Start and End are its span in code
	// points of the text.
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Name is the canonical form of the mention: normalized (see
	// arabic.NormalizeString), without the clitics fused to its first
	// word (وبغداد → بغداد, للعراق → العراق) and without a leading title.
	Name string `json:"name"`
	// Written is Name as the text writes it: the same words, without the
	// clitics and the title, but with the text's hamza, alef and yeh
	// forms (فؤاد حسين where Name has فواد حسين); only diacritics,
	// tatweel and invisible marks are dropped.
	Written string `json:"written"`
	// Role is the title or office written before a person's name
	// (وزير الخارجية الأميركي), as written (marks dropped, clitics of its
	// first word too); empty if none.
	Role string `json:"role,omitempty"`
}

// maxRoleWords bounds the words of a role before a name.
const maxRoleWords = 5

// Recognize finds the named entities of a text. It splits the text into
// sentences and tokens with package arabic and tags each sentence.
func (m *Model) Recognize(text string) []Mention {
	toks, sents := arabic.SplitSentences(text)
	if len(toks) == 0 {
		return nil
	}
	// Byte offset of every code point, to cut mention texts.
	byteAt := make([]int, 0, len(text)+1)
	for i := range text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(text))
	s := m.getScratch()
	defer m.pool.Put(s)
	words := make([][]string, len(sents))
	norms := make([][]string, len(sents))
	for i, sn := range sents {
		for _, t := range toks[sn.First : sn.Last+1] {
			words[i] = append(words[i], t.Text)
			norms[i] = append(norms[i], t.Norm)
		}
	}
	var out []Mention
	for i, tags := range m.tagText(s, words) {
		st := toks[sents[i].First : sents[i].Last+1]
		for _, ch := range m.nameChunks(tags, st, norms[i]) {
			out = append(out, m.mention(text, byteAt, st, norms[i], ch))
		}
	}
	return out
}

// nameChunks returns the names of a sentence of tokens st (normalized
// norms) that the tagger tagged tags, mended in turn where the tagger
// errs in ways of its own: lineage ends (lineageEnds), علي before a
// person (aliHeads), institutions named after a ruler (namedAfter), and
// marks at a name's edges (trimMarks).
func (m *Model) nameChunks(tags []Tag, st []arabic.Token, norms []string) []Chunk {
	chunks := m.namedAfter(aliHeads(lineageEnds(Chunks(tags), st), st), st, norms)
	out := chunks[:0]
	for _, ch := range chunks {
		if ch, ok := trimMarks(ch, st); ok {
			out = append(out, ch)
		}
	}
	return out
}

// lineageEnds completes the person names of chunks (of the sentence of
// tokens st) that the tagger ended on بن, ابن, بنت or آل, which a name
// never ends with: with the person name that follows it, else with the
// next word (محمد بن سلمان بن | عبدالعزيز, عبداللطيف بن عبدالملك آل |
// الشيخ).
func lineageEnds(chunks []Chunk, st []arabic.Token) []Chunk {
	out := chunks[:0]
	for k := 0; k < len(chunks); k++ {
		ch := chunks[k]
		if ch.Type == PERS && ch.End < len(st) && linksName(st[ch.End-1].Norm) {
			switch {
			case k+1 < len(chunks) && chunks[k+1].Start == ch.End && chunks[k+1].Type == PERS:
				ch.End = chunks[k+1].End
				k++
			case st[ch.End].Kind == arabic.Word && (k+1 == len(chunks) || chunks[k+1].Start > ch.End):
				ch.End++
			}
		}
		out = append(out, ch)
	}
	return out
}

// trimMarks takes the punctuation and symbols at the edges out of chunk
// ch of the sentence of tokens st: the tagger may take a quotation mark
// into a name (قناة “العربية”, read “ العربية), where the mark's pair
// stays out. A chunk of marks alone is none (false).
func trimMarks(ch Chunk, st []arabic.Token) (Chunk, bool) {
	mark := func(i int) bool { return st[i].Kind == arabic.Punct || st[i].Kind == arabic.Symbol }
	for ch.Start < ch.End && mark(ch.Start) {
		ch.Start++
	}
	for ch.End > ch.Start && mark(ch.End-1) {
		ch.End--
	}
	return ch, ch.End > ch.Start
}

// namedAfter turns a person chunk of chunks (of the sentence of tokens
// st, normalized norms) that follows a ruler's title after the head of an
// organization, place or venue name into that institution's name, of the
// head's type: مركز الملك سلمان, بجامعة الملك عبدالعزيز, مطار الملك
// خالد are no King Salman, Abdulaziz or Khalid, though the tagger reads
// the name after the title as a person (the heads are the trigger lists'
// organization, place and venue heads, without the article: the name
// stands in its construct).
func (m *Model) namedAfter(chunks []Chunk, st []arabic.Token, norms []string) []Chunk {
	// The tagger may have read the head and the title as a name of their
	// own (جامعة الملك | عبدالعزيز): they take the person in.
	out := chunks[:0]
	for _, ch := range chunks {
		if n := len(out); n > 0 && ch.Type == PERS && out[n-1].Type != PERS && out[n-1].End == ch.Start &&
			out[n-1].End-out[n-1].Start >= 2 && rulerTitles[norms[ch.Start-1]] {
			out[n-1].End = ch.End
			continue
		}
		out = append(out, ch)
	}
	chunks = out
	for k := range chunks {
		ch := &chunks[k]
		h := ch.Start - 2
		if ch.Type != PERS || h < 0 || !rulerTitles[norms[h+1]] || k > 0 && chunks[k-1].End > h {
			continue
		}
		if st[h].Kind != arabic.Word || st[h+1].Kind != arabic.Word {
			continue
		}
		head := m.stripClitics(norms[h])
		if strings.HasPrefix(head, sAl) {
			continue // قائد القوات الأمير فهد: a title of his, no name
		}
		switch m.lx.triggers[hashString(head)] {
		case trigOrg:
			ch.Type, ch.Start = ORG, h
		case trigLoc:
			ch.Type, ch.Start = LOC, h
		case trigMisc:
			ch.Type, ch.Start = MISC, h
		}
	}
	return chunks
}

// rulerTitles are the titles, normalized, of the rulers and princes
// whose names institutions take.
var rulerTitles = map[string]bool{"الملك": true, "الامير": true, "الشيخ": true, "السلطان": true}

// aliHeads gives back to the person names of chunks (of the sentence of
// tokens st) the given name علي written just before them, which the
// tagger leaves out as the preposition على it is when normalized (المخلوع
// علي | عبدالله صالح). Only as written with ي (the preposition is written
// with ى), and not after another name (سعود الدوسري علي الغفيلي are two
// people of a list).
func aliHeads(chunks []Chunk, st []arabic.Token) []Chunk {
	for k := range chunks {
		ch := &chunks[k]
		if a := ch.Start - 1; ch.Type == PERS && a >= 0 && st[a].Text == "علي" && (k == 0 || chunks[k-1].End < a) {
			ch.Start = a
		}
	}
	return chunks
}

// mention builds the Mention of chunk ch of a sentence.
func (m *Model) mention(text string, byteAt []int, st []arabic.Token, norms []string, ch Chunk) Mention {
	first, end := ch.Start, ch.End
	// A particle the tagger took into a name is no part of it (فإن
	// النجيفي, وكان محمد الحربي). Only as written with its hamza: فان
	// begins names (فان غال), and so do most function words once
	// normalized (علي, لي, في إس بي).
	for end-first > 1 && headParticles[plain(st[first].Text)] {
		first++
	}
	// Nor is the next clause's particle it took in at the end (دونالد
	// ترامب فإن), or a complementizer at the end of a person's name
	// (السفير علاء يوسف بأن الرئيس …).
	for end-first > 1 && (tailParticles[plain(st[end-1].Text)] || ch.Type == PERS && tailComplementizers[plain(st[end-1].Text)]) {
		end--
	}
	if ch.Type == PERS {
		// A title after the name is no part of it (محمد بن سلمان ولي ولي
		// العهد), as long as two words of the chunk remain (titles at
		// its head count: they become the role below), unless it follows
		// بن or آل, as a family name may be one (آل الشيخ).
		for end-first > 2 && m.lx.triggers[hashString(norms[end-1])] == trigTitle && !linksName(norms[end-2]) {
			end--
		}
	}
	mn := Mention{Type: ch.Type}
	name := append([]string(nil), norms[first:end]...)
	if ch.Type != PERS && end-first > 1 {
		name[0] = m.stripHead(name[0])
	} else {
		name[0] = m.stripClitics(name[0])
	}
	// written is token i as the text writes it, without its clitics bare
	// (stripClitics' reading) when bare is not "".
	written := func(i int, bare string) string {
		if bare != "" {
			return dropClitics(st[i].Text, norms[i], bare)
		}
		return plain(st[i].Text)
	}
	k := 0 // the title words at the head of the chunk
	if ch.Type == PERS {
		// A title tagged as part of the name becomes its role.
		for k < len(name)-1 && m.lx.triggers[hashString(name[k])] == trigTitle {
			k++
		}
		// Titles and offices written just before the name.
		j := first
		for j > 0 && first-j < maxRoleWords {
			c := m.lx.triggers[hashString(m.stripClitics(norms[j-1]))]
			if c != trigTitle && c != trigNat {
				break
			}
			j--
		}
		jBare := ""
		for ; j < first; j++ {
			if jBare = m.stripClitics(norms[j]); m.lx.triggers[hashString(jBare)] == trigTitle {
				break // a role begins with a title
			}
		}
		var role []string
		for i := j; i < first+k; i++ {
			bare := ""
			switch i {
			case first:
				bare = name[0]
			case j:
				bare = jBare
			}
			role = append(role, written(i, bare))
		}
		mn.Role = strings.Join(role, " ")
		name = name[k:]
	}
	mn.Name = strings.Join(name, " ")
	ws := make([]string, 0, end-first-k)
	for i := first + k; i < end; i++ {
		bare := ""
		if i == first {
			bare = name[0]
		}
		ws = append(ws, written(i, bare))
	}
	mn.Written = strings.Join(ws, " ")
	mn.Start, mn.End = st[first].Start, st[end-1].End
	// A bidi or zero-width mark written onto the name's last word
	// (عبدالعزيز + U+200F) is no part of the name as written: entity
	// pages list the mentions' texts as its spellings.
	for mn.End > mn.Start && mn.End < len(byteAt) {
		r, _ := utf8.DecodeLastRuneInString(text[:byteAt[mn.End]])
		if !unicode.Is(unicode.Cf, r) {
			break
		}
		mn.End--
	}
	if mn.End < len(byteAt) {
		mn.Text = text[byteAt[mn.Start]:byteAt[mn.End]]
	}
	return mn
}

// headParticles are the particles, as written, that begin no name.
var headParticles = map[string]bool{
	"فإن": true, "وإن": true, "إن": true, "لكن": true, "ولكن": true,
	"قد": true, "وقد": true, "فقد": true, "كان": true, "وكان": true, "لأن": true,
}

// tailParticles are the particles, as written, that end no name, where
// the tagger takes the next clause's first word in (دونالد ترامب فإن);
// not إن (سي إن إن) nor كان (مهرجان كان).
var tailParticles = map[string]bool{
	"فإن": true, "وإن": true, "لكن": true, "ولكن": true, "وقد": true, "فقد": true, "لأن": true,
}

// tailComplementizers are the complementizers, as written, that end no
// person's name (علاء يوسف بأن); not أن nor إن alone, which the tagger
// may take for a person's letters (سي إن إن, سي أن أن).
var tailComplementizers = map[string]bool{
	"بأن": true, "بأنه": true, "بأنها": true, "أنه": true, "أنها": true, "إنه": true, "إنها": true,
}

// dropClitics returns the written word w, whose normalized form is norm,
// without the clitics that stripClitics dropped to give stripped: the
// letters of norm before the tail it shares with stripped are cut from w,
// and the letters of stripped before that tail written in their place
// (للعراق, stripped العراق: ل cut, ال written before عراق).
func dropClitics(w, norm, stripped string) string {
	if stripped == norm {
		return plain(w)
	}
	a, b := []rune(norm), []rune(stripped)
	tail := 0
	for tail < len(a) && tail < len(b) && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	n := arabic.Normalize(w)
	if len(n.Map) != len(a)+1 {
		return stripped // w does not normalize to norm: keep the canonical form
	}
	cut := n.Map[len(a)-tail]
	return string(b[:len(b)-tail]) + plain(string([]rune(w)[cut:]))
}

// plain is the written word w without the marks Normalize drops
// (diacritics, tatweel, zero-width and bidi marks).
func plain(w string) string {
	return strings.Map(func(r rune) rune {
		if arabic.IsMark(r) {
			return -1
		}
		return r
	}, w)
}

// stripClitics returns the normalized word w without the proclitics
// fused to it, when the evidence says they are clitics: a clitic-free
// form that is a known name or a listed word that begins with the
// article, or one the word lists know better than w itself. Names written in the
// hand-made lists that begin with a
// clitic-like letter (واشنطن، بغداد، لبنان، فرنسا) stay whole.
func (m *Model) stripClitics(w string) string { return m.strip(w, 1) }

// stripHead is stripClitics for the first word of a name of several
// words that is not a person's: the head of an organization, place or
// event (بطولة, كلية, جامعة) is a common noun, so a clitic-free form that
// the word lists know better than the whole word at all, not by two
// log2 classes, is evidence enough (لبطولة الأندية → بطولة الأندية).
// Of ANERcorp's names of several words (train and dev), this reads two
// more first words without their clitic, لبطولة and بكلية, and no
// other (go test ./internal/ner -run TestStripHeadOnANERcorp -v); a
// person's first word keeps the stricter rule, as لوكاس
// بودولكسي is no ل + وكاس.
func (m *Model) stripHead(w string) string { return m.strip(w, 0) }

// strip is stripClitics, a clitic-free form known better than w by more
// than margin log2 classes of count taking its place.
func (m *Model) strip(w string, margin uint32) string {
	if utf8.RuneCountInString(w) < 4 {
		return w
	}
	var buf [4]string
	forms := cliticForms(w, buf[:0])
	if len(forms) == 1 || m.lx.handNames[hashString(w)] {
		return w
	}
	// Tagged corpora list clitic forms as names (للعراق), so a name
	// inside the word wins over the whole word.
	for i := len(forms) - 1; i > 0; i-- {
		if m.isName(forms[i]) {
			return forms[i]
		}
	}
	count := func(s string) uint32 {
		c, _ := m.lx.clusters.get(hashString(s))
		return c >> 24
	}
	for i := len(forms) - 1; i > 0; i-- {
		// A form with the article that the word list knows (فالون is
		// not ف + الون), with a word after the article (وكالة is not و
		// + ك + الة). It comes before the whole word's being a name:
		// the training gazetteer lists the clitic forms the corpus
		// tags (والمدينة, بالاتحاد, والاتفاق).
		if strings.HasPrefix(forms[i], sAl) && !strings.HasPrefix(w, sAl) && utf8.RuneCountInString(forms[i]) >= 4 && count(forms[i]) > 0 {
			return forms[i]
		}
	}
	if m.isName(w) {
		return w
	}
	best, bc := w, count(w)
	for _, f := range forms[1:] {
		if c := count(f); c > bc+margin {
			best, bc = f, c
		}
	}
	return best
}

// isName reports whether the normalized word w is a one-word name in the
// gazetteer.
func (m *Model) isName(w string) bool {
	f, ok := m.gaz.phrases.get(phraseKey(0, hashString(w)))
	return ok && f&^gazPrefix != 0
}
