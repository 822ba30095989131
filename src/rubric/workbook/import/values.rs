//! Typed values of cells (numbers, whole numbers, dates, required texts),
//! and values that must be unique; each problem reported at its cell.

use rust_decimal::Decimal;
use std::collections::HashMap;

use super::cells::{At, Errors, Sheet, Value, typed_number};
use crate::date::Date;
use crate::num::{self, NumError};
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// A number cell (or text that reads as one); `Err` when it is neither
/// empty nor a number (reported).
pub(super) fn number(
    s: &Sheet,
    row: u32,
    col: u32,
    column: &str,
    e: &mut Errors,
) -> Result<Option<Decimal>, ()> {
    let (text, parsed) = match s.value(row, col) {
        None => return Ok(None),
        Some(Value::Number(n)) => (n.clone(), num::parse_plain(n)),
        Some(Value::Text(t)) => {
            let typed = typed_number(t);
            if typed.is_empty() {
                return Ok(None);
            }
            (t.trim().to_string(), num::parse_plain(&typed))
        }
        Some(_) => (
            s.text(row, col).unwrap_or_default(),
            Err(NumError::NotADecimal),
        ),
    };
    parsed.map(Some).map_err(|why| {
        e.at(
            s.at(row, col),
            msg!(
                "import-not-number",
                column = column,
                value = text,
                reason = why.explain()
            ),
        );
    })
}

/// A whole number (a year, a count of places).
pub(super) fn integer(s: &Sheet, row: u32, col: u32, column: &str, e: &mut Errors) -> Option<i64> {
    let text = s.text(row, col)?;
    let t = typed_number(text.strip_suffix('年').unwrap_or(&text));
    match t.parse::<i64>() {
        Ok(n) => Some(n),
        Err(_) => {
            e.at(
                s.at(row, col),
                msg!("import-not-integer", column = column, value = text),
            );
            None
        }
    }
}

pub(super) fn date(s: &Sheet, row: u32, col: u32, e: &mut Errors) -> Option<Date> {
    match s.value(row, col)? {
        Value::Date(d) => Some(*d),
        _ => {
            let text = s.text(row, col)?;
            let d = Date::parse(&text);
            if d.is_none() {
                e.at(s.at(row, col), msg!("import-not-date", value = text));
            }
            d
        }
    }
}

/// A required text cell: reported when empty.
pub(super) fn required_text(
    s: &Sheet,
    r: u32,
    c: u32,
    column: &str,
    e: &mut Errors,
) -> Option<(String, At)> {
    match s.text(r, c) {
        Some(t) => Some((t, s.at(r, c))),
        None => {
            e.at(s.at(r, c), msg!("import-cell-empty", column = column));
            None
        }
    }
}

/// Reports every value seen a second time, at the second cell, naming the first.
pub(super) fn unique<'a>(
    values: impl Iterator<Item = &'a (String, At)>,
    what: Message,
    e: &mut Errors,
) {
    let mut seen: HashMap<&str, &At> = HashMap::new();
    for (v, at) in values {
        match seen.get(v.as_str()) {
            Some(first) if *first != at => e.at(
                at.clone(),
                msg!(
                    "import-taken",
                    what = what.clone(),
                    value = v.as_str(),
                    first = first.location()
                ),
            ),
            Some(_) => {}
            None => {
                seen.insert(v, at);
            }
        }
    }
}

/// Like [`unique`], except that a cell is never a duplicate of itself and
/// a merged cell already reported as overlapping is not reported again.
pub(super) fn unique_cells(values: &[(String, At)], what: Message, skip: &[At], e: &mut Errors) {
    let mut seen: HashMap<&str, &At> = HashMap::new();
    for (v, at) in values {
        match seen.get(v.as_str()) {
            Some(first) if *first == at || skip.contains(at) => {}
            Some(first) => e.at(
                at.clone(),
                msg!(
                    "import-taken",
                    what = what.clone(),
                    value = v.as_str(),
                    first = first.location()
                ),
            ),
            None => {
                seen.insert(v, at);
            }
        }
    }
}
