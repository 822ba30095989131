//! 扣分标准 (optional): the per-instance rules of the leaves, one per row,
//! each under the leaf its 编号 names (by id, else by title).

use rust_decimal::Decimal;
use std::collections::HashMap;

use super::cells::{At, Errors, Sheet, header_text};
use super::columns::list_sheet;
use super::tree::Tree;
use super::values::{number, required_text, unique};
use super::vocabulary::{
    COL_LEAF, COL_RULE_ID, COL_RULE_KIND, COL_RULE_MAX, COL_RULE_POINTS, COL_RULE_TEXT, KIND_ADD,
    KIND_DEDUCT,
};
use crate::model::record::Kind;
use crate::model::rubric::RuleKind;
use crate::rubric::toml_out::DraftRule;
use crate::text::diag::hint;
use crate::text::i18n::msg;

pub(super) fn read_rules(s: &Sheet, tree: &mut Tree, e: &mut Errors) {
    let Some((cols, rows)) = list_sheet(
        s,
        &[
            COL_LEAF,
            COL_RULE_ID,
            COL_RULE_TEXT,
            COL_RULE_KIND,
            COL_RULE_POINTS,
            COL_RULE_MAX,
        ],
        &[COL_LEAF, COL_RULE_POINTS, COL_RULE_TEXT],
        e,
    ) else {
        return;
    };
    let leaves: Vec<usize> = (0..tree.nodes.len())
        .filter(|&n| tree.nodes[n].leaf.is_some())
        .collect();
    let (lc, tc, pc) = (cols[COL_LEAF], cols[COL_RULE_TEXT], cols[COL_RULE_POINTS]);
    let (ic, kc, mc) = (
        cols.get(COL_RULE_ID).copied(),
        cols.get(COL_RULE_KIND).copied(),
        cols.get(COL_RULE_MAX).copied(),
    );
    let mut ids: HashMap<usize, Vec<(String, At)>> = HashMap::new();
    for &r in &rows {
        let Some((key, key_at)) = required_text(s, r, lc, COL_LEAF, e) else {
            continue;
        };
        let Some(leaf) = rule_leaf(tree, &leaves, &key, &key_at, e) else {
            continue;
        };
        let text = required_text(s, r, tc, COL_RULE_TEXT, e);
        let kind = rule_kind(s, r, kc, &key_at, e);
        let points = rule_points(s, r, pc, e);
        let max = mc.and_then(|c| {
            number(s, r, c, COL_RULE_MAX, e)
                .ok()
                .flatten()
                .map(|m| (m, s.at(r, c)))
        });
        let list = ids.entry(leaf).or_default();
        let id = ic
            .and_then(|c| s.text(r, c).map(|t| (t, s.at(r, c))))
            .unwrap_or_else(|| ((list.len() + 1).to_string(), key_at.clone()));
        list.push(id.clone());
        if let Some(l) = tree.nodes[leaf].leaf.as_mut() {
            l.rules.push(DraftRule {
                at: key_at,
                id: Some(id),
                text,
                kind,
                points,
                max,
            });
        }
    }
    for list in ids.values() {
        unique(list.iter(), msg!("import-what-rule"), e);
    }
}

/// The leaf a rule's 编号 names, by id, else by title; `None` when it
/// names none (reported, a group being named as such).
fn rule_leaf(
    tree: &Tree,
    leaves: &[usize],
    key: &str,
    key_at: &At,
    e: &mut Errors,
) -> Option<usize> {
    let leaf = leaves
        .iter()
        .copied()
        .find(|&n| tree.nodes[n].id == key)
        .or_else(|| leaves.iter().copied().find(|&n| tree.nodes[n].title == key));
    if leaf.is_some() {
        return leaf;
    }
    let names = leaves
        .iter()
        .flat_map(|&n| [tree.nodes[n].id.as_str(), tree.nodes[n].title.as_str()]);
    let group = tree
        .nodes
        .iter()
        .any(|x| x.leaf.is_none() && (x.id == key || x.title == key));
    let m = if group {
        msg!("import-rule-on-group", item = key)
    } else {
        msg!(
            "import-rule-leaf-unknown",
            item = key,
            hint = hint(key, names)
        )
    };
    e.at(key_at.clone(), m);
    None
}

/// 类型: deduct when left empty.
fn rule_kind(
    s: &Sheet,
    r: u32,
    kc: Option<u32>,
    key_at: &At,
    e: &mut Errors,
) -> Option<(RuleKind, At)> {
    match kc.and_then(|c| s.text(r, c).map(|t| (t, s.at(r, c)))) {
        None => Some((RuleKind::Deduct, key_at.clone())),
        Some((t, at)) => match Kind::parse(&header_text(&t)) {
            Some(Kind::Deduct) => Some((RuleKind::Deduct, at)),
            Some(Kind::Add) => Some((RuleKind::Add, at)),
            _ => {
                e.at(
                    at,
                    msg!(
                        "import-rule-kind",
                        value = t.as_str(),
                        deduct = KIND_DEDUCT,
                        add = KIND_ADD
                    ),
                );
                None
            }
        },
    }
}

/// 每次分值: required.
fn rule_points(s: &Sheet, r: u32, pc: u32, e: &mut Errors) -> Option<(Decimal, At)> {
    match number(s, r, pc, COL_RULE_POINTS, e) {
        Ok(Some(p)) => Some((p, s.at(r, pc))),
        Ok(None) => {
            e.at(
                s.at(r, pc),
                msg!("import-cell-empty", column = COL_RULE_POINTS),
            );
            None
        }
        Err(()) => None,
    }
}
