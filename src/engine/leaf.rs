//! One leaf of one unit: its base (annual scores, a start, or a measured
//! value through a scale), its deductions and additions under the rules and
//! caps, the score held between its floor and max and rounded once
//! (`docs/computation.md#base` to `#leaf-score`, `#measures`, `#parts`).

use rust_decimal::Decimal;

use super::measure::{Fraction, interpolate};
use crate::model::inputs::ItemInputs;
use crate::model::results::{ItemScore, RuleScore};
use crate::model::rubric::{PartKind, Rubric, RuleKind, Start};
use crate::num;

/// Places a fractional base is shown with (the score is computed from the
/// exact fraction).
const SHOWN_PLACES: u32 = 6;

/// Steps 1-3 of the computation for one applicable leaf; `None` only when a
/// number overflows.
pub fn score_leaf(rubric: &Rubric, i: usize, inputs: &ItemInputs) -> Option<ItemScore> {
    let item = &rubric.items[i];
    let dp = rubric.decimals;
    let (base, measured) = base(rubric, i, inputs)?;
    let adjust = adjustments(rubric, i, inputs)?;
    let penalty = rubric.part_of(i) == PartKind::Penalty;
    // A penalty line takes its deductions (capped by its own max only in the
    // score), never below 0 points taken.
    let (raw, floor, max) = if penalty {
        let taken = Fraction::whole(adjust.deducted.min(item.max));
        (
            taken.negated()?,
            Decimal::ZERO.checked_sub(item.max)?,
            Decimal::ZERO,
        )
    } else {
        let change = adjust.deducted.checked_sub(adjust.added)?;
        (base.minus(change)?, item.floor, item.max)
    };
    let clamped = raw.clamp(floor, max)?;
    let zeroed = inputs.zeroed.is_some();
    let score = if zeroed {
        Decimal::ZERO
    } else {
        num::normal_zero(clamped.round(dp)?)
    };
    let exact = base.exact_within(SHOWN_PLACES)?;
    Some(ItemScore {
        base: if penalty {
            Decimal::ZERO
        } else {
            base.shown(SHOWN_PLACES)?
        },
        rules: adjust.rules,
        deduct_sum: adjust.deduct_sum,
        add_sum: adjust.add_sum,
        deducted: adjust.deducted,
        added: if penalty { Decimal::ZERO } else { adjust.added },
        raw: raw.shown(SHOWN_PLACES)?,
        clamped: clamped.shown(SHOWN_PLACES)?,
        score,
        exact,
        zeroed,
        measured,
    })
}

/// The leaf's base: the weighted annual scores, its start, or its measured
/// value read on its scale (exact, perhaps a fraction).
fn base(
    rubric: &Rubric,
    i: usize,
    inputs: &ItemInputs,
) -> Option<(Fraction, Option<crate::model::results::MeasureUse>)> {
    let item = &rubric.items[i];
    if let Some(m) = &item.measure {
        let value = inputs.measured.as_ref().and_then(|v| v.value);
        let (base, mut used) = interpolate(m, value.unwrap_or(Decimal::ZERO))?;
        used.value = value;
        // A missing value gives the base 0, not the scale's reading of 0
        // (only reachable with --allow-missing).
        let base = if value.is_some() {
            base
        } else {
            Fraction::whole(Decimal::ZERO)
        };
        return Some((base, Some(used)));
    }
    if item.scorers.is_empty() {
        let start = match item.start {
            Start::Zero => Decimal::ZERO,
            Start::Full => item.max,
        };
        return Some((Fraction::whole(start), None));
    }
    let mut base = Decimal::ZERO;
    for (w, cell) in item.scorers.iter().zip(&inputs.annual) {
        // A missing score counts as 0 (only reachable with --allow-missing).
        let v = cell.as_ref().and_then(|a| a.value).unwrap_or(Decimal::ZERO);
        base = base.checked_add(w.weight.checked_mul(v)?)?;
    }
    Some((Fraction::whole(base), None))
}

/// A leaf's deductions and additions, each rule capped first, then the
/// leaf's caps (`docs/computation.md#adjustments`).
struct Adjustments {
    rules: Vec<RuleScore>,
    deduct_sum: Decimal,
    add_sum: Decimal,
    deducted: Decimal,
    added: Decimal,
}

fn adjustments(rubric: &Rubric, i: usize, inputs: &ItemInputs) -> Option<Adjustments> {
    let item = &rubric.items[i];
    let cap = |sum: Decimal, cap: Option<Decimal>| cap.map_or(sum, |c| sum.min(c));
    let (mut deduct_sum, mut add_sum) = (inputs.deduct.value()?, inputs.add.value()?);
    let mut rules = Vec::new();
    for (k, r) in item.rules.clone().enumerate() {
        let Some(sum) = inputs.rules.get(k) else {
            continue;
        };
        let sum = sum.value()?;
        // Records under a rule carry points > 0: a zero sum means none.
        if sum.is_zero() {
            continue;
        }
        let rule = &rubric.rules[r];
        let counted = cap(sum, rule.max);
        match rule.kind {
            RuleKind::Add => add_sum = add_sum.checked_add(counted)?,
            RuleKind::Deduct => deduct_sum = deduct_sum.checked_add(counted)?,
        }
        rules.push(RuleScore {
            rule: r,
            sum,
            counted,
        });
    }
    Some(Adjustments {
        rules,
        deduct_sum,
        add_sum,
        deducted: cap(deduct_sum, item.max_deduct),
        added: cap(add_sum, item.max_add),
    })
}
