//go:build race

package racedetect

// On is true when the program or test runs with -race.
const On = true
