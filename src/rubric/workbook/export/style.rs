//! How the rubric workbook looks: cell formats, cells written as numbers
//! or texts, merged ranges, column widths, row heights and the page.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, Worksheet, XlsxError};

use crate::num::plain;
use crate::tables::style;

/// The cell formats of every sheet.
pub(super) struct Formats {
    pub(super) title: Format,
    pub(super) head: Format,
    pub(super) level: Format,
    pub(super) code: Format,
    pub(super) number: Format,
    pub(super) text: Format,
    pub(super) date: Format,
}

pub(super) fn formats() -> Formats {
    let cell = style::cell().set_font_size(10);
    Formats {
        title: style::title(16).set_text_wrap(),
        head: style::header(cell.clone(), style::HEADER_SHADE),
        level: cell.clone().set_align(FormatAlign::Left).set_text_wrap(),
        code: cell.clone().set_align(FormatAlign::Center),
        number: cell.clone().set_align(FormatAlign::Center),
        text: cell.clone().set_align(FormatAlign::Left).set_text_wrap(),
        date: cell
            .set_align(FormatAlign::Left)
            .set_num_format("yyyy-mm-dd"),
    }
}

/// A decimal as a number cell when a double holds it (15 significant
/// digits, what import reads back), else as its exact text.
pub(super) fn put_number(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    d: Decimal,
    format: &Format,
) -> Result<(), XlsxError> {
    let n = d.normalize();
    let mut digits = n.mantissa().unsigned_abs();
    while digits != 0 && digits % 10 == 0 {
        digits /= 10;
    }
    let significant = digits.checked_ilog10().map_or(1, |l| l + 1);
    match plain(n).parse::<f64>() {
        Ok(v) if significant <= 15 => sheet.write_number_with_format(row, col, v, format)?,
        _ => sheet.write_string_with_format(row, col, plain(n), format)?,
    };
    Ok(())
}

pub(super) fn put_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if text.is_empty() {
        sheet.write_blank(row, col, format)?;
    } else {
        sheet.write_string_with_format(row, col, text, format)?;
    }
    Ok(())
}

/// A cell over rows `first..=last` and columns `c0..=c1`: merged when it
/// covers more than one.
#[allow(clippy::too_many_arguments)]
pub(super) fn put_over(
    sheet: &mut Worksheet,
    first: u32,
    last: u32,
    c0: u16,
    c1: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if first == last && c0 == c1 {
        put_text(sheet, first, c0, text, format)
    } else {
        sheet.merge_range(first, c0, last, c1, text, format)?;
        Ok(())
    }
}

/// A4 (paper 9), margins in inches, page numbers at the foot.
pub(super) fn print_setup(sheet: &mut Worksheet, landscape: bool) {
    crate::tables::sheet::a4_one_page_wide(sheet, landscape);
    sheet.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    sheet.set_print_center_horizontally(true);
    sheet.set_footer(format!("&C{}", crate::text::i18n::tr!("rubric-xlsx-page")));
}

/// Width of 10-point text in column units (the width of a `0` of the
/// default font): a CJK character takes about two, others about one.
pub(super) fn units(text: &str) -> f64 {
    crate::text::width::measure(text, 1.9, 0.95)
}

/// A header row and its column widths.
pub(super) fn heads(
    sheet: &mut Worksheet,
    row: u32,
    names: &[(String, f64)],
    f: &Formats,
) -> Result<(), XlsxError> {
    for (c, (name, w)) in names.iter().enumerate() {
        sheet.write_string_with_format(row, c as u16, name, &f.head)?;
        sheet.set_column_width(c as u16, *w)?;
    }
    Ok(())
}

/// The height in points of a row of `lines` lines of 10-point text.
pub(super) fn height(lines: usize) -> f64 {
    lines as f64 * 13.5 + 4.0
}

/// How many lines `text` takes in a column `width` characters wide, each
/// paragraph wrapped on its own.
pub(super) fn wrapped(text: &str, width: f64) -> usize {
    let room = (width - 1.0).max(1.0);
    text.split('\n')
        .map(|p| ((units(p) / room).ceil() as usize).max(1))
        .sum()
}
