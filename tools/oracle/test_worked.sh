#!/bin/sh
# Checks oracle.py against the spec's worked cases: case{1,2}/expected.json (ignoring inputs, version).
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
