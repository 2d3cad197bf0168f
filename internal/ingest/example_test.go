package ingest_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/rasid-news/rasid/internal/ingest"
)

func ExampleParseText() {
	a := ingest.ParseText("وزيرا خارجية البلدين يلتقيان في بغداد\nأربيل (كوردستان 24)- التقى وزيرا الخارجية اليوم في بغداد.")
	fmt.Println(a.Title)
	fmt.Println(a.Source, "|", a.Place)
	fmt.Println(a.Body)
	// Output:
	// وزيرا خارجية البلدين يلتقيان في بغداد
	// كوردستان 24 | أربيل
	// التقى وزيرا الخارجية اليوم في بغداد.
}

func ExampleRead() {
	input := `{"url": "https://example.org/1", "title": "خبر", "published": "2021-03-04", "content": "نص الخبر بالعربية."}
{"url": "https://example.org/2", "content": "English only."}
{"url": "https://example.org/3", "content": "نص مقطوع
`
	ingest.Read(context.Background(), "news.jsonl", strings.NewReader(input), ingest.Options{}, func(it ingest.Item) error {
		if it.Refused() {
			fmt.Println("refused", it)
			return nil
		}
		fmt.Println("article", it.Where(), it.Article.Published.Format("2006-01-02"), it.Article.DateOrigin)
		return nil
	})
	// Output:
	// article news.jsonl:1 2021-03-04 input
	// refused news.jsonl:2: not Arabic (0% of letters are Arabic; --lang any admits it)
	// refused news.jsonl:3: malformed JSON at column 54: unexpected end of JSON input
}
