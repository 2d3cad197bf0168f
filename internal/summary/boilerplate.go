package summary

import (
	"strings"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/timex"
)

// Boilerplate reports whether a sentence (its tokens) is a line an outlet
// or an agency adds around a story rather than part of it, which a
// summary leaves out:
//
//   - a link: a URL, an e-mail address (or the [email protected] a site
//     writes in its place), or an outlet's "link to the story" line
//     (رابط الخبر بصحيفة الوئام: …);
//   - a dateline alone (الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م
//     واس): a month name, two numbers, an era letter, الموافق or an
//     agency, and besides those at most three words, the place;
//   - a keyword line (سمات إعلان القاهرة مجلس الوزراء): سمات or وسوم
//     first, then no function word;
//   - a verse of the Quran: in ornate parentheses (﴿ … ﴾) or after the
//     formula قال تعالى, قوله تعالى, قال الله تعالى.
func Boilerplate(toks []arabic.Token) bool {
	var words []string
	for i, t := range toks {
		switch t.Kind {
		case arabic.URL, arabic.Email:
			return true
		case arabic.Word:
			words = append(words, t.Norm)
		case arabic.Latin:
			// An address hidden by the outlet's site: [email protected]
			if strings.EqualFold(t.Text, "email") && i+1 < len(toks) && strings.EqualFold(toks[i+1].Text, "protected") {
				return true
			}
		}
		if strings.ContainsRune(t.Text, '﴿') {
			return true
		}
	}
	for i := 0; i+1 < len(words); i++ {
		switch {
		case words[i] == "رابط" && (words[i+1] == "الخبر" || words[i+1] == "المقال"):
			return true
		case words[i+1] == "تعالي" && (verseCues[words[i]] || words[i] == "الله" && i > 0 && verseCues[words[i-1]]):
			return true // قال تعالى, قوله تعالى, قال الله تعالى
		}
	}
	return dateline(toks) || keywordLine(words)
}

// verseCues are the words before تعالى that introduce a verse.
var verseCues = map[string]bool{"قال": true, "قوله": true, "لقوله": true, "يقول": true, "وقوله": true, "وقال": true}

// normSet is the set of the normalized forms of the words of list.
func normSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[arabic.NormalizeString(w)] = true
	}
	return m
}

// dateMarkers are the words of a dateline besides its numbers, its
// month (timex.IsMonthWord), its place and its agency
// (news.IsWireService): the words that complete a month's name (كانون
// الثاني, ربيع الأول, جمادى الآخرة, ذو القعدة), the era letters and
// الموافق.
var dateMarkers = normSet(`الأول الثاني الآخر الاخر القعدة الحجة هـ ه م الموافق الموافقة`)

// dateline reports a sentence that is a dateline and nothing else.
func dateline(toks []arabic.Token) bool {
	numbers, month, marker, other := 0, false, false, 0
	for _, t := range toks {
		switch t.Kind {
		case arabic.Number:
			numbers++
		case arabic.Word:
			switch {
			case timex.IsMonthWord(t.Norm):
				month = true
			case dateMarkers[t.Norm] || news.IsWireService(t.Norm):
				marker = true
			default:
				other++
			}
		case arabic.Latin:
			other++
		}
	}
	return month && marker && numbers >= 2 && other <= 3
}

// keywordLine reports a list of keywords under its label: سمات or وسوم
// first and no function word after it (سمات التميز والريادة في شخصية …
// is a sentence about traits).
func keywordLine(words []string) bool {
	if len(words) < 2 || words[0] != "سمات" && words[0] != "وسوم" {
		return false
	}
	for _, w := range words[1:] {
		if arabic.IsStopword(w) {
			return false
		}
	}
	return true
}
