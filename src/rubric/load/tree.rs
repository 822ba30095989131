//! What the walk over a rubric's indicators collects, and where each sits.

use std::collections::HashMap;
use std::ops::Range;

use super::walk::Walk;
use crate::model::rubric::{Class, Group, Item, Measure, PartKind, Rule, Scorer, Section};
use crate::text::i18n::msg;

pub(super) const ITEM_KEYS: &[&str] = &[
    "id",
    "title",
    "max",
    "scorers",
    "max_deduct",
    "max_add",
    "criteria",
    "start",
    "item",
    "rule",
    "floor",
    "measure",
    "scale",
    "interpolate",
    "applies_to",
    "except",
];

/// What the walk over a rubric's tree of indicators collects.
#[derive(Default)]
pub(super) struct Tree {
    pub(super) sections: Vec<Section>,
    pub(super) items: Vec<Item>,
    pub(super) groups: Vec<Group>,
    pub(super) rules: Vec<Rule>,
    /// Ids and titles of groups and leaves alike, with their lines: unique
    /// across every level of the rubric.
    pub(super) ids: HashMap<String, usize>,
    pub(super) titles: HashMap<String, usize>,
    /// Every leaf's `max` was read, so the sum check is meaningful even
    /// when other errors were found.
    pub(super) maxima_complete: bool,
}

/// Where a node sits: its section, the group above it, its level (2 under a section).
#[derive(Clone, Copy)]
pub(super) struct Place {
    pub(super) section: usize,
    pub(super) parent: Option<usize>,
    pub(super) level: usize,
    /// The kind of part the section is: a penalty part's leaves are bound.
    pub(super) part: PartKind,
}

/// What every indicator is read against: the scorers the rubric declares
/// and the decimal places its values may have.
#[derive(Clone, Copy)]
pub(super) struct Scope<'s> {
    pub(super) scorers: &'s [Scorer],
    pub(super) places: u32,
    pub(super) classes: &'s [Class],
    pub(super) measures: &'s [Measure],
}

/// Ids and titles are unique across every level of a rubric: an annual or
/// daily row names one indicator.
pub(super) fn remember(
    w: &mut Walk,
    tree: &mut Tree,
    id: Option<&(String, Range<usize>)>,
    title: Option<&(String, Range<usize>)>,
    line: usize,
    title_line: usize,
) {
    for (key, map, what, line) in [
        (
            id.map(|x| &x.0),
            &mut tree.ids,
            msg!("rubric-item-id"),
            line,
        ),
        (
            title.map(|x| &x.0),
            &mut tree.titles,
            msg!("rubric-item-title"),
            title_line,
        ),
    ] {
        let Some(key) = key else { continue };
        if let Some(first) = map.insert(key.clone(), line) {
            // Point at the key itself; the header line is for a missing key.
            let at = w.index.location(&w.file, 0);
            let loc = crate::model::source::Location {
                line,
                column: None,
                ..at
            };
            w.diags.error(
                loc,
                msg!("rubric-item-taken", what = what, value = key, first = first),
            );
            w.errors += 1;
        }
    }
}
