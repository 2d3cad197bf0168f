package summary

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/rasid-news/rasid/internal/arabic"
)

// seedDocs reads the five seed articles from ../shared/data/seeds.jsonl.
func seedDocs(t testing.TB) []Document {
	f, err := os.ReadFile("../../../shared/data/seeds.jsonl")
	if err != nil {
		t.Skip("../shared/data/seeds.jsonl not found:", err)
	}
	var docs []Document
	for _, line := range strings.Split(strings.TrimSpace(string(f)), "\n") {
		var r struct{ ID, Published, Text string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		p, _ := time.Parse("2006-01-02", r.Published)
		docs = append(docs, Document{ID: r.ID, Published: p, Text: r.Text})
	}
	return docs
}

func TestSummarizeBounds(t *testing.T) {
	docs := seedDocs(t)
	tests := []struct {
		desc string
		opt  Options
	}{
		{"default", DefaultOptions()},
		{"two sentences", Options{MaxSentences: 2, MaxRunes: 5000, MinWords: 6, MaxWords: 70, Lambda: 0.7}},
		{"tight length", Options{MaxSentences: 10, MaxRunes: 300, MinWords: 6, MaxWords: 70, Lambda: 0.7}},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			got := Summarize(docs, tc.opt)
			if len(got) == 0 || len(got) > tc.opt.MaxSentences {
				t.Fatalf("%d sentences, want 1..%d", len(got), tc.opt.MaxSentences)
			}
			total := 0
			byID := map[string]Document{}
			for _, d := range docs {
				byID[d.ID] = d
			}
			for i, s := range got {
				total += s.End - s.Start
				d, ok := byID[s.Doc]
				if !ok {
					t.Fatalf("sentence cites unknown article %q", s.Doc)
				}
				if string([]rune(d.Text)[s.Start:s.End]) != s.Text {
					t.Errorf("sentence %d: span does not match its text", i)
				}
				if i > 0 && byID[got[i-1].Doc].Published.After(d.Published) {
					t.Errorf("sentences not in reading order")
				}
			}
			if total > tc.opt.MaxRunes {
				t.Errorf("%d code points, over the bound %d", total, tc.opt.MaxRunes)
			}
		})
	}
}

func TestSummarizeAvoidsRepeats(t *testing.T) {
	a := "وقال وزير الخارجية إن الجولة الثالثة من الحوار الاستراتيجي ستعقد في واشنطن الشهر المقبل. وأضاف أن الوفد سيبحث ملف القوات والتعاون الاقتصادي مع الجانب الأميركي."
	b := "وقال وزير الخارجية إن الجولة الثالثة من الحوار الاستراتيجي ستعقد في واشنطن الشهر المقبل. وتوقع محللون أن تسفر الجولة عن جدول زمني لانسحاب القوات القتالية من البلاد."
	got := Summarize([]Document{{ID: "a", Text: a}, {ID: "b", Text: b}}, DefaultOptions())
	seen := map[string]bool{}
	for _, s := range got {
		if seen[s.Text] {
			t.Errorf("sentence chosen twice: %s", s.Text)
		}
		seen[s.Text] = true
	}
	if len(got) != 3 {
		t.Errorf("want the shared sentence once and the two others, got %d: %+v", len(got), got)
	}
}

func TestSummarizeEmpty(t *testing.T) {
	if got := Summarize(nil, DefaultOptions()); got != nil {
		t.Errorf("no documents: %v", got)
	}
	if got := Summarize([]Document{{ID: "x", Text: "عاجل"}}, DefaultOptions()); got != nil {
		t.Errorf("no candidate sentence: %v", got)
	}
}

func TestSummarizeDeterministic(t *testing.T) {
	docs := seedDocs(t)
	a, _ := json.Marshal(Summarize(docs, DefaultOptions()))
	for range 5 {
		if b, _ := json.Marshal(Summarize(docs, DefaultOptions())); string(a) != string(b) {
			t.Fatalf("two runs differ:\n%s\n%s", a, b)
		}
	}
}

func BenchmarkSummarize(b *testing.B) {
	docs := seedDocs(b)
	for b.Loop() {
		Summarize(docs, DefaultOptions())
	}
}

func TestBoilerplate(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"رابط الخبر بصحيفة الوئام: طيران ناس تكرم طاقم طائرة عاد من المدرج", true},
		{"للمزيد زوروا الموقع https://example.com/news/1 اليوم", true},
		{"بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس", true},
		{"مكة المكرمة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس", true},
		{"سمات إعلان القاهرة مجلس الوزراء محمد بن نايف", true},
		{"أجد دوماً في قوله تعالي ﴿وَلَا يُنَبئُكَ مِثْلُ خَبِيرٍ﴾ القول الفصل", true},
		{"سئل عن قوله تعالى (وفي السماء رزقكم وما توعدون) فقال هو الثلج", true},
		{"قال الله تعالى: (( يا أيها الذين آمنوا كتب عليكم القصاص في القتلى )) الآية", true},
		{"أن يرسل بياناته وسيرته الشخصية على البريد التالي [email protected] /* */", true},
		// Sentences of the story stay.
		{"سمات التميز والريادة في شخصية السديري منوعة ومؤثرة", false},
		{"وفي 25 شوال 1436 هـ أعلنت الوزارة عن بدء صرف المكافآت للطلاب", false},
		{"أعلنت الشركة في 10 أغسطس 2015 أرباحها الفصلية وقالت إنها ارتفعت", false},
		{"رحمه الله تعالى وأسكنه فسيح جناته قال أقاربه", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := Boilerplate(arabic.Tokenize(tt.text)); got != tt.want {
				t.Errorf("Boilerplate(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestSummarizeLeavesBoilerplateOut(t *testing.T) {
	story := "أعلنت وزارة الصحة افتتاح مستشفى جديد في مدينة بريدة يضم ثلاثمائة سرير. " +
		"وقال الوزير إن المستشفى الجديد في بريدة سيخدم سكان منطقة القصيم كلها. " +
		"بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n" +
		"رابط الخبر بصحيفة الوئام: وزارة الصحة تفتتح مستشفى بريدة الجديد\n" +
		"سمات وزارة الصحة مستشفى بريدة القصيم"
	got := Summarize([]Document{{ID: "a", Text: story}}, DefaultOptions())
	if len(got) != 2 {
		t.Fatalf("%d sentences, want the 2 of the story: %+v", len(got), got)
	}
	for _, s := range got {
		if Boilerplate(arabic.Tokenize(s.Text)) {
			t.Errorf("boilerplate chosen: %q", s.Text)
		}
	}
}
