//! Opening a rubric workbook: what the file is, which rubric's sheets to
//! read, and each of them read whole into its cells and merged ranges.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use super::cells::{Errors, Merge, Sheet, Value};
use super::vocabulary::{
    SHEET_CLASSES, SHEET_GROUPS, SHEET_INFO, SHEET_ITEMS, SHEET_MEASURES, SHEET_METHODS,
    SHEET_RULES, SHEET_SCORERS, SHEET_UNITS, sheet_name,
};
use crate::date::Date;
use crate::tables::workbook::{
    Book, CellKind, Merged, SheetCell, SheetError, SheetRows, Sniffed, sniff,
};
use crate::text::diag::hint;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// The sheets of the workbook's rubric, each `None` when it is missing
/// (reported if required) or could not be read (reported).
pub(super) struct Sheets {
    pub(super) items: Option<Sheet>,
    pub(super) rules: Option<Sheet>,
    pub(super) info: Option<Sheet>,
    pub(super) scorers: Option<Sheet>,
    pub(super) units: Option<Sheet>,
    pub(super) groups: Option<Sheet>,
    pub(super) classes: Option<Sheet>,
    pub(super) measures: Option<Sheet>,
    pub(super) methods: Option<Sheet>,
}

/// The workbook at `path`, or why it cannot be read as one.
pub(super) fn open_book(path: &Path) -> Result<Book, Message> {
    sniffed(path).and_then(|s| Book::open(path, s))
}

/// The sheets of the one rubric the workbook holds; `None` when it holds
/// none or several (reported).
pub(super) fn read_sheets(book: &mut Book, file: &Arc<str>, e: &mut Errors) -> Option<Sheets> {
    let names: Vec<String> = book.sheets.iter().map(|s| s.name.clone()).collect();
    let suffix = choose_rubric(&names, e)?;
    let mut open = |base: &str, required: bool, e: &mut Errors| -> Option<Sheet> {
        let name = sheet_name(base, &suffix);
        let Some(order) = names.iter().position(|n| *n == name) else {
            if required {
                e.general.push(msg!(
                    "import-sheet-missing",
                    sheet = name.as_str(),
                    hint = hint(&name, names.iter().map(String::as_str)),
                    sheets = crate::text::list(names.iter())
                ));
            }
            return None;
        };
        read_sheet(book, file, &name, order, e)
    };
    // In this order, which is the order missing sheets are reported in.
    let items = open(SHEET_ITEMS, true, e);
    let rules = open(SHEET_RULES, false, e);
    let info = open(SHEET_INFO, true, e);
    let scorers = open(SHEET_SCORERS, true, e);
    let units = open(SHEET_UNITS, true, e);
    let groups = open(SHEET_GROUPS, false, e);
    let classes = open(SHEET_CLASSES, false, e);
    let measures = open(SHEET_MEASURES, false, e);
    let methods = open(SHEET_METHODS, false, e);
    Some(Sheets {
        items,
        rules,
        info,
        scorers,
        units,
        groups,
        classes,
        measures,
        methods,
    })
}

/// The rubric of the workbook: `""` for plain sheet names (`细则`), else
/// the suffix of its one set of sheets (`细则-counties`).
fn choose_rubric(names: &[String], e: &mut Errors) -> Option<String> {
    if names.iter().any(|n| n == SHEET_ITEMS) {
        return Some(String::new());
    }
    let prefix = format!("{SHEET_ITEMS}-");
    let suffixes: Vec<&str> = names
        .iter()
        .filter_map(|n| n.strip_prefix(&prefix))
        .collect();
    match suffixes.as_slice() {
        [one] => Some(one.to_string()),
        [] => {
            e.general.push(msg!(
                "import-sheet-missing",
                sheet = SHEET_ITEMS,
                hint = hint(SHEET_ITEMS, names.iter().map(String::as_str)),
                sheets = crate::text::list(names.iter())
            ));
            None
        }
        several => {
            e.general.push(msg!(
                "import-several",
                ids = crate::text::list(several.iter().copied())
            ));
            None
        }
    }
}

/// What the file is, from its first bytes: a workbook, or an error saying
/// what it is not.
fn sniffed(path: &Path) -> Result<Sniffed, Message> {
    use std::io::Read;
    let mut head = [0u8; 8];
    let read = std::fs::File::open(path).and_then(|mut f| f.read(&mut head));
    match read {
        Err(err) => Err(crate::tables::file::cannot_read(&err)),
        Ok(n) => sniff(&head[..n]).ok_or_else(|| msg!("workbook-not-excel")),
    }
}

/// One sheet, read whole into its cells (sparse) and merged ranges.
fn read_sheet(
    book: &mut Book,
    file: &Arc<str>,
    name: &str,
    order: usize,
    e: &mut Errors,
) -> Option<Sheet> {
    let mut sheet = Sheet {
        order,
        label: Arc::from(format!("{file}[{name}]")),
        cells: BTreeMap::new(),
        merges: Vec::new(),
        filled: BTreeMap::new(),
        last_row: 0,
    };
    let index = book.sheets.iter().position(|s| s.name == name)?;
    let read = match book.rows(index) {
        Ok(mut rows) => read_cells(&mut rows, &mut sheet, e).and_then(|()| rows.finish()),
        Err(m) => Err(SheetError {
            row: 0,
            column: None,
            message: m,
        }),
    };
    match read {
        Ok(merged) => {
            add_merges(&mut sheet, merged);
            Some(sheet)
        }
        Err(err) => {
            let row = u32::try_from(err.row.saturating_sub(1)).unwrap_or(0);
            let col = u32::try_from(err.column.unwrap_or(1).saturating_sub(1)).unwrap_or(0);
            e.at(sheet.at(row, col), err.message);
            None
        }
    }
}

/// The values of every row into the sheet; a cell holding a problem
/// instead (an Excel error, a damaged value) is reported.
fn read_cells(rows: &mut SheetRows, sheet: &mut Sheet, e: &mut Errors) -> Result<(), SheetError> {
    while let Some(row) = rows.next_row()? {
        let r = u32::try_from(row.number - 1).unwrap_or(u32::MAX);
        for cell in &row.cells {
            let c = u32::try_from(cell.column - 1).unwrap_or(u32::MAX);
            if let Some(problem) = cell.problem().filter(|_| cell.kind != CellKind::NoValue) {
                e.at(sheet.at(r, c), problem);
                continue;
            }
            if let Some(v) = value(cell) {
                sheet.last_row = sheet.last_row.max(r);
                sheet.cells.insert((r, c), v);
            }
        }
    }
    Ok(())
}

/// A cell's value; `None` for an empty one.
fn value(cell: &SheetCell) -> Option<Value> {
    match cell.kind {
        CellKind::Text if cell.text.is_empty() => None,
        CellKind::Text => Some(Value::Text(cell.text.clone())),
        CellKind::Number => Some(Value::Number(cell.text.clone())),
        // A weight formatted as a percentage reads as it shows (40%).
        CellKind::Percent => Some(Value::Text(format!("{}%", cell.text))),
        CellKind::Date => Date::parse(&cell.text).map(Value::Date),
        CellKind::Bool => Some(Value::Bool(cell.text == "TRUE")),
        // A formula never calculated holds nothing.
        _ => None,
    }
}

fn add_merges(sheet: &mut Sheet, merged: Vec<Merged>) {
    for m in merged {
        let to = |(col, row): (usize, usize)| {
            (
                u32::try_from(row - 1).unwrap_or(u32::MAX),
                u32::try_from(col - 1).unwrap_or(u32::MAX),
            )
        };
        let merge = Merge {
            start: to(m.first),
            end: to(m.last),
        };
        // A merged range's value sits in its first cell; the cells below it in
        // its first column take that value (a group cell merged over its leaves).
        sheet
            .filled
            .insert((merge.start.1, merge.start.0), merge.end.0);
        sheet.merges.push(merge);
    }
}
