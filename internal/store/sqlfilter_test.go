package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

// qArgs is SQLArgs in SQLite's style: "?" and IN lists.
type qArgs []any

func (a *qArgs) Arg(v any) string { *a = append(*a, v); return "?" }
func (a *qArgs) In(col string, vals []string) string {
	for _, v := range vals {
		*a = append(*a, v)
	}
	return col + " IN (" + strings.TrimSuffix(strings.Repeat("?,", len(vals)), ",") + ")"
}

// dollarArgs is SQLArgs in PostgreSQL's style: "$N" and arrays.
type dollarArgs []any

func (a *dollarArgs) Arg(v any) string { *a = append(*a, v); return "$" + strconv.Itoa(len(*a)) }
func (a *dollarArgs) In(col string, vals []string) string {
	*a = append(*a, vals)
	return col + " = ANY($" + strconv.Itoa(len(*a)) + ")"
}

// TestFilterConds: the outlet and date conditions of both SQL stores, in
// each placeholder style, after a condition already there.
func TestFilterConds(t *testing.T) {
	from := time.Date(2015, 8, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2015, 8, 3, 0, 0, 0, 0, time.UTC)
	stored := func(context.Context) ([]string, error) {
		return []string{"الجزيرة", "الجزيره", "okaz"}, nil
	}
	for _, tc := range []struct {
		desc     string
		sources  []string
		from, to time.Time
		q, d     string // the conditions, "?" and "$N" styles
		args     string // the arguments in the "?" style
	}{
		{"none", nil, time.Time{}, time.Time{}, "x = ?", "x = $1", "[1]"},
		{"outlet", []string{"الجزيره"}, time.Time{}, time.Time{},
			"x = ? AND a.source IN (?,?)", "x = $1 AND a.source = ANY($2)", "[1 الجزيرة الجزيره]"},
		{"unknown outlet", []string{"nope"}, time.Time{}, time.Time{},
			"x = ? AND a.source IN (?)", "x = $1 AND a.source = ANY($2)", "[1 nope]"},
		{"from", nil, from, time.Time{},
			"x = ? AND a.sort_key >= ? AND a.sort_key < ?", "x = $1 AND a.sort_key >= $2 AND a.sort_key < $3",
			fmt.Sprintf("[1 %d %d]", from.Unix(), int64(UndatedSortKey))},
		{"to", nil, time.Time{}, to,
			"x = ? AND a.sort_key < ?", "x = $1 AND a.sort_key < $2", fmt.Sprintf("[1 %d]", to.Unix())},
		{"all", []string{"OKAZ"}, from, to,
			"x = ? AND a.source IN (?) AND a.sort_key >= ? AND a.sort_key < ?",
			"x = $1 AND a.source = ANY($2) AND a.sort_key >= $3 AND a.sort_key < $4",
			fmt.Sprintf("[1 okaz %d %d]", from.Unix(), to.Unix())},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			ctx := context.Background()
			qa := qArgs{1}
			conds, err := FilterConds(ctx, []string{"x = ?"}, &qa, stored, tc.sources, tc.from, tc.to)
			if got := strings.Join(conds, " AND "); err != nil || got != tc.q || fmt.Sprint(qa) != tc.args {
				t.Errorf("? style: %q %v, %v; want %q %v", got, qa, err, tc.q, tc.args)
			}
			da := dollarArgs{1}
			conds, err = FilterConds(ctx, []string{"x = $1"}, &da, stored, tc.sources, tc.from, tc.to)
			if got := strings.Join(conds, " AND "); err != nil || got != tc.d || len(da) != strings.Count(tc.d, "$") {
				t.Errorf("$N style: %q %v, %v; want %q", got, da, err, tc.d)
			}
		})
	}
	// The stored names are read only for an outlet filter, and an error
	// reading them is returned.
	fail := func(context.Context) ([]string, error) { return nil, errors.New("down") }
	if _, err := FilterConds(context.Background(), nil, &qArgs{}, fail, nil, from, to); err != nil {
		t.Errorf("no outlet filter: %v", err)
	}
	if _, err := FilterConds(context.Background(), nil, &qArgs{}, fail, []string{"okaz"}, from, to); err == nil {
		t.Error("the error of reading the stored names is lost")
	}
}
