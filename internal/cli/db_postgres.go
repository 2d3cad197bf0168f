package cli

import (
	"context"
	"fmt"

	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/store/postgres"
)

// openPostgres opens the PostgreSQL store (schema migrated on open).
func openPostgres(ctx context.Context, dsn string) (store.Store, error) {
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	return s, nil
}
