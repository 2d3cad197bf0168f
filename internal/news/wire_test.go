package news

import "testing"

func TestIsWireService(t *testing.T) {
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"واس", true}, {"رويترز", true}, {"الاناضول", true}, {"كونا", true},
		{"الأناضول", false}, // not normalized: callers pass arabic.NormalizeString's form
		{"الرياض", false}, {"وكالات", false},
	} {
		if got := IsWireService(c.w); got != c.want {
			t.Errorf("IsWireService(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}
