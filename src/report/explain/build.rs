//! The explanation of one unit gathered from the results and the inputs:
//! each leaf with its annual scores, records and rules, each section and
//! group with its parts, the total, grade and rank.

use rust_decimal::Decimal;

use super::{
    AnnualEx, Explanation, GradeEx, GroupEx, ItemEx, RecordEx, RubricRef, RuleEx, SectionEx, UnitEx,
};
use crate::model::catalog::{Catalog, UnitRef};
use crate::model::inputs::{AnnualScore, Inputs, ItemInputs, Trace};
use crate::model::record::Kind;
use crate::model::results::{ItemScore, Results, SectionResult, UnitResult};
use crate::model::rubric::{Node, Ranking, Rubric, Start};
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
    for (k, (s, sec)) in result.sections.iter().zip(&rubric.sections).enumerate() {
        sections.push(section(rubric, k, s));
        for l in &s.items {
            if only.is_some_and(|o| !o.contains(&l.item)) {
                continue;
            }
            let leaf = Leaf {
                rubric,
                i: l.item,
                section: &sec.id,
                inputs: &inputs.unit(u).items[l.item],
                trace,
            };
            items.push(leaf.explain(l.outcome.as_ref()));
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
        rank: result.rank,
        ranking: match rubric.ranking {
            Ranking::Competition => "competition",
            Ranking::Dense => "dense",
        },
        ranked_above: ranked_above(rubric, units, result),
    })
}

/// Units of the rubric with a strictly greater total (distinct totals for
/// dense ranking): the rank is one more.
fn ranked_above(rubric: &Rubric, units: &[UnitResult], result: &UnitResult) -> usize {
    let mut above: Vec<Decimal> = units
        .iter()
        .filter(|x| x.total > result.total)
        .map(|x| x.total)
        .collect();
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
    let group_score = |g: usize| s.groups.iter().find(|x| x.group == g).and_then(|x| x.score);
    // The applicable children of a group (or of the section: `None`).
    let children = |parent: Option<usize>| -> Vec<(String, String)> {
        rubric
            .outline(k)
            .into_iter()
            .filter_map(|node| match node {
                Node::Group(g, _) if rubric.groups[g].parent == parent => {
                    group_score(g).map(|v| (rubric.groups[g].id.clone(), fixed(v, dp)))
                }
                Node::Leaf(i, _) if rubric.items[i].parent == parent => {
                    leaf_score(i).map(|v| (rubric.items[i].id.clone(), fixed(v, dp)))
                }
                _ => None,
            })
            .collect()
    };
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
            }
        })
        .collect();
    let sec = &rubric.sections[k];
    SectionEx {
        id: sec.id.clone(),
        title: sec.title.clone(),
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
    i: usize,
    section: &'a str,
    inputs: &'a ItemInputs,
    trace: &'a Trace,
}

impl Leaf<'_> {
    /// The leaf step by step: base, records, rules, caps and the score
    /// (`outcome` is `None` for a leaf that does not apply).
    fn explain(&self, outcome: Option<&ItemScore>) -> ItemEx {
        let (rubric, dp) = (self.rubric, self.rubric.decimals);
        let item = &rubric.items[self.i];
        let o = outcome;
        ItemEx {
            parent: item.parent.map(|g| rubric.groups[g].id.clone()),
            rules: o.map(|o| self.rules(o)).unwrap_or_default(),
            id: item.id.clone(),
            title: item.title.clone(),
            section: self.section.to_string(),
            max: plain(item.max),
            applicable: o.is_some(),
            start: item.scorers.is_empty().then_some(match item.start {
                Start::Zero => "zero",
                Start::Full => "full",
            }),
            annual: self.annual(),
            daily: self
                .trace
                .records
                .iter()
                .filter(|r| r.item == Some(self.i))
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
            clamped: o.map(|o| plain(o.raw.clamp(Decimal::ZERO, item.max))),
            score: o.map(|o| fixed(o.score, dp)),
        }
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
