//! The sheets of part three that list what lines and units refer to:
//! 单位类别 (the classes of unit), 指标 (the measures) and 考核方式 (the
//! rubric's own methods), each an id and a name per row, a measure with
//! the unit its values are counted in. A row whose id or name another row
//! has already is reported and left out.

use std::collections::HashMap;

use super::cells::{At, Errors, Sheet};
use super::columns::list_sheet;
use super::values::required_text;
use super::vocabulary::{
    COL_ID, COL_MEASURE_UNIT, COL_MEASURE_UNIT_ALSO, COL_NAME, SHEET_CLASSES, SHEET_MEASURES,
    SHEET_METHODS,
};
use crate::rubric::toml_out::{DraftMeasure, Labels};
use crate::text::i18n::msg;

/// Something a cell names, by its name or its id (a class, a measure).
pub(super) struct Named {
    pub(super) id: String,
    pub(super) name: String,
}

/// The entry a cell names: by name, else by id.
pub(super) fn find<'a>(list: &'a [Named], text: &str) -> Option<&'a Named> {
    position(list, text).map(|i| &list[i])
}

/// Where the entry a cell names is in the list.
pub(super) fn position(list: &[Named], text: &str) -> Option<usize> {
    let text = text.trim();
    list.iter()
        .position(|n| n.name == text)
        .or_else(|| list.iter().position(|n| n.id == text))
}

/// One row of a list sheet: id and name with their cells, and the rest.
struct Row {
    id: (String, At),
    name: (String, At),
    r: u32,
}

/// The rows of a list sheet with an id and a name each; a row repeating
/// an id or a name of an earlier row is reported there and left out.
fn rows(s: &Sheet, sheet: &str, known: &[&str], e: &mut Errors) -> Option<Vec<Row>> {
    let (cols, rows) = list_sheet(s, known, &[COL_ID, COL_NAME], e)?;
    let (ic, nc) = (cols[COL_ID], cols[COL_NAME]);
    let mut out: Vec<Row> = Vec::new();
    let mut seen: HashMap<String, At> = HashMap::new();
    for &r in &rows {
        let id = required_text(s, r, ic, COL_ID, e);
        let name = required_text(s, r, nc, COL_NAME, e);
        let (Some(id), Some(name)) = (id, name) else {
            continue;
        };
        let mut fresh = true;
        for (what, (value, at)) in [
            (msg!("import-what-id"), &id),
            (msg!("import-what-name"), &name),
        ] {
            match seen.get(&format!("{}\u{0}{value}", at.col)) {
                Some(first) => {
                    e.at(
                        at.clone(),
                        msg!(
                            "import-taken",
                            what = what,
                            value = value.as_str(),
                            first = first.location()
                        ),
                    );
                    fresh = false;
                }
                None => {
                    seen.insert(format!("{}\u{0}{value}", at.col), at.clone());
                }
            }
        }
        if fresh {
            out.push(Row { id, name, r });
        }
    }
    if out.is_empty() && rows.is_empty() {
        let hr = s.header_row(&[COL_NAME]).unwrap_or(0);
        e.at(s.at(hr + 1, ic), msg!("import-no-rows", sheet = sheet));
    }
    Some(out)
}

/// 单位类别 (`[classes]`) or 考核方式 (`[methods]`): the table's lines and
/// the entries cells may name.
pub(super) fn read_labels(s: &Sheet, methods: bool, e: &mut Errors) -> (Labels<At>, Vec<Named>) {
    let sheet = if methods {
        SHEET_METHODS
    } else {
        SHEET_CLASSES
    };
    let list = rows(s, sheet, &[COL_ID, COL_NAME], e).unwrap_or_default();
    let table = s.at(s.header_row(&[COL_NAME]).unwrap_or(0), 0);
    let lines = list
        .iter()
        .map(|row| (row.id.0.clone(), row.name.0.clone(), row.id.1.clone()))
        .collect();
    let named = list
        .into_iter()
        .map(|row| Named {
            id: row.id.0,
            name: row.name.0,
        })
        .collect();
    ((table, lines), named)
}

/// 指标 (`[measures]`): each measure with its title and unit.
pub(super) fn read_measures(
    s: &Sheet,
    e: &mut Errors,
) -> ((At, Vec<DraftMeasure<At>>), Vec<Named>) {
    let known = [COL_ID, COL_NAME, COL_MEASURE_UNIT, COL_MEASURE_UNIT_ALSO];
    let table = s.at(s.header_row(&[COL_NAME]).unwrap_or(0), 0);
    let Some(list) = rows(s, SHEET_MEASURES, &known, e) else {
        return ((table, Vec::new()), Vec::new());
    };
    // 计量单位, else 单位: the row's header row is the one with 名称.
    let hr = s.header_row(&[COL_NAME]).unwrap_or(0);
    let unit_col = s
        .row_cells(hr)
        .find(|(_, t)| super::cells::header_text(t) == COL_MEASURE_UNIT)
        .or_else(|| {
            s.row_cells(hr)
                .find(|(_, t)| super::cells::header_text(t) == COL_MEASURE_UNIT_ALSO)
        })
        .map(|(c, _)| c);
    let mut measures = Vec::new();
    let mut named = Vec::new();
    for row in list {
        measures.push(DraftMeasure {
            at: row.id.1.clone(),
            id: row.id.0.clone(),
            title: row.name.0.clone(),
            unit: unit_col.and_then(|c| s.text(row.r, c)),
        });
        named.push(Named {
            id: row.id.0,
            name: row.name.0,
        });
    }
    ((table, measures), named)
}
