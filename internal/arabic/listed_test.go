package arabic

import (
	"os"
	"strings"
	"testing"
)

// TestListedNames checks that the stemmer keeps the transliterated names
// of the hand-written person list whole, with their clitics taken off,
// while the listed words the tagged corpus tags as a name too seldom
// (names.txt's test) still stem.
func TestListedNames(t *testing.T) {
	for _, tc := range []struct{ word, stem string }{
		{"بلينكن", "بلينكن"}, {"بلنكن", "بلنكن"}, {"بايدن", "بايدن"}, {"كيري", "كيري"},
		{"روحاني", "روحاني"}, {"سليماني", "سليماني"}, {"مايك", "مايك"}, {"أنتوني", "انتوني"},
		{"وبايدن", "بايدن"}, {"لبلينكن", "بلينكن"},
		{"الملك", "ملك"}, // listed (الملك سلمان) but too seldom a name in ANERcorp
		{"لينين", "لين"}, // not listed: stemmed as before
	} {
		if got := Stem(tc.word); got != tc.stem {
			t.Errorf("Stem(%q) = %q, want %q", tc.word, got, tc.stem)
		}
	}
}

// TestListedInSync checks that lexicon/listed.txt is what the generator
// writes from the person list it was made from (rebuild with the command
// in its header after editing persons.txt).
func TestListedInSync(t *testing.T) {
	persons, err := os.ReadFile("../ner/lexicon/persons.txt")
	if err != nil {
		t.Fatal(err)
	}
	have := ListedNames()
	want := ListedNameWords(string(persons))
	if strings.Join(have, " ") != strings.Join(want, " ") {
		t.Errorf("listed.txt has %d words, persons.txt gives %d: rebuild it with go run ./internal/arabic/lexicon/gen", len(have), len(want))
	}
}
