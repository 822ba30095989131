//! Excel workbooks in (calamine) and out (rust_xlsxwriter).
//!
//! In: a worksheet becomes rows of cell text, parsed exactly as CSV cells
//! are; a number cell gives the shortest decimal text of its value, a date
//! cell `YYYY-MM-DD`. Out: see `report::xlsx`.

use calamine::{Data, Reader};
use std::io::Cursor;
use std::sync::Arc;

use crate::diag::{Diagnostics, Location};
use crate::i18n::Message;
use crate::msg;

/// Zip (.xlsx, .xlsm, .ods) or OLE (.xls): a workbook, whatever its name says.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// One worksheet as text.
pub struct Sheet {
    /// `path[sheet name]`, how locations name it.
    pub label: Arc<str>,
    /// `None` for a row holding an Excel error value (reported).
    pub rows: Vec<Option<Vec<String>>>,
    /// Sheet row number (1-based) of `rows[0]`, column index (0-based) of its first cell.
    pub first_row: usize,
    pub first_col: usize,
}

/// Reads the named sheet, or the first one (or the only one).
pub fn read_sheet(
    file: &Arc<str>,
    bytes: Vec<u8>,
    name: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<Sheet> {
    let mut book = match calamine::open_workbook_auto_from_rs(Cursor::new(bytes)) {
        Ok(b) => b,
        Err(e) => {
            diags.error(
                Location::new(file, 0),
                msg!("workbook-cannot-read", detail = e.to_string()),
            );
            return None;
        }
    };
    let names = book.sheet_names();
    // A workbook of one sheet is unambiguous: --sheet names the sheet to
    // take from workbooks of several.
    let chosen = match name {
        Some(n) if names.len() > 1 => names.iter().find(|s| s.as_str() == n).cloned(),
        _ => names.first().cloned(),
    };
    let Some(chosen) = chosen else {
        let message = match name {
            Some(n) if !names.is_empty() => msg!(
                "workbook-no-sheet",
                sheet = n,
                hint = crate::diag::hint(n, names.iter().map(String::as_str)),
                sheets = crate::input::list(names.iter())
            ),
            _ => msg!("workbook-no-sheets"),
        };
        diags.error(Location::new(file, 0), message);
        return None;
    };
    let label: Arc<str> = Arc::from(format!("{file}[{chosen}]"));
    let range = match book.worksheet_range(&chosen) {
        Ok(r) => r,
        Err(e) => {
            diags.error(
                Location::new(&label, 0),
                msg!("workbook-cannot-read-sheet", detail = e.to_string()),
            );
            return None;
        }
    };
    let (first_row, first_col) = range
        .start()
        .map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let mut rows = Vec::new();
    for (k, row) in range.rows().enumerate() {
        let line = first_row + k + 1;
        let mut cells = Vec::with_capacity(row.len());
        let mut bad = false;
        for (c, cell) in row.iter().enumerate() {
            match cell_text(cell) {
                Ok(t) => cells.push(t),
                Err(why) => {
                    diags.error(Location::new(&label, line).in_cell(first_col + c + 1), why);
                    bad = true;
                }
            }
        }
        rows.push((!bad).then_some(cells));
    }
    Some(Sheet {
        label,
        rows,
        first_row: first_row + 1,
        first_col,
    })
}

/// A cell as the text a CSV cell would hold.
fn cell_text(cell: &Data) -> Result<String, Message> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Display of f64 is the shortest text that reads back as the same
        // value, never an exponent: 92.5 stays "92.5", 0.1 stays "0.1".
        Data::Float(f) if f.is_finite() => format!("{f}"),
        Data::Float(f) => return Err(msg!("workbook-cell-not-number", value = f.to_string())),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTime(dt) => format!("{}", dt.as_f64()),
        // ISO text: the date part is what a record needs.
        Data::DateTimeIso(s) => s
            .get(..10)
            .filter(|d| d.len() == 10)
            .unwrap_or(s)
            .to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => {
            return Err(msg!("workbook-cell-error", error = e.to_string()));
        }
    })
}
