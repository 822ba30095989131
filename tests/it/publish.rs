//! `assess publish` (SPEC 13): the notice, the feedback lists and the
//! analysis report, checked against what `assess score --format json` says
//! (read independently here) on the example year, and against a small year
//! worked by hand; the folder written whole or not at all; the report
//! rendered in a real browser (headless Chromium).

use crate::common;

use calamine::{Data, Reader};
use common::{Case, Expected, RUBRIC, unescape, zip_member};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;

const EXAMPLE: [&str; 4] = [
    "annual-office.csv",
    "annual-lead.csv",
    "annual-service-center.csv",
    "daily.csv",
];

fn example(name: &str) -> String {
    format!("{}/examples/2020/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The example year's inputs as flags.
fn example_inputs() -> Vec<String> {
    let mut args = Vec::new();
    for f in EXAMPLE {
        let flag = if f.starts_with("daily") {
            "--daily"
        } else {
            "--annual"
        };
        args.push(flag.to_string());
        args.push(example(f));
    }
    args
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("a decimal: {s}"))
}

/// A number of a cell as the exact decimal of its shortest form.
fn cell_dec(d: &Data) -> Decimal {
    match d {
        Data::Float(f) => dec(&f.to_string()),
        Data::Int(i) => Decimal::from(*i),
        other => panic!("a number cell, found {other:?}"),
    }
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        other => format!("{other:?}"),
    }
}

/// One unit as `score --format json` gives it.
struct Unit {
    name: String,
    id: String,
    rank: u64,
    total: String,
    grade: String,
    veto: bool,
    scaled: bool,
    /// (id, title, max, score) of every applicable leaf.
    leaves: Vec<(String, String, Decimal, Decimal)>,
}

struct Rubric {
    title: String,
    total: Decimal,
    grades: Vec<String>,
    units: Vec<Unit>,
    /// The ids of its bonus lines (a leaf of a bonus part, or one scored by
    /// additions alone), which are never a loss.
    bonus: Vec<String>,
}

/// The bonus lines of each rubric the inputs name (the embedded ones when
/// they name none), by rubric title, as the library tells them.
fn bonus_lines(case: &Case, inputs: &[String]) -> Vec<(String, Vec<String>)> {
    let paths: Vec<PathBuf> = inputs
        .windows(2)
        .filter(|w| w[0] == "--rubric")
        .map(|w| case.dir().join(&w[1]))
        .collect();
    let mut diags = assess::text::diag::Diagnostics::new();
    let catalog = assess::rubric::load_rubrics(&paths, &mut diags).expect("the rubrics load");
    catalog
        .rubrics
        .iter()
        .map(|r| {
            let ids = (0..r.items.len())
                .filter(|&i| assess::report::publish::paperwork::is_bonus_line(r, i))
                .map(|i| r.items[i].id.clone())
                .collect();
            (r.title.clone(), ids)
        })
        .collect()
}

/// Runs `score --format json` on the same inputs and reads it.
fn score_json(case: &Case, inputs: &[String]) -> Vec<Rubric> {
    let mut args: Vec<String> = vec!["score".into()];
    args.extend(inputs.iter().cloned());
    args.extend(["--format".into(), "json".into()]);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_assess"));
    let out = cmd
        .args(&args)
        .current_dir(case.dir())
        .env_remove("ASSESS_LANG")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .expect("score runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let bonus = bonus_lines(case, inputs);
    let mut rubrics = Vec::new();
    for r in v["rubrics"].as_array().expect("rubrics") {
        let mut units = Vec::new();
        for u in r["units"].as_array().expect("units") {
            let mut leaves = Vec::new();
            for s in u["sections"].as_array().expect("sections") {
                for i in s["items"].as_array().expect("items") {
                    if i["applicable"].as_bool() == Some(true) {
                        leaves.push((
                            i["id"].as_str().unwrap().to_string(),
                            i["title"].as_str().unwrap().to_string(),
                            dec(i["max"].as_str().unwrap()),
                            dec(i["score"].as_str().unwrap()),
                        ));
                    }
                }
            }
            units.push(Unit {
                name: u["name"].as_str().unwrap().to_string(),
                id: u["id"].as_str().unwrap().to_string(),
                rank: u["rank"].as_u64().unwrap(),
                total: u["total"].as_str().unwrap().to_string(),
                grade: u["grade_label"].as_str().unwrap().to_string(),
                veto: u["veto"].as_bool().unwrap(),
                scaled: u["scaled"].as_bool().unwrap(),
                leaves,
            });
        }
        let mut grades: Vec<String> = Vec::new();
        for u in &units {
            if !grades.contains(&u.grade) {
                grades.push(u.grade.clone());
            }
        }
        let title = r["title"].as_str().unwrap().to_string();
        rubrics.push(Rubric {
            bonus: bonus
                .iter()
                .find(|(t, _)| *t == title)
                .map(|(_, ids)| ids.clone())
                .unwrap_or_default(),
            title,
            total: dec(r["total"].as_str().unwrap()),
            grades,
            units,
        });
    }
    rubrics
}

fn publish(case: &Case, inputs: &[String], out: &str, extra: &[&str]) -> common::Outcome {
    let mut args: Vec<String> = vec!["publish".into()];
    args.extend(inputs.iter().cloned());
    args.extend(["-o".into(), out.into()]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_assess"));
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "ASSESS_LANG"] {
        cmd.env_remove(var);
    }
    let o = cmd
        .args(&args)
        .current_dir(case.dir())
        .output()
        .expect("publish runs");
    common::Outcome {
        status: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        stdout_bytes: o.stdout,
    }
}

/// The text of every `<w:t>` run in an XML fragment, in order.
fn runs_text(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<w:t") {
        rest = &rest[i + 4..];
        // `<w:t>` or `<w:t xml:space="preserve">`, not `<w:tbl>`, `<w:tc>`, `<w:tr>`.
        if !(rest.starts_with('>') || rest.starts_with(' ')) {
            continue;
        }
        let Some(open_end) = rest.find('>') else {
            break;
        };
        if rest[..open_end].ends_with('/') {
            rest = &rest[open_end + 1..];
            continue;
        }
        let body = &rest[open_end + 1..];
        let Some(close) = body.find("</w:t>") else {
            break;
        };
        out.push_str(&unescape(&body[..close]));
        rest = &body[close..];
    }
    out
}

/// Splits XML on an element: the inside of each `<TAG …>…</TAG>`.
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find(&open) {
        let after = &rest[i + open.len()..];
        if !(after.starts_with('>') || after.starts_with(' ')) {
            rest = after;
            continue;
        }
        let Some(end) = after.find(&close) else { break };
        out.push(&after[..end]);
        rest = &after[end + close.len()..];
    }
    out
}

/// The docx's paragraphs' text (outside tables too) and its tables' rows as cells.
fn docx(path: &Path) -> (String, Vec<Vec<String>>) {
    let xml = zip_member(path, "word/document.xml");
    let paragraphs: Vec<String> = elements(&xml, "w:p").into_iter().map(runs_text).collect();
    let rows = elements(&xml, "w:tr")
        .into_iter()
        .map(|tr| elements(tr, "w:tc").into_iter().map(runs_text).collect())
        .collect();
    (paragraphs.join("\n"), rows)
}

/// The first sheet of a workbook as rows of cells.
fn first_sheet(path: &Path) -> Vec<Vec<Data>> {
    let mut book = calamine::open_workbook_auto(path).expect("the workbook opens");
    let range = book
        .worksheet_range_at(0)
        .expect("a first sheet")
        .expect("the first sheet reads");
    range.rows().map(|r| r.to_vec()).collect()
}

fn all_sheets_text(path: &Path) -> String {
    let mut book = calamine::open_workbook_auto(path).expect("the workbook opens");
    let mut out = String::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).expect("the sheet reads");
        for row in range.rows() {
            for c in row {
                out.push_str(&cell_text(c));
                out.push('\t');
            }
            out.push('\n');
        }
    }
    out
}

/// A feedback list's rows: (leaf id, 分值, 得分, 失分, 失分原因) under the
/// header row, up to the total row; and the total row's 失分, if any.
struct Feedback {
    rows: Vec<(String, Decimal, Decimal, Decimal, String)>,
    total_lost: Option<Decimal>,
    header: Vec<String>,
}

fn feedback(path: &Path) -> Feedback {
    let rows = first_sheet(path);
    let wanted = ["指标", "分值", "得分", "失分", "失分原因", "整改情况"];
    let h = rows
        .iter()
        .position(|r| {
            let cells: Vec<String> = r.iter().map(cell_text).collect();
            wanted.iter().all(|w| cells.iter().any(|c| c == w))
        })
        .unwrap_or_else(|| panic!("{}: no header row holding {wanted:?}", path.display()));
    let header: Vec<String> = rows[h].iter().map(cell_text).collect();
    let col = |name: &str| header.iter().position(|c| c == name).expect("a column");
    let (ci, cm, cs, cl, cr, cf) = (
        col("指标"),
        col("分值"),
        col("得分"),
        col("失分"),
        col("失分原因"),
        col("整改情况"),
    );
    let mut out = Feedback {
        rows: Vec::new(),
        total_lost: None,
        header: header.clone(),
    };
    for r in &rows[h + 1..] {
        let first = r
            .iter()
            .map(cell_text)
            .find(|c| !c.trim().is_empty())
            .unwrap_or_default();
        if first.starts_with("合计") {
            out.total_lost = Some(cell_dec(&r[cl]));
            break;
        }
        if !matches!(r.get(cm), Some(Data::Float(_)) | Some(Data::Int(_))) {
            // A line of text across the sheet (nothing lost), not a leaf.
            continue;
        }
        let indicator = cell_text(&r[ci]);
        let leaf = indicator
            .rsplit(" › ")
            .next()
            .and_then(|s| s.split(' ').next())
            .unwrap_or_default()
            .to_string();
        assert_eq!(cell_text(&r[cf]), "", "整改情况 is left for the unit");
        out.rows.push((
            leaf,
            cell_dec(&r[cm]),
            cell_dec(&r[cs]),
            cell_dec(&r[cl]),
            cell_text(&r[cr]),
        ));
    }
    out
}

/// Checks every output against the JSON of `score` for the same inputs.
fn check_against_score(dir: &Path, rubrics: &[Rubric]) {
    let md = std::fs::read_to_string(dir.join("通报.md")).expect("通报.md");
    let (docx_text, docx_rows) = docx(&dir.join("通报.docx"));
    for (k, r) in rubrics.iter().enumerate() {
        // The Markdown table: every unit's row in rank order, with its
        // rank, total at the rubric's decimals and grade.
        let mut last_at = 0;
        let mut last_docx = 0;
        for u in &r.units {
            let row = md
                .lines()
                .enumerate()
                .skip(last_at)
                .find(|(_, l)| l.starts_with('|') && l.contains(&format!("| {} |", u.name)))
                .unwrap_or_else(|| panic!("通报.md: no row for {} after line {last_at}", u.name));
            let cells: Vec<&str> = row
                .1
                .trim_matches('|')
                .split(" | ")
                .map(str::trim)
                .collect();
            assert_eq!(cells[0], u.rank.to_string(), "rank of {}", u.name);
            assert!(
                cells
                    .iter()
                    .any(|c| c.trim_end_matches(['*', '†']) == u.total),
                "通报.md: {} has total {} in {:?}",
                u.name,
                u.total,
                cells
            );
            assert!(
                cells.iter().any(|c| c.starts_with(&u.grade)),
                "通报.md: {} has grade {} in {:?}",
                u.name,
                u.grade,
                cells
            );
            last_at = row.0 + 1;
            // The same row in the Word document's tables, in the same order.
            let (k, cells) = docx_rows
                .iter()
                .enumerate()
                .skip(last_docx)
                .find(|(_, cells)| cells.get(1) == Some(&u.name))
                .unwrap_or_else(|| panic!("通报.docx: no row for {}", u.name));
            assert_eq!(cells[0], u.rank.to_string(), "docx rank of {}", u.name);
            assert!(
                cells
                    .iter()
                    .any(|c| c.trim_end_matches(['*', '†']) == u.total),
                "通报.docx: {} total {} in {cells:?}",
                u.name,
                u.total
            );
            assert!(cells.iter().any(|c| c.starts_with(&u.grade)));
            last_docx = k + 1;
            // The grade lists: each unit under its grade (a vetoed unit's
            // grade is the lowest, as the JSON says).
            let grade = &u.grade;
            for text in [&md, &docx_text] {
                let line = text
                    .lines()
                    .find(|l| l.starts_with(&format!("{grade}等次（")) && l.contains(&u.name))
                    .unwrap_or_else(|| panic!("{} is not listed under {grade}", u.name));
                assert!(!u.veto || line.contains(&format!("{}（一票否决）", u.name)));
            }
        }
        // Within a grade line of the rubric's part, units in rank order.
        // With several rubrics, each has its part (a 二级标题) of 二、考核结果.
        let part = if rubrics.len() > 1 {
            md.split("\n### ").nth(k + 1).expect("a part per rubric")
        } else {
            md.as_str()
        };
        for grade in &r.grades {
            let line = part
                .lines()
                .find(|l| l.starts_with(&format!("{grade}等次（")))
                .expect("a grade line");
            let positions: Vec<usize> = r
                .units
                .iter()
                .filter(|u| &u.grade == grade)
                .map(|u| line.find(&u.name).expect("listed"))
                .collect();
            assert!(positions.windows(2).all(|w| w[0] < w[1]), "{line}");
        }
        let _ = &r.title;
    }
    // The feedback lists: exactly the leaves where each unit lost points,
    // a bonus line never among them.
    let folder = dir.join("反馈");
    let files = std::fs::read_dir(&folder).expect("反馈/").count();
    assert_eq!(files, rubrics.iter().map(|r| r.units.len()).sum::<usize>());
    for r in rubrics {
        for u in &r.units {
            let fb = feedback(&folder.join(format!("{}.xlsx", u.name)));
            let expected: Vec<&(String, String, Decimal, Decimal)> = u
                .leaves
                .iter()
                .filter(|l| l.3 < l.2 && !r.bonus.contains(&l.0))
                .collect();
            let not_gained: Decimal = u
                .leaves
                .iter()
                .filter(|l| r.bonus.contains(&l.0))
                .map(|l| l.2 - l.3)
                .sum();
            let got: Vec<&str> = fb.rows.iter().map(|r| r.0.as_str()).collect();
            let want: Vec<&str> = expected.iter().map(|l| l.0.as_str()).collect();
            assert_eq!(got, want, "{}: the leaves where it lost points", u.name);
            let mut sum = Decimal::ZERO;
            for (row, leaf) in fb.rows.iter().zip(&expected) {
                assert_eq!(row.1, leaf.2, "{} {}: 分值", u.name, leaf.0);
                assert_eq!(row.2, leaf.3, "{} {}: 得分", u.name, leaf.0);
                assert_eq!(row.3, leaf.2 - leaf.3, "{} {}: 失分", u.name, leaf.0);
                assert!(!row.4.is_empty(), "{} {}: a reason", u.name, leaf.0);
                sum += row.3;
            }
            // The lost points and the bonus points not gained add up to the
            // maximum minus the total: the rubric's scale for a unit scored
            // on every leaf, the applicable leaves' maxima otherwise.
            let max: Decimal = u.leaves.iter().map(|l| l.2).sum();
            let score: Decimal = u.leaves.iter().map(|l| l.3).sum();
            assert_eq!(sum + not_gained, max - score, "{}", u.name);
            if !u.scaled {
                assert_eq!(max, r.total);
                assert_eq!(sum + not_gained, r.total - dec(&u.total), "{}", u.name);
            }
            assert_eq!(fb.total_lost, (!expected.is_empty()).then_some(sum));
        }
    }
}

#[test]
fn the_example_year_is_published_as_score_computes_it() {
    let case = Case::new();
    let inputs = example_inputs();
    let rubrics = score_json(&case, &inputs);
    let out = publish(&case, &inputs, "2020年度考核材料", &[]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    let dir = case.path("2020年度考核材料");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ".assess-publish",
            "分析报告.html",
            "反馈",
            "通报.docx",
            "通报.md"
        ]
    );
    check_against_score(&dir, &rubrics);
    // Every daily record's note is in its unit's workbook, and a deduction's
    // note is in the 失分原因 of the leaf it deducted from when that leaf lost points.
    let mut daily = csv::Reader::from_path(example("daily.csv")).expect("daily.csv");
    let units: Vec<&Unit> = rubrics.iter().flat_map(|r| &r.units).collect();
    let mut checked = 0;
    for row in daily.records() {
        let row = row.expect("a row");
        let (unit, item, kind, note) = (&row[1], &row[2], &row[3], &row[6]);
        let u = units
            .iter()
            .find(|u| u.name == unit || u.id == unit)
            .expect("a roster unit");
        let path = dir.join("反馈").join(format!("{}.xlsx", u.name));
        assert!(
            all_sheets_text(&path).contains(note),
            "{}: the note {note:?}",
            u.name
        );
        if kind == "核减" {
            let leaf = u
                .leaves
                .iter()
                .find(|l| l.0 == item || l.1 == item)
                .expect("an applicable leaf");
            let fb = feedback(&path);
            if let Some(r) = fb.rows.iter().find(|r| r.0 == leaf.0) {
                assert!(
                    r.4.contains(note),
                    "{} {}: {note:?} in {:?}",
                    u.name,
                    leaf.0,
                    r.4
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked} deductions checked");
    // The vetoed county and the rescaled departments are said so.
    let md = std::fs::read_to_string(dir.join("通报.md")).unwrap();
    assert!(md.contains("托里县：2020年9月16日专项检查发现，"), "{md}");
    assert!(md.contains("71.82 × 100 ÷ 87 = 82.55分"), "{md}");
    assert!(md.contains("\n# 关于塔城地区2020年度政务公开和“放管服”改革工作考核结果的通报\n"));
}

/// The year worked by hand (the shared test rubric, 20 points):
/// - 一县: 1.1 = 7 − 0.5 = 6.5; 1.2 = 0.5 × 6 + 0.5 × 5 = 5.5; 2.1 = 4 − 1 = 3;
///   2.2 = 0 (no addition): 15.00, 良好;
/// - 二县: 8 + 0.5 × 4 + 0.5 × 4 = 12; 2.1 = 4; 2.2 = 2 capped at 1.5: 17.50, 良好;
/// - 三县: 8 + 6 = 14; 2.1 = 4 − 4.5, clamped to 0; 2.2 = 0: 14.00, 合格 by
///   its total but vetoed: 不合格, still ranked 3rd.
///
/// 2.2 (no scorers, from 0) is a bonus line: what it did not gain is no loss.
const HAND_ANNUAL: &str = include_str!("../fixtures/publish/annual.csv");

const HAND_DAILY: &str = include_str!("../fixtures/publish/daily.csv");

fn hand_case() -> Case {
    Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", HAND_ANNUAL)
        .file("d.csv", HAND_DAILY)
}

fn hand_inputs() -> Vec<String> {
    [
        "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[test]
fn a_year_worked_by_hand() {
    let case = hand_case();
    let out = publish(&case, &hand_inputs(), "out", &[]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    snapshot!("stdout.zh.txt").check(&out.stdout);
    let dir = case.path("out");
    let md = std::fs::read_to_string(dir.join("通报.md")).unwrap();
    snapshot!("notice.md").check(&md);
    let (text, rows) = docx(&dir.join("通报.docx"));
    assert!(
        text.contains("\n关于测试考核结果的通报\n各有关单位：\n"),
        "{text}"
    );
    assert_eq!(
        rows,
        [
            vec!["名次", "单位", "政务公开", "放管服", "总分", "等次"],
            vec!["1", "二县", "12.00", "5.50", "17.50", "良好"],
            vec!["2", "一县", "12.00", "3.00", "15.00", "良好"],
            vec!["3", "三县", "14.00", "0.00", "14.00", "不合格（一票否决）"],
        ]
    );
    // A4, the fonts of government documents (tests/it/notice.rs has the rest).
    let xml = zip_member(&dir.join("通报.docx"), "word/document.xml");
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4");
    assert!(xml.contains(r#"w:eastAsia="黑体""#), "黑体 headings");
    let styles = zip_member(&dir.join("通报.docx"), "word/styles.xml");
    assert!(styles.contains(r#"w:eastAsia="仿宋_GB2312""#), "仿宋 text");

    let one = feedback(&dir.join("反馈/一县.xlsx"));
    let rows: Vec<(&str, String, String, String)> = one
        .rows
        .iter()
        .map(|r| {
            (
                r.0.as_str(),
                r.1.to_string(),
                r.2.to_string(),
                r.3.to_string(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("1.1", "8".into(), "6.5".into(), "1.5".into()),
            ("1.2", "6".into(), "5.5".into(), "0.5".into()),
            ("2.1", "4".into(), "3".into(), "1".into()),
        ]
    );
    assert_eq!(one.total_lost, Some(dec("3")));
    assert_eq!(
        one.rows[0].4,
        "1. 2020-04-10 日常记录，核减0.5分：未按时报送材料\n办公室评7分（满分8分）：会议记录不全"
    );
    assert_eq!(
        one.rows[1].4,
        "办公室评6分（满分6分，权重0.5）\n牵头单位评5分（满分6分，权重0.5）：解读材料滞后\n加权得分：0.5×6+0.5×5=5.5"
    );
    assert_eq!(
        one.rows[2].4,
        "1. 2020-03-02 随机抽查，核减1分：网站栏目空白\n本项仅日常考核，从满分4分起扣"
    );
    // The header above the list: the unit, its total, grade and rank.
    let sheet = first_sheet(&dir.join("反馈/一县.xlsx"));
    let facts: Vec<(String, String)> = sheet[1..5]
        .iter()
        .map(|r| (cell_text(&r[0]), cell_text(&r[2])))
        .collect();
    assert_eq!(
        facts,
        [
            ("单位".into(), "一县".into()),
            ("总分".into(), "15".into()),
            ("等次".into(), "良好".into()),
            ("名次".into(), "第2名（共3个单位）".into()),
        ]
    );
    let two = feedback(&dir.join("反馈/二县.xlsx"));
    assert_eq!(
        two.rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
        ["1.2"]
    );
    assert_eq!(two.total_lost, Some(dec("2")));
    let three = feedback(&dir.join("反馈/三县.xlsx"));
    assert_eq!(
        three.rows.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
        ["2.1"]
    );
    assert_eq!(three.total_lost, Some(dec("4")));
    assert!(three.rows[0].4.contains("网站长期未更新"));
    assert!(three.rows[0].4.contains("扣完为止，本项得0分"));
    // The veto is the first row under the header.
    let sheet = first_sheet(&dir.join("反馈/三县.xlsx"));
    let h = sheet
        .iter()
        .position(|r| r.iter().any(|c| cell_text(c) == "失分原因"))
        .expect("a header row");
    assert_eq!(cell_text(&sheet[h + 1][1]), "一票否决");
    assert!(all_sheets_text(&dir.join("反馈/三县.xlsx")).contains("泄露涉密信息"));
    // The same by the generic checks.
    let rubrics = score_json(&case, &hand_inputs());
    check_against_score(&dir, &rubrics);
}

#[test]
fn self_assessment_and_last_year_are_shown_beside() {
    let case = hand_case()
        .file(
            "self.csv",
            "unit,item,score\nu1,1.1,8\nu1,1.2,6\nu1,2.1,4\nu1,2.2,1\n",
        )
        .file(
            "prev.csv",
            "rubric,rank,unit_id,unit,total,grade,grade_label,deducted,added,veto\n\
             t,1,u1,一县,16.00,good,良好,0,0,false\n\
             t,2,u2,二县,15.00,good,良好,0,0,false\n",
        );
    let mut inputs = hand_inputs();
    inputs.extend([
        "--self".into(),
        "self.csv".into(),
        "--previous".into(),
        "prev.csv".into(),
    ]);
    let out = publish(&case, &inputs, "out", &[]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let md = std::fs::read_to_string(case.path("out/通报.md")).unwrap();
    assert!(
        md.contains("| 名次 | 单位 | 政务公开 | 放管服 | 总分 | 等次 | 上年总分（名次） | 变化 |"),
        "{md}"
    );
    assert!(
        md.contains("| 1 | 二县 | 12.00 | 5.50 | 17.50 | 良好 | 15.00（2） | +2.50 ↑1 |"),
        "{md}"
    );
    assert!(
        md.contains("| 3 | 三县 | 14.00 | 0.00 | 14.00 | 不合格（一票否决） | 新增 |  |"),
        "{md}"
    );
    let fb = feedback(&case.path("out/反馈/一县.xlsx"));
    assert!(
        fb.header.contains(&"自评得分".to_string()),
        "{:?}",
        fb.header
    );
    let sheet = first_sheet(&case.path("out/反馈/一县.xlsx"));
    let h = sheet
        .iter()
        .position(|r| r.iter().any(|c| cell_text(c) == "自评得分"))
        .unwrap();
    let col = sheet[h]
        .iter()
        .position(|c| cell_text(c) == "自评得分")
        .unwrap();
    let claimed: Vec<String> = sheet[h + 1..h + 4]
        .iter()
        .map(|r| cell_text(&r[col]))
        .collect();
    assert_eq!(claimed, ["8", "6", "4"]);
    let html = std::fs::read_to_string(case.path("out/分析报告.html")).unwrap();
    assert!(html.contains("data-chart=\"change-t\""));
    assert!(html.contains("自评总分"));
}

#[test]
fn the_converted_score_is_in_the_notice() {
    let rubric =
        format!("{RUBRIC}\n[conversion]\npoints = 3\nlabel = \"纳入绩效目标管理考核折算分\"\n");
    let case = hand_case().file("r.toml", rubric);
    let out = publish(&case, &hand_inputs(), "out", &[]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let md = std::fs::read_to_string(case.path("out/通报.md")).unwrap();
    // 17.50 × 3 ÷ 20 = 2.625, rounded half away from zero: 2.63.
    assert!(
        md.contains(
            "| 名次 | 单位 | 政务公开 | 放管服 | 总分 | 等次 | 纳入绩效目标管理考核折算分 |"
        ),
        "{md}"
    );
    assert!(
        md.contains("| 1 | 二县 | 12.00 | 5.50 | 17.50 | 良好 | 2.63 |"),
        "{md}"
    );
    assert!(
        md.contains("| 3 | 三县 | 14.00 | 0.00 | 14.00 | 不合格（一票否决） | 2.10 |"),
        "{md}"
    );
    assert!(md.contains("折算分 = 总分 × 3 ÷ 20"), "{md}");
    let (_, rows) = docx(&case.path("out/通报.docx"));
    assert_eq!(rows[2].last().map(String::as_str), Some("2.25"));
}

#[test]
fn provisional_results_say_so_in_the_title() {
    let annual: String = HAND_ANNUAL
        .lines()
        .filter(|l| !l.starts_with("u2,1.2,lead"))
        .map(|l| format!("{l}\n"))
        .collect();
    let case = hand_case().file("a.csv", annual);
    let mut inputs = hand_inputs();
    inputs.push("--allow-missing".into());
    let out = publish(&case, &inputs, "out", &[]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stderr.contains("暂定"), "{}", out.stderr);
    let md = std::fs::read_to_string(case.path("out/通报.md")).unwrap();
    assert!(md.contains("\n# 关于测试考核结果的通报（暂定）\n"), "{md}");
    assert!(
        md.contains("| 1 | 二县 | 10.00 | 5.50 | 15.50† | 良好 |"),
        "{md}"
    );
    let (text, _) = docx(&case.path("out/通报.docx"));
    assert!(
        text.contains("\n关于测试考核结果的通报（暂定）\n"),
        "{text}"
    );
}

/// Nothing in the folder's parent but what was there before.
fn parent_entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn what_score_refuses_publish_refuses_the_same_way_and_writes_nothing() {
    let case = hand_case().file(
        "bad.csv",
        "unit,item,scorer,score\n四县,1.1,office,7\nu1,1.9,office,3\n",
    );
    let before = parent_entries(case.dir());
    let mut inputs = hand_inputs();
    inputs[3] = "bad.csv".into();
    let published = publish(&case, &inputs, "out", &[]);
    let mut score = Command::new(env!("CARGO_BIN_EXE_assess"));
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "ASSESS_LANG"] {
        score.env_remove(var);
    }
    let scored = score
        .arg("score")
        .args(&inputs)
        .current_dir(case.dir())
        .output()
        .unwrap();
    assert_eq!(published.status, 2);
    assert_eq!(scored.status.code(), Some(2));
    assert_eq!(published.stderr, String::from_utf8_lossy(&scored.stderr));
    assert!(published.stderr.contains("四县"), "{}", published.stderr);
    assert_eq!(published.stdout, "");
    assert_eq!(
        parent_entries(case.dir()),
        before,
        "no folder, nothing left behind"
    );
}

#[test]
fn an_existing_folder_is_refused_without_force_and_replaced_whole_with_it() {
    // Last year's folder, written by publish (it holds the marker file).
    let case = hand_case()
        .file("out/old.txt", "last run")
        .file("out/.assess-publish", "assess\n");
    let out = publish(&case, &hand_inputs(), "out", &[]);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("输出文件夹“out”已经存在"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--force"), "{}", out.stderr);
    assert_eq!(
        parent_entries(&case.path("out")),
        [".assess-publish", "old.txt"]
    );
    let before = parent_entries(case.dir());
    let out = publish(&case, &hand_inputs(), "out", &["--force"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(
        parent_entries(&case.path("out")),
        [
            ".assess-publish",
            "分析报告.html",
            "反馈",
            "通报.docx",
            "通报.md"
        ]
    );
    assert_eq!(parent_entries(case.dir()), before, "nothing left beside it");
    // A file is not a folder to replace.
    let case = hand_case().file("out", "a file");
    let out = publish(&case, &hand_inputs(), "out", &["--force"]);
    assert_eq!(out.status, 2);
    assert_eq!(std::fs::read_to_string(case.path("out")).unwrap(), "a file");
}

/// `--force` replaces only a folder publish wrote: a folder of the user's
/// own files (no marker) or the folder the command runs in stays whole.
#[test]
fn force_never_replaces_a_folder_of_the_users_or_the_working_folder() {
    let case = hand_case().file("mine/report.docx", "my own work");
    let out = publish(&case, &hand_inputs(), "mine", &["--force"]);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("不是 assess publish 写出的文件夹"),
        "{}",
        out.stderr
    );
    assert_eq!(parent_entries(&case.path("mine")), ["report.docx"]);
    // A folder publish wrote, which holds the working folder.
    let case = hand_case().file("out/.assess-publish", "assess\n");
    let mut args: Vec<String> = hand_inputs()
        .iter()
        .map(|a| {
            if a.starts_with("--") {
                a.clone()
            } else {
                format!("../{a}")
            }
        })
        .collect();
    args.splice(
        0..0,
        [
            "publish".to_string(),
            "-o".into(),
            "../out".into(),
            "--force".into(),
        ],
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(&args)
        .current_dir(case.path("out"))
        .env("ASSESS_LANG", "en")
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("holds the folder this command runs in"),
        "{stderr}"
    );
    assert!(case.path("out/.assess-publish").is_file());
}

#[test]
fn a_folder_that_cannot_be_written_leaves_nothing_behind() {
    let case = hand_case().file("plain.txt", "not a folder");
    let before = parent_entries(case.dir());
    for target in ["plain.txt/out", "missing/out"] {
        let out = publish(&case, &hand_inputs(), target, &[]);
        assert_eq!(out.status, 2, "{target}: {}", out.stdout);
        assert!(out.stderr.starts_with("错误：无法写入"), "{}", out.stderr);
        assert_eq!(parent_entries(case.dir()), before);
    }
    // A folder holding an input would take the input with it.
    let case = Case::new()
        .file("data/r.toml", RUBRIC)
        .file("data/a.csv", HAND_ANNUAL)
        .file("data/d.csv", HAND_DAILY);
    let inputs: Vec<String> = [
        "--rubric",
        "data/r.toml",
        "--annual",
        "data/a.csv",
        "--daily",
        "data/d.csv",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let out = publish(&case, &inputs, "data", &["--force"]);
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("data/r.toml"), "{}", out.stderr);
    assert_eq!(
        parent_entries(&case.path("data")),
        ["a.csv", "d.csv", "r.toml"]
    );
}

#[test]
fn the_same_inputs_give_the_same_bytes() {
    let case = hand_case();
    assert_eq!(publish(&case, &hand_inputs(), "one", &[]).status, 0);
    assert_eq!(publish(&case, &hand_inputs(), "two", &[]).status, 0);
    for f in [
        "通报.docx",
        "通报.md",
        "分析报告.html",
        "反馈/一县.xlsx",
        "反馈/三县.xlsx",
    ] {
        let a = std::fs::read(case.path("one").join(f)).unwrap();
        let b = std::fs::read(case.path("two").join(f)).unwrap();
        assert!(a == b, "{f} differs between two runs");
    }
}

#[test]
fn english_keeps_the_file_names_and_writes_english() {
    let case = hand_case();
    let mut inputs = hand_inputs();
    inputs.extend(["--lang".into(), "en".into()]);
    let out = publish(&case, &inputs, "out", &[]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(
        parent_entries(&case.path("out")),
        [
            ".assess-publish",
            "分析报告.html",
            "反馈",
            "通报.docx",
            "通报.md"
        ]
    );
    let md = std::fs::read_to_string(case.path("out/通报.md")).unwrap();
    assert!(
        md.contains("\n# Notice of the assessment results: 测试\n"),
        "{md}"
    );
    assert!(md.contains("| Rank | Unit |"), "{md}");
    let sheet = first_sheet(&case.path("out/反馈/一县.xlsx"));
    assert!(
        sheet
            .iter()
            .any(|r| r.iter().any(|c| cell_text(c) == "Why points were lost"))
    );
}

#[test]
fn unit_names_that_are_not_file_names_are_made_safe() {
    use assess::report::publish::feedback::file_name;
    let mut taken = Vec::new();
    assert_eq!(
        file_name("地区财政局", "czj", &mut taken).unwrap(),
        "地区财政局.xlsx"
    );
    assert_eq!(
        file_name("A/B:县*?", "ab", &mut taken).unwrap(),
        "A_B_县__.xlsx"
    );
    assert_eq!(
        file_name("A_B_县__", "ab2", &mut taken).unwrap(),
        "A_B_县__-ab2.xlsx"
    );
    assert_eq!(
        file_name("\"<x>|\\", "x", &mut taken).unwrap(),
        "__x___.xlsx"
    );
    assert_eq!(file_name("CON", "con", &mut taken).unwrap(), "CON-con.xlsx");
    assert_eq!(file_name("单位. ", "dw", &mut taken).unwrap(), "单位.xlsx");
    assert_eq!(file_name("///", "slash", &mut taken).unwrap(), "___.xlsx");
    // Through the command: a roster name with a slash.
    let rubric = RUBRIC.replace("name = \"一县\"", "name = \"一县/城关\"");
    let case = hand_case()
        .file("r.toml", rubric)
        .file("d.csv", HAND_DAILY.replace("一县", "u1"));
    let out = publish(&case, &hand_inputs(), "out", &[]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(case.path("out/反馈/一县_城关.xlsx").is_file());
}

/// Debian's chromium, or what else a machine calls it.
pub(crate) fn chromium() -> Option<PathBuf> {
    for name in [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ] {
        let found = std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|d| d.join(name))
                .find(|p| p.is_file())
        });
        if found.is_some() {
            return found;
        }
    }
    None
}

#[test]
fn the_report_renders_in_chromium_with_every_unit_and_chart() {
    let Some(browser) = chromium() else {
        // .ci/run sets ASSESS_REQUIRE_BROWSER=1; CI services set CI.
        let required = std::env::var("ASSESS_REQUIRE_BROWSER")
            .is_ok_and(|v| !v.is_empty() && v != "0")
            || std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
        assert!(
            !required,
            "chromium is not installed, and this run requires it (ASSESS_REQUIRE_BROWSER or CI is set): .ci/run installs it (apt-get install chromium fonts-noto-cjk)"
        );
        // Straight to the terminal: libtest keeps what eprintln! says of a test that passes.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED publish::the_report_renders_in_chromium_with_every_unit_and_chart: chromium is not installed; `apt-get install chromium fonts-noto-cjk` to run it (ASSESS_REQUIRE_BROWSER=1 makes its absence a failure)"
        );
        return;
    };
    let case = Case::new();
    let inputs = example_inputs();
    let rubrics = score_json(&case, &inputs);
    // Last year's result: this year's CSV with every total two points lower.
    let mut score = Command::new(env!("CARGO_BIN_EXE_assess"));
    let csv = score
        .arg("score")
        .args(&inputs)
        .args(["--format", "csv"])
        .output()
        .unwrap();
    let mut prev = String::new();
    for (k, line) in String::from_utf8(csv.stdout).unwrap().lines().enumerate() {
        if k == 0 {
            prev.push_str(line);
        } else {
            let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
            cells[4] = (dec(&cells[4]) - Decimal::from(2)).to_string();
            prev.push_str(&cells.join(","));
        }
        prev.push('\n');
    }
    std::fs::write(case.path("prev.csv"), prev).unwrap();
    let mut with_prev = inputs.clone();
    with_prev.extend(["--previous".into(), "prev.csv".into()]);
    let out = publish(&case, &with_prev, "out", &[]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let page = case.path("out/分析报告.html");
    let html = std::fs::read_to_string(&page).unwrap();
    // Self-contained: nothing to fetch, nothing to run.
    for banned in [
        "<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import", "http:",
        "https:", "//",
    ] {
        assert!(!html.contains(banned), "the page holds {banned:?}");
    }
    assert!(
        html.contains("@page {\n  size: A4;"),
        "a print stylesheet for A4"
    );
    assert!(html.contains("counter(page)"), "page numbers in print");
    assert!(
        html.contains("break-before: page"),
        "the charts start a page"
    );
    let profile = case.path("chromium-profile");
    let run = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "chromium failed: {stderr}");
    // The page has no script: any console message at all (an uncaught
    // error is logged as `INFO:CONSOLE… "Uncaught …"`) is a fault.
    for bad in [
        "Uncaught",
        ":CONSOLE",
        "ERR_FILE_NOT_FOUND",
        "ERR_NAME_NOT_RESOLVED",
        "net::ERR",
    ] {
        assert!(!stderr.contains(bad), "chromium logged {bad}: {stderr}");
    }
    let dom = String::from_utf8_lossy(&run.stdout);
    // Nothing in the rendered page asks for anything either.
    for banned in [
        "<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "http:", "https:",
    ] {
        assert!(!dom.contains(banned), "the rendered page holds {banned:?}");
    }
    assert!(dom.contains("<svg"), "the charts are in the rendered page");
    let mut charts = vec![
        "grades".to_string(),
        "daily-month".into(),
        "daily-method".into(),
    ];
    for id in ["counties", "departments"] {
        for kind in ["distribution", "indicators", "lost", "heatmap", "change"] {
            charts.push(format!("{kind}-{id}"));
        }
    }
    for r in &rubrics {
        for u in &r.units {
            let id = if rubrics[0].units.iter().any(|x| x.id == u.id) {
                "counties"
            } else {
                "departments"
            };
            charts.push(format!("profile-{id}-{}", u.id));
            // A vetoed unit's name is marked in the charts (托里县（一票否决）).
            let rows = dom.matches(&format!(">{}<", u.name)).count()
                + dom.matches(&format!(">{}（", u.name)).count();
            // Its results row, heat map row, change row and profile at least.
            assert!(
                rows >= 3,
                "{} appears {rows} times in the rendered page",
                u.name
            );
        }
    }
    for chart in &charts {
        assert!(
            dom.contains(&format!("data-chart=\"{chart}\"")),
            "the chart {chart} is in the rendered page"
        );
    }
}
