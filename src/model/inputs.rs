//! What the inputs of a year accumulate into: one entry per (unit, leaf),
//! never a list of rows (but for the records `explain` and `publish` keep).

use rust_decimal::Decimal;

use crate::model::catalog::UnitRef;
use crate::model::mechanics::Line;
use crate::model::record::DailyRecord;
use crate::model::source::{InputFile, Location};
use crate::num::Sum;

/// One scorer's annual score (年度考核得分) for one unit on one item.
#[derive(Debug, Clone)]
pub struct AnnualScore {
    /// `None` is `n/a` (不涉及): the item does not apply to the unit.
    pub value: Option<Decimal>,
    pub at: Location,
}

/// What the inputs say about one unit's item.
#[derive(Debug, Clone, Default)]
pub struct ItemInputs {
    /// One slot per scorer of the item, in the rubric's order.
    pub annual: Vec<Option<AnnualScore>>,
    /// Uncapped sums of the daily records' points.
    pub deduct: Sum,
    pub add: Sum,
    /// Uncapped sums of the points of the records under each of the item's
    /// rules, in the rubric's order (deduct and add rules alike).
    pub rules: Vec<Sum>,
    /// The first daily record on the item, to point at when it may have none.
    pub first_daily: Option<Location>,
    pub daily_count: usize,
    /// The unit's value of the leaf's measure, when it has one.
    pub measured: Option<MeasuredValue>,
    /// A `zero` record (此项不得分) on the leaf, or on a group or section above it.
    pub zeroed: Option<Zeroed>,
}

/// A unit's value of a measure (指标数据), as read.
#[derive(Debug, Clone)]
pub struct MeasuredValue {
    /// `None` is `n/a`: the lines scored from the measure do not apply.
    pub value: Option<Decimal>,
    pub at: Location,
}

/// Where a leaf was zeroed (此项不得分): the first `zero` record on it or
/// on a group or section above it.
#[derive(Debug, Clone)]
pub struct Zeroed {
    pub at: Location,
}

#[derive(Debug, Clone, Default)]
pub struct UnitInputs {
    pub items: Vec<ItemInputs>,
    /// The first veto record (一票否决) of the unit.
    pub veto: Option<Location>,
    /// Every `zero` record (此项不得分) of the unit: what it names, and where.
    pub zeros: Vec<(Line, Location)>,
}

/// Everything read for a run, by rubric, unit and item.
#[derive(Debug)]
pub struct Inputs {
    pub files: Vec<InputFile>,
    /// `[rubric][unit]`
    pub units: Vec<Vec<UnitInputs>>,
    /// Annual scores missing and counted as 0 (`--allow-missing`); any
    /// makes the result provisional.
    pub missing: usize,
    /// When explaining a unit, its records in file order.
    pub trace: Option<Trace>,
    /// Every daily record of every unit in file order, kept only when read
    /// with [`read_inputs_keeping_all`] (`publish` lists them); otherwise empty.
    pub records: Vec<DailyRecord>,
    /// Every annual score's note (备注), kept likewise; otherwise empty.
    pub notes: Vec<AnnualNote>,
    /// The review (复核调整): `None` without `--adjust`.
    pub review: crate::model::adjust::Review,
    /// Where scores are absent, and which absences a reading problem
    /// explains (so they are not told twice).
    pub gaps: ScoreGaps,
}

/// An annual score's place: (unit, leaf, scorer slot of the leaf).
pub type ScoreSlot = (UnitRef, usize, usize);

/// What the readers know of absent annual scores: the empty cell that
/// stands for one, the cells refused (their error is told), and the
/// scorers whose tables could not be read whole. A missing score that a
/// reading problem explains is that problem's follow-on, not told again.
#[derive(Debug, Default)]
pub struct ScoreGaps {
    /// The empty score cell of a (unit, leaf, scorer).
    pub blanks: std::collections::HashMap<ScoreSlot, Location>,
    /// Cells whose score was refused (out of range, not a number, …).
    pub refused: std::collections::HashSet<ScoreSlot>,
    /// (rubric, scorer) whose tables had problems that may hide scores.
    pub doubted: std::collections::HashSet<(usize, usize)>,
    /// A table that could not be told any scorer's failed to be read.
    pub unattributed: bool,
    /// (rubric, scorer) whose wide table had a column in error: a leaf it
    /// has no score of for any unit may be that column's.
    pub columns_doubted: std::collections::HashSet<(usize, usize)>,
    /// Where a (rubric, scorer)'s table is: its header.
    pub tables: std::collections::HashMap<(usize, usize), Location>,
}

impl ScoreGaps {
    /// Whether a reading problem explains that this score is absent: its
    /// cell was refused, or no empty cell stands for it and a table of the
    /// scorer (or of no known scorer) had problems that may have eaten its
    /// row. An empty cell is always told: it is where it is.
    pub fn explained(&self, slot: ScoreSlot, scorer: usize) -> bool {
        self.refused.contains(&slot)
            || (!self.blanks.contains_key(&slot)
                && (self.unattributed || self.doubted.contains(&(slot.0.rubric, scorer))))
    }
}

/// The note (备注) a scorer wrote beside one annual score.
#[derive(Debug, Clone)]
pub struct AnnualNote {
    pub unit: UnitRef,
    /// The leaf, an index into `Rubric::items`.
    pub item: usize,
    /// The scorer, an index into `Rubric::scorers`.
    pub scorer: usize,
    pub note: String,
    /// From a wide table (评分表): the row's 备注, recorded on each of its
    /// leaves, which the ledger splits among the lines it names.
    pub wide: bool,
}

/// The daily records of one unit, kept for `explain`.
#[derive(Debug)]
pub struct Trace {
    pub unit: UnitRef,
    pub records: Vec<DailyRecord>,
}

impl Inputs {
    pub fn unit(&self, u: UnitRef) -> &UnitInputs {
        &self.units[u.rubric][u.unit]
    }
}
