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
from fractions import Fraction

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


def frnd(x, decimals):
    """an exact Fraction (or Decimal) rounded half away from zero to `decimals` places, as a Decimal"""
    x = Fraction(x)
    a = abs(x) * 10 ** decimals
    n = (a.numerator * 2 + a.denominator) // (2 * a.denominator)     # floor(a + 1/2)
    if x < 0:
        n = -n
    return Decimal(n).scaleb(-decimals)


def frac_places(x):
    """decimal places of an exact Fraction, or None when it has no finite decimal form"""
    d = x.denominator
    a = b = 0
    while d % 2 == 0:
        d //= 2
        a += 1
    while d % 5 == 0:
        d //= 5
        b += 1
    return max(a, b) if d == 1 else None


def base_text(x):
    """SPEC 17: a measure leaf's base, exact when it has at most 6 places, else rounded to 6"""
    x = Fraction(x)
    p = frac_places(x)
    if p is not None and p <= 6:
        return norm(Decimal(x.numerator * 10 ** p // x.denominator).scaleb(-p))
    return norm(frnd(x, 6))


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

    def find_assign(self, key, nth=0):
        """line of the nth `key = ...` (not a table header)"""
        pat = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
        n = 0
        for i, l in enumerate(self.lines):
            if pat.match(l):
                if n == nth:
                    return i + 1
                n += 1
        return 1

    def in_header(self, header, key):
        """line of `key` in the table `[header]`, else the header's line, else 1"""
        h = None
        for i, l in enumerate(self.lines):
            if l.strip().replace(" ", "") == "[" + header + "]":
                h = i + 1
                break
        if h is None:
            return self.find(key)
        for i in range(h, len(self.lines)):
            l = self.lines[i].strip()
            if l.startswith("["):
                break
            if re.match(r"^" + re.escape(key) + r"\s*[=.]", l):
                return i + 1
        return h

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
                     "scorers", "grade", "unit", "section",
                     # part three (SPEC 16-19)
                     "max_total", "na", "classes", "measures", "veto", "methods"}, "rubric")
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
    # part three: na policy, classes, measures, methods, veto (SPEC 17-19)
    R.na = "rescale"
    if "na" in doc:
        if doc["na"] not in ("rescale", "parent", "full"):
            err("na", 'na must be "rescale", "parent" or "full"')
        else:
            R.na = doc["na"]

    def label_table(key, what):
        """[classes] / [methods]: id = label (a string)"""
        out = {}
        if key not in doc:
            return None
        t = doc[key]
        if not isinstance(t, dict):
            err(key, f"{key} must be a table")
            return {}
        labels = set()
        for k, v in t.items():
            if not isinstance(v, str) or v.strip() == "":
                errs.add(path, lf.in_header(key, k), f"{what} {k!r}: the label must be a non-empty string")
                continue
            if v in labels:
                errs.add(path, lf.in_header(key, k), f"{what} label {v!r} used twice")
            labels.add(v)
            out[k] = v
        return out

    R.classes = label_table("classes", "class") or {}
    R.methods = label_table("methods", "method")      # None: the five methods of SPEC 3.2
    if R.methods is not None:
        low = [k.lower() for k in R.methods]
        for k in R.methods:
            if low.count(k.lower()) > 1:
                errs.add(path, lf.in_header("methods", k), f"method id {k!r} differs from another only in case")
        if not R.methods:
            err("methods", "[methods] lists no method")
    R.measures = {}     # id -> title
    if "measures" in doc:
        t = doc["measures"]
        if not isinstance(t, dict):
            err("measures", "measures must be a table")
        else:
            titles = set()
            for k, v in t.items():
                ln = lf.in_header("measures", k)
                if isinstance(v, dict):
                    for kk in v:
                        if kk not in ("title", "unit"):
                            errs.add(path, ln, f"unknown key {kk!r} in measure {k!r}")
                    ti = v.get("title")
                    if "unit" in v and not isinstance(v["unit"], str):
                        errs.add(path, ln, f"measure {k!r}: unit must be a string")
                else:
                    ti = v
                if not isinstance(ti, str) or ti.strip() == "":
                    errs.add(path, ln, f"measure {k!r} needs a title (a non-empty string)")
                    continue
                if ti in titles:
                    errs.add(path, ln, f"measure title {ti!r} used twice")
                titles.add(ti)
                R.measures[k] = ti
    R.measure_by_title = {v: k for k, v in R.measures.items()}
    R.veto_cap = R.veto_total = None
    R.veto_rank = "keep"
    if "veto" in doc:
        t = doc["veto"]
        if not isinstance(t, dict):
            err("veto", "veto must be a table")
        else:
            for k in t:
                if k not in ("cap", "total", "rank"):
                    errs.add(path, lf.in_header("veto", k), f"unknown key {k!r} in veto")
            for k in ("cap", "total"):
                if k in t:
                    v = toml_number(t[k])
                    ln = lf.in_header("veto", k)
                    if v is None:
                        errs.add(path, ln, f"veto {k} is not a decimal number")
                        continue
                    if v < 0:
                        errs.add(path, ln, f"veto {k} must be >= 0")
                    if places(v) > R.decimals:
                        errs.add(path, ln, f"veto {k} {v} has more than {R.decimals} decimal places")
                    setattr(R, "veto_" + k, v)
            if "cap" in t and "total" in t:
                errs.add(path, lf.in_header("veto", "total"), "veto: give cap or total, not both")
            if "rank" in t:
                if t["rank"] not in ("keep", "last"):
                    errs.add(path, lf.in_header("veto", "rank"), 'veto rank must be "keep" or "last"')
                else:
                    R.veto_rank = t["rank"]
    # grades
    R.grades = []
    R.quotas = []     # parallel to R.grades: None or the quota (SPEC 19)
    gl = need(doc, "grade", "rubric", list)
    if gl is not None:
        if not gl:
            err("grade", "at least one grade is required")
        gids, glabels = set(), set()
        n_quota = 0
        for gi, g in enumerate(gl):
            if not isinstance(g, dict):
                err("grade", "grade must be a table")
                continue
            check_keys(g, {"id", "label", "min", "quota"}, "grade")
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
            qv = None
            if "quota" in g:
                q_ln = lf.find("quota", n_quota)
                n_quota += 1
                qv = toml_number(g["quota"])
                if qv is None:
                    errs.add(path, q_ln, "quota is not a decimal number")
                elif qv <= 0:
                    errs.add(path, q_ln, "quota must be > 0")
                    qv = None
                elif qv > 1 and qv != qv.to_integral_value():
                    errs.add(path, q_ln, f"quota {norm(qv)}: a share is below 1, a number of units is whole")
                    qv = None
                if gi == len(gl) - 1:
                    errs.add(path, q_ln, "the last grade takes no quota")
            R.quotas.append(qv)
        mins = [g[2] for g in R.grades]
        if R.grades and all(m is not None for m in mins):
            for gi, (a, b) in enumerate(zip(mins, mins[1:])):
                if not a > b:
                    errs.add(path, lf.find("min", gi + 1), "grade mins must be strictly descending")
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
        n_cls = 0
        R.unit_classes = {}
        for u in ul:
            if not isinstance(u, dict):
                err("unit", "unit must be a table")
                continue
            check_keys(u, {"id", "name", "aliases", "classes"}, "unit")
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
            cl = set()
            if "classes" in u:
                c_ln = lf.find_assign("classes", n_cls)
                n_cls += 1
                v = u["classes"]
                if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                    errs.add(path, c_ln, "classes must be an array of strings")
                else:
                    for x in v:
                        if x not in R.classes:
                            errs.add(path, c_ln, f"undeclared class {x!r} (declare it in [classes])")
                        cl.add(x)
            if uid is not None and un is not None:
                R.units.append((uid, un))
                R.aliases[uid] = al
                R.unit_classes[uid] = cl
    # sections and their items, to any depth (SPEC 8)
    R.sections = []
    sl = need(doc, "section", "rubric", list)
    item_ids, item_titles, sec_ids = set(), set(), set()
    GROUP_FORBIDDEN = ("scorers", "start", "max_deduct", "max_add", "rule",
                       "floor", "measure", "scale", "interpolate")

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
            I["rules"].append({"id": rid, "text": rtext, "kind": rkind, "points": rpts, "max": rmax,
                               "line": ln})

    def class_list(it, key, id_ln):
        """applies_to / except (SPEC 18): declared class ids"""
        if key not in it:
            return None
        ln = lf.in_table(id_ln, key, False)
        v = it[key]
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            errs.add(path, ln, f"{key} must be an array of class ids")
            return None
        for x in v:
            if x not in R.classes:
                errs.add(path, ln, f"undeclared class {x!r} in {key} (declare it in [classes])")
        return set(v)

    def parse_items(il, parent, leaves, groups, skind="scored"):
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
                            "criteria", "start", "item", "rule",
                            "floor", "measure", "scale", "interpolate", "applies_to", "except"}, "item")
            I = {"parent": parent, "skind": skind}
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
            I["applies_to"] = class_list(it, "applies_to", id_ln)
            I["except"] = class_list(it, "except", id_ln)
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
                I["children"] = parse_items(sub, I["id"], leaves, groups, skind)
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
                elif "measure" in it:
                    ierr("start", "start is only allowed on an item without scorers or measure")
                if it["start"] not in ("zero", "full"):
                    ierr("start", "start must be \"zero\" or \"full\"")
                else:
                    I["start"] = it["start"]
            parse_rules(I, it.get("rule", []))
            # floor (SPEC 16)
            I["floor"] = Decimal(0)
            I["floor_written"] = "floor" in it
            if "floor" in it:
                f = toml_number(it["floor"])
                if f is None:
                    ierr("floor", "floor is not a decimal number")
                else:
                    if f > 0:
                        ierr("floor", f"floor {norm(f)} must be <= 0")
                    elif places(f) > R.decimals:
                        ierr("floor", f"floor {norm(f)} has more than {R.decimals} decimal places")
                    else:
                        I["floor"] = f
            # measure, scale, interpolate (SPEC 17)
            I["measure"] = None
            I["scale"] = None
            I["interpolate"] = "linear"
            if "measure" in it:
                m = it["measure"]
                if "scorers" in it:
                    ierr("measure", "a line has scorers or a measure, not both")
                if not isinstance(m, str):
                    ierr("measure", "measure must be a measure id")
                elif m not in R.measures:
                    ierr("measure", f"undeclared measure {m!r} (declare it in [measures])")
                else:
                    I["measure"] = m
                if "scale" not in it:
                    ierr("measure", "a line with a measure needs a scale")
            if "interpolate" in it:
                if it["interpolate"] not in ("linear", "step"):
                    ierr("interpolate", 'interpolate must be "linear" or "step"')
                else:
                    I["interpolate"] = it["interpolate"]
                if "measure" not in it:
                    ierr("interpolate", "interpolate belongs to a line with a measure")
            if "scale" in it:
                ln = lf.in_table(id_ln, "scale", False)
                if "measure" not in it:
                    errs.add(path, ln, "scale belongs to a line with a measure")
                sc = it["scale"]
                pts = []
                if not isinstance(sc, list) or not all(isinstance(x, list) and len(x) == 2 for x in sc):
                    errs.add(path, ln, "scale must be an array of [value, base] pairs")
                else:
                    for v, b in sc:
                        v, b = toml_number(v), toml_number(b)
                        if v is None or b is None:
                            errs.add(path, ln, "scale values and bases must be decimal numbers")
                            pts = None
                            break
                        pts.append((v, b))
                if pts is not None and isinstance(sc, list):
                    need_n = 1 if I["interpolate"] == "step" else 2
                    if len(pts) < need_n:
                        errs.add(path, ln, f"a {I['interpolate']} scale needs at least {need_n} point(s)")
                    if any(not a[0] < b[0] for a, b in zip(pts, pts[1:])):
                        errs.add(path, ln, "scale values must be strictly ascending")
                    mx = toml_number(it.get("max")) if "max" in it else None
                    if mx is not None:
                        for v, b in pts:
                            if b < I["floor"] or b > mx:
                                errs.add(path, ln, f"scale base {norm(b)} is outside {norm(I['floor'])}..{norm(mx)}")
                                break
                    I["scale"] = pts
            # a penalty line (SPEC 16): no scorers, measure, start, floor, max_add; deduct rules only
            if skind == "penalty":
                for k in ("scorers", "measure", "start", "floor", "max_add"):
                    if k in it:
                        ierr(k, f"a line of a penalty part cannot have {k!r}")
                for ru in I["rules"]:
                    if ru["kind"] == "add":
                        errs.add(path, lf.in_table(ru["line"], "kind", False),
                                 f"rule {ru['id']!r}: a line of a penalty part takes deduct rules only")
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
            check_keys(s, {"id", "title", "item", "kind", "max", "gate", "gate_strict"}, "section")
            sid = need(s, "id", "section", str)
            st = need(s, "title", "section", str)
            s_ln = lf.next_id(sid) if sid is not None else 1
            if sid in sec_ids:
                errs.add(path, s_ln, f"duplicate section id {sid!r}")
            sec_ids.add(sid)

            def serr(key, msg):
                errs.add(path, lf.in_table(s_ln, key, False), msg)

            # part three (SPEC 16): kind, max, gate, gate_strict
            skind = "scored"
            if "kind" in s:
                if s["kind"] not in ("scored", "bonus", "penalty"):
                    serr("kind", 'section kind must be "scored", "bonus" or "penalty"')
                else:
                    skind = s["kind"]
            smax = None
            if "max" in s:
                smax = toml_number(s["max"])
                if smax is None:
                    serr("max", "max is not a decimal number")
                else:
                    if smax <= 0:
                        serr("max", "max must be > 0")
                    if places(smax) > R.decimals:
                        serr("max", f"max {norm(smax)} has more than {R.decimals} decimal places")
            elif skind != "scored":
                errs.add(path, s_ln, f"a {skind} part needs a max (the most it adds or takes)")
            gate = None
            if "gate" in s:
                if skind != "bonus":
                    serr("gate", f"gate belongs to a bonus part, not to a {skind} part")
                gate = toml_number(s["gate"])
                if gate is None:
                    serr("gate", "gate is not a decimal number")
                elif places(gate) > R.decimals:
                    serr("gate", f"gate {norm(gate)} has more than {R.decimals} decimal places")
            strict = False
            if "gate_strict" in s:
                if not isinstance(s["gate_strict"], bool):
                    serr("gate_strict", "gate_strict must be true or false")
                else:
                    strict = s["gate_strict"]
                if "gate" not in s:
                    serr("gate_strict", "gate_strict needs a gate")
            leaves, groups = [], []
            children = parse_items(s.get("item", []), None, leaves, groups, skind)
            R.sections.append({"id": sid, "title": st, "children": children,
                               "items": leaves, "groups": groups, "kind": skind,
                               "written_max": smax, "gate": gate, "gate_strict": strict,
                               "line": s_ln})
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
            I["ancestors"] = []
            I["section"] = S
            while p is not None:
                G = next(g for g in S["groups"] if g["id"] == p)
                G["leaves"].append(I)
                I["ancestors"].append(G)
                p = G["parent"]
        for G in S["groups"]:
            G["section"] = S
        # SPEC 16: a scored section's max is the sum of its leaves' maxima (a written one must equal
        # it); a bonus or penalty part's max is its own
        lsum = sum((I["max"] for I in S["items"]), Decimal(0))
        if S["kind"] == "scored":
            if S["written_max"] is not None and S["written_max"] != lsum:
                errs.add(path, lf.in_table(S["line"], "max", False),
                         f"section {S['id']}: max is {norm(S['written_max'])} but its items add up to {norm(lsum)}")
            S["max"] = lsum
        else:
            S["max"] = S["written_max"]
        for G in S["groups"]:
            if G["written_max"] is not None and G["written_max"] != G["max"]:
                errs.add(path, lf.in_table(G["line"], "max", False),
                         f"group {G['id']}: max is {norm(G['written_max'])} but its items add up to {norm(G['max'])}")
    tot = sum((I["max"] for s in R.sections if s["kind"] == "scored" for I in s["items"]), Decimal(0))
    if tot != R.total:
        err("total", f"item maxima add up to {norm(tot)}, not {norm(R.total)}")
    if places(R.total) > R.decimals:
        err("total", f"total has more than {R.decimals} decimal places")
    # max_total (SPEC 16): default total + the bonus parts' max
    R.max_total = R.total + sum((s["max"] for s in R.sections if s["kind"] == "bonus"), Decimal(0))
    if "max_total" in doc:
        mt = toml_number(doc["max_total"])
        if mt is None:
            err("max_total", "max_total is not a decimal number")
        else:
            if mt < R.total:
                err("max_total", f"max_total {norm(mt)} is below total {norm(R.total)}")
            if places(mt) > R.decimals:
                err("max_total", f"max_total {norm(mt)} has more than {R.decimals} decimal places")
            R.max_total = mt
    if R.grades and R.grades[0][2] is not None and R.grades[0][2] > R.max_total:
        err("min", "first grade min exceeds " + ("max_total" if "max_total" in doc else "total"))
    if len(errs.items) > n_before:
        return None
    R.items = [I for s in R.sections for I in s["items"]]      # leaves only
    R.groups = [G for s in R.sections for G in s["groups"]]
    R.item_by_id = {I["id"]: I for I in R.items + R.groups}
    R.item_by_title = {I["title"]: I for I in R.items + R.groups}
    R.scorer_by_name = {v: k for k, v in R.scorers.items()}
    R.section_by_id = {S["id"]: S for S in R.sections}
    R.section_by_title = {S["title"]: S for S in R.sections}
    R.parts = any(S["kind"] != "scored" for S in R.sections) or any(I["floor_written"] for I in R.items)
    return R


# ---------------------------------------------------------------- CSV

def read_rows(path, encoding, errs):
    """the non-blank rows of a CSV file as (physical line, trimmed cells), header first; or None"""
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
    return rows, sha


def read_table(path, encoding, errs, columns, required):
    """columns: dict canonical -> set of aliases (lowercase). Returns list of (line, dict) or None."""
    rows, sha = read_rows(path, encoding, errs)
    if rows is None:
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
MEASURE_COLS = {   # SPEC 17, long form
    "unit": {"unit", "单位"},
    "measure": {"measure", "指标", "数据项"},
    "value": {"value", "数值", "值"},
    "note": {"note", "备注"},
}
WIDE_IGNORED = {"note", "备注", "序号", "no.", "no"}
ADJUST_COLS = {    # SPEC 20
    "unit": {"unit", "单位"},
    "item": {"item", "项目"},
    "action": {"action", "调整方式"},
    "scorer": {"scorer", "评分单位"},
    "score": {"score", "得分"},
    "date": {"date", "日期"},
    "kind": {"kind", "类型"},
    "points": {"points", "分值"},
    "rule": {"rule", "规则"},
    "reason": {"reason", "理由"},
    "document": {"document", "文号"},
}
ACTIONS = {"rescore": "rescore", "改分": "rescore", "调整得分": "rescore",
           "withdraw": "withdraw", "撤销": "withdraw", "撤销记录": "withdraw"}
NA = {"n/a", "不涉及", "不适用"}
KINDS = {"deduct": "deduct", "核减": "deduct", "扣分": "deduct",
         "add": "add", "核加": "add", "加分": "add",
         "veto": "veto", "一票否决": "veto",
         # SPEC 19: a zeroed line
         "zero": "zero", "不得分": "zero", "此项不得分": "zero", "该项不得分": "zero"}
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
    ap.add_argument("--measures", action="append", default=[])
    ap.add_argument("--adjust", action="append", default=[])
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

    def find_node(R, s):
        """what a zero record names (SPEC 19): a leaf or group (id, then title), else a section
        (id, then title); None"""
        I = find_item(R, s)
        if I is not None:
            return I
        if s in R.section_by_id:
            return R.section_by_id[s]
        return R.section_by_title.get(s)

    def is_section(n):
        return n is not None and "kind" in n and "children" in n and "skind" not in n

    def find_measure(R, s):
        if s in R.measures:
            return s
        return R.measure_by_title.get(s)

    def find_scorer(R, I, sname, p, ln):
        """the scorer of a row (annual or rescore): an id, or None after reporting the error"""
        if sname == "":
            if len(I["scorers"]) == 1:
                return I["scorers"][0][0]
            errs.add(p, ln, f"item {I['id']} has several scorers; the scorer is required")
            return None
        if sname in R.scorers:
            sid = sname
        elif sname in R.scorer_by_name:
            sid = R.scorer_by_name[sname]
        else:
            errs.add(p, ln, f"unknown scorer {sname!r}")
            return None
        if sid not in dict(I["scorers"]):
            errs.add(p, ln, f"scorer {sid!r} does not score item {I['id']}")
            return None
        return sid

    # SPEC 18: which leaves apply to which units (classes); the rest are n/a without any row
    class_na = {}   # (rid, uid, leaf id) -> the rule that excludes it
    for R in rubrics:
        for uid, un in R.units:
            cl = R.unit_classes.get(uid, set())
            for I in R.items:
                for n in [I] + I["ancestors"]:
                    if n["applies_to"] is not None and not (cl & n["applies_to"]):
                        class_na[(R.id, uid, I["id"])] = \
                            f"{n['id']} applies_to [{', '.join(sorted(n['applies_to']))}]"
                        break
                    if n["except"] is not None and (cl & n["except"]):
                        class_na[(R.id, uid, I["id"])] = f"{n['id']} except [{', '.join(sorted(n['except']))}]"
                        break

    # annual: (rubric id, unit id, item id, scorer id) -> (value|'na', path, line)
    annual = {}
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
            sid = find_scorer(R, I, r.get("scorer", ""), p, ln)
            if sid is None:
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
                elif (R.id, uid, I["id"]) in class_na:
                    errs.add(p, ln, f"item {I['id']} does not apply to unit {uid} "
                                    f"({class_na[(R.id, uid, I['id'])]}): a score for it is an error")
                    val = "bad"
            key = (R.id, uid, I["id"], sid)
            if key in annual:
                op, ol = annual[key][1], annual[key][2]
                errs.add(p, ln, f"duplicate score for ({uid}, {I['id']}, {sid}); first at {op}:{ol}")
                continue
            annual[key] = (val, p, ln)

    # measures (SPEC 17): (rubric id, unit id, measure id) -> (Decimal|'na'|'bad', path, line)
    measures = {}

    def store_measure(R, uid, mid, text, p, ln):
        if text == "":
            return      # no value: a missing score when a line needs it
        if text.lower() in NA:
            val = "na"
        else:
            t = text[:-1] if text.endswith("%") else text
            val = parse_cell_decimal(t)
            if val is None:
                errs.add(p, ln, f"measure value {text!r} is not a number")
                val = "bad"
        key = (R.id, uid, mid)
        if key in measures:
            op, ol = measures[key][1], measures[key][2]
            errs.add(p, ln, f"a second value of measure {mid} for unit {uid}; first at {op}:{ol}")
            return
        measures[key] = (val, p, ln)

    for p in a.measures:
        rows, sha = read_rows(p, a.encoding, errs)
        if sha is not None:
            inputs.append({"role": "measures", "path": p, "sha256": sha})
        if rows is None:
            continue
        hl, header = rows[0]
        colidx = {}
        bad = False
        for j, h in enumerate(header):
            for canon, aliases in MEASURE_COLS.items():
                if h.lower() in aliases:
                    if canon in colidx:
                        errs.add(p, hl, f"column {canon!r} appears twice")
                        bad = True
                    colidx[canon] = j
        if "unit" not in colidx:
            errs.add(p, hl, "missing column 'unit'")
            continue
        if bad:
            continue

        def cell(rec, j):
            return rec[j] if j < len(rec) else ""

        if "measure" in colidx:          # long
            if "value" not in colidx:
                errs.add(p, hl, "missing column 'value'")
                continue
            for ln, rec in rows[1:]:
                u = find_unit(cell(rec, colidx["unit"]))
                if u is None:
                    errs.add(p, ln, f"unknown unit {cell(rec, colidx['unit'])!r}")
                    continue
                R, uid = u
                m = find_measure(R, cell(rec, colidx["measure"]))
                if m is None:
                    errs.add(p, ln, f"unknown measure {cell(rec, colidx['measure'])!r} in rubric {R.id}")
                    continue
                store_measure(R, uid, m, cell(rec, colidx["value"]), p, ln)
        else:                            # wide: a unit column and one column per measure
            cols = []
            for j, h in enumerate(header):
                if j == colidx["unit"] or h == "" or h.lower() in WIDE_IGNORED:
                    continue
                if not any(find_measure(R, h) is not None for R in rubrics):
                    errs.add(p, hl, f"column {h!r} is not a measure (by id or title) of any rubric")
                    continue
                cols.append((j, h))
            for ln, rec in rows[1:]:
                ut = cell(rec, colidx["unit"])
                if ut == "" and all(cell(rec, j) == "" for j, h in cols):
                    continue
                u = find_unit(ut)
                if u is None:
                    errs.add(p, ln, f"unknown unit {ut!r}")
                    continue
                R, uid = u
                for j, h in cols:
                    v = cell(rec, j)
                    if v == "":
                        continue
                    m = find_measure(R, h)
                    if m is None:
                        errs.add(p, ln, f"column {h!r} is not a measure of rubric {R.id}")
                        continue
                    store_measure(R, uid, m, v, p, ln)

    # daily: every row checked on its own; the n/a checks come after the adjustments
    recs = []   # valid records
    zero_read = False
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
            if R.methods is not None:       # SPEC 19: [methods] replaces the five
                mt = r["method"]
                meth = next((k for k in R.methods if k.lower() == mt.lower()), None) or \
                    next((k for k, v in R.methods.items() if v == mt), None)
                if meth is None:
                    errs.add(p, ln, f"method {mt!r} is not one of [methods] of rubric {R.id}: "
                                    + ", ".join(R.methods))
                    ok = False
            else:
                meth = METHODS.get(r["method"].lower())
                if meth is None:
                    errs.add(p, ln, f"bad method {r['method']!r}")
                    ok = False
            rule_txt = r.get("rule", "")
            count_txt = r.get("count", "")
            if KINDS.get(r["kind"].lower()) == "zero":
                # SPEC 19: a zeroed leaf, group or section; no points, rule or count
                zero_read = True
                node = None
                if r["item"] == "":
                    errs.add(p, ln, "a zero record names a line, a group or a section")
                    ok = False
                else:
                    node = find_node(R, r["item"])
                    if node is None:
                        errs.add(p, ln, f"unknown item {r['item']!r} in rubric {R.id}")
                        ok = False
                    else:
                        S = node if is_section(node) else node["section"]
                        if S["kind"] == "penalty":
                            errs.add(p, ln, f"a zero record cannot name {node['id']}: it is of penalty part {S['id']}")
                            ok = False
                if rule_txt != "":
                    errs.add(p, ln, "a zero record has no rule")
                    ok = False
                if count_txt != "":
                    errs.add(p, ln, "a zero record has no count")
                    ok = False
                if r["points"] != "":
                    pv = parse_cell_decimal(r["points"])
                    if pv is None:
                        errs.add(p, ln, f"points {r['points']!r} is not a decimal")
                        ok = False
                    elif pv != 0:
                        errs.add(p, ln, "a zero record carries no points")
                        ok = False
                if ok:
                    recs.append({"p": p, "ln": ln, "R": R, "uid": uid, "kind": "zero", "I": None,
                                 "target": node, "rule": None, "pts": None, "date": d})
                continue
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
            if I is not None and kind in ("add", "veto") and I["skind"] == "penalty":
                errs.add(p, ln, f"item {I['id']} is a line of a penalty part: only deduct records may name it")
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
            if not ok:
                continue
            recs.append({"p": p, "ln": ln, "R": R, "uid": uid, "kind": kind, "I": I, "target": I,
                         "rule": rule, "pts": None if kind == "veto" else pts, "date": d})

    # adjustments (SPEC 20)
    adjustments = []      # valid rows, in order: dicts with the JSON entry under "doc"
    rescored = {}         # (rid, uid, leaf id, scorer id) -> row
    rescored_leaf = {}    # (rid, uid, leaf id) -> [(path, line)]
    withdrawn = {}        # id(record) -> row
    adjusted_units = set()
    orig_annual = dict(annual)
    for p in a.adjust:
        res, sha = read_table(p, a.encoding, errs, ADJUST_COLS, ["unit", "item", "action", "reason"])
        if sha is not None:
            inputs.append({"role": "adjust", "path": p, "sha256": sha})
        if res is None:
            continue
        rows, colidx = res
        for ln, r in rows:
            ok = True
            u = find_unit(r["unit"])
            if u is None:
                errs.add(p, ln, f"unknown unit {r['unit']!r}")
                ok = False
            action = ACTIONS.get(r["action"].lower())
            if action is None:
                errs.add(p, ln, f"unknown action {r['action']!r} (rescore 改分 调整得分, withdraw 撤销 撤销记录)")
                ok = False
            if r["reason"] == "":
                errs.add(p, ln, "an adjustment needs a reason")
                ok = False
            if u is None or action is None:
                continue
            R, uid = u
            doc = {"unit": uid, "item": None, "action": action, "scorer": None, "date": None, "kind": None,
                   "from": None, "to": None, "reason": r["reason"],
                   "document": r.get("document", "") or None, "source": f"{p}:{ln}"}
            if action == "rescore":
                I = find_item(R, r["item"])
                if I is None:
                    errs.add(p, ln, f"rescore: unknown item {r['item']!r} in rubric {R.id}")
                    continue
                if I["group"]:
                    errs.add(p, ln, "rescore: " + group_msg(I))
                    continue
                if not I["scorers"]:
                    errs.add(p, ln, f"rescore: item {I['id']} has no scorers; it takes no annual score")
                    continue
                sid = find_scorer(R, I, r.get("scorer", ""), p, ln)
                if sid is None:
                    continue
                sv = r.get("score", "")
                if sv.lower() in NA:
                    val = "na"
                else:
                    val = parse_cell_decimal(sv)
                    if val is None:
                        errs.add(p, ln, f"rescore: score {sv!r} is not a decimal")
                        ok = False
                    elif val < 0 or val > I["max"]:
                        errs.add(p, ln, f"rescore: score {sv} out of range 0..{norm(I['max'])}")
                        ok = False
                    elif (R.id, uid, I["id"]) in class_na:
                        errs.add(p, ln, f"rescore: item {I['id']} does not apply to unit {uid} "
                                        f"({class_na[(R.id, uid, I['id'])]})")
                        ok = False
                key = (R.id, uid, I["id"], sid)
                if key in rescored:
                    o = rescored[key]
                    errs.add(p, ln, f"a second adjustment of ({uid}, {I['id']}, {sid}); "
                                    f"the first at {o['p']}:{o['ln']}")
                    continue
                if not ok:
                    continue
                old = orig_annual.get(key)
                doc["item"] = I["id"]
                doc["scorer"] = sid
                doc["from"] = None if old is None else ("n/a" if old[0] == "na" else
                                                        norm(old[0]) if isinstance(old[0], Decimal) else None)
                doc["to"] = "n/a" if val == "na" else norm(val)
                row = {"p": p, "ln": ln, "doc": doc, "R": R, "uid": uid}
                rescored[key] = row
                rescored_leaf.setdefault((R.id, uid, I["id"]), []).append((p, ln))
                annual[key] = (val, p, ln)
            else:
                d = parse_date(r.get("date", ""))
                if d is None:
                    errs.add(p, ln, f"withdraw: bad date {r.get('date', '')!r}")
                    ok = False
                kind = KINDS.get(r.get("kind", "").lower())
                if kind is None:
                    errs.add(p, ln, f"withdraw: bad kind {r.get('kind', '')!r}")
                    ok = False
                target = None
                if r["item"] != "":
                    target = find_node(R, r["item"])
                    if target is None:
                        errs.add(p, ln, f"withdraw: unknown item {r['item']!r} in rubric {R.id}")
                        ok = False
                pv = None
                if r.get("points", "") != "":
                    pv = parse_cell_decimal(r["points"])
                    if pv is None:
                        errs.add(p, ln, f"withdraw: points {r['points']!r} is not a decimal")
                        ok = False
                rt = r.get("rule", "")
                if not ok:
                    continue

                def rule_ok(rec):
                    if rt == "":
                        return True
                    if rec["rule"] is None or rec["I"] is None:
                        return False
                    ru = next((x for x in rec["I"]["rules"] if x["id"] == rt), None) or \
                        next((x for x in rec["I"]["rules"] if x["text"] == rt), None)
                    return ru is rec["rule"]

                cands = [rec for rec in recs
                         if rec["R"] is R and rec["uid"] == uid and rec["target"] is target
                         and rec["date"] == d and rec["kind"] == kind
                         and (pv is None or (rec["pts"] or Decimal(0)) == pv) and rule_ok(rec)]
                if len(cands) != 1:
                    if cands:
                        errs.add(p, ln, f"withdraw: {len(cands)} daily records match; tell them apart by "
                                        f"points or rule: " + ", ".join(f"{c['p']}:{c['ln']}" for c in cands))
                    else:
                        errs.add(p, ln, "withdraw: no daily record matches (unit, item, date, kind"
                                        + (", points" if pv is not None else "") + (", rule" if rt else "") + ")")
                    continue
                rec = cands[0]
                if id(rec) in withdrawn:
                    o = withdrawn[id(rec)]
                    errs.add(p, ln, f"a second withdrawal of the record at {rec['p']}:{rec['ln']}; "
                                    f"the first at {o['p']}:{o['ln']}")
                    continue
                doc["item"] = None if target is None else target["id"]
                doc["date"] = d.isoformat()
                doc["kind"] = kind
                if kind not in ("veto", "zero"):
                    doc["from"] = norm(rec["pts"])
                row = {"p": p, "ln": ln, "doc": doc, "R": R, "uid": uid}
                withdrawn[id(rec)] = row
            adjustments.append(row)
            adjusted_units.add((R.id, uid))
    recs = [rec for rec in recs if id(rec) not in withdrawn]

    # n/a (SPEC 3.1, 17, 18): class rules, every scorer saying n/a, or an n/a measure value
    na_items = {}  # (rid, uid, iid) -> why
    for R in rubrics:
        for uid, un in R.units:
            for I in R.items:
                k3 = (R.id, uid, I["id"])
                if k3 in class_na:
                    na_items[k3] = "class"
                    continue
                if I["scorers"]:
                    vals = [annual.get((R.id, uid, I["id"], s)) for s, w in I["scorers"]]
                    nas = [v for v in vals if v is not None and v[0] == "na"]
                    if nas:
                        if len(nas) != len(vals):
                            if k3 in rescored_leaf:
                                p, ln = rescored_leaf[k3][-1]
                            else:
                                p, ln = nas[0][1], nas[0][2]
                                others = [v for v in vals if v is not None and v[0] != "na"]
                                if others:
                                    p, ln = others[0][1], others[0][2]
                            errs.add(p, ln, f"item {I['id']} of unit {uid}: n/a must be said by every scorer")
                        else:
                            na_items[k3] = "annual"
                elif I["measure"] is not None:
                    v = measures.get((R.id, uid, I["measure"]))
                    if v is not None and v[0] == "na":
                        na_items[k3] = "measure"

    # daily records against n/a; then the sums per leaf
    adj = {}  # (rid, uid, iid) -> {'deduct': sum, 'add': sum, 'rules': {}}
    veto = set()
    zeroed = set()   # (rid, uid, leaf id)
    for rec in recs:
        R, uid = rec["R"], rec["uid"]
        if rec["kind"] == "zero":
            n = rec["target"]
            leaves = n["items"] if is_section(n) else (n["leaves"] if n["group"] else [n])
            app = [L for L in leaves if (R.id, uid, L["id"]) not in na_items]
            if not app:
                what = "item" if not is_section(n) and not n["group"] else ("section" if is_section(n) else "group")
                errs.add(rec["p"], rec["ln"], f"a zero record names {what} {n['id']}, which is n/a for unit {uid}")
                continue
            for L in app:
                zeroed.add((R.id, uid, L["id"]))
            continue
        I = rec["I"]
        if I is not None and (R.id, uid, I["id"]) in na_items:
            errs.add(rec["p"], rec["ln"], f"item {I['id']} is n/a for unit {uid}")
            continue
        if rec["kind"] == "veto":
            veto.add((R.id, uid))
            continue
        a_ = adj.setdefault((R.id, uid, I["id"]), {"deduct": Decimal(0), "add": Decimal(0), "rules": {}})
        if rec["rule"] is not None:
            rid = rec["rule"]["id"]
            a_["rules"][rid] = a_["rules"].get(rid, Decimal(0)) + rec["pts"]
        else:
            a_[rec["kind"]] += rec["pts"]

    # missing scores: annual cells and measure values
    missing = []   # (R, uid, leaf id, "scorer"|"measure", id), rubric by rubric, roster, leaf, scorer order
    for R in rubrics:
        for uid, un in R.units:
            for I in R.items:
                if (R.id, uid, I["id"]) in na_items:
                    continue
                for s, w in I["scorers"]:
                    if (R.id, uid, I["id"], s) not in annual:
                        missing.append((R, uid, I["id"], "scorer", s))
                if I["measure"] is not None and (R.id, uid, I["measure"]) not in measures:
                    missing.append((R, uid, I["id"], "measure", I["measure"]))
    if missing and not a.allow_missing:
        for R, uid, iid, what, s in missing:
            if what == "scorer":
                errs.add(R.path, None, f"missing annual score ({uid}, {iid}, {s})")
            else:
                errs.add(R.path, None, f"missing value of measure {s} for unit {uid} (item {iid})")
    # no applicable item: read as no leaf of a scored section applies
    for R in rubrics:
        for uid, un in R.units:
            if all((R.id, uid, I["id"]) in na_items for I in R.items if I["skind"] == "scored"):
                errs.add(R.path, None, f"no item applies to unit {uid}")
    if errs:
        errs.die()

    # ---------------- compute
    show_parts = any(R.parts for R in rubrics)
    show_policy = any(R.na in ("parent", "full") for R in rubrics)
    show_quota = any(q is not None for R in rubrics for q in R.quotas)
    show_adjust = bool(a.adjust)
    missing_units = {(m[0].id, m[1]) for m in missing}
    out_rubrics = []
    for R in rubrics:
        dec = R.decimals
        units = []
        for order, (uid, un) in enumerate(R.units):
            u = compute_unit(R, uid, annual, measures, adj, zeroed, na_items,
                             show_parts, show_policy, zero_read)
            is_veto = (R.id, uid) in veto
            total = u["total"]
            if is_veto and R.veto_cap is not None and total > R.veto_cap:
                total = R.veto_cap
            if is_veto and R.veto_total is not None:
                total = R.veto_total
            doc = {"id": uid, "name": un, "rank": 0, "total": fmt_score(total, dec),
                   "grade": None, "grade_label": None, "veto": is_veto, "scaled": u["scaled"],
                   # SPEC 15: a unit with a missing score counted as 0
                   "provisional": (R.id, uid) in missing_units}
            if show_quota:
                doc["demoted"] = False
            if show_adjust:
                doc["adjusted"] = (R.id, uid) in adjusted_units
            doc["deducted"] = norm(u["deducted"])
            doc["added"] = norm(u["added"])
            if show_parts:
                doc["scored"] = fmt_score(u["scored"], dec)
                doc["bonus"] = fmt_score(u["bonus"], dec)
                doc["penalty"] = fmt_score(u["penalty"], dec)
            doc["sections"] = u["sections"]
            units.append({"order": order, "totalv": total, "veto": is_veto, "doc": doc})
        rank_units(R, units)
        grade_units(R, units, show_quota)
        units.sort(key=lambda x: (x["doc"]["rank"], x["order"]))
        out_rubrics.append({"id": R.id, "title": R.title, "year": R.year,
                            "total": norm(R.total), "decimals": dec, "sha256": R.sha256,
                            "units": [x["doc"] for x in units]})
    doc = {"schema": "assess.score.v1", "version": VERSION,
           "provisional": bool(missing) and a.allow_missing,
           "inputs": inputs, "rubrics": out_rubrics,
           # SPEC 15 (and 17): every missing score, rubric by rubric in roster and leaf order,
           # then scorer order; a leaf's measure where the leaf stands
           "missing": [{"rubric": R.id, "unit": uid, "item": iid, what: s}
                       for R, uid, iid, what, s in missing]}
    if show_adjust:
        doc["adjustments"] = [row["doc"] for row in adjustments]
    sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    return 0


def clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


def measure_base(I, v):
    """SPEC 17: the exact base (a Fraction) of a measured value through the leaf's scale"""
    pts = [(Fraction(a), Fraction(b)) for a, b in I["scale"]]
    v = Fraction(v)
    if I["interpolate"] == "step":
        base = pts[0][1]
        for a, b in pts:
            if a <= v:
                base = b
        return base
    if v <= pts[0][0]:
        return pts[0][1]
    if v >= pts[-1][0]:
        return pts[-1][1]
    for (v1, s1), (v2, s2) in zip(pts, pts[1:]):
        if v1 <= v <= v2:
            return s1 + (v - v1) * (s2 - s1) / (v2 - v1)
    raise AssertionError("scale")


def compute_unit(R, uid, annual, measures, adj, zeroed, na_items, show_parts, show_policy, show_zero):
    """one unit's sections, parts and total before the veto (SPEC 4, 8, 9, 16-19)"""
    dec = R.decimals
    u_ded = Decimal(0)
    u_add = Decimal(0)
    leafv = {}     # leaf id -> (score Decimal or None, applicable)
    secs = []
    scored_secs = []    # (score, max, applicable) of the scored sections
    any_scored_na = False
    app_sum = Decimal(0)
    app_max = Decimal(0)
    bonus = Decimal(0)
    penalty = Decimal(0)
    scored_total = None
    sec_results = []
    for S in R.sections:
        kind = S["kind"]
        items = []
        for I in S["items"]:
            k3 = (R.id, uid, I["id"])
            if k3 in na_items:
                if kind == "scored":
                    any_scored_na = True
                full = kind == "scored" and R.na == "full"
                leafv[I["id"]] = (I["max"] if full else None, False)
                it = {"id": I["id"], "title": I["title"], "parent": I["parent"], "max": norm(I["max"]),
                      "base": None, "deducted": None, "added": None,
                      "score": fmt_score(I["max"], dec) if full else None, "applicable": False}
                if show_zero:
                    it["zeroed"] = False
                if I["measure"] is not None:
                    it["measure"] = {"id": I["measure"], "value": None}
                items.append(it)
                continue
            mval = None
            if I["scorers"]:
                base = Decimal(0)
                for s, w in I["scorers"]:
                    v = annual.get((R.id, uid, I["id"], s))
                    if v is not None:
                        base += w * v[0]
                btext = norm(base)
            elif I["measure"] is not None:
                v = measures.get((R.id, uid, I["measure"]))
                if v is None:
                    base = Fraction(0)        # missing, counted as 0 with --allow-missing
                else:
                    mval = v[0]
                    base = measure_base(I, mval)
                btext = base_text(base)
            elif kind == "penalty":
                base = Decimal(0)
                btext = "0"
            else:
                base = I["max"] if I["start"] == "full" else Decimal(0)
                btext = norm(base)
            a_ = adj.get(k3, {"deduct": Decimal(0), "add": Decimal(0), "rules": {}})
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
            if kind == "penalty":
                # SPEC 16: -round(min(max, deducted)); base 0, added 0
                add = Decimal(0)
                sc = -frnd(min(I["max"], ded), dec)
            else:
                raw = Fraction(base) - Fraction(ded) + Fraction(add)
                sc = frnd(clamp(raw, Fraction(I["floor"]), Fraction(I["max"])), dec)
            z = k3 in zeroed
            if z:
                sc = Decimal(0)
            u_ded += ded
            u_add += add
            leafv[I["id"]] = (sc, True)
            if kind == "scored":
                app_sum += sc
                app_max += I["max"]
            it = {"id": I["id"], "title": I["title"], "parent": I["parent"], "max": norm(I["max"]),
                  "base": btext, "deducted": norm(ded), "added": norm(add),
                  "score": fmt_score(sc, dec), "applicable": True}
            if show_zero:
                it["zeroed"] = z
            if I["measure"] is not None:
                it["measure"] = {"id": I["measure"], "value": norm(mval) if isinstance(mval, Decimal) else None}
            items.append(it)
        # groups and the section (SPEC 8, 18)
        gres = {}    # group id -> (value or None, applicable, scaled)
        policy = R.na if kind == "scored" else "rescale"

        def node(n):
            """(value, applicable, full max) of a child"""
            if not n["group"]:
                v, ap = leafv[n["id"]]
                return v, ap, n["max"]
            v, ap, sc_ = combine([node(c) for c in n["children"]], n["max"])
            gres[n["id"]] = (v, ap, sc_)
            return v, ap, n["max"]

        def combine(ch, mx):
            """value, applicable, scaled of a group or section from its children"""
            ap = any(c[1] for c in ch)
            if policy == "full":
                return sum((c[0] for c in ch), Decimal(0)), ap, False
            apps = [c for c in ch if c[1]]
            if not apps:
                return None, False, False
            tot = sum((c[0] for c in apps), Decimal(0))
            if policy == "parent" and len(apps) < len(ch):
                return frnd(Fraction(tot) * Fraction(mx) / Fraction(sum((c[2] for c in apps), Decimal(0))), dec), \
                    True, True
            return tot, True, False

        sv, sap, sscaled = combine([node(c) for c in S["children"]], S["max"])
        if kind == "scored":
            score = sv if sv is not None else Decimal(0)
            scored_secs.append((score, S["max"], sap))
        elif kind == "bonus":
            score = min(S["max"], sv if sv is not None else Decimal(0))
        else:
            score = -min(S["max"], -(sv if sv is not None else Decimal(0)))
        groups = []
        for G in S["groups"]:
            v, ap, gsc = gres[G["id"]]
            g = {"id": G["id"], "title": G["title"], "parent": G["parent"], "max": norm(G["max"]),
                 "score": None if v is None else fmt_score(v, dec), "applicable": ap}
            if show_policy:
                g["scaled"] = gsc
            groups.append(g)
        sec = {"id": S["id"], "title": S["title"]}
        if show_parts:
            sec["kind"] = kind
            sec["max"] = norm(S["max"])
            sec["counted"] = True
        sec["score"] = fmt_score(score, dec)
        if show_policy:
            sec["scaled"] = sscaled
        sec["items"] = items
        sec["groups"] = groups
        secs.append(sec)
        sec_results.append((S, score, sec))
    # the unit's scored part (SPEC 4 step 4, 16, 18)
    scaled = False
    plain = sum((s[0] for s in scored_secs), Decimal(0))
    if R.na == "rescale":
        if any_scored_na:
            scored_total = frnd(Fraction(app_sum) * Fraction(R.total) / Fraction(app_max), dec)
            scaled = True
        else:
            scored_total = plain
    elif R.na == "full":
        scored_total = plain
    else:
        if any(not s[2] for s in scored_secs):
            ssum = sum((s[0] for s in scored_secs if s[2]), Decimal(0))
            smax = sum((s[1] for s in scored_secs if s[2]), Decimal(0))
            scored_total = frnd(Fraction(ssum) * Fraction(R.total) / Fraction(smax), dec)
            scaled = True
        else:
            scored_total = plain
    for S, score, sec in sec_results:
        if S["kind"] == "bonus":
            g = S["gate"]
            counted = g is None or (scored_total > g if S["gate_strict"] else scored_total >= g)
            if counted:
                bonus += score
            elif show_parts:
                sec["counted"] = False
        elif S["kind"] == "penalty":
            penalty += score
    total = clamp(scored_total + bonus + penalty, Decimal(0), R.max_total)
    return {"total": total, "scored": scored_total, "bonus": bonus, "penalty": penalty, "scaled": scaled,
            "deducted": u_ded, "added": u_add, "sections": secs}


def rank_units(R, units):
    """SPEC 4 step 6 and 19 (rank = "last": vetoed units after the others)"""
    def ranks(group):
        totals = [x["totalv"] for x in group]
        distinct = sorted(set(totals), reverse=True)
        for x in group:
            if R.ranking == "dense":
                x["doc"]["rank"] = 1 + sum(1 for t in distinct if t > x["totalv"])
            else:
                x["doc"]["rank"] = 1 + sum(1 for t in totals if t > x["totalv"])
    if R.veto_rank != "last":
        ranks(units)
        return
    clean = [x for x in units if not x["veto"]]
    vetoed = [x for x in units if x["veto"]]
    ranks(clean)
    ranks(vetoed)
    if R.ranking == "dense":
        n = max((x["doc"]["rank"] for x in clean), default=0)
    else:
        n = len(clean)
    for x in vetoed:
        x["doc"]["rank"] += n


def grade_units(R, units, show_quota):
    """SPEC 4 step 5 and 19 (quotas, taken from the highest grade down)"""
    last = R.grades[-1]
    band = {}
    for x in units:
        if x["veto"]:
            continue
        band[x["order"]] = next(g for g in R.grades if g[2] <= x["totalv"])
    final = {}
    order = sorted((x for x in units if not x["veto"]), key=lambda x: (x["doc"]["rank"], x["order"]))
    nroster = len(R.units)
    for gi, g in enumerate(R.grades):
        cands = [x for x in order if x["order"] not in final and x["totalv"] >= g[2]]
        q = R.quotas[gi]
        if q is not None and gi < len(R.grades) - 1:
            n = int(q) if q >= 1 else int((q * nroster).to_integral_value(rounding="ROUND_FLOOR"))
            if len(cands) > n:
                keep = cands[:n]
                if n >= 1 and cands[n - 1]["totalv"] == cands[n]["totalv"]:
                    t = cands[n]["totalv"]
                    keep = [x for x in keep if x["totalv"] != t]
                cands = keep
        for x in cands:
            final[x["order"]] = g
    for x in units:
        g = last if x["veto"] else final[x["order"]]
        x["doc"]["grade"] = g[0]
        x["doc"]["grade_label"] = g[1]
        if show_quota:
            x["doc"]["demoted"] = (not x["veto"]) and g is not band[x["order"]]


if __name__ == "__main__":
    main()
