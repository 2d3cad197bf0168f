package quote

import (
	"cmp"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestExtract(t *testing.T) {
	tests := []struct {
		desc    string
		text    string
		quote   string // text of the first quote
		speaker string // its resolved speaker name
		form    Form
		n       int // number of quotes
	}{
		{"verb-subject with title and direct quote",
			`وقال وزير الخارجية الأميركي مايك بومبيو "شراكتنا مع العراق قوية جدا".`,
			"شراكتنا مع العراق قوية جدا", "مايك بومبيو", FormDirect, 1},
		{"reported speech after إن",
			`قال زعيم الحوثيين عبدالملك الحوثي إن سقوط المدينة سببه عودة المقاتلين.`,
			"سقوط المدينة سببه عودة المقاتلين", "عبدالملك الحوثي", FormIndirect, 1},
		{"surname resolved to the full name",
			"تعهد الرئيس الفلسطيني محمود عباس بعدم السماح بالعنف.\nوأوضح عباس أن الجريمة لا تبشر بخير.",
			"الجريمة لا تبشر بخير", "محمود عباس", FormIndirect, 1},
		{"implied subject of a continuation",
			"وقال وزير الدفاع البريطاني مايكل فالون إن بريطانيا ستمدد الضربات.\nوأضاف أن الحكومة العراقية لم تطلب ذلك.",
			"بريطانيا ستمدد الضربات", "مايكل فالون", FormIndirect, 2},
		{"participle cue after a comma",
			`قال بحاح إن عودته جزء من التحرير، مضيفا «زيارتي ليست مفاجئة وعدن تحتاج لتجهيزها».`,
			"عودته جزء من التحرير", "بحاح", FormIndirect, 2},
		{"cue after the quote",
			`«لن نتراجع عن هذا القرار أبدا»، قال الوزير.`,
			"لن نتراجع عن هذا القرار أبدا", "الوزير", FormDirect, 1},
		{"organization in a statement",
			`وقالت وزارة الدفاع الأمريكية في بيان إن الدفعة تنتمي للجناح المقاتل.`,
			"الدفعة تنتمي للجناح المقاتل", "وزارة الدفاع الأمريكية", FormIndirect, 1},
		{"nominal cue after عن",
			`ونقلت الوكالة عن زعيمة حزب ميريتس زهافا جلئون قولها "جئت لأقدم التعازي في الجريمة".`,
			"جئت لأقدم التعازي في الجريمة", "زهافا جلئون", FormDirect, 1},
		{"noun complement of أفاد",
			`أفادت خلية الإعلام الحربي ,بمقتل 110 من عناصر التنظيم.`,
			"بمقتل 110 من عناصر التنظيم", "خلية الإعلام الحربي", FormNominal, 1},
		{"subject before the verb after كان",
			`وكان الجبير أكد خلال مؤتمر صحافي أن المخرج الوحيد سياسي.`,
			"المخرج الوحيد سياسي", "الجبير", FormIndirect, 1},
		{"the outlet said to, then the subject",
			`وأكد لـ«عكاظ» مدير المستشفى سعد المالكي أن الحالة مستقرة.`,
			"الحالة مستقرة", "سعد المالكي", FormIndirect, 1},
		{"the outlet said to, with its kind and adjective",
			`وكان نائب وزير الخارجية الروسي ميخائيل بوغدانوف قد صرح لوكالة «نوفوستي» الروسية، بأن الجولة ستعقد قريبا.`,
			"الجولة ستعقد قريبا", "ميخائيل بوغدانوف", FormIndirect, 1},
		{"the outlet said to, in straight quotation marks",
			`كشفت لـ "الاقتصادية" مصادر كويتية أن المواطن أطلق سراحه.`,
			"المواطن أطلق سراحه", "مصادر كويتية", FormIndirect, 1},
		{"a document issued by someone: صادر is no name",
			`كشف تقرير صادر عن الأمم المتحدة عن أن عدد سكان العالم سيصل إلى عشرة مليارات.`,
			"عدد سكان العالم سيصل إلى عشرة مليارات", "تقرير صادر", FormIndirect, 1},
		{"an unnamed group by its number",
			`وقال عدد من سكان المديرية إن المستشفى لم يقدم خدمات.`,
			"المستشفى لم يقدم خدمات", "عدد من سكان المديرية", FormIndirect, 1},
		{"a quoted name is no quote", `ونقل موقع "بي بي سي" الخبر دون تعليق.`, "", "", "", 0},
		{"a speech word without a complement is no quote", `ودعا عباس الاسرائيليين الى الاختيار بين السلام والإرهاب.`, "", "", "", 0},
		{"unclosed quotation ends at its sentence",
			"وقال معاليه «إن بشاعة هذا الجرم لن تزيد الشعب إلا لحمة. وأضاف الوزير أن الشرذمة لن تنجح.",
			"إن بشاعة هذا الجرم لن تزيد الشعب إلا لحمة", "", FormDirect, 2},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			qs := Extract(tc.text, nil)
			if len(qs) != tc.n {
				t.Fatalf("got %d quotes, want %d: %+v", len(qs), tc.n, qs)
			}
			if tc.n == 0 {
				return
			}
			q := qs[0]
			if q.Text != tc.quote {
				t.Errorf("quote = %q, want %q", q.Text, tc.quote)
			}
			if tc.speaker != "" && q.Speaker.Name != tc.speaker {
				t.Errorf("speaker = %q, want %q", q.Speaker.Name, tc.speaker)
			}
			if q.Form != tc.form || q.Direct != (tc.form == FormDirect) {
				t.Errorf("form = %s direct=%v, want %s", q.Form, q.Direct, tc.form)
			}
			checkSpans(t, tc.text, qs)
		})
	}
}

func TestExtractMentions(t *testing.T) {
	text := `وقال الوزير بومبيو إن الشراكة قوية.`
	r := []rune(text)
	start := strings.Index(string(r), "بومبيو")
	start = utf8.RuneCountInString(text[:start])
	ms := []Mention{{Start: start, End: start + 6, Type: "PERS", EntityID: "Q11102", Name: "مايك بومبيو"}}
	qs := Extract(text, ms)
	if len(qs) != 1 {
		t.Fatalf("got %d quotes, want 1", len(qs))
	}
	if sp := qs[0].Speaker; sp.EntityID != "Q11102" || sp.Name != "مايك بومبيو" {
		t.Errorf("speaker = %+v, want the mention's entity", sp)
	}
}

// TestSpeakersWithMentions checks speaker resolution when the entity
// recognizer's mentions are given but are incomplete or wrong: a person
// it missed keeps the name written after the title, a coordinated title
// does not lend the first person's name to the second one, a title with a
// surname finds the person, and an organization mention that swallowed a
// titled person's name does not become the speaker.
func TestSpeakersWithMentions(t *testing.T) {
	type mention struct{ text, typ, id string }
	cases := []struct {
		desc     string
		text     string
		mentions []mention
		wantName string
		wantID   string
	}{
		{
			desc:     "person the recognizer missed, coordinated with one it found",
			text:     `اجتمع وزير الخارجية المصري سامح شكري ووزير الخارجية الأردني أيمن الصفدي في القاهرة. وقال شكري إن «المحادثات كانت صريحة».`,
			mentions: []mention{{"أيمن الصفدي", "PERS", "pers-safadi"}},
			wantName: "سامح شكري",
		},
		{
			desc:     "an organization's quoted name after its kind",
			text:     `وقالت صحيفة «واشنطن بوست» إن أوباما أول رئيس أميركي خاطب القمة.`,
			mentions: []mention{{"واشنطن بوست", "ORG", "org-post"}, {"أوباما", "PERS", "pers-obama"}},
			wantName: "واشنطن بوست",
			wantID:   "org-post",
		},
		{
			desc:     "an organization's quoted name as the subject",
			text:     `وقالت «الفيدرالية العالمية»: إن اختيار الفنان جاء تقديرا لجهوده.`,
			mentions: []mention{{"الفيدرالية العالمية", "ORG", "org-fed"}},
			wantName: "الفيدرالية العالمية",
			wantID:   "org-fed",
		},
		{
			desc:     "a title after a name, not a counterpart taken for a name",
			text:     `التقى سامح شكري وزير الخارجية المصري نظيره الأمريكي جون كيري، ثم زار الوزير ونظيره المصري قاعة المؤتمرات. وأوضح وزير الخارجية المصري أن الحوار تناول عددا من الموضوعات.`,
			mentions: []mention{{"سامح شكري", "PERS", "pers-shoukry"}, {"جون كيري", "PERS", "pers-kerry"}},
			wantName: "سامح شكري",
			wantID:   "pers-shoukry",
		},
		{
			desc:     "علي in a name is no preposition",
			text:     `وقال الشيخ محمد علي الحسيني إن الوضع خطير.`,
			mentions: []mention{{"محمد علي الحسيني", "PERS", "pers-husseini"}},
			wantName: "محمد علي الحسيني",
			wantID:   "pers-husseini",
		},
		{
			desc:     "علي first in a name is no preposition",
			text:     `وقال علي الأحمد إن الوضع خطير.`,
			mentions: []mention{{"علي الأحمد", "PERS", "pers-ahmad"}},
			wantName: "علي الأحمد",
			wantID:   "pers-ahmad",
		},
		{
			desc:     "title and surname of a person named before",
			text:     `وصل وزير الطاقة خالد الفالح إلى فيينا. وقال الوزير الفالح إن الأسواق مستقرة.`,
			mentions: []mention{{"خالد الفالح", "PERS", "pers-falih"}},
			wantName: "خالد الفالح",
			wantID:   "pers-falih",
		},
		{
			desc:     "organization mention over a titled person's name",
			text:     `وقال المتحدث باسم الشركة سالم الهاشمي إن الإنتاج سيستأنف قريبا.`,
			mentions: []mention{{"الشركة سالم الهاشمي", "ORG", "org-x"}},
			wantName: "سالم الهاشمي",
		},
		{
			desc:     "عز tagged as a person is a man, no name of God",
			text:     `التقى الفنان عز بجمهوره في القاهرة. وقال إن الحفل كان رائعا.`,
			mentions: []mention{{"عز", "PERS", ""}},
			wantName: "عز",
		},
		{
			desc:     "God tagged as a person is no antecedent",
			text:     `وتحدث الشيخ سعد الغامدي عن الصبر والإيمان بالله ثم الأهل. وأضاف أن الأهل خير معين.`,
			mentions: []mention{{"سعد الغامدي", "PERS", ""}, {"بالله", "PERS", ""}},
			wantName: "سعد الغامدي",
		},
		{
			desc:     "organization mention as the speaker",
			text:     `وقالت وزارة الصحة في بيان إن عدد الإصابات تراجع.`,
			mentions: []mention{{"وزارة الصحة", "ORG", "org-health"}},
			wantName: "وزارة الصحة",
			wantID:   "org-health",
		},
	}
	for _, tc := range cases {
		t.Run(tc.desc, func(t *testing.T) {
			var ms []Mention
			for _, m := range tc.mentions {
				ms = append(ms, mentionIn(t, tc.text, m.text, m.typ, m.id, m.text))
			}
			qs := Extract(tc.text, ms)
			if len(qs) != 1 {
				t.Fatalf("got %d quotes, want 1: %+v", len(qs), qs)
			}
			checkSpans(t, tc.text, qs)
			if sp := qs[0].Speaker; sp.Name != tc.wantName || sp.EntityID != tc.wantID {
				t.Errorf("speaker = %q (%q), want %q (%q)", sp.Name, sp.EntityID, tc.wantName, tc.wantID)
			}
		})
	}
}

// mentionIn returns the mention of the first occurrence of span in text,
// in runes, of type typ, entity id and name; the test fails when text
// lacks span.
func mentionIn(t *testing.T, text, span, typ, id, name string) Mention {
	t.Helper()
	i := strings.Index(text, span)
	if i < 0 {
		t.Fatalf("mention %q not in the text", span)
	}
	start := utf8.RuneCountInString(text[:i])
	return Mention{Start: start, End: start + utf8.RuneCountInString(span), Type: typ, EntityID: id, Name: name}
}

// checkSpans checks that every span lies in the text and holds its text.
func checkSpans(t *testing.T, text string, qs []Quote) {
	t.Helper()
	r := []rune(text)
	for _, q := range qs {
		if q.Start < 0 || q.End > len(r) || q.Start > q.End {
			t.Fatalf("quote span [%d,%d) outside text of %d code points", q.Start, q.End, len(r))
		}
		if string(r[q.Start:q.End]) != q.Text {
			t.Errorf("quote text %q is not the text at its span %q", q.Text, string(r[q.Start:q.End]))
		}
		if q.Cue != "" && (q.CueStart < 0 || q.CueEnd > len(r) || string(r[q.CueStart:q.CueEnd]) != q.Cue) {
			t.Errorf("cue %q not at [%d,%d)", q.Cue, q.CueStart, q.CueEnd)
		}
		sp := q.Speaker
		if sp.Text != "" && (sp.Start < 0 || sp.End > len(r) || string(r[sp.Start:sp.End]) != sp.Text) {
			t.Errorf("speaker %q not at [%d,%d)", sp.Text, sp.Start, sp.End)
		}
	}
}

// TestSeeds checks the speakers of the quotes in the five seed articles,
// as read in the texts.
func TestSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("seed articles not found at ../shared/seeds")
	}
	tests := []struct {
		file string
		want []struct{ quote, speaker string } // quote: a piece of the quote text
	}{
		{"000_324617013d58bdca.txt", []struct{ quote, speaker string }{
			{"بلاده تتمنى عراقاً خالياً من الفساد", "مايك بومبيو"},
			{"شراكتنا قوية جدا", "مايك بومبيو"},
			{"واشنطن لن تركز على الملف العسكري", "مايك بومبيو"},
			{"شجعنا بغداد على حل المشاكل", "مايك بومبيو"},
			{"واشنطن حليف قوي للعراق", "فؤاد حسين"},
			{"علاقة العراق مع إيران", "فؤاد حسين"},
			{"سيتم اليوم التوقيع على مذكرات", "فؤاد حسين"},
		}},
		{"001_707b2242cacd9ad6.txt", []struct{ quote, speaker string }{
			{"الولايات المتحدة ستدعم العراق", "مايك بومبيو"},
			{"العراق لا تزال بحاجة إلى مساعدة", "مصطفى الكاظمي"},
		}},
		{"002_c72539758a742b07.txt", []struct{ quote, speaker string }{
			{"الإدارة الاميركية الجديدة مهتمة", "انتوني بلينكن"},
			{"إدارة الرئيس بايدن تقف", "انتوني بلينكن"},
			{"الجهود المستمرة للحكومة العراقيّة", "فؤاد حسين"},
			{"الصراعات الإقليمية والتوترات", "فؤاد حسين"},
			{"وزيرها بلينكن بحث هاتفيا", "وزارة الخارجية الأميركية"},
		}},
		{"003_17cbc4ecf8b5e0c1.txt", []struct{ quote, speaker string }{
			{"سنبحث مع الوفد العراقي", "أنتوني بلينكن"},
			{"نفتخر بالشراكة", "أنتوني بلينكن"},
			{"العلاقات الأميركية العراقية وثيقة", "أنتوني بلينكن"},
			{"منطلقات الحوار تستند", "فؤاد حسين"},
			{"تنظيم داعش لايزال باقٍ", "فؤاد حسين"},
			{"أنا على ثقة بأننا سنصل", "فؤاد حسين"},
			// The text names the Iraqi minister "حسين فؤاد" once, at the
			// start; a title alone resolves to that first full mention.
			{"إننا لسنا في حاجة إلى مزيد", "حسين فؤاد"},
			{"مهمة القوات الأميركية في العراق", "مسؤولون أميركيون"},
			{"وفداً عراقياً يزور البنتاغون", "جون كيربي"},
		}},
		{"004_3902ec6719ca1a0d.txt", []struct{ quote, speaker string }{
			{"رئيس الوزراء بحث مع بومبيو", "مكتب الكاظمي"},
			{"جرت ايضاً مناقشة الأزمة", "مكتب الكاظمي"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			text := string(data)
			qs := Extract(text, nil)
			checkSpans(t, text, qs)
			for _, w := range tc.want {
				found := false
				for _, q := range qs {
					if strings.Contains(q.Text, w.quote) {
						found = true
						if NameKey(q.Speaker.Name) != NameKey(w.speaker) {
							t.Errorf("quote %q: speaker %q, want %q", w.quote, q.Speaker.Name, w.speaker)
						}
						break
					}
				}
				if !found {
					t.Errorf("quote %q not found", w.quote)
				}
			}
		})
	}
}

func TestNameKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"رامي عبدالرحمن", "رامي عبد الرحمن"},
		{"الدبلوماسي الكبير في الخارجية الاميركية", "دبلوماسي كبير في الخارجية الأميركية"},
		{"نادي الاسير الفلسطيني", "نادي الأسير الفلسطيني"},
	}
	for _, tc := range tests {
		t.Run(tc.a, func(t *testing.T) {
			if NameKey(tc.a) != NameKey(tc.b) {
				t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q; want equal", tc.a, NameKey(tc.a), tc.b, NameKey(tc.b))
			}
		})
	}
	if NameKey("مايك بومبيو") == NameKey("فؤاد حسين") {
		t.Error("different names have the same key")
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`وقال الوزير "نحن هنا".`,
		`«غير مغلق، قال فلان`,
		`"""«»«»“”“`,
		"قال إن\n\"",
		`مضيفا: ”ان هذه الزيارة“. وأضاف البيان أن`,
		"\xff\xfe قال \x00 إن",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		qs := Extract(text, nil)
		n := utf8.RuneCountInString(text)
		for _, q := range qs {
			if q.Start < 0 || q.End > n || q.Start > q.End {
				t.Fatalf("span [%d,%d) outside text of %d code points", q.Start, q.End, n)
			}
			if q.Speaker.Text != "" && (q.Speaker.Start < 0 || q.Speaker.End > n) {
				t.Fatalf("speaker span [%d,%d) outside text", q.Speaker.Start, q.Speaker.End)
			}
		}
	})
}

// TestFeminineCue checks the implied subject of a feminine cue (قالت,
// أضافت): never a man, a woman heard before, else the organization or
// place named last before the cue that is no object of a preposition.
func TestFeminineCue(t *testing.T) {
	type mention struct{ text, typ, name string }
	cases := []struct {
		desc     string
		text     string
		mentions []mention
		want     string // the last quote's speaker name
	}{
		{"a country after a man", `طلب عادل عبد المهدي من القوات المغادرة، لكن واشنطن رفضت ذلك، وقالت إنها لا تتعامل مع حكومة مستقيلة.`,
			[]mention{{"عادل عبد المهدي", "PERS", ""}, {"واشنطن", "LOC", ""}}, "واشنطن"},
		{"a woman heard before", `وقالت الوزيرة هند الصبيح إن البرنامج بدأ في الكويت. وأضافت أن التسجيل مفتوح.`,
			[]mention{{"هند الصبيح", "PERS", ""}, {"الكويت", "LOC", ""}}, "هند الصبيح"},
		{"a woman by her given name", `وصلت سارة الأحمد إلى المؤتمر. وقالت إن الجلسة مثمرة.`,
			[]mention{{"سارة الأحمد", "PERS", ""}}, "سارة الأحمد"},
		{"a man and a place after a preposition: no one", `وصل الوزير خالد الفالح إلى فيينا. وقالت إن الأسواق مستقرة.`,
			[]mention{{"خالد الفالح", "PERS", ""}, {"فيينا", "LOC", ""}}, ""},
		{"a name with a fused preposition is no subject, hamza and all", `وصل الوزير خالد الفالح أمس لإيران. وقالت إن الأسواق مستقرة.`,
			[]mention{{"خالد الفالح", "PERS", ""}, {"لإيران", "LOC", "إيران"}}, ""},
		{"a masculine cue still takes the man", `وصل الوزير خالد الفالح إلى فيينا. وقال إن الأسواق مستقرة.`,
			[]mention{{"خالد الفالح", "PERS", ""}, {"فيينا", "LOC", ""}}, "خالد الفالح"},
		{"a woman by her title, not the place after her", `عبرت الصحفية والناشطة الجنوبية ذكرى العراسي عن سعادتها بتحرير عدن، وقالت إن المدينة تستحق الأفضل.`,
			[]mention{{"عدن", "LOC", ""}}, "ذكرى العراسي"},
		{"a woman as the subject of كانت", `وكانت كارولين ميلر تعمل في المصنع حين وصلت الشرطة. وقالت إن المصنع أغلق.`,
			[]mention{{"كارولين ميلر", "PERS", ""}, {"الشرطة", "ORG", ""}}, "كارولين ميلر"},
		{"a woman after a feminine title word", `وزارت عضوة المجلس صالحة الجرعي دبي أمس، وقالت إن الزيارة مثمرة.`,
			[]mention{{"صالحة الجرعي", "PERS", ""}, {"دبي", "LOC", ""}}, "صالحة الجرعي"},
		{"an honorific in ة is no woman's title", `وصل فخامة عبد ربه منصور هادي إلى عدن أمس. وقالت إن الحل السياسي ممكن.`,
			[]mention{{"عبد ربه منصور هادي", "PERS", ""}, {"عدن", "LOC", ""}}, ""},
		{"nor is سماحة", `وتحدث سماحة عبدالعزيز آل الشيخ عن الصبر في الرياض. وقالت إن الصبر مفتاح الفرج.`,
			[]mention{{"عبدالعزيز آل الشيخ", "PERS", ""}, {"الرياض", "LOC", ""}}, ""},
		{"an adjective is no woman's title", `وأعلنت اللجنة أنها عقدت ورش عمل ضمن الخطة الإعلامية والتوعوية الخاصة بالانتخابات، مؤكدة أن المشاركة واسعة.`,
			[]mention{{"اللجنة", "ORG", ""}}, "اللجنة"},
	}
	for _, tc := range cases {
		t.Run(tc.desc, func(t *testing.T) {
			var ms []Mention
			for _, m := range tc.mentions {
				ms = append(ms, mentionIn(t, tc.text, m.text, m.typ, "", cmp.Or(m.name, m.text)))
			}
			qs := Extract(tc.text, ms)
			if len(qs) == 0 {
				t.Fatalf("no quote")
			}
			checkSpans(t, tc.text, qs)
			if sp := qs[len(qs)-1].Speaker; sp.Name != tc.want {
				t.Errorf("speaker = %q (%s), want %q", sp.Name, sp.Type, tc.want)
			}
		})
	}
}

// TestPrepositionHead checks that a phrase after a cue that starts with
// the preposition ب or ل is no speaker: the speaker is the one the text
// named before.
func TestPrepositionHead(t *testing.T) {
	tests := []struct{ text, want string }{
		{"وقال المدير العام سالم الهاشمي إن العمل مستمر. وتابع بالقول إن المشروع سينتهي قريبا.", "سالم الهاشمي"},
		{"وقال المدير العام سالم الهاشمي إن العمل مستمر. وقال لي إن المشروع سينتهي قريبا.", "سالم الهاشمي"},
		{"وأكد رئيس البلدية خالد العتيبي أن الطرق جاهزة. وقال بهذه المناسبة إن الجميع شاركوا.", "خالد العتيبي"},
		{"وأكد رئيس البلدية خالد العتيبي أن الطرق جاهزة. وذكر لصحيفة الرياض أن الجميع شاركوا.", "خالد العتيبي"},
		// A name that starts like a preposition stays the speaker.
		{"وقال بحاح إن عودته جزء من التحرير.", "بحاح"},
		{"وأضافت بلقيس أن الأغنيتين من تأليفها.", "بلقيس"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			qs := Extract(tt.text, nil)
			if len(qs) == 0 {
				t.Fatal("no quote")
			}
			if got := qs[len(qs)-1].Speaker.Name; got != tt.want {
				t.Errorf("speaker of the last quote = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTitleOfGeneral checks that عام after a title (أمين عام, مدير عام)
// is part of the title when a person's name follows, not a time word that
// ends the speaker's phrase, and that a first name in عبد keeps the word
// with the article after it (عبد الكريم المالكي).
func TestTitleOfGeneral(t *testing.T) {
	type mention struct{ text, typ string }
	cases := []struct {
		desc     string
		text     string
		mentions []mention
		want     string // the last quote's speaker name
	}{
		{"secretary general and a name", `أكد أمين عام الاتحاد السعودي لكرة القدم أحمد المالكي أن القرار جاء بالإجماع.`,
			[]mention{{"أحمد المالكي", "PERS"}}, "أحمد المالكي"},
		{"director general and a name", `وأوضح مدير عام الجمعية إبراهيم السالم أن الدورة ناجحة.`,
			[]mention{{"إبراهيم السالم", "PERS"}}, "إبراهيم السالم"},
		{"director general without a name: the holder named before", `وقال مدير عام فرع الوزارة بجدة فهد الرشيد إن العمل بدأ. وأكد مدير عام فرع الوزارة بجدة أن الخطة جاهزة.`,
			[]mention{{"فهد الرشيد", "PERS"}}, "فهد الرشيد"},
		{"a year after a title is no title", `وقال الوزير عام 2010 إن الخطة جاهزة.`, nil, "الوزير"},
		{"abd and a name of God", `وقال عبد الكريم المالكي إن القرار جاء بالإجماع.`, nil, "عبد الكريم المالكي"},
		{"abd after a title", `أكد الأمين العام لمجلس التعاون عبد اللطيف الزياني أن القرار جاء بالإجماع.`, nil, "عبد اللطيف الزياني"},
	}
	for _, tc := range cases {
		t.Run(tc.desc, func(t *testing.T) {
			var ms []Mention
			for _, m := range tc.mentions {
				ms = append(ms, mentionIn(t, tc.text, m.text, m.typ, "", m.text))
			}
			qs := Extract(tc.text, ms)
			if len(qs) == 0 {
				t.Fatalf("no quote")
			}
			checkSpans(t, tc.text, qs)
			if sp := qs[len(qs)-1].Speaker; sp.Name != tc.want {
				t.Errorf("speaker %+v, want %q", sp, tc.want)
			}
		})
	}
}

// TestReligiousAndDemonstrativeSpeakers checks the phrases after a cue
// that are no person's name: God in a religious formula (قال تعالى،
// قال الله عز وجل) is the speaker الله, and the one prayed to after دعا
// (دعا الله أن) is no subject; the Prophet's eulogy alone is رسول الله; a
// demonstrative is the object (أكد ذلك فلان) or the determiner of the
// noun it resolves by (هذه المصادر); a function word or the noun after a
// genitive organization head (لتحالف دعم الشرعية) is no name.
func TestReligiousAndDemonstrativeSpeakers(t *testing.T) {
	tests := []struct {
		desc, text, want string // want: the last quote's speaker name
	}{
		{"قال سبحانه", "وفي محكم كتابه قال سبحانه وتعالى: وكلوا واشربوا ولا تسرفوا.", "الله"},
		{"قال الله عز وجل", "كما قال الله عز وجل: «ومن الناس من يعجبك قوله في الحياة الدنيا».", "الله"},
		{"يقول تعالى", "يقول تعالى «ومن يقتل مؤمنا متعمدا فجزاؤه جهنم»، وهذا وعيد شديد.", "الله"},
		{"the eulogy of the Prophet", "قال صلى الله عليه وسلم: «لا يحل لمسلم أن يروع مسلما».", "رسول الله"},
		{"God prayed to by an organization", "ودعت القيادة الله سبحانه وتعالى أن يتقبله مع الشهداء.", "القيادة"},
		{"God prayed to by the person named before",
			"وقال الشيخ سعود الشريم إن الوطن آمن بأهله. ودعا الله عز وجل أن يحمي هذا الوطن.", "سعود الشريم"},
		{"God is no antecedent of an implied subject",
			"وقال الشيخ صالح الطالب إن الأمن نعمة، قال تعالى: «وضرب الله مثلا قرية كانت آمنة». وأضاف أن الشكر واجب.", "صالح الطالب"},
		{"عز alone is a man's name", "وقال عز إن البلد كلها تتحدث عنك.", "عز"},
		{"a compound name with الله", "وقال حسن نصر الله إن الحزب لن يتراجع.", "حسن نصر الله"},
		{"a demonstrative object before the subject", "وأكد ذلك رئيس الاتحاد أحمد عيد، أن الموسم سيبدأ مبكرا.", "أحمد عيد"},
		{"a demonstrative object before an unnamed source",
			"ويؤكد ذلك مصدر إيراني آخر بقوله إن الموردين سيخفضون الأسعار.", "مصدر إيراني آخر"},
		{"a demonstrative object alone", "وقال وزير المالية محمد الجدعان إن العجز تراجع. وأكد ذلك، مضيفا أن الإيرادات ارتفعت.", "محمد الجدعان"},
		{"a demonstrative determiner", "وقالت مصادر عسكرية إن الهجوم فشل. وأضافت هذه المصادر أن القتلى عشرة.", "مصادر عسكرية"},
		{"a function word is no name", "وقالت المراكز الأميركية لمكافحة الأمراض والوقاية منها إن الإصابة تشيع صيفا.", "المراكز الأميركية لمكافحة الأمراض والوقاية"},
		{"a noun after a genitive organization head is no name",
			"وقالت قيادة القوات المشتركة لتحالف دعم الشرعية إن الطائرة سقطت.", "قيادة القوات المشتركة لتحالف دعم الشرعية"},
		{"كل من before the people named", "وأشار كل من درويش سالم من الحديدة وناجي صالح من مأرب إلى أن النجاحات كبيرة.", "درويش سالم"},
		{"ما شاء الله is a name", "وقال ما شاء الله الزوي وزير النفط إن ليبيا تنتج 400 ألف برميل.", "ما شاء الله الزوي"},
		{"ما شاء الله after a title", "وقال وزير النفط الليبي ما شاء الله الزوي إن ليبيا تنتج 400 ألف برميل.", "ما شاء الله الزوي"},
		{"ما after a cue is no subject", "وقال وزير النفط خالد الفالح إن الإنتاج مستقر. وأكد ما ذكره الوزير أن الأسعار سترتفع.", "خالد الفالح"},
		{"a kunya with أم", "وقالت أم فاطمة إن ابنها لم يعد.", "أم فاطمة"},
		{"خلف inside a name", "وأكد فواز بن خلف اللويحق أن المشروع اكتمل.", "فواز بن خلف اللويحق"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			qs := Extract(tt.text, nil)
			if len(qs) == 0 {
				t.Fatal("no quote")
			}
			checkSpans(t, tt.text, qs)
			if sp := qs[len(qs)-1].Speaker; sp.Name != tt.want {
				t.Errorf("speaker = %q (text %q), want %q", sp.Name, sp.Text, tt.want)
			}
		})
	}
}

// TestClauseEdges checks where a reported clause ends: a percent sign
// after its number is part of the words reported, and a comma before a
// contrastive connective with a cue of its own (، لكنه أشار إلى أن …)
// ends the clause, so the next report is no quote inside it and its
// implied subject is the speaker, not a name inside the quotation.
func TestClauseEdges(t *testing.T) {
	type want struct{ text, speaker string }
	cases := []struct {
		desc string
		text string
		want []want
	}{
		{"percent sign at the end of an indirect quote",
			`وقال الوزير أحمد السالم إن الأمطار جاءت أقل من المعدل بنسبة 40%.`,
			[]want{{"الأمطار جاءت أقل من المعدل بنسبة 40%", "أحمد السالم"}}},
		{"Arabic percent sign at the end of an indirect quote",
			`وأوضح الوزير أحمد السالم أن النمو بلغ 3٪، مضيفا أن التضخم تراجع.`,
			[]want{{"النمو بلغ 3٪", "أحمد السالم"}, {"التضخم تراجع", "أحمد السالم"}}},
		{"comma before لكنه and a cue ends the clause",
			`وقال المتحدث باسم وزارة الزراعة كاظم الساعدي لـ«المرصد» إن الأمطار «أنقذت جزءا كبيرا من المساحات في نينوى وكركوك وصلاح الدين»، لكنه أشار إلى أن الإنتاج سيبقى أقل من محصول الموسم الماضي.`,
			[]want{
				{"أنقذت جزءا كبيرا من المساحات في نينوى وكركوك وصلاح الدين", "كاظم الساعدي"},
				{"الإنتاج سيبقى أقل من محصول الموسم الماضي", "كاظم الساعدي"},
			}},
		{"comma before ولكنها and a cue ends the clause",
			`وقالت الوزيرة سارة الحربي إن الخطة ناجحة، ولكنها أكدت أن التنفيذ بطيء.`,
			[]want{{"الخطة ناجحة", "سارة الحربي"}, {"التنفيذ بطيء", "سارة الحربي"}}},
		{"لكن without a cue stays in the clause",
			`وقال الوزير أحمد السالم إن الخطة ناجحة، لكن التنفيذ بطيء.`,
			[]want{{"الخطة ناجحة، لكن التنفيذ بطيء", "أحمد السالم"}}},
	}
	for _, tc := range cases {
		t.Run(tc.desc, func(t *testing.T) {
			qs := Extract(tc.text, nil)
			var got []want
			for _, q := range qs {
				got = append(got, want{q.Text, q.Speaker.Name})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("quotes = %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("quote %d = %q, want %q", i, got[i], tc.want[i])
				}
			}
			checkSpans(t, tc.text, qs)
		})
	}
}

// TestCoordinatedTitles checks that the noun after a title joined by و
// (عادل جبير ووزير خارجية روسيا لافروف) completes the title as after a
// bare one: خارجية روسيا is no person, whose "surname" (روسيا, الروسي)
// would name the speaker of a later quote; and that such a title is not
// the name's before it, whose title would then fit the other person's
// (الوزير الأمريكي was الجبير); the next person's title is his without
// its و (ووزير الخارجية الأمريكي جون كيري: وزير), while نظيره names no
// office of its own, so الوزير الأمريكي after it is left unresolved.
func TestCoordinatedTitles(t *testing.T) {
	type mention struct{ text, typ, id string }
	cases := []struct {
		desc     string
		text     string
		mentions []mention
		cue      string // the cue of the quote checked
		wantName string
	}{
		{"the coordinated title's words are no person",
			`والاجتماع القادم في موسكو بين وزير خارجية المملكة الأستاذ عادل جبير ووزير خارجية روسيا لافروف، جعل المراقبين في روسيا يتساءلون. وينقل الدكتور سعيد طانيوس من داخل المسرح الروسي السياسي قوله: بأنه لاشك في أن صيف العام الجاري شهد جدلا واسعا.`,
			[]mention{{"عادل جبير", "PERS", "pers-jubeir"}, {"لافروف", "PERS", "pers-lavrov"}, {"سعيد طانيوس", "PERS", "pers-tanios"}},
			"قوله", "سعيد طانيوس"},
		{"a coordinated title is not the name's before it",
			`التقى وزير الخارجية السعودي عادل الجبير ونظيره الأمريكي جون كيري في الدوحة. وقال الوزير الأمريكي إن المحادثات كانت مثمرة.`,
			[]mention{{"عادل الجبير", "PERS", "pers-jubeir"}, {"جون كيري", "PERS", "pers-kerry"}},
			"قال", "الوزير الأمريكي"},
		{"a coordinated title is not the name's before it (ووزير)",
			`التقى وزير الخارجية السعودي عادل الجبير ووزير الخارجية الأمريكي جون كيري في الدوحة. وقال وزير الخارجية الأمريكي إن المحادثات كانت مثمرة.`,
			[]mention{{"عادل الجبير", "PERS", "pers-jubeir"}, {"جون كيري", "PERS", "pers-kerry"}},
			"قال", "جون كيري"},
	}
	for _, tc := range cases {
		t.Run(tc.desc, func(t *testing.T) {
			var ms []Mention
			for _, m := range tc.mentions {
				ms = append(ms, mentionIn(t, tc.text, m.text, m.typ, m.id, m.text))
			}
			var got []string
			for _, q := range Extract(tc.text, ms) {
				if q.Cue == tc.cue {
					got = append(got, q.Speaker.Name)
				}
			}
			if len(got) != 1 || got[0] != tc.wantName {
				t.Errorf("speakers of %s: %q, want %q", tc.cue, got, tc.wantName)
			}
		})
	}
}

// TestPartitiveSources checks that a number of people (عدد من السكان,
// مجموعة من الخبراء) is an unnamed source, even where its head also heads
// an organization's name (مجموعة العشرين).
func TestPartitiveSources(t *testing.T) {
	tests := []struct{ text, speaker, typ string }{
		{`وقال عدد من سكان المديرية إن المستشفى لم يقدم خدمات.`, "عدد من سكان المديرية", "anonymous"},
		{`وقالت مجموعة من الخبراء إن الخطة ناجحة.`, "مجموعة من الخبراء", "anonymous"},
		{`وقال العديد من الخبراء إن الخطة ناجحة.`, "العديد من الخبراء", "anonymous"},
		{`وقالت مجموعة العشرين إن الخطة ناجحة.`, "مجموعة العشرين", "organization"},
	}
	for _, tc := range tests {
		qs := Extract(tc.text, nil)
		if len(qs) != 1 {
			t.Errorf("%s: %d quotes, want 1", tc.text, len(qs))
			continue
		}
		if sp := qs[0].Speaker; sp.Name != tc.speaker || sp.Type != tc.typ {
			t.Errorf("%s: speaker %q (%s), want %q (%s)", tc.text, sp.Name, sp.Type, tc.speaker, tc.typ)
		}
	}
}
