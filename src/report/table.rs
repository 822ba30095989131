//! `--format table` (the default): one table per rubric, as a notice would
//! publish it, with marks for veto, rescaled totals and provisional results.

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use super::cells;
use crate::model::catalog::Catalog;
use crate::model::compare::Comparison;
use crate::model::results::{Results, RubricResult, UnitResult};
use crate::model::rubric::{Node, Rubric};
use crate::num::{fixed, plain};
use crate::text::i18n::{Lang, Message, msg};

pub fn render(
    catalog: &Catalog,
    results: &Results,
    lang: Lang,
    depth: usize,
    compare: &Comparison,
) -> String {
    let mut out = String::new();
    if results.provisional() {
        out.push_str(&msg!("table-provisional").render(lang));
        out.push_str("\n\n");
    }
    for (n, rr) in results.rubrics.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let view = RubricTable {
            r: &catalog.rubrics[rr.rubric],
            rr,
            lang,
            compare,
            columns: (0..catalog.rubrics[rr.rubric].sections.len())
                .map(|s| indicator_columns(&catalog.rubrics[rr.rubric], s, depth))
                .collect(),
            review: cells::review_notes(catalog, results, rr.rubric, lang),
        };
        view.write(&mut out);
    }
    out
}

/// The marks a table's rows used, each explained under it.
#[derive(Default)]
struct Marks {
    scaled: bool,
    veto: bool,
    provisional: bool,
}

/// One rubric's table: its title, header, a row per unit, the notes.
struct RubricTable<'a> {
    r: &'a Rubric,
    rr: &'a RubricResult,
    lang: Lang,
    compare: &'a Comparison,
    /// Each section's indicators down to `--depth`, shown before the section.
    columns: Vec<Vec<Node>>,
    /// The review's notes (复核调整), under the table.
    review: Vec<String>,
}

impl RubricTable<'_> {
    fn tr(&self, m: Message) -> String {
        m.render(self.lang)
    }

    fn write(&self, out: &mut String) {
        let r = self.r;
        out.push_str(&r.title);
        out.push('\n');
        let mut t = Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled);
        t.set_header(self.header());
        let mut marks = Marks::default();
        for u in &self.rr.units {
            t.add_row(self.row(u, &mut marks));
        }
        out.push_str(&t.to_string());
        out.push('\n');
        if marks.scaled {
            // The mark of the rescaled totals, then what it means.
            out.push_str("* ");
            out.push_str(&cells::scaled_note(r, self.lang));
            out.push('\n');
        }
        // With `rank = "last"` the part notes say how vetoed units rank.
        if marks.veto && !r.veto.rank_last {
            out.push_str(&self.tr(msg!("table-note-veto")));
            out.push('\n');
        }
        for note in cells::part_notes(r, self.rr, self.lang)
            .iter()
            .chain(&self.review)
        {
            out.push_str(note);
            out.push('\n');
        }
        if marks.provisional {
            out.push_str("† ");
            out.push_str(&self.tr(msg!("table-note-provisional")));
            out.push('\n');
            for line in missing_lines(r, self.rr, self.lang) {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }

    fn header(&self) -> Vec<String> {
        let r = self.r;
        let mut header = vec![
            self.tr(msg!("report-col-rank")),
            self.tr(msg!("report-col-unit")),
        ];
        for (s, section) in r.sections.iter().enumerate() {
            for node in &self.columns[s] {
                header.push(match *node {
                    Node::Group(g, _) => format!("{} {}", r.groups[g].id, r.groups[g].title),
                    Node::Leaf(i, _) => format!("{} {}", r.items[i].id, r.items[i].title),
                });
            }
            header.push(section.title.clone());
            if cells::scored_column(r, self.rr) == Some(s) {
                header.push(self.tr(msg!("report-col-scored")));
            }
        }
        header.extend([
            self.tr(msg!("report-col-deducted")),
            self.tr(msg!("report-col-added")),
            self.tr(msg!("report-col-total")),
            self.tr(msg!("report-col-grade")),
        ]);
        if let Some(c) = &r.conversion {
            header.push(conversion_label(c, self.lang));
        }
        if self.compare.claims.is_some() {
            header.push(self.tr(msg!("table-col-self")));
        }
        if self.compare.previous.is_some() {
            header.extend([
                self.tr(msg!("table-col-previous")),
                self.tr(msg!("table-col-change")),
            ]);
        }
        header
    }

    /// A unit's row; the marks it uses are added to `marks`.
    fn row(&self, u: &UnitResult, marks: &mut Marks) -> Vec<Cell> {
        let (r, dp) = (self.r, self.r.decimals);
        let right = |text: String| Cell::new(text).set_alignment(CellAlignment::Right);
        let mut row = vec![
            Cell::new(u.rank).set_alignment(CellAlignment::Right),
            Cell::new(cells::unit_cell(r, u)),
        ];
        for (k, s) in u.sections.iter().enumerate() {
            for node in &self.columns[k] {
                let score = match *node {
                    Node::Group(g, _) => {
                        s.groups.iter().find(|x| x.group == g).and_then(|x| x.score)
                    }
                    Node::Leaf(i, _) => s.items.iter().find(|l| l.item == i).and_then(|l| l.counts),
                };
                row.push(right(match score {
                    Some(v) => fixed(v, dp),
                    None => self.tr(msg!("table-not-applicable")),
                }));
            }
            row.push(right(cells::section_cell(r, k, s, self.lang)));
            if cells::scored_column(r, self.rr) == Some(k) {
                row.push(right(fixed(u.scored, dp)));
            }
        }
        marks.scaled |= u.scaled;
        marks.provisional |= u.provisional();
        marks.veto |= u.veto.is_some();
        row.extend([
            right(plain(u.deducted)),
            right(plain(u.added)),
            right(cells::total_cell(r, u)),
            Cell::new(cells::grade_cell(r, u, self.lang)),
        ]);
        if let Some(c) = u.converted {
            row.push(right(fixed(c, dp)));
        }
        self.compared(u, &mut row);
        row
    }

    /// The self-assessment and last year's columns, when asked for.
    fn compared(&self, u: &UnitResult, row: &mut Vec<Cell>) {
        let dp = self.r.decimals;
        let right = |text: String| Cell::new(text).set_alignment(CellAlignment::Right);
        if let Some(c) = &self.compare.claims {
            row.push(match c.of(self.rr.rubric, u.unit) {
                Some(x) => right(self.tr(msg!(
                    "table-self",
                    total = fixed(x.total, dp),
                    difference = signed(x.difference, dp)
                ))),
                None => Cell::new(""),
            });
        }
        if let Some(p) = &self.compare.previous {
            match p.of(self.rr.rubric, u.unit) {
                Some(x) => {
                    let arrow = match x.rank_change {
                        0 => String::new(),
                        n if n > 0 => format!(" ↑{n}"),
                        n => format!(" ↓{}", n.unsigned_abs()),
                    };
                    let change = signed(x.change, dp);
                    row.extend([
                        right(
                            self.tr(crate::text::i18n::Message::new(if x.veto {
                                "table-previous-vetoed"
                            } else {
                                "table-previous"
                            })
                            .arg("total", fixed(x.total, dp))
                            .arg("rank", x.rank)),
                        ),
                        right(format!("{change}{arrow}")),
                    ]);
                }
                None => row.extend([Cell::new(self.tr(msg!("table-new-unit"))), Cell::new("")]),
            }
        }
    }
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
    rr: &RubricResult,
    lang: Lang,
) -> Vec<(&'r str, String)> {
    let tr = |m: Message| m.render(lang);
    let mut units: Vec<&UnitResult> = rr.units.iter().collect();
    units.sort_by_key(|u| u.unit);
    let mut out = Vec::new();
    for (k, scorer) in r.scorers.iter().enumerate() {
        let cells: Vec<String> = units
            .iter()
            .filter_map(|u| {
                let items: Vec<&str> = u
                    .missing
                    .iter()
                    .filter(|m| m.scorer() == Some(k))
                    .map(|m| r.items[m.item].id.as_str())
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
pub fn missing_lines(r: &Rubric, rr: &RubricResult, lang: Lang) -> Vec<String> {
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
