package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"time"

	"github.com/rasid-news/rasid/internal/eval"
	"github.com/rasid-news/rasid/internal/ner"
)

func runNER(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "ner", "--conll < tokens.txt",
		"Tag named entities. With --conll, stdin holds one token per line (the first\ncolumn; other columns are ignored) and a blank line between sentences, and\nrasid prints \"token TAG\" per line (BIO tags PERS, LOC, ORG, MISC), tokens\nexactly as given, a blank line between sentences.")
	conll := fs.Bool("conll", false, "read and write CoNLL columns")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !*conll {
		return usagef("rasid ner: only --conll input is supported; give --conll")
	}
	if fs.NArg() > 0 {
		return usagef("rasid ner: tokens are read from stdin, not arguments (got %q)", fs.Arg(0))
	}
	m, err := ner.Default()
	if err != nil {
		return fmt.Errorf("rasid ner: %w", err)
	}
	toks, err := ner.ReadTokens(env.Stdin, "stdin")
	if err != nil {
		return fmt.Errorf("rasid ner: %w", err)
	}
	tags := m.TagSentences(toks)
	w := bufio.NewWriter(env.Stdout)
	for i, s := range toks {
		if i > 0 {
			w.WriteByte('\n')
		}
		for j, g := range tags[i] {
			fmt.Fprintf(w, "%s %s\n", s[j], g)
		}
	}
	return w.Flush()
}

// trainTasks lists what rasid train can train.
func trainTasks() []evalTask {
	return []evalTask{
		{"ner", "the entity tagger, from CoNLL data (--data train.txt [--dev dev.txt] [--out FILE])", runTrainNER},
		{"cluster", "the story clusterer's weights and thresholds, from story labels (--gold dev_clusters.jsonl --data saudinewsnet/)", runTrainCluster},
		{"idf", "the story clusterer's background document frequencies, from the ANT corpus (--data ant-jawharafm/ --out FILE)", runTrainIDF},
	}
}

func runTrain(ctx context.Context, env Env, args []string) error {
	return group{"train", "Usage: rasid train MODEL [flags]\n\nTrain a model from annotated data. Models:", "model", "no model given", trainTasks()}.run(ctx, env, args)
}

func runTrainNER(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "train ner", "--data train.txt [--dev dev.txt] [--out FILE]",
		"Train the entity tagger (averaged structured perceptron) on CoNLL data,\n\"token TAG\" per line, and write the model. Training is deterministic.\nWith --dev, the dev F1 is printed after every epoch. To rebuild the embedded\nmodel: --data ../shared/data/anercorp/train.txt --out internal/ner/model/ner.bin")
	data := fs.String("data", "", "the training data, CoNLL")
	dev := fs.String("dev", "", "development data to score after each epoch, CoNLL")
	out := fs.String("out", "ner.bin", "the model file to write")
	epochs := fs.Int("epochs", 14, "passes over the training data")
	single := fs.Bool("single-pass", false, "train the first pass only (each sentence tagged alone)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *data == "" {
		return usagef("rasid train ner: --data is required")
	}
	train, err := readCoNLLFile(*data)
	if err != nil {
		return fmt.Errorf("rasid train ner: %w", err)
	}
	var devSents []ner.Sentence
	if *dev != "" {
		if devSents, err = readCoNLLFile(*dev); err != nil {
			return fmt.Errorf("rasid train ner: %w", err)
		}
	}
	opt := ner.TrainOptions{Epochs: *epochs, SinglePass: *single, Log: env.Stderr}
	if devSents != nil {
		opt.Progress = func(epoch int, m *ner.Model) {
			rep, err := eval.ScoreNERText(devSents, m.TagSentences)
			if err != nil {
				fmt.Fprintf(env.Stderr, "epoch %d: dev: %v\n", epoch, err)
				return
			}
			fmt.Fprintf(env.Stderr, "epoch %d: dev P %.4f R %.4f F1 %.4f\n", epoch, rep.Precision, rep.Recall, rep.F1)
		}
	}
	m, err := ner.Train(train, opt)
	if err != nil {
		return fmt.Errorf("rasid train ner: %w", err)
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("rasid train ner: %w", err)
	}
	n, err := m.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("rasid train ner: writing %s: %w", *out, err)
	}
	fmt.Fprintf(env.Stdout, "wrote %s (%d bytes)\n", *out, n)
	return nil
}

func runEvalNER(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "eval ner", "--data FILE [--json] [--model FILE] | --cv K --data train.txt [--json] [--epochs N] [--seed N]",
		"Score the entity tagger on CoNLL gold data (\"token TAG\" per line, BIO tags):\nexact-span precision, recall and F1, micro-averaged and per type, by the\nCoNLL-2003 convention.\n\nWith --cv K, cross-validate instead: cut the data into K contiguous folds\n(the cut of the trainer's own stacking), train a model (both passes, as\nrasid train ner) on the other folds for each, tag the held fold as one\nrunning text, and print each fold's figures and the figures pooled over\nthe folds (entity counts summed, then P/R/F1; not the folds' F1s\naveraged). Deterministic; folds train side by side up to GOMAXPROCS, and\nthe time of each goes to stderr.")
	data := fs.String("data", "", "the gold file, CoNLL (../shared/data/anercorp/dev.txt; with --cv, train.txt)")
	modelPath := fs.String("model", "", "a model file written by rasid train ner (default: the embedded model)")
	asJSON := fs.Bool("json", false, "print one JSON object {f1, precision, recall, per_type, …} (with --cv: {folds, pooled, …})")
	cv := fs.Int("cv", 0, "cross-validate over K contiguous folds of --data, training a model per fold")
	epochs := fs.Int("epochs", 0, "with --cv: passes over the training data (default: rasid train ner's, 14)")
	seed := fs.Uint64("seed", 0, "with --cv: the seed of the order of the training sentences in each epoch (rasid train ner's is 0); another seed shows how much the figure owes to the order")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case *data == "":
		return usagef("rasid eval ner: --data is required")
	case fs.NArg() > 0:
		return usagef("rasid eval ner: unexpected argument %q", fs.Arg(0))
	case set["cv"] && *cv < 2:
		return usagef("rasid eval ner: --cv %d: cross-validation needs 2 folds or more", *cv)
	case set["cv"] && *modelPath != "":
		return usagef("rasid eval ner: --cv trains its own models; --model does not go with it")
	case !set["cv"] && (set["epochs"] || set["seed"]):
		return usagef("rasid eval ner: --epochs and --seed go with --cv (the given model is already trained)")
	case *epochs < 0:
		return usagef("rasid eval ner: --epochs %d: give a positive number of passes", *epochs)
	}
	gold, err := readCoNLLFile(*data)
	if err != nil {
		return fmt.Errorf("rasid eval ner: %w", err)
	}
	if set["cv"] {
		if *cv > len(gold) {
			return usagef("rasid eval ner: --cv %d: %s holds %d sentences; every fold needs one", *cv, *data, len(gold))
		}
		return runNERCV(env, gold, *data, *cv, ner.TrainOptions{Epochs: *epochs, Seed: *seed}, *asJSON)
	}
	m, err := loadNERModel(*modelPath)
	if err != nil {
		return fmt.Errorf("rasid eval ner: %w", err)
	}
	rep, err := eval.ScoreNERText(gold, m.TagSentences)
	if err != nil {
		return fmt.Errorf("rasid eval ner: %s: %w", *data, err)
	}
	if *asJSON {
		return writeJSON(env.Stdout, rep)
	}
	fmt.Fprintf(env.Stdout, "sentences %d  tokens %d  token accuracy %.4f\n", rep.Sentences, rep.Tokens, rep.TokenAccuracy)
	writeNERTable(env.Stdout, rep)
	return nil
}

// runNERCV cross-validates the tagger, trained with opt, over k folds of
// gold (read from path) and prints the figures: the folds' and the pooled ones on
// stdout, each fold's time as it ends on stderr.
func runNERCV(env Env, gold []ner.Sentence, path string, k int, opt ner.TrainOptions, asJSON bool) error {
	start := time.Now()
	train := func(data []ner.Sentence) (func([][]string) [][]ner.Tag, error) {
		m, err := ner.Train(data, opt)
		if err != nil {
			return nil, err
		}
		return m.TagSentences, nil
	}
	done := func(f eval.NERFold) {
		fmt.Fprintf(env.Stderr, "fold %d of %d (sentences %d–%d): F1 %.4f, %s since the start\n",
			f.Fold, k, f.First, f.Last, f.F1, time.Since(start).Round(time.Second))
	}
	rep, err := eval.CrossValidateNER(gold, k, runtime.GOMAXPROCS(0), train, done)
	if err != nil {
		return fmt.Errorf("rasid eval ner: --cv %d: %s: %w", k, path, err)
	}
	fmt.Fprintf(env.Stderr, "%d folds in %s (GOMAXPROCS %d)\n", k, time.Since(start).Round(time.Second), runtime.GOMAXPROCS(0))
	if asJSON {
		return writeJSON(env.Stdout, rep)
	}
	w := env.Stdout
	fmt.Fprintf(w, "%d-fold cross-validation on %s: %d sentences, %d tokens; contiguous folds, each\n", k, path, rep.Pooled.Sentences, rep.Pooled.Tokens)
	fmt.Fprintln(w, "tagged as one running text by a model trained on the other folds")
	ep := "the default number of epochs"
	if opt.Epochs > 0 {
		ep = fmt.Sprintf("%d epochs", opt.Epochs)
	}
	fmt.Fprintf(w, "models: both passes, %s, seed %d\n", ep, opt.Seed)
	fmt.Fprintf(w, "%-4s %11s %9s %9s %9s %9s\n", "fold", "sentences", "tokens", "precision", "recall", "F1")
	for _, f := range rep.Folds {
		fmt.Fprintf(w, "%-4d %11s %9d %9.4f %9.4f %9.4f\n", f.Fold, fmt.Sprintf("%d-%d", f.First, f.Last), f.Tokens, f.Precision, f.Recall, f.F1)
	}
	fmt.Fprintf(w, "fold F1: mean %.4f, standard deviation %.4f\n", rep.FoldF1Mean, rep.FoldF1SD)
	fmt.Fprintf(w, "\npooled over the folds (%s):\n", rep.Pooling)
	fmt.Fprintf(w, "sentences %d  tokens %d  token accuracy %.4f\n", rep.Pooled.Sentences, rep.Pooled.Tokens, rep.Pooled.TokenAccuracy)
	writeNERTable(w, rep.Pooled)
	return nil
}

// writeNERTable prints the precision, recall, F1 and counts of rep per
// type and micro-averaged.
func writeNERTable(w io.Writer, rep eval.NERReport) {
	fmt.Fprintf(w, "%-6s %9s %9s %9s %6s %6s %6s\n", "type", "precision", "recall", "F1", "tp", "fp", "fn")
	types := make([]string, 0, len(rep.PerType))
	for t := range rep.PerType {
		types = append(types, t)
	}
	sort.Strings(types)
	row := func(name string, p eval.PRF) {
		fmt.Fprintf(w, "%-6s %9.4f %9.4f %9.4f %6d %6d %6d\n", name, p.Precision, p.Recall, p.F1, p.TP, p.FP, p.FN)
	}
	for _, t := range types {
		row(t, rep.PerType[t])
	}
	row("micro", rep.Micro)
}

func loadNERModel(path string) (*ner.Model, error) {
	if path == "" {
		return ner.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := ner.ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

func readCoNLLFile(path string) ([]ner.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ner.ReadCoNLL(f, path)
}
