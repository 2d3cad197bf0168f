// Package ner finds named entities in Arabic text and gives each real
// entity one identity.
//
// Recognition is a statistical sequence tagger: an averaged structured
// perceptron over hashed features (normalized word, light stem, the word
// without its clitics, prefixes and suffixes, letter trigrams, word
// shape, neighbours, gazetteers and the parts of their names, trigger
// words, quotation marks, distributional word clusters and which
// inflected forms of the word raw news text has), decoded with Viterbi
// over BIO tags of four types (PERS, LOC, ORG, MISC, as in ANERcorp).
// It runs in two passes: the second also sees the first pass's tags of
// the same words elsewhere in the text (TagSentences, Recognize). The
// trained model and its word lists are embedded in the binary; Train
// rebuilds the model from CoNLL data.
//
// Canonicalization (Canonicalizer) groups the mentions of many articles
// into entities: a surname joins the full name it shortens, spelling
// variants of a transliterated name (ترمب, ترامب) and hamza and alef
// variants meet, clitics are dropped from the canonical name, and titles
// before a person's name are kept as roles.
//
// A Model's weights never change once built; it remembers the words it
// has analyzed, up to a bound, and is safe for concurrent use. A
// Canonicalizer holds state and is not.
package ner
