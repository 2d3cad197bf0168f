package quote_test

import (
	"fmt"

	"github.com/rasid-news/rasid/internal/quote"
)

func ExampleExtract() {
	text := "اكد وزير الخارجية الأميركي مايك بومبيو دعم بلاده للعراق.\n" +
		`وقال بومبيو إن "شراكتنا قوية جدا"، لافتاً الى ان واشنطن لن تركز على الملف العسكري.`
	for _, q := range quote.Extract(text, nil) {
		fmt.Printf("%s | %s | %s\n", q.Form, q.Speaker.Name, q.Text)
	}
	// Output:
	// direct | مايك بومبيو | شراكتنا قوية جدا
	// indirect | مايك بومبيو | واشنطن لن تركز على الملف العسكري
}
