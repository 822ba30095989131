//! 指标说明 (optional): the ids and criteria of sections and groups, which
//! a title cell in 细则 cannot carry, and a group's 适用范围.

use super::cells::{At, Errors, Sheet};
use super::classes::applies;
use super::columns::list_sheet;
use super::lists::Named;
use super::values::required_text;
use super::vocabulary::{COL_APPLIES, COL_CRITERIA, COL_ID, COL_INDICATOR};

/// A group's class rules as read: the ids of `applies_to` and `except`.
pub(super) type AppliesCell = ((Vec<String>, Vec<String>), At);

/// 指标说明: a section's or group's id and title as written, its criteria
/// and the classes of unit it is for.
pub(super) struct GroupInfo {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) criteria: Option<(String, At)>,
    pub(super) applies: Option<AppliesCell>,
}

pub(super) fn read_groups(s: &Sheet, classes: &[Named], e: &mut Errors) -> Vec<GroupInfo> {
    let Some((cols, rows)) = list_sheet(
        s,
        &[COL_ID, COL_INDICATOR, COL_CRITERIA, COL_APPLIES],
        &[COL_ID, COL_INDICATOR],
        e,
    ) else {
        return Vec::new();
    };
    let (ic, tc) = (cols[COL_ID], cols[COL_INDICATOR]);
    let cc = cols.get(COL_CRITERIA).copied();
    let ac = cols.get(COL_APPLIES).copied();
    rows.iter()
        .filter_map(|&r| {
            let id = required_text(s, r, ic, COL_ID, e)?;
            let title = required_text(s, r, tc, COL_INDICATOR, e)?;
            let applies = ac.and_then(|c| {
                let at = s.at(r, c);
                let read = applies(&s.text(r, c)?, classes, &at, e)?;
                Some((read, at))
            });
            Some(GroupInfo {
                id: id.0,
                title: title.0,
                criteria: cc.and_then(|c| s.text(r, c).map(|t| (t, s.at(r, c)))),
                applies,
            })
        })
        .collect()
}
