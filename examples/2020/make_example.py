#!/usr/bin/env python3
"""Generate and score the example year 2020 of the 塔城地区 assessment.

This script does two independent things, both deterministic:

1. ``generate``: makes the example inputs from a fixed random seed (SEED) and a
   fixed "quality" per unit (QUALITY), against the two shipped rubrics
   ``rubrics/counties.toml`` and ``rubrics/departments.toml`` (three levels:
   sections, the notice's eleven areas, and the leaves that scores are given
   on; only leaves are scored, so the files below name leaves):

   - ``annual-office.xlsx``         行政公署办公室考核组: a workbook of score
                                    sheets (评分表), one wide sheet per rubric
                                    (a merged title row, 评分单位：, 序号, a
                                    column per leaf with its points, 合计 by
                                    formula, 备注, signatures) and a 说明 sheet.
   - ``annual-lead-counties.csv``,
     ``annual-lead-departments.csv`` “放管服”改革专项组牵头单位: wide sheets, one
                                    per rubric, items by title with points,
                                    合计 and a footer note; GB18030 with CRLF,
                                    as Excel on Chinese Windows saves it.
   - ``annual-service-center.csv``  地区行政服务中心; Chinese headers, unit names
                                    and item ids; UTF-8 with a BOM.
   - ``daily.csv``                  日常考核记录 (核减/核加, one 一票否决); every
                                    record but the veto names its rule (by id,
                                    or by its text) and a count, the points and
                                    kind cells written on some, left to the
                                    rule on others (SPEC 9).

2. ``score``: reads those files back from disk (as a user's tool would: header
   aliases, encodings, wide sheets below a title block, workbook numbers at
   15 significant digits, the three date forms, n/a words) and computes the
   published results with its own implementation of shared/SPEC.md section 4
   (with sections 8 and 9: groups add up their leaves, and daily records may
   name a rule and a count), in exact decimal arithmetic (half away from
   zero), writing ``published.csv`` (单位,总分,等次,名次).

Notable on purpose: 托里县 has a veto (一票否决) and is graded 不合格 whatever its
points; 地区审计局 marks 精简行政审批 and 商事制度改革 as 不涉及 and 地区信访局
marks 精简行政审批 as 不涉及 (every scorer of those items says so), so both are
rescaled; 沙湾县's bonus item hits its max_add cap and 地区统计局's
政府网站和政务新媒体日常监测 item its max_deduct cap; 地区工业和信息化局 and
地区公安局 tie (SEED was picked among a few for such a tie). All data are
fictional.

Usage (from anywhere; python3 >= 3.11, standard library only):

    python3 examples/2020/make_example.py            # generate + score
    python3 examples/2020/make_example.py score      # only recompute published.csv
    python3 examples/2020/make_example.py check      # recompute and compare
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
import sys
import tomllib
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RUBRIC_FILES = [ROOT / "rubrics" / "counties.toml", ROOT / "rubrics" / "departments.toml"]

SEED = 2051
VETO_UNIT = "toli"
# unit id -> item titles that do not apply (every scorer writes n/a)
NOT_APPLICABLE = {
    "sjj": ["精简行政审批", "商事制度改革"],
    "xfj": ["精简行政审批"],
}
# How well each unit did: the expected fraction of each item's max in annual
# scores; lower quality also draws more daily deductions.
QUALITY = {
    # counties
    "tacheng": 0.96, "wusu": 0.93, "emin": 0.86, "shawan": 0.90,
    "toli": 0.89, "yumin": 0.80, "hoboksar": 0.72,
    # departments
    "fgw": 0.95, "jyj": 0.90, "kjj": 0.84, "gxj": 0.86, "gaj": 0.88,
    "mzj": 0.85, "sfj": 0.92, "czj": 0.94, "rsj": 0.89, "zrzyj": 0.83,
    "sthjj": 0.82, "zjj": 0.78, "jtysj": 0.80, "slj": 0.76, "nyncj": 0.87,
    "swj": 0.81, "wtlj": 0.79, "wjw": 0.86, "yjglj": 0.74, "sjj": 0.88,
    "scjgj": 0.93, "tjj": 0.64, "ybj": 0.83, "xfj": 0.70,
}
# Which special group leads each 放管服 item (shown in the lead file's notes).
LEADS = {
    "精简行政审批": "地委机构编制委员会办公室",
    "优化营商环境": "地区发展和改革委员会",
    "激励创业创新": "地区科学技术局",
    "商事制度改革": "地区市场监督管理局",
    "改善社会服务": "地区人力资源和社会保障局",
    "优化公共服务": "地区人力资源和社会保障局",   # counties' leaf of 改善社会服务
}
# The annual scores are drawn leaf by leaf in the order the leaves had when
# SEED was picked (the two-level 2020 rubrics, before they were grouped into
# the eleven areas), so that the seed still gives the same year; the files
# list the rows in rubric order. Only leaves with scorers draw anything.
DRAW_ORDER = {
    "counties": [
        "组织领导", "主动公开", "依申请公开", "政府信息公开年度报告", "政府网站", "政务新媒体",
        "落实“五公开”要求", "政策解读", "舆情回应", "基层政务公开标准化规范化",
        "政府网站和政务新媒体日常监测", "精简行政审批", "优化营商环境", "激励创业创新",
        "商事制度改革", "优化公共服务", "政务服务“一网通办”和“好差评”", "工作创新加分",
    ],
    "departments": [
        "组织领导", "主动公开", "依申请公开", "政府信息公开年度报告", "政府网站", "政务新媒体",
        "落实“五公开”要求", "政策解读", "舆情回应", "政府网站和政务新媒体日常监测",
        "精简行政审批", "优化营商环境", "激励创业创新", "商事制度改革", "改善社会服务",
        "工作创新加分",
    ],
}

NA_WORDS = {"n/a", "不涉及", "不适用"}
D0 = Decimal(0)


# --------------------------------------------------------------------------
# rubrics
# --------------------------------------------------------------------------

def dec(v) -> Decimal:
    return Decimal(v) if isinstance(v, str) else Decimal(str(v))


def walk(nodes, section, parent, items, groups):
    """Depth first over one section's indicators: leaves into ``items``,
    groups (an indicator with items of its own) into ``groups``. Returns the
    sum of the leaves' maxima."""
    total = D0
    for it in nodes:
        if "item" in it:
            for k in ("scorers", "start", "max_deduct", "max_add", "rule"):
                assert k not in it, ("a group has no", k, it["id"])
            g = {"id": it["id"], "title": it["title"], "parent": parent, "leaves": []}
            groups.append(g)
            first = len(items)
            m = walk(it["item"], section, it["id"], items, groups)
            assert "max" not in it or dec(it["max"]) == m, ("group max", it["id"], m)
            g["max"] = m
            g["leaves"] = [i["id"] for i in items[first:]]
            total += m
            continue
        rules = {}
        for ru in it.get("rule", []):
            assert ru["id"] not in rules, ("rule twice", it["id"], ru["id"])
            rules[ru["id"]] = {
                "id": ru["id"], "text": ru["text"], "kind": ru["kind"],
                "points": dec(ru["points"]),
                "max": dec(ru["max"]) if "max" in ru else None,
            }
        items.append({
            "section": section,
            "parent": parent,
            "pos": len(items),
            "id": it["id"],
            "title": it["title"],
            "max": dec(it["max"]),
            "scorers": {k: dec(v) for k, v in it.get("scorers", {}).items()},
            "max_deduct": dec(it["max_deduct"]) if "max_deduct" in it else None,
            "max_add": dec(it["max_add"]) if "max_add" in it else None,
            "start": it.get("start", "zero"),
            "rules": rules,
        })
        total += items[-1]["max"]
    return total


def load_rubrics():
    rubrics = []
    for path in RUBRIC_FILES:
        with open(path, "rb") as f:
            r = tomllib.load(f)
        items, groups = [], []
        for s in r["section"]:
            walk(s["item"], s["id"], None, items, groups)
        total = sum((i["max"] for i in items), D0)
        assert total == dec(r["total"]), (path, total)
        for i in items:
            assert not i["scorers"] or sum(i["scorers"].values()) == 1, i
        names = [x for i in items + groups for x in (i["id"], i["title"])]
        assert len(names) == len(set(names)), ("ids and titles unique across levels", path)
        rubrics.append({
            "id": r["id"],
            "total": dec(r["total"]),
            "decimals": r.get("decimals", 2),
            "ranking": r.get("ranking", "competition"),
            "period": (r.get("period", {}).get("start", dt.date(r["year"], 1, 1)),
                       r.get("period", {}).get("end", dt.date(r["year"], 12, 31))),
            "scorers": r["scorers"],
            "grades": [(g["id"], g["label"], dec(g["min"])) for g in r["grade"]],
            "units": [(u["id"], u["name"]) for u in r["unit"]],
            "aliases": {a: u["id"] for u in r["unit"] for a in u.get("aliases", [])},
            "sections": [s["id"] for s in r["section"]],
            "items": items,
            "groups": groups,
        })
    return rubrics


# --------------------------------------------------------------------------
# 1. generate
# --------------------------------------------------------------------------

def step_round(x: float, step: str, hi: Decimal) -> Decimal:
    s = Decimal(step)
    v = (Decimal(repr(x)) / s).quantize(Decimal(1), ROUND_HALF_UP) * s
    v = min(max(v, D0), hi)
    return v.normalize() if v != 0 else D0


def fmt(d: Decimal) -> str:
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def annual_score(rng, q, mx: Decimal, step: str, spread=0.06) -> Decimal:
    m = float(mx)
    x = rng.gauss(q * m, spread * m)
    x = min(x, m)
    x = max(x, 0.35 * m)
    return step_round(x, step, mx)


# Daily templates: (leaf title, method, {rubric id: points}, note).
# Points follow the leaf's written criteria (each is a rule's points times a
# count; RULE_OF below names the rule and count). A title may be
# {rubric id: title} where the rubrics' leaves differ.
DEDUCT = [
    ("组织领导", "材料报备", {"counties": "0.5", "departments": "0.5"}, "未按时报送{q}政务公开工作统计数据"),
    ("组织领导", "日常记录", {"counties": "0.5", "departments": "0.5"}, "政务公开工作人员调整后未及时明确并报备"),
    ("主动公开", "随机抽查", {"counties": "0.5", "departments": "0.5"}, "抽查发现{topic}信息应公开未公开"),
    ("主动公开", "随机抽查", {"counties": "0.2", "departments": "0.2"}, "{topic}信息公开不及时，超过信息形成之日起20个工作日"),
    ("主动公开", "随机抽查", {"counties": "0.2", "departments": "0.2"}, "{topic}信息公开不及时，超过信息变更之日起20个工作日"),
    ("主动公开", "专项检查", {"counties": "0.5", "departments": "0.5"}, "规范性文件未标注有效性"),
    ("主动公开", "专项检查", {"counties": "1", "departments": "1"}, "2020年{budget}未在批复后20日内公开"),
    ("依申请公开", "专项检查", {"counties": "1", "departments": "1"}, "依申请公开件超期答复1件"),
    ("依申请公开", "随机抽查", {"counties": "0.5", "departments": "0.5"}, "依申请公开答复告知书未告知救济途径"),
    ("政府信息公开年度报告", "材料报备", {"counties": "2", "departments": "2"}, "2019年度政府信息公开工作年度报告未按时发布"),
    ("政府信息公开年度报告", "网上评测", {"counties": "0.5", "departments": "0.5"}, "年度报告统计数据前后矛盾"),
    ("政府网站", "网上评测", {"counties": "0.5", "departments": "0.5"}, "“{col}”栏目超过2周未更新"),
    ("政府网站", "网上评测", {"counties": "0.5", "departments": "0.2"}, "网站信息出现错别字1处"),
    ("政府网站", "日常记录", {"counties": "0.5", "departments": "0.5"}, "“我为政府网站找错”平台网民留言超期未办理1条"),
    ("政务新媒体", "网上评测", {"counties": "0.5", "departments": "0.5"}, "政务微信公众号超过2周未更新"),
    ("政务新媒体", "网上评测", {"counties": "0.2", "departments": "0.2"}, "政务微博互动留言未及时回复1条"),
    ("政务新媒体", "专项检查", {"counties": "0.5", "departments": "0.5"}, "政务新媒体账号未按要求备案"),
    ("落实“五公开”要求", "随机抽查", {"counties": "0.2", "departments": "0.2"}, "抽查公文1件未明确公开属性"),
    ("政策解读", "随机抽查", {"counties": "0.5", "departments": "1"}, "政策性文件未同步解读1件"),
    ("政策解读", "随机抽查", {"counties": None, "departments": "0.5"}, "解读材料简单摘抄文件原文，未解读关键措施"),
    ("舆情回应", "日常记录", {"counties": "1", "departments": "1"}, "涉及本{who}的网络舆情回应不及时"),
    ("舆情回应", "日常记录", {"counties": "0.2", "departments": "0.2"}, "12345热线转办件超期未答复1条"),
    ("基层政务公开标准化规范化", "随机抽查", {"counties": "0.5", "departments": None}, "抽查发现{town}村务公开栏未按时更新"),
    ("基层政务公开标准化规范化", "专项检查", {"counties": "0.5", "departments": None}, "{area}领域基层政务公开标准目录未公开"),
    ("政府网站和政务新媒体日常监测", "网上评测", {"counties": "0.2", "departments": "0.2"}, "网上评测发现错链、断链1条"),
    ("政府网站和政务新媒体日常监测", "网上评测", {"counties": "0.5", "departments": None}, "政府门户网站首页无法访问超过15分钟"),
    ("政府网站和政务新媒体日常监测", "网上评测", {"counties": "0.5", "departments": "0.5"}, "政务新媒体发布内容出现错误表述"),
    ("精简行政审批", "专项检查", {"counties": "0.5", "departments": "0.5"}, "行政许可事项清单未及时调整公开1项"),
    ("精简行政审批", "专项检查", {"counties": "1", "departments": "1"}, "发现变相审批或违规设置中介服务1项"),
    ("优化营商环境", "日常记录", {"counties": None, "departments": "0.5"}, "营商环境评价指标提升任务未按期完成1项"),
    ("优化营商环境", "专项检查", {"counties": "0.5", "departments": None}, "企业开办时间超过3个工作日"),
    ("激励创业创新", "材料报备", {"counties": "0.2", "departments": None}, "创业带动就业完成率较目标下降5个百分点"),
    ("商事制度改革", "专项检查", {"counties": "0.5", "departments": "0.5"}, "“双随机、一公开”抽查结果未按时公示1批次"),
    ({"counties": "优化公共服务", "departments": "改善社会服务"}, "随机抽查", {"counties": "1", "departments": "1"},
     "窗口要求群众提供无法定依据的证明材料1起"),
    ("改善社会服务", "网上评测", {"counties": None, "departments": "0.5"}, "“好差评”差评未在规定时限内整改1件"),
    ("改善社会服务", "网上评测", {"counties": None, "departments": "0.3"}, "3项政务服务事项办事指南要素缺漏"),
    ("政务服务“一网通办”和“好差评”", "网上评测", {"counties": "0.5", "departments": None}, "“好差评”差评未在规定时限内整改1件"),
    ("政务服务“一网通办”和“好差评”", "网上评测", {"counties": "0.3", "departments": None}, "3项政务服务事项办事指南要素缺漏"),
    ("政务服务“一网通办”和“好差评”", "网上评测", {"counties": "0.2", "departments": None}, "当月办件及时率98%，较目标下降2个百分点"),
]
ADD = [
    ("工作创新加分", "材料报备", "0.5", "经验做法被《塔城地区政务信息》第{n}期采用"),
    ("工作创新加分", "材料报备", "0.5", "经验做法被地区推广"),
    ("工作创新加分", "日常记录", "1", "在自治区“放管服”改革工作推进会上作交流发言"),
    ("工作创新加分", "日常记录", "1", "政务公开经验做法被自治区推广"),
    ("主动公开", "日常记录", "0.5", "重点领域信息公开工作被自治区通报表扬"),
    ("政策解读", "网上评测", "0.5", "政策解读材料被自治区人民政府网站转载"),
]
TOPICS = ["财政预决算", "重大建设项目", "公共资源配置", "社会救助", "行政执法公示", "权责清单",
          "规划计划", "招标采购", "政府工作报告任务落实", "疫情防控"]
COLUMNS = ["通知公告", "政策文件", "工作动态", "人事信息", "财政信息", "建议提案办理"]
TOWNS = ["第一", "团结", "和平", "幸福", "光明", "胜利", "友谊", "前进"]
AREAS = ["户籍管理", "社会救助", "养老服务", "城乡规划", "公共文化服务", "环境保护"]


def leaf_title(title, rid: str) -> str:
    return title[rid] if isinstance(title, dict) else title


# The rule each daily finding falls under and how many instances the note
# says, by the note's template: (rule id, or {rubric id: rule id} where the
# rubrics word the rule differently; count). count × the rule's points is the
# template's points, which the generator checks. A finding that matches no
# rule (the veto) is not listed and keeps a plain points cell.
RULE_OF = {
    "未按时报送{q}政务公开工作统计数据": ("late_report", 1),
    "政务公开工作人员调整后未及时明确并报备": ("lacking", 1),       # 每缺一项: the staff member
    "抽查发现{topic}信息应公开未公开": ("missing", 1),
    "{topic}信息公开不及时，超过信息形成之日起20个工作日": ("late", 1),
    "{topic}信息公开不及时，超过信息变更之日起20个工作日": ("late", 1),
    "规范性文件未标注有效性": ("normative", 1),
    "2020年{budget}未在批复后20日内公开": ("budget", 1),
    "依申请公开件超期答复1件": ("overdue", 1),
    "依申请公开答复告知书未告知救济途径": ("irregular", 1),
    "2019年度政府信息公开工作年度报告未按时发布": ("late", 1),       # max 2: once a year
    "年度报告统计数据前后矛盾": ({"counties": "inconsistent", "departments": "format"}, 1),
    "“{col}”栏目超过2周未更新": ("stale", 1),
    "网站信息出现错别字1处": ("typo", 1),
    "“我为政府网站找错”平台网民留言超期未办理1条": ("error_report", 1),
    "政务微信公众号超过2周未更新": ("stale", 1),
    "政务微博互动留言未及时回复1条": ("unanswered", 1),
    "政务新媒体账号未按要求备案": ("unfiled", 1),
    "抽查公文1件未明确公开属性": ("attribute", 1),
    "政策性文件未同步解读1件": ("uninterpreted", 1),
    "解读材料简单摘抄文件原文，未解读关键措施": ("shallow", 1),
    "涉及本{who}的网络舆情回应不及时": ("slow_response", 1),
    "12345热线转办件超期未答复1条": ("overdue_reply", 1),
    "抽查发现{town}村务公开栏未按时更新": ("board", 1),
    "{area}领域基层政务公开标准目录未公开": ("catalog", 1),
    "网上评测发现错链、断链1条": ("broken_link", 1),
    "政府门户网站首页无法访问超过15分钟": ("down", 1),
    "政务新媒体发布内容出现错误表述": ("misstatement", 1),
    "行政许可事项清单未及时调整公开1项": ("list", 1),
    "发现变相审批或违规设置中介服务1项": ("disguised", 1),
    "营商环境评价指标提升任务未按期完成1项": ("task", 1),
    "企业开办时间超过3个工作日": ("startup_days", 1),              # 每超过1个工作日
    "创业带动就业完成率较目标下降5个百分点": ("employment", 1),     # 每下降5个百分点
    "“双随机、一公开”抽查结果未按时公示1批次": ("inspection", 1),
    "窗口要求群众提供无法定依据的证明材料1起": ("certificate", 1),
    "“好差评”差评未在规定时限内整改1件": ("bad_review", 1),
    "3项政务服务事项办事指南要素缺漏": ("guide", 3),
    "当月办件及时率98%，较目标下降2个百分点": ("timeliness", 2),   # 每下降1个百分点
    "第三季度政府网站和政务新媒体检查中，政务微信公众号被判定为不合格": ("failed_check", 1),
    "经验做法被《塔城地区政务信息》第{n}期采用": ("prefecture", 1),
    "经验做法被地区推广": ("prefecture", 1),
    "在自治区“放管服”改革工作推进会上作交流发言": ("regional", 1),
    "政务公开经验做法被自治区推广": ("regional", 1),
    "重点领域信息公开工作被自治区通报表扬": ("praised", 1),        # max 1, as the leaf's max_add
    "政策解读材料被自治区人民政府网站转载": ("reprinted", 1),        # max 1, as the leaf's max_add
}


HOLIDAYS = {dt.date(2020, 5, d) for d in range(1, 6)} | {dt.date(2020, 6, 25), dt.date(2020, 6, 26)} \
    | {dt.date(2020, 10, d) for d in range(1, 9)}


def rand_date(rng, lo=dt.date(2020, 4, 20), hi=dt.date(2020, 12, 18)) -> dt.date:
    while True:
        d = lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1))
        if d.weekday() < 5 and d not in HOLIDAYS:
            return d


def fmt_date(rng, d: dt.date) -> str:
    r = rng.random()
    if r < 0.80:
        return d.isoformat()
    if r < 0.92:
        return f"{d.year}/{d.month}/{d.day}"
    return f"{d.year}年{d.month}月{d.day}日"


def generate(seed=SEED):
    rng = random.Random(seed)
    rubrics = load_rubrics()
    office, lead, center, daily = [], [], [], []
    for r in rubrics:
        rid = r["id"]
        by_title = {it["title"]: it for it in r["items"]}
        assert sorted(DRAW_ORDER[rid]) == sorted(by_title), ("DRAW_ORDER must list the leaves of", rid)
        for uid, uname in r["units"]:
            q = QUALITY[uid]
            na = set(NOT_APPLICABLE.get(uid, []))
            batch = {"office": [], "lead_unit": [], "service_center": []}
            for it in (by_title[t] for t in DRAW_ORDER[rid]):
                for s in it["scorers"]:
                    if it["title"] in na:
                        cell, note = {"office": "n/a", "lead_unit": "不涉及", "service_center": "不适用"}[s], "无行政审批职能" if it["title"] == "精简行政审批" else "无涉企经营许可事项"
                    elif s == "office":
                        cell = annual_score(rng, q, it["max"], "0.5")
                        note = "" if cell == it["max"] or rng.random() < 0.7 else rng.choice(
                            ["自查材料不完整", "部分台账缺失", "工作汇报未体现量化成效", "调查表反馈满意度偏低"])
                    elif s == "lead_unit":
                        cell = annual_score(rng, q, it["max"], "0.1", 0.05)
                        note = f"专项组牵头单位：{LEADS[it['title']]}"
                    else:
                        cell = annual_score(rng, q, it["max"], "0.01", 0.04)
                        kb = min(100.0, 84 + 16 * q + rng.uniform(-2, 2))
                        js = min(100.0, 90 + 10 * q + rng.uniform(-1, 1))
                        note = f"网上可办率{kb:.1f}%，办件及时率{js:.1f}%"
                    cellt = cell if isinstance(cell, str) else fmt(cell)
                    batch[s].append((uid, uname, it, s, cellt, note))
            for s, rows in (("office", office), ("lead_unit", lead), ("service_center", center)):
                rows.extend(sorted(batch[s], key=lambda row: row[2]["pos"]))
            # daily deductions: more for weaker units
            n_ded = round(2 + (1 - q) * 38 + rng.uniform(-1, 1))
            cands = [t for t in DEDUCT if t[2][rid] is not None and leaf_title(t[0], rid) not in na]
            for _ in range(n_ded):
                title, method, pts, note = rng.choice(cands)
                title = leaf_title(title, rid)
                daily.append([rand_date(rng), uid, uname, rid, title, "核减", pts[rid], method, note])
            # daily additions: for stronger units
            n_add = max(0, round((q - 0.78) * 25 + rng.uniform(-1, 1)))
            for _ in range(n_add):
                title, method, pts, note = rng.choice(ADD)
                daily.append([rand_date(rng), uid, uname, rid, title, "核加", pts, method, note])
    # 地区统计局: a quarter's 不合格 verdict on its WeChat account, over the cap
    daily.append([dt.date(2020, 10, 21), "tjj", "地区统计局", "departments", "政府网站和政务新媒体日常监测",
                  "核减", "3", "网上评测", "第三季度政府网站和政务新媒体检查中，政务微信公众号被判定为不合格"])
    # the one veto
    daily.append([dt.date(2020, 9, 16), VETO_UNIT, "托里县", "counties", "", "一票否决", "", "专项检查",
                  "政府门户网站主动公开的文件附件含涉密信息，经保密部门认定造成泄密，实行一票否决"])
    daily.sort(key=lambda x: (x[0], x[1]))

    # document numbers: the office issues one bulletin (通报) per month and
    # method (commendations separately), numbered through the year
    method_order = ["日常记录", "随机抽查", "专项检查", "网上评测", "材料报备"]
    keys = sorted({(x[0].month, x[5] == "核加", method_order.index(x[7])) for x in daily})
    docs = {k: 11 + i for i, k in enumerate(keys)}
    rows = []
    item_ids = {r["id"]: {i["title"]: i["id"] for i in r["items"]} for r in rubrics}
    leaves = {r["id"]: {i["title"]: i for i in r["items"]} for r in rubrics}
    # How each record names its rule (id or full text), and whether it also
    # writes the points and the kind, is drawn from a second generator, so the
    # year drawn from SEED stays the same.
    form = random.Random(f"{seed}/rules")
    for d, uid, uname, rid, title, kind, pts, method, template in daily:
        key = (d.month, kind == "核加", method_order.index(method))
        rule_cell = count_cell = ""
        if template in RULE_OF:
            rule, count = RULE_OF[template]
            ru = leaves[rid][title]["rules"][leaf_title(rule, rid)]
            assert ru["kind"] == KINDS[kind] and count * ru["points"] == Decimal(pts), (template, rid)
            by_text, with_points, kind_empty = form.random() < 0.1, form.random() < 0.25, form.random() < 0.25
            rule_cell = ru["text"] if by_text else ru["id"]
            count_cell = str(count)
            pts = pts if with_points else ""
            kind = "" if kind_empty else kind
        note = template.format(q="第" + "一二三四"[max((d.month - 1) // 3 - 1, 0)] + "季度",
                               topic=rng.choice(TOPICS), col=rng.choice(COLUMNS),
                               budget="部门预算" if rid == "departments" else "财政预算",
                               who="县（市）" if rid == "counties" else "部门",
                               town=rng.choice(TOWNS), area=rng.choice(AREAS), n=rng.randint(12, 96))
        note = f"{note}（塔行办通报〔2020〕{docs[key]}号）"
        unit_cell = uname if rng.random() < 0.9 else uid
        item_cell = title if (not title or rng.random() < 0.85) else item_ids[rid][title]
        rows.append([fmt_date(rng, d), unit_cell, item_cell, kind, pts, method, note, rule_cell, count_cell])

    write_office_workbook(rubrics, office)
    for r in rubrics:
        write_lead_sheet(r, [row for row in lead if row[0] in dict(r["units"])])
    center_name = rubrics[0]["scorers"]["service_center"]
    write_csv(HERE / "annual-service-center.csv", ["单位", "项目", "评分单位", "得分", "备注"],
              [[un, it["id"], center_name, c, note] for _, un, it, _, c, note in center],
              encoding="utf-8-sig")
    write_csv(HERE / "daily.csv", ["日期", "单位", "项目", "类型", "分值", "方式", "说明", "规则", "次数"], rows)


GROUP_NAMES = {"counties": "各县（市）", "departments": "地直各部门"}
TITLE = "塔城地区2020年度政务公开和“放管服”改革工作年度考核评分表"


def office_leaves(r):
    """The leaves the office scores, in rubric order: its sheet's columns."""
    return [it for it in r["items"] if "office" in it["scorers"]]


def write_office_workbook(rubrics, office):
    """The office's scores as scorers return them: a workbook with a sheet of
    instructions and one wide sheet (评分表) per rubric: a merged title row,
    the scorer and a date under it, 序号 | 单位 | one column per leaf with
    its points | 合计 | 备注, and the signatures below. 合计 is a formula
    whose saved value is the sum in binary floating point, as a spreadsheet
    computes it."""
    scorer = rubrics[0]["scorers"]["office"]
    sheets = [("说明", [
        [(1, "填表说明")],
        [(1, "1. 每个被考核单位一行，每个考核项目一列，列名中的分值为该项目满分。")],
        [(1, "2. 得分填数字；项目对本单位不适用的，填 n/a（不涉及）。")],
        [(1, "3. 合计为本行各项目得分之和，由公式计算，请勿手工修改。")],
    ], None)]
    for r in rubrics:
        leaves = office_leaves(r)
        by_cell = {(uid, it["id"]): (c, note) for uid, _, it, _, c, note in office}
        header = ["序号", "单位"] + [f'{it["id"]} {it["title"]}（{fmt(it["max"])}分）' for it in leaves] + ["合计", "备注"]
        width = len(header)
        rows = [
            [(1, f"{TITLE}（{GROUP_NAMES[r['id']]}）")],
            [(1, f"评分单位：{scorer}"), (width - 1, "评分日期：2021年1月15日")],
            [(k + 1, h) for k, h in enumerate(header)],
        ]
        for n, (uid, uname) in enumerate(r["units"], 1):
            line = len(rows) + 1
            cells = [(1, ("formula", "ROW()-3", float(n))), (2, uname)]
            total = 0.0
            notes = []
            for k, it in enumerate(leaves):
                c, note = by_cell[(uid, it["id"])]
                if c == "n/a":
                    cells.append((k + 3, "n/a"))
                else:
                    cells.append((k + 3, float(c)))
                    total += float(c)
                if note:
                    notes.append(f'{it["id"]}{note}')
            first, last = col_letter(3), col_letter(len(leaves) + 2)
            cells.append((len(leaves) + 3, ("formula", f"SUM({first}{line}:{last}{line})", total)))
            if notes:
                cells.append((len(leaves) + 4, "；".join(notes)))
            rows.append(cells)
        rows.append([(2, "评分人：王磊"), (5, "审核人：李娜")])
        sheets.append((GROUP_NAMES[r["id"]], rows, f"A1:{col_letter(width)}1"))
    write_xlsx(HERE / "annual-office.xlsx", sheets)


def write_lead_sheet(r, lead):
    """The lead units' scores of one rubric: a wide CSV as Excel on Chinese
    Windows saves it (GB18030, CRLF), a title block naming the scorer, items
    by title with their points, 合计 and a footer note of who led each item."""
    leaves = [it for it in r["items"] if "lead_unit" in it["scorers"]]
    scorer = r["scorers"]["lead_unit"]
    header = ["序号", "单位"] + [f'{it["title"]}（{fmt(it["max"])}分）' for it in leaves] + ["合计"]
    width = len(header)
    pad = lambda cells: cells + [""] * (width - len(cells))
    rows = [pad([f"“放管服”改革专项组牵头单位年度评分表（{GROUP_NAMES[r['id']]}）"]),
            pad([f"评分单位：{scorer}"]),
            header]
    by_cell = {(uid, it["id"]): c for uid, _, it, _, c, _ in lead}
    for n, (uid, uname) in enumerate(r["units"], 1):
        cells = [by_cell[(uid, it["id"])] for it in leaves]
        total = sum((Decimal(c) for c in cells if c != "不涉及"), D0)
        rows.append([str(n), uname] + cells + [fmt(total)])
    led = "；".join(f'{it["title"]}由{LEADS[it["title"]]}评分' for it in leaves)
    rows.append(pad([f"注：{led}。"]))
    write_csv(HERE / f"annual-lead-{r['id']}.csv", rows[0], rows[1:], encoding="gb18030", crlf=True)


def col_letter(n: int) -> str:
    s = ""
    while n:
        n, rem = divmod(n - 1, 26)
        s = chr(65 + rem) + s
    return s


def write_xlsx(path: Path, sheets):
    """A workbook from (name, rows, merged range) with rows of (column,
    value) cells: text (shared strings), numbers, or ("formula", text,
    saved value). Standard library only; fixed dates, so the same data give
    the same file."""
    import zipfile
    from xml.sax.saxutils import escape
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    strings: list[str] = []

    def sst(text):
        if text not in strings:
            strings.append(text)
        return strings.index(text)

    def number(v: float) -> str:
        return str(int(v)) if v == int(v) else repr(v)

    parts = {}
    for k, (name, rows, merged) in enumerate(sheets, 1):
        body = []
        for r, cells in enumerate(rows, 1):
            xml = []
            for c, v in cells:
                ref = f"{col_letter(c)}{r}"
                style = ' s="1"' if r == 1 and merged else ""
                if isinstance(v, tuple):
                    xml.append(f'<c r="{ref}"><f>{escape(v[1])}</f><v>{number(v[2])}</v></c>')
                elif isinstance(v, float):
                    xml.append(f'<c r="{ref}"><v>{number(v)}</v></c>')
                else:
                    xml.append(f'<c r="{ref}" t="s"{style}><v>{sst(v)}</v></c>')
            body.append(f'<row r="{r}">{"".join(xml)}</row>')
        merge = f'<mergeCells count="1"><mergeCell ref="{merged}"/></mergeCells>' if merged else ""
        cols = '<cols><col min="1" max="1" width="6" customWidth="1"/><col min="2" max="2" width="24" customWidth="1"/></cols>'
        parts[f"xl/worksheets/sheet{k}.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{main}" xmlns:r="{rel}">'
            f'{cols}<sheetData>{"".join(body)}</sheetData>{merge}</worksheet>')
    parts["xl/sharedStrings.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{main}" count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{escape(t)}</t></si>" for t in strings) + "</sst>")
    parts["xl/styles.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{main}">'
        '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="14"/><name val="宋体"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf></cellXfs>'
        '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>')
    sheet_list = "".join(f'<sheet name="{escape(name)}" sheetId="{k}" r:id="rId{k}"/>' for k, (name, _, _) in enumerate(sheets, 1))
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{main}" xmlns:r="{rel}">'
        f'<sheets>{sheet_list}</sheets></workbook>')
    n = len(sheets)
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="rId{k}" Type="{rel}/worksheet" Target="worksheets/sheet{k}.xml"/>' for k in range(1, n + 1))
        + f'<Relationship Id="rId{n + 1}" Type="{rel}/styles" Target="styles.xml"/>'
        + f'<Relationship Id="rId{n + 2}" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    parts["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
        + "".join(f'<Override PartName="/xl/worksheets/sheet{k}.xml" ContentType="{ct}.worksheet+xml"/>' for k in range(1, n + 1))
        + f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/></Types>')
    order = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
             "xl/styles.xml", "xl/sharedStrings.xml"] + [f"xl/worksheets/sheet{k}.xml" for k in range(1, n + 1)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=(2021, 1, 15, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[name].encode("utf-8"))


def write_csv(path: Path, header, rows, encoding="utf-8", crlf=False):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n" if crlf else "\n")
    w.writerow(header)
    w.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


# --------------------------------------------------------------------------
# 2. score (reads the files back; independent of the generator above)
# --------------------------------------------------------------------------

ALIASES = {
    "unit": {"unit", "单位"}, "item": {"item", "项目"}, "scorer": {"scorer", "评分单位"},
    "score": {"score", "得分"}, "note": {"note", "备注", "说明"}, "date": {"date", "日期"},
    "kind": {"kind", "类型"}, "points": {"points", "分值"}, "method": {"method", "方式"},
    "total": {"total", "总分"}, "grade": {"grade", "等次"}, "rank": {"rank", "名次", "排名"},
    "rule": {"rule", "规则", "扣分标准"}, "count": {"count", "次数", "数量"},
}
KINDS = {"deduct": "deduct", "核减": "deduct", "扣分": "deduct", "add": "add", "核加": "add",
         "加分": "add", "veto": "veto", "一票否决": "veto"}
METHODS = {"daily_record": "日常记录", "spot_check": "随机抽查", "special_inspection": "专项检查",
           "online_evaluation": "网上评测", "material_filing": "材料报备"}
NUM = re.compile(r"^[+-]?\d+(\.\d+)?$")


def read_table(path: Path):
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    rd = csv.reader(io.StringIO(text, newline=""))
    header = next(rd)
    cols = {}
    for i, h in enumerate(header):
        h = h.strip().lower()
        for k, names in ALIASES.items():
            if h in names:
                cols[k] = i
    for row in rd:
        if not any(c.strip() for c in row):
            continue
        yield {k: row[i].strip() for k, i in cols.items()}


ANNUAL_FILES = ["annual-office.xlsx", "annual-lead-counties.csv", "annual-lead-departments.csv",
                "annual-service-center.csv"]
FOOTER_EXACT = {"合计", "总计", "小计", "平均", "平均分"}
FOOTER_BEGINS = ("评分人", "填表人", "审核人", "负责人", "签字", "注", "说明")
UNIT_HEADERS = {"unit", "单位", "单位名称", "被考核单位", "考核对象"}
ITEM_HEADERS = {"item", "项目", "考核项目"}
CHECK_HEADERS = {"合计", "总分", "小计", "得分合计", "total"}
POINTS = re.compile(r"^(.*?)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[）)]$")


def excel_number(v: str) -> str:
    """A number cell as Excel shows it: 15 significant digits, shortest form."""
    d = Decimal(format(float(v), ".14e")).normalize()
    return format(d, "f")


def xlsx_sheets(path: Path):
    """(name, rows of cell texts) of each sheet of an .xlsx, read with the
    standard library: shared strings, inline strings, numbers at 15 digits."""
    import xml.etree.ElementTree as ET
    import zipfile
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    with zipfile.ZipFile(path) as z:
        book = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
                strings.append("".join(t.text or "" for t in si.iter(f"{{{ns['m']}}}t")))
        for sheet in book.find("m:sheets", ns):
            xml = ET.fromstring(z.read("xl/" + target[sheet.get(rid)].lstrip("/").removeprefix("xl/")))
            rows = []
            for row in xml.iter(f"{{{ns['m']}}}row"):
                cells = {}
                for c in row.findall("m:c", ns):
                    ref = c.get("r")
                    column = 0
                    for ch in ref:
                        if ch.isalpha():
                            column = column * 26 + ord(ch) - 64
                    v = c.find("m:v", ns)
                    if c.get("t") == "s":
                        cells[column] = strings[int(v.text)]
                    elif c.get("t") == "inlineStr":
                        cells[column] = "".join(t.text or "" for t in c.iter(f"{{{ns['m']}}}t"))
                    elif v is not None:
                        cells[column] = excel_number(v.text)
                width = max(cells, default=0)
                rows.append([cells.get(k, "") for k in range(1, width + 1)])
            yield sheet.get("name"), rows


def csv_rows(path: Path):
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")
    return list(csv.reader(io.StringIO(text, newline="")))


def table_rows(rows):
    """One table (SPEC 10 and 11) as long rows {unit, item, scorer, score,
    max}: the header is the first row with a unit cell, the title block
    above it may name the scorer, and a header without an item column is a
    wide table of one column per item."""
    cells = lambda row: [c.strip() for c in row]
    h = next(i for i, row in enumerate(rows) if any(c in UNIT_HEADERS for c in cells(row)))
    scorer = None
    for row in rows[:h]:
        for c in cells(row):
            m = re.match(r"^评分单位[:：]\s*(\S+)", c)
            if m:
                scorer = m.group(1)
    header = cells(rows[h])
    body = [cells(row) for row in rows[h + 1:] if any(c for c in cells(row))]
    unit_col = next(i for i, c in enumerate(header) if c in UNIT_HEADERS)

    def footer(row):
        lead = row[unit_col] if unit_col < len(row) and row[unit_col] else next(c for c in row if c)
        return lead in FOOTER_EXACT or lead.startswith(FOOTER_BEGINS)

    if any(c.lower() in ITEM_HEADERS for c in header):
        cols = {}
        for i, c in enumerate(header):
            for k, names in ALIASES.items():
                if c.lower() in names:
                    cols[k] = i
        for row in body:
            if not footer(row):
                yield {k: (row[i] if i < len(row) else "") for k, i in cols.items()}
        return
    items = {}   # column -> (item key, max or None)
    checks = []
    for i, c in enumerate(header):
        if i == unit_col or c in ("", "序号", "备注"):
            continue
        if c in CHECK_HEADERS:
            checks.append(i)
            continue
        m = POINTS.match(c)
        name, mx = (m.group(1), Decimal(m.group(2))) if m else (c, None)
        key = name.split(" ", 1)[0] if re.match(r"^\d+(\.\d+)*\s", name) else name
        items[i] = (key, mx)
    for row in body:
        if footer(row):
            continue
        total = D0
        for i, (key, mx) in items.items():
            v = row[i] if i < len(row) else ""
            if v:
                yield {"unit": row[unit_col], "item": key, "scorer": scorer, "score": v, "max": mx}
                if v.lower() not in NA_WORDS:
                    total += Decimal(v)
        for i in checks:
            written = row[i] if i < len(row) else ""
            if written:
                places = -Decimal(written).as_tuple().exponent
                assert rnd(total, max(places, 0)) == Decimal(written), ("合计", row, total)


def read_annual(path: Path):
    if path.suffix == ".xlsx":
        for name, rows in xlsx_sheets(path):
            if name in ("说明", "填表说明") or not any(any(c for c in r) for r in rows):
                continue
            yield from table_rows(rows)
    else:
        yield from table_rows(csv_rows(path))


def parse_date(s: str) -> dt.date:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})-(\d{2})|/(\d{1,2})/(\d{1,2})|年(\d{1,2})月(\d{1,2})日)", s)
    y = int(m.group(1))
    mo, d = [int(x) for x in m.groups()[1:] if x is not None]
    return dt.date(y, mo, d)


def rnd(x: Decimal, places: int) -> Decimal:
    return x.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


def score():
    rubrics = load_rubrics()
    unit_of = {}
    for r in rubrics:
        for uid, name in r["units"]:
            unit_of[uid] = unit_of[name] = (r, uid)
        for alias, uid in r["aliases"].items():
            assert alias not in unit_of, ("alias taken", alias)
            unit_of[alias] = (r, uid)
    scorer_of = {}
    for r in rubrics:
        for sid, name in r["scorers"].items():
            scorer_of[sid] = scorer_of[name] = sid

    def item_of(r, key):
        for it in r["items"]:
            if key in (it["id"], it["title"]):
                return it
        for g in r["groups"]:
            # only leaves are scored: a row naming a group is an error
            assert key not in (g["id"], g["title"]), ("a group, not a leaf", key, g["leaves"])
        raise KeyError(key)

    annual = {}   # (uid, item id, scorer) -> Decimal | "na"
    for f in ANNUAL_FILES:
        for row in read_annual(HERE / f):
            r, uid = unit_of[row["unit"]]
            it = item_of(r, row["item"])
            # a sheet's points in its header must be the leaf's max (SPEC 10)
            assert row.get("max") in (None, it["max"]), ("header max", f, row)
            s = scorer_of[row["scorer"]] if row.get("scorer") else next(iter(it["scorers"]))
            assert s in it["scorers"], (f, row)
            key = (uid, it["id"], s)
            assert key not in annual, ("duplicate", f, key)
            v = row["score"]
            if v.lower() in NA_WORDS:
                annual[key] = "na"
            else:
                assert NUM.match(v), v
                annual[key] = Decimal(v)
                assert D0 <= annual[key] <= it["max"], (key, v)
    # (uid, item id) -> points of records without a rule; (uid, item id,
    # rule id) -> points of records under that rule (SPEC 9)
    ded, add, by_rule, veto = {}, {}, {}, set()
    for row in read_table(HERE / "daily.csv"):
        r, uid = unit_of[row["unit"]]
        d = parse_date(row["date"])
        assert r["period"][0] <= d <= r["period"][1], d
        rule_cell, count_cell = row.get("rule", ""), row.get("count", "")
        kind = KINDS[row["kind"].lower()] if row["kind"] or not rule_cell else None
        assert row["method"].lower() in METHODS or row["method"] in METHODS.values(), row
        if kind == "veto":
            veto.add(uid)
            continue
        it = item_of(r, row["item"])
        if rule_cell:
            ru = next(x for x in it["rules"].values() if rule_cell in (x["id"], x["text"]))
            assert kind in (None, ru["kind"]), row
            kind = ru["kind"]
            count = Decimal(count_cell) if count_cell else Decimal(1)
            assert count > 0
            p = count * ru["points"]
            assert not row.get("points") or Decimal(row["points"]) == p, row
            key = (uid, it["id"], ru["id"])
            by_rule[key] = by_rule.get(key, D0) + p
            continue
        assert not count_cell, row
        p = Decimal(row["points"])
        assert p > 0
        tgt = ded if kind == "deduct" else add
        tgt[(uid, it["id"])] = tgt.get((uid, it["id"]), D0) + p

    def adjustment(uid, it, kind):
        """Step 2 with rules: each rule capped at its max, then the leaf's cap."""
        plain = (ded if kind == "deduct" else add).get((uid, it["id"]), D0)
        for ru in it["rules"].values():
            if ru["kind"] == kind:
                v = by_rule.get((uid, it["id"], ru["id"]), D0)
                plain += v if ru["max"] is None else min(v, ru["max"])
        cap = it["max_deduct"] if kind == "deduct" else it["max_add"]
        return plain if cap is None else min(plain, cap)

    results = []
    for r in rubrics:
        dp = r["decimals"]
        res = []
        for uid, name in r["units"]:
            total_app = D0
            max_app = D0
            scaled = False
            for it in r["items"]:
                cells = [annual.get((uid, it["id"], s)) for s in it["scorers"]]
                assert all(c is not None for c in cells), ("missing", uid, it["id"])
                if any(c == "na" for c in cells):
                    assert all(c == "na" for c in cells), (uid, it["id"])
                    assert (uid, it["id"]) not in ded and (uid, it["id"]) not in add
                    assert not any(k[:2] == (uid, it["id"]) for k in by_rule)
                    scaled = True
                    continue
                if it["scorers"]:
                    base = sum((w * annual[(uid, it["id"], s)] for s, w in it["scorers"].items()), D0)
                else:
                    base = it["max"] if it["start"] == "full" else D0
                dd = adjustment(uid, it, "deduct")
                aa = adjustment(uid, it, "add")
                sc = rnd(min(max(base - dd + aa, D0), it["max"]), dp)
                total_app += sc
                max_app += it["max"]
            total = rnd(total_app * r["total"] / max_app, dp) if scaled else rnd(total_app, dp)
            grade = next(g for g in r["grades"] if g[2] <= total)
            if uid in veto:
                grade = r["grades"][-1]
            res.append({"uid": uid, "name": name, "total": total, "grade": grade[1],
                        "veto": uid in veto, "scaled": scaled,
                        "sum": total_app, "max_sum": max_app})
        for u in res:
            greater = {v["total"] for v in res if v["total"] > u["total"]} if r["ranking"] == "dense" \
                else [v for v in res if v["total"] > u["total"]]
            u["rank"] = 1 + len(greater)
        order = {u["uid"]: i for i, u in enumerate(res)}
        res.sort(key=lambda u: (u["rank"], order[u["uid"]]))
        results.append((r, res))
    return results


def published_text(results) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["单位", "总分", "等次", "名次"])
    for _, res in results:
        for u in res:
            w.writerow([u["name"], format(u["total"], "f"), u["grade"], u["rank"]])
    return buf.getvalue()


def summary(results):
    for r, res in results:
        print(f"== {r['id']}")
        for u in res:
            flags = " ".join(x for x in ("veto" if u["veto"] else "", "scaled" if u["scaled"] else "") if x)
            print(f"{u['rank']:>3} {u['name']:<16}\t{u['total']}\t{u['grade']}\t{flags}")


def main(argv):
    cmd = argv[1] if len(argv) > 1 else "all"
    if cmd == "all":
        generate()
    results = score()
    text = published_text(results)
    if cmd == "check":
        same = (HERE / "published.csv").read_text(encoding="utf-8") == text
        print("published.csv is up to date" if same else "published.csv differs")
        return 0 if same else 1
    (HERE / "published.csv").write_text(text, encoding="utf-8")
    summary(results)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
