-- 1: articles with their full-text vector, analyses with entity mentions,
-- stories, and the job queue. Text that is sorted on uses the "C"
-- collation, so that orders are code point orders as in the embedded store.
CREATE TABLE articles (
	seq bigserial PRIMARY KEY,
	id text COLLATE "C" NOT NULL UNIQUE,
	url text NOT NULL DEFAULT '',
	source text COLLATE "C" NOT NULL DEFAULT '',
	title text NOT NULL DEFAULT '',
	author text NOT NULL DEFAULT '',
	place text NOT NULL DEFAULT '',
	published text NOT NULL DEFAULT '', -- RFC 3339 with the input's zone
	sort_key bigint NOT NULL,           -- Unix seconds; undated: 2^62-1
	date_origin text NOT NULL DEFAULT '',
	date_confidence double precision NOT NULL DEFAULT 0,
	ingested text NOT NULL,
	body text NOT NULL,
	lang text NOT NULL DEFAULT '',
	superseded boolean NOT NULL DEFAULT false,
	tsv tsvector NOT NULL -- rasid's index terms: title weight A, body D
);
CREATE INDEX articles_order ON articles (sort_key, id);
CREATE INDEX articles_url ON articles (url) WHERE NOT superseded;
CREATE INDEX articles_source ON articles (source, sort_key);
CREATE INDEX articles_tsv ON articles USING gin (tsv);

CREATE TABLE analyses (
	article_id text COLLATE "C" PRIMARY KEY REFERENCES articles (id),
	analyzer text NOT NULL,
	data text NOT NULL,
	writes integer NOT NULL DEFAULT 1 -- times stored: exactly-once checks
);
CREATE TABLE mentions (
	article_id text COLLATE "C" NOT NULL REFERENCES articles (id),
	entity_id text COLLATE "C" NOT NULL,
	name text COLLATE "C" NOT NULL,
	type text COLLATE "C" NOT NULL,
	role text COLLATE "C" NOT NULL DEFAULT '',
	text text COLLATE "C" NOT NULL
);
CREATE INDEX mentions_entity ON mentions (entity_id, article_id);
CREATE INDEX mentions_article ON mentions (article_id);

CREATE TABLE stories (
	id text COLLATE "C" PRIMARY KEY,
	title text NOT NULL,
	first bigint NOT NULL,
	last bigint NOT NULL,
	data text NOT NULL
);
CREATE INDEX stories_last ON stories (last DESC, id);
CREATE TABLE story_articles (
	article_id text COLLATE "C" PRIMARY KEY,
	story_id text COLLATE "C" NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id);

CREATE TABLE jobs (
	id bigserial PRIMARY KEY,
	kind text NOT NULL,
	article_id text COLLATE "C" NOT NULL,
	state text NOT NULL DEFAULT 'queued',
	attempts integer NOT NULL DEFAULT 0,
	run_after timestamptz NOT NULL DEFAULT now(),
	lease_until timestamptz,
	worker text NOT NULL DEFAULT '',
	last_error text NOT NULL DEFAULT '',
	created timestamptz NOT NULL DEFAULT now(),
	updated timestamptz NOT NULL DEFAULT now(),
	UNIQUE (kind, article_id)
);
CREATE INDEX jobs_open ON jobs (id) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_state ON jobs (state);
