package summary_test

import (
	"fmt"

	"github.com/rasid-news/rasid/internal/summary"
)

func ExampleSummarize() {
	docs := []summary.Document{
		{ID: "a", Text: "انطلقت في واشنطن الجولة الثانية من الحوار الاستراتيجي بين العراق والولايات المتحدة. وتناولت المحادثات ملف القوات الأميركية والتعاون في مجال الطاقة."},
		{ID: "b", Text: "بدأت الجولة الثانية من الحوار الاستراتيجي بين العراق والولايات المتحدة في واشنطن. وقال الوزير إن بلاده تريد علاقات متوازنة مع جيرانها كافة."},
	}
	opt := summary.DefaultOptions()
	opt.MaxSentences = 2
	for _, s := range summary.Summarize(docs, opt) {
		fmt.Printf("[%s] %s\n", s.Doc, s.Text)
	}
	// Output:
	// [a] انطلقت في واشنطن الجولة الثانية من الحوار الاستراتيجي بين العراق والولايات المتحدة.
	// [a] وتناولت المحادثات ملف القوات الأميركية والتعاون في مجال الطاقة.
}
