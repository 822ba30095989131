//! Cells' values as Excel and WPS show them: shared strings, date styles,
//! numbers at 15 significant digits, date serials, cell references.

use std::collections::HashMap;

use quick_xml::events::Event;
use rust_decimal::Decimal;

use super::xml::{attr, read_text, too_large, xml_damaged, xml_reader};
use super::{MAX_COLUMNS, MAX_ROWS, MAX_STRINGS, Shown};
use crate::text::i18n::Message;

/// The shared strings, in one buffer.
#[derive(Default)]
pub(super) struct Strings {
    text: String,
    ends: Vec<u32>,
}

impl Strings {
    pub(super) fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..end)
    }
}

pub(super) fn shared_strings(xml: &[u8]) -> Result<Strings, Message> {
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
                let one = super::xml::spreadsheet_text(std::mem::take(&mut one));
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
/// What each cell style (`cellXfs`) shows its numbers as: looked up in a
/// map of the custom formats, so a workbook of many formats reads as fast as
/// one of few.
pub(super) fn cell_styles(xml: &[u8]) -> Result<Vec<Shown>, Message> {
    let mut reader = xml_reader(xml);
    let mut buf = Vec::new();
    let mut custom: HashMap<u32, Shown> = HashMap::new();
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
                        // The first of two formats with one id, as before.
                        custom.entry(id).or_insert_with(|| shown_by(&code));
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
        .map(|id| match custom.get(&id) {
            Some(shown) => *shown,
            None if builtin_date(id) => Shown::Date,
            // 0% and 0.00%.
            None if matches!(id, 9 | 10) => Shown::Percent,
            None => Shown::Number,
        })
        .collect())
}

/// What a custom format code shows: a date, a percentage, or a number
/// (with a results table's marks after it).
fn shown_by(code: &str) -> Shown {
    if let Some(marks) = table_marks(code) {
        Shown::Marked(marks)
    } else if is_date_format(code) {
        Shown::Date
    } else if is_percent_format(code) {
        Shown::Percent
    } else {
        Shown::Number
    }
}

/// The marks a results table shows after a total (rescaled, a veto's
/// total, provisional), one bit each in `Shown::Marked`.
const MARKS: [char; 3] = ['*', '§', '†'];
/// The bit of a bonus that does not count (`（不计）`).
const HELD: u8 = 1 << 3;

/// A plain number format (`0.00`) followed by a quoted run of a results
/// table's marks (`"*"`, `"§†"`) or by its not-counted mark in either
/// language (`"（不计）"`): the marks, as bits.
fn table_marks(code: &str) -> Option<u8> {
    let body = code.strip_suffix('"')?;
    let open = body.rfind('"')?;
    let (number, literal) = (&body[..open], &body[open + 1..]);
    if number.is_empty() || !number.chars().all(|c| matches!(c, '0' | '#' | '.')) {
        return None;
    }
    if !literal.is_empty() && literal.chars().all(|c| MARKS.contains(&c)) {
        let bits = MARKS
            .iter()
            .enumerate()
            .filter(|(_, m)| literal.contains(**m))
            .fold(0u8, |b, (k, _)| b | 1 << k);
        return Some(bits);
    }
    let held = crate::text::i18n::Lang::ALL.iter().any(|lang| {
        let mark = crate::text::i18n::msg!("cell-not-counted", score = "").render(*lang);
        !mark.trim().is_empty() && mark.trim() == literal.trim()
    });
    held.then_some(HELD)
}

/// The text of the marks `bits` of `Shown::Marked`, as the table shows them.
pub(super) fn marks_text(bits: u8) -> String {
    let mut text: String = MARKS
        .iter()
        .enumerate()
        .filter(|(k, _)| bits & (1 << k) != 0)
        .map(|(_, m)| *m)
        .collect();
    if bits & HELD != 0 {
        text.push_str(&crate::text::i18n::tr!("cell-not-counted", score = ""));
    }
    text
}

/// Whether a format code multiplies by 100 and shows `%`: a `%` outside
/// quotes and escapes.
fn is_percent_format(code: &str) -> bool {
    let mut chars = code.chars();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' => {
                chars.next();
            }
            '%' => return true,
            _ => {}
        }
    }
    false
}

/// The percentage a stored number shows (0.985 as `98.5`), exactly.
pub(super) fn percentage(text: &str) -> Option<String> {
    let d = crate::num::parse_plain(text).ok()?;
    let p = d.checked_mul(rust_decimal::Decimal::ONE_HUNDRED)?;
    Some(crate::num::plain(p))
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

/// `number_text` of the number stored as `v`: a plain decimal of at most 15
/// digits, as Excel stores most numbers, is its own 15-digit rounding (any
/// decimal of 15 digits or fewer survives the trip through a double), so it
/// is read as written, without formatting the double.
pub(super) fn stored_number_text(v: &str, f: f64) -> String {
    let digits = v.bytes().filter(u8::is_ascii_digit).count();
    match crate::num::short_plain(v.as_bytes()) {
        Some(d) if digits <= 15 => crate::num::plain(d),
        _ => number_text(f),
    }
}

/// A number as Excel and WPS show it: 15 significant digits, then the
/// shortest decimal (`0.5249999999999999` -> `0.525`, `8.000000000000002` -> `8`).
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
pub(super) fn serial_date(serial: f64, date1904: bool) -> Option<String> {
    if !(0.0..3_000_000.0).contains(&serial) {
        return None;
    }
    let mut days = serial.floor() as i64;
    // Excel's 1900 system counts a 29 February 1900 that never was.
    let epoch = if date1904 {
        crate::date::days_from_civil(1904, 1, 1)
    } else {
        if days == 60 {
            return None;
        }
        if days < 60 {
            days += 1;
        }
        crate::date::days_from_civil(1899, 12, 30)
    };
    let (y, m, d) = crate::date::civil_from_days(epoch + days);
    (1..=9999)
        .contains(&y)
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}
