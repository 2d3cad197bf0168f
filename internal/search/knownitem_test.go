package search

import (
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
