//! The sheets beside 细则: 扣分标准, 基本信息, 评分单位, 考核对象 and 指标说明;
//! and of part three, when the rubric has them, 单位类别, 指标 and 考核方式.

use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Worksheet, XlsxError};

use super::items::applies_cell;
use super::style::{Formats, heads, height, print_setup, put_number, put_text, wrapped};
use crate::model::rubric::{NaPolicy, Node, Rubric};
use crate::rubric::workbook::import as book;

/// A value of 基本信息 after its label.
enum InfoValue {
    Text(String),
    Number(Decimal),
}

/// The rows of 基本信息 after 考核期: the conversion, then what part three
/// adds, each only when the rubric has it.
fn info_rows(r: &Rubric) -> Vec<(&'static str, InfoValue)> {
    let mut rows = Vec::new();
    if let Some(c) = &r.conversion {
        rows.push((book::INFO_CONVERSION, InfoValue::Number(c.points)));
        if !c.label.is_empty() {
            rows.push((
                book::INFO_CONVERSION_LABEL,
                InfoValue::Text(c.label.clone()),
            ));
        }
    }
    if r.max_total_written {
        rows.push((book::INFO_MAX_TOTAL, InfoValue::Number(r.max_total)));
    }
    if r.na != NaPolicy::Rescale {
        rows.push((book::INFO_NA, InfoValue::Text(book::na_cell(r.na).into())));
    }
    if let Some(cap) = r.veto.cap {
        rows.push((book::INFO_VETO_CAP, InfoValue::Number(cap)));
    }
    if let Some(total) = r.veto.total {
        rows.push((book::INFO_VETO_TOTAL, InfoValue::Number(total)));
    }
    if r.veto.rank_last {
        let cell = book::rank_cell(true).into();
        rows.push((book::INFO_VETO_RANK, InfoValue::Text(cell)));
    }
    rows
}

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
    for (label, value) in info_rows(r) {
        let y = labels.len() as u32;
        labels.push(label);
        match value {
            InfoValue::Number(x) => put_number(sheet, y, 1, x, &f.text)?,
            InfoValue::Text(t) => put_text(sheet, y, 1, &t, &f.text)?,
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
    let mut columns = vec![book::COL_GRADE, book::COL_ID, book::COL_GRADE_MIN];
    // 名额 only when a grade has a quota.
    let quotas = r.grades.iter().any(|g| g.quota.is_some());
    if quotas {
        columns.push(book::COL_QUOTA);
        sheet.set_column_width(3, 10.0)?;
    }
    for (c, name) in columns.iter().enumerate() {
        sheet.write_string_with_format(grades, c as u16, *name, &f.head)?;
    }
    for (k, g) in r.grades.iter().enumerate() {
        let y = grades + 1 + k as u32;
        put_text(sheet, y, 0, &g.label, &f.text)?;
        put_text(sheet, y, 1, &g.id, &f.text)?;
        put_number(sheet, y, 2, g.min, &f.number)?;
        if quotas {
            let cell = g.quota.map(book::quota_cell).unwrap_or_default();
            put_text(sheet, y, 3, &cell, &f.number)?;
        }
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
    let mut names = vec![
        (book::COL_ID, 16.0),
        (book::COL_NAME, 36.0),
        (book::COL_ALIASES, 30.0),
    ];
    // 类别 only when a unit has a class.
    let classes = r.units.iter().any(|u| !u.classes.is_empty());
    if classes {
        names.push((book::COL_CLASSES, 30.0));
    }
    let names: Vec<(String, f64)> = names.into_iter().map(|(n, w)| (n.to_string(), w)).collect();
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
        if classes {
            let labels: Vec<&str> = u
                .classes
                .iter()
                .filter_map(|&c| r.classes.get(c).map(|c| c.label.as_str()))
                .collect();
            put_text(
                sheet,
                y,
                3,
                &labels.join(&book::ALIAS_SEPARATOR.to_string()),
                &f.text,
            )?;
        }
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
    let mut names = vec![
        (book::COL_ID, 12.0),
        (book::COL_INDICATOR, 30.0),
        (book::COL_CRITERIA, 60.0),
    ];
    // 适用范围 only when a group has one.
    let applies = r.groups.iter().any(|g| !g.applies.is_everyone());
    if applies {
        names.push((book::COL_APPLIES, 24.0));
    }
    let names: Vec<(String, f64)> = names.into_iter().map(|(n, w)| (n.to_string(), w)).collect();
    heads(sheet, 0, &names, f)?;
    let mut y = 1u32;
    for (s, section) in r.sections.iter().enumerate() {
        put_text(sheet, y, 0, &section.id, &f.text)?;
        put_text(sheet, y, 1, &section.title, &f.text)?;
        put_text(sheet, y, 2, "", &f.text)?;
        if applies {
            put_text(sheet, y, 3, "", &f.text)?;
        }
        y += 1;
        for node in r.outline(s) {
            if let Node::Group(g, _) = node {
                let g = &r.groups[g];
                put_text(sheet, y, 0, &g.id, &f.text)?;
                put_text(sheet, y, 1, &g.title, &f.text)?;
                let criteria = g.criteria.as_deref().unwrap_or("");
                put_text(sheet, y, 2, criteria, &f.text)?;
                let mut need = wrapped(criteria, 60.0).max(wrapped(&g.title, 30.0));
                if applies {
                    let cell = applies_cell(r, &g.applies);
                    put_text(sheet, y, 3, &cell, &f.text)?;
                    need = need.max(wrapped(&cell, 24.0));
                }
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

/// 单位类别, 指标 and 考核方式: the ones the rubric has, in that order.
pub(super) fn part_three_sheets(
    wb: &mut rust_xlsxwriter::Workbook,
    r: &Rubric,
    suffix: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    if !r.classes.is_empty() {
        let rows: Vec<Vec<&str>> = r
            .classes
            .iter()
            .map(|c| vec![c.id.as_str(), c.label.as_str()])
            .collect();
        let sheet = wb.add_worksheet();
        sheet.set_name(book::sheet_name(book::SHEET_CLASSES, suffix))?;
        list_sheet(
            sheet,
            &[(book::COL_ID, 16.0), (book::COL_NAME, 36.0)],
            &rows,
            f,
        )?;
    }
    if !r.measures.is_empty() {
        let rows: Vec<Vec<&str>> = r
            .measures
            .iter()
            .map(|m| {
                vec![
                    m.id.as_str(),
                    m.title.as_str(),
                    m.unit.as_deref().unwrap_or(""),
                ]
            })
            .collect();
        let sheet = wb.add_worksheet();
        sheet.set_name(book::sheet_name(book::SHEET_MEASURES, suffix))?;
        let names = [
            (book::COL_ID, 16.0),
            (book::COL_NAME, 30.0),
            (book::COL_MEASURE_UNIT, 10.0),
        ];
        list_sheet(sheet, &names, &rows, f)?;
    }
    if r.methods.iter().any(|m| !m.builtin) {
        let rows: Vec<Vec<&str>> = r
            .methods
            .iter()
            .map(|m| vec![m.id.as_str(), m.label.as_str()])
            .collect();
        let sheet = wb.add_worksheet();
        sheet.set_name(book::sheet_name(book::SHEET_METHODS, suffix))?;
        list_sheet(
            sheet,
            &[(book::COL_ID, 16.0), (book::COL_NAME, 30.0)],
            &rows,
            f,
        )?;
    }
    Ok(())
}

/// A sheet of a header row and one row of texts per entry.
fn list_sheet(
    sheet: &mut Worksheet,
    columns: &[(&str, f64)],
    rows: &[Vec<&str>],
    f: &Formats,
) -> Result<(), XlsxError> {
    let names: Vec<(String, f64)> = columns.iter().map(|(n, w)| (n.to_string(), *w)).collect();
    heads(sheet, 0, &names, f)?;
    for (k, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            put_text(sheet, 1 + k as u32, c as u16, text, &f.text)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    print_setup(sheet, false);
    Ok(())
}
