//! `assess explain UNIT [ITEM]`: the audit trail of one unit, every number
//! traced to the input line it comes from, every step with its values.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::inputs::AnnualScore;
use crate::model::record::{DailyRecord, Kind, Method};
use crate::model::rubric::RuleKind;
use crate::model::rubric::{Node, Ranking, Start};
use crate::num::{fixed, plain};
use crate::report::ReportFormat as ExplainFormat;
use crate::report::points;
use crate::text::i18n::Message;
use crate::text::i18n::msg;
use crate::text::labels::{kind_label, method_label, rule_kind_label};

#[derive(Serialize)]
struct Explanation<'a> {
    schema: &'static str,
    version: &'static str,
    provisional: bool,
    inputs: Vec<crate::report::json::Input<'a>>,
    rubric: RubricRef,
    unit: UnitEx,
    items: Vec<ItemEx>,
    sections: Vec<SectionEx>,
    applicable_score: String,
    applicable_max: String,
    scaled: bool,
    total: String,
    grade: GradeEx,
    veto: Vec<RecordEx>,
    rank: usize,
    ranking: &'static str,
    /// Units of the rubric with a strictly greater total (distinct totals for dense ranking).
    ranked_above: usize,
}

#[derive(Serialize)]
struct RubricRef {
    id: String,
    title: String,
    total: String,
    decimals: u32,
}

#[derive(Serialize)]
struct UnitEx {
    id: String,
    name: String,
    at: String,
}

#[derive(Serialize)]
struct GradeEx {
    id: String,
    label: String,
    min: String,
}

#[derive(Serialize)]
struct SectionEx {
    id: String,
    title: String,
    score: String,
    /// The applicable leaves.
    items: Vec<String>,
    /// The applicable indicators directly under the section (groups and
    /// leaves), whose scores add up to the section's.
    parts: Vec<String>,
    groups: Vec<GroupEx>,
}

/// A group's subtotal: the exact sum of its applicable children.
#[derive(Serialize)]
struct GroupEx {
    id: String,
    title: String,
    parent: Option<String>,
    level: usize,
    max: String,
    score: Option<String>,
    /// The applicable indicators directly under it, as (id, score).
    parts: Vec<(String, String)>,
}

/// One rule of a leaf with records under it (SPEC 9).
#[derive(Serialize)]
struct RuleEx {
    id: String,
    text: String,
    kind: &'static str,
    #[serde(skip)]
    kind_of: RuleKind,
    points: String,
    max: Option<String>,
    /// The points of the records under the rule, before its cap.
    sum: String,
    /// `sum` capped at `max`: what counts towards the item's adjustment.
    counted: String,
}

#[derive(Serialize)]
struct ItemEx {
    id: String,
    title: String,
    section: String,
    max: String,
    applicable: bool,
    /// For an item without scorers: "zero" or "full".
    start: Option<&'static str>,
    annual: Vec<AnnualEx>,
    daily: Vec<RecordEx>,
    /// The group holding the leaf, if any.
    parent: Option<String>,
    rules: Vec<RuleEx>,
    base: Option<String>,
    deduct_sum: Option<String>,
    max_deduct: Option<String>,
    deducted: Option<String>,
    add_sum: Option<String>,
    max_add: Option<String>,
    added: Option<String>,
    /// base - deducted + added, before the clamp to 0..max
    raw: Option<String>,
    /// raw clamped to 0..max, before rounding
    clamped: Option<String>,
    score: Option<String>,
}

#[derive(Serialize)]
struct AnnualEx {
    scorer: String,
    scorer_name: String,
    weight: String,
    /// The score, "n/a", or null when missing (counted as 0 with --allow-missing).
    score: Option<String>,
    at: Option<String>,
}

#[derive(Serialize)]
struct RecordEx {
    #[serde(skip)]
    kind_of: Kind,
    #[serde(skip)]
    method_of: Method,
    date: String,
    kind: &'static str,
    kind_label: &'static str,
    method: &'static str,
    method_label: &'static str,
    points: String,
    /// The rule (id) and count the record was written with, if any.
    rule: Option<String>,
    count: Option<String>,
    note: String,
    at: String,
}

impl RecordEx {
    fn new(r: &DailyRecord, rubric: &crate::model::rubric::Rubric) -> Self {
        RecordEx {
            kind_of: r.kind,
            method_of: r.method,
            date: r.date.to_string(),
            kind: r.kind.id(),
            kind_label: r.kind.label(),
            method: r.method.id(),
            method_label: r.method.label(),
            points: plain(r.points),
            rule: r.rule.map(|(k, _)| rubric.rules[k].id.clone()),
            count: r.rule.map(|(_, c)| plain(c)),
            note: r.note.clone(),
            at: r.at.to_string(),
        }
    }
}

/// Which leaves to explain: all of them, or those of one line (a leaf, or a
/// group's leaves).
pub type Only = Option<std::ops::Range<usize>>;

/// The audit trail of one unit, as text or JSON.
pub fn render(
    catalog: &crate::model::catalog::Catalog,
    inputs: &crate::model::inputs::Inputs,
    results: &crate::model::results::Results,
    u: crate::model::catalog::UnitRef,
    only: Only,
    format: ExplainFormat,
) -> String {
    let rubric = catalog.rubric_of(u);
    let Some(trace) = &inputs.trace else {
        return String::new();
    };
    let Some(result) = results.rubrics[u.rubric]
        .units
        .iter()
        .find(|r| r.unit == u.unit)
    else {
        return String::new();
    };
    let dp = rubric.decimals;
    let unit = &rubric.units[u.unit];
    let ui = inputs.unit(u);
    let mut items = Vec::new();
    let mut sections = Vec::new();
    for (k, (s, sec)) in result.sections.iter().zip(&rubric.sections).enumerate() {
        let leaf_score = |i: usize| {
            s.items
                .iter()
                .find(|(x, _)| *x == i)
                .and_then(|(_, o)| o.as_ref().map(|o| o.score))
        };
        let group_score = |g: usize| s.groups.iter().find(|(x, _)| *x == g).and_then(|(_, v)| *v);
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
        sections.push(SectionEx {
            id: sec.id.clone(),
            title: sec.title.clone(),
            score: fixed(s.score, dp),
            items: s
                .items
                .iter()
                .filter(|(_, o)| o.is_some())
                .map(|(i, _)| rubric.items[*i].id.clone())
                .collect(),
            parts: children(None).into_iter().map(|(_, v)| v).collect(),
            groups,
        });
        for (i, outcome) in &s.items {
            if only.as_ref().is_some_and(|o| !o.contains(i)) {
                continue;
            }
            let item = &rubric.items[*i];
            let annual = item
                .scorers
                .iter()
                .zip(&ui.items[*i].annual)
                .map(|(w, cell)| {
                    let scorer = &rubric.scorers[w.scorer];
                    AnnualEx {
                        scorer: scorer.id.clone(),
                        scorer_name: scorer.name.clone(),
                        weight: plain(w.weight),
                        score: cell.as_ref().map(|AnnualScore { value, .. }| {
                            value.map_or("n/a".to_string(), plain)
                        }),
                        at: cell.as_ref().map(|a| a.at.to_string()),
                    }
                })
                .collect();
            let daily = trace
                .records
                .iter()
                .filter(|r| r.item == Some(*i))
                .map(|r| RecordEx::new(r, rubric))
                .collect();
            let o = outcome.as_ref();
            let rules = o
                .map(|o| {
                    o.rules
                        .iter()
                        .map(|rs| {
                            let rule = &rubric.rules[rs.rule];
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
                })
                .unwrap_or_default();
            items.push(ItemEx {
                parent: item.parent.map(|g| rubric.groups[g].id.clone()),
                rules,
                id: item.id.clone(),
                title: item.title.clone(),
                section: sec.id.clone(),
                max: plain(item.max),
                applicable: o.is_some(),
                start: item.scorers.is_empty().then_some(match item.start {
                    Start::Zero => "zero",
                    Start::Full => "full",
                }),
                annual,
                daily,
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
            });
        }
    }
    let ranked_above = {
        let units = &results.rubrics[u.rubric].units;
        let mut above: Vec<Decimal> = units
            .iter()
            .filter(|x| x.total > result.total)
            .map(|x| x.total)
            .collect();
        if rubric.ranking == Ranking::Dense {
            above.dedup();
        }
        above.len()
    };
    let grade = &rubric.grades[result.grade];
    let ex = Explanation {
        schema: "assess.explain.v1",
        version: env!("CARGO_PKG_VERSION"),
        provisional: results.provisional(),
        inputs: crate::report::json::inputs(&results),
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
        ranked_above,
    };
    match format {
        ExplainFormat::Json => {
            let mut t = serde_json::to_string_pretty(&ex).unwrap_or_default();
            t.push('\n');
            t
        }
        ExplainFormat::Text => render_text(&ex, only.is_none()),
    }
}

/// A note on one line (a note may hold line breaks).
fn one_line(note: &str) -> String {
    note.replace('\n', " ")
}

/// The audit trail as text in the run's language: the lines of each item,
/// then (for the whole unit) the sections, the total, the grade and the rank.
/// Numbers, formulas and locations read the same in every language.
fn render_text(ex: &Explanation<'_>, whole: bool) -> String {
    let mut lines: Vec<String> = Vec::new();
    let named = |name: &str, id: &str| msg!("cmd-named", name = name, id = id);
    let v = |x: &Option<String>| x.clone().unwrap_or_default();
    top(
        &mut lines,
        msg!(
            "explain-unit",
            unit = named(&ex.unit.name, &ex.unit.id),
            at = &ex.unit.at
        ),
    );
    let total: rust_decimal::Decimal = ex.rubric.total.parse().unwrap_or_default();
    top(
        &mut lines,
        msg!(
            "explain-rubric",
            id = &ex.rubric.id,
            title = &ex.rubric.title,
            total = points(total)
        ),
    );
    if ex.provisional {
        top(&mut lines, msg!("explain-provisional"));
    }
    let separator = msg!("explain-list-separator").to_string();
    for item in &ex.items {
        lines.push(String::new());
        let max: rust_decimal::Decimal = item.max.parse().unwrap_or_default();
        top(
            &mut lines,
            msg!(
                "explain-item",
                id = &item.id,
                title = &item.title,
                max = points(max)
            ),
        );
        if !item.applicable {
            let at: Vec<&str> = item.annual.iter().filter_map(|a| a.at.as_deref()).collect();
            step(
                &mut lines,
                msg!("explain-not-applicable", at = at.join(&separator)),
            );
            continue;
        }
        let mut terms = Vec::new();
        for a in &item.annual {
            let scorer = named(&a.scorer_name, &a.scorer);
            match (&a.score, &a.at) {
                (Some(score), Some(at)) => {
                    step(
                        &mut lines,
                        msg!(
                            "explain-annual",
                            scorer = scorer,
                            score = score,
                            weight = &a.weight,
                            at = at
                        ),
                    );
                    terms.push(format!("{} × {score}", a.weight));
                }
                _ => {
                    step(
                        &mut lines,
                        msg!(
                            "explain-annual-missing",
                            scorer = scorer,
                            weight = &a.weight
                        ),
                    );
                    terms.push(format!("{} × 0", a.weight));
                }
            }
        }
        let base = v(&item.base);
        step(
            &mut lines,
            match item.start {
                Some("full") => msg!("explain-base-full", base = &base),
                Some(_) => msg!("explain-base-zero", base = &base),
                None => msg!("explain-base", terms = terms.join(" + "), base = &base),
            },
        );
        for r in &item.daily {
            let m = if r.note.is_empty() {
                msg!("explain-daily")
            } else {
                msg!("explain-daily-note").arg("note", one_line(&r.note))
            };
            step(
                &mut lines,
                m.arg("date", &r.date)
                    .arg(
                        "rule",
                        r.rule.as_ref().map(|rule| {
                            msg!(
                                "explain-daily-rule",
                                kind = match r.kind_of {
                                    Kind::Add => rule_kind_label(RuleKind::Add),
                                    _ => rule_kind_label(RuleKind::Deduct),
                                },
                                rule = rule,
                                count = r.count.clone().unwrap_or_default()
                            )
                        }),
                    )
                    .arg("method", method_label(r.method_of))
                    .arg("kind", kind_label(r.kind_of))
                    .arg("points", &r.points)
                    .arg("at", &r.at),
            );
        }
        for r in &item.rules {
            let m = match &r.max {
                Some(cap) => msg!("explain-rule-capped", cap = cap),
                None => msg!("explain-rule"),
            };
            step(
                &mut lines,
                m.arg("kind", rule_kind_label(r.kind_of))
                    .arg("id", &r.id)
                    .arg("text", &r.text)
                    .arg("sum", &r.sum)
                    .arg("counted", &r.counted),
            );
        }
        let capped = |plain: Message,
                      capped: Message,
                      sum: &Option<String>,
                      cap: &Option<String>,
                      after: &Option<String>| match cap {
            Some(c) => capped
                .arg("sum", v(sum))
                .arg("cap", c)
                .arg("after", v(after)),
            None => plain.arg("after", v(after)),
        };
        step(
            &mut lines,
            capped(
                msg!("explain-deducted"),
                msg!("explain-deducted-capped"),
                &item.deduct_sum,
                &item.max_deduct,
                &item.deducted,
            ),
        );
        step(
            &mut lines,
            capped(
                msg!("explain-added"),
                msg!("explain-added-capped"),
                &item.add_sum,
                &item.max_add,
                &item.added,
            ),
        );
        step(
            &mut lines,
            msg!(
                "explain-score",
                base = &base,
                deducted = v(&item.deducted),
                added = v(&item.added),
                raw = v(&item.raw),
                max = &item.max,
                clamped = v(&item.clamped),
                decimals = ex.rubric.decimals,
                score = v(&item.score)
            ),
        );
    }
    if !whole {
        return text(lines);
    }
    lines.push(String::new());
    for s in &ex.sections {
        top(
            &mut lines,
            if s.parts.is_empty() {
                msg!("explain-section-empty", title = &s.title, score = &s.score)
            } else {
                msg!(
                    "explain-section",
                    title = &s.title,
                    score = &s.score,
                    parts = s.parts.join(" + ")
                )
            },
        );
        // The tree below the section, each group with its subtotal.
        for g in &s.groups {
            let indent = "  ".repeat(g.level - 1);
            let line = match &g.score {
                Some(score) => msg!(
                    "explain-group",
                    id = &g.id,
                    title = &g.title,
                    score = score,
                    parts = g
                        .parts
                        .iter()
                        .map(|(_, v)| v.as_str())
                        .collect::<Vec<_>>()
                        .join(" + ")
                ),
                None => msg!("explain-group-na", id = &g.id, title = &g.title),
            };
            lines.push(format!("{indent}{line}"));
        }
    }
    let sections: Vec<&str> = ex.sections.iter().map(|s| s.score.as_str()).collect();
    top(
        &mut lines,
        if ex.scaled {
            msg!(
                "explain-total-scaled",
                score = &ex.applicable_score,
                scale = &ex.rubric.total,
                max = &ex.applicable_max,
                total = &ex.total
            )
        } else {
            msg!(
                "explain-total",
                parts = sections.join(" + "),
                total = &ex.total
            )
        },
    );
    top(
        &mut lines,
        match ex.veto.first() {
            Some(r) => {
                let record = if r.note.is_empty() {
                    msg!("explain-veto-record")
                } else {
                    msg!("explain-veto-record-note").arg("note", one_line(&r.note))
                }
                .arg("date", &r.date)
                .arg("method", method_label(r.method_of));
                msg!(
                    "explain-grade-vetoed",
                    label = &ex.grade.label,
                    id = &ex.grade.id,
                    record = record,
                    at = &r.at
                )
            }
            None => msg!(
                "explain-grade",
                label = &ex.grade.label,
                id = &ex.grade.id,
                total = &ex.total,
                min = &ex.grade.min
            ),
        },
    );
    let rank = if ex.ranking == "dense" {
        msg!("explain-rank-dense")
    } else {
        msg!("explain-rank")
    };
    top(
        &mut lines,
        rank.arg("rank", ex.rank).arg("above", ex.ranked_above),
    );
    text(lines)
}

/// A line of the trail.
fn top(lines: &mut Vec<String>, m: Message) {
    lines.push(m.to_string());
}

/// A step of an item, indented under it.
fn step(lines: &mut Vec<String>, m: Message) {
    lines.push(format!("  {m}"));
}

fn text(lines: Vec<String>) -> String {
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
