//! The rectification ledgers the units send back (整改台账, `反馈/UNIT.xlsx`
//! filled in), for `assess rectify` (`docs/office.md`, "assess rectify"):
//! recognised by the hidden sheet `publish` wrote (`model::ledger`), its
//! office's cells checked against it, the unit's cells read.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::date::Date;
use crate::model::catalog::{Catalog, UnitRef};
use crate::model::ledger::{
    KEY_COLUMN, KEY_ROW, KEY_RUBRIC, KEY_SHEET, KEY_UNIT, KEY_UNIT_CELL, KEY_YEAR, Ledger,
    LedgerRow, MARKER, OfficeRow, Role, RowKind, Status,
};
use crate::model::rubric::Rubric;
use crate::model::source::Location;
use crate::tables::file::cannot_read;
use crate::tables::workbook::{
    Book, CellKind, SheetCell, SheetRows, label, parse_reference, sniff,
};
use crate::text::diag::{Diagnostics, hint};
use crate::text::i18n::{Lang, Message, msg};
use crate::text::labels::{ledger_column_label, status_label};

/// Rows of a ledger at most (a rubric has a few dozen lines).
const MAX_ROWS: usize = 10_000;

/// The files to read: every `.xlsx`/`.xlsm` of a folder (not those Excel
/// keeps while a workbook is open, `~$…`, nor hidden ones), and each file
/// named, in the order given, each once.
pub fn files(paths: &[PathBuf], diags: &mut Diagnostics) -> Vec<(PathBuf, bool)> {
    let mut out: Vec<(PathBuf, bool)> = Vec::new();
    let mut seen: Vec<PathBuf> = Vec::new();
    let mut add = |p: PathBuf, named: bool, out: &mut Vec<(PathBuf, bool)>| {
        let key = std::fs::canonicalize(&p).unwrap_or_else(|_| p.clone());
        if !seen.contains(&key) {
            seen.push(key);
            out.push((p, named));
        }
    };
    for path in paths {
        if path.is_dir() {
            let entries = match std::fs::read_dir(path) {
                Ok(e) => e,
                Err(e) => {
                    let file: Arc<str> = Arc::from(path.display().to_string());
                    diags.error(Location::new(&file, 0), cannot_read(&e));
                    continue;
                }
            };
            let mut found: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && workbook_name(p))
                .collect();
            found.sort();
            for p in found {
                add(p, false, &mut out);
            }
        } else {
            add(path.clone(), true, &mut out);
        }
    }
    out
}

/// A name a folder's ledger may have.
fn workbook_name(p: &Path) -> bool {
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = p
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    !name.starts_with("~$") && !name.starts_with('.') && (ext == "xlsx" || ext == "xlsm")
}

/// Reads every ledger: each problem into `diags`, every workbook of a
/// folder that is not a ledger told as a warning (returned) and passed over.
pub fn read(
    catalog: &Catalog,
    files: &[(PathBuf, bool)],
    diags: &mut Diagnostics,
) -> (Vec<Ledger>, Vec<Message>) {
    let mut ledgers: Vec<Ledger> = Vec::new();
    let mut passed_over = Vec::new();
    for (path, named) in files {
        let file: Arc<str> = Arc::from(path.display().to_string());
        let before = diags.len();
        match read_one(catalog, path, &file, diags) {
            Read::Ledger(l) => {
                if let Some(first) = ledgers.iter().find(|x| x.unit == l.unit) {
                    let unit = catalog.unit_of(l.unit);
                    diags.error(
                        Location::new(&file, 0),
                        msg!(
                            "ledger-twice",
                            unit = &unit.name,
                            first = first.file.as_ref()
                        ),
                    );
                } else if diags.len() == before {
                    ledgers.push(l);
                }
            }
            Read::NotALedger(m) if !named => {
                passed_over.push(msg!("ledger-passed-over", file = file.as_ref(), why = m));
            }
            Read::NotALedger(m) => diags.error(
                Location::new(&file, 0),
                msg!("ledger-not-a-ledger", why = m),
            ),
            Read::Failed => {}
        }
    }
    (ledgers, passed_over)
}

enum Read {
    Ledger(Ledger),
    /// A workbook without the info sheet, or a file that is no workbook.
    NotALedger(Message),
    /// Told in the diagnostics.
    Failed,
}

/// One file: a ledger read, or why not.
fn read_one(catalog: &Catalog, path: &Path, file: &Arc<str>, diags: &mut Diagnostics) -> Read {
    let (mut book, info) = match open(path, file, diags) {
        Ok(opened) => opened,
        Err(read) => return read,
    };
    let Some(r) = rubric_of(catalog, file, &info, diags) else {
        return Read::Failed;
    };
    let rubric = &catalog.rubrics[r];
    let Some(sheet) = read_sheet(&mut book, file, &info, diags) else {
        return Read::Failed;
    };
    let Some(unit) = header_unit(catalog, r, &info, &sheet, diags) else {
        return Read::Failed;
    };
    let mut rows = Vec::new();
    let before = diags.len();
    for InfoRow { office: x, at } in &info.rows {
        let line = match x.kind {
            RowKind::Line => match rubric.items.iter().position(|i| i.id == x.line) {
                Some(i) => Some(i),
                None => {
                    diags.error(
                        at.clone(),
                        msg!("ledger-line-unknown", line = &x.line, rubric = &rubric.id),
                    );
                    continue;
                }
            },
            _ => None,
        };
        check_office_cells(rubric, &info.columns, &sheet, x, line, diags);
        rows.push(unit_cells(&info.columns, &sheet, x, line));
    }
    if diags.len() > before {
        return Read::Failed;
    }
    Read::Ledger(Ledger {
        file: Arc::clone(file),
        unit,
        rows,
    })
}

/// Opens the workbook and reads its info sheet; `Err` with what to make of
/// the file when it is no ledger or cannot be read.
fn open(path: &Path, file: &Arc<str>, diags: &mut Diagnostics) -> Result<(Book, Info), Read> {
    use std::io::Read as _;
    let mut head = [0u8; 8];
    let read = std::fs::File::open(path).and_then(|mut f| f.read(&mut head));
    let sniffed = match read {
        Err(e) => {
            diags.error(Location::new(file, 0), cannot_read(&e));
            return Err(Read::Failed);
        }
        Ok(n) => match sniff(&head[..n]) {
            Some(s) => s,
            None => return Err(Read::NotALedger(msg!("ledger-why-not-workbook"))),
        },
    };
    let mut book = match Book::open(path, sniffed) {
        Ok(b) => b,
        Err(m) => {
            diags.error(Location::new(file, 0), m);
            return Err(Read::Failed);
        }
    };
    let info_sheet = match find_info(&mut book) {
        Ok(Some(i)) => i,
        Ok(None) => return Err(Read::NotALedger(msg!("ledger-why-no-info"))),
        Err((sheet, row, column, m)) => {
            let sheet_label = label(file, &book.sheets[sheet].name);
            diags.error(stopped_at(&sheet_label, row, column), m);
            return Err(Read::Failed);
        }
    };
    let info_label = label(file, &book.sheets[info_sheet].name);
    match read_info(&mut book, info_sheet, &info_label, diags) {
        Some(info) => Ok((book, info)),
        None => Err(Read::Failed),
    }
}

/// The rubric the info sheet names, loaded and of the year it names.
fn rubric_of(
    catalog: &Catalog,
    file: &Arc<str>,
    info: &Info,
    diags: &mut Diagnostics,
) -> Option<usize> {
    // Another rubric's or year's ledger is told at the ledger's title (A1
    // of its sheet, which names the year and the assessment), the cell a
    // reader can see; the info sheet it is known by is very hidden.
    let title = Location::new(&label(file, &info.sheet), 1).in_cell(1);
    let Some(r) = catalog.rubrics.iter().position(|r| r.id == info.rubric.0) else {
        diags.error(
            title,
            msg!(
                "ledger-other-rubric",
                rubric = &info.rubric.0,
                loaded = crate::text::list(catalog.rubrics.iter().map(|r| r.id.as_str()))
            ),
        );
        return None;
    };
    let rubric = &catalog.rubrics[r];
    if info.year.0 != rubric.year.to_string() {
        diags.error(
            title,
            msg!(
                "ledger-other-year",
                year = &info.year.0,
                rubric = &rubric.id,
                expected = rubric.year.to_string()
            ),
        );
        return None;
    }
    Some(r)
}

/// The ledger's sheet as read: the rows the info sheet lists and the
/// header's row with the unit.
struct LedgerSheet {
    label: Arc<str>,
    cells: HashMap<usize, Vec<SheetCell>>,
}

impl LedgerSheet {
    fn at(&self, row: usize, column: usize) -> Location {
        Location::new(&self.label, row).in_cell(column)
    }

    fn cell(&self, row: usize, column: usize) -> Option<&SheetCell> {
        self.cells
            .get(&row)
            .and_then(|c| c.iter().find(|x| x.column == column))
    }
}

fn read_sheet(
    book: &mut Book,
    file: &Arc<str>,
    info: &Info,
    diags: &mut Diagnostics,
) -> Option<LedgerSheet> {
    let Some(sheet) = book.sheets.iter().position(|s| s.name == info.sheet) else {
        diags.error(
            Location::new(file, 0),
            msg!(
                "ledger-sheet-missing",
                sheet = &info.sheet,
                sheets = crate::text::list(book.sheets.iter().map(|s| s.name.as_str()))
            ),
        );
        return None;
    };
    let sheet_label = label(file, &info.sheet);
    let mut wanted: Vec<usize> = info.rows.iter().map(|x| x.office.row).collect();
    wanted.push(info.unit_cell.0);
    let cells = read_rows(book, sheet, &sheet_label, &wanted, diags)?;
    Some(LedgerSheet {
        label: sheet_label,
        cells,
    })
}

/// The unit as the header names it, on rubric `r`'s roster, and the one
/// the info sheet says the ledger was written for.
fn header_unit(
    catalog: &Catalog,
    r: usize,
    info: &Info,
    sheet: &LedgerSheet,
    diags: &mut Diagnostics,
) -> Option<UnitRef> {
    let rubric = &catalog.rubrics[r];
    let (ur, uc) = info.unit_cell;
    let named = sheet.cell(ur, uc).map(|c| c.text.trim()).unwrap_or("");
    let roster = || rubric.units.iter().map(|u| u.name.as_str());
    let Some(unit) = catalog.unit(named).filter(|u| u.rubric == r) else {
        diags.error(
            sheet.at(ur, uc),
            msg!(
                "ledger-unknown-unit",
                unit = named,
                rubric = &rubric.id,
                hint = hint(named, roster())
            ),
        );
        return None;
    };
    if rubric.units[unit.unit].id != info.unit.0 {
        let written = rubric
            .units
            .iter()
            .find(|u| u.id == info.unit.0)
            .map_or(info.unit.0.as_str(), |u| u.name.as_str());
        diags.error(
            sheet.at(ur, uc),
            msg!("ledger-unit-changed", unit = named, written = written),
        );
        return None;
    }
    Some(unit)
}

/// Tells each of the office's cells of a row that no longer holds what
/// the info sheet says was written, and a line's 分值 the rubric now
/// gives otherwise.
fn check_office_cells(
    rubric: &Rubric,
    columns: &HashMap<Role, usize>,
    sheet: &LedgerSheet,
    x: &OfficeRow,
    line: Option<usize>,
    diags: &mut Diagnostics,
) {
    let col = |role: Role| columns.get(&role).copied();
    for (role, was) in [
        (Role::Indicator, &x.indicator),
        (Role::Max, &x.max),
        (Role::Score, &x.score),
        (Role::Lost, &x.lost),
    ] {
        let Some(c) = col(role) else { continue };
        let now = sheet.cell(x.row, c);
        if !same(role, was, now) {
            diags.error(
                sheet.at(x.row, c),
                msg!(
                    "ledger-cell-changed",
                    column = ledger_column_label(role),
                    was = was.as_str(),
                    now = now.map(|c| c.text.as_str()).unwrap_or("")
                ),
            );
        }
    }
    if let (Some(i), Some(c)) = (line, col(Role::Max))
        && crate::num::parse_plain(&x.max).ok() != Some(rubric.items[i].max)
    {
        diags.error(
            sheet.at(x.row, c),
            msg!(
                "ledger-line-other-max",
                line = &x.line,
                max = &x.max,
                rubric = &rubric.id,
                expected = crate::num::plain(rubric.items[i].max)
            ),
        );
    }
}

/// A row as the unit filled it in (整改措施 … 佐证材料).
fn unit_cells(
    columns: &HashMap<Role, usize>,
    sheet: &LedgerSheet,
    x: &OfficeRow,
    line: Option<usize>,
) -> LedgerRow {
    let col = |role: Role| columns.get(&role).copied();
    let get = |role: Role| -> String {
        col(role)
            .and_then(|c| sheet.cell(x.row, c))
            .map(|c| c.text.trim().to_string())
            .unwrap_or_default()
    };
    let deadline_cell = col(Role::Deadline).and_then(|c| sheet.cell(x.row, c));
    let deadline = deadline_cell.and_then(|c| match c.kind {
        CellKind::Date | CellKind::Text => Date::parse(&c.text),
        _ => None,
    });
    let status_text = get(Role::Status);
    LedgerRow {
        kind: x.kind,
        line,
        measure: get(Role::Measure),
        department: get(Role::Department),
        person: get(Role::Person),
        evidence: get(Role::Evidence),
        deadline,
        deadline_text: get(Role::Deadline),
        status: parse_status(&status_text),
        status_text,
        at: sheet.at(x.row, col(Role::Number).unwrap_or(1)),
    }
}

/// Whether an office's cell still holds what was written: the same text,
/// or for a number the same value however it is now typed.
fn same(role: Role, was: &str, now: Option<&SheetCell>) -> bool {
    let now_text = now.map(|c| c.text.trim()).unwrap_or("");
    if role == Role::Indicator || was.is_empty() || now_text.is_empty() {
        return was.trim() == now_text;
    }
    let kind_ok = now.is_some_and(|c| matches!(c.kind, CellKind::Number | CellKind::Text));
    let parse = |t: &str| crate::num::parse_cell(t).ok().map(|d| d.normalize());
    kind_ok && parse(was).is_some() && parse(was) == parse(now_text)
}

/// The info sheet: the first sheet whose first cell is the marker,
/// hidden sheets first. `Err` with the first sheet that could not be read
/// (where it failed and why) when no sheet has the marker: a damaged or
/// oversized sheet is told as such, not as a workbook without the marker.
fn find_info(book: &mut Book) -> Result<Option<usize>, (usize, usize, Option<usize>, Message)> {
    let mut order: Vec<usize> = (0..book.sheets.len())
        .filter(|&i| book.sheets[i].is_worksheet())
        .collect();
    order.sort_by_key(|&i| !book.sheets[i].hidden);
    let mut failed = None;
    for i in order {
        let mut rows = match book.rows(i) {
            Ok(r) => r,
            Err(m) => {
                failed.get_or_insert((i, 0, None, m));
                continue;
            }
        };
        match rows.next_row() {
            Ok(Some(row))
                if row.number == 1
                    && row
                        .cells
                        .first()
                        .is_some_and(|c| c.column == 1 && c.text.trim() == MARKER) =>
            {
                return Ok(Some(i));
            }
            Ok(_) => {}
            Err(e) => {
                failed.get_or_insert((i, e.row, e.column, e.message));
            }
        }
    }
    match failed {
        Some(f) => Err(f),
        None => Ok(None),
    }
}

/// The info sheet read.
struct Info {
    rubric: (String, Location),
    year: (String, Location),
    unit: (String, Location),
    sheet: String,
    /// (row, column), 1-based.
    unit_cell: (usize, usize),
    columns: HashMap<Role, usize>,
    rows: Vec<InfoRow>,
}

/// A row the info sheet records, and where it records it.
struct InfoRow {
    office: OfficeRow,
    /// Its row of the info sheet.
    at: Location,
}

fn read_info(
    book: &mut Book,
    sheet: usize,
    sheet_label: &Arc<str>,
    diags: &mut Diagnostics,
) -> Option<Info> {
    let mut facts: HashMap<&'static str, (String, Location)> = HashMap::new();
    let mut columns = HashMap::new();
    let mut rows = Vec::new();
    let mut damaged: Option<Location> = None;
    let mut rows_in = rows_of(book, sheet, sheet_label, diags)?;
    loop {
        let row = match rows_in.next_row() {
            Ok(Some(row)) => row,
            Ok(None) => break,
            Err(e) => {
                diags.error(stopped_at(sheet_label, e.row, e.column), e.message);
                return None;
            }
        };
        let cell = |c: usize| -> String {
            row.cells
                .iter()
                .find(|x| x.column == c)
                .map(|x| x.text.trim().to_string())
                .unwrap_or_default()
        };
        let at = |c: usize| Location::new(sheet_label, row.number).in_cell(c);
        let key = cell(1);
        match key.as_str() {
            KEY_RUBRIC | KEY_YEAR | KEY_UNIT | KEY_SHEET | KEY_UNIT_CELL => {
                let k = [KEY_RUBRIC, KEY_YEAR, KEY_UNIT, KEY_SHEET, KEY_UNIT_CELL]
                    .into_iter()
                    .find(|k| *k == key)
                    .unwrap_or(KEY_RUBRIC);
                facts.insert(k, (cell(2), at(2)));
            }
            KEY_COLUMN => match (Role::from_id(&cell(2)), cell(3).parse::<usize>()) {
                (Some(role), Ok(c)) if (1..=crate::tables::workbook::MAX_COLUMNS).contains(&c) => {
                    columns.insert(role, c);
                }
                _ => {
                    damaged.get_or_insert_with(|| at(2));
                }
            },
            KEY_ROW => {
                let number = cell(2)
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=crate::tables::workbook::MAX_ROWS).contains(n));
                match (number, RowKind::from_id(&cell(3))) {
                    (Some(n), Some(kind)) if rows.len() < MAX_ROWS => rows.push(InfoRow {
                        office: OfficeRow {
                            row: n,
                            kind,
                            line: cell(4),
                            max: cell(5),
                            score: cell(6),
                            lost: cell(7),
                            indicator: cell(8),
                        },
                        at: at(1),
                    }),
                    _ => {
                        damaged.get_or_insert_with(|| at(2));
                    }
                }
            }
            _ => {}
        }
    }
    let mut take = |k: &'static str| facts.remove(k);
    let (rubric, year, unit, sheet_name, unit_cell) = (
        take(KEY_RUBRIC),
        take(KEY_YEAR),
        take(KEY_UNIT),
        take(KEY_SHEET),
        take(KEY_UNIT_CELL),
    );
    let cell_ref = unit_cell
        .as_ref()
        .and_then(|(t, _)| parse_reference(t))
        .map(|(c, r)| (r, c));
    let complete = Role::ALL.iter().all(|r| columns.contains_key(r));
    match (rubric, year, unit, sheet_name, cell_ref) {
        (Some(rubric), Some(year), Some(unit), Some(sheet), Some(unit_cell))
            if damaged.is_none() && complete =>
        {
            Some(Info {
                rubric,
                year,
                unit,
                sheet: sheet.0,
                unit_cell,
                columns,
                rows,
            })
        }
        _ => {
            let at = damaged.unwrap_or_else(|| Location::new(sheet_label, 0));
            diags.error(at, msg!("ledger-info-damaged"));
            None
        }
    }
}

/// The cells of the rows wanted of a sheet, read as a stream up to the
/// last of them.
fn read_rows(
    book: &mut Book,
    sheet: usize,
    sheet_label: &Arc<str>,
    wanted: &[usize],
    diags: &mut Diagnostics,
) -> Option<HashMap<usize, Vec<SheetCell>>> {
    let last = wanted.iter().copied().max().unwrap_or(0);
    let wanted: std::collections::HashSet<usize> = wanted.iter().copied().collect();
    let mut out = HashMap::new();
    let mut rows = rows_of(book, sheet, sheet_label, diags)?;
    loop {
        match rows.next_row() {
            Ok(Some(row)) => {
                if row.number > last {
                    break;
                }
                if wanted.contains(&row.number) {
                    out.insert(row.number, row.cells.clone());
                }
            }
            Ok(None) => break,
            Err(e) => {
                diags.error(stopped_at(sheet_label, e.row, e.column), e.message);
                return None;
            }
        }
    }
    Some(out)
}

/// A sheet's rows as a stream; `None` when the sheet cannot be opened
/// (told at the sheet).
fn rows_of<'b>(
    book: &'b mut Book,
    sheet: usize,
    sheet_label: &Arc<str>,
    diags: &mut Diagnostics,
) -> Option<SheetRows<'b>> {
    match book.rows(sheet) {
        Ok(r) => Some(r),
        Err(m) => {
            diags.error(Location::new(sheet_label, 0), m);
            None
        }
    }
}

/// Where a sheet could not be read on: its row, and the cell when known.
fn stopped_at(sheet_label: &Arc<str>, row: usize, column: Option<usize>) -> Location {
    let at = Location::new(sheet_label, row);
    match column {
        Some(c) => at.in_cell(c),
        None => at,
    }
}

/// 整改情况's cell as one of the three words, in either language (a ledger
/// written in English may come back to an office working in Chinese).
fn parse_status(text: &str) -> Option<Status> {
    let t = text.trim();
    Status::ALL.into_iter().find(|s| {
        Lang::ALL
            .into_iter()
            .any(|l| status_label(*s).render(l).eq_ignore_ascii_case(t))
    })
}
