#!/usr/bin/env bash
# End-to-end test of `cordon serve` as a process: flags and exit codes,
# startup on a free loopback port, /match over HTTP, SIGHUP reload, the
# access log, and graceful SIGTERM. Usage: server_cli_test.sh path/to/cordon
set -u
CORDON="$1"
TMP="$(mktemp -d)"
PID=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -KILL "$PID"; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$TMP/stderr" ] && sed 's/^/  server: /' "$TMP/stderr" >&2; exit 1; }

mkdir -p "$TMP/lists/blocklist" "$TMP/lists/peps"
cp tests/data/custom_list/internal_blocklist.csv "$TMP/lists/blocklist/"
cp tests/data/custom_list/peps.csv "$TMP/lists/peps/"
printf 'a-long-enough-token\n' > "$TMP/token"
printf 'short\n' > "$TMP/short_token"

# Bad usage: exit 1; unusable lists: exit 2.
"$CORDON" serve --port 99999 2>/dev/null; [ $? -eq 1 ] || fail "--port 99999 should exit 1"
"$CORDON" serve --bogus 2>/dev/null; [ $? -eq 1 ] || fail "unknown flag should exit 1"
"$CORDON" serve --lists "$TMP/lists" --admin-token-file "$TMP/short_token" 2>/dev/null
[ $? -eq 1 ] || fail "a short admin token should exit 1"
"$CORDON" serve --lists "$TMP/nope" --port 0 2>/dev/null; [ $? -eq 2 ] || fail "missing lists dir should exit 2"

# HTTP helper: method url [body] [token] -> prints "status body".
http() {
  python3 - "$@" <<'PY'
import sys, urllib.request, urllib.error
method, url = sys.argv[1], sys.argv[2]
body = sys.argv[3].encode() if len(sys.argv) > 3 and sys.argv[3] else None
req = urllib.request.Request(url, data=body, method=method)
if len(sys.argv) > 4: req.add_header("Authorization", "Bearer " + sys.argv[4])
try:
    with urllib.request.urlopen(req, timeout=10) as r: print(r.status, r.read().decode())
except urllib.error.HTTPError as e: print(e.code, e.read().decode())
PY
}

"$CORDON" serve --lists "$TMP/lists" --port 0 --threads 2 --admin-token-file "$TMP/token" \
  --access-log "$TMP/access.log" 2> "$TMP/stderr" &
PID=$!
PORT=""
for _ in $(seq 1 100); do
  PORT="$(sed -n 's/.*on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$TMP/stderr")"
  [ -n "$PORT" ] && break
  kill -0 "$PID" 2>/dev/null || fail "server exited at startup"
  sleep 0.1
done
[ -n "$PORT" ] || fail "server did not report its port"
BASE="http://127.0.0.1:$PORT"

# A second server on the same port cannot bind: exit 2.
"$CORDON" serve --lists "$TMP/lists" --port "$PORT" --host 127.0.0.1 2>/dev/null
[ $? -eq 2 ] || fail "a second server on a busy port should exit 2"

out="$(http GET "$BASE/healthz")"
[ "$out" = '200 {"status":"ok"}' ] || fail "healthz: $out"

QUERY='{"queries":{"q1":{"schema":"Person","properties":{"name":["Viktor Halloran"],"birthDate":["1971-03-14"]}}}}'
out="$(http POST "$BASE/match/default" "$QUERY")"
echo "$out" | python3 -c '
import sys, json
status, body = sys.stdin.read().split(" ", 1)
assert status == "200", status
r = json.loads(body)["responses"]["q1"]["results"]
assert r[0]["id"] == "blocklist-BL-0001", r[0]["id"]
assert r[0]["match"] is True and r[0]["cordon"]["list_version"]
' || fail "match: $out"

out="$(http POST "$BASE/match/default" '{"queries":')"
case "$out" in "400 "*'"field":"body"'*) ;; *) fail "malformed JSON should be a 400 naming body: $out" ;; esac

# SIGHUP reloads: a row added to a list becomes matchable.
echo 'BL-0777,Ottoline Brackenbury-Vasquez,person,,1966-06-06,ES,,added for the reload test' \
  >> "$TMP/lists/blocklist/internal_blocklist.csv"
kill -HUP "$PID"
NEWQ='{"queries":{"n":{"schema":"Person","properties":{"name":"Ottoline Brackenbury-Vasquez"}}}}'
found=""
for _ in $(seq 1 100); do
  out="$(http POST "$BASE/match/default" "$NEWQ")"
  case "$out" in *'"blocklist-BL-0777"'*) found=1; break ;; esac
  sleep 0.1
done
[ -n "$found" ] || fail "SIGHUP did not reload the lists: $out"
# The outcome is printed by the signal loop (200 ms tick) after the swap.
for _ in $(seq 1 50); do grep -q "lists reloaded" "$TMP/stderr" && break; sleep 0.1; done
grep -q "lists reloaded" "$TMP/stderr" || fail "reload outcome not reported on stderr"

# Admin reload over HTTP with the token from the file.
out="$(http POST "$BASE/admin/reload?wait=30" "" a-long-enough-token)"
case "$out" in "200 "*'"reloaded"'*) ;; *) fail "admin reload: $out" ;; esac
out="$(http POST "$BASE/admin/reload" "" wrong-token-here)"
case "$out" in "401 "*) ;; *) fail "wrong token should be 401: $out" ;; esac

# Access log: JSON lines.
sleep 0.5
python3 -c '
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert any(l["path"] == "/healthz" and l["status"] == 200 for l in lines), lines[:3]
assert any(l["status"] == 400 and l.get("error") for l in lines)
' "$TMP/access.log" || fail "access log"

# SIGTERM: graceful stop, exit 0.
kill -TERM "$PID"
for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
kill -0 "$PID" 2>/dev/null && fail "server did not stop within 10 s of SIGTERM"
wait "$PID"; rc=$?
PID=""
[ $rc -eq 0 ] || fail "exit code after SIGTERM: $rc"
grep -q "stopped" "$TMP/stderr" || fail "no stop message"
echo "server_cli_test: all passed"
