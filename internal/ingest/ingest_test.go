package ingest

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/news"
)

// readAll reads one input and returns its items.
func readAll(t testing.TB, name string, data []byte, opts Options) []Item {
	t.Helper()
	var items []Item
	err := Read(context.Background(), name, bytes.NewReader(data), opts, func(it Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return items
}

func testdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// want describes one expected item; empty fields are not checked.
type want struct {
	where     string
	reason    string // substring of the refusal; "" for an article
	title     string
	source    string
	place     string
	author    string
	url       string
	published string // RFC 3339, or "none"
	body      string // prefix of the body
}

func check(t *testing.T, items []Item, wants []want) {
	t.Helper()
	if len(items) != len(wants) {
		for _, it := range items {
			t.Logf("item %s reason=%q title=%q", it.Where(), it.Reason, it.Article.Title)
		}
		t.Fatalf("got %d items, want %d", len(items), len(wants))
	}
	for i, w := range wants {
		it, a := items[i], items[i].Article
		if w.where != "" && it.Where() != w.where {
			t.Errorf("item %d: where %q, want %q", i, it.Where(), w.where)
		}
		if w.reason != "" {
			if !strings.Contains(it.Reason, w.reason) {
				t.Errorf("item %d (%s): reason %q, want one containing %q", i, it.Where(), it.Reason, w.reason)
			}
			if a.ID != "" {
				t.Errorf("item %d: refused item has an article ID", i)
			}
			continue
		}
		if it.Refused() {
			t.Errorf("item %d (%s): refused: %s", i, it.Where(), it.Reason)
			continue
		}
		if want := news.ArticleID(arabic.NormalizeString(a.Body), a.URL); a.ID != want {
			t.Errorf("item %d: ID %q, want %q", i, a.ID, want)
		}
		for _, f := range []struct{ name, got, want string }{
			{"title", a.Title, w.title}, {"source", a.Source, w.source}, {"place", a.Place, w.place},
			{"author", a.Author, w.author}, {"url", a.URL, w.url},
		} {
			if f.want != "" && f.got != f.want {
				t.Errorf("item %d: %s %q, want %q", i, f.name, f.got, f.want)
			}
		}
		switch {
		case w.published == "none":
			if !a.Published.IsZero() || a.DateOrigin != news.DateNone {
				t.Errorf("item %d: published %v (%q), want none", i, a.Published, a.DateOrigin)
			}
		case w.published != "":
			wt, err := time.Parse(time.RFC3339, w.published)
			if err != nil {
				t.Fatal(err)
			}
			if !a.Published.Equal(wt) || a.DateOrigin != news.DateInput {
				t.Errorf("item %d: published %v (%q), want %v from the input", i, a.Published, a.DateOrigin, wt)
			}
		}
		if !strings.HasPrefix(a.Body, w.body) {
			t.Errorf("item %d: body %q, want prefix %q", i, a.Body, w.body)
		}
		if a.Lang != "ar" {
			t.Errorf("item %d: lang %q", i, a.Lang)
		}
	}
}

func TestReadFiles(t *testing.T) {
	tests := []struct {
		file  string
		opts  Options
		wants []want
	}{
		{"headline.txt", Options{}, []want{{where: "headline.txt", title: "افتتاح معرض الكتاب في الرياض بمشاركة ألف دار نشر", published: "none", body: "افتتح وزير الثقافة مساء الأحد"}}},
		{"dateline_from.txt", Options{}, []want{{title: "", source: "إيلاف", place: "القاهرة", published: "none", body: "أعلنت وزارة الري المصرية"}}},
		{"dateline_lead.txt", Options{}, []want{{title: "اتفاق على تمديد الهدنة أسبوعين", source: "شبكة الأخبار", place: "الموصل",
			body: "توصلت الأطراف المتنازعة إلى اتفاق على تمديد الهدنة أسبوعين إضافيين.\n\nتوصلت الأطراف"}}},
		{"records.jsonl", Options{}, []want{
			{where: "records.jsonl:1", title: "الأمطار تغمر شوارع جدة", source: "الوطن", author: "سارة علي", url: "https://example.org/a/1", published: "2021-03-04T10:30:00+03:00", body: "غمرت الأمطار"},
			{where: "records.jsonl:2", published: "none", body: "خبر لا يذكر"},
			{where: "records.jsonl:4", reason: "malformed JSON at column 97"},
			{where: "records.jsonl:5", reason: "not Arabic"},
			{where: "records.jsonl:6", reason: "empty body"},
			{where: "records.jsonl:7", reason: `unreadable date "yesterday-ish"`},
			{where: "records.jsonl:8", reason: "malformed JSON"},
		}},
		{"saudinewsnet.json", Options{}, []want{
			// Extracted before 2015-08-02: not a publication date, so none.
			{where: "saudinewsnet.json:2", source: "okaz", author: "ينبع: محمد أحمد", published: "none", body: "دشن أمير المنطقة مشروعا جديدا لتحلية المياه في ينبع بطاقة إنتاجية تبلغ مئة ألف متر مكعب يوميا.\n\nوأكد"},
			// Extracted after 2015-08-01: the publication day.
			{where: "saudinewsnet.json:10", source: "alriyadh", published: "2015-08-05T00:00:00Z"},
		}},
		{"mapped.json", Options{Map: map[string]string{"title": "headline", "body": "story", "published": "meta.when", "source": "meta.outlet"}}, []want{
			{where: "mapped.json:1", title: "وصول قافلة مساعدات إلى غزة", source: "الأيام", url: "https://example.net/news/77", published: "2023-05-12T00:00:00Z", body: "وصلت قافلة"},
		}},
		{"trec.txt", Options{}, []want{
			{where: "trec.txt:1", title: "فوز الفريق المحلي في نهائي الكأس", source: "Radio Example", url: "http://radio.example/ar/article/1", published: "2017-03-01T20:15:00+01:00", body: "فاز الفريق"},
			{where: "trec.txt:15", published: "2016-04-16T00:00:00Z", body: "قررت الرابطة"},
		}},
		{"article.html", Options{}, []want{
			{where: "article.html", title: "انطلاق موسم الحصاد في الجزيرة", source: "صحيفة المثال", author: "خالد يوسف", place: "ود مدني",
				url: "https://news.example.com/2022/06/harvest", published: "2022-06-14T08:00:00+03:00", body: "انطلق موسم حصاد القمح"},
		}},
		{"feed.xml", Options{}, []want{
			{where: "feed.xml: item 1", title: "اجتماع وزراء الطاقة في فيينا", source: "وكالة المثال", url: "https://agency.example/news/1", published: "2020-10-06T09:30:00+03:00", body: "يجتمع وزراء الطاقة"},
			{where: "feed.xml: item 2", reason: "empty body"},
			{where: "feed.xml: item 3", published: "none", body: "افتتحت البلدية"},
		}},
		{"feed.json", Options{}, []want{
			{where: "feed.json: item 1", title: "هطول أمطار على العاصمة", source: "نشرة المثال", published: "2024-11-20T07:00:00+03:00", body: "هطلت أمطار"},
		}},
		{"atom.xml", Options{}, []want{
			{where: "atom.xml: item 1", author: "منى حسن", published: "2023-01-01T12:00:00+02:00", body: "أصدرت الوزارة تقريرا عن واقع التعليم في المدارس الريفية.\n\nويوصي"},
			// Only <updated>: that is not when it was published.
			{where: "atom.xml: item 2", published: "none", body: "ملخص قصير"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			check(t, readAll(t, tt.file, testdata(t, tt.file), tt.opts), tt.wants)
		})
	}
}

// TestSeeds reads the shared seed articles: the dateline of every report
// that has one is recognized and removed from the body.
func TestSeeds(t *testing.T) {
	paths, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(paths) == 0 {
		t.Skip("../../../shared/seeds not present")
	}
	want := map[string][3]string{ // file → title prefix, source, place
		"000_324617013d58bdca.txt": {"", "إيلاف", "لندن"},
		"001_707b2242cacd9ad6.txt": {"بومبيو يؤكد", "", ""},
		"002_c72539758a742b07.txt": {"", "ايلاف", "لندن"},
		"003_17cbc4ecf8b5e0c1.txt": {"وزير الخارجية الأميركي يلتقي", "", ""},
		"004_3902ec6719ca1a0d.txt": {"العد العكسي يبدأ بمكالمة", "كوردستان 24", "أربيل"},
	}
	for _, p := range paths {
		w, ok := want[filepath.Base(p)]
		if !ok {
			continue
		}
		t.Run(filepath.Base(p), func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			items := readAll(t, p, data, Options{})
			if len(items) != 1 || items[0].Refused() {
				t.Fatalf("items %v", items)
			}
			a := items[0].Article
			if !strings.HasPrefix(a.Title, w[0]) || (w[0] == "" && a.Title != "") || a.Source != w[1] || a.Place != w[2] {
				t.Errorf("title %q source %q place %q, want %q %q %q", a.Title, a.Source, a.Place, w[0], w[1], w[2])
			}
			if w[2] != "" && strings.Contains(a.Body, w[2]+" (") || strings.Contains(a.Body, "من لندن:") {
				t.Errorf("dateline left in the body: %q", a.Body[:200])
			}
		})
	}
}

func TestBadInputs(t *testing.T) {
	big := "خبر " + strings.Repeat("كلمة ", 300)
	tests := []struct {
		desc   string
		name   string
		data   []byte
		opts   Options
		reason string
		good   int // good records before the bad one
	}{
		{"truncated JSON array", "cut.json", []byte(`[{"title": "عنوان", "content": "نص عربي كامل"}, {"title": "عنو`), Options{}, "malformed JSON at line 1 column 63", 1},
		{"invalid UTF-8 text", "bad.txt", []byte("نص عربي \xff\xfe مكسور"), Options{}, "invalid UTF-8 at line 1", 0},
		{"invalid UTF-8 JSONL", "bad.jsonl", []byte("{\"content\": \"نص \xff\"}\n"), Options{}, "invalid UTF-8", 0},
		{"binary file", "blob.bin", []byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0}, Options{}, "binary file", 0},
		{"binary .txt", "blob.txt", append([]byte("abc"), make([]byte, 64)...), Options{}, "binary file", 0},
		{"empty file", "empty.txt", nil, Options{}, "empty file", 0},
		{"empty JSONL", "empty.jsonl", []byte("\n\n"), Options{}, "empty file", 0},
		{"over the input limit", "huge.txt", []byte(big), Options{MaxInputBytes: 100}, "over the size limit of 100 bytes", 0},
		{"over the article limit", "long.txt", []byte(big), Options{MaxArticleBytes: 100}, "over the size limit of 100 bytes", 0},
		{"English only", "english.txt", []byte("The cabinet met on Tuesday and approved the budget for next year."), Options{}, "not Arabic", 0},
		{"unreadable feed", "broken.xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</ti`), Options{}, "unreadable feed", 0},
		{"RSS broken after two items", "cut.rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>النبأ</title>` +
			`<item><title>الخبر الأول</title><link>https://ex.org/1</link><description>انطلقت في العاصمة اليوم أعمال المؤتمر.</description></item>` +
			`<item><title>الخبر الثاني</title><link>https://ex.org/2</link><description>أعلنت الوزارة عن خطة جديدة للمياه &amp; الطاقة.</description></item>` +
			`<item><title>الخبر الثالث</title><description>نص مقطو`), Options{}, "unreadable feed after entry 2, the rest of the file is lost", 2},
		{"RSS broken in the middle", "mid.rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>النبأ</title>` +
			`<item><title>الخبر الأول</title><link>https://ex.org/1</link><description>انطلقت في العاصمة اليوم أعمال المؤتمر.</description></item>` +
			`<item><title>الخبر الثاني</title><description>نص <<مكسور</description></item>` +
			`<item><title>الخبر الثالث</title><link>https://ex.org/3</link><description>أعلنت الوزارة عن خطة جديدة للمياه.</description></item></channel></rss>`), Options{}, "unreadable feed after entry 1", 1},
		{"Atom cut after one entry", "cut.atom", []byte(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>النبأ</title>` +
			`<entry><title>الخبر الأول</title><id>https://ex.org/1</id><content>انطلقت في العاصمة اليوم أعمال المؤتمر.</content></entry>` +
			`<entry><title>الخبر الثاني</title><id>https://ex.org/2</id><content>أعلنت الوزارة عن خ`), Options{}, "unreadable feed after entry 1", 1},
		{"zip that is not", "fake.zip", []byte("PK\x03\x04 not really"), Options{}, "unreadable zip", 0},
		{"TREC not closed", "cut.trec.txt", []byte("<DOC>\n<TEXT>نص</TEXT>\n"), Options{}, "not closed", 0},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			items := readAll(t, tt.name, tt.data, tt.opts)
			if len(items) != tt.good+1 {
				t.Fatalf("got %d items %v, want %d", len(items), items, tt.good+1)
			}
			for _, it := range items[:tt.good] {
				if it.Refused() {
					t.Errorf("good record refused: %v", it)
				}
			}
			bad := items[tt.good]
			if !strings.Contains(bad.Reason, tt.reason) {
				t.Errorf("reason %q, want %q", bad.Reason, tt.reason)
			}
			if !strings.HasPrefix(bad.String(), tt.name) {
				t.Errorf("report %q does not name the input", bad.String())
			}
		})
	}
}

func TestLangAny(t *testing.T) {
	items := readAll(t, "english.txt", []byte("The cabinet met on Tuesday."), Options{Lang: "any"})
	if len(items) != 1 || items[0].Refused() || items[0].Article.Lang != "any" {
		t.Fatalf("items %v", items)
	}
}

func TestArchives(t *testing.T) {
	files := []string{"headline.txt", "records.jsonl", "trec.txt"}
	var zbuf, tbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	gz := gzip.NewWriter(&tbuf)
	tw := tar.NewWriter(gz)
	for _, f := range append(files, "README.md", ".hidden.txt") {
		data := []byte("English notes, not read")
		if !strings.HasSuffix(f, ".md") && !strings.HasPrefix(f, ".") {
			data = testdata(t, f)
		}
		w, err := zw.Create("dir/" + f)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
		tw.WriteHeader(&tar.Header{Name: "dir/" + f, Mode: 0o644, Size: int64(len(data)), Typeflag: tar.TypeReg})
		tw.Write(data)
	}
	zw.Close()
	tw.Close()
	gz.Close()

	var direct []Item
	for _, f := range files {
		direct = append(direct, readAll(t, f, testdata(t, f), Options{})...)
	}
	for _, tt := range []struct {
		name string
		data []byte
	}{{"a.zip", zbuf.Bytes()}, {"a.tar.gz", tbuf.Bytes()}, {"noext", zbuf.Bytes()}} {
		t.Run(tt.name, func(t *testing.T) {
			items := readAll(t, tt.name, tt.data, Options{})
			if len(items) != len(direct) {
				t.Fatalf("got %d items, want %d", len(items), len(direct))
			}
			for i, it := range items {
				if want := tt.name + "!/dir/" + direct[i].Where(); it.Where() != want {
					t.Errorf("item %d: %q, want %q", i, it.Where(), want)
				}
				if it.Article.ID != direct[i].Article.ID || it.Reason != direct[i].Reason {
					t.Errorf("item %d differs from the file read directly", i)
				}
			}
		})
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		head string
		want Format
	}{
		{"a.txt", "نص", Text},
		{"a.txt", "<DOC>\n<DOCNO>", TREC},
		{"a.jsonl", "{}", JSONL},
		{"a.json", "[", JSON},
		{"-", " [{}]", JSON},
		{"-", "{\"a\":1}\n", JSONL},
		{"-", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", Feed},
		{"x.xml", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">", Feed},
		{"page", "<!DOCTYPE html><html>", HTML},
		{"feed.json", `{"version": "https://jsonfeed.org/version/1.1", "items": []}`, Feed},
		{"a.html", "<div>", HTML},
		{"a.zip", "PK\x03\x04", Zip},
		{"a.tar.gz", "\x1f\x8b", TarGz},
		{"a.gz", "\x1f\x8b", Gzip},
		{"-", "\x00\x01\x02", Binary},
		{"photo.html", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Binary},
		{"utf16.html", "\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00", HTML},
		{"-", "نص عادي", Text},
	}
	for _, tt := range tests {
		t.Run(tt.name+" "+tt.want.String(), func(t *testing.T) {
			if got := Detect(tt.name, []byte(tt.head)); got != tt.want {
				t.Errorf("Detect(%q, %q) = %v, want %v", tt.name, tt.head, got, tt.want)
			}
		})
	}
}

func TestStripDateline(t *testing.T) {
	tests := []struct {
		in, body, outlet, place string
	}{
		{"إيلاف من لندن: نص الخبر", "نص الخبر", "إيلاف", "لندن"},
		{"أربيل (كوردستان 24)- نص الخبر", "نص الخبر", "كوردستان 24", "أربيل"},
		{"الرياض (واس) - نص الخبر", "نص الخبر", "واس", "الرياض"},
		{"دبي «البيان»: نص الخبر", "نص الخبر", "البيان", "دبي"},
		{"نص بلا سطر تاريخ: يبقى كما هو", "نص بلا سطر تاريخ: يبقى كما هو", "", ""},
		{"قال الوزير من جهته إن الأمر محسوم", "قال الوزير من جهته إن الأمر محسوم", "", ""},
		{"إيلاف من لندن:", "إيلاف من لندن:", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			body, outlet, place := StripDateline(tt.in)
			if body != tt.body || outlet != tt.outlet || place != tt.place {
				t.Errorf("StripDateline(%q) = %q, %q, %q; want %q, %q, %q", tt.in, body, outlet, place, tt.body, tt.outlet, tt.place)
			}
		})
	}
}

func TestParseMap(t *testing.T) {
	m, err := ParseMap("title=headline, published=meta.date")
	if err != nil || m["title"] != "headline" || m["published"] != "meta.date" {
		t.Errorf("ParseMap = %v, %v", m, err)
	}
	for _, bad := range []string{"title", "colour=red", "=x", "title="} {
		if _, err := ParseMap(bad); err == nil {
			t.Errorf("ParseMap(%q) accepted", bad)
		}
	}
}

func TestFetchFollowsSummaries(t *testing.T) {
	page := testdata(t, "article.html")
	var mu sync.Mutex
	var asked []string
	opts := Options{Fetch: func(ctx context.Context, url string) ([]byte, string, error) {
		mu.Lock()
		asked = append(asked, url)
		mu.Unlock()
		if strings.HasSuffix(url, "/2") {
			return nil, "", &fetchErr{url + ": HTTP status 404 Not Found"}
		}
		return page, "text/html; charset=utf-8", nil
	}}
	items := readAll(t, "feed.xml", testdata(t, "feed.xml"), opts)
	check(t, items, []want{
		{where: "feed.xml: item 1", title: "اجتماع وزراء الطاقة في فيينا", url: "https://agency.example/news/1", published: "2020-10-06T09:30:00+03:00", body: "انطلق موسم حصاد القمح"},
		{where: "feed.xml: item 2", reason: "HTTP status 404"},
		{where: "feed.xml: item 3", published: "2022-06-14T08:00:00+03:00", body: "انطلق موسم حصاد القمح"},
	})
	if len(asked) != 3 {
		t.Errorf("fetched %v", asked)
	}
}

type fetchErr struct{ msg string }

func (e *fetchErr) Error() string { return e.msg }

func TestReadStopsOnEmitError(t *testing.T) {
	stop := &fetchErr{"stop"}
	n := 0
	err := Read(context.Background(), "records.jsonl", bytes.NewReader(testdata(t, "records.jsonl")), Options{}, func(Item) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("Read = %v after %d items, want the emit error after 1", err, n)
	}
}

func TestStripDatelineLeavesProse(t *testing.T) {
	// Openings of SaudiNewsNet opinion pieces that look like datelines.
	for _, s := range []string{
		"في كثير من مساجد الأحياء - خاصة الصغير منها- تبرز ظاهرة",
		"قدر من رب العالمين - سبحانه وتعالى - أن يتصل",
		"هذا رحالة من نوع آخر: الأمير محمد علي باشا",
		"تأتي هذه الجريمة «قتل العقيد راشد الصفيان» -رحمه الله- من قبل",
		"حرص عديد من الأطباء – ولا سيما أطباء الأسنان",
	} {
		if body, o, p := StripDateline(s); body != s || o != "" || p != "" {
			t.Errorf("StripDateline(%q) took %q, %q", s, o, p)
		}
	}
}

func TestCleanBody(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"نص", "نص"},
		{"  نص  ", "نص"},
		{"سطر\r\nسطر", "سطر\nسطر"},
		{"سطر\rسطر", "سطر\nسطر"},
		{"فقرة\n\n\n\n فقرة ", "فقرة\n\nفقرة"},
		{"كلمة  \t كلمة\u00a0\u00a0كلمة", "كلمة كلمة كلمة"},
		{"سطر   \n   سطر", "سطر\nسطر"},
		{"\uFEFFنص", "نص"},
		{"a \n\n \n b", "a\n\nb"},
	}
	for _, tt := range tests {
		if got := cleanBody(tt.in); got != tt.want {
			t.Errorf("cleanBody(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := cleanBody(tt.want); got != tt.want {
			t.Errorf("cleanBody not idempotent on %q: %q", tt.want, got)
		}
	}
}

func TestJSONLStreaming(t *testing.T) {
	long := `{"content": "` + strings.Repeat("ن", 700_000) + `"}`
	input := long + "\n" + `{"title": "بعد السطر الطويل", "content": "نص الخبر بعد السطر الطويل."}` + "\n"
	items := readAll(t, "big.jsonl", []byte(input), Options{MaxArticleBytes: 100})
	check(t, items, []want{
		{where: "big.jsonl:1", reason: "line over the size limit"},
		{where: "big.jsonl:2", title: "بعد السطر الطويل"},
	})
	// A pretty-printed object on stdin is one JSON value, not lines.
	pretty := "{\n  \"title\": \"عنوان\",\n  \"content\": \"نص منسق على عدة أسطر.\"\n}\n"
	check(t, readAll(t, "-", []byte(pretty), Options{}), []want{{where: "-:1", title: "عنوان"}})
}

// TestIndexArrays checks Options.IndexArrays: the records of a JSON array
// are numbered by their index in it, those of objects one a line by line;
// without the option, by line.
func TestIndexArrays(t *testing.T) {
	a := `{"body": "خبر عن الأمطار الغزيرة في المدينة"}`
	tests := []struct {
		name  string
		input string
		index bool
		want  []string // Where() of each record
	}{
		{"compact array, indexed", "[" + a + "," + a + `,{"body":""}]`, true, []string{"in: item 1", "in: item 2", "in: item 3"}},
		{"compact array, by line", "[" + a + "," + a + `,{"body":""}]`, false, []string{"in:1", "in:1", "in:1"}},
		{"array on lines, indexed", "[\n" + a + ",\n\n" + a + "\n]", true, []string{"in: item 1", "in: item 2"}},
		{"objects one a line, indexed", a + "\n\n" + a + "\n", true, []string{"in:1", "in:3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			err := ReadFormat(context.Background(), "in", JSON, strings.NewReader(tt.input), Options{IndexArrays: tt.index}, func(it Item) error {
				got = append(got, it.Where())
				return nil
			})
			if err != nil || strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("records %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestRefusalReasons: a refusal says what is wrong with the record, not a
// consequence of it: a body field that holds no text is named as such, a
// record with no body field lists the fields it has (and, for rasid
// ingest, --map), and an Arabic page in an undeclared legacy encoding is
// refused for its encoding rather than as "not Arabic".
func TestRefusalReasons(t *testing.T) {
	const body = "قال الوزير في بغداد اليوم إن المحادثات مستمرة بين الطرفين وإن الجولة المقبلة تعقد الشهر المقبل."
	cp1256, err := charmap.Windows1256.NewEncoder().String("<html><body><article><p>" + body + "</p><p>" + body + "</p></article></body></html>")
	if err != nil {
		t.Fatal(err)
	}
	plain1256, err := charmap.Windows1256.NewEncoder().String(body)
	if err != nil {
		t.Fatal(err)
	}
	declared := strings.Replace(cp1256, "<html>", `<html><head><meta charset="windows-1256"></head>`, 1)
	page := "<html><body><article><p>" + body + "</p><p>" + body + "</p></article></body></html>"
	utf8Declared1256 := strings.Replace(page, "<html>", `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head>`, 1)
	cp1256DeclaredUTF8 := strings.Replace(cp1256, "<html>", "<html><head><meta charset=\"utf-8\"></head>\n", 1)
	tests := []struct {
		desc string
		name string
		data string
		opts Options
		want string // the reason, "" for an accepted record
		not  string // not in the reason
	}{
		{"body is a number", "n.jsonl", `{"text":42}`, Options{}, `field "text" is a number, not a string`, "Arabic"},
		{"body is negative", "n.jsonl", `{"content":-1.5e3}`, Options{}, `field "content" is a number, not a string`, ""},
		{"body is true", "n.jsonl", `{"title":"عنوان","text":true}`, Options{}, `field "text" is true or false, not a string`, ""},
		{"mapped body is a number", "n.jsonl", `{"b":7}`, Options{Map: map[string]string{"body": "b"}}, `field "b" is a number`, ""},
		{"unknown body field", "u.jsonl", `{"id":1,"bodytext":"` + body + `"}`, Options{},
			"no body field (none of content, text, body, article, articleBody, article_body, fulltext, full_text); the record's fields: bodytext, id; name the body's field with --map body=JSONFIELD", "empty body"},
		{"unknown body field, no --map", "u.json", `{"bodytext":"` + body + `"}`, Options{NoMap: true}, "no body field (none of content, text", "--map"},
		{"mapped body field missing", "u.jsonl", `{"text":"` + body + `"}`, Options{Map: map[string]string{"body": "x.y"}}, `no body field (no field "x.y"); the record's fields: text; name`, ""},
		{"empty object", "u.jsonl", `{}`, Options{}, "the record's fields: none", ""},
		{"body field empty", "e.jsonl", `{"title":"عنوان","content":"  "}`, Options{}, "empty body", "no body field"},
		{"body field null", "e.jsonl", `{"title":"عنوان","content":null}`, Options{}, "empty body", "no body field"},
		{"good", "g.jsonl", `{"text":"` + body + `"}`, Options{}, "", ""},
		{"windows-1256 page, undeclared", "p.html", cp1256, Options{}, "not valid UTF-8 and no charset declared (read as windows-1252", "not Arabic ("},
		{"windows-1256 page, declared", "p.html", declared, Options{}, "", ""},
		{"windows-1256 page, charset from HTTP", "p.html", cp1256, Options{}, "", ""},
		{"UTF-8 page declared windows-1256", "p.html", utf8Declared1256, Options{}, "", ""},
		{"UTF-8 page, windows-1256 from HTTP", "p.html", page, Options{}, "", ""},
		{"windows-1256 page declared utf-8", "p.html", cp1256DeclaredUTF8, Options{}, "declares charset utf-8 but is not valid UTF-8 (line 2 column ", "not Arabic ("},
		{"windows-1256 text", "p.txt", plain1256, Options{}, "invalid UTF-8 at line 1", "Arabic"},
		{"empty page", "p.html", "", Options{}, "empty file", "no article"},
		{"blank page", "p.html", " \n\t\n", Options{}, "empty file", "no article"},
		{"page of links only", "p.html", `<html><head><title>الصفحة الرئيسية</title></head><body><nav><a href="/">الرئيسية</a> <a href="/a">أخبار</a> <a href="/b">رياضة</a></nav></body></html>`, Options{}, "no article found in page: its main text is links only", ""},
		{"article with links", "p.html", "<html><body><article><p>" + body + ` <a href="/x">بغداد</a></p><p>` + body + "</p></article></body></html>", Options{}, "", ""},
		{"binary named .html", "p.html", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", Options{}, "binary file, not text", "charset"},
		{"binary named .json", "p.json", "\x00\x01\x02\x03{", Options{}, "binary file, not text", "JSON"},
		{"windows-1256 page named .txt", "p.txt", cp1256, Options{}, "not valid UTF-8 and no charset declared", "not Arabic ("},
		{"English page", "e.html", "<html><body><article><p>The cabinet met on Tuesday and approved the budget for next year, the ministry said in a statement.</p></article></body></html>", Options{}, "not Arabic (", ""},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			var items []Item
			emit := func(it Item) error { items = append(items, it); return nil }
			var err error
			if strings.HasSuffix(tc.desc, "from HTTP") {
				err = ReadHTTP(context.Background(), "https://news.example/"+tc.name, "text/html; charset=windows-1256", []byte(tc.data), tc.opts, emit)
			} else {
				err = Read(context.Background(), tc.name, strings.NewReader(tc.data), tc.opts, emit)
			}
			if err != nil || len(items) != 1 {
				t.Fatalf("err %v, items %v; want one item", err, items)
			}
			got := items[0].Reason
			if tc.want == "" {
				if got != "" {
					t.Errorf("refused: %q", got)
				} else if !strings.Contains(items[0].Article.Body, "بغداد") {
					t.Errorf("body %q", items[0].Article.Body)
				}
				return
			}
			if !strings.Contains(got, tc.want) || (tc.not != "" && strings.Contains(got, tc.not)) {
				t.Errorf("reason %q; want %q, not %q", got, tc.want, tc.not)
			}
		})
	}
}
