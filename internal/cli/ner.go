package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"sort"

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
	fs := newFlagSet(env, "eval ner", "--data FILE [--json] [--model FILE]",
		"Score the entity tagger on CoNLL gold data (\"token TAG\" per line, BIO tags):\nexact-span precision, recall and F1, micro-averaged and per type, by the\nCoNLL-2003 convention.")
	data := fs.String("data", "", "the gold file, CoNLL (../shared/data/anercorp/dev.txt)")
	modelPath := fs.String("model", "", "a model file written by rasid train ner (default: the embedded model)")
	asJSON := fs.Bool("json", false, "print one JSON object {f1, precision, recall, per_type, …}")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *data == "" {
		return usagef("rasid eval ner: --data is required")
	}
	gold, err := readCoNLLFile(*data)
	if err != nil {
		return fmt.Errorf("rasid eval ner: %w", err)
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
	fmt.Fprintf(env.Stdout, "%-6s %9s %9s %9s %6s %6s %6s\n", "type", "precision", "recall", "F1", "tp", "fp", "fn")
	types := make([]string, 0, len(rep.PerType))
	for t := range rep.PerType {
		types = append(types, t)
	}
	sort.Strings(types)
	row := func(name string, p eval.PRF) {
		fmt.Fprintf(env.Stdout, "%-6s %9.4f %9.4f %9.4f %6d %6d %6d\n", name, p.Precision, p.Recall, p.F1, p.TP, p.FP, p.FN)
	}
	for _, t := range types {
		row(t, rep.PerType[t])
	}
	row("micro", rep.Micro)
	return nil
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
