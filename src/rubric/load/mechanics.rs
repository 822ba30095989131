//! The top-level keys of part three: `na`, `max_total`, `[classes]`,
//! `[measures]`, `[veto]`, `[methods]`, and the class lists that units, leaves
//! and groups carry (`docs/formats.md`, the mechanics of real 细则).

use rust_decimal::Decimal;
use std::ops::Range;
use toml::de::{DeTable, DeValue};

use super::walk::{Field, Walk, check_places};
use crate::model::rubric::{
    Applies, Class, Measure, MethodDef, NaPolicy, VetoRule, builtin_methods,
};
use crate::text::diag::hint;
use crate::text::i18n::msg;

const VETO_KEYS: &[&str] = &["cap", "total", "rank"];
const MEASURE_KEYS: &[&str] = &["title", "unit"];

/// `na`: what becomes of the points of a line that does not apply.
pub(super) fn read_na(w: &mut Walk, top: &DeTable) -> NaPolicy {
    let Some(f) = w.optional(top, "na") else {
        return NaPolicy::Rescale;
    };
    match w.string("na", f.clone()).as_deref() {
        Some("rescale") => NaPolicy::Rescale,
        Some("parent") => NaPolicy::Parent,
        Some("full") => NaPolicy::Full,
        Some(other) => {
            w.err(&f.0, msg!("rubric-na-unknown", value = other));
            NaPolicy::Rescale
        }
        None => NaPolicy::Rescale,
    }
}

/// `max_total`, written: the highest total (at most `places` places).
pub(super) fn read_max_total(
    w: &mut Walk,
    top: &DeTable,
    places: u32,
) -> Option<(Decimal, Range<usize>)> {
    let f = w.optional(top, "max_total")?;
    let m = w.number("max_total", f.clone())?;
    check_places(w, &f.0, "max_total", m, places);
    Some((m, f.0))
}

/// An id (a table's key) with a control character, which no document
/// could hold: an error at the key.
fn refuse_control(w: &mut Walk, table: &str, id: &str, span: &Range<usize>) {
    if super::walk::has_control("id", id) {
        w.err(
            span,
            msg!(
                "rubric-control-character",
                key = table,
                value = crate::text::escape_controls(id)
            ),
        );
    }
}

/// A table of `id = "label"` entries (`[classes]`, `[methods]`), each
/// label a non-empty text, ids and labels unique.
fn labelled(w: &mut Walk, top: &DeTable, key: &str) -> Option<Vec<(String, String, Range<usize>)>> {
    let field = w.optional(top, key)?;
    let span = field.0.clone();
    let t = w.table(key, field)?;
    let mut out: Vec<(String, String, Range<usize>)> = Vec::new();
    for (k, value) in t.iter() {
        let id = k.get_ref().trim().to_string();
        refuse_control(w, key, &id, &k.span());
        let Some(label) = w.string(&format!("{key}.{id}"), (k.span(), value)) else {
            continue;
        };
        if let Some((first, _, _)) = out.iter().find(|(_, l, _)| *l == label) {
            let first = first.clone();
            w.err(
                &k.span(),
                msg!(
                    "rubric-label-twice",
                    key = key,
                    label = &label,
                    first = first,
                    id = &id
                ),
            );
        }
        out.push((id, label, k.span()));
    }
    if t.is_empty() {
        w.err(&span, msg!("rubric-table-empty", key = key));
    }
    Some(out)
}

/// `[classes]`: `id = "label"`, the kinds of unit a line may apply to.
pub(super) fn read_classes(w: &mut Walk, top: &DeTable) -> Vec<Class> {
    labelled(w, top, "classes")
        .unwrap_or_default()
        .into_iter()
        .map(|(id, label, _)| Class { id, label })
        .collect()
}

/// `[methods]`: `id = "label"`, replacing the five methods of the notice.
pub(super) fn read_methods(w: &mut Walk, top: &DeTable) -> Vec<MethodDef> {
    match labelled(w, top, "methods") {
        None => builtin_methods(),
        Some(list) => list
            .into_iter()
            .map(|(id, label, _)| MethodDef {
                id,
                label,
                builtin: false,
            })
            .collect(),
    }
}

/// `[measures]`: `id = "title"`, or `id = { title = "…", unit = "%" }`.
pub(super) fn read_measures(w: &mut Walk, top: &DeTable) -> Vec<Measure> {
    let Some(field) = w.optional(top, "measures") else {
        return Vec::new();
    };
    let span = field.0.clone();
    let Some(t) = w.table("measures", field) else {
        return Vec::new();
    };
    let mut out: Vec<Measure> = Vec::new();
    for (k, value) in t.iter() {
        let id = k.get_ref().trim().to_string();
        refuse_control(w, "measures", &id, &k.span());
        let key = format!("measures.{id}");
        let (title, unit) = match value.get_ref() {
            DeValue::Table(m) => {
                w.known_keys(m, MEASURE_KEYS, msg!("rubric-place-measure"));
                let title = w
                    .required(m, &k.span(), "title", &msg!("rubric-place-measure"))
                    .and_then(|f| w.string("title", f));
                // An empty unit is no unit: nothing is shown beside the values.
                let unit = w
                    .optional(m, "unit")
                    .filter(|f| !matches!(f.1.get_ref(), DeValue::String(s) if s.trim().is_empty()))
                    .and_then(|f| w.string("unit", f));
                (title, unit)
            }
            _ => (w.string(&key, (k.span(), value)), None),
        };
        let Some(title) = title else { continue };
        if out.iter().any(|m| m.title == title) {
            w.err(
                &k.span(),
                msg!("rubric-measure-title-twice", title = &title),
            );
        }
        out.push(Measure { id, title, unit });
    }
    if t.is_empty() {
        w.err(&span, msg!("rubric-table-empty", key = "measures"));
    }
    out
}

/// `[veto]`: `cap` or `total` (not both, at most `places` places), `rank`.
pub(super) fn read_veto(w: &mut Walk, top: &DeTable, places: u32) -> VetoRule {
    let mut veto = VetoRule::default();
    let Some(field) = w.optional(top, "veto") else {
        return veto;
    };
    let Some(t) = w.table("veto", field) else {
        return veto;
    };
    w.known_keys(t, VETO_KEYS, msg!("rubric-place-veto"));
    let number = |w: &mut Walk, key: &str| {
        let f = w.optional(t, key)?;
        let v = w.number(key, f.clone())?;
        check_places(w, &f.0, key, v, places);
        if v < Decimal::ZERO {
            w.err(&f.0, msg!("rubric-veto-negative", key = key));
        }
        Some((v, f.0))
    };
    let cap = number(w, "cap");
    let total = number(w, "total");
    if let (Some(_), Some((_, span))) = (&cap, &total) {
        w.err(span, msg!("rubric-veto-cap-and-total"));
    }
    veto.cap = cap.map(|(v, _)| v);
    veto.total = total.map(|(v, _)| v);
    if let Some(f) = w.optional(t, "rank") {
        match w.string("rank", f.clone()).as_deref() {
            Some("keep") => {}
            Some("last") => veto.rank_last = true,
            Some(other) => w.err(&f.0, msg!("rubric-veto-rank-unknown", value = other)),
            None => {}
        }
    }
    veto
}

/// A list of class ids (`classes`, `applies_to`, `except`), each declared
/// in `[classes]`.
pub(super) fn read_class_list(
    w: &mut Walk,
    key: &str,
    (span, v): Field,
    classes: &[Class],
) -> Vec<usize> {
    let DeValue::Array(list) = v.get_ref() else {
        w.err(&span, msg!("rubric-class-list", key = key));
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in list.iter() {
        let DeValue::String(s) = c.get_ref() else {
            w.err(&c.span(), msg!("rubric-class-list", key = key));
            continue;
        };
        let s = s.trim();
        match classes.iter().position(|x| x.id == s) {
            Some(k) if !out.contains(&k) => out.push(k),
            Some(_) => {}
            None => w.err(
                &c.span(),
                msg!(
                    "rubric-class-undeclared",
                    class = s,
                    hint = hint(s, classes.iter().map(|x| x.id.as_str()))
                ),
            ),
        }
    }
    out
}

/// `applies_to` and `except` of a leaf or a group.
pub(super) fn read_applies(w: &mut Walk, t: &DeTable, classes: &[Class], line: usize) -> Applies {
    let mut applies = Applies {
        line,
        ..Applies::default()
    };
    if let Some(f) = w.optional(t, "applies_to") {
        applies.line = w.line(&f.0);
        applies.to = read_class_list(w, "applies_to", f, classes);
    }
    if let Some(f) = w.optional(t, "except") {
        applies.line = w.line(&f.0);
        applies.except = read_class_list(w, "except", f, classes);
    }
    applies
}
