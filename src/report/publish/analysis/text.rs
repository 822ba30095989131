//! The report's text, the part a leader reads: 一、总体情况, 二、主要成效,
//! 三、存在问题, 四、下步建议. Every number is one of [`super::stats`]'s,
//! written at the rubric's decimals (totals), as it adds up (points) or at
//! one decimal (rates, in percent).

use std::fmt::Write;

use rust_decimal::Decimal;

use super::super::paperwork::{Paperwork, clause, date_text, method_label};
use super::esc;
use super::stats::{self, Bonus, Change, Line, Summary};
use crate::model::catalog::UnitRef;
use crate::model::record::Kind;
use crate::model::results::{RubricResult, UnitResult};
use crate::model::rubric::Rubric;
use crate::num::{fixed, plain};
use crate::text::i18n::{Message, msg};

/// How many lines of each kind of problem the text names (the table of
/// lost points in 五 lists them all).
const PROBLEMS_SHOWN: usize = 5;
/// How many units the text names as the first or as improved most.
const UNITS_SHOWN: usize = 3;
/// How many lines with full marks the text names.
const FULL_SHOWN: usize = 8;

fn para(out: &mut String, text: &str) {
    let _ = writeln!(out, "<p>{}</p>", esc(text));
}

fn join(p: &Paperwork, items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .collect::<Vec<_>>()
        .join(&p.tr(msg!("table-list-separator")))
}

/// A line as the text names it: `1.2.1 主动公开`.
pub fn line_name(p: &Paperwork, r: &Rubric, item: usize) -> String {
    let i = &r.items[item];
    p.tr(msg!("analysis-line", id = &i.id, title = &i.title))
}

fn unit_total(p: &Paperwork, r: &Rubric, u: &UnitResult) -> String {
    p.tr(msg!(
        "analysis-unit-total",
        unit = &r.units[u.unit].name,
        total = fixed(u.total, r.decimals)
    ))
}

/// The rubrics with units, and whether each needs a heading of its own.
fn rubrics<'a>(p: &Paperwork<'a>) -> Vec<&'a RubricResult> {
    p.results
        .rubrics
        .iter()
        .filter(|rr| !rr.units.is_empty())
        .collect()
}

/// A heading per rubric (（一）各县（市）) when there are several.
fn rubric_heading(p: &Paperwork, out: &mut String, k: usize, count: usize, rr: &RubricResult) {
    if count > 1 {
        let _ = writeln!(
            out,
            "<h3>{}</h3>",
            esc(&p.tr(msg!(
                "analysis-rubric-heading",
                number = p.ordinal(k + 1),
                name = p.heading(p.rubric(rr))
            )))
        );
    }
}

/// 一、总体情况.
pub fn overview(p: &Paperwork, out: &mut String) {
    let all = rubrics(p);
    para(out, &p.tr(intro(p, &all)));
    for (k, rr) in all.iter().enumerate() {
        let Some(s) = Summary::of(p, rr) else {
            continue;
        };
        let r = p.rubric(rr);
        rubric_heading(p, out, k, all.len(), rr);
        para(
            out,
            &p.tr(msg!(
                "analysis-participation",
                count = s.units,
                average = fixed(s.average, r.decimals),
                top = &r.units[s.top.unit].name,
                top_total = fixed(s.top.total, r.decimals),
                bottom = &r.units[s.bottom.unit].name,
                bottom_total = fixed(s.bottom.total, r.decimals)
            )),
        );
        para(out, &grades_text(p, r, &s));
        if !s.sections.is_empty() {
            para(out, &section_rates(p, r, &s));
        }
        if let Some(c) = &s.change {
            para(out, &change_text(p, r, c));
        }
    }
}

/// The units assessed (per rubric, with several) and the daily records.
fn intro(p: &Paperwork, all: &[&RubricResult]) -> Message {
    let units: usize = all.iter().map(|rr| rr.units.len()).sum();
    let records = p.all_records().len();
    if all.len() > 1 {
        let parts = join(
            p,
            all.iter().map(|rr| {
                p.tr(msg!(
                    "analysis-intro-part",
                    name = p.heading(p.rubric(rr)),
                    count = rr.units.len()
                ))
            }),
        );
        msg!(
            "analysis-intro-many",
            units = units,
            parts = parts,
            records = records
        )
    } else {
        msg!("analysis-intro-one", units = units, records = records)
    }
}

/// The units of each grade, the pass rate and the vetoed units.
fn grades_text(p: &Paperwork, r: &Rubric, s: &Summary) -> String {
    let grades = join(
        p,
        s.grades.iter().enumerate().map(|(g, us)| {
            p.tr(msg!(
                "analysis-grade-count",
                grade = p.grade_name(r, g),
                count = us.len()
            ))
        }),
    );
    let grades = if r.grades.len() > 1 {
        msg!(
            "analysis-grades",
            grades = grades,
            pass = p.grade_name(r, r.grades.len() - 2),
            passed = s.passed,
            rate = fixed(s.pass_rate, 1)
        )
    } else {
        msg!("analysis-grades-one", grades = grades)
    };
    let mut text = p.tr(grades);
    for u in &s.vetoed {
        text.push_str(&p.tr(msg!(
            "analysis-veto-unit",
            unit = &r.units[u.unit].name,
            total = fixed(u.total, r.decimals),
            grade = p.grade_name(r, u.grade)
        )));
    }
    text
}

/// Each part's average rate, and how many bonus lines are left out of them.
fn section_rates(p: &Paperwork, r: &Rubric, s: &Summary) -> String {
    let rates = join(
        p,
        s.sections.iter().map(|(k, rate)| {
            p.tr(msg!(
                "analysis-section-rate",
                title = &r.sections[*k].title,
                rate = fixed(*rate, 1)
            ))
        }),
    );
    let bonus = (0..r.items.len())
        .filter(|&i| stats::is_bonus_line(r, i))
        .count();
    p.tr(msg!("analysis-section-rates", rates = rates, bonus = bonus))
}

/// Last year against this year, and the units new this year.
fn change_text(p: &Paperwork, r: &Rubric, c: &Change) -> String {
    let mut text = if c.compared == 0 {
        p.tr(msg!("analysis-change-none"))
    } else {
        let direction = match c.change.cmp(&Decimal::ZERO) {
            std::cmp::Ordering::Greater => "up",
            std::cmp::Ordering::Less => "down",
            std::cmp::Ordering::Equal => "same",
        };
        p.tr(msg!(
            "analysis-change-summary",
            compared = c.compared,
            before = fixed(c.before, r.decimals),
            now = fixed(c.now, r.decimals),
            direction = direction,
            amount = fixed(c.change.abs(), r.decimals),
            up = c.up,
            down = c.down,
            same = c.same
        ))
    };
    if !c.new.is_empty() && c.compared > 0 {
        text.push_str(&p.tr(msg!(
            "analysis-change-new",
            units = join(p, c.new.iter().map(|u| r.units[u.unit].name.clone()))
        )));
    }
    text
}

/// 二、主要成效.
pub fn achievements(p: &Paperwork, out: &mut String) {
    let all = rubrics(p);
    for (k, rr) in all.iter().enumerate() {
        let Some(s) = Summary::of(p, rr) else {
            continue;
        };
        let r = p.rubric(rr);
        rubric_heading(p, out, k, all.len(), rr);
        first_units(p, r, rr, out);
        if let Some(c) = &s.change
            && c.compared > 0
        {
            para(out, &risers_text(p, r, c));
        }
        let lines = stats::lines(p, rr);
        let full: Vec<&Line> = lines.iter().filter(|l| l.lost.is_zero()).collect();
        if !full.is_empty() {
            para(out, &full_lines(p, r, &full));
        }
        if full.len() < UNITS_SHOWN {
            best_rates(p, r, &lines, UNITS_SHOWN - full.len(), out);
        }
        bonuses_earned(p, r, rr, out);
    }
}

/// The first units by rank, a vetoed unit aside, with those tied with the
/// last named.
fn first_units(p: &Paperwork, r: &Rubric, rr: &RubricResult, out: &mut String) {
    let mut top: Vec<&UnitResult> = Vec::new();
    for u in rr.units.iter().filter(|u| u.veto.is_none()) {
        if top.len() >= UNITS_SHOWN && top.last().is_none_or(|l| l.rank != u.rank) {
            break;
        }
        top.push(u);
    }
    if !top.is_empty() {
        para(
            out,
            &p.tr(msg!(
                "analysis-top",
                units = join(p, top.iter().map(|u| unit_total(p, r, u)))
            )),
        );
    }
}

/// The units that rose most since last year.
fn risers_text(p: &Paperwork, r: &Rubric, c: &Change) -> String {
    if c.risers.is_empty() {
        return p.tr(msg!("analysis-no-risers"));
    }
    // The first few, with those tied with the last named.
    let cut = c
        .risers
        .get(UNITS_SHOWN - 1)
        .map_or(Decimal::ZERO, |(_, change, _)| *change);
    let shown = c
        .risers
        .iter()
        .enumerate()
        .take_while(|(k, (_, change, _))| *k < UNITS_SHOWN || *change == cut)
        .map(|(_, x)| x);
    let named = shown.map(|(u, change, ranks)| {
        p.tr(msg!(
            "analysis-riser",
            unit = &r.units[u.unit].name,
            change = fixed(*change, r.decimals),
            ranks = (*ranks).max(0)
        ))
    });
    p.tr(msg!(
        "analysis-risers",
        count = c.risers.len(),
        units = join(p, named)
    ))
}

/// The lines no unit lost points on, the first few named.
fn full_lines(p: &Paperwork, r: &Rubric, full: &[&Line]) -> String {
    let mut names: Vec<String> = full
        .iter()
        .take(FULL_SHOWN)
        .map(|l| line_name(p, r, l.item))
        .collect();
    if full.len() > FULL_SHOWN {
        names.push(p.tr(msg!("analysis-and-more", count = full.len() - FULL_SHOWN)));
    }
    p.tr(msg!(
        "analysis-full-lines",
        count = full.len(),
        lines = join(p, names)
    ))
}

/// Up to `count` of the best rates among the lines where points were
/// lost, at or above the rate of all scored lines together.
fn best_rates(p: &Paperwork, r: &Rubric, lines: &[Line], count: usize, out: &mut String) {
    let all: Decimal = lines.iter().map(|l| l.score).sum();
    let max: Decimal = lines.iter().map(|l| l.max).sum();
    let overall = stats::percent(all, max).unwrap_or_default();
    let mut rated: Vec<(&Line, Decimal)> = lines
        .iter()
        .filter(|l| !l.lost.is_zero())
        .filter_map(|l| Some((l, l.rate()?)))
        .filter(|(_, rate)| *rate >= overall)
        .collect();
    rated.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.item.cmp(&b.0.item)));
    let named: Vec<String> = rated
        .iter()
        .take(count)
        .map(|(l, rate)| {
            p.tr(msg!(
                "analysis-line-rate",
                line = line_name(p, r, l.item),
                rate = fixed(*rate, 1)
            ))
        })
        .collect();
    if !named.is_empty() {
        para(
            out,
            &p.tr(msg!(
                "analysis-best-lines",
                overall = fixed(overall, 1),
                lines = join(p, named)
            )),
        );
    }
}

/// Each bonus line some units earned, with the units and their points.
fn bonuses_earned(p: &Paperwork, r: &Rubric, rr: &RubricResult, out: &mut String) {
    for b in stats::bonuses(p, rr) {
        if b.earned.is_empty() {
            continue;
        }
        let units = b.earned.iter().map(|(u, points)| {
            p.tr(msg!(
                "analysis-unit-points",
                unit = &r.units[u.unit].name,
                points = plain(*points)
            ))
        });
        para(
            out,
            &p.tr(msg!(
                "analysis-bonus-earned",
                line = line_name(p, r, b.item),
                count = b.earned.len(),
                points = plain(b.points),
                units = join(p, units)
            )),
        );
    }
}

/// One problem line: units, points, rate and reasons.
fn problem(p: &Paperwork, rr: &RubricResult, l: &Line) -> String {
    let r = p.rubric(rr);
    let reasons = reasons_text(p, rr, l.item);
    let mut text = p.tr(msg!(
        "analysis-problem",
        line = line_name(p, r, l.item),
        applicable = l.applicable,
        losers = l.losers,
        lost = plain(l.lost),
        rate = l.rate().map(|d| fixed(d, 1)).unwrap_or_default()
    ));
    if !reasons.is_empty() {
        text.push_str(&p.tr(msg!("analysis-problem-reasons", reasons = reasons)));
    }
    text
}

/// The three most frequent reasons of a line, with their counts.
pub fn reasons_text(p: &Paperwork, rr: &RubricResult, item: usize) -> String {
    stats::reasons(p, rr, item)
        .iter()
        .take(3)
        .map(|(k, n)| p.tr(msg!("analysis-reason", rule = k, count = *n)))
        .collect::<Vec<_>>()
        .join(&p.tr(msg!("table-clause-separator")))
}

fn problem_list(p: &Paperwork, rr: &RubricResult, out: &mut String, lines: &[&Line]) {
    out.push_str("<ol class=\"problems\">\n");
    for l in lines.iter().take(PROBLEMS_SHOWN) {
        let _ = writeln!(out, "<li>{}</li>", esc(&problem(p, rr, l)));
    }
    out.push_str("</ol>\n");
    if lines.len() > PROBLEMS_SHOWN {
        para(
            out,
            &p.tr(msg!(
                "analysis-problems-more",
                count = lines.len() - PROBLEMS_SHOWN
            )),
        );
    }
}

/// A unit's veto as a sentence: its record's date, method and note.
fn veto_text(p: &Paperwork, rr: &RubricResult, u: &UnitResult) -> String {
    let r = p.rubric(rr);
    let unit = UnitRef {
        rubric: rr.rubric,
        unit: u.unit,
    };
    let name = &r.units[u.unit].name;
    match p.records(unit).find(|rec| rec.kind == Kind::Veto) {
        Some(rec) if !clause(&rec.note).is_empty() => p.tr(msg!(
            "analysis-veto-record",
            unit = name,
            date = date_text(rec.date),
            method = method_label(r, rec.method),
            note = clause(&rec.note)
        )),
        Some(rec) => p.tr(msg!(
            "analysis-veto-record-bare",
            unit = name,
            date = date_text(rec.date),
            method = method_label(r, rec.method)
        )),
        None => p.tr(msg!("analysis-veto-plain", unit = name)),
    }
}

/// 三、存在问题.
pub fn problems(p: &Paperwork, out: &mut String) {
    let all = rubrics(p);
    for (k, rr) in all.iter().enumerate() {
        let r = p.rubric(rr);
        rubric_heading(p, out, k, all.len(), rr);
        let lost = stats::most_lost(&stats::lines(p, rr));
        if lost.is_empty() {
            para(out, &p.tr(msg!("analysis-nothing-lost")));
        } else {
            let (common, single): (Vec<&Line>, Vec<&Line>) = lost.iter().partition(|l| l.common());
            let groups = [
                (
                    msg!("analysis-problems-common"),
                    msg!("analysis-no-common"),
                    common,
                ),
                (
                    msg!("analysis-problems-individual"),
                    msg!("analysis-no-individual"),
                    single,
                ),
            ];
            for (heading, none, lines) in groups {
                let _ = writeln!(out, "<h4>{}</h4>", esc(&p.tr(heading)));
                if lines.is_empty() {
                    para(out, &p.tr(none));
                } else {
                    problem_list(p, rr, out, &lines);
                }
            }
        }
        // Points outside the scored lines: penalties, then the bonus not earned.
        let mut apart = Vec::new();
        for (item, units) in stats::penalties(p, rr) {
            let points: Decimal = units.iter().map(|(_, d)| *d).sum();
            apart.push(p.tr(msg!(
                "analysis-penalty",
                line = line_name(p, r, item),
                count = units.len(),
                points = plain(points),
                units = join(
                    p,
                    units.iter().map(|(u, d)| {
                        p.tr(msg!(
                            "analysis-unit-points",
                            unit = &r.units[u.unit].name,
                            points = plain(*d)
                        ))
                    })
                )
            )));
        }
        for b in stats::bonuses(p, rr) {
            if let Some(text) = bonus_missed(p, r, &b) {
                apart.push(text);
            }
        }
        let s = Summary::of(p, rr);
        if let Some(s) = &s {
            for u in &s.vetoed {
                apart.push(veto_text(p, rr, u));
            }
            let lowest = r.grades.len() - 1;
            let failing = &s.grades[lowest];
            if r.grades.len() > 1 && !failing.is_empty() {
                apart.push(p.tr(msg!(
                    "analysis-failing",
                    grade = p.grade_name(r, lowest),
                    count = failing.len(),
                    units = join(p, failing.iter().map(|u| failing_unit(p, r, u)))
                )));
            }
        }
        if !apart.is_empty() {
            let _ = writeln!(
                out,
                "<h4>{}</h4>",
                esc(&p.tr(msg!("analysis-problems-other")))
            );
            for text in apart {
                para(out, &text);
            }
        }
    }
}

/// A unit of the lowest grade: its total, or its veto.
fn failing_unit(p: &Paperwork, r: &Rubric, u: &UnitResult) -> String {
    if u.veto.is_some() {
        p.tr(msg!("analysis-unit-vetoed", unit = &r.units[u.unit].name))
    } else {
        unit_total(p, r, u)
    }
}

fn bonus_missed(p: &Paperwork, r: &Rubric, b: &Bonus) -> Option<String> {
    if b.none.is_empty() {
        return None;
    }
    Some(p.tr(msg!(
        "analysis-bonus-missed",
        line = line_name(p, r, b.item),
        count = b.none.len(),
        units = join(p, b.none.iter().map(|u| r.units[u.unit].name.clone()))
    )))
}

/// The notice's requirements (下步工作要求, `--notice FILE.toml`'s
/// `requirements`), when the run was given them.
fn notice_requirements<'p>(p: &'p Paperwork) -> Option<&'p [String]> {
    p.notice.map(|s| s.requirements.as_slice())
}

/// 四、下步建议: the notice's requirements when given, else sentences
/// built from the problems found.
pub fn advice(p: &Paperwork, out: &mut String) {
    if let Some(reqs) = notice_requirements(p).filter(|v| !v.is_empty()) {
        para(out, &p.tr(msg!("analysis-advice-from-notice")));
        out.push_str("<ol class=\"advice\">\n");
        for req in reqs {
            let _ = writeln!(out, "<li>{}</li>", esc(req.trim()));
        }
        out.push_str("</ol>\n");
        return;
    }
    let all = rubrics(p);
    for (k, rr) in all.iter().enumerate() {
        rubric_heading(p, out, k, all.len(), rr);
        let items = built_advice(p, rr);
        out.push_str("<ol class=\"advice\">\n");
        for m in items {
            let _ = writeln!(out, "<li>{}</li>", esc(&p.tr(m)));
        }
        out.push_str("</ol>\n");
    }
}

/// The advice of one rubric, from its problems.
fn built_advice(p: &Paperwork, rr: &RubricResult) -> Vec<Message> {
    let r = p.rubric(rr);
    let lost = stats::most_lost(&stats::lines(p, rr));
    let (common, single): (Vec<&Line>, Vec<&Line>) = lost.iter().partition(|l| l.common());
    let mut out = Vec::new();
    let names = |ls: &[&Line]| {
        join(
            p,
            ls.iter().take(UNITS_SHOWN).map(|l| line_name(p, r, l.item)),
        )
    };
    if !common.is_empty() {
        // The most frequent reason of each line named, once each.
        let mut reasons: Vec<String> = Vec::new();
        for l in common.iter().take(UNITS_SHOWN) {
            if let Some((reason, _)) = stats::reasons(p, rr, l.item).into_iter().next()
                && !reasons.contains(&reason)
            {
                reasons.push(reason);
            }
        }
        out.push(if reasons.is_empty() {
            msg!("analysis-advice-common-bare", lines = names(&common))
        } else {
            msg!(
                "analysis-advice-common",
                lines = names(&common),
                reasons = join(
                    p,
                    reasons
                        .iter()
                        .map(|x| p.tr(msg!("analysis-quoted", text = x)))
                )
            )
        });
    }
    if !single.is_empty() {
        out.push(msg!("analysis-advice-individual", lines = names(&single)));
    }
    if let Some(s) = Summary::of(p, rr) {
        let lowest = r.grades.len() - 1;
        let failing: Vec<&&UnitResult> = s.grades[lowest]
            .iter()
            .filter(|u| u.veto.is_none())
            .collect();
        if r.grades.len() > 1 && !failing.is_empty() {
            out.push(msg!(
                "analysis-advice-failing",
                units = join(p, failing.iter().map(|u| r.units[u.unit].name.clone())),
                grade = p.grade_name(r, lowest)
            ));
        }
        if !s.vetoed.is_empty() {
            out.push(msg!(
                "analysis-advice-veto",
                units = join(p, s.vetoed.iter().map(|u| r.units[u.unit].name.clone()))
            ));
        }
        if let Some(c) = &s.change
            && c.down > 0
        {
            out.push(msg!(
                "analysis-advice-declined",
                count = c.down,
                compared = c.compared
            ));
        }
    }
    let missed: Vec<Bonus> = stats::bonuses(p, rr)
        .into_iter()
        .filter(|b| !b.none.is_empty())
        .collect();
    if let Some(b) = missed.first() {
        out.push(msg!(
            "analysis-advice-bonus",
            count = b.none.len(),
            lines = join(p, missed.iter().map(|b| line_name(p, r, b.item)))
        ));
    }
    if out.is_empty() {
        out.push(msg!("analysis-advice-none"));
    }
    out
}
