#!/usr/bin/env python3
"""Random case generator for `assess score`.

    python3 gen.py [--part1 | --part3] SEED OUTDIR          a valid case
    python3 gen.py [--part1 | --part3] --bad SEED OUTDIR    a case with exactly one injected error

About half the seeds make part-two cases (SPEC 8, 9, 11: indicator levels,
rules, aliases); --part1 makes part-one cases only.  A part-one case is byte
for byte what this generator made for the same seed before part two.
--part3 makes part-three cases (SPEC 16-20 on part-two shapes) from a random
stream of their own, writing also measures*.csv and adjust*.csv; without it
every seed gives what it gave before part three.

Writes rubric*.toml, annual*.csv, daily*.csv, cmd.txt (the full argument
list, one argument per line, starting with `score --format json`, paths
relative to OUTDIR) and features.txt (counts of what the case exercises).
In --bad mode also expect.txt:

    kind: <error kind>
    loc: <file>:<line>        (one or more acceptable locations, or `loc: -`)
"""
import collections
import csv
import datetime
import io
import json
import os
import random
import sys
from decimal import Decimal, ROUND_DOWN

D = Decimal

UNIT_POOL = [("tacheng", "塔城市"), ("wusu", "乌苏市"), ("emin", "额敏县"), ("shawan", "沙湾县"),
             ("tuoli", "托里县"), ("yumin", "裕民县"), ("hebukesaier", "和布克赛尔县"),
             ("fgw", "发展改革委"), ("jyj", "教育局"), ("gaj", "公安局"), ("czj", "财政局"),
             ("rsj", "人力资源和社会保障局"), ("zrzyj", "自然资源局"), ("sthjj", "生态环境局"),
             ("zjj", "住房和城乡建设局"), ("jtysj", "交通运输局"), ("slj", "水利局"),
             ("nyncj", "农业农村局"), ("swj", "商务局"), ("wlj", "文化体育广播电视和旅游局"),
             ("wjw", "卫生健康委"), ("yjj", "应急管理局"), ("sjj", "审计局"), ("scjgj", "市场监督管理局"),
             ("tjj", "统计局"), ("ybj", "医疗保障局"), ("x-1", "X 局"), ("q_2", "Q-局")]
SCORER_POOL = [("office", "行政公署办公室考核组"), ("lead", "“放管服”改革专项组牵头单位"),
               ("service_center", "地区行政服务中心"), ("audit", "审计组"), ("press", "新闻办"),
               ("data", "大数据中心")]
ITEM_TITLES = ["组织领导", "平台建设", "主动公开", "依申请公开", "政策解读", "回应关切", "政务新媒体",
               "简政放权", "放管结合", "优化服务", "一网通办", "证明事项清理", "双随机一公开",
               "营商环境", "工作创新加分", "信息报送", "扣分项", "创新加分", "队伍建设", "培训宣传",
               "公开目录", "基层公开", "数据开放", "审批改革", "\"互联网+\"监管", "好差评"]
SECTION_TITLES = ["政务公开", "“放管服”改革", "日常工作", "加分项目", "Openness, misc"]
GRADES = [("excellent", "优秀"), ("good", "良好"), ("pass", "合格"), ("fail", "不合格")]
WEIGHT_SETS = [[D("1")], [D("0.3"), D("0.7")], [D("0.5"), D("0.5")], [D("0.25"), D("0.75")],
               [D("0.4"), D("0.6")], [D("0.35"), D("0.65")], [D("0.25"), D("0.25"), D("0.5")],
               [D("0.2"), D("0.3"), D("0.5")], [D("0.1"), D("0.2"), D("0.7")],
               [D("0.333"), D("0.333"), D("0.334")], [D("0.125"), D("0.875")]]
KIND_TEXT = {"deduct": ["deduct", "Deduct", "DEDUCT", "核减", "扣分"],
             "add": ["add", "Add", "ADD", "核加", "加分"],
             "veto": ["veto", "VETO", "Veto", "一票否决"]}
METHOD_TEXT = {"daily_record": ["daily_record", "Daily_Record", "日常记录"],
               "spot_check": ["spot_check", "SPOT_CHECK", "随机抽查"],
               "special_inspection": ["special_inspection", "专项检查"],
               "online_evaluation": ["online_evaluation", "Online_Evaluation", "网上评测"],
               "material_filing": ["material_filing", "材料报备"]}
NA_TEXT = ["n/a", "N/A", "N/a", "不涉及", "不适用"]
ANNUAL_HDR = {"unit": ["unit", "Unit", "UNIT", "单位"], "item": ["item", "Item", "ITEM", "项目"],
              "scorer": ["scorer", "Scorer", "SCORER", "评分单位"], "score": ["score", "Score", "得分"],
              "note": ["note", "Note", "备注"]}
DAILY_HDR = {"date": ["date", "Date", "DATE", "日期"], "unit": ["unit", "Unit", "单位"],
             "item": ["item", "ITEM", "项目"], "kind": ["kind", "Kind", "类型"],
             "points": ["points", "Points", "POINTS", "分值"], "method": ["method", "Method", "方式"],
             "note": ["note", "NOTE", "说明"],
             "rule": ["rule", "Rule", "规则", "扣分标准"], "count": ["count", "COUNT", "次数", "数量"]}
# part two (SPEC 8, 9, 11)
GROUP_TITLES = ["基础工作", "制度建设", "公开平台", "重点领域信息公开", "审批服务", "监管执法", "政务服务",
                "考核加分", "日常监测", "专项工作", "网站建设", "新媒体管理", "事项管理", "数据共享",
                "效能建设", "问题整改", "Group, misc"]
RULE_IDS = ["typo", "late", "r1", "r2", "dead_link", "complaint", "award", "bonus", "miss", "错字", "R-3"]
RULE_TEXTS = ["网站信息出现错别字的，每处扣0.5分", "信息更新不及时的，每次扣1分", "政策解读缺失的, 每件扣0.25分",
              "群众投诉查实的，每件扣0.4分", "获评优秀的，加0.5分", "每下降1个百分点扣0.1分",
              "未按时报送材料的，每次扣0.2分", "被上级通报的，每次扣2分", "经验做法被推广的，每次加1分",
              "链接失效的，每个扣0.05分", "Late report, per day", "空白栏目，每个扣0.5分"]
RULE_POINTS = [D("0.5"), D("1"), D("0.25"), D("2"), D("0.1"), D("0.125"), D("0.05"), D("0.3"), D("1.5"),
               D("0.02"), D("0.75")]
RULE_MAX = [D("1"), D("2"), D("0.5"), D("1.5"), D("3"), D("0.75"), D("0.25"), D("0.3")]
COUNTS = ["", "", "1", "2", "3", "1.5", "0.5", "4", "2.5", "10", "0.25", "1.0", "6"]
P2_BAD_KINDS = ["p2_group_forbidden_key", "p2_group_rule", "p2_group_max_sum", "p2_group_empty",
                "p2_rule_dup_id", "p2_points_mismatch", "p2_count_without_rule", "p2_count_nonpositive",
                "p2_alias_dup", "p2_row_names_group", "p2_unknown_rule", "p2_rule_kind_mismatch",
                "p2_rule_bad_points"]
P2_NEED_GROUPS = {"p2_group_forbidden_key", "p2_group_rule", "p2_group_max_sum", "p2_row_names_group"}
P2_NEED_RULES = {"p2_rule_dup_id", "p2_points_mismatch", "p2_count_nonpositive", "p2_unknown_rule",
                 "p2_rule_kind_mismatch", "p2_rule_bad_points"}
EXTRA_COLS = ["序号", "remark", "extra", "联系人", "comment"]
NOTES = ["", "", "", "ok", "见文件 塔政办〔2020〕12号", "a, b", 'said "no"', "two\nlines", "  "]


def dstr(d):
    """plain decimal text, no exponent"""
    s = format(d, "f")
    return s


def q(places):
    return D(1).scaleb(-places)


class Toml:
    """TOML writer that remembers the line of each key."""

    def __init__(self):
        self.lines = []
        self.loc = {}

    def line(self, text, key=None):
        self.lines.append(text)
        if key is not None:
            self.loc[key] = len(self.lines)

    def text(self):
        return "\n".join(self.lines) + "\n"


def num_text(rng, d, allow_float=True, allow_string=True):
    """TOML text for an exact decimal: int, float or string."""
    choices = []
    if d == d.to_integral_value():
        choices.append(str(int(d)))
    if allow_float:
        s = dstr(d.normalize()) if d != 0 else "0"
        if "." not in s:
            s += ".0"
        choices.append(s)
    if allow_string:
        s = dstr(d)
        if rng.random() < 0.3 and "." in s:
            s += "0"
        choices.append(json.dumps(s))
    return rng.choice(choices)


def tstr(s):
    return json.dumps(s, ensure_ascii=False)


class Gen:
    def __init__(self, seed, bad, part1=False):
        self.rng = random.Random(seed)
        # Whether the case uses part two comes from a stream of its own, so that a part-one case is
        # byte for byte what the generator made for the same seed before part two existed.
        self.p2 = not part1 and random.Random(f"part2:{seed}").random() < 0.5
        self.bad = bad
        self.badkind = None
        self.expect_locs = []
        self.allow_missing = False

    # ------------------------------------------------------------ model
    def make_rubrics(self):
        rng = self.rng
        nr = 1 if rng.random() < 0.6 else 2
        if self.badkind == "dup_unit_across":
            nr = 2
        units = UNIT_POOL[:]
        rng.shuffle(units)
        self.rubrics = []
        for ri in range(nr):
            R = {}
            R["id"] = rng.choice(["counties", "departments", "t", "r-x", "r_2020"]) + str(ri + 1)
            R["title"] = rng.choice(["2020年度政务公开和“放管服”改革工作考核细则", "Test rubric", "考核 \"细则\""])
            R["year"] = rng.randint(2019, 2023)
            R["decimals"] = rng.choice([0, 1, 2, 2, 2, 3, 4])
            R["write_decimals"] = R["decimals"] != 2 or rng.random() < 0.5
            R["ranking"] = rng.choice(["competition", "dense", None])
            dec = R["decimals"]
            # total and maxima
            cands = [D(100), D(20), D(10), D(50), D(120)]
            if dec >= 1:
                cands += [D("10.5"), D("99.5"), D("20.5")]
            if dec >= 2:
                cands += [D("12.25"), D("30.75")]
            nsec = rng.randint(1, 3)
            nitems = [rng.randint(1, 8 if self.p2 else 6) for _ in range(nsec)]
            n = sum(nitems)
            while True:
                R["total"] = rng.choice(cands)
                gran = [g for g in [D(1), D("0.5"), D("0.25"), q(dec)]
                        if -g.normalize().as_tuple().exponent <= dec
                        and (R["total"] / g) == (R["total"] / g).to_integral_value()
                        and R["total"] / g >= n]
                if gran:
                    break
            g = rng.choice(gran)
            units_total = int(R["total"] / g)
            cuts = sorted(rng.sample(range(1, units_total), n - 1)) if n > 1 else []
            parts = [b - a for a, b in zip([0] + cuts, cuts + [units_total])]
            maxima = [g * p for p in parts]
            # scorers
            nsc = rng.randint(1, 4)
            R["scorers"] = SCORER_POOL[:]
            rng.shuffle(R["scorers"])
            R["scorers"] = R["scorers"][:nsc]
            # items
            titles = ITEM_TITLES[:]
            rng.shuffle(titles)
            R["sections"] = []
            k = 0
            all_scored = self.badkind == "no_applicable_item"
            for si in range(nsec):
                S = {"id": rng.choice(["s", "sec", "part"]) + str(si + 1),
                     "title": SECTION_TITLES[si] if rng.random() < 0.8 else f"Section {si + 1}",
                     "items": []}
                for ii in range(nitems[si]):
                    I = {"id": f"{si + 1}.{ii + 1}" if rng.random() < 0.7 else f"i{si + 1}{ii + 1}",
                         "title": titles[k], "max": maxima[k]}
                    k += 1
                    if all_scored or rng.random() < 0.75:
                        ws = [w for w in WEIGHT_SETS if len(w) <= nsc]
                        ws = rng.choice(ws)
                        scs = rng.sample([s for s, _ in R["scorers"]], len(ws))
                        I["scorers"] = list(zip(scs, ws))
                        I["start"] = None
                    else:
                        I["scorers"] = []
                        I["start"] = rng.choice(["zero", "full", None])
                    if rng.random() < 0.35:
                        I["max_deduct"] = rng.choice([I["max"], I["max"] / 2, D("1"), D("0.5"), D("2.25"), D(0)])
                    if rng.random() < 0.35:
                        I["max_add"] = rng.choice([D("1.5"), D("0.5"), D("1"), I["max"], D("0.125")])
                    if rng.random() < 0.3:
                        I["criteria"] = "每项扣0.5分，扣完为止"
                    S["items"].append(I)
                R["sections"].append(S)
            # grades
            ng = rng.randint(2, 4)
            gp = max(0, min(dec, 1))
            mins = sorted({(R["total"] * D(rng.randint(30, 100)) / 100).quantize(q(gp), rounding=ROUND_DOWN)
                           for _ in range(ng - 1)},
                          reverse=True)
            mins = [m for m in mins if m > 0] + [D(0)]
            R["grades"] = []
            gl = GRADES[:len(mins) - 1] + [GRADES[-1]]
            for (gid, lab), m in zip(gl, mins):
                R["grades"].append({"id": gid, "label": lab, "min": m})
            # units
            nu = rng.randint(2, 7)
            R["units"] = [units.pop() for _ in range(nu)]
            # period
            y = R["year"]
            if rng.random() < 0.4:
                a = datetime.date(y, 1, 1) + datetime.timedelta(days=rng.randint(0, 200))
                b = a + datetime.timedelta(days=rng.randint(0, 400))
                R["period"] = (a, b)
            else:
                R["period"] = None
            R["pstart"], R["pend"] = R["period"] or (datetime.date(y, 1, 1), datetime.date(y, 12, 31))
            R["file"] = "rubric.toml" if ri == 0 else f"rubric{ri + 1}.toml"
            R["aliases"] = {}
            if self.p2:
                self.p2_structure(R, ri)
            self.rubrics.append(R)
        if self.p2:
            self.p2_aliases()

    def items(self, R):
        return [I for S in R["sections"] for I in S["items"]]

    # ------------------------------------------------------------ part two: levels, rules, aliases
    def groups(self, R):
        return [G for S in R["sections"] for G in S.get("groups", [])]

    def p2_structure(self, R, ri):
        """Nests the leaves of each section under groups (item depths 1..4: groups at 1..3, i.e.
        levels 2-4 with the section at level 1), renames ids by position, and adds rules."""
        rng = self.rng
        gtitles = GROUP_TITLES[:]
        rng.shuffle(gtitles)
        extra = iter(range(1, 1000))
        style = rng.choice(["dotted", "dotted", "under", "mixed"])
        need_groups = self.bad and self.badkind in P2_NEED_GROUPS
        flat = not need_groups and rng.random() < 0.2       # part-two features on a part-one shape
        deep = ri == 0 and (need_groups or rng.random() < 0.3)

        def title():
            return gtitles.pop() if gtitles else f"分组{next(extra)}"

        def build(leaves, depth, force):
            nodes = []
            i = 0
            while i < len(leaves):
                run = rng.randint(1, min(4, len(leaves) - i))
                if depth < 4 and not flat and ((force and i == 0) or rng.random() < [0, 0.45, 0.35, 0.3][depth]):
                    G = {"group": True, "title": title(), "write_max": rng.random() < 0.5,
                         "children": build(leaves[i:i + run], depth + 1, force and i == 0)}
                    if rng.random() < 0.25:
                        G["criteria"] = "按下列各项评分"
                    nodes.append(G)
                else:
                    nodes.extend(leaves[i:i + run])
                i += run
            return nodes

        def ident(path, group):
            if style == "dotted":
                return ".".join(map(str, path))
            if style == "under":
                return "i" + "_".join(map(str, path))
            return ("g" + "_".join(map(str, path))) if group else ".".join(map(str, path))

        def assign(nodes, parent, path, S):
            for k, n in enumerate(nodes, 1):
                p = path + [k]
                n["id"] = ident(p, n.get("group"))
                n["parent"] = parent
                n["depth"] = len(p) - 1
                if n.get("group"):
                    S["groups"].append(n)
                    assign(n["children"], n, p, S)
                else:
                    S["items"].append(n)

        for si, S in enumerate(R["sections"]):
            leaves = S["items"]
            S["tree"] = build(leaves, 1, deep and si == 0)
            S["items"], S["groups"] = [], []
            assign(S["tree"], None, [si + 1], S)
        self.recompute_groups(R)
        # rules
        leaves = self.items(R)
        p_rules = rng.choice([0.0, 0.3, 0.5, 0.8])
        if self.bad and self.badkind in P2_NEED_RULES:
            p_rules = max(p_rules, 0.5)
        for j, I in enumerate(leaves):
            if rng.random() < p_rules or (j == 0 and ri == 0 and self.bad and self.badkind in P2_NEED_RULES):
                n = rng.choice([1, 1, 2, 3])
                I["rules"] = []
                for rid, txt in zip(rng.sample(RULE_IDS, n), rng.sample(RULE_TEXTS, n)):
                    kind = "add" if rng.random() < (0.1 if I.get("start") == "full" else 0.3) else "deduct"
                    ru = {"id": rid, "text": txt, "kind": kind, "points": rng.choice(RULE_POINTS)}
                    if rng.random() < 0.5:
                        ru["max"] = rng.choice(RULE_MAX)
                    I["rules"].append(ru)

    def leaves_under(self, G):
        out = []
        for c in G["children"]:
            out += self.leaves_under(c) if c.get("group") else [c]
        return out

    def recompute_groups(self, R):
        for G in self.groups(R):
            G["max"] = sum((I["max"] for I in self.leaves_under(G)), D(0))

    def p2_aliases(self):
        rng = self.rng
        if rng.random() < 0.4 and not (self.bad and self.badkind == "p2_alias_dup"):
            return
        taken = self.all_unit_refs()
        for R in self.rubrics:
            for uid, un in R["units"]:
                if rng.random() < 0.55:
                    cands = [un[:-1], un + "（简称）", "别称" + un, uid + "_alias", un[:2]]
                    cands = [c for c in dict.fromkeys(cands) if c and c == c.strip() and c not in taken]
                    al = rng.sample(cands, min(rng.choice([1, 1, 2]), len(cands)))
                    if al:
                        R["aliases"][uid] = al
                        taken |= set(al)

    # ------------------------------------------------------------ rubric text
    def write_rubric(self, R, inj=None):
        """inj: name of the rubric error to inject in this rubric (already applied to the model
        where possible); returns the Toml object."""
        rng = self.rng
        T = Toml()
        T.line(f"# generated rubric")
        T.line(f"id = {tstr(R['id'])}", ("id",))
        T.line(f"title = {tstr(R['title'])}", ("title",))
        if inj == "unknown_key_top":
            T.line("titel = \"typo\"", ("bad",))
        T.line(f"year = {R['year']}", ("year",))
        T.line(f"total = {num_text(rng, R['total'])}", ("total",))
        if R["write_decimals"]:
            T.line(f"decimals = {R['decimals_text'] if 'decimals_text' in R else R['decimals']}", ("decimals",))
        if R["ranking"]:
            T.line(f"ranking = {tstr(R['ranking'])}", ("ranking",))
        if R["period"]:
            T.line("")
            T.line("[period]")
            T.line(f"start = {R['period'][0].isoformat()}", ("pstart",))
            T.line(f"end = {R['period'][1].isoformat()}", ("pend",))
        T.line("")
        T.line("[scorers]")
        for sid, nm in R["scorers"]:
            T.line(f"{sid} = {tstr(nm)}")
        for gi, G in enumerate(R["grades"]):
            T.line("")
            T.line("[[grade]]")
            T.line(f"id = {tstr(G['id'])}")
            T.line(f"label = {tstr(G['label'])}")
            T.line(f"min = {num_text(rng, G['min'])}", ("gmin", gi))
        for uid, un in R["units"]:
            T.line("")
            T.line("[[unit]]")
            T.line(f"id = {tstr(uid)}", ("uid", uid))
            T.line(f"name = {tstr(un)}", ("uname", uid))
            if R["aliases"].get(uid):
                T.line(f"aliases = [{', '.join(tstr(a) for a in R['aliases'][uid])}]", ("aliases", uid))
        for S in R["sections"]:
            T.line("")
            T.line("[[section]]")
            T.line(f"id = {tstr(S['id'])}", ("sid", S["id"], len(T.lines)))
            T.line(f"title = {tstr(S['title'])}")
            if "tree" in S:
                for n in S["tree"]:
                    self.write_node(T, n, 1)
                continue
            for I in S["items"]:
                ind = "  " if rng.random() < 0.5 else ""
                self.write_leaf(T, I, "section.item", ind)
        return T

    def write_leaf(self, T, I, hdr, ind):
        rng = self.rng
        T.line(ind + f"[[{hdr}]]", ("ihead", I["key"]))
        key = I["key"]
        T.line(ind + f"id = {tstr(I['id'])}", ("iid", key))
        T.line(ind + f"title = {tstr(I['title'])}", ("ititle", key))
        T.line(ind + f"max = {num_text(rng, I['max'])}", ("max", key))
        if "max_deduct" in I:
            T.line(ind + f"max_deduct = {num_text(rng, I['max_deduct'])}", ("max_deduct", key))
        if "max_add" in I:
            T.line(ind + f"max_add = {num_text(rng, I['max_add'])}", ("max_add", key))
        if "criteria" in I:
            T.line(ind + f"criteria = {tstr(I['criteria'])}")
        if I.get("start"):
            T.line(ind + f"start = {tstr(I['start'])}", ("start", key))
        if "p3" in I:      # part three keys (only --part3 leaves have them)
            self.write_p3_keys(T, I, ind)
        if I.get("extra_key"):
            T.line(ind + "maxx = 5", ("bad",))
        if I["scorers"]:
            form = I.get("form") or rng.choice(["inline", "inline", "dotted", "table"])
            if form == "inline":
                body = ", ".join(f"{s} = {num_text(rng, w)}" for s, w in I["scorers"])
                T.line(ind + f"scorers = {{ {body} }}", ("scorers", key))
            elif form == "dotted":
                for j, (s, w) in enumerate(I["scorers"]):
                    T.line(ind + f"scorers.{s} = {num_text(rng, w)}", ("scorers", key) if j == 0 else None)
            else:
                T.line(ind + f"[{hdr}.scorers]", ("scorers", key))
                for s, w in I["scorers"]:
                    T.line(ind + f"{s} = {num_text(rng, w)}")
        for j, ru in enumerate(I.get("rules", [])):
            self.write_rule(T, ru, hdr, ind, (key, j))

    def write_rule(self, T, ru, hdr, ind, rkey):
        rng = self.rng
        ind = ind + ("  " if rng.random() < 0.5 else "")
        T.line(ind + f"[[{hdr}.rule]]", ("rhead",) + rkey)
        T.line(ind + f"id = {tstr(ru['id'])}", ("rid",) + rkey)
        T.line(ind + f"text = {tstr(ru['text'])}", ("rtext",) + rkey)
        T.line(ind + f"kind = {tstr(ru['kind'])}", ("rkind",) + rkey)
        T.line(ind + f"points = {num_text(rng, ru['points'])}", ("rpoints",) + rkey)
        if "max" in ru:
            T.line(ind + f"max = {num_text(rng, ru['max'])}", ("rmax",) + rkey)

    def write_node(self, T, n, depth):
        rng = self.rng
        ind = "  " * depth if rng.random() < 0.5 else ""
        hdr = "section" + ".item" * depth
        if rng.random() < 0.3:
            T.line("")
        if not n.get("group"):
            return self.write_leaf(T, n, hdr, ind)
        key = n["key"]
        T.line(ind + f"[[{hdr}]]", ("ihead", key))
        T.line(ind + f"id = {tstr(n['id'])}", ("iid", key))
        T.line(ind + f"title = {tstr(n['title'])}", ("ititle", key))
        if n.get("bad_max") is not None:
            T.line(ind + f"max = {num_text(rng, n['bad_max'])}", ("max", key))
        elif n["write_max"]:
            T.line(ind + f"max = {num_text(rng, n['max'])}", ("max", key))
        if "criteria" in n:
            T.line(ind + f"criteria = {tstr(n['criteria'])}")
        if "p3" in n:      # part three keys (only --part3 groups have them)
            self.write_p3_keys(T, n, ind)
        if n.get("bad_key"):
            T.line(ind + n["bad_key"], ("gbadkey", key))
        if n.get("empty_items"):
            T.line(ind + "item = []", ("gitem", key))
        if n.get("bad_rule"):
            self.write_rule(T, n["bad_rule"], hdr, ind, (key, 0))
        for c in n["children"]:
            self.write_node(T, c, depth + 1)

    # ------------------------------------------------------------ records
    def unit_ref(self, R, uid):
        un = dict(R["units"])[uid]
        al = R["aliases"].get(uid)
        if al:
            r = self.rng.random()
            if r >= 0.65:
                self.feat["unit_named_by_alias"] += 1
            return self.pad(uid if r < 0.4 else un if r < 0.65 else self.rng.choice(al))
        return self.pad(uid if self.rng.random() < 0.6 else un)

    def item_ref(self, I):
        return self.pad(I["id"] if self.rng.random() < 0.6 else I["title"])

    def pad(self, s):
        r = self.rng.random()
        if r < 0.1:
            return " " + s
        if r < 0.2:
            return s + "  "
        return s

    def value_for(self, I, dec):
        """annual score with a fair share of halfway cases"""
        rng = self.rng
        mx = I["max"]
        r = rng.random()
        if r < 0.35:   # halfway at decimals+1
            p = dec + 1
            top = int(mx * 10 ** p)
            k = rng.randint(0, max(0, top // 10 - 1)) * 10 + 5
            if k > top:
                k = 0
            return D(k).scaleb(-p)
        if r < 0.45:
            return mx
        if r < 0.5:
            return D(0)
        p = rng.randint(0, dec + 3)
        top = int(mx * 10 ** p)
        return D(rng.randint(0, top)).scaleb(-p)

    def make_records(self):
        rng = self.rng
        self.annual = []   # dicts: R, uid, I, sid, val (Decimal or 'na')
        self.daily = []    # dicts: R, uid, I or None, kind, points(str), date
        for R in self.rubrics:
            dec = R["decimals"]
            items = self.items(R)
            scored = [I for I in items if I["scorers"]]
            na = {}
            for uid, _ in R["units"]:
                na[uid] = set()
                if scored and rng.random() < 0.3:
                    cand = scored[:]
                    rng.shuffle(cand)
                    kmax = len(cand) if len(cand) < len(items) else len(cand) - 1
                    if kmax >= 1:
                        for I in cand[:rng.randint(1, min(2, kmax))]:
                            na[uid].add(I["key"])
            if self.p2:
                # sometimes a whole group is n/a (all its leaves must have scorers)
                full = [G for G in self.groups(R) if all(I["scorers"] for I in self.leaves_under(G))]
                for uid, _ in R["units"]:
                    if full and rng.random() < 0.25:
                        keys = {I["key"] for I in self.leaves_under(rng.choice(full))}
                        if len(na[uid] | keys) < len(items):
                            na[uid] |= keys
            R["na"] = na
            vals = {}
            for uid, _ in R["units"]:
                for I in scored:
                    for sid, w in I["scorers"]:
                        vals[(uid, I["key"], sid)] = "na" if I["key"] in na[uid] else self.value_for(I, dec)
            # daily
            recs = []
            for uid, _ in R["units"]:
                for _ in range(rng.choice([0, 0, 1, 2, 3, 5])):
                    app = [I for I in items if I["key"] not in na[uid]]
                    I = rng.choice(app)
                    kind = rng.choice(["deduct", "deduct", "add"])
                    r = rng.random()
                    if r < 0.4:
                        p = dec + 1
                        pts = D(rng.randint(0, 30) * 10 + 5).scaleb(-p)
                    elif r < 0.5:
                        pts = I["max"] + D(1)
                    else:
                        p = rng.randint(0, 5)
                        pts = D(rng.randint(1, 3 * 10 ** p)).scaleb(-p)
                    rec = {"uid": uid, "I": I, "kind": kind, "points": dstr(pts)}
                    if self.p2 and I.get("rules") and rng.random() < 0.7:
                        rec = self.rule_record(uid, I)
                    recs.append(rec)
                if rng.random() < 0.08:
                    app = [I for I in items if I["key"] not in na[uid]]
                    I = rng.choice(app) if rng.random() < 0.5 else None
                    recs.append({"uid": uid, "I": I, "kind": "veto",
                                 "points": rng.choice(["", "", "0", "0.00"])})
            # ties: clone one unit onto another
            if len(R["units"]) >= 2 and rng.random() < 0.5:
                a, b = rng.sample([u for u, _ in R["units"]], 2)
                na[b] = set(na[a])
                for I in scored:
                    for sid, w in I["scorers"]:
                        vals[(b, I["key"], sid)] = vals[(a, I["key"], sid)]
                recs = [r for r in recs if r["uid"] != b] + [dict(r, uid=b) for r in recs if r["uid"] == a]
            for (uid, key, sid), v in vals.items():
                I = next(I for I in items if I["key"] == key)
                self.annual.append({"R": R, "uid": uid, "I": I, "sid": sid, "val": v})
            for r in recs:
                r["R"] = R
                r["date"] = R["pstart"] + datetime.timedelta(days=rng.randint(0, (R["pend"] - R["pstart"]).days))
                self.daily.append(r)

    def rule_record(self, uid, I, R=None):
        """a daily record under one of I's rules: count empty or a decimal, points empty or the
        product (sometimes with a trailing zero), kind empty or the rule's, rule by id or text"""
        rng = self.rng
        ru = rng.choice(I["rules"])
        ct = rng.choice(COUNTS)
        prod = (D(ct) if ct else D(1)) * ru["points"]
        r = rng.random()
        if r < 0.45:
            ptxt = ""
        elif r < 0.85:
            ptxt = dstr(prod)
        else:
            ptxt = dstr(prod) + ("0" if "." in dstr(prod) else ".0")
        rec = {"uid": uid, "I": I, "kind": ru["kind"], "points": ptxt, "rule": ru,
               "rule_text": ru["id"] if rng.random() < 0.6 else ru["text"],
               "count_text": ct, "kind_blank": rng.random() < 0.5}
        if R is not None:
            rec["R"] = R
            rec["date"] = R["pstart"] + datetime.timedelta(days=rng.randint(0, (R["pend"] - R["pstart"]).days))
        return rec

    def write_features(self):
        """features.txt: what the case exercises (for statistics and for reading a failure)"""
        F = self.feat
        F["part2"] = int(self.p2)
        for R in self.rubrics:
            for S in R["sections"]:
                for G in S.get("groups", []):
                    F["groups"] += 1
                    F["groups_with_written_max"] += bool(G.get("write_max"))
                    F["max_group_level"] = max(F["max_group_level"], G["depth"] + 1)
                for I in S["items"]:
                    F["max_leaf_level"] = max(F["max_leaf_level"], I.get("depth", 1) + 1)
                    for ru in I.get("rules", []):
                        F["rules"] += 1
                        F["rules_capped"] += "max" in ru
                        F["rules_add"] += ru["kind"] == "add"
            F["units_with_aliases"] += len(R["aliases"])
            for uid, keys in R.get("na", {}).items():
                F["na_leaves"] += len(keys)
                for G in self.groups(R):
                    if all(I["key"] in keys for I in self.leaves_under(G)):
                        F["na_groups"] += 1
        for r in self.daily:
            if "rule_text" in r:
                F["rule_records"] += 1
                F["rule_records_by_text"] += r["rule_text"] == r["rule"]["text"]
                F["rule_records_count_empty"] += r.get("count_text") == ""
                F["rule_records_count_fraction"] += "." in r.get("count_text", "")
                F["rule_records_points_empty"] += r["points"] == ""
                F["rule_records_kind_empty"] += bool(r.get("kind_blank"))
            elif r["kind"] != "veto":
                F["records_without_rule"] += 1
        sums = collections.defaultdict(lambda: D(0))
        for r in self.daily:
            if "rule_text" in r and "R" in r:
                ct = r.get("count_text", "")
                try:
                    sums[(r["R"]["file"], r["uid"], r["I"]["key"], id(r["rule"]))] += \
                        (D(ct) if ct else D(1)) * r["rule"]["points"]
                except Exception:
                    pass
        caps = {id(ru): ru.get("max") for R in self.rubrics for I in self.items(R) for ru in I.get("rules", [])}
        for (f_, u_, k_, rid), v in sums.items():
            if caps.get(rid) is not None and v > caps[rid]:
                F["rule_caps_binding"] += 1
        with open(os.path.join(self.out, "features.txt"), "w") as f:
            for k in sorted(F):
                f.write(f"{k}: {F[k]}\n")

    # ------------------------------------------------------------ CSV text
    def date_text(self, d):
        f = self.rng.randint(0, 2)
        if f == 0:
            return d.isoformat()
        if f == 1:
            return f"{d.year}/{d.month}/{d.day}"
        return f"{d.year}年{d.month}月{d.day}日"

    def annual_cells(self, rec):
        rng = self.rng
        R, I = rec["R"], rec["I"]
        c = {}
        c["unit"] = rec.get("unit_text") or self.unit_ref(R, rec["uid"])
        c["item"] = rec.get("item_text") or self.item_ref(I)
        if "scorer_text" in rec:
            c["scorer"] = rec["scorer_text"]
        else:
            sid = rec["sid"]
            if len(I["scorers"]) == 1 and rng.random() < 0.25:
                c["scorer"] = ""
            else:
                c["scorer"] = self.pad(sid if rng.random() < 0.6 else dict(R["scorers"])[sid])
        if "score_text" in rec:
            c["score"] = rec["score_text"]
        elif rec["val"] == "na":
            c["score"] = self.pad(rng.choice(NA_TEXT))
        else:
            s = dstr(rec["val"])
            if rng.random() < 0.04:
                s = "+" + s
            c["score"] = self.pad(s)
        c["note"] = rng.choice(NOTES)
        return c

    def daily_cells(self, rec):
        rng = self.rng
        R = rec["R"]
        c = {}
        c["date"] = rec["date_text"] if "date_text" in rec else self.date_text(rec["date"])
        c["unit"] = rec.get("unit_text") or self.unit_ref(R, rec["uid"])
        c["item"] = rec.get("item_text") if "item_text" in rec else (self.item_ref(rec["I"]) if rec["I"] else "")
        if rec.get("kind_blank") and "kind_text" not in rec:
            c["kind"] = ""
        else:
            c["kind"] = rec.get("kind_text") or self.pad(rng.choice(KIND_TEXT[rec["kind"]]))
        if "rule_text" in rec:
            c["rule"] = self.pad(rec["rule_text"])
        if "count_text" in rec:
            c["count"] = rec["count_text"]
        c["points"] = rec["points"] if rec.get("raw_points") else self.pad(rec["points"])
        c["method"] = rec.get("method_text") or rng.choice(sum(METHOD_TEXT.values(), []))
        c["note"] = rng.choice(NOTES)
        return c

    def render(self, fname, hdrs, cols, recs, cellfn, drop_col=None, blank_cols=(), extras=True):
        """Write one CSV file; sets rec['loc'] = (fname, line)."""
        rng = self.rng
        cols = cols[:]
        if drop_col:
            cols.remove(drop_col)
        extra = rng.sample(EXTRA_COLS, rng.choice([0, 0, 1, 2])) if extras else []
        allc = cols + extra
        rng.shuffle(allc)
        header = []
        for c in allc:
            h = rng.choice(hdrs[c]) if c in hdrs else c
            if rng.random() < 0.2:
                h = " " + h + " "
            header.append(h)
        eol = "\r\n" if rng.random() < 0.4 else "\n"
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator=eol)
        w.writerow(header)
        for rec in recs:
            r = rng.random()
            if r < 0.06:
                buf.write(eol)
            elif r < 0.09:
                w.writerow([""] * len(allc))
            line = buf.getvalue().count("\n") + 1
            rec["loc"] = (fname, line)
            cells = cellfn(rec)
            w.writerow([cells.get(c, "" if c in blank_cols else rng.choice(["1", "x", ""])) for c in allc])
        if rng.random() < 0.2:
            buf.write(eol)
        text = buf.getvalue()
        enc = rng.choice(["utf8", "utf8", "bom", "gb"])
        if self.force_enc:
            enc = self.force_enc
        if enc == "gb":
            data = text.encode("gb18030")
            try:
                data.decode("utf-8")
                if any(ord(ch) > 127 for ch in text):
                    data = text.encode("utf-8")  # would be misdetected; keep utf-8
                    enc = "utf8"
            except UnicodeDecodeError:
                pass
        elif enc == "bom":
            data = b"\xef\xbb\xbf" + text.encode("utf-8")
        else:
            data = text.encode("utf-8")
        self.encs.append(enc)
        with open(os.path.join(self.out, fname), "wb") as f:
            f.write(data)

    # ------------------------------------------------------------ bad injection
    BAD_KINDS = ["unknown_unit", "unknown_item", "unknown_scorer", "duplicate", "score_out_of_range",
                 "bad_score_number", "missing_cell", "mixed_na", "daily_touches_na", "date_outside_period",
                 "bad_date", "bad_kind", "bad_method", "points_nonpositive", "veto_with_points",
                 "no_applicable_item", "missing_column",
                 "rb_unknown_key", "rb_sum_mismatch", "rb_weights", "rb_undeclared_scorer",
                 "rb_start_with_scorers", "rb_max_places", "rb_grade_order", "rb_last_min",
                 "rb_first_min", "rb_dup_item_id", "rb_dup_item_title", "rb_dup_section_id",
                 "rb_period_reversed", "rb_max_nonpositive", "rb_bad_decimals", "rb_bad_ranking",
                 "dup_unit_across", "rb_zero_weight"]

    def run(self, out):
        rng = self.rng
        self.out = out
        os.makedirs(out, exist_ok=True)
        self.encs = []
        self.force_enc = None
        self.need_scorer_col = False
        self.need_rule_cols = False
        self.feat = collections.Counter()
        self.bad_rec = None
        self.p2_locs = []
        if self.bad:
            if self.p2 and rng.random() < 0.7:
                self.badkind = rng.choice(P2_BAD_KINDS)
            else:
                self.badkind = rng.choice(self.BAD_KINDS)
        self.make_rubrics()
        kc = 0
        for R in self.rubrics:
            for I in self.items(R):
                I["key"] = kc
                kc += 1
            for G in self.groups(R):
                G["key"] = f"g{kc}"
                kc += 1
        self.make_records()
        rubric_inj = {}
        if self.bad:
            self.inject_pre(rubric_inj)
            for R in self.rubrics:
                self.recompute_groups(R)   # a changed leaf max must not also break a group's written max
        # rubric files
        for R in self.rubrics:
            T = self.write_rubric(R, rubric_inj.get(R["id"]))
            R["T"] = T
            with open(os.path.join(out, R["file"]), "w", encoding="utf-8") as f:
                f.write(T.text())
        # annual files
        multi = any(len(I["scorers"]) > 1 for R in self.rubrics for I in self.items(R))
        acols = ["unit", "item", "score"] + (["scorer"] if multi or rng.random() < 0.5 else []) + \
                (["note"] if rng.random() < 0.5 else [])
        recs = self.annual
        if not self.bad and rng.random() < 0.2:
            # drop one cell on purpose
            cand = [r for r in recs if r["val"] != "na"]
            if cand:
                recs.remove(rng.choice(cand))
                self.allow_missing = True
        if rng.random() < 0.15:
            self.allow_missing = True
        if self.bad and self.badkind == "missing_cell":
            self.allow_missing = False
        rng.shuffle(recs)
        mode = rng.choice(["one", "one", "perscorer", "two"])
        if self.bad and self.badkind == "duplicate":
            mode = rng.choice(["one", "two"])
        groups = {}
        if mode == "one" or not recs:
            groups["annual.csv"] = recs
        elif mode == "perscorer":
            for r in recs:
                groups.setdefault(f"annual_{r['sid']}.csv", []).append(r)
        else:
            cut = rng.randint(0, len(recs))
            groups["annual.csv"] = recs[:cut]
            groups["annual_2.csv"] = recs[cut:]
        self.annual_files = list(groups)
        self.daily_files = ["daily.csv"]
        drop = None
        if self.bad and self.badkind == "missing_column":
            drop = self.missing_col
        if rng.random() < 0.15:
            self.force_enc = "gb"
        if self.need_scorer_col and "scorer" not in acols:
            acols.append("scorer")
        for fname, rs in groups.items():
            dc = drop[1] if drop and drop[0] == "annual" and fname == self.annual_files[0] else None
            self.render(fname, ANNUAL_HDR, acols, rs, self.annual_cells, drop_col=dc)
        dcols = ["date", "unit", "item", "kind", "points", "method"] + (["note"] if rng.random() < 0.6 else [])
        if self.p2 and (self.need_rule_cols or any("rule_text" in r or "count_text" in r for r in self.daily)
                        or rng.random() < 0.3):
            dcols += ["rule", "count"]
        rng.shuffle(self.daily)
        self.render("daily.csv", DAILY_HDR, dcols, self.daily, self.daily_cells,
                    drop_col=drop[1] if drop and drop[0] == "daily" else None, blank_cols=("rule", "count"))
        # command
        args = ["score", "--format", "json"]
        for R in self.rubrics:
            args += ["--rubric", R["file"]]
        for f in self.annual_files:
            args += ["--annual", f]
        for f in self.daily_files:
            args += ["--daily", f]
        if self.allow_missing:
            args.append("--allow-missing")
        if all(e == "gb" for e in self.encs) and rng.random() < 0.5:
            args += ["--encoding", "gbk"]
        elif all(e != "gb" for e in self.encs) and rng.random() < 0.2:
            args += ["--encoding", rng.choice(["utf8", "auto"])]
        with open(os.path.join(out, "cmd.txt"), "w") as f:
            f.write("\n".join(args) + "\n")
        self.write_features()
        if self.bad:
            self.inject_post()
            with open(os.path.join(out, "expect.txt"), "w") as f:
                kind = self.badkind
                if kind.startswith("rb_") and getattr(self, "rb_kind", None):
                    kind = self.rb_kind   # a fallback may have replaced the requested kind
                f.write(f"kind: {kind}\n")
                if not self.expect_locs:
                    f.write("loc: -\n")
                for fn, ln in self.expect_locs:
                    f.write(f"loc: {fn}:{ln}\n")

    # errors injected into the model / records before writing
    def inject_pre(self, rubric_inj):
        rng = self.rng
        k = self.badkind
        R = rng.choice(self.rubrics)
        items = self.items(R)
        self.bad_R = R
        dec = R["decimals"]
        if k == "unknown_unit":
            rec = dict(rng.choice(self.annual)) if self.annual and rng.random() < 0.5 else None
            if rec:
                uid = rec["uid"]
                rec["unit_text"] = dict(rec["R"]["units"])[uid][:-1] or "zz"
                rec["unit_text"] = rec["unit_text"] + "x" if rec["unit_text"] in self.all_unit_refs() else rec["unit_text"]
                self.annual.append(rec)
            else:
                rec = dict(rng.choice(self.daily)) if self.daily else None
                if rec is None:
                    rec = self.new_daily(R)
                rec["unit_text"] = "nosuchunit"
                self.daily.append(rec)
            self.bad_rec = rec
        elif k == "unknown_item":
            if self.annual and rng.random() < 0.5:
                rec = dict(rng.choice(self.annual))
                self.annual.append(rec)
            else:
                rec = self.new_daily(R)
                self.daily.append(rec)
            rec["item_text"] = "9.99"
            self.bad_rec = rec
        elif k == "unknown_scorer":
            if not self.annual:
                return self.fallback(rubric_inj)
            rec = dict(rng.choice(self.annual))
            rec["scorer_text"] = "ghost_scorer"
            self.need_scorer_col = True
            self.annual.append(rec)
            self.bad_rec = rec
        elif k == "duplicate":
            if not self.annual:
                return self.fallback(rubric_inj)
            rec = dict(rng.choice(self.annual))
            if rec["val"] != "na":
                rec["val"] = self.value_for(rec["I"], dec)
            if len(rec["I"]["scorers"]) == 1:
                rec["scorer_text"] = rec["sid"]   # must not be empty when scorer column ...
            self.annual.append(rec)
            self.bad_rec = rec
            self.dup_orig = next(r for r in self.annual if r["R"] is rec["R"] and r["uid"] == rec["uid"]
                                 and r["I"] is rec["I"] and r["sid"] == rec["sid"] and r is not rec)
        elif k in ("score_out_of_range", "bad_score_number"):
            cand = [r for r in self.annual if r["val"] != "na"]
            if not cand:
                return self.fallback(rubric_inj)
            rec = rng.choice(cand)
            if k == "score_out_of_range":
                rec["score_text"] = rng.choice([dstr(rec["I"]["max"] + q(dec + 1)), "-1", "-0.5",
                                                dstr(rec["I"]["max"] + 1)])
            else:
                rec["score_text"] = rng.choice(["1e1", "1,5", "abc", "1.2.3", "五", "0x10"])
            self.bad_rec = rec
        elif k == "missing_cell":
            cand = [r for r in self.annual if r["val"] != "na"]
            if not cand:
                return self.fallback(rubric_inj)
            self.annual.remove(rng.choice(cand))
        elif k == "mixed_na":
            cand = [r for r in self.annual if len(r["I"]["scorers"]) > 1]
            if not cand:
                return self.fallback(rubric_inj)
            rec = rng.choice(cand)
            uid, I = rec["uid"], rec["I"]
            if rec["val"] == "na":
                rec["val"] = self.value_for(I, dec)
            else:
                rec["val"] = "na"
            self.daily = [d for d in self.daily if not (d["R"] is rec["R"] and d["uid"] == uid and d["I"] is I)]
            self.bad_group = [r for r in self.annual if r["R"] is rec["R"] and r["uid"] == uid and r["I"] is I]
        elif k == "daily_touches_na":
            cand = [r for r in self.annual if r["val"] == "na"]
            if not cand:
                return self.fallback(rubric_inj)
            a = rng.choice(cand)
            rec = self.new_daily(a["R"], a["uid"], a["I"])
            if rng.random() < 0.2:
                rec["kind"] = "veto"
                rec["points"] = ""
            self.daily.append(rec)
            self.bad_rec = rec
        elif k in ("date_outside_period", "bad_date", "bad_kind", "bad_method", "points_nonpositive",
                   "veto_with_points"):
            rec = self.new_daily(R)
            if k == "date_outside_period":
                rec["date"] = rng.choice([R["pstart"] - datetime.timedelta(days=1),
                                          R["pend"] + datetime.timedelta(days=1),
                                          R["pend"] + datetime.timedelta(days=400)])
            elif k == "bad_date":
                y = R["pstart"].year
                rec["date_text"] = rng.choice([f"{y}-02-30", f"{y}_05_19", f"05/19/{y}", f"{y}-13-01", "", "yesterday"])
            elif k == "bad_kind":
                rec["kind_text"] = rng.choice(["penalty", "减分", "deducted", "vetoo"])
            elif k == "bad_method":
                rec["method_text"] = rng.choice(["phone_call", "电话抽查", "daily record", "spot-check"])
            elif k == "points_nonpositive":
                rec["points"] = rng.choice(["0", "-1.5", "0.000", ""])
                rec["raw_points"] = True
            elif k == "veto_with_points":
                rec["kind"] = "veto"
                rec["points"] = rng.choice(["1", "0.5", "-2"])
            self.daily.append(rec)
            self.bad_rec = rec
        elif k == "no_applicable_item":
            uid = rng.choice(R["units"])[0]
            for r in self.annual:
                if r["R"] is R and r["uid"] == uid:
                    r["val"] = "na"
            self.daily = [d for d in self.daily if not (d["R"] is R and d["uid"] == uid)]
        elif k == "missing_column":
            which = rng.choice(["annual", "daily"])
            if which == "annual":
                self.missing_col = ("annual", rng.choice(["unit", "item", "score"]))
            else:
                self.missing_col = ("daily", rng.choice(["date", "unit", "item", "kind", "points", "method"]))
        elif k.startswith("rb_") or k == "dup_unit_across":
            self.inject_rubric(R, k, rubric_inj)
        elif k.startswith("p2_"):
            self.inject_p2(k)
        return None

    def inject_p2(self, k):
        """part-two faults; rubric faults leave (rubric, loc key) pairs in self.p2_locs"""
        rng = self.rng
        withg = [R for R in self.rubrics if self.groups(R)]
        ruled = [(R, I) for R in self.rubrics for I in self.items(R) if I.get("rules")]
        if (k in P2_NEED_GROUPS and not withg) or (k in P2_NEED_RULES and not ruled):
            k = self.badkind = "p2_alias_dup"      # fallback, always possible
        L = self.p2_locs
        if k == "p2_group_forbidden_key":
            R = rng.choice(withg)
            G = rng.choice(self.groups(R))
            sid = R["scorers"][0][0]
            G["bad_key"] = rng.choice([f"scorers = {{ {sid} = 1 }}", f"scorers.{sid} = 1", 'start = "zero"',
                                       'start = "full"', "max_deduct = 1", "max_add = 0.5"])
            L += [(R, ("gbadkey", G["key"])), (R, ("ihead", G["key"])), (R, ("iid", G["key"]))]
        elif k == "p2_group_rule":
            R = rng.choice(withg)
            G = rng.choice(self.groups(R))
            G["bad_rule"] = {"id": rng.choice(RULE_IDS), "text": rng.choice(RULE_TEXTS),
                             "kind": rng.choice(["deduct", "add"]), "points": rng.choice(RULE_POINTS)}
            L += [(R, ("rhead", G["key"], 0)), (R, ("rid", G["key"], 0)),
                  (R, ("ihead", G["key"])), (R, ("iid", G["key"]))]
        elif k == "p2_group_max_sum":
            R = rng.choice(withg)
            G = rng.choice(self.groups(R))
            self.recompute_groups(R)
            delta = rng.choice([D(1), q(R["decimals"])])
            if G["max"] - delta > 0 and rng.random() < 0.5:
                G["bad_max"] = G["max"] - delta
            else:
                G["bad_max"] = G["max"] + delta
            L += [(R, ("max", G["key"])), (R, ("ihead", G["key"])), (R, ("iid", G["key"]))]
        elif k == "p2_group_empty":
            R = rng.choice(self.rubrics)
            S = rng.choice(R["sections"])
            G = {"group": True, "id": "g_empty", "title": "空分组", "write_max": False, "children": [],
                 "empty_items": rng.random() < 0.6, "key": "g_empty"}
            where = [S["tree"]] + [g["children"] for g in S["groups"]]
            lst = rng.choice(where)
            lst.insert(rng.randint(0, len(lst)), G)
            L += [(R, ("ihead", "g_empty")), (R, ("iid", "g_empty"))]
            L += [(R, ("gitem", "g_empty"))] if G["empty_items"] else [(R, ("ititle", "g_empty"))]
        elif k == "p2_rule_dup_id":
            R, I = rng.choice(ruled)
            ru = rng.choice(I["rules"])
            texts = [t for t in RULE_TEXTS if t not in {x["text"] for x in I["rules"]}]
            new = {"id": ru["id"], "text": rng.choice(texts), "kind": rng.choice(["deduct", "add"]),
                   "points": rng.choice(RULE_POINTS)}
            I["rules"].insert(rng.randint(0, len(I["rules"])), new)
            self.p2_dup = (R, I, ru, new)
        elif k == "p2_rule_bad_points":
            R, I = rng.choice(ruled)
            ru = rng.choice(I["rules"])
            ru["points"] = rng.choice([D(0), D("-0.5"), D("-1"), D("0.000")])
            j = I["rules"].index(ru)
            L += [(R, ("rpoints", I["key"], j)), (R, ("rid", I["key"], j)), (R, ("rhead", I["key"], j))]
        elif k == "p2_alias_dup":
            units = [(R, uid, un) for R in self.rubrics for uid, un in R["units"]]
            (R1, u1, n1), (R2, u2, n2) = rng.sample(units, 2)
            opts = [("id", u2), ("name", n2)] + [("alias", a) for a in R2["aliases"].get(u2, [])]
            what, val = rng.choice(opts)
            al = R1["aliases"].setdefault(u1, [])
            al.insert(rng.randint(0, len(al)), val)
            L.append((R1, ("aliases", u1)))
            if what == "alias":
                L.append((R2, ("aliases", u2)))
        elif k in ("p2_points_mismatch", "p2_count_nonpositive", "p2_unknown_rule", "p2_rule_kind_mismatch"):
            pairs = [(R, uid, I) for R, I in ruled for uid, _ in R["units"] if I["key"] not in R["na"][uid]]
            if not pairs:
                self.badkind = "p2_alias_dup"
                return self.inject_p2("p2_alias_dup")
            R, uid, I = rng.choice(pairs)
            rec = self.rule_record(uid, I, R)
            ru = rec["rule"]
            if k == "p2_points_mismatch":
                prod = (D(rec["count_text"]) if rec["count_text"] else D(1)) * ru["points"]
                rec["points"] = dstr(rng.choice([prod * 2, prod + D("0.5"), prod + q(R["decimals"] + 1),
                                                 ru["points"] + D(1)]))
                if rec["count_text"] in ("", "1", "1.0") and D(rec["points"]) == prod:
                    rec["points"] = dstr(prod * 2)
            elif k == "p2_count_nonpositive":
                rec["count_text"] = rng.choice(["0", "-1", "0.0", "-2.5", "0.00"])
                rec["points"] = ""
            elif k == "p2_unknown_rule":
                mine = {x["id"] for x in I["rules"]} | {x["text"] for x in I["rules"]}
                cands = [x for x in RULE_IDS + RULE_TEXTS + ["nosuchrule", "未知规则"] if x not in mine]
                rec["rule_text"] = rng.choice(cands)
            else:
                other = {"deduct": ["add", "veto"], "add": ["deduct", "veto"]}[ru["kind"]]
                rec["kind_text"] = self.pad(rng.choice(KIND_TEXT[rng.choice(other)]))
            self.need_rule_cols = True
            self.daily.append(rec)
            self.bad_rec = rec
        elif k == "p2_count_without_rule":
            R = rng.choice(self.rubrics)
            rec = self.new_daily(R)
            rec["count_text"] = rng.choice(["1", "2", "0.5", "3"])
            self.need_rule_cols = True
            self.daily.append(rec)
            self.bad_rec = rec
        elif k == "p2_row_names_group":
            R = rng.choice(withg)
            G = rng.choice(self.groups(R))
            ref = G["id"] if rng.random() < 0.6 else G["title"]
            mine = [r for r in self.annual if r["R"] is R]
            if mine and rng.random() < 0.5:
                rec = dict(rng.choice(mine))
                self.annual.append(rec)
            else:
                rec = self.new_daily(R)
                self.daily.append(rec)
            rec["item_text"] = ref
            self.bad_rec = rec

    def fallback(self, rubric_inj):
        self.badkind = "rb_unknown_key"
        self.inject_rubric(self.bad_R, "rb_unknown_key", rubric_inj)

    def all_unit_refs(self):
        s = set()
        for R in self.rubrics:
            for u, n in R["units"]:
                s.add(u)
                s.add(n)
            for al in R.get("aliases", {}).values():
                s |= set(al)
        return s

    def new_daily(self, R, uid=None, I=None):
        rng = self.rng
        uid = uid or rng.choice(R["units"])[0]
        if I is None:
            app = [I for I in self.items(R) if I["key"] not in R["na"][uid]]
            I = rng.choice(app) if app else None
        d = R["pstart"] + datetime.timedelta(days=rng.randint(0, (R["pend"] - R["pstart"]).days))
        return {"R": R, "uid": uid, "I": I, "kind": rng.choice(["deduct", "add"]), "points": "0.5", "date": d}

    def inject_rubric(self, R, k, rubric_inj):
        rng = self.rng
        items = self.items(R)
        self.rb_kind = k
        self.rb_R = R
        if k == "rb_unknown_key":
            if rng.random() < 0.5:
                rubric_inj[R["id"]] = "unknown_key_top"
            else:
                rng.choice(items)["extra_key"] = True
        elif k == "rb_sum_mismatch":
            I = rng.choice(items)
            I["max"] = I["max"] + D(1)
            self.rb_item = I
        elif k in ("rb_weights", "rb_undeclared_scorer", "rb_zero_weight"):
            cand = [I for I in items if I["scorers"]]
            if not cand:
                return self.inject_rubric(R, "rb_unknown_key", rubric_inj)
            I = rng.choice(cand)
            I["form"] = "inline"
            s0, w0 = I["scorers"][0]
            if k == "rb_weights":
                I["scorers"][0] = (s0, w0 + D("0.01"))
            elif k == "rb_zero_weight":
                I["scorers"] = I["scorers"] + [(self.unused_scorer(R, I), D(0))]
            else:
                I["scorers"][0] = ("ghost", w0)
            self.rb_item = I
        elif k == "rb_start_with_scorers":
            cand = [I for I in items if I["scorers"]]
            if not cand:
                return self.inject_rubric(R, "rb_unknown_key", rubric_inj)
            I = rng.choice(cand)
            I["start"] = rng.choice(["full", "zero"])
            self.rb_item = I
        elif k == "rb_max_places":
            if len(items) < 2:
                return self.inject_rubric(R, "rb_sum_mismatch", rubric_inj)
            a, b = rng.sample(items, 2)
            delta = q(R["decimals"] + 1)
            a["max"] += delta
            b["max"] -= delta
            self.rb_items = [a, b]
        elif k in ("rb_grade_order", "rb_last_min", "rb_first_min"):
            G = R["grades"]
            if k == "rb_grade_order":
                if len(G) < 3:
                    G.insert(0, {"id": "top", "label": "顶级", "min": G[0]["min"]})
                    self.rb_g = [0, 1]
                else:
                    G[0]["min"], G[1]["min"] = G[1]["min"], G[0]["min"]
                    self.rb_g = [0, 1]
            elif k == "rb_last_min":
                G[-1]["min"] = D(1)   # the previous min is >= 30% of total >= 3
                self.rb_g = [len(G) - 1]
            else:
                G[0]["min"] = R["total"] + 1
                self.rb_g = [0]
        elif k == "rb_dup_item_id":
            if self.p2:
                items = items + self.groups(R)   # ids are unique across all levels
            if len(items) < 2:
                return self.inject_rubric(R, "rb_unknown_key", rubric_inj)
            a, b = rng.sample(items, 2)
            b["id"] = a["id"]
            self.rb_items = [a, b]
        elif k == "rb_dup_item_title":
            if self.p2:
                items = items + self.groups(R)   # titles too
            if len(items) < 2:
                return self.inject_rubric(R, "rb_unknown_key", rubric_inj)
            a, b = rng.sample(items, 2)
            b["title"] = a["title"]
            self.rb_items = [a, b]
        elif k == "rb_dup_section_id":
            if len(R["sections"]) < 2:
                return self.inject_rubric(R, "rb_unknown_key", rubric_inj)
            a, b = R["sections"][:2]
            b["id"] = a["id"]
        elif k == "rb_period_reversed":
            a = R["pend"]
            R["period"] = (a + datetime.timedelta(days=5), a)
        elif k == "rb_max_nonpositive":
            if len(items) < 2:
                return self.inject_rubric(R, "rb_unknown_key", rubric_inj)
            a, b = rng.sample(items, 2)
            b["max"] += a["max"]
            a["max"] = D(0)
            self.rb_items = [a]
        elif k == "rb_bad_decimals":
            R["write_decimals"] = True
            R["decimals_text"] = rng.choice(["7", "-1", "\"2\"", "2.5"])
        elif k == "rb_bad_ranking":
            R["ranking"] = rng.choice(["olympic", "standard", "ties"])
        elif k == "dup_unit_across":
            R1, R2 = self.rubrics
            u = R1["units"][0]
            if rng.random() < 0.5:
                R2["units"].append((u[0], "新增单位"))
                self.rb_dup = ("uid", u[0])
            else:
                R2["units"].append(("newunit", u[1]))
                self.rb_dup = ("uname", "newunit")
            # the new unit has no annual scores (more errors are fine)
            self.rb_R = R2

    def unused_scorer(self, R, I):
        used = {s for s, _ in I["scorers"]}
        for s, _ in R["scorers"]:
            if s not in used:
                return s
        return "ghost"

    def inject_post(self):
        k = self.badkind
        L = self.expect_locs
        if k in ("unknown_unit", "unknown_item", "unknown_scorer", "score_out_of_range", "bad_score_number",
                 "daily_touches_na", "date_outside_period", "bad_date", "bad_kind", "bad_method",
                 "points_nonpositive", "veto_with_points"):
            L.append(self.bad_rec["loc"])
        elif k == "duplicate":
            L.append(self.bad_rec["loc"])
            L.append(self.dup_orig["loc"])
        elif k == "mixed_na":
            for r in self.bad_group:
                L.append(r["loc"])
        elif k == "missing_column":
            which, col = self.missing_col
            L.append((self.annual_files[0] if which == "annual" else "daily.csv", 1))
        elif k.startswith("p2_"):
            if self.bad_rec is not None:
                L.append(self.bad_rec["loc"])
            if k == "p2_rule_dup_id":
                R, I, a, b = self.p2_dup
                for ru in (a, b):
                    j = next(j for j, x in enumerate(I["rules"]) if x is ru)
                    self.p2_locs.append((R, ("rid", I["key"], j)))
            for R, key in self.p2_locs:
                if key in R["T"].loc:
                    L.append((R["file"], R["T"].loc[key]))
        elif k.startswith("rb_") or k == "dup_unit_across":
            R = self.rb_R
            T = R["T"]
            f = R["file"]
            loc = T.loc
            kk = self.rb_kind
            if kk == "rb_unknown_key":
                L.append((f, loc[("bad",)]))
            elif kk == "rb_sum_mismatch":
                L.append((f, loc[("total",)]))
                L.append((f, loc[("max", self.rb_item["key"])]))
            elif kk in ("rb_weights", "rb_undeclared_scorer", "rb_zero_weight"):
                L.append((f, loc[("scorers", self.rb_item["key"])]))
            elif kk == "rb_start_with_scorers":
                L.append((f, loc[("start", self.rb_item["key"])]))
                L.append((f, loc[("scorers", self.rb_item["key"])]))
            elif kk in ("rb_max_places", "rb_max_nonpositive"):
                for I in self.rb_items:
                    L.append((f, loc[("max", I["key"])]))
            elif kk in ("rb_grade_order", "rb_last_min", "rb_first_min"):
                for g in self.rb_g:
                    L.append((f, loc[("gmin", g)]))
            elif kk == "rb_dup_item_id":
                for I in self.rb_items:
                    L.append((f, loc[("iid", I["key"])]))
            elif kk == "rb_dup_item_title":
                for I in self.rb_items:
                    L.append((f, loc[("ititle", I["key"])]))
            elif kk == "rb_dup_section_id":
                dup = R["sections"][0]["id"]
                for key, ln in loc.items():
                    if key[0] == "sid" and key[1] == dup:
                        L.append((f, ln))
            elif kk == "rb_period_reversed":
                L.append((f, loc[("pstart",)]))
                L.append((f, loc[("pend",)]))
            elif kk == "rb_bad_decimals":
                L.append((f, loc[("decimals",)]))
            elif kk == "rb_bad_ranking":
                L.append((f, loc[("ranking",)]))
            elif kk == "dup_unit_across":
                L.append((f, loc[self.rb_dup]))
        # missing_cell, no_applicable_item: no single location


# ================================================================ part three (SPEC 16-20)

P3_BAD_KINDS = ["p3_part_no_max", "p3_gate_on_scored", "p3_max_total_below", "p3_floor_positive",
                "p3_penalty_leaf_key", "p3_add_on_penalty", "p3_scorers_and_measure", "p3_scale_order",
                "p3_scale_base_range", "p3_undeclared_measure", "p3_unknown_measure", "p3_undeclared_class",
                "p3_measure_not_number", "p3_score_not_applicable", "p3_zero_on_na", "p3_zero_on_penalty",
                "p3_quota_last", "p3_quota_fraction", "p3_unknown_method",
                "p3_adj_no_reason", "p3_adj_bad_action", "p3_adj_unknown_line", "p3_adj_unknown_scorer",
                "p3_adj_out_of_range", "p3_adj_mixed_na", "p3_adj_withdraw_none", "p3_adj_withdraw_several",
                "p3_adj_duplicate_target"]
P3_NEED_PENALTY = {"p3_penalty_leaf_key", "p3_add_on_penalty", "p3_zero_on_penalty"}
P3_NEED_MEASURE = {"p3_scale_order", "p3_scale_base_range", "p3_undeclared_measure", "p3_unknown_measure",
                   "p3_measure_not_number", "p3_scorers_and_measure"}
P3_NEED_CLASSES = {"p3_score_not_applicable"}
MEASURE_POOL = [("good_rate", "好评率", "%"), ("on_time", "按时办结率", "%"), ("open_count", "主动公开信息条数", None),
                ("online", "网上办理率", "%"), ("reply", "回复及时率", "")]
CLASS_POOL = [("approval", "有行政审批职能的部门"), ("county", "县（市）"), ("window", "窗口单位"), ("law", "执法部门")]
METHOD_POOL = [("site_visit", "实地考评"), ("third_party", "第三方评估"), ("Desk_Review", "书面审查"),
               ("hotline", "热线回访")]
BONUS_TITLES = ["获上级表彰加分", "经验交流加分", "典型案例加分", "Bonus, misc", "示范创建加分"]
PENALTY_TITLES = ["被上级通报批评", "舆情处置不力", "数据弄虚作假", "Penalty line, misc", "整改不到位"]
SCALE_RANGES = [(D(0), D(100)), (D(60), D(100)), (D(85), D(100)), (D(89), D(99)), (D(0), D(1)), (D(0), D(50)),
                (D("90.5"), D("99.5"))]
MEAS_HDR = {"unit": ["unit", "Unit", "单位"], "measure": ["measure", "Measure", "指标", "数据项"],
            "value": ["value", "VALUE", "数值", "值"], "note": ["note", "备注"]}
ADJ_HDR = {"unit": ["unit", "Unit", "单位"], "item": ["item", "Item", "项目"], "action": ["action", "Action", "调整方式"],
           "scorer": ["scorer", "评分单位"], "score": ["score", "Score", "得分"], "date": ["date", "日期"],
           "kind": ["kind", "类型"], "points": ["points", "分值"], "rule": ["rule", "规则"],
           "reason": ["reason", "Reason", "理由"], "document": ["document", "文号"]}
ADJ_COLS = ["unit", "item", "action", "scorer", "score", "date", "kind", "points", "rule", "reason", "document"]
ACTION_TEXT = {"rescore": ["rescore", "Rescore", "改分", "调整得分"], "withdraw": ["withdraw", "WITHDRAW", "撤销", "撤销记录"]}
ZERO_TEXT = ["zero", "Zero", "不得分", "此项不得分", "该项不得分"]
REASONS = ["依据不足", "材料补齐", "复核认定，原扣分有误", "Scorer's typo, corrected", "原评分单位更正, 见附件"]
DOCUMENTS = ["", "", "复核1号", "塔行办函〔2021〕3号"]


class Gen3(Gen):
    """--part3: part-two shapes (levels, rules, aliases) plus every mechanic of SPEC 16-20."""

    def __init__(self, seed, bad):
        super().__init__(seed, bad, part1=True)
        self.rng = random.Random(f"part3:{seed}")     # a stream of its own
        self.p2 = True

    # ------------------------------------------------------------ helpers
    def chain(self, n):
        out = []
        while n is not None:
            out.append(n)
            n = n.get("parent")
        return out

    def applies(self, R, uid, I):
        cl = set(R["uclasses"][uid])
        for n in self.chain(I):
            if "applies_to" in n and not (cl & set(n["applies_to"])):
                return False
            if "except" in n and (cl & set(n["except"])):
                return False
        return True

    def scored_leaves(self, R):
        return [I for S in R["sections"] if S["kind"] == "scored" for I in S["items"]]

    def still_ok(self, R, na):
        """some leaf of a scored section stays applicable"""
        return any(I["key"] not in na for I in self.scored_leaves(R))

    def places_ok(self, d, dec):
        return -d.normalize().as_tuple().exponent <= dec

    def pick_num(self, cands, dec):
        c = [x for x in cands if self.places_ok(x, dec) and x > 0]
        return self.rng.choice(c or [D(1)])

    def set_floor(self, R, I):
        dec = R["decimals"]
        c = [x for x in [D(0), D(-1), D(-2), D("-0.5"), -I["max"], D("-1.5")] if self.places_ok(x, dec)]
        I["floor"] = self.rng.choice(c)

    def make_scale(self, R, I):
        rng = self.rng
        mx, fl = I["max"], I.get("floor", D(0))
        step = I.get("interpolate") == "step"
        n = rng.randint(1, 4) if step else rng.randint(2, 4)
        lo, hi = rng.choice(SCALE_RANGES)
        vals = {lo, hi}
        while len(vals) < n:
            p = rng.choice([0, 0, 1, 2])
            vals.add((lo + (hi - lo) * D(rng.randint(1, 99)) / 100).quantize(q(p), rounding=ROUND_DOWN))
        vals = sorted(vals)[:n] if n >= 2 else [rng.choice(sorted(vals))]
        cands = [fl, D(0), mx, mx / 2, (mx * D("0.6")).quantize(q(2)), (mx / 3).quantize(q(3))]
        cands += [(fl + (mx - fl) * D(rng.randint(0, 100)) / 100).quantize(q(rng.randint(0, 3)), rounding=ROUND_DOWN)
                  for _ in range(3)]
        cands = [c for c in cands if fl <= c <= mx]
        bases = [rng.choice(cands) for _ in vals]
        mode = rng.random()
        if mode < 0.55:
            bases.sort()
            if rng.random() < 0.6:
                bases[-1] = mx
        elif mode < 0.75:
            bases.sort(reverse=True)
        return [[v, b] for v, b in zip(vals, bases)]

    def make_measure_leaf(self, R, I, mid=None):
        rng = self.rng
        I["scorers"] = []
        I["start"] = None
        I["measure"] = mid or rng.choice(R["measures"])[0]
        I["interpolate"] = rng.choice(["linear", "linear", "step", None])
        I["scale"] = self.make_scale(R, I)

    def method_text(self, R):
        rng = self.rng
        if R.get("methods"):
            mid, lab = rng.choice(R["methods"])
            return rng.choice([mid, mid.lower(), mid.upper(), lab])
        return rng.choice(sum(METHOD_TEXT.values(), []))

    def rand_date(self, R):
        return R["pstart"] + datetime.timedelta(days=self.rng.randint(0, (R["pend"] - R["pstart"]).days))

    def plain_points(self, I, dec):
        rng = self.rng
        r = rng.random()
        if r < 0.4:
            return D(rng.randint(0, 30) * 10 + 5).scaleb(-(dec + 1))
        if r < 0.5:
            return I["max"] + D(1)
        p = rng.randint(0, 5)
        return D(rng.randint(1, 3 * 10 ** p)).scaleb(-p)

    def eff_points(self, rec):
        if rec["kind"] in ("veto", "zero"):
            return D(0)
        if "rule_text" in rec:
            ct = rec.get("count_text", "")
            return (D(ct) if ct else D(1)) * rec["rule"]["points"]
        return D(rec["points"])

    def target(self, rec):
        return rec["target"] if rec["kind"] == "zero" else rec["I"]

    # ------------------------------------------------------------ rubric model
    def p3_extend(self, R, ri):
        rng = self.rng
        k = self.badkind if self.bad else None
        dec = R["decimals"]
        R["na_policy"] = rng.choice(["rescale", "parent", "parent", "full", "full", None])
        for S in R["sections"]:
            S["kind"] = "scored"
            S["write_kind"] = rng.random() < 0.2
            S["write_smax"] = rng.random() < 0.2
        # classes
        ncls = rng.choice([0, 0, 1, 2, 3])
        if k in P3_NEED_CLASSES or k == "p3_zero_on_na":
            ncls = max(ncls, 2)
        pool = CLASS_POOL[:]
        rng.shuffle(pool)
        R["classes"] = pool[:ncls]
        cids = [c for c, _ in R["classes"]]
        R["uclasses"] = {uid: sorted(rng.sample(cids, rng.randint(0, len(cids)))) for uid, _ in R["units"]}
        R["write_uclasses"] = {uid: bool(cl) or rng.random() < 0.1 for uid, cl in R["uclasses"].items()}
        # measures
        nm = rng.choice([0, 1, 1, 2, 3])
        if k in P3_NEED_MEASURE:
            nm = max(nm, 1)
        R["measures"] = rng.sample(MEASURE_POOL, nm)
        R["measure_form"] = {m: rng.choice(["string", "table", "table"]) for m, _, _ in R["measures"]}
        for I in self.items(R):
            I["p3"] = True
            I["skind"] = "scored"
            if rng.random() < 0.15:
                self.set_floor(R, I)
            if R["measures"] and rng.random() < 0.25:
                self.make_measure_leaf(R, I)
        if k in P3_NEED_MEASURE and k != "p3_scorers_and_measure" and \
                not any(I.get("measure") for I in self.items(R)):
            self.make_measure_leaf(R, rng.choice(self.items(R)))
        for G in self.groups(R):
            G["p3"] = True
        # bonus and penalty parts
        want_bonus = rng.random() < 0.55
        want_pen = rng.random() < 0.5 or (k in P3_NEED_PENALTY and ri == 0)
        if k == "p3_part_no_max" and ri == 0 and not (want_bonus or want_pen):
            want_bonus = True
        if want_bonus:
            self.add_part(R, "bonus")
        if want_pen:
            self.add_part(R, "penalty")
        self.recompute_groups(R)
        # classes on leaves and groups of every part
        if cids:
            for S in R["sections"]:
                for n in S["items"] + S.get("groups", []):
                    r = rng.random()
                    if r < 0.15:
                        n["applies_to"] = rng.sample(cids, rng.randint(1, len(cids)))
                    elif r < 0.22:
                        n["except"] = rng.sample(cids, rng.randint(1, len(cids)))
            for uid, _ in R["units"]:
                while not any(self.applies(R, uid, I) for I in self.scored_leaves(R)):
                    for n in self.chain(rng.choice(self.scored_leaves(R))):
                        n.pop("applies_to", None)
                        n.pop("except", None)
        # max_total, veto, quotas, methods
        bonus_max = sum((S["max"] for S in R["sections"] if S["kind"] == "bonus"), D(0))
        if rng.random() < (0.5 if bonus_max else 0.2):
            R["max_total"] = rng.choice([R["total"], R["total"], R["total"] + bonus_max, R["total"] + 1,
                                         R["total"] + bonus_max + 5])
        if rng.random() < 0.65:
            V = {}
            x = rng.random()
            val = (R["total"] * D(rng.randint(0, 70)) / 100).quantize(q(dec), rounding=ROUND_DOWN)
            if x < 0.45:
                V["cap"] = val
            elif x < 0.75:
                V["total"] = val
            if rng.random() < 0.7:
                V["rank"] = rng.choice(["last", "last", "keep"])
            R["veto"] = V
        for G in R["grades"][:-1]:
            if rng.random() < 0.4:
                G["quota"] = rng.choice([D("0.3"), D("0.25"), D("0.5"), D("0.2"), D("0.34"), D(1), D(2), D(3)])
        if rng.random() < 0.25 or k == "p3_unknown_method":
            R["methods"] = rng.sample(METHOD_POOL, rng.randint(2, 4))

    def add_part(self, R, kind):
        rng = self.rng
        dec = R["decimals"]
        S = {"id": rng.choice(["bonus", "extra", "jiafen"] if kind == "bonus" else ["penalty", "minus", "koufen"]),
             "title": rng.choice(["加分项", "工作创新加分项目", "Bonus part"] if kind == "bonus"
                                 else ["倒扣分项", "扣分项目（倒扣）", "Penalty part"]),
             "kind": kind, "items": [], "groups": [], "write_kind": True, "write_smax": True,
             "max": self.pick_num([D(1), D(2), D(3), D(5), D(10), D("0.5"), D("1.5"), D("2.25")], dec)}
        if kind == "bonus" and rng.random() < 0.5:
            S["gate"] = (R["total"] * D(rng.randint(30, 90)) / 100).quantize(q(dec), rounding=ROUND_DOWN)
            if rng.random() < 0.5:
                S["gate_strict"] = rng.random() < 0.7
        titles = (BONUS_TITLES if kind == "bonus" else PENALTY_TITLES)[:]
        rng.shuffle(titles)
        leaves = []
        pre = "b" if kind == "bonus" else "p"
        for j in range(rng.randint(1, 3)):
            I = {"id": f"{pre}{j + 1}", "title": titles[j], "p3": True, "parent": None, "skind": kind,
                 "max": self.pick_num([D(1), D(2), D(3), D(5), D(6), D("0.5"), D("2.5"), D("1.25")], dec),
                 "scorers": [], "start": None}
            if kind == "bonus":
                r = rng.random()
                if r < 0.45:
                    nsc = len(R["scorers"])
                    ws = rng.choice([w for w in WEIGHT_SETS if len(w) <= nsc])
                    I["scorers"] = list(zip(rng.sample([s for s, _ in R["scorers"]], len(ws)), ws))
                elif r < 0.65 and R["measures"]:
                    if rng.random() < 0.15:
                        self.set_floor(R, I)
                    self.make_measure_leaf(R, I)
                else:
                    I["start"] = rng.choice(["zero", "zero", None, "full"])
                if rng.random() < 0.3:
                    I["max_add"] = rng.choice([D(1), D("0.5"), I["max"], D(4)])
                if "floor" not in I and rng.random() < 0.1:
                    self.set_floor(R, I)
                rkinds = ["add", "add", "deduct"]
            else:
                if rng.random() < 0.3:
                    I["max_deduct"] = rng.choice([D(1), D(2), I["max"], I["max"] + 2])
                rkinds = ["deduct"]
            if rng.random() < 0.6:
                n = rng.choice([1, 1, 2])
                I["rules"] = []
                for rid, txt in zip(rng.sample(RULE_IDS, n), rng.sample(RULE_TEXTS, n)):
                    ru = {"id": rid, "text": txt, "kind": rng.choice(rkinds),
                          "points": rng.choice(RULE_POINTS + [D(2), D(3)])}
                    if rng.random() < 0.4:
                        ru["max"] = rng.choice(RULE_MAX + [D(4)])
                    I["rules"].append(ru)
            leaves.append(I)
        S["tree"] = leaves[:]
        if len(leaves) >= 2 and rng.random() < 0.35:
            G = {"group": True, "id": pre + "g1", "title": "加分分组" if kind == "bonus" else "扣分分组",
                 "write_max": rng.random() < 0.5, "children": leaves[:2], "p3": True, "parent": None, "depth": 0}
            for I in leaves[:2]:
                I["parent"] = G
                I["depth"] = 1
            S["tree"] = [G] + leaves[2:]
            S["groups"] = [G]
        S["items"] = leaves
        R["sections"].insert(self.rng.randint(0, len(R["sections"])), S)

    # ------------------------------------------------------------ records
    def unit_data(self, R, uid):
        """n/a sets, annual values, measure values and daily records of one unit"""
        rng = self.rng
        dec = R["decimals"]
        leaves = self.items(R)
        cna = {I["key"] for I in leaves if not self.applies(R, uid, I)}
        na = set(cna)
        mvals = {}
        for mid, _, _ in R["measures"]:
            mls = [I for I in leaves if I.get("measure") == mid]
            v = self.measure_value(R, mid, mls)
            if rng.random() < 0.1 and self.still_ok(R, na | {I["key"] for I in mls}):
                v = "na"
                na |= {I["key"] for I in mls}
            mvals[mid] = v
        ana = set()
        sc = [I for I in leaves if I["scorers"] and I["key"] not in na]
        if sc and rng.random() < 0.3:
            for I in rng.sample(sc, min(len(sc), rng.randint(1, 2))):
                if self.still_ok(R, na | {I["key"]}):
                    na.add(I["key"])
                    ana.add(I["key"])
        full = [G for G in self.groups(R)
                if all(I["scorers"] or I["key"] in na for I in self.leaves_under(G))]
        if full and rng.random() < 0.2:
            keys = {I["key"] for I in self.leaves_under(rng.choice(full)) if I["key"] not in na}
            if keys and self.still_ok(R, na | keys):
                na |= keys
                ana |= keys
        vals = {}
        for I in leaves:
            if not I["scorers"]:
                continue
            if I["key"] in cna:
                if rng.random() < 0.3:
                    for sid, w in I["scorers"]:
                        if rng.random() < 0.8:
                            vals[(I["key"], sid)] = "na"
                continue
            for sid, w in I["scorers"]:
                vals[(I["key"], sid)] = "na" if I["key"] in ana else self.value_for(I, dec)
        recs = []
        app = [I for I in leaves if I["key"] not in na]
        for _ in range(rng.choice([0, 1, 2, 3, 4, 6])):
            I = rng.choice(app)
            if I["skind"] == "penalty":
                kind = "deduct"
            else:
                kind = rng.choice(["deduct", "deduct", "add"])
            if I.get("rules") and rng.random() < 0.6:
                rec = self.rule_record(uid, I, R)
            else:
                rec = {"uid": uid, "I": I, "kind": kind, "points": dstr(self.plain_points(I, dec)),
                       "R": R, "date": self.rand_date(R)}
            recs.append(rec)
        # two records of one day on one line (a withdrawal then needs points or a rule)
        plain = [r for r in recs if r["kind"] in ("deduct", "add")]
        if plain and rng.random() < 0.2:
            r0 = rng.choice(plain)
            pts = self.plain_points(r0["I"], dec)
            if pts != self.eff_points(r0):
                recs.append({"uid": uid, "I": r0["I"], "kind": r0["kind"], "points": dstr(pts), "R": R,
                             "date": r0["date"]})
        if rng.random() < 0.14:
            self.zero_record(R, uid, na, recs)
        if rng.random() < 0.12:
            vapp = [I for I in app if I["skind"] != "penalty"]      # only deduct records name a penalty line
            I = rng.choice(vapp) if vapp and rng.random() < 0.5 else None
            recs.append({"uid": uid, "I": I, "kind": "veto", "points": rng.choice(["", "", "0", "0.00"]),
                         "R": R, "date": self.rand_date(R)})
        for r in recs:
            r["method_text"] = self.method_text(R)
        return {"cna": cna, "na": na, "ana": ana, "mvals": mvals, "vals": vals, "recs": recs}

    def zero_record(self, R, uid, na, recs):
        rng = self.rng
        cands = []
        for S in R["sections"]:
            if S["kind"] == "penalty":
                continue
            if any(I["key"] not in na for I in S["items"]):
                cands.append(("section", S))
            for G in S.get("groups", []):
                if any(I["key"] not in na for I in self.leaves_under(G)):
                    cands.append(("group", G))
            for I in S["items"]:
                if I["key"] not in na:
                    cands.append(("leaf", I))
        if not cands:
            return
        what, n = rng.choice(cands)
        recs.append({"uid": uid, "I": None, "kind": "zero", "target": n, "what": what, "R": R,
                     "item_text": self.pad(n["id"] if rng.random() < 0.6 else n["title"]),
                     "kind_text": self.pad(rng.choice(ZERO_TEXT)), "points": rng.choice(["", "", "0", "0.00"]),
                     "date": self.rand_date(R)})

    def measure_value(self, R, mid, mls):
        """a value for a measure, near the scales of the leaves that use it"""
        rng = self.rng
        sc = rng.choice(mls)["scale"] if mls else [[D(0), D(0)], [D(100), D(1)]]
        lo, hi = sc[0][0], sc[-1][0]
        if lo == hi:
            lo, hi = lo - 10, hi + 10
        r = rng.random()
        if r < 0.2:
            return rng.choice(sc)[0]
        if r < 0.3:
            return lo - D(rng.randint(1, 20)) / rng.choice([1, 10])
        if r < 0.4:
            return hi + D(rng.randint(1, 20)) / rng.choice([1, 10])
        p = rng.choice([0, 1, 2, 3])
        return (lo + (hi - lo) * D(rng.randint(0, 1000)) / 1000).quantize(q(p), rounding=ROUND_DOWN)

    def make_records3(self):
        rng = self.rng
        self.annual, self.daily, self.meas = [], [], []
        self.dropped = []
        for R in self.rubrics:
            units = [u for u, _ in R["units"]]
            data = {}
            star = None
            if any("quota" in G for G in R["grades"]) and len(units) >= 3 and rng.random() < 0.4:
                star = rng.sample(units, rng.randint(2, min(3, len(units) - 1)))
                for u in star[1:]:
                    R["uclasses"][u] = R["uclasses"][star[0]]
                R["grades"][0]["quota"] = D(rng.randint(1, len(star) - 1))
                self.feat["quota_tie_setup"] += 1
            clone = None
            if star is None and len(units) >= 2 and rng.random() < 0.5:
                clone = rng.sample(units, 2)
                R["uclasses"][clone[1]] = R["uclasses"][clone[0]]
            for uid in units:
                data[uid] = self.unit_data(R, uid)
            if star:
                d0 = data[star[0]]
                for (key, sid), v in d0["vals"].items():
                    if v != "na":
                        I = next(I for I in self.items(R) if I["key"] == key)
                        d0["vals"][(key, sid)] = I["max"]
                for mid in d0["mvals"]:
                    if d0["mvals"][mid] != "na":
                        mls = [I for I in self.items(R) if I.get("measure") == mid]
                        d0["mvals"][mid] = max([I["scale"][-1][0] for I in mls] + [D(100)])
                d0["recs"] = [r for r in d0["recs"] if r["kind"] == "add"]
                pairs = [(star[0], u) for u in star[1:]]
            else:
                pairs = [tuple(clone)] if clone else []
            for a_, b_ in pairs:
                da = data[a_]
                data[b_] = {"cna": set(da["cna"]), "na": set(da["na"]), "ana": set(da["ana"]),
                            "mvals": dict(da["mvals"]), "vals": dict(da["vals"]),
                            "recs": [dict(r, uid=b_) for r in da["recs"]]}
            R["na"] = {uid: data[uid]["na"] for uid in units}
            R["cna"] = {uid: data[uid]["cna"] for uid in units}
            R["ana"] = {uid: data[uid]["ana"] for uid in units}
            R["mvals"] = {(uid, m): v for uid in units for m, v in data[uid]["mvals"].items()}
            for uid in units:
                for (key, sid), v in data[uid]["vals"].items():
                    I = next(I for I in self.items(R) if I["key"] == key)
                    self.annual.append({"R": R, "uid": uid, "I": I, "sid": sid, "val": v})
                self.daily += data[uid]["recs"]
            for uid in units:
                for mid, _, unit_ in R["measures"]:
                    v = R["mvals"][(uid, mid)]
                    self.meas.append({"R": R, "uid": uid, "mid": mid, "val": v,
                                      "pct": v != "na" and rng.random() < (0.5 if unit_ == "%" else 0.15)})
        # missing on purpose (valid cases): an annual cell or a measure value, with --allow-missing
        if not self.bad and rng.random() < 0.2:
            cand = [r for r in self.annual if r["val"] != "na" and r["I"]["key"] not in r["R"]["cna"][r["uid"]]]
            if cand:
                r = rng.choice(cand)
                self.annual.remove(r)
                self.dropped.append(r)
                self.allow_missing = True
        if not self.bad and rng.random() < 0.15:
            cand = [m for m in self.meas if m["val"] != "na" and any(
                I.get("measure") == m["mid"] and I["key"] not in m["R"]["na"][m["uid"]] for I in self.items(m["R"]))]
            if cand:
                m = rng.choice(cand)
                m["val"] = None
                self.allow_missing = True
                self.feat["measure_values_missing"] += 1
        if rng.random() < 0.1:
            self.allow_missing = True

    # ------------------------------------------------------------ adjustments (SPEC 20)
    def make_adjustments(self):
        rng = self.rng
        self.adj = []
        forced = self.bad and self.badkind.startswith("p3_adj")
        if not (forced or rng.random() < 0.6):
            return
        targeted = set()
        for _ in range(rng.choice([0, 1, 1, 2, 3, 4])):
            self.add_rescore(targeted)
        for d in list(self.dropped):
            if rng.random() < 0.5:
                self.rescore_row(d["R"], d["uid"], d["I"], d["sid"], self.value_for(d["I"], d["R"]["decimals"]),
                                 targeted, "supply")
        wd = set()
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            self.add_withdrawal(wd)
        rng.shuffle(self.adj)

    def rescore_row(self, R, uid, I, sid, val, targeted, why):
        rng = self.rng
        if (id(R), uid, I["key"], sid) in targeted:
            return None
        targeted.add((id(R), uid, I["key"], sid))
        row = {"R": R, "uid": uid, "action": "rescore", "I": I, "sid": sid, "val": val, "why": why,
               "reason": rng.choice(REASONS), "document": rng.choice(DOCUMENTS)}
        self.adj.append(row)
        self.feat["adjust_rescores"] += 1
        self.feat["adjust_rescore_" + why] += 1
        return row

    def add_rescore(self, targeted):
        rng = self.rng
        cand = [r for r in self.annual if r["I"]["key"] not in r["R"]["cna"][r["uid"]]]
        r = rng.random()
        if r < 0.12:
            # an annual-n/a leaf back to numbers (every scorer)
            lst = [(R, uid, I) for R in self.rubrics for uid, _ in R["units"] for I in self.items(R)
                   if I["key"] in R["ana"][uid]]
            if lst:
                R, uid, I = rng.choice(lst)
                if all((id(R), uid, I["key"], s) not in targeted for s, _ in I["scorers"]):
                    for s, _ in I["scorers"]:
                        self.rescore_row(R, uid, I, s, self.value_for(I, R["decimals"]), targeted, "from_na")
                    R["ana"][uid].discard(I["key"])
                    R["na"][uid].discard(I["key"])
                return
        if r < 0.22:
            # a single-scorer leaf to n/a, when nothing else of the unit's touches it
            lst = []
            for R in self.rubrics:
                for uid, _ in R["units"]:
                    if any(d["R"] is R and d["uid"] == uid and d["kind"] == "zero" for d in self.daily):
                        continue
                    for I in self.items(R):
                        if len(I["scorers"]) == 1 and I["key"] not in R["na"][uid] and \
                                self.still_ok(R, R["na"][uid] | {I["key"]}) and \
                                not any(d["R"] is R and d["uid"] == uid and d["I"] is I for d in self.daily) and \
                                (id(R), uid, I["key"], I["scorers"][0][0]) not in targeted:
                            lst.append((R, uid, I))
            if lst:
                R, uid, I = rng.choice(lst)
                self.rescore_row(R, uid, I, I["scorers"][0][0], "na", targeted, "to_na")
                R["na"][uid].add(I["key"])
                return
        if r < 0.27:
            # a leaf that does not apply (class rule) said n/a once more
            lst = [(R, uid, I) for R in self.rubrics for uid, _ in R["units"] for I in self.items(R)
                   if I["scorers"] and I["key"] in R["cna"][uid]]
            if lst:
                R, uid, I = rng.choice(lst)
                self.rescore_row(R, uid, I, rng.choice(I["scorers"])[0], "na", targeted, "class_na")
                return
        cand = [c for c in cand if c["val"] != "na"]
        if not cand:
            return
        c = rng.choice(cand)
        if rng.random() < 0.3:
            self.rescore_row(c["R"], c["uid"], c["I"], c["sid"], c["val"], targeted, "restore")
        else:
            self.rescore_row(c["R"], c["uid"], c["I"], c["sid"], self.value_for(c["I"], c["R"]["decimals"]),
                             targeted, "value")

    def matching(self, rec, with_points, with_rule):
        return [d for d in self.daily if d["R"] is rec["R"] and d["uid"] == rec["uid"]
                and self.target(d) is self.target(rec) and d["date"] == rec["date"] and d["kind"] == rec["kind"]
                and (not with_points or self.eff_points(d) == self.eff_points(rec))
                and (not with_rule or d.get("rule") is rec.get("rule"))]

    def add_withdrawal(self, wd):
        rng = self.rng
        cand = [d for d in self.daily if id(d) not in wd]
        if not cand:
            return None
        rec = rng.choice(cand)
        wp = rng.random() < 0.2
        wr = "rule" in rec and rng.random() < 0.2
        if len(self.matching(rec, wp, wr)) > 1:
            wp = True
        if len(self.matching(rec, wp, wr)) > 1 and "rule" in rec:
            wr = True
        if len(self.matching(rec, wp, wr)) > 1:
            return None
        wd.add(id(rec))
        row = {"R": rec["R"], "uid": rec["uid"], "action": "withdraw", "rec": rec, "with_points": wp,
               "with_rule": wr, "reason": rng.choice(REASONS), "document": rng.choice(DOCUMENTS)}
        self.adj.append(row)
        self.feat["adjust_withdrawals"] += 1
        self.feat["adjust_withdraw_" + rec["kind"]] += 1
        self.feat["adjust_withdraw_by_points"] += wp
        self.feat["adjust_withdraw_by_rule"] += wr
        return row

    def adj_cells(self, row):
        rng = self.rng
        R = row["R"]
        c = {"unit": row.get("unit_text") or self.unit_ref(R, row["uid"]),
             "action": row.get("action_text") or self.pad(rng.choice(ACTION_TEXT[row["action"]])),
             "reason": row["reason"], "document": row["document"]}
        if row["action"] == "rescore":
            I = row["I"]
            c["item"] = row.get("item_text") or self.item_ref(I)
            if "scorer_text" in row:
                c["scorer"] = row["scorer_text"]
            elif len(I["scorers"]) == 1 and rng.random() < 0.4:
                c["scorer"] = ""
            else:
                c["scorer"] = self.pad(row["sid"] if rng.random() < 0.6 else dict(R["scorers"])[row["sid"]])
            if "score_text" in row:
                c["score"] = row["score_text"]
            else:
                c["score"] = self.pad(rng.choice(NA_TEXT)) if row["val"] == "na" else self.pad(dstr(row["val"]))
        else:
            rec = row["rec"]
            t = self.target(rec)
            c["item"] = row.get("item_text", "" if t is None else self.pad(t["id"] if rng.random() < 0.6 else t["title"]))
            c["date"] = row.get("date_text") or self.date_text(rec["date"])
            c["kind"] = row.get("kind_text") or self.pad(rng.choice(ZERO_TEXT if rec["kind"] == "zero"
                                                                     else KIND_TEXT[rec["kind"]]))
            if row["with_points"]:
                p = dstr(self.eff_points(rec))
                c["points"] = p + "0" if "." in p and rng.random() < 0.3 else p
            if row["with_rule"]:
                c["rule"] = rec["rule"]["id"] if rng.random() < 0.5 else rec["rule"]["text"]
        return c

    # ------------------------------------------------------------ rubric text
    def write_p3_keys(self, T, n, ind):
        rng = self.rng
        key = n["key"]
        if "floor" in n:
            T.line(ind + f"floor = {num_text(rng, n['floor'])}", ("floor", key))
        if n.get("measure"):
            T.line(ind + f"measure = {tstr(n['measure'])}", ("measure", key))
        if n.get("scale") is not None:
            body = ", ".join(f"[{num_text(rng, v)}, {num_text(rng, b)}]" for v, b in n["scale"])
            T.line(ind + f"scale = [{body}]", ("scale", key))
        if n.get("interpolate"):
            T.line(ind + f"interpolate = {tstr(n['interpolate'])}", ("interpolate", key))
        for k in ("applies_to", "except"):
            if k in n:
                T.line(ind + f"{k} = [{', '.join(tstr(c) for c in n[k])}]", (k, key))

    def write_rubric3(self, R):
        rng = self.rng
        T = Toml()
        T.line("# generated rubric (part three)")
        T.line(f"id = {tstr(R['id'])}", ("id",))
        T.line(f"title = {tstr(R['title'])}", ("title",))
        T.line(f"year = {R['year']}", ("year",))
        T.line(f"total = {num_text(rng, R['total'])}", ("total",))
        if R["write_decimals"]:
            T.line(f"decimals = {R['decimals']}", ("decimals",))
        if R["ranking"]:
            T.line(f"ranking = {tstr(R['ranking'])}", ("ranking",))
        if R["na_policy"]:
            T.line(f"na = {tstr(R['na_policy'])}", ("na",))
        if "max_total" in R:
            T.line(f"max_total = {num_text(rng, R['max_total'])}", ("max_total",))
        if R["period"]:
            T.line("")
            T.line("[period]")
            T.line(f"start = {R['period'][0].isoformat()}", ("pstart",))
            T.line(f"end = {R['period'][1].isoformat()}", ("pend",))
        T.line("")
        T.line("[scorers]")
        for sid, nm in R["scorers"]:
            T.line(f"{sid} = {tstr(nm)}")
        if R["classes"]:
            T.line("")
            T.line("[classes]")
            for cid, lab in R["classes"]:
                T.line(f"{cid} = {tstr(lab)}")
        if R["measures"]:
            T.line("")
            T.line("[measures]")
            for mid, ti, unit_ in R["measures"]:
                if R["measure_form"][mid] == "string":
                    T.line(f"{mid} = {tstr(ti)}")
                elif unit_ is None:
                    T.line(f"{mid} = {{ title = {tstr(ti)} }}")
                else:
                    T.line(f"{mid} = {{ title = {tstr(ti)}, unit = {tstr(unit_)} }}")
        if R.get("methods"):
            T.line("")
            T.line("[methods]")
            for mid, lab in R["methods"]:
                T.line(f"{mid} = {tstr(lab)}")
        if "veto" in R:
            T.line("")
            T.line("[veto]", ("veto",))
            for k in ("cap", "total"):
                if k in R["veto"]:
                    T.line(f"{k} = {num_text(rng, R['veto'][k])}", ("veto_" + k,))
            if "rank" in R["veto"]:
                T.line(f"rank = {tstr(R['veto']['rank'])}", ("veto_rank",))
        for gi, G in enumerate(R["grades"]):
            T.line("")
            T.line("[[grade]]")
            T.line(f"id = {tstr(G['id'])}")
            T.line(f"label = {tstr(G['label'])}")
            T.line(f"min = {num_text(rng, G['min'])}", ("gmin", gi))
            if "quota" in G:
                T.line(f"quota = {num_text(rng, G['quota'])}", ("gquota", gi))
        for uid, un in R["units"]:
            T.line("")
            T.line("[[unit]]")
            T.line(f"id = {tstr(uid)}", ("uid", uid))
            T.line(f"name = {tstr(un)}", ("uname", uid))
            if R["aliases"].get(uid):
                T.line(f"aliases = [{', '.join(tstr(a) for a in R['aliases'][uid])}]", ("aliases", uid))
            if R["write_uclasses"].get(uid) or R["uclasses"][uid] or R.get("bad_uclasses") == uid:
                cl = R["uclasses"][uid] + (["ghost_class"] if R.get("bad_uclasses") == uid else [])
                T.line(f"classes = [{', '.join(tstr(c) for c in cl)}]", ("uclasses", uid))
        for S in R["sections"]:
            T.line("")
            sid = S["id"]
            T.line("[[section]]", ("shead", sid))
            T.line(f"id = {tstr(sid)}", ("sid", sid))
            T.line(f"title = {tstr(S['title'])}")
            if S["kind"] != "scored" or S["write_kind"]:
                T.line(f"kind = {tstr(S['kind'])}", ("skind", sid))
            if S["kind"] != "scored" and not S.get("omit_max"):
                T.line(f"max = {num_text(rng, S['max'])}", ("smax", sid))
            elif S["kind"] == "scored" and S["write_smax"]:
                T.line(f"max = {num_text(rng, sum((I['max'] for I in S['items']), D(0)))}", ("smax", sid))
            if "gate" in S:
                T.line(f"gate = {num_text(rng, S['gate'])}", ("sgate", sid))
            if "gate_strict" in S:
                T.line(f"gate_strict = {'true' if S['gate_strict'] else 'false'}", ("sgate_strict", sid))
            for n in S["tree"]:
                self.write_node(T, n, 1)
        return T

    # ------------------------------------------------------------ CSV text
    def meas_text(self, m):
        if "text" in m:
            return m["text"]
        if m["val"] == "na":
            return self.pad(self.rng.choice(NA_TEXT))
        return dstr(m["val"]) + ("%" if m["pct"] else "")

    def write_measures(self):
        rng = self.rng
        vals = [m for m in self.meas if m["val"] is not None or "text" in m]
        if not self.meas:
            return []
        if self.bad and self.badkind == "p3_unknown_measure" and self.meas_bad_wide is not None:
            wide = True
        elif self.bad and self.badkind == "p3_unknown_measure":
            wide = False
        else:
            wide = rng.random() < 0.5
        files = []
        if not wide:
            rng.shuffle(vals)
            cols = ["unit", "measure", "value"] + (["note"] if rng.random() < 0.4 else [])
            if rng.random() < 0.3 and len(vals) >= 2:
                cut = rng.randint(1, len(vals) - 1)
                parts = [("measures.csv", vals[:cut]), ("measures_2.csv", vals[cut:])]
            else:
                parts = [("measures.csv", vals)]
            for fname, rs in parts:
                def cells(m):
                    return {"unit": self.unit_ref(m["R"], m["uid"]),
                            "measure": m.get("measure_text") or self.pad(
                                m["mid"] if rng.random() < 0.5 else dict((a, b) for a, b, _ in m["R"]["measures"])[m["mid"]]),
                            "value": self.meas_text(m), "note": rng.choice(NOTES)}
                self.render(fname, MEAS_HDR, cols, rs, cells)
                files.append(fname)
            self.feat["measures_files_long"] += len(parts)
            return files
        for ri, R in enumerate(self.rubrics):
            if not R["measures"]:
                continue
            fname = f"measures_{ri + 1}.csv"
            hdrs = {"unit": ["unit", "单位", "Unit"], "note": ["备注", "note"], "seq": ["序号"]}
            cols = ["unit"]
            for mid, ti, _ in R["measures"]:
                hdrs["m:" + mid] = [mid, ti]
                cols.append("m:" + mid)
            if self.bad and self.badkind == "p3_unknown_measure" and self.meas_bad_wide is R:
                hdrs["m:ghost"] = ["未知指标", "ghost_rate"]
                cols.append("m:ghost")
            if rng.random() < 0.3:
                cols.append("note")
            if rng.random() < 0.2:
                cols.append("seq")
            rows = []
            for uid, _ in R["units"]:
                row = {"R": R, "uid": uid, "ms": {m["mid"]: m for m in self.meas if m["R"] is R and m["uid"] == uid}}
                rows.append(row)
            rng.shuffle(rows)

            def cells(row):
                c = {"unit": self.unit_ref(row["R"], row["uid"]), "note": rng.choice(["", "", "ok"]),
                     "seq": str(rng.randint(1, 99)), "m:ghost": "1"}
                for mid, m in row["ms"].items():
                    c["m:" + mid] = "" if m["val"] is None and "text" not in m else self.meas_text(m)
                    m["loc_row"] = row
                return c
            self.render(fname, hdrs, cols, rows, cells, extras=False)
            for row in rows:
                for m in row["ms"].values():
                    m["loc"] = row["loc"]
            files.append(fname)
            self.feat["measures_files_wide"] += 1
        return files

    # ------------------------------------------------------------ bad input
    def inject3(self):
        """one part-three fault; rubric faults leave (rubric, loc key) pairs in self.p3_locs, CSV faults
        set self.bad_rec (or self.bad_recs)"""
        rng = self.rng
        k = self.badkind
        L = self.p3_locs
        R = self.rubrics[0]
        self.bad_recs = []

        def secs(*kinds):
            return [(R_, S) for R_ in self.rubrics for S in R_["sections"] if S["kind"] in kinds]

        def leaves(*kinds):
            return [(R_, I) for R_ in self.rubrics for S in R_["sections"] if S["kind"] in kinds for I in S["items"]]

        if k == "p3_part_no_max":
            cands = secs("bonus", "penalty")
            R_, S = rng.choice(cands)
            S["omit_max"] = True
            L += [(R_, ("shead", S["id"])), (R_, ("sid", S["id"]))]
        elif k == "p3_gate_on_scored":
            R_, S = rng.choice(secs("scored", "penalty"))
            S["gate"] = (R_["total"] / 2).quantize(q(R_["decimals"]), rounding=ROUND_DOWN)
            L.append((R_, ("sgate", S["id"])))
        elif k == "p3_max_total_below":
            # below total, and (when it can be) not below the first grade's min: one fault, not two
            top = R["grades"][0]["min"]
            c = [x.quantize(q(R["decimals"]), rounding=ROUND_DOWN) for x in (R["total"] - 1, R["total"] / 2, top)]
            c = [x for x in c if top <= x < R["total"]] or c
            R["max_total"] = rng.choice(c)
            L.append((R, ("max_total",)))
        elif k == "p3_floor_positive":
            R_, I = rng.choice(leaves("scored", "bonus"))
            I["floor"] = self.pick_num([D(1), D("0.5"), D(2)], R_["decimals"])
            L.append((R_, ("floor", I["key"])))
        elif k == "p3_penalty_leaf_key":
            R_, I = rng.choice(leaves("penalty"))
            what = rng.choice(["scorers", "measure", "start", "rule"])
            if what == "scorers":
                I["scorers"] = [(R_["scorers"][0][0], D(1))]
                L.append((R_, ("scorers", I["key"])))
            elif what == "measure":
                if not R_["measures"]:
                    R_["measures"] = [MEASURE_POOL[0]]
                    R_["measure_form"] = {MEASURE_POOL[0][0]: "string"}
                I["measure"] = R_["measures"][0][0]
                I["scale"] = [[D(0), D(0)], [D(100), I["max"]]]
                L.append((R_, ("measure", I["key"])))
            elif what == "start":
                I["start"] = rng.choice(["zero", "full"])
                L.append((R_, ("start", I["key"])))
            else:
                I.setdefault("rules", []).append({"id": "bad_add", "text": "加分规则（不应出现）", "kind": "add",
                                                  "points": D(1)})
                j = len(I["rules"]) - 1
                L += [(R_, ("rkind", I["key"], j)), (R_, ("rid", I["key"], j)), (R_, ("rhead", I["key"], j))]
        elif k == "p3_scorers_and_measure":
            R_, I = rng.choice([(a, b) for a, b in leaves("scored", "bonus") if b["scorers"]] or leaves("scored"))
            if not I["scorers"]:
                I["scorers"] = [(R_["scorers"][0][0], D(1))]
                I["start"] = None
            if not R_["measures"]:
                R_["measures"] = [MEASURE_POOL[1]]
                R_["measure_form"] = {MEASURE_POOL[1][0]: "table"}
            I["measure"] = R_["measures"][0][0]
            I["scale"] = [[D(0), D(0)], [D(100), I["max"]]]
            L += [(R_, ("measure", I["key"])), (R_, ("scorers", I["key"]))]
        elif k in ("p3_scale_order", "p3_scale_base_range", "p3_undeclared_measure"):
            R_, I = rng.choice([(a, b) for a, b in leaves("scored", "bonus") if b.get("measure")])
            if k == "p3_scale_order":
                sc = I["scale"]
                if len(sc) < 2:
                    sc.append([sc[0][0], sc[0][1]])
                else:
                    j = rng.randint(0, len(sc) - 2)
                    if rng.random() < 0.5:
                        sc[j][0], sc[j + 1][0] = sc[j + 1][0], sc[j][0]
                    else:
                        sc[j + 1][0] = sc[j][0]
                L.append((R_, ("scale", I["key"])))
            elif k == "p3_scale_base_range":
                j = rng.randint(0, len(I["scale"]) - 1)
                I["scale"][j][1] = rng.choice([I["max"] + 1, I.get("floor", D(0)) - 1, I["max"] + D("0.5")])
                L.append((R_, ("scale", I["key"])))
            else:
                I["measure"] = "ghost_measure"
                L.append((R_, ("measure", I["key"])))
        elif k == "p3_undeclared_class":
            r = rng.random()
            nodes = [(R_, n) for R_ in self.rubrics for S in R_["sections"] for n in S["items"] + S.get("groups", [])]
            if r < 0.4:
                R_ = rng.choice(self.rubrics)
                uid = rng.choice(R_["units"])[0]
                R_["bad_uclasses"] = uid
                L.append((R_, ("uclasses", uid)))
            else:
                R_, n = rng.choice(nodes)
                kk = rng.choice(["applies_to", "except"])
                n[kk] = list(n.get(kk, [])) + ["ghost_class"]
                L.append((R_, (kk, n["key"])))
        elif k in ("p3_quota_last", "p3_quota_fraction"):
            R_ = rng.choice(self.rubrics)
            if k == "p3_quota_last":
                gi = len(R_["grades"]) - 1
                R_["grades"][gi]["quota"] = rng.choice([D("0.5"), D(1), D(2)])
            else:
                gi = rng.randint(0, len(R_["grades"]) - 2)
                R_["grades"][gi]["quota"] = rng.choice([D("1.5"), D("2.5"), D("1.25")])
            L.append((R_, ("gquota", gi)))
        elif k == "p3_add_on_penalty":
            lst = [(R_, uid, I) for R_, I in leaves("penalty") for uid, _ in R_["units"] if I["key"] not in R_["na"][uid]]
            if not lst:
                return self.fallback3()
            R_, uid, I = rng.choice(lst)
            rec = {"uid": uid, "I": I, "kind": "add", "points": rng.choice(["0.5", "1", "2"]), "R": R_,
                   "date": self.rand_date(R_), "method_text": self.method_text(R_)}
            if rng.random() < 0.2:      # only deduct records may name a penalty line: a veto neither
                rec["kind"], rec["points"] = "veto", ""
            self.daily.append(rec)
            self.bad_rec = rec
        elif k == "p3_zero_on_penalty":
            lst = [(R_, uid, S) for R_, S in secs("penalty") for uid, _ in R_["units"]]
            R_, uid, S = rng.choice(lst)
            n = rng.choice([S] + S["items"] + S.get("groups", []))
            rec = {"uid": uid, "I": None, "kind": "zero", "target": n, "what": "penalty", "R": R_,
                   "item_text": n["id"] if rng.random() < 0.6 else n["title"], "kind_text": rng.choice(ZERO_TEXT),
                   "points": "", "date": self.rand_date(R_), "method_text": self.method_text(R_)}
            self.daily.append(rec)
            self.bad_rec = rec
        elif k == "p3_zero_on_na":
            lst = [(R_, uid, I) for R_ in self.rubrics for uid, _ in R_["units"] for I in self.items(R_)
                   if I["key"] in R_["na"][uid]]
            if not lst:
                return self.fallback3()
            R_, uid, I = rng.choice(lst)
            rec = {"uid": uid, "I": None, "kind": "zero", "target": I, "what": "leaf", "R": R_,
                   "item_text": I["id"] if rng.random() < 0.6 else I["title"], "kind_text": rng.choice(ZERO_TEXT),
                   "points": "", "date": self.rand_date(R_), "method_text": self.method_text(R_)}
            self.daily.append(rec)
            self.bad_rec = rec
        elif k == "p3_unknown_method":
            R_ = next(x for x in self.rubrics if x.get("methods"))
            rec = {"uid": rng.choice(R_["units"])[0], "I": None, "kind": "veto", "points": "", "R": R_,
                   "date": self.rand_date(R_),
                   "method_text": rng.choice(["daily_record", "日常记录", "phone_call", "site visit"])}
            self.daily.append(rec)
            self.bad_rec = rec
        elif k == "p3_score_not_applicable":
            lst = [(R_, uid, I) for R_ in self.rubrics for uid, _ in R_["units"] for I in self.items(R_)
                   if I["scorers"] and I["key"] in R_["cna"][uid]]
            if not lst:
                # make one: a scorer leaf that applied to every unit now applies only to a class some
                # units lack; checked before anything changes, so that this stays the only fault
                for R_ in self.rubrics:
                    for I in [I for I in self.items(R_) if I["scorers"]]:
                        if any("applies_to" in n or "except" in n for n in self.chain(I)):
                            continue
                        for c, _ in R_["classes"]:
                            lack = [u for u, _ in R_["units"] if c not in R_["uclasses"][u]]
                            if lack and all(self.still_ok(R_, R_["na"][u] | {I["key"]}) for u in lack):
                                lst.append((R_, I, c, lack))
                if not lst:
                    return self.fallback3()
                R_, I, c, lack = rng.choice(lst)
                I["applies_to"] = [c]
                for u in lack:
                    gone = [d for d in self.daily if d["R"] is R_ and d["uid"] == u and (d["I"] is I or d["kind"] == "zero")]
                    self.daily = [d for d in self.daily if not any(d is g for g in gone)]
                    self.adj = [r for r in self.adj if not (r["R"] is R_ and r["uid"] == u and (
                        (r["action"] == "rescore" and r["I"] is I) or
                        (r["action"] == "withdraw" and any(r["rec"] is g for g in gone))))]
                    self.annual = [a for a in self.annual if not (a["R"] is R_ and a["uid"] == u and a["I"] is I)]
                    self.dropped = [a for a in self.dropped if not (a["R"] is R_ and a["uid"] == u and a["I"] is I)]
                    R_["na"][u].add(I["key"])
                    R_["cna"][u].add(I["key"])
                uid = rng.choice(lack)
            else:
                R_, uid, I = rng.choice(lst)
            sid = rng.choice(I["scorers"])[0]
            self.annual = [a for a in self.annual if not (a["R"] is R_ and a["uid"] == uid and a["I"] is I and a["sid"] == sid)]
            rec = {"R": R_, "uid": uid, "I": I, "sid": sid, "val": self.value_for(I, R_["decimals"])}
            if len(I["scorers"]) > 1:
                self.need_scorer_col = True
            self.annual.append(rec)
            self.bad_rec = rec
        elif k in ("p3_measure_not_number", "p3_unknown_measure"):
            if k == "p3_measure_not_number":
                cand = [m for m in self.meas if m["val"] is not None]
                m = rng.choice(cand)
                m["text"] = rng.choice(["abc", "1e2", "98,5", "95%%", "≈95", "9 5", "百分之九十"])
                self.bad_rec = m
            else:
                self.meas_bad_wide = None
                if rng.random() < 0.5:
                    self.meas_bad_wide = rng.choice([R_ for R_ in self.rubrics if R_["measures"]])
                else:
                    m = dict(rng.choice(self.meas))
                    m["measure_text"] = rng.choice(["未知指标", "ghost_rate", "好评"])
                    m["val"] = D(90)
                    m.pop("text", None)
                    self.meas.append(m)
                    self.bad_rec = m
        elif k.startswith("p3_adj"):
            self.inject_adjust(k)

    def fallback3(self):
        self.badkind = "p3_adj_no_reason"
        self.inject_adjust("p3_adj_no_reason")

    def inject_adjust(self, k):
        rng = self.rng
        scored_recs = [a for a in self.annual if a["val"] != "na" and a["I"]["key"] not in a["R"]["cna"][a["uid"]]]

        def new_rescore():
            if not scored_recs:
                return None
            c = rng.choice(scored_recs)
            row = {"R": c["R"], "uid": c["uid"], "action": "rescore", "I": c["I"], "sid": c["sid"],
                   "val": c["val"], "why": "bad", "reason": rng.choice(REASONS), "document": ""}
            return row

        # rows of a pair that must stay together (every scorer of an n/a leaf rescored) are left alone
        single = [r for r in self.adj if r.get("why") != "from_na"]
        if k in ("p3_adj_no_reason", "p3_adj_bad_action"):
            if single and rng.random() < 0.5:
                row = rng.choice(single)
            else:
                row = new_rescore()
                if row is None:
                    row = self.add_withdrawal(set()) if self.daily else None
                    if row is None:
                        return self.inject_p3_fallback_rubric()
                    self.adj.remove(row)
                self.adj.insert(rng.randint(0, len(self.adj)), row)
            if k == "p3_adj_no_reason":
                row["reason"] = rng.choice(["", "  "])
            else:
                row["action_text"] = rng.choice(["modify", "修改", "delete", "rescored", "撤回"])
            self.bad_recs = [row]
            return
        if k in ("p3_adj_unknown_line", "p3_adj_unknown_scorer", "p3_adj_out_of_range", "p3_adj_mixed_na"):
            if k == "p3_adj_mixed_na":
                lst = [a for a in self.annual if len(a["I"]["scorers"]) > 1 and a["I"]["key"] not in a["R"]["cna"][a["uid"]]]
                if not lst:
                    return self.fallback3()
                c = rng.choice(lst)
                row = {"R": c["R"], "uid": c["uid"], "action": "rescore", "I": c["I"], "sid": c["sid"],
                       "val": self.value_for(c["I"], c["R"]["decimals"]) if c["val"] == "na" else "na",
                       "why": "bad", "reason": "复核", "document": ""}
                # no other adjustment of that leaf for that unit
                self.adj = [r for r in self.adj if not (r["action"] == "rescore" and r["R"] is c["R"] and
                                                       r["uid"] == c["uid"] and r["I"] is c["I"])]
            else:
                row = new_rescore()
                if row is None:
                    return self.fallback3()
                R, I = row["R"], row["I"]
                if k == "p3_adj_unknown_line":
                    ids = {x["id"] for x in self.items(R) + self.groups(R)} | {x["title"] for x in self.items(R) + self.groups(R)}
                    others = [x["id"] for R2 in self.rubrics if R2 is not R for x in self.items(R2) if x["id"] not in ids]
                    bad = [x for x in ["9.99", "未知项目", "x.1"] + others if x not in ids]
                    row["item_text"] = rng.choice(bad)
                elif k == "p3_adj_unknown_scorer":
                    mine = {s for s, _ in I["scorers"]}
                    other = [s for s, _ in R["scorers"] if s not in mine]
                    row["scorer_text"] = rng.choice(other + ["ghost_scorer"])
                else:
                    row["score_text"] = rng.choice([dstr(I["max"] + 1), "-1", dstr(I["max"] + q(R["decimals"] + 1))])
            self.adj.insert(rng.randint(0, len(self.adj)), row)
            self.bad_recs = [row]
            return
        if k in ("p3_adj_withdraw_none", "p3_adj_withdraw_several"):
            cand = [d for d in self.daily]
            if not cand:
                return self.fallback3()
            rec = rng.choice(cand)
            if k == "p3_adj_withdraw_several":
                twin = dict(rec)
                self.daily.append(twin)
                row = {"R": rec["R"], "uid": rec["uid"], "action": "withdraw", "rec": rec, "with_points": False,
                       "with_rule": False, "reason": "重复", "document": ""}
                self.adj = [r for r in self.adj if not (r["action"] == "withdraw" and r["rec"] is rec)]
            else:
                R = rec["R"]
                taken = {(d["uid"], id(self.target(d)), d["date"]) for d in self.daily if d["R"] is R}
                alt = dict(rec)
                for delta in range(1, 400):
                    dd = rec["date"] + datetime.timedelta(days=delta)
                    if (rec["uid"], id(self.target(rec)), dd) not in taken:
                        alt["date"] = dd
                        break
                row = {"R": R, "uid": rec["uid"], "action": "withdraw", "rec": alt, "with_points": False,
                       "with_rule": False, "reason": "无此记录", "document": ""}
            self.adj.insert(rng.randint(0, len(self.adj)), row)
            self.bad_recs = [row]
            return
        if k == "p3_adj_duplicate_target":
            if single and rng.random() < 0.6:
                a = rng.choice(single)
            else:
                a = new_rescore()
                if a is None:
                    return self.fallback3()
                self.adj.append(a)
            b = dict(a)
            b.pop("loc", None)
            if b["action"] == "rescore" and b["val"] != "na" and rng.random() < 0.5:
                b["val"] = self.value_for(b["I"], b["R"]["decimals"])
            self.adj.insert(rng.randint(0, len(self.adj)), b)
            self.bad_recs = [a, b]
            return
        raise AssertionError(k)

    def inject_p3_fallback_rubric(self):
        self.badkind = "p3_quota_last"
        R = self.rubrics[0]
        R["grades"][-1]["quota"] = D(1)
        self.p3_locs.append((R, ("gquota", len(R["grades"]) - 1)))

    # ------------------------------------------------------------ the case
    def run(self, out):
        rng = self.rng
        self.out = out
        os.makedirs(out, exist_ok=True)
        self.encs = []
        self.force_enc = None
        self.need_scorer_col = False
        self.need_rule_cols = False
        self.feat = collections.Counter()
        self.bad_rec = None
        self.bad_recs = []
        self.p2_locs = []
        self.p3_locs = []
        self.meas_bad_wide = None
        self.adj = []
        if self.bad:
            self.badkind = rng.choice(P3_BAD_KINDS)
        self.make_rubrics()
        for ri, R in enumerate(self.rubrics):
            self.p3_extend(R, ri)
        kc = 0
        for R in self.rubrics:
            for I in self.items(R):
                I["key"] = kc
                kc += 1
            for G in self.groups(R):
                G["key"] = f"g{kc}"
                kc += 1
        self.make_records3()
        self.make_adjustments()
        if self.bad:
            self.inject3()
        for R in self.rubrics:
            self.recompute_groups(R)
            T = self.write_rubric3(R)
            R["T"] = T
            with open(os.path.join(out, R["file"]), "w", encoding="utf-8") as f:
                f.write(T.text())
        # annual
        multi = any(len(I["scorers"]) > 1 for R in self.rubrics for I in self.items(R))
        acols = ["unit", "item", "score"] + (["scorer"] if multi or self.need_scorer_col or rng.random() < 0.5 else []) + \
                (["note"] if rng.random() < 0.5 else [])
        recs = self.annual
        rng.shuffle(recs)
        mode = rng.choice(["one", "one", "perscorer", "two"])
        groups = {}
        if mode == "one" or not recs:
            groups["annual.csv"] = recs
        elif mode == "perscorer":
            for r in recs:
                groups.setdefault(f"annual_{r['sid']}.csv", []).append(r)
        else:
            cut = rng.randint(0, len(recs))
            groups["annual.csv"] = recs[:cut]
            groups["annual_2.csv"] = recs[cut:]
        self.annual_files = list(groups)
        if rng.random() < 0.1:
            self.force_enc = "gb"
        for fname, rs in groups.items():
            self.render(fname, ANNUAL_HDR, acols, rs, self.annual_cells)
        # daily
        dcols = ["date", "unit", "item", "kind", "points", "method"] + (["note"] if rng.random() < 0.6 else [])
        if any("rule_text" in r for r in self.daily) or rng.random() < 0.3:
            dcols += ["rule", "count"]
        rng.shuffle(self.daily)
        self.render("daily.csv", DAILY_HDR, dcols, self.daily, self.daily_cells, blank_cols=("rule", "count"))
        # measures
        self.measure_files = self.write_measures()
        # adjustments
        self.adjust_files = []
        if self.adj:
            cols = ["unit", "item", "action", "reason"]
            if any(r["action"] == "rescore" for r in self.adj):
                cols += ["scorer", "score"]
            if any(r["action"] == "withdraw" for r in self.adj):
                cols += ["date", "kind"]
                if any(r["with_points"] for r in self.adj if r["action"] == "withdraw") or rng.random() < 0.3:
                    cols.append("points")
                if any(r["with_rule"] for r in self.adj if r["action"] == "withdraw") or rng.random() < 0.3:
                    cols.append("rule")
            if rng.random() < 0.5 or any(r["document"] for r in self.adj):
                cols.append("document")
            parts = [("adjust.csv", self.adj)]
            if len(self.adj) >= 2 and rng.random() < 0.25:
                cut = rng.randint(1, len(self.adj) - 1)
                parts = [("adjust.csv", self.adj[:cut]), ("adjust_2.csv", self.adj[cut:])]
            for fname, rs in parts:
                self.render(fname, ADJ_HDR, cols, rs, self.adj_cells, blank_cols=tuple(ADJ_COLS))
                self.adjust_files.append(fname)
        # command
        args = ["score", "--format", "json"]
        for R in self.rubrics:
            args += ["--rubric", R["file"]]
        for f in self.annual_files:
            args += ["--annual", f]
        args += ["--daily", "daily.csv"]
        for f in self.measure_files:
            args += ["--measures", f]
        for f in self.adjust_files:
            args += ["--adjust", f]
        if self.allow_missing:
            args.append("--allow-missing")
        if all(e == "gb" for e in self.encs) and rng.random() < 0.5:
            args += ["--encoding", "gbk"]
        elif all(e != "gb" for e in self.encs) and rng.random() < 0.2:
            args += ["--encoding", rng.choice(["utf8", "auto"])]
        with open(os.path.join(out, "cmd.txt"), "w") as f:
            f.write("\n".join(args) + "\n")
        self.write_features3()
        if self.bad:
            L = self.expect_locs
            for R, key in self.p3_locs:
                if key in R["T"].loc:
                    L.append((R["file"], R["T"].loc[key]))
            if self.bad_rec is not None:
                L.append(self.bad_rec["loc"])
            for r in self.bad_recs:
                L.append(r["loc"])
            if self.badkind == "p3_unknown_measure" and self.meas_bad_wide is not None:
                L.append((f"measures_{self.rubrics.index(self.meas_bad_wide) + 1}.csv", 1))
            with open(os.path.join(out, "expect.txt"), "w") as f:
                f.write(f"kind: {self.badkind}\n")
                if not L:
                    f.write("loc: -\n")
                for fn, ln in L:
                    f.write(f"loc: {fn}:{ln}\n")

    # ------------------------------------------------------------ features
    def write_features3(self):
        F = self.feat
        F["part3"] = 1
        for R in self.rubrics:
            F["na_" + (R["na_policy"] or "rescale_default")] += 1
            F["classes"] += len(R["classes"])
            F["units_with_classes"] += sum(1 for v in R["uclasses"].values() if v)
            F["measures_declared"] += len(R["measures"])
            F["methods_custom"] += bool(R.get("methods"))
            F["max_total_written"] += "max_total" in R
            V = R.get("veto")
            if V is not None:
                F["veto_cap"] += "cap" in V
                F["veto_total"] += "total" in V
                F["veto_rank_last"] += V.get("rank") == "last"
                F["veto_rank_keep"] += V.get("rank") == "keep"
            for G in R["grades"]:
                if "quota" in G:
                    F["quotas_share" if G["quota"] < 1 else "quotas_count"] += 1
            for S in R["sections"]:
                F["parts_" + S["kind"]] += 1
                if S["kind"] == "bonus":
                    F["bonus_gated"] += "gate" in S
                    F["bonus_gate_strict"] += bool(S.get("gate_strict"))
                if S["kind"] == "scored":
                    F["scored_section_max_written"] += S["write_smax"]
                for n in S["items"] + S.get("groups", []):
                    kind = "groups" if n.get("group") else "leaves"
                    F[f"{kind}_applies_to"] += "applies_to" in n
                    F[f"{kind}_except"] += "except" in n
                for I in S["items"]:
                    F["floors"] += "floor" in I
                    F["floors_zero_written"] += "floor" in I and I["floor"] == 0
                    if I.get("measure"):
                        F["measure_leaves_" + (I.get("interpolate") or "linear")] += 1
                    if S["kind"] == "penalty":
                        F["penalty_leaves"] += 1
                        F["penalty_rules"] += len(I.get("rules", []))
                        F["penalty_max_deduct"] += "max_deduct" in I
            for uid, keys in R.get("cna", {}).items():
                F["class_na_leaves"] += len(keys)
        for m in self.meas:
            F["measure_values_percent"] += bool(m.get("pct"))
            F["measure_values_na"] += m["val"] == "na"
        for r in self.daily:
            if r["kind"] == "zero":
                F["zero_records_" + r["what"]] += 1
            if r["kind"] == "veto":
                F["veto_records"] += 1
            if r.get("I") is not None and r["I"].get("skind") == "penalty":
                F["penalty_records"] += 1
        F["adjust_files"] += len(self.adjust_files)
        nz = sum(1 for r in self.daily if r["kind"] == "zero")
        saved = self.daily
        self.daily = [r for r in saved if r["kind"] != "zero"]    # counted above
        F["zero_records"] = nz
        if not self.bad:
            self.outcomes()
        self.write_features()
        self.daily = saved

    def outcomes(self):
        """what the oracle's result shows the case exercised (statistics only)"""
        import subprocess
        with open(os.path.join(self.out, "cmd.txt")) as f:
            args = [a for a in f.read().split("\n") if a]
        p = subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "oracle.py")]
                           + args, cwd=self.out, capture_output=True)
        F = self.feat
        if p.returncode != 0:
            F["outcome_oracle_rejected"] += 1
            return
        doc = json.loads(p.stdout)
        for r, R in zip(doc["rubrics"], self.rubrics):
            for u in r["units"]:
                F["outcome_demoted"] += bool(u.get("demoted"))
                F["outcome_adjusted_units"] += bool(u.get("adjusted"))
                F["outcome_scaled_units"] += u["scaled"]
                F["outcome_total_zero_clamp"] += "scored" in u and D(u["scored"]) + D(u["bonus"]) + D(u["penalty"]) < 0
                if "scored" in u and D(u["scored"]) + D(u["bonus"]) + D(u["penalty"]) > D(u["total"]) and not u["veto"]:
                    F["outcome_total_max_clamp"] += 1
                if u["veto"] and "scored" in u and D(u["total"]) != max(D(0), D(u["scored"]) + D(u["bonus"]) + D(u["penalty"])):
                    F["outcome_veto_changed_total"] += 1
                for s in u["sections"]:
                    F["outcome_gate_held"] += s.get("counted") is False
                    F["outcome_scaled_sections"] += bool(s.get("scaled"))
                    F["outcome_scaled_groups"] += sum(bool(g.get("scaled")) for g in s["groups"])
                    for i in s["items"]:
                        F["outcome_zeroed_leaves"] += bool(i.get("zeroed"))
                        F["outcome_negative_leaves"] += i["score"] is not None and i["score"].startswith("-") \
                            and s.get("kind") != "penalty"
                        if "measure" in i and i["base"] is not None and "." in i["base"]:
                            F["outcome_measure_base_6_places"] += len(i["base"].split(".")[1]) == 6
            # quota ties at the boundary: a grade with a quota N holding fewer than N while a unit that
            # reached it was moved down
            units = r["units"]
            for gi, G in enumerate(R["grades"][:-1]):
                if "quota" not in G:
                    continue
                n = int(G["quota"]) if G["quota"] >= 1 else int(G["quota"] * len(units))
                ids = [g["id"] for g in R["grades"]]
                holders = [u for u in units if u["grade"] == G["id"]]
                dropped = [u for u in units if not u["veto"] and D(u["total"]) >= G["min"]
                           and ids.index(u["grade"]) > gi]
                F["outcome_quota_tie"] += len(holders) < n and bool(dropped)
                F["outcome_quota_binding"] += bool(dropped)


def main():
    args = sys.argv[1:]
    bad = "--bad" in args
    part1 = "--part1" in args
    part3 = "--part3" in args
    args = [a for a in args if a not in ("--bad", "--part1", "--part3")]
    if len(args) != 2 or (part1 and part3):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    if part3:
        Gen3(int(args[0]), bad).run(args[1])
    else:
        Gen(int(args[0]), bad, part1).run(args[1])


if __name__ == "__main__":
    main()
