package arabic

// ForgetStems empties the memo of computed stems, so that a benchmark pass
// starts cold.
func ForgetStems() {
	memo.Clear()
	memoLen.Store(0)
}
