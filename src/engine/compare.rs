//! Comparisons that decorate a result: last year's result (上年) and the
//! units' own claims (自评), matched to this year's roster and computed.

use rust_decimal::Decimal;

use crate::model::catalog::Catalog;
use crate::model::compare::{Claim, Claims, Previous, PreviousScore, PreviousUnit, SelfScore};
use crate::model::results::Results;

impl Claims {
    pub fn new(catalog: &Catalog, results: &Results, claims: &[Claim]) -> Claims {
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
                Some(crate::model::catalog::UnitRef { rubric: r, unit: u })
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
                veto: p.veto,
                rank_change,
            });
        }
        Previous { units, gone }
    }
}
