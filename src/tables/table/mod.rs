//! One reader for every input table, in one direction: a source (a CSV file
//! in any encoding, or each sheet of a workbook) is a stream of rows of
//! cells that carry their place (`FILE:LINE`, `FILE[SHEET]!CELL`); on that
//! stream the header row is found below any title block, the layout told
//! (long, or wide for annual scores) and the declared columns given their
//! places; then the data rows stream out, blank and footer rows skipped,
//! widths and cells checked. The annual, daily and published tables declare
//! their columns as data.
//!
//! ```text
//! read_tables(path)                         source: CSV (stream.rs) or workbook sheets (workbook/)
//!   -> Table::open_csv / Table::open_sheet  csv.rs, sheets.rs
//!        header.rs                          header found, layout told, columns (columns.rs) placed
//!   -> each(table)                          the kind's reader (annual, daily, published; wide.rs)
//!        -> table.rows(each row)           rows as Row (row.rs), with their places
//! ```

mod columns;
mod csv;
mod header;
mod row;
mod sheets;

use std::cell::RefCell;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

pub use columns::{
    Column, EXPLANATION_NAMES, ITEM_NAMES, NOTE_NAMES, SCORE_NAMES, SCORER_NAMES, SERIALS,
    UNIT_NAMES, header_key, is_unit_header,
};
pub use header::title_scorer;
pub use row::{Row, is_footer_text};
pub use sheets::read_row_tables;

use super::stream;
use crate::model::source::Location;
use crate::model::source::{InputFile, Role};
use crate::tables::workbook::{self, SheetRows};
use crate::text::diag::Diagnostics;
use crate::text::i18n::Message;

/// How to decode a table's bytes (`--encoding`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
    /// UTF-8 (with or without BOM), else GB18030/GBK when the bytes are not UTF-8.
    #[default]
    Auto,
    Utf8,
    /// GBK or GB18030, as spreadsheet programs on Chinese Windows save CSV.
    Gbk,
}

/// What a table kind reads: its role, its columns (one keyed `unit`) and
/// whether it may be wide (annual scores, measures).
pub struct Kind {
    pub role: Role,
    pub columns: &'static [Column],
    /// May be wide: then the key of the column whose heading makes it
    /// long (`item` for annual scores, `measure` for measures).
    pub wide: Option<&'static str>,
}

/// How a table lays out its values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One row per value, the header naming the declared columns.
    Long,
    /// One row per unit, one column per item (annual scores; `docs/office.md`,
    /// "Wide: a score sheet").
    Wide,
}

/// What a run's reading of tables needs besides the path.
#[derive(Default)]
pub struct ReadOptions<'a> {
    pub encoding: Encoding,
    /// `--sheet`: only these sheets of a workbook.
    pub sheets: Option<&'a [String]>,
    /// The `--sheet` names some workbook had, to tell a name none had.
    pub sheets_found: Option<&'a RefCell<Vec<String>>>,
}

/// A header cell: its place (0-based column), text, and whether a workbook
/// held it as a number (an item id such as 1.10 turned into 1.1).
#[derive(Clone, Debug)]
pub struct HeaderCell {
    pub column: usize,
    pub text: String,
    pub number: bool,
}

/// A table with its header found, ready to stream its rows.
pub struct Table<'b> {
    shape: Shape,
    body: Body<'b>,
}

/// What a table's header says: where things are. Rows read through it.
pub struct Shape {
    /// How locations name the table: its path, or `path[sheet]` for a sheet.
    pub file: Arc<str>,
    pub role: Role,
    pub layout: Layout,
    /// Line (or sheet row) of the header row.
    pub header_line: usize,
    /// The header's non-empty cells, left to right.
    pub header: Vec<HeaderCell>,
    /// `评分单位：NAME` from the title block, and where.
    pub title_scorer: Option<(String, Location)>,
    /// Where each declared column is in the rows, if present.
    positions: Vec<Option<usize>>,
    /// Which declared columns are free text (notes): not checked as text.
    free_text: Vec<bool>,
    /// Cells in the header (the last non-empty header cell's column + 1).
    width: usize,
    /// The columns whose cells are read (a bad cell there is an error).
    used: Vec<bool>,
    /// Check columns (合计, 小计): a formula there without a saved value is
    /// as good as empty (a template filled by a script), said once.
    checks: Vec<bool>,
    /// The unit column: it tells footer rows.
    unit: usize,
    /// A sheet of a workbook (its places are cells), not a CSV file.
    sheet: bool,
}

impl<'b> std::ops::Deref for Table<'b> {
    type Target = Shape;
    fn deref(&self) -> &Shape {
        &self.shape
    }
}

/// Where a table's data rows come from once its header is read.
enum Body<'b> {
    Csv(csv::CsvSource),
    /// A worksheet's rows after its header, as they stream from the workbook.
    Sheet {
        rows: SheetRows<'b>,
    },
}

/// The first bytes of a file: enough to tell a workbook, a BOM and (mostly) the encoding.
const SNIFF: usize = 64 * 1024;

/// Reads every table of the file at `path`: a CSV file is one table, a
/// workbook one per sheet read (every sheet but the empty ones and the
/// instructions, or those `--sheet` names; `docs/office.md`, "A workbook of
/// several sheets"). `each` gets each table with
/// its header found; problems go to `diags`. Returns the file's provenance,
/// or `None` when it could not be read at all; `notes` gets a line for each
/// sheet left out, for `check`.
pub fn read_tables(
    path: &Path,
    kind: &Kind,
    options: &ReadOptions,
    diags: &mut Diagnostics,
    notes: &mut Vec<Message>,
    mut each: impl FnMut(Table<'_>, &mut Diagnostics),
) -> Option<InputFile> {
    let file: Arc<str> = Arc::from(path.display().to_string());
    let mut sniff = Vec::new();
    let size = match std::fs::File::open(path).and_then(|f| {
        let size = f.metadata()?.len();
        f.take(SNIFF as u64).read_to_end(&mut sniff)?;
        Ok(size)
    }) {
        Ok(size) => size,
        Err(e) => {
            diags.error(
                Location::new(&file, 0),
                crate::tables::file::cannot_read(&e),
            );
            return None;
        }
    };
    if let Some(sniffed) = workbook::sniff(&sniff) {
        return sheets::read_workbook(path, &file, sniffed, kind, options, diags, notes, each);
    }
    let sha256 = Arc::new(std::sync::Mutex::new(None));
    let table = Table::open_csv(&file, path, size, &sniff, kind, options, &sha256, diags)?;
    each(table, diags);
    let sha256 = sha256.lock().ok().and_then(|mut s| s.take());
    // Digested beside the reading; should that have failed, once more here.
    let sha256 = sha256.or_else(|| stream::digest(path, None).ok().map(|(h, _)| h))?;
    Some(InputFile {
        role: kind.role,
        path: file,
        sha256,
    })
}

impl<'b> Table<'b> {
    /// Marks column `p` as read: a bad cell there (an Excel error, a
    /// formula without a value) is an error.
    pub fn use_column(&mut self, p: usize) {
        if let Some(u) = self.shape.used.get_mut(p) {
            *u = true;
        }
    }

    /// Marks column `p` as a check column (合计, 小计): read, but a formula
    /// without a saved value there is passed over (`docs/office.md`).
    pub fn check_column(&mut self, p: usize) {
        self.use_column(p);
        if let Some(c) = self.shape.checks.get_mut(p) {
            *c = true;
        }
    }

    /// Streams every data row through `each`, into tallies made by `new`: one
    /// per pass, in file order (two when a large file is read on two cores).
    /// Blank rows are skipped, footer rows (合计, 评分人：…) skipped and
    /// counted, a row wider than the header or holding a bad cell reported,
    /// not passed on. Returns the tallies and the number of footer rows.
    pub fn rows<T: Send>(
        self,
        diags: &mut Diagnostics,
        new: impl Fn() -> T + Sync,
        each: impl Fn(&mut T, &Row, &mut Diagnostics) + Sync,
    ) -> (Vec<T>, usize) {
        let Table { shape, body } = self;
        shape.rows(body, diags, new, each)
    }
}

impl Shape {
    /// Whether the table has the declared column `col`.
    pub fn has(&self, col: usize) -> bool {
        self.positions[col].is_some()
    }

    /// The place (0-based column) of declared column `col`.
    pub fn position(&self, col: usize) -> Option<usize> {
        self.positions[col]
    }

    /// Where header cell `h` is.
    pub fn header_at(&self, h: &HeaderCell) -> Location {
        let at = Location::new(&self.file, self.header_line);
        if self.sheet {
            at.in_cell(h.column + 1)
        } else {
            at.in_csv_column(h.column + 1)
        }
    }

    /// Whether the table is a sheet of a workbook.
    pub fn is_sheet(&self) -> bool {
        self.sheet
    }

    fn rows<T: Send>(
        &self,
        body: Body,
        diags: &mut Diagnostics,
        new: impl Fn() -> T + Sync,
        each: impl Fn(&mut T, &Row, &mut Diagnostics) + Sync,
    ) -> (Vec<T>, usize) {
        match body {
            Body::Sheet { rows } => self.sheet_rows(rows, diags, new, each),
            Body::Csv(source) => self.csv_rows(source, diags, new, each),
        }
    }
}
