//! What a result is compared with (上年, 自评): nothing here changes a
//! score; the renderers show these beside the results.

use rust_decimal::Decimal;

use crate::model::catalog::UnitRef;
use crate::model::source::Location;

/// One unit of the earlier result.
#[derive(Debug, Clone)]
pub struct PreviousUnit {
    pub rubric: String,
    pub id: String,
    pub name: String,
    pub total: Decimal,
    /// The grade's id and, when the file has it, its label.
    pub grade: String,
    pub grade_label: Option<String>,
    pub rank: usize,
    /// Vetoed (一票否决) that year.
    pub veto: bool,
    pub at: Location,
}

/// One claimed leaf score: `None` is a claim that the leaf does not apply.
#[derive(Debug, Clone)]
pub struct Claim {
    pub unit: UnitRef,
    pub item: usize,
    pub score: Option<Decimal>,
    pub at: Location,
}

/// What the reader asked to compare with.
#[derive(Debug, Default)]
pub struct Comparison {
    pub previous: Option<Previous>,
    pub claims: Option<Claims>,
}

/// The units' self-assessment (自评) against the final scores.
#[derive(Debug)]
pub struct Claims {
    /// `[rubric][roster index]`: `None` where the unit claimed nothing.
    pub units: Vec<Vec<Option<SelfScore>>>,
}

#[derive(Debug, Clone)]
pub struct SelfScore {
    /// The claimed total: the exact sum of the claimed leaves (unclaimed
    /// leaves count 0), rescaled as step 4 rescales when some leaf is
    /// claimed not to apply.
    pub total: Decimal,
    /// `total` minus the final total.
    pub difference: Decimal,
    /// Per leaf of the rubric: `None` unclaimed, `Some(None)` claimed n/a.
    pub leaves: Vec<Option<Option<Decimal>>>,
}

impl SelfScore {
    /// A leaf's claim and its difference from the final leaf score
    /// (`None` where the final leaf does not apply).
    pub fn leaf(
        &self,
        i: usize,
        final_score: Option<Decimal>,
    ) -> Option<(Option<Decimal>, Option<Decimal>)> {
        let claimed = (*self.leaves.get(i)?)?;
        let difference = claimed.zip(final_score).map(|(c, f)| c - f);
        Some((claimed, difference))
    }
}

impl Claims {
    pub fn of(&self, rubric: usize, unit: usize) -> Option<&SelfScore> {
        self.units.get(rubric)?.get(unit)?.as_ref()
    }
}

/// Last year's result, unit by unit.
#[derive(Debug)]
pub struct Previous {
    /// `[rubric][roster index]`: `None` for a unit new this year.
    pub units: Vec<Vec<Option<PreviousScore>>>,
    /// Units of the earlier result that are no longer on any roster.
    pub gone: Vec<PreviousUnit>,
}

#[derive(Debug, Clone)]
pub struct PreviousScore {
    pub total: Decimal,
    pub grade: String,
    pub grade_label: Option<String>,
    pub rank: usize,
    /// Vetoed (一票否决) that year.
    pub veto: bool,
    /// This year's total minus last year's.
    pub change: Decimal,
    /// Last year's rank minus this year's: positive is a move up.
    pub rank_change: i64,
}

impl Previous {
    pub fn of(&self, rubric: usize, unit: usize) -> Option<&PreviousScore> {
        self.units.get(rubric)?.get(unit)?.as_ref()
    }
}
