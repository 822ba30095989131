#!/bin/sh
# Checks oracle.py (or BINARY) against the hand-computed cases in cases/*/:
# - a case with expected.json must print that document (parsed JSON compared, ignoring inputs,
#   version and the rubrics' sha256); NOTES.md shows the arithmetic;
# - a case with expect.txt (gen.py --bad format) must exit 2 with an `error: ` line naming one
#   of its `loc:` places.
# - a case with expected-summary.json (part three) must print a document holding every field the
#   summary lists (objects: each listed key, the value "<absent>" meaning the key must not be there;
#   lists: the same length, entry by entry); NOTES.md shows the arithmetic;
#   cases/check.sh [BINARY]
H=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "$1" ]; then prog=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); else prog="python3 $H/oracle.py"; fi
fail=0
for d in "$H"/cases/*/; do
  n=$(basename "$d")
  [ -f "$d/cmd.txt" ] || continue
  out=$(cd "$d" && ASSESS_LANG=en $prog $(cat cmd.txt) 2>/tmp/assess-case-$n.err); rc=$?
  if [ -f "$d/expected.json" ]; then
    if [ $rc = 0 ] && printf '%s' "$out" | python3 -c '
import json, sys
a = json.load(sys.stdin); b = json.load(open(sys.argv[1]))
for d in (a, b):
    d.pop("inputs", None); d.pop("version", None)
    d.pop("missing", None)  # SPEC 15, not computed by the oracle
    for r in d.get("rubrics", []):
        r.pop("sha256", None)
        for u in r.get("units", []): u.pop("provisional", None)
sys.exit(a != b)' "$d/expected.json"; then echo "$n MATCH"; else echo "$n DIFF (exit $rc)"; fail=1; fi
  elif [ -f "$d/expected-summary.json" ]; then
    if [ $rc = 0 ] && printf '%s' "$out" | python3 -c '
import json, sys
got = json.load(sys.stdin); want = json.load(open(sys.argv[1]))
probs = []
def cmp(where, w, g):
    if isinstance(w, dict):
        if not isinstance(g, dict):
            probs.append(f"{where}: want an object"); return
        for k, v in w.items():
            if v == "<absent>":
                if k in g: probs.append(f"{where}.{k}: present, want absent")
            elif k not in g: probs.append(f"{where}.{k}: absent")
            else: cmp(f"{where}.{k}", v, g[k])
    elif isinstance(w, list):
        if not isinstance(g, list) or len(w) != len(g):
            probs.append(f"{where}: want {len(w)} entries"); return
        for i, (x, y) in enumerate(zip(w, g)):
            tag = x.get("id", i) if isinstance(x, dict) else i
            cmp(f"{where}[{tag}]", x, y)
    elif w != g: probs.append(f"{where}: want {w!r}, got {g!r}")
cmp("$", want, got)
for p in probs[:10]: print("   ", p, file=sys.stderr)
sys.exit(bool(probs))' "$d/expected-summary.json"; then echo "$n MATCH"; else echo "$n DIFF (exit $rc)"; fail=1; fi
  elif [ -f "$d/expect.txt" ]; then
    if [ $rc = 2 ] && python3 -c '
import re, sys
exp = open(sys.argv[1]).read(); err = open(sys.argv[2]).read().splitlines()
locs = [l for l in re.findall(r"^loc: (.*)$", exp, re.M) if l != "-"]
lines = [l for l in err if l.startswith("error: ") or l.startswith("错误：")]
ok = bool(lines) and (not locs or any(re.search(re.escape(l) + r"(?![0-9])", e) for l in locs for e in lines))
sys.exit(not ok)' "$d/expect.txt" /tmp/assess-case-$n.err; then echo "$n ERROR OK"
    else echo "$n WRONG (exit $rc): $(head -3 /tmp/assess-case-$n.err)"; fail=1; fi
  fi
done
exit $fail
