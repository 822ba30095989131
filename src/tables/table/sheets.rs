//! The sheets of a workbook as tables: which sheets are read (`--sheet`,
//! or every sheet but the empty ones and the instructions), each sheet's
//! header found, and its rows streamed with their cells checked.

use std::path::Path;
use std::sync::Arc;

use super::header::{Scan, no_header};
use super::row::{Cells, Row};
use super::{Body, HeaderCell, Kind, ReadOptions, Shape, Table, header_key};
use crate::model::source::Location;
use crate::model::source::{InputFile, Role};
use crate::tables::stream::{self, MAX_ERRORS};
use crate::tables::workbook::{self, Book, CellKind, SheetRow, SheetRows};
use crate::text::diag::Diagnostics;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// The detail sheets of `score --format xlsx` (项目得分, 来源), in either
/// language: named by the same catalog entries that named them.
fn is_detail_sheet(name: &str) -> bool {
    crate::text::i18n::Lang::ALL.iter().any(|lang| {
        [msg!("xlsx-sheet-items"), msg!("xlsx-sheet-provenance")]
            .iter()
            .any(|m| m.render(*lang) == name.trim())
    })
}

/// Sheets that hold notes for the person filling the workbook in.
fn is_instructions(name: &str) -> bool {
    let n = header_key(name);
    n == "说明" || n == "填表说明" || n == "instructions"
}

/// A sheet's index in the workbook, and why it is left out.
type LeftOut = (usize, &'static str);

/// Why a sheet (or a table of a Word document) of published results is
/// passed over: no row names a unit column, so it holds no results table.
const NO_UNIT_COLUMN: &str = "no-unit-column";

/// The note that a sheet (or table) `label` is not read, and why.
fn left_out_note(label: Arc<str>, why: &str) -> Message {
    if why == NO_UNIT_COLUMN {
        msg!("verify-table-not-results", table = label)
    } else {
        msg!("check-sheet-left-out", sheet = label, why = why.to_string())
    }
}

/// Reads the chosen sheets of a workbook, each with its header found, then
/// notes the sheets left out; see `read_tables`.
#[allow(clippy::too_many_arguments)]
pub(super) fn read_workbook(
    path: &Path,
    file: &Arc<str>,
    sniffed: workbook::Sniffed,
    kind: &Kind,
    options: &ReadOptions,
    diags: &mut Diagnostics,
    notes: &mut Vec<Message>,
    mut each: impl FnMut(Table<'_>, &mut Diagnostics),
) -> Option<InputFile> {
    let mut book = match Book::open(path, sniffed) {
        Ok(book) => book,
        Err(message) => {
            diags.error(Location::new(file, 0), message);
            return None;
        }
    };
    let names: Vec<String> = book.sheets.iter().map(|s| s.name.clone()).collect();
    let (chosen, mut left_out) = match options.sheets {
        Some(wanted) => {
            let chosen = named_sheets(&book, wanted, options, file, &names, diags)?;
            (chosen, Vec::new())
        }
        None => default_sheets(&book, kind),
    };
    let read_any = read_sheets(
        &mut book,
        file,
        &chosen,
        kind,
        options,
        &mut left_out,
        diags,
        &mut each,
    );
    left_out.sort_unstable();
    for (k, why) in &left_out {
        let sheet = workbook::label(file, &book.sheets[*k].name);
        notes.push(left_out_note(sheet, why));
    }
    if !read_any && diags.is_empty() {
        let no_unit: Vec<&String> = left_out
            .iter()
            .filter(|(_, why)| *why == NO_UNIT_COLUMN)
            .map(|(k, _)| &names[*k])
            .collect();
        let message = if no_unit.is_empty() {
            msg!(
                "workbook-nothing-to-read",
                sheets = crate::text::list(names.iter())
            )
        } else {
            msg!(
                "verify-no-results-table",
                tables = crate::text::list(no_unit.into_iter())
            )
        };
        diags.error(Location::new(file, 0), message);
    }
    let sha256 = match stream::digest(path, None) {
        Ok((h, _)) => h,
        Err(e) => {
            diags.error(Location::new(file, 0), crate::tables::file::cannot_read(&e));
            return None;
        }
    };
    Some(InputFile {
        role: kind.role,
        path: Arc::clone(file),
        sha256,
    })
}

/// The sheets `--sheet` names (`wanted`), noted as found. None named, a
/// workbook of one sheet is read all the same; else that is an error
/// (`None`).
fn named_sheets(
    book: &Book,
    wanted: &[String],
    options: &ReadOptions,
    file: &Arc<str>,
    names: &[String],
    diags: &mut Diagnostics,
) -> Option<Vec<usize>> {
    let mut chosen: Vec<usize> = Vec::new();
    for (k, s) in book.sheets.iter().enumerate() {
        if wanted.iter().any(|w| w.trim() == s.name.trim()) {
            chosen.push(k);
            if let Some(found) = options.sheets_found {
                found.borrow_mut().push(s.name.trim().to_string());
            }
        }
    }
    if !chosen.is_empty() {
        return Some(chosen);
    }
    let readable: Vec<usize> = (0..book.sheets.len())
        .filter(|&k| book.sheets[k].is_worksheet())
        .collect();
    if readable.len() == 1 {
        // A workbook of one sheet is read whatever --sheet says,
        // so one --sheet serves workbooks of many sheets and of one.
        return Some(readable);
    }
    let first = wanted.first().map_or("", String::as_str);
    diags.error(
        Location::new(file, 0),
        msg!(
            "workbook-no-sheet",
            sheet = first,
            hint = crate::text::diag::hint(first, names.iter().map(String::as_str)),
            sheets = crate::text::list(names.iter())
        ),
    );
    None
}

/// Without `--sheet`: every worksheet but the hidden ones, the
/// instructions and, in a published table, this tool's detail sheets; and
/// why each other one is left out.
fn default_sheets(book: &Book, kind: &Kind) -> (Vec<usize>, Vec<LeftOut>) {
    let mut chosen: Vec<usize> = Vec::new();
    let mut left_out: Vec<LeftOut> = Vec::new();
    for (k, s) in book.sheets.iter().enumerate() {
        if !s.is_worksheet() {
            left_out.push((k, "chart"));
        } else if s.hidden {
            left_out.push((k, "hidden"));
        } else if is_instructions(&s.name) {
            left_out.push((k, "instructions"));
        } else if kind.role == Role::Published && is_detail_sheet(&s.name) {
            // This tool's own results workbook: its item and
            // provenance sheets are no published table.
            left_out.push((k, "details"));
        } else {
            chosen.push(k);
        }
    }
    (chosen, left_out)
}

/// Opens each chosen sheet and passes its table to `each`; an empty sheet
/// joins `left_out`. Whether any sheet was read (or reported).
#[allow(clippy::too_many_arguments)]
fn read_sheets(
    book: &mut Book,
    file: &Arc<str>,
    chosen: &[usize],
    kind: &Kind,
    options: &ReadOptions,
    left_out: &mut Vec<LeftOut>,
    diags: &mut Diagnostics,
    each: &mut impl FnMut(Table<'_>, &mut Diagnostics),
) -> bool {
    let mut read_any = false;
    for &k in chosen {
        let name = book.sheets[k].name.clone();
        let label = workbook::label(file, &name);
        let explicit = options.sheets.is_some();
        let rows = match book.rows(k) {
            Ok(rows) => rows,
            Err(message) => {
                diags.error(Location::new(&label, 0), message);
                continue;
            }
        };
        match Table::open_sheet(&label, rows, kind, explicit, diags) {
            Opened::Table(table) => {
                read_any = true;
                each(*table, diags);
            }
            Opened::Empty => left_out.push((k, "empty")),
            Opened::NoUnitColumn => left_out.push((k, NO_UNIT_COLUMN)),
            Opened::Failed => read_any = true,
        }
    }
    read_any
}

/// Reads tables given as rows, each labelled as a sheet is (the tables of
/// a Word document, `docx::read`): each as a sheet of a workbook, its
/// header found below any title rows, its rows streamed to `each`. A table
/// in which no row names a unit column is passed over with a note, as an
/// empty one; none read at all is an error. Returns the file's provenance.
pub fn read_row_tables(
    path: &Path,
    file: &Arc<str>,
    tables: Vec<(Arc<str>, Vec<SheetRow>)>,
    kind: &Kind,
    diags: &mut Diagnostics,
    notes: &mut Vec<Message>,
    mut each: impl FnMut(Table<'_>, &mut Diagnostics),
) -> Option<InputFile> {
    let mut read_any = false;
    let mut no_unit: Vec<Arc<str>> = Vec::new();
    for (label, rows) in tables {
        let rows = SheetRows::given(rows);
        match Table::open_sheet(&label, rows, kind, false, diags) {
            Opened::Table(table) => {
                read_any = true;
                each(*table, diags);
            }
            Opened::Empty => notes.push(left_out_note(label, "empty")),
            Opened::NoUnitColumn => {
                notes.push(left_out_note(Arc::clone(&label), NO_UNIT_COLUMN));
                no_unit.push(label);
            }
            Opened::Failed => read_any = true,
        }
    }
    if !read_any && diags.is_empty() {
        diags.error(
            Location::new(file, 0),
            msg!(
                "verify-no-results-table",
                tables = crate::text::list(no_unit.iter().map(|l| l.to_string()))
            ),
        );
    }
    match stream::digest(path, None) {
        Ok((sha256, _)) => Some(InputFile {
            role: kind.role,
            path: Arc::clone(file),
            sha256,
        }),
        Err(e) => {
            diags.error(Location::new(file, 0), crate::tables::file::cannot_read(&e));
            None
        }
    }
}

enum Opened<'b> {
    Table(Box<Table<'b>>),
    /// A sheet without a single non-empty cell.
    Empty,
    /// A sheet of published results in which no row names a unit column:
    /// notes, or another table; passed over.
    NoUnitColumn,
    /// Reported.
    Failed,
}

impl<'b> Table<'b> {
    /// A sheet: rows are read up to the header row (the title block's
    /// `评分单位：` kept); the rest stream on from there.
    fn open_sheet(
        label: &Arc<str>,
        mut rows: SheetRows<'b>,
        kind: &Kind,
        explicit: bool,
        diags: &mut Diagnostics,
    ) -> Opened<'b> {
        let mut scan = Scan::new(kind);
        loop {
            match rows.next_row() {
                Ok(Some(row)) => {
                    let cells = header_cells(row);
                    if cells.is_empty() {
                        continue;
                    }
                    let line = row.number;
                    if scan.feed(cells, line, label, true) {
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    diags.error(sheet_error_at(label, &e), e.message);
                    return Opened::Failed;
                }
            }
        }
        let Some((header, header_line)) = scan.header else {
            if scan.rows == 0 {
                if explicit {
                    diags.error(Location::new(label, 0), msg!("table-sheet-empty"));
                    return Opened::Failed;
                }
                return Opened::Empty;
            }
            if kind.role == Role::Published && !explicit {
                return Opened::NoUnitColumn;
            }
            no_header(label, scan.near, false, kind, diags, true);
            return Opened::Failed;
        };
        match Table::new(
            label,
            kind,
            header,
            header_line,
            scan.title_scorer,
            true,
            diags,
        ) {
            Some(mut table) => {
                table.body = Body::Sheet { rows };
                Opened::Table(Box::new(table))
            }
            None => Opened::Failed,
        }
    }
}

impl Shape {
    /// A sheet's data rows, in one pass and one tally: rows point at
    /// cells (the table says it is a sheet).
    pub(super) fn sheet_rows<T: Send>(
        &self,
        mut rows: SheetRows,
        diags: &mut Diagnostics,
        new: impl Fn() -> T + Sync,
        each: impl Fn(&mut T, &Row, &mut Diagnostics) + Sync,
    ) -> (Vec<T>, usize) {
        let mut tally = new();
        let mut footers = 0;
        let mut dense: Vec<u32> = vec![0; self.width];
        let mut errors = 0;
        let mut formulas = Formulas::default();
        loop {
            let row = match rows.next_row() {
                Ok(Some(row)) => row,
                Ok(None) => {
                    // The sheet's end, where a part changed by hand shows.
                    if let Err(e) = rows.finish() {
                        diags.error(sheet_error_at(&self.file, &e), e.message);
                    }
                    break;
                }
                Err(e) => {
                    diags.error(sheet_error_at(&self.file, &e), e.message);
                    break;
                }
            };
            let before = diags.len();
            match self.sheet_row(row, &mut dense, &mut formulas, diags) {
                Some(false) => {}
                Some(true) => {
                    let row = Row {
                        line: row.number,
                        cells: Cells::Sheet(row, &dense),
                        table: self,
                        not_text: std::cell::Cell::new(false),
                    };
                    if self.is_footer(&row) {
                        footers += 1;
                    } else {
                        each(&mut tally, &row, diags);
                    }
                }
                None => {}
            }
            errors += diags.len() - before;
            if errors >= MAX_ERRORS {
                diags.error_at(
                    &self.file,
                    row.number,
                    msg!("table-too-many-errors", count = MAX_ERRORS),
                );
                break;
            }
        }
        formulas.tell(&self.file, diags);
        (vec![tally], footers)
    }

    /// Places a sheet row's cells in `dense`; `Some(true)` to pass it on,
    /// `Some(false)` for a blank row, `None` for a row reported (a bad cell
    /// in a column read, a value outside the header's columns).
    fn sheet_row(
        &self,
        row: &SheetRow,
        dense: &mut [u32],
        formulas: &mut Formulas,
        diags: &mut Diagnostics,
    ) -> Option<bool> {
        dense.fill(0);
        let mut blank = true;
        let mut ok = true;
        for (k, cell) in row.cells.iter().enumerate() {
            let p = cell.column - 1;
            let empty = cell.text.trim().is_empty() && cell.kind == CellKind::Text;
            if empty {
                continue;
            }
            blank = false;
            if p >= self.width {
                diags.error(
                    Location::new(&self.file, row.number).in_cell(cell.column),
                    msg!(
                        "table-cell-outside",
                        value = cell.text.trim(),
                        header = self.width
                    ),
                );
                ok = false;
                continue;
            }
            // A formula without a saved value: in a check column, as good
            // as empty; in a column read, one error per column, not per row.
            if cell.kind == CellKind::NoValue && self.used[p] {
                if self.checks[p] {
                    formulas.check_cells += 1;
                    formulas.first_check.get_or_insert_with(|| {
                        Location::new(&self.file, row.number).in_cell(cell.column)
                    });
                    continue;
                }
                let at = Location::new(&self.file, row.number).in_cell(cell.column);
                match formulas.columns.iter_mut().find(|(c, _, _)| *c == p) {
                    Some((_, _, n)) => *n += 1,
                    None => formulas.columns.push((p, at, 1)),
                }
                ok = false;
                continue;
            }
            if self.used[p]
                && let Some(problem) = cell.problem()
            {
                diags.error(
                    Location::new(&self.file, row.number).in_cell(cell.column),
                    problem,
                );
                ok = false;
            }
            dense[p] = k as u32 + 1;
        }
        if blank {
            return Some(false);
        }
        ok.then_some(true)
    }
}

/// Formulas without a saved value met in a sheet: the read columns' (first
/// cell, count), and how many check cells were passed over.
#[derive(Default)]
struct Formulas {
    columns: Vec<(usize, Location, usize)>,
    check_cells: usize,
    first_check: Option<Location>,
}

impl Formulas {
    /// One error per read column, one warning for the check columns.
    fn tell(self, file: &Arc<str>, diags: &mut Diagnostics) {
        for (_, at, count) in self.columns {
            let message = if count == 1 {
                msg!("workbook-formula-no-value")
            } else {
                msg!("workbook-formula-no-value-column", count = count)
            };
            diags.error(at, message);
        }
        if let Some(at) = self.first_check {
            crate::text::diag::warn(msg!(
                "workbook-check-formula-no-value",
                at = at,
                count = self.check_cells,
                file = file
            ));
        }
    }
}

/// A sheet row's non-empty cells, as header cells.
fn header_cells(row: &SheetRow) -> Vec<HeaderCell> {
    row.cells
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .map(|c| HeaderCell {
            column: c.column - 1,
            text: c.text.trim().to_string(),
            number: c.kind == CellKind::Number,
        })
        .collect()
}

fn sheet_error_at(label: &Arc<str>, e: &workbook::SheetError) -> Location {
    let at = Location::new(label, e.row);
    match e.column {
        Some(c) if e.row > 0 => at.in_cell(c),
        _ => at,
    }
}
