package cli

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/store/sqlite"
)

func TestServeRefusesOpenWrites(t *testing.T) {
	for _, tc := range []struct {
		args []string
		err  string
	}{
		{[]string{"serve", "--listen", "0.0.0.0:0"}, "not loopback"},
		{[]string{"serve", "--listen", "nonsense"}, "missing port"},
		{[]string{"serve", "extra"}, "unexpected argument"},
	} {
		_, errs, code := run(t, "", tc.args...)
		if code != 2 || !strings.Contains(errs, tc.err) {
			t.Errorf("%v: code %d, stderr %q; want 2 and %q", tc.args, code, errs, tc.err)
		}
	}
}

func TestEngineSearcher(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, demoDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := engineSearcher{search.Engine{Store: st}}
	res, err := s.Search(ctx, "اليرموك", 0, 3)
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 || len(res.Hits) == 0 || len(res.Hits) > 3 || len(res.BySource) == 0 {
		t.Fatalf("results %+v", res)
	}
	for _, h := range res.Hits {
		rs := []rune(h.Snippet)
		for _, sp := range h.Highlights {
			if got := string(rs[sp.Start:sp.End]); got != sp.Text || !strings.Contains(got, "اليرموك") {
				t.Errorf("highlight %q (%q) in %q", got, sp.Text, h.Snippet)
			}
		}
	}
	for _, q := range []struct {
		query         string
		offset, limit int
	}{{`"اليرموك`, 0, 3}, {"اليرموك", 5000, 10}} {
		var qe *search.Error
		if _, err := s.Search(ctx, q.query, q.offset, q.limit); !errors.As(err, &qe) {
			t.Errorf("%q at %d: error %v, want a *search.Error for the page to show", q.query, q.offset, err)
		}
	}
}
