package store

import (
	"context"
	"time"
)

// UndatedSortKey is the sort key that store/sqlite and store/postgres give
// an article of unknown date: it sorts after every date, so such articles
// list last, and a date bound leaves them out.
const UndatedSortKey = 1<<62 - 1

// SQLArgs collects the arguments of one SQL statement in a backend's own
// placeholder style: Arg records a value and returns the text that stands
// for it ("?" in SQLite, "$N" in PostgreSQL); In records a list and returns
// the condition that col is one of its values ("col IN (?,?)" or
// "col = ANY($N)").
type SQLArgs interface {
	Arg(v any) string
	In(col string, vals []string) string
}

// FilterConds appends to conds the conditions of an outlet and date filter
// on the articles of a query (table alias a, columns source and sort_key),
// in the SQL both backends accept, recording their arguments in as:
//
//   - sources (any of), compared by SourceKey: stored reads the distinct
//     outlet names (DistinctSourcesSQL) and MatchSources picks those that
//     the names select, which the condition compares exactly, so that the
//     index on the outlet serves;
//   - the date range [from, to), a zero bound open; either bound leaves out
//     articles of unknown date (UndatedSortKey).
//
// stored is called only when sources is not empty.
func FilterConds(ctx context.Context, conds []string, as SQLArgs, stored func(context.Context) ([]string, error),
	sources []string, from, to time.Time) ([]string, error) {
	if len(sources) > 0 {
		names, err := stored(ctx)
		if err != nil {
			return conds, err
		}
		conds = append(conds, as.In("a.source", MatchSources(sources, names)))
	}
	if from.IsZero() && to.IsZero() {
		return conds, nil
	}
	if !from.IsZero() {
		conds = append(conds, "a.sort_key >= "+as.Arg(from.Unix()))
	}
	hi := int64(UndatedSortKey)
	if !to.IsZero() {
		hi = min(hi, to.Unix())
	}
	return append(conds, "a.sort_key < "+as.Arg(hi)), nil
}
