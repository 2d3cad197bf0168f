#!/usr/bin/env bash
# measure-workers.sh measures rasid's workers on PostgreSQL against the
# embedded run: the articles of DATA are ingested into SQLite and analyzed
# and clustered by one process (the reference), then ingested into a fresh
# PostgreSQL database per worker count and analyzed by that many worker
# processes (each --concurrency 1), then clustered (the drained step, one
# writer). For each count it prints the analysis wall time and throughput,
# the queue's counts (every job done, none dead, no analysis stored twice)
# and the comparison with the reference (rasid migrate --compare: checksums
# of articles, analyses and stories, and the stories' BCubed).
#
#   eval "$(deploy/pg-test.sh start)"
#   go build -o /tmp/rasid ./cmd/rasid
#   RASID=/tmp/rasid deploy/measure-workers.sh ../shared/data/news/saudinewsnet 1 2 4
#
# With FAULTS=1, workers are SIGKILLed at random while they run (and
# restarted), and PostgreSQL is restarted once mid-run (needs PGTMP from
# pg-test.sh); leases are short (LEASE, default 5s) so killed jobs return.
set -euo pipefail
data="${1:?usage: measure-workers.sh DATA [N…]}"
shift
counts=("${@:-1 2 4}")
rasid="${RASID:-rasid}"
base="${RASID_TEST_POSTGRES:?set RASID_TEST_POSTGRES (deploy/pg-test.sh start)}"
lease="${LEASE:-5s}"
# Without faults the analysis is timed alone (--no-cluster) and the stories
# are clustered after; with faults the workers cluster themselves when the
# queue is drained (one at a time, under the advisory lock), kills included.
wflags=(--no-cluster)
[ "${FAULTS:-0}" = 1 ] && wflags=()
tmp="$(mktemp -d /tmp/rasid-measure.XXXXXX)"
psql="$(ls /usr/lib/postgresql/*/bin/psql | tail -1)"
dsn_for() { echo "${base/\/rasid\?//$1?}"; }
now() { date +%s.%N; }

ref="$tmp/ref.db"
t0=$(now)
"$rasid" ingest --db "$ref" "$data" >/dev/null 2>"$tmp/ingest-ref.log" || true
t1=$(now)
"$rasid" worker --db "$ref" --json >"$tmp/ref.json"
t2=$(now)
echo "reference (SQLite, one process): ingest $(echo "$t1 - $t0" | bc)s, analyze+cluster $(echo "$t2 - $t1" | bc)s"
grep -E '"done"|"seconds"|articles_per_second' "$tmp/ref.json" | tr -d ' \n'; echo

for n in ${counts[@]}; do
  db="rasid_measure_${n}_$$"
  "$psql" "$base" -qAt -c "CREATE DATABASE $db" >/dev/null
  dsn="$(dsn_for "$db")"
  t0=$(now)
  "$rasid" ingest --db "$dsn" "$data" >/dev/null 2>"$tmp/ingest-$n.log" || true
  t1=$(now)
  total=$("$psql" "$dsn" -qAt -c "SELECT count(*) FROM jobs")
  pids=()
  for i in $(seq "$n"); do
    "$rasid" worker --db "$dsn" "${wflags[@]}" --exit-when-done --lease "$lease" --json >"$tmp/w$n-$i.json" 2>>"$tmp/w$n.log" &
    pids+=($!)
  done
  if [ "${FAULTS:-0}" = 1 ]; then
    restarted=0 kills=0
    while [ "$("$psql" "$dsn" -qAt -c "SELECT count(*) FROM jobs WHERE state IN ('queued','running')" 2>/dev/null || echo 1)" != 0 ]; do
      sleep "$(awk 'BEGIN{srand(); printf "%.1f", 1+rand()*3}')"
      k=$((RANDOM % n))
      if kill -0 "${pids[$k]}" 2>/dev/null; then
        kill -9 "${pids[$k]}" && kills=$((kills + 1))
        wait "${pids[$k]}" 2>/dev/null || true
        "$rasid" worker --db "$dsn" "${wflags[@]}" --exit-when-done --lease "$lease" --json >"$tmp/w$n-r$kills.json" 2>>"$tmp/w$n.log" &
        pids[$k]=$!
      fi
      done_now=$("$psql" "$dsn" -qAt -c "SELECT count(*) FROM jobs WHERE state = 'done'" 2>/dev/null || echo 0)
      if [ "$restarted" = 0 ] && [ "$done_now" -gt $((total / 2)) ]; then
        if PGTMP="${PGTMP:?FAULTS needs PGTMP}" "${PGTEST:-$(dirname "$0")/pg-test.sh}" restart; then
          restarted=1
          echo "  PostgreSQL restarted (immediate: a crash for the clients) at $done_now/$total done"
        fi
      fi
    done
    echo "  workers SIGKILLed: $kills; PostgreSQL restarts: $restarted"
  fi
  for p in "${pids[@]}"; do wait "$p" || true; done
  t2=$(now)
  "$rasid" worker --db "$dsn" --exit-when-done --json >"$tmp/c$n.json"
  t3=$(now)
  secs=$(echo "$t2 - $t1" | bc)
  echo "$n worker(s): $total jobs; ingest $(echo "$t1 - $t0" | bc)s; workers ${secs}s = $(echo "scale=1; $total / $secs" | bc) articles/s; then clustering $(echo "$t3 - $t2" | bc)s"
  lost=$(cat "$tmp"/w$n-*.json 2>/dev/null | grep -h '"lost"' | tr -dc '0-9\n' | paste -sd+ | bc)
  echo "  completions refused (lease lost): ${lost:-0}"
  "$rasid" jobs --db "$dsn" --dead 3 | sed 's/^/  /'
  "$rasid" migrate --compare --from "$ref" --to "$dsn" | sed 's/^/  /' || true
done
echo "logs in $tmp"
