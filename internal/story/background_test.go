package story

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestReadBackground(t *testing.T) {
	tests := []struct {
		desc, in string
		docs     int
		terms    int
		wantErr  string
	}{
		{"table", "# header\ndocs\t10\nعراق\t3\nحوار\t2\n", 10, 2, ""},
		{"empty", "", 0, 0, ""},
		{"terms before docs", "عراق\t3\n", 0, 0, "want docs"},
		{"no count", "docs\t10\nعراق\n", 0, 0, "want term<TAB>count"},
		{"negative", "docs\t10\nعراق\t-1\n", 0, 0, "want term<TAB>count"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			b, err := ReadBackground(strings.NewReader(tc.in))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || b.Docs != tc.docs || len(b.DF) != tc.terms {
				t.Fatalf("got %+v, %v", b, err)
			}
		})
	}
}

func TestBackgroundRoundTrip(t *testing.T) {
	texts := []string{"انطلق الحوار الاستراتيجي في واشنطن", "الحوار الاستراتيجي بين العراق والولايات المتحدة", "فاز الهلال"}
	b := CountBackground(slices.Values(texts), 2)
	if b.Docs != 3 || len(b.DF) == 0 {
		t.Fatalf("counted %+v", b)
	}
	var buf bytes.Buffer
	if err := b.WriteTo(&buf, "test table"); err != nil {
		t.Fatal(err)
	}
	back, err := ReadBackground(&buf)
	if err != nil || back.Docs != b.Docs || len(back.DF) != len(b.DF) {
		t.Fatalf("round trip: %+v, %v; want %+v", back, err, b)
	}
	for k, v := range b.DF {
		if back.DF[k] != v {
			t.Errorf("df[%s] = %d, want %d", k, back.DF[k], v)
		}
	}
}

func TestDefaultBackground(t *testing.T) {
	b := DefaultBackground()
	if b.Docs < 10000 || len(b.DF) < 10000 {
		t.Errorf("embedded table: %d docs, %d terms", b.Docs, len(b.DF))
	}
}
