// Package story groups articles into stories online, in publication
// order, after Miranda et al. 2018 (multilingual streaming news
// clustering): an article joins the active story it is most similar to —
// by TF-IDF over light stems of body and title, shared canonical entities,
// and closeness in time — or starts a new one. A story with no new article
// for a while goes dormant and takes no more. Adding articles never
// recomputes the past, and the same articles in the same order always give
// the same stories.
//
// A Clusterer is not safe for concurrent use; it is meant to run as a
// single writer.
package story

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/rasid-news/rasid/internal/arabic"
)

// Item is an article as the clusterer sees it.
type Item struct {
	ID        string
	Published time.Time // zero when unknown: time then neither helps nor hurts
	Title     string
	Body      string
	Entities  []string // canonical entity ids mentioned, if known
}

// Options are the weights and thresholds of the clusterer. They are
// fitted on labelled data with rasid train cluster; DefaultOptions holds
// the fitted values.
type Options struct {
	Body, Title, Entities, Time float64       // weights of the similarity features
	Threshold                   float64       // least score to join a story
	TimeScale                   time.Duration // time similarity is exp(-gap/TimeScale)
	Dormant                     time.Duration // a story with no article for this long takes no more
	Terms                       int           // body terms kept per article (highest TF-IDF)
}

// DefaultOptions returns the options fitted on the development story set
// (1,067 SaudiNewsNet articles; it is also what they are measured on) with
//
//	rasid train cluster --gold internal/story/testdata/dev_clusters.jsonl --data ../shared/data/news/saudinewsnet
//
// which searches DefaultGrid for the highest BCubed F1, entities from the
// embedded NER model.
func DefaultOptions() Options {
	return Options{Body: 0.6, Title: 0.25, Entities: 0.1, Time: 0.1, Threshold: 0.42,
		TimeScale: 48 * time.Hour, Dormant: 5 * 24 * time.Hour, Terms: 60}
}

// Clusterer assigns items to stories one at a time.
type Clusterer struct {
	opt     Options
	vocab   map[string]int32
	df      []int32 // document frequency per term id
	docs    int
	stories []*cluster
	posting map[int32][]int32 // term id → stories whose body or title centroid has it
	assign  []int             // story of each item, in the order added

	// Scratch space of AddFeatures, indexed by story.
	mark              []uint32 // epoch in which the story was last a candidate
	epoch             uint32
	accBody, accTitle []float64
}

type cluster struct {
	id              int
	body, title     sparse  // sums of member vectors
	bodySq, titleSq float64 // squared norms of the sums
	ents            map[string]int
	first, last     time.Time
	members         []int
	indexedTerms    map[int32]struct{}
}

// sparse is a map vector.
type sparse map[int32]float64

// term is a weighted term of an item's vector.
type term struct {
	id int32
	w  float64
}

// New returns an empty Clusterer.
func New(opt Options) *Clusterer {
	return &Clusterer{opt: opt, vocab: map[string]int32{}, posting: map[int32][]int32{}}
}

// Features are what the clusterer uses of an item, computed once so that
// fitting can run the clusterer many times over the same items.
type Features struct {
	Published  time.Time
	BodyTerms  []string
	TitleTerms []string
	Entities   []string
}

// Extract computes the features of it.
func Extract(it Item) Features {
	return Features{Published: it.Published, BodyTerms: terms(it.Body), TitleTerms: terms(it.Title), Entities: it.Entities}
}

// Add assigns it to a story and returns the story's index (0, 1, … in
// order of creation). Items must come in publication order.
func (c *Clusterer) Add(it Item) int { return c.AddFeatures(Extract(it)) }

// AddFeatures is Add for features already extracted.
//
// The cosine of the item with every candidate story is accumulated term
// by term over the posting lists of the item's terms, in a fixed order,
// so that the cost follows the terms shared and the result does not
// depend on map iteration order.
func (c *Clusterer) AddFeatures(it Features) int {
	c.docs++
	c.countTerms(it.BodyTerms, it.TitleTerms)
	body := c.weigh(it.BodyTerms, c.opt.Terms)
	title := c.weigh(it.TitleTerms, 0)
	lookup := make([]int32, 0, lookupTerms+len(title))
	for i, t := range body {
		if i == lookupTerms {
			break
		}
		lookup = append(lookup, t.id)
	}
	for _, t := range title {
		lookup = append(lookup, t.id)
	}
	cands := c.candidates(lookup, it.Published)
	c.epoch++
	for len(c.mark) < len(c.stories) {
		c.mark = append(c.mark, 0)
		c.accBody = append(c.accBody, 0)
		c.accTitle = append(c.accTitle, 0)
	}
	for _, si := range cands {
		c.mark[si] = c.epoch
		c.accBody[si], c.accTitle[si] = 0, 0
	}
	for _, t := range body {
		for _, si := range c.posting[t.id] {
			if c.mark[si] == c.epoch {
				c.accBody[si] += t.w * c.stories[si].body[t.id]
			}
		}
	}
	for _, t := range title {
		for _, si := range c.posting[t.id] {
			if c.mark[si] == c.epoch {
				c.accTitle[si] += t.w * c.stories[si].title[t.id]
			}
		}
	}

	best, bestScore := -1, math.Inf(-1)
	for _, si := range cands {
		s := c.stories[si]
		score := c.opt.Body*ratio(c.accBody[si], s.bodySq) + c.opt.Title*ratio(c.accTitle[si], s.titleSq) +
			c.opt.Entities*entityOverlap(it.Entities, s.ents) + c.opt.Time*c.timeSim(it.Published, s)
		if score > bestScore || (score == bestScore && si < best) {
			best, bestScore = si, score
		}
	}
	if best < 0 || bestScore < c.opt.Threshold {
		best = len(c.stories)
		c.stories = append(c.stories, &cluster{id: best, body: sparse{}, title: sparse{}, ents: map[string]int{},
			first: it.Published, indexedTerms: map[int32]struct{}{}})
	}
	c.join(c.stories[best], len(c.assign), body, title, it)
	c.assign = append(c.assign, best)
	return best
}

// countTerms adds the terms of one item to the vocabulary and the
// document frequencies.
func (c *Clusterer) countTerms(lists ...[]string) {
	seen := map[int32]bool{}
	for _, ts := range lists {
		for _, t := range ts {
			id := c.termID(t)
			if !seen[id] {
				seen[id] = true
				c.df[id]++
			}
		}
	}
}

// ratio is a dot product with a centroid sum over the sum's norm: the
// cosine of a unit vector and the centroid.
func ratio(dot, sq float64) float64 {
	if sq <= 0 {
		return 0
	}
	return dot / math.Sqrt(sq)
}

// Assignments returns the story index of every item added, in order.
func (c *Clusterer) Assignments() []int { return c.assign }

// Stories returns the members (indexes of items in the order added) of
// every story, in order of creation.
func (c *Clusterer) Stories() [][]int {
	out := make([][]int, len(c.stories))
	for i, s := range c.stories {
		out[i] = slices.Clone(s.members)
	}
	return out
}

func (c *Clusterer) termID(t string) int32 {
	id, ok := c.vocab[t]
	if !ok {
		id = int32(len(c.df))
		c.vocab[t] = id
		c.df = append(c.df, 0)
	}
	return id
}

// lookupTerms is how many of an item's highest-weighted body terms are
// used to find candidate stories (with all its title terms).
const lookupTerms = 12

// weigh turns terms into a unit TF-IDF vector with the IDF known now,
// keeping the keep highest-weighted terms (all when keep is 0), by
// falling weight.
func (c *Clusterer) weigh(ts []string, keep int) []term {
	tf := map[int32]float64{}
	for _, t := range ts {
		tf[c.vocab[t]]++
	}
	ws := make([]term, 0, len(tf))
	for id, f := range tf {
		idf := math.Log(float64(c.docs+1) / float64(c.df[id]))
		ws = append(ws, term{id, (1 + math.Log(f)) * idf})
	}
	slices.SortFunc(ws, func(a, b term) int { return cmp.Or(cmp.Compare(b.w, a.w), cmp.Compare(a.id, b.id)) })
	if keep > 0 && len(ws) > keep {
		ws = ws[:keep]
	}
	var norm float64
	for _, x := range ws {
		norm += x.w * x.w
	}
	if norm == 0 {
		return nil
	}
	norm = math.Sqrt(norm)
	for i := range ws {
		ws[i].w /= norm
	}
	return ws
}

// candidates returns the active stories that have one of the given
// terms, in ascending order.
func (c *Clusterer) candidates(ids []int32, t time.Time) []int {
	set := map[int32]struct{}{}
	for _, id := range ids {
		list := c.posting[id]
		if !t.IsZero() {
			// Drop dormant stories for good: items come in time order.
			list = slices.DeleteFunc(list, func(si int32) bool { return c.dormant(c.stories[si], t) })
			c.posting[id] = list
		}
		for _, si := range list {
			set[si] = struct{}{}
		}
	}
	out := make([]int, 0, len(set))
	for si := range set {
		out = append(out, int(si))
	}
	slices.Sort(out)
	return out
}

// dormant reports whether s takes no more items at time t.
func (c *Clusterer) dormant(s *cluster, t time.Time) bool {
	return !t.IsZero() && !s.last.IsZero() && t.Sub(s.last) > c.opt.Dormant
}

func (c *Clusterer) join(s *cluster, item int, body, title []term, it Features) {
	s.members = append(s.members, item)
	add := func(dst sparse, v []term, sq float64) float64 {
		for _, t := range v {
			old := dst[t.id]
			dst[t.id] = old + t.w
			sq += (old+t.w)*(old+t.w) - old*old
		}
		return sq
	}
	s.bodySq = add(s.body, body, s.bodySq)
	s.titleSq = add(s.title, title, s.titleSq)
	for _, e := range it.Entities {
		s.ents[e]++
	}
	if !it.Published.IsZero() && (s.last.IsZero() || it.Published.After(s.last)) {
		s.last = it.Published
	}
	if s.first.IsZero() || (!it.Published.IsZero() && it.Published.Before(s.first)) {
		s.first = it.Published
	}
	for _, v := range [][]term{body, title} {
		for _, t := range v {
			if _, ok := s.indexedTerms[t.id]; !ok {
				s.indexedTerms[t.id] = struct{}{}
				c.posting[t.id] = append(c.posting[t.id], int32(s.id))
			}
		}
	}
}

func (c *Clusterer) timeSim(t time.Time, s *cluster) float64 {
	if t.IsZero() || s.last.IsZero() {
		return 0.5
	}
	gap := t.Sub(s.last)
	if gap < 0 {
		gap = -gap
	}
	return math.Exp(-float64(gap) / float64(c.opt.TimeScale))
}

// entityOverlap is the share of the item's entities the story already has.
func entityOverlap(ents []string, story map[string]int) float64 {
	if len(ents) == 0 || len(story) == 0 {
		return 0
	}
	n := 0
	for _, e := range ents {
		if story[e] > 0 {
			n++
		}
	}
	return float64(n) / float64(len(ents))
}

// terms returns the stems of the content words of text: stopwords (before
// and after their clitics are stripped) and one-letter stems are left out.
func terms(text string) []string {
	var out []string
	for _, t := range arabic.Tokenize(text) {
		switch t.Kind {
		case arabic.Word:
			if arabic.IsStopword(t.Norm) {
				continue
			}
			st := arabic.StemNorm(t.Norm)
			if len(st) < 4 || arabic.IsStopword(st) { // under two Arabic letters
				continue
			}
			out = append(out, arabic.FoldTehMarbuta(st))
		case arabic.Latin, arabic.Number:
			out = append(out, t.Norm)
		}
	}
	return out
}

// EntityKey returns the key under which the clusterer compares an entity:
// its canonical id when it has one, else its type and folded canonical
// name, so that mentions of one entity meet across articles.
func EntityKey(typ, id, name string) string {
	if id != "" {
		return id
	}
	return typ + ":" + arabic.FoldTehMarbuta(arabic.NormalizeString(name))
}
