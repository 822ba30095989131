//! `[[unit]]`: the roster, each unit with its id, name and aliases.

use std::ops::Range;
use toml::de::{DeTable, DeValue};

use super::mechanics::read_class_list;
use super::walk::Walk;
use crate::model::rubric::{Class, Unit};
use crate::text::i18n::msg;

const UNIT_KEYS: &[&str] = &["id", "name", "aliases", "classes"];

pub(super) fn read_units(
    w: &mut Walk,
    top: &DeTable,
    at: &Range<usize>,
    classes: &[Class],
) -> Vec<Unit> {
    let mut units = Vec::new();
    let Some(field) = w.required(top, at, "unit", &msg!("rubric-place-rubric")) else {
        return units;
    };
    let list_span = field.0.clone();
    for (t, span) in w.tables("unit", field) {
        w.known_keys(t, UNIT_KEYS, msg!("rubric-place-unit"));
        let this = msg!("rubric-this-unit");
        let id = w.located(t, &span, "id", &this);
        let name = w.located(t, &span, "name", &this);
        let aliases = read_aliases(w, t);
        let own = w
            .optional(t, "classes")
            .map(|f| read_class_list(w, "classes", f, classes))
            .unwrap_or_default();
        if let (Some((id, id_span)), Some((name, name_span))) = (id, name) {
            let (aliases, alias_line) = aliases.unwrap_or_default();
            units.push(Unit {
                id,
                name,
                aliases,
                classes: own,
                line: w.line(&id_span),
                name_line: w.line(&name_span),
                alias_line,
            });
        }
    }
    if units.is_empty() && w.errors == 0 {
        w.err(&list_span, msg!("rubric-no-unit"));
    }
    units
}

/// `aliases = ["和布克赛尔县", "和丰县"]`: short names (简称), with the line of the key.
fn read_aliases(w: &mut Walk, t: &DeTable) -> Option<(Vec<String>, usize)> {
    let (span, v) = w.optional(t, "aliases")?;
    let line = w.line(&span);
    let DeValue::Array(list) = v.get_ref() else {
        w.err(&span, msg!("rubric-aliases-list"));
        return None;
    };
    let mut out: Vec<String> = Vec::new();
    for a in list.iter() {
        match a.get_ref() {
            DeValue::String(s) if super::walk::has_control("aliases", s) => w.err(
                &a.span(),
                msg!(
                    "rubric-control-character",
                    key = "aliases",
                    value = crate::text::escape_controls(s)
                ),
            ),
            DeValue::String(s) if !s.trim().is_empty() => {
                let s = s.trim().to_string();
                if out.contains(&s) {
                    w.err(&a.span(), msg!("rubric-alias-twice", alias = s.as_str()));
                } else {
                    out.push(s);
                }
            }
            _ => w.err(&a.span(), msg!("rubric-aliases-list")),
        }
    }
    Some((out, line))
}
