package analysis_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/analysis"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/quote"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const seedsPath = "../../../shared/data/seeds.jsonl"

func analyzer(t testing.TB) *analysis.Analyzer {
	t.Helper()
	an, err := analysis.Default()
	if err != nil {
		t.Fatal(err)
	}
	return an
}

// seeds reads the seed articles, or skips when they are absent.
func seeds(t testing.TB) []news.Article {
	t.Helper()
	f, err := os.Open(seedsPath)
	if err != nil {
		t.Skipf("seed articles not found at %s", seedsPath)
	}
	defer f.Close()
	var out []news.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var r struct{ ID, Text, Published, Source, URL string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		p, err := time.Parse(time.DateOnly, r.Published)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, news.Article{ID: r.ID, Body: r.Text, Published: p, Source: r.Source, URL: r.URL})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkSpans fails when a span's text is not the body's runes at its offsets.
func checkSpans(t *testing.T, body string, a news.Analysis) {
	t.Helper()
	r := []rune(body)
	check := func(kind string, s news.Span) {
		if s.Start < 0 || s.End < s.Start || s.End > len(r) || string(r[s.Start:s.End]) != s.Text {
			t.Errorf("%s span [%d,%d) %q does not match the text", kind, s.Start, s.End, s.Text)
		}
	}
	for _, s := range a.Sentences {
		check("sentence", s)
	}
	for _, e := range a.Entities {
		check("entity", e.Span)
		if e.EntityID == "" || e.Name == "" {
			t.Errorf("entity %q has no id or name", e.Text)
		}
	}
	for _, x := range a.Timexes {
		check("timex", x.Span)
	}
	for _, q := range a.Quantities {
		check("quantity", q.Span)
	}
	for _, q := range a.Quotes {
		check("quote", q.Span)
		if q.Speaker.End > 0 && string(r[q.Speaker.Start:q.Speaker.End]) != q.Speaker.Text {
			t.Errorf("speaker span [%d,%d) %q does not match the text", q.Speaker.Start, q.Speaker.End, q.Speaker.Text)
		}
	}
}

// TestSeedPersons checks that each person of the seed articles gets one
// entity id in every article, whatever the spelling, and that no two of
// them share one.
func TestSeedPersons(t *testing.T) {
	an := analyzer(t)
	arts := seeds(t)
	people := []struct {
		who   string
		names []string // spellings written in the seeds
	}{
		{"Pompeo", []string{"مايك بومبيو", "بومبيو"}},
		{"Blinken", []string{"أنتوني بلينكن", "انتوني بلينكن", "بلينكن", "بلنكن"}},
		{"Fuad Hussein", []string{"فؤاد حسين", "حسين فؤاد"}},
		{"al-Kadhimi", []string{"مصطفى الكاظمي", "الكاظمي"}},
		{"Trump", []string{"دونالد ترمب", "دونالد ترامب", "ترمب"}},
	}
	byText := map[string]map[string]bool{} // mention text → entity ids
	for _, a := range arts {
		res := an.Analyze(a)
		for _, e := range res.Entities {
			if e.Type != "PERS" {
				continue
			}
			if byText[e.Text] == nil {
				byText[e.Text] = map[string]bool{}
			}
			byText[e.Text][e.EntityID] = true
		}
	}
	owner := map[string]string{}
	for _, p := range people {
		t.Run(p.who, func(t *testing.T) {
			ids := map[string]bool{}
			for _, n := range p.names {
				if len(byText[n]) == 0 {
					t.Errorf("%q not found as a person", n)
				}
				for id := range byText[n] {
					ids[id] = true
				}
			}
			if len(ids) != 1 {
				t.Errorf("%s has %d entity ids: %v", p.who, len(ids), ids)
			}
			for id := range ids {
				if o, ok := owner[id]; ok && o != p.who {
					t.Errorf("%s and %s share entity id %s", o, p.who, id)
				}
				owner[id] = p.who
			}
		})
	}
}

// TestSeeds checks spans, dates resolved against the publication date and
// quote speakers on the seed articles.
func TestSeeds(t *testing.T) {
	an := analyzer(t)
	arts := seeds(t)
	byID := map[string]news.Analysis{}
	bodies := map[string]string{}
	for _, a := range arts {
		res := an.Analyze(a)
		if res.ID != a.ID || res.Analyzer != analysis.Version {
			t.Errorf("%s: id %q analyzer %q", a.ID, res.ID, res.Analyzer)
		}
		t.Run("spans/"+a.ID, func(t *testing.T) { checkSpans(t, a.Body, res) })
		byID[a.ID] = res
		bodies[a.ID] = a.Body
	}
	timexes := []struct {
		article, text, value string
	}{
		{"000_324617013d58bdca", "الأربعاء", "2020-08-19"},
		{"000_324617013d58bdca", "يونيو الماضي", "2020-06"},
		{"000_324617013d58bdca", "أواخر العام الماضي", "2019"},
		{"003_17cbc4ecf8b5e0c1", "أمس الخميس", "2021-07-22"},
		{"002_c72539758a742b07", "العاشر من اكتوبر المقبل", "2021-10-10"},
	}
	for _, c := range timexes {
		t.Run("timex/"+c.text, func(t *testing.T) {
			for _, x := range byID[c.article].Timexes {
				if x.Text == c.text {
					if x.Value != c.value {
						t.Errorf("%q = %q, want %q", c.text, x.Value, c.value)
					}
					return
				}
			}
			t.Errorf("%q not found in %s", c.text, c.article)
		})
	}
	speakers := []struct {
		article, speaker, name string
	}{
		{"000_324617013d58bdca", "بومبيو", "مايك بومبيو"},
		{"000_324617013d58bdca", "حسين", "فؤاد حسين"},
		{"001_707b2242cacd9ad6", "مصطفى الكاظمي", "مصطفى الكاظمي"},
		{"003_17cbc4ecf8b5e0c1", "بلينكن", "أنتوني بلينكن"},
	}
	for _, c := range speakers {
		t.Run("speaker/"+c.speaker, func(t *testing.T) {
			res := byID[c.article]
			var want string
			for _, e := range res.Entities {
				if e.Name == c.name {
					want = e.EntityID
				}
			}
			for _, q := range res.Quotes {
				if q.Speaker.Text == c.speaker {
					if q.Speaker.EntityID != want || want == "" {
						t.Errorf("speaker %q has entity id %q, want %q (%s)", c.speaker, q.Speaker.EntityID, want, c.name)
					}
					return
				}
			}
			t.Errorf("no quote by %q in %s", c.speaker, c.article)
		})
	}
}

// TestStableIDs checks that spellings of one entity in different articles
// get one id, and that the id does not depend on the other articles.
func TestStableIDs(t *testing.T) {
	an := analyzer(t)
	cases := []struct {
		desc, a, b string // two texts naming one entity
		typ        string
	}{
		{"transliteration", "وقال الرئيس الأميركي دونالد ترمب إن المحادثات مفيدة.", "وقال الرئيس الأميركي دونالد ترامب إن المحادثات مفيدة.", "PERS"},
		{"hamza", "وصل الوفد إلى إيران أمس.", "وصل الوفد إلى ايران أمس.", "LOC"},
		{"clitic", "وصل الوزير إلى بغداد.", "عاد الوزير من بغداد ثم توجه إلى واشنطن وبغداد.", "LOC"},
	}
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) {
			first := func(text string) string {
				for _, e := range an.Analyze(news.Article{ID: "x", Body: text}).Entities {
					if e.Type == c.typ {
						return e.EntityID
					}
				}
				t.Fatalf("no %s entity in %q", c.typ, text)
				return ""
			}
			if a, b := first(c.a), first(c.b); a != b {
				t.Errorf("ids differ: %s vs %s", a, b)
			}
		})
	}
}

// TestUndated checks that without a publication date, given or inferred,
// relative expressions keep no value and absolute ones are resolved. The
// date is past the opening, so timex.InferPublished gives no day.
func TestUndated(t *testing.T) {
	an := analyzer(t)
	res := an.Analyze(news.Article{ID: "u", Body: "التقى الوزيران أمس في العاصمة لبحث ملفات التعاون الاقتصادي والأمني بين البلدين، وهو اللقاء الثاني بينهما منذ بداية العام، بعد اجتماع عقد في 5 أغسطس 2020 واستمر ثلاثة أيام."})
	if res.PublishedInferred != nil {
		t.Errorf("inferred %+v, want none", *res.PublishedInferred)
	}
	want := map[string]string{"أمس": "", "5 أغسطس 2020": "2020-08-05", "ثلاثة أيام": "P3D"}
	got := map[string]string{}
	for _, x := range res.Timexes {
		got[x.Text] = x.Value
	}
	for text, v := range want {
		if g, ok := got[text]; !ok || g != v {
			t.Errorf("%q: value %q (found %v), want %q", text, g, ok, v)
		}
	}
}

// TestInferredDate checks that an undated article whose text gives its
// day gets that day in PublishedInferred and its relative expressions
// resolved against it, and that a date the input gave is never replaced.
func TestInferredDate(t *testing.T) {
	an := analyzer(t)
	body := "الرياض - أكد الوزير اليوم الثلاثاء 4 أغسطس 2015 أن الاجتماع الذي عقد أمس كان مثمرا، وأن الجولة المقبلة ستعقد الأسبوع المقبل."
	given := time.Date(2016, 1, 10, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name      string
		published time.Time
		inferred  string // "" for none
		yesterday string // the value of أمس
	}{
		{"undated", time.Time{}, "2015-08-04", "2015-08-03"},
		{"dated by the input", given, "", "2016-01-09"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := an.Analyze(news.Article{ID: "d", Body: body, Published: tc.published})
			switch {
			case tc.inferred == "" && res.PublishedInferred != nil:
				t.Errorf("inferred %+v for an article the input dated", *res.PublishedInferred)
			case tc.inferred != "" && (res.PublishedInferred == nil || res.PublishedInferred.Date != tc.inferred):
				t.Errorf("inferred %+v, want %s", res.PublishedInferred, tc.inferred)
			case tc.inferred != "" && (res.PublishedInferred.Confidence <= 0 || res.PublishedInferred.Confidence > 1):
				t.Errorf("confidence %v outside (0,1]", res.PublishedInferred.Confidence)
			}
			found := false
			for _, x := range res.Timexes {
				if x.Text == "أمس" {
					found = true
					if x.Value != tc.yesterday {
						t.Errorf("أمس = %q, want %q", x.Value, tc.yesterday)
					}
				}
			}
			if !found {
				t.Errorf("أمس not found in %+v", res.Timexes)
			}
		})
	}
}

// TestEmpty checks that odd inputs give an analysis with empty lists.
func TestEmpty(t *testing.T) {
	an := analyzer(t)
	for _, body := range []string{"", "   \n", "\uFFFD", "123", "«»"} {
		res := an.Analyze(news.Article{ID: "e", Body: body})
		if res.Sentences == nil || res.Entities == nil || res.Timexes == nil || res.Quantities == nil || res.Quotes == nil {
			t.Errorf("%q: nil list in %+v", body, res)
		}
		checkSpans(t, body, res)
	}
}

// TestConcurrent checks that one Analyzer gives the same results from
// many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	an := analyzer(t)
	arts := seeds(t)
	want := make([]string, len(arts))
	for i, a := range arts {
		b, _ := json.Marshal(an.Analyze(a))
		want[i] = string(b)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, a := range arts {
				b, _ := json.Marshal(an.Analyze(a))
				if string(b) != want[i] {
					t.Errorf("%s: result differs under concurrency", a.ID)
				}
			}
		}()
	}
	wg.Wait()
}

// TestGolden compares the analysis of testdata/article.txt with
// testdata/article.golden.json (refresh with -update).
func TestGolden(t *testing.T) {
	an := analyzer(t)
	body, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	res := an.Analyze(news.Article{ID: "golden", Body: string(body), Published: time.Date(2020, 8, 25, 0, 0, 0, 0, time.UTC)})
	checkSpans(t, string(body), res)
	got, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "article.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("analysis differs from %s (run with -update after checking the change):\n%s", path, got)
	}
	checkVersion(t, res)
}

// checkVersion keeps analysis.Version honest: testdata/versions.txt holds,
// per Version, a fingerprint of the golden analysis, so that a change of
// the output (a new model, a word list, an analyzer) fails until Version
// is bumped, and `rasid reanalyze` then redoes the stored analyses.
func checkVersion(t *testing.T, res news.Analysis) {
	t.Helper()
	res.Analyzer = ""
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	fp := hex.EncodeToString(sum[:])
	path := filepath.Join("testdata", "versions.txt")
	data, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	known := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if v, f, ok := strings.Cut(line, " "); ok && !strings.HasPrefix(line, "#") {
			known[v] = f
		}
	}
	switch rec, ok := known[analysis.Version]; {
	case ok && rec != fp:
		t.Errorf("the analysis output changed but analysis.Version is still %q: bump it (stored analyses by the old build must be redone) and run -update", analysis.Version)
	case !ok && *update:
		if len(data) == 0 {
			data = []byte("# analysis.Version and a SHA-256 of testdata/article.golden.json's analysis with the version left out; written by go test -update\n")
		}
		data = append(data, analysis.Version+" "+fp+"\n"...)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	case !ok:
		t.Errorf("%s has no fingerprint for %q (run go test -update)", path, analysis.Version)
	}
}

// FuzzAnalyze checks that any text gives spans that match it and never a
// panic.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"قال بومبيو «نعم» أمس", "وبغداد 5 آلاف دولار", "«", "إيران ايران", "وقال بن لوبرون “السوق”"} {
		f.Add(s)
	}
	an := analyzer(f)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("Analyze takes valid UTF-8 (the CLI and ingest check it)")
		}
		res := an.Analyze(news.Article{ID: "f", Body: s})
		checkSpans(t, s, res)
	})
}

// TestNotEntities checks the mentions the analysis drops although the
// recognizer tags them: الله, of any type (MISC in ANERcorp; the tagger
// reads some as a person), its forms with a clitic and other names of God,
// and a name that is no person's beginning with it.
func TestNotEntities(t *testing.T) {
	an := analyzer(t)
	for _, text := range []string{"وقال الله تعالى في كتابه إن الصبر مفتاح الفرج.", "نسأل الله أن يرحمه.", "ملعون مطرود من رحمة الله خالداً مُخلّداً بالنار والعياذ بالله.",
		"بسم الله الرحمن الرحيم، افتتح الأمير المؤتمر.", "والحمد لله على سلامة الجميع.",
		"ويشمل الضمان الصحي كل القادمين إلى المملكة بغرض الزيارة أو تمديدها، أو بغرض المرور وكذلك مرافقيهم بإستثناء حُجّاج بيت الله الحرام والمعتمرين والدبلوماسيين."} {
		for _, e := range an.Analyze(news.Article{ID: "x", Body: text}).Entities {
			if first, _, _ := strings.Cut(e.Name, " "); quote.DivineName(first) {
				t.Errorf("%s: entity %+v", text, e)
			}
		}
	}
}

// TestHomographs checks that عمان is Oman or Amman as the article's
// words say, and one id for each.
func TestHomographs(t *testing.T) {
	an := analyzer(t)
	place := func(text string) string {
		t.Helper()
		for _, e := range an.Analyze(news.Article{ID: "x", Body: text}).Entities {
			if e.Type == "LOC" && (strings.HasSuffix(e.Text, "عمان") || strings.HasSuffix(e.Text, "عمّان")) {
				return e.EntityID
			}
		}
		t.Fatalf("no عمان in %q", text)
		return ""
	}
	amman := place("زار الوفد العاصمة الأردنية عمان أمس والتقى المسؤولين.")
	oman := place("وصل الوزير إلى عمان في زيارة لسلطنة عمان تستمر يومين.")
	if amman == oman {
		t.Errorf("Amman and Oman share id %s", amman)
	}
	if got := place("التقى في عمّان نظيره الأردني."); got != amman {
		t.Errorf("عمّان: id %s, want Amman's %s", got, amman)
	}
	if got := place("وصل الوزير إلى مسقط ثم إلى عمان."); got != oman {
		t.Errorf("عمان beside مسقط: id %s, want Oman's %s", got, oman)
	}
}

// TestLineage checks that a father named inside his son's name
// (محمد بن سلمان بن عبدالعزيز) keeps his own id, and that a title after a
// name is left out of it.
func TestLineage(t *testing.T) {
	an := analyzer(t)
	text := "استقبل الملك سلمان بن عبدالعزيز الرئيس الفرنسي. وحضر الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد. وقال الملك سلمان إن العلاقات متينة."
	ids := map[string]string{}
	for _, e := range an.Analyze(news.Article{ID: "x", Body: text}).Entities {
		if e.Type == "PERS" {
			ids[e.Text] = e.EntityID
		}
	}
	father, son, alone := ids["سلمان بن عبدالعزيز"], ids["محمد بن سلمان بن عبدالعزيز"], ids["سلمان"]
	if father == "" || son == "" || alone == "" {
		t.Fatalf("persons %v: want سلمان بن عبدالعزيز, محمد بن سلمان بن عبدالعزيز (without ولي ولي) and سلمان", ids)
	}
	if father == son {
		t.Errorf("father and son share id %s", father)
	}
	if alone != father {
		t.Errorf("سلمان alone has id %s, want the father's %s", alone, father)
	}
}

// TestListedPersons checks that a person named in part takes the id of
// the one listed person that fits, and that other people stay apart.
func TestListedPersons(t *testing.T) {
	an := analyzer(t)
	person := func(text string) news.Entity {
		t.Helper()
		for _, e := range an.Analyze(news.Article{ID: "x", Body: text}).Entities {
			if e.Type == "PERS" {
				return e
			}
		}
		t.Fatalf("no person in %q", text)
		return news.Entity{}
	}
	cases := []struct {
		desc, a, b string
		same       bool
	}{
		{"surname alone", "وقال أوباما إن الاتفاق جيد.", "وقال الرئيس الأميركي باراك أوباما إن الاتفاق جيد.", true},
		{"longer name", "وقال وزير الخارجية الإيراني محمد جواد ظريف إن الاتفاق جيد.", "وقال وزير الخارجية الإيراني جواد ظريف إن الاتفاق جيد.", true},
		{"another person with the surname", "وقالت سارة أوباما إن الزيارة مهمة.", "وقال الرئيس الأميركي باراك أوباما إن الاتفاق جيد.", false},
		{"a listed given name is no person", "وقال الملك سلمان بن عبد العزيز إن الاتفاق جيد.", "وقال الأمير فهد بن عبد العزيز إن الاتفاق جيد.", false},
		{"عبد with or without a space", "وقال الملك سلمان بن عبد العزيز إن الاتفاق جيد.", "وقال الملك سلمان بن عبدالعزيز إن الاتفاق جيد.", true},
		{"a surname of two listed people", "وقال حسين إن الاتفاق جيد.", "وقال وزير الخارجية العراقي فؤاد حسين إن الاتفاق جيد.", false},
		{"the last words of a listed name", "وقال الرئيس اليمني منصور هادي إن عدن تحررت.", "وقال الرئيس اليمني عبد ربه منصور هادي إن عدن تحررت.", true},
		{"عبد ربه unspaced", "وقال الرئيس اليمني عبدربه منصور هادي إن عدن تحررت.", "وقال الرئيس اليمني عبد ربه منصور هادي إن عدن تحررت.", true},
		{"the last words of a father's name in his son's", "وقالت قوات المخلوع عبدالله صالح إنها انسحبت.", "وقال الرئيس السابق علي عبد الله صالح إن قواته انسحبت.", true},
		{"a son is not his father", "وقال العميد أحمد علي عبد الله صالح إن قواته انسحبت.", "وقال الرئيس السابق علي عبد الله صالح إن قواته انسحبت.", false},
		{"a listed surname shared by two people", "وقال صالح إن قواته انسحبت.", "وقال الرئيس العراقي برهم صالح إن الاتفاق جيد.", false},
		{"two listed names of one person", "وقال حسن نصر الله إن الاتفاق جيد.", "وقال نصر الله إن الاتفاق جيد.", true},
		{"the last words of no listed name", "وقال محمد منصور إن المشروع جاهز.", "وقال المهندس خالد محمد منصور إن المشروع جاهز.", false},
		{"a grandson of the founder", "وقال ولي العهد الأمير محمد بن نايف بن عبدالعزيز إن الأمن مستتب.", "وقال ولي العهد الأمير محمد بن نايف إن الأمن مستتب.", true},
		{"a family name after بن", "وقال الدكتور فهد بن عبدالعزيز بن معمر إن المشروع جاهز.", "وقال الملك فهد بن عبدالعزيز إن المشروع جاهز.", false},
		{"a lineage name's words in another order", "وقال المهندس سلمان بن محمد العمري إن المشروع جاهز.", "وقال ولي ولي العهد الأمير محمد بن سلمان إن المشروع جاهز.", false},
	}
	for _, c := range cases {
		t.Run(c.desc, func(t *testing.T) {
			a, b := person(c.a), person(c.b)
			if (a.EntityID == b.EntityID) != c.same {
				t.Errorf("%q (%s, %s) and %q (%s, %s): same id %v, want %v", a.Text, a.Name, a.EntityID, b.Text, b.Name, b.EntityID, !c.same, c.same)
			}
		})
	}
	if e := person("وقال أوباما إن الاتفاق جيد."); e.Name != "باراك اوباما" {
		t.Errorf("name of a listed surname = %q, want the listed full name", e.Name)
	}
}

// TestWeekdaySurnames checks that a weekday written after a given name is
// read as the family name it is (أحمد الخميس) — no date, the person's
// full name, the quote's speaker — and that a weekday after a full name or
// after a surname the article gives elsewhere stays a date.
func TestWeekdaySurnames(t *testing.T) {
	an := analyzer(t)
	published := time.Date(2015, 8, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text    string
		dates   []string // the timexes' texts
		person  string   // a person the analysis names, "" for none to check
		speaker string   // the name of the first quote's speaker, "" for none to check
	}{
		{"من جانبه أكد أمين عام الاتحاد السعودي لكرة القدم أحمد الخميس أن قرار تأجيل البطولة جاء بالإجماع.", nil, "أحمد الخميس", ""},
		{"أكد الأمين العام للاتحاد السعودي لكرة القدم أحمد الخميس أن القرار جاء بالإجماع.", nil, "أحمد الخميس", "أحمد الخميس"},
		{"وقال محمد الخميس إن العمل مستمر.", nil, "محمد الخميس", "محمد الخميس"},
		{"وأوضح مدير عام الجمعية إبراهيم بن سليمان الخميس أن الدورة ناجحة.", nil, "إبراهيم بن سليمان الخميس", "إبراهيم بن سليمان الخميس"},
		{"أبلغت تركمانستان رئيس الوزراء الباكستاني نواز شريف الاثنين ان المشروع سيبدأ.", []string{"الاثنين"}, "نواز شريف", ""},
		{"وأعلن الرئيس عبد ربه منصور هادي أمس. ونشرت القوات الموالية لحكومة هادي الأحد مدرعاتها.", []string{"أمس", "الأحد"}, "", ""},
		{"وقال الرئيس الأمريكي باراك أوباما الخميس إن بلاده مستعدة.", []string{"الخميس"}, "باراك أوباما", "باراك أوباما"},
		{"وصل الوزير الخميس إلى الرياض.", []string{"الخميس"}, "", ""},
	}
	for _, tc := range tests {
		res := an.Analyze(news.Article{ID: "x", Body: tc.text, Published: published})
		var dates []string
		for _, x := range res.Timexes {
			dates = append(dates, x.Text)
		}
		if !slices.Equal(dates, tc.dates) {
			t.Errorf("%s\ntimexes %q, want %q", tc.text, dates, tc.dates)
		}
		if tc.person != "" && !slices.ContainsFunc(res.Entities, func(e news.Entity) bool { return e.Type == "PERS" && e.Name == tc.person }) {
			t.Errorf("%s\nno person %q in %+v", tc.text, tc.person, res.Entities)
		}
		if tc.speaker != "" && (len(res.Quotes) == 0 || res.Quotes[0].Speaker.Name != tc.speaker || res.Quotes[0].Speaker.EntityID == "") {
			t.Errorf("%s\nquotes %+v, want the first by %q with its entity id", tc.text, res.Quotes, tc.speaker)
		}
		checkSpans(t, tc.text, res)
	}
}

// TestQuotedNames checks that a name in quotation marks (a channel, a
// paper, a group) is no quote, that the words reported after it are, and
// that a short quote that is no name stays.
func TestQuotedNames(t *testing.T) {
	an := analyzer(t)
	published := time.Date(2015, 8, 10, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		name string // a quote text that must not be found; "" for none
		kept string // a quote text that must be found; "" for none
	}{
		{"وقال الوزير لتلفزيون لهيئة الإذاعة البريطانية «بي بي سي»: «يجب أن نتمكن من حل هذه المشكلة في نهاية المطاف من خلال تمكننا من إعادة من ليس لهم حق اللجوء إلى بلادهم الأصلية».", "بي بي سي", ""},
		{"قال الجيش النيجيري في ساعة متأخرة من مساء يوم (الاحد)، إنّه أنقذ 178 شخصًا كانت جماعة «بوكو حرام» المتطرفة، تحتجزهم في ولاية بورنو النيجيرية.", "بوكو حرام", ""},
		{"وتقول كيت غيتون في «نيويورك تايمز» بأن هناك استثناء واحدا فقط هو برنامج تعزيز الصور.", "نيويورك تايمز", "هناك استثناء واحدا فقط هو برنامج تعزيز الصور"},
		{"فيؤكد عدد من الخبراء الذين حادثتهم «الشرق الأوسط» أن الاعتماد على الأخبار والمعلومات للعمل في هذا القطاع أمر غير كافٍ.", "الشرق الأوسط", "الاعتماد على الأخبار والمعلومات للعمل في هذا القطاع أمر غير كافٍ"},
		{"وقال المتحدث: «نحن قلقون جدا».", "", "نحن قلقون جدا"},
	}
	for _, tc := range tests {
		res := an.Analyze(news.Article{ID: "x", Body: tc.text, Published: published})
		var texts []string
		for _, q := range res.Quotes {
			texts = append(texts, q.Text)
		}
		if tc.name != "" && slices.Contains(texts, tc.name) {
			t.Errorf("%s\nquotes %q: the name %q is no quote", tc.text, texts, tc.name)
		}
		if tc.kept != "" && !slices.Contains(texts, tc.kept) {
			t.Errorf("%s\nquotes %q: want %q", tc.text, texts, tc.kept)
		}
		checkSpans(t, tc.text, res)
	}
}
