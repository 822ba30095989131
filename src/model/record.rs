//! Daily records (日常考核记录): findings of the year that deduct from (核减)
//! or add to (核加) a leaf's points at year end, or veto (一票否决) the unit.

use rust_decimal::Decimal;

use crate::date::Date;
use crate::model::catalog::UnitRef;
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
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Deduct => "核减",
            Kind::Add => "核加",
            Kind::Veto => "一票否决",
        }
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

/// How the finding was made (日常考核方式).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// 日常记录
    DailyRecord,
    /// 随机抽查
    SpotCheck,
    /// 专项检查
    SpecialInspection,
    /// 网上评测
    OnlineEvaluation,
    /// 材料报备
    MaterialFiling,
}

impl Method {
    pub(crate) const NAMES: &[(&str, Method)] = &[
        ("daily_record", Method::DailyRecord),
        ("日常记录", Method::DailyRecord),
        ("spot_check", Method::SpotCheck),
        ("随机抽查", Method::SpotCheck),
        ("special_inspection", Method::SpecialInspection),
        ("专项检查", Method::SpecialInspection),
        ("online_evaluation", Method::OnlineEvaluation),
        ("网上评测", Method::OnlineEvaluation),
        ("material_filing", Method::MaterialFiling),
        ("材料报备", Method::MaterialFiling),
    ];

    pub fn parse(cell: &str) -> Option<Method> {
        lookup(Self::NAMES, cell.as_bytes())
    }

    pub fn from_bytes(cell: &[u8]) -> Option<Method> {
        // The ids as a machine writes them settle most rows without a search.
        match cell {
            b"daily_record" => Some(Method::DailyRecord),
            b"spot_check" => Some(Method::SpotCheck),
            b"special_inspection" => Some(Method::SpecialInspection),
            b"online_evaluation" => Some(Method::OnlineEvaluation),
            b"material_filing" => Some(Method::MaterialFiling),
            _ => lookup(Self::NAMES, cell),
        }
    }

    pub fn id(self) -> &'static str {
        Self::NAMES
            .iter()
            .step_by(2)
            .find(|(_, m)| *m == self)
            .map_or("", |(n, _)| n)
    }

    pub fn label(self) -> &'static str {
        Self::NAMES
            .iter()
            .skip(1)
            .step_by(2)
            .find(|(_, m)| *m == self)
            .map_or("", |(n, _)| n)
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
    pub item: Option<usize>,
    pub kind: Kind,
    pub points: Decimal,
    pub method: Method,
    pub note: String,
    pub at: Location,
    /// The rule (index into `Rubric::rules`) and count it was written with.
    pub rule: Option<(usize, Decimal)>,
}
