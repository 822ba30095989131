//! The generated years of the benchmarks (`benches/support`), read as a user
//! reads them: each shape is accepted, a wide score sheet and its workbook
//! twin give the same results as each other, the daily records as CSV and as
//! a workbook too, and a short-row file read on two cores gives the one-core
//! result byte for byte. (The benchmarks measure these files; if they stopped
//! being valid, the figures would measure error reporting instead.)

// Not every generator the benchmarks use is used here.
#[allow(dead_code)]
#[path = "../../benches/support/mod.rs"]
mod support;

use std::path::Path;
use std::process::Command;

/// Runs the binary in `dir`; requires exit 0 and nothing on stderr.
fn assess(dir: &Path, args: &[&str], split_min: Option<&str>) -> Vec<u8> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_assess"));
    cmd.args(args).current_dir(dir).env("ASSESS_LANG", "en");
    if let Some(s) = split_min {
        cmd.env("ASSESS_SPLIT_MIN", s);
    }
    let out = cmd.output().expect("the binary runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "",
        "stderr of {args:?}"
    );
    assert_eq!(out.status.code(), Some(0), "exit status of {args:?}");
    out.stdout
}

#[test]
fn a_wide_sheet_and_a_daily_workbook_read_as_their_csv_twins() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let spec = support::Spec {
        units: 40,
        items: 61,
        scorers: 1,
        rows: 2000,
        seed: 7,
        shape: support::Shape::Long,
    };
    let s = support::generate_sheets(&spec, dir.path()).expect("generated sheets");
    assert_eq!((s.wide_rows, s.wide_columns), (40, 60));
    let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
    let (wide_csv, wide_xlsx) = (name(&s.wide_csv), name(&s.wide_xlsx));
    let (daily_csv, daily_xlsx) = (name(&s.files.daily), name(&s.daily_xlsx));
    let run = |annual: &str, daily: &str| {
        assess(
            dir.path(),
            &[
                "score",
                "--rubric",
                "rubric.toml",
                "--annual",
                annual,
                "--daily",
                daily,
                "--format",
                "csv",
            ],
            None,
        )
    };
    let reference = run(&wide_csv, &daily_csv);
    let text = String::from_utf8_lossy(&reference);
    // A header and one row per unit, every one scored.
    assert_eq!(text.lines().count(), 41, "{text}");
    assert!(
        text.lines().skip(1).all(|l| l.starts_with("scale,")),
        "{text}"
    );
    for (annual, daily) in [
        (&wide_xlsx, &daily_csv),
        (&wide_csv, &daily_xlsx),
        (&wide_xlsx, &daily_xlsx),
    ] {
        assert_eq!(
            String::from_utf8_lossy(&run(annual, daily)),
            text,
            "{annual} and {daily}"
        );
    }
}

#[test]
fn short_rows_on_two_cores_are_short_rows_on_one() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let spec = support::Spec {
        rows: 30_000,
        shape: support::Shape::Short,
        ..support::Spec::default()
    };
    let g = support::generate(&spec, dir.path()).expect("generated year");
    // About 75 bytes a record, as the short shape promises.
    let per_row = g.daily_bytes / g.daily_rows;
    assert!((65..=80).contains(&per_row), "{per_row} bytes a row");
    let run = |split_min| {
        assess(
            dir.path(),
            &[
                "score",
                "--rubric",
                "rubric.toml",
                "--annual",
                "annual.csv",
                "--daily",
                "daily.csv",
                "--format",
                "json",
            ],
            Some(split_min),
        )
    };
    let one = run("999999999999");
    let two = run("1");
    assert!(
        String::from_utf8_lossy(&one).contains("\"total\""),
        "a scored year"
    );
    assert!(
        one == two,
        "the two-core JSON differs from the one-core JSON"
    );
}
