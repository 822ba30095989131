//! The notice's text: 版头, title and 主送, 一、how the assessment was done,
//! 二、the results, 三、what follows, 四、what is asked of the units, then
//! 附件说明, 落款 and 附注; and the 版记 at the end.

use rust_decimal::Decimal;

use super::{Block, Notice, document_date, scaled_what};
use crate::model::catalog::UnitRef;
use crate::model::record::Kind;
use crate::model::results::RubricResult;
use crate::model::rubric::Rubric;
use crate::num::plain;
use crate::report::publish::paperwork::{clause, date_text, method_label};
use crate::text::i18n::{Message, msg};
use crate::text::list_all;

impl Notice<'_, '_> {
    /// 版头, title, 主送机关 and the opening paragraph.
    pub(super) fn head(&self, out: &mut Vec<Block>) {
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
    pub(super) fn method(&self, out: &mut Vec<Block>) {
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
                    let label = self.tr(method_label(r, crate::model::record::Method(m)));
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
    pub(super) fn results(&self, out: &mut Vec<Block>) {
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
                    method = method_label(r, rec.method),
                    note = clause(&rec.note),
                    grade = grade,
                    last = last
                ))
            }
            Some(rec) if !rec.note.trim().is_empty() => self.tr(msg!(
                "notice-veto-found",
                unit = name,
                date = date_text(rec.date),
                method = method_label(r, rec.method),
                note = clause(&rec.note),
                grade = grade,
                last = last
            )),
            Some(rec) => self.tr(msg!(
                "notice-veto-recorded",
                unit = name,
                date = date_text(rec.date),
                method = method_label(r, rec.method),
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
    pub(super) fn consequences(&self, out: &mut Vec<Block>) {
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
    pub(super) fn requirements(&self, out: &mut Vec<Block>) {
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
    pub(super) fn foot(&self, out: &mut Vec<Block>) {
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

    /// 版记: 抄送 (when given), 印发机关 and 印发日期 (blank when not given).
    pub(super) fn colophon(&self) -> Block {
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
