//! The sheets beside 细则: 扣分标准, 基本信息, 评分单位, 考核对象 and 指标说明.

use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Worksheet, XlsxError};

use super::style::{Formats, heads, height, print_setup, put_number, put_text, wrapped};
use crate::model::rubric::{Node, Rubric};
use crate::rubric::workbook::import as book;

pub(super) fn rules_sheet(
    sheet: &mut Worksheet,
    r: &Rubric,
    suffix: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(book::sheet_name(book::SHEET_RULES, suffix))?;
    let names = [
        (book::COL_LEAF, 10.0),
        (book::COL_RULE_ID, 12.0),
        (book::COL_RULE_TEXT, 60.0),
        (book::COL_RULE_KIND, 8.0),
        (book::COL_RULE_POINTS, 10.0),
        (book::COL_RULE_MAX, 8.0),
    ]
    .map(|(n, w)| (n.to_string(), w));
    heads(sheet, 0, &names, f)?;
    for (k, rule) in r.rules.iter().enumerate() {
        let y = 1 + k as u32;
        put_text(sheet, y, 0, &r.items[rule.item].id, &f.code)?;
        put_text(sheet, y, 1, &rule.id, &f.code)?;
        put_text(sheet, y, 2, &rule.text, &f.text)?;
        sheet.set_row_height(y, height(wrapped(&rule.text, 60.0)))?;
        put_text(sheet, y, 3, book::kind_cell(rule.kind), &f.code)?;
        put_number(sheet, y, 4, rule.points, &f.number)?;
        match rule.max {
            Some(m) => put_number(sheet, y, 5, m, &f.number)?,
            None => put_text(sheet, y, 5, "", &f.number)?,
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    print_setup(sheet, true);
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

pub(super) fn info_sheet(
    sheet: &mut Worksheet,
    r: &Rubric,
    suffix: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(book::sheet_name(book::SHEET_INFO, suffix))?;
    sheet.set_column_width(0, 12.0)?;
    sheet.set_column_width(1, 48.0)?;
    sheet.set_column_width(2, 14.0)?;
    let mut labels = vec![
        book::INFO_ID,
        book::INFO_TITLE,
        book::INFO_YEAR,
        book::INFO_TOTAL,
        book::INFO_DECIMALS,
        book::INFO_RANKING,
        book::INFO_PERIOD,
    ];
    if let Some(c) = &r.conversion {
        labels.push(book::INFO_CONVERSION);
        put_number(sheet, 7, 1, c.points, &f.text)?;
        if !c.label.is_empty() {
            labels.push(book::INFO_CONVERSION_LABEL);
            put_text(sheet, 8, 1, &c.label, &f.text)?;
        }
    }
    for (k, label) in labels.iter().enumerate() {
        sheet.write_string_with_format(k as u32, 0, *label, &f.head)?;
    }
    put_text(sheet, 0, 1, &r.id, &f.text)?;
    put_text(sheet, 1, 1, &r.title, &f.text)?;
    sheet.set_row_height(1, height(wrapped(&r.title, 48.0)))?;
    put_number(sheet, 2, 1, Decimal::from(r.year), &f.text)?;
    put_number(sheet, 3, 1, r.total, &f.text)?;
    put_number(sheet, 4, 1, Decimal::from(r.decimals), &f.text)?;
    put_text(sheet, 5, 1, book::ranking_cell(r.ranking), &f.text)?;
    for (c, d) in [(1u16, r.start), (2, r.end)] {
        // A date cell where Excel has one (from 1900 on), else its text.
        match u16::try_from(d.year)
            .ok()
            .and_then(|y| ExcelDateTime::from_ymd(y, d.month as u8, d.day as u8).ok())
        {
            Some(date) => sheet.write_datetime_with_format(6, c, &date, &f.date)?,
            None => sheet.write_string_with_format(6, c, d.to_string(), &f.text)?,
        };
    }
    let grades = labels.len() as u32 + 1;
    for (c, name) in [book::COL_GRADE, book::COL_ID, book::COL_GRADE_MIN]
        .iter()
        .enumerate()
    {
        sheet.write_string_with_format(grades, c as u16, *name, &f.head)?;
    }
    for (k, g) in r.grades.iter().enumerate() {
        let y = grades + 1 + k as u32;
        put_text(sheet, y, 0, &g.label, &f.text)?;
        put_text(sheet, y, 1, &g.id, &f.text)?;
        put_number(sheet, y, 2, g.min, &f.number)?;
    }
    print_setup(sheet, false);
    Ok(())
}

pub(super) fn scorers_sheet(
    sheet: &mut Worksheet,
    r: &Rubric,
    suffix: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(book::sheet_name(book::SHEET_SCORERS, suffix))?;
    let names = [(book::COL_ID, 16.0), (book::COL_NAME, 40.0)].map(|(n, w)| (n.to_string(), w));
    heads(sheet, 0, &names, f)?;
    for (k, s) in r.scorers.iter().enumerate() {
        put_text(sheet, 1 + k as u32, 0, &s.id, &f.text)?;
        put_text(sheet, 1 + k as u32, 1, &s.name, &f.text)?;
    }
    print_setup(sheet, false);
    Ok(())
}

pub(super) fn units_sheet(
    sheet: &mut Worksheet,
    r: &Rubric,
    suffix: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(book::sheet_name(book::SHEET_UNITS, suffix))?;
    let names = [
        (book::COL_ID, 16.0),
        (book::COL_NAME, 36.0),
        (book::COL_ALIASES, 30.0),
    ]
    .map(|(n, w)| (n.to_string(), w));
    heads(sheet, 0, &names, f)?;
    for (k, u) in r.units.iter().enumerate() {
        let y = 1 + k as u32;
        put_text(sheet, y, 0, &u.id, &f.text)?;
        put_text(sheet, y, 1, &u.name, &f.text)?;
        put_text(
            sheet,
            y,
            2,
            &u.aliases.join(&book::ALIAS_SEPARATOR.to_string()),
            &f.text,
        )?;
    }
    sheet.set_freeze_panes(1, 0)?;
    print_setup(sheet, false);
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

/// Sections and groups with their ids as written and their criteria, so
/// that import restores ids a title cell alone would not tell apart.
pub(super) fn groups_sheet(
    sheet: &mut Worksheet,
    r: &Rubric,
    suffix: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(book::sheet_name(book::SHEET_GROUPS, suffix))?;
    let names = [
        (book::COL_ID, 12.0),
        (book::COL_INDICATOR, 30.0),
        (book::COL_CRITERIA, 60.0),
    ]
    .map(|(n, w)| (n.to_string(), w));
    heads(sheet, 0, &names, f)?;
    let mut y = 1u32;
    for (s, section) in r.sections.iter().enumerate() {
        put_text(sheet, y, 0, &section.id, &f.text)?;
        put_text(sheet, y, 1, &section.title, &f.text)?;
        put_text(sheet, y, 2, "", &f.text)?;
        y += 1;
        for node in r.outline(s) {
            if let Node::Group(g, _) = node {
                let g = &r.groups[g];
                put_text(sheet, y, 0, &g.id, &f.text)?;
                put_text(sheet, y, 1, &g.title, &f.text)?;
                let criteria = g.criteria.as_deref().unwrap_or("");
                put_text(sheet, y, 2, criteria, &f.text)?;
                let need = wrapped(criteria, 60.0).max(wrapped(&g.title, 30.0));
                sheet.set_row_height(y, height(need))?;
                y += 1;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    print_setup(sheet, true);
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}
