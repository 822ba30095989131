//! Annual scores as every annual table gives them, long or wide: the
//! columns, the table's scorer, the slot of a (unit, leaf, scorer) and the
//! tally that records each score once.

use rust_decimal::Decimal;

use crate::model::catalog::{Catalog, UnitRef};
use crate::model::inputs::AnnualScore;
use crate::model::rubric::Rubric;
use crate::model::source::Location;
use crate::model::source::Role;
use crate::num;
use crate::tables::table::{self, Column, Kind, Table};
use crate::text::diag::{self, Diagnostics};
use crate::text::i18n::Message;
use crate::text::i18n::msg;

pub(super) const UNIT: usize = 0;
pub(super) const ITEM: usize = 1;
pub(super) const SCORER: usize = 2;
pub(super) const SCORE: usize = 3;
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
    wide: Some("item"),
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
pub(super) fn table_scorer(
    catalog: &Catalog,
    table: &Table,
    command: Option<&str>,
    diags: &mut Diagnostics,
) -> Option<TableScorer> {
    let title = table.title_scorer.as_ref().map(|(name, at)| TableScorer {
        name: name.clone(),
        at: at.clone(),
        from_title: true,
    });
    // The same scorer by its id in one place and its name in the other is
    // no disagreement.
    let same = |a: &str, b: &str| {
        a == b
            || catalog
                .rubrics
                .iter()
                .any(|r| r.scorer(a).is_some() && r.scorer(a) == r.scorer(b))
    };
    if let (Some(title), Some(cmd)) = (&title, command)
        && !same(&title.name, cmd)
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

pub(super) struct Slots {
    pub(super) width: Vec<usize>,
    pub(super) offset: Vec<Vec<usize>>,
}

impl Slots {
    pub(super) fn new(catalog: &Catalog) -> Slots {
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
/// For an error naming a scorer `cell` that is not among `scorers`: the
/// nearest of their ids and names, and the list of them (`id（name）`).
pub(super) fn scorer_choices<'a>(
    cell: &str,
    scorers: impl Iterator<Item = &'a crate::model::rubric::Scorer>,
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
    pub(super) cells: Vec<Vec<Option<AnnualScore>>>,
    pub(super) slots: std::sync::Arc<Slots>,
    pub rows: usize,
    /// A row that needed the missing scorer column.
    pub(super) scorer_column_needed: Option<usize>,
    /// Scores of a (unit, item, scorer) the pass had already seen.
    pub(super) seconds: Vec<(UnitRef, usize, usize, AnnualScore)>,
    /// A wide table: the rubric its units are of, and its first unit's
    /// name and place.
    pub wide: Option<(usize, String, Location)>,
    /// Whether the notes (备注) of the scores are kept (`publish` lists them).
    pub(super) keep_notes: bool,
    /// The notes kept, as (unit, leaf, scorer slot, note).
    pub(super) notes: Vec<(UnitRef, usize, usize, String)>,
    /// Empty score cells, and score cells refused (their error is told).
    pub(super) blanks: Vec<(crate::model::inputs::ScoreSlot, Location)>,
    pub(super) refused: Vec<crate::model::inputs::ScoreSlot>,
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

pub(super) fn second_score(
    rubric: &crate::model::rubric::Rubric,
    u: usize,
    i: usize,
    slot: usize,
    first: &crate::model::source::Location,
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
