//! Naming the indicators of 细则: the id, title and points of each, from
//! its cell (`1.3 平台建设（8分）`), its 编号 and 分值 cells, 指标说明, or
//! its position (1.3.2) when nothing gives an id; ids and titles unique.

use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

use super::cells::{At, Errors};
use super::groups::GroupInfo;
use super::titles::{split_id, split_points};
use super::tree::{Leaf, Tree};
use super::values::unique_cells;
use super::vocabulary::ALIAS_SEPARATOR;
use crate::text::i18n::msg;

/// Ids, titles and points of every indicator. A number by position
/// that another indicator has as its written id gives way to the title.
/// `overlapping`: merged cells reported already, not reported again.
pub(super) fn name_indicators(
    tree: &mut Tree,
    groups: &[GroupInfo],
    overlapping: &[At],
    e: &mut Errors,
) {
    let group_by_text: HashMap<String, &GroupInfo> = groups
        .iter()
        .map(|g| (format!("{} {}", g.id, g.title), g))
        .collect();
    let written = written_ids(tree, &group_by_text);
    let names = Names {
        groups: &group_by_text,
        written: &written,
    };
    for (pos, &n) in tree.sections.clone().iter().enumerate() {
        name_node(tree, n, &(pos + 1).to_string(), &names, e);
    }
    check_unique(tree, overlapping, e);
}

/// The ids written in the sheet: a leaf's 编号, a section's or group's id
/// in its cell or in 指标说明.
fn written_ids(tree: &Tree, group_by_text: &HashMap<String, &GroupInfo>) -> HashSet<String> {
    let mut written: HashSet<String> = HashSet::new();
    for node in &tree.nodes {
        match &node.leaf {
            Some(Leaf {
                code: Some((code, _)),
                ..
            }) => {
                written.insert(code.clone());
            }
            _ => {
                let bare = split_points(&node.text).0;
                let id = match group_by_text.get(&bare) {
                    Some(g) => Some(g.id.clone()),
                    None => split_id(&bare).0,
                };
                written.extend(id);
            }
        }
    }
    written
}

/// Ids and titles are unique: sections among themselves, groups and
/// leaves across every level (not twice for one merged cell).
fn check_unique(tree: &Tree, overlapping: &[At], e: &mut Errors) {
    let section_ids: Vec<(String, At)> = tree
        .sections
        .iter()
        .map(|&n| (tree.nodes[n].id.clone(), tree.nodes[n].id_at.clone()))
        .collect();
    unique_cells(&section_ids, msg!("import-what-id"), overlapping, e);
    let below: Vec<usize> = (0..tree.nodes.len())
        .filter(|&n| tree.nodes[n].level > 0)
        .collect();
    let ids: Vec<(String, At)> = below
        .iter()
        .map(|&n| (tree.nodes[n].id.clone(), tree.nodes[n].id_at.clone()))
        .collect();
    unique_cells(&ids, msg!("import-what-id"), overlapping, e);
    let titles: Vec<(String, At)> = below
        .iter()
        .map(|&n| (tree.nodes[n].title.clone(), tree.nodes[n].title_at.clone()))
        .collect();
    unique_cells(&titles, msg!("import-what-title"), overlapping, e);
}

/// What naming the indicators looks up: 指标说明 by `id title`, and the
/// ids written in the sheet.
struct Names<'a> {
    groups: &'a HashMap<String, &'a GroupInfo>,
    written: &'a HashSet<String>,
}

impl Names<'_> {
    /// The id of an indicator written without one: its position, unless
    /// another indicator is written with that id; then its title.
    fn positional(&self, position: &str, title: &str) -> String {
        if self.written.contains(position) {
            title.to_string()
        } else {
            position.to_string()
        }
    }
}

/// Resolves a node's id, title and points from its cell, and its
/// children's, numbering by position what has no id.
fn name_node(tree: &mut Tree, n: usize, position: &str, names: &Names, e: &mut Errors) {
    if tree.nodes[n].leaf.is_some() {
        name_leaf(tree, n, position, names, e);
    } else {
        name_group(tree, n, position, names, e);
    }
}

/// A leaf: its id is its 编号, else the one its title starts with, else
/// its position.
fn name_leaf(tree: &mut Tree, n: usize, position: &str, names: &Names, e: &mut Errors) {
    let node = &tree.nodes[n];
    let Some(leaf) = &node.leaf else {
        return;
    };
    let at = node.at.clone();
    let (title, points) = title_and_points(&node.text, &leaf.points);
    let (id, id_at, title) = match &leaf.code {
        Some((code, code_at)) => (code.clone(), code_at.clone(), without_code(title, code)),
        None => match split_id(&title) {
            (Some(id), rest) => (id, at.clone(), rest),
            (None, rest) => (names.positional(position, &rest), at.clone(), rest),
        },
    };
    if points.is_none() && leaf.points.is_ok() {
        e.at(
            leaf.points_at.clone(),
            msg!("import-leaf-no-points", title = title.as_str()),
        );
    }
    let node = &mut tree.nodes[n];
    node.id = id;
    node.id_at = id_at;
    node.title = title;
    node.title_at = at;
    node.points = points;
}

/// A leaf's title and points: points in its title cell stand when its 分值
/// cell is empty or agrees; else the whole cell is the title, and 分值 the
/// points.
fn title_and_points(
    text: &str,
    written: &Result<Option<Decimal>, ()>,
) -> (String, Option<Decimal>) {
    let (title, points) = split_points(text);
    let written = match written {
        Ok(p) => *p,
        Err(()) => None,
    };
    match (points, written) {
        (Some(p), None) => (title, Some(p)),
        (Some(p), Some(w)) if p == w => (title, Some(w)),
        (_, w) => (text.to_string(), w),
    }
}

/// The title without the 编号 it repeats (`1.3.1 政府网站` under 编号 1.3.1).
fn without_code(title: String, code: &str) -> String {
    if let Some(rest) = title.strip_prefix(code) {
        if rest.starts_with(|c: char| c.is_whitespace() || c == ALIAS_SEPARATOR)
            && !rest.trim().is_empty()
        {
            return rest
                .trim_start_matches(|c: char| c.is_whitespace() || c == ALIAS_SEPARATOR)
                .to_string();
        }
    }
    title
}

/// A section or group: its id and title from 指标说明, else from its cell,
/// else by position; its children numbered under it.
fn name_group(tree: &mut Tree, n: usize, position: &str, names: &Names, e: &mut Errors) {
    let groups = names.groups;
    let text = tree.nodes[n].text.clone();
    let (bare, points) = split_points(&text);
    let (id, title) = match groups.get(&bare) {
        Some(g) => (Some(g.id.clone()), g.title.clone()),
        None => split_id(&bare),
    };
    let id = id.unwrap_or_else(|| names.positional(position, &title));
    let criteria = groups
        .values()
        .find(|g| g.id == id)
        .and_then(|g| g.criteria.clone());
    let applies = groups
        .get(&bare)
        .or_else(|| groups.values().find(|g| g.id == id))
        .and_then(|g| g.applies.clone());
    // A section applies to every unit: only lines and groups have classes.
    let applies = match applies {
        Some((_, at)) if tree.nodes[n].level == 0 => {
            e.at(at, msg!("import-applies-section", section = title.as_str()));
            None
        }
        a => a,
    };
    // Children are numbered under a numeric id (1.3 → 1.3.1), else under
    // the position.
    let base = if id.chars().all(|c| c.is_ascii_digit() || c == '.') {
        id.clone()
    } else {
        position.to_string()
    };
    {
        let node = &mut tree.nodes[n];
        node.id = id;
        node.title = title;
        node.points = points;
        node.criteria = criteria;
        node.applies = applies;
    }
    for (k, kid) in tree.nodes[n].kids.clone().into_iter().enumerate() {
        name_node(tree, kid, &format!("{base}.{}", k + 1), names, e);
    }
}
