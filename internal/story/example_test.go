package story_test

import (
	"fmt"
	"time"

	"github.com/rasid-news/rasid/internal/story"
)

func ExampleClusterer() {
	day := func(d int) time.Time { return time.Date(2021, 7, d, 9, 0, 0, 0, time.UTC) }
	items := []story.Item{
		{ID: "a", Published: day(1), Title: "انطلاق الجولة الرابعة من الحوار الاستراتيجي العراقي الأميركي في واشنطن",
			Body:     "انطلقت في واشنطن الجولة الرابعة من الحوار الاستراتيجي بين العراق والولايات المتحدة لبحث مستقبل القوات القتالية الأميركية في العراق.",
			Entities: []string{"fuad-hussein", "iraq", "usa"}},
		{ID: "b", Published: day(1), Title: "الهلال يتغلب على النصر بهدفين في الدوري السعودي",
			Body:     "تغلب فريق الهلال على منافسه النصر بهدفين مقابل هدف في المباراة التي جمعتهما في الرياض.",
			Entities: []string{"al-hilal", "al-nassr"}},
		{ID: "c", Published: day(2), Title: "بلينكن وفؤاد حسين يبحثان انسحاب القوات القتالية من العراق",
			Body:     "بحث وزير الخارجية الأميركي مع نظيره العراقي فؤاد حسين في واشنطن انسحاب القوات القتالية الأميركية من العراق ضمن الجولة الرابعة من الحوار الاستراتيجي.",
			Entities: []string{"blinken", "fuad-hussein", "iraq", "usa"}},
	}
	c := story.New(story.DefaultOptions())
	for _, it := range items {
		fmt.Println(it.ID, "→ story", c.Add(it))
	}
	// Output:
	// a → story 0
	// b → story 1
	// c → story 0
}

func ExampleTimeline() {
	events := story.Timeline([]story.Mention{
		{Article: "a", Source: "elaph", Date: "2020-01-03", Order: 1, Text: "واغتيل سليماني والمهندس بغارة أميركية قرب مطار بغداد."},
		{Article: "b", Source: "okaz", Date: "2020-01-03", Order: 2, Text: "وكانت غارة أميركية قرب مطار بغداد قد قتلت سليماني والمهندس."},
		{Article: "b", Source: "okaz", Date: "2008", Order: 2, Text: "ووقع البلدان اتفاقية الإطار الاستراتيجي عام 2008."},
	}, 0)
	for _, e := range events {
		fmt.Println(e.Date, e.Outlets)
	}
	// Output:
	// 2008 [okaz]
	// 2020-01-03 [elaph okaz]
}
