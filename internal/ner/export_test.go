package ner

// ForgetTokens empties the token memo of m, for benchmarks that time a
// model that has seen no text. No other goroutine may use m meanwhile.
func ForgetTokens(m *Model) {
	for i := range m.memo.sets {
		set := &m.memo.sets[i]
		set.prints.Store(0)
		for w := range set.ways {
			set.ways[w].Store(nil)
		}
	}
}

// MemoHolds reports whether the token memo of m holds token.
func MemoHolds(m *Model, token string) bool {
	if len(token) > maxMemoToken {
		return false
	}
	e, _, _ := m.memo.find(token)
	return e != nil
}
