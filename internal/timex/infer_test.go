package timex

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"
)

func TestInferPublished(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // "" when no day is given
		conf       float64
	}{
		{"hijri beside today", "أعلن المجلس اليوم الثلاثاء 19/10/1436هـ أن الموسم سيبدأ قريبا.", "2015-08-04", confLinked},
		{"hijri and gregorian twin", "اختتمت في دمشق اليوم الثلاثاء 29 شعبان 1447هـ الموافق 17 فبراير 2026 الجولة الثانية.", "2026-02-17", confLinked},
		{"beside yesterday", "وصل الوفد أمس الخميس 6 أغسطس 2015 إلى عمان.", "2015-08-07", confLinked},
		{"dateline", "إسلام آباد 18 شوال 1436 هـ الموافق 03 اغسطس 2015 م - قتل ثلاثة مسلحين في اشتباك.", "2015-08-03", confOpening},
		{"title", "كاريكاتير 2015/8/2\n\nرسم اليوم.", "2015-08-02", confOpening},
		{"weekday agrees", "الرياض 5 يونيو 2015 - قال الوزير أمس الخميس إن الاتفاق صامد.", "2015-06-05", confOpening},
		{"day past the opening", "قال الوزير إن المباحثات التي جرت بين الوفدين في العاصمة كانت مثمرة، وإن الجانبين اتفقا على مواصلة العمل المشترك في الأشهر المقبلة، بعد اجتماع 3 يونيو 2015 في الرياض.", "", 0},
		{"coming day", "سيعقد المؤتمر في 20 يوليو 2015 في الرياض بمشاركة الوزراء.", "", 0},
		{"history", "ولد الشاعر في 4 يوليو 1963 وتحتفل المدينة بذكراه في عام 2015.", "", 0},
		{"weekday disagrees", "الرياض 3 يونيو 2015 - قال الوزير أمس الخميس إن الاتفاق صامد.", "", 0},
		{"current month disagrees", "الرياض 3 يونيو 2015 - وقع الاتفاق على أن ينفذ خلال أغسطس الجاري.", "", 0},
		{"current year disagrees", "الرياض 3 يونيو 2014 - ارتفعت الصادرات في العام الحالي 2015.", "", 0},
		{"weekday beside a day past the opening", "الداخلية: ارتفاع عدد ضحايا تفجير مسجد قوة الطوارئ\n\nصرح المتحدث الأمني بوزارة الداخلية بأنه إلحاقا لما سبق إعلانه يوم الخميس الموافق 21/10/1436 بشأن حدوث تفجير.", "", 0},
		{"night before last", "وصل الوفد البارحة الأولى الخميس 6 أغسطس 2015 إلى عمان.", "2015-08-08", confLinked},
		{"no day", "قال الوزير إن المباحثات كانت مثمرة وإن الجانبين سيلتقيان قريبا.", "", 0},
		{"empty", "", "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, conf, ok := InferPublished(tc.text)
			if tc.want == "" {
				if ok {
					t.Fatalf("got %s (%.2f), want no day", got.Format(time.DateOnly), conf)
				}
				return
			}
			if !ok {
				t.Fatalf("got no day, want %s", tc.want)
			}
			if got.Format(time.DateOnly) != tc.want || conf != tc.conf {
				t.Errorf("got %s (%.2f), want %s (%.2f)", got.Format(time.DateOnly), conf, tc.want, tc.conf)
			}
		})
	}
}

func FuzzInferPublished(f *testing.F) {
	for _, s := range []string{
		"اليوم الثلاثاء 19/10/1436هـ",
		"أمس الخميس 6 أغسطس 2015",
		"في 3 يونيو 2015 و 20 يوليو 2015",
		"الرياض 3 يونيو 2015 - أمس الخميس",
		"كاريكاتير 2015/8/2",
		"29 شعبان 1447هـ الموافق 17 فبراير 2026",
		"9999-12-31 و 31/12/9999",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		d, conf, ok := InferPublished(s)
		if !ok {
			if !d.IsZero() || conf != 0 {
				t.Fatalf("no day, but %v %v", d, conf)
			}
			return
		}
		if d.IsZero() || conf <= 0 || conf > 1 {
			t.Fatalf("day %v confidence %v", d, conf)
		}
	})
}

func ExampleInferPublished() {
	d, conf, ok := InferPublished("أعلن المجلس اليوم الثلاثاء 19/10/1436هـ أن الموسم سيبدأ قريبا.")
	fmt.Println(d.Format("2006-01-02"), conf, ok)
	_, _, ok = InferPublished("قال الوزير إن المباحثات كانت مثمرة.")
	fmt.Println(ok)
	// Output:
	// 2015-08-04 0.9 true
	// false
}

// BenchmarkInferPublished infers the day of the 24 dev news articles.
func BenchmarkInferPublished(b *testing.B) {
	f, err := os.Open(filepath.Join(dataDir, "temporal/news/timex_articles.jsonl"))
	if err != nil {
		b.Skipf("news data not available: %v", err)
	}
	defer f.Close()
	var texts []string
	size := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var a struct{ Content string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, a.Content)
		size += len(a.Content)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, s := range texts {
			InferPublished(s)
		}
	}
}
