//! The second example year (examples/2021): a rubric with every mechanic of
//! part three (SPEC 16-19). Its results are published in
//! `examples/2021/published.csv` (the tool and tools/oracle agree on them),
//! and its README works three units through by hand. The numbers below are
//! those hand values, written out here, not read from the tool: if the tool
//! ever computes something else, these tests fail.

use crate::common;
use common::*;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The inputs of the year, as the README's commands give them.
fn inputs() -> Vec<String> {
    let ex = format!("{ROOT}/examples/2021");
    [
        "--rubric".to_string(),
        format!("{ex}/rubric.toml"),
        "--annual".into(),
        format!("{ex}/annual-office.csv"),
        "--annual".into(),
        format!("{ex}/annual-lead.csv"),
        "--daily".into(),
        format!("{ex}/daily.csv"),
        "--measures".into(),
        format!("{ex}/measures.xlsx"),
    ]
    .into()
}

/// Runs `command` on the year's inputs with `extra` arguments.
fn run(command: &str, extra: &[&str]) -> Outcome {
    let mut args = vec![command.to_string()];
    args.extend(inputs());
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Case::new().args(&args).run()
}

#[test]
fn the_2021_results_verify_against_the_published_file() {
    let published = format!("{ROOT}/examples/2021/published.csv");
    let out = run("verify", &["--published", &published]);
    assert_eq!(out.stderr, "");
    assert_eq!(out.status, 0, "{}", out.stdout);
    assert_eq!(out.stdout, "共核对 8 个单位，全部一致。\n");

    // The CSV result holds exactly the published rows (unit, total, grade, rank).
    let out = run("score", &["--format", "csv"]);
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    let mut lines = out.stdout.lines();
    assert_eq!(
        lines.next(),
        Some(
            "rubric,rank,unit_id,unit,total,grade,grade_label,deducted,added,veto,scaled,provisional,scored,bonus,penalty"
        )
    );
    let got: Vec<String> = lines
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            format!("{},{},{},{}", c[3], c[4], c[6], c[1])
        })
        .collect();
    let text = std::fs::read_to_string(&published).unwrap();
    let want: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(got, want);

    // verify catches what the quota and the veto change: 地区发展和改革委员会
    // reaches 90 but is third of the units that do, and 地区市场监督管理局's
    // 93.55 is capped at 59.00 and ranked last.
    for (from, to) in [
        (
            "地区发展和改革委员会,95.74,良好,3",
            "地区发展和改革委员会,95.74,优秀,3",
        ),
        (
            "地区市场监督管理局,59.00,不合格,8",
            "地区市场监督管理局,93.55,不合格,8",
        ),
        (
            "地区市场监督管理局,59.00,不合格,8",
            "地区市场监督管理局,59.00,不合格,7",
        ),
    ] {
        assert!(text.contains(from), "{from}");
        let changed = text.replace(from, to);
        let mut args = vec!["verify".to_string()];
        args.extend(inputs());
        args.extend(["--published".to_string(), "p.csv".into()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = Case::new().file("p.csv", changed).args(&args).run();
        assert_eq!(out.status, 1, "{to}: {}{}", out.stdout, out.stderr);
    }
}

/// The unit of the JSON result with this id.
fn unit<'a>(doc: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    doc["rubrics"][0]["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == id)
        .unwrap_or_else(|| panic!("no unit {id}"))
}

/// A section of a unit, by id.
fn section<'a>(u: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    u["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no section {id}"))
}

/// A leaf or a group of a unit, by id.
fn line<'a>(u: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    u["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            s["items"]
                .as_array()
                .unwrap()
                .iter()
                .chain(s["groups"].as_array().unwrap())
        })
        .find(|x| x["id"] == id)
        .unwrap_or_else(|| panic!("no line {id}"))
}

/// Asserts a unit's summary: total, grade, rank, scored, bonus, penalty.
fn summary(
    u: &serde_json::Value,
    (total, grade, rank): (&str, &str, u64),
    (scored, bonus, penalty): (&str, &str, &str),
) {
    let id = u["id"].as_str().unwrap();
    assert_eq!(u["total"], total, "{id} total");
    assert_eq!(u["grade_label"], grade, "{id} grade");
    assert_eq!(u["rank"], rank, "{id} rank");
    assert_eq!(u["scored"], scored, "{id} scored");
    assert_eq!(u["bonus"], bonus, "{id} bonus");
    assert_eq!(u["penalty"], penalty, "{id} penalty");
}

/// The three units worked by hand in examples/2021/README.md, and the other
/// units' points the README makes.
#[test]
fn the_hand_worked_units_of_the_readme() {
    let out = run("score", &["--format", "json"]);
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();

    // 一、地区发展和改革委员会: n/a lines' points to their siblings, a measure
    // with a fractional base, a counted bonus, moved down by the quota.
    let fgw = unit(&doc, "fgw");
    summary(fgw, ("95.74", "良好", 3), ("93.24", "2.50", "0.00"));
    assert_eq!(fgw["demoted"], true);
    assert_eq!(
        (&fgw["veto"], &fgw["scaled"]),
        (&false.into(), &false.into())
    );
    assert_eq!(line(fgw, "1.2.1")["score"], "9.10"); // 9.5 − 2 × 0.2
    assert_eq!(line(fgw, "1.2.4")["applicable"], false);
    // round(19.10 × 26 ÷ 20)
    assert_eq!(line(fgw, "1.2")["score"], "24.83");
    assert_eq!(line(fgw, "1.2")["scaled"], true);
    assert_eq!(section(fgw, "openness")["score"], "57.43");
    assert_eq!(line(fgw, "2.1.1")["base"], "4.48"); // 0.6 × 4.8 + 0.4 × 4
    let good = line(fgw, "2.2.1");
    assert_eq!(good["measure"]["value"], "96.875");
    assert_eq!(good["base"], "7.875"); // (96.875 − 89) × 10 ÷ 10
    assert_eq!(good["score"], "7.88");
    let on_time = line(fgw, "2.2.2"); // a percentage cell 0.985 shown as 98.5%
    assert_eq!(on_time["measure"]["value"], "98.5");
    assert_eq!(on_time["score"], "10.00");
    assert_eq!(line(fgw, "2.3")["applicable"], false);
    // round((8.98 + 17.88) × 40 ÷ 30) = round(35.8133…)
    let reform = section(fgw, "reform");
    assert_eq!(
        (&reform["score"], &reform["scaled"]),
        (&"35.81".into(), &true.into())
    );
    let bonus = section(fgw, "bonus");
    assert_eq!(
        (&bonus["score"], &bonus["counted"]),
        (&"2.50".into(), &true.into())
    );

    // 二、地区交通运输局: the floor, a penalty, a bonus held back by the gate.
    let jtysj = unit(&doc, "jtysj");
    summary(jtysj, ("74.90", "合格", 6), ("77.90", "0.00", "-3.00"));
    let media = line(jtysj, "1.3.2"); // 4 − 4 × 2 = −4, clamped to −2
    assert_eq!(
        (&media["base"], &media["deducted"]),
        (&"4".into(), &"8".into())
    );
    assert_eq!(media["score"], "-2.00");
    assert_eq!(line(jtysj, "1.3")["score"], "5.50");
    assert_eq!(section(jtysj, "openness")["score"], "48.00");
    assert_eq!(line(jtysj, "2.1.1")["score"], "3.80"); // 4.3 − 0.5
    let good = line(jtysj, "2.2.1"); // a percentage cell 0.946 shown as 94.60%
    assert_eq!(good["measure"]["value"], "94.6");
    assert_eq!(good["score"], "5.60");
    assert_eq!(line(jtysj, "2.2.2")["score"], "7.00"); // 96.2: the 95 step
    assert_eq!(section(jtysj, "reform")["score"], "29.90");
    let bonus = section(jtysj, "bonus");
    assert_eq!(
        (&bonus["score"], &bonus["counted"]),
        (&"1.50".into(), &false.into())
    );
    assert_eq!(line(jtysj, "4.1")["score"], "-3.00");
    assert_eq!(section(jtysj, "penalty")["score"], "-3.00");

    // 三、地区市场监督管理局: vetoed, 93.55 capped at 59, ranked after the
    // seven units without a veto (地区生态环境局 has 56.75).
    let scjgj = unit(&doc, "scjgj");
    summary(scjgj, ("59.00", "不合格", 8), ("92.55", "1.00", "0.00"));
    assert_eq!(scjgj["veto"], true);
    assert_eq!(section(scjgj, "openness")["score"], "53.50");
    assert_eq!(section(scjgj, "reform")["score"], "39.05");
    assert_eq!(line(scjgj, "2.3")["base"], "9.75"); // 0.5 × 10 + 0.5 × 9.5

    // The other units' points.
    let sjj = unit(&doc, "sjj"); // the whole reform section n/a: round(57.85 × 100 ÷ 60)
    summary(sjj, ("97.42", "优秀", 2), ("96.42", "1.00", "0.00"));
    assert_eq!(sjj["scaled"], true);
    assert_eq!(line(sjj, "1.2")["score"], "25.35");
    assert_eq!(section(sjj, "openness")["score"], "57.85");
    let tjj = unit(&doc, "tjj"); // 此项不得分 on 1.2.3; reform round(8.75 × 40 ÷ 10)
    summary(tjj, ("78.40", "合格", 5), ("78.40", "0.00", "0.00"));
    let report = line(tjj, "1.2.3");
    assert_eq!(
        (&report["zeroed"], &report["score"]),
        (&true.into(), &"0.00".into())
    );
    assert_eq!(section(tjj, "reform")["score"], "35.00");
    let jyj = unit(&doc, "jyj"); // the text "97%": the 95 step
    summary(jyj, ("85.07", "良好", 4), ("85.07", "0.00", "0.00"));
    assert_eq!(line(jyj, "2.2.2")["measure"]["value"], "97");
    assert_eq!(line(jyj, "2.2.2")["score"], "7.00");
    assert_eq!(section(jyj, "reform")["score"], "32.67");
    let sthjj = unit(&doc, "sthjj"); // 好评率 88.6 below the scale; two criticisms
    summary(sthjj, ("56.75", "不合格", 7), ("64.75", "0.00", "-8.00"));
    assert_eq!(line(sthjj, "2.2.1")["score"], "0.00");
    assert_eq!(line(sthjj, "4.1")["score"], "-6.00");
    let zrzyj = unit(&doc, "zrzyj");
    summary(zrzyj, ("99.25", "优秀", 1), ("95.75", "3.50", "0.00"));
}

/// The scorers' sheets are the tool's wide templates filled in: the same
/// title block and header, and 不涉及 (and every other cell the template
/// fills) where the template puts it.
#[test]
fn the_annual_sheets_are_filled_templates() {
    let rubric = format!("{ROOT}/examples/2021/rubric.toml");
    for (scorer, file) in [
        ("office", "annual-office.csv"),
        ("lead_unit", "annual-lead.csv"),
    ] {
        let template = Case::new()
            .args(&[
                "template", "annual", "--rubric", &rubric, "--layout", "wide", "--scorer", scorer,
            ])
            .run();
        assert_eq!((template.status, template.stderr.as_str()), (0, ""));
        let filled = std::fs::read_to_string(format!("{ROOT}/examples/2021/{file}")).unwrap();
        let filled = filled.strip_prefix('\u{feff}').expect("a BOM");
        let (t, f): (Vec<&str>, Vec<&str>) =
            (template.stdout.lines().collect(), filled.lines().collect());
        assert_eq!(t.len(), f.len(), "{file}");
        assert_eq!(t[..5], f[..5], "{file}: the title block and the header");
        let mut not_applicable = 0;
        for (t, f) in t[5..].iter().zip(&f[5..]) {
            let (t, f): (Vec<&str>, Vec<&str>) = (t.split(',').collect(), f.split(',').collect());
            assert_eq!(t.len(), f.len(), "{file}: {f:?}");
            for (a, b) in t.iter().zip(&f) {
                if !a.is_empty() {
                    assert!(
                        b.starts_with(a),
                        "{file}: {a:?} in the template, {b:?} filled"
                    );
                }
                if *b == "不涉及" {
                    assert_eq!(a, b, "{file}: 不涉及 where the template has none");
                    not_applicable += 1;
                }
            }
        }
        assert_eq!(
            not_applicable,
            if scorer == "office" { 8 } else { 7 },
            "{file}"
        );
    }
}
