//! The inputs the tests share. The files are in tests/fixtures/ (open them
//! to see the lines that error messages name, e.g. `r.toml:45:3`); inputs
//! of one module are there too, under the module's name, and included by it.

use super::{Case, Snapshot};

/// The CSV result of the test year where 一县 (u1) scores 7 on 1.1 and has
/// one deduction of 0.5 (16.50) and the others full marks (18.00): what many
/// ways of writing those inputs (tables, encodings, workbooks) must give.
pub fn u1_at_16_50() -> Snapshot {
    Snapshot::file("common/u1_at_16_50.csv")
}

/// A small rubric used across the tests, on a 20-point scale:
/// 1.1 (8, office), 1.2 (6, office 0.5 + lead 0.5), 2.1 (4, daily only,
/// from full), 2.2 (2, daily only, from zero, additions capped at 1.5).
pub const RUBRIC: &str = include_str!("../fixtures/rubric.toml");

/// Annual scores giving every unit full marks on every scored item.
pub const FULL_ANNUAL: &str = include_str!("../fixtures/annual-full.csv");

pub const DAILY_HEADER: &str = "date,unit,item,kind,points,method,note\n";

pub const CSV_HEADER: &str =
    "rubric,rank,unit_id,unit,total,grade,grade_label,deducted,added,veto,scaled,provisional\n";

/// A case with the given rubric, annual and daily tables (as r.toml, a.csv
/// and d.csv), run as `score --rubric r.toml --annual a.csv --daily d.csv`.
pub fn score_case(
    rubric: impl AsRef<[u8]>,
    annual: impl AsRef<[u8]>,
    daily: impl AsRef<[u8]>,
) -> Case {
    Case::new()
        .file("r.toml", rubric)
        .file("a.csv", annual)
        .file("d.csv", daily)
        .args(&[
            "score", "--rubric", "r.toml", "--annual", "a.csv", "--daily", "d.csv",
        ])
}

/// A case with the test rubric and the given annual and daily tables, run as
/// `score --format csv`.
pub fn csv_case(annual: &str, daily: &str) -> Case {
    score_case(RUBRIC, annual, daily).args(&["--format", "csv"])
}
