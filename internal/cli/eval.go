package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
)

// evalTask is one task of rasid eval.
type evalTask struct {
	name    string
	summary string
	run     func(ctx context.Context, env Env, args []string) error
}

// evalTasks lists the tasks of rasid eval.
func evalTasks() []evalTask {
	return []evalTask{
		{"quotes", "quote detection P/R/F1 and speaker accuracy (--gold quotes.jsonl --articles quote_articles.jsonl)", runEvalQuotes},
		{"ner", "entity recognition P/R/F1, micro and per type, on CoNLL data (--data dev.txt)", runEvalNER},
		{"stem", "stem accuracy and pairwise conflation on word/stem gold data", runEvalStem},
		{"timex", "temporal expressions: Recognizers DateTime specs, Duckling corpus, or news annotations (--recognizers DIR | --duckling FILE | --gold FILE --articles FILE)", runEvalTimex},
		{"numbers", "numbers, ordinals, percentages and ranges on Recognizers Number specs (--recognizers DIR)", runEvalNumbers},
		{"cluster", "story clustering BCubed P/R/F1 on story labels (--gold dev_clusters.jsonl --data saudinewsnet/)", runEvalCluster},
		{"dedup", "near-duplicate pair P/R/F1 on judged pairs (--gold dev_pairs.jsonl --data saudinewsnet/)", runEvalDedup},
		{"names", "names kept intact and conflated with their clitic forms by the stemmer", runEvalNames},
		{"pubdate", "publication-date inference from content: coverage, exact-day and within-3-days accuracy (--data saudinewsnet/ | articles.jsonl)", runEvalPubdate},
		{"search", "known-item search: rephrased SaudiNewsNet headlines, share ranked first and in the top 10 (--data saudinewsnet/)", runEvalSearch},
	}
}

func runEval(ctx context.Context, env Env, args []string) error {
	usage := func(w io.Writer) {
		fmt.Fprintln(w, "Usage: rasid eval TASK [flags]\n\nMeasure quality on annotated data. Tasks:")
		for _, t := range evalTasks() {
			fmt.Fprintf(w, "  %-10s %s\n", t.name, t.summary)
		}
		fmt.Fprintln(w, "\nRun 'rasid eval TASK -h' for the flags of a task.")
	}
	if len(args) == 0 {
		usage(env.Stderr)
		return usagef("rasid eval: no task given")
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(env.Stdout)
		return nil
	}
	for _, t := range evalTasks() {
		if t.name == args[0] {
			return t.run(ctx, env, args[1:])
		}
	}
	usage(env.Stderr)
	return usagef("rasid eval: unknown task %q", args[0])
}

// requireCases refuses to score nothing: n is how many cases of the kind
// what the gold input at path holds.
func requireCases(path string, n int, what string) error {
	if n == 0 {
		return fmt.Errorf("%s holds no %s: nothing to score (is it the right file?)", path, what)
	}
	return nil
}

// writeJSON prints v as indented JSON, with Arabic left unescaped.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
