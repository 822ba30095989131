//! The catalog of bad inputs: each must exit 2, print exactly the errors
//! recorded in tests/snapshots/errors/<test>.en.txt and .zh.txt (file, line,
//! what is wrong, what would be right), print nothing on standard output and
//! write no file. Every message was read and approved by hand: a change to
//! one is a change of the user interface (re-record, then read the diff).

use crate::common;
use common::*;

#[test]
fn unknown_rubric_key() {
    let case = score_case(
        RUBRIC.replace("max_deduct = 3", "maxx = 3"),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn rubric_id_with_capitals() {
    let case = score_case(
        RUBRIC.replace("id = \"t\"", "id = \"T 1\""),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn maxima_do_not_add_up_to_total() {
    let case = score_case(
        RUBRIC.replace("total = 20", "total = 21"),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn total_with_more_places_than_decimals() {
    let case = score_case(
        RUBRIC.replace("total = 20", "total = 20.005"),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn grades_not_descending() {
    let case = score_case(
        RUBRIC.replace("min = 15", "min = 19"),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn last_grade_not_zero() {
    let case = score_case(
        RUBRIC.replace("min = 0", "min = 1"),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn weights_not_adding_to_one() {
    let case = score_case(
        RUBRIC.replace(
            "office = \"0.5\", lead = 0.5",
            "office = \"0.5\", lead = 0.4",
        ),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn item_names_undeclared_scorer() {
    let case = score_case(
        RUBRIC.replace(
            "office = \"0.5\", lead = 0.5",
            "office = \"0.5\", leed = 0.5",
        ),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn unknown_start() {
    let case = score_case(
        RUBRIC.replace("start = \"full\"", "start = \"ful\""),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn start_on_scored_item() {
    let case = score_case(
        RUBRIC.replace("max = 6", "max = 6\n  start = \"zero\""),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn duplicate_item_title() {
    let case = score_case(
        RUBRIC.replace("title = \"政策解读\"", "title = \"组织领导\""),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn duplicate_item_id() {
    let case = score_case(
        RUBRIC.replace("id = \"1.2\"", "id = \"1.1\""),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn duplicate_unit_name() {
    let case = score_case(
        RUBRIC.replace("name = \"二县\"", "name = \"一县\""),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn year_as_text() {
    let case = score_case(
        RUBRIC.replace("year = 2020", "year = \"2020\""),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn rubric_without_title() {
    let case = score_case(
        RUBRIC.replace("title = \"测试细则\"\n", ""),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn period_ends_before_it_starts() {
    let case = score_case(
        RUBRIC.replace(
            "total = 20",
            "total = 20\n[period]\nstart = 2020-12-01\nend = 2020-01-31",
        ),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn toml_syntax_error() {
    let case = score_case(
        RUBRIC.replace("total = 20", "total = 20 20"),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn negative_max() {
    let case = score_case(
        RUBRIC.replace("max = 8", "max = -8"),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn max_not_a_number() {
    let case = score_case(
        RUBRIC.replace("max = 8", "max = \"八\""),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn decimals_out_of_range() {
    let case = score_case(
        RUBRIC.replace("total = 20", "total = 20\ndecimals = 9"),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn unit_without_name() {
    let case = score_case(
        RUBRIC.replace(
            "[[unit]]\nid = \"u1\"\nname = \"一县\"",
            "[[unit]]\nid = \"u1\"",
        ),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn unknown_ranking() {
    let case = score_case(
        RUBRIC.replace("total = 20", "total = 20\nranking = \"olympic\""),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn forty_nines_in_a_rubric() {
    let case = score_case(
        RUBRIC.replace(
            "max_deduct = 3",
            "max_deduct = \"9999999999999999999999999999999999999999\"",
        ),
        FULL_ANNUAL,
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn duplicate_annual_score() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace(
            "u1,1.1,office,8\n",
            "u1,1.1,office,8\n一县,组织领导,办公室,7\n",
        ),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn score_above_max() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace("u1,1.2,office,6", "u1,1.2,office,6.5"),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn unknown_scorer() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace("u1,1.2,lead,6", "u1,1.2,leed,6"),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn scorer_missing_where_item_has_several() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace("u1,1.2,lead,6", "u1,1.2,,6"),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn annual_score_for_daily_only_item() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace("u1,1.1,office,8\n", "u1,1.1,office,8\nu1,2.1,office,3\n"),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn negative_score() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace("u2,1.1,office,8", "u2,1.1,office,-1"),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn na_from_one_scorer_only() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace("u2,1.2,office,6", "u2,1.2,office,n/a"),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn score_not_a_number() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace("u3,1.1,office,8", "u3,1.1,office,八"),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn score_with_exponent() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace("u3,1.1,office,8", "u3,1.1,office,8e0"),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn score_with_forty_nines() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace(
            "u3,1.1,office,8",
            "u3,1.1,office,9999999999999999999999999999999999999999",
        ),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn unknown_unit_suggests_name() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace("u3,1.1,office,8", "三,1.1,office,8"),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn unknown_item_suggests_title() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace("u3,1.1,office,8", "u3,组织,office,8"),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn missing_unit_column() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace("unit,item,scorer,score", "unti,item,scorer,score"),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn duplicate_column() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace("unit,item,scorer,score", "unit,item,scorer,score,得分"),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn row_with_an_extra_cell() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace("u2,1.1,office,8", "u2,1.1,office,8,9"),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

/// A row may leave its last cells off (SPEC 10): they are empty, so a row
/// that drops its score is a missing score, not a short row.
#[test]
fn row_that_leaves_its_last_cells_off() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace("u2,1.1,office,8", "u2,1.1,office"),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn missing_annual_score() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace("u2,1.2,lead,6\n", ""),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn daily_bad_date() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL,
        format!(
            "{DAILY_HEADER}{}",
            "2020-02-30,u1,1.1,deduct,1,daily_record,\n"
        ),
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn daily_date_outside_period() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL,
        format!(
            "{DAILY_HEADER}{}",
            "2021-01-01,u1,1.1,deduct,1,daily_record,\n"
        ),
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn daily_unknown_kind() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL,
        format!(
            "{DAILY_HEADER}{}",
            "2020-05-19,u1,1.1,dedcut,1,daily_record,\n"
        ),
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn daily_unknown_method() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL,
        format!(
            "{DAILY_HEADER}{}",
            "2020-05-19,u1,1.1,deduct,1,spotcheck,\n"
        ),
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn daily_negative_points() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL,
        format!(
            "{DAILY_HEADER}{}",
            "2020-05-19,u1,1.1,deduct,-1,daily_record,\n"
        ),
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn daily_points_with_thousands_separator() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL,
        format!(
            "{DAILY_HEADER}{}",
            "2020-05-19,u1,1.1,deduct,\"1,000\",daily_record,\n"
        ),
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn daily_veto_with_points() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL,
        format!("{DAILY_HEADER}{}", "2020-05-19,u1,,veto,2,daily_record,\n"),
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn daily_deduction_without_item() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL,
        format!(
            "{DAILY_HEADER}{}",
            "2020-05-19,u1,,deduct,2,daily_record,\n"
        ),
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn daily_unknown_unit_without_close_name() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL,
        format!(
            "{DAILY_HEADER}{}",
            "2020-05-19,塔城,1.1,deduct,1,daily_record,\n"
        ),
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn daily_record_on_na_item() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL
            .replace("u3,1.2,office,6", "u3,1.2,office,n/a")
            .replace("u3,1.2,lead,6", "u3,1.2,lead,n/a"),
        format!(
            "{DAILY_HEADER}{}",
            "2020-05-19,u3,政策解读,deduct,1,spot_check,\n"
        ),
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn every_item_na() {
    let case = score_case(
        RUBRIC
            .split("[[section]]\nid = \"s2\"")
            .next()
            .unwrap_or_default()
            .to_string()
            .replace("total = 20", "total = 14")
            .replace("min = 18", "min = 13")
            .replace("min = 15", "min = 11")
            .replace("min = 12", "min = 9"),
        FULL_ANNUAL
            .replace("u3,1.2,office,6", "u3,1.2,office,n/a")
            .replace("u3,1.2,lead,6", "u3,1.2,lead,n/a")
            .replace("u3,1.1,office,8", "u3,1.1,office,n/a"),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn every_problem_of_a_run_together() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL
            .replace("u1,1.2,office,6", "u1,1.2,office,60")
            .replace("u2,1.1,office,8", "二,1.1,office,8"),
        format!(
            "{DAILY_HEADER}{}",
            "2020-05-19,u1,1.1,deduct,1,随机检查,\n2020-05-40,u2,1.1,deduct,1,随机抽查,\n"
        ),
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn annual_file_not_found() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&["score", "--rubric", "r.toml", "--annual", "missing.csv"]);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn rubric_file_not_found() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&["score", "--rubric", "missing.toml", "--annual", "a.csv"]);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn not_utf8_nor_gbk() {
    let case = score_case(
        RUBRIC,
        b"unit,item,scorer,score\nu1,1.1,office,8\nu1,\xff\xff,office,8\n",
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn bom_but_not_utf8() {
    let case = score_case(
        RUBRIC,
        b"\xef\xbb\xbfunit,item,scorer,score\nu1,\xd7\xe9\xd6\xaf\xc1\xec\xb5\xbc,office,8\n",
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn empty_annual_file() {
    let case = score_case(RUBRIC, "\n\n", DAILY_HEADER);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn same_file_twice() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--annual", "./a.csv",
        ]);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn two_rubrics_share_a_unit() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", DAILY_HEADER)
        .file("r2.toml", RUBRIC.replacen("id = \"t\"", "id = \"t2\"", 1))
        .args(&["check", "--rubric", "r.toml", "--rubric", "r2.toml"]);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn unclosed_quote() {
    let case = score_case(
        RUBRIC,
        FULL_ANNUAL.replace("u2,1.1,office,8", "u2,\"1.1,office,8"),
        DAILY_HEADER,
    );
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn no_output_file_is_written_on_bad_input() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("u1,1.1,office,8", "u1,1.1,office,80"),
        )
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--format", "json", "--output",
            "out.json",
        ]);
    let out = case.run();
    assert_eq!(out.status, 2);
    assert!(
        !case.path("out.json").exists(),
        "a failed run left an output file"
    );
    // Nor any temporary file beside it.
    let names: Vec<_> = std::fs::read_dir(case.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "files left: {names:?}");
}

#[test]
fn a_failed_run_keeps_the_previous_output_file() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file(
            "a.csv",
            FULL_ANNUAL.replace("u1,1.1,office,8", "u1,1.1,office,80"),
        )
        .file("out.csv", "previous\n")
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--format", "csv", "--output",
            "out.csv",
        ]);
    assert_eq!(case.run().status, 2);
    assert_eq!(
        std::fs::read_to_string(case.path("out.csv")).unwrap(),
        "previous\n"
    );
}

/// Regression: after CRLF line ends the csv crate counts each record one line
/// short; errors must name the physical line.
#[test]
fn crlf_rows_are_reported_at_their_own_line() {
    let daily = "date,unit,item,kind,points,method\r\n2020-05-19,u1,1.1,deduct,1,spot_check\r\n\r\n2020-05-19,u1,1.1,deduct,1,spotcheck\r\n";
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", daily)
        .args(&[
            "check", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ]);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

/// Regression: a grade may carry its id as its label.
#[test]
fn a_grade_labelled_by_its_own_id_is_fine() {
    Case::new()
        .file(
            "r.toml",
            RUBRIC.replace("label = \"优秀\"", "label = \"excellent\""),
        )
        .file("a.csv", FULL_ANNUAL)
        .args(&[
            "check", "--rubric", "r.toml", "--annual", "a.csv", "--lang", "en",
        ])
        .stdout(snapshot!("en.txt"));
}

/// Regression: csv skips empty lines without counting them; errors after
/// them must still name the physical line (found by the differential tests).
#[test]
fn rows_after_empty_lines_are_reported_at_their_own_line() {
    let annual = "\n\nunit,item,scorer,score\nu1,1.1,office,8\n\n\nu1,1.2,office,abc\n";
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", annual)
        .args(&["check", "--rubric", "r.toml", "--annual", "a.csv"]);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}
