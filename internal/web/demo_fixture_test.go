package web

import (
	"context"
	"fmt"
	"slices"

	"github.com/rasid-news/rasid/internal/analysis"
	"github.com/rasid-news/rasid/internal/card"
	"github.com/rasid-news/rasid/internal/demo"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/story"
)

// fillDemo puts rasid's bundled example corpus into a store the way the
// pipeline does: every article analyzed by the real analyzer, and the
// articles clustered into stories by the real clusterer. It returns the id
// of the story with the most articles.
func fillDemo(ctx context.Context, st store.Store) (string, error) {
	arts, err := demo.Articles()
	if err != nil {
		return "", fmt.Errorf("demo corpus: %w", err)
	}
	an, err := analysis.Default()
	if err != nil {
		return "", fmt.Errorf("demo analyzer: %w", err)
	}
	c := story.New(story.DefaultOptions())
	var ans []news.Analysis
	for _, a := range arts {
		x := an.Analyze(a)
		ans = append(ans, x)
		var ents []string
		for _, e := range x.Entities {
			if !slices.Contains(ents, e.EntityID) {
				ents = append(ents, e.EntityID)
			}
		}
		c.Add(story.Item{ID: a.ID, Published: a.Published, Title: a.Title, Body: a.Body, Entities: ents})
	}
	if _, err := st.PutArticles(ctx, arts); err != nil {
		return "", err
	}
	if err := st.PutAnalyses(ctx, ans); err != nil {
		return "", err
	}
	var stories []news.Story
	biggest, most := "", 0
	for k, members := range c.Stories() {
		s := news.Story{ID: fmt.Sprintf("demo-%d", k+1)}
		var told []news.Article
		for _, i := range members {
			a := arts[i]
			told = append(told, a)
			s.Articles = append(s.Articles, ref(a))
			if s.First.IsZero() || a.Published.Before(s.First) {
				s.First = a.Published
			}
			if a.Published.After(s.Last) {
				s.Last = a.Published
			}
		}
		s.Title = card.CentralTitle(told)
		if len(members) > most {
			biggest, most = s.ID, len(members)
		}
		stories = append(stories, s)
	}
	// most recently active first, as Store.Stories lists them
	slices.SortStableFunc(stories, func(a, b news.Story) int { return b.Last.Compare(a.Last) })
	if err := st.PutStories(ctx, stories); err != nil {
		return "", err
	}
	return biggest, nil
}
