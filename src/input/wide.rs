//! Wide annual tables (评分表; `docs/office.md`, "Wide: a score sheet"): a
//! row per unit, a column per item, perhaps a 评分单位 column, a 备注
//! column, 序号, and check columns (合计, `<section>小计`) that must agree
//! with the row. The header is read once against every rubric (a sheet
//! holds the units of one; which one, its columns or else its first unit
//! tell); each row then leaves as the same scores a long table gives
//! (`Tally::record`).

use rust_decimal::Decimal;
use std::ops::Range;

use super::names::{ItemMatch, fold};
use super::scores::{self as annual, NOTE, SCORER, TableScorer, Tally, UNIT};
use crate::model::catalog::{Catalog, UnitRef};
use crate::model::rubric::Rubric;
use crate::model::source::Location;
use crate::num;
use crate::tables::table::{self, HeaderCell, Row, Table, header_key};
use crate::text::diag::Diagnostics;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// Check columns on the whole row: its total.
const TOTALS: [&str; 5] = ["合计", "总分", "小计", "得分合计", "total"];
/// Columns of row numbers, read by no one.
const SERIALS: [&str; 3] = ["序号", "no.", "no"];

/// How a wide table's columns read.
pub(super) struct Columns {
    unit: usize,
    scorer: Option<usize>,
    /// Per rubric of the catalog, how the header reads as a sheet of it.
    fits: Vec<Fit>,
    /// The rubrics it reads best as (no errors, or the fewest); when one,
    /// its errors are reported already.
    best: Vec<usize>,
}

#[derive(Default)]
struct Fit {
    items: Vec<ItemColumn>,
    checks: Vec<CheckColumn>,
    /// Where and what is wrong.
    errors: Vec<(Location, Message)>,
}

struct ItemColumn {
    col: usize,
    item: usize,
    /// The scorer of the column's cells when the row names none: the
    /// table's own, else the item's only one.
    slot: Option<usize>,
    header: String,
}

struct CheckColumn {
    col: usize,
    /// The leaves it adds up.
    leaves: Range<usize>,
    header: String,
}

/// What a header cell names in one rubric.
enum Named {
    Item(usize),
    Check(Range<usize>),
    Error(Message),
}

impl Columns {
    /// Gives every column of the header its role, for every rubric; marks
    /// the columns read. `None` when the header cannot be read whatever the
    /// rubric (reported).
    pub fn resolve(
        table: &mut Table,
        catalog: &Catalog,
        default: Option<&TableScorer>,
        diags: &mut Diagnostics,
    ) -> Option<Columns> {
        let before = diags.len();
        let unit = table.position(UNIT)?;
        let scorer = table.position(SCORER);
        let note = table.position(NOTE);
        let mut totals: Vec<&HeaderCell> = Vec::new();
        let mut open: Vec<&HeaderCell> = Vec::new();
        for h in &table.header {
            if [Some(unit), scorer, note].contains(&Some(h.column)) {
                continue;
            }
            let key = header_key(&h.text);
            if SERIALS.contains(&key.as_str()) {
                continue;
            }
            if TOTALS.contains(&header_key(split_max(&h.text).0).as_str()) {
                totals.push(h);
            } else if key == "score" || table::SCORE_NAMES.contains(&key.as_str()) {
                diags.error(
                    table.header_at(h),
                    msg!("wide-long-column", header = h.text.as_str()),
                );
            } else {
                open.push(h);
            }
        }
        let fits: Vec<Fit> = catalog
            .rubrics
            .iter()
            .map(|r| fit(table, r, &open, &totals, default, scorer.is_some()))
            .collect();
        let least = fits.iter().map(|f| f.errors.len()).min().unwrap_or(0);
        let best: Vec<usize> = (0..fits.len())
            .filter(|&r| fits[r].errors.len() == least)
            .collect();
        let read: Vec<usize> = open.iter().chain(&totals).map(|h| h.column).collect();
        for p in read {
            table.use_column(p);
        }
        if diags.len() > before {
            return None;
        }
        let columns = Columns {
            unit,
            scorer,
            fits,
            best,
        };
        if let [only] = columns.best[..] {
            columns.report(only, diags);
        }
        Some(columns)
    }

    fn report(&self, r: usize, diags: &mut Diagnostics) {
        for (at, message) in &self.fits[r].errors {
            diags.error(at.clone(), message.clone());
        }
    }

    /// After the rows: a table without a unit row whose header fits no
    /// rubric alone still says what is wrong with it.
    pub fn finish(&self, t: &Tally, diags: &mut Diagnostics) {
        if t.wide.is_none() && self.best.len() > 1 {
            self.report(self.best[0], diags);
        }
    }

    /// One row: its unit, then each filled item cell as a score, then the
    /// check cells against the sum of the row's scores.
    pub fn row(&self, catalog: &Catalog, t: &mut Tally, row: &Row, diags: &mut Diagnostics) {
        let unit_cell = row.cell(self.unit);
        if unit_cell.is_empty() {
            self.unit_missing(row, diags);
            return;
        }
        let at_unit = || row.at_cell(self.unit);
        let Some(u) = super::names::resolve_unit(catalog, unit_cell, at_unit, diags) else {
            return;
        };
        let Some(r) = self.sheet_rubric(catalog, t, u, row, diags) else {
            return;
        };
        let rubric = &catalog.rubrics[r];
        let fit = &self.fits[r];
        t.rows += 1;
        let Ok(row_scorer) = self.row_scorer(rubric, row, diags) else {
            return;
        };
        let scores = self.record_scores(rubric, fit, u, row_scorer, t, row, diags);
        // A column in error is not read: no sum is whole then.
        let checks = if fit.errors.is_empty() {
            &fit.checks[..]
        } else {
            &[]
        };
        for cc in checks {
            check_sum(cc, &scores, row, diags);
        }
    }

    /// A row without a unit: an error only when it holds a value.
    fn unit_missing(&self, row: &Row, diags: &mut Diagnostics) {
        let filled = self.fits.iter().any(|f| {
            f.items
                .iter()
                .map(|c| c.col)
                .chain(f.checks.iter().map(|c| c.col))
                .any(|c| !row.cell(c).is_empty())
        });
        if filled {
            diags.error(row.at_cell(self.unit), msg!("input-unit-empty"));
        }
    }

    /// The rubric the sheet is of: the first unit's (which then tells the
    /// errors of the header read as a sheet of it), and every other unit
    /// must be of the same. `None` when the row's unit is not (reported).
    fn sheet_rubric(
        &self,
        catalog: &Catalog,
        t: &mut Tally,
        u: UnitRef,
        row: &Row,
        diags: &mut Diagnostics,
    ) -> Option<usize> {
        let unit_cell = row.cell(self.unit);
        let at_unit = || row.at_cell(self.unit);
        match &t.wide {
            Some((r, first, at)) => {
                if u.rubric != *r {
                    diags.error(
                        at_unit(),
                        msg!(
                            "wide-units-mixed",
                            unit = unit_cell,
                            rubric = &catalog.rubrics[u.rubric].id,
                            first = first.as_str(),
                            at = at,
                            table = &catalog.rubrics[*r].id
                        ),
                    );
                    return None;
                }
                Some(*r)
            }
            None => {
                if let [only] = self.best[..]
                    && only != u.rubric
                {
                    diags.error(
                        at_unit(),
                        msg!(
                            "wide-unit-other-rubric",
                            unit = unit_cell,
                            rubric = &catalog.rubrics[u.rubric].id,
                            table = &catalog.rubrics[only].id
                        ),
                    );
                    return None;
                }
                if self.best.len() > 1 {
                    // The first unit tells which rubric the sheet is of.
                    self.report(u.rubric, diags);
                }
                t.wide = Some((u.rubric, unit_cell.to_string(), at_unit()));
                Some(u.rubric)
            }
        }
    }

    /// The scorer the row's 评分单位 cell names, with the cell; `Ok(None)`
    /// when the table has no such column or the cell is empty, `Err` when
    /// the rubric has no such scorer (reported).
    fn row_scorer<'t>(
        &self,
        rubric: &Rubric,
        row: &Row<'t>,
        diags: &mut Diagnostics,
    ) -> Result<Option<(usize, &'t str)>, ()> {
        match self.scorer.map(|p| row.cell(p)) {
            Some(cell) if !cell.is_empty() => match rubric.scorer(cell) {
                Some(s) => Ok(Some((s, cell))),
                None => {
                    let (hint, scorers) = annual::scorer_choices(cell, rubric.scorers.iter());
                    diags.error(
                        row.at(SCORER),
                        msg!(
                            "wide-row-scorer-unknown",
                            scorer = cell,
                            hint = hint,
                            rubric = &rubric.id,
                            scorers = scorers
                        ),
                    );
                    Err(())
                }
            },
            _ => Ok(None),
        }
    }

    /// Records each filled item cell of the row as an annual score of unit
    /// `u`. Returns the row's scores, for the check columns; `None` for a
    /// cell in error.
    #[allow(clippy::too_many_arguments)]
    fn record_scores(
        &self,
        rubric: &Rubric,
        fit: &Fit,
        u: UnitRef,
        row_scorer: Option<(usize, &str)>,
        t: &mut Tally,
        row: &Row,
        diags: &mut Diagnostics,
    ) -> Vec<(usize, Option<Decimal>)> {
        let mut scores: Vec<(usize, Option<Decimal>)> = Vec::new();
        for ic in &fit.items {
            let cell = row.cell(ic.col);
            if cell.is_empty() {
                continue;
            }
            let at = row.at_cell(ic.col);
            let value = match annual::score_value(rubric, ic.item, cell) {
                Ok(v) => v,
                Err(message) => {
                    diags.error(at, in_column(&ic.header, message));
                    scores.push((ic.item, None));
                    continue;
                }
            };
            scores.push((ic.item, Some(value.unwrap_or(Decimal::ZERO))));
            let Some(slot) = self.cell_slot(rubric, ic, row_scorer, row, &at, diags) else {
                continue;
            };
            t.record(u, ic.item, slot, value, at, || row.text(NOTE));
        }
        scores
    }

    /// Which of the item's scorers an item cell's score is from: the row's
    /// scorer, else the column's. `None` when neither is one of the item's
    /// (reported, or told once at the header).
    fn cell_slot(
        &self,
        rubric: &Rubric,
        ic: &ItemColumn,
        row_scorer: Option<(usize, &str)>,
        row: &Row,
        at: &Location,
        diags: &mut Diagnostics,
    ) -> Option<usize> {
        match row_scorer {
            Some((s, name)) => {
                match rubric.items[ic.item]
                    .scorers
                    .iter()
                    .position(|w| w.scorer == s)
                {
                    Some(slot) => Some(slot),
                    None => {
                        let message = annual::scorer_slot(rubric, ic.item, name)
                            .err()
                            .unwrap_or_else(|| msg!("input-item-empty"));
                        diags.error(at.clone(), in_column(&ic.header, message));
                        None
                    }
                }
            }
            None => match ic.slot {
                Some(slot) => Some(slot),
                None => {
                    if self.scorer.is_some() {
                        diags.error(
                            row.at(SCORER),
                            in_column(&ic.header, annual::scorer_empty(rubric, ic.item)),
                        );
                    }
                    // Else told once, at the header.
                    None
                }
            },
        }
    }
}

/// A check cell (合计, `<section>小计`) against the sum of the row's scores
/// of the leaves it adds up, rounded to the places it is written with.
fn check_sum(
    cc: &CheckColumn,
    scores: &[(usize, Option<Decimal>)],
    row: &Row,
    diags: &mut Diagnostics,
) {
    let cell = row.cell(cc.col);
    if cell.is_empty() {
        return;
    }
    let written = match num::parse_cell(cell) {
        Ok(v) => v,
        Err(e) => {
            diags.error(
                row.at_cell(cc.col),
                msg!(
                    "wide-check-not-number",
                    header = cc.header.as_str(),
                    value = cell,
                    reason = e.explain()
                ),
            );
            return;
        }
    };
    let mut sum = num::Sum::default();
    let mut complete = true;
    for (item, value) in scores {
        if cc.leaves.contains(item) {
            match value {
                Some(v) => complete &= sum.add(*v).is_some(),
                None => complete = false,
            }
        }
    }
    let Some(sum) = sum.value().filter(|_| complete) else {
        // A cell in error is told already; its sum cannot be checked.
        return;
    };
    let places = written.scale();
    let rounded = num::round(sum, places);
    if rounded != written {
        diags.error(
            row.at_cell(cc.col),
            msg!(
                "wide-check-mismatch",
                header = cc.header.as_str(),
                value = cell,
                sum = num::plain(sum),
                places = places,
                rounded = num::fixed(sum, places)
            ),
        );
    }
}

/// A cell's error, said of its column (a CSV location names only the line).
fn in_column(header: &str, message: Message) -> Message {
    msg!("wide-cell", header = header, message = message)
}

/// How the header reads as a sheet of `rubric`.
fn fit(
    table: &Table,
    rubric: &Rubric,
    open: &[&HeaderCell],
    totals: &[&HeaderCell],
    default: Option<&TableScorer>,
    scorer_column: bool,
) -> Fit {
    let mut f = Fit::default();
    for h in totals {
        f.checks.push(CheckColumn {
            col: h.column,
            leaves: 0..rubric.items.len(),
            header: h.text.clone(),
        });
    }
    let default_scorer = default_scorer(rubric, default, &mut f.errors);
    let mut seen: Vec<(usize, Location)> = Vec::new();
    let mut unscored: Vec<&str> = Vec::new();
    for h in open {
        let at = table.header_at(h);
        let i = match named(rubric, h) {
            Named::Item(i) => i,
            Named::Check(leaves) => {
                f.checks.push(CheckColumn {
                    col: h.column,
                    leaves,
                    header: h.text.clone(),
                });
                continue;
            }
            Named::Error(message) => {
                f.errors.push((at, message));
                continue;
            }
        };
        let item = &rubric.items[i];
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == i) {
            f.errors.push((
                at,
                msg!(
                    "wide-column-twice",
                    header = h.text.as_str(),
                    item = &item.id,
                    title = &item.title,
                    first = first
                ),
            ));
            continue;
        }
        seen.push((i, at.clone()));
        if item.scorers.is_empty() {
            f.errors.push((
                at,
                msg!("annual-no-scorers", item = &item.id, title = &item.title),
            ));
            continue;
        }
        let slot = match default_scorer {
            Some((s, d)) => match item.scorers.iter().position(|w| w.scorer == s) {
                Some(slot) => Some(slot),
                None => {
                    f.errors
                        .push((at, annual::scorer_not_of_item(rubric, i, d)));
                    continue;
                }
            },
            None if item.scorers.len() == 1 => Some(0),
            None => {
                // A scorer named but unknown is told already.
                if !scorer_column && default.is_none() {
                    unscored.push(h.text.as_str());
                }
                None
            }
        };
        f.items.push(ItemColumn {
            col: h.column,
            item: i,
            slot,
            header: h.text.clone(),
        });
    }
    let at_header = Location::new(&table.file, table.header_line);
    if !unscored.is_empty() {
        f.errors.push((
            at_header.clone(),
            msg!(
                "wide-no-scorer",
                columns = crate::text::list(unscored.iter().copied())
            ),
        ));
    }
    if f.items.is_empty() && f.errors.is_empty() {
        f.errors.push((at_header, msg!("wide-no-items")));
    }
    f
}

/// The table's own scorer (`评分单位：` in the title block, or `--scorer`)
/// as a scorer of `rubric`; an error on `errors` when the rubric has none
/// such.
fn default_scorer<'d>(
    rubric: &Rubric,
    default: Option<&'d TableScorer>,
    errors: &mut Vec<(Location, Message)>,
) -> Option<(usize, &'d TableScorer)> {
    match default {
        Some(d) => match rubric.scorer(&d.name) {
            Some(s) => Some((s, d)),
            None => {
                let (hint, scorers) = annual::scorer_choices(&d.name, rubric.scorers.iter());
                errors.push((
                    d.at.clone(),
                    msg!(
                        "annual-table-scorer-unknown",
                        scorer = d.name.as_str(),
                        source = d.source_here(),
                        hint = hint,
                        scorers = scorers
                    ),
                ));
                None
            }
        },
        None => None,
    }
}

/// The leaf a wide column names in `rubric` (by id, title or both, with
/// its points), if any: for tables without scorers (`--self`).
/// `Ok(None)` for a column that names no leaf but belongs (序号, 合计/小计).
pub(super) fn leaf_column(rubric: &Rubric, h: &HeaderCell) -> Result<Option<usize>, Message> {
    let key = crate::tables::table::header_key(&h.text);
    if SERIALS.contains(&key.as_str()) || TOTALS.contains(&key.as_str()) {
        return Ok(None);
    }
    match named(rubric, h) {
        Named::Item(i) => Ok(Some(i)),
        Named::Check(_) => Ok(None),
        Named::Error(m) => Err(m),
    }
}

/// What a header cell names in `rubric`: an item (by id, title, or both,
/// perhaps with its points), a section's or group's 小计/合计, or an error.
fn named(rubric: &Rubric, h: &HeaderCell) -> Named {
    let text = h.text.as_str();
    // The whole cell first: a title may end in brackets of its own.
    match super::names::match_item(rubric, text, h.number) {
        ItemMatch::Leaf(i) => return Named::Item(i),
        ItemMatch::Group(g) => return Named::Error(super::names::names_group(rubric, text, g)),
        ItemMatch::Ambiguous(items) => {
            return Named::Error(super::names::ambiguous_number(rubric, text, &items));
        }
        ItemMatch::None => {}
    }
    let (name, max) = split_max(text);
    for suffix in ["小计", "合计"] {
        if let Some(prefix) = name.strip_suffix(suffix)
            && let Some(leaves) = scope(rubric, prefix)
        {
            return Named::Check(leaves);
        }
    }
    let found = match super::names::match_item(rubric, name, false) {
        ItemMatch::Leaf(i) => Ok(i),
        ItemMatch::Group(g) => return Named::Error(super::names::names_group(rubric, name, g)),
        ItemMatch::Ambiguous(items) => {
            return Named::Error(super::names::ambiguous_number(rubric, name, &items));
        }
        ItemMatch::None => id_and_title(rubric, name),
    };
    let i = match found {
        Ok(i) => i,
        Err(Some((i, rest))) => {
            let item = &rubric.items[i];
            return Named::Error(msg!(
                "wide-id-title-disagree",
                header = text,
                id = &item.id,
                title = &item.title,
                rest = rest
            ));
        }
        Err(None) => {
            let names = rubric.item_names().chain(
                rubric
                    .sections
                    .iter()
                    .map(|s| s.title.as_str())
                    .chain(rubric.groups.iter().map(|g| g.title.as_str())),
            );
            return Named::Error(msg!(
                "wide-column-unknown",
                header = text,
                hint = crate::text::diag::hint(name, names),
                rubric = &rubric.id
            ));
        }
    };
    let item = &rubric.items[i];
    if let Some(max) = max
        && max != item.max
    {
        return Named::Error(msg!(
            "wide-max-disagrees",
            header = text,
            written = num::plain(max),
            item = &item.id,
            title = &item.title,
            max = num::plain(item.max),
            rubric = &rubric.id
        ));
    }
    Named::Item(i)
}

/// `1.1 组织领导`, `1.1、组织领导`: the item whose id begins the cell and
/// whose title follows it. `Err(Some)` when the rest is not that item's
/// title; `Err(None)` when no id begins the cell.
fn id_and_title(rubric: &Rubric, name: &str) -> Result<usize, Option<(usize, String)>> {
    let folded = fold(name);
    let mut best: Option<(usize, usize)> = None;
    for (i, item) in rubric.items.iter().enumerate() {
        let id = fold(&item.id);
        let Some(after) = folded.strip_prefix(id.as_str()) else {
            continue;
        };
        // `1.1` does not begin `1.10`; but a space after the id ends it
        // whatever follows (`2.9 12345热线办理`: a title may begin with
        // digits), and folding takes the space away.
        let next = after.chars().next();
        let spaced = name
            .trim()
            .strip_prefix(item.id.as_str())
            .is_some_and(|r| r.starts_with(char::is_whitespace));
        if !id.is_empty()
            && (spaced || !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.'))
            && best.is_none_or(|(_, len)| id.len() > len)
        {
            best = Some((i, id.len()));
        }
    }
    let (i, len) = best.ok_or(None)?;
    let rest = folded[len..].trim_start_matches([
        '、', '．', '.', ':', '：', '-', '—', '_', ')', '）', '，', ',',
    ]);
    if rest.is_empty() || fold(&rubric.items[i].title) == rest {
        return Ok(i);
    }
    Err(Some((i, rest.to_string())))
}

/// The leaves of the section or group a 小计/合计 column is titled with.
fn scope(rubric: &Rubric, prefix: &str) -> Option<Range<usize>> {
    let p = fold(prefix);
    if p.is_empty() {
        return None;
    }
    let is = |id: &str, title: &str| {
        let (id, title) = (fold(id), fold(title));
        p == id || p == title || p == format!("{id}{title}")
    };
    if let Some(s) = rubric.sections.iter().find(|s| is(&s.id, &s.title)) {
        return Some(s.items.clone());
    }
    rubric
        .groups
        .iter()
        .find(|g| is(&g.id, &g.title))
        .map(|g| g.items.clone())
}

/// A header's name and the points written after it: `组织领导（5分）`,
/// `组织领导(5)`, `组织领导 5分`, `组织领导5分`.
pub(super) fn split_max(text: &str) -> (&str, Option<Decimal>) {
    let t = text.trim();
    if let Some(body) = t.strip_suffix(['）', ')'])
        && let Some(open) = body.rfind(['（', '('])
    {
        let width = body[open..].chars().next().map_or(1, char::len_utf8);
        if let Ok(v) = num::parse_cell(body[open + width..].trim()) {
            return (body[..open].trim(), Some(v));
        }
    }
    if let Some(body) = t.strip_suffix('分') {
        let start = body
            .char_indices()
            .rev()
            .take_while(|(_, c)| matches!(num::halfwidth(*c), '0'..='9' | '.'))
            .last()
            .map(|(i, _)| i);
        if let Some(start) = start
            && start > 0
            && let Ok(v) = num::parse_cell(&body[start..])
        {
            return (body[..start].trim(), Some(v));
        }
    }
    (t, None)
}

#[cfg(test)]
mod tests {
    use super::split_max;
    use rust_decimal::Decimal;

    #[test]
    fn maxima_after_titles() {
        let five = Some(Decimal::from(5));
        assert_eq!(split_max("组织领导（5分）"), ("组织领导", five));
        assert_eq!(split_max("组织领导(5)"), ("组织领导", five));
        assert_eq!(split_max("组织领导 5分"), ("组织领导", five));
        assert_eq!(split_max("组织领导5分"), ("组织领导", five));
        assert_eq!(split_max("组织领导（５分）"), ("组织领导", five));
        assert_eq!(split_max("工作创新加分"), ("工作创新加分", None));
        assert_eq!(
            split_max("政务服务（好差评）"),
            ("政务服务（好差评）", None)
        );
        assert_eq!(
            split_max("1.2.1 主动公开（12分）"),
            ("1.2.1 主动公开", Some(Decimal::from(12)))
        );
    }
}
