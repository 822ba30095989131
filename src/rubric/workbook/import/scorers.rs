//! 评分单位: the scorers, each an id and a name.

use super::cells::{At, Errors, Sheet};
use super::columns::list_sheet;
use super::values::{required_text, unique};
use super::vocabulary::{COL_ID, COL_NAME, SHEET_SCORERS};
use crate::rubric::toml_out::Draft;
use crate::text::i18n::msg;

/// A scorer as named in 细则: by name or by id.
pub(super) struct ScorerRef {
    pub(super) id: String,
    pub(super) name: String,
}

pub(super) fn read_scorers(s: &Sheet, d: &mut Draft<At>, e: &mut Errors) -> Vec<ScorerRef> {
    let mut out = Vec::new();
    let Some((cols, rows)) = list_sheet(s, &[COL_ID, COL_NAME], &[COL_ID, COL_NAME], e) else {
        return out;
    };
    let (ic, nc) = (cols[COL_ID], cols[COL_NAME]);
    let mut list = Vec::new();
    let (mut ids, mut names) = (Vec::new(), Vec::new());
    for &r in &rows {
        let id = required_text(s, r, ic, COL_ID, e);
        let name = required_text(s, r, nc, COL_NAME, e);
        if let (Some(id), Some(name)) = (id, name) {
            list.push((id.0.clone(), name.0.clone(), id.1.clone()));
            out.push(ScorerRef {
                id: id.0.clone(),
                name: name.0.clone(),
            });
            ids.push(id);
            names.push(name);
        }
    }
    unique(ids.iter(), msg!("import-what-id"), e);
    unique(names.iter(), msg!("import-what-name"), e);
    let hr = s.header_row(&[COL_NAME]).unwrap_or(0);
    if rows.is_empty() {
        e.at(
            s.at(hr + 1, ic),
            msg!("import-no-rows", sheet = SHEET_SCORERS),
        );
    }
    d.scorers = Some((s.at(hr, ic), list));
    out
}
