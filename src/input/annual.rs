//! Annual scores (年度考核得分): one scorer's score for one unit on one item.
//!
//! A long table has a row per score (`unit, item, scorer, score, note`); a
//! wide one (评分表, SPEC 10) a row per unit and a column per item, which
//! `wide` turns into the same scores. Both end in `Tally::record`.

use rust_decimal::Decimal;
use std::path::Path;
use std::sync::Arc;

use super::AnnualScore;
use crate::model::source::Role;
use crate::msg;
use crate::num;
use crate::rubric::{Catalog, Rubric, UnitRef};
use crate::tables::table::{self, Column, Kind, Layout, ReadOptions, Table};
use crate::text::diag::{self, Diagnostics, Location};
use crate::text::i18n::Message;

pub(super) const UNIT: usize = 0;
const ITEM: usize = 1;
pub(super) const SCORER: usize = 2;
const SCORE: usize = 3;
pub(super) const NOTE: usize = 4;

pub const COLUMNS: &[Column] = &[
    Column::required("unit", table::UNIT_NAMES),
    Column::required("item", table::ITEM_NAMES),
    Column::optional("scorer", table::SCORER_NAMES),
    Column::required("score", table::SCORE_NAMES),
    Column::note("note", table::NOTE_NAMES),
];

pub const KIND: Kind = Kind {
    role: Role::Annual,
    columns: COLUMNS,
    wide: true,
};

/// Spellings of `n/a`: the item does not apply to the unit.
pub fn is_na(cell: &str) -> bool {
    cell.eq_ignore_ascii_case("n/a") || cell == "不涉及" || cell == "不适用"
}

/// The scorer a table names for itself: from its title block
/// (`评分单位：NAME`) or from the command line (`--annual FILE@SCORER`).
#[derive(Clone, Debug)]
pub(super) struct TableScorer {
    pub name: String,
    /// Where it was written: the title block's cell, or the file (line 0)
    /// for the command line.
    pub at: Location,
    pub from_title: bool,
}

impl TableScorer {
    /// Where the name comes from, for a message located where it is written.
    pub fn source_here(&self) -> Message {
        if self.from_title {
            msg!("annual-scorer-from-title-here")
        } else {
            self.source()
        }
    }

    /// Where the name comes from, for a message located elsewhere.
    pub fn source(&self) -> Message {
        if self.from_title {
            msg!("annual-scorer-from-title", at = &self.at)
        } else {
            msg!(
                "annual-scorer-from-command",
                file = &self.at.file,
                scorer = self.name.as_str()
            )
        }
    }
}

/// The table's own scorer: the title block's, else the command line's; the
/// two disagreeing is an error.
fn table_scorer(
    table: &Table,
    command: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<TableScorer> {
    let title = table.title_scorer.as_ref().map(|(name, at)| TableScorer {
        name: name.clone(),
        at: at.clone(),
        from_title: true,
    });
    if let (Some(title), Some(cmd)) = (&title, command)
        && title.name != cmd
    {
        diags.error(
            title.at.clone(),
            msg!(
                "annual-scorers-disagree",
                title = title.name.as_str(),
                command = cmd
            ),
        );
    }
    // Read on with the sheet's own, so nothing else is reported for it.
    title.or_else(|| {
        command.map(|cmd| TableScorer {
            name: cmd.to_string(),
            at: Location::new(&table.file, 0),
            from_title: false,
        })
    })
}

pub(super) fn read(
    catalog: &Catalog,
    path: &Path,
    scorer: Option<&str>,
    options: &ReadOptions,
    keep_notes: bool,
    out: &mut super::Reading,
    diags: &mut Diagnostics,
) {
    let mut notes = Vec::new();
    let first_summary = out.summaries.len();
    let provenance = table::read_tables(path, &KIND, options, diags, &mut notes, |table, diags| {
        read_table(catalog, table, scorer, keep_notes, out, diags);
    });
    super::attach_notes(&mut out.summaries, first_summary, notes);
    if let Some(provenance) = provenance {
        out.inputs.files.push(provenance);
    }
}

/// One table (a CSV file, a sheet): its rows into the year's scores.
fn read_table(
    catalog: &Catalog,
    table: Table,
    command_scorer: Option<&str>,
    keep_notes: bool,
    out: &mut super::Reading,
    diags: &mut Diagnostics,
) {
    let file = Arc::clone(&table.file);
    let header_line = table.header_line;
    let default = table_scorer(&table, command_scorer, diags);
    let slots = std::sync::Arc::new(Slots::new(catalog));
    let new = || Tally {
        cells: slots
            .width
            .iter()
            .zip(&catalog.rubrics)
            .map(|(w, r)| vec![None; w * r.units.len()])
            .collect(),
        slots: std::sync::Arc::clone(&slots),
        rows: 0,
        scorer_column_needed: None,
        seconds: Vec::new(),
        wide: None,
        keep_notes,
        notes: Vec::new(),
    };
    let (tallies, footers) = match table.layout {
        Layout::Long => {
            let has_scorer = table.has(SCORER);
            if let Some(d) = &default {
                check_named(catalog, d, None, diags);
            }
            table.rows(diags, new, |t, row, diags| {
                long_row(catalog, t, row, has_scorer, default.as_ref(), diags)
            })
        }
        Layout::Wide => {
            let mut table = table;
            let Some(columns) =
                super::wide::Columns::resolve(&mut table, catalog, default.as_ref(), diags)
            else {
                return;
            };
            let (tallies, footers) = table.rows(diags, new, |t, row, diags| {
                columns.row(catalog, t, row, diags)
            });
            for t in &tallies {
                columns.finish(t, diags);
            }
            (tallies, footers)
        }
    };
    // Reported once, at the header, rather than on every row that needs it.
    let needed = tallies.iter().filter_map(|t| t.scorer_column_needed).min();
    if let Some(line) = needed {
        diags.error_at(
            &file,
            header_line,
            msg!("annual-scorer-column-needed", line = line),
        );
    }
    let mut rows = 0;
    let mut named = std::collections::HashSet::new();
    let mut used = std::collections::HashSet::new();
    // Each pass straight into the year's inputs, in file order: a score
    // already there (from this table or an earlier one) is a second one.
    for t in tallies {
        rows += t.rows;
        out.inputs.notes.extend(
            t.notes
                .into_iter()
                .map(|(u, i, slot, note)| super::AnnualNote {
                    unit: u,
                    item: i,
                    scorer: catalog.rubrics[u.rubric].items[i].scorers[slot].scorer,
                    note,
                }),
        );
        for (r, cells) in t.cells.into_iter().enumerate() {
            let rubric = &catalog.rubrics[r];
            let mut cells = cells.into_iter();
            for u in 0..rubric.units.len() {
                for (i, item) in rubric.items.iter().enumerate() {
                    for slot in 0..item.scorers.len() {
                        let Some(cell) = cells.next().flatten() else {
                            continue;
                        };
                        named.insert((r, u));
                        used.insert((r, i));
                        let target = &mut out.inputs.units[r][u].items[i].annual[slot];
                        match target {
                            Some(first) => {
                                diags.error(cell.at, second_score(rubric, u, i, slot, &first.at))
                            }
                            None => *target = Some(cell),
                        }
                    }
                }
            }
        }
        for (u, i, slot, second) in t.seconds {
            if let Some(first) = &out.inputs.units[u.rubric][u.unit].items[i].annual[slot] {
                let rubric = &catalog.rubrics[u.rubric];
                diags.error(second.at, second_score(rubric, u.unit, i, slot, &first.at));
            }
        }
    }
    out.summaries.push(
        super::FileSummary::new(&file, Role::Annual, rows, named.len(), used.len())
            .footers(footers),
    );
}

/// Where each (unit, item, scorer) score of a pass is kept: per rubric,
/// `unit * width[r] + offset[r][item] + slot`.
pub(super) struct Slots {
    width: Vec<usize>,
    offset: Vec<Vec<usize>>,
}

impl Slots {
    fn new(catalog: &Catalog) -> Slots {
        let offset: Vec<Vec<usize>> = catalog
            .rubrics
            .iter()
            .map(|r| {
                r.items
                    .iter()
                    .scan(0, |at, item| {
                        let here = *at;
                        *at += item.scorers.len();
                        Some(here)
                    })
                    .collect()
            })
            .collect();
        let width = catalog
            .rubrics
            .iter()
            .map(|r| r.items.iter().map(|i| i.scorers.len()).sum())
            .collect();
        Slots { width, offset }
    }

    fn index(&self, u: UnitRef, item: usize, slot: usize) -> usize {
        u.unit * self.width[u.rubric] + self.offset[u.rubric][item] + slot
    }
}

/// A table's own scorer must be a scorer of some rubric (of `rubric`, when
/// given): else an error where it is written, with the nearest name.
pub(super) fn check_named(
    catalog: &Catalog,
    scorer: &TableScorer,
    rubric: Option<&Rubric>,
    diags: &mut Diagnostics,
) -> bool {
    let rubrics: Vec<&Rubric> = match rubric {
        Some(r) => vec![r],
        None => catalog.rubrics.iter().collect(),
    };
    if rubrics.iter().any(|r| r.scorer(&scorer.name).is_some()) {
        return true;
    }
    let (hint, scorers) =
        scorer_choices(&scorer.name, rubrics.iter().flat_map(|r| r.scorers.iter()));
    let message = msg!(
        "annual-table-scorer-unknown",
        scorer = scorer.name.as_str(),
        source = scorer.source_here(),
        hint = hint,
        scorers = scorers
    );
    diags.error(scorer.at.clone(), message);
    false
}

/// One row of a long table.
fn long_row(
    catalog: &Catalog,
    t: &mut Tally,
    row: &table::Row,
    has_scorer: bool,
    default: Option<&TableScorer>,
    diags: &mut Diagnostics,
) {
    let unit_cell = row.get(UNIT);
    let Some(u) = super::resolve_unit(catalog, unit_cell, || row.at(UNIT), diags) else {
        return;
    };
    let rubric = catalog.rubric_of(u);
    let unit = catalog.unit_of(u);
    let item_number = table_position_is_number(row, ITEM);
    let Some(i) = super::resolve_item(
        rubric,
        unit,
        row.get(ITEM),
        item_number,
        || row.at(ITEM),
        diags,
    ) else {
        return;
    };
    let item = &rubric.items[i];
    if item.scorers.is_empty() {
        diags.error(
            row.at(ITEM),
            msg!("annual-no-scorers", item = &item.id, title = &item.title),
        );
        return;
    }
    let scorer_cell = row.get(SCORER);
    let slot = if scorer_cell.is_empty() {
        match default {
            Some(d) => {
                let Some(slot) = rubric
                    .scorer(&d.name)
                    .and_then(|s| item.scorers.iter().position(|w| w.scorer == s))
                else {
                    if rubric.scorer(&d.name).is_some() {
                        diags.error(row.at(ITEM), scorer_not_of_item(rubric, i, d));
                    }
                    return;
                };
                slot
            }
            None if item.scorers.len() == 1 => 0,
            None => {
                if !has_scorer {
                    t.scorer_column_needed.get_or_insert(row.line);
                } else {
                    diags.error(row.at(SCORER), scorer_empty(rubric, i));
                }
                return;
            }
        }
    } else {
        match scorer_slot(rubric, i, scorer_cell) {
            Ok(slot) => slot,
            Err(message) => {
                diags.error(row.at(SCORER), message);
                return;
            }
        }
    };
    let score_cell = row.get(SCORE);
    if score_cell.is_empty() {
        // An empty score is a missing one (SPEC 11), told for the whole year.
        t.rows += 1;
        return;
    }
    let value = match score_value(rubric, i, score_cell) {
        Ok(value) => value,
        Err(message) => {
            diags.error(row.at(SCORE), message);
            return;
        }
    };
    t.rows += 1;
    t.record(u, i, slot, value, row.at(SCORE), || row.text(NOTE));
}

/// Whether the workbook held the cell of declared column `col` as a number.
fn table_position_is_number(row: &table::Row, col: usize) -> bool {
    row.position(col).is_some_and(|p| row.is_number(p))
}

/// For an error naming a scorer `cell` that is not among `scorers`: the
/// nearest of their ids and names, and the list of them (`id（name）`).
pub(super) fn scorer_choices<'a>(
    cell: &str,
    scorers: impl Iterator<Item = &'a crate::rubric::Scorer>,
) -> (Option<Message>, Message) {
    let names: Vec<&str> = scorers
        .flat_map(|s| [s.id.as_str(), s.name.as_str()])
        .collect();
    let hint = diag::hint(cell, names.iter().copied());
    let list = crate::text::list(
        names
            .chunks(2)
            .map(|c| msg!("annual-scorer-entry", id = c[0], name = c[1])),
    );
    (hint, list)
}

/// The slot of a named scorer among the item's, or what is wrong.
pub(super) fn scorer_slot(rubric: &Rubric, i: usize, cell: &str) -> Result<usize, Message> {
    let item = &rubric.items[i];
    let found = rubric
        .scorer(cell)
        .and_then(|s| item.scorers.iter().position(|w| w.scorer == s));
    if let Some(slot) = found {
        return Ok(slot);
    }
    let known = rubric.scorer(cell).is_some();
    let (hint, scorers) =
        scorer_choices(cell, item.scorers.iter().map(|w| &rubric.scorers[w.scorer]));
    Err(if known {
        msg!(
            "annual-scorer-not-of-item",
            scorer = cell,
            hint = hint,
            item = &item.id,
            title = &item.title,
            scorers = scorers
        )
    } else {
        msg!(
            "annual-scorer-unknown",
            scorer = cell,
            hint = hint,
            item = &item.id,
            title = &item.title,
            scorers = scorers
        )
    })
}

/// The scorer cell is empty and the item has several.
pub(super) fn scorer_empty(rubric: &Rubric, i: usize) -> Message {
    let item = &rubric.items[i];
    let ids = item
        .scorers
        .iter()
        .map(|w| rubric.scorers[w.scorer].id.as_str());
    msg!(
        "annual-scorer-empty",
        item = &item.id,
        title = &item.title,
        scorers = crate::text::list(ids)
    )
}

/// The table's own scorer does not score item `i`.
pub(super) fn scorer_not_of_item(rubric: &Rubric, i: usize, d: &TableScorer) -> Message {
    let item = &rubric.items[i];
    let scorers = crate::text::list(item.scorers.iter().map(|w| {
        let s = &rubric.scorers[w.scorer];
        msg!("annual-scorer-entry", id = &s.id, name = &s.name)
    }));
    msg!(
        "annual-table-scorer-not-of-item",
        scorer = d.name.as_str(),
        source = d.source(),
        item = &item.id,
        title = &item.title,
        scorers = scorers
    )
}

/// A score cell's value: `None` for n/a, else a number in 0..=max, as
/// people type it (`９５．５`, `6.4分`); or what is wrong.
pub(super) fn score_value(
    rubric: &Rubric,
    i: usize,
    cell: &str,
) -> Result<Option<Decimal>, Message> {
    let item = &rubric.items[i];
    if is_na(cell) {
        return Ok(None);
    }
    match num::parse_cell(cell) {
        Ok(v) if v < Decimal::ZERO || v > item.max => Err(msg!(
            "annual-score-out-of-range",
            value = cell,
            max = num::plain(item.max),
            item = &item.id,
            title = &item.title
        )),
        Ok(v) => Ok(Some(v)),
        Err(e) => Err(msg!(
            "annual-score-not-number",
            value = cell,
            reason = e.explain()
        )),
    }
}

/// What one pass over a table found.
pub(super) struct Tally {
    /// `[rubric][unit * width + offset of item + scorer slot]`: the scores,
    /// one slot per scorer of each item (see `Slots`).
    cells: Vec<Vec<Option<AnnualScore>>>,
    slots: std::sync::Arc<Slots>,
    pub rows: usize,
    /// A row that needed the missing scorer column.
    scorer_column_needed: Option<usize>,
    /// Scores of a (unit, item, scorer) the pass had already seen.
    seconds: Vec<(UnitRef, usize, usize, AnnualScore)>,
    /// A wide table: the rubric its units are of, and its first unit's
    /// name and place.
    pub wide: Option<(usize, String, Location)>,
    /// Whether the notes (备注) of the scores are kept (`publish` lists them).
    keep_notes: bool,
    /// The notes kept, as (unit, leaf, scorer slot, note).
    notes: Vec<(UnitRef, usize, usize, String)>,
}

impl Tally {
    /// One score of a unit's item by the scorer in `slot`: a long row, or a
    /// filled item cell of a wide one.
    pub(super) fn record(
        &mut self,
        u: UnitRef,
        i: usize,
        slot: usize,
        value: Option<Decimal>,
        at: Location,
        note: impl FnOnce() -> String,
    ) {
        if self.keep_notes {
            let note = note();
            if !note.is_empty() {
                self.notes.push((u, i, slot, note));
            }
        }
        let score = AnnualScore { value, at };
        let k = self.slots.index(u, i, slot);
        let cell = &mut self.cells[u.rubric][k];
        if cell.is_none() {
            *cell = Some(score);
        } else if self.seconds.len() < crate::tables::stream::MAX_ERRORS {
            // Reported when the passes are joined, against the file's first.
            self.seconds.push((u, i, slot, score));
        }
    }
}

fn second_score(
    rubric: &crate::rubric::Rubric,
    u: usize,
    i: usize,
    slot: usize,
    first: &crate::text::diag::Location,
) -> Message {
    let item = &rubric.items[i];
    let s = &rubric.scorers[item.scorers[slot].scorer];
    msg!(
        "annual-second-score",
        scorer = &s.name,
        unit = &rubric.units[u].name,
        item = &item.id,
        title = &item.title,
        first = first
    )
}
