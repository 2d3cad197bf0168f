package arabic

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func TestTokenizeKinds(t *testing.T) {
	type tok struct {
		text string
		kind Kind
	}
	tests := []struct {
		desc string
		in   string
		want []tok
	}{
		{"Arabic words and comma", "قال بومبيو، أمس", []tok{{"قال", Word}, {"بومبيو", Word}, {"،", Punct}, {"أمس", Word}}},
		{"diacritics and tatweel stay inside a word", "الـعِرَاقُ", []tok{{"الـعِرَاقُ", Word}}},
		{"ZWNJ inside a word", "می\u200cخواهم", []tok{{"می\u200cخواهم", Word}}},
		{"ASCII number with separators", "240,000.5 دولار", []tok{{"240,000.5", Number}, {"دولار", Word}}},
		{"Arabic-Indic number with Arabic separators", "٣٫٥ مليار و١٬٢٠٠", []tok{{"٣٫٥", Number}, {"مليار", Word}, {"و", Word}, {"١٬٢٠٠", Number}}},
		{"date with slashes", "5/8/2015", []tok{{"5", Number}, {"/", Punct}, {"8", Number}, {"/", Punct}, {"2015", Number}}},
		{"sentence-final period after number", "عام 2020.", []tok{{"عام", Word}, {"2020", Number}, {".", Punct}}},
		{"percent", "5% و٪10", []tok{{"5", Number}, {"%", Punct}, {"و", Word}, {"٪", Punct}, {"10", Number}}},
		{"Latin words with hyphen and apostrophe", "al-Kadhimi O'Brien COVID-19", []tok{{"al-Kadhimi", Latin}, {"O'Brien", Latin}, {"COVID-19", Latin}}},
		{"URL without trailing period", "انظر https://example.com/a?b=1.", []tok{{"انظر", Word}, {"https://example.com/a?b=1", URL}, {".", Punct}}},
		{"www URL", "www.elaph.com،", []tok{{"www.elaph.com", URL}, {"،", Punct}}},
		{"e-mail", "راسلونا info@rasid.example.org", []tok{{"راسلونا", Word}, {"info@rasid.example.org", Email}}},
		{"hashtag in Arabic", "#العراق_اليوم", []tok{{"#العراق_اليوم", Hashtag}}},
		{"mention", "@StateDept قال", []tok{{"@StateDept", Mention}, {"قال", Word}}},
		{"guillemets", "«شراكتنا قوية»", []tok{{"«", Punct}, {"شراكتنا", Word}, {"قوية", Word}, {"»", Punct}}},
		{"ellipsis run", "ثم... انتهى…", []tok{{"ثم", Word}, {"...", Punct}, {"انتهى", Word}, {"…", Punct}}},
		{"question mark", "لماذا؟", []tok{{"لماذا", Word}, {"؟", Punct}}},
		{"symbol", "100$ ☺", []tok{{"100", Number}, {"$", Symbol}, {"☺", Symbol}}},
		{"invalid UTF-8 becomes a symbol", "a\xffب", []tok{{"a", Latin}, {"\xff", Symbol}, {"ب", Word}}},
		{"only space", " \n\t ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			got := Tokenize(tc.in)
			var gt []tok
			for _, g := range got {
				gt = append(gt, tok{g.Text, g.Kind})
			}
			if fmt.Sprint(gt) != fmt.Sprint(tc.want) {
				t.Errorf("Tokenize(%q)\n got %v\nwant %v", tc.in, gt, tc.want)
			}
			checkTokens(t, tc.in, got)
		})
	}
}

// checkTokens verifies that every token's span is inside the text, in
// order, and that its Text is the original text of the span.
func checkTokens(t *testing.T, in string, toks []Token) {
	t.Helper()
	runes := []rune(in)
	prevEnd := 0
	for _, tk := range toks {
		if tk.Start < prevEnd || tk.End <= tk.Start || tk.End > len(runes) {
			t.Fatalf("token %q has bad span [%d,%d) after %d in %d runes", tk.Text, tk.Start, tk.End, prevEnd, len(runes))
		}
		if got := string(runes[tk.Start:tk.End]); got != strings.ToValidUTF8(tk.Text, "\uFFFD") {
			t.Fatalf("token text %q but span [%d,%d) is %q", tk.Text, tk.Start, tk.End, got)
		}
		prevEnd = tk.End
	}
}

func TestTokenBreaks(t *testing.T) {
	toks := Tokenize("عنوان\n\nالفقرة الأولى\nسطر")
	var got []int
	for _, tk := range toks {
		got = append(got, tk.Breaks)
	}
	if want := []int{0, 2, 0, 1}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Breaks = %v, want %v", got, want)
	}
}

// TestGolden tokenizes and splits every text under testdata/text and
// compares with the golden JSON beside it; run with -update to rewrite.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/text/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got := goldenView(string(in))
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s; run go test ./internal/arabic -update and review the diff", golden)
			}
		})
	}
}

// goldenView renders the sentences and tokens of text, one token per
// line as compact JSON, so that golden diffs are easy to review.
func goldenView(text string) []byte {
	type gtok struct {
		Text  string `json:"t"`
		Kind  Kind   `json:"k"`
		Start int    `json:"s"`
		End   int    `json:"e"`
		Norm  string `json:"n,omitempty"`
	}
	toks, sents := SplitSentences(text)
	runes := []rune(text)
	var b bytes.Buffer
	for i, s := range sents {
		fmt.Fprintf(&b, "# sentence %d: %s\n", i+1, string(runes[s.Start:s.End]))
		for _, tk := range toks[s.First : s.Last+1] {
			g := gtok{Text: tk.Text, Kind: tk.Kind, Start: tk.Start, End: tk.End}
			if tk.Norm != tk.Text {
				g.Norm = tk.Norm
			}
			line, _ := json.Marshal(g)
			b.Write(bytes.ReplaceAll(line, []byte(`\u0026`), []byte("&")))
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

func ExampleTokenize() {
	for _, t := range Tokenize("قال بومبيو إن «الدعم» بلغ ٢٤٠ مليون دولار.") {
		fmt.Printf("%d-%d %s %s\n", t.Start, t.End, t.Kind, t.Norm)
	}
	// Output:
	// 0-3 word قال
	// 4-10 word بومبيو
	// 11-13 word ان
	// 14-15 punct «
	// 15-20 word الدعم
	// 20-21 punct »
	// 22-25 word بلغ
	// 26-29 number 240
	// 30-35 word مليون
	// 36-41 word دولار
	// 41-42 punct .
}
