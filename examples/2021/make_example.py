#!/usr/bin/env python3
"""Write the inputs of the example year 2021 (examples/2021/README.md).

All data are fictional and written out below by hand (no random numbers), so
that the README can work three units through by hand. The rubric is
``rubric.toml`` (written by hand, not by this script). This script writes:

- ``annual-office.csv``  行政公署办公室考核组's score sheet (评分表): the tool's
                         wide template (``assess template annual --layout wide
                         --scorer office``) filled in: a title, 评分单位：, the
                         section and group titles over the columns, 序号 |
                         单位 | a column per line with its points | 合计 | 备注,
                         不涉及 in the cells of lines a unit's classes exclude,
                         and the signature line; UTF-8 with a BOM.
- ``annual-lead.csv``    “放管服”改革专项组牵头单位's score sheet, likewise
                         (``--scorer lead_unit``).
- ``measures.xlsx``      the 地区政务服务中心's 指标数据 sheet (好评率, 按时办结率),
                         laid out as ``assess template measures`` lays it out;
                         some values are numbers, two are percentage cells (0.985
                         shown as 98.5%, 0.924 shown as 92.40%), one is the text
                         "97%", the departments without approval powers say 不涉及.
                         Written with zipfile and hand-written SpreadsheetML.
- ``daily.csv``          日常考核记录: deductions, additions, one 一票否决 and one
                         此项不得分, each with its rule and count.

Usage (python3 >= 3.11, standard library only):

    python3 examples/2021/make_example.py           # write the inputs above
    python3 examples/2021/make_example.py oracle    # score them with tools/oracle/oracle.py
                                                    # and compare with published.csv
    python3 examples/2021/make_example.py oracle --write   # ... and write published.csv
    python3 examples/2021/make_example.py oracle --tool target/debug/assess
                                                    # ... and compare the tool's JSON with
                                                    # the oracle's, value by value

The oracle (an independent implementation of the contract) reads long CSV
tables only, so ``oracle`` writes the same annual scores and measured values
as long tables into a temporary folder first (a percentage cell as the
percentage it shows, "97%" as written).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TITLE = "塔城地区2021年度政务公开和“放管服”改革工作考核细则（地直各部门）"

NA = "不涉及"

# (id, name, classes), in roster order.
UNITS = [
    ("fgw", "地区发展和改革委员会", {"approval"}),
    ("jyj", "地区教育局", {"approval"}),
    ("zrzyj", "地区自然资源局", {"approval", "law"}),
    ("sthjj", "地区生态环境局", {"approval", "law"}),
    ("jtysj", "地区交通运输局", {"approval", "law"}),
    ("scjgj", "地区市场监督管理局", {"approval", "law"}),
    ("tjj", "地区统计局", {"law"}),
    ("sjj", "地区审计局", set()),
]
NAME = {u: n for u, n, _ in UNITS}
CLASSES = {u: c for u, _, c in UNITS}

# The lines each scorer scores, in rubric order: (id, title, max, classes it
# applies to (None: every unit)). Headers as the template writes them.
OFFICE_LINES = [
    ("1.1", "组织领导", 5, None),
    ("1.2.1", "主动公开", 10, None),
    ("1.2.2", "依申请公开", 6, None),
    ("1.2.3", "政府信息公开年度报告", 4, None),
    ("1.2.4", "行政执法信息公示", 6, "law"),
    ("1.3.1", "部门网站栏目", 8, None),
    ("1.4.1", "政策解读", 8, None),
    ("1.4.2", "舆情回应", 4, None),
    ("1.5", "落实“五公开”要求", 5, None),
    ("2.1.1", "审批事项清单管理", 5, "approval"),
    ("2.3", "“双随机、一公开”监管", 10, "law"),
]
LEAD_LINES = [
    ("2.1.1", "审批事项清单管理", 5, "approval"),
    ("2.1.2", "“证照分离”改革", 5, "approval"),
    ("2.3", "“双随机、一公开”监管", 10, "law"),
]

# Annual scores, one list per unit in the order of the lines above; None where
# the line does not apply to the unit (the sheet says 不涉及).
OFFICE = {
    #        1.1   1.2.1  1.2.2  1.2.3  1.2.4  1.3.1  1.4.1  1.4.2  1.5    2.1.1  2.3
    "fgw":   ["5", "9.5", "6",   "4",   None,  "7.5", "7.5", "4",   "4.8", "4",   None],
    "jyj":   ["4.5", "9", "5.5", "4",   None,  "7",   "7",   "3.5", "4.5", "4",   None],
    "zrzyj": ["5", "9.5", "6",   "4",   "5.5", "7.5", "7",   "4",   "5",   "5",   "9"],
    "sthjj": ["4.5", "7.5", "5", "3.5", "5",   "6",   "5.5", "3",   "4.5", "4",   "8"],
    "jtysj": ["4.5", "9", "5.5", "4",   "5.5", "7.5", "7",   "3.5", "4.5", "4",   "9"],
    "scjgj": ["5", "9",   "5.5", "4",   "5.5", "7.5", "7",   "3.5", "4.5", "4.5", "9.5"],
    "tjj":   ["4.5", "8.5", "5", "3.5", "5",   "7",   "6",   "3.5", "4.5", None,  "8.5"],
    "sjj":   ["5", "9.5", "6",   "4",   None,  "7.5", "7.5", "4",   "5",   None,  None],
}
OFFICE_NOTES = {
    "tjj": "1.2.3年度报告未按时发布，按日常考核记录此项不得分",
    "sjj": "无行政审批、行政执法职能，“放管服”改革各项不涉及",
}
LEAD = {
    #        2.1.1  2.1.2  2.3
    "fgw":   ["4.8", "4.5", None],
    "jyj":   ["4.5", "4",   None],
    "zrzyj": ["5",   "4.5", "9.5"],
    "sthjj": ["4",   "4",   "8.5"],
    "jtysj": ["4.5", "4.5", "9"],
    "scjgj": ["4.5", "5",   "10"],
    "tjj":   [None,  None,  "9"],
    "sjj":   [None,  None,  None],
}
LEAD_NOTES = {
    "jtysj": "2.1.2部分涉企经营许可事项未按时完成分类改革",
}

# Measured values for the year: (好评率, 按时办结率, 备注). A value is
# ("num", "96.875"): a number cell; ("pct", "0.985", style): a number cell
# formatted as a percentage (style "0.0%" or builtin 10, 0.00%); ("text",
# "97%"): a text cell; NA: the text 不涉及.
MEASURES = {
    "fgw": (("num", "96.875"), ("pct", "0.985", "0.0%"), "全年评价32件，好评31件"),
    "jyj": (("num", "98.2"), ("text", "97%"), ""),
    "zrzyj": (("num", "99.3"), ("num", "99.1"), ""),
    "sthjj": (("num", "88.6"), ("num", "93.8"), "差评未按时整改回访2件"),
    "jtysj": (("pct", "0.946", "0.00%"), ("num", "96.2"), ""),
    "scjgj": (("num", "98.8"), ("num", "99.2"), ""),
    "tjj": (NA, NA, "无政务服务事项"),
    "sjj": (NA, NA, "无政务服务事项"),
}

# Daily records: (date, unit, line, kind, method, note, rule, count). Kinds
# as written in the sheet: 核减, 核加, 一票否决, 此项不得分; the points are left to
# the rule (count × the rule's points).
DAILY = [
    ("2021-03-12", "地区交通运输局", "政务新媒体", "核减", "网上评测",
     "政务微信公众号“交通塔城”超过1个月未更新，列为“睡眠”账号（塔行办通报〔2021〕6号）", "dormant", "1"),
    ("2021-03-15", "地区发展和改革委员会", "主动公开", "核减", "网上评测",
     "2021年部门预算批复后公开不及时2条（塔行办通报〔2021〕7号）", "late", "2"),
    ("2021-03-29", "地区统计局", "政府信息公开年度报告", "此项不得分", "材料报备",
     "未于1月31日前发布2020年度政府信息公开工作年度报告（塔行办通报〔2021〕9号）", "", ""),
    ("2021-04-08", "地区教育局", "组织领导", "核减", "材料报备",
     "一季度政务公开工作统计数据未按时报送（塔行办通报〔2021〕11号）", "late_report", "1"),
    ("2021-04-20", "地区生态环境局", "主动公开", "核减", "随机抽查",
     "环境影响评价审批结果应公开未公开2处（塔行办通报〔2021〕12号）", "missing", "2"),
    ("2021-04-26", "地区统计局", "政务新媒体", "核减", "网上评测",
     "政务微博超过1个月未更新（塔行办通报〔2021〕13号）", "dormant", "1"),
    ("2021-05-10", "地区交通运输局", "行政执法信息公示", "核减", "专项检查",
     "行政处罚决定信息超过7个工作日公开2件（塔行办通报〔2021〕15号）", "late_decision", "2"),
    ("2021-05-18", "地区发展和改革委员会", "经验做法推广", "核加", "材料报备",
     "“一窗受理、集成服务”经验做法被自治区推广（新政办发〔2021〕31号）", "promoted", "1"),
    ("2021-05-24", "地区市场监督管理局", "政务新媒体", "核减", "网上评测",
     "政务微信公众号发布内容出现严重错误表述（塔行办通报〔2021〕16号）", "dormant", "1"),
    ("2021-06-02", "地区交通运输局", "审批事项清单管理", "核减", "专项检查",
     "道路运输经营许可事项清单未及时调整公开（塔行办通报〔2021〕18号）", "list", "1"),
    ("2021-06-11", "地区交通运输局", "政务新媒体", "核减", "网上评测",
     "政务微信公众号“交通塔城”再次超过1个月未更新（塔行办通报〔2021〕19号）", "dormant", "1"),
    ("2021-06-17", "地区发展和改革委员会", "部门网站栏目", "核减", "网上评测",
     "网站栏目信息出现错别字1处（塔行办通报〔2021〕19号）", "typo", "1"),
    ("2021-06-25", "地区自然资源局", "上级表扬", "核加", "材料报备",
     "不动产登记“一网通办”工作被自治区通报表扬（新政办发〔2021〕40号）", "praised", "1"),
    ("2021-07-06", "地区生态环境局", "被上级通报批评", "核减", "专项检查",
     "建设项目环评审批信息公开不到位被自治区通报批评（新政办发〔2021〕44号）", "criticised", "1"),
    ("2021-07-14", "地区教育局", "依申请公开", "核减", "随机抽查",
     "依申请公开答复告知书未告知救济途径1件（塔行办通报〔2021〕22号）", "irregular", "1"),
    ("2021-07-21", "地区统计局", "落实“五公开”要求", "核减", "随机抽查",
     "公文类信息拟制时未明确公开属性3件（塔行办通报〔2021〕23号）", "attribute", "3"),
    ("2021-08-03", "地区交通运输局", "经验做法推广", "核加", "材料报备",
     "“农村公路建设一件事”经验做法被自治区推广（新政办发〔2021〕52号）", "promoted", "1"),
    ("2021-08-12", "地区交通运输局", "被上级通报批评", "核减", "专项检查",
     "政务服务事项办事指南与实际办理不一致被自治区通报批评（新政办发〔2021〕55号）", "criticised", "1"),
    ("2021-08-19", "地区审计局", "部门网站栏目", "核减", "网上评测",
     "“审计结果公告”栏目超过2周未更新（塔行办通报〔2021〕27号）", "stale", "1"),
    ("2021-08-30", "地区生态环境局", "“双随机、一公开”监管", "核减", "专项检查",
     "两批次抽查结果未在20个工作日内公示（塔行办通报〔2021〕29号）", "inspection", "2"),
    ("2021-09-07", "地区市场监督管理局", "", "一票否决", "专项检查",
     "门户网站本部门栏目发布的文件附件含涉密内容，造成泄密（塔行办通报〔2021〕31号）", "", ""),
    ("2021-09-09", "地区交通运输局", "政务新媒体", "核减", "网上评测",
     "政务抖音号超过1个月未更新，列为“睡眠”账号（塔行办通报〔2021〕32号）", "dormant", "1"),
    ("2021-09-16", "地区自然资源局", "行政执法信息公示", "核减", "随机抽查",
     "行政处罚决定信息超过7个工作日公开1件（塔行办通报〔2021〕33号）", "late_decision", "1"),
    ("2021-09-24", "地区统计局", "政务新媒体", "核减", "网上评测",
     "政务微博再次超过1个月未更新（塔行办通报〔2021〕34号）", "dormant", "1"),
    ("2021-10-12", "地区教育局", "政策解读", "核减", "随机抽查",
     "政策性文件未同步解读1件（塔行办通报〔2021〕37号）", "uninterpreted", "1"),
    ("2021-10-20", "地区生态环境局", "行政复议纠错和行政诉讼败诉", "核减", "日常记录",
     "因政府信息公开答复被行政复议纠错1件（地区行政复议决定书〔2021〕12号）", "overturned", "1"),
    ("2021-10-28", "地区审计局", "上级表扬", "核加", "材料报备",
     "审计结果公开工作被自治区通报表扬（新政办发〔2021〕63号）", "praised", "1"),
    ("2021-11-04", "地区生态环境局", "政务新媒体", "核减", "网上评测",
     "政务微信公众号超过1个月未更新（塔行办通报〔2021〕40号）", "dormant", "1"),
    ("2021-11-10", "地区发展和改革委员会", "上级表扬", "核加", "材料报备",
     "政务服务“好差评”工作被自治区通报表扬（新政办发〔2021〕66号）", "praised", "1"),
    ("2021-11-16", "地区自然资源局", "上级表扬", "核加", "材料报备",
     "政府信息公开工作被自治区通报表扬（新政办发〔2021〕68号）", "praised", "1"),
    ("2021-11-23", "地区市场监督管理局", "上级表扬", "核加", "材料报备",
     "“证照分离”改革工作被自治区通报表扬（新政办发〔2021〕70号）", "praised", "1"),
    ("2021-11-30", "地区生态环境局", "被上级通报批评", "核减", "专项检查",
     "排污许可信息公开不及时、不完整再次被自治区通报批评（新政办发〔2021〕72号）", "criticised", "1"),
    ("2021-12-08", "地区交通运输局", "政务新媒体", "核减", "网上评测",
     "政务微信公众号第四季度检查仍为“睡眠”账号（塔行办通报〔2021〕45号）", "dormant", "1"),
    ("2021-12-15", "地区自然资源局", "经验做法推广", "核加", "材料报备",
     "“多审合一、多证合一”经验做法被自治区推广（新政办发〔2021〕74号）", "promoted", "1"),
]


def fmt_sum(values) -> str:
    s = sum(Decimal(v) for v in values)
    return format(s.normalize(), "f") if s == s.to_integral() else format(s, "f")


def csv_text(rows, crlf=False) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n" if crlf else "\n")
    w.writerows(rows)
    return buf.getvalue()


def applies(unit: str, cls) -> bool:
    return cls is None or cls in CLASSES[unit]


def wide_sheet(scorer_name, lines, scores, notes, title_rows, footer):
    """A filled wide template: title, 评分单位, the title rows over the
    columns, the header, one row per unit, the signature line."""
    width = len(lines) + 4
    rows = [[TITLE + "评分表"], [f"评分单位：{scorer_name}"]]
    rows += title_rows
    rows.append(["序号", "单位"] + [f"{i} {t}（{m}分）" for i, t, m, _ in lines] + ["合计", "备注"])
    for k, (uid, name, _) in enumerate(UNITS, 1):
        cells = []
        for (lid, _, _, cls), v in zip(lines, scores[uid]):
            if applies(uid, cls):
                assert v is not None, (uid, lid)
                cells.append(v)
            else:
                assert v is None, (uid, lid)
                cells.append(NA)
        filled = [c for c in cells if c != NA]
        rows.append([str(k), name] + cells + [fmt_sum(filled) if filled else "", notes.get(uid, "")])
    rows.append(footer + [""] * (width - len(footer)))
    return rows


def write_annual():
    office_titles = [
        ["", "", "政务公开", "", "", "", "", "", "", "", "", "“放管服”改革", "", "", ""],
        ["", "", "", "1.2 政府信息公开", "", "", "", "1.3 平台建设", "1.4 政策解读与回应关切", "", "",
         "2.1 精简行政审批", "", "", ""],
    ]
    office_footer = ["", "评分人：", "", "", "", "", "审核人：", "", "", "", "日期：2022年1月10日"]
    rows = wide_sheet("行政公署办公室考核组", OFFICE_LINES, OFFICE, OFFICE_NOTES, office_titles, office_footer)
    (HERE / "annual-office.csv").write_bytes(b"\xef\xbb\xbf" + csv_text(rows).encode("utf-8"))
    lead_titles = [
        ["", "", "“放管服”改革", "", "", "", ""],
        ["", "", "2.1 精简行政审批", "", "", "", ""],
    ]
    lead_footer = ["", "评分人：", "", "审核人：", "", "日期：2022年1月8日"]
    rows = wide_sheet("“放管服”改革专项组牵头单位", LEAD_LINES, LEAD, LEAD_NOTES, lead_titles, lead_footer)
    (HERE / "annual-lead.csv").write_bytes(b"\xef\xbb\xbf" + csv_text(rows).encode("utf-8"))


# The rules' points per instance (as in rubric.toml), for the records that
# write their points.
RULE_POINTS = {
    "late_report": "0.5", "missing": "0.5", "late": "0.2", "irregular": "0.5",
    "late_decision": "0.5", "stale": "0.5", "typo": "0.2", "dormant": "2",
    "uninterpreted": "1", "attribute": "0.2", "list": "0.5", "inspection": "0.5",
    "promoted": "1.5", "praised": "1", "criticised": "3", "overturned": "2",
}


def write_daily():
    """Every third record with a rule writes its points (count × the rule's
    points, as a clerk works it out); the others leave them to the rule."""
    rows = [["日期", "单位", "项目", "类型", "分值", "方式", "说明", "规则", "次数"]]
    for k, (date, unit, line, kind, method, note, rule, count) in enumerate(DAILY):
        points = ""
        if rule and k % 3 == 1:
            points = format((Decimal(count) * Decimal(RULE_POINTS[rule])).normalize(), "f")
        rows.append([date, unit, line, kind, points, method, note, rule, count])
    (HERE / "daily.csv").write_bytes(csv_text(rows).encode("utf-8"))


# --------------------------------------------------------------------------
# measures.xlsx: one sheet 指标数据 as `assess template measures` lays it out
# (a merged title row, 序号 | 单位 | 好评率（%） | 按时办结率（%） | 备注), under the
# title a line naming who filled it in, and a signature line at the foot.
# --------------------------------------------------------------------------

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# cellXfs: 0 default, 1 title (bold, centred), 2 header (bold, border),
# 3 body (border), 4 percentage 0.0% (custom numFmt 164), 5 percentage
# 0.00% (built-in numFmt 10).
STYLE_OF_PERCENT = {"0.0%": 4, "0.00%": 5}


def write_measures():
    strings: list[str] = []

    def sst(text: str) -> int:
        if text not in strings:
            strings.append(text)
        return strings.index(text)

    def col(n: int) -> str:
        return "ABCDEFGHIJ"[n]

    sheet_rows = []

    def text_cell(ref, text, style=3):
        return f'<c r="{ref}" s="{style}" t="s"><v>{sst(text)}</v></c>'

    def number_cell(ref, value, style=3):
        return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'

    title = TITLE + "指标数据填报表"
    sheet_rows.append([text_cell("A1", title, 1)] + [f'<c r="{col(k)}1" s="1"/>' for k in range(1, 5)])
    sheet_rows.append([text_cell("A2", "填报单位：地区政务服务中心（数据来源：自治区一体化在线政务服务平台、“好差评”系统，统计期2021年1月1日至12月31日）", 0)])
    sheet_rows.append([text_cell(f"{col(k)}3", h, 2) for k, h in enumerate(["序号", "单位", "好评率（%）", "按时办结率（%）", "备注"])])
    for n, (uid, name, _) in enumerate(UNITS, 1):
        r = n + 3
        good, on_time, note = MEASURES[uid]
        cells = [number_cell(f"A{r}", n), text_cell(f"B{r}", name)]
        for k, v in ((2, good), (3, on_time)):
            ref = f"{col(k)}{r}"
            if v == NA:
                cells.append(text_cell(ref, NA))
            elif v[0] == "num":
                cells.append(number_cell(ref, v[1]))
            elif v[0] == "pct":
                cells.append(number_cell(ref, v[1], STYLE_OF_PERCENT[v[2]]))
            else:
                cells.append(text_cell(ref, v[1]))
        cells.append(text_cell(f"E{r}", note) if note else f'<c r="E{r}" s="3"/>')
        sheet_rows.append(cells)
    last = len(UNITS) + 4
    sheet_rows.append([text_cell(f"A{last}", "填表人：", 0), text_cell(f"D{last}", "审核人：", 0)])

    body = "".join(f'<row r="{k}">{"".join(cells)}</row>' for k, cells in enumerate(sheet_rows, 1))
    sheet = (
        f'{XML_HEAD}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        f'<dimension ref="A1:E{last}"/>'
        '<cols><col min="1" max="1" width="6.7" customWidth="1"/><col min="2" max="2" width="22.7" customWidth="1"/>'
        '<col min="3" max="4" width="15.7" customWidth="1"/><col min="5" max="5" width="24.7" customWidth="1"/></cols>'
        f'<sheetData>{body}</sheetData><mergeCells count="2"><mergeCell ref="A1:E1"/><mergeCell ref="A2:E2"/></mergeCells>'
        '</worksheet>'
    )
    styles = (
        f'{XML_HEAD}<styleSheet xmlns="{MAIN_NS}">'
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>'
        '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
        '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="6">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"/>'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/>'
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>'
        '<xf numFmtId="10" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>'
        '</cellXfs>'
        '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>'
        '</styleSheet>'
    )
    shared = (
        f'{XML_HEAD}<sst xmlns="{MAIN_NS}" count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
        + "</sst>"
    )
    workbook = (
        f'{XML_HEAD}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        '<sheets><sheet name="指标数据" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    workbook_rels = (
        f'{XML_HEAD}<Relationships xmlns="{PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{REL_NS}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId3" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    )
    root_rels = (
        f'{XML_HEAD}<Relationships xmlns="{PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    content_types = (
        f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
        "</Types>"
    )
    parts = [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", root_rels),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", workbook_rels),
        ("xl/styles.xml", styles),
        ("xl/sharedStrings.xml", shared),
        ("xl/worksheets/sheet1.xml", sheet),
    ]
    with zipfile.ZipFile(HERE / "measures.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(2022, 1, 5, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


# --------------------------------------------------------------------------
# oracle: the same inputs as long CSV tables, scored by tools/oracle/oracle.py
# --------------------------------------------------------------------------

def long_tables(folder: Path):
    rows = [["单位", "项目", "评分单位", "得分"]]
    for scorer, lines, scores in (("office", OFFICE_LINES, OFFICE), ("lead_unit", LEAD_LINES, LEAD)):
        for uid, _, _ in UNITS:
            for (lid, _, _, cls), v in zip(lines, scores[uid]):
                if applies(uid, cls):
                    rows.append([NAME[uid], lid, scorer, v])
    (folder / "annual.csv").write_text(csv_text(rows), encoding="utf-8")
    rows = [["单位", "指标", "数值"]]
    for uid, _, _ in UNITS:
        for measure, v in zip(("好评率", "按时办结率"), MEASURES[uid][:2]):
            if v == NA:
                value = NA
            elif v[0] == "pct":
                value = format((Decimal(v[1]) * 100).normalize(), "f")
            else:
                value = v[1]
            rows.append([NAME[uid], measure, value])
    (folder / "measures.csv").write_text(csv_text(rows), encoding="utf-8")


def strip(doc):
    """A JSON result without what differs between runs of two programs."""
    doc = dict(doc)
    doc.pop("inputs", None)
    doc.pop("version", None)
    for r in doc.get("rubrics", []):
        r.pop("sha256", None)
    return doc


def first_difference(a, b, path="$"):
    if type(a) is not type(b):
        return f"{path}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if k not in a or k not in b:
                return f"{path}.{k}: only in {'the tool' if k in a else 'the oracle'}"
            d = first_difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} entries != {len(b)}"
        for k, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{(x.get('id') if isinstance(x, dict) else None) or k}]")
            if d:
                return d
        return None
    return None if a == b else f"{path}: tool {a!r} != oracle {b!r}"


def oracle(write: bool, tool: str | None) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        long_tables(folder)
        out = subprocess.run(
            [sys.executable, str(ROOT / "tools" / "oracle" / "oracle.py"), "score",
             "--rubric", str(HERE / "rubric.toml"), "--annual", str(folder / "annual.csv"),
             "--daily", str(HERE / "daily.csv"), "--measures", str(folder / "measures.csv")],
            capture_output=True, text=True, encoding="utf-8")
    if out.returncode != 0:
        sys.stderr.write(out.stderr)
        return 2
    doc = json.loads(out.stdout)
    if tool:
        mine = subprocess.run(
            [tool, "score", "--rubric", str(HERE / "rubric.toml"),
             "--annual", str(HERE / "annual-office.csv"), "--annual", str(HERE / "annual-lead.csv"),
             "--daily", str(HERE / "daily.csv"), "--measures", str(HERE / "measures.xlsx"),
             "--format", "json"],
            capture_output=True, text=True, encoding="utf-8")
        if mine.returncode != 0:
            sys.stderr.write(mine.stderr)
            return 2
        difference = first_difference(strip(json.loads(mine.stdout)), strip(doc))
        if difference:
            print(f"the tool and the oracle disagree: {difference}")
            return 1
        print(f"{tool} (on the CSV sheets and the workbook) and the oracle (on long tables) agree on every value")
    lines = ["单位,总分,等次,名次"]
    for u in doc["rubrics"][0]["units"]:
        lines.append(f"{u['name']},{u['total']},{u['grade_label']},{u['rank']}")
        print(f"{u['rank']:>2} {u['name']:<12} scored {u['scored']:>6} bonus {u['bonus']:>5} "
              f"penalty {u['penalty']:>6} total {u['total']:>6} {u['grade_label']}"
              + ("（一票否决）" if u["veto"] else "") + ("（名额调整）" if u.get("demoted") else ""))
    text = "\n".join(lines) + "\n"
    published = HERE / "published.csv"
    if write:
        published.write_text(text, encoding="utf-8")
        print(f"wrote {published}")
        return 0
    if published.exists() and published.read_text(encoding="utf-8") == text:
        print("published.csv agrees with the oracle")
        return 0
    print("published.csv differs from the oracle's result:\n" + text)
    return 1


def main(argv) -> int:
    if argv[:1] == ["oracle"]:
        tool = None
        if "--tool" in argv:
            tool = argv[argv.index("--tool") + 1]
        return oracle("--write" in argv[1:], tool)
    if argv:
        print(__doc__)
        return 2
    write_annual()
    write_daily()
    write_measures()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
