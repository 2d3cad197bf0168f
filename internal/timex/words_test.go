package timex

import (
	"go/ast"
	goparser "go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/rasid-news/rasid/internal/arabic"
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
