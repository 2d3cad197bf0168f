//go:build !unix

package sqlite

import "os"

// writable reports whether path can be opened for writing (a directory:
// whether it is not marked read-only).
func writable(path string) bool {
	fi, err := os.Stat(path)
	if err != nil {
		return false
	}
	if fi.IsDir() {
		return fi.Mode().Perm()&0o200 != 0
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}
