package ingest

import "unicode"

// minArabicShare is the share of letters that must be Arabic for a text to
// count as Arabic. Arabic news quotes names, titles and lists in Latin
// letters (SaudiNewsNet has film lists with a third of their letters
// Arabic), so the bar is low; English text with an Arabic name or two
// stays far below it.
const minArabicShare = 0.2

// langSampleLetters bounds how many letters arabicShare looks at.
const langSampleLetters = 1000

// arabicShare returns the share of Arabic letters among the first letters
// of s and whether it is enough to call s Arabic.
func arabicShare(s string) (float64, bool) {
	letters, ar := 0, 0
	for _, r := range s {
		if r < 0x80 {
			if ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
				letters++
			}
		} else if isArabicLetter(r) {
			letters++
			ar++
		} else if unicode.IsLetter(r) {
			letters++
		}
		if letters >= langSampleLetters {
			break
		}
	}
	if letters == 0 {
		return 0, false
	}
	share := float64(ar) / float64(letters)
	return share, share >= minArabicShare
}

// isArabicLetter reports whether r is a letter of the Arabic script
// (the Arabic blocks and presentation forms).
func isArabicLetter(r rune) bool {
	switch {
	case 0x0620 <= r && r <= 0x064A, 0x066E <= r && r <= 0x06D3, 0x06D5 == r,
		0x06EE <= r && r <= 0x06FF, 0x0750 <= r && r <= 0x077F, 0x08A0 <= r && r <= 0x08C9,
		0xFB50 <= r && r <= 0xFDFF, 0xFE70 <= r && r <= 0xFEFC:
		return true
	}
	return false
}
