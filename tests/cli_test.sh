#!/usr/bin/env bash
# End-to-end tests of the cordon CLI: output shape, exit codes, bad input.
# Usage: cli_test.sh PATH/TO/cordon   (run from the repository root)
set -u
CORDON="$1"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
. "$(dirname "$0")/lib/checks.sh"
json_ok() { python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$1"; }
jsonl_ok() { python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$1"; }

# screen --json: Putin first, explained, list version present.
expect_exit 0 "screen putin" "$CORDON" screen --json "Vladimir Putin"
check "screen json valid" json_ok "$TMP/out"
check "putin first" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
m = d["matches"]
assert m, "no matches"
top = m[0]
assert top["source_id"] in ("35096",) or "PUTIN" in top["name"].upper(), top
assert all(x["score"] >= 0.8 for x in m)
assert [x["score"] for x in m] == sorted([x["score"] for x in m], reverse=True)
e = top["explanation"]
assert e["aligned"] and e["summary"] and e["list_version"], e
for k in ("source", "source_id", "schema", "name", "matched_name", "score", "explanation"):
    assert k in top, k
PY
expect_exit 0 "screen hangul" "$CORDON" screen --json "김정은"
check "hangul finds KIM Jong Un" python3 - "$TMP/out" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["matches"]
assert m and "JONG UN" in m[0]["matched_name"].upper().replace("-", " ").replace(",", ""), m[:1]
PY
expect_exit 0 "text output" "$CORDON" screen "Ким Чен Ын"
check "text output explains" grep -q "why:" "$TMP/out"
expect_exit 0 "no match is still exit 0" "$CORDON" screen --json "Zzyzx Qwertyuiop"
check "no match json" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["matches"] == []' "$TMP/out"

# strength and tunable weights
expect_exit 0 "strength field" "$CORDON" screen --json "Vladimir Putin"
check "strength values" python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["matches"]; assert all(x["strength"] in ("exact","strong","medium","weak") for x in m) and m[0]["strength"]=="exact", m[0]' "$TMP/out"
expect_exit 0 "weights soften a birth-date mismatch" "$CORDON" screen --json --dob 1940 --weight birth_date_far=-0.05 "Vladimir Putin"
check "softened still matches" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["matches"]' "$TMP/out"
expect_exit 1 "unknown weight" "$CORDON" screen --weight bogus=1 Putin
expect_exit 1 "bad weight value" "$CORDON" screen --weight country_match=x Putin

# --algorithm ofac: the Treasury SLS mirror
expect_exit 0 "ofac algorithm" "$CORDON" screen --json --algorithm ofac "Vladimir Putin"
check "ofac algorithm finds putin with an SLS explanation" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["query"]["algorithm"] == "ofac"
m = d["matches"]
assert any(x["source_id"] == "35096" for x in m), m[:2]
assert "Sanctions List Search" in m[0]["explanation"]["summary"]
PY
expect_exit 1 "unknown algorithm" "$CORDON" screen --algorithm fuzzy Putin

# lists
expect_exit 0 "lists json" "$CORDON" lists --json
check "lists json valid and complete" python3 - "$TMP/out" <<'PY'
import json, sys
s = {x["id"]: x for x in json.load(open(sys.argv[1]))["sources"]}
for k in ("ofac_sdn", "ofac_consolidated", "un", "eu", "uk", "us_csl", "us_bis_dpl"):
    assert s[k]["loaded"] and s[k]["entities"] > 0 and s[k]["as_of"], (k, s.get(k))
assert "ofac_sdn_history" not in s
PY

# Bad usage and input: exit 1.
expect_exit 1 "no command" "$CORDON"
expect_exit 1 "unknown command" "$CORDON" frobnicate
expect_exit 1 "unknown flag" "$CORDON" screen --bogus x
expect_exit 1 "empty name" "$CORDON" screen ""
expect_exit 1 "invalid utf-8 name" "$CORDON" screen "$(printf 'a\xffb')"
check "utf-8 error names the field" grep -q "name" "$TMP/err"
expect_exit 1 "long name" "$CORDON" screen "$(head -c 5000 /dev/zero | tr '\0' a)"
expect_exit 1 "bad threshold" "$CORDON" screen --threshold 2 Putin
expect_exit 1 "bad dob" "$CORDON" screen --dob yesterday Putin
expect_exit 1 "bad type" "$CORDON" screen --type spaceship Putin
expect_exit 1 "unknown source" "$CORDON" screen --source nowhere Putin
# Lists unusable: exit 2.
expect_exit 2 "missing lists dir" "$CORDON" screen --lists /nonexistent/lists Putin
check "missing dir named" grep -q "/nonexistent/lists" "$TMP/err"

# A broken list file next to a good one: warning, the good one still loads;
# --strict fails.
mkdir -p "$TMP/lists/un" "$TMP/lists/us_bis_dpl"
head -c 300000 data/lists/un/UN_consolidated.xml > "$TMP/lists/un/UN_consolidated.xml"
cp data/lists/us_bis_dpl/dpl.txt "$TMP/lists/us_bis_dpl/"
expect_exit 0 "truncated list non-strict" "$CORDON" lists --lists "$TMP/lists"
check "truncated list warned" grep -q "un" "$TMP/err"
expect_exit 2 "truncated list strict" "$CORDON" lists --strict --lists "$TMP/lists"
check "strict error names the file" grep -q "UN_consolidated.xml" "$TMP/err"

# screen-file: ordered output, errors reported and not dropped.
cat > "$TMP/in.csv" <<'CSV'
id,name,type,dob,country
C1,Vladimir Putin,person,1952-10-07,RU
C2,Jane Ordinary,person,1980-01-01,GB
C3,"KIM, Jong Un",person,,
C4,Bad Row,person
C5,,person,,
C6,Wladimir Putin,spaceship,,
CSV
expect_exit 1 "screen-file with bad rows exits 1" "$CORDON" screen-file --in "$TMP/in.csv" --out "$TMP/out.jsonl" --threads 2
check "screen-file output valid jsonl" jsonl_ok "$TMP/out.jsonl"
check "screen-file rows in order with errors kept" python3 - "$TMP/out.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
ids = [r["id"] for r in rows]
assert ids == ["C1", "C3", "C4", "C5", "C6"], ids
assert rows[0]["matches"] and rows[1]["matches"]
for r in rows[2:]:
    assert "error" in r and "line" in r, r
assert "in.csv:5" in rows[2]["error"], rows[2]
PY
check "summary on stderr" grep -q "rows: 6, rows with matches: 2, rows with errors: 3" "$TMP/err"
printf 'id,name\nA1,Vladimir Putin\n' > "$TMP/ok.csv"
expect_exit 0 "screen-file clean" "$CORDON" screen-file --in "$TMP/ok.csv" --out "$TMP/ok.jsonl"
expect_exit 1 "screen-file missing input" "$CORDON" screen-file --in "$TMP/nope.csv" --out "$TMP/x.jsonl"
printf 'ident,fullname\n1,x\n' > "$TMP/badheader.csv"
expect_exit 1 "screen-file bad header" "$CORDON" screen-file --in "$TMP/badheader.csv" --out "$TMP/x.jsonl"
check "bad header error names column" grep -q "'id'" "$TMP/err"
printf 'id,name\n1,"unterminated\n' > "$TMP/trunc.csv"
expect_exit 1 "screen-file unterminated quote" "$CORDON" screen-file --in "$TMP/trunc.csv" --out "$TMP/x.jsonl"
check "unterminated names line" grep -q "trunc.csv:2" "$TMP/err"

# General-population table: built in by default, replaceable, and a broken
# table fails with file, line and field (exit 2, as a broken list).
expect_exit 0 "company named after a common surname" "$CORDON" screen --json "Hudson Inc"
check "Hudson Inc does not alert with the built-in table" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["matches"] == []' "$TMP/out"
expect_exit 0 "without the population table" "$CORDON" screen --json --population none "Hudson Inc"
check "Hudson Inc alerts on the lists' frequencies alone" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["matches"]' "$TMP/out"
expect_exit 0 "lists names the population table" "$CORDON" lists --json
check "population version in lists json" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["population"].startswith("us_census_1990@")' "$TMP/out"
printf '# own table\nhudson\tsurname\t0.001\nsmith\tsurname\t2\n' > "$TMP/pop.tsv"
expect_exit 2 "broken population table" "$CORDON" screen --population "$TMP/pop.tsv" "Hudson Inc"
check "population error names file, line and field" grep -q "pop.tsv:3: field 'share'" "$TMP/err"
expect_exit 2 "missing population table" "$CORDON" screen --population "$TMP/nope.tsv" "Hudson Inc"
check "missing population table named" grep -q "nope.tsv" "$TMP/err"

# population count: a table counted from a customer file, usable as --population.
printf 'id,name,type\n1,Hudson Inc,organization\n2,Mary Hudson,person\n3,John Hudson,person\n4,"Smith, John",person\n5,Ali Ben Salem,person\n' > "$TMP/book.csv"
expect_exit 0 "population count" "$CORDON" population count --in "$TMP/book.csv" --out "$TMP/book.tsv" --min-count 2
check "counted table holds the words two names carry" python3 - "$TMP/book.tsv" <<'PY'
import sys
rows = {l.split("\t")[0]: l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if not l.startswith("#")}
assert set(rows) == {"hudson", "john"}, rows
assert rows["hudson"][1:] == ["any", "0.6"], rows
PY
expect_exit 0 "counted table as --population" "$CORDON" screen --json --population "$TMP/book.tsv" "Hudson Inc"
check "own table: HUDSON common, Hudson Inc does not alert" python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["matches"] == []' "$TMP/out"
printf 'id,fullname\n1,x\n' > "$TMP/noname.csv"
expect_exit 1 "population count without a name column" "$CORDON" population count --in "$TMP/noname.csv" --out "$TMP/x.tsv"
check "names the missing column" grep -q "field 'name'" "$TMP/err"
printf 'id,name\n1,"unterminated\n' > "$TMP/brokenbook.csv"
expect_exit 2 "population count of a broken file" "$CORDON" population count --in "$TMP/brokenbook.csv" --out "$TMP/broken.tsv"
check "broken file writes no table" test ! -e "$TMP/broken.tsv"

finish cli_test
