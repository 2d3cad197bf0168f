package ner_test

import (
	"strings"
	"testing"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/ner"
)

// TestKey checks which canonical names Canonicalizer.Key treats as one.
func TestKey(t *testing.T) {
	c := ner.NewCanonicalizer()
	cases := []struct {
		desc string
		typ  ner.Type
		a, b string
		same bool
	}{
		{"transliteration", ner.PERS, "دونالد ترمب", "دونالد ترامب", true},
		{"long vowel", ner.PERS, "انتوني بلينكن", "انتوني بلنكن", true},
		{"hamza", ner.LOC, "إيران", "ايران", true},
		{"word order of a person", ner.PERS, "فؤاد حسين", "حسين فؤاد", true},
		{"native names stay apart", ner.PERS, "حسين", "حسن", false},
		{"surname is not the full name", ner.PERS, "بومبيو", "مايك بومبيو", false},
		{"عبد with or without a space", ner.PERS, "سلمان بن عبد العزيز", "سلمان بن عبدالعزيز", true},
		{"عبد ربه with or without a space", ner.PERS, "عبد ربه منصور هادي", "عبدربه منصور هادي", true},
		{"أبو with or without a space", ner.PERS, "حيدر أبو بكر العطاس", "حيدر أبوبكر العطاس", true},
		{"بو is no compound (Beau)", ner.PERS, "بو بايدن", "بوبايدن", false},
		{"أبو in a place name", ner.LOC, "أبو ظبي", "أبوظبي", true},
		{"أبو before عبد, spaced or not", ner.PERS, "أبو عبد الله الشامي", "أبو عبدالله الشامي", true},
		{"أبو before عبد, all joined", ner.PERS, "أبو عبد الله", "أبوعبدالله", true},
		{"a name after أبو is not the name alone", ner.PERS, "عبدالرزاق أبو داود", "عبدالرزاق داود", false},
		{"عبد with or without a space, organization", ner.ORG, "جامعة الملك عبد العزيز", "جامعة الملك عبدالعزيز", true},
	}
	for _, tc := range cases {
		t.Run(tc.desc, func(t *testing.T) {
			ka := c.Key(tc.typ, arabic.NormalizeString(tc.a))
			kb := c.Key(tc.typ, arabic.NormalizeString(tc.b))
			if (ka == kb) != tc.same {
				t.Errorf("Key(%q) = %q, Key(%q) = %q; same = %v, want %v", tc.a, ka, tc.b, kb, ka == kb, tc.same)
			}
		})
	}
	if c.Key(ner.PERS, "واشنطن") == c.Key(ner.LOC, "واشنطن") {
		t.Error("a person and a place share a key")
	}
}

func TestKnownPersons(t *testing.T) {
	names := ner.KnownPersons()
	has := map[string]bool{}
	for _, n := range names {
		if len(strings.Fields(n)) < 2 || n != arabic.NormalizeString(n) {
			t.Errorf("%q is not a normalized name of two words or more", n)
		}
		has[n] = true
	}
	for _, want := range []string{"باراك اوباما", "مايك بومبيو", "فواد حسين"} {
		if !has[want] {
			t.Errorf("%q not listed", want)
		}
	}
	for _, given := range []string{"عبد الله", "عبد العزيز", "ابو بكر"} {
		if has[given] {
			t.Errorf("given name %q listed as a public figure", given)
		}
	}
}

// TestWordKeys checks the word keys of person names in their order.
func TestWordKeys(t *testing.T) {
	c := ner.NewCanonicalizer()
	for _, tc := range []struct{ name, want string }{
		{"عبد ربه منصور هادي", "عبدربه منصور هادي"},
		{"عبدربه منصور هادي", "عبدربه منصور هادي"},
		{"حيدر ابو بكر العطاس", "حيدر اببكر عطاس"}, // long vowels of a long unlisted word dropped
		{"بو بايدن", "بو بدن"},
		{"خالد الفيصل", "خالد فيصل"},
	} {
		if got := strings.Join(c.WordKeys(arabic.NormalizeString(tc.name)), " "); got != tc.want {
			t.Errorf("WordKeys(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}
