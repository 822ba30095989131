#!/usr/bin/env python3
"""Differential test of `assess score --format json` against oracle.py.

    python3 diff.py N BINARY [--bad] [--part1 | --part3] [--pre-part2-json] [--ignore KEYPATH]...
                             [--start S] [-j JOBS] [--keep DIR] [--strict-order] [-v]

Generates cases with seeds S..S+N-1 (default S=1) using gen.py into a temp
dir, runs `python3 oracle.py <cmd.txt>` and `BINARY <cmd.txt>` in the case
dir, and reports every disagreement with its seed.  Failing cases are copied
to DIR (default /tmp/assess-diff-failures) so they can be rerun by hand.
BINARY may be the word `oracle`: the oracle is then checked against itself
(a generator check: valid cases must pass, bad cases must fail at the place
in expect.txt; a generated valid case that the oracle rejects is then a failure,
not a warning).

By default about half the cases use part two of the spec (indicator levels,
rules, aliases); --part1 generates part-one cases only (gen.py --part1); --part3 generates
part-three cases (gen.py --part3: SPEC 16-20 mixed with part-two shapes).
--pre-part2-json compares with a binary older than part two: `"groups": []`
and `"parent": null` are removed from both documents first (only those
empty values, so a wrong group or parent still shows). --ignore KEYPATH
drops a key the oracle does not compute (e.g. SPEC 15's `missing` and
`rubrics.units.provisional`) from both documents.

Valid mode: exit codes must agree; when both are 0 the parsed JSON documents
must be equal ignoring `inputs` and `version` (the first differing path is shown).
--bad mode: the binary must exit 2, print nothing on stdout, print at least one
stderr line starting `error: ` (or `错误：`), one of which names FILE:LINE from
expect.txt (unless expect.txt says `loc: -`), and never panic.  The binary runs
with ASSESS_LANG=en (SPEC 15: messages follow the language, Chinese by default).

Exit status: 0 when everything agrees, 1 otherwise.
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def first_diff(a, b, path="$"):
    if type(a) != type(b):
        return path, a, b
    if isinstance(a, dict):
        for k in a:
            if k not in b:
                return f"{path}.{k}", a[k], "<absent>"
        for k in b:
            if k not in a:
                return f"{path}.{k}", "<absent>", b[k]
        for k in a:
            d = first_diff(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_diff(x, y, f"{path}[{i}]")
            if d:
                return d
        if len(a) != len(b):
            return f"{path}.length", len(a), len(b)
        return None
    if a != b:
        return path, a, b
    return None


def key_order_diff(a, b, path="$"):
    """first place where both have the same keys in a different order"""
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = key_order_diff(x, y, f"{path}[{i}]")
            if d:
                return d
    elif isinstance(a, tuple) and isinstance(b, tuple):  # ordered pairs
        ka = [k for k, _ in a[0]]
        kb = [k for k, _ in b[0]]
        if set(ka) == set(kb) and ka != kb:
            return path, ka, kb
        da, db = dict(a[0]), dict(b[0])
        for k in ka:
            if k in db:
                d = key_order_diff(da[k], db[k], f"{path}.{k}")
                if d:
                    return d
    return None


def ordered(text):
    return json.loads(text, object_pairs_hook=lambda pairs: (pairs,))


def human_path(doc, path):
    """add unit/item ids to a JSON path for readability"""
    m = re.match(r"\$\.rubrics\[(\d+)\](?:\.units\[(\d+)\])?(?:\.sections\[(\d+)\])?"
                 r"(?:\.(items|groups)\[(\d+)\])?", path)
    if not m:
        return path
    try:
        r = doc["rubrics"][int(m.group(1))]
        bits = [f"rubric={r['id']}"]
        if m.group(2):
            u = r["units"][int(m.group(2))]
            bits.append(f"unit={u['id']}")
            if m.group(3):
                s = u["sections"][int(m.group(3))]
                bits.append(f"section={s['id']}")
                if m.group(5):
                    kind = "item" if m.group(4) == "items" else "group"
                    bits.append(f"{kind}={s[m.group(4)][int(m.group(5))]['id']}")
        return f"{path} ({', '.join(bits)})"
    except (IndexError, KeyError, TypeError, ValueError):
        return path


def drop_key(doc, path):
    """removes a dotted key path (lists are walked through: `rubrics.units.provisional`)"""
    head, _, rest = path.partition(".")
    if isinstance(doc, list):
        for x in doc:
            drop_key(x, path)
    elif isinstance(doc, dict) and head in doc:
        if rest:
            drop_key(doc[head], rest)
        else:
            del doc[head]


def strip_part2(doc):
    """drops the empty part-two additions ("groups": [] and "parent": null) from a score document"""
    for r in doc.get("rubrics", []) if isinstance(doc.get("rubrics"), list) else []:
        for u in r.get("units", []) if isinstance(r, dict) else []:
            for s in u.get("sections", []) if isinstance(u, dict) else []:
                if not isinstance(s, dict):
                    continue
                if s.get("groups", None) == []:
                    del s["groups"]
                for i in s.get("items", []):
                    if isinstance(i, dict) and "parent" in i and i["parent"] is None:
                        del i["parent"]


BINARY_ENV = dict(os.environ, ASSESS_LANG="en")   # SPEC 15: messages follow the language; ask for English


def run(cmd, cwd, timeout, env=None):
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout, env=env)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return "timeout", "", ""
    except OSError as e:
        return "oserror", "", str(e)


def short(s, n=400):
    s = s.strip()
    return s if len(s) <= n else s[:n] + " …"


def check_seed(seed, args, tmp):
    d = os.path.join(tmp, str(seed))
    gen = [sys.executable, os.path.join(HERE, "gen.py")] + (["--bad"] if args.bad else []) + \
        (["--part1"] if args.part1 else []) + (["--part3"] if args.part3 else []) + [str(seed), d]
    rc, out, err = run(gen, HERE, 60)
    if rc != 0:
        return seed, [f"generator failed: {short(err)}"], d, []
    with open(os.path.join(d, "cmd.txt")) as f:
        cargs = [l for l in f.read().split("\n") if l != ""]
    orc, oout, oerr = run([sys.executable, os.path.join(HERE, "oracle.py")] + cargs, d, args.timeout)
    brc, bout, berr = run(args.binary_cmd + cargs, d, args.timeout, BINARY_ENV)
    probs = []
    warns = []
    if "panicked" in berr:
        probs.append(f"binary panicked: {short(berr)}")
    if args.bad:
        with open(os.path.join(d, "expect.txt")) as f:
            exp = f.read()
        kind = re.search(r"^kind: (.*)$", exp, re.M).group(1)
        locs = [l for l in re.findall(r"^loc: (.*)$", exp, re.M) if l != "-"]
        if orc != 2:
            warns.append(f"[{kind}] oracle exit {orc} (generator/oracle problem, not the binary's)")
        if brc != 2:
            probs.append(f"[{kind}] binary exit {brc}, want 2; stderr: {short(berr)}")
        if bout.strip():
            probs.append(f"[{kind}] binary wrote to stdout: {short(bout, 200)}")
        elines = [l for l in berr.splitlines() if l.startswith("error: ") or l.startswith("错误：")]
        if not elines:
            probs.append(f"[{kind}] no stderr line starts with 'error: '; stderr: {short(berr)}")
        elif locs:
            pats = [re.compile(re.escape(l) + r"(?![0-9])") for l in locs]
            if not any(p.search(l) for p in pats for l in elines):
                probs.append(f"[{kind}] no error line names {' or '.join(locs)}; stderr: {short(berr)}")
        return seed, probs, d, warns
    if brc != orc:
        probs.append(f"exit code: oracle {orc}, binary {brc}; oracle stderr: {short(oerr, 300)} "
                     f"binary stderr: {short(berr, 300)}")
        return seed, probs, d, warns
    if orc != 0:
        msg = f"both exit {orc} on a generated valid case (generator bug?): {short(oerr, 300)}"
        (probs if args.binary == "oracle" else warns).append(msg)
        return seed, probs, d, warns
    try:
        bdoc = json.loads(bout)
    except ValueError as e:
        probs.append(f"binary stdout is not JSON ({e}): {short(bout, 200)}")
        return seed, probs, d, warns
    odoc = json.loads(oout)
    for doc in (odoc, bdoc):
        if isinstance(doc, dict):
            doc.pop("inputs", None)
            doc.pop("version", None)
            if args.pre_part2_json:
                strip_part2(doc)
            for k in args.ignore:
                drop_key(doc, k)
    fd = first_diff(odoc, bdoc)
    if fd:
        path, a, b = fd
        probs.append(f"{human_path(odoc, path)}: oracle {json.dumps(a, ensure_ascii=False)[:200]} "
                     f"!= binary {json.dumps(b, ensure_ascii=False)[:200]}")
    else:
        kd = key_order_diff(ordered(oout), ordered(bout))
        if kd:
            msg = f"key order at {kd[0]}: oracle {kd[1]} binary {kd[2]}"
            (probs if args.strict_order else warns).append(msg)
    return seed, probs, d, warns


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("binary")
    ap.add_argument("--bad", action="store_true")
    ap.add_argument("--part1", action="store_true", help="part-one cases only (no levels, rules, aliases)")
    ap.add_argument("--part3", action="store_true",
                    help="part-three cases (parts, floors, measures, classes, policies, vetoes, zero records, "
                         "quotas, methods, adjustments)")
    ap.add_argument("--ignore", action="append", default=[], metavar="KEYPATH",
                    help="drop this key from both documents before comparing, e.g. missing or "
                         "rubrics.units.provisional (repeatable)")
    ap.add_argument("--pre-part2-json", action="store_true",
                    help='ignore "groups": [] and "parent": null (a binary without part two)')
    ap.add_argument("--start", type=int, default=1)
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 4)
    ap.add_argument("--keep", default="/tmp/assess-diff-failures")
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--strict-order", action="store_true", help="key order differences are failures")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if args.part1 and args.part3:
        ap.error("--part1 and --part3 exclude each other")
    if args.binary == "oracle":
        args.binary_cmd = [sys.executable, os.path.join(HERE, "oracle.py")]
    else:
        args.binary = os.path.abspath(args.binary)
        if not os.path.exists(args.binary):
            sys.exit(f"no binary at {args.binary}")
        args.binary_cmd = [args.binary]
    tmp = tempfile.mkdtemp(prefix="assess-diff-")
    nfail = 0
    nwarn = 0
    seeds = range(args.start, args.start + args.n)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        for seed, probs, d, warns in ex.map(lambda s: check_seed(s, args, tmp), seeds):
            mode = "--bad " if args.bad else ""
            for w in warns:
                nwarn += 1
                print(f"warn seed {seed}: {w}")
            if probs:
                nfail += 1
                keep = os.path.join(args.keep, ("bad-" if args.bad else "") + str(seed))
                shutil.rmtree(keep, ignore_errors=True)
                shutil.copytree(d, keep)
                for p in probs:
                    print(f"FAIL seed {seed}: {p}")
                flags = mode + ("--part1 " if args.part1 else "") + ("--part3 " if args.part3 else "")
                print(f"     case kept in {keep} (python3 gen.py {flags}{seed} DIR)")
            elif args.verbose:
                print(f"ok   seed {seed}")
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"{args.n - nfail}/{args.n} agree, {nfail} disagree, {nwarn} warnings")
    sys.exit(1 if nfail else 0)


if __name__ == "__main__":
    main()
