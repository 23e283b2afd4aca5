#!/usr/bin/env bash
# End-to-end tests of the monitoring-store commands (issue 7): lists
# import/versions/diff over real dated OFAC snapshots, customers import
# (--replace) and remove, monitor (alerts closed when an entity is delisted),
# alerts list/show/decide, audit verify/export, the monitor's engine cache;
# exit codes and bad input.
# Usage: store_cli_test.sh PATH/TO/cordon   (run from the repository root)
set -u
CORDON="$1"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export CORDON_DB="$TMP/cordon.db"
unset CORDON_LISTS
. "$(dirname "$0")/lib/checks.sh"
json_ok() { python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$1"; }
grep_q() { grep -q -- "$1" "$2"; }

# Two dated OFAC SDN snapshots as list folders (the loader reads gzip).
snapshot() {
  mkdir -p "$TMP/lists-$1/ofac_sdn"
  cp "data/lists/ofac_sdn_history/sdn-$1.csv.gz" "$TMP/lists-$1/ofac_sdn/sdn.csv"
  echo "$1" > "$TMP/lists-$1/ofac_sdn/as_of.txt"
}
snapshot 2022-02-24
snapshot 2022-02-25

# Read commands do not create a store.
expect_exit 2 "versions without a store" "$CORDON" lists versions
check "no store created" test ! -e "$CORDON_DB"
check "names the missing store" grep_q "cordon.db" "$TMP/err"

expect_exit 0 "import v1" "$CORDON" lists import "$TMP/lists-2022-02-24" --actor alice
check "v1 stored" grep_q "stored   ofac_sdn" "$TMP/out"
expect_exit 0 "import v1 again" "$CORDON" lists import "$TMP/lists-2022-02-24" --json
check "v1 unchanged" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert not d["created"] and len(d["unchanged"]) == 1, d
# Never monitored: the engine is not prepared (the first run is a full one).
assert d["engine_cache"]["status"] == "unused", d
PY
expect_exit 0 "import v2" "$CORDON" lists import "$TMP/lists-2022-02-25"
expect_exit 0 "versions json" "$CORDON" lists versions --json
check "two versions" python3 - "$TMP/out" <<'PY'
import json, sys
v = json.load(open(sys.argv[1]))["versions"]
assert [x["as_of"] for x in v] == ["2022-02-24", "2022-02-25"], v
assert all(len(x["content_hash"]) == 16 and len(x["set_hash"]) == 64 for x in v)
PY
expect_exit 0 "diff json" "$CORDON" lists diff --json previous latest
check "diff: Putin added on 2022-02-25" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["diffs"][0]
assert d["from"]["as_of"] == "2022-02-24" and d["to"]["as_of"] == "2022-02-25"
added = {x["source_id"]: x for x in d["added"]}
assert "35096" in added and "PUTIN" in added["35096"]["name"], added
assert "35233" in added  # LAVROV, Sergei Viktorovich
for m in d["modified"]:
    assert m["fields"], m
PY
expect_exit 0 "diff text with ids" "$CORDON" lists diff --source ofac_sdn 1 2
check "diff text" grep_q "^+ 35096 " "$TMP/out"
expect_exit 1 "diff bad keyword" "$CORDON" lists diff yesterday latest
expect_exit 1 "diff unknown id" "$CORDON" lists diff 1 99
expect_exit 1 "diff one arg" "$CORDON" lists diff 1
expect_exit 0 "plain lists still works" "$CORDON" lists --lists "$TMP/lists-2022-02-25" --json
check "plain lists json" json_ok "$TMP/out"

# Customers.
cat > "$TMP/customers.csv" <<'CSV'
id,name,type,dob,country
C1,Vladimir Putin,person,1952-10-07,RU
C2,Wladimir Poutine,person,,
C3,Jonna Linden,person,1998-09-10,DE
C4,"Lavrov, Sergei",person,1950-03-21,RU
C5,Acme Widgets Ltd,organization,,GB
CSV
cat > "$TMP/bad.csv" <<'CSV'
id,name,type,dob,country
C1,Vladimir Putin,person,1952-13-07,RU
C9,,person,,
C10,Ann Lee,person,,Atlantis
CSV
expect_exit 1 "bad customers refused" "$CORDON" customers import "$TMP/bad.csv"
check "bad row: file, line, field" grep_q "bad.csv:2: field 'dob'" "$TMP/err"
check "bad row: empty name" grep_q "bad.csv:3: field 'name'" "$TMP/err"
check "bad row: country" grep_q "bad.csv:4: field 'country'" "$TMP/err"
expect_exit 1 "missing customers file" "$CORDON" customers import "$TMP/none.csv"
expect_exit 0 "customers import" "$CORDON" customers import "$TMP/customers.csv" --json
check "5 added (bad file stored nothing)" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["added"] == 5 and d["import_seq"] == 1, d
PY

# The first monitor run screens everyone against the latest versions (v2:
# Putin listed). The delta path over changed entities is checked below.
expect_exit 0 "monitor full" "$CORDON" monitor --json --threads 2
check "first run is full" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["full"] and d["customers_screened"] == 5 and d["alerts_raised"] >= 2, d
PY
expect_exit 0 "alerts list json" "$CORDON" alerts list --status open --json
check "putin alerts, explained, versioned" python3 - "$TMP/out" "$TMP/putin_id" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))["alerts"]
pairs = {(x["customer_id"], x["source_id"]) for x in a}
assert ("C1", "35096") in pairs and ("C2", "35096") in pairs, pairs
assert not any(x["customer_id"] == "C3" for x in a)
for x in a:
    assert x["summary"] and x["list_version"] and x["list_as_of"] == "2022-02-25", x
open(sys.argv[2], "w").write([x["id"] for x in a if x["customer_id"] == "C1"][0])
PY
ID=$(cat "$TMP/putin_id")
expect_exit 0 "alerts show" "$CORDON" alerts show "$ID" --json
check "show has explanation" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["explanation"]["aligned"] and d["explanation"]["list_version"], d
PY
expect_exit 1 "show unknown" "$CORDON" alerts show nosuchalert
expect_exit 1 "decide without reason" "$CORDON" alerts decide "$ID" --decision false_positive --by bob
expect_exit 1 "decide bad decision" "$CORDON" alerts decide "$ID" --decision maybe --by bob --reason x
expect_exit 0 "decide false positive" "$CORDON" alerts decide "$ID" --decision false_positive --by bob --reason "different DOB"
expect_exit 0 "monitor full again" "$CORDON" monitor --full --json
check "decision suppresses" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["suppressed"] >= 1 and d["alerts_raised"] == 0 and d["alerts_reopened"] == 0, d
PY
# The customer's record changes: alert again, saying what changed.
sed 's/C1,Vladimir Putin,person,1952-10-07,RU/C1,Vladimir Putin,person,1952-10-07,GB/' "$TMP/customers.csv" > "$TMP/customers2.csv"
expect_exit 0 "customers update" "$CORDON" customers import "$TMP/customers2.csv" --json
check "one updated" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["updated"]==1 and d["unchanged"]==4, d' "$TMP/out"
expect_exit 0 "monitor delta" "$CORDON" monitor --json
check "re-opened" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["alerts_reopened"]==1 and d["customers_screened"]==1 and not d["full"], d' "$TMP/out"
expect_exit 0 "show reopened" "$CORDON" alerts show "$ID"
check "says what changed" grep_q "customer record changed (country)" "$TMP/out"

# Off-boarding customers: by id, and by a full extract (--replace).
expect_exit 1 "remove without ids" "$CORDON" customers remove --reason x
expect_exit 1 "remove without reason" "$CORDON" customers remove C2
expect_exit 1 "remove an unknown id" "$CORDON" customers remove C2 C99 --reason "account closed"
check "names the unknown id" grep_q "C99" "$TMP/err"
expect_exit 0 "nothing removed" "$CORDON" alerts list --customer C2 --status open --json
check "C2 still open" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["alerts"]' "$TMP/out"
expect_exit 0 "remove C2" "$CORDON" customers remove C2 --reason "account closed" --actor carol --json
check "C2 off-boarded, its alert closed" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["removed"]==1 and d["alerts_closed"]>=1, d' "$TMP/out"
expect_exit 0 "C2 alerts" "$CORDON" alerts list --customer C2 --json
check "closed with the reason" python3 - "$TMP/out" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))["alerts"]
assert a and all(x["status"] == "closed" for x in a), a
assert all(x["closed_reason"] == "customer off-boarded: account closed (customers remove by carol)" for x in a), a
PY
expect_exit 0 "remove C2 again" "$CORDON" customers remove C2 --reason "account closed"
check "already off-boarded" grep_q "C2 was already off-boarded" "$TMP/out"
grep -v '^C2,\|^C4,' "$TMP/customers2.csv" > "$TMP/extract.csv"
printf 'id,name\n' > "$TMP/header-only.csv"
expect_exit 1 "replace with an empty extract" "$CORDON" customers import --replace "$TMP/header-only.csv"
check "refused: would off-board everyone" grep_q "off-board every customer" "$TMP/err"
expect_exit 0 "replace with an extract without C4" "$CORDON" customers import --replace "$TMP/extract.csv" --json
check "C4 off-boarded" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["removed"]==1 and d["alerts_closed"]>=1 and d["unchanged"]==3, d' "$TMP/out"
expect_exit 0 "alerts show C4's alert" "$CORDON" alerts list --customer C4 --status closed --json
check "closed: absent from the extract" python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))["alerts"]; assert a and "absent from" in a[0]["closed_reason"] and "--replace" in a[0]["closed_reason"], a' "$TMP/out"
expect_exit 0 "monitor skips off-boarded customers" "$CORDON" monitor --full --json
check "3 active customers screened" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["customers_total"]==3 and d["customers_screened"]==3 and d["alerts_reopened"]==0, d' "$TMP/out"

# A newer list version: only changed entities are screened against everyone.
snapshot 2022-02-23
expect_exit 0 "import an older snapshot as a new version" "$CORDON" lists import "$TMP/lists-2022-02-23"
expect_exit 0 "monitor after list change" "$CORDON" monitor --json
check "delta over changed entities" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert not d["full"] and d["entities_changed"]>0 and d["customers_screened"]==0, d' "$TMP/out"
# That older snapshot lacks Putin (listed on 2022-02-25): C1's open alert closes.
check "delisted: C1's alert closed" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["entities_removed"]>0 and d["alerts_closed"]==1, d' "$TMP/out"
expect_exit 0 "show the closed alert" "$CORDON" alerts show "$ID"
check "closed: entity removed" grep_q "^closed .*entity removed from ofac_sdn in version 3 (as of 2022-02-23)" "$TMP/out"

# Audit.
expect_exit 0 "audit verify" "$CORDON" audit verify --json
check "chain ok" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["ok"] and d["entries"]>8, d' "$TMP/out"
expect_exit 0 "audit export json" "$CORDON" audit export --from 2000-01-01 --to 2999-12-31
check "export covers every kind" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
acts = {e["action"] for e in d["entries"]}
for a in ("lists.import", "customers.import", "monitor.run", "alert.raised", "alert.decided", "alert.reopened",
          "customer.removed", "alert.closed"):
    assert a in acts, (a, acts)
rem = [e for e in d["entries"] if e["action"] == "customer.removed"]
assert [e["subject"] for e in rem] == ["C2", "C4"], rem
assert rem[0]["actor"] == "carol" and rem[0]["details"]["reason"].startswith("account closed"), rem[0]
assert rem[0]["details"]["alerts_closed"], rem[0]
assert d["chain_verified"]
imp = [e for e in d["entries"] if e["action"] == "lists.import"][0]
assert imp["actor"] == "alice" and imp["details"]["content_hash"], imp
dec = [e for e in d["entries"] if e["action"] == "alert.decided"][0]
assert dec["actor"] == "bob" and dec["details"]["reason"] == "different DOB", dec
PY
expect_exit 0 "audit export csv" "$CORDON" audit export --format csv --out "$TMP/audit.csv"
check "csv readable" python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1]))); assert r and r[0]["action"]=="lists.import", r[:1]' "$TMP/audit.csv"
expect_exit 0 "audit export empty range" "$CORDON" audit export --from 1999-01-01 --to 1999-12-31
check "empty range" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["entries"]==[]' "$TMP/out"
expect_exit 1 "audit export bad date" "$CORDON" audit export --from yesterday
expect_exit 1 "audit export bad format" "$CORDON" audit export --format xml
# Tamper with an entry (dropping the append-only triggers first): verify fails.
python3 - "$CORDON_DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DROP TRIGGER audit_no_update")
db.execute("UPDATE audit SET actor = 'mallory' WHERE seq = 2")
db.commit()
PY
expect_exit 4 "tampered chain" "$CORDON" audit verify
check "names the entry" grep_q "BROKEN at entry 2" "$TMP/out"

# Delisting: OFAC removed BONYONGWE, Happyton Mabhuya (10660) between the
# snapshots of 29 and 30 November 2023. The next monitor run closes the open
# alert on him; a decided alert keeps its decision.
snapshot 2023-11-29
snapshot 2023-11-30
cat > "$TMP/zw.csv" <<'CSV'
id,name,type,dob,country
Z1,Happyton Bonyongwe,person,,
Z2,Happyton Mabhuya Bonyongwe,person,,
Z3,Jonna Linden,person,1998-09-10,DE
CSV
D="$TMP/delist.db"
expect_exit 0 "delist: import 2023-11-29" "$CORDON" lists import "$TMP/lists-2023-11-29" --db "$D"
expect_exit 0 "delist: customers" "$CORDON" customers import "$TMP/zw.csv" --db "$D"
expect_exit 0 "delist: first run" "$CORDON" monitor --db "$D"
expect_exit 0 "delist: alerts" "$CORDON" alerts list --json --db "$D"
check "both Bonyongwe customers alerted" python3 - "$TMP/out" "$TMP/z_ids" <<'PY'
import json, sys
a = {x["customer_id"]: x for x in json.load(open(sys.argv[1]))["alerts"] if x["source_id"] == "10660"}
assert set(a) == {"Z1", "Z2"}, a
open(sys.argv[2], "w").write(a["Z1"]["id"] + " " + a["Z2"]["id"])
PY
read -r Z1 Z2 < "$TMP/z_ids"
expect_exit 0 "delist: decide Z2" "$CORDON" alerts decide "$Z2" --decision true_match --by dan --reason "same person" --db "$D"
expect_exit 0 "delist: import 2023-11-30" "$CORDON" lists import "$TMP/lists-2023-11-30" --db "$D"
expect_exit 0 "delist: diff" "$CORDON" lists diff --db "$D"
check "diff shows the removal" grep_q "^- 10660 .*BONYONGWE" "$TMP/out"
expect_exit 0 "delist: monitor" "$CORDON" monitor --json --db "$D"
cp "$TMP/out" "$TMP/out.delist_run"
check "one alert closed" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["entities_removed"]==1 and d["alerts_closed"]==1, d' "$TMP/out"
expect_exit 0 "delist: closed list" "$CORDON" alerts list --status closed --json --db "$D"
check "Z1 closed, saying why" python3 - "$TMP/out" "$Z1" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))["alerts"]
assert [x["id"] for x in a] == [sys.argv[2]], a
assert a[0]["closed_reason"] == "entity removed from ofac_sdn in version 2 (as of 2023-11-30)", a[0]
PY
expect_exit 0 "delist: show" "$CORDON" alerts show "$Z1" --db "$D"
check "show says closed and why" grep_q "^closed .*entity removed from ofac_sdn in version 2" "$TMP/out"
expect_exit 0 "delist: decided stays" "$CORDON" alerts show "$Z2" --json --db "$D"
check "true_match kept" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["status"]=="true_match"' "$TMP/out"
expect_exit 0 "delist: audit" "$CORDON" audit export --db "$D"
check "alert.closed audited" python3 - "$TMP/out" "$Z1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
c = [e for e in d["entries"] if e["action"] == "alert.closed"]
assert len(c) == 1 and c[0]["subject"] == sys.argv[2], c
assert c[0]["details"]["cause"] == "entity_removed" and c[0]["details"]["removed_in_version"] == 2, c
assert d["chain_verified"]
PY

# The engine cache beside the store (<store>.engines/): `lists import`
# prepares the snapshot of the latest versions and the monitor run after it
# opens it; a damaged snapshot never fails a run (it is rebuilt, the report
# says why); deleting the folder is safe. The alerts are the same either way.
check "import prepared the engine, the delta run opened it" python3 - "$TMP/out.delist_run" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))["engine_cache"]
assert c["status"] == "opened" and not c["saved"] and c["path"].endswith(".snap"), c
PY
snaps() { find "$D.engines" -name '*.snap' | wc -l; }
check "one snapshot in the cache" test "$(snaps)" -eq 1
# Bonyongwe listed again, by an import that does not prepare the engine.
expect_exit 0 "cache: import --no-engine-cache" "$CORDON" lists import "$TMP/lists-2023-11-29" --json --no-engine-cache --db "$D"
check "cache: not prepared" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["created"] and "engine_cache" not in d, d' "$TMP/out"
expect_exit 0 "cache: monitor builds what import did not prepare" "$CORDON" monitor --json --db "$D"
check "cache: built, saved" python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["engine_cache"]; assert c["status"]=="built" and c["saved"], c' "$TMP/out"
check "cache: the old versions' snapshot deleted" test "$(snaps)" -eq 1
expect_exit 0 "cache: full run without the cache" "$CORDON" monitor --full --no-engine-cache --json --db "$D"
cp "$TMP/out" "$TMP/nocache.json"
check "cache: off" python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["engine_cache"]; assert c["status"]=="off" and c["path"]=="", c' "$TMP/nocache.json"
python3 - "$D.engines" <<'PY'
import glob, os, sys
p = glob.glob(sys.argv[1] + "/*.snap")[0]
with open(p, "r+b") as f:
    f.seek(os.path.getsize(p) // 2)
    b = f.read(1)
    f.seek(-1, 1)
    f.write(bytes([b[0] ^ 1]))
PY
expect_exit 0 "cache: full run over a damaged snapshot" "$CORDON" monitor --full --json --db "$D"
check "cache: damaged snapshot rebuilt, same hits" python3 - "$TMP/out" "$TMP/nocache.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); ref = json.load(open(sys.argv[2]))
c = d["engine_cache"]
assert c["status"] == "rebuilt" and "corrupted snapshot" in c["rejected"] and c["saved"], c
assert d["hits"] == ref["hits"] and d["hits"] >= 2, (d["hits"], ref["hits"])
PY
expect_exit 0 "cache: the next run opens the new snapshot" "$CORDON" monitor --full --db "$D"
check "cache: opened (text)" grep_q "^engine cache: opened .*\.engines/[0-9a-f]\{64\}\.snap" "$TMP/out"
rm -rf "$D.engines"
expect_exit 0 "cache: folder deleted" "$CORDON" monitor --full --json --db "$D"
check "cache: built again" python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["engine_cache"]; assert c["status"]=="built" and c["saved"], c' "$TMP/out"
check "cache: one snapshot again" test "$(snaps)" -eq 1
expect_exit 0 "cache: import without changes" "$CORDON" lists import "$TMP/lists-2023-11-29" --json --db "$D"
check "cache: import confirms the snapshot" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); c=d["engine_cache"]; assert not d["created"] and c["status"]=="opened", d' "$TMP/out"

# Busy: a second writer gets a clear error and exit 3, not corruption.
python3 - "$CORDON_DB" "$CORDON" "$TMP/customers.csv" <<'PY' > "$TMP/busy.out" 2>&1
import sqlite3, subprocess, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
r = subprocess.run([sys.argv[2], "customers", "import", sys.argv[3], "--db", sys.argv[1]], capture_output=True, text=True)
db.execute("ROLLBACK")
print(r.returncode)
print(r.stderr)
PY
check "busy exit 3" grep_q "^3$" "$TMP/busy.out"
check "busy message" grep_q "store is busy" "$TMP/busy.out"
expect_exit 2 "not a store" "$CORDON" alerts list --db "$TMP/customers.csv"
expect_exit 1 "unknown subcommand" "$CORDON" alerts close x
expect_exit 1 "unknown customers subcommand" "$CORDON" customers delete C1
expect_exit 1 "unknown flag" "$CORDON" monitor --source un

finish store_cli_test
