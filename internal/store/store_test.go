package store

import (
	"slices"
	"testing"
	"time"
)

func TestSourceKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"okaz", "okaz"}, {"OKAZ", "okaz"}, {"AlRiyadh", "alriyadh"}, {"النبأ", "النبا"}, {"Élan", "élan"}, {"", ""},
		{"إيلاف", "ايلاف"}, {"ايلاف", "ايلاف"}, {"أيلاف", "ايلاف"}, {"إِيلاف", "ايلاف"}, {"إيـلاف", "ايلاف"},
		{"الجزيرة", "الجزيره"}, {"الجزيره", "الجزيره"}, {"الجزيرة نت", "الجزيره نت"},
		{"صدى البلد", "صدي البلد"}, {"صدي البلد", "صدي البلد"},
		{" الجزيرة  نت ", "الجزيره نت"}, {"الجزيرة\u00a0نت", "الجزيره نت"}, {"Al  Jazeera", "al jazeera"}, {"  ", ""},
	} {
		if got := SourceKey(tc.in); got != tc.want {
			t.Errorf("SourceKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMatchSources(t *testing.T) {
	stored := []string{"okaz", "Okaz", "alriyadh", "النبأ", "إيلاف", "ايلاف", "الجزيرة", "الجزيره", "صدى البلد"}
	for _, tc := range []struct {
		wanted, want []string
	}{
		{[]string{"OKAZ"}, []string{"okaz", "Okaz"}},
		{[]string{"AlRiyadh", "alriyadh"}, []string{"alriyadh"}},
		{[]string{"النبأ"}, []string{"النبأ"}},
		{[]string{"nope"}, []string{"nope"}},
		{[]string{"nope", "okaz"}, []string{"nope", "okaz", "Okaz"}},
		{[]string{"النبا"}, []string{"النبأ"}},
		{[]string{"ايلاف"}, []string{"إيلاف", "ايلاف"}},
		{[]string{"إِيلاف"}, []string{"إيلاف", "ايلاف"}},
		{[]string{"الجزيره"}, []string{"الجزيرة", "الجزيره"}},
		{[]string{"الجزيرة"}, []string{"الجزيرة", "الجزيره"}},
		{[]string{"صدي البلد"}, []string{"صدى البلد"}},
		{[]string{"الجزيرة  "}, []string{"الجزيرة", "الجزيره"}},
	} {
		if got := MatchSources(tc.wanted, stored); !slices.Equal(got, tc.want) {
			t.Errorf("MatchSources(%q) = %q, want %q", tc.wanted, got, tc.want)
		}
	}
}

func TestGroupSources(t *testing.T) {
	d := func(n int) time.Time { return time.Date(2026, 1, n, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name string
		in   []SourceStats
		want []SourceStats
	}{
		{"spellings", []SourceStats{
			{Source: "إيلاف", Articles: 2, First: d(3), Last: d(5)},
			{Source: "النبأ", Articles: 2, First: d(1), Last: d(1)},
			{Source: "ايلاف", Articles: 1, First: d(2), Last: d(9)},
		}, []SourceStats{
			{Source: "إيلاف", Articles: 3, First: d(2), Last: d(9)},
			{Source: "النبأ", Articles: 2, First: d(1), Last: d(1)},
		}},
		{"most common form wins", []SourceStats{
			{Source: "ايلاف", Articles: 5},
			{Source: "إيلاف", Articles: 1, First: d(4), Last: d(4)},
		}, []SourceStats{{Source: "ايلاف", Articles: 6, First: d(4), Last: d(4)}}},
		{"case", []SourceStats{{Source: "okaz", Articles: 1}, {Source: "OKAZ", Articles: 1}},
			[]SourceStats{{Source: "OKAZ", Articles: 2}}},
		{"unknown kept", []SourceStats{{Source: "", Articles: 1}}, []SourceStats{{Source: "", Articles: 1}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := GroupSources(tc.in); !slices.Equal(got, tc.want) {
				t.Errorf("GroupSources = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestGroupFacets(t *testing.T) {
	got := GroupFacets([]Facet{{Value: "ايلاف", Count: 1}, {Value: "النبأ", Count: 2}, {Value: "إيلاف", Count: 2}})
	want := []Facet{{Value: "إيلاف", Count: 3}, {Value: "النبأ", Count: 2}}
	if !slices.Equal(got, want) {
		t.Errorf("GroupFacets = %v, want %v", got, want)
	}
}
