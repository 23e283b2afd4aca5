#!/usr/bin/env bash
# Crash test of the monitoring store (issue 7): runs lists import, customers
# import (plain and --replace, which off-boards), customers remove, monitor
# (which also closes alerts of delisted entities) and alert decisions, kills
# each with SIGKILL at a random moment, and after every kill checks that the
# store is consistent (SQLite integrity, every version complete, the
# customer key index in step with the active customers, audit entries
# committed with their work, no open alert on an off-boarded customer, the
# hash chain intact) and that every operation that reported success before
# the kill is there. The monitor's engine cache (<store>.engines/, written by
# lists import and monitor) is killed mid-save too: no monitor run may ever
# find a damaged snapshot there (it would say "rebuilt"), since a snapshot is
# renamed into place only once whole.
# Usage: store_crash_test.sh PATH/TO/cordon [ROUNDS]   (from the repository root)
# STORE_CRASH_SEED fixes the random sequence (default 7).
set -u
CORDON="$1"
ROUNDS="${2:-30}"
RANDOM="${STORE_CRASH_SEED:-7}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export CORDON_DB="$TMP/cordon.db"
fail=0
killed=0
killed_ops=""
completed=0
saves_killed=0

for d in 2022-02-23 2022-02-24 2022-02-25; do
  mkdir -p "$TMP/lists-$d/ofac_sdn"
  cp "data/lists/ofac_sdn_history/sdn-$d.csv.gz" "$TMP/lists-$d/ofac_sdn/sdn.csv"
  echo "$d" > "$TMP/lists-$d/ofac_sdn/as_of.txt"
done
# Customers: the listed names that change between snapshots plus clean
# names; variants change some birth dates so imports have work to do.
python3 - "$TMP" <<'PY'
import sys
tmp = sys.argv[1]
base = [("Vladimir Putin", "person", "1952-10-07", "RU"), ("Sergei Lavrov", "person", "1950-03-21", "RU"),
        ("Sergei Shoigu", "person", "", "RU"), ("Valery Gerasimov", "person", "", "RU"),
        ("Kim Jong Un", "person", "1984-01-08", "KP")]
first = ["Anna", "Jonas", "Maria", "Pieter", "Fatima", "Olga", "Chen", "Lucia", "Omar", "Ingrid"]
last = ["Linden", "Vink", "Rossi", "Kowalski", "Haddad", "Novak", "Garcia", "Berg", "Yilmaz", "Costa"]
for i in range(400):
    base.append((f"{first[i % 10]} {last[(i // 10) % 10]} {i}", "person", f"19{50 + i % 50}-01-01", "DE"))
for v in range(4):
    with open(f"{tmp}/customers-{v}.csv", "w") as f:
        f.write("id,name,type,dob,country\n")
        for i, (n, t, d, c) in enumerate(base):
            if d and i % 4 == v:
                d = d[:8] + "%02d" % (v + 2)
            f.write(f"C{i},{n},{t},{d},{c}\n")
# Full extracts for --replace that lack some customers (off-boarded; a
# later plain import restores them). Extract 0 lacks Putin and Lavrov.
for v in range(2):
    with open(f"{tmp}/extract-{v}.csv", "w") as f:
        f.write("id,name,type,dob,country\n")
        for i, (n, t, d, c) in enumerate(base):
            if i % 5 != v:
                f.write(f"C{i},{n},{t},{d},{c}\n")
PY
"$CORDON" lists import "$TMP/lists-2022-02-24" >/dev/null || { echo "setup import failed"; exit 1; }
"$CORDON" customers import "$TMP/customers-0.csv" >/dev/null || { echo "setup customers failed"; exit 1; }
"$CORDON" monitor --threads 2 >/dev/null || { echo "setup monitor failed"; exit 1; }

# consistent DB [EXPECT]: structural checks, plus an expectation about the
# last operation when it reported success ("version N", "import N",
# "run N", "alert ID STATUS").
consistent() {
  python3 - "$CORDON_DB" "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
expect = sys.argv[2]
q = lambda sql, *a: db.execute(sql, a).fetchall()
problems = []
if q("PRAGMA integrity_check") != [("ok",)]:
    problems.append("integrity_check failed")
if q("PRAGMA foreign_key_check"):
    problems.append("foreign key violations")
for vid, n in q("SELECT id, entities FROM list_version"):
    got = q("SELECT COUNT(*) FROM version_entity WHERE version_id=?", vid)[0][0]
    if got != n:
        problems.append(f"version {vid}: {got} entities stored, {n} recorded (partial version)")
if q("SELECT COUNT(*) FROM version_entity m LEFT JOIN entity_record r ON r.hash=m.hash WHERE r.hash IS NULL")[0][0]:
    problems.append("version members without a record")
max_seq = q("SELECT COALESCE(MAX(seq),0) FROM customer_import")[0][0]
if q("SELECT COUNT(*) FROM customer WHERE changed_seq > ?", max_seq)[0][0]:
    problems.append("customers changed by an import that is not recorded")
keys = sum(len([k for k in r[0].split("\x1f") if k]) for r in q("SELECT keys FROM customer WHERE removed_at = ''"))
if keys != q("SELECT COUNT(*) FROM customer_key")[0][0]:
    problems.append("customer key index out of step with the active customers")
if q("SELECT COUNT(*) FROM customer_key k JOIN customer c ON c.rowid = k.cust WHERE c.removed_at != ''")[0][0]:
    problems.append("off-boarded customers still in the key index")
if q("SELECT COUNT(*) FROM alert a JOIN customer c ON c.id = a.customer_id "
     "WHERE c.removed_at != '' AND a.status = 'open'")[0][0]:
    problems.append("open alert on an off-boarded customer")
if q("SELECT COUNT(*) FROM customer c WHERE c.removed_at != '' AND NOT EXISTS "
     "(SELECT 1 FROM audit WHERE action = 'customer.removed' AND subject = c.id)")[0][0]:
    problems.append("off-boarded customer without a customer.removed audit entry")
if q("SELECT COUNT(*) FROM alert a WHERE a.status = 'closed' AND (a.closed_reason = '' OR NOT EXISTS "
     "(SELECT 1 FROM audit WHERE action = 'alert.closed' AND subject = a.id))")[0][0]:
    problems.append("closed alert without a reason or an alert.closed audit entry")
if q("SELECT COUNT(*) FROM alert a LEFT JOIN monitor_run r ON r.id=a.run_id WHERE r.id IS NULL")[0][0]:
    problems.append("alert from a run that is not recorded")
for action, table in (("lists.import", "list_version"), ("customers.import", "customer_import"),
                      ("monitor.run", "monitor_run")):
    a = q("SELECT COUNT(*) FROM audit WHERE action=?", action)[0][0]
    t = q(f"SELECT COUNT(*) FROM {table}")[0][0]
    if a != t:
        problems.append(f"{a} {action} audit entries for {t} {table} rows")
raised = q("SELECT COUNT(*) FROM audit WHERE action='alert.raised'")[0][0]
if raised != q("SELECT COUNT(*) FROM alert")[0][0]:
    problems.append("alerts and alert.raised audit entries differ")
kind, _, rest = expect.partition(" ")
if kind == "version" and not q("SELECT 1 FROM list_version WHERE id=?", int(rest)):
    problems.append(f"committed list version {rest} lost")
if kind == "import" and not q("SELECT 1 FROM customer_import WHERE seq=?", int(rest)):
    problems.append(f"committed customer import {rest} lost")
if kind == "run" and not q("SELECT 1 FROM monitor_run WHERE id=?", int(rest)):
    problems.append(f"committed monitor run {rest} lost")
if kind == "run":
    # Right after a run: no open alert on an entity its list no longer has.
    n = q("SELECT COUNT(*) FROM alert a WHERE a.status = 'open' AND NOT EXISTS (SELECT 1 FROM version_entity m "
          "WHERE m.version_id = (SELECT MAX(id) FROM list_version WHERE source = a.source) "
          "AND m.source_id = a.source_id)")[0][0]
    if n:
        problems.append(f"{n} open alert(s) on delisted entities after run {rest}")
if kind == "removed" and q("SELECT removed_at FROM customer WHERE id=?", rest) in ([], [("",)]):
    problems.append(f"committed removal of {rest} lost")
if kind == "alert":
    aid, status = rest.split(" ")
    if q("SELECT status FROM alert WHERE id=?", aid) != [(status,)]:
        problems.append(f"committed decision on {aid} lost")
for p in problems:
    print("inconsistent:", p)
sys.exit(1 if problems else 0)
PY
}

# engine_cache_sound OUT.json: the run did not meet a snapshot it could
# not use.
engine_cache_sound() {
  python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["engine_cache"]; sys.exit(c["status"] == "rebuilt")' "$1"
}

snapshots=(2022-02-23 2022-02-24 2022-02-25)
for round in $(seq 1 "$ROUNDS"); do
  op=$((RANDOM % 6))
  # Quick operations (a decision, an off-boarding) finish in tens of
  # milliseconds: kill them early enough to land inside them too.
  case $op in 3|4|5) delay_ms=$((RANDOM % 90)) ;; *) delay_ms=$((RANDOM % 450)) ;; esac
  case $op in
    0) cmd=("$CORDON" lists import "$TMP/lists-${snapshots[$((RANDOM % 3))]}" --json) ;;
    1) cmd=("$CORDON" customers import "$TMP/customers-$((RANDOM % 4)).csv" --json) ;;
    2) cmd=("$CORDON" monitor --threads 2 --json $([ $((RANDOM % 3)) -eq 0 ] && echo --full)) ;;
    3) id=$("$CORDON" alerts list --json | python3 -c '
import json, sys, random
a = json.load(sys.stdin)["alerts"]
random.seed(int(sys.argv[1]))
print(random.choice(a)["id"] if a else "")' "$RANDOM")
       decision=$([ $((RANDOM % 2)) -eq 0 ] && echo false_positive || echo true_match)
       cmd=("$CORDON" alerts decide "$id" --decision "$decision" --by crash-test --reason "round $round") ;;
    4) cmd=("$CORDON" customers import --replace "$TMP/extract-$((RANDOM % 2)).csv" --json) ;;
    5) cid="C$((RANDOM % 6))"
       cmd=("$CORDON" customers remove "$cid" --reason "round $round" --json) ;;
  esac
  "${cmd[@]}" >"$TMP/out" 2>"$TMP/err" &
  pid=$!
  sleep "$(printf '0.%03d' "$delay_ms")"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  rc=$?
  expect="none"
  if [ "$rc" -eq 0 ]; then
    completed=$((completed + 1))
    case $op in
      0) expect=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("version %d" % d["created"][0]["id"] if d["created"] else "none")' "$TMP/out") ;;
      1|4) expect=$(python3 -c 'import json,sys; print("import %d" % json.load(open(sys.argv[1]))["import_seq"])' "$TMP/out") ;;
      2) expect=$(python3 -c 'import json,sys; print("run %d" % json.load(open(sys.argv[1]))["run_id"])' "$TMP/out") ;;
      3) expect="alert $id $decision" ;;
      5) expect="removed $cid" ;;
    esac
  elif [ "$rc" -eq 137 ]; then
    killed=$((killed + 1))
    killed_ops="$killed_ops $op"
    # Killed while writing a snapshot: its temporary file is left behind.
    if compgen -G "$CORDON_DB.engines/*.snap.tmp.$pid.*" >/dev/null; then saves_killed=$((saves_killed + 1)); fi
  else
    echo "FAIL: round $round: ${cmd[*]} exited $rc"; cat "$TMP/err"; fail=$((fail + 1))
  fi
  if [ "$rc" -eq 0 ] && [ "$op" -eq 2 ] && ! engine_cache_sound "$TMP/out"; then
    echo "FAIL: round $round: the monitor found a damaged engine snapshot"; fail=$((fail + 1))
  fi
  if ! consistent "$expect"; then
    echo "FAIL: round $round (${cmd[*]}, killed after ${delay_ms} ms, exit $rc)"; fail=$((fail + 1))
  fi
  if ! "$CORDON" audit verify >"$TMP/verify" 2>&1; then
    echo "FAIL: round $round: audit chain broken"; cat "$TMP/verify"; fail=$((fail + 1))
  fi
done
# The store still works after all the kills, and so does the engine cache.
"$CORDON" monitor --threads 2 --full --json >"$TMP/out" || { echo "FAIL: monitor after crashes"; fail=$((fail + 1)); }
engine_cache_sound "$TMP/out" || { echo "FAIL: damaged engine snapshot after the crashes"; fail=$((fail + 1)); }
consistent none || fail=$((fail + 1))
echo "store_crash_test: $ROUNDS rounds, $killed killed mid-operation (operations:$killed_ops; $saves_killed while" \
  "saving an engine snapshot), $completed completed, $fail failures"
[ "$fail" -eq 0 ]
