package ner

import (
	"bufio"
	_ "embed"
	"math/bits"
	"strconv"
	"strings"
	"sync"

	"github.com/rasid-news/rasid/internal/arabic"
)

// The word lists behind the features. clusters.txt is rebuilt with
//
//	go run ./internal/ner/lexicon/gen -data ../shared/data -out internal/ner/lexicon/clusters.txt
//
// from the ANT news corpus (Apache-2.0) and the tokens of ANERcorp's
// training split (CC BY-SA 4.0); the other lists are written by hand.
var (
	//go:embed lexicon/clusters.txt
	clustersTxt string
	//go:embed lexicon/persons.txt
	personsTxt string
	//go:embed lexicon/places.txt
	placesTxt string
	//go:embed lexicon/orgs.txt
	orgsTxt string
	//go:embed lexicon/triggers.txt
	triggersTxt string
	//go:embed lexicon/aliases.txt
	aliasesTxt string
	//go:embed lexicon/figures.txt
	figuresTxt string
)

// Trigger classes of words that announce a name next to them.
const (
	trigNone  uint8 = iota
	trigTitle       // a person's title: الرئيس، وزير
	trigSay         // a speech verb, often followed by a person
	trigOrg         // the head of an organization name: شركة، حزب
	trigLoc         // the head of a place name: مدينة، محافظة
	trigNat         // a nationality or office after a title: الأميركي، الخارجية
	trigMisc        // the head of a title, event or venue: برنامج، بعنوان، ملعب
	trigSport       // a word of sports reports, near the names of teams and players: مباراة، مرمى
)

var trigClasses = map[string]uint8{"title": trigTitle, "say": trigSay, "org": trigOrg, "loc": trigLoc, "nat": trigNat, "misc": trigMisc, "sport": trigSport}

// lexicon holds the fixed word lists, parsed once.
type lexicon struct {
	clusters hashTable[uint32] // word hash → cluster path (a byte per level) and log2 count class in the top byte
	triggers map[uint64]uint8  // word hash → trigger class
	hand     []gazEntry        // hand-written gazetteer entries
	// handNames holds the one-word names of the hand-written lists,
	// which are never split into clitics.
	handNames map[uint64]bool
}

// gazEntry is one gazetteer phrase: normalized words and a type.
type gazEntry struct {
	words []string
	typ   Type
}

// loadLexicon parses the embedded lists once, on first use.
var loadLexicon = sync.OnceValue(func() *lexicon {
	lx := &lexicon{triggers: map[uint64]uint8{}, handNames: map[uint64]bool{}}
	clusters := make(map[uint64]uint32, 40000)
	eachLine(clustersTxt, func(line string) {
		w, rest, ok := strings.Cut(line, "\t")
		path, count, _ := strings.Cut(rest, "\t")
		if !ok || path == "" {
			return
		}
		var code uint32
		for i := 0; i < len(path) && i < 3; i++ {
			code = code<<8 | uint32(hexDigit(path[i])+1)
		}
		n, _ := strconv.Atoi(count)
		code |= uint32(bits.Len(uint(n))+1) << 24
		clusters[hashString(w)] = code
	})
	lx.clusters = newHashTable[uint32](len(clusters))
	for k, v := range clusters {
		*lx.clusters.put(k) = v
	}
	eachLine(triggersTxt, func(line string) {
		w, class, ok := strings.Cut(line, "\t")
		if c := trigClasses[strings.TrimSpace(class)]; ok && c != trigNone {
			lx.triggers[hashString(arabic.NormalizeString(w))] = c
		}
	})
	for _, l := range []struct {
		txt string
		typ Type
	}{{personsTxt, PERS}, {placesTxt, LOC}, {orgsTxt, ORG}} {
		eachLine(l.txt, func(line string) {
			if ws := strings.Fields(arabic.NormalizeString(line)); len(ws) > 0 {
				lx.hand = append(lx.hand, gazEntry{words: ws, typ: l.typ})
				if len(ws) == 1 {
					lx.handNames[hashString(ws[0])] = true
				}
			}
		})
	}
	return lx
})

// eachLine calls f with every line of txt that is neither blank nor a
// comment.
func eachLine(txt string, f func(string)) {
	sc := bufio.NewScanner(strings.NewReader(txt))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f(line)
	}
}

func hexDigit(c byte) uint32 {
	switch {
	case '0' <= c && c <= '9':
		return uint32(c - '0')
	case 'a' <= c && c <= 'f':
		return uint32(c-'a') + 10
	}
	return 0
}

// Hashing: FNV-1a for strings, and a splitmix64 finalizer to combine a
// feature template with a value.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(s string) uint64 { return hashMore(fnvOffset, s) }

// hashConcat returns hashString(a + b) without building the string.
func hashConcat(a, b string) uint64 { return hashMore(hashMore(fnvOffset, a), b) }

// hashMore continues the FNV-1a hash h with the bytes of s.
func hashMore(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func mix(a, b uint64) uint64 {
	x := a*0x9E3779B97F4A7C15 ^ b
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
