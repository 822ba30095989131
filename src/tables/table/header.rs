//! Finding the header row below any title block (keeping the title
//! block's `评分单位：`), telling the layout, and placing the declared
//! columns, with what a header that is missing or misspelt lacks.

use std::sync::Arc;

use super::columns::{ITEM_NAMES, SERIALS, UNIT_NAMES, header_is, header_key, is_unit_header};
use super::{Body, Column, HeaderCell, Kind, Layout, Shape, Table};
use crate::model::source::Location;
use crate::tables::workbook::SheetRows;
use crate::text::diag::{Diagnostics, nearest};
use crate::text::i18n::msg;

/// What a scan for the header row found.
pub(super) struct Scan {
    /// The header row's cells (0-based column, text, number) and line.
    pub(super) header: Option<(Vec<HeaderCell>, usize)>,
    pub(super) title_scorer: Option<(String, Location)>,
    /// Rows seen before the header (0: the table is empty).
    pub(super) rows: usize,
    /// The first row with a cell close to a unit column's name (among the
    /// first `NEAR_ROWS`): where to say what is missing when no header is found.
    pub(super) near: Option<(Vec<HeaderCell>, usize)>,
    /// The kind's unit column: a cell naming it makes the header row too
    /// (a published table's 地市名称, 部门).
    unit: Option<&'static Column>,
}

/// How far down a misspelt header is looked for.
const NEAR_ROWS: usize = 50;

impl Scan {
    pub(super) fn new(kind: &Kind) -> Self {
        Scan {
            header: None,
            title_scorer: None,
            rows: 0,
            near: None,
            unit: kind.columns.iter().find(|c| c.key == "unit"),
        }
    }

    /// Takes one row (not blank) before the header; whether it is the header.
    pub(super) fn feed(
        &mut self,
        cells: Vec<HeaderCell>,
        line: usize,
        file: &Arc<str>,
        sheet: bool,
    ) -> bool {
        if cells
            .iter()
            .any(|c| is_unit_header(&c.text) || self.unit.is_some_and(|u| u.matches(&c.text)))
        {
            self.header = Some((cells, line));
            return true;
        }
        for (k, c) in cells.iter().enumerate() {
            if let Some(name) = title_scorer(&c.text, cells.get(k + 1).map(|n| n.text.as_str())) {
                let mut at = Location::new(file, line);
                if sheet {
                    at = at.in_cell(c.column + 1);
                }
                self.title_scorer.get_or_insert((name, at));
            }
        }
        self.rows += 1;
        if self.near.is_none()
            && self.rows <= NEAR_ROWS
            && cells.iter().any(|c| {
                nearest(
                    &header_key(&c.text),
                    UNIT_NAMES.iter().copied().chain(["unit"]),
                )
                .is_some()
            })
        {
            self.near = Some((cells, line));
        }
        false
    }
}

/// `评分单位：NAME` (or `评分单位:NAME`, `评分单位（盖章）：NAME`, `scorer:
/// NAME`, the name in the next cell): the name, up to a space.
pub fn title_scorer(cell: &str, next: Option<&str>) -> Option<String> {
    let cell = cell.trim();
    let rest = match cell.strip_prefix("评分单位") {
        Some(rest) => rest,
        None => cell
            .get(..6)
            .filter(|p| p.eq_ignore_ascii_case("scorer"))
            .map(|_| &cell[6..])?,
    };
    let rest = rest.trim_start();
    // A parenthesised remark before the colon: （盖章）.
    let rest = match rest.chars().next() {
        Some('（' | '(') => {
            let close = rest.find(['）', ')'])?;
            &rest[close + rest[close..].chars().next()?.len_utf8()..]
        }
        _ => rest,
    };
    let rest = rest.trim_start().strip_prefix([':', '：'])?.trim();
    let name: String = if rest.is_empty() {
        next?.trim().to_string()
    } else {
        rest.split(char::is_whitespace).next()?.to_string()
    };
    // A seal's place left in the name: 某单位（盖章）.
    let name = match name
        .strip_suffix(['）', ')'])
        .and_then(|n| n.strip_suffix("盖章"))
        .and_then(|n| n.strip_suffix(['（', '(']))
    {
        Some(bare) => bare.trim().to_string(),
        None => name,
    };
    (!name.is_empty()).then_some(name)
}

impl<'b> Table<'b> {
    /// The table of a header row: its layout and its declared columns' places.
    pub(super) fn new(
        file: &Arc<str>,
        kind: &Kind,
        header: Vec<HeaderCell>,
        header_line: usize,
        title_scorer: Option<(String, Location)>,
        sheet: bool,
        diags: &mut Diagnostics,
    ) -> Option<Table<'b>> {
        // Wide unless a heading names the column each long row fills.
        let long = kind.wide.is_none_or(|key| {
            let names = kind
                .columns
                .iter()
                .find(|c| c.key == key)
                .map_or(ITEM_NAMES, |c| c.names);
            header.iter().any(|h| header_is(&h.text, names, key))
        });
        let layout = if long { Layout::Long } else { Layout::Wide };
        let positions = resolve_header(&header, file, header_line, kind.columns, layout, diags)?;
        let width = header.last().map_or(0, |h| h.column + 1);
        let mut used = vec![false; width];
        for p in positions.iter().flatten() {
            used[*p] = true;
        }
        let unit = kind
            .columns
            .iter()
            .position(|c| c.key == "unit")
            .and_then(|c| positions[c])
            .unwrap_or(0);
        Some(Table {
            shape: Shape {
                file: Arc::clone(file),
                role: kind.role,
                layout,
                header_line,
                header,
                title_scorer,
                positions,
                free_text: kind.columns.iter().map(|c| c.free_text).collect(),
                width,
                checks: vec![false; width],
                used,
                unit,
                sheet,
            },
            body: Body::Sheet {
                rows: SheetRows::none(),
            },
        })
    }
}

/// No row names the unit column. A row with a cell close to its name is
/// read as the header, so the error says what it lacks and what may be
/// misspelt; else the table (the sheet) has no header at all.
pub(super) fn no_header(
    file: &Arc<str>,
    near: Option<(Vec<HeaderCell>, usize)>,
    empty: bool,
    kind: &Kind,
    diags: &mut Diagnostics,
    sheet: bool,
) {
    if let Some((cells, line)) = near {
        let before = diags.len();
        let _ = resolve_header(&cells, file, line, kind.columns, Layout::Long, diags);
        if diags.len() > before {
            return;
        }
    }
    let message = match (empty, sheet) {
        (false, _) => msg!("table-no-header"),
        (true, true) => msg!("table-sheet-empty"),
        (true, false) => msg!("table-file-empty"),
    };
    let line = usize::from(empty && !sheet);
    diags.error(Location::new(file, line), message);
}

/// Finds each declared column in a header row; reports a duplicate, a
/// missing required column (with the nearest unknown heading as a hint) and
/// an unknown heading close to the name of a column the table lacks. In a
/// wide table only the unit, scorer and note columns are placed here (the
/// items are placed by `wide`).
fn resolve_header(
    header: &[HeaderCell],
    file: &Arc<str>,
    header_line: usize,
    columns: &[Column],
    layout: Layout,
    diags: &mut Diagnostics,
) -> Option<Vec<Option<usize>>> {
    let (positions, placed) = place_columns(header, file, header_line, columns, layout, diags);
    if layout == Layout::Wide {
        return placed.then_some(positions);
    }
    let unmatched: Vec<&str> = header
        .iter()
        .map(|h| h.text.as_str())
        .filter(|h| !columns.iter().any(|c| c.matches(h)))
        // A row number is no slip of a column's name (序号 is not 文号).
        .filter(|h| !SERIALS.contains(&header_key(h).as_str()))
        .collect();
    let mut hinted: Vec<&str> = Vec::new();
    let required = report_missing(
        &positions,
        &unmatched,
        &mut hinted,
        file,
        header_line,
        columns,
        diags,
    );
    let optional = report_slips(
        &positions,
        &unmatched,
        &hinted,
        file,
        header_line,
        columns,
        diags,
    );
    (placed && required && optional).then_some(positions)
}

/// Each declared column's place in the header, a column named twice
/// reported; and whether none was.
fn place_columns(
    header: &[HeaderCell],
    file: &Arc<str>,
    header_line: usize,
    columns: &[Column],
    layout: Layout,
    diags: &mut Diagnostics,
) -> (Vec<Option<usize>>, bool) {
    let mut positions = vec![None; columns.len()];
    let mut ok = true;
    let placed = |c: &Column| layout == Layout::Long || matches!(c.key, "unit" | "scorer" | "note");
    for h in header {
        if let Some(c) = columns.iter().position(|c| placed(c) && c.matches(&h.text)) {
            if let Some(first) = positions[c] {
                diags.error_at(
                    file,
                    header_line,
                    msg!(
                        "table-column-twice",
                        first = crate::model::source::column_letters(first + 1),
                        second = crate::model::source::column_letters(h.column + 1),
                        column = columns[c].label()
                    ),
                );
                ok = false;
            }
            positions[c] = Some(h.column);
        }
    }
    (positions, ok)
}

/// Reports each required column the header lacks. A missing required
/// column names the heading most like it (added to `hinted`); that heading
/// is then not reported again as a slip. Whether none was missing.
fn report_missing<'h>(
    positions: &[Option<usize>],
    unmatched: &[&'h str],
    hinted: &mut Vec<&'h str>,
    file: &Arc<str>,
    header_line: usize,
    columns: &[Column],
    diags: &mut Diagnostics,
) -> bool {
    let names_of = |col: &Column| -> Vec<&str> {
        let mut names: Vec<&str> = vec![col.key];
        names.extend(col.names);
        names
    };
    let mut ok = true;
    for (c, col) in columns.iter().enumerate() {
        if positions[c].is_some() || !col.required {
            continue;
        }
        let names = names_of(col);
        let near = unmatched
            .iter()
            .find(|h| nearest(&header_key(h), names.iter().copied()).is_some());
        hinted.extend(near);
        let hint = near.map(|h| msg!("table-column-hint", header = *h));
        diags.error_at(
            file,
            header_line,
            msg!(
                "table-column-missing",
                column = col.label(),
                hint = hint,
                key = col.key
            ),
        );
        ok = false;
    }
    ok
}

/// Other headings are extra columns, ignored (docs/formats.md, "Input
/// tables"), unless one is a slip for an optional column the table lacks
/// (备住 for 备注): that is reported. Whether none was.
fn report_slips(
    positions: &[Option<usize>],
    unmatched: &[&str],
    hinted: &[&str],
    file: &Arc<str>,
    header_line: usize,
    columns: &[Column],
    diags: &mut Diagnostics,
) -> bool {
    let mut ok = true;
    for (c, col) in columns.iter().enumerate() {
        if positions[c].is_some() || col.required {
            continue;
        }
        let primary: Vec<&str> = [col.key]
            .into_iter()
            .chain(col.names.first().copied())
            .collect();
        let near = unmatched
            .iter()
            .filter(|h| !hinted.contains(h))
            .find_map(|h| nearest(&header_key(h), primary.iter().copied()).map(|name| (*h, name)));
        if let Some((h, name)) = near {
            diags.error_at(
                file,
                header_line,
                msg!(
                    "table-column-unknown",
                    header = h,
                    hint = msg!("did-you-mean", name = name)
                ),
            );
            ok = false;
        }
    }
    ok
}
