package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"os"
	"text/tabwriter"
	"time"

	"github.com/rasid-news/rasid/internal/eval"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/store"
)

// archiveDigest counts an archive and hashes its contents in list order,
// so that two stores can be compared whatever their backend.
type archiveDigest struct {
	Articles    int    `json:"articles"` // every version
	Superseded  int    `json:"superseded"`
	Analyses    int    `json:"analyses"`
	Stories     int    `json:"stories"`
	ArticleSum  string `json:"articles_sha256"`
	AnalysisSum string `json:"analyses_sha256"`
	StorySum    string `json:"stories_sha256"`
	// IngestSum hashes the ingest times apart from the articles, so that
	// stores ingested separately (rasid migrate --compare) can agree.
	IngestSum string `json:"ingested_sha256"`
}

// migrateReport is what rasid migrate prints.
type migrateReport struct {
	From     archiveDigest `json:"from"`
	To       archiveDigest `json:"to"`
	Copied   int           `json:"articles_copied"`
	Seconds  float64       `json:"seconds"`
	Verified bool          `json:"verified"`
	// Stories compares the story partitions of the two stores (with
	// --compare): BCubed of "to" against "from" over the current articles.
	Stories *eval.BCubed `json:"stories_bcubed,omitempty"`
}

func runMigrate(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "migrate", "--from DSN --to DSN [--compare] [--json]",
		"Copy an archive from one store to another (a SQLite file or a postgres:// URL, either\nway): every article version, the analyses and the stories. Writes are idempotent, so\nan interrupted copy can be run again. Then both stores are read back in list order\nand compared by counts and SHA-256 checksums of their contents; a mismatch is an\nerror. On PostgreSQL, articles copied without an analysis get an analysis job.\nWith --compare nothing is copied: the two stores are compared, and their stories\nscored against each other with BCubed (1.0: the same stories).")
	from := fs.String("from", "", "the store to copy from")
	to := fs.String("to", "", "the store to copy into")
	compare := fs.Bool("compare", false, "copy nothing: compare the two stores")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *from == "" || *to == "" || fs.NArg() > 0 {
		return usagef("rasid migrate: --from and --to are required, and nothing else")
	}
	if *from == *to {
		return usagef("rasid migrate: --from and --to name the same store")
	}
	// Opening a SQLite path creates the store: a mistyped --from would copy
	// an empty archive and report it verified.
	if err := mustExist("--from", *from); err != nil {
		return err
	}
	if *compare {
		if err := mustExist("--to", *to); err != nil {
			return err
		}
	}
	src, err := openReadStore(ctx, env, *from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := openStore(ctx, env, *to)
	if err != nil {
		return err
	}
	defer dst.Close()
	start := time.Now()
	var rep migrateReport
	if *compare {
		rep, err = compareStores(ctx, src, dst)
	} else {
		rep, err = migrate(ctx, src, dst)
	}
	if err != nil {
		return fmt.Errorf("rasid migrate: %w", err)
	}
	rep.Seconds = time.Since(start).Seconds()
	if *asJSON {
		if err := printIndentedJSON(env.Stdout, rep); err != nil {
			return err
		}
	} else {
		tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "\tfrom\tto\n")
		fmt.Fprintf(tw, "articles (all versions)\t%d\t%d\n", rep.From.Articles, rep.To.Articles)
		fmt.Fprintf(tw, "superseded\t%d\t%d\n", rep.From.Superseded, rep.To.Superseded)
		fmt.Fprintf(tw, "analyses\t%d\t%d\n", rep.From.Analyses, rep.To.Analyses)
		fmt.Fprintf(tw, "stories\t%d\t%d\n", rep.From.Stories, rep.To.Stories)
		fmt.Fprintf(tw, "articles sha256\t%.16s\t%.16s\n", rep.From.ArticleSum, rep.To.ArticleSum)
		fmt.Fprintf(tw, "analyses sha256\t%.16s\t%.16s\n", rep.From.AnalysisSum, rep.To.AnalysisSum)
		fmt.Fprintf(tw, "stories sha256\t%.16s\t%.16s\n", rep.From.StorySum, rep.To.StorySum)
		fmt.Fprintf(tw, "ingest times sha256\t%.16s\t%.16s\n", rep.From.IngestSum, rep.To.IngestSum)
		tw.Flush()
		if rep.Stories != nil {
			fmt.Fprintf(env.Stdout, "stories BCubed P %.4f R %.4f F1 %.4f\n", rep.Stories.Precision, rep.Stories.Recall, rep.Stories.F1)
		}
		if *compare {
			fmt.Fprintf(env.Stdout, "compared in %.1fs; the same (ingest times aside): %v\n", rep.Seconds, rep.Verified)
		} else {
			fmt.Fprintf(env.Stdout, "copied %s in %.1fs; verified: %v\n", count(rep.Copied, "article", "articles"), rep.Seconds, rep.Verified)
		}
	}
	if !rep.Verified {
		return errors.New("rasid migrate: the stores differ (see the table)")
	}
	return nil
}

// migrate copies src into dst and compares their digests.
func migrate(ctx context.Context, src, dst store.Store) (migrateReport, error) {
	var rep migrateReport
	const page = 500
	// A store marks as superseded every earlier version of a URL when a
	// new one is put, so the versions must reach dst in the order they
	// reached src: list order is publication order, which need not be
	// the order they were ingested in (a correction dated earlier than
	// the text it replaces). The superseded versions go first, then the
	// current ones, which supersede them.
	for _, superseded := range []bool{true, false} {
		n, err := copyArticles(ctx, src, dst, page, superseded)
		rep.Copied += n
		if err != nil {
			return rep, err
		}
	}
	for off := 0; ; off += page {
		ss, err := src.Stories(ctx, time.Time{}, time.Time{}, page, off)
		if err != nil {
			return rep, err
		}
		if err := dst.PutStories(ctx, ss); err != nil {
			return rep, err
		}
		if len(ss) < page {
			break
		}
	}
	var err error
	if rep.From, err = digest(ctx, src); err != nil {
		return rep, fmt.Errorf("verify source: %w", err)
	}
	if rep.To, err = digest(ctx, dst); err != nil {
		return rep, fmt.Errorf("verify target: %w", err)
	}
	rep.Verified = rep.From == rep.To
	return rep, nil
}

// copyArticles copies the articles of src whose Superseded flag is
// superseded into dst, with their analyses, a page at a time in list
// order, and returns how many it copied.
func copyArticles(ctx context.Context, src, dst store.Store, page int, superseded bool) (int, error) {
	copied := 0
	for after := ""; ; {
		list, err := src.Articles(ctx, store.ArticleFilter{WithSuperseded: true, After: after, Limit: page})
		if err != nil {
			return copied, err
		}
		if len(list) == 0 {
			return copied, nil
		}
		after = list[len(list)-1].ID
		var arts []news.Article
		for _, a := range list {
			if a.Superseded == superseded {
				arts = append(arts, a)
			}
		}
		if len(arts) == 0 {
			continue
		}
		if _, err := dst.PutArticles(ctx, arts); err != nil {
			return copied, err
		}
		var ans []news.Analysis
		for _, a := range arts {
			an, err := src.Analysis(ctx, a.ID)
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return copied, err
			}
			ans = append(ans, an)
		}
		if err := dst.PutAnalyses(ctx, ans); err != nil {
			return copied, err
		}
		copied += len(arts)
	}
}

// compareStores compares two stores by digest and by their stories.
func compareStores(ctx context.Context, a, b store.Store) (migrateReport, error) {
	var rep migrateReport
	var err error
	if rep.From, err = digest(ctx, a); err != nil {
		return rep, fmt.Errorf("read %s: %w", "from", err)
	}
	if rep.To, err = digest(ctx, b); err != nil {
		return rep, fmt.Errorf("read %s: %w", "to", err)
	}
	pa, err := storyPartition(ctx, a)
	if err != nil {
		return rep, err
	}
	pb, err := storyPartition(ctx, b)
	if err != nil {
		return rep, err
	}
	for id := range pa { // articles in no story are stories of their own
		if _, ok := pb[id]; !ok {
			pb[id] = "single:" + id
		}
	}
	for id := range pb {
		if _, ok := pa[id]; !ok {
			pa[id] = "single:" + id
		}
	}
	bc := eval.ScoreBCubed(pa, pb)
	rep.Stories = &bc
	f, t := rep.From, rep.To
	f.IngestSum, t.IngestSum = "", "" // ingested apart: different times
	rep.Verified = f == t
	return rep, nil
}

// storyPartition maps every article in a story to its story.
func storyPartition(ctx context.Context, st store.Store) (map[string]string, error) {
	out := map[string]string{}
	const page = 500
	for off := 0; ; off += page {
		ss, err := st.Stories(ctx, time.Time{}, time.Time{}, page, off)
		if err != nil {
			return nil, err
		}
		for _, s := range ss {
			for _, a := range s.Articles {
				out[a.ID] = s.ID
			}
		}
		if len(ss) < page {
			return out, nil
		}
	}
}

// digest reads a whole store in list order and hashes it: each article
// (every field, every version), its analysis, and every story, as JSON.
func digest(ctx context.Context, st store.Store) (archiveDigest, error) {
	var d archiveDigest
	arts, ans, sts, ing := sha256.New(), sha256.New(), sha256.New(), sha256.New()
	write := func(h hash.Hash, v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		h.Write(b)
		h.Write([]byte{'\n'})
		return nil
	}
	const page = 500
	for after := ""; ; {
		list, err := st.Articles(ctx, store.ArticleFilter{WithSuperseded: true, After: after, Limit: page})
		if err != nil {
			return d, err
		}
		if len(list) == 0 {
			break
		}
		for _, a := range list {
			d.Articles++
			if a.Superseded {
				d.Superseded++
			}
			// Times as instants with their zone offset, whatever the
			// backend's location.
			a.Published = a.Published.Round(0)
			if err := write(ing, a.Ingested.Round(0)); err != nil {
				return d, err
			}
			a.Ingested = time.Time{}
			if err := write(arts, a); err != nil {
				return d, err
			}
			an, err := st.Analysis(ctx, a.ID)
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return d, err
			}
			d.Analyses++
			if err := write(ans, an); err != nil {
				return d, err
			}
		}
		after = list[len(list)-1].ID
	}
	for off := 0; ; off += page {
		ss, err := st.Stories(ctx, time.Time{}, time.Time{}, page, off)
		if err != nil {
			return d, err
		}
		for _, s := range ss {
			d.Stories++
			if err := write(sts, s); err != nil {
				return d, err
			}
		}
		if len(ss) < page {
			break
		}
	}
	d.ArticleSum = hex.EncodeToString(arts.Sum(nil))
	d.AnalysisSum = hex.EncodeToString(ans.Sum(nil))
	d.StorySum = hex.EncodeToString(sts.Sum(nil))
	d.IngestSum = hex.EncodeToString(ing.Sum(nil))
	return d, nil
}

// mustExist refuses a store path that names no file, for the flags of
// rasid migrate that must name an archive already there; postgres:// URLs
// are left to the server to refuse.
func mustExist(flagName, dsn string) error {
	if isPostgresDSN(dsn) {
		return nil
	}
	if _, err := os.Stat(dsn); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("rasid migrate: %s %s: no such store (the file does not exist)", flagName, dsn)
	}
	return nil
}
