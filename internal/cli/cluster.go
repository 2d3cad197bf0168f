package cli

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/rasid-news/rasid/internal/eval"
	"github.com/rasid-news/rasid/internal/ner"
	"github.com/rasid-news/rasid/internal/story"
)

// loadClusterSet reads a story gold file and joins it to the SaudiNewsNet
// articles of dir.
func loadClusterSet(goldPath, dir string) (eval.ClusterSet, error) {
	f, err := os.Open(goldPath)
	if err != nil {
		return eval.ClusterSet{}, err
	}
	defer f.Close()
	gold, err := eval.ReadStoryGold(f, goldPath)
	if err != nil {
		return eval.ClusterSet{}, err
	}
	want := make(map[string]bool, len(gold))
	for _, g := range gold {
		want[g.URL] = true
	}
	arts, err := eval.ReadSaudiNewsNet(dir, func(url string) bool { return want[url] })
	if err != nil {
		return eval.ClusterSet{}, err
	}
	return eval.JoinStoryGold(gold, arts)
}

// clusterFeatures extracts the clusterer's features of every article of
// a set, with entities recognized by the embedded NER model.
func clusterFeatures(set eval.ClusterSet) ([]story.Features, error) {
	m, err := ner.Default()
	if err != nil {
		return nil, err
	}
	return set.Features(eval.NEREntities(m)), nil
}

func runEvalCluster(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "eval cluster", "--gold FILE --data DIR [--json]",
		"Cluster the articles of a story gold set online, in publication order, with the\ndefault options, and score the stories with BCubed precision, recall and F1\nover every article of the gold file. Bodies come from the SaudiNewsNet zips\nin DIR, joined by url.")
	goldPath := fs.String("gold", "", "story labels, JSONL (internal/story/testdata/dev_clusters.jsonl)")
	dir := fs.String("data", "", "the SaudiNewsNet zips (../shared/data/news/saudinewsnet)")
	fs.StringVar(dir, "news", "", "same as --data")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *goldPath == "" || *dir == "" {
		return usagef("rasid eval cluster: --gold and --data are required")
	}
	set, err := loadClusterSet(*goldPath, *dir)
	if err != nil {
		return fmt.Errorf("rasid eval cluster: %w", err)
	}
	feats, err := clusterFeatures(set)
	if err != nil {
		return fmt.Errorf("rasid eval cluster: %w", err)
	}
	opt := story.DefaultOptions()
	start := time.Now()
	rep := set.Report(eval.Cluster(feats, opt))
	rep.Seconds = time.Since(start).Seconds()
	rep.Options = fmt.Sprintf("%+v", opt)
	if *asJSON {
		return writeJSON(env.Stdout, rep)
	}
	w := env.Stdout
	fmt.Fprintf(w, "articles %d, gold stories %d, found stories %d (%d with several articles)\n", rep.Articles, rep.GoldStories, rep.Stories, rep.Multi)
	fmt.Fprintf(w, "BCubed  P %.3f  R %.3f  F1 %.3f\n", rep.BCubed.Precision, rep.BCubed.Recall, rep.BCubed.F1)
	fmt.Fprintf(w, "baseline, one story per article: P %.3f  R %.3f  F1 %.3f\n", rep.Singletons.Precision, rep.Singletons.Recall, rep.Singletons.F1)
	return nil
}

func runTrainCluster(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "train cluster", "--gold FILE --data DIR",
		"Fit the clusterer's weights and thresholds (story.Fit over story.DefaultGrid)\non a story gold set, maximizing BCubed F1, and print the options to put in\nstory.DefaultOptions. The fit is deterministic.")
	goldPath := fs.String("gold", "", "story labels, JSONL (internal/story/testdata/dev_clusters.jsonl)")
	dir := fs.String("data", "", "the SaudiNewsNet zips (../shared/data/news/saudinewsnet)")
	fs.StringVar(dir, "news", "", "same as --data")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *goldPath == "" || *dir == "" {
		return usagef("rasid train cluster: --gold and --data are required")
	}
	set, err := loadClusterSet(*goldPath, *dir)
	if err != nil {
		return fmt.Errorf("rasid train cluster: %w", err)
	}
	feats, err := clusterFeatures(set)
	if err != nil {
		return fmt.Errorf("rasid train cluster: %w", err)
	}
	opt, f1 := story.Fit(feats, story.DefaultOptions(), story.DefaultGrid(), runtime.NumCPU(), func(assign []int) float64 { return set.Score(assign).F1 })
	b := set.Score(eval.Cluster(feats, opt))
	fmt.Fprintf(env.Stdout, "best BCubed F1 %.4f (P %.4f R %.4f) on %d articles\n", f1, b.Precision, b.Recall, len(feats))
	fmt.Fprintf(env.Stdout, "story.Options{Body: %g, Title: %g, Entities: %g, Time: %g, Threshold: %g,\n\tTimeScale: %v, Dormant: %v, Terms: %d}\n",
		opt.Body, opt.Title, opt.Entities, opt.Time, opt.Threshold, opt.TimeScale, opt.Dormant, opt.Terms)
	return nil
}
