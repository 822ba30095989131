//! The package index: the zip's parts found as Excel finds them, the
//! relationships that lead from the package to the workbook, its sheets,
//! shared strings and styles, each part refused above its size.

use quick_xml::events::{BytesStart, Event};
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use super::rows::SheetRows;
use super::values::{Strings, cell_styles, shared_strings};
use super::xml::{EventGuard, attr, damaged, too_large, xml_damaged, xml_reader};
use super::{Book, MAX_PART, MAX_SHEET, MAX_STRINGS, SheetInfo, SheetRow, Sniffed};
use crate::text::i18n::Message;
use crate::text::i18n::msg;

impl Book {
    /// Opens the workbook at `path`; a file that is not a readable `.xlsx`
    /// is an error saying what it is and what to do.
    pub fn open(path: &Path, sniffed: Sniffed) -> Result<Book, Message> {
        if sniffed == Sniffed::Ole {
            return Err(ole_refusal(path));
        }
        let file = File::open(path).map_err(|e| crate::tables::file::cannot_read(&e))?;
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
            styles: Vec::new(),
            date1904: false,
        };
        book.read_index()?;
        Ok(book)
    }

    /// The entry named `part`, matched as Excel does: exactly, else
    /// ignoring case and with `\` read as `/`.
    pub(super) fn find(&self, part: &str) -> Option<usize> {
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
    pub(super) fn part(&mut self, part: &str, max: u64) -> Result<Option<Vec<u8>>, Message> {
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
            self.styles = cell_styles(&bytes)?;
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
            styles,
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
            styles,
            date1904: *date1904,
            buf: Vec::new(),
            text_buf: Vec::new(),
            row: SheetRow::default(),
            in_data: false,
            last_row: 0,
            done: false,
            given: None,
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

pub(super) struct Relationship {
    pub(super) id: String,
    pub(super) kind: String,
    pub(super) target: String,
}

pub(super) fn relationships(xml: &[u8]) -> Result<Vec<Relationship>, Message> {
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
pub(super) fn resolve(dir: &str, target: &str) -> String {
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
