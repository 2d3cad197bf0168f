package search

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// show renders a query compactly: clauses as text, OR as |, - for NOT,
// phrases in quotes, then the filters.
func show(q Query) string {
	var parts []string
	for _, c := range q.Clauses {
		var alts []string
		for _, t := range c.Any {
			s := t.Text
			if t.Phrase {
				s = `"` + s + `"`
			}
			alts = append(alts, s)
		}
		s := strings.Join(alts, "|")
		if c.Not {
			s = "-" + s
		}
		parts = append(parts, s)
	}
	f := q.Filters
	if len(f.Sources) > 0 {
		parts = append(parts, "source="+strings.Join(f.Sources, ","))
	}
	if !f.From.IsZero() {
		parts = append(parts, "from="+f.From.Format("2006-01-02"))
	}
	if !f.To.IsZero() {
		parts = append(parts, "to="+f.To.Format("2006-01-02"))
	}
	if len(f.Entities) > 0 {
		parts = append(parts, "entity="+strings.Join(f.Entities, ","))
	}
	if len(f.Stories) > 0 {
		parts = append(parts, "story="+strings.Join(f.Stories, ","))
	}
	return strings.Join(parts, " ")
}

func TestParse(t *testing.T) {
	tests := []struct {
		desc, in, want string
	}{
		{"words", "الحوار الاستراتيجي", "الحوار الاستراتيجي"},
		{"phrase", `"الحوار الاستراتيجي" بغداد`, `"الحوار الاستراتيجي" بغداد`},
		{"exclusion", "العراق -إيران", "العراق -إيران"},
		{"excluded phrase", `العراق -"الحشد الشعبي"`, `العراق -"الحشد الشعبي"`},
		{"OR", "ترمب OR ترامب بغداد", "ترمب|ترامب بغداد"},
		{"OR chain", "ترمب OR ترامب OR Trump", "ترمب|ترامب|Trump"},
		{"lower-case or is a word", "ترمب or ترامب", "ترمب or ترامب"},
		{"filters", "الانتخابات source:إيلاف from:2020-08-01 to:2021-10-31 entity:e12 story:s3", "الانتخابات source=إيلاف from=2020-08-01 to=2021-10-31 entity=e12 story=s3"},
		{"quoted filter value", `source:"كوردستان 24" الكاظمي`, "الكاظمي source=كوردستان 24"},
		{"Arabic-Indic digits in a date", "from:٢٠٢٠-٠٨-٠١", "from=2020-08-01"},
		{"filters only", "source:okaz", "source=okaz"},
		{"a colon that is no filter", "الساعة:10", "الساعة:10"},
		{"punctuation only is dropped", "، بغداد !", "بغداد"},
		{"a lone dash is dropped", "بغداد - طهران", "بغداد طهران"},
		{"empty", "  ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			q, err := Parse(tc.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			if got := show(q); got != tc.want {
				t.Errorf("Parse(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		desc, in, want string
		kind           ErrorKind
		args           []string
	}{
		{"unclosed quote", `"الحوار`, "at character 1: unclosed double quote", ErrKindUnclosedQuote, nil},
		{"bad date", "from:2020-13-01", "from:2020-13-01 is not a date", ErrKindBadDate, []string{"from", "2020-13-01"}},
		{"empty filter", "source:", "source: needs a value", ErrKindFilterValue, []string{"source"}},
		{"OR first", "OR بغداد", "OR must stand between two terms", ErrKindOrPlacement, nil},
		{"OR last", "بغداد OR", "OR at the end", ErrKindOrAtEnd, nil},
		{"OR OR", "بغداد OR OR طهران", "OR must stand between two terms", ErrKindOrPlacement, nil},
		{"OR with exclusion", "بغداد OR -طهران", "OR cannot join an excluded term", ErrKindOrExcluded, nil},
		{"to before from", "from:2021-01-02 to:2021-01-01", "to: is before from:", ErrKindDateOrder, nil},
		{"too long", strings.Repeat("ب", MaxQueryRunes+1), "over the limit", ErrKindTooLong, []string{strconv.Itoa(MaxQueryRunes + 1), strconv.Itoa(MaxQueryRunes)}},
		{"invalid UTF-8", "\xff", "invalid UTF-8", ErrKindInvalidUTF8, nil},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := Parse(tc.in)
			var qe *Error
			if !errors.As(err, &qe) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Parse(%q) error %v, want one containing %q", tc.in, err, tc.want)
			}
			if qe.Kind != tc.kind || !slices.Equal(qe.Args, tc.args) {
				t.Errorf("Parse(%q) error kind %q %q, want %q %q", tc.in, qe.Kind, qe.Args, tc.kind, tc.args)
			}
		})
	}
}

func TestIndexTermsConflate(t *testing.T) {
	// The forms a user may type must give the index term of the word as
	// stored, whatever the stemmer's exact output.
	base := IndexTerms("انتخابات")
	for _, form := range []string{"انتخاباتٌ", "انتخـابات", "اِنتخابات"} {
		if got := IndexTerms(form); strings.Join(got, " ") != strings.Join(base, " ") {
			t.Errorf("IndexTerms(%q) = %v, want %v", form, got, base)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"", `"الحوار الاستراتيجي" -إيران source:"كوردستان 24" from:2020-01-01`, "a OR b OR", `-"`, "from:", "OR", "\xff", "entity:e1 story:s2 to:2021-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			var qe *Error
			if !errors.As(err, &qe) {
				t.Fatalf("Parse(%q) returned a %T, want *Error", s, err)
			}
			if qe.Pos < 0 || qe.Pos > utf8.RuneCountInString(s) && qe.Pos != MaxQueryRunes {
				t.Fatalf("error position %d outside the query", qe.Pos)
			}
			return
		}
		for _, c := range q.Clauses {
			if len(c.Any) == 0 {
				t.Fatalf("empty clause in %q", s)
			}
			for _, term := range c.Any {
				if len(term.Terms) == 0 {
					t.Fatalf("term %q without index terms", term.Text)
				}
			}
		}
	})
}
