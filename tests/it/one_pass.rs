//! Reading what people send, in one pass (issue "Reading what people
//! send"): score sheets spoilt in many independent places are reported in
//! one run, every fault once, at its cell; a scorer whose sheet cannot be
//! read is named there and nowhere else; a 合计 Excel computed short names
//! the cell typed as text; a template filled by a script (its 合计 a
//! formula without a saved value) reads with one warning.

use crate::common;
use common::*;

use crate::sheets::{n, row, s, workbook};
use rust_xlsxwriter::{Formula, Workbook};

/// A cell of a sheet to write: a number, a text, a formula with the value
/// a spreadsheet saved (or none: never computed), or nothing.
enum V {
    N(f64),
    T(&'static str),
    F(&'static str, Option<f64>),
    E,
}

/// A workbook of one sheet 评分表: the title, `评分单位：{scorer}`, then `rows`.
fn sheet(scorer: &str, rows: &[Vec<V>]) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("评分表").unwrap();
    // A formula given no result is written without one (never computed).
    ws.set_formula_result_default("");
    ws.write_string(0, 0, "测试细则评分表").unwrap();
    ws.write_string(1, 0, format!("评分单位：{scorer}"))
        .unwrap();
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 2;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            match v {
                V::N(n) => {
                    ws.write_number(r, c, *n).unwrap();
                }
                V::T(t) => {
                    ws.write_string(r, c, *t).unwrap();
                }
                V::F(f, cached) => {
                    let mut formula = Formula::new(*f);
                    if let Some(v) = cached {
                        formula = formula.set_result(v.to_string());
                    }
                    ws.write_formula(r, c, formula).unwrap();
                }
                V::E => {}
            }
        }
    }
    book.save_to_buffer().unwrap()
}

fn header() -> Vec<V> {
    vec![
        V::T("序号"),
        V::T("单位"),
        V::T("1.1 组织领导（8分）"),
        V::T("1.2 政策解读（6分）"),
        V::T("合计"),
    ]
}

/// The other items of the rubric (2.1, 2.2) are scored by daily records alone.
const DAILY: &str = "日期,单位,项目,类型,分值,方式\n2020-13-01,一县,2.1,核减,1,日常记录\n";

#[test]
fn every_fault_of_three_sheets_in_one_run_at_its_cell() {
    // The office's sheet: 一县 1.1 left empty, 1.2 n/a (which the lead
    // units, whose sheet cannot be read, are not blamed for not saying);
    // 二县 1.1 above its 8 points;
    // 三县 1.2 typed as text (８ full width: read, but Excel's SUM left it
    // out of the saved 合计).
    let office = sheet(
        "办公室",
        &[
            header(),
            vec![
                V::N(1.0),
                V::T("一县"),
                V::E,
                V::T("不涉及"),
                V::F("SUM(C4:D4)", Some(0.0)),
            ],
            vec![
                V::N(2.0),
                V::T("二县"),
                V::N(9.0),
                V::N(5.0),
                V::F("SUM(C5:D5)", Some(14.0)),
            ],
            vec![
                V::N(3.0),
                V::T("三县"),
                V::N(7.0),
                V::T("５"),
                V::F("SUM(C6:D6)", Some(7.0)),
            ],
        ],
    );
    // The lead units' sheet names a scorer the rubric does not have: one
    // error, and no other for the scores it holds.
    let lead = sheet(
        "牵头单",
        &[
            vec![V::T("序号"), V::T("单位"), V::T("1.2 政策解读（6分）")],
            vec![V::N(1.0), V::T("一县"), V::N(6.0)],
            vec![V::N(2.0), V::T("二县"), V::N(6.0)],
            vec![V::N(3.0), V::T("三县"), V::N(5.0)],
        ],
    );
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("office.xlsx", office)
        .file("lead.xlsx", lead)
        .file("d.csv", DAILY)
        .args(&[
            "check",
            "--rubric",
            "r.toml",
            "--annual",
            "office.xlsx",
            "--annual",
            "lead.xlsx",
            "--daily",
            "d.csv",
        ]);
    let out = case.run();
    assert_eq!(out.status, 2);
    assert_eq!(out.stdout, "");
    assert_text(
        &out.stderr,
        "错误：office.xlsx[评分表]!C4：该单元格为空：缺少评分单位“办公室”对“一县”项目 1.1“组织领导”的年度考核得分，请补填；如需按 0 分计算，请加上 --allow-missing。\n\
         错误：office.xlsx[评分表]!C5：“1.1 组织领导（8分）”列：得分 9 超出 0 至 8 的范围（项目 1.1“组织领导”分值为 8 分），请核实。\n\
         错误：office.xlsx[评分表]!E6：合计 7 与本行不符：本行各项目得分合计为 12，保留 0 位小数为 12（D6 为文本“５”，Excel 的求和不计文本单元格），请核实。\n\
         错误：lead.xlsx[评分表]!A2：表头上方指定的评分单位“牵头单”（是否应为“牵头单位”？）不是考核细则中的评分单位，评分单位为：办公室（office）、牵头单位（lead）。\n\
         错误：d.csv:2:A：日期“2020-13-01”无法识别，请按 2020-05-19、2020/5/19 或 2020年5月19日 的格式填写。\n\
         assess：共发现 5 处问题，未进行计算，也未写出任何文件。\n",
    );
}

/// The office's sheet with a 合计 column D and `cell(row)` in column `col`.
fn office_sheet(col: &str, cell: impl Fn(usize) -> String) -> String {
    let scores = [("一县", "7", "6"), ("二县", "8", "6"), ("三县", "8", "6")];
    let mut rows = vec![
        row(1, &[s("A1", "评分单位：办公室")]),
        row(
            2,
            &[
                s("A2", "单位"),
                s("B2", "组织领导"),
                s("C2", "政策解读"),
                s("D2", "合计"),
            ],
        ),
    ];
    for (k, (unit, a, b)) in scores.iter().enumerate() {
        let r = k + 3;
        let mut cells = vec![s(&format!("A{r}"), unit), n(&format!("B{r}"), a)];
        if col == "C" {
            cells.push(cell(r));
        } else {
            cells.push(n(&format!("C{r}"), b));
            cells.push(cell(r));
        }
        rows.push(row(r, &cells));
    }
    rows.concat()
}

const LEAD: &str = "单位,1.2 政策解读\n一县,6\n二县,6\n三县,5\n";

fn office_and_lead(book: Vec<u8>, command: &[&str]) -> Outcome {
    let mut args = vec![command[0], "--rubric", "r.toml", "--annual", "book.xlsx"];
    args.extend(["--annual", "lead.csv@lead"]);
    args.extend(&command[1..]);
    Case::new()
        .file("r.toml", RUBRIC)
        .file("book.xlsx", book)
        .file("lead.csv", LEAD)
        .args(&args)
        .run()
}

#[test]
fn a_template_filled_by_a_script_reads_with_one_warning() {
    // 合计 still a formula, never computed (no value saved at all, as a
    // script's library writes it): passed over, said once.
    let sheet = office_sheet("D", |r| format!(r#"<c r="D{r}"><f>SUM(B{r}:C{r})</f></c>"#));
    let out = office_and_lead(
        workbook(&[("办公室", sheet)], None),
        &["score", "--format", "csv"],
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "提示：book.xlsx[办公室] 中合计、小计等核对列有 3 个公式没有保存计算结果（第一个在 book.xlsx[办公室]!D3），这些核对列不作核对。\n"
    );
    // u1: 7 + (6 + 6) / 2 + 4 = 17; u2: 8 + (6 + 6) / 2 + 4 = 18;
    // u3: 8 + (6 + 5) / 2 + 4 = 17.5 (2.1 starts full at 4, 2.2 at 0).
    assert_text(
        &out.stdout,
        "rubric,rank,unit_id,unit,total,grade,grade_label,deducted,added,veto,scaled,provisional\n\
         t,1,u2,二县,18.00,excellent,优秀,0,0,false,false,false\n\
         t,2,u3,三县,17.50,good,良好,0,0,false,false,false\n\
         t,3,u1,一县,17.00,good,良好,0,0,false,false,false\n",
    );
}

#[test]
fn a_score_cell_holding_a_formula_without_a_value_is_one_error_per_column() {
    let sheet = office_sheet("C", |r| format!(r#"<c r="C{r}"><f>3+3</f></c>"#));
    let out = office_and_lead(workbook(&[("办公室", sheet)], None), &["check"]);
    assert_eq!(out.status, 2);
    assert_text(
        &out.stderr,
        "错误：book.xlsx[办公室]!C3：该单元格是公式，但没有保存计算结果（本列共 3 个这样的单元格，此处为第一个；文件是由不计算公式的程序生成的），请用 Excel 或 WPS 打开后保存一次，使计算结果存入文件。\n\
         assess：共发现 1 处问题，未进行计算，也未写出任何文件。\n",
    );
}
