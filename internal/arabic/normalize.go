package arabic

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Letters and marks the normalizer and stemmer name, after bleve's lang/ar.
const (
	Hamza            = '\u0621' // ء
	AlefMaddaAbove   = '\u0622' // آ
	AlefHamzaAbove   = '\u0623' // أ
	WawHamzaAbove    = '\u0624' // ؤ
	AlefHamzaBelow   = '\u0625' // إ
	YehHamzaAbove    = '\u0626' // ئ
	Alef             = '\u0627' // ا
	Beh              = '\u0628' // ب
	TehMarbuta       = '\u0629' // ة
	Teh              = '\u062A' // ت
	Kaf              = '\u0643' // ك
	Lam              = '\u0644' // ل
	Meem             = '\u0645' // م
	Noon             = '\u0646' // ن
	Heh              = '\u0647' // ه
	Waw              = '\u0648' // و
	AlefMaksura      = '\u0649' // ى
	Yeh              = '\u064A' // ي
	Feh              = '\u0641' // ف
	Seen             = '\u0633' // س
	Tatweel          = '\u0640' // ـ
	SuperscriptAlef  = '\u0670' // ٰ
	AlefWasla        = '\u0671' // ٱ
	ArabicComma      = '\u060C' // ،
	ArabicSemicolon  = '\u061B' // ؛
	ArabicQuestion   = '\u061F' // ؟
	ArabicLetterMark = '\u061C' // bidi mark
	ArabicFullStop   = '\u06D4' // ۔
	ArabicDecimalSep = '\u066B' // ٫
	ArabicThousands  = '\u066C' // ٬
	ArabicPercent    = '\u066A' // ٪
)

// Normalized is a normalized copy of a text with a map back to the
// original: Map[i] is the code point offset in the original text of the
// i-th code point of Text, and Map[len] is the original length in code
// points. A normalized rune produced by expanding one original rune (a
// ligature) maps to that rune.
type Normalized struct {
	Text string
	Map  []int
}

// Span maps the normalized code point span [start, end) back to a span of
// the original text in code points.
func (n Normalized) Span(start, end int) (int, int) {
	if start < 0 {
		start = 0
	}
	if end > len(n.Map)-1 {
		end = len(n.Map) - 1
	}
	if start >= end {
		o := n.Map[min(start, len(n.Map)-1)]
		return o, o
	}
	// The end of the span is the original rune after the last normalized
	// rune of the span, so a removed mark inside the span is covered but
	// one just after it is not.
	last := n.Map[end-1]
	oe := n.Map[end]
	if oe <= last {
		oe = last + 1
	}
	return n.Map[start], oe
}

// Normalize returns the matching form of s with an offset map back to s.
// It removes diacritics (harakat, superscript alef, Quranic marks),
// tatweel, zero-width and bidirectional marks; folds alef variants to
// bare alef, alef maksura to yeh, hamza on waw and yeh to the bare
// letters, Persian and Urdu letters to their Arabic counterparts,
// Arabic-Indic digits to ASCII, presentation forms to their base letters,
// and Latin letters to lower case. Teh marbuta is kept (see FoldTehMarbuta).
// Normalize is idempotent.
func Normalize(s string) Normalized {
	var b strings.Builder
	b.Grow(len(s))
	m := make([]int, 0, len(s)/2+1)
	i := 0
	for _, r := range s {
		appendFolded(&b, &m, r, i)
		i++
	}
	m = append(m, i)
	return Normalized{Text: b.String(), Map: m}
}

// NormalizeString is Normalize without the offset map. When s needs no
// change it returns s itself without allocating. Invalid UTF-8 bytes
// become U+FFFD, as in Normalize.
func NormalizeString(s string) string {
	for i, r := range s {
		if r < 0x80 {
			if 'A' <= r && r <= 'Z' {
				return normalizeFrom(s, i)
			}
			continue
		}
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			return normalizeFrom(s, i)
		}
		if f, ok := foldRune(r); !ok || f != r {
			return normalizeFrom(s, i)
		}
	}
	return s
}

// normalizeFrom normalizes s knowing that s[:i] needs no change.
func normalizeFrom(s string, i int) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		appendFolded(&b, nil, r, 0)
	}
	return b.String()
}

// appendFolded writes the normalized form of r (at original offset off)
// to b, and the offset of each written rune to m when m is not nil.
func appendFolded(b *strings.Builder, m *[]int, r rune, off int) {
	if f, ok := foldRune(r); ok {
		if f < 0 {
			return
		}
		b.WriteRune(f)
		if m != nil {
			*m = append(*m, off)
		}
		return
	}
	// Presentation forms and other compatibility characters: decompose,
	// then fold each resulting rune.
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	for _, d := range norm.NFKC.String(string(buf[:n])) {
		if f, ok := foldRune(d); ok {
			if f < 0 {
				continue
			}
			d = f
		}
		b.WriteRune(d)
		if m != nil {
			*m = append(*m, off)
		}
	}
}

// foldRune returns the normalized rune for r, -1 when r is removed, and
// ok=false when r needs compatibility decomposition.
func foldRune(r rune) (rune, bool) {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A'), true
		}
		return r, true
	}
	switch {
	case r >= '\u064B' && r <= '\u065F', // harakat, tanwin, shadda, sukun, extended marks
		r == SuperscriptAlef,
		r >= '\u0610' && r <= '\u061A', // honorific and Quranic signs
		r >= '\u06D6' && r <= '\u06DC', // Quranic small high marks
		r >= '\u06DF' && r <= '\u06E4',
		r == '\u06E7', r == '\u06E8',
		r >= '\u06EA' && r <= '\u06ED',
		r >= '\u08D3' && r <= '\u08E1', // Arabic Extended-A marks
		r >= '\u08E3' && r <= '\u08FF',
		r == Tatweel,
		r >= '\u200B' && r <= '\u200F', // zero width space/joiners, LRM, RLM
		r >= '\u202A' && r <= '\u202E', // bidi embeddings and overrides
		r >= '\u2066' && r <= '\u2069', // bidi isolates
		r == '\u2060', r == '\uFEFF', r == ArabicLetterMark, r == '\u00AD':
		return -1, true
	}
	switch r {
	case AlefMaddaAbove, AlefHamzaAbove, AlefHamzaBelow, AlefWasla, '\u0672', '\u0673', '\u0675':
		return Alef, true
	case AlefMaksura, '\u06CC', '\u06D0', '\u06D2', '\u06D3', '\u06CD', '\u0620': // ى ی ې ے ۓ ۍ
		return Yeh, true
	case YehHamzaAbove:
		return Yeh, true
	case WawHamzaAbove, '\u0676', '\u06C4', '\u06C6', '\u06C7', '\u06C8', '\u06C9', '\u06CB', '\u06CF': // ؤ and Persian/Urdu/Kurdish waws
		return Waw, true
	case '\u06A9', '\u06AA', '\u06AB', '\u06AF', '\u06B3', '\u06B1': // ک ڪ ګ گ ڳ ڱ
		return Kaf, true
	case '\u06D5', '\u06C1', '\u06BE', '\u06C0', '\u06C2': // ە ہ ھ ۀ ۂ
		return Heh, true
	case '\u06C3': // ۃ Urdu teh marbuta goal
		return TehMarbuta, true
	case '\u067E': // پ
		return Beh, true
	case '\u0686': // چ
		return '\u062C', true
	case '\u0698': // ژ
		return '\u0632', true
	case '\u06A4', '\u06A5', '\u06A2': // ڤ ڥ ڢ (Maghrebi)
		return Feh, true
	case '\u06A7', '\u06A8', '\u066F': // ڧ ڨ ٯ (Maghrebi qaf)
		return '\u0642', true
	case '\u0679': // ٹ
		return Teh, true
	case '\u06BA', '\u06BB': // ں ڻ
		return Noon, true
	case '\u0688': // ڈ
		return '\u062F', true
	case '\u0691': // ڑ
		return '\u0631', true
	case '\u00A0', '\u2007', '\u202F': // no-break spaces
		return ' ', true
	case ArabicDecimalSep:
		return '.', true
	case ArabicThousands:
		return ',', true
	case ArabicPercent:
		return '%', true
	}
	switch {
	case r >= '\u0660' && r <= '\u0669':
		return '0' + (r - '\u0660'), true
	case r >= '\u06F0' && r <= '\u06F9':
		return '0' + (r - '\u06F0'), true
	case r >= '\uFB50' && r <= '\uFDFF', r >= '\uFE70' && r <= '\uFEFC', // Arabic presentation forms
		r >= '\uFF01' && r <= '\uFF5E': // full-width ASCII
		return 0, false
	case r >= 'À' && r <= 'Þ' && r != '×':
		return r + 32, true
	}
	return r, true
}

// FoldTehMarbuta maps teh marbuta to heh, for matching words whose final
// letter is written either way (مدرسة / مدرسه). Normalize keeps them
// apart because they are different letters; callers that match loosely
// apply this fold on top.
func FoldTehMarbuta(s string) string {
	if !strings.ContainsRune(s, TehMarbuta) {
		return s
	}
	return strings.ReplaceAll(s, string(TehMarbuta), string(Heh))
}

// IsArabicLetter reports whether r is a letter of the Arabic script
// (base letters of the Arabic, Arabic Supplement and Extended-A blocks,
// and presentation forms).
func IsArabicLetter(r rune) bool {
	switch {
	case r >= '\u0620' && r <= '\u063F', r >= '\u0641' && r <= '\u064A',
		r >= '\u066E' && r <= '\u066F', r >= '\u0671' && r <= '\u06D3', r == '\u06D5',
		r >= '\u06EE' && r <= '\u06EF', r >= '\u06FA' && r <= '\u06FC', r == '\u06FF',
		r >= '\u0750' && r <= '\u077F', r >= '\u08A0' && r <= '\u08C9',
		r >= '\uFB50' && r <= '\uFDFB', r >= '\uFE70' && r <= '\uFEFC':
		return true
	}
	return false
}

// IsMark reports whether r is a mark or invisible character that
// Normalize removes from inside a word (diacritics, tatweel, zero-width
// and bidi marks).
func IsMark(r rune) bool {
	if r < 0x80 {
		return false
	}
	f, ok := foldRune(r)
	return ok && f < 0
}
