//! Indicator levels, rules and aliases (SPEC 8, 9, 11): a nested rubric
//! scored whole, and each fault of such a rubric pinned in both languages.

use crate::common;
use common::*;

/// Two units, a group 1.1 (平台建设) over two leaves, one with a capped rule,
/// and a leaf 1.2 directly under the section.
pub const NESTED: &str = include_str!("../fixtures/levels/rubric.toml");

fn check(rubric: String) -> Case {
    Case::new()
        .file("r.toml", rubric)
        .args(&["check", "--rubric", "r.toml"])
}

#[test]
fn a_group_cannot_have_scorers() {
    let case = check(NESTED.replace(
        "  title = \"平台建设\"\n  max = 10\n",
        "  title = \"平台建设\"\n  max = 10\n  scorers = { office = 1 }\n",
    ));
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn a_group_max_must_be_its_items_sum() {
    let case = check(NESTED.replace(
        "  title = \"平台建设\"\n  max = 10\n",
        "  title = \"平台建设\"\n  max = 9\n",
    ));
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn a_rule_belongs_on_a_leaf() {
    let case = check(NESTED.replace(
        "  title = \"平台建设\"\n  max = 10\n",
        "  title = \"平台建设\"\n  max = 10\n  [[section.item.rule]]\n  id = \"x\"\n  text = \"每处扣1分\"\n  kind = \"deduct\"\n  points = 1\n",
    ));
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn a_rule_id_is_used_once_in_an_item() {
    let case = check(NESTED.replace(
        "      max = 2\n",
        "      max = 2\n      [[section.item.item.rule]]\n      id = \"typo\"\n      text = \"另一条\"\n      kind = \"deduct\"\n      points = 1\n",
    ));
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn an_alias_may_not_be_another_units_name() {
    let case = check(NESTED.replace("aliases = [\"甲\"]", "aliases = [\"甲\", \"乙县\"]"));
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn a_period_must_share_a_day_with_its_year() {
    let case = check(NESTED.replace(
        "[scorers]",
        "[period]\nstart = 2021-01-01\nend = 2021-12-31\n[scorers]",
    ));
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
    // A period that starts the December before is fine.
    let ok = NESTED.replace(
        "[scorers]",
        "[period]\nstart = 2019-12-01\nend = 2020-11-30\n[scorers]",
    );
    let out = Case::new()
        .file("r.toml", ok)
        .args(&["rubric", "--rubric", "r.toml", "--format", "toml"])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
}

/// Four independent faults of one rubric, every one in one run, the maxima
/// sum with each section's subtotal.
#[test]
fn every_fault_of_a_rubric_at_once() {
    let case = check(
        NESTED
            .replace("aliases = [\"甲\"]", "aliases = [\"乙县\"]")
            .replace(
                "  title = \"平台建设\"\n  max = 10\n",
                "  title = \"平台建设\"\n  max = 9\n",
            )
            .replace(
                "kind = \"deduct\"\n      points = 0.5",
                "kind = \"minus\"\n      points = 0.5",
            )
            .replace("total = 20", "total = 21"),
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn rubric_new_moves_only_the_year() {
    let case = Case::new().file("r.toml", NESTED).args(&[
        "rubric",
        "new",
        "--from",
        "r.toml",
        "--year",
        "2021",
        "-o",
        "r2021.toml",
    ]);
    let out = case.run();
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    let moved = std::fs::read_to_string(case.path("r2021.toml")).unwrap();
    assert_eq!(moved, NESTED.replace("year = 2020", "year = 2021"));
    // An embedded rubric by its id.
    let case = Case::new().args(&[
        "rubric", "new", "--from", "counties", "--year", "2021", "-o", "c.toml",
    ]);
    let out = case.run();
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    let moved = std::fs::read_to_string(case.path("c.toml")).unwrap();
    assert!(
        moved.contains("title = \"塔城地区2021年度政务公开"),
        "{moved}"
    );
    assert!(
        moved.contains("start = 2021-01-01\nend = 2021-12-31"),
        "{moved}"
    );
    // Neither an id nor a file: nothing written.
    let case = Case::new().args(&[
        "rubric", "new", "--from", "countys", "--year", "2021", "-o", "c.toml",
    ]);
    case.fails(snapshot!("en.txt"));
    assert!(!case.path("c.toml").exists());
}

const ANNUAL: &str = include_str!("../fixtures/levels/annual.csv");

/// 甲 (by its alias): three typos by id and two by the rule's text, 2.5 in
/// all, capped at the rule's 2; 乙: one typo, its points written.
const DAILY: &str = include_str!("../fixtures/levels/daily.csv");

fn scored(format: &str) -> Case {
    score_case(NESTED, ANNUAL, DAILY).args(&["--format", format])
}

/// Worked by hand:
/// 甲 1.1.1 = 5 − min(2, 1.5 + 1) = 3; 1.1.2 = 4; group 1.1 = 7; 1.2 = 9; total 16.
/// 乙 1.1.1 = 6 − 0.5 = 5.5; 1.1.2 n/a, so group 1.1 = 5.5 of its applicable
/// leaves; 1.2 = 8; 13.5 of 16 applicable points, rescaled: 13.5 × 20 ÷ 16 =
/// 16.875 → 16.88. 乙 ranks first.
#[test]
fn a_nested_rubric_with_rules_scores_as_worked_by_hand() {
    let out = scored("json").run();
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let units = &doc["rubrics"][0]["units"];
    let expected: serde_json::Value = serde_json::from_str(
        r#"[
      {"id": "b", "name": "乙县", "rank": 1, "total": "16.88", "grade": "good", "grade_label": "好",
       "veto": false, "scaled": true, "provisional": false, "deducted": "0.5", "added": "0",
       "sections": [{"id": "s1", "title": "政务公开", "score": "13.50",
         "items": [
           {"id": "1.1.1", "title": "政府网站", "parent": "1.1", "max": "6", "base": "6", "deducted": "0.5", "added": "0", "score": "5.50", "applicable": true},
           {"id": "1.1.2", "title": "政务新媒体", "parent": "1.1", "max": "4", "base": null, "deducted": null, "added": null, "score": null, "applicable": false},
           {"id": "1.2", "title": "组织领导", "parent": null, "max": "10", "base": "8", "deducted": "0", "added": "0", "score": "8.00", "applicable": true}],
         "groups": [{"id": "1.1", "title": "平台建设", "parent": null, "max": "10", "score": "5.50", "applicable": true}]}]},
      {"id": "a", "name": "甲县", "rank": 2, "total": "16.00", "grade": "good", "grade_label": "好",
       "veto": false, "scaled": false, "provisional": false, "deducted": "2", "added": "0",
       "sections": [{"id": "s1", "title": "政务公开", "score": "16.00",
         "items": [
           {"id": "1.1.1", "title": "政府网站", "parent": "1.1", "max": "6", "base": "5", "deducted": "2", "added": "0", "score": "3.00", "applicable": true},
           {"id": "1.1.2", "title": "政务新媒体", "parent": "1.1", "max": "4", "base": "4", "deducted": "0", "added": "0", "score": "4.00", "applicable": true},
           {"id": "1.2", "title": "组织领导", "parent": null, "max": "10", "base": "9", "deducted": "0", "added": "0", "score": "9.00", "applicable": true}],
         "groups": [{"id": "1.1", "title": "平台建设", "parent": null, "max": "10", "score": "7.00", "applicable": true}]}]}
    ]"#,
    )
    .unwrap();
    assert_eq!(units, &expected);
}

#[test]
fn the_table_shows_group_columns_at_depth_two() {
    scored("table")
        .args(&["--depth", "2"])
        .stdout(snapshot!("zh.txt"));
}

#[test]
fn explain_shows_the_rule_its_cap_and_the_group_subtotal() {
    let out = Case::new()
        .file("r.toml", NESTED)
        .file("a.csv", ANNUAL)
        .file("d.csv", DAILY)
        .args(&[
            "explain", "甲", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ])
        .run();
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    for line in [
        "  日常考核：2020-03-01 随机抽查 核减 1.5 分（按扣分标准 typo 计 3 次）（x）    d.csv:2",
        "  日常考核：2020-03-02 随机抽查 核减 1 分（按扣分标准 typo 计 2 次）（y）    d.csv:3",
        "  扣分标准 typo（错别字每处扣0.5分）：合计 2.5（本条上限 2）→ 计 2",
        "  核减 2",
        "政务公开小计：16.00 = 7.00 + 9.00",
        "  1.1 平台建设：7.00 = 3.00 + 4.00",
    ] {
        assert!(
            out.stdout.lines().any(|l| l == line),
            "no line {line:?} in\n{}",
            out.stdout
        );
    }
}

#[test]
fn the_workbook_names_each_leafs_group() {
    let case = scored("xlsx").args(&["-o", "out.xlsx"]);
    let out = case.run();
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    use calamine::{Reader, open_workbook_auto};
    let mut book = open_workbook_auto(case.path("out.xlsx")).unwrap();
    let items = book.worksheet_range("项目得分").unwrap();
    let paths: Vec<String> = items
        .rows()
        .skip(1)
        .map(|r| format!("{}|{}", r[4], r[5]))
        .collect();
    assert_eq!(
        paths,
        [
            "1.1 平台建设|1.1.1",
            "1.1 平台建设|1.1.2",
            "|1.2",
            "1.1 平台建设|1.1.1",
            "1.1 平台建设|1.1.2",
            "|1.2"
        ]
    );
}

fn daily_case(daily: &str) -> Case {
    Case::new()
        .file("r.toml", NESTED)
        .file("a.csv", ANNUAL)
        .file("d.csv", daily)
        .args(&[
            "check", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ])
}

#[test]
fn each_fault_of_a_record_by_rule() {
    let case = daily_case(
        "date,unit,item,kind,points,method,note,rule,count
2020-03-01,a,1.1.1,,2,spot_check,x,typo,3
2020-03-02,a,1.1.2,deduct,1,spot_check,y,typo,2
2020-03-03,b,1.1.1,add,,online_evaluation,z,typo,
2020-03-03,b,1.1.1,deduct,1,online_evaluation,z,,2
2020-03-03,b,1.1.1,deduct,,online_evaluation,z,tpyo,0
2020-03-04,b,平台建设,deduct,1,online_evaluation,z,,
",
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn an_unknown_name_is_one_error_with_its_rows() {
    let case = Case::new()
        .file("r.toml", NESTED)
        .file(
            "a.csv",
            "unit,item,score\n丙县,1.2,5\n丙县,1.1.1,5\n和布克赛尔县,1.2,9\n丙县,1.1.2,4\n",
        )
        .args(&["check", "--rubric", "r.toml", "--annual", "a.csv"]);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn an_alias_names_its_unit_and_a_short_form_finds_the_full_name() {
    // The shipped counties' rubric: 和丰县 is an alias of 和布克赛尔蒙古自治县.
    let out = Case::new()
        .args(&["explain", "和丰县", "1.1", "--allow-missing"])
        .run();
    assert!(
        out.stdout
            .starts_with("单位：和布克赛尔蒙古自治县（hoboksar）"),
        "{}{}",
        out.stdout,
        out.stderr
    );
    let case = Case::new()
        .file(
            "a.csv",
            "unit,item,scorer,score\n和布克赛尔自治县,1.1,office,5\n",
        )
        .args(&["check", "--annual", "a.csv"]);
    let out = case.run_in(Some("en"));
    assert!(
        out.stderr.starts_with("error: a.csv:2:A: unknown unit \"和布克赛尔自治县\" (did you mean \"和布克赛尔蒙古自治县\"?)"),
        "{}",
        out.stderr
    );
}

#[test]
fn explain_of_a_group_explains_each_of_its_leaves() {
    let out = Case::new()
        .file("r.toml", NESTED)
        .file("a.csv", ANNUAL)
        .file("d.csv", DAILY)
        .args(&[
            "explain",
            "甲",
            "平台建设",
            "--rubric",
            "r.toml",
            "--annual",
            "a.csv",
            "--daily",
            "d.csv",
        ])
        .run();
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    let headers: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains("（满分"))
        .collect();
    assert_eq!(
        headers,
        [
            "1.1.1 政府网站（满分 6 分）",
            "1.1.2 政务新媒体（满分 4 分）"
        ]
    );
}
