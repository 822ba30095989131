//! What the four fuzz targets share: scratch files for the fuzz input (the
//! readers take paths), the fixed catalog the table targets read against,
//! the contract every reader must keep, and the whole pipeline
//! (score -> render table, xlsx, CSV, JSON -> read the CSV back as published
//! results).
//!
//! Only the library's public entry points are used: `rubric::load_rubrics`,
//! `engine::year::read`, `input::published::read`, `score::score` and
//! `report::render`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assess::text::diag::{Diagnostic, Diagnostics};
use assess::input::InputPaths;
use assess::tables::table::Encoding;
use assess::model::inputs::Inputs;
use assess::report::Format;
use assess::text::i18n::Lang;
use assess::model::catalog::Catalog;

/// The rubrics the table targets read against: the two shipped ones and the
/// two worked cases of the spec (several scorers per item, `start = "full"`,
/// `decimals = 0`, dense ranking, a period that is not the calendar year).
/// Their unit ids and names are distinct, so they load together, and every
/// seed table (examples/2020, shared/worked) names units of this catalog.
pub const TABLE_RUBRICS: [(&str, &str); 4] = [
    ("counties", include_str!("../../rubrics/counties.toml")),
    (
        "departments",
        include_str!("../../rubrics/departments.toml"),
    ),
    ("case1", include_str!("../seeds/rubric/case1.toml")),
    ("case2", include_str!("../seeds/rubric/case2.toml")),
];

/// A file in the scratch folder (`/dev/shm` when there is one), named after
/// this process so that parallel fuzzers (`-jobs`, `-fork`) never share one;
/// removed when dropped.
pub struct Scratch {
    pub path: PathBuf,
    pub name: String,
}

impl Scratch {
    pub fn new(name: &str, bytes: &[u8]) -> Scratch {
        let dir = std::env::var_os("ASSESS_FUZZ_TMP")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                let shm = Path::new("/dev/shm");
                if shm.is_dir() {
                    shm.to_path_buf()
                } else {
                    std::env::temp_dir()
                }
            });
        let path = dir.join(format!("assess-fuzz-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes)
            .unwrap_or_else(|e| panic!("harness: cannot write {}: {e}", path.display()));
        // Readers name files by `path.display()`.
        let name = path.display().to_string();
        Scratch { path, name }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// A file a diagnostic may name, with its bytes when they are known (to
/// bound the line numbers).
pub struct Known<'a> {
    pub name: &'a str,
    pub bytes: Option<&'a [u8]>,
    /// Whether no location may land on a blank line (a CSV table: blank rows
    /// are skipped; not a TOML file, where an error may be at the end).
    pub blank_lines_checked: bool,
}

/// The highest line a location in a text of these bytes can have: one more
/// than its line ends, counting a lone CR as one too (an upper bound, so a
/// CRLF file is counted twice over).
fn max_line(bytes: &[u8]) -> usize {
    1 + bytes.iter().filter(|&&b| b == b'\n' || b == b'\r').count()
}

fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// The readers' contract: `None` comes with at least one diagnostic, and an
/// accepted input with none; every diagnostic has a location, and that
/// location names one of the files read (a worksheet as `file[sheet]`), with
/// a line that exists in it, and says something.
pub fn check_diagnostics(what: &str, list: &[Diagnostic], accepted: bool, files: &[Known]) {
    if accepted {
        assert!(
            list.is_empty(),
            "{what} accepted the input but reported {} problem(s): {list:?}",
            list.len()
        );
    } else {
        assert!(
            !list.is_empty(),
            "{what} returned None without a diagnostic"
        );
    }
    for d in list {
        assert!(
            !d.message.to_string().trim().is_empty(),
            "{what}: a diagnostic without a message: {d:?}"
        );
        let Some(loc) = &d.location else {
            panic!("{what}: a diagnostic without a location (file input): {d}");
        };
        assert!(
            !loc.file.trim().is_empty(),
            "{what}: a location with an empty file name: {d}"
        );
        let Some(known) = files.iter().find(|k| loc.file.starts_with(k.name)) else {
            let names: Vec<&str> = files.iter().map(|k| k.name).collect();
            panic!("{what}: a location that names none of the files read {names:?}: {d}");
        };
        if let Some(c) = loc.column {
            assert!(c >= 1, "{what}: column 0 in {d}");
        }
        if &*loc.file == known.name
            && let Some(bytes) = known.bytes
            && !is_workbook(bytes)
        {
            let max = max_line(bytes);
            assert!(
                loc.line <= max,
                "{what}: line {} is past the end of the file ({max} lines at most): {d}",
                loc.line
            );
            // Blank rows are skipped, so no problem is on a blank line:
            // a line number that lands on one counts lines wrongly.
            if loc.line >= 1
                && known.blank_lines_checked
                && bytes.split(|&b| b == b'\n').any(|l| !is_blank_line(l))
            {
                let line = bytes.split(|&b| b == b'\n').nth(loc.line - 1);
                assert!(
                    !line.is_some_and(is_blank_line),
                    "{what}: the problem is located on line {}, which is blank (line numbers must be the file's physical lines): {d}",
                    loc.line
                );
            }
        }
    }
}

/// A line every reader skips: nothing but spaces, tabs, commas and a CR
/// (every cell empty once trimmed).
fn is_blank_line(line: &[u8]) -> bool {
    line.iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b','))
}

/// The fixed catalog of the table targets (loaded once per process).
pub struct TableCatalog {
    pub catalog: Catalog,
    /// The names the rubric files were loaded under (locations of errors
    /// about missing scores and overflowing units point there).
    pub rubric_names: Vec<String>,
}

pub fn table_catalog() -> &'static TableCatalog {
    static CATALOG: OnceLock<TableCatalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let files: Vec<Scratch> = TABLE_RUBRICS
            .iter()
            .map(|(name, text)| Scratch::new(&format!("rubric-{name}.toml"), text.as_bytes()))
            .collect();
        let paths: Vec<&Path> = files.iter().map(|f| f.path.as_path()).collect();
        let mut diags = Diagnostics::new();
        let catalog = assess::rubric::load_rubrics(&paths, &mut diags);
        let Some(catalog) = catalog else {
            let problems: Vec<String> = diags.into_vec().iter().map(|d| d.to_string()).collect();
            panic!(
                "harness: the fixed rubrics no longer load together:\n{}",
                problems.join("\n")
            );
        };
        TableCatalog {
            catalog,
            rubric_names: files.iter().map(|f| f.name.clone()).collect(),
        }
    })
}

/// The encoding a second pass forces, chosen from the input so that a run
/// reproduces: `--encoding utf8` or `--encoding gbk`.
pub fn forced_encoding(data: &[u8]) -> Encoding {
    if data.len() % 2 == 0 {
        Encoding::Utf8
    } else {
        Encoding::Gbk
    }
}

/// Reading on one core or on two. The library cuts a UTF-8 table of at least
/// `ASSESS_SPLIT_MIN` bytes (8 MiB by default; the variable exists so tests
/// can take that path with small files) in two near a line end and reads the
/// halves on two threads; the result and the errors must be those of one pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Passes {
    One,
    Two,
}

impl Passes {
    pub fn set(self) {
        // Safety: the fuzz targets are single-threaded between calls (the
        // library joins its reader threads before returning), so nothing
        // reads the environment while it changes.
        unsafe {
            match self {
                Passes::One => std::env::set_var("ASSESS_SPLIT_MIN", (u64::MAX / 2).to_string()),
                Passes::Two => std::env::set_var("ASSESS_SPLIT_MIN", "1"),
            }
        }
    }
}

/// What one reading gave, to compare the one-core and two-core readings.
/// Diagnostics are compared as the command line prints them
/// (`Diagnostics::sorted`: by file, then line), not in the order found.
#[derive(Debug, PartialEq, Eq)]
pub struct Outcome {
    pub diagnostics: Vec<String>,
    /// The JSON rendering of the scored inputs, or the scoring errors.
    pub scored: Option<Result<String, Vec<String>>>,
}

pub fn strings(list: &[Diagnostic]) -> Vec<String> {
    list.iter().map(|d| d.to_string()).collect()
}

/// Panics, showing the first difference, when the one-core and the
/// two-core readings differ.
pub fn same_outcome(one: &Outcome, two: &Outcome) {
    if one == two {
        return;
    }
    let (a, b) = (&one.diagnostics, &two.diagnostics);
    if let Some(i) = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i)) {
        if a.len() + b.len() <= 12 {
            panic!(
                "reading the table on one core and on two differ:\n  one core: {a:#?}\n  two cores: {b:#?}"
            );
        }
        panic!(
            "reading the table on one core and on two differ: {} and {} diagnostics; the first difference, #{}:\n  one core: {:?}\n  two cores: {:?}",
            a.len(),
            b.len(),
            i + 1,
            a.get(i),
            b.get(i)
        );
    }
    if let (Some(Ok(a)), Some(Ok(b))) = (&one.scored, &two.scored) {
        let (la, lb): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
        if let Some(i) = (0..la.len().max(lb.len())).find(|&i| la.get(i) != lb.get(i)) {
            let from = i.saturating_sub(12);
            panic!(
                "reading the table on one core and on two give different scores; JSON line {}:\n  one core: {:?}\n  two cores: {:?}\n--- context (one core):\n{}",
                i + 1,
                la.get(i),
                lb.get(i),
                la[from..(i + 1).min(la.len())].join("\n")
            );
        }
    }
    let short = |o: &Option<Result<String, Vec<String>>>| match o {
        None => "not accepted".to_string(),
        Some(Err(e)) => format!("not scored: {e:?}"),
        Some(Ok(json)) => format!("scored, JSON of {} bytes", json.len()),
    };
    panic!(
        "reading the table on one core and on two differ in the result:\n  one core: {}\n  two cores: {}",
        short(&one.scored),
        short(&two.scored)
    );
}

/// Which table a table target fuzzes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Annual,
    Daily,
}

/// Reads `data` as an annual or daily table against the fixed catalog:
/// with `--encoding auto --allow-missing` on one core and on two (which must
/// agree), then with a forced encoding and without `--allow-missing`;
/// the contract is checked each time and the whole pipeline runs on what
/// is accepted.
pub fn fuzz_table(kind: TableKind, data: &[u8]) {
    let tc = table_catalog();
    let file = Scratch::new(
        match kind {
            TableKind::Annual => "annual.csv",
            TableKind::Daily => "daily.csv",
        },
        data,
    );
    let mut known = vec![Known {
        name: &file.name,
        bytes: Some(data),
        blank_lines_checked: true,
    }];
    known.extend(tc.rubric_names.iter().map(|n| Known {
        name: n,
        bytes: None,
        blank_lines_checked: false,
    }));
    let read = |encoding: Encoding, allow_missing: bool, passes: Passes| -> Outcome {
        let mut paths = InputPaths {
            encoding,
            allow_missing,
            ..InputPaths::default()
        };
        match kind {
            TableKind::Annual => paths.annual.push(file.path.clone()),
            TableKind::Daily => paths.daily.push(file.path.clone()),
        }
        passes.set();
        let mut diags = Diagnostics::new();
        let inputs = assess::engine::year::read(&tc.catalog, &paths, Default::default(), &mut diags).map(|r| r.inputs);
        Passes::One.set();
        let list = diags.sorted();
        check_diagnostics("engine::year::read", &list, inputs.is_some(), &known);
        let diagnostics = strings(&list);
        if std::env::var_os("ASSESS_FUZZ_SHOW").is_some() {
            eprintln!("--- {encoding:?}, allow_missing {allow_missing}, {passes:?} pass(es):");
            for d in &diagnostics {
                eprintln!("{d}");
            }
        }
        let scored = inputs.map(|inputs| pipeline(&tc.catalog, &inputs, &known));
        Outcome {
            diagnostics,
            scored,
        }
    };
    let one = read(Encoding::Auto, true, Passes::One);
    let two = read(Encoding::Auto, true, Passes::Two);
    same_outcome(&one, &two);
    read(forced_encoding(data), false, Passes::Two);
}

/// score -> render in every format -> the CSV read back as published results.
/// Returns the JSON rendering, or the scoring errors.
pub fn pipeline(
    catalog: &Catalog,
    inputs: &Inputs,
    known: &[Known],
) -> Result<String, Vec<String>> {
    let results = match assess::engine::score::score(catalog, inputs) {
        Ok(results) => results,
        Err(failure) => {
            // Only numbers too large to compute may stop scoring; that is
            // reported at the unit's line in its rubric.
            let list = failure.problems;
            check_diagnostics("score", &list, false, known);
            return Err(strings(&list));
        }
    };
    let render = |format: Format, lang: Lang| -> Vec<u8> {
        assess::report::render(format, catalog, &results, lang)
            .unwrap_or_else(|e| panic!("rendering as {format:?} failed: {e}"))
    };
    let text = |format: Format, bytes: Vec<u8>| -> String {
        String::from_utf8(bytes)
            .unwrap_or_else(|e| panic!("the {format:?} rendering is not UTF-8: {e}"))
    };
    for lang in [Lang::Zh, Lang::En] {
        let table = text(Format::Table, render(Format::Table, lang));
        assert!(!table.trim().is_empty(), "the table rendering is empty");
        let xlsx = render(Format::Xlsx, lang);
        assert!(
            xlsx.starts_with(b"PK"),
            "the xlsx rendering is not a zip file"
        );
    }

    let json = text(Format::Json, render(Format::Json, Lang::Zh));
    let doc: serde_json::Value = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("the JSON rendering does not parse: {e}\n{json}"));
    assert_eq!(
        doc["schema"], "assess.score.v1",
        "the JSON rendering has the wrong schema"
    );
    assert!(
        doc["provisional"].is_boolean(),
        "the JSON rendering has no boolean `provisional`"
    );
    assert!(
        doc["rubrics"].is_array(),
        "the JSON rendering has no `rubrics` array"
    );

    let csv_text = text(Format::Csv, render(Format::Csv, Lang::Zh));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let mut rows = 0;
    for (i, record) in reader.records().enumerate() {
        let record =
            record.unwrap_or_else(|e| panic!("the CSV rendering does not parse: {e}\n{csv_text}"));
        assert_eq!(
            record.len(),
            12,
            "row {} of the CSV rendering has {} cells, not 12:\n{csv_text}",
            i + 1,
            record.len()
        );
        if i == 0 {
            assert_eq!(
                record.iter().collect::<Vec<_>>().join(","),
                "rubric,rank,unit_id,unit,total,grade,grade_label,deducted,added,veto,scaled,provisional",
                "the CSV rendering has the wrong header"
            );
        }
        rows += 1;
    }
    assert!(rows >= 1, "the CSV rendering has no header");

    // docs: "The CSV that `assess score --format csv` writes reads as one
    // [published results file] too."
    let published = Scratch::new("roundtrip.csv", csv_text.as_bytes());
    let mut diags = Diagnostics::new();
    let back =
        assess::input::published::read(catalog, &published.path, Encoding::Auto, None, &mut diags);
    if back.is_none() {
        let problems: Vec<String> = diags.into_vec().iter().map(|d| d.to_string()).collect();
        panic!(
            "the CSV rendering does not read back as published results:\n{}\n--- the CSV:\n{csv_text}",
            problems.join("\n")
        );
    }
    Ok(json)
}

/// The zip writer the tests use for hand-made workbooks.
#[path = "../../tests/common/rawzip.rs"]
mod rawzip;

/// A zip archive of stored (uncompressed) entries, so that the fuzzer's
/// mutations of the workbook target reach the XML inside.
pub fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let entries: Vec<(&str, &[u8], Option<u32>)> = entries
        .iter()
        .map(|&(name, data)| (name, data, None))
        .collect();
    rawzip::stored_zip(&entries)
}

/// Separates the parts of a workbook target input.
pub const PART_SEPARATOR: &[u8] = b"\n\x00--\x00\n";

const RELS_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The workbook target's input as a file. A first byte below 0xC0 means
/// parts, split at `PART_SEPARATOR`: the first sheet's XML, the shared
/// strings, the styles, the workbook part (its list of sheets) and a
/// second sheet, each whole documents (absent ones left out of the zip,
/// but for a default workbook part naming two sheets); they are zipped,
/// stored, with the relationships that tie them, so mutations reach the
/// XML. Any other first byte: the rest is the file itself.
pub fn workbook_file(data: &[u8]) -> Vec<u8> {
    let Some((&mode, rest)) = data.split_first() else {
        return Vec::new();
    };
    if mode >= 0xC0 {
        return rest.to_vec();
    }
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut from = 0;
    while let Some(p) = rest[from..]
        .windows(PART_SEPARATOR.len())
        .position(|w| w == PART_SEPARATOR)
    {
        parts.push(&rest[from..from + p]);
        from += p + PART_SEPARATOR.len();
    }
    parts.push(&rest[from..]);
    let part = |k: usize| parts.get(k).copied().filter(|p| !p.is_empty());
    let default_book = format!(
        r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{RELS_NS}"><sheets><sheet name="评分表" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/></sheets></workbook>"#
    );
    let rels = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RELS_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{RELS_NS}/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="{RELS_NS}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="{RELS_NS}/styles" Target="styles.xml"/></Relationships>"#
    );
    let package = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{RELS_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("_rels/.rels", package.as_bytes()),
        (
            "xl/workbook.xml",
            part(3).unwrap_or(default_book.as_bytes()),
        ),
        ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
    ];
    for (k, name) in [
        (0, "xl/worksheets/sheet1.xml"),
        (1, "xl/sharedStrings.xml"),
        (2, "xl/styles.xml"),
        (4, "xl/worksheets/sheet2.xml"),
    ] {
        if let Some(p) = part(k) {
            entries.push((name, p));
        }
    }
    stored_zip(&entries)
}

/// Reads the workbook made of `data` (`workbook_file`) as annual scores,
/// daily records and published results against the fixed catalog; the
/// contract is checked each time, a reading must give the same outcome
/// twice, and the whole pipeline runs on what is accepted.
pub fn fuzz_workbook(data: &[u8]) {
    let tc = table_catalog();
    let bytes = workbook_file(data);
    let file = Scratch::new("book.xlsx", &bytes);
    let mut known = vec![Known {
        name: &file.name,
        bytes: Some(&bytes),
        blank_lines_checked: false,
    }];
    known.extend(tc.rubric_names.iter().map(|n| Known {
        name: n,
        bytes: None,
        blank_lines_checked: false,
    }));
    let read = |kind: TableKind, allow_missing: bool| -> Outcome {
        let mut paths = InputPaths {
            allow_missing,
            ..InputPaths::default()
        };
        match kind {
            TableKind::Annual => paths.annual.push(file.path.clone()),
            TableKind::Daily => paths.daily.push(file.path.clone()),
        }
        let mut diags = Diagnostics::new();
        let inputs = assess::engine::year::read(&tc.catalog, &paths, Default::default(), &mut diags).map(|r| r.inputs);
        let list = diags.sorted();
        check_diagnostics("engine::year::read", &list, inputs.is_some(), &known);
        let diagnostics = strings(&list);
        if std::env::var_os("ASSESS_FUZZ_SHOW").is_some() {
            for d in &diagnostics {
                eprintln!("{d}");
            }
        }
        let scored = inputs.map(|inputs| pipeline(&tc.catalog, &inputs, &known));
        Outcome {
            diagnostics,
            scored,
        }
    };
    let first = read(TableKind::Annual, true);
    same_outcome(&first, &read(TableKind::Annual, true));
    read(TableKind::Annual, false);
    read(TableKind::Daily, true);
    let mut diags = Diagnostics::new();
    let published =
        assess::input::published::read(&tc.catalog, &file.path, Encoding::Auto, None, &mut diags);
    let list = diags.sorted();
    check_diagnostics("published::read", &list, published.is_some(), &known);
}
