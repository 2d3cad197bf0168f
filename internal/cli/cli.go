// Package cli implements the rasid command line: it parses flags, wires
// the packages that do the work, and prints. It holds no analysis logic.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Env is what a command reads from and writes to, passed explicitly so
// that commands can be tested without touching the process.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

// OSEnv returns the Env of the running process.
func OSEnv() Env {
	return Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
}

// command is one subcommand of rasid.
type command struct {
	name    string
	summary string
	// run executes the command with the arguments after its name.
	run func(ctx context.Context, env Env, args []string) error
}

// commands lists every subcommand, in the order rasid help shows them.
func commands() []command {
	return []command{
		{"demo", "ingest the bundled example articles into a temporary store and show what rasid finds", runDemo},
		{"ingest", "store news articles from files, directories, archives, feeds or URLs", runIngest},
		{"articles", "list stored articles, by source and date", runArticles},
		{"article", "print one stored article", runArticle},
		{"sources", "list the outlets in the archive with their counts and date spans", runSources},
		{"stats", "summarize the archive", runStats},
		{"search", "search the stored articles: words in any inflection, \"phrases\", -exclusions, OR, filters; snippets and facets", runSearch},
		{"serve", "serve the HTTP JSON API (/api/v1/), /healthz, /metrics and the web interface, on 127.0.0.1:8080 by default", runServe},
		{"worker", "analyze enqueued articles and cluster stories (many workers on PostgreSQL)", runWorker},
		{"jobs", "show the analysis job queue of a PostgreSQL store: counts by state, dead-lettered errors", runJobs},
		{"migrate", "copy an archive between stores (SQLite ⇄ PostgreSQL), verified by counts and checksums", runMigrate},
		{"tokens", "split text on stdin into sentences and tokens with spans, normal form and stem", runTokens},
		{"stem", "stem one word per line from stdin: word<TAB>stem", runStem},
		{"ner", "tag named entities (PERS, LOC, ORG, MISC) in CoNLL tokens on stdin", runNER},
		{"train", "train a model from annotated data (train ner …)", runTrain},
		{"quotes", "find the quotes of an article on stdin, with cue and speaker, as JSON", runQuotes},
		{"analyze", "analyze articles (plain text or --jsonl): entities, dates, quantities, quotes with spans, as JSON lines", runAnalyze},
		{"reanalyze", "analyze the stored articles not yet analyzed by this analyzer build, batched and resumable", runReanalyze},
		{"entities", "list the entities of the stored analyses, most mentioned first", runEntities},
		{"entity", "show one entity: aliases, roles, co-occurring entities, articles over time", runEntity},
		{"cluster", "add the analyzed articles that are in no story yet to stories, online, in publication order", runCluster},
		{"stories", "list the stories of a period, most recently active first", runStories},
		{"story", "print a story card: timeline, entities, quotes, figures, summary (--json, --md, --html)", runStory},
		{"duplicates", "list groups of near-duplicate articles with their canonical copy", runDuplicates},
		{"timex", "find temporal expressions, one text per line on stdin, resolved against --ref, as JSON arrays", runTimex},
		{"quantities", "find numbers, percentages, ranges, money and counts, one text per line on stdin, as JSON arrays", runQuantities},
		{"bench", "measure speed on your archive (bench search: latency of one-to-three-word queries)", runBench},
		{"eval", "measure quality on annotated data (eval stem|names …)", runEval},
		{"version", "print the version of rasid", runVersion},
	}
}

// noun returns one when n is 1 and many otherwise, so that a count reads
// as English: "1 article", "2 articles", "0 articles".
func noun[N ~int | ~int64](n N, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// count returns n followed by its noun (see noun): count(1, "input",
// "inputs") is "1 input".
func count[N ~int | ~int64](n N, one, many string) string {
	return fmt.Sprintf("%d %s", n, noun(n, one, many))
}

// UsageError is an error in how rasid was called; it exits with status 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// ExitCode maps an error returned by Run to a process exit status:
// 0 for nil and for a help request, 2 for a usage error, 1 otherwise.
func ExitCode(err error) int {
	var ue *UsageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		return 2
	}
	return 1
}

// Run runs rasid with the command-line arguments args (without the
// program name).
func Run(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 {
		printUsage(env.Stderr)
		return usagef("rasid: no command given")
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 {
			return Run(ctx, env, []string{args[1], "-h"})
		}
		printUsage(env.Stdout)
		return nil
	case "-version", "--version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name {
			return named(name, c.run(ctx, env, args[1:]))
		}
	}
	printUsage(env.Stderr)
	return usagef("rasid: unknown command %q%s", name, suggest(name))
}

// named prefixes an error that does not say which command it comes from
// (an error passed up as it is, such as the store's "open store: …") with
// "rasid NAME: ", so that every message on standard error names its
// command. The error stays wrapped: ExitCode reads it as before.
func named(name string, err error) error {
	if err == nil || errors.Is(err, flag.ErrHelp) || strings.HasPrefix(err.Error(), "rasid") {
		return err
	}
	return fmt.Errorf("rasid %s: %w", name, err)
}

func suggest(name string) string {
	var close []string
	for _, c := range commands() {
		if strings.HasPrefix(c.name, name) || strings.HasPrefix(name, c.name) {
			close = append(close, c.name)
		}
	}
	sort.Strings(close)
	if len(close) == 0 {
		return ""
	}
	return " (did you mean " + strings.Join(close, " or ") + "?)"
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "rasid (راصد) — an Arabic news-intelligence engine")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: rasid COMMAND [flags] [args]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'rasid COMMAND -h' for the flags of a command.")
}

// newFlagSet returns a flag set for a subcommand that reports errors
// instead of exiting, and prints its usage line and flags on -h.
func newFlagSet(env Env, name, usage, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet("rasid "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: rasid %s %s\n\n%s\n", name, usage, summary)
		var has bool
		fs.VisitAll(func(*flag.Flag) { has = true })
		if has {
			fmt.Fprintln(w, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses args into fs, turning flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &UsageError{Msg: fs.Name() + ": " + err.Error()}
	}
	return nil
}
