#!/usr/bin/env python3
"""Writes the seeds of the `workbook` target (seeds/workbook/): inputs in the
shape `workbook_file` (src/lib.rs) reads. A first byte below 0xC0, then the
parts of a workbook separated by PART_SEPARATOR: the first sheet's XML, the
shared strings, the styles, the workbook part, a second sheet. A first byte
0xFF, then a whole file (the other targets' workbook seeds).

Run it from fuzz/: python3 seeds/make_workbook.py"""
import csv
import pathlib
from xml.sax.saxutils import escape

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = HERE / "workbook"
SEP = b"\n\x00--\x00\n"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def col(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


class Strings:
    def __init__(self):
        self.items = []

    def cell(self, ref, text):
        if text not in self.items:
            self.items.append(text)
        return f'<c r="{ref}" t="s"><v>{self.items.index(text)}</v></c>'

    def xml(self):
        si = "".join(f"<si><t>{escape(t)}</t></si>" for t in self.items)
        return f'<sst xmlns="{MAIN}" count="{len(self.items)}" uniqueCount="{len(self.items)}">{si}</sst>'


def sheet(rows, merge=None):
    body = "".join(f'<row r="{r}">{"".join(cells)}</row>' for r, cells in rows)
    merged = f'<mergeCells count="1"><mergeCell ref="{merge}"/></mergeCells>' if merge else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}">'
            f'<dimension ref="A1:H20"/><sheetData>{body}</sheetData>{merged}</worksheet>')


STYLES = (f'<styleSheet xmlns="{MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
          '<numFmt numFmtId="165" formatCode="0.00&quot;分&quot;"/></numFmts>'
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>')


def parts(*ps):
    return bytes([0]) + SEP.join(p.encode() if isinstance(p, str) else p for p in ps)


def office_wide():
    """The office's counties sheet of the example year, wide, with a title,
    its scorer, 序号 by formula, points in the headers, 合计 by formula with
    float noise, 备注 and a signature line."""
    import tomllib
    rubric = tomllib.loads((ROOT / "rubrics" / "counties.toml").read_text())
    leaves = []

    def walk(items):
        for it in items:
            if "item" in it:
                walk(it["item"])
            elif it.get("scorers", {}).get("office"):
                leaves.append(it)
    for s in rubric["section"]:
        walk(s["item"])
    units = {u["id"]: u["name"] for u in rubric["unit"]}
    scores = {}
    with open(ROOT / "examples" / "2020" / "annual-office.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["unit"] in units:
                scores[(row["unit"], row["item"])] = row["score"]
    st = Strings()
    header = ["序号", "单位"] + [f'{it["id"]} {it["title"]}（{it["max"]}分）' for it in leaves] + ["合计", "备注"]
    rows = [(1, [st.cell("A1", "2020年度政务公开考核评分表（各县（市））")]),
            (2, [st.cell("A2", "评分单位：行政公署办公室考核组"), st.cell("F2", "日期：")]),
            (3, [st.cell(f"{col(c + 1)}3", h) for c, h in enumerate(header)])]
    for k, uid in enumerate(list(units)[:3]):
        r = 4 + k
        cells = [f'<c r="A{r}"><f>ROW()-3</f><v>{k + 1}</v></c>', st.cell(f"B{r}", units[uid])]
        total = 0.0
        for c, it in enumerate(leaves):
            v = scores.get((uid, it["id"]), "")
            ref = f"{col(c + 3)}{r}"
            if v.lower() == "n/a":
                cells.append(st.cell(ref, "不涉及"))
            elif v:
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
                total += float(v)
        end = col(len(leaves) + 2)
        cells.append(f'<c r="{col(len(leaves) + 3)}{r}" s="3"><f>SUM(C{r}:{end}{r})</f><v>{total!r}</v></c>')
        rows.append((r, cells))
    rows.append((8, [st.cell("A8", "评分人：张三"), st.cell("D8", "审核人：李四")]))
    return parts(sheet(rows, merge=f"A1:{col(len(header))}1"), st.xml(), STYLES)


def long_annual():
    st = Strings()
    rows = [(1, [st.cell("A1", "单位名称"), st.cell("B1", "考核项目"), st.cell("C1", "评分单位"), st.cell("D1", "分数")]),
            (2, [st.cell("A2", "塔城市"), '<c r="B2"><v>1.1</v></c>', st.cell("C2", "office"), '<c r="D2"><v>4.5</v></c>']),
            (3, [st.cell("A3", "乌苏市"), st.cell("B3", "主动公开"), st.cell("C3", "office"), '<c r="D3" t="str"><f>1.5*0.35*10</f><v>5.249999999999999</v></c>']),
            (4, [st.cell("A4", "额敏县"), st.cell("B4", "1.2.2"), st.cell("C4", "office"), '<c r="D4"><f>1+1</f></c>']),
            (5, [st.cell("A5", "沙湾县"), st.cell("B5", "1.2.3"), st.cell("C5", "office"), '<c r="D5" t="e"><v>#N/A</v></c>']),
            (6, ['<c r="A6" t="inlineStr"><is><r><t>托里</t></r><r><t>县</t></r></is></c>', st.cell("B6", "1.2.3"), '<c r="D6" t="b"><v>1</v></c>'])]
    return parts(sheet(rows), st.xml(), STYLES)


def daily():
    st = Strings()
    rows = [(1, [st.cell("A1", "2020年日常考核记录")]),
            (2, [st.cell(f"{col(c + 1)}2", h) for c, h in enumerate(["日期", "单位", "项目", "类型", "分值", "方式", "说明"])]),
            (3, ['<c r="A3" s="1"><v>43970</v></c>', st.cell("B3", "塔城市"), st.cell("C3", "政府网站"), st.cell("D3", "核减"), '<c r="E3"><v>0.5</v></c>', st.cell("F3", "网上评测")]),
            (4, ['<c r="A4" s="2"><v>43971.4375</v></c>', st.cell("B4", "乌苏市"), st.cell("C4", "1.3.1"), st.cell("D4", "扣分"), st.cell("E4", "０．５分"), st.cell("F4", "随机抽查")]),
            (5, [st.cell("A5", "2020-05-21 10:30"), st.cell("B5", "额敏县"), st.cell("C5", "组织领导"), st.cell("D5", "核减"), '<c r="E5" s="3"><v>1</v></c>', st.cell("F5", "日常记录")]),
            (6, [st.cell("A6", "注：分值按细则计")])]
    return parts(sheet(rows), st.xml(), STYLES)


def hostile():
    """Far cells, a cell out of order, a reference too long, an entity."""
    rows = [(1, ['<c r="A1" t="inlineStr"><is><t>单位</t></is></c>', '<c r="B1" t="inlineStr"><is><t>组织领导</t></is></c>']),
            (2, ['<c r="A2" t="inlineStr"><is><t>塔城市</t></is></c>', '<c r="B2"><v>5</v></c>']),
            (1048576, ['<c r="XFD1048576" t="inlineStr"><is><t>&amp;x&#x41;</t></is></c>'])]
    return parts(sheet(rows), "", "", "", sheet([(3, ['<c r="AAAA3"><v>1</v></c>'])]))


def main():
    OUT.mkdir(exist_ok=True)
    (OUT / "office-wide.bin").write_bytes(office_wide())
    (OUT / "long-annual.bin").write_bytes(long_annual())
    (OUT / "daily.bin").write_bytes(daily())
    (OUT / "hostile.bin").write_bytes(hostile())
    for kind in ("annual", "daily", "published"):
        raw = (HERE / kind / "workbook.xlsx").read_bytes()
        (OUT / f"raw-{kind}.bin").write_bytes(b"\xff" + raw)


if __name__ == "__main__":
    main()
