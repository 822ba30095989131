//! The audit trail as text in the run's language: the lines of each item,
//! then (for the whole unit) the sections, the total, the grade and the rank.
//! Numbers, formulas and locations read the same in every language.

use super::{Explanation, ItemEx, Kind, MeasureEx, RecordEx, ReviewEx, RuleKind, SectionEx};
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
        let scored = ex.parts.as_ref().map(|p| p.scored.as_str());
        section_lines(&mut lines, &ex.sections, scored);
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
        let at = item.not_applicable_at.join(&separator);
        step(
            lines,
            match item.not_applicable {
                Some("class") => msg!("explain-not-applicable-class", at = at),
                Some("measure") => msg!("explain-not-applicable-measure", at = at),
                _ => msg!("explain-not-applicable", at = at),
            },
        );
        if let Some(counts) = &item.counts {
            step(lines, msg!("explain-counts-full", counts = counts));
        }
        return;
    }
    // A penalty line has no base: only its deductions count.
    let penalty = item.section_kind == "penalty";
    let base = match &item.measure {
        Some(m) => measure_lines(lines, item, m),
        None if penalty => String::new(),
        None => base_lines(lines, item),
    };
    for r in &item.review {
        step(lines, review_line(r));
    }
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
    if !penalty {
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
    }
    let score = if item.zeroed {
        msg!("explain-score-zeroed", score = v(&item.score))
    } else if penalty {
        msg!(
            "explain-score-penalty",
            deducted = v(&item.deducted),
            max = &item.max,
            decimals = decimals,
            score = v(&item.score)
        )
    } else {
        msg!(
            "explain-score",
            base = &base,
            deducted = v(&item.deducted),
            added = v(&item.added),
            raw = v(&item.raw),
            floor = item.floor.clone().unwrap_or_else(|| "0".to_string()),
            max = &item.max,
            clamped = v(&item.clamped),
            decimals = decimals,
            score = v(&item.score)
        )
    };
    step(lines, score);
}

/// A measured line: the value and where it was read, then the base read
/// on the scale, with the arithmetic; returns the base.
fn measure_lines(lines: &mut Vec<String>, item: &ItemEx, m: &MeasureEx) -> String {
    let unit = m.unit.clone().unwrap_or_default();
    let base = v(&item.base);
    let Some(value) = &m.value else {
        step(lines, msg!("explain-measure-missing", measure = &m.title));
        step(lines, msg!("explain-base-measure-missing", base = &base));
        return base;
    };
    step(
        lines,
        msg!(
            "explain-measure",
            measure = &m.title,
            value = value,
            unit = &unit,
            at = v(&m.at)
        ),
    );
    let (v1, s1) = &m.from;
    let line = match (&m.to, m.interpolate) {
        (Some((v2, s2)), _) => msg!(
            "explain-base-linear",
            value = value,
            v1 = v1,
            s1 = s1,
            v2 = v2,
            s2 = s2,
            base = &base
        ),
        (None, "step") => msg!(
            "explain-base-step",
            value = value,
            v1 = v1,
            s1 = s1,
            unit = &unit
        ),
        (None, _) => msg!(
            "explain-base-end",
            value = value,
            v1 = v1,
            s1 = s1,
            unit = &unit
        ),
    };
    step(lines, line);
    if !item.exact {
        step(lines, msg!("explain-base-inexact"));
    }
    base
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

/// An adjustment of the review where it acts: what changed, why, where.
fn review_line(r: &ReviewEx) -> Message {
    let why = match &r.document {
        Some(d) => msg!("review-why-document", reason = &r.reason, document = d),
        None => msg!("review-why", reason = &r.reason),
    };
    match &r.record {
        Some(record) => msg!(
            "explain-review-withdraw",
            change = &r.change,
            record = record,
            why = why,
            at = &r.at
        ),
        None => msg!("explain-review", change = &r.change, why = why, at = &r.at),
    }
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
    if r.kind_of == Kind::Zero {
        let m = if r.note.is_empty() {
            msg!("explain-daily-zero")
        } else {
            msg!("explain-daily-zero-note").arg("note", one_line(&r.note))
        };
        return m
            .arg("date", &r.date)
            .arg("method", r.method_of.clone())
            .arg("at", &r.at);
    }
    m.arg("date", &r.date)
        .arg("rule", rule)
        .arg("method", r.method_of.clone())
        .arg("kind", kind_label(r.kind_of))
        .arg("points", &r.points)
        .arg("at", &r.at)
}

/// Each section's score as the sum of its parts (rescaled, capped, gated
/// as its kind says), and the groups below it.
fn section_lines(lines: &mut Vec<String>, sections: &[SectionEx], scored: Option<&str>) {
    for s in sections {
        let parts = s.parts.join(" + ");
        let line = if s.parts.is_empty() {
            msg!("explain-section-empty", title = &s.title, score = &s.score)
        } else if s.scaled {
            msg!(
                "explain-section-scaled",
                title = &s.title,
                parts = parts,
                max = &s.full_max,
                parts_max = &s.parts_max,
                score = &s.score
            )
        } else if s.kind == "bonus" {
            msg!(
                "explain-section-bonus",
                title = &s.title,
                parts = parts,
                max = v(&s.max),
                score = &s.score
            )
        } else if s.kind == "penalty" {
            msg!(
                "explain-section-penalty",
                title = &s.title,
                parts = parts,
                max = v(&s.max),
                score = &s.score
            )
        } else {
            msg!(
                "explain-section",
                title = &s.title,
                score = &s.score,
                parts = parts
            )
        };
        top(lines, line);
        if let (Some(gate), Some(scored)) = (&s.gate, scored) {
            let key = match (s.counted, s.gate_strict) {
                (true, false) => "explain-gate-open",
                (true, true) => "explain-gate-open-strict",
                (false, false) => "explain-gate-shut",
                (false, true) => "explain-gate-shut-strict",
            };
            lines.push(format!(
                "  {}",
                Message::new(key)
                    .arg("scored", scored)
                    .arg("gate", gate)
                    .escaped()
            ));
        }
        // The tree below the section, each group with its subtotal.
        for g in &s.groups {
            let indent = "  ".repeat(g.level - 1);
            let parts = g
                .parts
                .iter()
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
                .join(" + ");
            let line = match &g.score {
                Some(score) if g.scaled => msg!(
                    "explain-group-scaled",
                    id = &g.id,
                    title = &g.title,
                    parts = parts,
                    max = &g.max,
                    parts_max = &g.parts_max,
                    score = score
                ),
                Some(score) => msg!(
                    "explain-group",
                    id = &g.id,
                    title = &g.title,
                    score = score,
                    parts = parts
                ),
                None => msg!("explain-group-na", id = &g.id, title = &g.title),
            };
            lines.push(format!("{indent}{line}"));
        }
    }
}

/// The total (with parts: the scored part, then the parts added and held
/// within 0 and the highest total; a veto's cap), the grade and the rank.
fn unit_lines(lines: &mut Vec<String>, ex: &Explanation<'_>) {
    let sections: Vec<&str> = ex
        .sections
        .iter()
        .filter(|s| s.kind == "scored")
        .map(|s| s.score.as_str())
        .collect();
    let sum = match &ex.parts {
        Some(p) => &p.scored,
        None => ex.before_veto.as_ref().unwrap_or(&ex.total),
    };
    let (scaled, plain_sum) = if ex.parts.is_some() {
        ("explain-scored-scaled", "explain-scored")
    } else {
        ("explain-total-scaled", "explain-total")
    };
    top(
        lines,
        if ex.scaled {
            Message::new(scaled)
                .arg("score", &ex.applicable_score)
                .arg("scale", &ex.rubric.total)
                .arg("max", &ex.applicable_max)
                .arg("total", sum)
        } else {
            Message::new(plain_sum)
                .arg("parts", sections.join(" + "))
                .arg("total", sum)
        },
    );
    if let Some(p) = &ex.parts {
        let raw = [&p.scored, &p.bonus, &p.penalty]
            .iter()
            .filter_map(|x| x.parse::<rust_decimal::Decimal>().ok())
            .sum::<rust_decimal::Decimal>();
        top(
            lines,
            msg!(
                "explain-total-parts",
                scored = &p.scored,
                bonus = &p.bonus,
                penalty = &p.penalty,
                raw = crate::num::plain(raw),
                max_total = &p.max_total,
                total = ex.before_veto.as_ref().unwrap_or(&ex.total)
            ),
        );
    }
    if let Some(before) = &ex.before_veto {
        top(
            lines,
            msg!("explain-total-vetoed", before = before, total = &ex.total),
        );
    }
    for r in &ex.review {
        top(lines, review_line(r));
    }
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
        None => match &ex.demoted {
            Some(d) => msg!(
                "explain-grade-demoted",
                label = &ex.grade.label,
                id = &ex.grade.id,
                total = &ex.total,
                from = &d.from.label,
                min = &d.from.min,
                limit = d.limit
            ),
            None => msg!(
                "explain-grade",
                label = &ex.grade.label,
                id = &ex.grade.id,
                total = &ex.total,
                min = &ex.grade.min
            ),
        },
    };
    top(lines, grade);
    let rank = match ex.vetoed_last_after {
        Some(clear) => msg!("explain-rank-vetoed-last", clear = clear),
        None if ex.ranking == "dense" => msg!("explain-rank-dense"),
        None => msg!("explain-rank"),
    };
    top(
        lines,
        rank.arg("rank", ex.rank).arg("above", ex.ranked_above),
    );
}
