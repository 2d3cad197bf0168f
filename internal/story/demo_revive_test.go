package story_test

import (
	"strings"
	"testing"

	"github.com/rasid-news/rasid/internal/analysis"
	"github.com/rasid-news/rasid/internal/demo"
	"github.com/rasid-news/rasid/internal/story"
)

// TestDemoRevive holds the figures DefaultOptions' comment gives for
// Revive on the demo corpus (its articles in order, analyzed by the
// default analyzer): the Ramadan prices article revives the dormant
// flour-prices story at Revive 0.24 and not at 0.25 (its similarity is in
// [0.24, 0.25)), and the demo's four stories stay apart down to 0.11.
func TestDemoRevive(t *testing.T) {
	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	an, err := analysis.Default()
	if err != nil {
		t.Fatal(err)
	}
	var items []story.Item
	ramadan, flour := -1, -1
	for i, a := range arts {
		items = append(items, story.ItemOf(a, an.Analyze(a)))
		switch {
		case strings.Contains(a.URL, "iraq-ramadan-market-prices"):
			ramadan = i
		case strings.Contains(a.URL, "iraq-flour-prices"):
			flour = i
		}
	}
	if ramadan < 0 || flour < 0 {
		t.Fatal("the demo corpus lacks the Ramadan or the flour prices article")
	}
	for _, tc := range []struct {
		revive  float64
		stories int
		joins   bool // the Ramadan article joins the flour-prices story
	}{
		{story.DefaultOptions().Revive, 4, true},
		{0.24, 4, true},
		{0.25, 5, false},
		{0.11, 4, true},
	} {
		opt := story.DefaultOptions()
		if tc.revive != opt.Revive {
			// The bracket of the similarity itself: a threshold that
			// does not rise with the gap.
			opt.ReviveRise = 0
		}
		opt.Revive = tc.revive
		c := story.New(opt)
		var got []int
		for _, it := range items {
			got = append(got, c.Add(it))
		}
		if c.Len() != tc.stories || (got[ramadan] == got[flour]) != tc.joins {
			t.Errorf("Revive %.2f: %d stories, Ramadan article in story %d, flour prices in %d; want %d stories, joined %v",
				tc.revive, c.Len(), got[ramadan], got[flour], tc.stories, tc.joins)
		}
	}
}
