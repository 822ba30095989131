//! `assess rubric --format xlsx`: a rubric as the workbook an office prints
//! and drafts in (`docs/rubric-workbook.md`); `rubric import` reads it back.
//!
//! Sheet 细则 is the table as printed: a title row, the header row, one row
//! per leaf, each section and group cell merged over its leaves' rows with
//! its id before and its points after its title, on A4 landscape with the
//! header row on every page. 扣分标准, 基本信息, 评分单位, 考核对象 and
//! 指标说明 hold the rest of the rubric. The sheet and column names are the
//! format's, from `rubric::workbook::import`, so writer and reader cannot
//! drift apart.
//!
//! Several rubrics make one set of sheets each, named `细则-ID` and so on.

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::model::rubric::{Node, Rubric};
use crate::num::plain;
use crate::rubric::workbook::import as book;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

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

struct Formats {
    title: Format,
    head: Format,
    level: Format,
    code: Format,
    number: Format,
    text: Format,
    date: Format,
}

fn formats() -> Formats {
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_font_size(10);
    Formats {
        title: Format::new()
            .set_bold()
            .set_font_size(16)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_text_wrap(),
        head: cell
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_text_wrap()
            .set_background_color(0xF2F2F2),
        level: cell.clone().set_align(FormatAlign::Left).set_text_wrap(),
        code: cell.clone().set_align(FormatAlign::Center),
        number: cell.clone().set_align(FormatAlign::Center),
        text: cell.clone().set_align(FormatAlign::Left).set_text_wrap(),
        date: cell
            .set_align(FormatAlign::Left)
            .set_num_format("yyyy-mm-dd"),
    }
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

/// A decimal as a number cell when a double holds it (15 significant
/// digits, what import reads back), else as its exact text.
fn put_number(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    d: Decimal,
    format: &Format,
) -> Result<(), XlsxError> {
    let n = d.normalize();
    let mut digits = n.mantissa().unsigned_abs();
    while digits != 0 && digits % 10 == 0 {
        digits /= 10;
    }
    let significant = digits.checked_ilog10().map_or(1, |l| l + 1);
    match plain(n).parse::<f64>() {
        Ok(v) if significant <= 15 => sheet.write_number_with_format(row, col, v, format)?,
        _ => sheet.write_string_with_format(row, col, plain(n), format)?,
    };
    Ok(())
}

fn put_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if text.is_empty() {
        sheet.write_blank(row, col, format)?;
    } else {
        sheet.write_string_with_format(row, col, text, format)?;
    }
    Ok(())
}

/// A cell over rows `first..=last` and columns `c0..=c1`: merged when it
/// covers more than one.
#[allow(clippy::too_many_arguments)]
fn put_over(
    sheet: &mut Worksheet,
    first: u32,
    last: u32,
    c0: u16,
    c1: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if first == last && c0 == c1 {
        put_text(sheet, first, c0, text, format)
    } else {
        sheet.merge_range(first, c0, last, c1, text, format)?;
        Ok(())
    }
}

/// A4 (paper 9), margins in inches, page numbers at the foot.
fn print_setup(sheet: &mut Worksheet, landscape: bool) {
    crate::tables::sheet::a4_one_page_wide(sheet, landscape);
    sheet.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    sheet.set_print_center_horizontally(true);
    sheet.set_footer(format!("&C{}", crate::text::i18n::tr!("rubric-xlsx-page")));
}

/// Width of 10-point text in column units (the width of a `0` of the
/// default font): a CJK character takes about two, others about one.
fn units(text: &str) -> f64 {
    crate::text::width::measure(text, 1.9, 0.95)
}

/// A header row and its column widths.
fn heads(
    sheet: &mut Worksheet,
    row: u32,
    names: &[(String, f64)],
    f: &Formats,
) -> Result<(), XlsxError> {
    for (c, (name, w)) in names.iter().enumerate() {
        sheet.write_string_with_format(row, c as u16, name, &f.head)?;
        sheet.set_column_width(c as u16, *w)?;
    }
    Ok(())
}

fn items_sheet(
    sheet: &mut Worksheet,
    r: &Rubric,
    suffix: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(book::sheet_name(book::SHEET_ITEMS, suffix))?;
    let level_of = |i: usize| r.path(r.items[i].parent).len() + 2;
    let depth = (0..r.items.len()).map(level_of).max().unwrap_or(2);
    let names = items_columns(r, depth);
    let widths: Vec<f64> = names.iter().map(|(_, w)| *w).collect();
    let last = (names.len() - 1) as u16;
    sheet.merge_range(0, 0, 0, last, &r.title, &f.title)?;
    sheet.set_row_height(0, 40)?;
    heads(sheet, 1, &names, f)?;
    sheet.set_row_height(1, height(2))?;
    // Rows do not grow to fit wrapped text when a workbook is opened, so
    // each row is given the height its longest cell needs.
    let mut lines = vec![1usize; r.items.len()];
    for (s, section) in r.sections.iter().enumerate() {
        if section.items.is_empty() {
            continue;
        }
        for node in r.outline(s) {
            if let Node::Leaf(i, level) = node {
                let at = LeafAt { i, level, depth };
                lines[i] = leaf_row(sheet, r, at, &widths, f)?;
            }
        }
    }
    // A section's or group's cell spans its leaves' rows: when its text
    // needs more lines than they have, its last row grows.
    let spans = indicator_spans(r);
    for (items, col, text) in &spans {
        if items.is_empty() {
            continue;
        }
        let need = wrapped(text, widths[*col]);
        let have: usize = lines[items.clone()].iter().sum();
        if need > have {
            lines[items.end - 1] += need - have;
        }
    }
    for (i, n) in lines.iter().enumerate() {
        sheet.set_row_height(leaf_row_number(i), height(*n))?;
    }
    for (items, col, text) in &spans {
        if items.is_empty() {
            continue;
        }
        let c = *col as u16;
        put_over(
            sheet,
            leaf_row_number(items.start),
            leaf_row_number(items.end - 1),
            c,
            c,
            text,
            &f.level,
        )?;
    }
    sheet.set_freeze_panes(2, 0)?;
    print_setup(sheet, true);
    sheet.set_repeat_rows(1, 1)?;
    Ok(())
}

/// The cell of a section: `1 政务公开（56分）`, its points its leaves' sum.
fn section_cell(r: &Rubric, s: usize) -> String {
    let section = &r.sections[s];
    let sum: Decimal = r.items[section.items.clone()].iter().map(|i| i.max).sum();
    book::indicator_cell(&section.id, &section.title, sum)
}

/// The cell of a group: `1.3 平台建设（8分）`.
fn group_cell(r: &Rubric, g: usize) -> String {
    let g = &r.groups[g];
    book::indicator_cell(&g.id, &g.title, g.max)
}

/// The columns of 细则 with their widths: one per level, then the leaf's.
fn items_columns(r: &Rubric, depth: usize) -> Vec<(String, f64)> {
    // Each level column as wide as its longest word-free run of text
    // allows, within reason: long titles wrap.
    let mut level_width = vec![8.0f64; depth];
    for s in 0..r.sections.len() {
        level_width[0] = level_width[0].max(units(&section_cell(r, s)) / 2.0 + 1.0);
        for node in r.outline(s) {
            let (col, text) = match node {
                Node::Group(g, l) => (l - 1, group_cell(r, g)),
                Node::Leaf(i, l) => (l - 1, r.items[i].title.clone()),
            };
            level_width[col] = level_width[col].max(units(&text) / 2.0 + 1.0);
        }
    }
    let mut names: Vec<(String, f64)> = (1..=depth)
        .map(|l| (book::level_name(l), level_width[l - 1].clamp(10.0, 16.0)))
        .collect();
    let id_width = r.items.iter().map(|i| units(&i.id)).fold(5.0, f64::max) + 1.5;
    names.extend([
        (book::COL_ID.to_string(), id_width.min(12.0)),
        (book::COL_POINTS.to_string(), 6.0),
        (book::COL_CRITERIA.to_string(), 60.0),
        (book::COL_SCORERS.to_string(), 18.0),
        (book::COL_MAX_DEDUCT.to_string(), 6.5),
        (book::COL_MAX_ADD.to_string(), 6.5),
        (book::COL_METHOD.to_string(), 6.5),
    ]);
    names
}

/// Leaf i sits on row 2 + i: the leaves are in order, depth first.
fn leaf_row_number(i: usize) -> u32 {
    2 + i as u32
}

/// Which leaf a row of 细则 holds, the level of its title and the deepest
/// level of the sheet.
struct LeafAt {
    i: usize,
    level: usize,
    depth: usize,
}

/// The row of a leaf: its title over the level columns from its own to
/// the deepest, then 编号, 分值, 评分标准, 评分单位, the caps and 计分方式.
/// Returns the lines the row needs.
fn leaf_row(
    sheet: &mut Worksheet,
    r: &Rubric,
    LeafAt { i, level, depth }: LeafAt,
    widths: &[f64],
    f: &Formats,
) -> Result<usize, XlsxError> {
    let d = depth as u16;
    let span = |c0: usize, c1: usize| widths[c0..=c1].iter().sum::<f64>();
    let item = &r.items[i];
    let y = leaf_row_number(i);
    put_over(
        sheet,
        y,
        y,
        (level - 1) as u16,
        d - 1,
        &item.title,
        &f.level,
    )?;
    put_text(sheet, y, d, &item.id, &f.code)?;
    put_number(sheet, y, d + 1, item.max, &f.number)?;
    let criteria = item.criteria.as_deref().unwrap_or("");
    put_text(sheet, y, d + 2, criteria, &f.text)?;
    let weights: Vec<(&str, Decimal)> = item
        .scorers
        .iter()
        .map(|w| (r.scorers[w.scorer].name.as_str(), w.weight))
        .collect();
    let scorers = book::weights_cell(&weights);
    put_text(sheet, y, d + 3, &scorers, &f.text)?;
    for (c, cap) in [(d + 4, item.max_deduct), (d + 5, item.max_add)] {
        match cap {
            Some(x) => put_number(sheet, y, c, x, &f.number)?,
            None => put_text(sheet, y, c, "", &f.number)?,
        }
    }
    let method = if item.scorers.is_empty() {
        book::method_cell(item.start)
    } else {
        ""
    };
    put_text(sheet, y, d + 6, method, &f.code)?;
    let c = depth;
    Ok([
        wrapped(&item.title, span(level - 1, depth - 1)),
        wrapped(&item.id, widths[c]),
        wrapped(criteria, widths[c + 2]),
        wrapped(&scorers, widths[c + 3]),
    ]
    .into_iter()
    .fold(1, usize::max))
}

/// Each section and group: the leaves it spans, its column and its cell.
fn indicator_spans(r: &Rubric) -> Vec<(std::ops::Range<usize>, usize, String)> {
    let mut spans = Vec::new();
    for (s, section) in r.sections.iter().enumerate() {
        spans.push((section.items.clone(), 0, section_cell(r, s)));
        for node in r.outline(s) {
            if let Node::Group(g, level) = node {
                spans.push((r.groups[g].items.clone(), level - 1, group_cell(r, g)));
            }
        }
    }
    spans
}

/// The height in points of a row of `lines` lines of 10-point text.
fn height(lines: usize) -> f64 {
    lines as f64 * 13.5 + 4.0
}

/// How many lines `text` takes in a column `width` characters wide, each
/// paragraph wrapped on its own.
fn wrapped(text: &str, width: f64) -> usize {
    let room = (width - 1.0).max(1.0);
    text.split('\n')
        .map(|p| ((units(p) / room).ceil() as usize).max(1))
        .sum()
}

fn rules_sheet(
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

fn info_sheet(
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

fn scorers_sheet(
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

fn units_sheet(
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
fn groups_sheet(
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
