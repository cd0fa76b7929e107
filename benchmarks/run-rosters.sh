#!/usr/bin/env bash
# Roster benchmark: a 100,000-row valid roster and one with 5% planted errors, uploaded → validated →
# stored on SQLite and on a throwaway PostgreSQL cluster. Prints time and peak memory per run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
apt_install postgresql python3
rows=${ROWS:-100000}
work=$(mktemp -d /tmp/socialcard-bench.XXXXXX)
chmod 755 "$work"
trap 'scripts/postgres-throwaway.sh stop "$work/pg" || true' EXIT

dotnet build benchmarks/SocialCard.Benchmarks -c Release -nologo -clp:ErrorsOnly
bench="dotnet benchmarks/SocialCard.Benchmarks/bin/Release/net10.0/SocialCard.Benchmarks.dll"
$bench generate "$work/valid-$rows.xlsx" "$rows" 0
$bench generate "$work/errors5-$rows.xlsx" "$rows" 0.05
pg=$(scripts/postgres-throwaway.sh start "$work/pg" "$(free_port)")

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), dotnet $(dotnet --version)"
for file in "$work/valid-$rows.xlsx" "$work/errors5-$rows.xlsx"; do
  $bench import "$file" Sqlite
  $bench import "$file" Postgres "$pg"
done
