//! The plumbing under every sheet: cells as read ([`Value`]), where they
//! are ([`At`]), a worksheet ([`Sheet`]) and the problems found ([`Errors`]).

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use crate::date::Date;
use crate::model::source::Location;
use crate::text::diag::{Diagnostic, Diagnostics};
use crate::text::i18n::Message;

/// A cell as read: text, a number (as Excel shows it, at 15 significant
/// digits), a date.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Value {
    Text(String),
    Number(String),
    Date(Date),
    Bool(bool),
}

/// A merged range, 0-based (row, column) of its first and last cell.
#[derive(Clone, Copy, Debug)]
pub(super) struct Merge {
    pub(super) start: (u32, u32),
    pub(super) end: (u32, u32),
}

/// Where a value came from: a cell of a sheet (0-based row and column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct At {
    /// The sheet's position in the workbook, so errors follow its order.
    pub(super) order: usize,
    pub(super) label: Arc<str>,
    pub(super) row: u32,
    pub(super) col: u32,
}

impl At {
    pub(super) fn location(&self) -> Location {
        Location::new(&self.label, self.row as usize + 1).in_cell(self.col as usize + 1)
    }

    fn key(&self) -> (usize, u32, u32) {
        (self.order, self.row, self.col)
    }
}

/// A cell's name as a spreadsheet writes it: `B5`.
pub(super) fn cell_name(row: u32, col: u32) -> String {
    format!(
        "{}{}",
        crate::model::source::column_letters(col as usize + 1),
        row + 1
    )
}

/// Typed forms of a number: full-width digits, point and signs, a trailing 分.
pub(super) fn typed_number(text: &str) -> String {
    let t: String = text.trim().chars().map(crate::num::halfwidth).collect();
    t.strip_suffix('分').unwrap_or(&t).trim().to_string()
}

/// A header cell as matched: every space and line break removed.
pub(super) fn header_text(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// One worksheet: its cells (sparse, so a stray cell far away costs
/// nothing) and its merged ranges.
pub(super) struct Sheet {
    pub(super) order: usize,
    pub(super) label: Arc<str>,
    pub(super) cells: BTreeMap<(u32, u32), Value>,
    pub(super) merges: Vec<Merge>,
    /// (column, first row) of each merged range -> its last row: a cell
    /// below a range's first row, in its first column, reads the range's
    /// first cell (looked up, never spread over the rows it covers).
    pub(super) filled: BTreeMap<(u32, u32), u32>,
    pub(super) last_row: u32,
}

impl Sheet {
    pub(super) fn at(&self, row: u32, col: u32) -> At {
        At {
            order: self.order,
            label: Arc::clone(&self.label),
            row,
            col,
        }
    }

    pub(super) fn value(&self, row: u32, col: u32) -> Option<&Value> {
        self.cells.get(&(row, col))
    }

    /// The cell as text, trimmed; `None` when empty.
    pub(super) fn text(&self, row: u32, col: u32) -> Option<String> {
        let t = match self.value(row, col)? {
            Value::Text(s) => s.replace("\r\n", "\n").trim().to_string(),
            Value::Number(n) => n.clone(),
            Value::Date(d) => d.to_string(),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        };
        (!t.is_empty()).then_some(t)
    }

    /// The text of a cell, or of the merged range above it in the same
    /// column, with the cell it was written in.
    pub(super) fn filled_text(&self, row: u32, col: u32) -> Option<(String, At)> {
        if let Some(t) = self.text(row, col) {
            return Some((t, self.at(row, col)));
        }
        let (&(c0, r0), &last) = self.filled.range(..=(col, row)).next_back()?;
        if c0 != col || r0 == row || last < row {
            return None;
        }
        self.text(r0, c0).map(|t| (t, self.at(r0, c0)))
    }

    /// The rows holding any cell.
    pub(super) fn rows(&self) -> Vec<u32> {
        let mut rows: Vec<u32> = self.cells.keys().map(|(r, _)| *r).collect();
        rows.dedup();
        rows
    }

    /// The cells of a row, left to right.
    pub(super) fn row_cells(&self, row: u32) -> impl Iterator<Item = (u32, String)> + '_ {
        self.cells
            .range((row, 0)..=(row, u32::MAX))
            .filter_map(move |((_, c), _)| self.text(row, *c).map(|t| (*c, t)))
    }

    /// The first row (of the first 30) with a cell reading `name`.
    pub(super) fn header_row(&self, names: &[&str]) -> Option<u32> {
        self.rows().into_iter().take(30).find(|&r| {
            self.row_cells(r)
                .any(|(_, t)| names.contains(&header_text(&t).as_str()))
        })
    }
}

/// The problems found, each at a cell or at the workbook itself.
pub(super) struct Errors {
    pub(super) file: Arc<str>,
    pub(super) at_cells: Vec<(At, Message)>,
    pub(super) general: Vec<Message>,
    /// A row of 细则 was refused: the sums of its section and groups are
    /// not known, so they are not checked (nor the total's).
    pub(super) incomplete: bool,
    /// The sections (by their cell's text) of the rows refused; `None`
    /// when a refused row names no section, so none is known whole.
    pub(super) incomplete_sections: Option<HashSet<String>>,
}

impl Errors {
    /// No problem yet, and every section known whole.
    pub(super) fn new(file: &Arc<str>) -> Self {
        Errors {
            file: Arc::clone(file),
            at_cells: Vec::new(),
            general: Vec::new(),
            incomplete: false,
            incomplete_sections: Some(HashSet::new()),
        }
    }

    pub(super) fn at(&mut self, at: At, m: Message) {
        self.at_cells.push((at, m));
    }

    pub(super) fn is_empty(&self) -> bool {
        self.at_cells.is_empty() && self.general.is_empty()
    }

    pub(super) fn has_cell(&self, at: &At) -> bool {
        self.at_cells.iter().any(|(a, _)| a == at)
    }

    /// Problems of the workbook first, then by sheet, row and column.
    pub(super) fn into_diagnostics(mut self) -> Vec<Diagnostic> {
        self.at_cells.sort_by_key(|(a, _)| a.key());
        let mut d = Diagnostics::new();
        for m in self.general {
            d.error(Location::new(&self.file, 0), m);
        }
        for (a, m) in self.at_cells {
            d.error(a.location(), m);
        }
        d.into_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_read_as_meant() {
        assert_eq!(typed_number("６．４分"), "6.4");
    }
}
