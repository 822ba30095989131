//! One reader for every input table, CSV or Excel workbook: encoding, header
//! names in English or Chinese, blank rows, row lengths, and where each cell
//! is (line, or sheet and cell). The annual, daily and published tables
//! declare their columns as data.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::stream::{self, Decoding, MAX_ERRORS, Pass};
use crate::diag::{Diagnostics, Location, nearest};
use crate::i18n::Message;
use crate::msg;
use crate::source::{InputFile, Role, sha256_hex};

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

    fn matches(&self, header: &str) -> bool {
        let h = header.trim().to_lowercase();
        h == self.key || self.names.iter().any(|n| n.to_lowercase() == h)
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

/// A table with its header resolved, ready to stream its rows.
pub struct Table {
    /// How locations name the table: its path, or `path[sheet]` for a workbook.
    pub file: Arc<str>,
    path: PathBuf,
    role: Role,
    body: Body,
    /// Where each declared column is in the rows, if present.
    positions: Vec<Option<usize>>,
    /// Which declared columns are free text (notes): not checked as text.
    free_text: Vec<bool>,
    width: usize,
    /// Line (or sheet row) of the header row (blank rows may precede it).
    pub header_line: usize,
}

enum Body {
    Csv {
        decoding: Decoding,
        /// `--encoding auto` and no BOM: a UTF-8 guess that the full read checks.
        auto: bool,
        bom: bool,
        /// Where a large file is cut for two passes.
        cut: Option<u64>,
        /// The file's digest, and whether the cut is outside quotes:
        /// computed beside the parsing.
        digest: Option<std::thread::JoinHandle<Option<(String, bool)>>>,
    },
    /// A worksheet's rows from its header on, as text; `None` for a row
    /// holding an Excel error value (already reported).
    Sheet {
        rows: Vec<Option<Vec<String>>>,
        /// Sheet row number of `rows[0]` and column index of its first cell.
        first_row: usize,
        first_col: usize,
        sha256: String,
    },
}

enum Cells<'t> {
    /// The raw record: cells are checked to be UTF-8 as they are read.
    Csv(&'t csv::ByteRecord),
    Sheet(&'t [String]),
}

/// One data row: its line (or sheet row) and its cells, trimmed.
pub struct Row<'t> {
    pub line: usize,
    cells: Cells<'t>,
    table: &'t Table,
    /// A scored cell was read that is not UTF-8 (the pass then reports the
    /// line as not UTF-8, or rereads the file as GBK).
    not_text: std::cell::Cell<bool>,
}

impl Row<'_> {
    /// The trimmed cell of declared column `col`; empty when the table lacks it.
    pub fn get(&self, col: usize) -> &str {
        let Some(p) = self.table.positions[col] else {
            return "";
        };
        match self.cells {
            Cells::Csv(r) => match r.get(p).map(std::str::from_utf8) {
                Some(Ok(s)) => trim(s),
                Some(Err(_)) => {
                    let note = self.table.free_text.get(col).copied().unwrap_or(false);
                    self.not_text.set(!note);
                    // Matches no name and is no number, so the row is never
                    // counted; the pass reports the line as not text.
                    "\u{FFFD}"
                }
                None => "",
            },
            Cells::Sheet(r) => r.get(p).map_or("", |c| trim(c)),
        }
    }

    /// The cell's bytes, ASCII white space trimmed: for matching against
    /// known names without checking the text first (a match is text).
    pub fn bytes(&self, col: usize) -> &[u8] {
        let Some(p) = self.table.positions[col] else {
            return b"";
        };
        match self.cells {
            Cells::Csv(r) => r.get(p).map_or(&b""[..], <[u8]>::trim_ascii),
            Cells::Sheet(r) => r.get(p).map_or(&b""[..], |c| c.trim().as_bytes()),
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
            Cells::Sheet(r) => r.get(p).map_or(String::new(), |c| c.trim().to_string()),
        }
    }

    /// Where the cell of column `col` is: `FILE:LINE` for CSV, the cell
    /// (`annual.xlsx[年度得分]!D5`) for a workbook.
    pub fn at(&self, col: usize) -> Location {
        let row = self.at_row();
        match (&self.table.body, self.table.positions[col]) {
            (Body::Sheet { first_col, .. }, Some(p)) => row.in_cell(first_col + p + 1),
            _ => row,
        }
    }

    /// Where the row is.
    pub fn at_row(&self) -> Location {
        Location::new(&self.table.file, self.line)
    }
}

/// The first bytes of a file: enough to tell a workbook, a BOM and (mostly) the encoding.
const SNIFF: usize = 64 * 1024;

impl Table {
    /// Opens a CSV file or an Excel workbook (told by its content, not its
    /// name) and finds its columns; CSV rows are read later, as a stream.
    /// Problems go to `diags`; `None` means the table cannot be read at all.
    pub fn open(
        path: &Path,
        role: Role,
        encoding: Encoding,
        sheet: Option<&str>,
        columns: &[Column],
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        let file: Arc<str> = Arc::from(path.display().to_string());
        let cannot = |diags: &mut Diagnostics, e: std::io::Error| {
            diags.error(
                Location::new(&file, 0),
                msg!(
                    "source-cannot-read-file",
                    reason = crate::source::io_reason(&e)
                ),
            );
        };
        let mut sniff = Vec::new();
        let size = match std::fs::File::open(path).and_then(|f| {
            let size = f.metadata()?.len();
            f.take(SNIFF as u64).read_to_end(&mut sniff)?;
            Ok(size)
        }) {
            Ok(size) => size,
            Err(e) => {
                cannot(diags, e);
                return None;
            }
        };
        if crate::workbook::is_workbook(&sniff) {
            let (_, bytes) = crate::source::read(path, "file", diags)?;
            return Table::open_sheet(file, path, role, bytes, sheet, columns, diags);
        }
        let bom = sniff.starts_with(b"\xEF\xBB\xBF");
        // A BOM says UTF-8 whatever --encoding says: no GBK file starts with one.
        let (decoding, auto) = match encoding {
            _ if bom => (Decoding::Utf8, false),
            Encoding::Utf8 => (Decoding::Utf8, false),
            Encoding::Gbk => (Decoding::Gbk, false),
            Encoding::Auto => match std::str::from_utf8(&sniff) {
                // A character cut by the end of the sniff is no evidence.
                Err(e) if e.error_len().is_some() => (Decoding::Gbk, true),
                _ => (Decoding::Utf8, true),
            },
        };
        let (header, header_line) = match read_header(path, decoding) {
            Ok(Some(h)) => h,
            Ok(None) => {
                diags.error_at(&file, 1, msg!("table-file-empty"));
                return None;
            }
            Err(e) => {
                let (at, message) = header_failure(&file, &e, decoding, auto || bom);
                diags.error(at, message);
                return None;
            }
        };
        let cells: Vec<&str> = header.iter().collect();
        let positions = resolve_header(&cells, &file, header_line, columns, diags)?;
        let cut = (decoding == Decoding::Utf8 && size >= stream::split_min())
            .then(|| stream::find_cut(path, size))
            .flatten();
        let owned = path.to_path_buf();
        let digest = std::thread::spawn(move || stream::digest(&owned, cut).ok());
        Some(Table {
            file,
            path: path.to_path_buf(),
            role,
            width: header.len(),
            positions,
            free_text: columns.iter().map(|c| c.free_text).collect(),
            header_line,
            body: Body::Csv {
                decoding,
                auto,
                bom,
                cut,
                digest: Some(digest),
            },
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn open_sheet(
        file: Arc<str>,
        path: &Path,
        role: Role,
        bytes: Vec<u8>,
        sheet: Option<&str>,
        columns: &[Column],
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        let sha256 = sha256_hex(&bytes);
        let sheet = crate::workbook::read_sheet(&file, bytes, sheet, diags)?;
        let label = sheet.label;
        let blank = |r: &Option<Vec<String>>| {
            r.as_ref()
                .is_some_and(|c| c.iter().all(|x| x.trim().is_empty()))
        };
        let mut rows = sheet.rows;
        let skip = rows.iter().take_while(|r| blank(r)).count();
        rows.drain(..skip);
        let first_row = sheet.first_row + skip;
        let Some(Some(header)) = rows.first() else {
            diags.error(Location::new(&label, 0), msg!("table-sheet-empty"));
            return None;
        };
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        let positions = resolve_header(&header, &label, first_row, columns, diags)?;
        Some(Table {
            file: label,
            path: path.to_path_buf(),
            role,
            width: header.len(),
            positions,
            free_text: columns.iter().map(|c| c.free_text).collect(),
            header_line: first_row,
            body: Body::Sheet {
                rows,
                first_row,
                first_col: sheet.first_col,
                sha256,
            },
        })
    }

    /// Whether the table has the declared column `col`.
    pub fn has(&self, col: usize) -> bool {
        self.positions[col].is_some()
    }

    /// Streams every data row through `each`, into tallies made by `new`: one
    /// per pass, in file order (two when a large file is read on two cores).
    /// Blank rows (every cell empty) are skipped, and a row of the wrong
    /// length is reported, not passed on. Returns the tallies and the file's
    /// provenance, its digest computed along the way.
    pub fn rows<T: Send>(
        mut self,
        diags: &mut Diagnostics,
        new: impl Fn() -> T + Sync,
        each: impl Fn(&mut T, &Row, &mut Diagnostics) + Sync,
    ) -> (Vec<T>, InputFile) {
        let provenance = |sha256: String| InputFile {
            role: self.role,
            path: Arc::from(self.path.display().to_string()),
            sha256,
        };
        match &self.body {
            Body::Sheet {
                rows,
                first_row,
                sha256,
                ..
            } => {
                let mut tally = new();
                for (k, row) in rows.iter().enumerate().skip(1) {
                    let Some(cells) = row else { continue };
                    if cells.iter().all(|c| c.trim().is_empty()) {
                        continue;
                    }
                    let row = Row {
                        line: first_row + k,
                        cells: Cells::Sheet(cells),
                        table: &self,
                        not_text: std::cell::Cell::new(false),
                    };
                    each(&mut tally, &row, diags);
                }
                (vec![tally], provenance(sha256.clone()))
            }
            Body::Csv {
                decoding,
                auto,
                cut,
                ..
            } => {
                let (decoding, auto, cut) = (*decoding, *auto, *cut);
                let digest = match &mut self.body {
                    Body::Csv { digest, .. } => digest.take(),
                    Body::Sheet { .. } => None,
                };
                let whole = || self.pass(decoding, 0, None, 0, auto, &new, &each);
                let mut passes = match cut {
                    Some(cut) => self.two_passes(cut, auto, &new, &each),
                    None => vec![whole()],
                };
                let (sha256, clean) = digest
                    .and_then(|d| d.join().ok().flatten())
                    .unwrap_or_default();
                if passes.len() > 1 && !clean {
                    // The cut fell inside a quoted cell: the file again, in one pass.
                    passes = vec![whole()];
                }
                if passes.iter().any(|p| p.not_utf8.is_some()) {
                    // Not UTF-8 after all: the whole file again, as GBK.
                    passes = vec![self.pass(Decoding::Gbk, 0, None, 0, true, &new, &each)];
                }
                let mut tallies = Vec::new();
                for p in passes {
                    diags.extend(p.diags);
                    tallies.push(p.tally);
                }
                (tallies, provenance(sha256))
            }
        }
    }

    /// Two passes on two cores, cut at a line end near the middle; whether
    /// the cut is outside quotes is told by the digest's read of the file.
    fn two_passes<T: Send>(
        &self,
        cut: u64,
        auto: bool,
        new: &(impl Fn() -> T + Sync),
        each: &(impl Fn(&mut T, &Row, &mut Diagnostics) + Sync),
    ) -> Vec<Pass<T>> {
        std::thread::scope(|scope| {
            let second = scope.spawn(|| {
                let lines = stream::newlines_before(&self.path, cut).ok()?;
                Some(self.pass(Decoding::Utf8, cut, None, lines, auto, new, each))
            });
            let first = self.pass(Decoding::Utf8, 0, Some(cut), 0, auto, new, each);
            match second.join() {
                Ok(Some(second)) => vec![first, second],
                _ => vec![self.pass(Decoding::Utf8, 0, None, 0, auto, new, each)],
            }
        })
    }

    /// One pass from byte `start` (line `lines_before + 1`) to `end` or the
    /// end of the file. Only the pass from the start of the file skips the header.
    #[allow(clippy::too_many_arguments)]
    fn pass<T>(
        &self,
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
        };
        let input = match stream::open_at(&self.path, start, end, decoding) {
            Ok(i) => i,
            Err(e) => {
                pass.diags.error(
                    Location::new(&self.file, 0),
                    msg!(
                        "source-cannot-read-file",
                        reason = crate::source::io_reason(&e)
                    ),
                );
                return pass;
            }
        };
        let mut reader = stream::csv_reader(input);
        let mut record = csv::ByteRecord::new();
        let mut header_done = start > 0;
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    let (mut at, message) = stream::stream_failure(&self.file, &e, auto);
                    // Lines of the stream count from its start.
                    if at.line > 0 {
                        at.line += lines_before;
                    }
                    pass.diags.error(at, message);
                    // The csv reader cannot resume after a failed read.
                    break;
                }
            }
            if record.iter().all(blank) {
                continue;
            }
            if !header_done {
                header_done = true;
                continue;
            }
            let line = lines_before + record.position().map_or(0, |p| p.line() as usize);
            if record.len() != self.width {
                pass.diags.error_at(
                    &self.file,
                    line,
                    msg!("table-row-width", cells = record.len(), header = self.width),
                );
            } else {
                let row = Row {
                    line,
                    cells: Cells::Csv(&record),
                    table: self,
                    not_text: std::cell::Cell::new(false),
                };
                let before = pass.diags.len();
                each(&mut pass.tally, &row, &mut pass.diags);
                // Only the cells scoring reads are checked, as they are read:
                // a note is not worth checking every byte of a large file.
                if row.not_text.get() {
                    if auto {
                        pass.not_utf8 = Some(line);
                        break;
                    }
                    let bom = matches!(self.body, Body::Csv { bom: true, .. });
                    pass.diags.truncate(before);
                    pass.diags.error_at(&self.file, line, not_utf8(bom));
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

/// The first non-blank record and its line.
fn read_header(
    path: &Path,
    decoding: Decoding,
) -> Result<Option<(csv::StringRecord, usize)>, csv::Error> {
    let input = stream::open_at(path, 0, None, decoding).map_err(csv::Error::from)?;
    let mut reader = stream::csv_reader(input);
    let mut header = csv::StringRecord::new();
    while reader.read_record(&mut header)? {
        if !header.iter().all(|c| c.trim().is_empty()) {
            let line = header.position().map_or(1, |p| p.line() as usize);
            return Ok(Some((header, line)));
        }
    }
    Ok(None)
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
    e: &csv::Error,
    decoding: Decoding,
    auto_or_bom: bool,
) -> (Location, Message) {
    if let csv::ErrorKind::Utf8 { pos, .. } = e.kind() {
        let line = pos.as_ref().map_or(1, |p| p.line() as usize);
        return (
            Location::new(file, line),
            not_utf8(auto_or_bom && decoding == Decoding::Utf8),
        );
    }
    stream::stream_failure(file, e, auto_or_bom)
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

/// Finds each declared column in a header row; reports a duplicate or a
/// missing required column (with the nearest unknown heading as a hint).
fn resolve_header(
    header: &[&str],
    file: &Arc<str>,
    header_line: usize,
    columns: &[Column],
    diags: &mut Diagnostics,
) -> Option<Vec<Option<usize>>> {
    let mut positions = vec![None; columns.len()];
    let mut ok = true;
    for (p, h) in header.iter().enumerate() {
        if let Some(c) = columns.iter().position(|c| c.matches(h)) {
            if let Some(first) = positions[c] {
                diags.error_at(
                    file,
                    header_line,
                    msg!(
                        "table-column-twice",
                        first = first + 1,
                        second = p + 1,
                        column = columns[c].label()
                    ),
                );
                ok = false;
            }
            positions[c] = Some(p);
        }
    }
    let unmatched: Vec<&str> = header
        .iter()
        .map(|h| h.trim())
        .filter(|h| !columns.iter().any(|c| c.matches(h)))
        .collect();
    for (c, col) in columns.iter().enumerate() {
        if col.required && positions[c].is_none() {
            let mut names: Vec<&str> = vec![col.key];
            names.extend(col.names);
            let hint = unmatched
                .iter()
                .find_map(|h| nearest(h, names.iter().copied()).map(|_| *h))
                .map(|h| msg!("table-column-hint", header = h));
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
    }
    ok.then_some(positions)
}
