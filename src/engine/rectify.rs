//! `assess rectify`'s reckoning: for each unit of the rosters, whether its
//! ledger came back and how many of its rows are done, in progress, not
//! started, without a measure or overdue at a date; what is still open.

use crate::date::Date;
use crate::model::catalog::{Catalog, UnitRef};
use crate::model::ledger::{Ledger, LedgerRow, Status};

/// Every unit of the rosters, in roster order, rubric by rubric.
pub struct Summary<'a> {
    pub as_of: Date,
    pub units: Vec<UnitState<'a>>,
}

/// A unit: its ledger, if it came back, and the counts of its rows.
pub struct UnitState<'a> {
    pub unit: UnitRef,
    pub ledger: Option<&'a Ledger>,
    pub counts: Counts,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub rows: usize,
    pub done: usize,
    pub in_progress: usize,
    pub not_started: usize,
    /// Rows without 整改措施.
    pub no_measure: usize,
    /// Rows whose 整改时限 has passed without 已完成.
    pub overdue: usize,
    /// Rows not complete (no measure, or no word of the three).
    pub incomplete: usize,
}

impl<'a> Summary<'a> {
    pub fn new(catalog: &Catalog, ledgers: &'a [Ledger], as_of: Date) -> Summary<'a> {
        let mut units = Vec::new();
        for (r, rubric) in catalog.rubrics.iter().enumerate() {
            for u in 0..rubric.units.len() {
                let unit = UnitRef { rubric: r, unit: u };
                let ledger = ledgers.iter().find(|l| l.unit == unit);
                let mut c = Counts::default();
                for row in ledger.into_iter().flat_map(|l| &l.rows) {
                    c.rows += 1;
                    match row.status {
                        Some(Status::Done) => c.done += 1,
                        Some(Status::InProgress) => c.in_progress += 1,
                        Some(Status::NotStarted) => c.not_started += 1,
                        None => {}
                    }
                    c.no_measure += usize::from(row.measure.is_empty());
                    c.overdue += usize::from(row.overdue(as_of));
                    c.incomplete += usize::from(!row.complete());
                }
                units.push(UnitState {
                    unit,
                    ledger,
                    counts: c,
                });
            }
        }
        Summary { as_of, units }
    }

    /// Something is outstanding: a ledger not returned, a row not complete.
    pub fn outstanding(&self) -> bool {
        self.units
            .iter()
            .any(|u| u.ledger.is_none() || u.counts.incomplete > 0)
    }

    /// Every row not done, with its unit, by deadline (dated rows first,
    /// earliest first; then the rest), else in roster and ledger order.
    pub fn open_rows(&self) -> Vec<(UnitRef, &'a LedgerRow)> {
        let mut out: Vec<(UnitRef, &LedgerRow)> = self
            .units
            .iter()
            .flat_map(|u| {
                u.ledger
                    .into_iter()
                    .flat_map(|l| &l.rows)
                    .filter(|r| r.status != Some(Status::Done))
                    .map(move |r| (u.unit, r))
            })
            .collect();
        out.sort_by_key(|(_, r)| (r.deadline.is_none(), r.deadline));
        out
    }
}
