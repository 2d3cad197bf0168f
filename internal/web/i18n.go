package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/rasid-news/rasid/internal/search"
)

// Lang is a language of the user interface.
type Lang string

// The languages of the interface. Arabic is the default.
const (
	Arabic  Lang = "ar"
	English Lang = "en"
)

// langCookie remembers the language a user switched to.
const langCookie = "rasid_lang"

// message is one user-facing string in each language.
type message struct{ ar, en string }

// catalog holds every user-facing string of the interface, by key. A
// template asks for a key it lacks fails to render, and a test checks that
// every key used in the templates is here with both languages.
var catalog = map[string]message{
	"site.name":          {"راصد", "rasid"},
	"site.tagline":       {"رصد الأخبار العربية: من، ماذا، متى، ومن قال ماذا", "Arabic news observed: who, what, when, and who said what"},
	"nav.skip":           {"انتقل إلى المحتوى", "Skip to content"},
	"nav.home":           {"أحدث القصص", "Latest stories"},
	"nav.entities":       {"الكيانات", "Entities"},
	"entities.title":     {"الأكثر ذكرًا", "Most mentioned"},
	"entities.types":     {"أنواع الكيانات", "Entity types"},
	"entities.none":      {"لا كيانات من هذا النوع بعد.", "No entities of this type yet."},
	"nav.search":         {"بحث", "Search"},
	"nav.main":           {"التنقل الرئيسي", "Main navigation"},
	"lang.switch":        {"English", "العربية"},
	"lang.switch.label":  {"Switch to English", "التبديل إلى العربية"},
	"search.label":       {"ابحث في الأرشيف", "Search the archive"},
	"search.button":      {"ابحث", "Search"},
	"search.placeholder": {"مثال: زيارة بغداد", "e.g. Baghdad visit"},
	"search.title":       {"البحث", "Search"},
	"search.results":     {"النتائج", "Results"},
	"search.total":       {"عدد النتائج", "Matches"},
	"search.none":        {"لا نتائج لهذا البحث.", "No articles match this search."},
	"search.empty":       {"اكتب كلمات للبحث في المقالات.", "Type words to search the articles."},
	"search.error":       {"تعذّر فهم البحث", "The search could not be understood"},
	"search.nothing":     {"لا كلمة ولا عبارة ولا مرشّح في هذا البحث: اكتب ما تبحث عنه.", "this search has no word, phrase or filter: type what to look for."},
	"search.help":        {"كلمات (كلها مطلوبة)، \"عبارة كاملة\"، -كلمة للاستبعاد، OR بين بديلين، والمرشحات source: و from: و to: (YYYY-MM-DD) و entity: و story:", "Words (all required), \"an exact phrase\", -word to exclude, OR between alternatives, and the filters source:, from:, to: (YYYY-MM-DD), entity: and story:"},
	"facets.title":       {"تصفية النتائج", "Refine"},
	"facets.source":      {"حسب المصدر", "By source"},
	"facets.month":       {"حسب الشهر", "By month"},
	"facets.entity":      {"حسب الكيان", "By entity"},
	"pager.label":        {"الصفحات", "Pages"},
	"pager.prev":         {"السابق", "Previous"},
	"pager.next":         {"التالي", "Next"},
	"pager.page":         {"صفحة", "Page"},
	"pager.of":           {"من", "of"},
	"pager.past":         {"الصفحة المطلوبة بعد آخر صفحة، وهذه آخر صفحة.", "The page asked for is past the last one; this is the last page."},
	"home.title":         {"أحدث القصص", "Latest stories"},
	"home.none":          {"لا قصص في الأرشيف بعد.", "No stories in the archive yet."},
	"home.articles":      {"أحدث المقالات", "Latest articles"},
	"home.noarticles":    {"لا مقالات في الأرشيف بعد.", "No articles in the archive yet."},
	"story.dormant":      {"مكتملة", "closed"},
	"story.summary":      {"الملخص", "Summary"},
	"story.timeline":     {"الخط الزمني", "Timeline"},
	"story.notimeline":   {"لا أحداث مؤرخة في هذه القصة.", "No dated events in this story."},
	"story.people":       {"الأشخاص", "People"},
	"story.places":       {"الأماكن", "Places"},
	"story.orgs":         {"المنظمات", "Organizations"},
	"story.figures":      {"أرقام رئيسية", "Key figures"},
	"story.quotes":       {"الأقوال حسب المتحدث", "Quotes by speaker"},
	"story.noquotes":     {"لا أقوال منسوبة في هذه القصة.", "No attributed quotes in this story."},
	"story.list":         {"مقالات القصة", "Articles of this story"},
	"story.span":         {"المدة", "Span"},
	"story.told":         {"روتها", "told by"},
	"story.sep":          {"، ", ", "},
	"article.source":     {"المصدر", "Source"},
	"article.nosource":   {"مصدر غير معروف", "unknown source"},
	"article.published":  {"نُشر", "Published"},
	"article.undated":    {"تاريخ غير معروف", "date unknown"},
	"article.inferred":   {"تاريخ مقدَّر", "estimated date"},
	"article.author":     {"الكاتب", "Author"},
	"article.place":      {"المكان", "Place"},
	"article.original":   {"المقال الأصلي", "Original article"},
	"article.story":      {"القصة", "Story"},
	"article.text":       {"نص المقال", "Article text"},
	"article.quotes":     {"الأقوال في المقال", "Quotes in this article"},
	"article.legend":     {"المفتاح", "Key"},
	"article.superseded": {"هذه نسخة أقدم من المقال.", "This is an older version of the article."},
	"article.noanalysis": {"لم يُحلَّل هذا المقال بعد.", "This article has not been analyzed yet."},
	"entity.aliases":     {"الأسماء الأخرى", "Also written"},
	"entity.roles":       {"الصفات", "Roles"},
	"entity.mentions":    {"الإشارات", "Mentions"},
	"entity.articlesn":   {"المقالات", "Articles"},
	"entity.overtime":    {"الإشارات عبر الزمن", "Mentions over time"},
	"entity.related":     {"كيانات ذات صلة", "Related entities"},
	"entity.articles":    {"مقالات تذكره", "Articles that mention it"},
	"entity.search":      {"ابحث في كل المقالات التي تذكره", "Search every article that mentions it"},
	"entity.seen":        {"ظهر بين", "Seen between"},
	"type.PERS":          {"شخص", "Person"},
	"type.LOC":           {"مكان", "Place"},
	"type.ORG":           {"منظمة", "Organization"},
	"type.MISC":          {"أخرى", "Other"},
	"type.date":          {"تاريخ", "Date"},
	"error.notfound":     {"الصفحة غير موجودة", "Page not found"},
	"error.notfound.msg": {"لم نجد ما تبحث عنه.", "We could not find what you asked for."},
	"error.server":       {"خطأ في الخادم", "Server error"},
	"error.server.msg":   {"حدث خطأ؛ حاول لاحقًا.", "Something went wrong; please try again later."},
	"footer.about":       {"راصد: محرك لرصد الأخبار العربية.", "rasid: an Arabic news-intelligence engine."},
}

// plural is a message that changes with a number, written with {n} where
// the number goes. Arabic has six forms (the CLDR categories: zero, one,
// two, few for 3–10, many for 11–99, other), English two (one, other).
type plural struct {
	ar [6]string
	en [2]string
}

// plurals holds the messages that count something, by key.
var plurals = map[string]plural{
	"articles": {
		ar: [6]string{"لا مقالات", "مقال واحد", "مقالان", "{n} مقالات", "{n} مقالًا", "{n} مقال"},
		en: [2]string{"{n} article", "{n} articles"},
	},
}

// arabicMonths are the Gregorian month names as Saudi, Gulf and Egyptian
// papers write them (يناير … ديسمبر), rather than the Levantine and Iraqi
// names (كانون الثاني … كانون الأول): rasid's archive is mostly Saudi.
var arabicMonths = [12]string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}

// Locale renders the strings, numbers and dates of one page in one
// language. Templates call its methods: {{$.L.T "key"}}, {{$.L.Num n}}.
type Locale struct {
	Lang Lang
}

// Dir is the writing direction of the language: "rtl" or "ltr".
func (l Locale) Dir() string {
	if l.Lang == English {
		return "ltr"
	}
	return "rtl"
}

// Other is the language the switch link offers.
func (l Locale) Other() Lang {
	if l.Lang == English {
		return Arabic
	}
	return English
}

// T returns the message for key in the locale's language; an unknown key is
// an error, so that a template with a typo fails its tests.
func (l Locale) T(key string) (string, error) {
	m, ok := catalog[key]
	if !ok {
		return "", fmt.Errorf("web: no message %q in the catalog", key)
	}
	if l.Lang == English {
		return m.en, nil
	}
	return m.ar, nil
}

// Count writes n with the plural form of the message key that agrees with
// it: "٣ مقالات", "١١ مقالًا", "مقالان"; "1 article", "3 articles".
func (l Locale) Count(key string, n int) (string, error) {
	p, ok := plurals[key]
	if !ok {
		return "", fmt.Errorf("web: no plural message %q", key)
	}
	var form string
	if l.Lang == English {
		form = p.en[1]
		if n == 1 {
			form = p.en[0]
		}
	} else {
		form = p.ar[arabicPlural(n)]
	}
	return strings.ReplaceAll(form, "{n}", l.Num(n)), nil
}

// arabicPlural is the CLDR plural category of n in Arabic, as an index
// into plural.ar.
func arabicPlural(n int) int {
	m := n % 100
	switch {
	case n == 0:
		return 0
	case n == 1:
		return 1
	case n == 2:
		return 2
	case m >= 3 && m <= 10:
		return 3
	case m >= 11 && m <= 99:
		return 4
	}
	return 5
}

// TypeName names an entity type (PERS, LOC, ORG, MISC); an unknown type is
// shown as it is.
func (l Locale) TypeName(typ string) string {
	if s, err := l.T("type." + typ); err == nil {
		return s
	}
	return typ
}

// queryErrors says each kind of query error (search.ErrorKind) in Arabic:
// a format of the error's Args (numbers shown in Arabic-Indic digits).
var queryErrors = map[search.ErrorKind]string{
	search.ErrKindEmpty:          catalog["search.nothing"].ar, // the search page's own message
	search.ErrKindInvalidUTF8:    "نص البحث ليس بترميز UTF-8 صحيح",
	search.ErrKindTooLong:        "طول البحث %s حرفًا، والحد %s",
	search.ErrKindOrPlacement:    "يجب أن تقع OR بين كلمتين أو عبارتين",
	search.ErrKindOrExcluded:     "لا تربط OR كلمة مستبعدة (-كلمة)",
	search.ErrKindOrAtEnd:        "OR في آخر البحث: أضف ما بعدها",
	search.ErrKindDateOrder:      "تاريخ to: قبل تاريخ from:",
	search.ErrKindFilterValue:    "المرشّح %s: بلا قيمة",
	search.ErrKindBadDate:        "%s:%s ليس تاريخًا (الصيغة YYYY-MM-DD)",
	search.ErrKindUnclosedQuote:  "علامة تنصيص مزدوجة (\") لم تُغلق",
	search.ErrKindPageSize:       "حجم الصفحة %s أكبر من الحد %s",
	search.ErrKindExclusionsOnly: "البحث بالاستبعاد وحده يحتاج إلى كلمة أو مرشّح يُبحث عنه",
	search.ErrKindBeyondWindow:   "هذه الصفحة بعد آخر نتيجة تُعرض: ضيّق البحث",
}

// numericArgs are the kinds whose Args are numbers.
var numericArgs = map[search.ErrorKind]bool{search.ErrKindTooLong: true, search.ErrKindPageSize: true}

// QueryError says a query error in the locale's language: for Arabic, the
// kind's message with the position ("عند الحرف ٣: …"); for English, or a
// kind without an Arabic message, the error's own text.
func (l Locale) QueryError(e *search.Error) string {
	f, ok := queryErrors[e.Kind]
	if l.Lang == English || !ok {
		return e.Error()
	}
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		if numericArgs[e.Kind] {
			a = l.digits(a)
		}
		args[i] = a
	}
	msg := f
	if len(args) > 0 {
		msg = fmt.Sprintf(f, args...)
	}
	if e.Pos < 0 {
		return msg
	}
	return "عند الحرف " + l.Num(e.Pos+1) + ": " + msg
}

// Num writes an integer with digit grouping: Arabic-Indic digits and the
// Arabic thousands separator (٬) for Arabic, Latin digits and a comma for
// English.
func (l Locale) Num(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := ","
	if l.Lang != English {
		sep = "\u066C"
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return l.digits(b.String())
}

// digits turns the Latin digits of s into Arabic-Indic ones for Arabic.
func (l Locale) digits(s string) string {
	if l.Lang == English {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '٠' + (r - '0')
		}
		return r
	}, s)
}

// monthName is the name of month m (1–12) in the locale's language.
func (l Locale) monthName(m time.Month) string {
	if l.Lang == English {
		return m.String()
	}
	return arabicMonths[m-1]
}

// Date writes a day: "٥ أغسطس ٢٠١٥" or "5 August 2015". A zero time is "".
func (l Locale) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return l.digits(strconv.Itoa(t.Day())) + " " + l.monthName(t.Month()) + " " + l.digits(strconv.Itoa(t.Year()))
}

// ISODate is the machine-readable day for a <time datetime> attribute.
func (l Locale) ISODate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// Value writes a TIMEX3 calendar value (YYYY, YYYY-MM or YYYY-MM-DD) as a
// date in the locale; any other value (durations, references) is returned
// as it is.
func (l Locale) Value(v string) string {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		t, err := time.Parse(layout, v)
		if err != nil || len(v) != len(layout) {
			continue
		}
		switch layout {
		case "2006-01-02":
			return l.Date(t)
		case "2006-01":
			return l.monthName(t.Month()) + " " + l.digits(strconv.Itoa(t.Year()))
		default:
			return l.digits(strconv.Itoa(t.Year()))
		}
	}
	return v
}

// langOf picks the language of a request: ?lang= first, then the cookie,
// then Arabic.
func langOf(r *http.Request) Lang {
	for _, v := range []string{r.URL.Query().Get("lang"), cookieValue(r, langCookie)} {
		switch Lang(v) {
		case Arabic, English:
			return Lang(v)
		}
	}
	return Arabic
}

func cookieValue(r *http.Request, name string) string {
	c, err := r.Cookie(name)
	if err != nil {
		return ""
	}
	return c.Value
}
