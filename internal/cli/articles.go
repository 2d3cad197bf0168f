package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
)

// printIndentedJSON writes v as indented JSON, HTML characters unescaped.
func printIndentedJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// parseListDay reads a day YYYY-MM-DD (or a time YYYY-MM-DDTHH:MM[:SS], UTC).
func parseListDay(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date YYYY-MM-DD", s)
}

// listDay formats a publication time for listings: the day, or
// "undated" when unknown, as rasid stories, rasid search and the story
// card say it.
func listDay(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	return t.Format(time.DateOnly)
}

func runArticles(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "articles", "[--source S] [--from DATE] [--to DATE] [--limit N] [--json]",
		"List stored articles in publication order (undated ones last): ID, day, source and title.")
	dbPath := addDBFlag(fs, env)
	source := fs.String("source", "", "only these outlets (comma-separated)")
	from := fs.String("from", "", "only articles published on or after this day (YYYY-MM-DD)")
	to := fs.String("to", "", "only articles published on or before this day (YYYY-MM-DD)")
	limit := fs.Int("limit", 50, "at most this many articles (0: all)")
	offset := fs.Int("offset", 0, "skip this many articles first")
	asJSON := fs.Bool("json", false, "print the articles (with their bodies) as a JSON array")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid articles: unexpected argument %q", fs.Arg(0))
	}
	var f store.ArticleFilter
	if *source != "" {
		for _, s := range strings.Split(*source, ",") {
			if s = strings.TrimSpace(s); s != "" {
				f.Sources = append(f.Sources, s)
			}
		}
	}
	if *from != "" {
		t, err := parseListDay(*from)
		if err != nil {
			return usagef("rasid articles: --from: %v", err)
		}
		f.From = t
	}
	if *to != "" {
		t, err := parseListDay(*to)
		if err != nil {
			return usagef("rasid articles: --to: %v", err)
		}
		if len(*to) == len(time.DateOnly) {
			t = t.AddDate(0, 0, 1) // the whole day
		}
		f.To = t
	}
	if *limit < 0 || *offset < 0 {
		return usagef("rasid articles: --limit and --offset must not be negative")
	}
	f.Limit, f.Offset = *limit, *offset
	st, err := openReadStore(ctx, env, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	arts, err := st.Articles(ctx, f)
	if err != nil {
		return fmt.Errorf("rasid articles: %w", err)
	}
	if *asJSON {
		if arts == nil {
			arts = []news.Article{}
		}
		return printIndentedJSON(env.Stdout, arts)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for _, a := range arts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.ID, listDay(a.Published), a.Source, oneLineTitle(a.Headline(), 80))
	}
	return tw.Flush()
}

// oneLineTitle shortens s to n characters on one line.
func oneLineTitle(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func runArticle(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "article", "[--json] ID", "Print one stored article: its metadata and body.")
	dbPath := addDBFlag(fs, env)
	asJSON := fs.Bool("json", false, "print the article as JSON")
	ids, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(ids) != 1 {
		return usagef("rasid article: give one article ID")
	}
	st, err := openReadStore(ctx, env, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := st.Article(ctx, ids[0])
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("rasid article: no article %q", ids[0])
	}
	if err != nil {
		return fmt.Errorf("rasid article: %w", err)
	}
	if *asJSON {
		return printIndentedJSON(env.Stdout, a)
	}
	w := env.Stdout
	if a.Title != "" {
		fmt.Fprintf(w, "%s\n\n", a.Title)
	}
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-10s %s\n", name+":", v)
		}
	}
	field("id", a.ID)
	field("source", a.Source)
	field("url", a.URL)
	field("author", a.Author)
	field("place", a.Place)
	switch {
	case a.Published.IsZero():
		field("published", "unknown")
	case a.DateOrigin == news.DateInferred:
		field("published", fmt.Sprintf("%s (inferred, confidence %.2f)", a.Published.Format(time.RFC3339), a.DateConfidence))
	default:
		field("published", a.Published.Format(time.RFC3339))
	}
	if !a.Ingested.IsZero() {
		field("ingested", a.Ingested.Format(time.RFC3339))
	}
	if a.Superseded {
		field("version", "superseded by a newer version of the same URL")
	}
	fmt.Fprintf(w, "\n%s\n", a.Body)
	return nil
}

func runSources(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "sources", "[--json]", "List the outlets in the archive with their article counts and date spans.")
	dbPath := addDBFlag(fs, env)
	asJSON := fs.Bool("json", false, "print as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid sources: unexpected argument %q", fs.Arg(0))
	}
	st, err := openReadStore(ctx, env, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	srcs, err := st.Sources(ctx)
	if err != nil {
		return fmt.Errorf("rasid sources: %w", err)
	}
	if *asJSON {
		if srcs == nil {
			srcs = []store.SourceStats{}
		}
		return printIndentedJSON(env.Stdout, srcs)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "articles\tfirst\tlast\t\tsource")
	for _, s := range srcs {
		name := s.Source
		if name == "" {
			name = "(unknown)"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t\t%s\n", s.Articles, listDay(s.First), listDay(s.Last), name)
	}
	return tw.Flush()
}

func runStats(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "stats", "[--json]", "Summarize the archive: articles, versions, undated articles, outlets, analyses, entities, stories, date span.")
	dbPath := addDBFlag(fs, env)
	asJSON := fs.Bool("json", false, "print as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid stats: unexpected argument %q", fs.Arg(0))
	}
	st, err := openReadStore(ctx, env, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return fmt.Errorf("rasid stats: %w", err)
	}
	if *asJSON {
		return printIndentedJSON(env.Stdout, s)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "articles\t%d\n", s.Articles)
	fmt.Fprintf(tw, "superseded versions\t%d\n", s.Superseded)
	fmt.Fprintf(tw, "undated\t%d\n", s.Undated)
	fmt.Fprintf(tw, "sources\t%d\n", s.Sources)
	fmt.Fprintf(tw, "analyzed\t%d\n", s.Analyzed)
	fmt.Fprintf(tw, "entities\t%d\n", s.Entities)
	fmt.Fprintf(tw, "stories\t%d\n", s.Stories)
	if s.Articles > 0 { // an empty archive has no first day, dated or not
		fmt.Fprintf(tw, "first\t%s\n", listDay(s.First))
		fmt.Fprintf(tw, "last\t%s\n", listDay(s.Last))
	}
	return tw.Flush()
}
