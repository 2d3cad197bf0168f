package cli

import (
	"bytes"
	"context"
	"os"
	"testing"
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
	if err := printCards(ctx, st, &out, 1); err != nil {
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
	if err := printCards(ctx, st, &out, 1); err != nil {
		t.Fatal(err)
	}
	t.Log(out.String())
}
