//! One rubric file: parsed, every part of it read and checked, and the
//! model built when nothing was wrong.

use rust_decimal::Decimal;
use std::sync::Arc;
use toml::de::DeTable;

use super::grades::{check_first_min, read_grades};
use super::indicators::read_sections;
use super::mechanics::{
    read_classes, read_max_total, read_measures, read_methods, read_na, read_veto,
};
use super::top::{Head, read_conversion, read_head, read_period, read_scorers};
use super::tree::{Scope, Tree};
use super::units::read_units;
use super::walk::Walk;
use crate::model::keys::Keys;
use crate::model::rubric::{PartKind, Rubric, Unit};
use crate::model::source::InputFile;
use crate::num;
use crate::text::diag::Diagnostics;
use crate::text::i18n::msg;
use crate::text::i18n::{Arg, tr};

const TOP_KEYS: &[&str] = &[
    "id",
    "title",
    "year",
    "total",
    "decimals",
    "ranking",
    "period",
    "scorers",
    "grade",
    "unit",
    "section",
    "conversion",
    "max_total",
    "na",
    "classes",
    "measures",
    "veto",
    "methods",
];

/// The units read from a rubric file that failed to load.
pub(super) struct Roster {
    pub(super) path: Arc<str>,
    pub(super) units: Vec<Unit>,
}

/// Parses and validates one rubric; `None` if anything in it is wrong.
pub fn parse_rubric(text: &str, origin: InputFile, diags: &mut Diagnostics) -> Option<Rubric> {
    parse_parts(text, origin, diags).ok()
}

/// Parses and validates one rubric; when anything is wrong, the units it
/// could read, for the checks across rubrics.
pub(super) fn parse_parts(
    text: &str,
    origin: InputFile,
    diags: &mut Diagnostics,
) -> Result<Rubric, Roster> {
    let failed = |units: Vec<Unit>| Roster {
        path: Arc::clone(&origin.path),
        units,
    };
    let (doc, syntax) = DeTable::parse_recoverable(text);
    let mut w = Walk::new(&origin.path, text, diags);
    if w.syntax(syntax) {
        return Err(failed(Vec::new()));
    }
    let top = doc.get_ref();
    let start_of_file = 0..0;
    w.known_keys(top, TOP_KEYS, msg!("rubric-place-rubric"));
    let head = read_head(&mut w, top, &start_of_file);
    let (start, end) = read_period(&mut w, top, head.year);
    let scorers = read_scorers(&mut w, top, &start_of_file);
    let (grades, first_min) = read_grades(&mut w, top, &start_of_file, head.places);
    let classes = read_classes(&mut w, top);
    let measures = read_measures(&mut w, top);
    let units = read_units(&mut w, top, &start_of_file, &classes);
    let conversion = read_conversion(&mut w, top);
    let na = read_na(&mut w, top);
    let veto = read_veto(&mut w, top, head.places);
    let methods = read_methods(&mut w, top);
    let written_max_total = read_max_total(&mut w, top, head.places);
    let scope = Scope {
        scorers: &scorers,
        places: head.places,
        classes: &classes,
        measures: &measures,
    };
    let tree = read_sections(&mut w, top, &start_of_file, scope);
    check_maxima_sum(&mut w, &head, &tree);
    let max_total = highest_total(&mut w, &head, &tree, written_max_total.clone());
    if let Some(max_total) = max_total {
        check_first_min(&mut w, &grades, first_min, max_total);
    }
    let Tree {
        sections,
        items,
        groups,
        rules,
        ..
    } = tree;

    if w.errors > 0 {
        return Err(failed(units));
    }
    let (
        Head {
            id: Some(id),
            title: Some(title),
            year: Some(year),
            total: Some(total),
            decimals: Some(decimals),
            ranking: Some(ranking),
            ..
        },
        Some(start),
        Some(end),
        Some(max_total),
    ) = (head, start, end, max_total)
    else {
        return Err(failed(units));
    };
    // Titles first, ids after: an id wins where it equals another's title.
    let item_keys = keys(&items, |i| &i.title, |i| &i.id);
    let group_keys = keys(&groups, |g| &g.title, |g| &g.id);
    let scorer_keys = keys(&scorers, |s| &s.name, |s| &s.id);
    Ok(Rubric {
        conversion,
        id,
        title,
        year,
        total,
        decimals,
        ranking,
        start,
        end,
        scorers,
        grades,
        units,
        sections,
        items,
        groups,
        rules,
        origin,
        max_total,
        max_total_written: written_max_total.is_some(),
        na,
        classes,
        measures,
        veto,
        methods,
        source: text.to_string(),
        item_keys,
        group_keys,
        scorer_keys,
    })
}

/// The lookup of a list by title (or name) and by id; an id inserted after
/// every title wins where it equals another entry's title.
fn keys<T>(list: &[T], title: impl Fn(&T) -> &String, id: impl Fn(&T) -> &String) -> Keys<usize> {
    let mut keys = Keys::default();
    for (i, x) in list.iter().enumerate() {
        keys.insert(title(x).as_bytes(), i);
    }
    for (i, x) in list.iter().enumerate() {
        keys.insert(id(x).as_bytes(), i);
    }
    keys
}

/// The leaf maxima must add up to the scale exactly, or every total is
/// off. Checked whenever every leaf's max was read, beside any other
/// error, with each section's subtotal to show where the gap is.
fn check_maxima_sum(w: &mut Walk, head: &Head, tree: &Tree) {
    let (Some(total), Some(span), true) = (head.total, &head.total_span, tree.maxima_complete)
    else {
        return;
    };
    let subtotals: Option<Vec<(String, Decimal)>> = tree
        .sections
        .iter()
        .filter(|s| s.kind == PartKind::Scored)
        .map(|s| {
            let sum = tree.items[s.items.clone()]
                .iter()
                .try_fold(Decimal::ZERO, |acc, i| acc.checked_add(i.max))?;
            Some((s.title.clone(), sum))
        })
        .collect();
    let sum = subtotals.as_ref().and_then(|v| {
        v.iter()
            .try_fold(Decimal::ZERO, |acc, (_, x)| acc.checked_add(*x))
    });
    if sum != Some(total) {
        let sum = sum.map_or(Arg::from(msg!("rubric-sum-too-large")), |s| {
            Arg::from(num::plain(s))
        });
        let sections = subtotals
            .unwrap_or_default()
            .iter()
            .map(|(t, x)| {
                tr!(
                    "rubric-subtotal",
                    section = t.as_str(),
                    sum = num::plain(*x)
                )
            })
            .collect::<Vec<_>>()
            .join(&tr!("list-separator"));
        w.err(
            span,
            msg!(
                "rubric-maxima-sum",
                sum = sum,
                total = num::plain(total),
                sections = sections
            ),
        );
    }
}

/// The highest total a unit can reach: `max_total` when written (at least
/// the scale), else the scale plus every bonus part's max.
fn highest_total(
    w: &mut Walk,
    head: &Head,
    tree: &Tree,
    written: Option<(Decimal, std::ops::Range<usize>)>,
) -> Option<Decimal> {
    let total = head.total?;
    if let Some((m, span)) = written {
        if m < total {
            w.err(
                &span,
                msg!(
                    "rubric-max-total-below",
                    max_total = num::plain(m),
                    total = num::plain(total)
                ),
            );
        }
        return Some(m);
    }
    tree.sections
        .iter()
        .filter(|s| s.kind == PartKind::Bonus)
        .try_fold(total, |acc, s| acc.checked_add(s.max.unwrap_or_default()))
}
