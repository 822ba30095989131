//! The scoring engine: rubric + accumulated inputs -> results.
//! Pure: it reads nothing and prints nothing; every number is an exact decimal.

use rust_decimal::Decimal;

use super::leaf::score_leaf;
use super::parts::{Summed, section};
use super::year::applicable;
use crate::model::catalog::Catalog;
use crate::model::inputs::{Inputs, UnitInputs};
use crate::model::results::{
    LeafResult, MissingOf, MissingScore, Results, RubricResult, SectionResult, UnitResult,
};
use crate::model::rubric::{NaPolicy, PartKind, Rubric};
use crate::model::source::{InputFile, Location};
use crate::num;
use crate::text::diag::{Diagnostics, Failure};
use crate::text::i18n::msg;

/// Scores every rubric. Inputs must have passed the year's checks; the only
/// errors left are numbers too large for a decimal.
pub fn score(catalog: &Catalog, inputs: &Inputs) -> Result<Results, Failure> {
    let mut diags = Diagnostics::new();
    let mut rubrics = Vec::new();
    for (r, rubric) in catalog.rubrics.iter().enumerate() {
        let mut units = Vec::new();
        for (u, unit) in rubric.units.iter().enumerate() {
            match score_unit(rubric, u, &inputs.units[r][u]) {
                Some(res) => units.push(res),
                None => diags.error(
                    Location::new(&rubric.origin.path, unit.line),
                    msg!("score-too-large", unit = &unit.name),
                ),
            }
        }
        super::rank::rank(rubric, &mut units);
        super::rank::apply_quotas(rubric, &mut units);
        rubrics.push(RubricResult { rubric: r, units });
    }
    if !diags.is_empty() {
        return Err(diags.into());
    }
    let mut files: Vec<InputFile> = catalog.rubrics.iter().map(|r| r.origin.clone()).collect();
    files.extend(inputs.files.iter().cloned());
    // A zero record marks every leaf under what it names; one the review
    // withdrew was read all the same.
    let zero_records = inputs
        .units
        .iter()
        .flatten()
        .any(|u| u.items.iter().any(|i| i.zeroed.is_some()))
        || inputs.review.iter().flatten().any(|a| {
            matches!(
                a.change,
                crate::model::adjust::Change::Withdraw {
                    kind: crate::model::record::Kind::Zero,
                    ..
                }
            )
        });
    // The units the review touched.
    if let Some(review) = &inputs.review {
        for a in review {
            if let Some(u) = rubrics[a.unit.rubric]
                .units
                .iter_mut()
                .find(|u| u.unit == a.unit.unit)
            {
                u.adjusted = true;
            }
        }
    }
    Ok(Results {
        missing: inputs.missing,
        files,
        rubrics,
        zero_records,
        review: inputs.review.clone(),
    })
}

/// One unit: its leaves, sections and parts, the total, the veto's effect
/// and the grade its total reaches (quotas and ranks come after).
fn score_unit(rubric: &Rubric, unit: usize, inputs: &UnitInputs) -> Option<UnitResult> {
    let mut missing = Vec::new();
    let (mut deducted, mut added) = (Decimal::ZERO, Decimal::ZERO);
    let mut summed: Vec<Summed> = Vec::new();
    for (k, s) in rubric.sections.iter().enumerate() {
        let mut leaves = Vec::new();
        for i in s.items.clone() {
            let leaf = leaf(rubric, unit, i, inputs, &mut missing)?;
            if let Some(o) = &leaf.outcome {
                deducted = deducted.checked_add(o.deducted)?;
                added = added.checked_add(o.added)?;
            }
            leaves.push(leaf);
        }
        summed.push(section(rubric, k, leaves)?);
    }
    let scored = scored_part(rubric, &summed)?;
    let mut sections: Vec<SectionResult> = Vec::new();
    let (mut bonus, mut penalty) = (Decimal::ZERO, Decimal::ZERO);
    for (s, part) in rubric.sections.iter().zip(summed) {
        let mut result = part.result;
        match s.kind {
            PartKind::Scored => {}
            PartKind::Bonus => {
                result.counted = s.gate.is_none_or(|g| g.opens(scored.score));
                if result.counted {
                    bonus = bonus.checked_add(result.score)?;
                }
            }
            PartKind::Penalty => penalty = penalty.checked_add(result.score)?,
        }
        sections.push(result);
    }
    let sum = scored.score.checked_add(bonus)?.checked_add(penalty)?;
    let before_veto = sum.clamp(Decimal::ZERO, rubric.max_total);
    let veto = inputs.veto.clone();
    let total = match (&veto, rubric.veto.cap, rubric.veto.total) {
        (Some(_), Some(cap), _) => before_veto.min(cap),
        (Some(_), None, Some(fixed)) => fixed,
        _ => before_veto,
    };
    let dp = rubric.decimals;
    let converted = match &rubric.conversion {
        Some(c) => Some(num::div_round(
            total.checked_mul(c.points)?,
            rubric.total,
            dp,
        )?),
        None => None,
    };
    Some(UnitResult {
        grade: match veto {
            Some(_) => rubric.lowest_grade(),
            None => rubric.grade_for(total),
        },
        veto,
        missing,
        converted,
        unit,
        rank: 0,
        adjusted: false,
        total,
        before_veto,
        scored: scored.score,
        bonus,
        penalty,
        demoted: false,
        scaled: scored.scaled,
        applicable_score: scored.of_score,
        applicable_max: scored.of_max,
        deducted,
        added,
        sections,
    })
}

/// One leaf of a unit: scored when it applies, with what it counts; the
/// inputs it lacks (counted as 0) go to `missing`.
fn leaf(
    rubric: &Rubric,
    unit: usize,
    i: usize,
    inputs: &UnitInputs,
    missing: &mut Vec<MissingScore>,
) -> Option<LeafResult> {
    let item = &rubric.items[i];
    let ii = &inputs.items[i];
    if !applicable(rubric, unit, i, ii) {
        // 不涉及的按满分计: only within the scale.
        let full = rubric.na == NaPolicy::Full && rubric.part_of(i) == PartKind::Scored;
        return Some(LeafResult {
            item: i,
            outcome: None,
            counts: full.then_some(item.max),
        });
    }
    for (slot, w) in item.scorers.iter().enumerate() {
        if ii.annual.get(slot).is_none_or(Option::is_none) {
            missing.push(MissingScore {
                item: i,
                of: MissingOf::Scorer(w.scorer),
            });
        }
    }
    if let (Some(m), None) = (&item.measure, &ii.measured) {
        missing.push(MissingScore {
            item: i,
            of: MissingOf::Measure(m.measure),
        });
    }
    let outcome = score_leaf(rubric, i, ii)?;
    Some(LeafResult {
        item: i,
        counts: Some(outcome.score),
        outcome: Some(outcome),
    })
}

/// The scored part of a unit and how it was reached.
struct Scored {
    score: Decimal,
    scaled: bool,
    /// The rescaling's inputs (what applied, and its maxima).
    of_score: Decimal,
    of_max: Decimal,
}

/// The scored sections added up; rescaled to the scale under `rescale`
/// when a line does not apply (得分 / 适用项目总分 × 100), under `parent`
/// when a whole section does not, rounded once.
fn scored_part(rubric: &Rubric, summed: &[Summed]) -> Option<Scored> {
    let scored = rubric
        .sections
        .iter()
        .zip(summed)
        .filter(|(s, _)| s.kind == PartKind::Scored);
    let (mut sum, mut of_score, mut of_max, mut scaled) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, false);
    for (s, part) in scored {
        sum = sum.checked_add(part.result.score)?;
        match rubric.na {
            NaPolicy::Rescale => {
                for l in &part.result.items {
                    match &l.outcome {
                        Some(o) => {
                            of_score = of_score.checked_add(o.score)?;
                            of_max = of_max.checked_add(rubric.items[l.item].max)?;
                        }
                        None => scaled = true,
                    }
                }
            }
            NaPolicy::Parent if part.applicable => {
                of_score = of_score.checked_add(part.result.score)?;
                of_max = of_max.checked_add(part.max)?;
            }
            NaPolicy::Parent => scaled = scaled || !s.items.is_empty(),
            NaPolicy::Full => {}
        }
    }
    let score = if scaled {
        num::div_round(of_score.checked_mul(rubric.total)?, of_max, rubric.decimals)?
    } else {
        sum
    };
    if !scaled {
        of_score = sum;
        of_max = rubric.total;
    }
    Some(Scored {
        score,
        scaled,
        of_score,
        of_max,
    })
}
