//! The tables of a Word document (`.docx`): a results notice read for its
//! tables, each as rows of text cells, as a sheet's rows are read.
//!
//! A `.docx` is the same kind of package as an `.xlsx`, and is read with the
//! same parts and within the same bounds: the zip opened as a workbook's,
//! its main part (`word/document.xml`, found through the package's
//! relationships) refused above `MAX_DOCUMENT` unpacked and streamed through
//! the same event guard (no XML event longer than `MAX_EVENT`), only the
//! predefined entities and character references, at most `MAX_ROW_TEXT` of
//! text in one table row, and the part read to its end so that the zip's
//! checksum of it is checked. The rows kept are bounded too: at most
//! `MAX_CELLS` cells in all, `MAX_ROWS` rows in a table, `MAX_COLUMNS`
//! columns, tables nested at most `MAX_NESTING` deep.
//!
//! Each `<w:tbl>` is a table, numbered in document order (a table inside a
//! cell is a table of its own, and its text is not the cell's). A row's
//! cells are placed on the table's grid: `w:gridBefore` skips columns and a
//! cell spanning columns (`w:gridSpan`) holds the first of them; a cell
//! that continues a vertical merge (`w:vMerge`) reads as the cell it
//! continues (a grade merged over the rows of its units). A cell's
//! paragraphs run on into one text, a line break (`w:br`) is a new line;
//! deleted text (`w:delText`) is not read, nor the fallback copy of
//! alternate content.

use quick_xml::events::{BytesStart, Event};
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use std::sync::Arc;

use super::package::{relationships, resolve};
use super::xml::{EventGuard, entity, read_text, skip, xml_damaged, xml_reader};
use super::{Book, CellKind, MAX_COLUMNS, MAX_PART, MAX_ROW_TEXT, MAX_ROWS, SheetCell, SheetRow};
use crate::text::i18n::{Message, msg, tr};

/// The document's main part, streamed: a notice of a hundred pages is a
/// few MiB.
pub const MAX_DOCUMENT: u64 = 64 << 20;
/// Cells kept from every table of a document.
pub const MAX_CELLS: usize = 1_000_000;
/// Tables inside tables, at most.
pub const MAX_NESTING: usize = 32;

/// The tables of a Word document: each with its label (`通报.docx[表2]`) and
/// its rows, numbered from 1 within the table.
pub type WordTables = Vec<(Arc<str>, Vec<SheetRow>)>;

/// The main part of the package at `path`, when it is a Word document
/// (its name ends in `document.xml`: `word/document.xml`); `None` for any
/// other file, a workbook included.
pub fn word_document(path: &Path) -> Option<String> {
    let mut book = open(path).ok()?;
    main_part(&mut book).ok().flatten()
}

/// Why a Word document's tables cannot be read: what, and where when it is
/// in a table (its label and row).
#[derive(Debug)]
pub struct DocxError {
    pub table: Option<(Arc<str>, usize)>,
    pub message: Message,
}

impl From<Message> for DocxError {
    fn from(message: Message) -> Self {
        DocxError {
            table: None,
            message,
        }
    }
}

/// How a table of a document is named in places: `通报.docx[表2]`.
pub fn table_label(file: &Arc<str>, number: usize) -> Arc<str> {
    Arc::from(format!("{file}[{}]", tr!("docx-table", number = number)))
}

/// Reads every table of the Word document at `path`, labelled for `file`.
/// An error says what is wrong with the document (never a panic).
pub fn read_tables(path: &Path, file: &Arc<str>) -> Result<WordTables, DocxError> {
    let mut book = open(path)?;
    let Some(part) = main_part(&mut book)? else {
        return Err(msg!("docx-not-word").into());
    };
    let Some(i) = book.find(&part) else {
        return Err(msg!("docx-part-missing", part = part).into());
    };
    let entry = book.zip.by_index(i).map_err(|e| as_docx(damaged(e)))?;
    if entry.size() > MAX_DOCUMENT {
        return Err(as_docx(super::xml::too_large(&part, entry.size(), MAX_DOCUMENT)).into());
    }
    // A zip that declares less than it holds is still cut at the bound.
    let limited = Limited {
        inner: entry,
        left: MAX_DOCUMENT,
    };
    let reader: Box<dyn Read + '_> = Box::new(EventGuard::new(limited));
    let mut xml = xml_reader(BufReader::with_capacity(64 << 10, reader));
    let mut walk = Walk::default();
    if let Err(m) = walk.run(&mut xml) {
        let table = walk.open.last().map(|t| {
            (
                table_label(file, t.number),
                t.rows.len() + usize::from(t.in_row),
            )
        });
        return Err(DocxError {
            table,
            message: as_docx(too_large_read(m, &part)),
        });
    }
    let mut tables = walk.done;
    tables.sort_by_key(|(n, _)| *n);
    Ok(tables
        .into_iter()
        .map(|(n, rows)| (table_label(file, n), rows))
        .collect())
}

/// The package opened as a workbook's is, its errors said of a document.
fn open(path: &Path) -> Result<Book, Message> {
    let file = File::open(path).map_err(|e| crate::tables::file::cannot_read(&e))?;
    let zip = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| as_docx(damaged(e)))?;
    let names: Vec<String> = zip
        .file_names()
        .map(|n| n.map(|n| n.into_owned()).unwrap_or_default())
        .collect();
    Ok(Book {
        zip,
        names,
        sheets: Vec::new(),
        strings_part: None,
        strings: None,
        styles: Vec::new(),
        date1904: false,
    })
}

/// The main part the package's relationships name (`officeDocument`), when
/// it is a document's (`…/document.xml`); else `word/document.xml` if the
/// package has it.
fn main_part(book: &mut Book) -> Result<Option<String>, Message> {
    let mut main = None;
    if let Some(rels) = book.part("_rels/.rels", MAX_PART).map_err(as_docx)? {
        for r in relationships(&rels).map_err(as_docx)? {
            if r.kind.ends_with("/officeDocument") {
                main = Some(resolve("", &r.target));
            }
        }
    }
    let main = main.unwrap_or_else(|| "word/document.xml".to_string());
    let is_document = main
        .rsplit('/')
        .next()
        .is_some_and(|f| f.eq_ignore_ascii_case("document.xml"));
    Ok((is_document && book.find(&main).is_some()).then_some(main))
}

fn damaged(e: impl ToString) -> Message {
    super::xml::damaged(e)
}

/// A message of the workbook reader, said of a Word document: the same
/// problem and arguments, the document's words.
fn as_docx(m: Message) -> Message {
    let key = match m.key {
        "workbook-damaged" => "docx-damaged",
        "workbook-crc" => "docx-crc",
        "workbook-part-too-large" => "docx-part-too-large",
        "workbook-entity" => "docx-entity",
        "workbook-text-too-long" => "docx-text-too-long",
        "workbook-part-missing" => "docx-part-missing",
        _ => return m,
    };
    Message { key, args: m.args }
}

/// The bound `Limited` hit while streaming: the part is too large.
fn too_large_read(m: Message, part: &str) -> Message {
    let past = m
        .args
        .iter()
        .any(|(_, a)| matches!(a, crate::text::i18n::Arg::Text(t) if t.contains(LIMIT_HIT)));
    if past {
        super::xml::too_large(part, MAX_DOCUMENT + 1, MAX_DOCUMENT)
    } else {
        m
    }
}

/// What `Limited` says when the part runs past its bound (never shown: it
/// becomes the too-large message).
const LIMIT_HIT: &str = "docx-document-limit";

/// Reads at most `left` bytes of `inner`, then fails.
struct Limited<R> {
    inner: R,
    left: u64,
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n as u64 > self.left {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                LIMIT_HIT,
            ));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

/// One table being read: its number, its finished rows and the row and
/// cell under way.
#[derive(Default)]
struct Building {
    number: usize,
    rows: Vec<SheetRow>,
    /// The next grid column (0-based) of the row under way.
    column: usize,
    row: Vec<SheetCell>,
    /// The text of the row under way, for `MAX_ROW_TEXT`.
    row_text: usize,
    in_row: bool,
    cell: Option<CellUnderWay>,
    /// The last text of each grid column that had one, for a vertical
    /// merge's continuation.
    above: std::collections::HashMap<usize, String>,
}

#[derive(Default)]
struct CellUnderWay {
    text: String,
    span: usize,
    /// The cell continues a vertical merge: it reads as the cell above.
    continues: bool,
}

/// The walk over the document's XML: tables under way (innermost last)
/// and the tables read.
#[derive(Default)]
struct Walk {
    open: Vec<Building>,
    done: Vec<(usize, Vec<SheetRow>)>,
    tables: usize,
    /// Tables, rows and cells kept, for `MAX_CELLS`.
    kept: usize,
    buf: Vec<u8>,
    text_buf: Vec<u8>,
}

/// What one event says, taken out of it (the event borrows the buffer).
enum Step {
    Open(String, Option<String>),
    Empty(String, Option<String>),
    Close(String),
    Entity(Option<Message>),
    Failed(Message),
    Eof,
    Other,
}

impl Walk {
    fn run<R: std::io::BufRead>(&mut self, xml: &mut quick_xml::Reader<R>) -> Result<(), Message> {
        loop {
            self.buf.clear();
            let step = match xml.read_event_into(&mut self.buf) {
                Ok(Event::Start(e)) => {
                    let name = e.local_name().as_ref().to_string();
                    let val = grid_val(&e, &name)?;
                    Step::Open(name, val)
                }
                Ok(Event::Empty(e)) => {
                    let name = e.local_name().as_ref().to_string();
                    let val = grid_val(&e, &name)?;
                    Step::Empty(name, val)
                }
                Ok(Event::End(e)) => Step::Close(e.local_name().as_ref().to_string()),
                Ok(Event::GeneralRef(r)) => Step::Entity(entity(&r).err()),
                Ok(Event::Eof) => Step::Eof,
                Ok(_) => Step::Other,
                Err(e) => Step::Failed(xml_damaged(e)),
            };
            match step {
                Step::Open(name, val) => self.open_element(xml, &name, val)?,
                Step::Empty(name, val) => self.empty_element(&name, val)?,
                Step::Close(name) => self.close_element(&name)?,
                Step::Entity(Some(m)) | Step::Failed(m) => return Err(m),
                Step::Eof if self.open.is_empty() => return Ok(()),
                Step::Eof => return Err(super::xml::cut_short()),
                _ => {}
            }
        }
    }

    fn open_element<R: std::io::BufRead>(
        &mut self,
        xml: &mut quick_xml::Reader<R>,
        name: &str,
        val: Option<String>,
    ) -> Result<(), Message> {
        match name {
            "tbl" => {
                if self.open.len() >= MAX_NESTING {
                    return Err(msg!("docx-too-deep", max = MAX_NESTING));
                }
                self.keep()?;
                self.tables += 1;
                self.open.push(Building {
                    number: self.tables,
                    ..Building::default()
                });
            }
            "tr" => {
                if let Some(t) = self.open.last_mut() {
                    t.in_row = true;
                    t.column = 0;
                    t.row.clear();
                    t.row_text = 0;
                }
            }
            "tc" => {
                if let Some(t) = self.open.last_mut().filter(|t| t.in_row) {
                    t.cell = Some(CellUnderWay {
                        span: 1,
                        ..CellUnderWay::default()
                    });
                }
            }
            "t" => {
                let mut text = String::new();
                read_text(xml, &mut self.text_buf, "t", &mut text)?;
                self.push_text(&text)?;
            }
            // Deleted text, and the copy of alternate content kept for
            // programs that cannot show it, are not the document's text.
            "delText" | "Fallback" | "instrText" => skip(xml, &mut self.text_buf, name)?,
            _ => self.property(name, val)?,
        }
        Ok(())
    }

    fn empty_element(&mut self, name: &str, val: Option<String>) -> Result<(), Message> {
        match name {
            "tab" => self.push_text("\t")?,
            "br" | "cr" => self.push_text("\n")?,
            // `<w:tc/>`: an empty cell, one column wide.
            "tc" => {
                if let Some(t) = self.open.last_mut().filter(|t| t.in_row) {
                    t.column = (t.column + 1).min(MAX_COLUMNS);
                }
            }
            _ => self.property(name, val)?,
        }
        Ok(())
    }

    /// A cell's or a row's property: its span, the columns it skips, a
    /// vertical merge.
    fn property(&mut self, name: &str, val: Option<String>) -> Result<(), Message> {
        match name {
            "gridSpan" => {
                let span = grid_number(val, 1)?;
                if let Some(c) = self.cell_mut() {
                    c.span = span.max(1);
                }
            }
            "gridBefore" => {
                let before = grid_number(val, 0)?;
                if let Some(t) = self
                    .open
                    .last_mut()
                    .filter(|t| t.in_row && t.cell.is_none() && t.row.is_empty())
                {
                    t.column = before;
                }
            }
            // `<w:vMerge/>` or `w:val="continue"` continues the merge
            // above; `w:val="restart"` begins one.
            "vMerge" => {
                if let Some(c) = self.cell_mut() {
                    c.continues = val.is_none_or(|v| v != "restart");
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// One more table, row or cell kept: at most `MAX_CELLS` in all.
    fn keep(&mut self) -> Result<(), Message> {
        self.kept += 1;
        if self.kept > MAX_CELLS {
            return Err(msg!("docx-too-many-cells", max = MAX_CELLS));
        }
        Ok(())
    }

    fn close_element(&mut self, name: &str) -> Result<(), Message> {
        match name {
            "tc" => self.end_cell(),
            "tr" => self.end_row(),
            "tbl" => {
                if let Some(t) = self.open.pop() {
                    self.done.push((t.number, t.rows));
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn cell_mut(&mut self) -> Option<&mut CellUnderWay> {
        self.open.last_mut().and_then(|t| t.cell.as_mut())
    }

    fn push_text(&mut self, text: &str) -> Result<(), Message> {
        let Some(t) = self.open.last_mut() else {
            return Ok(());
        };
        let Some(c) = t.cell.as_mut() else {
            return Ok(());
        };
        t.row_text += text.len();
        if t.row_text > MAX_ROW_TEXT {
            return Err(msg!("workbook-text-too-long", mib = MAX_ROW_TEXT >> 20));
        }
        c.text.push_str(text);
        Ok(())
    }

    /// `</w:tc>`: the cell placed on the grid, a continued merge reading
    /// as the cell above it.
    fn end_cell(&mut self) -> Result<(), Message> {
        let Some(t) = self.open.last_mut() else {
            return Ok(());
        };
        let Some(cell) = t.cell.take() else {
            return Ok(());
        };
        let column = t.column;
        if column + cell.span > MAX_COLUMNS {
            return Err(msg!("docx-too-wide", max = MAX_COLUMNS));
        }
        t.column += cell.span;
        let text = if cell.continues {
            t.above.get(&column).cloned().unwrap_or_default()
        } else {
            cell.text
        };
        if text.trim().is_empty() {
            t.above.remove(&column);
        } else {
            t.above.insert(column, text.clone());
        }
        if !text.trim().is_empty() {
            self.keep()?;
            let Some(t) = self.open.last_mut() else {
                return Ok(());
            };
            t.row.push(SheetCell {
                column: column + 1,
                text,
                kind: CellKind::Text,
            });
        }
        Ok(())
    }

    /// `</w:tr>`: the row joins its table, numbered from 1.
    fn end_row(&mut self) -> Result<(), Message> {
        if self.open.last().is_none_or(|t| !t.in_row) {
            return Ok(());
        }
        self.keep()?;
        let Some(t) = self.open.last_mut() else {
            return Ok(());
        };
        t.in_row = false;
        t.cell = None;
        let number = t.rows.len() + 1;
        if number > MAX_ROWS {
            return Err(msg!("docx-too-long", max = MAX_ROWS));
        }
        t.rows.push(SheetRow {
            number,
            cells: std::mem::take(&mut t.row),
        });
        Ok(())
    }
}

/// The `w:val` of the elements that place cells (whatever the prefix).
fn grid_val(e: &BytesStart, name: &str) -> Result<Option<String>, Message> {
    if !matches!(name, "gridSpan" | "vMerge" | "gridBefore") {
        return Ok(None);
    }
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|e| damaged(e.to_string()))?;
        if a.key.local_name().as_ref() == "val" {
            let v = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(xml_damaged)?;
            return Ok(Some(v.into_owned()));
        }
    }
    Ok(None)
}

/// A `w:val` of columns (`gridSpan`, `gridBefore`): a whole number, or
/// `default` when not written.
fn grid_number(val: Option<String>, default: usize) -> Result<usize, Message> {
    match val {
        None => Ok(default),
        Some(v) => match v.trim().parse::<usize>() {
            Ok(n) if n <= MAX_COLUMNS => Ok(n),
            _ => Err(msg!("docx-too-wide", max = MAX_COLUMNS)),
        },
    }
}
