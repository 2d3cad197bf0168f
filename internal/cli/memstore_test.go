package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
)

// memStore is an in-memory store.Store with only what the story commands
// use (articles, analyses, stories), for tests that should not depend on
// a database backend.
type memStore struct {
	mu       sync.Mutex
	arts     map[string]news.Article
	analyses map[string]news.Analysis
	stories  map[string]news.Story
	storyOf  map[string]string
}

var _ store.Store = (*memStore)(nil)

func newMemStore() *memStore {
	return &memStore{arts: map[string]news.Article{}, analyses: map[string]news.Analysis{}, stories: map[string]news.Story{}, storyOf: map[string]string{}}
}

var errNotInMem = errors.New("memStore: not implemented")

func (m *memStore) PutArticles(ctx context.Context, arts []news.Article) ([]store.Outcome, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []store.Outcome
	for _, a := range arts {
		if _, ok := m.arts[a.ID]; ok {
			out = append(out, store.Exists)
			continue
		}
		m.arts[a.ID] = a
		out = append(out, store.Stored)
	}
	return out, nil
}

func (m *memStore) Article(ctx context.Context, id string) (news.Article, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	a, ok := m.arts[id]
	if !ok {
		return a, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	return a, nil
}

func (m *memStore) Articles(ctx context.Context, f store.ArticleFilter) ([]news.Article, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var all []news.Article
	for _, a := range m.arts {
		all = append(all, a)
	}
	slices.SortFunc(all, func(a, b news.Article) int {
		return cmp.Or(compareTimes(a.Published, b.Published), cmp.Compare(a.ID, b.ID))
	})
	if f.After != "" {
		i := slices.IndexFunc(all, func(a news.Article) bool { return a.ID == f.After })
		all = all[i+1:]
	}
	if f.Limit > 0 && len(all) > f.Limit {
		all = all[:f.Limit]
	}
	return all, nil
}

func (m *memStore) CountArticles(ctx context.Context, f store.ArticleFilter) (int, error) {
	return len(m.arts), nil
}
func (m *memStore) Sources(ctx context.Context) ([]store.SourceStats, error) { return nil, errNotInMem }
func (m *memStore) Stats(ctx context.Context) (store.Stats, error)           { return store.Stats{}, errNotInMem }

func (m *memStore) PutAnalyses(ctx context.Context, as []news.Analysis) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, a := range as {
		m.analyses[a.ID] = a
	}
	return nil
}

func (m *memStore) Analysis(ctx context.Context, id string) (news.Analysis, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	a, ok := m.analyses[id]
	if !ok {
		return a, fmt.Errorf("analysis %s: %w", id, store.ErrNotFound)
	}
	return a, nil
}

func (m *memStore) Unanalyzed(ctx context.Context, analyzer string, limit int) ([]string, error) {
	return nil, errNotInMem
}
func (m *memStore) Entities(ctx context.Context, typ string, limit, offset int) ([]store.EntityStats, error) {
	return nil, errNotInMem
}
func (m *memStore) Entity(ctx context.Context, id string) (store.EntityStats, error) {
	return store.EntityStats{}, errNotInMem
}
func (m *memStore) EntityArticles(ctx context.Context, id string, limit int) ([]news.ArticleRef, error) {
	return nil, errNotInMem
}
func (m *memStore) Related(ctx context.Context, id string, limit int) ([]store.EntityStats, error) {
	return nil, errNotInMem
}

func (m *memStore) PutStories(ctx context.Context, ss []news.Story) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, s := range ss {
		if old, ok := m.stories[s.ID]; ok {
			for _, r := range old.Articles {
				delete(m.storyOf, r.ID)
			}
		}
		m.stories[s.ID] = s
		for _, r := range s.Articles {
			m.storyOf[r.ID] = s.ID
		}
	}
	return nil
}

func (m *memStore) Stories(ctx context.Context, from, to time.Time, limit, offset int) ([]news.Story, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []news.Story
	for _, s := range m.stories {
		if !from.IsZero() && s.Last.Before(from) || !to.IsZero() && (!s.First.Before(to) || s.Last.IsZero()) {
			continue
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b news.Story) int { return cmp.Or(b.Last.Compare(a.Last), cmp.Compare(a.ID, b.ID)) })
	if offset > len(out) {
		offset = len(out)
	}
	out = out[offset:]
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (m *memStore) Story(ctx context.Context, id string) (news.Story, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.stories[id]
	if !ok {
		return s, fmt.Errorf("story %s: %w", id, store.ErrNotFound)
	}
	return s, nil
}

func (m *memStore) StoryOf(ctx context.Context, id string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.storyOf[id], nil
}

func (m *memStore) Search(ctx context.Context, q store.SearchQuery) (store.SearchResult, error) {
	return store.SearchResult{}, errNotInMem
}
func (m *memStore) Close() error { return nil }
