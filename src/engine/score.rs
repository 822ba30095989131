//! The scoring engine: rubric + accumulated inputs -> results.
//! Pure: it reads nothing and prints nothing; every number is an exact decimal.

use rust_decimal::Decimal;

use super::year::applicable;
use crate::model::catalog::Catalog;
use crate::model::inputs::{Inputs, ItemInputs};
use crate::model::results::{
    ItemScore, MissingScore, Results, RubricResult, RuleScore, SectionResult, UnitResult,
};
use crate::model::rubric::{Ranking, Rubric, Start};
use crate::model::source::InputFile;
use crate::model::source::Location;
use crate::num;
use crate::text::diag::{Diagnostics, Failure};

/// Scores every rubric. Inputs must have passed `read_inputs`; the only
/// errors left are numbers too large for a decimal.
pub fn score(catalog: &Catalog, inputs: &Inputs) -> Result<Results, Failure> {
    let mut diags = Diagnostics::new();
    let mut rubrics = Vec::new();
    for (r, rubric) in catalog.rubrics.iter().enumerate() {
        let mut units = Vec::new();
        for (u, unit) in rubric.units.iter().enumerate() {
            let at = Location::new(&rubric.origin.path, unit.line);
            match score_unit(rubric, u, &inputs.units[r][u].items) {
                Some(mut res) => {
                    res.veto = inputs.units[r][u].veto.clone();
                    if res.veto.is_some() {
                        res.grade = rubric.lowest_grade();
                    }
                    units.push(res);
                }
                None => diags.error(
                    at,
                    crate::text::i18n::msg!("score-too-large", unit = &unit.name),
                ),
            }
        }
        rank(rubric, &mut units);
        rubrics.push(RubricResult { rubric: r, units });
    }
    if !diags.is_empty() {
        return Err(diags.into());
    }
    let mut files: Vec<InputFile> = catalog.rubrics.iter().map(|r| r.origin.clone()).collect();
    files.extend(inputs.files.iter().cloned());
    Ok(Results {
        missing: inputs.missing,
        files,
        rubrics,
    })
}

fn score_unit(rubric: &Rubric, unit: usize, items: &[ItemInputs]) -> Option<UnitResult> {
    let dp = rubric.decimals;
    let mut sections = Vec::new();
    let (mut sum, mut sum_max, mut deducted, mut added) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    let mut scaled = false;
    let mut missing = Vec::new();
    for section in &rubric.sections {
        let mut score = Decimal::ZERO;
        let mut out = Vec::new();
        for i in section.items.clone() {
            let inputs = &items[i];
            if !applicable(inputs) {
                scaled = true;
                out.push((i, None));
                continue;
            }
            for (slot, w) in rubric.items[i].scorers.iter().enumerate() {
                if inputs.annual.get(slot).is_none_or(Option::is_none) {
                    missing.push(MissingScore {
                        item: i,
                        scorer: w.scorer,
                    });
                }
            }
            let s = score_item(rubric, i, inputs)?;
            score = score.checked_add(s.score)?;
            sum_max = sum_max.checked_add(rubric.items[i].max)?;
            deducted = deducted.checked_add(s.deducted)?;
            added = added.checked_add(s.added)?;
            out.push((i, Some(s)));
        }
        sum = sum.checked_add(score)?;
        let groups = group_scores(rubric, section, &out)?;
        sections.push(SectionResult {
            score,
            items: out,
            groups,
        });
    }
    // Rescaling keeps units with n/a items on the same scale as the others
    // (得分 / 适用项目总分 × 100), rounded once, at the end.
    let total = if scaled {
        num::div_round(sum.checked_mul(rubric.total)?, sum_max, dp)?
    } else {
        sum
    };
    let converted = match &rubric.conversion {
        Some(c) => Some(num::div_round(
            total.checked_mul(c.points)?,
            rubric.total,
            dp,
        )?),
        None => None,
    };
    Some(UnitResult {
        missing,
        converted,
        unit,
        rank: 0,
        total,
        grade: rubric.grade_for(total),
        veto: None,
        scaled,
        applicable_score: sum,
        applicable_max: sum_max,
        deducted,
        added,
        sections,
    })
}

/// A group's score is the exact sum of its applicable leaves
/// (`docs/computation.md#sums`); with
/// depth-first order a group's leaves are one run of the section's.
fn group_scores(
    rubric: &Rubric,
    section: &crate::model::rubric::Section,
    leaves: &[(usize, Option<ItemScore>)],
) -> Option<Vec<(usize, Option<Decimal>)>> {
    let mut out = Vec::new();
    for (g, group) in rubric.groups.iter().enumerate() {
        if rubric.sections.get(group.section).map(|s| s.items.start) != Some(section.items.start) {
            continue;
        }
        let mut score: Option<Decimal> = None;
        for (i, s) in leaves {
            if let (true, Some(s)) = (group.items.contains(i), s) {
                score = Some(score.unwrap_or(Decimal::ZERO).checked_add(s.score)?);
            }
        }
        out.push((g, score));
    }
    Some(out)
}

/// Steps 1-3 of the computation for one applicable leaf.
pub fn score_item(rubric: &Rubric, i: usize, inputs: &ItemInputs) -> Option<ItemScore> {
    let item = &rubric.items[i];
    let dp = rubric.decimals;
    let base = if item.scorers.is_empty() {
        match item.start {
            Start::Zero => Decimal::ZERO,
            Start::Full => item.max,
        }
    } else {
        let mut base = Decimal::ZERO;
        for (w, cell) in item.scorers.iter().zip(&inputs.annual) {
            // A missing score counts as 0 (only reachable with --allow-missing).
            let v = cell.as_ref().and_then(|a| a.value).unwrap_or(Decimal::ZERO);
            base = base.checked_add(w.weight.checked_mul(v)?)?;
        }
        base
    };
    let cap = |sum: Decimal, cap: Option<Decimal>| cap.map_or(sum, |c| sum.min(c));
    // Each rule is capped on its own first, then the item's caps apply to
    // the capped rules plus the records without a rule
    // (`docs/computation.md#adjustments`).
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
            crate::model::rubric::RuleKind::Add => add_sum = add_sum.checked_add(counted)?,
            crate::model::rubric::RuleKind::Deduct => {
                deduct_sum = deduct_sum.checked_add(counted)?
            }
        }
        rules.push(RuleScore {
            rule: r,
            sum,
            counted,
        });
    }
    let deducted = cap(deduct_sum, item.max_deduct);
    let added = cap(add_sum, item.max_add);
    let raw = base.checked_sub(deducted)?.checked_add(added)?;
    let score = num::round(raw.clamp(Decimal::ZERO, item.max), dp);
    Some(ItemScore {
        base,
        rules,
        deduct_sum,
        add_sum,
        deducted,
        added,
        raw,
        score,
    })
}

/// Step 6: rank within the rubric; veto does not move rank.
fn rank(rubric: &Rubric, units: &mut [UnitResult]) {
    // Stable: ties keep roster order.
    units.sort_by_key(|u| std::cmp::Reverse(u.total));
    let (mut first_of_tie, mut distinct_greater) = (0, 0);
    for k in 0..units.len() {
        if k > 0 && units[k].total < units[k - 1].total {
            first_of_tie = k;
            distinct_greater += 1;
        }
        // Sorted, so the units strictly greater are exactly those before the tie.
        units[k].rank = 1 + match rubric.ranking {
            Ranking::Competition => first_of_tie,
            Ranking::Dense => distinct_greater,
        };
    }
}
