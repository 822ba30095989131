//! The shipped example year scores as its published results say. Those were
//! computed by `examples/2020/make_example.py`, an independent implementation.

mod common;
use common::*;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn example_args(extra: &[&str]) -> Vec<String> {
    let mut args = vec!["score".to_string()];
    for f in [
        "annual-office.csv",
        "annual-lead.csv",
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
            "embedded:rubrics/counties.toml：考核细则 counties，共 7 个考核对象、2 项考核内容、18 个考核项目\n"
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
            "embedded:rubrics/counties.toml: rubric counties, 7 units, 2 sections, 18 items\n"
        ),
        "{}",
        out.stdout
    );
}
