package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/rasid-news/rasid/internal/store/sqlite"
)

// TestBrowser drives headless Chromium through the pages as a reader would:
// it loads each page, types a search, opens a story, an article and an
// entity, switches to English and back, and checks what is shown (text
// visible, right to left, no script ran, no console errors). Screenshots go
// to $RASID_E2E_ARTIFACTS (or a temporary directory).
//
// It runs when RASID_E2E_CHROMIUM names a Chromium binary; .ci/run installs
// Debian's chromium and sets it.
func TestBrowser(t *testing.T) {
	chrome := os.Getenv("RASID_E2E_CHROMIUM")
	if chrome == "" {
		t.Skip("RASID_E2E_CHROMIUM is not set: the browser test needs headless Chromium (.ci/run installs it and sets RASID_E2E_CHROMIUM=/usr/bin/chromium)")
	}
	if _, err := os.Stat(chrome); err != nil {
		t.Fatalf("RASID_E2E_CHROMIUM: %v", err)
	}
	shots := os.Getenv("RASID_E2E_ARTIFACTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	// A temporary SQLite store with the demo corpus, analyzed and clustered
	// by the real pipeline, first on the home page; then the hand-written
	// fixture with its hostile article.
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "rasid.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	demoStory, err := fillDemo(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	if err := fillFixture(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(Handler(Config{Store: st}))
	defer srv.Close()

	root, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(root,
		chromedp.ExecPath(chrome),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(actx)
	defer cancelTab()

	// What a page says to the console, and any dialog a script opens.
	var mu sync.Mutex
	var problems []string
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				problems = append(problems, fmt.Sprintf("console %s: %s %s", ev.Entry.Level, ev.Entry.Text, ev.Entry.URL))
			}
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+ev.ExceptionDetails.Text)
		case *cdppage.EventJavascriptDialogOpening:
			problems = append(problems, "a script opened a dialog: "+ev.Message)
		}
	}); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}

	b := &browser{t: t, ctx: ctx, base: srv.URL, shots: shots}

	t.Run("home", func(t *testing.T) {
		b.t = t
		b.open("/")
		b.wantDoc("ar", "rtl")
		b.wantVisible("زيارة بلينكن إلى بغداد", "أحدث القصص", "أحدث المقالات")
		b.wantRightAligned("main h1")
		b.shot("home")
	})

	t.Run("keyboard", func(t *testing.T) {
		b.t = t
		b.open("/")
		b.do(chromedp.KeyEvent(kb.Tab))
		if got := eval[string](b, `document.activeElement.className`); got != "skip" {
			t.Errorf("the first Tab focuses %q, want the skip link", got)
		}
		if top := eval[float64](b, `document.activeElement.getBoundingClientRect().top`); top < 0 {
			t.Errorf("the focused skip link is off screen (top %v)", top)
		}
		if eval[string](b, `getComputedStyle(document.activeElement).outlineStyle`) == "none" {
			t.Error("the focused link has no visible outline")
		}
		b.do(chromedp.KeyEvent(kb.Enter))
		if got := eval[string](b, `location.hash`); got != "#main" {
			t.Errorf("the skip link goes to %q", got)
		}
	})

	t.Run("search", func(t *testing.T) {
		b.t = t
		b.open("/")
		b.do(loaded(chromedp.SendKeys(chromedp.CSS("#q"), "والطاقة"+kb.Enter)))
		b.do(chromedp.WaitVisible(chromedp.CSS("ol.hits")))
		b.wantDoc("ar", "rtl")
		if !strings.Contains(eval[string](b, `location.search`), "q=") {
			t.Error("the search form did not submit")
		}
		b.wantVisible("السوداني وبلينكن يبحثان ملف الطاقة", "حسب المصدر")
		if n := eval[int](b, `document.querySelectorAll('ol.hits mark.hit').length`); n == 0 {
			t.Error("no highlighted words in the snippets")
		}
		b.shot("search")
	})

	t.Run("story", func(t *testing.T) {
		b.t = t
		b.open("/")
		b.click(`a[href="/story/st-visit"]`)
		b.do(chromedp.WaitVisible(chromedp.CSS("ol.timeline")))
		b.wantDoc("ar", "rtl")
		b.wantVisible("الخط الزمني", "الأشخاص", "الأماكن", "الأقوال حسب المتحدث", "أنتوني بلينكن", "١٠ مارس ٢٠٢٣")
		dates := eval[[]string](b, `[...document.querySelectorAll('.timeline time')].map(e => e.getAttribute('datetime'))`)
		if len(dates) < 3 || !slices.IsSorted(dates) {
			t.Errorf("timeline dates %v: want at least 3, in order", dates)
		}
		// the timeline's line runs down the right side in Arabic
		if got := eval[string](b, `getComputedStyle(document.querySelector('ol.timeline')).borderRightWidth`); got != "3px" {
			t.Errorf("timeline border-right %q, want 3px", got)
		}
		b.wantRightAligned("main h1")
		b.shot("story")
	})

	t.Run("demo story", func(t *testing.T) {
		b.t = t
		b.open("/")
		b.click(`a[href="/story/` + demoStory + `"]`)
		b.do(chromedp.WaitVisible(chromedp.CSS("ol.timeline")))
		b.wantDoc("ar", "rtl")
		b.wantVisible("الخط الزمني", "الأشخاص", "الأماكن", "الأقوال حسب المتحدث", "اليرموك")
		if n := eval[int](b, `document.querySelectorAll('.timeline li').length`); n < 2 {
			t.Errorf("%d timeline events", n)
		}
		if n := eval[int](b, `document.querySelectorAll('ul.ents a.ent').length`); n < 3 {
			t.Errorf("%d entities", n)
		}
		b.wantRightAligned("main h1")
		b.shot("demo-story")
		// an article of the story with the analyzer's marks
		b.click(`ol.list a[href^="/article/"]`)
		b.do(chromedp.WaitVisible(chromedp.CSS("section.body")))
		if n := eval[int](b, `document.querySelectorAll('section.body .ent, section.body .date').length`); n < 3 {
			t.Errorf("%d marks in the analyzed article", n)
		}
		b.shot("demo-article")
	})

	t.Run("article", func(t *testing.T) {
		b.t = t
		b.open("/story/st-visit")
		b.click(`ol.list a[href="/article/art-2"]`)
		b.do(chromedp.WaitVisible(chromedp.CSS("section.body")))
		b.wantVisible("محمد شياع السوداني", "أمس الثلاثاء")
		if n := eval[int](b, `document.querySelectorAll('section.body a.ent').length`); n < 3 {
			t.Errorf("%d entity links in the text, want at least 3", n)
		}
		if got := eval[string](b, `document.querySelector('section.body time.date').getAttribute('datetime')`); got != "2023-03-14" {
			t.Errorf("the date mark says %q", got)
		}
		b.shot("article")
	})

	t.Run("entity", func(t *testing.T) {
		b.t = t
		b.open("/article/art-2")
		b.click(`section.body a[href="/entity/pers-sudani"]`)
		b.do(chromedp.WaitVisible(chromedp.CSS("ol.chart")))
		b.wantVisible("محمد شياع السوداني", "الإشارات عبر الزمن", "كيانات ذات صلة")
		if w := eval[float64](b, `document.querySelector('.chart .bar.s20').getBoundingClientRect().width`); w < 50 {
			t.Errorf("the longest bar is %v px wide", w)
		}
		b.shot("entity")
	})

	t.Run("entities", func(t *testing.T) {
		b.t = t
		b.open("/")
		b.click(`nav a[href="/entities"]`)
		b.do(chromedp.WaitVisible(chromedp.CSS("ol.entlist")))
		b.wantDoc("ar", "rtl")
		b.wantVisible("الأكثر ذكرًا", "شخص", "مكان")
		if n := eval[int](b, `document.querySelectorAll('ol.entlist a.ent').length`); n < 5 {
			t.Errorf("%d people listed", n)
		}
		b.shot("entities")
	})

	t.Run("english", func(t *testing.T) {
		b.t = t
		b.open("/story/st-visit")
		b.click(`a.lang`)
		b.do(chromedp.WaitVisible(chromedp.CSS(`html[lang="en"]`)))
		b.wantDoc("en", "ltr")
		b.wantVisible("Timeline", "People", "Quotes by speaker", "10 March 2023")
		if got := eval[string](b, `getComputedStyle(document.querySelector('ol.timeline')).borderLeftWidth`); got != "3px" {
			t.Errorf("English timeline border-left %q, want 3px", got)
		}
		b.shot("story-en")
		b.open("/") // the choice is remembered
		b.wantDoc("en", "ltr")
		b.click(`a.lang`)
		b.do(chromedp.WaitVisible(chromedp.CSS(`html[lang="ar"]`)))
		b.wantDoc("ar", "rtl")
	})

	t.Run("hostile article", func(t *testing.T) {
		b.t = t
		b.open("/article/" + hostileID)
		if h1 := eval[string](b, `document.querySelector('main h1').textContent`); !strings.Contains(h1, xssScript) || !strings.Contains(h1, xssImg) {
			t.Errorf("the title is not shown as text: %q", h1)
		}
		if n := eval[int](b, `document.querySelectorAll('script, img, main h1 ~ h1, section.body h1').length`); n != 0 {
			t.Errorf("%d elements came from ingested markup", n)
		}
		b.shot("hostile")
	})

	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Errorf("browser: %s", p)
	}
	t.Logf("screenshots in %s", shots)
}

// browser runs the steps of TestBrowser in one tab.
type browser struct {
	t     testing.TB
	ctx   context.Context
	base  string
	shots string
}

func (b *browser) do(a chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, a); err != nil {
		b.t.Fatal(err)
	}
}

func (b *browser) open(path string) {
	b.t.Helper()
	b.do(chromedp.Navigate(b.base + path))
}

// click follows a link and waits for the next page to load.
func (b *browser) click(sel string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, loaded(chromedp.Click(chromedp.CSS(sel)))); err != nil {
		b.t.Fatalf("click %s: %v", sel, err)
	}
}

func eval[T any](b *browser, js string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		b.t.Fatalf("%s: %v", js, err)
	}
	return v
}

func (b *browser) wantDoc(lang, dir string) {
	b.t.Helper()
	if got := eval[string](b, `document.documentElement.lang + " " + document.documentElement.dir + " " + getComputedStyle(document.body).direction`); got != lang+" "+dir+" "+dir {
		b.t.Errorf("document lang, dir, direction: %q, want %s %s %s", got, lang, dir, dir)
	}
}

// wantVisible checks that each text is in the rendered text of the page
// (innerText leaves out what is hidden).
func (b *browser) wantVisible(texts ...string) {
	b.t.Helper()
	shown := eval[string](b, `document.body.innerText`)
	for _, s := range texts {
		if !strings.Contains(shown, s) {
			b.t.Errorf("the page does not show %q", s)
		}
	}
}

// wantRightAligned checks that the text of an element sits on the right of
// its box, as right-to-left text does.
func (b *browser) wantRightAligned(sel string) {
	b.t.Helper()
	gap := eval[[]float64](b, `(() => { const e = document.querySelector(`+"`"+sel+"`"+`); const r = document.createRange(); r.selectNodeContents(e);
		const t = r.getBoundingClientRect(), box = e.getBoundingClientRect(); return [t.left - box.left, box.right - t.right]; })()`)
	if len(gap) != 2 || gap[1] > 2 || gap[0] < gap[1] {
		b.t.Errorf("%s: text is not right-aligned (gaps left, right: %v)", sel, gap)
	}
}

func (b *browser) shot(name string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	// The whole page, clipped to the document: chromedp.FullScreenshot
	// shifts short right-to-left pages sideways in this Chromium.
	size := eval[[]float64](b, `[document.documentElement.scrollWidth, document.documentElement.scrollHeight, innerHeight]`)
	png, err := chromedp.Run(ctx, func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		p := cdppage.CaptureScreenshotParams{}
		if size[1] > size[2] {
			p.Clip = &cdppage.Viewport{Width: size[0], Height: size[1], Scale: 1}
			p.CaptureBeyondViewport = new(true)
		}
		r, err := cdp.Call(ctx, t, cdppage.CaptureScreenshot, p)
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	})
	if err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(b.shots, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// loaded runs an action that leads to another page and waits for that page
// to load.
func loaded(trigger chromedp.Action[chromedp.Void]) chromedp.Action[chromedp.Void] {
	wait := chromedp.WaitEvent(cdppage.LoadEventFired, nil, trigger)
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := wait(ctx, t)
		return chromedp.Void{}, err
	}
}
