package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
)

// mentionRows are the entity mentions of an analysis as column arrays.
type mentionRows struct{ ids, names, types, roles, texts []string }

func mentionsOf(a news.Analysis) mentionRows {
	var m mentionRows
	for _, e := range a.Entities {
		if e.EntityID == "" {
			continue
		}
		m.ids = append(m.ids, e.EntityID)
		m.names = append(m.names, e.Name)
		m.types = append(m.types, e.Type)
		m.roles = append(m.roles, e.Role)
		m.texts = append(m.texts, e.Text)
	}
	return m
}

// queueAnalysis queues the statements that store one analysis (replacing
// the article's mentions) and close its pending analysis job.
func queueAnalysis(b *pgx.Batch, a news.Analysis, data []byte) {
	b.Queue(`INSERT INTO analyses (article_id, analyzer, data) VALUES ($1, $2, $3)
		ON CONFLICT (article_id) DO UPDATE SET analyzer = excluded.analyzer, data = excluded.data, writes = analyses.writes + 1`,
		a.ID, a.Analyzer, string(data))
	b.Queue(`DELETE FROM mentions WHERE article_id = $1`, a.ID)
	m := mentionsOf(a)
	if len(m.ids) > 0 {
		b.Queue(`INSERT INTO mentions (article_id, entity_id, name, type, role, text)
			SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
			a.ID, m.ids, m.names, m.types, m.roles, m.texts)
	}
}

func encodeAnalyses(as []news.Analysis) ([][]byte, error) {
	data := make([][]byte, len(as))
	for i, a := range as {
		if a.ID == "" {
			return nil, fmt.Errorf("analysis %d has no article id", i+1)
		}
		b, err := json.Marshal(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.ID, err)
		}
		data[i] = b
	}
	return data, nil
}

// PutAnalyses stores analyses, replacing older ones of the same articles,
// with their entity mentions. Analysis jobs still queued for these articles
// are closed: the work is done.
func (s *DB) PutAnalyses(ctx context.Context, as []news.Analysis) error {
	data, err := encodeAnalyses(as)
	if err != nil {
		return fmt.Errorf("postgres: put analyses: %w", err)
	}
	if len(as) == 0 {
		return nil
	}
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	err = s.tx(ctx, func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		for i, a := range as {
			queueAnalysis(b, a, data[i])
		}
		b.Queue(`UPDATE jobs SET state = 'done', updated = now() WHERE kind = 'analyze' AND state = 'queued' AND article_id = ANY($1)`, ids)
		return tx.SendBatch(ctx, b).Close()
	})
	if err != nil {
		return fmt.Errorf("postgres: put analyses: %w", err)
	}
	return nil
}

// Analysis returns the stored analysis of an article.
func (s *DB) Analysis(ctx context.Context, id string) (news.Analysis, error) {
	var a news.Analysis
	var data string
	err := s.query(ctx, func(q querier) error {
		return q.QueryRow(ctx, `SELECT data FROM analyses WHERE article_id = $1`, id).Scan(&data)
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return a, fmt.Errorf("postgres: analysis %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("postgres: analysis %s: %w", id, err)
	}
	if err := json.Unmarshal([]byte(data), &a); err != nil {
		return a, fmt.Errorf("postgres: analysis %s: %w", id, err)
	}
	return a, nil
}

// Unanalyzed lists current articles with no analysis by analyzer.
func (s *DB) Unanalyzed(ctx context.Context, analyzer string, limit int) ([]string, error) {
	as := args{analyzer}
	q := limitOffset(`SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id
		WHERE NOT a.superseded AND (n.article_id IS NULL OR n.analyzer <> $1) ORDER BY a.sort_key, a.id`, &as, limit, 0)
	return s.strings(ctx, "unanalyzed", q, as...)
}

func (s *DB) strings(ctx context.Context, op, q string, as ...any) ([]string, error) {
	var out []string
	err := s.query(ctx, func(db querier) error {
		rows, err := db.Query(ctx, q, as...)
		if err != nil {
			return err
		}
		out, err = pgx.CollectRows(rows, pgx.RowTo[string])
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", op, err)
	}
	return out, nil
}

// entitySelect aggregates mentions into entities; the name is the most
// frequent canonical name.
const entitySelect = `SELECT m.entity_id,
	(SELECT name FROM mentions x WHERE x.entity_id = m.entity_id GROUP BY name ORDER BY count(*) DESC, name LIMIT 1),
	min(m.type), count(*), count(DISTINCT m.article_id),
	min(CASE WHEN a.sort_key < $1 THEN a.sort_key END), max(CASE WHEN a.sort_key < $1 THEN a.sort_key END)
	FROM mentions m JOIN articles a ON a.id = m.article_id`

func scanEntity(sc interface{ Scan(...any) error }) (store.EntityStats, error) {
	var e store.EntityStats
	var first, last *int64
	err := sc.Scan(&e.ID, &e.Name, &e.Type, &e.Mentions, &e.Articles, &first, &last)
	e.First, e.Last = unixTime(first), unixTime(last)
	return e, err
}

// Entities lists entities, most mentioned first.
func (s *DB) Entities(ctx context.Context, typ string, limit, offset int) ([]store.EntityStats, error) {
	q := entitySelect
	as := args{int64(undated)}
	if typ != "" {
		q += ` WHERE m.type = ` + as.add(typ)
	}
	q = limitOffset(q+` GROUP BY m.entity_id ORDER BY count(*) DESC, m.entity_id`, &as, limit, offset)
	return s.entities(ctx, "entities", q, as...)
}

func (s *DB) entities(ctx context.Context, op, q string, as ...any) ([]store.EntityStats, error) {
	var out []store.EntityStats
	err := s.query(ctx, func(db querier) error {
		out = out[:0]
		rows, err := db.Query(ctx, q, as...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			e, err := scanEntity(rows)
			if err != nil {
				return err
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", op, err)
	}
	return out, nil
}

// Entity returns one entity with its aliases and roles.
func (s *DB) Entity(ctx context.Context, id string) (store.EntityStats, error) {
	var e store.EntityStats
	err := s.query(ctx, func(db querier) error {
		var err error
		e, err = scanEntity(db.QueryRow(ctx, entitySelect+` WHERE m.entity_id = $2 GROUP BY m.entity_id`, int64(undated), id))
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return e, fmt.Errorf("postgres: entity %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return e, fmt.Errorf("postgres: entity %s: %w", id, err)
	}
	if e.Aliases, err = s.strings(ctx, "entity aliases", `SELECT text FROM mentions WHERE entity_id = $1 GROUP BY text ORDER BY count(*) DESC, text LIMIT 50`, id); err != nil {
		return e, err
	}
	if e.Roles, err = s.strings(ctx, "entity roles", `SELECT role FROM mentions WHERE entity_id = $1 AND role <> '' GROUP BY role ORDER BY count(*) DESC, role LIMIT 50`, id); err != nil {
		return e, err
	}
	return e, nil
}

// EntityArticles lists the articles that mention an entity, each with its
// headline (an untitled article's opening: the first 1,000 characters of
// the body are ample for news.Article.Headline).
func (s *DB) EntityArticles(ctx context.Context, id string, limit int) ([]news.ArticleRef, error) {
	as := args{id}
	q := limitOffset(`SELECT a.id, a.url, a.source, a.title, a.published, CASE WHEN btrim(a.title) = '' THEN left(a.body, 1000) ELSE '' END FROM articles a
		WHERE a.id IN (SELECT article_id FROM mentions WHERE entity_id = $1) ORDER BY a.sort_key, a.id`, &as, limit, 0)
	var out []news.ArticleRef
	err := s.query(ctx, func(db querier) error {
		out = out[:0]
		rows, err := db.Query(ctx, q, as...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var a news.Article
			var published string
			if err := rows.Scan(&a.ID, &a.URL, &a.Source, &a.Title, &published, &a.Body); err != nil {
				return err
			}
			a.Published = parseTime(published)
			out = append(out, a.Ref())
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: entity articles: %w", err)
	}
	return out, nil
}

// Related lists the entities mentioned most often in the same articles.
func (s *DB) Related(ctx context.Context, id string, limit int) ([]store.EntityStats, error) {
	as := args{int64(undated), id}
	q := limitOffset(entitySelect+` WHERE m.entity_id <> $2 AND m.article_id IN (SELECT article_id FROM mentions WHERE entity_id = $2)
		GROUP BY m.entity_id ORDER BY count(DISTINCT m.article_id) DESC, count(*) DESC, m.entity_id`, &as, limit, 0)
	return s.entities(ctx, "related", q, as...)
}

// PutStories inserts or replaces stories with their articles.
func (s *DB) PutStories(ctx context.Context, ss []news.Story) error {
	data := make([][]byte, len(ss))
	for i, st := range ss {
		if st.ID == "" {
			return errors.New("postgres: put stories: a story has no id")
		}
		b, err := json.Marshal(st)
		if err != nil {
			return fmt.Errorf("postgres: put stories: %s: %w", st.ID, err)
		}
		data[i] = b
	}
	err := s.tx(ctx, func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		for i, st := range ss {
			b.Queue(`INSERT INTO stories (id, title, first, last, data) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (id) DO UPDATE SET title = excluded.title, first = excluded.first, last = excluded.last, data = excluded.data`,
				st.ID, st.Title, storyTime(st.First, 0), storyTime(st.Last, 0), string(data[i]))
			b.Queue(`DELETE FROM story_articles WHERE story_id = $1`, st.ID)
			ids := make([]string, len(st.Articles))
			for k, a := range st.Articles {
				ids[k] = a.ID
			}
			b.Queue(`INSERT INTO story_articles (article_id, story_id) SELECT DISTINCT unnest($1::text[]), $2
				ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id`, ids, st.ID)
		}
		return tx.SendBatch(ctx, b).Close()
	})
	if err != nil {
		return fmt.Errorf("postgres: put stories: %w", err)
	}
	return nil
}

func storyTime(t time.Time, zero int64) int64 {
	if t.IsZero() {
		return zero
	}
	return t.Unix()
}

// Stories lists stories, most recently active first.
func (s *DB) Stories(ctx context.Context, from, to time.Time, limit, offset int) ([]news.Story, error) {
	as := args{storyTime(from, -1<<62), storyTime(to, 1<<62)}
	dated := ""
	if !from.IsZero() || !to.IsZero() { // a date bound leaves out stories of unknown date
		dated = " AND last <> 0"
	}
	q := limitOffset(`SELECT data FROM stories WHERE last >= $1 AND first < $2`+dated+` ORDER BY last DESC, id`, &as, limit, offset)
	data, err := s.strings(ctx, "stories", q, as...)
	if err != nil {
		return nil, err
	}
	out := make([]news.Story, 0, len(data))
	for _, d := range data {
		var st news.Story
		if err := json.Unmarshal([]byte(d), &st); err != nil {
			return nil, fmt.Errorf("postgres: stories: %w", err)
		}
		out = append(out, st)
	}
	return out, nil
}

// Story returns one story by ID.
func (s *DB) Story(ctx context.Context, id string) (news.Story, error) {
	var st news.Story
	var data string
	err := s.query(ctx, func(q querier) error {
		return q.QueryRow(ctx, `SELECT data FROM stories WHERE id = $1`, id).Scan(&data)
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return st, fmt.Errorf("postgres: story %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("postgres: story %s: %w", id, err)
	}
	if err := json.Unmarshal([]byte(data), &st); err != nil {
		return st, fmt.Errorf("postgres: story %s: %w", id, err)
	}
	return st, nil
}

// StoryOf returns the story an article belongs to.
func (s *DB) StoryOf(ctx context.Context, articleID string) (string, error) {
	var id string
	err := s.query(ctx, func(q querier) error {
		return q.QueryRow(ctx, `SELECT story_id FROM story_articles WHERE article_id = $1`, articleID).Scan(&id)
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("postgres: story of %s: %w", articleID, err)
	}
	return id, nil
}
