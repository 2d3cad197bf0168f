package ner

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"sync"

	"github.com/rasid-news/rasid/internal/arabic"
)

// TrainOptions configures Train. The zero value trains with the defaults.
type TrainOptions struct {
	// Epochs is the number of passes over the data (default 14).
	Epochs int
	// Folds is the number of parts the data is cut into for the
	// gazetteer features and the first-pass tags the second pass learns
	// from: a training sentence sees the gazetteer built from the other
	// parts, and first-pass tags from a model trained on the other
	// parts, so that the model does not learn to trust either more than
	// it deserves on unseen text (default 5).
	Folds int
	// Seed fixes the order of the sentences in each epoch.
	Seed uint64
	// Progress, when set, is called after each epoch with the averaged
	// model so far.
	Progress func(epoch int, m *Model)
	// SinglePass trains the first pass only: each sentence is then
	// tagged alone.
	SinglePass bool
	// Log, when set, receives a line per epoch.
	Log io.Writer
}

// Train trains a model on tagged sentences with the averaged structured
// perceptron (Collins 2002). The sentences are taken as running text, in
// order: the second pass of the model looks at the sentences around
// each one. It is deterministic: the same data and options give the
// same model.
func Train(data []Sentence, opt TrainOptions) (*Model, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 14
	}
	if opt.Folds <= 1 {
		opt.Folds = 5
	}
	for i, s := range data {
		if len(s.Tags) != len(s.Tokens) {
			return nil, fmt.Errorf("ner train: sentence %d has %d tokens and %d tags", i+1, len(s.Tokens), len(s.Tags))
		}
	}
	if len(data) == 0 {
		return nil, errors.New("ner train: no tagged sentences")
	}
	lx := loadLexicon()
	entries := gazetteerEntries(data)
	if opt.SinglePass || len(data) < 2*opt.Folds {
		st := trainStage(lx, data, nil, opt, minWeight, func(epoch int, st *stage) {
			if opt.Progress != nil {
				opt.Progress(epoch, newModel(lx, entries, st))
			}
		})
		return newModel(lx, entries, st), nil
	}
	// The first pass, and its tags of each part of the data from a model
	// trained on the other parts (stacking).
	quiet := opt
	quiet.Log = nil
	if opt.Log != nil {
		fmt.Fprintln(opt.Log, "first pass")
	}
	var first *stage
	tags := make([][]Tag, len(data))
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	wg.Add(1)
	go func() {
		defer wg.Done()
		sem <- struct{}{}
		defer func() { <-sem }()
		first = trainStage(lx, data, nil, opt, minWeight, nil)
	}()
	for k := 0; k < opt.Folds; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var held [][]string
			var rest []Sentence
			for i, s := range data {
				if foldOf(i, opt.Folds, len(data)) == k {
					held = append(held, s.Tokens)
				} else {
					rest = append(rest, s)
				}
			}
			mk := newModel(lx, gazetteerEntries(rest), trainStage(lx, rest, nil, quiet, stackWeight, nil))
			got := mk.tagText(&scratch{}, held)
			n := 0
			for i := range data {
				if foldOf(i, opt.Folds, len(data)) == k {
					tags[i] = got[n]
					n++
				}
			}
		}()
	}
	wg.Wait()
	if opt.Log != nil {
		fmt.Fprintf(opt.Log, "first pass on each of %d parts, from the other parts\n", opt.Folds)
	}
	infos := make([][]tokenInfo, len(data))
	var s scratch
	noGaz := newGazetteer(nil) // docContext reads no gazetteer bit
	for i, d := range data {
		s.analyze(lx, noGaz, d.Tokens)
		infos[i] = append([]tokenInfo(nil), s.toks...)
	}
	docs := docContext(infos, tags)
	if opt.Log != nil {
		fmt.Fprintln(opt.Log, "second pass")
	}
	second := trainStage(lx, data, docs, opt, minWeight, func(epoch int, st *stage) {
		if opt.Progress != nil {
			opt.Progress(epoch, newModel(lx, entries, first, st))
		}
	})
	return newModel(lx, entries, first, second), nil
}

// foldOf is the fold of sentence i of n cut into folds contiguous
// parts, the cut of both the stacking in Train and the gazetteers of
// trainStage.
func foldOf(i, folds, n int) int { return i * folds / n }

// FoldOf is the fold, from 0 to folds-1, of sentence i of n sentences cut
// into folds contiguous parts of nearly equal size: the cut Train uses
// for its stacking and gazetteers, and rasid eval ner --cv for
// cross-validation. Every fold holds a sentence when folds <= n.
func FoldOf(i, folds, n int) int { return foldOf(i, folds, n) }

// trainStage trains the weights of one pass on data; docs, when not nil,
// holds the first pass's view of every token for the features of the
// second. progress, when not nil, is called after each epoch with the
// averaged weights so far.
func trainStage(lx *lexicon, data []Sentence, docs [][]docTok, opt TrainOptions, minW float32, progress func(int, *stage)) *stage {
	// The gazetteer of each fold: the hand lists and the entries of the
	// other folds.
	foldGaz := make([]*gazetteer, opt.Folds)
	for f := range foldGaz {
		var rest []Sentence
		for i, s := range data {
			if foldOf(i, opt.Folds, len(data)) != f {
				rest = append(rest, s)
			}
		}
		foldGaz[f] = newGazetteer(append(append([]gazEntry(nil), lx.hand...), gazetteerEntries(rest)...))
	}
	// Features of every token, computed once.
	index := map[uint64]int32{}
	var keys []uint64
	type sent struct {
		feats []int32 // feature rows of all tokens
		start []int32 // start of each token's features in feats
		tags  []Tag
	}
	sents := make([]sent, len(data))
	var s scratch
	fs := passFeatures(0)
	if docs != nil {
		fs = passFeatures(1)
	}
	for i, d := range data {
		s.analyze(lx, foldGaz[foldOf(i, opt.Folds, len(data))], d.Tokens)
		st := sent{tags: d.Tags, start: make([]int32, len(d.Tokens)+1)}
		for j := range d.Tokens {
			st.start[j] = int32(len(st.feats))
			s.feats = fs.all(s.toks, s.owns, s.gaz, j, s.feats[:0])
			if docs != nil {
				s.feats = docFeatures(docs[i], j, s.feats)
			}
			for _, f := range s.feats {
				if f == 0 {
					f = 1
				}
				r, ok := index[f]
				if !ok {
					r = int32(len(keys))
					index[f] = r
					keys = append(keys, f)
				}
				st.feats = append(st.feats, r)
			}
		}
		st.start[len(d.Tokens)] = int32(len(st.feats))
		sents[i] = st
	}
	nf := len(keys)
	w := make([]float32, nf*numTags)
	acc := make([]float32, nf*numTags) // sum of c*update, for averaging
	var trans, transAcc [numTags + 1][numTags]float32
	c := float32(1)
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5eed))
	var pred []Tag
	var score []float32
	var back []uint8
	averaged := func() *stage {
		aw := make([]float32, len(w))
		for i := range w {
			aw[i] = w[i] - acc[i]/c
		}
		var at [numTags + 1][numTags]float32
		for p := range at {
			for t := range at[p] {
				at[p][t] = trans[p][t] - transAcc[p][t]/c
			}
		}
		// Keep only the features with a weight of a full update or more
		// for some tag.
		var kk []uint64
		var ww []float32
		for r := 0; r < nf; r++ {
			row := aw[r*numTags : r*numTags+numTags]
			for _, x := range row {
				if x >= minW || x <= -minW {
					kk = append(kk, keys[r])
					ww = append(ww, row...)
					break
				}
			}
		}
		return newStage(kk, ww, &at)
	}
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		errs := 0
		for _, si := range order {
			st := &sents[si]
			n := len(st.tags)
			feats, start := st.feats, st.start
			pred, score, back = viterbi(w, &trans, feats, start, pred, score, back)
			same := true
			for j := 0; j < n; j++ {
				if pred[j] != st.tags[j] {
					same = false
					break
				}
			}
			if !same {
				errs++
				for j := 0; j < n; j++ {
					g, p := st.tags[j], pred[j]
					gp, pp := numTags, numTags
					if j > 0 {
						gp, pp = int(st.tags[j-1]), int(pred[j-1])
					}
					if g == p && gp == pp {
						continue
					}
					trans[gp][g]++
					transAcc[gp][g] += c
					trans[pp][p]--
					transAcc[pp][p] -= c
					if g == p {
						continue
					}
					for _, r := range feats[start[j]:start[j+1]] {
						o := int(r) * numTags
						w[o+int(g)]++
						acc[o+int(g)] += c
						w[o+int(p)]--
						acc[o+int(p)] -= c
					}
				}
			}
			c++
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "epoch %d: %d of %d sentences wrong, %d features\n", epoch, errs, len(sents), nf)
		}
		if progress != nil && epoch < opt.Epochs {
			progress(epoch, averaged())
		}
	}
	st := averaged()
	if progress != nil {
		progress(opt.Epochs, st)
	}
	return st
}

// minWeight is the least averaged weight, for some tag, of a feature
// a trained model keeps. About half the features of a trained model
// have less than one update (most were updated once or twice and
// averaged down); keeping those of one update or more halved the model (2.7 -> 1.6 MB) at no cost in
// quality when it was introduced (commit 6bbe926: dev micro F1 0.714 ->
// 0.718 by go run ./cmd/rasid eval ner --data
// ../shared/data/anercorp/dev.txt; 5-fold CV on train 0.7380 -> 0.7378 by
// a scratch test of what go run ./cmd/rasid eval ner --cv 5 --data
// ../shared/data/anercorp/train.txt runs). Two updates or more, for the
// shipped stages only (stackWeight), took the model of 2026-12-07 from
// 1.2 MB to 790 kB and its first-pass features from 55k to 33k, dev
// 0.7408 -> 0.7406, CV 0.7396 -> 0.7389 (the seeds alone move it by
// 0.3-0.4), and made a new word's weight lookups faster.
const minWeight = 2.0

// stackWeight is minWeight for the models that tag the training data
// for the second pass (stacking): pruned less, they tag it as the
// unpruned first pass would (the CV figure above was measured so).
const stackWeight = 1.0

// viterbi decodes a sentence given by its feature rows under dense
// weights w, during training.
func viterbi(w []float32, trans *[numTags + 1][numTags]float32, feats, start []int32, tags []Tag, score []float32, back []uint8) ([]Tag, []float32, []uint8) {
	n := len(start) - 1
	score = append(score[:0], make([]float32, n*numTags)...)
	back = append(back[:0], make([]uint8, n*numTags)...)
	const negInf = -1e30
	for i := 0; i < n; i++ {
		var em [numTags]float32
		for _, r := range feats[start[i]:start[i+1]] {
			row := w[int(r)*numTags : int(r)*numTags+numTags]
			for t := range em {
				em[t] += row[t]
			}
		}
		for t := 0; t < numTags; t++ {
			if i == 0 {
				score[t] = negInf
				if allowed(numTags, Tag(t)) {
					score[t] = em[t] + trans[numTags][t]
				}
				continue
			}
			best, bp := float32(negInf), 0
			for p := 0; p < numTags; p++ {
				if !allowed(p, Tag(t)) {
					continue
				}
				if v := score[(i-1)*numTags+p] + trans[p][t]; v > best {
					best, bp = v, p
				}
			}
			score[i*numTags+t] = best + em[t]
			back[i*numTags+t] = uint8(bp)
		}
	}
	tags = append(tags[:0], make([]Tag, n)...)
	if n == 0 {
		return tags, score, back
	}
	bt := 0
	for t := 1; t < numTags; t++ {
		if score[(n-1)*numTags+t] > score[(n-1)*numTags+bt] {
			bt = t
		}
	}
	for i := n - 1; i >= 0; i-- {
		tags[i] = Tag(bt)
		bt = int(back[i*numTags+bt])
	}
	return tags, score, back
}

// gazetteerEntries returns the names tagged in data that are names more
// often than not: each phrase with the type it is most often tagged with.
func gazetteerEntries(data []Sentence) []gazEntry {
	type counts struct {
		words  []string
		byType [numTypes]int
		order  int
	}
	phrases := map[string]*counts{}
	other := map[string]int{} // times a word is tagged O
	for _, s := range data {
		norm := make([]string, len(s.Tokens))
		for i, t := range s.Tokens {
			norm[i] = arabic.NormalizeString(t)
			if s.Tags[i] == O {
				other[norm[i]]++
			}
		}
		for _, ch := range Chunks(s.Tags) {
			ws := norm[ch.Start:ch.End]
			key := fmt.Sprint(ws)
			c := phrases[key]
			if c == nil {
				c = &counts{words: ws, order: len(phrases)}
				phrases[key] = c
			}
			c.byType[ch.Type]++
		}
	}
	out := make([]gazEntry, len(phrases))
	keep := make([]bool, len(phrases))
	for _, c := range phrases {
		best, total := Type(0), 0
		for t, n := range c.byType {
			total += n
			if n > c.byType[best] {
				best = Type(t)
			}
		}
		if len(c.words) == 1 && 2*c.byType[best] < total+other[c.words[0]] {
			continue
		}
		out[c.order] = gazEntry{words: c.words, typ: best}
		keep[c.order] = true
	}
	var kept []gazEntry
	for i, e := range out {
		if keep[i] {
			kept = append(kept, e)
		}
	}
	return kept
}
