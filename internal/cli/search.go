package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store"
)

func runSearch(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "search", "[--db FILE] [--source NAME] [--limit N] [--page N] [--facets] [--json] QUERY…",
		"Search the stored articles, best match first. The query language: words (all\nmust match, in any inflection or with any clitic), \"exact phrases\", -word to\nexclude, OR between two terms, and the filters source:NAME, from:YYYY-MM-DD,\nto:YYYY-MM-DD, entity:ID and story:ID.")
	db := addDBFlag(fs, env)
	source := fs.String("source", "", "only articles of this outlet (same as source:NAME)")
	limit := fs.Int("limit", search.DefaultPageSize, fmt.Sprintf("hits per page (at most %d)", search.MaxPageSize))
	page := fs.Int("page", 1, "the page of results, from 1")
	facets := fs.Bool("facets", false, "also count the matches by source, month and entity")
	asJSON := fs.Bool("json", false, "print the result as JSON: total, hits with snippets and highlight spans (code points), facets")
	// Flags may come before or after the words of the query; an argument
	// that starts with "-" but names no flag is an exclusion (-word).
	flags, words := splitFlags(fs, args)
	if err := parseFlags(fs, flags); err != nil {
		return err
	}
	query := strings.Join(words, " ")
	if *source != "" {
		query += " source:" + strconv.Quote(*source)
	}
	if strings.TrimSpace(query) == "" {
		return usagef("rasid search: give a query")
	}
	st, err := openStore(ctx, env, *db)
	if err != nil {
		return fmt.Errorf("rasid search: %w", err)
	}
	defer st.Close()
	res, err := search.Engine{Store: st}.Search(ctx, search.Request{Query: query, Page: *page, PageSize: *limit, Facets: *facets})
	var qe *search.Error
	if errors.As(err, &qe) || errors.Is(err, search.ErrBeyondWindow) {
		return usagef("rasid search: %v", err)
	}
	if err != nil {
		return fmt.Errorf("rasid search: %w", err)
	}
	if *asJSON {
		return writeJSON(env.Stdout, res)
	}
	w := env.Stdout
	first := (res.Page-1)*res.PageSize + 1
	if len(res.Hits) == 0 {
		fmt.Fprintf(w, "%d matches\n", res.Total)
	} else {
		fmt.Fprintf(w, "%d matches, %d–%d:\n", res.Total, first, first+len(res.Hits)-1)
	}
	for i, h := range res.Hits {
		date := "undated"
		if !h.Article.Published.IsZero() {
			date = h.Article.Published.Format("2006-01-02")
		}
		fmt.Fprintf(w, "\n%d. %s  [%s %s %s]\n   %s\n", first+i, marked(h.Title), h.Article.Source, date, h.Article.ID, marked(h.Snippet))
	}
	for _, f := range []struct {
		name string
		fs   []facetRow
	}{{"sources", facetRows(res.BySource)}, {"months", facetRows(res.ByMonth)}, {"entities", facetRows(res.ByEntity)}} {
		if len(f.fs) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s:", f.name)
		for _, r := range f.fs {
			fmt.Fprintf(w, " %s (%d)", r.label, r.count)
		}
		fmt.Fprintln(w)
	}
	return nil
}

// marked writes a snippet for the terminal with the matches in 【brackets】.
func marked(s search.Snippet) string {
	rs := []rune(s.Text)
	var b strings.Builder
	at := 0
	for _, h := range s.Highlights {
		if h.Start < at || h.End > len(rs) {
			continue
		}
		b.WriteString(string(rs[at:h.Start]) + "【" + string(rs[h.Start:h.End]) + "】")
		at = h.End
	}
	b.WriteString(string(rs[at:]))
	return strings.Join(strings.Fields(b.String()), " ")
}

type facetRow struct {
	label string
	count int
}

func facetRows(fs []store.Facet) []facetRow {
	var out []facetRow
	for _, f := range fs {
		l := f.Label
		if l == "" {
			l = f.Value
		}
		out = append(out, facetRow{l, f.Count})
	}
	return out
}

// splitFlags separates the flags of fs (with their values) from the other
// arguments, wherever they stand; after "--" everything is an argument.
func splitFlags(fs *flag.FlagSet, args []string) (flags, rest []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return flags, append(rest, args[i+1:]...)
		}
		name, hasValue := strings.TrimLeft(a, "-"), false
		if n, _, ok := strings.Cut(name, "="); ok {
			name, hasValue = n, true
		}
		f := fs.Lookup(name)
		if !strings.HasPrefix(a, "-") || name == "" || f == nil {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !hasValue && !(ok && b.IsBoolFlag()) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return flags, rest
}
