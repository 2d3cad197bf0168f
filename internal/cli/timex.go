package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"time"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/eval"
	"github.com/rasid-news/rasid/internal/quantity"
	"github.com/rasid-news/rasid/internal/timex"
)

// parseRef reads a reference time YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS.
func parseRef(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("reference time %q is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS", s)
}

// eachLine calls f on every line of r and prints its result as one JSON
// array a line.
func eachLine[T any](r io.Reader, w io.Writer, name string, f func(string) []T) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxTextBytes)
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if !utf8.ValidString(line) {
			return fmt.Errorf("%s: line %d of stdin is not valid UTF-8", name, n)
		}
		out := f(line)
		if out == nil {
			out = []T{}
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: reading stdin: %w", name, err)
	}
	return bw.Flush()
}

func runTimex(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "timex", "--ref YYYY-MM-DD[THH:MM:SS] [--future] [--ranges] < lines.txt",
		"Read one text per line on stdin and print, per line, one JSON array of its\ntemporal expressions {text,start,end,type,value,granularity,mod,hijri}\nresolved against the reference time; spans in code points of the line.")
	refS := fs.String("ref", "", "reference (publication) time, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS (required)")
	future := fs.Bool("future", false, "resolve bare weekdays, months and holidays to the next occurrence")
	ranges := fs.Bool("ranges", false, "read a range (من 4 إلى 23 مايو) as one expression with value A/B, not as its two ends")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid timex: text is read from stdin, not arguments (got %q)", fs.Arg(0))
	}
	// The output is a contract: the same input gives the same values, so
	// the reference is never taken from the clock.
	if *refS == "" {
		return usagef("rasid timex: --ref is required: the reference (publication) time that relative expressions (أمس, الأسبوع المقبل) resolve against, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS; for today give --ref $(date +%%F)")
	}
	ref, err := parseRef(*refS)
	if err != nil {
		return usagef("rasid timex: %v", err)
	}
	opt := timex.Options{Future: *future, Ranges: *ranges}
	return eachLine(env.Stdin, env.Stdout, "rasid timex", func(s string) []timex.Timex { return timex.ExtractWith(s, ref, opt) })
}

func runQuantities(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "quantities", "< lines.txt",
		"Read one text per line on stdin and print, per line, one JSON array of its\nquantities {text,start,end,type,value,max,interval,unit}: numbers, ordinals,\npercentages, ranges, money and counted nouns; spans in code points of the line.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid quantities: text is read from stdin, not arguments (got %q)", fs.Arg(0))
	}
	return eachLine(env.Stdin, env.Stdout, "rasid quantities", quantity.Extract)
}

func runEvalTimex(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "eval timex", "--recognizers DIR | --duckling FILE | --gold FILE --articles FILE [--json] [--errors]",
		"Score temporal expressions: on Microsoft Recognizers-Text DateTime specs (span\nand resolved value per case, every case counted), on Duckling's time corpus\n(resolved value per input), or on news annotations (exact-span P/R/F1 and value\naccuracy).")
	recDir := fs.String("recognizers", "", "directory of Recognizers-Text DateTime specs (../shared/data/temporal/recognizers)")
	duck := fs.String("duckling", "", "Duckling corpus JSONL (../shared/data/temporal/duckling.jsonl); a sibling duckling_negative.jsonl is read when present")
	goldPath := fs.String("gold", "", "news gold expressions, JSONL (../shared/data/temporal/news/timex.jsonl)")
	artPath := fs.String("articles", "", "news articles, JSONL (../shared/data/temporal/news/timex_articles.jsonl)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	showErrors := fs.Bool("errors", false, "list every error")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	w := env.Stdout
	switch {
	case *goldPath != "" || *artPath != "":
		if *goldPath == "" || *artPath == "" {
			return usagef("rasid eval timex: --gold and --articles go together")
		}
		gold, err := readFile(*goldPath, eval.ReadTimexGold)
		if err == nil {
			err = requireCases(*goldPath, len(gold), "gold expressions")
		}
		if err != nil {
			return fmt.Errorf("rasid eval timex: %w", err)
		}
		arts, err := readFile(*artPath, eval.ReadTimexArticles)
		if err != nil {
			return fmt.Errorf("rasid eval timex: %w", err)
		}
		rep, err := eval.ScoreNewsTimex(gold, arts, timex.Extract, *showErrors)
		if err != nil {
			return fmt.Errorf("rasid eval timex: %w", err)
		}
		if *asJSON {
			return writeJSON(w, rep)
		}
		e, o := rep.Extraction, rep.Overlap
		fmt.Fprintf(w, "articles %d, gold expressions %d, found %d\n", rep.Articles, rep.Gold, rep.Found)
		fmt.Fprintf(w, "extraction (exact span)  P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n", e.Precision, e.Recall, e.F1, e.TP, e.FP, e.FN)
		fmt.Fprintf(w, "extraction (overlap)     P %.3f  R %.3f  F1 %.3f\n", o.Precision, o.Recall, o.F1)
		fmt.Fprintf(w, "value accuracy %.3f (%d/%d gold; %.3f of exact matches)\n", rep.ValueAccuracy, rep.ValueCorrect, rep.Gold, rep.MatchedValueAccuracy)
		for _, x := range rep.Errors {
			fmt.Fprintf(w, "%-5s @%d %q gold=%q found=%q %s\n", x.Kind, x.Start, x.Text, x.Gold, x.Found, x.URL)
		}
		return nil
	case *duck != "":
		groups, err := readFile(*duck, eval.ReadDuckling)
		if err == nil {
			err = requireCases(*duck, len(groups), "groups of inputs")
		}
		if err != nil {
			return fmt.Errorf("rasid eval timex: %w", err)
		}
		var neg []eval.DucklingNegative
		if np := siblingNegative(*duck); np != "" {
			if neg, err = readFile(np, eval.ReadDucklingNegative); err != nil {
				return fmt.Errorf("rasid eval timex: %w", err)
			}
		}
		rep := eval.ScoreDuckling(groups, neg, *showErrors)
		if *asJSON {
			return writeJSON(w, rep)
		}
		fmt.Fprintf(w, "duckling inputs %d: value correct %d (%.3f); negatives %d, silent %d\n", rep.Inputs, rep.Correct, rep.Accuracy, rep.Negatives, rep.NegativesSilent)
		for _, x := range rep.Errors {
			fmt.Fprintf(w, "%q gold=%s found=%s\n", x.Input, x.Gold, x.Found)
		}
		return nil
	case *recDir != "":
		rep, err := eval.ScoreRecognizersDateTime(*recDir, *showErrors)
		if err != nil {
			return fmt.Errorf("rasid eval timex: %w", err)
		}
		if *asJSON {
			return writeJSON(w, rep)
		}
		printRecognizers(w, rep)
		return nil
	}
	return usagef("rasid eval timex: give --recognizers DIR, --duckling FILE, or --gold FILE --articles FILE")
}

func runEvalNumbers(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "eval numbers", "--recognizers DIR [--json] [--errors]",
		"Score numbers on Microsoft Recognizers-Text Number specs: a case is correct when\nthe found values (and spans) equal the expected ones; every case counted.")
	recDir := fs.String("recognizers", "", "directory of Recognizers-Text Number specs (../shared/data/numbers/recognizers)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	showErrors := fs.Bool("errors", false, "list every wrong case")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *recDir == "" {
		return usagef("rasid eval numbers: --recognizers DIR is required")
	}
	rep, err := eval.ScoreRecognizersNumbers(*recDir, *showErrors)
	if err != nil {
		return fmt.Errorf("rasid eval numbers: %w", err)
	}
	if *asJSON {
		return writeJSON(env.Stdout, rep)
	}
	printRecognizers(env.Stdout, rep)
	return nil
}

func printRecognizers(w io.Writer, rep *eval.RecognizersReport) {
	names := make([]string, 0, len(rep.Files))
	for n := range rep.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	line := func(name string, s eval.RecognizersScore) {
		fmt.Fprintf(w, "%-36s cases %4d  span %.3f  value %.3f (%d)  with ref %d: value %.3f\n", name, s.Cases, s.SpanAccuracy, s.ValueAccuracy, s.ValueCorrect, s.WithRef, s.RefValueAccuracy)
	}
	for _, n := range names {
		line(n, rep.Files[n])
	}
	line("overall", rep.Overall)
	for _, e := range rep.Errors {
		mark := ""
		if e.Kind != "" {
			mark = " " + e.Kind
			if e.Ref {
				mark += " ref"
			}
		}
		fmt.Fprintf(w, "%s%s %q want=%s got=%s\n", e.File, mark, e.Input, e.Want, e.Got)
	}
}

// siblingNegative returns duckling_negative.jsonl beside path, or "".
func siblingNegative(path string) string {
	dir := path[:len(path)-len(baseName(path))]
	p := dir + "duckling_negative.jsonl"
	if _, err := os.Stat(p); err == nil && p != path {
		return p
	}
	return ""
}

func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' || p[i] == os.PathSeparator {
			return p[i+1:]
		}
	}
	return p
}

// readFile opens path and reads it with read.
func readFile[T any](path string, read func(io.Reader, string) ([]T, error)) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(f, path)
}
