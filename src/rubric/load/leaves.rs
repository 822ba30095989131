//! A leaf (考核项目): its max, caps, criteria, scorers with their weights or
//! where it starts, and its rules (扣分标准).

use rust_decimal::Decimal;
use std::collections::HashMap;
use std::ops::Range;
use toml::de::DeTable;

use super::mechanics::read_applies;
use super::tree::{ITEM_KEYS, Place, Scope, Tree, remember};
use super::walk::{Field, Walk, check_places, check_places_positive};
use crate::model::rubric::{
    Interpolate, Item, Measure, Measured, PartKind, Rule, RuleKind, Scorer, Start, Weight,
};
use crate::num;
use crate::text::diag::hint;
use crate::text::i18n::Arg;
use crate::text::i18n::msg;

const RULE_KEYS: &[&str] = &["id", "text", "kind", "points", "max"];

/// A leaf; `None` when its id, title or max is missing or wrong (reported).
pub(super) fn read_item(
    w: &mut Walk,
    tree: &mut Tree,
    t: &DeTable,
    span: &Range<usize>,
    scope: Scope,
    place: Place,
) -> Option<Item> {
    let what = &msg!("rubric-this-item");
    w.known_keys(t, ITEM_KEYS, msg!("rubric-place-item"));
    let id = w.located(t, span, "id", what);
    let title = w.located(t, span, "title", what);
    let errors = w.errors;
    let max = w.required(t, span, "max", what).and_then(|f| {
        let m = w.number("max", f.clone())?;
        check_places_positive(w, &f.0, "max", m, scope.places);
        Some(m)
    });
    // A max that is wrong in itself says nothing about the sum.
    if w.errors > errors {
        tree.maxima_complete = false;
    }
    let mut cap = |key: &str| {
        w.optional(t, key).and_then(|f| {
            let c = w.number(key, f.clone())?;
            if c < Decimal::ZERO {
                w.err(&f.0, msg!("rubric-cap-negative", key = key));
            }
            Some(c)
        })
    };
    let max_deduct = cap("max_deduct");
    let max_add = cap("max_add");
    let criteria = w
        .optional(t, "criteria")
        .and_then(|f| w.string("criteria", f));
    let weights = match w.optional(t, "scorers") {
        Some(f) => read_weights(w, f, scope.scorers),
        None => Some(Vec::new()),
    };
    let with_scorers = weights.as_ref().is_some_and(|ws| !ws.is_empty());
    let floor = read_floor(w, t, scope.places);
    let measure = read_measure(w, t, scope.measures, with_scorers, (floor, max));
    let start = read_start(w, t, with_scorers || measure.is_some());
    let line = id
        .as_ref()
        .map_or_else(|| w.line(span), |(_, at)| w.line(at));
    let title_line = title.as_ref().map_or(line, |(_, at)| w.line(at));
    remember(w, tree, id.as_ref(), title.as_ref(), line, title_line);
    let applies = read_applies(w, t, scope.classes, line);
    if place.part == PartKind::Penalty {
        check_penalty_leaf(w, t);
    }
    let rules = read_rules(w, tree, t, tree.items.len(), place.part);
    // A leaf with a sound max counts in the sums even when something else
    // of it is wrong (reported already, so the rubric is refused anyway).
    Some(Item {
        id: id?.0,
        title: title?.0,
        max: max?,
        section: place.section,
        parent: place.parent,
        rules: rules.unwrap_or_default(),
        scorers: weights.unwrap_or_default(),
        start: start.unwrap_or(Start::Zero),
        max_deduct,
        max_add,
        criteria,
        floor: floor.unwrap_or_default(),
        floor_written: t.contains_key("floor"),
        measure,
        applies,
        line,
        title_line,
    })
}

/// A penalty leaf (扣分项) is scored by deductions alone: no scorers, no
/// measure, no start, no floor, no additions.
fn check_penalty_leaf(w: &mut Walk, t: &DeTable) {
    for key in ["scorers", "measure", "start", "floor", "max_add"] {
        if let Some((span, _)) = w.optional(t, key) {
            w.err(&span, msg!("rubric-penalty-leaf-key", key = key));
        }
    }
}

/// `floor`: how far below 0 the leaf may go (倒扣), 0 or below.
fn read_floor(w: &mut Walk, t: &DeTable, places: u32) -> Option<Decimal> {
    let Some(f) = w.optional(t, "floor") else {
        return Some(Decimal::ZERO);
    };
    let v = w.number("floor", f.clone())?;
    check_places(w, &f.0, "floor", v, places);
    if v > Decimal::ZERO {
        w.err(&f.0, msg!("rubric-floor-positive", value = num::plain(v)));
        return None;
    }
    Some(v)
}

/// `measure`, `scale` and `interpolate`: a leaf scored from a measured
/// value; the scale's values strictly ascending, its bases between the
/// leaf's floor and max.
fn read_measure(
    w: &mut Walk,
    t: &DeTable,
    measures: &[Measure],
    with_scorers: bool,
    (floor, max): (Option<Decimal>, Option<Decimal>),
) -> Option<Measured> {
    let measure = w.optional(t, "measure");
    let scale = w.optional(t, "scale");
    let interpolate = w.optional(t, "interpolate");
    let Some(mf) = measure else {
        for (key, f) in [("scale", scale), ("interpolate", interpolate)] {
            if let Some((span, _)) = f {
                w.err(&span, msg!("rubric-scale-without-measure", key = key));
            }
        }
        return None;
    };
    if with_scorers {
        w.err(&mf.0, msg!("rubric-measure-and-scorers"));
    }
    let name = w.string("measure", mf.clone())?;
    let index = measures.iter().position(|m| m.id == name);
    if index.is_none() {
        w.err(
            &mf.0,
            msg!(
                "rubric-measure-undeclared",
                measure = &name,
                hint = hint(&name, measures.iter().map(|m| m.id.as_str()))
            ),
        );
    }
    let interpolate = match interpolate {
        None => Some(Interpolate::Linear),
        Some(f) => match w.string("interpolate", f.clone()).as_deref() {
            Some("linear") => Some(Interpolate::Linear),
            Some("step") => Some(Interpolate::Step),
            Some(other) => {
                w.err(&f.0, msg!("rubric-interpolate-unknown", value = other));
                None
            }
            None => None,
        },
    };
    let Some(sf) = scale else {
        w.err(&mf.0, msg!("rubric-scale-missing"));
        return None;
    };
    let points = read_scale(w, sf.clone(), interpolate?, (floor?, max?))?;
    Some(Measured {
        measure: index?,
        scale: points,
        interpolate: interpolate?,
    })
}

/// `scale = [[89, 0], [99, 5]]`: (value, base) points.
fn read_scale(
    w: &mut Walk,
    (span, v): Field,
    interpolate: Interpolate,
    (floor, max): (Decimal, Decimal),
) -> Option<Vec<(Decimal, Decimal)>> {
    let toml::de::DeValue::Array(list) = v.get_ref() else {
        w.err(&span, msg!("rubric-scale-shape"));
        return None;
    };
    let errors = w.errors;
    let mut points: Vec<(Decimal, Decimal)> = Vec::new();
    for p in list.iter() {
        let pair = match p.get_ref() {
            toml::de::DeValue::Array(pair) if pair.len() == 2 => pair,
            _ => {
                w.err(&p.span(), msg!("rubric-scale-shape"));
                continue;
            }
        };
        let mut values = pair.iter();
        let (Some(value), Some(base)) = (values.next(), values.next()) else {
            continue;
        };
        let value = w.number("scale", (value.span(), value));
        let base = w.number("scale", (base.span(), base));
        let (Some(value), Some(base)) = (value, base) else {
            continue;
        };
        if let Some((prev, _)) = points.last().filter(|(prev, _)| value <= *prev) {
            w.err(
                &p.span(),
                msg!(
                    "rubric-scale-not-ascending",
                    value = num::plain(value),
                    previous = num::plain(*prev)
                ),
            );
        }
        if base < floor || base > max {
            w.err(
                &p.span(),
                msg!(
                    "rubric-scale-base-outside",
                    base = num::plain(base),
                    floor = num::plain(floor),
                    max = num::plain(max)
                ),
            );
        }
        points.push((value, base));
    }
    let least = match interpolate {
        Interpolate::Linear => 2,
        Interpolate::Step => 1,
    };
    if w.errors == errors && points.len() < least {
        w.err(&span, msg!("rubric-scale-too-short", least = least));
    }
    (w.errors == errors).then_some(points)
}

/// `start`: where a leaf scored by daily records alone starts, from 0
/// unless written; a leaf with scorers takes its score from them.
fn read_start(w: &mut Walk, t: &DeTable, with_scorers: bool) -> Option<Start> {
    let Some(f) = w.optional(t, "start") else {
        return Some(Start::Zero);
    };
    let value = w.string("start", f.clone());
    if with_scorers {
        w.err(&f.0, msg!("rubric-start-with-scorers"));
    }
    match value.as_deref() {
        Some("zero") => Some(Start::Zero),
        Some("full") => Some(Start::Full),
        Some(other) => {
            w.err(&f.0, msg!("rubric-start-unknown", value = other));
            None
        }
        None => None,
    }
}

/// `[[…item.rule]]`: the per-instance rules of a leaf (`docs/formats.md`,
/// “Rules”).
pub(super) fn read_rules(
    w: &mut Walk,
    tree: &mut Tree,
    t: &DeTable,
    item: usize,
    part: PartKind,
) -> Option<Range<usize>> {
    let first = tree.rules.len();
    let Some(field) = w.optional(t, "rule") else {
        return Some(first..first);
    };
    let errors = w.errors;
    let mut ids: HashMap<String, usize> = HashMap::new();
    for (rt, rspan) in w.tables("rule", field) {
        let what = &msg!("rubric-this-rule");
        w.known_keys(rt, RULE_KEYS, msg!("rubric-place-rule"));
        let id = w.located(rt, &rspan, "id", what);
        let text = w
            .required(rt, &rspan, "text", what)
            .and_then(|f| w.string("text", f));
        let kind = w.required(rt, &rspan, "kind", what).and_then(|f| {
            match w.string("kind", f.clone()).as_deref() {
                Some("deduct") => Some(RuleKind::Deduct),
                // A penalty line only takes points.
                Some("add") if part == PartKind::Penalty => {
                    w.err(&f.0, msg!("rubric-penalty-add-rule"));
                    None
                }
                Some("add") => Some(RuleKind::Add),
                Some(other) => {
                    w.err(&f.0, msg!("rubric-rule-kind", value = other));
                    None
                }
                None => None,
            }
        });
        let points = w.required(rt, &rspan, "points", what).and_then(|f| {
            let p = w.number("points", f.clone())?;
            if p <= Decimal::ZERO {
                w.err(&f.0, msg!("rubric-rule-points", value = num::plain(p)));
            }
            Some(p)
        });
        let max = w.optional(rt, "max").and_then(|f| {
            let m = w.number("max", f.clone())?;
            if m <= Decimal::ZERO {
                w.err(&f.0, msg!("rubric-rule-max", value = num::plain(m)));
            }
            Some(m)
        });
        let line = id
            .as_ref()
            .map_or_else(|| w.line(&rspan), |(_, at)| w.line(at));
        if let Some((id, at)) = &id {
            if let Some(first) = ids.insert(id.clone(), line) {
                w.err(
                    at,
                    msg!("rubric-rule-twice", id = id.as_str(), first = first),
                );
            }
        }
        if let (Some((id, _)), Some(text), Some(kind), Some(points)) = (id, text, kind, points) {
            tree.rules.push(Rule {
                id,
                text,
                kind,
                points,
                max,
                item,
                line,
            });
        }
    }
    (w.errors == errors).then_some(first..tree.rules.len())
}

/// `scorers = { office = 0.3, lead = "0.7" }`: declared scorers, weights > 0
/// adding up to exactly 1.
pub(super) fn read_weights(w: &mut Walk, field: Field, scorers: &[Scorer]) -> Option<Vec<Weight>> {
    let span = field.0.clone();
    let t = w.table("scorers", field)?;
    let errors = w.errors;
    let mut out = Vec::new();
    for (key, value) in t.iter() {
        let k = key.get_ref().trim();
        let weight = w.number(&format!("scorers.{k}"), (key.span(), value));
        let Some(s) = scorers.iter().position(|s| s.id == k) else {
            let hint = hint(k, scorers.iter().map(|s| s.id.as_str()));
            w.err(
                &key.span(),
                msg!("rubric-scorer-undeclared", scorer = k, hint = hint),
            );
            continue;
        };
        if let Some(weight) = weight {
            if weight <= Decimal::ZERO {
                w.err(&key.span(), msg!("rubric-weight-not-positive", scorer = k));
            }
            out.push(Weight { scorer: s, weight });
        }
    }
    if t.is_empty() {
        w.err(&span, msg!("rubric-weights-empty"));
    }
    if w.errors == errors {
        let sum = out
            .iter()
            .try_fold(Decimal::ZERO, |acc, x| acc.checked_add(x.weight));
        if sum != Some(Decimal::ONE) {
            w.err(
                &span,
                msg!(
                    "rubric-weights-sum",
                    sum = sum.map_or(Arg::from(msg!("rubric-weights-too-much")), |s| {
                        Arg::from(num::plain(s))
                    })
                ),
            );
        }
    }
    (w.errors == errors).then_some(out)
}
