#!/usr/bin/env bash
# Installs the Debian 12 packages cordon needs to build and test, if any is
# missing. Needs root (or sudo) only when something must be installed.
set -euo pipefail
PACKAGES=(build-essential cmake pkg-config g++ libicu-dev libexpat1-dev libzip-dev zlib1g-dev
          libgtest-dev libbenchmark-dev python3
          nlohmann-json3-dev wrk  # HTTP service (server/): JSON parsing; bench/server load generator
          libsqlite3-dev)  # monitoring store (src/store): embedded SQLite
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
