// Package arabic is rasid's Arabic text core: normalization with an
// offset map back to the original text, tokenization, sentence splitting,
// light stemming that keeps proper names whole, and stopwords.
//
// Every function here is pure and safe for concurrent use. Every span is
// given in Unicode code points of the original text, so that what a user
// sees is always what the outlet wrote.
package arabic
