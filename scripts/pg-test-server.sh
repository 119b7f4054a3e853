#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests: `start` prints its URL (postgres://…), `stop DIR` removes it.
#   url=$(scripts/pg-test-server.sh start)   # also writes the data directory to $PG_TEST_DIR_FILE if set
#   scripts/pg-test-server.sh stop "$dir"
# Uses Debian's postgresql-15 binaries (PG_BIN to override), a temp directory, a private port, no fsync.
# initdb refuses to run as root: as root the cluster is created and run as the postgres user.
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

case "${1:-}" in
  start)
    [ -x "$PG_BIN/initdb" ] || { echo "pg-test-server: no PostgreSQL binaries in $PG_BIN (set PG_BIN)" >&2; exit 3; }
    dir=$(mktemp -d /tmp/pattern-bot-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    port=$(free_port)
    as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-F -c fsync=off -c synchronous_commit=off -c full_page_writes=off -p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    [ -n "${PG_TEST_DIR_FILE:-}" ] && echo "$dir" >"$PG_TEST_DIR_FILE"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir=${2:?usage: pg-test-server.sh stop DIR}
    case "$dir" in /tmp/pattern-bot-pg.*) ;; *) echo "pg-test-server: not a test server directory: $dir" >&2; exit 2 ;; esac
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
