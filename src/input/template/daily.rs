//! `template daily --format xlsx`: the daily records' sheet, empty rows
//! under the header with drop-down lists and dates checked against the
//! period.

use rust_xlsxwriter::{DataValidation, DataValidationRule, Worksheet, XlsxError};

use super::book::{Book, build, list_origin};
use super::format::{
    Formats, MAX_WIDTH, choice_validation, clip, excel_date, list_validation, print_setup, protect,
};
use super::reference::{Lists, Reference};
use super::{DAILY_ROWS, heading};
use crate::date::Date;
use crate::input::daily;
use crate::model::catalog::Catalog;
use crate::tables::sheet::Widths;
use crate::text::i18n::Lang;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

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
        write_record_cells(sheet, &f, &mut widths, lang)?;
        let help = daily_help(&start.to_string(), &end.to_string());
        let origin = list_origin(help.len());
        validate_records(sheet, &lists, &instructions, origin, (start, end), lang)?;
        see_record_widths(&mut widths, &lists);
        widths.apply(sheet, MAX_WIDTH)?;
        sheet.set_row_height(0, 20)?;
        sheet.set_freeze_panes(1, 0)?;
        print_setup(sheet, 0, None, lang)?;
        protect(sheet, true);
        book.instructions(&help, Reference::Daily(&lists, rubrics))?;
        book.save()
    })
}

/// The header of the daily records, and `DAILY_ROWS` empty rows of input
/// cells under it.
fn write_record_cells(
    sheet: &mut Worksheet,
    f: &Formats,
    widths: &mut Widths,
    lang: Lang,
) -> Result<(), XlsxError> {
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
    Ok(())
}

/// The checks of the record rows: a date within the period; a unit, item
/// and rule from the lists on the instructions sheet (from row `origin`);
/// a kind and a method as listed; points and a count above 0.
fn validate_records(
    sheet: &mut Worksheet,
    lists: &Lists,
    instructions: &str,
    origin: u32,
    (start, end): (Date, Date),
    lang: Lang,
) -> Result<(), XlsxError> {
    let (first, last) = (1, DAILY_ROWS);
    sheet.add_data_validation(first, 0, last, 0, &date_validation(start, end, lang)?)?;
    // Names the reader also knows (ids, aliases) pass after a warning;
    // kinds and methods only as listed.
    let lenient = |list: &[String], column: usize, input: Message| {
        list_validation(list, instructions, origin, column, lang, input)
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
    let kinds = choice_validation(&lists.kinds, msg!("template-kind-input"), lang)?;
    sheet.add_data_validation(first, 3, last, 3, &kinds)?;
    let points = positive_validation(msg!("template-points-input"), lang)?;
    sheet.add_data_validation(first, 4, last, 4, &points)?;
    let methods = choice_validation(&lists.methods, msg!("template-method-input"), lang)?;
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
    let count = positive_validation(msg!("template-count-input"), lang)?;
    sheet.add_data_validation(first, 8, last, 8, &count)?;
    Ok(())
}

/// A record's date: a day of the period, from `start` to `end`.
pub(super) fn date_validation(
    start: Date,
    end: Date,
    lang: Lang,
) -> Result<DataValidation, XlsxError> {
    let tr = |m: Message| m.render(lang);
    let (from, to) = (start.to_string(), end.to_string());
    DataValidation::new()
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
        ))
}

/// A number above 0 (points, a count).
pub(super) fn positive_validation(input: Message, lang: Lang) -> Result<DataValidation, XlsxError> {
    let tr = |m: Message| m.render(lang);
    DataValidation::new()
        .allow_decimal_number(DataValidationRule::GreaterThan(0.0))
        .set_input_message(clip(&tr(input), 255))?
        .set_error_title(clip(&tr(msg!("template-positive-error-title")), 32))?
        .set_error_message(clip(&tr(msg!("template-positive-error")), 255))
}

/// Room for a date, the lists' longest entries, the numbers and a note.
fn see_record_widths(widths: &mut Widths, lists: &Lists) {
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
}

/// The first day and the last of the rubrics' periods.
pub(super) fn period(catalog: &Catalog, rubrics: &[usize]) -> (Date, Date) {
    let start = rubrics.iter().map(|&r| catalog.rubrics[r].start).min();
    let end = rubrics.iter().map(|&r| catalog.rubrics[r].end).max();
    let fallback = Date {
        year: 2000,
        month: 1,
        day: 1,
    };
    (start.unwrap_or(fallback), end.unwrap_or(fallback))
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
