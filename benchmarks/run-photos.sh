#!/usr/bin/env bash
# Photo benchmark (issue item 8): 1,000 compliant and 1,000 faulty generated photos checked without and with face
# geometry, and 200 camera-size (3000 × 4000) portraits fixed. Single-threaded: the rates are per core.
# Each measurement runs in its own process and prints its peak working set. COUNT and CAMERA override the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
apt_install libturbojpeg0 opencv-data imagemagick
count=${COUNT:-1000}
camera=${CAMERA:-200}
work=$(mktemp -d /tmp/socialcard-photo-bench.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

dotnet build benchmarks/SocialCard.Benchmarks.Photos -c Release -nologo -clp:ErrorsOnly
bench="dotnet benchmarks/SocialCard.Benchmarks.Photos/bin/Release/net10.0/SocialCard.Benchmarks.Photos.dll"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), dotnet $(dotnet --version)"
echo "load before: $(uptime)"
$bench checks "$count"
$bench camera "$work" "$camera"
$bench fix "$work"
echo "load after: $(uptime)"
