package ingest

import (
	"encoding/json"
	"testing"
)

func TestUnquote(t *testing.T) {
	for _, s := range []string{"", "نص", `a"b`, `a\b`, "سطر\nسطر\t\r", "/x/", "\u00e9\u0627\u2028", "\U0001F600", "\b\f"} {
		raw, _ := json.Marshal(s)
		got, ok := unquote(raw)
		if ok && got != s {
			t.Errorf("unquote(%s) = %q, want %q", raw, got, s)
		}
	}
	for _, raw := range []string{`"\/a\u0041"`, `"\ud83d\ude00"`} {
		var want string
		json.Unmarshal([]byte(raw), &want)
		if got := text(json.RawMessage(raw)); got != want {
			t.Errorf("text(%s) = %q, want %q", raw, got, want)
		}
	}
}

func FuzzUnquote(f *testing.F) {
	f.Add("نص\n\"x\"\\ \u0627 \U0001F600")
	f.Fuzz(func(t *testing.T, s string) {
		raw, _ := json.Marshal(s)
		var want string
		json.Unmarshal(raw, &want)
		if got, ok := unquote(raw); ok && got != want {
			t.Fatalf("unquote(%s) = %q, want %q", raw, got, want)
		}
	})
}
