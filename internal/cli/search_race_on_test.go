//go:build race

package cli

// searchGuardRace is true when the tests run with -race: the known-item
// guard then skips (it guards quality, not concurrency, and runs in the
// plain test run; under the race detector it takes about 50 s).
const searchGuardRace = true
