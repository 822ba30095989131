//! The audit trail as text in the run's language: the lines of each item,
//! then (for the whole unit) the sections, the total, the grade and the rank.
//! Numbers, formulas and locations read the same in every language.

use super::{Explanation, ItemEx, Kind, RecordEx, RuleKind, SectionEx};
use crate::report::points;
use crate::text::i18n::{Message, msg};
use crate::text::labels::{kind_label, rule_kind_label};

pub(super) fn render(ex: &Explanation<'_>, whole: bool) -> String {
    let mut lines: Vec<String> = Vec::new();
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
    for item in &ex.items {
        lines.push(String::new());
        item_lines(&mut lines, item, ex.rubric.decimals);
    }
    if whole {
        lines.push(String::new());
        section_lines(&mut lines, &ex.sections);
        unit_lines(&mut lines, ex);
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// `NAME（ID）`
fn named(name: &str, id: &str) -> Message {
    msg!("cmd-named", name = name, id = id)
}

fn v(x: &Option<String>) -> String {
    x.clone().unwrap_or_default()
}

/// A note on one line (a note may hold line breaks).
fn one_line(note: &str) -> String {
    note.replace('\n', " ")
}

/// A line of the trail (what it quotes from the inputs on that one line).
fn top(lines: &mut Vec<String>, m: Message) {
    lines.push(m.escaped().to_string());
}

/// A step of an item, indented under it.
fn step(lines: &mut Vec<String>, m: Message) {
    lines.push(format!("  {}", m.escaped()));
}

/// One leaf: its maximum, then each step from the annual scores to the score.
fn item_lines(lines: &mut Vec<String>, item: &ItemEx, decimals: u32) {
    let max: rust_decimal::Decimal = item.max.parse().unwrap_or_default();
    top(
        lines,
        msg!(
            "explain-item",
            id = &item.id,
            title = &item.title,
            max = points(max)
        ),
    );
    if !item.applicable {
        let separator = msg!("explain-list-separator").to_string();
        let at: Vec<&str> = item.annual.iter().filter_map(|a| a.at.as_deref()).collect();
        step(
            lines,
            msg!("explain-not-applicable", at = at.join(&separator)),
        );
        return;
    }
    let base = base_lines(lines, item);
    for r in &item.daily {
        step(lines, daily_line(r));
    }
    for r in &item.rules {
        let m = match &r.max {
            Some(cap) => msg!("explain-rule-capped", cap = cap),
            None => msg!("explain-rule"),
        };
        step(
            lines,
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
        lines,
        capped(
            msg!("explain-deducted"),
            msg!("explain-deducted-capped"),
            &item.deduct_sum,
            &item.max_deduct,
            &item.deducted,
        ),
    );
    step(
        lines,
        capped(
            msg!("explain-added"),
            msg!("explain-added-capped"),
            &item.add_sum,
            &item.max_add,
            &item.added,
        ),
    );
    step(
        lines,
        msg!(
            "explain-score",
            base = &base,
            deducted = v(&item.deducted),
            added = v(&item.added),
            raw = v(&item.raw),
            max = &item.max,
            clamped = v(&item.clamped),
            decimals = decimals,
            score = v(&item.score)
        ),
    );
}

/// Each scorer's weighted score, then the base they make; returns the base.
fn base_lines(lines: &mut Vec<String>, item: &ItemEx) -> String {
    let mut terms = Vec::new();
    for a in &item.annual {
        let scorer = named(&a.scorer_name, &a.scorer);
        match (&a.score, &a.at) {
            (Some(score), Some(at)) => {
                step(
                    lines,
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
                    lines,
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
        lines,
        match item.start {
            Some("full") => msg!("explain-base-full", base = &base),
            Some(_) => msg!("explain-base-zero", base = &base),
            None => msg!("explain-base", terms = terms.join(" + "), base = &base),
        },
    );
    base
}

/// A daily record on a leaf: when, how found, under which rule, its points.
fn daily_line(r: &RecordEx) -> Message {
    let m = if r.note.is_empty() {
        msg!("explain-daily")
    } else {
        msg!("explain-daily-note").arg("note", one_line(&r.note))
    };
    let rule = r.rule.as_ref().map(|rule| {
        let kind = match r.kind_of {
            Kind::Add => RuleKind::Add,
            _ => RuleKind::Deduct,
        };
        msg!(
            "explain-daily-rule",
            kind = rule_kind_label(kind),
            rule = rule,
            count = r.count.clone().unwrap_or_default()
        )
    });
    m.arg("date", &r.date)
        .arg("rule", rule)
        .arg("method", r.method_of.clone())
        .arg("kind", kind_label(r.kind_of))
        .arg("points", &r.points)
        .arg("at", &r.at)
}

/// Each section's score as the sum of its parts, and the groups below it.
fn section_lines(lines: &mut Vec<String>, sections: &[SectionEx]) {
    for s in sections {
        top(
            lines,
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
}

/// The total, the grade and the rank.
fn unit_lines(lines: &mut Vec<String>, ex: &Explanation<'_>) {
    let sections: Vec<&str> = ex.sections.iter().map(|s| s.score.as_str()).collect();
    top(
        lines,
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
    let grade = match ex.veto.first() {
        Some(r) => {
            let record = if r.note.is_empty() {
                msg!("explain-veto-record")
            } else {
                msg!("explain-veto-record-note").arg("note", one_line(&r.note))
            }
            .arg("date", &r.date)
            .arg("method", r.method_of.clone());
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
    };
    top(lines, grade);
    let rank = if ex.ranking == "dense" {
        msg!("explain-rank-dense")
    } else {
        msg!("explain-rank")
    };
    top(
        lines,
        rank.arg("rank", ex.rank).arg("above", ex.ranked_above),
    );
}
