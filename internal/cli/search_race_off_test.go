//go:build !race

package cli

// searchGuardRace: see search_race_on_test.go.
const searchGuardRace = false
