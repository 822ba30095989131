//! `template measures`: the measured values to fill (指标数据), one row per
//! unit and one column per measure of its rubric, headed by the measure's
//! title and unit (`好评率（%）`, which the reader takes for the measure).
//! A cell whose measure scores no line that applies to the unit is filled
//! with the n/a word and locked.

use rust_xlsxwriter::{DataValidation, Formula, Worksheet, XlsxError};

use super::book::{Book, build};
use super::format::{Formats, MAX_WIDTH, cell_ref, clip, merged, or_na, print_setup, protect};
use super::reference::Reference;
use super::{heading, na_word, name};
use crate::input::measures;
use crate::model::catalog::Catalog;
use crate::model::rubric::{Measure, Rubric};
use crate::tables::sheet::Widths;
use crate::text::i18n::{Lang, Message, msg};

/// The rubrics (of those chosen) that declare measures.
pub fn measured_rubrics(catalog: &Catalog, rubrics: &[usize]) -> Vec<usize> {
    rubrics
        .iter()
        .copied()
        .filter(|&r| !catalog.rubrics[r].measures.is_empty())
        .collect()
}

/// A measure's column heading: its title, with its unit in brackets.
pub fn measure_heading(m: &Measure, lang: Lang) -> String {
    match &m.unit {
        Some(unit) => msg!("template-measure-heading", title = &m.title, unit = unit).render(lang),
        None => m.title.clone(),
    }
}

/// Whether some line that applies to unit `u` is scored from measure `m`:
/// otherwise the unit has nothing to report for it (不涉及).
pub fn measure_applies(r: &Rubric, u: usize, m: usize) -> bool {
    r.items
        .iter()
        .enumerate()
        .any(|(i, item)| item.measure.as_ref().is_some_and(|x| x.measure == m) && r.applies(i, u))
}

/// The wide CSV of one rubric: the header, then a row per unit.
pub fn wide_rows(catalog: &Catalog, rubric: usize, lang: Lang) -> Vec<Vec<String>> {
    let r = &catalog.rubrics[rubric];
    let mut header = vec![heading(measures::COLUMNS, "unit", lang)];
    header.extend(r.measures.iter().map(|m| measure_heading(m, lang)));
    header.push(heading(measures::COLUMNS, "note", lang));
    let mut rows = vec![header];
    for (u, unit) in r.units.iter().enumerate() {
        let mut row = vec![name(&unit.id, &unit.name, lang)];
        for m in 0..r.measures.len() {
            row.push(if measure_applies(r, u, m) {
                String::new()
            } else {
                na_word(lang)
            });
        }
        row.push(String::new());
        rows.push(row);
    }
    rows
}

/// The long CSV of several rubrics: a row per unit and measure.
pub fn long_rows(catalog: &Catalog, rubrics: &[usize], lang: Lang) -> Vec<Vec<String>> {
    let mut rows = vec![
        ["unit", "measure", "value", "note"]
            .iter()
            .map(|k| heading(measures::COLUMNS, k, lang))
            .collect(),
    ];
    for &ri in rubrics {
        let r = &catalog.rubrics[ri];
        for (u, unit) in r.units.iter().enumerate() {
            for (m, measure) in r.measures.iter().enumerate() {
                rows.push(vec![
                    name(&unit.id, &unit.name, lang),
                    name(&measure.id, &measure.title, lang),
                    if measure_applies(r, u, m) {
                        String::new()
                    } else {
                        na_word(lang)
                    },
                    String::new(),
                ]);
            }
        }
    }
    rows
}

/// `template measures --format xlsx`: a sheet per rubric with measures,
/// then the instructions.
pub fn measures(catalog: &Catalog, rubrics: &[usize], lang: Lang) -> Result<Vec<u8>, Message> {
    build(|| {
        let mut book = Book::new(catalog, rubrics.to_vec(), lang);
        let several = rubrics.len() > 1;
        for &ri in rubrics {
            let r = &catalog.rubrics[ri];
            let wanted = msg!("template-sheet-measures").render(lang);
            let wanted = if several {
                format!("{} {wanted}", r.id)
            } else {
                wanted
            };
            let sheet_name = book.sheet_name(&wanted);
            let f = book.formats.clone();
            let sheet = book.workbook.add_worksheet();
            sheet.set_name(&sheet_name)?;
            write_sheet(sheet, r, &f, lang)?;
        }
        let help = vec![
            msg!("template-help-measures-intro"),
            msg!("template-help-measures-fill", na = na_word(lang)),
            msg!("template-help-locked"),
            msg!("template-help-save"),
            msg!("template-help-check-measures"),
        ];
        book.instructions(&help, Reference::Measures(rubrics))?;
        book.save()
    })
}

/// One rubric's sheet: the title, the header, a row per unit with a cell
/// per measure (validated: a number, or the n/a word), a note.
fn write_sheet(
    sheet: &mut Worksheet,
    r: &Rubric,
    f: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    let na = na_word(lang);
    let mut header = vec![
        msg!("template-col-no").render(lang),
        heading(measures::COLUMNS, "unit", lang),
    ];
    let first = header.len();
    header.extend(r.measures.iter().map(|m| measure_heading(m, lang)));
    header.push(heading(measures::COLUMNS, "note", lang));
    let last_col = (header.len() - 1) as u16;
    let title = msg!("template-measures-title", title = &r.title).render(lang);
    merged(sheet, 0, 0, last_col, &title, &f.title)?;
    sheet.set_row_height(0, 30)?;
    let header_row = 1u32;
    let mut widths = Widths::default();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(header_row, c as u16, h, &f.header)?;
        widths.see(c, h);
    }
    for (u, unit) in r.units.iter().enumerate() {
        let row = header_row + 1 + u as u32;
        sheet.write_number_with_format(row, 0, (u + 1) as f64, &f.label_center)?;
        let t = name(&unit.id, &unit.name, lang);
        sheet.write_string_with_format(row, 1, &t, &f.label)?;
        widths.see(1, &t);
        for m in 0..r.measures.len() {
            let col = (first + m) as u16;
            if measure_applies(r, u, m) {
                sheet.write_blank(row, col, &f.input)?;
                let v = value_validation(&r.measures[m], row, col, &na, lang)?;
                sheet.add_data_validation(row, col, row, col, &v)?;
            } else {
                sheet.write_string_with_format(row, col, &na, &f.label)?;
            }
            widths.see(first + m, "000000000");
        }
        sheet.write_blank(row, last_col, &f.input_wrap)?;
    }
    widths.see(last_col as usize, &"0".repeat(20));
    widths.apply(sheet, MAX_WIDTH)?;
    sheet.set_freeze_panes(header_row + 1, first as u16)?;
    print_setup(sheet, header_row, Some(first as u16 - 1), lang)?;
    let last_row = header_row + r.units.len().max(1) as u32;
    sheet.set_print_area(0, 0, last_row, last_col)?;
    protect(sheet, false);
    Ok(())
}

/// A measured value: any number (a percentage typed as `98.5%` is one), or
/// the n/a word; a custom formula, as Excel has no rule for both.
fn value_validation(
    m: &Measure,
    row: u32,
    col: u16,
    na: &str,
    lang: Lang,
) -> Result<DataValidation, XlsxError> {
    let at = cell_ref(row, col);
    let tr = |msg: Message| msg.render(lang);
    let unit = m.unit.clone().unwrap_or_default();
    DataValidation::new()
        .allow_custom(Formula::new(or_na(&format!("ISNUMBER({at})"), &at, na)))
        .set_input_title(clip(&m.title, 32))?
        .set_input_message(clip(
            &tr(msg!(
                "template-measure-input",
                title = &m.title,
                unit = &unit,
                na = na
            )),
            255,
        ))?
        .set_error_title(clip(&tr(msg!("template-score-error-title")), 32))?
        .set_error_message(clip(
            &tr(msg!("template-measure-error", title = &m.title, na = na)),
            255,
        ))
}
