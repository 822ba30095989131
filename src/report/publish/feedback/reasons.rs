//! What each row of the ledger says: the reasons a line lost points
//! (records, the scorers' notes split to the lines they name, how a
//! weighted score was reached, the review), and the notes on the unit.

use std::collections::HashMap;

use crate::model::catalog::UnitRef;
use crate::model::mechanics::Line;
use crate::model::results::UnitResult;
use crate::model::rubric::{PartKind, Rubric, Start};
use crate::num::{fixed, plain};
use crate::report::publish::paperwork::{Lost, Paperwork, clause};
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// What the unit's result needs said above its ledger: a rescaled total,
/// a provisional score, the review's changes, a quota, a gated bonus (the
/// veto is the ledger's first row).
pub(super) fn unit_notes(p: &Paperwork, r: &Rubric, u: &UnitResult) -> Vec<String> {
    let mut out = Vec::new();
    if u.scaled {
        out.push(p.tr(msg!(
            "notice-scaled",
            what = if r.has_parts() {
                msg!("notice-scaled-scored")
            } else {
                msg!("notice-scaled-total")
            },
            unit = &r.units[u.unit].name,
            items = crate::text::list_all(p.not_applicable(r, u)),
            score = plain(u.applicable_score),
            max = plain(u.applicable_max),
            scale = plain(r.total),
            total = fixed(u.scored, r.decimals)
        )));
    }
    if u.provisional() {
        out.push(p.tr(msg!("feedback-note-provisional")));
    }
    let me = UnitRef {
        rubric: r_index(p, r),
        unit: u.unit,
    };
    for a in p.adjustments(me) {
        out.push(p.tr(msg!(
            "feedback-note-review",
            line = crate::report::cells::review_change(r, a, p.lang),
            why = review_why(a)
        )));
    }
    if u.demoted {
        out.push(p.tr(msg!(
            "feedback-note-demoted",
            grade = p.grade_name(r, u.grade)
        )));
    }
    for (k, s) in u.sections.iter().enumerate() {
        if let (false, Some(gate)) = (s.counted || s.score.is_zero(), r.sections[k].gate) {
            out.push(p.tr(msg!(
                "feedback-note-gate",
                section = &r.sections[k].title,
                score = fixed(s.score, r.decimals),
                condition = if gate.strict {
                    msg!("gate-above", gate = plain(gate.min))
                } else {
                    msg!("gate-at-least", gate = plain(gate.min))
                },
                scored = fixed(u.scored, r.decimals)
            )));
        }
    }
    out
}

/// An adjustment's reason and 文号, as a clause.
fn review_why(a: &crate::model::adjust::Adjustment) -> Message {
    match &a.document {
        Some(d) => msg!("review-why-document", reason = &a.reason, document = d),
        None => msg!("review-why", reason = &a.reason),
    }
}

/// The index of rubric `r` in the catalog.
fn r_index(p: &Paperwork, r: &Rubric) -> usize {
    p.catalog
        .rubrics
        .iter()
        .position(|x| std::ptr::eq(x, r))
        .unwrap_or(0)
}

/// The scorers' notes on a unit, placed: a long table's note on its own
/// line; a wide table's row note (the same text recorded on each leaf of
/// the row) once, split at `；`/`;`, each part on the line it begins with
/// (a group's on each of its leaves; the longest id or title wins), the
/// parts that name no line kept for the general remarks.
#[derive(Default)]
pub(super) struct Remarks {
    /// Per leaf: (scorer, note), in the order read.
    by_leaf: HashMap<usize, Vec<(usize, String)>>,
    /// (scorer, its parts that name no line), in the order read.
    pub(super) general: Vec<(usize, Vec<String>)>,
}

pub(super) fn remarks(p: &Paperwork, r: &Rubric, me: UnitRef, rows: &[usize]) -> Remarks {
    let mut out = Remarks::default();
    let mut seen: Vec<(usize, &str)> = Vec::new();
    for n in p.notes(me) {
        let text = n.note.trim();
        if text.is_empty() {
            continue;
        }
        if !n.wide {
            out.by_leaf
                .entry(n.item)
                .or_default()
                .push((n.scorer, clause(text).to_string()));
            continue;
        }
        if seen.contains(&(n.scorer, text)) {
            continue;
        }
        seen.push((n.scorer, text));
        for part in text
            .split(['；', ';'])
            .map(clause)
            .filter(|s| !s.is_empty())
        {
            match named_line(r, part) {
                // A part on a line that cost nothing has nothing to put right.
                Some(line) => {
                    for leaf in r.leaves(line).filter(|l| rows.contains(l)) {
                        out.by_leaf
                            .entry(leaf)
                            .or_default()
                            .push((n.scorer, part.to_string()));
                    }
                }
                None => match out.general.iter_mut().find(|(s, _)| *s == n.scorer) {
                    Some((_, parts)) => parts.push(part.to_string()),
                    None => out.general.push((n.scorer, vec![part.to_string()])),
                },
            }
        }
    }
    out
}

/// The leaf or group a remark begins with: its id (not followed by more of
/// an id: `1.2` does not begin `1.20`) or its title; the longest wins, a
/// leaf over a group of the same length.
fn named_line(r: &Rubric, part: &str) -> Option<Line> {
    let mut best: Option<(usize, Line)> = None;
    let mut consider = |len: usize, line: Line| {
        if best.is_none_or(|(l, _)| len > l) {
            best = Some((len, line));
        }
    };
    let names = r
        .items
        .iter()
        .enumerate()
        .map(|(i, x)| (&x.id, &x.title, Line::Leaf(i)))
        .chain(
            r.groups
                .iter()
                .enumerate()
                .map(|(g, x)| (&x.id, &x.title, Line::Group(g))),
        );
    for (id, title, line) in names {
        if begins_with_id(part, id) {
            consider(id.len(), line);
        }
        if !title.is_empty() && part.starts_with(title.as_str()) {
            consider(title.len(), line);
        }
    }
    best.map(|(_, line)| line)
}

fn begins_with_id(part: &str, id: &str) -> bool {
    let Some(rest) = part.strip_prefix(id).filter(|_| !id.is_empty()) else {
        return false;
    };
    let mut next = rest.chars();
    match next.next() {
        None => true,
        Some(c) if c.is_ascii_alphanumeric() || c == '_' || c == '-' => false,
        Some('.') => !next.next().is_some_and(|d| d.is_ascii_digit()),
        Some(_) => true,
    }
}

/// Why a leaf lost points, one line each: the daily records on it (date,
/// method, rule and count, points, note), each scorer's score and note
/// (and, with several scorers, the weighted sum worked out), remarks of
/// other scorers naming the line, the caps that applied, the review's
/// changes. (The criteria are the 指标 cell's note.)
pub(super) fn reasons(
    p: &Paperwork,
    r: &Rubric,
    me: UnitRef,
    l: &Lost,
    remarks: &Remarks,
) -> String {
    let notes = remarks.by_leaf.get(&l.item);
    let mut lines = record_lines(p, r, me, l);
    lines.extend(scorer_lines(p, r, me, l, notes));
    lines.extend(other_remarks(p, r, l, notes));
    lines.extend(how_scored(p, r, l));
    lines.extend(review_lines(p, r, me, l));
    lines.join("\n")
}

/// The records on the leaf, and the zero records on a group or section
/// above it, numbered.
fn record_lines(p: &Paperwork, r: &Rubric, me: UnitRef, l: &Lost) -> Vec<String> {
    p.records(me)
        .filter(|x| x.line.is_some_and(|ln| r.leaves(ln).contains(&l.item)))
        .enumerate()
        .map(|(k, rec)| {
            p.tr(msg!(
                "feedback-numbered",
                number = k + 1,
                text = p.record_line(r, rec)
            ))
        })
        .collect()
}

/// A scorer's remarks on the leaf.
fn notes_of(notes: Option<&Vec<(usize, String)>>, scorer: usize) -> Vec<&str> {
    notes
        .into_iter()
        .flatten()
        .filter(|(s, _)| *s == scorer)
        .map(|(_, n)| n.as_str())
        .collect()
}

/// Each scorer's score (weighted, with several) and remarks; with several
/// scorers that all scored, the weighted sum worked out.
fn scorer_lines(
    p: &Paperwork,
    r: &Rubric,
    me: UnitRef,
    l: &Lost,
    notes: Option<&Vec<(usize, String)>>,
) -> Vec<String> {
    let tr = |m: Message| p.tr(m);
    let item = &r.items[l.item];
    let ui = p.inputs.unit(me);
    let annual = &ui.items[l.item].annual;
    let weighted = item.scorers.len() > 1;
    let separator = tr(msg!("ledger-separator"));
    let mut lines = Vec::new();
    let mut terms: Vec<String> = Vec::new();
    for (slot, w) in item.scorers.iter().enumerate() {
        let scorer = &r.scorers[w.scorer].name;
        let value = annual
            .get(slot)
            .and_then(|a| a.as_ref())
            .and_then(|a| a.value);
        let m = match value {
            Some(v) => {
                terms.push(format!("{}×{}", plain(w.weight), plain(v)));
                msg!(
                    "feedback-annual",
                    scorer = scorer,
                    score = plain(v),
                    max = plain(item.max),
                    weight = if weighted {
                        msg!("feedback-weight", weight = plain(w.weight))
                    } else {
                        msg!("feedback-no-weight")
                    }
                )
            }
            None => msg!("feedback-annual-missing", scorer = scorer),
        };
        let mut line = tr(m);
        let own = notes_of(notes, w.scorer);
        if !own.is_empty() {
            line = tr(msg!(
                "feedback-with-note",
                text = line,
                note = own.join(&separator)
            ));
        }
        lines.push(line);
    }
    if weighted && terms.len() == item.scorers.len() {
        let base = crate::num::round(l.outcome.base, r.decimals);
        lines.push(tr(msg!(
            "ledger-weighted",
            formula = format!("{}={}", terms.join("+"), plain(base))
        )));
    }
    lines
}

/// Remarks on the line by scorers that do not score it (a wide table's).
fn other_remarks(
    p: &Paperwork,
    r: &Rubric,
    l: &Lost,
    notes: Option<&Vec<(usize, String)>>,
) -> Vec<String> {
    let item = &r.items[l.item];
    let separator = p.tr(msg!("ledger-separator"));
    let mut others: Vec<usize> = Vec::new();
    for (s, _) in notes.into_iter().flatten() {
        if !item.scorers.iter().any(|w| w.scorer == *s) && !others.contains(s) {
            others.push(*s);
        }
    }
    others
        .into_iter()
        .map(|s| {
            p.tr(msg!(
                "ledger-remark",
                scorer = &r.scorers[s].name,
                note = notes_of(notes, s).join(&separator)
            ))
        })
        .collect()
}

/// How the leaf was scored: its measure (or where an unscored line
/// starts), the caps that applied, a zeroing or the floor.
fn how_scored(p: &Paperwork, r: &Rubric, l: &Lost) -> Vec<String> {
    let tr = |m: Message| p.tr(m);
    let item = &r.items[l.item];
    let o = l.outcome;
    let mut lines = Vec::new();
    if let Some(m) = crate::report::cells::measure_text(r, l.item, o, p.lang) {
        lines.push(m);
    } else if item.scorers.is_empty() && r.part_of(l.item) != PartKind::Penalty {
        lines.push(tr(match item.start {
            Start::Full => msg!("feedback-start-full", max = plain(item.max)),
            Start::Zero => msg!("feedback-start-zero", max = plain(item.max)),
        }));
    }
    for rs in &o.rules {
        if rs.counted < rs.sum {
            lines.push(tr(msg!(
                "feedback-rule-capped",
                rule = &r.rules[rs.rule].text,
                sum = plain(rs.sum),
                counted = plain(rs.counted)
            )));
        }
    }
    if o.deducted < o.deduct_sum {
        lines.push(tr(msg!(
            "feedback-deduct-capped",
            sum = plain(o.deduct_sum),
            counted = plain(o.deducted)
        )));
    }
    if o.added < o.add_sum {
        lines.push(tr(msg!(
            "feedback-add-capped",
            sum = plain(o.add_sum),
            counted = plain(o.added)
        )));
    }
    if o.zeroed {
        lines.push(tr(msg!("feedback-zeroed")));
    } else if o.raw < item.floor && r.part_of(l.item) != PartKind::Penalty {
        lines.push(tr(if item.floor.is_zero() {
            msg!("feedback-floor")
        } else {
            msg!("feedback-floor-below", floor = plain(item.floor))
        }));
    }
    lines
}

/// The review's changes to the leaf, and its score before the review
/// when that differs.
fn review_lines(p: &Paperwork, r: &Rubric, me: UnitRef, l: &Lost) -> Vec<String> {
    let tr = |m: Message| p.tr(m);
    let o = l.outcome;
    let mut lines = Vec::new();
    for a in p
        .adjustments(me)
        .filter(|a| a.line().is_some_and(|ln| r.leaves(ln).contains(&l.item)))
    {
        lines.push(tr(msg!(
            "feedback-review",
            change = crate::report::cells::review_what(r, a, p.lang),
            why = review_why(a)
        )));
    }
    if let Some(first) = p.first_of(me).and_then(|f| {
        f.sections
            .iter()
            .flat_map(|s| &s.items)
            .find(|x| x.item == l.item)
            .and_then(|x| x.outcome.as_ref())
    }) && first.score != o.score
    {
        lines.push(tr(msg!(
            "feedback-first-score",
            first = plain(first.score),
            score = plain(o.score)
        )));
    }
    lines
}
