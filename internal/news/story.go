package news

import "time"

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
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	Source    string    `json:"source"`
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published,omitzero"`
}
