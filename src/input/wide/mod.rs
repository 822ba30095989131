//! Wide annual tables (评分表; `docs/office.md`, "Wide: a score sheet"): a
//! row per unit, a column per item, perhaps a 评分单位 column, a 备注
//! column, 序号, and check columns (合计, `<section>小计`) that must agree
//! with the row. The header is read once against every rubric (a sheet
//! holds the units of one; which one, its columns or else its first unit
//! tell); each row then leaves as the same scores a long table gives
//! (`Tally::record`).

mod headings;
mod rows;

use std::ops::Range;

pub(super) use headings::SERIALS;
pub(super) use headings::leaf_column;
pub(crate) use headings::split_max;
use headings::{Named, TOTALS, named};

use super::scores::{self as annual, NOTE, SCORER, TableScorer, Tally, UNIT};
use crate::model::catalog::Catalog;
use crate::model::rubric::Rubric;
use crate::model::source::Location;
use crate::tables::table::{self, HeaderCell, Table, header_key};
use crate::text::diag::Diagnostics;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// How a wide table's columns read.
pub(super) struct Columns {
    unit: usize,
    scorer: Option<usize>,
    /// Per rubric of the catalog, how the header reads as a sheet of it.
    fits: Vec<Fit>,
    /// The rubrics it reads best as (no errors, or the fewest); when one,
    /// its errors are reported already.
    best: Vec<usize>,
}

#[derive(Default)]
struct Fit {
    items: Vec<ItemColumn>,
    checks: Vec<CheckColumn>,
    /// Where and what is wrong.
    errors: Vec<(Location, Message)>,
    /// Columns in error (a misspelt item, perhaps): a check whose cells
    /// span one counts its number, as a spreadsheet's sum does.
    bad: Vec<usize>,
}

struct ItemColumn {
    col: usize,
    item: usize,
    /// The scorer of the column's cells when the row names none: the
    /// table's own, else the item's only one.
    slot: Option<usize>,
    header: String,
}

struct CheckColumn {
    col: usize,
    /// The leaves it adds up.
    leaves: Range<usize>,
    header: String,
}

impl Columns {
    /// Gives every column of the header its role, for every rubric; marks
    /// the columns read. `None` when the header cannot be read whatever the
    /// rubric (reported).
    pub fn resolve(
        table: &mut Table,
        catalog: &Catalog,
        default: Option<&TableScorer>,
        diags: &mut Diagnostics,
    ) -> Option<Columns> {
        let before = diags.len();
        let unit = table.position(UNIT)?;
        let scorer = table.position(SCORER);
        let note = table.position(NOTE);
        let mut totals: Vec<&HeaderCell> = Vec::new();
        let mut open: Vec<&HeaderCell> = Vec::new();
        for h in &table.header {
            if [Some(unit), scorer, note].contains(&Some(h.column)) {
                continue;
            }
            let key = header_key(&h.text);
            if SERIALS.contains(&key.as_str()) {
                continue;
            }
            if TOTALS.contains(&header_key(split_max(&h.text).0).as_str()) {
                totals.push(h);
            } else if key == "score" || table::SCORE_NAMES.contains(&key.as_str()) {
                diags.error(
                    table.header_at(h),
                    msg!("wide-long-column", header = h.text.as_str()),
                );
            } else {
                open.push(h);
            }
        }
        let fits: Vec<Fit> = catalog
            .rubrics
            .iter()
            .map(|r| fit(table, r, &open, &totals, default, scorer.is_some()))
            .collect();
        let least = fits.iter().map(|f| f.errors.len()).min().unwrap_or(0);
        let best: Vec<usize> = (0..fits.len())
            .filter(|&r| fits[r].errors.len() == least)
            .collect();
        let read: Vec<usize> = open.iter().chain(&totals).map(|h| h.column).collect();
        // A check column's formula without a saved value is passed over.
        let checks: Vec<usize> = fits
            .iter()
            .flat_map(|f| f.checks.iter().map(|c| c.col))
            .collect();
        for p in read {
            if checks.contains(&p) {
                table.check_column(p);
            } else {
                table.use_column(p);
            }
        }
        if diags.len() > before {
            return None;
        }
        let columns = Columns {
            unit,
            scorer,
            fits,
            best,
        };
        if let [only] = columns.best[..] {
            columns.report(only, diags);
        }
        Some(columns)
    }

    fn report(&self, r: usize, diags: &mut Diagnostics) {
        for (at, message) in &self.fits[r].errors {
            diags.error(at.clone(), message.clone());
        }
    }

    /// Whether the header, read as a sheet of rubric `r`, has a column in
    /// error (a misspelt item, perhaps: its scores are not read).
    pub fn column_errors(&self, r: usize) -> bool {
        self.fits.get(r).is_some_and(|f| !f.errors.is_empty())
    }

    /// After the rows: a table without a unit row whose header fits no
    /// rubric alone still says what is wrong with it.
    pub fn finish(&self, t: &Tally, diags: &mut Diagnostics) {
        if t.wide.is_none() && self.best.len() > 1 {
            self.report(self.best[0], diags);
        }
    }
}

/// How the header reads as a sheet of `rubric`.
fn fit(
    table: &Table,
    rubric: &Rubric,
    open: &[&HeaderCell],
    totals: &[&HeaderCell],
    default: Option<&TableScorer>,
    scorer_column: bool,
) -> Fit {
    let mut f = Fit::default();
    for h in totals {
        f.checks.push(CheckColumn {
            col: h.column,
            leaves: 0..rubric.items.len(),
            header: h.text.clone(),
        });
    }
    let default_scorer = default_scorer(rubric, default, &mut f.errors);
    let mut seen: Vec<(usize, Location)> = Vec::new();
    let mut unscored: Vec<&str> = Vec::new();
    for h in open {
        let at = table.header_at(h);
        let i = match named(rubric, h) {
            Named::Item(i) => i,
            Named::Check(leaves) => {
                f.checks.push(CheckColumn {
                    col: h.column,
                    leaves,
                    header: h.text.clone(),
                });
                continue;
            }
            Named::Error(message) => {
                f.errors.push((at, message));
                f.bad.push(h.column);
                continue;
            }
        };
        let item = &rubric.items[i];
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == i) {
            f.errors.push((
                at,
                msg!(
                    "wide-column-twice",
                    header = h.text.as_str(),
                    item = &item.id,
                    title = &item.title,
                    first = first
                ),
            ));
            continue;
        }
        seen.push((i, at.clone()));
        if item.scorers.is_empty() {
            f.errors.push((
                at,
                msg!("annual-no-scorers", item = &item.id, title = &item.title),
            ));
            continue;
        }
        let slot = match default_scorer {
            Some((s, d)) => match item.scorers.iter().position(|w| w.scorer == s) {
                Some(slot) => Some(slot),
                None => {
                    f.errors
                        .push((at, annual::scorer_not_of_item(rubric, i, d)));
                    continue;
                }
            },
            None if item.scorers.len() == 1 => Some(0),
            None => {
                // A scorer named but unknown is told already.
                if !scorer_column && default.is_none() {
                    unscored.push(h.text.as_str());
                }
                None
            }
        };
        f.items.push(ItemColumn {
            col: h.column,
            item: i,
            slot,
            header: h.text.clone(),
        });
    }
    let at_header = Location::new(&table.file, table.header_line);
    if !unscored.is_empty() {
        f.errors.push((
            at_header.clone(),
            msg!(
                "wide-no-scorer",
                columns = crate::text::list(unscored.iter().copied())
            ),
        ));
    }
    if f.items.is_empty() && f.errors.is_empty() {
        f.errors.push((at_header, msg!("wide-no-items")));
    }
    f
}

/// The table's own scorer (`评分单位：` in the title block, or `--scorer`)
/// as a scorer of `rubric`; an error on `errors` when the rubric has none
/// such.
fn default_scorer<'d>(
    rubric: &Rubric,
    default: Option<&'d TableScorer>,
    errors: &mut Vec<(Location, Message)>,
) -> Option<(usize, &'d TableScorer)> {
    match default {
        Some(d) => match rubric.scorer(&d.name) {
            Some(s) => Some((s, d)),
            None => {
                let (hint, scorers) = annual::scorer_choices(&d.name, rubric.scorers.iter());
                errors.push((
                    d.at.clone(),
                    msg!(
                        "annual-table-scorer-unknown",
                        scorer = d.name.as_str(),
                        source = d.source_here(),
                        hint = hint,
                        scorers = scorers
                    ),
                ));
                None
            }
        },
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::split_max;
    use rust_decimal::Decimal;

    #[test]
    fn maxima_after_titles() {
        let five = Some(Decimal::from(5));
        assert_eq!(split_max("组织领导（5分）"), ("组织领导", five));
        assert_eq!(split_max("组织领导(5)"), ("组织领导", five));
        assert_eq!(split_max("组织领导 5分"), ("组织领导", five));
        assert_eq!(split_max("组织领导5分"), ("组织领导", five));
        assert_eq!(split_max("组织领导（５分）"), ("组织领导", five));
        assert_eq!(split_max("工作创新加分"), ("工作创新加分", None));
        assert_eq!(
            split_max("政务服务（好差评）"),
            ("政务服务（好差评）", None)
        );
        assert_eq!(
            split_max("1.2.1 主动公开（12分）"),
            ("1.2.1 主动公开", Some(Decimal::from(12)))
        );
    }
}
