// Package ingest turns news inputs into articles ready to store: it reads
// plain text (with headline and dateline detection), JSON and JSONL in
// several shapes, TREC-style corpus files, HTML pages (main text through a
// readability library), RSS and Atom feeds, and zip and tar.gz archives of
// these, and says for every record it refuses which record it was and why.
//
// Readers are pure: an io.Reader comes in, Items go out through a callback,
// in input order. Nothing here opens files or the network; the caller walks
// paths and passes a fetch function (see package ingest/fetch) when feeds
// should be followed to their articles.
//
// What callers can rely on:
//   - One bad record never stops the rest: each is reported as an Item
//     whose Reason is set, naming the input and the line or item number.
//   - A date is never invented: Published is set only from a date the
//     input gives, and DateOrigin says so; otherwise both stay zero.
//   - An accepted article has valid UTF-8, a non-empty body within the size
//     limit, Arabic text (unless Lang is "any") and its ID set to
//     news.ArticleID(arabic.NormalizeString(Body), URL).
package ingest
