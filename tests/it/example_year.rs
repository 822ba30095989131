//! The shipped example year scores as its published results say. Those were
//! computed by `examples/2020/make_example.py`, an independent implementation.

use crate::common;
use common::*;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn example_args(extra: &[&str]) -> Vec<String> {
    let mut args = vec!["score".to_string()];
    for f in [
        "annual-office.xlsx",
        "annual-lead-counties.csv",
        "annual-lead-departments.csv",
        "annual-service-center.csv",
    ] {
        args.push("--annual".into());
        args.push(format!("{ROOT}/examples/2020/{f}"));
    }
    args.push("--daily".into());
    args.push(format!("{ROOT}/examples/2020/daily.csv"));
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

#[test]
fn totals_grades_and_ranks_match_the_published_file() {
    let args = example_args(&["--format", "csv"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = Case::new().args(&args).run();
    assert_eq!(out.stderr, "");
    assert_eq!(out.status, 0);
    // published.csv: 单位,总分,等次,名次 (unit name, total, grade label, rank)
    let published = std::fs::read_to_string(format!("{ROOT}/examples/2020/published.csv")).unwrap();
    let mut want: Vec<String> = published.lines().skip(1).map(str::to_string).collect();
    let mut got: Vec<String> = out
        .stdout
        .lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            format!("{},{},{},{}", c[3], c[4], c[6], c[1])
        })
        .collect();
    want.sort();
    got.sort();
    assert_eq!(got, want);
}

#[test]
fn the_example_year_checks_clean() {
    let mut args = example_args(&[]);
    args[0] = "check".into();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = Case::new().args(&args).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with(
            "embedded:rubrics/counties.toml：考核细则 counties，共 7 个考核对象、2 项考核内容、18 个考核项目、3 个分组指标、47 条扣分（加分）标准\n"
        ),
        "{}",
        out.stdout
    );
    let mut english = args.clone();
    english.extend(["--lang", "en"]);
    let out = Case::new().args(&english).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with(
            "embedded:rubrics/counties.toml: rubric counties, 7 units, 2 sections, 18 items, 3 groups, 47 rules\n"
        ),
        "{}",
        out.stdout
    );
}

/// The shipped rubrics are written in three levels: under each section the
/// notice's eleven areas (and the bonus item), groups where an area has
/// several leaves, and each group scores the sum of its leaves.
#[test]
fn the_shipped_rubrics_have_the_notices_eleven_areas() {
    let args = example_args(&["--format", "json"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = Case::new().args(&args).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let areas = [
        vec![
            "组织领导",
            "政府信息公开",
            "平台建设",
            "落实“五公开”要求",
            "政策解读",
            "舆情回应",
        ],
        vec![
            "精简行政审批",
            "优化营商环境",
            "激励创业创新",
            "商事制度改革",
            "改善社会服务",
            "工作创新加分",
        ],
    ];
    for rubric in doc["rubrics"].as_array().unwrap() {
        for unit in rubric["units"].as_array().unwrap() {
            for (k, section) in unit["sections"].as_array().unwrap().iter().enumerate() {
                let leaves = section["items"].as_array().unwrap();
                let groups = section["groups"].as_array().unwrap();
                // the second level: top-level groups and leaves, by id
                let mut top: Vec<(String, &str)> = groups
                    .iter()
                    .chain(leaves)
                    .filter(|x| x["parent"].is_null())
                    .map(|x| {
                        (
                            x["id"].as_str().unwrap().to_string(),
                            x["title"].as_str().unwrap(),
                        )
                    })
                    .collect();
                top.sort_by_key(|(id, _)| {
                    id.split('.')
                        .map(|p| p.parse::<u32>().unwrap())
                        .collect::<Vec<_>>()
                });
                let titles: Vec<&str> = top.iter().map(|(_, t)| *t).collect();
                assert_eq!(titles, areas[k], "{} {}", rubric["id"], section["id"]);
                for g in groups {
                    let of: Vec<&serde_json::Value> =
                        leaves.iter().filter(|l| l["parent"] == g["id"]).collect();
                    assert!(!of.is_empty());
                    let sum: rust_decimal::Decimal = of
                        .iter()
                        .map(|l| {
                            l["score"]
                                .as_str()
                                .unwrap()
                                .parse::<rust_decimal::Decimal>()
                                .unwrap()
                        })
                        .sum();
                    let score: rust_decimal::Decimal =
                        g["score"].as_str().unwrap().parse().unwrap();
                    assert_eq!(sum, score, "{} {}", unit["id"], g["id"]);
                    let titles: Vec<&str> =
                        of.iter().map(|l| l["title"].as_str().unwrap()).collect();
                    match g["title"].as_str().unwrap() {
                        "政府信息公开" => assert_eq!(
                            titles[..3],
                            ["主动公开", "依申请公开", "政府信息公开年度报告"]
                        ),
                        "平台建设" => assert_eq!(titles[..2], ["政府网站", "政务新媒体"]),
                        "改善社会服务" => assert_eq!(rubric["id"], "counties"),
                        other => panic!("unexpected group {other}"),
                    }
                }
            }
        }
    }
}

/// The counties' short names (简称) name them as their full names do: the
/// published results written with 塔城, 和丰县 … verify as they stand.
#[test]
fn county_short_names_name_their_units() {
    let published = std::fs::read_to_string(format!("{ROOT}/examples/2020/published.csv")).unwrap();
    let short = [
        ("塔城市", "塔城"),
        ("乌苏市", "乌苏"),
        ("额敏县", "额敏"),
        ("沙湾县", "沙湾"),
        ("托里县", "托里"),
        ("裕民县", "裕民"),
        ("和布克赛尔蒙古自治县", "和丰县"),
    ];
    let mut text = published.clone();
    for (name, alias) in short {
        let from = format!("\n{name},");
        assert!(text.contains(&from), "{name}");
        text = text.replace(&from, &format!("\n{alias},"));
    }
    let mut args = example_args(&["--published", "p.csv"]);
    args[0] = "verify".into();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = Case::new().file("p.csv", text).args(&args).run();
    assert_eq!(out.status, 0, "{}{}", out.stdout, out.stderr);
}

/// The example's daily records name the rule they fall under and a count
/// where the item's criteria are per instance (SPEC 9): most by the rule's
/// id, some by its full text; most leave the points to the rule, some write
/// them (equal to count × the rule's points, which the checks above hold);
/// some leave the kind to the rule. Only the veto has no rule.
#[test]
fn the_example_daily_records_name_rules_and_counts() {
    let daily = std::fs::read_to_string(format!("{ROOT}/examples/2020/daily.csv")).unwrap();
    let rubrics = [
        std::fs::read_to_string(format!("{ROOT}/rubrics/counties.toml")).unwrap(),
        std::fs::read_to_string(format!("{ROOT}/rubrics/departments.toml")).unwrap(),
    ];
    let mut lines = daily.lines();
    assert_eq!(
        lines.next(),
        Some("日期,单位,项目,类型,分值,方式,说明,规则,次数")
    );
    let (mut by_id, mut by_text, mut with_points, mut without_points) = (0, 0, 0, 0);
    let (mut kind_empty, mut counts_over_one, mut without_rule) = (0, 0, 0);
    for line in lines {
        let c: Vec<&str> = line.split(',').collect();
        assert_eq!(c.len(), 9, "{line}");
        let (kind, points, rule, count) = (c[3], c[4], c[7], c[8]);
        if rule.is_empty() {
            assert_eq!((kind, points, count), ("一票否决", "", ""), "{line}");
            without_rule += 1;
            continue;
        }
        if rule.is_ascii() {
            assert!(
                rubrics
                    .iter()
                    .any(|r| r.contains(&format!("id = \"{rule}\""))),
                "{line}"
            );
            by_id += 1;
        } else {
            assert!(
                rubrics
                    .iter()
                    .any(|r| r.contains(&format!("text = \"{rule}\""))),
                "{line}"
            );
            by_text += 1;
        }
        if points.is_empty() {
            without_points += 1;
        } else {
            with_points += 1;
        }
        if kind.is_empty() {
            kind_empty += 1;
        } else {
            assert!(kind == "核减" || kind == "核加", "{line}");
        }
        if count != "1" {
            counts_over_one += 1;
        }
    }
    assert_eq!((by_id, by_text, without_rule), (276, 25, 1));
    assert_eq!((with_points, without_points, kind_empty), (79, 222, 89));
    assert_eq!(counts_over_one, 10);
}

/// `explain` shows each record's rule and count and each rule's sum: 沙湾县
/// has a guide record written by the rule's text with count 3, and its bonus
/// records under two rules add up past the item's cap.
#[test]
fn explain_shows_the_example_records_rules() {
    let daily = format!("{ROOT}/examples/2020/daily.csv");
    let mut args = example_args(&["沙湾县", "2.6"]);
    args[0] = "explain".into();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Case::new()
        .args(&args)
        .stdout(snapshot!("zh.txt").with("{daily}", &daily));

    let mut args = example_args(&["shawan"]);
    args[0] = "explain".into();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = Case::new().args(&args).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    for line in [
        format!("  日常考核：2020-08-05 网上评测 核减 0.3 分（按扣分标准 guide 计 3 次）（3项政务服务事项办事指南要素缺漏（塔行办通报〔2020〕42号））    {daily}:138"),
        "  扣分标准 guide（政务服务事项认领、办事指南要素完整准确的得2分，每缺漏或错误1项扣0.1分）：合计 0.3 → 计 0.3".to_string(),
        format!("  日常考核：2020-08-14 网上评测 核减 0.5 分（按扣分标准 typo 计 1 次）（网站信息出现错别字1处（塔行办通报〔2020〕42号））    {daily}:150"),
        "  扣分标准 stale（首页栏目超过2周未更新的，每个扣0.5分）：合计 0.5 → 计 0.5".to_string(),
        "  扣分标准 typo（出现错别字、严重表述错误的，每处扣0.5分）：合计 0.5 → 计 0.5".to_string(),
        "  核减 1（上限 5）→ 1".to_string(),
        "总分 = 50.00 + 39.10 = 89.10".to_string(),
    ] {
        assert!(out.stdout.lines().any(|l| l == line), "{line}\n{}", out.stdout);
    }

    let mut args = example_args(&["shawan", "2.5.2", "--lang", "en"]);
    args[0] = "explain".into();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = Case::new().args(&args).run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    for line in [
        format!("  daily: 2020-08-05 online evaluation, deduction 0.3 by deduct rule guide × 3 (3项政务服务事项办事指南要素缺漏（塔行办通报〔2020〕42号）)    {daily}:138"),
        "  deduct rule guide (政务服务事项认领、办事指南要素完整准确的得2分，每缺漏或错误1项扣0.1分): 0.3 → counts 0.3".to_string(),
        "  deducted 0.3 (cap 8) → 0.3".to_string(),
    ] {
        assert!(out.stdout.lines().any(|l| l == line), "{line}\n{}", out.stdout);
    }
}

/// The example year ships in both layouts: the scorers' sheets as offices
/// return them (the office's wide workbook, the lead units' wide GBK CSVs)
/// and the same scores as long tables. Every number comes out the same.
#[test]
fn the_wide_sheets_and_the_long_tables_score_alike() {
    let ex = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/2020");
    let run = |annual: &[&str]| {
        let mut args = vec!["score".to_string(), "--format".into(), "json".into()];
        for a in annual {
            args.extend(["--annual".to_string(), format!("{ex}/{a}")]);
        }
        args.extend(["--daily".to_string(), format!("{ex}/daily.csv")]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = Case::new().args(&args).run();
        assert_eq!((out.status, out.stderr.as_str()), (0, ""));
        let mut doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        doc.as_object_mut().unwrap().remove("inputs");
        doc
    };
    let wide = run(&[
        "annual-office.xlsx",
        "annual-lead-counties.csv",
        "annual-lead-departments.csv",
        "annual-service-center.csv",
    ]);
    let long = run(&[
        "annual-office.csv",
        "annual-lead.csv",
        "annual-service-center.csv",
    ]);
    assert_eq!(wide, long);
}
