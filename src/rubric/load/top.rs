//! The top-level keys of a rubric: id, title, year, decimals, ranking and
//! total, `[period]`, `[scorers]` and `[conversion]`.

use rust_decimal::Decimal;
use std::collections::HashMap;
use std::ops::Range;
use toml::de::DeTable;

use super::walk::{Walk, check_places_positive};
use crate::date::Date;
use crate::model::rubric::{Ranking, Scorer};
use crate::num;
use crate::text::i18n::msg;

const PERIOD_KEYS: &[&str] = &["start", "end"];
const CONVERSION_KEYS: &[&str] = &["points", "label"];

/// The top-level values of a rubric, each `None` when wrong (reported).
pub(super) struct Head {
    pub(super) id: Option<String>,
    pub(super) title: Option<String>,
    pub(super) year: Option<i64>,
    pub(super) decimals: Option<u32>,
    pub(super) ranking: Option<Ranking>,
    /// The decimal places every value may have: `decimals`, or 6 when it
    /// is wrong.
    pub(super) places: u32,
    /// The scale, `None` too when it is wrong in itself: then it is not
    /// compared with the maxima.
    pub(super) total: Option<Decimal>,
    /// The span of the `total` key.
    pub(super) total_span: Option<Range<usize>>,
}

/// id, title, year, decimals, ranking and total; `at` is the start of the file.
pub(super) fn read_head(w: &mut Walk, top: &DeTable, at: &Range<usize>) -> Head {
    let the_rubric = msg!("rubric-place-rubric");
    let id = w.required(top, at, "id", &the_rubric).and_then(|f| {
        let id = w.string("id", f.clone())?;
        if !valid_rubric_id(&id) {
            w.err(&f.0, msg!("rubric-id-invalid", id = &id));
        }
        Some(id)
    });
    let title = w
        .required(top, at, "title", &the_rubric)
        .and_then(|f| w.string("title", f));
    let year = w
        .required(top, at, "year", &the_rubric)
        .and_then(|f| w.integer("year", f, 1900..10000));
    let decimals = match w.optional(top, "decimals") {
        Some(f) => w.integer("decimals", f, 0..7).map(|d| d as u32),
        None => Some(2),
    };
    let ranking = read_ranking(w, top);
    let places = decimals.unwrap_or(6);
    let total_field = w.required(top, at, "total", &the_rubric);
    let total_errors = w.errors;
    let total = total_field.clone().and_then(|f| {
        let t = w.number("total", f.clone())?;
        check_places_positive(w, &f.0, "total", t, places);
        Some(t)
    });
    // A total that is wrong in itself is not compared with the maxima.
    let total = total.filter(|_| w.errors == total_errors);
    Head {
        id,
        title,
        year,
        decimals,
        ranking,
        places,
        total,
        total_span: total_field.map(|(span, _)| span),
    }
}

/// `ranking`: competition (1, 2, 2, 4) unless written.
fn read_ranking(w: &mut Walk, top: &DeTable) -> Option<Ranking> {
    let Some(f) = w.optional(top, "ranking") else {
        return Some(Ranking::Competition);
    };
    match w.string("ranking", f.clone()).as_deref() {
        Some("competition") => Some(Ranking::Competition),
        Some("dense") => Some(Ranking::Dense),
        Some(other) => {
            w.err(&f.0, msg!("rubric-ranking-unknown", value = other));
            None
        }
        None => None,
    }
}

fn valid_rubric_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

pub(super) fn read_period(
    w: &mut Walk,
    top: &DeTable,
    year: Option<i64>,
) -> (Option<Date>, Option<Date>) {
    let default = |m, d| {
        year.and_then(|y| i32::try_from(y).ok())
            .and_then(|y| Date::new(y, m, d))
    };
    let Some(field) = w.optional(top, "period") else {
        return (default(1, 1), default(12, 31));
    };
    let span = field.0.clone();
    let Some(t) = w.table("period", field) else {
        return (None, None);
    };
    w.known_keys(t, PERIOD_KEYS, msg!("rubric-place-period"));
    // The error points at `end` (or `start`, when only it is written).
    let mut at = span;
    let start = match w.optional(t, "start") {
        Some(f) => {
            at = f.0.clone();
            w.date("start", f)
        }
        None => default(1, 1),
    };
    let end = match w.optional(t, "end") {
        Some(f) => {
            at = f.0.clone();
            w.date("end", f)
        }
        None => default(12, 31),
    };
    if let (Some(s), Some(e), Some(y)) = (start, end, year) {
        // A period may start in the year before (1 Dec - 30 Nov), but it
        // must share a day with the calendar year it assesses.
        if s <= e && (i64::from(e.year) < y || i64::from(s.year) > y) {
            w.err(
                &at,
                msg!(
                    "rubric-period-outside-year",
                    start = s.to_string(),
                    end = e.to_string(),
                    year = y
                ),
            );
        }
    }
    if let (Some(s), Some(e)) = (start, end) {
        if s > e {
            w.err(
                &at,
                msg!(
                    "rubric-period-reversed",
                    start = s.to_string(),
                    end = e.to_string()
                ),
            );
        }
    }
    (start, end)
}

pub(super) fn read_scorers(w: &mut Walk, top: &DeTable, at: &Range<usize>) -> Vec<Scorer> {
    let mut scorers = Vec::new();
    let Some(field) = w.required(top, at, "scorers", &msg!("rubric-place-rubric")) else {
        return scorers;
    };
    let span = field.0.clone();
    let Some(t) = w.table("scorers", field) else {
        return scorers;
    };
    let mut names: HashMap<String, String> = HashMap::new();
    for (key, value) in t.iter() {
        let id = key.get_ref().trim().to_string();
        // An id is written into every table and document: no control
        // characters, as in the names and titles.
        if super::walk::has_control("id", &id) {
            w.err(
                &key.span(),
                msg!(
                    "rubric-control-character",
                    key = "scorers",
                    value = crate::text::escape_controls(&id)
                ),
            );
        }
        if let Some(name) = w.string(&format!("scorers.{id}"), (key.span(), value)) {
            if let Some(first) = names.insert(name.clone(), id.clone()) {
                w.err(
                    &key.span(),
                    msg!(
                        "rubric-scorer-same-name",
                        first = first,
                        id = &id,
                        name = &name
                    ),
                );
            }
            scorers.push(Scorer { id, name });
        }
    }
    if t.is_empty() {
        w.err(&span, msg!("rubric-scorers-empty"));
    }
    scorers
}

/// `[conversion]`: the total converted into the prefecture's performance
/// system (折算), `points` > 0 out of the rubric's total.
pub(super) fn read_conversion(
    w: &mut Walk,
    top: &DeTable,
) -> Option<crate::model::rubric::Conversion> {
    let field = w.optional(top, "conversion")?;
    let span = field.0.clone();
    let t = w.table("conversion", field)?;
    w.known_keys(t, CONVERSION_KEYS, msg!("rubric-place-conversion"));
    let what = msg!("rubric-place-conversion");
    let points = w.required(t, &span, "points", &what).and_then(|f| {
        let p = w.number("points", f.clone())?;
        if p <= Decimal::ZERO {
            w.err(
                &f.0,
                msg!("rubric-conversion-points", value = num::plain(p)),
            );
            return None;
        }
        Some(p)
    })?;
    let label = match w.optional(t, "label") {
        Some(f) => w.string("label", f)?,
        None => String::new(),
    };
    Some(crate::model::rubric::Conversion { points, label })
}
