package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/eval"
	"github.com/rasid-news/rasid/internal/quote"
)

// quotesOut is the output of rasid quotes.
type quotesOut struct {
	Quotes []quote.Quote `json:"quotes"`
}

func runQuotes(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "quotes", "< article.txt",
		"Read an article text on stdin and print its quotes as one JSON object\n{\"quotes\": [{text,start,end,cue,cue_start,cue_end,direct,form,speaker:{text,start,end,name,type,implied}}]},\nspans in code points of the input. Speakers carry no entity_id here: rasid analyze\nruns the entity recognizer too and gives each speaker its entity's id.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid quotes: text is read from stdin, not arguments (got %q)", fs.Arg(0))
	}
	data, err := io.ReadAll(io.LimitReader(env.Stdin, maxTextBytes+1))
	if err != nil {
		return fmt.Errorf("rasid quotes: reading stdin: %w", err)
	}
	if len(data) > maxTextBytes {
		return fmt.Errorf("rasid quotes: stdin is larger than %d bytes", maxTextBytes)
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("rasid quotes: stdin is not valid UTF-8")
	}
	qs := quote.Extract(string(data), nil)
	if qs == nil {
		qs = []quote.Quote{}
	}
	return writeJSON(env.Stdout, quotesOut{Quotes: qs})
}

func runEvalQuotes(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "eval quotes", "--gold FILE --articles FILE [--json] [--errors]",
		"Score quote extraction on annotated quotes: detection precision, recall and F1 (a\nfound quote matches a gold one when it holds at least half of the gold quote's\nwords) and speaker accuracy over matched quotes, overall, per form and per\nattribution.")
	goldPath := fs.String("gold", "", "gold quotes, JSONL (../shared/data/quotes/quotes.jsonl)")
	artPath := fs.String("articles", "", "articles, JSONL {url,content} (../shared/data/quotes/quote_articles.jsonl)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	showErrors := fs.Bool("errors", false, "list every miss, false alarm and wrong speaker")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *goldPath == "" || *artPath == "" {
		return usagef("rasid eval quotes: --gold and --articles are required")
	}
	gf, err := os.Open(*goldPath)
	if err != nil {
		return fmt.Errorf("rasid eval quotes: %w", err)
	}
	defer gf.Close()
	gold, err := eval.ReadQuoteGold(gf, *goldPath)
	if err == nil {
		err = requireCases(*goldPath, len(gold), "gold quotes")
	}
	if err != nil {
		return fmt.Errorf("rasid eval quotes: %w", err)
	}
	af, err := os.Open(*artPath)
	if err != nil {
		return fmt.Errorf("rasid eval quotes: %w", err)
	}
	defer af.Close()
	arts, err := eval.ReadQuoteArticles(af, *artPath)
	if err != nil {
		return fmt.Errorf("rasid eval quotes: %w", err)
	}
	rep, err := eval.ScoreQuotes(gold, arts, func(text string) []quote.Quote { return quote.Extract(text, nil) }, *showErrors)
	if err != nil {
		return fmt.Errorf("rasid eval quotes: %w", err)
	}
	if *asJSON {
		return writeJSON(env.Stdout, rep)
	}
	w := env.Stdout
	d := rep.Detection
	fmt.Fprintf(w, "articles %d, gold quotes %d, found %d\n", rep.Articles, rep.Gold, rep.Found)
	fmt.Fprintf(w, "detection  P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n", d.Precision, d.Recall, d.F1, d.TP, d.FP, d.FN)
	fmt.Fprintf(w, "speaker accuracy %.3f (%d/%d matched; lenient %.3f)\n", rep.SpeakerAccuracy, rep.SpeakerCorrect, rep.Matched, rep.SpeakerLenient)
	for _, group := range []struct {
		name string
		m    map[string]*eval.FormScore
	}{{"form", rep.ByForm}, {"attribution", rep.ByAttribution}} {
		keys := make([]string, 0, len(group.m))
		for k := range group.m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			s := group.m[k]
			fmt.Fprintf(w, "  %-11s %-9s P %.3f  R %.3f  F1 %.3f  speaker %.3f (%d/%d)\n", group.name, k,
				s.Detection.Precision, s.Detection.Recall, s.Detection.F1, s.SpeakerAccuracy, s.SpeakerCorrect, s.Detection.TP)
		}
	}
	for _, e := range rep.Errors {
		fmt.Fprintf(w, "%-8s %-8s @%d gold=%q found=%q (%s) %q\n", e.Kind, e.Form, e.Start, e.Gold, e.Found, e.Surface, e.Quote)
	}
	return nil
}
