package story

import (
	"fmt"
	"math"
	"testing"
	"time"
)

var lateMatch = Item{ID: "late-match", Published: day(26), Title: "النصر يفوز على الهلال في الدوري السعودي",
	Body:     "فاز النصر على الهلال بهدف دون رد في المباراة التي جمعتهما مساء أمس في الرياض ضمن الدوري السعودي للمحترفين.",
	Entities: []string{"al-hilal", "al-nassr", "riyadh"}}

func day(d int) time.Time { return time.Date(2021, 7, d, 9, 0, 0, 0, time.UTC) }

var (
	talksA = Item{ID: "talks-a", Published: day(1), Title: "انطلاق الجولة الرابعة من الحوار الاستراتيجي العراقي الأميركي في واشنطن",
		Body:     "انطلقت في واشنطن الجولة الرابعة من الحوار الاستراتيجي بين العراق والولايات المتحدة، برئاسة وزير الخارجية العراقي فؤاد حسين ونظيره الأميركي أنتوني بلينكن، لبحث مستقبل القوات القتالية الأميركية في العراق.",
		Entities: []string{"fuad-hussein", "blinken", "iraq", "usa"}}
	talksB = Item{ID: "talks-b", Published: day(2), Title: "بلينكن وفؤاد حسين يبحثان انسحاب القوات القتالية من العراق",
		Body:     "بحث وزير الخارجية الأميركي أنتوني بلينكن مع نظيره العراقي فؤاد حسين في واشنطن جدول انسحاب القوات القتالية الأميركية من العراق، ضمن الجولة الرابعة من الحوار الاستراتيجي بين البلدين.",
		Entities: []string{"blinken", "fuad-hussein", "iraq", "usa"}}
	match = Item{ID: "match", Published: day(2), Title: "الهلال يتغلب على النصر بهدفين في الدوري السعودي",
		Body:     "تغلب فريق الهلال على منافسه النصر بهدفين مقابل هدف في المباراة التي جمعتهما على ملعب الملك فهد الدولي في الرياض ضمن منافسات الدوري السعودي للمحترفين.",
		Entities: []string{"al-hilal", "al-nassr", "riyadh"}}
	talksLate = Item{ID: "talks-late", Published: day(25), Title: "الجولة الرابعة من الحوار الاستراتيجي العراقي الأميركي",
		Body:     "قال وزير الخارجية العراقي فؤاد حسين إن الجولة الرابعة من الحوار الاستراتيجي مع الولايات المتحدة بحثت انسحاب القوات القتالية الأميركية من العراق.",
		Entities: []string{"fuad-hussein", "iraq", "usa"}}
)

func TestClusterer(t *testing.T) {
	tests := []struct {
		desc  string
		items []Item
		want  []int
	}{
		{"two reports of one event join", []Item{talksA, talksB}, []int{0, 0}},
		{"another event stays apart", []Item{talksA, match, talksB}, []int{0, 1, 0}},
		{"a dormant story is revived by its continuation", []Item{talksA, talksB, talksLate}, []int{0, 0, 0}},
		{"a dormant story is not revived by another story", []Item{talksA, talksB, lateMatch}, []int{0, 0, 1}},
		{"unknown dates neither help nor hurt", []Item{undated(talksA), undated(talksB), undated(match)}, []int{0, 0, 1}},
		{"an empty article starts its own story", []Item{talksA, {ID: "empty", Published: day(2)}}, []int{0, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			c := New(DefaultOptions())
			var got []int
			for _, it := range tc.items {
				got = append(got, c.Add(it))
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("stories %v, want %v", got, tc.want)
			}
			if fmt.Sprint(c.Assignments()) != fmt.Sprint(got) {
				t.Errorf("Assignments %v differ from Add results %v", c.Assignments(), got)
			}
		})
	}
}

func TestClustererNoRevive(t *testing.T) {
	opt := DefaultOptions()
	opt.Revive = 0
	c := New(opt)
	var got []int
	for _, it := range []Item{talksA, talksB, talksLate} {
		got = append(got, c.Add(it))
	}
	if fmt.Sprint(got) != "[0 0 1]" {
		t.Errorf("with Revive 0 a dormant story took an item: %v", got)
	}
}

func undated(it Item) Item { it.Published = time.Time{}; return it }

func TestClustererDeterministic(t *testing.T) {
	items := []Item{talksA, match, talksB, talksLate}
	var first string
	for i := range 5 {
		c := New(DefaultOptions())
		for _, it := range items {
			c.Add(it)
		}
		got := fmt.Sprint(c.Stories())
		if i == 0 {
			first = got
		} else if got != first {
			t.Fatalf("run %d gave %s, first run %s", i, got, first)
		}
	}
}

// TestReviveThreshold holds the revival threshold's rise with the
// story's silence: flat up to Dormant, then ReviveRise per 30 days.
func TestReviveThreshold(t *testing.T) {
	day := 24 * time.Hour
	last := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		rise float64
		gap  time.Duration
		want float64
	}{
		{0, 300 * day, 0.22},
		{0.015, 3 * day, 0.22},
		{0.015, 5 * day, 0.22},
		{0.015, 35 * day, 0.235},
		{0.015, 365 * day, 0.40},
	} {
		opt := DefaultOptions()
		opt.Revive, opt.Dormant, opt.ReviveRise = 0.22, 5*day, tc.rise
		c := New(opt)
		if got := c.reviveThreshold(&cluster{last: last}, last.Add(tc.gap)); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("rise %g, gap %v: threshold %.4f, want %.4f", tc.rise, tc.gap, got, tc.want)
		}
	}
}

// TestReviveRecent holds that with Recent a dormant story is compared
// with its latest articles only: a story whose latest article is about a
// match (seeded into it) is not revived by more talks when Recent is 1,
// and is when the whole story counts.
func TestReviveRecent(t *testing.T) {
	matchLater := match
	matchLater.Published = talksB.Published.Add(time.Hour)
	for _, tc := range []struct {
		recent int
		want   bool // talksLate joins the first story
	}{
		{0, true},
		{1, false},
		{3, true},
	} {
		opt := DefaultOptions()
		opt.Recent, opt.ReviveRise = tc.recent, 0
		c := New(opt)
		for _, it := range []Item{talksA, talksB, matchLater} {
			c.Seed(Extract(it), 0)
		}
		if got := c.Add(talksLate) == 0; got != tc.want {
			t.Errorf("Recent %d: the late talks joined the story that drifted: %v, want %v", tc.recent, got, tc.want)
		}
	}
}

// TestReviveSpecific holds that only terms specific enough to be looked
// up count in the revival score: an outlet's name that every story of
// the archive carries does not lift a weak continuation over the
// threshold once it points at more dormant stories than reviveListMax,
// and does while it points at few. ReviveShared is 0: one shared entity
// counting half (ReviveShared 2) keeps the probe below the threshold with
// or without this rule, and the test would hold nothing.
func TestReviveSpecific(t *testing.T) {
	start := time.Date(2020, 3, 1, 9, 0, 0, 0, time.UTC)
	probe := Item{ID: "probe", Published: start.AddDate(0, 0, 10), Title: "p1 p2",
		Body: "s0a p3 p4 p5 p6 p7 p8 p9", Entities: []string{"outlet"}}
	for _, tc := range []struct {
		stories int
		revived bool
	}{
		{10, true},
		{reviveListMax + 6, false},
	} {
		opt := DefaultOptions()
		opt.ReviveShared = 0
		c := New(opt)
		for i := range tc.stories {
			s := fmt.Sprintf("s%d", i)
			c.Add(Item{ID: s, Published: start, Title: s + "t", Body: s + " " + s + "a " + s + "b", Entities: []string{"outlet"}})
		}
		if c.Len() != tc.stories {
			t.Fatalf("%d stories: the setup formed %d", tc.stories, c.Len())
		}
		if got := c.Add(probe) == 0; got != tc.revived {
			t.Errorf("%d stories carry the outlet: the probe revived the story it shares a word with: %v, want %v", tc.stories, got, tc.revived)
		}
	}
}

// TestReviveShared holds that one shared entity counts half the entity
// cosine when reviving (ReviveShared 2): a story whose latest article
// names one person is not revived by a report that shares that person
// and a word, and is when the two share two entities, or when
// ReviveShared does not apply.
func TestReviveShared(t *testing.T) {
	start := time.Date(2020, 3, 1, 9, 0, 0, 0, time.UTC)
	body := "w1 q2 q3 q4 q5 q6 q7 q8 q9 q10" // one word of ten shared
	for _, tc := range []struct {
		name    string
		shared  int      // Options.ReviveShared
		ents    []string // of both the story's article and the probe
		revived bool
	}{
		{"one entity, counted in full", 0, []string{"pers:x"}, true},
		{"one entity, ReviveShared 1", 1, []string{"pers:x"}, true},
		{"one entity, half", 2, []string{"pers:x"}, false},
		{"two entities", 2, []string{"pers:x", "pers:y"}, true},
	} {
		opt := DefaultOptions()
		opt.ReviveShared = tc.shared
		c := New(opt)
		c.Add(Item{ID: "a", Published: start, Title: "a1 a2", Body: "w1 w2 w3 w4", Entities: tc.ents})
		probe := Item{ID: "probe", Published: start.AddDate(0, 0, 10), Title: "p1", Body: body, Entities: tc.ents}
		if got := c.Add(probe) == 0; got != tc.revived {
			t.Errorf("%s: the probe revived the story: %v, want %v", tc.name, got, tc.revived)
		}
	}
}

// TestReviveHouse holds that an outlet's house entity (its name in its
// byline, in every article it runs) is no evidence when reviving, once
// the outlet has run houseMin articles: it lifts a weak continuation
// over the threshold before, with House 0, and for another outlet's
// article, and not after.
func TestReviveHouse(t *testing.T) {
	start := time.Date(2020, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		articles int // of the outlet, each a story of its own
		house    float64
		source   string // the probe's outlet
		revived  bool
	}{
		{houseMin - 10, 0.1, "radio", true},
		{houseMin + 10, 0, "radio", true},
		{houseMin + 10, 0.1, "radio", false},
		{houseMin + 10, 0.1, "other", true},
	} {
		opt := DefaultOptions()
		opt.House, opt.ReviveShared = tc.house, 0
		c := New(opt)
		for i := range tc.articles {
			s := fmt.Sprintf("s%d", i)
			c.Add(Item{ID: s, Published: start, Title: s + "t", Body: s + " " + s + "a " + s + "b",
				Entities: []string{"org:radio"}, Source: "radio"})
		}
		if c.Len() != tc.articles {
			t.Fatalf("%d articles: the setup formed %d stories", tc.articles, c.Len())
		}
		probe := Item{ID: "probe", Published: start.AddDate(0, 0, 10), Title: "p1 p2",
			Body: "s0a p3 p4 p5 p6 p7 p8 p9", Entities: []string{"org:radio"}, Source: tc.source}
		if got := c.Add(probe) == 0; got != tc.revived {
			t.Errorf("%d articles, House %g, probe from %s: revived the story it shares a word with: %v, want %v",
				tc.articles, tc.house, tc.source, got, tc.revived)
		}
	}
}

// TestHouseWindow holds that an outlet's entities are counted over its
// latest houseWindow articles only.
func TestHouseWindow(t *testing.T) {
	h := &house{df: map[int32]int32{}}
	for i := range houseWindow + 10 {
		ents := []int32{2}
		if i < 10 {
			ents = []int32{1, 2} // in the 10 oldest, out of the window
		}
		if n := h.count(ents); n != min(i+1, houseWindow) {
			t.Fatalf("article %d: the window holds %d", i, n)
		}
	}
	for _, tc := range []struct {
		id   int32
		want int32
	}{{1, 0}, {2, houseWindow}, {3, 0}} {
		if got := h.df[tc.id]; got != tc.want {
			t.Errorf("entity %d: in %d articles of the window, want %d", tc.id, got, tc.want)
		}
	}
}
