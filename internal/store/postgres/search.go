package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/rasid-news/rasid/internal/store"
)

// rankWeights are ts_rank_cd's weights {D, C, B, A}: body terms carry D,
// title terms A, three times as much, as in the embedded store's BM25
// (weights must lie in [0, 1]).
const rankWeights = `'{0.333333, 0.0, 0.0, 1.0}'::float4[]`

// rankNorm is ts_rank_cd's normalization: divide by 1 + log(document
// length), a softer form of BM25's length normalization.
const rankNorm = 1

// tsquery writes alternatives of phrases as a tsquery: ('a' <-> 'b' | 'c').
// Terms are quoted lexemes, matched as they are (no parsing, no stemming).
func tsquery(alts [][]string) string {
	var parts []string
	for _, phrase := range alts {
		var ts []string
		for _, t := range phrase {
			if t != "" {
				ts = append(ts, quoteLexeme(t))
			}
		}
		if len(ts) > 0 {
			parts = append(parts, strings.Join(ts, " <-> "))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "(" + strings.Join(parts, " | ") + ")"
}

// Search ranks current articles that match the query with ts_rank_cd over
// the tsvector of rasid's index terms (see the package documentation of
// store for how it differs from BM25).
func (s *DB) Search(ctx context.Context, q store.SearchQuery) (store.SearchResult, error) {
	var res store.SearchResult
	var pos []string
	for _, c := range q.Clauses {
		if e := tsquery(c); e != "" {
			pos = append(pos, e)
		}
	}
	neg := tsquery(q.Not)
	conds := []string{"NOT a.superseded"}
	var as args
	score := `0.0::float8`
	if len(pos) > 0 {
		expr := strings.Join(pos, " & ")
		if neg != "" {
			expr += " & !" + neg
		}
		p := as.add(expr)
		conds = append(conds, `a.tsv @@ `+p+`::tsquery`)
		score = fmt.Sprintf(`ts_rank_cd(%s, a.tsv, %s::tsquery, %d)::float8`, rankWeights, p, rankNorm)
	} else if neg != "" {
		conds = append(conds, `NOT (a.tsv @@ `+as.add(neg)+`::tsquery)`)
	}
	conds, err := store.FilterConds(ctx, conds, &as, s.storedSources, q.Sources, q.From, q.To)
	if err != nil {
		return res, fmt.Errorf("postgres: search: %w", err)
	}
	if len(q.Entities) > 0 {
		conds = append(conds, "a.id IN (SELECT article_id FROM mentions WHERE entity_id = ANY("+as.add(q.Entities)+"))")
	}
	if len(q.Stories) > 0 {
		conds = append(conds, "a.id IN (SELECT article_id FROM story_articles WHERE story_id = ANY("+as.add(q.Stories)+"))")
	}
	where := " WHERE " + strings.Join(conds, " AND ")
	err = s.query(ctx, func(db querier) error {
		return db.QueryRow(ctx, `SELECT count(*) FROM articles a`+where, as...).Scan(&res.Total)
	})
	if err != nil {
		return res, fmt.Errorf("postgres: search: %w", err)
	}
	order := ` ORDER BY score DESC, a.sort_key DESC, a.id`
	if len(pos) == 0 {
		order = ` ORDER BY a.sort_key DESC, a.id` // no words to rank by: newest first
	}
	pas := append(args(nil), as...)
	page := limitOffset(`SELECT `+articleCols+`, `+score+` AS score FROM articles a`+where+order, &pas, q.Limit, q.Offset)
	err = s.query(ctx, func(db querier) error {
		res.Hits = res.Hits[:0]
		rows, err := db.Query(ctx, page, pas...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var h store.Hit
			a, err := scanArticle(rows, &h.Score)
			if err != nil {
				return err
			}
			h.Article = a
			res.Hits = append(res.Hits, h)
		}
		return rows.Err()
	})
	if err != nil {
		return res, fmt.Errorf("postgres: search: %w", err)
	}
	if q.Facets {
		if err := s.facets(ctx, &res, where, as); err != nil {
			return res, err
		}
	}
	return res, nil
}

// maxSourceFacets bounds the by-source facet.
const maxSourceFacets = 20

// facets counts all matches by source, by month of publication and by the
// entities mentioned most.
func (s *DB) facets(ctx context.Context, res *store.SearchResult, where string, as args) error {
	var err error
	res.BySource, err = s.facet(ctx, `SELECT a.source, count(*) FROM articles a`+where+` GROUP BY a.source`, as)
	if err != nil {
		return err
	}
	// Names that share a SourceKey are one outlet: grouped before the cut.
	res.BySource = store.GroupFacets(res.BySource)
	res.BySource = res.BySource[:min(len(res.BySource), maxSourceFacets)]
	res.ByMonth, err = s.facet(ctx, `SELECT substr(a.published, 1, 7), count(*) FROM articles a`+where+` AND a.published <> '' GROUP BY 1 ORDER BY 1`, as)
	if err != nil {
		return err
	}
	res.ByEntity, err = s.facet(ctx, `SELECT m.entity_id, count(DISTINCT m.article_id) FROM mentions m WHERE m.article_id IN (SELECT a.id FROM articles a`+where+`)
		GROUP BY m.entity_id ORDER BY 2 DESC, 1 LIMIT 10`, as)
	if err != nil {
		return err
	}
	for i, f := range res.ByEntity {
		names, err := s.strings(ctx, "search facets", `SELECT name FROM mentions WHERE entity_id = $1 GROUP BY name ORDER BY count(*) DESC, name LIMIT 1`, f.Value)
		if err == nil && len(names) == 1 {
			res.ByEntity[i].Label = names[0]
		}
	}
	return nil
}

func (s *DB) facet(ctx context.Context, q string, as args) ([]store.Facet, error) {
	var out []store.Facet
	err := s.query(ctx, func(db querier) error {
		out = out[:0]
		rows, err := db.Query(ctx, q, as...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var f store.Facet
			if err := rows.Scan(&f.Value, &f.Count); err != nil {
				return err
			}
			out = append(out, f)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: search facets: %w", err)
	}
	return out, nil
}
