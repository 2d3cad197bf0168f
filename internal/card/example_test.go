package card_test

import (
	"fmt"
	"time"

	"github.com/rasid-news/rasid/internal/card"
	"github.com/rasid-news/rasid/internal/news"
)

func ExampleBuild() {
	body := "وقع الأردن وسوريا في عمان اليوم مذكرة تفاهم حول مياه نهر اليرموك. وكان البلدان قد وقعا اتفاقية عام 1987 لبناء سد الوحدة."
	a := news.Article{ID: "a1", Source: "النبأ", Title: "توقيع مذكرة تفاهم أردنية سورية حول مياه اليرموك",
		Published: time.Date(2026, 4, 9, 18, 30, 0, 0, time.UTC), Body: body}
	an := news.Analysis{ID: "a1",
		Sentences: []news.Span{{Start: 0, End: 65}, {Start: 66, End: 120}},
		Timexes: []news.Timex{
			{Span: news.Span{Text: "اليوم", Start: 26, End: 31}, Type: "date", Value: "2026-04-09"},
			{Span: news.Span{Text: "عام 1987", Start: 95, End: 103}, Type: "date", Value: "1987"},
		}}
	c := card.Build(news.Story{ID: "s-a1"}, []news.Article{a}, map[string]news.Analysis{"a1": an}, card.DefaultOptions())
	fmt.Println(c.Title)
	for _, e := range c.Timeline {
		fmt.Println(e.Date, e.Sources)
	}
	// Output:
	// توقيع مذكرة تفاهم أردنية سورية حول مياه اليرموك
	// 1987 [a1]
	// 2026-04-09 [a1]
}
