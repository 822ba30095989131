//! `assess template … --format xlsx`: the workbooks an office sends out to
//! be filled, and what the CSV templates share with them (which leaves a
//! scorer scores, the headings of a wide table).
//!
//! Every workbook has its data sheets first (the sheet a reader of one sheet
//! takes is the first) and an instructions sheet last, named as the readers
//! skip it (填表说明, instructions), which also holds the lists the
//! drop-downs offer and the items' criteria. Labels are locked, input cells
//! unlocked and pale yellow, every sheet protected without a password.
//! Score cells accept a number from 0 to the leaf's maximum or the n/a word;
//! the 合计 of a wide sheet is a formula written without a cached value, so
//! a template saved by no spreadsheet reads back as if it were empty.

pub mod csv;
pub mod measures;

pub mod adjust;
mod annual;
mod book;
mod daily;
mod format;
mod published;
mod reference;

pub use annual::{annual_long, annual_wide};
pub use daily::daily;
pub use published::published;

use crate::input::scores;
use crate::model::catalog::Catalog;
use crate::model::rubric::{Item, Rubric};
use crate::num::plain;
use crate::tables::table::Column;
use crate::text::i18n::Lang;
use crate::text::i18n::msg;

/// Empty rows a daily template offers (more can be inserted: the sheet allows it).
pub const DAILY_ROWS: u32 = 500;

/// One sheet's worth of an annual template: a rubric and, when named, one
/// scorer (a wide sheet always has one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub rubric: usize,
    pub scorer: Option<usize>,
}

/// The leaves a part asks scores for: those with scorers, of that scorer
/// when one is named, in the rubric's order.
pub fn leaves(r: &Rubric, scorer: Option<usize>) -> Vec<usize> {
    (0..r.items.len())
        .filter(|&i| {
            let item = &r.items[i];
            !item.scorers.is_empty()
                && scorer.is_none_or(|s| item.scorers.iter().any(|w| w.scorer == s))
        })
        .collect()
}

/// A unit, item or scorer as a template writes it: the catalog picks the
/// name (Chinese) or the id (English); both read back.
pub fn name(id: &str, name: &str, lang: Lang) -> String {
    msg!("template-name", id = id, name = name).render(lang)
}

/// The heading of column `key` of a table the readers know, as a
/// template writes it (its first Chinese name, or its key in English).
pub fn heading(columns: &[Column], key: &str, lang: Lang) -> String {
    let names = columns
        .iter()
        .find(|c| c.key == key)
        .and_then(|c| c.names.first().copied())
        .unwrap_or(key);
    name(key, names, lang)
}

/// One long row: a unit, a leaf and one of its scorers (an index into `Rubric::scorers`).
#[derive(Debug, Clone, Copy)]
pub struct LongRow {
    pub rubric: usize,
    pub unit: usize,
    pub item: usize,
    pub scorer: usize,
}

/// The rows of a long annual template: per part, unit by unit, leaf by leaf,
/// scorer by scorer (the order of the rubric).
pub fn long_rows(catalog: &Catalog, parts: &[Part]) -> Vec<LongRow> {
    let mut rows = Vec::new();
    for p in parts {
        let r = &catalog.rubrics[p.rubric];
        for unit in 0..r.units.len() {
            for item in leaves(r, p.scorer) {
                for w in &r.items[item].scorers {
                    if p.scorer.is_none_or(|s| s == w.scorer) {
                        rows.push(LongRow {
                            rubric: p.rubric,
                            unit,
                            item,
                            scorer: w.scorer,
                        });
                    }
                }
            }
        }
    }
    rows
}

/// A wide sheet (评分表) of one rubric and one scorer, as cells.
pub struct Wide {
    /// The first row: the rubric's title and what the sheet is.
    pub title: String,
    /// The cell naming the scorer: `评分单位：NAME` in Chinese, which the
    /// reader takes as the table's scorer (`docs/office.md`, "Wide: a score
    /// sheet").
    pub scorer_line: String,
    /// Above the item columns: one row of section titles, then one per level
    /// of groups; `None` where a leaf sits higher.
    pub bands: Vec<Vec<Option<String>>>,
    /// The header row.
    pub header: Vec<String>,
    /// Column of the first leaf, and the leaves, one per column from there.
    pub first_item: usize,
    pub items: Vec<usize>,
    /// The cells before the first leaf of each unit's row (序号, unit, and
    /// the scorer where the title block cannot name it).
    pub rows: Vec<Vec<String>>,
    /// Per row, per item column: the rubric does not apply the line to the
    /// unit (its classes), so the cell holds the n/a word, locked.
    pub na: Vec<Vec<bool>>,
    /// The signature row (评分人, 审核人, 日期), which the reader skips;
    /// empty in a language whose words the reader does not know (English),
    /// whose workbook prints them in the page footer instead.
    pub footer: Vec<(usize, String)>,
}

impl Wide {
    /// Column of 合计 (after the leaves) and of 备注.
    pub fn total_col(&self) -> usize {
        self.first_item + self.items.len()
    }
}

/// A wide sheet's heading of a leaf: `编号 标题（N分）`, which the reader
/// matches by id and title and checks the maximum of.
pub fn item_heading(item: &Item, lang: Lang) -> String {
    msg!(
        "template-item-heading",
        id = &item.id,
        title = &item.title,
        max = plain(item.max)
    )
    .render(lang)
}

/// The cells of a wide sheet for a rubric and a scorer.
pub fn wide(catalog: &Catalog, rubric: usize, scorer: usize, lang: Lang) -> Wide {
    let r = &catalog.rubrics[rubric];
    let s = &r.scorers[scorer];
    let items = leaves(r, Some(scorer));
    // The title block names the scorer only in the words the reader knows
    // (`评分单位：`); other languages carry it in a column on every row.
    let scorer_column = lang != Lang::Zh;
    let mut header = vec![
        msg!("template-col-no").render(lang),
        heading(scores::COLUMNS, "unit", lang),
    ];
    if scorer_column {
        header.push(heading(scores::COLUMNS, "scorer", lang));
    }
    let first_item = header.len();
    header.extend(items.iter().map(|&i| item_heading(&r.items[i], lang)));
    header.push(msg!("template-col-total").render(lang));
    header.push(heading(scores::COLUMNS, "note", lang));
    // The cells of lines a unit's classes exclude (不涉及), filled and locked.
    let na = (0..r.units.len())
        .map(|u| items.iter().map(|&i| !r.applies(i, u)).collect())
        .collect();
    let rows = r
        .units
        .iter()
        .enumerate()
        .map(|(n, u)| {
            let mut row = vec![(n + 1).to_string(), name(&u.id, &u.name, lang)];
            if scorer_column {
                row.push(name(&s.id, &s.name, lang));
            }
            row
        })
        .collect();
    // Each leaf's section, then its groups outermost first.
    let chains: Vec<Vec<String>> = items
        .iter()
        .map(|&i| {
            let item = &r.items[i];
            let mut chain = vec![r.sections[item.section].title.clone()];
            chain.extend(
                r.path(item.parent)
                    .iter()
                    .map(|g| format!("{} {}", g.id, g.title)),
            );
            chain
        })
        .collect();
    let depth = chains.iter().map(Vec::len).max().unwrap_or(0);
    let bands = (0..depth)
        .map(|level| chains.iter().map(|c| c.get(level).cloned()).collect())
        .collect();
    let footer = if lang == Lang::Zh {
        // Spread over the columns after 单位 (the items, 合计, 备注: at least three).
        let unit_col = 1;
        let n = items.len() + 2;
        vec![
            (unit_col, msg!("template-footer-scorer").render(lang)),
            (
                first_item + n / 3,
                msg!("template-footer-checker").render(lang),
            ),
            (
                first_item + 2 * n / 3,
                msg!("template-footer-date").render(lang),
            ),
        ]
    } else {
        Vec::new()
    };
    Wide {
        title: msg!("template-wide-title", title = &r.title).render(lang),
        scorer_line: msg!("template-wide-scorer", id = &s.id, name = &s.name).render(lang),
        bands,
        header,
        first_item,
        items,
        rows,
        na,
        footer,
    }
}

/// The word a template offers for an item that does not apply (不涉及, n/a).
pub fn na_word(lang: Lang) -> String {
    msg!("template-na-word").render(lang)
}
