//! The row stream: one sheet's XML read row by row into typed cells, with
//! its references checked and its merged ranges read after its rows.

use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Read};

use super::Shown;
use super::values::{
    Strings, marks_text, parse_reference, percentage, serial_date, stored_number_text,
};
use super::xml::{attr, cut_short, damaged, entity, read_text, skip, xml_damaged};
use super::{
    Book, CellKind, MAX_COLUMNS, MAX_MERGED, MAX_ROW_TEXT, MAX_ROWS, SheetCell, SheetError,
    SheetRow,
};
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// A merged range: 1-based (column, row) of its first and last cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Merged {
    pub first: (usize, usize),
    pub last: (usize, usize),
}

/// The rows of one sheet, read as a stream.
pub struct SheetRows<'b> {
    pub(super) xml: Option<quick_xml::Reader<BufReader<Box<dyn Read + 'b>>>>,
    pub(super) strings: Option<&'b Strings>,
    pub(super) styles: &'b [Shown],
    pub(super) date1904: bool,
    pub(super) buf: Vec<u8>,
    pub(super) text_buf: Vec<u8>,
    pub(super) row: SheetRow,
    pub(super) in_data: bool,
    pub(super) last_row: usize,
    pub(super) done: bool,
    /// Rows given already read (`SheetRows::given`), handed out before any XML.
    /// (Boxed: a sheet's reader stays small beside a CSV file's.)
    pub(super) given: Option<Box<std::vec::IntoIter<SheetRow>>>,
}

impl SheetRows<'static> {
    /// No rows at all.
    pub fn none() -> Self {
        SheetRows {
            xml: None,
            strings: None,
            styles: &[],
            date1904: false,
            buf: Vec::new(),
            text_buf: Vec::new(),
            row: SheetRow::default(),
            in_data: false,
            last_row: 0,
            done: true,
            given: None,
        }
    }
}

impl SheetRows<'static> {
    /// Rows already read (the rows of a table of a Word document), handed
    /// out in order as a sheet's.
    pub fn given(rows: Vec<SheetRow>) -> Self {
        SheetRows {
            given: Some(Box::new(rows.into_iter())),
            ..SheetRows::none()
        }
    }
}

impl<'b> SheetRows<'b> {
    pub(super) fn empty(book: &'b Book) -> Self {
        SheetRows {
            xml: None,
            strings: book.strings.as_ref(),
            styles: &book.styles,
            date1904: book.date1904,
            buf: Vec::new(),
            text_buf: Vec::new(),
            row: SheetRow::default(),
            in_data: false,
            last_row: 0,
            done: true,
            given: None,
        }
    }

    /// The next row holding at least one cell, or `None` at the end of the
    /// sheet. After an error the sheet is not read further.
    pub fn next_row(&mut self) -> Result<Option<&SheetRow>, SheetError> {
        if let Some(row) = self.given.as_mut().and_then(|g| g.next()) {
            self.row = row;
            return Ok(Some(&self.row));
        }
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

    /// Reads the rest of the sheet after its rows, to its end (where the
    /// zip checks what was unpacked against the checksum it records), and
    /// gives its merged ranges (`<mergeCell ref="A2:A5"/>`), each as 1-based
    /// (column, row) of its first and last cell; at most [`MAX_MERGED`].
    pub fn finish(&mut self) -> Result<Vec<Merged>, SheetError> {
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
                    inline = Some(super::xml::spreadsheet_text(s));
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
                    let shown = self.styles.get(style).copied().unwrap_or_default();
                    if shown == Shown::Date
                        && let Some(d) = serial_date(f, self.date1904)
                    {
                        return (d, CellKind::Date);
                    }
                    let text = stored_number_text(v.trim(), f);
                    if let Shown::Marked(bits) = shown {
                        return (text + &marks_text(bits), CellKind::Number);
                    }
                    match percentage(&text).filter(|_| shown == Shown::Percent) {
                        Some(p) => (p, CellKind::Percent),
                        None => (text, CellKind::Number),
                    }
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
