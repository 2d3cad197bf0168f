package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"time"

	"github.com/rasid-news/rasid/internal/card"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"

	"github.com/rasid-news/rasid/internal/analysis"
	"github.com/rasid-news/rasid/internal/eval"
	"github.com/rasid-news/rasid/internal/ingest"
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
// a set, with entities from rasid's analysis.
func clusterFeatures(set eval.ClusterSet) ([]story.Features, error) {
	an, err := analysis.Default()
	if err != nil {
		return nil, err
	}
	return set.Features(eval.AnalysisEntities(an)), nil
}

func runEvalCluster(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "eval cluster", "--gold FILE --data DIR [--json]",
		"Cluster the articles of a story gold set online, in publication order, with the\ndefault options, and score the stories with BCubed precision, recall and F1\nover every article of the gold file. Bodies come from the SaudiNewsNet zips\nin DIR, joined by url.")
	goldPath := fs.String("gold", "", "story labels, JSONL (internal/story/testdata/dev_clusters.jsonl)")
	dir := fs.String("data", "", "the SaudiNewsNet zips (../shared/data/news/saudinewsnet)")
	fs.StringVar(dir, "news", "", "same as --data")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	opt := story.DefaultOptions()
	fs.Float64Var(&opt.Threshold, "threshold", opt.Threshold, "least score to join a story (to explore; the default is fitted)")
	fs.Float64Var(&opt.Body, "body", opt.Body, "weight of body similarity")
	fs.Float64Var(&opt.Title, "title", opt.Title, "weight of title similarity")
	fs.Float64Var(&opt.Entities, "entities", opt.Entities, "weight of shared entities")
	fs.Float64Var(&opt.Time, "time", opt.Time, "weight of closeness in time")
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
	start := time.Now()
	rep := set.Report(eval.Cluster(feats, opt))
	rep.Seconds = time.Since(start).Seconds()
	rep.Options = fmt.Sprintf("body %g, title %g, entities %g, time %g, threshold %g, time scale %v, dormant after %v, revive %g (+%g a month, against the latest %d, %d shared entities for the full entity share, outlet's own entities from %g of its articles) within %v, %d body terms",
		opt.Body, opt.Title, opt.Entities, opt.Time, opt.Threshold, opt.TimeScale, opt.Dormant, opt.Revive, opt.ReviveRise, opt.Recent, opt.ReviveShared, opt.House, opt.Archive, opt.Terms)
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
	fs := newFlagSet(env, "train cluster", "--gold FILE --data DIR [--one-story FILE]",
		"Fit the clusterer's weights and thresholds (story.Fit over story.DefaultGrid)\non a story gold set, maximizing BCubed F1, and print the options to put in\nstory.DefaultOptions. With --one-story, only options under which the articles\nof FILE (JSONL: text, published, …; read as rasid ingest reads it) form one\nstory are admitted. The fit is deterministic.")
	goldPath := fs.String("gold", "", "story labels, JSONL (internal/story/testdata/dev_clusters.jsonl)")
	dir := fs.String("data", "", "the SaudiNewsNet zips (../shared/data/news/saudinewsnet)")
	fs.StringVar(dir, "news", "", "same as --data")
	oneStory := fs.String("one-story", "", "articles that must form one story (../shared/data/seeds.jsonl)")
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
	var together []story.Features
	if *oneStory != "" {
		together, err = fileFeatures(ctx, *oneStory)
		if err != nil {
			return fmt.Errorf("rasid train cluster: %w", err)
		}
	}
	score := func(o story.Options, assign []int) float64 {
		if len(together) > 0 {
			for _, s := range eval.Cluster(together, o) {
				if s != 0 {
					return -1
				}
			}
		}
		return set.Score(assign).F1
	}
	opt, f1 := story.Fit(feats, story.DefaultOptions(), story.DefaultGrid(), runtime.NumCPU(), score)
	if f1 < 0 {
		return fmt.Errorf("rasid train cluster: no options in the grid put the articles of %s in one story", *oneStory)
	}
	b := set.Score(eval.Cluster(feats, opt))
	fmt.Fprintf(env.Stdout, "best BCubed F1 %.4f (P %.4f R %.4f) on %d articles\n", f1, b.Precision, b.Recall, len(feats))
	fmt.Fprintf(env.Stdout, "Options{Body: %g, Title: %g, Entities: %g, Time: %g, Threshold: %g,\n\tTimeScale: %v, Dormant: %v, Terms: %d}\n",
		opt.Body, opt.Title, opt.Entities, opt.Time, opt.Threshold, opt.TimeScale, opt.Dormant, opt.Terms)
	return nil
}

// fileFeatures reads the articles of a file as rasid ingest reads it,
// analyzes them and returns their clusterer features in publication order.
func fileFeatures(ctx context.Context, path string) ([]story.Features, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var arts []news.Article
	err = ingest.Read(ctx, path, f, ingest.Options{}, func(it ingest.Item) error {
		if it.Refused() {
			return fmt.Errorf("%s", it)
		}
		arts = append(arts, it.Article)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(arts, func(a, b news.Article) int { return compareTimes(a.Published, b.Published) })
	an, err := analysis.Default()
	if err != nil {
		return nil, err
	}
	var out []story.Features
	for _, a := range arts {
		out = append(out, story.Extract(story.ItemOf(a, an.Analyze(a))))
	}
	return out, nil
}

// clusterResult says what one clustering step did.
type clusterResult struct {
	New        int `json:"new_articles"`    // articles added to stories
	Unanalyzed int `json:"unanalyzed"`      // articles left for later: no analysis yet
	Seeded     int `json:"seeded_articles"` // articles of active stories read back
	Active     int `json:"active_stories"`  // stories that could take new articles
	Created    int `json:"created_stories"` // stories started
	Joined     int `json:"joined_stories"`  // existing stories that took articles
	Slept      int `json:"dormant_stories"` // stories that took none and went dormant
	Woke       int `json:"woken_stories"`   // dormant stories marked active without an article (a stored flag out of date)
	Stories    int `json:"stories_written"` // stories stored: created + joined + dormant + woken
}

// clusterStore adds the analyzed articles of st that are in no story yet
// to stories, online, in publication order, and stores the stories that
// changed. The past is never recomputed: the clusterer's state is rebuilt
// from the stories still active (those whose last article is within the
// dormancy window of the first new article), their articles seeded in
// publication order with the stories they are in, and only the new
// articles are assigned.
func clusterStore(ctx context.Context, st store.Store, opt story.Options) (clusterResult, error) {
	var res clusterResult
	var fresh []news.Article
	analyses := map[string]news.Analysis{}
	const page = 1000
	for after := ""; ; {
		arts, err := st.Articles(ctx, store.ArticleFilter{After: after, Limit: page})
		if err != nil {
			return res, err
		}
		for _, a := range arts {
			sid, err := st.StoryOf(ctx, a.ID)
			if err != nil {
				return res, err
			}
			if sid != "" {
				continue
			}
			an, err := st.Analysis(ctx, a.ID)
			if errors.Is(err, store.ErrNotFound) {
				res.Unanalyzed++
				continue
			} else if err != nil {
				return res, err
			}
			analyses[a.ID] = an
			fresh = append(fresh, a)
		}
		if len(arts) < page {
			break
		}
		after = arts[len(arts)-1].ID
	}
	if len(fresh) == 0 {
		return res, nil
	}
	res.New = len(fresh)

	// The stories that can still take articles: the active ones and, when
	// dormant stories can be revived, those within the archive window.
	window := opt.Dormant
	if opt.Revive > 0 {
		window = max(window, opt.Archive)
	}
	var from time.Time
	if t := fresh[0].Published; !t.IsZero() {
		from = t.Add(-window)
	}
	var active []news.Story
	for off := 0; ; off += page {
		stored, err := st.Stories(ctx, from, time.Time{}, page, off)
		if err != nil {
			return res, err
		}
		for _, s := range stored {
			if !s.Dormant || opt.Revive > 0 {
				active = append(active, s)
			}
		}
		if len(stored) < page {
			break
		}
	}
	slices.SortFunc(active, func(a, b news.Story) int { return cmp.Or(a.First.Compare(b.First), cmp.Compare(a.ID, b.ID)) })
	res.Active = len(active)

	// Rebuild the clusterer from their articles, in publication order.
	type member struct {
		a     news.Article
		story int
	}
	var seeds []member
	for si, s := range active {
		for _, ref := range s.Articles {
			a, err := st.Article(ctx, ref.ID)
			if err != nil {
				return res, fmt.Errorf("story %s: article %s: %w", s.ID, ref.ID, err)
			}
			an, err := st.Analysis(ctx, ref.ID)
			if err != nil && !errors.Is(err, store.ErrNotFound) {
				return res, err
			}
			analyses[a.ID] = an
			seeds = append(seeds, member{a, si})
		}
	}
	slices.SortStableFunc(seeds, func(x, y member) int {
		return cmp.Or(compareTimes(x.a.Published, y.a.Published), cmp.Compare(x.a.ID, y.a.ID))
	})
	c := story.New(opt)
	// Seed wants story indexes in order of first appearance.
	index := map[int]int{}
	order := []int{}
	for _, m := range seeds {
		si, ok := index[m.story]
		if !ok {
			si = len(order)
			index[m.story] = si
			order = append(order, m.story)
		}
		c.Seed(story.Extract(story.ItemOf(m.a, analyses[m.a.ID])), si)
	}
	res.Seeded = len(seeds)

	// Add the new articles.
	members := make([][]news.Article, len(order))
	for _, m := range seeds {
		members[index[m.story]] = append(members[index[m.story]], m.a)
	}
	touched := map[int]bool{}
	// Dormancy is judged at the newest article known, seeded or new: an
	// old article arriving late, or an undated one, does not wake the
	// stories that went quiet before it.
	latest := time.Time{}
	for _, m := range seeds {
		if m.a.Published.After(latest) {
			latest = m.a.Published
		}
	}
	for _, a := range fresh {
		si := c.Add(story.ItemOf(a, analyses[a.ID]))
		for si >= len(members) {
			members = append(members, nil)
		}
		members[si] = append(members[si], a)
		touched[si] = true
		if a.Published.After(latest) {
			latest = a.Published
		}
	}

	// Store the stories that changed, and those that went dormant.
	var out []news.Story
	for si := range members {
		var s news.Story
		if si < len(order) {
			s = active[order[si]]
		} else {
			s = news.Story{ID: "s-" + members[si][0].ID}
			res.Created++
		}
		dormant := !latest.IsZero() && c.Dormant(si, latest)
		if !touched[si] && dormant == s.Dormant {
			continue
		}
		switch {
		case touched[si] && si < len(order):
			res.Joined++
		case !touched[si] && dormant:
			res.Slept++
		case !touched[si]:
			res.Woke++
		}
		out = append(out, storyOf(s.ID, members[si], dormant))
	}
	if err := st.PutStories(ctx, out); err != nil {
		return res, err
	}
	res.Stories = len(out)
	return res, nil
}

// storyOf makes the stored story of articles (in publication order).
func storyOf(id string, arts []news.Article, dormant bool) news.Story {
	s := news.Story{ID: id, Title: card.CentralTitle(arts), Dormant: dormant}
	for _, a := range arts {
		s.Articles = append(s.Articles, a.Ref())
		if a.Published.IsZero() {
			continue
		}
		if s.First.IsZero() || a.Published.Before(s.First) {
			s.First = a.Published
		}
		if a.Published.After(s.Last) {
			s.Last = a.Published
		}
	}
	return s
}

// compareTimes orders times with the zero time last.
func compareTimes(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

func runTrainIDF(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "train idf", "--data DIR [--out FILE] [--min N]",
		"Count the document frequency of content stems (story.Terms of title and body)\nover the ANT corpus archives in DIR and write the background table the story\nclusterer embeds. To rebuild it:\n  rasid train idf --data ../shared/data/news/ant-jawharafm --out internal/story/lexicon/df.txt")
	dir := fs.String("data", "", "the ANT corpus (../shared/data/news/ant-jawharafm)")
	out := fs.String("out", "", "where to write the table (default: stdout)")
	minDF := fs.Int("min", 3, "keep stems found in at least this many articles")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dir == "" {
		return usagef("rasid train idf: --data is required")
	}
	paths, err := filepath.Glob(filepath.Join(*dir, "*.tar.gz"))
	if err != nil || len(paths) == 0 {
		return fmt.Errorf("rasid train idf: no .tar.gz archives in %s", *dir)
	}
	slices.Sort(paths)
	var texts []string
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("rasid train idf: %w", err)
		}
		err = ingest.Read(ctx, p, f, ingest.Options{}, func(it ingest.Item) error {
			if !it.Refused() {
				texts = append(texts, it.Article.Title+"\n"+it.Article.Body)
			}
			return nil
		})
		f.Close()
		if err != nil {
			return fmt.Errorf("rasid train idf: %w", err)
		}
	}
	bg := story.CountBackground(slices.Values(texts), *minDF)
	header := fmt.Sprintf("Document frequencies of content stems (story.Terms of title and body) over %d articles of the\nANT corpus v1.1 (JawharaFM, Apache-2.0; Chouigui et al.), stems in at least %d articles. Rebuild with:\n  go run ./cmd/rasid train idf --data ../shared/data/news/ant-jawharafm --out internal/story/lexicon/df.txt", bg.Docs, *minDF)
	w := env.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("rasid train idf: %w", err)
		}
		defer f.Close()
		w = f
	}
	if err := bg.WriteTo(w, header); err != nil {
		return fmt.Errorf("rasid train idf: %w", err)
	}
	fmt.Fprintf(env.Stderr, "%d articles, %d stems kept\n", bg.Docs, len(bg.DF))
	return nil
}
