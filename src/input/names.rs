//! Naming units and lines in a cell: by id, name, alias or title (titles
//! compared with quotation marks and widths folded), with a did-you-mean
//! when nothing matches.

use crate::model::catalog::{Catalog, UnitRef};
use crate::model::rubric::{Rubric, Unit};
use crate::model::source::Location;
use crate::text::diag::Diagnostics;
use crate::text::i18n::{Message, msg};

/// A unit of any rubric by its id or name, or an error with a suggestion.
/// `at` is called only for an error: most rows need no location.
pub(crate) fn resolve_unit(
    catalog: &Catalog,
    cell: &str,
    at: impl Fn() -> Location,
    diags: &mut Diagnostics,
) -> Option<UnitRef> {
    if cell.is_empty() {
        diags.error(at(), msg!("input-unit-empty"));
        return None;
    }
    let found = catalog.unit(cell);
    if found.is_none() {
        diags.error(
            at(),
            msg!(
                "input-unknown-unit",
                unit = cell,
                hint = crate::text::diag::hint(cell, catalog.unit_names())
            ),
        );
    }
    found
}

/// An item title as compared: quotation marks, white space and the width
/// of brackets aside (`落实“五公开”要求` = `落实"五公开"要求` = `落实五公开要求`).
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』'
                )
        })
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

/// What a cell naming an item names.
pub(crate) enum ItemMatch {
    Leaf(usize),
    /// A group: only its leaves are scored.
    Group(usize),
    /// A workbook number that equals several ids (1.1 and 1.10).
    Ambiguous(Vec<usize>),
    None,
}

/// The leaf (or group) a cell names by id or title, titles compared folded;
/// `number` when a workbook held the cell as a number, whose value may be
/// an id Excel turned into one (`1.10` into 1.1).
pub(crate) fn match_item(rubric: &Rubric, cell: &str, number: bool) -> ItemMatch {
    if number && let Ok(value) = crate::num::parse_plain(cell) {
        let ids: Vec<usize> = (0..rubric.items.len())
            .filter(|&i| crate::num::parse_plain(&rubric.items[i].id).is_ok_and(|id| id == value))
            .collect();
        match ids.len() {
            0 => {}
            1 => return ItemMatch::Leaf(ids[0]),
            _ => return ItemMatch::Ambiguous(ids),
        }
    }
    if let Some(i) = rubric.item(cell) {
        return ItemMatch::Leaf(i);
    }
    if let Some(g) = rubric.group(cell) {
        return ItemMatch::Group(g);
    }
    let folded = fold(cell);
    if folded.is_empty() {
        return ItemMatch::None;
    }
    if let Some(i) = rubric.items.iter().position(|i| fold(&i.title) == folded) {
        return ItemMatch::Leaf(i);
    }
    if let Some(g) = rubric.groups.iter().position(|g| fold(&g.title) == folded) {
        return ItemMatch::Group(g);
    }
    ItemMatch::None
}

/// The error for a number cell that equals several ids.
pub(crate) fn ambiguous_number(rubric: &Rubric, cell: &str, items: &[usize]) -> Message {
    msg!(
        "input-item-number-ambiguous",
        value = cell,
        items = crate::text::list(items.iter().map(|&i| rubric.items[i].id.as_str()))
    )
}

/// The error for a cell naming a group.
pub(crate) fn names_group(rubric: &Rubric, cell: &str, g: usize) -> Message {
    let group = &rubric.groups[g];
    msg!(
        "input-names-group",
        item = cell,
        group = &group.id,
        title = &group.title,
        leaves = crate::text::list(rubric.leaf_ids(g))
    )
}

/// What a cell names by id or title: a leaf, a group or (failing those) a
/// section of the unit's rubric (a zero record, a withdrawal), or an error
/// with a suggestion.
pub(crate) fn resolve_line(
    catalog: &crate::model::catalog::Catalog,
    u: crate::model::catalog::UnitRef,
    cell: &str,
    number: bool,
    at: impl Fn() -> Location,
    diags: &mut Diagnostics,
) -> Option<crate::model::mechanics::Line> {
    use crate::model::mechanics::Line;
    let rubric = catalog.rubric_of(u);
    match match_item(rubric, cell, number) {
        ItemMatch::Leaf(i) => Some(Line::Leaf(i)),
        ItemMatch::Group(g) => Some(Line::Group(g)),
        ItemMatch::Ambiguous(items) => {
            diags.error(at(), ambiguous_number(rubric, cell, &items));
            None
        }
        ItemMatch::None => match rubric.section(cell) {
            Some(s) => Some(Line::Section(s)),
            None => {
                let names = rubric
                    .item_names()
                    .chain(rubric.sections.iter().map(|s| s.id.as_str()));
                diags.error(
                    at(),
                    msg!(
                        "input-unknown-line",
                        item = cell,
                        unit = &catalog.unit_of(u).name,
                        rubric = &rubric.id,
                        hint = crate::text::diag::hint(cell, names)
                    ),
                );
                None
            }
        },
    }
}

/// An item of the unit's rubric by its id or title, or an error with a suggestion.
pub(crate) fn resolve_item(
    rubric: &Rubric,
    unit: &Unit,
    cell: &str,
    number: bool,
    at: impl Fn() -> Location,
    diags: &mut Diagnostics,
) -> Option<usize> {
    if cell.is_empty() {
        diags.error(at(), msg!("input-item-empty"));
        return None;
    }
    match match_item(rubric, cell, number) {
        ItemMatch::Leaf(i) => Some(i),
        ItemMatch::Group(g) => {
            // Only leaves are scored: say which ones the group holds.
            diags.error(at(), names_group(rubric, cell, g));
            None
        }
        ItemMatch::Ambiguous(items) => {
            diags.error(at(), ambiguous_number(rubric, cell, &items));
            None
        }
        ItemMatch::None => {
            diags.error(
                at(),
                msg!(
                    "input-unknown-item",
                    item = cell,
                    unit = &unit.name,
                    rubric = &rubric.id,
                    hint = crate::text::diag::hint(cell, rubric.item_names())
                ),
            );
            None
        }
    }
}
