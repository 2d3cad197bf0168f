package analysis_test

import (
	"fmt"
	"time"

	"github.com/rasid-news/rasid/internal/analysis"
	"github.com/rasid-news/rasid/internal/ner"
	"github.com/rasid-news/rasid/internal/news"
)

func ExampleAnalyzer_Analyze() {
	an, err := analysis.Default()
	if err != nil {
		panic(err)
	}
	res := an.Analyze(news.Article{
		ID:        "example",
		Body:      "قال وزير الخارجية الأميركي مايك بومبيو أمس إن بلاده ستقدم 50 مليون دولار للعراق. وأضاف بومبيو: «العراق شريك».",
		Published: time.Date(2020, 8, 20, 0, 0, 0, 0, time.UTC),
	})
	for _, e := range res.Entities {
		fmt.Printf("entity %s [%d,%d) %s name=%s\n", e.Type, e.Start, e.End, e.Text, e.Name)
	}
	for _, x := range res.Timexes {
		fmt.Printf("timex %s = %s\n", x.Text, x.Value)
	}
	for _, q := range res.Quantities {
		fmt.Printf("quantity %s = %g %s\n", q.Text, q.Value, q.Unit)
	}
	for _, q := range res.Quotes {
		fmt.Printf("quote by %s: %s\n", q.Speaker.Name, q.Text)
	}
	// The two mentions of Pompeo share one entity id.
	fmt.Println(res.Entities[0].EntityID == res.Entities[2].EntityID)
	// Output:
	// entity PERS [27,38) مايك بومبيو name=مايك بومبيو
	// entity LOC [73,79) للعراق name=العراق
	// entity PERS [87,93) بومبيو name=مايك بومبيو
	// entity LOC [96,102) العراق name=العراق
	// timex أمس = 2020-08-19
	// quantity 50 مليون دولار = 5e+07 USD
	// quote by مايك بومبيو: بلاده ستقدم 50 مليون دولار للعراق
	// quote by مايك بومبيو: العراق شريك
	// true
}

func ExampleEntityID() {
	// Two spellings of one name have one matching key, hence one id.
	keys := ner.NewCanonicalizer()
	a := analysis.EntityID(keys.Key(ner.PERS, "دونالد ترمب"))
	b := analysis.EntityID(keys.Key(ner.PERS, "دونالد ترامب"))
	fmt.Println(a == b, a)
	// Output:
	// true pers-b0a99c54d2c73f82
}
