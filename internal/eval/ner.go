package eval

import (
	"fmt"

	"github.com/rasid-news/rasid/internal/ner"
)

// NERReport is the score of an entity tagger on CoNLL gold data: exact
// span precision, recall and F1, micro-averaged over all entities and per
// type.
type NERReport struct {
	Sentences int            `json:"sentences"`
	Tokens    int            `json:"tokens"`
	Precision float64        `json:"precision"`
	Recall    float64        `json:"recall"`
	F1        float64        `json:"f1"`
	Micro     PRF            `json:"micro"`
	PerType   map[string]PRF `json:"per_type"`
	// TokenAccuracy is the share of tokens whose tag is the gold tag.
	TokenAccuracy float64 `json:"token_accuracy"`

	correct int // tokens whose tag is the gold tag
}

// ScoreNER tags the tokens of every gold sentence with tag and scores
// the entities found against the gold entities by the CoNLL-2003
// convention: an entity is a B- tag, or an I- tag that does not continue
// an entity of its type, followed by the I- tags of its type, and a found
// entity counts only when its type and both ends match a gold entity.
func ScoreNER(gold []ner.Sentence, tag func(tokens []string) []ner.Tag) (NERReport, error) {
	return ScoreNERText(gold, func(sents [][]string) [][]ner.Tag {
		out := make([][]ner.Tag, len(sents))
		for i, s := range sents {
			out[i] = tag(s)
		}
		return out
	})
}

// ScoreNERText is ScoreNER for a tagger that tags all the gold sentences
// at once, as one running text (ner.Model.TagSentences), so that it may
// use the sentences around each one.
func ScoreNERText(gold []ner.Sentence, tagAll func(sents [][]string) [][]ner.Tag) (NERReport, error) {
	rep := NERReport{PerType: map[string]PRF{}}
	toks := make([][]string, len(gold))
	for i, s := range gold {
		toks[i] = s.Tokens
	}
	all := tagAll(toks)
	if len(all) != len(gold) {
		return rep, fmt.Errorf("the tagger returned %d sentences for %d", len(all), len(gold))
	}
	per := map[ner.Type]*PRF{}
	for _, t := range []ner.Type{ner.PERS, ner.LOC, ner.ORG, ner.MISC} {
		per[t] = &PRF{}
	}
	correct := 0
	for i, s := range gold {
		if len(s.Tags) != len(s.Tokens) {
			return rep, fmt.Errorf("gold sentence %d has no tags", i+1)
		}
		got := all[i]
		if len(got) != len(s.Tokens) {
			return rep, fmt.Errorf("sentence %d: the tagger returned %d tags for %d tokens", i+1, len(got), len(s.Tokens))
		}
		rep.Sentences++
		rep.Tokens += len(s.Tokens)
		for j := range got {
			if got[j] == s.Tags[j] {
				correct++
			}
		}
		g, p := ner.Chunks(s.Tags), ner.Chunks(got)
		matched := map[ner.Chunk]bool{}
		for _, c := range g {
			matched[c] = false
		}
		for _, c := range p {
			if _, ok := matched[c]; ok {
				matched[c] = true
				per[c.Type].TP++
			} else {
				per[c.Type].FP++
			}
		}
		for c, ok := range matched {
			if !ok {
				per[c.Type].FN++
			}
		}
	}
	for t, s := range per {
		rep.PerType[t.String()] = s.Score()
		rep.Micro = rep.Micro.Add(*s)
	}
	rep.Precision, rep.Recall, rep.F1 = rep.Micro.Precision, rep.Micro.Recall, rep.Micro.F1
	rep.correct = correct
	if rep.Tokens > 0 {
		rep.TokenAccuracy = float64(correct) / float64(rep.Tokens)
	}
	return rep, nil
}
