//! `--format table` (the default): one table per rubric, as a notice would
//! publish it, with marks for veto, rescaled totals and provisional results.

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use crate::model::catalog::Catalog;
use crate::model::results::Results;
use crate::model::rubric::{Node, Rubric};
use crate::num::{fixed, plain};
use crate::text::i18n::Lang;
use crate::text::i18n::msg;

pub fn render(
    catalog: &Catalog,
    results: &Results,
    lang: Lang,
    depth: usize,
    compare: &crate::model::compare::Comparison,
) -> String {
    let tr = |m: crate::text::i18n::Message| m.render(lang);
    let mut out = String::new();
    if results.provisional() {
        out.push_str(&tr(msg!("table-provisional")));
        out.push_str("\n\n");
    }
    for (n, rr) in results.rubrics.iter().enumerate() {
        let r = &catalog.rubrics[rr.rubric];
        if n > 0 {
            out.push('\n');
        }
        out.push_str(&r.title);
        out.push('\n');
        let mut t = Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled);
        let mut header = vec![tr(msg!("report-col-rank")), tr(msg!("report-col-unit"))];
        // Each section's indicators down to `depth` (as `--depth` asks),
        // then the section itself.
        let columns: Vec<Vec<Node>> = (0..r.sections.len())
            .map(|s| indicator_columns(r, s, depth))
            .collect();
        for (s, section) in r.sections.iter().enumerate() {
            for node in &columns[s] {
                header.push(match *node {
                    Node::Group(g, _) => format!("{} {}", r.groups[g].id, r.groups[g].title),
                    Node::Leaf(i, _) => format!("{} {}", r.items[i].id, r.items[i].title),
                });
            }
            header.push(section.title.clone());
        }
        header.extend([
            tr(msg!("report-col-deducted")),
            tr(msg!("report-col-added")),
            tr(msg!("report-col-total")),
            tr(msg!("report-col-grade")),
        ]);
        if let Some(c) = &r.conversion {
            header.push(conversion_label(c, lang));
        }
        if compare.claims.is_some() {
            header.push(tr(msg!("table-col-self")));
        }
        if compare.previous.is_some() {
            header.extend([tr(msg!("table-col-previous")), tr(msg!("table-col-change"))]);
        }
        t.set_header(header);
        let (mut any_scaled, mut any_veto, mut any_provisional) = (false, false, false);
        for u in &rr.units {
            let unit = &r.units[u.unit];
            let grade = &r.grades[u.grade];
            let mut row = vec![
                Cell::new(u.rank).set_alignment(CellAlignment::Right),
                Cell::new(&unit.name),
            ];
            for (k, s) in u.sections.iter().enumerate() {
                for node in &columns[k] {
                    let score = match *node {
                        Node::Group(g, _) => {
                            s.groups.iter().find(|(x, _)| *x == g).and_then(|(_, v)| *v)
                        }
                        Node::Leaf(i, _) => s
                            .items
                            .iter()
                            .find(|(x, _)| *x == i)
                            .and_then(|(_, o)| o.as_ref().map(|o| o.score)),
                    };
                    let text = match score {
                        Some(v) => fixed(v, r.decimals),
                        None => tr(msg!("table-not-applicable")),
                    };
                    row.push(Cell::new(text).set_alignment(CellAlignment::Right));
                }
                row.push(Cell::new(fixed(s.score, r.decimals)).set_alignment(CellAlignment::Right));
            }
            let mut total = fixed(u.total, r.decimals);
            if u.scaled {
                total.push('*');
                any_scaled = true;
            }
            if u.provisional() {
                total.push('†');
                any_provisional = true;
            }
            let mut grade_text = tr(msg!(
                "report-grade-cell",
                id = &grade.id,
                label = &grade.label
            ));
            if u.veto.is_some() {
                grade_text = tr(msg!("table-grade-vetoed", grade = grade_text));
                any_veto = true;
            }
            row.extend([
                Cell::new(plain(u.deducted)).set_alignment(CellAlignment::Right),
                Cell::new(plain(u.added)).set_alignment(CellAlignment::Right),
                Cell::new(total).set_alignment(CellAlignment::Right),
                Cell::new(grade_text),
            ]);
            if let Some(c) = u.converted {
                row.push(Cell::new(fixed(c, r.decimals)).set_alignment(CellAlignment::Right));
            }
            if let Some(c) = &compare.claims {
                row.push(match c.of(rr.rubric, u.unit) {
                    Some(x) => Cell::new(tr(msg!(
                        "table-self",
                        total = fixed(x.total, r.decimals),
                        difference = signed(x.difference, r.decimals)
                    )))
                    .set_alignment(CellAlignment::Right),
                    None => Cell::new(""),
                });
            }
            if let Some(p) = &compare.previous {
                match p.of(rr.rubric, u.unit) {
                    Some(x) => {
                        let arrow = match x.rank_change {
                            0 => String::new(),
                            n if n > 0 => format!(" ↑{n}"),
                            n => format!(" ↓{}", n.unsigned_abs()),
                        };
                        let change = signed(x.change, r.decimals);
                        row.extend([
                            Cell::new(tr(msg!(
                                "table-previous",
                                total = fixed(x.total, r.decimals),
                                rank = x.rank
                            )))
                            .set_alignment(CellAlignment::Right),
                            Cell::new(format!("{change}{arrow}"))
                                .set_alignment(CellAlignment::Right),
                        ]);
                    }
                    None => row.extend([Cell::new(tr(msg!("table-new-unit"))), Cell::new("")]),
                }
            }
            t.add_row(row);
        }
        out.push_str(&t.to_string());
        out.push('\n');
        if any_scaled {
            // The mark of the rescaled totals, then what it means.
            out.push_str("* ");
            out.push_str(&tr(msg!("table-note-scaled", scale = plain(r.total))));
            out.push('\n');
        }
        if any_veto {
            out.push_str(&tr(msg!("table-note-veto")));
            out.push('\n');
        }
        if any_provisional {
            out.push_str("† ");
            out.push_str(&tr(msg!("table-note-provisional")));
            out.push('\n');
            for line in missing_lines(r, rr, lang) {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out
}

/// A difference with its sign: `+1.50`, `-0.25`, `0.00`.
fn signed(d: rust_decimal::Decimal, dp: u32) -> String {
    if d > rust_decimal::Decimal::ZERO {
        format!("+{}", fixed(d, dp))
    } else {
        fixed(d, dp)
    }
}

/// Whose file to chase: per scorer (in the rubric's order) with missing
/// scores, its name and the units and leaves it has not scored, units in
/// roster order (`一县 1.2；二县 2.1、2.2`).
pub fn missing_by_scorer<'r>(
    r: &'r Rubric,
    rr: &crate::model::results::RubricResult,
    lang: Lang,
) -> Vec<(&'r str, String)> {
    let tr = |m: crate::text::i18n::Message| m.render(lang);
    let mut units: Vec<&crate::model::results::UnitResult> = rr.units.iter().collect();
    units.sort_by_key(|u| u.unit);
    let mut out = Vec::new();
    for (k, scorer) in r.scorers.iter().enumerate() {
        let cells: Vec<String> = units
            .iter()
            .filter_map(|u| {
                let items: Vec<&str> = u
                    .missing
                    .iter()
                    .filter(|(_, s)| *s == k)
                    .map(|(i, _)| r.items[*i].id.as_str())
                    .collect();
                (!items.is_empty()).then(|| {
                    tr(msg!(
                        "table-missing-unit",
                        unit = &r.units[u.unit].name,
                        items = items.join(&tr(msg!("table-list-separator")))
                    ))
                })
            })
            .collect();
        if !cells.is_empty() {
            out.push((
                scorer.name.as_str(),
                cells.join(&tr(msg!("table-clause-separator"))),
            ));
        }
    }
    out
}

/// The lines under a table that list the missing scores by scorer.
pub fn missing_lines(
    r: &Rubric,
    rr: &crate::model::results::RubricResult,
    lang: Lang,
) -> Vec<String> {
    missing_by_scorer(r, rr, lang)
        .into_iter()
        .map(|(scorer, cells)| {
            msg!("table-missing-scorer", scorer = scorer, cells = cells).render(lang)
        })
        .collect()
}

/// The converted score's column: the rubric's label, or a plain one.
pub fn conversion_label(c: &crate::model::rubric::Conversion, lang: Lang) -> String {
    if c.label.is_empty() {
        msg!("report-col-converted", points = plain(c.points)).render(lang)
    } else {
        c.label.clone()
    }
}

/// The indicators of a section shown at `depth`: those at that level, and
/// leaves above it (which have nothing deeper); none at depth 1.
fn indicator_columns(r: &Rubric, section: usize, depth: usize) -> Vec<Node> {
    if depth < 2 {
        return Vec::new();
    }
    r.outline(section)
        .into_iter()
        .filter(|node| match *node {
            Node::Group(_, level) => level == depth,
            Node::Leaf(_, level) => level <= depth,
        })
        .collect()
}
