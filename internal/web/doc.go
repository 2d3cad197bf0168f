// Package web serves rasid's reading interface: server-rendered HTML pages
// over the archive — the latest stories, a story (summary, a timeline
// ordered by event date, people and places, quotes by speaker, its
// articles), an article with its entities and dates marked, an entity
// (aliases, roles, mentions over time, related entities) and search with
// facets and pages.
//
// Pages are Arabic and right to left by default, English and left to right
// with ?lang=en (remembered in a cookie). Every user-facing string is in
// one message catalog with both languages; numbers and dates follow the
// language: Arabic-Indic digits with the Arabic thousands separator (٬) and
// the Gregorian month names of Saudi and Gulf papers (يناير … ديسمبر) for
// Arabic, Latin digits and English month names for English.
//
// What callers can rely on:
//   - Ingested text is never rendered as markup. Marked text is built by
//     cutting the original at span boundaries (Unicode code points) and
//     letting html/template escape every piece; bad spans are dropped, never
//     a failed page.
//   - No external resources and no script: one stylesheet and an icon,
//     embedded, cached for a year under a content-hashed URL, and a strict
//     Content-Security-Policy (default-src 'none'; style-src 'self' …).
//   - A missing item is a 404 page, a store failure a 500 page whose detail
//     goes to the log, never to the reader.
//
// Handler takes its store and searcher through Config; `rasid serve` mounts
// it at "/" beside the JSON API.
package web
