//! Published results (公布结果), as `verify` compares them: a total per unit,
//! and optionally its grade and rank. The CSV that `assess score --format csv`
//! writes reads as one too.

use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::Path;

use crate::model::catalog::{Catalog, UnitRef};
use crate::model::rubric::Rubric;
use crate::model::source::Location;
use crate::model::source::{InputFile, Role};
use crate::num;
use crate::tables::table::{self, Column, Encoding, Kind, ReadOptions, Row, Table};
use crate::text::diag::Diagnostics;
use crate::text::i18n::msg;

const UNIT: usize = 0;
const TOTAL: usize = 1;
const GRADE: usize = 2;
const RANK: usize = 3;

/// Besides the spec's names, the headings seen in published result notices.
pub const COLUMNS: &[Column] = &[
    Column::required("unit", table::UNIT_NAMES),
    Column::required(
        "total",
        &[
            "总分",
            "得分",
            "考核得分",
            "总得分",
            "综合得分",
            "最终得分",
            "分数",
        ],
    ),
    Column::optional("grade", &["等次", "考核等次", "评定等次", "等级"]),
    Column::optional("rank", &["名次", "排名", "排序"]),
];

/// One published row.
#[derive(Debug)]
pub struct PublishedRow {
    pub unit: UnitRef,
    /// The total as published, with the places it was written with (`92.50` has 2).
    pub total: Decimal,
    pub grade: Option<String>,
    pub rank: Option<usize>,
    pub at: Location,
    /// Section scores, when the table has a column headed by a section's
    /// title: (section index in the unit's rubric, value as written, cell).
    pub sections: Vec<(usize, Decimal, Location)>,
}

pub struct Published {
    pub file: InputFile,
    pub rows: Vec<PublishedRow>,
}

pub const KIND: Kind = Kind {
    role: Role::Published,
    columns: COLUMNS,
    wide: None,
};

/// Reads a published results file (every sheet of a workbook, or those
/// `sheets` names); `None` if any row is bad.
pub fn read(
    catalog: &Catalog,
    path: &Path,
    encoding: Encoding,
    sheets: Option<&[String]>,
    diags: &mut Diagnostics,
) -> Option<Published> {
    let before = diags.len();
    // This tool's own JSON result reads as a published table too.
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        return from_json(catalog, path, diags);
    }
    let options = ReadOptions {
        encoding,
        sheets,
        sheets_found: None,
    };
    let mut all: Vec<PublishedRow> = Vec::new();
    let file = table::read_tables(
        path,
        &KIND,
        &options,
        diags,
        &mut Vec::new(),
        |table, diags| read_table(catalog, table, &mut all, diags),
    )?;
    let rows = once_each(catalog, all, diags);
    (diags.len() == before).then_some(Published { file, rows })
}

/// One table (a CSV file, a sheet): its rows onto `all`.
fn read_table(
    catalog: &Catalog,
    mut table: Table,
    all: &mut Vec<PublishedRow>,
    diags: &mut Diagnostics,
) {
    let section_columns = section_columns(catalog, &table);
    for (p, _) in &section_columns {
        table.use_column(*p);
    }
    let (tallies, _) = table.rows(
        diags,
        Vec::new,
        |rows: &mut Vec<PublishedRow>, row, diags| {
            read_row(catalog, &section_columns, rows, row, diags);
        },
    );
    all.extend(tallies.into_iter().flatten());
}

/// Columns headed by a section's title (政务公开, “放管服”改革), as a
/// notice's table has them: compared when present. Their places and
/// headings as compared.
fn section_columns(catalog: &Catalog, table: &Table) -> Vec<(usize, String)> {
    table
        .header
        .iter()
        .filter(|h| {
            catalog.rubrics.iter().any(|r| {
                r.sections
                    .iter()
                    .any(|s| table::header_key(&s.title) == table::header_key(&h.text))
            })
        })
        .map(|h| (h.column, table::header_key(&h.text)))
        .collect()
}

/// One row: its unit, total, rank and grade, and its section columns;
/// onto `rows` when the unit, total and rank are good.
fn read_row(
    catalog: &Catalog,
    section_columns: &[(usize, String)],
    rows: &mut Vec<PublishedRow>,
    row: &Row,
    diags: &mut Diagnostics,
) {
    let cell = row.get(UNIT);
    // A name that `score --format csv` defused as a formula ('=…) reads back as written.
    let unit = match cell.strip_prefix('\'') {
        Some(rest) if catalog.unit(cell).is_none() && catalog.unit(rest).is_some() => rest,
        _ => cell,
    };
    let unit = super::names::resolve_unit(catalog, unit, || row.at(UNIT), diags);
    let total = row_total(row, diags);
    let rank = row_rank(row, diags);
    let (Some(unit), Some(total), Some(rank)) = (unit, total, rank) else {
        return;
    };
    let grade = Some(without_veto_mark(row.get(GRADE)).to_string()).filter(|g| !g.is_empty());
    let sections = row_sections(catalog.rubric_of(unit), section_columns, row, diags);
    rows.push(PublishedRow {
        unit,
        total,
        grade,
        rank,
        at: row.at_row(),
        sections,
    });
}

/// The row's total, without the table's own marks: `*` rescaled, `†`
/// provisional.
fn row_total(row: &Row, diags: &mut Diagnostics) -> Option<Decimal> {
    let total_cell = row.get(TOTAL).trim_end_matches(['*', '†', '＊']).trim_end();
    match num::parse_cell(total_cell) {
        Ok(t) => Some(t),
        Err(e) => {
            diags.error(
                row.at(TOTAL),
                msg!(
                    "published-total-not-number",
                    total = total_cell,
                    reason = e.explain()
                ),
            );
            None
        }
    }
}

/// The row's rank: `Some(None)` when empty, `None` when it is no rank
/// (reported).
fn row_rank(row: &Row, diags: &mut Diagnostics) -> Option<Option<usize>> {
    let rank_cell = row.get(RANK);
    if rank_cell.is_empty() {
        Some(None)
    } else {
        match rank_cell.parse::<usize>() {
            Ok(r) if r > 0 => Some(Some(r)),
            _ => {
                diags.error(row.at(RANK), msg!("published-bad-rank", rank = rank_cell));
                None
            }
        }
    }
}

/// The row's section scores: each section column of the unit's rubric
/// that is filled, by section index, with its cell.
fn row_sections(
    rubric: &Rubric,
    section_columns: &[(usize, String)],
    row: &Row,
    diags: &mut Diagnostics,
) -> Vec<(usize, Decimal, Location)> {
    let mut sections = Vec::new();
    for (p, title) in section_columns {
        let Some(k) = rubric
            .sections
            .iter()
            .position(|s| table::header_key(&s.title) == *title)
        else {
            continue;
        };
        let text = row.cell(*p);
        if text.is_empty() {
            continue;
        }
        match num::parse_cell(text) {
            Ok(v) => sections.push((k, v, row.at_cell(*p))),
            Err(e) => diags.error(
                row.at_cell(*p),
                msg!(
                    "published-section-not-number",
                    value = text,
                    reason = e.explain()
                ),
            ),
        }
    }
    sections
}

/// The rows, a unit's second row reported and left out.
fn once_each(
    catalog: &Catalog,
    all: Vec<PublishedRow>,
    diags: &mut Diagnostics,
) -> Vec<PublishedRow> {
    let mut rows = Vec::new();
    let mut seen: HashMap<UnitRef, Location> = HashMap::new();
    for row in all {
        if let Some(first) = seen.insert(row.unit, row.at.clone()) {
            diags.error(
                row.at,
                msg!(
                    "published-twice",
                    unit = &catalog.unit_of(row.unit).name,
                    first = &first
                ),
            );
            continue;
        }
        rows.push(row);
    }
    rows
}

/// `不合格（一票否决）` as the table prints a vetoed grade reads as `不合格`:
/// the mark is the table's own, in either language.
fn without_veto_mark(grade: &str) -> &str {
    crate::text::i18n::Lang::ALL
        .iter()
        .map(|lang| msg!("table-grade-vetoed", grade = "").render(*lang))
        .find_map(|mark| grade.strip_suffix(mark.trim()))
        .unwrap_or(grade)
        .trim()
}

/// A result written by `assess score --format json`, as published rows.
fn from_json(catalog: &Catalog, path: &Path, diags: &mut Diagnostics) -> Option<Published> {
    let before = diags.len();
    let units = super::previous::read(path, diags)?;
    let bytes = std::fs::read(path).unwrap_or_default();
    let file = InputFile {
        role: Role::Published,
        path: std::sync::Arc::from(path.display().to_string()),
        sha256: crate::model::source::sha256_hex(&bytes),
    };
    let mut rows = Vec::new();
    for u in units {
        let Some(unit) = catalog
            .rubrics
            .iter()
            .position(|r| r.id == u.rubric)
            .and_then(|r| {
                let i = catalog.rubrics[r].units.iter().position(|x| x.id == u.id)?;
                Some(UnitRef { rubric: r, unit: i })
            })
            .or_else(|| catalog.unit(&u.id))
        else {
            diags.error(
                u.at.clone(),
                msg!(
                    "input-unknown-unit",
                    unit = u.id.as_str(),
                    hint = crate::text::diag::hint(&u.id, catalog.unit_names())
                ),
            );
            continue;
        };
        rows.push(PublishedRow {
            unit,
            total: u.total,
            grade: Some(u.grade),
            rank: Some(u.rank),
            at: u.at,
            sections: Vec::new(),
        });
    }
    (diags.len() == before).then_some(Published { file, rows })
}
