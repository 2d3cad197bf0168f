package arabic

// Stem returns the light stem of a word: its normalized form without
// proclitics, enclitics and common suffixes. (Placeholder; being replaced.)
func Stem(word string) string {
	return FoldTehMarbuta(NormalizeString(word))
}
