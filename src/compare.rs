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
