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
