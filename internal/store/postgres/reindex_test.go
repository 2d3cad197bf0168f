package postgres

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/store/storetest"
)

// TestReindexOnAnalyzerChange: a store whose vectors were made by another
// analyzer build (simulated: emptied vectors and another fingerprint) has
// them rebuilt when opened, and Reindex gives the same search results as
// the vectors written while storing.
func TestReindexOnAnalyzerChange(t *testing.T) {
	ctx := context.Background()
	dsn := freshDSN(t)
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	storetest.PutDemo(t, s)
	q := store.SearchQuery{Clauses: [][][]string{{search.IndexTerms("المياه")}}}
	before, err := s.Search(ctx, q)
	if err != nil || before.Total == 0 {
		t.Fatalf("search before: %d matches, %v", before.Total, err)
	}
	if _, err := s.pool.Exec(ctx, `UPDATE articles SET tsv = ''::tsvector`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.pool.Exec(ctx, `UPDATE rasid_meta SET value = 'another analyzer' WHERE key = $1`, termsKey); err != nil {
		t.Fatal(err)
	}
	if res, _ := s.Search(ctx, q); res.Total != 0 {
		t.Fatalf("the emptied vectors still find %d", res.Total)
	}
	s.Close()
	if s, err = Open(ctx, dsn); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	after, err := s.Search(ctx, q)
	if err != nil || !slices.Equal(hitIDs(after), hitIDs(before)) {
		t.Errorf("after reopening: %v, %v; want %v", hitIDs(after), err, hitIDs(before))
	}
	var have string
	if err := s.pool.QueryRow(ctx, `SELECT value FROM rasid_meta WHERE key = $1`, termsKey).Scan(&have); err != nil || have != search.TermsFingerprint() {
		t.Errorf("recorded index terms %q, %v; want %q", have, err, search.TermsFingerprint())
	}
	if _, err := s.pool.Exec(ctx, `UPDATE articles SET tsv = ''::tsvector`); err != nil {
		t.Fatal(err)
	}
	if err := s.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	if again, err := s.Search(ctx, q); err != nil || !slices.Equal(hitIDs(again), hitIDs(before)) {
		t.Errorf("after Reindex: %v, %v; want %v", hitIDs(again), err, hitIDs(before))
	}
}

func hitIDs(res store.SearchResult) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, fmt.Sprintf("%s %.4f", h.Article.ID, h.Score))
	}
	return out
}
