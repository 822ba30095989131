//! The TOML parser's errors in the run's language.

use toml::de::DeValue;

use crate::date::Date;
use crate::text::i18n::msg;
use crate::text::i18n::{Arg, Message};

/// A date as a TOML file may hold it: a bare TOML date (`2021-02-20`, no
/// time, no offset), or a string as people type dates (`"2021年2月20日"`);
/// `None` unless it is a real day of the calendar.
pub(crate) fn toml_date(v: &DeValue) -> Option<Date> {
    match v {
        DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt
            .date
            .and_then(|d| Date::new(i32::from(d.year), u32::from(d.month), u32::from(d.day))),
        DeValue::String(s) => Date::parse(s),
        _ => None,
    }
}

/// The TOML parser's explanation (`what is wrong, expected A, B`), in the
/// run's language: each part is looked up by its English text among the
/// catalog's `rubric-toml-p-…` and `rubric-toml-e-…` entries; a part the
/// catalog lacks is shown as the parser wrote it.
pub(crate) fn toml_reason(message: &str) -> Arg {
    let part = |prefix: &str, text: &str| -> Arg {
        if let Some(m) = catalog_key(prefix, text) {
            return Arg::from(m);
        }
        match text.strip_prefix('`').and_then(|t| t.strip_suffix('`')) {
            Some(inner) if !inner.is_empty() => {
                Arg::from(msg!("rubric-toml-literal", text = inner))
            }
            _ if text == "'`'" => Arg::from(msg!("rubric-toml-literal", text = "`")),
            _ => Arg::from(text),
        }
    };
    let (problem, expected) = match message.split_once(", expected ") {
        Some((p, e)) => (p, Some(e)),
        None => (message, None),
    };
    let problem = part("rubric-toml-p-", problem);
    let Some(expected) = expected else {
        return problem;
    };
    if expected == "nothing" {
        return Arg::from(msg!("rubric-toml-expected-nothing", problem = problem));
    }
    let expected = if catalog_key("rubric-toml-e-", expected).is_some() {
        part("rubric-toml-e-", expected)
    } else {
        let parts: Vec<Arg> = expected
            .split(", ")
            .map(|e| part("rubric-toml-e-", e))
            .collect();
        Arg::from(crate::text::list_all(parts))
    };
    Arg::from(msg!(
        "rubric-toml-expected",
        problem = problem,
        expected = expected
    ))
}

/// The message of the English catalog entry under `prefix` whose text is
/// `english`; an entry may hold one `{ $type }`, matching any word there.
pub(super) fn catalog_key(prefix: &str, english: &str) -> Option<Message> {
    crate::text::i18n::EN_FILES
        .iter()
        .flat_map(|(_, text)| text.lines())
        .find_map(|line| {
            let (key, value) = line.split_once(" = ")?;
            if !key.starts_with(prefix) {
                return None;
            }
            if value == english {
                return Some(Message::new(key));
            }
            let (before, after) = value.split_once("{ $type }")?;
            let middle = english.strip_prefix(before)?.strip_suffix(after)?;
            (!middle.is_empty()).then(|| Message::new(key).arg("type", middle))
        })
}
