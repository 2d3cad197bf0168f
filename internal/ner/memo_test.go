package ner

import (
	"bytes"
	"hash/maphash"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
)

// TestWordSums checks what the token memo relies on: the wordSums of a
// token and of its neighbours, computed from each word alone, plus the
// weights of its context features give the weights of all its features
// once the sentence is marked (quotation marks, gazetteer), in each
// stage. A feature in the wrong part, or a field that the marking
// changes and ownFeatures reads, would break it.
func TestWordSums(t *testing.T) {
	dev := readSentences(t, "dev.txt")
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.stages) != 2 {
		t.Fatalf("the embedded model has %d stages, want 2", len(m.stages))
	}
	// A few made-up sentences with quotation marks and clitic names
	// besides dev's, each twice so that the second reads the memo.
	sents := [][]string{
		{"قال", "«", "مجلس", "الأمن", "»", "إن", "وبغداد", "لواشنطن"},
		{"وزير", "الخارجية", "الأميركي", "مايك", "بومبيو", "في", "بغداد"},
		{"زار", "الاستراتيجيةالمتعددةالأطراف", "بغداد"}, // too long for the memo
	}
	sents = append(sents, dev...)
	sents = append(sents, sents...)
	s, fresh := &scratch{}, &scratch{}
	var doc []docTok
	for _, toks := range sents {
		m.analyze(s, toks)
		fresh.analyze(m.lx, m.gaz, toks) // the attributes, computed anew
		if !slices.Equal(s.toks, fresh.toks) {
			t.Fatalf("%q: the memo's attributes differ from the lexicon's", toks)
		}
		owns := fresh.owns
		doc = slices.Grow(doc[:0], len(toks))[:len(toks)]
		for i := range toks {
			for k, st := range m.stages {
				var full, split [numTags]int32
				fs := passFeatures(k)
				all, context := fs.all(s.toks, owns, s.gaz, i, nil), fs.context(s.toks, s.gaz, i, nil)
				if k > 0 {
					all, context = docFeatures(doc, i, all), docFeatures(doc, i, context)
				}
				st.sum(all, &full)
				st.sum(context, &split)
				for tg := range split {
					split[tg] += s.sums[i][k][0][tg]
					for _, r := range fs.near {
						if j := i + neighbourOffsets[r]; j >= 0 && j < len(toks) {
							split[tg] += s.sums[j][k][1+r][tg]
						}
					}
				}
				if full != split {
					t.Fatalf("%q, token %d (%s), stage %d: own + context weights %v, all features %v", toks, i, toks[i], k, split, full)
				}
			}
		}
	}
	if e, _, _ := m.memo.find(sents[0][0]); e == nil {
		t.Errorf("the memo kept no entry for %q", sents[0][0])
	}
}

// TestMemoSameTags checks that a model tags a text alike whatever its
// memo holds: nothing, the same text, or another text, whose words
// then give their slots up to the text's.
func TestMemoSameTags(t *testing.T) {
	dev, train := readSentences(t, "dev.txt"), readSentences(t, "train.txt")
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	defer ForgetTokens(m)
	ForgetTokens(m)
	cold := m.TagSentences(dev)
	warm := m.TagSentences(dev)
	ForgetTokens(m)
	m.TagSentences(train)
	other := m.TagSentences(dev)
	for i := range dev {
		if !slices.Equal(cold[i], warm[i]) || !slices.Equal(cold[i], other[i]) {
			t.Fatalf("sentence %d: tags with an empty memo %v, with the text's own %v, with another text's %v", i, cold[i], warm[i], other[i])
		}
	}
}

// TestMemoConcurrent tags one text from several goroutines at once,
// each beginning at another sentence, on a model whose memo is empty:
// the tags are those of one goroutine alone (go test -race checks the
// memo's sharing).
func TestMemoConcurrent(t *testing.T) {
	dev := readSentences(t, "dev.txt")[:100]
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ForgetTokens(m)
	want := make([][]Tag, len(dev))
	for i, s := range dev {
		want[i] = m.Tag(s)
	}
	ForgetTokens(m)
	defer ForgetTokens(m)
	const workers = 4
	got := make([][][]Tag, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			got[w] = make([][]Tag, len(dev))
			for n := range dev {
				i := (n + w*len(dev)/workers) % len(dev)
				got[w][i] = m.Tag(dev[i])
			}
		})
	}
	wg.Wait()
	for w := range workers {
		for i := range dev {
			if !slices.Equal(got[w][i], want[i]) {
				t.Fatalf("goroutine %d, sentence %d: tags %v, want %v", w, i, got[w][i], want[i])
			}
		}
	}
}

// TestMemoSetShared has goroutines look up and add tokens of one set of
// the memo at once, more tokens than the set has ways: a lookup finds
// its own token's entry, whole, or none, never another token's (two
// goroutines adding to one way at once may leave a fingerprint beside
// another token's entry).
func TestMemoSetShared(t *testing.T) {
	tm := new(tokenMemo)
	var toks []string
	for i := 0; len(toks) < 3*memoWays; i++ {
		if w := strconv.Itoa(i); maphash.String(memoSeed, w)%memoSets == 0 {
			toks = append(toks, w)
		}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for n := range 20000 {
				tok := toks[(7*n+g)%len(toks)]
				e, set, fp := tm.find(tok)
				if e == nil {
					e = &memoEntry{info: tokenInfo{word: hashString(tok)}}
					e.n = uint8(copy(e.key[:], tok))
					set.add(e, fp, n+g)
				} else if e.info.word != hashString(tok) {
					t.Errorf("find(%q) gave an entry of another token", tok)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestReadModelStages checks that ReadModel refuses a model of more
// stages than a memo entry keeps the sums of (maxStages), which would
// otherwise fail only when it tags.
func TestReadModelStages(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= maxStages+1; n++ {
		stages := make([]*stage, n)
		for k := range stages {
			stages[k] = m.stages[min(k, len(m.stages)-1)]
		}
		var buf bytes.Buffer
		if _, err := newModel(m.lx, m.entries, stages...).WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		_, err := ReadModel(&buf)
		if n <= maxStages && err != nil {
			t.Errorf("%d stages: %v", n, err)
		}
		if n > maxStages && err == nil {
			t.Errorf("%d stages: ReadModel gave no error", n)
		}
	}
}

// readSentences returns the tokens of the sentences of an ANERcorp split
// in ../shared/data, skipping the test when it is not there.
func readSentences(t *testing.T, name string) [][]string {
	f, err := os.Open("../../../shared/data/anercorp/" + name)
	if err != nil {
		t.Skipf("data not found: %v", err)
	}
	defer f.Close()
	data, err := ReadCoNLL(f, name)
	if err != nil {
		t.Fatal(err)
	}
	sents := make([][]string, len(data))
	for i, s := range data {
		sents[i] = s.Tokens
	}
	return sents
}

// TestIOnlyFromItsName checks what decode's shortcut for I- tags
// assumes of allowed: an I- tag follows its own B- or I- tag and nothing
// else, and is its B- tag plus one.
func TestIOnlyFromItsName(t *testing.T) {
	for ty := range numTypes {
		b, i := B(ty), I(ty)
		if int(i) != int(b)+1 {
			t.Errorf("%s is %d, %s %d: want B+1", i, i, b, b)
		}
		for p := 0; p <= numTags; p++ {
			want := p == int(b) || p == int(i)
			if got := allowed(p, i); got != want {
				t.Errorf("allowed(%d, %s) = %v, want %v", p, i, got, want)
			}
		}
	}
}

// TestMemoLookupsGuard measures what the memo saves, and guards it:
// the weight lookups of a token of dev whose word the memo holds against
// one whose word it does not (both passes, docFeatures included). Run it
// with -v for the figures.
func TestMemoLookupsGuard(t *testing.T) {
	dev := readSentences(t, "dev.txt")
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s := &scratch{}
	infos := make([][]tokenInfo, len(dev))
	gazs := make([][]uint16, len(dev))
	owns := make([][]tokenOwn, len(dev))
	first := make([][]Tag, len(dev))
	for i, toks := range dev {
		s.analyze(m.lx, m.gaz, toks)
		infos[i] = slices.Clone(s.toks)
		gazs[i] = slices.Clone(s.gaz)
		owns[i] = slices.Clone(s.owns)
		first[i] = m.Tag(toks)
	}
	doc := docContext(infos, first)
	var held, all, tokens int
	for i := range dev {
		for j := range dev[i] {
			tokens++
			for k := range m.stages {
				fs := passFeatures(k)
				ctx, every := fs.context(infos[i], gazs[i], j, nil), fs.all(infos[i], owns[i], gazs[i], j, nil)
				if k > 0 {
					ctx, every = docFeatures(doc[i], j, ctx), docFeatures(doc[i], j, every)
				}
				held += len(ctx)
				all += len(every)
			}
		}
	}
	perHeld, perAll := float64(held)/float64(tokens), float64(all)/float64(tokens)
	t.Logf("weight lookups per dev token, both passes: %.1f when the memo holds its word, %.1f when not (%.1f to fill its entry)", perHeld, perAll, perAll-perHeld)
	if perHeld > 25 || perAll < 3*perHeld {
		t.Errorf("lookups per token %.1f held, %.1f not: the memo saves less than it did (20 against 82)", perHeld, perAll)
	}
}
