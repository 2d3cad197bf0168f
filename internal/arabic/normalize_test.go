package arabic

import (
	"fmt"
	"testing"
	"unicode/utf8"
)

func TestNormalizeString(t *testing.T) {
	tests := []struct {
		desc, in, want string
	}{
		{"plain word unchanged", "العراق", "العراق"},
		{"harakat and tanwin", "عِرَاقاً", "عراقا"},
		{"shadda and sukun", "الشَّرْق", "الشرق"},
		{"superscript alef", "هٰذا", "هذا"},
		{"Quranic marks", "الرَّحِيمِ ۝ قُلْ ۖ", "الرحيم ۝ قل "},
		{"tatweel", "الـــعـراق", "العراق"},
		{"alef with hamza above", "أكد", "اكد"},
		{"alef with hamza below", "إيران", "ايران"},
		{"alef madda", "آسيا", "اسيا"},
		{"alef wasla", "ٱلله", "الله"},
		{"alef maksura", "مصطفى", "مصطفي"},
		{"hamza on waw", "مسؤول", "مسوول"},
		{"hamza on yeh", "رئيس", "رييس"},
		{"lone hamza kept", "سماء", "سماء"},
		{"teh marbuta kept", "الحكومة", "الحكومة"},
		{"Persian keheh and yeh", "کردستان ایران", "كردستان ايران"},
		{"Kurdish ae and gaf", "کوردستانە گەل", "كوردستانه كهل"},
		{"Persian peh and tcheh", "پاکستان چین", "باكستان جين"},
		{"Arabic-Indic digits", "٢٠٢١", "2021"},
		{"Extended Arabic-Indic digits", "۱۴۰۰", "1400"},
		{"Arabic decimal and thousands separators", "٣٫٥ و١٬٠٠٠", "3.5 و1,000"},
		{"Arabic percent", "٥٪", "5%"},
		{"lam-alef ligature", "ﻻ", "لا"},
		{"presentation forms", "ﺑﻐﺪﺍﺩ", "بغداد"},
		{"Allah ligature", "ﷲ", "الله"},
		{"zero width non-joiner and joiner", "می\u200cخواهم\u200d", "ميخواهم"},
		{"bidi marks", "\u200fبغداد\u200e \u061cواشنطن\u202b\u202c\u2067x\u2069", "بغداد واشنطنx"},
		{"byte order mark", "\ufeffنص", "نص"},
		{"Latin lower-cased", "Iraq USA", "iraq usa"},
		{"no-break space", "بغداد\u00a0اليوم", "بغداد اليوم"},
		{"full-width Latin", "ＵＳＡ", "usa"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			if got := NormalizeString(tc.in); got != tc.want {
				t.Errorf("NormalizeString(%q) = %q, want %q", tc.in, got, tc.want)
			}
			n := Normalize(tc.in)
			if n.Text != tc.want {
				t.Errorf("Normalize(%q).Text = %q, want %q", tc.in, n.Text, tc.want)
			}
			if got := NormalizeString(tc.want); got != tc.want {
				t.Errorf("not idempotent: NormalizeString(%q) = %q", tc.want, got)
			}
			checkMap(t, tc.in, n)
		})
	}
}

// checkMap verifies the invariants of an offset map: one entry per
// normalized code point plus the end, non-decreasing, inside the original.
func checkMap(t *testing.T, in string, n Normalized) {
	t.Helper()
	orig := utf8.RuneCountInString(in)
	if got, want := len(n.Map), utf8.RuneCountInString(n.Text)+1; got != want {
		t.Fatalf("len(Map) = %d, want %d", got, want)
	}
	if n.Map[len(n.Map)-1] != orig {
		t.Errorf("Map end = %d, want %d", n.Map[len(n.Map)-1], orig)
	}
	for i := 1; i < len(n.Map); i++ {
		if n.Map[i] < n.Map[i-1] || n.Map[i] > orig {
			t.Fatalf("Map not monotone inside [0,%d]: %v", orig, n.Map)
		}
	}
}

func TestNormalizeSpan(t *testing.T) {
	tests := []struct {
		desc   string
		in     string
		find   string // a substring of the normalized text
		wantIn string // the original text its span maps back to
	}{
		{"diacritics inside the span", "قالَ الوَزِيرُ إنّ", "الوزير", "الوَزِيرُ"},
		{"tatweel before the span", "بـــغداد وطهران", "وطهران", "وطهران"},
		{"ligature expands", "ﻻ بد", "لا", "ﻻ"},
		{"bidi mark before the word", "\u200fإيران", "ايران", "إيران"},
		{"Arabic-Indic digits", "عام ٢٠٢١ م", "2021", "٢٠٢١"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			n := Normalize(tc.in)
			nr := []rune(n.Text)
			fr := []rune(tc.find)
			at := -1
			for i := 0; i+len(fr) <= len(nr); i++ {
				if string(nr[i:i+len(fr)]) == tc.find {
					at = i
					break
				}
			}
			if at < 0 {
				t.Fatalf("%q not in normalized %q", tc.find, n.Text)
			}
			s, e := n.Span(at, at+len(fr))
			if got := string([]rune(tc.in)[s:e]); got != tc.wantIn {
				t.Errorf("Span maps %q to %q [%d,%d), want %q", tc.find, got, s, e, tc.wantIn)
			}
		})
	}
}

func TestNormalizeStringFastPath(t *testing.T) {
	in := "قال وزير الخارجية العراقي فؤاد حسين"
	in = NormalizeString(in)
	allocs := testing.AllocsPerRun(100, func() { _ = NormalizeString(in) })
	if allocs != 0 {
		t.Errorf("NormalizeString on normalized text allocates %v times, want 0", allocs)
	}
}

func TestFoldTehMarbuta(t *testing.T) {
	for in, want := range map[string]string{"مدرسة": "مدرسه", "مدرسه": "مدرسه", "بغداد": "بغداد"} {
		if got := FoldTehMarbuta(in); got != want {
			t.Errorf("FoldTehMarbuta(%q) = %q, want %q", in, got, want)
		}
	}
}

func ExampleNormalize() {
	n := Normalize("أكّدَ الرئيسُ")
	fmt.Println(n.Text)
	start, end := n.Span(4, 10) // "الرييس" in the normalized text
	fmt.Println(string([]rune("أكّدَ الرئيسُ")[start:end]))
	// Output:
	// اكد الرييس
	// الرئيسُ
}
