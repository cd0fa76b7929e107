#!/usr/bin/env bash
# The hall-review benchmark of issue #5 in one command: the registry comparison (100,000 persons against the
# 1-million-record mock), then 1,000 application forms with distinct photos and a 10,000-row summary table.
# Each part prints its time and peak memory; COUNT/SIZE and FORMS/ROWS override the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== registry comparison (target ≤ 10 s)"
benchmarks/run-registry.sh
echo
echo "== printed documents (targets: 1,000 forms ≤ 2 s, summary table ≤ 2 s)"
benchmarks/run-documents.sh
