package ner

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/arabic"
)

// tokenInfo holds the hashed attributes of one token that the features
// of other tokens, the gazetteer or the second pass read, computed once
// per token; features combine them with their template and position.
type tokenInfo struct {
	word     uint64 // normalized word
	stem     uint64 // light stem (arabic.StemNorm)
	bare     uint64 // the word without its proclitics (و ف ب ك ل, لل → ال)
	noAl     uint64 // bare without the article
	strip    uint64 // the most stripped clitic-free form, known or not (the second pass's key of the word)
	shape    uint64
	variants [4]uint64 // the word and its clitic-free forms, for the gazetteer
	cluster  uint32    // cluster path of the word (or of bare), 0 if unknown
	nvar     uint8
	trig     uint8
	morph    uint8 // how the word's other forms occur in the cluster list (morph* bits)
	quote    uint8 // quote* bits
	parts    uint8 // name-part bits set by the gazetteer: 1<<(2*type) first word, 1<<(2*type+1) later word
	// cliticName is set by the gazetteer on a word whose clitic-free
	// form is a one-word name and that is none itself (بترمب): it
	// begins a name, never continues one.
	cliticName bool
}

// tokenOwn holds the hashed attributes of one token that only its own
// features read (ownFeatures, ownLite).
type tokenOwn struct {
	pfx     uint64 // the proclitics removed
	affix   [6]uint64
	grams   [maxGrams]uint64 // letter trigrams of noAl, with its edges
	ngrams  int
	viaBare bool // the cluster is bare's
}

// Bits of tokenInfo.morph: forms of the clitic-free word (without its
// article, noAl) that the word list of raw news text knows. Common nouns
// and adjectives take the article and pronoun suffixes; names mostly do
// not.
const (
	morphKnown   = 1 << iota // the word or its clitic-free form is listed
	morphWithAl              // ال + noAl is listed
	morphBareAl              // noAl alone is listed
	morphSuffix1             // noAl with one pronoun or plural suffix is listed
	morphSuffix2             // with two or more of them
)

// Bits of tokenInfo.quote: titles of programmes, books and the like are
// written between quotation marks.
const (
	quoteIn    = 1 << iota // between a pair of quotation marks, close together
	quoteFirst             // the first word between them
	quoteLast              // the last word between them
)

// maxQuoted bounds the words between quotation marks that mark them.
const maxQuoted = 8

// isQuoteMark reports whether a token is a quotation mark.
func isQuoteMark(text string) bool {
	switch text {
	case "\"", "'", "«", "»", "“", "”", "„", "‘", "’", "''", "``":
		return true
	}
	return false
}

// markQuotes sets the quote bits of the tokens of a sentence: quotation
// marks are paired in order, a run of marks counting as one.
func markQuotes(tokens []string, toks []tokenInfo) {
	open := -1
	for i := 0; i < len(tokens); i++ {
		if !isQuoteMark(tokens[i]) {
			continue
		}
		j := i
		for j+1 < len(tokens) && isQuoteMark(tokens[j+1]) {
			j++
		}
		if open < 0 {
			open = j
		} else {
			if n := i - open - 1; n > 0 && n <= maxQuoted {
				for k := open + 1; k < i; k++ {
					toks[k].quote |= quoteIn
				}
				toks[open+1].quote |= quoteFirst
				toks[i-1].quote |= quoteLast
			}
			open = -1
		}
		i = j
	}
}

// morphSuffixes are the suffixes whose forms are looked up for morph.
var morphSuffixes = [...]string{"ها", "ه", "هم", "ات", "ين", "ون", "كم"}

// maxGrams bounds the letter trigrams of a token.
const maxGrams = 10

// Proclitics, outermost first.
const (
	sWaw = "و"
	sFeh = "ف"
	sBeh = "ب"
	sKaf = "ك"
	sLam = "ل"
	sAl  = "ال"
	sLL  = "لل"
)

// cliticForms returns the forms of the normalized word w with its
// proclitics removed, least stripped first: without و/ف, without ب/ك/ل
// (لل becoming ال), and without both. Each keeps at least two letters.
func cliticForms(w string, dst []string) []string {
	dst = append(dst[:0], w)
	bases := []string{w}
	if (strings.HasPrefix(w, sWaw) || strings.HasPrefix(w, sFeh)) && utf8.RuneCountInString(w) >= 4 {
		c := w[len(sWaw):]
		dst = append(dst, c)
		bases = append(bases, c)
	}
	for _, b := range bases {
		if utf8.RuneCountInString(b) < 4 {
			continue
		}
		switch {
		case strings.HasPrefix(b, sLL):
			dst = append(dst, sAl+b[len(sLL):])
		case strings.HasPrefix(b, sBeh), strings.HasPrefix(b, sKaf), strings.HasPrefix(b, sLam):
			dst = append(dst, b[len(sBeh):])
		}
	}
	return dst
}

// Shapes of a token.
const (
	shapeArabic = iota + 1
	shapeLatin
	shapeLatinCap
	shapeDigit
	shapePunct
	shapeOther
)

// info computes the attributes of the token text (as written) whose
// normalized form is w, into ti and own.
func (lx *lexicon) info(text, w string, ti *tokenInfo, own *tokenOwn, forms []string) []string {
	ti.word = hashString(w)
	ti.stem = hashString(arabic.StemNorm(w))
	forms = cliticForms(w, forms)
	for _, f := range forms {
		if int(ti.nvar) < len(ti.variants) {
			ti.variants[ti.nvar] = hashString(f)
			ti.nvar++
		}
	}
	// bare: the most stripped form the cluster list knows, else w.
	bare := w
	if c, ok := lx.clusters.get(ti.word); ok {
		ti.cluster = c
	}
	for i := len(forms) - 1; i > 0; i-- {
		if c, ok := lx.clusters.get(ti.variants[i]); ok {
			bare = forms[i]
			if ti.cluster == 0 {
				ti.cluster, own.viaBare = c, true
			}
			break
		}
	}
	ti.bare = hashString(bare)
	ti.strip = hashString(forms[len(forms)-1])
	own.pfx = hashString(w[:len(w)-len(bare)])
	noAl := bare
	if strings.HasPrefix(bare, sAl) && utf8.RuneCountInString(bare) >= 4 {
		noAl = bare[len(sAl):]
		ti.noAl = hashString(noAl)
	} else {
		ti.noAl = ti.bare
	}
	if ti.cluster != 0 {
		ti.morph |= morphKnown
	}
	if _, ok := lx.clusters.get(hashConcat(sAl, noAl)); ok {
		ti.morph |= morphWithAl
	}
	if _, ok := lx.clusters.get(hashString(noAl)); ok {
		ti.morph |= morphBareAl
	}
	nsuf := 0
	stem := strings.TrimSuffix(noAl, "ة")
	for _, suf := range morphSuffixes {
		if _, ok := lx.clusters.get(hashConcat(stem, suf)); ok {
			nsuf++
		}
	}
	if stem != noAl {
		if _, ok := lx.clusters.get(hashConcat(stem, "تها")); ok {
			nsuf++
		}
	}
	switch {
	case nsuf >= 2:
		ti.morph |= morphSuffix2
	case nsuf == 1:
		ti.morph |= morphSuffix1
	}
	// Letter trigrams of noAl, the word's edges marked: transliterated
	// foreign names have letter sequences of their own.
	var starts [maxGrams + 3]int // byte offsets of the runes of ^noAl$
	ns := 0
	for i := range noAl {
		if ns == len(starts)-1 {
			break
		}
		starts[ns] = i
		ns++
	}
	end := len(noAl)
	if ns == len(starts)-1 {
		end = starts[ns-1]
		ns--
	}
	for k := -1; k+1 < ns && own.ngrams < maxGrams; k++ {
		// The letters k, k+1, k+2 of noAl, -1 and ns being its edges.
		from, to := 0, end
		if k >= 0 {
			from = starts[k]
		}
		if k+3 < ns {
			to = starts[k+3]
		}
		h := uint64(fnvOffset)
		if k < 0 {
			h = (h ^ '^') * fnvPrime
		}
		h = hashMore(h, noAl[from:to])
		if k+3 > ns {
			h = (h ^ '$') * fnvPrime
		}
		own.grams[own.ngrams] = h
		own.ngrams++
	}
	// Prefixes and suffixes of one to three letters.
	p, s := 0, len(w)
	for k := 0; k < 3; k++ {
		if p < len(w) {
			_, n := utf8.DecodeRuneInString(w[p:])
			p += n
		}
		if s > 0 {
			_, n := utf8.DecodeLastRuneInString(w[:s])
			s -= n
		}
		own.affix[k] = hashString(w[:p])
		own.affix[3+k] = hashString(w[s:])
	}
	ti.shape = shapeOf(text)
	if c, ok := lx.triggers[ti.word]; ok {
		ti.trig = c
	} else {
		for i := 1; i < int(ti.nvar); i++ {
			if c, ok := lx.triggers[ti.variants[i]]; ok {
				ti.trig = c
				break
			}
		}
	}
	return forms
}

func shapeOf(text string) uint64 {
	n := utf8.RuneCountInString(text)
	lenClass := uint64(min(n, 9))
	r, _ := utf8.DecodeRuneInString(text)
	var kind uint64
	switch {
	case arabic.IsArabicLetter(r):
		kind = shapeArabic
	case unicode.IsUpper(r):
		kind = shapeLatinCap
	case unicode.IsLetter(r):
		kind = shapeLatin
	case unicode.IsDigit(r):
		kind = shapeDigit
	case unicode.IsPunct(r):
		kind = shapePunct
		lenClass = uint64(r) // the mark itself
	default:
		kind = shapeOther
	}
	return kind<<32 | lenClass
}

// Feature templates. Each feature is mix(template, value).
const (
	tBias = iota + 1
	tWord // + offset, 5 of them
	_
	_
	_
	_
	tBigramL
	tBigramR
	tStem // -1, 0, +1
	_
	_
	tBare // -1, 0, +1
	_
	_
	tNoAl
	tPfx
	tAffix // 6
	_
	_
	_
	_
	_
	tShape
	tShapes
	tCl1 // + offset, 5
	_
	_
	_
	_
	tCl2 // + offset, 3
	_
	_
	tCl3 // + offset, 3
	_
	_
	tFreq
	tFreqShape
	tGaz
	tGazL
	tGazR
	tTrig // + offset, 5
	_
	_
	_
	_
	tTrigWord
	tFirst
	tLast
	tGazCl
	tGram
	tMorph // + offset, 3
	_
	_
	tMorphShape
	tParts // + offset, 3
	_
	_
	tPartsLR
	tQuote
)

// Sentinel attribute values beyond the edges of the sentence.
const (
	edgeLeft  = 0x1ef7
	edgeRight = 0x2197
)

// featureSet is the features of a token in one pass of the tagger, in
// three parts: those of the token alone (own), those that each
// neighbour alone gives it at its offset (neighbour), and those that read
// the sentence around it (context). The first two depend on the word as
// the lexicon analyzed it and nothing else, so a tagger may sum their
// weights once per word (tokenMemo).
type featureSet struct {
	own       func(cur *tokenInfo, own *tokenOwn, dst []uint64) []uint64
	neighbour func(t *tokenInfo, k int, dst []uint64) []uint64
	context   func(toks []tokenInfo, gaz []uint16, i int, dst []uint64) []uint64
	// near lists the indexes into neighbourOffsets of the offsets at which
	// neighbour gives features; at the others it gives none, so the memo
	// and decode skip them (all reads every offset, and TestWordSums
	// checks the two agree).
	near []int
}

// passFeatures returns the features of stage k of a model: the first
// pass's, then the second's (which also has docFeatures). The second
// pass has the word and its near context in a few features: the first
// pass's tag summarizes the rest, and the second pass costs far less
// than the first (commit 857cd7b: Tag, both passes, at 0.7x the
// tokens/s of the single-pass build beside it, 84-94k against 124-142k
// at load 2.8, by go test ./internal/ner -run XXX -bench . -cpu 1
// -benchtime 2s).
func passFeatures(k int) featureSet {
	if k == 0 {
		return featureSet{ownFeatures, neighbourFeatures, contextFeatures, allNear}
	}
	return featureSet{ownLite, neighbourLite, contextLite, nextNear}
}

// allNear and nextNear are the neighbours the passes read: all of
// neighbourOffsets, and the tokens just before and after (neighbourLite).
var allNear, nextNear = []int{0, 1, 2, 3}, []int{1, 2}

// neighbourOffsets are the offsets of the neighbours whose own
// attributes a token's features read.
var neighbourOffsets = [...]int{-2, -1, 1, 2}

// all appends all the features of token i of a sentence to dst.
func (fs featureSet) all(toks []tokenInfo, owns []tokenOwn, gaz []uint16, i int, dst []uint64) []uint64 {
	dst = fs.own(&toks[i], &owns[i], dst)
	for _, k := range neighbourOffsets {
		if j := i + k; j >= 0 && j < len(toks) {
			dst = fs.neighbour(&toks[j], k, dst)
		}
	}
	return fs.context(toks, gaz, i, dst)
}

// ownFeatures appends the features of the first pass that depend on the
// token alone.
func ownFeatures(cur *tokenInfo, own *tokenOwn, dst []uint64) []uint64 {
	f := func(t int, v uint64) { dst = append(dst, mix(uint64(t), v)) }
	f(tWord+2, cur.word)
	f(tStem+1, cur.stem)
	f(tBare+1, cur.bare)
	f(tNoAl, cur.noAl)
	f(tBias, 0)
	f(tCl1+2, uint64(cur.cluster>>16&0xff))
	f(tTrig+2, uint64(cur.trig))
	f(tCl2+1, uint64(cur.cluster>>8&0xffff))
	f(tCl3+1, uint64(cur.cluster&0xffffff))
	f(tPfx, own.pfx)
	for k, a := range own.affix {
		f(tAffix+k, a)
	}
	f(tMorph+1, uint64(cur.morph))
	f(tMorphShape, uint64(cur.morph)<<40|cur.shape)
	for _, g := range own.grams[:own.ngrams] {
		f(tGram, g)
	}
	f(tShape, cur.shape)
	f(tFreq, uint64(cur.cluster>>24)<<1|b2u(own.viaBare))
	f(tFreqShape, uint64(cur.cluster>>24)<<40|cur.shape)
	return dst
}

// neighbourFeatures appends the features of the first pass that the
// token t alone gives the token whose neighbour it is at offset k (k < 0:
// t is on that token's left).
func neighbourFeatures(t *tokenInfo, k int, dst []uint64) []uint64 {
	f := func(tm int, v uint64) { dst = append(dst, mix(uint64(tm), v)) }
	f(tWord+k+2, t.word)
	f(tCl1+k+2, uint64(t.cluster>>16&0xff))
	f(tTrig+k+2, uint64(t.trig))
	if k == -1 || k == 1 {
		f(tStem+k+1, t.stem)
		f(tBare+k+1, t.bare)
		f(tCl2+k+1, uint64(t.cluster>>8&0xffff))
		f(tCl3+k+1, uint64(t.cluster&0xffffff))
		f(tMorph+k+1, uint64(t.morph))
	}
	return dst
}

// contextFeatures appends the features of the first pass for token i
// that ownFeatures and neighbourFeatures leave out.
func contextFeatures(toks []tokenInfo, gaz []uint16, i int, dst []uint64) []uint64 {
	f := func(t int, v uint64) { dst = append(dst, mix(uint64(t), v)) }
	cur := &toks[i]
	var l, r *tokenInfo
	if i > 0 {
		l = &toks[i-1]
	}
	if i < len(toks)-1 {
		r = &toks[i+1]
	}
	lw, rw, ls, rs := uint64(edgeLeft), uint64(edgeRight), uint64(edgeLeft), uint64(edgeRight)
	if l != nil {
		lw, ls = l.word, l.shape
	}
	if r != nil {
		rw, rs = r.word, r.shape
	}
	f(tBigramL, mix(lw, cur.word))
	f(tBigramR, mix(cur.word, rw))
	if l != nil && l.trig != trigNone {
		f(tTrigWord, mix(uint64(l.trig), cur.word))
	}
	for _, k := range neighbourOffsets {
		switch j := i + k; {
		case j < 0:
			f(tWord+k+2, edgeLeft)
		case j >= len(toks):
			f(tWord+k+2, edgeRight)
		}
	}
	if cur.quote != 0 {
		f(tQuote, uint64(cur.quote))
	}
	lp, rp := uint64(0x100), uint64(0x200)
	if l != nil {
		lp = uint64(l.parts)
	}
	if r != nil {
		rp = uint64(r.parts)
	}
	f(tParts, lp)
	f(tParts+1, uint64(cur.parts))
	f(tParts+2, rp)
	f(tPartsLR, lp<<20|uint64(cur.parts)<<10|rp)
	f(tShapes, mix(mix(ls, cur.shape), rs))
	g := gaz[i]
	for b := 0; b < 3*int(numTypes); b++ {
		if g&(1<<b) != 0 {
			f(tGaz, uint64(b))
			f(tGazCl, uint64(b)<<32|uint64(cur.cluster>>16&0xff))
		}
	}
	if l != nil {
		f(tGazL, uint64(gaz[i-1]))
	}
	if r != nil {
		f(tGazR, uint64(gaz[i+1]))
	}
	if i == 0 {
		f(tFirst, 0)
	}
	if i == len(toks)-1 {
		f(tLast, 0)
	}
	return dst
}

// ownLite appends the features of the second pass that depend on the
// token alone.
func ownLite(cur *tokenInfo, own *tokenOwn, dst []uint64) []uint64 {
	f := func(t int, v uint64) { dst = append(dst, mix(uint64(t), v)) }
	f(tBias, 0)
	f(tWord+2, cur.word)
	f(tBare+1, cur.bare)
	f(tNoAl, cur.noAl)
	f(tTrig+2, uint64(cur.trig))
	f(tCl1+2, uint64(cur.cluster>>16&0xff))
	f(tCl2+1, uint64(cur.cluster>>8&0xffff))
	f(tAffix+2, own.affix[2])
	f(tAffix+5, own.affix[5])
	f(tShape, cur.shape)
	f(tFreq, uint64(cur.cluster>>24)<<1|b2u(own.viaBare))
	f(tMorph+1, uint64(cur.morph))
	return dst
}

// neighbourLite appends the features of the second pass that the token
// t alone gives the token whose neighbour it is at offset k: only the
// next neighbours' (k = ±1).
func neighbourLite(t *tokenInfo, k int, dst []uint64) []uint64 {
	if k == -1 || k == 1 {
		dst = append(dst, mix(uint64(tWord+k+2), t.word), mix(uint64(tTrig+k+2), uint64(t.trig)))
	}
	return dst
}

// contextLite appends the features of the second pass for token i that
// ownLite and neighbourLite leave out, beside docFeatures.
func contextLite(toks []tokenInfo, gaz []uint16, i int, dst []uint64) []uint64 {
	f := func(t int, v uint64) { dst = append(dst, mix(uint64(t), v)) }
	cur := &toks[i]
	f(tParts+1, uint64(cur.parts))
	if g := gaz[i]; g != 0 {
		f(tGaz, uint64(g))
	}
	if cur.quote != 0 {
		f(tQuote, uint64(cur.quote))
	}
	return dst
}

// analyze computes the token attributes (toks, owns) and gazetteer bits
// of a sentence of tokens as written, reusing the buffers of s.
func (s *scratch) analyze(lx *lexicon, gz *gazetteer, tokens []string) {
	s.toks = slices.Grow(s.toks[:0], len(tokens))[:len(tokens)]
	s.owns = slices.Grow(s.owns[:0], len(tokens))[:len(tokens)]
	for i, t := range tokens {
		s.toks[i], s.owns[i] = tokenInfo{}, tokenOwn{}
		s.forms = lx.info(t, arabic.NormalizeString(t), &s.toks[i], &s.owns[i], s.forms)
	}
	s.mark(gz, tokens)
}

// mark sets the attributes of the tokens of s that depend on the rest of
// the sentence: quotation marks and the gazetteer's bits.
func (s *scratch) mark(gz *gazetteer, tokens []string) {
	markQuotes(tokens, s.toks)
	if cap(s.gaz) < len(tokens) {
		s.gaz = make([]uint16, len(tokens), 2*len(tokens))
	}
	s.gaz = s.gaz[:len(tokens)]
	clear(s.gaz)
	gz.mark(s.toks, s.gaz)
}

// scratch holds buffers reused from sentence to sentence.
type scratch struct {
	toks  []tokenInfo
	owns  []tokenOwn  // of each token of toks, when scratch.analyze analyzed them
	sums  []*wordSums // of each token of toks, when a Model analyzed them
	turn  int         // the tokens this scratch has added to a model's memo
	gaz   []uint16
	forms []string
	feats []uint64
	score []float32
	back  []uint8
	tags  []Tag
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
