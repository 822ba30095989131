//! The explanation of one unit gathered from the results and the inputs:
//! each leaf with its annual scores, records and rules, each section and
//! group with its parts, the total, grade and rank.

use rust_decimal::Decimal;

use super::{
    AnnualEx, DemotedEx, Explanation, GradeEx, GroupEx, ItemEx, MeasureEx, PartsEx, RecordEx,
    ReviewEx, RubricRef, RuleEx, SectionEx, UnitEx,
};
use crate::model::catalog::{Catalog, UnitRef};
use crate::model::inputs::{AnnualScore, Inputs, ItemInputs, Trace};
use crate::model::record::Kind;
use crate::model::results::{ItemScore, LeafResult, Results, SectionResult, UnitResult};
use crate::model::rubric::{Interpolate, Node, PartKind, Ranking, Rubric, Start};
use crate::num::{fixed, plain};

/// Everything `explain` says of unit `u` (of the leaves in `only`, when given).
pub(super) fn explanation<'a>(
    catalog: &Catalog,
    inputs: &Inputs,
    results: &'a Results,
    u: UnitRef,
    only: Option<&std::ops::Range<usize>>,
) -> Option<Explanation<'a>> {
    let rubric = catalog.rubric_of(u);
    let trace = inputs.trace.as_ref()?;
    let units = &results.rubrics[u.rubric].units;
    let result = units.iter().find(|r| r.unit == u.unit)?;
    let dp = rubric.decimals;
    let unit = &rubric.units[u.unit];
    let mut items = Vec::new();
    let mut sections = Vec::new();
    // The review's adjustments of the unit, in the order given.
    let review: Vec<&crate::model::adjust::Adjustment> = results
        .review
        .iter()
        .flatten()
        .filter(|a| a.unit == u)
        .collect();
    for (k, (s, sec)) in result.sections.iter().zip(&rubric.sections).enumerate() {
        sections.push(section(rubric, k, s));
        for l in &s.items {
            if only.is_some_and(|o| !o.contains(&l.item)) {
                continue;
            }
            let leaf = Leaf {
                rubric,
                review: &review,
                unit: u.unit,
                i: l.item,
                section: &sec.id,
                inputs: &inputs.unit(u).items[l.item],
                trace,
            };
            items.push(leaf.explain(l));
        }
    }
    let grade = &rubric.grades[result.grade];
    Some(Explanation {
        schema: "assess.explain.v1",
        version: env!("CARGO_PKG_VERSION"),
        provisional: results.provisional(),
        inputs: crate::report::json::inputs(results),
        rubric: RubricRef {
            id: rubric.id.clone(),
            title: rubric.title.clone(),
            total: plain(rubric.total),
            decimals: dp,
        },
        unit: UnitEx {
            id: unit.id.clone(),
            name: unit.name.clone(),
            at: format!("{}:{}", rubric.origin.path, unit.line),
        },
        items,
        sections,
        applicable_score: fixed(result.applicable_score, dp),
        applicable_max: plain(result.applicable_max),
        scaled: result.scaled,
        parts: rubric.has_parts().then(|| PartsEx {
            scored: fixed(result.scored, dp),
            bonus: fixed(result.bonus, dp),
            penalty: fixed(result.penalty, dp),
            max_total: plain(rubric.max_total),
        }),
        before_veto: (result.veto.is_some() && result.before_veto != result.total)
            .then(|| fixed(result.before_veto, dp)),
        total: fixed(result.total, dp),
        grade: GradeEx {
            id: grade.id.clone(),
            label: grade.label.clone(),
            min: plain(grade.min),
        },
        veto: trace
            .records
            .iter()
            .filter(|r| r.kind == Kind::Veto)
            .map(|r| RecordEx::new(r, rubric))
            .collect(),
        demoted: demoted(rubric, result),
        review: review
            .iter()
            .filter(|a| a.line().is_none())
            .map(|a| ReviewEx::new(rubric, a))
            .collect(),
        rank: result.rank,
        ranking: match rubric.ranking {
            Ranking::Competition => "competition",
            Ranking::Dense => "dense",
        },
        ranked_above: ranked_above(rubric, units, result),
        vetoed_last_after: (rubric.veto.rank_last && result.veto.is_some())
            .then(|| units.iter().filter(|x| x.veto.is_none()).count()),
    })
}

/// The grade a demoted unit's total reaches, with its quota: the highest
/// grade above its own whose `min` the total reaches.
fn demoted(rubric: &Rubric, u: &UnitResult) -> Option<DemotedEx> {
    if !u.demoted {
        return None;
    }
    let g = rubric.grade_for(u.total);
    let grade = &rubric.grades[g];
    Some(DemotedEx {
        from: GradeEx {
            id: grade.id.clone(),
            label: grade.label.clone(),
            min: plain(grade.min),
        },
        limit: grade.quota.map_or(0, |q| q.limit(rubric.units.len())),
    })
}

/// Units of the rubric with a strictly greater total (distinct totals for
/// dense ranking): the rank is one more.
fn ranked_above(rubric: &Rubric, units: &[UnitResult], result: &UnitResult) -> usize {
    // With `rank = "last"`, vetoed units rank among themselves, after the rest.
    let apart = rubric.veto.rank_last;
    let mut above: Vec<Decimal> = units
        .iter()
        .filter(|x| !apart || x.veto.is_some() == result.veto.is_some())
        .filter(|x| x.total > result.total)
        .map(|x| x.total)
        .collect();
    above.sort();
    if rubric.ranking == Ranking::Dense {
        above.dedup();
    }
    above.len()
}

/// Section `k` with its applicable leaves, the parts that add up to its
/// score, and each group's subtotal.
fn section(rubric: &Rubric, k: usize, s: &SectionResult) -> SectionEx {
    let dp = rubric.decimals;
    let leaf_score = |i: usize| s.items.iter().find(|l| l.item == i).and_then(|l| l.counts);
    let group_of = |g: usize| s.groups.iter().find(|x| x.group == g);
    let group_score = |g: usize| group_of(g).and_then(|x| x.score);
    // The children of a group (or of the section: `None`) that count, as
    // (id, score, full max).
    let counted = |parent: Option<usize>| -> Vec<(String, Decimal, Decimal)> {
        rubric
            .outline(k)
            .into_iter()
            .filter_map(|node| match node {
                Node::Group(g, _) if rubric.groups[g].parent == parent => {
                    group_score(g).map(|v| (rubric.groups[g].id.clone(), v, rubric.groups[g].max))
                }
                Node::Leaf(i, _) if rubric.items[i].parent == parent => {
                    leaf_score(i).map(|v| (rubric.items[i].id.clone(), v, rubric.items[i].max))
                }
                _ => None,
            })
            .collect()
    };
    let children = |parent: Option<usize>| -> Vec<(String, String)> {
        counted(parent)
            .into_iter()
            .map(|(id, v, _)| (id, fixed(v, dp)))
            .collect()
    };
    let parts_max =
        |parent: Option<usize>| -> Decimal { counted(parent).iter().map(|(_, _, m)| *m).sum() };
    let groups = rubric
        .outline(k)
        .into_iter()
        .filter_map(|node| match node {
            Node::Group(g, level) => Some((g, level)),
            Node::Leaf(..) => None,
        })
        .map(|(g, level)| {
            let group = &rubric.groups[g];
            GroupEx {
                id: group.id.clone(),
                title: group.title.clone(),
                parent: group.parent.map(|p| rubric.groups[p].id.clone()),
                level,
                max: plain(group.max),
                score: group_score(g).map(|v| fixed(v, dp)),
                parts: children(Some(g)),
                scaled: group_of(g).is_some_and(|x| x.scaled),
                parts_max: plain(parts_max(Some(g))),
            }
        })
        .collect();
    let sec = &rubric.sections[k];
    let full_max: Decimal = rubric.items[sec.items.clone()].iter().map(|i| i.max).sum();
    SectionEx {
        id: sec.id.clone(),
        title: sec.title.clone(),
        kind: sec.kind.id(),
        max: sec.max.filter(|_| sec.kind != PartKind::Scored).map(plain),
        gate: sec.gate.map(|g| plain(g.min)),
        gate_strict: sec.gate.is_some_and(|g| g.strict),
        counted: s.counted,
        scaled: s.scaled,
        parts_max: plain(parts_max(None)),
        full_max: plain(full_max),
        score: fixed(s.score, dp),
        items: s
            .items
            .iter()
            .filter(|l| l.outcome.is_some())
            .map(|l| rubric.items[l.item].id.clone())
            .collect(),
        parts: children(None).into_iter().map(|(_, v)| v).collect(),
        groups,
    }
}

/// One leaf of the unit, with what its inputs say.
struct Leaf<'a> {
    rubric: &'a Rubric,
    review: &'a [&'a crate::model::adjust::Adjustment],
    unit: usize,
    i: usize,
    section: &'a str,
    inputs: &'a ItemInputs,
    trace: &'a Trace,
}

impl Leaf<'_> {
    /// The leaf step by step: base, records, rules, caps and the score
    /// (`outcome` is `None` for a leaf that does not apply).
    fn explain(&self, l: &LeafResult) -> ItemEx {
        let (rubric, dp) = (self.rubric, self.rubric.decimals);
        let item = &rubric.items[self.i];
        let o = l.outcome.as_ref();
        let (not_applicable, not_applicable_at) = match o {
            Some(_) => (None, Vec::new()),
            None => self.why_not_applicable(),
        };
        ItemEx {
            parent: item.parent.map(|g| rubric.groups[g].id.clone()),
            rules: o.map(|o| self.rules(o)).unwrap_or_default(),
            id: item.id.clone(),
            title: item.title.clone(),
            section: self.section.to_string(),
            section_kind: rubric.part_of(self.i).id(),
            max: plain(item.max),
            applicable: o.is_some(),
            start: item.scorers.is_empty().then_some(match item.start {
                Start::Zero => "zero",
                Start::Full => "full",
            }),
            annual: self.annual(),
            // Its records, and a zero record on a group or section above it.
            daily: self
                .trace
                .records
                .iter()
                .filter(|r| r.line.is_some_and(|ln| rubric.leaves(ln).contains(&self.i)))
                .map(|r| RecordEx::new(r, rubric))
                .collect(),
            base: o.map(|o| plain(o.base)),
            deduct_sum: o.map(|o| plain(o.deduct_sum)),
            max_deduct: item.max_deduct.map(plain),
            deducted: o.map(|o| plain(o.deducted)),
            add_sum: o.map(|o| plain(o.add_sum)),
            max_add: item.max_add.map(plain),
            added: o.map(|o| plain(o.added)),
            raw: o.map(|o| plain(o.raw)),
            clamped: o.map(|o| plain(o.clamped)),
            score: o.map(|o| fixed(o.score, dp)),
            floor: (!item.floor.is_zero()).then(|| plain(item.floor)),
            not_applicable,
            not_applicable_at,
            counts: l.counts.filter(|_| o.is_none()).map(|c| fixed(c, dp)),
            measure: self.measure(o),
            zeroed: o.is_some_and(|o| o.zeroed),
            review: self
                .review
                .iter()
                .filter(|a| a.line().is_some_and(|l| rubric.leaves(l).contains(&self.i)))
                .map(|a| ReviewEx::new(rubric, a))
                .collect(),
            exact: o.is_none_or(|o| o.exact),
        }
    }

    /// Why the leaf does not apply to the unit, and where that is written:
    /// a class rule of the rubric, an n/a measured value, or every scorer's n/a.
    fn why_not_applicable(&self) -> (Option<&'static str>, Vec<String>) {
        let rubric = self.rubric;
        if let Some(rule) = rubric.excluding_rule(self.i, self.unit) {
            return (
                Some("class"),
                vec![format!("{}:{}", rubric.origin.path, rule.line)],
            );
        }
        if let Some(m) = self.inputs.measured.as_ref().filter(|m| m.value.is_none()) {
            return (Some("measure"), vec![m.at.to_string()]);
        }
        let at = self
            .inputs
            .annual
            .iter()
            .flatten()
            .map(|a| a.at.to_string())
            .collect();
        (Some("annual"), at)
    }

    /// The measured value and the scale points the base was read between.
    fn measure(&self, o: Option<&ItemScore>) -> Option<MeasureEx> {
        let rubric = self.rubric;
        let measured = rubric.items[self.i].measure.as_ref()?;
        let m = &rubric.measures[measured.measure];
        let used = o.and_then(|o| o.measured.as_ref());
        let point = |(v, s): (Decimal, Decimal)| (plain(v), plain(s));
        Some(MeasureEx {
            id: m.id.clone(),
            title: m.title.clone(),
            unit: m.unit.clone(),
            value: self
                .inputs
                .measured
                .as_ref()
                .and_then(|v| v.value)
                .map(plain),
            at: self.inputs.measured.as_ref().map(|v| v.at.to_string()),
            interpolate: match measured.interpolate {
                Interpolate::Linear => "linear",
                Interpolate::Step => "step",
            },
            from: used
                .map(|u| u.from)
                .or_else(|| measured.scale.first().copied())
                .map(point)
                .unwrap_or_default(),
            to: used.and_then(|u| u.to).map(point),
        })
    }

    /// Each scorer's annual score with its weight and place.
    fn annual(&self) -> Vec<AnnualEx> {
        let rubric = self.rubric;
        rubric.items[self.i]
            .scorers
            .iter()
            .zip(&self.inputs.annual)
            .map(|(w, cell)| {
                let scorer = &rubric.scorers[w.scorer];
                AnnualEx {
                    scorer: scorer.id.clone(),
                    scorer_name: scorer.name.clone(),
                    weight: plain(w.weight),
                    score: cell
                        .as_ref()
                        .map(|AnnualScore { value, .. }| value.map_or("n/a".to_string(), plain)),
                    at: cell.as_ref().map(|a| a.at.to_string()),
                }
            })
            .collect()
    }

    /// Each rule with records under it: their sum and what its cap counts.
    fn rules(&self, o: &ItemScore) -> Vec<RuleEx> {
        o.rules
            .iter()
            .map(|rs| {
                let rule = &self.rubric.rules[rs.rule];
                RuleEx {
                    id: rule.id.clone(),
                    text: rule.text.clone(),
                    kind: rule.kind.id(),
                    kind_of: rule.kind,
                    points: plain(rule.points),
                    max: rule.max.map(plain),
                    sum: plain(rs.sum),
                    counted: plain(rs.counted),
                }
            })
            .collect()
    }
}
