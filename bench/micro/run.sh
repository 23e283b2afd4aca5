#!/usr/bin/env bash
# Google Benchmark micro-benchmarks, one per stage (bench/micro/micro_bench.cc).
# Each checks its answer before timing. Usage: bench/micro/run.sh [benchmark flags]
#   bench/micro/run.sh --benchmark_filter=Screen --benchmark_repetitions=5
# The engine is opened from an index snapshot (built once into build/bench/micro.snap)
# so the run does not spend 2 s building it; CORDON_SNAPSHOT=FILE picks another.
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2 --target cordon cordon_micro >/dev/null
if [ -z "${CORDON_SNAPSHOT:-}" ]; then
  CORDON_SNAPSHOT=build/bench/micro.snap
  build/cordon index check --snapshot "$CORDON_SNAPSHOT" >/dev/null 2>&1 ||
    { build/cordon index build --out "$CORDON_SNAPSHOT" >/dev/null 2>"$CORDON_SNAPSHOT.log" ||
      { cat "$CORDON_SNAPSHOT.log"; exit 2; }; }
fi
export CORDON_SNAPSHOT
exec build/bench/cordon_micro "$@"
