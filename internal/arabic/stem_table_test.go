package arabic

import (
	"flag"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestWordTable(t *testing.T) {
	tab := newWordTable(4)
	for w, v := range map[string]uint64{"بغداد": 7, "واشنطن": 0, "القاهرة": valueMask} {
		tab.put(w, v)
	}
	cases := []struct {
		word string
		want uint64
		ok   bool
	}{
		{"بغداد", 7, true},
		{"واشنطن", 0, true}, // a zero value is held
		{"القاهرة", valueMask, true},
		{"دمشق", 0, false},
		{"", 0, false},
	}
	for _, tc := range cases {
		if got, ok := tab.get(tc.word); got != tc.want || ok != tc.ok {
			t.Errorf("get(%q) = %d, %v; want %d, %v", tc.word, got, ok, tc.want, tc.ok)
		}
	}
}

func TestWordTableStems(t *testing.T) {
	tab := newWordTable(8)
	long := strings.Repeat("ب", maxPieceWord) // too long for a piece's offsets
	cases := []struct {
		word, stem string
		held       bool
	}{
		{"والمسلمين", "مسلم", true},
		{"للعراق", "العراق", true}, // the article before a piece
		{"العراق", "العراق", true},
		{"قال", "قال", true},
		{"وقالت", "قول", false}, // not a piece of its word: left to the memo
		{long, "ب", false},
	}
	for _, tc := range cases {
		if held := tab.putStem(tc.word, tc.stem); held != tc.held {
			t.Errorf("putStem(%q, %q) = %v, want %v", tc.word, tc.stem, held, tc.held)
		}
	}
	for _, tc := range cases {
		got, ok := tab.stem(tc.word)
		if ok != tc.held || ok && got != tc.stem {
			t.Errorf("stem(%q) = %q, %v; want %q, %v", tc.word, got, ok, tc.stem, tc.held)
		}
	}
}

// TestStemTableAsComputed checks that the table gives every corpus word
// the stem computed for it, and that few stems are left to the memo.
func TestStemTableAsComputed(t *testing.T) {
	lx := loadLexicon()
	words, held := 0, 0
	eachRow(wordsTxt, func(f []string) {
		w := f[0]
		if len(w) < 6 || !arabicLettersOnly(w) {
			return
		}
		words++
		want := stemWith(lx, w)
		if got, ok := lx.stems.stem(w); ok {
			held++
			if got != want {
				t.Errorf("table stem of %q = %q, computed %q", w, got, want)
			}
		}
	})
	if held < words*99/100 {
		t.Errorf("the table holds %d of %d corpus words' stems", held, words)
	}
}

// TestWordTableSpread checks that the words of the corpus lexicon start
// their probes at slots of both parities, as a hash spread over the table
// does: a bit of the key that is always set must not choose the slot.
func TestWordTableSpread(t *testing.T) {
	lx := loadLexicon()
	for name, tab := range map[string]*wordTable{"freq": lx.freq, "stems": lx.stems} {
		even, n := 0, 0
		for _, s := range tab.slots {
			if s == 0 {
				continue
			}
			n++
			if (s>>valueBits&tab.mask)&1 == 0 { // the home slot
				even++
			}
		}
		if even < n*2/5 || even > n*3/5 {
			t.Errorf("%s: %d of %d words start at an even slot", name, even, n)
		}
	}
}

// TestWordTableStemFalseMatch checks that a word the table takes for
// another one by its hash (about once in 2^38 lookups) gets no stem
// rather than a piece cut out of bounds: the false match is written into
// the table by hand, a piece [0, 12) for a word of 10 bytes.
func TestWordTableStemFalseMatch(t *testing.T) {
	tab := newWordTable(4)
	w := "بغداد" // 10 bytes
	k, home := tab.key(w)
	tab.slots[home] = k | 12
	if st, ok := tab.stem(w); ok {
		t.Errorf("stem(%q) = %q, want none", w, st)
	}
}

var falseMatches = flag.Int("false-matches", 0, "look up this many random 12-letter words in the corpus lexicon's tables and count those found (TestWordTableFalseMatches)")

// TestWordTableFalseMatches counts the random words outside the corpus
// lexicon's tables that the tables take for words inside, with
// -false-matches N (30,000,000 takes about 15 s); without it, it skips.
// The tables' seed is random, so counts vary from run to run.
func TestWordTableFalseMatches(t *testing.T) {
	if *falseMatches == 0 {
		t.Skip("run with -false-matches N")
	}
	lx := loadLexicon()
	letters := []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
	r := rand.New(rand.NewPCG(1, 2))
	buf := make([]rune, 12)
	freq, stems := 0, 0
	for range *falseMatches {
		for j := range buf {
			buf[j] = letters[r.IntN(len(letters))]
		}
		w := string(buf)
		if _, ok := lx.freq.get(w); ok {
			freq++
		}
		if _, ok := lx.stems.get(w); ok {
			stems++
		}
	}
	t.Logf("%d random words: %d false matches in the frequency table, %d in the stems table", *falseMatches, freq, stems)
}
