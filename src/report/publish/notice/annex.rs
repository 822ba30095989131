//! The notice's 附件: each rubric's results table with the notes of how its
//! numbers were reached, and the review's changes.

use rust_decimal::Decimal;

use super::{Annex, Notice, scaled_what};
use crate::model::record::Kind;
use crate::model::results::RubricResult;
use crate::num::{self, fixed, plain};
use crate::report::publish::paperwork::Grid;
use crate::text::i18n::{Message, msg};
use crate::text::list_all;

impl Notice<'_, '_> {
    pub(super) fn annex_title(&self, rr: &RubricResult) -> String {
        let r = self.p.rubric(rr);
        self.tr(msg!(
            "notice-annex-title",
            year = r.year.to_string(),
            name = self.p.heading(r)
        ))
    }

    /// A rubric's annex: its results table, and under it how each number
    /// was reached (the marks of the table, the summary, the records
    /// counted, rescaled and converted totals, vetoes, missing scores).
    pub(super) fn results_annex(&self, k: usize, rr: &RubricResult) -> Annex {
        let p = self.p;
        let r = p.rubric(rr);
        let mut notes = p.table_notes(rr);
        // The mark of a changed score cites the review's annex by its number.
        if let Some(number) = self.review_annex {
            let count = p
                .results
                .review
                .iter()
                .flatten()
                .filter(|a| a.unit.rubric == rr.rubric)
                .count();
            for note in notes.iter_mut().filter(|n| n.starts_with("‡ ")) {
                *note = format!(
                    "‡ {}",
                    self.tr(msg!(
                        "notice-note-adjusted",
                        count = count,
                        annex = self.annex_ref(number)
                    ))
                );
            }
        }
        if !rr.units.is_empty() {
            let sum: Decimal = rr.units.iter().map(|u| u.total).sum();
            let n = Decimal::from(rr.units.len());
            let average = num::div_round(sum, n, r.decimals).unwrap_or(Decimal::ZERO);
            let max = rr.units.iter().map(|u| u.total).max().unwrap_or_default();
            let min = rr.units.iter().map(|u| u.total).min().unwrap_or_default();
            notes.push(self.tr(msg!(
                "notice-summary",
                count = rr.units.len(),
                average = fixed(average, r.decimals),
                max = fixed(max, r.decimals),
                min = fixed(min, r.decimals)
            )));
        }
        let records: Vec<_> = p
            .all_records()
            .iter()
            .filter(|rec| rec.unit.rubric == rr.rubric)
            .collect();
        let count = |kind: Kind| records.iter().filter(|r| r.kind == kind).count();
        notes.push(self.tr(msg!(
            "notice-note-records",
            records = records.len(),
            deducts = count(Kind::Deduct),
            adds = count(Kind::Add),
            vetoes = count(Kind::Veto)
        )));
        for u in rr.units.iter().filter(|u| u.scaled) {
            notes.push(self.tr(msg!(
                "notice-scaled",
                what = scaled_what(r),
                unit = &r.units[u.unit].name,
                items = list_all(p.not_applicable(r, u)),
                score = plain(u.applicable_score),
                max = plain(u.applicable_max),
                scale = plain(r.total),
                total = fixed(u.scored, r.decimals)
            )));
        }
        for u in rr.units.iter().filter(|u| u.veto.is_some()) {
            let key = if r.veto.rank_last {
                "notice-note-veto-last"
            } else {
                "notice-note-veto"
            };
            notes.push(
                self.tr(Message::new(key)
                    .arg("unit", &r.units[u.unit].name)
                    .arg("grade", p.grade_name(r, u.grade))
                    .arg("total", fixed(u.total, r.decimals))
                    .arg("rank", u.rank)),
            );
        }
        if let Some(c) = &r.conversion {
            notes.push(self.tr(msg!(
                "notice-conversion",
                label = crate::report::table::conversion_label(c, p.lang),
                points = plain(c.points),
                scale = plain(r.total),
                decimals = r.decimals
            )));
        }
        let missing = r.scorers.iter().enumerate().any(|(s, _)| {
            rr.units
                .iter()
                .any(|u| u.missing.iter().any(|m| m.scorer() == Some(s)))
        });
        if missing {
            notes.push(self.tr(msg!("notice-missing")));
            for line in crate::report::table::missing_lines(r, rr, p.lang) {
                notes.push(line.trim().to_string());
            }
        }
        Annex {
            label: self.annex_ref(k + 1),
            title: self.annex_title(rr),
            grid: p.results_table(rr, false),
            notes,
        }
    }

    /// The review's annex: one row per adjustment, with its reason and 文号.
    pub(super) fn review_annex(&self) -> Option<Annex> {
        let number = self.review_annex?;
        let p = self.p;
        let review = p.results.review.as_ref()?;
        let mut grid = Grid {
            header: vec![
                self.tr(msg!("notice-review-col-number")),
                self.tr(msg!("review-col-unit")),
                self.tr(msg!("notice-review-col-change")),
                self.tr(msg!("review-col-reason")),
                self.tr(msg!("review-col-document")),
            ],
            numeric: vec![true, false, false, false, false],
            rows: Vec::new(),
        };
        for (k, a) in review.iter().enumerate() {
            let r = &p.catalog.rubrics[a.unit.rubric];
            grid.rows.push(vec![
                (k + 1).to_string(),
                r.units[a.unit.unit].name.clone(),
                crate::report::cells::review_change(r, a, p.lang),
                a.reason.clone(),
                a.document.clone().unwrap_or_default(),
            ]);
        }
        Some(Annex {
            label: self.annex_ref(number),
            title: self.tr(msg!("notice-review-annex-caption")),
            grid,
            notes: Vec::new(),
        })
    }
}
