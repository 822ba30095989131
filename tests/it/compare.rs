//! Outputs to trust and the comparisons a year needs (SPEC 12, 15): last
//! year's result, the units' self-assessment, the converted score, the
//! provisional marks, safe output files and `verify` of the tool's own tables.
//! Every expected value is worked by hand in the comments.

use crate::common;
use common::*;

/// 一县 loses 1.5 on 1.1 (16.50), 二县 gains 1 on 2.2 (19.00), 三县 keeps 18.00.
const DAILY: &str = include_str!("../fixtures/compare/daily.csv");

fn year(extra: &[&str]) -> Case {
    score_case(RUBRIC, FULL_ANNUAL, DAILY).args(extra)
}

/// Last year: 一县 18.50 first, 三县 17.00 second, a unit since merged away;
/// 二县 was not assessed.
const PREVIOUS_CSV: &str = include_str!("../fixtures/compare/previous.csv");

#[test]
fn last_years_csv_result_gives_changes_in_total_and_rank() {
    // 三县 18.00 − 17.00 = +1.00, rank 2 → 2; 一县 16.50 − 18.50 = −2.00, rank 1 → 3 (down 2).
    let out = year(&["--previous", "p.csv", "--format", "csv"])
        .file("p.csv", PREVIOUS_CSV)
        .run();
    assert_eq!(out.status, 0);
    snapshot!("csv").check(&out.stdout);
    snapshot!("stderr.zh.txt").check(&out.stderr);
}

#[test]
fn last_years_json_result_is_matched_by_name_too() {
    // 三县 changed its id since; its name finds it.
    let previous = r#"{"schema": "assess.score.v1", "rubrics": [{"id": "t", "units": [
        {"id": "u1", "name": "一县", "rank": 1, "total": "18.50", "grade": "excellent"},
        {"id": "x3", "name": "三县", "rank": 2, "total": "17.00", "grade": "good"}]}]}"#;
    let out = year(&["--previous", "p.json", "--format", "json"])
        .file("p.json", previous)
        .run();
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let units = doc["rubrics"][0]["units"].as_array().unwrap();
    let previous: Vec<String> = units
        .iter()
        .map(|u| format!("{} {}", u["id"], u["previous"]))
        .collect();
    assert_eq!(
        previous,
        [
            r#""u2" null"#,
            r#""u3" {"total":"17.00","grade":"good","rank":2,"change":"1.00","rank_change":0}"#,
            r#""u1" {"total":"18.50","grade":"excellent","rank":1,"change":"-2.00","rank_change":-2}"#,
        ]
    );
}

#[test]
fn the_table_shows_last_year_with_arrows() {
    let out = year(&["--previous", "p.csv"])
        .file("p.csv", PREVIOUS_CSV)
        .run();
    snapshot!("zh.txt").check(&out.stdout);
}

#[test]
fn a_previous_file_that_is_no_result_is_refused_with_the_inputs_problems() {
    let case = year(&["--previous", "p.csv"]).file("p.csv", "单位,总分\n一县,18\n");
    case.fails(snapshot!("en.txt"));
    let case = year(&["--previous", "p.json"]).file("p.json", r#"{"schema": "other"}"#);
    case.fails_zh(snapshot!("zh.txt"));
}

/// 一县 claims full marks (20.00, 3.50 above its 16.50); 二县 claims only
/// 1.1 (7.5; the rest count 0: 7.50, 11.50 below its 19.00); 三县 claims nothing.
const CLAIMS: &str = include_str!("../fixtures/compare/self.csv");

#[test]
fn self_assessment_beside_the_final_scores() {
    let out = year(&["--self", "s.csv", "--format", "csv"])
        .file("s.csv", CLAIMS)
        .run();
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    snapshot!("csv").check(&out.stdout);
    let out = year(&["--self", "s.csv", "--format", "json"])
        .file("s.csv", CLAIMS)
        .run();
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let u1 = &doc["rubrics"][0]["units"][2];
    assert_eq!(
        u1["self"],
        serde_json::json!({"total": "20.00", "difference": "3.50"})
    );
    // 1.1: claimed 8, final 8 − 1.5 = 6.5.
    assert_eq!(
        u1["sections"][0]["items"][0]["self"],
        serde_json::json!({"score": "8.00", "difference": "1.50"})
    );
    assert_eq!(
        doc["rubrics"][0]["units"][1]["self"],
        serde_json::Value::Null
    );
}

#[test]
fn a_claim_with_more_places_than_published_is_refused() {
    let case = year(&["--self", "s.csv"])
        .file("s.csv", "单位,项目,自评得分\n一县,1.1,7.555\n一县,9.9,1\n");
    case.fails(snapshot!("en.txt"));
}

#[test]
fn the_converted_score_rounds_half_away_from_zero() {
    // Out of 3: 19 × 3 ÷ 20 = 2.85; 18 → 2.70; 16.5 → 2.475 → 2.48.
    let rubric = RUBRIC.replace(
        "[scorers]",
        "[conversion]\npoints = 3\nlabel = \"纳入绩效考核折算分\"\n\n[scorers]",
    );
    let out = year(&["--format", "csv"]).file("r.toml", &rubric).run();
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    snapshot!("csv").check(&out.stdout);
    let out = year(&["--format", "json"]).file("r.toml", &rubric).run();
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["rubrics"][0]["units"][2]["converted"], "2.48");
    let bad = RUBRIC.replace("[scorers]", "[conversion]\npoints = 0\n\n[scorers]");
    year(&[]).file("r.toml", bad).fails(snapshot!("en.txt"));
}

#[test]
fn provisional_units_and_the_missing_cells() {
    // 一县 has no 1.2 score from 牵头单位: counted 0, 1.2 = 3, total 15.00 − 1.5.
    let annual = FULL_ANNUAL.replace("u1,1.2,lead,6\n", "");
    let out = year(&["--allow-missing", "--format", "json"])
        .file("a.csv", &annual)
        .run();
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        doc["missing"],
        serde_json::json!([{"rubric": "t", "unit": "u1", "item": "1.2", "scorer": "lead"}])
    );
    let flags: Vec<(String, bool)> = doc["rubrics"][0]["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["id"].as_str().unwrap().to_string(),
                u["provisional"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        flags,
        [
            ("u2".into(), false),
            ("u3".into(), false),
            ("u1".into(), true)
        ]
    );
    let out = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", &annual)
        .file("d.csv", DAILY)
        .args(&[
            "check",
            "--rubric",
            "r.toml",
            "--annual",
            "a.csv",
            "--daily",
            "d.csv",
            "--allow-missing",
        ])
        .run();
    assert!(
        out.stdout.ends_with("  牵头单位：一县 1.2\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn output_never_replaces_an_input() {
    let case = year(&["-o", "d.csv"]);
    case.fails_zh(snapshot!("zh.txt"));
    assert_eq!(std::fs::read_to_string(case.path("d.csv")).unwrap(), DAILY);
    // Another spelling of the same file is the same file.
    let case = year(&["-o", "./sub/../d.csv"]);
    std::fs::create_dir_all(case.path("sub")).unwrap();
    assert_eq!(case.run().status, 2);
    assert_eq!(std::fs::read_to_string(case.path("d.csv")).unwrap(), DAILY);
}

#[test]
fn the_extension_decides_the_format_and_a_contradiction_is_refused() {
    let case = year(&["-o", "结果.xlsx"]);
    let out = case.run();
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    let bytes = std::fs::read(case.path("结果.xlsx")).unwrap();
    assert_eq!(&bytes[..2], b"PK", "a zip, not a text table");
    use calamine::Reader;
    let book = calamine::open_workbook_auto(case.path("结果.xlsx")).unwrap();
    assert!(!book.sheet_names().is_empty());
    // The same inputs give the same bytes (no document date of today).
    assert_eq!(case.run().status, 0);
    assert_eq!(std::fs::read(case.path("结果.xlsx")).unwrap(), bytes);
    let case = year(&["-o", "r.json"]);
    assert_eq!(case.run().status, 0);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(case.path("r.json")).unwrap()).unwrap();
    assert_eq!(json["schema"], "assess.score.v1");
    year(&["-o", "x.xlsx", "--format", "csv"]).fails(snapshot!("en.txt"));
}

#[test]
fn verify_reads_the_tools_own_json_and_one_rubrics_table_with_marks() {
    let case = year(&["-o", "r.json"]);
    assert_eq!(case.run().status, 0);
    let verify = |published: &str, extra: &[&str]| {
        let mut args = vec![
            "verify",
            "--rubric",
            "r.toml",
            "--annual",
            "a.csv",
            "--daily",
            "d.csv",
            "--published",
            published,
        ];
        args.extend(extra);
        Case::new()
            .file("r.toml", RUBRIC)
            .file("a.csv", FULL_ANNUAL)
            .file("d.csv", DAILY)
            .file("r.json", std::fs::read(case.path("r.json")).unwrap())
            .file(
                "p.csv",
                "单位,总分,等次,名次\n二县,19.00*,优秀,1\n三县,18.00†,优秀（一票否决）,2\n一县,16.49,良好,3\n",
            )
            .args(&args)
            .run()
    };
    let out = verify("r.json", &[]);
    snapshot!("zh.txt").check(&out.stdout);
    assert_eq!(out.status, 0);
    let out = verify("p.csv", &["--id", "t", "--format", "json", "--lang", "en"]);
    assert_eq!(out.status, 1);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(report["schema"], "assess.verify.v1");
    assert_eq!(report["checked"], 3);
    let m = &report["mismatches"][0];
    assert_eq!(
        (
            m["at"].as_str(),
            m["unit"].as_str(),
            m["kind"].as_str(),
            m["published"].as_str(),
            m["recomputed"].as_str()
        ),
        (
            Some("p.csv:4"),
            Some("u1"),
            Some("total"),
            Some("16.49"),
            Some("16.50")
        )
    );
    assert!(
        m["explain"]
            .as_str()
            .unwrap()
            .starts_with("assess explain u1 --rubric r.toml")
    );
    assert_eq!(report["mismatches"].as_array().unwrap().len(), 1);
}

#[test]
fn the_workbook_carries_the_comparisons_as_numbers() {
    let case = year(&["--previous", "p.csv", "--self", "s.csv", "-o", "out.xlsx"])
        .file("p.csv", PREVIOUS_CSV)
        .file("s.csv", CLAIMS);
    let out = case.run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto(case.path("out.xlsx")).unwrap();
    let first = book.sheet_names()[0].clone();
    let sheet = book.worksheet_range(&first).unwrap();
    let header: Vec<String> = sheet
        .rows()
        .nth(1)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        header[header.len() - 6..],
        [
            "自评总分",
            "自评差额",
            "上年总分",
            "上年名次",
            "总分变化",
            "名次变化（正数为上升）"
        ]
    );
    // 一县, third: claimed 20 (+3.5), last year 18.5, first, −2, down 2.
    let row: Vec<Data> = sheet.rows().nth(4).unwrap().to_vec();
    let n = row.len();
    assert_eq!(row[1], Data::String("一县".into()));
    assert_eq!(
        row[n - 6..],
        [
            Data::Float(20.0),
            Data::Float(3.5),
            Data::Float(18.5),
            Data::Float(1.0),
            Data::Float(-2.0),
            Data::Float(-2.0)
        ]
    );
}

#[test]
fn verify_reads_the_tools_own_workbook_in_either_language() {
    for lang in ["zh", "en"] {
        let case = year(&["-o", "r.xlsx", "--lang", lang]);
        assert_eq!(case.run().status, 0);
        let out = Case::new()
            .file("r.toml", RUBRIC)
            .file("a.csv", FULL_ANNUAL)
            .file("d.csv", DAILY)
            .file("r.xlsx", std::fs::read(case.path("r.xlsx")).unwrap())
            .args(&[
                "verify",
                "--rubric",
                "r.toml",
                "--annual",
                "a.csv",
                "--daily",
                "d.csv",
                "--published",
                "r.xlsx",
                "--lang",
                "en",
            ])
            .run();
        assert_eq!(
            (out.status, out.stderr.as_str()),
            (0, ""),
            "workbook written in {lang}"
        );
        snapshot!("en.txt").check(&out.stdout);
    }
}

#[test]
fn verify_compares_the_section_columns_a_notice_publishes() {
    // 一县: 政务公开 8 − 1.5 + 6 = 12.50, 放管服 4.00; the table says 12.00.
    let out = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY)
        .file(
            "p.csv",
            "单位,政务公开,放管服,总分\n二县,14.00,5.00,19.00\n三县,14.00,4.00,18.00\n一县,12.00,4.00,16.50\n",
        )
        .args(&[
            "verify", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv", "--published",
            "p.csv", "--lang", "en",
        ])
        .run();
    assert_eq!(out.status, 1);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "p.csv:4:B: 一县 (u1) 政务公开: published 12.00, recomputed 12.50"
    );
    assert_eq!(lines.last(), Some(&"3 units checked, 1 mismatch"));
}

#[test]
fn a_wide_self_assessment_reads_as_the_long_one() {
    // The same claims as CLAIMS, one row per unit, 序号 and 合计 passed over.
    let wide = "各单位自评表\n序号,单位,1.1 组织领导（8分）,政策解读,2.1,创新加分,合计\n1,一县,8,6,4,2,20\n2,二县,7.5,,,,7.5\n";
    let long = year(&["--self", "s.csv", "--format", "csv"])
        .file("s.csv", CLAIMS)
        .run();
    let wide = year(&["--self", "w.csv", "--format", "csv"])
        .file("w.csv", wide)
        .run();
    assert_eq!((wide.status, wide.stderr.as_str()), (0, ""));
    assert_eq!(wide.stdout, long.stdout);
}
