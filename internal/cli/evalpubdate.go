package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/rasid-news/rasid/internal/eval"
	"github.com/rasid-news/rasid/internal/timex"
)

func runEvalPubdate(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "eval pubdate", "--data DIR|FILE.jsonl [--split dev|test|all] [--json] [--errors]",
		"Score publication-date inference (timex.InferPublished): the date of each article\nis hidden and estimated from its title and body. --data is the SaudiNewsNet\ndirectory of zips (articles after 2015-08-01, whose date_extracted is the\npublication day) or a JSONL file of articles with url, date and content\n(../shared/data/temporal/news/timex_articles.jsonl). Prints coverage (share of\narticles given a day), exact-day and within-3-days accuracy over the covered\narticles and over all, and accuracy by confidence. --split picks the half by\nURL hash: dev (the rules were tuned on it) or test.")
	data := fs.String("data", "", "SaudiNewsNet directory of zips, or a JSONL file of dated articles")
	split := fs.String("split", "all", "dev, test or all")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	showErrors := fs.Bool("errors", false, "list every covered article whose day is wrong")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *data == "" {
		return usagef("rasid eval pubdate: --data is required")
	}
	if *split != "all" && *split != "dev" && *split != "test" {
		return usagef("rasid eval pubdate: --split must be dev, test or all, not %q", *split)
	}
	st, err := os.Stat(*data)
	if err != nil {
		return fmt.Errorf("rasid eval pubdate: %w", err)
	}
	var cases []eval.PubdateCase
	if st.IsDir() {
		arts, err := eval.ReadSaudiNewsNet(*data, nil)
		if err != nil {
			return fmt.Errorf("rasid eval pubdate: %w", err)
		}
		cases = eval.PubdateCasesFromNews(arts)
	} else if cases, err = readFile(*data, eval.ReadPubdateJSONL); err != nil {
		return fmt.Errorf("rasid eval pubdate: %w", err)
	}
	if *split != "all" {
		kept := cases[:0]
		for _, c := range cases {
			if eval.PubdateSplit(c.URL) == *split {
				kept = append(kept, c)
			}
		}
		cases = kept
	}
	if err := requireCases(*data, len(cases), "dated articles"); err != nil {
		return fmt.Errorf("rasid eval pubdate: %w", err)
	}
	rep := eval.ScorePubdate(cases, timex.InferPublished, *showErrors)
	if *asJSON {
		return writeJSON(env.Stdout, rep)
	}
	w := env.Stdout
	fmt.Fprintf(w, "articles %d, given a day %d (coverage %.3f)\n", rep.Articles, rep.Covered, rep.Coverage)
	fmt.Fprintf(w, "of covered: exact day %.3f (%d), within 3 days %.3f (%d)\n", rep.ExactOfCovered, rep.Exact, rep.Within3OfCovered, rep.Within3)
	fmt.Fprintf(w, "of all:     exact day %.3f, within 3 days %.3f\n", rep.ExactOfAll, rep.Within3OfAll)
	for _, b := range rep.ByConfidence {
		fmt.Fprintf(w, "confidence %.2f: %d articles, exact %d (%.3f)\n", b.Confidence, b.N, b.Exact, b.Accuracy)
	}
	for _, m := range rep.Errors {
		fmt.Fprintf(w, "gold %s inferred %s conf %.2f %s\n", m.Gold, m.Inferred, m.Confidence, m.URL)
	}
	return nil
}
