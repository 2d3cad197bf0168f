package search

import (
	"strings"

	"github.com/rasid-news/rasid/internal/arabic"
)

// SampleQueries makes one-to-three-word queries from headlines, the kind
// the latency figures are measured on: the first one, two or three
// content words (stopwords left out) of each headline in turn, as written.
// Headlines with no content word give no query.
func SampleQueries(headlines []string) []string {
	var queries []string
	for i, h := range headlines {
		var words []string
		for _, t := range arabic.Tokenize(h) {
			if t.Kind == arabic.Word && !arabic.IsStopword(t.Norm) {
				words = append(words, t.Text)
			}
		}
		if n := min(len(words), i%3+1); n > 0 {
			queries = append(queries, strings.Join(words[:n], " "))
		}
	}
	return queries
}
