package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/rasid-news/rasid/internal/timex"
)

// DucklingGroup is one line of Duckling's Arabic time corpus: inputs
// sharing one expected value (or interval [start, end)) at a grain.
type DucklingGroup struct {
	Kind          string `json:"kind"`
	Grain         string `json:"grain"`
	Value         []int  `json:"value"`
	Start         []int  `json:"start"`
	End           []int  `json:"end"`
	Inputs        []string
	ReferenceTime string `json:"reference_time"`
}

// DucklingNegative is an input that holds no time.
type DucklingNegative struct {
	Input string `json:"input"`
}

// ReadDuckling reads the Duckling corpus JSONL.
func ReadDuckling(r io.Reader, name string) ([]DucklingGroup, error) {
	var out []DucklingGroup
	err := readJSONL(r, name, func(line int, data []byte) error {
		var g DucklingGroup
		if err := json.Unmarshal(data, &g); err != nil {
			return err
		}
		if len(g.Inputs) == 0 || (len(g.Value) < 6 && (len(g.Start) < 6 || len(g.End) < 6)) {
			return fmt.Errorf("needs inputs and a value or a start and end of six numbers")
		}
		out = append(out, g)
		return nil
	})
	return out, err
}

// ReadDucklingNegative reads the Duckling negative inputs.
func ReadDucklingNegative(r io.Reader, name string) ([]DucklingNegative, error) {
	var out []DucklingNegative
	err := readJSONL(r, name, func(line int, data []byte) error {
		var g DucklingNegative
		if err := json.Unmarshal(data, &g); err != nil {
			return err
		}
		out = append(out, g)
		return nil
	})
	return out, err
}

// DucklingError is one input resolved wrongly.
type DucklingError struct {
	Input string `json:"input"`
	Gold  string `json:"gold"`
	Found string `json:"found"`
}

// DucklingReport scores resolution on the Duckling corpus: an input is
// correct when one of its expressions resolves to the expected value at
// the expected grain.
type DucklingReport struct {
	Inputs          int             `json:"inputs"`
	Correct         int             `json:"correct"`
	Accuracy        float64         `json:"accuracy"`
	Negatives       int             `json:"negatives"`
	NegativesSilent int             `json:"negatives_silent"`
	Errors          []DucklingError `json:"errors,omitempty"`
}

// ducklingRef is Duckling's test reference time: 2013-02-12T04:30 at UTC−2.
var ducklingRef = time.Date(2013, 2, 12, 4, 30, 0, 0, time.FixedZone("", -2*3600))

// ducklingValue writes a Duckling value at its grain the way timex
// writes values.
func ducklingValue(v []int, grain string) string {
	t := time.Date(v[0], time.Month(v[1]), v[2], v[3], v[4], v[5], 0, time.UTC)
	switch grain {
	case "Year":
		return t.Format("2006")
	case "Month":
		return t.Format("2006-01")
	case "Week":
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case "Day":
		return t.Format("2006-01-02")
	case "Second":
		if t.Equal(time.Date(2013, 2, 12, 4, 30, 0, 0, time.UTC)) {
			return "PRESENT_REF"
		}
		return t.Format("2006-01-02T15:04:05")
	}
	return t.Format("2006-01-02T15:04")
}

// ducklingAlternatives lists the values that match a group: its value,
// or for an interval the values timex gives for it (a month part, a day
// range written as its start day).
func ducklingAlternatives(g DucklingGroup) []string {
	if len(g.Value) >= 6 {
		v := ducklingValue(g.Value, g.Grain)
		alts := []string{v}
		if g.Grain == "Second" && v != "PRESENT_REF" {
			alts = append(alts, strings.TrimSuffix(v, ":00"))
		}
		return alts
	}
	s := time.Date(g.Start[0], time.Month(g.Start[1]), g.Start[2], g.Start[3], g.Start[4], g.Start[5], 0, time.UTC)
	e := time.Date(g.End[0], time.Month(g.End[1]), g.End[2], g.End[3], g.End[4], g.End[5], 0, time.UTC)
	alts := []string{s.Format("2006-01-02") + "/" + e.AddDate(0, 0, -1).Format("2006-01-02")}
	if g.Grain == "Second" || g.Grain == "Minute" || g.Grain == "Hour" {
		alts = append(alts, e.Format("2006-01-02T15:04"))
	}
	if s.Day() >= 20 && e.Day() == 1 {
		alts = append(alts, s.Format("2006-01")+"|END")
	}
	return alts
}

// timexAlternatives lists the ways a found expression can match.
func timexAlternatives(t timex.Timex) []string {
	alts := []string{t.Value}
	if t.Mod != "" {
		alts = append(alts, t.Value+"|"+t.Mod)
		if t.Mod == "MID" && len(t.Value) == 7 {
			alts = append(alts, t.Value+"-15")
		}
	}
	return alts
}

// ScoreDuckling resolves every Duckling input against Duckling's
// reference time (bare weekdays, months and holidays to the next
// occurrence, as Duckling does) and scores the values.
func ScoreDuckling(groups []DucklingGroup, neg []DucklingNegative, withErrors bool) *DucklingReport {
	rep := &DucklingReport{}
	// Duckling's reference is 04:30 at UTC−2; its values are on that
	// clock (a time said in GMT is moved onto it).
	ref := ducklingRef
	for _, g := range groups {
		want := ducklingAlternatives(g)
		for _, in := range g.Inputs {
			rep.Inputs++
			found := timex.ExtractWith(in, ref, timex.Options{Future: true, Ranges: true})
			ok := false
			var got []string
			for _, t := range found {
				for _, a := range timexAlternatives(t) {
					for _, w := range want {
						if a == w {
							ok = true
						}
					}
				}
				got = append(got, t.Value+map[bool]string{true: "|" + t.Mod, false: ""}[t.Mod != ""])
			}
			if ok {
				rep.Correct++
			} else if withErrors {
				rep.Errors = append(rep.Errors, DucklingError{Input: in, Gold: strings.Join(want, " or "), Found: strings.Join(got, " ")})
			}
		}
	}
	for _, n := range neg {
		rep.Negatives++
		if len(timex.Extract(n.Input, ref)) == 0 {
			rep.NegativesSilent++
		}
	}
	if rep.Inputs > 0 {
		rep.Accuracy = float64(rep.Correct) / float64(rep.Inputs)
	}
	return rep
}

// RecognizersScore is the score of one spec file (or all of them).
// SpanAccuracy is the share of cases whose expected spans were all
// found exactly (and nothing found where nothing is expected);
// ValueAccuracy the share whose expected values were all matched by an
// overlapping finding; RefValueAccuracy the same over cases that carry
// a reference time and expected values.
type RecognizersScore struct {
	Cases            int     `json:"cases"`
	SpanCorrect      int     `json:"span_correct"`
	SpanAccuracy     float64 `json:"span_accuracy"`
	ValueCorrect     int     `json:"value_correct"`
	ValueAccuracy    float64 `json:"value_accuracy"`
	WithRef          int     `json:"with_ref"`
	RefValueCorrect  int     `json:"ref_value_correct"`
	RefValueAccuracy float64 `json:"ref_value_accuracy"`
}

func (s *RecognizersScore) finish() {
	s.SpanAccuracy = ratio(s.SpanCorrect, s.Cases)
	s.ValueAccuracy = ratio(s.ValueCorrect, s.Cases)
	s.RefValueAccuracy = ratio(s.RefValueCorrect, s.WithRef)
}

func (s *RecognizersScore) add(o RecognizersScore) {
	s.Cases += o.Cases
	s.SpanCorrect += o.SpanCorrect
	s.ValueCorrect += o.ValueCorrect
	s.WithRef += o.WithRef
	s.RefValueCorrect += o.RefValueCorrect
}

// RecognizersError is one case scored wrong.
type RecognizersError struct {
	File string `json:"file"`
	// Kind is "value" for a wrong or missing value, "span" for a right
	// value with a span that differs.
	Kind string `json:"kind"`
	// Ref marks a case counted in the reference-time figure.
	Ref   bool   `json:"ref"`
	Input string `json:"input"`
	Want  string `json:"want"`
	Got   string `json:"got"`
}

// RecognizersReport holds the scores per spec file and overall.
type RecognizersReport struct {
	Files   map[string]RecognizersScore `json:"files"`
	Overall RecognizersScore            `json:"overall"`
	Errors  []RecognizersError          `json:"errors,omitempty"`
}

// recCase is one Recognizers-Text test case.
type recCase struct {
	Input   string `json:"Input"`
	Context *struct {
		ReferenceDateTime string `json:"ReferenceDateTime"`
	} `json:"Context"`
	Results []recResult `json:"Results"`
}

type recResult struct {
	Text       string          `json:"Text"`
	Start      int             `json:"Start"`
	Length     *int            `json:"Length"`
	End        *int            `json:"End"`
	Type       string          `json:"Type"`
	TypeName   string          `json:"TypeName"`
	Value      json.RawMessage `json:"Value"`
	Resolution json.RawMessage `json:"Resolution"`
}

// hamzaFold writes the hamza seats أ إ آ as ا (each two bytes for two,
// so offsets in the folded text are offsets in the text).
var hamzaFold = strings.NewReplacer("أ", "ا", "إ", "ا", "آ", "ا")

// span returns the trimmed code point span of an expected result.
func (r recResult) span(input string) (int, int) {
	start := r.Start
	n := len([]rune(r.Text))
	if r.Length != nil {
		n = *r.Length
	} else if r.End != nil {
		n = *r.End - r.Start + 1
	}
	text := []rune(r.Text)
	lead := len(text) - len([]rune(strings.TrimLeft(r.Text, " ")))
	trail := len(text) - len([]rune(strings.TrimRight(r.Text, " ")))
	if start < 0 {
		// No offset given: find the text, hamza seats folded (the specs
		// write كل اسبوع for the input's كل أسبوع).
		in, want := hamzaFold.Replace(input), strings.TrimSpace(r.Text)
		if i := strings.Index(in, hamzaFold.Replace(want)); i >= 0 {
			start = len([]rune(in[:i]))
			return start, start + len([]rune(want))
		}
	}
	return start + lead, start + n - trail
}

// readRecognizers reads the spec files of dir (UTF-8 with a BOM).
func readRecognizers(dir string) (map[string][]recCase, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no spec files (*.json)", dir)
	}
	out := map[string][]recCase{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		data = []byte(strings.TrimPrefix(string(data), "\uFEFF"))
		var cs []recCase
		if err := json.Unmarshal(data, &cs); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out[strings.TrimSuffix(filepath.Base(p), ".json")] = cs
	}
	return out, nil
}

// recWant lists the canonical forms an expected DateTime result
// accepts (see recExpectedForms) and its TIMEX for the error list.
func recWant(r recResult) ([]string, string) {
	raw := r.Value
	if len(raw) == 0 {
		raw = r.Resolution
	}
	if len(raw) == 0 {
		return nil, ""
	}
	var v struct {
		Timex  string              `json:"Timex"`
		Past   map[string]string   `json:"PastResolution"`
		Future map[string]string   `json:"FutureResolution"`
		Values []map[string]string `json:"values"`
	}
	if json.Unmarshal(raw, &v) != nil {
		return nil, ""
	}
	res := append([]map[string]string{}, v.Values...)
	for _, m := range []map[string]string{v.Past, v.Future} {
		if len(m) > 0 {
			res = append(res, m)
		}
	}
	forms := recExpectedForms(v.Timex, res)
	shown := v.Timex
	if shown == "" && len(v.Values) > 0 {
		shown = v.Values[0]["timex"]
	}
	return forms, shown
}

// ScoreRecognizersDateTime scores timex on the DateTime spec files of
// dir, every case counted (NotSupported ones included).
func ScoreRecognizersDateTime(dir string, withErrors bool) (*RecognizersReport, error) {
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
			ref := time.Date(2016, 11, 7, 0, 0, 0, 0, time.UTC)
			hasRef := false
			if c.Context != nil && len(c.Context.ReferenceDateTime) >= 19 {
				if t, err := time.Parse("2006-01-02T15:04:05", c.Context.ReferenceDateTime[:19]); err == nil {
					ref, hasRef = t, true
				}
			}
			found := timex.ExtractWith(c.Input, ref, timex.Options{Future: true, Ranges: true})
			spanOK := len(found) == len(c.Results)
			valueOK := true
			wantsValue := false
			var wantS, gotS []string
			for _, r := range c.Results {
				st, en := r.span(c.Input)
				hit := false
				for _, f := range found {
					if f.Start == st && f.End == en {
						hit = true
					}
				}
				spanOK = spanOK && hit
				want, shown := recWant(r)
				if len(want) == 0 {
					continue
				}
				wantsValue = true
				wantS = append(wantS, shown)
				ok := false
				for _, f := range found {
					if f.Start < en && st < f.End && formsMeet(FoundValueForms(f.Value), want) {
						ok = true
					}
				}
				valueOK = valueOK && ok
			}
			if len(c.Results) == 0 {
				valueOK = len(found) == 0
			}
			for _, f := range found {
				gotS = append(gotS, fmt.Sprintf("%s@%d-%d", f.Value, f.Start, f.End))
			}
			if spanOK {
				s.SpanCorrect++
			}
			if valueOK {
				s.ValueCorrect++
			}
			if hasRef && wantsValue {
				s.WithRef++
				if valueOK {
					s.RefValueCorrect++
				}
			}
			if withErrors && (!valueOK || !spanOK) {
				kind := "value"
				if valueOK {
					kind = "span"
				}
				rep.Errors = append(rep.Errors, RecognizersError{File: name, Kind: kind, Ref: hasRef && wantsValue, Input: c.Input, Want: strings.Join(wantS, " "), Got: strings.Join(gotS, " ")})
			}
		}
		s.finish()
		rep.Files[name] = s
		rep.Overall.add(s)
	}
	rep.Overall.finish()
	return rep, nil
}
