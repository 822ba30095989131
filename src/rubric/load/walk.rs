//! The walk over one file's spanned TOML tree: typed values read at their
//! keys, each problem reported at the line of its key and counted.

use rust_decimal::Decimal;
use std::ops::Range;
use std::sync::Arc;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::date::Date;
use crate::model::source::LineIndex;
use crate::num::{self, NumError};
use crate::text::diag::{Diagnostics, hint};
use crate::text::i18n::Message;
use crate::text::i18n::msg;

pub(crate) type Val<'i> = Spanned<DeValue<'i>>;
/// A key's span and its value.
pub(crate) type Field<'t, 'i> = (Range<usize>, &'t Val<'i>);

/// The walk over one file: where it is and where errors go.
pub(crate) struct Walk<'a, 'd> {
    pub(super) file: Arc<str>,
    pub(super) index: LineIndex<'a>,
    pub(super) diags: &'d mut Diagnostics,
    /// Errors reported so far: a part read with none new is sound.
    pub(crate) errors: usize,
}

impl<'a, 'd> Walk<'a, 'd> {
    pub(crate) fn new(file: &Arc<str>, text: &'a str, diags: &'d mut Diagnostics) -> Self {
        Walk {
            file: Arc::clone(file),
            index: LineIndex::new(text),
            diags,
            errors: 0,
        }
    }
}

impl Walk<'_, '_> {
    pub(super) fn line(&self, span: &Range<usize>) -> usize {
        self.index.line_col(span.start).0
    }

    pub(crate) fn err(
        &mut self,
        span: &Range<usize>,
        message: impl Into<crate::text::i18n::Message>,
    ) {
        let loc = self.index.location(&self.file, span.start);
        self.diags.error(loc, message);
        self.errors += 1;
    }

    /// Reports each of the TOML parser's errors at its place, in the run's
    /// language; whether there were any.
    pub(crate) fn syntax(&mut self, errors: Vec<toml::de::Error>) -> bool {
        let any = !errors.is_empty();
        for e in errors {
            let span = e.span().unwrap_or(0..0);
            self.err(
                &span,
                msg!(
                    "rubric-toml-syntax",
                    reason = super::toml_reason(e.message().trim())
                ),
            );
        }
        any
    }

    /// Reports every key of `table` that is not in `allowed`.
    pub(crate) fn known_keys(&mut self, table: &DeTable, allowed: &[&str], what: Message) {
        for (key, _) in table.iter() {
            let k: &str = key.get_ref();
            if !allowed.contains(&k) {
                let hint = hint(k, allowed.iter().copied());
                self.err(
                    &key.span(),
                    msg!(
                        "rubric-unknown-key",
                        key = k,
                        place = what.clone(),
                        hint = hint,
                        allowed = crate::text::list_all(allowed.iter().copied()),
                    ),
                );
            }
        }
    }

    /// The value of a key that must be present; `at` is where the table starts.
    pub(super) fn required<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        at: &Range<usize>,
        key: &str,
        what: &Message,
    ) -> Option<Field<'t, 'i>> {
        let found = self.optional(table, key);
        if found.is_none() {
            self.err(
                at,
                msg!("rubric-key-missing", place = what.clone(), key = key),
            );
        }
        found
    }

    /// Errors about a key's value point at the key, where the author looks.
    pub(super) fn optional<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &str,
    ) -> Option<Field<'t, 'i>> {
        table.get_key_value(key).map(|(k, v)| (k.span(), v))
    }

    /// A required text with the span of its key, for errors that point at it later.
    pub(super) fn located(
        &mut self,
        table: &DeTable,
        at: &Range<usize>,
        key: &str,
        what: &Message,
    ) -> Option<(String, Range<usize>)> {
        let field = self.required(table, at, key, what)?;
        let span = field.0.clone();
        self.string(key, field).map(|s| (s, span))
    }

    pub(super) fn string(&mut self, key: &str, (span, v): Field) -> Option<String> {
        match v.get_ref() {
            DeValue::String(s) if has_control(key, s) => {
                self.err(
                    &span,
                    msg!(
                        "rubric-control-character",
                        key = key,
                        value = crate::text::escape_controls(s)
                    ),
                );
                // Kept, so that what names it does not fail as well.
                Some(s.trim().to_string())
            }
            DeValue::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            DeValue::String(_) => {
                self.err(&span, msg!("rubric-empty-text", key = key));
                None
            }
            other => {
                self.err(
                    &span,
                    msg!("rubric-not-text", key = key, type = kind(other)),
                );
                None
            }
        }
    }

    /// A number read as the exact decimal written: an integer, a float (its
    /// literal text, not the nearest binary value) or a string like "0.35".
    pub(super) fn number(&mut self, key: &str, (span, v): Field) -> Option<Decimal> {
        let parsed = match v.get_ref() {
            DeValue::Integer(i) => i128::from_str_radix(i.as_str(), i.radix())
                .ok()
                .and_then(|n| Decimal::try_from_i128_with_scale(n, 0).ok())
                .ok_or_else(|| msg!("rubric-number-too-large")),
            DeValue::Float(f) => {
                let text = f.as_str().replace('_', "");
                if text.contains(['e', 'E']) {
                    Decimal::from_scientific(&text).map_err(|_| msg!("rubric-number-out-of-range"))
                } else {
                    num::parse_plain(&text).map_err(why_not_a_number)
                }
            }
            DeValue::String(s) => num::parse_plain(s).map_err(why_not_a_number),
            other => Err(msg!("rubric-number-wrong-type", type = kind(other))),
        }
        // An integer or a float in exponent form is bounded as a cell is.
        .and_then(|d| num::bounded(d).map_err(why_not_a_number));
        match parsed {
            Ok(d) => Some(d),
            Err(why) => {
                self.err(&span, msg!("rubric-not-decimal", key = key, reason = why));
                None
            }
        }
    }

    pub(super) fn integer(
        &mut self,
        key: &str,
        (span, v): Field,
        range: Range<i64>,
    ) -> Option<i64> {
        let n = match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
            _ => None,
        };
        match n {
            Some(n) if range.contains(&n) => Some(n),
            _ => {
                self.err(
                    &span,
                    msg!(
                        "rubric-not-integer",
                        key = key,
                        min = range.start,
                        max = range.end - 1
                    ),
                );
                None
            }
        }
    }

    pub(crate) fn boolean(&mut self, key: &str, (span, v): Field) -> Option<bool> {
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            other => {
                self.err(
                    &span,
                    msg!("rubric-not-boolean", key = key, type = kind(other)),
                );
                None
            }
        }
    }

    pub(super) fn date(&mut self, key: &str, (span, v): Field) -> Option<Date> {
        let date = super::toml_date(v.get_ref());
        if date.is_none() {
            self.err(&span, msg!("rubric-not-date", key = key));
        }
        date
    }

    /// The tables of an array of tables (`[[unit]]`), each with its span.
    pub(super) fn tables<'t, 'i>(
        &mut self,
        key: &str,
        (span, v): Field<'t, 'i>,
    ) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        let mut out = Vec::new();
        match v.get_ref() {
            DeValue::Array(items) => {
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::Table(t) => out.push((t, item.span())),
                        other => self.err(
                            &item.span(),
                            msg!("rubric-not-table-in-array", key = key, type = kind(other)),
                        ),
                    }
                }
            }
            other => self.err(
                &span,
                msg!("rubric-not-table-array", key = key, type = kind(other)),
            ),
        }
        out
    }

    pub(super) fn table<'t, 'i>(
        &mut self,
        key: &str,
        (span, v): Field<'t, 'i>,
    ) -> Option<&'t DeTable<'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            other => {
                self.err(
                    &span,
                    msg!("rubric-not-table", key = key, type = kind(other)),
                );
                None
            }
        }
    }
}

/// Whether a text holds a control character, which no name, title or id
/// may (it would break every document it is written into); criteria and a
/// rule's text may run over lines.
pub(super) fn has_control(key: &str, s: &str) -> bool {
    let lines = matches!(key, "criteria" | "text");
    s.chars()
        .any(|c| c.is_control() && !(lines && matches!(c, '\n' | '\r' | '\t')))
}

/// `value` > 0 with at most `places` decimal places.
pub(super) fn check_places_positive(
    w: &mut Walk,
    span: &Range<usize>,
    key: &str,
    value: Decimal,
    places: u32,
) {
    if value <= Decimal::ZERO {
        w.err(
            span,
            msg!("rubric-not-positive", key = key, value = num::plain(value)),
        );
    }
    check_places(w, span, key, value, places);
}

pub(super) fn check_places(
    w: &mut Walk,
    span: &Range<usize>,
    key: &str,
    value: Decimal,
    places: u32,
) {
    if num::places(value) > places {
        w.err(
            span,
            msg!(
                "rubric-too-many-places",
                key = key,
                value = num::plain(value),
                places = places
            ),
        );
    }
}

/// The kind of a TOML value, named in the run's language.
pub(crate) fn kind(value: &DeValue) -> Message {
    msg!("rubric-type", type = value.type_str())
}

pub(super) fn why_not_a_number(e: NumError) -> Message {
    match e {
        NumError::Empty => msg!("rubric-number-empty"),
        NumError::NotADecimal => msg!("rubric-number-not-plain"),
        NumError::TooManyDigits => msg!("rubric-number-too-many-digits"),
        NumError::TooLarge => msg!("num-too-large"),
    }
}
