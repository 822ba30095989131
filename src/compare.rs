//! Comparisons that decorate a result (SPEC 12): last year's result
//! (上年) and the units' own claims (自评). Nothing here changes a score;
//! the renderers show these beside the results.

use rust_decimal::Decimal;

use crate::input::previous::PreviousUnit;
use crate::rubric::Catalog;
use crate::score::Results;

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
    pub fn new(
        catalog: &Catalog,
        results: &Results,
        claims: &[crate::input::claims::Claim],
    ) -> Claims {
        let mut units: Vec<Vec<Option<SelfScore>>> = catalog
            .rubrics
            .iter()
            .map(|r| vec![None; r.units.len()])
            .collect();
        for c in claims {
            let rubric = &catalog.rubrics[c.unit.rubric];
            let slot = &mut units[c.unit.rubric][c.unit.unit];
            let s = slot.get_or_insert_with(|| SelfScore {
                total: Decimal::ZERO,
                difference: Decimal::ZERO,
                leaves: vec![None; rubric.items.len()],
            });
            s.leaves[c.item] = Some(c.score);
        }
        for rr in &results.rubrics {
            let rubric = &catalog.rubrics[rr.rubric];
            for u in &rr.units {
                let Some(s) = units[rr.rubric][u.unit].as_mut() else {
                    continue;
                };
                let (mut sum, mut max, mut scaled) = (Decimal::ZERO, Decimal::ZERO, false);
                for (i, leaf) in rubric.items.iter().enumerate() {
                    match s.leaves[i] {
                        Some(None) => scaled = true,
                        Some(Some(v)) => {
                            sum += v;
                            max += leaf.max;
                        }
                        None => max += leaf.max,
                    }
                }
                s.total = if scaled && !max.is_zero() {
                    crate::num::div_round(sum * rubric.total, max, rubric.decimals).unwrap_or(sum)
                } else {
                    sum
                };
                s.difference = s.total - u.total;
            }
        }
        Claims { units }
    }

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
    /// This year's total minus last year's.
    pub change: Decimal,
    /// Last year's rank minus this year's: positive is a move up.
    pub rank_change: i64,
}

impl Previous {
    /// Matches the earlier units to this year's roster: by id, then by name
    /// or alias (a unit renamed keeps its id; one that changed its id is
    /// found by its name).
    pub fn new(catalog: &Catalog, results: &Results, earlier: Vec<PreviousUnit>) -> Previous {
        let mut units: Vec<Vec<Option<PreviousScore>>> = catalog
            .rubrics
            .iter()
            .map(|r| vec![None; r.units.len()])
            .collect();
        let mut gone = Vec::new();
        let by_id = |p: &PreviousUnit| {
            catalog.rubrics.iter().enumerate().find_map(|(r, rubric)| {
                let u = rubric.units.iter().position(|u| u.id == p.id)?;
                Some(crate::rubric::UnitRef { rubric: r, unit: u })
            })
        };
        for p in earlier {
            let Some(found) = by_id(&p).or_else(|| catalog.unit(&p.name)) else {
                gone.push(p);
                continue;
            };
            let Some(now) = results
                .rubrics
                .iter()
                .find(|rr| rr.rubric == found.rubric)
                .and_then(|rr| rr.units.iter().find(|u| u.unit == found.unit))
            else {
                continue;
            };
            let slot = &mut units[found.rubric][found.unit];
            if slot.is_some() {
                continue;
            }
            let rank_change = i64::try_from(p.rank).unwrap_or(i64::MAX)
                - i64::try_from(now.rank).unwrap_or(i64::MAX);
            *slot = Some(PreviousScore {
                change: now.total - p.total,
                total: p.total,
                grade: p.grade,
                grade_label: p.grade_label,
                rank: p.rank,
                rank_change,
            });
        }
        Previous { units, gone }
    }

    pub fn of(&self, rubric: usize, unit: usize) -> Option<&PreviousScore> {
        self.units.get(rubric)?.get(unit)?.as_ref()
    }
}
