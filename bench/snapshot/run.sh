#!/usr/bin/env bash
# Start-up: cold build from the lists vs opening an index snapshot.
# 1. bench/snapshot (in-process): cold build, save, answers compared over a
#    seeded query sample (identical JSON required), then N timed opens.
# 2. The CLI as a user starts it: `cordon lists` from the lists and from the
#    snapshot, wall time and peak RSS (GNU time), 3 runs each.
# Usage: bench/snapshot/run.sh [--queries N] [--runs N]
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j2 --target cordon cordon_snapshot_bench >/dev/null
SNAP=build/bench/startup.snap
build/bench/cordon_snapshot_bench --out "$SNAP" "$@"
echo
echo "CLI start-up (cordon lists > /dev/null): wall seconds, peak RSS"
for mode in lists snapshot; do
  for run in 1 2 3; do
    if [ "$mode" = lists ]; then
      /usr/bin/time -f "  from the lists:    %e s  %M KB" build/cordon lists >/dev/null
    else
      /usr/bin/time -f "  from the snapshot: %e s  %M KB" build/cordon lists --snapshot "$SNAP" >/dev/null
    fi
  done
done
/usr/bin/time -f "  from the snapshot, checked against data/lists: %e s  %M KB" \
  build/cordon lists --snapshot "$SNAP" --lists data/lists >/dev/null
