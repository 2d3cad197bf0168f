package cli

import (
	"context"
	"fmt"
	"runtime"
)

// Version is the version of rasid.
const Version = "0.1.0-dev"

func runVersion(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "version", "", "Print the version of rasid and of the Go toolchain that built it.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid version: unexpected argument %q", fs.Arg(0))
	}
	fmt.Fprintf(env.Stdout, "rasid %s (%s, %s/%s)\n", Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}
