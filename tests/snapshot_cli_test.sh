#!/usr/bin/env bash
# End-to-end tests of index snapshots in the CLI: `index build|check`,
# --snapshot / $CORDON_SNAPSHOT on every screening command (same output as
# from the lists), stale, corrupted, truncated and missing snapshots (exit 2
# with the reason and how to rebuild), --strict, and `serve` reloading a
# rebuilt snapshot on SIGHUP while refusing a broken one.
# Usage: snapshot_cli_test.sh PATH/TO/cordon   (run from the repository root)
set -u
CORDON="$1"
TMP=$(mktemp -d)
PID=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -KILL "$PID"; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
unset CORDON_SNAPSHOT CORDON_LISTS
. "$(dirname "$0")/lib/checks.sh"
same() {  # same DESCRIPTION FILE1 FILE2
  if cmp -s "$2" "$3"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL: $1: outputs differ"; diff "$2" "$3" | head -10; fi
}
err_has() {  # err_has DESCRIPTION TEXT: stderr of the last expect_exit contains TEXT
  if grep -qF -- "$2" "$TMP/err"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL: $1: stderr lacks '$2'"; head -c 600 "$TMP/err"; fi
}

cp -r tests/data/snapshot_lists "$TMP/lists"
L="$TMP/lists"
S="$TMP/lists.snap"

# index build
expect_exit 1 "index build without --out" "$CORDON" index build --lists "$L"
expect_exit 1 "index without a subcommand" "$CORDON" index
expect_exit 2 "index build of a missing lists folder" "$CORDON" index build --lists "$TMP/nowhere" --out "$S"
expect_exit 0 "index build" "$CORDON" index build --lists "$L" --out "$S"
check "snapshot written" test -s "$S"
err_has "build reports the entities" "38 entities"
check "no temporary file left" bash -c "! ls '$TMP'/lists.snap.tmp.* 2>/dev/null"
expect_exit 1 "a snapshot keeps its population weights" "$CORDON" screen --snapshot "$S" --population none Putin
err_has "population flag refused with a snapshot" "a snapshot keeps the weights it was built with"

# The same answers from the snapshot as from the lists, on every command.
for name in "Ivan Sidorov" "박철수" "王小明" "خالد المنصوري" "Romashka Trading" "Ocean Star" "Nobody Atall"; do
  "$CORDON" screen --json --lists "$L" "$name" >"$TMP/a" 2>/dev/null
  "$CORDON" screen --json --snapshot "$S" "$name" >"$TMP/b" 2>/dev/null
  same "screen '$name' from the snapshot" "$TMP/a" "$TMP/b"
done
"$CORDON" screen --json --lists "$L" --type vessel --id "IMO 9123456" x >"$TMP/a" 2>/dev/null
CORDON_SNAPSHOT="$S" "$CORDON" screen --json --type vessel --id "IMO 9123456" x >"$TMP/b" 2>/dev/null
same "screen by identifier via \$CORDON_SNAPSHOT" "$TMP/a" "$TMP/b"
check "identifier found" grep -q '"W-024"' "$TMP/b"
"$CORDON" lists --json --lists "$L" >"$TMP/a" 2>/dev/null
"$CORDON" lists --json --snapshot "$S" >"$TMP/b" 2>/dev/null
same "lists --json from the snapshot (ids, as-of dates, versions, files)" "$TMP/a" "$TMP/b"
printf 'id,name,type,dob,country\n1,Ivan Sidorov,person,1961-04-12,RU\n2,Jane Doe,person,,\n3,Golden Lotus Shipping,organization,,\n' >"$TMP/in.csv"
"$CORDON" screen-file --lists "$L" --in "$TMP/in.csv" --out "$TMP/a" 2>/dev/null
"$CORDON" screen-file --snapshot "$S" --lists "$L" --in "$TMP/in.csv" --out "$TMP/b" 2>/dev/null
same "screen-file from a checked snapshot" "$TMP/a" "$TMP/b"
check "screen-file found rows" test -s "$TMP/b"
printf 'Officials said Сидоров Иван Петрович met PAK Chol Su in Pyongyang.\n' >"$TMP/news.txt"
"$CORDON" screen-text --json --lists "$L" "$TMP/news.txt" >"$TMP/a" 2>/dev/null
"$CORDON" screen-text --json --snapshot "$S" "$TMP/news.txt" >"$TMP/b" 2>/dev/null
same "screen-text from the snapshot" "$TMP/a" "$TMP/b"
check "screen-text found a mention" grep -q '"W-001"' "$TMP/b"
"$CORDON" screen-payment --json --lists "$L" tests/data/text/payments/mt103_four.txt >"$TMP/a" 2>/dev/null
"$CORDON" screen-payment --json --snapshot "$S" tests/data/text/payments/mt103_four.txt >"$TMP/b" 2>/dev/null
same "screen-payment from the snapshot" "$TMP/a" "$TMP/b"

# index check: current, then stale once a list file changes.
expect_exit 0 "index check of a current snapshot" "$CORDON" index check --snapshot "$S" --lists "$L"
expect_exit 1 "index check without a snapshot" "$CORDON" index check --lists "$L"
printf 'P-109,Late Addition,person,,,,\n' >>"$L/peps/officials.csv"
expect_exit 2 "index check of a stale snapshot" "$CORDON" index check --snapshot "$S" --lists "$L"
err_has "stale names the file" "peps/officials.csv changed since it was built"
expect_exit 2 "screen refuses a stale snapshot" "$CORDON" screen --snapshot "$S" --lists "$L" "Ivan Sidorov"
err_has "stale snapshot reason" "stale snapshot"
err_has "how to rebuild" "cordon index build --lists $L --out $S"
CORDON_LISTS="$L" CORDON_SNAPSHOT="$S" "$CORDON" screen "Ivan Sidorov" >/dev/null 2>"$TMP/err"
check "stale via \$CORDON_LISTS too" test $? -eq 2
expect_exit 0 "without a lists folder the snapshot is trusted" "$CORDON" screen --snapshot "$S" "Ivan Sidorov"
expect_exit 0 "rebuild" "$CORDON" index build --lists "$L" --out "$S"
expect_exit 0 "rebuilt snapshot is current" "$CORDON" index check --snapshot "$S" --lists "$L"
expect_exit 0 "late addition screened" "$CORDON" screen --json --snapshot "$S" --lists "$L" "Late Addition"
check "late addition found" grep -q '"P-109"' "$TMP/out"

# Broken snapshots: exit 2 naming the file and the problem.
python3 - "$S" "$TMP/corrupt.snap" <<'PY'
import sys
b = bytearray(open(sys.argv[1], "rb").read())
b[len(b) // 2] ^= 0x40
open(sys.argv[2], "wb").write(b)
PY
expect_exit 2 "corrupted snapshot" "$CORDON" screen --snapshot "$TMP/corrupt.snap" "Ivan Sidorov"
err_has "corrupted reason" "$TMP/corrupt.snap: corrupted snapshot"
err_has "corrupted: checksum" "checksum mismatch"
head -c 5000 "$S" >"$TMP/short.snap"
expect_exit 2 "truncated snapshot" "$CORDON" screen --snapshot "$TMP/short.snap" "Ivan Sidorov"
err_has "truncated reason" "truncated snapshot"
expect_exit 2 "not a snapshot" "$CORDON" screen --snapshot "$L/peps/officials.csv" "Ivan Sidorov"
err_has "not a snapshot reason" "not a cordon snapshot"
expect_exit 2 "missing snapshot" "$CORDON" screen --snapshot "$TMP/none.snap" "Ivan Sidorov"
err_has "missing names the file" "$TMP/none.snap"

# --strict: a snapshot of lists with a skipped record is refused like the lists.
mkdir -p "$TMP/skips/bad"
printf 'id,name,type\nX1,Good Party,person\nX2,Bad Party,spaceship\n' >"$TMP/skips/bad/list.csv"
expect_exit 0 "index build with a skipped record" "$CORDON" index build --lists "$TMP/skips" --out "$TMP/skips.snap"
expect_exit 2 "strict refuses the lists" "$CORDON" screen --strict --lists "$TMP/skips" "Good Party"
expect_exit 2 "strict refuses the snapshot" "$CORDON" screen --strict --snapshot "$TMP/skips.snap" "Good Party"
err_has "strict reason" "strict mode"
expect_exit 0 "not strict: screened" "$CORDON" screen --snapshot "$TMP/skips.snap" "Good Party"

# serve --snapshot: SIGHUP reloads a rebuilt snapshot; a broken one is
# refused and the last good engine keeps serving.
http_get() {
  python3 - "$1" <<'PY'
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=10) as r: print(r.read().decode())
PY
}
cp "$S" "$TMP/serve.snap"
"$CORDON" serve --snapshot "$TMP/serve.snap" --port 0 --threads 1 --access-log off 2>"$TMP/stderr" &
PID=$!
PORT=""
for _ in $(seq 1 100); do
  PORT="$(sed -n 's/.*on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$TMP/stderr")"
  [ -n "$PORT" ] && break
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.1
done
check "serve from a snapshot starts" test -n "$PORT"
check "serve names the snapshot" grep -q "from snapshot $TMP/serve.snap" "$TMP/stderr"
if [ -n "$PORT" ]; then
  BASE="http://127.0.0.1:$PORT"
  check "served from the snapshot" bash -c "$(declare -f http_get); http_get '$BASE/search/default?q=Late+Addition' | grep -q P-109"
  wait_reload() {  # wait_reload N: until stderr reports N reload outcomes
    for _ in $(seq 1 100); do
      [ "$(grep -c 'reload\(ed\| refused\)' "$TMP/stderr")" -ge "$1" ] && return 0
      sleep 0.1
    done
    return 1
  }
  # A broken snapshot (written in place, the way a careless copy would).
  cp "$TMP/corrupt.snap" "$TMP/serve.snap"
  kill -HUP "$PID"
  check "reload of a corrupted snapshot finishes" wait_reload 1
  check "reload refused" grep -q "reload refused, previous lists keep serving: .*corrupted snapshot" "$TMP/stderr"
  check "old engine still serves" bash -c "$(declare -f http_get); http_get '$BASE/search/default?q=Late+Addition' | grep -q P-109"
  # A rebuilt snapshot without the late addition: accepted.
  head -n -1 "$L/peps/officials.csv" >"$TMP/o.csv" && cp "$TMP/o.csv" "$L/peps/officials.csv"
  "$CORDON" index build --lists "$L" --out "$TMP/serve.snap" 2>/dev/null
  kill -HUP "$PID"
  check "reload of a rebuilt snapshot finishes" wait_reload 2
  check "reload accepted" grep -q "lists reloaded in" "$TMP/stderr"
  check "new engine serves" bash -c "$(declare -f http_get); ! http_get '$BASE/search/default?q=Late+Addition' | grep -q P-109"
  kill -TERM "$PID"
  wait "$PID"
  check "serve stops cleanly" test $? -eq 0
  PID=""
fi

finish snapshot_cli_test
