//! A wide table's rows: each unit's item cells as its annual scores, and
//! the check cells against the sum of the row's scores.

use rust_decimal::Decimal;

use super::{CheckColumn, Columns, Fit, ItemColumn};
use crate::input::scores::{self as annual, NOTE, SCORER, Tally};
use crate::model::catalog::{Catalog, UnitRef};
use crate::model::rubric::Rubric;
use crate::model::source::Location;
use crate::num;
use crate::tables::table::Row;
use crate::text::diag::Diagnostics;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

impl Columns {
    /// One row: its unit, then each filled item cell as a score, then the
    /// check cells against the sum of the row's scores.
    pub fn row(&self, catalog: &Catalog, t: &mut Tally, row: &Row, diags: &mut Diagnostics) {
        let unit_cell = row.cell(self.unit);
        if unit_cell.is_empty() {
            self.unit_missing(row, diags);
            return;
        }
        let at_unit = || row.at_cell(self.unit);
        let Some(u) = crate::input::names::resolve_unit(catalog, unit_cell, at_unit, diags) else {
            return;
        };
        let Some(r) = self.sheet_rubric(catalog, t, u, row, diags) else {
            return;
        };
        let rubric = &catalog.rubrics[r];
        let fit = &self.fits[r];
        t.rows += 1;
        let Ok(row_scorer) = self.row_scorer(rubric, row, diags) else {
            return;
        };
        let scores = self.record_scores(rubric, fit, u, row_scorer, t, row, diags);
        for cc in &fit.checks {
            check_sum(cc, fit, &scores, row, diags);
        }
    }

    /// A row without a unit: an error only when it holds a value.
    fn unit_missing(&self, row: &Row, diags: &mut Diagnostics) {
        let filled = self.fits.iter().any(|f| {
            f.items
                .iter()
                .map(|c| c.col)
                .chain(f.checks.iter().map(|c| c.col))
                .any(|c| !row.cell(c).is_empty())
        });
        if filled {
            diags.error(row.at_cell(self.unit), msg!("input-unit-empty"));
        }
    }

    /// The rubric the sheet is of: the first unit's (which then tells the
    /// errors of the header read as a sheet of it), and every other unit
    /// must be of the same. `None` when the row's unit is not (reported).
    fn sheet_rubric(
        &self,
        catalog: &Catalog,
        t: &mut Tally,
        u: UnitRef,
        row: &Row,
        diags: &mut Diagnostics,
    ) -> Option<usize> {
        let unit_cell = row.cell(self.unit);
        let at_unit = || row.at_cell(self.unit);
        match &t.wide {
            Some((r, first, at)) => {
                if u.rubric != *r {
                    diags.error(
                        at_unit(),
                        msg!(
                            "wide-units-mixed",
                            unit = unit_cell,
                            rubric = &catalog.rubrics[u.rubric].id,
                            first = first.as_str(),
                            at = at,
                            table = &catalog.rubrics[*r].id
                        ),
                    );
                    return None;
                }
                Some(*r)
            }
            None => {
                if let [only] = self.best[..]
                    && only != u.rubric
                {
                    diags.error(
                        at_unit(),
                        msg!(
                            "wide-unit-other-rubric",
                            unit = unit_cell,
                            rubric = &catalog.rubrics[u.rubric].id,
                            table = &catalog.rubrics[only].id
                        ),
                    );
                    return None;
                }
                if self.best.len() > 1 {
                    // The first unit tells which rubric the sheet is of.
                    self.report(u.rubric, diags);
                }
                t.wide = Some((u.rubric, unit_cell.to_string(), at_unit()));
                Some(u.rubric)
            }
        }
    }

    /// The scorer the row's 评分单位 cell names, with the cell; `Ok(None)`
    /// when the table has no such column or the cell is empty, `Err` when
    /// the rubric has no such scorer (reported).
    fn row_scorer<'t>(
        &self,
        rubric: &Rubric,
        row: &Row<'t>,
        diags: &mut Diagnostics,
    ) -> Result<Option<(usize, &'t str)>, ()> {
        match self.scorer.map(|p| row.cell(p)) {
            Some(cell) if !cell.is_empty() => match rubric.scorer(cell) {
                Some(s) => Ok(Some((s, cell))),
                None => {
                    let (hint, scorers) = annual::scorer_choices(cell, rubric.scorers.iter());
                    diags.error(
                        row.at(SCORER),
                        msg!(
                            "wide-row-scorer-unknown",
                            scorer = cell,
                            hint = hint,
                            rubric = &rubric.id,
                            scorers = scorers
                        ),
                    );
                    Err(())
                }
            },
            _ => Ok(None),
        }
    }

    /// Records each filled item cell of the row as an annual score of unit
    /// `u`. Returns the row's scores, for the check columns; `None` for a
    /// cell in error.
    #[allow(clippy::too_many_arguments)]
    fn record_scores(
        &self,
        rubric: &Rubric,
        fit: &Fit,
        u: UnitRef,
        row_scorer: Option<(usize, &str)>,
        t: &mut Tally,
        row: &Row,
        diags: &mut Diagnostics,
    ) -> Vec<(usize, Option<Decimal>)> {
        let mut scores: Vec<(usize, Option<Decimal>)> = Vec::new();
        for ic in &fit.items {
            let cell = row.cell(ic.col);
            // The scorer whose score the cell holds, when it can be told.
            let quiet = || match row_scorer {
                Some((s, _)) => rubric.items[ic.item]
                    .scorers
                    .iter()
                    .position(|w| w.scorer == s),
                None => ic.slot,
            };
            if cell.is_empty() {
                // An absent score is told at this cell (`engine::year`).
                if let Some(slot) = quiet() {
                    t.blanks.push(((u, ic.item, slot), row.at_cell(ic.col)));
                }
                continue;
            }
            let at = row.at_cell(ic.col);
            let value = match annual::score_value(rubric, ic.item, cell) {
                Ok(v) => v,
                Err(message) => {
                    diags.error(at, in_column(&ic.header, message));
                    scores.push((ic.item, None));
                    if let Some(slot) = quiet() {
                        t.refused.push((u, ic.item, slot));
                    }
                    continue;
                }
            };
            scores.push((ic.item, Some(value.unwrap_or(Decimal::ZERO))));
            let Some(slot) = self.cell_slot(rubric, ic, row_scorer, row, &at, diags) else {
                continue;
            };
            t.record(u, ic.item, slot, value, at, || row.text(NOTE));
        }
        scores
    }

    /// Which of the item's scorers an item cell's score is from: the row's
    /// scorer, else the column's. `None` when neither is one of the item's
    /// (reported, or told once at the header).
    fn cell_slot(
        &self,
        rubric: &Rubric,
        ic: &ItemColumn,
        row_scorer: Option<(usize, &str)>,
        row: &Row,
        at: &Location,
        diags: &mut Diagnostics,
    ) -> Option<usize> {
        match row_scorer {
            Some((s, name)) => {
                match rubric.items[ic.item]
                    .scorers
                    .iter()
                    .position(|w| w.scorer == s)
                {
                    Some(slot) => Some(slot),
                    None => {
                        let message = annual::scorer_slot(rubric, ic.item, name)
                            .err()
                            .unwrap_or_else(|| msg!("input-item-empty"));
                        diags.error(at.clone(), in_column(&ic.header, message));
                        None
                    }
                }
            }
            None => match ic.slot {
                Some(slot) => Some(slot),
                None => {
                    if self.scorer.is_some() {
                        diags.error(
                            row.at(SCORER),
                            in_column(&ic.header, annual::scorer_empty(rubric, ic.item)),
                        );
                    }
                    // Else told once, at the header.
                    None
                }
            },
        }
    }
}

/// A check cell (合计, `<section>小计`) against the sum of the row's scores
/// of the leaves it adds up, rounded to the places it is written with.
fn check_sum(
    cc: &CheckColumn,
    fit: &Fit,
    scores: &[(usize, Option<Decimal>)],
    row: &Row,
    diags: &mut Diagnostics,
) {
    let cell = row.cell(cc.col);
    if cell.is_empty() {
        return;
    }
    let written = match num::parse_cell(cell) {
        Ok(v) => v,
        Err(e) => {
            diags.error(
                row.at_cell(cc.col),
                msg!(
                    "wide-check-not-number",
                    header = cc.header.as_str(),
                    value = cell,
                    reason = e.explain()
                ),
            );
            return;
        }
    };
    let mut sum = num::Sum::default();
    let mut complete = true;
    for (item, value) in scores {
        if cc.leaves.contains(item) {
            match value {
                Some(v) => complete &= sum.add(*v).is_some(),
                None => complete = false,
            }
        }
    }
    // The leaves' columns, and a column in error among them: a number
    // there is in the spreadsheet's sum; text leaves the sum unknown.
    let cols: Vec<usize> = fit
        .items
        .iter()
        .filter(|ic| cc.leaves.contains(&ic.item))
        .map(|ic| ic.col)
        .collect();
    let (lo, hi) = (
        cols.iter().min().copied().unwrap_or(0),
        cols.iter().max().copied().unwrap_or(0),
    );
    for &b in fit.bad.iter().filter(|b| (lo..=hi).contains(*b)) {
        match row.cell(b) {
            "" => {}
            text => match num::parse_cell(text) {
                Ok(v) => complete &= sum.add(v).is_some(),
                Err(_) => complete = false,
            },
        }
    }
    let Some(sum) = sum.value().filter(|_| complete) else {
        // A cell in error is told already; its sum cannot be checked.
        return;
    };
    let places = written.scale();
    let rounded = num::round(sum, places);
    if rounded != written {
        // A score typed as text (`３.５`, `3.5分`) is read, but a
        // spreadsheet's sum leaves it out: the likeliest cause, named.
        let texts: Vec<String> = cols
            .iter()
            .filter_map(|&c| {
                let text = row.cell(c);
                let typed = !text.is_empty()
                    && num::parse_cell(text).is_ok()
                    && (if row.is_sheet() {
                        !row.is_number(c)
                    } else {
                        num::parse_plain(text).is_err()
                    });
                typed.then(|| {
                    msg!(
                        "wide-check-text-cell",
                        cell = row.at_cell(c).cell_name(),
                        value = text
                    )
                    .to_string()
                })
            })
            .collect();
        let note = (!texts.is_empty()).then(|| {
            msg!(
                "wide-check-text",
                cells = crate::text::list(texts.iter().map(String::as_str))
            )
        });
        diags.error(
            row.at_cell(cc.col),
            msg!(
                "wide-check-mismatch",
                header = cc.header.as_str(),
                value = cell,
                sum = num::plain(sum),
                places = places,
                rounded = num::fixed(sum, places),
                note = note
            ),
        );
    }
}

/// A cell's error, said of its column (a CSV location names only the line).
fn in_column(header: &str, message: Message) -> Message {
    msg!("wide-cell", header = header, message = message)
}
