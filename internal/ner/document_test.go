package ner

import (
	"maps"
	"os"
	"slices"
	"testing"

	"github.com/rasid-news/rasid/internal/arabic"
)

// TestDocContext checks that a token sees the first-pass tags of the
// other occurrences of its word within docWindow sentences, not its own,
// a clitic form (ولحود) counting as its word.
func TestDocContext(t *testing.T) {
	word := func(w string) tokenInfo { return tokenInfo{bare: hashString(w), strip: hashString(w)} }
	// clitic is a word the word list does not know, with a proclitic.
	clitic := func(w, stripped string) tokenInfo { return tokenInfo{bare: hashString(w), strip: hashString(stripped)} }
	far := docWindow + 1
	sents := make([][]tokenInfo, far+1)
	first := make([][]Tag, far+1)
	for i := range sents {
		sents[i] = []tokenInfo{word("x")}
		first[i] = []Tag{O}
	}
	// Sentence 0: لحود as a person's surname and alone; sentence 1: لحود
	// alone and ولحود; the last sentence, out of sentence 0's window: لحود.
	sents[0] = []tokenInfo{word("اميل"), word("لحود"), word("لحود")}
	first[0] = []Tag{B(PERS), I(PERS), O}
	sents[1] = []tokenInfo{word("لحود"), clitic("ولحود", "لحود")}
	first[1] = []Tag{O, B(PERS)}
	sents[far] = []tokenInfo{word("لحود")}
	first[far] = []Tag{B(PERS)}
	doc := docContext(sents, first)
	for _, tc := range []struct {
		name       string
		sent, tok  int
		own        Tag
		others     map[Tag]uint16
		majority   int
		otherCount int
	}{
		{"surname in a full name", 0, 1, I(PERS), map[Tag]uint16{O: 2, B(PERS): 1}, 0, 3},
		{"next sentence", 1, 0, O, map[Tag]uint16{I(PERS): 1, O: 1, B(PERS): 2}, 1 + int(PERS), 4},
		{"clitic form", 1, 1, B(PERS), map[Tag]uint16{I(PERS): 1, O: 2, B(PERS): 1}, 0, 4},
		{"first name", 0, 0, B(PERS), map[Tag]uint16{}, noMajority, 0},
		{"out of the window of sentence 0", far, 0, B(PERS), map[Tag]uint16{O: 1, B(PERS): 1}, 0, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := doc[tc.sent][tc.tok]
			if d.own != tc.own {
				t.Errorf("own %s, want %s", d.own, tc.own)
			}
			for g := Tag(0); int(g) < numTags; g++ {
				if d.others[g] != tc.others[g] {
					t.Errorf("others[%s] = %d, want %d", g, d.others[g], tc.others[g])
				}
			}
			if m, n := d.majority(); m != tc.majority || n != tc.otherCount {
				t.Errorf("majority %d of %d, want %d of %d", m, n, tc.majority, tc.otherCount)
			}
		})
	}
}

// TestDocContextPairs checks the counts of a pair of words read as one
// name elsewhere in the window.
func TestDocContextPairs(t *testing.T) {
	word := func(w string) tokenInfo { return tokenInfo{bare: hashString(w), strip: hashString(w)} }
	sents := [][]tokenInfo{
		{word("فايزة"), word("ابوالنجا"), word("وزيرة")},
		{word("فايزة"), word("ابوالنجا")},
		{word("فايزة"), word("ابوالنجا")},
	}
	first := [][]Tag{{B(PERS), I(PERS), O}, {O, B(PERS)}, {B(PERS), I(PERS)}}
	doc := docContext(sents, first)
	for _, tc := range []struct {
		name          string
		sent, tok     int
		pairIn, pairN uint16
	}{
		{"read whole, once more elsewhere", 0, 1, 1, 2},
		{"cut in two, read whole twice elsewhere", 1, 1, 2, 2},
		{"a pair seen nowhere else", 0, 2, 0, 0},
		{"first word", 0, 0, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := doc[tc.sent][tc.tok]
			if d.pairIn != tc.pairIn || d.pairAll != tc.pairN {
				t.Errorf("pair %d of %d, want %d of %d", d.pairIn, d.pairAll, tc.pairIn, tc.pairN)
			}
		})
	}
}

// TestLineageEnds checks that a person chunk the tagger ended on بن or
// آل takes the person chunk after it, else the next word, and that
// other chunks are left as they are.
func TestLineageEnds(t *testing.T) {
	for _, tc := range []struct {
		text   string
		chunks []Chunk
		want   []Chunk
	}{
		{"قال محمد بن سلمان بن عبدالعزيز إن", []Chunk{{PERS, 1, 5}, {PERS, 5, 6}}, []Chunk{{PERS, 1, 6}}},
		{"المهندس عبداللطيف بن عبدالملك آل الشيخ وزير", []Chunk{{PERS, 1, 5}}, []Chunk{{PERS, 1, 6}}},
		{"زار عمر بن الخطاب المدينة", []Chunk{{PERS, 1, 3}, {LOC, 4, 5}}, []Chunk{{PERS, 1, 4}, {LOC, 4, 5}}},
		{"زار محمد بن", []Chunk{{PERS, 1, 3}}, []Chunk{{PERS, 1, 3}}},                                   // nothing after it
		{"قال محمد بن ، ثم", []Chunk{{PERS, 1, 3}}, []Chunk{{PERS, 1, 3}}},                              // no word after it
		{"زار سلمان بن الرياض", []Chunk{{PERS, 1, 3}, {LOC, 3, 4}}, []Chunk{{PERS, 1, 3}, {LOC, 3, 4}}}, // another type's chunk
		{"بنك بن الرياض", []Chunk{{ORG, 0, 2}}, []Chunk{{ORG, 0, 2}}},
	} {
		toks, _ := arabic.SplitSentences(tc.text)
		got := lineageEnds(append([]Chunk(nil), tc.chunks...), toks)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v → %v, want %v", tc.text, tc.chunks, got, tc.want)
		}
	}
}

// TestStripHeadOnANERcorp lists the first words of ANERcorp's names of
// several words (train and dev) that are not persons' and that stripHead
// reads otherwise than stripClitics, the figure stripHead's comment
// gives; run it with -v for the list.
func TestStripHeadOnANERcorp(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, name := range []string{"train.txt", "dev.txt"} {
		f, err := os.Open("../../../shared/data/anercorp/" + name)
		if err != nil {
			t.Skipf("data not found: %v", err)
		}
		data, err := ReadCoNLL(f, name)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range data {
			for _, c := range Chunks(s.Tags) {
				if c.Type == PERS || c.End-c.Start < 2 {
					continue
				}
				w := arabic.NormalizeString(s.Tokens[c.Start])
				if h := m.stripHead(w); h != m.stripClitics(w) {
					seen[w] = h
				}
			}
		}
	}
	t.Logf("first words read otherwise: %v", seen)
	want := map[string]string{"لبطولة": "بطولة", "بكلية": "كلية"}
	if !maps.Equal(seen, want) {
		t.Errorf("stripHead reads %v otherwise than stripClitics, its comment says %v", seen, want)
	}
}
