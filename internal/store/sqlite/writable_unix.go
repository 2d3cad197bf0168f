//go:build unix

package sqlite

import "syscall"

// writable reports whether this process may write path (access(2): root
// may write a file whatever its mode, as the kernel lets it; a read-only
// file system refuses everyone).
func writable(path string) bool { return syscall.Access(path, 2 /* W_OK */) == nil }
