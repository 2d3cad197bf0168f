// Package store defines Store, the durable archive of articles, analyses,
// entities and stories, and the errors and filters its callers rely on. Its
// implementations live in subpackages named for what they depend on:
// store/sqlite (the embedded default) and store/postgres (the server store).
// Every implementation passes the same conformance suite, store/storetest.
//
// What callers can rely on, on every backend:
//   - PutArticles is idempotent and atomic per call: when it returns nil,
//     every article in the batch is durably stored (or was already); when it
//     returns an error, none of the batch is. A crash never leaves half a batch.
//   - An article's ID is its identity (news.ArticleID): putting an ID that is
//     stored changes nothing and reports Exists. An article whose URL is
//     stored with a different body is stored as a new version; the older
//     version is kept and marked superseded.
//   - Lists are ordered by publication time, then ID, with articles of
//     unknown date last; the order is stable across calls and backends.
//   - A date bound (From, To) leaves out articles and stories of unknown
//     date; outlet names compare by SourceKey (the case of ASCII letters,
//     hamza and alef variants, ى/ي, ة/ه, diacritics, tatweel and extra
//     spaces do not matter), in
//     filters and wherever outlets are counted (Sources, Stats, the
//     by-source facet), which show each outlet's most common written form.
//   - Search matches the index terms of rasid's own analyzer
//     (search.IndexTerms) on both backends, so both find the same articles;
//     the embedded store ranks with BM25, store/postgres with ts_rank_cd
//     (same title weight, no IDF), so orders of several-term queries may
//     differ.
//
// A Store is safe for concurrent use.
package store

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/news"
)

// ErrNotFound is returned (wrapped) when an article, analysis or story does
// not exist.
var ErrNotFound = errors.New("not found")

// ErrReadOnly is returned (wrapped) by the writing methods of a store
// opened for reading only (an archive the user may not write).
var ErrReadOnly = errors.New("the store is open read-only")

// Outcome says what PutArticles did with one article.
type Outcome int

// The outcomes of storing an article.
const (
	// Stored: a new article.
	Stored Outcome = iota
	// Exists: the same article (same ID) was already stored; nothing changed.
	Exists
	// NewVersion: stored as the current version of a URL already stored
	// with a different body; the older version is superseded, not lost.
	NewVersion
)

// Preparer is a Store whose PutArticles comes in two steps, so that a
// caller storing batch after batch can overlap the work of the next batch
// that needs no write lock (which articles are new, their index terms)
// with the transaction of the current one. PutPrepared(PrepareArticles(b))
// does exactly what PutArticles(b) does, whatever was stored between the
// two calls; batches may be prepared while another is being put.
type Preparer interface {
	PrepareArticles(ctx context.Context, arts []news.Article) (Prepared, error)
	PutPrepared(ctx context.Context, p Prepared) ([]Outcome, error)
}

// Prepared is a batch made ready by a Preparer, to be put by the same
// store.
type Prepared interface {
	// Articles are the batch's articles, in the order PutPrepared reports
	// their outcomes.
	Articles() []news.Article
}

// AsPreparer returns s as a Preparer: s itself when it is one, else a
// Preparer that prepares nothing ahead and puts with s.PutArticles, so
// that a caller has one way to store batches whatever the store.
func AsPreparer(s Store) Preparer {
	if p, ok := s.(Preparer); ok {
		return p
	}
	return plainPreparer{s}
}

// plainPreparer is the Preparer of a store that is not one.
type plainPreparer struct{ s Store }

// plainBatch is a batch of a plainPreparer: the articles as given.
type plainBatch []news.Article

func (b plainBatch) Articles() []news.Article { return b }

func (p plainPreparer) PrepareArticles(_ context.Context, arts []news.Article) (Prepared, error) {
	return plainBatch(arts), nil
}

func (p plainPreparer) PutPrepared(ctx context.Context, b Prepared) ([]Outcome, error) {
	return p.s.PutArticles(ctx, b.Articles())
}

// String names the outcome for reports.
func (o Outcome) String() string {
	switch o {
	case Stored:
		return "stored"
	case Exists:
		return "exists"
	case NewVersion:
		return "new-version"
	}
	return "unknown"
}

// SourceKey is the form in which outlet names compare, in filters and
// wherever outlets are counted: the matching form of arabic.NormalizeString
// (hamza and alef variants folded, alef maksura as yeh, diacritics, tatweel
// and bidi marks removed, ASCII letters in lower case), with teh marbuta
// as heh (arabic.FoldTehMarbuta) and spaces trimmed and collapsed, so that
// إيلاف and ايلاف, الجزيرة and الجزيره, صدى البلد and صدي البلد, or okaz and
// OKAZ, name one outlet. Keys are never stored: the stores keep the names
// as written and compare through MatchSources, so the key may fold more
// without a migration.
func SourceKey(name string) string {
	k := arabic.FoldTehMarbuta(arabic.NormalizeString(name))
	if strings.ContainsFunc(k, unicode.IsSpace) {
		k = strings.Join(strings.Fields(k), " ")
	}
	return k
}

// SourceGroup collects the written forms of outlet names by SourceKey and
// says which form to show for each outlet: the one written most often
// (by the counts added), ties going to the form that sorts first.
type SourceGroup struct {
	forms map[string]map[string]int // key → written form → count
}

// Add counts n more uses of the written form name.
func (g *SourceGroup) Add(name string, n int) {
	if g.forms == nil {
		g.forms = map[string]map[string]int{}
	}
	k := SourceKey(name)
	if g.forms[k] == nil {
		g.forms[k] = map[string]int{}
	}
	g.forms[k][name] += n
}

// Name returns the form to show for the outlet that name belongs to:
// its most common written form. A name never added is returned as is.
func (g *SourceGroup) Name(name string) string {
	forms := g.forms[SourceKey(name)]
	best, bestN := name, -1
	for f, n := range forms {
		if n > bestN || n == bestN && f < best {
			best, bestN = f, n
		}
	}
	return best
}

// CountSources is the number of outlets that the names name: their
// distinct SourceKeys.
func CountSources(names []string) int {
	keys := map[string]bool{}
	for _, n := range names {
		keys[SourceKey(n)] = true
	}
	return len(keys)
}

// GroupSources merges the stats of outlet names that share a SourceKey
// into one row named by its most common written form (by articles),
// ordered by articles, most first, then by name.
func GroupSources(stats []SourceStats) []SourceStats {
	return groupByOutlet(stats,
		func(s SourceStats) (string, int) { return s.Source, s.Articles },
		func(o *SourceStats, name string, s SourceStats) {
			o.Source = name
			o.Articles += s.Articles
			if !s.First.IsZero() && (o.First.IsZero() || s.First.Before(o.First)) {
				o.First = s.First
			}
			if s.Last.After(o.Last) {
				o.Last = s.Last
			}
		})
}

// GroupFacets merges the counts of facet values that share a SourceKey
// (the by-source facet) into one facet named by its most common written
// form, ordered by count, most first, then by value.
func GroupFacets(fs []Facet) []Facet {
	return groupByOutlet(fs,
		func(f Facet) (string, int) { return f.Value, f.Count },
		func(o *Facet, name string, f Facet) {
			o.Value = name
			o.Label = cmp.Or(o.Label, f.Label)
			o.Count += f.Count
		})
}

// groupByOutlet merges the rows whose outlet names share a SourceKey into
// one row per outlet, in the order of first appearance, then sorts them by
// count, most first, then by name. outlet gives a row's outlet name and
// count; merge folds row r into the outlet's row o (the zero T at first),
// which it names name, the outlet's most common written form by count.
func groupByOutlet[T any](rows []T, outlet func(T) (string, int), merge func(o *T, name string, r T)) []T {
	var g SourceGroup
	for _, r := range rows {
		g.Add(outlet(r))
	}
	byName := map[string]int{}
	var out []T
	for _, r := range rows {
		n, _ := outlet(r)
		name := g.Name(n)
		i, ok := byName[name]
		if !ok {
			i = len(out)
			byName[name] = i
			out = append(out, *new(T))
		}
		merge(&out[i], name, r)
	}
	slices.SortStableFunc(out, func(a, b T) int {
		an, ac := outlet(a)
		bn, bc := outlet(b)
		return cmp.Or(cmp.Compare(bc, ac), strings.Compare(an, bn))
	})
	return out
}

// DistinctSourcesSQL is the query, in the SQL that both store/sqlite and
// store/postgres accept, for the distinct outlet names stored in a table
// articles with an index on source: a skip scan of that index, one index
// seek per outlet, not a row scan. Its rows are one name each, ascending.
const DistinctSourcesSQL = `WITH RECURSIVE s(x) AS (
	SELECT min(source) FROM articles
	UNION ALL
	SELECT (SELECT min(source) FROM articles WHERE source > s.x) FROM s WHERE s.x IS NOT NULL)
	SELECT x FROM s WHERE x IS NOT NULL`

// MatchSources returns the stored outlet names that a filter's names
// select: for each wanted name, every stored name with the same SourceKey,
// or the name itself when none has (it then matches nothing). The result
// has no duplicates; backends filter on it with an exact comparison, so
// their index on the outlet serves.
func MatchSources(wanted, stored []string) []string {
	byKey := map[string][]string{}
	for _, s := range stored {
		k := SourceKey(s)
		byKey[k] = append(byKey[k], s)
	}
	var out []string
	seen := map[string]bool{}
	for _, w := range wanted {
		names := byKey[SourceKey(w)]
		if len(names) == 0 {
			names = []string{w}
		}
		for _, n := range names {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}

// ArticleFilter selects articles. Zero fields select everything.
type ArticleFilter struct {
	// Sources are outlet names (any of), compared by SourceKey: the case
	// of ASCII letters, hamza and alef variants and diacritics do not
	// matter.
	Sources []string
	From    time.Time // inclusive
	To      time.Time // exclusive
	// IDs restricts to these articles.
	IDs []string
	// WithSuperseded includes older versions of changed articles.
	WithSuperseded bool
	// After continues a listing after the article with this ID (keyset
	// pagination in list order); Offset is the plain alternative.
	After  string
	Offset int
	Limit  int // 0: no limit
}

// SourceStats describes one outlet in the archive.
type SourceStats struct {
	Source   string    `json:"source"`
	Articles int       `json:"articles"`
	First    time.Time `json:"first,omitzero"`
	Last     time.Time `json:"last,omitzero"`
}

// Stats summarizes the archive.
type Stats struct {
	Articles   int       `json:"articles"`
	Superseded int       `json:"superseded"`
	Undated    int       `json:"undated"`
	Sources    int       `json:"sources"`
	Analyzed   int       `json:"analyzed"`
	Entities   int       `json:"entities"`
	Stories    int       `json:"stories"`
	First      time.Time `json:"first,omitzero"`
	Last       time.Time `json:"last,omitzero"`
}

// Store is rasid's archive. See the package documentation for the guarantees
// every implementation gives.
type Store interface {
	// PutArticles stores a batch of articles in one transaction and reports
	// an outcome per article, in order. Each article must have its ID set.
	PutArticles(ctx context.Context, arts []news.Article) ([]Outcome, error)
	// Article returns one article by ID (superseded versions too).
	Article(ctx context.Context, id string) (news.Article, error)
	// Articles lists articles in publication order.
	Articles(ctx context.Context, f ArticleFilter) ([]news.Article, error)
	// CountArticles counts the articles a filter selects (Offset, Limit and
	// After ignored).
	CountArticles(ctx context.Context, f ArticleFilter) (int, error)
	// Sources lists the outlets with their counts and date spans, one row
	// per SourceKey named by its most common written form (GroupSources).
	Sources(ctx context.Context) ([]SourceStats, error)
	// Stats summarizes the archive.
	Stats(ctx context.Context) (Stats, error)

	// PutAnalyses stores analyses (replacing older ones of the same article)
	// in one transaction, with their entity mentions for entity queries.
	PutAnalyses(ctx context.Context, as []news.Analysis) error
	// Analysis returns the stored analysis of an article.
	Analysis(ctx context.Context, id string) (news.Analysis, error)
	// Unanalyzed lists, in publication order, up to limit current articles
	// with no analysis or one made by another analyzer than the given one.
	Unanalyzed(ctx context.Context, analyzer string, limit int) ([]string, error)

	// Entities lists entities (of one type when typ is not ""), most
	// mentioned first, aggregated from the stored analyses.
	Entities(ctx context.Context, typ string, limit, offset int) ([]EntityStats, error)
	// Entity returns one entity with its aliases and roles.
	Entity(ctx context.Context, id string) (EntityStats, error)
	// EntityArticles lists the articles that mention an entity, in
	// publication order.
	EntityArticles(ctx context.Context, id string, limit int) ([]news.ArticleRef, error)
	// Related lists the entities mentioned most often in the same articles
	// as the given one.
	Related(ctx context.Context, id string, limit int) ([]EntityStats, error)

	// PutStories stores (inserts or replaces) stories with their articles.
	PutStories(ctx context.Context, ss []news.Story) error
	// Stories lists stories, most recently active first, that were active
	// in [from, to) (zero bounds are open).
	Stories(ctx context.Context, from, to time.Time, limit, offset int) ([]news.Story, error)
	// Story returns one story by ID.
	Story(ctx context.Context, id string) (news.Story, error)
	// StoryOf returns the ID of the story an article belongs to ("" if none).
	StoryOf(ctx context.Context, articleID string) (string, error)

	// Search ranks current articles that match the query (see SearchQuery).
	Search(ctx context.Context, q SearchQuery) (SearchResult, error)

	// Close releases the store.
	Close() error
}

// EntityStats is an entity as the archive knows it.
type EntityStats struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Type     string    `json:"type"`
	Mentions int       `json:"mentions"`
	Articles int       `json:"articles"`
	Aliases  []string  `json:"aliases,omitempty"` // the spellings seen, most frequent first
	Roles    []string  `json:"roles,omitempty"`
	First    time.Time `json:"first,omitzero"`
	Last     time.Time `json:"last,omitzero"`
}

// SearchQuery is a parsed query in index terms (search.Parse builds the
// clauses from user text; the store only matches and ranks).
type SearchQuery struct {
	// Clauses must all match; each clause matches when any of its
	// alternatives does. An alternative is a sequence of index terms that
	// must occur as a phrase (one term for a word).
	Clauses [][][]string
	// Not excludes articles matching any of these alternatives.
	Not [][]string
	// Filters. Sources compare by SourceKey, as in ArticleFilter.
	Sources  []string
	From, To time.Time // inclusive From, exclusive To
	Entities []string  // entity ids (any of)
	Stories  []string  // story ids (any of)
	Offset   int
	Limit    int
	// Facets asks for counts by source, by month and by top entities over
	// all matches (not only the page).
	Facets bool
}

// SearchResult is one page of ranked matches.
type SearchResult struct {
	Total int   `json:"total"`
	Hits  []Hit `json:"hits"`
	// Facets, when asked for.
	BySource []Facet `json:"by_source,omitempty"`
	ByMonth  []Facet `json:"by_month,omitempty"`
	ByEntity []Facet `json:"by_entity,omitempty"`
}

// Hit is one ranked article; a higher Score ranks higher.
type Hit struct {
	Article news.Article `json:"article"`
	Score   float64      `json:"score"`
}

// Facet is a value and the number of matches that have it.
type Facet struct {
	Value string `json:"value"`
	Label string `json:"label,omitempty"`
	Count int    `json:"count"`
}
