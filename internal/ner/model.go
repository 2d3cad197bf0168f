package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
)

// Model is a trained entity tagger: the weights of its features and tag
// transitions, and the gazetteer it was trained with. It is safe for
// concurrent use; its weights never change once built, and it remembers
// the words it has analyzed (tokenMemo), up to a bound.
type Model struct {
	lx      *lexicon
	entries []gazEntry // gazetteer entries learned from the training data
	gaz     *gazetteer // entries and the hand-written lists
	// stages holds the weights of the tagger's passes: the first tags
	// each sentence alone; the second, when there is one, also sees the
	// first pass's tags of the same words elsewhere in the text.
	stages []*stage
	pool   sync.Pool
	memo   tokenMemo
}

// stage holds the weights of one pass of the tagger.
type stage struct {
	feats hashTable[[numTags]int16] // feature hash → its weight for each tag
	scale float32                   // the weight of one quantum of slot.w
	trans [numTags + 1][numTags]float32
	// paths is trans with -Inf where allowed forbids the transition.
	paths [numTags + 1][numTags]float32
}

// The model embedded in the binary, rebuilt with
//
//	go run ./cmd/rasid train ner --data ../shared/data/anercorp/train.txt --out internal/ner/model/ner.bin
//
//go:embed model/ner.bin
var embeddedModel []byte

// Default returns the embedded model, decoded once on first use.
var Default = sync.OnceValues(func() (*Model, error) {
	return ReadModel(bytes.NewReader(embeddedModel))
})

// allowed reports whether tag cur may follow tag prev (numTags for the
// start of a sentence): an I- tag only continues its own type.
func allowed(prev int, cur Tag) bool {
	if cur == O || cur.IsBegin() {
		return true
	}
	return prev != numTags && Tag(prev) != O && Tag(prev).Type() == cur.Type()
}

// newModel makes a model from the weights of its stages.
func newModel(lx *lexicon, entries []gazEntry, stages ...*stage) *Model {
	m := &Model{lx: lx, entries: entries, stages: stages}
	m.gaz = newGazetteer(append(slices.Clip(lx.hand), entries...))
	return m
}

// slot is an entry of a stage's feature table: a feature hash and its
// weight for each tag, quantized to 16 bits, side by side in 32 bytes so
// that a lookup reads one cache line.
type slot = hashSlot[[numTags]int16]

// newStage makes a stage from weights keyed by feature hash, w holding
// numTags weights per key. The weights are quantized to 16 bits.
func newStage(keys []uint64, w []float32, trans *[numTags + 1][numTags]float32) *stage {
	var maxAbs float32
	for _, x := range w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
	}
	scale := maxAbs / 32000
	if scale == 0 {
		scale = 1
	}
	q := make([]int16, len(w))
	for i, x := range w {
		q[i] = int16(math.Round(float64(x / scale)))
	}
	return newStageQ(keys, q, scale, trans)
}

// newStageQ makes a stage from quantized weights.
func newStageQ(keys []uint64, q []int16, scale float32, trans *[numTags + 1][numTags]float32) *stage {
	m := &stage{feats: newHashTable[[numTags]int16](len(keys)), scale: scale, trans: *trans}
	for p := range m.paths {
		for t := range m.paths[p] {
			m.paths[p][t] = m.trans[p][t]
			if !allowed(p, Tag(t)) {
				m.paths[p][t] = float32(math.Inf(-1))
			}
		}
	}
	for r, k := range keys {
		copy(m.feats.put(k)[:], q[r*numTags:r*numTags+numTags])
	}
	return m
}

// Tag returns the BIO tag of each token of one sentence, tokens as
// written (untokenized text should go through Recognize instead).
func (m *Model) Tag(tokens []string) []Tag {
	s := m.getScratch()
	defer m.pool.Put(s)
	return m.tagText(s, [][]string{tokens})[0]
}

// TagSentences returns the BIO tags of the tokens of each sentence of
// one text, in order. Unlike Tag on each sentence alone, a name is
// recognized with the help of the same word elsewhere in the text (the
// sentences within docWindow on either side).
func (m *Model) TagSentences(sents [][]string) [][]Tag {
	s := m.getScratch()
	defer m.pool.Put(s)
	return m.tagText(s, sents)
}

func (m *Model) getScratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{}
}

// sum adds the weights of the features feats for each tag to sum.
func (m *stage) sum(feats []uint64, sum *[numTags]int32) {
	for _, f := range feats {
		if sl := m.feats.find(f); sl != nil {
			for t := range sum {
				sum[t] += int32(sl.val[t])
			}
		}
	}
}

// decode runs Viterbi with the weights of stage m, the model's stage k,
// over the sentence in s as Model.analyze left it, and returns the best
// tags, in s.tags. doc, when not nil, holds the first pass's view of
// each token of the sentence.
func (m *stage) decode(s *scratch, k int, doc []docTok) []Tag {
	n := len(s.toks)
	if cap(s.score) < n*numTags {
		s.score = make([]float32, n*numTags, 2*n*numTags)
		s.back = make([]uint8, n*numTags, 2*n*numTags)
	}
	s.score, s.back = s.score[:n*numTags], s.back[:n*numTags]
	fs := passFeatures(k)
	for i := 0; i < n; i++ {
		sum := s.sums[i][k][0]
		for _, r := range fs.near {
			if j := i + neighbourOffsets[r]; j >= 0 && j < n {
				nb := &s.sums[j][k][1+r]
				for t := range sum {
					sum[t] += nb[t]
				}
			}
		}
		s.feats = fs.context(s.toks, s.gaz, i, s.feats[:0])
		if doc != nil {
			s.feats = docFeatures(doc, i, s.feats)
		}
		m.sum(s.feats, &sum)
		var em [numTags]float32
		for t := range em {
			em[t] = float32(sum[t]) * m.scale
		}
		sc := s.score[i*numTags : i*numTags+numTags]
		if i == 0 {
			for t := range sc {
				sc[t] = em[t] + m.paths[numTags][t]
			}
			continue
		}
		prev := (*[numTags]float32)(s.score[(i-1)*numTags : i*numTags])
		back := s.back[i*numTags : i*numTags+numTags]
		for t := 0; t < numTags; t++ {
			if Tag(t) != O && !Tag(t).IsBegin() {
				// I- continues its B- or I- only (allowed), and a
				// proclitic before a name begins a new one.
				b := t - 1
				if s.toks[i].cliticName {
					sc[t], back[t] = float32(math.Inf(-1)), 0
					continue
				}
				if vb, vi := prev[b]+m.trans[b][t], prev[t]+m.trans[t][t]; vi > vb {
					sc[t], back[t] = vi+em[t], uint8(t)
				} else {
					sc[t], back[t] = vb+em[t], uint8(b)
				}
				continue
			}
			best, bp := float32(math.Inf(-1)), 0
			for p, v := range prev {
				if v += m.paths[p][t]; v > best {
					best, bp = v, p
				}
			}
			sc[t] = best + em[t]
			back[t] = uint8(bp)
		}
	}
	s.tags = s.tags[:0]
	if n == 0 {
		return s.tags
	}
	s.tags = append(s.tags, make([]Tag, n)...)
	last := s.score[(n-1)*numTags:]
	bt := 0
	for t := 1; t < numTags; t++ {
		if last[t] > last[bt] {
			bt = t
		}
	}
	for i := n - 1; i >= 0; i-- {
		s.tags[i] = Tag(bt)
		bt = int(s.back[i*numTags+bt])
	}
	return s.tags
}

// Magic lines that begin an encoded model: version 1 has one stage,
// version 2 a count of stages.
const (
	modelMagic1 = "rasid-ner-1\n"
	modelMagic  = "rasid-ner-2\n"
)

// maxStages bounds the stages of a model: Train makes one or two.
const maxStages = 2

// WriteTo writes the model in its compact binary form (gzip of the
// gazetteer learned in training, then of each stage the transitions and
// the feature weights quantized to 16 bits).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, _ := gzip.NewWriterLevel(cw, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	sv := func(x int64) { bw.Write(buf[:binary.PutVarint(buf[:], x)]) }
	bw.WriteString(modelMagic)
	uv(uint64(len(m.entries)))
	for _, e := range m.entries {
		s := strings.Join(e.words, " ")
		bw.WriteByte(byte(e.typ))
		uv(uint64(len(s)))
		bw.WriteString(s)
	}
	uv(uint64(len(m.stages)))
	for _, st := range m.stages {
		st.write(uv, sv)
	}
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	if err := zw.Close(); err != nil {
		return cw.n, err
	}
	return cw.n, cw.err
}

// write encodes the stage with the varint writers uv and sv.
func (m *stage) write(uv func(uint64), sv func(int64)) {
	for p := range m.trans {
		for _, x := range m.trans[p] {
			uv(uint64(math.Float32bits(x)))
		}
	}
	// Features sorted by hash, delta coded.
	var feats []*slot
	for i := range m.feats.slots {
		if m.feats.slots[i].key != 0 {
			feats = append(feats, &m.feats.slots[i])
		}
	}
	slices.SortFunc(feats, func(a, b *slot) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	uv(uint64(math.Float32bits(m.scale)))
	uv(uint64(len(feats)))
	var prev uint64
	for _, f := range feats {
		uv(f.key - prev)
		prev = f.key
		var bits uint64
		for t, q := range f.val {
			if q != 0 {
				bits |= 1 << t
			}
		}
		uv(bits)
		for _, q := range f.val {
			if q != 0 {
				sv(int64(q))
			}
		}
	}
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

// maxModelFeatures bounds the features of a model read from outside.
const maxModelFeatures = 1 << 26

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	br := bufio.NewReader(zr)
	fail := func(what string, err error) (*Model, error) { return nil, readError(what, err) }
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic && string(magic) != modelMagic1 {
		return nil, errors.New("ner model: not a rasid NER model (bad header)")
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<22 {
		return fail("gazetteer size", err)
	}
	entries := make([]gazEntry, 0, n)
	for range n {
		t, err := br.ReadByte()
		if err != nil || Type(t) >= numTypes {
			return fail("gazetteer type", err)
		}
		l, err := binary.ReadUvarint(br)
		if err != nil || l > 1<<16 {
			return fail("gazetteer phrase", err)
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(br, b); err != nil {
			return fail("gazetteer phrase", err)
		}
		entries = append(entries, gazEntry{words: strings.Fields(string(b)), typ: Type(t)})
	}
	nstages := uint64(1)
	if string(magic) == modelMagic {
		nstages, err = binary.ReadUvarint(br)
		if err != nil || nstages == 0 || nstages > maxStages {
			return fail("stage count", err)
		}
	}
	stages := make([]*stage, nstages)
	for i := range stages {
		if stages[i], err = readStage(br); err != nil {
			return nil, err
		}
	}
	return newModel(loadLexicon(), entries, stages...), nil
}

// readError is the error of a model that could not be read.
func readError(what string, err error) error {
	switch {
	case err == nil:
		return fmt.Errorf("ner model: reading %s: value out of range", what)
	case errors.Is(err, io.EOF):
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("ner model: reading %s: %w", what, err)
}

// readStage reads one stage written by stage.write.
func readStage(br *bufio.Reader) (*stage, error) {
	failS := func(what string, err error) (*stage, error) { return nil, readError(what, err) }
	var trans [numTags + 1][numTags]float32
	for p := range trans {
		for t := range trans[p] {
			x, err := binary.ReadUvarint(br)
			if err != nil {
				return failS("transitions", err)
			}
			trans[p][t] = math.Float32frombits(uint32(x))
		}
	}
	sb, err := binary.ReadUvarint(br)
	if err != nil {
		return failS("scale", err)
	}
	scale := math.Float32frombits(uint32(sb))
	nf, err := binary.ReadUvarint(br)
	if err != nil || nf > maxModelFeatures {
		return failS("feature count", err)
	}
	keys := make([]uint64, nf)
	w := make([]int16, int(nf)*numTags)
	var prev uint64
	for i := range keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return failS("features", err)
		}
		prev += d
		keys[i] = prev
		bits, err := binary.ReadUvarint(br)
		if err != nil {
			return failS("features", err)
		}
		for t := 0; t < numTags; t++ {
			if bits&(1<<t) == 0 {
				continue
			}
			q, err := binary.ReadVarint(br)
			if err != nil || q < math.MinInt16 || q > math.MaxInt16 {
				return failS("weights", err)
			}
			w[i*numTags+t] = int16(q)
		}
	}
	return newStageQ(keys, w, scale, &trans), nil
}
