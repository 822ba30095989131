//! `assess rubric --format xlsx`: a rubric as the workbook an office prints
//! and drafts in (`docs/rubric-workbook.md`); `rubric import` reads it back.
//!
//! Sheet 细则 is the table as printed: a title row, the header row, one row
//! per leaf, each section and group cell merged over its leaves' rows with
//! its id before and its points after its title, on A4 landscape with the
//! header row on every page. 扣分标准, 基本信息, 评分单位, 考核对象 and
//! 指标说明 hold the rest of the rubric; 单位类别, 指标 and 考核方式 its
//! classes, measures and methods (part three), when it has them. The sheet and column names are the
//! format's, from `rubric::workbook::import`, so writer and reader cannot
//! drift apart.
//!
//! Several rubrics make one set of sheets each, named `细则-ID` and so on.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use crate::model::rubric::Rubric;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

mod items;
mod sheets;
mod style;

use items::items_sheet;
use sheets::{
    groups_sheet, info_sheet, part_three_sheets, rules_sheet, scorers_sheet, units_sheet,
};
use style::formats;

/// Renders the workbook's bytes: the same rubrics give the same bytes.
pub fn render(rubrics: &[&Rubric]) -> Result<Vec<u8>, Message> {
    build(rubrics).map_err(|e| msg!("rubric-xlsx-cannot-build", reason = e.to_string()))
}

/// The longest sheet name is 4 characters and a `-`: an id of 26 fits
/// Excel's 31.
const SUFFIX_LEN: usize = 26;

/// Sheet-name suffixes: none for one rubric, else each rubric's id
/// (shortened and numbered when two would clash).
fn suffixes(rubrics: &[&Rubric]) -> Vec<String> {
    if rubrics.len() == 1 {
        return vec![String::new()];
    }
    let mut out: Vec<String> = Vec::new();
    for r in rubrics {
        let base: String = r.id.chars().take(SUFFIX_LEN).collect();
        let mut name = base.clone();
        let mut n = 2;
        while out.contains(&name) {
            let tail = format!("-{n}");
            name = base
                .chars()
                .take(SUFFIX_LEN - tail.len())
                .collect::<String>()
                + &tail;
            n += 1;
        }
        out.push(name);
    }
    out
}

fn build(rubrics: &[&Rubric]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let f = formats();
    for (r, suffix) in rubrics.iter().zip(suffixes(rubrics)) {
        items_sheet(wb.add_worksheet(), r, &suffix, &f)?;
        rules_sheet(wb.add_worksheet(), r, &suffix, &f)?;
        info_sheet(wb.add_worksheet(), r, &suffix, &f)?;
        scorers_sheet(wb.add_worksheet(), r, &suffix, &f)?;
        units_sheet(wb.add_worksheet(), r, &suffix, &f)?;
        groups_sheet(wb.add_worksheet(), r, &suffix, &f)?;
        part_three_sheets(&mut wb, r, &suffix, &f)?;
    }
    // Dated at the end of the assessment period, as every workbook of the
    // tool is, rather than now: the same rubrics give the same bytes.
    let end = rubrics.iter().map(|r| r.end).max();
    let date = end
        .and_then(|d| {
            ExcelDateTime::from_ymd(
                u16::try_from(d.year).ok()?,
                u8::try_from(d.month).ok()?,
                u8::try_from(d.day).ok()?,
            )
            .ok()
        })
        .map_or_else(|| ExcelDateTime::from_ymd(2000, 1, 1), Ok)?;
    let titles: Vec<&str> = rubrics.iter().map(|r| r.title.as_str()).collect();
    let properties = DocProperties::new()
        .set_title(titles.join("; "))
        .set_author("assess")
        .set_creation_datetime(&date);
    wb.set_properties(&properties);
    wb.save_to_buffer()
}
