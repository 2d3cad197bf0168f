package eval

import (
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/rasid-news/rasid/internal/ner"
)

// NERFold is the score of one fold of a cross-validation of the entity
// tagger: the fold's sentences tagged by a tagger trained on the others.
type NERFold struct {
	// Fold counts from 1.
	Fold int `json:"fold"`
	// First and Last are the fold's first and last sentences, counted
	// from 1 in the data.
	First int `json:"first_sentence"`
	Last  int `json:"last_sentence"`
	NERReport
}

// NERCVReport is the score of a K-fold cross-validation of the entity
// tagger.
type NERCVReport struct {
	Folds []NERFold `json:"folds"`
	// Pooled scores the held-out folds together: the true positives,
	// false positives and false negatives of all folds are summed, per
	// type and in all, and precision, recall and F1 computed from the
	// sums (the folds' F1s are not averaged).
	Pooled NERReport `json:"pooled"`
	// Pooling says how Pooled was computed, for readers of the JSON.
	Pooling string `json:"pooling"`
	// FoldF1Mean and FoldF1SD are the mean and the sample standard
	// deviation of the folds' micro F1s: how much the figure moves from
	// one part of the data to another.
	FoldF1Mean float64 `json:"fold_f1_mean"`
	FoldF1SD   float64 `json:"fold_f1_sd"`
}

// NERPooling is NERCVReport.Pooling.
const NERPooling = "entity counts summed over the folds, then P/R/F1; not the mean of the folds' F1s"

// NERTrainer trains an entity tagger on sentences taken as running text
// and returns its tagging function, which tags sentences given together
// as one running text (as ner.Model.TagSentences does).
type NERTrainer func(train []ner.Sentence) (tagAll func(sents [][]string) [][]ner.Tag, err error)

// CrossValidateNER cuts data into k contiguous folds (ner.FoldOf, the
// cut of ner.Train's own stacking) and, for each fold, trains a tagger
// with train on the other folds, in their order, and scores it with
// ScoreNERText on the held fold tagged as one running text. At most
// parallel folds are trained at once (one when parallel < 1); the report
// does not depend on it when train is deterministic. done, when not nil,
// is called with each fold's score as it is finished, one call at a
// time, in the order the folds finish.
func CrossValidateNER(data []ner.Sentence, k, parallel int, train NERTrainer, done func(NERFold)) (NERCVReport, error) {
	rep := NERCVReport{Pooling: NERPooling}
	if k < 2 {
		return rep, fmt.Errorf("cross-validation needs 2 folds or more, not %d", k)
	}
	if k > len(data) {
		return rep, fmt.Errorf("%d folds for %d sentences: every fold needs a sentence", k, len(data))
	}
	parallel = max(1, min(parallel, k))
	folds := make([]NERFold, k)
	errs := make([]error, k)
	var (
		wg  sync.WaitGroup
		mu  sync.Mutex
		sem = make(chan struct{}, parallel)
	)
	// The folds are contiguous: fold f is data[First-1:Last].
	for i := range data {
		f := ner.FoldOf(i, k, len(data))
		if folds[f].First == 0 {
			folds[f].First = i + 1
		}
		folds[f].Last = i + 1
	}
	for f := range folds {
		wg.Add(1)
		sem <- struct{}{} // here, so that the folds start in order
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			folds[f].Fold = f + 1
			held := data[folds[f].First-1 : folds[f].Last]
			tagAll, err := train(slices.Concat(data[:folds[f].First-1], data[folds[f].Last:]))
			if err != nil {
				errs[f] = fmt.Errorf("fold %d: training: %w", f+1, err)
				return
			}
			r, err := ScoreNERText(held, tagAll)
			if err != nil {
				errs[f] = fmt.Errorf("fold %d: %w", f+1, err)
				return
			}
			folds[f].NERReport = r
			if done != nil {
				mu.Lock()
				done(folds[f])
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return rep, err
		}
	}
	rep.Folds = folds
	rep.Pooled = NERReport{PerType: map[string]PRF{}}
	var sum, sq float64
	for _, f := range folds {
		rep.Pooled = rep.Pooled.add(f.NERReport)
		sum += f.F1
	}
	rep.FoldF1Mean = sum / float64(k)
	for _, f := range folds {
		sq += (f.F1 - rep.FoldF1Mean) * (f.F1 - rep.FoldF1Mean)
	}
	rep.FoldF1SD = math.Sqrt(sq / float64(k-1))
	return rep, nil
}

// add returns r with the sentences, tokens and entity counts of q added,
// and its figures computed from the sums.
func (r NERReport) add(q NERReport) NERReport {
	out := NERReport{
		Sentences: r.Sentences + q.Sentences,
		Tokens:    r.Tokens + q.Tokens,
		PerType:   map[string]PRF{},
		correct:   r.correct + q.correct,
	}
	for _, m := range []map[string]PRF{r.PerType, q.PerType} {
		for t, p := range m {
			out.PerType[t] = out.PerType[t].Add(p)
		}
	}
	for _, p := range out.PerType {
		out.Micro = out.Micro.Add(p)
	}
	out.Precision, out.Recall, out.F1 = out.Micro.Precision, out.Micro.Recall, out.Micro.F1
	if out.Tokens > 0 {
		out.TokenAccuracy = float64(out.correct) / float64(out.Tokens)
	}
	return out
}
