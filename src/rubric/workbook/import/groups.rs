//! 指标说明 (optional): the ids and criteria of sections and groups, which
//! a title cell in 细则 cannot carry.

use super::cells::{At, Errors, Sheet};
use super::columns::list_sheet;
use super::values::required_text;
use super::vocabulary::{COL_CRITERIA, COL_ID, COL_INDICATOR};

/// 指标说明: a section's or group's id and title as written, and its criteria.
pub(super) struct GroupInfo {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) criteria: Option<(String, At)>,
}

pub(super) fn read_groups(s: &Sheet, e: &mut Errors) -> Vec<GroupInfo> {
    let Some((cols, rows)) = list_sheet(
        s,
        &[COL_ID, COL_INDICATOR, COL_CRITERIA],
        &[COL_ID, COL_INDICATOR],
        e,
    ) else {
        return Vec::new();
    };
    let (ic, tc) = (cols[COL_ID], cols[COL_INDICATOR]);
    let cc = cols.get(COL_CRITERIA).copied();
    rows.iter()
        .filter_map(|&r| {
            let id = required_text(s, r, ic, COL_ID, e)?;
            let title = required_text(s, r, tc, COL_INDICATOR, e)?;
            Some(GroupInfo {
                id: id.0,
                title: title.0,
                criteria: cc.and_then(|c| s.text(r, c).map(|t| (t, s.at(r, c)))),
            })
        })
        .collect()
}
