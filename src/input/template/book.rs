//! A template workbook being written: its sheets' names, its fixed
//! properties, and the instructions sheet that ends it.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use super::Part;
use super::format::{Formats, MAX_WIDTH, excel_date, merged, protect};
use super::reference::{
    Reference, items_reference, lists_reference, measures_reference, rules_reference,
};
use crate::model::catalog::Catalog;
use crate::tables::sheet::display_width;
use crate::text::i18n::Lang;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

pub(super) fn build(f: impl FnOnce() -> Result<Vec<u8>, XlsxError>) -> Result<Vec<u8>, Message> {
    f().map_err(|e| msg!("xlsx-cannot-build", reason = e.to_string()))
}

pub(super) fn parts_rubrics(parts: &[Part]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for p in parts {
        if !out.contains(&p.rubric) {
            out.push(p.rubric);
        }
    }
    out
}

/// A workbook being written, with the rubrics it is for.
pub(super) struct Book<'c> {
    pub(super) workbook: Workbook,
    catalog: &'c Catalog,
    rubrics: Vec<usize>,
    lang: Lang,
    taken: Vec<String>,
    pub(super) formats: Formats,
    pub(super) instructions_name: String,
}

impl<'c> Book<'c> {
    pub(super) fn new(catalog: &'c Catalog, rubrics: Vec<usize>, lang: Lang) -> Book<'c> {
        let mut workbook = Workbook::new();
        let title = rubrics
            .iter()
            .map(|&r| catalog.rubrics[r].title.as_str())
            .collect::<Vec<_>>()
            .join(" / ");
        workbook.set_properties(&properties(catalog, &rubrics, &title));
        let instructions_name = msg!("template-sheet-instructions").render(lang);
        Book {
            workbook,
            catalog,
            rubrics,
            lang,
            // Reserved, so no data sheet takes the instructions' name.
            taken: vec![instructions_name.clone()],
            formats: Formats::new(),
            instructions_name,
        }
    }

    /// A sheet name: at most 31 characters, none of `[]:*?/\`, unique.
    pub(super) fn sheet_name(&mut self, wanted: &str) -> String {
        let clean: String = wanted
            .chars()
            .filter(|c| !"[]:*?/\\'".contains(*c))
            .take(28)
            .collect();
        let clean = clean.trim().to_string();
        let mut name = if clean.is_empty() {
            "sheet".to_string()
        } else {
            clean
        };
        let base = name.clone();
        let mut n = 2;
        while self
            .taken
            .iter()
            .any(|t| t.to_lowercase() == name.to_lowercase())
        {
            name = format!("{base}-{n}");
            n += 1;
        }
        self.taken.push(name.clone());
        name
    }

    pub(super) fn save(&mut self) -> Result<Vec<u8>, XlsxError> {
        self.workbook.save_to_buffer()
    }

    /// The instructions sheet: its title, the lines of `help`, then the
    /// reference tables from row `list_origin(help.len())`: the items and
    /// their criteria, or the drop-down lists and the rules.
    pub(super) fn instructions(
        &mut self,
        help: &[Message],
        reference: Reference,
    ) -> Result<(), XlsxError> {
        let lang = self.lang;
        let tr = |m: Message| m.render(lang);
        let f = self.formats.clone();
        let catalog = self.catalog;
        let title = self
            .rubrics
            .iter()
            .map(|&r| catalog.rubrics[r].title.as_str())
            .collect::<Vec<_>>()
            .join(" / ");
        let sheet = self.workbook.add_worksheet();
        sheet.set_name(&self.instructions_name)?;
        let origin = list_origin(help.len());
        let widths = match reference {
            Reference::Items(parts) => items_reference(sheet, catalog, parts, origin, &f, lang)?,
            Reference::Measures(rubrics) => {
                measures_reference(sheet, catalog, rubrics, origin, &f, lang)?
            }
            Reference::Daily(lists, rubrics) => {
                let below = lists_reference(sheet, lists, origin, &f, lang)?;
                let mut widths = rules_reference(sheet, catalog, rubrics, below + 1, &f, lang)?;
                for (c, list) in [
                    &lists.units,
                    &lists.items,
                    &lists.kinds,
                    &lists.methods,
                    &lists.rules,
                ]
                .iter()
                .enumerate()
                {
                    for t in list.iter() {
                        widths.see(c, t);
                    }
                }
                widths
            }
        };
        let last_col = (widths.0.len().max(1) - 1) as u16;
        let total: f64 = widths.0.iter().map(|w| w.min(MAX_WIDTH)).sum();
        merged(
            sheet,
            0,
            0,
            last_col,
            &tr(msg!("template-help-title", title = &title)),
            &f.title,
        )?;
        sheet.set_row_height(0, 30)?;
        for (k, line) in help.iter().enumerate() {
            let row = 2 + k as u32;
            let text = tr(msg!("template-help-line", n = k + 1, text = line.clone()));
            merged(sheet, row, 0, last_col, &text, &f.wrap)?;
            sheet.set_row_height(
                row,
                16.0 * (display_width(&text) / (total * 1.1)).ceil().max(1.0),
            )?;
        }
        widths.apply(sheet, MAX_WIDTH)?;
        crate::tables::sheet::a4_one_page_wide(sheet, true);
        sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
        protect(sheet, false);
        Ok(())
    }
}

/// The row (index) of the first reference table of an instructions sheet
/// with `lines` lines: its title, a blank row, the lines, a blank row.
pub(super) fn list_origin(lines: usize) -> u32 {
    3 + lines as u32
}

/// Fixed document properties (title, author, dates at the end of the
/// period rather than now), so the same inputs give the same bytes.
fn properties(catalog: &Catalog, rubrics: &[usize], title: &str) -> DocProperties {
    let end = rubrics.iter().map(|&r| catalog.rubrics[r].end).max();
    let date = end
        .and_then(|d| excel_date(d).ok())
        .or_else(|| ExcelDateTime::from_ymd(2000, 1, 1).ok());
    let props = DocProperties::new().set_title(title).set_author("assess");
    match date {
        Some(d) => props.set_creation_datetime(&d),
        None => props,
    }
}
