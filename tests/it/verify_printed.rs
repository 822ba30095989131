//! `verify` of published tables as offices print them: the usual headings
//! (县（市）, 部门, 总得分（20分）, 政务公开（14分）, 等级, 排名), every page of a
//! workbook, the tables of a Word notice; and a table checked on its own,
//! without the year's inputs. Every expected output below is written by
//! hand from the table and the test rubric (tests/fixtures/rubric.toml:
//! scale 20, two places, 优秀 18, 良好 15, 合格 12, 不合格 0, competition
//! ranking; 政务公开 holds 14 points, 放管服 6).

use crate::common;
use common::rawzip::{stored_zip, stored_zip_crc};
use common::*;

use rust_xlsxwriter::{Format, Workbook};

const ALONE_ZH: &str =
    "只核对了公布表本身：没有提供年度考核得分和日常考核记录，各单位的得分没有重新计算。\n";
const ALONE_EN: &str = "Only the published table was checked: no annual scores or daily records were given, so no score was recomputed.\n";

/// A second rubric, of departments, ranked densely: 政务公开 10, 放管服 10.
const DEPARTMENTS: &str = r#"id = "d"
title = "测试细则（部门）"
year = 2020
total = 20
ranking = "dense"

[scorers]
office = "办公室"

[[grade]]
id = "excellent"
label = "优秀"
min = 18
[[grade]]
id = "good"
label = "良好"
min = 15
[[grade]]
id = "pass"
label = "合格"
min = 12
[[grade]]
id = "fail"
label = "不合格"
min = 0

[[unit]]
id = "d1"
name = "甲局"
[[unit]]
id = "d2"
name = "乙局"
[[unit]]
id = "d3"
name = "丙局"
[[unit]]
id = "d4"
name = "丁局"

[[section]]
id = "s1"
title = "政务公开"
  [[section.item]]
  id = "1.1"
  title = "公开"
  max = 10
  scorers = { office = 1 }

[[section]]
id = "s2"
title = "放管服"
  [[section.item]]
  id = "2.1"
  title = "改革"
  max = 10
  scorers = { office = 1 }
"#;

/// `verify --published FILE` of the test rubric alone (no inputs), in `lang`.
fn alone(file: &str, contents: impl AsRef<[u8]>, lang: &str) -> Outcome {
    Case::new()
        .file("r.toml", RUBRIC)
        .file(file, contents)
        .args(&["verify", "--rubric", "r.toml", "--published", file])
        .run_in(Some(lang))
}

fn assert_outcome(out: &Outcome, status: i32, stdout: &str) {
    assert_eq!(out.stderr, "", "stderr");
    assert_text(&out.stdout, stdout);
    assert_eq!(out.status, status, "exit status");
}

/// The notice's table as typed from print: a title row, the headings with
/// their points, a veto written into the grade, a note below.
const PRINTED: &str = "\
2020年度考核结果（各县（市））
排名,县（市）,政务公开（14分）,放管服（6分）,总得分（20分）,等级
1,二县,12.00,5.14,17.14,良好
2,一县,10.99,4.50,15.49,良好
3,三县,8.00,4.00,12.00,不合格（一票否决）
注：三县被一票否决，定为不合格。
";

#[test]
fn a_printed_table_that_agrees_with_itself_in_chinese() {
    let out = alone("p.csv", PRINTED, "zh");
    let expected = format!(
        "{ALONE_ZH}\
考核细则 t（公布表中 3 个单位）：
  各部分之和：核对 3 个单位
  等次：按考核细则的等次分数线核对 3 个单位
  名次：核对 3 个单位，符合细则规定的竞争排名（1、2、2、4）；本表中两种排名结果相同
共核对 3 个单位，全部一致。
"
    );
    assert_outcome(&out, 0, &expected);
}

#[test]
fn a_printed_table_that_agrees_with_itself_in_english() {
    let out = alone("p.csv", PRINTED, "en");
    let expected = format!(
        "{ALONE_EN}\
rubric t (3 units in the table):
  sums of the parts: 3 units checked
  grades: 3 units checked against the rubric's grade thresholds
  ranks: 3 units checked; they follow the rubric's competition ranking (1, 2, 2, 4); both rankings agree here
3 units checked, 0 mismatches
"
    );
    assert_outcome(&out, 0, &expected);
}

/// 一县: 10.99 + 4.50 = 15.49, printed 15.94; 三县: 8.00 + 4.00 = 12.00,
/// printed 12.10. 二县's total is rescaled (*): its parts are not its sum.
const BAD_SUMS: &str = "\
单位,政务公开,放管服,总分,等次,名次
二县,12.00,4.00,17.14*,良好,1
一县,10.99,4.50,15.94,良好,2
三县,8.00,4.00,12.10,合格,3
";

#[test]
fn sums_that_do_not_add_up_are_each_a_mismatch() {
    let out = alone("p.csv", BAD_SUMS, "zh");
    let expected = format!(
        "\
p.csv:3:D：一县（u1）各部分之和与总分不符：政务公开 10.99 + 放管服 4.50 = 15.49，公布总分 15.94
p.csv:4:D：三县（u3）各部分之和与总分不符：政务公开 8.00 + 放管服 4.00 = 12.00，公布总分 12.10
{ALONE_ZH}\
考核细则 t（公布表中 3 个单位）：
  各部分之和：核对 2 个单位；未核对 1 个：二县（总分带 *，按适用项目折算，表中没有基本得分）
  等次：按考核细则的等次分数线核对 3 个单位
  名次：核对 3 个单位，符合细则规定的竞争排名（1、2、2、4）；本表中两种排名结果相同
共核对 3 个单位，发现 2 处不一致。
"
    );
    assert_outcome(&out, 1, &expected);
}

#[test]
fn sums_that_do_not_add_up_in_english() {
    let out = alone("p.csv", BAD_SUMS, "en");
    let expected = format!(
        "\
p.csv:3:D: 一县 (u1) parts do not add up to the total: 政务公开 10.99 + 放管服 4.50 = 15.49, published total 15.94
p.csv:4:D: 三县 (u3) parts do not add up to the total: 政务公开 8.00 + 放管服 4.00 = 12.00, published total 12.10
{ALONE_EN}\
rubric t (3 units in the table):
  sums of the parts: 2 units checked; 1 not checked: 二县 (total marked *, rescaled to the items that apply; the table has no scored part)
  grades: 3 units checked against the rubric's grade thresholds
  ranks: 3 units checked; they follow the rubric's competition ranking (1, 2, 2, 4); both rankings agree here
3 units checked, 2 mismatches
"
    );
    assert_outcome(&out, 1, &expected);
}

/// 二县 and 一县 tie at 17.14; 三县 follows. Competition ranking (the
/// rubric's) makes it 3rd, dense ranking 2nd, as printed.
const DENSE_RANKS: &str = "\
名次,单位名称,总分,等次
1,二县,17.14,良好
1,一县,17.14,良好
2,三县,12.00,合格
";

#[test]
fn ranks_that_only_fit_dense_ranking_are_a_mismatch_of_the_rubric() {
    let out = alone("p.csv", DENSE_RANKS, "zh");
    let expected = format!(
        "\
p.csv:4:A：三县（u3）名次与总分不符：公布第 2 名，按竞争排名（1、2、2、4）应为第 3 名
{ALONE_ZH}\
考核细则 t（公布表中 3 个单位）：
  各部分之和：表中没有各考核内容的得分列，未核对
  等次：按考核细则的等次分数线核对 3 个单位
  名次：核对 3 个单位，符合密集排名（1、2、2、3），而细则规定的是竞争排名（1、2、2、4）
共核对 3 个单位，发现 1 处不一致。
"
    );
    assert_outcome(&out, 1, &expected);
}

#[test]
fn the_report_of_a_table_alone_as_json() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("p.csv", DENSE_RANKS)
        .args(&[
            "verify",
            "--rubric",
            "r.toml",
            "--published",
            "p.csv",
            "--format",
            "json",
        ]);
    let out = case.run_in(Some("en"));
    let expected = format!(
        r#"{{
  "schema": "assess.verify.v1",
  "version": "{}",
  "published": "p.csv",
  "rubric": null,
  "checked": 3,
  "mismatches": [
    {{
      "at": "p.csv:4:A",
      "rubric": "t",
      "unit": "u3",
      "name": "三县",
      "kind": "rank",
      "published": "2",
      "recomputed": null,
      "explain": null,
      "expected": "3"
    }}
  ],
  "recomputed": false,
  "passed_over": [],
  "coverage": [
    {{
      "rubric": "t",
      "units": 3,
      "sums": {{
        "checked": 0,
        "no_columns": true,
        "missing_columns": [],
        "unchecked": []
      }},
      "grades": {{
        "checked": 3
      }},
      "ranks": {{
        "checked": 3,
        "ranking": "competition",
        "fits": "other"
      }}
    }}
  ]
}}
"#,
        env!("CARGO_PKG_VERSION")
    );
    assert_outcome(&out, 1, &expected);
}

#[test]
fn a_roster_unit_left_out_and_a_unit_listed_twice() {
    let table = "名称,总分\n一县,15.49\n二县,17.14\n一县,15.49\n";
    let out = alone("p.csv", table, "zh");
    let expected = format!(
        "\
p.csv:4：一县（u1）重复列出：该单位已见于 p.csv:2
p.csv：三县（u3）未列入公布表：该单位在考核细则 t 的考核对象名单上
{ALONE_ZH}\
考核细则 t（公布表中 2 个单位）：
  各部分之和：表中没有各考核内容的得分列，未核对
  等次：表中没有等次列，未核对
  名次：表中没有名次列，未核对
共核对 3 个单位，发现 2 处不一致。
"
    );
    assert_outcome(&out, 1, &expected);
}

/// Grades against the bands: 一县's 15.49 is 良好, not 优秀; a veto marked
/// in the grade asks for the lowest grade; an unmarked 不合格 of a total of
/// 12.00 is wrong (nothing explains it).
#[test]
fn grades_follow_the_bands_and_a_veto_mark_explains_the_lowest() {
    let table = "\
单位,总分,等次
二县,17.14,良好
一县,15.49,优秀
三县,12.00,合格（一票否决）
";
    let out = alone("p.csv", table, "en");
    let expected = format!(
        "\
p.csv:3:C: 一县 (u1) grade does not follow the total: 15.49 is \"良好\" (15 and above), published \"优秀\"
p.csv:4:C: 三县 (u3) grade does not follow the veto: a vetoed unit has the lowest grade \"不合格\", published \"合格\"
{ALONE_EN}\
rubric t (3 units in the table):
  sums of the parts: not checked, the table has no column of section scores
  grades: 3 units checked against the rubric's grade thresholds
  ranks: not checked, the table has no rank column
3 units checked, 2 mismatches
"
    );
    assert_outcome(&out, 1, &expected);
}

/// A results workbook of two pages, one per rubric, a page of notes and a
/// page of details (a unit column, no total).
/// 各县（市）: a merged title row, the headings with points, numbers as
/// numbers, a note below. 各部门: 部门, 总得分, 等级, 排名; rubric d ranks
/// densely, and 丁局 is ranked 4th as competition ranking would.
fn two_pages_and_notes() -> Vec<u8> {
    let mut book = Workbook::new();
    let counties = book.add_worksheet();
    counties.set_name("各县（市）").unwrap();
    counties
        .merge_range(0, 0, 0, 6, "2020年度考核结果（各县（市））", &Format::new())
        .unwrap();
    let headings = [
        "序号",
        "县（市）",
        "政务公开（14分）",
        "放管服（6分）",
        "总分（20分）",
        "等次",
        "名次",
    ];
    for (c, h) in headings.iter().enumerate() {
        counties.write_string(1, c as u16, *h).unwrap();
    }
    let rows: [(&str, f64, f64, f64, &str); 3] = [
        ("二县", 12.0, 5.14, 17.14, "良好"),
        ("一县", 10.99, 4.5, 15.49, "良好"),
        ("三县", 8.0, 4.0, 12.0, "不合格（一票否决）"),
    ];
    for (k, (unit, a, b, total, grade)) in rows.iter().enumerate() {
        let r = 2 + k as u32;
        counties.write_number(r, 0, (k + 1) as f64).unwrap();
        counties.write_string(r, 1, *unit).unwrap();
        counties.write_number(r, 2, *a).unwrap();
        counties.write_number(r, 3, *b).unwrap();
        counties.write_number(r, 4, *total).unwrap();
        counties.write_string(r, 5, *grade).unwrap();
        counties.write_number(r, 6, (k + 1) as f64).unwrap();
    }
    counties
        .write_string(6, 0, "注：三县被一票否决，定为不合格。")
        .unwrap();
    let departments = book.add_worksheet();
    departments.set_name("各部门").unwrap();
    for (c, h) in ["部门", "政务公开", "放管服", "总得分", "等级", "排名"]
        .iter()
        .enumerate()
    {
        departments.write_string(0, c as u16, *h).unwrap();
    }
    let rows: [(&str, f64, f64, f64, &str, f64); 4] = [
        ("甲局", 10.0, 8.5, 18.5, "优秀", 1.0),
        ("乙局", 9.0, 7.0, 16.0, "良好", 2.0),
        ("丙局", 8.0, 8.0, 16.0, "良好", 2.0),
        ("丁局", 6.0, 6.0, 12.0, "合格", 4.0),
    ];
    for (k, (unit, a, b, total, grade, rank)) in rows.iter().enumerate() {
        let r = 1 + k as u32;
        departments.write_string(r, 0, *unit).unwrap();
        departments.write_number(r, 1, *a).unwrap();
        departments.write_number(r, 2, *b).unwrap();
        departments.write_number(r, 3, *total).unwrap();
        departments.write_string(r, 4, *grade).unwrap();
        departments.write_number(r, 5, *rank).unwrap();
    }
    let notes = book.add_worksheet();
    notes.set_name("备注").unwrap();
    notes
        .write_string(0, 0, "本表由考核办公室根据各评分单位的评分汇总。")
        .unwrap();
    let details = book.add_worksheet();
    details.set_name("扣分明细").unwrap();
    for (c, h) in ["单位", "项目", "扣分", "原因"].iter().enumerate() {
        details.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["一县", "1.1", "2", "未按时更新"].iter().enumerate() {
        details.write_string(1, c as u16, *v).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_workbook_of_two_pages_a_page_of_notes_and_one_of_details() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("r2.toml", DEPARTMENTS)
        .file("p.xlsx", two_pages_and_notes())
        .args(&[
            "verify",
            "--rubric",
            "r.toml",
            "--rubric",
            "r2.toml",
            "--published",
            "p.xlsx",
        ]);
    let out = case.run_in(Some("zh"));
    let expected = format!(
        "\
p.xlsx[各部门]!F5：丁局（d4）名次与总分不符：公布第 4 名，按密集排名（1、2、2、3）应为第 3 名
{ALONE_ZH}\
考核细则 t（公布表中 3 个单位）：
  各部分之和：核对 3 个单位
  等次：按考核细则的等次分数线核对 3 个单位
  名次：核对 3 个单位，符合细则规定的竞争排名（1、2、2、4）；本表中两种排名结果相同
考核细则 d（公布表中 4 个单位）：
  各部分之和：核对 4 个单位
  等次：按考核细则的等次分数线核对 4 个单位
  名次：核对 4 个单位，符合竞争排名（1、2、2、4），而细则规定的是密集排名（1、2、2、3）
p.xlsx[备注]：未读取（不是结果表：没有单位列）
p.xlsx[扣分明细]：未读取（有单位列，但没有总分列，不是结果表）
共核对 7 个单位，发现 1 处不一致。
"
    );
    assert_outcome(&out, 1, &expected);
}

/// The parts of a Word document holding `body` (paragraphs and tables).
fn docx(body: &str) -> Vec<u8> {
    docx_parts(&document(body), None)
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

/// The package: content types, relationships and `word/document.xml`,
/// whose recorded CRC-32 may be `crc` instead of its own.
fn docx_parts(document: &str, crc: Option<u32>) -> Vec<u8> {
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    stored_zip_crc(&[
        ("[Content_Types].xml", types.as_bytes(), None, None),
        ("_rels/.rels", rels.as_bytes(), None, None),
        ("word/document.xml", document.as_bytes(), None, crc),
    ])
}

fn paragraph(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// A cell of one paragraph per line of `text`, with `properties`.
fn cell_with(properties: &str, text: &str) -> String {
    let paragraphs: String = text.split('\n').map(paragraph).collect();
    format!("<w:tc><w:tcPr>{properties}</w:tcPr>{paragraphs}</w:tc>")
}

fn cell(text: &str) -> String {
    cell_with("", text)
}

fn row(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

fn plain_row(texts: &[&str]) -> String {
    row(&texts.iter().map(|t| cell(t)).collect::<Vec<_>>())
}

/// A notice: its title, a first table that holds no results (the copy
/// list), then the results table: a title row spanning the six columns,
/// the headings, 良好 merged down over two rows, 一县's name broken over
/// two lines, the veto in a paragraph of its own in 三县's grade. 一县's
/// total is printed 15.94 for 15.49.
fn notice() -> Vec<u8> {
    let results = [
        row(&[cell_with(r#"<w:gridSpan w:val="6"/>"#, "2020年度考核结果")]),
        plain_row(&[
            "名次",
            "单位",
            "政务公开（14分）",
            "放管服（6分）",
            "总分",
            "等次",
        ]),
        row(&[
            cell("1"),
            cell("二县"),
            cell("12.00"),
            cell("5.14"),
            cell("17.14"),
            cell_with(r#"<w:vMerge w:val="restart"/>"#, "良好"),
        ]),
        row(&[
            cell("2"),
            // The name broken by a line break, as a narrow column has it.
            "<w:tc><w:p><w:r><w:t>一</w:t><w:br/><w:t>县</w:t></w:r></w:p></w:tc>".to_string(),
            cell("10.99"),
            cell("4.50"),
            cell("15.94"),
            cell_with("<w:vMerge/>", ""),
        ]),
        plain_row(&["3", "三县", "8.00", "4.00", "12.00", "不合格\n（一票否决）"]),
    ];
    let body = format!(
        "{}<w:tbl>{}</w:tbl>{}<w:tbl><w:tblPr/>{}</w:tbl>",
        paragraph("关于2020年度考核结果的通报"),
        plain_row(&["抄送：考核委员会"]),
        paragraph("附件：2020年度考核结果"),
        results.concat()
    );
    docx(&body)
}

const NOTICE_ZH: &str = "\
p.docx[表2]!E4：一县（u1）各部分之和与总分不符：政务公开 10.99 + 放管服 4.50 = 15.49，公布总分 15.94
只核对了公布表本身：没有提供年度考核得分和日常考核记录，各单位的得分没有重新计算。
考核细则 t（公布表中 3 个单位）：
  各部分之和：核对 3 个单位
  等次：按考核细则的等次分数线核对 3 个单位
  名次：核对 3 个单位，符合细则规定的竞争排名（1、2、2、4）；本表中两种排名结果相同
p.docx[表1]：未读取（不是结果表：没有单位列）
共核对 3 个单位，发现 1 处不一致。
";

#[test]
fn the_tables_of_a_word_notice() {
    assert_outcome(&alone("p.docx", notice(), "zh"), 1, NOTICE_ZH);
}

#[test]
fn the_tables_of_a_word_notice_in_english() {
    let expected = format!(
        "\
p.docx[table 2]!E4: 一县 (u1) parts do not add up to the total: 政务公开 10.99 + 放管服 4.50 = 15.49, published total 15.94
{ALONE_EN}\
rubric t (3 units in the table):
  sums of the parts: 3 units checked
  grades: 3 units checked against the rubric's grade thresholds
  ranks: 3 units checked; they follow the rubric's competition ranking (1, 2, 2, 4); both rankings agree here
p.docx[table 1]: not read (not a results table: no unit column)
3 units checked, 1 mismatch
"
    );
    assert_outcome(&alone("p.docx", notice(), "en"), 1, &expected);
}

/// A Word document is told by its contents, not its name.
#[test]
fn a_word_notice_under_another_name() {
    let out = alone("通报附表", notice(), "zh");
    let expected = NOTICE_ZH.replace("p.docx[表", "通报附表[表").to_string();
    assert_outcome(&out, 1, &expected);
}

const AUDIT_ANNUAL: &str = include_str!("../fixtures/audit/annual.csv");
const AUDIT_DAILY: &str = include_str!("../fixtures/audit/daily.csv");

/// The notice `assess publish` writes for the audit year (一县 15.49, 二县
/// 17.14 rescaled, 三县 12.00 vetoed: tests/it/audit.rs), checked on its
/// own and against the inputs.
#[test]
fn the_notice_of_publish_verifies_alone_and_against_the_inputs() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", AUDIT_ANNUAL)
        .file("d.csv", AUDIT_DAILY)
        .args(&[
            "publish", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv", "-o", "out",
        ]);
    let published = case.run_in(Some("zh"));
    assert_eq!(published.status, 0, "{}", published.stderr);
    let notice = std::fs::read(case.path("out/通报.docx")).unwrap();
    let out = alone("p.docx", &notice, "zh");
    let expected = format!(
        "{ALONE_ZH}\
考核细则 t（公布表中 3 个单位）：
  各部分之和：核对 2 个单位；未核对 1 个：二县（总分带 *，按适用项目折算，表中没有基本得分）
  等次：按考核细则的等次分数线核对 3 个单位
  名次：核对 3 个单位，符合细则规定的竞争排名（1、2、2、4）；本表中两种排名结果相同
共核对 3 个单位，全部一致。
"
    );
    assert_outcome(&out, 0, &expected);
    let against = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", AUDIT_ANNUAL)
        .file("d.csv", AUDIT_DAILY)
        .file("p.docx", &notice)
        .args(&[
            "verify",
            "--rubric",
            "r.toml",
            "--annual",
            "a.csv",
            "--daily",
            "d.csv",
            "--published",
            "p.docx",
        ])
        .run_in(Some("zh"));
    assert_outcome(&against, 0, "共核对 3 个单位，全部一致。\n");
}

/// With the inputs, the printed headings read as the plain ones: the
/// audit year's results under 县（市）, 总得分（20分）, 政务公开（14分）.
#[test]
fn printed_headings_against_the_inputs() {
    let table = "\
排名,县（市）,政务公开（14分）,放管服（6分）,总得分（20分）,等级
1,二县,8.00,4.00,17.14*,良好
2,一县,9.99,5.50,15.49,良好
3,三县,12.00,0.00,12.00,不合格（一票否决）
";
    let out = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", AUDIT_ANNUAL)
        .file("d.csv", AUDIT_DAILY)
        .file("p.csv", table)
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
        ])
        .run_in(Some("en"));
    assert_outcome(&out, 0, "3 units checked, 0 mismatches\n");
}

/// A heading's points must be the section's in the rubric.
#[test]
fn a_heading_with_other_points_is_bad_input() {
    let table = "单位,政务公开（15分）,总分\n一县,10.99,15.49\n";
    let out = alone("p.csv", table, "zh");
    assert_eq!(out.stdout, "");
    assert_text(
        &out.stderr,
        "错误：p.csv:1:B：列名“政务公开（15分）”写的是 15 分，而考核细则 t 中“政务公开”为 14 分，请核对所用的考核细则。\n\
assess：共发现 1 处问题，未进行计算，也未写出任何文件。\n",
    );
    assert_eq!(out.status, 2);
}

/// A Word document changed inside its zip, one that declares a main part
/// above the bound, and one using an entity of its own: each refused with
/// where and why, never read.
#[test]
fn a_hostile_word_document_is_refused() {
    let body = format!(
        "<w:tbl>{}{}</w:tbl>",
        plain_row(&["单位", "总分"]),
        plain_row(&["一县", "15.49"])
    );
    let xml = document(&body);
    let crc = alone("p.docx", docx_parts(&xml, Some(1)), "en");
    assert_text(
        &crc.stderr,
        "error: p.docx: a part of the Word document does not match the checksum the file records for it: the file was changed inside the zip or is damaged; open it in Word or WPS and save it again\n\
assess: 1 problem found; nothing was computed and no file was written\n",
    );
    assert_eq!((crc.status, crc.stdout.as_str()), (2, ""));

    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let large = stored_zip(&[
        ("_rels/.rels", rels.as_bytes(), None),
        ("word/document.xml", xml.as_bytes(), Some(100 << 20)),
    ]);
    let out = alone("p.docx", large, "en");
    assert_text(
        &out.stderr,
        "error: p.docx: the Word document's part word/document.xml unpacks to 100 MiB, more than the 64 MiB read: a notice is far smaller; check the file\n\
assess: 1 problem found; nothing was computed and no file was written\n",
    );
    assert_eq!((out.status, out.stdout.as_str()), (2, ""));

    let entity = document(&format!(
        "<w:tbl>{}{}</w:tbl>",
        plain_row(&["单位", "总分"]),
        plain_row(&["&county;", "15.49"])
    ));
    let out = alone("p.docx", docx_parts(&entity, None), "zh");
    assert_text(
        &out.stderr,
        "错误：p.docx[表1]:2：该 Word 文档使用了 XML 实体“&county;”，文字处理软件不会写出这种内容，请用 Word 或 WPS 打开后重新保存。\n\
assess：共发现 1 处问题，未进行计算，也未写出任何文件。\n",
    );
    assert_eq!((out.status, out.stdout.as_str()), (2, ""));
}

/// A comment far longer than any XML event the reader holds (1 MiB and
/// 64 KiB, checked as the part streams in chunks) in a Word document is
/// refused, as in a workbook.
#[test]
fn a_word_document_with_an_endless_event_is_refused() {
    let body = format!(
        "<!--{}--><w:tbl>{}{}</w:tbl>",
        "x".repeat(3 << 20),
        plain_row(&["单位", "总分"]),
        plain_row(&["一县", "15.49"])
    );
    let out = alone("p.docx", docx(&body), "en");
    assert_text(
        &out.stderr,
        "error: p.docx: the Word document cannot be read (I/O error: more than 1 MiB without markup): it is damaged or cut short; open it in Word or WPS and save it again, or copy it again\n\
assess: 1 problem found; nothing was computed and no file was written\n",
    );
    assert_eq!((out.status, out.stdout.as_str()), (2, ""));
}

/// No page of the workbook holds a results table.
#[test]
fn a_workbook_without_a_results_table() {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("备注").unwrap();
    notes.write_string(0, 0, "本表由考核办公室汇总。").unwrap();
    let out = alone("p.xlsx", book.save_to_buffer().unwrap(), "zh");
    assert_text(
        &out.stderr,
        "错误：p.xlsx：没有可核对的结果表：备注 中都没有单位列（单位、单位名称、名称、地市名称、县（市）、部门等）。\n\
assess：共发现 1 处问题，未进行计算，也未写出任何文件。\n",
    );
    assert_eq!((out.status, out.stdout.as_str()), (2, ""));
}

/// This tool's own results, checked on their own: the workbook (its marks
/// are in its number formats: 17.14 shows as `17.14*`), the CSV (its veto
/// and scaled columns) and the JSON (its units' veto). The audit year: 一县
/// 9.99 + 5.50 = 15.49, 二县 rescaled, 三县 12.00 + 0.00 vetoed.
#[test]
fn the_tools_own_results_verify_on_their_own() {
    let scored = |output: &str| {
        let case = Case::new()
            .file("r.toml", RUBRIC)
            .file("a.csv", AUDIT_ANNUAL)
            .file("d.csv", AUDIT_DAILY)
            .args(&[
                "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv", "-o",
                output,
            ]);
        assert_eq!(case.run_in(Some("zh")).status, 0, "{output}");
        std::fs::read(case.path(output)).unwrap()
    };
    let tail = concat!(
        "  等次：按考核细则的等次分数线核对 3 个单位\n",
        "  名次：核对 3 个单位，符合细则规定的竞争排名（1、2、2、4）；本表中两种排名结果相同\n",
        "共核对 3 个单位，全部一致。\n",
    );
    let workbook = alone("r.xlsx", scored("r.xlsx"), "zh");
    let expected = format!(
        "{ALONE_ZH}\
考核细则 t（公布表中 3 个单位）：
  各部分之和：核对 2 个单位；未核对 1 个：二县（总分带 *，按适用项目折算，表中没有基本得分）
{tail}"
    );
    assert_outcome(&workbook, 0, &expected);
    let expected = format!(
        "{ALONE_ZH}\
考核细则 t（公布表中 3 个单位）：
  各部分之和：表中没有各考核内容的得分列，未核对
{tail}"
    );
    for output in ["r.csv", "r.json"] {
        assert_outcome(&alone(output, scored(output), "zh"), 0, &expected);
    }
}

/// The example year 2021's rubric: a bonus part (加分项, gated at a scored
/// part of 80), a penalty part (扣分项), a veto capping the total at 59 and
/// ranking last, 优秀 for at most 30% (2 units). The notice's table, typed
/// with two slips of the pen: 交通运输局's bonus without its 不计 (its scored
/// part 77.90 does not reach the gate, so it does not count all the same),
/// and 市场监督管理局's total left at 92.55 + 1.00 = 93.55 although it is
/// vetoed: at most 59.
#[test]
fn a_table_with_bonus_and_penalty_parts_a_veto_cap_and_a_quota() {
    let table = "\
名次,单位,政务公开,“放管服”改革,基本得分,加分项,扣分项,总分,等次
1,地区自然资源局,57.00,38.75,95.75,+3.50,0.00,99.25,优秀
2,地区审计局,57.85,0.00,96.42,+1.00,0.00,97.42*,优秀
3,地区发展和改革委员会,57.43,35.81,93.24,+2.50,0.00,95.74,良好（名额调整）
4,地区教育局,52.40,32.67,85.07,0.00,0.00,85.07,良好
5,地区统计局,43.40,35.00,78.40,0.00,0.00,78.40,合格
6,地区交通运输局,48.00,29.90,77.90,+1.50,-3.00,74.90,合格
7,地区生态环境局,45.50,19.25,64.75,0.00,-8.00,56.75,不合格
8,地区市场监督管理局,53.50,39.05,92.55,+1.00,0.00,93.55,不合格（一票否决）
";
    let out = Case::new()
        .file("r.toml", include_str!("../../examples/2021/rubric.toml"))
        .file("p.csv", table)
        .args(&["verify", "--rubric", "r.toml", "--published", "p.csv"])
        .run_in(Some("zh"));
    let expected = format!(
        "\
p.csv:9:H：地区市场监督管理局（scjgj）各部分之和与总分不符：基本得分 92.55 + 加分项 1.00 + 扣分项 0.00 = 93.55，一票否决的单位总分不高于 59 分，应为 59.00，公布总分 93.55
{ALONE_ZH}\
考核细则 departments2021（公布表中 8 个单位）：
  各部分之和：核对 8 个单位
  等次：按考核细则的等次分数线核对 8 个单位
  名次：核对 8 个单位，符合细则规定的竞争排名（1、2、2、4）；本表中两种排名结果相同
共核对 8 个单位，发现 1 处不一致。
"
    );
    assert_outcome(&out, 1, &expected);
}
