package quantity

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestExtract(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "text|type|value|unit"
	}{
		{"digits", "قتل 25 عسكريا", []string{"25 عسكريا|count|25|عسكريا"}},
		{"words thousands", "ثلاثة آلاف", []string{"ثلاثة آلاف|number|3000|"}},
		{"dual million", "مليونان", []string{"مليونان|number|2e+06|"}},
		{"compound", "خمسة وعشرون", []string{"خمسة وعشرون|number|25|"}},
		{"digits and scale", "5 آلاف", []string{"5 آلاف|number|5000|"}},
		{"digits glued to a scale", "استثمرت 2مليار دولار و5ملايين ريال و3آلاف جندي", []string{"2مليار دولار|money|2e+09|USD", "5ملايين ريال|money|5e+06|SAR", "3آلاف جندي|count|3000|جندي"}},
		{"digits glued to another word stay out", "قتل 7أشخاص", nil},
		{"decimal scale money", "1.5 مليار دولار", []string{"1.5 مليار دولار|money|1.5e+09|USD"}},
		{"arabic indic", "١٬٢٣٤٫٥", []string{"١٬٢٣٤٫٥|number|1234.5|"}},
		{"percent sign", "بنسبة ٣٠٪", []string{"٣٠٪|percent|30|"}},
		{"percent words", "5 في المائة و عشرون بالمئة", []string{"5 في المائة|percent|5|", "عشرون بالمئة|percent|20|"}},
		{"range", "من 5200 إلى 3000 ريال", []string{"من 5200 إلى 3000 ريال|range|5200|SAR"}},
		{"dollar sign", "$300", []string{"$300|money|300|USD"}},
		{"dinar", "مليون دينار عراقي", []string{"مليون دينار عراقي|money|1e+06|IQD"}},
		// A fraction after a scale is a fraction of the scale, which may
		// be said again (was 1000000.5, and المليون an ordinal).
		{"half after million", "مليون ونصف", []string{"مليون ونصف|number|1.5e+06|"}},
		{"half the million", "قدرها مليون ونصف المليون دولار", []string{"مليون ونصف المليون دولار|money|1.5e+06|USD"}},
		{"quarter after dual", "ألفين وربع", []string{"ألفين وربع|number|2250|"}},
		{"half after plural", "ثلاثة ملايين ونصف", []string{"ثلاثة ملايين ونصف|number|3.5e+06|"}},
		{"half after dual, scale again", "مليونين ونصف مليون مسافر", []string{"مليونين ونصف مليون مسافر|count|2.5e+06|مسافر"}},
		{"digits, scale, half", "10 ملايين ونصف جنيه", []string{"10 ملايين ونصف جنيه|money|1.05e+07|EGP"}},
		{"separate and", "مليار و نصف", []string{"مليار و نصف|number|1.5e+09|"}},
		{"half after a unit", "واحد ونصف ريال", []string{"واحد ونصف ريال|money|1.5|SAR"}},
		{"ordinal", "الحادي عشر", []string{"الحادي عشر|ordinal|11|"}},
		{"ordinal compound", "الخامس والعشرون", []string{"الخامس والعشرون|ordinal|25|"}},
		{"negative", "سالب ٥", []string{"سالب ٥|number|-5|"}},
		{"teen", "ستة عشر", []string{"ستة عشر|number|16|"}},
		{"hundreds", "مائة وواحد وستون", []string{"مائة وواحد وستون|number|161|"}},
		{"nothing", "لا أرقام هنا", nil},
		{"counted plural noun", "احترقت 30 سيارة و3 منازل", []string{"30 سيارة|count|30|سيارة", "3 منازل|count|3|منازل"}},
		{"plural verb not counted", "قال إن 5 سيدفعون الثمن و12 يعملون", []string{"5|number|5|", "12|number|12|"}},
		{"function word not counted", "قتل 7 منهم و4 فقط وهو", []string{"7|number|7|", "4|number|4|"}},
		{"conjunction and function word", "بلغ 9 وهو رقم", []string{"9|number|9|"}},
		{"elative not counted", "ضمن 10 أكبر شركات", []string{"10|number|10|"}},
		{"prepositional nouns not counted", "طائرات أف 16 ضمن صفقة و5 داخل المبنى و3 خارج البلاد و4 وسط المدينة و6 جراء القصف و7 عقب الحادث و8 حيال ذلك",
			[]string{"16|number|16|", "5|number|5|", "3|number|3|", "4|number|4|", "6|number|6|", "7|number|7|", "8|number|8|"}},
		{"a day of a month in a name counts no month", "ثورة 25 يناير وثورة 30 يونيو وملعب 15 أكتوبر و7 تموز و3 رمضان", []string{"25|number|25|", "30|number|30|", "15|number|15|", "7|number|7|", "3|number|3|"}},
		{"the ordinal of a month's name is no ordinal", "في كانون الثاني وتشرين الأول وربيع الآخر وجمادى الأولى والفصل الثاني", []string{"الثاني|ordinal|2|"}},
		{"noun folding to a stopword counted", "هناك 5 فئة", []string{"5 فئة|count|5|فئة"}},
		{"a plural noun in ون reads as a verb (rare after a number: accepted)", "وصل 4 تونسيون", []string{"4|number|4|"}},
		{"West Ham is no six", "فاز على وست هام", nil},
		{"six before a singular name is no six", "قالت ست هانم", nil},
		{"six before a plural", "منذ ست سنوات وست ميداليات", []string{"ست سنوات|count|6|سنوات", "وست ميداليات|count|6|ميداليات"}},
		{"six beside a number word", "خمس أو ست", []string{"خمس|number|5|", "ست|number|6|"}},
		{"a year counts nothing", "في عام 2008 أعلنت الشركة", []string{"2008|number|2008|"}},
		{"a year after لعام", "موازنة لعام 2015 بلغت", []string{"2015|number|2015|"}},
		{"telephone number", "الرقم 0501234567", nil},
		{"record number without separators", "رقم 3601129840 تحويلة", nil},
		{"preposition clitic is no counted noun", "الدقيقة 57 ليخسر و22 بتسديدة", []string{"57|number|57|", "22|number|22|"}},
		{"conjunction clitic is no counted noun", "قتل 15 وإصابة 20 بحسب", []string{"15|number|15|", "20|number|20|"}},
		{"clitic before the article", "نقل 3 للمستشفى و4 بالطائف", []string{"3|number|3|", "4|number|4|"}},
		{"doubled waw", "أعلنت 7 ووظيفة", []string{"7|number|7|"}},
		{"preposition before a word in و", "عمل 4 بوزارة الصحة", []string{"4|number|4|"}},
		{"words beginning with clitic letters are counted", "2 برميل و5 لتر و9 وحدات و80 وظيفة و12 بطاقة و10 بواخر", []string{"2 برميل|count|2|برميل", "5 لتر|count|5|لتر", "9 وحدات|count|9|وحدات", "80 وظيفة|count|80|وظيفة", "12 بطاقة|count|12|بطاقة", "10 بواخر|count|10|بواخر"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range Extract(tt.text) {
				got = append(got, fmt.Sprintf("%s|%s|%g|%s", q.Text, q.Type, q.Value, q.Unit))
				if r := []rune(tt.text); string(r[q.Start:q.End]) != q.Text {
					t.Errorf("span %d-%d is not %q", q.Start, q.End, q.Text)
				}
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("Extract(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestParseDigits(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"1,500", 1500, true}, {"4,8", 4.8, true}, {"1.000.000", 1e6, true}, {"3.5", 3.5, true},
		{"1,234,567", 1234567, true}, {"192.168.1.2", 0, false}, {"", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseDigits(tt.in)
			if ok != tt.ok || got != tt.want {
				t.Errorf("ParseDigits(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"ثلاثة آلاف", "1.5 مليار دولار", "من 5 إلى 3", "٣٠٪", "سالب", "و و و", "\xff", "الـ", "$", "1 234 567", "١،٢٣٤", ".08", "2.5^-1", "ثلاثة وخمس", "أكبر من 1 وأقل من 2", "قبل الأخير"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := utf8.RuneCountInString(s)
		for _, q := range append(Extract(s), Numbers(s)...) {
			if q.Start < 0 || q.End > n || q.Start >= q.End {
				t.Fatalf("bad span %d-%d in %d code points", q.Start, q.End, n)
			}
		}
	})
}

func ExampleExtract() {
	for _, q := range Extract("قتل 25 عسكريا وبلغت الخسائر 1.5 مليار دولار، بارتفاع 5 في المائة") {
		fmt.Println(q.Text, q.Type, q.Value, q.Unit)
	}
	// Output:
	// 25 عسكريا count 25 عسكريا
	// 1.5 مليار دولار money 1.5e+09 USD
	// 5 في المائة percent 5
}

func BenchmarkExtract(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("../../../shared/data/temporal/news/timex_articles.jsonl"))
	if err != nil {
		b.Skipf("news data not available: %v", err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Extract(text)
	}
}
