package cli

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/rasid-news/rasid/internal/analysis"
	"github.com/rasid-news/rasid/internal/news"
	"github.com/rasid-news/rasid/internal/queue"
	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/story"
)

// workerReport is what rasid worker prints when it stops.
type workerReport struct {
	queue.Stats
	Clustered clusterResult `json:"clustered"`
	Seconds   float64       `json:"seconds"`
	PerSecond float64       `json:"articles_per_second"`
}

func runWorker(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "worker", "[--db postgres://…] [--concurrency N] [--exit-when-done] [--json]",
		"Analyze the articles ingest enqueued, and group them into stories. On PostgreSQL, any\nnumber of workers on any number of machines claim jobs from the store's queue\n(FOR UPDATE SKIP LOCKED, under a lease: a killed worker's jobs are claimed again\nwhen the lease ends); each analysis is stored with its job's completion in one\ntransaction; failures retry with backoff and are dead-lettered after a few\nattempts (see rasid jobs). When the queue is drained, one worker at a time (an\nadvisory lock) adds the analyzed articles to stories, in publication order.\nOn the embedded store, one worker analyzes what is unanalyzed, then clusters.\nStops on SIGINT/SIGTERM (jobs in hand return to the queue when their lease ends).")
	dbPath := addDBFlag(fs, env)
	conc := fs.Int("concurrency", 1, "jobs analyzed at once in this process")
	lease := fs.Duration("lease", 2*time.Minute, "how long a claim holds its jobs before another worker may take them")
	batch := fs.Int("batch", 4, "jobs taken per claim")
	poll := fs.Duration("poll", 500*time.Millisecond, "wait between claims when the queue is empty")
	name := fs.String("name", "", "this worker's name in the queue (default host:pid)")
	exit := fs.Bool("exit-when-done", false, "exit once the queue is drained and the stories are up to date")
	noCluster := fs.Bool("no-cluster", false, "do not cluster stories when the queue is drained")
	asJSON := fs.Bool("json", false, "print the final report as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid worker: unexpected argument %q", fs.Arg(0))
	}
	if *conc < 1 || *batch < 1 || *lease <= 0 {
		return usagef("rasid worker: --concurrency, --batch and --lease must be positive")
	}
	st, err := openArchive(ctx, env, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	an, err := analysis.Default()
	if err != nil {
		return fmt.Errorf("rasid worker: %w", err)
	}
	var rep workerReport
	var mu sync.Mutex
	cluster := func(ctx context.Context) error {
		if *noCluster {
			return nil
		}
		res, err := clusterStore(ctx, st, story.DefaultOptions())
		if err != nil {
			return fmt.Errorf("cluster: %w", err)
		}
		mu.Lock()
		rep.Clustered = res
		mu.Unlock()
		return nil
	}
	start := time.Now()
	if _, ok := st.(store.Queue); !ok {
		n, err := analyzeUnanalyzed(ctx, st, an, *conc)
		rep.Done = int64(n)
		if err == nil && ctx.Err() == nil {
			err = cluster(ctx)
		}
		if err != nil {
			return fmt.Errorf("rasid worker: %w", err)
		}
	} else {
		w, err := queue.New(st, func(a news.Article) (news.Analysis, error) { return an.Analyze(a), nil }, queue.Options{
			Name: *name, Concurrency: *conc, Batch: *batch, Lease: *lease, Poll: *poll,
			Drained: cluster, ExitWhenDrained: *exit, Log: env.Stderr,
		})
		if err != nil {
			return fmt.Errorf("rasid worker: %w", err)
		}
		err = w.Run(ctx)
		rep.Stats = w.Stats()
		if err != nil {
			return fmt.Errorf("rasid worker: %w", err)
		}
	}
	rep.Seconds = time.Since(start).Seconds()
	if rep.Seconds > 0 {
		rep.PerSecond = float64(rep.Done) / rep.Seconds
	}
	if *asJSON {
		return printIndentedJSON(env.Stdout, rep)
	}
	fmt.Fprintf(env.Stdout, "analyzed %s in %.1fs (%.1f/s); failed attempts %d, lost leases %d; stories written %d\n",
		count(rep.Done, "article", "articles"), rep.Seconds, rep.PerSecond, rep.Failed, rep.Lost, rep.Clustered.Stories)
	return nil
}

// analyzeUnanalyzed is the worker of a store without a queue (the embedded
// store, one process): analyze the current articles with no analysis by
// this analyzer, in publication order, on conc goroutines, in batches.
func analyzeUnanalyzed(ctx context.Context, st store.Store, an *analysis.Analyzer, conc int) (int, error) {
	conc = max(1, min(conc, runtime.GOMAXPROCS(0)*4))
	total := 0
	for ctx.Err() == nil {
		ids, err := st.Unanalyzed(ctx, analysis.Version, 512)
		if err != nil || len(ids) == 0 {
			return total, err
		}
		arts, err := st.Articles(ctx, store.ArticleFilter{IDs: ids})
		if err != nil {
			return total, err
		}
		out := make([]news.Analysis, len(arts))
		var wg sync.WaitGroup
		for w := range conc {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < len(arts); i += conc {
					out[i] = an.Analyze(arts[i])
				}
			}()
		}
		wg.Wait()
		if err := st.PutAnalyses(ctx, out); err != nil {
			return total, err
		}
		total += len(out)
		if len(arts) < len(ids) {
			return total, fmt.Errorf("%d unanalyzed articles could not be read", len(ids)-len(arts))
		}
	}
	return total, ctx.Err()
}

func runJobs(ctx context.Context, env Env, args []string) error {
	fs := newFlagSet(env, "jobs", "[--db postgres://…] [--dead N] [--json]",
		"Show the analysis job queue of a PostgreSQL store: jobs by state (queued, running,\ndone, dead), running jobs whose lease has ended, and the dead-lettered jobs\nwith their last error.")
	dbPath := addDBFlag(fs, env)
	dead := fs.Int("dead", 20, "dead-lettered jobs to list")
	asJSON := fs.Bool("json", false, "print as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("rasid jobs: unexpected argument %q", fs.Arg(0))
	}
	st, err := openReadStore(ctx, env, *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	q, ok := st.(store.Queue)
	if !ok {
		return fmt.Errorf("rasid jobs: %s keeps no job queue (the embedded store analyzes with rasid worker directly)", *dbPath)
	}
	rep, err := q.Jobs(ctx, *dead)
	if err != nil {
		return fmt.Errorf("rasid jobs: %w", err)
	}
	if *asJSON {
		return printIndentedJSON(env.Stdout, rep)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	states := []string{store.JobQueued, store.JobRunning, store.JobDone, store.JobDead}
	for s := range rep.Counts {
		if !slices.Contains(states, s) {
			states = append(states, s)
		}
	}
	sort.Strings(states[4:])
	for _, s := range states {
		fmt.Fprintf(tw, "%s\t%d\n", s, rep.Counts[s])
	}
	fmt.Fprintf(tw, "expired leases\t%d\n", rep.Expired)
	fmt.Fprintf(tw, "analyses stored\t%d\n", rep.Analyses)
	fmt.Fprintf(tw, "analyses stored more than once\t%d\n", rep.Rewritten)
	tw.Flush()
	if len(rep.Dead) > 0 {
		fmt.Fprintln(env.Stdout, "\ndead-lettered:")
		for _, d := range rep.Dead {
			fmt.Fprintf(env.Stdout, "  job %d article %s, %d attempts, %s: %s\n", d.ID, d.ArticleID, d.Attempt, d.Updated.UTC().Format(time.RFC3339), d.Error)
		}
	}
	return nil
}
