//! The input tables (annual scores, daily records, published results) and
//! what they accumulate into: one entry per (unit, item), never a list of rows.

pub mod adjust;
pub mod annual;
pub mod claims;
pub mod daily;
pub mod ledger;
pub mod measures;
pub mod notice;
pub mod previous;
pub mod published;

pub mod names;
pub mod scores;
pub mod template;
mod wide;

pub use crate::tables::table::Encoding;

use std::path::PathBuf;

use crate::model::catalog::{Catalog, UnitRef};
use crate::model::inputs::{Inputs, ItemInputs, Trace, UnitInputs};
use crate::model::source::Location;
use crate::text::diag::Diagnostics;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// The inputs of a run as given on the command line.
#[derive(Debug, Clone, Default)]
pub struct InputPaths {
    pub annual: Vec<PathBuf>,
    pub daily: Vec<PathBuf>,
    /// `--measures`: the units' measured values (指标数据).
    pub measures: Vec<PathBuf>,
    /// `--adjust`: the review's adjustments (复核调整).
    pub adjust: Vec<PathBuf>,
    pub encoding: Encoding,
    /// `--sheet`: only these sheets of a workbook (default: every sheet but
    /// the empty ones and the instructions).
    pub sheet: Option<Vec<String>>,
    /// `--allow-missing`: a missing annual score counts as 0 and marks the
    /// result provisional.
    pub allow_missing: bool,
}

/// Rows read from one table (a CSV file, a sheet of a workbook) and how
/// many distinct units and items they name.
#[derive(Debug)]
pub struct FileSummary {
    /// The file, or `file[sheet]`.
    pub path: std::sync::Arc<str>,
    pub role: crate::model::source::Role,
    pub rows: usize,
    pub units: usize,
    pub items: usize,
    /// Lines `check` prints under the summary: footer rows skipped, sheets
    /// left out.
    pub notes: Vec<Message>,
}

impl FileSummary {
    /// Rows read, and how many units and items they named.
    fn new(
        path: &std::sync::Arc<str>,
        role: crate::model::source::Role,
        rows: usize,
        units: usize,
        items: usize,
    ) -> FileSummary {
        FileSummary {
            path: std::sync::Arc::clone(path),
            role,
            rows,
            units,
            items,
            notes: Vec::new(),
        }
    }

    /// Adds `check`'s notes of a table: its footer rows skipped.
    fn footers(mut self, footers: usize) -> FileSummary {
        if footers > 0 {
            self.notes
                .push(msg!("check-footers", path = &self.path, rows = footers));
        }
        self
    }
}

/// Attaches the notes of a file (sheets left out) to its last table's summary.
fn attach_notes(summaries: &mut [FileSummary], from: usize, notes: Vec<Message>) {
    if let Some(last) = summaries[from..].last_mut() {
        last.notes.extend(notes);
    }
}

/// Empty inputs for every unit and item of every rubric: the shape of the
/// year's inputs and of each file's tally, bounded by units x items.
fn blank_units(catalog: &Catalog) -> Vec<Vec<UnitInputs>> {
    catalog
        .rubrics
        .iter()
        .map(|r| {
            let blank = UnitInputs {
                items: r
                    .items
                    .iter()
                    .map(|i| ItemInputs {
                        annual: vec![None; i.scorers.len()],
                        rules: vec![crate::num::Sum::default(); i.rules.len()],
                        ..ItemInputs::default()
                    })
                    .collect(),
                ..UnitInputs::default()
            };
            vec![blank; r.units.len()]
        })
        .collect()
}

/// What the readers build: the year's inputs, and what each table held
/// (`check` prints it).
#[derive(Debug)]
pub struct Reading {
    pub inputs: Inputs,
    pub summaries: Vec<FileSummary>,
    /// Daily records a withdrawal matched, left out of the sums.
    withdrawn: Vec<adjust::Hit>,
}

/// What to keep besides the sums: one unit's daily records (`explain`), or
/// every record and annual note (`publish` lists them unit by unit).
#[derive(Debug, Clone, Copy, Default)]
pub struct Keep {
    pub trace: Option<UnitRef>,
    pub all: bool,
}

/// Reads every annual and daily file into the year's inputs; every problem
/// goes to `diags`. What only the whole year can tell (missing scores, n/a
/// agreement) is the engine's to check (`engine::year`).
pub fn read(catalog: &Catalog, paths: &InputPaths, keep: Keep, diags: &mut Diagnostics) -> Reading {
    let Keep {
        trace,
        all: keep_all,
    } = keep;
    let units = blank_units(catalog);
    let inputs = Inputs {
        files: Vec::new(),
        units,
        missing: 0,
        trace: trace.map(|unit| Trace {
            unit,
            records: Vec::new(),
        }),
        records: Vec::new(),
        notes: Vec::new(),
        review: None,
        gaps: Default::default(),
    };
    let mut out = Reading {
        inputs,
        summaries: Vec::new(),
        withdrawn: Vec::new(),
    };
    let errors_before = diags.len();
    let mut seen = std::collections::HashSet::new();
    let mut once = |path: &PathBuf, diags: &mut Diagnostics| {
        // The same file twice would count every score and record twice.
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        let first = seen.insert(key);
        if !first {
            let file: std::sync::Arc<str> = std::sync::Arc::from(path.display().to_string());
            diags.error(Location::new(&file, 0), msg!("input-file-twice"));
        }
        first
    };
    let found = std::cell::RefCell::new(Vec::new());
    let options = crate::tables::table::ReadOptions {
        encoding: paths.encoding,
        sheets: paths.sheet.as_deref(),
        sheets_found: Some(&found),
    };
    let mut workbooks = 0;
    for arg in &paths.annual {
        let (path, scorer) = annual_arg(arg);
        if once(&path, diags) {
            workbooks += usize::from(is_workbook(&path));
            annual::read(
                catalog,
                &path,
                scorer.as_deref(),
                &options,
                keep_all,
                &mut out,
                diags,
            );
        }
    }
    // The review after the annual scores (a rescore replaces one) and
    // before the daily records (a withdrawal takes one out of the sums).
    let mut review = adjust::Review::default();
    for path in &paths.adjust {
        if once(path, diags) {
            workbooks += usize::from(is_workbook(path));
            adjust::read(catalog, path, &options, &mut review, &mut out, diags);
        }
    }
    let keep = daily::Keep {
        trace,
        all: keep_all,
        withdrawals: (!review.withdrawals.is_empty()).then_some(&review.withdrawals),
    };
    for path in &paths.daily {
        if once(path, diags) {
            workbooks += usize::from(is_workbook(path));
            daily::read(catalog, path, &options, &keep, &mut out, diags);
        }
    }
    let mut measured = measures::Measured::default();
    for path in &paths.measures {
        if once(path, diags) {
            workbooks += usize::from(is_workbook(path));
            measures::read(catalog, path, &options, &mut measured, &mut out, diags);
        }
    }
    measured.apply(catalog, &mut out.inputs.units);
    // The review's files are listed last, after the measures.
    if !paths.adjust.is_empty() {
        let files = std::mem::take(&mut review.files);
        let withdrawn = std::mem::take(&mut out.withdrawn);
        out.inputs.review = Some(review.finish(catalog, &withdrawn, diags));
        out.inputs.files.extend(files);
    }
    // A --sheet name that no workbook has is a slip, not a choice.
    // (When no workbook had any, each said so already.)
    if let Some(wanted) = &paths.sheet
        && workbooks > 0
        && !found.borrow().is_empty()
    {
        let found = found.borrow();
        for w in wanted {
            if !found.iter().any(|f| f == w.trim()) {
                diags.general(msg!("input-sheet-nowhere", sheet = w.as_str()));
            }
        }
    }
    // No annual file and other problems: the checks are of other tables,
    // and every score would be listed missing; they are told on their own.
    if paths.annual.is_empty() && diags.len() > errors_before {
        out.inputs.gaps.unattributed = true;
    }
    // A name that is not on the roster is one mistake however many rows
    // repeat it: one error, at its first row, with the number of rows.
    diags.fold_repeats("input-unknown-unit", "unit", "input-unknown-unit-rows");
    diags.fold_repeats("input-unknown-item", "item", "input-unknown-item-rows");
    out
}

/// `--annual FILE@SCORER`: the file, and the scorer of its tables that do
/// not name their own. A file whose name holds `@` is taken whole.
fn annual_arg(arg: &std::path::Path) -> (PathBuf, Option<String>) {
    if arg.exists() {
        return (arg.to_path_buf(), None);
    }
    if let Some((file, scorer)) = arg.to_str().and_then(|a| a.rsplit_once('@'))
        && !scorer.trim().is_empty()
        && !scorer.contains(['/', '\\'])
        && std::path::Path::new(file).exists()
    {
        return (PathBuf::from(file), Some(scorer.trim().to_string()));
    }
    (arg.to_path_buf(), None)
}

/// Whether the file is a workbook (for telling a `--sheet` no workbook has).
fn is_workbook(path: &std::path::Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 8];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| crate::tables::workbook::is_workbook(&head))
}
