//! The mechanics of part three (SPEC 16-19) through the real binary, each
//! with its expected result worked out by hand in the comments and written
//! out whole: bonus parts and their gates, penalty parts, floors, the
//! highest total, measured lines (linear and step, rounded once), classes
//! and the three n/a policies, veto caps and ranks, quotas and their tie
//! rule, zero records, a rubric's own methods; the spec's worked case 3.

use crate::common;
use common::*;

/// A rubric of total 20: one scored section of two lines 1.1 and 1.2 (10
/// each, scored by the office), then `extra` sections; grades 18 / 15 / 12 / 0;
/// units u1..u4 (一, 二, 三, 四). `head` goes before `[scorers]`, `grade`
/// into the first grade.
fn rubric(head: &str, grade: &str, lines: &str, extra: &str) -> String {
    format!(
        "id = \"m\"\ntitle = \"机制\"\nyear = 2021\ntotal = 20\ndecimals = 2\n{head}\n\
         [scorers]\noffice = \"办公室\"\n\
         [[grade]]\nid = \"excellent\"\nlabel = \"优秀\"\nmin = 18\n{grade}\n\
         [[grade]]\nid = \"good\"\nlabel = \"良好\"\nmin = 15\n\
         [[grade]]\nid = \"pass\"\nlabel = \"合格\"\nmin = 12\n\
         [[grade]]\nid = \"fail\"\nlabel = \"不合格\"\nmin = 0\n\
         [[unit]]\nid = \"u1\"\nname = \"一\"\n[[unit]]\nid = \"u2\"\nname = \"二\"\n\
         [[unit]]\nid = \"u3\"\nname = \"三\"\n[[unit]]\nid = \"u4\"\nname = \"四\"\n\
         [[section]]\nid = \"s1\"\ntitle = \"基本\"\n{lines}\n{extra}"
    )
}

const TWO_LINES: &str = "[[section.item]]\nid = \"1.1\"\ntitle = \"一一\"\nmax = 10\nscorers = { office = 1 }\n\
     [[section.item]]\nid = \"1.2\"\ntitle = \"一二\"\nmax = 10\nscorers = { office = 1 }\n";

const DAILY: &str = "date,unit,item,kind,points,method,rule,count\n";

/// The annual scores of 1.1 and 1.2 for u1..u4, as `[(1.1, 1.2)]`.
fn annual(scores: &[(&str, &str)]) -> String {
    let mut s = String::from("unit,item,score\n");
    for (u, (a, b)) in scores.iter().enumerate() {
        s.push_str(&format!("u{},1.1,{a}\nu{},1.2,{b}\n", u + 1, u + 1));
    }
    s
}

fn score_csv(rubric: &str, annual: &str, daily: &str, more: &[&str]) -> Case {
    score_as("csv", rubric, annual, daily, more)
}

fn score_as(format: &str, rubric: &str, annual: &str, daily: &str, more: &[&str]) -> Case {
    let mut args = vec![
        "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv", "--format", format,
    ];
    args.extend_from_slice(more);
    Case::new()
        .file("r.toml", rubric)
        .file("a.csv", annual)
        .file("d.csv", daily)
        .args(&args)
}

const PARTS_HEADER: &str = "rubric,rank,unit_id,unit,total,grade,grade_label,deducted,added,veto,scaled,provisional,scored,bonus,penalty\n";
const PLAIN_HEADER: &str =
    "rubric,rank,unit_id,unit,total,grade,grade_label,deducted,added,veto,scaled,provisional\n";

const BONUS: &str = "[[section]]\nid = \"b\"\ntitle = \"加分\"\nkind = \"bonus\"\nmax = 3\ngate = 15\n\
     [[section.item]]\nid = \"b1\"\ntitle = \"创新\"\nmax = 5\n";

fn bonus_daily() -> String {
    format!(
        "{DAILY}2021-03-01,u1,b1,add,4,日常记录,,\n2021-03-02,u2,b1,add,2,日常记录,,\n2021-03-03,u3,b1,add,1,日常记录,,\n"
    )
}

#[test]
fn a_bonus_counts_from_its_gate_on_and_never_past_its_max() {
    // u1: scored 8 + 7 = 15 ≥ gate 15; b1 = min(5, 4) = 4, the part min(3, 4) = 3: 18 (优秀).
    // u2: scored 8 + 6.99 = 14.99 < 15: its bonus 2 does not count: 14.99 (合格).
    // u3: 20 + 1 = 21 (max_total defaults to 20 + 3 = 23). u4: 10, no bonus.
    let r = rubric("", "", TWO_LINES, BONUS);
    let a = annual(&[("8", "7"), ("8", "6.99"), ("10", "10"), ("5", "5")]);
    score_csv(&r, &a, &bonus_daily(), &[]).stdout(format!(
        "{PARTS_HEADER}\
         m,1,u3,三,21.00,excellent,优秀,0,1,false,false,false,20.00,1.00,0.00\n\
         m,2,u1,一,18.00,excellent,优秀,0,4,false,false,false,15.00,3.00,0.00\n\
         m,3,u2,二,14.99,pass,合格,0,2,false,false,false,14.99,0.00,0.00\n\
         m,4,u4,四,10.00,fail,不合格,0,0,false,false,false,10.00,0.00,0.00\n"
    ));
}

#[test]
fn a_strict_gate_holds_back_a_bonus_at_the_gate_itself() {
    // "高于15分": u1's scored part 15 is not above 15, its bonus does not count: 15 (良好).
    let r = rubric("", "", TWO_LINES, &format!("{BONUS}gate_strict = true\n")).replace(
        "gate = 15\n[[section.item]]\nid = \"b1\"\ntitle = \"创新\"\nmax = 5\ngate_strict = true\n",
        "gate = 15\ngate_strict = true\n[[section.item]]\nid = \"b1\"\ntitle = \"创新\"\nmax = 5\n",
    );
    let a = annual(&[("8", "7"), ("8", "6.99"), ("10", "10"), ("5", "5")]);
    score_csv(&r, &a, &bonus_daily(), &[]).stdout(format!(
        "{PARTS_HEADER}\
         m,1,u3,三,21.00,excellent,优秀,0,1,false,false,false,20.00,1.00,0.00\n\
         m,2,u1,一,15.00,good,良好,0,4,false,false,false,15.00,0.00,0.00\n\
         m,3,u2,二,14.99,pass,合格,0,2,false,false,false,14.99,0.00,0.00\n\
         m,4,u4,四,10.00,fail,不合格,0,0,false,false,false,10.00,0.00,0.00\n"
    ));
}

/// 1.2 is scored by deductions from its max (倒扣 down to -2); a bonus part
/// (max 3) and a penalty part (max 4: p1 takes 2 a time up to 3, p2 1 a
/// time up to 6); the highest total 21.
fn floors_and_parts() -> String {
    let lines = "[[section.item]]\nid = \"1.1\"\ntitle = \"一一\"\nmax = 10\nscorers = { office = 1 }\n\
         [[section.item]]\nid = \"1.2\"\ntitle = \"一二\"\nmax = 10\nstart = \"full\"\nfloor = -2\n\
           [[section.item.rule]]\nid = \"err\"\ntext = \"每处扣1分\"\nkind = \"deduct\"\npoints = 1\n";
    let extra = "[[section]]\nid = \"b\"\ntitle = \"加分\"\nkind = \"bonus\"\nmax = 3\n\
         [[section.item]]\nid = \"b1\"\ntitle = \"创新\"\nmax = 5\n\
         [[section]]\nid = \"p\"\ntitle = \"扣分\"\nkind = \"penalty\"\nmax = 4\n\
         [[section.item]]\nid = \"p1\"\ntitle = \"通报\"\nmax = 3\n\
           [[section.item.rule]]\nid = \"n\"\ntext = \"每次扣2分\"\nkind = \"deduct\"\npoints = 2\n\
         [[section.item]]\nid = \"p2\"\ntitle = \"舆情\"\nmax = 6\n\
           [[section.item.rule]]\nid = \"m\"\ntext = \"每次扣1分\"\nkind = \"deduct\"\npoints = 1\n";
    rubric("max_total = 21", "", lines, extra)
}

#[test]
fn floors_penalties_and_the_highest_total() {
    // u1: 1.2 = 10 − 13 = −3, held at the floor −2; scored 10 − 2 = 8; p1 once:
    //     −2; total 8 − 2 = 6 (不合格); deducted 13 + 2 = 15.
    // u2: scored 20, bonus 3: 23 held at max_total 21 (优秀).
    // u3: 1.2 = 9; scored 18; p1 twice (4, the line takes min(3, 4) = 3), p2
    //     three times (3): the part takes min(4, 6) = 4: 14 (合格); deducted 1 + 4 + 3 = 8.
    // u4: 0 + 10 = 10.
    let annual = "unit,item,score\nu1,1.1,10\nu2,1.1,10\nu3,1.1,9\nu4,1.1,0\n";
    let daily = format!(
        "{DAILY}2021-03-01,u1,1.2,,,日常记录,err,13\n2021-03-02,u1,p1,,,日常记录,n,1\n\
         2021-03-03,u2,b1,add,3,日常记录,,\n2021-03-04,u3,1.2,,,网上评测,err,1\n\
         2021-03-05,u3,p1,,,日常记录,n,2\n2021-03-06,u3,p2,,,日常记录,m,3\n"
    );
    score_csv(&floors_and_parts(), annual, &daily, &[]).stdout(format!(
        "{PARTS_HEADER}\
         m,1,u2,二,21.00,excellent,优秀,0,3,false,false,false,20.00,3.00,0.00\n\
         m,2,u3,三,14.00,pass,合格,8,0,false,false,false,18.00,0.00,-4.00\n\
         m,3,u4,四,10.00,fail,不合格,0,0,false,false,false,10.00,0.00,0.00\n\
         m,4,u1,一,6.00,fail,不合格,15,0,false,false,false,8.00,0.00,-2.00\n"
    ));
}

#[test]
fn an_addition_on_a_penalty_line_is_an_error() {
    let daily = format!("{DAILY}2021-03-01,u1,p1,add,1,日常记录,,\n");
    let annual = "unit,item,score\nu1,1.1,10\nu2,1.1,10\nu3,1.1,9\nu4,1.1,0\n";
    let out = score_csv(&floors_and_parts(), annual, &daily, &[]).run();
    assert_eq!(out.status, 2, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr
            .starts_with("错误：d.csv:2:D：p1“通报”是扣分项的项目，只能记核减，不能记“核加”。\n"),
        "{}",
        out.stderr
    );
}

/// 1.2 is scored from the measure 办结率 on `scale`.
fn measured(scale: &str) -> String {
    let lines = format!(
        "[[section.item]]\nid = \"1.1\"\ntitle = \"一一\"\nmax = 10\nscorers = {{ office = 1 }}\n\
         [[section.item]]\nid = \"1.2\"\ntitle = \"一二\"\nmax = 10\nmeasure = \"rate\"\n{scale}\n"
    );
    rubric(
        "[measures]\nrate = { title = \"办结率\", unit = \"%\" }",
        "",
        &lines,
        "",
    )
}

const MEASURES: &str = "单位,指标,数值\n一,rate,91\n二,办结率,96%\n三,rate,95\n四,rate,不涉及\n";

fn measured_case(scale: &str) -> Case {
    measured_as("csv", scale)
}

fn measured_as(format: &str, scale: &str) -> Case {
    let annual = "unit,item,score\nu1,1.1,10\nu2,1.1,10\nu3,1.1,9\nu4,1.1,8\n";
    let daily = format!("{DAILY}2021-03-01,u1,1.2,add,0.005,日常记录,,\n");
    score_as(
        format,
        &measured(scale),
        annual,
        &daily,
        &["--measures", "m.csv"],
    )
    .file("m.csv", MEASURES)
}

#[test]
fn a_linear_measure_reads_exactly_and_rounds_once() {
    // u1: 91 on [[90, 0], [96, 10]]: (91 − 90) × 10 ÷ 6 = 5/3, plus 0.005:
    //     1.671666… → 1.67 (rounding the base first would give 1.67 + 0.005 → 1.68);
    //     total 11.67 (不合格).
    // u2: 96% is 96: 10; 20. u3: 95: 50/6 = 8.333… → 8.33; 17.33 (良好).
    // u4: 不涉及: 1.2 n/a, the total rescaled 8 × 20 ÷ 10 = 16 (良好, scaled).
    measured_case("scale = [[90, 0], [96, 10]]").stdout(format!(
        "{PLAIN_HEADER}\
         m,1,u2,二,20.00,excellent,优秀,0,0,false,false,false\n\
         m,2,u3,三,17.33,good,良好,0,0,false,false,false\n\
         m,3,u4,四,16.00,good,良好,0,0,false,true,false\n\
         m,4,u1,一,11.67,fail,不合格,0,0.005,false,false,false\n"
    ));
}

#[test]
fn a_step_measure_takes_the_step_its_value_is_on() {
    // [[90, 0], [93, 5], [96, 10]] in steps: 91 → 0 (+0.005 → 0.01: 10.01);
    // 96 → 10 (20); 95 → 5 (14, 合格); u4 as before (16).
    measured_case("scale = [[90, 0], [93, 5], [96, 10]]\ninterpolate = \"step\"").stdout(format!(
        "{PLAIN_HEADER}\
         m,1,u2,二,20.00,excellent,优秀,0,0,false,false,false\n\
         m,2,u4,四,16.00,good,良好,0,0,false,true,false\n\
         m,3,u3,三,14.00,pass,合格,0,0,false,false,false\n\
         m,4,u1,一,10.01,fail,不合格,0,0.005,false,false,false\n"
    ));
}

#[test]
fn a_fractional_base_shows_to_six_places_in_json() {
    let out = measured_as("json", "scale = [[90, 0], [96, 10]]").run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let unit = |id: &str| {
        doc["rubrics"][0]["units"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["id"] == id)
            .unwrap()
            .clone()
    };
    let leaf = |u: &serde_json::Value| u["sections"][0]["items"][1].clone();
    // 5/3 = 1.666666… and 50/6 = 8.333333…: six places, half away from zero.
    assert_eq!(leaf(&unit("u1"))["base"], "1.666667");
    assert_eq!(leaf(&unit("u1"))["measure"]["value"], "91");
    assert_eq!(leaf(&unit("u3"))["base"], "8.333333");
    assert_eq!(leaf(&unit("u2"))["base"], "10");
    assert_eq!(leaf(&unit("u4"))["applicable"], false);
}

/// A group g of 1.1 (6) and 1.2 (4, only for class a), and 1.3 (10); u1 is
/// of class a, u2..u4 are not.
fn classes(na: &str) -> String {
    let lines = "[[section.item]]\nid = \"g\"\ntitle = \"组\"\n\
           [[section.item.item]]\nid = \"1.1\"\ntitle = \"一一\"\nmax = 6\nscorers = { office = 1 }\n\
           [[section.item.item]]\nid = \"1.2\"\ntitle = \"一二\"\nmax = 4\nscorers = { office = 1 }\napplies_to = [\"a\"]\n\
         [[section.item]]\nid = \"1.3\"\ntitle = \"一三\"\nmax = 10\nscorers = { office = 1 }\n";
    rubric(&format!("{na}\n[classes]\na = \"甲类\""), "", lines, "")
        .replace("name = \"一\"\n", "name = \"一\"\nclasses = [\"a\"]\n")
}

const CLASS_ANNUAL: &str = "unit,item,score\nu1,1.1,6\nu1,1.2,2\nu1,1.3,7\n\
     u2,1.1,3\nu2,1.3,7\nu3,1.1,6\nu3,1.2,不涉及\nu3,1.3,10\nu4,1.1,0\nu4,1.3,0\n";

fn class_case(na: &str) -> Case {
    score_csv(&classes(na), CLASS_ANNUAL, DAILY, &[])
}

#[test]
fn na_rescale_rescales_the_total_over_the_applicable_lines() {
    // u1 applies everything: 6 + 2 + 7 = 15 (良好).
    // u2: (3 + 7) × 20 ÷ 16 = 12.5 (合格, scaled); u3 (an n/a row for 1.2 is
    // accepted): 16 × 20 ÷ 16 = 20; u4: 0.
    class_case("").stdout(format!(
        "{PLAIN_HEADER}\
         m,1,u3,三,20.00,excellent,优秀,0,0,false,true,false\n\
         m,2,u1,一,15.00,good,良好,0,0,false,false,false\n\
         m,3,u2,二,12.50,pass,合格,0,0,false,true,false\n\
         m,4,u4,四,0.00,fail,不合格,0,0,false,true,false\n"
    ));
}

#[test]
fn na_parent_gives_an_na_lines_points_to_its_siblings() {
    // u2: the group g is rescaled over 1.1: 3 × 10 ÷ 6 = 5; 5 + 7 = 12 (合格),
    // the unit itself not scaled; u3: 6 × 10 ÷ 6 = 10, 20; u4: 0.
    class_case("na = \"parent\"").stdout(format!(
        "{PLAIN_HEADER}\
         m,1,u3,三,20.00,excellent,优秀,0,0,false,false,false\n\
         m,2,u1,一,15.00,good,良好,0,0,false,false,false\n\
         m,3,u2,二,12.00,pass,合格,0,0,false,false,false\n\
         m,4,u4,四,0.00,fail,不合格,0,0,false,false,false\n"
    ));
}

#[test]
fn na_full_counts_an_na_line_at_its_max() {
    // 不涉及的按满分计: u2: 3 + 4 + 7 = 14; u3: 6 + 4 + 10 = 20; u4: 0 + 4 + 0 = 4.
    class_case("na = \"full\"").stdout(format!(
        "{PLAIN_HEADER}\
         m,1,u3,三,20.00,excellent,优秀,0,0,false,false,false\n\
         m,2,u1,一,15.00,good,良好,0,0,false,false,false\n\
         m,3,u2,二,14.00,pass,合格,0,0,false,false,false\n\
         m,4,u4,四,4.00,fail,不合格,0,0,false,false,false\n"
    ));
}

#[test]
fn a_score_for_a_line_a_class_excludes_names_the_rule() {
    let annual = format!("{CLASS_ANNUAL}u2,1.2,3\n");
    let out = score_csv(&classes(""), &annual, DAILY, &[]).run();
    assert_eq!(out.status, 2, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    let rule_line = classes("")
        .lines()
        .position(|l| l.starts_with("applies_to"))
        .unwrap()
        + 1;
    assert!(
        out.stderr.starts_with("错误：a.csv:12:C：")
            && out.stderr.contains(&format!("r.toml:{rule_line}")),
        "{}",
        out.stderr
    );
}

#[test]
fn a_veto_caps_the_total_and_ranks_the_unit_after_the_rest() {
    // Dense ranking. u2 and u3 18 share rank 1 (优秀); the highest rank without a veto is 1.
    // Vetoed: u1 19 capped at 12 (rank 1 + 1 = 2), u4 10 stays 10 (1 + 2 = 3); both 不合格.
    let r = rubric(
        "ranking = \"dense\"\n[veto]\ncap = 12\nrank = \"last\"",
        "",
        TWO_LINES,
        "",
    );
    let a = annual(&[("10", "9"), ("9", "9"), ("9", "9"), ("5", "5")]);
    let daily =
        format!("{DAILY}2021-03-01,u1,,veto,,专项检查,,\n2021-04-01,u4,,一票否决,,日常记录,,\n");
    score_csv(&r, &a, &daily, &[]).stdout(format!(
        "{PLAIN_HEADER}\
         m,1,u2,二,18.00,excellent,优秀,0,0,false,false,false\n\
         m,1,u3,三,18.00,excellent,优秀,0,0,false,false,false\n\
         m,2,u1,一,12.00,fail,不合格,0,0,true,false,false\n\
         m,3,u4,四,10.00,fail,不合格,0,0,true,false,false\n"
    ));
}

#[test]
fn a_veto_may_set_the_total() {
    // 按0分计: both vetoed units count 0 and tie among themselves, after u2 and u3 (competition: 3, 3).
    let r = rubric("[veto]\ntotal = 0\nrank = \"last\"", "", TWO_LINES, "");
    let a = annual(&[("10", "9"), ("9", "9"), ("9", "8"), ("5", "5")]);
    let daily =
        format!("{DAILY}2021-03-01,u1,,veto,,专项检查,,\n2021-04-01,u4,,一票否决,,日常记录,,\n");
    score_csv(&r, &a, &daily, &[]).stdout(format!(
        "{PLAIN_HEADER}\
         m,1,u2,二,18.00,excellent,优秀,0,0,false,false,false\n\
         m,2,u3,三,17.00,good,良好,0,0,false,false,false\n\
         m,3,u1,一,0.00,fail,不合格,0,0,true,false,false\n\
         m,3,u4,四,0.00,fail,不合格,0,0,true,false,false\n"
    ));
}

/// Five units' grades and demotions from `score --format json`.
fn grades_and_demotions(grade_quota: &str, good_quota: &str) -> Vec<(String, String, bool)> {
    let r = rubric("", grade_quota, TWO_LINES, "")
        .replace("min = 15\n", &format!("min = 15\n{good_quota}\n"))
        .replace(
            "[[section]]",
            "[[unit]]\nid = \"u5\"\nname = \"五\"\n[[section]]",
        );
    // Totals: u1 19, u2 18.5, u3 18.5, u4 18, u5 16.
    let a = format!(
        "{}u5,1.1,8\nu5,1.2,8\n",
        annual(&[("10", "9"), ("9", "9.5"), ("9.5", "9"), ("9", "9")])
    );
    let out = score_as("json", &r, &a, DAILY, &[]).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    doc["rubrics"][0]["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["id"].as_str().unwrap().to_string(),
                u["grade"].as_str().unwrap().to_string(),
                u["demoted"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn owned(v: &[(&str, &str, bool)]) -> Vec<(String, String, bool)> {
    v.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), *c))
        .collect()
}

#[test]
fn a_quota_keeps_the_first_units_and_never_splits_a_tie() {
    // 优秀 at most 2 (quota = 2, or 0.5 × 5 = 2.5 → 2): u1, u2, u3, u4 reach it.
    // Places 2 and 3 (u2, u3) tie at 18.5, so both move down: only u1 keeps it;
    // u2, u3 and u4 get 良好, demoted. u5 (16) is 良好 by its total.
    let expected = owned(&[
        ("u1", "excellent", false),
        ("u2", "good", true),
        ("u3", "good", true),
        ("u4", "good", true),
        ("u5", "good", false),
    ]);
    assert_eq!(grades_and_demotions("quota = 2", ""), expected);
    assert_eq!(grades_and_demotions("quota = 0.5", ""), expected);
}

#[test]
fn units_moved_down_count_for_the_next_quota_in_turn() {
    // 良好 at most 1 as well: of u2, u3, u4, u5 (in rank order) the first keeps
    // it, but u2 ties with u3 at 18.5, so both move down; u4 and u5 are past
    // the first one: every one of them gets 合格 (demoted: u5's 16 reaches 良好).
    assert_eq!(
        grades_and_demotions("quota = 2", "quota = 1"),
        owned(&[
            ("u1", "excellent", false),
            ("u2", "pass", true),
            ("u3", "pass", true),
            ("u4", "pass", true),
            ("u5", "pass", true),
        ])
    );
}

#[test]
fn a_zero_record_zeroes_what_it_names_and_keeps_the_na_lines() {
    // u1: zero on the section 基本: 1.1, 1.2 and 1.3 score 0: total 0.
    // u2: zero on the group 组: 1.1 scores 0, 1.2 stays n/a (class);
    //     (0 + 7) × 20 ÷ 16 = 8.75 (na = rescale).
    // u3: zero on 1.3 by its title: 6 + 0 = 6 over 1.1 and 1.3 (1.2 said n/a):
    //     6 × 20 ÷ 16 = 7.5. u4: 0.
    let daily = format!(
        "{DAILY}2021-03-01,u1,基本,此项不得分,,日常记录,,\n2021-03-02,u2,g,zero,0,专项检查,,\n\
         2021-03-03,u3,一三,不得分,,随机抽查,,\n"
    );
    score_csv(&classes(""), CLASS_ANNUAL, &daily, &[]).stdout(format!(
        "{PLAIN_HEADER}\
         m,1,u2,二,8.75,fail,不合格,0,0,false,true,false\n\
         m,2,u3,三,7.50,fail,不合格,0,0,false,true,false\n\
         m,3,u1,一,0.00,fail,不合格,0,0,false,false,false\n\
         m,3,u4,四,0.00,fail,不合格,0,0,false,true,false\n"
    ));
}

#[test]
fn a_zero_record_on_an_na_line_or_with_points_is_an_error() {
    let daily =
        format!("{DAILY}2021-03-01,u2,1.2,zero,,日常记录,,\n2021-03-02,u1,1.1,zero,2,日常记录,,\n");
    let out = score_csv(&classes(""), CLASS_ANNUAL, &daily, &[]).run();
    assert_eq!(out.status, 2, "{}", out.stderr);
    // Both problems, in one run.
    assert_eq!(
        out.stderr,
        "错误：d.csv:2：“二”的 1.2“一二”均不适用于该单位，没有可记“此项不得分”的内容，请删除该条记录。\n\
         错误：d.csv:3:E：“此项不得分”记录不计分值，但本条填写了“2”，请将分值留空或填 0。\n\
         assess：共发现 2 处问题，未进行计算，也未写出任何文件。\n"
    );
}

#[test]
fn a_rubric_with_its_own_methods_takes_only_those() {
    // [methods] replaces the five of the notice: 实地考评 by label or SITE by id
    // (any case) are read; 随机抽查 is not one of this rubric's.
    let r = rubric(
        "[methods]\nsite = \"实地考评\"\nthird = \"第三方评估\"",
        "",
        TWO_LINES,
        "",
    );
    let a = annual(&[("8", "7"), ("8", "6"), ("10", "10"), ("5", "5")]);
    let good = format!(
        "{DAILY}2021-03-01,u1,1.1,deduct,1,实地考评,,\n2021-03-02,u2,1.1,deduct,1,SITE,,\n"
    );
    score_csv(&r, &a, &good, &[]).stdout(format!(
        "{PLAIN_HEADER}\
         m,1,u3,三,20.00,excellent,优秀,0,0,false,false,false\n\
         m,2,u1,一,14.00,pass,合格,1,0,false,false,false\n\
         m,3,u2,二,13.00,pass,合格,1,0,false,false,false\n\
         m,4,u4,四,10.00,fail,不合格,0,0,false,false,false\n"
    ));
    let bad = format!("{DAILY}2021-03-01,u1,1.1,deduct,1,随机抽查,,\n");
    let out = score_csv(&r, &a, &bad, &[]).run();
    assert_eq!(
        out.stderr,
        "错误：d.csv:2:F：方式“随机抽查”无法识别，请填写细则 m 的考核方式：实地考评、第三方评估（也可写作 site、third）。\n\
         assess：共发现 1 处问题，未进行计算，也未写出任何文件。\n"
    );
}

/// Every field `want` lists is in `got` with that value (lists of objects
/// position by position); the problems, as paths.
fn summary_differences(
    path: &str,
    want: &serde_json::Value,
    got: &serde_json::Value,
) -> Vec<String> {
    use serde_json::Value;
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => w
            .iter()
            .flat_map(|(k, v)| match g.get(k) {
                Some(x) => summary_differences(&format!("{path}.{k}"), v, x),
                None => vec![format!("{path}.{k}: absent")],
            })
            .collect(),
        (Value::Array(w), Value::Array(g)) if w.len() == g.len() => w
            .iter()
            .zip(g)
            .enumerate()
            .flat_map(|(i, (a, b))| summary_differences(&format!("{path}[{i}]"), a, b))
            .collect(),
        _ if want == got => Vec::new(),
        _ => vec![format!("{path}: want {want}, got {got}")],
    }
}

#[test]
fn the_specs_worked_case_three_comes_out_as_computed_by_hand() {
    // ../shared/worked/case3, copied: every unit's rank, total, grade, parts,
    // veto, demotion, scaling, and every section's, group's and line's score.
    let dir = format!("{}/tests/fixtures/worked/case3", env!("CARGO_MANIFEST_DIR"));
    let file = |f: &str| format!("{dir}/{f}");
    let out = Case::new()
        .args(&[
            "score",
            "--rubric",
            &file("rubric.toml"),
            "--annual",
            &file("annual.csv"),
            "--daily",
            &file("daily.csv"),
            "--measures",
            &file("measures.csv"),
            "--format",
            "json",
        ])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file("expected-summary.json")).unwrap())
            .unwrap();
    let mut want = expected["rubric.toml"].clone();
    // The summary says "adjusted": false for this run without --adjust (SPEC
    // 20), whose JSON leaves the key out.
    for u in want.as_array_mut().unwrap() {
        u.as_object_mut().unwrap().remove("adjusted");
    }
    let problems = summary_differences("units", &want, &doc["rubrics"][0]["units"]);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_specs_worked_case_three_after_its_review_comes_out_as_computed_by_hand() {
    // The same case with na = "full" and its adjustments (SPEC 20): the
    // units after the review, and each adjustment's from and to.
    let dir = format!("{}/tests/fixtures/worked/case3", env!("CARGO_MANIFEST_DIR"));
    let file = |f: &str| format!("{dir}/{f}");
    let out = Case::new()
        .args(&[
            "score",
            "--rubric",
            &file("rubric-full.toml"),
            "--annual",
            &file("annual.csv"),
            "--daily",
            &file("daily.csv"),
            "--measures",
            &file("measures.csv"),
            "--adjust",
            &file("adjust.csv"),
            "--format",
            "json",
        ])
        .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file("expected-summary.json")).unwrap())
            .unwrap();
    let mut problems = summary_differences(
        "units",
        &expected["rubric-full.toml with adjust.csv"],
        &doc["rubrics"][0]["units"],
    );
    problems.extend(summary_differences(
        "adjustments",
        &expected["adjustments (rubric-full.toml)"],
        &doc["adjustments"],
    ));
    assert_eq!(
        expected["adjustments (rubric-full.toml)"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    assert!(problems.is_empty(), "{problems:#?}");
}
