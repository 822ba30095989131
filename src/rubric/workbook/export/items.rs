//! Sheet 细则: a title row, the header row, one row per leaf; each section
//! and group cell merged over its leaves' rows. The columns of part three
//! (类别, 最低分, 指标, 计分标尺, 折算方式, 适用范围) follow, each only when
//! the rubric uses it, so a rubric without part three looks as before.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Worksheet, XlsxError};

use super::style::{
    Formats, heads, height, print_setup, put_number, put_over, put_text, units, wrapped,
};
use crate::model::rubric::{Applies, Node, PartKind, Rubric};
use crate::rubric::workbook::import as book;

/// The columns of part three the rubric uses, each its column number.
#[derive(Clone, Copy, Default)]
struct Extras {
    part: Option<u16>,
    floor: Option<u16>,
    /// 指标; 计分标尺 and 折算方式 follow it.
    measure: Option<u16>,
    applies: Option<u16>,
}

impl Extras {
    /// Numbered after the leaf's own columns, which end at `first - 1`.
    fn of(r: &Rubric, first: u16) -> Extras {
        let mut next = first;
        let mut take = |used: bool, width: u16| {
            used.then(|| {
                next += width;
                next - width
            })
        };
        Extras {
            part: take(r.sections.iter().any(|s| s.kind != PartKind::Scored), 1),
            floor: take(r.items.iter().any(|i| i.floor_written), 1),
            measure: take(r.items.iter().any(|i| i.measure.is_some()), 3),
            applies: take(r.items.iter().any(|i| !i.applies.is_everyone()), 1),
        }
    }

    /// Their headings and widths, in order.
    fn columns(self) -> Vec<(String, f64)> {
        let mut out = Vec::new();
        if self.part.is_some() {
            out.push((book::COL_PART, 14.0));
        }
        if self.floor.is_some() {
            out.push((book::COL_FLOOR, 6.5));
        }
        if self.measure.is_some() {
            out.extend([
                (book::COL_MEASURE, 12.0),
                (book::COL_SCALE, 16.0),
                (book::COL_INTERPOLATE, 6.5),
            ]);
        }
        if self.applies.is_some() {
            out.push((book::COL_APPLIES, 24.0));
        }
        out.into_iter().map(|(n, w)| (n.to_string(), w)).collect()
    }
}

pub(super) fn items_sheet(
    sheet: &mut Worksheet,
    r: &Rubric,
    suffix: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(book::sheet_name(book::SHEET_ITEMS, suffix))?;
    let level_of = |i: usize| r.path(r.items[i].parent).len() + 2;
    let depth = (0..r.items.len()).map(level_of).max().unwrap_or(2);
    let extras = Extras::of(r, depth as u16 + 7);
    let mut names = items_columns(r, depth);
    names.extend(extras.columns());
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
                lines[i] = lines[i].max(extra_cells(sheet, r, i, extras, &widths, f)?);
            }
        }
    }
    // A section's or group's cell spans its leaves' rows: when its text
    // needs more lines than they have, its last row grows.
    let mut spans = indicator_spans(r);
    if let Some(c) = extras.part {
        // 类别 is its section's, merged over its rows like the section cell.
        for section in &r.sections {
            let cell = book::part_cell(section.kind, section.gate);
            spans.push((section.items.clone(), c as usize, cell));
        }
    }
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
        let format = if *col < depth { &f.level } else { &f.code };
        put_over(
            sheet,
            leaf_row_number(items.start),
            leaf_row_number(items.end - 1),
            c,
            c,
            text,
            format,
        )?;
    }
    sheet.set_freeze_panes(2, 0)?;
    print_setup(sheet, true);
    sheet.set_repeat_rows(1, 1)?;
    Ok(())
}

/// The cell of a section: `1 政务公开（56分）`, its points its leaves'
/// sum; a bonus or penalty part's are its max (`bonus 加分项（5分）`).
fn section_cell(r: &Rubric, s: usize) -> String {
    let section = &r.sections[s];
    let sum: Decimal = r.items[section.items.clone()].iter().map(|i| i.max).sum();
    let points = match section.kind {
        PartKind::Scored => sum,
        PartKind::Bonus | PartKind::Penalty => section.max.unwrap_or(sum),
    };
    book::indicator_cell(&section.id, &section.title, points)
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
    // Only a leaf of daily records alone starts somewhere.
    let method =
        if item.scorers.is_empty() && item.measure.is_none() && r.part_of(i) != PartKind::Penalty {
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

/// The leaf's cells of part three but 类别 (its section's): 最低分, the
/// measure and its scale, 适用范围. Returns the lines the row needs.
fn extra_cells(
    sheet: &mut Worksheet,
    r: &Rubric,
    i: usize,
    x: Extras,
    widths: &[f64],
    f: &Formats,
) -> Result<usize, XlsxError> {
    let item = &r.items[i];
    let y = leaf_row_number(i);
    let mut lines = 1;
    if let Some(c) = x.floor {
        match item.floor_written {
            true => put_number(sheet, y, c, item.floor, &f.number)?,
            false => put_text(sheet, y, c, "", &f.number)?,
        }
    }
    if let Some(c) = x.measure {
        let measured = item.measure.as_ref();
        let name = measured
            .and_then(|m| r.measures.get(m.measure))
            .map_or("", |m| m.title.as_str());
        let scale = measured.map_or_else(String::new, |m| book::scale_cell(&m.scale));
        let interpolate = measured.map_or("", |m| book::interpolate_cell(m.interpolate));
        put_text(sheet, y, c, name, &f.text)?;
        put_text(sheet, y, c + 1, &scale, &f.text)?;
        put_text(sheet, y, c + 2, interpolate, &f.code)?;
        for (text, col) in [(name, c), (scale.as_str(), c + 1)] {
            lines = lines.max(wrapped(text, widths[col as usize]));
        }
    }
    if let Some(c) = x.applies {
        let cell = applies_cell(r, &item.applies);
        put_text(sheet, y, c, &cell, &f.text)?;
        lines = lines.max(wrapped(&cell, widths[c as usize]));
    }
    Ok(lines)
}

/// 适用范围 of a leaf or group, from the names of its classes.
pub(super) fn applies_cell(r: &Rubric, a: &Applies) -> String {
    let names = |list: &[usize]| -> Vec<&str> {
        list.iter()
            .filter_map(|&c| r.classes.get(c).map(|c| c.label.as_str()))
            .collect()
    };
    book::applies_cell(&names(&a.to), &names(&a.except))
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
