//! Reading CSV as a stream: one pass, memory bounded by the longest row, the
//! second core used where a file is large enough to pay for it.
//!
//! A large UTF-8 file is cut in two at a line end near its middle; one thread
//! parses the first half while another counts the quotes and newlines before
//! the cut (to know the cut is outside any quoted cell and which line it is
//! on) and then parses the second half. The digest of the file is computed by
//! a third pass (see `Table::open`) that the OS schedules on whichever core is
//! free. Each pass keeps its own tally and diagnostics; they are joined in file
//! order, so the result and the errors are those of a single pass.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use crate::diag::{Diagnostics, Location};
use crate::i18n::Message;
use crate::msg;

/// Files below this are read by one thread: the split would cost more than it saves.
pub const SPLIT_MIN: u64 = 8 << 20;

/// `SPLIT_MIN`, or `ASSESS_SPLIT_MIN` from the environment, so tests can make
/// small files take the two-core path too.
pub fn split_min() -> u64 {
    std::env::var("ASSESS_SPLIT_MIN")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(SPLIT_MIN)
}
/// Rows longer than this are refused, so a runaway cell cannot exhaust memory.
pub const MAX_LINE: usize = 1 << 20;
/// Errors reported per file before the reading of it stops.
pub const MAX_ERRORS: usize = 1000;

/// What a pass reads the bytes as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decoding {
    Utf8,
    Gbk,
}

/// Why a stream failed, carried through `io::Error` so csv passes it on.
#[derive(Debug)]
pub enum StreamError {
    /// A byte sequence that is not GB18030, on this (1-based) line.
    Gbk { line: usize },
    /// A line longer than `MAX_LINE`, starting on this (1-based) line.
    LongLine { line: usize },
}

impl std::fmt::Display for StreamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let m = match self {
            StreamError::Gbk { line } => msg!("table-stream-gbk", line = line),
            StreamError::LongLine { line } => {
                msg!("table-stream-long-line", line = line, mib = MAX_LINE >> 20)
            }
        };
        write!(f, "{m}")
    }
}

impl std::error::Error for StreamError {}

/// Refuses lines longer than `MAX_LINE` (a quoted cell cannot grow without bound either).
pub struct LineGuard<R> {
    inner: R,
    since_newline: usize,
    /// Newlines passed, to name the line that runs too long.
    lines: usize,
}

impl<R> LineGuard<R> {
    pub fn new(inner: R) -> Self {
        LineGuard {
            inner,
            since_newline: 0,
            lines: 0,
        }
    }
}

impl<R: Read> Read for LineGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        match memchr::memrchr(b'\n', &buf[..n]) {
            Some(p) => {
                self.lines += memchr::memchr_iter(b'\n', &buf[..=p]).count();
                self.since_newline = n - p - 1;
            }
            None => self.since_newline += n,
        }
        if self.since_newline > MAX_LINE {
            let line = self.lines + 1;
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                StreamError::LongLine { line },
            ));
        }
        Ok(n)
    }
}

/// Decodes GB18030 (a superset of GBK) to UTF-8 on the fly, strictly: a
/// malformed sequence is an error naming its line, never a replacement.
pub struct GbkReader<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    raw: Vec<u8>,
    raw_start: usize,
    raw_end: usize,
    eof: bool,
    /// Decoded text not yet handed out.
    text: Vec<u8>,
    text_start: usize,
    text_end: usize,
    /// Newlines decoded so far, to name the line of a bad sequence.
    lines: usize,
    /// The decoder has seen the end (or a bad sequence): it must not be called again.
    done: Option<usize>,
}

impl<R: Read> GbkReader<R> {
    pub fn new(inner: R) -> Self {
        GbkReader {
            inner,
            decoder: encoding_rs::GB18030.new_decoder_without_bom_handling(),
            raw: vec![0; 64 * 1024],
            raw_start: 0,
            raw_end: 0,
            eof: false,
            text: vec![0; 128 * 1024],
            text_start: 0,
            text_end: 0,
            lines: 0,
            done: None,
        }
    }

    /// Decodes more text; `Ok(false)` at the end of the input.
    fn refill(&mut self) -> io::Result<bool> {
        match self.done {
            Some(0) => return Ok(false),
            Some(line) => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    StreamError::Gbk { line },
                ));
            }
            None => {}
        }
        loop {
            if self.raw_start == self.raw_end && !self.eof {
                self.raw_start = 0;
                self.raw_end = self.inner.read(&mut self.raw)?;
                self.eof = self.raw_end == 0;
            }
            let src = &self.raw[self.raw_start..self.raw_end];
            let (result, read, written) =
                self.decoder
                    .decode_to_utf8_without_replacement(src, &mut self.text, self.eof);
            self.raw_start += read;
            self.lines += self.text[..written].iter().filter(|&&b| b == b'\n').count();
            (self.text_start, self.text_end) = (0, written);
            match result {
                encoding_rs::DecoderResult::Malformed(..) => {
                    let line = self.lines + 1;
                    self.done = Some(line);
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        StreamError::Gbk { line },
                    ));
                }
                encoding_rs::DecoderResult::InputEmpty if self.eof => {
                    // Finished: the decoder must not be called again.
                    self.done = Some(0);
                    return Ok(written > 0);
                }
                _ if written > 0 => return Ok(true),
                _ => {}
            }
        }
    }
}

impl<R: Read> Read for GbkReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.text_start == self.text_end && !self.refill()? {
            return Ok(0);
        }
        let n = out.len().min(self.text_end - self.text_start);
        out[..n].copy_from_slice(&self.text[self.text_start..self.text_start + n]);
        self.text_start += n;
        Ok(n)
    }
}

/// The csv reader every pass uses: records end at LF only, so csv's line
/// count is the physical line (with CRLF its count lags one line behind);
/// the CR that ends a CRLF line stays in the last cell and is trimmed away.
pub fn csv_reader<R: Read>(input: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        // Row lengths are checked by the table, to report them with their line.
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(64 * 1024)
        .from_reader(input)
}

/// Opens the file as `decoding` from byte `start`, up to byte `end` if given.
pub fn open_at(
    path: &Path,
    start: u64,
    end: Option<u64>,
    decoding: Decoding,
) -> io::Result<Box<dyn Read + Send>> {
    let mut file = File::open(path)?;
    if start > 0 {
        file.seek(SeekFrom::Start(start))?;
    }
    let part = file.take(end.map_or(u64::MAX, |e| e.saturating_sub(start)));
    let guarded = LineGuard::new(part);
    Ok(match decoding {
        Decoding::Utf8 => Box::new(KeepEmptyLines::new(guarded)),
        Decoding::Gbk => Box::new(KeepEmptyLines::new(GbkReader::new(guarded))),
    })
}

/// Puts a space on every empty line. csv skips empty lines without counting
/// them, so its line numbers would fall behind; a line holding a space is
/// counted, and then skipped as a blank row.
pub struct KeepEmptyLines<R> {
    inner: R,
    raw: Vec<u8>,
    /// The last byte handed out ended a line (or nothing was handed out yet).
    line_start: bool,
}

impl<R> KeepEmptyLines<R> {
    pub fn new(inner: R) -> Self {
        KeepEmptyLines {
            inner,
            raw: vec![0; 32 * 1024],
            line_start: true,
        }
    }
}

impl<R: Read> Read for KeepEmptyLines<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        // Each byte read may become two: read at most half of `out`.
        let room = (out.len() / 2).min(self.raw.len());
        if room == 0 {
            return Ok(0);
        }
        let n = self.inner.read(&mut self.raw[..room])?;
        let src = &self.raw[..n];
        let mut w = 0;
        let mut from = 0;
        if self.line_start && src.first() == Some(&b'\n') {
            out[w] = b' ';
            w += 1;
        }
        for p in memchr::memchr_iter(b'\n', src) {
            out[w..w + p + 1 - from].copy_from_slice(&src[from..=p]);
            w += p + 1 - from;
            from = p + 1;
            if src.get(from) == Some(&b'\n') {
                out[w] = b' ';
                w += 1;
            }
        }
        out[w..w + n - from].copy_from_slice(&src[from..n]);
        w += n - from;
        if n > 0 {
            self.line_start = src[n - 1] == b'\n';
        }
        Ok(w)
    }
}

/// A line end near the middle of the file to cut at, if there is one.
pub fn find_cut(path: &Path, size: u64) -> Option<u64> {
    let mut file = File::open(path).ok()?;
    // A little past the middle: the second pass first counts the lines
    // before the cut, which costs it about a thirtieth of parsing them.
    let middle = size / 2 + size / 64;
    file.seek(SeekFrom::Start(middle)).ok()?;
    let mut buf = vec![0u8; 64 * 1024];
    let mut at = middle;
    while at < size.saturating_sub(1) {
        let n = file.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        if let Some(p) = buf[..n].iter().position(|&b| b == b'\n') {
            let cut = at + p as u64 + 1;
            return (cut < size).then_some(cut);
        }
        at += n as u64;
    }
    None
}

/// Newlines before `cut`: the second half's first line is one more.
pub fn newlines_before(path: &Path, cut: u64) -> io::Result<usize> {
    let mut file = File::open(path)?.take(cut);
    let mut buf = vec![0u8; 256 * 1024];
    let mut newlines = 0;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            return Ok(newlines);
        }
        newlines += memchr::memchr_iter(b'\n', &buf[..n]).count();
    }
}

/// Follows csv's quoting over a stream, to tell whether an offset falls
/// outside every quoted cell. A quote opens a quoted cell only at the start
/// of a cell (after a comma or a line end); elsewhere outside quotes it is an
/// ordinary character, as csv reads it; inside, `""` is one quote and a lone
/// one closes the cell. Only quotes are visited, so the scan runs at memchr's
/// speed.
#[derive(Debug, Default)]
pub struct QuoteScan {
    in_quotes: bool,
    /// Inside quotes, the chunk ended on a quote: the next byte decides.
    quote_pending: bool,
    /// The last byte of the previous chunk (none at the start of the file).
    prev: Option<u8>,
}

impl QuoteScan {
    pub fn feed(&mut self, chunk: &[u8]) {
        let mut i = 0;
        if self.quote_pending && !chunk.is_empty() {
            self.quote_pending = false;
            if chunk[0] == b'"' {
                i = 1; // a doubled quote: still inside
            } else {
                self.in_quotes = false;
            }
        }
        while let Some(q) = memchr::memchr(b'"', &chunk[i.min(chunk.len())..]) {
            let at = i + q;
            if self.in_quotes {
                match chunk.get(at + 1) {
                    Some(b'"') => i = at + 2,
                    Some(_) => {
                        self.in_quotes = false;
                        i = at + 1;
                    }
                    None => {
                        self.quote_pending = true;
                        i = at + 1;
                    }
                }
            } else {
                let prev = if at > 0 {
                    Some(chunk[at - 1])
                } else {
                    self.prev
                };
                if matches!(prev, None | Some(b',') | Some(b'\n')) {
                    self.in_quotes = true;
                }
                i = at + 1;
            }
        }
        if let Some(&last) = chunk.last() {
            self.prev = Some(last);
        }
    }

    /// Whether the bytes fed so far end outside any quoted cell.
    pub fn outside_quotes(&self) -> bool {
        !self.in_quotes && !self.quote_pending
    }
}

/// The file's sha256 and, when a cut is given, whether the cut is outside
/// every quoted cell: one read of the file, beside the parsing.
pub fn digest(path: &Path, cut: Option<u64>) -> io::Result<(String, bool)> {
    use sha2::{Digest, Sha256};
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut scan = QuoteScan::default();
    let mut buf = vec![0u8; 256 * 1024];
    let mut offset = 0u64;
    let mut clean = cut.is_none();
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        if let Some(cut) = cut.filter(|&c| offset < c) {
            let upto = ((cut - offset) as usize).min(n);
            // csv skips a BOM before it reads a cell.
            let from = if offset == 0 && buf[..n].starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            scan.feed(&buf[from.min(upto)..upto]);
            if offset + upto as u64 == cut {
                clean = scan.outside_quotes();
            }
        }
        offset += n as u64;
    }
    let hex = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((hex, clean))
}

/// The outcome of one pass over (part of) a file.
pub struct Pass<T> {
    pub tally: T,
    pub diags: Diagnostics,
    /// The first line that is not UTF-8, when reading UTF-8 in auto mode
    /// (the file is then read again as GBK).
    pub not_utf8: Option<usize>,
    /// Footer rows (合计, 评分人：…) skipped.
    pub footers: usize,
}

/// How a pass reports a failure of the stream itself (not of a row).
pub fn stream_failure(
    file: &std::sync::Arc<str>,
    e: &csv::Error,
    auto: bool,
) -> (Location, Message) {
    let line = e.position().map_or(0, |p| p.line() as usize);
    if let csv::ErrorKind::Io(io) = e.kind() {
        if let Some(s) = io.get_ref().and_then(|x| x.downcast_ref::<StreamError>()) {
            return match s {
                StreamError::Gbk { line } => {
                    let what = if auto {
                        msg!("table-not-utf8-nor-gbk")
                    } else {
                        msg!("table-not-gbk")
                    };
                    (Location::new(file, *line), what)
                }
                StreamError::LongLine { line } => (
                    Location::new(file, *line),
                    msg!("table-line-too-long", mib = MAX_LINE >> 20),
                ),
            };
        }
        return (
            Location::new(file, line),
            msg!(
                "source-cannot-read-file",
                reason = crate::source::io_reason(io)
            ),
        );
    }
    (
        Location::new(file, line),
        msg!("table-cannot-read-row", detail = e.to_string()),
    )
}

#[cfg(test)]
mod tests {
    use super::QuoteScan;

    fn outside(text: &str, chunk: usize) -> bool {
        let mut scan = QuoteScan::default();
        for part in text.as_bytes().chunks(chunk) {
            scan.feed(part);
        }
        scan.outside_quotes()
    }

    #[test]
    fn quotes_are_followed_as_csv_reads_them() {
        for chunk in [1, 2, 3, 64] {
            assert!(outside("a,b\nc,d\n", chunk));
            assert!(!outside("a,\"b\nc", chunk), "open quoted cell");
            assert!(outside("a,\"b\nc\",d\n", chunk), "closed over two lines");
            assert!(
                outside("a 5\" screen,d\n", chunk),
                "a quote inside a cell is a character"
            );
            assert!(
                !outside("a 5\" x,\"line one\n", chunk),
                "a stray quote does not close the next cell"
            );
            assert!(
                !outside("x,\"say \"\"hi\"\"\n", chunk),
                "doubled quotes stay inside"
            );
            assert!(outside("x,\"say \"\"hi\"\"\",y\n", chunk));
            assert!(
                outside("\"a\"b,c\n", chunk),
                "characters after a closing quote"
            );
        }
    }
}
