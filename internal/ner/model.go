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
// transitions, and the gazetteer it was trained with. It is read-only
// and safe for concurrent use.
type Model struct {
	lx      *lexicon
	entries []gazEntry // gazetteer entries learned from the training data
	gaz     *gazetteer // entries and the hand-written lists
	keys    []uint64   // open-addressing table of feature hashes, 0 empty
	rows    []int32    // row of each key in w
	mask    uint64
	w       []float32 // row*numTags + tag
	trans   [numTags + 1][numTags]float32
	pool    sync.Pool
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

// newModel makes a model from weights keyed by feature hash.
func newModel(lx *lexicon, entries []gazEntry, keys []uint64, w []float32, trans *[numTags + 1][numTags]float32) *Model {
	m := &Model{lx: lx, entries: entries, w: w, trans: *trans}
	m.gaz = newGazetteer(append(slices.Clip(lx.hand), entries...))
	size := 1
	for size < 2*len(keys)+2 {
		size <<= 1
	}
	m.keys = make([]uint64, size)
	m.rows = make([]int32, size)
	m.mask = uint64(size - 1)
	for r, k := range keys {
		if k == 0 {
			k = 1
		}
		for i := k & m.mask; ; i = (i + 1) & m.mask {
			if m.keys[i] == 0 {
				m.keys[i], m.rows[i] = k, int32(r)
				break
			}
		}
	}
	return m
}

// row returns the weight row of feature hash k, or -1.
func (m *Model) row(k uint64) int32 {
	if k == 0 {
		k = 1
	}
	for i := k & m.mask; ; i = (i + 1) & m.mask {
		switch m.keys[i] {
		case k:
			return m.rows[i]
		case 0:
			return -1
		}
	}
}

// Tag returns the BIO tag of each token of one sentence, tokens as
// written (untokenized text should go through Recognize instead).
func (m *Model) Tag(tokens []string) []Tag {
	s := m.getScratch()
	defer m.pool.Put(s)
	s.analyze(m.lx, m.gaz, tokens)
	return slices.Clone(m.decode(s))
}

func (m *Model) getScratch() *scratch {
	if s, ok := m.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{}
}

// decode runs Viterbi over the analyzed sentence in s and returns the
// best tags, in s.tags.
func (m *Model) decode(s *scratch) []Tag {
	n := len(s.toks)
	if cap(s.score) < n*numTags {
		s.score = make([]float32, n*numTags, 2*n*numTags)
		s.back = make([]uint8, n*numTags, 2*n*numTags)
	}
	s.score, s.back = s.score[:n*numTags], s.back[:n*numTags]
	for i := 0; i < n; i++ {
		var em [numTags]float32
		s.feats = features(s.toks, s.gaz, i, s.feats[:0])
		for _, f := range s.feats {
			if r := m.row(f); r >= 0 {
				w := m.w[int(r)*numTags : int(r)*numTags+numTags]
				for t := range em {
					em[t] += w[t]
				}
			}
		}
		sc := s.score[i*numTags : i*numTags+numTags]
		for t := 0; t < numTags; t++ {
			if i == 0 {
				if allowed(numTags, Tag(t)) {
					sc[t] = em[t] + m.trans[numTags][t]
				} else {
					sc[t] = float32(math.Inf(-1))
				}
				continue
			}
			prev := s.score[(i-1)*numTags : i*numTags]
			best, bp := float32(math.Inf(-1)), 0
			for p := 0; p < numTags; p++ {
				if !allowed(p, Tag(t)) {
					continue
				}
				if v := prev[p] + m.trans[p][t]; v > best {
					best, bp = v, p
				}
			}
			sc[t] = best + em[t]
			s.back[i*numTags+t] = uint8(bp)
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

// modelMagic begins an encoded model.
const modelMagic = "rasid-ner-1\n"

// WriteTo writes the model in its compact binary form (gzip of the
// gazetteer learned in training, the transitions, and the feature
// weights quantized to 16 bits).
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
	for p := range m.trans {
		for _, x := range m.trans[p] {
			uv(uint64(math.Float32bits(x)))
		}
	}
	// Features sorted by hash, delta coded.
	type kr struct {
		k uint64
		r int32
	}
	var feats []kr
	var maxAbs float32
	for i, k := range m.keys {
		if k != 0 {
			feats = append(feats, kr{k, m.rows[i]})
		}
	}
	for _, x := range m.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
	}
	slices.SortFunc(feats, func(a, b kr) int {
		switch {
		case a.k < b.k:
			return -1
		case a.k > b.k:
			return 1
		}
		return 0
	})
	scale := maxAbs / 32000
	if scale == 0 {
		scale = 1
	}
	uv(uint64(math.Float32bits(scale)))
	uv(uint64(len(feats)))
	var prev uint64
	for _, f := range feats {
		uv(f.k - prev)
		prev = f.k
		row := m.w[int(f.r)*numTags : int(f.r)*numTags+numTags]
		var q [numTags]int64
		var bits uint64
		for t, x := range row {
			q[t] = int64(math.Round(float64(x / scale)))
			if q[t] != 0 {
				bits |= 1 << t
			}
		}
		uv(bits)
		for t := range q {
			if q[t] != 0 {
				sv(q[t])
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	if err := zw.Close(); err != nil {
		return cw.n, err
	}
	return cw.n, cw.err
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
	fail := func(what string, err error) (*Model, error) {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("ner model: reading %s: %w", what, err)
	}
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
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
	var trans [numTags + 1][numTags]float32
	for p := range trans {
		for t := range trans[p] {
			x, err := binary.ReadUvarint(br)
			if err != nil {
				return fail("transitions", err)
			}
			trans[p][t] = math.Float32frombits(uint32(x))
		}
	}
	sb, err := binary.ReadUvarint(br)
	if err != nil {
		return fail("scale", err)
	}
	scale := math.Float32frombits(uint32(sb))
	nf, err := binary.ReadUvarint(br)
	if err != nil || nf > maxModelFeatures {
		return fail("feature count", err)
	}
	keys := make([]uint64, nf)
	w := make([]float32, int(nf)*numTags)
	var prev uint64
	for i := range keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return fail("features", err)
		}
		prev += d
		keys[i] = prev
		bits, err := binary.ReadUvarint(br)
		if err != nil {
			return fail("features", err)
		}
		for t := 0; t < numTags; t++ {
			if bits&(1<<t) == 0 {
				continue
			}
			q, err := binary.ReadVarint(br)
			if err != nil {
				return fail("weights", err)
			}
			w[i*numTags+t] = float32(q) * scale
		}
	}
	return newModel(loadLexicon(), entries, keys, w, &trans), nil
}
