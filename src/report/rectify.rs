//! `assess rectify`'s summary (整改情况汇总, reckoned by `engine::rectify`):
//! for each unit of the rosters, whether its ledger came back and how far its
//! rows are, as a table on the terminal and a workbook; what is outstanding
//! and what is overdue.

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::date::Date;
use crate::engine::rectify::{Summary, UnitState};
use crate::model::catalog::{Catalog, UnitRef};
use crate::model::ledger::{LedgerRow, RowKind, Status};
use crate::report::publish::feedback::cjk;
use crate::tables::style;
use crate::text::i18n::{Lang, Message, msg};
use crate::text::labels::status_label;

/// What a row is about: a line by id and title, the veto, the general remarks.
pub fn row_label(catalog: &Catalog, unit: UnitRef, row: &LedgerRow, lang: Lang) -> String {
    let r = &catalog.rubrics[unit.rubric];
    match (row.kind, row.line) {
        (RowKind::Line, Some(i)) => format!("{} {}", r.items[i].id, r.items[i].title),
        (RowKind::Veto, _) => msg!("ledger-veto").render(lang),
        _ => msg!("ledger-general").render(lang),
    }
}

/// The columns of the summary: 单位, 是否报送, 行数, 已完成, 正在整改, 未整改,
/// 未填整改措施, 逾期.
fn header(lang: Lang) -> Vec<String> {
    [
        msg!("rectify-col-unit"),
        msg!("rectify-col-returned"),
        msg!("rectify-col-rows"),
        status_label(Status::Done),
        status_label(Status::InProgress),
        status_label(Status::NotStarted),
        msg!("rectify-col-no-measure"),
        msg!("rectify-col-overdue"),
    ]
    .into_iter()
    .map(|m| m.render(lang))
    .collect()
}

/// A unit's counts, or nothing when its ledger did not come back.
fn counts(u: &UnitState) -> Option<[usize; 6]> {
    let c = u.counts;
    u.ledger.map(|_| {
        [
            c.rows,
            c.done,
            c.in_progress,
            c.not_started,
            c.no_measure,
            c.overdue,
        ]
    })
}

/// The summary for a terminal: the table, the counts, then each thing
/// outstanding and each row overdue.
pub fn text(catalog: &Catalog, s: &Summary, lang: Lang) -> String {
    let tr = |m: Message| m.render(lang);
    let mut out = tr(msg!(
        "rectify-title",
        date = crate::report::publish::paperwork::date_text(s.as_of)
    ));
    out.push('\n');
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    t.set_header(header(lang));
    for u in &s.units {
        let mut row = vec![
            Cell::new(&catalog.unit_of(u.unit).name),
            Cell::new(tr(if u.ledger.is_some() {
                msg!("rectify-yes")
            } else {
                msg!("rectify-no")
            })),
        ];
        match counts(u) {
            Some(n) => row.extend(
                n.iter()
                    .map(|x| Cell::new(x).set_alignment(CellAlignment::Right)),
            ),
            None => row.extend((0..6).map(|_| Cell::new(""))),
        }
        t.add_row(row);
    }
    out.push_str(&t.to_string());
    out.push('\n');
    let returned = s.units.iter().filter(|u| u.ledger.is_some()).count();
    let complete = s
        .units
        .iter()
        .filter(|u| u.ledger.is_some() && u.counts.incomplete == 0)
        .count();
    out.push_str(&tr(msg!(
        "rectify-counts",
        units = s.units.len(),
        returned = returned,
        complete = complete
    )));
    out.push('\n');
    let words = crate::text::list(Status::ALL.iter().map(|w| status_label(*w).render(lang)));
    let and = tr(msg!("rectify-and"));
    let mut open = Vec::new();
    let mut late = Vec::new();
    for u in &s.units {
        let name = &catalog.unit_of(u.unit).name;
        let Some(ledger) = u.ledger else {
            open.push(tr(msg!("rectify-not-returned", unit = name)));
            continue;
        };
        for row in &ledger.rows {
            let line = row_label(catalog, u.unit, row, lang);
            let mut what = Vec::new();
            if row.measure.is_empty() {
                what.push(tr(msg!("rectify-no-measure")));
            }
            match (row.status, row.status_text.is_empty()) {
                (Some(_), _) => {}
                (None, true) => what.push(tr(msg!("rectify-no-status"))),
                (None, false) => what.push(tr(msg!(
                    "rectify-bad-status",
                    value = row.status_text.as_str(),
                    words = words.clone()
                ))),
            }
            if !what.is_empty() {
                open.push(tr(msg!(
                    "rectify-incomplete",
                    unit = name,
                    line = line.as_str(),
                    what = what.join(&and)
                )));
            }
            if let (true, Some(d)) = (row.overdue(s.as_of), row.deadline) {
                late.push(tr(msg!(
                    "rectify-overdue",
                    unit = name,
                    line = line.as_str(),
                    deadline = d.to_string(),
                    status = row.status_text.as_str()
                )));
            }
        }
    }
    for (heading, list) in [
        (msg!("rectify-open-heading", count = open.len()), &open),
        (msg!("rectify-overdue-heading", count = late.len()), &late),
    ] {
        if list.is_empty() {
            continue;
        }
        out.push_str(&tr(heading));
        out.push('\n');
        for line in list {
            out.push_str("  ");
            out.push_str(&crate::text::printable(line));
            out.push('\n');
        }
    }
    if !s.outstanding() {
        out.push_str(&tr(msg!("rectify-all-done")));
        out.push('\n');
    }
    out
}

/// The summary as a workbook (整改情况汇总): one row per unit under one
/// header row, then a sheet of every row not done, by deadline.
pub fn workbook(catalog: &Catalog, s: &Summary, lang: Lang) -> Result<Vec<u8>, Message> {
    build(catalog, s, lang).map_err(|e| msg!("rectify-cannot-build", reason = e.to_string()))
}

fn build(catalog: &Catalog, s: &Summary, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let tr = |m: Message| m.render(lang);
    let title = tr(msg!(
        "rectify-title",
        date = crate::report::publish::paperwork::date_text(s.as_of)
    ));
    let mut book = Workbook::new();
    book.set_properties(&crate::report::workbook_properties(catalog, &title));
    book.set_default_format(&cjk(Format::new()), 18, 64)?;
    let cell = cjk(style::cell());
    let head = style::header(cell.clone(), style::HEADER_SHADE);
    let center = cell.clone().set_align(FormatAlign::Center);
    let wrap = cell.clone().set_text_wrap().set_align(FormatAlign::Top);
    let date = cell.clone().set_num_format("yyyy-mm-dd");

    let sheet = book.add_worksheet();
    sheet.set_name(tr(msg!("rectify-sheet-summary")))?;
    let mut widths = crate::tables::sheet::Widths::default();
    for (c, h) in header(lang).iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &head)?;
        widths.see(c, h);
    }
    for (k, u) in s.units.iter().enumerate() {
        let row = k as u32 + 1;
        let name = &catalog.unit_of(u.unit).name;
        sheet.write_string_with_format(row, 0, name, &cell)?;
        widths.see(0, name);
        let returned = tr(if u.ledger.is_some() {
            msg!("rectify-yes")
        } else {
            msg!("rectify-no")
        });
        sheet.write_string_with_format(row, 1, &returned, &center)?;
        match counts(u) {
            Some(n) => {
                for (c, x) in n.iter().enumerate() {
                    sheet.write_number_with_format(row, c as u16 + 2, *x as f64, &center)?;
                }
            }
            None => {
                for c in 2..8 {
                    sheet.write_blank(row, c, &center)?;
                }
            }
        }
    }
    widths.apply(sheet, 40.0)?;
    finish(sheet, lang, false)?;

    let sheet = book.add_worksheet();
    sheet.set_name(tr(msg!("rectify-sheet-open")))?;
    let heads = [
        tr(msg!("rectify-col-unit")),
        tr(msg!("rectify-col-line")),
        tr(msg!("ledger-col-measure")),
        tr(msg!("ledger-col-deadline")),
        tr(msg!("ledger-col-status")),
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &head)?;
    }
    for (c, w) in [16.0, 32.0, 48.0, 12.0, 12.0].into_iter().enumerate() {
        sheet.set_column_width(c as u16, w)?;
    }
    for (k, (unit, r)) in s.open_rows().into_iter().enumerate() {
        let row = k as u32 + 1;
        sheet.write_string_with_format(row, 0, &catalog.unit_of(unit).name, &wrap)?;
        let line = row_label(catalog, unit, r, lang);
        sheet.write_string_with_format(row, 1, &line, &wrap)?;
        sheet.write_string_with_format(row, 2, &r.measure, &wrap)?;
        match r.deadline.and_then(excel_date) {
            Some(d) => sheet.write_datetime_with_format(row, 3, &d, &date)?,
            None => sheet.write_string_with_format(row, 3, &r.deadline_text, &wrap)?,
        };
        sheet.write_string_with_format(row, 4, &r.status_text, &center)?;
        let tall = crate::tables::sheet::display_width(&r.measure) / 46.0;
        sheet.set_row_height(row, (tall.ceil().max(1.0) * 14.25 + 5.0).max(20.0))?;
    }
    finish(sheet, lang, true)?;
    book.save_to_buffer()
}

/// A header row kept in view and printed on every page, A4, page numbers.
fn finish(sheet: &mut Worksheet, lang: Lang, landscape: bool) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_repeat_rows(0, 0)?;
    crate::tables::sheet::a4_one_page_wide(sheet, landscape);
    sheet.set_footer(msg!("xlsx-page-footer").render(lang));
    Ok(())
}

fn excel_date(d: Date) -> Option<ExcelDateTime> {
    ExcelDateTime::from_ymd(
        u16::try_from(d.year).ok()?,
        u8::try_from(d.month).ok()?,
        u8::try_from(d.day).ok()?,
    )
    .ok()
}
