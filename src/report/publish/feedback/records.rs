//! The ledger's second sheet: the unit's daily records.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::format::cjk;
use super::format::lines;
use crate::model::catalog::UnitRef;
use crate::model::rubric::Rubric;
use crate::report::publish::paperwork::Paperwork;
use crate::tables::style;
use crate::tables::style::number;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// The second sheet: every daily record of the unit, in file order.
pub(super) fn records_sheet(
    p: &Paperwork,
    book: &mut Workbook,
    r: &Rubric,
    me: UnitRef,
) -> Result<(), XlsxError> {
    let tr = |m: Message| p.tr(m);
    let sheet: &mut Worksheet = book.add_worksheet();
    sheet.set_name(tr(msg!("feedback-sheet-records")))?;
    let header = cjk(Format::new())
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_background_color(rust_xlsxwriter::Color::RGB(style::PRINT_HEADER_SHADE));
    let cell = cjk(Format::new())
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let heads = [
        tr(msg!("feedback-col-date")),
        tr(msg!("feedback-col-indicator")),
        tr(msg!("feedback-col-kind")),
        tr(msg!("feedback-col-method")),
        tr(msg!("feedback-col-rule")),
        tr(msg!("feedback-col-count")),
        tr(msg!("feedback-col-points")),
        tr(msg!("feedback-col-note")),
    ];
    let widths = [12.0, 30.0, 10.0, 10.0, 36.0, 6.0, 8.0, 50.0];
    for (c, (h, w)) in heads.iter().zip(widths).enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &header)?;
        sheet.set_column_width(c as u16, w)?;
    }
    let mut row = 1u32;
    for rec in p.records(me) {
        let item = rec
            .line
            .map(|l| {
                let (id, title) = r.line_names(l);
                format!("{id} {title}")
            })
            .unwrap_or_default();
        let (rule, count) = match rec.rule {
            Some((k, n)) => (r.rules[k].text.clone(), Some(n)),
            None => (String::new(), None),
        };
        sheet.write_string_with_format(row, 0, rec.date.to_string(), &cell)?;
        sheet.write_string_with_format(row, 1, &item, &cell)?;
        sheet.write_string_with_format(
            row,
            2,
            tr(crate::report::publish::paperwork::kind_label(rec.kind)),
            &cell,
        )?;
        sheet.write_string_with_format(
            row,
            3,
            tr(crate::report::publish::paperwork::method_label(
                r, rec.method,
            )),
            &cell,
        )?;
        sheet.write_string_with_format(row, 4, &rule, &cell)?;
        match count {
            Some(n) => sheet.write_number_with_format(row, 5, number(n), &cell)?,
            None => sheet.write_blank(row, 5, &cell)?,
        };
        sheet.write_number_with_format(row, 6, number(rec.points), &cell)?;
        sheet.write_string_with_format(row, 7, &rec.note, &cell)?;
        let h = lines(&rec.note, 48)
            .max(lines(&rule, 34))
            .max(lines(&item, 28));
        sheet.set_row_height(row, (h as f64 * 15.0).max(15.0))?;
        row += 1;
    }
    if row == 1 {
        sheet.write_string_with_format(
            1,
            0,
            tr(msg!("feedback-no-records")),
            &cjk(Format::new()),
        )?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_repeat_rows(0, 0)?;
    crate::tables::sheet::a4_one_page_wide(sheet, true);
    sheet.set_footer(tr(msg!("xlsx-page-footer")));
    Ok(())
}
