//! The auditor's tools through the real binary: verify, explain, template
//! and rubric, on a small year worked out by hand.
//!
//! The year (test rubric, scale 20):
//! - 一县 u1: 1.1 = 7.5 − min(2 + 2, cap 3) = 4.50; 1.2 = 0.5 × 5.55 + 0.5 × 5.42
//!   = 5.485 -> 5.49; 2.1 = 4; 2.2 = min(1 + 1, cap 1.5) = 1.50; total 15.49 (良好).
//! - 二县 u2: 1.2 n/a; 8 + 4 + 0 = 12 of 14, rescaled 12 × 20 / 14 = 17.142… -> 17.14 (良好).
//! - 三县 u3: 6 + 6 + (4 − 5 -> 0) + 0 = 12.00, vetoed: 不合格, rank 3.

use crate::common;
use common::*;

const ANNUAL: &str = include_str!("../fixtures/audit/annual.csv");

const DAILY: &str = include_str!("../fixtures/audit/daily.csv");

const INPUTS: [&str; 6] = [
    "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
];

fn year(command: &[&str]) -> Case {
    let mut args = command.to_vec();
    args.extend(INPUTS);
    Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", ANNUAL)
        .file("d.csv", DAILY)
        .args(&args)
}

fn verify(published: &str, extra: &[&str]) -> Outcome {
    let mut args = vec!["verify", "--published", "p.csv"];
    args.extend(extra);
    year(&args).file("p.csv", published).run()
}

#[test]
fn verify_passes_a_correct_publication_at_coarser_precision() {
    // 17.1 is 17.14 at one place, 15.5 is 15.49 at one place, 12 is 12.00 at none.
    let out = verify(
        "单位,总分,等次,名次\n二县,17.1,良好,1\n一县,15.5,良好,2\nu3,12,不合格,3\n",
        &[],
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    snapshot!("zh.txt").check(&out.stdout);
}

#[test]
fn verify_reports_each_mismatch_with_a_command_to_explain_it() {
    let out = verify(
        "单位,总分,等次,名次\n二县,17.15,良好,1\n一县,15.49,优秀,2\nu3,12.00,合格,3\n",
        &[],
    );
    assert_eq!(out.status, 1);
    snapshot!("zh.txt").check(&out.stdout);
}

#[test]
fn verify_finds_wrong_ranks_and_units_left_out() {
    let out = verify(
        "unit,total,rank\n二县,17.14,1\n一县,15.49,3\n",
        &["--lang", "en"],
    );
    assert_eq!(out.status, 1);
    snapshot!("en.txt").check(&out.stdout);
}

#[test]
fn verify_a_finer_published_total_must_match_exactly() {
    // 15.490 has three places: the recomputed total 15.49 is 15.490 there, a match;
    // 15.491 is not.
    let out = verify(
        "unit,total\nu1,15.490\nu2,17.14\nu3,12.001\n",
        &["--lang", "en"],
    );
    assert_eq!(out.status, 1);
    snapshot!("en.txt").check(&out.stdout);
}

#[test]
fn the_csv_of_score_verifies_cleanly() {
    let scored = year(&["score", "--format", "csv"]).run();
    assert_eq!(scored.status, 0);
    let out = verify(&scored.stdout, &["--lang", "en"]);
    assert_eq!(out.status, 0, "{}{}", out.stdout, out.stderr);
    snapshot!("en.txt").check(&out.stdout);
}

#[test]
fn verify_refuses_a_bad_published_file() {
    let published = "unit,total\n四县,17.14\n一县,abc\n一县,15.49\nu2,1\nu2,2\n";
    let out = verify(published, &["--lang", "en"]);
    assert_eq!(out.status, 2);
    assert_eq!(out.stdout, "");
    snapshot!("en.txt").check(&out.stderr);
    let out = verify(published, &[]);
    assert_eq!((out.status, out.stdout.as_str()), (2, ""));
    snapshot!("zh.txt").check(&out.stderr);
}

#[test]
fn explain_traces_every_number_of_a_unit() {
    year(&["explain", "u1"]).stdout(snapshot!("zh.txt"));
}

#[test]
fn explain_shows_rescaling_in_english() {
    year(&["explain", "二县", "--lang", "en"]).stdout(snapshot!("en.txt"));
}

#[test]
fn explain_shows_rescaling_in_chinese() {
    let out = year(&["explain", "二县"]).run();
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines[8],
        "  得分 = 8 − 0 + 0 = 8，限定在 0 至 8 之间 → 8，四舍五入保留 2 位小数 → 8.00"
    );
    assert_eq!(
        lines[11],
        "  不涉及（各评分单位均填 n/a），不计入得分和满分：a.csv:6:D、a.csv:7:D"
    );
    assert_eq!(
        &lines[lines.len() - 5..],
        [
            "政务公开小计：8.00 = 8.00",
            "放管服小计：4.00 = 4.00 + 0.00",
            "总分 = 12.00 × 20 ÷ 14 → 17.14（含不涉及项目，按适用项目满分折算为 20 分制）",
            "等次：良好（good），总分 17.14 ≥ 15",
            "名次：第 1 名（本考核细则内没有总分更高的单位）",
        ]
    );
}

#[test]
fn explain_one_item_and_the_veto() {
    year(&["explain", "u3", "网站监测"]).stdout(snapshot!("zh.txt"));
    let whole = year(&["explain", "u3"]).run();
    assert_eq!(whole.status, 0);
    assert_text(
        whole
            .stdout
            .lines()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
            .join("\n")
            .as_str(),
        "名次：第 3 名（本考核细则内总分高于本单位的有 2 个单位）\n等次：不合格（fail），一票否决，定为最低等次：2020-09-09 专项检查（泄密）    d.csv:7",
    );
    let english = year(&["explain", "u3", "--lang", "en"]).run();
    assert_eq!(english.status, 0);
    assert_text(
        english
            .stdout
            .lines()
            .rev()
            .take(2)
            .collect::<Vec<_>>()
            .join("\n")
            .as_str(),
        "rank: 3 (2 units of the rubric have a higher total)\ngrade: 不合格 (fail), the lowest, by a veto: 2020-09-09 special inspection (泄密)    d.csv:7",
    );
    let out = year(&["explain", "u3", "--format", "json"]).run();
    assert_eq!(out.status, 0);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["schema"], "assess.explain.v1");
    assert_eq!(doc["total"], "12.00");
    assert_eq!(doc["grade"]["label"], "不合格");
    assert_eq!(doc["veto"][0]["at"], "d.csv:7");
    assert_eq!(doc["veto"][0]["note"], "泄密");
    assert_eq!(doc["rank"], 3);
    assert_eq!(doc["items"][2]["raw"], "-1");
    assert_eq!(doc["items"][2]["clamped"], "0");
    assert_eq!(doc["items"][2]["daily"][0]["at"], "d.csv:6");
    assert_eq!(doc["inputs"][0]["path"], "r.toml");
    // JSON is a machine format: the same in either language.
    let en = year(&["explain", "u3", "--format", "json", "--lang", "en"]).run();
    assert_eq!(en.stdout, out.stdout);
}

#[test]
fn explain_an_unknown_unit_suggests_one() {
    year(&["explain", "一"]).fails(snapshot!("en.txt"));
    year(&["explain", "一"]).fails_zh(snapshot!("zh.txt"));
}

#[test]
fn explain_an_unknown_item_suggests_one() {
    year(&["explain", "u1", "组织"]).fails(snapshot!("en.txt"));
    year(&["explain", "u1", "组织"]).fails_zh(snapshot!("zh.txt"));
}

#[test]
fn templates_in_chinese_and_english() {
    let t = |args: &[&str]| {
        let mut a = vec!["template"];
        a.extend(args);
        a.extend(["--rubric", "r.toml"]);
        Case::new().file("r.toml", RUBRIC).args(&a)
    };
    t(&["annual"]).stdout(snapshot!("annual.zh.csv"));
    t(&["published", "--lang", "en"]).stdout(snapshot!("published.en.csv"));
    t(&["daily"]).stdout(snapshot!("daily.zh.csv"));
    let bom = t(&["daily", "--lang", "en", "--bom"]).run();
    assert_eq!(
        bom.stdout_bytes,
        b"\xEF\xBB\xBFdate,unit,item,kind,points,method,note,rule,count\n"
    );
}

#[test]
fn a_filled_template_scores() {
    let template = Case::new()
        .file("r.toml", RUBRIC)
        .args(&["template", "annual", "--rubric", "r.toml"])
        .run();
    let filled: String = template
        .stdout
        .lines()
        .enumerate()
        .map(|(n, l)| {
            if n == 0 {
                format!("{l}\n")
            } else {
                format!("{}6,\n", &l[..l.len() - 1])
            }
        })
        .collect();
    Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", filled)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--format", "csv",
        ])
        .stdout(snapshot!("csv"));
}

#[test]
fn rubric_prints_the_standard() {
    Case::new()
        .file("r.toml", RUBRIC)
        .args(&["rubric", "--rubric", "r.toml"])
        .stdout(snapshot!("zh.txt"));
}

#[test]
fn rubric_prints_the_standard_in_english() {
    Case::new()
        .file(
            "r.toml",
            RUBRIC
                .replace("max = 2\n", "max = 1\n")
                .replace("total = 20\n", "total = 19\n"),
        )
        .args(&["rubric", "--rubric", "r.toml", "--lang", "en"])
        .stdout(snapshot!("en.txt"));
}

#[test]
fn rubric_as_markdown() {
    Case::new()
        .file("r.toml", RUBRIC)
        .args(&[
            "rubric", "--rubric", "r.toml", "--format", "markdown", "--lang", "en",
        ])
        .stdout(snapshot!("en.md"));
}

#[test]
fn rubric_as_markdown_in_chinese() {
    Case::new()
        .file("r.toml", RUBRIC)
        .args(&["rubric", "--rubric", "r.toml", "--format", "markdown"])
        .stdout(snapshot!("zh.md"));
}

#[test]
fn an_unknown_rubric_id_suggests_one() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .args(&["rubric", "--rubric", "r.toml", "--id", "tt"]);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

/// Provenance: the JSON records each file's sha256, and an embedded rubric
/// prints as exactly the bytes its digest names, so an auditor can check it
/// without the source tree.
#[test]
fn digests_name_the_bytes_that_were_read() {
    use sha2::Digest;
    let digest = |b: &[u8]| {
        sha2::Sha256::digest(b)
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect::<String>()
    };
    let root = env!("CARGO_MANIFEST_DIR");
    let example = format!("{root}/examples/2020");
    let scored = Case::new()
        .args(&[
            "score",
            "--format",
            "json",
            "--annual",
            &format!("{example}/annual-office.xlsx"),
            "--annual",
            &format!("{example}/annual-lead-counties.csv"),
            "--annual",
            &format!("{example}/annual-lead-departments.csv"),
            "--annual",
            &format!("{example}/annual-service-center.csv"),
            "--daily",
            &format!("{example}/daily.csv"),
        ])
        .run();
    let doc: serde_json::Value = serde_json::from_str(&scored.stdout).unwrap();
    for (k, id) in ["counties", "departments"].iter().enumerate() {
        let printed = Case::new()
            .args(&["rubric", "--format", "toml", "--id", id])
            .run();
        let shipped = std::fs::read(format!("{root}/rubrics/{id}.toml")).unwrap();
        assert_eq!(printed.stdout_bytes, shipped);
        assert_eq!(
            doc["inputs"][k]["path"],
            format!("embedded:rubrics/{id}.toml")
        );
        assert_eq!(doc["inputs"][k]["sha256"], digest(&shipped));
        assert_eq!(doc["rubrics"][k]["sha256"], digest(&shipped));
    }
    let files = [
        "annual-office.xlsx",
        "annual-lead-counties.csv",
        "annual-lead-departments.csv",
        "annual-service-center.csv",
        "daily.csv",
    ];
    for (k, f) in files.iter().enumerate() {
        let input = &doc["inputs"][k + 2];
        assert_eq!(input["path"], format!("{example}/{f}"));
        assert_eq!(input["role"], if k < 4 { "annual" } else { "daily" });
        assert_eq!(
            input["sha256"],
            digest(&std::fs::read(format!("{example}/{f}")).unwrap())
        );
    }
}

/// The Chinese of the test year's inputs (names, titles, labels, notes),
/// which either language quotes as written; longest first, so that 不合格
/// goes before 合格.
const INPUT_VALUES: [&str; 21] = [
    "网站无法访问",
    "测试细则",
    "牵头单位",
    "政务公开",
    "组织领导",
    "政策解读",
    "网站监测",
    "创新加分",
    "办公室",
    "不合格",
    "放管服",
    "第一次",
    "优秀",
    "优良",
    "良好",
    "合格",
    "一县",
    "二县",
    "三县",
    "表扬",
    "泄密",
];

fn is_cjk(c: char) -> bool {
    ('\u{2e80}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// A line without the values quoted from the inputs.
fn own_words(line: &str) -> String {
    INPUT_VALUES
        .iter()
        .fold(line.to_string(), |l, v| l.replace(v, ""))
}

/// English output: no Chinese but the inputs' own.
fn assert_english(what: &str, text: &str) {
    let chinese: Vec<&str> = text
        .lines()
        .filter(|l| own_words(l).chars().any(is_cjk))
        .collect();
    assert!(
        chinese.is_empty(),
        "{what} in English has Chinese of its own:\n{}",
        chinese.join("\n")
    );
}

/// Whether a line holds English prose: two words of letters in a row
/// (ids, file names and flags stand alone).
fn has_english_prose(line: &str) -> bool {
    let words: Vec<bool> = line
        .split([' ', ':', ',', '(', ')', '|'])
        .filter(|w| !w.is_empty())
        .map(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .collect();
    words.windows(2).any(|w| w[0] && w[1])
}

/// Chinese output: Chinese of its own, and no line of English prose
/// without it (ids, numbers, input values and table rules are no prose).
fn assert_chinese(what: &str, text: &str) {
    assert!(
        own_words(text).chars().any(is_cjk),
        "{what} in Chinese has no Chinese of its own:\n{text}"
    );
    let english: Vec<&str> = text
        .lines()
        .filter(|l| {
            let own = own_words(l);
            has_english_prose(&own) && !own.chars().any(is_cjk)
        })
        .collect();
    assert!(
        english.is_empty(),
        "{what} in Chinese has lines in English:\n{}",
        english.join("\n")
    );
}

/// Every command, in both languages: Chinese by default, English with
/// `--lang en`, never both at once; stdout and stderr alike.
#[test]
fn every_command_speaks_the_language_of_the_run() {
    let missing = ANNUAL.replace("u1,1.2,lead,5.42\n", "");
    let published = "单位,总分,等次,名次\n二县,17.15,良好,1\n一县,15.49,优良,3\nu3,12.00,合格,3\n";
    let commands: &[&[&str]] = &[
        &["score"],
        &["score", "--annual", "m.csv", "--allow-missing"],
        &["check"],
        &["check", "--annual", "m.csv", "--allow-missing"],
        &["verify", "--published", "p.csv"],
        &["verify", "--published", "q.csv"],
        &["explain", "u1"],
        &["explain", "u2"],
        &["explain", "u3"],
        &["explain", "u1", "--annual", "m.csv", "--allow-missing"],
        &["explain", "u9"],
        &["explain", "u1", "1.9"],
        &["template", "annual"],
        &["template", "daily"],
        &["template", "published"],
        &["rubric"],
        &["rubric", "--format", "markdown"],
        &["rubric", "--id", "tt"],
        &["score", "--format", "xlsx"],
    ];
    for command in commands {
        for english in [false, true] {
            let mut args = command.to_vec();
            if !args.contains(&"--annual") && !matches!(args[0], "template" | "rubric") {
                args.extend(["--annual", "a.csv"]);
            }
            args.extend(["--rubric", "r.toml", "--daily", "d.csv"]);
            if matches!(args[0], "template" | "rubric") {
                args.truncate(args.len() - 2);
            }
            if english {
                args.extend(["--lang", "en"]);
            }
            let out = Case::new()
                .file("r.toml", RUBRIC)
                .file("a.csv", ANNUAL)
                .file("m.csv", &missing)
                .file("d.csv", DAILY)
                .file("p.csv", published)
                .file("q.csv", "unit,total\n二县,17.14\n")
                .args(&args)
                .run();
            let what = args.join(" ");
            let text = format!("{}{}", out.stdout, out.stderr);
            assert!(!text.trim().is_empty(), "{what} says nothing");
            if english {
                assert_english(&what, &text);
            } else {
                assert_chinese(&what, &text);
            }
        }
    }
}
