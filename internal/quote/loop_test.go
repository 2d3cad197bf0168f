package quote_test

import (
	"testing"
	"time"

	"github.com/rasid-news/rasid/internal/quote"
)

// TestLoneLinkWord is a regression test: a speaker phrase starting with
// the link word بن before a word that is no name made Extract loop for
// ever (found on SaudiNewsNet, 2015-08-06).
func TestLoneLinkWord(t *testing.T) {
	text := "وقال بن لوبرون محلل الاسواق في اوبشنز اكسبريس في سيدني “السوق مازالت في مرحلة استيعاب انباء عودة ايران مع مزيد من الامدادات.”"
	done := make(chan []quote.Quote, 1)
	go func() { done <- quote.Extract(text, nil) }()
	select {
	case qs := <-done:
		if len(qs) == 0 {
			t.Errorf("no quote found in %q", text)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Extract does not return")
	}
}
