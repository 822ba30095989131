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

mod annex;
mod markdown;
mod text;

pub use markdown::markdown;

use super::paperwork::{Grid, Paperwork, date_text};
use crate::date::Date;
use crate::model::notice::NoticeSettings;
use crate::model::rubric::Rubric;
use crate::text::i18n::{Message, msg};

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
