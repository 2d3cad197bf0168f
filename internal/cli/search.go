package cli

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/ingest"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/store/sqlite"
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
	switch {
	case *limit < 1 || *limit > search.MaxPageSize:
		return usagef("rasid search: --limit %d: want 1 to %d hits per page", *limit, search.MaxPageSize)
	case *page < 1:
		return usagef("rasid search: --page %d: pages are numbered from 1", *page)
	case *page > search.MaxWindow / *limit:
		return usagef("rasid search: --page %d with --limit %d reaches past result %d, the last one served; narrow the query instead",
			*page, *limit, search.MaxWindow)
	}
	query := strings.Join(words, " ")
	if *source != "" {
		query += " source:" + strconv.Quote(*source)
	}
	if q, err := search.Parse(query); err == nil && q.Empty() {
		return usagef("rasid search: %v", search.ErrEmptyQuery) // as the engine would, before opening the store
	}
	st, err := openReadStore(ctx, env, *db)
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
	if res.Relaxed {
		fmt.Fprintln(w, "no article has every word; these have some of them, most first")
	}
	if len(res.Hits) == 0 {
		fmt.Fprintf(w, "%s\n", count(res.Total, "match", "matches"))
	} else {
		fmt.Fprintf(w, "%s, %d–%d:\n", count(res.Total, "match", "matches"), first, first+len(res.Hits)-1)
	}
	for i, h := range res.Hits {
		date := listDay(h.Article.Published)
		source := h.Article.Source
		if source == "" {
			source = "(unknown)"
		}
		title := marked(h.Title)
		if title == "" {
			// Untitled: named by its opening, as rasid articles and the
			// web pages name it (news.ArticleRef.Headline).
			title = cmp.Or(oneLineTitle(h.Article.Headline, 80), "(no headline)")
		}
		fmt.Fprintf(w, "\n%d. %s  [%s %s %s]\n   %s\n", first+i, title, source, date, h.Article.ID, marked(h.Snippet))
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
		if a == "-h" || a == "-help" || a == "--help" {
			flags = append(flags, a)
			continue
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

// runEvalSearch measures known-item search: SaudiNewsNet is stored in a
// temporary store, and for evenly spread headlines the rephrased headline
// (search.Rephrase) is searched.
func runEvalSearch(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "eval search", "--data DIR [--n 500] [--json] [--errors]",
		"Known-item search over SaudiNewsNet: every article of the zips in DIR is stored\nin a temporary store; for N headlines spread evenly over the archive (unique,\nwith three content words or more), the headline rephrased with other\ninflections and clitics (search.Rephrase) is searched, and the share of\nheadlines whose article ranks first and in the top 10 is reported.")
	dir := fs.String("data", "", "the SaudiNewsNet zips (../shared/data/news/saudinewsnet)")
	n := fs.Int("n", 500, "headlines to search")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	showErrors := fs.Bool("errors", false, "list the headlines whose article is not in the top 10")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dir == "" {
		return usagef("rasid eval search: --data is required")
	}
	tmp, err := os.MkdirTemp("", "rasid-eval-search")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	st, err := sqlite.Open(ctx, filepath.Join(tmp, "eval.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	arts, err := loadSaudiNewsNet(ctx, st, *dir)
	if err != nil {
		return fmt.Errorf("rasid eval search: %w", err)
	}
	e, sample := search.Engine{Store: st}, search.KnownItemSample(arts, *n)
	vocab := map[string]bool{}
	for _, a := range arts {
		for _, t := range arabic.Tokenize(a.Title + "\n" + a.Body) {
			if t.Kind == arabic.Word {
				vocab[t.Norm] = true
			}
		}
	}
	known := func(w string) bool { return vocab[w] }
	rep, err := search.RunKnownItem(ctx, e, sample, func(h string) string { return search.Rephrase(h, known) })
	if err != nil {
		return fmt.Errorf("rasid eval search: %w", err)
	}
	plain, err := search.RunKnownItem(ctx, e, sample, func(s string) string { return s })
	if err != nil {
		return fmt.Errorf("rasid eval search: %w", err)
	}
	rep.PlainTop1, rep.PlainTop10 = plain.Top1, plain.Top10
	if !*showErrors {
		rep.Missed = nil
	}
	if *asJSON {
		return writeJSON(env.Stdout, rep)
	}
	fmt.Fprintf(env.Stdout, "archive %d articles; %d rephrased headlines: first %.1f%%, top 10 %.1f%% (the headlines as written: %.1f%%, %.1f%%)\n",
		len(arts), rep.Queries, 100*rep.Top1, 100*rep.Top10, 100*rep.PlainTop1, 100*rep.PlainTop10)
	for _, m := range rep.Missed {
		fmt.Fprintf(env.Stdout, "miss %s  total %d  %s\n", m.Want, m.Total, m.Query)
	}
	return nil
}

// loadSaudiNewsNet stores the articles of the zips in dir and returns them
// as stored (the current versions), in input order.
func loadSaudiNewsNet(ctx context.Context, st store.Store, dir string) ([]news.Article, error) {
	zips, _ := filepath.Glob(filepath.Join(dir, "*.zip"))
	if len(zips) == 0 {
		return nil, fmt.Errorf("no SaudiNewsNet zips in %s", dir)
	}
	var all, batch []news.Article
	flush := func() error {
		_, err := st.PutArticles(ctx, batch)
		batch = batch[:0]
		return err
	}
	for _, z := range zips {
		f, err := os.Open(z)
		if err != nil {
			return nil, err
		}
		err = ingest.Read(ctx, z, f, ingest.Options{}, func(it ingest.Item) error {
			if it.Refused() {
				return nil
			}
			all = append(all, it.Article)
			if batch = append(batch, it.Article); len(batch) == 500 {
				return flush()
			}
			return nil
		})
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	// Keep the current version of each article only.
	var cur []news.Article
	for _, a := range all {
		if got, err := st.Article(ctx, a.ID); err == nil && !got.Superseded {
			cur = append(cur, got)
		}
	}
	return cur, nil
}
