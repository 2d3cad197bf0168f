package sqlite

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/store/storetest"
)

// TestSearchStatements: searches of every shape give the same result from
// their prepared statement as the first time, and after a reindex
// rebuilds the full-text table under them; the prepared statements stay
// within maxStmts, and a closed store answers an error.
func TestSearchStatements(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "rasid.db"))
	if err != nil {
		t.Fatal(err)
	}
	arts := storetest.PutDemo(t, s)
	terms := func(text string) [][]string { return [][]string{search.IndexTerms(text)} }
	queries := []store.SearchQuery{
		{Clauses: [][][]string{terms("مياه")}, Limit: 10},
		{Clauses: [][][]string{terms("مياه"), terms("اليرموك")}, Limit: 2, Offset: 1},
		{Clauses: [][][]string{terms("مياه")}, Not: terms("سوريا"), Limit: 10, Facets: true},
		{Clauses: [][][]string{terms("مياه")}, Limit: 10, Offset: 10_000},
		{Clauses: [][][]string{terms("زلزالبركان")}, Limit: 10},
		{Not: terms("مياه"), Limit: 5},
		{Sources: []string{arts[0].Source}, Limit: 5, Facets: true},
		{Limit: 5},
	}
	first := make([]store.SearchResult, len(queries))
	for i, q := range queries {
		if first[i], err = s.Search(ctx, q); err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
	}
	if err := s.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	for i, q := range queries {
		got, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("%+v again: %v", q, err)
		}
		if !reflect.DeepEqual(got, first[i]) {
			t.Errorf("%+v: %+v again, %+v first", q, got, first[i])
		}
		n, err := s.CountArticles(ctx, store.ArticleFilter{})
		if err != nil || got.Total > n {
			t.Errorf("%+v: total %d of %d articles (%v)", q, got.Total, n, err)
		}
	}
	if first[0].Total == 0 || first[1].Total == 0 {
		t.Fatalf("no match: %+v", first[:2])
	}
	if first[3].Total != first[0].Total || len(first[3].Hits) != 0 {
		t.Errorf("past the last page: total %d, %d hits; want %d, 0", first[3].Total, len(first[3].Hits), first[0].Total)
	}
	if n := len(s.stmts.m); n == 0 || n > maxStmts {
		t.Errorf("%d prepared statements", n)
	}
	s.Close()
	if _, err := s.Search(ctx, queries[0]); err == nil {
		t.Error("a closed store searched")
	}
}
