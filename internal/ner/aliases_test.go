package ner

import (
	"strings"
	"testing"

	"github.com/rasid-news/rasid/internal/arabic"
)

// TestAliasesList checks every line of aliases.txt: the other name and
// the name it means get one Key, and the name it means is not itself
// listed as another name (one step always reaches the name).
func TestAliasesList(t *testing.T) {
	c := NewCanonicalizer()
	lines := 0
	eachLine(aliasesTxt, func(line string) {
		lines++
		f := strings.Split(line, "\t")
		typ, err := ParseType(f[0])
		if err != nil || len(f) != 3 {
			t.Fatalf("bad line %q", line)
		}
		other, name := arabic.NormalizeString(f[1]), arabic.NormalizeString(f[2])
		if c.Key(typ, other) != c.Key(typ, name) {
			t.Errorf("%q: key %q, %q: key %q", f[1], c.Key(typ, other), f[2], c.Key(typ, name))
		}
		if _, ok := c.aliases[typ.String()+":"+strings.Join(c.wordKeys(name), " ")]; ok {
			t.Errorf("%q means %q, which is itself listed as another name", f[1], f[2])
		}
		if c.Key(typ, other) == c.Key(typ, arabic.NormalizeString(f[1]+" "+f[1])) {
			t.Errorf("%q: a longer name got its key", f[1])
		}
	})
	if lines == 0 || len(c.aliases) != lines {
		t.Errorf("%d lines, %d aliases: two lines share one other name", lines, len(c.aliases))
	}
}
