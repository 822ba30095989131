//! `--format json`: schema `assess.score.v1`. Decimal values are strings;
//! scores carry exactly the rubric's decimals, other values their shortest
//! exact form. Fields of part three appear only when a rubric (or the run)
//! uses what they report (`docs/formats.md` §4).

use serde::Serialize;

use crate::model::adjust::{Adjustment, Change};
use crate::model::catalog::Catalog;
use crate::model::compare::Comparison;
use crate::model::results::{
    GroupScore, LeafResult, MissingOf, Results, RubricResult, SCHEMA, SectionResult, UnitResult,
};
use crate::model::rubric::{NaPolicy, Rubric, Section};
use crate::num::{fixed, plain};
use rust_decimal::Decimal;

#[derive(Serialize)]
struct Doc<'a> {
    schema: &'static str,
    version: &'static str,
    provisional: bool,
    inputs: Vec<Input<'a>>,
    rubrics: Vec<RubricOut<'a>>,
    /// Every input missing and counted as 0 (`--allow-missing`).
    missing: Vec<MissingOut<'a>>,
    /// With `--adjust`: the review's adjustments, in the order given.
    #[serde(skip_serializing_if = "Option::is_none")]
    adjustments: Option<Vec<AdjustmentOut<'a>>>,
}

/// One adjustment of the review (SPEC 20): ids and English words whatever
/// the cells said; `from`/`to` the scores (or a withdrawn record's points).
#[derive(Serialize)]
struct AdjustmentOut<'a> {
    unit: &'a str,
    item: Option<&'a str>,
    action: &'static str,
    scorer: Option<&'a str>,
    date: Option<String>,
    kind: Option<&'static str>,
    from: Option<String>,
    to: Option<String>,
    reason: &'a str,
    document: Option<&'a str>,
    source: String,
}

fn adjustment_out<'a>(catalog: &'a Catalog, a: &'a Adjustment) -> AdjustmentOut<'a> {
    let r = catalog.rubric_of(a.unit);
    let score = |v: Option<Decimal>| v.map_or("n/a".to_string(), plain);
    let (action, scorer, date, kind, from, to) = match &a.change {
        Change::Rescore {
            scorer, from, to, ..
        } => (
            "rescore",
            Some(r.scorers[*scorer].id.as_str()),
            None,
            None,
            from.map(score),
            Some(score(*to)),
        ),
        Change::Withdraw {
            date, kind, points, ..
        } => (
            "withdraw",
            None,
            Some(date.to_string()),
            Some(kind.id()),
            kind.takes_points().then(|| plain(*points)),
            None,
        ),
    };
    AdjustmentOut {
        unit: &catalog.unit_of(a.unit).id,
        item: a.line().map(|l| r.line_names(l).0),
        action,
        scorer,
        date,
        kind,
        from,
        to,
        reason: &a.reason,
        document: a.document.as_deref(),
        source: a.at.to_string(),
    }
}

#[derive(Serialize)]
struct MissingOut<'a> {
    rubric: &'a str,
    unit: &'a str,
    item: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    scorer: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    measure: Option<&'a str>,
}

/// One file of the run, for provenance (also in `explain`'s JSON).
#[derive(Serialize)]
pub struct Input<'a> {
    role: &'static str,
    path: &'a str,
    sha256: &'a str,
}

/// Every rubric and input file of a run, with its sha256.
pub fn inputs(results: &Results) -> Vec<Input<'_>> {
    results
        .files
        .iter()
        .map(|f| Input {
            role: f.role.as_str(),
            path: &f.path,
            sha256: &f.sha256,
        })
        .collect()
}

#[derive(Serialize)]
struct RubricOut<'a> {
    id: &'a str,
    title: &'a str,
    year: i64,
    total: String,
    decimals: u32,
    sha256: &'a str,
    units: Vec<UnitOut<'a>>,
}

#[derive(Serialize)]
struct UnitOut<'a> {
    id: &'a str,
    name: &'a str,
    rank: usize,
    total: String,
    grade: &'a str,
    grade_label: &'a str,
    veto: bool,
    scaled: bool,
    /// A missing input of the unit was counted as 0.
    provisional: bool,
    /// With quotas: a grade's quota moved the unit down.
    #[serde(skip_serializing_if = "Option::is_none")]
    demoted: Option<bool>,
    /// With `--adjust`: an adjustment of the review touched the unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    adjusted: Option<bool>,
    deducted: String,
    added: String,
    /// With bonus or penalty parts or floors: the unit's parts.
    #[serde(skip_serializing_if = "Option::is_none")]
    scored: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bonus: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    penalty: Option<String>,
    /// The total converted as the rubric's `[conversion]` says; absent without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    converted: Option<String>,
    /// With `--self`: the claimed total and its difference from the final one.
    #[serde(rename = "self", skip_serializing_if = "Option::is_none")]
    claimed: Option<Option<ClaimOut>>,
    /// With `--previous`: last year's result, `null` for a unit new this year.
    #[serde(skip_serializing_if = "Option::is_none")]
    previous: Option<Option<PreviousOut<'a>>>,
    sections: Vec<SectionOut<'a>>,
}

#[derive(Serialize)]
struct ClaimOut {
    total: String,
    difference: String,
}

#[derive(Serialize)]
struct LeafClaimOut {
    /// The claimed score, or "n/a" for a claim that the leaf does not apply.
    score: String,
    difference: Option<String>,
}

#[derive(Serialize)]
struct PreviousOut<'a> {
    total: String,
    grade: &'a str,
    rank: usize,
    change: String,
    rank_change: i64,
}

#[derive(Serialize)]
struct SectionOut<'a> {
    id: &'a str,
    title: &'a str,
    /// With parts: scored, bonus or penalty; its max; whether it counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    counted: Option<bool>,
    score: String,
    /// With `na = "parent"` or `"full"`: rescaled over its children.
    #[serde(skip_serializing_if = "Option::is_none")]
    scaled: Option<bool>,
    /// The section's leaves, depth first.
    items: Vec<ItemOut<'a>>,
    /// The section's groups, depth first.
    groups: Vec<GroupOut<'a>>,
}

#[derive(Serialize)]
struct GroupOut<'a> {
    id: &'a str,
    title: &'a str,
    parent: Option<&'a str>,
    max: String,
    score: Option<String>,
    applicable: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    scaled: Option<bool>,
}

#[derive(Serialize)]
struct ItemOut<'a> {
    id: &'a str,
    title: &'a str,
    /// The group holding the leaf, `null` directly under the section.
    parent: Option<&'a str>,
    max: String,
    base: Option<String>,
    deducted: Option<String>,
    added: Option<String>,
    score: Option<String>,
    applicable: bool,
    /// When some `zero` record was read: a zero record made the score 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    zeroed: Option<bool>,
    /// With `--self`: the unit's claim on the leaf, `null` where it made none.
    #[serde(rename = "self", skip_serializing_if = "Option::is_none")]
    claimed: Option<Option<LeafClaimOut>>,
    /// A leaf scored from a measure: which, and the value read.
    #[serde(skip_serializing_if = "Option::is_none")]
    measure: Option<MeasureOut<'a>>,
}

#[derive(Serialize)]
struct MeasureOut<'a> {
    id: &'a str,
    value: Option<String>,
}

/// Which of part three's fields the document carries: each only when a
/// rubric loaded (or the run) uses what it reports, so that a document of
/// parts one and two is unchanged.
#[derive(Clone, Copy)]
struct Shape {
    parts: bool,
    policies: bool,
    zeroed: bool,
    quotas: bool,
    review: bool,
}

pub fn render(catalog: &Catalog, results: &Results, compare: &Comparison) -> String {
    let rubrics = || catalog.rubrics.iter();
    let shape = Shape {
        parts: rubrics().any(Rubric::has_parts),
        policies: rubrics().any(|r| r.na != NaPolicy::Rescale),
        zeroed: results.zero_records,
        quotas: rubrics().any(|r| r.grades.iter().any(|g| g.quota.is_some())),
        review: results.review.is_some(),
    };
    let doc = Doc {
        schema: SCHEMA,
        version: env!("CARGO_PKG_VERSION"),
        provisional: results.provisional(),
        inputs: inputs(results),
        rubrics: results
            .rubrics
            .iter()
            .map(|rr| rubric_out(catalog, rr, compare, shape))
            .collect(),
        missing: results
            .rubrics
            .iter()
            .flat_map(|rr| missing_out(&catalog.rubrics[rr.rubric], rr))
            .collect(),
        adjustments: results
            .review
            .as_ref()
            .map(|review| review.iter().map(|a| adjustment_out(catalog, a)).collect()),
    };
    // Serializing plain structs of strings and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// One rubric's units, by rank.
fn rubric_out<'a>(
    catalog: &'a Catalog,
    rr: &'a RubricResult,
    compare: &'a Comparison,
    shape: Shape,
) -> RubricOut<'a> {
    let r = &catalog.rubrics[rr.rubric];
    let unit = |u| Unit {
        r,
        rubric: rr.rubric,
        u,
        compare,
        shape,
    };
    RubricOut {
        id: &r.id,
        title: &r.title,
        year: r.year,
        total: plain(r.total),
        decimals: r.decimals,
        sha256: &r.origin.sha256,
        units: rr.units.iter().map(|u| unit(u).out()).collect(),
    }
}

/// The inputs missing and counted as 0: roster order, then the rubric's
/// order of leaves and, within a leaf, of scorers.
fn missing_out<'a>(r: &'a Rubric, rr: &'a RubricResult) -> impl Iterator<Item = MissingOut<'a>> {
    let mut units: Vec<&UnitResult> = rr.units.iter().collect();
    units.sort_by_key(|u| u.unit);
    units.into_iter().flat_map(move |u| {
        u.missing.iter().map(move |m| MissingOut {
            rubric: &r.id,
            unit: &r.units[u.unit].id,
            item: &r.items[m.item].id,
            scorer: match m.of {
                MissingOf::Scorer(s) => Some(r.scorers[s].id.as_str()),
                MissingOf::Measure(_) => None,
            },
            measure: match m.of {
                MissingOf::Measure(k) => Some(r.measures[k].id.as_str()),
                MissingOf::Scorer(_) => None,
            },
        })
    })
}

/// One unit's result, with what it is compared with.
struct Unit<'a> {
    r: &'a Rubric,
    rubric: usize,
    u: &'a UnitResult,
    compare: &'a Comparison,
    shape: Shape,
}

impl<'a> Unit<'a> {
    fn out(&self) -> UnitOut<'a> {
        let (r, u, dp) = (self.r, self.u, self.r.decimals);
        let grade = &r.grades[u.grade];
        let parts = |d| self.shape.parts.then(|| fixed(d, dp));
        UnitOut {
            id: &r.units[u.unit].id,
            name: &r.units[u.unit].name,
            rank: u.rank,
            total: fixed(u.total, dp),
            grade: &grade.id,
            grade_label: &grade.label,
            veto: u.veto.is_some(),
            scaled: u.scaled,
            provisional: u.provisional(),
            demoted: self.shape.quotas.then_some(u.demoted),
            adjusted: self.shape.review.then_some(u.adjusted),
            deducted: plain(u.deducted),
            added: plain(u.added),
            scored: parts(u.scored),
            bonus: parts(u.bonus),
            penalty: parts(u.penalty),
            converted: u.converted.map(|c| fixed(c, dp)),
            claimed: self.compare.claims.as_ref().map(|c| {
                c.of(self.rubric, u.unit).map(|x| ClaimOut {
                    total: fixed(x.total, dp),
                    difference: fixed(x.difference, dp),
                })
            }),
            previous: self.compare.previous.as_ref().map(|p| {
                p.of(self.rubric, u.unit).map(|x| PreviousOut {
                    total: fixed(x.total, dp),
                    grade: &x.grade,
                    rank: x.rank,
                    change: fixed(x.change, dp),
                    rank_change: x.rank_change,
                })
            }),
            sections: u
                .sections
                .iter()
                .zip(&r.sections)
                .map(|(s, sec)| self.section(s, sec))
                .collect(),
        }
    }

    fn section(&self, s: &'a SectionResult, sec: &'a Section) -> SectionOut<'a> {
        let r = self.r;
        let parts = self.shape.parts;
        let max = || {
            sec.max.unwrap_or_else(|| {
                r.items[sec.items.clone()]
                    .iter()
                    .map(|i| i.max)
                    .fold(rust_decimal::Decimal::ZERO, |a, m| a.saturating_add(m))
            })
        };
        SectionOut {
            id: &sec.id,
            title: &sec.title,
            kind: parts.then(|| sec.kind.id()),
            max: parts.then(|| plain(max())),
            counted: parts.then_some(s.counted),
            score: fixed(s.score, r.decimals),
            scaled: self.shape.policies.then_some(s.scaled),
            items: s.items.iter().map(|l| self.leaf(l)).collect(),
            groups: s.groups.iter().map(|g| self.group(g)).collect(),
        }
    }

    fn leaf(&self, l: &'a LeafResult) -> ItemOut<'a> {
        let (r, dp) = (self.r, self.r.decimals);
        let item = &r.items[l.item];
        let out = l.outcome.as_ref();
        ItemOut {
            id: &item.id,
            title: &item.title,
            parent: item.parent.map(|g| r.groups[g].id.as_str()),
            max: plain(item.max),
            base: out.map(|o| plain(o.base)),
            deducted: out.map(|o| plain(o.deducted)),
            added: out.map(|o| plain(o.added)),
            score: l.counts.map(|c| fixed(c, dp)),
            applicable: out.is_some(),
            zeroed: self.shape.zeroed.then(|| out.is_some_and(|o| o.zeroed)),
            claimed: self.compare.claims.as_ref().map(|c| {
                let claim = c.of(self.rubric, self.u.unit)?;
                let (score, difference) = claim.leaf(l.item, out.map(|o| o.score))?;
                Some(LeafClaimOut {
                    score: score.map_or("n/a".to_string(), |v| fixed(v, dp)),
                    difference: difference.map(|d| fixed(d, dp)),
                })
            }),
            measure: item.measure.as_ref().map(|m| MeasureOut {
                id: &r.measures[m.measure].id,
                value: out.and_then(|o| o.measured?.value).map(plain),
            }),
        }
    }

    fn group(&self, g: &GroupScore) -> GroupOut<'a> {
        let r = self.r;
        let group = &r.groups[g.group];
        GroupOut {
            id: &group.id,
            title: &group.title,
            parent: group.parent.map(|p| r.groups[p].id.as_str()),
            max: plain(group.max),
            score: g.score.map(|v| fixed(v, r.decimals)),
            applicable: g.applicable,
            scaled: self.shape.policies.then_some(g.scaled),
        }
    }
}
