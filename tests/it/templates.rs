//! Templates (填报模板) through the real binary: the CSV and workbook tables
//! an office sends out, what they hold (headers, validation, protection,
//! printing), and that a filled one scores exactly what was typed.
//!
//! The typed year (test rubric, scale 20), worked by hand:
//! - 一县 u1: 1.1 = 7.5; 1.2 = 0.5 × 5.55 + 0.5 × 5.42 = 5.485 -> 5.49;
//!   2.1 = 4 (from full); 2.2 = 0; total 16.99 (良好), rank 2.
//! - 二县 u2: 1.1 = 8; 1.2 不涉及 by both scorers; 8 + 4 + 0 = 12 of 14,
//!   rescaled 12 × 20 / 14 = 17.142… -> 17.14 (良好, scaled), rank 1.
//! - 三县 u3: 1.1 = 6; 1.2 = 6; 6 + 6 + 4 + 0 = 16.00 (良好), rank 3.

use crate::common;
use common::*;

use calamine::{Data, Reader};
use std::collections::HashMap;
use std::path::Path;

/// What each scorer typed: (unit, item, scorer) -> the cell as typed.
const TYPED: [(&str, &str, &str, &str); 9] = [
    ("u1", "1.1", "office", "7.5"),
    ("u1", "1.2", "office", "5.55"),
    ("u1", "1.2", "lead", "5.42"),
    ("u2", "1.1", "office", "8"),
    ("u2", "1.2", "office", "不涉及"),
    ("u2", "1.2", "lead", "n/a"),
    ("u3", "1.1", "office", "6"),
    ("u3", "1.2", "office", "6"),
    ("u3", "1.2", "lead", "6"),
];

/// The result of the typed year: (unit, total, grade, rank, scaled), by rank.
const EXPECTED: [(&str, &str, &str, i64, bool); 3] = [
    ("u2", "17.14", "good", 1, true),
    ("u1", "16.99", "good", 2, false),
    ("u3", "16.00", "good", 3, false),
];

/// The names a template may write for a unit, item or scorer (Chinese
/// templates write names, English ones ids).
fn id_of(cell: &str) -> &str {
    match cell.trim() {
        "一县" => "u1",
        "二县" => "u2",
        "三县" => "u3",
        "组织领导" => "1.1",
        "政策解读" => "1.2",
        "办公室" => "office",
        "牵头单位" => "lead",
        other => other,
    }
}

fn typed(unit: &str, item: &str, scorer: &str) -> Option<&'static str> {
    TYPED
        .iter()
        .find(|(u, i, s, _)| *u == id_of(unit) && *i == id_of(item) && *s == id_of(scorer))
        .map(|t| t.3)
}

/// Runs `template` with the test rubric in a case of its own and returns the case.
fn template(args: &[&str]) -> (Case, Outcome) {
    let mut a = vec!["template"];
    a.extend(args);
    a.extend(["--rubric", "r.toml"]);
    let case = Case::new().file("r.toml", RUBRIC).args(&a);
    let out = case.run_in(Some("zh"));
    (case, out)
}

/// `score --format json` of the test rubric with these inputs, as
/// (unit, total, grade, rank, scaled) in rank order.
fn scored(dir: &Path, inputs: &[&str]) -> Vec<(String, String, String, i64, bool)> {
    let out = run_in(
        dir,
        &[&["score", "--rubric", "r.toml", "--format", "json"], inputs].concat(),
    );
    assert_eq!(out.status, 0, "score failed:\n{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    doc["rubrics"][0]["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            (
                u["id"].as_str().unwrap_or_default().to_string(),
                u["total"].as_str().unwrap_or_default().to_string(),
                u["grade"].as_str().unwrap_or_default().to_string(),
                u["rank"].as_i64().unwrap_or_default(),
                u["scaled"].as_bool().unwrap_or_default(),
            )
        })
        .collect()
}

fn expected() -> Vec<(String, String, String, i64, bool)> {
    EXPECTED
        .iter()
        .map(|(u, t, g, r, s)| (u.to_string(), t.to_string(), g.to_string(), *r, *s))
        .collect()
}

/// Runs the binary in `dir` (a case's folder), in Chinese.
fn run_in(dir: &Path, args: &[&str]) -> Outcome {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(args)
        .current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("ASSESS_LANG", "zh")
        .output()
        .expect("the binary runs");
    Outcome {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        stdout_bytes: out.stdout,
    }
}

/// Every `<dataValidation …>…</dataValidation>` element of a sheet's XML.
fn validations(xml: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<dataValidation ") {
        let end = rest[i..].find("</dataValidation>").expect("closed") + i;
        out.push(&rest[i..end]);
        rest = &rest[end..];
    }
    out
}

fn attribute<'a>(element: &'a str, name: &str) -> &'a str {
    let key = format!(" {name}=\"");
    let i = element.find(&key).map(|i| i + key.len()).unwrap_or(0);
    let end = element[i..].find('"').map_or(i, |e| e + i);
    &element[i..end]
}

fn formula1(element: &str) -> &str {
    let i = element.find("<formula1>").map_or(0, |i| i + 10);
    let end = element.find("</formula1>").unwrap_or(i);
    &element[i..end]
}

/// A worksheet as a grid of cell text (numbers as Rust shows them), from A1.
fn grid(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut book = calamine::open_workbook_auto(path).expect("a workbook");
    let range = book.worksheet_range(sheet).expect("the sheet");
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let (r1, c1) = range.end().unwrap_or((0, 0));
    let mut out = vec![vec![String::new(); c1 as usize + 1]; r1 as usize + 1];
    for (r, c, cell) in range.cells() {
        let text = match cell {
            Data::Empty => String::new(),
            Data::String(s) => s.clone(),
            Data::Float(f) => f.to_string(),
            Data::Int(i) => i.to_string(),
            other => other.to_string(),
        };
        out[r + r0 as usize][c + c0 as usize] = text;
    }
    out
}

fn sheet_names(path: &Path) -> Vec<String> {
    calamine::open_workbook_auto(path)
        .expect("a workbook")
        .sheet_names()
        .to_vec()
}

/// What is typed into a cell: (sheet, the sheet's cells, row, column) -> the value.
type Typed<'a> = dyn Fn(&str, &[Vec<String>], usize, usize) -> Option<String> + 'a;
/// What a spreadsheet computed for a formula: (cells, row, the row's typed cells) -> the value.
type Cached<'a> = dyn Fn(&[Vec<String>], usize, &[(usize, String)]) -> Option<String> + 'a;

/// Writes a filled copy of a template workbook, as a person's spreadsheet
/// would save it: every sheet and cell as it was, each cell `typed` gives a
/// value for filled in (a number when it reads as one, a date cell for
/// `YYYY-MM-DD`, else text), and each formula with the value a spreadsheet
/// would have computed for it (`cached`), or none (never computed).
fn fill(template: &Path, out: &Path, typed: &Typed<'_>, cached: &Cached<'_>) {
    let mut book = calamine::open_workbook_auto(template).expect("the template");
    let mut copy = rust_xlsxwriter::Workbook::new();
    for name in book.sheet_names().to_vec() {
        let cells = grid(template, &name);
        let formulas = book.worksheet_formula(&name).expect("formulas");
        let sheet = copy.add_worksheet();
        sheet.set_name(&name).expect("a name");
        sheet.set_formula_result_default("");
        let width = cells.iter().map(Vec::len).max().unwrap_or(0) + 2;
        for r in 0..cells.len() + 10 {
            let mut filled: Vec<(usize, String)> = Vec::new();
            for c in 0..width {
                let text = cells
                    .get(r)
                    .and_then(|row| row.get(c))
                    .cloned()
                    .unwrap_or_default();
                match typed(&name, &cells, r, c) {
                    Some(v) => {
                        write_value(sheet, r, c, &v);
                        filled.push((c, v));
                    }
                    None if !text.is_empty() => write_value(sheet, r, c, &text),
                    None => {}
                }
            }
            for c in 0..width {
                let f = formulas
                    .get_value((r as u32, c as u32))
                    .filter(|f| !f.is_empty());
                if let Some(f) = f {
                    let mut formula = rust_xlsxwriter::Formula::new(f);
                    if let Some(v) = cached(&cells, r, &filled) {
                        formula = formula.set_result(v);
                    }
                    sheet
                        .write_formula(r as u32, c as u16, formula)
                        .expect("a formula");
                }
            }
        }
    }
    copy.save(out).expect("the filled copy");
}

fn write_value(sheet: &mut rust_xlsxwriter::Worksheet, r: usize, c: usize, v: &str) {
    let (r, c) = (r as u32, c as u16);
    let is_number = !v.is_empty() && v.chars().all(|ch| ch.is_ascii_digit() || ch == '.');
    let is_date = v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-';
    if is_number {
        sheet
            .write_number(r, c, v.parse::<f64>().expect("a number"))
            .expect("written");
    } else if is_date {
        let date = rust_xlsxwriter::ExcelDateTime::parse_from_str(v).expect("a date");
        let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        sheet
            .write_datetime_with_format(r, c, &date, &format)
            .expect("written");
    } else {
        sheet.write_string(r, c, v).expect("written");
    }
}

/// The column of a header row whose cell is one of `names`.
fn column(header: &[String], names: &[&str]) -> Option<usize> {
    header.iter().position(|h| names.contains(&h.trim()))
}

// ---------------------------------------------------------------------------
// CSV

#[test]
fn a_long_csv_template_per_scorer_and_per_rubric() {
    let (_, out) = template(&["annual", "--scorer", "lead"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    snapshot!("lead.zh.csv").check(&out.stdout);
    let (_, out) = template(&["annual", "--scorer", "办公室", "--id", "t", "--lang", "en"]);
    snapshot!("office.en.csv").check(&out.stdout);
}

#[test]
fn a_wide_csv_template_is_a_scoring_sheet() {
    let (_, out) = template(&["annual", "--layout", "wide", "--scorer", "office"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    snapshot!("office.zh.csv").check(&out.stdout);
    // In English the title block is for people; a column names the scorer.
    let (_, out) = template(&[
        "annual", "--layout", "wide", "--scorer", "lead", "--lang", "en",
    ]);
    snapshot!("lead.en.csv").check(&out.stdout);
}

#[test]
fn a_wide_csv_holds_one_scorer_of_one_rubric() {
    let (_, out) = template(&["annual", "--layout", "wide", "--lang", "en"]);
    assert_eq!(out.status, 2);
    snapshot!("en.txt").check(&out.stderr);
}

#[test]
fn template_flags_are_checked_before_anything_is_written() {
    let fails = |args: &[&str], expected: Snapshot| {
        let mut a = vec!["template"];
        a.extend(args);
        a.extend(["--rubric", "r.toml"]);
        let case = Case::new().file("r.toml", RUBRIC).args(&a);
        case.fails(expected);
        assert!(
            !case.path("t.xlsx").exists() && !case.path("t.csv").exists(),
            "{args:?} wrote a file"
        );
    };
    fails(
        &["annual", "--scorer", "ofice"],
        snapshot!("unknown_scorer.en.txt"),
    );
    fails(
        &["daily", "--scorer", "office"],
        snapshot!("scorer_of_daily.en.txt"),
    );
    fails(
        &["published", "--layout", "wide"],
        snapshot!("layout_of_published.en.txt"),
    );
    fails(
        &["annual", "--format", "csv", "-o", "t.xlsx"],
        snapshot!("format_against_extension.en.txt"),
    );
    fails(
        &["annual", "--format", "xlsx"],
        snapshot!("workbook_to_stdout.en.txt"),
    );
    fails(&["annual", "--id", "tt"], snapshot!("unknown_id.en.txt"));
    fails(
        &["annual", "-o", "r.toml"],
        snapshot!("output_is_an_input.en.txt"),
    );
}

#[test]
fn the_output_extension_picks_the_format() {
    let (case, out) = template(&["daily", "-o", "d.xlsx"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let bytes = std::fs::read(case.path("d.xlsx")).expect("written");
    assert!(bytes.starts_with(b"PK\x03\x04"), "a workbook");
    let (case, out) = template(&["daily", "-o", "d.csv"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    snapshot!("daily.zh.csv").check(&std::fs::read_to_string(case.path("d.csv")).expect("written"));
}

#[test]
fn filled_long_csv_templates_score_what_was_typed() {
    // One template per scorer, as an office sends them out, each filled by its scorer.
    let case = Case::new().file("r.toml", RUBRIC);
    for scorer in ["office", "lead"] {
        let out = run_in(
            case.dir(),
            &[
                "template", "annual", "--rubric", "r.toml", "--scorer", scorer,
            ],
        );
        assert_eq!(out.status, 0, "{}", out.stderr);
        let filled: String = out
            .stdout
            .lines()
            .enumerate()
            .map(|(n, line)| {
                if n == 0 {
                    return format!("{line}\n");
                }
                let cells: Vec<&str> = line.split(',').collect();
                let value = typed(cells[0], cells[1], cells[2]).expect("a typed score");
                format!("{},{},{},{value},\n", cells[0], cells[1], cells[2])
            })
            .collect();
        std::fs::write(case.path(&format!("{scorer}.csv")), filled).expect("written");
    }
    let inputs = ["--annual", "office.csv", "--annual", "lead.csv"];
    let check = run_in(
        case.dir(),
        &[&["check", "--rubric", "r.toml"][..], &inputs].concat(),
    );
    assert_eq!(check.status, 0, "{}", check.stderr);
    assert_eq!(scored(case.dir(), &inputs), expected());
}

// ---------------------------------------------------------------------------
// Workbooks: what they hold

#[test]
fn a_long_workbook_validates_every_score_cell() {
    let (case, out) = template(&["annual", "-o", "a.xlsx"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let path = case.path("a.xlsx");
    assert_eq!(sheet_names(&path), ["年度考核得分", "填表说明"]);
    let cells = grid(&path, "年度考核得分");
    assert_eq!(
        cells[0],
        ["单位", "项目", "评分单位", "满分", "得分", "备注"]
    );
    assert_eq!(cells[1][..4], ["一县", "组织领导", "办公室", "8"]);
    assert_eq!(cells[3][..4], ["一县", "政策解读", "牵头单位", "6"]);
    assert_eq!(cells.len(), 10);
    let xml = zip_member(&path, "xl/worksheets/sheet1.xml");
    let v = validations(&xml);
    // A run of rows with the same leaf shares one validation: here every
    // row differs from the one before, but for 1.2's two scorers.
    let rules: Vec<(&str, &str)> = v
        .iter()
        .map(|e| (attribute(e, "sqref"), formula1(e)))
        .collect();
    assert_eq!(
        rules,
        [
            (
                "E2",
                "OR(AND(ISNUMBER(E2),E2&gt;=0,E2&lt;=8),E2=\"不涉及\",E2=\"n/a\")"
            ),
            (
                "E3:E4",
                "OR(AND(ISNUMBER(E3),E3&gt;=0,E3&lt;=6),E3=\"不涉及\",E3=\"n/a\")"
            ),
            (
                "E5",
                "OR(AND(ISNUMBER(E5),E5&gt;=0,E5&lt;=8),E5=\"不涉及\",E5=\"n/a\")"
            ),
            (
                "E6:E7",
                "OR(AND(ISNUMBER(E6),E6&gt;=0,E6&lt;=6),E6=\"不涉及\",E6=\"n/a\")"
            ),
            (
                "E8",
                "OR(AND(ISNUMBER(E8),E8&gt;=0,E8&lt;=8),E8=\"不涉及\",E8=\"n/a\")"
            ),
            (
                "E9:E10",
                "OR(AND(ISNUMBER(E9),E9&gt;=0,E9&lt;=6),E9=\"不涉及\",E9=\"n/a\")"
            ),
        ]
    );
    for e in &v {
        assert_eq!(attribute(e, "type"), "custom");
        assert_eq!(attribute(e, "allowBlank"), "1");
        assert!(attribute(e, "error").contains("之间的数"), "{e}");
        assert!(attribute(e, "prompt").contains("不涉及"), "{e}");
    }
    assert_protected_without_password(&xml);
    // Score and note cells are unlocked; labels keep the default (locked).
    let styles = zip_member(&path, "xl/styles.xml");
    assert!(styles.contains("<protection locked=\"0\"/>"), "{styles}");
    // The instructions sheet says how to fill and lists the items.
    let help = grid(&path, "填表说明");
    let text: Vec<&String> = help.iter().flatten().collect();
    assert!(text.iter().any(|t| t.contains("填“不涉及”")), "{help:?}");
    assert!(
        text.iter().any(|t| t.as_str() == "政务公开 › 政策解读"),
        "{help:?}"
    );
    assert!(
        text.iter()
            .any(|t| t.as_str() == "办公室 ×0.5；牵头单位 ×0.5"),
        "{help:?}"
    );
}

fn assert_protected_without_password(xml: &str) {
    let protection = xml
        .split("<sheetProtection")
        .nth(1)
        .and_then(|s| s.split("/>").next())
        .expect("a protected sheet");
    assert!(protection.contains("sheet=\"1\""), "{protection}");
    assert!(!protection.contains("password"), "{protection}");
}

#[test]
fn a_wide_workbook_is_a_scoring_sheet_per_scorer() {
    let (case, out) = template(&["annual", "--layout", "wide", "-o", "w.xlsx"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let path = case.path("w.xlsx");
    assert_eq!(sheet_names(&path), ["办公室", "牵头单位", "填表说明"]);
    let cells = grid(&path, "办公室");
    assert_eq!(cells[0][0], "测试细则评分表");
    assert_eq!(cells[1][0], "评分单位：办公室");
    assert_eq!(cells[2][2], "政务公开");
    assert_eq!(
        cells[3],
        [
            "序号",
            "单位",
            "1.1 组织领导（8分）",
            "1.2 政策解读（6分）",
            "合计",
            "备注"
        ]
    );
    assert_eq!(cells[4][..2], ["1", "一县"]);
    assert_eq!(cells[6][..2], ["3", "三县"]);
    // 合计 holds a formula with no cached value: the reader sees it empty.
    assert_eq!(cells[4][4], "");
    assert_eq!(cells[8][1], "评分人：");
    let xml = zip_member(&path, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("<c r=\"E5\" s=\""), "{xml}");
    assert!(xml.contains("<f>SUM(C5:D5)</f><v></v>"), "{xml}");
    let rules: Vec<(&str, &str)> = validations(&xml)
        .iter()
        .map(|e| (attribute(e, "sqref"), formula1(e)))
        .collect();
    assert_eq!(
        rules,
        [
            (
                "C5:C7",
                "OR(AND(ISNUMBER(C5),C5&gt;=0,C5&lt;=8),C5=\"不涉及\",C5=\"n/a\")"
            ),
            (
                "D5:D7",
                "OR(AND(ISNUMBER(D5),D5&gt;=0,D5&lt;=6),D5=\"不涉及\",D5=\"n/a\")"
            ),
        ]
    );
    assert_protected_without_password(&xml);
    // Printed landscape on A4, one page wide, the title block and header on every page.
    assert!(
        xml.contains("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\""),
        "{xml}"
    );
    assert!(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{xml}");
    let book = zip_member(&path, "xl/workbook.xml");
    assert!(
        book.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">办公室!$A:$B,办公室!$1:$4</definedName>"),
        "{book}"
    );
    let lead = grid(&path, "牵头单位");
    assert_eq!(
        lead[3],
        ["序号", "单位", "1.2 政策解读（6分）", "合计", "备注"]
    );
}

#[test]
fn an_english_wide_workbook_names_its_scorer_in_a_column() {
    let (case, out) = template(&[
        "annual", "--layout", "wide", "--scorer", "lead", "-o", "w.xlsx", "--lang", "en",
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let path = case.path("w.xlsx");
    assert_eq!(sheet_names(&path), ["lead", "instructions"]);
    let cells = grid(&path, "lead");
    assert_eq!(
        cells[3],
        ["No.", "unit", "scorer", "1.2 政策解读(6)", "total", "note"]
    );
    assert_eq!(cells[4][..3], ["1", "u1", "lead"]);
    assert_eq!(cells.len(), 7, "no signature row: {cells:?}");
    let xml = zip_member(&path, "xl/worksheets/sheet1.xml");
    let v = validations(&xml);
    assert_eq!(v.len(), 1);
    assert_eq!(
        formula1(v[0]),
        "OR(AND(ISNUMBER(D5),D5&gt;=0,D5&lt;=6),D5=\"n/a\")"
    );
    // The signature lines go to the printed page's footer.
    assert!(xml.contains("<oddFooter>&amp;LScored by:"), "{xml}");
}

/// The test rubric with a deduction rule (`down`) on 2.1 网站监测.
fn rubric_with_a_rule() -> String {
    RUBRIC.replace(
        "  start = \"full\"\n",
        "  start = \"full\"\n    [[section.item.rule]]\n    id = \"down\"\n    text = \"网站无法访问的，每次扣0.5分\"\n    kind = \"deduct\"\n    points = 0.5\n",
    )
}

#[test]
fn a_daily_workbook_offers_lists_and_checks_dates() {
    let rubric = rubric_with_a_rule();
    let case = Case::new()
        .file("r.toml", &rubric)
        .args(&["template", "daily", "--rubric", "r.toml", "-o", "d.xlsx"]);
    let out = case.run_in(Some("zh"));
    assert_eq!(out.status, 0, "{}", out.stderr);
    let path = case.path("d.xlsx");
    assert_eq!(sheet_names(&path), ["日常考核记录", "填表说明"]);
    assert_eq!(
        grid(&path, "日常考核记录")[0],
        [
            "日期", "单位", "项目", "类型", "分值", "方式", "说明", "规则", "次数"
        ]
    );
    let xml = zip_member(&path, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("<row r=\"501\""), "five hundred rows to fill");
    let v = validations(&xml);
    let by_column: HashMap<&str, &str> = v
        .iter()
        .map(|e| (&attribute(e, "sqref")[..1], *e))
        .collect();
    let date = by_column["A"];
    assert_eq!(attribute(date, "type"), "date");
    assert_eq!(attribute(date, "sqref"), "A2:A501");
    // 2020-01-01 and 2020-12-31 as Excel serial dates.
    assert!(
        date.contains("<formula1>43831</formula1><formula2>44196</formula2>"),
        "{date}"
    );
    assert_eq!(
        formula1(by_column["D"]),
        "\"核减,核加,一票否决,此项不得分\""
    );
    assert_eq!(
        formula1(by_column["F"]),
        "\"日常记录,随机抽查,专项检查,网上评测,材料报备\""
    );
    for (col, kind) in [("E", "decimal"), ("I", "decimal")] {
        assert_eq!(attribute(by_column[col], "type"), kind);
        assert_eq!(attribute(by_column[col], "operator"), "greaterThan");
    }
    // Units, items and rules come from ranges of the instructions sheet
    // (Excel limits a list written into the rule to 255 characters).
    let help = grid(&path, "填表说明");
    for (col, expected) in [
        ("B", vec!["一县", "二县", "三县"]),
        ("C", vec!["组织领导", "政策解读", "网站监测", "创新加分"]),
        ("H", vec!["down"]),
    ] {
        let e = by_column[col];
        assert_eq!(attribute(e, "type"), "list");
        assert_eq!(attribute(e, "errorStyle"), "warning");
        let source = formula1(e);
        let (column, first, last) = parse_range(source, "填表说明");
        let listed: Vec<&str> = (first..=last).map(|r| help[r][column].as_str()).collect();
        assert_eq!(listed, expected, "{source}");
    }
    let text: Vec<&String> = help.iter().flatten().collect();
    assert!(
        text.iter()
            .any(|t| t.as_str() == "网站无法访问的，每次扣0.5分"),
        "{help:?}"
    );
    assert_protected_without_password(&xml);
    assert!(xml.contains("insertRows=\"0\""), "rows may be added: {xml}");
}

/// `'SHEET'!$C$5:$C$7` -> (column index, first row index, last row index).
fn parse_range(source: &str, sheet: &str) -> (usize, usize, usize) {
    let prefix = format!("'{sheet}'!");
    let range = source.strip_prefix(&prefix).expect("a range of the sheet");
    let (a, b) = range.split_once(':').expect("a range");
    let parse = |cell: &str| {
        let cell = cell.replace('$', "");
        let letters: String = cell
            .chars()
            .take_while(|c| c.is_ascii_uppercase())
            .collect();
        let row: usize = cell[letters.len()..].parse().expect("a row");
        let col = letters
            .bytes()
            .fold(0, |n, b| n * 26 + (b - b'A' + 1) as usize)
            - 1;
        (col, row - 1)
    };
    let ((c, first), (c2, last)) = (parse(a), parse(b));
    assert_eq!(c, c2);
    (c, first, last)
}

#[test]
fn a_published_workbook_lists_the_roster() {
    let (case, out) = template(&["published", "-o", "p.xlsx"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let path = case.path("p.xlsx");
    let cells = grid(&path, "公布结果");
    assert_eq!(cells[0], ["单位", "总分", "等次", "名次"]);
    assert_eq!(cells[3][0], "三县");
    let xml = zip_member(&path, "xl/worksheets/sheet1.xml");
    let v = validations(&xml);
    assert_eq!(formula1(v[1]), "\"优秀,良好,合格,不合格\"");
}

#[test]
fn workbooks_are_byte_identical_for_the_same_inputs() {
    for args in [
        &["annual", "-o", "x.xlsx"][..],
        &["annual", "--layout", "wide", "-o", "x.xlsx"],
        &["daily", "-o", "x.xlsx"],
        &["published", "-o", "x.xlsx"],
    ] {
        let (first, out) = template(args);
        assert_eq!(out.status, 0, "{}", out.stderr);
        std::thread::sleep(std::time::Duration::from_millis(1100));
        let (second, _) = template(args);
        let a = std::fs::read(first.path("x.xlsx")).expect("written");
        let b = std::fs::read(second.path("x.xlsx")).expect("written");
        assert!(a == b, "{args:?} differs between two runs");
    }
    // The embedded rubrics too, in both languages.
    for lang in ["zh", "en"] {
        let run = || {
            let case =
                Case::new().args(&["template", "annual", "--layout", "wide", "-o", "x.xlsx"]);
            assert_eq!(case.run_in(Some(lang)).status, 0);
            std::fs::read(case.path("x.xlsx")).expect("written")
        };
        assert!(run() == run(), "embedded, {lang}");
    }
}

// ---------------------------------------------------------------------------
// Workbooks filled in: they score what was typed

/// Fills a long template: each score cell gets what its scorer typed.
fn fill_long(template: &Path, out: &Path) {
    let typed_cell = |sheet: &str, cells: &[Vec<String>], r: usize, c: usize| {
        if r == 0 || r >= cells.len() || sheet.contains("说明") || sheet == "instructions" {
            return None;
        }
        let header = &cells[0];
        let col = |names: &[&str]| column(header, names).expect("a column");
        if c != col(&["得分", "score"]) {
            return None;
        }
        let row = &cells[r];
        typed(
            &row[col(&["单位", "unit"])],
            &row[col(&["项目", "item"])],
            &row[col(&["评分单位", "scorer"])],
        )
        .map(str::to_string)
    };
    fill(template, out, &typed_cell, &|_, _, _| None);
}

#[test]
fn a_filled_long_workbook_scores_what_was_typed() {
    for lang in ["zh", "en"] {
        let case = Case::new().file("r.toml", RUBRIC).args(&[
            "template", "annual", "--rubric", "r.toml", "-o", "t.xlsx", "--lang", lang,
        ]);
        assert_eq!(case.run().status, 0);
        fill_long(&case.path("t.xlsx"), &case.path("f.xlsx"));
        let check = run_in(
            case.dir(),
            &["check", "--rubric", "r.toml", "--annual", "f.xlsx"],
        );
        assert_eq!(check.status, 0, "{lang}: {}", check.stderr);
        assert_eq!(
            scored(case.dir(), &["--annual", "f.xlsx"]),
            expected(),
            "{lang}"
        );
    }
}

#[test]
fn a_filled_daily_workbook_scores_what_was_typed() {
    let rubric = rubric_with_a_rule();
    let case = Case::new()
        .file("r.toml", &rubric)
        .file("a.csv", FULL_ANNUAL)
        .args(&["template", "daily", "--rubric", "r.toml", "-o", "t.xlsx"]);
    assert_eq!(case.run_in(Some("zh")).status, 0);
    // What a recorder picks from the lists: u1 loses 3 × 0.5 on 2.1 by
    // rule and gains 1 on 2.2; u3 is vetoed.
    let records: [[&str; 9]; 3] = [
        [
            "2020-05-19",
            "一县",
            "网站监测",
            "",
            "",
            "网上评测",
            "首页无法访问",
            "down",
            "3",
        ],
        [
            "2020-06-01",
            "一县",
            "创新加分",
            "核加",
            "1",
            "材料报备",
            "经验被推广",
            "",
            "",
        ],
        [
            "2020-09-09",
            "三县",
            "",
            "一票否决",
            "",
            "专项检查",
            "泄密",
            "",
            "",
        ],
    ];
    let typed_cell = |sheet: &str, _: &[Vec<String>], r: usize, c: usize| {
        if sheet != "日常考核记录" || r == 0 || r > records.len() || c >= 9 {
            return None;
        }
        let v = records[r - 1][c];
        (!v.is_empty()).then(|| v.to_string())
    };
    fill(
        &case.path("t.xlsx"),
        &case.path("f.xlsx"),
        &typed_cell,
        &|_, _, _| None,
    );
    let inputs = ["--annual", "a.csv", "--daily", "f.xlsx"];
    let check = run_in(
        case.dir(),
        &[&["check", "--rubric", "r.toml"][..], &inputs].concat(),
    );
    assert_eq!(check.status, 0, "{}", check.stderr);
    // 18 each, but u1: 8 + 6 + (4 − 1.5) + 1 = 17.50; u3 vetoed (不合格).
    let got = scored(case.dir(), &inputs);
    let want = [
        ("u2", "18.00", "excellent", 1, false),
        ("u3", "18.00", "fail", 1, false),
        ("u1", "17.50", "good", 3, false),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(u, t, g, r, s)| (u.to_string(), t.to_string(), g.to_string(), *r, *s))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn a_filled_published_workbook_verifies() {
    let (case, out) = template(&["published", "-o", "t.xlsx"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    // Every unit full marks: 18.00, 优秀, all first.
    let typed_cell = |sheet: &str, cells: &[Vec<String>], r: usize, c: usize| {
        if sheet != "公布结果" || r == 0 || r >= cells.len() {
            return None;
        }
        ["", "18", "优秀", "1"]
            .get(c)
            .filter(|v| !v.is_empty())
            .map(|v| v.to_string())
    };
    fill(
        &case.path("t.xlsx"),
        &case.path("p.xlsx"),
        &typed_cell,
        &|_, _, _| None,
    );
    std::fs::write(case.path("a.csv"), FULL_ANNUAL).expect("written");
    let out = run_in(
        case.dir(),
        &[
            "verify",
            "--rubric",
            "r.toml",
            "--annual",
            "a.csv",
            "--published",
            "p.xlsx",
        ],
    );
    assert_eq!(out.status, 0, "{}{}", out.stdout, out.stderr);
}

// ---------------------------------------------------------------------------
// Wide tables read back: these need the reader of wide tables and whole
// workbooks (SPEC 10 and 11); switch them on when it lands.

/// Fills a wide workbook: each item cell of a unit's row gets what the
/// sheet's scorer typed; 合计 gets the sum a spreadsheet computes (or is
/// left uncomputed when `computed` is false).
fn fill_wide(template: &Path, out: &Path, computed: bool, wrong_total: bool) {
    let header_row = |cells: &[Vec<String>]| {
        cells
            .iter()
            .position(|r| column(r, &["单位", "unit"]).is_some())
            .expect("a header row")
    };
    let scorer_of = |cells: &[Vec<String>], r: usize| -> String {
        let h = header_row(cells);
        if let Some(c) = column(&cells[h], &["scorer"]) {
            return cells[r][c].clone();
        }
        cells[..h]
            .iter()
            .flatten()
            .find_map(|c| c.strip_prefix("评分单位："))
            .expect("the scorer's cell")
            .to_string()
    };
    let typed_cell = |sheet: &str, cells: &[Vec<String>], r: usize, c: usize| {
        if sheet.contains("说明") || sheet == "instructions" {
            return None;
        }
        let h = header_row(cells);
        let unit_col = column(&cells[h], &["单位", "unit"])?;
        if r <= h
            || r >= cells.len()
            || c >= cells[h].len()
            || cells[r][unit_col].is_empty()
            || cells[r][unit_col].ends_with('：')
        {
            return None;
        }
        let heading = &cells[h][c];
        let item = heading.split(' ').next()?;
        if !item.starts_with(|ch: char| ch.is_ascii_digit()) {
            return None;
        }
        typed(&cells[r][unit_col], item, &scorer_of(cells, r)).map(str::to_string)
    };
    let cached = |_: &[Vec<String>], _: usize, filled: &[(usize, String)]| {
        if !computed {
            return None;
        }
        let sum: f64 = filled
            .iter()
            .filter_map(|(_, v)| v.parse::<f64>().ok())
            .sum();
        Some(if wrong_total { sum + 1.0 } else { sum }.to_string())
    };
    fill(template, out, &typed_cell, &cached);
}

fn wide_case(lang: &str) -> Case {
    let case = Case::new().file("r.toml", RUBRIC).args(&[
        "template", "annual", "--rubric", "r.toml", "--layout", "wide", "-o", "t.xlsx", "--lang",
        lang,
    ]);
    let out = case.run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    case
}

#[test]
fn a_blank_wide_workbook_reads_its_total_cells_as_empty() {
    // What the wide reader will see of a template no spreadsheet has computed.
    let case = wide_case("zh");
    let cells = grid(&case.path("t.xlsx"), "办公室");
    for row in &cells[4..7] {
        assert_eq!(row[2..], ["", "", "", ""], "{row:?}");
    }
}

#[test]
fn a_filled_wide_workbook_scores_what_was_typed() {
    for lang in ["zh", "en"] {
        for computed in [true, false] {
            let case = wide_case(lang);
            fill_wide(&case.path("t.xlsx"), &case.path("f.xlsx"), computed, false);
            let check = run_in(
                case.dir(),
                &["check", "--rubric", "r.toml", "--annual", "f.xlsx"],
            );
            assert_eq!(check.status, 0, "{lang}: {}", check.stderr);
            assert_eq!(
                scored(case.dir(), &["--annual", "f.xlsx"]),
                expected(),
                "{lang}"
            );
        }
    }
}

#[test]
fn a_wide_total_that_disagrees_is_an_error_naming_its_cell() {
    let case = wide_case("zh");
    fill_wide(&case.path("t.xlsx"), &case.path("f.xlsx"), true, true);
    let out = run_in(
        case.dir(),
        &["check", "--rubric", "r.toml", "--annual", "f.xlsx"],
    );
    assert_eq!(out.status, 2);
    // 一县's row on the office sheet: 7.5 + 5.55 = 13.05, written 14.05.
    assert!(out.stderr.contains("f.xlsx[办公室]!E5"), "{}", out.stderr);
}

#[test]
fn a_blank_wide_workbook_reads_as_missing_scores() {
    let case = wide_case("zh");
    let out = run_in(
        case.dir(),
        &["check", "--rubric", "r.toml", "--annual", "t.xlsx"],
    );
    assert_eq!(out.status, 2, "{}", out.stderr);
    // Counted as 0 with --allow-missing: only 2.1 (from full, 4 points) scores.
    let out = run_in(
        case.dir(),
        &[
            "score",
            "--rubric",
            "r.toml",
            "--annual",
            "t.xlsx",
            "--allow-missing",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(doc["provisional"], true);
    for u in doc["rubrics"][0]["units"].as_array().expect("units") {
        assert_eq!(u["total"], "4.00", "{u}");
    }
}

#[test]
fn filled_wide_csv_templates_score_what_was_typed() {
    let case = Case::new().file("r.toml", RUBRIC);
    for scorer in ["office", "lead"] {
        for lang in ["zh", "en"] {
            let out = run_in(
                case.dir(),
                &[
                    "template", "annual", "--rubric", "r.toml", "--layout", "wide", "--scorer",
                    scorer, "--lang", lang,
                ],
            );
            assert_eq!(out.status, 0, "{}", out.stderr);
            let lines: Vec<&str> = out.stdout.lines().collect();
            let h = lines
                .iter()
                .position(|l| l.starts_with("序号,") || l.starts_with("No.,"))
                .expect("a header");
            let header: Vec<&str> = lines[h].split(',').collect();
            let filled: String = lines
                .iter()
                .enumerate()
                .map(|(n, line)| {
                    let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
                    if n > h && cells.len() == header.len() && cells[0].parse::<u32>().is_ok() {
                        for (c, heading) in header.iter().enumerate() {
                            let item = heading.split(' ').next().unwrap_or_default();
                            if let Some(v) = typed(&cells[1], item, scorer) {
                                cells[c] = v.to_string();
                            }
                        }
                    }
                    cells.join(",") + "\n"
                })
                .collect();
            std::fs::write(case.path(&format!("{scorer}-{lang}.csv")), filled).expect("written");
        }
    }
    for lang in ["zh", "en"] {
        let (office, lead) = (format!("office-{lang}.csv"), format!("lead-{lang}.csv"));
        let inputs = ["--annual", office.as_str(), "--annual", lead.as_str()];
        assert_eq!(scored(case.dir(), &inputs), expected(), "{lang}");
    }
}
