package timex

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/quantity"
)

// TestWordsInKeyForm checks that the parser's code writes every Arabic word
// it compares token keys with in its key form (ا for أ, إ, آ; ه for ة; ي
// for ى), so that matching compares constants and never normalizes one.
// Words inside key(…) and keys(…) are written as spelled and keyed once.
func TestWordsInKeyForm(t *testing.T) {
	fset := token.NewFileSet()
	words := 0
	for _, name := range []string{"timex.go", "infer.go", "compose.go"} {
		f, err := goparser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if id, ok := call.Fun.(*ast.Ident); ok && (id.Name == "key" || id.Name == "keys") {
					return false
				}
			}
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || !strings.ContainsFunc(s, arabic.IsArabicLetter) {
				return true
			}
			words++
			if k := key(s); k != s {
				t.Errorf("%s: %q is not in key form; write %q", fset.Position(lit.Pos()), s, k)
			}
			return true
		})
	}
	if words < 100 {
		t.Fatalf("found %d Arabic words in the parser's code, want over 100", words)
	}
}

// TestMonthsNotCounted checks that quantity knows every one-word month
// name of this package: a number before one is a day of the month, never
// a count of months (ثورة 25 يناير, a name the time expressions leave out,
// was the figure "25 يناير" on story cards).
func TestMonthsNotCounted(t *testing.T) {
	var names []string
	for k := range gregorianMonths {
		names = append(names, k)
	}
	for k := range hijriMonths {
		names = append(names, k)
	}
	for k := range monthHeads {
		names = append(names, k)
	}
	for _, k := range names {
		for _, q := range quantity.Extract("ثورة 25 " + k) {
			if q.Type == quantity.TypeCount {
				t.Errorf("quantity.Extract counts the month %q: %+v", k, q)
			}
		}
	}
}
