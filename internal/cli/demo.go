package cli

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/rasid-news/rasid/internal/analysis"
	"github.com/rasid-news/rasid/internal/card"
	"github.com/rasid-news/rasid/internal/dedup"
	"github.com/rasid-news/rasid/internal/demo"
	"github.com/rasid-news/rasid/internal/ingest"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/store/sqlite"
	"github.com/rasid-news/rasid/internal/story"
)

func runDemo(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "demo", "[--md]",
		"Ingest the example articles bundled with rasid (written by the rasid team: several\noutlets telling a few stories over a few months) into a temporary store, analyze\nthem, group them into stories and print the story cards.")
	asMD := fs.Bool("md", false, "print the story cards as Markdown, alone on stdout (what was done goes to stderr)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid demo: unexpected argument %q", fs.Arg(0))
	}
	dir, err := os.MkdirTemp("", "rasid-demo-")
	if err != nil {
		return fmt.Errorf("rasid demo: %w", err)
	}
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(ctx, filepath.Join(dir, "demo.db"))
	if err != nil {
		return fmt.Errorf("rasid demo: %w", err)
	}
	defer st.Close()
	ins, err := demoInputs()
	if err != nil {
		return fmt.Errorf("rasid demo: %w", err)
	}
	res, err := pipeline(ctx, st, ins, env.Stderr)
	if err != nil {
		return fmt.Errorf("rasid demo: %w", err)
	}
	dups, err := findDuplicates(ctx, st, dedup.DefaultOptions())
	if err != nil {
		return fmt.Errorf("rasid demo: %w", err)
	}
	// With --md, stdout is one Markdown document, the cards as rasid story
	// --md writes them, fit to save or pipe to a renderer; the lines that
	// say what the demo did are about the run, not the stories, and go to
	// stderr, where rasid writes its other progress notes.
	w := env.Stdout
	if *asMD {
		w = env.Stderr
	}
	fmt.Fprintf(w, "rasid demo: %s from %s bundled with rasid, in a temporary store\n", count(res.Ingested, "example article", "example articles"), count(len(ins), "input", "inputs"))
	fmt.Fprintf(w, "analyzed %d, grouped into %s; %s of near-duplicate copies\n\n", res.Analyzed, count(res.Cluster.Created, "story", "stories"), count(len(dups), "group", "groups"))
	return printCards(ctx, st, env.Stdout, 1, *asMD)
}

// demoInput is one input of the demo: a name and its content.
type demoInput struct {
	name string
	data []byte
}

// demoInputs returns the bundled example corpus as inputs: the JSONL file
// and the plain-text files.
func demoInputs() ([]demoInput, error) {
	ins := []demoInput{{"demo/articles.jsonl", demo.JSONL()}}
	files := demo.TextFiles()
	names, err := fs.Glob(files, "*.txt")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		data, err := fs.ReadFile(files, n)
		if err != nil {
			return nil, err
		}
		ins = append(ins, demoInput{"demo/txt/" + n, data})
	}
	return ins, nil
}

// pipelineResult says what pipeline did.
type pipelineResult struct {
	Ingested, Refused, Analyzed int
	Cluster                     clusterResult
}

// pipeline runs rasid's steps over inputs into st: ingest every input,
// analyze the articles, and add them to stories. Refused records are
// reported to log (nil: silent).
func pipeline(ctx context.Context, st store.Store, ins []demoInput, log io.Writer) (pipelineResult, error) {
	var res pipelineResult
	var arts []news.Article
	for _, in := range ins {
		err := ingest.Read(ctx, in.name, bytes.NewReader(in.data), ingest.Options{}, func(it ingest.Item) error {
			if it.Refused() {
				res.Refused++
				if log != nil {
					fmt.Fprintln(log, "refused:", it)
				}
				return nil
			}
			arts = append(arts, it.Article)
			return nil
		})
		if err != nil {
			return res, err
		}
	}
	if _, err := st.PutArticles(ctx, arts); err != nil {
		return res, err
	}
	res.Ingested = len(arts)
	an, err := analysis.Default()
	if err != nil {
		return res, err
	}
	var as []news.Analysis
	for _, a := range arts {
		as = append(as, an.Analyze(a))
	}
	if err := st.PutAnalyses(ctx, as); err != nil {
		return res, err
	}
	res.Analyzed = len(as)
	res.Cluster, err = clusterStore(ctx, st, story.DefaultOptions())
	return res, err
}

// printCards prints the card of every story of st with at least min
// articles, the largest first, as text or Markdown.
func printCards(ctx context.Context, st store.Store, w io.Writer, min int, markdown bool) error {
	var ss []news.Story
	const page = 500
	for off := 0; ; off += page {
		batch, err := st.Stories(ctx, time.Time{}, time.Time{}, page, off)
		if err != nil {
			return err
		}
		ss = append(ss, batch...)
		if len(batch) < page {
			break
		}
	}
	slices.SortStableFunc(ss, func(a, b news.Story) int {
		return cmp.Or(cmp.Compare(len(b.Articles), len(a.Articles)), a.First.Compare(b.First))
	})
	for _, s := range ss {
		if len(s.Articles) < min {
			continue
		}
		c, err := buildCard(ctx, st, s)
		if err != nil {
			return err
		}
		if markdown {
			err = c.Markdown(w)
		} else {
			err = c.Text(w)
		}
		if err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	return nil
}

// buildCard reads a story's articles and analyses and builds its card.
func buildCard(ctx context.Context, st store.Store, s news.Story) (card.Card, error) {
	var arts []news.Article
	analyses := map[string]news.Analysis{}
	for _, ref := range s.Articles {
		a, err := st.Article(ctx, ref.ID)
		if err != nil {
			return card.Card{}, fmt.Errorf("story %s: %w", s.ID, err)
		}
		arts = append(arts, a)
		if an, err := st.Analysis(ctx, ref.ID); err == nil {
			analyses[a.ID] = an
		}
	}
	return card.Build(s, arts, analyses, card.DefaultOptions()), nil
}
