//! `[[section]]` and the indicators below it: groups, at any depth, and
//! leaves; a group's maximum is the sum of its leaves'.

use rust_decimal::Decimal;
use std::collections::HashMap;
use std::ops::Range;
use toml::de::DeTable;

use super::leaves::read_item;
use super::mechanics::read_applies;
use super::tree::{ITEM_KEYS, Place, Scope, Tree, remember};
use super::walk::{Field, Walk, check_places_positive};
use crate::model::rubric::{Gate, Group, PartKind, Section};
use crate::num;
use crate::text::i18n::msg;

const SECTION_KEYS: &[&str] = &["id", "title", "item", "kind", "max", "gate", "gate_strict"];

/// The keys that make an indicator a leaf: a group (one with items of its
/// own) takes its score from them and can have none of these.
const LEAF_ONLY_KEYS: &[&str] = &[
    "scorers",
    "start",
    "max_deduct",
    "max_add",
    "rule",
    "floor",
    "measure",
    "scale",
    "interpolate",
];

pub(super) fn read_sections(w: &mut Walk, top: &DeTable, at: &Range<usize>, scope: Scope) -> Tree {
    let mut tree = Tree {
        maxima_complete: true,
        ..Tree::default()
    };
    let Some(field) = w.required(top, at, "section", &msg!("rubric-place-rubric")) else {
        tree.maxima_complete = false;
        return tree;
    };
    let mut section_ids: HashMap<String, usize> = HashMap::new();
    for (t, span) in w.tables("section", field) {
        w.known_keys(t, SECTION_KEYS, msg!("rubric-place-section"));
        let this = msg!("rubric-this-section");
        let id = w.located(t, &span, "id", &this);
        let title = w
            .required(t, &span, "title", &this)
            .and_then(|f| w.string("title", f));
        if let Some((id, id_span)) = &id {
            let line = w.line(id_span);
            if let Some(first) = section_ids.insert(id.clone(), line) {
                w.err(
                    id_span,
                    msg!("rubric-section-id-taken", id = id, first = first),
                );
            }
        }
        let line = id
            .as_ref()
            .map_or_else(|| w.line(&span), |(_, s)| w.line(s));
        let id = id.map(|(id, _)| id);
        let first_item = tree.items.len();
        let part = read_part(w, t, &span, scope.places);
        let place = Place {
            section: tree.sections.len(),
            parent: None,
            level: 2,
            part: part.kind,
        };
        match w.required(t, &span, "item", &this) {
            Some(f) => {
                for (it, ispan) in w.tables("item", f) {
                    read_node(w, &mut tree, it, &ispan, scope, place);
                }
            }
            None => {
                tree.maxima_complete = false;
                continue;
            }
        }
        if let (Some(id), Some(title)) = (id, title) {
            tree.sections.push(Section {
                id,
                title,
                items: first_item..tree.items.len(),
                kind: part.kind,
                max: part.max,
                gate: part.gate,
                line,
            });
            check_part_max(w, &tree, part.max_span.as_ref());
        } else {
            tree.maxima_complete = false;
        }
    }
    tree
}

/// Reads one indicator: a group (it has `item`s) or a leaf, at any depth.
fn read_node(
    w: &mut Walk,
    tree: &mut Tree,
    t: &DeTable,
    span: &Range<usize>,
    scope: Scope,
    place: Place,
) {
    match w.optional(t, "item") {
        Some(children) => read_group(w, tree, t, span, children, scope, place),
        None => match read_item(w, tree, t, span, scope, place) {
            Some(item) => tree.items.push(item),
            None => tree.maxima_complete = false,
        },
    }
}

/// A group: its own keys, its children, then its max, the sum of its
/// leaves' (which a written `max` must equal).
fn read_group(
    w: &mut Walk,
    tree: &mut Tree,
    t: &DeTable,
    span: &Range<usize>,
    (cspan, cval): Field,
    scope: Scope,
    place: Place,
) {
    let what = &msg!("rubric-this-group");
    w.known_keys(t, ITEM_KEYS, msg!("rubric-place-item"));
    for key in LEAF_ONLY_KEYS {
        if let Some((kspan, _)) = w.optional(t, key) {
            w.err(&kspan, msg!("rubric-group-leaf-key", key = *key));
        }
    }
    let id = w.located(t, span, "id", what);
    let title = w.located(t, span, "title", what);
    let written_max = w.optional(t, "max").and_then(|f| {
        let m = w.number("max", f.clone())?;
        check_places_positive(w, &f.0, "max", m, scope.places);
        Some((m, f.0))
    });
    let criteria = w
        .optional(t, "criteria")
        .and_then(|f| w.string("criteria", f));
    let line = id
        .as_ref()
        .map_or_else(|| w.line(span), |(_, at)| w.line(at));
    let title_line = title.as_ref().map_or(line, |(_, at)| w.line(at));
    remember(w, tree, id.as_ref(), title.as_ref(), line, title_line);
    let applies = read_applies(w, t, scope.classes, line);
    let g = tree.groups.len();
    let first = tree.items.len();
    tree.groups.push(Group {
        id: id.map(|(s, _)| s).unwrap_or_default(),
        title: title.map(|(s, _)| s).unwrap_or_default(),
        max: Decimal::ZERO,
        section: place.section,
        parent: place.parent,
        items: first..first,
        level: place.level,
        criteria,
        applies,
        line,
    });
    let inner = Place {
        parent: Some(g),
        level: place.level + 1,
        ..place
    };
    let kids = w.tables("item", (cspan.clone(), cval));
    if kids.is_empty() {
        w.err(&cspan, msg!("rubric-group-empty"));
    }
    // Whether every leaf's max below this group was read, apart from the
    // rest of the rubric.
    let before = tree.maxima_complete;
    tree.maxima_complete = true;
    for (ct, cs) in kids {
        read_node(w, tree, ct, &cs, scope, inner);
    }
    let complete = tree.maxima_complete;
    tree.maxima_complete = before && complete;
    close_group(w, tree, g, written_max.filter(|_| complete));
}

/// A group's leaves and max, their sum; a `max` written (and every leaf's
/// max read) must equal it.
fn close_group(
    w: &mut Walk,
    tree: &mut Tree,
    g: usize,
    written_max: Option<(Decimal, Range<usize>)>,
) {
    let leaves = tree.groups[g].items.start..tree.items.len();
    let sum = tree.items[leaves.clone()]
        .iter()
        .try_fold(Decimal::ZERO, |acc, i| acc.checked_add(i.max));
    let group = &mut tree.groups[g];
    group.items = leaves;
    group.max = sum.unwrap_or_default();
    if let (Some((written, mspan)), Some(sum)) = (written_max, sum) {
        if written != sum {
            let id = group.id.clone();
            w.err(
                &mspan,
                msg!(
                    "rubric-group-max",
                    group = id,
                    written = num::plain(written),
                    sum = num::plain(sum)
                ),
            );
        }
    }
}

/// A section's kind, max and gate as written.
struct Part {
    kind: PartKind,
    max: Option<Decimal>,
    max_span: Option<Range<usize>>,
    gate: Option<Gate>,
}

/// `kind`, `max`, `gate`, `gate_strict` of a section: a bonus or penalty
/// part needs its max; only a bonus part has a gate.
fn read_part(w: &mut Walk, t: &DeTable, span: &Range<usize>, places: u32) -> Part {
    let kind = match w.optional(t, "kind") {
        None => PartKind::Scored,
        Some(f) => match w.string("kind", f.clone()).as_deref() {
            Some("scored") | None => PartKind::Scored,
            Some("bonus") => PartKind::Bonus,
            Some("penalty") => PartKind::Penalty,
            Some(other) => {
                w.err(&f.0, msg!("rubric-part-kind-unknown", value = other));
                PartKind::Scored
            }
        },
    };
    let max_field = w.optional(t, "max");
    let max = max_field.clone().and_then(|f| {
        let m = w.number("max", f.clone())?;
        check_places_positive(w, &f.0, "max", m, places);
        Some(m)
    });
    if kind != PartKind::Scored && max_field.is_none() {
        w.err(span, msg!("rubric-part-max-missing", kind = kind.id()));
    }
    let gate = w.optional(t, "gate").and_then(|f| {
        let g = w.number("gate", f.clone())?;
        super::walk::check_places(w, &f.0, "gate", g, places);
        if kind != PartKind::Bonus {
            w.err(&f.0, msg!("rubric-gate-not-bonus"));
        }
        Some(g)
    });
    let strict = match w.optional(t, "gate_strict") {
        None => false,
        Some(f) => {
            if gate.is_none() {
                w.err(&f.0, msg!("rubric-gate-strict-alone"));
            }
            w.boolean("gate_strict", f).unwrap_or(false)
        }
    };
    Part {
        kind,
        max,
        max_span: max_field
            .map(|(s, _)| s)
            .filter(|_| kind == PartKind::Scored),
        gate: gate.map(|min| Gate { min, strict }),
    }
}

/// A scored section's written `max` equals its leaves' sum.
fn check_part_max(w: &mut Walk, tree: &Tree, span: Option<&Range<usize>>) {
    let (Some(section), Some(span)) = (tree.sections.last(), span) else {
        return;
    };
    let (Some(written), true) = (section.max, tree.maxima_complete) else {
        return;
    };
    let sum = tree.items[section.items.clone()]
        .iter()
        .try_fold(Decimal::ZERO, |acc, i| acc.checked_add(i.max));
    if let Some(sum) = sum.filter(|s| *s != written) {
        w.err(
            span,
            msg!(
                "rubric-section-max",
                section = section.id.as_str(),
                written = num::plain(written),
                sum = num::plain(sum)
            ),
        );
    }
}
