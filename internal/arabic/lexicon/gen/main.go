// Command gen rebuilds the word lists that package arabic embeds for its
// stemmer: word frequencies of the ANT news corpus (words.txt), the
// person, location and organization words of ANERcorp's training split
// (names.txt), and the words of the transliterated names of rasid's
// hand-written person list (listed.txt, from the "# world" part of
// internal/ner/lexicon/persons.txt).
//
// Run it from the repository root with the shared data beside it:
//
//	go run ./internal/arabic/lexicon/gen -data ../shared/data -out internal/arabic/lexicon
//
// SaudiNewsNet is deliberately not read: its license (CC BY-NC-SA, research
// and testing only) lets nothing derived from it ship.
package main

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rasid-news/rasid/internal/arabic"
)

// minWordCount is the least number of occurrences for a word to be listed
// in words.txt; hapaxes add size and little evidence.
const minWordCount = 2

func main() {
	data := flag.String("data", "../shared/data", "the shared data folder")
	out := flag.String("out", "internal/arabic/lexicon", "the folder to write words.txt, names.txt and listed.txt to")
	persons := flag.String("persons", "internal/ner/lexicon/persons.txt", "the hand-written person list whose \"# world\" part gives listed.txt")
	flag.Parse()
	if err := run(*data, *out, *persons); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(data, out, persons string) error {
	ant := filepath.Join(data, "news", "ant-jawharafm", "ant_v1.1_jawharafm.tar.gz")
	freq, docs, err := antFrequencies(ant)
	if err != nil {
		return err
	}
	header := fmt.Sprintf("# Normalized Arabic words with their count in the ANT corpus v1.1 (JawharaFM, %d articles; Apache-2.0, cite Chouigui et al. 2017), count >= %d.\n"+
		"# Rebuild: go run ./internal/arabic/lexicon/gen -data ../shared/data -out internal/arabic/lexicon\n", docs, minWordCount)
	if err := writeCounts(filepath.Join(out, "words.txt"), header, freq, func(c [2]int) bool { return c[0] >= minWordCount }); err != nil {
		return err
	}
	aner := filepath.Join(data, "anercorp", "train.txt")
	names, err := anerNames(aner)
	if err != nil {
		return err
	}
	header = "# Normalized words tagged PERS, LOC or ORG in ANERcorp train.txt (Benajiba, Rosso & Benedi 2007; CAMeL Lab release, CC BY-SA 4.0): word, times tagged as a name, times tagged O.\n" +
		"# Rebuild: go run ./internal/arabic/lexicon/gen -data ../shared/data -out internal/arabic/lexicon\n"
	if err := writeCounts(filepath.Join(out, "names.txt"), header, names, func(c [2]int) bool { return c[0] > 0 }); err != nil {
		return err
	}
	list, err := os.ReadFile(persons)
	if err != nil {
		return err
	}
	header = "# The words of the transliterated names in the \"# world\" part of internal/ner/lexicon/persons.txt (written by hand for rasid), normalized, four letters or more, not stopwords: the stemmer keeps them whole (بلينكن is no ب + لين + كن).\n" +
		"# Rebuild: go run ./internal/arabic/lexicon/gen -data ../shared/data -out internal/arabic/lexicon\n"
	return os.WriteFile(filepath.Join(out, "listed.txt"), []byte(header+strings.Join(arabic.ListedNameWords(string(list)), "\n")+"\n"), 0o644)
}

// antFrequencies counts the normalized Arabic words in the titles,
// abstracts and texts of the ANT archive.
func antFrequencies(path string) (map[string][2]int, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", path, err)
	}
	tr := tar.NewReader(gz)
	freq := map[string][2]int{}
	docs := 0
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, fmt.Errorf("%s: %w", path, err)
		}
		if h.Typeflag != tar.TypeReg || !strings.HasSuffix(h.Name, ".txt") {
			continue
		}
		b, err := io.ReadAll(io.LimitReader(tr, 16<<20))
		if err != nil {
			return nil, 0, fmt.Errorf("%s: %s: %w", path, h.Name, err)
		}
		doc := string(b)
		if !strings.Contains(doc, "<DOC>") {
			continue
		}
		docs++
		for _, tag := range []string{"TITLE", "ABSTRACT", "TEXT"} {
			countWords(freq, section(doc, tag))
		}
	}
	return freq, docs, nil
}

// section returns the text between <tag> and </tag>.
func section(doc, tag string) string {
	_, rest, ok := strings.Cut(doc, "<"+tag+">")
	if !ok {
		return ""
	}
	body, _, _ := strings.Cut(rest, "</"+tag+">")
	return body
}

func countWords(freq map[string][2]int, text string) {
	for _, t := range arabic.Tokenize(text) {
		if t.Kind == arabic.Word {
			c := freq[t.Norm]
			c[0]++
			freq[t.Norm] = c
		}
	}
}

// anerNames counts, for every normalized token of an ANERcorp file, how
// often it is tagged as a person, location or organization and how often
// as anything else.
func anerNames(path string) (map[string][2]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	counts := map[string][2]int{}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		tok, tag, ok := strings.Cut(strings.TrimSpace(sc.Text()), " ")
		if !ok {
			continue
		}
		w := arabic.NormalizeString(tok)
		c := counts[w]
		switch strings.TrimPrefix(strings.TrimPrefix(tag, "B-"), "I-") {
		case "PERS", "LOC", "ORG":
			c[0]++
		default:
			c[1]++
		}
		counts[w] = c
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: line %d: %w", path, line, err)
	}
	return counts, nil
}

// writeCounts writes the entries of counts that keep accepts, most
// frequent first, as tab-separated lines after header.
func writeCounts(path, header string, counts map[string][2]int, keep func([2]int) bool) error {
	words := make([]string, 0, len(counts))
	for w, c := range counts {
		if keep(c) && !strings.ContainsAny(w, "\t\n#") && w != "" {
			words = append(words, w)
		}
	}
	sort.Slice(words, func(i, j int) bool {
		a, b := counts[words[i]], counts[words[j]]
		if a[0] != b[0] {
			return a[0] > b[0]
		}
		return words[i] < words[j]
	})
	var b strings.Builder
	b.WriteString(header)
	for _, w := range words {
		c := counts[w]
		if strings.HasPrefix(header, "# Normalized words tagged") {
			fmt.Fprintf(&b, "%s\t%d\t%d\n", w, c[0], c[1])
		} else {
			fmt.Fprintf(&b, "%s\t%d\n", w, c[0])
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
