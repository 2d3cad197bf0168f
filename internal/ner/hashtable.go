package ner

// hashTable maps 64-bit hashes to values of type V by open addressing
// with linear probing at a load factor of at most one half, each key
// beside its value so that a lookup reads one slot where a Go map reads
// several places: the word list (lexicon.clusters, looked up a dozen
// times a token), the feature weights of each stage of the model, the
// gazetteer's phrases and name parts, and the second pass's counts of
// the words of a text.
type hashTable[V any] struct {
	slots []hashSlot[V]
	mask  uint64
}

// hashSlot is one slot of a hashTable.
type hashSlot[V any] struct {
	key uint64 // 0 for none (a zero hash is stored as 1)
	val V
}

// newHashTable returns a table for n keys.
func newHashTable[V any](n int) hashTable[V] {
	size := 1
	for size < 2*n+2 {
		size <<= 1
	}
	return hashTable[V]{slots: make([]hashSlot[V], size), mask: uint64(size - 1)}
}

// put adds key k, which the table does not hold, and returns its value
// to be filled in.
func (t *hashTable[V]) put(k uint64) *V {
	if k == 0 {
		k = 1
	}
	i := k & t.mask
	for t.slots[i].key != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i].key = k
	return &t.slots[i].val
}

// upsert returns the value of key k, adding k with the zero value if
// the table does not hold it; the table must have room for it.
func (t *hashTable[V]) upsert(k uint64) *V {
	if k == 0 {
		k = 1
	}
	i := k & t.mask
	for t.slots[i].key != 0 && t.slots[i].key != k {
		i = (i + 1) & t.mask
	}
	t.slots[i].key = k
	return &t.slots[i].val
}

// find returns the slot of key k, or nil.
func (t *hashTable[V]) find(k uint64) *hashSlot[V] {
	if k == 0 {
		k = 1
	}
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.slots[i].key {
		case k:
			return &t.slots[i]
		case 0:
			return nil
		}
	}
}

// get returns the value of key k and whether the table holds k.
func (t *hashTable[V]) get(k uint64) (V, bool) {
	if s := t.find(k); s != nil {
		return s.val, true
	}
	var zero V
	return zero, false
}
