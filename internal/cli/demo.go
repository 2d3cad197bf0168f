package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/rasid-news/rasid/internal/analysis"
	"github.com/rasid-news/rasid/internal/card"
	"github.com/rasid-news/rasid/internal/demo"
	"github.com/rasid-news/rasid/internal/ingest"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/story"
)

func runDemo(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "demo", "", "Ingest the example articles bundled with rasid into a temporary store and print what rasid finds in them.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "rasid demo: not yet")
	return nil
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
// articles, largest first.
func printCards(ctx context.Context, st store.Store, w io.Writer, min int) error {
	ss, err := st.Stories(ctx, time.Time{}, time.Time{}, 100, 0)
	if err != nil {
		return err
	}
	for _, s := range ss {
		if len(s.Articles) < min {
			continue
		}
		c, err := buildCard(ctx, st, s)
		if err != nil {
			return err
		}
		if err := c.Text(w); err != nil {
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
