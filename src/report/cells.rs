//! The cells and notes every people's table shares (the terminal table,
//! the workbook, the notice, the report): a part signed as it counts, a
//! bonus its gate held back, a total a veto capped, a grade a quota moved,
//! and the notes under a table that say what each mark means.

use rust_decimal::Decimal;

use crate::model::adjust::{Adjustment, Change};
use crate::model::catalog::Catalog;
use crate::model::results::{ItemScore, Results, RubricResult, SectionResult, UnitResult};
use crate::model::rubric::{PartKind, Quota, Rubric};
use crate::num::{fixed, plain};
use crate::text::i18n::{Lang, msg};

/// A section's score as it counts: a bonus with `+`, a penalty with `-`,
/// a bonus held back by its gate marked as not counted (when it had
/// anything to count).
pub fn section_cell(r: &Rubric, k: usize, s: &SectionResult, lang: Lang) -> String {
    let text = match r.sections[k].kind {
        PartKind::Bonus if s.score > Decimal::ZERO => format!("+{}", fixed(s.score, r.decimals)),
        _ => fixed(s.score, r.decimals),
    };
    if s.counted || s.score.is_zero() {
        text
    } else {
        msg!("cell-not-counted", score = text).render(lang)
    }
}

/// The index after which the scored part's column (基础分) stands: the
/// last scored section; `None` when the rubric has no parts to tell apart,
/// or when the column would repeat the one scored section's.
pub fn scored_column(r: &Rubric, rr: &RubricResult) -> Option<usize> {
    let scored = r
        .sections
        .iter()
        .filter(|s| s.kind == PartKind::Scored)
        .count();
    if !r.has_parts() || (scored < 2 && !rr.units.iter().any(|u| u.scaled)) {
        return None;
    }
    r.sections.iter().rposition(|s| s.kind == PartKind::Scored)
}

/// The total as a table shows it: `*` when rescaled, `§` when a veto
/// capped or set it, `†` when provisional.
pub fn total_cell(r: &Rubric, u: &UnitResult) -> String {
    let mut total = fixed(u.total, r.decimals);
    if u.scaled {
        total.push('*');
    }
    if vetoed_total(u) {
        total.push('§');
    }
    if u.provisional() {
        total.push('†');
    }
    total
}

/// A veto changed the total (a cap below it, or a set total).
fn vetoed_total(u: &UnitResult) -> bool {
    u.veto.is_some() && u.before_veto != u.total
}

/// The grade as a table shows it, with a veto or a quota said.
pub fn grade_cell(r: &Rubric, u: &UnitResult, lang: Lang) -> String {
    let grade = &r.grades[u.grade];
    let text = msg!("report-grade-cell", id = &grade.id, label = &grade.label).render(lang);
    if u.veto.is_some() {
        msg!("table-grade-vetoed", grade = text).render(lang)
    } else if u.demoted {
        msg!("table-grade-demoted", grade = text).render(lang)
    } else {
        text
    }
}

/// The notes of part three's marks, as far as the table uses them: a
/// bonus its gate held back, a total a veto capped or set, a veto ranked
/// last, units a quota moved down.
pub fn part_notes(r: &Rubric, rr: &RubricResult, lang: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    for (k, section) in r.sections.iter().enumerate() {
        let held = rr.units.iter().any(|u| {
            u.sections
                .get(k)
                .is_some_and(|s| !s.counted && !s.score.is_zero())
        });
        if let (true, Some(gate)) = (held, section.gate) {
            let key = if gate.strict {
                "note-gate-above"
            } else {
                "note-gate-at-least"
            };
            notes.push(
                crate::text::i18n::Message::new(key)
                    .arg("section", &section.title)
                    .arg("gate", plain(gate.min))
                    .render(lang),
            );
        }
    }
    let capped: Vec<String> = rr
        .units
        .iter()
        .filter(|u| vetoed_total(u))
        .map(|u| {
            msg!(
                "note-veto-unit",
                unit = &r.units[u.unit].name,
                before = fixed(u.before_veto, r.decimals)
            )
            .render(lang)
        })
        .collect();
    if !capped.is_empty() {
        let units = crate::text::list_all(capped.iter().map(String::as_str));
        let note = match (r.veto.cap, r.veto.total) {
            (_, Some(total)) => msg!("note-veto-total", total = plain(total), units = units),
            (cap, None) => msg!(
                "note-veto-cap",
                cap = cap.map(plain).unwrap_or_default(),
                units = units
            ),
        };
        notes.push(format!("§ {}", note.render(lang)));
    }
    if r.veto.rank_last && rr.units.iter().any(|u| u.veto.is_some()) {
        notes.push(msg!("note-veto-last").render(lang));
    }
    let roster = r.units.len();
    for (g, grade) in r.grades.iter().enumerate() {
        let Some(quota) = grade.quota else { continue };
        // A unit whose total reaches the grade but which stands below it.
        if !rr
            .units
            .iter()
            .any(|u| u.demoted && u.grade > g && u.total >= grade.min)
        {
            continue;
        }
        let limit = quota.limit(roster);
        let note = match quota {
            Quota::Share(q) => msg!(
                "note-quota-share",
                grade = &grade.label,
                share = plain(q * Decimal::ONE_HUNDRED),
                count = limit
            ),
            Quota::Count(_) => msg!("note-quota-count", grade = &grade.label, count = limit),
        };
        notes.push(note.render(lang));
    }
    notes
}

/// How a measured line's base came about, in a sentence: the value, the
/// scale points it was read between (or the one it was read at), the base.
pub fn measure_text(r: &Rubric, leaf: usize, o: &ItemScore, lang: Lang) -> Option<String> {
    let m = o.measured.as_ref()?;
    let measure = &r.measures[r.items[leaf].measure.as_ref()?.measure];
    let unit = measure.unit.clone().unwrap_or_default();
    let Some(value) = m.value else {
        return Some(msg!("measure-missing", measure = &measure.title).render(lang));
    };
    let (v1, s1) = m.from;
    let text = match m.to {
        Some((v2, s2)) => msg!(
            "measure-between",
            measure = &measure.title,
            value = plain(value),
            unit = &unit,
            v1 = plain(v1),
            s1 = plain(s1),
            v2 = plain(v2),
            s2 = plain(s2),
            base = plain(o.base)
        ),
        None => msg!(
            "measure-at",
            measure = &measure.title,
            value = plain(value),
            unit = &unit,
            v1 = plain(v1),
            s1 = plain(s1)
        ),
    };
    Some(text.render(lang))
}

/// A unit's name as a table shows it: `‡` after it when the review
/// (复核调整) touched it.
pub fn unit_cell(r: &Rubric, u: &UnitResult) -> String {
    let name = &r.units[u.unit].name;
    if u.adjusted {
        format!("{name}‡")
    } else {
        name.clone()
    }
}

/// The review's adjustments of rubric `rubric`, one sentence each, in the
/// order given: the unit, the line, what changed, the reason and 文号.
pub fn review_lines(
    catalog: &Catalog,
    results: &Results,
    rubric: usize,
    lang: Lang,
) -> Vec<String> {
    let Some(review) = &results.review else {
        return Vec::new();
    };
    let r = &catalog.rubrics[rubric];
    review
        .iter()
        .filter(|a| a.unit.rubric == rubric)
        .map(|a| review_line(r, a, lang))
        .collect()
}

/// One adjustment in a sentence (`甲 1.1 一一：办公室评分由5分调整为6分（材料补齐；复核1号）`).
pub fn review_line(r: &Rubric, a: &Adjustment, lang: Lang) -> String {
    let why = match &a.document {
        Some(d) => msg!("review-why-document", reason = &a.reason, document = d),
        None => msg!("review-why", reason = &a.reason),
    };
    msg!(
        "review-line",
        unit = &r.units[a.unit.unit].name,
        change = review_change(r, a, lang),
        why = why
    )
    .render(lang)
}

/// What an adjustment changed, on which line (`1.1 一一：办公室评分由5分调整为6分`).
pub fn review_change(r: &Rubric, a: &Adjustment, lang: Lang) -> String {
    msg!(
        "review-change",
        line = line_text(r, a),
        what = review_what(r, a, lang)
    )
    .render(lang)
}

/// The line an adjustment acts on, as `1.1 一一` (empty for a veto naming none).
pub fn line_text(r: &Rubric, a: &Adjustment) -> String {
    a.line()
        .map(|l| {
            let (id, title) = r.line_names(l);
            format!("{id} {title}")
        })
        .unwrap_or_default()
}

/// The note under a table for its rescaled totals (`*`): the total, or with
/// bonus and penalty parts the scored part, rescaled to the rubric's scale.
pub fn scaled_note(r: &Rubric, lang: Lang) -> String {
    msg!(
        "table-note-scaled",
        scale = plain(r.total),
        what = if r.has_parts() {
            msg!("notice-scaled-scored")
        } else {
            msg!("notice-scaled-total")
        }
    )
    .render(lang)
}

/// What an adjustment changed (`办公室评分由5分调整为6分`).
pub fn review_what(r: &Rubric, a: &Adjustment, lang: Lang) -> String {
    let score = |v: Option<Decimal>| match v {
        Some(v) => msg!("review-score", score = plain(v)),
        None => msg!("review-na"),
    };
    let what = match &a.change {
        Change::Rescore {
            scorer, from, to, ..
        } => {
            let scorer = &r.scorers[*scorer].name;
            match from {
                Some(from) => msg!(
                    "review-rescore",
                    scorer = scorer,
                    from = score(*from),
                    to = score(*to)
                ),
                None => msg!("review-rescore-supplied", scorer = scorer, to = score(*to)),
            }
        }
        Change::Withdraw {
            date, kind, points, ..
        } => {
            if kind.takes_points() {
                msg!(
                    "review-withdraw",
                    date = date.to_string(),
                    kind = crate::text::labels::kind_label(*kind),
                    points = plain(*points)
                )
            } else {
                msg!(
                    "review-withdraw-mark",
                    date = date.to_string(),
                    kind = crate::text::labels::kind_label(*kind)
                )
            }
        }
    };
    what.render(lang)
}

/// The note under a table that says what `‡` means, then the adjustments.
pub fn review_notes(
    catalog: &Catalog,
    results: &Results,
    rubric: usize,
    lang: Lang,
) -> Vec<String> {
    let lines = review_lines(catalog, results, rubric, lang);
    if lines.is_empty() {
        return Vec::new();
    }
    let mut notes = vec![format!(
        "‡ {}",
        msg!("review-note", count = lines.len()).render(lang)
    )];
    notes.extend(lines.into_iter().map(|l| format!("  {l}")));
    notes
}
