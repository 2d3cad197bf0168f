package ner_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rasid-news/rasid/internal/ner"
)

// TestSeedPersons checks that each of the five people of the seed
// articles gets exactly one entity id, holding all the spellings the
// texts use, and that no two of them share one.
func TestSeedPersons(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("seed articles not found at ../../../shared/seeds")
	}
	m, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := ner.NewCanonicalizer()
	type seen struct {
		id   int
		name string
	}
	var all []seen
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ms := m.Recognize(string(b))
		ids := c.Add(filepath.Base(f), ms)
		for i, mn := range ms {
			if mn.Type == ner.PERS {
				all = append(all, seen{ids[i], mn.Name})
			}
		}
	}
	people := []struct {
		who      string
		spelling []string // a mention is the person's when its name holds one of these words
	}{
		{"Pompeo", []string{"بومبيو"}},
		{"Blinken", []string{"بلينكن", "بلنكن"}},
		{"Fuad Hussein", []string{"فواد", "حسين"}},
		{"al-Kadhimi", []string{"الكاظمي", "كاظمي"}},
		{"Trump", []string{"ترمب", "ترامب"}},
	}
	owner := map[int]string{}
	for _, p := range people {
		t.Run(p.who, func(t *testing.T) {
			ids := map[int][]string{}
			for _, s := range all {
				for _, w := range strings.Fields(s.name) {
					for _, sp := range p.spelling {
						if w == sp {
							ids[s.id] = append(ids[s.id], s.name)
						}
					}
				}
			}
			if len(ids) != 1 {
				t.Fatalf("%d entity ids, want 1: %v", len(ids), ids)
			}
			for id, names := range ids {
				if o, ok := owner[id]; ok {
					t.Errorf("entity %d is both %s and %s", id, o, p.who)
				}
				owner[id] = p.who
				t.Logf("entity %d: %v", id, names)
			}
		})
	}
}
