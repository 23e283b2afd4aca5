#!/usr/bin/env bash
# Single-name latency in-process: a seeded sample of customers screened one at a
# time on one thread: cold (fresh engine), new names on a warm engine, repeated names.
# Usage: bench/latency/run.sh [flags]
#   flags: --sample N (40000: two halves) --seed S --passes P (3) --customers FILE --lists DIR
# Runs on an index snapshot of the bundled lists (built once into build/bench/latency.snap).
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2 --target cordon cordon_latency >/dev/null
SNAP=build/bench/latency.snap
build/cordon index check --snapshot "$SNAP" >/dev/null 2>&1 || { build/cordon index build --out "$SNAP" >/dev/null 2>"$SNAP.log" || { cat "$SNAP.log"; exit 2; }; }
exec build/bench/cordon_latency --snapshot "$SNAP" "$@"
