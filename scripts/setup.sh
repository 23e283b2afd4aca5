#!/usr/bin/env bash
# Quick start, step 1: install dependencies, build into build/, and screen a
# few names against the bundled lists.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)" --target cordon
build/cordon lists
for name in "Vladimir Putin" "김정은" "Ким Чен Ын"; do
  echo
  echo "\$ build/cordon screen \"$name\""
  build/cordon screen --limit 3 "$name"
done
