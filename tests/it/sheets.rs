//! Score sheets (评分表) and workbooks through the real binary (SPEC 10 and
//! 11): wide tables in CSV (UTF-8 and GBK) and in workbooks of several
//! sheets, typed values, the errors of bad sheets in both languages, and
//! hostile workbooks that must end in an error, quickly and in bounded memory.

use crate::common;
use common::rawzip::stored_zip;
use common::*;

use rust_xlsxwriter::{Format, Formula, Workbook};
use std::time::{Duration, Instant};

fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, bad) = encoding_rs::GBK.encode(text);
    assert!(!bad, "GBK can encode the text");
    bytes.into_owned()
}

// ---------------------------------------------------------------------------
// Wide CSV
// ---------------------------------------------------------------------------

/// The office's score sheet as an office writes it: a title, the scorer
/// and a date under it, 序号, the items by title or id and title with their
/// points, 合计, 备注, then a total row and the signatures.
const WIDE_OFFICE: &str = include_str!("../fixtures/sheets/wide-office.csv");

/// The lead units' sheet: no title, the scorer named on the command line.
const WIDE_LEAD: &str = include_str!("../fixtures/sheets/wide-lead.csv");

/// u1: 7 + (6 + 6) / 2 + 4 = 17; u2: 8 + 6 + 4 = 18; u3: 8 + (5.5 + 5) / 2 + 4 = 17.25.
fn wide_scores() -> Snapshot {
    Snapshot::file("sheets/wide_scores.csv")
}

fn wide_case(office: impl AsRef<[u8]>, lead: impl AsRef<[u8]>) -> Case {
    Case::new()
        .file("r.toml", RUBRIC)
        .file("office.csv", office)
        .file("lead.csv", lead)
}

#[test]
fn a_wide_csv_scores_as_its_long_rows_do() {
    wide_case(WIDE_OFFICE, WIDE_LEAD)
        .args(&[
            "score",
            "--rubric",
            "r.toml",
            "--annual",
            "office.csv",
            "--annual",
            "lead.csv@lead",
            "--format",
            "csv",
        ])
        .stdout(wide_scores());
    // The same scores, long.
    let long = "unit,item,scorer,score
u1,1.1,office,7
u1,1.2,office,6
u1,1.2,lead,6
u2,1.1,office,8
u2,1.2,office,6
u2,1.2,lead,6
u3,1.1,office,8
u3,1.2,office,5.5
u3,1.2,lead,5
";
    Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", long)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--format", "csv",
        ])
        .stdout(wide_scores());
}

/// A title may begin with digits (`12345热线办理`, the citizens' hotline):
/// after an id and a space it is still the title, not more of the id.
#[test]
fn a_title_beginning_with_digits_after_its_id() {
    let rubric = RUBRIC.replace("政策解读", "12345热线办理");
    let office = "单位,1.1 组织领导（8分）,1.2 12345热线办理（6分）
一县,7,6
二县,8,6
三县,8,5.5
";
    let lead = "单位,1.2 12345热线办理
一县,6
二县,6
三县,5
";
    Case::new()
        .file("r.toml", rubric.as_str())
        .file("office.csv", office)
        .file("lead.csv", lead)
        .args(&[
            "score",
            "--rubric",
            "r.toml",
            "--annual",
            "office.csv@office",
            "--annual",
            "lead.csv@lead",
            "--format",
            "csv",
        ])
        .stdout(wide_scores());
}

#[test]
fn a_wide_gbk_csv_with_crlf_scores_alike() {
    let office = gbk(&WIDE_OFFICE.replace('\n', "\r\n"));
    let lead = gbk(&WIDE_LEAD.replace('\n', "\r\n"));
    wide_case(office, lead)
        .args(&[
            "score",
            "--rubric",
            "r.toml",
            "--annual",
            "office.csv",
            "--annual",
            "lead.csv@牵头单位",
            "--format",
            "csv",
        ])
        .stdout(wide_scores());
}

#[test]
fn check_counts_the_footer_rows_of_a_wide_csv() {
    let case = wide_case(gbk(WIDE_OFFICE), WIDE_LEAD).args(&[
        "check",
        "--rubric",
        "r.toml",
        "--annual",
        "office.csv",
        "--annual",
        "lead.csv@lead",
    ]);
    case.stdout(snapshot!("zh.txt"));
    let out = case.run_in(Some("en"));
    snapshot!("en.txt").check(&out.stdout);
}

/// A sheet that does not name its scorer, for items with several, is an
/// error that says the three ways to name it.
#[test]
fn a_wide_table_without_its_scorer() {
    let case = wide_case(WIDE_OFFICE, WIDE_LEAD).args(&[
        "score",
        "--rubric",
        "r.toml",
        "--annual",
        "office.csv",
        "--annual",
        "lead.csv",
    ]);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

/// A 评分单位 column names each row's scorer; the title block and the
/// command line must agree when both name one.
#[test]
fn scorers_by_column_and_by_title_block() {
    let by_column = "单位,评分单位,政策解读,组织领导
一县,办公室,6,7
二县,office,6,8
三县,办公室,5.5,8
一县,牵头单位,6,
二县,lead,6,
三县,lead,5,
";
    Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", by_column)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--format", "csv",
        ])
        .stdout(wide_scores());
    let case = wide_case(WIDE_OFFICE, WIDE_LEAD).args(&[
        "score",
        "--rubric",
        "r.toml",
        "--annual",
        "office.csv@lead",
        "--annual",
        "lead.csv@lead",
    ]);
    case.fails(snapshot!("en.txt"));
}

// ---------------------------------------------------------------------------
// Workbooks
// ---------------------------------------------------------------------------

/// A workbook as scorers return it: an instructions sheet first, then one
/// sheet per scorer. The office's has a merged title row, its scorer under
/// it, row numbers by formula, a 合计 by formula whose saved value carries
/// float noise, numbers with noise (7.000000000000001), and a signature
/// line; the lead units' holds 5.25 as Excel stores =1.5*0.35*10
/// (5.249999999999999).
fn scorers_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("说明").unwrap();
    notes
        .write_string(0, 0, "每个单位一行，得分填数字；不涉及的项目填“不涉及”。")
        .unwrap();
    let office = book.add_worksheet();
    office.set_name("办公室").unwrap();
    office
        .merge_range(0, 0, 0, 5, "2020年度政务公开考核评分表", &Format::new())
        .unwrap();
    office.write_string(1, 0, "评分单位：办公室").unwrap();
    for (c, h) in [
        "序号",
        "单位",
        "1.1 组织领导（8分）",
        "1.2 政策解读（6分）",
        "合计",
        "备注",
    ]
    .iter()
    .enumerate()
    {
        office.write_string(2, c as u16, *h).unwrap();
    }
    let rows: [(&str, f64, f64, &str); 3] = [
        ("一县", 7.000000000000001, 6.0, "13.000000000000002"),
        ("二县", 8.0, 6.0, "14"),
        ("三县", 8.0, 5.249999999999999, "13.249999999999998"),
    ];
    for (k, (unit, a, b, total)) in rows.iter().enumerate() {
        let r = 3 + k as u32;
        office
            .write_formula(
                r,
                0,
                Formula::new("=ROW()-3").set_result((k + 1).to_string()),
            )
            .unwrap();
        office.write_string(r, 1, *unit).unwrap();
        office.write_number(r, 2, *a).unwrap();
        office.write_number(r, 3, *b).unwrap();
        office
            .write_formula(
                r,
                4,
                Formula::new(format!("=SUM(C{0}:D{0})", r + 1)).set_result(*total),
            )
            .unwrap();
    }
    office.write_string(6, 0, "评分人：张三").unwrap();
    let lead = book.add_worksheet();
    lead.set_name("牵头单位").unwrap();
    lead.write_string(0, 0, "评分单位：牵头单位").unwrap();
    lead.write_string(1, 0, "单位").unwrap();
    lead.write_string(1, 1, "政策解读（6分）").unwrap();
    lead.write_string(2, 0, "一县").unwrap();
    lead.write_number(2, 1, 6.0).unwrap();
    lead.write_string(3, 0, "二县").unwrap();
    lead.write_formula(
        3,
        1,
        Formula::new("=1.5*0.35*10").set_result("5.249999999999999"),
    )
    .unwrap();
    lead.write_string(4, 0, "三县").unwrap();
    lead.write_number(4, 1, 6.0).unwrap();
    book.save_to_buffer().unwrap()
}

/// u1: 7 + 6 + 4 = 17; u2: 8 + (6 + 5.25) / 2 = 5.625 -> 5.63, so 17.63;
/// u3: 8 + (5.25 + 6) / 2 -> 5.63, 17.63. Read as stored (5.249999999999999),
/// 5.6249999999999995 would round to 5.62.
fn workbook_scores() -> Snapshot {
    Snapshot::file("sheets/workbook_scores.csv")
}

/// `COMMAND --rubric r.toml --annual scores.xlsx REST…`
fn workbook_case(args: &[&str]) -> Case {
    let mut all = vec![args[0], "--rubric", "r.toml", "--annual", "scores.xlsx"];
    all.extend(&args[1..]);
    Case::new()
        .file("r.toml", RUBRIC)
        .file("scores.xlsx", scorers_workbook())
        .args(&all)
}

#[test]
fn every_scorer_sheet_of_a_workbook_is_read_at_fifteen_digits() {
    let mut args = vec!["score"];
    args.extend([
        "--rubric",
        "r.toml",
        "--annual",
        "scores.xlsx",
        "--format",
        "csv",
    ]);
    Case::new()
        .file("r.toml", RUBRIC)
        .file("scores.xlsx", scorers_workbook())
        .args(&args)
        .stdout(workbook_scores());
}

#[test]
fn check_lists_each_sheet_and_the_sheets_left_out() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("scores.xlsx", scorers_workbook())
        .args(&["check", "--rubric", "r.toml", "--annual", "scores.xlsx"]);
    case.stdout(snapshot!("zh.txt"));
    let out = case.run_in(Some("en"));
    snapshot!("en.txt").check(&out.stdout);
}

/// `--sheet` restricts a run to the sheets it names, repeated or as a
/// comma list; a name no workbook has is an error with the sheets there are.
#[test]
fn sheet_restricts_to_the_named_sheets() {
    let case = workbook_case(&["check", "--sheet", "办公室", "--allow-missing"]);
    let out = case.run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("scores.xlsx[办公室]："),
        "{}",
        out.stdout
    );
    assert!(
        !out.stdout.contains("scores.xlsx[牵头单位]"),
        "{}",
        out.stdout
    );
    let mut args = vec!["score"];
    args.extend(["--rubric", "r.toml", "--annual", "scores.xlsx"]);
    args.extend(["--sheet", "办公室,牵头单位", "--format", "csv"]);
    Case::new()
        .file("r.toml", RUBRIC)
        .file("scores.xlsx", scorers_workbook())
        .args(&args)
        .stdout(workbook_scores());
    let case = workbook_case(&["check", "--sheet", "办公", "--sheet", "牵头"]);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
    let case = workbook_case(&["check", "--sheet", "办公室,牵头", "--allow-missing"]);
    case.fails(snapshot!("nowhere.en.txt"));
}

// ---------------------------------------------------------------------------
// Workbooks written by hand: what rust_xlsxwriter never writes
// ---------------------------------------------------------------------------

const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A workbook of the given sheets (name, sheetData XML), inline strings
/// only, and optionally shared strings (`<sst>` XML).
pub(crate) fn workbook(sheets: &[(&str, String)], shared: Option<&[u8]>) -> Vec<u8> {
    let mut parts: Vec<(String, Vec<u8>, Option<u32>)> = Vec::new();
    parts.push((
        "_rels/.rels".into(),
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).into_bytes(),
        None,
    ));
    let mut list = String::new();
    let mut rels = String::new();
    for (k, (name, _)) in sheets.iter().enumerate() {
        list.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{0}" r:id="rId{0}"/>"#,
            k + 1
        ));
        rels.push_str(&format!(
            r#"<Relationship Id="rId{0}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{0}.xml"/>"#,
            k + 1
        ));
    }
    if shared.is_some() {
        rels.push_str(&format!(
            r#"<Relationship Id="rIdS" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>"#
        ));
    }
    parts.push((
        "xl/workbook.xml".into(),
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>{list}</sheets></workbook>"#).into_bytes(),
        None,
    ));
    parts.push((
        "xl/_rels/workbook.xml.rels".into(),
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#).into_bytes(),
        None,
    ));
    for (k, (_, data)) in sheets.iter().enumerate() {
        parts.push((
            format!("xl/worksheets/sheet{}.xml", k + 1),
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheetData>{data}</sheetData></worksheet>"#).into_bytes(),
            None,
        ));
    }
    if let Some(sst) = shared {
        parts.push(("xl/sharedStrings.xml".into(), sst.to_vec(), None));
    }
    let entries: Vec<(&str, &[u8], Option<u32>)> = parts
        .iter()
        .map(|(n, d, s)| (n.as_str(), d.as_slice(), *s))
        .collect();
    stored_zip(&entries)
}

/// An inline string cell.
pub(crate) fn s(reference: &str, text: &str) -> String {
    format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A number cell.
pub(crate) fn n(reference: &str, value: &str) -> String {
    format!(r#"<c r="{reference}"><v>{value}</v></c>"#)
}

pub(crate) fn row(r: usize, cells: &[String]) -> String {
    format!(r#"<row r="{r}">{}</row>"#, cells.concat())
}

/// The test rubric's office sheet, header in row 1: 单位 | 组织领导 | 政策解读.
fn office_rows() -> String {
    [
        row(1, &[s("A1", "评分单位：办公室")]),
        row(
            2,
            &[s("A2", "单位"), s("B2", "组织领导"), s("C2", "政策解读")],
        ),
        row(3, &[s("A3", "一县"), n("B3", "7"), n("C3", "6")]),
        row(4, &[s("A4", "二县"), n("B4", "8"), n("C4", "6")]),
        row(5, &[s("A5", "三县"), n("B5", "8"), n("C5", "6")]),
    ]
    .concat()
}

fn book_case(book: Vec<u8>) -> Case {
    Case::new()
        .file("r.toml", RUBRIC)
        .file("book.xlsx", book)
        .args(&[
            "check",
            "--rubric",
            "r.toml",
            "--annual",
            "book.xlsx",
            "--allow-missing",
        ])
}

#[test]
fn a_formula_without_a_saved_value() {
    let sheet = office_rows().replace(
        r#"<c r="C4"><v>6</v></c>"#,
        r#"<c r="C4"><f>SUM(X1:X2)</f></c>"#,
    );
    let case = book_case(workbook(&[("办公室", sheet)], None));
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

/// Ids typed into number cells: 1.10 becomes 1.1. A number that is the
/// value of one id is that id; of two (1.1 and 1.10), an error at the cell.
#[test]
fn an_item_id_excel_made_a_number() {
    let rubric = RUBRIC.replace("id = \"1.2\"", "id = \"1.10\"").replace(
        "scorers = { office = \"0.5\", lead = 0.5 }",
        "scorers = { office = 1 }",
    );
    let long = [
        row(1, &[s("A1", "单位"), s("B1", "项目"), s("C1", "得分")]),
        row(2, &[s("A2", "一县"), n("B2", "1.1"), n("C2", "7")]),
    ]
    .concat();
    // Only 1.10 reads as 1.1: it is that one.
    let only = RUBRIC
        .replace("id = \"1.1\"", "id = \"1.10\"")
        .replace("id = \"1.2\"", "id = \"1.20\"");
    let out = Case::new()
        .file("r.toml", &only)
        .file("book.xlsx", workbook(&[("得分", long.clone())], None))
        .args(&[
            "check",
            "--rubric",
            "r.toml",
            "--annual",
            "book.xlsx",
            "--allow-missing",
        ])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let case = Case::new()
        .file("r.toml", &rubric)
        .file("book.xlsx", workbook(&[("得分", long)], None))
        .args(&[
            "check",
            "--rubric",
            "r.toml",
            "--annual",
            "book.xlsx",
            "--allow-missing",
        ]);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

// ---------------------------------------------------------------------------
// Typed values
// ---------------------------------------------------------------------------

/// 1.2's title with quotation marks, as notices write 落实“五公开”要求.
fn quoted_rubric() -> String {
    RUBRIC.replace("title = \"政策解读\"", "title = \"落实“五公开”要求\"")
}

#[test]
fn values_as_people_type_them() {
    // Header synonyms; full-width digits and point; a trailing 分; titles
    // with and without quotation marks; a row leaving its note off.
    let annual = "单位名称,考核项目,评分单位,分数,备注
一县,组织领导,办公室,７.５,自查材料不完整
一县,\"落实\"\"五公开\"\"要求\",办公室,6分
一县,落实五公开要求,牵头单位,５．５
二县,1.1,office,8
二县,1.2,office,6
二县,1.2,lead,6
三县,1.1,office,8分
三县,落实“五公开”要求,office,6
三县,落实“五公开”要求,lead,6
";
    // Dates as typed, with a time of day; points with 分 and in full width.
    let daily = "日期,单位名称,考核项目,类型,分值,方式,说明
2020.5.19,一县,网站监测,核减,0.5分,网上评测,首页错链
20200520,二县,网站监测,核减,０．５,网上评测
2020年5月21号,二县,创新加分,核加,1,材料报备
2020-05-22 10:30,三县,网站监测,扣分,1,随机抽查
";
    Case::new()
        .file("r.toml", quoted_rubric())
        .file("a.csv", annual)
        .file("d.csv", daily)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv", "--format",
            "csv",
        ])
        // u1: 7.5 + (6 + 5.5) / 2 + (4 - 0.5) = 16.75; u2: 8 + 6 + 3.5 + 1 = 18.5;
        // u3: 8 + 6 + 3 = 17.
        .stdout(snapshot!("csv"));
}

/// In a long table an empty score cell is a missing score (an error
/// listing it, or 0 with --allow-missing), not a bad number.
#[test]
fn an_empty_score_is_a_missing_score() {
    let annual = FULL_ANNUAL.replace("u2,1.1,office,8", "u2,1.1,office,");
    let case = csv_case(&annual, DAILY_HEADER);
    case.fails(snapshot!("en.txt"));
}

// ---------------------------------------------------------------------------
// Bad sheets: each an error at its cell or line, all at once, exit 2
// ---------------------------------------------------------------------------

/// A second rubric with the same items and units of its own.
fn second_rubric() -> String {
    RUBRIC
        .replace("id = \"t\"", "id = \"t2\"")
        .replace(
            "id = \"u1\"\nname = \"一县\"",
            "id = \"v1\"\nname = \"甲局\"",
        )
        .replace(
            "id = \"u2\"\nname = \"二县\"",
            "id = \"v2\"\nname = \"乙局\"",
        )
        .replace(
            "id = \"u3\"\nname = \"三县\"",
            "id = \"v3\"\nname = \"丙局\"",
        )
}

fn bad_case(name: &str, contents: impl AsRef<[u8]>) -> Case {
    Case::new()
        .file("r.toml", RUBRIC)
        .file("r2.toml", second_rubric())
        .file(name, contents)
        .args(&[
            "check",
            "--rubric",
            "r.toml",
            "--rubric",
            "r2.toml",
            "--annual",
            name,
            "--allow-missing",
        ])
}

#[test]
fn a_wide_table_mixing_two_rubrics_units() {
    let case = bad_case(
        "w.csv",
        "评分单位：办公室\n单位,组织领导,政策解读\n一县,7,6\n甲局,8,6\n二县,8,6\n",
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn an_item_column_twice() {
    let book = workbook(
        &[(
            "办公室",
            [
                row(1, &[s("A1", "评分单位：办公室")]),
                row(
                    2,
                    &[
                        s("A2", "单位"),
                        s("B2", "组织领导"),
                        s("C2", "政策解读"),
                        s("D2", "1.1"),
                    ],
                ),
                row(3, &[s("A3", "一县"), n("B3", "7"), n("C3", "6")]),
            ]
            .concat(),
        )],
        None,
    );
    let case = bad_case("book.xlsx", book);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn a_header_maximum_that_disagrees_with_the_rubric() {
    let case = bad_case(
        "w.csv",
        "评分单位：办公室\n单位,组织领导（10分）,政策解读(6)\n一县,7,6\n",
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn a_total_that_disagrees_with_its_row() {
    // 7 + 5.55 = 12.55, written 12.5 (one place: 12.6) and 12.55 (right),
    // and 政务公开小计 written 12.6 (one place: right).
    let case = bad_case(
        "w.csv",
        "评分单位：办公室\n单位,组织领导,政策解读,政务公开小计,合计\n一县,7,5.55,12.6,12.5\n二县,8,5.55,13.6,13.55\n",
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn a_sheet_without_a_header() {
    let book = workbook(
        &[
            ("办公室", office_rows()),
            (
                "Sheet2",
                [
                    row(3, &[s("B3", "草稿"), n("C3", "7")]),
                    row(4, &[n("B4", "1")]),
                ]
                .concat(),
            ),
        ],
        None,
    );
    let case = bad_case("book.xlsx", book);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn a_cell_that_is_neither_a_number_nor_na() {
    let sheet = office_rows().replace(r#"<c r="C4"><v>6</v></c>"#, &s("C4", "六"));
    let case = bad_case("book.xlsx", workbook(&[("办公室", sheet)], None));
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

/// Every problem of every sheet and file, in one run; nothing written.
#[test]
fn every_bad_sheet_at_once() {
    let book = workbook(
        &[
            (
                "办公室",
                office_rows()
                    .replace(r#"<c r="C4"><v>6</v></c>"#, &s("C4", "六"))
                    .replace(&s("B2", "组织领导"), &s("B2", "组织领导（9分）")),
            ),
            ("Sheet2", row(1, &[s("A1", "草稿")])),
        ],
        None,
    );
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("r2.toml", second_rubric())
        .file("book.xlsx", book)
        .file(
            "w.csv",
            "评分单位：牵头单位\n单位,政策解读,合计,政策解读\n一县,6,6\n甲局,6,6\n",
        )
        .args(&[
            "score",
            "--rubric",
            "r.toml",
            "--rubric",
            "r2.toml",
            "--annual",
            "book.xlsx",
            "--annual",
            "w.csv",
            "--output",
            "out.csv",
        ]);
    case.fails(snapshot!("en.txt"));
    assert!(!case.path("out.csv").exists());
}

// ---------------------------------------------------------------------------
// Hostile workbooks: an error naming the file, quickly, in bounded memory
// ---------------------------------------------------------------------------

/// Runs `check` on `book.xlsx`; requires exit 2 within `seconds`, a first
/// error naming `at`, and (where /usr/bin/time is there to tell) a peak
/// resident memory under 300 MB.
fn hostile(book: Vec<u8>, at: &str, seconds: u64) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.toml"), RUBRIC).unwrap();
    std::fs::write(dir.path().join("book.xlsx"), book).unwrap();
    let bin = env!("CARGO_BIN_EXE_assess");
    let time = std::path::Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = std::process::Command::new(time);
        c.args(["-f", "peak-kb %M", bin]);
        c
    } else {
        std::process::Command::new(bin)
    };
    cmd.args(["check", "--rubric", "r.toml", "--annual", "book.xlsx"])
        .current_dir(dir.path())
        .env("ASSESS_LANG", "en")
        .env_remove("LC_ALL")
        .env_remove("LANG");
    let start = Instant::now();
    let out = cmd.output().unwrap();
    let took = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        took < Duration::from_secs(seconds),
        "took {took:?}: {stderr}"
    );
    assert!(
        stderr.starts_with(&format!("error: {at}")),
        "expected an error at {at}: {stderr}"
    );
    if let Some(kb) = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak-kb "))
        .and_then(|k| k.trim().parse::<u64>().ok())
    {
        assert!(kb < 300_000, "peak memory {kb} kB: {stderr}");
    }
    stderr
}

#[test]
fn a_cell_far_out_costs_one_cell() {
    let sheet = office_rows() + &row(1_048_576, &[s("XFD1048576", "x")]);
    let err = hostile(
        workbook(&[("办公室", sheet)], None),
        "book.xlsx[办公室]!XFD1048576:",
        20,
    );
    assert!(err.contains("stands outside the table"), "{err}");
}

#[test]
fn malformed_cell_references() {
    for (bad, at) in [
        (
            r#"<c r="AAAAAAAAAAAAAAAAAAAA3"><v>1</v></c>"#,
            "book.xlsx[办公室]!A3:",
        ),
        (
            r#"<c r="A99999999999999999999"><v>1</v></c>"#,
            "book.xlsx[办公室]!A3:",
        ),
        (r#"<c r="A0"><v>1</v></c>"#, "book.xlsx[办公室]!A3:"),
        (r#"<c r="3A"><v>1</v></c>"#, "book.xlsx[办公室]!A3:"),
        (r#"<c r="A2"><v>1</v></c>"#, "book.xlsx[办公室]!A3:"),
    ] {
        let sheet = office_rows().replace(&s("A3", "一县"), bad);
        let err = hostile(workbook(&[("办公室", sheet)], None), at, 20);
        assert!(err.contains("damaged"), "{bad}: {err}");
    }
    let sheet = office_rows().replace(r#"<row r="4">"#, r#"<row r="99999999999">"#);
    hostile(
        workbook(&[("办公室", sheet)], None),
        "book.xlsx[办公室]:",
        20,
    );
    let sheet = office_rows().replace(r#"<row r="4">"#, r#"<row r="2">"#);
    hostile(
        workbook(&[("办公室", sheet)], None),
        "book.xlsx[办公室]:",
        20,
    );
}

#[test]
fn entities_are_not_expanded() {
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>"#;
    let sst = format!(r#"{laughs}<sst xmlns="{MAIN_NS}"><si><t>&lol9;</t></si></sst>"#);
    let sheet = office_rows().replace(&s("A3", "一县"), r#"<c r="A3" t="s"><v>0</v></c>"#);
    let err = hostile(
        workbook(&[("办公室", sheet)], Some(sst.as_bytes())),
        "book.xlsx",
        20,
    );
    assert!(err.contains("&lol9;"), "{err}");
    let inline = office_rows().replace(&s("A3", "一县"), &s("A3", "&lol9;"));
    let err = hostile(
        workbook(&[("办公室", inline)], None),
        "book.xlsx[办公室]",
        20,
    );
    assert!(err.contains("&lol9;"), "{err}");
}

#[test]
fn a_huge_cell_is_refused() {
    let huge = "x".repeat(3 << 20);
    let sheet = office_rows().replace(&s("A3", "一县"), &s("A3", &huge));
    let err = hostile(
        workbook(&[("办公室", sheet)], None),
        "book.xlsx[办公室]",
        20,
    );
    assert!(err.contains("MiB"), "{err}");
    // A part that says it unpacks to 3 GiB is not unpacked.
    let book = {
        let sheets = [("办公室", office_rows())];
        let mut parts = workbook(&sheets, Some(b"<sst/>"));
        // Rewrite the shared strings' sizes: 3 GiB declared, 6 bytes stored.
        let name = b"xl/sharedStrings.xml";
        let mut k = 0;
        while let Some(p) = parts[k..].windows(name.len()).position(|w| w == name) {
            let at = k + p;
            // Local header: sizes 8 bytes before the name's length field.
            let header = if parts[at - 30..at - 26] == 0x0403_4b50u32.to_le_bytes() {
                Some(at - 30 + 22)
            } else if parts[at - 46..at - 42] == 0x0201_4b50u32.to_le_bytes() {
                Some(at - 46 + 24)
            } else {
                None
            };
            if let Some(h) = header {
                parts[h..h + 4].copy_from_slice(&0xC000_0000u32.to_le_bytes());
            }
            k = at + 1;
        }
        parts
    };
    let err = hostile(book, "book.xlsx", 20);
    assert!(err.contains("MiB"), "{err}");
}

#[test]
fn a_million_rows_stream_through() {
    let mut sheet = office_rows();
    for r in 6..=1_048_576 {
        sheet.push_str(&format!(
            r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t> </t></is></c></row>"#
        ));
    }
    // The sheet reads to its end (blank rows), and the year misses the
    // lead units' scores: an error, after a million rows, within seconds.
    let err = hostile(workbook(&[("办公室", sheet)], None), "r.toml", 60);
    assert!(err.contains("no annual score of 牵头单位"), "{err}");
}

#[test]
fn encrypted_old_truncated_and_non_zip_workbooks() {
    // An encrypted .xlsx is an OLE file holding an EncryptedPackage stream.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend(vec![0u8; 1000]);
    let old = ole.clone();
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    let err = hostile(ole, "book.xlsx:", 20);
    assert!(err.contains("password"), "{err}");
    let err = hostile(old, "book.xlsx:", 20);
    assert!(err.contains("97-2003"), "{err}");
    let whole = workbook(&[("办公室", office_rows())], None);
    for cut in [whole.len() / 2, whole.len() - 10, 30] {
        let err = hostile(whole[..cut].to_vec(), "book.xlsx", 20);
        assert!(
            err.contains("damaged") || err.contains("lacks"),
            "{cut}: {err}"
        );
    }
    let mut garbage = b"PK\x03\x04".to_vec();
    garbage.extend((0..5000u32).map(|i| (i * 7919 % 251) as u8));
    let err = hostile(garbage, "book.xlsx:", 20);
    assert!(err.contains("damaged"), "{err}");
    // Not a zip at all: read as CSV, and refused as such.
    let err = hostile(
        (0..5000u32).map(|i| (i * 7919 % 251) as u8).collect(),
        "book.xlsx",
        20,
    );
    assert!(!err.is_empty());
    // A zip that holds no workbook, and an OpenDocument spreadsheet.
    let err = hostile(
        stored_zip(&[("word/document.xml", b"<w/>", None)]),
        "book.xlsx:",
        20,
    );
    assert!(err.contains("not an Excel workbook"), "{err}");
    let ods = stored_zip(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
            None,
        ),
        ("content.xml", b"<x/>", None),
    ]);
    let err = hostile(ods, "book.xlsx:", 20);
    assert!(err.contains(".ods"), "{err}");
}

/// A long table below a title block, in a workbook: date cells (one with a
/// time of day), points with noise; and a heading one letter off a column
/// the table lacks is an error with a did-you-mean.
#[test]
fn a_long_sheet_below_a_title_and_a_misspelt_optional_column() {
    use rust_xlsxwriter::ExcelDateTime;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("日常考核").unwrap();
    sheet
        .merge_range(0, 0, 0, 5, "2020年日常考核记录", &Format::new())
        .unwrap();
    for (c, h) in ["日期", "单位", "项目", "类型", "分值", "方式"]
        .iter()
        .enumerate()
    {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    let day = ExcelDateTime::from_ymd(2020, 5, 19).unwrap();
    let at = ExcelDateTime::parse_from_str("2020-05-20 10:30").unwrap();
    let fmt = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    sheet.write_datetime_with_format(2, 0, &day, &fmt).unwrap();
    sheet.write_datetime_with_format(3, 0, &at, &fmt).unwrap();
    for r in [2u32, 3] {
        sheet.write_string(r, 1, "u1").unwrap();
        sheet.write_string(r, 2, "网站监测").unwrap();
        sheet.write_string(r, 3, "核减").unwrap();
        sheet.write_number(r, 4, 0.1 + 0.2).unwrap(); // 0.30000000000000004
        sheet.write_string(r, 5, "网上评测").unwrap();
    }
    sheet.write_string(4, 0, "注：以上为示例").unwrap();
    let daily = book.save_to_buffer().unwrap();
    Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file("daily.xlsx", daily)
        .args(&[
            "score",
            "--rubric",
            "r.toml",
            "--annual",
            "a.csv",
            "--daily",
            "daily.xlsx",
            "--format",
            "csv",
        ])
        // u1: 2.1 starts full at 4, less 0.3 twice: 17.40.
        .stdout(snapshot!("csv"));
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("unit,item,scorer,score", "单位,项目,评分单味,得分"),
        )
        .args(&["check", "--rubric", "r.toml", "--annual", "a.csv"]);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

/// The workbook fuzz target's seeds and regressions (fuzz/seeds/workbook,
/// fuzz/regressions/workbook-*), made into files as the target makes them
/// (`workbook_file` in fuzz/src/lib.rs), read by the binary as annual
/// scores, daily records and published results: each ends in a result or
/// in errors naming the file, never a panic.
#[test]
fn the_workbook_fuzz_inputs_end_in_results_or_errors() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut inputs: Vec<std::path::PathBuf> = Vec::new();
    for (dir, prefix) in [("seeds/workbook", ""), ("regressions", "workbook-")] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(prefix) && !name.ends_with(".py") {
                inputs.push(entry.path());
            }
        }
    }
    inputs.sort();
    assert!(inputs.len() >= 5, "{inputs:?}");
    for input in inputs {
        let book = fuzz_workbook_file(&std::fs::read(&input).unwrap());
        for (flag, extra) in [
            ("--annual", "--allow-missing"),
            ("--daily", "--allow-missing"),
        ] {
            let out = Case::new()
                .file("book.xlsx", &book)
                .args(&["check", flag, "book.xlsx", extra])
                .run_in(Some("en"));
            assert!(
                out.status == 0 || (out.status == 2 && out.stderr.contains("book.xlsx")),
                "{}: {flag}: status {}: {}",
                input.display(),
                out.status,
                out.stderr
            );
        }
        let out = Case::new()
            .file("book.xlsx", &book)
            .args(&["verify", "--allow-missing", "--published", "book.xlsx"])
            .run_in(Some("en"));
        assert!(
            matches!(out.status, 0..=2) && !out.stderr.contains("panicked"),
            "{}: verify: status {}: {}",
            input.display(),
            out.status,
            out.stderr
        );
    }
}

/// `workbook_file` of fuzz/src/lib.rs: a first byte below 0xC0, then parts
/// (sheet, shared strings, styles, workbook, second sheet) zipped with the
/// relationships that tie them; else the rest is the file.
fn fuzz_workbook_file(data: &[u8]) -> Vec<u8> {
    const SEP: &[u8] = b"\n\x00--\x00\n";
    let Some((&mode, rest)) = data.split_first() else {
        return Vec::new();
    };
    if mode >= 0xC0 {
        return rest.to_vec();
    }
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut from = 0;
    while let Some(p) = rest[from..].windows(SEP.len()).position(|w| w == SEP) {
        parts.push(&rest[from..from + p]);
        from += p + SEP.len();
    }
    parts.push(&rest[from..]);
    let part = |k: usize| parts.get(k).copied().filter(|p| !p.is_empty());
    let book = format!(
        r#"<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets><sheet name="评分表" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/></sheets></workbook>"#
    );
    let rels = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL_NS}/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="{REL_NS}/styles" Target="styles.xml"/></Relationships>"#
    );
    let package = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let mut entries: Vec<(&str, &[u8], Option<u32>)> = vec![
        ("_rels/.rels", package.as_bytes(), None),
        ("xl/workbook.xml", part(3).unwrap_or(book.as_bytes()), None),
        ("xl/_rels/workbook.xml.rels", rels.as_bytes(), None),
    ];
    for (k, name) in [
        (0, "xl/worksheets/sheet1.xml"),
        (1, "xl/sharedStrings.xml"),
        (2, "xl/styles.xml"),
        (4, "xl/worksheets/sheet2.xml"),
    ] {
        if let Some(p) = part(k) {
            entries.push((name, p, None));
        }
    }
    stored_zip(&entries)
}

/// Found by the proptest of tests/it/robustness.rs: a header whose third byte
/// falls inside a character (a BOM pasted into "item") made the search for
/// an id at the start of a column's name cut the character and panic.
#[test]
fn a_header_cut_inside_a_character() {
    Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", "unit,it\u{feff}em,scorer,score\nu1,1.1,office,8\n")
        .args(&["check", "--rubric", "r.toml", "--annual", "a.csv"])
        .fails(snapshot!("en.txt"));
}
