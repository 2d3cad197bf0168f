package web

import (
	"cmp"
	"context"
	"errors"
	"slices"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/story"
	"github.com/rasid-news/rasid/internal/summary"
)

// storyPage is what the story page shows.
type storyPage struct {
	Story    news.Story
	Summary  []summary.Sentence
	Timeline []story.Event
	People   []entityCount
	Places   []entityCount
	Orgs     []entityCount
	Speakers []speaker
	Articles []news.ArticleRef
}

// entityCount is an entity with the number of the story's articles that
// mention it.
type entityCount struct {
	ID, Name, Type string
	Articles       int
}

// speaker is a speaker with their quotes in the story.
type speaker struct {
	Name, Entity string
	Quotes       []quoteRef
}

// quoteRef is a quote, the first article that has it and the outlets
// that printed it.
type quoteRef struct {
	Text    string
	Article string
	Outlets []string
}

// Bounds of the story page.
const (
	maxSpeakers         = 8
	maxQuotesPerSpeaker = 3
	maxEvents           = 20
)

// maxStoryArticles bounds the articles read to build a story page.
const maxStoryArticles = 60

// buildStory reads a story's articles and analyses and assembles its page:
// a summary, a timeline of dated events ordered by event date, the people,
// places and organizations most mentioned, and the quotes by speaker.
func buildStory(ctx context.Context, st store.Store, s news.Story) (storyPage, error) {
	p := storyPage{Story: s, Articles: s.Articles}
	refs := s.Articles
	if len(refs) > maxStoryArticles {
		refs = refs[len(refs)-maxStoryArticles:]
	}
	var docs []summary.Document
	var ms []story.Mention
	ents := map[string]*entityCount{}
	speakers := map[string]*speaker{}
	var order []string
	for i, ref := range refs {
		a, err := st.Article(ctx, ref.ID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return p, err
		}
		docs = append(docs, summary.Document{ID: a.ID, Published: a.Published, Text: a.Body})
		an, err := st.Analysis(ctx, a.ID)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return p, err
		}
		for _, sent := range an.Sentences {
			for _, t := range an.Timexes {
				if t.Type == "date" && t.Start >= sent.Start && t.End <= sent.End && isCalendarValue(t.Value) {
					ms = append(ms, story.Mention{Article: a.ID, Source: a.Source, Date: t.Value, Text: sent.Text, Order: i})
				}
			}
		}
		seen := map[string]bool{}
		for _, e := range an.Entities {
			key := cmp.Or(e.EntityID, e.Type+":"+e.Name)
			if seen[key] {
				continue
			}
			seen[key] = true
			if ents[key] == nil {
				ents[key] = &entityCount{ID: e.EntityID, Name: cmp.Or(e.Name, e.Text), Type: e.Type}
			}
			ents[key].Articles++
		}
		for _, q := range an.Quotes {
			name := cmp.Or(q.Speaker.Name, q.Speaker.Text)
			if name == "" {
				continue
			}
			key := cmp.Or(q.Speaker.EntityID, name)
			if speakers[key] == nil {
				speakers[key] = &speaker{Name: name, Entity: q.Speaker.EntityID}
				order = append(order, key)
			}
			sp := speakers[key]
			// a quote reprinted by another outlet is one quote told twice
			if i := slices.IndexFunc(sp.Quotes, func(r quoteRef) bool { return r.Text == q.Text }); i >= 0 {
				if !slices.Contains(sp.Quotes[i].Outlets, a.Source) {
					sp.Quotes[i].Outlets = append(sp.Quotes[i].Outlets, a.Source)
				}
				continue
			}
			sp.Quotes = append(sp.Quotes, quoteRef{Text: q.Text, Article: a.ID, Outlets: []string{a.Source}})
		}
	}
	p.Summary = summary.Summarize(docs, summary.DefaultOptions())
	p.Timeline = story.Timeline(ms, maxEvents)
	all := make([]entityCount, 0, len(ents))
	for _, e := range ents {
		all = append(all, *e)
	}
	slices.SortFunc(all, func(a, b entityCount) int {
		return cmp.Or(cmp.Compare(b.Articles, a.Articles), cmp.Compare(a.Name, b.Name))
	})
	for _, e := range all {
		switch e.Type {
		case "PERS":
			p.People = appendMax(p.People, e, 12)
		case "LOC":
			p.Places = appendMax(p.Places, e, 12)
		case "ORG":
			p.Orgs = appendMax(p.Orgs, e, 8)
		}
	}
	for _, k := range order {
		p.Speakers = append(p.Speakers, *speakers[k])
	}
	slices.SortStableFunc(p.Speakers, func(a, b speaker) int { return cmp.Compare(len(b.Quotes), len(a.Quotes)) })
	p.Speakers = p.Speakers[:min(len(p.Speakers), maxSpeakers)]
	for i := range p.Speakers {
		p.Speakers[i].Quotes = p.Speakers[i].Quotes[:min(len(p.Speakers[i].Quotes), maxQuotesPerSpeaker)]
	}
	return p, nil
}

func appendMax(s []entityCount, e entityCount, n int) []entityCount {
	if len(s) >= n {
		return s
	}
	return append(s, e)
}
