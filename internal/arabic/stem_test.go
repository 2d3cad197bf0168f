package arabic

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestStem(t *testing.T) {
	tests := []struct {
		desc string
		in   []string // every word must give want
		want string
	}{
		{"foreign name stays whole", []string{"بومبيو"}, "بومبيو"},
		{"name ending in ين stays whole", []string{"حسين"}, "حسين"},
		{"name ending in ان stays whole, normalized", []string{"إيران", "ايران"}, "ايران"},
		{"name starting with و stays whole", []string{"واشنطن"}, "واشنطن"},
		{"name starting with ب and its clitic forms", []string{"بغداد", "وبغداد", "ببغداد", "لبغداد", "وببغداد"}, "بغداد"},
		{"name starting with ل and its clitic forms", []string{"لبنان", "ولبنان", "بلبنان", "للبنان"}, "لبنان"},
		{"name starting with ف and its clitic forms", []string{"فرنسا", "وفرنسا", "بفرنسا", "لفرنسا"}, "فرنسا"},
		{"name with madda and its clitic forms", []string{"آسيا", "وآسيا", "بآسيا", "لآسيا", "وبآسيا"}, "اسيا"},
		{"name with the article keeps it; ل before it is لل", []string{"العراق", "والعراق", "بالعراق", "للعراق", "وبالعراق"}, "العراق"},
		{"unknown name starting with ف keeps it, and its clitic forms", []string{"فينغر", "وفينغر", "بفينغر", "لفينغر", "وبفينغر"}, "فينغر"},
		{"unknown name starting with ك keeps it", []string{"كاسياس", "بكاسياس"}, "كاسياس"},
		{"unknown name keeps its article, and its clitic forms", []string{"الليكود", "والليكود", "بالليكود", "للليكود", "وبالليكود"}, "الليكود"},
		{"unknown name ending in ون", []string{"هيلتون", "وهيلتون", "بهيلتون"}, "هيلتون"},
		{"unknown name ending in يه", []string{"جوزيه", "وجوزيه"}, "جوزيه"},
		{"unknown name ending in وي", []string{"مناوي", "ومناوي"}, "مناوي"},
		{"no conjunction after a preposition", []string{"كوبل", "وكوبل"}, "كوبل"},
		{"لل is ل before the article when that reading is attested", []string{"للتجاري", "التجاري", "تجاري"}, "تجاري"},
		{"a nisba written with the article keeps its yeh", []string{"العراقي", "والعراقي", "عراقي", "العراقية", "العراقيين", "عراقيين", "العراقيون", "العراقيات"}, "عراقي"},
		{"a feminine nisba the corpus protects loses its teh marbuta only", []string{"الاقتصادية", "للاقتصادية", "اقتصادية", "الاقتصادي", "اقتصادي"}, "اقتصادي"},
		{"a final ي is my when the word never takes the article", []string{"اطفالي", "واطفالي"}, "اطفال"},
		{"ل before a rare name loses to the article reading", []string{"للشرق", "بالشرق", "الشرق"}, "الشرق"},
		{"conjunction", []string{"وقال", "فقال"}, "قال"},
		{"article and plural", []string{"المسلمين", "مسلمين", "والمسلمين"}, "مسلم"},
		{"feminine plural", []string{"الطالبات", "الطالبين", "فالطالبون", "للطالب"}, "طالب"},
		{"enclitic pronoun", []string{"كتابهم", "كتابه", "وكتابها"}, "كتاب"},
		{"teh marbuta and its construct form", []string{"الحكومة", "بالحكومة", "حكومته", "حكومتها"}, "حكوم"},
		{"future particle and object", []string{"سيطلبها", "يطلبه", "يطلب"}, "يطلب"},
		{"verb subject and object", []string{"أسقطتموني", "أسقطناه", "أسقط"}, "اسقط"},
		{"preposition, teh marbuta as teh, dual, enclitic", []string{"ببوابتينا", "ببوابته"}, "بواب"},
		{"stopword after a conjunction", []string{"وهذا", "هذا"}, "هذا"},
		{"short word untouched", []string{"في"}, "في"},
		{"not Arabic", []string{"Obama", "obama"}, "obama"},
		{"digits", []string{"2015"}, "2015"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			for _, w := range tt.in {
				if got := Stem(w); got != tt.want {
					t.Errorf("Stem(%q) = %q, want %q", w, got, tt.want)
				}
			}
		})
	}
}

func TestStemNoAllocation(t *testing.T) {
	for _, w := range []string{"بومبيو", "كتابهم", "والعراق", "استنتاجاتكم"} {
		if n := testing.AllocsPerRun(100, func() { Stem(w) }); n != 0 {
			t.Errorf("Stem(%q) allocates %.0f times", w, n)
		}
	}
}

func TestStemIdempotentOnNames(t *testing.T) {
	lx := loadLexicon()
	for w := range lx.names {
		if s := StemNorm(w); s != w && StemNorm(s) != s {
			t.Errorf("name %q: stem %q stems again to %q", w, s, StemNorm(s))
		}
	}
}

func TestIsStopword(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"في", true}, {"الذي", true}, {NormalizeString("إلى"), true}, {NormalizeString("هؤلاء"), true},
		{"وفي", false}, {"كتاب", false}, {"العراق", false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := IsStopword(tt.word); got != tt.want {
				t.Errorf("IsStopword(%q) = %v, want %v", tt.word, got, tt.want)
			}
		})
	}
}

func TestIsFunctionWord(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"في", true}, {"وفي", true}, {"فقد", true}, {NormalizeString("وحتى"), true},
		{"و", false}, {"وف", false}, {NormalizeString("فئة"), false}, {"وزارة", false}, {"كتاب", false}, {"", false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := IsFunctionWord(tt.word); got != tt.want {
				t.Errorf("IsFunctionWord(%q) = %v, want %v", tt.word, got, tt.want)
			}
		})
	}
}

// TestStemGolden stems the words of testdata/stem/words.txt and compares
// with stem.golden beside it; run with -update to rewrite it.
func TestStemGolden(t *testing.T) {
	dir := filepath.Join("testdata", "stem")
	in, err := os.ReadFile(filepath.Join(dir, "words.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(in))
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		fmt.Fprintf(&b, "%s\t%s\n", w, Stem(w))
	}
	golden := filepath.Join(dir, "stem.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("stems differ from %s; run go test ./internal/arabic -update and review the diff", golden)
	}
}

func FuzzStem(f *testing.F) {
	for _, s := range []string{"", "و", "لل", "ال", "اا", "ءا", "وبالعراق", "أسقطتموني", "سيطلبها", "ببوابتينا",
		"بومبيو", "ةةة", "ييي", "ووو", "a\xffب", "كتابهما\u200f", "Obama", "١٢٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		s := Stem(w)
		if utf8.ValidString(w) && !utf8.ValidString(s) {
			t.Fatalf("Stem(%q) = %q, invalid UTF-8", w, s)
		}
		if n := NormalizeString(w); len(s) > len(n)+len(sAl) {
			t.Fatalf("Stem(%q) = %q, longer than the word", w, s)
		}
		if again := Stem(w); again != s {
			t.Fatalf("Stem(%q) not stable: %q then %q", w, s, again)
		}
	})
}
