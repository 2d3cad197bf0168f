package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/rasid-news/rasid/internal/dedup"
	"github.com/rasid-news/rasid/internal/eval"
	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/story"
)

func runEvalDedup(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "eval dedup", "--gold FILE --data DIR [--json] [--errors]",
		"Find near-duplicates among the articles of judged pairs (in publication order,\ntitle and body, default options) and score the judged pairs: precision,\nrecall and F1 of the verified copies, and the share of independent reports of\none story that were flagged. Bodies come from the SaudiNewsNet zips in DIR.")
	goldPath := fs.String("gold", "", "judged pairs, JSONL (internal/dedup/testdata/dev_pairs.jsonl)")
	dir := fs.String("data", "", "the SaudiNewsNet zips (../shared/data/news/saudinewsnet)")
	fs.StringVar(dir, "news", "", "same as --data")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	showErrors := fs.Bool("errors", false, "list every missed copy and false alarm")
	opt := dedup.DefaultOptions()
	fs.IntVar(&opt.Bands, "bands", opt.Bands, "LSH bands (to explore; the default is fitted)")
	fs.IntVar(&opt.Rows, "rows", opt.Rows, "LSH rows per band")
	fs.Float64Var(&opt.MinContainment, "containment", opt.MinContainment, "least containment of a copy")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *goldPath == "" || *dir == "" {
		return usagef("rasid eval dedup: --gold and --data are required")
	}
	rep, err := evalDedup(*goldPath, *dir, opt, *showErrors)
	if err != nil {
		return fmt.Errorf("rasid eval dedup: %w", err)
	}
	if *asJSON {
		return writeJSON(env.Stdout, rep)
	}
	w := env.Stdout
	p := rep.PRF
	fmt.Fprintf(w, "judged pairs %d (%d verified copies), duplicate groups %d\n", rep.Pairs, rep.Verified, rep.Groups)
	fmt.Fprintf(w, "copies  P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)\n", p.Precision, p.Recall, p.F1, p.TP, p.FP, p.FN)
	fmt.Fprintf(w, "independent reports of one story flagged: %d of %d (%.1f%%)\n", rep.IndependentFound, rep.IndependentSame, 100*rep.Independent)
	for _, g := range rep.Misses {
		fmt.Fprintf(w, "miss        %.2f %s %s\n", g.Containment, g.A, g.B)
	}
	for _, g := range rep.FalseAlarms {
		fmt.Fprintf(w, "false alarm %.2f %s %s\n", g.Containment, g.A, g.B)
	}
	return nil
}

// evalDedup indexes the articles of judged pairs in publication order and
// scores the pairs.
func evalDedup(goldPath, dir string, opt dedup.Options, errors bool) (eval.DedupReport, error) {
	f, err := os.Open(goldPath)
	if err != nil {
		return eval.DedupReport{}, err
	}
	defer f.Close()
	gold, err := eval.ReadDedupGold(f, goldPath)
	if err != nil {
		return eval.DedupReport{}, err
	}
	want := eval.DedupURLs(gold)
	arts, err := eval.ReadSaudiNewsNet(dir, func(url string) bool { return want[url] })
	if err != nil {
		return eval.DedupReport{}, err
	}
	if len(arts) != len(want) {
		return eval.DedupReport{}, fmt.Errorf("%d of the %d judged articles not found in %s", len(want)-len(arts), len(want), dir)
	}
	return eval.RunDedup(gold, arts, opt, errors), nil
}

// storyListItem is one story of rasid stories --json.
type storyListItem struct {
	ID       string         `json:"id"`
	Title    string         `json:"title"`
	First    time.Time      `json:"first,omitzero"`
	Last     time.Time      `json:"last,omitzero"`
	Articles []storyArticle `json:"articles"`
}

// storyArticle is an article of a listed story.
type storyArticle struct {
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	Source    string    `json:"source"`
	Published time.Time `json:"published,omitzero"`
}

// listStories returns every story active in [from, to), most recently
// active first.
func listStories(ctx context.Context, st store.Store, from, to time.Time) ([]storyListItem, error) {
	out := []storyListItem{}
	const page = 500
	for off := 0; ; off += page {
		ss, err := st.Stories(ctx, from, to, page, off)
		if err != nil {
			return nil, err
		}
		for _, s := range ss {
			it := storyListItem{ID: s.ID, Title: s.Title, First: s.First, Last: s.Last, Articles: []storyArticle{}}
			for _, a := range s.Articles {
				it.Articles = append(it.Articles, storyArticle{ID: a.ID, URL: a.URL, Source: a.Source, Published: a.Published})
			}
			out = append(out, it)
		}
		if len(ss) < page {
			return out, nil
		}
	}
}

// dupRef names an article of a duplicate group.
type dupRef struct {
	ID  string `json:"id"`
	URL string `json:"url"`
}

// dupGroup is one group of rasid duplicates --json.
type dupGroup struct {
	Canonical dupRef   `json:"canonical"`
	Copies    []dupRef `json:"copies"`
}

// findDuplicates indexes every current article of st (title and body) in
// publication order and returns the near-duplicate groups.
func findDuplicates(ctx context.Context, st store.Store, opt dedup.Options) ([]dupGroup, error) {
	ix := dedup.New(opt)
	const page = 1000
	for after := ""; ; {
		arts, err := st.Articles(ctx, store.ArticleFilter{After: after, Limit: page})
		if err != nil {
			return nil, err
		}
		for _, a := range arts {
			ix.Add(dedup.Doc{ID: a.ID, URL: a.URL, Published: a.Published, Text: a.Title + "\n" + a.Body})
		}
		if len(arts) < page {
			break
		}
		after = arts[len(arts)-1].ID
	}
	out := []dupGroup{}
	for _, g := range ix.Groups() {
		c := ix.Doc(g.Canonical)
		dg := dupGroup{Canonical: dupRef{c.ID, c.URL}, Copies: []dupRef{}}
		for _, i := range g.Copies {
			d := ix.Doc(i)
			dg.Copies = append(dg.Copies, dupRef{d.ID, d.URL})
		}
		out = append(out, dg)
	}
	return out, nil
}
func runCluster(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "cluster", "[--db FILE] [--json]",
		"Add the analyzed articles that are in no story yet to stories, online, in\npublication order, and store the stories. Stories already formed are never\nrecomputed: the clusterer's state is rebuilt from the stored stories that can\nstill take articles, and only new articles are assigned.")
	db := addDBFlag(fs, env)
	asJSON := fs.Bool("json", false, "print what was done as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid cluster: unexpected argument %q", fs.Arg(0))
	}
	st, err := openArchive(ctx, env, *db)
	if err != nil {
		return fmt.Errorf("rasid cluster: %w", err)
	}
	defer st.Close()
	res, err := clusterStore(ctx, st, story.DefaultOptions())
	if err != nil {
		return fmt.Errorf("rasid cluster: %w", err)
	}
	if *asJSON {
		return writeJSON(env.Stdout, res)
	}
	fmt.Fprintf(env.Stdout, "%s clustered (%d left unanalyzed): %s started, %d continued, %d went dormant",
		count(res.New, "new article", "new articles"), res.Unanalyzed, count(res.Created, "story", "stories"), res.Joined, res.Slept)
	if res.Woke > 0 {
		fmt.Fprintf(env.Stdout, ", %d marked active", res.Woke)
	}
	fmt.Fprintf(env.Stdout, "; %d stored\n", res.Stories)
	return nil
}

func runStories(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "stories", "[--db FILE] [--since DATE] [--until DATE] [--json]",
		"List the stories active in a period, most recently active first.")
	db := addDBFlag(fs, env)
	since := fs.String("since", "", "only stories active on or after this day (YYYY-MM-DD)")
	until := fs.String("until", "", "only stories active before the end of this day (YYYY-MM-DD)")
	asJSON := fs.Bool("json", false, `print a JSON array of {"id","title","articles":[{"id","url","source","published"}]}`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid stories: unexpected argument %q", fs.Arg(0))
	}
	from, err := parseDay(*since)
	if err != nil {
		return usagef("rasid stories: --since: %v", err)
	}
	to, err := parseDay(*until)
	if err != nil {
		return usagef("rasid stories: --until: %v", err)
	}
	if !to.IsZero() {
		to = to.AddDate(0, 0, 1)
	}
	st, err := openReadStore(ctx, env, *db)
	if err != nil {
		return fmt.Errorf("rasid stories: %w", err)
	}
	defer st.Close()
	ss, err := listStories(ctx, st, from, to)
	if err != nil {
		return fmt.Errorf("rasid stories: %w", err)
	}
	if *asJSON {
		return writeJSON(env.Stdout, ss)
	}
	for _, s := range ss {
		names := make([]string, len(s.Articles))
		for i, a := range s.Articles {
			names[i] = a.Source
		}
		outlets := store.CountSources(names)
		fmt.Fprintf(env.Stdout, "%s  %-21s  %3d %-9s %s  %s\n", s.ID, spanOf(s.First, s.Last), len(s.Articles), noun(len(s.Articles), "article,", "articles,"), count(outlets, "outlet", "outlets"), s.Title)
	}
	return nil
}

// spanOf writes a story's time span by day; a missing date is
// "undated" (listDay), as rasid search and the story card say it.
func spanOf(first, last time.Time) string {
	a, b := listDay(first), listDay(last)
	switch {
	case a == b:
		return a
	case first.Year() == last.Year():
		return a + "…" + b[5:] // one year: 2015-08-01…08-03
	}
	return a + "…" + b
}

// parseDay reads YYYY-MM-DD ("" is the zero time).
func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date YYYY-MM-DD", s)
	}
	return t, nil
}

func runStory(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "story", "ID [--db FILE] [--json | --md | --html]",
		"Print the card of one story: title, time span, outlets, key entities with\ntheir roles, quotes by speaker, key figures, timeline of dated events and a\nsummary, every line citing its article.")
	db := addDBFlag(fs, env)
	asJSON := fs.Bool("json", false, "print the card as JSON (timeline, entities, quotes, summary, …)")
	asMD := fs.Bool("md", false, "print the card as Markdown")
	asHTML := fs.Bool("html", false, "print the card as an HTML page")
	if err := parseFlags(fs, reorderArgs(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("rasid story: want one story ID, got %d arguments", fs.NArg())
	}
	n := 0
	for _, b := range []bool{*asJSON, *asMD, *asHTML} {
		if b {
			n++
		}
	}
	if n > 1 {
		return usagef("rasid story: choose one of --json, --md and --html")
	}
	st, err := openReadStore(ctx, env, *db)
	if err != nil {
		return fmt.Errorf("rasid story: %w", err)
	}
	defer st.Close()
	s, err := st.Story(ctx, fs.Arg(0))
	if errors.Is(err, store.ErrNotFound) {
		// An article's id given for its story's: say which story holds it.
		if sid, serr := st.StoryOf(ctx, fs.Arg(0)); serr == nil && sid != "" {
			return fmt.Errorf("rasid story: %q is an article; its story is %s (rasid story %s)", fs.Arg(0), sid, sid)
		}
		return fmt.Errorf("rasid story: no story %q (rasid stories lists them)", fs.Arg(0))
	} else if err != nil {
		return fmt.Errorf("rasid story: %w", err)
	}
	c, err := buildCard(ctx, st, s)
	if err != nil {
		return fmt.Errorf("rasid story: %w", err)
	}
	switch {
	case *asJSON:
		return writeJSON(env.Stdout, c)
	case *asMD:
		return c.Markdown(env.Stdout)
	case *asHTML:
		return c.HTML(env.Stdout)
	}
	return c.Text(env.Stdout)
}

// reorderArgs moves flags before positional arguments, so that
// "story ID --json" parses like "story --json ID".
func reorderArgs(args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			pos = append(pos, args[i+1:]...)
			i = len(args)
		case strings.HasPrefix(a, "-") && len(a) > 1:
			flags = append(flags, a)
			if (a == "--db" || a == "-db") && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			pos = append(pos, a)
		}
	}
	return append(flags, pos...)
}

func runDuplicates(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "duplicates", "[--db FILE] [--json]",
		"List the groups of near-duplicate articles (wire copy republished with small\nedits), each with its canonical copy: the earliest, then the longest.")
	db := addDBFlag(fs, env)
	asJSON := fs.Bool("json", false, `print a JSON array of {"canonical":{"id","url"},"copies":[{"id","url"}]}`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid duplicates: unexpected argument %q", fs.Arg(0))
	}
	st, err := openReadStore(ctx, env, *db)
	if err != nil {
		return fmt.Errorf("rasid duplicates: %w", err)
	}
	defer st.Close()
	groups, err := findDuplicates(ctx, st, dedup.DefaultOptions())
	if err != nil {
		return fmt.Errorf("rasid duplicates: %w", err)
	}
	if *asJSON {
		return writeJSON(env.Stdout, groups)
	}
	for _, g := range groups {
		fmt.Fprintf(env.Stdout, "%s %s\n", g.Canonical.ID, g.Canonical.URL)
		for _, c := range g.Copies {
			fmt.Fprintf(env.Stdout, "  = %s %s\n", c.ID, c.URL)
		}
	}
	return nil
}
