package eval

import (
	"strings"
	"testing"
)

func TestScoreStems(t *testing.T) {
	rows, err := ReadStemTSV(strings.NewReader("word\tstem\troot\nأ\tا\tx\nب\tا\tx\nج\tج\tx\nد\tد\tx\n"), "t.tsv")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		desc      string
		stem      map[string]string
		acc, p, r float64
	}{
		{"perfect", map[string]string{"أ": "ا", "ب": "ا", "ج": "ج", "د": "د"}, 1, 1, 1},
		{"one gold pair split", map[string]string{"أ": "ا", "ب": "ب", "ج": "ج", "د": "د"}, 0.75, 0, 0},
		{"all merged", map[string]string{"أ": "x", "ب": "x", "ج": "x", "د": "x"}, 0, 1.0 / 6, 1},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			rep := ScoreStems(rows, func(w string) string { return tt.stem[w] })
			if rep.Accuracy != tt.acc || rep.ConflationPrecision != tt.p || rep.ConflationRecall != tt.r {
				t.Errorf("accuracy %v precision %v recall %v, want %v %v %v",
					rep.Accuracy, rep.ConflationPrecision, rep.ConflationRecall, tt.acc, tt.p, tt.r)
			}
		})
	}
}

func TestReadStemTSVErrors(t *testing.T) {
	for _, in := range []string{"", "word\tstem\n", "word\tstem\nكتاب\n"} {
		if _, err := ReadStemTSV(strings.NewReader(in), "bad.tsv"); err == nil || !strings.Contains(err.Error(), "bad.tsv") {
			t.Errorf("ReadStemTSV(%q) error = %v, want one naming bad.tsv", in, err)
		}
	}
}

func TestScoreNames(t *testing.T) {
	words, err := ReadEntityWords(strings.NewReader("قال O\nبغداد B-LOC\nفي O\nزيد B-PERS\nعمرو I-PERS\nالامم B-ORG\nالحرب B-MISC\n"), "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(words) != 4 {
		t.Fatalf("entity words %q, want 4", words)
	}
	// A stemmer that knows the four names, removes و ب ل وب before them
	// and drops the article: intact except الامم, and every clitic form
	// conflates.
	known := map[string]bool{"بغداد": true, "زيد": true, "عمرو": true, "الامم": true}
	stem := func(w string) string {
		for _, p := range []string{"", "وب", "و", "ب", "ل"} {
			if r := strings.TrimPrefix(w, p); known[r] {
				return strings.TrimPrefix(r, "ال")
			}
		}
		if r := "ال" + strings.TrimPrefix(w, "لل"); known[r] {
			return strings.TrimPrefix(r, "ال")
		}
		return w
	}
	rep := ScoreNames(words, map[string]bool{"بغداد": true}, stem)
	if rep.All.Intact != 3 || rep.All.IntactBare != 4 || rep.All.Conflates != 4 || rep.Unseen.Words != 3 {
		t.Errorf("report %+v", rep)
	}
}

func TestBareName(t *testing.T) {
	names := map[string]bool{"بغداد": true, "العراق": true, "بيروت": true, "ان": true}
	for _, tc := range []struct{ in, want string }{
		{"بغداد", "بغداد"},
		{"وبغداد", "بغداد"},
		{"لبغداد", "بغداد"},
		{"وببغداد", "بغداد"},
		{"للعراق", "العراق"},
		{"والعراق", "العراق"},
		{"بيروت", "بيروت"}, // ب is part of the name
		{"ببيروت", "بيروت"},
		{"وطلوزة", "وطلوزة"}, // the bare form is not tagged anywhere: left as written
		{"بان", "بان"},       // Ban Ki-moon: a name keeps three letters, so not ب before ان
		{"فان", "فان"},
	} {
		if got := BareName(tc.in, names); got != tc.want {
			t.Errorf("BareName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestScoreNamesBare(t *testing.T) {
	words := []string{"العراق", "والعراق", "للعراق"}
	stem := func(w string) string {
		if w == "للعراق" || strings.HasSuffix(w, "والعراق") || strings.HasSuffix(w, "بالعراق") {
			return "العراق"
		}
		if strings.HasPrefix(w, "لالعراق") || strings.HasPrefix(w, "بالعراق") {
			return "العراق"
		}
		return w
	}
	rep := ScoreNames(words, nil, stem)
	if rep.All.Intact != 1 || rep.Bare.Words != 3 || rep.Bare.Intact != 3 || rep.Bare.Conflates != 3 {
		t.Errorf("report all %+v bare %+v", rep.All, rep.Bare)
	}
}

func TestCliticForms(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want [4]string
	}{
		{"بغداد", [4]string{"وبغداد", "ببغداد", "لبغداد", "وببغداد"}},
		{"العراق", [4]string{"والعراق", "بالعراق", "للعراق", "وبالعراق"}},
		{"ال", [4]string{"وال", "بال", "لال", "وبال"}}, // آل (a family), not the article
	} {
		if got := CliticForms(tc.in); got != tc.want {
			t.Errorf("CliticForms(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
