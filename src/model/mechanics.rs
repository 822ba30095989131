//! The mechanics of real 细则 beyond line-by-line points: parts outside the
//! scale (加分项, 扣分项), lines scored from a measured value, lines for some
//! kinds of unit and what becomes of their points, vetoes that do more than
//! set the grade, grade quotas and the rubric's own methods
//! (`docs/computation.md#parts` and the sections after it).

use rust_decimal::Decimal;

/// What a section is (一级指标): a part of the scale, or points outside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PartKind {
    /// Its leaves' maxima add up to the rubric's `total`.
    #[default]
    Scored,
    /// 加分项: adds at most its `max`, perhaps only past a gate.
    Bonus,
    /// 扣分项: takes at most its `max` from the total.
    Penalty,
}

impl PartKind {
    /// The id the rubric writes (`kind = "bonus"`) and the JSON shows.
    pub fn id(self) -> &'static str {
        match self {
            PartKind::Scored => "scored",
            PartKind::Bonus => "bonus",
            PartKind::Penalty => "penalty",
        }
    }
}

/// A bonus part counts only when the unit's scored part reaches this
/// (基础分达到80分以上方可加分): at least `min`, or above it when `strict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gate {
    pub min: Decimal,
    pub strict: bool,
}

impl Gate {
    /// Whether a scored part of `scored` opens the gate.
    pub fn opens(&self, scored: Decimal) -> bool {
        if self.strict {
            scored > self.min
        } else {
            scored >= self.min
        }
    }
}

/// How a measured value becomes a leaf's base between the points of its scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Interpolate {
    /// On the straight line between the two neighbouring points (按比例折算).
    #[default]
    Linear,
    /// The base of the last point reached (达到95%得5分，90%得3分).
    Step,
}

/// A leaf scored from a measure (指标数据) through a scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    /// Index into `Rubric::measures`.
    pub measure: usize,
    /// (value, base) points, values strictly ascending.
    pub scale: Vec<(Decimal, Decimal)>,
    pub interpolate: Interpolate,
}

/// A number measured for each unit (好评率, 按时办结率).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measure {
    pub id: String,
    pub title: String,
    /// What the values are counted in, shown beside them (`%`).
    pub unit: Option<String>,
}

/// A kind of unit a line may apply to (有行政审批职能的部门).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Class {
    pub id: String,
    pub label: String,
}

/// Which units a leaf or group applies to, by class (indices into
/// `Rubric::classes`): all when both lists are empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applies {
    /// `applies_to`: only units of at least one of these classes.
    pub to: Vec<usize>,
    /// `except`: no unit of any of these classes.
    pub except: Vec<usize>,
    /// The line of the key that decides, for errors.
    pub line: usize,
}

impl Applies {
    pub fn is_everyone(&self) -> bool {
        self.to.is_empty() && self.except.is_empty()
    }

    /// Whether a unit of `classes` is meant.
    pub fn includes(&self, classes: &[usize]) -> bool {
        (self.to.is_empty() || self.to.iter().any(|c| classes.contains(c)))
            && !self.except.iter().any(|c| classes.contains(c))
    }
}

/// What becomes of the points of a line that does not apply to a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NaPolicy {
    /// The whole scored part rescaled to the scale (得分/适用项目总分×100).
    #[default]
    Rescale,
    /// Its siblings' scores rescaled to their parent's max (该项分值分配到同级其他指标).
    Parent,
    /// Counted at its max (不涉及的按满分计).
    Full,
}

impl NaPolicy {
    pub fn id(self) -> &'static str {
        match self {
            NaPolicy::Rescale => "rescale",
            NaPolicy::Parent => "parent",
            NaPolicy::Full => "full",
        }
    }
}

/// What a veto (一票否决) does besides giving the lowest grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VetoRule {
    /// The total is at most this (不得高于59分).
    pub cap: Option<Decimal>,
    /// The total is exactly this (按59分计).
    pub total: Option<Decimal>,
    /// Ranked after every unit without a veto (排名列最后).
    pub rank_last: bool,
}

/// How many units a grade may hold at most (优秀等次不超过参评单位的30%).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quota {
    /// A share of the roster (0 < q < 1): floor(q × roster size) units.
    Share(Decimal),
    /// A number of units.
    Count(u64),
}

impl Quota {
    /// The most units the grade may hold, of a roster of `roster` units.
    pub fn limit(self, roster: usize) -> u64 {
        match self {
            Quota::Count(n) => n,
            Quota::Share(q) => {
                let n = q.checked_mul(Decimal::from(roster)).unwrap_or_default();
                u64::try_from(n.floor()).unwrap_or(0)
            }
        }
    }
}

/// A way a finding is made (日常考核方式): one of the five of the notice,
/// or one of the rubric's own `[methods]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodDef {
    pub id: String,
    /// As written (for the five of the notice, the Chinese name).
    pub label: String,
    /// One of the five of the notice, whose label follows the run's language.
    pub builtin: bool,
}

/// The five methods of the notice, by id and Chinese name.
pub const BUILTIN_METHODS: [(&str, &str); 5] = [
    ("daily_record", "日常记录"),
    ("spot_check", "随机抽查"),
    ("special_inspection", "专项检查"),
    ("online_evaluation", "网上评测"),
    ("material_filing", "材料报备"),
];

/// The five methods of the notice, as a rubric without `[methods]` has them.
pub fn builtin_methods() -> Vec<MethodDef> {
    BUILTIN_METHODS
        .iter()
        .map(|(id, label)| MethodDef {
            id: id.to_string(),
            label: label.to_string(),
            builtin: true,
        })
        .collect()
}

/// How the finding was made (日常考核方式): an index into its rubric's
/// methods (the five of the notice, or the rubric's own `[methods]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Method(pub usize);

/// What a record names: a leaf, or (a zero record) a group or a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Line {
    Leaf(usize),
    Group(usize),
    Section(usize),
}
