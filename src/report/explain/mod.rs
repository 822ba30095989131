//! `assess explain UNIT [ITEM]`: the audit trail of one unit, every number
//! traced to the input line it comes from, every step with its values.

mod build;
mod text;

use serde::Serialize;

use crate::model::catalog::{Catalog, UnitRef};
use crate::model::inputs::Inputs;
use crate::model::record::{DailyRecord, Kind};
use crate::model::results::Results;
use crate::model::rubric::{Rubric, RuleKind};
use crate::num::plain;
use crate::report::ReportFormat;
use crate::text::i18n::Message;

#[derive(Serialize)]
pub(super) struct Explanation<'a> {
    pub(super) schema: &'static str,
    pub(super) version: &'static str,
    pub(super) provisional: bool,
    pub(super) inputs: Vec<crate::report::json::Input<'a>>,
    pub(super) rubric: RubricRef,
    pub(super) unit: UnitEx,
    pub(super) items: Vec<ItemEx>,
    pub(super) sections: Vec<SectionEx>,
    pub(super) applicable_score: String,
    pub(super) applicable_max: String,
    pub(super) scaled: bool,
    /// With bonus or penalty parts (SPEC 16): the scored part, the bonus
    /// that counts, the penalty, and the highest total.
    pub(super) parts: Option<PartsEx>,
    /// The total before a veto capped or set it, when it did.
    pub(super) before_veto: Option<String>,
    pub(super) total: String,
    pub(super) grade: GradeEx,
    pub(super) veto: Vec<RecordEx>,
    /// A grade's quota moved the unit below the grade its total reaches.
    pub(super) demoted: Option<DemotedEx>,
    /// The review's withdrawals of records naming no line (a veto).
    pub(super) review: Vec<ReviewEx>,
    pub(super) rank: usize,
    pub(super) ranking: &'static str,
    /// Units of the rubric with a strictly greater total (distinct totals for dense ranking),
    /// among the units ranked with it (with `rank = "last"`, vetoed units apart).
    pub(super) ranked_above: usize,
    /// With `rank = "last"`, a vetoed unit: the units without a veto, ranked before it.
    pub(super) vetoed_last_after: Option<usize>,
}

#[derive(Serialize)]
pub(super) struct PartsEx {
    pub(super) scored: String,
    pub(super) bonus: String,
    pub(super) penalty: String,
    pub(super) max_total: String,
}

/// The grade the total reaches, and its quota (优秀等次不超过…).
#[derive(Serialize)]
pub(super) struct DemotedEx {
    pub(super) from: GradeEx,
    /// Units the grade may hold.
    pub(super) limit: u64,
}

#[derive(Serialize)]
pub(super) struct RubricRef {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) total: String,
    pub(super) decimals: u32,
}

#[derive(Serialize)]
pub(super) struct UnitEx {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) at: String,
}

#[derive(Serialize)]
pub(super) struct GradeEx {
    pub(super) id: String,
    pub(super) label: String,
    pub(super) min: String,
}

#[derive(Serialize)]
pub(super) struct SectionEx {
    pub(super) id: String,
    pub(super) title: String,
    /// "scored", "bonus" or "penalty".
    pub(super) kind: &'static str,
    /// A bonus or penalty part's most.
    pub(super) max: Option<String>,
    /// A bonus part's gate on the scored part, and whether it is strict.
    pub(super) gate: Option<String>,
    pub(super) gate_strict: bool,
    /// False for a bonus part its gate held back.
    pub(super) counted: bool,
    /// Rescaled over its applicable children (`na = "parent"`).
    pub(super) scaled: bool,
    /// The full maxima of the children that count (for the rescaling).
    pub(super) parts_max: String,
    pub(super) full_max: String,
    pub(super) score: String,
    /// The applicable leaves.
    pub(super) items: Vec<String>,
    /// The applicable indicators directly under the section (groups and
    /// leaves), whose scores add up to the section's.
    pub(super) parts: Vec<String>,
    pub(super) groups: Vec<GroupEx>,
}

/// A group's subtotal: the exact sum of its applicable children.
#[derive(Serialize)]
pub(super) struct GroupEx {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) parent: Option<String>,
    pub(super) level: usize,
    pub(super) max: String,
    pub(super) score: Option<String>,
    /// The applicable indicators directly under it, as (id, score).
    pub(super) parts: Vec<(String, String)>,
    /// Rescaled over its applicable children (`na = "parent"`): score =
    /// round(Σ parts × max ÷ parts_max).
    pub(super) scaled: bool,
    pub(super) parts_max: String,
}

/// One rule of a leaf with records under it (`docs/formats.md`, 扣分标准).
#[derive(Serialize)]
pub(super) struct RuleEx {
    pub(super) id: String,
    pub(super) text: String,
    pub(super) kind: &'static str,
    #[serde(skip)]
    pub(super) kind_of: RuleKind,
    pub(super) points: String,
    pub(super) max: Option<String>,
    /// The points of the records under the rule, before its cap.
    pub(super) sum: String,
    /// `sum` capped at `max`: what counts towards the item's adjustment.
    pub(super) counted: String,
}

#[derive(Serialize)]
pub(super) struct ItemEx {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) section: String,
    /// Its section's kind: "scored", "bonus" or "penalty".
    pub(super) section_kind: &'static str,
    pub(super) max: String,
    pub(super) applicable: bool,
    /// For an item without scorers: "zero" or "full".
    pub(super) start: Option<&'static str>,
    pub(super) annual: Vec<AnnualEx>,
    pub(super) daily: Vec<RecordEx>,
    /// The group holding the leaf, if any.
    pub(super) parent: Option<String>,
    pub(super) rules: Vec<RuleEx>,
    pub(super) base: Option<String>,
    pub(super) deduct_sum: Option<String>,
    pub(super) max_deduct: Option<String>,
    pub(super) deducted: Option<String>,
    pub(super) add_sum: Option<String>,
    pub(super) max_add: Option<String>,
    pub(super) added: Option<String>,
    /// base - deducted + added, before the clamp to 0..max
    pub(super) raw: Option<String>,
    /// raw clamped to floor..max, before rounding
    pub(super) clamped: Option<String>,
    pub(super) score: Option<String>,
    /// The lowest score (倒扣), when below 0.
    pub(super) floor: Option<String>,
    /// Why it does not apply: "class" (with the rule's place), "measure"
    /// or "annual"; and what it counts even so (`na = "full"`).
    pub(super) not_applicable: Option<&'static str>,
    pub(super) not_applicable_at: Vec<String>,
    pub(super) counts: Option<String>,
    /// Scored from a measured value through the rubric's scale.
    pub(super) measure: Option<MeasureEx>,
    /// A zero record (此项不得分) made it 0.
    pub(super) zeroed: bool,
    /// The review's adjustments acting on it (复核调整).
    pub(super) review: Vec<ReviewEx>,
    /// base, raw and clamped are exact; false when the base is a fraction
    /// shown rounded to 6 places (the score is computed from it exactly).
    pub(super) exact: bool,
}

/// One adjustment of the review, where it acts.
#[derive(Serialize)]
pub(super) struct ReviewEx {
    /// "rescore" or "withdraw".
    pub(super) action: &'static str,
    /// What it changed, in the run's language (`办公室评分由5分调整为6分`).
    pub(super) change: String,
    /// The withdrawn record's place.
    pub(super) record: Option<String>,
    pub(super) reason: String,
    pub(super) document: Option<String>,
    /// The row of the `--adjust` table.
    pub(super) at: String,
}

impl ReviewEx {
    fn new(r: &Rubric, a: &crate::model::adjust::Adjustment) -> Self {
        use crate::model::adjust::Change;
        let lang = crate::text::i18n::lang();
        ReviewEx {
            action: match a.change {
                Change::Rescore { .. } => "rescore",
                Change::Withdraw { .. } => "withdraw",
            },
            change: crate::report::cells::review_what(r, a, lang),
            record: match &a.change {
                Change::Withdraw { record, .. } => Some(record.to_string()),
                Change::Rescore { .. } => None,
            },
            reason: a.reason.clone(),
            document: a.document.clone(),
            at: a.at.to_string(),
        }
    }
}

#[derive(Serialize)]
pub(super) struct MeasureEx {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) unit: Option<String>,
    /// The value, or null when missing (counted as 0 with --allow-missing).
    pub(super) value: Option<String>,
    pub(super) at: Option<String>,
    pub(super) interpolate: &'static str,
    /// The scale point at or below the value, and the next (linear, between two).
    pub(super) from: (String, String),
    pub(super) to: Option<(String, String)>,
}

#[derive(Serialize)]
pub(super) struct AnnualEx {
    pub(super) scorer: String,
    pub(super) scorer_name: String,
    pub(super) weight: String,
    /// The score, "n/a", or null when missing (counted as 0 with --allow-missing).
    pub(super) score: Option<String>,
    pub(super) at: Option<String>,
}

#[derive(Serialize)]
pub(super) struct RecordEx {
    #[serde(skip)]
    pub(super) kind_of: Kind,
    /// The method as people read it, in the run's language.
    #[serde(skip)]
    pub(super) method_of: Message,
    pub(super) date: String,
    pub(super) kind: &'static str,
    pub(super) kind_label: &'static str,
    pub(super) method: String,
    pub(super) method_label: String,
    pub(super) points: String,
    /// The rule (id) and count the record was written with, if any.
    pub(super) rule: Option<String>,
    pub(super) count: Option<String>,
    pub(super) note: String,
    pub(super) at: String,
}

impl RecordEx {
    fn new(r: &DailyRecord, rubric: &Rubric) -> Self {
        RecordEx {
            kind_of: r.kind,
            method_of: crate::text::labels::method_label(rubric, r.method),
            date: r.date.to_string(),
            kind: r.kind.id(),
            kind_label: r.kind.label(),
            method: rubric.methods[r.method.0].id.clone(),
            method_label: rubric.methods[r.method.0].label.clone(),
            points: plain(r.points),
            rule: r.rule.map(|(k, _)| rubric.rules[k].id.clone()),
            count: r.rule.map(|(_, c)| plain(c)),
            note: r.note.clone(),
            at: r.at.to_string(),
        }
    }
}

/// Which leaves to explain: all of them, or those of one line (a leaf, or a
/// group's leaves).
pub type Only = Option<std::ops::Range<usize>>;

/// The audit trail of one unit, as text or JSON.
pub fn render(
    catalog: &Catalog,
    inputs: &Inputs,
    results: &Results,
    u: UnitRef,
    only: Only,
    format: ReportFormat,
) -> String {
    let Some(ex) = build::explanation(catalog, inputs, results, u, only.as_ref()) else {
        return String::new();
    };
    match format {
        ReportFormat::Json => {
            let mut t = serde_json::to_string_pretty(&ex).unwrap_or_default();
            t.push('\n');
            t
        }
        ReportFormat::Text => text::render(&ex, only.is_none()),
    }
}
