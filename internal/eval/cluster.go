package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/rasid-news/rasid/internal/analysis"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/story"
)

// StoryGold is one article of a story-cluster gold file: articles with
// equal Story belong to one story.
type StoryGold struct {
	URL        string `json:"url"`
	Source     string `json:"source"`
	Date       string `json:"date"`
	Title      string `json:"title"`
	Story      string `json:"story"`
	Confidence string `json:"confidence"`
}

// ReadStoryGold reads story labels, one JSON object a line; name names
// the input in errors. Every line needs a url and a story, and a url may
// appear once.
func ReadStoryGold(r io.Reader, name string) ([]StoryGold, error) {
	var out []StoryGold
	seen := map[string]int{}
	err := readJSONL(r, name, func(line int, data []byte) error {
		var g StoryGold
		if err := json.Unmarshal(data, &g); err != nil {
			return err
		}
		if g.URL == "" || g.Story == "" {
			return fmt.Errorf("url and story are required")
		}
		if l, ok := seen[g.URL]; ok {
			return fmt.Errorf("url %s already labelled on line %d", g.URL, l)
		}
		seen[g.URL] = line
		out = append(out, g)
		return nil
	})
	return out, err
}

// ClusterSet is a story gold set joined to its articles, in publication
// order, ready to be clustered and scored.
type ClusterSet struct {
	Articles []NewsArticle
	Gold     []string // gold story of each article
}

// JoinStoryGold joins gold labels to articles by URL. Every gold article
// must be found; arts must be in publication order (ReadSaudiNewsNet's).
func JoinStoryGold(gold []StoryGold, arts []NewsArticle) (ClusterSet, error) {
	label := make(map[string]string, len(gold))
	for _, g := range gold {
		label[g.URL] = g.Story
	}
	var s ClusterSet
	for _, a := range arts {
		if l, ok := label[a.URL]; ok {
			s.Articles = append(s.Articles, a)
			s.Gold = append(s.Gold, l)
			delete(label, a.URL)
		}
	}
	for _, g := range gold {
		if _, missing := label[g.URL]; missing {
			return s, fmt.Errorf("%d gold articles not found in the news data (first: %s)", len(label), g.URL)
		}
	}
	return s, nil
}

// Score returns the BCubed scores of a clustering: assign holds the story
// index of every article of the set, in order.
func (s ClusterSet) Score(assign []int) BCubed {
	gold := make(map[string]string, len(s.Gold))
	pred := make(map[string]string, len(s.Gold))
	for i, g := range s.Gold {
		k := strconv.Itoa(i)
		gold[k] = g
		if i < len(assign) {
			pred[k] = strconv.Itoa(assign[i])
		}
	}
	return ScoreBCubed(gold, pred)
}

// Items returns the articles as clusterer items, with their outlet as
// story.ItemOf gives it (Options.House counts per outlet); entities, when
// not nil, gives the canonical entities of an article (title and body).
func (s ClusterSet) Items(entities func(NewsArticle) []string) []story.Item {
	items := make([]story.Item, len(s.Articles))
	for i, a := range s.Articles {
		items[i] = story.Item{ID: a.URL, Published: a.Published, Title: a.Title, Body: a.Content, Source: a.Source}
		if entities != nil {
			items[i].Entities = entities(a)
		}
	}
	return items
}

// ClusterReport is the result of rasid eval cluster.
type ClusterReport struct {
	Articles    int     `json:"articles"`
	GoldStories int     `json:"gold_stories"`
	Stories     int     `json:"stories"`
	Multi       int     `json:"multi_article_stories"`
	BCubed      BCubed  `json:"bcubed"`
	Singletons  BCubed  `json:"all_singletons"` // the baseline of one story per article
	Options     string  `json:"options"`
	Seconds     float64 `json:"cluster_seconds"`
}

// Report scores a clustering and fills the counts of a ClusterReport.
func (s ClusterSet) Report(assign []int) ClusterReport {
	r := ClusterReport{Articles: len(s.Gold), BCubed: s.Score(assign)}
	gs := map[string]bool{}
	for _, g := range s.Gold {
		gs[g] = true
	}
	r.GoldStories = len(gs)
	size := map[int]int{}
	for _, a := range assign {
		size[a]++
	}
	r.Stories = len(size)
	for _, n := range size {
		if n > 1 {
			r.Multi++
		}
	}
	single := make([]int, len(s.Gold))
	for i := range single {
		single[i] = i
	}
	r.Singletons = s.Score(single)
	return r
}

// Features extracts the clusterer's features of every article of the set,
// with entities as in Items.
func (s ClusterSet) Features(entities func(NewsArticle) []string) []story.Features {
	items := s.Items(entities)
	fs := make([]story.Features, len(items))
	for i, it := range items {
		fs[i] = story.Extract(it)
	}
	return fs
}

// AnalysisEntities returns a function giving the entity keys of an
// article as rasid's analysis finds them in its body (story.ItemOf), the
// title prepended as the first line so that its entities count too.
func AnalysisEntities(an *analysis.Analyzer) func(NewsArticle) []string {
	return func(a NewsArticle) []string {
		art := news.Article{ID: a.URL, URL: a.URL, Source: a.Source, Published: a.Published, Body: a.Title + "\n" + a.Content}
		return story.ItemOf(art, an.Analyze(art)).Entities
	}
}

// Cluster runs the clusterer with opt over features in order and returns
// the story of each.
func Cluster(feats []story.Features, opt story.Options) []int {
	c := story.New(opt)
	for _, f := range feats {
		c.AddFeatures(f)
	}
	return c.Assignments()
}
