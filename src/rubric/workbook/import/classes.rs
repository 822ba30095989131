//! Cells that name classes of unit (单位类别): a unit's 类别 in 考核对象,
//! and the 适用范围 of a leaf (细则) or a group (指标说明):
//! `仅适用于：有行政审批职能的部门、窗口单位；不适用于：垂直管理部门`.
//! A class is named by its name or its id; a name may hold a separator of
//! its own (`、`), so the cell is cut where the names it holds end.

use super::cells::{At, Errors};
use super::lists::{Named, find, position};
use super::vocabulary::{
    ALIAS_SEPARATOR, APPLIES_COLON, APPLIES_EXCEPT, APPLIES_EXCEPT_ALSO, APPLIES_TO,
    APPLIES_TO_ALSO, COL_APPLIES, SHEET_CLASSES, WEIGHT_SEPARATOR,
};
use crate::text::diag::hint;
use crate::text::i18n::msg;

/// Between the classes of a cell.
const SEPARATORS: [char; 6] = [ALIAS_SEPARATOR, '，', ',', WEIGHT_SEPARATOR, ';', '\n'];

/// The most pieces one class name is looked for across: a name holding
/// more separators than this is not found (a bound on the work a cell of
/// thousands of separators costs).
const MOST_PIECES: usize = 8;

/// The ids of the classes a cell names; `None` when one is unknown
/// (reported at `at`, with the closest name).
pub(super) fn class_list(
    text: &str,
    classes: &[Named],
    at: &At,
    e: &mut Errors,
) -> Option<Vec<String>> {
    let pieces = pieces(text);
    // reach[k]: how the first k pieces are read, as the step that ends
    // there: where it starts and the class it names (none for an empty
    // piece). Steps, not lists, so a cell of many pieces costs little.
    let mut reach: Vec<Option<(usize, Option<usize>)>> = vec![None; pieces.len() + 1];
    reach[0] = Some((0, None));
    for k in 0..pieces.len() {
        if reach[k].is_none() {
            continue;
        }
        if text[pieces[k].clone()].trim().is_empty() {
            reach[k + 1].get_or_insert((k, None));
            continue;
        }
        for j in k..pieces.len().min(k + MOST_PIECES) {
            let name = text[pieces[k].start..pieces[j].end].trim();
            if let Some(c) = position(classes, name) {
                reach[j + 1].get_or_insert((k, Some(c)));
            }
        }
    }
    if reach[pieces.len()].is_some() {
        let mut found = Vec::new();
        let mut end = pieces.len();
        while end > 0 {
            let Some((start, class)) = reach[end] else {
                break;
            };
            found.extend(class);
            end = start;
        }
        found.reverse();
        return Some(found.into_iter().map(|c| classes[c].id.clone()).collect());
    }
    let unknown = pieces
        .iter()
        .map(|p| text[p.clone()].trim())
        .find(|p| !p.is_empty() && find(classes, p).is_none())
        .unwrap_or(text.trim());
    let names = classes
        .iter()
        .flat_map(|c| [c.name.as_str(), c.id.as_str()]);
    e.at(
        at.clone(),
        msg!(
            "import-class-unknown",
            name = unknown,
            hint = hint(unknown, names),
            sheet = SHEET_CLASSES
        ),
    );
    None
}

/// The byte ranges of the text between separators.
fn pieces(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if SEPARATORS.contains(&c) {
            out.push(start..i);
            start = i + c.len_utf8();
        }
    }
    out.push(start..text.len());
    out
}

/// A 适用范围 cell: the ids `applies_to` and `except` hold; `None` when it
/// cannot be read (reported). A list without a word before it is the
/// classes the line applies to.
pub(super) fn applies(
    text: &str,
    classes: &[Named],
    at: &At,
    e: &mut Errors,
) -> Option<(Vec<String>, Vec<String>)> {
    let mut to: Vec<String> = Vec::new();
    let mut except: Vec<String> = Vec::new();
    let mut ok = true;
    for (is_except, list) in parts(text) {
        let list = list.trim().trim_matches(|c| SEPARATORS.contains(&c)).trim();
        if list.is_empty() {
            e.at(
                at.clone(),
                msg!(
                    "import-applies-bad",
                    column = COL_APPLIES,
                    value = text.trim(),
                    to = APPLIES_TO,
                    except = APPLIES_EXCEPT
                ),
            );
            ok = false;
            continue;
        }
        match class_list(list, classes, at, e) {
            Some(ids) if is_except => except.extend(ids),
            Some(ids) => to.extend(ids),
            None => ok = false,
        }
    }
    ok.then_some((to, except))
}

/// The parts of a 适用范围 cell, each (whether it is `except`, its list):
/// a part starts at the cell's start or after a separator, with a word
/// and a colon (`仅适用于：`, `不适用于：`, `除:`).
fn parts(text: &str) -> Vec<(bool, &str)> {
    let words: Vec<(&str, bool)> = [(APPLIES_EXCEPT, true), (APPLIES_TO, false)]
        .into_iter()
        .chain(APPLIES_EXCEPT_ALSO.iter().map(|w| (*w, true)))
        .chain(APPLIES_TO_ALSO.iter().map(|w| (*w, false)))
        .collect();
    // A part's start: (where its word begins, where its list begins, except).
    let mut starts: Vec<(usize, usize, bool)> = Vec::new();
    let mut after_separator = true;
    for (i, c) in text.char_indices() {
        if after_separator {
            let word = words.iter().find_map(|(w, is_except)| {
                let rest = text[i..].strip_prefix(w)?;
                let colon = rest
                    .chars()
                    .next()
                    .filter(|c| *c == APPLIES_COLON || *c == ':')?;
                Some((i + w.len() + colon.len_utf8(), *is_except))
            });
            if let Some((list, is_except)) = word {
                starts.push((i, list, is_except));
            }
        }
        after_separator = SEPARATORS.contains(&c) || c.is_whitespace();
    }
    let mut out = Vec::new();
    let first = starts.first().map_or(text.len(), |s| s.0);
    if !text[..first].trim().is_empty() {
        out.push((false, &text[..first]));
    }
    for (k, &(_, list, is_except)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(text.len(), |s| s.0);
        out.push((is_except, &text[list..end.max(list)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn classes() -> Vec<Named> {
        [
            ("approval", "有行政审批职能的部门"),
            ("window", "窗口、服务单位"),
            ("v", "垂直管理部门"),
        ]
        .iter()
        .map(|(id, name)| Named {
            id: id.to_string(),
            name: name.to_string(),
        })
        .collect()
    }

    fn read(text: &str) -> Result<(Vec<String>, Vec<String>), usize> {
        let at = At {
            order: 0,
            label: Arc::from("t"),
            row: 0,
            col: 0,
        };
        let mut e = Errors::new(&Arc::from("t"));
        applies(text, &classes(), &at, &mut e).ok_or(e.at_cells.len())
    }

    #[test]
    fn applies_cells_read_in_the_forms_offices_write() {
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            read("仅适用于：有行政审批职能的部门、窗口、服务单位；不适用于：垂直管理部门"),
            Ok((ids(&["approval", "window"]), ids(&["v"])))
        );
        assert_eq!(
            read("有行政审批职能的部门"),
            Ok((ids(&["approval"]), ids(&[])))
        );
        assert_eq!(read("除:v"), Ok((ids(&[]), ids(&["v"]))));
        assert_eq!(
            read("仅: approval , 窗口、服务单位"),
            Ok((ids(&["approval", "window"]), ids(&[])))
        );
        assert_eq!(read("仅适用于：审批部门"), Err(1));
        assert_eq!(read("不适用于："), Err(1));
    }
}
