package cli

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
)

// writeFiles writes files (name → content) into dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// ingestJSON runs rasid ingest --json and decodes its summary.
func ingestJSON(t *testing.T, args ...string) (ingestSummary, string, int) {
	t.Helper()
	out, errOut, code := run(t, "", append([]string{"ingest", "--json"}, args...)...)
	var sum ingestSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("ingest --json printed %q (stderr %q): %v", out, errOut, err)
	}
	return sum, errOut, code
}

// storedArticles lists every article in the store at db.
func storedArticles(t *testing.T, db string) []news.Article {
	t.Helper()
	out, errOut, code := run(t, "", "articles", "--db", db, "--limit", "0", "--json")
	if code != 0 {
		t.Fatalf("articles: %d %s", code, errOut)
	}
	var arts []news.Article
	if err := json.Unmarshal([]byte(out), &arts); err != nil {
		t.Fatalf("articles --json: %v", err)
	}
	return arts
}

const goodFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>وكالة الاختبار</title>
<item><title>خبر أول من الخلاصة</title><link>https://feed.example/1</link><pubDate>Mon, 05 Oct 2020 09:00:00 +0300</pubDate>
<description>بدأت اليوم أعمال المؤتمر الإقليمي للمياه بمشاركة خبراء من عشرين دولة.</description></item>
<item><title>خبر مكسور</title><link>https://feed.example/2</link><description></description></item>
<item><title>خبر ثالث من الخلاصة</title><link>https://feed.example/3</link>
<description>أعلنت الهيئة العامة للطيران تشغيل خط جوي جديد بين المدينتين ابتداء من الشهر المقبل.</description></item>
</channel></rss>`

// TestIngestBadInputs is the sample of bad inputs from the issue: each bad
// record is reported with its input and record, nothing of it is stored,
// and every good record is.
func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rasid.db")
	writeFiles(t, dir, map[string]string{
		"in/good.jsonl": `{"url": "https://ex.org/1", "source": "المثال", "published": "2021-05-02", "title": "خبر جيد أول", "content": "عقد مجلس الوزراء جلسته الأسبوعية وناقش مشروع الميزانية العامة للدولة."}` + "\n" +
			`{"url": "https://ex.org/2", "source": "المثال", "title": "خبر جيد ثان", "content": "افتتحت وزارة الصحة مستشفى جديدا في المنطقة الشرقية بسعة مئتي سرير."}` + "\n",
		"in/truncated.json": `[{"url": "https://ex.org/3", "title": "خبر قبل القطع", "content": "أعلنت الشركة عن أرباحها الفصلية التي ارتفعت بنسبة عشرة في المئة."}, {"url": "https://ex.org/4", "title": "مقطوع", "content": "نص لم يكت`,
		"in/invalid.txt":    "عنوان\nنص فيه بايت \xff غير صالح في وسطه.",
		"in/empty.txt":      "",
		"in/big.txt":        "عنوان كبير\n" + strings.Repeat("نص طويل جدا يتكرر ", 400),
		"in/english.txt":    "Headline\nThe central bank kept interest rates unchanged on Thursday, citing inflation.",
		"in/feed.xml":       goodFeed,
		"in/notes.md":       "# not read: unknown kind in a directory",
	})
	binary := filepath.Join(dir, "blob.bin")
	if err := os.WriteFile(binary, []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.NotFoundHandler())
	unreachable := srv.URL + "/news"
	srv.Close()

	sum, stderr, code := ingestJSON(t, "--db", db, "--max-input", "4000", "--allow-private", "--timeout", "5s",
		filepath.Join(dir, "in"), binary, unreachable)
	if code != 1 {
		t.Errorf("exit code %d, want 1 (records refused)", code)
	}
	wantLines := []string{
		"truncated.json:1: malformed JSON at line 1 column ",
		"invalid.txt: invalid UTF-8 at line 2",
		"empty.txt: empty file",
		"big.txt: over the size limit of 4000 bytes",
		"english.txt: not Arabic",
		"feed.xml: item 2: empty body",
		"blob.bin: binary file",
		unreachable + ": ",
	}
	for _, w := range wantLines {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
	// One line per refused record, then the error that sets the exit code.
	if n := strings.Count(strings.TrimSpace(stderr), "\n"); n != len(wantLines) {
		t.Errorf("%d refusal lines, want %d:\n%s", n, len(wantLines), stderr)
	}
	if sum.Stored != 5 || sum.Refused != len(wantLines) || sum.Exists != 0 || sum.Skipped != 1 || len(sum.Refusals) != len(wantLines) {
		t.Errorf("summary %+v", sum)
	}
	var titles []string
	for _, a := range storedArticles(t, db) {
		titles = append(titles, a.Title)
	}
	got := strings.Join(titles, "|")
	for _, want := range []string{"خبر جيد أول", "خبر جيد ثان", "خبر قبل القطع", "خبر أول من الخلاصة", "خبر ثالث من الخلاصة"} {
		if !strings.Contains(got, want) {
			t.Errorf("stored titles %q lack %q", got, want)
		}
	}
	if len(titles) != 5 {
		t.Errorf("stored %d articles, want 5: %q", len(titles), got)
	}

	// Again: everything good is already stored, nothing changes.
	sum, _, _ = ingestJSON(t, "--db", db, "--max-input", "4000", filepath.Join(dir, "in"))
	if sum.Stored != 0 || sum.Exists != 5 || sum.NewVersions != 0 {
		t.Errorf("second run %+v, want 5 already stored", sum)
	}
}

func TestIngestVersionsAndStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rasid.db")
	v1 := `{"url": "https://ex.org/v", "title": "نسخة", "published": "2022-01-01T10:00:00Z", "content": "النص الأول للخبر قبل التعديل."}`
	v2 := `{"url": "https://ex.org/v", "title": "نسخة", "published": "2022-01-01T10:00:00Z", "content": "النص المعدل للخبر بعد التصحيح."}`
	for i, tt := range []struct {
		in                     string
		stored, exists, newver int
	}{{v1, 1, 0, 0}, {v1, 0, 1, 0}, {v2, 0, 0, 1}, {v1 + "\n" + v2, 0, 2, 0}} {
		out, errOut, code := run(t, tt.in, "ingest", "--db", db, "--json", "-")
		var sum ingestSummary
		if err := json.Unmarshal([]byte(out), &sum); err != nil || code != 0 {
			t.Fatalf("run %d: %v %d %s", i, err, code, errOut)
		}
		if sum.Stored != tt.stored || sum.Exists != tt.exists || sum.NewVersions != tt.newver {
			t.Errorf("run %d: %+v, want stored %d exists %d new versions %d", i, sum, tt.stored, tt.exists, tt.newver)
		}
	}
	arts := storedArticles(t, db)
	if len(arts) != 1 || !strings.Contains(arts[0].Body, "المعدل") {
		t.Errorf("current articles %+v, want the corrected version only", arts)
	}
}

func TestIngestFeedURLWithFetch(t *testing.T) {
	mux := http.NewServeMux()
	var srvURL string
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>موقع</title>
<item><title>عنوان الخلاصة</title><link>%[1]s/page/1</link><description>ملخص قصير</description></item>
<item><title>صفحة مفقودة</title><link>%[1]s/page/404</link><description>ملخص آخر</description></item>
</channel></rss>`, srvURL)
	})
	mux.HandleFunc("/page/1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><title>صفحة</title><meta property="article:published_time" content="2024-02-03T04:05:06Z"></head><body><article>
<p>نص المقال الكامل كما نشر في الصفحة، وهو أطول بكثير من الملخص الذي حملته الخلاصة عن هذا الخبر المهم.</p>
<p>وتضيف الفقرة الثانية تفاصيل عن الاجتماع والقرارات التي صدرت عنه في ختام أعماله مساء أمس.</p></article></body></html>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	srvURL = srv.URL
	db := filepath.Join(t.TempDir(), "rasid.db")

	// Without --allow-private the local server is refused.
	_, stderr, code := ingestJSON(t, "--db", db, srv.URL+"/feed")
	if code != 1 || !strings.Contains(stderr, "not public") {
		t.Errorf("guarded fetch: code %d, stderr %q", code, stderr)
	}
	sum, stderr, code := ingestJSON(t, "--db", db, "--allow-private", "--fetch", srv.URL+"/feed")
	if code != 1 || sum.Stored != 1 || sum.Refused != 1 || !strings.Contains(stderr, "item 2: "+srv.URL+"/page/404: HTTP status 404") {
		t.Errorf("code %d, summary %+v, stderr %q", code, sum, stderr)
	}
	arts := storedArticles(t, db)
	if len(arts) != 1 || !strings.HasPrefix(arts[0].Body, "نص المقال الكامل") || arts[0].Title != "عنوان الخلاصة" ||
		arts[0].URL != srv.URL+"/page/1" || arts[0].Published.IsZero() {
		t.Errorf("stored %+v", arts)
	}
}

func TestArticlesCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rasid.db")
	writeFiles(t, dir, map[string]string{"a.jsonl": `{"url": "https://a.ex/1", "source": "أ", "published": "2020-01-05T08:00:00+03:00", "title": "الأول", "content": "نص الخبر الأول عن الاقتصاد."}
{"url": "https://a.ex/2", "source": "ب", "published": "2020-02-05", "title": "الثاني", "content": "نص الخبر الثاني عن الرياضة."}
{"url": "https://a.ex/3", "source": "ب", "title": "الثالث", "content": "نص الخبر الثالث بلا تاريخ."}
`})
	if _, _, code := ingestJSON(t, "--db", db, filepath.Join(dir, "a.jsonl")); code != 0 {
		t.Fatalf("ingest failed")
	}
	arts := storedArticles(t, db)
	if len(arts) != 3 || arts[0].Title != "الأول" || arts[2].Title != "الثالث" {
		t.Fatalf("articles %+v, want publication order with the undated last", arts)
	}
	tests := []struct {
		desc string
		args []string
		code int
		want []string // substrings of stdout
		not  []string
	}{
		{"list", []string{"articles"}, 0, []string{"الأول", "2020-01-05", "الثالث", "undated"}, nil},
		{"by source", []string{"articles", "--source", "ب"}, 0, []string{"الثاني", "الثالث"}, []string{"الأول"}},
		{"by dates", []string{"articles", "--from", "2020-02-01", "--to", "2020-02-05"}, 0, []string{"الثاني"}, []string{"الأول", "الثالث"}},
		{"bad date", []string{"articles", "--from", "yesterday"}, 2, nil, nil},
		{"one article", []string{"article", arts[1].ID}, 0, []string{"الثاني", "https://a.ex/2", "نص الخبر الثاني"}, nil},
		{"undated article", []string{"article", arts[2].ID}, 0, []string{"published: unknown"}, nil},
		{"one article JSON", []string{"article", "--json", arts[0].ID}, 0, []string{`"date_origin": "input"`, `"title": "الأول"`}, nil},
		{"missing article", []string{"article", "nope"}, 1, nil, nil},
		{"sources", []string{"sources"}, 0, []string{"أ", "ب", "2020-01-05"}, nil},
		{"sources JSON", []string{"sources", "--json"}, 0, []string{`"articles": 2`}, nil},
		{"stats", []string{"stats"}, 0, []string{"articles", "3", "undated"}, nil},
		{"stats JSON", []string{"stats", "--json"}, 0, []string{`"articles": 3`, `"undated": 1`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			out, errOut, code := run(t, "", append(tt.args, "--db", db)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tt.code, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(out, w) {
					t.Errorf("stdout has %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestIngestUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"ingest"}, "no input given"},
		{[]string{"ingest", "--lang", "fr", "x"}, "--lang must be ar or any"},
		{[]string{"ingest", "--map", "colour=red", "x"}, "unknown article field"},
		{[]string{"articles", "extra"}, "unexpected argument"},
		{[]string{"article"}, "give one article ID"},
	} {
		_, errOut, code := run(t, "", tt.args...)
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
}

// childEnv names the environment variable that makes TestIngestChild run
// rasid with the JSON-encoded arguments it holds.
const childEnv = "RASID_TEST_INGEST_CHILD"

// TestIngestChild is not a test: it is the child process of
// TestIngestKilled, running rasid as the real command would.
func TestIngestChild(t *testing.T) {
	argsJSON := os.Getenv(childEnv)
	if argsJSON == "" {
		t.Skip("runs only as the child of TestIngestKilled")
	}
	var args []string
	if err := json.Unmarshal([]byte(argsJSON), &args); err != nil {
		t.Fatal(err)
	}
	os.Exit(ExitCode(Run(context.Background(), OSEnv(), args)))
}

// TestIngestKilled proves durability: a child process ingesting a large
// input is killed with SIGKILL in the middle; the database then opens
// consistent, holding whole batches only, every stored article intact;
// running the ingest again stores the rest and doubles nothing.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	const n, batch = 4000, 100
	dir := t.TempDir()
	input := filepath.Join(dir, "big.jsonl")
	db := filepath.Join(dir, "rasid.db")
	want := writeGenerated(t, input, n)

	args, _ := json.Marshal([]string{"ingest", "--db", db, "--batch", fmt.Sprint(batch), "--progress", "1ns", input})
	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestChild$")
	cmd.Env = append(os.Environ(), childEnv+"="+string(args))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill as soon as a few batches are acknowledged.
	sc := bufio.NewScanner(stderr)
	progress := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "ingest: ") {
			if progress++; progress == 3 {
				break
			}
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	go func() {
		for sc.Scan() {
		}
	}()
	err = cmd.Wait()
	if progress < 3 {
		t.Fatalf("child ended before three batches: %v", err)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("child was not killed by the signal (it finished first?): %v", err)
	}

	// SQLite finds the file sound.
	raw, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var integrity string
	if err := raw.QueryRow("PRAGMA integrity_check").Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("integrity check after the kill: %q, %v", integrity, err)
	}
	raw.Close()

	// The database opens and holds whole batches of intact articles.
	ctx := context.Background()
	st, err := openStore(ctx, Env{Getenv: func(string) string { return "" }, Stderr: os.Stderr}, db)
	if err != nil {
		t.Fatalf("opening the store after the kill: %v", err)
	}
	count, err := st.CountArticles(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	arts, err := st.Articles(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	t.Logf("killed after %d articles stored", count)
	if count < 3*batch || count >= n || count%batch != 0 || len(arts) != count {
		t.Fatalf("after the kill: %d articles counted, %d listed; want whole batches of %d, fewer than %d", count, len(arts), batch, n)
	}
	for _, a := range arts {
		if want[a.URL] != a.Body {
			t.Fatalf("stored article %s differs from the input", a.URL)
		}
	}

	// Again: the rest is stored, nothing doubled.
	sum, stderrOut, code := ingestJSON(t, "--db", db, "--batch", fmt.Sprint(batch), input)
	if code != 0 || sum.Stored != n-count || sum.Exists != count || sum.NewVersions != 0 {
		t.Fatalf("re-run: exit %d, %+v (stderr %q); want %d stored and %d already stored", code, sum, stderrOut, n-count, count)
	}
	out, _, _ := run(t, "", "stats", "--json", "--db", db)
	var stats store.Stats
	if err := json.Unmarshal([]byte(out), &stats); err != nil || stats.Articles != n || stats.Superseded != 0 {
		t.Fatalf("stats after the re-run %+v (%v), want %d articles", stats, err, n)
	}
}

// writeGenerated writes n distinct Arabic articles as JSONL and returns
// their bodies by URL.
func writeGenerated(t *testing.T, path string, n int) map[string]string {
	t.Helper()
	words := strings.Fields("أعلنت الوزارة اليوم عن خطة جديدة لتطوير البنية التحتية في المدن الكبرى وقال المتحدث إن المشروع يشمل الطرق والجسور والمدارس والمستشفيات خلال السنوات المقبلة")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	want := make(map[string]string, n)
	var b strings.Builder
	for i := range n {
		b.Reset()
		for j := range 60 {
			b.WriteString(words[(i*7+j*j+i/len(words))%len(words)])
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "رقم %d.", i)
		url := fmt.Sprintf("https://gen.example/%d", i)
		want[url] = b.String()
		enc.Encode(map[string]string{"url": url, "source": "مولد", "title": fmt.Sprintf("خبر %d", i), "content": b.String(),
			"published": time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute).Format(time.RFC3339)})
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return want
}

// BenchmarkIngestSaudiNewsNet runs rasid ingest on three SaudiNewsNet zips
// (about 5,000 articles) into a fresh store, then again into the same
// store (all already stored).
func BenchmarkIngestSaudiNewsNet(b *testing.B) {
	zips, _ := filepath.Glob("../../../shared/data/news/saudinewsnet/2015-08-0[2-4].zip")
	if len(zips) == 0 {
		b.Skip("SaudiNewsNet not present under ../../../shared/data")
	}
	env := Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	for _, again := range []bool{false, true} {
		name := "fresh"
		if again {
			name = "again"
		}
		b.Run(name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				b.StopTimer()
				db := filepath.Join(b.TempDir(), "rasid.db")
				if again {
					Run(context.Background(), env, append([]string{"ingest", "--db", db, "--progress", "0"}, zips...))
				}
				b.StartTimer()
				args := append([]string{"ingest", "--db", db, "--progress", "0", "--json"}, zips...)
				var out strings.Builder
				e := env
				e.Stdout = &out
				Run(context.Background(), e, args)
				var sum ingestSummary
				if err := json.Unmarshal([]byte(out.String()), &sum); err != nil {
					b.Fatal(err)
				}
				n += sum.Stored + sum.Exists
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// cancelOnRead is a stdin that cancels the command's context (as Ctrl-C
// does) when it is first read, then reads as text.
type cancelOnRead struct {
	cancel context.CancelFunc
	text   io.Reader
}

func (r cancelOnRead) Read(p []byte) (int, error) {
	r.cancel()
	return r.text.Read(p)
}

// TestIngestInterrupted checks what an interrupted ingest (Ctrl-C: the
// command's context cancelled while it reads) says and keeps: exit status
// 1, a message that says so and how to go on, the articles stored before
// intact, and a re-run that stores the rest.
func TestIngestInterrupted(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "rasid.db")
	first := "خبر أول\nبدأت اليوم أعمال المؤتمر الإقليمي للمياه بمشاركة خبراء من عشرين دولة عربية وأجنبية."
	second := "خبر ثان\nأعلنت الهيئة العامة للطيران تشغيل خط جوي جديد بين المدينتين ابتداء من الشهر المقبل."
	if _, errOut, code := run(t, first, "ingest", "--db", db, "-"); code != 0 {
		t.Fatalf("first ingest: %d %s", code, errOut)
	}
	for _, tc := range []struct{ desc, stdin, batch string }{
		{"an article in hand, batch of 1", second, "1"},
		{"an article in hand, batch of 500", second, "500"},
		{"nothing read yet", "", "500"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var out, errb bytes.Buffer
			env := Env{Stdin: cancelOnRead{cancel, strings.NewReader(tc.stdin)}, Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
			err := Run(ctx, env, []string{"ingest", "--db", db, "--batch", tc.batch, "-"})
			if ExitCode(err) != 1 || err == nil || !strings.Contains(err.Error(), "rasid ingest: interrupted") || !strings.Contains(err.Error(), "run the same command again") {
				t.Errorf("exit %d, error %v; want 1 and an interruption that says how to go on", ExitCode(err), err)
			}
			if arts := storedArticles(t, db); len(arts) != 1 || !strings.Contains(arts[0].Body, "المؤتمر") {
				t.Errorf("stored %d articles after the interruption, want the first one intact", len(arts))
			}
		})
	}
	if _, errOut, code := run(t, second, "ingest", "--db", db, "-"); code != 0 || len(storedArticles(t, db)) != 2 {
		t.Errorf("re-run: %d %s; want both articles stored", code, errOut)
	}
}

// TestRefusalMessages: the refusals of ingest and analyze say what is
// wrong in the user's terms: the field that is not a string, the fields a
// record has when none is the body's (and --map), empty stdin as
// "stdin: empty", and no Go type names.
func TestRefusalMessages(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rasid.db")
	const body = "قال الوزير في بغداد اليوم إن المحادثات مستمرة بين الطرفين."
	for _, tc := range []struct {
		desc  string
		stdin string
		args  []string
		want  string // substring of stderr
		not   string // not in stderr
	}{
		{"ingest: body a number", `{"text":42}`, []string{"ingest", "--db", db, "-"}, `stdin:1: field "text" is a number, not a string`, "Arabic"},
		{"ingest: unknown body field", `{"bodytext":"` + body + `","id":"a"}`, []string{"ingest", "--db", db, "-"},
			"stdin:1: no body field (none of content, text, body, article, articleBody, article_body, fulltext, full_text); the record's fields: bodytext, id; name the body's field with --map body=JSONFIELD", "empty body"},
		{"ingest: --map names a missing field", `{"text":"` + body + `"}`, []string{"ingest", "--db", db, "--map", "body=story", "-"}, `stdin:1: no body field (no field "story"); the record's fields: text`, ""},
		{"ingest: empty stdin", "", []string{"ingest", "--db", db, "-"}, "stdin: empty\n", "empty file"},
		{"ingest: blank stdin", "\n \n", []string{"ingest", "--db", db, "-"}, "stdin: empty\n", "-:"},
		{"analyze: text a number", `{"text":42}`, []string{"analyze", "--jsonl"}, `rasid analyze: stdin:1: field "text" is a number, not a string (skipped)`, "analyzeRecord"},
		{"analyze: id a fraction", `{"id":7.5,"text":"` + body + `"}`, []string{"analyze", "--jsonl"}, `stdin:1: field "id" is the number 7.5, not a whole number`, "Go struct"},
		{"analyze: id true", `{"id":true,"text":"` + body + `"}`, []string{"analyze", "--jsonl"}, `stdin:1: field "id" is true or false, not a string or a number (skipped)`, "Go struct"},
		{"analyze: an array", `[1]`, []string{"analyze", "--jsonl"}, "stdin:1: not a JSON object but an array", "cli."},
		{"analyze: malformed", `{"text":"x",}`, []string{"analyze", "--jsonl"}, "stdin:1: malformed JSON at column 13", "json:"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			_, errs, code := run(t, tc.stdin, tc.args...)
			if code != 1 || !strings.Contains(errs, tc.want) || (tc.not != "" && strings.Contains(errs, tc.not)) {
				t.Errorf("%v: exit %d, stderr %q; want 1, %q, not %q", tc.args, code, errs, tc.want, tc.not)
			}
		})
	}
}

// TestStatsEmpty checks that rasid stats gives an empty archive no first
// or last day (it has none, dated or not) and still its counts.
func TestStatsEmpty(t *testing.T) {
	db := filepath.Join(t.TempDir(), "empty.db")
	st, err := openStore(context.Background(), Env{}, db)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	out, stderr, code := run(t, "", "stats", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(out, "articles") {
		t.Errorf("stats of an empty archive:\n%s\nwant its counts", out)
	}
	for _, not := range []string{"first", "last"} {
		if strings.Contains(out, not) {
			t.Errorf("stats of an empty archive:\n%s\nholds %q", out, not)
		}
	}
}
