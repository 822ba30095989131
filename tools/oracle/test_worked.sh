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
print(sys.argv[2], "MATCH" if a == b else "DIFF")
sys.exit(a != b)
PY
}
check case1 --rubric case1/rubric.toml --annual case1/annual.csv --daily case1/daily.csv
check case2 --rubric case2/rubric.toml --annual case2/annual.csv --daily case2/daily.csv --allow-missing
if python3 "$H/oracle.py" --rubric case2/rubric.toml --annual case2/annual.csv --daily case2/daily.csv >/dev/null 2>&1; then
  echo "case2 without --allow-missing: expected exit 2"; exit 1
else echo "case2 without --allow-missing: exit 2 OK"; fi
