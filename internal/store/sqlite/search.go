package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
)

// Title matches weigh more than body matches in the BM25 ranking.
const (
	titleWeight = 3.0
	bodyWeight  = 1.0
)

// ftsQuote escapes a term inside an FTS5 string: a quote is doubled, and
// NUL, which would end the string early, separates tokens as it does when
// the tokenizer indexes it.
var ftsQuote = strings.NewReplacer(`"`, `""`, "\x00", " ")

// matchExpr writes alternatives of phrases as an FTS5 expression:
// ("a b" OR "c"). Every term is quoted, so no term is read as an operator.
func matchExpr(alts [][]string) string {
	var parts []string
	for _, phrase := range alts {
		var ts []string
		for _, t := range phrase {
			if t != "" {
				ts = append(ts, `"`+ftsQuote.Replace(t)+`"`)
			}
		}
		if len(ts) > 0 {
			parts = append(parts, strings.Join(ts, " + "))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "(" + strings.Join(parts, " OR ") + ")"
}

// Search ranks current articles that match the query.
func (s *DB) Search(ctx context.Context, q store.SearchQuery) (store.SearchResult, error) {
	var res store.SearchResult
	var pos []string
	for _, c := range q.Clauses {
		if e := matchExpr(c); e != "" {
			pos = append(pos, e)
		}
	}
	neg := matchExpr(q.Not)
	conds := []string{"a.superseded = 0"}
	var args []any
	from := `articles a`
	score := `0.0`
	if len(pos) > 0 {
		expr := strings.Join(pos, " AND ")
		if neg != "" {
			expr += " NOT " + neg
		}
		from = `articles_fts f JOIN articles a INDEXED BY articles_match ON a.seq = f.rowid`
		conds = append(conds, `articles_fts MATCH ?`)
		args = append(args, expr)
		score = fmt.Sprintf(`-bm25(articles_fts, %g, %g)`, titleWeight, bodyWeight)
	} else if neg != "" {
		conds = append(conds, `a.seq NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`)
		args = append(args, neg)
	}
	conds, err := store.FilterConds(ctx, conds, (*argList)(&args), s.storedSources, q.Sources, q.From, q.To)
	if err != nil {
		return res, fmt.Errorf("sqlite: search: %w", err)
	}
	if len(q.Entities) > 0 {
		conds = append(conds, "a.id IN (SELECT article_id FROM mentions WHERE entity_id IN ("+placeholders(len(q.Entities))+"))")
		for _, e := range q.Entities {
			args = append(args, e)
		}
	}
	if len(q.Stories) > 0 {
		conds = append(conds, "a.id IN (SELECT article_id FROM story_articles WHERE story_id IN ("+placeholders(len(q.Stories))+"))")
		for _, st := range q.Stories {
			args = append(args, st)
		}
	}
	where := " WHERE " + strings.Join(conds, " AND ")
	if q.Facets {
		// One pass over the matches gives the total and two facets.
		if err := s.countFacets(ctx, &res, from, where, args); err != nil {
			return res, err
		}
	} else if err := s.queryRow(ctx, `SELECT count(*) FROM `+from+where, args...).Scan(&res.Total); err != nil {
		return res, fmt.Errorf("sqlite: search: %w", err)
	}
	order := ` ORDER BY score DESC, a.sort_key DESC, a.id`
	outer := ` ORDER BY t.score DESC, t.sort_key DESC, t.id`
	if len(pos) == 0 {
		order = ` ORDER BY a.sort_key DESC, a.id` // no words to rank by: newest first
		outer = ` ORDER BY t.sort_key DESC, t.id`
	}
	// The page is chosen over the matches' keys alone, and only its rows
	// are read whole: selecting the columns in the ranked query would read
	// every match's body (overflow pages) into the sorter.
	inner, pargs := limitOffset(`SELECT a.seq AS seq, `+score+` AS score, a.sort_key AS sort_key, a.id AS id FROM `+from+where+order, append([]any(nil), args...), q.Limit, q.Offset)
	page := `SELECT ` + articleCols + `, t.score FROM (` + inner + `) t JOIN articles a ON a.seq = t.seq` + outer
	rows, err := s.query(ctx, page, pargs...)
	if err != nil {
		return res, fmt.Errorf("sqlite: search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h store.Hit
		a, err := scanArticleScore(rows, &h.Score)
		if err != nil {
			return res, fmt.Errorf("sqlite: search: %w", err)
		}
		h.Article = a
		res.Hits = append(res.Hits, h)
	}
	if err := rows.Err(); err != nil {
		return res, fmt.Errorf("sqlite: search: %w", err)
	}
	if q.Facets {
		if err := s.entityFacet(ctx, &res, from, where, args); err != nil {
			return res, err
		}
	}
	return res, nil
}

func scanArticleScore(sc interface{ Scan(...any) error }, score *float64) (news.Article, error) {
	return scanArticle(scanWith{sc, score})
}

// scanWith appends one more destination to a row scan.
type scanWith struct {
	sc    interface{ Scan(...any) error }
	extra *float64
}

func (w scanWith) Scan(dest ...any) error { return w.sc.Scan(append(dest, w.extra)...) }

// maxSourceFacets bounds the by-source facet.
const maxSourceFacets = 20

// countFacets counts all matches, by source and by month of publication
// (the month as the outlet dated it, in its own time zone), in one pass.
func (s *DB) countFacets(ctx context.Context, res *store.SearchResult, from, where string, args []any) error {
	rows, err := s.query(ctx, `SELECT a.source, substr(a.published, 1, 7), count(*) FROM `+from+where+` GROUP BY 1, 2`, args...)
	if err != nil {
		return fmt.Errorf("sqlite: search facets: %w", err)
	}
	defer rows.Close()
	bySource, byMonth := map[string]int{}, map[string]int{}
	for rows.Next() {
		var source, month string
		var n int
		if err := rows.Scan(&source, &month, &n); err != nil {
			return fmt.Errorf("sqlite: search facets: %w", err)
		}
		res.Total += n
		bySource[source] += n
		if month != "" {
			byMonth[month] += n
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: search facets: %w", err)
	}
	// Names that share a SourceKey are one outlet: grouped before the cut.
	res.BySource = store.GroupFacets(sortedFacets(bySource, func(a, b store.Facet) int {
		return strings.Compare(a.Value, b.Value)
	}))
	res.BySource = res.BySource[:min(len(res.BySource), maxSourceFacets)]
	res.ByMonth = sortedFacets(byMonth, func(a, b store.Facet) int { return strings.Compare(a.Value, b.Value) })
	return nil
}

func sortedFacets(counts map[string]int, order func(a, b store.Facet) int) []store.Facet {
	var out []store.Facet
	for v, n := range counts {
		out = append(out, store.Facet{Value: v, Count: n})
	}
	slices.SortFunc(out, order)
	return out
}

// entityFacet counts the matches by the entities mentioned in most of them.
func (s *DB) entityFacet(ctx context.Context, res *store.SearchResult, from, where string, args []any) error {
	var err error
	res.ByEntity, err = s.facet(ctx, `SELECT m.entity_id, count(DISTINCT m.article_id) FROM mentions m WHERE m.article_id IN (SELECT a.id FROM `+from+where+`)
		GROUP BY m.entity_id ORDER BY 2 DESC, 1 LIMIT 10`, args)
	if err != nil {
		return err
	}
	for i, f := range res.ByEntity {
		var name string
		if err := s.queryRow(ctx, `SELECT name FROM mentions WHERE entity_id = ? GROUP BY name ORDER BY count(*) DESC, name LIMIT 1`, f.Value).Scan(&name); err == nil {
			res.ByEntity[i].Label = name
		}
	}
	return nil
}

func (s *DB) facet(ctx context.Context, q string, args []any) ([]store.Facet, error) {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search facets: %w", err)
	}
	defer rows.Close()
	var out []store.Facet
	for rows.Next() {
		var f store.Facet
		if err := rows.Scan(&f.Value, &f.Count); err != nil {
			return nil, fmt.Errorf("sqlite: search facets: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
