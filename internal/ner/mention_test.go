package ner

import (
	"slices"
	"testing"

	"github.com/rasid-news/rasid/internal/arabic"
)

// TestMentionParticles checks the chunk a mention is built from: a
// particle the tagger takes in at a name's head or end is left out
// (فإن النجيفي, دونالد ترامب فإن), but إن that ends سي إن إن stays.
func TestMentionParticles(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text       string
		start, end int // the tagged chunk, in tokens
		name       string
	}{
		{"أقدر دونالد ترامب فإن كلامه تجاوز الحدود", 1, 4, "دونالد ترامب"},
		{"وأيد فإن النجيفي القرار", 1, 3, "النجيفي"},
		{"وقالت شبكة سي إن إن الأمريكية", 2, 5, "سي ان ان"},
	}
	for _, tc := range tests {
		toks, norms := tokens(tc.text)
		var byteAt []int
		for i := range tc.text {
			byteAt = append(byteAt, i)
		}
		byteAt = append(byteAt, len(tc.text))
		mn := m.mention(tc.text, byteAt, toks, norms, Chunk{Type: PERS, Start: tc.start, End: tc.end})
		if mn.Name != tc.name {
			t.Errorf("%s [%d, %d): name %q, want %q", tc.text, tc.start, tc.end, mn.Name, tc.name)
		}
	}
}

// TestAliHeads checks that the given name علي, written with ي, joins the
// person chunk after it, but neither the preposition على written with ى
// nor علي after another person's name (two people of a list).
func TestAliHeads(t *testing.T) {
	tests := []struct {
		text   string
		chunks []Chunk
		want   []Chunk
	}{
		{"الرئيس المخلوع علي عبدالله صالح", []Chunk{{PERS, 3, 5}}, []Chunk{{PERS, 2, 5}}},
		{"حصل على محمد صالح", []Chunk{{PERS, 2, 4}}, []Chunk{{PERS, 2, 4}}},
		{"سعود الدوسري علي الغفيلي", []Chunk{{PERS, 0, 2}, {PERS, 3, 4}}, []Chunk{{PERS, 0, 2}, {PERS, 3, 4}}},
		{"وصل علي الغفيلي", []Chunk{{LOC, 2, 3}}, []Chunk{{LOC, 2, 3}}},
	}
	for _, tc := range tests {
		got := aliHeads(append([]Chunk(nil), tc.chunks...), arabic.Tokenize(tc.text))
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestNamedAfter checks that a person chunk after a ruler's title after
// the head of an institution's name becomes that institution, of the
// head's type, and that a definite head (a title of the person's) does not.
func TestNamedAfter(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text   string
		chunks []Chunk
		want   []Chunk
	}{
		{"وقدم مركز الملك سلمان مساعدات", []Chunk{{PERS, 3, 4}}, []Chunk{{ORG, 1, 4}}},
		{"ووصل إلى مطار الملك خالد أمس", []Chunk{{PERS, 4, 5}}, []Chunk{{LOC, 2, 5}}},
		{"وقال قائد القوات الأمير فهد بن تركي", []Chunk{{PERS, 4, 7}}, []Chunk{{PERS, 4, 7}}},
		{"وأعرب الملك سلمان عن تعازيه", []Chunk{{PERS, 2, 3}}, []Chunk{{PERS, 2, 3}}},
		{"وقال مدير جامعة الملك عبدالعزيز", []Chunk{{ORG, 2, 4}, {PERS, 4, 5}}, []Chunk{{ORG, 2, 5}}},
	}
	for _, tc := range tests {
		toks, norms := tokens(tc.text)
		got := m.namedAfter(append([]Chunk(nil), tc.chunks...), toks, norms)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.text, got, tc.want)
		}
	}
}

// tokens returns the tokens of a sentence and their normalized forms, as
// Recognize hands them to the chunk passes.
func tokens(text string) ([]arabic.Token, []string) {
	toks := arabic.Tokenize(text)
	norms := make([]string, len(toks))
	for i, t := range toks {
		norms[i] = t.Norm
	}
	return toks, norms
}
