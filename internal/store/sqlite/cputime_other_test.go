//go:build !unix

package sqlite

import "time"

// cpuTime is not measured here; the benchmarks leave out their CPU metric.
func cpuTime() time.Duration { return 0 }
