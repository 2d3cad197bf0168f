package web

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/rasid-news/rasid/internal/card"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
)

// storyPage is what the story page shows: the story card, with its
// entities split by type and its quotes with their outlets.
type storyPage struct {
	Story    news.Story
	Card     card.Card
	People   []card.Entity
	Places   []card.Entity
	Orgs     []card.Entity
	Speakers []speaker
	Articles []news.ArticleRef
}

// speaker is a speaker with their quotes in the story.
type speaker struct {
	Name, Entity string
	Quotes       []quoteRef
}

// quoteRef is a quote and the article (and its outlet) it comes from.
type quoteRef struct {
	Text    string
	Article string
	Outlet  string
}

// maxStoryArticles bounds the articles read to build a story page: the
// latest ones of a longer story.
const maxStoryArticles = 60

// cardOptions are the bounds of the card on the story page: more entities
// than the printed card, since the page lists them by type.
func cardOptions() card.Options {
	o := card.DefaultOptions()
	o.Entities = 30
	o.Speakers = 8
	o.Events = 20
	return o
}

// buildStory reads a story's articles and analyses and builds its card
// (card.Build): a summary, a timeline of dated events ordered by event
// date, the key entities with their roles, quotes by speaker, key figures.
func buildStory(ctx context.Context, st store.Store, s news.Story) (storyPage, error) {
	p := storyPage{Story: s, Articles: s.Articles}
	refs := s.Articles
	if len(refs) > maxStoryArticles {
		refs = refs[len(refs)-maxStoryArticles:]
	}
	var arts []news.Article
	analyses := map[string]news.Analysis{}
	outlet := map[string]string{}
	var err error
	for _, ref := range refs {
		a, err := st.Article(ctx, ref.ID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return p, err
		}
		arts = append(arts, a)
		outlet[a.ID] = a.Source
		an, err := st.Analysis(ctx, a.ID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return p, err
		}
		analyses[a.ID] = an
	}
	if p.Articles, err = withHeadlines(ctx, st, s.Articles, arts); err != nil {
		return p, err
	}
	p.Card = card.Build(s, arts, analyses, cardOptions())
	if p.Card.Title == "" {
		p.Card.Title = s.Title
	}
	for _, e := range p.Card.Entities {
		switch e.Type {
		case "PERS":
			p.People = append(p.People, e)
		case "LOC":
			p.Places = append(p.Places, e)
		case "ORG":
			p.Orgs = append(p.Orgs, e)
		}
	}
	for _, sp := range p.Card.Quotes {
		v := speaker{Name: sp.Name, Entity: sp.EntityID}
		for _, q := range sp.Quotes {
			v.Quotes = append(v.Quotes, quoteRef{Text: q.Text, Article: q.Article, Outlet: outlet[q.Article]})
		}
		p.Speakers = append(p.Speakers, v)
	}
	return p, nil
}

// withHeadlines returns the story's refs with their headlines: refs stored
// before ArticleRef had one carry none, and an untitled article would be
// listed by its ID. Headlines come from the articles already read, else
// (untitled articles beyond them) from the store.
func withHeadlines(ctx context.Context, st store.Store, refs []news.ArticleRef, read []news.Article) ([]news.ArticleRef, error) {
	headline := map[string]string{}
	for _, a := range read {
		headline[a.ID] = a.Headline()
	}
	out := slices.Clone(refs)
	for i, r := range out {
		if r.Headline != "" {
			continue
		}
		if h, ok := headline[r.ID]; ok {
			out[i].Headline = h
			continue
		}
		if strings.TrimSpace(r.Title) != "" {
			continue
		}
		a, err := st.Article(ctx, r.ID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out[i].Headline = a.Headline()
	}
	return out, nil
}
