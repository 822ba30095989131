//! The reference tables of an instructions sheet: the lists the daily
//! template's drop-downs read, the rubrics' rules, the annual template's
//! leaves with their criteria.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::format::{Formats, merged, number};
use super::{Part, heading, leaves, name};
use crate::input::{daily, scores};
use crate::model::catalog::Catalog;
use crate::model::record::Kind;
use crate::num::plain;
use crate::tables::sheet::{Widths, display_width};
use crate::text::i18n::Lang;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// What the instructions sheet lists below its lines.
pub(super) enum Reference<'a> {
    /// The leaves of an annual template, with their criteria.
    Items(&'a [Part]),
    /// The daily template's drop-down lists and the rules of the rubrics.
    Daily(&'a Lists, &'a [usize]),
    /// The measures of the rubrics, with the lines scored from each and
    /// their scales.
    Measures(&'a [usize]),
}

/// The daily template's lists, as the cells will hold them.
pub(super) struct Lists {
    pub(super) units: Vec<String>,
    pub(super) items: Vec<String>,
    pub(super) kinds: Vec<String>,
    pub(super) methods: Vec<String>,
    /// Rule ids, each once (a rule is found within the record's item).
    pub(super) rules: Vec<String>,
}

impl Lists {
    pub(super) fn of(catalog: &Catalog, rubrics: &[usize], lang: Lang) -> Lists {
        let mut units = Vec::new();
        let mut items = Vec::new();
        let mut rules = Vec::new();
        let push = |list: &mut Vec<String>, t: String| {
            if !list.contains(&t) {
                list.push(t);
            }
        };
        for &ri in rubrics {
            let r = &catalog.rubrics[ri];
            for u in &r.units {
                push(&mut units, name(&u.id, &u.name, lang));
            }
            for i in &r.items {
                push(&mut items, name(&i.id, &i.title, lang));
            }
            for rule in &r.rules {
                push(&mut rules, rule.id.clone());
            }
        }
        let kinds = [Kind::Deduct, Kind::Add, Kind::Veto, Kind::Zero]
            .iter()
            .map(|k| name(k.id(), k.label(), lang))
            .collect();
        // Each rubric's methods: the five of the notice, or its own.
        let mut methods = Vec::new();
        for &ri in rubrics {
            for m in &catalog.rubrics[ri].methods {
                push(&mut methods, name(&m.id, &m.label, lang));
            }
        }
        Lists {
            units,
            items,
            kinds,
            methods,
            rules,
        }
    }
}

/// The lists the drop-downs read, one column each from A, headed on row
/// `origin`; returns the row after the longest.
pub(super) fn lists_reference(
    sheet: &mut Worksheet,
    lists: &Lists,
    origin: u32,
    f: &Formats,
    lang: Lang,
) -> Result<u32, XlsxError> {
    let columns = [
        (heading(scores::COLUMNS, "unit", lang), &lists.units),
        (heading(scores::COLUMNS, "item", lang), &lists.items),
        (heading(daily::COLUMNS, "kind", lang), &lists.kinds),
        (heading(daily::COLUMNS, "method", lang), &lists.methods),
        (heading(daily::COLUMNS, "rule", lang), &lists.rules),
    ];
    let mut below = origin + 1;
    for (col, (heading, list)) in columns.iter().enumerate() {
        sheet.write_string_with_format(origin, col as u16, heading, &f.header)?;
        for (n, t) in list.iter().enumerate() {
            sheet.write_string_with_format(origin + 1 + n as u32, col as u16, t, &f.label)?;
        }
        below = below.max(origin + 1 + list.len() as u32);
    }
    Ok(below)
}

/// A reference table: a bold heading, a header row, rows of cells (text,
/// or a number), each rubric's rows under its title when there are
/// several. Returns the column widths it needs.
fn reference_table(
    sheet: &mut Worksheet,
    mut row: u32,
    heading: &str,
    header: &[String],
    groups: &[(String, Vec<Vec<RefCell>>)],
    widths: &[f64],
    f: &Formats,
) -> Result<Widths, XlsxError> {
    let last_col = (header.len() - 1) as u16;
    sheet.write_string_with_format(row, 0, heading, &f.bold)?;
    row += 1;
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(row, c as u16, h, &f.header)?;
    }
    row += 1;
    let mut w = Widths(widths.to_vec());
    for (title, rows) in groups {
        if groups.len() > 1 {
            merged(sheet, row, 0, last_col, title, &f.band)?;
            row += 1;
        }
        for cells in rows {
            let mut lines = 1.0f64;
            for (c, cell) in cells.iter().enumerate() {
                match cell {
                    RefCell::Text(t) => {
                        sheet.write_string_with_format(row, c as u16, t, &f.label_wrap)?;
                        // A column holds a little more than its width in
                        // characters: estimate lines on the generous side.
                        let room = 1.05 * widths.get(c).copied().unwrap_or(10.0);
                        lines = lines.max((display_width(t) / room).ceil());
                    }
                    RefCell::Number(d) => {
                        sheet.write_number_with_format(
                            row,
                            c as u16,
                            number(*d),
                            &f.label_center,
                        )?;
                    }
                    RefCell::Empty => {
                        sheet.write_blank(row, c as u16, &f.label)?;
                    }
                }
            }
            sheet.set_row_height(row, (15.0 * lines).min(400.0))?;
            row += 1;
        }
    }
    for (c, h) in header.iter().enumerate() {
        w.see(c, h);
    }
    Ok(w)
}

/// The measures of the rubrics: id, title, unit, and each line scored
/// from it with its scale (`89 → 0，99 → 5，其间按比例`).
pub(super) fn measures_reference(
    sheet: &mut Worksheet,
    catalog: &Catalog,
    rubrics: &[usize],
    row: u32,
    f: &Formats,
    lang: Lang,
) -> Result<Widths, XlsxError> {
    let tr = |m: Message| m.render(lang);
    let widths = [14.0, 20.0, 8.0, 36.0, 50.0];
    let header = [
        tr(msg!("template-ref-id")),
        tr(msg!("template-ref-measure")),
        tr(msg!("template-ref-measure-unit")),
        tr(msg!("template-ref-item")),
        tr(msg!("template-ref-scale")),
    ];
    let mut groups: Vec<(String, Vec<Vec<RefCell>>)> = Vec::new();
    for &ri in rubrics {
        let r = &catalog.rubrics[ri];
        let mut rows = Vec::new();
        for (m, measure) in r.measures.iter().enumerate() {
            for item in r.items.iter() {
                let Some(x) = item.measure.as_ref().filter(|x| x.measure == m) else {
                    continue;
                };
                let points = x
                    .scale
                    .iter()
                    .map(|(v, s)| {
                        tr(msg!(
                            "template-ref-scale-point",
                            value = plain(*v),
                            unit = measure.unit.clone().unwrap_or_default(),
                            points = plain(*s)
                        ))
                    })
                    .collect::<Vec<_>>()
                    .join(&tr(msg!("template-ref-separator")));
                let how = match x.interpolate {
                    crate::model::rubric::Interpolate::Linear => msg!("template-ref-linear"),
                    crate::model::rubric::Interpolate::Step => msg!("template-ref-step"),
                };
                rows.push(vec![
                    RefCell::Text(measure.id.clone()),
                    RefCell::Text(measure.title.clone()),
                    measure
                        .unit
                        .as_ref()
                        .map_or(RefCell::Empty, |u| RefCell::Text(u.clone())),
                    RefCell::Text(format!("{} {}", item.id, item.title)),
                    RefCell::Text(tr(msg!(
                        "template-ref-scale-text",
                        points = points,
                        how = how
                    ))),
                ]);
            }
        }
        groups.push((r.title.clone(), rows));
    }
    reference_table(
        sheet,
        row,
        &tr(msg!("template-help-measures-list")),
        &header,
        &groups,
        &widths,
        f,
    )
}

/// A cell of a reference table.
enum RefCell {
    Text(String),
    Number(rust_decimal::Decimal),
    Empty,
}

/// The rules of the rubrics: leaf, rule id, text, kind, points per
/// instance, cap.
pub(super) fn rules_reference(
    sheet: &mut Worksheet,
    catalog: &Catalog,
    rubrics: &[usize],
    row: u32,
    f: &Formats,
    lang: Lang,
) -> Result<Widths, XlsxError> {
    let tr = |m: Message| m.render(lang);
    let widths = [12.0, 24.0, 14.0, 60.0, 10.0, 10.0, 8.0];
    let header = [
        tr(msg!("template-ref-id")),
        heading(scores::COLUMNS, "item", lang),
        heading(daily::COLUMNS, "rule", lang),
        tr(msg!("template-ref-rule-text")),
        heading(daily::COLUMNS, "kind", lang),
        tr(msg!("template-ref-points")),
        tr(msg!("template-ref-cap")),
    ];
    let groups: Vec<(String, Vec<Vec<RefCell>>)> = rubrics
        .iter()
        .map(|&ri| {
            let r = &catalog.rubrics[ri];
            let rows = r
                .rules
                .iter()
                .map(|rule| {
                    let item = &r.items[rule.item];
                    vec![
                        RefCell::Text(item.id.clone()),
                        RefCell::Text(item.title.clone()),
                        RefCell::Text(rule.id.clone()),
                        RefCell::Text(rule.text.clone()),
                        RefCell::Text(name(rule.kind.id(), rule.kind.record_kind().label(), lang)),
                        RefCell::Number(rule.points),
                        rule.max.map_or(RefCell::Empty, RefCell::Number),
                    ]
                })
                .collect();
            (r.title.clone(), rows)
        })
        .filter(|(_, rows): &(String, Vec<Vec<RefCell>>)| !rows.is_empty())
        .collect();
    if groups.is_empty() {
        return Ok(Widths(widths.to_vec()));
    }
    reference_table(
        sheet,
        row,
        &tr(msg!("template-help-rules")),
        &header,
        &groups,
        &widths,
        f,
    )
}

/// The leaves of an annual template: id, indicator (with its section and
/// groups), maximum, scorers and weights, criteria.
pub(super) fn items_reference(
    sheet: &mut Worksheet,
    catalog: &Catalog,
    parts: &[Part],
    row: u32,
    f: &Formats,
    lang: Lang,
) -> Result<Widths, XlsxError> {
    let tr = |m: Message| m.render(lang);
    let widths = [10.0, 32.0, 8.0, 28.0, 70.0];
    let header = [
        tr(msg!("template-ref-id")),
        tr(msg!("template-ref-item")),
        tr(msg!("template-col-max")),
        heading(scores::COLUMNS, "scorer", lang),
        tr(msg!("template-ref-criteria")),
    ];
    let mut groups: Vec<(String, Vec<Vec<RefCell>>)> = Vec::new();
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for p in parts {
        let r = &catalog.rubrics[p.rubric];
        let mut rows = Vec::new();
        for i in leaves(r, p.scorer) {
            if seen.contains(&(p.rubric, i)) {
                continue;
            }
            seen.push((p.rubric, i));
            let item = &r.items[i];
            let scorers = item
                .scorers
                .iter()
                .map(|w| {
                    let s = &r.scorers[w.scorer];
                    tr(msg!(
                        "template-ref-weight",
                        name = name(&s.id, &s.name, lang),
                        weight = plain(w.weight)
                    ))
                })
                .collect::<Vec<_>>()
                .join(&tr(msg!("template-ref-separator")));
            let path = std::iter::once(r.sections[item.section].title.clone())
                .chain(r.path(item.parent).iter().map(|g| g.title.clone()))
                .chain(std::iter::once(item.title.clone()))
                .collect::<Vec<_>>()
                .join(" › ");
            rows.push(vec![
                RefCell::Text(item.id.clone()),
                RefCell::Text(path),
                RefCell::Number(item.max),
                RefCell::Text(scorers),
                item.criteria
                    .as_ref()
                    .map_or(RefCell::Empty, |c| RefCell::Text(c.clone())),
            ]);
        }
        match groups.iter_mut().find(|(t, _)| *t == r.title) {
            Some((_, existing)) => existing.extend(rows),
            None => groups.push((r.title.clone(), rows)),
        }
    }
    reference_table(
        sheet,
        row,
        &tr(msg!("template-help-items")),
        &header,
        &groups,
        &widths,
        f,
    )
}
