package dedup

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

const wire = `أعلنت وزارة الخارجية العراقية أن الجولة الثالثة من الحوار الاستراتيجي مع الولايات المتحدة ستعقد في واشنطن منتصف الشهر المقبل، بمشاركة وفد رفيع يرأسه وزير الخارجية. وقال المتحدث باسم الوزارة في بيان إن الجولة ستبحث جدول انسحاب القوات القتالية والتعاون في مجالات الطاقة والصحة والتعليم، مضيفا أن الجانبين اتفقا على تشكيل لجان فنية لمتابعة ما يتم الاتفاق عليه. وأشار البيان إلى أن الحكومة تسعى إلى علاقات متوازنة مع جميع دول الجوار.`

// edited is wire as a second outlet ran it: its own headline and dateline,
// diacritics and hamza spelled differently, one clause dropped.
const edited = `بغداد - وكالات: أعلنت وزارة الخارجيّة العراقيّة أنّ الجولة الثالثة من الحوار الاستراتيجي مع الولايات المتحدة ستُعقد في واشنطن منتصف الشهر المقبل، بمشاركة وفد رفيع يرأسه وزير الخارجية. وقال المتحدث باسم الوزارة في بيان ان الجولة ستبحث جدول انسحاب القوات القتالية والتعاون في مجالات الطاقة والصحة والتعليم. واشار البيان الى ان الحكومة تسعى الى علاقات متوازنة مع جميع دول الجوار.`

// independent reports the same event in the outlet's own words.
const independent = `من المقرر أن يتوجه وفد عراقي برئاسة وزير الخارجية إلى العاصمة الأميركية في منتصف الشهر المقبل لعقد جولة ثالثة من المحادثات، وفق ما أفاد مصدر دبلوماسي. وتتناول المحادثات مستقبل الوجود العسكري الأميركي في العراق، إلى جانب ملفات الطاقة والصحة، في وقت تحاول فيه بغداد الموازنة بين علاقاتها مع واشنطن وجيرانها.`

// template is an official announcement with the same wording as others
// of its kind but a different event.
const templateA = `وصل إلى الرياض اليوم فخامة رئيس جمهورية السنغال في زيارة رسمية للمملكة تستغرق عدة أيام، وكان في استقباله في مطار الملك خالد الدولي صاحب السمو الملكي أمير منطقة الرياض وعدد من المسؤولين. وسيعقد الضيف خلال الزيارة مباحثات مع خادم الحرمين الشريفين تتناول العلاقات الثنائية وسبل تعزيزها في المجالات الاقتصادية والتجارية.`
const templateB = `وصل إلى جدة اليوم دولة رئيس وزراء ماليزيا في زيارة خاصة للمملكة تستغرق يومين، وكان في استقباله في مطار الملك عبدالعزيز الدولي صاحب السمو الملكي أمير منطقة مكة المكرمة وعدد من المسؤولين. وسيبحث الضيف خلال زيارته مع ولي العهد مشروعات الاستثمار المشترك وتطوير التبادل التجاري بين البلدين في قطاعي الطاقة والسياحة.`

func TestIndex(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2021, 7, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		desc      string
		docs      []Doc
		wantPairs [][2]int
		wantCanon []int // canonical copy of each group
	}{
		{"edited wire copy is a duplicate", []Doc{{Text: wire, Published: day(2)}, {Text: edited, Published: day(1)}}, [][2]int{{0, 1}}, []int{1}},
		{"canonical: earliest, then longest", []Doc{{Text: edited}, {Text: wire}}, [][2]int{{0, 1}}, []int{1}},
		{"an identical copy", []Doc{{Text: wire}, {Text: wire}}, [][2]int{{0, 1}}, []int{0}},
		{"copy leading a longer article (a paragraph added)", []Doc{{Text: wire}, {Text: wire + "\n" + templateA}}, [][2]int{{0, 1}}, []int{1}},
		{"an item inside a composite led by another item is not", []Doc{{Text: wire}, {Text: independent + "\n" + wire + "\n" + templateA}}, nil, nil},
		{"a headline line is not the lead", []Doc{{Text: wire}, {Text: "عنوان آخر للخبر\n" + wire + "\n" + templateA}}, [][2]int{{0, 1}}, []int{1}},
		{"an independent report of the same event is not", []Doc{{Text: wire}, {Text: independent}}, nil, nil},
		{"an official template about another event is not", []Doc{{Text: templateA}, {Text: templateB}}, nil, nil},
		{"a short text is not compared", []Doc{{Text: "عاجل: انفجار في بغداد"}, {Text: "عاجل: انفجار في بغداد"}}, nil, nil},
		{"three copies form one group", []Doc{{Text: wire, Published: day(3)}, {Text: independent}, {Text: edited, Published: day(2)}, {Text: wire, Published: day(4)}},
			[][2]int{{0, 2}, {0, 3}, {2, 3}}, []int{2}},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			ix := New(DefaultOptions())
			for _, d := range tc.docs {
				ix.Add(d)
			}
			var got [][2]int
			for _, p := range ix.Pairs() {
				got = append(got, [2]int{p.A, p.B})
				if p.Containment < DefaultOptions().MinContainment || p.Containment > 1 || p.Resemblance > p.Containment {
					t.Errorf("pair %+v has inconsistent scores", p)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.wantPairs) {
				t.Errorf("pairs %v, want %v", got, tc.wantPairs)
			}
			var canon []int
			for _, g := range ix.Groups() {
				canon = append(canon, g.Canonical)
				if len(g.Copies)+1 < 2 {
					t.Errorf("group %+v has one member", g)
				}
			}
			if fmt.Sprint(canon) != fmt.Sprint(tc.wantCanon) {
				t.Errorf("canonical copies %v, want %v", canon, tc.wantCanon)
			}
		})
	}
}

func TestShingles(t *testing.T) {
	a := Shingles("قالَ الوزيرُ إنّ الحوارَ مستمرٌ مع الولايات المتحدة", 3)
	b := Shingles("قال الوزير ان الحوار مستمر مع الولايات المتحده", 3)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("diacritics, hamza and teh marbuta should not change shingles")
	}
	if len(a) != 6 {
		t.Errorf("8 words give 6 shingles of 3, got %d", len(a))
	}
	if got := Shingles("", 5); got != nil {
		t.Errorf("empty text: %v", got)
	}
	if got := Shingles("كلمتان فقط", 5); len(got) != 1 {
		t.Errorf("a text shorter than k gives one shingle, got %d", len(got))
	}
}

func BenchmarkIndexAdd(b *testing.B) {
	files, _ := filepath.Glob("../../../shared/data/news/saudinewsnet/*.zip")
	if len(files) == 0 {
		b.Skip("../shared/data/news/saudinewsnet not found")
	}
	z, err := zip.OpenReader(files[0])
	if err != nil {
		b.Fatal(err)
	}
	defer z.Close()
	var arts []struct{ Content string }
	r, _ := z.File[0].Open()
	if err := json.NewDecoder(r).Decode(&arts); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		ix := New(DefaultOptions())
		for _, a := range arts {
			ix.Add(Doc{Text: a.Content})
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}
