package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the class of a token.
type Kind uint8

// Token kinds.
const (
	Word    Kind = iota // a word in Arabic script (marks inside it included)
	Latin               // a word in Latin or another non-Arabic script
	Number              // digits in any script, with decimal and thousands separators
	URL                 // http(s)://… or www.…
	Email               // name@domain
	Hashtag             // #word
	Mention             // @name
	Punct               // punctuation: one mark, or a run of dots
	Symbol              // any other visible character (%, $, emoji …)
)

var kindNames = [...]string{"word", "latin", "number", "url", "email", "hashtag", "mention", "punct", "symbol"}

// String returns the lower-case name of k, as used in JSON output.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Token is one token of a text. Start and End are code point offsets into
// the original text, Text is the original text of the span, and Norm its
// normalized form (see NormalizeString).
type Token struct {
	Text   string `json:"text"`
	Norm   string `json:"norm"`
	Kind   Kind   `json:"kind"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Breaks int    `json:"-"` // line breaks between the previous token and this one
}

// IsWordLike reports whether the token carries lexical content (a word in
// any script, a number, or a hashtag).
func (t Token) IsWordLike() bool {
	return t.Kind == Word || t.Kind == Latin || t.Kind == Number || t.Kind == Hashtag
}

// Tokenize splits text into tokens, each with its span in the original
// text. It never fails: invalid UTF-8 bytes become Symbol tokens of one
// code point (U+FFFD) each.
func Tokenize(text string) []Token {
	return AppendTokens(make([]Token, 0, len(text)/7+1), text)
}

// AppendTokens appends the tokens of text to dst and returns the extended
// slice, so callers can reuse one buffer across texts.
func AppendTokens(dst []Token, text string) []Token {
	s := scanner{text: text}
	for {
		breaks := s.skipSpace()
		if s.pos >= len(text) {
			return dst
		}
		startByte, startCP := s.pos, s.cp
		kind := s.next()
		raw := text[startByte:s.pos]
		dst = append(dst, Token{
			Text:   raw,
			Norm:   normToken(raw, kind),
			Kind:   kind,
			Start:  startCP,
			End:    s.cp,
			Breaks: breaks,
		})
	}
}

func normToken(raw string, kind Kind) string {
	switch kind {
	case URL, Email, Punct, Symbol:
		if kind == URL || kind == Email {
			return strings.ToLower(raw)
		}
		return raw
	}
	return NormalizeString(raw)
}

// scanner walks a text by bytes, counting code points.
type scanner struct {
	text string
	pos  int // byte offset
	cp   int // code point offset
}

func (s *scanner) peek() (rune, int) {
	if s.pos >= len(s.text) {
		return utf8.RuneError, 0
	}
	r := rune(s.text[s.pos])
	if r < utf8.RuneSelf {
		return r, 1
	}
	return utf8.DecodeRuneInString(s.text[s.pos:])
}

func (s *scanner) peekAt(byteOff int) rune {
	if byteOff >= len(s.text) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s.text[byteOff:])
	return r
}

func (s *scanner) advance(n int) { s.pos += n; s.cp++ }

// skipSpace skips white space and invisible marks between tokens and
// returns the number of line breaks it passed.
func (s *scanner) skipSpace() int {
	breaks := 0
	for s.pos < len(s.text) {
		r, n := s.peek()
		switch {
		case r == '\n', r == '\u2028', r == '\u2029':
			breaks++
		case r == '\r', r == '\t', r == ' ', r == '\v', r == '\f':
		case r >= 0x80 && (unicode.IsSpace(r) || isInvisible(r)):
		default:
			return breaks
		}
		s.advance(n)
	}
	return breaks
}

// isInvisible reports zero-width and bidi marks that never start a token.
func isInvisible(r rune) bool {
	return r >= '\u200B' && r <= '\u200F' || r >= '\u202A' && r <= '\u202E' ||
		r >= '\u2066' && r <= '\u2069' || r == '\u2060' || r == '\uFEFF' || r == ArabicLetterMark || r == '\u00AD'
}

// next scans one token starting at s.pos and returns its kind.
func (s *scanner) next() Kind {
	r, n := s.peek()
	switch {
	case r == 'h' || r == 'H' || r == 'w' || r == 'W':
		if end := s.urlEnd(); end > s.pos {
			s.consumeTo(end)
			return URL
		}
	case r == '#':
		if q := s.peekAt(s.pos + 1); isWordRune(q) || q == '_' {
			s.advance(n)
			s.consumeWhile(func(r rune) bool { return isWordRune(r) || r == '_' || IsMark(r) })
			return Hashtag
		}
	case r == '@':
		if q := s.peekAt(s.pos + 1); isASCIIWord(q) {
			s.advance(n)
			s.consumeWhile(isASCIIWord)
			return Mention
		}
	}
	switch {
	case isDigit(r):
		s.scanNumber()
		return Number
	case IsArabicLetter(r):
		s.consumeWhile(func(r rune) bool { return IsArabicLetter(r) || IsMark(r) })
		return Word
	case isLatinLetter(r):
		if end := s.emailEnd(); end > s.pos {
			s.consumeTo(end)
			return Email
		}
		s.scanLatin()
		return Latin
	case r == '.' || r == '…':
		s.advance(n)
		if r == '.' {
			s.consumeWhile(func(r rune) bool { return r == '.' })
		}
		return Punct
	case isPunct(r):
		s.advance(n)
		return Punct
	}
	s.advance(n)
	return Symbol
}

func (s *scanner) consumeWhile(ok func(rune) bool) {
	for s.pos < len(s.text) {
		r, n := s.peek()
		if !ok(r) {
			return
		}
		s.advance(n)
	}
}

func (s *scanner) consumeTo(end int) {
	for s.pos < end {
		_, n := s.peek()
		s.advance(n)
	}
}

// scanNumber consumes digits with inner separators: 1,500  3.5  ١٬٥٠٠  ٣٫٥.
func (s *scanner) scanNumber() {
	for s.pos < len(s.text) {
		r, n := s.peek()
		if isDigit(r) {
			s.advance(n)
			continue
		}
		if r == '.' || r == ',' || r == ArabicDecimalSep || r == ArabicThousands {
			if isDigit(s.peekAt(s.pos + n)) {
				s.advance(n)
				continue
			}
		}
		return
	}
}

// scanLatin consumes a Latin word, with digits and inner hyphens or
// apostrophes followed by a letter (al-Kadhimi, O'Brien, COVID-19).
func (s *scanner) scanLatin() {
	for s.pos < len(s.text) {
		r, n := s.peek()
		if isLatinLetter(r) || isASCIIDigit(r) || (r >= 0x80 && unicode.Is(unicode.Mn, r) && !IsMark(r)) {
			s.advance(n)
			continue
		}
		if r == '-' || r == '\'' || r == '’' {
			if q := s.peekAt(s.pos + n); isLatinLetter(q) || (r == '-' && isASCIIDigit(q)) {
				s.advance(n)
				continue
			}
		}
		return
	}
}

// urlEnd returns the byte offset where a URL starting at s.pos ends, or
// s.pos when there is none. Trailing punctuation is left out.
func (s *scanner) urlEnd() int {
	rest := s.text[s.pos:]
	var skip int
	switch {
	case hasPrefixFold(rest, "https://"):
		skip = 8
	case hasPrefixFold(rest, "http://"):
		skip = 7
	case hasPrefixFold(rest, "www."):
		skip = 4
	default:
		return s.pos
	}
	end := skip
	for end < len(rest) {
		r, n := utf8.DecodeRuneInString(rest[end:])
		if unicode.IsSpace(r) || r == '"' || r == '<' || r == '>' || r == '«' || r == '»' || r == '“' || r == '”' || r == ArabicComma || isInvisible(r) {
			break
		}
		end += n
	}
	for end > skip {
		r, n := utf8.DecodeLastRuneInString(rest[:end])
		if strings.ContainsRune(".,;:!?)]}'؟،؛", r) {
			end -= n
			continue
		}
		break
	}
	if end <= skip {
		return s.pos
	}
	return s.pos + end
}

// emailEnd returns the byte offset where an e-mail address starting at
// s.pos ends, or s.pos when there is none.
func (s *scanner) emailEnd() int {
	rest := s.text[s.pos:]
	i := 0
	for i < len(rest) && (isASCIIWord(rune(rest[i])) || rest[i] == '.' || rest[i] == '-' || rest[i] == '+') {
		i++
	}
	if i == 0 || i >= len(rest) || rest[i] != '@' {
		return s.pos
	}
	j := i + 1
	dots := 0
	for j < len(rest) && (isASCIIWord(rune(rest[j])) || rest[j] == '-' || (rest[j] == '.' && j+1 < len(rest) && isASCIIWord(rune(rest[j+1])))) {
		if rest[j] == '.' {
			dots++
		}
		j++
	}
	if dots == 0 || j == i+1 {
		return s.pos
	}
	return s.pos + j
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func isDigit(r rune) bool {
	return isASCIIDigit(r) || r >= '\u0660' && r <= '\u0669' || r >= '\u06F0' && r <= '\u06F9'
}

func isASCIIWord(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || isASCIIDigit(r) || r == '_'
}

func isLatinLetter(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return !IsArabicLetter(r) && unicode.IsLetter(r)
}

func isWordRune(r rune) bool { return IsArabicLetter(r) || isLatinLetter(r) || isDigit(r) }

func isPunct(r rune) bool {
	switch r {
	case ArabicComma, ArabicSemicolon, ArabicQuestion, ArabicFullStop, '«', '»', '“', '”', '„', '‘', '’', '–', '—':
		return true
	}
	return unicode.IsPunct(r)
}
