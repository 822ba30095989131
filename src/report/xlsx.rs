//! `--format xlsx`: a workbook laid out like a published notice table, one
//! sheet per rubric, then the item scores and the provenance of the inputs.
//!
//! Scores are exact decimals until here; a cell holds the nearest binary
//! number (all a spreadsheet can hold) shown with the rubric's decimals.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::Lang;
use crate::i18n::Message;
use crate::msg;
use crate::num::plain;
use crate::rubric::{Catalog, Rubric};
use crate::score::{Results, UnitResult};

/// Renders the workbook's bytes.
pub fn render(catalog: &Catalog, results: &Results, lang: Lang) -> Result<Vec<u8>, Message> {
    build(catalog, results, lang).map_err(|e| msg!("xlsx-cannot-build", reason = e.to_string()))
}

fn number(d: Decimal) -> f64 {
    // The nearest double to the exact decimal: Display then parse rounds once.
    plain(d).parse().unwrap_or(0.0)
}

/// Display width of text: CJK characters take two columns.
fn width(text: &str) -> f64 {
    text.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 2.0 } else { 1.0 })
        .sum()
}

fn decimals_format(dp: u32) -> String {
    if dp == 0 {
        "0".to_string()
    } else {
        format!("0.{}", "0".repeat(dp as usize))
    }
}

/// Grade colours by band: the first grade green, the last red, those between blue and yellow.
fn grade_color(index: usize, count: usize) -> Color {
    match index {
        0 => Color::RGB(0xC6EFCE),
        i if i + 1 == count => Color::RGB(0xFFC7CE),
        1 => Color::RGB(0xDDEBF7),
        2 => Color::RGB(0xFFEB9C),
        _ => Color::RGB(0xEDEDED),
    }
}

/// Sheet names: at most 31 characters, none of `[]:*?/\`, unique.
fn sheet_name(wanted: &str, taken: &mut Vec<String>) -> String {
    let clean: String = wanted
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(28)
        .collect();
    let mut name = if clean.is_empty() {
        "sheet".to_string()
    } else {
        clean
    };
    let base = name.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        name = format!("{base}-{n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

struct Widths(Vec<f64>);

impl Widths {
    fn see(&mut self, col: usize, text: &str) {
        if self.0.len() <= col {
            self.0.resize(col + 1, 6.0);
        }
        self.0[col] = self.0[col].max(width(text) + 2.0);
    }

    fn apply(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        for (c, w) in self.0.iter().enumerate() {
            sheet.set_column_width(c as u16, w.min(60.0))?;
        }
        Ok(())
    }
}

fn build(catalog: &Catalog, results: &Results, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let tr = |m: Message| m.render(lang);
    let mut book = Workbook::new();
    let title = catalog
        .rubrics
        .iter()
        .map(|r| r.title.as_str())
        .collect::<Vec<_>>()
        .join(" / ");
    book.set_properties(&super::workbook_properties(catalog, &title));
    let mut taken = Vec::new();
    let header = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xF2F2F2));
    let title = Format::new()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center);
    let text = Format::new().set_border(FormatBorder::Thin);
    let plain_number = Format::new().set_border(FormatBorder::Thin);
    for rr in &results.rubrics {
        let r = &catalog.rubrics[rr.rubric];
        let scores = Format::new()
            .set_border(FormatBorder::Thin)
            .set_num_format(decimals_format(r.decimals));
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&r.id, &mut taken))?;
        let mut heads: Vec<String> = vec![tr(msg!("report-col-rank")), tr(msg!("report-col-unit"))];
        heads.extend(r.sections.iter().map(|s| s.title.clone()));
        heads.extend([
            tr(msg!("report-col-deducted")),
            tr(msg!("report-col-added")),
            tr(msg!("report-col-total")),
            tr(msg!("report-col-grade")),
            tr(msg!("xlsx-col-notes")),
        ]);
        let last_col = (heads.len() - 1) as u16;
        let year = r.year.to_string();
        let heading = if r.title.contains(&year) {
            r.title.clone()
        } else {
            tr(msg!("xlsx-heading", title = &r.title, year = year))
        };
        sheet.merge_range(0, 0, 0, last_col, &heading, &title)?;
        let mut widths = Widths(Vec::new());
        for (c, h) in heads.iter().enumerate() {
            sheet.write_string_with_format(1, c as u16, h, &header)?;
            widths.see(c, h);
        }
        let mut row = 2u32;
        for u in &rr.units {
            write_unit(
                sheet,
                row,
                r,
                u,
                lang,
                &scores,
                &plain_number,
                &text,
                &mut widths,
            )?;
            row += 1;
        }
        row += 1;
        let mut notes: Vec<String> = Vec::new();
        if results.provisional() {
            notes.push(tr(msg!("xlsx-note-provisional")));
        }
        if rr.units.iter().any(|u| u.scaled) {
            notes.push(tr(msg!("xlsx-note-scaled", scale = plain(r.total))));
        }
        if rr.units.iter().any(|u| u.veto.is_some()) {
            notes.push(tr(msg!("xlsx-note-veto")));
        }
        for n in notes {
            sheet.write_string(row, 0, n)?;
            row += 1;
        }
        widths.apply(sheet)?;
        sheet.set_freeze_panes(2, 0)?;
    }
    items_sheet(&mut book, &mut taken, catalog, results, lang, &header)?;
    provenance_sheet(&mut book, &mut taken, results, lang, &header)?;
    book.save_to_buffer()
}

#[allow(clippy::too_many_arguments)]
fn write_unit(
    sheet: &mut Worksheet,
    row: u32,
    r: &Rubric,
    u: &UnitResult,
    lang: Lang,
    scores: &Format,
    plain_number: &Format,
    text: &Format,
    widths: &mut Widths,
) -> Result<(), XlsxError> {
    let unit = &r.units[u.unit];
    let grade = &r.grades[u.grade];
    sheet.write_number_with_format(row, 0, u.rank as f64, plain_number)?;
    sheet.write_string_with_format(row, 1, &unit.name, text)?;
    widths.see(1, &unit.name);
    let mut c = 2u16;
    for s in &u.sections {
        sheet.write_number_with_format(row, c, number(s.score), scores)?;
        c += 1;
    }
    sheet.write_number_with_format(row, c, number(u.deducted), plain_number)?;
    sheet.write_number_with_format(row, c + 1, number(u.added), plain_number)?;
    sheet.write_number_with_format(row, c + 2, number(u.total), scores)?;
    let band = text
        .clone()
        .set_background_color(grade_color(u.grade, r.grades.len()));
    let label = msg!("report-grade-cell", id = &grade.id, label = &grade.label).render(lang);
    sheet.write_string_with_format(row, c + 3, &label, &band)?;
    widths.see(c as usize + 3, &label);
    let mut notes = Vec::new();
    if u.veto.is_some() {
        notes.push(msg!("xlsx-mark-veto").render(lang));
    }
    if u.scaled {
        notes.push(msg!("xlsx-mark-scaled").render(lang));
    }
    let notes = notes.join(&msg!("xlsx-mark-separator").render(lang));
    sheet.write_string_with_format(row, c + 4, &notes, text)?;
    widths.see(c as usize + 4, &notes);
    Ok(())
}

fn items_sheet(
    book: &mut Workbook,
    taken: &mut Vec<String>,
    catalog: &Catalog,
    results: &Results,
    lang: Lang,
    header: &Format,
) -> Result<(), XlsxError> {
    let tr = |m: Message| m.render(lang);
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(&tr(msg!("xlsx-sheet-items")), taken))?;
    let heads = [
        tr(msg!("xlsx-col-rubric")),
        tr(msg!("xlsx-col-unit-id")),
        tr(msg!("report-col-unit")),
        tr(msg!("xlsx-col-section")),
        tr(msg!("xlsx-col-groups")),
        tr(msg!("xlsx-col-item-id")),
        tr(msg!("xlsx-col-item")),
        tr(msg!("xlsx-col-max")),
        tr(msg!("xlsx-col-base")),
        tr(msg!("report-col-deducted")),
        tr(msg!("report-col-added")),
        tr(msg!("xlsx-col-score")),
        tr(msg!("xlsx-col-applies")),
    ];
    let (applies, not_applicable) = (tr(msg!("xlsx-applies")), tr(msg!("xlsx-not-applicable")));
    let mut widths = Widths(Vec::new());
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, header)?;
        widths.see(c, h);
    }
    let mut row = 1u32;
    for rr in &results.rubrics {
        let r = &catalog.rubrics[rr.rubric];
        let scores = Format::new().set_num_format(decimals_format(r.decimals));
        for u in &rr.units {
            let unit = &r.units[u.unit];
            for (s, section) in u.sections.iter().zip(&r.sections) {
                for (i, outcome) in &s.items {
                    let item = &r.items[*i];
                    // The groups above the leaf, outermost first (二级 › 三级).
                    let path = r
                        .path(item.parent)
                        .iter()
                        .map(|g| format!("{} {}", g.id, g.title))
                        .collect::<Vec<_>>()
                        .join(" › ");
                    for (c, t) in [
                        &r.id,
                        &unit.id,
                        &unit.name,
                        &section.title,
                        &path,
                        &item.id,
                        &item.title,
                    ]
                    .into_iter()
                    .enumerate()
                    {
                        sheet.write_string(row, c as u16, t)?;
                        widths.see(c, t);
                    }
                    sheet.write_number(row, 7, number(item.max))?;
                    match outcome {
                        Some(o) => {
                            sheet.write_number(row, 8, number(o.base))?;
                            sheet.write_number(row, 9, number(o.deducted))?;
                            sheet.write_number(row, 10, number(o.added))?;
                            sheet.write_number_with_format(row, 11, number(o.score), &scores)?;
                            sheet.write_string(row, 12, &applies)?;
                        }
                        None => {
                            sheet.write_string(row, 12, &not_applicable)?;
                        }
                    }
                    row += 1;
                }
            }
        }
    }
    widths.apply(sheet)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn provenance_sheet(
    book: &mut Workbook,
    taken: &mut Vec<String>,
    results: &Results,
    lang: Lang,
    header: &Format,
) -> Result<(), XlsxError> {
    let tr = |m: Message| m.render(lang);
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(&tr(msg!("xlsx-sheet-provenance")), taken))?;
    let mut widths = Widths(Vec::new());
    let facts = [
        (
            tr(msg!("xlsx-tool")),
            format!("assess {}", env!("CARGO_PKG_VERSION")),
        ),
        (
            tr(msg!("xlsx-provisional")),
            if results.provisional() {
                tr(msg!("xlsx-yes"))
            } else {
                tr(msg!("xlsx-no"))
            },
        ),
    ];
    for (k, (name, value)) in facts.iter().enumerate() {
        sheet.write_string_with_format(k as u32, 0, name, header)?;
        sheet.write_string(k as u32, 1, value)?;
        widths.see(0, name);
        widths.see(1, value);
    }
    let heads = [
        tr(msg!("xlsx-col-role")),
        tr(msg!("xlsx-col-path")),
        tr(msg!("xlsx-col-sha256")),
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(3, c as u16, h, header)?;
        widths.see(c, h);
    }
    for (k, f) in results.files.iter().enumerate() {
        let row = 4 + k as u32;
        let role = tr(super::role_label(f.role));
        for (c, t) in [role.as_str(), &f.path, &f.sha256].into_iter().enumerate() {
            sheet.write_string(row, c as u16, t)?;
            widths.see(c, t);
        }
    }
    widths.apply(sheet)?;
    Ok(())
}
