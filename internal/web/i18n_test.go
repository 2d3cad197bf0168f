package web

import (
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/rasid-news/rasid/internal/search"
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

// TestQueryErrors: the search page says why a query is refused in the
// page's language, with the position in Arabic-Indic digits on the
// Arabic page; the English page keeps the parser's words.
func TestQueryErrors(t *testing.T) {
	_, h := newFixtureServer(t)
	for _, tc := range []struct {
		name, query, ar, en string
	}{
		{"unclosed quote", `بغداد "الحوار`, "عند الحرف ٧: علامة تنصيص مزدوجة (&#34;) لم تُغلق", "at character 7: unclosed double quote"},
		{"bad date", "from:2020-13-01", "عند الحرف ١: from:2020-13-01 ليس تاريخًا (الصيغة YYYY-MM-DD)", "from:2020-13-01 is not a date"},
		{"empty filter", "بغداد source:", "عند الحرف ٧: المرشّح source: بلا قيمة", "source: needs a value"},
		{"OR first", "OR بغداد", "عند الحرف ١: يجب أن تقع OR بين كلمتين أو عبارتين", "OR must stand between two terms"},
		{"OR last", "بغداد OR", "OR في آخر البحث", "OR at the end of the query"},
		{"OR with exclusion", "بغداد OR -طهران", "لا تربط OR كلمة مستبعدة", "OR cannot join an excluded term"},
		{"to before from", "from:2021-01-02 to:2021-01-01", "تاريخ to: قبل تاريخ from:", "to: is before from:"},
		{"too long", strings.Repeat("ب ", 300), "طول البحث ٦٠٠ حرفًا، والحد ", "over the limit of"},
		{"exclusions only", "-غزة", "البحث بالاستبعاد وحده يحتاج إلى كلمة أو مرشّح", "a query of exclusions only needs a word or a filter"},
		{"excluded phrase only", `-"قطاع غزة"`, "البحث بالاستبعاد وحده يحتاج إلى كلمة أو مرشّح", "a query of exclusions only needs a word or a filter"},
		{"two exclusions", "-غزة -بغداد", "البحث بالاستبعاد وحده يحتاج إلى كلمة أو مرشّح", "a query of exclusions only needs a word or a filter"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, l := range []struct{ lang, want, not string }{{"ar", tc.ar, "query:"}, {"en", tc.en, "عند الحرف"}} {
				res, body := get(t, h, "/search?lang="+l.lang+"&q="+url.QueryEscape(tc.query))
				if res.StatusCode != 400 {
					t.Fatalf("%s: status %d", l.lang, res.StatusCode)
				}
				if !strings.Contains(body, l.want) || strings.Contains(body, l.not) {
					t.Errorf("%s page lacks %q (or has %q):\n%s", l.lang, l.want, l.not, alertOf(body))
				}
			}
		})
	}
}

// alertOf returns the error paragraph of a page, for test messages.
func alertOf(body string) string {
	i := strings.Index(body, `role="alert"`)
	if i < 0 {
		return "(no alert)"
	}
	j := strings.Index(body[i:], "</p>")
	if j < 0 {
		j = len(body) - i
	}
	return body[i : i+j]
}

// TestQueryErrorKinds: every kind of query error has an Arabic message
// that its Args fill.
func TestQueryErrorKinds(t *testing.T) {
	for _, k := range search.ErrorKinds {
		f, ok := queryErrors[k]
		if !ok {
			t.Errorf("no Arabic message for %q", k)
			continue
		}
		args := make([]string, strings.Count(f, "%s"))
		for i := range args {
			args[i] = "1"
		}
		got := (Locale{Arabic}).QueryError(&search.Error{Pos: -1, Kind: k, Args: args})
		if strings.Contains(got, "%!") || !strings.ContainsFunc(got, func(r rune) bool { return r >= 0x0621 && r <= 0x064A }) {
			t.Errorf("%q: %q", k, got)
		}
	}
}
