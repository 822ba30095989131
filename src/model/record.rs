//! Daily records (日常考核记录): findings of the year that deduct from (核减)
//! or add to (核加) a leaf's points at year end, or veto (一票否决) the unit.

use rust_decimal::Decimal;

use crate::date::Date;
use crate::model::catalog::UnitRef;
pub use crate::model::mechanics::{Line, Method};
use crate::model::rubric::RuleKind;
use crate::model::source::Location;

/// What a daily record does to the unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 核减 / 扣分
    Deduct,
    /// 核加 / 加分
    Add,
    /// 一票否决: the unit gets the lowest grade whatever its total.
    Veto,
    /// 此项不得分: every leaf under what it names scores 0 for the unit.
    Zero,
}

impl Kind {
    pub(crate) const NAMES: &[(&str, Kind)] = &[
        ("deduct", Kind::Deduct),
        ("核减", Kind::Deduct),
        ("扣分", Kind::Deduct),
        ("add", Kind::Add),
        ("核加", Kind::Add),
        ("加分", Kind::Add),
        ("veto", Kind::Veto),
        ("一票否决", Kind::Veto),
        ("zero", Kind::Zero),
        ("不得分", Kind::Zero),
        ("此项不得分", Kind::Zero),
        ("该项不得分", Kind::Zero),
    ];

    pub fn parse(cell: &str) -> Option<Kind> {
        lookup(Self::NAMES, cell.as_bytes())
    }

    pub fn from_bytes(cell: &[u8]) -> Option<Kind> {
        // The ids as a machine writes them settle most rows without a search.
        match cell {
            b"deduct" => Some(Kind::Deduct),
            b"add" => Some(Kind::Add),
            _ => lookup(Self::NAMES, cell),
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Kind::Deduct => "deduct",
            Kind::Add => "add",
            Kind::Veto => "veto",
            Kind::Zero => "zero",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Deduct => "核减",
            Kind::Add => "核加",
            Kind::Veto => "一票否决",
            Kind::Zero => "此项不得分",
        }
    }

    /// A veto or a zero record takes no points, rule or count.
    pub fn takes_points(self) -> bool {
        matches!(self, Kind::Deduct | Kind::Add)
    }
}

impl RuleKind {
    /// The kind of the daily records written under the rule.
    pub fn record_kind(self) -> Kind {
        match self {
            RuleKind::Deduct => Kind::Deduct,
            RuleKind::Add => Kind::Add,
        }
    }
}

/// English names match ignoring case; Chinese ones as written.
fn lookup<T: Copy>(names: &[(&str, T)], cell: &[u8]) -> Option<T> {
    names
        .iter()
        .find(|(n, _)| n.as_bytes().eq_ignore_ascii_case(cell))
        .map(|(_, v)| *v)
}

/// One finding of the daily assessment, as `explain` shows it.
#[derive(Debug, Clone)]
pub struct DailyRecord {
    pub date: Date,
    pub unit: UnitRef,
    /// The leaf it names (`None` for a veto without one, or a zero record
    /// naming a group or a section: see `line`).
    pub item: Option<usize>,
    /// What it names, a group or section too.
    pub line: Option<Line>,
    pub kind: Kind,
    pub points: Decimal,
    pub method: Method,
    pub note: String,
    pub at: Location,
    /// The rule (index into `Rubric::rules`) and count it was written with.
    pub rule: Option<(usize, Decimal)>,
}
