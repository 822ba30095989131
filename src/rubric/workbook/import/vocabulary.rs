//! The format's vocabulary: sheet and column names and the forms of a
//! cell, identifiers of the format, the same in every language of the
//! program. The writer (`rubric::workbook::export`) and the reader share
//! them, so the two cannot drift apart.

use rust_decimal::Decimal;

use crate::model::rubric::RuleKind;
use crate::model::rubric::{Gate, Interpolate, NaPolicy, PartKind, Quota, Ranking, Start};
use crate::num;

/// The indicators, one row per leaf (考核细则).
pub const SHEET_ITEMS: &str = "细则";
/// The per-instance rules of the leaves (扣分标准).
pub const SHEET_RULES: &str = "扣分标准";
/// Id, title, year, scale, grades (基本信息).
pub const SHEET_INFO: &str = "基本信息";
/// The scorers (评分单位).
pub const SHEET_SCORERS: &str = "评分单位";
/// The roster (考核对象).
pub const SHEET_UNITS: &str = "考核对象";
/// Sections and groups with their ids and criteria (指标说明); optional.
pub const SHEET_GROUPS: &str = "指标说明";
/// The kinds of unit lines may be restricted to (单位类别); only when used.
pub const SHEET_CLASSES: &str = "单位类别";
/// The numbers measured per unit that lines are scored from (指标数据);
/// only when used.
pub const SHEET_MEASURES: &str = "指标";
/// The rubric's own methods of daily records (考核方式); only when it has them.
pub const SHEET_METHODS: &str = "考核方式";

pub const COL_ID: &str = "编号";
pub const COL_POINTS: &str = "分值";
pub const COL_CRITERIA: &str = "评分标准";
pub const COL_SCORERS: &str = "评分单位";
pub const COL_MAX_DEDUCT: &str = "核减上限";
pub const COL_MAX_ADD: &str = "核加上限";
pub const COL_METHOD: &str = "计分方式";
/// 细则's columns of part three, each written only when the rubric uses
/// it: the part a section is (and a bonus part's gate), a leaf's floor,
/// its measure, scale and how it reads between points, and the classes of
/// unit it is for.
pub const COL_PART: &str = "类别";
pub const COL_FLOOR: &str = "最低分";
pub const COL_MEASURE: &str = "指标";
pub const COL_SCALE: &str = "计分标尺";
pub const COL_INTERPOLATE: &str = "折算方式";
pub const COL_APPLIES: &str = "适用范围";

pub const COL_LEAF: &str = "编号";
pub const COL_RULE_ID: &str = "规则编号";
pub const COL_RULE_TEXT: &str = "标准";
pub const COL_RULE_KIND: &str = "类型";
pub const COL_RULE_POINTS: &str = "每次分值";
pub const COL_RULE_MAX: &str = "上限";

pub const COL_NAME: &str = "名称";
pub const COL_ALIASES: &str = "简称";
pub const COL_INDICATOR: &str = "指标";
/// 考核对象: the classes of a unit.
pub const COL_CLASSES: &str = "类别";
/// 指标: what a measure's values are counted in (`%`); 单位 is read too.
pub const COL_MEASURE_UNIT: &str = "计量单位";
pub(super) const COL_MEASURE_UNIT_ALSO: &str = "单位";
/// The grade table's quota (名额): `30%` of the roster or a number of units.
pub const COL_QUOTA: &str = "名额";

pub const INFO_ID: &str = "细则编号";
pub const INFO_TITLE: &str = "标题";
pub const INFO_YEAR: &str = "年度";
pub const INFO_TOTAL: &str = "满分";
pub const INFO_DECIMALS: &str = "小数位数";
pub const INFO_RANKING: &str = "排名方式";
pub const INFO_PERIOD: &str = "考核期";
/// `[conversion]`: the points the total is converted to (折算分值) and
/// what the converted score is called.
pub const INFO_CONVERSION: &str = "折算分值";
pub const INFO_CONVERSION_LABEL: &str = "折算名称";
/// 基本信息's rows of part three, each written only when the rubric has
/// it: `max_total`, `na`, and the veto's cap, total and rank.
pub const INFO_MAX_TOTAL: &str = "总分上限";
pub const INFO_NA: &str = "不涉及处理";
pub const INFO_VETO_CAP: &str = "否决封顶";
pub const INFO_VETO_TOTAL: &str = "否决计分";
pub const INFO_VETO_RANK: &str = "否决排名";
pub const COL_GRADE: &str = "等次";
pub const COL_GRADE_MIN: &str = "下限";

/// 计分方式 of a leaf scored by daily records alone: from 0, additions raise it.
pub const METHOD_ZERO: &str = "加分";
/// … or from its max, deductions lower it (扣完为止).
pub const METHOD_FULL: &str = "扣分";
pub(super) const METHOD_ZERO_ALSO: [&str; 3] = ["加分项", "加分制", "zero"];
pub(super) const METHOD_FULL_ALSO: [&str; 3] = ["扣分项", "扣分制", "full"];

/// 类型 of a rule.
pub const KIND_DEDUCT: &str = "扣分";
pub const KIND_ADD: &str = "加分";

/// 类别 of a section: a part of the scale, a bonus part, a penalty part.
pub const PART_SCORED: &str = "得分项";
pub const PART_BONUS: &str = "加分项";
pub const PART_PENALTY: &str = "扣分项";
pub(super) const PART_SCORED_ALSO: [&str; 3] = ["得分", "计分", "scored"];
pub(super) const PART_BONUS_ALSO: [&str; 2] = ["加分", "bonus"];
pub(super) const PART_PENALTY_ALSO: [&str; 3] = ["扣分", "倒扣分", "penalty"];
/// A bonus part's gate, in brackets after 加分项: reached at (`80分以上`)
/// or only above (`高于80分`) the scored part's points.
pub(super) const GATE_AT_LEAST: &str = "以上";
pub(super) const GATE_AT_LEAST_ALSO: [&str; 1] = ["及以上"];
pub(super) const GATE_AT_LEAST_BEFORE: [&str; 2] = ["不低于", "达到"];
pub(super) const GATE_ABOVE: &str = "高于";
pub(super) const GATE_ABOVE_ALSO: [&str; 2] = ["超过", "大于"];
/// Words around a gate that say nothing more: 基础分80分以上方计.
pub(super) const GATE_NOISE_BEFORE: [&str; 3] = ["基础分", "得分项", "计分部分"];
pub(super) const GATE_NOISE_AFTER: [&str; 4] = ["方可加分", "方可计入", "方计", "的"];

/// 折算方式 of a leaf scored from a measure.
pub const INTERPOLATE_LINEAR: &str = "线性";
pub const INTERPOLATE_STEP: &str = "阶梯";
pub(super) const INTERPOLATE_LINEAR_ALSO: [&str; 3] = ["按比例", "linear", "线性折算"];
pub(super) const INTERPOLATE_STEP_ALSO: [&str; 3] = ["分档", "step", "阶梯计分"];
/// Between a point's value and its base in 计分标尺 (`89:0`), and between points.
pub const SCALE_PAIR: char = ':';
pub(super) const SCALE_PAIR_ALSO: [char; 2] = ['：', '='];

/// 适用范围: only the units of these classes, or every unit but them.
pub const APPLIES_TO: &str = "仅适用于";
pub const APPLIES_EXCEPT: &str = "不适用于";
pub(super) const APPLIES_TO_ALSO: [&str; 3] = ["仅", "只适用于", "适用于"];
pub(super) const APPLIES_EXCEPT_ALSO: [&str; 1] = ["除"];
/// After the word of a 适用范围 part (`仅适用于：`).
pub const APPLIES_COLON: char = '：';

/// 不涉及处理 (`na`): what becomes of the points of a line that does not apply.
pub const NA_RESCALE: &str = "整体折算";
pub const NA_PARENT: &str = "同级分配";
pub const NA_FULL: &str = "按满分计";

/// 否决排名: a vetoed unit keeps its rank, or comes last.
pub const RANK_KEEP: &str = "保留名次";
pub const RANK_LAST: &str = "排名最后";

/// 排名方式: ties take places (1, 2, 2, 4) or do not (1, 2, 2, 3).
pub const RANKING_COMPETITION: &str = "并列空位";
pub const RANKING_DENSE: &str = "并列不空位";

/// Between the weighted scorers of a 评分单位 cell, and between aliases.
pub const WEIGHT_SEPARATOR: char = '；';
pub const ALIAS_SEPARATOR: char = '、';

pub(super) const NUMERALS: [char; 10] =
    ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const LEVEL_SUFFIX: &str = "级指标";
/// Rows of a 细则 sheet that close it rather than name an indicator.
pub(super) const TOTAL_ROWS: [&str; 4] = ["合计", "总计", "总分", "小计"];
pub(super) const NOTE_ROWS: [&str; 3] = ["注", "说明", "备注"];
/// Columns an office adds that say nothing about the rubric.
pub(super) const IGNORED_COLUMNS: [&str; 4] = ["序号", "备注", "说明", "No."];

/// The heading of level `level` (1 = 一级指标, the sections).
pub fn level_name(level: usize) -> String {
    match level {
        1..=10 => format!("{}{LEVEL_SUFFIX}", NUMERALS[level - 1]),
        _ => format!("{level}{LEVEL_SUFFIX}"),
    }
}

/// The level a heading names: 一级指标 → 1, 四级指标 → 4, 11级指标 → 11.
pub(super) fn level_of(name: &str) -> Option<usize> {
    let head = name.strip_suffix(LEVEL_SUFFIX)?;
    let mut chars = head.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => NUMERALS.iter().position(|n| *n == c).map(|p| p + 1),
        _ => head.parse().ok().filter(|n| *n > 0),
    }
}

/// A sheet of rubric `suffix`: `细则`, or `细则-counties` in a workbook of several.
pub fn sheet_name(base: &str, suffix: &str) -> String {
    if suffix.is_empty() {
        base.to_string()
    } else {
        format!("{base}-{suffix}")
    }
}

/// A section or group cell as the writer writes it: `1.3 平台建设（8分）`.
pub fn indicator_cell(id: &str, title: &str, points: Decimal) -> String {
    format!("{id} {title}{}", points_suffix(points))
}

/// `（8分）`
pub fn points_suffix(points: Decimal) -> String {
    format!("{}{}{}{}", '（', num::plain(points), '分', '）')
}

/// A 评分单位 cell: one name, or names with their weights
/// (`牵头单位0.4；行政服务中心0.3；行政公署办公室0.3`).
pub fn weights_cell(parts: &[(&str, Decimal)]) -> String {
    if let [(name, w)] = parts
        && *w == Decimal::ONE
    {
        return name.to_string();
    }
    parts
        .iter()
        .map(|(name, w)| format!("{name}{}", num::plain(*w)))
        .collect::<Vec<_>>()
        .join(&WEIGHT_SEPARATOR.to_string())
}

/// 计分方式 of a leaf without scorers.
pub fn method_cell(start: Start) -> &'static str {
    match start {
        Start::Zero => METHOD_ZERO,
        Start::Full => METHOD_FULL,
    }
}

/// 类型 of a rule.
pub fn kind_cell(kind: RuleKind) -> &'static str {
    match kind {
        RuleKind::Add => KIND_ADD,
        RuleKind::Deduct => KIND_DEDUCT,
    }
}

/// 排名方式
pub fn ranking_cell(ranking: Ranking) -> &'static str {
    match ranking {
        Ranking::Competition => RANKING_COMPETITION,
        Ranking::Dense => RANKING_DENSE,
    }
}

/// 类别 of a section: `得分项`, `加分项`, `加分项（80分以上）`,
/// `加分项（高于80分）` or `扣分项`.
pub fn part_cell(kind: PartKind, gate: Option<Gate>) -> String {
    let word = match kind {
        PartKind::Scored => PART_SCORED,
        PartKind::Bonus => PART_BONUS,
        PartKind::Penalty => PART_PENALTY,
    };
    match gate {
        None => word.to_string(),
        Some(g) if g.strict => format!(
            "{word}{}{GATE_ABOVE}{}{}{}",
            '（',
            num::plain(g.min),
            '分',
            '）'
        ),
        Some(g) => format!(
            "{word}{}{}{}{GATE_AT_LEAST}{}",
            '（',
            num::plain(g.min),
            '分',
            '）'
        ),
    }
}

/// 计分标尺: `89:0；99:5`.
pub fn scale_cell(points: &[(Decimal, Decimal)]) -> String {
    points
        .iter()
        .map(|(v, b)| format!("{}{SCALE_PAIR}{}", num::plain(*v), num::plain(*b)))
        .collect::<Vec<_>>()
        .join(&WEIGHT_SEPARATOR.to_string())
}

/// 折算方式
pub fn interpolate_cell(i: Interpolate) -> &'static str {
    match i {
        Interpolate::Linear => INTERPOLATE_LINEAR,
        Interpolate::Step => INTERPOLATE_STEP,
    }
}

/// 适用范围: `仅适用于：有行政审批职能的部门、窗口单位；不适用于：垂直管理部门`,
/// from the classes' names; empty for a line meant for every unit.
pub fn applies_cell(to: &[&str], except: &[&str]) -> String {
    let part = |word: &str, names: &[&str]| {
        (!names.is_empty()).then(|| {
            format!(
                "{word}{APPLIES_COLON}{}",
                names.join(&ALIAS_SEPARATOR.to_string())
            )
        })
    };
    [part(APPLIES_TO, to), part(APPLIES_EXCEPT, except)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(&WEIGHT_SEPARATOR.to_string())
}

/// 名额: a share as the percentage it is (`30%`), a count as its number.
pub fn quota_cell(q: Quota) -> String {
    match q {
        Quota::Share(s) => format!(
            "{}%",
            num::plain(s.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(s))
        ),
        Quota::Count(n) => n.to_string(),
    }
}

/// 不涉及处理
pub fn na_cell(na: NaPolicy) -> &'static str {
    match na {
        NaPolicy::Rescale => NA_RESCALE,
        NaPolicy::Parent => NA_PARENT,
        NaPolicy::Full => NA_FULL,
    }
}

/// 否决排名
pub fn rank_cell(last: bool) -> &'static str {
    if last { RANK_LAST } else { RANK_KEEP }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_named_both_ways() {
        assert_eq!(level_name(1), "一级指标");
        assert_eq!(level_name(4), "四级指标");
        assert_eq!(level_of("四级指标"), Some(4));
        assert_eq!(level_of("十级指标"), Some(10));
        assert_eq!(level_of("11级指标"), Some(11));
        assert_eq!(level_of("指标"), None);
    }

    #[test]
    fn cells_of_part_three_read_as_an_office_writes_them() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let gate = |min: &str, strict| {
            Some(Gate {
                min: d(min),
                strict,
            })
        };
        assert_eq!(part_cell(PartKind::Bonus, None), "加分项");
        assert_eq!(
            part_cell(PartKind::Bonus, gate("80", false)),
            "加分项（80分以上）"
        );
        assert_eq!(
            part_cell(PartKind::Bonus, gate("80.5", true)),
            "加分项（高于80.5分）"
        );
        assert_eq!(
            scale_cell(&[(d("89"), d("0")), (d("99.5"), d("5"))]),
            "89:0；99.5:5"
        );
        assert_eq!(
            applies_cell(&["甲", "乙"], &["丙"]),
            "仅适用于：甲、乙；不适用于：丙"
        );
        assert_eq!(applies_cell(&[], &["丙"]), "不适用于：丙");
        assert_eq!(quota_cell(Quota::Share(d("0.333"))), "33.3%");
        assert_eq!(quota_cell(Quota::Count(3)), "3");
    }
}
