// Package eval reads annotated data sets and computes the quality metrics
// behind rasid eval: one file per task (stemming, names, entities, time
// expressions, numbers, quotes, clusters, duplicates), each a reader for
// the gold format and a scorer that returns a JSON-ready report.
package eval
