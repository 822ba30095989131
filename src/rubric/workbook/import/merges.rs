//! Merged cells of 细则's level columns: each must cover the rows of one
//! indicator.

use std::collections::BTreeMap;

use super::cells::{At, Errors, Sheet, cell_name};
use crate::text::i18n::msg;

/// A merged cell in an indicator column must cover one indicator's rows.
/// `row_nodes`: the path of indicators of each row read. Returns the
/// merged cells reported, whose ids and titles are then not reported as
/// duplicates too.
pub(super) fn overlapping_merges(
    s: &Sheet,
    levels: &[u32],
    row_nodes: &BTreeMap<u32, Vec<usize>>,
    e: &mut Errors,
) -> Vec<At> {
    let mut overlapping: Vec<At> = Vec::new();
    for m in &s.merges {
        let Some(k) = levels.iter().position(|c| *c == m.start.1) else {
            continue;
        };
        let (r0, r1) = (m.start.0, m.end.0.min(s.last_row));
        let Some(first) = row_nodes.get(&r0) else {
            continue;
        };
        // Only the rows that hold indicators, however far the range reaches.
        for (&r, this) in
            row_nodes.range(r0.saturating_add(1)..r1.saturating_add(1).max(r0.saturating_add(1)))
        {
            let differ = (0..=k).find(|&j| first.get(j) != this.get(j) || first.len() == j + 1);
            if let Some(j) = differ {
                let j = if first.get(j) == this.get(j) { k } else { j };
                e.at(
                    s.at(r0, m.start.1),
                    msg!(
                        "import-merge-overlap",
                        range = format!(
                            "{}:{}",
                            cell_name(m.start.0, m.start.1),
                            cell_name(m.end.0, m.end.1)
                        ),
                        first = cell_name(r0, levels[j]),
                        second = cell_name(r, levels[j])
                    ),
                );
                overlapping.push(s.at(r0, m.start.1));
                break;
            }
        }
    }
    overlapping
}
