//! The workbook plumbing every template shares: cell formats (labels locked
//! and grey, inputs unlocked and pale yellow), data validation, print setup
//! and protection, and the cells' values.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, ExcelDateTime, Format, FormatAlign, Formula,
    ProtectionOptions, Worksheet, XlsxError,
};

use crate::date::Date;
use crate::model::rubric::Item;
use crate::num::plain;
use crate::tables::style;
use crate::text::i18n::Lang;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// The widest a column is made, in characters.
pub(super) const MAX_WIDTH: f64 = 70.0;

pub(super) use crate::tables::style::{cell_ref, clip, number};

pub(super) fn excel_date(d: Date) -> Result<ExcelDateTime, XlsxError> {
    let y = u16::try_from(d.year).unwrap_or(1900).max(1900);
    ExcelDateTime::from_ymd(y, d.month as u8, d.day as u8)
}

/// A custom validation formula: `condition`, or the cell at `at` holding
/// the n/a word (of the template's language, or `n/a`).
pub(super) fn or_na(condition: &str, at: &str, na: &str) -> String {
    let mut words = vec![na.to_string()];
    if !na.eq_ignore_ascii_case("n/a") {
        words.push("n/a".to_string());
    }
    let words: String = words
        .iter()
        .map(|w| format!(",{at}=\"{}\"", w.replace('"', "\"\"")))
        .collect();
    format!("OR({condition}{words})")
}

/// The validation of a score cell: a number from 0 to the leaf's maximum, or
/// the n/a word (of the template's language, or `n/a`). Excel has no rule
/// that is both a decimal range and a list, so it is a custom formula,
/// written for the first cell of the range (Excel shifts it for the rest).
pub(super) fn score_validation(
    item: &Item,
    row: u32,
    col: u16,
    na: &str,
    lang: Lang,
) -> Result<DataValidation, XlsxError> {
    let at = cell_ref(row, col);
    let max = plain(item.max);
    let formula = or_na(&format!("AND(ISNUMBER({at}),{at}>=0,{at}<={max})"), &at, na);
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
pub(super) fn list_validation(
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
pub(super) fn print_setup(
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

/// A drop-down list written into the rule: a value not in it is refused.
pub(super) fn choice_validation(
    list: &[String],
    input: Message,
    lang: Lang,
) -> Result<DataValidation, XlsxError> {
    let tr = |m: Message| m.render(lang);
    DataValidation::new()
        .allow_list_strings(list)?
        .set_input_message(clip(&tr(input), 255))?
        .set_error_title(clip(&tr(msg!("template-list-error-title")), 32))?
        .set_error_message(clip(&tr(msg!("template-list-error")), 255))
}

/// Protected without a password (so anyone can lift it on purpose):
/// labels stay as written, columns and rows may be resized; a daily sheet
/// may also gain rows.
pub(super) fn protect(sheet: &mut Worksheet, rows: bool) {
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
pub(super) struct Formats {
    pub(super) title: Format,
    pub(super) header: Format,
    pub(super) band: Format,
    pub(super) label: Format,
    pub(super) label_center: Format,
    pub(super) label_number: Format,
    pub(super) label_wrap: Format,
    pub(super) input: Format,
    pub(super) input_text: Format,
    pub(super) input_wrap: Format,
    pub(super) input_date: Format,
    pub(super) total: Format,
    pub(super) plain: Format,
    pub(super) wrap: Format,
    pub(super) bold: Format,
}

impl Formats {
    pub(super) fn new() -> Formats {
        let cell = style::cell();
        let input = style::input();
        Formats {
            title: style::title(14),
            header: style::header(cell.clone(), style::HEADER_SHADE),
            band: style::header(cell.clone(), style::BAND_SHADE),
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

/// Writes `text` over columns `c1..=c2` of a row (one cell needs no merge).
pub(super) fn merged(
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
