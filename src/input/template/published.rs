//! `template published --format xlsx`: the roster of the published
//! results, to fill.

use rust_xlsxwriter::{DataValidation, DataValidationRule};

use super::book::{Book, build};
use super::format::{MAX_WIDTH, choice_validation, clip, number, print_setup, protect};
use super::{heading, name};
use crate::input::published;
use crate::model::catalog::Catalog;
use crate::num::plain;
use crate::tables::sheet::Widths;
use crate::text::i18n::Lang;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// `template published --format xlsx`: the roster, with the total, grade
/// and rank to fill.
pub fn published(catalog: &Catalog, rubrics: &[usize], lang: Lang) -> Result<Vec<u8>, Message> {
    build(|| {
        let mut book = Book::new(catalog, rubrics.to_vec(), lang);
        let sheet_name = book.sheet_name(&msg!("template-sheet-published").render(lang));
        let f = book.formats.clone();
        let tr = |m: Message| m.render(lang);
        let sheet = book.workbook.add_worksheet();
        sheet.set_name(&sheet_name)?;
        let mut widths = Widths::default();
        for (c, col) in published::COLUMNS.iter().enumerate() {
            let h = heading(std::slice::from_ref(col), col.key, lang);
            sheet.write_string_with_format(0, c as u16, &h, &f.header)?;
            widths.see(c, &h);
        }
        let mut line = 1u32;
        for &ri in rubrics {
            let r = &catalog.rubrics[ri];
            let first = line;
            for u in &r.units {
                let t = name(&u.id, &u.name, lang);
                sheet.write_string_with_format(line, 0, &t, &f.label)?;
                widths.see(0, &t);
                sheet.write_blank(line, 1, &f.input)?;
                sheet.write_blank(line, 2, &f.input_text)?;
                sheet.write_blank(line, 3, &f.input)?;
                line += 1;
            }
            if line == first {
                continue;
            }
            let last = line - 1;
            let scale = plain(r.total);
            let total = DataValidation::new()
                .allow_decimal_number(DataValidationRule::Between(0.0, number(r.total)))
                .set_input_message(clip(&tr(msg!("template-total-input", max = &scale)), 255))?
                .set_error_title(clip(&tr(msg!("template-score-error-title")), 32))?
                .set_error_message(clip(&tr(msg!("template-total-error", max = &scale)), 255))?;
            sheet.add_data_validation(first, 1, last, 1, &total)?;
            let grades: Vec<String> = r
                .grades
                .iter()
                .map(|g| name(&g.id, &g.label, lang))
                .collect();
            let grade = choice_validation(&grades, msg!("template-grade-input"), lang)?;
            sheet.add_data_validation(first, 2, last, 2, &grade)?;
            let count = i32::try_from(r.units.len()).unwrap_or(i32::MAX);
            let rank = DataValidation::new()
                .allow_whole_number(DataValidationRule::Between(1, count))
                .set_input_message(clip(&tr(msg!("template-rank-input", count = count)), 255))?
                .set_error_title(clip(&tr(msg!("template-rank-error-title")), 32))?
                .set_error_message(clip(&tr(msg!("template-rank-error", count = count)), 255))?;
            sheet.add_data_validation(first, 3, last, 3, &rank)?;
        }
        widths.see(1, "00000000");
        widths.see(2, "00000000");
        widths.see(3, "000000");
        widths.apply(sheet, MAX_WIDTH)?;
        sheet.set_freeze_panes(1, 0)?;
        print_setup(sheet, 0, None, lang)?;
        sheet.set_portrait();
        protect(sheet, false);
        book.save()
    })
}
