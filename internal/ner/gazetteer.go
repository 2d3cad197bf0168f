package ner

// gazetteer matches phrases of known names in a sentence. Phrases are
// keyed by the chained hashes of their normalized words, so a lookup
// allocates nothing.
type gazetteer struct {
	phrases map[uint64]uint8 // phrase key → type bits (1<<Type) | gazPrefix
	maxLen  int
}

// gazPrefix marks a phrase key that begins a longer phrase.
const gazPrefix = 0x80

// Gazetteer bits of a token: bit 3*t+p for type t and position p.
const (
	gazUnit   = 0 // the whole one-word phrase
	gazBegin  = 1 // the first word of a longer phrase
	gazInside = 2 // a later word of a longer phrase
)

func phraseKey(prev, word uint64) uint64 { return mix(prev+0x51ed27, word) }

func newGazetteer(entries []gazEntry) *gazetteer {
	g := &gazetteer{phrases: make(map[uint64]uint8, 2*len(entries))}
	for _, e := range entries {
		g.add(e.words, e.typ)
	}
	return g
}

func (g *gazetteer) add(words []string, t Type) {
	if len(words) == 0 {
		return
	}
	var k uint64
	for i, w := range words {
		k = phraseKey(k, hashString(w))
		if i < len(words)-1 {
			g.phrases[k] |= gazPrefix
		}
	}
	g.phrases[k] |= 1 << t
	g.maxLen = max(g.maxLen, len(words))
}

// mark sets in bits[i] the gazetteer bits of every token of the sentence
// whose tokens are toks. A phrase may begin with any clitic-free variant
// of its first word; later words must match exactly.
func (g *gazetteer) mark(toks []tokenInfo, bits []uint16) {
	for i := range toks {
		for _, v := range toks[i].variants[:toks[i].nvar] {
			k := phraseKey(0, v)
			for j := i; ; {
				f, ok := g.phrases[k]
				if !ok {
					break
				}
				if types := f &^ gazPrefix; types != 0 {
					for t := Type(0); t < numTypes; t++ {
						if types&(1<<t) == 0 {
							continue
						}
						if j == i {
							bits[i] |= 1 << (3*uint(t) + gazUnit)
							continue
						}
						bits[i] |= 1 << (3*uint(t) + gazBegin)
						for m := i + 1; m <= j; m++ {
							bits[m] |= 1 << (3*uint(t) + gazInside)
						}
					}
				}
				j++
				if f&gazPrefix == 0 || j >= len(toks) || j-i >= g.maxLen {
					break
				}
				k = phraseKey(k, toks[j].word)
			}
		}
	}
}
