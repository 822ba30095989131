//! Annual scores (年度考核得分): one scorer's score for one unit on one item.
//!
//! A long table has a row per score (`unit, item, scorer, score, note`); a
//! wide one (评分表; `docs/office.md`, "Wide: a score sheet") a row per
//! unit and a column per item, which `wide` turns into the same scores.
//! Both end in `Tally::record`.

use std::path::Path;
use std::sync::Arc;

use crate::model::catalog::Catalog;
use crate::model::source::{Location, Role};
use crate::tables::table::{self, Layout, ReadOptions, Table};
use crate::text::diag::Diagnostics;
use crate::text::i18n::msg;

use super::scores::*;

pub(super) fn read(
    catalog: &Catalog,
    path: &Path,
    scorer: Option<&str>,
    options: &ReadOptions,
    keep_notes: bool,
    out: &mut super::Reading,
    diags: &mut Diagnostics,
) {
    let mut notes = Vec::new();
    let first_summary = out.summaries.len();
    let before = diags.len();
    let mut in_tables = 0;
    let provenance = table::read_tables(path, &KIND, options, diags, &mut notes, |table, diags| {
        let start = diags.len();
        read_table(catalog, table, scorer, keep_notes, out, diags);
        in_tables += diags.len() - start;
    });
    // A file or sheet that could not be read at all (missing, not text, no
    // header): its scorer's absences are that error's follow-ons.
    if diags.len() - before > in_tables {
        let named = scorer.map(|name| TableScorer {
            name: name.to_string(),
            at: Location::new(&std::sync::Arc::from(path.display().to_string()), 0),
            from_title: false,
        });
        doubt(catalog, named.as_ref(), None, &mut out.inputs.gaps);
    }
    super::attach_notes(&mut out.summaries, first_summary, notes);
    if let Some(provenance) = provenance {
        out.inputs.files.push(provenance);
    }
}

/// One table (a CSV file, a sheet): its rows into the year's scores.
fn read_table(
    catalog: &Catalog,
    table: Table,
    command_scorer: Option<&str>,
    keep_notes: bool,
    out: &mut super::Reading,
    diags: &mut Diagnostics,
) {
    let file = Arc::clone(&table.file);
    let header_line = table.header_line;
    let default = table_scorer(catalog, &table, command_scorer, diags);
    let slots = std::sync::Arc::new(Slots::new(catalog));
    let new = || Tally {
        cells: slots
            .width
            .iter()
            .zip(&catalog.rubrics)
            .map(|(w, r)| vec![None; w * r.units.len()])
            .collect(),
        slots: std::sync::Arc::clone(&slots),
        rows: 0,
        scorer_column_needed: None,
        seconds: Vec::new(),
        wide: None,
        keep_notes,
        notes: Vec::new(),
        blanks: Vec::new(),
        refused: Vec::new(),
    };
    let errors_before = diags.len();
    let (tallies, footers) = match table.layout {
        Layout::Long => {
            let has_scorer = table.has(SCORER);
            if let Some(d) = &default {
                check_named(catalog, d, None, diags);
            }
            table.rows(diags, new, |t, row, diags| {
                long_row(catalog, t, row, has_scorer, default.as_ref(), diags)
            })
        }
        Layout::Wide => {
            let mut table = table;
            let Some(columns) =
                super::wide::Columns::resolve(&mut table, catalog, default.as_ref(), diags)
            else {
                // Nothing of the sheet is read: its scorer's absences are its error's.
                doubt(catalog, default.as_ref(), None, &mut out.inputs.gaps);
                return;
            };
            let (tallies, footers) = table.rows(diags, new, |t, row, diags| {
                columns.row(catalog, t, row, diags)
            });
            for t in &tallies {
                columns.finish(t, diags);
            }
            if let (Some(d), Some((r, _, _))) =
                (&default, tallies.iter().find_map(|t| t.wide.as_ref()))
                && columns.column_errors(*r)
                && let Some(s) = catalog.rubrics[*r].scorer(&d.name)
            {
                out.inputs.gaps.columns_doubted.insert((*r, s));
            }
            (tallies, footers)
        }
    };
    // Reported once, at the header, rather than on every row that needs it.
    let needed = tallies.iter().filter_map(|t| t.scorer_column_needed).min();
    if let Some(line) = needed {
        diags.error_at(
            &file,
            header_line,
            msg!("annual-scorer-column-needed", line = line),
        );
    }
    // Where the table's scorer is, and whether its problems may hide scores.
    let rubrics: Vec<usize> = match tallies.iter().find_map(|t| t.wide.as_ref()) {
        Some((r, _, _)) => vec![*r],
        None => (0..catalog.rubrics.len()).collect(),
    };
    if let Some(d) = &default {
        for &r in &rubrics {
            if let Some(s) = catalog.rubrics[r].scorer(&d.name) {
                out.inputs
                    .gaps
                    .tables
                    .entry((r, s))
                    .or_insert_with(|| Location::new(&file, header_line));
            }
        }
    }
    // A table with problems: its scorer's absences may be their follow-ons
    // (a table naming a scorer per row: any scorer's).
    if diags.len() > errors_before {
        doubt(
            catalog,
            default.as_ref(),
            Some(&rubrics),
            &mut out.inputs.gaps,
        );
    }
    let (rows, named, used) = merge_tallies(catalog, tallies, out, diags);
    out.summaries
        .push(super::FileSummary::new(&file, Role::Annual, rows, named, used).footers(footers));
}

/// Each pass's tally straight into the year's inputs, in file order: a
/// score already there (from this table or an earlier one) is a second
/// one. Returns the rows read, and how many units and items they named.
fn merge_tallies(
    catalog: &Catalog,
    tallies: Vec<Tally>,
    out: &mut super::Reading,
    diags: &mut Diagnostics,
) -> (usize, usize, usize) {
    let mut rows = 0;
    let mut named = std::collections::HashSet::new();
    let mut used = std::collections::HashSet::new();
    for t in tallies {
        rows += t.rows;
        out.inputs.gaps.blanks.extend(t.blanks);
        out.inputs.gaps.refused.extend(t.refused);
        let wide = t.wide.is_some();
        out.inputs
            .notes
            .extend(t.notes.into_iter().map(|(u, i, slot, note)| {
                crate::model::inputs::AnnualNote {
                    unit: u,
                    item: i,
                    scorer: catalog.rubrics[u.rubric].items[i].scorers[slot].scorer,
                    note,
                    wide,
                }
            }));
        for (r, cells) in t.cells.into_iter().enumerate() {
            let rubric = &catalog.rubrics[r];
            let mut cells = cells.into_iter();
            for u in 0..rubric.units.len() {
                for (i, item) in rubric.items.iter().enumerate() {
                    for slot in 0..item.scorers.len() {
                        let Some(cell) = cells.next().flatten() else {
                            continue;
                        };
                        named.insert((r, u));
                        used.insert((r, i));
                        let target = &mut out.inputs.units[r][u].items[i].annual[slot];
                        match target {
                            Some(first) => {
                                diags.error(cell.at, second_score(rubric, u, i, slot, &first.at))
                            }
                            None => *target = Some(cell),
                        }
                    }
                }
            }
        }
        for (u, i, slot, second) in t.seconds {
            if let Some(first) = &out.inputs.units[u.rubric][u.unit].items[i].annual[slot] {
                let rubric = &catalog.rubrics[u.rubric];
                diags.error(second.at, second_score(rubric, u.unit, i, slot, &first.at));
            }
        }
    }
    (rows, named.len(), used.len())
}

/// A table had problems that may hide scores: its scorer's absences (in
/// `rubrics`, or all) are the problems' follow-ons. A table whose scorer
/// no rubric knows (or that names none) could hide any scorer's.
fn doubt(
    catalog: &Catalog,
    default: Option<&TableScorer>,
    rubrics: Option<&[usize]>,
    gaps: &mut crate::model::inputs::ScoreGaps,
) {
    let all: Vec<usize> = (0..catalog.rubrics.len()).collect();
    let rubrics = rubrics.unwrap_or(&all);
    let mut known = false;
    if let Some(d) = default {
        for &r in rubrics {
            if let Some(s) = catalog.rubrics[r].scorer(&d.name) {
                gaps.doubted.insert((r, s));
                known = true;
            }
        }
    }
    if !known {
        gaps.unattributed = true;
    }
}

/// Where each (unit, item, scorer) score of a pass is kept: per rubric,
/// `unit * width[r] + offset[r][item] + slot`.
fn long_row(
    catalog: &Catalog,
    t: &mut Tally,
    row: &table::Row,
    has_scorer: bool,
    default: Option<&TableScorer>,
    diags: &mut Diagnostics,
) {
    let unit_cell = row.get(UNIT);
    let Some(u) = super::names::resolve_unit(catalog, unit_cell, || row.at(UNIT), diags) else {
        return;
    };
    let rubric = catalog.rubric_of(u);
    let unit = catalog.unit_of(u);
    let item_number = table_position_is_number(row, ITEM);
    let Some(i) = super::names::resolve_item(
        rubric,
        unit,
        row.get(ITEM),
        item_number,
        || row.at(ITEM),
        diags,
    ) else {
        return;
    };
    let item = &rubric.items[i];
    if item.scorers.is_empty() {
        diags.error(
            row.at(ITEM),
            msg!("annual-no-scorers", item = &item.id, title = &item.title),
        );
        return;
    }
    let scorer_cell = row.get(SCORER);
    let slot = if scorer_cell.is_empty() {
        match default {
            Some(d) => {
                let Some(slot) = rubric
                    .scorer(&d.name)
                    .and_then(|s| item.scorers.iter().position(|w| w.scorer == s))
                else {
                    if rubric.scorer(&d.name).is_some() {
                        diags.error(row.at(ITEM), scorer_not_of_item(rubric, i, d));
                    }
                    return;
                };
                slot
            }
            None if item.scorers.len() == 1 => 0,
            None => {
                if !has_scorer {
                    t.scorer_column_needed.get_or_insert(row.line);
                } else {
                    diags.error(row.at(SCORER), scorer_empty(rubric, i));
                }
                return;
            }
        }
    } else {
        match scorer_slot(rubric, i, scorer_cell) {
            Ok(slot) => slot,
            Err(message) => {
                diags.error(row.at(SCORER), message);
                return;
            }
        }
    };
    let score_cell = row.get(SCORE);
    if score_cell.is_empty() {
        // An empty score is a missing one (`docs/formats.md`, "Annual
        // scores"), told for the whole year at this cell.
        t.rows += 1;
        t.blanks.push(((u, i, slot), row.at(SCORE)));
        return;
    }
    let value = match score_value(rubric, i, score_cell) {
        Ok(value) => value,
        Err(message) => {
            diags.error(row.at(SCORE), message);
            t.refused.push((u, i, slot));
            return;
        }
    };
    t.rows += 1;
    t.record(u, i, slot, value, row.at(SCORE), || row.text(NOTE));
}

/// Whether the workbook held the cell of declared column `col` as a number.
fn table_position_is_number(row: &table::Row, col: usize) -> bool {
    row.position(col).is_some_and(|p| row.is_number(p))
}
