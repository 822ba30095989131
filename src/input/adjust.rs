//! The review's adjustments (复核调整; `docs/formats.md`, "Adjustments"):
//! a long table of rescores (改分: one annual score replaced or supplied)
//! and withdrawals (撤销: one daily record removed), each with its reason.
//!
//! Read after the annual scores and before the daily records: a rescore
//! replaces its slot at once (keeping the score it replaces); a
//! withdrawal waits for the daily records, which pass each record through
//! `Withdrawals::matching` and leave a matched one out of the sums. When
//! every daily file is read, `Review::finish` requires each withdrawal to
//! have matched exactly one record, and one no other withdrawal took.

use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::Path;

use crate::date::Date;
use crate::model::adjust::{Adjustment, Change};
use crate::model::catalog::{Catalog, UnitRef};
use crate::model::inputs::AnnualScore;
use crate::model::mechanics::Line;
use crate::model::record::Kind;
use crate::model::source::{InputFile, Location, Role};
use crate::num;
use crate::tables::table::{self, Column, Kind as TableKind, ReadOptions, Row};
use crate::text::diag::{self, Diagnostics};
use crate::text::i18n::msg;

const UNIT: usize = 0;
const ITEM: usize = 1;
const ACTION: usize = 2;
const SCORER: usize = 3;
const SCORE: usize = 4;
const DATE: usize = 5;
const KIND: usize = 6;
const POINTS: usize = 7;
const RULE: usize = 8;
const REASON: usize = 9;
const DOCUMENT: usize = 10;

pub const COLUMNS: &[Column] = &[
    Column::required("unit", table::UNIT_NAMES),
    Column::required("item", table::ITEM_NAMES),
    Column::required("action", &["调整方式", "调整类型", "复核结果"]),
    Column::optional("scorer", &["评分单位"]),
    Column::optional("score", &["得分", "调整后得分", "复核得分"]),
    Column::optional("date", &["日期", "记录日期"]),
    Column::optional("kind", &["类型"]),
    Column::optional("points", &["分值"]),
    Column::optional("rule", &["规则", "扣分标准"]),
    Column::note("reason", &["理由", "调整理由", "复核理由", "原因"]),
    Column::note("document", &["文号", "依据", "依据文号"]),
];

pub const TABLE: TableKind = TableKind {
    role: Role::Adjust,
    columns: COLUMNS,
    wide: None,
};

/// The actions, English ids matching in any case.
const ACTIONS: &[(&str, bool)] = &[
    ("rescore", true),
    ("改分", true),
    ("调整得分", true),
    ("withdraw", false),
    ("撤销", false),
    ("撤销记录", false),
];

/// A withdrawal waiting for its record: what the record must be.
#[derive(Debug)]
struct Pending {
    /// Its place in `Review::drafts`.
    draft: usize,
    line: Option<Line>,
    kind: Kind,
    points: Option<Decimal>,
    /// The rule as written, matched within the record's leaf.
    rule: Option<String>,
}

/// The withdrawals, by unit and date, for the daily reader to match.
#[derive(Debug, Default)]
pub struct Withdrawals {
    by_day: HashMap<(UnitRef, Date), Vec<Pending>>,
}

impl Withdrawals {
    /// The withdrawals a daily record matches (usually none).
    #[allow(clippy::too_many_arguments)]
    pub fn matching(
        &self,
        catalog: &Catalog,
        unit: UnitRef,
        line: Option<Line>,
        date: Date,
        kind: Kind,
        points: Decimal,
        rule: Option<usize>,
    ) -> Vec<usize> {
        let Some(pending) = self.by_day.get(&(unit, date)) else {
            return Vec::new();
        };
        let rubric = catalog.rubric_of(unit);
        pending
            .iter()
            .filter(|p| p.line == line && p.kind == kind)
            .filter(|p| p.points.is_none_or(|x| x == points))
            .filter(|p| match (&p.rule, line) {
                (None, _) => true,
                (Some(text), Some(Line::Leaf(i))) => rule.is_some() && rubric.rule(i, text) == rule,
                (Some(_), _) => false,
            })
            .map(|p| p.draft)
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.by_day.is_empty()
    }
}

/// An adjustment as read, a withdrawal before its record is found.
#[derive(Debug)]
struct Draft {
    unit: UnitRef,
    change: Option<Change>,
    /// A withdrawal: what it looks for (for the errors).
    wanted: Option<(Option<Line>, Date, Kind)>,
    reason: String,
    document: Option<String>,
    at: Location,
}

/// The review as it is read: the adjustments in order, the withdrawals
/// for the daily reader, the rescored slots (to tell a second one).
#[derive(Debug, Default)]
pub struct Review {
    drafts: Vec<Draft>,
    pub withdrawals: Withdrawals,
    rescored: HashMap<(UnitRef, usize, usize), Location>,
    /// The files read, listed after the daily and measures files.
    pub files: Vec<InputFile>,
}

/// A daily record a withdrawal matched: the withdrawals, where it is, its points.
pub type Hit = (Vec<usize>, Location, Decimal);

/// One row of the table, checked on its own.
struct Read {
    unit: UnitRef,
    rescore: bool,
    reason: String,
    document: Option<String>,
    at: Location,
    row: RowCells,
}

/// The cells of a row the action needs, after the pass (the row is gone).
struct RowCells {
    line: Option<Line>,
    scorer: Option<usize>,
    score: Option<Option<Decimal>>,
    date: Option<Date>,
    kind: Option<Kind>,
    points: Option<Decimal>,
    rule: Option<String>,
}

pub(super) fn read(
    catalog: &Catalog,
    path: &Path,
    options: &ReadOptions,
    review: &mut Review,
    out: &mut super::Reading,
    diags: &mut Diagnostics,
) {
    let mut notes = Vec::new();
    let first_summary = out.summaries.len();
    let provenance =
        table::read_tables(path, &TABLE, options, diags, &mut notes, |table, diags| {
            let file = std::sync::Arc::clone(&table.file);
            let (passes, footers) = table.rows(diags, Vec::new, |t: &mut Vec<Read>, row, diags| {
                if let Some(r) = read_row(catalog, row, diags) {
                    t.push(r);
                }
            });
            let rows: Vec<Read> = passes.into_iter().flatten().collect();
            let units: std::collections::HashSet<UnitRef> = rows.iter().map(|r| r.unit).collect();
            let lines: std::collections::HashSet<(usize, Line)> = rows
                .iter()
                .filter_map(|r| r.row.line.map(|l| (r.unit.rubric, l)))
                .collect();
            let n = rows.len();
            for r in rows {
                review.add(catalog, r, &mut out.inputs.units, diags);
            }
            out.summaries.push(
                super::FileSummary::new(&file, Role::Adjust, n, units.len(), lines.len())
                    .footers(footers),
            );
        });
    super::attach_notes(&mut out.summaries, first_summary, notes);
    if let Some(p) = provenance {
        review.files.push(p);
    }
}

/// A row's cells, each checked: the unit, the action, the reason, then
/// what the action needs.
fn read_row(catalog: &Catalog, row: &Row, diags: &mut Diagnostics) -> Option<Read> {
    let errors = diags.len();
    let unit = super::names::resolve_unit(catalog, row.get(UNIT), || row.at(UNIT), diags);
    let action_cell = row.get(ACTION);
    let rescore = ACTIONS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(action_cell))
        .map(|(_, r)| *r);
    if rescore.is_none() {
        diags.error(
            row.at(ACTION),
            msg!(
                "adjust-unknown-action",
                action = action_cell,
                hint = diag::hint(action_cell, ACTIONS.iter().map(|(n, _)| *n))
            ),
        );
    }
    let reason = row.text(REASON);
    if reason.is_empty() {
        diags.error(row.at(REASON), msg!("adjust-no-reason"));
    }
    let (Some(unit), Some(rescore)) = (unit, rescore) else {
        return None;
    };
    let cells = if rescore {
        rescore_cells(catalog, unit, row, diags)
    } else {
        withdraw_cells(catalog, unit, row, diags)
    };
    if diags.len() > errors {
        return None;
    }
    let document = row.text(DOCUMENT);
    Some(Read {
        unit,
        rescore,
        reason,
        document: (!document.is_empty()).then_some(document),
        at: row.at_row(),
        row: cells?,
    })
}

/// A rescore: the leaf (one with scorers), its scorer, the new score.
fn rescore_cells(
    catalog: &Catalog,
    unit: UnitRef,
    row: &Row,
    diags: &mut Diagnostics,
) -> Option<RowCells> {
    let rubric = catalog.rubric_of(unit);
    let number = row.position(ITEM).is_some_and(|p| row.is_number(p));
    let i = super::names::resolve_item(
        rubric,
        catalog.unit_of(unit),
        row.get(ITEM),
        number,
        || row.at(ITEM),
        diags,
    )?;
    let item = &rubric.items[i];
    if item.scorers.is_empty() {
        diags.error(
            row.at(ITEM),
            msg!("annual-no-scorers", item = &item.id, title = &item.title),
        );
        return None;
    }
    let scorer_cell = row.get(SCORER);
    let slot = match (scorer_cell.is_empty(), item.scorers.len()) {
        (true, 1) => 0,
        (true, _) => {
            diags.error(row.at(SCORER), super::scores::scorer_empty(rubric, i));
            return None;
        }
        (false, _) => match super::scores::scorer_slot(rubric, i, scorer_cell) {
            Ok(slot) => slot,
            Err(m) => {
                diags.error(row.at(SCORER), m);
                return None;
            }
        },
    };
    let score = match super::scores::score_value(rubric, i, row.get(SCORE)) {
        Ok(v) => v,
        Err(m) => {
            diags.error(row.at(SCORE), m);
            return None;
        }
    };
    Some(RowCells {
        line: Some(Line::Leaf(i)),
        scorer: Some(slot),
        score: Some(score),
        date: None,
        kind: None,
        points: None,
        rule: None,
    })
}

/// A withdrawal: what the record names, its date and kind, and the points
/// and rule when written.
fn withdraw_cells(
    catalog: &Catalog,
    unit: UnitRef,
    row: &Row,
    diags: &mut Diagnostics,
) -> Option<RowCells> {
    let cell = row.get(ITEM);
    let line = if cell.is_empty() {
        None
    } else {
        let number = row.position(ITEM).is_some_and(|p| row.is_number(p));
        super::names::resolve_line(catalog, unit, cell, number, || row.at(ITEM), diags)
    };
    let date = Date::parse(row.get(DATE));
    if date.is_none() {
        diags.error(
            row.at(DATE),
            msg!("adjust-withdraw-date", date = row.get(DATE)),
        );
    }
    let kind = Kind::parse(row.get(KIND));
    if kind.is_none() {
        let k = row.get(KIND);
        diags.error(
            row.at(KIND),
            msg!(
                "adjust-withdraw-kind",
                kind = k,
                hint = diag::hint(k, Kind::NAMES.iter().map(|(n, _)| *n))
            ),
        );
    }
    let points = match row.get(POINTS) {
        "" => None,
        p => match num::parse_cell(p) {
            Ok(v) => Some(v),
            Err(e) => {
                diags.error(
                    row.at(POINTS),
                    msg!("daily-points-not-number", points = p, reason = e.explain()),
                );
                None
            }
        },
    };
    let rule = Some(row.get(RULE).to_string()).filter(|r| !r.is_empty());
    if (!cell.is_empty() && line.is_none()) || date.is_none() || kind.is_none() {
        return None;
    }
    Some(RowCells {
        line,
        scorer: None,
        score: None,
        date,
        kind,
        points,
        rule,
    })
}

impl Review {
    /// A checked row into the review: a rescore replaces its slot now, a
    /// withdrawal waits for the daily records.
    fn add(
        &mut self,
        catalog: &Catalog,
        r: Read,
        units: &mut [Vec<crate::model::inputs::UnitInputs>],
        diags: &mut Diagnostics,
    ) {
        let draft = self.drafts.len();
        let mut d = Draft {
            unit: r.unit,
            change: None,
            wanted: None,
            reason: r.reason,
            document: r.document,
            at: r.at.clone(),
        };
        let c = r.row;
        if r.rescore {
            let (Some(Line::Leaf(i)), Some(slot), Some(to)) = (c.line, c.scorer, c.score) else {
                return;
            };
            let key = (r.unit, i, slot);
            if let Some(first) = self.rescored.get(&key) {
                let rubric = catalog.rubric_of(r.unit);
                let item = &rubric.items[i];
                diags.error(
                    r.at,
                    msg!(
                        "adjust-twice",
                        unit = &catalog.unit_of(r.unit).name,
                        item = &item.id,
                        scorer = &rubric.scorers[item.scorers[slot].scorer].name,
                        first = first
                    ),
                );
                return;
            }
            self.rescored.insert(key, r.at.clone());
            let cell = &mut units[r.unit.rubric][r.unit.unit].items[i].annual[slot];
            let from = cell.as_ref().map(|a| a.value);
            *cell = Some(AnnualScore {
                value: to,
                at: r.at,
            });
            let scorer = catalog.rubric_of(r.unit).items[i].scorers[slot].scorer;
            d.change = Some(Change::Rescore {
                item: i,
                scorer,
                from,
                to,
            });
        } else {
            let (Some(date), Some(kind)) = (c.date, c.kind) else {
                return;
            };
            d.wanted = Some((c.line, date, kind));
            self.withdrawals
                .by_day
                .entry((r.unit, date))
                .or_default()
                .push(Pending {
                    draft,
                    line: c.line,
                    kind,
                    points: c.points,
                    rule: c.rule,
                });
        }
        self.drafts.push(d);
    }

    /// Once every daily file is read: each withdrawal must have matched
    /// exactly one record, one no earlier withdrawal took. The adjustments
    /// in the order given.
    pub fn finish(
        self,
        catalog: &Catalog,
        hits: &[Hit],
        diags: &mut Diagnostics,
    ) -> Vec<Adjustment> {
        let mut found: Vec<Vec<(Location, Decimal)>> = vec![Vec::new(); self.drafts.len()];
        for (drafts, at, points) in hits {
            for &d in drafts {
                found[d].push((at.clone(), *points));
            }
        }
        let mut taken: HashMap<Location, Location> = HashMap::new();
        let mut out = Vec::new();
        for (k, d) in self.drafts.into_iter().enumerate() {
            let change = match (d.change, d.wanted) {
                (Some(c), _) => c,
                (None, Some((line, date, kind))) => match found[k].as_slice() {
                    [(record, points)] => {
                        if let Some(first) = taken.get(record) {
                            diags.error(
                                d.at.clone(),
                                msg!("adjust-withdraw-twice", record = record, first = first),
                            );
                            continue;
                        }
                        taken.insert(record.clone(), d.at.clone());
                        Change::Withdraw {
                            line,
                            date,
                            kind,
                            record: record.clone(),
                            points: *points,
                        }
                    }
                    [] => {
                        diags.error(
                            d.at.clone(),
                            msg!(
                                "adjust-withdraw-none",
                                unit = &catalog.unit_of(d.unit).name,
                                date = date.to_string(),
                                kind = crate::text::labels::kind_label(kind)
                            ),
                        );
                        continue;
                    }
                    several => {
                        let places: Vec<String> =
                            several.iter().map(|(l, _)| l.to_string()).collect();
                        diags.error(
                            d.at.clone(),
                            msg!(
                                "adjust-withdraw-several",
                                count = several.len(),
                                places = crate::text::list(places.iter().map(String::as_str))
                            ),
                        );
                        continue;
                    }
                },
                (None, None) => continue,
            };
            out.push(Adjustment {
                unit: d.unit,
                change,
                reason: d.reason,
                document: d.document,
                at: d.at,
            });
        }
        out
    }
}
