package cli

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/rasid-news/rasid/internal/dedup"
	"github.com/rasid-news/rasid/internal/eval"
	"github.com/rasid-news/rasid/internal/store"
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
