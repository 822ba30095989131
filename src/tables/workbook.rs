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

use quick_xml::events::{BytesStart, Event};
use rust_decimal::Decimal;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use std::sync::Arc;

use crate::text::i18n::Message;
use crate::text::i18n::msg;

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

/// What a cell holds, besides its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellKind {
    Text,
    /// A number, its text at 15 significant digits (`0.525`, `8`).
    Number,
    /// A date-formatted number or a date cell, its text `YYYY-MM-DD`.
    Date,
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
    /// Per cell style (`s`): whether its number format shows a date.
    date_styles: Vec<bool>,
    date1904: bool,
}

/// The shared strings, in one buffer.
#[derive(Default)]
struct Strings {
    text: String,
    ends: Vec<u32>,
}

impl Strings {
    fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..end)
    }
}

impl Book {
    /// Opens the workbook at `path`; a file that is not a readable `.xlsx`
    /// is an error saying what it is and what to do.
    pub fn open(path: &Path, sniffed: Sniffed) -> Result<Book, Message> {
        if sniffed == Sniffed::Ole {
            return Err(ole_refusal(path));
        }
        let file = File::open(path).map_err(|e| {
            msg!(
                "source-cannot-read-file",
                reason = crate::tables::file::io_reason(&e)
            )
        })?;
        let zip = zip::ZipArchive::new(BufReader::new(file)).map_err(damaged)?;
        let names: Vec<String> = zip
            .file_names()
            .map(|n| n.map(|n| n.into_owned()).unwrap_or_default())
            .collect();
        let mut book = Book {
            zip,
            names,
            sheets: Vec::new(),
            strings_part: None,
            strings: None,
            date_styles: Vec::new(),
            date1904: false,
        };
        book.read_index()?;
        Ok(book)
    }

    /// The entry named `part`, matched as Excel does: exactly, else
    /// ignoring case and with `\` read as `/`.
    fn find(&self, part: &str) -> Option<usize> {
        let part = part.trim_start_matches('/');
        self.names.iter().position(|n| n == part).or_else(|| {
            self.names.iter().position(|n| {
                n.replace('\\', "/")
                    .trim_start_matches('/')
                    .eq_ignore_ascii_case(part)
            })
        })
    }

    /// A whole part, refused above `max` bytes unpacked.
    fn part(&mut self, part: &str, max: u64) -> Result<Option<Vec<u8>>, Message> {
        let Some(i) = self.find(part) else {
            return Ok(None);
        };
        let mut entry = self.zip.by_index(i).map_err(damaged)?;
        if entry.size() > max {
            return Err(too_large(part, entry.size(), max));
        }
        let mut bytes = Vec::with_capacity(entry.size() as usize);
        entry
            .by_ref()
            .take(max + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| damaged(e.to_string()))?;
        if bytes.len() as u64 > max {
            return Err(too_large(part, bytes.len() as u64, max));
        }
        Ok(Some(bytes))
    }

    /// Reads the package's relationships, the workbook's list of sheets,
    /// its relationships and its styles.
    fn read_index(&mut self) -> Result<(), Message> {
        let mut workbook = "xl/workbook.xml".to_string();
        if let Some(rels) = self.part("_rels/.rels", MAX_PART)? {
            for r in relationships(&rels)? {
                if r.kind.ends_with("/officeDocument") {
                    workbook = resolve("", &r.target);
                }
            }
        }
        if workbook.ends_with(".bin") && self.find(&workbook).is_some() {
            return Err(msg!("workbook-xlsb"));
        }
        let Some(xml) = self.part(&workbook, MAX_PART)? else {
            let ods = self
                .part("mimetype", 256)
                .ok()
                .flatten()
                .is_some_and(|m| m.starts_with(b"application/vnd.oasis.opendocument"));
            return Err(if ods {
                msg!("workbook-ods")
            } else {
                msg!("workbook-not-excel")
            });
        };
        let (dir, file) = match workbook.rsplit_once('/') {
            Some((d, f)) => (format!("{d}/"), f.to_string()),
            None => (String::new(), workbook.clone()),
        };
        let rels = match self.part(&format!("{dir}_rels/{file}.rels"), MAX_PART)? {
            Some(bytes) => relationships(&bytes)?,
            None => Vec::new(),
        };
        let mut styles = None;
        for r in &rels {
            if r.kind.ends_with("/sharedStrings") {
                self.strings_part = Some(resolve(&dir, &r.target));
            } else if r.kind.ends_with("/styles") {
                styles = Some(resolve(&dir, &r.target));
            }
        }
        let mut reader = xml_reader(&xml[..]);
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match reader.read_event_into(&mut buf).map_err(xml_damaged)? {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "workbookPr" => {
                        self.date1904 = attr(&e, "date1904")?
                            .is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"));
                    }
                    "sheet" => {
                        let name = attr(&e, "name")?.unwrap_or_default();
                        let hidden = attr(&e, "state")?.is_some_and(|s| s != "visible");
                        let id = rel_id(&e)?;
                        let part = id
                            .and_then(|id| rels.iter().find(|r| r.id == id))
                            .filter(|r| r.kind.ends_with("/worksheet"))
                            .map(|r| resolve(&dir, &r.target));
                        self.sheets.push(SheetInfo { name, hidden, part });
                    }
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        if let Some(styles) = styles
            && let Some(bytes) = self.part(&styles, MAX_PART)?
        {
            self.date_styles = date_styles(&bytes)?;
        }
        Ok(())
    }

    /// The rows of sheet `index`, as a stream.
    pub fn rows(&mut self, index: usize) -> Result<SheetRows<'_>, Message> {
        if self.strings.is_none() {
            let strings = match self.strings_part.clone() {
                Some(part) => match self.part(&part, MAX_STRINGS)? {
                    Some(bytes) => shared_strings(&bytes)?,
                    None => Strings::default(),
                },
                None => Strings::default(),
            };
            self.strings = Some(strings);
        }
        let Some(part) = self.sheets.get(index).and_then(|s| s.part.clone()) else {
            return Ok(SheetRows::empty(self));
        };
        let Some(i) = self.find(&part) else {
            return Err(msg!("workbook-part-missing", part = part));
        };
        let Book {
            zip,
            strings,
            date_styles,
            date1904,
            ..
        } = self;
        let entry = zip.by_index(i).map_err(damaged)?;
        if entry.size() > MAX_SHEET {
            return Err(too_large(&part, entry.size(), MAX_SHEET));
        }
        let reader: Box<dyn Read + '_> = Box::new(EventGuard::new(entry));
        Ok(SheetRows {
            xml: Some(xml_reader(BufReader::with_capacity(64 << 10, reader))),
            strings: strings.as_ref(),
            date_styles,
            date1904: *date1904,
            buf: Vec::new(),
            text_buf: Vec::new(),
            row: SheetRow::default(),
            in_data: false,
            last_row: 0,
            done: false,
        })
    }
}

/// An Excel 97-2003 or WPS workbook, or an encrypted one (an `.xlsx` with a
/// password is saved as an OLE file holding an `EncryptedPackage`).
fn ole_refusal(path: &Path) -> Message {
    let needle: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let mut found = false;
    if let Ok(file) = File::open(path) {
        // The directory sits anywhere; 64 MiB covers every real workbook.
        let mut bytes = Vec::new();
        if file.take(64 << 20).read_to_end(&mut bytes).is_ok() {
            found = bytes.windows(needle.len()).any(|w| w == needle.as_slice());
        }
    }
    if found {
        msg!("workbook-encrypted")
    } else {
        msg!("workbook-old-format")
    }
}

fn damaged(e: impl ToString) -> Message {
    msg!("workbook-damaged", detail = e.to_string())
}

/// The XML ends before what it opened is closed.
fn cut_short() -> Message {
    msg!("workbook-damaged", detail = msg!("workbook-cut-short"))
}

fn xml_damaged(e: quick_xml::Error) -> Message {
    damaged(e)
}

fn too_large(part: &str, size: u64, max: u64) -> Message {
    msg!(
        "workbook-part-too-large",
        part = part,
        mib = (size >> 20).max(1),
        max = max >> 20
    )
}

fn xml_reader<R: std::io::BufRead>(input: R) -> quick_xml::Reader<R> {
    let mut reader = quick_xml::Reader::from_reader(input);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    reader
}

/// An attribute's value by its local name (`r:id` is found as `id` only by
/// `rel_id`), predefined entities resolved.
fn attr(e: &BytesStart, name: &str) -> Result<Option<String>, Message> {
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|e| damaged(e.to_string()))?;
        if a.key.as_ref() == name {
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(xml_damaged)?;
            return Ok(Some(v.into_owned()));
        }
    }
    Ok(None)
}

/// The `r:id` of a sheet, whatever the prefix of the relationships namespace.
fn rel_id(e: &BytesStart) -> Result<Option<String>, Message> {
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|e| damaged(e.to_string()))?;
        let key = a.key.as_ref();
        if key.ends_with(":id") {
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(xml_damaged)?;
            return Ok(Some(v.into_owned()));
        }
    }
    Ok(None)
}

struct Relationship {
    id: String,
    kind: String,
    target: String,
}

fn relationships(xml: &[u8]) -> Result<Vec<Relationship>, Message> {
    let mut reader = xml_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(xml_damaged)? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                if attr(&e, "TargetMode")?.is_some_and(|m| m == "External") {
                    continue;
                }
                out.push(Relationship {
                    id: attr(&e, "Id")?.unwrap_or_default(),
                    kind: attr(&e, "Type")?.unwrap_or_default(),
                    target: attr(&e, "Target")?.unwrap_or_default(),
                });
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
    }
}

/// A relationship's target as an entry name: absolute (`/xl/…`) or
/// relative to `dir`, with `..` resolved.
fn resolve(dir: &str, target: &str) -> String {
    let target = target.replace('\\', "/");
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("{dir}{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// Text of an element up to its end, entity and character references
/// resolved; more than `MAX_ROW_TEXT` is an error.
fn read_text<R: std::io::BufRead>(
    reader: &mut quick_xml::Reader<R>,
    buf: &mut Vec<u8>,
    end: &str,
    out: &mut String,
) -> Result<(), Message> {
    let mut depth = 0usize;
    loop {
        buf.clear();
        match reader.read_event_into(buf).map_err(xml_damaged)? {
            Event::Text(t) => push_limited(out, &t.xml10_content())?,
            Event::CData(t) => push_limited(out, &t)?,
            Event::GeneralRef(r) => {
                let c = entity(&r)?;
                push_limited(out, c.encode_utf8(&mut [0; 4]))?
            }
            Event::Start(e) => {
                // Phonetic guides (rPh) are not part of the text.
                if e.local_name().as_ref() == "rPh" {
                    skip(reader, buf, "rPh")?;
                } else {
                    depth += 1;
                }
            }
            Event::End(e) => {
                if depth == 0 && e.local_name().as_ref() == end {
                    return Ok(());
                }
                depth = depth.saturating_sub(1);
            }
            Event::Eof => return Err(cut_short()),
            _ => {}
        }
    }
}

fn skip<R: std::io::BufRead>(
    reader: &mut quick_xml::Reader<R>,
    buf: &mut Vec<u8>,
    end: &str,
) -> Result<(), Message> {
    let mut depth = 0usize;
    loop {
        buf.clear();
        match reader.read_event_into(buf).map_err(xml_damaged)? {
            Event::Start(_) => depth += 1,
            Event::End(e) => {
                if depth == 0 && e.local_name().as_ref() == end {
                    return Ok(());
                }
                depth = depth.saturating_sub(1);
            }
            Event::Eof => return Err(cut_short()),
            _ => {}
        }
    }
}

fn push_limited(out: &mut String, text: &str) -> Result<(), Message> {
    if out.len() + text.len() > MAX_ROW_TEXT {
        return Err(msg!("workbook-text-too-long", mib = MAX_ROW_TEXT >> 20));
    }
    out.push_str(text);
    Ok(())
}

/// A reference `&name;`: the five of XML and character references only.
fn entity(r: &quick_xml::events::BytesRef) -> Result<char, Message> {
    if let Some(c) = r.resolve_char_ref().map_err(xml_damaged)? {
        return Ok(c);
    }
    Ok(match &**r {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        other => {
            let name: String = other.chars().take(40).collect();
            return Err(msg!("workbook-entity", name = name));
        }
    })
}

fn shared_strings(xml: &[u8]) -> Result<Strings, Message> {
    let mut reader = xml_reader(xml);
    let mut buf = Vec::new();
    let mut strings = Strings::default();
    let mut one = String::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(xml_damaged)? {
            Event::Start(e) if e.local_name().as_ref() == "si" => {
                one.clear();
                read_text(&mut reader, &mut Vec::new(), "si", &mut one)?;
                strings.text.push_str(&one);
                let end = u32::try_from(strings.text.len()).map_err(|_| {
                    too_large("sharedStrings.xml", strings.text.len() as u64, MAX_STRINGS)
                })?;
                strings.ends.push(end);
            }
            Event::Empty(e) if e.local_name().as_ref() == "si" => {
                strings.ends.push(strings.text.len() as u32);
            }
            Event::Eof => return Ok(strings),
            _ => {}
        }
    }
}

/// For each cell style (`cellXfs`), whether its number format shows a date.
fn date_styles(xml: &[u8]) -> Result<Vec<bool>, Message> {
    let mut reader = xml_reader(xml);
    let mut buf = Vec::new();
    let mut custom: Vec<(u32, bool)> = Vec::new();
    let mut formats: Vec<u32> = Vec::new();
    let mut in_xfs = false;
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf).map_err(xml_damaged)? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "numFmt" => {
                    let id = attr(&e, "numFmtId")?.and_then(|v| v.parse().ok());
                    let code = attr(&e, "formatCode")?.unwrap_or_default();
                    if let Some(id) = id {
                        custom.push((id, is_date_format(&code)));
                    }
                }
                "cellXfs" => in_xfs = true,
                "xf" if in_xfs => {
                    let id = attr(&e, "numFmtId")?
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    formats.push(id);
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "cellXfs" => in_xfs = false,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(formats
        .into_iter()
        .map(|id| match custom.iter().find(|(c, _)| *c == id) {
            Some((_, date)) => *date,
            None => builtin_date(id),
        })
        .collect())
}

/// Excel's built-in number formats that show a date or time (with the
/// Chinese ones, 27-36 and 50-58).
fn builtin_date(id: u32) -> bool {
    matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58)
}

/// Whether a format code shows a date or time: a `y`, `m`, `d`, `h` or `s`
/// outside quotes, brackets and escapes (`yyyy"年"m"月"d"日"`, not `0.0"分"`).
pub fn is_date_format(code: &str) -> bool {
    let mut chars = code.chars();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                // [h]:mm is elapsed time; [Red], [$-804] are not dates.
                let inner: String = chars.by_ref().take_while(|&c| c != ']').collect();
                let lower = inner.to_ascii_lowercase();
                if !lower.is_empty() && lower.chars().all(|c| matches!(c, 'h' | 'm' | 's')) {
                    return true;
                }
            }
            ';' => return false,
            'y' | 'Y' | 'm' | 'M' | 'd' | 'D' | 'h' | 'H' | 's' | 'S' | 'e' => {
                // `General` has e, r, a, l: only the date letters count.
                if c == 'e' {
                    continue;
                }
                return true;
            }
            'G' | 'g' => {
                // General
                let rest: String = chars.by_ref().take(6).collect();
                if !rest.eq_ignore_ascii_case("eneral") {
                    return false;
                }
            }
            _ => {}
        }
    }
    false
}

/// Refuses a stream that runs more than `MAX_EVENT` bytes without a `<`:
/// no XML event (a text, a tag) can then grow quick-xml's buffer past it.
struct EventGuard<R> {
    inner: R,
    since: usize,
}

impl<R> EventGuard<R> {
    fn new(inner: R) -> Self {
        EventGuard { inner, since: 0 }
    }
}

impl<R: Read> Read for EventGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        match memchr::memrchr(b'<', &buf[..n]) {
            Some(p) => self.since = n - p - 1,
            None => self.since += n,
        }
        if self.since > MAX_EVENT {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                crate::text::i18n::tr!("workbook-no-markup", mib = MAX_EVENT >> 20),
            ));
        }
        Ok(n)
    }
}

/// A merged range: 1-based (column, row) of its first and last cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merged {
    pub first: (usize, usize),
    pub last: (usize, usize),
}

/// The rows of one sheet, read as a stream.
pub struct SheetRows<'b> {
    xml: Option<quick_xml::Reader<BufReader<Box<dyn Read + 'b>>>>,
    strings: Option<&'b Strings>,
    date_styles: &'b [bool],
    date1904: bool,
    buf: Vec<u8>,
    text_buf: Vec<u8>,
    row: SheetRow,
    in_data: bool,
    last_row: usize,
    done: bool,
}

impl SheetRows<'static> {
    /// No rows at all.
    pub fn none() -> Self {
        SheetRows {
            xml: None,
            strings: None,
            date_styles: &[],
            date1904: false,
            buf: Vec::new(),
            text_buf: Vec::new(),
            row: SheetRow::default(),
            in_data: false,
            last_row: 0,
            done: true,
        }
    }
}

impl<'b> SheetRows<'b> {
    fn empty(book: &'b Book) -> Self {
        SheetRows {
            xml: None,
            strings: book.strings.as_ref(),
            date_styles: &book.date_styles,
            date1904: book.date1904,
            buf: Vec::new(),
            text_buf: Vec::new(),
            row: SheetRow::default(),
            in_data: false,
            last_row: 0,
            done: true,
        }
    }

    /// The next row holding at least one cell, or `None` at the end of the
    /// sheet. After an error the sheet is not read further.
    pub fn next_row(&mut self) -> Result<Option<&SheetRow>, SheetError> {
        if self.done {
            return Ok(None);
        }
        match self.read_row() {
            Ok(true) => Ok(Some(&self.row)),
            Ok(false) => {
                self.done = true;
                Ok(None)
            }
            Err(e) => {
                self.done = true;
                Err(e)
            }
        }
    }

    /// The merged ranges of the sheet (`<mergeCell ref="A2:A5"/>`, after
    /// its rows), each as 1-based (column, row) of its first and last cell.
    /// Read after the rows; at most [`MAX_MERGED`].
    pub fn merged(&mut self) -> Result<Vec<Merged>, SheetError> {
        let mut out = Vec::new();
        while let Some(xml) = self.xml.as_mut() {
            self.buf.clear();
            let found = match xml.read_event_into(&mut self.buf) {
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "mergeCell" => {
                    attr(&e, "ref").map(Some)
                }
                Ok(Event::Eof) => break,
                Ok(_) => Ok(None),
                Err(e) => Err(xml_damaged(e)),
            };
            let found = found.map_err(|m| self.fail(None, m))?;
            let Some(reference) = found.flatten() else {
                continue;
            };
            let range = reference.split_once(':').map_or_else(
                || parse_reference(&reference).map(|a| (a, a)),
                |(a, b)| Some((parse_reference(a)?, parse_reference(b)?)),
            );
            match range {
                Some((first, last)) if first.0 <= last.0 && first.1 <= last.1 => {
                    out.push(Merged { first, last })
                }
                _ => {
                    let m = msg!("workbook-bad-reference", reference = reference.as_str());
                    return Err(self.fail(None, m));
                }
            }
            if out.len() > MAX_MERGED {
                let m = msg!("workbook-too-many-merged", max = MAX_MERGED);
                return Err(self.fail(None, m));
            }
        }
        self.xml = None;
        Ok(out)
    }

    fn fail(&self, column: Option<usize>, message: Message) -> SheetError {
        SheetError {
            row: self.row.number.max(self.last_row),
            column,
            message,
        }
    }

    /// Reads up to the next row with cells; `false` at the end of the data.
    fn read_row(&mut self) -> Result<bool, SheetError> {
        loop {
            let Some(xml) = self.xml.as_mut() else {
                return Ok(false);
            };
            self.buf.clear();
            // What the event says, taken out of it before acting on it (the
            // event borrows the buffer).
            let step = match xml.read_event_into(&mut self.buf) {
                Ok(Event::Start(e)) => match e.local_name().as_ref() {
                    "sheetData" => Step::DataStart,
                    "row" if self.in_data => Step::Row(attr(&e, "r"), false),
                    _ => Step::Other,
                },
                Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                    "sheetData" if !self.in_data => Step::DataEnd,
                    "row" if self.in_data => Step::Row(attr(&e, "r"), true),
                    _ => Step::Other,
                },
                Ok(Event::End(e)) if e.local_name().as_ref() == "sheetData" => Step::DataEnd,
                Ok(Event::GeneralRef(r)) => Step::Entity(entity(&r).err()),
                Ok(Event::Eof) => Step::Eof,
                Ok(_) => Step::Other,
                Err(e) => Step::Failed(xml_damaged(e)),
            };
            match step {
                Step::DataStart => self.in_data = true,
                Step::DataEnd => return Ok(false),
                Step::Row(r, empty) => {
                    let r = r.map_err(|m| self.fail(None, m))?;
                    self.start_row(r)?;
                    if !empty && self.read_cells()? {
                        return Ok(true);
                    }
                }
                Step::Entity(Some(m)) | Step::Failed(m) => return Err(self.fail(None, m)),
                Step::Eof if self.in_data => return Err(self.fail(None, cut_short())),
                Step::Eof => return Ok(false),
                _ => {}
            }
        }
    }

    fn start_row(&mut self, r: Option<String>) -> Result<(), SheetError> {
        let number = match r {
            Some(r) => match r.trim().parse::<usize>() {
                Ok(n) if (1..=MAX_ROWS).contains(&n) => n,
                _ => return Err(self.fail(None, msg!("workbook-bad-reference", reference = r))),
            },
            None => self.last_row + 1,
        };
        if number <= self.last_row || number > MAX_ROWS {
            return Err(self.fail(
                None,
                msg!("workbook-out-of-order", reference = number.to_string()),
            ));
        }
        self.last_row = number;
        self.row.number = number;
        self.row.cells.clear();
        Ok(())
    }

    /// Reads the cells of the row just started, up to `</row>`; whether it has any.
    fn read_cells(&mut self) -> Result<bool, SheetError> {
        let mut text_len = 0usize;
        loop {
            let Some(xml) = self.xml.as_mut() else {
                return Ok(false);
            };
            self.buf.clear();
            let step = match xml.read_event_into(&mut self.buf) {
                Ok(Event::Start(e)) if e.local_name().as_ref() == "c" => {
                    Step::Cell(cell_attrs(&e), false)
                }
                Ok(Event::Empty(e)) if e.local_name().as_ref() == "c" => {
                    Step::Cell(cell_attrs(&e), true)
                }
                Ok(Event::End(e)) if e.local_name().as_ref() == "row" => Step::RowEnd,
                Ok(Event::Eof) => Step::Eof,
                Ok(_) => Step::Other,
                Err(e) => Step::Failed(xml_damaged(e)),
            };
            match step {
                Step::Cell(attrs, empty) => {
                    let attrs = attrs.map_err(|m| self.fail(None, m))?;
                    let cell = self.read_cell(attrs, empty)?;
                    text_len += cell.text.len();
                    self.push(cell, text_len)?;
                }
                Step::RowEnd => return Ok(!self.row.cells.is_empty()),
                Step::Eof => return Err(self.fail(None, cut_short())),
                Step::Failed(m) => return Err(self.fail(None, m)),
                _ => {}
            }
        }
    }

    fn push(&mut self, cell: SheetCell, text_len: usize) -> Result<(), SheetError> {
        if text_len > MAX_ROW_TEXT {
            return Err(self.fail(
                Some(cell.column),
                msg!("workbook-text-too-long", mib = MAX_ROW_TEXT >> 20),
            ));
        }
        self.row.cells.push(cell);
        Ok(())
    }

    /// One `<c>`: its place (checked), type and value.
    fn read_cell(&mut self, attrs: CellAttrs, empty: bool) -> Result<SheetCell, SheetError> {
        let previous = self.row.cells.last().map_or(0, |c| c.column);
        let column = match &attrs.r {
            Some(r) => match parse_reference(r) {
                Some((col, row)) if row == self.row.number && col > previous => col,
                Some(_) => {
                    return Err(self.fail(
                        Some(previous + 1),
                        msg!("workbook-out-of-order", reference = r.as_str()),
                    ));
                }
                None => {
                    return Err(self.fail(
                        Some(previous + 1),
                        msg!("workbook-bad-reference", reference = r.as_str()),
                    ));
                }
            },
            None if previous < MAX_COLUMNS => previous + 1,
            None => {
                return Err(self.fail(None, msg!("workbook-bad-reference", reference = "XFD+1")));
            }
        };
        let style: usize = attrs.s.as_deref().and_then(|s| s.parse().ok()).unwrap_or(0);
        let mut value: Option<String> = None;
        let mut inline: Option<String> = None;
        let mut formula = false;
        while let (false, Some(xml)) = (empty, self.xml.as_mut()) {
            self.buf.clear();
            let step = match xml.read_event_into(&mut self.buf) {
                Ok(Event::Start(e)) => match e.local_name().as_ref() {
                    "v" => Step::Value,
                    "is" => Step::Inline,
                    "f" => Step::Formula(false),
                    other => Step::Skip(other.to_string()),
                },
                Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                    "f" => Step::Formula(true),
                    "v" => Step::EmptyValue,
                    _ => Step::Other,
                },
                Ok(Event::End(e)) if e.local_name().as_ref() == "c" => Step::CellEnd,
                Ok(Event::Eof) => Step::Eof,
                Ok(_) => Step::Other,
                Err(e) => Step::Failed(xml_damaged(e)),
            };
            let read = match step {
                Step::Value => {
                    let mut s = String::new();
                    let r = read_text(xml, &mut self.text_buf, "v", &mut s);
                    value = Some(s);
                    r
                }
                Step::Inline => {
                    let mut s = String::new();
                    let r = read_text(xml, &mut self.text_buf, "is", &mut s);
                    inline = Some(s);
                    r
                }
                Step::Formula(closed) => {
                    formula = true;
                    if closed {
                        Ok(())
                    } else {
                        skip(xml, &mut self.text_buf, "f")
                    }
                }
                Step::Skip(name) => skip(xml, &mut self.text_buf, &name),
                Step::EmptyValue => {
                    value = Some(String::new());
                    Ok(())
                }
                Step::CellEnd => break,
                Step::Eof => Err(cut_short()),
                Step::Failed(m) => Err(m),
                _ => Ok(()),
            };
            read.map_err(|m| self.fail(Some(column), m))?;
        }
        let (text, kind) = self.value(attrs.t.as_deref(), style, value, inline, formula);
        Ok(SheetCell { column, text, kind })
    }

    /// A cell's text and kind from its type, style and saved value.
    fn value(
        &self,
        t: Option<&str>,
        style: usize,
        value: Option<String>,
        inline: Option<String>,
        formula: bool,
    ) -> (String, CellKind) {
        if let Some(s) = inline {
            return (s, CellKind::Text);
        }
        let Some(v) = value else {
            return if formula {
                (String::new(), CellKind::NoValue)
            } else {
                (String::new(), CellKind::Text)
            };
        };
        match t.unwrap_or("n") {
            "s" => {
                let found = v
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| self.strings.and_then(|s| s.get(i)));
                match found {
                    Some(s) => (s.to_string(), CellKind::Text),
                    None => (
                        crate::text::i18n::tr!("workbook-no-shared-string", index = v.trim()),
                        CellKind::Damaged,
                    ),
                }
            }
            "str" | "inlineStr" => (v, CellKind::Text),
            "b" => {
                let t = if v.trim() == "1" { "TRUE" } else { "FALSE" };
                (t.to_string(), CellKind::Bool)
            }
            "e" => (v, CellKind::Error),
            "d" => {
                let date = v
                    .get(..10)
                    .filter(|d| crate::date::Date::parse(d).is_some());
                match date {
                    Some(d) => (d.to_string(), CellKind::Date),
                    None => (v, CellKind::Text),
                }
            }
            "n" if v.trim().is_empty() => {
                if formula {
                    (String::new(), CellKind::NoValue)
                } else {
                    (String::new(), CellKind::Text)
                }
            }
            "n" => match v.trim().parse::<f64>() {
                Ok(f) if f.is_finite() => {
                    if self.date_styles.get(style).copied().unwrap_or(false)
                        && let Some(d) = serial_date(f, self.date1904)
                    {
                        return (d, CellKind::Date);
                    }
                    (stored_number_text(v.trim(), f), CellKind::Number)
                }
                _ => (
                    crate::text::i18n::tr!("workbook-not-a-number", value = v.trim()),
                    CellKind::Damaged,
                ),
            },
            other => (
                crate::text::i18n::tr!("workbook-unknown-type", kind = other),
                CellKind::Damaged,
            ),
        }
    }
}

/// What one XML event of a sheet says, taken out of the event (which
/// borrows the reading buffer) before the reader acts on it.
enum Step {
    DataStart,
    DataEnd,
    Row(Result<Option<String>, Message>, bool),
    RowEnd,
    Cell(Result<CellAttrs, Message>, bool),
    CellEnd,
    Value,
    EmptyValue,
    Inline,
    /// A formula; `true` when its element closed itself.
    Formula(bool),
    Skip(String),
    Entity(Option<Message>),
    Failed(Message),
    Eof,
    Other,
}

/// A `<c>`'s reference, type and style.
struct CellAttrs {
    r: Option<String>,
    t: Option<String>,
    s: Option<String>,
}

fn cell_attrs(e: &BytesStart) -> Result<CellAttrs, Message> {
    let mut attrs = CellAttrs {
        r: None,
        t: None,
        s: None,
    };
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|e| damaged(e.to_string()))?;
        let slot = match a.key.as_ref() {
            "r" => &mut attrs.r,
            "t" => &mut attrs.t,
            "s" => &mut attrs.s,
            _ => continue,
        };
        let v = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(xml_damaged)?;
        *slot = Some(v.into_owned());
    }
    Ok(attrs)
}

/// `D5` as (4, 5): column letters (1 to 3, up to XFD) then a row number
/// (1 to 1048576); anything else is `None`.
pub fn parse_reference(r: &str) -> Option<(usize, usize)> {
    let b = r.trim().as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if !(1..=3).contains(&letters) {
        return None;
    }
    let digits = &b[letters..];
    if digits.is_empty() || digits.len() > 7 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let col = b[..letters].iter().fold(0usize, |acc, c| {
        acc * 26 + usize::from(c.to_ascii_uppercase() - b'A') + 1
    });
    let row = digits
        .iter()
        .fold(0usize, |acc, d| acc * 10 + usize::from(d - b'0'));
    ((1..=MAX_COLUMNS).contains(&col) && (1..=MAX_ROWS).contains(&row)).then_some((col, row))
}

/// A number as Excel and WPS show it: 15 significant digits, then the
/// shortest decimal (`0.5249999999999999` -> `0.525`, `8.000000000000002` -> `8`).
/// `number_text` of the number stored as `v`: a plain decimal of at most 15
/// digits, as Excel stores most numbers, is its own 15-digit rounding (any
/// decimal of 15 digits or fewer survives the trip through a double), so it
/// is read as written, without formatting the double.
fn stored_number_text(v: &str, f: f64) -> String {
    let digits = v.bytes().filter(u8::is_ascii_digit).count();
    match crate::num::short_plain(v.as_bytes()) {
        Some(d) if digits <= 15 => crate::num::plain(d),
        _ => number_text(f),
    }
}

pub fn number_text(f: f64) -> String {
    let rounded = format!("{f:.14e}");
    match Decimal::from_scientific(&rounded) {
        Ok(d) => crate::num::plain(d),
        // Beyond what a decimal holds (1e30, 1e-30): its shortest text.
        Err(_) => format!("{f}"),
    }
}

/// A date serial as `YYYY-MM-DD`, the time of day dropped; `None` for a
/// serial no calendar has (negative, or beyond year 9999).
fn serial_date(serial: f64, date1904: bool) -> Option<String> {
    if !(0.0..3_000_000.0).contains(&serial) {
        return None;
    }
    let mut days = serial.floor() as i64;
    // Excel's 1900 system counts a 29 February 1900 that never was.
    let epoch = if date1904 {
        days_from_civil(1904, 1, 1)
    } else {
        if days == 60 {
            return None;
        }
        if days < 60 {
            days += 1;
        }
        days_from_civil(1899, 12, 30)
    };
    let (y, m, d) = civil_from_days(epoch + days);
    (1..=9999)
        .contains(&y)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// How locations name a sheet: `path[sheet]`.
pub fn label(file: &Arc<str>, sheet: &str) -> Arc<str> {
    Arc::from(format!("{file}[{sheet}]"))
}

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
