package eval

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/rasid-news/rasid/internal/analysis"
	"github.com/rasid-news/rasid/internal/dedup"
	"github.com/rasid-news/rasid/internal/racedetect"
	"github.com/rasid-news/rasid/internal/story"
)

const newsDir = "../../../shared/data/news/saudinewsnet"

// loadDevClusters reads the story dev gold joined to SaudiNewsNet, or
// skips when the corpus is missing.
func loadDevClusters(t testing.TB) ClusterSet {
	t.Helper()
	if _, err := os.Stat(newsDir); err != nil {
		t.Skip("SaudiNewsNet not found at ../shared/data/news/saudinewsnet")
	}
	f, err := os.Open(filepath.Join("..", "story", "testdata", "dev_clusters.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := ReadStoryGold(f, "dev_clusters.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, g := range gold {
		want[g.URL] = true
	}
	arts, err := ReadSaudiNewsNet(newsDir, func(u string) bool { return want[u] })
	if err != nil {
		t.Fatal(err)
	}
	set, err := JoinStoryGold(gold, arts)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// TestClusterDevGuard clusters the development story set with the default
// options and fails when BCubed falls below what was measured (P 0.962,
// R 0.949, F1 0.956 when the guard was set; the options were fitted on
// this same set, so this guards against regressions, it says nothing of
// held-out quality). The guard sits a little under; it is not a target.
func TestClusterDevGuard(t *testing.T) {
	if racedetect.On {
		t.Skip("quality guard: runs without -race")
	}
	set := loadDevClusters(t)
	an, err := analysis.Default()
	if err != nil {
		t.Fatal(err)
	}
	rep := set.Report(Cluster(set.Features(AnalysisEntities(an)), story.DefaultOptions()))
	if rep.Articles != 1067 {
		t.Errorf("scored %d articles, want 1067", rep.Articles)
	}
	t.Logf("BCubed P %.3f R %.3f F1 %.3f", rep.BCubed.Precision, rep.BCubed.Recall, rep.BCubed.F1)
	if rep.BCubed.F1 < 0.95 {
		t.Errorf("BCubed F1 = %.3f, below the guard 0.95", rep.BCubed.F1)
	}
	if rep.BCubed.Recall < 0.94 {
		t.Errorf("BCubed recall = %.3f, below the guard 0.94", rep.BCubed.Recall)
	}
	if rep.Singletons.F1 >= rep.BCubed.F1 {
		t.Errorf("clustering F1 %.3f does not beat one story per article (%.3f)", rep.BCubed.F1, rep.Singletons.F1)
	}
}

// TestDedupDevGuard finds near-duplicates among the articles of the
// development pairs with the default options and fails when the scores
// fall below what was measured (P 0.982, R 0.880, F1 0.928; 0 of 35
// independent same-story pairs flagged, when the guard was set; the
// options were chosen on this set).
func TestDedupDevGuard(t *testing.T) {
	if racedetect.On {
		t.Skip("quality guard: runs without -race")
	}
	if _, err := os.Stat(newsDir); err != nil {
		t.Skip("SaudiNewsNet not found at ../shared/data/news/saudinewsnet")
	}
	f, err := os.Open(filepath.Join("..", "dedup", "testdata", "dev_pairs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := ReadDedupGold(f, "dev_pairs.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want := DedupURLs(gold)
	arts, err := ReadSaudiNewsNet(newsDir, func(u string) bool { return want[u] })
	if err != nil {
		t.Fatal(err)
	}
	rep := RunDedup(gold, arts, dedup.DefaultOptions(), false)
	if rep.Pairs != 237 || rep.Verified != 191 {
		t.Errorf("read %d pairs (%d verified), want 237 (191)", rep.Pairs, rep.Verified)
	}
	t.Logf("P %.3f R %.3f F1 %.3f, independent flagged %d/%d", rep.PRF.Precision, rep.PRF.Recall, rep.PRF.F1, rep.IndependentFound, rep.IndependentSame)
	if rep.PRF.F1 < 0.92 {
		t.Errorf("F1 = %.3f, below the guard 0.92", rep.PRF.F1)
	}
	if rep.PRF.Precision < 0.97 {
		t.Errorf("precision = %.3f, below the guard 0.97", rep.PRF.Precision)
	}
	if rep.Independent > 0.05 {
		t.Errorf("%.1f%% of independent same-story pairs flagged, above the guard 5%%", 100*rep.Independent)
	}
}

func TestReadStoryGold(t *testing.T) {
	tests := []struct {
		desc, in, wantErr string
		want              int
	}{
		{"two lines", `{"url":"a","story":"s"}` + "\n" + `{"url":"b","story":"s"}`, "", 2},
		{"blank lines skipped", "\n" + `{"url":"a","story":"s"}` + "\n\n", "", 1},
		{"missing story", `{"url":"a"}`, "x:1: url and story are required", 0},
		{"url twice", `{"url":"a","story":"s"}` + "\n" + `{"url":"a","story":"t"}`, "x:2: url a already labelled on line 1", 0},
		{"bad json", `{"url":`, "x:1:", 0},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			got, err := ReadStoryGold(strings.NewReader(tc.in), "x")
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || len(got) != tc.want {
				t.Fatalf("got %d labels, %v; want %d", len(got), err, tc.want)
			}
		})
	}
}

func TestClusterSetScore(t *testing.T) {
	set := ClusterSet{Articles: make([]NewsArticle, 4), Gold: []string{"x", "x", "y", "z"}}
	tests := []struct {
		desc   string
		assign []int
		p, r   float64
	}{
		{"perfect", []int{0, 0, 1, 2}, 1, 1},
		{"all apart", []int{0, 1, 2, 3}, 1, 0.75},
		{"all together", []int{0, 0, 0, 0}, (0.5*2 + 0.25*2) / 4, 1},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			b := set.Score(tc.assign)
			if abs(b.Precision-tc.p) > 1e-9 || abs(b.Recall-tc.r) > 1e-9 {
				t.Errorf("P %v R %v, want %v %v", b.Precision, b.Recall, tc.p, tc.r)
			}
		})
	}
	if rep := set.Report([]int{0, 0, 1, 2}); rep.GoldStories != 3 || rep.Stories != 3 || rep.Multi != 1 {
		t.Errorf("report counts %+v", rep)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestScoreDedup(t *testing.T) {
	yes, no := true, false
	gold := []DedupGold{
		{A: "a", B: "b", Verified: true, SameStory: &yes},
		{A: "a", B: "c", Verified: true, SameStory: &yes},
		{A: "d", B: "e", Verified: false, SameStory: &yes}, // independent reports
		{A: "f", B: "g", Verified: false, SameStory: &no},  // a template
	}
	found := map[[2]string]bool{{"a", "b"}: true, {"d", "e"}: true}
	rep := ScoreDedup(gold, func(a, b string) bool { return found[[2]string{a, b}] }, true)
	if rep.PRF.TP != 1 || rep.PRF.FP != 1 || rep.PRF.FN != 1 {
		t.Errorf("counts %+v", rep.PRF)
	}
	if rep.IndependentSame != 1 || rep.IndependentFound != 1 || rep.Independent != 1 {
		t.Errorf("independent %d/%d", rep.IndependentFound, rep.IndependentSame)
	}
	if len(rep.Misses) != 1 || len(rep.FalseAlarms) != 1 {
		t.Errorf("errors listed: %d misses, %d false alarms", len(rep.Misses), len(rep.FalseAlarms))
	}
}

func FuzzReadStoryGold(f *testing.F) {
	f.Add(`{"url":"a","story":"s","source":"okaz","date":"2015-08-09","confidence":"high"}`)
	f.Add("{\"url\":\"a\",\"story\":\"s\"}\n{\"url\":\"a\",\"story\":\"t\"}")
	f.Add(`{"url":`)
	f.Fuzz(func(t *testing.T, in string) {
		gold, err := ReadStoryGold(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, g := range gold {
			if g.URL == "" || g.Story == "" || seen[g.URL] {
				t.Fatalf("accepted a bad label %+v", g)
			}
			seen[g.URL] = true
		}
	})
}

func FuzzReadDedupGold(f *testing.F) {
	f.Add(`{"a_url":"a","b_url":"b","containment":0.9,"verified":true,"same_story":true}`)
	f.Add(`{"a_url":"a","b_url":"a"}`)
	f.Add(`[1,2]`)
	f.Fuzz(func(t *testing.T, in string) {
		gold, err := ReadDedupGold(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, g := range gold {
			if g.A == "" || g.B == "" || g.A == g.B {
				t.Fatalf("accepted a bad pair %+v", g)
			}
		}
		ScoreDedup(gold, func(a, b string) bool { return a < b }, true)
	})
}

// TestClusterSetItems holds that the clusterer's items carry what the
// pipeline's (story.ItemOf) do, the outlet included: without it an
// evaluation leaves Options.House out, which rasid cluster applies.
func TestClusterSetItems(t *testing.T) {
	day := time.Date(2015, 8, 9, 10, 0, 0, 0, time.UTC)
	set := ClusterSet{Articles: []NewsArticle{
		{Source: "okaz", URL: "u1", Title: "t1", Content: "c1", Published: day},
		{URL: "u2", Title: "t2", Content: "c2", Published: day},
	}}
	ents := func(a NewsArticle) []string { return []string{"e:" + a.URL} }
	for i, it := range set.Items(ents) {
		a := set.Articles[i]
		want := story.Item{ID: a.URL, Published: a.Published, Title: a.Title, Body: a.Content, Entities: []string{"e:" + a.URL}, Source: a.Source}
		if !reflect.DeepEqual(it, want) {
			t.Errorf("item %d: %+v, want %+v", i, it, want)
		}
	}
	if fs := set.Features(nil); fs[0].Source != "okaz" || fs[1].Source != "" {
		t.Errorf("features' outlets %q, %q, want okaz and none", fs[0].Source, fs[1].Source)
	}
}
