//! A data row as the kinds' readers see it: its cells, trimmed, and their
//! places; and the footer rows (合计, 评分人：…) that end a table.

use super::Shape;
use super::columns::header_key;
use crate::model::source::Location;
use crate::tables::stream;
use crate::tables::workbook::{CellKind, SheetRow};

pub(super) enum Cells<'t> {
    /// The raw record: cells are checked to be UTF-8 as they are read.
    Csv(stream::Record<'t>),
    /// A sheet row and, per column of the table, 1 + the index of its cell (0: none).
    Sheet(&'t SheetRow, &'t [u32]),
}

/// One data row: its line (or sheet row) and its cells, trimmed.
pub struct Row<'t> {
    pub line: usize,
    pub(super) cells: Cells<'t>,
    pub(super) table: &'t Shape,
    /// A scored cell was read that is not UTF-8 (the pass then reports the
    /// line as not UTF-8, or rereads the file as GBK).
    pub(super) not_text: std::cell::Cell<bool>,
}

impl<'t> Row<'t> {
    /// The trimmed cell of declared column `col`; empty when the table lacks it.
    #[inline]
    pub fn get(&self, col: usize) -> &'t str {
        match self.table.positions[col] {
            Some(p) => self.cell_text(p, self.table.free_text.get(col).copied().unwrap_or(false)),
            None => "",
        }
    }

    /// The trimmed cell in column `p` (0-based) of the row.
    pub fn cell(&self, p: usize) -> &'t str {
        self.cell_text(p, false)
    }

    #[inline]
    fn cell_text(&self, p: usize, note: bool) -> &'t str {
        match self.cells {
            Cells::Csv(r) => match r.get(p).map(std::str::from_utf8) {
                Some(Ok(s)) => trim(s),
                Some(Err(_)) => {
                    self.not_text.set(!note);
                    // Matches no name and is no number, so the row is never
                    // counted; the pass reports the line as not text.
                    "\u{FFFD}"
                }
                None => "",
            },
            Cells::Sheet(row, dense) => match dense.get(p) {
                Some(&k) if k > 0 => row.cells[k as usize - 1].text.trim(),
                _ => "",
            },
        }
    }

    /// The place (0-based column) of declared column `col`.
    #[inline]
    pub fn position(&self, col: usize) -> Option<usize> {
        self.table.positions[col]
    }

    /// Whether the row is a sheet's (its cells typed), not a CSV line's.
    pub fn is_sheet(&self) -> bool {
        matches!(self.cells, Cells::Sheet(..))
    }

    /// Whether the cell in column `p` is a workbook number (not text).
    pub fn is_number(&self, p: usize) -> bool {
        match self.cells {
            Cells::Csv(_) => false,
            Cells::Sheet(row, dense) => match dense.get(p) {
                Some(&k) if k > 0 => row.cells[k as usize - 1].kind == CellKind::Number,
                _ => false,
            },
        }
    }

    /// The cell's bytes, ASCII white space trimmed: for matching against
    /// known names without checking the text first (a match is text).
    #[inline]
    pub fn bytes(&self, col: usize) -> &'t [u8] {
        let Some(p) = self.table.positions[col] else {
            return b"";
        };
        match self.cells {
            Cells::Csv(r) => r.get(p).map_or(&b""[..], <[u8]>::trim_ascii),
            Cells::Sheet(..) => self.cell_text(p, false).as_bytes(),
        }
    }

    /// A free-text cell, any byte that is not text shown as �.
    pub fn text(&self, col: usize) -> String {
        let Some(p) = self.table.positions[col] else {
            return String::new();
        };
        match self.cells {
            Cells::Csv(r) => r.get(p).map_or(String::new(), |b| {
                String::from_utf8_lossy(b).trim().to_string()
            }),
            Cells::Sheet(..) => self.cell_text(p, true).to_string(),
        }
    }

    /// Where the cell of declared column `col` is: `FILE:LINE` for CSV, the
    /// cell (`annual.xlsx[年度得分]!D5`) for a workbook.
    pub fn at(&self, col: usize) -> Location {
        match self.table.positions[col] {
            Some(p) => self.at_cell(p),
            None => self.at_row(),
        }
    }

    /// Where the cell in column `p` (0-based) is.
    pub fn at_cell(&self, p: usize) -> Location {
        let row = self.at_row();
        if self.table.sheet {
            row.in_cell(p + 1)
        } else {
            row.in_csv_column(p + 1)
        }
    }

    /// Where the row is.
    pub fn at_row(&self) -> Location {
        Location::new(&self.table.file, self.line)
    }
}

impl Shape {
    /// A footer row (`docs/office.md`, "Layouts read"): its unit cell, or if that is empty its first
    /// non-empty cell, is 合计, 总计, 小计, 平均, 平均分, or begins with
    /// 评分人, 填表人, 审核人, 负责人, 签字, 注 or 说明.
    pub(super) fn is_footer(&self, row: &Row) -> bool {
        // The hot path of a long CSV: a unit cell whose first character
        // begins no footer word is settled from its bytes.
        if let Cells::Csv(r) = row.cells
            && let Some(cell) = r.get(self.unit).map(<[u8]>::trim_ascii)
            && !cell.is_empty()
            && !may_begin_footer(cell)
        {
            return false;
        }
        let mut lead = row.cell(self.unit);
        if lead.is_empty() {
            lead = match row.cells {
                Cells::Csv(r) => r
                    .iter()
                    .map(|c| std::str::from_utf8(c).map_or("", str::trim))
                    .find(|c| !c.is_empty())
                    .unwrap_or(""),
                Cells::Sheet(r, _) => r
                    .cells
                    .iter()
                    .map(|c| c.text.trim())
                    .find(|c| !c.is_empty())
                    .unwrap_or(""),
            };
        }
        is_footer_text(lead)
    }
}

/// Whether a cell may begin with a footer word: its first character is one
/// of theirs (合总小平评填审负签注说) or a full-width space.
fn may_begin_footer(cell: &[u8]) -> bool {
    const FIRST: [&str; 12] = [
        "合", "总", "小", "平", "评", "填", "审", "负", "签", "注", "说", "\u{3000}",
    ];
    (cell.first().is_some_and(|b| !b.is_ascii())
        && FIRST.iter().any(|f| cell.starts_with(f.as_bytes())))
        || english_note(cell)
}

/// `Note:` / `Notes:`, how the English results workbook begins its notes.
fn english_note(cell: &[u8]) -> bool {
    [&b"note:"[..], b"notes:"]
        .iter()
        .any(|p| cell.len() >= p.len() && cell[..p.len()].eq_ignore_ascii_case(p))
}

/// The words of a footer row.
pub fn is_footer_text(text: &str) -> bool {
    const EXACT: [&str; 5] = ["合计", "总计", "小计", "平均", "平均分"];
    const BEGINS: [&str; 7] = ["评分人", "填表人", "审核人", "负责人", "签字", "注", "说明"];
    if text.is_empty() {
        return false;
    }
    if text.is_ascii() {
        return english_note(text.as_bytes());
    }
    let folded;
    let t = if text.contains(char::is_whitespace) {
        folded = header_key(text);
        folded.as_str()
    } else {
        text
    };
    EXACT.contains(&t) || BEGINS.iter().any(|b| t.starts_with(b))
}

/// `str::trim`, with a fast path for cells that start and end in visible ASCII.
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(f), Some(l)) if f.is_ascii_graphic() && l.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}
