package quote

import "github.com/rasid-news/rasid/internal/arabic"

// pair is one quotation in quotation marks: the token index of its
// opening mark and of its closing mark. When the closing mark is missing
// (closed is false), close is the index just after the last token of the
// quoted content.
type pair struct {
	open, close int
	closed      bool
	used        bool
}

// first and last return the token range of the quoted content
// (inclusive); last < first when it is empty.
func (p pair) first() int { return p.open + 1 }
func (p pair) last() int  { return p.close - 1 }

// isOpenMark and isCloseMark tell the quotation marks apart: «» are
// directed, the others are read from context.
func isQuoteMark(s string) bool {
	switch s {
	case "«", "»", "\"", "“", "”", "„":
		return true
	}
	return false
}

func isTerminal(s string) bool {
	switch s {
	case ".", "!", "?", "؟", "…", "۔", "...":
		return true
	}
	return len(s) > 1 && s[0] == '.'
}

// attached reports whether tokens a and b touch (no space between).
func attached(a, b arabic.Token) bool { return a.End == b.Start && b.Breaks == 0 }

// markRole reads whether an undirected mark at i opens (space before,
// word after) or closes (word or stop before, space after) a quotation.
func markRole(toks []arabic.Token, i int) int {
	t := toks[i]
	prev := i > 0 && attached(toks[i-1], t) &&
		!(toks[i-1].Kind == arabic.Punct && (toks[i-1].Text == ":" || toks[i-1].Text == "،" || toks[i-1].Text == "," || toks[i-1].Text == "(" || toks[i-1].Text == "-"))
	next := i+1 < len(toks) && attached(t, toks[i+1]) && toks[i+1].Kind != arabic.Punct
	switch {
	case next && !prev:
		return +1
	case prev && !next:
		return -1
	}
	return 0
}

// pairMarks pairs the quotation marks of a token stream. A quotation
// does not cross a line break; one left open ends at the first sentence
// stop after its opening mark, or at the line break.
func pairMarks(toks []arabic.Token) []pair {
	var out []pair
	var guillemets []int // open « marks
	amb := -1            // open undirected mark
	closeOpen := func(open, at int) {
		// The quotation at open has no closing mark before token at:
		// end it at the first stop after it, or at at.
		end := at
		for k := open + 1; k < at; k++ {
			if toks[k].Kind == arabic.Punct && isTerminal(toks[k].Text) {
				end = k
				break
			}
		}
		if end > open+1 {
			out = append(out, pair{open: open, close: end})
		}
	}
	flush := func(at int) {
		for _, o := range guillemets {
			closeOpen(o, at)
		}
		guillemets = guillemets[:0]
		if amb >= 0 {
			closeOpen(amb, at)
			amb = -1
		}
	}
	for i, t := range toks {
		if t.Breaks > 0 {
			flush(i)
		}
		if t.Kind != arabic.Punct || !isQuoteMark(t.Text) {
			continue
		}
		switch t.Text {
		case "«":
			guillemets = append(guillemets, i)
		case "»":
			if n := len(guillemets); n > 0 {
				out = append(out, pair{open: guillemets[n-1], close: i, closed: true})
				guillemets = guillemets[:n-1]
			}
		default:
			role := markRole(toks, i)
			switch {
			case amb < 0:
				if role >= 0 || i+1 < len(toks) && toks[i+1].Breaks == 0 && toks[i+1].Kind != arabic.Punct {
					amb = i
				}
			case role > 0 && hasStop(toks, amb, i):
				// A mark that plainly opens, after a stop: the quotation
				// before it was never closed.
				closeOpen(amb, i)
				amb = i
			default:
				out = append(out, pair{open: amb, close: i, closed: true})
				amb = -1
			}
		}
	}
	flush(len(toks))
	return out
}

func hasStop(toks []arabic.Token, from, to int) bool {
	for k := from + 1; k < to; k++ {
		if toks[k].Kind == arabic.Punct && isTerminal(toks[k].Text) {
			return true
		}
	}
	return false
}

// isPercent reports whether s is a percent or per-mille sign, which
// belongs to the number written before it (بنسبة 40%) and so stays at
// the end of a reported clause.
func isPercent(s string) bool {
	return s == "%" || s == "٪" || s == "‰" || s == "؉"
}
