package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/rasid-news/rasid/internal/demo"
	"github.com/rasid-news/rasid/internal/store"
	"github.com/rasid-news/rasid/internal/store/postgres"
)

// pgDSN returns a DSN for a fresh schema on the test PostgreSQL, or skips.
func pgDSN(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("RASID_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("RASID_TEST_POSTGRES is not set: no PostgreSQL to test against (start one with deploy/pg-test.sh)")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("cli_%d_%d", os.Getpid(), time.Now().UnixNano()%1e12)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if c, err := pgx.Connect(ctx, dsn); err == nil {
			c.Exec(ctx, `DROP SCHEMA `+name+` CASCADE`)
			c.Close(ctx)
		}
	})
	u, _ := url.Parse(dsn)
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

// demoStore ingests the demo corpus into a new store at db.
func demoStore(t *testing.T, db string) int {
	t.Helper()
	in := filepath.Join(t.TempDir(), "demo.jsonl")
	if err := os.WriteFile(in, demo.JSONL(), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, errOut, code := ingestJSON(t, "--db", db, in)
	if code != 0 {
		t.Fatalf("ingest: %s", errOut)
	}
	return sum.Stored
}

// TestWorkerEmbedded: on SQLite, one worker analyzes and clusters, and
// migrate copies the result to another store with equal checksums.
func TestWorkerEmbedded(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	n := demoStore(t, db)
	out, errOut, code := run(t, "", "worker", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("worker: %s", errOut)
	}
	var rep workerReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if int(rep.Done) != n || rep.Clustered.Stories == 0 {
		t.Errorf("worker report %+v; want %d analyzed and stories", rep, n)
	}
	if _, errOut, code := run(t, "", "jobs", "--db", db); code == 0 || !strings.Contains(errOut, "no job queue") {
		t.Errorf("jobs on SQLite: %d %s", code, errOut)
	}
	out, errOut, code = run(t, "", "migrate", "--from", db, "--to", filepath.Join(dir, "b.db"), "--json")
	if code != 0 {
		t.Fatalf("migrate: %s%s", out, errOut)
	}
	var mig migrateReport
	if err := json.Unmarshal([]byte(out), &mig); err != nil {
		t.Fatal(err)
	}
	if !mig.Verified || mig.To.Articles != n || mig.To.Analyses != n || mig.To.Stories == 0 {
		t.Errorf("migrate report %+v", mig)
	}
	if _, _, code := run(t, "", "migrate", "--from", db, "--to", db); code != 2 {
		t.Errorf("migrate onto itself: exit %d, want 2", code)
	}
}

// TestWorkerPostgres: ingest into PostgreSQL enqueues jobs; two workers
// drain them, stories match the embedded run's; migrate both ways.
func TestWorkerPostgres(t *testing.T) {
	dsn := pgDSN(t)
	dir := t.TempDir()
	n := demoStore(t, dsn)
	out, _, _ := run(t, "", "jobs", "--db", dsn, "--json")
	if !strings.Contains(out, fmt.Sprintf(`"queued": %d`, n)) {
		t.Fatalf("jobs after ingest:\n%s", out)
	}
	errs := make(chan string, 2)
	for i := range 2 {
		go func() {
			_, errOut, code := run(t, "", "worker", "--db", dsn, "--exit-when-done", "--poll", "20ms", "--name", fmt.Sprint("w", i))
			if code != 0 {
				errs <- errOut
				return
			}
			errs <- ""
		}()
	}
	for range 2 {
		if e := <-errs; e != "" {
			t.Fatalf("worker: %s", e)
		}
	}
	out, _, _ = run(t, "", "jobs", "--db", dsn)
	for _, want := range []string{fmt.Sprintf("done                            %d", n), "analyses stored more than once  0"} {
		if !strings.Contains(out, want) {
			t.Errorf("jobs after the workers lack %q:\n%s", want, out)
		}
	}
	ref := filepath.Join(dir, "ref.db")
	demoStore(t, ref)
	if _, errOut, code := run(t, "", "worker", "--db", ref); code != 0 {
		t.Fatal(errOut)
	}
	out, errOut, code := run(t, "", "migrate", "--compare", "--from", ref, "--to", dsn)
	if code != 0 || !strings.Contains(out, "F1 1.0000") {
		t.Errorf("compare with the embedded run: %d\n%s%s", code, out, errOut)
	}
	back := filepath.Join(dir, "back.db")
	if out, errOut, code := run(t, "", "migrate", "--from", dsn, "--to", back); code != 0 {
		t.Errorf("migrate PostgreSQL → SQLite: %s%s", out, errOut)
	}
}

// TestWorkerKilled: a worker process SIGKILLed in the middle of the queue
// loses nothing and doubles nothing: its leased jobs are claimed again by
// the next worker once the lease ends.
func TestWorkerKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dsn := pgDSN(t)
	const n = 1000
	input := filepath.Join(t.TempDir(), "big.jsonl")
	writeGenerated(t, input, n)
	if sum, errOut, code := ingestJSON(t, "--db", dsn, input); code != 0 || sum.Stored != n {
		t.Fatalf("ingest: %+v %s", sum, errOut)
	}
	st, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	args, _ := json.Marshal([]string{"worker", "--db", dsn, "--lease", "1s", "--batch", "8", "--no-cluster", "--name", "doomed"})
	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestChild$")
	cmd.Env = append(os.Environ(), childEnv+"="+string(args))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		rep, err := st.Jobs(context.Background(), 0)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Counts[store.JobDone] >= 50 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("the child worker did not get going: %+v", rep)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	before, _ := st.Jobs(context.Background(), 0)
	if _, errOut, code := run(t, "", "worker", "--db", dsn, "--exit-when-done", "--poll", "50ms", "--no-cluster"); code != 0 {
		t.Fatal(errOut)
	}
	rep, err := st.Jobs(context.Background(), 5)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Counts[store.JobDone] != n || rep.Analyses != n || rep.Rewritten != 0 || rep.Counts[store.JobDead] != 0 {
		t.Errorf("after the kill (%v then) and a second worker: %+v; want %d done once each", before.Counts, rep, n)
	}
	t.Logf("killed with %v; then %+v", before.Counts, rep.Counts)
}
