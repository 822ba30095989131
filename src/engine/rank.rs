//! Ranks within a rubric (competition or dense; vetoed units after the
//! others when the rubric says so) and the grades' quotas
//! (`docs/computation.md#rank`, `#quotas`).

use std::cmp::Reverse;

use crate::model::results::UnitResult;
use crate::model::rubric::{Ranking, Rubric};

/// Ranks the units by total (ties share a rank) and lists them by rank,
/// ties in roster order. With `[veto] rank = "last"`, the units without a
/// veto are ranked among themselves and the vetoed ones after them.
pub fn rank(rubric: &Rubric, units: &mut Vec<UnitResult>) {
    units.sort_by_key(|u| u.unit);
    if !rubric.veto.rank_last {
        // Stable: ties keep roster order.
        units.sort_by_key(|u| Reverse(u.total));
        rank_in_order(rubric.ranking, units, 0);
        return;
    }
    let (mut clear, mut vetoed): (Vec<UnitResult>, Vec<UnitResult>) =
        units.drain(..).partition(|u| u.veto.is_none());
    clear.sort_by_key(|u| Reverse(u.total));
    vetoed.sort_by_key(|u| Reverse(u.total));
    rank_in_order(rubric.ranking, &mut clear, 0);
    // The vetoed after: N + their rank among themselves, N the number of the
    // others (competition) or their highest rank (dense, so no gap opens).
    let after = match rubric.ranking {
        Ranking::Competition => clear.len(),
        Ranking::Dense => clear.iter().map(|u| u.rank).max().unwrap_or(0),
    };
    rank_in_order(rubric.ranking, &mut vetoed, after);
    units.extend(clear);
    units.extend(vetoed);
}

/// Ranks units sorted by total: `offset` + 1 + the number of strictly
/// greater totals (competition) or of distinct greater totals (dense).
fn rank_in_order(ranking: Ranking, units: &mut [UnitResult], offset: usize) {
    let (mut first_of_tie, mut distinct_greater) = (0, 0);
    for k in 0..units.len() {
        if k > 0 && units[k].total < units[k - 1].total {
            first_of_tie = k;
            distinct_greater += 1;
        }
        // Sorted, so the units strictly greater are exactly those before the tie.
        units[k].rank = offset
            + 1
            + match ranking {
                Ranking::Competition => first_of_tie,
                Ranking::Dense => distinct_greater,
            };
    }
}

/// Grades with a quota hold at most so many units (优秀等次不超过30%): from
/// the highest grade down, the units without a veto that reach it, in rank
/// order, keep it up to the quota; where the unit at the quota's place and
/// the next tie, every unit of that total moves down too (a quota is never
/// exceeded). Those moved get the next grade and count for its quota in
/// turn; they are `demoted`. Units must be listed by rank.
pub fn apply_quotas(rubric: &Rubric, units: &mut [UnitResult]) {
    if rubric.grades.iter().all(|g| g.quota.is_none()) {
        return;
    }
    let roster = rubric.units.len();
    let last = rubric.lowest_grade();
    let mut placed = vec![false; units.len()];
    for (g, grade) in rubric.grades.iter().enumerate().take(last) {
        // Candidates in rank order: not vetoed, not placed above, reaching g.
        let candidates: Vec<usize> = (0..units.len())
            .filter(|&k| units[k].veto.is_none() && !placed[k] && units[k].total >= grade.min)
            .collect();
        let mut keep = candidates.len();
        if let Some(quota) = grade.quota {
            let limit = usize::try_from(quota.limit(roster)).unwrap_or(usize::MAX);
            if candidates.len() > limit {
                keep = limit;
                if limit > 0 {
                    let edge = units[candidates[limit - 1]].total;
                    if units[candidates[limit]].total == edge {
                        keep = candidates
                            .iter()
                            .position(|&k| units[k].total == edge)
                            .unwrap_or(limit);
                    }
                }
            }
        }
        for &k in &candidates[..keep] {
            placed[k] = true;
            units[k].grade = g;
        }
    }
    for (k, u) in units.iter_mut().enumerate() {
        if u.veto.is_none() {
            if !placed[k] {
                u.grade = last;
            }
            u.demoted = u.grade != rubric.grade_for(u.total);
        }
    }
}
