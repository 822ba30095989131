//! `--self FILE`: the units' self-assessment (自评), their claimed score
//! on each leaf, read to be shown beside the final scores
//! (`docs/formats.md`, "Self-assessment").
//!
//! A claims table is an annual table without scorers: `unit, item, score`
//! (单位, 项目, 自评得分), one row per unit and leaf, in UTF-8 or GBK.

use rust_decimal::Decimal;
use std::path::Path;

use crate::model::catalog::{Catalog, UnitRef};
use crate::model::source::Location;
use crate::model::source::Role;
use crate::num;
use crate::text::diag::{Diagnostics, hint};
use crate::text::i18n::msg;

use crate::model::compare::Claim;
use crate::tables::table::{self, Column, HeaderCell, Kind, Layout, ReadOptions};

const UNIT: usize = 0;
const ITEM: usize = 1;
const SCORE: usize = 2;
const NOTE: usize = 3;

/// The score column of a self-assessment, beside the annual tables' names.
const SCORE_NAMES: &[&str] = &["自评得分", "自评分", "自评分数", "得分", "分数"];

const COLUMNS: &[Column] = &[
    Column::required("unit", table::UNIT_NAMES),
    Column::required("item", table::ITEM_NAMES),
    Column::required("score", SCORE_NAMES),
    Column::note("note", table::NOTE_NAMES),
];

/// Long or wide, as annual tables are (`docs/office.md`, "Layouts read"),
/// without scorers.
const KIND: Kind = Kind {
    role: Role::SelfAssessment,
    columns: COLUMNS,
    wide: Some("item"),
};

/// Reads every claim of the files; `None` when any is wrong (all reported).
pub fn read(
    catalog: &Catalog,
    paths: &[std::path::PathBuf],
    diags: &mut Diagnostics,
) -> Option<Vec<Claim>> {
    let before = diags.len();
    let mut out: Vec<Claim> = Vec::new();
    for path in paths {
        read_file(catalog, path, &mut out, diags);
    }
    (diags.len() == before).then_some(out)
}

/// What names a claim's leaf: a long row's item cell, or a wide column's header.
enum Leaf<'a> {
    Cell(&'a str),
    Column(&'a HeaderCell),
}

fn read_file(catalog: &Catalog, path: &Path, out: &mut Vec<Claim>, diags: &mut Diagnostics) {
    let options = ReadOptions {
        encoding: table::Encoding::Auto,
        sheets: None,
        sheets_found: None,
    };
    let mut notes = Vec::new();
    table::read_tables(path, &KIND, &options, diags, &mut notes, |table, diags| {
        // A wide table: every header cell but the unit's and the note's names a leaf.
        let columns: Vec<HeaderCell> = if table.layout == Layout::Wide {
            let skip = [table.position(UNIT), table.position(NOTE)];
            table
                .header
                .iter()
                .filter(|h| !skip.contains(&Some(h.column)))
                .cloned()
                .collect()
        } else {
            Vec::new()
        };
        let wide = table.layout == Layout::Wide;
        let (tallies, _) = table.rows(diags, Vec::new, |claims: &mut Vec<Claim>, row, diags| {
            if wide {
                for h in &columns {
                    let text = row.cell(h.column);
                    if text.is_empty() {
                        continue;
                    }
                    let at = row.at_cell(h.column);
                    claim(
                        catalog,
                        at,
                        row.get(UNIT),
                        Leaf::Column(h),
                        text,
                        claims,
                        diags,
                    );
                }
            } else {
                let score = row.get(SCORE);
                if score.is_empty() {
                    return;
                }
                let at = row.at(SCORE);
                claim(
                    catalog,
                    at,
                    row.get(UNIT),
                    Leaf::Cell(row.get(ITEM)),
                    score,
                    claims,
                    diags,
                );
            }
        });
        out.extend(tallies.into_iter().flatten());
    });
    // A claim twice (in any file) is reported once all are read.
    let mut seen: Vec<(UnitRef, usize, Location)> = Vec::new();
    out.retain(
        |c| match seen.iter().find(|(u, i, _)| *u == c.unit && *i == c.item) {
            Some((_, _, first)) => {
                diags.error(
                    c.at.clone(),
                    msg!(
                        "claims-twice",
                        unit = &catalog.unit_of(c.unit).name,
                        item = &catalog.rubric_of(c.unit).items[c.item].id,
                        first = first
                    ),
                );
                false
            }
            None => {
                seen.push((c.unit, c.item, c.at.clone()));
                true
            }
        },
    );
}

fn claim(
    catalog: &Catalog,
    at: Location,
    unit_cell: &str,
    leaf: Leaf,
    score_cell: &str,
    out: &mut Vec<Claim>,
    diags: &mut Diagnostics,
) {
    let Some(unit) = catalog.unit(unit_cell) else {
        diags.error(
            at,
            msg!(
                "input-unknown-unit",
                unit = unit_cell,
                hint = hint(unit_cell, catalog.unit_names())
            ),
        );
        return;
    };
    let rubric = catalog.rubric_of(unit);
    let item = match leaf {
        Leaf::Cell(item_cell) => rubric.item(item_cell).ok_or(item_cell),
        Leaf::Column(h) => match super::wide::leaf_column(rubric, h) {
            Ok(Some(i)) => Ok(i),
            // 序号, 合计: not a claim.
            Ok(None) => return,
            Err(m) => {
                diags.error(at, m);
                return;
            }
        },
    };
    let item = match item {
        Ok(i) => i,
        Err(item_cell) => {
            diags.error(
                at,
                msg!(
                    "input-unknown-item",
                    item = item_cell,
                    unit = &catalog.unit_of(unit).name,
                    rubric = &rubric.id,
                    hint = hint(item_cell, rubric.item_names())
                ),
            );
            return;
        }
    };
    let leaf = &rubric.items[item];
    let score = if crate::input::scores::is_na(score_cell) {
        None
    } else {
        match num::parse_plain(score_cell) {
            Ok(v) if v < Decimal::ZERO || v > leaf.max => {
                diags.error(
                    at,
                    msg!(
                        "claims-out-of-range",
                        score = score_cell,
                        item = &leaf.id,
                        max = num::plain(leaf.max)
                    ),
                );
                return;
            }
            // Claims are used as written: no more places than the rubric publishes.
            Ok(v) if v.normalize().scale() > rubric.decimals => {
                diags.error(
                    at,
                    msg!(
                        "claims-places",
                        score = score_cell,
                        decimals = rubric.decimals
                    ),
                );
                return;
            }
            Ok(v) => Some(v),
            Err(e) => {
                diags.error(
                    at,
                    msg!(
                        "claims-not-number",
                        score = score_cell,
                        reason = e.explain()
                    ),
                );
                return;
            }
        }
    };
    out.push(Claim {
        unit,
        item,
        score,
        at,
    });
}
