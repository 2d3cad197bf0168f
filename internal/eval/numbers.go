package eval

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/rasid-news/rasid/internal/quantity"
)

// numberFinder returns the findings a spec file is scored against, as
// value strings in Recognizers' writing, with their spans.
type numberFinding struct {
	value      string
	start, end int
}

func findNumbers(file, input string) []numberFinding {
	var out []numberFinding
	switch {
	case strings.HasPrefix(file, "Percent"):
		for _, q := range quantity.Extract(input) {
			if q.Type == quantity.TypePercent {
				out = append(out, numberFinding{formatRec(q.Value) + "%", q.Start, q.End})
			}
		}
	case strings.HasPrefix(file, "NumberRange"):
		for _, q := range quantity.Extract(input) {
			if q.Type == quantity.TypeRange {
				out = append(out, numberFinding{q.Interval, q.Start, q.End})
			}
		}
	case strings.HasPrefix(file, "Ordinal"):
		for _, q := range quantity.Numbers(input) {
			switch {
			case q.Type == quantity.TypeOrdinal && q.Relative != "":
				if !strings.Contains(file, "SuppressExtendedTypes") {
					out = append(out, numberFinding{q.Relative, q.Start, q.End})
				}
			case q.Type == quantity.TypeOrdinal:
				out = append(out, numberFinding{formatRec(q.Value), q.Start, q.End})
			}
		}
	default:
		for _, q := range quantity.Numbers(input) {
			if q.Type == quantity.TypeNumber {
				out = append(out, numberFinding{formatRec(q.Value), q.Start, q.End})
			}
		}
	}
	return out
}

func formatRec(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// sameNumberValue compares two values in Recognizers' writing: numbers
// (with a relative tolerance, for 0.666666666666667), percentages and
// intervals.
func sameNumberValue(a, b string) bool {
	if a == b {
		return true
	}
	num := func(s string) (float64, bool) {
		v, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
		return v, err == nil
	}
	x, ok1 := num(a)
	y, ok2 := num(b)
	if ok1 && ok2 && strings.HasSuffix(a, "%") == strings.HasSuffix(b, "%") {
		return math.Abs(x-y) <= 1e-9*math.Max(1, math.Abs(y))
	}
	// Intervals: compare bracket by bracket, number by number.
	if len(a) > 2 && len(b) > 2 && a[0] == b[0] && a[len(a)-1] == b[len(b)-1] {
		pa := strings.Split(a[1:len(a)-1], ",")
		pb := strings.Split(b[1:len(b)-1], ",")
		if len(pa) != len(pb) {
			return false
		}
		for i := range pa {
			if pa[i] == pb[i] {
				continue
			}
			if !sameNumberValue(pa[i], pb[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// ScoreRecognizersNumbers scores quantity on the Number spec files of
// dir, every case counted: a case's value is correct when the findings
// of the file's kind have exactly the expected values in order, and its
// span when they also have the expected spans.
func ScoreRecognizersNumbers(dir string, withErrors bool) (*RecognizersReport, error) {
	files, err := readRecognizers(dir)
	if err != nil {
		return nil, err
	}
	rep := &RecognizersReport{Files: map[string]RecognizersScore{}}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		var s RecognizersScore
		for _, c := range files[name] {
			s.Cases++
			found := findNumbers(name, c.Input)
			valueOK := len(found) == len(c.Results)
			spanOK := valueOK
			var want, got []string
			for k, r := range c.Results {
				var res struct {
					Value string `json:"value"`
				}
				_ = json.Unmarshal(r.Resolution, &res)
				want = append(want, res.Value)
				if k < len(found) {
					valueOK = valueOK && sameNumberValue(found[k].value, res.Value)
					st, en := r.span(c.Input)
					spanOK = spanOK && found[k].start == st && found[k].end == en
				}
			}
			for _, f := range found {
				got = append(got, fmt.Sprintf("%s@%d-%d", f.value, f.start, f.end))
			}
			if valueOK {
				s.ValueCorrect++
			}
			if spanOK && valueOK {
				s.SpanCorrect++
			}
			if withErrors && !valueOK {
				rep.Errors = append(rep.Errors, RecognizersError{File: name, Input: c.Input, Want: strings.Join(want, " "), Got: strings.Join(got, " ")})
			}
		}
		s.finish()
		rep.Files[name] = s
		rep.Overall.add(s)
	}
	rep.Overall.finish()
	return rep, nil
}
