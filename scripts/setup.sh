#!/usr/bin/env bash
# Install the Debian packages claimtrack needs (only those missing), then configure and build.
# Usage: scripts/setup.sh [BUILD_DIR] [extra cmake args...]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config
  libcurl4-openssl-dev libpugixml-dev libsqlitecpp-dev libsqlite3-dev
  libfmt-dev doctest-dev libgumbo-dev libicu-dev libcli11-dev
  nlohmann-json3-dev libcpp-httplib-dev zlib1g-dev libssl-dev
  libpoppler-cpp-dev libmimalloc-dev
  sqlite3 wget curl aria2 chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: error: missing packages (${missing[*]}); run this script as root" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build_dir=${1:-build}
shift || true
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build_dir" -j "$(nproc)" >&2
