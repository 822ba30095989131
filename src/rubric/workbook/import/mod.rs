//! Rubric workbooks (`docs/rubric-workbook.md`): the format's vocabulary
//! (sheet and column names, the forms of a cell), shared with the writer in
//! `rubric::workbook::export`, and `rubric import`, which reads such a
//! workbook into a rubric file.
//!
//! Import reads the sheets into a [`Draft`], writes it with
//! [`toml_out::write`] (which gives back the cell of every line), and loads
//! the text with the rubric loader: what the loader finds wrong is reported
//! at the cell that produced the line. What only the workbook can get wrong
//! (a missing sheet or column, a cell that is not a number, an unknown
//! scorer, weights, merged cells) is checked here first. Every error names
//! its sheet and cell, and all of them are reported at once.
//!
//! The sheets are read one to a module: `info` (基本信息, with `settings`
//! for the rows of part three), `scorers` (评分单位), `units` (考核对象),
//! `lists` (单位类别, 指标 and 考核方式), `groups` (指标说明), `items`
//! (细则, with `leaf`, `weights`, `titles`, `merges`, `naming`, `part`,
//! `measured` and `classes`) and `rules` (扣分标准), over the plumbing of
//! `cells`, `columns` and `values`.

use std::path::Path;
use std::sync::Arc;

use crate::rubric::toml_out::{self, Draft};
use crate::text::diag::{Diagnostic, Diagnostics};

mod cells;
mod classes;
mod columns;
mod groups;
mod info;
mod items;
mod leaf;
mod lists;
mod measured;
mod merges;
mod naming;
mod open;
mod part;
mod rules;
mod scorers;
mod settings;
mod titles;
mod tree;
mod units;
mod values;
mod vocabulary;
mod weights;

pub use cells::At;
pub use vocabulary::*;

use cells::Errors;
use open::{Sheets, open_book, read_sheets};

/// Reads a rubric workbook into the text of a rubric file, checked by the
/// loader; or every problem, each at its sheet and cell.
pub fn import(file: &Arc<str>, path: &Path) -> Result<String, Vec<Diagnostic>> {
    let mut e = Errors::new(file);
    let mut book = match open_book(path) {
        Ok(b) => b,
        Err(m) => {
            e.general.push(m);
            return Err(e.into_diagnostics());
        }
    };
    let Some(sheets) = read_sheets(&mut book, file, &mut e) else {
        return Err(e.into_diagnostics());
    };
    let draft = read_draft(&sheets, &mut e);
    let (text, origins) = toml_out::write(&draft);
    let ok = load(file, &text, &origins, &mut e);
    if ok && e.is_empty() {
        Ok(text)
    } else {
        Err(e.into_diagnostics())
    }
}

/// The rubric as the sheets have it, each value with its cell.
fn read_draft(sheets: &Sheets, e: &mut Errors) -> Draft<At> {
    let mut draft = Draft::empty();
    if let Some(s) = &sheets.info {
        info::read_info(s, sheets.items.as_ref(), &mut draft, e);
    }
    let scorers = sheets
        .scorers
        .as_ref()
        .map(|s| scorers::read_scorers(s, &mut draft, e))
        .unwrap_or_default();
    let classes = read_lists(sheets, &mut draft, e);
    let measures = match &sheets.measures {
        Some(s) => {
            let (table, named) = lists::read_measures(s, e);
            draft.measures = (!table.1.is_empty()).then_some(table);
            named
        }
        None => Vec::new(),
    };
    if let Some(s) = &sheets.units {
        units::read_units(s, &classes, &mut draft, e);
    }
    let groups = sheets
        .groups
        .as_ref()
        .map(|s| groups::read_groups(s, &classes, e))
        .unwrap_or_default();
    if let Some(s) = &sheets.items {
        let refs = leaf::Refs {
            scorers: &scorers,
            have_scorers: sheets.scorers.is_some(),
            classes: &classes,
            measures: &measures,
        };
        let mut tree = items::read_items(s, &refs, &groups, e);
        if let Some(r) = &sheets.rules {
            rules::read_rules(r, &mut tree, e);
        }
        draft.sections = tree.into_sections(e);
    }
    draft
}

/// 单位类别 and 考核方式 into the draft (a sheet with no rows writes no
/// table: its emptiness is reported once, at the sheet); the classes cells
/// may name.
fn read_lists(sheets: &Sheets, draft: &mut Draft<At>, e: &mut Errors) -> Vec<lists::Named> {
    if let Some(s) = &sheets.methods {
        let (table, _) = lists::read_labels(s, true, e);
        draft.methods = (!table.1.is_empty()).then_some(table);
    }
    let Some(s) = &sheets.classes else {
        return Vec::new();
    };
    let (table, named) = lists::read_labels(s, false, e);
    draft.classes = (!table.1.is_empty()).then_some(table);
    named
}

/// Loads the text written from the draft; whether it loaded. What the
/// loader finds is reported at the cell of its line (`origins`), unless the
/// cell has a problem of its own already, or the loader only misses what
/// could not be read (reported here).
fn load(file: &Arc<str>, text: &str, origins: &[Option<At>], e: &mut Errors) -> bool {
    let mut loaded = Diagnostics::new();
    let origin = crate::model::source::InputFile {
        role: crate::model::source::Role::Rubric,
        path: Arc::clone(file),
        sha256: String::new(),
    };
    let ok = crate::rubric::parse(text, origin, &mut loaded).is_some();
    const CONSEQUENCES: [&str; 6] = [
        "rubric-key-missing",
        "rubric-no-unit",
        "rubric-no-grade",
        "rubric-scorers-empty",
        "rubric-group-empty",
        "rubric-weights-empty",
    ];
    const SUMS: [&str; 2] = ["rubric-maxima-sum", "rubric-group-max"];
    let direct = !e.is_empty();
    for d in loaded.into_vec() {
        if direct && CONSEQUENCES.contains(&d.message.key)
            || e.incomplete && SUMS.contains(&d.message.key)
        {
            continue;
        }
        let at = d.location.as_ref().and_then(|l| {
            origins[..l.line.min(origins.len())]
                .iter()
                .rev()
                .find_map(Clone::clone)
        });
        match at {
            Some(at) if e.has_cell(&at) => {}
            Some(at) => e.at(at, d.message),
            None => e.general.push(d.message),
        }
    }
    ok
}
