//! Measured values (指标数据; `docs/formats.md`, "Measures"): a number per
//! unit and measure, from which lines with a `measure` are scored.
//!
//! A long table has a row per value (`unit, measure, value, note`); a wide
//! one a row per unit and a column per measure, headed by its id or title.
//! A value may end in `%`; a workbook cell shown as a percentage reads as
//! the percentage it shows; an n/a word makes the measure's lines n/a for
//! the unit; an empty cell is no value.

use std::collections::HashMap;
use std::path::Path;

use crate::model::catalog::{Catalog, UnitRef};
use crate::model::inputs::{MeasuredValue, UnitInputs};
use crate::model::rubric::Rubric;
use crate::model::source::{Location, Role};
use crate::num;
use crate::tables::table::{self, Column, Kind as TableKind, Layout, ReadOptions, Row, header_key};
use crate::text::diag::{self, Diagnostics};
use crate::text::i18n::msg;

const UNIT: usize = 0;
const MEASURE: usize = 1;
const VALUE: usize = 2;
const NOTE: usize = 3;

pub const COLUMNS: &[Column] = &[
    Column::required("unit", table::UNIT_NAMES),
    Column::required("measure", &["指标", "数据项", "指标名称", "指标项"]),
    Column::required("value", &["数值", "值", "指标值", "数据"]),
    Column::note("note", table::NOTE_NAMES),
];

pub const TABLE: TableKind = TableKind {
    role: Role::Measures,
    columns: COLUMNS,
    wide: Some("measure"),
};

/// Every value read so far, by (unit, measure), to tell a second one.
#[derive(Default)]
pub(super) struct Measured {
    values: HashMap<(UnitRef, usize), MeasuredValue>,
}

/// One value as a row gives it.
struct Value {
    unit: UnitRef,
    measure: usize,
    value: MeasuredValue,
}

#[derive(Default)]
struct Tally {
    values: Vec<Value>,
    rows: usize,
}

pub(super) fn read(
    catalog: &Catalog,
    path: &Path,
    options: &ReadOptions,
    measured: &mut Measured,
    out: &mut super::Reading,
    diags: &mut Diagnostics,
) {
    let mut notes = Vec::new();
    let first_summary = out.summaries.len();
    let provenance = table::read_tables(
        path,
        &TABLE,
        options,
        diags,
        &mut notes,
        |mut table, diags| {
            let file = std::sync::Arc::clone(&table.file);
            let (tallies, footers) = match table.layout {
                Layout::Long => table.rows(diags, Tally::default, |t, row, diags| {
                    long_row(catalog, t, row, diags);
                }),
                Layout::Wide => {
                    let Some(columns) = wide_columns(catalog, &mut table, diags) else {
                        return;
                    };
                    table.rows(diags, Tally::default, |t, row, diags| {
                        wide_row(catalog, &columns, t, row, diags);
                    })
                }
            };
            let mut rows = 0;
            let mut units = std::collections::HashSet::new();
            let mut used = std::collections::HashSet::new();
            for t in tallies {
                rows += t.rows;
                for v in t.values {
                    units.insert(v.unit);
                    used.insert((v.unit.rubric, v.measure));
                    measured.add(catalog, v, diags);
                }
            }
            out.summaries.push(
                super::FileSummary::new(&file, Role::Measures, rows, units.len(), used.len())
                    .footers(footers),
            );
        },
    );
    super::attach_notes(&mut out.summaries, first_summary, notes);
    if let Some(provenance) = provenance {
        out.inputs.files.push(provenance);
    }
}

impl Measured {
    /// A value, or an error naming both places when the unit has one already.
    fn add(&mut self, catalog: &Catalog, v: Value, diags: &mut Diagnostics) {
        match self.values.get(&(v.unit, v.measure)) {
            Some(first) => {
                let m = &catalog.rubric_of(v.unit).measures[v.measure];
                diags.error(
                    v.value.at,
                    msg!(
                        "measures-twice",
                        unit = &catalog.unit_of(v.unit).name,
                        measure = &m.title,
                        measure_id = &m.id,
                        first = &first.at
                    ),
                );
            }
            None => {
                self.values.insert((v.unit, v.measure), v.value);
            }
        }
    }

    /// Each value onto the unit's leaves scored from its measure.
    pub(super) fn apply(self, catalog: &Catalog, units: &mut [Vec<UnitInputs>]) {
        for ((u, m), value) in self.values {
            let rubric = catalog.rubric_of(u);
            for (i, item) in rubric.items.iter().enumerate() {
                if item.measure.as_ref().is_some_and(|x| x.measure == m) {
                    units[u.rubric][u.unit].items[i].measured = Some(value.clone());
                }
            }
        }
    }
}

/// A long row: unit, measure, value.
fn long_row(catalog: &Catalog, t: &mut Tally, row: &Row, diags: &mut Diagnostics) {
    let unit = super::names::resolve_unit(catalog, row.get(UNIT), || row.at(UNIT), diags);
    let Some(unit) = unit else { return };
    let rubric = catalog.rubric_of(unit);
    let cell = row.get(MEASURE);
    let Some(measure) = find_measure(rubric, cell) else {
        diags.error(row.at(MEASURE), unknown_measure(rubric, cell));
        return;
    };
    t.rows += 1;
    if let Some(value) = value(row.get(VALUE), row.at(VALUE), diags) {
        t.values.push(Value {
            unit,
            measure,
            value,
        });
    }
}

/// A wide table's measure columns: (place, heading, the measure it names
/// in each rubric).
struct MeasureColumn {
    col: usize,
    heading: String,
    by_rubric: Vec<Option<usize>>,
}

/// Each heading but the unit's, the note's and a serial number's names a
/// measure of some rubric; `None` when one does not (reported).
fn wide_columns(
    catalog: &Catalog,
    table: &mut table::Table,
    diags: &mut Diagnostics,
) -> Option<Vec<MeasureColumn>> {
    let before = diags.len();
    let skip = [table.position(UNIT), table.position(NOTE)];
    let mut columns = Vec::new();
    for h in &table.header {
        if skip.contains(&Some(h.column))
            || super::wide::SERIALS.contains(&header_key(&h.text).as_str())
        {
            continue;
        }
        let by_rubric: Vec<Option<usize>> = catalog
            .rubrics
            .iter()
            .map(|r| find_measure(r, &h.text))
            .collect();
        if by_rubric.iter().all(Option::is_none) {
            let names = catalog
                .rubrics
                .iter()
                .flat_map(|r| r.measures.iter())
                .flat_map(|m| [m.id.as_str(), m.title.as_str()]);
            diags.error(
                table.header_at(h),
                msg!(
                    "measures-unknown-column",
                    header = h.text.as_str(),
                    hint = diag::hint(&h.text, names)
                ),
            );
            continue;
        }
        columns.push(MeasureColumn {
            col: h.column,
            heading: h.text.clone(),
            by_rubric,
        });
    }
    for c in &columns {
        table.use_column(c.col);
    }
    if columns.is_empty() && diags.len() == before {
        diags.error(
            Location::new(&table.file, table.header_line),
            msg!("measures-no-columns"),
        );
    }
    (diags.len() == before).then_some(columns)
}

/// A wide row: the unit, then each measure column's value.
fn wide_row(
    catalog: &Catalog,
    columns: &[MeasureColumn],
    t: &mut Tally,
    row: &Row,
    diags: &mut Diagnostics,
) {
    let unit = super::names::resolve_unit(catalog, row.get(UNIT), || row.at(UNIT), diags);
    let Some(unit) = unit else { return };
    t.rows += 1;
    for c in columns {
        let cell = row.cell(c.col);
        if cell.is_empty() {
            continue;
        }
        let Some(measure) = c.by_rubric[unit.rubric] else {
            let rubric = catalog.rubric_of(unit);
            diags.error(
                row.at_cell(c.col),
                msg!(
                    "measures-column-not-of-rubric",
                    header = c.heading.as_str(),
                    unit = &catalog.unit_of(unit).name,
                    rubric = &rubric.id
                ),
            );
            continue;
        };
        if let Some(value) = value(cell, row.at_cell(c.col), diags) {
            t.values.push(Value {
                unit,
                measure,
                value,
            });
        }
    }
}

/// A measure by id or title; a heading may carry the measure's unit in
/// brackets after it (`好评率（%）`).
fn find_measure(rubric: &Rubric, text: &str) -> Option<usize> {
    rubric.measure(text).or_else(|| {
        let t = text.trim();
        let bare = t
            .strip_suffix(['）', ')'])
            .and_then(|t| t.rfind(['（', '(']).map(|i| &t[..i]))?;
        rubric.measure(bare)
    })
}

fn unknown_measure(rubric: &Rubric, cell: &str) -> crate::text::i18n::Message {
    let names = rubric
        .measures
        .iter()
        .flat_map(|m| [m.id.as_str(), m.title.as_str()]);
    msg!(
        "measures-unknown-measure",
        measure = cell,
        rubric = &rubric.id,
        hint = diag::hint(cell, names),
        measures = crate::text::list(rubric.measures.iter().map(|m| m.title.as_str()))
    )
}

/// A value cell: `None` when empty (no value) or wrong (reported); an n/a
/// word is the value `None`.
fn value(cell: &str, at: Location, diags: &mut Diagnostics) -> Option<MeasuredValue> {
    if cell.is_empty() {
        return None;
    }
    if super::scores::is_na(cell) {
        return Some(MeasuredValue { value: None, at });
    }
    let number = cell.strip_suffix(['%', '％']).map_or(cell, str::trim_end);
    match num::parse_cell(number) {
        Ok(v) => Some(MeasuredValue {
            value: Some(num::normal_zero(v)),
            at,
        }),
        Err(e) => {
            diags.error(
                at,
                msg!("measures-not-number", value = cell, reason = e.explain()),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn read(cell: &str) -> Option<Option<Decimal>> {
        let mut diags = Diagnostics::default();
        let at = Location::new(&std::sync::Arc::from("m.csv"), 2);
        value(cell, at, &mut diags).map(|v| v.value)
    }

    #[test]
    fn values_as_written() {
        let d = |s: &str| Some(Some(s.parse::<Decimal>().unwrap()));
        assert_eq!(read("98.5"), d("98.5"));
        assert_eq!(read("98.5%"), d("98.5"));
        assert_eq!(read("98.5 ％"), d("98.5"));
        assert_eq!(read("９８．５"), d("98.5"));
        assert_eq!(read("不涉及"), Some(None));
        assert_eq!(read("N/A"), Some(None));
        assert_eq!(read(""), None);
        assert_eq!(read("高"), None);
    }
}
