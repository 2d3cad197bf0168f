// Package news holds rasid's domain types: the article as stored, the analysis
// of an article, and the story. Every other package may import it; it imports
// nothing of rasid's, so that the analyzers, the store and the server agree on
// one shape of the data without depending on each other.
//
// JSON field names are a contract for users and for measurement (see
// schema/analysis.schema.json); change them only with the schema.
package news
