//! `template adjust`: the review's adjustments to fill (复核调整), one row
//! per change, with the actions, units, lines, scorers and kinds offered
//! as drop-down lists and a withdrawn record's date checked against the
//! period.

use rust_xlsxwriter::{DataValidation, Formula};

use super::book::{Book, build, list_origin};
use super::daily::{date_validation, period, positive_validation};
use super::format::{
    MAX_WIDTH, cell_ref, choice_validation, clip, list_validation, or_na, print_setup, protect,
};
use super::reference::{Lists, Reference};
use super::{heading, na_word, name};
use crate::input::adjust;
use crate::model::catalog::Catalog;
use crate::tables::sheet::Widths;
use crate::text::i18n::{Lang, Message, msg};

/// Rows to fill: a review changes a few lines, not hundreds.
const ROWS: u32 = 100;

/// The actions as a template offers them (改分, 撤销; rescore, withdraw).
pub fn actions(lang: Lang) -> Vec<String> {
    vec![
        name("rescore", "改分", lang),
        name("withdraw", "撤销", lang),
    ]
}

/// The header, as the CSV template writes it.
pub fn header(lang: Lang) -> Vec<String> {
    adjust::COLUMNS
        .iter()
        .map(|c| heading(std::slice::from_ref(c), c.key, lang))
        .collect()
}

/// `template adjust --format xlsx`.
pub fn adjust(catalog: &Catalog, rubrics: &[usize], lang: Lang) -> Result<Vec<u8>, Message> {
    build(|| {
        let mut book = Book::new(catalog, rubrics.to_vec(), lang);
        let sheet_name = book.sheet_name(&msg!("template-sheet-adjust").render(lang));
        let lists = Lists::of(catalog, rubrics, lang);
        let instructions = book.instructions_name.clone();
        let f = book.formats.clone();
        let (start, end) = period(catalog, rubrics);
        let help = vec![
            msg!("template-help-adjust-intro"),
            msg!("template-help-adjust-rescore", na = na_word(lang)),
            msg!("template-help-adjust-withdraw"),
            msg!("template-help-adjust-reason"),
            msg!("template-help-daily-lists"),
            msg!("template-help-save"),
            msg!("template-help-check-adjust"),
        ];
        let origin = list_origin(help.len());
        let sheet = book.workbook.add_worksheet();
        sheet.set_name(&sheet_name)?;
        let mut widths = Widths::default();
        let head = header(lang);
        for (c, h) in head.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, h, &f.header)?;
            widths.see(c, h);
        }
        // unit, item, action, scorer, score, date, kind, points, rule, reason, document
        let formats = [
            &f.input_text,
            &f.input_text,
            &f.input_text,
            &f.input_text,
            &f.input,
            &f.input_date,
            &f.input_text,
            &f.input,
            &f.input_text,
            &f.input_wrap,
            &f.input_text,
        ];
        for row in 1..=ROWS {
            for (c, format) in formats.iter().enumerate() {
                sheet.write_blank(row, c as u16, format)?;
            }
        }
        let lenient = |list: &[String], column: usize, input: Message| {
            list_validation(list, &instructions, origin, column, lang, input)
        };
        let (first, last) = (1, ROWS);
        sheet.add_data_validation(
            first,
            0,
            last,
            0,
            &lenient(&lists.units, 0, msg!("template-unit-input"))?,
        )?;
        if !lists.items.is_empty() {
            sheet.add_data_validation(
                first,
                1,
                last,
                1,
                &lenient(&lists.items, 1, msg!("template-adjust-item-input"))?,
            )?;
        }
        let actions = choice_validation(&actions(lang), msg!("template-action-input"), lang)?;
        sheet.add_data_validation(first, 2, last, 2, &actions)?;
        let scorers = scorer_names(catalog, rubrics, lang);
        let scorer = choice_validation(&scorers, msg!("template-scorer-input"), lang)?;
        sheet.add_data_validation(first, 3, last, 3, &scorer)?;
        sheet.add_data_validation(first, 4, last, 4, &score_validation(&na_word(lang), lang)?)?;
        sheet.add_data_validation(first, 5, last, 5, &date_validation(start, end, lang)?)?;
        let kinds = choice_validation(&lists.kinds, msg!("template-kind-input"), lang)?;
        sheet.add_data_validation(first, 6, last, 6, &kinds)?;
        let points = positive_validation(msg!("template-points-input"), lang)?;
        sheet.add_data_validation(first, 7, last, 7, &points)?;
        if !lists.rules.is_empty() {
            sheet.add_data_validation(
                first,
                8,
                last,
                8,
                &lenient(&lists.rules, 4, msg!("template-rule-input"))?,
            )?;
        }
        for (c, list) in [
            (0, &lists.units),
            (1, &lists.items),
            (3, &scorers),
            (6, &lists.kinds),
            (8, &lists.rules),
        ] {
            for t in list.iter() {
                widths.see(c, t);
            }
        }
        widths.see(5, "0000-00-00");
        widths.see(9, &"0".repeat(30));
        widths.see(10, &"0".repeat(16));
        widths.apply(sheet, MAX_WIDTH)?;
        sheet.set_row_height(0, 20)?;
        sheet.set_freeze_panes(1, 0)?;
        print_setup(sheet, 0, None, lang)?;
        protect(sheet, true);
        book.instructions(&help, Reference::Daily(&lists, rubrics))?;
        book.save()
    })
}

/// The scorers of the rubrics, each once, as the cells will hold them.
fn scorer_names(catalog: &Catalog, rubrics: &[usize], lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &r in rubrics {
        for s in &catalog.rubrics[r].scorers {
            let n = name(&s.id, &s.name, lang);
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

/// A rescore's new score: a number from 0 (the line's max is checked when
/// the table is read), or the n/a word.
fn score_validation(na: &str, lang: Lang) -> Result<DataValidation, rust_xlsxwriter::XlsxError> {
    let at = cell_ref(1, 4);
    let formula = or_na(&format!("AND(ISNUMBER({at}),{at}>=0)"), &at, na);
    let tr = |m: Message| m.render(lang);
    DataValidation::new()
        .allow_custom(Formula::new(formula))
        .set_input_message(clip(&tr(msg!("template-adjust-score-input", na = na)), 255))?
        .set_error_title(clip(&tr(msg!("template-score-error-title")), 32))?
        .set_error_message(clip(&tr(msg!("template-adjust-score-error", na = na)), 255))
}
