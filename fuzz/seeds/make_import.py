#!/usr/bin/env python3
"""Writes the seeds of the `import` target (seeds/import/): rubric workbooks
in the shape `import_file` (src/lib.rs) reads. A first byte below 0xC0 (odd:
the sheet names suffixed, `细则-x`), then the parts separated by
PART_SEPARATOR: the XML of the sheets 细则, 扣分标准, 基本信息, 评分单位,
考核对象, 指标说明, then the shared strings, the styles and the workbook part
(empty parts are left out). A first byte 0xFF, then a whole .xlsx file.

The rubrics are exported by the CLI (`assess rubric --format xlsx`): the two
shipped ones and the rubrics of seeds/rubric/. To keep the seeds small, the
sheets lose what only the eye needs (column widths, views, page setup, empty
styled cells, styles other than number formats), texts are cut to 40
characters (10 in the shipped rubrics, which keep only 10 rules and 3 units), and shared strings are written inline (`t="inlineStr"`) but in
one seed. A few hand-mangled workbooks follow.

Build the CLI first (`cargo build` at the top), then run it from fuzz/:
python3 seeds/make_import.py"""
import io
import pathlib
import re
import subprocess
import tempfile
import zipfile
from xml.sax.saxutils import escape

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = HERE / "import"
ASSESS = ROOT / "target" / "debug" / "assess"
SEP = b"\n\x00--\x00\n"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEETS = ["细则", "扣分标准", "基本信息", "评分单位", "考核对象", "指标说明"]
CUT = 40


def export(args):
    with tempfile.TemporaryDirectory() as d:
        out = pathlib.Path(d) / "r.xlsx"
        subprocess.run([str(ASSESS), "rubric", "--format", "xlsx", *args, "-o", str(out)],
                       check=True, cwd=ROOT)
        return out.read_bytes()


def unescape(s):
    return (s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


class Book:
    """The parts of an exported workbook, slimmed."""

    def __init__(self, xlsx, inline=True, limit=CUT):
        z = zipfile.ZipFile(io.BytesIO(xlsx))
        book = z.read("xl/workbook.xml").decode()
        rels = z.read("xl/_rels/workbook.xml.rels").decode()
        targets = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', rels))
        names = {n: "xl/" + targets[r] for n, r in re.findall(r'<sheet name="([^"]+)"[^>]*r:id="(rId\d+)"', book)}
        sst = z.read("xl/sharedStrings.xml").decode()
        whole = [unescape(re.sub(r"<[^>]+>", "", si)) for si in re.findall(r"<si>(.*?)</si>", sst, re.S)]
        self.strings = [cut(t, limit, whole) for t in whole]
        styles = z.read("xl/styles.xml").decode()
        xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles, re.S).group(1)
        self.formats = [int(n) for n in re.findall(r'<xf numFmtId="(\d+)"', xfs)]
        numfmts = re.search(r"<numFmts.*?</numFmts>", styles, re.S)
        self.styles = (f'<styleSheet xmlns="{MAIN}">{numfmts.group(0) if numfmts else ""}'
                       f'<cellXfs count="{len(self.formats)}">'
                       + "".join(f'<xf numFmtId="{n}"/>' for n in self.formats)
                       + "</cellXfs></styleSheet>")
        self.inline = inline
        self.sheets = {n: self.slim(z.read(p).decode()) for n, p in names.items()}

    def slim(self, xml):
        for tag in ["sheetPr", "sheetViews", "sheetFormatPr", "cols", "printOptions",
                    "pageMargins", "pageSetup", "headerFooter"]:
            xml = re.sub(rf"<{tag}\b[^>]*/>|<{tag}\b.*?</{tag}>", "", xml, flags=re.S)
        xml = re.sub(r' (spans|ht|customHeight)="[^"]*"', "", xml)
        xml = re.sub(r'<c r="[A-Z]+\d+"( s="\d+")?/>', "", xml)

        def style(m):
            n = int(m.group(1))
            return m.group(0) if n < len(self.formats) and self.formats[n] != 0 else ""
        xml = re.sub(r' s="(\d+)"', style, xml)
        if self.inline:
            def inline(m):
                text = escape(self.strings[int(m.group(2))])
                return f'<c r="{m.group(1)}" t="inlineStr"><is><t>{text}</t></is></c>'
            xml = re.sub(r'<c r="([A-Z]+\d+)"(?: s="\d+")? t="s"><v>(\d+)</v></c>', inline, xml)
        return xml.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', "")

    def keep_rows(self, sheet, last):
        """Drops the rows of `sheet` after row `last`."""
        self.sheets[sheet] = re.sub(
            r'<row r="(\d+)".*?</row>',
            lambda m: m.group(0) if int(m.group(1)) <= last else "",
            self.sheets[sheet], flags=re.S)
        return self

    def sst(self):
        si = "".join(f"<si><t>{escape(t)}</t></si>" for t in self.strings)
        return f'<sst xmlns="{MAIN}" count="{len(self.strings)}" uniqueCount="{len(self.strings)}">{si}</sst>'

    def parts(self, mode=0, workbook=""):
        ps = [self.sheets.get(n, "") for n in SHEETS]
        ps += ["" if self.inline else self.sst(), self.styles, workbook]
        while ps and ps[-1] == "":
            ps.pop()
        return bytes([mode]) + SEP.join(p.encode() for p in ps)


def cut(text, limit, others):
    """A long text cut, but for the scorers of a leaf (`办公室0.35；…`) and
    names another text holds (a scorer's name in such a list)."""
    if len(text) <= limit or "；" in text or any(text in o for o in others if o != text):
        return text
    return text[:limit]


def write(name, data):
    (OUT / name).write_bytes(data)
    print(f"{name}: {len(data)} bytes")


def main():
    OUT.mkdir(exist_ok=True)
    # The shipped rubrics whole but for their texts, cut to 10 characters,
    # their rules (the first 10 of 47 and 40) and their rosters (3 units).
    counties = Book(export(["--id", "counties"]), limit=10)
    departments = Book(export(["--id", "departments"]), limit=10)
    for b in [counties, departments]:
        b.keep_rows("扣分标准", 11).keep_rows("考核对象", 4)
    write("counties.bin", counties.parts())
    write("departments.bin", departments.parts())
    # Shared strings, and the sheet names of a workbook of several rubrics.
    write("case1-shared-suffixed.bin",
          Book(export(["--rubric", "fuzz/seeds/rubric/case1.toml"]), inline=False).parts(mode=1))
    case2 = Book(export(["--rubric", "fuzz/seeds/rubric/case2.toml"]))
    write("case2.bin", case2.parts())
    minimal_xlsx = export(["--rubric", "fuzz/seeds/rubric/minimal.toml"])
    write("raw-minimal.bin", b"\xff" + minimal_xlsx)
    minimal = Book(minimal_xlsx)
    write("minimal.bin", minimal.parts())

    # Hand-mangled: cells that are not numbers, an unknown scorer, a merge
    # across the header, a second grade with the same floor, no 考核对象.
    m = Book(minimal_xlsx)
    items = m.sheets["细则"]
    items = items.replace("<v>7.5</v>", "<v>abc</v>", 1).replace("<v>2.5</v>", "<v>-0.0</v>", 1)
    items = items.replace("办公室0.35；牵头单位0.65", "办公室0.35；督查室0.7")
    items = items.replace('<mergeCell ref="A3:A4"/>', '<mergeCell ref="A2:B4"/>')
    m.sheets["细则"] = items
    m.sheets["基本信息"] = m.sheets["基本信息"].replace("<v>0</v>", "<v>6.5</v>")
    m.sheets["考核对象"] = ""
    write("mangled-cells.bin", m.parts())

    # Forms that import all the same: full-width points with 分, a period
    # start as text, a rule, aliases (one escaped).
    m = Book(minimal_xlsx)
    items = m.sheets["细则"].replace("<v>7.5</v>", "<v>0</v>", 1)
    items = re.sub(r'<c r="D3"><v>0</v></c>', '<c r="D3" t="inlineStr"><is><t>７．５分</t></is></c>', items)
    m.sheets["细则"] = items
    info = m.sheets["基本信息"]
    info = re.sub(r'<c r="B7" s="\d+"><v>43891</v></c>', '<c r="B7" t="inlineStr"><is><t>2020年3月1日</t></is></c>', info)
    m.sheets["基本信息"] = info
    rules = m.sheets["扣分标准"].replace("</sheetData>", (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>2</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>r1</t></is></c><c r="C2" t="inlineStr"><is><t>迟报</t></is></c>'
        '<c r="D2" t="inlineStr"><is><t>扣分</t></is></c><c r="E2"><v>0.5</v></c><c r="F2"><v>2</v></c></row>'
        "</sheetData>"))
    m.sheets["扣分标准"] = rules
    m.sheets["考核对象"] = m.sheets["考核对象"].replace(
        '<c r="B2" t="inlineStr"><is><t>X县</t></is></c>',
        '<c r="B2" t="inlineStr"><is><t>X县</t></is></c><c r="C2" t="inlineStr"><is><t>X、X县、&amp;lt;</t></is></c>')
    write("mangled-forms.bin", m.parts())


if __name__ == "__main__":
    main()
