# Shared helpers for the run and test scripts (sourced, not executed).

say() { printf '\n==> %s\n' "$*"; }

# apt_install PKG...: installs the Debian packages that are missing, saying which and why.
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing Debian packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" != "0" ]; then
    command -v sudo >/dev/null || { echo "Need root (or sudo) to run: apt-get install -y ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null
  $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

# ensure_apt_lists PKG: makes sure apt knows PKG (for `apt-get download` in tests), updating the lists once if not.
ensure_apt_lists() {
  apt-cache show "$1" >/dev/null 2>&1 && return 0
  say "Updating Debian package lists (the tests download $1's files)"
  local sudo=""
  [ "$(id -u)" != "0" ] && sudo="sudo"
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null
}

require_dotnet() {
  if ! command -v dotnet >/dev/null; then
    echo "The .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian (package dotnet-sdk-10.0)." >&2
    exit 1
  fi
  say "Restoring dotnet local tools (dotnet-ef) from dotnet-tools.json"
  dotnet tool restore >/dev/null
}

# free_port: prints a TCP port nobody listens on.
free_port() {
  python3 - <<'PY' 2>/dev/null || echo 55432
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}
