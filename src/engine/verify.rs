//! A published table against the recomputation: every total, grade, section
//! score and rank compared at the precision published, and every unit of the
//! rosters that the table leaves out.

use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

use crate::input::published::{Published, PublishedRow};
use crate::model::catalog::{Catalog, UnitRef};
use crate::model::results::{Results, UnitResult};
use crate::model::rubric::Rubric;
use crate::num;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// What a mismatch is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MismatchKind {
    Total,
    Grade,
    Section,
    Rank,
    /// A unit of the rosters that the table leaves out.
    Unpublished,
    /// A table on its own: a row's parts do not add up to its total.
    Sum,
    /// A table on its own: a unit's second row.
    Twice,
}

impl MismatchKind {
    /// The id in `verify --format json`.
    pub fn id(self) -> &'static str {
        match self {
            MismatchKind::Total => "total",
            MismatchKind::Grade => "grade",
            MismatchKind::Section => "section",
            MismatchKind::Rank => "rank",
            MismatchKind::Unpublished => "unpublished",
            MismatchKind::Sum => "sum",
            MismatchKind::Twice => "twice",
        }
    }
}

/// One difference between the published table and the recomputation.
#[derive(Debug)]
pub struct Mismatch {
    /// Where the published value is (`FILE:LINE`, or the file for a unit left out).
    pub at: String,
    pub unit: UnitRef,
    pub kind: MismatchKind,
    pub published: Option<String>,
    pub recomputed: String,
    /// The difference in words.
    pub what: Message,
    /// The published value is the first result's, before the review
    /// (复核后变动): an adjustment explains the difference.
    pub by_review: bool,
}

/// The comparison of a whole table.
#[derive(Debug, Default)]
pub struct Verification {
    /// Units of the rosters compared.
    pub checked: usize,
    pub mismatches: Vec<Mismatch>,
    /// Compared with `--adjust`: the mismatches tell the review's changes apart.
    pub review: bool,
}

impl Verification {
    /// With the first result (the same inputs without the review): a
    /// mismatch the first result does not have is the review's doing.
    pub fn tell_review(&mut self, first: &Verification) {
        self.review = true;
        for m in &mut self.mismatches {
            m.by_review = !first
                .mismatches
                .iter()
                .any(|f| f.unit == m.unit && f.kind == m.kind && f.at == m.at);
        }
    }

    /// The mismatches the review does not explain.
    pub fn unexplained(&self) -> usize {
        self.mismatches.iter().filter(|m| !m.by_review).count()
    }
}

/// Compares the published rows (of rubric `only`, or of every rubric) with
/// the results.
pub fn verify(
    catalog: &Catalog,
    results: &Results,
    published: &Published,
    only: Option<usize>,
) -> Verification {
    let computed: HashMap<UnitRef, &UnitResult> = results
        .rubrics
        .iter()
        .flat_map(|rr| {
            rr.units.iter().map(move |u| {
                let at = UnitRef {
                    rubric: rr.rubric,
                    unit: u.unit,
                };
                (at, u)
            })
        })
        .collect();
    let wanted = |u: &UnitRef| only.is_none_or(|r| u.rubric == r);
    let mut out = Verification::default();
    for row in published.rows.iter().filter(|r| wanted(&r.unit)) {
        if let Some(c) = computed.get(&row.unit) {
            row_mismatches(catalog.rubric_of(row.unit), row, c, &mut out.mismatches);
        }
    }
    let listed: HashSet<UnitRef> = published.rows.iter().map(|r| r.unit).collect();
    for (r, rubric) in catalog.rubrics.iter().enumerate() {
        if only.is_some_and(|o| o != r) {
            continue;
        }
        for u in 0..rubric.units.len() {
            out.checked += 1;
            let unit = UnitRef { rubric: r, unit: u };
            let Some(c) = computed.get(&unit).filter(|_| !listed.contains(&unit)) else {
                continue;
            };
            let total = num::fixed(c.total, rubric.decimals);
            out.mismatches.push(Mismatch {
                at: published.file.path.to_string(),
                unit,
                kind: MismatchKind::Unpublished,
                published: None,
                what: msg!(
                    "verify-unpublished",
                    rubric = &rubric.id,
                    total = total.as_str()
                ),
                recomputed: total,
                by_review: false,
            });
        }
    }
    out
}

/// The mismatches of one published row: total, grade, sections, rank.
fn row_mismatches(rubric: &Rubric, row: &PublishedRow, c: &UnitResult, out: &mut Vec<Mismatch>) {
    let at = row.at.to_string();
    let mut push = |at: String, kind, published: String, recomputed: String, what| {
        out.push(Mismatch {
            at,
            unit: row.unit,
            kind,
            published: Some(published),
            recomputed,
            what,
            by_review: false,
        });
    };
    // Compared at the precision published: 92.5 matches a computed 92.50.
    let places = row.total.scale();
    let recomputed = num::round(c.total, places);
    if recomputed != row.total {
        let diff = row.total - recomputed;
        let sign = if diff > Decimal::ZERO { "+" } else { "" };
        let what = msg!(
            "verify-total",
            published = row.total.to_string(),
            recomputed = num::fixed(recomputed, places),
            difference = format!("{sign}{}", num::fixed(diff, places))
        );
        let shown = num::fixed(recomputed, places);
        push(
            at.clone(),
            MismatchKind::Total,
            row.total.to_string(),
            shown,
            what,
        );
    }
    if let Some(g) = &row.grade {
        let want = &rubric.grades[c.grade];
        if g != &want.id && g != &want.label {
            let known = rubric.grades.iter().any(|x| &x.id == g || &x.label == g);
            let note = (!known).then(|| msg!("verify-grade-unknown"));
            let what = if c.veto.is_some() {
                msg!("verify-grade-vetoed")
            } else {
                msg!("verify-grade")
            }
            .arg("published", g)
            .arg("note", note)
            .arg("label", &want.label)
            .arg("id", &want.id)
            .arg("total", num::fixed(c.total, rubric.decimals));
            push(
                at.clone(),
                MismatchKind::Grade,
                g.clone(),
                want.id.clone(),
                what,
            );
        }
    }
    for (k, value, cell) in &row.sections {
        let Some(s) = c.sections.get(*k) else {
            continue;
        };
        let places = value.scale();
        let recomputed = num::round(s.score, places);
        if recomputed != *value {
            let what = msg!(
                "verify-section",
                section = &rubric.sections[*k].title,
                published = value.to_string(),
                recomputed = num::fixed(recomputed, places)
            );
            let shown = num::fixed(recomputed, places);
            push(
                cell.to_string(),
                MismatchKind::Section,
                value.to_string(),
                shown,
                what,
            );
        }
    }
    if let Some(rank) = row.rank.filter(|r| *r != c.rank) {
        let what = msg!("verify-rank", published = rank, recomputed = c.rank);
        push(
            at,
            MismatchKind::Rank,
            rank.to_string(),
            c.rank.to_string(),
            what,
        );
    }
}
