//! Each rule of the computation (SPEC section 4), through the real binary,
//! with totals worked out by hand in the comments.

use crate::common;
use common::*;

#[test]
fn full_marks_everywhere_tie_at_rank_one() {
    // 8 + 6 + 4 (2.1 starts full) + 0 (2.2 starts at zero) = 18: 优秀 (min 18).
    csv_case(FULL_ANNUAL, DAILY_HEADER).stdout(snapshot!("csv"));
}

#[test]
fn weighted_base_rounds_half_away_from_zero() {
    // 1.2: 0.5 × 5.55 + 0.5 × 5.42 = 5.485 -> 5.49 (half-to-even would give 5.48).
    // Total 8 + 5.49 + 4 = 17.49: 良好.
    let annual = FULL_ANNUAL
        .replace("u1,1.2,office,6", "u1,1.2,office,5.55")
        .replace("u1,1.2,lead,6", "u1,1.2,lead,5.42");
    csv_case(&annual, DAILY_HEADER).stdout(snapshot!("csv"));
}

#[test]
fn deductions_and_additions_stop_at_their_caps() {
    // u2 1.1: deductions 2 + 2 = 4, capped at max_deduct 3: 8 - 3 = 5.
    // u2 2.2: additions 1 + 1 = 2, capped at max_add 1.5.
    // Total 5 + 6 + 4 + 1.5 = 16.50; the unit's deducted/added are the capped sums.
    let daily = format!(
        "{DAILY_HEADER}2020-03-01,u2,1.1,deduct,2,spot_check,\n2020-04-01,u2,1.1,deduct,2,daily_record,\n2020-05-01,u2,2.2,add,1,material_filing,\n2020-06-01,u2,2.2,add,1,online_evaluation,\n"
    );
    csv_case(FULL_ANNUAL, &daily).stdout(snapshot!("csv"));
}

#[test]
fn an_item_never_goes_below_zero_or_above_its_max() {
    // u3 2.1 starts full at 4, deductions 5 (no cap): 4 - 5 clamps to 0.
    // u1 1.1: 7 + 3 (no max_add) = 10 clamps to 8; added still shows 3.
    // u3: 8 + 6 + 0 + 0 = 14 (合格); u1: 8 + 6 + 4 + 0 = 18.
    let annual = FULL_ANNUAL.replace("u1,1.1,office,8", "u1,1.1,office,7");
    let daily = format!(
        "{DAILY_HEADER}2020-07-01,u3,2.1,deduct,5,online_evaluation,\n2020-07-02,u1,1.1,add,3,daily_record,\n"
    );
    csv_case(&annual, &daily).stdout(snapshot!("csv"));
}

#[test]
fn an_na_item_is_left_out_and_the_total_rescaled() {
    // u3 1.2 is n/a for both scorers: 8 + 4 + 0 = 12 of maxima 8 + 4 + 2 = 14,
    // rescaled 12 × 20 / 14 = 17.142857… -> 17.14 (良好).
    let annual = FULL_ANNUAL
        .replace("u3,1.2,office,6", "u3,1.2,office,n/a")
        .replace("u3,1.2,lead,6", "u3,1.2,lead,不涉及");
    csv_case(&annual, DAILY_HEADER).stdout(snapshot!("csv"));
}

#[test]
fn a_veto_gives_the_lowest_grade_but_keeps_the_rank() {
    let daily = format!("{DAILY_HEADER}2020-09-09,u1,,veto,,special_inspection,泄密\n");
    csv_case(FULL_ANNUAL, &daily).stdout(snapshot!("csv"));
}

/// The test rubric with a fourth unit and the given ranking.
fn four_units(ranking: &str) -> String {
    RUBRIC
        .replace(
            "[[unit]]\nid = \"u3\"",
            "[[unit]]\nid = \"u4\"\nname = \"四县\"\n[[unit]]\nid = \"u3\"",
        )
        .replace(
            "total = 20\n",
            &format!("total = 20\nranking = \"{ranking}\"\n"),
        )
}

fn ranking_case(ranking: &str) -> Case {
    // Totals: u1 17, u2 18, u4 17, u3 16 (roster order u1, u2, u4, u3).
    let annual = format!(
        "{}u4,1.1,office,7\nu4,1.2,office,6\nu4,1.2,lead,6\n",
        FULL_ANNUAL
            .replace("u1,1.1,office,8", "u1,1.1,office,7")
            .replace("u3,1.1,office,8", "u3,1.1,office,6")
    );
    Case::new()
        .file("r.toml", four_units(ranking))
        .file("a.csv", annual)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--format", "csv",
        ])
}

#[test]
fn competition_ranking_skips_after_ties() {
    ranking_case("competition").stdout(snapshot!("csv"));
}

#[test]
fn dense_ranking_does_not_skip() {
    ranking_case("dense").stdout(snapshot!("csv"));
}

#[test]
fn allow_missing_counts_zero_and_warns() {
    // u1 1.2 lacks the lead's score: 0.5 × 6 + 0.5 × 0 = 3; total 8 + 3 + 4 = 15 (良好).
    let annual = FULL_ANNUAL.replace("u1,1.2,lead,6\n", "");
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", annual)
        .args(&[
            "score",
            "--rubric",
            "r.toml",
            "--annual",
            "a.csv",
            "--format",
            "csv",
            "--allow-missing",
        ]);
    let out = case.run();
    assert_eq!(out.status, 0);
    snapshot!("csv").check(&out.stdout);
    snapshot!("stderr.zh.txt").check(&out.stderr);
    let en = case.run_in(Some("en"));
    assert_eq!((en.status, &en.stdout), (0, &out.stdout));
    snapshot!("stderr.en.txt").check(&en.stderr);
}

#[test]
fn a_section_whose_items_are_all_na_scores_zero() {
    // u3: 1.1 and 1.2 n/a; 4 + 0 = 4 of maxima 4 + 2 = 6, rescaled 4 × 20 / 6 = 13.333… -> 13.33.
    let annual = FULL_ANNUAL
        .replace("u3,1.1,office,8", "u3,1.1,office,N/A")
        .replace("u3,1.2,office,6", "u3,1.2,office,不适用")
        .replace("u3,1.2,lead,6", "u3,1.2,lead,n/a");
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", annual)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--format", "table",
        ]);
    case.stdout(snapshot!("zh.txt"));
}

#[test]
fn whole_numbers_rubric_rounds_halves_up() {
    // decimals = 0: u1 1.2 = 0.5 × 5 + 0.5 × 4 = 4.5 -> 5; 2.2 gets 0.5 -> 1 (half away from zero);
    // total 8 + 5 + 4 + 1 = 18.
    let rubric = RUBRIC
        .replace("total = 20\n", "total = 20\ndecimals = 0\n")
        .replace("max_add = 1.5", "max_add = 2");
    let annual = FULL_ANNUAL
        .replace("u1,1.2,office,6", "u1,1.2,office,5")
        .replace("u1,1.2,lead,6", "u1,1.2,lead,4");
    let daily = format!("{DAILY_HEADER}2020-01-01,u1,2.2,add,0.5,daily_record,\n");
    // The test year with its own rubric written over the shared one.
    csv_case(&annual, &daily)
        .file("r.toml", rubric)
        .stdout(snapshot!("csv"));
}

#[test]
fn the_json_document_holds_every_step() {
    // One unit, one section: a (6, office 0.3 + lead 0.7) and b (4, daily only from full).
    // a: 0.3 × 5.55 + 0.7 × 5.45 = 1.665 + 3.815 = 5.48; minus 0.125 = 5.355 -> 5.36.
    // b: 4 - 1.005 = 2.995 -> 3.00. Total 8.36 of 10: 良好 (min 8).
    let rubric = r#"id = "mini"
title = "小细则"
year = 2020
total = 10
[scorers]
office = "办公室"
lead = "牵头单位"
[[grade]]
id = "good"
label = "良好"
min = 8
[[grade]]
id = "fail"
label = "不合格"
min = 0
[[unit]]
id = "x"
name = "某县"
[[section]]
id = "s"
title = "政务公开"
[[section.item]]
id = "a"
title = "甲"
max = 6
scorers = { office = 0.3, lead = "0.7" }
[[section.item]]
id = "b"
title = "乙"
max = 4
start = "full"
"#;
    let annual = "单位,项目,评分单位,得分\n某县,甲,办公室,5.55\nx,a,lead,5.45\n";
    let daily = "日期,单位,项目,类型,分值,方式\n2020年3月1日,x,甲,核减,0.125,随机抽查\n2020/3/2,x,b,扣分,1.005,网上评测\n";
    let sha = |s: &str| {
        use sha2::Digest;
        sha2::Sha256::digest(s.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    Case::new()
        .file("m.toml", rubric)
        .file("a.csv", annual)
        .file("d.csv", daily)
        .args(&[
            "score", "--rubric", "m.toml", "--annual", "a.csv", "--daily", "d.csv", "--format",
            "json",
        ])
        .stdout(
            snapshot!("json")
                .with("{version}", env!("CARGO_PKG_VERSION"))
                .with("{rubric_sha}", &sha(rubric))
                .with("{annual_sha}", &sha(annual))
                .with("{daily_sha}", &sha(daily)),
        );
}
