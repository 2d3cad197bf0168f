package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
)

// PutAnalyses stores analyses, replacing older ones of the same articles,
// with their entity mentions.
func (s *DB) PutAnalyses(ctx context.Context, as []news.Analysis) error {
	data := make([][]byte, len(as))
	for i, a := range as {
		if a.ID == "" {
			return fmt.Errorf("sqlite: put analyses: analysis %d has no article id", i+1)
		}
		b, err := json.Marshal(a)
		if err != nil {
			return fmt.Errorf("sqlite: put analyses: %s: %w", a.ID, err)
		}
		data[i] = b
	}
	err := s.tx(ctx, func(tx sqlTx) error {
		put, err := tx.PrepareContext(ctx, `INSERT INTO analyses (article_id, analyzer, data) VALUES (?,?,?)
			ON CONFLICT (article_id) DO UPDATE SET analyzer = excluded.analyzer, data = excluded.data`)
		if err != nil {
			return err
		}
		defer put.Close()
		del, err := tx.PrepareContext(ctx, `DELETE FROM mentions WHERE article_id = ?`)
		if err != nil {
			return err
		}
		defer del.Close()
		key, err := tx.PrepareContext(ctx, `SELECT sort_key FROM articles WHERE id = ?`)
		if err != nil {
			return err
		}
		defer key.Close()
		men, err := tx.PrepareContext(ctx, `INSERT INTO mentions (article_id, entity_id, name, type, role, text, sort_key) VALUES (?,?,?,?,?,?,?)`)
		if err != nil {
			return err
		}
		defer men.Close()
		for i, a := range as {
			if _, err := put.ExecContext(ctx, a.ID, a.Analyzer, string(data[i])); err != nil {
				return fmt.Errorf("%s: %w", a.ID, err)
			}
			if _, err := del.ExecContext(ctx, a.ID); err != nil {
				return err
			}
			var sortKey int64
			if len(a.Entities) > 0 {
				if err := key.QueryRowContext(ctx, a.ID).Scan(&sortKey); err != nil {
					return fmt.Errorf("%s: %w", a.ID, err)
				}
			}
			for _, e := range a.Entities {
				if e.EntityID == "" {
					continue
				}
				if _, err := men.ExecContext(ctx, a.ID, e.EntityID, e.Name, e.Type, e.Role, e.Text, sortKey); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: put analyses: %w", err)
	}
	return nil
}

// Analysis returns the stored analysis of an article.
func (s *DB) Analysis(ctx context.Context, id string) (news.Analysis, error) {
	var a news.Analysis
	var data string
	err := s.db.QueryRowContext(ctx, `SELECT data FROM analyses WHERE article_id = ?`, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("sqlite: analysis %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("sqlite: analysis %s: %w", id, err)
	}
	if err := json.Unmarshal([]byte(data), &a); err != nil {
		return a, fmt.Errorf("sqlite: analysis %s: %w", id, err)
	}
	return a, nil
}

// Unanalyzed lists current articles with no analysis by analyzer.
func (s *DB) Unanalyzed(ctx context.Context, analyzer string, limit int) ([]string, error) {
	q := `SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id
		WHERE a.superseded = 0 AND (n.article_id IS NULL OR n.analyzer != ?) ORDER BY a.sort_key, a.id`
	q, args := limitOffset(q, []any{analyzer}, limit, 0)
	return s.strings(ctx, "unanalyzed", q, args...)
}

func (s *DB) strings(ctx context.Context, op, q string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %s: %w", op, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("sqlite: %s: %w", op, err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func scanEntity(sc interface{ Scan(...any) error }) (store.EntityStats, error) {
	var e store.EntityStats
	var first, last sql.NullInt64
	err := sc.Scan(&e.ID, &e.Name, &e.Type, &e.Mentions, &e.Articles, &first, &last)
	e.First, e.Last = unixTime(first), unixTime(last)
	return e, err
}

// Entities lists entities, most mentioned first.
func (s *DB) Entities(ctx context.Context, typ string, limit, offset int) ([]store.EntityStats, error) {
	q := `SELECT m.entity_id, count(*) AS n, count(DISTINCT m.article_id) AS na FROM mentions m`
	var args []any
	if typ != "" {
		q += ` WHERE m.type = ?`
		args = append(args, typ)
	}
	q += ` GROUP BY m.entity_id ORDER BY n DESC, m.entity_id`
	q, args = limitOffset(q, args, limit, offset)
	return s.entityPage(ctx, "entities", q, `p.n DESC, p.entity_id`, args)
}

// entityPage names and dates a page of entities that q selects with
// their mention (n) and article (na) counts, in the given order. The page
// is counted and cut first, so only its entities are looked up, from the
// covering mention index (BenchmarkEntities: the top 50 of 600,000
// mentions in 0.6 s rather than 1.9 s).
func (s *DB) entityPage(ctx context.Context, op, q, order string, args []any) ([]store.EntityStats, error) {
	full := `WITH p AS MATERIALIZED (` + q + `),
		d AS (SELECT x.entity_id, min(x.type) AS type,
				min(CASE WHEN x.sort_key < ? THEN x.sort_key END) AS first,
				max(CASE WHEN x.sort_key < ? THEN x.sort_key END) AS last
			FROM mentions x WHERE x.entity_id IN (SELECT entity_id FROM p) GROUP BY x.entity_id)
		SELECT p.entity_id,
			(SELECT name FROM mentions x WHERE x.entity_id = p.entity_id GROUP BY name ORDER BY count(*) DESC, name LIMIT 1),
			d.type, p.n, p.na, d.first, d.last
		FROM p JOIN d ON d.entity_id = p.entity_id ORDER BY ` + order
	return s.entities(ctx, op, full, append(args, undated, undated)...)
}

func (s *DB) entities(ctx context.Context, op, q string, args ...any) ([]store.EntityStats, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %s: %w", op, err)
	}
	defer rows.Close()
	var out []store.EntityStats
	for rows.Next() {
		e, err := scanEntity(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: %s: %w", op, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Entity returns one entity with its aliases and roles.
func (s *DB) Entity(ctx context.Context, id string) (store.EntityStats, error) {
	page, err := s.entityPage(ctx, "entity", `SELECT entity_id, count(*) AS n, count(DISTINCT article_id) AS na
		FROM mentions WHERE entity_id = ? GROUP BY entity_id`, `p.entity_id`, []any{id})
	if err != nil {
		return store.EntityStats{}, err
	}
	if len(page) == 0 {
		return store.EntityStats{}, fmt.Errorf("sqlite: entity %s: %w", id, store.ErrNotFound)
	}
	e := page[0]
	if e.Aliases, err = s.strings(ctx, "entity aliases", `SELECT text FROM mentions WHERE entity_id = ? GROUP BY text ORDER BY count(*) DESC, text LIMIT 50`, id); err != nil {
		return e, err
	}
	if e.Roles, err = s.strings(ctx, "entity roles", `SELECT role FROM mentions WHERE entity_id = ? AND role != '' GROUP BY role ORDER BY count(*) DESC, role LIMIT 50`, id); err != nil {
		return e, err
	}
	return e, nil
}

// openingLen is how much of an untitled article's body EntityArticles
// reads for its headline (news.Article.Headline keeps the first line, at
// most 90 code points, so this is ample unless the body opens with
// this much white space).
const openingLen = "1000"

// EntityArticles lists the articles that mention an entity, each with its
// headline (an untitled article's opening).
func (s *DB) EntityArticles(ctx context.Context, id string, limit int) ([]news.ArticleRef, error) {
	q := `SELECT a.id, a.url, a.source, a.title, a.published, CASE WHEN trim(a.title) = '' THEN substr(a.body, 1, ` + openingLen + `) ELSE '' END FROM articles a
		WHERE a.id IN (SELECT article_id FROM mentions WHERE entity_id = ?) ORDER BY a.sort_key, a.id`
	q, args := limitOffset(q, []any{id}, limit, 0)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entity articles: %w", err)
	}
	defer rows.Close()
	var out []news.ArticleRef
	for rows.Next() {
		var a news.Article
		var published string
		if err := rows.Scan(&a.ID, &a.URL, &a.Source, &a.Title, &published, &a.Body); err != nil {
			return nil, fmt.Errorf("sqlite: entity articles: %w", err)
		}
		a.Published = parseTime(published)
		out = append(out, a.Ref())
	}
	return out, rows.Err()
}

// Related lists the entities mentioned most often in the same articles.
func (s *DB) Related(ctx context.Context, id string, limit int) ([]store.EntityStats, error) {
	q := `SELECT m.entity_id, count(*) AS n, count(DISTINCT m.article_id) AS na FROM mentions m
		WHERE m.article_id IN (SELECT article_id FROM mentions WHERE entity_id = ?) AND m.entity_id != ?
		GROUP BY m.entity_id ORDER BY na DESC, n DESC, m.entity_id`
	q, args := limitOffset(q, []any{id, id}, limit, 0)
	return s.entityPage(ctx, "related", q, `p.na DESC, p.n DESC, p.entity_id`, args)
}

// PutStories inserts or replaces stories with their articles.
func (s *DB) PutStories(ctx context.Context, ss []news.Story) error {
	err := s.tx(ctx, func(tx sqlTx) error {
		for _, st := range ss {
			if st.ID == "" {
				return errors.New("a story has no id")
			}
			data, err := json.Marshal(st)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO stories (id, title, first, last, data) VALUES (?,?,?,?,?)
				ON CONFLICT (id) DO UPDATE SET title = excluded.title, first = excluded.first, last = excluded.last, data = excluded.data`,
				st.ID, st.Title, storyTime(st.First, 0), storyTime(st.Last, 0), string(data)); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM story_articles WHERE story_id = ?`, st.ID); err != nil {
				return err
			}
			for _, a := range st.Articles {
				if _, err := tx.ExecContext(ctx, `INSERT INTO story_articles (article_id, story_id) VALUES (?,?)
					ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id`, a.ID, st.ID); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: put stories: %w", err)
	}
	return nil
}

func storyTime(t time.Time, zero int64) int64 {
	if t.IsZero() {
		return zero
	}
	return t.Unix()
}

// Stories lists stories, most recently active first. A date bound leaves
// out stories of unknown date (stored with first and last 0).
func (s *DB) Stories(ctx context.Context, from, to time.Time, limit, offset int) ([]news.Story, error) {
	dated := ""
	if !from.IsZero() || !to.IsZero() {
		dated = " AND last <> 0"
	}
	q := `SELECT data FROM stories WHERE last >= ? AND first < ?` + dated + ` ORDER BY last DESC, id`
	q, args := limitOffset(q, []any{storyTime(from, -1<<62), storyTime(to, 1<<62)}, limit, offset)
	data, err := s.strings(ctx, "stories", q, args...)
	if err != nil {
		return nil, err
	}
	out := make([]news.Story, 0, len(data))
	for _, d := range data {
		var st news.Story
		if err := json.Unmarshal([]byte(d), &st); err != nil {
			return nil, fmt.Errorf("sqlite: stories: %w", err)
		}
		out = append(out, st)
	}
	return out, nil
}

// Story returns one story by ID.
func (s *DB) Story(ctx context.Context, id string) (news.Story, error) {
	var st news.Story
	var data string
	err := s.db.QueryRowContext(ctx, `SELECT data FROM stories WHERE id = ?`, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("sqlite: story %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("sqlite: story %s: %w", id, err)
	}
	if err := json.Unmarshal([]byte(data), &st); err != nil {
		return st, fmt.Errorf("sqlite: story %s: %w", id, err)
	}
	return st, nil
}

// StoryOf returns the story an article belongs to.
func (s *DB) StoryOf(ctx context.Context, articleID string) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, `SELECT story_id FROM story_articles WHERE article_id = ?`, articleID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("sqlite: story of %s: %w", articleID, err)
	}
	return id, nil
}
