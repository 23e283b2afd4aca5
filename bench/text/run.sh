#!/usr/bin/env bash
# Free-text and payment screening benchmark (issue 5): quality on the
# tests/data/text corpus (recall, false mentions per 1,000 words), prose MB/s,
# pacs.008 messages/s on 1 and 2 threads. Answers are checked before timings.
# Usage: bench/text/run.sh [--prose-mb N] [--messages N] [--name-pool N]
#   BUILD_DIR=build-x bench/text/run.sh   to use another build folder
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD_DIR="${BUILD_DIR:-build}"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)" --target cordon_text_bench >/dev/null
exec "$BUILD_DIR/bench/cordon_text_bench" "$@"
