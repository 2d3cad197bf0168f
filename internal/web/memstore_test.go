package web

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store"
)

// memStore is a small in-memory store.Store for the page tests: enough of
// the contract for the pages to read a fixture archive, kept apart from the
// real backends so that the web tests do not depend on them.
type memStore struct {
	arts     []news.Article // in publication order
	analyses map[string]news.Analysis
	stories  []news.Story
	fail     error // when set, every read fails with it
}

var _ store.Store = (*memStore)(nil)

func (m *memStore) PutArticles(_ context.Context, as []news.Article) ([]store.Outcome, error) {
	out := make([]store.Outcome, len(as))
	for i, a := range as {
		if _, err := m.Article(context.Background(), a.ID); err == nil {
			out[i] = store.Exists
			continue
		}
		m.arts = append(m.arts, a)
	}
	slices.SortStableFunc(m.arts, func(a, b news.Article) int {
		if a.Published.IsZero() != b.Published.IsZero() {
			if a.Published.IsZero() {
				return 1
			}
			return -1
		}
		return cmp.Or(a.Published.Compare(b.Published), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

func (m *memStore) Article(_ context.Context, id string) (news.Article, error) {
	if m.fail != nil {
		return news.Article{}, m.fail
	}
	for _, a := range m.arts {
		if a.ID == id {
			return a, nil
		}
	}
	return news.Article{}, store.ErrNotFound
}

func (m *memStore) Articles(_ context.Context, f store.ArticleFilter) ([]news.Article, error) {
	if m.fail != nil {
		return nil, m.fail
	}
	out := slices.Clone(m.arts)
	out = out[min(f.Offset, len(out)):]
	if f.Limit > 0 {
		out = out[:min(f.Limit, len(out))]
	}
	return out, nil
}

func (m *memStore) CountArticles(_ context.Context, f store.ArticleFilter) (int, error) {
	return len(m.arts), m.fail
}

func (m *memStore) Sources(context.Context) ([]store.SourceStats, error) { return nil, nil }
func (m *memStore) Stats(context.Context) (store.Stats, error)           { return store.Stats{}, nil }

func (m *memStore) PutAnalyses(_ context.Context, as []news.Analysis) error {
	if m.analyses == nil {
		m.analyses = map[string]news.Analysis{}
	}
	for _, a := range as {
		m.analyses[a.ID] = a
	}
	return nil
}

func (m *memStore) Analysis(_ context.Context, id string) (news.Analysis, error) {
	a, ok := m.analyses[id]
	if !ok {
		return a, store.ErrNotFound
	}
	return a, nil
}

func (m *memStore) Unanalyzed(context.Context, string, int) ([]string, error) { return nil, nil }

// entities aggregates the entity mentions of the analyses.
func (m *memStore) entities() map[string]*store.EntityStats {
	out := map[string]*store.EntityStats{}
	for _, a := range m.arts {
		an := m.analyses[a.ID]
		seen := map[string]bool{}
		for _, e := range an.Entities {
			s := out[e.EntityID]
			if s == nil {
				s = &store.EntityStats{ID: e.EntityID, Name: e.Name, Type: e.Type}
				out[e.EntityID] = s
			}
			s.Mentions++
			if !slices.Contains(s.Aliases, e.Text) {
				s.Aliases = append(s.Aliases, e.Text)
			}
			if e.Role != "" && !slices.Contains(s.Roles, e.Role) {
				s.Roles = append(s.Roles, e.Role)
			}
			if !seen[e.EntityID] {
				seen[e.EntityID] = true
				s.Articles++
				if s.First.IsZero() || a.Published.Before(s.First) {
					s.First = a.Published
				}
				if a.Published.After(s.Last) {
					s.Last = a.Published
				}
			}
		}
	}
	return out
}

func (m *memStore) Entities(_ context.Context, typ string, limit, offset int) ([]store.EntityStats, error) {
	var out []store.EntityStats
	for _, e := range m.entities() {
		if typ == "" || e.Type == typ {
			out = append(out, *e)
		}
	}
	slices.SortFunc(out, func(a, b store.EntityStats) int {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.ID, b.ID))
	})
	out = out[min(offset, len(out)):]
	if limit > 0 {
		out = out[:min(limit, len(out))]
	}
	return out, nil
}

func (m *memStore) Entity(_ context.Context, id string) (store.EntityStats, error) {
	if m.fail != nil {
		return store.EntityStats{}, m.fail
	}
	e, ok := m.entities()[id]
	if !ok {
		return store.EntityStats{}, store.ErrNotFound
	}
	return *e, nil
}

func (m *memStore) mentions(a news.Article, id string) bool {
	for _, e := range m.analyses[a.ID].Entities {
		if e.EntityID == id {
			return true
		}
	}
	return false
}

func (m *memStore) EntityArticles(_ context.Context, id string, limit int) ([]news.ArticleRef, error) {
	var out []news.ArticleRef
	for _, a := range m.arts {
		if m.mentions(a, id) {
			out = append(out, a.Ref())
		}
	}
	return out, nil
}

func (m *memStore) Related(_ context.Context, id string, limit int) ([]store.EntityStats, error) {
	all := m.entities()
	counts := map[string]int{}
	for _, a := range m.arts {
		if !m.mentions(a, id) {
			continue
		}
		for _, e := range m.analyses[a.ID].Entities {
			if e.EntityID != id {
				counts[e.EntityID]++
			}
		}
	}
	var out []store.EntityStats
	for k := range counts {
		out = append(out, *all[k])
	}
	slices.SortFunc(out, func(a, b store.EntityStats) int {
		return cmp.Or(cmp.Compare(counts[b.ID], counts[a.ID]), cmp.Compare(a.ID, b.ID))
	})
	return out[:min(limit, len(out))], nil
}

func (m *memStore) PutStories(_ context.Context, ss []news.Story) error {
	m.stories = append(m.stories, ss...)
	return nil
}

func (m *memStore) Stories(_ context.Context, from, to time.Time, limit, offset int) ([]news.Story, error) {
	if m.fail != nil {
		return nil, m.fail
	}
	out := slices.Clone(m.stories)
	out = out[min(offset, len(out)):]
	return out[:min(limit, len(out))], nil
}

func (m *memStore) Story(_ context.Context, id string) (news.Story, error) {
	for _, s := range m.stories {
		if s.ID == id {
			return s, nil
		}
	}
	return news.Story{}, store.ErrNotFound
}

func (m *memStore) StoryOf(_ context.Context, articleID string) (string, error) {
	for _, s := range m.stories {
		for _, a := range s.Articles {
			if a.ID == articleID {
				return s.ID, nil
			}
		}
	}
	return "", nil
}

// Search matches articles whose title and body hold every clause, with a
// score of the number of matching terms: enough to test the page.
func (m *memStore) Search(_ context.Context, q store.SearchQuery) (store.SearchResult, error) {
	var res store.SearchResult
	bySource := map[string]int{}
	byMonth := map[string]int{}
	byEntity := map[string]int{}
	names := map[string]string{}
	for _, a := range m.arts {
		if len(q.Sources) > 0 && !slices.ContainsFunc(q.Sources, func(s string) bool { return store.SourceKey(s) == store.SourceKey(a.Source) }) {
			continue
		}
		if (!q.From.IsZero() && a.Published.Before(q.From)) || (!q.To.IsZero() && !a.Published.Before(q.To)) {
			continue
		}
		if len(q.Entities) > 0 && !slices.ContainsFunc(q.Entities, func(id string) bool { return m.mentions(a, id) }) {
			continue
		}
		terms := " " + strings.Join(search.IndexTerms(a.Title+"\n"+a.Body), " ") + " "
		has := func(alt []string) bool { return strings.Contains(terms, " "+strings.Join(alt, " ")+" ") }
		ok := true
		for _, c := range q.Clauses {
			if !slices.ContainsFunc(c, has) {
				ok = false
			}
		}
		if !ok || slices.ContainsFunc(q.Not, has) {
			continue
		}
		res.Total++
		seen := map[string]bool{}
		for _, e := range m.analyses[a.ID].Entities {
			if !seen[e.EntityID] {
				seen[e.EntityID] = true
				byEntity[e.EntityID]++
				names[e.EntityID] = e.Name
			}
		}
		bySource[a.Source]++
		byMonth[a.Published.Format("2006-01")]++
		res.Hits = append(res.Hits, store.Hit{Article: a, Score: 1})
	}
	res.Hits = res.Hits[min(q.Offset, len(res.Hits)):]
	if q.Limit > 0 {
		res.Hits = res.Hits[:min(q.Limit, len(res.Hits))]
	}
	for k, n := range bySource {
		res.BySource = append(res.BySource, store.Facet{Value: k, Count: n})
	}
	for k, n := range byMonth {
		res.ByMonth = append(res.ByMonth, store.Facet{Value: k, Count: n})
	}
	for k, n := range byEntity {
		res.ByEntity = append(res.ByEntity, store.Facet{Value: k, Label: names[k], Count: n})
	}
	slices.SortFunc(res.ByEntity, func(a, b store.Facet) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
	})
	slices.SortFunc(res.BySource, func(a, b store.Facet) int { return cmp.Compare(a.Value, b.Value) })
	slices.SortFunc(res.ByMonth, func(a, b store.Facet) int { return cmp.Compare(a.Value, b.Value) })
	return res, nil
}

func (m *memStore) Close() error { return nil }

// ref is a story's reference to a as stores held it before ArticleRef had
// a headline (the story page fills it in).
func ref(a news.Article) news.ArticleRef {
	return news.ArticleRef{ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title, Published: a.Published}
}
