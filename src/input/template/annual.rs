//! `template annual --format xlsx`: the long sheet of every part's rows,
//! or one wide sheet (评分表) per rubric and scorer.

use rust_xlsxwriter::{Formula, Worksheet, XlsxError};

use super::book::{Book, build, parts_rubrics};
use super::format::{
    Formats, MAX_WIDTH, cell_ref, merged, number, print_setup, protect, score_validation,
};
use super::reference::Reference;
use super::{Part, Wide, heading, long_rows, na_word, name, wide};
use crate::input::scores;
use crate::model::catalog::Catalog;
use crate::model::rubric::Rubric;
use crate::tables::sheet::{Widths, display_width};
use crate::text::i18n::Lang;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// `template annual --layout long --format xlsx`: one sheet of every part's
/// rows (the sheet a reader of one sheet takes), then the instructions.
pub fn annual_long(catalog: &Catalog, parts: &[Part], lang: Lang) -> Result<Vec<u8>, Message> {
    build(|| {
        let mut book = Book::new(catalog, parts_rubrics(parts), lang);
        let rows = long_rows(catalog, parts);
        let sheet_name = book.sheet_name(&msg!("template-sheet-annual").render(lang));
        let header = [
            heading(scores::COLUMNS, "unit", lang),
            heading(scores::COLUMNS, "item", lang),
            heading(scores::COLUMNS, "scorer", lang),
            msg!("template-col-max").render(lang),
            heading(scores::COLUMNS, "score", lang),
            heading(scores::COLUMNS, "note", lang),
        ];
        let f = book.formats.clone();
        let na = na_word(lang);
        let sheet = book.workbook.add_worksheet();
        sheet.set_name(&sheet_name)?;
        let mut widths = Widths::default();
        for (c, h) in header.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, h, &f.header)?;
            widths.see(c, h);
        }
        for (k, row) in rows.iter().enumerate() {
            let line = 1 + k as u32;
            let r = &catalog.rubrics[row.rubric];
            let (u, item, s) = (
                &r.units[row.unit],
                &r.items[row.item],
                &r.scorers[row.scorer],
            );
            let cells = [
                name(&u.id, &u.name, lang),
                name(&item.id, &item.title, lang),
                name(&s.id, &s.name, lang),
            ];
            for (c, t) in cells.iter().enumerate() {
                sheet.write_string_with_format(line, c as u16, t, &f.label)?;
                widths.see(c, t);
            }
            sheet.write_number_with_format(line, 3, number(item.max), &f.label_number)?;
            // A line the rubric does not apply to the unit: n/a, locked.
            if r.applies(row.item, row.unit) {
                sheet.write_blank(line, 4, &f.input)?;
            } else {
                sheet.write_string_with_format(line, 4, &na, &f.label)?;
            }
            sheet.write_blank(line, 5, &f.input_text)?;
        }
        // One validation per run of rows of the same leaf (its scorers' rows).
        let mut k = 0;
        while k < rows.len() {
            let leaf = (rows[k].rubric, rows[k].item);
            let item = &catalog.rubrics[leaf.0].items[leaf.1];
            let mut end = k;
            while end + 1 < rows.len() && (rows[end + 1].rubric, rows[end + 1].item) == leaf {
                end += 1;
            }
            let v = score_validation(item, 1 + k as u32, 4, &na, lang)?;
            sheet.add_data_validation(1 + k as u32, 4, 1 + end as u32, 4, &v)?;
            k = end + 1;
        }
        widths.see(3, "0000");
        widths.see(4, "00000000");
        widths.see(5, "0000000000000000");
        widths.apply(sheet, MAX_WIDTH)?;
        sheet.set_row_height(0, 20)?;
        sheet.set_freeze_panes(1, 0)?;
        let last = rows.len() as u32;
        print_setup(sheet, 0, None, lang)?;
        sheet.set_print_area(0, 0, last.max(1), 5)?;
        sheet.set_portrait();
        protect(sheet, false);
        let help = annual_help(false, lang);
        book.instructions(&help, Reference::Items(parts))?;
        book.save()
    })
}

/// `template annual --layout wide --format xlsx`: one sheet per part (a
/// rubric and a scorer), then the instructions.
pub fn annual_wide(catalog: &Catalog, parts: &[Part], lang: Lang) -> Result<Vec<u8>, Message> {
    build(|| {
        let mut book = Book::new(catalog, parts_rubrics(parts), lang);
        let several = parts_rubrics(parts).len() > 1;
        let na = na_word(lang);
        for p in parts {
            let Some(scorer) = p.scorer else { continue };
            let r = &catalog.rubrics[p.rubric];
            let s = &r.scorers[scorer];
            let wanted = if several {
                format!("{} {}", r.id, name(&s.id, &s.name, lang))
            } else {
                name(&s.id, &s.name, lang)
            };
            let sheet_name = book.sheet_name(&wanted);
            let w = wide(catalog, p.rubric, scorer, lang);
            let f = book.formats.clone();
            let sheet = book.workbook.add_worksheet();
            sheet.set_name(&sheet_name)?;
            write_wide(sheet, r, &w, &f, &na, lang)?;
        }
        let help = annual_help(true, lang);
        book.instructions(&help, Reference::Items(parts))?;
        book.save()
    })
}

/// A wide sheet: title block, bands of section and group titles, header,
/// one row per unit, the signature row; validation, protection, printing.
fn write_wide(
    sheet: &mut Worksheet,
    r: &Rubric,
    w: &Wide,
    f: &Formats,
    na: &str,
    lang: Lang,
) -> Result<(), XlsxError> {
    let last_col = (w.header.len() - 1) as u16;
    // Formulas without a cached value (`""`, not 0): a template that no
    // spreadsheet has computed reads as if 合计 were empty, and LibreOffice
    // computes them on opening.
    sheet.set_formula_result_default("");
    write_title_block(sheet, w, f, last_col, lang)?;
    let header_row = write_bands(sheet, w, f, last_col)?;
    let mut widths = Widths::default();
    write_wide_header(sheet, w, f, header_row, &mut widths)?;
    let first_row = header_row + 1;
    write_unit_rows(sheet, w, f, first_row, na, &mut widths)?;
    let last_row = first_row + w.rows.len().max(1) as u32 - 1;
    if !w.rows.is_empty() {
        for (k, &i) in w.items.iter().enumerate() {
            let col = (w.first_item + k) as u16;
            let v = score_validation(&r.items[i], first_row, col, na, lang)?;
            sheet.add_data_validation(first_row, col, last_row, col, &v)?;
        }
    }
    let print_last = write_signature_row(sheet, w, f, last_row)?;
    see_wide_widths(&mut widths, w);
    widths.apply(sheet, MAX_WIDTH)?;
    sheet.set_freeze_panes(first_row, w.first_item as u16)?;
    print_setup(sheet, header_row, Some(w.first_item as u16 - 1), lang)?;
    sheet.set_print_area(0, 0, print_last, last_col)?;
    protect(sheet, false);
    Ok(())
}

/// The title block: the title over the whole width, then the scorer's
/// line (`评分单位：…`) and, at the right, the date line.
fn write_title_block(
    sheet: &mut Worksheet,
    w: &Wide,
    f: &Formats,
    last_col: u16,
    lang: Lang,
) -> Result<(), XlsxError> {
    merged(sheet, 0, 0, last_col, &w.title, &f.title)?;
    sheet.set_row_height(0, 30)?;
    // The scorer's cell, alone in its row's first cells (merged, so it shows whole).
    let scorer_end = (w.first_item as u16).max(2).min(last_col);
    merged(sheet, 1, 0, scorer_end, &w.scorer_line, &f.bold)?;
    let date_col = (scorer_end + 1).max(last_col.saturating_sub(2));
    if date_col > scorer_end && date_col <= last_col {
        merged(
            sheet,
            1,
            date_col,
            last_col,
            &msg!("template-date-line").render(lang),
            &f.plain,
        )?;
    }
    Ok(())
}

/// The bands of section and group titles over the item columns, from row
/// 2, a title merged over the run of leaves it holds. Returns the header
/// row, below them.
fn write_bands(
    sheet: &mut Worksheet,
    w: &Wide,
    f: &Formats,
    last_col: u16,
) -> Result<u32, XlsxError> {
    let mut row = 2u32;
    for band in &w.bands {
        // The cells over the leading and trailing columns stay empty, bordered.
        for c in 0..=last_col {
            sheet.write_blank(row, c, &f.band)?;
        }
        let mut k = 0;
        while k < band.len() {
            let mut end = k;
            while end + 1 < band.len() && band[end + 1].is_some() && band[end + 1] == band[k] {
                end += 1;
            }
            if let Some(text) = &band[k] {
                let (c1, c2) = ((w.first_item + k) as u16, (w.first_item + end) as u16);
                merged(sheet, row, c1, c2, text, &f.band)?;
            }
            k = end + 1;
        }
        sheet.set_row_height(row, 30)?;
        row += 1;
    }
    Ok(row)
}

/// The header row, as tall as the longest item heading needs at the item
/// columns' width.
fn write_wide_header(
    sheet: &mut Worksheet,
    w: &Wide,
    f: &Formats,
    header_row: u32,
    widths: &mut Widths,
) -> Result<(), XlsxError> {
    let mut tallest = 1.0f64;
    for (c, h) in w.header.iter().enumerate() {
        sheet.write_string_with_format(header_row, c as u16, h, &f.header)?;
        let is_item = (w.first_item..w.total_col()).contains(&c);
        if is_item {
            tallest = tallest.max((display_width(h) / (ITEM_WIDTH - 2.0)).ceil());
        } else {
            widths.see(c, h);
        }
    }
    sheet.set_row_height(header_row, (16.0 * tallest).min(160.0))?;
    Ok(())
}

/// One row per unit from `first_row`: its number and name, input cells
/// for the leaves, the 合计 formula, the note.
fn write_unit_rows(
    sheet: &mut Worksheet,
    w: &Wide,
    f: &Formats,
    first_row: u32,
    na: &str,
    widths: &mut Widths,
) -> Result<(), XlsxError> {
    for (k, cells) in w.rows.iter().enumerate() {
        let line = first_row + k as u32;
        // Room to write by hand on a printed sheet.
        sheet.set_row_height(line, 20)?;
        for (c, t) in cells.iter().enumerate() {
            let format = if c == 0 { &f.label_center } else { &f.label };
            if c == 0 {
                sheet.write_number_with_format(line, 0, (k + 1) as f64, format)?;
            } else {
                sheet.write_string_with_format(line, c as u16, t, format)?;
            }
            widths.see(c, t);
        }
        for c in w.first_item..w.total_col() {
            // A line the rubric does not apply to the unit: n/a, locked.
            if w.na[k][c - w.first_item] {
                sheet.write_string_with_format(line, c as u16, na, &f.label)?;
            } else {
                sheet.write_blank(line, c as u16, &f.input)?;
            }
        }
        let (a, b) = (
            cell_ref(line, w.first_item as u16),
            cell_ref(line, (w.total_col() - 1) as u16),
        );
        // No cached value: until a spreadsheet computes it the reader sees
        // an empty check cell and ignores it.
        sheet.write_formula_with_format(
            line,
            w.total_col() as u16,
            Formula::new(format!("SUM({a}:{b})")),
            &f.total,
        )?;
        sheet.write_blank(line, w.total_col() as u16 + 1, &f.input_wrap)?;
    }
    Ok(())
}

/// The signature row (评分人, 审核人, 日期), two rows below the table, a
/// footer the reader skips. Returns the last row to print.
fn write_signature_row(
    sheet: &mut Worksheet,
    w: &Wide,
    f: &Formats,
    last_row: u32,
) -> Result<u32, XlsxError> {
    let mut print_last = last_row;
    if !w.footer.is_empty() {
        let footer_row = last_row + 2;
        for (c, t) in &w.footer {
            sheet.write_string_with_format(footer_row, *c as u16, t, &f.plain)?;
        }
        sheet.set_row_height(footer_row, 24)?;
        print_last = footer_row;
    }
    Ok(print_last)
}

/// The columns' widths: the item columns `ITEM_WIDTH` each, room for the
/// number, the total and a note.
fn see_wide_widths(widths: &mut Widths, w: &Wide) {
    widths.see(0, "0000");
    for c in w.first_item..w.total_col() {
        widths.0.resize(widths.0.len().max(c + 1), 6.0);
        widths.0[c] = ITEM_WIDTH;
    }
    widths.see(w.total_col(), "0000000");
    widths.see(w.total_col() + 1, &"0".repeat(20));
}

/// Width of an item column, in characters: four Chinese characters a line.
const ITEM_WIDTH: f64 = 11.0;

/// The lines of an annual template's instructions.
fn annual_help(wide: bool, lang: Lang) -> Vec<Message> {
    let na = na_word(lang);
    let mut lines = vec![
        msg!("template-help-annual-intro"),
        msg!("template-help-annual-fill", na = &na),
    ];
    if wide {
        lines.push(msg!("template-help-wide-scorer"));
        lines.push(msg!("template-help-wide-total"));
    } else {
        lines.push(msg!("template-help-long-rows"));
    }
    lines.extend([
        msg!("template-help-note"),
        msg!("template-help-locked"),
        msg!("template-help-save"),
        msg!("template-help-check-annual"),
    ]);
    lines
}
