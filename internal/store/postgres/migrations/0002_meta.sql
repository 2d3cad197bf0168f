-- 2: facts about the store itself, such as which build's index terms the
-- articles' tsv vectors hold (key index_terms, search.TermsFingerprint).
CREATE TABLE rasid_meta (
	key text COLLATE "C" PRIMARY KEY,
	value text NOT NULL
);
