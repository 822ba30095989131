//! Reading rubric TOML files into the model, with every rule of the format
//! (`docs/formats.md`, “The rubric”) checked and every failure reported at
//! the line of its key.
//!
//! The document is walked by hand over toml's spanned tree rather than through
//! serde: serde stops at the first unknown key, and a rubric author should
//! see every mistake of a file in one run.
//!
//! `parse` reads one file, through `walk` (typed values at their keys) and
//! a module per part of the file: `top` (the top-level keys, `[period]`,
//! `[scorers]`, `[conversion]`), `grades`, `units`, `indicators` (sections
//! and groups, over `tree`) and `leaves` (items, rules, weights). `across`
//! checks what must hold across the rubrics of a run.

use std::path::Path;
use std::sync::Arc;

use crate::model::catalog::Catalog;
use crate::model::rubric::{Rubric, Unit};
use crate::model::source::{InputFile, Role, sha256_hex};
use crate::text::diag::Diagnostics;
use crate::text::i18n::msg;

mod across;
mod grades;
mod indicators;
mod leaves;
mod mechanics;
mod parse;
mod syntax;
mod top;
mod tree;
mod units;
mod walk;

pub use parse::parse_rubric;
pub(crate) use syntax::{toml_date, toml_reason};
pub(crate) use walk::{Field, Walk, kind};

use across::{check_ids, check_units};
use parse::{Roster, parse_parts};

/// The rubrics compiled into the binary, used when no `--rubric` is given.
pub const EMBEDDED: [(&str, &str); 2] = [
    (
        "rubrics/counties.toml",
        include_str!("../../../rubrics/counties.toml"),
    ),
    (
        "rubrics/departments.toml",
        include_str!("../../../rubrics/departments.toml"),
    ),
];

/// Loads the named rubric files, or the embedded ones when none is named,
/// and checks what must hold across them (unique rubric ids, unit ids and
/// unit names). Returns `None` when anything was wrong.
pub fn load_rubrics(paths: &[impl AsRef<Path>], diags: &mut Diagnostics) -> Option<Catalog> {
    let before = diags.len();
    let mut rubrics = Vec::new();
    // The rosters of rubrics that failed, so that their units are checked
    // against the others' in the same run.
    let mut failed: Vec<Roster> = Vec::new();
    let mut take = |parsed: Result<Rubric, Roster>| match parsed {
        Ok(r) => rubrics.push(r),
        Err(roster) => failed.push(roster),
    };
    if paths.is_empty() {
        for (name, text) in EMBEDDED {
            let origin = InputFile {
                role: Role::Rubric,
                path: Arc::from(format!("embedded:{name}")),
                sha256: sha256_hex(text.as_bytes()),
            };
            take(parse_parts(text, origin, diags));
        }
    } else {
        for path in paths {
            if let Some(parsed) = parse_file(path.as_ref(), diags) {
                take(parsed);
            }
        }
    }
    let rosters: Vec<Roster> = rubrics
        .iter()
        .map(|r| Roster {
            path: Arc::clone(&r.origin.path),
            units: Vec::new(),
        })
        .collect();
    let all: Vec<(&Arc<str>, &[Unit])> = rubrics
        .iter()
        .zip(&rosters)
        .map(|(r, roster)| (&roster.path, r.units.as_slice()))
        .chain(failed.iter().map(|f| (&f.path, f.units.as_slice())))
        .collect();
    check_ids(&rubrics, diags);
    check_units(&all, diags);
    (diags.len() == before).then(|| Catalog::new(rubrics))
}

/// One rubric file, read and parsed; `None` when it cannot be read or is
/// not UTF-8 (reported).
fn parse_file(path: &Path, diags: &mut Diagnostics) -> Option<Result<Rubric, Roster>> {
    let (file, bytes) = crate::tables::file::read(path, "rubric", diags)?;
    let origin = InputFile {
        role: Role::Rubric,
        path: Arc::clone(&file),
        sha256: sha256_hex(&bytes),
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(parse_parts(text, origin, diags)),
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            diags.error_at(&file, line, msg!("rubric-not-utf8"));
            None
        }
    }
}
