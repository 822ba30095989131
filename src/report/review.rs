//! The review (复核调整) as a sheet of the results workbook: one row per
//! adjustment, in the order given, with what it changed, why, and the row
//! of the `--adjust` table it came from.

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use crate::model::adjust::{Adjustment, Change};
use crate::model::catalog::Catalog;
use crate::num::plain;
use crate::tables::sheet::Widths;
use crate::text::i18n::{Lang, Message, msg};

/// The sheet's rows under its header (`header`, `text`: the workbook's formats).
pub(super) fn review_sheet(
    sheet: &mut Worksheet,
    catalog: &Catalog,
    review: &[Adjustment],
    lang: Lang,
    (header, text): (&Format, &Format),
) -> Result<(), XlsxError> {
    let tr = |m: Message| m.render(lang);
    let heads = [
        tr(msg!("review-col-unit")),
        tr(msg!("review-col-line")),
        tr(msg!("review-col-action")),
        tr(msg!("review-col-scorer")),
        tr(msg!("review-col-date")),
        tr(msg!("review-col-kind")),
        tr(msg!("review-col-from")),
        tr(msg!("review-col-to")),
        tr(msg!("review-col-reason")),
        tr(msg!("review-col-document")),
        tr(msg!("review-col-source")),
    ];
    let mut widths = Widths(Vec::new());
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, header)?;
        widths.see(c, h);
    }
    for (k, a) in review.iter().enumerate() {
        let row = 1 + k as u32;
        for (c, t) in cells(catalog, a, lang).iter().enumerate() {
            sheet.write_string_with_format(row, c as u16, t, text)?;
            widths.see(c, t);
        }
    }
    widths.apply(sheet, 40.0)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, review.len().max(1) as u32, (heads.len() - 1) as u16)?;
    Ok(())
}

/// One adjustment's cells, as the header orders them.
fn cells(catalog: &Catalog, a: &Adjustment, lang: Lang) -> Vec<String> {
    let tr = |m: Message| m.render(lang);
    let r = catalog.rubric_of(a.unit);
    let line = super::cells::line_text(r, a);
    let score = |v: Option<rust_decimal::Decimal>| v.map_or_else(|| tr(msg!("review-na")), plain);
    let (action, scorer, date, kind, from, to) = match &a.change {
        Change::Rescore {
            scorer, from, to, ..
        } => (
            tr(msg!("review-action-rescore")),
            r.scorers[*scorer].name.clone(),
            String::new(),
            String::new(),
            from.map_or_else(|| tr(msg!("review-missing")), score),
            score(*to),
        ),
        Change::Withdraw {
            date, kind, points, ..
        } => (
            tr(msg!("review-action-withdraw")),
            String::new(),
            date.to_string(),
            tr(crate::text::labels::kind_label(*kind)),
            if kind.takes_points() {
                plain(*points)
            } else {
                String::new()
            },
            String::new(),
        ),
    };
    vec![
        catalog.unit_of(a.unit).name.clone(),
        line,
        action,
        scorer,
        date,
        kind,
        from,
        to,
        a.reason.clone(),
        a.document.clone().unwrap_or_default(),
        a.at.to_string(),
    ]
}
