#!/bin/sh
# Checks oracle.py against the spec's worked cases: case{1,2}/expected.json (ignoring inputs, version),
# and case3/expected-summary.json (part three), a summary: every field it lists is compared, unit by
# unit (in its order), section by section, group by group and item by item, and the adjustments'.
set -e
W=${1:-../shared/worked}
H=$(cd "$(dirname "$0")" && pwd)
cd "$W"
check() {
  name=$1; shift
  python3 "$H/oracle.py" "$@" > /tmp/oracle-$name.json
  python3 - /tmp/oracle-$name.json $name/expected.json <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for d in (a, b):
    d.pop("inputs", None); d.pop("version", None)
# The worked cases predate part two (SPEC 8): a rubric without groups gains "groups": [] per
# section and "parent": null per item.  Check that the oracle writes them, then drop them.
shape = True
# SPEC 15 adds the document's "missing" list and a "provisional" per unit:
# check they agree with the document's own flag, then drop them.
shape &= isinstance(a.pop("missing", None), list)
for r in a["rubrics"]:
    for u in r["units"]:
        shape &= isinstance(u.pop("provisional", None), bool)
        for s in u["sections"]:
            shape &= s.pop("groups", None) == [] and list(s)[-1] == "items"
            for i in s["items"]:
                shape &= "parent" in i and i.pop("parent") is None
ok = shape and a == b
print(sys.argv[2], "MATCH" if ok else ("DIFF" if shape else "DIFF (groups/parent missing)"))
sys.exit(not ok)
PY
}
check case1 --rubric case1/rubric.toml --annual case1/annual.csv --daily case1/daily.csv
check case2 --rubric case2/rubric.toml --annual case2/annual.csv --daily case2/daily.csv --allow-missing
if python3 "$H/oracle.py" --rubric case2/rubric.toml --annual case2/annual.csv --daily case2/daily.csv >/dev/null 2>&1; then
  echo "case2 without --allow-missing: expected exit 2"; exit 1
else echo "case2 without --allow-missing: exit 2 OK"; fi

# case3 (part three): two runs against the summary
summary() {
  name=$1; key=$2; shift 2
  python3 "$H/oracle.py" "$@" > /tmp/oracle-case3.json || { echo "$name: oracle exit $?"; exit 1; }
  python3 - /tmp/oracle-case3.json case3/expected-summary.json "$key" "$name" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1])); exp = json.load(open(sys.argv[2])); key = sys.argv[3]
probs = []

def cmp(where, want, got):
    """every key of `want` must be in `got` with that value; lists of dicts match by position and id"""
    if isinstance(want, dict):
        if not isinstance(got, dict):
            probs.append(f"{where}: want an object, got {got!r}"); return
        for k, v in want.items():
            if k not in got:
                probs.append(f"{where}.{k}: absent"); continue
            cmp(f"{where}.{k}", v, got[k])
    elif isinstance(want, list):
        if not isinstance(got, list) or len(want) != len(got):
            probs.append(f"{where}: want {len(want)} entries, got {got!r:.200}"); return
        for i, (w, g) in enumerate(zip(want, got)):
            tag = w.get("id", i) if isinstance(w, dict) else i
            cmp(f"{where}[{tag}]", w, g)
    elif want != got:
        probs.append(f"{where}: want {want!r}, got {got!r}")

# The summary lists "adjusted": false for the run without --adjust too; the oracle writes "adjusted"
# only when --adjust is given (JSON additions appear only when a run uses what they report), so in
# that run the key must be absent and false is what absence means.
units = doc["rubrics"][0]["units"]
if " with " not in key:
    for u in units:
        if "adjusted" in u:
            probs.append(f"units[{u['id']}].adjusted: present without --adjust")
        u["adjusted"] = False
cmp("units", exp[key], units)
akey = "adjustments (" + key.split(" with ")[0] + ")"
if " with " in key:
    cmp("adjustments", exp[akey], doc.get("adjustments"))
for p in probs[:20]:
    print("  ", p)
print(sys.argv[4], "MATCH" if not probs else "DIFF")
sys.exit(bool(probs))
PY
}
summary "case3 (rubric.toml)" "rubric.toml" \
  --rubric case3/rubric.toml --annual case3/annual.csv --daily case3/daily.csv --measures case3/measures.csv
summary "case3 (rubric-full.toml --adjust)" "rubric-full.toml with adjust.csv" \
  --rubric case3/rubric-full.toml --annual case3/annual.csv --daily case3/daily.csv --measures case3/measures.csv \
  --adjust case3/adjust.csv
