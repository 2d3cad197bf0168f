//go:build !race

// Package racedetect tells whether the race detector is on, so that the
// slow dev-data quality guards of whole pipelines can skip under -race:
// they guard quality, not concurrency, and run in the plain test run
// (README: the test command's first half).
package racedetect

// On is true when the program or test runs with -race.
const On = false
