package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs rasid with args and stdin and returns stdout, stderr and the
// exit code.
func run(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	err := Run(context.Background(), env, args)
	if err != nil && ExitCode(err) != 0 {
		errb.WriteString(err.Error())
	}
	return out.String(), errb.String(), ExitCode(err)
}

func TestRunDispatch(t *testing.T) {
	tests := []struct {
		desc       string
		args       []string
		wantCode   int
		wantOut    string // substring of stdout
		wantStderr string // substring of stderr
	}{
		{"no command", nil, 2, "", "no command given"},
		{"help lists commands", []string{"help"}, 0, "Commands:", ""},
		{"--help lists commands", []string{"--help"}, 0, "tokens", ""},
		{"unknown command", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"suggestion for a prefix", []string{"tok"}, 2, "", "did you mean tokens"},
		{"version", []string{"version"}, 0, "rasid " + Version, ""},
		{"--version", []string{"--version"}, 0, "rasid " + Version, ""},
		{"version with an argument", []string{"version", "x"}, 2, "", "unexpected argument"},
		{"command -h", []string{"stem", "-h"}, 0, "", "Usage: rasid stem"},
		{"help COMMAND", []string{"help", "tokens"}, 0, "", "Usage: rasid tokens"},
		{"unknown flag", []string{"tokens", "--frob"}, 2, "", "flag provided but not defined: -frob"},
		{"eval without a task", []string{"eval"}, 2, "", "no task given"},
		{"eval unknown task", []string{"eval", "nope"}, 2, "", `unknown task "nope"`},
		{"eval -h", []string{"eval", "-h"}, 0, "Usage: rasid eval TASK", ""},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			out, errOut, code := run(t, "", tc.args...)
			if code != tc.wantCode {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tc.wantCode, errOut)
			}
			if !strings.Contains(out, tc.wantOut) {
				t.Errorf("stdout %q does not contain %q", out, tc.wantOut)
			}
			if !strings.Contains(errOut, tc.wantStderr) {
				t.Errorf("stderr %q does not contain %q", errOut, tc.wantStderr)
			}
		})
	}
}

func TestEveryCommandHasHelp(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := run(t, "", c.name, "-h")
			if code != 0 {
				t.Fatalf("rasid %s -h: exit %d: %s", c.name, code, errOut)
			}
			if !strings.Contains(out+errOut, "Usage: rasid "+c.name) {
				t.Errorf("rasid %s -h prints no usage line:\n%s%s", c.name, out, errOut)
			}
		})
	}
}

func TestStemContract(t *testing.T) {
	out, errOut, code := run(t, "العراق\n\n  بغداد \n", "stem")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(out, "\n")
	if len(lines) != 4 || lines[1] != "" || lines[3] != "" {
		t.Fatalf("want one output line per input line, got %q", out)
	}
	for _, l := range []string{lines[0], lines[2]} {
		if f := strings.Split(l, "\t"); len(f) != 2 || f[1] == "" {
			t.Errorf("line %q is not word<TAB>stem", l)
		}
	}
	if !strings.HasPrefix(lines[2], "بغداد\t") {
		t.Errorf("surrounding space should be trimmed: %q", lines[2])
	}
	if _, errOut, code := run(t, "a\xffb\n", "stem"); code != 1 || !strings.Contains(errOut, "line 1: invalid UTF-8") {
		t.Errorf("invalid UTF-8: exit %d, stderr %q", code, errOut)
	}
}

func TestTokensJSON(t *testing.T) {
	text := "قال الوزيرُ: «الحوار مستمر». وغادر."
	out, errOut, code := run(t, text, "tokens", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Sentences []struct {
			Start, End int
			Text       string
			Tokens     []struct {
				Text, Kind, Norm, Stem string
				Start, End             int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if len(got.Sentences) != 2 {
		t.Fatalf("want 2 sentences, got %d: %s", len(got.Sentences), out)
	}
	runes := []rune(text)
	for _, s := range got.Sentences {
		if string(runes[s.Start:s.End]) != s.Text {
			t.Errorf("sentence span [%d,%d) is %q, text says %q", s.Start, s.End, string(runes[s.Start:s.End]), s.Text)
		}
		for _, tk := range s.Tokens {
			if string(runes[tk.Start:tk.End]) != tk.Text {
				t.Errorf("token span [%d,%d) is not %q", tk.Start, tk.End, tk.Text)
			}
			if tk.Kind == "word" && tk.Stem == "" {
				t.Errorf("word %q has no stem", tk.Text)
			}
		}
	}
	if tk := got.Sentences[0].Tokens[1]; tk.Norm != "الوزير" {
		t.Errorf("norm of %q = %q, want الوزير", tk.Text, tk.Norm)
	}
	if _, errOut, code := run(t, "\xff", "tokens"); code != 1 || !strings.Contains(errOut, "invalid UTF-8 at byte 0") {
		t.Errorf("invalid UTF-8: exit %d, stderr %q", code, errOut)
	}
}

// TestErrorsNameCommandAndInput checks that failures a user causes by
// mistake (a file that is no store, a mistyped store, a bad date) say which
// command failed and on what, exit nonzero, and change nothing.
func TestErrorsNameCommandAndInput(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "page.html")
	if err := os.WriteFile(notDB, []byte("<html>not a database, just a page long enough to be read</html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "typo.db")
	for _, tc := range []struct {
		desc string
		args []string
		code int
		want []string // substrings of stderr
	}{
		{"stats on a file that is no store", []string{"stats", "--db", notDB}, 1, []string{"rasid stats: open store:", notDB, "not a database"}},
		{"articles on a file that is no store", []string{"articles", "--db", notDB}, 1, []string{"rasid articles: open store:", notDB}},
		{"search on a file that is no store", []string{"search", "--db", notDB, "مياه"}, 1, []string{"rasid search: open store:", notDB}},
		{"story on a file that is no store", []string{"story", "--db", notDB, "s-x"}, 1, []string{"rasid story: open store:", notDB}},
		{"ingest into a file that is no store", []string{"ingest", "--db", notDB, "-"}, 1, []string{"rasid ingest: open store:", notDB}},
		{"migrate from a store that does not exist", []string{"migrate", "--from", missing, "--to", filepath.Join(dir, "to.db")}, 1, []string{"rasid migrate: --from " + missing + ": no such store"}},
		{"migrate --compare with a store that does not exist", []string{"migrate", "--compare", "--from", notDB, "--to", missing}, 1, []string{"rasid migrate: --to " + missing + ": no such store"}},
		{"stories --since not a date", []string{"stories", "--db", filepath.Join(dir, "s.db"), "--since", "foo"}, 2, []string{`rasid stories: --since: "foo" is not a date YYYY-MM-DD`}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			before, _ := os.ReadFile(notDB)
			_, errOut, code := run(t, "نص", tc.args...)
			if code != tc.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tc.code, errOut)
			}
			for _, w := range tc.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr %q does not contain %q", errOut, w)
				}
			}
			if strings.Contains(errOut, "goroutine ") {
				t.Errorf("stderr holds a stack trace: %q", errOut)
			}
			if after, _ := os.ReadFile(notDB); !bytes.Equal(before, after) {
				t.Errorf("%s was changed", notDB)
			}
			if _, err := os.Stat(missing); err == nil {
				t.Errorf("%s was created", missing)
			}
		})
	}
}

// TestInvalidUTF8Refused: every command that reads text on stdin refuses
// input that is not valid UTF-8, naming the command, stdin and where
// (line or byte), and prints nothing on stdout.
func TestInvalidUTF8Refused(t *testing.T) {
	const bad = "بغداد\nab\xffc\n"
	for _, tc := range []struct {
		args []string
		want string // substring of stderr
	}{
		{[]string{"ner", "--conll"}, "rasid ner: stdin: line 2: invalid UTF-8"},
		{[]string{"tokens"}, "rasid tokens: stdin: invalid UTF-8 at byte 13"},
		{[]string{"stem"}, "rasid stem: stdin line 2: invalid UTF-8"},
		{[]string{"quotes"}, "rasid quotes: stdin is not valid UTF-8"},
		{[]string{"timex", "--ref", "2024-01-01"}, "rasid timex: line 2 of stdin is not valid UTF-8"},
		{[]string{"quantities"}, "rasid quantities: line 2 of stdin is not valid UTF-8"},
		{[]string{"analyze"}, "rasid analyze: stdin is not valid UTF-8"},
	} {
		t.Run(tc.args[0], func(t *testing.T) {
			out, errs, code := run(t, bad, tc.args...)
			if code != 1 || !strings.Contains(errs, tc.want) {
				t.Errorf("%v: exit %d, stderr %q; want 1 and %q", tc.args, code, errs, tc.want)
			}
			if strings.Contains(out, "\xff") || strings.Contains(out, "\uFFFD") {
				t.Errorf("%v printed the invalid input back: %q", tc.args, out)
			}
		})
	}
}

// TestTimexRef: rasid timex resolves against --ref and never against the
// clock: without --ref it is refused as a usage error that says what to give.
func TestTimexRef(t *testing.T) {
	for _, tc := range []struct {
		desc string
		args []string
		code int
		out  string // substring of stdout
		err  string // substring of stderr
	}{
		{"with --ref", []string{"timex", "--ref", "2024-03-10"}, 0, `"value":"2024-03-09"`, ""},
		{"with a clock", []string{"timex", "--ref", "2024-03-10T08:30:00"}, 0, `"value":"2024-03-09"`, ""},
		{"no --ref", []string{"timex"}, 2, "", "rasid timex: --ref is required"},
		{"no --ref, other flags", []string{"timex", "--future"}, 2, "", "--ref $(date +%F)"},
		{"bad --ref", []string{"timex", "--ref", "yesterday"}, 2, "", `reference time "yesterday" is not YYYY-MM-DD`},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			out, errs, code := run(t, "وصل أمس\n", tc.args...)
			if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errs, tc.err) {
				t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d, %q, %q", tc.args, code, out, errs, tc.code, tc.out, tc.err)
			}
		})
	}
}
