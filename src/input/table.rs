//! One reader for every input table, CSV or Excel workbook: encoding, header
//! names in English or Chinese, blank rows, row lengths, and where each cell
//! is (line, or sheet and cell). The annual, daily and published tables
//! declare their columns as data.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use crate::diag::{Diagnostics, Location, nearest};
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
}

impl Column {
    pub const fn required(key: &'static str, names: &'static [&'static str]) -> Column {
        Column {
            key,
            names,
            required: true,
        }
    }

    pub const fn optional(key: &'static str, names: &'static [&'static str]) -> Column {
        Column {
            key,
            names,
            required: false,
        }
    }

    fn matches(&self, header: &str) -> bool {
        let h = header.trim().to_lowercase();
        h == self.key || self.names.iter().any(|n| n.to_lowercase() == h)
    }

    /// `unit (单位)`, as messages name a column.
    pub fn label(&self) -> String {
        match self.names.first() {
            Some(zh) => format!("{} ({zh})", self.key),
            None => self.key.to_string(),
        }
    }
}

/// A decoded table with its header resolved.
pub struct Table {
    /// How locations name the table: its path, or `path[sheet]` for a workbook.
    pub file: Arc<str>,
    pub provenance: InputFile,
    body: Body,
    /// Where each declared column is in the rows, if present.
    positions: Vec<Option<usize>>,
    width: usize,
    /// Line (or sheet row) of the header row (blank rows may precede it).
    pub header_line: usize,
}

enum Body {
    Csv(String),
    /// A worksheet's rows from its header on, as text; `None` for a row
    /// holding an Excel error value (already reported).
    Sheet {
        rows: Vec<Option<Vec<String>>>,
        /// Sheet row number of `rows[0]` and column index of its first cell.
        first_row: usize,
        first_col: usize,
    },
}

enum Cells<'t> {
    Csv(&'t csv::StringRecord),
    Sheet(&'t [String]),
}

/// One data row: its line (or sheet row) and its cells, trimmed.
pub struct Row<'t> {
    pub line: usize,
    cells: Cells<'t>,
    table: &'t Table,
}

impl Row<'_> {
    /// The trimmed cell of declared column `col`; empty when the table lacks it.
    pub fn get(&self, col: usize) -> &str {
        let Some(p) = self.table.positions[col] else {
            return "";
        };
        let cell = match self.cells {
            Cells::Csv(r) => r.get(p),
            Cells::Sheet(r) => r.get(p).map(String::as_str),
        };
        cell.map_or("", str::trim)
    }

    /// Where the cell of column `col` is: `FILE:LINE` for CSV, the cell
    /// (`annual.xlsx[年度得分]!D5`) for a workbook.
    pub fn at(&self, col: usize) -> Location {
        let row = Location::new(&self.table.file, self.line);
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

impl Table {
    /// Reads a CSV file or an Excel workbook (told by its content, not its
    /// name) and finds its columns. Problems go to `diags`; `None` means the
    /// table cannot be read at all.
    pub fn open(
        path: &Path,
        role: Role,
        encoding: Encoding,
        sheet: Option<&str>,
        columns: &[Column],
        diags: &mut Diagnostics,
    ) -> Option<Table> {
        let (file, bytes) = crate::source::read(path, "file", diags)?;
        let provenance = InputFile {
            role,
            path: Arc::clone(&file),
            sha256: sha256_hex(&bytes),
        };
        if crate::workbook::is_workbook(&bytes) {
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
                diags.error(
                    Location::new(&label, 0),
                    "the sheet is empty: it needs a header row and data rows",
                );
                return None;
            };
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            let positions = resolve_header(&header, &label, first_row, columns, diags)?;
            return Some(Table {
                file: label,
                provenance,
                width: header.len(),
                positions,
                header_line: first_row,
                body: Body::Sheet {
                    rows,
                    first_row,
                    first_col: sheet.first_col,
                },
            });
        }
        let text = decode(&bytes, encoding, &file, diags)?.into_owned();
        let mut reader = reader(&text);
        let mut header = csv::StringRecord::new();
        let header_line;
        loop {
            match reader.read_record(&mut header) {
                Ok(true) if is_blank(&header) => continue,
                Ok(true) => {
                    header_line = LineCounter::default().line_of(&text, header.position());
                    break;
                }
                Ok(false) => {
                    diags.error_at(
                        &file,
                        1,
                        "the file is empty: it needs a header row and data rows",
                    );
                    return None;
                }
                Err(e) => {
                    diags.error_at(
                        &file,
                        csv_line(&e),
                        format!("cannot read the header row: {}", csv_reason(&e)),
                    );
                    return None;
                }
            }
        }
        let cells: Vec<&str> = header.iter().collect();
        let positions = resolve_header(&cells, &file, header_line, columns, diags)?;
        Some(Table {
            file,
            provenance,
            width: header.len(),
            positions,
            header_line,
            body: Body::Csv(text),
        })
    }

    /// Whether the table has the declared column `col`.
    pub fn has(&self, col: usize) -> bool {
        self.positions[col].is_some()
    }

    /// Calls `each` with every data row; blank rows (every cell empty) are
    /// skipped, and a row of the wrong length is reported, not passed on.
    pub fn rows(&self, diags: &mut Diagnostics, mut each: impl FnMut(&Row, &mut Diagnostics)) {
        match &self.body {
            Body::Sheet {
                rows, first_row, ..
            } => {
                for (k, row) in rows.iter().enumerate().skip(1) {
                    let Some(cells) = row else { continue };
                    if cells.iter().all(|c| c.trim().is_empty()) {
                        continue;
                    }
                    let row = Row {
                        line: first_row + k,
                        cells: Cells::Sheet(cells),
                        table: self,
                    };
                    each(&row, diags);
                }
            }
            Body::Csv(text) => self.csv_rows(text, diags, each),
        }
    }

    fn csv_rows(
        &self,
        text: &str,
        diags: &mut Diagnostics,
        mut each: impl FnMut(&Row, &mut Diagnostics),
    ) {
        let mut reader = reader(text);
        let mut record = csv::StringRecord::new();
        let mut lines = LineCounter::default();
        let mut first = true;
        loop {
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    diags.error_at(
                        &self.file,
                        csv_line(&e),
                        format!("cannot read this row: {}", csv_reason(&e)),
                    );
                    // The csv reader cannot resume inside a broken record.
                    break;
                }
            }
            if is_blank(&record) {
                continue;
            }
            if first {
                first = false; // the header
                continue;
            }
            let line = lines.line_of(text, record.position());
            if record.len() != self.width {
                diags.error_at(
                    &self.file,
                    line,
                    format!(
                        "this row has {} cells but the header has {}: check for a missing or extra comma, a quote (\") left open, or a cell holding a comma that needs quotes",
                        record.len(),
                        self.width
                    ),
                );
                continue;
            }
            each(
                &Row {
                    line,
                    cells: Cells::Csv(&record),
                    table: self,
                },
                diags,
            );
        }
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
                    format!(
                        "columns {} and {} are both the column {}: keep one",
                        first + 1,
                        p + 1,
                        columns[c].label()
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
                .map(|h| format!(" (is \"{h}\" meant to be it?)"))
                .unwrap_or_default();
            diags.error_at(
                file,
                header_line,
                format!(
                    "the header has no column {}{hint}: name a column `{}` or `{}`",
                    col.label(),
                    col.key,
                    col.names.first().unwrap_or(&col.key)
                ),
            );
            ok = false;
        }
    }
    ok.then_some(positions)
}

fn reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        // Row lengths are checked here, to report them with their line.
        .flexible(true)
        .from_reader(text.as_bytes())
}

fn is_blank(r: &csv::StringRecord) -> bool {
    r.iter().all(|c| c.trim().is_empty())
}

fn csv_line(e: &csv::Error) -> usize {
    e.position().map_or(0, |p| p.line() as usize)
}

/// Counts physical lines up to each record's start, moving forward only, so
/// a whole file costs one pass. csv's own line count lags by one after a CRLF
/// (it takes the LF as the start of the next record), hence this.
#[derive(Default)]
struct LineCounter {
    at: usize,
    line: usize,
}

impl LineCounter {
    fn line_of(&mut self, text: &str, position: Option<&csv::Position>) -> usize {
        let Some(p) = position else {
            return 0;
        };
        let bytes = text.as_bytes();
        let mut start = (p.byte() as usize).min(bytes.len());
        while start < bytes.len() && (bytes[start] == b'\r' || bytes[start] == b'\n') {
            start += 1;
        }
        if start < self.at {
            *self = LineCounter::default();
        }
        self.line += bytes[self.at..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at = start;
        self.line + 1
    }
}

fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "it is not valid text in the file's encoding".to_string(),
        _ => e.to_string(),
    }
}

/// Decodes strictly: a replacement character would silently change a name.
fn decode<'b>(
    bytes: &'b [u8],
    encoding: Encoding,
    file: &Arc<str>,
    diags: &mut Diagnostics,
) -> Option<Cow<'b, str>> {
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let body = if bom { &bytes[3..] } else { bytes };
    let utf8 = || std::str::from_utf8(body).map(Cow::Borrowed);
    let gbk = || {
        encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(body)
            .ok_or(())
    };
    // A BOM says UTF-8 whatever --encoding says: no GBK file starts with one.
    let result = match encoding {
        _ if bom => utf8().map_err(|_| "UTF-8, although it starts with a UTF-8 BOM"),
        Encoding::Utf8 => utf8()
            .map_err(|_| "UTF-8 (try --encoding gbk if it was saved by Excel on Chinese Windows)"),
        Encoding::Gbk => gbk().map_err(|_| "GBK/GB18030 (try --encoding utf8)"),
        Encoding::Auto => utf8()
            .or_else(|_| gbk())
            .map_err(|_| "UTF-8 nor GBK/GB18030: save it as UTF-8 CSV"),
    };
    match result {
        Ok(text) => Some(text),
        Err(expected) => {
            let line = first_bad_line(body, encoding, bom);
            let neither = if matches!(encoding, Encoding::Auto) && !bom {
                "neither "
            } else {
                "not valid "
            };
            diags.error_at(file, line, format!("this line is {neither}{expected}"));
            None
        }
    }
}

/// The first line that fails to decode; LF never occurs inside a UTF-8 or
/// GB18030 multi-byte character, so lines can be tried one by one.
fn first_bad_line(body: &[u8], encoding: Encoding, bom: bool) -> usize {
    let gbk_ok = |l: &[u8]| {
        encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(l)
            .is_some()
    };
    let utf8_ok = |l: &[u8]| std::str::from_utf8(l).is_ok();
    let ok = |l: &[u8]| match encoding {
        _ if bom => utf8_ok(l),
        Encoding::Utf8 => utf8_ok(l),
        Encoding::Gbk => gbk_ok(l),
        // Not UTF-8 as a whole, so it was read as GBK: point where GBK fails.
        Encoding::Auto => gbk_ok(l),
    };
    body.split(|&b| b == b'\n')
        .position(|l| !ok(l))
        .map_or(1, |i| i + 1)
}
