//! `--format xlsx`: a workbook laid out like a published notice table, one
//! sheet per rubric, then the item scores and the provenance of the inputs.
//!
//! Scores are exact decimals until here; a cell holds the nearest binary
//! number (all a spreadsheet can hold) shown with the rubric's decimals.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::Lang;
use crate::num::plain;
use crate::rubric::{Catalog, Rubric};
use crate::score::{Results, UnitResult};

/// Renders the workbook's bytes.
pub fn render(catalog: &Catalog, results: &Results, lang: Lang) -> Result<Vec<u8>, String> {
    build(catalog, results, lang).map_err(|e| format!("cannot build the workbook: {e}"))
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
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut book = Workbook::new();
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
        let mut heads: Vec<String> = vec![l("名次", "Rank").into(), l("单位", "Unit").into()];
        heads.extend(r.sections.iter().map(|s| s.title.clone()));
        heads.extend(
            [
                l("核减", "Deducted"),
                l("核加", "Added"),
                l("总分", "Total"),
                l("等次", "Grade"),
                l("备注", "Notes"),
            ]
            .map(String::from),
        );
        let last_col = (heads.len() - 1) as u16;
        let year = r.year.to_string();
        let heading = if r.title.contains(&year) {
            r.title.clone()
        } else {
            format!("{}（{year}）", r.title)
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
            notes.push(l("暂定结果：有年度得分缺失，已按 0 分计算（--allow-missing）。", "Provisional: some annual scores are missing and were counted as 0 (--allow-missing).").into());
        }
        if rr.units.iter().any(|u| u.scaled) {
            notes.push(match lang {
                Lang::Zh => format!("折算：含不涉及项目，总分按适用项目得分折算为 {} 分制。", plain(r.total)),
                Lang::En => format!("Rescaled: some items do not apply (n/a); the total is rescaled to {} from the applicable items.", plain(r.total)),
            });
        }
        if rr.units.iter().any(|u| u.veto.is_some()) {
            notes.push(
                l(
                    "一票否决：等次定为最低等次，名次按总分不变。",
                    "Veto: the unit gets the lowest grade; its rank follows its total.",
                )
                .into(),
            );
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
    let label = match lang {
        Lang::Zh => grade.label.clone(),
        Lang::En => grade.id.clone(),
    };
    sheet.write_string_with_format(row, c + 3, &label, &band)?;
    widths.see(c as usize + 3, &label);
    let mut notes = Vec::new();
    if u.veto.is_some() {
        notes.push(lang.pick("一票否决", "veto"));
    }
    if u.scaled {
        notes.push(lang.pick("折算", "rescaled"));
    }
    let notes = notes.join(lang.pick("、", ", "));
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
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(l("项目得分", "Items"), taken))?;
    let heads = [
        l("细则", "Rubric"),
        l("单位编号", "Unit id"),
        l("单位", "Unit"),
        l("考核内容", "Section"),
        l("项目编号", "Item id"),
        l("考核项目", "Item"),
        l("满分", "Max"),
        l("基础分", "Base"),
        l("核减", "Deducted"),
        l("核加", "Added"),
        l("得分", "Score"),
        l("适用", "Applies"),
    ];
    let mut widths = Widths(Vec::new());
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, header)?;
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
                    for (c, t) in [
                        &r.id,
                        &unit.id,
                        &unit.name,
                        &section.title,
                        &item.id,
                        &item.title,
                    ]
                    .into_iter()
                    .enumerate()
                    {
                        sheet.write_string(row, c as u16, t)?;
                        widths.see(c, t);
                    }
                    sheet.write_number(row, 6, number(item.max))?;
                    match outcome {
                        Some(o) => {
                            sheet.write_number(row, 7, number(o.base))?;
                            sheet.write_number(row, 8, number(o.deducted))?;
                            sheet.write_number(row, 9, number(o.added))?;
                            sheet.write_number_with_format(row, 10, number(o.score), &scores)?;
                            sheet.write_string(row, 11, l("是", "yes"))?;
                        }
                        None => {
                            sheet.write_string(row, 11, l("否（不涉及）", "no (n/a)"))?;
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
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(l("来源", "Provenance"), taken))?;
    let mut widths = Widths(Vec::new());
    let facts = [
        (
            l("工具", "Tool"),
            format!("assess {}", env!("CARGO_PKG_VERSION")),
        ),
        (
            l("暂定结果", "Provisional"),
            if results.provisional() {
                l("是", "yes")
            } else {
                l("否", "no")
            }
            .to_string(),
        ),
    ];
    for (k, (name, value)) in facts.iter().enumerate() {
        sheet.write_string_with_format(k as u32, 0, *name, header)?;
        sheet.write_string(k as u32, 1, value)?;
        widths.see(1, value);
    }
    for (c, h) in [l("用途", "Role"), l("文件", "Path"), "sha256"]
        .iter()
        .enumerate()
    {
        sheet.write_string_with_format(3, c as u16, *h, header)?;
        widths.see(c, h);
    }
    for (k, f) in results.files.iter().enumerate() {
        let row = 4 + k as u32;
        for (c, t) in [f.role.as_str(), &f.path, &f.sha256]
            .into_iter()
            .enumerate()
        {
            sheet.write_string(row, c as u16, t)?;
            widths.see(c, t);
        }
    }
    widths.apply(sheet)?;
    Ok(())
}
