#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests and prints its connection string.
#   scripts/postgres-throwaway.sh start DIR PORT   -> prints "Host=127.0.0.1;Port=PORT;Username=postgres;Database=postgres"
#   scripts/postgres-throwaway.sh stop DIR
# Needs PostgreSQL's server binaries (Debian: apt-get install postgresql). initdb refuses to run as
# root, so as root the cluster belongs to the 'postgres' user.
set -euo pipefail
action=${1:?start|stop}
dir=${2:?data directory}

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "PostgreSQL server binaries not found: apt-get install -y postgresql" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    port=${3:?port}
    rm -rf "$dir" && mkdir -p "$dir/data" "$dir/socket"
    if [ "$(id -u)" = "0" ]; then chown -R postgres:postgres "$dir"; fi
    as_owner "$pg_bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/pg.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
      || { cat "$dir/pg.log" >&2; exit 1; }
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$pg_bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
    fi
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
