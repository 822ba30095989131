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
//! read_tables(path)                         source: CSV (stream.rs) or workbook sheets (workbook.rs)
//!   -> Table::open_csv / Table::open_sheet  header found, layout told, columns placed
//!   -> each(table)                          the kind's reader (annual, daily, published; wide.rs)
//!        -> table.rows(each row)           rows as Row, with their places
//! ```

use std::cell::RefCell;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::stream::{self, Decoding, MAX_ERRORS, Pass};
use crate::model::source::Location;
use crate::model::source::{InputFile, Role};
use crate::tables::workbook::{self, Book, CellKind, SheetRow, SheetRows};
use crate::text::diag::{Diagnostics, nearest};
use crate::text::i18n::Message;
use crate::text::i18n::msg;

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

/// The names of the unit column, the same in every table: a row with a
/// cell reading one of them is the header row.
pub const UNIT_NAMES: &[&str] = &[
    "单位",
    "单位名称",
    "被考核单位",
    "考核对象",
    "被考核对象",
    "参评单位",
];
/// The item column (a long table has it, a wide one does not).
pub const ITEM_NAMES: &[&str] = &[
    "项目",
    "考核项目",
    "项目名称",
    "指标",
    "考核指标",
    "指标名称",
    "评分项目",
    "测评指标",
];
pub const SCORER_NAMES: &[&str] = &["评分单位", "评分部门", "打分单位", "考评单位", "评分主体"];
pub const SCORE_NAMES: &[&str] = &["得分", "分数", "评分", "考核得分", "评分结果"];
pub const NOTE_NAMES: &[&str] = &[
    "备注",
    "说明",
    "情况说明",
    "扣分说明",
    "失分原因",
    "问题描述",
];
/// The daily records' note is headed 说明 first.
pub const EXPLANATION_NAMES: &[&str] = &[
    "说明",
    "备注",
    "情况说明",
    "扣分说明",
    "失分原因",
    "问题描述",
];

/// A column a table may have: its English key and its other accepted names.
pub struct Column {
    pub key: &'static str,
    /// Chinese names first: they are what the error messages show.
    pub names: &'static [&'static str],
    pub required: bool,
    /// Free text (a note): shown, never used in scoring, so not checked as strictly.
    pub free_text: bool,
}

impl Column {
    pub const fn required(key: &'static str, names: &'static [&'static str]) -> Column {
        Column {
            key,
            names,
            required: true,
            free_text: false,
        }
    }

    pub const fn optional(key: &'static str, names: &'static [&'static str]) -> Column {
        Column {
            key,
            names,
            required: false,
            free_text: false,
        }
    }

    /// An optional note: read as written, an invalid byte shown as �.
    pub const fn note(key: &'static str, names: &'static [&'static str]) -> Column {
        Column {
            key,
            names,
            required: false,
            free_text: true,
        }
    }

    /// Whether a header cell names this column: case, surrounding and inner
    /// white space (a line break typed in the cell) aside.
    pub fn matches(&self, header: &str) -> bool {
        let h = header_key(header);
        h == self.key || self.names.iter().any(|n| header_key(n) == h)
    }

    /// How messages name the column: its first Chinese name in Chinese,
    /// its key in English.
    pub fn label(&self) -> Message {
        match self.key {
            "unit" => msg!("table-column-unit"),
            "item" => msg!("table-column-item"),
            "scorer" => msg!("table-column-scorer"),
            "score" => msg!("table-column-score"),
            "date" => msg!("table-column-date"),
            "kind" => msg!("table-column-kind"),
            "points" => msg!("table-column-points"),
            "method" => msg!("table-column-method"),
            "total" => msg!("table-column-total"),
            "grade" => msg!("table-column-grade"),
            "rank" => msg!("table-column-rank"),
            // The daily records' note is headed 说明, the annual scores' 备注.
            "note" if self.names.first() == Some(&"说明") => msg!("table-column-explanation"),
            "note" => msg!("table-column-note"),
            key => msg!("table-column-other", key = key),
        }
    }
}

/// A header cell as compared: lower case, without white space.
pub fn header_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a header cell names the unit column.
pub fn is_unit_header(text: &str) -> bool {
    let h = header_key(text);
    h == "unit" || UNIT_NAMES.iter().any(|n| *n == h)
}

/// What a table kind reads: its role, its columns (one keyed `unit`) and
/// whether it may be wide (annual scores).
pub struct Kind {
    pub role: Role,
    pub columns: &'static [Column],
    pub wide: bool,
}

/// How a table lays out its values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One row per value, the header naming the declared columns.
    Long,
    /// One row per unit, one column per item (annual scores, SPEC 10).
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

enum Body<'b> {
    Csv {
        path: PathBuf,
        decoding: Decoding,
        /// `--encoding auto` and no BOM: a UTF-8 guess that the full read checks.
        auto: bool,
        bom: bool,
        /// Where a large file is cut for two passes.
        cut: Option<u64>,
        /// The file's digest, and whether the cut is outside quotes:
        /// computed beside the parsing.
        digest: Option<std::thread::JoinHandle<Option<(String, bool)>>>,
        /// Where the digest goes once known.
        sha256: Arc<std::sync::Mutex<Option<String>>>,
    },
    /// A worksheet's rows after its header, as they stream from the workbook.
    Sheet { rows: SheetRows<'b> },
}

enum Cells<'t> {
    /// The raw record: cells are checked to be UTF-8 as they are read.
    Csv(stream::Record<'t>),
    /// A sheet row and, per column of the table, 1 + the index of its cell (0: none).
    Sheet(&'t SheetRow, &'t [u32]),
}

/// One data row: its line (or sheet row) and its cells, trimmed.
pub struct Row<'t> {
    pub line: usize,
    cells: Cells<'t>,
    table: &'t Shape,
    /// A scored cell was read that is not UTF-8 (the pass then reports the
    /// line as not UTF-8, or rereads the file as GBK).
    not_text: std::cell::Cell<bool>,
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
            row
        }
    }

    /// Where the row is.
    pub fn at_row(&self) -> Location {
        Location::new(&self.table.file, self.line)
    }
}

/// The first bytes of a file: enough to tell a workbook, a BOM and (mostly) the encoding.
const SNIFF: usize = 64 * 1024;

/// Reads every table of the file at `path`: a CSV file is one table, a
/// workbook one per sheet read (SPEC 11: every sheet but the empty ones and
/// the instructions, or those `--sheet` names). `each` gets each table with
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
                msg!(
                    "source-cannot-read-file",
                    reason = crate::tables::file::io_reason(&e)
                ),
            );
            return None;
        }
    };
    if let Some(sniffed) = workbook::sniff(&sniff) {
        return read_workbook(path, &file, sniffed, kind, options, diags, notes, each);
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

/// Sheets that hold notes for the person filling the workbook in.
/// The detail sheets of `score --format xlsx` (项目得分, 来源), in either
/// language: named by the same catalog entries that named them.
fn is_detail_sheet(name: &str) -> bool {
    crate::text::i18n::Lang::ALL.iter().any(|lang| {
        [msg!("xlsx-sheet-items"), msg!("xlsx-sheet-provenance")]
            .iter()
            .any(|m| m.render(*lang) == name.trim())
    })
}

fn is_instructions(name: &str) -> bool {
    let n = header_key(name);
    n == "说明" || n == "填表说明" || n == "instructions"
}

#[allow(clippy::too_many_arguments)]
fn read_workbook(
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
    // Which sheets to read, and why each other one is left out.
    let mut chosen: Vec<usize> = Vec::new();
    let mut left_out: Vec<(usize, &'static str)> = Vec::new();
    match options.sheets {
        Some(wanted) => {
            for (k, s) in book.sheets.iter().enumerate() {
                if wanted.iter().any(|w| w.trim() == s.name.trim()) {
                    chosen.push(k);
                    if let Some(found) = options.sheets_found {
                        found.borrow_mut().push(s.name.trim().to_string());
                    }
                }
            }
            if chosen.is_empty() {
                let readable: Vec<usize> = (0..book.sheets.len())
                    .filter(|&k| book.sheets[k].is_worksheet())
                    .collect();
                if readable.len() == 1 {
                    // A workbook of one sheet is read whatever --sheet says,
                    // so one --sheet serves workbooks of many sheets and of one.
                    chosen = readable;
                } else {
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
                    return None;
                }
            }
        }
        None => {
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
        }
    }
    let mut read_any = false;
    for &k in &chosen {
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
            Opened::Failed => read_any = true,
        }
    }
    left_out.sort_unstable();
    for (k, why) in &left_out {
        notes.push(msg!(
            "check-sheet-left-out",
            sheet = workbook::label(file, &book.sheets[*k].name),
            why = *why
        ));
    }
    if !read_any && diags.is_empty() {
        diags.error(
            Location::new(file, 0),
            msg!(
                "workbook-nothing-to-read",
                sheets = crate::text::list(names.iter())
            ),
        );
    }
    let sha256 = match stream::digest(path, None) {
        Ok((h, _)) => h,
        Err(e) => {
            diags.error(
                Location::new(file, 0),
                msg!(
                    "source-cannot-read-file",
                    reason = crate::tables::file::io_reason(&e)
                ),
            );
            return None;
        }
    };
    Some(InputFile {
        role: kind.role,
        path: Arc::clone(file),
        sha256,
    })
}

enum Opened<'b> {
    Table(Box<Table<'b>>),
    /// A sheet without a single non-empty cell.
    Empty,
    /// Reported.
    Failed,
}

/// What a scan for the header row found.
struct Scan {
    /// The header row's cells (0-based column, text, number) and line.
    header: Option<(Vec<HeaderCell>, usize)>,
    title_scorer: Option<(String, Location)>,
    /// Rows seen before the header (0: the table is empty).
    rows: usize,
    /// The first row with a cell close to a unit column's name (among the
    /// first `NEAR_ROWS`): where to say what is missing when no header is found.
    near: Option<(Vec<HeaderCell>, usize)>,
}

/// How far down a misspelt header is looked for.
const NEAR_ROWS: usize = 50;

impl Scan {
    fn new() -> Self {
        Scan {
            header: None,
            title_scorer: None,
            rows: 0,
            near: None,
        }
    }

    /// Takes one row (not blank) before the header; whether it is the header.
    fn feed(&mut self, cells: Vec<HeaderCell>, line: usize, file: &Arc<str>, sheet: bool) -> bool {
        if cells.iter().any(|c| is_unit_header(&c.text)) {
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
    /// A CSV file: its header found (below any title block), its columns
    /// placed; its rows are read later, as a stream.
    #[allow(clippy::too_many_arguments)]
    fn open_csv(
        file: &Arc<str>,
        path: &Path,
        size: u64,
        sniff: &[u8],
        kind: &Kind,
        options: &ReadOptions,
        sha256: &Arc<std::sync::Mutex<Option<String>>>,
        diags: &mut Diagnostics,
    ) -> Option<Table<'b>> {
        let bom = sniff.starts_with(b"\xEF\xBB\xBF");
        // A BOM says UTF-8 whatever --encoding says: no GBK file starts with one.
        let (decoding, auto) = match options.encoding {
            _ if bom => (Decoding::Utf8, false),
            Encoding::Utf8 => (Decoding::Utf8, false),
            Encoding::Gbk => (Decoding::Gbk, false),
            Encoding::Auto => match std::str::from_utf8(sniff) {
                // A character cut by the end of the sniff is no evidence.
                Err(e) if e.error_len().is_some() => (Decoding::Gbk, true),
                _ => (Decoding::Utf8, true),
            },
        };
        let (scan, header_end) = match scan_csv(file, path, decoding) {
            Ok(s) => s,
            Err(e) => {
                let (at, message) = header_failure(file, e, decoding, auto || bom);
                diags.error(at, message);
                return None;
            }
        };
        let Some((header, header_line)) = scan.header else {
            no_header(file, scan.near, scan.rows == 0, kind, diags, false);
            return None;
        };
        let mut table = Table::new(
            file,
            kind,
            header,
            header_line,
            scan.title_scorer,
            false,
            diags,
        )?;
        // A wide table is one row per unit: one pass. A long one is cut for
        // two cores only after its header.
        let cut = (table.layout == Layout::Long
            && decoding == Decoding::Utf8
            && size >= stream::split_min())
        .then(|| stream::find_cut(path, size))
        .flatten()
        .filter(|&cut| header_end < cut);
        let owned = path.to_path_buf();
        let digest = std::thread::spawn(move || stream::digest(&owned, cut).ok());
        table.body = Body::Csv {
            path: path.to_path_buf(),
            decoding,
            auto,
            bom,
            cut,
            digest: Some(digest),
            sha256: Arc::clone(sha256),
        };
        Some(table)
    }

    /// A sheet: rows are read up to the header row (the title block's
    /// `评分单位：` kept); the rest stream on from there.
    fn open_sheet(
        label: &Arc<str>,
        mut rows: SheetRows<'b>,
        kind: &Kind,
        explicit: bool,
        diags: &mut Diagnostics,
    ) -> Opened<'b> {
        let mut scan = Scan::new();
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

    /// The table of a header row: its layout and its declared columns' places.
    fn new(
        file: &Arc<str>,
        kind: &Kind,
        header: Vec<HeaderCell>,
        header_line: usize,
        title_scorer: Option<(String, Location)>,
        sheet: bool,
        diags: &mut Diagnostics,
    ) -> Option<Table<'b>> {
        let has_item = header
            .iter()
            .any(|h| header_is(&h.text, ITEM_NAMES, "item"));
        let layout = if kind.wide && !has_item {
            Layout::Wide
        } else {
            Layout::Long
        };
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
                used,
                unit,
                sheet,
            },
            body: Body::Sheet {
                rows: SheetRows::none(),
            },
        })
    }

    /// Marks column `p` as read: a bad cell there (an Excel error, a
    /// formula without a value) is an error.
    pub fn use_column(&mut self, p: usize) {
        if let Some(u) = self.shape.used.get_mut(p) {
            *u = true;
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
            at
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
            Body::Sheet { mut rows } => {
                // Rows point at cells: the table says it is a sheet.
                let mut tally = new();
                let mut footers = 0;
                let mut dense: Vec<u32> = vec![0; self.width];
                let mut errors = 0;
                loop {
                    let row = match rows.next_row() {
                        Ok(Some(row)) => row,
                        Ok(None) => break,
                        Err(e) => {
                            diags.error(sheet_error_at(&self.file, &e), e.message);
                            break;
                        }
                    };
                    let before = diags.len();
                    match self.sheet_row(row, &mut dense, diags) {
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
                (vec![tally], footers)
            }
            Body::Csv {
                path,
                decoding,
                auto,
                bom,
                cut,
                digest,
                sha256,
            } => {
                let csv = Csv { path: &path, bom };
                let whole = || self.pass(&csv, decoding, 0, None, 0, auto, &new, &each);
                let mut passes = match cut {
                    Some(cut) => self.two_passes(&csv, cut, auto, &new, &each),
                    None => vec![whole()],
                };
                let (hex, clean) = digest
                    .and_then(|d| d.join().ok().flatten())
                    .unwrap_or_default();
                if let Ok(mut slot) = sha256.lock() {
                    *slot = (!hex.is_empty()).then_some(hex);
                }
                if passes.len() > 1 && !clean {
                    // The cut fell inside a quoted cell: the file again, in one pass.
                    passes = vec![whole()];
                }
                if passes.iter().any(|p| p.not_utf8.is_some()) {
                    // Not UTF-8 after all: the whole file again, as GBK.
                    passes = vec![self.pass(&csv, Decoding::Gbk, 0, None, 0, true, &new, &each)];
                }
                let mut tallies = Vec::new();
                let mut footers = 0;
                for p in passes {
                    diags.extend(p.diags);
                    tallies.push(p.tally);
                    footers += p.footers;
                }
                (tallies, footers)
            }
        }
    }

    /// Places a sheet row's cells in `dense`; `Some(true)` to pass it on,
    /// `Some(false)` for a blank row, `None` for a row reported (a bad cell
    /// in a column read, a value outside the header's columns).
    fn sheet_row(
        &self,
        row: &SheetRow,
        dense: &mut [u32],
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

    /// A footer row (SPEC 10): its unit cell, or if that is empty its first
    /// non-empty cell, is 合计, 总计, 小计, 平均, 平均分, or begins with
    /// 评分人, 填表人, 审核人, 负责人, 签字, 注 or 说明.
    fn is_footer(&self, row: &Row) -> bool {
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

    /// Two passes on two cores, cut at a line end near the middle; whether
    /// the cut is outside quotes is told by the digest's read of the file.
    fn two_passes<T: Send>(
        &self,
        csv: &Csv,
        cut: u64,
        auto: bool,
        new: &(impl Fn() -> T + Sync),
        each: &(impl Fn(&mut T, &Row, &mut Diagnostics) + Sync),
    ) -> Vec<Pass<T>> {
        std::thread::scope(|scope| {
            let second = scope.spawn(|| {
                let lines = stream::newlines_before(csv.path, cut).ok()?;
                Some(self.pass(csv, Decoding::Utf8, cut, None, lines, auto, new, each))
            });
            let first = self.pass(csv, Decoding::Utf8, 0, Some(cut), 0, auto, new, each);
            match second.join() {
                Ok(Some(second)) => vec![first, second],
                _ => vec![self.pass(csv, Decoding::Utf8, 0, None, 0, auto, new, each)],
            }
        })
    }

    /// One pass from byte `start` (line `lines_before + 1`) to `end` or the
    /// end of the file. Only the pass from the start of the file skips the
    /// title block and the header.
    #[allow(clippy::too_many_arguments)]
    fn pass<T>(
        &self,
        csv: &Csv,
        decoding: Decoding,
        start: u64,
        end: Option<u64>,
        lines_before: usize,
        auto: bool,
        new: &impl Fn() -> T,
        each: &impl Fn(&mut T, &Row, &mut Diagnostics),
    ) -> Pass<T> {
        let mut pass = Pass {
            tally: new(),
            diags: Diagnostics::new(),
            not_utf8: None,
            footers: 0,
        };
        let mut records = match stream::open_at(csv.path, start, end, decoding) {
            Ok(records) => records,
            Err(e) => {
                pass.diags.error(
                    Location::new(&self.file, 0),
                    msg!(
                        "source-cannot-read-file",
                        reason = crate::tables::file::io_reason(&e)
                    ),
                );
                return pass;
            }
        };
        let mut in_header = start == 0;
        loop {
            let record = match records.next_record() {
                Ok(Some(record)) => record,
                Ok(None) => break,
                Err(e) => {
                    let (mut at, message) = stream::stream_failure(&self.file, &e, auto);
                    // Lines of the stream count from its start.
                    if at.line > 0 {
                        at.line += lines_before;
                    }
                    pass.diags.error(at, message);
                    break;
                }
            };
            let line = lines_before + record.line;
            if in_header {
                // The title block and the header were read when the table was opened.
                if line <= self.header_line {
                    continue;
                }
                in_header = false;
            }
            if record.iter().all(blank) {
                continue;
            }
            // Longer than the header with a value past it; or shorter, its
            // last cell running over lines: a quote left open.
            let over = record.len() > self.width && !record.iter().skip(self.width).all(blank);
            let open_quote = record.len() < self.width
                && record
                    .iter()
                    .next_back()
                    .is_some_and(|c| c.contains(&b'\n'));
            if over || open_quote {
                pass.diags.error_at(
                    &self.file,
                    line,
                    msg!("table-row-width", cells = record.len(), header = self.width),
                );
            } else {
                let row = Row {
                    line,
                    cells: Cells::Csv(record),
                    table: self,
                    not_text: std::cell::Cell::new(false),
                };
                let before = pass.diags.len();
                if self.is_footer(&row) {
                    pass.footers += 1;
                } else {
                    each(&mut pass.tally, &row, &mut pass.diags);
                }
                // Only the cells scoring reads are checked, as they are read:
                // a note is not worth checking every byte of a large file.
                if row.not_text.get() {
                    if auto {
                        pass.not_utf8 = Some(line);
                        break;
                    }
                    pass.diags.truncate(before);
                    pass.diags.error_at(&self.file, line, not_utf8(csv.bom));
                }
            }
            if pass.diags.len() >= MAX_ERRORS {
                pass.diags.error_at(
                    &self.file,
                    line,
                    msg!("table-too-many-errors", count = MAX_ERRORS),
                );
                break;
            }
        }
        pass
    }
}

/// What the passes over a CSV file share.
struct Csv<'p> {
    path: &'p Path,
    bom: bool,
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

/// A header cell naming one of `names` (or `key`).
fn header_is(text: &str, names: &[&str], key: &str) -> bool {
    let h = header_key(text);
    h == key || names.iter().any(|n| *n == h)
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

/// No row names the unit column. A row with a cell close to its name is
/// read as the header, so the error says what it lacks and what may be
/// misspelt; else the table (the sheet) has no header at all.
fn no_header(
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

/// Reads a CSV file up to its header row: the scan, and the byte (of the
/// decoded text) where the row after the header starts.
fn scan_csv(
    file: &Arc<str>,
    path: &Path,
    decoding: Decoding,
) -> Result<(Scan, u64), HeaderFailure> {
    let mut records = stream::open_at(path, 0, None, decoding).map_err(HeaderFailure::Open)?;
    let mut scan = Scan::new();
    loop {
        let record = match records.next_record() {
            Ok(Some(record)) => record,
            Ok(None) => return Ok((scan, u64::MAX)),
            Err(e) => return Err(HeaderFailure::Read(e)),
        };
        let line = record.line;
        let mut cells = Vec::new();
        for (k, c) in record.iter().enumerate() {
            let text = std::str::from_utf8(c).map_err(|_| HeaderFailure::NotUtf8 { line })?;
            if !text.trim().is_empty() {
                cells.push(HeaderCell {
                    column: k,
                    text: text.trim().to_string(),
                    number: false,
                });
            }
        }
        if cells.is_empty() {
            continue;
        }
        if scan.feed(cells, line, file, false) {
            return Ok((scan, records.position()));
        }
    }
}

/// Why the rows up to a CSV file's header could not be read.
enum HeaderFailure {
    Open(std::io::Error),
    Read(stream::ReadError),
    NotUtf8 { line: usize },
}

fn not_utf8(bom: bool) -> Message {
    if bom {
        msg!("table-not-utf8-bom")
    } else {
        msg!("table-not-utf8")
    }
}

fn header_failure(
    file: &Arc<str>,
    e: HeaderFailure,
    decoding: Decoding,
    auto_or_bom: bool,
) -> (Location, Message) {
    match e {
        HeaderFailure::NotUtf8 { line } => (
            Location::new(file, line),
            not_utf8(auto_or_bom && decoding == Decoding::Utf8),
        ),
        HeaderFailure::Open(error) => {
            stream::stream_failure(file, &stream::ReadError::Io { error, line: 0 }, auto_or_bom)
        }
        HeaderFailure::Read(e) => stream::stream_failure(file, &e, auto_or_bom),
    }
}

/// A cell with nothing but white space.
fn blank(cell: &[u8]) -> bool {
    // Any visible ASCII byte settles it without reading the cell as text.
    if cell.iter().any(|b| b.is_ascii_graphic()) {
        return false;
    }
    cell.iter().all(u8::is_ascii_whitespace)
        || std::str::from_utf8(cell).is_ok_and(|s| s.trim().is_empty())
}

/// `str::trim`, with a fast path for cells that start and end in visible ASCII.
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(f), Some(l)) if f.is_ascii_graphic() && l.is_ascii_graphic() => s,
        _ => s.trim(),
    }
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
                        first = first + 1,
                        second = h.column + 1,
                        column = columns[c].label()
                    ),
                );
                ok = false;
            }
            positions[c] = Some(h.column);
        }
    }
    if layout == Layout::Wide {
        return ok.then_some(positions);
    }
    let unmatched: Vec<&str> = header
        .iter()
        .map(|h| h.text.as_str())
        .filter(|h| !columns.iter().any(|c| c.matches(h)))
        .collect();
    let names_of = |col: &Column| -> Vec<&str> {
        let mut names: Vec<&str> = vec![col.key];
        names.extend(col.names);
        names
    };
    // A missing required column names the heading most like it; that
    // heading is then not reported again below.
    let mut hinted: Vec<&str> = Vec::new();
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
    // Other headings are extra columns, ignored (SPEC 3), unless one is a
    // slip for an optional column the table lacks (备住 for 备注).
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
    ok.then_some(positions)
}
