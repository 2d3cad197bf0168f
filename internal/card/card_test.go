package card

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/rasid-news/rasid/internal/news"
)

func at(d int) time.Time { return time.Date(2021, 7, d, 9, 0, 0, 0, time.UTC) }

// span returns the Span of sub in body (code points).
func span(body, sub string) news.Span {
	i := strings.Index(body, sub)
	if i < 0 {
		panic("no " + sub)
	}
	start := len([]rune(body[:i]))
	return news.Span{Text: sub, Start: start, End: start + len([]rune(sub))}
}

const (
	bodyA = "انطلقت في واشنطن اليوم الجولة الرابعة من الحوار الاستراتيجي بين العراق والولايات المتحدة. وقال وزير الخارجية فؤاد حسين إن العراق يريد علاقات متوازنة. وكانت القوات الأميركية قد خفضت عددها إلى 2500 جندي في سبتمبر 2020."
	bodyB = "بدأت الجولة الرابعة من الحوار الاستراتيجي في واشنطن. وقال فؤاد حسين إن العراق يريد علاقات متوازنة. وخصصت واشنطن 155 مليون دولار للمساعدات. وكانت القوات الأميركية قد خفضت عددها في سبتمبر 2020 إلى 3000 عسكري."
)

func sents(body string) []news.Span {
	var out []news.Span
	for _, s := range strings.SplitAfter(body, ". ") {
		out = append(out, span(body, strings.TrimSpace(s)))
	}
	return out
}

func fixture() (news.Story, []news.Article, map[string]news.Analysis) {
	arts := []news.Article{
		{ID: "b", Source: "okaz", Title: "بدء الجولة الرابعة من الحوار الاستراتيجي العراقي الأميركي", Published: at(2), Body: bodyB},
		{ID: "a", Source: "elaph", Title: "العراق وأميركا في واشنطن: الجولة الرابعة من الحوار الاستراتيجي", Published: at(1), Body: bodyA},
	}
	ans := map[string]news.Analysis{
		"a": {ID: "a", Sentences: sents(bodyA),
			Entities: []news.Entity{
				{Span: span(bodyA, "واشنطن"), Type: "LOC", EntityID: "washington", Name: "واشنطن"},
				{Span: span(bodyA, "فؤاد حسين"), Type: "PERS", EntityID: "fuad", Name: "فؤاد حسين", Role: "وزير الخارجية"},
			},
			Timexes: []news.Timex{
				{Span: span(bodyA, "اليوم"), Type: "date", Value: "2021-07-01"},
				{Span: span(bodyA, "سبتمبر 2020"), Type: "date", Value: "2020-09"},
			},
			Quantities: []news.Quantity{
				{Span: span(bodyA, "2500 جندي"), Type: "count", Value: 2500, Unit: "جندي"},
				{Span: span(bodyA, "2020"), Type: "number", Value: 2020},
			},
			Quotes: []news.Quote{{Span: span(bodyA, "العراق يريد علاقات متوازنة"), Speaker: news.Speaker{Name: "فؤاد حسين", EntityID: "fuad"}}},
		},
		"b": {ID: "b", Sentences: sents(bodyB),
			Entities: []news.Entity{
				{Span: span(bodyB, "واشنطن"), Type: "LOC", EntityID: "washington", Name: "واشنطن"},
				{Span: span(bodyB, "فؤاد حسين"), Type: "PERS", EntityID: "fuad", Name: "فؤاد حسين"},
			},
			Timexes: []news.Timex{{Span: span(bodyB, "سبتمبر 2020"), Type: "date", Value: "2020-09"}},
			Quantities: []news.Quantity{
				{Span: span(bodyB, "155 مليون دولار"), Type: "money", Value: 155e6, Unit: "USD"},
				{Span: span(bodyB, "2020"), Type: "count", Value: 2020, Unit: "إلى"},
			},
			Quotes: []news.Quote{{Span: span(bodyB, "العراق يريد علاقات متوازنة"), Speaker: news.Speaker{Name: "فؤاد حسين", EntityID: "fuad"}}},
		},
	}
	return news.Story{ID: "s-1"}, arts, ans
}

func TestBuild(t *testing.T) {
	s, arts, ans := fixture()
	c := Build(s, arts, ans, DefaultOptions())
	tests := []struct {
		desc, got, want string
	}{
		{"articles in publication order", c.Articles[0].ID + c.Articles[1].ID, "ab"},
		{"span", c.First.Format(time.DateOnly) + " " + c.Last.Format(time.DateOnly), "2021-07-01 2021-07-02"},
		{"outlets", fmt.Sprint(c.Outlets), "[{elaph 1} {okaz 1}]"},
		{"entities merged by id, roles kept", fmt.Sprintf("%s %v %d", c.Entities[0].Name, c.Entities[1].Roles, c.Entities[1].Articles), "واشنطن [وزير الخارجية] 2"},
		{"one speaker, one quote told twice", fmt.Sprintf("%d %s %d", len(c.Quotes), c.Quotes[0].Name, len(c.Quotes[0].Quotes)), "1 فؤاد حسين 1"},
		{"figures: money and counts, no years", fmt.Sprint(len(c.Figures), " ", c.Figures[0].Type, " ", c.Figures[1].Type), "2 money count"},
		{"timeline by event date", fmt.Sprint(c.Timeline[0].Date, " ", c.Timeline[1].Date), "2020-09 2021-07-01"},
		{"one event told by two outlets", fmt.Sprint(c.Timeline[0].Sources, c.Timeline[0].Outlets), "[a b] [elaph okaz]"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
	if c.Title == "" || len(c.Summary) == 0 {
		t.Errorf("title %q, %d summary sentences", c.Title, len(c.Summary))
	}
	for _, st := range c.Summary {
		if st.Article != "a" && st.Article != "b" {
			t.Errorf("summary sentence cites %q", st.Article)
		}
	}
}

// TestBuildOutletSpellings checks that outlet names that differ only in
// hamza or alef forms, diacritics, tatweel or ASCII case are one outlet,
// in the card's outlets and in its timeline, named by the form written
// most often (ties: the form that sorts first).
func TestBuildOutletSpellings(t *testing.T) {
	tests := []struct {
		b, a     string // sources of articles b (2021-07-02) and a (2021-07-01)
		outlets  string
		timeline string // outlets of the event told by both
	}{
		{"okaz", "elaph", "[{elaph 1} {okaz 1}]", "[elaph okaz]"},
		{"ايلاف", "إيلاف", "[{إيلاف 2}]", "[إيلاف]"},
		{"إيـلاف", "إِيلاف", "[{إيـلاف 2}]", "[إيـلاف]"},
		{"okaz", "OKAZ", "[{OKAZ 2}]", "[OKAZ]"},
		{"", "إيلاف", "[{إيلاف 1}]", "[إيلاف]"},
	}
	for _, tc := range tests {
		t.Run(tc.b+","+tc.a, func(t *testing.T) {
			s, arts, ans := fixture()
			arts[0].Source, arts[1].Source = tc.b, tc.a
			c := Build(s, arts, ans, DefaultOptions())
			if got := fmt.Sprint(c.Outlets); got != tc.outlets {
				t.Errorf("outlets = %s, want %s", got, tc.outlets)
			}
			if got := fmt.Sprint(c.Timeline[0].Outlets); got != tc.timeline {
				t.Errorf("timeline outlets = %s, want %s", got, tc.timeline)
			}
		})
	}
}

func TestBuildEmpty(t *testing.T) {
	c := Build(news.Story{ID: "x", Title: "t"}, nil, nil, DefaultOptions())
	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{`"timeline":[]`, `"entities":[]`, `"quotes":[]`, `"summary":[]`, `"articles":[]`} {
		if !bytes.Contains(data, []byte(field)) {
			t.Errorf("empty card JSON lacks %s: %s", field, data)
		}
	}
	if c.Title != "t" {
		t.Errorf("title %q, want the story's", c.Title)
	}
}

func TestCentralTitle(t *testing.T) {
	arts := []news.Article{
		{Title: "الهلال يفوز على النصر", Body: "فاز الهلال على النصر في الدوري."},
		{Title: "الجولة الرابعة من الحوار الاستراتيجي في واشنطن", Body: "انطلقت الجولة الرابعة من الحوار الاستراتيجي."},
		{Title: "انطلاق الحوار الاستراتيجي", Body: "بدأ الحوار الاستراتيجي بين البلدين في واشنطن في جولته الرابعة."},
	}
	if got := CentralTitle(arts); got != arts[1].Title {
		t.Errorf("CentralTitle = %q, want %q", got, arts[1].Title)
	}
	if got := CentralTitle(nil); got != "" {
		t.Errorf("CentralTitle(nil) = %q", got)
	}
	spa := []news.Article{{Title: "عام / نائب خادم الحرمين الشريفين يرأس جلسة مجلس الوزراء", Body: "رأس نائب خادم الحرمين الشريفين جلسة مجلس الوزراء."}}
	if got, want := CentralTitle(spa), "نائب خادم الحرمين الشريفين يرأس جلسة مجلس الوزراء"; got != want {
		t.Errorf("CentralTitle of an SPA headline = %q, want %q", got, want)
	}
}

// TestStripDesk checks that the desk label of an agency's headline goes
// and that other slashes stay.
func TestStripDesk(t *testing.T) {
	tests := []struct{ in, want string }{
		{"عام / الجوازات تنهي تصحيح أوضاع أكثر من 439 ألف يمني", "الجوازات تنهي تصحيح أوضاع أكثر من 439 ألف يمني"},
		{"سياسي / معالي وزير الخارجية يؤكد حرص المملكة", "معالي وزير الخارجية يؤكد حرص المملكة"},
		{" إقتصادي / مؤشر السوق يرتفع ", "مؤشر السوق يرتفع"},
		{"اقتصادي / ", "اقتصادي /"},
		{"آب/أغسطس 2015: حصاد الشهر", "آب/أغسطس 2015: حصاد الشهر"},
		{"الهلال / النصر: تعادل سلبي", "الهلال / النصر: تعادل سلبي"},
		{"عام/2015 في أرقام", "عام/2015 في أرقام"},
		{"الهلال يفوز على النصر", "الهلال يفوز على النصر"},
	}
	for _, tc := range tests {
		if got := StripDesk(tc.in); got != tc.want {
			t.Errorf("StripDesk(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRender(t *testing.T) {
	s, arts, ans := fixture()
	arts[0].Title = "<script>alert(1)</script> *bold*"
	arts[1].Title = "" // untitled: the sources list shows its opening
	c := Build(s, arts, ans, DefaultOptions())
	checkRenders(t, c, []renderCase{
		{"text", []string{"2020-09", "[1][2]", "فؤاد حسين", "· انطلقت في واشنطن"}, nil},
		{"markdown", []string{"| 2020-09 |", "\\*bold\\*", "· انطلقت في واشنطن", "| التاريخ | الحدث | المصادر |"}, []string{"<script>", "| date |"}},
		{"html", []string{`dir="rtl"`, "&lt;script&gt;", "· انطلقت في واشنطن"}, []string{"<script>"}},
	})
}

// TestRenderUnknownOutlet checks that an article with no outlet is listed
// as of an unknown outlet, as the rest of rasid says, not with a blank.
func TestRenderUnknownOutlet(t *testing.T) {
	s, arts, ans := fixture()
	arts[0].Source = " "
	arts[1].Source = ""
	c := Build(s, arts, ans, DefaultOptions())
	checkRenders(t, c, []renderCase{
		{"text", []string{"[1] 2021-07-01 · مصدر غير معروف (unknown) · ", "[2] 2021-07-02 · مصدر غير معروف (unknown) · "}, []string{" ·  · "}},
		{"markdown", []string{"1. 2021-07-01 · مصدر غير معروف (unknown) · "}, []string{" ·  · "}},
		{"html", []string{"<li>2021-07-01 · مصدر غير معروف · "}, []string{" ·  · "}},
	})
}

// TestRenderUndated checks that an article or a story of unknown date
// says so in the words the web and the CLI use (تاريخ غير معروف,
// undated), not with a question mark.
func TestRenderUndated(t *testing.T) {
	for _, tc := range []struct {
		desc    string
		undated []int // articles of the fixture made undated
		cases   []renderCase
	}{
		{"one article", []int{1}, []renderCase{
			{"text", []string{"   2021-07-02 · 2 articles", "[2] تاريخ غير معروف (undated) · elaph · "}, []string{"[2] ? ·", "?"}},
			{"markdown", []string{"2. تاريخ غير معروف (undated) · elaph · "}, []string{". ? ·"}},
			{"html", []string{"<li>تاريخ غير معروف · elaph · "}, []string{"<li>? ·"}},
		}},
		{"every article", []int{0, 1}, []renderCase{
			{"text", []string{"   تاريخ غير معروف (undated) · 2 articles", "[1] تاريخ غير معروف (undated) · "}, []string{"date unknown", "?"}},
			{"markdown", []string{"\nتاريخ غير معروف (undated) · 2 articles", "1. تاريخ غير معروف (undated) · "}, []string{"date unknown", ". ? ·"}},
			{"html", []string{`<p class="meta">تاريخ غير معروف · 2 · `, "<li>تاريخ غير معروف · "}, []string{"? –", "– ?"}},
		}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			s, arts, ans := fixture()
			for _, i := range tc.undated {
				arts[i].Published = time.Time{}
			}
			checkRenders(t, Build(s, arts, ans, DefaultOptions()), tc.cases)
		})
	}
}

// renderCase is what one rendering of a card must and must not hold.
type renderCase struct {
	format string   // text, markdown or html
	want   []string // substrings the output holds
	not    []string // substrings it lacks
}

// checkRenders renders c in each case's format and checks its output.
func checkRenders(t *testing.T, c Card, cases []renderCase) {
	t.Helper()
	render := map[string]func(*bytes.Buffer) error{
		"text":     func(b *bytes.Buffer) error { return c.Text(b) },
		"markdown": func(b *bytes.Buffer) error { return c.Markdown(b) },
		"html":     func(b *bytes.Buffer) error { return c.HTML(b) },
	}
	for _, tc := range cases {
		t.Run(tc.format, func(t *testing.T) {
			var b bytes.Buffer
			if err := render[tc.format](&b); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("%s output lacks %q:\n%s", tc.format, w, b.String())
				}
			}
			for _, w := range tc.not {
				if strings.Contains(b.String(), w) {
					t.Errorf("%s output has %q:\n%s", tc.format, w, b.String())
				}
			}
		})
	}
}

// TestQuotesBySpeaker checks how quotes are grouped by speaker across the
// articles of a story: by entity id, spellings of one name without an id
// together, a surname alone with the one full name that ends with it, and
// two people with one surname kept apart.
func TestQuotesBySpeaker(t *testing.T) {
	type q struct{ name, id, text string }
	cases := []struct {
		desc   string
		quotes []q
		want   []string // "speaker: n quotes", in card order
	}{
		{"one entity id, two spellings", []q{{"بلينكن", "blinken", "أ"}, {"بلنكن", "blinken", "ب"}}, []string{"بلينكن: 2"}},
		{"spelling without an id joins the name with one", []q{{"أثير الجبوري", "jaburi", "أ"}, {"أثير الجبورى", "", "ب"}}, []string{"أثير الجبوري: 2"}},
		{"surname with an id of its own joins the full name", []q{{"أثير الجبوري", "jaburi", "أ"}, {"الجبورى", "surname-only", "ب"}, {"نور الهاشمي", "hashimi", "ج"}}, []string{"أثير الجبوري: 2", "نور الهاشمي: 1"}},
		{"surname of two people stays apart", []q{{"سالم الحداد", "s", "أ"}, {"سليم الحداد", "t", "ب"}, {"الحداد", "", "ج"}}, []string{"سالم الحداد: 1", "سليم الحداد: 1", "الحداد: 1"}},
		{"two full names with ids stay apart", []q{{"رائد العمري", "r", "أ"}, {"رائد العمري", "other", "ب"}}, []string{"رائد العمري: 1", "رائد العمري: 1"}},
		{"direct quote inside its reported speech is one quote", []q{{"عادل الجبير", "j", "\"الاتفاق يجب أن يمنع إيران من امتلاك السلاح\" مؤكدا أهمية ذلك"}, {"عادل الجبير", "j", "الاتفاق يجب أن يمنع إيران من امتلاك السلاح"}}, []string{"عادل الجبير: 1"}},
		{"copies differing in punctuation are one quote", []q{{"حمد بن سعد", "h", "الآلية الجديدة تمت بالتنسيق مع البريد، وتسعى لتحقيق أهداف"}, {"حمد بن سعد", "h", "الآلية الجديدة، تمت بالتنسيق مع البريد ، وتسعى لتحقيق أهداف"}}, []string{"حمد بن سعد: 1"}},
		{"copies differing in hamza and spaces, one shorter", []q{{"المدير", "", "بالرغم من أهمية البيانات الا ان الأهم كيف سنستخدمها"}, {"المدير", "", "بالرغم من أهمية البيانات، إلا أن الأهم كيف سنستخدمها ، قال"}}, []string{"المدير: 1"}},
		{"two statements stay two", []q{{"المدير", "", "البيانات مهمة"}, {"المدير", "", "البيانات لم تعد موضع خلاف"}}, []string{"المدير: 2"}},
		{"cited verses and hadith are left out", []q{{"الله", "", "إن الله مع الصابرين"}, {"رسول الله", "", "الدين النصيحة"}, {"المدير", "", "البيانات مهمة"}}, []string{"المدير: 1"}},
	}
	for _, tc := range cases {
		t.Run(tc.desc, func(t *testing.T) {
			an := news.Analysis{ID: "a"}
			body := ""
			for _, x := range tc.quotes {
				an.Quotes = append(an.Quotes, news.Quote{Span: news.Span{Text: x.text}, Speaker: news.Speaker{Name: x.name, EntityID: x.id}})
				body += x.text
			}
			arts := []news.Article{{ID: "a", Body: body, Published: at(1)}}
			var got []string
			for _, sp := range quotes(arts, map[string]news.Analysis{"a": an}, DefaultOptions()) {
				got = append(got, fmt.Sprintf("%s: %d", sp.Name, len(sp.Quotes)))
			}
			if strings.Join(got, " | ") != strings.Join(tc.want, " | ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestEntitiesJoinSurname(t *testing.T) {
	type m struct{ typ, id, name string }
	cases := []struct {
		desc     string
		mentions [][]m // per article
		want     []string
	}{
		{"a lone surname joins the one fuller name",
			[][]m{{{"PERS", "atasi", "منذر الأتاسي"}}, {{"PERS", "atasi", "منذر الأتاسي"}}, {{"PERS", "surname", "الاتاسى"}}},
			[]string{"منذر الأتاسي PERS 3/3"}},
		{"a surname two people share stays apart",
			[][]m{{{"PERS", "s", "سالم الحداد"}, {"PERS", "t", "سليم الحداد"}}, {{"PERS", "h", "الحداد"}}},
			[]string{"سالم الحداد PERS 1/1", "سليم الحداد PERS 1/1", "الحداد PERS 1/1"}},
		{"only persons join",
			[][]m{{{"LOC", "c", "جسر الشغور"}}, {{"LOC", "s", "الشغور"}}},
			[]string{"جسر الشغور LOC 1/1", "الشغور LOC 1/1"}},
		{"a full name never joins another",
			[][]m{{{"PERS", "r", "رائد العمري"}}, {{"PERS", "o", "سامي رائد العمري"}}},
			[]string{"رائد العمري PERS 1/1", "سامي رائد العمري PERS 1/1"}},
	}
	for _, tc := range cases {
		t.Run(tc.desc, func(t *testing.T) {
			var arts []news.Article
			ans := map[string]news.Analysis{}
			for i, ms := range tc.mentions {
				id := fmt.Sprint("a", i)
				arts = append(arts, news.Article{ID: id, Published: at(i + 1)})
				an := news.Analysis{ID: id}
				for _, x := range ms {
					an.Entities = append(an.Entities, news.Entity{Type: x.typ, EntityID: x.id, Name: x.name})
				}
				ans[id] = an
			}
			var got []string
			for _, e := range entities(arts, ans, 10) {
				got = append(got, fmt.Sprintf("%s %s %d/%d", e.Name, e.Type, e.Mentions, e.Articles))
			}
			if strings.Join(got, " | ") != strings.Join(tc.want, " | ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestTimelineLeavesOutDatelines checks that a sentence that is only a
// wire dateline or a clock tells no event, while short statements do.
func TestTimelineLeavesOutDatelines(t *testing.T) {
	tests := []struct {
		desc     string
		sentence string
		timexes  []string // substrings that are time expressions, valued 2015-08-10
		entities []string // substrings that are named entities
		event    bool
	}{
		{"SPA dateline", "الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس", []string{"25 شوال 1436 هـ", "10 اغسطس 2015 م"}, nil, false},
		{"SPA dateline, place found by ner", "القدس المحتلة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس", []string{"25 شوال 1436 هـ", "10 اغسطس 2015 م"}, []string{"القدس"}, false},
		{"SPA dateline, place of two words", "رام الله 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس", []string{"25 شوال 1436هـ", "10 أغسطس 2015م"}, nil, false},
		{"clock in Mecca time", "13:37 ت م", []string{"13:37"}, nil, false},
		{"a date alone", "الاثنين 10 أغسطس 2015", []string{"الاثنين 10 أغسطس 2015"}, nil, false},
		{"short statement", "توفي أمس.", []string{"أمس"}, nil, true},
		{"statement with an agency", "وقال الوزير لواس أمس إن الاتفاق صامد", []string{"أمس"}, []string{"الوزير"}, true},
		{"statement after a dateline", "الرياض 10 أغسطس 2015 واس - وصل الوزير إلى جدة", []string{"10 أغسطس 2015"}, []string{"الرياض", "جدة"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			body := tc.sentence
			an := news.Analysis{ID: "a", Sentences: []news.Span{span(body, body)}}
			for _, x := range tc.timexes {
				an.Timexes = append(an.Timexes, news.Timex{Span: span(body, x), Type: "date", Value: "2015-08-10"})
			}
			for _, e := range tc.entities {
				an.Entities = append(an.Entities, news.Entity{Span: span(body, e), Type: "LOC", EntityID: e, Name: e})
			}
			arts := []news.Article{{ID: "a", Source: "spa", Published: at(1), Body: body}}
			c := Build(news.Story{ID: "s"}, arts, map[string]news.Analysis{"a": an}, DefaultOptions())
			if got := len(c.Timeline) > 0; got != tc.event {
				t.Errorf("%q: in the timeline %v, want %v (%v)", body, got, tc.event, c.Timeline)
			}
		})
	}
}

// TestSourceLinks: the sources list links an article only when its URL
// is an absolute http or https URL; any other (javascript:, data:, a
// relative path) is shown as text, never as a link.
func TestSourceLinks(t *testing.T) {
	tests := []struct {
		url      string
		md, html string // in the output
		notMD    string // not in the Markdown output
		notHTML  string // not in the HTML output
	}{
		{"https://news.example/a", "](https://news.example/a)", `<a href="https://news.example/a" rel="noopener noreferrer nofollow">`, "", ""},
		{"HTTP://news.example/a", "](HTTP://news.example/a)", `<a href="HTTP://news.example/a"`, "", ""},
		{"https://news.example/a (b)", "](https://news.example/a%20%28b%29)", `<a href="https://news.example/a%20%28b%29"`, "(b))", ""},
		{"javascript:alert(1)", "javascript:alert(1)", `<span dir="ltr">javascript:alert(1)</span>`, "](javascript", "href"},
		{"JavaScript:alert(1)", "JavaScript:alert(1)", "JavaScript:alert(1)", "](", "href"},
		{"data:text/html,<b>x</b>", "data:text/html,&lt;b&gt;x&lt;/b&gt;", "data:text/html,&lt;b&gt;x&lt;/b&gt;", "](", "href"},
		{"//evil.example/x", "//evil.example/x", "//evil.example/x", "](", "href"},
		{"news/a.html", "news/a.html", "news/a.html", "](", "href"},
		{"https:///nohost", "https:///nohost", "https:///nohost", "](", "href"},
	}
	for _, tc := range tests {
		t.Run(tc.url, func(t *testing.T) {
			s, arts, ans := fixture()
			arts = arts[:1]
			arts[0].URL = tc.url
			c := Build(s, arts, ans, DefaultOptions())
			var md, h bytes.Buffer
			if err := c.Markdown(&md); err != nil {
				t.Fatal(err)
			}
			if err := c.HTML(&h); err != nil {
				t.Fatal(err)
			}
			_, mdSources, _ := strings.Cut(md.String(), "## المصادر")
			_, htmlSources, _ := strings.Cut(h.String(), "<h2>المصادر</h2>")
			if !strings.Contains(mdSources, tc.md) || (tc.notMD != "" && strings.Contains(mdSources, tc.notMD)) {
				t.Errorf("markdown sources %q: want %q, not %q", mdSources, tc.md, tc.notMD)
			}
			if !strings.Contains(htmlSources, tc.html) || (tc.notHTML != "" && strings.Contains(htmlSources, tc.notHTML)) || strings.Contains(htmlSources, "ZgotmplZ") {
				t.Errorf("html sources %q: want %q, not %q", htmlSources, tc.html, tc.notHTML)
			}
		})
	}
}

// TestArticleCount: the card's header counts its articles in English that
// agrees with the number ("1 article", "2 articles").
func TestArticleCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{1, "· 1 article ·"}, {2, "· 2 articles ·"}} {
		s, arts, ans := fixture()
		c := Build(s, arts[:tc.n], ans, DefaultOptions())
		checkRenders(t, c, []renderCase{{"text", []string{tc.want}, nil}, {"markdown", []string{tc.want}, nil}})
	}
}

// TestBlankOutlet checks that an outlet name of spaces alone, which the
// sources list shows as an unknown outlet, is no outlet of the card.
func TestBlankOutlet(t *testing.T) {
	s, arts, ans := fixture()
	for i := range arts {
		arts[i].Source = " "
	}
	arts[0].Source = "عكاظ"
	c := Build(s, arts, ans, DefaultOptions())
	if len(c.Outlets) != 1 || c.Outlets[0].Name != "عكاظ" || c.Outlets[0].Articles != 1 {
		t.Errorf("Outlets = %+v, want عكاظ with one article", c.Outlets)
	}
}

// TestTimelineLeavesOutNamedYears checks that a year ending a name
// (news.Timex.Name: كأس العالم 2018) dates no event, while a year of the
// text does, and that the name's digits make no figure.
func TestTimelineLeavesOutNamedYears(t *testing.T) {
	tests := []struct {
		desc     string
		sentence string
		year     string // the year's text
		name     bool
		want     []string // timeline dates
	}{
		{"a cup named with its year", "تأهل المنتخب إلى كأس العالم 2018 وقال المدرب إنه سعيد", "2018", true, nil},
		{"a vision named with its year", "أطلقت المملكة برامج رؤية 2030 الجديدة", "2030", true, nil},
		{"a year of the text", "فاز المنتخب بكأس العالم في 2014 بعد مباراة صعبة", "2014", false, []string{"2014"}},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			body := tc.sentence
			an := news.Analysis{ID: "a", Sentences: []news.Span{span(body, body)},
				Timexes: []news.Timex{{Span: span(body, tc.year), Type: "date", Value: tc.year, Granularity: "year", Name: tc.name}}}
			// The quantity reader takes the digits and the next word for a
			// count (2018 وقال): the year's span keeps it out of the figures.
			an.Quantities = []news.Quantity{{Span: span(body, tc.year), Type: "count", Value: 2018, Unit: "وقال"}}
			arts := []news.Article{{ID: "a", Source: "spa", Published: at(1), Body: body}}
			c := Build(news.Story{ID: "s"}, arts, map[string]news.Analysis{"a": an}, DefaultOptions())
			var got []string
			for _, e := range c.Timeline {
				got = append(got, e.Date)
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("%q: timeline %q, want %q", body, got, tc.want)
			}
			if len(c.Figures) != 0 {
				t.Errorf("%q: figures %v, want none", body, c.Figures)
			}
		})
	}
}
