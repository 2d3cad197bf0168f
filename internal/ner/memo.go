package ner

import (
	"hash/maphash"
	"sync/atomic"

	"github.com/rasid-news/rasid/internal/arabic"
)

// wordSums holds, for each stage of a model, the sums of the weights of
// the features that a word alone gives (for each tag, featureSet): row
// 0 to itself (own), row 1+n to the token whose neighbour it is at offset
// neighbourOffsets[n], the token -neighbourOffsets[n] places after it
// (neighbour); the rows of offsets a stage does not read (featureSet.near)
// stay zero and are not added.
type wordSums [maxStages][1 + len(neighbourOffsets)][numTags]int32

// tokenMemo remembers, for the tokens a model has tagged, the lexicon's
// analysis of the token and its wordSums: news text repeats its words,
// and these cost most of the tagging of a word (the lexicon's dozen
// lookups and the stem, then 62 weight lookups a word on average on dev
// over both passes, most of them in tables too large for the processor's
// nearest caches), where a repeated word costs one memo lookup and the
// 20 lookups of its context (go test ./internal/ner -run
// TestMemoLookupsGuard -v). Both are pure functions of the token as written and of the
// model, so an entry never goes stale.
//
// It is a cache of memoSets sets of memoWays entries: a token may be
// kept in any way of one set, by its hash, and a token analyzed anew
// takes an empty way of its set, else the way that the count of the
// tokens its scratch has added picks (a way of the set at random, in
// effect: the count runs over all sets). Any number of goroutines read
// and replace entries without locks (an entry, once made, never
// changes), and the memo follows the vocabulary of the text that goes
// through it, where a table that stopped growing when full would keep
// the words of the first texts it saw. Of the tokens of 1,000
// SaudiNewsNet articles tagged a second time, 4.0 % are not in the memo
// when their article begins (go test ./internal/ner -run
// TestMemoMissGuard -v); one way instead of four (a direct-mapped cache
// of as many entries) missed about three times as many, as words took
// each other's places (commit e96689e).
type tokenMemo struct {
	sets [memoSets]memoSet
}

// memoSet is a set of tokenMemo: its entries, and a 16-bit fingerprint
// of the hash of each entry's token (0 for none), so that a lookup reads
// only the entry whose fingerprint matches. An entry is stored before
// its fingerprint, so a reader that sees the fingerprint finds the entry
// unless another goroutine has replaced it since. A lookup compares the
// token itself, so a fingerprint that does not match its way's entry
// (two goroutines adding to one way at once) costs a miss, never a wrong
// entry.
type memoSet struct {
	prints atomic.Uint64
	ways   [memoWays]atomic.Pointer[memoEntry]
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

// Bounds of tokenMemo: memoSets × memoWays tokens (about 500 bytes
// each, 32 MB in all when full) of up to maxMemoToken bytes (15 Arabic
// letters; longer tokens are analyzed at each occurrence).
const (
	memoSets     = 1 << 14
	memoWays     = 4
	maxMemoToken = 31
)

// memoSeed seeds the hash of the memo's tokens.
var memoSeed = maphash.MakeSeed()

// find returns the entry of token t, or nil, and t's set and fingerprint.
func (tm *tokenMemo) find(t string) (*memoEntry, *memoSet, uint64) {
	h := maphash.String(memoSeed, t)
	set := &tm.sets[h%memoSets]
	fp := h>>48 | 1
	prints := set.prints.Load()
	for w := range set.ways {
		if prints>>(16*w)&0xffff == fp {
			if e := set.ways[w].Load(); e != nil && e.is(t) {
				return e, set, fp
			}
		}
	}
	return nil, set, fp
}

// add stores e, of fingerprint fp, in set: in an empty way, else in way
// turn (mod memoWays), whose entry it replaces.
func (set *memoSet) add(e *memoEntry, fp uint64, turn int) {
	prints := set.prints.Load()
	w := turn % memoWays
	for v := range set.ways {
		if prints>>(16*v)&0xffff == 0 {
			w = v
			break
		}
	}
	set.ways[w].Store(e)
	for {
		next := prints&^(0xffff<<(16*w)) | fp<<(16*w)
		if set.prints.CompareAndSwap(prints, next) {
			return
		}
		prints = set.prints.Load()
	}
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
	var set *memoSet
	var fp uint64
	if len(t) <= maxMemoToken {
		var e *memoEntry
		if e, set, fp = m.memo.find(t); e != nil {
			return e
		}
	}
	e := &memoEntry{}
	var own tokenOwn
	s.forms = m.lx.info(t, arabic.NormalizeString(t), &e.info, &own, s.forms)
	for k, st := range m.stages {
		fs := passFeatures(k)
		s.feats = fs.own(&e.info, &own, s.feats[:0])
		st.sum(s.feats, &e.sums[k][0])
		for _, r := range fs.near {
			s.feats = fs.neighbour(&e.info, neighbourOffsets[r], s.feats[:0])
			st.sum(s.feats, &e.sums[k][1+r])
		}
	}
	if set != nil {
		e.n = uint8(copy(e.key[:], t))
		s.turn++
		set.add(e, fp, s.turn)
	}
	return e
}
