//! What a leaf's row of 细则 holds besides its title: 编号, 分值, 评分标准,
//! 评分单位 with their weights, 核减上限, 核加上限 and 计分方式.

use rust_decimal::Decimal;

use super::cells::{At, Errors, Sheet, header_text};
use super::scorers::ScorerRef;
use super::tree::Leaf;
use super::values::number;
use super::vocabulary::{
    COL_MAX_ADD, COL_MAX_DEDUCT, COL_POINTS, METHOD_FULL, METHOD_FULL_ALSO, METHOD_ZERO,
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
}

/// The leaf of row `r`. `have_scorers`: a 评分单位 sheet was read, so a
/// scorer it does not list is unknown.
pub(super) fn read_leaf(
    s: &Sheet,
    r: u32,
    cols: &LeafColumns,
    scorers: &[ScorerRef],
    have_scorers: bool,
    e: &mut Errors,
) -> Leaf {
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
