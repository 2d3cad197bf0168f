package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Sentence is one sentence of CoNLL data: its tokens and, when the data
// is tagged, one tag per token.
type Sentence struct {
	Tokens []string
	Tags   []Tag // nil when the data has no tag column
}

// maxCoNLLLine bounds one line of CoNLL input.
const maxCoNLLLine = 1 << 20

// ReadCoNLL reads CoNLL data: one token per line and a blank line
// between sentences. The data is tagged when its first line has more
// than one column: then every line ends in a tag (O, B-PERS, I-LOC, …)
// and the token is what comes before it. Otherwise the token is the
// first column of each line. name names the input in errors.
func ReadCoNLL(r io.Reader, name string) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxCoNLLLine)
	var (
		out    []Sentence
		cur    Sentence
		tagged = -1 // 1 or 0 once the first token line is read
		line   int
	)
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			flush()
			continue
		}
		if tagged == -1 {
			tagged = 0
			if len(strings.Fields(text)) > 1 {
				tagged = 1
			}
		}
		if tagged == 0 {
			cur.Tokens = append(cur.Tokens, strings.Fields(text)[0])
			continue
		}
		// The tag is the last column; the token is what comes before it,
		// possibly empty (ANERcorp has a few lines " O").
		i := strings.LastIndexAny(text, " \t")
		if i < 0 {
			return nil, fmt.Errorf("%s: line %d: no tag after token %q (the data is tagged from its first line)", name, line, text)
		}
		g, err := ParseTag(text[i+1:])
		if err != nil {
			return nil, fmt.Errorf("%s: line %d: %w", name, line, err)
		}
		tok := strings.TrimSpace(text[:i])
		if f := strings.Fields(tok); len(f) > 1 && isTagLike(f[len(f)-1]) {
			return nil, fmt.Errorf("%s: line %d: more than one tag", name, line)
		}
		cur.Tokens = append(cur.Tokens, tok)
		cur.Tags = append(cur.Tags, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: line %d: %w", name, line+1, err)
	}
	flush()
	return out, nil
}

func isTagLike(s string) bool {
	_, err := ParseTag(s)
	return err == nil && s != "O"
}

// ReadTokens reads the sentences of CoNLL input by their first column
// alone, whatever the other columns hold (POS tags, chunks, gold tags): a
// token per non-blank line, a blank line between sentences. A line that
// starts with a space or tab has an empty token (ANERcorp has lines " O").
// name names the input in errors (a line that is not valid UTF-8, a line
// over the length bound).
func ReadTokens(r io.Reader, name string) ([][]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxCoNLLLine)
	var out [][]string
	var cur []string
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if !utf8.ValidString(text) {
			return nil, fmt.Errorf("%s: line %d: invalid UTF-8", name, line)
		}
		if strings.TrimSpace(text) == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		tok, _, _ := strings.Cut(strings.ReplaceAll(text, "\t", " "), " ")
		cur = append(cur, tok)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, nil
}
