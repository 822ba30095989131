//! Office integration through the real binary: Excel workbooks in and out,
//! CSV for Excel (BOM), Chinese or English headers, shell completions and
//! the manual page. Workbooks written are read back with calamine.

use crate::common;
use common::*;

use calamine::{Data, Reader};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// The annual scores as a workbook: numbers as numbers, on a sheet named 年度得分
/// (after a first sheet of notes), starting at C3 as people leave room for a title.
fn annual_workbook(bad_score: bool) -> Vec<u8> {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("说明").unwrap();
    notes.write_string(0, 0, "填表说明").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("年度得分").unwrap();
    let (r0, c0) = (2u32, 2u16);
    for (c, h) in ["单位", "项目", "评分单位", "得分"].iter().enumerate() {
        sheet.write_string(r0, c0 + c as u16, *h).unwrap();
    }
    let rows: Vec<(&str, &str, &str, f64)> = vec![
        ("一县", "1.1", "office", 7.0),
        ("一县", "1.2", "office", 6.0),
        ("一县", "1.2", "lead", 6.0),
        ("u2", "组织领导", "办公室", 8.0),
        ("u2", "1.2", "office", 6.0),
        ("u2", "1.2", "lead", 6.0),
        ("u3", "1.1", "office", 8.0),
        ("u3", "1.2", "office", 6.0),
        ("u3", "1.2", "lead", 6.0),
    ];
    for (k, (u, i, s, v)) in rows.iter().enumerate() {
        let r = r0 + 1 + k as u32;
        sheet.write_string(r, c0, *u).unwrap();
        sheet.write_string(r, c0 + 1, *i).unwrap();
        sheet.write_string(r, c0 + 2, *s).unwrap();
        if bad_score && k == 1 {
            sheet.write_string(r, c0 + 3, "二十六").unwrap();
        } else {
            sheet.write_number(r, c0 + 3, *v).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

/// The daily records as a workbook with a real date cell.
fn daily_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["date", "unit", "item", "kind", "points", "method"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let date = ExcelDateTime::from_ymd(2020, 5, 19).unwrap();
    sheet
        .write_datetime_with_format(1, 0, &date, &Format::new().set_num_format("yyyy-mm-dd"))
        .unwrap();
    sheet.write_string(1, 1, "u1").unwrap();
    sheet.write_number(1, 2, 1.1).unwrap(); // an item id typed as a number
    sheet.write_string(1, 3, "核减").unwrap();
    sheet.write_number(1, 4, 0.5).unwrap();
    sheet.write_string(1, 5, "随机抽查").unwrap();
    book.save_to_buffer().unwrap()
}

fn xlsx_case(annual: Vec<u8>, extra: &[&str]) -> Case {
    let mut args = vec![
        "score",
        "--rubric",
        "r.toml",
        "--annual",
        "annual.xlsx",
        "--daily",
        "daily.data",
        "--format",
        "csv",
    ];
    args.extend(extra);
    // The daily workbook has no .xlsx name: the content tells what it is.
    Case::new()
        .file("r.toml", RUBRIC)
        .file("annual.xlsx", annual)
        .file("daily.data", daily_workbook())
        .args(&args)
}

#[test]
fn workbooks_score_as_the_same_data_in_csv() {
    xlsx_case(annual_workbook(false), &["--sheet", "年度得分"]).stdout(u1_at_16_50());
}

#[test]
fn a_bad_cell_names_the_workbook_sheet_and_cell() {
    let case = xlsx_case(annual_workbook(true), &["--sheet", "年度得分"]);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn an_unknown_sheet_lists_the_sheets() {
    let case = xlsx_case(annual_workbook(false), &["--sheet", "年度得"]);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

/// Without --sheet every sheet is read but the instructions (说明), which
/// `check` lists as left out.
#[test]
fn every_sheet_but_the_instructions_is_read() {
    xlsx_case(annual_workbook(false), &[]).stdout(u1_at_16_50());
    let out = Case::new()
        .file("r.toml", RUBRIC)
        .file("annual.xlsx", annual_workbook(false))
        .args(&[
            "check",
            "--rubric",
            "r.toml",
            "--annual",
            "annual.xlsx",
            "--allow-missing",
        ])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    snapshot!("check.zh.txt").check(&out.stdout);
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

/// The test year, scored with the given flags (no --format of its own).
fn scored(annual: &str, daily: &str, flags: &[&str]) -> Case {
    score_case(RUBRIC, annual, daily).args(flags)
}

// ---------------------------------------------------------------------------
// The results workbook (--format xlsx): the office's record of the year.

/// The test rubric with a converted score (折算).
fn converted_rubric() -> String {
    format!("{RUBRIC}\n[conversion]\npoints = 3\nlabel = \"绩效折算分\"\n")
}

/// A year with every mark: 一县 has 1.2 unscored by 牵头单位 (provisional),
/// a deduction of 0.5 on 1.1 and an addition of 2 on 2.2 (capped at 1.5):
/// 6.5 + 3 + 4 + 1.5 = 15.00†; 二县 has 1.2 n/a: 12 of 14 rescaled to 17.14*;
/// 三县 scores 18 and is vetoed.
const MARKED_ANNUAL: &str = include_str!("../fixtures/office/marked-annual.csv");

fn marked_daily() -> String {
    format!(
        "{DAILY_HEADER}2020-05-19,u1,1.1,deduct,0.5,spot_check,
2020-06-01,u1,2.2,add,2,daily_record,
2020-09-09,u3,,veto,,special_inspection,
"
    )
}

/// The marked year as a workbook, in `lang`.
fn marked_workbook(lang: &str) -> Case {
    let case = Case::new()
        .file("r.toml", converted_rubric())
        .file("a.csv", MARKED_ANNUAL)
        .file("d.csv", marked_daily())
        .args(&[
            "score",
            "--rubric",
            "r.toml",
            "--annual",
            "a.csv",
            "--daily",
            "d.csv",
            "--allow-missing",
            "-o",
            "out.xlsx",
            "--lang",
            lang,
        ]);
    let out = case.run();
    assert_eq!((out.status, out.stdout.as_str()), (0, ""), "{}", out.stderr);
    case
}

fn texts(cells: &[&str]) -> Vec<Data> {
    cells
        .iter()
        .map(|s| match *s {
            "" => Data::Empty,
            s => Data::String(s.to_string()),
        })
        .collect()
}

/// A row of a sheet, `width` cells from the first column.
fn row_of(range: &calamine::Range<Data>, row: u32, width: u32) -> Vec<Data> {
    (0..width).map(|c| cell(range, row, c)).collect()
}

/// The value of attribute `name` in an XML tag's text.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[start..start + tag[start..].find('"')?])
}

/// The number format and the fill colour (ARGB) of a cell, `sheet` counted
/// from 1 and `cell` as Excel writes it (`G5`), read from the XML.
fn style_of(path: &std::path::Path, sheet: usize, cell: &str) -> (String, Option<String>) {
    let xml = zip_member(path, &format!("xl/worksheets/sheet{sheet}.xml"));
    let at = xml
        .find(&format!("<c r=\"{cell}\""))
        .unwrap_or_else(|| panic!("no cell {cell} in sheet {sheet}"));
    let tag = &xml[at..at + xml[at..].find('>').unwrap()];
    let xf: usize = attr(tag, "s").map_or(0, |s| s.parse().unwrap());
    let styles = zip_member(path, "xl/styles.xml");
    let between = |open: &str, close: &str| -> String {
        let from = styles.find(open).unwrap();
        styles[from..from + styles[from..].find(close).unwrap()].to_string()
    };
    let xfs = between("<cellXfs", "</cellXfs>");
    let xf = xfs.split("<xf ").nth(xf + 1).unwrap();
    let id = attr(&format!(" {xf}"), "numFmtId").unwrap().to_string();
    let format = match id.as_str() {
        "0" => "General".to_string(),
        "2" => "0.00".to_string(),
        _ => {
            let fmts = between("<numFmts", "</numFmts>");
            let at = fmts.find(&format!("numFmtId=\"{id}\"")).unwrap();
            attr(&fmts[at - 1..], "formatCode")
                .unwrap()
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
        }
    };
    let fill: usize = attr(&format!(" {xf}"), "fillId").unwrap().parse().unwrap();
    let fills = between("<fills", "</fills>");
    let fill = fills.split("<fill>").nth(fill + 1).unwrap();
    let color = fill
        .find("<fgColor")
        .and_then(|at| attr(&fill[at..], "rgb"))
        .map(str::to_string);
    (format, color)
}

#[test]
fn the_workbook_in_chinese() {
    let case = marked_workbook("zh");
    let path = case.path("out.xlsx");
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    assert_eq!(book.sheet_names(), vec!["测试考核结果", "项目得分", "来源"]);

    // The results, as a notice's table: title, header, ranks, marks, notes.
    let t = book.worksheet_range("测试考核结果").unwrap();
    assert_eq!(cell(&t, 0, 0), Data::String("2020年度测试考核结果".into()));
    assert_eq!(
        row_of(&t, 1, 10),
        texts(&[
            "名次",
            "单位",
            "政务公开",
            "放管服",
            "核减",
            "核加",
            "总分",
            "等次",
            "绩效折算分",
            ""
        ])
    );
    let f = Data::Float;
    let s = |x: &str| Data::String(x.to_string());
    assert_eq!(
        row_of(&t, 2, 9),
        [
            f(1.0),
            s("三县"),
            f(14.0),
            f(4.0),
            f(0.0),
            f(0.0),
            f(18.0),
            s("不合格（一票否决）"),
            f(2.7)
        ]
    );
    assert_eq!(
        row_of(&t, 3, 9),
        [
            f(2.0),
            s("二县"),
            f(8.0),
            f(4.0),
            f(0.0),
            f(0.0),
            f(17.14),
            s("良好"),
            f(2.57)
        ]
    );
    assert_eq!(
        row_of(&t, 4, 9),
        [
            f(3.0),
            s("一县"),
            f(9.5),
            f(5.5),
            f(0.5),
            f(1.5),
            f(15.0),
            s("良好"),
            f(2.25)
        ]
    );
    // Totals stay numbers; the marks are in their number format.
    assert_eq!(style_of(&path, 1, "G3").0, "0.00");
    assert_eq!(style_of(&path, 1, "G4").0, "0.00\"*\"");
    assert_eq!(style_of(&path, 1, "G5").0, "0.00\"†\"");
    // 核减 and 核加 at the rubric's decimals, like the section scores.
    for c in ["C5", "D5", "E5", "F5", "I5"] {
        assert_eq!(style_of(&path, 1, c).0, "0.00", "{c}");
    }
    assert_eq!(style_of(&path, 1, "A5").0, "0");
    let notes: Vec<Data> = (6..12).map(|r| cell(&t, r, 0)).collect();
    assert_eq!(
        notes,
        texts(&[
            "注：核减、核加是日常考核对各考核项目核减、核加的分值（已按上限计），已计入各部分得分和总分，不再另行加减。",
            "注：总分标 * 的单位有不涉及的考核项目，总分按适用项目得分折算为 20 分制。",
            "注：等次标“一票否决”的单位被一票否决，等次定为最低等次，名次仍按总分排列。",
            "注：绩效折算分 = 总分 × 3 ÷ 20，四舍五入保留 2 位小数。",
            "注：总分标 † 的结果为暂定：该单位有年度考核得分缺失，已按 0 分计算（--allow-missing）。缺失情况如下，请向相关评分单位催报。",
            "注：牵头单位缺报：一县 1.2。",
        ])
    );
    assert_eq!(t.get_size(), (12, 9));

    // Every leaf of every unit, each scorer's score and weight beside it.
    let items = book.worksheet_range("项目得分").unwrap();
    assert_eq!(items.get_size(), (13, 19)); // header + 3 units x 4 leaves
    assert_eq!(
        row_of(&items, 0, 19),
        texts(&[
            "考核细则",
            "单位编号",
            "单位",
            "考核内容",
            "所属分组指标",
            "项目编号",
            "考核项目",
            "分值",
            "办公室评分",
            "办公室权重",
            "牵头单位评分",
            "牵头单位权重",
            "基础分",
            "核减上限",
            "核加上限",
            "核减",
            "核加",
            "得分",
            "是否涉及",
        ])
    );
    let e = Data::Empty;
    // 三县 1.1: scored by the office alone, its deductions capped at 3.
    assert_eq!(
        row_of(&items, 1, 19),
        [
            s("t"),
            s("u3"),
            s("三县"),
            s("政务公开"),
            e.clone(),
            s("1.1"),
            s("组织领导"),
            f(8.0),
            f(8.0),
            f(1.0),
            e.clone(),
            e.clone(),
            f(8.0),
            f(3.0),
            e.clone(),
            f(0.0),
            f(0.0),
            f(8.0),
            s("是"),
        ]
    );
    // 二县 1.2: n/a for every scorer.
    assert_eq!(
        row_of(&items, 6, 19),
        [
            s("t"),
            s("u2"),
            s("二县"),
            s("政务公开"),
            e.clone(),
            s("1.2"),
            s("政策解读"),
            f(6.0),
            s("不涉及"),
            f(0.5),
            s("不涉及"),
            f(0.5),
            e.clone(),
            e.clone(),
            e.clone(),
            e.clone(),
            e.clone(),
            e.clone(),
            s("否（不涉及）"),
        ]
    );
    // 一县 1.2: 牵头单位's score is missing: empty, and filled so it shows.
    assert_eq!(
        row_of(&items, 10, 19),
        [
            s("t"),
            s("u1"),
            s("一县"),
            s("政务公开"),
            e.clone(),
            s("1.2"),
            s("政策解读"),
            f(6.0),
            f(6.0),
            f(0.5),
            e.clone(),
            f(0.5),
            f(3.0),
            e.clone(),
            e.clone(),
            f(0.0),
            f(0.0),
            f(3.0),
            s("是"),
        ]
    );
    assert_eq!(style_of(&path, 2, "K11").1.as_deref(), Some("FFFCE4D6"));
    assert_eq!(style_of(&path, 2, "I11").1, None);
    // 一县 2.2: scored by daily records alone; 2 added, capped at 1.5.
    assert_eq!(
        row_of(&items, 12, 19)[7..],
        [
            f(2.0),
            e.clone(),
            e.clone(),
            e.clone(),
            e.clone(),
            f(0.0),
            e.clone(),
            f(1.5),
            f(0.0),
            f(1.5),
            f(1.5),
            s("是"),
        ]
    );
    assert_eq!(style_of(&path, 2, "R13").0, "0.00");

    // Where it all came from.
    let prov = book.worksheet_range("来源").unwrap();
    let digest = |name: &str| {
        use sha2::Digest;
        let bytes = std::fs::read(case.path(name)).unwrap();
        sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    assert_eq!(prov.get_size(), (7, 3));
    assert_eq!(
        row_of(&prov, 0, 2),
        texts(&["计分工具", &format!("assess {}", env!("CARGO_PKG_VERSION"))])
    );
    assert_eq!(
        row_of(&prov, 1, 2),
        texts(&["暂定结果", "是（1 项年度考核得分缺失，已按 0 分计算）"])
    );
    assert_eq!(
        row_of(&prov, 3, 3),
        texts(&["用途", "文件", "SHA-256 校验值"])
    );
    assert_eq!(
        row_of(&prov, 4, 3),
        texts(&["考核细则", "r.toml", &digest("r.toml")])
    );
    assert_eq!(
        row_of(&prov, 5, 3),
        texts(&["年度考核得分", "a.csv", &digest("a.csv")])
    );
    assert_eq!(
        row_of(&prov, 6, 3),
        texts(&["日常考核记录", "d.csv", &digest("d.csv")])
    );
}

/// Every text cell of a sheet.
fn strings(range: &calamine::Range<Data>) -> Vec<String> {
    range
        .cells()
        .filter_map(|(_, _, d)| match d {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_workbook_in_english() {
    let case = marked_workbook("en");
    let path = case.path("out.xlsx");
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    // The rubric's sheet is named by the rubric's own words only.
    assert_eq!(book.sheet_names(), vec!["测试", "Items", "Provenance"]);
    let t = book.worksheet_range("测试").unwrap();
    assert_eq!(cell(&t, 0, 0), Data::String("Results: 2020 测试".into()));
    assert_eq!(
        row_of(&t, 1, 9),
        texts(&[
            "Rank",
            "Unit",
            "政务公开",
            "放管服",
            "Deducted",
            "Added",
            "Total",
            "Grade",
            "绩效折算分"
        ])
    );
    let grades: Vec<Data> = (2..5).map(|r| cell(&t, r, 7)).collect();
    assert_eq!(grades, texts(&["fail (veto)", "good", "good"]));
    assert_eq!(style_of(&path, 1, "G5").0, "0.00\"†\"");
    let notes: Vec<Data> = (6..12).map(|r| cell(&t, r, 0)).collect();
    assert_eq!(
        notes,
        texts(&[
            "Note: Deducted and Added are the daily assessment's deductions and additions on the items (after their caps); they are already included in the section scores and the total, not to be applied again.",
            "Note: a total marked * is rescaled to 20 from the applicable items (some items do not apply to the unit).",
            "Note: a grade marked (veto) is the lowest grade, imposed by a veto; the unit's rank still follows its total.",
            "Note: 绩效折算分 = total × 3 / 20, rounded half away from zero to 2 decimal places.",
            "Note: a total marked † is provisional: some of the unit's annual scores are missing and were counted as 0 (--allow-missing). Missing, by scorer (the files to chase):",
            "Note: missing from 牵头单位: 一县 1.2.",
        ])
    );
    let items = book.worksheet_range("Items").unwrap();
    assert_eq!(
        row_of(&items, 0, 19),
        texts(&[
            "Rubric",
            "Unit id",
            "Unit",
            "Section",
            "Group",
            "Item id",
            "Item",
            "Max",
            "办公室 score",
            "办公室 weight",
            "牵头单位 score",
            "牵头单位 weight",
            "Base",
            "Deduction cap",
            "Addition cap",
            "Deducted",
            "Added",
            "Score",
            "Applies",
        ])
    );
    assert_eq!(
        row_of(&items, 6, 19)[8..12],
        [
            Data::String("n/a".into()),
            Data::Float(0.5),
            Data::String("n/a".into()),
            Data::Float(0.5)
        ]
    );
    assert_eq!(cell(&items, 6, 18), Data::String("no (n/a)".into()));
    let prov = book.worksheet_range("Provenance").unwrap();
    assert_eq!(
        row_of(&prov, 1, 2),
        texts(&["Provisional", "yes (1 annual score missing, counted as 0)"])
    );
    assert_eq!(row_of(&prov, 3, 3), texts(&["Role", "Path", "SHA-256"]));
    assert_eq!(cell(&prov, 4, 0), Data::String("rubric".into()));
    assert_eq!(cell(&prov, 5, 0), Data::String("annual".into()));
    assert_eq!(cell(&prov, 6, 0), Data::String("daily".into()));
    // No Chinese but the rubric's own names and titles.
    let values = [
        "测试",
        "政务公开",
        "放管服",
        "组织领导",
        "政策解读",
        "网站监测",
        "创新加分",
        "一县",
        "二县",
        "三县",
        "办公室",
        "牵头单位",
        "绩效折算分",
    ];
    for s in strings(&t)
        .into_iter()
        .chain(strings(&items))
        .chain(strings(&prov))
    {
        let own = values.iter().fold(s.clone(), |s, v| s.replace(v, ""));
        assert!(
            !own.chars().any(|c| ('\u{2e80}'..='\u{9fff}').contains(&c)
                || ('\u{ff00}'..='\u{ffef}').contains(&c)),
            "a cell of the English workbook has Chinese of its own: {s}"
        );
    }
    let footer = zip_member(&path, "xl/worksheets/sheet1.xml");
    assert!(footer.contains("<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter>"));
}

/// Every sheet prints: A4 landscape, one page wide, its header rows on
/// every page; the results table has borders and no printed gridlines, the
/// item sheet a filter and printed gridlines.
#[test]
fn the_workbook_is_set_up_to_print() {
    let case = marked_workbook("zh");
    let path = case.path("out.xlsx");
    for sheet in 1..=3 {
        let xml = zip_member(&path, &format!("xl/worksheets/sheet{sheet}.xml"));
        for want in [
            "<pageSetUpPr fitToPage=\"1\"/>",
            "<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"",
            "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\"",
            "<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>",
        ] {
            assert!(xml.contains(want), "sheet{sheet}.xml has no {want}");
        }
        // One page wide: fitToWidth is left at its default, 1.
        assert!(!xml.contains("fitToWidth"), "sheet{sheet}.xml");
    }
    let book = zip_member(&path, "xl/workbook.xml");
    for want in [
        "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">测试考核结果!$1:$2</definedName>",
        "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">项目得分!$1:$1</definedName>",
        "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"2\">来源!$4:$4</definedName>",
        "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"1\" hidden=\"1\">项目得分!$A$1:$S$13</definedName>",
    ] {
        assert!(book.contains(want), "workbook.xml has no {want}:\n{book}");
    }
    let results = zip_member(&path, "xl/worksheets/sheet1.xml");
    assert!(results.contains("<mergeCell ref=\"A1:I1\"/>"));
    assert!(results.contains("showGridLines=\"0\""));
    assert!(!results.contains("gridLines=\"1\""));
    assert!(results.contains("<pane xSplit=\"2\" ySplit=\"2\""));
    let items = zip_member(&path, "xl/worksheets/sheet2.xml");
    assert!(items.contains("<autoFilter ref=\"A1:S13\"/>"));
    assert!(items.contains("gridLines=\"1\""));
    assert!(items.contains("<pane ySplit=\"1\""));
    // The table's cells have borders; the notes below it none.
    let styles = zip_member(&path, "xl/styles.xml");
    assert!(styles.contains("<left style=\"thin\">"));
}

#[test]
fn the_same_inputs_give_the_same_workbook() {
    for lang in ["zh", "en"] {
        let first = std::fs::read(marked_workbook(lang).path("out.xlsx")).unwrap();
        let second = std::fs::read(marked_workbook(lang).path("out.xlsx")).unwrap();
        assert!(first == second, "two runs in {lang} gave different bytes");
    }
}

/// The shipped rubrics and the example year: sheets named by what tells the
/// rubrics apart, in either language.
#[test]
fn the_shipped_rubrics_name_their_sheets() {
    let root = env!("CARGO_MANIFEST_DIR");
    let example = |lang: &str| {
        let mut args: Vec<String> = vec!["score".into()];
        for f in [
            "annual-office.csv",
            "annual-lead.csv",
            "annual-service-center.csv",
        ] {
            args.extend(["--annual".into(), format!("{root}/examples/2020/{f}")]);
        }
        args.extend([
            "--daily".into(),
            format!("{root}/examples/2020/daily.csv"),
            "-o".into(),
            "out.xlsx".into(),
            "--lang".into(),
            lang.into(),
        ]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let case = Case::new().args(&args);
        let out = case.run();
        assert_eq!((out.status, out.stderr.as_str()), (0, ""));
        case
    };
    let case = example("zh");
    let path = case.path("out.xlsx");
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        vec![
            "各县（市）考核结果",
            "地直各部门考核结果",
            "项目得分",
            "来源"
        ]
    );
    let counties = book.worksheet_range("各县（市）考核结果").unwrap();
    assert_eq!(
        cell(&counties, 0, 0),
        Data::String("塔城地区2020年度政务公开和“放管服”改革工作考核结果（各县（市））".into())
    );
    assert_eq!(
        row_of(&counties, 1, 9),
        texts(&[
            "名次",
            "单位",
            "政务公开",
            "“放管服”改革",
            "核减",
            "核加",
            "总分",
            "等次",
            ""
        ])
    );
    // 塔城市 first at 94.03; 托里县 fourth, vetoed.
    assert_eq!(cell(&counties, 2, 1), Data::String("塔城市".into()));
    assert_eq!(cell(&counties, 2, 6), Data::Float(94.03));
    assert_eq!(cell(&counties, 5, 1), Data::String("托里县".into()));
    assert_eq!(
        cell(&counties, 5, 7),
        Data::String("不合格（一票否决）".into())
    );
    let departments = book.worksheet_range("地直各部门考核结果").unwrap();
    assert_eq!(
        cell(&departments, 0, 0),
        Data::String("塔城地区2020年度政务公开和“放管服”改革工作考核结果（地直各部门）".into())
    );
    // 地区审计局: two items n/a, 71.82 × 100 ÷ 87 = 82.55*.
    let audit = (2..40)
        .find(|&r| cell(&departments, r, 1) == Data::String("地区审计局".into()))
        .unwrap();
    assert_eq!(cell(&departments, audit, 6), Data::Float(82.55));
    assert_eq!(
        style_of(&path, 2, &format!("G{}", audit + 1)).0,
        "0.00\"*\""
    );
    // Three scorers, a score and a weight each, in the item sheet.
    let items = book.worksheet_range("项目得分").unwrap();
    assert_eq!(
        row_of(&items, 0, 14)[8..],
        texts(&[
            "行政公署办公室考核组评分",
            "行政公署办公室考核组权重",
            "“放管服”改革专项组牵头单位评分",
            "“放管服”改革专项组牵头单位权重",
            "地区行政服务中心评分",
            "地区行政服务中心权重",
        ])
    );

    let english = example("en");
    let book = calamine::open_workbook_auto(english.path("out.xlsx")).unwrap();
    assert_eq!(
        book.sheet_names(),
        vec!["各县（市）", "地直各部门", "Items", "Provenance"]
    );
    // Alone, a rubric keeps the name it has beside the other.
    let counties = format!("{root}/rubrics/counties.toml");
    let alone = Case::new().args(&[
        "score",
        "--rubric",
        &counties,
        "--allow-missing",
        "-o",
        "out.xlsx",
    ]);
    assert_eq!(alone.run().status, 0);
    let book = calamine::open_workbook_auto(alone.path("out.xlsx")).unwrap();
    assert_eq!(
        book.sheet_names(),
        vec!["各县（市）考核结果", "项目得分", "来源"]
    );
}

/// The daily records of a year where 三县 (u3) is vetoed, and nothing else.
fn veto_daily() -> String {
    format!("{DAILY_HEADER}2020-09-09,u3,,veto,,special_inspection,\n")
}

#[test]
fn xlsx_needs_an_output_file() {
    let case = scored(FULL_ANNUAL, DAILY_HEADER, &["--format", "xlsx"]);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn csv_with_a_bom_for_excel() {
    let out = csv_case(FULL_ANNUAL, DAILY_HEADER).args(&["--bom"]).run();
    assert!(out.stdout_bytes.starts_with(b"\xEF\xBB\xBFrubric,rank,"));
}

/// CSV is a machine format: the spec's columns and `true`/`false` under
/// `--lang zh` too (the workbook is where Chinese headers belong).
#[test]
fn csv_keeps_the_spec_columns_in_chinese_and_it_verifies() {
    let out = csv_case(FULL_ANNUAL, &veto_daily())
        .args(&["--lang", "zh"])
        .run();
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    snapshot!("csv").check(&out.stdout);
    let english = csv_case(FULL_ANNUAL, &veto_daily())
        .args(&["--lang", "en"])
        .run();
    assert_eq!(english.stdout, out.stdout);
    let verify = |lang: &str| {
        Case::new()
            .file("r.toml", RUBRIC)
            .file("a.csv", FULL_ANNUAL)
            .file("d.csv", veto_daily())
            .file("p.csv", &out.stdout)
            .args(&[
                "verify",
                "--rubric",
                "r.toml",
                "--annual",
                "a.csv",
                "--daily",
                "d.csv",
                "--published",
                "p.csv",
                "--lang",
                lang,
            ])
    };
    verify("en").stdout(snapshot!("verify.en.txt"));
    verify("zh").stdout(snapshot!("verify.zh.txt"));
}

#[test]
fn table_in_chinese_with_its_marks() {
    scored(
        &FULL_ANNUAL.replace(
            "u2,1.2,office,6\nu2,1.2,lead,6",
            "u2,1.2,office,n/a\nu2,1.2,lead,n/a",
        ),
        &veto_daily(),
        &[],
    )
    .stdout(snapshot!("zh.txt"));
}

#[test]
fn table_in_english_with_its_marks() {
    let annual = FULL_ANNUAL
        .replace(
            "u2,1.2,office,6\nu2,1.2,lead,6",
            "u2,1.2,office,n/a\nu2,1.2,lead,n/a",
        )
        .replace("u1,1.2,lead,6\n", "");
    let out = scored(&annual, &veto_daily(), &["--allow-missing", "--lang", "en"]).run();
    assert_eq!(out.status, 0);
    snapshot!("stderr.en.txt").check(&out.stderr);
    snapshot!("en.txt").check(&out.stdout);
}

#[test]
fn table_in_english() {
    scored(FULL_ANNUAL, DAILY_HEADER, &["--lang", "en"]).stdout(snapshot!("en.txt"));
}

#[test]
fn completions_and_manual_page() {
    let bash = Case::new().args(&["completions", "bash"]).run();
    assert_eq!(bash.status, 0);
    assert!(
        bash.stdout.contains("complete -F _assess") && bash.stdout.contains("--allow-missing"),
        "{}",
        bash.stdout
    );
    let man = Case::new().args(&["man"]).run();
    assert_eq!(man.status, 0);
    assert!(
        man.stdout.contains(".TH assess 1") && man.stdout.contains("explain"),
        "{}",
        man.stdout
    );
}

#[test]
fn no_colour_codes_anywhere() {
    // Whether or not NO_COLOR is set and whatever the terminal, output is plain text.
    let out = scored(FULL_ANNUAL, DAILY_HEADER, &[]).run();
    assert!(!out.stdout.contains('\u{1b}'));
    let bad = csv_case(&FULL_ANNUAL.replace(",8\n", ",80\n"), DAILY_HEADER).run();
    assert!(!bad.stderr.contains('\u{1b}') && bad.stderr.starts_with("错误："));
}
