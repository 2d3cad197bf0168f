package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/eval"
)

func runEvalStem(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "eval stem", "--data FILE.tsv [--json]",
		"Score the stemmer on word<TAB>stem gold data (the Golden Arabic Corpus layout):\nexact stem accuracy after normalization of both sides, and pairwise conflation\nprecision, recall and F1 over all pairs of rows.")
	data := fs.String("data", "", "the gold file: word<TAB>stem[<TAB>root] per line, optional header")
	asJSON := fs.Bool("json", false, "print one JSON object {accuracy, conflation_f1, conflation_precision, conflation_recall, …}")
	errors := fs.Bool("errors", false, "list the words whose stem differs from the gold stem")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *data == "" {
		return usagef("rasid eval stem: --data is required")
	}
	f, err := os.Open(*data)
	if err != nil {
		return fmt.Errorf("rasid eval stem: %w", err)
	}
	defer f.Close()
	rows, err := eval.ReadStemTSV(f, *data)
	if err != nil {
		return fmt.Errorf("rasid eval stem: %w", err)
	}
	rep := eval.ScoreStems(rows, arabic.Stem)
	if !*errors {
		rep.Errors = nil
	}
	if *asJSON {
		return writeJSON(env.Stdout, rep)
	}
	fmt.Fprintf(env.Stdout, "rows %d  accuracy %.4f (%d correct)\nconflation  precision %.4f  recall %.4f  F1 %.4f  (pairs tp %d fp %d fn %d)\n",
		rep.Rows, rep.Accuracy, rep.Correct, rep.ConflationPrecision, rep.ConflationRecall, rep.ConflationF1,
		rep.Conflation.TP, rep.Conflation.FP, rep.Conflation.FN)
	for _, m := range rep.Errors {
		fmt.Fprintf(env.Stdout, "%s\tgold %s\tgot %s\n", m.Word, m.Gold, m.Got)
	}
	return nil
}

func runEvalNames(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "eval names", "--data dev.txt [--train train.txt] [--json]",
		"Score how the stemmer treats names: the person, location and organization words\nof a CoNLL file (ANERcorp layout). intact: the stem is the word as written,\nnormalized; intact_bare: or the word without its article; conflates: the\nو, ب, ل and وب forms of the word all get its stem. With --train (by default\ntrain.txt beside --data, when present) the figures are also given for the\nwords not seen in training. The bare-name lines score each clitic form\n(والعراق) as the name it stands for (العراق) when that name is tagged\nelsewhere in the data; its own stem must then match the name's.")
	data := fs.String("data", "", "the tagged file: \"token TAG\" per line, BIO tags")
	train := fs.String("train", "", "the training file whose name words count as seen (default: train.txt beside --data, if any)")
	asJSON := fs.Bool("json", false, "print one JSON object {all, unseen_in_train, misses}")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *data == "" {
		return usagef("rasid eval names: --data is required")
	}
	words, err := readEntityFile(*data)
	if err == nil {
		err = requireCases(*data, len(words), "person, location or organization words")
	}
	if err != nil {
		return fmt.Errorf("rasid eval names: %w", err)
	}
	var seen map[string]bool
	trainPath := *train
	if trainPath == "" {
		if p := filepath.Join(filepath.Dir(*data), "train.txt"); p != filepath.Clean(*data) {
			if _, err := os.Stat(p); err == nil {
				trainPath = p
			}
		}
	}
	if trainPath != "" {
		tw, err := readEntityFile(trainPath)
		if err != nil {
			return fmt.Errorf("rasid eval names: %w", err)
		}
		seen = make(map[string]bool, len(tw))
		for _, w := range tw {
			seen[arabic.NormalizeString(w)] = true
		}
	}
	rep := eval.ScoreNames(words, seen, arabic.Stem)
	if *asJSON {
		return writeJSON(env.Stdout, rep)
	}
	line := func(label string, s eval.NameScore) {
		fmt.Fprintf(env.Stdout, "%-16s words %5d  intact %.4f  intact_bare %.4f  conflates %.4f\n",
			label, s.Words, s.IntactRate, s.IntactBareRate, s.ConflatesRate)
	}
	line("all", rep.All)
	if seen != nil {
		line("unseen in train", rep.Unseen)
	}
	line("bare names", rep.Bare)
	if seen != nil {
		line("bare unseen", rep.BareUnseen)
	}
	return nil
}

func readEntityFile(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return eval.ReadEntityWords(f, path)
}
