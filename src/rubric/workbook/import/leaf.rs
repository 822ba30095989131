//! What a leaf's row of 细则 holds besides its title: 编号, 分值, 评分标准,
//! 评分单位 with their weights, 核减上限, 核加上限 and 计分方式; and of part
//! three, its section's 类别, its 最低分, its measure and its 适用范围.

use rust_decimal::Decimal;

use super::cells::{At, Errors, Sheet, header_text};
use super::classes::applies;
use super::lists::Named;
use super::measured::{MeasureColumns, read_measured};
use super::part::read_part;
use super::scorers::ScorerRef;
use super::tree::{Leaf, PartCell};
use super::values::number;
use super::vocabulary::{
    COL_FLOOR, COL_MAX_ADD, COL_MAX_DEDUCT, COL_POINTS, METHOD_FULL, METHOD_FULL_ALSO, METHOD_ZERO,
    METHOD_ZERO_ALSO,
};
use super::weights::parse_weights;
use crate::model::rubric::Start;
use crate::text::i18n::msg;

/// The columns of 细则 a leaf's values are read from; only 分值 is required.
pub(super) struct LeafColumns {
    pub(super) id: Option<u32>,
    pub(super) points: u32,
    pub(super) criteria: Option<u32>,
    pub(super) scorers: Option<u32>,
    pub(super) max_deduct: Option<u32>,
    pub(super) max_add: Option<u32>,
    pub(super) method: Option<u32>,
    pub(super) part: Option<u32>,
    pub(super) floor: Option<u32>,
    pub(super) measured: MeasureColumns,
    pub(super) applies: Option<u32>,
}

/// What the cells of 细则 name, from the other sheets.
pub(super) struct Refs<'a> {
    pub(super) scorers: &'a [ScorerRef],
    /// A 评分单位 sheet was read, so a scorer it does not list is unknown.
    pub(super) have_scorers: bool,
    pub(super) classes: &'a [Named],
    pub(super) measures: &'a [Named],
}

/// The leaf of row `r`.
pub(super) fn read_leaf(
    s: &Sheet,
    r: u32,
    cols: &LeafColumns,
    refs: &Refs,
    e: &mut Errors,
) -> Leaf {
    let (scorers, have_scorers) = (refs.scorers, refs.have_scorers);
    let cap = |c: Option<u32>, name: &str, e: &mut Errors| {
        let c = c?;
        number(s, r, c, name, e)
            .ok()
            .flatten()
            .map(|x| (x, s.at(r, c)))
    };
    let scorers_at = s.at(r, cols.scorers.unwrap_or(cols.points));
    let weights = cols
        .scorers
        .and_then(|c| s.filled_text(r, c))
        .map(|(t, _)| parse_weights(&t, scorers, have_scorers, &scorers_at, e));
    let method = cols
        .method
        .and_then(|c| s.filled_text(r, c).map(|(t, _)| (t, s.at(r, c))));
    let start_written = method.is_some();
    let start = start(method, &weights, &scorers_at, e);
    Leaf {
        code: cols.id.and_then(|c| s.text(r, c).map(|t| (t, s.at(r, c)))),
        points: number(s, r, cols.points, COL_POINTS, e),
        points_at: s.at(r, cols.points),
        criteria: cols
            .criteria
            .and_then(|c| s.text(r, c).map(|t| (t, s.at(r, c)))),
        scorers: weights.and_then(Result::ok),
        scorers_at,
        start,
        max_deduct: cap(cols.max_deduct, COL_MAX_DEDUCT, e),
        max_add: cap(cols.max_add, COL_MAX_ADD, e),
        rules: Vec::new(),
        start_written,
        part: part(s, r, cols.part, e),
        floor: cap(cols.floor, COL_FLOOR, e),
        measured: read_measured(s, r, cols.measured, refs.measures, e),
        applies: cols.applies.and_then(|c| {
            let at = s.at(r, c);
            let read = applies(&s.text(r, c)?, refs.classes, &at, e)?;
            Some((read, at))
        }),
    }
}

/// 类别 of the row's section: its own cell, or a merged one above it
/// (read once: a problem of a merged cell is reported at that cell once);
/// `Err` when it names no part (reported).
fn part(s: &Sheet, r: u32, col: Option<u32>, e: &mut Errors) -> PartCell {
    let Some((t, at)) = col.and_then(|c| s.filled_text(r, c)) else {
        return Ok(None);
    };
    if at.row != r && e.has_cell(&at) {
        return Err(());
    }
    match read_part(&t, &at, e) {
        Some(p) => Ok(Some((p, at))),
        None => Err(()),
    }
}

/// Where a leaf without scorers starts (计分方式): from 0 unless written;
/// a leaf with scorers takes its score from them and has none.
fn start(
    method: Option<(String, At)>,
    weights: &Option<Result<Vec<(String, Decimal)>, ()>>,
    scorers_at: &At,
    e: &mut Errors,
) -> Option<(Start, At)> {
    let (t, at) = match (method, weights) {
        (None, Some(_)) => return None,
        (None, None) => return Some((Start::Zero, scorers_at.clone())),
        (Some(m), _) => m,
    };
    let t = header_text(&t);
    let start = if t == METHOD_ZERO || METHOD_ZERO_ALSO.contains(&t.as_str()) {
        Some(Start::Zero)
    } else if t == METHOD_FULL || METHOD_FULL_ALSO.contains(&t.as_str()) {
        Some(Start::Full)
    } else {
        e.at(
            at.clone(),
            msg!(
                "import-method-unknown",
                value = t.as_str(),
                zero = METHOD_ZERO,
                full = METHOD_FULL
            ),
        );
        None
    };
    if weights.is_some() && start.is_some() {
        e.at(
            at.clone(),
            msg!("import-method-with-scorers", value = t.as_str()),
        );
        None
    } else {
        start.map(|x| (x, at))
    }
}
