package arabic

import (
	"strings"
	"sync"
	"sync/atomic"
)

// Stem returns the light stem of a word: its normalized form (see
// NormalizeString) without proclitics (و ف ب ك ل ال لل س and their
// combinations), enclitic pronouns (ه ها هم هما هن ك كم كما كن نا ني ي)
// and inflectional suffixes (ات ون ين ان ة ية …).
//
// Proper names and loanwords stay whole, and a name's clitic forms give
// the bare name (وبغداد, ببغداد and لبغداد all give بغداد; للعراق gives
// العراق). Names are recognized by an embedded list of the names of a
// tagged news corpus and by corpus evidence: a letter that looks like a
// clitic or a suffix is removed only when what remains is a plausible
// word. Stems are at least three letters long, except where the article
// alone was removed. A nisba adjective keeps its yeh in all its forms
// when the corpus writes it with the article, where the yeh cannot be
// the pronoun "my" (العراقي, العراقية, عراقيين and العراقيون all give
// عراقي; اطفالي gives اطفال). Teh marbuta is removed as a suffix from
// ordinary words but kept in names; callers that match names across
// spellings fold it with FoldTehMarbuta.
//
// Stem is safe for concurrent use. It returns a substring of the
// normalized word, so it does not allocate when the word needs no
// normalization, except when it restores the article of a name written
// with لل.
func Stem(word string) string {
	return StemNorm(NormalizeString(word))
}

// StemToken returns the stem of a Word token from its normalized form, and
// the normalized form itself for any other kind of token.
func StemToken(t Token) string {
	if t.Kind != Word {
		return t.Norm
	}
	return StemNorm(t.Norm)
}

// StemNorm is Stem for a word that is already normalized.
func StemNorm(w string) string {
	if len(w) < 6 || !arabicLettersOnly(w) { // under three letters, or not Arabic
		return w
	}
	lx := loadLexicon()
	if st, ok := lx.stems.stem(w); ok {
		return st
	}
	if st, ok := memo.Load(w); ok {
		return st.(string)
	}
	if memoLen.Load() >= memoMax {
		return stemWith(lx, w)
	}
	// Cloned: w may be a piece of a long text the memo must not keep.
	w = strings.Clone(w)
	st := stemWith(lx, w)
	if _, loaded := memo.LoadOrStore(w, st); !loaded {
		memoLen.Add(1)
	}
	return st
}

// The stems of words outside the corpus lexicon (lexicon.stems) are
// remembered once computed: news repeats its words, and a word the corpus
// does not know costs several lexicon lookups per clitic reading. Stemming
// is a pure function of the word, so the memo never goes stale; it stops
// growing at memoMax words, after which such words are
// stemmed each time.
var (
	memo    sync.Map // normalized word → stem
	memoLen atomic.Int64
)

const memoMax = 1 << 18

// Stemming thresholds, chosen on the development data (see README):
//
// A whole word is protected from losing a clitic or suffix when it occurs
// at least protectMinCount times in the corpus and protectRatio times
// more often than the support of what would remain (the remainder itself
// plus the remainder with teh marbuta).
const (
	protectMinCount = 3
	protectRatio    = 4
	articleRatio    = 20 // words are written with the article more often than without
	minStemLetters  = 3
)

// Letters as strings, for prefix and suffix tests.
const (
	sAlef   = "ا"
	sAl     = "ال"
	sLamLam = "لل"
	sTehM   = "ة"
	sYeh    = "ي"
)

// Layers of clitics, outermost first: the stemmer peels them in this
// order.
const (
	layerConj    = iota // و ف
	layerPrep           // ب ك ل, لل, the future س
	layerArticle        // ال
	layerSuffix         // enclitic pronouns and inflectional endings
)

// maxProclitics bounds the proclitic letters peeled before the article
// (وب, فل, and forms such as وبل that tagged text sometimes shows).
const maxProclitics = 3

// stemWith stems the normalized Arabic word w with the lexicon lx.
func stemWith(lx *lexicon, w string) string {
	if lx.isName(w) || isStopword(w) {
		return w
	}
	// An interrogative hamza before an initial alef (أأ, أآ) or a lone
	// hamza before alef (ءا) leaves two initial alefs after normalization.
	if strings.HasPrefix(w, "اا") || strings.HasPrefix(w, "ءا") {
		w = w[len(sAlef):]
	}
	st, _ := stemFrom(lx, w, layerConj, 0)
	return st
}

// Evidence for an analysis, weakest first.
const (
	noEvidence     = iota
	weakEvidence   // an article or an enclitic pronoun was removed
	strongEvidence // the stem is attested in the corpus
	nameEvidence   // the rest is a known name or a stopword
)

// stemFrom stems x, a word whose clitics outside layer are already
// removed (depth proclitic letters so far), and grades the evidence for
// the analysis. A proclitic is removed only when the analysis without it
// has more evidence than the analysis with it (or, for the outermost
// letter, as much weak evidence), so that an unknown name that starts
// with a letter like ب (بوخارست) stays whole while بمعهودته loses its ب.
func stemFrom(lx *lexicon, x string, layer, depth int) (string, int) {
	if depth > 0 && (lx.isName(x) || isStopword(x)) {
		return x, nameEvidence
	}
	switch layer {
	case layerConj, layerPrep:
		st, ev := stemFrom(lx, x, layerArticle, depth)
		if depth < maxProclitics && ev < nameEvidence {
			if st1, ev1 := stripProclitic(lx, x, layer, depth); ev1 > ev || ev1 == ev && (ev == strongEvidence && (startsWithConj(x) || strings.HasPrefix(x, sLamLam) || lx.support(st1) >= lx.support(st)) || ev == weakEvidence && depth == 0 ||
				ev == noEvidence && layer == layerConj && st1 != "" && letters(st1) >= 4 && startsWithProclitic(x) && !startsWithProclitic(st1)) {
				return st1, ev1
			}
		}
		return st, ev
	case layerArticle:
		if strings.HasPrefix(x, sAl) && letters(x) >= 4 {
			r := x[len(sAl):]
			if f := lx.count(x); f >= protectMinCount && f > articleRatio*lx.support(r) {
				return x, strongEvidence // القاهرة: a word written with its article
			}
			st, ev := stemFrom(lx, r, layerSuffix, depth)
			if ev == noEvidence && st == r && lx.unknown(x) {
				// Neither the word nor what follows the article is known
				// (الليكود, الغرافة): a name, which keeps its article.
				return x, weakEvidence
			}
			return st, max(ev, weakEvidence)
		}
		return stemFrom(lx, x, layerSuffix, depth)
	}
	st, enclitic := stripSuffixes(lx, x)
	switch {
	case lx.support(st) > 0:
		return st, strongEvidence
	case enclitic:
		return st, weakEvidence
	}
	return st, noEvidence
}

// stripProclitic removes one proclitic letter from x (a conjunction,
// preposition or the future particle; ل before the article is لل) and
// stems the rest; it returns noEvidence when x has none or may not lose
// it.
func stripProclitic(lx *lexicon, x string, layer, depth int) (string, int) {
	if len(x) < 2 {
		return "", noEvidence
	}
	switch x[:len("و")] {
	case "و", "ف":
		if layer != layerConj {
			return "", noEvidence // a conjunction never follows a preposition (كوبل is not ك+و+بل)
		}
		return stripPrefix(lx, x, x[len("و"):], layerConj, depth)
	case "ب", "ك":
		return stripPrefix(lx, x, x[len("ب"):], layerPrep, depth)
	case "ل":
		if strings.HasPrefix(x, sLamLam) && letters(x) >= 4 {
			if r := x[len("ل"):]; lx.isName(r) && !lx.protected(x, r) && lx.names[r] >= lx.names[sAl+x[len(sLamLam):]] {
				return r, nameEvidence // للحود: ل before the name لحود
			}
			// لل is ل before the article, whose alef is dropped.
			return stripPrefix(lx, x, sAl+x[len(sLamLam):], layerArticle, depth)
		}
		return stripPrefix(lx, x, x[len("ل"):], layerPrep, depth)
	case "س":
		// The future particle before an imperfect verb, only when the
		// verb is attested (سيارة, سياسة stay).
		switch x[len("س"):min(len(x), len("سي"))] {
		case "ي", "ت", "ن", "ا":
			if r := x[len("س"):]; letters(r) >= 4 && !lx.protected(x, r) {
				if st, _ := stripSuffixes(lx, r); lx.support(st) > 0 {
					return st, strongEvidence
				}
			}
		}
	}
	return "", noEvidence
}

// stripPrefix stems r, which is x without a proclitic, from layer on; r
// must keep three letters and the corpus must not protect x. A doubled
// initial letter (ببغداد) counts as weak evidence: no Arabic word starts
// with one.
func stripPrefix(lx *lexicon, x, r string, layer, depth int) (string, int) {
	if n := letters(r); n < 2 || n < minStemLetters && !lx.isName(r) && !isStopword(r) || lx.protected(x, r) {
		return "", noEvidence
	}
	st, ev := stemFrom(lx, r, layer, depth+1)
	if ev == noEvidence && layer != layerArticle && strings.HasPrefix(r, x[:len(x)-len(r)]) {
		ev = weakEvidence
	}
	return st, ev
}

// suffix is an ending the stemmer may remove: risky endings (single
// letters that also end many stems) are removed only when what remains is
// attested in the corpus.
type suffix struct {
	s     string
	risky bool
}

// enclitics are the attached pronouns, longest first.
var enclitics = [...]suffix{
	{"هما", false}, {"كما", false}, {"هم", false}, {"هن", false}, {"ها", false},
	{"كم", false}, {"كن", false}, {"نا", false}, {"ني", false},
	{"ه", false}, {"ك", true}, {"ي", true},
}

// beforeEnclitic are the endings a word may have between its stem and an
// enclitic pronoun: verb subjects, dual and plural in construct, teh
// marbuta written as teh.
var beforeEnclitic = [...]suffix{
	{"تما", false}, {"تمو", false}, {"تم", false}, {"تن", false}, {"تا", false},
	{"تي", false}, {"ات", false}, {"يي", false}, {"نا", false}, {"ت", false},
	{"ا", true}, {"و", true}, {"ي", true}, {"ن", true},
}

// finalSuffixes are the endings of a word without an enclitic.
var finalSuffixes = [...]suffix{
	{"يتين", false}, {"يتان", false}, {"يين", false}, {"يات", false},
	{"تين", false}, {"تان", false}, {"تما", false}, {"ية", false},
	{"ات", false}, {"ون", false}, {"ين", false}, {"ان", false}, {"وا", false},
	{"تم", false}, {"تن", false}, {"تا", true}, {"ة", true},
	{"ت", true}, {"ن", true}, {"ا", true}, {"ي", true},
}

// stripSuffixes removes an enclitic pronoun and the inflectional endings
// before it from x, a word without proclitics, and reports whether it
// removed an enclitic. It tries the longest enclitic first, then none,
// and takes the first analysis that leaves a stem of at least three
// letters that the corpus does not contradict. A nisba yeh stays, with a
// feminine, dual or plural ending removed after it, when the corpus has
// the nisba with the article (العربي): the pronoun ي never follows the
// article, so there the yeh is the adjective's.
func stripSuffixes(lx *lexicon, x string) (string, bool) {
	st, enclitic := stripEndings(lx, x)
	base := st
	if st == x && strings.HasSuffix(x, sYeh+sTehM) {
		base = x[:len(x)-len(sYeh+sTehM)] // a feminine nisba the corpus keeps whole
	}
	if len(base) < len(x) && nisbaEndings[x[len(base):]] && lx.count(sAl+base+sYeh) >= protectMinCount {
		return x[:len(base)+len(sYeh)], false
	}
	return st, enclitic
}

// nisbaEndings are the endings of a nisba adjective after its stem: the
// yeh, alone or before a feminine, dual or plural ending.
var nisbaEndings = map[string]bool{
	"ي": true, "ية": true, "يين": true, "يون": true, "يات": true, "يتين": true, "يتان": true,
}

// stripEndings is stripSuffixes without the nisba rule.
func stripEndings(lx *lexicon, x string) (string, bool) {
	n := letters(x)
	var whole int = -1 // corpus count of x, looked up once
	for _, e := range enclitics {
		if m := letters(e.s); n-m >= minStemLetters && strings.HasSuffix(x, e.s) {
			if e.s == "ي" && strings.HasSuffix(x, "وي") && lx.wholeCount(x, &whole) == 0 {
				continue // علاوي, مناوي: a name or a nisba, not "my"
			}
			if e.s == "ه" && strings.HasSuffix(x, "يه") && lx.wholeCount(x, &whole) == 0 {
				continue // جوزيه, ديديه: a name
			}
			if st, ok := inflection(lx, x, x[:len(x)-len(e.s)], n-m, beforeEnclitic[:], e.risky, &whole); ok {
				return st, true
			}
		}
	}
	if st, ok := inflection(lx, x, x, n, finalSuffixes[:], false, &whole); ok {
		return st, false
	}
	return x, false
}

// inflection removes one ending of list from r (n letters), the word x
// without its enclitic, and a nisba yeh before a feminine ending. It
// reports false when the analysis is not acceptable: when the stem is
// unattested although a risky enclitic or ending was removed (unless an
// enclitic shows the word to be inflected and the stem keeps four
// letters), or when the corpus protects x.
func inflection(lx *lexicon, x, r string, n int, list []suffix, riskyEnclitic bool, whole *int) (string, bool) {
	hasEnclitic := len(r) < len(x)
	for _, e := range list {
		m := letters(e.s)
		if n-m < minStemLetters || !strings.HasSuffix(r, e.s) {
			continue
		}
		st, k := r[:len(r)-len(e.s)], n-m
		if e.s == "ا" && strings.HasSuffix(st, "ي") {
			continue // روسيا, سوريا: a name, not a dual of a nisba
		}
		switch e.s {
		case "ت", "تي", "تا", "تين", "تان", "ات":
			// A nisba yeh before a feminine ending (إسلاميته, تأثريتيهم).
			if k-1 >= minStemLetters && strings.HasSuffix(st, "ي") && lx.support(st[:len(st)-len("ي")]) > 0 {
				st, k = st[:len(st)-len("ي")], k-1
			}
		}
		if e.risky && !(hasEnclitic && k >= 4) && lx.support(st) == 0 {
			continue
		}
		if (e.s == "ان" || e.s == "ون" || e.s == "ين") && !hasEnclitic && lx.support(st) == 0 && lx.wholeCount(x, whole) == 0 {
			continue // an unknown word whose stem is unattested: a name (ستيفان, هيلتون), not a dual or a plural
		}
		if riskyEnclitic && lx.support(st) == 0 && !(k >= 4 && !e.risky && !strings.HasSuffix(x, "ي")) {
			continue
		}
		if lx.protectedCount(x, st, whole) {
			return x, false
		}
		return st, true
	}
	if !hasEnclitic {
		return x, false
	}
	if riskyEnclitic && lx.support(r) == 0 {
		return x, false
	}
	if lx.protectedCount(x, r, whole) {
		return x, false
	}
	return r, true
}

// protected reports whether the corpus shows x to be a word of its own
// rather than r with a clitic or suffix: x is frequent and r rare.
func (lx *lexicon) protected(x, r string) bool {
	if lx.isName(x) {
		return true
	}
	f := lx.count(x)
	return f >= protectMinCount && f > protectRatio*lx.support(r)
}

// protectedCount is protected with the count of x looked up once into
// *whole (-1 when not yet looked up).
func (lx *lexicon) protectedCount(x, r string, whole *int) bool {
	n := lx.wholeCount(x, whole)
	return n >= protectMinCount && n > protectRatio*int(lx.support(r))
}

// wholeCount is the corpus count of x, looked up once into *whole (-1
// when not yet looked up); a known name counts as very frequent.
func (lx *lexicon) wholeCount(x string, whole *int) int {
	if *whole < 0 {
		*whole = int(lx.count(x))
		if lx.isName(x) {
			*whole = 1 << 30
		}
	}
	return *whole
}

// support is the corpus count of r as a word, with or without a final teh
// marbuta.
func (lx *lexicon) support(r string) uint32 {
	var buf [64]byte
	f := lx.count(r)
	if len(r)+len(sTehM) <= len(buf) {
		b := append(append(buf[:0], r...), sTehM...)
		f += lx.count(string(b))
	}
	return f
}

// arabicLettersOnly reports whether w consists of Arabic letters only
// (U+0621 … U+064A, the letters that survive normalization).
func arabicLettersOnly(w string) bool {
	for i := 0; i+1 < len(w); i += 2 {
		c0, c1 := w[i], w[i+1]
		switch c0 {
		case 0xD8:
			if c1 < 0xA1 || c1 > 0xBA {
				return false
			}
		case 0xD9:
			if c1 < 0x81 || c1 > 0x8A {
				return false
			}
		default:
			return false
		}
	}
	return len(w)%2 == 0
}

// startsWithProclitic reports whether w starts with a letter taken for a
// proclitic when there is no evidence either way: و, ب or ل, but not ف
// or ك, which begin names (فينغر, كاسياس) far more often than they come
// before one (ANERcorp's training names: 322 name tokens begin with ف,
// 8 have the clitic). Without evidence, a proclitic is removed only when
// what remains starts with another letter: بموتسارت gives موتسارت, but
// بوخارست stays whole.
func startsWithProclitic(w string) bool {
	switch w[:len("و")] {
	case "و", "ب", "ل":
		return true
	}
	return false
}

// letters is the number of letters of s, a word of Arabic letters only
// (two bytes each in UTF-8; see arabicLettersOnly).
func letters(s string) int { return len(s) / 2 }

// startsWithConj reports whether w starts with و or ف. Between two
// attested analyses, a conjunction always goes (وقال is as frequent as
// قال), a preposition only for the better attested stem (ببوابته gives
// بواب, not واب).
func startsWithConj(w string) bool {
	return strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")
}

// unknown reports whether the corpus has no trace of w: it is neither a
// counted word nor a known name.
func (lx *lexicon) unknown(w string) bool {
	return lx.count(w) == 0 && !lx.isName(w)
}
