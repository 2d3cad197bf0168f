package quantity

import (
	"fmt"
	"strings"
	"testing"
)

// TestNumbersWritings covers fractions, digit groups, powers and relative
// ordinals: "text|type|value" (or "text|type|relative" for a relative
// ordinal) for every number Numbers finds.
func TestNumbersWritings(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"plural denominator", "ثلاثة أخماس", []string{"ثلاثة أخماس|number|0.6"}},
		{"whole and fraction", "عشرون وثلاثة أخماس", []string{"عشرون وثلاثة أخماس|number|20.6"}},
		{"whole over denominator", "واحد وعشرون أخماس", []string{"واحد وعشرون أخماس|number|4.2"}},
		{"and a fifth", "ثلاثة و خمس", []string{"ثلاثة و خمس|number|3.2"}},
		{"and three quarters", "مائة وثلاثة أرباع", []string{"مائة وثلاثة أرباع|number|100.75"}},
		{"half", "نصف الناس", []string{"نصف|number|0.5"}},
		{"half a dozen", "نصف دزينة", []string{"نصف دزينة|number|6"}},
		{"a fifth of", "اكلت خمس الفطيرة", []string{"خمس|number|0.2"}},
		{"five indefinite", "خمس سنوات", []string{"خمس|number|5"}},
		{"price is no fraction", "ثمن النفط", nil},
		{"price alone", "دفع الثمن", nil},
		{"ratio", "واحد من ثلاثة", []string{"واحد من ثلاثة|number|0.333333"}},
		{"ratio on", "١ على ٣", []string{"١ على ٣|number|0.333333"}},
		{"score is no ratio", "فاز 3 على 1", []string{"3|number|3", "1|number|1"}},
		{"spaced groups", "1 234 567", []string{"1 234 567|number|1.23457e+06"}},
		{"two numbers side by side", "عام 2015 300 شخص", []string{"2015|number|2015", "300|number|300"}},
		{"narrow space", "1\u202f234", []string{"1\u202f234|number|1234"}},
		{"arabic comma groups", "١،٢٣٤،٥٦٧", []string{"١،٢٣٤،٥٦٧|number|1.23457e+06"}},
		{"arabic comma list", "١، ٢، ٣", []string{"١|number|1", "٢|number|2", "٣|number|3"}},
		{"leading point", ".08", []string{".08|number|0.08"}},
		{"power", "2.5^-1", []string{"2.5^-1|number|0.4"}},
		{"glued to a word", "١٨٠ميلي لتر", nil},
		{"hundreds apart", "ثلاثمائة و مائتين", []string{"ثلاثمائة|number|300", "مائتين|number|200"}},
		{"thousand with alef", "أقل من ألف", []string{"ألف|number|1000"}},
		{"last", "الاجتماع الأخير", []string{"الأخير|ordinal|end+0"}},
		{"before last", "قبل الأخير", []string{"قبل الأخير|ordinal|end-1"}},
		{"next", "الصفحة التالية", []string{"التالية|ordinal|current+1"}},
		{"other is not last", "رجل آخر", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range Numbers(tt.text) {
				v := fmt.Sprintf("%.6g", q.Value)
				if q.Relative != "" {
					v = q.Relative
				}
				got = append(got, q.Text+"|"+q.Type+"|"+v)
				if r := []rune(tt.text); string(r[q.Start:q.End]) != q.Text {
					t.Errorf("span %d-%d is not %q", q.Start, q.End, q.Text)
				}
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("Numbers(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestRanges covers comparisons before and after a number and two bounds
// joined into one range.
func TestRanges(t *testing.T) {
	tests := []struct{ text, want string }{
		{"أكثر من 100", "(100,)"},
		{"أقل من أو يساوي 30", "(,30]"},
		{"أكبر من أو يساوي ثلاثة آلاف", "[3000,)"},
		{"لا يقل عن 20", "[20,)"},
		{"لا يزيد عن 50", "(,50]"},
		{"على الأقل 20", "[20,)"},
		{"يصل إلى 700", "(,700]"},
		{"5000 أو أكثر", "[5000,)"},
		{"خمس مائة وأكثر", "[500,)"},
		{"أقل من 5000 أو يساوي", "(,5000]"},
		{"يساوي 40", "[40,40]"},
		{"أكبر من 100 وأصغر من 300", "(100,300)"},
		{"على الأكثر 100 وعلى الأقل 20", "[20,100]"},
		{"أكثر من 40 وأقل من 10", "(40,) (,10)"},
		{"بين سالب عشرة وخمسة عشر", "[-10,15)"},
		{"x>10 و y<20", "(10,) (,20)"},
		{"<= -30", "(,-30]"},
		{"1995-01", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, q := range Extract(tt.text) {
				if q.Type == TypeRange {
					got = append(got, q.Interval)
				}
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("ranges of %q = %q, want %q", tt.text, g, tt.want)
			}
		})
	}
}
