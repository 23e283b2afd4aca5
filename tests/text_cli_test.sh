#!/usr/bin/env bash
# End-to-end tests of `cordon screen-text` and `cordon screen-payment` (issue 5):
# JSON shape, offsets, field paths, exit codes, hostile input.
# Usage: text_cli_test.sh PATH/TO/cordon   (run from the repository root)
set -u
CORDON="$1"
DATA=tests/data/text
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
. "$(dirname "$0")/lib/checks.sh"
# Most runs load only the OFAC SDN list (fast); the first one loads them all.
mkdir -p "$TMP/lists"
ln -s "$PWD/data/lists/ofac_sdn" "$TMP/lists/ofac_sdn"
SDN=(--lists "$TMP/lists")
stderr_has() { grep -q -- "$1" "$TMP/err" || { echo "stderr lacks '$1':"; head -c 600 "$TMP/err"; return 1; }; }

# screen-text --json on Russian prose: inflected names, surname references,
# offsets that point at the mention, matches explained with list versions.
expect_exit 0 "screen-text ru" "$CORDON" screen-text --json "$DATA/corpus/ru_putin_dprk.txt"
check "screen-text ru json" python3 - "$TMP/out" "$DATA/corpus/ru_putin_dprk.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
raw = open(sys.argv[2], "rb").read()
for k in ("mentions", "jurisdictions", "list_versions"):
    assert k in d, k
texts = [m["text"] for m in d["mentions"]]
assert "Владимир Путин" in texts, texts
assert "Путина" in texts and "Ким\nЧен Ына" in texts, texts
for m in d["mentions"]:
    assert raw[m["start"]:m["end"]].decode("utf-8") == m["text"], m
    assert m["matches"], m
    top = m["matches"][0]
    for k in ("source", "source_id", "score", "explanation"):
        assert k in top, k
    assert top["explanation"]["list_version"], top
    assert top["source"] in d["list_versions"], top["source"]
codes = {j["code"] for j in d["jurisdictions"]}
assert {"RU", "KP", "IR"} <= codes, codes
for j in d["jurisdictions"]:
    assert raw[j["start"]:j["end"]].decode("utf-8") == j["text"], j
    assert j["programs"], j
PY

# Standard input, Korean and a paragraph of ordinary people: no mention.
expect_exit 0 "screen-text stdin" bash -c "'$CORDON' screen-text --lists '$TMP/lists' --json - < '$DATA/corpus/ko_dprk.txt'"
check "korean name and places" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert any(m["text"].startswith("김정은") for m in d["mentions"]), d["mentions"]
assert "KP" in {j["code"] for j in d["jurisdictions"]}
PY
expect_exit 0 "common names" "$CORDON" screen-text "${SDN[@]}" --json "$DATA/corpus/en_common_names.txt"
check "no mention of ordinary people" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["mentions"] == [], d["mentions"]' "$TMP/out"
expect_exit 0 "screen-text readable" "$CORDON" screen-text "${SDN[@]}" --lang it "$DATA/corpus/it_putin_dprk.txt"
check "readable output explains" grep -q "why:" "$TMP/out"

# Chinese has no spaces: names found inside runs of Han characters (Korean
# reading, pinyin), with byte offsets; ordinary people and words raise none.
expect_exit 0 "screen-text zh" "$CORDON" screen-text "${SDN[@]}" --json "$DATA/corpus/zh_dprk.txt"
check "chinese names and offsets" python3 - "$TMP/out" "$DATA/corpus/zh_dprk.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
raw = open(sys.argv[2], "rb").read()
texts = [m["text"] for m in d["mentions"]]
assert texts == ["金正恩", "崔龙海", "李方伟", "金铁三"], texts  # 金铁三: Korean reading, Kim Chol Sam
for m in d["mentions"]:
    assert raw[m["start"]:m["end"]].decode("utf-8") == m["text"], m
    assert m["kind"] == "full_name" and m["matches"][0]["source"] == "ofac_sdn", m
PY
expect_exit 0 "zh common names" "$CORDON" screen-text "${SDN[@]}" --json "$DATA/corpus/zh_common_names.txt"
check "no mention of ordinary chinese people" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["mentions"] == [], d["mentions"]' "$TMP/out"

# Japanese katakana: foreign names read back (ウラジーミル・プーチン), surnames
# alone after the full name, 金 after 金正恩; ordinary katakana words and
# unlisted people raise none.
expect_exit 0 "screen-text ja katakana" "$CORDON" screen-text "${SDN[@]}" --json "$DATA/corpus/ja_katakana_foreign.txt"
check "katakana names, references and offsets" python3 - "$TMP/out" "$DATA/corpus/ja_katakana_foreign.txt" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
raw = open(sys.argv[2], "rb").read()
got = [(m["text"], m["kind"]) for m in d["mentions"]]
for want in [("ウラジーミル・プーチン", "full_name"), ("プーチン", "surname_ref"), ("セルゲイ・ラブロフ", "full_name"),
             ("キム・ジョンウン", "full_name"), ("金", "surname_ref")]:
    assert want in got, (want, got)
for m in d["mentions"]:
    assert raw[m["start"]:m["end"]].decode("utf-8") == m["text"], m
PY
expect_exit 0 "ja katakana common names" "$CORDON" screen-text "${SDN[@]}" --json "$DATA/corpus/ja_katakana_common_names.txt"
check "no mention of ordinary katakana words" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["mentions"] == [] and d["jurisdictions"] == [], d' "$TMP/out"

# Arabic: the surname alone (with a preposition attached) after the full name.
expect_exit 0 "screen-text ar" "$CORDON" screen-text "${SDN[@]}" --json "$DATA/corpus/ar_nasrallah.txt"
check "arabic surname references" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
refs = [(m["text"], m["refers_to"]) for m in d["mentions"] if m["kind"] == "surname_ref"]
full = [m for m in d["mentions"] if m["text"] == "حسن نصر الله"]
assert len(full) == 1, d["mentions"]
assert [t for t, _ in refs] == ["نصر الله", "لنصر الله", "نصر الله"], refs
assert all(r == full[0]["start"] for _, r in refs), refs
PY

# Bad input: invalid UTF-8, binary, missing file, bad flags, bad lists.
printf 'Kim Jong Un \xff\xfe here' > "$TMP/bad.txt"
expect_exit 1 "invalid utf-8" "$CORDON" screen-text "${SDN[@]}" "$TMP/bad.txt"
check "names the byte" stderr_has "byte offset 12"
head -c 3000 "$CORDON" > "$TMP/binary.bin"
expect_exit 1 "binary text" "$CORDON" screen-text "${SDN[@]}" "$TMP/binary.bin"
expect_exit 1 "missing text file" "$CORDON" screen-text "${SDN[@]}" "$TMP/nope.txt"
expect_exit 1 "bad lang" "$CORDON" screen-text "${SDN[@]}" --lang klingon "$DATA/corpus/en_dprk.txt"
expect_exit 1 "two files" "$CORDON" screen-text "${SDN[@]}" a b
expect_exit 2 "lists missing" "$CORDON" screen-text --lists "$TMP/nolists" "$DATA/corpus/en_dprk.txt"

# A 10 MB line: bounded, piecewise, and the name at its end still found.
python3 - "$TMP/long.txt" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("word " * 2_000_000 + "and Kim Jong Un in Pyongyang")
PY
expect_exit 0 "10 MB line" "$CORDON" screen-text "${SDN[@]}" --json "$TMP/long.txt"
check "10 MB line found" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [m["start"] for m in d["mentions"]] == [10000004], d["mentions"]' "$TMP/out"

# screen-payment: pacs.008 file with good and malformed messages.
expect_exit 1 "pacs008 with malformed messages" "$CORDON" screen-payment "${SDN[@]}" --json "$DATA/payments/pacs008_two.xml"
check "malformed named on stderr" stderr_has "field 'CdtTrfTxInf\[1\]/CdtrAgt/FinInstnId/BICFI'"
check "pacs008 json" python3 - "$TMP/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
msgs = d["messages"]
assert len(msgs) == 5, len(msgs)
assert d["summary"] == {"messages": 5, "messages_with_hits": 2, "messages_failed": 2}, d["summary"]
m1 = msgs[0]
fields = {h["field"]: h for h in m1["hits"]}
assert fields["Cdtr/Nm"]["matches"][0]["source_id"], fields
assert fields["Cdtr/PstlAdr/Ctry"]["jurisdictions"][0]["code"] == "KP"
assert fields["CdtrAgt/FinInstnId/BICFI"]["jurisdictions"][0]["code"] == "KP"
assert "Dbtr/Nm" not in fields
assert msgs[1]["status"] == "ok" and msgs[1]["hits"] == []
assert msgs[3]["status"] == "error" and msgs[3]["error"]["field"], msgs[3]
rmt = {h["field"]: h for h in msgs[4]["hits"]}["RmtInf/Ustrd"]
assert rmt["mentions"][0]["text"] == "Vladimir Putin", rmt
assert d["list_versions"]
PY
expect_exit 1 "mt103" "$CORDON" screen-payment "${SDN[@]}" "$DATA/payments/mt103_four.txt"
check "mt103 names the tag" grep -q ":59: (party) \"KIM JONG UN\"" "$TMP/out"
check "mt103 bad amount named" stderr_has "field ':32A:'"

# Hostile XML: entity expansion, deep nesting; not a payment file; gzip.
cat > "$TMP/laughs.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
<Document><FIToFICstmrCdtTrf><GrpHdr><MsgId>&lol2;</MsgId></GrpHdr></FIToFICstmrCdtTrf></Document>
XML
expect_exit 1 "entity expansion" "$CORDON" screen-payment "${SDN[@]}" "$TMP/laughs.xml"
check "entity expansion named" stderr_has "DOCTYPE"
python3 -c 'print("<Document><FIToFICstmrCdtTrf>" + "<a>" * 100000)' > "$TMP/deep.xml"
expect_exit 1 "deep nesting" "$CORDON" screen-payment "${SDN[@]}" --json "$TMP/deep.xml"
check "deep nesting named" stderr_has "deeper than"
expect_exit 1 "not a payment" "$CORDON" screen-payment "${SDN[@]}" "$DATA/corpus/en_dprk.txt"
check "not a payment says so" stderr_has "not a payment file"
gzip -c "$DATA/payments/mt103_four.txt" > "$TMP/mt.gz"
expect_exit 1 "gzip mt103" "$CORDON" screen-payment "${SDN[@]}" "$TMP/mt.gz"
check "gzip read" grep -q "4 message(s)" "$TMP/out"
expect_exit 1 "bad format flag" "$CORDON" screen-payment "${SDN[@]}" --format swift "$DATA/payments/mt103_four.txt"
expect_exit 1 "missing payment file" "$CORDON" screen-payment "${SDN[@]}" "$TMP/none.xml"

finish text_cli_test
