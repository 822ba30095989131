#!/usr/bin/env python3
"""Independent reference implementation of `assess score --format json` (SPEC.md).

stdlib only.  Prints the JSON document on stdout and exits 0, or prints
`error: FILE:LINE: ...` lines on stderr and exits 2.
"""
import argparse
import csv
import datetime
import hashlib
import io
import json
import re
import sys
import tomllib
from decimal import Decimal, ROUND_HALF_UP, getcontext, InvalidOperation

getcontext().prec = 200

VERSION = "0.1.0"


class Errors:
    def __init__(self):
        self.items = []

    def add(self, path, line, msg):
        if line is None:
            self.items.append(f"error: {path}: {msg}")
        else:
            self.items.append(f"error: {path}:{line}: {msg}")

    def __bool__(self):
        return bool(self.items)

    def die(self):
        for e in self.items:
            print(e, file=sys.stderr)
        sys.exit(2)


# ---------------------------------------------------------------- numbers

NUM_RE = re.compile(r"^[+-]?[0-9]+(\.[0-9]+)?$")


def parse_cell_decimal(s):
    """Plain decimal as in SPEC 3: digits, optional sign and fraction."""
    if not NUM_RE.match(s):
        return None
    return Decimal(s)


def places(d):
    """number of decimal places, trailing zeros not counted"""
    d = d.normalize()
    e = d.as_tuple().exponent
    return max(0, -e)


def norm(d):
    """decimal normalized without trailing zeros, plain notation"""
    if d == 0:
        return "0"
    s = format(d.normalize(), "f")
    return s


def rnd(d, decimals):
    q = Decimal(1).scaleb(-decimals)
    return d.quantize(q, rounding=ROUND_HALF_UP)


def fmt_score(d, decimals):
    r = rnd(d, decimals)
    if r == 0:
        r = abs(r)
    return format(r, "f")


def sig_digits(s):
    """significant digits of a repr() of a float"""
    m = s.lower().split("e")[0].lstrip("+-").replace(".", "").lstrip("0")
    return len(m.rstrip("0")) if m else 0


def toml_number(v):
    """Returns Decimal or None (not a number)."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            return None
        r = repr(v)
        if sig_digits(r) > 15:
            return None
        return Decimal(r)
    if isinstance(v, str):
        s = v.strip()
        if not NUM_RE.match(s):
            return None
        return Decimal(s)
    return None


# ---------------------------------------------------------------- TOML line finder

class LineFinder:
    """Best-effort line numbers of keys in a TOML file (for messages only)."""

    def __init__(self, text):
        self.lines = text.splitlines()

    def find(self, key, nth=0):
        pat = re.compile(r"^\s*(\[\[?)?\s*" + re.escape(key) + r"\b")
        n = 0
        for i, l in enumerate(self.lines):
            if pat.search(l):
                if n == nth:
                    return i + 1
                n += 1
        return 1


# ---------------------------------------------------------------- rubric

ID_RE = re.compile(r"^[a-z0-9_-]+$")


class Rubric:
    pass


def load_rubric(path, errs):
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        errs.add(path, None, f"cannot read: {e}")
        return None
    sha = hashlib.sha256(raw).hexdigest()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        errs.add(path, 1, "rubric is not valid UTF-8")
        return None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        errs.add(path, None, f"TOML syntax: {e}")
        return None
    lf = LineFinder(text)
    n_before = len(errs.items)

    def err(key, msg, nth=0):
        errs.add(path, lf.find(key, nth), msg)

    def check_keys(tbl, allowed, where):
        for k in tbl:
            if k not in allowed:
                err(k, f"unknown key {k!r} in {where}")

    def need(tbl, key, where, typ=None):
        if key not in tbl:
            errs.add(path, 1, f"missing key {key!r} in {where}")
            return None
        v = tbl[key]
        if typ is not None:
            if typ is int and isinstance(v, bool):
                err(key, f"{key} must be an integer")
                return None
            if not isinstance(v, typ):
                err(key, f"{key} has the wrong type")
                return None
        return v

    def num(tbl, key, where, required=True):
        if key not in tbl:
            if required:
                errs.add(path, 1, f"missing key {key!r} in {where}")
            return None
        d = toml_number(tbl[key])
        if d is None:
            err(key, f"{key} is not a decimal number")
        return d

    R = Rubric()
    R.path = path
    R.sha256 = sha
    check_keys(doc, {"id", "title", "year", "total", "decimals", "ranking", "period",
                     "scorers", "grade", "unit", "section"}, "rubric")
    R.id = need(doc, "id", "rubric", str)
    if R.id is not None and not ID_RE.match(R.id):
        err("id", f"rubric id {R.id!r} must match [a-z0-9_-]+")
    R.title = need(doc, "title", "rubric", str)
    R.year = need(doc, "year", "rubric", int)
    R.total = num(doc, "total", "rubric")
    if R.total is not None and R.total <= 0:
        err("total", "total must be > 0")
    R.decimals = 2
    if "decimals" in doc:
        d = doc["decimals"]
        if isinstance(d, bool) or not isinstance(d, int) or not (0 <= d <= 6):
            err("decimals", "decimals must be an integer 0..=6")
        else:
            R.decimals = d
    R.ranking = "competition"
    if "ranking" in doc:
        if doc["ranking"] not in ("competition", "dense"):
            err("ranking", "ranking must be \"competition\" or \"dense\"")
        else:
            R.ranking = doc["ranking"]
    # period
    yr = R.year if isinstance(R.year, int) else 2000
    try:
        R.pstart = datetime.date(yr, 1, 1)
        R.pend = datetime.date(yr, 12, 31)
    except ValueError:
        err("year", "bad year")
        R.pstart = datetime.date(2000, 1, 1)
        R.pend = datetime.date(2000, 12, 31)
    if "period" in doc:
        p = doc["period"]
        if not isinstance(p, dict):
            err("period", "period must be a table")
        else:
            check_keys(p, {"start", "end"}, "period")
            for k in ("start", "end"):
                if k in p:
                    v = p[k]
                    if isinstance(v, datetime.date) and not isinstance(v, datetime.datetime):
                        setattr(R, "p" + k, v)
                    else:
                        err(k, f"period.{k} must be a date")
            if R.pstart > R.pend:
                err("start", "period.start is after period.end")
    # scorers
    R.scorers = {}   # id -> name
    sc = need(doc, "scorers", "rubric", dict)
    if sc is not None:
        if not sc:
            err("scorers", "at least one scorer is required")
        for k, v in sc.items():
            if not isinstance(v, str):
                err(k, f"scorer {k!r} name must be a string")
            else:
                R.scorers[k] = v
        names = list(R.scorers.values())
        for nm in set(names):
            if names.count(nm) > 1:
                err("scorers", f"scorer name {nm!r} used twice")
    # grades
    R.grades = []
    gl = need(doc, "grade", "rubric", list)
    if gl is not None:
        if not gl:
            err("grade", "at least one grade is required")
        gids, glabels = set(), set()
        for gi, g in enumerate(gl):
            if not isinstance(g, dict):
                err("grade", "grade must be a table")
                continue
            check_keys(g, {"id", "label", "min"}, "grade")
            gid = need(g, "id", "grade", str)
            lab = need(g, "label", "grade", str)
            mn = num(g, "min", "grade")
            if gid in gids:
                err("grade", f"duplicate grade id {gid!r}")
            if lab in glabels:
                err("grade", f"duplicate grade label {lab!r}")
            gids.add(gid)
            glabels.add(lab)
            if mn is not None and places(mn) > R.decimals:
                err("min", f"grade min {mn} has more than {R.decimals} decimal places", gi)
            R.grades.append((gid, lab, mn))
        mins = [g[2] for g in R.grades]
        if R.grades and all(m is not None for m in mins):
            for a, b in zip(mins, mins[1:]):
                if not a > b:
                    err("min", "grade mins must be strictly descending")
            if R.total is not None and mins[0] > R.total:
                err("min", "first grade min exceeds total")
            if mins[-1] != 0:
                err("min", "last grade min must be 0")
    # units
    R.units = []
    ul = need(doc, "unit", "rubric", list)
    if ul is not None:
        if not ul:
            err("unit", "at least one unit is required")
        for u in ul:
            if not isinstance(u, dict):
                err("unit", "unit must be a table")
                continue
            check_keys(u, {"id", "name"}, "unit")
            uid = need(u, "id", "unit", str)
            un = need(u, "name", "unit", str)
            if uid is not None and un is not None:
                R.units.append((uid, un))
    # sections
    R.sections = []
    sl = need(doc, "section", "rubric", list)
    item_ids, item_titles, sec_ids = set(), set(), set()
    if sl is not None:
        if not sl:
            err("section", "at least one section is required")
        for s in sl:
            if not isinstance(s, dict):
                err("section", "section must be a table")
                continue
            check_keys(s, {"id", "title", "item"}, "section")
            sid = need(s, "id", "section", str)
            st = need(s, "title", "section", str)
            if sid in sec_ids:
                err("id", f"duplicate section id {sid!r}")
            sec_ids.add(sid)
            items = []
            il = s.get("item", [])
            if not isinstance(il, list):
                err("item", "item must be an array of tables")
                il = []
            for it in il:
                if not isinstance(it, dict):
                    err("item", "item must be a table")
                    continue
                check_keys(it, {"id", "title", "max", "scorers", "max_deduct", "max_add",
                                "criteria", "start"}, "item")
                I = {}
                I["id"] = need(it, "id", "item", str)
                I["title"] = need(it, "title", "item", str)
                if I["id"] in item_ids:
                    err("id", f"duplicate item id {I['id']!r}")
                if I["title"] in item_titles:
                    err("title", f"duplicate item title {I['title']!r}")
                item_ids.add(I["id"])
                item_titles.add(I["title"])
                I["max"] = num(it, "max", "item")
                if I["max"] is not None:
                    if I["max"] <= 0:
                        err("max", "max must be > 0")
                    if places(I["max"]) > R.decimals:
                        err("max", f"max {I['max']} has more than {R.decimals} decimal places")
                for k in ("max_deduct", "max_add"):
                    I[k] = num(it, k, "item", required=False)
                    if I[k] is not None and I[k] < 0:
                        err(k, f"{k} must be >= 0")
                if "criteria" in it and not isinstance(it["criteria"], str):
                    err("criteria", "criteria must be a string")
                I["scorers"] = []
                if "scorers" in it:
                    sw = it["scorers"]
                    if not isinstance(sw, dict):
                        err("scorers", "scorers must be a table")
                    else:
                        tot = Decimal(0)
                        for k, v in sw.items():
                            w = toml_number(v)
                            if k not in R.scorers:
                                err(k, f"undeclared scorer {k!r}")
                            if w is None:
                                err(k, f"weight of {k!r} is not a number")
                                continue
                            if w <= 0:
                                err(k, f"weight of {k!r} must be > 0")
                            tot += w
                            I["scorers"].append((k, w))
                        if not sw:
                            err("scorers", "scorers table is empty")
                        elif tot != 1:
                            err("scorers", f"weights add up to {tot}, not 1")
                I["start"] = "zero"
                if "start" in it:
                    if "scorers" in it:
                        err("start", "start is only allowed on an item without scorers")
                    if it["start"] not in ("zero", "full"):
                        err("start", "start must be \"zero\" or \"full\"")
                    else:
                        I["start"] = it["start"]
                items.append(I)
            R.sections.append({"id": sid, "title": st, "items": items})
    if len(errs.items) > n_before:
        return None
    tot = sum((I["max"] for s in R.sections for I in s["items"]), Decimal(0))
    if tot != R.total:
        err("total", f"item maxima add up to {norm(tot)}, not {norm(R.total)}")
    if places(R.total) > R.decimals:
        err("total", f"total has more than {R.decimals} decimal places")
    if len(errs.items) > n_before:
        return None
    R.items = [I for s in R.sections for I in s["items"]]
    R.item_by_id = {I["id"]: I for I in R.items}
    R.item_by_title = {I["title"]: I for I in R.items}
    R.scorer_by_name = {v: k for k, v in R.scorers.items()}
    return R


# ---------------------------------------------------------------- CSV

def read_table(path, encoding, errs, columns, required):
    """columns: dict canonical -> set of aliases (lowercase). Returns list of (line, dict) or None."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        errs.add(path, None, f"cannot read: {e}")
        return None, None
    sha = hashlib.sha256(raw).hexdigest()
    text = None
    if encoding in ("auto", "utf8"):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            if encoding == "utf8":
                errs.add(path, None, "not valid UTF-8")
                return None, sha
    if text is None:
        b = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
        try:
            text = b.decode("gb18030")
        except UnicodeDecodeError:
            errs.add(path, None, "neither valid UTF-8 nor GB18030")
            return None, sha
    if text.startswith("\ufeff"):
        text = text[1:]
    rdr = csv.reader(io.StringIO(text, newline=""))
    rows = []
    prev = 0
    try:
        for rec in rdr:
            start = prev + 1
            prev = rdr.line_num
            rows.append((start, rec))
    except csv.Error as e:
        errs.add(path, prev + 1, f"CSV syntax: {e}")
        return None, sha
    rows = [(ln, [c.strip() for c in rec]) for ln, rec in rows]
    rows = [(ln, rec) for ln, rec in rows if any(c != "" for c in rec)]
    if not rows:
        errs.add(path, 1, "no header row")
        return None, sha
    hl, header = rows[0]
    colidx = {}
    bad = False
    for j, h in enumerate(header):
        hk = h.strip().lower()
        for canon, aliases in columns.items():
            if hk in aliases:
                if canon in colidx:
                    errs.add(path, hl, f"column {canon!r} appears twice")
                    bad = True
                colidx[canon] = j
    for r in required:
        if r not in colidx:
            errs.add(path, hl, f"missing column {r!r}")
            bad = True
    if bad:
        return None, sha
    out = []
    for ln, rec in rows[1:]:
        d = {}
        for canon, j in colidx.items():
            d[canon] = rec[j] if j < len(rec) else ""
        out.append((ln, d))
    return (out, colidx), sha


ANNUAL_COLS = {
    "unit": {"unit", "单位"},
    "item": {"item", "项目"},
    "scorer": {"scorer", "评分单位"},
    "score": {"score", "得分"},
    "note": {"note", "备注"},
}
DAILY_COLS = {
    "date": {"date", "日期"},
    "unit": {"unit", "单位"},
    "item": {"item", "项目"},
    "kind": {"kind", "类型"},
    "points": {"points", "分值"},
    "method": {"method", "方式"},
    "note": {"note", "说明"},
}
NA = {"n/a", "不涉及", "不适用"}
KINDS = {"deduct": "deduct", "核减": "deduct", "扣分": "deduct",
         "add": "add", "核加": "add", "加分": "add",
         "veto": "veto", "一票否决": "veto"}
METHODS = {"daily_record": "daily_record", "日常记录": "daily_record",
           "spot_check": "spot_check", "随机抽查": "spot_check",
           "special_inspection": "special_inspection", "专项检查": "special_inspection",
           "online_evaluation": "online_evaluation", "网上评测": "online_evaluation",
           "material_filing": "material_filing", "材料报备": "material_filing"}

DATE_RES = [
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
]


def parse_date(s):
    for r in DATE_RES:
        m = r.match(s)
        if m:
            try:
                return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


# ---------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("command", nargs="?", default="score", choices=["score"])
    ap.add_argument("--rubric", action="append", default=[])
    ap.add_argument("--annual", action="append", default=[])
    ap.add_argument("--daily", action="append", default=[])
    ap.add_argument("--allow-missing", action="store_true")
    ap.add_argument("--encoding", choices=["auto", "utf8", "gbk"], default="auto")
    ap.add_argument("--format", default="json")
    a = ap.parse_args(argv)
    errs = Errors()
    if not a.rubric:
        print("error: oracle needs --rubric (no embedded rubrics)", file=sys.stderr)
        sys.exit(2)

    inputs = []
    rubrics = []
    for p in a.rubric:
        R = load_rubric(p, errs)
        if R is not None:
            rubrics.append(R)
            inputs.append({"role": "rubric", "path": p, "sha256": R.sha256})
        else:
            try:
                inputs.append({"role": "rubric", "path": p,
                               "sha256": hashlib.sha256(open(p, "rb").read()).hexdigest()})
            except OSError:
                pass
    if errs:
        errs.die()
    # cross-rubric checks
    seen_rid = {}
    unit_by_id, unit_by_name = {}, {}
    for R in rubrics:
        if R.id in seen_rid:
            errs.add(R.path, LineFinder(open(R.path, encoding="utf-8-sig").read()).find("id"),
                     f"rubric id {R.id!r} already used by {seen_rid[R.id]}")
        seen_rid[R.id] = R.path
        lf = LineFinder(open(R.path, encoding="utf-8-sig").read())
        for k, (uid, un) in enumerate(R.units):
            if uid in unit_by_id:
                errs.add(R.path, lf.find("id", 0), f"duplicate unit id {uid!r}")
            if un in unit_by_name:
                errs.add(R.path, lf.find("name", 0), f"duplicate unit name {un!r}")
            unit_by_id[uid] = (R, uid)
            unit_by_name[un] = (R, uid)
    if errs:
        errs.die()

    def find_unit(s):
        if s in unit_by_id:
            return unit_by_id[s]
        if s in unit_by_name:
            return unit_by_name[s]
        return None

    def find_item(R, s):
        if s in R.item_by_id:
            return R.item_by_id[s]
        if s in R.item_by_title:
            return R.item_by_title[s]
        return None

    # annual: (rubric id, unit id, item id, scorer id) -> (value|'na', path, line)
    annual = {}
    multi = any(len(I["scorers"]) > 1 for R in rubrics for I in R.items)
    for p in a.annual:
        res, sha = read_table(p, a.encoding, errs, ANNUAL_COLS, ["unit", "item", "score"])
        if sha is not None:
            inputs.append({"role": "annual", "path": p, "sha256": sha})
        if res is None:
            continue
        rows, colidx = res
        for ln, r in rows:
            u = find_unit(r["unit"])
            if u is None:
                errs.add(p, ln, f"unknown unit {r['unit']!r}")
                continue
            R, uid = u
            I = find_item(R, r["item"])
            if I is None:
                errs.add(p, ln, f"unknown item {r['item']!r} in rubric {R.id}")
                continue
            if not I["scorers"]:
                errs.add(p, ln, f"item {I['id']} has no scorers; it takes no annual score")
                continue
            sname = r.get("scorer", "")
            if sname == "":
                if len(I["scorers"]) == 1:
                    sid = I["scorers"][0][0]
                else:
                    errs.add(p, ln, f"item {I['id']} has several scorers; the scorer is required")
                    continue
            else:
                if sname in R.scorers:
                    sid = sname
                elif sname in R.scorer_by_name:
                    sid = R.scorer_by_name[sname]
                else:
                    errs.add(p, ln, f"unknown scorer {sname!r}")
                    continue
                if sid not in dict(I["scorers"]):
                    errs.add(p, ln, f"scorer {sid!r} does not score item {I['id']}")
                    continue
            sv = r["score"]
            if sv.lower() in NA:
                val = "na"
            else:
                val = parse_cell_decimal(sv)
                if val is None:
                    errs.add(p, ln, f"score {sv!r} is not a decimal")
                    val = "bad"   # the cell is present (no cascade of "missing" errors)
                elif val < 0 or val > I["max"]:
                    errs.add(p, ln, f"score {sv} out of range 0..{norm(I['max'])}")
                    val = "bad"
            key = (R.id, uid, I["id"], sid)
            if key in annual:
                op, ol = annual[key][1], annual[key][2]
                errs.add(p, ln, f"duplicate score for ({uid}, {I['id']}, {sid}); first at {op}:{ol}")
                continue
            annual[key] = (val, p, ln)

    # n/a consistency
    na_items = {}  # (rid, uid, iid) -> list of (path,line)
    for R in rubrics:
        for uid, un in R.units:
            for I in R.items:
                if not I["scorers"]:
                    continue
                vals = [annual.get((R.id, uid, I["id"], s)) for s, w in I["scorers"]]
                nas = [v for v in vals if v is not None and v[0] == "na"]
                if nas:
                    if len(nas) != len(vals):
                        p, ln = nas[0][1], nas[0][2]
                        others = [v for v in vals if v is not None and v[0] != "na"]
                        if others:
                            p, ln = others[0][1], others[0][2]
                        errs.add(p, ln, f"item {I['id']} of unit {uid}: n/a must be said by every scorer")
                    else:
                        na_items[(R.id, uid, I["id"])] = [(v[1], v[2]) for v in nas]

    # daily
    adj = {}  # (rid, uid, iid) -> {'deduct': sum, 'add': sum}
    veto = set()
    for p in a.daily:
        res, sha = read_table(p, a.encoding, errs, DAILY_COLS,
                              ["date", "unit", "item", "kind", "points", "method"])
        if sha is not None:
            inputs.append({"role": "daily", "path": p, "sha256": sha})
        if res is None:
            continue
        rows, colidx = res
        for ln, r in rows:
            ok = True
            d = parse_date(r["date"])
            if d is None:
                errs.add(p, ln, f"bad date {r['date']!r}")
                ok = False
            u = find_unit(r["unit"])
            if u is None:
                errs.add(p, ln, f"unknown unit {r['unit']!r}")
                continue
            R, uid = u
            if d is not None and not (R.pstart <= d <= R.pend):
                errs.add(p, ln, f"date {r['date']} outside the period {R.pstart}..{R.pend}")
                ok = False
            kind = KINDS.get(r["kind"].lower())
            if kind is None:
                errs.add(p, ln, f"bad kind {r['kind']!r}")
                ok = False
            meth = METHODS.get(r["method"].lower())
            if meth is None:
                errs.add(p, ln, f"bad method {r['method']!r}")
                ok = False
            I = None
            if r["item"] != "":
                I = find_item(R, r["item"])
                if I is None:
                    errs.add(p, ln, f"unknown item {r['item']!r} in rubric {R.id}")
                    ok = False
            elif kind != "veto":
                errs.add(p, ln, "item is required")
                ok = False
            pts = None
            if kind == "veto":
                if r["points"] != "":
                    pts = parse_cell_decimal(r["points"])
                    if pts is None:
                        errs.add(p, ln, f"points {r['points']!r} is not a decimal")
                        ok = False
                    elif pts != 0:
                        errs.add(p, ln, "a veto carries no points")
                        ok = False
            elif kind is not None:
                pts = parse_cell_decimal(r["points"])
                if pts is None:
                    errs.add(p, ln, f"points {r['points']!r} is not a decimal")
                    ok = False
                elif pts <= 0:
                    errs.add(p, ln, "points must be > 0")
                    ok = False
            if I is not None and (R.id, uid, I["id"]) in na_items:
                errs.add(p, ln, f"item {I['id']} is n/a for unit {uid}")
                ok = False
            if not ok:
                continue
            if kind == "veto":
                veto.add((R.id, uid))
            else:
                a_ = adj.setdefault((R.id, uid, I["id"]), {"deduct": Decimal(0), "add": Decimal(0)})
                a_[kind] += pts

    # missing cells
    missing = []
    for R in rubrics:
        for uid, un in R.units:
            for I in R.items:
                if (R.id, uid, I["id"]) in na_items:
                    continue
                for s, w in I["scorers"]:
                    if (R.id, uid, I["id"], s) not in annual:
                        missing.append((R, uid, I["id"], s))
    if missing and not a.allow_missing:
        for R, uid, iid, s in missing:
            errs.add(R.path, None, f"missing annual score ({uid}, {iid}, {s})")
    # no applicable item
    for R in rubrics:
        for uid, un in R.units:
            if all((R.id, uid, I["id"]) in na_items for I in R.items):
                errs.add(R.path, None, f"no item applies to unit {uid}")
    if errs:
        errs.die()

    # ---------------- compute
    out_rubrics = []
    for R in rubrics:
        dec = R.decimals
        units = []
        for order, (uid, un) in enumerate(R.units):
            secs = []
            app_sum = Decimal(0)
            app_max = Decimal(0)
            scaled = False
            u_ded = Decimal(0)
            u_add = Decimal(0)
            for S in R.sections:
                items = []
                ssum = Decimal(0)
                for I in S["items"]:
                    if (R.id, uid, I["id"]) in na_items:
                        scaled = True
                        items.append({"id": I["id"], "title": I["title"], "max": norm(I["max"]),
                                      "base": None, "deducted": None, "added": None,
                                      "score": None, "applicable": False})
                        continue
                    if I["scorers"]:
                        base = Decimal(0)
                        for s, w in I["scorers"]:
                            v = annual.get((R.id, uid, I["id"], s))
                            if v is not None:
                                base += w * v[0]
                    else:
                        base = I["max"] if I["start"] == "full" else Decimal(0)
                    a_ = adj.get((R.id, uid, I["id"]), {"deduct": Decimal(0), "add": Decimal(0)})
                    ded = a_["deduct"]
                    if I["max_deduct"] is not None and ded > I["max_deduct"]:
                        ded = I["max_deduct"]
                    add = a_["add"]
                    if I["max_add"] is not None and add > I["max_add"]:
                        add = I["max_add"]
                    raw = base - ded + add
                    if raw < 0:
                        raw = Decimal(0)
                    if raw > I["max"]:
                        raw = I["max"]
                    sc = rnd(raw, dec)
                    ssum += sc
                    app_sum += sc
                    app_max += I["max"]
                    u_ded += ded
                    u_add += add
                    items.append({"id": I["id"], "title": I["title"], "max": norm(I["max"]),
                                  "base": norm(base), "deducted": norm(ded), "added": norm(add),
                                  "score": fmt_score(sc, dec), "applicable": True})
                secs.append({"id": S["id"], "title": S["title"], "score": fmt_score(ssum, dec),
                             "items": items})
            if scaled:
                total = rnd(app_sum * R.total / app_max, dec)
            else:
                total = rnd(app_sum, dec)
            is_veto = (R.id, uid) in veto
            grade = None
            for gid, lab, mn in R.grades:
                if mn <= total:
                    grade = (gid, lab)
                    break
            if grade is None or is_veto:
                grade = (R.grades[-1][0], R.grades[-1][1])
            units.append({"order": order, "totalv": total, "doc": {
                "id": uid, "name": un, "rank": 0, "total": fmt_score(total, dec),
                "grade": grade[0], "grade_label": grade[1], "veto": is_veto, "scaled": scaled,
                "deducted": norm(u_ded), "added": norm(u_add), "sections": secs}})
        totals = [u["totalv"] for u in units]
        distinct = sorted(set(totals), reverse=True)
        for u in units:
            if R.ranking == "dense":
                u["doc"]["rank"] = 1 + sum(1 for t in distinct if t > u["totalv"])
            else:
                u["doc"]["rank"] = 1 + sum(1 for t in totals if t > u["totalv"])
        units.sort(key=lambda u: (u["doc"]["rank"], u["order"]))
        out_rubrics.append({"id": R.id, "title": R.title, "year": R.year,
                            "total": norm(R.total), "decimals": dec, "sha256": R.sha256,
                            "units": [u["doc"] for u in units]})
    doc = {"schema": "assess.score.v1", "version": VERSION,
           "provisional": bool(missing) and a.allow_missing,
           "inputs": inputs, "rubrics": out_rubrics}
    sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    main()
