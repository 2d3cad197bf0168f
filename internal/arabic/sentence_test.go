package arabic

import (
	"fmt"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		desc string
		in   string
		want []string
	}{
		{"two sentences", "وصل الوفد. بدأت المحادثات.", []string{"وصل الوفد.", "بدأت المحادثات."}},
		{"question and exclamation", "هل انتهى الحوار؟ لا! بل بدأ.", []string{"هل انتهى الحوار؟", "لا!", "بل بدأ."}},
		{"trailing marks stay together", "حقا؟! نعم.", []string{"حقا؟!", "نعم."}},
		{"decimal number", "بلغ النمو 3.5 بالمئة. وتراجع التضخم.", []string{"بلغ النمو 3.5 بالمئة.", "وتراجع التضخم."}},
		{"Arabic decimal separator", "بلغ ٣٫٥ مليار. ثم ارتفع.", []string{"بلغ ٣٫٥ مليار.", "ثم ارتفع."}},
		{"Arabic title abbreviation", "قال د. محمد علي إن الوضع مستقر.", []string{"قال د. محمد علي إن الوضع مستقر."}},
		{"agency initials", "نقلت أ.ف.ب عن مصدر قوله ذلك. وأضاف المصدر.", []string{"نقلت أ.ف.ب عن مصدر قوله ذلك.", "وأضاف المصدر."}},
		{"Latin abbreviation", "قال Mr. Smith إن U.S. troops باقية. انتهى.", []string{"قال Mr. Smith إن U.S. troops باقية.", "انتهى."}},
		{"guillemet quote with inner stops", "قال: «نحن مستعدون. الحوار مستمر». ثم غادر.", []string{"قال: «نحن مستعدون. الحوار مستمر».", "ثم غادر."}},
		{"quote closing on a stop", "قال: «نحن مستعدون.» ثم غادر.", []string{"قال: «نحن مستعدون.»", "ثم غادر."}},
		{"quote followed by reporting clause", "«الحوار مستمر.»، قال الوزير.", []string{"«الحوار مستمر.»، قال الوزير."}},
		{"curly quotes", "وقال “شراكتنا قوية. جدا”. وغادر.", []string{"وقال “شراكتنا قوية. جدا”.", "وغادر."}},
		{"curly quotes typed backwards", "ذكرت فيه:”ان هذه الزيارة مهمة.“ وأضاف.", []string{"ذكرت فيه:”ان هذه الزيارة مهمة.“", "وأضاف."}},
		{"straight quotes", "وقال إن \"الميليشيات تهدد الاستقرار\". وأضاف.", []string{"وقال إن \"الميليشيات تهدد الاستقرار\".", "وأضاف."}},
		{"straight quote typed on the wrong side", "وقال ان\" بغداد في خندق واحد\". ونوه الى ذلك.", []string{"وقال ان\" بغداد في خندق واحد\".", "ونوه الى ذلك."}},
		{"headline without a stop", "بومبيو يؤكد قوة العلاقات\nاجتمع الوفدان في واشنطن.", []string{"بومبيو يؤكد قوة العلاقات", "اجتمع الوفدان في واشنطن."}},
		{"dateline colon does not split", "إيلاف من لندن: انطلقت الجولة الثانية. وقال الوزير.", []string{"إيلاف من لندن: انطلقت الجولة الثانية.", "وقال الوزير."}},
		{"dateline with parenthesis and dash", "أربيل (كوردستان 24)- أعلن المتحدث موعدا جديدا.", []string{"أربيل (كوردستان 24)- أعلن المتحدث موعدا جديدا."}},
		{"paragraph break", "الفقرة الأولى بلا نقطة\n\nالفقرة الثانية.", []string{"الفقرة الأولى بلا نقطة", "الفقرة الثانية."}},
		{"unclosed quote ends at the paragraph", "قال «هذا نص مفتوح. ولا يغلق\n\nفقرة جديدة.", []string{"قال «هذا نص مفتوح. ولا يغلق", "فقرة جديدة."}},
		{"ellipsis", "انتظروا… ثم عادوا.", []string{"انتظروا…", "ثم عادوا."}},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			toks, sents := SplitSentences(tc.in)
			runes := []rune(tc.in)
			var got []string
			for _, s := range sents {
				got = append(got, string(runes[s.Start:s.End]))
				if s.Start != toks[s.First].Start || s.End != toks[s.Last].End {
					t.Errorf("sentence span [%d,%d) does not match its tokens", s.Start, s.End)
				}
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tc.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func ExampleSplitSentences() {
	text := "إيلاف من لندن: قال د. أحمد إن «الحوار مستمر. والنتائج جيدة». وغادر الوفد."
	_, sents := SplitSentences(text)
	for _, s := range sents {
		fmt.Println(string([]rune(text)[s.Start:s.End]))
	}
	// Output:
	// إيلاف من لندن: قال د. أحمد إن «الحوار مستمر. والنتائج جيدة».
	// وغادر الوفد.
}
