#!/usr/bin/env python3
"""Makes a copy of a lists folder whose ofac_sdn source differs in exactly N
entities: N/2 new entries named after customers of the customer file (so the
delta must alert on them) and N - N/2 existing entries with an extra program.
With ALERTS.json (an `alerts list --json` output) and R > 0, also removes R
ofac_sdn entries that have alerts (delisting: the monitor must close them).

Usage: make_delta.py LISTS_DIR OUT_DIR CUSTOMERS.csv[.gz] N SEED [ALERTS.json R]
Prints JSON: {"added": {ent_num: customer_id}, "modified": [ent_num, ...],
"removed": [ent_num, ...]}.
"""
import csv, gzip, io, json, os, random, shutil, sys

lists, out, customers, n, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
alerts_file, n_removed = (sys.argv[6], int(sys.argv[7])) if len(sys.argv) > 7 else (None, 0)
rng = random.Random(seed)
shutil.rmtree(out, ignore_errors=True)
shutil.copytree(lists, out)
opener = gzip.open if customers.endswith(".gz") else open
with opener(customers, "rt", encoding="utf-8") as f:
    rows = [r for _, r in zip(range(200000), csv.DictReader(f))]
# Latin-script persons with a birth date: "LAST, First" as OFAC writes them.
pool = [r for r in rows if r["type"] == "person" and r["dob"] and r["name"].isascii() and len(r["name"].split()) == 2]
picked = rng.sample(pool, n // 2)
path = os.path.join(out, "ofac_sdn", "sdn.csv")
data = open(path, "rb").read()
lines = data.split(b"\r\n")
tail = []
while lines and lines[-1] in (b"", b"\x1a"):
    tail.insert(0, lines.pop())
existing = [l for l in lines if l[:1].isdigit()]
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
added = {}
for i, r in enumerate(picked):
    ent = str(990000 + i)
    given, family = r["name"].split()
    y, m, d = r["dob"].split("-")
    remarks = f"DOB {int(d):02d} {months[int(m) - 1]} {y}; nationality {r['country']}."
    lines.append(f'{ent},"{family.upper()}, {given}","individual","BENCH-DELTA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"{remarks}"'.encode())
    added[ent] = r["id"]
modified = []
for idx in rng.sample(range(len(existing)), n - n // 2):
    old = existing[idx]
    fields = next(csv.reader(io.StringIO(old.decode("latin-1"))))
    fields[3] = fields[3] + "] [BENCH-DELTA"
    new = ",".join('"%s"' % f.replace('"', '""') if f.strip() != "-0-" else "-0- " for f in fields).encode("latin-1")
    lines[lines.index(old)] = new
    modified.append(fields[0])
removed = []
if n_removed:
    alerted = sorted({a["source_id"] for a in json.load(open(alerts_file))["alerts"]
                      if a["source"] == "ofac_sdn" and a["status"] == "open"} - set(modified), key=int)
    removed = rng.sample(alerted, n_removed)
    gone = {r.encode() for r in removed}
    lines = [l for l in lines if l.split(b",", 1)[0] not in gone]
    # Their aliases, addresses and remark overflows go too (first field: ent_num).
    for extra in ("alt.csv", "add.csv", "sdn_comments.csv"):
        p = os.path.join(out, "ofac_sdn", extra)
        if os.path.exists(p):
            rows = open(p, "rb").read().split(b"\r\n")
            open(p, "wb").write(b"\r\n".join(r for r in rows if r.split(b",", 1)[0] not in gone))
open(path, "wb").write(b"\r\n".join(lines + tail))
print(json.dumps({"added": added, "modified": modified, "removed": removed}))
