//! The review (SPEC 20, 复核调整) through the binary on the example year and
//! `examples/2020/adjust.csv` (two rescores, one withdrawal): every output's
//! part of it, in both languages, and the adjustments table's errors, all
//! in one run.
//!
//! The expected numbers are worked by hand from the example's published
//! results: 沙湾县 89.10 + 0.5 (1.2.1: 11.5 → 12, less its 0.5 deduction,
//! 11.00 → 11.50) + 0.5 (1.3.1: the 0.5 typo deduction withdrawn, 3.50 →
//! 4.00) = 90.10, 优秀; 地区统计局 51.47 + 1 (1.2.1: 8.5 → 9.5) = 52.47.

use crate::common;
use common::*;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn inputs() -> Vec<String> {
    let mut args = Vec::new();
    for f in [
        "annual-office.xlsx",
        "annual-lead-counties.csv",
        "annual-lead-departments.csv",
        "annual-service-center.csv",
    ] {
        args.push("--annual".to_string());
        args.push(format!("{ROOT}/examples/2020/{f}"));
    }
    args.push("--daily".to_string());
    args.push(format!("{ROOT}/examples/2020/daily.csv"));
    args
}

fn with_review(command: &[&str], more: &[&str]) -> Case {
    let mut args: Vec<String> = command.iter().map(|s| s.to_string()).collect();
    args.extend(inputs());
    args.push("--adjust".to_string());
    args.push(format!("{ROOT}/examples/2020/adjust.csv"));
    args.extend(more.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    Case::new().args(&refs)
}

/// The review's lines at the end of the counties' table (the first rubric).
fn counties_review(out: &str) -> String {
    let counties = &out[..out.find("\n\n").unwrap_or(out.len())];
    counties
        .lines()
        .skip_while(|l| !l.starts_with("‡"))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn the_table_marks_the_adjusted_units_and_lists_the_review() {
    let out = with_review(&["score"], &[]).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "│    3 ┆ 沙湾县‡              ┆    51.00 ┆        39.10 ┆  2.3 ┆    3 ┆ 90.10 ┆ 优秀"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("│   24 ┆ 地区统计局‡"),
        "{}",
        out.stdout
    );
    assert_text(
        &counties_review(&out.stdout),
        "‡ 复核调整：标注的单位经复核调整了 2 项，逐项如下：\n\
         \x20 沙湾县 1.2.1 主动公开：行政公署办公室考核组评分由11.5分调整为12分（公示期间沙湾县补充提供疫情防控信息公开台账，复核确认已按要求主动公开；塔行办复核〔2021〕1号）\n\
         \x20 沙湾县 1.3.1 政府网站：撤销 2020-08-14 核减 0.5 分的记录（经核实错别字出自转载的上级文件原文，不属于本单位责任；塔行办复核〔2021〕1号）\n",
    );
    let en = with_review(&["score"], &["--lang", "en"]).run();
    assert_text(
        &counties_review(&en.stdout),
        "‡ Review: 2 changes to the marked units, each below:\n\
         \x20 沙湾县 1.2.1 主动公开: 行政公署办公室考核组's score from 11.5 to 12 (公示期间沙湾县补充提供疫情防控信息公开台账，复核确认已按要求主动公开; 塔行办复核〔2021〕1号)\n\
         \x20 沙湾县 1.3.1 政府网站: the deduction of 0.5 on 2020-08-14 withdrawn (经核实错别字出自转载的上级文件原文，不属于本单位责任; 塔行办复核〔2021〕1号)\n",
    );
}

#[test]
fn the_json_lists_every_adjustment_in_the_order_given() {
    let out = with_review(&["score", "--format", "json"], &[]).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let adjust = format!("{ROOT}/examples/2020/adjust.csv");
    let expected = serde_json::json!([
        {"unit": "shawan", "item": "1.2.1", "action": "rescore", "scorer": "office", "date": null,
         "kind": null, "from": "11.5", "to": "12",
         "reason": "公示期间沙湾县补充提供疫情防控信息公开台账，复核确认已按要求主动公开",
         "document": "塔行办复核〔2021〕1号", "source": format!("{adjust}:2")},
        {"unit": "tjj", "item": "1.2.1", "action": "rescore", "scorer": "office", "date": null,
         "kind": null, "from": "8.5", "to": "9.5",
         "reason": "评分时遗漏已报送的公开台账，复核确认台账齐全",
         "document": "塔行办复核〔2021〕2号", "source": format!("{adjust}:3")},
        {"unit": "shawan", "item": "1.3.1", "action": "withdraw", "scorer": null,
         "date": "2020-08-14", "kind": "deduct", "from": "0.5", "to": null,
         "reason": "经核实错别字出自转载的上级文件原文，不属于本单位责任",
         "document": "塔行办复核〔2021〕1号", "source": format!("{adjust}:4")},
    ]);
    assert_eq!(doc["adjustments"], expected);
    let adjusted: Vec<(&str, &str, bool)> = doc["rubrics"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["units"].as_array().unwrap())
        .filter(|u| u["adjusted"] == true)
        .map(|u| {
            (
                u["id"].as_str().unwrap(),
                u["total"].as_str().unwrap(),
                u["grade"] == "excellent",
            )
        })
        .collect();
    assert_eq!(
        adjusted,
        vec![("shawan", "90.10", true), ("tjj", "52.47", false)]
    );
    // Without --adjust, the JSON says nothing of a review.
    let mut args = vec!["score".to_string(), "--format".into(), "json".into()];
    args.extend(inputs());
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let plain = Case::new().args(&refs).run();
    assert!(
        !plain.stdout.contains("\"adjust"),
        "{}",
        &plain.stdout[..400]
    );
}

#[test]
fn explain_shows_each_adjustment_where_it_acts() {
    let out = with_review(&["explain", "沙湾县"], &[]).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let review: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains("复核调整"))
        .collect();
    let adjust = format!("{ROOT}/examples/2020/adjust.csv");
    let daily = format!("{ROOT}/examples/2020/daily.csv");
    assert_eq!(
        review,
        vec![
            format!(
                "  复核调整：行政公署办公室考核组评分由11.5分调整为12分（公示期间沙湾县补充提供疫情防控信息公开台账，复核确认已按要求主动公开；塔行办复核〔2021〕1号）    {adjust}:2"
            ),
            format!(
                "  复核调整：撤销 2020-08-14 核减 0.5 分的记录（{daily}:150；经核实错别字出自转载的上级文件原文，不属于本单位责任；塔行办复核〔2021〕1号）    {adjust}:4"
            ),
        ]
    );
    assert!(
        out.stdout.contains("总分 = 51.00 + 39.10 = 90.10"),
        "{}",
        out.stdout
    );
}

#[test]
fn verify_tells_the_reviews_changes_from_mismatches() {
    // The published table is the first result: its three differences from the
    // reviewed one are the review's, and verify passes.
    let published = format!("{ROOT}/examples/2020/published.csv");
    let out = with_review(&["verify", "--published", &published], &[]).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let lines: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| !l.starts_with("    "))
        .collect();
    assert_eq!(
        lines,
        vec![
            format!("{published}:4：沙湾县（shawan）复核后变动：总分不一致：公布 89.10，重算 90.10，相差 -1.00"),
            format!("{published}:4：沙湾县（shawan）复核后变动：等次不一致：公布“良好”，重算为 优秀（excellent，总分 90.10）"),
            format!("{published}:32：地区统计局（tjj）复核后变动：总分不一致：公布 51.47，重算 52.47，相差 -1.00"),
            "共核对 31 个单位：3 处为复核后变动（公布的是复核前的结果，复核调整说明了差异），其余全部一致。".to_string(),
        ]
    );
    // A published value neither result has fails as before.
    let dir = tempfile::tempdir().unwrap();
    let edited = dir.path().join("p.csv");
    let text = std::fs::read_to_string(&published)
        .unwrap()
        .replace("塔城市,94.03", "塔城市,94.02");
    std::fs::write(&edited, text).unwrap();
    let out = with_review(&["verify", "--published", edited.to_str().unwrap()], &[]).run();
    assert_eq!(out.status, 1, "{}", out.stdout);
    assert!(
        out.stdout.ends_with("共核对 31 个单位：3 处为复核后变动（公布的是复核前的结果，复核调整说明了差异），另有 1 处不一致，复核调整不能说明。\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_first_result_as_previous_lists_exactly_the_changed_units() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.json");
    let mut args = vec![
        "score".to_string(),
        "-o".into(),
        first.display().to_string(),
    ];
    args.extend(inputs());
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_eq!(Case::new().args(&refs).run().status, 0);
    let out = with_review(
        &["score", "--format", "csv"],
        &["--previous", first.to_str().unwrap()],
    )
    .run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    // Columns: … previous_total,change,previous_rank,rank_change.
    let changed: Vec<String> = out
        .stdout
        .lines()
        .skip(1)
        .filter_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            let change = c[c.len() - 3];
            (change != "0.00" || c[c.len() - 1] != "0")
                .then(|| format!("{} {change} {}", c[3], c[c.len() - 1]))
        })
        .collect();
    assert_eq!(changed, vec!["沙湾县 1.00 0", "地区统计局 1.00 0"]);
}

#[test]
fn the_workbook_has_a_review_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("r.xlsx");
    let out = with_review(&["score", "-o", book.to_str().unwrap()], &[]).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let workbook = zip_member(&book, "xl/workbook.xml");
    assert!(workbook.contains("name=\"复核调整\""), "{workbook}");
    let strings = zip_member(&book, "xl/sharedStrings.xml");
    for s in [
        "调整方式",
        "改分",
        "撤销记录",
        "塔行办复核〔2021〕2号",
        "沙湾县‡",
    ] {
        assert!(strings.contains(s), "{s}");
    }
}

#[test]
fn the_notice_counts_the_review_and_lists_it_in_an_annex() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("pub");
    let out = with_review(&["publish", "-o", folder.to_str().unwrap()], &[]).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let md = std::fs::read_to_string(folder.join("通报.md")).unwrap();
    assert!(
        md.contains("调整了2个单位的3项得分（见附件3），以下均为复核后的结果。"),
        "{md}"
    );
    assert!(md.contains("3.复核调整情况"), "{md}");
    let annex = &md[md.find("## 附件3\n\n**复核调整情况**").expect("annex")..];
    assert!(
        annex.contains(
            "| 1 | 沙湾县 | 1.2.1 主动公开：行政公署办公室考核组评分由11.5分调整为12分 |"
        ),
        "{annex}"
    );
    assert!(
        annex.contains("| 3 | 沙湾县 | 1.3.1 政府网站：撤销 2020-08-14 核减 0.5 分的记录 |"),
        "{annex}"
    );
    let feedback = zip_member(&folder.join("反馈/沙湾县.xlsx"), "xl/sharedStrings.xml");
    assert!(feedback.contains("复核前总分"), "{feedback}");
}

#[test]
fn every_problem_of_an_adjustments_table_in_one_run() {
    let table = "单位,项目,调整方式,评分单位,得分,日期,类型,分值,规则,理由,文号\n\
         沙湾县,1.2.1,改分,行政公署办公室考核组,13,,,,,超出分值,\n\
         沙湾县,1.1,重算,,,,,,,未知方式,\n\
         沙湾县,1.1,改分,,5,,,,,,\n\
         沙湾县,政府网站,撤销,,,2020-08-15,核减,,,没有这条,\n\
         沙湾县,1.2.2,改分,行政公署办公室考核组,5,,,,,第一次,\n\
         沙湾县,1.2.2,改分,行政公署办公室考核组,4.5,,,,,第二次,\n";
    let mut args = vec!["check".to_string()];
    args.extend(inputs());
    args.extend(["--adjust".to_string(), "a.csv".to_string()]);
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = Case::new().file("a.csv", table).args(&refs).run();
    assert_eq!(out.status, 2, "{}", out.stdout);
    assert_eq!(out.stdout, "");
    assert_text(
        &out.stderr,
        "错误：a.csv:2:E：得分 13 超出 0 至 12 的范围（项目 1.2.1“主动公开”分值为 12 分），请核实。\n\
         错误：a.csv:3:C：调整方式“重算”无法识别，请填写改分（调整得分，rescore）或撤销（撤销记录，withdraw）。\n\
         错误：a.csv:4:J：每项复核调整都须写明理由，请在“理由”栏填写。\n\
         错误：a.csv:5：没有与之对应的日常考核记录（“沙湾县”，2020-08-15，核减，以及所填项目、分值、规则），请核对后重填。\n\
         错误：a.csv:7：“沙湾县”项目 1.2.2 由行政公署办公室考核组评的得分已在 a.csv:6 调整过，同一得分只能调整一次。\n\
         assess：共发现 5 处问题，未进行计算，也未写出任何文件。\n",
    );
}
