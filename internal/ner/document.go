package ner

// Two passes over a text. The first pass tags each sentence alone. The
// second sees, for every token, the first pass's tag of the token and
// its neighbours, and the first pass's tags of the other occurrences of
// the same word (without its clitics, even where the word list knows no
// clitic-free form: وسلتيك, لسلتيك and سلتيك count as one) in the
// sentences around it: a surname written alone after the full name, or a
// club named ten times in a match report, is then recognized as the same
// kind of name
// (non-local features, as in Ratinov and Roth 2009, trained by
// stacking: the first-pass tags of the training data come from models
// that did not see the sentence).

// docWindow is the number of sentences on either side of a sentence
// whose first-pass tags inform it.
const docWindow = 20

// docTok is the first pass's view of one token: its own tag and the
// tags of the other occurrences of its word in the window.
type docTok struct {
	own    Tag
	others [numTags]uint16
	al     bool // the clitic-free word begins with the article
	// pairIn and pairAll count the other occurrences of this word after
	// the word before it (the pair of clitic-free words) in the window:
	// those the first pass read as one name, and all.
	pairIn, pairAll uint16
}

// docContext returns the docTok of every token of the sentences toks
// given the first-pass tags of every sentence.
func docContext(toks [][]tokenInfo, first [][]Tag) [][]docTok {
	out := make([][]docTok, len(toks))
	n := 0
	for _, t := range toks {
		n += len(t)
	}
	// Counts by word and by pair of words; neither has more keys than
	// the text has tokens.
	counts := newHashTable[[numTags]uint16](n)
	pairs := newHashTable[[2]uint16](n)
	inName := func(s, j int) bool {
		p, t := first[s][j-1], first[s][j]
		return t != O && !t.IsBegin() && p != O && p.Type() == t.Type()
	}
	add := func(s int, d int) {
		for j := 1; j < len(toks[s]); j++ {
			c := pairs.upsert(mix(toks[s][j-1].strip, toks[s][j].strip))
			if inName(s, j) {
				c[0] += uint16(d)
			}
			c[1] += uint16(d)
		}
		for j := range toks[s] {
			counts.upsert(toks[s][j].strip)[first[s][j]] += uint16(d)
		}
	}
	lo, hi := 0, 0 // sentences [lo, hi) are counted
	for s := range toks {
		for hi < len(toks) && hi <= s+docWindow {
			add(hi, 1)
			hi++
		}
		for lo < s-docWindow {
			add(lo, -1) // wraps around, as an addition of -1
			lo++
		}
		dt := make([]docTok, len(toks[s]))
		for j := range toks[s] {
			own := first[s][j]
			dt[j].own = own
			dt[j].al = toks[s][j].noAl != toks[s][j].bare
			dt[j].others, _ = counts.get(toks[s][j].strip)
			dt[j].others[own]--
			if j > 0 {
				c, _ := pairs.get(mix(toks[s][j-1].strip, toks[s][j].strip))
				dt[j].pairIn, dt[j].pairAll = c[0], c[1]-1
				if inName(s, j) {
					dt[j].pairIn--
				}
			}
		}
		out[s] = dt
	}
	return out
}

// Templates of the features of the second pass.
const (
	tDocOwn = iota + 200
	tDocOwnL
	tDocOwnR
	tDocOwnLR
	tDocNone
	tDocMaj
	tDocOwnMaj
	tDocType
	tDocShare
	tDocMajL
	tDocMajR
	tDocOwnRAl
	tDocPairL
	tDocPairR
)

// majority returns the class most often given to the other occurrences
// of a word, 0 for O and 1+t for type t (a name's words are B- or I- by
// their place in it, which the word does not carry to its other
// occurrences), or noMajority when there are none; and their number.
func (d *docTok) majority() (int, int) {
	var byClass [1 + numTypes]int
	total := int(d.others[O])
	byClass[0] = total
	for t := range numTypes {
		n := int(d.others[B(t)]) + int(d.others[I(t)])
		byClass[1+t] = n
		total += n
	}
	best := noMajority
	for c, n := range byClass {
		if n > 0 && (best == noMajority || n > byClass[best]) {
			best = c
		}
	}
	return best, total
}

// noMajority is the majority of a word with no other occurrence.
const noMajority = 1 + int(numTypes)

// docFeatures appends the second-pass features of token i to dst.
func docFeatures(doc []docTok, i int, dst []uint64) []uint64 {
	f := func(t int, v uint64) { dst = append(dst, mix(uint64(t), v)) }
	d := &doc[i]
	l, r := uint64(edgeLeft), uint64(edgeRight)
	lm, rm := uint64(edgeLeft), uint64(edgeRight)
	if i > 0 {
		l = uint64(doc[i-1].own)
		m, _ := doc[i-1].majority()
		lm = uint64(m)
	}
	if i < len(doc)-1 {
		r = uint64(doc[i+1].own)
		m, _ := doc[i+1].majority()
		rm = uint64(m)
	}
	f(tDocOwn, uint64(d.own))
	f(tDocOwnL, l<<8|uint64(d.own))
	f(tDocOwnR, r<<8|uint64(d.own))
	f(tDocOwnLR, l<<16|uint64(d.own)<<8|r)
	// A word with the article before a name is seldom its first word
	// (زعيم الحوثيين عبدالملك الحوثي), a given name without it often is.
	f(tDocOwnRAl, r<<16|uint64(d.own)<<8|b2u(d.al))
	f(tDocMajL, lm)
	f(tDocMajR, rm)
	// The same two words read as one name elsewhere: a name read whole in
	// one sentence is not cut in two in the next.
	if d.pairAll > 0 {
		f(tDocPairL, uint64(d.own)<<8|uint64(min(d.pairIn, 2))<<4|uint64(min(d.pairAll, 2)))
	}
	if i < len(doc)-1 && doc[i+1].pairAll > 0 {
		n := &doc[i+1]
		f(tDocPairR, uint64(d.own)<<8|uint64(min(n.pairIn, 2))<<4|uint64(min(n.pairAll, 2)))
	}
	maj, total := d.majority()
	if total == 0 {
		f(tDocNone, 0)
		return dst
	}
	f(tDocMaj, uint64(maj))
	f(tDocOwnMaj, uint64(d.own)<<8|uint64(maj))
	names := 0
	for t := range numTypes {
		n := int(d.others[B(t)]) + int(d.others[I(t)])
		names += n
		if n > 0 {
			f(tDocType, uint64(t)<<8|uint64(min(n, 3)))
		}
	}
	// Share of the other occurrences tagged as part of a name.
	f(tDocShare, uint64(4*names/total))
	return dst
}

// tagText tags the sentences of one text with every stage of the model.
func (m *Model) tagText(s *scratch, sents [][]string) [][]Tag {
	out := make([][]Tag, len(sents))
	// The later stages read the first's analysis of every sentence.
	keep := len(m.stages) > 1
	var infos [][]tokenInfo
	var gazs [][]uint16
	var sums [][]*wordSums
	if keep {
		infos = make([][]tokenInfo, len(sents))
		gazs = make([][]uint16, len(sents))
		sums = make([][]*wordSums, len(sents))
	}
	for i, toks := range sents {
		m.analyze(s, toks)
		if keep {
			infos[i] = append([]tokenInfo(nil), s.toks...)
			gazs[i] = append([]uint16(nil), s.gaz...)
			sums[i] = append([]*wordSums(nil), s.sums...)
		}
		out[i] = append([]Tag(nil), m.stages[0].decode(s, 0, nil)...)
	}
	if !keep {
		return out
	}
	for k := 1; k < len(m.stages); k++ {
		doc := docContext(infos, out)
		for i := range sents {
			s.toks, s.gaz, s.sums = infos[i], gazs[i], sums[i]
			copy(out[i], m.stages[k].decode(s, k, doc[i]))
		}
	}
	s.toks, s.gaz, s.sums = nil, nil, nil // the buffers belong to infos, gazs and sums
	return out
}
