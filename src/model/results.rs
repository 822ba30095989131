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

/// An annual score missing and counted as 0 (`--allow-missing`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MissingScore {
    /// The leaf, an index into `Rubric::items`.
    pub item: usize,
    /// The scorer, an index into `Rubric::scorers`.
    pub scorer: usize,
}

/// A whole run's results, rubrics in the order given.
#[derive(Debug)]
pub struct Results {
    /// Annual scores missing and counted as 0; any makes the result provisional (暂定).
    pub missing: usize,
    /// Rubrics first, then the annual and daily files, as read.
    pub files: Vec<InputFile>,
    pub rubrics: Vec<RubricResult>,
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
    pub total: Decimal,
    /// Index into the rubric's grades.
    pub grade: usize,
    /// The veto record (一票否决), if any.
    pub veto: Option<Location>,
    /// Some item was n/a and the total was rescaled to the rubric's scale.
    pub scaled: bool,
    /// Sum of the applicable items' scores and maxima (the rescaling's inputs).
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
    /// The leaves in rubric order, as (item index, outcome).
    pub items: Vec<(usize, Option<ItemScore>)>,
    /// The section's groups in rubric order, as (group index, score): the
    /// exact sum of their applicable leaves, `None` when none applies.
    pub groups: Vec<(usize, Option<Decimal>)>,
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
    /// `base - deducted + added`, before the clamp to `0..=max`.
    pub raw: Decimal,
    pub score: Decimal,
}
