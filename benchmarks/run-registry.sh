#!/usr/bin/env bash
# Registry comparison benchmark (hall review, part 1): COUNT persons (default 100,000) compared against the mock
# identity registry of SIZE persons (default 1,000,000), after a warm-up, in one process; prints time and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${COUNT:-100000}
size=${SIZE:-1000000}

dotnet build benchmarks/SocialCard.Benchmarks.Registry -c Release -nologo -clp:ErrorsOnly
bench="dotnet benchmarks/SocialCard.Benchmarks.Registry/bin/Release/net10.0/SocialCard.Benchmarks.Registry.dll"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), dotnet $(dotnet --version)"
echo "load before: $(uptime)"
$bench "$count" "$size"
echo "load after: $(uptime)"
