//go:build race

package eval

// raceDetector is true when the tests run with -race: the slow dev-data
// guards of whole pipelines then skip (they guard quality, not
// concurrency, and run in the plain test run).
const raceDetector = true
