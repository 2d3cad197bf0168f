package ner_test

import (
	"strings"
	"testing"

	"github.com/rasid-news/rasid/internal/ner"
)

func TestCanonicalizer(t *testing.T) {
	type art []string // "TYPE:name" per mention
	for _, tc := range []struct {
		desc     string
		articles []art
		same     [][2]int // pairs of mention indexes (over all articles) with one id
		apart    [][2]int // pairs with different ids
	}{
		{"surname joins the full name", []art{{"PERS:مايك بومبيو", "PERS:بومبيو"}}, [][2]int{{0, 1}}, nil},
		{"surname first, full name later", []art{{"PERS:بومبيو", "PERS:مايك بومبيو"}}, [][2]int{{0, 1}}, nil},
		{"transliteration variants", []art{{"PERS:دونالد ترمب"}, {"PERS:دونالد ترامب"}, {"PERS:انتوني بلينكن", "PERS:بلنكن"}}, [][2]int{{0, 1}, {2, 3}}, nil},
		{"hamza and alef variants", []art{{"LOC:ايران"}, {"LOC:ايران"}}, [][2]int{{0, 1}}, nil},
		{"surname across articles, one person", []art{{"PERS:مصطفي الكاظمي"}, {"PERS:الكاظمي"}}, [][2]int{{0, 1}}, nil},
		{"shared surname stays apart", []art{{"PERS:جو بايدن"}, {"PERS:هنتر بايدن"}, {"PERS:بايدن"}}, nil, [][2]int{{0, 1}, {0, 2}, {1, 2}}},
		{"surname in context joins its article's person", []art{{"PERS:جو بايدن"}, {"PERS:هنتر بايدن", "PERS:بايدن"}}, [][2]int{{1, 2}}, [][2]int{{0, 1}}},
		{"native names are not variants", []art{{"PERS:حسين"}, {"PERS:حسن"}}, nil, [][2]int{{0, 1}}},
		{"types stay apart", []art{{"PERS:بغداد", "LOC:بغداد"}}, nil, [][2]int{{0, 1}}},
		{"listed other names of a place", []art{{"LOC:الولايات المتحدة الامريكية"}, {"LOC:الولايات المتحدة"}, {"LOC:امريكا", "LOC:الولايات المتحدة الاميركيه"}}, [][2]int{{0, 1}, {0, 2}, {0, 3}}, nil},
		{"listed other names of an organization, in one article", []art{{"ORG:تنظيم داعش", "ORG:داعش", "ORG:تنظيم الدوله الاسلاميه"}}, [][2]int{{0, 1}, {0, 2}}, nil},
		{"other names keep their type", []art{{"ORG:امريكا", "LOC:الولايات المتحدة"}}, nil, [][2]int{{0, 1}}},
		{"a parent's name after بن is no surname", []art{{"PERS:محمد بن سلمان بن عبدالعزيز", "PERS:عبدالعزيز"}}, nil, [][2]int{{0, 1}}},
		{"nor across articles", []art{{"PERS:سلمان بن عبدالعزيز"}, {"PERS:عبدالعزيز"}}, nil, [][2]int{{0, 1}}},
		{"a family name after a lineage still is", []art{{"PERS:محمد بن راشد ال مكتوم", "PERS:مكتوم"}}, [][2]int{{0, 1}}, nil},
		{"the same words in another order, one person", []art{{"PERS:فواد حسين", "PERS:حسين فواد"}}, [][2]int{{0, 1}}, nil},
		{"a son and his father stay apart in one article", []art{{"PERS:موسي بن يحيي الفيفي", "PERS:يحيي بن موسي الفيفي"}}, nil, [][2]int{{0, 1}}},
		{"and across articles", []art{{"PERS:عبدالله بن محمد"}, {"PERS:محمد بن عبدالله"}}, nil, [][2]int{{0, 1}}},
		{"unlisted longer names stay apart", []art{{"LOC:جمهورية الكونغو الديمقراطية"}, {"LOC:الكونغو"}}, nil, [][2]int{{0, 1}}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			c := ner.NewCanonicalizer()
			var ids []int
			for i, a := range tc.articles {
				var ms []ner.Mention
				for _, s := range a {
					typ, name, _ := strings.Cut(s, ":")
					ty, err := ner.ParseType(typ)
					if err != nil {
						t.Fatal(err)
					}
					ms = append(ms, ner.Mention{Type: ty, Name: name})
				}
				ids = append(ids, c.Add(string(rune('a'+i)), ms)...)
			}
			for _, p := range tc.same {
				if ids[p[0]] != ids[p[1]] {
					t.Errorf("mentions %d and %d: ids %d and %d, want one (%v)", p[0], p[1], ids[p[0]], ids[p[1]], ids)
				}
			}
			for _, p := range tc.apart {
				if ids[p[0]] == ids[p[1]] {
					t.Errorf("mentions %d and %d share id %d (%v)", p[0], p[1], ids[p[0]], ids)
				}
			}
		})
	}
}

// TestKeyLineage checks that a person's key of a lineage name leaves
// out the forebears after the father and a ruling family's name, keeps
// another family name, and keeps the order of son and father.
func TestKeyLineage(t *testing.T) {
	c := ner.NewCanonicalizer()
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"سلمان بن عبدالعزيز ال سعود", "سلمان بن عبدالعزيز", true},
		{"محمد بن نايف بن عبدالعزيز ال سعود", "محمد بن نايف", true},
		{"محمد بن راشد ال مكتوم", "محمد بن راشد", true},
		{"محمد بن سلمان بن عبدالعزيز", "سلمان بن عبدالعزيز", false}, // the son and the father
		{"محمد بن سلمان", "محمد بن نايف", false},
		{"زين العابدين بن علي", "زين العابدين", false},
		{"بن علي", "علي", false},
		{"محمد بن نايف بن عبدالعزيز", "محمد بن نايف", true}, // the founder as the last forebear: a prince
		{"محمد بن نايف بن عبدالعزيز", "محمد بن نايف بن عبدالعزيز ال سعود", true},
		{"فيصل بن مشعل بن سعود بن عبدالعزيز", "فيصل بن مشعل", true},
		{"خالد الفيصل بن عبدالعزيز", "خالد الفيصل", true},
		{"خالد الفيصل بن عبدالعزيز", "فيصل خالد", true},           // the words of a name without بن are sorted
		{"محمد بن نايف بن عبدالعزيز", "نايف بن عبدالعزيز", false}, // the son and the father
		{"سلمان بن عبدالعزيز", "سلمان", false},                    // the founder is the father here
		{"فهد بن عبدالعزيز بن معمر", "فهد بن عبدالعزيز", false},   // no founder last: the last بن may begin a family name
		{"عبدالله بن عبدالعزيز بن مساعد", "عبدالله بن عبدالعزيز", false},
		{"محمد بن عبدالله بن محمد بن مهناء", "محمد بن عبدالله", false},
		{"فهد بن عبدالعزيز بن معمر", "فهد بن عبدالعزيز بن عون", false},
		{"عبدالله بن محمد الزامل", "عبدالله بن محمد المطيري", false}, // a family name is no dynasty's
		{"محمد بن علي ال هيازع", "محمد بن علي", false},
		{"عبدالله بن محمد", "محمد بن عبدالله", false}, // father and son
		{"موسي بن يحيي الفيفي", "يحيي بن موسي الفيفي", false},
		{"خليفة بن زايد ال نهيان", "خليفة بن زايد", true},
		{"علي بن ابي طالب", "علي بن ابي بكر", false}, // a father's name after أبو is two words
	} {
		ka, kb := c.Key(ner.PERS, tc.a), c.Key(ner.PERS, tc.b)
		if (ka == kb) != tc.same {
			t.Errorf("Key(%q) = %q, Key(%q) = %q; same: %v, want %v", tc.a, ka, tc.b, kb, ka == kb, tc.same)
		}
	}
}

func TestAncestor(t *testing.T) {
	for _, tc := range []struct {
		part, full string
		want       bool
	}{
		{"سلمان بن عبدالعزيز", "محمد بن سلمان بن عبدالعزيز", true},
		{"عبدالعزيز", "سلمان بن عبدالعزيز", true},
		{"محمد بن سلمان", "محمد بن سلمان بن عبدالعزيز", false},
		{"فواد حسين", "حسين فواد", false},
		{"مريم", "عائشة بنت مريم", true},
		{"", "محمد بن سلمان", false},
	} {
		if got := ner.Ancestor(tc.part, tc.full); got != tc.want {
			t.Errorf("Ancestor(%q, %q) = %v, want %v", tc.part, tc.full, got, tc.want)
		}
	}
}
