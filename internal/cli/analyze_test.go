package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/rasid-news/rasid/internal/news"
)

const analysisSchema = "../../schema/analysis.schema.json"

// validator compiles the analysis schema.
func validator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(analysisSchema)
	if err != nil {
		t.Fatalf("compiling %s: %v", analysisSchema, err)
	}
	return sch
}

// checkAnalyses validates every line of out against the schema and checks
// that every span is the text's code points at its offsets.
func checkAnalyses(t *testing.T, sch *jsonschema.Schema, out string, bodies map[string]string) int {
	t.Helper()
	n := 0
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(line))
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("line %d does not follow the schema: %v", i+1, err)
		}
		var a news.Analysis
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatal(err)
		}
		body, ok := bodies[a.ID]
		if !ok {
			t.Fatalf("line %d: unknown id %q", i+1, a.ID)
		}
		r := []rune(body)
		spans := append([]news.Span(nil), a.Sentences...)
		for _, e := range a.Entities {
			spans = append(spans, e.Span)
		}
		for _, x := range a.Timexes {
			spans = append(spans, x.Span)
		}
		for _, q := range a.Quantities {
			spans = append(spans, q.Span)
		}
		for _, q := range a.Quotes {
			spans = append(spans, q.Span, news.Span{Text: q.Speaker.Text, Start: q.Speaker.Start, End: q.Speaker.End})
		}
		for _, s := range spans {
			if s.Start < 0 || s.End > len(r) || s.Start > s.End || string(r[s.Start:s.End]) != s.Text {
				t.Errorf("%s: span [%d,%d) %q is not the text there", a.ID, s.Start, s.End, s.Text)
			}
		}
		n++
	}
	return n
}

// readSeeds returns ../shared/data/seeds.jsonl, or skips when it is absent.
func readSeeds(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../../shared/data/seeds.jsonl")
	if err != nil {
		t.Skip("seed articles not found at ../../../shared/data/seeds.jsonl")
	}
	return string(data)
}

// TestAnalyzeSchemaSeeds runs rasid analyze --jsonl on the seed articles
// and validates its output against schema/analysis.schema.json.
func TestAnalyzeSchemaSeeds(t *testing.T) {
	data := readSeeds(t)
	bodies := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(data), "\n") {
		var r struct{ ID, Text string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		bodies[r.ID] = r.Text
	}
	out, errOut, code := run(t, data, "analyze", "--jsonl", "--workers", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if n := checkAnalyses(t, validator(t), out, bodies); n != len(bodies) {
		t.Errorf("%d analyses for %d articles", n, len(bodies))
	}
	// Output follows input order.
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var a news.Analysis
		json.Unmarshal([]byte(line), &a)
		ids = append(ids, a.ID)
	}
	if got := strings.Join(ids, " "); got != "000_324617013d58bdca 001_707b2242cacd9ad6 002_c72539758a742b07 003_17cbc4ecf8b5e0c1 004_3902ec6719ca1a0d" {
		t.Errorf("output order %s", got)
	}
}

// TestAnalyzeSchemaSaudiNewsNet validates the analyses of 150 SaudiNewsNet
// articles against the schema.
func TestAnalyzeSchemaSaudiNewsNet(t *testing.T) {
	const path = "../../../shared/data/news/saudinewsnet/2015-08-06.zip"
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Skipf("SaudiNewsNet not found at %s", path)
	}
	defer zr.Close()
	rc, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		t.Fatal(err)
	}
	var recs []struct {
		URL     string `json:"url"`
		Date    string `json:"date_extracted"`
		Content string `json:"content"`
	}
	if err := json.Unmarshal(data, &recs); err != nil {
		t.Fatal(err)
	}
	var in bytes.Buffer
	bodies := map[string]string{}
	for i, r := range recs[:min(150, len(recs))] {
		id := "snn" + string(rune('a'+i%26)) + strings.Repeat("x", i/26)
		bodies[id] = r.Content
		line, _ := json.Marshal(map[string]string{"id": id, "text": r.Content, "url": r.URL, "published": r.Date})
		in.Write(append(line, '\n'))
	}
	out, errOut, code := run(t, in.String(), "analyze", "--jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if n := checkAnalyses(t, validator(t), out, bodies); n != len(bodies) {
		t.Errorf("%d analyses for %d articles", n, len(bodies))
	}
}

func TestAnalyzeCLI(t *testing.T) {
	text := "قال وزير الخارجية الأميركي مايك بومبيو أمس إن بلاده ستدعم العراق."
	tests := []struct {
		desc       string
		stdin      string
		args       []string
		wantCode   int
		wantOut    []string // substrings of stdout
		wantStderr string
	}{
		{"plain text with a date", text, []string{"analyze", "--published", "2020-08-20", "--id", "p1"}, 0,
			[]string{`"id":"p1"`, `"name":"مايك بومبيو"`, `"value":"2020-08-19"`, `"cue":"قال"`}, ""},
		{"plain text without a date", text, []string{"analyze", "-"}, 0,
			[]string{`"text":"أمس","start":39,"end":42,"type":"date","value":""`}, ""},
		{"jsonl with content and RFC 3339", `{"id":"j1","content":"` + text + `","published":"2020-08-20T10:00:00+03:00"}` + "\n", []string{"analyze", "--jsonl"}, 0,
			[]string{`"id":"j1"`, `"value":"2020-08-19"`}, ""},
		{"jsonl id computed", `{"text":"` + text + `"}`, []string{"analyze", "--jsonl"}, 0, []string{`"id":"`}, ""},
		{"jsonl bad lines skipped", "{\"id\":\"ok\",\"text\":\"بغداد\"}\nnot json\n\n{\"id\":\"x\"}\n{\"text\":\"بغداد\",\"published\":\"yesterday\"}\n", []string{"analyze", "--jsonl"}, 1,
			[]string{`"id":"ok"`}, "stdin:2: malformed JSON at column"},
		{"jsonl missing text named", "{\"id\":\"x\"}\n", []string{"analyze", "--jsonl"}, 1, nil, `stdin:1: no "text"`},
		{"jsonl bad date named", "{\"text\":\"بغداد\",\"published\":\"yesterday\"}\n", []string{"analyze", "--jsonl"}, 1, nil, `published "yesterday"`},
		{"invalid UTF-8", "\xff\xfe", []string{"analyze"}, 1, nil, "not valid UTF-8"},
		{"empty text", "  \n", []string{"analyze"}, 1, nil, "stdin is empty: give an article text"},
		{"bad date flag", text, []string{"analyze", "--published", "soon"}, 1, nil, `published "soon"`},
		{"missing file", "", []string{"analyze", "/nonexistent/x.txt"}, 1, nil, "no such file"},
		{"two inputs", "", []string{"analyze", "a", "b"}, 2, nil, "one input at most"},
		{"flags after the input", `{"id":"after","text":"بغداد"}`, []string{"analyze", "-", "--jsonl", "--workers", "1"}, 0, []string{`"id":"after"`}, ""},
		{"published with jsonl", "", []string{"analyze", "--jsonl", "--published", "2020-01-01"}, 2, nil, "for a plain text"},
		{"no workers", "", []string{"analyze", "--workers", "0"}, 2, nil, "--workers"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			out, errOut, code := run(t, tc.stdin, tc.args...)
			if code != tc.wantCode {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tc.wantCode, errOut)
			}
			for _, w := range tc.wantOut {
				if !strings.Contains(out, w) {
					t.Errorf("stdout %q does not contain %q", out, w)
				}
			}
			if !strings.Contains(errOut, tc.wantStderr) {
				t.Errorf("stderr %q does not contain %q", errOut, tc.wantStderr)
			}
		})
	}
}

// TestAnalysisSchemaRejects checks that the schema is strict enough to
// catch a broken analysis.
func TestAnalysisSchemaRejects(t *testing.T) {
	sch := validator(t)
	good := `{"id":"a","analyzer":"v","sentences":[],"entities":[{"text":"بغداد","start":0,"end":5,"type":"LOC","entity_id":"loc-0123456789abcdef","name":"بغداد"}],"timexes":[],"quantities":[],"quotes":[]}`
	bad := []struct{ desc, doc string }{
		{"missing list", `{"id":"a","analyzer":"v","sentences":[],"entities":[],"timexes":[],"quantities":[]}`},
		{"entity without id", strings.Replace(good, `"entity_id":"loc-0123456789abcdef",`, "", 1)},
		{"unknown type", strings.Replace(good, `"LOC"`, `"PLACE"`, 1)},
		{"negative offset", strings.Replace(good, `"start":0`, `"start":-1`, 1)},
		{"unknown field", strings.Replace(good, `"name":"بغداد"`, `"name":"بغداد","extra":1`, 1)},
		{"quote without speaker", strings.Replace(good, `"quotes":[]`, `"quotes":[{"text":"x","start":0,"end":1,"cue":"قال","direct":true}]`, 1)},
	}
	check := func(doc string) error {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		return sch.Validate(inst)
	}
	if err := check(good); err != nil {
		t.Fatalf("valid analysis rejected: %v", err)
	}
	for _, b := range bad {
		t.Run(b.desc, func(t *testing.T) {
			if check(b.doc) == nil {
				t.Errorf("schema accepts %s", b.doc)
			}
		})
	}
}

// FuzzDecodeRecord checks that any JSONL line is either refused with an
// error or gives an article with an id and a body, never a panic.
func FuzzDecodeRecord(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"بغداد","published":"2020-08-19"}`,
		`{"text":"بغداد","published":"2020-08-19T10:00:00+03:00","url":"https://x"}`,
		`{"content":"x","published":"2015-08-02 22:46:54"}`,
		`{"text":""}`, `[]`, `{"text":1}`, "\xff", `{"published":"2020-13-45"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		a, err := decodeRecord(line)
		if err != nil {
			return
		}
		if a.ID == "" || strings.TrimSpace(a.Body) == "" {
			t.Errorf("accepted %q without id or body: %+v", line, a)
		}
	})
}

// TestRecordIDs: a JSONL record's id is a string or a whole number, read
// as its decimal text; another type is refused with an error naming the
// field and what it is.
func TestRecordIDs(t *testing.T) {
	const text = `"text":"قال الوزير في بغداد اليوم إن المحادثات مستمرة."`
	for _, tc := range []struct {
		id      string // the JSON of the id field
		want    string // the article's id
		wantErr string // a substring of the error
	}{
		{`"a17"`, "a17", ""},
		{`17`, "17", ""},
		{`0`, "0", ""},
		{`-3`, "-3", ""},
		{`12345678901234567890123`, "12345678901234567890123", ""},
		{`1e3`, "1000", ""},
		{`17.0`, "17", ""},
		{`"17"`, "17", ""},
		{`17.5`, "", `field "id" is the number 17.5, not a whole number`},
		{`1e400`, "", `field "id" is the number 1e400, too large for an id`},
		{`true`, "", `field "id" is true or false, not a string or a number`},
		{`[17]`, "", `field "id" is an array, not a string or a number`},
		{`{"n":17}`, "", `field "id" is an object, not a string or a number`},
	} {
		t.Run(tc.id, func(t *testing.T) {
			a, err := decodeRecord([]byte(`{"id":` + tc.id + `,` + text + `}`))
			switch {
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Errorf("error %v, want %q", err, tc.wantErr)
			case tc.wantErr == "" && (err != nil || a.ID != tc.want):
				t.Errorf("id %q, error %v; want %q", a.ID, err, tc.want)
			}
		})
	}
	// null is no id: the article gets the one rasid would store it under.
	if a, err := decodeRecord([]byte(`{"id":null,` + text + `}`)); err != nil || a.ID == "" {
		t.Errorf("null id: %q, %v", a.ID, err)
	}
}
