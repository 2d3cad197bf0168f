package search

import (
	"slices"
	"testing"

	"github.com/rasid-news/rasid/internal/arabic"
)

func TestRephrase(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"نتائج الانتخابات البلدية في جدة", "النتائج والانتخابات بالبلدية في جَدة"},
		{"وزير الخارجية يزور بغداد وعمان", "وزير والخارجية ويزور بَغداد عمان"},
		{"اجتماع اللجنة: مناقشة الميزانية", "الاجتماع واللجنة: ومناقشة اَلميزانية"},
		{"Apple تطلق هاتفا", "Apple التطلق وهاتفا"},
	} {
		if got := Rephrase(tc.in, nil); got != tc.want {
			t.Errorf("Rephrase(%q) = %q, want %q", tc.in, got, tc.want)
		}
		// A known-word filter that knows nothing keeps every word but
		// the fatha rewrite.
		if got := Rephrase(tc.in, func(string) bool { return false }); arabic.NormalizeString(got) != arabic.NormalizeString(tc.in) {
			t.Errorf("Rephrase(%q, none known) = %q", tc.in, got)
		}
	}
}

func TestCliticVariants(t *testing.T) {
	for _, tc := range []struct {
		word   string
		has    []string // among the variants
		hasNot []string
	}{
		{"وتشرد", []string{"تشرد"}, nil},
		{"الإمارات", []string{"امار"}, nil},
		{"أهلي", []string{"الاهلي"}, nil},
		{"وزارة", nil, []string{"زار", "زاره"}},
		{"زار", nil, []string{"وزار"}},
		{"وزير", nil, []string{"زير"}},
		{"Apple", nil, nil},
	} {
		terms := IndexTerms(tc.word)
		got := cliticVariants(tc.word, terms[0])
		for _, w := range tc.has {
			if !slices.Contains(got, w) {
				t.Errorf("variants of %s %v lack %s", tc.word, got, w)
			}
		}
		for _, w := range tc.hasNot {
			if slices.Contains(got, w) {
				t.Errorf("variants of %s %v have %s", tc.word, got, w)
			}
		}
	}
}
