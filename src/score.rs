//! The scoring engine (SPEC section 4): rubric + accumulated inputs -> results.
//! Pure: it reads nothing and prints nothing; every number is an exact decimal.

use rust_decimal::Decimal;

use crate::diag::{Diagnostics, Location};
use crate::input::{Inputs, ItemInputs, applicable};
use crate::num;
use crate::rubric::{Catalog, Item, Ranking, Rubric, Start};
use crate::source::InputFile;

/// A whole run's results, rubrics in the order given.
#[derive(Debug)]
pub struct Results {
    /// Annual scores missing and counted as 0; any makes the result provisional (暂定).
    pub missing: usize,
    /// Rubrics first, then the annual and daily files, as read.
    pub files: Vec<InputFile>,
    pub rubrics: Vec<RubricResult>,
}

impl Results {
    pub fn provisional(&self) -> bool {
        self.missing > 0
    }
}

#[derive(Debug)]
pub struct RubricResult {
    pub rubric: usize,
    /// By rank, ties in roster order.
    pub units: Vec<UnitResult>,
}

#[derive(Debug)]
pub struct UnitResult {
    /// Index into the rubric's roster.
    pub unit: usize,
    pub rank: usize,
    pub total: Decimal,
    /// Index into the rubric's grades.
    pub grade: usize,
    /// The veto record (一票否决), if any.
    pub veto: Option<Location>,
    /// Some item was n/a and the total was rescaled to the rubric's scale.
    pub scaled: bool,
    /// Sum of the applicable items' scores and maxima (the rescaling's inputs).
    pub applicable_score: Decimal,
    pub applicable_max: Decimal,
    /// Sums of the items' capped deductions and additions.
    pub deducted: Decimal,
    pub added: Decimal,
    pub sections: Vec<SectionResult>,
}

#[derive(Debug)]
pub struct SectionResult {
    pub score: Decimal,
    /// The items in rubric order, as (item index, outcome).
    pub items: Vec<(usize, Option<ItemScore>)>,
}

/// How one applicable item's score came about, step by step.
#[derive(Debug, Clone)]
pub struct ItemScore {
    /// Weighted annual scores, or the start of a daily-only item.
    pub base: Decimal,
    /// Daily points before and after the caps.
    pub deduct_sum: Decimal,
    pub add_sum: Decimal,
    pub deducted: Decimal,
    pub added: Decimal,
    /// `base - deducted + added`, before the clamp to `0..=max`.
    pub raw: Decimal,
    pub score: Decimal,
}

/// Scores every rubric. Inputs must have passed `read_inputs`; the only
/// errors left are numbers too large for a decimal.
pub fn score(catalog: &Catalog, inputs: &Inputs) -> Result<Results, Diagnostics> {
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
                None => diags.error(at, crate::msg!("score-too-large", unit = &unit.name)),
            }
        }
        rank(rubric, &mut units);
        rubrics.push(RubricResult { rubric: r, units });
    }
    if !diags.is_empty() {
        return Err(diags);
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
            let s = score_item(&rubric.items[i], inputs, dp)?;
            score = score.checked_add(s.score)?;
            sum_max = sum_max.checked_add(rubric.items[i].max)?;
            deducted = deducted.checked_add(s.deducted)?;
            added = added.checked_add(s.added)?;
            out.push((i, Some(s)));
        }
        sum = sum.checked_add(score)?;
        sections.push(SectionResult { score, items: out });
    }
    // Rescaling keeps units with n/a items on the same scale as the others
    // (得分 / 适用项目总分 × 100), rounded once, at the end.
    let total = if scaled {
        num::div_round(sum.checked_mul(rubric.total)?, sum_max, dp)?
    } else {
        sum
    };
    Some(UnitResult {
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

/// Steps 1-3 of the computation for one applicable item.
pub fn score_item(item: &Item, inputs: &ItemInputs, dp: u32) -> Option<ItemScore> {
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
    let (deduct_sum, add_sum) = (inputs.deduct.value()?, inputs.add.value()?);
    let deducted = cap(deduct_sum, item.max_deduct);
    let added = cap(add_sum, item.max_add);
    let raw = base.checked_sub(deducted)?.checked_add(added)?;
    let score = num::round(raw.clamp(Decimal::ZERO, item.max), dp);
    Some(ItemScore {
        base,
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
