package web

import (
	"fmt"
	"net/http/httptest"
	"testing"
	"time"
)

func TestLocaleNumbers(t *testing.T) {
	tests := []struct {
		n      int
		ar, en string
	}{
		{0, "٠", "0"},
		{7, "٧", "7"},
		{999, "٩٩٩", "999"},
		{1000, "١٬٠٠٠", "1,000"},
		{31030, "٣١٬٠٣٠", "31,030"},
		{1234567, "١٬٢٣٤٬٥٦٧", "1,234,567"},
		{-4200, "-٤٬٢٠٠", "-4,200"},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.n), func(t *testing.T) {
			if got := (Locale{Arabic}).Num(tc.n); got != tc.ar {
				t.Errorf("ar: %q, want %q", got, tc.ar)
			}
			if got := (Locale{English}).Num(tc.n); got != tc.en {
				t.Errorf("en: %q, want %q", got, tc.en)
			}
		})
	}
}

func TestLocaleDates(t *testing.T) {
	day := time.Date(2015, 8, 5, 23, 0, 0, 0, time.FixedZone("AST", 3*3600))
	tests := []struct {
		name, ar, en string
		got          func(Locale) string
	}{
		{"date", "٥ أغسطس ٢٠١٥", "5 August 2015", func(l Locale) string { return l.Date(day) }},
		{"zero date", "", "", func(l Locale) string { return l.Date(time.Time{}) }},
		{"day value", "٥ أغسطس ٢٠١٥", "5 August 2015", func(l Locale) string { return l.Value("2015-08-05") }},
		{"month value", "ديسمبر ٢٠٢٣", "December 2023", func(l Locale) string { return l.Value("2023-12") }},
		{"year value", "٢٠٢٠", "2020", func(l Locale) string { return l.Value("2020") }},
		{"week value kept", "2015-W32", "2015-W32", func(l Locale) string { return l.Value("2015-W32") }},
		{"reference kept", "PAST_REF", "PAST_REF", func(l Locale) string { return l.Value("PAST_REF") }},
		{"bad day kept", "2015-02-30", "2015-02-30", func(l Locale) string { return l.Value("2015-02-30") }},
		{"every month", "يناير ٢٠١٥", "January 2015", func(l Locale) string { return l.Value("2015-01") }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.got(Locale{Arabic}); got != tc.ar {
				t.Errorf("ar: %q, want %q", got, tc.ar)
			}
			if got := tc.got(Locale{English}); got != tc.en {
				t.Errorf("en: %q, want %q", got, tc.en)
			}
		})
	}
}

func TestLocaleCount(t *testing.T) {
	tests := []struct {
		n      int
		ar, en string
	}{
		{0, "لا مقالات", "0 articles"},
		{1, "مقال واحد", "1 article"},
		{2, "مقالان", "2 articles"},
		{3, "٣ مقالات", "3 articles"},
		{10, "١٠ مقالات", "10 articles"},
		{11, "١١ مقالًا", "11 articles"},
		{99, "٩٩ مقالًا", "99 articles"},
		{100, "١٠٠ مقال", "100 articles"},
		{103, "١٠٣ مقالات", "103 articles"},
		{1000, "١٬٠٠٠ مقال", "1,000 articles"},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.n), func(t *testing.T) {
			for _, c := range []struct {
				l    Locale
				want string
			}{{Locale{Arabic}, tc.ar}, {Locale{English}, tc.en}} {
				if got, err := c.l.Count("articles", tc.n); err != nil || got != c.want {
					t.Errorf("%s: %q %v, want %q", c.l.Lang, got, err, c.want)
				}
			}
		})
	}
	if _, err := (Locale{Arabic}).Count("nothing", 1); err == nil {
		t.Error("an unknown plural gave no error")
	}
}

func TestLangOf(t *testing.T) {
	tests := []struct {
		url, cookie string
		want        Lang
	}{
		{"/", "", Arabic},
		{"/?lang=en", "", English},
		{"/?lang=ar", "en", Arabic},
		{"/", "en", English},
		{"/?lang=fr", "en", English},
		{"/?lang=fr", "", Arabic},
		{"/", "<script>", Arabic},
	}
	for _, tc := range tests {
		t.Run(tc.url+" "+tc.cookie, func(t *testing.T) {
			r := httptest.NewRequest("GET", tc.url, nil)
			if tc.cookie != "" {
				r.Header.Set("Cookie", langCookie+"="+tc.cookie)
			}
			if got := langOf(r); got != tc.want {
				t.Errorf("%s", got)
			}
		})
	}
}

func TestUnknownKeyIsAnError(t *testing.T) {
	if _, err := (Locale{Arabic}).T("no.such.key"); err == nil {
		t.Error("an unknown key gave no error")
	}
	if got := (Locale{English}).TypeName("WEIRD"); got != "WEIRD" {
		t.Errorf("unknown type shown as %q", got)
	}
}

func ExampleLocale() {
	for _, l := range []Locale{{Arabic}, {English}} {
		fmt.Println(l.Dir(), l.Num(31030), l.Value("2015-08-05"))
	}
	// Output:
	// rtl ٣١٬٠٣٠ ٥ أغسطس ٢٠١٥
	// ltr 31,030 5 August 2015
}
