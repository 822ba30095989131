//! How input tables are read: encodings, header names, blank lines, names
//! for ids. Each variant must score exactly as the plain UTF-8 table does.

use crate::common;
use common::*;

/// Chinese headers, padded and reordered, names for ids, an extra column,
/// blank and all-empty rows.
const CHINESE: &str = include_str!("../fixtures/tables/chinese-annual.csv");

const DAILY: &str = include_str!("../fixtures/tables/daily.csv");

fn case(annual: impl AsRef<[u8]>, extra: &[&str]) -> Case {
    score_case(RUBRIC, annual, DAILY)
        .args(&["--format", "csv"])
        .args(extra)
}

fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn plain_utf8_with_english_headers() {
    let annual = FULL_ANNUAL.replace("u1,1.1,office,8", "u1,1.1,office,7");
    case(annual, &[]).stdout(u1_at_16_50());
}

#[test]
fn chinese_headers_names_and_blank_rows() {
    case(CHINESE, &[]).stdout(u1_at_16_50());
}

#[test]
fn utf8_with_bom_and_crlf() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(CHINESE.replace('\n', "\r\n").as_bytes());
    case(bytes, &[]).stdout(u1_at_16_50());
}

#[test]
fn gbk_is_detected() {
    case(gbk(&CHINESE.replace('\n', "\r\n")), &[]).stdout(u1_at_16_50());
}

#[test]
fn gbk_can_be_forced_for_every_table() {
    case(gbk(CHINESE), &["--encoding", "gbk"])
        .file("d.csv", gbk(DAILY))
        .stdout(u1_at_16_50());
}

#[test]
fn a_bom_means_utf8_even_when_gbk_is_forced() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(CHINESE.as_bytes());
    case(bytes, &["--encoding", "gbk"])
        .file("d.csv", gbk(DAILY))
        .stdout(u1_at_16_50());
}

#[test]
fn gbk_read_as_utf8_is_an_error_with_its_line() {
    let case = case(gbk(CHINESE), &["--encoding", "utf8"]);
    case.fails(snapshot!("en.txt"));
    case.fails_zh(snapshot!("zh.txt"));
}

#[test]
fn english_kinds_and_methods_ignore_case() {
    let daily = "DATE,Unit,ITEM,Kind,Points,Method\n2020/5/19,u1,1.1,DEDUCT,0.5,Spot_Check\n";
    let annual = FULL_ANNUAL.replace("u1,1.1,office,8", "u1,1.1,office,7");
    csv_case(&annual, daily).stdout(u1_at_16_50());
}

#[test]
fn scores_split_over_several_files() {
    let office: String = FULL_ANNUAL
        .lines()
        .filter(|l| !l.contains(",lead,"))
        .map(|l| format!("{l}\n"))
        .collect();
    let office = office.replace("u1,1.1,office,8", "u1,1.1,office,7");
    let lead =
        "单位,项目,评分单位,得分\n一县,1.2,牵头单位,6\n二县,1.2,牵头单位,6\n三县,1.2,牵头单位,6\n";
    Case::new()
        .file("r.toml", RUBRIC)
        .file("office.csv", office)
        .file("lead.csv", gbk(lead))
        .file("d.csv", DAILY)
        .args(&[
            "score",
            "--rubric",
            "r.toml",
            "--annual",
            "office.csv",
            "--annual",
            "lead.csv",
            "--daily",
            "d.csv",
            "--format",
            "csv",
        ])
        .stdout(u1_at_16_50());
}

#[test]
fn check_summarises_each_file() {
    Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", CHINESE)
        .file("d.csv", DAILY)
        .args(&[
            "check", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ])
        .stdout(snapshot!("zh.txt"));
}

#[test]
fn check_summarises_each_file_in_english() {
    Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", CHINESE)
        .file("d.csv", DAILY)
        .args(&[
            "check", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv", "--lang", "en",
        ])
        .stdout(snapshot!("en.txt"));
}

#[test]
fn csv_output_defuses_formulas_in_names() {
    let rubric = RUBRIC.replace("name = \"一县\"", "name = \"=HYPERLINK(\\\"x\\\")\"");
    Case::new()
        .file("r.toml", rubric)
        .file("a.csv", FULL_ANNUAL)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--format", "csv",
        ])
        .stdout(snapshot!("csv"));
}

#[test]
fn output_file_holds_what_stdout_would() {
    let c = case(CHINESE, &["--output", "out.csv"]);
    c.stdout("");
    u1_at_16_50().check(&std::fs::read_to_string(c.path("out.csv")).unwrap());
}

/// A daily table of `n` rows; every 7th note is quoted over two lines, and the
/// rows in `bad` name an unknown method. Returns the text and the line of each bad row.
fn long_daily(n: usize, bad: &[usize], long_note_at: Option<usize>) -> (String, Vec<usize>) {
    let mut text = String::from(DAILY_HEADER);
    let mut line = 2;
    let mut bad_lines = Vec::new();
    for k in 0..n {
        let unit = ["u1", "二县", "u3"][k % 3];
        let method = if bad.contains(&k) {
            "spotcheck"
        } else {
            "spot_check"
        };
        let note = if Some(k) == long_note_at {
            format!(
                "\"{}\"",
                (0..60)
                    .map(|j| format!("第{j}行, \"\"引号\"\""))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        } else if k % 7 == 0 {
            "\"两行\n说明\"".to_string()
        } else {
            format!("记录{k}")
        };
        if bad.contains(&k) {
            bad_lines.push(line);
        }
        text.push_str(&format!(
            "2020-06-01,{unit},1.1,deduct,0.01,{method},{note}\r\n"
        ));
        line += 1 + note.matches('\n').count();
    }
    (text, bad_lines)
}

fn split_and_whole(daily: &str) -> (Outcome, Outcome) {
    let run = |split: Option<&str>| {
        let mut c = Case::new()
            .file("r.toml", RUBRIC)
            .file("a.csv", FULL_ANNUAL)
            .file("d.csv", daily)
            .args(&[
                "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv", "--format",
                "json",
            ]);
        if let Some(s) = split {
            c = c.env("ASSESS_SPLIT_MIN", s);
        }
        c.run()
    };
    (run(Some("1")), run(None))
}

#[test]
fn two_cores_read_a_file_as_one_does() {
    let (daily, _) = long_daily(600, &[], None);
    let (split, whole) = split_and_whole(&daily);
    assert_eq!(whole.status, 0, "{}", whole.stderr);
    assert_eq!(split.stdout, whole.stdout);
    // 600 deductions of 0.01 spread over three units: 2 points each, within 1.1's cap of 3.
    assert!(
        whole.stdout.contains("\"deducted\": \"2\""),
        "{}",
        whole.stdout
    );
}

#[test]
fn two_cores_report_the_same_lines() {
    let (daily, lines) = long_daily(600, &[10, 300, 590], None);
    let (split, whole) = split_and_whole(&daily);
    assert_eq!(split.stderr, whole.stderr);
    assert_eq!(whole.status, 2);
    let expected: String = lines
        .iter()
        .map(|l| format!("错误：d.csv:{l}:F：方式“spotcheck”无法识别（是否应为“spot_check”？），请填写细则 t 的考核方式：日常记录、随机抽查、专项检查、网上评测、材料报备（也可写作 daily_record、spot_check、special_inspection、online_evaluation、material_filing）。\n"))
        .collect();
    assert_text(
        &whole.stderr,
        &format!("{expected}assess：共发现 3 处问题，未进行计算，也未写出任何文件。\n"),
    );
}

#[test]
fn a_cut_inside_a_quoted_cell_falls_back_to_one_pass() {
    // A note of 60 lines with quotes in it spans the middle of the file.
    let (daily, lines) = long_daily(120, &[119], Some(60));
    let (split, whole) = split_and_whole(&daily);
    assert_eq!(split.stderr, whole.stderr);
    assert!(
        whole.stderr.starts_with(&format!(
            "错误：d.csv:{}:F：方式“spotcheck”无法识别",
            lines[0]
        )),
        "{}",
        whole.stderr
    );
}

/// Regressions found by fuzzing the two-core path (`fuzz/regressions`): each
/// file must read the same whether one thread or two read it.
#[test]
fn fuzz_regressions_read_alike_on_one_core_and_two() {
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = std::path::Path::new(root).join("fuzz/regressions");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut checked = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let command: &[&str] = if name.starts_with("annual") {
            &["score", "--annual", "t.csv", "--format", "json"]
        } else if name.starts_with("daily") {
            &["score", "--daily", "t.csv", "--format", "json"]
        } else if name.starts_with("published") {
            &["verify", "--published", "t.csv"]
        } else {
            continue;
        };
        let bytes = std::fs::read(entry.path()).unwrap();
        // The catalog the fuzz targets read against: the shipped rubrics and two small ones.
        let rubrics: Vec<String> = [
            "rubrics/counties.toml",
            "rubrics/departments.toml",
            "fuzz/seeds/rubric/case1.toml",
            "fuzz/seeds/rubric/case2.toml",
        ]
        .iter()
        .flat_map(|r| ["--rubric".to_string(), format!("{root}/{r}")])
        .collect();
        let run = |split: &str| {
            let mut args = command.to_vec();
            args.push("--allow-missing");
            args.extend(rubrics.iter().map(String::as_str));
            Case::new()
                .file("t.csv", &bytes)
                .args(&args)
                .env("ASSESS_SPLIT_MIN", split)
                .run()
        };
        let (one, two) = (run("999999999"), run("1"));
        assert!(!one.stderr.contains("panicked"), "{name}: {}", one.stderr);
        assert_eq!(
            (one.status, &one.stdout, &one.stderr),
            (two.status, &two.stdout, &two.stderr),
            "{name}"
        );
        checked += 1;
    }
    assert!(checked > 0, "no regression files in {}", dir.display());
}
