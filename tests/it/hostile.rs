//! Hostile inputs that once crashed, hung, blew up, corrupted or deleted
//! (issue "Hardening, part three"): each test builds its input and runs the
//! real binary; the program must exit 2 where the input is wrong, never
//! panic, write only well-formed Office files and never replace what is the
//! user's.

use crate::common::rawzip::{Entry, crc32, stored_zip, stored_zip_crc};
use crate::common::*;
use std::io::Write;

const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// The parts of a workbook of `sheets` (name, sheetData XML), with
/// optional styles and extra parts: (name, bytes).
fn parts(sheets: &[(&str, String)], styles: Option<String>) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = vec![(
        "_rels/.rels".into(),
        format!(r#"<Relationships xmlns="{PKG_NS}"><Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).into_bytes(),
    )];
    let (mut list, mut rels) = (String::new(), String::new());
    for (k, (name, _)) in sheets.iter().enumerate() {
        list.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{0}" r:id="rId{0}"/>"#,
            k + 1
        ));
        rels.push_str(&format!(
            r#"<Relationship Id="rId{0}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{0}.xml"/>"#,
            k + 1
        ));
    }
    if styles.is_some() {
        rels.push_str(&format!(
            r#"<Relationship Id="rIdS" Type="{REL_NS}/styles" Target="styles.xml"/>"#
        ));
    }
    out.push((
        "xl/workbook.xml".into(),
        format!(
            r#"<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>{list}</sheets></workbook>"#
        )
        .into_bytes(),
    ));
    out.push((
        "xl/_rels/workbook.xml.rels".into(),
        format!(r#"<Relationships xmlns="{PKG_NS}">{rels}</Relationships>"#).into_bytes(),
    ));
    for (k, (_, data)) in sheets.iter().enumerate() {
        out.push((
            format!("xl/worksheets/sheet{}.xml", k + 1),
            format!(r#"<worksheet xmlns="{MAIN_NS}"><sheetData>{data}</sheetData></worksheet>"#)
                .into_bytes(),
        ));
    }
    if let Some(s) = styles {
        out.push(("xl/styles.xml".into(), s.into_bytes()));
    }
    out
}

fn zipped(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let entries: Vec<(&str, &[u8], Option<u32>)> = parts
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice(), None))
        .collect();
    stored_zip(&entries)
}

/// An inline string cell.
fn s(reference: &str, text: &str) -> String {
    format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A number cell.
fn n(reference: &str, value: &str) -> String {
    format!(r#"<c r="{reference}"><v>{value}</v></c>"#)
}

/// The test rubric's annual scores as a long sheet: every unit full marks.
fn full_marks_sheet() -> String {
    let mut rows = format!(
        r#"<row r="1">{}{}{}{}</row>"#,
        s("A1", "unit"),
        s("B1", "item"),
        s("C1", "scorer"),
        s("D1", "score")
    );
    for (k, line) in FULL_ANNUAL.lines().skip(1).enumerate() {
        let c: Vec<&str> = line.split(',').collect();
        let r = k + 2;
        rows.push_str(&format!(
            r#"<row r="{r}">{}{}{}{}</row>"#,
            s(&format!("A{r}"), c[0]),
            s(&format!("B{r}"), c[1]),
            s(&format!("C{r}"), c[2]),
            n(&format!("D{r}"), c[3])
        ));
    }
    rows
}

/// Runs `check` of the test rubric with `annual.xlsx` as the annual table.
fn check_workbook(bytes: Vec<u8>) -> Outcome {
    Case::new()
        .file("r.toml", RUBRIC)
        .file("annual.xlsx", bytes)
        .args(&["check", "--rubric", "r.toml", "--annual", "annual.xlsx"])
        .run_in(Some("en"))
}

fn no_panic(out: &Outcome) {
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    assert!(!out.stderr.contains("overflow"), "{}", out.stderr);
}

#[test]
fn forty_thousand_sheets_are_listed_flat_with_a_count() {
    let mut list = String::new();
    for k in 0..40_000 {
        list.push_str(&format!(
            r#"<sheet name="s{k}" sheetId="{}" r:id="rX{k}"/>"#,
            k + 1
        ));
    }
    let parts = vec![
        (
            "_rels/.rels".to_string(),
            format!(r#"<Relationships xmlns="{PKG_NS}"><Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).into_bytes(),
        ),
        (
            "xl/workbook.xml".to_string(),
            format!(r#"<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>{list}</sheets></workbook>"#).into_bytes(),
        ),
    ];
    let out = check_workbook(zipped(&parts));
    no_panic(&out);
    assert_eq!(out.status, 2, "{}", out.stderr);
    assert!(out.stderr.contains("and 39980 more"), "{}", out.stderr);
    assert!(
        out.stderr.lines().all(|l| l.len() < 2_000),
        "one line per problem"
    );
}

#[test]
fn a_list_of_a_hundred_thousand_names_renders_without_recursion() {
    // What a notice does with 30,000 units of one grade: one flat list.
    let names: Vec<String> = (0..100_000).map(|k| format!("单位{k}")).collect();
    let text = assess::text::list_all(names.iter().map(String::as_str))
        .render(assess::text::i18n::Lang::Zh);
    assert!(text.starts_with("单位0、单位1、"));
    assert!(text.ends_with("单位99999"));
    let capped =
        assess::text::list(names.iter().map(String::as_str)).render(assess::text::i18n::Lang::En);
    assert!(capped.ends_with("单位19 … and 99980 more"), "{capped}");
}

#[test]
fn a_rubric_of_ten_to_the_twenty_seventh_is_refused_at_its_numbers() {
    let rubric = RUBRIC
        .replace("total = 20", "total = 1000000000000000000000000000")
        .replace("  max = 8\n", "  max = 999999999999999999999999986\n");
    let case = Case::new()
        .file("r.toml", rubric)
        .args(&["check", "--rubric", "r.toml"]);
    let out = case.run_in(Some("en"));
    no_panic(&out);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains(
            "r.toml:4:1: `total` is not a decimal number: it is beyond 1,000,000,000,000"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn three_hundred_forty_five_thousand_number_formats_read_at_once() {
    let mut styles = format!(r#"<styleSheet xmlns="{MAIN_NS}"><numFmts count="345000">"#);
    for k in 0..345_000 {
        styles.push_str(&format!(
            r#"<numFmt numFmtId="{}" formatCode="0"/>"#,
            200 + k
        ));
    }
    // Each cell style looked up among them (the last ones, the farthest).
    styles.push_str("</numFmts><cellXfs>");
    for k in 0..2_000 {
        styles.push_str(&format!(r#"<xf numFmtId="{}"/>"#, 345_199 - k));
    }
    styles.push_str("</cellXfs></styleSheet>");
    let out = check_workbook(zipped(&parts(
        &[("年度得分", full_marks_sheet())],
        Some(styles),
    )));
    no_panic(&out);
    assert_eq!(out.status, 0, "{}", out.stderr);
}

#[test]
fn units_named_like_windows_devices_get_their_id_after_the_first_part() {
    let rubric = RUBRIC
        .replace("name = \"一县\"", "name = \"nul.txt\"")
        .replace("name = \"二县\"", "name = \"CON.x\"")
        .replace("name = \"三县\"", "name = \"aux.y\"");
    let case = Case::new()
        .file("r.toml", rubric)
        .file("a.csv", FULL_ANNUAL)
        .args(&[
            "publish", "--rubric", "r.toml", "--annual", "a.csv", "-o", "out",
        ]);
    let out = case.run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    for name in ["nul-u1.txt.xlsx", "CON-u2.x.xlsx", "aux-u3.y.xlsx"] {
        assert!(case.path("out/反馈").join(name).is_file(), "{name}");
    }
}

#[test]
fn a_comment_full_of_brackets_is_refused_at_a_mebibyte() {
    let mut comment = String::from("<!--");
    for _ in 0..8 * 1024 {
        comment.push('<');
        comment.push_str(&"x".repeat(1023));
    }
    comment.push_str("-->");
    let sheet = format!("{comment}{}", full_marks_sheet());
    let out = check_workbook(zipped(&parts(&[("年度得分", sheet)], None)));
    no_panic(&out);
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("without markup"), "{}", out.stderr);
}

#[test]
fn a_sheet_changed_inside_the_zip_fails_its_checksum() {
    let mut p = parts(&[("年度得分", full_marks_sheet())], None);
    let sheet = p
        .iter_mut()
        .find(|(n, _)| n.ends_with("sheet1.xml"))
        .unwrap();
    let recorded = crc32(&sheet.1);
    // A score changed by hand: 8 becomes 6, the recorded CRC-32 kept.
    let text = String::from_utf8(sheet.1.clone())
        .unwrap()
        .replacen("<v>8</v>", "<v>6</v>", 1);
    sheet.1 = text.into_bytes();
    let entries: Vec<Entry> = p
        .iter()
        .map(|(n, d)| {
            let crc = n.ends_with("sheet1.xml").then_some(recorded);
            (n.as_str(), d.as_slice(), None, crc)
        })
        .collect();
    let out = check_workbook(stored_zip_crc(&entries));
    no_panic(&out);
    assert_eq!(out.status, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("annual.xlsx[年度得分]")
            && out.stderr.contains("does not match the checksum"),
        "{}",
        out.stderr
    );
}

#[test]
fn shared_strings_that_lie_about_their_size_are_refused() {
    let mut p = parts(&[("年度得分", full_marks_sheet())], None);
    p.push(("xl/sharedStrings.xml".into(), b"<sst/>".to_vec()));
    let rels = p
        .iter_mut()
        .find(|(n, _)| n == "xl/_rels/workbook.xml.rels")
        .unwrap();
    rels.1 = String::from_utf8(rels.1.clone())
        .unwrap()
        .replace("</Relationships>", &format!(r#"<Relationship Id="rIdT" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#))
        .into_bytes();
    // Declared 1.5 GB: refused before anything is unpacked.
    let entries: Vec<(&str, &[u8], Option<u32>)> = p
        .iter()
        .map(|(n, d)| {
            (
                n.as_str(),
                d.as_slice(),
                n.ends_with("sharedStrings.xml").then_some(1_500_000_000),
            )
        })
        .collect();
    let out = check_workbook(stored_zip(&entries));
    no_panic(&out);
    assert_eq!(out.status, 2, "{}", out.stderr);
    assert!(out.stderr.contains("MiB"), "{}", out.stderr);
}

/// A rubric workbook: the shipped counties rubric exported, then its 细则
/// sheet given `merges` merged ranges.
fn rubric_workbook_with_merges(merges: &str) -> Vec<u8> {
    let case = Case::new().args(&[
        "rubric", "--format", "xlsx", "--id", "counties", "-o", "r.xlsx",
    ]);
    assert_eq!(case.run().status, 0);
    let bytes = std::fs::read(case.path("r.xlsx")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for k in 0..archive.len() {
        let mut f = archive.by_index(k).unwrap();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).unwrap();
        let name = f.name().map(|n| n.into_owned()).unwrap_or_default();
        if name == "xl/worksheets/sheet1.xml" {
            let text = String::from_utf8(data).unwrap();
            // The export's own merged ranges kept, these added.
            let text = match text.find("</mergeCells>") {
                Some(a) => format!("{}{merges}{}", &text[..a], &text[a..]),
                None => text.replace(
                    "</sheetData>",
                    &format!("</sheetData><mergeCells>{merges}</mergeCells>"),
                ),
            };
            data = text.into_bytes();
        }
        parts.push((name, data));
    }
    zipped(&parts)
}

#[test]
fn three_thousand_merged_ranges_down_a_whole_column_read_at_once() {
    let merges = r#"<mergeCell ref="A2:A1048576"/>"#.repeat(3000);
    let case = Case::new()
        .file("r.xlsx", rubric_workbook_with_merges(&merges))
        .args(&["rubric", "import", "r.xlsx", "-o", "r.toml"]);
    let out = case.run_in(Some("en"));
    no_panic(&out);
    // Read whole, each range looked up rather than spread over a million
    // rows: over the header row, they change nothing of the rubric.
    assert_eq!(out.status, 0, "{}", out.stderr);
    let plain = Case::new()
        .file("r.xlsx", rubric_workbook_with_merges(""))
        .args(&["rubric", "import", "r.xlsx", "-o", "r.toml"]);
    assert_eq!(plain.run().status, 0);
    assert_eq!(
        std::fs::read_to_string(case.path("r.toml")).unwrap(),
        std::fs::read_to_string(plain.path("r.toml")).unwrap()
    );
}

#[test]
fn two_hundred_merged_columns_cost_nothing_per_cell() {
    let mut merges = String::new();
    for c in 0..200 {
        let col = assess::model::source::column_letters(20 + c);
        merges.push_str(&format!(r#"<mergeCell ref="{col}2:{col}1048576"/>"#));
    }
    let case = Case::new()
        .file("r.xlsx", rubric_workbook_with_merges(&merges))
        .args(&["rubric", "import", "r.xlsx", "-o", "r.toml"]);
    let out = case.run_in(Some("en"));
    no_panic(&out);
    // Merges beyond the rubric's columns change nothing of it.
    assert_eq!(out.status, 0, "{}", out.stderr);
}

/// Every XML part of an Office file parses.
fn well_formed(path: &std::path::Path) {
    let bytes = std::fs::read(path).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    for k in 0..archive.len() {
        let mut f = archive.by_index(k).unwrap();
        let name = f.name().map(|n| n.into_owned()).unwrap_or_default();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).unwrap();
        let mut reader = quick_xml::Reader::from_reader(data.as_slice());
        let mut buf = Vec::new();
        loop {
            match reader.read_event_into(&mut buf) {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => buf.clear(),
                Err(e) => panic!("{}:{name} is not well-formed: {e}", path.display()),
            }
        }
        let text = String::from_utf8_lossy(&data);
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')),
            "{}:{name} holds a control character",
            path.display()
        );
    }
}

#[test]
fn control_characters_in_notes_leave_every_office_file_well_formed() {
    let daily = format!(
        "{DAILY_HEADER}2020-05-01,u1,1.1,deduct,0.5,spot_check,\"涉\u{1}密\u{1b}[31m\u{b}\"\n2020-05-02,u2,,veto,,special_inspection,\"否\u{7}决\"\n"
    );
    let annual = FULL_ANNUAL.replace("u1,1.1,office,8", "u1,1.1,office,7");
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", annual)
        .file("d.csv", daily)
        .args(&[
            "publish", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv", "-o", "out",
        ]);
    let out = case.run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    well_formed(&case.path("out/通报.docx"));
    for f in std::fs::read_dir(case.path("out/反馈")).unwrap() {
        well_formed(&f.unwrap().path());
    }
    let score = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file("d.csv", case_file(&case, "d.csv"))
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv", "-o", "r.xlsx",
        ]);
    assert_eq!(score.run().status, 0);
    well_formed(&score.path("r.xlsx"));
    let md = std::fs::read_to_string(case.path("out/通报.md")).unwrap();
    // Markdown shows the backslash of the escape doubled.
    assert!(md.contains("否\\\\u{7}决"), "the escape is visible: {md}");
}

fn case_file(case: &Case, name: &str) -> Vec<u8> {
    std::fs::read(case.path(name)).unwrap()
}

#[test]
fn control_characters_in_names_and_titles_are_refused_at_their_key() {
    let rubric = RUBRIC
        .replace("title = \"测试细则\"", "title = \"测试\\u001b细则\"")
        .replace("name = \"一县\"", "name = \"一\\u0007县\"");
    let case = Case::new()
        .file("r.toml", rubric)
        .args(&["check", "--rubric", "r.toml"]);
    case.fails(
        "error: r.toml:2:1: `title` holds a control character (\"测试\\u{1b}细则\"): names, titles and ids are one line of printable text\n\
         error: r.toml:29:1: `name` holds a control character (\"一\\u{7}县\"): names, titles and ids are one line of printable text\n\
         assess: 2 problems found; nothing was computed and no file was written\n",
    );
}

#[test]
fn fifteen_hundred_bad_rows_give_one_cap_on_one_core_and_two() {
    let mut daily = String::from(DAILY_HEADER);
    for k in 0..1500 {
        daily.push_str(&format!(
            "2020-05-01,nobody{k},1.1,deduct,0.5,spot_check,\n"
        ));
        daily.push_str("2020-05-01,u1,1.1,deduct,x,spot_check,\n");
    }
    let run = |split: &str| {
        Case::new()
            .file("r.toml", RUBRIC)
            .file("a.csv", FULL_ANNUAL)
            .file("d.csv", &daily)
            .env("ASSESS_SPLIT_MIN", split)
            .args(&[
                "check", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
            ])
            .run_in(Some("en"))
    };
    let (one, two) = (run("1000000000"), run("1"));
    assert_eq!(one.status, 2);
    assert_eq!(one.stderr, two.stderr);
    let caps: Vec<&str> = one
        .stderr
        .lines()
        .filter(|l| l.contains("the rest of it is not read"))
        .collect();
    assert_eq!(caps.len(), 1, "{}", one.stderr);
    assert!(one.stderr.lines().count() <= 1_002);
    let last_error = one.stderr.lines().rev().nth(1).unwrap();
    assert!(
        last_error.contains("the rest of it is not read"),
        "the cap comes last: {last_error}"
    );
}

#[test]
fn a_line_break_or_escape_in_a_sheet_name_or_cell_stays_on_its_line() {
    let sheet = format!(
        r#"<row r="1">{}{}{}{}</row><row r="2">{}{}{}{}</row>"#,
        s("A1", "unit"),
        s("B1", "item"),
        s("C1", "scorer"),
        s("D1", "score"),
        s("A2", "u9&#10;error: forged.csv:7: nothing"),
        s("B2", "1.1"),
        s("C2", "office"),
        n("D2", "8")
    );
    let out = check_workbook(zipped(&parts(&[("年度\u{1b}[2J", sheet)], None)));
    no_panic(&out);
    assert_eq!(out.status, 2);
    assert!(!out.stderr.contains('\u{1b}'), "{}", out.stderr);
    assert!(
        out.stderr
            .lines()
            .all(|l| !l.starts_with("error: forged.csv")),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("u9\\nerror: forged.csv:7"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_earlier_result_is_read_as_this_tool_writes_it() {
    let previous = |units: &str| {
        format!(
            r#"{{"schema": "assess.score.v1", "rubrics": [{{"id": "t", "units": [{units}]}}]}}"#
        )
    };
    let unit = |id: &str, rank: &str| {
        format!(
            r#"{{"id": "{id}", "name": "{id}", "total": "18.00", "grade": "excellent", "rank": {rank}}}"#
        )
    };
    for (name, json, expect) in [
        ("rank0.json", previous(&unit("u1", "0")), "has rank 0"),
        (
            "huge.json",
            previous(&unit("u1", "18446744073709551615")),
            "has rank 18446744073709551615",
        ),
        (
            "twice.json",
            previous(&format!("{},{}", unit("u1", "1"), unit("u1", "2"))),
            "twice",
        ),
        (
            "object.json",
            r#"{"schema": "assess.score.v1", "rubrics": {"id": "t"}}"#.to_string(),
            "\"rubrics\" of the earlier result is not a list",
        ),
    ] {
        let out = Case::new()
            .file("r.toml", RUBRIC)
            .file("a.csv", FULL_ANNUAL)
            .file(name, json)
            .args(&[
                "score",
                "--rubric",
                "r.toml",
                "--annual",
                "a.csv",
                "--previous",
                name,
            ])
            .run_in(Some("en"));
        no_panic(&out);
        assert_eq!(out.status, 2, "{name}: {}", out.stdout);
        assert!(out.stderr.contains(expect), "{name}: {}", out.stderr);
        assert!(!out.stdout.contains("rank_change"));
    }
}

#[test]
fn output_refuses_a_device_a_fifo_a_folder_and_a_dangling_link() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file("target.csv", "kept\n");
    std::fs::create_dir(case.path("folder")).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("nowhere", case.path("dangling.csv")).unwrap();
        std::os::unix::fs::symlink("target.csv", case.path("link.csv")).unwrap();
        let fifo = std::process::Command::new("mkfifo")
            .arg(case.path("fifo"))
            .status();
        assert!(fifo.is_ok_and(|s| s.success()));
    }
    for (target, expect) in [
        ("/dev/null", "is not a regular file"),
        ("fifo", "is not a regular file"),
        ("folder", "is a folder"),
        ("dangling.csv", "does not lead to a regular file"),
    ] {
        let out = Case::new()
            .file("r.toml", RUBRIC)
            .file("a.csv", FULL_ANNUAL)
            .args(&[
                "score", "--rubric", "r.toml", "--annual", "a.csv", "-o", target,
            ])
            .run_in(Some("en"));
        let out = if target.starts_with('/') {
            out
        } else {
            // Run where the special files are.
            let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_assess"));
            c.args([
                "score", "--rubric", "r.toml", "--annual", "a.csv", "-o", target,
            ])
            .current_dir(case.dir())
            .env("ASSESS_LANG", "en");
            let o = c.output().unwrap();
            Outcome {
                status: o.status.code().unwrap_or(-1),
                stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
                stdout_bytes: o.stdout,
            }
        };
        assert_eq!(out.status, 2, "{target}");
        assert!(out.stderr.contains(expect), "{target}: {}", out.stderr);
    }
    assert!(case.path("folder").is_dir());
    // Through a link to a regular file: the file is written, the link kept.
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_assess"));
    c.args([
        "score", "--rubric", "r.toml", "--annual", "a.csv", "-o", "link.csv",
    ])
    .current_dir(case.dir());
    assert!(c.status().unwrap().success());
    assert!(
        std::fs::symlink_metadata(case.path("link.csv"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(case.path("target.csv"))
            .unwrap()
            .starts_with("rubric,")
    );
}

#[test]
fn force_replaces_only_a_folder_publish_wrote() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file("mine/thesis.docx", "years of work");
    let publish = |to: &str| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_assess"));
        c.args([
            "publish", "--rubric", "r.toml", "--annual", "a.csv", "-o", to, "--force",
        ])
        .current_dir(case.dir())
        .env("ASSESS_LANG", "en");
        c.output().unwrap()
    };
    let out = publish("mine");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(case.path("mine/thesis.docx")).unwrap(),
        "years of work"
    );
    // The working folder itself.
    let out = publish(".");
    assert_eq!(out.status.code(), Some(2));
    assert!(case.path("r.toml").is_file());
    // A folder publish wrote is replaced.
    assert!(publish("out").status.success());
    assert!(publish("out").status.success());
    assert!(case.path("out/.assess-publish").is_file());
}

#[test]
fn what_a_killed_write_leaves_is_removed_by_the_next_write_there() {
    let case = Case::new()
        .file("r.toml", RUBRIC)
        .file("a.csv", FULL_ANNUAL)
        .file(".assess-tmp-killed", "half a file")
        .file(".assess-publish-killed/通报.md", "half a folder")
        .file(".assess-tmp-young", "a run still writing");
    for name in [".assess-tmp-killed", ".assess-publish-killed"] {
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        let f = std::fs::File::open(case.path(name)).unwrap();
        f.set_modified(old).unwrap();
    }
    let case = case.args(&[
        "score", "--rubric", "r.toml", "--annual", "a.csv", "-o", "r.csv",
    ]);
    let out = case.run();
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(!case.path(".assess-tmp-killed").exists());
    assert!(!case.path(".assess-publish-killed").exists());
    assert!(
        case.path(".assess-tmp-young").exists(),
        "a young one may be a run still writing"
    );
    let mut w = std::fs::File::create(case.path("unrelated.tmp")).unwrap();
    w.write_all(b"the user's").unwrap();
    assert!(case.path("unrelated.tmp").exists());
}

/// A small rubric with `{scorer}` as the scorer's id and `{grade}` as the
/// first grade's id (its label is 合格).
fn rubric_with(scorer: &str, grade: &str) -> String {
    format!(
        "id = \"m\"\ntitle = \"t\"\nyear = 2020\ntotal = 1\n[scorers]\n\"{scorer}\" = \"X组\"\n\
         [[grade]]\nid = \"{grade}\"\nlabel = \"合格\"\nmin = 0\n[[unit]]\nid = \"u\"\nname = \"一\"\n\
         [[section]]\nid = \"s\"\ntitle = \"S\"\n[[section.item]]\nid = \"i\"\ntitle = \"I\"\nmax = 1\n\
         scorers = {{ \"{scorer}\" = 1 }}\n"
    )
}

#[test]
fn a_grade_whose_id_is_its_label_exports_and_imports_back() {
    // Found by the import fuzz target: the importer took the id and its own
    // label for two grades of one name.
    let case = Case::new().file("r.toml", rubric_with("x", "合格")).args(&[
        "rubric", "--rubric", "r.toml", "--format", "xlsx", "-o", "r.xlsx",
    ]);
    case.stdout("");
    let back = Case::new()
        .file("r.xlsx", std::fs::read(case.path("r.xlsx")).unwrap())
        .args(&["rubric", "import", "r.xlsx", "-o", "back.toml"]);
    back.stdout("");
    let text = std::fs::read_to_string(back.path("back.toml")).unwrap();
    assert!(text.contains("id = \"合格\"\nlabel = \"合格\""), "{text}");
}

#[test]
fn a_control_character_in_a_scorer_id_is_refused_at_its_key() {
    // Found by the import fuzz target: a control character in a [scorers]
    // key loaded, and its export read back as another id.
    let out = Case::new()
        .file("r.toml", rubric_with("\\u0005U", "g"))
        .args(&["check", "--rubric", "r.toml"])
        .run();
    assert_eq!(out.status, 2, "{}", out.stdout);
    assert!(
        out.stderr
            .starts_with("错误：r.toml:6:1：scorers 中含有控制字符（“\\u{5}U”）"),
        "{}",
        out.stderr
    );
}
