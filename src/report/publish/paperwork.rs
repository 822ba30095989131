//! The year's paperwork (`assess publish`, `docs/office.md`): what the notice, the
//! feedback lists and the analysis report share, all read off one
//! computation (the results, what they are compared with, and the records
//! and notes behind every lost point).

use rust_decimal::Decimal;
use std::collections::HashMap;

use crate::model::catalog::{Catalog, UnitRef};
use crate::model::compare::Comparison;
use crate::model::inputs::{AnnualNote, Inputs};
use crate::model::notice::NoticeSettings;
use crate::model::record::DailyRecord;
use crate::model::results::{ItemScore, Results, RubricResult, UnitResult};
use crate::model::rubric::{Node, PartKind, Rubric};
use crate::num::{fixed, plain};
use crate::text::i18n::Lang;
use crate::text::i18n::Message;
use crate::text::i18n::msg;
pub use crate::text::labels::{kind_label, method_label};

/// One computation and everything published from it.
pub struct Paperwork<'a> {
    pub catalog: &'a Catalog,
    pub results: &'a Results,
    pub inputs: &'a Inputs,
    pub compare: &'a Comparison,
    pub lang: Lang,
    /// With `--adjust`: the first result, before the review (复核前).
    pub first: Option<&'a Results>,
    /// With `--notice`: the notice's settings (its requirements and deadline).
    pub notice: Option<&'a NoticeSettings>,
    /// Each unit's records: indices into `inputs.records`, in file order.
    records: HashMap<UnitRef, Vec<usize>>,
    /// Each unit's notes: indices into `inputs.notes`.
    notes: HashMap<UnitRef, Vec<usize>>,
}

/// A leaf where a unit lost points (score < max).
#[derive(Debug, Clone, Copy)]
pub struct Lost<'a> {
    /// Index into `Rubric::items`.
    pub item: usize,
    pub outcome: &'a ItemScore,
    /// `max - score`, exact.
    pub lost: Decimal,
}

/// A table as rows of text, with the columns that hold numbers (set right).
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub numeric: Vec<bool>,
}

impl<'a> Paperwork<'a> {
    pub fn new(
        catalog: &'a Catalog,
        results: &'a Results,
        inputs: &'a Inputs,
        compare: &'a Comparison,
        lang: Lang,
    ) -> Self {
        let (mut records, mut notes) = (HashMap::new(), HashMap::new());
        for (k, r) in inputs.records.iter().enumerate() {
            records.entry(r.unit).or_insert_with(Vec::new).push(k);
        }
        for (k, n) in inputs.notes.iter().enumerate() {
            notes.entry(n.unit).or_insert_with(Vec::new).push(k);
        }
        Paperwork {
            catalog,
            results,
            inputs,
            compare,
            lang,
            first: None,
            notice: None,
            records,
            notes,
        }
    }

    /// With the notice's settings: the analysis report's 下步建议 are the
    /// notice's requirements.
    pub fn with_notice(mut self, notice: &'a NoticeSettings) -> Self {
        self.notice = Some(notice);
        self
    }

    /// With the first result, before the review: the feedback lists show
    /// both scores.
    pub fn with_first(mut self, first: &'a Results) -> Self {
        self.first = Some(first);
        self
    }

    /// A unit's first result, before the review.
    pub fn first_of(&self, u: UnitRef) -> Option<&'a crate::model::results::UnitResult> {
        self.first?
            .rubrics
            .get(u.rubric)?
            .units
            .iter()
            .find(|x| x.unit == u.unit)
    }

    /// The review's adjustments of a unit, in the order given.
    pub fn adjustments(
        &self,
        u: UnitRef,
    ) -> impl Iterator<Item = &'a crate::model::adjust::Adjustment> + '_ {
        self.results
            .review
            .iter()
            .flatten()
            .filter(move |a| a.unit == u)
    }

    pub fn tr(&self, m: Message) -> String {
        m.render(self.lang)
    }

    pub fn rubric(&self, rr: &RubricResult) -> &'a Rubric {
        &self.catalog.rubrics[rr.rubric]
    }

    /// A unit's daily records, in file order.
    pub fn records(&self, u: UnitRef) -> impl Iterator<Item = &'a DailyRecord> + '_ {
        self.records
            .get(&u)
            .into_iter()
            .flatten()
            .map(|&k| &self.inputs.records[k])
    }

    /// Every daily record of the year, in file order.
    pub fn all_records(&self) -> &'a [DailyRecord] {
        &self.inputs.records
    }

    /// The scorers' notes on a unit's annual scores.
    pub fn notes(&self, u: UnitRef) -> impl Iterator<Item = &'a AnnualNote> + '_ {
        self.notes
            .get(&u)
            .into_iter()
            .flatten()
            .map(|&k| &self.inputs.notes[k])
    }

    /// What the rubrics assess, for titles: the first rubric's subject
    /// (`塔城地区2020年度政务公开和“放管服”改革工作`).
    pub fn subject(&self) -> String {
        self.catalog
            .rubrics
            .first()
            .map(|r| r.subject().to_string())
            .unwrap_or_default()
    }

    /// The year of the results (the first rubric's).
    pub fn year(&self) -> i64 {
        self.catalog.rubrics.first().map_or(0, |r| r.year)
    }

    /// What a rubric's part of a document is called: the class of units its
    /// title names (各县（市）), else its title.
    pub fn heading(&self, r: &Rubric) -> String {
        r.class().map_or_else(|| r.title.clone(), str::to_string)
    }

    /// A number written out for a heading (一、二、 in Chinese).
    pub fn ordinal(&self, n: usize) -> String {
        self.tr(msg!("publish-ordinal", n = n))
    }

    /// The leaves where a unit lost points, in rubric order: a scored line
    /// below its max, a penalty line with a penalty (its penalty is the
    /// loss). A bonus line is never a loss (`docs/office.md`, 整改台账):
    /// a leaf of a bonus part, or a leaf scored by additions alone (no
    /// scorers, no measure, `start = "zero"`) wherever it stands.
    pub fn lost(&self, r: &Rubric, u: &'a UnitResult) -> Vec<Lost<'a>> {
        let mut out = Vec::new();
        for s in &u.sections {
            for l in &s.items {
                let Some(o) = &l.outcome else { continue };
                let lost = match r.part_of(l.item) {
                    _ if is_bonus_line(r, l.item) => Decimal::ZERO,
                    PartKind::Scored => r.items[l.item].max - o.score,
                    PartKind::Penalty => -o.score,
                    PartKind::Bonus => Decimal::ZERO,
                };
                if lost > Decimal::ZERO {
                    out.push(Lost {
                        item: l.item,
                        outcome: o,
                        lost,
                    });
                }
            }
        }
        out
    }

    /// The indicators that do not apply to a unit, each as high up as the
    /// whole of it is n/a (a group whose leaves are all n/a, rather than its leaves).
    pub fn not_applicable(&self, r: &Rubric, u: &UnitResult) -> Vec<String> {
        let mut out = Vec::new();
        for (k, s) in u.sections.iter().enumerate() {
            let group_na = |g: usize| s.groups.iter().any(|x| x.group == g && !x.applicable);
            let leaf_na = |i: usize| s.items.iter().any(|l| l.item == i && l.outcome.is_none());
            for node in r.outline(k) {
                let (parent, title, na) = match node {
                    Node::Group(g, _) => (r.groups[g].parent, &r.groups[g].title, group_na(g)),
                    Node::Leaf(i, _) => (r.items[i].parent, &r.items[i].title, leaf_na(i)),
                };
                if na && parent.is_none_or(|p| !group_na(p)) {
                    out.push(title.clone());
                }
            }
        }
        out
    }

    /// The groups above a leaf and the leaf itself, as `政务公开 › 1.2 政府信息公开 › 1.2.1 主动公开`.
    pub fn path(&self, r: &Rubric, item: usize) -> String {
        let leaf = &r.items[item];
        let mut parts = vec![r.sections[leaf.section].title.clone()];
        parts.extend(
            r.path(leaf.parent)
                .iter()
                .map(|g| format!("{} {}", g.id, g.title)),
        );
        parts.push(format!("{} {}", leaf.id, leaf.title));
        parts.join(" › ")
    }

    /// The total as a table shows it: at the rubric's decimals, `*` when
    /// rescaled, `†` when provisional.
    pub fn total_cell(&self, r: &Rubric, u: &UnitResult) -> String {
        crate::report::cells::total_cell(r, u)
    }

    /// The grade as a table shows it, with the veto said.
    pub fn grade_cell(&self, r: &Rubric, u: &UnitResult) -> String {
        crate::report::cells::grade_cell(r, u, self.lang)
    }

    /// The grade's name in running text (a label in Chinese, as the rubric says it).
    pub fn grade_name(&self, r: &Rubric, grade: usize) -> String {
        let g = &r.grades[grade];
        self.tr(msg!("publish-grade-name", id = &g.id, label = &g.label))
    }

    /// The units of each grade in rank order; a vetoed unit is under the
    /// lowest grade, where its veto put it.
    pub fn by_grade(&self, rr: &'a RubricResult) -> Vec<Vec<&'a UnitResult>> {
        let r = self.rubric(rr);
        let mut out = vec![Vec::new(); r.grades.len()];
        for u in &rr.units {
            out[u.grade].push(u);
        }
        out
    }

    /// The results table of one rubric: 名次, 单位, one column per section,
    /// 总分, 等次, then the converted score, the self-assessment (when
    /// `with_self`) and last year's result, as far as they are given.
    pub fn results_table(&self, rr: &RubricResult, with_self: bool) -> Grid {
        let r = self.rubric(rr);
        let tr = |m: Message| self.tr(m);
        let mut g = Grid {
            header: vec![tr(msg!("report-col-rank")), tr(msg!("report-col-unit"))],
            numeric: vec![true, false],
            rows: Vec::new(),
        };
        let scored_after = crate::report::cells::scored_column(r, rr);
        for (k, s) in r.sections.iter().enumerate() {
            g.header.push(s.title.clone());
            g.numeric.push(true);
            if scored_after == Some(k) {
                g.header.push(tr(msg!("report-col-scored")));
                g.numeric.push(true);
            }
        }
        g.header
            .extend([tr(msg!("report-col-total")), tr(msg!("report-col-grade"))]);
        g.numeric.extend([true, false]);
        if let Some(c) = &r.conversion {
            g.header
                .push(crate::report::table::conversion_label(c, self.lang));
            g.numeric.push(true);
        }
        let claims = self.compare.claims.as_ref().filter(|_| with_self);
        if claims.is_some() {
            g.header.extend([
                tr(msg!("publish-col-self")),
                tr(msg!("publish-col-self-diff")),
            ]);
            g.numeric.extend([true, true]);
        }
        if self.compare.previous.is_some() {
            g.header.extend([
                tr(msg!("publish-col-previous")),
                tr(msg!("publish-col-change")),
            ]);
            g.numeric.extend([true, true]);
        }
        for u in &rr.units {
            let mut row = vec![u.rank.to_string(), crate::report::cells::unit_cell(r, u)];
            for (k, s) in u.sections.iter().enumerate() {
                row.push(crate::report::cells::section_cell(r, k, s, self.lang));
                if scored_after == Some(k) {
                    row.push(fixed(u.scored, r.decimals));
                }
            }
            row.push(self.total_cell(r, u));
            row.push(self.grade_cell(r, u));
            if let Some(c) = u.converted {
                row.push(fixed(c, r.decimals));
            }
            if let Some(c) = claims {
                match c.of(rr.rubric, u.unit) {
                    Some(x) => {
                        row.extend([fixed(x.total, r.decimals), signed(x.difference, r.decimals)])
                    }
                    None => row.extend([String::new(), String::new()]),
                }
            }
            if let Some(p) = &self.compare.previous {
                match p.of(rr.rubric, u.unit) {
                    Some(x) => row.extend([
                        tr(crate::text::i18n::Message::new(if x.veto {
                            "table-previous-vetoed"
                        } else {
                            "table-previous"
                        })
                        .arg("total", fixed(x.total, r.decimals))
                        .arg("rank", x.rank)),
                        change_text(x.change, x.rank_change, r.decimals),
                    ]),
                    None => row.extend([tr(msg!("table-new-unit")), String::new()]),
                }
            }
            g.rows.push(row);
        }
        g
    }

    /// What the marks of a rubric's table mean, as far as they are used.
    pub fn table_notes(&self, rr: &RubricResult) -> Vec<String> {
        let r = self.rubric(rr);
        let mut notes = Vec::new();
        if rr.units.iter().any(|u| u.scaled) {
            notes.push(format!(
                "* {}",
                crate::report::cells::scaled_note(r, self.lang)
            ));
        }
        if rr.units.iter().any(|u| u.provisional()) {
            notes.push(format!("† {}", self.tr(msg!("publish-note-provisional"))));
        }
        notes.extend(crate::report::cells::part_notes(r, rr, self.lang));
        if rr.units.iter().any(|u| u.adjusted) {
            let count = self
                .results
                .review
                .iter()
                .flatten()
                .filter(|a| a.unit.rubric == rr.rubric)
                .count();
            notes.push(format!(
                "‡ {}",
                self.tr(msg!("publish-note-adjusted", count = count))
            ));
        }
        notes
    }

    /// One daily record as a line of a list: date, method, kind, rule and
    /// count, points and note.
    pub fn record_line(&self, r: &Rubric, rec: &DailyRecord) -> Message {
        let rule = match rec.rule {
            Some((k, count)) => msg!(
                "publish-record-rule",
                rule = &r.rules[k].text,
                id = &r.rules[k].id,
                count = plain(count)
            ),
            None => msg!("publish-record-no-rule"),
        };
        if rec.note.is_empty() {
            msg!(
                "publish-record",
                date = rec.date.to_string(),
                method = method_label(r, rec.method),
                kind = kind_label(rec.kind),
                points = crate::report::points(rec.points),
                rule = rule
            )
        } else {
            msg!(
                "publish-record-note",
                date = rec.date.to_string(),
                method = method_label(r, rec.method),
                kind = kind_label(rec.kind),
                points = crate::report::points(rec.points),
                rule = rule,
                note = &rec.note
            )
        }
    }
}

/// A bonus line (加分): a leaf of a bonus part, or a leaf scored by
/// additions alone (no scorers, no measure, `start = "zero"`): what it did
/// not gain is no loss.
pub fn is_bonus_line(r: &Rubric, leaf: usize) -> bool {
    let item = &r.items[leaf];
    match r.part_of(leaf) {
        PartKind::Bonus => true,
        PartKind::Penalty => false,
        PartKind::Scored => {
            item.scorers.is_empty()
                && item.measure.is_none()
                && item.start == crate::model::rubric::Start::Zero
        }
    }
}

/// A date in running text (2020年9月16日).
pub fn date_text(d: crate::date::Date) -> Message {
    msg!(
        "publish-date",
        iso = d.to_string(),
        year = d.year.to_string(),
        month = d.month.to_string(),
        day = d.day.to_string()
    )
}

/// A note as a clause of a sentence: without the full stop it may end with.
pub fn clause(note: &str) -> &str {
    note.trim().trim_end_matches(['。', '.', '；', ';'])
}

/// A difference with its sign: `+1.50`, `-0.25`, `0.00`.
pub fn signed(d: Decimal, dp: u32) -> String {
    if d > Decimal::ZERO {
        format!("+{}", fixed(d, dp))
    } else {
        fixed(d, dp)
    }
}

/// The change from last year: the total's, then the rank's as an arrow.
pub fn change_text(change: Decimal, rank_change: i64, dp: u32) -> String {
    let arrow = match rank_change {
        0 => String::new(),
        n if n > 0 => format!(" ↑{n}"),
        n => format!(" ↓{}", n.unsigned_abs()),
    };
    format!("{}{arrow}", signed(change, dp))
}
