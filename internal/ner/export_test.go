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
