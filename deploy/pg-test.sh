#!/usr/bin/env bash
# pg-test.sh starts a throwaway PostgreSQL for rasid's tests and measurements:
# initdb and pg_ctl in a temporary directory (no system service), listening on
# 127.0.0.1 only, trust authentication, one database "rasid". It prints the
# line to eval:
#
#   eval "$(deploy/pg-test.sh start)"   # exports RASID_TEST_POSTGRES and PGTMP
#   go test ./internal/store/postgres/ ./internal/queue/
#   deploy/pg-test.sh stop              # stops it and removes the directory
#
# Environment: PGPORT (default: the first free port from 54329), PGTMP (the
# directory; default a new mktemp -d). PostgreSQL comes from Debian (apt-get install postgresql);
# initdb refuses to run as root, so as root it runs as the postgres user.
set -euo pipefail

bin=""
for d in /usr/lib/postgresql/*/bin; do
  [ -x "$d/pg_ctl" ] && bin="$d"
done
if [ -z "$bin" ]; then
  echo "pg-test: PostgreSQL not installed (apt-get install -y postgresql)" >&2
  exit 1
fi
# The port: PGPORT, else the first free one from 54329 (another test
# server may be running on this machine).
port="${PGPORT:-}"
if [ -z "$port" ]; then
  for p in $(seq 54329 54399); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      port=$p
      break
    fi
  done
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "${1:-}" in
start)
  dir="${PGTMP:-$(mktemp -d /tmp/rasid-pg.XXXXXX)}"
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=on -c shared_buffers=256MB" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qAt -c "SELECT 1 FROM pg_database WHERE datname = 'rasid'" postgres | grep -q 1 ||
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres rasid
  echo "export PGTMP=$dir RASID_TEST_POSTGRES=postgres://postgres@127.0.0.1:$port/rasid?sslmode=disable"
  ;;
stop)
  dir="${PGTMP:?pg-test: PGTMP is not set}"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  rm -rf "$dir"
  ;;
restart)
  dir="${PGTMP:?pg-test: PGTMP is not set}"
  port="$(sed -n 's/.*"-p" "\([0-9]*\)".*/\1/p' "$dir/data/postmaster.opts" 2>/dev/null || true)"
  port="${port:-${PGPORT:-54329}}"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m "${PGMODE:-immediate}" -w -l "$dir/server.log" restart \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c shared_buffers=256MB" >/dev/null
  ;;
*)
  echo "usage: pg-test.sh start|stop|restart" >&2
  exit 2
  ;;
esac
