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

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties,
    ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, ProtectionOptions, Workbook,
    Worksheet, XlsxError,
};

use crate::date::Date;
use crate::input::{daily, published, scores};
use crate::model::catalog::Catalog;
use crate::model::record::{Kind, Method};
use crate::model::rubric::{Item, Rubric};
use crate::num::plain;
use crate::tables::sheet::{Widths, display_width};
use crate::tables::table::Column;
use crate::text::i18n::Lang;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// Empty rows a daily template offers (more can be inserted: the sheet allows it).
pub mod csv;

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
    /// reader takes as the table's scorer (SPEC 10).
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
        footer,
    }
}

/// The word a template offers for an item that does not apply (不涉及, n/a).
pub fn na_word(lang: Lang) -> String {
    msg!("template-na-word").render(lang)
}

// ---------------------------------------------------------------------------
// Workbooks

/// `template annual --layout long --format xlsx`: one sheet of every part's
/// rows (the sheet a reader of one sheet takes), then the instructions.
pub fn annual_long(catalog: &Catalog, parts: &[Part], lang: Lang) -> Result<Vec<u8>, Message> {
    build(|| {
        let mut book = Book::new(catalog, parts_rubrics(parts), lang);
        let rows = long_rows(catalog, parts);
        let sheet_name = book.sheet_name(&msg!("template-sheet-annual").render(lang));
        let header = [
            heading(scores::COLUMNS, "unit", lang),
            heading(scores::COLUMNS, "item", lang),
            heading(scores::COLUMNS, "scorer", lang),
            msg!("template-col-max").render(lang),
            heading(scores::COLUMNS, "score", lang),
            heading(scores::COLUMNS, "note", lang),
        ];
        let f = book.formats.clone();
        let na = na_word(lang);
        let sheet = book.workbook.add_worksheet();
        sheet.set_name(&sheet_name)?;
        let mut widths = Widths::default();
        for (c, h) in header.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, h, &f.header)?;
            widths.see(c, h);
        }
        for (k, row) in rows.iter().enumerate() {
            let line = 1 + k as u32;
            let r = &catalog.rubrics[row.rubric];
            let (u, item, s) = (
                &r.units[row.unit],
                &r.items[row.item],
                &r.scorers[row.scorer],
            );
            let cells = [
                name(&u.id, &u.name, lang),
                name(&item.id, &item.title, lang),
                name(&s.id, &s.name, lang),
            ];
            for (c, t) in cells.iter().enumerate() {
                sheet.write_string_with_format(line, c as u16, t, &f.label)?;
                widths.see(c, t);
            }
            sheet.write_number_with_format(line, 3, number(item.max), &f.label_number)?;
            sheet.write_blank(line, 4, &f.input)?;
            sheet.write_blank(line, 5, &f.input_text)?;
        }
        // One validation per run of rows of the same leaf (its scorers' rows).
        let mut k = 0;
        while k < rows.len() {
            let leaf = (rows[k].rubric, rows[k].item);
            let item = &catalog.rubrics[leaf.0].items[leaf.1];
            let mut end = k;
            while end + 1 < rows.len() && (rows[end + 1].rubric, rows[end + 1].item) == leaf {
                end += 1;
            }
            let v = score_validation(item, 1 + k as u32, 4, &na, lang)?;
            sheet.add_data_validation(1 + k as u32, 4, 1 + end as u32, 4, &v)?;
            k = end + 1;
        }
        widths.see(3, "0000");
        widths.see(4, "00000000");
        widths.see(5, "0000000000000000");
        widths.apply(sheet, MAX_WIDTH)?;
        sheet.set_row_height(0, 20)?;
        sheet.set_freeze_panes(1, 0)?;
        let last = rows.len() as u32;
        print_setup(sheet, 0, None, lang)?;
        sheet.set_print_area(0, 0, last.max(1), 5)?;
        sheet.set_portrait();
        protect(sheet, false);
        let help = annual_help(false, lang);
        book.instructions(&help, Reference::Items(parts))?;
        book.save()
    })
}

/// `template annual --layout wide --format xlsx`: one sheet per part (a
/// rubric and a scorer), then the instructions.
pub fn annual_wide(catalog: &Catalog, parts: &[Part], lang: Lang) -> Result<Vec<u8>, Message> {
    build(|| {
        let mut book = Book::new(catalog, parts_rubrics(parts), lang);
        let several = parts_rubrics(parts).len() > 1;
        let na = na_word(lang);
        for p in parts {
            let Some(scorer) = p.scorer else { continue };
            let r = &catalog.rubrics[p.rubric];
            let s = &r.scorers[scorer];
            let wanted = if several {
                format!("{} {}", r.id, name(&s.id, &s.name, lang))
            } else {
                name(&s.id, &s.name, lang)
            };
            let sheet_name = book.sheet_name(&wanted);
            let w = wide(catalog, p.rubric, scorer, lang);
            let f = book.formats.clone();
            let sheet = book.workbook.add_worksheet();
            sheet.set_name(&sheet_name)?;
            write_wide(sheet, r, &w, &f, &na, lang)?;
        }
        let help = annual_help(true, lang);
        book.instructions(&help, Reference::Items(parts))?;
        book.save()
    })
}

/// `template daily --format xlsx`: the records' header over empty rows
/// with drop-down lists, dates checked against the period.
pub fn daily(catalog: &Catalog, rubrics: &[usize], lang: Lang) -> Result<Vec<u8>, Message> {
    build(|| {
        let mut book = Book::new(catalog, rubrics.to_vec(), lang);
        let sheet_name = book.sheet_name(&msg!("template-sheet-daily").render(lang));
        let lists = Lists::of(catalog, rubrics, lang);
        let instructions = book.instructions_name.clone();
        let f = book.formats.clone();
        let (start, end) = period(catalog, rubrics);
        let sheet = book.workbook.add_worksheet();
        sheet.set_name(&sheet_name)?;
        let mut widths = Widths::default();
        for (c, col) in daily::COLUMNS.iter().enumerate() {
            let h = heading(std::slice::from_ref(col), col.key, lang);
            sheet.write_string_with_format(0, c as u16, &h, &f.header)?;
            widths.see(c, &h);
        }
        let inputs = [
            &f.input_date,
            &f.input_text,
            &f.input_text,
            &f.input_text,
            &f.input,
            &f.input_text,
            &f.input_wrap,
            &f.input_text,
            &f.input,
        ];
        for row in 1..=DAILY_ROWS {
            for (c, format) in inputs.iter().enumerate() {
                sheet.write_blank(row, c as u16, format)?;
            }
        }
        let (first, last) = (1, DAILY_ROWS);
        let tr = |m: Message| m.render(lang);
        let (from, to) = (start.to_string(), end.to_string());
        let help = daily_help(&from, &to);
        let dates = DataValidation::new()
            .allow_date(DataValidationRule::Between(
                excel_date(start)?,
                excel_date(end)?,
            ))
            .set_input_title(clip(&tr(msg!("template-date-input-title")), 32))?
            .set_input_message(clip(
                &tr(msg!("template-date-input", start = &from, end = &to)),
                255,
            ))?
            .set_error_title(clip(&tr(msg!("template-date-error-title")), 32))?
            .set_error_message(clip(
                &tr(msg!("template-date-error", start = &from, end = &to)),
                255,
            ))?;
        sheet.add_data_validation(first, 0, last, 0, &dates)?;
        // Names the reader also knows (ids, aliases) pass after a warning;
        // kinds and methods only as listed.
        let origin = list_origin(help.len());
        let lenient = |list: &[String], column: usize, input: Message| {
            list_validation(list, &instructions, origin, column, lang, input)
        };
        sheet.add_data_validation(
            first,
            1,
            last,
            1,
            &lenient(&lists.units, 0, msg!("template-unit-input"))?,
        )?;
        if !lists.items.is_empty() {
            sheet.add_data_validation(
                first,
                2,
                last,
                2,
                &lenient(&lists.items, 1, msg!("template-item-input"))?,
            )?;
        }
        let strict = DataValidation::new()
            .allow_list_strings(&lists.kinds)?
            .set_input_message(clip(&tr(msg!("template-kind-input")), 255))?
            .set_error_title(clip(&tr(msg!("template-list-error-title")), 32))?
            .set_error_message(clip(&tr(msg!("template-list-error")), 255))?;
        sheet.add_data_validation(first, 3, last, 3, &strict)?;
        let positive = |input: Message| -> Result<DataValidation, XlsxError> {
            DataValidation::new()
                .allow_decimal_number(DataValidationRule::GreaterThan(0.0))
                .set_input_message(clip(&tr(input), 255))?
                .set_error_title(clip(&tr(msg!("template-positive-error-title")), 32))?
                .set_error_message(clip(&tr(msg!("template-positive-error")), 255))
        };
        sheet.add_data_validation(first, 4, last, 4, &positive(msg!("template-points-input"))?)?;
        let methods = DataValidation::new()
            .allow_list_strings(&lists.methods)?
            .set_input_message(clip(&tr(msg!("template-method-input")), 255))?
            .set_error_title(clip(&tr(msg!("template-list-error-title")), 32))?
            .set_error_message(clip(&tr(msg!("template-list-error")), 255))?;
        sheet.add_data_validation(first, 5, last, 5, &methods)?;
        if !lists.rules.is_empty() {
            sheet.add_data_validation(
                first,
                7,
                last,
                7,
                &lenient(&lists.rules, 4, msg!("template-rule-input"))?,
            )?;
        }
        sheet.add_data_validation(first, 8, last, 8, &positive(msg!("template-count-input"))?)?;
        widths.see(0, "0000-00-00");
        for (c, list) in [
            (1, &lists.units),
            (2, &lists.items),
            (3, &lists.kinds),
            (5, &lists.methods),
            (7, &lists.rules),
        ] {
            for t in list.iter() {
                widths.see(c, t);
            }
        }
        widths.see(4, "000000");
        widths.see(6, &"0".repeat(40));
        widths.see(8, "000000");
        widths.apply(sheet, MAX_WIDTH)?;
        sheet.set_row_height(0, 20)?;
        sheet.set_freeze_panes(1, 0)?;
        print_setup(sheet, 0, None, lang)?;
        protect(sheet, true);
        book.instructions(&help, Reference::Daily(&lists, rubrics))?;
        book.save()
    })
}

/// `template published --format xlsx`: the roster, with the total, grade
/// and rank to fill.
pub fn published(catalog: &Catalog, rubrics: &[usize], lang: Lang) -> Result<Vec<u8>, Message> {
    build(|| {
        let mut book = Book::new(catalog, rubrics.to_vec(), lang);
        let sheet_name = book.sheet_name(&msg!("template-sheet-published").render(lang));
        let f = book.formats.clone();
        let tr = |m: Message| m.render(lang);
        let sheet = book.workbook.add_worksheet();
        sheet.set_name(&sheet_name)?;
        let mut widths = Widths::default();
        for (c, col) in published::COLUMNS.iter().enumerate() {
            let h = heading(std::slice::from_ref(col), col.key, lang);
            sheet.write_string_with_format(0, c as u16, &h, &f.header)?;
            widths.see(c, &h);
        }
        let mut line = 1u32;
        for &ri in rubrics {
            let r = &catalog.rubrics[ri];
            let first = line;
            for u in &r.units {
                let t = name(&u.id, &u.name, lang);
                sheet.write_string_with_format(line, 0, &t, &f.label)?;
                widths.see(0, &t);
                sheet.write_blank(line, 1, &f.input)?;
                sheet.write_blank(line, 2, &f.input_text)?;
                sheet.write_blank(line, 3, &f.input)?;
                line += 1;
            }
            if line == first {
                continue;
            }
            let last = line - 1;
            let scale = plain(r.total);
            let total = DataValidation::new()
                .allow_decimal_number(DataValidationRule::Between(0.0, number(r.total)))
                .set_input_message(clip(&tr(msg!("template-total-input", max = &scale)), 255))?
                .set_error_title(clip(&tr(msg!("template-score-error-title")), 32))?
                .set_error_message(clip(&tr(msg!("template-total-error", max = &scale)), 255))?;
            sheet.add_data_validation(first, 1, last, 1, &total)?;
            let grades: Vec<String> = r
                .grades
                .iter()
                .map(|g| name(&g.id, &g.label, lang))
                .collect();
            let grade = DataValidation::new()
                .allow_list_strings(&grades)?
                .set_input_message(clip(&tr(msg!("template-grade-input")), 255))?
                .set_error_title(clip(&tr(msg!("template-list-error-title")), 32))?
                .set_error_message(clip(&tr(msg!("template-list-error")), 255))?;
            sheet.add_data_validation(first, 2, last, 2, &grade)?;
            let count = i32::try_from(r.units.len()).unwrap_or(i32::MAX);
            let rank = DataValidation::new()
                .allow_whole_number(DataValidationRule::Between(1, count))
                .set_input_message(clip(&tr(msg!("template-rank-input", count = count)), 255))?
                .set_error_title(clip(&tr(msg!("template-rank-error-title")), 32))?
                .set_error_message(clip(&tr(msg!("template-rank-error", count = count)), 255))?;
            sheet.add_data_validation(first, 3, last, 3, &rank)?;
        }
        widths.see(1, "00000000");
        widths.see(2, "00000000");
        widths.see(3, "000000");
        widths.apply(sheet, MAX_WIDTH)?;
        sheet.set_freeze_panes(1, 0)?;
        print_setup(sheet, 0, None, lang)?;
        sheet.set_portrait();
        protect(sheet, false);
        book.save()
    })
}

// ---------------------------------------------------------------------------
// The parts of a workbook

fn build(f: impl FnOnce() -> Result<Vec<u8>, XlsxError>) -> Result<Vec<u8>, Message> {
    f().map_err(|e| msg!("xlsx-cannot-build", reason = e.to_string()))
}

fn parts_rubrics(parts: &[Part]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for p in parts {
        if !out.contains(&p.rubric) {
            out.push(p.rubric);
        }
    }
    out
}

/// The nearest double to an exact decimal (all a cell can hold).
fn number(d: rust_decimal::Decimal) -> f64 {
    plain(d).parse().unwrap_or(0.0)
}

fn excel_date(d: Date) -> Result<ExcelDateTime, XlsxError> {
    let y = u16::try_from(d.year).unwrap_or(1900).max(1900);
    ExcelDateTime::from_ymd(y, d.month as u8, d.day as u8)
}

/// The first day and the last of the rubrics' periods.
fn period(catalog: &Catalog, rubrics: &[usize]) -> (Date, Date) {
    let start = rubrics.iter().map(|&r| catalog.rubrics[r].start).min();
    let end = rubrics.iter().map(|&r| catalog.rubrics[r].end).max();
    let fallback = Date {
        year: 2000,
        month: 1,
        day: 1,
    };
    (start.unwrap_or(fallback), end.unwrap_or(fallback))
}

/// At most `n` UTF-16 units (Excel's limits on validation titles and messages).
fn clip(text: &str, n: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        used += c.len_utf16();
        if used > n {
            break;
        }
        out.push(c);
    }
    out
}

/// A1 reference of a cell, relative (`E2`).
fn cell_ref(row: u32, col: u16) -> String {
    format!(
        "{}{}",
        crate::model::source::column_letters(col as usize + 1),
        row + 1
    )
}

/// The validation of a score cell: a number from 0 to the leaf's maximum, or
/// the n/a word (of the template's language, or `n/a`). Excel has no rule
/// that is both a decimal range and a list, so it is a custom formula,
/// written for the first cell of the range (Excel shifts it for the rest).
fn score_validation(
    item: &Item,
    row: u32,
    col: u16,
    na: &str,
    lang: Lang,
) -> Result<DataValidation, XlsxError> {
    let at = cell_ref(row, col);
    let max = plain(item.max);
    let mut words = vec![na.to_string()];
    if !na.eq_ignore_ascii_case("n/a") {
        words.push("n/a".to_string());
    }
    let words: String = words
        .iter()
        .map(|w| format!(",{at}=\"{}\"", w.replace('"', "\"\"")))
        .collect();
    let formula = format!("OR(AND(ISNUMBER({at}),{at}>=0,{at}<={max}){words})");
    let tr = |m: Message| m.render(lang);
    DataValidation::new()
        .allow_custom(Formula::new(formula))
        .set_input_title(clip(
            &tr(msg!(
                "template-score-input-title",
                id = &item.id,
                max = &max
            )),
            32,
        ))?
        .set_input_message(clip(
            &tr(msg!(
                "template-score-input",
                title = &item.title,
                max = &max,
                na = na
            )),
            255,
        ))?
        .set_error_title(clip(&tr(msg!("template-score-error-title")), 32))?
        .set_error_message(clip(
            &tr(msg!(
                "template-score-error",
                title = &item.title,
                max = &max,
                na = na
            )),
            255,
        ))
}

/// A drop-down list read from a column of the instructions sheet (Excel
/// allows only 255 characters in a list written into the rule). A value
/// not in the list passes after a warning: the reader also knows ids,
/// titles and aliases.
fn list_validation(
    list: &[String],
    instructions: &str,
    origin: u32,
    column: usize,
    lang: Lang,
    input: Message,
) -> Result<DataValidation, XlsxError> {
    let col = crate::model::source::column_letters(column + 1);
    let (first, last) = (origin + 2, origin + 1 + list.len() as u32);
    let sheet = instructions.replace('\'', "''");
    let source = format!("='{sheet}'!${col}${first}:${col}${last}");
    let tr = |m: Message| m.render(lang);
    DataValidation::new()
        .allow_list_formula(Formula::new(source))
        .set_input_message(clip(&tr(input), 255))?
        .set_error_style(DataValidationErrorStyle::Warning)
        .set_error_title(clip(&tr(msg!("template-list-warning-title")), 32))?
        .set_error_message(clip(&tr(msg!("template-list-warning")), 255))
}

/// Landscape A4, one page wide, the rows above `header` (and the columns
/// before `lead`) on every page, the page footer of the catalog.
fn print_setup(
    sheet: &mut Worksheet,
    header: u32,
    lead: Option<u16>,
    lang: Lang,
) -> Result<(), XlsxError> {
    crate::tables::sheet::a4_one_page_wide(sheet, true);
    sheet.set_repeat_rows(0, header)?;
    if let Some(lead) = lead {
        sheet.set_repeat_columns(0, lead)?;
    }
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_print_center_horizontally(true);
    sheet.set_footer(msg!("template-print-footer").render(lang));
    Ok(())
}

/// Protected without a password (so anyone can lift it on purpose):
/// labels stay as written, columns and rows may be resized; a daily sheet
/// may also gain rows.
fn protect(sheet: &mut Worksheet, rows: bool) {
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        insert_rows: rows,
        delete_rows: rows,
        sort: rows,
        ..ProtectionOptions::new()
    };
    sheet.protect_with_options(&options);
}

/// The formats of every sheet: labels locked and grey, inputs unlocked and
/// pale yellow.
#[derive(Clone)]
struct Formats {
    title: Format,
    header: Format,
    band: Format,
    label: Format,
    label_center: Format,
    label_number: Format,
    label_wrap: Format,
    input: Format,
    input_text: Format,
    input_wrap: Format,
    input_date: Format,
    total: Format,
    plain: Format,
    wrap: Format,
    bold: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        let input = cell
            .clone()
            .set_unlocked()
            .set_background_color(Color::RGB(0xFFF2CC));
        Formats {
            title: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            header: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0xF2F2F2)),
            band: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0xDDEBF7)),
            label: cell.clone(),
            label_center: cell.clone().set_align(FormatAlign::Center),
            label_number: cell.clone().set_align(FormatAlign::Center),
            label_wrap: cell.clone().set_text_wrap(),
            input: input.clone().set_align(FormatAlign::Center),
            input_text: input.clone(),
            input_wrap: input.clone().set_text_wrap(),
            input_date: input.set_num_format("yyyy-mm-dd"),
            total: cell.set_align(FormatAlign::Center),
            plain: Format::new(),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            bold: Format::new().set_bold(),
        }
    }
}

/// A workbook being written, with the rubrics it is for.
struct Book<'c> {
    workbook: Workbook,
    catalog: &'c Catalog,
    rubrics: Vec<usize>,
    lang: Lang,
    taken: Vec<String>,
    formats: Formats,
    instructions_name: String,
}

impl<'c> Book<'c> {
    fn new(catalog: &'c Catalog, rubrics: Vec<usize>, lang: Lang) -> Book<'c> {
        let mut workbook = Workbook::new();
        let title = rubrics
            .iter()
            .map(|&r| catalog.rubrics[r].title.as_str())
            .collect::<Vec<_>>()
            .join(" / ");
        workbook.set_properties(&properties(catalog, &rubrics, &title));
        let instructions_name = msg!("template-sheet-instructions").render(lang);
        Book {
            workbook,
            catalog,
            rubrics,
            lang,
            // Reserved, so no data sheet takes the instructions' name.
            taken: vec![instructions_name.clone()],
            formats: Formats::new(),
            instructions_name,
        }
    }

    /// A sheet name: at most 31 characters, none of `[]:*?/\`, unique.
    fn sheet_name(&mut self, wanted: &str) -> String {
        let clean: String = wanted
            .chars()
            .filter(|c| !"[]:*?/\\'".contains(*c))
            .take(28)
            .collect();
        let clean = clean.trim().to_string();
        let mut name = if clean.is_empty() {
            "sheet".to_string()
        } else {
            clean
        };
        let base = name.clone();
        let mut n = 2;
        while self
            .taken
            .iter()
            .any(|t| t.to_lowercase() == name.to_lowercase())
        {
            name = format!("{base}-{n}");
            n += 1;
        }
        self.taken.push(name.clone());
        name
    }

    fn save(&mut self) -> Result<Vec<u8>, XlsxError> {
        self.workbook.save_to_buffer()
    }

    /// The instructions sheet: its title, the lines of `help`, then the
    /// reference tables from row `list_origin(help.len())`: the items and
    /// their criteria, or the drop-down lists and the rules.
    fn instructions(&mut self, help: &[Message], reference: Reference) -> Result<(), XlsxError> {
        let lang = self.lang;
        let tr = |m: Message| m.render(lang);
        let f = self.formats.clone();
        let catalog = self.catalog;
        let title = self
            .rubrics
            .iter()
            .map(|&r| catalog.rubrics[r].title.as_str())
            .collect::<Vec<_>>()
            .join(" / ");
        let sheet = self.workbook.add_worksheet();
        sheet.set_name(&self.instructions_name)?;
        let origin = list_origin(help.len());
        let widths = match reference {
            Reference::Items(parts) => items_reference(sheet, catalog, parts, origin, &f, lang)?,
            Reference::Daily(lists, rubrics) => {
                let below = lists_reference(sheet, lists, origin, &f, lang)?;
                let mut widths = rules_reference(sheet, catalog, rubrics, below + 1, &f, lang)?;
                for (c, list) in [
                    &lists.units,
                    &lists.items,
                    &lists.kinds,
                    &lists.methods,
                    &lists.rules,
                ]
                .iter()
                .enumerate()
                {
                    for t in list.iter() {
                        widths.see(c, t);
                    }
                }
                widths
            }
        };
        let last_col = (widths.0.len().max(1) - 1) as u16;
        let total: f64 = widths.0.iter().map(|w| w.min(MAX_WIDTH)).sum();
        merged(
            sheet,
            0,
            0,
            last_col,
            &tr(msg!("template-help-title", title = &title)),
            &f.title,
        )?;
        sheet.set_row_height(0, 30)?;
        for (k, line) in help.iter().enumerate() {
            let row = 2 + k as u32;
            let text = tr(msg!("template-help-line", n = k + 1, text = line.clone()));
            merged(sheet, row, 0, last_col, &text, &f.wrap)?;
            sheet.set_row_height(
                row,
                16.0 * (display_width(&text) / (total * 1.1)).ceil().max(1.0),
            )?;
        }
        widths.apply(sheet, MAX_WIDTH)?;
        crate::tables::sheet::a4_one_page_wide(sheet, true);
        sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
        protect(sheet, false);
        Ok(())
    }
}

/// Writes `text` over columns `c1..=c2` of a row (one cell needs no merge).
fn merged(
    sheet: &mut Worksheet,
    row: u32,
    c1: u16,
    c2: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if c1 >= c2 {
        sheet.write_string_with_format(row, c1, text, format)?;
    } else {
        sheet.merge_range(row, c1, row, c2, text, format)?;
    }
    Ok(())
}

/// The row (index) of the first reference table of an instructions sheet
/// with `lines` lines: its title, a blank row, the lines, a blank row.
fn list_origin(lines: usize) -> u32 {
    3 + lines as u32
}

/// What the instructions sheet lists below its lines.
enum Reference<'a> {
    /// The leaves of an annual template, with their criteria.
    Items(&'a [Part]),
    /// The daily template's drop-down lists and the rules of the rubrics.
    Daily(&'a Lists, &'a [usize]),
}

/// The daily template's lists, as the cells will hold them.
struct Lists {
    units: Vec<String>,
    items: Vec<String>,
    kinds: Vec<String>,
    methods: Vec<String>,
    /// Rule ids, each once (a rule is found within the record's item).
    rules: Vec<String>,
}

impl Lists {
    fn of(catalog: &Catalog, rubrics: &[usize], lang: Lang) -> Lists {
        let mut units = Vec::new();
        let mut items = Vec::new();
        let mut rules = Vec::new();
        let push = |list: &mut Vec<String>, t: String| {
            if !list.contains(&t) {
                list.push(t);
            }
        };
        for &ri in rubrics {
            let r = &catalog.rubrics[ri];
            for u in &r.units {
                push(&mut units, name(&u.id, &u.name, lang));
            }
            for i in &r.items {
                push(&mut items, name(&i.id, &i.title, lang));
            }
            for rule in &r.rules {
                push(&mut rules, rule.id.clone());
            }
        }
        let kinds = [Kind::Deduct, Kind::Add, Kind::Veto]
            .iter()
            .map(|k| name(k.id(), k.label(), lang))
            .collect();
        let methods = [
            Method::DailyRecord,
            Method::SpotCheck,
            Method::SpecialInspection,
            Method::OnlineEvaluation,
            Method::MaterialFiling,
        ]
        .iter()
        .map(|m| name(m.id(), m.label(), lang))
        .collect();
        Lists {
            units,
            items,
            kinds,
            methods,
            rules,
        }
    }
}

/// The lists the drop-downs read, one column each from A, headed on row
/// `origin`; returns the row after the longest.
fn lists_reference(
    sheet: &mut Worksheet,
    lists: &Lists,
    origin: u32,
    f: &Formats,
    lang: Lang,
) -> Result<u32, XlsxError> {
    let columns = [
        (heading(scores::COLUMNS, "unit", lang), &lists.units),
        (heading(scores::COLUMNS, "item", lang), &lists.items),
        (heading(daily::COLUMNS, "kind", lang), &lists.kinds),
        (heading(daily::COLUMNS, "method", lang), &lists.methods),
        (heading(daily::COLUMNS, "rule", lang), &lists.rules),
    ];
    let mut below = origin + 1;
    for (col, (heading, list)) in columns.iter().enumerate() {
        sheet.write_string_with_format(origin, col as u16, heading, &f.header)?;
        for (n, t) in list.iter().enumerate() {
            sheet.write_string_with_format(origin + 1 + n as u32, col as u16, t, &f.label)?;
        }
        below = below.max(origin + 1 + list.len() as u32);
    }
    Ok(below)
}

/// A reference table: a bold heading, a header row, rows of cells (text,
/// or a number), each rubric's rows under its title when there are
/// several. Returns the column widths it needs.
fn reference_table(
    sheet: &mut Worksheet,
    mut row: u32,
    heading: &str,
    header: &[String],
    groups: &[(String, Vec<Vec<RefCell>>)],
    widths: &[f64],
    f: &Formats,
) -> Result<Widths, XlsxError> {
    let last_col = (header.len() - 1) as u16;
    sheet.write_string_with_format(row, 0, heading, &f.bold)?;
    row += 1;
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(row, c as u16, h, &f.header)?;
    }
    row += 1;
    let mut w = Widths(widths.to_vec());
    for (title, rows) in groups {
        if groups.len() > 1 {
            merged(sheet, row, 0, last_col, title, &f.band)?;
            row += 1;
        }
        for cells in rows {
            let mut lines = 1.0f64;
            for (c, cell) in cells.iter().enumerate() {
                match cell {
                    RefCell::Text(t) => {
                        sheet.write_string_with_format(row, c as u16, t, &f.label_wrap)?;
                        // A column holds a little more than its width in
                        // characters: estimate lines on the generous side.
                        let room = 1.05 * widths.get(c).copied().unwrap_or(10.0);
                        lines = lines.max((display_width(t) / room).ceil());
                    }
                    RefCell::Number(d) => {
                        sheet.write_number_with_format(
                            row,
                            c as u16,
                            number(*d),
                            &f.label_center,
                        )?;
                    }
                    RefCell::Empty => {
                        sheet.write_blank(row, c as u16, &f.label)?;
                    }
                }
            }
            sheet.set_row_height(row, (15.0 * lines).min(400.0))?;
            row += 1;
        }
    }
    for (c, h) in header.iter().enumerate() {
        w.see(c, h);
    }
    Ok(w)
}

/// A cell of a reference table.
enum RefCell {
    Text(String),
    Number(rust_decimal::Decimal),
    Empty,
}

/// The rules of the rubrics: leaf, rule id, text, kind, points per
/// instance, cap.
fn rules_reference(
    sheet: &mut Worksheet,
    catalog: &Catalog,
    rubrics: &[usize],
    row: u32,
    f: &Formats,
    lang: Lang,
) -> Result<Widths, XlsxError> {
    let tr = |m: Message| m.render(lang);
    let widths = [12.0, 24.0, 14.0, 60.0, 10.0, 10.0, 8.0];
    let header = [
        tr(msg!("template-ref-id")),
        heading(scores::COLUMNS, "item", lang),
        heading(daily::COLUMNS, "rule", lang),
        tr(msg!("template-ref-rule-text")),
        heading(daily::COLUMNS, "kind", lang),
        tr(msg!("template-ref-points")),
        tr(msg!("template-ref-cap")),
    ];
    let groups: Vec<(String, Vec<Vec<RefCell>>)> = rubrics
        .iter()
        .map(|&ri| {
            let r = &catalog.rubrics[ri];
            let rows = r
                .rules
                .iter()
                .map(|rule| {
                    let item = &r.items[rule.item];
                    vec![
                        RefCell::Text(item.id.clone()),
                        RefCell::Text(item.title.clone()),
                        RefCell::Text(rule.id.clone()),
                        RefCell::Text(rule.text.clone()),
                        RefCell::Text(name(rule.kind.id(), rule.kind.record_kind().label(), lang)),
                        RefCell::Number(rule.points),
                        rule.max.map_or(RefCell::Empty, RefCell::Number),
                    ]
                })
                .collect();
            (r.title.clone(), rows)
        })
        .filter(|(_, rows): &(String, Vec<Vec<RefCell>>)| !rows.is_empty())
        .collect();
    if groups.is_empty() {
        return Ok(Widths(widths.to_vec()));
    }
    reference_table(
        sheet,
        row,
        &tr(msg!("template-help-rules")),
        &header,
        &groups,
        &widths,
        f,
    )
}

/// The leaves of an annual template: id, indicator (with its section and
/// groups), maximum, scorers and weights, criteria.
fn items_reference(
    sheet: &mut Worksheet,
    catalog: &Catalog,
    parts: &[Part],
    row: u32,
    f: &Formats,
    lang: Lang,
) -> Result<Widths, XlsxError> {
    let tr = |m: Message| m.render(lang);
    let widths = [10.0, 32.0, 8.0, 28.0, 70.0];
    let header = [
        tr(msg!("template-ref-id")),
        tr(msg!("template-ref-item")),
        tr(msg!("template-col-max")),
        heading(scores::COLUMNS, "scorer", lang),
        tr(msg!("template-ref-criteria")),
    ];
    let mut groups: Vec<(String, Vec<Vec<RefCell>>)> = Vec::new();
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for p in parts {
        let r = &catalog.rubrics[p.rubric];
        let mut rows = Vec::new();
        for i in leaves(r, p.scorer) {
            if seen.contains(&(p.rubric, i)) {
                continue;
            }
            seen.push((p.rubric, i));
            let item = &r.items[i];
            let scorers = item
                .scorers
                .iter()
                .map(|w| {
                    let s = &r.scorers[w.scorer];
                    tr(msg!(
                        "template-ref-weight",
                        name = name(&s.id, &s.name, lang),
                        weight = plain(w.weight)
                    ))
                })
                .collect::<Vec<_>>()
                .join(&tr(msg!("template-ref-separator")));
            let path = std::iter::once(r.sections[item.section].title.clone())
                .chain(r.path(item.parent).iter().map(|g| g.title.clone()))
                .chain(std::iter::once(item.title.clone()))
                .collect::<Vec<_>>()
                .join(" › ");
            rows.push(vec![
                RefCell::Text(item.id.clone()),
                RefCell::Text(path),
                RefCell::Number(item.max),
                RefCell::Text(scorers),
                item.criteria
                    .as_ref()
                    .map_or(RefCell::Empty, |c| RefCell::Text(c.clone())),
            ]);
        }
        match groups.iter_mut().find(|(t, _)| *t == r.title) {
            Some((_, existing)) => existing.extend(rows),
            None => groups.push((r.title.clone(), rows)),
        }
    }
    reference_table(
        sheet,
        row,
        &tr(msg!("template-help-items")),
        &header,
        &groups,
        &widths,
        f,
    )
}

/// The lines of an annual template's instructions.
fn annual_help(wide: bool, lang: Lang) -> Vec<Message> {
    let na = na_word(lang);
    let mut lines = vec![
        msg!("template-help-annual-intro"),
        msg!("template-help-annual-fill", na = &na),
    ];
    if wide {
        lines.push(msg!("template-help-wide-scorer"));
        lines.push(msg!("template-help-wide-total"));
    } else {
        lines.push(msg!("template-help-long-rows"));
    }
    lines.extend([
        msg!("template-help-note"),
        msg!("template-help-locked"),
        msg!("template-help-save"),
        msg!("template-help-check-annual"),
    ]);
    lines
}

/// The lines of a daily template's instructions.
fn daily_help(start: &str, end: &str) -> Vec<Message> {
    vec![
        msg!("template-help-daily-intro"),
        msg!("template-help-daily-fill", start = start, end = end),
        msg!("template-help-daily-kind"),
        msg!("template-help-daily-rule"),
        msg!("template-help-daily-lists"),
        msg!("template-help-locked"),
        msg!("template-help-save"),
        msg!("template-help-check-daily"),
    ]
}

/// A wide sheet: title block, bands of section and group titles, header,
/// one row per unit, the signature row; validation, protection, printing.
fn write_wide(
    sheet: &mut Worksheet,
    r: &Rubric,
    w: &Wide,
    f: &Formats,
    na: &str,
    lang: Lang,
) -> Result<(), XlsxError> {
    let last_col = (w.header.len() - 1) as u16;
    // Formulas without a cached value (`""`, not 0): a template that no
    // spreadsheet has computed reads as if 合计 were empty, and LibreOffice
    // computes them on opening.
    sheet.set_formula_result_default("");
    merged(sheet, 0, 0, last_col, &w.title, &f.title)?;
    sheet.set_row_height(0, 30)?;
    // The scorer's cell, alone in its row's first cells (merged, so it shows whole).
    let scorer_end = (w.first_item as u16).max(2).min(last_col);
    merged(sheet, 1, 0, scorer_end, &w.scorer_line, &f.bold)?;
    let date_col = (scorer_end + 1).max(last_col.saturating_sub(2));
    if date_col > scorer_end && date_col <= last_col {
        merged(
            sheet,
            1,
            date_col,
            last_col,
            &msg!("template-date-line").render(lang),
            &f.plain,
        )?;
    }
    let mut row = 2u32;
    for band in &w.bands {
        // The cells over the leading and trailing columns stay empty, bordered.
        for c in 0..=last_col {
            sheet.write_blank(row, c, &f.band)?;
        }
        let mut k = 0;
        while k < band.len() {
            let mut end = k;
            while end + 1 < band.len() && band[end + 1].is_some() && band[end + 1] == band[k] {
                end += 1;
            }
            if let Some(text) = &band[k] {
                let (c1, c2) = ((w.first_item + k) as u16, (w.first_item + end) as u16);
                merged(sheet, row, c1, c2, text, &f.band)?;
            }
            k = end + 1;
        }
        sheet.set_row_height(row, 30)?;
        row += 1;
    }
    let header_row = row;
    let mut widths = Widths::default();
    let mut tallest = 1.0f64;
    for (c, h) in w.header.iter().enumerate() {
        sheet.write_string_with_format(header_row, c as u16, h, &f.header)?;
        let is_item = (w.first_item..w.total_col()).contains(&c);
        if is_item {
            tallest = tallest.max((display_width(h) / (ITEM_WIDTH - 2.0)).ceil());
        } else {
            widths.see(c, h);
        }
    }
    sheet.set_row_height(header_row, (16.0 * tallest).min(160.0))?;
    let first_row = header_row + 1;
    for (k, cells) in w.rows.iter().enumerate() {
        let line = first_row + k as u32;
        // Room to write by hand on a printed sheet.
        sheet.set_row_height(line, 20)?;
        for (c, t) in cells.iter().enumerate() {
            let format = if c == 0 { &f.label_center } else { &f.label };
            if c == 0 {
                sheet.write_number_with_format(line, 0, (k + 1) as f64, format)?;
            } else {
                sheet.write_string_with_format(line, c as u16, t, format)?;
            }
            widths.see(c, t);
        }
        for c in w.first_item..w.total_col() {
            sheet.write_blank(line, c as u16, &f.input)?;
        }
        let (a, b) = (
            cell_ref(line, w.first_item as u16),
            cell_ref(line, (w.total_col() - 1) as u16),
        );
        // No cached value: until a spreadsheet computes it the reader sees
        // an empty check cell and ignores it.
        sheet.write_formula_with_format(
            line,
            w.total_col() as u16,
            Formula::new(format!("SUM({a}:{b})")),
            &f.total,
        )?;
        sheet.write_blank(line, w.total_col() as u16 + 1, &f.input_wrap)?;
    }
    let last_row = first_row + w.rows.len().max(1) as u32 - 1;
    if !w.rows.is_empty() {
        for (k, &i) in w.items.iter().enumerate() {
            let col = (w.first_item + k) as u16;
            let v = score_validation(&r.items[i], first_row, col, na, lang)?;
            sheet.add_data_validation(first_row, col, last_row, col, &v)?;
        }
    }
    let mut print_last = last_row;
    if !w.footer.is_empty() {
        let footer_row = last_row + 2;
        for (c, t) in &w.footer {
            sheet.write_string_with_format(footer_row, *c as u16, t, &f.plain)?;
        }
        sheet.set_row_height(footer_row, 24)?;
        print_last = footer_row;
    }
    widths.see(0, "0000");
    for c in w.first_item..w.total_col() {
        widths.0.resize(widths.0.len().max(c + 1), 6.0);
        widths.0[c] = ITEM_WIDTH;
    }
    widths.see(w.total_col(), "0000000");
    widths.see(w.total_col() + 1, &"0".repeat(20));
    widths.apply(sheet, MAX_WIDTH)?;
    sheet.set_freeze_panes(first_row, w.first_item as u16)?;
    print_setup(sheet, header_row, Some(w.first_item as u16 - 1), lang)?;
    sheet.set_print_area(0, 0, print_last, last_col)?;
    protect(sheet, false);
    Ok(())
}

/// Width of an item column, in characters: four Chinese characters a line.
const ITEM_WIDTH: f64 = 11.0;

/// Fixed document properties (title, author, dates at the end of the
/// period rather than now), so the same inputs give the same bytes.
fn properties(catalog: &Catalog, rubrics: &[usize], title: &str) -> DocProperties {
    let end = rubrics.iter().map(|&r| catalog.rubrics[r].end).max();
    let date = end
        .and_then(|d| excel_date(d).ok())
        .or_else(|| ExcelDateTime::from_ymd(2000, 1, 1).ok());
    let props = DocProperties::new().set_title(title).set_author("assess");
    match date {
        Some(d) => props.set_creation_datetime(&d),
        None => props,
    }
}

/// The widest a column is made, in characters.
const MAX_WIDTH: f64 = 70.0;
