package arabic

import (
	"hash/maphash"
	"strings"
)

// wordTable maps words to small values (below 2^24) in one flat array of
// 64-bit slots, open addressing with linear probing at a load factor of at
// most one half: a lookup reads one or two cache lines, where a Go map of
// strings also reads its key's bytes, which for the stemmer's corpus
// lexicon (46,000 words looked up for every word of every text) missed
// the cache. With the tables the text core runs at 2.22x the speed of
// bleve against 1.71x for the build before them (README, Evaluation:
// builds aae3afd and 1b682c6, medians of five runs each of go test
// ./internal/arabic -run XXX -bench 'TextPass|Bleve' -benchtime 5x
// -count 1 -cpu 1, load about 1). A slot holds 39 bits of the word's
// hash above its value, and a top bit that marks it used; words are known by that
// hash alone, so a word outside the table is taken for one inside less
// than once in 2^38 lookups. The probe starts at the hash bits just above
// the value.
type wordTable struct {
	seed  maphash.Seed
	slots []uint64
	mask  uint64
}

const (
	valueBits = 24
	valueMask = 1<<valueBits - 1
	usedBit   = 1 << 63 // set in every key, so that a used slot is never zero
)

// newWordTable returns a table for n words.
func newWordTable(n int) *wordTable {
	size := uint64(2)
	for size < 2*uint64(n) {
		size <<= 1
	}
	return &wordTable{seed: maphash.MakeSeed(), slots: make([]uint64, size), mask: size - 1}
}

// key is the hash of w with its value bits free and its other bits never
// all zero (a zero slot is empty).
func (t *wordTable) key(w string) uint64 {
	return maphash.String(t.seed, w)&^valueMask | usedBit
}

// home is the slot where the probe for a key (or a slot holding it)
// starts: hash bits just above the value, below usedBit.
func (t *wordTable) home(k uint64) uint64 {
	return k >> valueBits & t.mask
}

// put adds w, which the table does not hold, with value v (< 2^24).
func (t *wordTable) put(w string, v uint64) {
	k := t.key(w)
	i := t.home(k)
	for t.slots[i] != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i] = k | v&valueMask
}

// get returns the value of w and whether the table holds w.
func (t *wordTable) get(w string) (uint64, bool) {
	k := t.key(w)
	for i := t.home(k); ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return 0, false
		}
		if s&^valueMask == k {
			return s & valueMask, true
		}
	}
}

// A stem is a piece of its word, or the article before a piece for a word
// written with لل, so the stems table holds where the piece lies in the
// word: its end byte in bits 0–7, its first byte in bits 8–15, and bit 16
// set when the article comes before it.
const (
	pieceArticle = 1 << 16
	maxPieceWord = 1 << 8 // bytes; longer words are left to the memo
)

// putStem adds the stem st of w to t; it reports false when st is not a
// piece of w (with or without the article before it) or w is too long.
func (t *wordTable) putStem(w, st string) bool {
	if len(w) >= maxPieceWord {
		return false
	}
	var flag uint64
	if i := strings.Index(w, st); i < 0 {
		if !strings.HasPrefix(st, sAl) {
			return false
		}
		st, flag = st[len(sAl):], pieceArticle
	}
	i := strings.Index(w, st)
	if i < 0 {
		return false
	}
	t.put(w, flag|uint64(i)<<8|uint64(i+len(st)))
	return true
}

// stem returns the stem of w and whether t holds it.
func (t *wordTable) stem(w string) (string, bool) {
	v, ok := t.get(w)
	if !ok || len(w) >= maxPieceWord {
		return "", false
	}
	// A word outside the table that get takes for one inside (its hash
	// is all the table keeps) may find a piece that does not fit it.
	lo, hi := v>>8&0xff, v&0xff
	if lo > hi || hi > uint64(len(w)) {
		return "", false
	}
	st := w[lo:hi]
	if v&pieceArticle != 0 {
		st = sAl + st
	}
	return st, true
}
