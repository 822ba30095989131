//! A rubric as people read it: text for a terminal, Markdown for
//! publishing the standard (考核细则), every rule in an office's words;
//! those of part three (bonus and penalty parts, floors, measures and their
//! scales, classes of unit, the n/a policy, vetoes, quotas, methods) only
//! where the rubric has them.

use rust_decimal::Decimal;

use crate::model::rubric::{
    Applies, Interpolate, Item, Measured, NaPolicy, Node, PartKind, Quota, Ranking, Rubric,
    Section, Start,
};
use crate::num::plain;
use crate::report::points;
use crate::text::i18n::Message;
use crate::text::i18n::{msg, tr};

/// `办公室 ×0.3，牵头单位 ×0.7`, how a daily-only item starts, the scale of
/// a measure, or what a penalty line takes.
fn scoring(r: &Rubric, i: usize) -> String {
    let item = &r.items[i];
    if r.part_of(i) == PartKind::Penalty {
        return tr!("rubric-penalty-line", max = points(item.max));
    }
    if let Some(m) = &item.measure {
        return measured(r, m);
    }
    if item.scorers.is_empty() {
        return match item.start {
            Start::Zero => tr!("rubric-daily-only-zero"),
            Start::Full => tr!("rubric-daily-only-full"),
        };
    }
    let parts: Vec<String> = item
        .scorers
        .iter()
        .map(|w| format!("{} ×{}", r.scorers[w.scorer].name, plain(w.weight)))
        .collect();
    parts.join(&tr!("rubric-list-separator"))
}

/// `按好评率计分：89% 及以下 0 分，99% 及以上 5 分，其间按比例折算`, or by
/// steps: `按按时办结率分档计分：不足 95 3 分，95 及以上 5 分`.
fn measured(r: &Rubric, m: &Measured) -> String {
    let (title, unit) = r.measures.get(m.measure).map_or(("", ""), |x| {
        (x.title.as_str(), x.unit.as_deref().unwrap_or(""))
    });
    let value = |v: Decimal| format!("{}{unit}", plain(v));
    let last = m.scale.len().saturating_sub(1);
    let steps: Vec<String> =
        match m.interpolate {
            Interpolate::Linear => m
                .scale
                .iter()
                .enumerate()
                .map(|(k, &(v, b))| {
                    let (v, b) = (value(v), points(b));
                    match k {
                        0 => tr!("rubric-scale-at-most", value = v, base = b),
                        k if k == last => tr!("rubric-scale-at-least", value = v, base = b),
                        _ => tr!("rubric-scale-at", value = v, base = b),
                    }
                })
                .collect(),
            // The first point's base holds below the second point (below the
            // first point too), each later one from its value on.
            Interpolate::Step => match m.scale.as_slice() {
                [] => Vec::new(),
                [(_, b)] => vec![tr!("rubric-scale-any", base = points(*b))],
                [(_, b1), (v2, _), ..] => std::iter::once(tr!(
                    "rubric-scale-below",
                    value = value(*v2),
                    base = points(*b1)
                ))
                .chain(m.scale[1..].iter().map(|&(v, b)| {
                    tr!("rubric-scale-at-least", value = value(v), base = points(b))
                }))
                .collect(),
            },
        };
    let steps = steps.join(&tr!("rubric-list-separator"));
    match m.interpolate {
        Interpolate::Linear => tr!("rubric-measure-linear", measure = title, points = steps),
        Interpolate::Step => tr!("rubric-measure-step", measure = title, points = steps),
    }
}

/// The caps on daily deductions and additions, and the floor (倒扣).
fn caps(item: &Item) -> String {
    let mut parts = Vec::new();
    if let Some(c) = item.max_deduct {
        parts.push(tr!("rubric-max-deduct", cap = plain(c)));
    }
    if let Some(c) = item.max_add {
        parts.push(tr!("rubric-max-add", cap = plain(c)));
    }
    if item.floor_written {
        parts.push(tr!("rubric-floor", floor = points(item.floor)));
    }
    parts.join(&tr!("rubric-list-separator"))
}

/// `仅适用于：有行政审批职能的部门；不适用于：垂直管理部门`, or `None` for a
/// line meant for every unit.
fn applies(r: &Rubric, a: &Applies) -> Option<String> {
    let labels = |list: &[usize]| -> String {
        let names: Vec<&str> = list
            .iter()
            .filter_map(|&c| r.classes.get(c).map(|c| c.label.as_str()))
            .collect();
        names.join(&tr!("rubric-enum-separator"))
    };
    let mut parts = Vec::new();
    if !a.to.is_empty() {
        parts.push(tr!("rubric-applies-to", classes = labels(&a.to)));
    }
    if !a.except.is_empty() {
        parts.push(tr!("rubric-applies-except", classes = labels(&a.except)));
    }
    (!parts.is_empty()).then(|| parts.join(&tr!("rubric-clause-separator")))
}

/// What a leaf's line says after its points: how it is scored, its caps
/// and floor, the units it is for.
fn details(r: &Rubric, i: usize) -> String {
    let item = &r.items[i];
    let parts = [
        Some(scoring(r, i)),
        Some(caps(item)),
        applies(r, &item.applies),
    ];
    parts
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(&tr!("rubric-clause-separator"))
}

/// A section's heading: `政务公开（56 分）`; a bonus or penalty part with
/// its max and what it does: `创新加分（3 分）：加分项，最多 3 分，基础分高于
/// 16 分方计`.
fn section_heading(r: &Rubric, s: usize) -> String {
    let section = &r.sections[s];
    let max = match section.kind {
        PartKind::Scored => section_max(r, s),
        _ => section.max.unwrap_or_else(|| section_max(r, s)),
    };
    let heading = tr!(
        "rubric-section",
        title = &section.title,
        points = points(max)
    );
    match part_rule(section, max) {
        Some(rule) => tr!("rubric-section-part", section = heading, rule = rule),
        None => heading,
    }
}

/// `加分项，最多 5 分，基础分 80 分以上方计`, `扣分项，最多扣 10 分`.
fn part_rule(section: &Section, max: Decimal) -> Option<String> {
    let max = points(max);
    Some(match (section.kind, section.gate) {
        (PartKind::Scored, _) => return None,
        (PartKind::Penalty, _) => tr!("rubric-part-penalty", max = max),
        (PartKind::Bonus, None) => tr!("rubric-part-bonus", max = max),
        (PartKind::Bonus, Some(g)) if g.strict => {
            tr!("rubric-part-bonus-above", max = max, gate = points(g.min))
        }
        (PartKind::Bonus, Some(g)) => {
            tr!("rubric-part-bonus-gate", max = max, gate = points(g.min))
        }
    })
}

fn named(name: &str, id: &str) -> String {
    tr!("cmd-named", name = name, id = id)
}

/// `和布克赛尔蒙古自治县（hoboksar；简称 和布克赛尔县、和丰县）`
fn unit_named(u: &crate::model::rubric::Unit) -> String {
    if u.aliases.is_empty() {
        return named(&u.name, &u.id);
    }
    tr!(
        "rubric-unit-aliases",
        name = &u.name,
        id = &u.id,
        aliases = u.aliases.join(&tr!("rubric-enum-separator"))
    )
}

/// `规则 typo：错别字每处扣0.5分（扣分，每次 0.5 分，上限 2 分）`
fn rule_line(rule: &crate::model::rubric::Rule) -> String {
    let kind = crate::text::labels::rule_kind_label(rule.kind);
    match rule.max {
        Some(max) => tr!(
            "rubric-rule-capped",
            id = &rule.id,
            text = &rule.text,
            kind = kind,
            points = points(rule.points),
            max = points(max)
        ),
        None => tr!(
            "rubric-rule",
            id = &rule.id,
            text = &rule.text,
            kind = kind,
            points = points(rule.points)
        ),
    }
}

fn header_lines(r: &Rubric) -> Vec<String> {
    let ranking = match r.ranking {
        Ranking::Competition => msg!("rubric-ranking-competition"),
        Ranking::Dense => msg!("rubric-ranking-dense"),
    };
    let grades: Vec<String> = r
        .grades
        .iter()
        .map(|g| {
            tr!(
                "rubric-grade",
                label = &g.label,
                id = &g.id,
                min = plain(g.min)
            )
        })
        .collect();
    let scorers: Vec<String> = r.scorers.iter().map(|s| named(&s.name, &s.id)).collect();
    let sep = tr!("rubric-clause-separator");
    let mut lines = vec![
        tr!(
            "rubric-header",
            id = &r.id,
            year = r.year.to_string(),
            total = points(r.total),
            decimals = r.decimals,
            ranking = ranking,
            start = r.start.to_string(),
            end = r.end.to_string()
        ),
        tr!("rubric-grades", grades = grades.join(&sep)),
        tr!("rubric-scorers", scorers = scorers.join(&sep)),
    ];
    if let Some(c) = &r.conversion {
        lines.push(tr!(
            "rubric-conversion",
            label = crate::report::table::conversion_label(c, crate::text::i18n::lang()),
            points = points(c.points),
            total = points(r.total)
        ));
    }
    lines.extend(part_three_lines(r));
    lines
}

/// The header lines of part three, each only when the rubric has it:
/// quotas, the highest total, the n/a policy, the veto, the classes of
/// unit with their units, the measures, the rubric's own methods.
fn part_three_lines(r: &Rubric) -> Vec<String> {
    let sep = tr!("rubric-clause-separator");
    let mut lines = Vec::new();
    let quotas: Vec<String> = r
        .grades
        .iter()
        .filter_map(|g| {
            Some(match g.quota? {
                Quota::Share(q) => tr!(
                    "rubric-quota-share",
                    grade = &g.label,
                    percent = points(q.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(q))
                ),
                Quota::Count(n) => tr!("rubric-quota-count", grade = &g.label, count = n),
            })
        })
        .collect();
    if !quotas.is_empty() {
        lines.push(tr!("rubric-quotas", quotas = quotas.join(&sep)));
    }
    if r.max_total_written || r.max_total != r.total {
        lines.push(tr!("rubric-max-total", max = points(r.max_total)));
    }
    let na = match r.na {
        NaPolicy::Rescale if r.classes.is_empty() => None,
        NaPolicy::Rescale => Some(msg!("rubric-na-rescale")),
        NaPolicy::Parent => Some(msg!("rubric-na-parent")),
        NaPolicy::Full => Some(msg!("rubric-na-full")),
    };
    lines.extend(na.map(|m| m.to_string()));
    lines.extend(veto_line(r));
    for (k, c) in r.classes.iter().enumerate() {
        let units: Vec<&str> = r
            .units
            .iter()
            .filter(|u| u.classes.contains(&k))
            .map(|u| u.name.as_str())
            .collect();
        lines.push(match units.is_empty() {
            true => tr!("rubric-class-none", label = &c.label, id = &c.id),
            false => tr!(
                "rubric-class",
                label = &c.label,
                id = &c.id,
                units = units.join(&tr!("rubric-enum-separator"))
            ),
        });
    }
    let measures: Vec<String> = r
        .measures
        .iter()
        .map(|m| match &m.unit {
            Some(u) => tr!(
                "rubric-measure-unit",
                title = &m.title,
                id = &m.id,
                unit = u
            ),
            None => named(&m.title, &m.id),
        })
        .collect();
    if !measures.is_empty() {
        lines.push(tr!("rubric-measures", measures = measures.join(&sep)));
    }
    if r.methods.iter().any(|m| !m.builtin) {
        let methods: Vec<String> = r.methods.iter().map(|m| named(&m.label, &m.id)).collect();
        lines.push(tr!("rubric-methods", methods = methods.join(&sep)));
    }
    lines
}

/// `一票否决：等次定为不合格，总分不高于 59 分，排名列最后`, when a veto
/// does more than set the grade.
fn veto_line(r: &Rubric) -> Option<String> {
    let v = &r.veto;
    if v.cap.is_none() && v.total.is_none() && !v.rank_last {
        return None;
    }
    let lowest = r.grades.last().map_or("", |g| g.label.as_str());
    let mut parts = vec![tr!("rubric-veto-grade", grade = lowest)];
    parts.extend(v.cap.map(|c| tr!("rubric-veto-cap", cap = points(c))));
    parts.extend(v.total.map(|t| tr!("rubric-veto-total", total = points(t))));
    if v.rank_last {
        parts.push(tr!("rubric-veto-last"));
    }
    Some(tr!(
        "rubric-veto",
        rules = parts.join(&tr!("rubric-list-separator"))
    ))
}

fn section_max(r: &Rubric, s: usize) -> Decimal {
    r.items[r.sections[s].items.clone()]
        .iter()
        .map(|i| i.max)
        .sum()
}

pub fn text(out: &mut String, r: &Rubric) {
    out.push_str(&r.title);
    out.push('\n');
    for l in header_lines(r) {
        out.push_str(&l);
        out.push('\n');
    }
    for s in 0..r.sections.len() {
        out.push('\n');
        out.push_str(&section_heading(r, s));
        out.push('\n');
        for node in r.outline(s) {
            match node {
                Node::Group(g, level) => {
                    let group = &r.groups[g];
                    out.push_str(&"  ".repeat(level - 1));
                    let line = tr!(
                        "rubric-group",
                        id = &group.id,
                        title = &group.title,
                        points = points(group.max)
                    );
                    match applies(r, &group.applies) {
                        Some(a) => out.push_str(&tr!("rubric-with-rule", line = line, rule = a)),
                        None => out.push_str(&line),
                    }
                    out.push('\n');
                    if let Some(c) = &group.criteria {
                        out.push_str(&"  ".repeat(level + 1));
                        out.push_str(&tr!("rubric-criteria", criteria = c));
                        out.push('\n');
                    }
                }
                Node::Leaf(i, level) => {
                    let item = &r.items[i];
                    let details = details(r, i);
                    let indent = "  ".repeat(level - 1);
                    out.push_str(&indent);
                    out.push_str(&tr!(
                        "rubric-item",
                        id = &item.id,
                        title = &item.title,
                        points = points(item.max),
                        details = details
                    ));
                    out.push('\n');
                    if let Some(c) = &item.criteria {
                        out.push_str(&indent);
                        out.push_str("    ");
                        out.push_str(&tr!("rubric-criteria", criteria = c));
                        out.push('\n');
                    }
                    for rule in &r.rules[item.rules.clone()] {
                        out.push_str(&indent);
                        out.push_str("    ");
                        out.push_str(&rule_line(rule));
                        out.push('\n');
                    }
                }
            }
        }
    }
    let units: Vec<String> = r.units.iter().map(unit_named).collect();
    out.push('\n');
    out.push_str(&tr!(
        "rubric-units",
        count = units.len(),
        units = units.join(&tr!("rubric-enum-separator"))
    ));
    out.push('\n');
}

/// A level's indent in a Markdown cell: an ideographic space, which
/// Markdown keeps (ASCII spaces would be trimmed).
const INDENT: &str = "\u{3000}";

/// Escapes a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

/// A Markdown table's header and alignment rows.
fn table_head(columns: &[(Message, &str)]) -> String {
    let names: Vec<String> = columns.iter().map(|(m, _)| cell(&m.to_string())).collect();
    let aligns: Vec<&str> = columns.iter().map(|(_, a)| *a).collect();
    format!("| {} |\n|{}|\n", names.join(" | "), aligns.join("|"))
}

pub fn markdown(out: &mut String, r: &Rubric) {
    out.push_str(&format!("# {}\n\n", r.title));
    for l in header_lines(r) {
        out.push_str(&format!("- {l}\n"));
    }
    let head = table_head(&[
        (msg!("rubric-col-id"), "---"),
        (msg!("rubric-col-item"), "---"),
        (msg!("rubric-col-points"), "--:"),
        (msg!("rubric-col-scored-by"), "---"),
        (msg!("rubric-col-caps"), "---"),
        (msg!("rubric-col-criteria"), "---"),
    ]);
    for s in 0..r.sections.len() {
        let title = section_heading(r, s);
        out.push_str(&format!("\n## {title}\n\n{head}"));
        for node in r.outline(s) {
            match node {
                Node::Group(g, level) => {
                    let group = &r.groups[g];
                    out.push_str(&format!(
                        "| {} | {}**{}** | {} | {} |  | {} |\n",
                        cell(&group.id),
                        INDENT.repeat(level - 2),
                        cell(&group.title),
                        plain(group.max),
                        cell(&applies(r, &group.applies).unwrap_or_default()),
                        cell(group.criteria.as_deref().unwrap_or(""))
                    ));
                }
                Node::Leaf(i, level) => {
                    let item = &r.items[i];
                    let mut criteria: Vec<String> = item.criteria.iter().map(|c| cell(c)).collect();
                    criteria.extend(
                        r.rules[item.rules.clone()]
                            .iter()
                            .map(|x| cell(&rule_line(x))),
                    );
                    let scored_by = [Some(scoring(r, i)), applies(r, &item.applies)]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(&tr!("rubric-clause-separator"));
                    out.push_str(&format!(
                        "| {} | {}{} | {} | {} | {} | {} |\n",
                        cell(&item.id),
                        INDENT.repeat(level - 2),
                        cell(&item.title),
                        plain(item.max),
                        cell(&scored_by),
                        cell(&caps(item)),
                        criteria.join("<br>")
                    ));
                }
            }
        }
    }
    out.push_str(&format!("\n## {}\n\n", tr!("rubric-units-heading")));
    // The classes column only when a unit has a class.
    let classes = r.units.iter().any(|u| !u.classes.is_empty());
    let mut columns = vec![
        (msg!("rubric-col-id"), "---"),
        (msg!("rubric-col-unit"), "---"),
        (msg!("rubric-col-aliases"), "---"),
    ];
    if classes {
        columns.push((msg!("rubric-col-classes"), "---"));
    }
    out.push_str(&table_head(&columns));
    let sep = tr!("rubric-enum-separator");
    for u in &r.units {
        out.push_str(&format!(
            "| {} | {} | {} |",
            cell(&u.id),
            cell(&u.name),
            cell(&u.aliases.join(&sep))
        ));
        if classes {
            let labels: Vec<&str> = u
                .classes
                .iter()
                .filter_map(|&c| r.classes.get(c).map(|c| c.label.as_str()))
                .collect();
            out.push_str(&format!(" {} |", cell(&labels.join(&sep))));
        }
        out.push('\n');
    }
}
