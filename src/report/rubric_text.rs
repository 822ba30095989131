//! A rubric as people read it: text for a terminal, Markdown for
//! publishing the standard (考核细则), every rule in an office's words.

use rust_decimal::Decimal;

use crate::model::rubric::{Item, Node, Ranking, Rubric, Start};
use crate::num::plain;
use crate::report::points;
use crate::text::i18n::Message;
use crate::text::i18n::{msg, tr};

/// `办公室 ×0.3，牵头单位 ×0.7`, or how a daily-only item starts.
fn scoring(r: &Rubric, item: &Item) -> String {
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

fn caps(item: &Item) -> String {
    let mut parts = Vec::new();
    if let Some(c) = item.max_deduct {
        parts.push(tr!("rubric-max-deduct", cap = plain(c)));
    }
    if let Some(c) = item.max_add {
        parts.push(tr!("rubric-max-add", cap = plain(c)));
    }
    parts.join(&tr!("rubric-list-separator"))
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
    lines
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
    for (s, section) in r.sections.iter().enumerate() {
        out.push('\n');
        out.push_str(&tr!(
            "rubric-section",
            title = &section.title,
            points = points(section_max(r, s))
        ));
        out.push('\n');
        for node in r.outline(s) {
            match node {
                Node::Group(g, level) => {
                    let group = &r.groups[g];
                    out.push_str(&"  ".repeat(level - 1));
                    out.push_str(&tr!(
                        "rubric-group",
                        id = &group.id,
                        title = &group.title,
                        points = points(group.max)
                    ));
                    out.push('\n');
                    if let Some(c) = &group.criteria {
                        out.push_str(&"  ".repeat(level + 1));
                        out.push_str(&tr!("rubric-criteria", criteria = c));
                        out.push('\n');
                    }
                }
                Node::Leaf(i, level) => {
                    let item = &r.items[i];
                    let mut details = scoring(r, item);
                    let caps = caps(item);
                    if !caps.is_empty() {
                        details.push_str(&tr!("rubric-clause-separator"));
                        details.push_str(&caps);
                    }
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
    for (s, section) in r.sections.iter().enumerate() {
        let title = tr!(
            "rubric-section",
            title = &section.title,
            points = points(section_max(r, s))
        );
        out.push_str(&format!("\n## {title}\n\n{head}"));
        for node in r.outline(s) {
            match node {
                Node::Group(g, level) => {
                    let group = &r.groups[g];
                    out.push_str(&format!(
                        "| {} | {}**{}** | {} |  |  | {} |\n",
                        cell(&group.id),
                        INDENT.repeat(level - 2),
                        cell(&group.title),
                        plain(group.max),
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
                    out.push_str(&format!(
                        "| {} | {}{} | {} | {} | {} | {} |\n",
                        cell(&item.id),
                        INDENT.repeat(level - 2),
                        cell(&item.title),
                        plain(item.max),
                        cell(&scoring(r, item)),
                        cell(&caps(item)),
                        criteria.join("<br>")
                    ));
                }
            }
        }
    }
    out.push_str(&format!("\n## {}\n\n", tr!("rubric-units-heading")));
    out.push_str(&table_head(&[
        (msg!("rubric-col-id"), "---"),
        (msg!("rubric-col-unit"), "---"),
        (msg!("rubric-col-aliases"), "---"),
    ]));
    for u in &r.units {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            cell(&u.id),
            cell(&u.name),
            cell(&u.aliases.join(&tr!("rubric-enum-separator")))
        ));
    }
}
