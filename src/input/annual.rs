//! Annual scores (年度考核得分): one scorer's score for one unit on one item.

use std::path::Path;

use super::table::{Column, Encoding, Table};
use super::{AnnualScore, Inputs, UnitInputs};
use crate::diag::{self, Diagnostics};
use crate::i18n::Message;
use crate::msg;
use crate::num;
use crate::rubric::{Catalog, UnitRef};
use crate::source::Role;
use std::sync::Arc;

const UNIT: usize = 0;
const ITEM: usize = 1;
const SCORER: usize = 2;
const SCORE: usize = 3;
const NOTE: usize = 4;

pub const COLUMNS: &[Column] = &[
    Column::required("unit", &["单位"]),
    Column::required("item", &["项目"]),
    Column::optional("scorer", &["评分单位"]),
    Column::required("score", &["得分"]),
    Column::note("note", &["备注"]),
];

/// Spellings of `n/a`: the item does not apply to the unit.
pub fn is_na(cell: &str) -> bool {
    cell.eq_ignore_ascii_case("n/a") || cell == "不涉及" || cell == "不适用"
}

pub(super) fn read(
    catalog: &Catalog,
    path: &Path,
    encoding: Encoding,
    sheet: Option<&str>,
    keep_notes: bool,
    inputs: &mut Inputs,
    diags: &mut Diagnostics,
) {
    let Some(table) = Table::open(path, Role::Annual, encoding, sheet, COLUMNS, diags) else {
        return;
    };
    let (file, header_line, has_scorer) = (
        Arc::clone(&table.file),
        table.header_line,
        table.has(SCORER),
    );
    let new = || Tally {
        units: super::blank_units(catalog),
        rows: 0,
        scorer_column_needed: None,
        seconds: Vec::new(),
        notes: Vec::new(),
    };
    let (tallies, provenance) = table.rows(diags, new, |t, row, diags| {
        let unit_cell = row.get(UNIT);
        let Some(u) = super::resolve_unit(catalog, unit_cell, || row.at(UNIT), diags) else {
            return;
        };
        let rubric = catalog.rubric_of(u);
        let unit = catalog.unit_of(u);
        let Some(i) = super::resolve_item(rubric, unit, row.get(ITEM), || row.at(ITEM), diags)
        else {
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
            if item.scorers.len() == 1 {
                0
            } else {
                if !has_scorer {
                    t.scorer_column_needed.get_or_insert(row.line);
                } else {
                    let ids = item
                        .scorers
                        .iter()
                        .map(|w| rubric.scorers[w.scorer].id.as_str());
                    diags.error(
                        row.at(SCORER),
                        msg!(
                            "annual-scorer-empty",
                            item = &item.id,
                            title = &item.title,
                            scorers = super::list(ids)
                        ),
                    );
                }
                return;
            }
        } else {
            let found = rubric
                .scorer(scorer_cell)
                .and_then(|s| item.scorers.iter().position(|w| w.scorer == s));
            match found {
                Some(slot) => slot,
                None => {
                    let known = rubric.scorer(scorer_cell).is_some();
                    let names: Vec<&str> = item
                        .scorers
                        .iter()
                        .flat_map(|w| {
                            let s = &rubric.scorers[w.scorer];
                            [s.id.as_str(), s.name.as_str()]
                        })
                        .collect();
                    let hint = diag::hint(scorer_cell, names.iter().copied());
                    let scorers = super::list(
                        names
                            .chunks(2)
                            .map(|c| msg!("annual-scorer-entry", id = c[0], name = c[1])),
                    );
                    let message = if known {
                        msg!(
                            "annual-scorer-not-of-item",
                            scorer = scorer_cell,
                            hint = hint,
                            item = &item.id,
                            title = &item.title,
                            scorers = scorers
                        )
                    } else {
                        msg!(
                            "annual-scorer-unknown",
                            scorer = scorer_cell,
                            hint = hint,
                            item = &item.id,
                            title = &item.title,
                            scorers = scorers
                        )
                    };
                    diags.error(row.at(SCORER), message);
                    return;
                }
            }
        };
        let score_cell = row.get(SCORE);
        let value = if is_na(score_cell) {
            None
        } else {
            match num::parse_plain(score_cell) {
                Ok(v) if v < rust_decimal::Decimal::ZERO || v > item.max => {
                    diags.error(
                        row.at(SCORE),
                        msg!(
                            "annual-score-out-of-range",
                            value = score_cell,
                            max = num::plain(item.max),
                            item = &item.id,
                            title = &item.title
                        ),
                    );
                    return;
                }
                Ok(v) => Some(v),
                Err(e) => {
                    diags.error(
                        row.at(SCORE),
                        msg!(
                            "annual-score-not-number",
                            value = score_cell,
                            reason = e.explain()
                        ),
                    );
                    return;
                }
            }
        };
        let score = AnnualScore {
            value,
            at: row.at(SCORE),
        };
        if keep_notes {
            let note = row.text(NOTE);
            if !note.is_empty() {
                t.notes.push(super::AnnualNote {
                    unit: u,
                    item: i,
                    scorer: item.scorers[slot].scorer,
                    note,
                });
            }
        }
        let cell = &mut t.units[u.rubric][u.unit].items[i].annual[slot];
        t.rows += 1;
        if cell.is_none() {
            *cell = Some(score);
        } else if t.seconds.len() < super::stream::MAX_ERRORS {
            // Reported when the passes are joined, against the file's first.
            t.seconds.push((u, i, slot, score));
        }
    });
    // Reported once, at the header, rather than on every row that needs it.
    let needed = tallies.iter().filter_map(|t| t.scorer_column_needed).min();
    if let Some(line) = needed {
        diags.error_at(
            &file,
            header_line,
            msg!("annual-scorer-column-needed", line = line),
        );
    }
    let mut rows = 0;
    let mut units = super::blank_units(catalog);
    for t in tallies {
        rows += t.rows;
        inputs.notes.extend(t.notes);
        merge(catalog, t.units, &mut units, diags);
        for (u, i, slot, second) in t.seconds {
            if let Some(first) = &units[u.rubric][u.unit].items[i].annual[slot] {
                let rubric = &catalog.rubrics[u.rubric];
                diags.error(second.at, second_score(rubric, u.unit, i, slot, &first.at));
            }
        }
    }
    inputs
        .summaries
        .push(super::FileSummary::of(&provenance, rows, &units));
    merge(catalog, units, &mut inputs.units, diags);
    inputs.files.push(provenance);
}

/// What one pass over a file found.
struct Tally {
    units: Vec<Vec<UnitInputs>>,
    rows: usize,
    /// A row that needed the missing scorer column.
    scorer_column_needed: Option<usize>,
    /// Scores of a (unit, item, scorer) the pass had already seen.
    seconds: Vec<(UnitRef, usize, usize, AnnualScore)>,
    /// Notes of the scores, when the run keeps them (`publish`).
    notes: Vec<super::AnnualNote>,
}

/// Moves scores into `into`; a (unit, item, scorer) already there is an error naming both places.
fn merge(
    catalog: &Catalog,
    from: Vec<Vec<UnitInputs>>,
    into: &mut [Vec<UnitInputs>],
    diags: &mut Diagnostics,
) {
    for (r, units) in from.into_iter().enumerate() {
        let rubric = &catalog.rubrics[r];
        for (u, unit) in units.into_iter().enumerate() {
            for (i, item) in unit.items.into_iter().enumerate() {
                for (slot, cell) in item.annual.into_iter().enumerate() {
                    let Some(cell) = cell else { continue };
                    let target = &mut into[r][u].items[i].annual[slot];
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
}

fn second_score(
    rubric: &crate::rubric::Rubric,
    u: usize,
    i: usize,
    slot: usize,
    first: &crate::diag::Location,
) -> Message {
    let item = &rubric.items[i];
    let s = &rubric.scorers[item.scorers[slot].scorer];
    msg!(
        "annual-second-score",
        scorer = &s.name,
        unit = &rubric.units[u].name,
        item = &item.id,
        title = &item.title,
        first = first
    )
}
