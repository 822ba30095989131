//! The results of a year: per rubric, per unit (by rank), per section and
//! leaf, each number with how it came about.

use rust_decimal::Decimal;

use crate::model::source::{InputFile, Location};

/// The schema of the JSON document of `score` (and what `--previous` reads).
pub const SCHEMA: &str = "assess.score.v1";

/// What `publish` writes into its folder . The names are part of
/// the contract, the same in every language: scripts and the office's
/// habits look for them.
pub mod published {
    pub const NOTICE_DOCX: &str = "通报.docx";
    pub const NOTICE_MD: &str = "通报.md";
    pub const FEEDBACK_DIR: &str = "反馈";
    pub const ANALYSIS_HTML: &str = "分析报告.html";
}

/// An input missing and counted as 0 (`--allow-missing`): an annual score
/// of a scorer, or a measured value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MissingScore {
    /// The leaf, an index into `Rubric::items`.
    pub item: usize,
    pub of: MissingOf,
}

/// Whose input is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingOf {
    /// A scorer's annual score (index into `Rubric::scorers`).
    Scorer(usize),
    /// A measured value (index into `Rubric::measures`).
    Measure(usize),
}

impl MissingScore {
    /// The scorer whose score is missing, if it is a score.
    pub fn scorer(&self) -> Option<usize> {
        match self.of {
            MissingOf::Scorer(s) => Some(s),
            MissingOf::Measure(_) => None,
        }
    }
}

/// A whole run's results, rubrics in the order given.
#[derive(Debug)]
pub struct Results {
    /// Annual scores missing and counted as 0; any makes the result provisional (暂定).
    pub missing: usize,
    /// Rubrics first, then the annual and daily files, as read.
    pub files: Vec<InputFile>,
    pub rubrics: Vec<RubricResult>,
    /// Some daily record of kind `zero` was read (the JSON then says of
    /// every leaf whether it was zeroed).
    pub zero_records: bool,
    /// The review (复核调整) the inputs went through: `None` without `--adjust`.
    pub review: crate::model::adjust::Review,
}

impl Results {
    pub fn provisional(&self) -> bool {
        self.missing > 0
    }
}

#[derive(Debug)]
pub struct RubricResult {
    pub rubric: usize,
    /// By rank, ties in roster order.
    pub units: Vec<UnitResult>,
}

#[derive(Debug)]
pub struct UnitResult {
    /// Index into the rubric's roster.
    pub unit: usize,
    pub rank: usize,
    /// The total: the parts added up within 0 and the highest total, and
    /// what a veto makes of it.
    pub total: Decimal,
    /// The total before a veto capped or set it.
    pub before_veto: Decimal,
    /// The scored part (rescaled when lines did not apply), the bonus parts
    /// that count, the penalty parts (zero or negative).
    pub scored: Decimal,
    pub bonus: Decimal,
    pub penalty: Decimal,
    /// Index into the rubric's grades.
    pub grade: usize,
    /// A grade's quota moved it below the grade its total reaches.
    pub demoted: bool,
    /// An adjustment of the review touched it.
    pub adjusted: bool,
    /// The veto record (一票否决), if any.
    pub veto: Option<Location>,
    /// The scored part was rescaled to the rubric's scale (lines n/a under
    /// `na = "rescale"`, a whole section n/a under `"parent"`).
    pub scaled: bool,
    /// The rescaling's inputs: the applicable leaves' (or, under
    /// `"parent"`, sections') scores and maxima.
    pub applicable_score: Decimal,
    pub applicable_max: Decimal,
    /// Sums of the items' capped deductions and additions.
    pub deducted: Decimal,
    pub added: Decimal,
    pub sections: Vec<SectionResult>,
    /// Annual scores missing and counted as 0 (`--allow-missing`), as
    /// (leaf, scorer) indices: the unit's result is provisional (暂定).
    pub missing: Vec<MissingScore>,
    /// The total converted as the rubric's `[conversion]` says (折算).
    pub converted: Option<Decimal>,
}

impl UnitResult {
    pub fn provisional(&self) -> bool {
        !self.missing.is_empty()
    }
}

#[derive(Debug)]
pub struct SectionResult {
    pub score: Decimal,
    /// A bonus part held back by its gate counts nothing.
    pub counted: bool,
    /// Rescaled over its applicable children (`na = "parent"`).
    pub scaled: bool,
    /// The leaves in rubric order.
    pub items: Vec<LeafResult>,
    /// The section's groups in rubric order.
    pub groups: Vec<GroupScore>,
}

/// A leaf of a unit: how its score came about when it applies, and what it
/// counts in its group's and section's sums.
#[derive(Debug, Clone)]
pub struct LeafResult {
    /// Index into `Rubric::items`.
    pub item: usize,
    /// `None` when the leaf does not apply to the unit (不涉及).
    pub outcome: Option<ItemScore>,
    /// What it counts: its score, or, not applying under `na = "full"`, its
    /// max (不涉及的按满分计); `None` when it counts nothing.
    pub counts: Option<Decimal>,
}

/// A group's score for a unit.
#[derive(Debug, Clone, Copy)]
pub struct GroupScore {
    /// Index into `Rubric::groups`.
    pub group: usize,
    /// The sum of its children (rescaled under `"parent"`), or its max when
    /// nothing applies under `"full"`; `None` when nothing of it applies.
    pub score: Option<Decimal>,
    /// Some leaf below it applies.
    pub applicable: bool,
    pub scaled: bool,
}

/// One rule's part in a leaf's adjustment (`docs/computation.md#adjustments`).
#[derive(Debug, Clone, Copy)]
pub struct RuleScore {
    /// Index into `Rubric::rules`.
    pub rule: usize,
    /// The points of the unit's records under the rule.
    pub sum: Decimal,
    /// `sum`, capped at the rule's `max`.
    pub counted: Decimal,
}

/// How one applicable item's score came about, step by step.
#[derive(Debug, Clone)]
pub struct ItemScore {
    /// Weighted annual scores, or the start of a daily-only item.
    pub base: Decimal,
    /// Each rule of the leaf with records under it, in rubric order.
    pub rules: Vec<RuleScore>,
    /// Daily points after the rules' caps and before the item's caps, then after.
    pub deduct_sum: Decimal,
    pub add_sum: Decimal,
    pub deducted: Decimal,
    pub added: Decimal,
    /// `base - deducted + added`, before the clamp to `floor..=max`.
    pub raw: Decimal,
    /// `raw` held within the leaf's floor and max, before rounding.
    pub clamped: Decimal,
    pub score: Decimal,
    /// `base`, `raw` and `clamped` are exact (a measured base may be a
    /// fraction: they are then rounded to 6 places, the score never is).
    pub exact: bool,
    /// A `zero` record (此项不得分) made the score 0.
    pub zeroed: bool,
    /// The measured value and the scale points it was read between.
    pub measured: Option<MeasureUse>,
}

/// A leaf's base read from a measure: the value, and the scale point at or
/// below it with the next one (none past either end, or for a step).
#[derive(Debug, Clone, Copy)]
pub struct MeasureUse {
    /// The value read; `None` when it is missing (and counted as 0).
    pub value: Option<Decimal>,
    pub from: (Decimal, Decimal),
    pub to: Option<(Decimal, Decimal)>,
}
