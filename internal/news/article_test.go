package news

import (
	"strings"
	"testing"
)

func TestHeadline(t *testing.T) {
	long := strings.Repeat("كلمة ", 40)
	for _, tc := range []struct {
		name, title, body, want string
	}{
		{"title", "  عنوان الخبر ", "نص", "عنوان الخبر"},
		{"first line", "", "السطر الأول\nالسطر الثاني", "السطر الأول"},
		{"spaces collapsed", "", "  بغداد   -  أعلن\tالوزير\n", "بغداد - أعلن الوزير"},
		{"cut at a word", "", long, strings.TrimSpace(strings.Repeat("كلمة ", 18)) + " …"},
		{"empty", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := (Article{Title: tc.title, Body: tc.body}).Headline(); got != tc.want {
				t.Errorf("Headline() = %q, want %q", got, tc.want)
			}
		})
	}
}
