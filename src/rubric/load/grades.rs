//! `[[grade]]`: the grades (等次), highest first, each with its minimum.

use rust_decimal::Decimal;
use std::collections::HashSet;
use std::ops::Range;
use toml::de::DeTable;

use super::walk::{Walk, check_places};
use crate::model::rubric::Grade;
use crate::num;
use crate::text::i18n::msg;

const GRADE_KEYS: &[&str] = &["id", "label", "min"];

pub(super) fn read_grades(
    w: &mut Walk,
    top: &DeTable,
    at: &Range<usize>,
    places: u32,
    total: Option<Decimal>,
) -> Vec<Grade> {
    let mut grades: Vec<Grade> = Vec::new();
    let Some(field) = w.required(top, at, "grade", &msg!("rubric-place-rubric")) else {
        return grades;
    };
    let list_span = field.0.clone();
    let mut last: Option<(Decimal, Range<usize>)> = None;
    let mut seen: HashSet<String> = HashSet::new();
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
                None => {
                    if let Some(total) = total.filter(|t| min > *t) {
                        w.err(
                            &mspan,
                            msg!(
                                "rubric-grade-above-total",
                                min = num::plain(min),
                                total = num::plain(total)
                            ),
                        );
                    }
                }
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
        if let (Some(id), Some(label), Some(min)) = (id, label, min) {
            grades.push(Grade { id, label, min });
        }
    }
    match last {
        None if w.errors == 0 => w.err(&list_span, msg!("rubric-no-grade")),
        Some((min, span)) if !min.is_zero() => w.err(
            &span,
            msg!("rubric-last-grade-not-zero", min = num::plain(min)),
        ),
        _ => {}
    }
    grades
}
