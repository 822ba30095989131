//! The review (复核调整): changes the office makes to a year's inputs after
//! the first result, each with its reason, kept so every output can show
//! what changed, why and on whose decision.

use rust_decimal::Decimal;

use crate::date::Date;
use crate::model::catalog::UnitRef;
use crate::model::mechanics::Line;
use crate::model::record::Kind;
use crate::model::source::Location;

/// One row of an `--adjust` table.
#[derive(Debug, Clone)]
pub struct Adjustment {
    pub unit: UnitRef,
    pub change: Change,
    /// 理由: why (required).
    pub reason: String,
    /// 文号: the decision's document, when given.
    pub document: Option<String>,
    /// The row it was read from.
    pub at: Location,
}

/// What an adjustment changes.
#[derive(Debug, Clone)]
pub enum Change {
    /// 改分: one annual score replaced, or supplied when it was missing.
    Rescore {
        /// The leaf, an index into `Rubric::items`.
        item: usize,
        /// An index into `Rubric::scorers`.
        scorer: usize,
        /// The score before: `None` when it was missing, `Some(None)` n/a.
        from: Option<Option<Decimal>>,
        /// The score after; `None` is n/a.
        to: Option<Decimal>,
    },
    /// 撤销: one daily record removed.
    Withdraw {
        /// What the record names (`None`: a veto naming nothing).
        line: Option<Line>,
        date: Date,
        kind: Kind,
        /// The record withdrawn: where it was, and its points.
        record: Location,
        points: Decimal,
    },
}

impl Adjustment {
    /// The leaf a rescore changes, or the line a withdrawn record named.
    pub fn line(&self) -> Option<Line> {
        match &self.change {
            Change::Rescore { item, .. } => Some(Line::Leaf(*item)),
            Change::Withdraw { line, .. } => *line,
        }
    }
}

/// The review of a run: `None` without `--adjust` (the outputs then say
/// nothing of it), else every adjustment in the order given.
pub type Review = Option<Vec<Adjustment>>;
