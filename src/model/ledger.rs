//! The rectification ledger (整改台账, `反馈/UNIT.xlsx`): what `publish`
//! writes into it for `assess rectify` to know it by, and what a ledger sent
//! back holds (`docs/office.md`, "assess rectify").
//!
//! A ledger is recognised by what `publish` wrote into it, not by its file
//! name: a hidden sheet (台账信息) whose first cell is [`MARKER`], then one
//! row per fact (column A the key, B on the value):
//!
//! ```text
//! assess.ledger.v1
//! rubric    counties                   the rubric's id
//! year      2020                       the rubric's year
//! unit      tacheng                    the unit's id
//! sheet     失分清单                   the ledger's sheet
//! unit_cell C3                         the header's cell naming the unit
//! column    indicator  2               each column's place (1-based), by role
//! row       7  line  1.2.1  12  11.5  0.5  政务公开 › …
//!                                      each row of the ledger: its sheet row, kind
//!                                      (veto, general, line), line id, and the
//!                                      office's 分值, 得分, 失分 and 指标 as written
//! ```
//!
//! The ledger's own cells are then read at those places: the office's (指标,
//! 分值, 得分, 失分) must still hold what the info sheet says they held, and
//! the unit's (整改措施 … 佐证材料) are what the unit wrote. The unit is the
//! one the header names (`unit_cell`), matched to the rosters; the info
//! sheet's unit must agree with it.

use std::sync::Arc;

use crate::date::Date;
use crate::model::catalog::UnitRef;
use crate::model::source::Location;

/// The first cell of a ledger's info sheet.
pub const MARKER: &str = "assess.ledger.v1";

/// The keys of the info sheet's rows (column A).
pub const KEY_RUBRIC: &str = "rubric";
pub const KEY_YEAR: &str = "year";
pub const KEY_UNIT: &str = "unit";
pub const KEY_SHEET: &str = "sheet";
pub const KEY_UNIT_CELL: &str = "unit_cell";
pub const KEY_COLUMN: &str = "column";
pub const KEY_ROW: &str = "row";

/// What a column of the ledger holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Number,
    Indicator,
    Max,
    Score,
    Lost,
    Reason,
    /// The unit's columns, from here on.
    Measure,
    Department,
    Person,
    Deadline,
    Status,
    Evidence,
}

impl Role {
    pub const ALL: [Role; 12] = [
        Role::Number,
        Role::Indicator,
        Role::Max,
        Role::Score,
        Role::Lost,
        Role::Reason,
        Role::Measure,
        Role::Department,
        Role::Person,
        Role::Deadline,
        Role::Status,
        Role::Evidence,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Role::Number => "number",
            Role::Indicator => "indicator",
            Role::Max => "max",
            Role::Score => "score",
            Role::Lost => "lost",
            Role::Reason => "reason",
            Role::Measure => "measure",
            Role::Department => "department",
            Role::Person => "person",
            Role::Deadline => "deadline",
            Role::Status => "status",
            Role::Evidence => "evidence",
        }
    }

    pub fn from_id(id: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The office's columns, which the unit may not change.
    pub const OFFICE: [Role; 4] = [Role::Indicator, Role::Max, Role::Score, Role::Lost];
}

/// What a row of the ledger is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// The veto (一票否决), first.
    Veto,
    /// The scorers' remarks that name no line (综合意见).
    General,
    /// A line that cost the unit points.
    Line,
}

impl RowKind {
    pub fn id(self) -> &'static str {
        match self {
            RowKind::Veto => "veto",
            RowKind::General => "general",
            RowKind::Line => "line",
        }
    }

    pub fn from_id(id: &str) -> Option<RowKind> {
        [RowKind::Veto, RowKind::General, RowKind::Line]
            .into_iter()
            .find(|k| k.id() == id)
    }
}

/// 整改情况: the three words of the drop-down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Done,
    InProgress,
    NotStarted,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Done, Status::InProgress, Status::NotStarted];
}

/// A row of the ledger as its info sheet records it: the row of the sheet
/// (1-based), what it is about, and the office's cells as `publish` wrote
/// them, which the unit may not change.
#[derive(Debug, Clone)]
pub struct OfficeRow {
    pub row: usize,
    pub kind: RowKind,
    /// The leaf's id, for a line row.
    pub line: String,
    pub max: String,
    pub score: String,
    pub lost: String,
    pub indicator: String,
}

/// One ledger sent back: whose, and its rows as the unit filled them.
#[derive(Debug)]
pub struct Ledger {
    /// The file as named on the command line (or found in a folder).
    pub file: Arc<str>,
    pub unit: UnitRef,
    pub rows: Vec<LedgerRow>,
}

/// A row of a ledger: what it is about and what the unit wrote.
#[derive(Debug, Clone)]
pub struct LedgerRow {
    pub kind: RowKind,
    /// The leaf of a line row, an index into `Rubric::items`.
    pub line: Option<usize>,
    /// 整改措施, 责任科室, 责任人, 佐证材料 as written (trimmed).
    pub measure: String,
    pub department: String,
    pub person: String,
    pub evidence: String,
    /// 整改时限: the date when the cell holds one, and the cell's text.
    pub deadline: Option<Date>,
    pub deadline_text: String,
    /// 整改情况: one of the three words, and the cell's text.
    pub status: Option<Status>,
    pub status_text: String,
    /// The row's 序号 cell.
    pub at: Location,
}

impl LedgerRow {
    /// Complete: a measure written and one of the three words chosen.
    pub fn complete(&self) -> bool {
        !self.measure.is_empty() && self.status.is_some()
    }

    /// The deadline has passed at `as_of` without the line being done.
    pub fn overdue(&self, as_of: Date) -> bool {
        self.status != Some(Status::Done) && self.deadline.is_some_and(|d| d < as_of)
    }
}
