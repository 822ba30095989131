//! A published table checked on its own (`verify --published` without the
//! year's inputs): what its own numbers and the rubric say of each other.
//! Each row's parts add up to its total at the places written, its grade is
//! its total's band (a veto's the lowest, a quota's below it), its rank
//! follows the totals by the rubric's ranking, and every unit of the
//! rosters is there once. What the table does not print, or prints so that
//! it cannot be checked (a rescaled total), is said, never failed.

use rust_decimal::Decimal;
use std::collections::HashSet;

use super::verify::{Mismatch, MismatchKind};
use crate::input::published::{Published, PublishedRow, PublishedTable};
use crate::model::catalog::{Catalog, UnitRef};
use crate::model::rubric::{PartKind, Ranking, Rubric};
use crate::model::source::Location;
use crate::num;
use crate::text::i18n::{Message, msg};

/// Why a row's parts were not added up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsummed {
    /// The total is marked `*`: rescaled from the items that apply, which
    /// the table does not show (and it prints no scored part).
    Rescaled,
    /// A section's cell of the row is empty.
    Empty(usize),
}

impl Unsummed {
    pub fn id(self) -> &'static str {
        match self {
            Unsummed::Rescaled => "rescaled",
            Unsummed::Empty(_) => "empty",
        }
    }
}

/// How the ranks of a rubric's rows fit their totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fits {
    /// Competition and dense ranking give the same ranks here.
    Both,
    /// The rubric's ranking, and not the other.
    Rubric,
    /// The other ranking only: each rank that differs is a mismatch.
    Other,
    Neither,
}

impl Fits {
    pub fn id(self) -> &'static str {
        match self {
            Fits::Both => "both",
            Fits::Rubric => "rubric",
            Fits::Other => "other",
            Fits::Neither => "neither",
        }
    }
}

/// What could be checked of one rubric's rows, and what could not.
#[derive(Debug)]
pub struct Coverage {
    pub rubric: usize,
    /// Rows of the rubric's units in the table.
    pub units: usize,
    /// Rows whose parts were added up and compared with the total.
    pub sums: usize,
    /// Sections no table of these rows has a column for (when some have one).
    pub missing_sections: Vec<usize>,
    /// No table of these rows prints any part.
    pub no_parts: bool,
    /// Rows not added up, and why.
    pub unsummed: Vec<(UnitRef, Location, Unsummed)>,
    /// Rows whose grade was checked; `None` when no table has a grade column.
    pub grades: Option<usize>,
    /// Rows whose rank was checked, and how the ranks fit; `None` when no
    /// table has a rank column.
    pub ranks: Option<(usize, Fits)>,
}

/// A finding with its place in the file: (table, line, which check), to
/// list them in the order of the table.
type Placed = ((usize, usize, usize), Mismatch);

/// The check of a whole table on its own.
#[derive(Debug, Default)]
pub struct TableCheck {
    /// Units of the rosters (those of `only`, or of every rubric).
    pub checked: usize,
    pub mismatches: Vec<Mismatch>,
    pub coverage: Vec<Coverage>,
}

/// Checks the published rows of rubric `only` (or of every rubric) on
/// their own.
pub fn check(catalog: &Catalog, published: &Published, only: Option<usize>) -> TableCheck {
    let mut out = TableCheck::default();
    // Each finding with its place in the file (table, line), to list them
    // in the order of the table; units left out come last.
    let mut found: Vec<Placed> = Vec::new();
    for (r, rubric) in catalog.rubrics.iter().enumerate() {
        if only.is_some_and(|o| o != r) {
            continue;
        }
        out.checked += rubric.units.len();
        let rows: Vec<&PublishedRow> = published
            .rows
            .iter()
            .filter(|row| row.unit.rubric == r)
            .collect();
        let mut coverage = Coverage {
            rubric: r,
            units: rows.len(),
            sums: 0,
            missing_sections: Vec::new(),
            no_parts: false,
            unsummed: Vec::new(),
            grades: None,
            ranks: None,
        };
        let tables: Vec<&PublishedTable> = distinct_tables(published, &rows);
        let printed = |k: usize| tables.iter().any(|t| t.has_section(rubric, k));
        let any_part = (0..rubric.sections.len()).any(printed) || tables.iter().any(|t| t.scored);
        coverage.no_parts = !any_part;
        if any_part {
            coverage.missing_sections = missing_sections(rubric, &tables);
        }
        for row in &rows {
            let order = (row.table, row.at.line, 0);
            let table = &published.tables[row.table];
            if any_part && coverage.missing_sections.is_empty() {
                match sum(rubric, table, row) {
                    Summed::Agrees => coverage.sums += 1,
                    Summed::Not(why) => coverage.unsummed.push((row.unit, row.at.clone(), why)),
                    Summed::Differs(m) => {
                        coverage.sums += 1;
                        found.push((order, m));
                    }
                }
            }
            if table.grade {
                *coverage.grades.get_or_insert(0) += usize::from(row.grade.is_some());
                if let Some(m) = grade(rubric, row) {
                    found.push(((row.table, row.at.line, 1), m));
                }
            }
        }
        if tables.iter().any(|t| t.rank) {
            let (checked, fits, mismatches) = ranks(rubric, &rows);
            coverage.ranks = Some((checked, fits));
            found.extend(mismatches);
        }
        out.coverage.push(coverage);
        for t in published.twice.iter().filter(|t| t.row.unit.rubric == r) {
            let m = Mismatch {
                at: t.row.at.to_string(),
                unit: t.row.unit,
                kind: MismatchKind::Twice,
                published: Some(num::plain(t.row.total)),
                recomputed: String::new(),
                what: msg!("verify-alone-twice", first = &t.first),
                by_review: false,
            };
            found.push(((t.row.table, t.row.at.line, 3), m));
        }
        let listed: HashSet<UnitRef> = rows.iter().map(|row| row.unit).collect();
        for u in 0..rubric.units.len() {
            let unit = UnitRef { rubric: r, unit: u };
            if listed.contains(&unit) {
                continue;
            }
            let m = Mismatch {
                at: published.file.path.to_string(),
                unit,
                kind: MismatchKind::Unpublished,
                published: None,
                recomputed: String::new(),
                what: msg!("verify-alone-unpublished", rubric = &rubric.id),
                by_review: false,
            };
            found.push(((usize::MAX, r, u), m));
        }
    }
    found.sort_by_key(|(order, _)| *order);
    out.mismatches = found.into_iter().map(|(_, m)| m).collect();
    out
}

/// The tables the rows are in, each once.
fn distinct_tables<'p>(
    published: &'p Published,
    rows: &[&PublishedRow],
) -> Vec<&'p PublishedTable> {
    let mut seen: Vec<usize> = rows.iter().map(|r| r.table).collect();
    seen.sort_unstable();
    seen.dedup();
    seen.into_iter()
        .filter_map(|t| published.tables.get(t))
        .collect()
}

/// The sections a table of the rows lacks a column for (of those that
/// add up to the total: the scored sections are not needed when the
/// table prints the scored part).
fn missing_sections(rubric: &Rubric, tables: &[&PublishedTable]) -> Vec<usize> {
    let mut missing = Vec::new();
    for t in tables {
        for (k, s) in rubric.sections.iter().enumerate() {
            let needed = !(t.scored && s.kind == PartKind::Scored);
            if needed && !t.has_section(rubric, k) && !missing.contains(&k) {
                missing.push(k);
            }
        }
    }
    missing.sort_unstable();
    missing
}

/// The outcome of adding up a row's parts.
enum Summed {
    Agrees,
    Not(Unsummed),
    Differs(Mismatch),
}

/// A value as written, as the range of values it may stand for: exact when
/// written with at least the rubric's places (every score is rounded to
/// them), else anything that rounds to it.
#[derive(Clone, Copy)]
struct Written {
    value: Decimal,
    half: Decimal,
}

impl Written {
    /// `value` as written, or held `exact` (a workbook's number).
    fn new(value: Decimal, decimals: u32, exact: bool) -> Self {
        let places = value.scale();
        let half = if exact || places >= decimals {
            Decimal::ZERO
        } else {
            Decimal::new(5, places + 1)
        };
        Written { value, half }
    }
}

/// Adds up a row's parts: the scored sections (or the scored part, when
/// printed) and the bonus and penalty parts signed as they count; the
/// result within 0 and the rubric's ceiling, then a veto's cap or total.
/// The total agrees when some values the written ones may stand for give it.
fn sum(rubric: &Rubric, table: &PublishedTable, row: &PublishedRow) -> Summed {
    // Each part as (title, value as written), in the order they are added.
    let mut terms: Vec<(String, Written)> = Vec::new();
    let mut scored_check = None;
    // The scored part: printed, or the sum of the scored sections.
    let base = match &row.scored {
        Some((b, at)) => {
            let w = Written::new(*b, rubric.decimals, row.scored_exact);
            terms.push((scored_title(), w));
            scored_check = scored_against_sections(rubric, table, row, *b, at);
            *b
        }
        None => match scored_terms(rubric, row) {
            Ok(parts) => {
                terms = parts;
                terms.iter().map(|(_, w)| w.value).sum()
            }
            Err(why) => return Summed::Not(why),
        },
    };
    if let Err(why) = bonus_and_penalty(rubric, row, base, &mut terms) {
        return Summed::Not(why);
    }
    match total_against_parts(rubric, row, &terms) {
        Some(m) => Summed::Differs(m),
        None => match scored_check {
            Some(m) => Summed::Differs(m),
            None => Summed::Agrees,
        },
    }
}

/// The value a row prints for section `k`.
fn printed(row: &PublishedRow, k: usize) -> Option<Decimal> {
    row.sections
        .iter()
        .find(|(s, _, _)| *s == k)
        .map(|(_, v, _)| *v)
}

/// `v` as written in section `k`'s cell of the row.
fn written(rubric: &Rubric, row: &PublishedRow, k: usize, v: Decimal) -> Written {
    Written::new(v, rubric.decimals, row.sections_exact.contains(&k))
}

/// The lowest and highest values some written values may add up to.
fn bounds<'w>(parts: impl IntoIterator<Item = &'w Written>) -> (Decimal, Decimal) {
    let mut lo = Decimal::ZERO;
    let mut hi = Decimal::ZERO;
    for w in parts {
        lo += w.value - w.half;
        hi += w.value + w.half;
    }
    (lo, hi)
}

fn scored_sections(rubric: &Rubric) -> Vec<usize> {
    (0..rubric.sections.len())
        .filter(|&k| rubric.sections[k].kind == PartKind::Scored)
        .collect()
}

/// The scored sections as the row prints them, when it prints no scored
/// part; `Err` when they cannot be added up.
fn scored_terms(rubric: &Rubric, row: &PublishedRow) -> Result<Vec<(String, Written)>, Unsummed> {
    if row.marks.scaled {
        return Err(Unsummed::Rescaled);
    }
    let mut terms = Vec::new();
    for k in scored_sections(rubric) {
        let Some(v) = printed(row, k) else {
            return Err(Unsummed::Empty(k));
        };
        terms.push((rubric.sections[k].title.clone(), written(rubric, row, k, v)));
    }
    Ok(terms)
}

/// The printed scored part `b` against the scored sections, unless
/// rescaled or a section is not printed.
fn scored_against_sections(
    rubric: &Rubric,
    table: &PublishedTable,
    row: &PublishedRow,
    b: Decimal,
    at: &Location,
) -> Option<Mismatch> {
    let sections = scored_sections(rubric);
    let parts: Vec<Written> = sections
        .iter()
        .map(|&k| printed(row, k).map(|v| written(rubric, row, k, v)))
        .collect::<Option<_>>()?;
    if row.marks.scaled || !sections.iter().all(|&k| table.has_section(rubric, k)) {
        return None;
    }
    let (lo, hi) = bounds(&parts);
    let places = b.scale();
    if num::round(lo, places) <= b && b <= num::round(hi, places) {
        return None;
    }
    let shown: Vec<(String, Decimal)> = sections
        .iter()
        .zip(&parts)
        .map(|(&k, w)| (rubric.sections[k].title.clone(), w.value))
        .collect();
    let total: Decimal = parts.iter().map(|w| w.value).sum();
    Some(Mismatch {
        at: at.to_string(),
        unit: row.unit,
        kind: MismatchKind::Sum,
        published: Some(b.to_string()),
        recomputed: total.to_string(),
        what: msg!(
            "verify-alone-scored-sum",
            terms = terms_text(&shown),
            sum = total.to_string(),
            scored = b.to_string()
        ),
        by_review: false,
    })
}

/// The bonus and penalty parts, signed as they count, after the scored
/// part `base`; `Err` when one is not printed.
fn bonus_and_penalty(
    rubric: &Rubric,
    row: &PublishedRow,
    base: Decimal,
    terms: &mut Vec<(String, Written)>,
) -> Result<(), Unsummed> {
    for (k, section) in rubric.sections.iter().enumerate() {
        let sign = match section.kind {
            PartKind::Scored => continue,
            PartKind::Bonus => Decimal::ONE,
            PartKind::Penalty => Decimal::NEGATIVE_ONE,
        };
        let Some(v) = printed(row, k) else {
            return Err(Unsummed::Empty(k));
        };
        // A bonus held back (marked, or its gate shut) adds nothing.
        let gate_shut = section.gate.is_some_and(|gate| !gate.opens(base));
        if section.kind == PartKind::Bonus && (row.not_counted.contains(&k) || gate_shut) {
            continue;
        }
        let signed = if sign.is_sign_negative() {
            -v.abs()
        } else {
            v.abs()
        };
        let w = written(rubric, row, k, num::normal_zero(signed));
        terms.push((section.title.clone(), w));
    }
    Ok(())
}

/// The row's total against its parts added up and kept to the rules
/// (`finish`); `None` when some values the written ones may stand for
/// give it.
fn total_against_parts(
    rubric: &Rubric,
    row: &PublishedRow,
    parts: &[(String, Written)],
) -> Option<Mismatch> {
    let (lo, hi) = bounds(parts.iter().map(|(_, w)| w));
    let terms: Vec<(String, Decimal)> = parts.iter().map(|(t, w)| (t.clone(), w.value)).collect();
    let sum: Decimal = terms.iter().map(|(_, v)| *v).sum();
    let (rule, (elo, ehi)) = finish(rubric, row, lo, hi);
    let places = row.total.scale();
    if num::round(elo, places) <= row.total && row.total <= num::round(ehi, places) {
        return None;
    }
    let expected = finish(rubric, row, sum, sum).1.0;
    let shown = num::fixed(expected, places.max(sum.scale()));
    Some(Mismatch {
        at: row.total_at.to_string(),
        unit: row.unit,
        kind: MismatchKind::Sum,
        published: Some(row.total.to_string()),
        recomputed: shown.clone(),
        what: match rule {
            Some(rule) => msg!(
                "verify-alone-sum-ruled",
                terms = terms_text(&terms),
                sum = sum.to_string(),
                rule = rule,
                expected = shown,
                total = row.total.to_string()
            ),
            None => msg!(
                "verify-alone-sum",
                terms = terms_text(&terms),
                sum = sum.to_string(),
                total = row.total.to_string()
            ),
        },
        by_review: false,
    })
}

/// The sum's range kept within 0 and the ceiling, then a veto's cap or
/// total; with what was applied, said.
fn finish(
    rubric: &Rubric,
    row: &PublishedRow,
    lo: Decimal,
    hi: Decimal,
) -> (Option<Message>, (Decimal, Decimal)) {
    let clamp = |v: Decimal| v.max(Decimal::ZERO).min(rubric.max_total);
    let (mut lo2, mut hi2) = (clamp(lo), clamp(hi));
    let mut rule = if hi > rubric.max_total {
        Some(msg!(
            "verify-alone-rule-ceiling",
            max = num::plain(rubric.max_total)
        ))
    } else if lo < Decimal::ZERO {
        Some(msg!("verify-alone-rule-floor"))
    } else {
        None
    };
    if row.vetoed || row.marks.veto {
        if let Some(total) = rubric.veto.total {
            (lo2, hi2) = (total, total);
            rule = Some(msg!(
                "verify-alone-rule-veto-total",
                total = num::plain(total)
            ));
        } else if let Some(cap) = rubric.veto.cap
            && hi2 > cap
        {
            (lo2, hi2) = (lo2.min(cap), cap);
            rule = Some(msg!("verify-alone-rule-veto-cap", cap = num::plain(cap)));
        }
    }
    (rule, (lo2, hi2))
}

/// `政务公开 54.00 + “放管服”改革 40.03 + 扣分项 -3.00`.
fn terms_text(terms: &[(String, Decimal)]) -> Message {
    let parts: Vec<Message> = terms
        .iter()
        .map(|(title, v)| {
            msg!(
                "verify-alone-term",
                section = title.as_str(),
                value = v.to_string()
            )
        })
        .collect();
    let mut text = msg!("verify-alone-terms-one", term = parts.first().cloned());
    for p in parts.into_iter().skip(1) {
        text = msg!("verify-alone-terms-more", terms = text, term = p);
    }
    text
}

/// The scored part's name in the sums (基本得分).
fn scored_title() -> String {
    msg!("report-col-scored").to_string()
}

/// Which grades a total may have: by the bands of the values it may stand
/// for, best first (the first grade whose min it reaches).
fn bands(rubric: &Rubric, total: Written) -> (usize, usize) {
    let band = |v: Decimal| {
        rubric
            .grades
            .iter()
            .position(|g| g.min <= v)
            .unwrap_or(rubric.grades.len() - 1)
    };
    (
        band(total.value + total.half),
        band(total.value - total.half),
    )
}

/// The row's grade against its total: the band (a veto's mark asks for the
/// lowest grade, a quota's for one below the band).
fn grade(rubric: &Rubric, row: &PublishedRow) -> Option<Mismatch> {
    let g = row.grade.as_ref()?;
    let last = rubric.grades.len() - 1;
    let found = rubric
        .grades
        .iter()
        .position(|x| &x.id == g || &x.label == g);
    let written = Written::new(row.total, rubric.decimals, row.total_exact);
    let (best, worst) = bands(rubric, written);
    let total = row.total.to_string();
    let what = match found {
        None => msg!(
            "verify-alone-grade-unknown",
            published = g.as_str(),
            rubric = &rubric.id,
            grades = crate::text::list(rubric.grades.iter().map(|x| x.label.as_str()))
        ),
        Some(i) if row.vetoed && i == last => return None,
        Some(_) if row.vetoed => msg!(
            "verify-alone-grade-vetoed",
            published = g.as_str(),
            expected = &rubric.grades[last].label
        ),
        Some(i) if row.demoted && i > best => return None,
        Some(_) if row.demoted => msg!(
            "verify-alone-grade-demoted",
            published = g.as_str(),
            total = total.as_str(),
            band = &rubric.grades[best].label
        ),
        Some(i) if (best..=worst).contains(&i) => return None,
        Some(_) => msg!(
            "verify-alone-grade",
            published = g.as_str(),
            total = total.as_str(),
            expected = &rubric.grades[best].label,
            min = num::plain(rubric.grades[best].min)
        ),
    };
    let expected = if row.vetoed {
        &rubric.grades[last]
    } else {
        &rubric.grades[best]
    };
    Some(Mismatch {
        at: row.grade_at.to_string(),
        unit: row.unit,
        kind: MismatchKind::Grade,
        published: Some(g.clone()),
        recomputed: expected.id.clone(),
        what,
        by_review: false,
    })
}

/// The ranks the totals give under `ranking`: 1 + the units above (or the
/// distinct totals above); a veto ranked last after every unit without one.
fn ranks_by(rubric: &Rubric, rows: &[&PublishedRow], ranking: Ranking) -> Vec<usize> {
    let last = rubric.veto.rank_last;
    let group = |row: &PublishedRow| last && row.vetoed;
    let above = |row: &PublishedRow, among: &[&&PublishedRow]| -> usize {
        let greater: Vec<Decimal> = among
            .iter()
            .filter(|o| o.total > row.total)
            .map(|o| o.total)
            .collect();
        match ranking {
            Ranking::Competition => greater.len(),
            Ranking::Dense => {
                let mut d = greater;
                d.sort_unstable();
                d.dedup();
                d.len()
            }
        }
    };
    let kept: Vec<&&PublishedRow> = rows.iter().filter(|r| !group(r)).collect();
    let vetoed: Vec<&&PublishedRow> = rows.iter().filter(|r| group(r)).collect();
    // Vetoed units rank after N: the units without a veto (competition),
    // or the highest rank among them (dense).
    let n = match ranking {
        Ranking::Competition => kept.len(),
        Ranking::Dense => kept.iter().map(|r| 1 + above(r, &kept)).max().unwrap_or(0),
    };
    rows.iter()
        .map(|row| {
            if group(row) {
                n + 1 + above(row, &vetoed)
            } else {
                1 + above(row, &kept)
            }
        })
        .collect()
}

/// The ranks of a rubric's rows against their totals: how many were
/// checked, which ranking they fit, and each rank that does not follow
/// the rubric's ranking.
fn ranks(rubric: &Rubric, rows: &[&PublishedRow]) -> (usize, Fits, Vec<Placed>) {
    let competition = ranks_by(rubric, rows, Ranking::Competition);
    let dense = ranks_by(rubric, rows, Ranking::Dense);
    let ranked: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].rank.is_some())
        .collect();
    let fits = |by: &[usize]| ranked.iter().all(|&i| rows[i].rank == Some(by[i]));
    let (own, other) = match rubric.ranking {
        Ranking::Competition => (&competition, &dense),
        Ranking::Dense => (&dense, &competition),
    };
    let outcome = match (fits(own), fits(other)) {
        (true, true) => Fits::Both,
        (true, false) => Fits::Rubric,
        (false, true) => Fits::Other,
        (false, false) => Fits::Neither,
    };
    let mut out = Vec::new();
    for &i in &ranked {
        let row = rows[i];
        let Some(rank) = row.rank.filter(|r| *r != own[i]) else {
            continue;
        };
        let m = Mismatch {
            at: row.rank_at.to_string(),
            unit: row.unit,
            kind: MismatchKind::Rank,
            published: Some(rank.to_string()),
            recomputed: own[i].to_string(),
            what: msg!(
                "verify-alone-rank",
                published = rank,
                expected = own[i],
                ranking = ranking_name(rubric.ranking)
            ),
            by_review: false,
        };
        out.push(((row.table, row.at.line, 2), m));
    }
    (ranked.len(), outcome, out)
}

/// A ranking in words.
pub fn ranking_name(ranking: Ranking) -> Message {
    let id = match ranking {
        Ranking::Competition => "competition",
        Ranking::Dense => "dense",
    };
    msg!("verify-ranking", ranking = id)
}
