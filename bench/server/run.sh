#!/usr/bin/env bash
# HTTP service benchmark: wrk against POST /match/default (one person query),
# on loopback, after checking the answer. Not part of the tests.
#
#   bench/server/run.sh peak [SECONDS]            # 64 connections, full speed (default 30 s)
#   bench/server/run.sh soak [SECONDS] [RATE]     # paced at RATE req/s (default: 70% of a
#                                                 # 10 s peak run), 600 s; samples RSS every 30 s
# Env: CORDON_BIN (default build/cordon), CORDON_LISTS, BENCH_THREADS (server, default 2),
#      WRK_THREADS (default 1: on a 2-vCPU machine a second wrk thread takes CPU from the server
#      and shows up as tail latency), BENCH_CONNECTIONS (default 64), BENCH_ACCESS_LOG (default off).
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE="${1:-peak}"
BIN="${CORDON_BIN:-build/cordon}"
CONNS="${BENCH_CONNECTIONS:-64}"
WRK_THREADS="${WRK_THREADS:-1}"
TMP="$(mktemp -d)"
PID=""
cleanup() { [ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ -x "$BIN" ] || { echo "no cordon binary at $BIN (set CORDON_BIN)" >&2; exit 2; }

"$BIN" serve --port 0 --threads "${BENCH_THREADS:-2}" --access-log "${BENCH_ACCESS_LOG:-off}" 2> "$TMP/stderr" &
PID=$!
PORT=""
for _ in $(seq 1 600); do
  PORT="$(sed -n 's/.*on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$TMP/stderr")"
  [ -n "$PORT" ] && break
  sleep 0.1
done
[ -n "$PORT" ] || { cat "$TMP/stderr" >&2; echo "server did not start" >&2; exit 2; }
URL="http://127.0.0.1:$PORT"

# Answers first: the benchmark query must find Putin, explained and versioned.
python3 - "$URL" <<'PY'
import json, sys, urllib.request
body = b'{"queries":{"q1":{"schema":"Person","properties":{"name":["Vladimir Putin"],"birthDate":["1952-10-07"],"nationality":["ru"]}}}}'
r = json.loads(urllib.request.urlopen(urllib.request.Request(sys.argv[1] + "/match/default", data=body), timeout=10).read())
res = r["responses"]["q1"]["results"]
assert res and "PUTIN" in res[0]["caption"].upper() and res[0]["match"], res[:1]
assert res[0]["explanations"]["name_score"]["detail"] and res[0]["cordon"]["list_version"]
print("answer check: ok (%d results, top %s %.2f)" % (len(res), res[0]["id"], res[0]["score"]))
PY

rss() { python3 -c '
import sys, urllib.request
for line in urllib.request.urlopen(sys.argv[1] + "/metrics", timeout=10).read().decode().splitlines():
    if line.startswith("process_resident_memory_bytes "): print(int(float(line.split()[1])) // (1024 * 1024))
' "$URL"; }

# Parses wrk output: rate, p50, p99, errors (non-2xx + socket errors).
summarise() {
  python3 - "$1" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
def pct(p):
    m = re.search(r"\s%s%%\s+([\d.]+)(us|ms|s)\b" % p, t)
    if not m: return float("nan")
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
non2xx = sum(int(x) for x in re.findall(r"Non-2xx or 3xx responses: (\d+)", t))
sock = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", t))
total = int(re.search(r"(\d+) requests in", t).group(1))
print("requests %d  rate %.0f req/s  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  errors %d (non-2xx %d, socket %d)"
      % (total, rate, pct(50), pct(90), pct(99), non2xx + sock, non2xx, sock))
sys.exit(1 if non2xx + sock else 0)
PY
}

echo "server: $BIN, $(nproc) CPUs, server threads ${BENCH_THREADS:-2}, wrk -t$WRK_THREADS -c$CONNS, access log ${BENCH_ACCESS_LOG:-off}"
if [ "$MODE" = "peak" ]; then
  SECONDS_RUN="${2:-30}"
  wrk -t"$WRK_THREADS" -c"$CONNS" -d"${SECONDS_RUN}s" --latency -s bench/server/match.lua "$URL" > "$TMP/wrk.txt"
  echo "peak ($SECONDS_RUN s): $(summarise "$TMP/wrk.txt")"
  echo "rss after: $(rss) MB"
elif [ "$MODE" = "soak" ]; then
  SECONDS_RUN="${2:-600}"
  RATE="${3:-}"
  if [ -z "$RATE" ]; then
    wrk -t"$WRK_THREADS" -c"$CONNS" -d10s --latency -s bench/server/match.lua "$URL" > "$TMP/peak.txt"
    PEAK="$(sed -n 's/Requests\/sec:[[:space:]]*\([0-9.]*\).*/\1/p' "$TMP/peak.txt")"
    RATE="$(python3 -c "print(int(float('$PEAK') * 0.7))")"
    echo "peak (10 s): $(summarise "$TMP/peak.txt"); soak rate = 70% = $RATE req/s"
  fi
  # wrk paces by a fixed pause after each response, so the achieved rate falls short of the
  # target by the response time: calibrate the pause for 15 s, then soak.
  CORDON_SOAK_RATE="$RATE" CORDON_SOAK_CONNECTIONS="$CONNS" \
    wrk -t"$WRK_THREADS" -c"$CONNS" -d15s -s bench/server/soak.lua "$URL" > "$TMP/calib.txt"
  GOT="$(sed -n 's/Requests\/sec:[[:space:]]*\([0-9.]*\).*/\1/p' "$TMP/calib.txt")"
  PACE="$(python3 -c "print(int($RATE * $RATE / max(float('$GOT'), 1.0)))")"
  echo "calibration: paced for $RATE req/s, got $GOT; pacing for $PACE"
  echo "rss at start: $(rss) MB"
  CORDON_SOAK_RATE="$PACE" CORDON_SOAK_CONNECTIONS="$CONNS" \
    wrk -t"$WRK_THREADS" -c"$CONNS" -d"${SECONDS_RUN}s" --latency -s bench/server/soak.lua "$URL" > "$TMP/wrk.txt" &
  WRK=$!
  for t in $(seq 30 30 "$SECONDS_RUN"); do
    sleep 30
    echo "  t+${t}s rss $(rss) MB"
  done
  wait "$WRK"
  echo "soak ($SECONDS_RUN s, target $RATE req/s): $(summarise "$TMP/wrk.txt")"
  echo "rss at end: $(rss) MB"
else
  echo "usage: bench/server/run.sh peak|soak [SECONDS] [RATE]" >&2
  exit 1
fi
