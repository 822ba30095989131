//! The format's vocabulary: sheet and column names and the forms of a
//! cell, identifiers of the format, the same in every language of the
//! program. The writer (`rubric::workbook::export`) and the reader share
//! them, so the two cannot drift apart.

use rust_decimal::Decimal;

use crate::model::rubric::RuleKind;
use crate::model::rubric::{Ranking, Start};
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

pub const COL_ID: &str = "编号";
pub const COL_POINTS: &str = "分值";
pub const COL_CRITERIA: &str = "评分标准";
pub const COL_SCORERS: &str = "评分单位";
pub const COL_MAX_DEDUCT: &str = "核减上限";
pub const COL_MAX_ADD: &str = "核加上限";
pub const COL_METHOD: &str = "计分方式";

pub const COL_LEAF: &str = "编号";
pub const COL_RULE_ID: &str = "规则编号";
pub const COL_RULE_TEXT: &str = "标准";
pub const COL_RULE_KIND: &str = "类型";
pub const COL_RULE_POINTS: &str = "每次分值";
pub const COL_RULE_MAX: &str = "上限";

pub const COL_NAME: &str = "名称";
pub const COL_ALIASES: &str = "简称";
pub const COL_INDICATOR: &str = "指标";

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
}
