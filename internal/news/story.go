package news

import (
	"strings"
	"time"
)

// Story is a group of articles telling one story, as the online clusterer
// formed it. The fuller story card (timeline, summary, quotes) is computed
// from the story's articles and their analyses.
type Story struct {
	ID       string       `json:"id"`
	Title    string       `json:"title"`
	First    time.Time    `json:"first,omitzero"`
	Last     time.Time    `json:"last,omitzero"`
	Articles []ArticleRef `json:"articles"`
	// Dormant is true once the story has had no new article for the
	// clusterer's dormancy window; it takes no more articles, unless a
	// later article close enough revives it (story.Options.Revive).
	Dormant bool `json:"dormant,omitempty"`
}

// ArticleRef names an article inside a story or a list.
type ArticleRef struct {
	ID     string `json:"id"`
	URL    string `json:"url"`
	Source string `json:"source"`
	Title  string `json:"title,omitempty"`
	// Headline is what a list shows for the article: its title, or for an
	// untitled article its opening cut short (Article.Headline). Refs
	// stored before it existed have none; Label falls back then.
	Headline  string    `json:"headline,omitempty"`
	Published time.Time `json:"published,omitzero"`
}

// Ref returns the reference to a in a story or a list, its headline
// included.
func (a Article) Ref() ArticleRef {
	return ArticleRef{ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title, Headline: a.Headline(), Published: a.Published}
}

// Label is what a list shows for the article: its headline, else its
// title, else its ID.
func (r ArticleRef) Label() string {
	switch {
	case r.Headline != "":
		return r.Headline
	case strings.TrimSpace(r.Title) != "":
		return strings.TrimSpace(r.Title)
	}
	return r.ID
}
