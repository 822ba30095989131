//! 考核对象: the roster, each unit an id, a name, its aliases (简称) and
//! the classes it belongs to (类别, named in sheet 单位类别).

use std::collections::HashMap;

use super::cells::{At, Errors, Sheet};
use super::classes::class_list;
use super::columns::list_sheet;
use super::lists::Named;
use super::values::required_text;
use super::vocabulary::{ALIAS_SEPARATOR, COL_ALIASES, COL_CLASSES, COL_ID, COL_NAME, SHEET_UNITS};
use crate::rubric::toml_out::{Draft, DraftUnit};
use crate::text::i18n::msg;

pub(super) fn read_units(s: &Sheet, classes: &[Named], d: &mut Draft<At>, e: &mut Errors) {
    let Some((cols, rows)) = list_sheet(
        s,
        &[COL_ID, COL_NAME, COL_ALIASES, COL_CLASSES],
        &[COL_ID, COL_NAME],
        e,
    ) else {
        return;
    };
    let (ic, nc) = (cols[COL_ID], cols[COL_NAME]);
    let ac = cols.get(COL_ALIASES).copied();
    let cc = cols.get(COL_CLASSES).copied();
    // As the loader has it: ids are unique among ids, names among names,
    // and an alias names no other unit by its id, name or alias.
    let (mut ids, mut names, mut aliases) = (Vec::new(), Vec::new(), Vec::new());
    for &r in &rows {
        let id = required_text(s, r, ic, COL_ID, e);
        let name = required_text(s, r, nc, COL_NAME, e);
        let list = ac.and_then(|c| {
            let t = s.text(r, c)?;
            let list: Vec<String> = t
                .split([ALIAS_SEPARATOR, '，', ',', '；', ';', '\n'])
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect();
            (!list.is_empty()).then(|| (list, s.at(r, c)))
        });
        ids.extend(id.iter().cloned());
        names.extend(name.iter().cloned());
        if let Some((list, at)) = &list {
            aliases.extend(list.iter().map(|a| (a.clone(), at.clone())));
        }
        let classes = cc.and_then(|c| {
            let at = s.at(r, c);
            let ids = class_list(&s.text(r, c)?, classes, &at, e)?;
            (!ids.is_empty()).then_some((ids, at))
        });
        d.units.push(DraftUnit {
            at: s.at(r, ic),
            id,
            name,
            aliases: list,
            classes,
        });
    }
    let mut owner: HashMap<String, At> = HashMap::new();
    taken(&ids, &mut owner, e);
    let mut by_name: HashMap<String, At> = HashMap::new();
    taken(&names, &mut by_name, e);
    for (k, at) in by_name {
        owner.entry(k).or_insert(at);
    }
    taken(&aliases, &mut owner, e);
    if rows.is_empty() {
        let hr = s.header_row(&[COL_NAME]).unwrap_or(0);
        e.at(
            s.at(hr + 1, ic),
            msg!("import-no-rows", sheet = SHEET_UNITS),
        );
    }
}

/// Reports every key `seen` already holds for another row, naming that row's
/// cell; remembers the others.
fn taken(keys: &[(String, At)], seen: &mut HashMap<String, At>, e: &mut Errors) {
    for (k, at) in keys {
        match seen.get(k) {
            Some(first) if first.row != at.row => e.at(
                at.clone(),
                msg!(
                    "import-unit-taken",
                    value = k.as_str(),
                    first = first.location()
                ),
            ),
            Some(_) => {}
            None => {
                seen.insert(k.clone(), at.clone());
            }
        }
    }
}
