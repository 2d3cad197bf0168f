// Command gen rebuilds the distributional word clusters that package ner
// embeds (clusters.txt): every frequent word of the ANT news corpus and of
// ANERcorp's training text (tokens only, no tags) gets a three-level
// cluster path, learned without supervision from the words around it.
//
// Each word is described by the positive pointwise mutual information of
// the words just to its left and right (the most frequent contextWords
// tokens, with context distribution smoothing); the vectors are then split by k-means into 16 clusters, each of those into
// 8 and each of those into 8 again (a hierarchy like Brown clusters,
// whose prefixes the tagger uses as coarse and fine word classes). The
// run is deterministic.
//
// Run it from the repository root with the shared data beside it:
//
//	go run ./internal/ner/lexicon/gen -data ../shared/data -out internal/ner/lexicon/clusters.txt
//
// SaudiNewsNet is deliberately not read: its license (CC BY-NC-SA,
// research and testing only) lets nothing derived from it ship.
package main

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rasid-news/rasid/internal/arabic"
)

const (
	minCount     = 3 // least corpus count of a clustered word
	maxWords     = 60000
	contextWords = 600 // context vocabulary
	seed         = 20070101
)

// branching is the number of clusters at each level of the hierarchy.
var branching = [...]int{16, 8, 8}

func main() {
	data := flag.String("data", "../shared/data", "the shared data folder")
	out := flag.String("out", "internal/ner/lexicon/clusters.txt", "the file to write")
	flag.Parse()
	if err := run(*data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(data, out string) error {
	var sents [][]string
	docs, err := readANT(filepath.Join(data, "news", "ant-jawharafm", "ant_v1.1_jawharafm.tar.gz"), func(s []string) { sents = append(sents, s) })
	if err != nil {
		return err
	}
	if err := readCoNLLTokens(filepath.Join(data, "anercorp", "train.txt"), func(s []string) { sents = append(sents, s) }); err != nil {
		return err
	}
	vecs, words, counts := vectors(sents)
	paths := cluster(vecs)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "# Distributional clusters of normalized words of the ANT corpus v1.1 (JawharaFM, %d articles; Apache-2.0, cite Chouigui et al. 2017) and the tokens of ANERcorp train.txt (CC BY-SA 4.0): word, cluster path (levels %v), count (>= %d).\n", docs, branching, minCount)
	fmt.Fprintln(w, "# Rebuild: go run ./internal/ner/lexicon/gen -data ../shared/data -out internal/ner/lexicon/clusters.txt")
	order := make([]int, len(words))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return words[order[a]] < words[order[b]] })
	for _, i := range order {
		fmt.Fprintf(w, "%s\t%s\t%d\n", words[i], paths[i], counts[i])
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// token maps a token to the symbol the clustering sees.
func token(t arabic.Token) string {
	switch t.Kind {
	case arabic.Word, arabic.Latin, arabic.Punct:
		return t.Norm
	case arabic.Number:
		return "<num>"
	}
	return "<sym>"
}

func readANT(path string, emit func([]string)) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	tr := tar.NewReader(gz)
	docs := 0
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, fmt.Errorf("%s: %w", path, err)
		}
		if h.Typeflag != tar.TypeReg || !strings.HasSuffix(h.Name, ".txt") {
			continue
		}
		b, err := io.ReadAll(io.LimitReader(tr, 16<<20))
		if err != nil {
			return 0, fmt.Errorf("%s: %s: %w", path, h.Name, err)
		}
		doc := string(b)
		if !strings.Contains(doc, "<DOC>") {
			continue
		}
		docs++
		for _, tag := range []string{"TITLE", "ABSTRACT", "TEXT"} {
			for _, line := range strings.Split(section(doc, tag), "\n") {
				var s []string
				for _, t := range arabic.Tokenize(line) {
					s = append(s, token(t))
				}
				if len(s) > 0 {
					emit(s)
				}
			}
		}
	}
	return docs, nil
}

func section(doc, tag string) string {
	_, rest, ok := strings.Cut(doc, "<"+tag+">")
	if !ok {
		return ""
	}
	body, _, _ := strings.Cut(rest, "</"+tag+">")
	return body
}

func readCoNLLTokens(path string, emit func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var s []string
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			if len(s) > 0 {
				emit(s)
			}
			s = nil
			continue
		}
		for _, t := range arabic.Tokenize(fields[0]) {
			s = append(s, token(t))
		}
	}
	if len(s) > 0 {
		emit(s)
	}
	return sc.Err()
}

// vectors returns the PPMI context vectors of the clustered
// words, unit length, the words and their counts.
func vectors(sents [][]string) ([][]float32, []string, []int) {
	freq := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			freq[w]++
		}
	}
	all := make([]string, 0, len(freq))
	for w := range freq {
		all = append(all, w)
	}
	sort.Slice(all, func(a, b int) bool {
		if freq[all[a]] != freq[all[b]] {
			return freq[all[a]] > freq[all[b]]
		}
		return all[a] < all[b]
	})
	ctxID := map[string]int{"<s>": 0}
	for _, w := range all {
		if len(ctxID) >= contextWords {
			break
		}
		ctxID[w] = len(ctxID)
	}
	wordID := map[string]int{}
	var words []string
	for _, w := range all {
		if w == "" || freq[w] < minCount || len(words) >= maxWords || !arabic.IsArabicLetter([]rune(w)[0]) {
			continue
		}
		wordID[w] = len(words)
		words = append(words, w)
	}
	// Co-occurrence counts: dimension = position slot * contextWords + context id.
	const slots = 2 // -1, +1
	counts := map[uint64]float64{}
	ctxTotal := make([]float64, slots*contextWords)
	wordTotal := make([]float64, len(words))
	var total float64
	offsets := [slots]int{-1, 1}
	for _, s := range sents {
		for i, w := range s {
			id, ok := wordID[w]
			if !ok {
				continue
			}
			for k, off := range offsets {
				j := i + off
				c := 0 // sentence edge
				if j >= 0 && j < len(s) {
					cc, ok := ctxID[s[j]]
					if !ok {
						continue
					}
					c = cc
				}
				d := k*contextWords + c
				counts[uint64(id)<<32|uint64(d)]++
				ctxTotal[d]++
				wordTotal[id]++
				total++
			}
		}
	}
	vecs := make([][]float32, len(words))
	for i := range vecs {
		vecs[i] = make([]float32, slots*contextWords)
	}
	var ctxNorm float64 // sum of smoothed context counts, over total
	for _, c := range ctxTotal {
		ctxNorm += math.Pow(c, 0.75)
	}
	ctxNorm /= total
	keys := make([]uint64, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	for _, key := range keys {
		id, d := int(key>>32), int(key&0xffffffff)
		// PPMI with context distribution smoothing (Levy et al. 2015).
		pmi := math.Log(counts[key] * total / (wordTotal[id] * math.Pow(ctxTotal[d], 0.75) * ctxNorm))
		if pmi <= 0 {
			continue
		}
		vecs[id][d] = float32(pmi)
	}
	for _, v := range vecs {
		normalize(v)
	}
	wordCounts := make([]int, len(words))
	for i, w := range words {
		wordCounts[i] = freq[w]
	}
	return vecs, words, wordCounts
}

func normalize(v []float32) {
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	if n == 0 {
		return
	}
	s := float32(1 / math.Sqrt(n))
	for k := range v {
		v[k] *= s
	}
}

// cluster splits the vectors hierarchically and returns each one's path.
func cluster(vecs [][]float32) []string {
	paths := make([]string, len(vecs))
	idx := make([]int, len(vecs))
	for i := range idx {
		idx[i] = i
	}
	var split func(members []int, level int, prefix string)
	split = func(members []int, level int, prefix string) {
		if level == len(branching) {
			for _, m := range members {
				paths[m] = prefix
			}
			return
		}
		k := branching[level]
		if len(members) < 2*k {
			for i, m := range members {
				paths[m] = prefix + fmt.Sprintf("%x", i%k)
			}
			for _, m := range members {
				for l := level + 1; l < len(branching); l++ {
					paths[m] += "0"
				}
			}
			return
		}
		assign := kmeans(vecs, members, k, seed+uint64(len(prefix))*7919+uint64(len(members)))
		groups := make([][]int, k)
		for i, m := range members {
			groups[assign[i]] = append(groups[assign[i]], m)
		}
		for c, g := range groups {
			split(g, level+1, prefix+fmt.Sprintf("%x", c))
		}
	}
	split(idx, 0, "")
	return paths
}

// kmeans clusters the member vectors into k groups by spherical k-means
// with k-means++ seeding and returns each member's group.
func kmeans(vecs [][]float32, members []int, k int, s uint64) []int {
	r := rand.New(rand.NewPCG(s, s^0x9e3779b97f4a7c15))
	cent := make([][]float32, 0, k)
	first := members[r.IntN(len(members))]
	cent = append(cent, append([]float32(nil), vecs[first]...))
	dist := make([]float64, len(members))
	for len(cent) < k {
		var sum float64
		for i, m := range members {
			best := math.Inf(1)
			for _, c := range cent {
				d := 1 - float64(dot(vecs[m], c))
				if d < best {
					best = d
				}
			}
			dist[i] = best * best
			sum += dist[i]
		}
		x := r.Float64() * sum
		pick := len(members) - 1
		for i := range members {
			x -= dist[i]
			if x <= 0 {
				pick = i
				break
			}
		}
		cent = append(cent, append([]float32(nil), vecs[members[pick]]...))
	}
	assign := make([]int, len(members))
	for iter := 0; iter < 25; iter++ {
		changed := 0
		for i, m := range members {
			best, bi := float32(-2), 0
			for c := range cent {
				if d := dot(vecs[m], cent[c]); d > best {
					best, bi = d, c
				}
			}
			if assign[i] != bi || iter == 0 {
				changed++
			}
			assign[i] = bi
		}
		for c := range cent {
			clear(cent[c])
		}
		for i, m := range members {
			c := cent[assign[i]]
			for d, x := range vecs[m] {
				c[d] += x
			}
		}
		for c := range cent {
			normalize(cent[c])
		}
		if changed == 0 {
			break
		}
	}
	return assign
}

func dot(a, b []float32) float32 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}
