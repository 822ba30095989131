//! The report's numbers, all exact decimals read off the results: a
//! rubric's summary (averages, grades, 合格率, last year), each line's
//! losses and their reasons, the bonus lines, and the points of each daily
//! record that count in the scores. The text and the charts only format them.

use std::collections::HashMap;
use std::ops::Range;

use rust_decimal::Decimal;

use super::super::paperwork::{Paperwork, clause};
use crate::model::catalog::UnitRef;
use crate::model::mechanics::PartKind;
use crate::model::record::Kind;
use crate::model::results::{ItemScore, RubricResult, UnitResult};
use crate::model::rubric::{Rubric, Start};
use crate::num::div_round;
use crate::text::i18n::msg;

/// A bonus line (SPEC 21): a leaf of a bonus part, or a leaf of a scored
/// part scored by additions alone (no scorers, no measure, `start =
/// "zero"`). Never a loss: not in the rankings of lost points, not in the
/// score rates; it is reported apart (未获加分).
pub fn is_bonus_line(r: &Rubric, leaf: usize) -> bool {
    let item = &r.items[leaf];
    match r.part_of(leaf) {
        PartKind::Bonus => true,
        PartKind::Penalty => false,
        PartKind::Scored => {
            item.scorers.is_empty() && item.measure.is_none() && item.start == Start::Zero
        }
    }
}

/// A line that scores: a leaf of a scored part that is not a bonus line.
pub fn is_scored_line(r: &Rubric, leaf: usize) -> bool {
    r.part_of(leaf) == PartKind::Scored && !is_bonus_line(r, leaf)
}

/// `part / whole` as a percentage at one decimal, `None` without a whole.
pub fn percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    div_round(part * Decimal::ONE_HUNDRED, whole, 1)
}

/// A unit's outcome on a leaf, when the leaf applies to it.
pub fn outcome(u: &UnitResult, leaf: usize) -> Option<&ItemScore> {
    u.sections
        .iter()
        .flat_map(|s| &s.items)
        .find(|l| l.item == leaf)
        .and_then(|l| l.outcome.as_ref())
}

/// A unit's score and applicable maximum over the scored lines of a range of
/// leaves; `None` when none of them applies.
pub fn over(r: &Rubric, u: &UnitResult, leaves: &Range<usize>) -> Option<(Decimal, Decimal)> {
    let (mut score, mut max, mut any) = (Decimal::ZERO, Decimal::ZERO, false);
    for l in u.sections.iter().flat_map(|s| &s.items) {
        if !leaves.contains(&l.item) || !is_scored_line(r, l.item) {
            continue;
        }
        if let Some(o) = &l.outcome {
            score += o.score;
            max += r.items[l.item].max;
            any = true;
        }
    }
    any.then_some((score, max))
}

/// The average rate of the scored lines of a range of leaves over the units
/// to which they apply: their scores' sum over their maxima's sum.
pub fn average_rate(r: &Rubric, rr: &RubricResult, leaves: &Range<usize>) -> Option<Decimal> {
    let (mut score, mut max) = (Decimal::ZERO, Decimal::ZERO);
    for u in &rr.units {
        if let Some((s, m)) = over(r, u, leaves) {
            score += s;
            max += m;
        }
    }
    percent(score, max)
}

/// Last year against this year, over the units in both.
pub struct Change<'a> {
    /// Units with last year's result.
    pub compared: usize,
    /// Last year's and this year's average over them, at the rubric's decimals.
    pub before: Decimal,
    pub now: Decimal,
    /// `now - before`, as the two averages are written.
    pub change: Decimal,
    pub up: usize,
    pub down: usize,
    pub same: usize,
    /// Units new this year, in rank order.
    pub new: Vec<&'a UnitResult>,
    /// The units whose total rose, most first (ties in rank order), with
    /// the change and the move in rank.
    pub risers: Vec<(&'a UnitResult, Decimal, i64)>,
}

/// A rubric's summary.
pub struct Summary<'a> {
    pub units: usize,
    /// The totals' mean at the rubric's decimals.
    pub average: Decimal,
    pub top: &'a UnitResult,
    pub bottom: &'a UnitResult,
    /// Units of each grade, in the rubric's order (best first).
    pub grades: Vec<Vec<&'a UnitResult>>,
    /// Units above the lowest grade (合格及以上), and their share in percent
    /// at one decimal (合格率).
    pub passed: usize,
    pub pass_rate: Decimal,
    pub vetoed: Vec<&'a UnitResult>,
    /// Each part's average rate over its scored lines, when it has one.
    pub sections: Vec<(usize, Decimal)>,
    pub change: Option<Change<'a>>,
}

impl<'a> Summary<'a> {
    /// `None` for a rubric without units.
    pub fn of(p: &Paperwork<'a>, rr: &'a RubricResult) -> Option<Summary<'a>> {
        let r = p.rubric(rr);
        let n = rr.units.len();
        let top = rr.units.first()?;
        let bottom = rr.units.last()?;
        let count = Decimal::from(n);
        let sum: Decimal = rr.units.iter().map(|u| u.total).sum();
        let average = div_round(sum, count, r.decimals).unwrap_or_default();
        let grades = p.by_grade(rr);
        let failed = grades.last().map_or(0, Vec::len);
        let passed = n - failed;
        let pass_rate = percent(Decimal::from(passed), count).unwrap_or_default();
        let vetoed = rr.units.iter().filter(|u| u.veto.is_some()).collect();
        let sections = r
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == PartKind::Scored)
            .filter_map(|(k, s)| Some((k, average_rate(r, rr, &s.items)?)))
            .collect();
        Some(Summary {
            units: n,
            average,
            top,
            bottom,
            grades,
            passed,
            pass_rate,
            vetoed,
            sections,
            change: change(p, rr),
        })
    }
}

fn change<'a>(p: &Paperwork<'a>, rr: &'a RubricResult) -> Option<Change<'a>> {
    let prev = p.compare.previous.as_ref()?;
    let r = p.rubric(rr);
    let (mut before, mut now, mut compared) = (Decimal::ZERO, Decimal::ZERO, 0usize);
    let (mut up, mut down, mut same) = (0, 0, 0);
    let mut new = Vec::new();
    let mut risers = Vec::new();
    for u in &rr.units {
        let Some(x) = prev.of(rr.rubric, u.unit) else {
            new.push(u);
            continue;
        };
        compared += 1;
        before += x.total;
        now += u.total;
        match x.change.cmp(&Decimal::ZERO) {
            std::cmp::Ordering::Greater => {
                up += 1;
                risers.push((u, x.change, x.rank_change));
            }
            std::cmp::Ordering::Less => down += 1,
            std::cmp::Ordering::Equal => same += 1,
        }
    }
    // Most gained first; ties stay in rank order (the sort is stable).
    risers.sort_by_key(|r| std::cmp::Reverse(r.1));
    let mean =
        |s: Decimal| div_round(s, Decimal::from(compared.max(1)), r.decimals).unwrap_or_default();
    let (before, now) = (mean(before), mean(now));
    Some(Change {
        compared,
        before,
        now,
        change: now - before,
        up,
        down,
        same,
        new,
        risers,
    })
}

/// One scored line over the units to which it applies.
#[derive(Debug, Clone)]
pub struct Line {
    /// Index into `Rubric::items`.
    pub item: usize,
    /// Units to which it applies, and of them those that lost points on it.
    pub applicable: usize,
    pub losers: usize,
    /// Points lost, added up over the units (`Paperwork::lost`).
    pub lost: Decimal,
    /// Scores and maxima added up over the units to which it applies.
    pub score: Decimal,
    pub max: Decimal,
}

impl Line {
    /// Its average rate (得分率), in percent at one decimal.
    pub fn rate(&self) -> Option<Decimal> {
        percent(self.score, self.max)
    }

    /// A problem shared (共性问题): at least half the units to which it
    /// applies lost points on it.
    pub fn common(&self) -> bool {
        self.losers * 2 >= self.applicable
    }
}

/// Every scored line of a rubric that applies to some unit, in rubric order.
pub fn lines<'a>(p: &Paperwork<'a>, rr: &'a RubricResult) -> Vec<Line> {
    let r = p.rubric(rr);
    let mut out: Vec<Line> = (0..r.items.len())
        .map(|item| Line {
            item,
            applicable: 0,
            losers: 0,
            lost: Decimal::ZERO,
            score: Decimal::ZERO,
            max: Decimal::ZERO,
        })
        .collect();
    for u in &rr.units {
        for l in u.sections.iter().flat_map(|s| &s.items) {
            if let Some(o) = &l.outcome {
                let line = &mut out[l.item];
                line.applicable += 1;
                line.score += o.score;
                line.max += r.items[l.item].max;
            }
        }
        for lost in p.lost(r, u) {
            let line = &mut out[lost.item];
            line.losers += 1;
            line.lost += lost.lost;
        }
    }
    out.retain(|l| l.applicable > 0 && is_scored_line(r, l.item));
    out
}

/// The lines where points were lost, most lost first (then most units,
/// then rubric order).
pub fn most_lost(lines: &[Line]) -> Vec<Line> {
    let mut out: Vec<Line> = lines
        .iter()
        .filter(|l| l.lost > Decimal::ZERO)
        .cloned()
        .collect();
    out.sort_by(|a, b| {
        b.lost
            .cmp(&a.lost)
            .then(b.losers.cmp(&a.losers))
            .then(a.item.cmp(&b.item))
    });
    out
}

/// Why points were lost on a line, most frequent first (ties in the order
/// first met), with how often: each deduction's (or 此项不得分's) rule, or its
/// note when it names none, and each scorer's note on a unit that lost
/// points there.
pub fn reasons(p: &Paperwork, rr: &RubricResult, item: usize) -> Vec<(String, usize)> {
    let r = p.rubric(rr);
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut add = |key: String| match counts.iter_mut().find(|(k, _)| *k == key) {
        Some(c) => c.1 += 1,
        None => counts.push((key, 1)),
    };
    let shared = shared_notes(p, rr, item);
    for u in &rr.units {
        let unit = UnitRef {
            rubric: rr.rubric,
            unit: u.unit,
        };
        for rec in p.records(unit) {
            if rec.item != Some(item) || !matches!(rec.kind, Kind::Deduct | Kind::Zero) {
                continue;
            }
            let key = match rec.rule {
                Some((k, _)) => r.rules[k].text.clone(),
                None if !clause(&rec.note).is_empty() => clause(&rec.note).to_string(),
                None => p.tr(msg!("analysis-no-rule")),
            };
            add(key);
        }
        let lost = p.lost(r, u).iter().any(|l| l.item == item);
        if lost {
            for n in p.notes(unit) {
                if n.item == item && !clause(&n.note).is_empty() && !shared.contains(&n.scorer) {
                    add(clause(&n.note).to_string());
                }
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
}

/// The scorers that wrote one and the same note on a line for every unit
/// to which it applies (two or more): a note on the column, such as who
/// scored it (`专项组牵头单位：…`), which says nothing of any one unit.
fn shared_notes(p: &Paperwork, rr: &RubricResult, item: usize) -> Vec<usize> {
    let units: Vec<&UnitResult> = rr
        .units
        .iter()
        .filter(|u| outcome(u, item).is_some())
        .collect();
    let mut by_scorer: Vec<(usize, Vec<(usize, &str)>)> = Vec::new();
    for u in &units {
        let unit = UnitRef {
            rubric: rr.rubric,
            unit: u.unit,
        };
        for n in p.notes(unit).filter(|n| n.item == item) {
            let note = clause(&n.note);
            match by_scorer.iter_mut().find(|(s, _)| *s == n.scorer) {
                Some((_, v)) => v.push((u.unit, note)),
                None => by_scorer.push((n.scorer, vec![(u.unit, note)])),
            }
        }
    }
    by_scorer
        .into_iter()
        .filter(|(_, notes)| {
            units.len() >= 2
                && units
                    .iter()
                    .all(|u| notes.iter().any(|(x, _)| *x == u.unit))
                && notes.iter().all(|(_, t)| *t == notes[0].1)
        })
        .map(|(s, _)| s)
        .collect()
}

/// A bonus line over the units to which it applies: who earned points on
/// it and who did not.
pub struct Bonus<'a> {
    pub item: usize,
    pub earned: Vec<(&'a UnitResult, Decimal)>,
    pub none: Vec<&'a UnitResult>,
    pub points: Decimal,
}

/// Every bonus line of a rubric that applies to some unit, in rubric order.
pub fn bonuses<'a>(p: &Paperwork<'a>, rr: &'a RubricResult) -> Vec<Bonus<'a>> {
    let r = p.rubric(rr);
    (0..r.items.len())
        .filter(|&i| is_bonus_line(r, i))
        .filter_map(|item| {
            let mut b = Bonus {
                item,
                earned: Vec::new(),
                none: Vec::new(),
                points: Decimal::ZERO,
            };
            for u in &rr.units {
                let Some(o) = outcome(u, item) else { continue };
                if o.score > Decimal::ZERO {
                    b.earned.push((u, o.score));
                    b.points += o.score;
                } else {
                    b.none.push(u);
                }
            }
            (!b.earned.is_empty() || !b.none.is_empty()).then_some(b)
        })
        .collect()
}

/// The penalty lines (扣分项) that took points, with each unit's penalty.
pub fn penalties<'a>(
    p: &Paperwork<'a>,
    rr: &'a RubricResult,
) -> Vec<(usize, Vec<(&'a UnitResult, Decimal)>)> {
    let r = p.rubric(rr);
    let mut out: Vec<(usize, Vec<(&UnitResult, Decimal)>)> = Vec::new();
    for u in &rr.units {
        for lost in p.lost(r, u) {
            if r.part_of(lost.item) != PartKind::Penalty {
                continue;
            }
            match out.iter_mut().find(|(i, _)| *i == lost.item) {
                Some((_, v)) => v.push((u, lost.lost)),
                None => out.push((lost.item, vec![(u, lost.lost)])),
            }
        }
    }
    out.sort_by_key(|(i, _)| *i);
    out
}

/// The points each daily record counts for in the scores (parallel to
/// `Paperwork::all_records`): its points within what its rule's cap and
/// its line's cap (核减上限, 核加上限) leave, the caps taken up by the records
/// in the order they were read; 0 on a line that does not apply, and for a
/// veto or 此项不得分. Over a unit they add up to its 核减 and 核加.
pub fn counted_points(p: &Paperwork) -> Vec<Decimal> {
    let mut units: HashMap<UnitRef, &UnitResult> = HashMap::new();
    for rr in &p.results.rubrics {
        for u in &rr.units {
            units.insert(
                UnitRef {
                    rubric: rr.rubric,
                    unit: u.unit,
                },
                u,
            );
        }
    }
    // What is left of a rule's cap, and of a line's caps, per unit.
    let mut rule_left: HashMap<(UnitRef, usize), Decimal> = HashMap::new();
    let mut line_left: HashMap<(UnitRef, usize, bool), Decimal> = HashMap::new();
    p.all_records()
        .iter()
        .map(|rec| {
            let add = match rec.kind {
                Kind::Deduct => false,
                Kind::Add => true,
                Kind::Veto | Kind::Zero => return Decimal::ZERO,
            };
            let (Some(item), Some(u)) = (rec.item, units.get(&rec.unit)) else {
                return Decimal::ZERO;
            };
            let r = p.catalog.rubric_of(rec.unit);
            let penalty = r.part_of(item) == PartKind::Penalty;
            if outcome(u, item).is_none() || (add && penalty) {
                return Decimal::ZERO;
            }
            let mut points = rec.points;
            if let Some((k, _)) = rec.rule
                && let Some(cap) = r.rules[k].max
            {
                let left = rule_left.entry((rec.unit, k)).or_insert(cap);
                points = points.min(*left);
                *left -= points;
            }
            let cap = if add {
                r.items[item].max_add
            } else {
                r.items[item].max_deduct
            };
            if let Some(cap) = cap {
                let left = line_left.entry((rec.unit, item, add)).or_insert(cap);
                points = points.min(*left);
                *left -= points;
            }
            points
        })
        .collect()
}
