package cli

import (
	"context"
	"fmt"
)

func runDemo(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "demo", "", "Ingest the example articles bundled with rasid into a temporary store and print what rasid finds in them.")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "rasid demo: not yet")
	return nil
}
