package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// evalTask is one subcommand of a command that groups several: a task of
// rasid eval, a model of rasid train, a measurement of rasid bench.
type evalTask struct {
	name    string
	summary string
	run     func(ctx context.Context, env Env, args []string) error
}

// group is a command whose first argument names one of its tasks.
type group struct {
	name    string // "eval"
	usage   string // the usage text before the list of tasks
	noun    string // what a task is called in errors: "task"
	missing string // the error when no task is named: "no task given"
	tasks   []evalTask
}

// run runs the task args[0] names with the rest of args; -h (or no task,
// or an unknown one, on stderr) prints the usage and the tasks.
func (g group) run(ctx context.Context, env Env, args []string) error {
	usage := func(w io.Writer) {
		fmt.Fprintln(w, g.usage)
		for _, t := range g.tasks {
			fmt.Fprintf(w, "  %-10s %s\n", t.name, t.summary)
		}
		fmt.Fprintf(w, "\nRun 'rasid %s %s -h' for its flags.\n", g.name, strings.ToUpper(g.noun))
	}
	if len(args) == 0 {
		usage(env.Stderr)
		return usagef("rasid %s: %s", g.name, g.missing)
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(env.Stdout)
		return nil
	}
	for _, t := range g.tasks {
		if t.name == args[0] {
			return t.run(ctx, env, args[1:])
		}
	}
	usage(env.Stderr)
	return usagef("rasid %s: unknown %s %q", g.name, g.noun, args[0])
}

// evalTasks lists the tasks of rasid eval.
func evalTasks() []evalTask {
	return []evalTask{
		{"quotes", "quote detection P/R/F1 and speaker accuracy (--gold quotes.jsonl --articles quote_articles.jsonl)", runEvalQuotes},
		{"ner", "entity recognition P/R/F1, micro and per type, on CoNLL data (--data dev.txt), or cross-validated (--cv K --data train.txt)", runEvalNER},
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
	return group{"eval", "Usage: rasid eval TASK [flags]\n\nMeasure quality on annotated data. Tasks:", "task", "no task given", evalTasks()}.run(ctx, env, args)
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
