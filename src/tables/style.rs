//! How every workbook the tool writes looks: one vocabulary of cell formats
//! (a bordered cell, a title, a shaded header, an input cell), the number
//! formats of scores and the conversion of decimals to spreadsheet numbers,
//! so the results workbook, the templates, the feedback lists and the rubric
//! workbook are drawn alike; and text cut to Excel's limits on a validation's
//! words.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

/// The grey of header rows.
pub const HEADER_SHADE: u32 = 0xF2F2F2;
/// The darker grey of the feedback list's header (it is printed).
pub const PRINT_HEADER_SHADE: u32 = 0xD9D9D9;
/// The blue of a band of section titles over a header.
pub const BAND_SHADE: u32 = 0xDDEBF7;
/// The pale yellow of cells to fill in.
pub const INPUT_SHADE: u32 = 0xFFF2CC;

/// A table cell: thin border, text centred vertically.
pub fn cell() -> Format {
    Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
}

/// A sheet's title: bold, `size` points, centred both ways.
pub fn title(size: u16) -> Format {
    Format::new()
        .set_bold()
        .set_font_size(size)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
}

/// A header cell over `cell`: bold, centred, wrapped, shaded.
pub fn header(cell: Format, shade: u32) -> Format {
    cell.set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_background_color(Color::RGB(shade))
}

/// A cell to fill in: unlocked on a protected sheet, pale yellow.
pub fn input() -> Format {
    cell()
        .set_unlocked()
        .set_background_color(Color::RGB(INPUT_SHADE))
}

/// The number format of a score with `dp` places (`0.00`), followed by a
/// literal mark when given (`0.00"*"` for a rescaled total).
pub fn decimals(dp: u32, mark: &str) -> String {
    let mut f = if dp == 0 {
        "0".to_string()
    } else {
        format!("0.{}", "0".repeat(dp as usize))
    };
    if !mark.is_empty() {
        f.push('"');
        f.push_str(mark);
        f.push('"');
    }
    f
}

/// A decimal as a spreadsheet number (what the cell shows is its exact
/// text at the format's places).
pub fn number(d: Decimal) -> f64 {
    crate::num::plain(d).parse().unwrap_or(0.0)
}

/// At most `n` UTF-16 units (Excel's limits on validation titles and messages).
pub fn clip(text: &str, n: usize) -> String {
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
pub fn cell_ref(row: u32, col: u16) -> String {
    format!(
        "{}{}",
        crate::model::source::column_letters(col as usize + 1),
        row + 1
    )
}
