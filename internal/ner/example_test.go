package ner_test

import (
	"fmt"

	"github.com/rasid-news/rasid/internal/ner"
)

func ExampleCanonicalizer() {
	c := ner.NewCanonicalizer()
	a := c.Add("a", []ner.Mention{
		{Type: ner.PERS, Name: "مايك بومبيو", Role: "وزير الخارجية الاميركي"},
		{Type: ner.PERS, Name: "بومبيو"},
		{Type: ner.PERS, Name: "دونالد ترمب"},
	})
	b := c.Add("b", []ner.Mention{
		{Type: ner.PERS, Name: "ترامب"},
		{Type: ner.LOC, Name: "ايران"},
	})
	fmt.Println(a, b)
	for _, e := range c.Entities() {
		fmt.Println(e.ID, e.Type, e.Name, len(e.Aliases), e.Articles)
	}
	// Output:
	// [1 1 2] [2 3]
	// 1 PERS مايك بومبيو 2 [a]
	// 2 PERS دونالد ترمب 2 [a b]
	// 3 LOC ايران 1 [b]
}

func ExampleModel_Recognize() {
	m, err := ner.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, mn := range m.Recognize("وصل وزير الخارجية الأميركي مايك بومبيو إلى بغداد.") {
		fmt.Println(mn.Type, mn.Text, mn.Start, mn.End, mn.Role)
	}
	// Output:
	// PERS مايك بومبيو 27 38 وزير الخارجية الأميركي
	// LOC بغداد 43 48
}
