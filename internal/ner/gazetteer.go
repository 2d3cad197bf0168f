package ner

// gazetteer matches phrases of known names in a sentence. Phrases are
// keyed by the chained hashes of their normalized words, so a lookup
// allocates nothing.
type gazetteer struct {
	phrases hashTable[uint8] // phrase key → type bits (1<<Type) | gazPrefix
	// parts holds the words of the names of more than one word: word
	// hash → 1<<(2*type) for a first word, 1<<(2*type+1) for a later
	// one. A first name or a family name is then known apart from the
	// full names it was seen in.
	parts  hashTable[uint8]
	maxLen int
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
	words := 0
	for _, e := range entries {
		words += len(e.words)
	}
	g := &gazetteer{phrases: newHashTable[uint8](words), parts: newHashTable[uint8](words)}
	for _, e := range entries {
		if len(e.words) == 0 {
			continue
		}
		var k uint64
		for i, w := range e.words {
			h := hashString(w)
			if len(e.words) > 1 {
				*g.parts.upsert(h) |= 1 << (2*uint(e.typ) + uint(min(i, 1)))
			}
			k = phraseKey(k, h)
			if i < len(e.words)-1 {
				*g.phrases.upsert(k) |= gazPrefix
			}
		}
		*g.phrases.upsert(k) |= 1 << e.typ
		g.maxLen = max(g.maxLen, len(e.words))
	}
	return g
}

// mark sets in bits[i] the gazetteer bits of every token of the sentence
// whose tokens are toks. A phrase may begin with any clitic-free variant
// of its first word; later words must match exactly.
func (g *gazetteer) mark(toks []tokenInfo, bits []uint16) {
	for i := range toks {
		toks[i].parts = 0
		for _, v := range toks[i].variants[:toks[i].nvar] {
			if p, ok := g.parts.get(v); ok {
				toks[i].parts = p
				break
			}
		}
		toks[i].cliticName = false
		named := false // a variant that is a one-word name has been seen
		for vi, v := range toks[i].variants[:toks[i].nvar] {
			k := phraseKey(0, v)
			for j := i; ; {
				f, ok := g.phrases.get(k)
				if !ok {
					break
				}
				if j == i && !named && f&^gazPrefix != 0 {
					// The first variant that is a name decides: a clitic
					// form of a name, not when the word itself is one.
					named = true
					toks[i].cliticName = vi > 0
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
