package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/rasid-news/rasid/internal/arabic"
)

// maxTextBytes bounds the text read by commands that take text on stdin.
const maxTextBytes = 64 << 20

func runStem(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "stem", "< words.txt",
		"Read one word per line on stdin and print word<TAB>stem for each line, in order.\nAn empty line prints an empty line. This output format is a stable contract.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid stem: words are read from stdin, not arguments (got %q)", fs.Arg(0))
	}
	sc := bufio.NewScanner(env.Stdin)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	w := bufio.NewWriter(env.Stdout)
	defer w.Flush()
	line := 0
	for sc.Scan() {
		line++
		word := strings.TrimSpace(sc.Text())
		if !utf8.ValidString(word) {
			return fmt.Errorf("rasid stem: stdin line %d: invalid UTF-8", line)
		}
		if word == "" {
			w.WriteString("\n")
			continue
		}
		fmt.Fprintf(w, "%s\t%s\n", word, arabic.Stem(word))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("rasid stem: reading stdin: %w", err)
	}
	return nil
}

// tokenOut is one token in the output of rasid tokens.
type tokenOut struct {
	Text  string      `json:"text"`
	Kind  arabic.Kind `json:"kind"`
	Start int         `json:"start"`
	End   int         `json:"end"`
	Norm  string      `json:"norm"`
	Stem  string      `json:"stem,omitempty"`
}

type sentenceOut struct {
	Start  int        `json:"start"`
	End    int        `json:"end"`
	Text   string     `json:"text"`
	Tokens []tokenOut `json:"tokens"`
}

func runTokens(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "tokens", "[--json] < text.txt",
		"Read a text on stdin and print its sentences and tokens, each with its span in\ncode points of the original text, its normalized form and its stem.")
	asJSON := fs.Bool("json", false, "print one JSON object {\"sentences\": [{start,end,text,tokens:[{text,kind,start,end,norm,stem}]}]}")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid tokens: text is read from stdin, not arguments (got %q)", fs.Arg(0))
	}
	data, err := io.ReadAll(io.LimitReader(env.Stdin, maxTextBytes+1))
	if err != nil {
		return fmt.Errorf("rasid tokens: reading stdin: %w", err)
	}
	if len(data) > maxTextBytes {
		return fmt.Errorf("rasid tokens: stdin: text is over the limit of %d MiB", maxTextBytes>>20)
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("rasid tokens: stdin: invalid UTF-8 at byte %d", invalidAt(data))
	}
	text := string(data)
	toks, sents := arabic.SplitSentences(text)
	runes := []rune(text)
	out := make([]sentenceOut, 0, len(sents))
	for _, s := range sents {
		so := sentenceOut{Start: s.Start, End: s.End, Text: string(runes[s.Start:s.End])}
		for _, t := range toks[s.First : s.Last+1] {
			to := tokenOut{Text: t.Text, Kind: t.Kind, Start: t.Start, End: t.End, Norm: t.Norm}
			if t.Kind == arabic.Word {
				to.Stem = arabic.Stem(t.Text)
			}
			so.Tokens = append(so.Tokens, to)
		}
		out = append(out, so)
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			Sentences []sentenceOut `json:"sentences"`
		}{out})
	}
	w := bufio.NewWriter(env.Stdout)
	defer w.Flush()
	for i, s := range out {
		fmt.Fprintf(w, "# sentence %d [%d,%d) %s\n", i+1, s.Start, s.End, s.Text)
		for _, t := range s.Tokens {
			fmt.Fprintf(w, "%d\t%d\t%s\t%s\t%s\t%s\n", t.Start, t.End, t.Kind, t.Text, t.Norm, t.Stem)
		}
	}
	return nil
}

// invalidAt returns the byte offset of the first invalid UTF-8 sequence.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}
