package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/rasid-news/rasid/internal/analysis"
	"github.com/rasid-news/rasid/internal/api"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/search"
	"github.com/rasid-news/rasid/internal/web"
)

func runServe(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "serve", "[--db FILE] [--listen HOST:PORT] [--token TOKEN] [--analyze=false]",
		"Serve the HTTP JSON API under /api/v1/ (its OpenAPI document at\n/api/v1/openapi.json), /healthz, /metrics (Prometheus text format) and the web\ninterface at /. Writes (POST /api/v1/articles) need \"Authorization: Bearer TOKEN\"\nwhen a token is set; off loopback a token is required. Logs are JSON lines on\nstandard error.")
	db := addDBFlag(fs, env)
	listen := fs.String("listen", "127.0.0.1:8080", "the address to listen on")
	token := fs.String("token", env.Getenv("RASID_TOKEN"), "the bearer token of the write endpoints ($RASID_TOKEN)")
	analyze := fs.Bool("analyze", true, "analyze posted articles at once (entities, dates, quotes)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid serve: unexpected argument %q", fs.Arg(0))
	}
	if err := api.CheckListen(*listen, *token); err != nil {
		return usagef("rasid serve: %v", err)
	}
	st, err := openReadStore(ctx, env, *db)
	if err != nil {
		return fmt.Errorf("rasid serve: %w", err)
	}
	defer st.Close()
	log := slog.New(slog.NewJSONHandler(env.Stderr, nil))
	cfg := api.Config{Store: st, Token: *token, Logger: log}
	ro, _ := st.(interface{ ReadOnly() bool })
	readOnly := ro != nil && ro.ReadOnly()
	if *analyze && !readOnly { // a read-only archive stores nothing: POST answers 403
		if cfg.Analyzer, err = analysis.Default(); err != nil {
			return fmt.Errorf("rasid serve: %w", err)
		}
	}
	apiHandler := api.Handler(cfg)
	mux := http.NewServeMux()
	mux.Handle("/api/", apiHandler)
	mux.Handle("/healthz", apiHandler)
	mux.Handle("/metrics", apiHandler)
	mux.Handle("/", web.Handler(web.Config{Store: st, Search: engineSearcher{search.Engine{Store: st}}, Logger: log}))

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("rasid serve: %w", err)
	}
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("serving", "addr", ln.Addr().String(), "db", *db, "token", *token != "", "read_only", readOnly)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("rasid serve: %w", err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = srv.Shutdown(shut)
	log.Info("stopped", "err", err)
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("rasid serve: %w", err)
	}
	return nil
}

// engineSearcher runs the web interface's searches with search.Engine, so
// the page shows the same snippets and highlights as the API.
type engineSearcher struct{ e search.Engine }

func (s engineSearcher) Search(ctx context.Context, query string, offset, limit int) (web.Results, error) {
	if limit <= 0 {
		limit = search.DefaultPageSize
	}
	res, err := s.e.Search(ctx, search.Request{Query: query, Page: offset/limit + 1, PageSize: limit, Facets: true})
	if errors.Is(err, search.ErrBeyondWindow) {
		return web.Results{}, &search.Error{Pos: -1, Msg: err.Error(), Kind: search.ErrKindBeyondWindow} // the page shows it as a query problem
	}
	if err != nil {
		return web.Results{}, err
	}
	out := web.Results{Total: res.Total, BySource: res.BySource, ByMonth: res.ByMonth, ByEntity: res.ByEntity}
	for _, h := range res.Hits {
		r := web.Result{Article: h.Article, Snippet: h.Snippet.Text}
		rs := []rune(h.Snippet.Text)
		for _, g := range h.Snippet.Highlights {
			r.Highlights = append(r.Highlights, news.Span{Text: string(rs[g.Start:g.End]), Start: g.Start, End: g.End})
		}
		out.Hits = append(out.Hits, r)
	}
	return out, nil
}
