package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/rasid-news/rasid/internal/arabic"
)

// StemRow is one row of a word/stem gold file.
type StemRow struct {
	Word string
	Stem string
}

// ReadStemTSV reads a tab-separated word/stem gold file (the Golden Arabic
// Corpus layout: word, stem, and optional further columns such as the
// root). A first line whose first field is "word" is a header. name names
// the input in errors.
func ReadStemTSV(r io.Reader, name string) ([]StemRow, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var rows []StemRow
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			continue
		}
		f := strings.Split(text, "\t")
		if line == 1 && strings.EqualFold(strings.TrimSpace(f[0]), "word") {
			continue
		}
		if len(f) < 2 || strings.TrimSpace(f[0]) == "" || strings.TrimSpace(f[1]) == "" {
			return nil, fmt.Errorf("%s: line %d: want word<TAB>stem, got %q", name, line, text)
		}
		rows = append(rows, StemRow{Word: strings.TrimSpace(f[0]), Stem: strings.TrimSpace(f[1])})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: line %d: %w", name, line, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no word/stem rows", name)
	}
	return rows, nil
}

// StemReport is the quality of a stemmer on word/stem gold data: exact
// stem accuracy, and pairwise conflation over all pairs of rows (a pair
// with the same gold stem should get the same predicted stem, and the
// other way round).
type StemReport struct {
	Rows                int     `json:"rows"`
	Correct             int     `json:"correct"`
	Accuracy            float64 `json:"accuracy"`
	Conflation          PRF     `json:"conflation"` // counts are pairs of rows
	ConflationPrecision float64 `json:"conflation_precision"`
	ConflationRecall    float64 `json:"conflation_recall"`
	ConflationF1        float64 `json:"conflation_f1"`
	Errors              []Miss  `json:"errors,omitempty"`
}

// Miss is a word whose predicted stem differs from the gold stem.
type Miss struct {
	Word string `json:"word"`
	Gold string `json:"gold"`
	Got  string `json:"got"`
}

// ScoreStems scores stem, a stemmer, on rows. Both stems are normalized
// with arabic.NormalizeString before they are compared.
func ScoreStems(rows []StemRow, stem func(string) string) StemReport {
	type cell struct{ gold, pred string }
	goldN := map[string]int{}
	predN := map[string]int{}
	both := map[cell]int{}
	rep := StemReport{Rows: len(rows)}
	for _, r := range rows {
		g := arabic.NormalizeString(r.Stem)
		p := arabic.NormalizeString(stem(r.Word))
		if g == p {
			rep.Correct++
		} else {
			rep.Errors = append(rep.Errors, Miss{Word: r.Word, Gold: g, Got: p})
		}
		goldN[g]++
		predN[p]++
		both[cell{g, p}]++
	}
	pairs := func(n int) int { return n * (n - 1) / 2 }
	tp, goldPairs, predPairs := 0, 0, 0
	for _, n := range both {
		tp += pairs(n)
	}
	for _, n := range goldN {
		goldPairs += pairs(n)
	}
	for _, n := range predN {
		predPairs += pairs(n)
	}
	rep.Accuracy = ratio(rep.Correct, rep.Rows)
	rep.Conflation = PRF{TP: tp, FP: predPairs - tp, FN: goldPairs - tp}.Score()
	rep.ConflationPrecision = rep.Conflation.Precision
	rep.ConflationRecall = rep.Conflation.Recall
	rep.ConflationF1 = rep.Conflation.F1
	return rep
}
