//! The cells and notes every people's table shares (the terminal table,
//! the workbook, the notice, the report): a part signed as it counts, a
//! bonus its gate held back, a total a veto capped, a grade a quota moved,
//! and the notes under a table that say what each mark means.

use rust_decimal::Decimal;

use crate::model::results::{ItemScore, RubricResult, SectionResult, UnitResult};
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

/// The total as a table shows it: `*` when rescaled, `‡` when a veto
/// capped or set it, `†` when provisional.
pub fn total_cell(r: &Rubric, u: &UnitResult) -> String {
    let mut total = fixed(u.total, r.decimals);
    if u.scaled {
        total.push('*');
    }
    if vetoed_total(u) {
        total.push('‡');
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
        notes.push(format!("‡ {}", note.render(lang)));
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
