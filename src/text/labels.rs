//! Labels of the model's values, in the run's language: what people read
//! where the model holds an enum.

use crate::model::ledger::{Role as LedgerColumn, Status};
use crate::model::record::{Kind, Method};
use crate::model::rubric::{Rubric, RuleKind};
use crate::model::source::Role;
use crate::text::i18n::{Message, msg};

impl crate::num::NumError {
    /// What is wrong or what to write, to place in a message about the cell.
    pub fn explain(self) -> Message {
        match self {
            crate::num::NumError::Empty => msg!("num-empty"),
            crate::num::NumError::NotADecimal => msg!("num-not-decimal"),
            crate::num::NumError::TooManyDigits => msg!("num-too-many-digits"),
            crate::num::NumError::TooLarge => msg!("num-too-large"),
        }
    }
}

/// How a daily record's kind reads (核减, 核加, 一票否决).
pub fn kind_label(kind: Kind) -> Message {
    match kind {
        Kind::Deduct => msg!("explain-kind-deduct"),
        Kind::Add => msg!("explain-kind-add"),
        Kind::Veto => msg!("explain-kind-veto"),
        Kind::Zero => msg!("explain-kind-zero"),
    }
}

/// How a daily record's method reads: one of the five of the notice in
/// the run's language (日常记录, 随机抽查, …), a rubric's own as written.
pub fn method_label(rubric: &Rubric, method: Method) -> Message {
    let Some(m) = rubric.methods.get(method.0) else {
        return msg!("method-as-written", label = "");
    };
    if !m.builtin {
        return msg!("method-as-written", label = &m.label);
    }
    match m.id.as_str() {
        "daily_record" => msg!("explain-method-daily-record"),
        "spot_check" => msg!("explain-method-spot-check"),
        "special_inspection" => msg!("explain-method-special-inspection"),
        "online_evaluation" => msg!("explain-method-online-evaluation"),
        "material_filing" => msg!("explain-method-material-filing"),
        _ => msg!("method-as-written", label = &m.label),
    }
}

/// 扣分 or 加分: what a rule does.
pub fn rule_kind_label(kind: RuleKind) -> Message {
    match kind {
        RuleKind::Add => msg!("rubric-rule-add"),
        RuleKind::Deduct => msg!("rubric-rule-deduct"),
    }
}

/// What a file is for in a run, as people read it (`check`, the workbook's
/// provenance); the JSON keeps `Role::as_str`.
pub fn role_label(role: Role) -> Message {
    match role {
        Role::Rubric => msg!("report-role-rubric"),
        Role::Annual => msg!("report-role-annual"),
        Role::Daily => msg!("report-role-daily"),
        Role::Published => msg!("report-role-published"),
        Role::SelfAssessment => msg!("report-role-self"),
        Role::Previous => msg!("report-role-previous"),
        Role::Measures => msg!("report-role-measures"),
        Role::Adjust => msg!("report-role-adjust"),
    }
}

/// A ledger column's header, as the ledger writes it and its errors name it.
pub fn ledger_column_label(column: LedgerColumn) -> Message {
    match column {
        LedgerColumn::Number => msg!("feedback-col-number"),
        LedgerColumn::Indicator => msg!("feedback-col-indicator"),
        LedgerColumn::Max => msg!("feedback-col-max"),
        LedgerColumn::Score => msg!("feedback-col-score"),
        LedgerColumn::Lost => msg!("feedback-col-lost"),
        LedgerColumn::Reason => msg!("feedback-col-reason"),
        LedgerColumn::Measure => msg!("ledger-col-measure"),
        LedgerColumn::Department => msg!("ledger-col-department"),
        LedgerColumn::Person => msg!("ledger-col-person"),
        LedgerColumn::Deadline => msg!("ledger-col-deadline"),
        LedgerColumn::Status => msg!("ledger-col-status"),
        LedgerColumn::Evidence => msg!("ledger-col-evidence"),
    }
}

/// 整改情况's word (已完成, 正在整改, 未整改), as the drop-down offers it.
pub fn status_label(status: Status) -> Message {
    match status {
        Status::Done => msg!("ledger-status-done"),
        Status::InProgress => msg!("ledger-status-in-progress"),
        Status::NotStarted => msg!("ledger-status-not-started"),
    }
}
