package story

import (
	"fmt"
	"testing"
)

func TestTimeline(t *testing.T) {
	ms := []Mention{
		{Article: "b", Source: "okaz", Date: "2020-01-03", Order: 2, Text: "وكانت غارة أميركية قرب مطار بغداد قد قتلت سليماني والمهندس في الثالث من يناير 2020."},
		{Article: "a", Source: "elaph", Date: "2020-01-03", Order: 1, Text: "واغتيل سليماني والمهندس بغارة أميركية قرب مطار بغداد مطلع عام 2020."},
		{Article: "a", Source: "elaph", Date: "2020-06", Order: 1, Text: "وبدأت واشنطن وبغداد في يونيو الماضي حوارا استراتيجيا."},
		{Article: "c", Source: "rudaw", Date: "2020-01-03", Order: 3, Text: "وصوت البرلمان العراقي على قرار يطالب بخروج القوات الأجنبية."},
		{Article: "c", Source: "rudaw", Date: "2021-10-10", Order: 3, Text: "وتجرى الانتخابات التشريعية المبكرة في العاشر من أكتوبر."},
		{Article: "c", Source: "rudaw", Date: "2008", Order: 3, Text: "ووقع البلدان اتفاقية الإطار الاستراتيجي عام 2008."},
		{Article: "d", Source: "x", Date: "PAST_REF", Order: 4, Text: "في وقت سابق."},
		{Article: "d", Source: "x", Date: "2021-10", Order: 4, Text: "وتجرى الانتخابات التشريعية المبكرة في أكتوبر المقبل."},
	}
	got := Timeline(ms, 0)
	var lines []string
	for _, e := range got {
		lines = append(lines, fmt.Sprintf("%s %v %v", e.Date, e.Sources, e.Outlets))
	}
	want := []string{
		"2008 [c] [rudaw]",
		"2020-01-03 [a b] [elaph okaz]",
		"2020-01-03 [c] [rudaw]",
		"2020-06 [a] [elaph]",
		"2021-10-10 [c d] [rudaw x]",
	}
	if fmt.Sprint(lines) != fmt.Sprint(want) {
		t.Errorf("timeline\n got %q\nwant %q", lines, want)
	}
	if got[1].Text != ms[1].Text {
		t.Errorf("merged event should read as its first telling, got %q", got[1].Text)
	}
	if short := Timeline(ms, 2); len(short) != 2 || short[0].Date != "2020-01-03" || short[1].Date != "2021-10-10" {
		t.Errorf("Timeline(max 2) should keep the two events told by two outlets, in date order: %+v", short)
	}
}

func TestCompareDates(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2020", "2020-01", -1},
		{"2020-01", "2020-01-01", -1},
		{"2019-12-31", "2020", -1},
		{"2020-02", "2020-01-15", 1},
		{"2020-05-05", "2020-05-05", 0},
	}
	for _, tc := range tests {
		if got := compareDates(tc.a, tc.b); got != tc.want {
			t.Errorf("compareDates(%s, %s) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
