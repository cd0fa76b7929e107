#!/usr/bin/env bash
# Printed documents benchmark (issue: printed documents): 1,000 application forms with 1,000 distinct generated
# photos in one PDF, and a 10,000-row summary table, each timed after a warm-up, with the peak working set.
# FORMS and ROWS override the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
apt_install libturbojpeg0 fonts-arphic-uming fonts-hanazono

dotnet build benchmarks/SocialCard.Benchmarks.Documents -c Release -nologo -clp:ErrorsOnly
bench="dotnet benchmarks/SocialCard.Benchmarks.Documents/bin/Release/net10.0/SocialCard.Benchmarks.Documents.dll"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), dotnet $(dotnet --version)"
echo "load before: $(uptime)"
$bench "${FORMS:-1000}" "${ROWS:-10000}"
echo "load after: $(uptime)"
