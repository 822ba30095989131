//! 细则: one row per leaf, a column per level (一级指标, 二级指标, …), a
//! section's or group's cell merged over (or repeated on) its leaves' rows.
//! Rows closing the table (合计, 注：…) are skipped.

use std::collections::BTreeMap;

use super::cells::{At, Errors, Sheet, header_text};
use super::columns::{columns, header, require};
use super::groups::GroupInfo;
use super::leaf::{LeafColumns, Refs, read_leaf};
use super::measured::MeasureColumns;
use super::merges::overlapping_merges;
use super::naming::name_indicators;
use super::titles::split_points;
use super::tree::Tree;
use super::vocabulary::{
    COL_APPLIES, COL_CRITERIA, COL_FLOOR, COL_ID, COL_INTERPOLATE, COL_MAX_ADD, COL_MAX_DEDUCT,
    COL_MEASURE, COL_METHOD, COL_PART, COL_POINTS, COL_SCALE, COL_SCORERS, NOTE_ROWS, SHEET_ITEMS,
    TOTAL_ROWS, level_name, level_of,
};
use crate::text::i18n::msg;

/// Where things are in 细则.
struct Layout {
    header: u32,
    /// The column of each level, 一级指标 first.
    levels: Vec<u32>,
    leaf: LeafColumns,
    /// Every column the format knows: a row with nothing in them is blank.
    own: Vec<u32>,
}

pub(super) fn read_items(s: &Sheet, refs: &Refs, groups: &[GroupInfo], e: &mut Errors) -> Tree {
    let mut tree = Tree::default();
    let Some(layout) = layout(s, e) else {
        return tree;
    };
    let row_nodes = read_rows(s, &layout, refs, &mut tree, e);
    if tree.sections.is_empty() {
        e.at(
            s.at(layout.header + 1, layout.levels[0]),
            msg!("import-no-rows", sheet = SHEET_ITEMS),
        );
    }
    let overlapping = overlapping_merges(s, &layout.levels, &row_nodes, e);
    name_indicators(&mut tree, groups, &overlapping, e);
    tree
}

/// The header row and its columns; `None` when a required one is missing
/// or a level is skipped (reported).
fn layout(s: &Sheet, e: &mut Errors) -> Option<Layout> {
    let first_level = level_name(1);
    let hr = header(s, &first_level, e)?;
    let mut known: Vec<String> = (1..=10).map(level_name).collect();
    known.extend(
        [
            COL_ID,
            COL_POINTS,
            COL_CRITERIA,
            COL_SCORERS,
            COL_MAX_DEDUCT,
            COL_MAX_ADD,
            COL_METHOD,
            COL_PART,
            COL_FLOOR,
            COL_MEASURE,
            COL_SCALE,
            COL_INTERPOLATE,
            COL_APPLIES,
        ]
        .iter()
        .map(|x| x.to_string()),
    );
    // Deeper levels than ten are read too (11级指标), just not suggested.
    for (_, t) in s.row_cells(hr) {
        let name = header_text(&t);
        if level_of(&name).is_some_and(|l| l > 10) {
            known.push(name);
        }
    }
    let cols = columns(s, hr, &known, e);
    let mut levels: Vec<u32> = Vec::new();
    let mut ok = require(s, hr, &cols, &[&first_level, &level_name(2), COL_POINTS], e);
    let deepest = cols.keys().filter_map(|k| level_of(k)).max().unwrap_or(0);
    for l in 1..=deepest {
        match cols.get(&level_name(l)) {
            Some(c) => levels.push(*c),
            None if l > 2 => {
                e.at(
                    s.at(hr, cols[&level_name(deepest)]),
                    msg!(
                        "import-level-missing",
                        column = level_name(l),
                        deeper = level_name(deepest)
                    ),
                );
                ok = false;
            }
            None => {}
        }
    }
    if !ok {
        return None;
    }
    let col = |name: &str| cols.get(name).copied();
    Some(Layout {
        header: hr,
        levels,
        leaf: LeafColumns {
            id: col(COL_ID),
            points: cols[COL_POINTS],
            criteria: col(COL_CRITERIA),
            scorers: col(COL_SCORERS),
            max_deduct: col(COL_MAX_DEDUCT),
            max_add: col(COL_MAX_ADD),
            method: col(COL_METHOD),
            part: col(COL_PART),
            floor: col(COL_FLOOR),
            measured: MeasureColumns {
                measure: col(COL_MEASURE),
                scale: col(COL_SCALE),
                interpolate: col(COL_INTERPOLATE),
            },
            applies: col(COL_APPLIES),
        },
        own: cols.values().copied().collect(),
    })
}

/// Rows -> the indicators at each level. Returns, for each row read, the
/// path of the indicators it holds (its section first, its leaf last).
fn read_rows(
    s: &Sheet,
    layout: &Layout,
    refs: &Refs,
    tree: &mut Tree,
    e: &mut Errors,
) -> BTreeMap<u32, Vec<usize>> {
    let mut open: Vec<usize> = Vec::new();
    let mut row_nodes: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for r in s.rows().into_iter().filter(|r| *r > layout.header) {
        if !names_indicator(s, r, &layout.own) {
            continue;
        }
        let Some(cells) = indicator_cells(s, r, &layout.levels, e) else {
            continue;
        };
        let mut leaf = read_leaf(s, r, &layout.leaf, refs, e);
        let part = std::mem::replace(&mut leaf.part, Ok(None));
        // A section whose part is not known has no sums to check: a bonus
        // part's points are its max, not its leaves' sum.
        if part.is_err() {
            refused(&cells.first().cloned(), e);
        }
        tree.add_row(&mut open, cells, leaf);
        tree.note_part(part.ok().flatten(), e);
        let mut path = open.clone();
        path.push(tree.nodes.len() - 1);
        row_nodes.insert(r, path);
    }
    row_nodes
}

/// Whether row `r` names an indicator: a row with nothing of its own (only
/// a merged range reaching into it) is blank, and a total (合计) or a note
/// (注：…) closes the table rather than naming one.
fn names_indicator(s: &Sheet, r: u32, own: &[u32]) -> bool {
    let Some((_, first)) = s.row_cells(r).find(|(c, _)| own.contains(c)) else {
        return false;
    };
    let first = split_points(&header_text(&first)).0;
    let closing = TOTAL_ROWS.contains(&first.as_str())
        || NOTE_ROWS.iter().any(|n| {
            first
                .strip_prefix(n)
                .is_some_and(|x| x.starts_with(['：', ':']))
        });
    !closing
}

/// The texts of a row's level columns from its section down to its leaf
/// (the deepest one written); `None` when the row has no title, only a
/// section, or a level left out above its leaf (reported, and the sums of
/// its section left unchecked).
fn indicator_cells(s: &Sheet, r: u32, levels: &[u32], e: &mut Errors) -> Option<Vec<(String, At)>> {
    let cells: Vec<Option<(String, At)>> = levels.iter().map(|&c| s.filled_text(r, c)).collect();
    let Some(leaf_k) = cells.iter().rposition(Option::is_some) else {
        e.at(s.at(r, levels[0]), msg!("import-row-no-title"));
        e.incomplete = true;
        e.incomplete_sections = None;
        return None;
    };
    if leaf_k == 0 {
        e.at(
            s.at(r, levels[1]),
            msg!(
                "import-row-only-section",
                column = level_name(2),
                section = cells[0].as_ref().map(|c| c.0.as_str()).unwrap_or_default()
            ),
        );
        refused(&cells[0], e);
        return None;
    }
    if let Some(gap) = cells[..leaf_k].iter().position(Option::is_none) {
        e.at(
            s.at(r, levels[gap]),
            msg!(
                "import-level-gap",
                column = level_name(gap + 1),
                deeper = level_name(leaf_k + 1)
            ),
        );
        refused(&cells[0], e);
        return None;
    }
    Some(cells.into_iter().flatten().collect())
}

/// A row of `section` was refused: its sums (and the total's) are not known.
fn refused(section: &Option<(String, At)>, e: &mut Errors) {
    e.incomplete = true;
    if let (Some(set), Some((section, _))) = (&mut e.incomplete_sections, section) {
        set.insert(section.clone());
    }
}
