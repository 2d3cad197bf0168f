package arabic

import "strings"

// Sentence is a span of tokens that forms one sentence. First and Last
// index the token slice it was split from (Last inclusive); Start and End
// are code point offsets into the original text.
type Sentence struct {
	First int `json:"first"`
	Last  int `json:"last"`
	Start int `json:"start"`
	End   int `json:"end"`
}

// Sentences splits a token stream into sentences. A sentence ends at a
// terminal mark (. ! ? ؟ … ۔) outside quotation marks, after a quotation
// that closes on a terminal mark, and at a line break (headlines, list
// items and paragraphs carry no final stop). It does not end at a period
// that belongs to an abbreviation (د. ، م. ، أ.ف.ب ، U.S.), at the decimal
// point of a number (a number is one token), or at the colon of a
// dateline (إيلاف من لندن:).
func Sentences(toks []Token) []Sentence {
	var out []Sentence
	start := 0
	depth := 0          // nesting of «» quotes
	inQuote := false    // inside a quote opened by " “ or ”
	closeAfter := false // a terminal mark was seen inside the open quote
	emit := func(last int) {
		if last >= start {
			out = append(out, Sentence{First: start, Last: last, Start: toks[start].Start, End: toks[last].End})
		}
		start = last + 1
		depth, inQuote, closeAfter = 0, false, false
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i > start && t.Breaks > 0 {
			// A line break ends a sentence, quote or not: a quote left
			// open by a typo must not swallow the rest of the text.
			emit(i - 1)
		}
		if t.Kind != Punct {
			continue
		}
		closing := false
		switch t.Text {
		case "«":
			depth++
			continue
		case "»":
			if depth > 0 {
				depth--
			}
			closing = true
		case "\"", "“", "”", "„":
			// Writers mix up these marks, so whether one opens or closes
			// a quote is read from its neighbours.
			switch quoteRole(toks, i) {
			case opens:
				inQuote = true
				continue
			case closes:
				inQuote = false
			default:
				inQuote = !inQuote
			}
			if inQuote {
				continue
			}
			closing = true
		}
		if closing {
			if depth == 0 && !inQuote && closeAfter && !continuesAfterQuote(toks, i) {
				emit(i)
			}
			continue
		}
		if !isTerminal(t.Text) {
			continue
		}
		if t.Text == "." && isAbbreviation(toks, i, start) {
			continue
		}
		// Take trailing terminals (?!, !!, ...) into this sentence.
		for i+1 < len(toks) && toks[i+1].Breaks == 0 && toks[i+1].Kind == Punct && isTerminal(toks[i+1].Text) {
			i++
		}
		if depth > 0 || inQuote {
			closeAfter = true
			continue
		}
		emit(i)
	}
	if start < len(toks) {
		emit(len(toks) - 1)
	}
	return out
}

type role int

const (
	either role = iota
	opens
	closes
)

// quoteRole tells from its neighbours whether the quotation mark at i
// opens a quote (space before, word after: «قال "الوضع») or closes one
// (word or stop before, space or punctuation after: «جيد".»).
func quoteRole(toks []Token, i int) role {
	t := toks[i]
	prevAttached := i > 0 && toks[i-1].End == t.Start && t.Breaks == 0 &&
		!(toks[i-1].Kind == Punct && strings.ContainsAny(toks[i-1].Text, ":،,(-–—"))
	nextAttached := i+1 < len(toks) && toks[i+1].Start == t.End && toks[i+1].Breaks == 0 && toks[i+1].Kind != Punct
	switch {
	case nextAttached && !prevAttached:
		return opens
	case prevAttached && !nextAttached:
		return closes
	}
	return either
}

// SplitSentences tokenizes text and returns its sentences with their
// tokens.
func SplitSentences(text string) ([]Token, []Sentence) {
	toks := Tokenize(text)
	return toks, Sentences(toks)
}

func isTerminal(p string) bool {
	switch p {
	case "!", "?", "؟", "…", "۔":
		return true
	}
	if len(p) > 0 && p[0] == '.' {
		return true
	}
	return false
}

// continuesAfterQuote reports whether the text after a closing quote at i
// goes on in the same sentence: a comma before a reporting clause
// ("…»، قال"), a parenthesis, or a stop that closes the sentence.
func continuesAfterQuote(toks []Token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].Breaks > 0 {
		return false
	}
	switch next := toks[i+1]; next.Text {
	case "،", ",", "؛", ";", ":", ")", "-", "–", "—":
		return true
	default:
		// A stop right after the quote ends the sentence itself.
		return next.Kind == Punct && isTerminal(next.Text)
	}
}

// isAbbreviation reports whether the period at i closes an abbreviation
// rather than a sentence: one letter before it (د. م. أ.ف.ب U.S.), a known
// abbreviation, or a period followed by a lower-case Latin word or a digit.
func isAbbreviation(toks []Token, i, start int) bool {
	if toks[i].Text != "." || i == start {
		return false
	}
	prev := toks[i-1]
	if prev.End != toks[i].Start { // "word ." with a space is a stop
		return false
	}
	switch prev.Kind {
	case Word, Latin:
		if _, ok := abbreviations[prev.Norm]; ok {
			return true
		}
		if runeCount(prev.Text) == 1 {
			// A single letter before a period is an initial, unless the
			// period ends the text or a line.
			return i+1 < len(toks) && toks[i+1].Breaks == 0
		}
	}
	if i+1 < len(toks) && toks[i+1].Breaks == 0 {
		next := toks[i+1]
		if next.Start == toks[i].End && (next.Kind == Word || next.Kind == Latin) && runeCount(prev.Text) <= 3 {
			return true // أ.ف.ب  ق.م
		}
		if next.Kind == Latin && next.Text[0] >= 'a' && next.Text[0] <= 'z' {
			return true
		}
	}
	return false
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// abbreviations lists normalized words that are followed by a period
// without ending a sentence.
var abbreviations = map[string]struct{}{
	"د": {}, "م": {}, "ق": {}, "ص": {}, "ج": {}, "ت": {}, "ه": {}, "ا": {}, "ب": {}, "ف": {}, "ش": {},
	"مج": {}, "مم": {}, "كم": {}, "ملم": {}, "سم": {}, "كغ": {}, "كجم": {}, "جم": {}, "ط": {}, "ع": {},
	"mr": {}, "mrs": {}, "ms": {}, "dr": {}, "prof": {}, "st": {}, "no": {}, "vs": {}, "etc": {}, "inc": {},
	"ltd": {}, "co": {}, "jr": {}, "sr": {}, "gen": {}, "col": {}, "lt": {}, "sgt": {}, "rep": {}, "sen": {},
	"jan": {}, "feb": {}, "mar": {}, "apr": {}, "jun": {}, "jul": {}, "aug": {}, "sep": {}, "sept": {}, "oct": {}, "nov": {}, "dec": {},
	"u": {}, "s": {}, "e": {}, "g": {}, "i": {}, "a": {}, "p": {}, "fig": {}, "vol": {}, "pp": {},
}
