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
// hash above its value, and a top bit that marks it used; words are known
// by those bits alone. The probe starts at the hash's low bits, which the
// slot does not keep, so the 39 bits compared are independent of where a
// word lies, and a word outside the table is taken for one inside about
// once in 2^38 lookups. (The probe once started at the kept bits just
// above the value, so that about 22 of the bits compared told apart the
// words near one slot: 30 million random words outside the tables gave
// 4 to 6 false matches a run (three runs), and one such match made StemNorm cut its
// word out of bounds; stem now refuses such a piece. Now 0: go test
// ./internal/arabic -run TestWordTableFalseMatches -false-matches
// 30000000 -v.)
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

// newWordTable returns a table for n words (below 2^23: the home of a
// word lies in the hash bits below the value's place).
func newWordTable(n int) *wordTable {
	size := uint64(2)
	for size < 2*uint64(n) {
		size <<= 1
	}
	if size > valueMask+1 {
		panic("arabic: word table too large")
	}
	return &wordTable{seed: maphash.MakeSeed(), slots: make([]uint64, size), mask: size - 1}
}

// key returns the key of w, its hash with its value bits free and its
// other bits never all zero (a zero slot is empty), and its home, the slot
// where its probe starts: the hash's bits below the value's place, which
// the key does not keep (the table has at most 2^24 slots).
func (t *wordTable) key(w string) (k, home uint64) {
	h := maphash.String(t.seed, w)
	return h&^valueMask | usedBit, h & valueMask & t.mask
}

// put adds w, which the table does not hold, with value v (< 2^24).
func (t *wordTable) put(w string, v uint64) {
	k, i := t.key(w)
	for t.slots[i] != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i] = k | v&valueMask
}

// get returns the value of w and whether the table holds w.
func (t *wordTable) get(w string) (uint64, bool) {
	k, i := t.key(w)
	for ; ; i = (i + 1) & t.mask {
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
