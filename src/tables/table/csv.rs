//! A CSV file as a table: its encoding told, its header found, and its
//! rows read in one pass or, for a large long table, two passes on two
//! cores, reread as GBK when the bytes prove not to be UTF-8.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::header::{Scan, no_header};
use super::row::{Cells, Row};
use super::{Body, Encoding, HeaderCell, Kind, Layout, ReadOptions, Shape, Table};
use crate::model::source::Location;
use crate::tables::stream::{self, Decoding, MAX_ERRORS, Pass};
use crate::text::diag::Diagnostics;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// A CSV file's rows after its header: how they are decoded, and where a
/// large file is cut.
pub(super) struct CsvSource {
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
}

impl<'b> Table<'b> {
    /// A CSV file: its header found (below any title block), its columns
    /// placed; its rows are read later, as a stream.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn open_csv(
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
        let (scan, header_end) = match scan_csv(file, path, decoding, kind) {
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
        table.body = Body::Csv(CsvSource {
            path: path.to_path_buf(),
            decoding,
            auto,
            bom,
            cut,
            digest: Some(digest),
            sha256: Arc::clone(sha256),
        });
        Some(table)
    }
}

impl Shape {
    /// A CSV file's data rows: one pass, or two on two cores for a large
    /// long table; once more in one pass when the cut fell inside a quoted
    /// cell, or as GBK when the bytes were not UTF-8 after all.
    pub(super) fn csv_rows<T: Send>(
        &self,
        source: CsvSource,
        diags: &mut Diagnostics,
        new: impl Fn() -> T + Sync,
        each: impl Fn(&mut T, &Row, &mut Diagnostics) + Sync,
    ) -> (Vec<T>, usize) {
        let CsvSource {
            path,
            decoding,
            auto,
            bom,
            cut,
            digest,
            sha256,
        } = source;
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
        let mut found = Diagnostics::new();
        for p in passes {
            found.extend(p.diags);
            tallies.push(p.tally);
            footers += p.footers;
        }
        // One cap over the whole file, however many passes read it: the
        // first errors in file order, then one line saying the rest is not read.
        if found.len() >= MAX_ERRORS {
            found.truncate(MAX_ERRORS);
            let line = found.last_line().unwrap_or(0);
            found.error_at(
                &self.file,
                line,
                msg!("table-too-many-errors", count = MAX_ERRORS),
            );
        }
        diags.extend(found);
        (tallies, footers)
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
                    crate::tables::file::cannot_read(&e),
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
            // The rest is not read; the cap is told once, over every pass.
            if pass.diags.len() >= MAX_ERRORS {
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

/// Reads a CSV file up to its header row: the scan, and the byte (of the
/// decoded text) where the row after the header starts.
fn scan_csv(
    file: &Arc<str>,
    path: &Path,
    decoding: Decoding,
    kind: &Kind,
) -> Result<(Scan, u64), HeaderFailure> {
    let mut records = stream::open_at(path, 0, None, decoding).map_err(HeaderFailure::Open)?;
    let mut scan = Scan::new(kind);
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
