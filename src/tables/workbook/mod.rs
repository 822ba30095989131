//! Excel workbooks in: an `.xlsx` (or `.xlsm`) read straight from its zip
//! and XML as a stream of rows of typed cells, one sheet at a time. (Out:
//! see `report::xlsx`.)
//!
//! Every workbook is read in bounded memory and time, however it was made:
//! the parts read whole (the workbook, its relationships, styles and shared
//! strings) are refused above a size, a sheet is streamed (never a grid
//! allocated from its used range, so a cell at XFD1048576 costs one cell),
//! a row holds at most `MAX_ROW_TEXT` of text, cell references are checked
//! (A1 to XFD1048576, in order), and XML entities other than the five
//! predefined ones and character references are refused (no expansion, so
//! no "billion laughs"). An encrypted workbook, an Excel 97-2003 (`.xls`),
//! binary (`.xlsb`) or OpenDocument (`.ods`) file is refused with what to do.
//!
//! Cells read as Excel and WPS show them: a number at 15 significant digits
//! (`0.5249999999999999` is 0.525, `8.0` is 8), a date-formatted number as
//! its date (`2021-05-19`), a formula by its saved value.

//!
//! ```text
//! Book::open        package.rs: the zip's parts, the workbook's sheets and styles
//!   -> Book::rows   rows.rs: a sheet's XML (xml.rs) as a stream of rows
//!        -> cells   values.rs: shared strings, numbers, dates as shown
//! ```

pub mod docx;
mod package;
mod rows;
mod values;
mod xml;

use std::fs::File;
use std::io::BufReader;
use std::sync::Arc;

pub use rows::{Merged, SheetRows};
pub use values::{is_date_format, number_text, parse_reference};

use crate::text::i18n::Message;
use crate::text::i18n::msg;
use values::Strings;

/// Parts read whole (workbook, relationships, styles) are refused above this.
const MAX_PART: u64 = 16 << 20;
/// The shared strings, kept in memory while sheets are read.
const MAX_STRINGS: u64 = 128 << 20;
/// A sheet's XML, streamed.
const MAX_SHEET: u64 = 1 << 30;
/// The text of one row (as `stream::MAX_LINE` bounds a CSV row).
pub const MAX_ROW_TEXT: usize = 1 << 20;
/// Bytes between two `<`: bounds what one XML event may buffer.
const MAX_EVENT: usize = MAX_ROW_TEXT + (64 << 10);
/// Excel's own limits.
pub const MAX_ROWS: usize = 1_048_576;
/// Merged ranges read from one sheet at most: a real sheet has dozens.
pub const MAX_MERGED: usize = 100_000;
pub const MAX_COLUMNS: usize = 16_384;

/// What the first bytes of a file say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniffed {
    /// A zip: an `.xlsx`, or something else zipped (told when opened).
    Zip,
    /// An OLE compound file: an `.xls`, a WPS `.et`, or an encrypted `.xlsx`.
    Ole,
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Zip (.xlsx, .xlsm, .ods) or OLE (.xls, encrypted .xlsx): a workbook,
/// whatever its name says.
pub fn sniff(bytes: &[u8]) -> Option<Sniffed> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Some(Sniffed::Zip)
    } else if bytes.starts_with(&OLE_MAGIC) {
        Some(Sniffed::Ole)
    } else {
        None
    }
}

pub fn is_workbook(bytes: &[u8]) -> bool {
    sniff(bytes).is_some()
}

/// What a cell style's number format shows a number as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Shown {
    #[default]
    Number,
    Date,
    Percent,
    /// A number followed by a results table's marks in quotes (`0.00"*"`,
    /// `0.00"§"`, `0.00"（不计）"`, as `score -o FILE.xlsx` writes them):
    /// read with the marks it shows (`values::marks_text`).
    Marked(u8),
}

/// What a cell holds, besides its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellKind {
    Text,
    /// A number, its text at 15 significant digits (`0.525`, `8`).
    Number,
    /// A date-formatted number or a date cell, its text `YYYY-MM-DD`.
    Date,
    /// A number formatted as a percentage, its text the percentage shown
    /// (0.985 shown as 98.5% is `98.5`).
    Percent,
    /// `TRUE` or `FALSE`.
    Bool,
    /// An Excel error value (`#N/A`, `#DIV/0!`), its text the error.
    Error,
    /// A formula whose value was never saved: its text is empty.
    NoValue,
    /// A value the workbook cannot hold (a shared string it does not have,
    /// a number that is not one): its text says what.
    Damaged,
}

/// One cell of a sheet row.
#[derive(Clone, Debug)]
pub struct SheetCell {
    /// 1-based column (A = 1).
    pub column: usize,
    pub text: String,
    pub kind: CellKind,
}

impl SheetCell {
    /// A cell that is neither a value nor empty: an Excel error, a formula
    /// without a saved value, a damaged value. What to say about it.
    pub fn problem(&self) -> Option<Message> {
        match self.kind {
            CellKind::Error => Some(msg!("workbook-cell-error", error = self.text.as_str())),
            CellKind::NoValue => Some(msg!("workbook-formula-no-value")),
            CellKind::Damaged => Some(msg!("workbook-cell-damaged", detail = self.text.as_str())),
            _ => None,
        }
    }
}

/// A row of a sheet: its 1-based number and its cells, left to right (only
/// the cells the sheet holds; a column without one is empty).
#[derive(Clone, Debug, Default)]
pub struct SheetRow {
    pub number: usize,
    pub cells: Vec<SheetCell>,
}

/// Why a sheet cannot be read on: where (row, and column when known) and what.
#[derive(Debug)]
pub struct SheetError {
    pub row: usize,
    pub column: Option<usize>,
    pub message: Message,
}

/// A sheet of the workbook, as its index lists it.
#[derive(Clone, Debug)]
pub struct SheetInfo {
    pub name: String,
    pub hidden: bool,
    /// The part holding its cells; `None` for a chart or dialog sheet.
    part: Option<String>,
}

impl SheetInfo {
    pub fn is_worksheet(&self) -> bool {
        self.part.is_some()
    }
}

/// An open `.xlsx` workbook: its sheets' names, its styles and (once a
/// sheet is read) its shared strings; the file stays on disk.
pub struct Book {
    zip: zip::ZipArchive<BufReader<File>>,
    /// Entry names, to find a part whatever its case or slashes.
    names: Vec<String>,
    pub sheets: Vec<SheetInfo>,
    strings_part: Option<String>,
    strings: Option<Strings>,
    /// Per cell style (`s`): what its number format shows.
    styles: Vec<Shown>,
    date1904: bool,
}

/// How locations name a sheet: `path[sheet]`.
pub fn label(file: &Arc<str>, sheet: &str) -> Arc<str> {
    Arc::from(format!("{file}[{sheet}]"))
}

// The tests reach these through `super::*`.
#[cfg(test)]
use package::resolve;
#[cfg(test)]
use values::{serial_date, stored_number_text};

#[cfg(test)]
mod tests {

    proptest::proptest! {
        /// Numbers as Excel stores them read as the double they hold would:
        /// the fast path never changes what a cell says.
        #[test]
        fn stored_numbers_read_as_their_doubles(v in "[0-9]{1,9}(\\.[0-9]{1,9})?") {
            let f: f64 = v.parse().unwrap();
            proptest::prop_assert_eq!(super::stored_number_text(&v, f), super::number_text(f));
        }
    }
    use super::*;

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(number_text(1.5 * 0.35), "0.525");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(8.0), "8");
        assert_eq!(number_text(92.5), "92.5");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(1.1), "1.1");
        assert_eq!(number_text(123456789012345678.0), "123456789012346000");
        assert_eq!(number_text(1e300), format!("{}", 1e300));
        for v in [
            "0.525",
            "8",
            "8.0",
            "92.50",
            "0.30000000000000004",
            "1e3",
            "007.5",
        ] {
            let f: f64 = v.parse().unwrap();
            assert_eq!(stored_number_text(v, f), number_text(f), "{v}");
        }
    }

    #[test]
    fn references_are_checked() {
        assert_eq!(parse_reference("A1"), Some((1, 1)));
        assert_eq!(parse_reference("XFD1048576"), Some((16384, 1_048_576)));
        assert_eq!(parse_reference("xfd1"), Some((16384, 1)));
        for bad in [
            "XFE1",
            "A0",
            "A1048577",
            "1A",
            "A",
            "AAAA1",
            "A99999999999",
            "",
            "A-1",
            "Ａ1",
        ] {
            assert_eq!(parse_reference(bad), None, "{bad}");
        }
    }

    #[test]
    fn serials_are_dates() {
        assert_eq!(serial_date(44335.0, false).as_deref(), Some("2021-05-19"));
        assert_eq!(
            serial_date(44335.4375, false).as_deref(),
            Some("2021-05-19")
        );
        assert_eq!(serial_date(1.0, false).as_deref(), Some("1900-01-01"));
        assert_eq!(serial_date(61.0, false).as_deref(), Some("1900-03-01"));
        assert_eq!(serial_date(60.0, false), None);
        assert_eq!(serial_date(0.0, true).as_deref(), Some("1904-01-01"));
        assert_eq!(serial_date(-1.0, false), None);
    }

    #[test]
    fn date_formats_are_told_from_number_formats() {
        for date in [
            "yyyy-mm-dd",
            "yyyy\"年\"m\"月\"d\"日\"",
            "m/d/yy h:mm",
            "[h]:mm:ss",
            "[$-804]yyyy/m/d",
        ] {
            assert!(is_date_format(date), "{date}");
        }
        for not in [
            "General",
            "0.00",
            "0.0\"分\"",
            "#,##0.00_);[Red](#,##0.00)",
            "@",
            "0%",
        ] {
            assert!(!is_date_format(not), "{not}");
        }
    }

    #[test]
    fn targets_resolve() {
        assert_eq!(
            resolve("xl/", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve("xl/", "/xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(resolve("xl/", "../xl/a.xml"), "xl/a.xml");
    }
}
