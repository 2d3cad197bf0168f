package cli

import (
	"context"
	"errors"

	"github.com/rasid-news/rasid/internal/store"
)

// openPostgres opens the PostgreSQL store; the server store is wired here.
func openPostgres(ctx context.Context, dsn string) (store.Store, error) {
	return nil, errors.New("open store: the PostgreSQL store is not built into this rasid yet")
}
