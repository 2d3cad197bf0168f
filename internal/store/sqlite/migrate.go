package sqlite

import (
	"context"
	"fmt"
)

// migrations is the schema, one step per version: the schema version
// (PRAGMA user_version) is the number of steps applied. Steps are only
// ever appended.
var migrations = []string{
	// 1: articles, their full-text index, analyses with entity mentions,
	// stories.
	`CREATE TABLE articles (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		id TEXT NOT NULL UNIQUE,
		url TEXT NOT NULL DEFAULT '',
		source TEXT NOT NULL DEFAULT '',
		title TEXT NOT NULL DEFAULT '',
		author TEXT NOT NULL DEFAULT '',
		place TEXT NOT NULL DEFAULT '',
		published TEXT NOT NULL DEFAULT '',
		sort_key INTEGER NOT NULL,
		date_origin TEXT NOT NULL DEFAULT '',
		date_confidence REAL NOT NULL DEFAULT 0,
		ingested TEXT NOT NULL,
		body TEXT NOT NULL,
		lang TEXT NOT NULL DEFAULT '',
		superseded INTEGER NOT NULL DEFAULT 0
	);
	CREATE INDEX articles_order ON articles (sort_key, id);
	CREATE INDEX articles_url ON articles (url);
	CREATE INDEX articles_source ON articles (source, sort_key);
	CREATE VIRTUAL TABLE articles_fts USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 0');
	CREATE TABLE analyses (
		article_id TEXT PRIMARY KEY REFERENCES articles (id),
		analyzer TEXT NOT NULL,
		data TEXT NOT NULL
	);
	CREATE TABLE mentions (
		article_id TEXT NOT NULL REFERENCES articles (id),
		entity_id TEXT NOT NULL,
		name TEXT NOT NULL,
		type TEXT NOT NULL,
		role TEXT NOT NULL DEFAULT '',
		text TEXT NOT NULL
	);
	CREATE INDEX mentions_entity ON mentions (entity_id, article_id);
	CREATE INDEX mentions_article ON mentions (article_id);
	CREATE TABLE stories (
		id TEXT PRIMARY KEY,
		title TEXT NOT NULL,
		first INTEGER NOT NULL,
		last INTEGER NOT NULL,
		data TEXT NOT NULL
	);
	CREATE INDEX stories_last ON stories (last DESC, id);
	CREATE TABLE story_articles (
		article_id TEXT PRIMARY KEY,
		story_id TEXT NOT NULL
	);
	CREATE INDEX story_articles_story ON story_articles (story_id);`,

	// 2: the full-text index keeps each of rasid's index terms whole and
	// stores no copy of them. Its columns are written as the terms joined
	// by spaces, so the tokenizer only has to split at spaces: the ascii
	// tokenizer takes every non-ASCII character as part of a token and,
	// with these tokenchars, all ASCII punctuation but the two quotes
	// (99.97, k-16, and a hashtag's joined words stay one term, as they
	// are one lexeme on PostgreSQL). It is also about twice as fast as
	// unicode61, which looked up the Unicode class of every character.
	// Contentless (content=''): search needs only MATCH and bm25, never
	// the indexed text back; articles are never deleted.
	`CREATE VIRTUAL TABLE articles_fts2 USING fts5 ` + ftsColumns + `;
	INSERT INTO articles_fts2 (rowid, title, body) SELECT rowid, title, body FROM articles_fts;
	DROP TABLE articles_fts;
	ALTER TABLE articles_fts2 RENAME TO articles_fts;`,

	// 3: facts about the store itself, such as which analyzer's terms the
	// full-text index holds (see syncIndex).
	`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;`,

	// 4: the two mention indexes cover the entity aggregates, so that they
	// read no mention rows: an entity's articles and type (entity lists,
	// of one type too), an article's entities (related entities, the
	// entity facet of a search).
	// A mention carries its article's sort key (which never changes: a
	// changed article is a new article), so an entity's first and last
	// dates come from the index too (4611686018427387903: undated).
	`ALTER TABLE mentions ADD COLUMN sort_key INTEGER NOT NULL DEFAULT 4611686018427387903;
	UPDATE mentions SET sort_key = (SELECT a.sort_key FROM articles a WHERE a.id = mentions.article_id);
	CREATE INDEX mentions_entity_type ON mentions (entity_id, type, sort_key, article_id);
	DROP INDEX mentions_entity;
	CREATE INDEX mentions_article_entity ON mentions (article_id, entity_id);
	DROP INDEX mentions_article;`,

	// 5: search joins every full-text match to its article for the
	// filters and the sort keys; superseded is stored after the body, so
	// reading it from the row walks past the body. This index holds what
	// the join reads (the facets' published too), so it reads no rows.
	`CREATE INDEX articles_match ON articles (seq, superseded, sort_key, id, source, published);`,
}

// ftsColumns declares the full-text index (schema step 2, and its rebuild
// by Reindex); changing it needs a new schema step that rebuilds the index.
const ftsColumns = `(title, body, content = '', tokenize = "ascii tokenchars '` + ftsTokenChars + `'")`

// ftsTokenChars are the ASCII characters besides letters and digits that
// the full-text tokenizer keeps inside a token: all punctuation but the
// quotes (which the FTS5 option syntax cannot carry simply) and space.
const ftsTokenChars = "!#$%&()*+,-./:;<=>?@[\\]^_`{|}~"

// migrate applies the steps the database has not seen, each in its own
// write transaction with its version, so that a crash leaves a whole
// version. The version is read inside the transaction, which holds the
// write lock from its start: processes opening a new store at once apply
// each step once.
func (s *DB) migrate(ctx context.Context) error {
	for {
		done := false
		var v int
		err := s.tx(ctx, func(tx sqlTx) error {
			if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
				return fmt.Errorf("read schema version: %w", err)
			}
			if v > len(migrations) {
				return fmt.Errorf("schema version %d is newer than this rasid knows (%d)", v, len(migrations))
			}
			if v == len(migrations) {
				done = true
				return nil
			}
			if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
				return fmt.Errorf("migrate to schema version %d: %w", v+1, err)
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, v+1))
			return err
		})
		if err != nil || done {
			return err
		}
	}
}
