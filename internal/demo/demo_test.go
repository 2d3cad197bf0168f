package demo_test

import (
	"context"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/demo"
	"github.com/rasid-news/rasid/internal/ingest"
	"github.com/rasid-news/rasid/internal/news"
)

// TestArticles checks every demo article: a date in the corpus's span, Arabic
// text of a news article's length, a unique ID computed as ingest computes it.
func TestArticles(t *testing.T) {
	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) < 14 || len(arts) > 18 {
		t.Fatalf("got %d articles, want 14 to 18", len(arts))
	}
	first := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	ids := map[string]string{}
	sources := map[string]int{}
	for i, a := range arts {
		t.Run(a.URL, func(t *testing.T) {
			if a.Published.Before(first) || !a.Published.Before(last) {
				t.Errorf("published %v, outside January to April 2026", a.Published)
			}
			if _, off := a.Published.Zone(); off != 3*3600 {
				t.Errorf("published %v: want zone +03:00", a.Published)
			}
			if i > 0 && a.Published.Before(arts[i-1].Published) {
				t.Errorf("published %v before the previous article's %v", a.Published, arts[i-1].Published)
			}
			if a.DateOrigin != news.DateInput || a.Lang != "ar" {
				t.Errorf("date origin %q, lang %q", a.DateOrigin, a.Lang)
			}
			if words := len(strings.Fields(a.Body)); words < 140 || words > 320 {
				t.Errorf("%d words, want about 150 to 300", words)
			}
			if share := arabicShare(a.Body); share < 0.9 {
				t.Errorf("%.0f%% of letters Arabic", share*100)
			}
			if !strings.HasPrefix(a.URL, "https://") || !strings.Contains(a.URL, ".example/") {
				t.Errorf("url %q is not on an .example host", a.URL)
			}
			if want := news.ArticleID(arabic.NormalizeString(a.Body), a.URL); a.ID != want {
				t.Errorf("id %s, want %s", a.ID, want)
			}
			if prev, dup := ids[a.ID]; dup {
				t.Errorf("id %s shared with %s", a.ID, prev)
			}
			ids[a.ID] = a.URL
			sources[a.Source]++
		})
	}
	if len(sources) < 4 {
		t.Errorf("%d outlets, want at least 4: %v", len(sources), sources)
	}
}

// TestIngest reads the embedded JSONL through ingest, as `rasid demo` does:
// every line is admitted, with the IDs and dates Articles gives.
func TestIngest(t *testing.T) {
	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	var got []news.Article
	err = ingest.Read(context.Background(), "articles.jsonl", strings.NewReader(string(demo.JSONL())), ingest.Options{}, func(it ingest.Item) error {
		if it.Refused() {
			t.Errorf("refused: %s", it)
			return nil
		}
		got = append(got, it.Article)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(arts) {
		t.Fatalf("ingest read %d articles, Articles gives %d", len(got), len(arts))
	}
	for i := range got {
		if got[i].ID != arts[i].ID || !got[i].Published.Equal(arts[i].Published) || got[i].Source != arts[i].Source {
			t.Errorf("line %d: ingest gives %s %v %s, Articles %s %v %s", i+1,
				got[i].ID, got[i].Published, got[i].Source, arts[i].ID, arts[i].Published, arts[i].Source)
		}
	}
}

// TestTextFiles checks that each plain-text version has a headline, a
// dateline that ingest recognizes, naming the outlet as the JSONL does, and
// the body of an article of the corpus.
func TestTextFiles(t *testing.T) {
	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ file, outlet, place string }{
		{"annaba-2026-01-08-yarmouk-talks.txt", "وكالة النبأ", "عمان"},
		{"alwadi-2026-02-17-yarmouk-statement.txt", "جريدة الوادي", "دمشق"},
		{"annaba-2026-02-05-iraq-flour.txt", "وكالة النبأ", "بغداد"},
	}
	files, err := fs.Glob(demo.TextFiles(), "*.txt")
	if err != nil || len(files) != len(tests) {
		t.Fatalf("text files %v (%v), want %d", files, err, len(tests))
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := fs.ReadFile(demo.TextFiles(), tc.file)
			if err != nil {
				t.Fatal(err)
			}
			a := ingest.ParseText(string(data))
			if a.Source != tc.outlet || a.Place != tc.place {
				t.Errorf("dateline gives outlet %q place %q, want %q %q", a.Source, a.Place, tc.outlet, tc.place)
			}
			found := false
			for _, b := range arts {
				if b.Title == a.Title {
					found = strings.HasSuffix(b.Body, a.Body)
				}
			}
			if !found {
				t.Errorf("title %q and body do not match a demo article", a.Title)
			}
		})
	}
}

// TestNearDuplicates checks that the corpus holds the near-duplicate pairs
// the dedup step is shown on: two outlets, one wire report, small edits.
func TestNearDuplicates(t *testing.T) {
	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	pairs := 0
	for i := range arts {
		for j := i + 1; j < len(arts); j++ {
			if arts[i].Source != arts[j].Source && jaccard(arts[i].Body, arts[j].Body) > 0.7 {
				pairs++
			}
		}
	}
	if pairs != 2 {
		t.Errorf("%d near-duplicate pairs, want 2", pairs)
	}
}

func jaccard(a, b string) float64 {
	set := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(arabic.NormalizeString(s)) {
			m[w] = true
		}
		return m
	}
	x, y := set(a), set(b)
	inter := 0
	for w := range x {
		if y[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(x)+len(y)-inter)
}

func arabicShare(s string) float64 {
	letters, ar := 0, 0
	for _, r := range s {
		if arabic.IsArabicLetter(r) {
			ar++
			letters++
		} else if r >= 'A' && r <= 'z' {
			letters++
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(ar) / float64(letters)
}

func ExampleArticles() {
	arts, err := demo.Articles()
	if err != nil {
		fmt.Println(err)
		return
	}
	a := arts[0]
	fmt.Println(a.Source, a.Published.Format("2006-01-02"))
	fmt.Println(a.Title)
	// Output:
	// وكالة النبأ 2026-01-08
	// الأردن وسوريا تبدآن في عمّان جولة مفاوضات جديدة حول مياه اليرموك
}
