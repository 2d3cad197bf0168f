package search

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"sync"

	"github.com/rasid-news/rasid/internal/arabic"
	"github.com/rasid-news/rasid/internal/demo"
)

// TermsFingerprint identifies this build's index terms (IndexTerms) for
// the stores' full-text indexes: a hash of the index terms of a fixed
// text, the bundled demo corpus (internal/demo: news from several
// outlets) and the names the stemmer keeps whole (arabic.ListedNames). A
// change to the stemmer or the normalization that touches any of its
// words changes the fingerprint; a store whose index was built under
// another fingerprint rebuilds it, since an index built with the old
// terms would miss queries made with the new ones. Computed once per
// process.
var TermsFingerprint = sync.OnceValue(func() string {
	h := sha256.New()
	text := string(demo.JSONL()) + "\n" + strings.Join(arabic.ListedNames(), " ")
	for _, t := range IndexTerms(text) {
		h.Write([]byte(t))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
})
