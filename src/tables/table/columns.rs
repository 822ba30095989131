//! The columns a table declares: the accepted names of each heading, and
//! how a header cell is compared with them.

use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// The names of the unit column, the same in every table: a row with a
/// cell reading one of them is the header row.
pub const UNIT_NAMES: &[&str] = &[
    "单位",
    "单位名称",
    "被考核单位",
    "考核对象",
    "被考核对象",
    "参评单位",
];
/// The item column (a long table has it, a wide one does not).
pub const ITEM_NAMES: &[&str] = &[
    "项目",
    "考核项目",
    "项目名称",
    "指标",
    "考核指标",
    "指标名称",
    "评分项目",
    "测评指标",
];
pub const SCORER_NAMES: &[&str] = &["评分单位", "评分部门", "打分单位", "考评单位", "评分主体"];
/// Columns of row numbers (序号), read by no one, in any table.
pub const SERIALS: [&str; 3] = ["序号", "no.", "no"];

pub const SCORE_NAMES: &[&str] = &["得分", "分数", "评分", "考核得分", "评分结果"];
pub const NOTE_NAMES: &[&str] = &[
    "备注",
    "说明",
    "情况说明",
    "扣分说明",
    "失分原因",
    "问题描述",
];
/// The daily records' note is headed 说明 first.
pub const EXPLANATION_NAMES: &[&str] = &[
    "说明",
    "备注",
    "情况说明",
    "扣分说明",
    "失分原因",
    "问题描述",
];

/// A column a table may have: its English key and its other accepted names.
pub struct Column {
    pub key: &'static str,
    /// Chinese names first: they are what the error messages show.
    pub names: &'static [&'static str],
    pub required: bool,
    /// Free text (a note): shown, never used in scoring, so not checked as strictly.
    pub free_text: bool,
}

impl Column {
    pub const fn required(key: &'static str, names: &'static [&'static str]) -> Column {
        Column {
            key,
            names,
            required: true,
            free_text: false,
        }
    }

    pub const fn optional(key: &'static str, names: &'static [&'static str]) -> Column {
        Column {
            key,
            names,
            required: false,
            free_text: false,
        }
    }

    /// An optional note: read as written, an invalid byte shown as �.
    pub const fn note(key: &'static str, names: &'static [&'static str]) -> Column {
        Column {
            key,
            names,
            required: false,
            free_text: true,
        }
    }

    /// Whether a header cell names this column: case, surrounding and inner
    /// white space (a line break typed in the cell) aside.
    pub fn matches(&self, header: &str) -> bool {
        let h = header_key(header);
        h == self.key || self.names.iter().any(|n| header_key(n) == h)
    }

    /// How messages name the column: its first Chinese name in Chinese,
    /// its key in English.
    pub fn label(&self) -> Message {
        match self.key {
            "unit" => msg!("table-column-unit"),
            "item" => msg!("table-column-item"),
            "scorer" => msg!("table-column-scorer"),
            "score" => msg!("table-column-score"),
            "date" => msg!("table-column-date"),
            "kind" => msg!("table-column-kind"),
            "points" => msg!("table-column-points"),
            "method" => msg!("table-column-method"),
            "total" => msg!("table-column-total"),
            "grade" => msg!("table-column-grade"),
            "rank" => msg!("table-column-rank"),
            // The daily records' note is headed 说明, the annual scores' 备注.
            "note" if self.names.first() == Some(&"说明") => msg!("table-column-explanation"),
            "note" => msg!("table-column-note"),
            key => msg!("table-column-other", key = key),
        }
    }
}

/// A header cell as compared: lower case, without white space.
pub fn header_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a header cell names the unit column.
pub fn is_unit_header(text: &str) -> bool {
    let h = header_key(text);
    h == "unit" || UNIT_NAMES.iter().any(|n| *n == h)
}

/// A header cell naming one of `names` (or `key`).
pub(super) fn header_is(text: &str, names: &[&str], key: &str) -> bool {
    let h = header_key(text);
    h == key || names.iter().any(|n| *n == h)
}
