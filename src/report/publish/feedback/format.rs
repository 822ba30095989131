//! The ledger's cell formats (SimSun as a GB2312 font on every cell), its
//! columns and their widths, and row heights sized to their wrapped text.

use rust_xlsxwriter::{Format, FormatAlign};

use crate::model::ledger::Role;
use crate::tables::style;

/// The font of every cell: SimSun (宋体), a GB2312 font (charset 134,
/// family 3 as Excel writes it), so that Chinese is never shown in a
/// Japanese face by a spreadsheet guessing the script.
pub(super) const FONT: &str = "SimSun";
pub(super) const GB2312: u8 = 134;
const MODERN: u8 = 3;

/// A format in the ledger's font.
pub fn cjk(f: Format) -> Format {
    f.set_font_name(FONT)
        .set_font_charset(GB2312)
        .set_font_family(MODERN)
}

pub(super) fn decimals_format(dp: u32) -> String {
    style::decimals(dp, "")
}

/// Lines a wrapped text takes in a column of `cols` characters.
pub(super) fn lines(text: &str, cols: usize) -> usize {
    text.split('\n')
        .map(|l| {
            (crate::tables::sheet::display_width(l) as usize)
                .div_ceil(cols.max(1))
                .max(1)
        })
        .sum()
}

/// Points per line of wrapped 11-point text, and the padding of a row. SimSun
/// needs 14.25 (Excel's own row height for it); where SimSun is missing
/// (LibreOffice, WPS on Linux) the CJK face put in its place (Noto CJK) needs
/// about 16, and a row too short cuts its last line off: 16, a little room
/// to spare in Excel rather than a reason cut short elsewhere.
const LINE: f64 = 16.0;
const PAD: f64 = 5.0;

/// A row's height for `n` lines of text.
pub(super) fn height(n: usize) -> f64 {
    (n as f64 * LINE + PAD).max(20.0)
}

pub(super) struct Formats {
    pub(super) title: Format,
    pub(super) label: Format,
    pub(super) value: Format,
    pub(super) header: Format,
    pub(super) text: Format,
    pub(super) center: Format,
    pub(super) wrap: Format,
    pub(super) score: Format,
    pub(super) total_label: Format,
    pub(super) total_score: Format,
    pub(super) input: Format,
    pub(super) input_date: Format,
    pub(super) plain: Format,
    pub(super) plain_wrap: Format,
}

impl Formats {
    pub(super) fn new(dp: u32) -> Formats {
        let cell = cjk(style::cell());
        let score = cell.clone().set_num_format(decimals_format(dp));
        let input = cjk(style::input())
            .set_text_wrap()
            .set_align(FormatAlign::Top);
        Formats {
            title: cjk(style::title(16)),
            label: cjk(Format::new()
                .set_bold()
                .set_align(FormatAlign::VerticalCenter)),
            value: cjk(Format::new()
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::VerticalCenter)),
            header: style::header(cell.clone(), style::PRINT_HEADER_SHADE),
            text: cell.clone(),
            center: cell.clone().set_align(FormatAlign::Center),
            wrap: cell.clone().set_text_wrap().set_align(FormatAlign::Top),
            score: score.clone(),
            total_label: cell.clone().set_bold().set_align(FormatAlign::Center),
            total_score: score.set_bold(),
            input_date: input.clone().set_num_format("yyyy-mm-dd"),
            input,
            plain: cjk(Format::new()),
            plain_wrap: cjk(Format::new().set_text_wrap().set_align(FormatAlign::Top)),
        }
    }
}

/// Where each column is: 序号, 指标, 分值, 得分, 失分, [自评得分, 自评差额,]
/// 失分原因, then the unit's columns.
#[derive(Clone, Copy)]
pub(super) struct Cols {
    pub(super) with_self: bool,
}

impl Cols {
    pub(super) fn of(self, role: Role) -> u16 {
        let reason = if self.with_self { 7 } else { 5 };
        match role {
            Role::Number => 0,
            Role::Indicator => 1,
            Role::Max => 2,
            Role::Score => 3,
            Role::Lost => 4,
            Role::Reason => reason,
            Role::Measure => reason + 1,
            Role::Department => reason + 2,
            Role::Person => reason + 3,
            Role::Deadline => reason + 4,
            Role::Status => reason + 5,
            Role::Evidence => reason + 6,
        }
    }

    pub(super) fn last(self) -> u16 {
        self.of(Role::Evidence)
    }

    /// Widths in characters.
    pub(super) fn width(role: Role) -> f64 {
        match role {
            Role::Number => 5.0,
            Role::Indicator => W_ITEM as f64,
            Role::Max | Role::Score | Role::Lost => 7.0,
            Role::Reason => W_REASON as f64,
            Role::Measure => W_MEASURE as f64,
            Role::Department => 11.0,
            Role::Person => 9.0,
            Role::Deadline => 12.0,
            Role::Status => 11.0,
            Role::Evidence => 16.0,
        }
    }
}

pub(super) const W_ITEM: usize = 24;
pub(super) const W_REASON: usize = 42;
const W_MEASURE: usize = 28;
pub(super) const W_SELF: f64 = 9.0;
