//! `[[grade]]`: the grades (等次), highest first, each with its minimum.

use rust_decimal::Decimal;
use std::collections::HashSet;
use std::ops::Range;
use toml::de::DeTable;

use super::walk::{Walk, check_places};
use crate::model::rubric::{Grade, Quota};
use crate::num;
use crate::text::i18n::msg;

const GRADE_KEYS: &[&str] = &["id", "label", "min", "quota"];

/// The grades, and the span of the first one's `min` (compared with the
/// highest total once the parts are known).
pub(super) fn read_grades(
    w: &mut Walk,
    top: &DeTable,
    at: &Range<usize>,
    places: u32,
) -> (Vec<Grade>, Option<Range<usize>>) {
    let mut grades: Vec<Grade> = Vec::new();
    let mut first_min = None;
    let Some(field) = w.required(top, at, "grade", &msg!("rubric-place-rubric")) else {
        return (grades, first_min);
    };
    let list_span = field.0.clone();
    let mut last: Option<(Decimal, Range<usize>)> = None;
    let mut seen: HashSet<String> = HashSet::new();
    let mut quota_spans: Vec<Option<Range<usize>>> = Vec::new();
    for (t, span) in w.tables("grade", field) {
        w.known_keys(t, GRADE_KEYS, msg!("rubric-place-grade"));
        let this = msg!("rubric-this-grade");
        let id = w
            .required(t, &span, "id", &this)
            .and_then(|f| w.string("id", f));
        let label = w
            .required(t, &span, "label", &this)
            .and_then(|f| w.string("label", f));
        let min_field = w.required(t, &span, "min", &this);
        let min = min_field.clone().and_then(|f| w.number("min", f));
        // A grade may be labelled by its own id; two grades may not share a name.
        let own: HashSet<&String> = id.iter().chain(label.iter()).collect();
        for key in own {
            if !seen.insert(key.clone()) {
                w.err(&span, msg!("rubric-grade-twice", value = key));
            }
        }
        if let (Some(min), Some((mspan, _))) = (min, min_field) {
            check_places(w, &mspan, "min", min, places);
            if min < Decimal::ZERO {
                w.err(&mspan, msg!("rubric-grade-negative"));
            }
            match &last {
                None => first_min = Some(mspan.clone()),
                Some((prev, _)) if min >= *prev => w.err(
                    &mspan,
                    msg!(
                        "rubric-grades-not-descending",
                        min = num::plain(min),
                        previous = num::plain(*prev)
                    ),
                ),
                Some(_) => {}
            }
            last = Some((min, mspan));
        }
        let quota = read_quota(w, t);
        if let (Some(id), Some(label), Some(min)) = (id, label, min) {
            grades.push(Grade {
                id,
                label,
                min,
                quota: quota.as_ref().map(|(q, _)| *q),
            });
            quota_spans.push(quota.map(|(_, s)| s));
        }
    }
    // The last grade takes whoever the others do not: it has no quota.
    if let Some(Some(span)) = quota_spans.last() {
        w.err(span, msg!("rubric-quota-on-last-grade"));
    }
    match last {
        None if w.errors == 0 => w.err(&list_span, msg!("rubric-no-grade")),
        Some((min, span)) if !min.is_zero() => w.err(
            &span,
            msg!("rubric-last-grade-not-zero", min = num::plain(min)),
        ),
        _ => {}
    }
    (grades, first_min)
}

/// `quota`: a share of the roster (0 < q < 1) or a whole number of units.
fn read_quota(w: &mut Walk, t: &DeTable) -> Option<(Quota, Range<usize>)> {
    let f = w.optional(t, "quota")?;
    let q = w.number("quota", f.clone())?;
    let quota = if q <= Decimal::ZERO {
        None
    } else if q < Decimal::ONE {
        Some(Quota::Share(q))
    } else if q.fract().is_zero() {
        u64::try_from(q).ok().map(Quota::Count)
    } else {
        None
    };
    if quota.is_none() {
        w.err(&f.0, msg!("rubric-quota-bad", value = num::plain(q)));
    }
    Some((quota?, f.0))
}

/// The first grade's `min` is at most the highest total a unit can reach.
pub(super) fn check_first_min(
    w: &mut Walk,
    grades: &[Grade],
    span: Option<Range<usize>>,
    max_total: Decimal,
) {
    if let (Some(first), Some(span)) = (grades.first(), span) {
        if first.min > max_total {
            w.err(
                &span,
                msg!(
                    "rubric-grade-above-total",
                    min = num::plain(first.min),
                    total = num::plain(max_total)
                ),
            );
        }
    }
}
