//! Header rows and their columns: found by name, a column written twice or
//! nearly right reported, a required one missing reported where it would go.

use std::collections::HashMap;

use super::cells::{Errors, Sheet, cell_name, header_text};
use super::vocabulary::IGNORED_COLUMNS;
use crate::text::diag::hint;
use crate::text::i18n::msg;

/// The columns of a header row: name -> column. Two columns of one name
/// are an error; so is a column whose name is a near miss of a known one.
pub(super) fn columns(
    s: &Sheet,
    row: u32,
    known: &[String],
    e: &mut Errors,
) -> HashMap<String, u32> {
    let mut out: HashMap<String, u32> = HashMap::new();
    for (c, t) in s.row_cells(row) {
        let name = header_text(&t);
        if IGNORED_COLUMNS.contains(&name.as_str()) {
            continue;
        }
        if known.contains(&name) {
            if let Some(first) = out.get(&name) {
                e.at(
                    s.at(row, c),
                    msg!(
                        "import-column-twice",
                        column = name.as_str(),
                        first = cell_name(row, *first)
                    ),
                );
            } else {
                out.insert(name, c);
            }
        } else if let Some(h) = hint(&name, known.iter().map(String::as_str)) {
            e.at(
                s.at(row, c),
                msg!("import-column-unknown", column = name.as_str(), hint = h),
            );
        }
    }
    out
}

/// Reports required columns missing from a header row, at the cell after
/// its last one (where the column would go).
pub(super) fn require(
    s: &Sheet,
    row: u32,
    cols: &HashMap<String, u32>,
    required: &[&str],
    e: &mut Errors,
) -> bool {
    let next = s.row_cells(row).map(|(c, _)| c + 1).max().unwrap_or(0);
    let mut ok = true;
    for name in required {
        if !cols.contains_key(*name) {
            e.at(
                s.at(row, next),
                msg!("import-column-missing", column = *name),
            );
            ok = false;
        }
    }
    ok
}

/// A header row, or an error at A1 saying which column it needs.
pub(super) fn header(s: &Sheet, anchor: &str, e: &mut Errors) -> Option<u32> {
    let row = s.header_row(&[anchor]);
    if row.is_none() {
        e.at(s.at(0, 0), msg!("import-header-missing", column = anchor));
    }
    row
}

/// A simple list sheet: its header row and columns, rows below it that hold anything.
pub(super) fn list_sheet(
    s: &Sheet,
    known: &[&str],
    required: &[&str],
    e: &mut Errors,
) -> Option<(HashMap<String, u32>, Vec<u32>)> {
    let hr = header(s, required[required.len() - 1], e)?;
    let known: Vec<String> = known.iter().map(|k| k.to_string()).collect();
    let cols = columns(s, hr, &known, e);
    if !require(s, hr, &cols, required, e) {
        return None;
    }
    let rows = s
        .rows()
        .into_iter()
        .filter(|&r| {
            r > hr
                && known.iter().any(|k| {
                    s.text(r, cols.get(k).copied().unwrap_or(u32::MAX))
                        .is_some()
                })
        })
        .collect();
    Some((cols, rows))
}
