package store

import (
	"slices"
	"testing"
)

func TestSourceKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"okaz", "okaz"}, {"OKAZ", "okaz"}, {"AlRiyadh", "alriyadh"}, {"النبأ", "النبأ"}, {"Élan", "Élan"}, {"", ""},
	} {
		if got := SourceKey(tc.in); got != tc.want {
			t.Errorf("SourceKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMatchSources(t *testing.T) {
	stored := []string{"okaz", "Okaz", "alriyadh", "النبأ"}
	for _, tc := range []struct {
		wanted, want []string
	}{
		{[]string{"OKAZ"}, []string{"okaz", "Okaz"}},
		{[]string{"AlRiyadh", "alriyadh"}, []string{"alriyadh"}},
		{[]string{"النبأ"}, []string{"النبأ"}},
		{[]string{"nope"}, []string{"nope"}},
		{[]string{"nope", "okaz"}, []string{"nope", "okaz", "Okaz"}},
	} {
		if got := MatchSources(tc.wanted, stored); !slices.Equal(got, tc.want) {
			t.Errorf("MatchSources(%q) = %q, want %q", tc.wanted, got, tc.want)
		}
	}
}
