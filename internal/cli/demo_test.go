package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rasid-news/rasid/internal/news"
)

func TestSeedsStory(t *testing.T) {
	data, err := os.ReadFile("../../../shared/data/seeds.jsonl")
	if err != nil {
		t.Skip("seeds not found at ../shared/data/seeds.jsonl")
	}
	ctx := context.Background()
	st := newMemStore()
	var log bytes.Buffer
	res, err := pipeline(ctx, st, []demoInput{{"seeds.jsonl", data}}, &log)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", res)
	var out bytes.Buffer
	if err := printCards(ctx, st, &out, 1, false); err != nil {
		t.Fatal(err)
	}
	t.Log(out.String())
}

func TestDemoCorpus(t *testing.T) {
	ctx := context.Background()
	st := newMemStore()
	ins, err := demoInputs()
	if err != nil {
		t.Fatal(err)
	}
	res, err := pipeline(ctx, st, ins, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", res)
	var out bytes.Buffer
	if err := printCards(ctx, st, &out, 1, false); err != nil {
		t.Fatal(err)
	}
	t.Log(out.String())
}

// partition returns the stories of st as sorted lists of article ids.
func partition(t *testing.T, st *memStore) []string {
	t.Helper()
	ss, err := listStories(context.Background(), st, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range ss {
		var ids []string
		for _, a := range s.Articles {
			ids = append(ids, a.ID)
		}
		slices.Sort(ids)
		out = append(out, s.ID+":"+strings.Join(ids, ","))
	}
	slices.Sort(out)
	return out
}

// TestClusterIncremental clusters the demo corpus in one step and in two
// (the first half, then the rest): the stories must be the same, and the
// second step must keep every story of the first (same id, its articles
// still in it).
func TestClusterIncremental(t *testing.T) {
	ctx := context.Background()
	ins, err := demoInputs()
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(ins[0].data, []byte("\n"))
	half := len(lines) / 2
	first := []demoInput{{"a.jsonl", bytes.Join(lines[:half], nil)}}
	rest := []demoInput{{"b.jsonl", bytes.Join(lines[half:], nil)}}

	whole := newMemStore()
	if _, err := pipeline(ctx, whole, []demoInput{ins[0]}, nil); err != nil {
		t.Fatal(err)
	}
	steps := newMemStore()
	if _, err := pipeline(ctx, steps, first, nil); err != nil {
		t.Fatal(err)
	}
	before := partition(t, steps)
	res, err := pipeline(ctx, steps, rest, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Cluster.Seeded == 0 || res.Cluster.New != len(lines)-half-1 && res.Cluster.New != len(lines)-half {
		t.Errorf("second step: %+v", res.Cluster)
	}
	after := partition(t, steps)
	if fmt.Sprint(after) != fmt.Sprint(partition(t, whole)) {
		t.Errorf("two steps gave\n%v\none step gave\n%v", after, partition(t, whole))
	}
	for _, b := range before {
		id, members, _ := strings.Cut(b, ":")
		s, err := steps.Story(ctx, id)
		if err != nil {
			t.Errorf("story %s of the first step is gone", id)
			continue
		}
		for _, m := range strings.Split(members, ",") {
			if !slices.ContainsFunc(s.Articles, func(r news.ArticleRef) bool { return r.ID == m }) {
				t.Errorf("article %s left story %s", m, id)
			}
		}
	}
	// A third run with nothing new changes nothing.
	res, err = pipeline(ctx, steps, nil, nil)
	if err != nil || res.Cluster.New != 0 {
		t.Errorf("empty step: %+v, %v", res.Cluster, err)
	}
}
