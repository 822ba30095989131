//! The shipped example year scores as its published results say. Those were
//! computed by `examples/2020/make_example.py`, an independent implementation.

mod common;
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
