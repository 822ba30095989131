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

    def find_kv(self, key, value, nth=0, start=0):
        """line of the nth `key = <value>` at or after line start+1 (value compared after TOML
        parsing); falls back to 1"""
        pat = re.compile(r"^\s*" + re.escape(key) + r"\s*=\s*(.*)$")
        n = 0
        for i in range(start, len(self.lines)):
            m = pat.match(self.lines[i])
            if not m:
                continue
            try:
                v = tomllib.loads("x = " + m.group(1))["x"]
            except (tomllib.TOMLDecodeError, KeyError):
                continue
            if v == value:
                if n == nth:
                    return i + 1
                n += 1
        return 1

    def next_id(self, value):
        """the line of the next `id = value` after the last one found: tables are visited in the
        order they are written, so this follows the file"""
        ln = self.find_kv("id", value, 0, getattr(self, "cursor", 0))
        if ln == 1:
            return self.find_kv("id", value)
        self.cursor = ln
        return ln

    def in_table(self, id_ln, key, subtables=True):
        """line of `key` (a key, dotted key or [..key] / [[..key]] header) in the table whose id is
        on line id_ln; with subtables, also in the subtables that follow before the next item;
        else id_ln"""
        for i in range(id_ln, len(self.lines)):
            l = self.lines[i].strip()
            if re.match(r"^" + re.escape(key) + r"\s*[=.]", l):
                return i + 1
            if l.startswith("["):
                name = l.strip("[] ")
                if subtables and name.endswith("." + key):
                    return i + 1
                if not subtables or name.endswith(".item") or name in ("section", "unit", "grade"):
                    break
        return id_ln


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
                errs.add(path, lf.find("min", gi), f"grade min {mn} has more than {R.decimals} decimal places")
            R.grades.append((gid, lab, mn))
        mins = [g[2] for g in R.grades]
        if R.grades and all(m is not None for m in mins):
            for gi, (a, b) in enumerate(zip(mins, mins[1:])):
                if not a > b:
                    errs.add(path, lf.find("min", gi + 1), "grade mins must be strictly descending")
            if R.total is not None and mins[0] > R.total:
                err("min", "first grade min exceeds total")
            if mins[-1] != 0:
                errs.add(path, lf.find("min", len(mins) - 1), "last grade min must be 0")
    # units
    R.units = []
    R.aliases = {}   # unit id -> list of aliases
    ul = need(doc, "unit", "rubric", list)
    if ul is not None:
        if not ul:
            err("unit", "at least one unit is required")
        n_alias = 0
        for u in ul:
            if not isinstance(u, dict):
                err("unit", "unit must be a table")
                continue
            check_keys(u, {"id", "name", "aliases"}, "unit")
            uid = need(u, "id", "unit", str)
            un = need(u, "name", "unit", str)
            al = []
            if "aliases" in u:
                a_ln = lf.find("aliases", n_alias)
                n_alias += 1
                v = u["aliases"]
                if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                    errs.add(path, a_ln, "aliases must be an array of strings")
                else:
                    for x in v:
                        if x.strip() == "":
                            errs.add(path, a_ln, "an alias must not be empty")
                        else:
                            al.append(x)
            if uid is not None and un is not None:
                R.units.append((uid, un))
                R.aliases[uid] = al
    # sections and their items, to any depth (SPEC 8)
    R.sections = []
    sl = need(doc, "section", "rubric", list)
    item_ids, item_titles, sec_ids = set(), set(), set()
    GROUP_FORBIDDEN = ("scorers", "start", "max_deduct", "max_add", "rule")

    def max_of(it, where, id_ln):
        """a written max (leaf or group): > 0, at most `decimals` places"""
        ln = lf.in_table(id_ln, "max", False)
        if "max" not in it:
            errs.add(path, id_ln, f"missing key 'max' in {where} (an item needs a max, a group items)")
            return None
        m = toml_number(it["max"])
        if m is None:
            errs.add(path, ln, "max is not a decimal number")
        else:
            if m <= 0:
                errs.add(path, ln, "max must be > 0")
            if places(m) > R.decimals:
                errs.add(path, ln, f"max {m} has more than {R.decimals} decimal places")
        return m

    def parse_rules(I, rl):
        I["rules"] = []
        if not isinstance(rl, list):
            err("rule", "rule must be an array of tables")
            return
        rids, rtexts = set(), set()
        for ru in rl:
            if not isinstance(ru, dict):
                err("rule", "rule must be a table")
                continue
            check_keys(ru, {"id", "text", "kind", "points", "max"}, "rule")
            rid = need(ru, "id", "rule", str)
            rtext = need(ru, "text", "rule", str)
            rkind = need(ru, "kind", "rule", str)
            rpts = num(ru, "points", "rule")
            rmax = num(ru, "max", "rule", required=False)
            ln = lf.next_id(rid) if rid is not None else 1
            if rid is not None:
                if rid in rids:
                    errs.add(path, ln, f"rule id {rid!r} used twice in item {I['id']}")
                rids.add(rid)
            if rtext is not None:
                if rtext in rtexts:
                    errs.add(path, lf.in_table(ln, "text", False),
                             f"rule text {rtext!r} used twice in item {I['id']}")
                rtexts.add(rtext)
            if rkind is not None and rkind not in ("deduct", "add"):
                errs.add(path, lf.in_table(ln, "kind", False), "rule kind must be \"deduct\" or \"add\"")
            if rpts is not None and rpts <= 0:
                errs.add(path, lf.in_table(ln, "points", False), "rule points must be > 0")
            if rmax is not None and rmax < 0:
                errs.add(path, lf.in_table(ln, "max", False), "rule max must be >= 0")
            I["rules"].append({"id": rid, "text": rtext, "kind": rkind, "points": rpts, "max": rmax})

    def parse_items(il, parent, leaves, groups):
        """returns the list of nodes; appends leaves and groups (depth first) to the lists"""
        nodes = []
        if not isinstance(il, list):
            err("item", "item must be an array of tables")
            return nodes
        for it in il:
            if not isinstance(it, dict):
                err("item", "item must be a table")
                continue
            check_keys(it, {"id", "title", "max", "scorers", "max_deduct", "max_add",
                            "criteria", "start", "item", "rule"}, "item")
            I = {"parent": parent}
            I["id"] = need(it, "id", "item", str)
            I["title"] = need(it, "title", "item", str)
            id_ln = lf.next_id(I["id"]) if I["id"] is not None else 1
            I["line"] = id_ln

            def ierr(key, msg):
                errs.add(path, lf.in_table(id_ln, key), msg)

            if I["id"] is not None:
                if I["id"] in item_ids:
                    errs.add(path, id_ln, f"duplicate item id {I['id']!r}")
                item_ids.add(I["id"])
            if I["title"] is not None:
                if I["title"] in item_titles:
                    ierr("title", f"duplicate item title {I['title']!r}")
                item_titles.add(I["title"])
            if "criteria" in it and not isinstance(it["criteria"], str):
                ierr("criteria", "criteria must be a string")
            if "item" in it:
                # a group
                I["group"] = True
                for k in GROUP_FORBIDDEN:
                    if k in it:
                        ierr(k, f"group {I['id']} has items, so it cannot have {k!r}")
                I["written_max"] = max_of(it, "group", id_ln) if "max" in it else None
                groups.append(I)
                sub = it["item"]
                if isinstance(sub, list) and not sub:
                    errs.add(path, id_ln, f"group {I['id']} has no items")
                I["children"] = parse_items(sub, I["id"], leaves, groups)
                nodes.append(I)
                continue
            I["group"] = False
            I["max"] = max_of(it, "item", id_ln)
            for k in ("max_deduct", "max_add"):
                I[k] = None
                if k in it:
                    I[k] = toml_number(it[k])
                    if I[k] is None:
                        ierr(k, f"{k} is not a decimal number")
                    elif I[k] < 0:
                        ierr(k, f"{k} must be >= 0")
            I["scorers"] = []
            if "scorers" in it:
                sw = it["scorers"]
                if not isinstance(sw, dict):
                    ierr("scorers", "scorers must be a table")
                else:
                    tot = Decimal(0)
                    for k, v in sw.items():
                        w = toml_number(v)
                        if k not in R.scorers:
                            ierr("scorers", f"undeclared scorer {k!r}")
                        if w is None:
                            ierr("scorers", f"weight of {k!r} is not a number")
                            continue
                        if w <= 0:
                            ierr("scorers", f"weight of {k!r} must be > 0")
                        tot += w
                        I["scorers"].append((k, w))
                    if not sw:
                        ierr("scorers", "scorers table is empty")
                    elif tot != 1:
                        ierr("scorers", f"weights add up to {tot}, not 1")
            I["start"] = "zero"
            if "start" in it:
                if "scorers" in it:
                    ierr("start", "start is only allowed on an item without scorers")
                if it["start"] not in ("zero", "full"):
                    ierr("start", "start must be \"zero\" or \"full\"")
                else:
                    I["start"] = it["start"]
            parse_rules(I, it.get("rule", []))
            leaves.append(I)
            nodes.append(I)
        return nodes

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
            s_ln = lf.next_id(sid) if sid is not None else 1
            if sid in sec_ids:
                errs.add(path, s_ln, f"duplicate section id {sid!r}")
            sec_ids.add(sid)
            leaves, groups = [], []
            children = parse_items(s.get("item", []), None, leaves, groups)
            R.sections.append({"id": sid, "title": st, "children": children,
                               "items": leaves, "groups": groups})
    if len(errs.items) > n_before:
        return None

    # group maxima: the sum of the leaves below; a written max must equal the sum of its items' maxima
    def leaf_sum(G):
        t = Decimal(0)
        for c in G["children"]:
            t += leaf_sum(c) if c["group"] else c["max"]
        return t

    for S in R.sections:
        for G in S["groups"]:
            G["max"] = leaf_sum(G)
            G["leaves"] = []
        for I in S["items"]:
            p = I["parent"]
            while p is not None:
                G = next(g for g in S["groups"] if g["id"] == p)
                G["leaves"].append(I)
                p = G["parent"]
        for G in S["groups"]:
            if G["written_max"] is not None and G["written_max"] != G["max"]:
                errs.add(path, lf.in_table(G["line"], "max", False),
                         f"group {G['id']}: max is {norm(G['written_max'])} but its items add up to {norm(G['max'])}")
    tot = sum((I["max"] for s in R.sections for I in s["items"]), Decimal(0))
    if tot != R.total:
        err("total", f"item maxima add up to {norm(tot)}, not {norm(R.total)}")
    if places(R.total) > R.decimals:
        err("total", f"total has more than {R.decimals} decimal places")
    if len(errs.items) > n_before:
        return None
    R.items = [I for s in R.sections for I in s["items"]]      # leaves only
    R.groups = [G for s in R.sections for G in s["groups"]]
    R.item_by_id = {I["id"]: I for I in R.items + R.groups}
    R.item_by_title = {I["title"]: I for I in R.items + R.groups}
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
    "rule": {"rule", "规则", "扣分标准"},
    "count": {"count", "次数", "数量"},
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
    unit_by_id, unit_by_name, unit_by_alias = {}, {}, {}
    for R in rubrics:
        if R.id in seen_rid:
            errs.add(R.path, LineFinder(open(R.path, encoding="utf-8-sig").read()).find("id"),
                     f"rubric id {R.id!r} already used by {seen_rid[R.id]}")
        seen_rid[R.id] = R.path
        lf = LineFinder(open(R.path, encoding="utf-8-sig").read())
        for k, (uid, un) in enumerate(R.units):
            if uid in unit_by_id:
                errs.add(R.path, lf.find_kv("id", uid, 0), f"duplicate unit id {uid!r}")
            if un in unit_by_name:
                errs.add(R.path, lf.find_kv("name", un, 0), f"duplicate unit name {un!r}")
            unit_by_id[uid] = (R, uid)
            unit_by_name[un] = (R, uid)
    # aliases (SPEC 11): unique like names, across the ids, names and aliases of every unit loaded
    # (an alias repeating its own unit's id or name is harmless and accepted)
    for R in rubrics:
        lf = LineFinder(open(R.path, encoding="utf-8-sig").read())
        n_alias = 0
        for uid, un in R.units:
            al = R.aliases.get(uid, [])
            if not al:
                continue
            ln = lf.find("aliases", n_alias)
            n_alias += 1
            for x in dict.fromkeys(al):
                for table, what in ((unit_by_id, "id"), (unit_by_name, "name")):
                    o = table.get(x)
                    if o is not None and o != (R, uid):
                        errs.add(R.path, ln, f"alias {x!r} of unit {uid} is the {what} of unit {o[1]}")
                o = unit_by_alias.get(x)
                if o is not None and o != (R, uid):
                    errs.add(R.path, ln, f"alias {x!r} of unit {uid} is an alias of unit {o[1]} too")
                unit_by_alias.setdefault(x, (R, uid))
    if errs:
        errs.die()

    def find_unit(s):
        if s in unit_by_id:
            return unit_by_id[s]
        if s in unit_by_name:
            return unit_by_name[s]
        if s in unit_by_alias:
            return unit_by_alias[s]
        return None

    def group_msg(G):
        return (f"item {G['id']} is a group; name one of its leaves: "
                + ", ".join(f"{L['id']} {L['title']}" for L in G["leaves"]))

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
            if I["group"]:
                errs.add(p, ln, group_msg(I))
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
                elif I["group"]:
                    errs.add(p, ln, group_msg(I))
                    ok = False
                    I = None
            rule_txt = r.get("rule", "")
            count_txt = r.get("count", "")
            rule = None
            if rule_txt != "":
                if I is not None:
                    rule = next((x for x in I["rules"] if x["id"] == rule_txt), None) or \
                        next((x for x in I["rules"] if x["text"] == rule_txt), None)
                    if rule is None:
                        errs.add(p, ln, f"unknown rule {rule_txt!r} of item {I['id']}")
                        ok = False
                elif r["item"] == "":
                    errs.add(p, ln, "a rule needs an item")
                    ok = False
                else:
                    ok = False     # unknown item or group, already reported
            # kind: with a rule it may be empty (the rule's kind) or must equal the rule's
            if rule_txt != "" and r["kind"] == "":
                kind = rule["kind"] if rule is not None else None
            else:
                kind = KINDS.get(r["kind"].lower())
                if kind is None:
                    errs.add(p, ln, f"bad kind {r['kind']!r}")
                    ok = False
                elif rule is not None and kind != rule["kind"]:
                    errs.add(p, ln, f"kind {r['kind']!r} but rule {rule['id']!r} is a {rule['kind']} rule")
                    ok = False
            if I is None and r["item"] == "" and kind is not None and kind != "veto":
                errs.add(p, ln, "item is required")
                ok = False
            # count
            count = None
            if rule_txt == "":
                if count_txt != "":
                    errs.add(p, ln, "count is only allowed with a rule")
                    ok = False
            elif count_txt == "":
                count = Decimal(1)
            else:
                count = parse_cell_decimal(count_txt)
                if count is None:
                    errs.add(p, ln, f"count {count_txt!r} is not a decimal")
                    ok = False
                elif count <= 0:
                    errs.add(p, ln, "count must be > 0")
                    ok = False
                    count = None
            pts = None
            if rule_txt != "":
                if rule is not None and count is not None:
                    prod = count * rule["points"]
                    if r["points"] == "":
                        pts = prod
                    else:
                        pts = parse_cell_decimal(r["points"])
                        if pts is None:
                            errs.add(p, ln, f"points {r['points']!r} is not a decimal")
                            ok = False
                        elif pts != prod:
                            errs.add(p, ln, f"points {r['points']} but count {norm(count)} × rule points "
                                            f"{norm(rule['points'])} = {norm(prod)}")
                            ok = False
            elif kind == "veto":
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
                a_ = adj.setdefault((R.id, uid, I["id"]),
                                    {"deduct": Decimal(0), "add": Decimal(0), "rules": {}})
                if rule is not None:
                    a_["rules"][rule["id"]] = a_["rules"].get(rule["id"], Decimal(0)) + pts
                else:
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
                leaf_score = {}   # leaf id -> rounded score, or None when n/a
                for I in S["items"]:
                    if (R.id, uid, I["id"]) in na_items:
                        scaled = True
                        leaf_score[I["id"]] = None
                        items.append({"id": I["id"], "title": I["title"], "parent": I["parent"],
                                      "max": norm(I["max"]),
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
                    a_ = adj.get((R.id, uid, I["id"]), {"deduct": Decimal(0), "add": Decimal(0), "rules": {}})
                    # step 2 (SPEC 9): each rule capped at its max, then the item's cap
                    sums = {"deduct": a_["deduct"], "add": a_["add"]}
                    for ru in I["rules"]:
                        v = a_["rules"].get(ru["id"], Decimal(0))
                        if ru["max"] is not None and v > ru["max"]:
                            v = ru["max"]
                        sums[ru["kind"]] += v
                    ded = sums["deduct"]
                    if I["max_deduct"] is not None and ded > I["max_deduct"]:
                        ded = I["max_deduct"]
                    add = sums["add"]
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
                    leaf_score[I["id"]] = sc
                    items.append({"id": I["id"], "title": I["title"], "parent": I["parent"],
                                  "max": norm(I["max"]),
                                  "base": norm(base), "deducted": norm(ded), "added": norm(add),
                                  "score": fmt_score(sc, dec), "applicable": True})
                # groups (SPEC 8): exact sum of the applicable children; not applicable when
                # no leaf below applies
                group_score = {}

                def node_score(n):
                    if not n["group"]:
                        return leaf_score[n["id"]]
                    parts = [node_score(c) for c in n["children"]]
                    parts = [x for x in parts if x is not None]
                    v = sum(parts, Decimal(0)) if parts else None
                    group_score[n["id"]] = v
                    return v

                for n in S["children"]:
                    node_score(n)
                groups = []
                for G in S["groups"]:
                    v = group_score[G["id"]]
                    groups.append({"id": G["id"], "title": G["title"], "parent": G["parent"],
                                   "max": norm(G["max"]),
                                   "score": None if v is None else fmt_score(v, dec),
                                   "applicable": v is not None})
                secs.append({"id": S["id"], "title": S["title"], "score": fmt_score(ssum, dec),
                             "items": items, "groups": groups})
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
                # SPEC 15: a unit with a missing score counted as 0
                "provisional": any(m[0] is R and m[1] == uid for m in missing),
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
           "inputs": inputs, "rubrics": out_rubrics,
           # SPEC 15: every missing cell, rubric by rubric in roster, item
           # and scorer order
           "missing": [{"rubric": R.id, "unit": uid, "item": iid, "scorer": s}
                       for R, uid, iid, s in missing]}
    sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    main()
