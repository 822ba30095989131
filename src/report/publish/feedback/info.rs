//! The ledger's hidden sheet, by which `assess rectify` knows it.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Ledger;
use crate::model::ledger::OfficeRow;
use crate::model::ledger::{self as vocab, Role};
use crate::tables::style::cell_ref;
use crate::text::i18n::msg;

/// The hidden sheet `assess rectify` recognises the ledger by: the rubric,
/// year and unit, where the ledger's sheet, unit cell and columns are, and
/// each row with the office's cells as written (`input::ledger`).
pub(super) fn info_sheet(
    sheet: &mut Worksheet,
    list: &Ledger,
    ledger_sheet: &str,
    unit_cell: (u32, u16),
    written: &[OfficeRow],
) -> Result<(), XlsxError> {
    let p = list.p;
    sheet.set_name(p.tr(msg!("ledger-info-sheet")))?;
    let f = &list.f.plain;
    sheet.write_string_with_format(0, 0, vocab::MARKER, f)?;
    sheet.write_string_with_format(0, 1, p.tr(msg!("ledger-info-note")), f)?;
    let r = list.r;
    let facts = [
        (vocab::KEY_RUBRIC, r.id.clone()),
        (vocab::KEY_YEAR, r.year.to_string()),
        (vocab::KEY_UNIT, r.units[list.u.unit].id.clone()),
        (vocab::KEY_SHEET, ledger_sheet.to_string()),
        (vocab::KEY_UNIT_CELL, cell_ref(unit_cell.0, unit_cell.1)),
    ];
    let mut row = 1u32;
    for (key, value) in facts {
        sheet.write_string_with_format(row, 0, key, f)?;
        sheet.write_string_with_format(row, 1, value, f)?;
        row += 1;
    }
    for role in Role::ALL {
        sheet.write_string_with_format(row, 0, vocab::KEY_COLUMN, f)?;
        sheet.write_string_with_format(row, 1, role.id(), f)?;
        sheet.write_string_with_format(row, 2, (list.cols.of(role) + 1).to_string(), f)?;
        row += 1;
    }
    for w in written {
        let cells = [
            vocab::KEY_ROW.to_string(),
            w.row.to_string(),
            w.kind.id().to_string(),
            w.line.clone(),
            w.max.clone(),
            w.score.clone(),
            w.lost.clone(),
            w.indicator.clone(),
        ];
        for (col, text) in cells.iter().enumerate() {
            if !text.is_empty() {
                sheet.write_string_with_format(row, col as u16, text, f)?;
            }
        }
        row += 1;
    }
    sheet.set_column_width(0, 12)?;
    sheet.set_column_width(1, 16)?;
    // Very hidden: not offered by a spreadsheet's 取消隐藏, so the office's
    // values rectify compares against stay as written.
    sheet.set_very_hidden(true);
    sheet.protect();
    Ok(())
}
