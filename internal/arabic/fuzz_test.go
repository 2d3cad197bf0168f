package arabic

import (
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"",
	"إيلاف من لندن: قال د. محمد إن \"الوضع جيد.\" وأضاف أن ٣٫٥ مليون زاروا www.example.com.",
	"قالَ وزيـــرُ الخارجيّة: ﻻ بُدَّ من الحِوار۔ ثم أضاف هٰذا ۝ القول، وذكر کردستان و۱۴۰۰ هـ.",
	"«نص مفتوح. ”علامات“ \"متداخلة\n\nفقرة» info@x.org #وسم @user https://a.b/c?d=1.",
	"a\xff\xfe\xc0ب\u200f\u202b\ufeffﷺﷲ",
	"...!!؟؟ 1,2.3,4 ١٬٢٣٤٫٥ U.S. أ.ف.ب.",
}

func FuzzNormalize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if utf8.ValidString(s) && !utf8.ValidString(n.Text) {
			t.Fatalf("Normalize(%q) gave invalid UTF-8 %q", s, n.Text)
		}
		if got := NormalizeString(s); got != n.Text {
			t.Fatalf("NormalizeString(%q) = %q, Normalize gives %q", s, got, n.Text)
		}
		if again := NormalizeString(n.Text); again != n.Text {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n.Text, again)
		}
		checkMap(t, s, n)
		cps := utf8.RuneCountInString(n.Text)
		for i := 0; i <= cps; i += 1 + cps/7 {
			a, b := n.Span(i, min(i+3, cps))
			if a < 0 || b < a || b > utf8.RuneCountInString(s) {
				t.Fatalf("Span(%d,%d) = [%d,%d) outside the original", i, i+3, a, b)
			}
		}
	})
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s)
		checkTokens(t, s, toks)
		for _, tk := range toks {
			if utf8.ValidString(tk.Text) && !utf8.ValidString(tk.Norm) {
				t.Fatalf("token %q has invalid norm %q", tk.Text, tk.Norm)
			}
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks, sents := SplitSentences(s)
		next := 0
		for _, sn := range sents {
			if sn.First != next || sn.Last < sn.First || sn.Last >= len(toks) {
				t.Fatalf("sentences do not tile the tokens: %+v after token %d of %d", sn, next, len(toks))
			}
			if sn.Start != toks[sn.First].Start || sn.End != toks[sn.Last].End {
				t.Fatalf("sentence span %+v does not match its tokens", sn)
			}
			next = sn.Last + 1
		}
		if next != len(toks) {
			t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
		}
	})
}
