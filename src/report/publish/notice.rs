//! The results notice (考核结果通报) of `publish`: a draft of a 红头文件 as
//! GB/T 9704-2012 lays one out, written as Markdown (`通报.md`) and as a Word
//! document (`通报.docx`, laid out by `super::docx`).
//!
//! Its parts are built once, in the order of the standard: 版头 (发文机关标志,
//! 发文字号), title, 主送机关, the text (how the assessment was done, the
//! units of each grade, what follows, what is asked of the units), 附件说明,
//! 落款 and 成文日期, 附注, the 附件 (the results tables, with the notes of
//! how each number was reached, and the review's changes), and the 版记.
//! What `--notice` leaves out is a visible blank, never a guess.

use rust_decimal::Decimal;

use super::paperwork::{Grid, Paperwork, clause, date_text};
use crate::date::Date;
use crate::model::catalog::UnitRef;
use crate::model::notice::NoticeSettings;
use crate::model::record::Kind;
use crate::model::results::RubricResult;
use crate::model::rubric::Rubric;
use crate::num::{self, fixed, plain};
use crate::text::i18n::{Message, msg};
use crate::text::list_all;

/// A part of the notice, in the order it is printed.
#[derive(Debug, Clone)]
pub enum Block {
    /// 版头: 发文机关标志 (in red) and 发文字号, above the red line.
    Masthead { issuer: String, number: String },
    /// The title (标题).
    Title(String),
    /// 主送机关, ending with its colon.
    To(String),
    /// 一级标题 (`一、`), 黑体.
    Heading1(String),
    /// 二级标题 (`（一）`), 楷体.
    Heading2(String),
    /// A paragraph of the text.
    Para(String),
    /// 附件说明: its lead (`附件：`) and each annex's number (`1.`, none
    /// when there is one annex) and name.
    Attachments {
        lead: String,
        items: Vec<(String, String)>,
    },
    /// 落款 (发文机关署名) and 成文日期.
    Signature { issuer: String, date: String },
    /// 附注: `（此件公开发布）`.
    Remark(String),
    /// An 附件 on pages of its own.
    Annex(Annex),
    /// 版记: 抄送, 印发机关 and 印发日期.
    Colophon {
        cc: Option<String>,
        printer: String,
        printed: String,
    },
}

/// An 附件: its label (`附件1`), title, table and the notes under it.
#[derive(Debug, Clone)]
pub struct Annex {
    pub label: String,
    pub title: String,
    pub grid: Grid,
    pub notes: Vec<String>,
}

/// The notice's parts, in order.
pub fn blocks(p: &Paperwork, settings: &NoticeSettings) -> Vec<Block> {
    let n = Notice::new(p, settings);
    let mut out = Vec::new();
    n.head(&mut out);
    n.method(&mut out);
    n.results(&mut out);
    n.consequences(&mut out);
    n.requirements(&mut out);
    n.foot(&mut out);
    for (k, rr) in p.results.rubrics.iter().enumerate() {
        out.push(Block::Annex(n.results_annex(k, rr)));
    }
    if let Some(annex) = n.review_annex() {
        out.push(Block::Annex(annex));
    }
    out.push(n.colophon());
    // Notes quoted from the inputs may hold control characters, which no
    // Word document may: written as escapes, in the docx and the Markdown.
    out.into_iter().map(Block::printable).collect()
}

impl Block {
    fn printable(self) -> Block {
        let p = |s: String| crate::text::printable(&s).into_owned();
        match self {
            Block::Masthead { issuer, number } => Block::Masthead {
                issuer: p(issuer),
                number: p(number),
            },
            Block::Title(s) => Block::Title(p(s)),
            Block::To(s) => Block::To(p(s)),
            Block::Heading1(s) => Block::Heading1(p(s)),
            Block::Heading2(s) => Block::Heading2(p(s)),
            Block::Para(s) => Block::Para(p(s)),
            Block::Attachments { lead, items } => Block::Attachments {
                lead: p(lead),
                items: items.into_iter().map(|(n, t)| (p(n), p(t))).collect(),
            },
            Block::Signature { issuer, date } => Block::Signature {
                issuer: p(issuer),
                date: p(date),
            },
            Block::Remark(s) => Block::Remark(p(s)),
            Block::Annex(a) => Block::Annex(Annex {
                label: p(a.label),
                title: p(a.title),
                grid: Grid {
                    header: a.grid.header.into_iter().map(p).collect(),
                    rows: a
                        .grid
                        .rows
                        .into_iter()
                        .map(|r| r.into_iter().map(p).collect())
                        .collect(),
                    numeric: a.grid.numeric,
                },
                notes: a.notes.into_iter().map(p).collect(),
            }),
            Block::Colophon {
                cc,
                printer,
                printed,
            } => Block::Colophon {
                cc: cc.map(p),
                printer: p(printer),
                printed: p(printed),
            },
        }
    }
}

/// A date as GB/T 9704 writes it (`2021年2月20日`), or the blank left for it.
pub fn document_date(date: Option<Date>) -> Message {
    match date {
        Some(d) => date_text(d),
        None => msg!("notice-blank-date"),
    }
}

/// What the notice is built from, and the numbering of its annexes.
struct Notice<'p, 'a> {
    p: &'p Paperwork<'a>,
    s: &'p NoticeSettings,
    /// The review's annex number, when there is a review.
    review_annex: Option<usize>,
    /// How many annexes there are.
    annexes: usize,
}

impl<'p, 'a> Notice<'p, 'a> {
    fn new(p: &'p Paperwork<'a>, s: &'p NoticeSettings) -> Self {
        let rubrics = p.results.rubrics.len();
        let review_annex = reviewed(p).then_some(rubrics + 1);
        Notice {
            p,
            s,
            review_annex,
            annexes: rubrics + usize::from(review_annex.is_some()),
        }
    }

    fn tr(&self, m: Message) -> String {
        self.p.tr(m)
    }

    /// The annex label as the text cites it (`附件1`, or `附件` when there is one).
    fn annex_ref(&self, number: usize) -> String {
        if self.annexes == 1 {
            self.tr(msg!("notice-annex-label-only"))
        } else {
            self.tr(msg!("notice-annex-label", number = number))
        }
    }

    fn issuer(&self) -> String {
        match &self.s.issuer {
            Some(i) => i.clone(),
            None => self.tr(msg!("notice-blank-issuer")),
        }
    }

    /// 版头, title, 主送机关 and the opening paragraph.
    fn head(&self, out: &mut Vec<Block>) {
        let p = self.p;
        out.push(Block::Masthead {
            issuer: match &self.s.issuer {
                Some(i) => self.tr(msg!("notice-masthead", issuer = i.as_str())),
                None => self.tr(msg!(
                    "notice-masthead",
                    issuer = msg!("notice-blank-issuer")
                )),
            },
            number: match &self.s.number {
                Some(n) => n.clone(),
                None => self.tr(msg!("notice-blank-number")),
            },
        });
        let subject = p.subject();
        out.push(Block::Title(if p.results.provisional() {
            self.tr(msg!("notice-title-provisional", subject = &subject))
        } else {
            self.tr(msg!("notice-title", subject = &subject))
        }));
        let rubrics = &p.catalog.rubrics;
        out.push(Block::To(match &self.s.to {
            Some(to) => self.tr(msg!("notice-to", organs = to.trim_end_matches(['：', ':']))),
            None => {
                let classes: Vec<&str> = rubrics.iter().filter_map(|r| r.class()).collect();
                if classes.len() == rubrics.len() {
                    self.tr(msg!(
                        "notice-salutation",
                        classes = list_all(classes.iter().copied())
                    ))
                } else {
                    self.tr(msg!("notice-salutation-all"))
                }
            }
        }));
        let titles: Vec<String> = rubrics
            .iter()
            .map(|r| self.tr(msg!("notice-rubric-name", title = &r.title)))
            .collect();
        let sep = self.tr(msg!("notice-rubric-separator"));
        let units: Vec<Message> = p
            .results
            .rubrics
            .iter()
            .map(|rr| {
                let r = p.rubric(rr);
                match r.class() {
                    Some(c) => msg!("notice-units-of-class", class = c, count = rr.units.len()),
                    None => msg!("notice-units", count = rr.units.len()),
                }
            })
            .collect();
        out.push(Block::Para(self.tr(msg!(
            "notice-intro",
            rubrics = titles.join(&sep),
            units = list_all(units),
            year = p.year().to_string()
        ))));
        if p.results.provisional() {
            out.push(Block::Para(
                self.tr(msg!("notice-provisional", count = p.results.missing)),
            ));
        }
    }

    /// 一、how the assessment was done: 自查, 日常考核 (by the methods the
    /// records name), 年度考核 (by whom), 综合评定 and the grades; the
    /// review, when there was one.
    fn method(&self, out: &mut Vec<Block>) {
        let p = self.p;
        out.push(Block::Heading1(
            self.tr(msg!("notice-h-method", number = p.ordinal(1))),
        ));
        let mut methods: Vec<String> = Vec::new();
        for (k, r) in p.catalog.rubrics.iter().enumerate() {
            for m in 0..r.methods.len() {
                let used = p
                    .all_records()
                    .iter()
                    .any(|rec| rec.unit.rubric == k && rec.method.0 == m);
                if used {
                    let label = self.tr(super::paperwork::method_label(
                        r,
                        crate::model::record::Method(m),
                    ));
                    if !methods.contains(&label) {
                        methods.push(label);
                    }
                }
            }
        }
        let mut scorers: Vec<&str> = Vec::new();
        for r in &p.catalog.rubrics {
            for s in &r.scorers {
                if !scorers.contains(&s.name.as_str()) {
                    scorers.push(&s.name);
                }
            }
        }
        let vetoes = p.all_records().iter().any(|r| r.kind == Kind::Veto);
        let daily = if methods.is_empty() {
            msg!("notice-method-no-daily")
        } else {
            msg!(
                "notice-method-daily",
                methods = list_all(methods.iter().map(String::as_str)),
                veto = if vetoes { "yes" } else { "no" }
            )
        };
        let annual = if scorers.is_empty() {
            msg!("notice-method-no-annual")
        } else {
            msg!(
                "notice-method-annual",
                scorers = list_all(scorers.iter().copied())
            )
        };
        out.push(Block::Para(self.tr(msg!(
            "notice-method",
            daily = daily,
            annual = annual
        ))));
        // The grades: one sentence when every rubric has the same.
        let bands: Vec<(String, String, usize)> = p
            .results
            .rubrics
            .iter()
            .map(|rr| {
                let r = p.rubric(rr);
                (p.heading(r), self.bands(r), r.grades.len())
            })
            .collect();
        if bands.windows(2).all(|w| w[0].1 == w[1].1) {
            if let Some((_, b, count)) = bands.first() {
                out.push(Block::Para(self.tr(msg!(
                    "notice-grades",
                    bands = b.as_str(),
                    count = *count
                ))));
            }
        } else {
            for (name, b, count) in &bands {
                out.push(Block::Para(self.tr(msg!(
                    "notice-grades-of",
                    name = name.as_str(),
                    bands = b.as_str(),
                    count = *count
                ))));
            }
        }
        if let (Some(review), Some(annex)) = (&p.results.review, self.review_annex) {
            let mut units: Vec<UnitRef> = review.iter().map(|a| a.unit).collect();
            units.sort_by_key(|u| (u.rubric, u.unit));
            units.dedup();
            out.push(Block::Para(self.tr(msg!(
                "notice-review-text",
                units = units.len(),
                lines = review.len(),
                annex = self.annex_ref(annex)
            ))));
        }
    }

    /// A rubric's grades with their bands: `优秀（90分及以上）、良好（80分及以上、不足90分）…`.
    fn bands(&self, r: &Rubric) -> String {
        let last = r.grades.len().saturating_sub(1);
        let parts: Vec<Message> = r
            .grades
            .iter()
            .enumerate()
            .map(|(g, grade)| {
                let label = self.p.grade_name(r, g);
                let upper = g.checked_sub(1).map(|h| plain(r.grades[h].min));
                match (g == last, upper) {
                    (true, None) => msg!("notice-band-only", label = label),
                    (false, None) => {
                        msg!("notice-band-top", label = label, min = plain(grade.min))
                    }
                    (true, Some(upper)) => {
                        msg!("notice-band-bottom", label = label, upper = upper)
                    }
                    (false, Some(upper)) => msg!(
                        "notice-band",
                        label = label,
                        min = plain(grade.min),
                        upper = upper
                    ),
                }
            })
            .collect();
        self.tr(list_all(parts))
    }

    /// 二、the results: per rubric, the units of each grade in rank order,
    /// the vetoes said plainly, the units moved down by a quota, and where
    /// the annex shows rescaled and converted totals.
    fn results(&self, out: &mut Vec<Block>) {
        let p = self.p;
        out.push(Block::Heading1(
            self.tr(msg!("notice-h-results", number = p.ordinal(2))),
        ));
        let several = p.results.rubrics.len() > 1;
        for (k, rr) in p.results.rubrics.iter().enumerate() {
            let r = p.rubric(rr);
            if several {
                out.push(Block::Heading2(self.tr(msg!(
                    "notice-h-rubric",
                    number = p.ordinal(k + 1),
                    name = p.heading(r)
                ))));
            }
            out.push(Block::Para(self.tr(msg!(
                "notice-results-intro",
                count = rr.units.len(),
                annex = self.annex_ref(k + 1)
            ))));
            // `name_failing = false`: the units of the lowest grade are
            // counted in the text and named only in the annex.
            let last = r.grades.len().saturating_sub(1);
            let unnamed = |grade: usize| !self.s.name_failing && grade == last;
            for (g, units) in p.by_grade(rr).iter().enumerate() {
                let grade = p.grade_name(r, g);
                if units.is_empty() {
                    out.push(Block::Para(
                        self.tr(msg!("notice-grade-none", grade = grade)),
                    ));
                    continue;
                }
                if unnamed(g) {
                    out.push(Block::Para(self.tr(msg!(
                        "notice-grade-line-unnamed",
                        grade = grade,
                        count = units.len(),
                        annex = self.annex_ref(k + 1)
                    ))));
                    continue;
                }
                let names: Vec<Message> = units
                    .iter()
                    .map(|u| {
                        let name = &r.units[u.unit].name;
                        if u.veto.is_some() {
                            msg!("notice-unit-vetoed", unit = name)
                        } else {
                            msg!("notice-unit", unit = name)
                        }
                    })
                    .collect();
                out.push(Block::Para(self.tr(msg!(
                    "notice-grade-line",
                    grade = grade,
                    count = units.len(),
                    units = list_all(names)
                ))));
            }
            let mut vetoed_unnamed = 0;
            for u in rr.units.iter().filter(|u| u.veto.is_some()) {
                if unnamed(u.grade) {
                    vetoed_unnamed += 1;
                } else {
                    out.push(Block::Para(self.veto_text(rr, u)));
                }
            }
            if vetoed_unnamed > 0 {
                out.push(Block::Para(self.tr(msg!(
                    "notice-veto-unnamed",
                    count = vetoed_unnamed,
                    grade = p.grade_name(r, last),
                    annex = self.annex_ref(k + 1)
                ))));
            }
            self.quota_paragraphs(rr, out);
            let scaled: Vec<&str> = rr
                .units
                .iter()
                .filter(|u| u.scaled)
                .map(|u| r.units[u.unit].name.as_str())
                .collect();
            if !scaled.is_empty() {
                out.push(Block::Para(self.tr(msg!(
                    "notice-scaled-brief",
                    units = list_all(scaled),
                    what = scaled_what(r),
                    scale = plain(r.total),
                    annex = self.annex_ref(k + 1)
                ))));
            }
            if let Some(c) = &r.conversion {
                out.push(Block::Para(self.tr(msg!(
                    "notice-conversion-brief",
                    label = crate::report::table::conversion_label(c, p.lang),
                    annex = self.annex_ref(k + 1)
                ))));
            }
        }
    }

    /// A veto in a sentence: what was found, when and how, and the grade.
    fn veto_text(&self, rr: &RubricResult, u: &crate::model::results::UnitResult) -> String {
        let p = self.p;
        let r = p.rubric(rr);
        let unit = UnitRef {
            rubric: rr.rubric,
            unit: u.unit,
        };
        let name = r.units[u.unit].name.as_str();
        let grade = p.grade_name(r, u.grade);
        let last = if r.veto.rank_last { "yes" } else { "no" };
        match p.records(unit).find(|rec| rec.kind == Kind::Veto) {
            // A note that already says the veto is not followed by saying it again.
            Some(rec)
                if !rec.note.trim().is_empty()
                    && rec.note.contains(&self.tr(msg!("notice-veto-word"))) =>
            {
                self.tr(msg!(
                    "notice-veto-found-said",
                    unit = name,
                    date = date_text(rec.date),
                    method = super::paperwork::method_label(r, rec.method),
                    note = clause(&rec.note),
                    grade = grade,
                    last = last
                ))
            }
            Some(rec) if !rec.note.trim().is_empty() => self.tr(msg!(
                "notice-veto-found",
                unit = name,
                date = date_text(rec.date),
                method = super::paperwork::method_label(r, rec.method),
                note = clause(&rec.note),
                grade = grade,
                last = last
            )),
            Some(rec) => self.tr(msg!(
                "notice-veto-recorded",
                unit = name,
                date = date_text(rec.date),
                method = super::paperwork::method_label(r, rec.method),
                grade = grade,
                last = last
            )),
            None => self.tr(msg!(
                "notice-veto-plain",
                unit = name,
                grade = grade,
                last = last
            )),
        }
    }

    /// Per grade with a quota (优秀等次不超过参评单位的30%) that moved units
    /// down: which units reached it and which grade they got instead.
    fn quota_paragraphs(&self, rr: &RubricResult, out: &mut Vec<Block>) {
        let p = self.p;
        let r = p.rubric(rr);
        for (g, grade) in r.grades.iter().enumerate() {
            let Some(quota) = grade.quota else { continue };
            let moved: Vec<Message> = rr
                .units
                .iter()
                .filter(|u| u.demoted && u.grade > g && u.total >= grade.min)
                .map(|u| {
                    msg!(
                        "notice-demoted-unit",
                        unit = &r.units[u.unit].name,
                        grade = p.grade_name(r, u.grade)
                    )
                })
                .collect();
            if moved.is_empty() {
                continue;
            }
            let limit = quota.limit(r.units.len());
            let rule = match quota {
                crate::model::rubric::Quota::Share(q) => msg!(
                    "notice-quota-share",
                    share = plain(q * Decimal::ONE_HUNDRED),
                    count = limit
                ),
                crate::model::rubric::Quota::Count(_) => {
                    msg!("notice-quota-count", count = limit)
                }
            };
            out.push(Block::Para(self.tr(msg!(
                "notice-demoted",
                grade = p.grade_name(r, g),
                rule = rule,
                units = list_all(moved)
            ))));
        }
    }

    /// 三、结果运用: the results feed the performance assessment; the units
    /// of the lowest grade (named, unless `name_failing = false`) are to
    /// put things right.
    fn consequences(&self, out: &mut Vec<Block>) {
        let p = self.p;
        out.push(Block::Heading1(
            self.tr(msg!("notice-h-use", number = p.ordinal(3))),
        ));
        let converted = p.catalog.rubrics.iter().any(|r| r.conversion.is_some());
        out.push(Block::Para(self.tr(msg!(
            "notice-use",
            converted = if converted { "yes" } else { "no" }
        ))));
        let mut lowest: Vec<String> = Vec::new();
        let mut grades: Vec<String> = Vec::new();
        for rr in &p.results.rubrics {
            let r = p.rubric(rr);
            let last = r.grades.len().saturating_sub(1);
            let names: Vec<String> = rr
                .units
                .iter()
                .filter(|u| u.grade == last)
                .map(|u| r.units[u.unit].name.clone())
                .collect();
            if !names.is_empty() {
                let grade = p.grade_name(r, last);
                if !grades.contains(&grade) {
                    grades.push(grade);
                }
                lowest.extend(names);
            }
        }
        if !lowest.is_empty() {
            let grade = list_all(grades);
            out.push(Block::Para(if self.s.name_failing {
                self.tr(msg!(
                    "notice-closing-lowest",
                    grade = grade,
                    units = list_all(lowest)
                ))
            } else {
                self.tr(msg!("notice-use-lowest-unnamed", grade = grade))
            }));
        }
    }

    /// 四、工作要求: the file's requirements, else the standard ones; then
    /// the deadline of the rectification ledgers, when set.
    fn requirements(&self, out: &mut Vec<Block>) {
        out.push(Block::Heading1(
            self.tr(msg!("notice-h-requirements", number = self.p.ordinal(4))),
        ));
        if self.s.requirements.is_empty() {
            out.push(Block::Para(self.tr(msg!("notice-requirement-ledger"))));
            out.push(Block::Para(self.tr(msg!("notice-requirement-improve"))));
        } else {
            for r in &self.s.requirements {
                out.push(Block::Para(r.clone()));
            }
        }
        if let Some(deadline) = self.s.deadline {
            out.push(Block::Para(self.tr(msg!(
                "notice-deadline",
                date = date_text(deadline),
                office = self.issuer()
            ))));
        }
    }

    /// 附件说明, 落款 and 成文日期, 附注.
    fn foot(&self, out: &mut Vec<Block>) {
        let p = self.p;
        let mut titles: Vec<String> = p
            .results
            .rubrics
            .iter()
            .map(|rr| self.annex_title(rr))
            .collect();
        if self.review_annex.is_some() {
            titles.push(self.tr(msg!("notice-review-annex-caption")));
        }
        let items = if titles.len() == 1 {
            vec![(String::new(), titles.remove(0))]
        } else {
            titles
                .into_iter()
                .enumerate()
                .map(|(k, t)| (self.tr(msg!("notice-attachment-number", number = k + 1)), t))
                .collect()
        };
        out.push(Block::Attachments {
            lead: self.tr(msg!("notice-attachment-lead")),
            items,
        });
        out.push(Block::Signature {
            issuer: self.issuer(),
            date: self.tr(document_date(self.s.date)),
        });
        if self.s.public {
            out.push(Block::Remark(self.tr(msg!("notice-public"))));
        }
    }

    fn annex_title(&self, rr: &RubricResult) -> String {
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
    fn results_annex(&self, k: usize, rr: &RubricResult) -> Annex {
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
    fn review_annex(&self) -> Option<Annex> {
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

    /// 版记: 抄送 (when given), 印发机关 and 印发日期 (blank when not given).
    fn colophon(&self) -> Block {
        let cc = (!self.s.cc.is_empty()).then(|| {
            let sep = self.tr(msg!("notice-organ-separator"));
            self.tr(msg!("notice-cc", organs = self.s.cc.join(&sep)))
        });
        let printer = match self.s.printer() {
            Some(x) => x.to_string(),
            None => self.tr(msg!("notice-blank-issuer")),
        };
        Block::Colophon {
            cc,
            printer,
            printed: self.tr(msg!(
                "notice-printed-on",
                date = document_date(self.s.printed())
            )),
        }
    }
}

/// A note of an annex as printed: `注：` before the first, each numbered
/// (`1.`) when there are several.
#[derive(Debug, Clone)]
pub struct NoteLine {
    pub head: String,
    pub number: String,
    pub text: String,
}

/// An annex's notes as printed.
pub fn note_lines(notes: &[String], lang: crate::text::i18n::Lang) -> Vec<NoteLine> {
    let numbered = notes.len() > 1;
    notes
        .iter()
        .enumerate()
        .map(|(k, n)| NoteLine {
            head: if k == 0 {
                msg!("notice-notes-head").render(lang)
            } else {
                String::new()
            },
            number: if numbered {
                msg!("notice-attachment-number", number = k + 1).render(lang)
            } else {
                String::new()
            },
            text: n.clone(),
        })
        .collect()
}

/// Whether the review changed anything.
fn reviewed(p: &Paperwork) -> bool {
    p.results.review.as_ref().is_some_and(|r| !r.is_empty())
}

/// What a rescaled unit has rescaled: its total, or its scored part.
fn scaled_what(r: &Rubric) -> Message {
    if r.has_parts() {
        msg!("notice-scaled-scored")
    } else {
        msg!("notice-scaled-total")
    }
}

/// `通报.md`: the notice in Markdown, its tables as `|` rows, each part in
/// the order of the Word document.
pub fn markdown(blocks: &[Block], lang: crate::text::i18n::Lang) -> String {
    let mut out = String::new();
    let para = |out: &mut String, t: &str| {
        out.push_str(&md_text(t));
        out.push_str("\n\n");
    };
    for b in blocks {
        match b {
            Block::Masthead { issuer, number } => {
                out.push_str(&format!("**{}**\n\n", md_text(issuer)));
                para(&mut out, number);
                out.push_str("---\n\n");
            }
            Block::Title(t) => out.push_str(&format!("# {}\n\n", md_text(t))),
            Block::To(t) | Block::Para(t) | Block::Remark(t) => para(&mut out, t),
            Block::Heading1(t) => out.push_str(&format!("## {}\n\n", md_text(t))),
            Block::Heading2(t) => out.push_str(&format!("### {}\n\n", md_text(t))),
            Block::Attachments { lead, items } => {
                let shown: Vec<String> = items
                    .iter()
                    .enumerate()
                    .map(|(k, (number, name))| {
                        let lead = if k == 0 { lead.as_str() } else { "" };
                        md_text(&format!("{lead}{number}{name}"))
                    })
                    .collect();
                out.push_str(&shown.join("<br>\n"));
                out.push_str("\n\n");
            }
            Block::Signature { issuer, date } => {
                out.push_str(&format!("{}<br>\n{}\n\n", md_text(issuer), md_text(date)));
            }
            Block::Annex(a) => {
                out.push_str("---\n\n");
                out.push_str(&format!("## {}\n\n", md_text(&a.label)));
                out.push_str(&format!("**{}**\n\n", md_text(&a.title)));
                md_table(&mut out, &a.grid);
                for n in note_lines(&a.notes, lang) {
                    let shown = format!("{}{}{}", n.head, n.number, n.text);
                    out.push_str(&format!("> {}\n>\n", md_text(&shown)));
                }
                if !a.notes.is_empty() {
                    out.truncate(out.len() - 2);
                    out.push('\n');
                }
            }
            Block::Colophon {
                cc,
                printer,
                printed,
            } => {
                out.push_str("---\n\n");
                if let Some(cc) = cc {
                    para(&mut out, cc);
                }
                out.push_str(&md_text(
                    &msg!(
                        "notice-md-printed",
                        printer = printer.as_str(),
                        printed = printed.as_str()
                    )
                    .render(lang),
                ));
                out.push('\n');
            }
        }
    }
    out
}

fn md_table(out: &mut String, grid: &Grid) {
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| md_cell(c)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&row(&grid.header));
    let rule: Vec<String> = grid
        .numeric
        .iter()
        .map(|n| if *n { "---:".into() } else { "---".into() })
        .collect();
    out.push_str(&row(&rule));
    for r in &grid.rows {
        out.push_str(&row(r));
    }
    out.push('\n');
}

/// Text that Markdown would read as markup is escaped (a note starting
/// with `*`, a name with `_` or `[`).
fn md_text(t: &str) -> String {
    escape(t, "\\`*_[]<>|")
}

/// A table cell: only what would end the cell or the row is escaped, so a
/// total reads `82.55*` as in the other tables (a lone `*` is no emphasis).
fn md_cell(t: &str) -> String {
    escape(t, "\\|").replace(['\n', '\r'], " ")
}

fn escape(t: &str, special: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        if special.contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
