//! Reading CSV as a stream: one pass, memory bounded by the longest row, the
//! second core used where a file is large enough to pay for it.
//!
//! Rows are cut by `Records`: a line without a quote at its commas, in place;
//! a line with one by csv-core, the csv crate's own parser.
//!
//! A large UTF-8 file is cut in two at a line end near its middle; one thread
//! parses the first half while another counts the newlines before the cut
//! (to know which line it is on) and then parses the second half. The digest
//! of the file is computed by a third pass (see `Table::open`) that the OS
//! schedules on whichever core is free; on the way it follows the quoting up
//! to the cut, to know the cut is outside any quoted cell. Each pass keeps its
//! own tally and diagnostics; they are joined in file order, so the result and
//! the errors are those of a single pass.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use crate::model::source::Location;
use crate::text::diag::Diagnostics;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

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

/// Why a decoded stream failed, carried through `io::Error`.
#[derive(Debug)]
pub enum StreamError {
    /// A byte sequence that is not GB18030, on this (1-based) line.
    Gbk { line: usize },
}

impl std::fmt::Display for StreamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let m = match self {
            StreamError::Gbk { line } => msg!("table-stream-gbk", line = line),
        };
        write!(f, "{m}")
    }
}

impl std::error::Error for StreamError {}

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

/// Opens the file as `decoding` from byte `start`, up to byte `end` if given.
pub fn open_at(
    path: &Path,
    start: u64,
    end: Option<u64>,
    decoding: Decoding,
) -> io::Result<Records<Box<dyn Read + Send>>> {
    let mut file = File::open(path)?;
    if start > 0 {
        file.seek(SeekFrom::Start(start))?;
    }
    let part = file.take(end.map_or(u64::MAX, |e| e.saturating_sub(start)));
    let input: Box<dyn Read + Send> = match decoding {
        Decoding::Utf8 => Box::new(part),
        Decoding::Gbk => Box::new(GbkReader::new(part)),
    };
    Ok(Records::new(input, start == 0))
}

/// Why reading records stopped.
#[derive(Debug)]
pub enum ReadError {
    /// The stream failed (an OS error, or a `StreamError` carried inside) on this line.
    Io { error: io::Error, line: usize },
    /// A record longer than `MAX_LINE`: the line where it ran over.
    LongLine { line: usize },
}

/// CSV records with their (1-based, physical) line, as the csv crate reads
/// them with records ending at LF: a line without a quote is split at its
/// commas here, which is all csv would do with it; a line with a quote is
/// handed to csv-core, which follows the quoting over as many lines as it
/// takes. Empty lines are skipped and counted. The CR of a CRLF line stays
/// in the last cell (cells are trimmed where they are read). Memory is
/// bounded: a record longer than `MAX_LINE` is an error.
pub struct Records<R> {
    input: R,
    buf: Vec<u8>,
    /// Unread bytes are `buf[start..end]`.
    start: usize,
    end: usize,
    eof: bool,
    /// A BOM is skipped when the stream starts at the start of the file.
    at_file_start: bool,
    /// The line of `buf[start]`.
    line: usize,
    /// Bytes handed out as records (or skipped) before `buf[start]`.
    consumed: u64,
    /// The cells of the record handed out: ranges of `buf` or of `out`.
    cells: Vec<(u32, u32)>,
    core: csv_core::Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
}

/// One record: its line and its cells, as written (quotes undone).
#[derive(Clone, Copy)]
pub struct Record<'a> {
    pub line: usize,
    data: &'a [u8],
    cells: &'a [(u32, u32)],
}

impl<'a> Record<'a> {
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// Whether the record has no cells.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<&'a [u8]> {
        let data = self.data;
        self.cells
            .get(i)
            .map(|&(a, b)| &data[a as usize..b as usize])
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &'a [u8]> + use<'a> {
        let data = self.data;
        self.cells
            .iter()
            .map(move |&(a, b)| &data[a as usize..b as usize])
    }
}

/// csv-core as the csv crate sets it up for us: records end at LF. It has
/// read one record already, so it does not take a BOM in the middle of the
/// file for one (csv drops a BOM only at the start of the file, which
/// `Records` does itself).
fn quoting_reader() -> csv_core::Reader {
    let mut core = csv_core::ReaderBuilder::new()
        .terminator(csv_core::Terminator::Any(b'\n'))
        .build();
    let _ = core.read_record(b"-\n", &mut [0; 4], &mut [0; 4]);
    core
}

/// What the read buffer starts at, and grows by.
const CHUNK: usize = 256 * 1024;

impl<R: Read> Records<R> {
    pub fn new(input: R, at_file_start: bool) -> Self {
        Records {
            input,
            buf: vec![0; CHUNK],
            start: 0,
            end: 0,
            eof: false,
            at_file_start,
            line: 1,
            consumed: 0,
            cells: Vec::with_capacity(16),
            core: quoting_reader(),
            out: vec![0; 1024],
            ends: vec![0; 16],
        }
    }

    /// The byte (from the start of the stream) where the next record starts.
    pub fn position(&self) -> u64 {
        self.consumed
    }

    /// Refuses a record of `len` bytes from `start` if it runs past `MAX_LINE`,
    /// naming the line where it does.
    fn bound(&self, len: usize) -> Result<(), ReadError> {
        if len <= MAX_LINE {
            return Ok(());
        }
        let upto = &self.buf[self.start..=self.start + MAX_LINE];
        Err(ReadError::LongLine {
            line: self.line + memchr::memchr_iter(b'\n', upto).count(),
        })
    }

    /// Reads more input after the unread bytes, moving them to the front
    /// (and growing the buffer when they fill it). `Ok(false)` at the end.
    fn fill(&mut self) -> Result<bool, ReadError> {
        self.bound(self.end - self.start)?;
        if self.eof {
            return Ok(false);
        }
        if self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        if self.end == self.buf.len() {
            self.buf.resize(self.buf.len() * 2, 0);
        }
        loop {
            match self.input.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(false);
                }
                Ok(n) => {
                    self.end += n;
                    if self.at_file_start {
                        const BOM: &[u8] = b"\xEF\xBB\xBF";
                        let head = &self.buf[..self.end];
                        if head.len() < BOM.len() && BOM.starts_with(head) {
                            continue; // too few bytes yet to tell
                        }
                        self.at_file_start = false;
                        if head.starts_with(BOM) {
                            self.start = BOM.len();
                            self.consumed += BOM.len() as u64;
                        }
                    }
                    return Ok(true);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => {
                    return Err(ReadError::Io {
                        error,
                        line: self.line,
                    });
                }
            }
        }
    }

    /// The next record, `None` at the end of the input.
    pub fn next_record(&mut self) -> Result<Option<Record<'_>>, ReadError> {
        let line = loop {
            // One scan for the line's end, its commas and any quote.
            let unread = &self.buf[self.start..self.end];
            self.cells.clear();
            let (mut from, mut end, mut quote) = (0, None, false);
            for p in memchr::memchr3_iter(b',', b'\n', b'"', unread) {
                match unread[p] {
                    b',' => {
                        self.cells
                            .push(((self.start + from) as u32, (self.start + p) as u32));
                        from = p + 1;
                    }
                    b'\n' => {
                        end = Some(p);
                        break;
                    }
                    _ => {
                        quote = true;
                        break;
                    }
                }
            }
            if quote {
                return self.quoted_record().map(Some);
            }
            let (len, next) = match end {
                Some(nl) => (nl, nl + 1),
                None if self.eof => (unread.len(), unread.len()),
                None => {
                    self.fill()?;
                    continue;
                }
            };
            if next == 0 {
                return Ok(None);
            }
            if len == 0 {
                // An empty line: no record, as csv reads it.
                self.start += 1;
                self.consumed += 1;
                self.line += 1;
                continue;
            }
            self.bound(len)?;
            self.cells
                .push(((self.start + from) as u32, (self.start + len) as u32));
            let line = self.line;
            self.start += next;
            self.consumed += next as u64;
            self.line += 1;
            break line;
        };
        Ok(Some(Record {
            line,
            data: &self.buf,
            cells: &self.cells,
        }))
    }

    /// A record with a quote in its first line, read by csv-core.
    fn quoted_record(&mut self) -> Result<Record<'_>, ReadError> {
        use csv_core::ReadRecordResult as R;
        let (mut read, mut nout, mut nend) = (0, 0, 0);
        loop {
            let input = &self.buf[self.start + read..self.end];
            let (result, i, o, e) =
                self.core
                    .read_record(input, &mut self.out[nout..], &mut self.ends[nend..]);
            read += i;
            nout += o;
            nend += e;
            match result {
                // More input; at the end, the empty input tells csv-core so.
                R::InputEmpty => {
                    self.fill()?;
                }
                R::OutputFull => self.out.resize(self.out.len() * 2, 0),
                R::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                R::Record | R::End => break,
            }
        }
        self.bound(read)?;
        let line = self.line;
        let taken = &self.buf[self.start..self.start + read];
        self.line += memchr::memchr_iter(b'\n', taken).count();
        self.start += read;
        self.consumed += read as u64;
        self.cells.clear();
        let mut from = 0;
        for &to in &self.ends[..nend] {
            self.cells.push((from as u32, to as u32));
            from = to;
        }
        Ok(Record {
            line,
            data: &self.out,
            cells: &self.cells,
        })
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
    e: &ReadError,
    auto: bool,
) -> (Location, Message) {
    match e {
        ReadError::LongLine { line } => (
            Location::new(file, *line),
            msg!("table-line-too-long", mib = MAX_LINE >> 20),
        ),
        ReadError::Io { error, line } => {
            match error
                .get_ref()
                .and_then(|x| x.downcast_ref::<StreamError>())
            {
                Some(StreamError::Gbk { line }) => {
                    let what = if auto {
                        msg!("table-not-utf8-nor-gbk")
                    } else {
                        msg!("table-not-gbk")
                    };
                    (Location::new(file, *line), what)
                }
                None => (
                    Location::new(file, *line),
                    crate::tables::file::cannot_read(error),
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{QuoteScan, ReadError, Records};
    use proptest::prelude::*;
    use std::io::Read;

    /// Hands out its bytes a few at a time, so records cross every refill.
    struct Trickle<'a> {
        data: &'a [u8],
        sizes: Vec<usize>,
        k: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let size = self.sizes[self.k % self.sizes.len()];
            self.k += 1;
            let n = size.min(out.len()).min(self.data.len());
            out[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    type Cells = Vec<Vec<u8>>;

    fn ours(data: &[u8], sizes: Vec<usize>) -> Result<Vec<(usize, Cells)>, String> {
        let mut records = Records::new(Trickle { data, sizes, k: 0 }, true);
        let mut all = Vec::new();
        loop {
            match records.next_record() {
                Ok(Some(r)) => all.push((r.line, r.iter().map(<[u8]>::to_vec).collect())),
                Ok(None) => return Ok(all),
                Err(ReadError::LongLine { line }) => return Err(format!("long line {line}")),
                Err(ReadError::Io { error, .. }) => return Err(error.to_string()),
            }
        }
    }

    /// The csv crate set up as `Records` claims to read: the reference.
    fn theirs(data: &[u8]) -> Vec<Cells> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(data);
        reader
            .byte_records()
            .map(|r| {
                r.expect("csv reads any bytes")
                    .iter()
                    .map(<[u8]>::to_vec)
                    .collect()
            })
            .collect()
    }

    /// A cell as a CSV writer writes it: quoted when it must be.
    fn written(cell: &[u8]) -> Vec<u8> {
        if cell.iter().any(|b| matches!(b, b',' | b'"' | b'\n')) || cell.is_empty() {
            let mut out = vec![b'"'];
            for &b in cell {
                out.push(b);
                if b == b'"' {
                    out.push(b'"');
                }
            }
            out.push(b'"');
            out
        } else {
            cell.to_vec()
        }
    }

    proptest! {
        /// Any bytes (quotes anywhere, open or stray, CR, empty lines):
        /// the same records and cells as the csv crate.
        #[test]
        fn records_are_those_csv_reads(
            data in proptest::collection::vec(
                prop_oneof![Just(b'a'), Just(b','), Just(b'"'), Just(b'\n'), Just(b'\r'), Just(b' '), Just(0xE5u8)],
                0..400,
            ),
            sizes in proptest::collection::vec(1usize..9, 1..5),
        ) {
            let ours: Vec<Cells> = ours(&data, sizes).unwrap().into_iter().map(|(_, c)| c).collect();
            prop_assert_eq!(ours, theirs(&data));
        }

        /// Records written by a CSV writer, empty lines between some:
        /// each comes back whole, on the line it was written on.
        #[test]
        fn records_come_back_on_their_lines(
            rows in proptest::collection::vec(
                (
                    proptest::collection::vec(
                        proptest::collection::vec(
                            prop_oneof![Just(b'x'), Just(b','), Just(b'"'), Just(b'\n'), Just(b' ')],
                            0..6,
                        ),
                        1..5,
                    ),
                    0usize..3,
                ),
                0..40,
            ),
            sizes in proptest::collection::vec(1usize..9, 1..5),
        ) {
            let mut data = Vec::new();
            let mut expected = Vec::new();
            let mut line = 1;
            for (cells, empty_before) in &rows {
                data.extend(std::iter::repeat_n(b'\n', *empty_before));
                line += empty_before;
                let start = data.len();
                for (k, cell) in cells.iter().enumerate() {
                    if k > 0 {
                        data.push(b',');
                    }
                    data.extend(written(cell));
                }
                data.push(b'\n');
                expected.push((line, cells.clone()));
                line += data[start..].iter().filter(|&&b| b == b'\n').count();
            }
            prop_assert_eq!(ours(&data, sizes).unwrap(), expected);
        }
    }

    #[test]
    fn a_bom_is_dropped_at_the_start_of_the_file_only() {
        let data = b"\xEF\xBB\xBFa,b\n\xEF\xBB\xBF\"c\",d\n";
        let read = ours(data, vec![1]).unwrap();
        assert_eq!(read[0], (1, vec![b"a".to_vec(), b"b".to_vec()]));
        assert_eq!(
            read[1],
            (2, vec![b"\xEF\xBB\xBF\"c\"".to_vec(), b"d".to_vec()])
        );
        assert_eq!(
            theirs(&data[3..]).into_iter().collect::<Vec<_>>(),
            read.into_iter().map(|(_, c)| c).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_record_past_the_bound_names_the_line_it_runs_over_on() {
        let mut data = b"a\n\"".to_vec();
        data.extend(b"x\n".repeat(super::MAX_LINE));
        assert_eq!(
            ours(&data, vec![4096]),
            Err(format!("long line {}", 2 + super::MAX_LINE / 2))
        );
        let mut data = b"a\n".to_vec();
        data.extend(std::iter::repeat_n(b'x', super::MAX_LINE + 1));
        data.push(b'\n');
        assert_eq!(ours(&data, vec![4096]), Err("long line 2".to_string()));
        data.pop();
        assert_eq!(ours(&data, vec![4096]), Err("long line 2".to_string()));
    }

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
