package analysis_test

import (
	"os"
	"testing"

	"github.com/rasid-news/rasid/internal/eval"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/quote"
)

// TestQuotesDevGuard scores the quotes of the full analysis (quote
// extraction given the entity mentions) on the development quotes and
// fails when detection or speaker accuracy drops below what was measured
// (F1 1.000, speaker accuracy 0.859 = 73/85; quote.Extract alone, without
// mentions, scores 0.871). A guard, not a target. RASID_QUOTE_ERRORS=1
// logs every miss.
func TestQuotesDevGuard(t *testing.T) {
	const goldPath, artPath = "../../../shared/data/quotes/quotes.jsonl", "../../../shared/data/quotes/quote_articles.jsonl"
	gf, err := os.Open(goldPath)
	if err != nil {
		t.Skipf("development quotes not found at %s", goldPath)
	}
	defer gf.Close()
	gold, err := eval.ReadQuoteGold(gf, goldPath)
	if err != nil {
		t.Fatal(err)
	}
	af, err := os.Open(artPath)
	if err != nil {
		t.Skipf("development articles not found at %s", artPath)
	}
	defer af.Close()
	arts, err := eval.ReadQuoteArticles(af, artPath)
	if err != nil {
		t.Fatal(err)
	}
	an := analyzer(t)
	rep, err := eval.ScoreQuotes(gold, arts, func(text string) []quote.Quote {
		var out []quote.Quote
		for _, q := range an.Analyze(news.Article{ID: "dev", Body: text}).Quotes {
			out = append(out, quote.Quote{Text: q.Text, Start: q.Start, End: q.End, Cue: q.Cue, Direct: q.Direct,
				Speaker: quote.Speaker{Text: q.Speaker.Text, Name: q.Speaker.Name, EntityID: q.Speaker.EntityID, Start: q.Speaker.Start, End: q.Speaker.End}})
		}
		return out
	}, os.Getenv("RASID_QUOTE_ERRORS") != "")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range rep.Errors {
		t.Logf("%s: %q gold %q found %q (%s)", e.Kind, e.Quote, e.Gold, e.Found, e.Surface)
	}
	t.Logf("detection F1 %.3f, speaker accuracy %.3f (%d/%d)", rep.Detection.F1, rep.SpeakerAccuracy, rep.SpeakerCorrect, rep.Matched)
	if rep.Detection.F1 < 0.97 {
		t.Errorf("detection F1 %.3f, below the guard 0.97", rep.Detection.F1)
	}
	if rep.SpeakerAccuracy < 0.85 {
		t.Errorf("speaker accuracy %.3f, below the guard 0.85", rep.SpeakerAccuracy)
	}
}
