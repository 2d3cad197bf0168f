package ner

import (
	"hash/maphash"
	"sync/atomic"

	"github.com/rasid-news/rasid/internal/arabic"
)

// wordSums holds, for each stage of a model, the sums of the weights of
// the features that a word alone gives (for each tag): row 0 to itself
// (ownFeatures in the first stage, ownLite in the others), row 1+n to
// the token whose neighbour it is at offset neighbourOffsets[n] (the
// token -neighbourOffsets[n] places after it: neighbourFeatures,
// neighbourLite).
type wordSums [maxStages][1 + len(neighbourOffsets)][numTags]int32

// tokenMemo remembers, for the tokens a model has tagged, the lexicon's
// analysis of the token and its wordSums: news text repeats its words,
// and these cost most of the tagging of a word (the lexicon's dozen
// lookups and the stem, then some sixty weight lookups, most of them in
// tables too large for the processor's nearest caches), where a repeated
// word costs one memo lookup. Both are pure functions of the token as
// written and of the model, so the memo never goes stale.
//
// It is a hash table of memoSlots slots, filled and never emptied, that
// any number of goroutines read and add to without locks: a slot, once
// set, never changes. It stops growing at memoMax tokens, after which
// other tokens are analyzed at each occurrence.
type tokenMemo struct {
	slots [memoSlots]atomic.Pointer[memoEntry]
	n     atomic.Int64
}

// memoEntry is what tokenMemo keeps of a token: the token's bytes are
// kept in the entry, beside its attributes, so that finding it reads no
// other place.
type memoEntry struct {
	n    uint8 // the length of the token
	key  [maxMemoToken]byte
	info tokenInfo
	sums wordSums
}

// is reports whether e is the entry of token t.
func (e *memoEntry) is(t string) bool { return int(e.n) == len(t) && string(e.key[:e.n]) == t }

// Bounds of tokenMemo: memoMax tokens (about 500 bytes each, 16 MB in
// all when full) in twice as many slots, of up to maxMemoToken bytes
// (15 Arabic letters; longer tokens are analyzed at each occurrence).
const (
	memoMax      = 1 << 15
	memoSlots    = 2 * memoMax
	maxMemoToken = 31
)

// memoSeed seeds the hash of the memo's tokens.
var memoSeed = maphash.MakeSeed()

// find returns the entry of token t, or nil, and the slot where t's
// search ended (t's slot if the memo adds it).
func (tm *tokenMemo) find(t string) (*memoEntry, uint64) {
	i := maphash.String(memoSeed, t) % memoSlots
	for {
		e := tm.slots[i].Load()
		if e == nil || e.is(t) {
			return e, i
		}
		i = (i + 1) % memoSlots
	}
}

// add stores e, whose search ended at slot i, unless the memo is full;
// another goroutine may have stored the same token meanwhile.
func (tm *tokenMemo) add(e *memoEntry, i uint64) {
	if tm.n.Load() >= memoMax {
		return
	}
	for !tm.slots[i].CompareAndSwap(nil, e) {
		if tm.slots[i].Load().is(string(e.key[:e.n])) {
			return
		}
		i = (i + 1) % memoSlots
	}
	tm.n.Add(1)
}

// analyze computes the attributes, gazetteer bits and wordSums of a
// sentence of tokens as written, into the buffers of s.
func (m *Model) analyze(s *scratch, tokens []string) {
	s.toks, s.sums = s.toks[:0], s.sums[:0]
	for _, t := range tokens {
		e := m.word(s, t)
		s.toks = append(s.toks, e.info)
		s.sums = append(s.sums, &e.sums)
	}
	s.mark(m.gaz, tokens)
}

// word returns the memo's entry of token t, computing it if the memo
// has none.
func (m *Model) word(s *scratch, t string) *memoEntry {
	var slot uint64
	if len(t) <= maxMemoToken {
		var e *memoEntry
		if e, slot = m.memo.find(t); e != nil {
			return e
		}
	}
	e := &memoEntry{}
	var own tokenOwn
	s.forms = m.lx.info(t, arabic.NormalizeString(t), &e.info, &own, s.forms)
	for k, st := range m.stages {
		of, nb := ownFeatures, neighbourFeatures
		if k > 0 {
			of, nb = ownLite, neighbourLite
		}
		st.sum(of(&e.info, &own, s.feats[:0]), &e.sums[k][0])
		for n, off := range neighbourOffsets {
			st.sum(nb(&e.info, off, s.feats[:0]), &e.sums[k][1+n])
		}
	}
	if len(t) <= maxMemoToken {
		e.n = uint8(copy(e.key[:], t))
		m.memo.add(e, slot)
	}
	return e
}
