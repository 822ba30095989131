//! Daily records (日常考核记录): findings that deduct from (核减) or add to
//! (核加) an item's points at year end, or veto (一票否决) the unit.

use rust_decimal::Decimal;
use std::path::Path;

use super::adjust::{Hit, Withdrawals};
use crate::date::Date;
use crate::model::catalog::{Catalog, UnitRef};
use crate::model::inputs::{UnitInputs, Zeroed};
use crate::model::record::{DailyRecord, Kind, Line, Method};
use crate::model::rubric::{PartKind, Rubric, Rule};
use crate::model::source::Location;
use crate::model::source::Role;
use crate::num::{self, Sum};
use crate::tables::table::{self, Column, Kind as TableKind, ReadOptions, Row};
use crate::text::diag::{self, Diagnostics};
use crate::text::i18n::Message;
use crate::text::i18n::msg;

const DATE: usize = 0;
const UNIT: usize = 1;
const ITEM: usize = 2;
const KIND: usize = 3;
const POINTS: usize = 4;
const METHOD: usize = 5;
const NOTE: usize = 6;
const RULE: usize = 7;
const COUNT: usize = 8;

pub const COLUMNS: &[Column] = &[
    Column::required(
        "date",
        &[
            "日期",
            "时间",
            "记录日期",
            "发现日期",
            "检查日期",
            "通报日期",
        ],
    ),
    Column::required("unit", table::UNIT_NAMES),
    Column::required("item", table::ITEM_NAMES),
    Column::required("kind", &["类型", "类别", "考核类型"]),
    Column::required("points", &["分值", "扣加分值", "扣分分值"]),
    Column::required("method", &["方式", "考核方式", "检查方式", "发现方式"]),
    Column::note("note", table::EXPLANATION_NAMES),
    Column::optional("rule", &["规则", "扣分标准", "扣分规则"]),
    Column::optional("count", &["次数", "数量"]),
];

pub const TABLE: TableKind = TableKind {
    role: Role::Daily,
    columns: COLUMNS,
    wide: None,
};

/// What the reader keeps besides the sums, and what it leaves out.
pub(super) struct Keep<'a> {
    /// The explained unit, whose records are kept.
    pub trace: Option<UnitRef>,
    /// Every record is kept (`publish` lists them).
    pub all: bool,
    /// The review's withdrawals: a record one matches is left out.
    pub withdrawals: Option<&'a Withdrawals>,
}

pub(super) fn read(
    catalog: &Catalog,
    path: &Path,
    options: &ReadOptions,
    keep: &Keep,
    out: &mut super::Reading,
    diags: &mut Diagnostics,
) {
    let mut notes = Vec::new();
    let first_summary = out.summaries.len();
    let provenance =
        table::read_tables(path, &TABLE, options, diags, &mut notes, |table, diags| {
            read_table(catalog, table, keep, out, diags);
        });
    super::attach_notes(&mut out.summaries, first_summary, notes);
    if let Some(provenance) = provenance {
        out.inputs.files.push(provenance);
    }
}

/// One table (a CSV file, a sheet): its records into the year's sums.
fn read_table(
    catalog: &Catalog,
    table: table::Table,
    keep: &Keep,
    out: &mut super::Reading,
    diags: &mut Diagnostics,
) {
    let file = std::sync::Arc::clone(&table.file);
    let new = || Tally::new(catalog);
    let (tallies, footers) = table.rows(diags, new, |t, row, diags| {
        read_record(catalog, t, row, keep, diags);
    });
    let (rows, named, used) = merge_tallies(catalog, tallies, &file, keep.all, out, diags);
    out.summaries
        .push(super::FileSummary::new(&file, Role::Daily, rows, named, used).footers(footers));
}

/// One daily record: each cell checked, then, when all are good, its
/// points added to the tally (and the record kept for the explained unit,
/// or every record for `publish`).
fn read_record(catalog: &Catalog, t: &mut Tally, row: &Row, keep: &Keep, diags: &mut Diagnostics) {
    let (trace, keep_all) = (keep.trace, keep.all);
    let errors = diags.len();
    // Each cell is first matched as bytes (a match is valid text); only a
    // cell that does not match is read as text, to say what is wrong.
    // With a rule, the kind may be left to the rule (`docs/formats.md`,
    // "Rules").
    let has_rule = !row.bytes(RULE).is_empty();
    let kind_written = !(has_rule && row.bytes(KIND).is_empty());
    let kind = record_kind(row, kind_written, diags);
    let unit = catalog
        .unit_bytes(row.bytes(UNIT))
        .or_else(|| super::names::resolve_unit(catalog, row.get(UNIT), || row.at(UNIT), diags));
    let method = unit.and_then(|u| record_method(catalog.rubric_of(u), row, diags));
    let date = record_date(catalog, unit, row, diags);
    if kind == Some(Kind::Zero) {
        let line = zero_line(catalog, unit, row, diags);
        if diags.len() > errors {
            return;
        }
        if let (Some(date), Some(unit), Some(line), Some(method)) = (date, unit, line, method) {
            t.rows += 1;
            if t.withdrawn(
                catalog,
                keep,
                (unit, Some(line), date, Kind::Zero),
                Decimal::ZERO,
                None,
                row,
            ) {
                return;
            }
            t.zeros.push((unit, line, row.line));
            if keep_all || trace == Some(unit) {
                t.trace.push(DailyRecord {
                    date,
                    unit,
                    item: match line {
                        Line::Leaf(i) => Some(i),
                        _ => None,
                    },
                    line: Some(line),
                    kind: Kind::Zero,
                    points: Decimal::ZERO,
                    method,
                    note: row.text(NOTE),
                    at: row.at_row(),
                    rule: None,
                });
            }
        }
        return;
    }
    let item = record_item(catalog, unit, kind, has_rule, row, diags);
    // By rule and count (`docs/formats.md`, "Rules"), or by the points written.
    let (rule, kind, points) = if has_rule || !row.bytes(COUNT).is_empty() {
        let (rule, kind, points) = by_rule(catalog, unit, item, kind, kind_written, row, diags);
        if rule.is_none() {
            return;
        }
        (rule, kind, points)
    } else {
        (None, kind, written_points(kind, row, diags))
    };
    if let (Some(u), Some(i), Some(k)) = (unit, item, kind) {
        penalty_takes_deductions(catalog.rubric_of(u), i, k, row, diags);
    }
    if diags.len() > errors {
        return;
    }
    let (Some(date), Some(unit), Some(kind), Some(points), Some(method)) =
        (date, unit, kind, points, method)
    else {
        return;
    };
    t.rows += 1;
    let rule_index = rule.map(|r| r.0);
    if t.withdrawn(
        catalog,
        keep,
        (unit, item.map(Line::Leaf), date, kind),
        points,
        rule_index,
        row,
    ) {
        return;
    }
    t.apply(
        catalog,
        unit,
        kind,
        item,
        rule.map(|r| r.0),
        points,
        row,
        diags,
    );
    // Only the explained unit's records are kept (all of them for
    // `publish`); the rest are sums.
    if keep_all || trace == Some(unit) {
        t.trace.push(DailyRecord {
            date,
            unit,
            item,
            line: item.map(Line::Leaf),
            kind,
            points,
            method,
            note: row.text(NOTE),
            at: row.at_row(),
            rule,
        });
    }
}

/// Only deductions name a line of a penalty part (扣分项): no addition, no veto.
fn penalty_takes_deductions(
    rubric: &Rubric,
    item: usize,
    kind: Kind,
    row: &Row,
    diags: &mut Diagnostics,
) {
    if kind != Kind::Deduct && rubric.part_of(item) == PartKind::Penalty {
        let leaf = &rubric.items[item];
        diags.error(
            row.at(KIND),
            msg!(
                "daily-penalty-deduct-only",
                item = &leaf.id,
                title = &leaf.title,
                kind = crate::text::labels::kind_label(kind)
            ),
        );
    }
}

/// What a `zero` record (此项不得分) names: a leaf, a group or a section of
/// a scored or bonus part; it has no rule, no count and no points.
fn zero_line(
    catalog: &Catalog,
    unit: Option<UnitRef>,
    row: &Row,
    diags: &mut Diagnostics,
) -> Option<Line> {
    if !row.bytes(RULE).is_empty() {
        diags.error(row.at(RULE), msg!("daily-zero-rule", rule = row.get(RULE)));
    }
    if !row.bytes(COUNT).is_empty() {
        diags.error(
            row.at(COUNT),
            msg!("daily-zero-count", count = row.get(COUNT)),
        );
    }
    no_points(Kind::Zero, row, diags);
    let u = unit?;
    let rubric = catalog.rubric_of(u);
    let cell = row.get(ITEM);
    if cell.is_empty() {
        diags.error(row.at(ITEM), msg!("daily-zero-names-nothing"));
        return None;
    }
    let number = row.position(ITEM).is_some_and(|p| row.is_number(p));
    let line = super::names::resolve_line(catalog, u, cell, number, || row.at(ITEM), diags)?;
    let section = &rubric.sections[rubric.line_section(line)];
    if section.kind == PartKind::Penalty {
        let (id, title) = rubric.line_names(line);
        diags.error(
            row.at(ITEM),
            msg!(
                "daily-zero-on-penalty",
                item = id,
                title = title,
                section = &section.id
            ),
        );
        return None;
    }
    Some(line)
}

/// The record's kind (核减, 核加, 一票否决); an error when it is written
/// and is none of them.
fn record_kind(row: &Row, kind_written: bool, diags: &mut Diagnostics) -> Option<Kind> {
    let kind = Kind::from_bytes(row.bytes(KIND)).or_else(|| Kind::parse(row.get(KIND)));
    if kind.is_none() && kind_written {
        let cell = row.get(KIND);
        diags.error(
            row.at(KIND),
            msg!(
                "daily-unknown-kind",
                kind = cell,
                hint = diag::hint(cell, Kind::NAMES.iter().map(|(n, _)| *n))
            ),
        );
    }
    kind
}

/// How the finding was made (日常记录, 随机抽查, …, or the rubric's own
/// `[methods]`).
fn record_method(rubric: &Rubric, row: &Row, diags: &mut Diagnostics) -> Option<Method> {
    // The ids as a machine writes them settle most rows without a search.
    let bytes = row.bytes(METHOD);
    if let Some(m) = rubric.methods.iter().position(|m| m.id.as_bytes() == bytes) {
        return Some(Method(m));
    }
    let cell = row.get(METHOD);
    let method = rubric.method(cell);
    if method.is_none() {
        let names = rubric
            .methods
            .iter()
            .flat_map(|m| [m.id.as_str(), m.label.as_str()]);
        diags.error(
            row.at(METHOD),
            msg!(
                "daily-unknown-method",
                method = cell,
                rubric = &rubric.id,
                ids = crate::text::list(rubric.methods.iter().map(|m| m.id.as_str())),
                labels = crate::text::list(rubric.methods.iter().map(|m| m.label.as_str())),
                hint = diag::hint(cell, names)
            ),
        );
    }
    method
}

/// The record's date; an error when it is no date, or (the unit known)
/// outside its rubric's period.
fn record_date(
    catalog: &Catalog,
    unit: Option<UnitRef>,
    row: &Row,
    diags: &mut Diagnostics,
) -> Option<Date> {
    let date = Date::parse_bytes(row.bytes(DATE)).or_else(|| Date::parse(row.get(DATE)));
    match (date, unit) {
        (None, _) => {
            let date_cell = row.get(DATE);
            diags.error(row.at(DATE), msg!("daily-bad-date", date = date_cell))
        }
        (Some(d), Some(u)) => {
            let r = catalog.rubric_of(u);
            if d < r.start || d > r.end {
                diags.error(
                    row.at(DATE),
                    msg!(
                        "daily-date-outside",
                        date = d.to_string(),
                        start = r.start.to_string(),
                        end = r.end.to_string(),
                        rubric = &r.id
                    ),
                );
            }
        }
        _ => {}
    }
    date
}

/// The item of the unit's rubric the record names; a veto without a rule
/// may leave it empty.
fn record_item(
    catalog: &Catalog,
    unit: Option<UnitRef>,
    kind: Option<Kind>,
    has_rule: bool,
    row: &Row,
    diags: &mut Diagnostics,
) -> Option<usize> {
    match unit {
        Some(u) if !row.bytes(ITEM).is_empty() || kind != Some(Kind::Veto) || has_rule => {
            let rubric = catalog.rubric_of(u);
            // A workbook number may be an id Excel turned into one (1.10 into 1.1).
            let number = row.position(ITEM).is_some_and(|p| row.is_number(p));
            let fast = if number {
                None
            } else {
                rubric.item_bytes(row.bytes(ITEM))
            };
            fast.or_else(|| {
                super::names::resolve_item(
                    rubric,
                    catalog.unit_of(u),
                    row.get(ITEM),
                    number,
                    || row.at(ITEM),
                    diags,
                )
            })
        }
        _ => None,
    }
}

/// Each pass's tally straight into the year's inputs, in file order, so
/// the first veto and the first record of an item stay the first. Returns
/// the rows read, and how many units and items they named.
fn merge_tallies(
    catalog: &Catalog,
    tallies: Vec<Tally>,
    file: &std::sync::Arc<str>,
    keep_all: bool,
    out: &mut super::Reading,
    diags: &mut Diagnostics,
) -> (usize, usize, usize) {
    let mut rows = 0;
    let mut named = std::collections::HashSet::new();
    let mut used = std::collections::HashSet::new();
    for mut t in tallies {
        rows += t.rows;
        out.withdrawn.append(&mut t.withdrawn);
        t.named(&mut named, &mut used);
        t.merge_into(catalog, file, &mut out.inputs.units, diags);
        for record in t.trace {
            if let Some(traced) = out
                .inputs
                .trace
                .as_mut()
                .filter(|tr| tr.unit == record.unit)
            {
                traced.records.push(record.clone());
            }
            if keep_all {
                out.inputs.records.push(record);
            }
        }
    }
    (rows, named.len(), used.len())
}

/// The points a record without a rule writes: > 0, or empty or 0 for a veto.
fn written_points(kind: Option<Kind>, row: &Row, diags: &mut Diagnostics) -> Option<Decimal> {
    // Plain digits, as a machine writes them, are read from the bytes.
    if kind.is_none_or(Kind::takes_points)
        && let Some(p) = num::short_plain(row.bytes(POINTS)).filter(|p| *p > Decimal::ZERO)
    {
        return Some(p);
    }
    match kind {
        Some(k) if !k.takes_points() => no_points(k, row, diags),
        _ => positive(
            row,
            POINTS,
            diags,
            |cell| msg!("daily-points-not-positive", points = cell),
            |cell, reason| msg!("daily-points-not-number", points = cell, reason = reason),
        ),
    }
}

/// A veto or a zero record takes no points: empty or 0.
fn no_points(kind: Kind, row: &Row, diags: &mut Diagnostics) -> Option<Decimal> {
    let points_cell = row.get(POINTS);
    match num::parse_cell(points_cell) {
        Err(num::NumError::Empty) => Some(Decimal::ZERO),
        Ok(p) if p.is_zero() => Some(Decimal::ZERO),
        _ => {
            diags.error(
                row.at(POINTS),
                msg!(
                    "daily-no-points",
                    points = points_cell,
                    kind = crate::text::labels::kind_label(kind)
                ),
            );
            None
        }
    }
}

/// A cell that must hold a number above 0 (the points, the count): the
/// number, or an error at the cell saying why not.
fn positive(
    row: &Row,
    col: usize,
    diags: &mut Diagnostics,
    not_positive: impl FnOnce(&str) -> Message,
    not_number: impl FnOnce(&str, Message) -> Message,
) -> Option<Decimal> {
    let cell = row.get(col);
    let problem = match num::parse_cell(cell) {
        Ok(n) if n > Decimal::ZERO => return Some(n),
        Ok(_) => not_positive(cell),
        Err(e) => not_number(cell, e.explain()),
    };
    diags.error(row.at(col), problem);
    None
}

/// A record written with a rule and a count (`docs/formats.md`, "Rules"): its rule, kind and
/// points (`count × rule.points`), each checked against what the row says.
fn by_rule(
    catalog: &Catalog,
    unit: Option<UnitRef>,
    item: Option<usize>,
    kind: Option<Kind>,
    kind_written: bool,
    row: &Row,
    diags: &mut Diagnostics,
) -> (Option<(usize, Decimal)>, Option<Kind>, Option<Decimal>) {
    let rule_cell = row.get(RULE);
    let count_cell = row.get(COUNT);
    if rule_cell.is_empty() {
        diags.error(
            row.at(COUNT),
            msg!("daily-count-without-rule", count = count_cell),
        );
        return (None, kind, None);
    }
    // A count is typed as a score is (`３`), or with what it counts (`3次`).
    let count = if count_cell.is_empty() {
        Some(Decimal::ONE)
    } else {
        match num::parse_count(count_cell) {
            Ok(n) if n > Decimal::ZERO => Some(n),
            Ok(_) => {
                diags.error(
                    row.at(COUNT),
                    msg!("daily-count-not-positive", count = count_cell),
                );
                None
            }
            Err(e) => {
                diags.error(
                    row.at(COUNT),
                    msg!(
                        "daily-count-not-number",
                        count = count_cell,
                        reason = e.explain()
                    ),
                );
                None
            }
        }
    };
    let (Some(u), Some(i)) = (unit, item) else {
        return (None, kind, None);
    };
    let rubric = catalog.rubric_of(u);
    let Some(r) = rubric.rule(i, rule_cell) else {
        diags.error(row.at(RULE), unknown_rule(rubric, i, rule_cell));
        return (None, kind, None);
    };
    let rule = &rubric.rules[r];
    if kind_written && kind.is_some_and(|k| k != rule.kind.record_kind()) {
        diags.error(
            row.at(KIND),
            msg!(
                "daily-kind-disagrees",
                kind = row.get(KIND),
                rule = &rule.id,
                rule_kind = crate::text::labels::rule_kind_label(rule.kind)
            ),
        );
        return (None, None, None);
    }
    let Some(count) = count else {
        return (None, Some(rule.kind.record_kind()), None);
    };
    let Some(product) = count.checked_mul(rule.points) else {
        diags.error(row.at(COUNT), msg!("daily-points-overflow"));
        return (None, Some(rule.kind.record_kind()), None);
    };
    check_written_points(row, count, rule, product, diags);
    (
        Some((r, count)),
        Some(rule.kind.record_kind()),
        Some(product),
    )
}

/// Why a record's rule is none of its item's: the item has no rules, or
/// which it has.
fn unknown_rule(rubric: &Rubric, i: usize, rule_cell: &str) -> Message {
    let leaf = &rubric.items[i];
    let names = rubric.rules[leaf.rules.clone()]
        .iter()
        .flat_map(|r| [r.id.as_str(), r.text.as_str()]);
    if leaf.rules.is_empty() {
        msg!(
            "daily-item-has-no-rules",
            rule = rule_cell,
            item = &leaf.id,
            title = &leaf.title
        )
    } else {
        let ids: Vec<&str> = rubric.rules[leaf.rules.clone()]
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        msg!(
            "daily-unknown-rule",
            rule = rule_cell,
            item = &leaf.id,
            hint = diag::hint(rule_cell, names),
            rules = crate::text::list(ids.iter().copied())
        )
    }
}

/// A points cell written beside a rule must equal `count × rule.points`.
fn check_written_points(
    row: &Row,
    count: Decimal,
    rule: &Rule,
    product: Decimal,
    diags: &mut Diagnostics,
) {
    let points_cell = row.get(POINTS);
    if !points_cell.is_empty() {
        match num::parse_cell(points_cell) {
            Ok(p) if p == product => {}
            Ok(_) => diags.error(
                row.at(POINTS),
                msg!(
                    "daily-points-disagree",
                    points = points_cell,
                    count = num::plain(count),
                    rule = &rule.id,
                    per = num::plain(rule.points),
                    product = num::plain(product)
                ),
            ),
            Err(e) => diags.error(
                row.at(POINTS),
                msg!(
                    "daily-points-not-number",
                    points = points_cell,
                    reason = e.explain()
                ),
            ),
        }
    }
}

/// What one pass over a file found.
///
/// Laid out for the hot loop: per rubric, flat arrays indexed by
/// `unit * items + item`, the small counters apart from the sums, so a row
/// touches two short cache lines rather than a wide struct.
struct Tally {
    /// `[rubric][unit * items + item]`: deductions and additions.
    sums: Vec<Vec<[Sum; 2]>>,
    /// `[rubric][unit * items + item]`: records, and the line of the first.
    counts: Vec<Vec<(u32, u32)>>,
    /// `[rubric][unit]`: the line of the first veto, 0 for none.
    veto: Vec<Vec<u32>>,
    /// `[rubric][unit * rules + rule]`: points of the records under each rule.
    rule_sums: Vec<Vec<Sum>>,
    /// `zero` records (此项不得分): few, so kept as they come.
    zeros: Vec<(UnitRef, Line, usize)>,
    /// Records a withdrawal of the review matched, left out of the sums.
    withdrawn: Vec<Hit>,
    rows: usize,
    trace: Vec<DailyRecord>,
}

impl Tally {
    fn new(catalog: &Catalog) -> Tally {
        let cells = |r: &crate::model::rubric::Rubric| r.units.len() * r.items.len();
        Tally {
            sums: catalog
                .rubrics
                .iter()
                .map(|r| vec![[Sum::default(); 2]; cells(r)])
                .collect(),
            counts: catalog
                .rubrics
                .iter()
                .map(|r| vec![(0, 0); cells(r)])
                .collect(),
            veto: catalog
                .rubrics
                .iter()
                .map(|r| vec![0; r.units.len()])
                .collect(),
            rule_sums: catalog
                .rubrics
                .iter()
                .map(|r| vec![Sum::default(); r.units.len() * r.rules.len()])
                .collect(),
            zeros: Vec::new(),
            withdrawn: Vec::new(),
            rows: 0,
            trace: Vec::new(),
        }
    }

    /// Whether a withdrawal of the review takes the record out (then kept
    /// aside, for the review to check it matched once).
    fn withdrawn(
        &mut self,
        catalog: &Catalog,
        keep: &Keep,
        (unit, line, date, kind): (UnitRef, Option<Line>, Date, Kind),
        points: Decimal,
        rule: Option<usize>,
        row: &Row,
    ) -> bool {
        let Some(w) = keep.withdrawals else {
            return false;
        };
        let hits = w.matching(catalog, unit, line, date, kind, points, rule);
        if hits.is_empty() {
            return false;
        }
        self.withdrawn.push((hits, row.at_row(), points));
        true
    }

    /// Adds a record to its unit's item: sums, never a list (but for `explain`).
    #[allow(clippy::too_many_arguments)]
    fn apply(
        &mut self,
        catalog: &Catalog,
        unit: UnitRef,
        kind: Kind,
        item: Option<usize>,
        rule: Option<usize>,
        points: Decimal,
        row: &Row,
        diags: &mut Diagnostics,
    ) {
        let line = u32::try_from(row.line).unwrap_or(u32::MAX);
        if kind == Kind::Veto {
            let v = &mut self.veto[unit.rubric][unit.unit];
            if *v == 0 {
                *v = line;
            }
        }
        let Some(i) = item else { return };
        let k = unit.unit * catalog.rubrics[unit.rubric].items.len() + i;
        let count = &mut self.counts[unit.rubric][k];
        if count.0 == 0 {
            count.1 = line;
        }
        count.0 = count.0.saturating_add(1);
        let slot = match kind {
            Kind::Deduct => 0,
            Kind::Add => 1,
            Kind::Veto | Kind::Zero => return,
        };
        // A record under a rule is summed apart: the rule's cap applies first.
        let sum = match rule {
            Some(r) => {
                let n = catalog.rubrics[unit.rubric].rules.len();
                &mut self.rule_sums[unit.rubric][unit.unit * n + r]
            }
            None => &mut self.sums[unit.rubric][k][slot],
        };
        if sum.add(points).is_none() {
            diags.error(row.at(POINTS), msg!("daily-points-overflow"));
        }
    }

    /// The (rubric, unit) pairs and (rubric, item) pairs the pass found anything for.
    fn named(
        &self,
        units: &mut std::collections::HashSet<(usize, usize)>,
        items: &mut std::collections::HashSet<(usize, usize)>,
    ) {
        for (r, counts) in self.counts.iter().enumerate() {
            let n = self.veto[r].len().max(1);
            let per_unit = counts.len() / n;
            for (u, veto) in self.veto[r].iter().enumerate() {
                let mut any = *veto > 0;
                for i in 0..per_unit {
                    if counts[u * per_unit + i].0 > 0 {
                        any = true;
                        items.insert((r, i));
                    }
                }
                if any {
                    units.insert((r, u));
                }
            }
        }
        for (unit, line, _) in &self.zeros {
            units.insert((unit.rubric, unit.unit));
            if let Line::Leaf(i) = line {
                items.insert((unit.rubric, *i));
            }
        }
    }

    /// Adds the tally to the per-unit shape of the inputs.
    fn merge_into(
        &self,
        catalog: &Catalog,
        file: &std::sync::Arc<str>,
        into: &mut [Vec<UnitInputs>],
        diags: &mut Diagnostics,
    ) {
        for (r, rubric) in catalog.rubrics.iter().enumerate() {
            let n = rubric.items.len();
            for (u, target) in into[r].iter_mut().enumerate() {
                let veto = self.veto[r][u];
                if target.veto.is_none() && veto > 0 {
                    target.veto = Some(Location::new(file, veto as usize));
                }
                for i in 0..n {
                    let (count, first) = self.counts[r][u * n + i];
                    if count == 0 {
                        continue;
                    }
                    let t = &mut target.items[i];
                    let [deduct, add] = self.sums[r][u * n + i];
                    let first = Location::new(file, first as usize);
                    if t.deduct.add_sum(deduct).and(t.add.add_sum(add)).is_none() {
                        diags.error(first.clone(), msg!("daily-points-overflow"));
                    }
                    let nr = rubric.rules.len();
                    let rules = &self.rule_sums[r][u * nr..(u + 1) * nr];
                    for (k, rule) in rubric.items[i].rules.clone().enumerate() {
                        if t.rules[k].add_sum(rules[rule]).is_none() {
                            diags.error(first.clone(), msg!("daily-points-overflow"));
                        }
                    }
                    t.daily_count += count as usize;
                    t.first_daily.get_or_insert(first);
                }
            }
        }
        for &(unit, line, row) in &self.zeros {
            let target = &mut into[unit.rubric][unit.unit];
            let at = Location::new(file, row);
            for i in catalog.rubrics[unit.rubric].leaves(line) {
                target.items[i]
                    .zeroed
                    .get_or_insert_with(|| Zeroed { at: at.clone() });
            }
            target.zeros.push((line, at));
        }
    }
}
