//! The rows of 基本信息 that part three adds, each a label and its value:
//! 总分上限 (`max_total`), 不涉及处理 (`na`), 否决封顶, 否决计分 and 否决排名
//! (`[veto]`); and a grade's 名额 (`quota`).

use rust_decimal::Decimal;
use std::collections::HashMap;

use super::cells::{At, Errors, Sheet, header_text, typed_number};
use super::values::number;
use super::vocabulary::{
    COL_QUOTA, INFO_MAX_TOTAL, INFO_NA, INFO_VETO_CAP, INFO_VETO_RANK, INFO_VETO_TOTAL, NA_FULL,
    NA_PARENT, NA_RESCALE, RANK_KEEP, RANK_LAST,
};
use crate::model::rubric::NaPolicy;
use crate::num;
use crate::rubric::toml_out::{Draft, DraftVeto, Val};
use crate::text::i18n::msg;

/// The labels of these rows.
pub(super) const SETTING_LABELS: [&str; 5] = [
    INFO_MAX_TOTAL,
    INFO_NA,
    INFO_VETO_CAP,
    INFO_VETO_TOTAL,
    INFO_VETO_RANK,
];

/// The rows of 基本信息: label -> (row, column of the label); the value
/// is in the cell after it.
type Rows = HashMap<String, (u32, u32)>;

pub(super) fn read_settings(s: &Sheet, rows: &Rows, d: &mut Draft<At>, e: &mut Errors) {
    d.max_total = value_number(s, rows, INFO_MAX_TOTAL, e);
    d.na = rows.get(INFO_NA).and_then(|&(r, c)| {
        let t = s.text(r, c + 1)?;
        let na = match header_text(&t).as_str() {
            NA_RESCALE | "rescale" => Some(NaPolicy::Rescale),
            NA_PARENT | "parent" => Some(NaPolicy::Parent),
            NA_FULL | "full" => Some(NaPolicy::Full),
            _ => None,
        };
        if na.is_none() {
            e.at(
                s.at(r, c + 1),
                msg!(
                    "import-na-bad",
                    column = INFO_NA,
                    value = t.as_str(),
                    rescale = NA_RESCALE,
                    parent = NA_PARENT,
                    full = NA_FULL
                ),
            );
        }
        // The default is not written, as the canonical text has it.
        na.filter(|n| *n != NaPolicy::Rescale)
            .map(|n| (n, s.at(r, c + 1)))
    });
    d.veto = read_veto(s, rows, e);
}

/// 否决封顶, 否决计分, 否决排名: `[veto]` when any of them says something.
fn read_veto(s: &Sheet, rows: &Rows, e: &mut Errors) -> Option<DraftVeto<At>> {
    let cap = value_number(s, rows, INFO_VETO_CAP, e);
    let total = value_number(s, rows, INFO_VETO_TOTAL, e);
    let rank_last = rows.get(INFO_VETO_RANK).and_then(|&(r, c)| {
        let t = s.text(r, c + 1)?;
        let last = match header_text(&t).as_str() {
            RANK_KEEP | "keep" => Some(false),
            RANK_LAST | "last" => Some(true),
            _ => None,
        };
        if last.is_none() {
            e.at(
                s.at(r, c + 1),
                msg!(
                    "import-rank-bad",
                    column = INFO_VETO_RANK,
                    value = t.as_str(),
                    keep = RANK_KEEP,
                    last = RANK_LAST
                ),
            );
        }
        last.filter(|l| *l).map(|l| (l, s.at(r, c + 1)))
    });
    // The table comes from the first of its rows.
    let at = [INFO_VETO_CAP, INFO_VETO_TOTAL, INFO_VETO_RANK]
        .iter()
        .filter_map(|l| rows.get(*l))
        .min()
        .map(|&(r, c)| s.at(r, c))?;
    (cap.is_some() || total.is_some() || rank_last.is_some()).then_some(DraftVeto {
        at,
        cap,
        total,
        rank_last,
    })
}

/// The number after a label, when its row is there and its value written.
fn value_number(s: &Sheet, rows: &Rows, label: &str, e: &mut Errors) -> Val<Decimal, At> {
    let &(r, c) = rows.get(label)?;
    number(s, r, c + 1, label, e)
        .ok()
        .flatten()
        .map(|x| (x, s.at(r, c + 1)))
}

/// 名额 of a grade: `30%` (a share of the roster), `0.3`, or a number of
/// units (`3`, `3个`); `None` when empty or unreadable (reported).
pub(super) fn quota(s: &Sheet, r: u32, c: u32, e: &mut Errors) -> Val<Decimal, At> {
    let text = s.text(r, c)?;
    let t = typed_number(&text);
    let t = t.strip_suffix(['个', '名', '家']).unwrap_or(&t).trim();
    let q = match t.strip_suffix(['%', '％']) {
        Some(p) => num::parse_plain(p.trim())
            .ok()
            .and_then(|p| p.checked_div(Decimal::ONE_HUNDRED)),
        None => num::parse_plain(t).ok(),
    };
    match q {
        Some(q) => Some((q.normalize(), s.at(r, c))),
        None => {
            e.at(
                s.at(r, c),
                msg!(
                    "import-quota-bad",
                    column = COL_QUOTA,
                    value = text.as_str()
                ),
            );
            None
        }
    }
}
