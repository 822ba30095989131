//! What only the whole year can tell: scores missing, scorers disagreeing
//! on whether a line applies, a unit to which nothing applies.

use crate::input::{InputPaths, Keep, Reading};
use crate::model::catalog::Catalog;
use crate::model::inputs::{AnnualScore, Inputs, ItemInputs};
use crate::model::rubric::Rubric;
use crate::model::source::Location;
use crate::text::diag::Diagnostics;
use crate::text::i18n::msg;

/// Reads the year's tables and checks them as a whole. `None` when anything
/// was wrong; every problem is in `diags`.
pub fn read(
    catalog: &Catalog,
    paths: &InputPaths,
    keep: Keep,
    diags: &mut Diagnostics,
) -> Option<Reading> {
    let before = diags.len();
    let mut reading = crate::input::read(catalog, paths, keep, diags);
    // A file or row that could not be read would show up again as missing
    // scores; those are listed only once what was given reads cleanly.
    let list_missing = diags.len() == before;
    check(
        catalog,
        &mut reading.inputs,
        paths.allow_missing,
        list_missing,
        diags,
    );
    (diags.len() == before).then_some(reading)
}

/// Whether a leaf applies to a unit: the rubric's classes mean it for the
/// unit, its measure is not `n/a` for it, and not every scorer said `n/a`.
pub fn applicable(rubric: &Rubric, unit: usize, leaf: usize, item: &ItemInputs) -> bool {
    rubric.applies(leaf, unit)
        && !item.measured.as_ref().is_some_and(|m| m.value.is_none())
        && (item.annual.is_empty()
            || !item
                .annual
                .iter()
                .all(|a| matches!(a, Some(AnnualScore { value: None, .. }))))
}

pub fn check(
    catalog: &Catalog,
    inputs: &mut Inputs,
    allow_missing: bool,
    list_missing: bool,
    diags: &mut Diagnostics,
) {
    let mut missing = 0;
    for (r, rubric) in catalog.rubrics.iter().enumerate() {
        for (u, unit) in rubric.units.iter().enumerate() {
            let ui = &inputs.units[r][u];
            let mut any_applies = false;
            for (i, item) in rubric.items.iter().enumerate() {
                let ii = &ui.items[i];
                let na: Vec<&Location> = ii
                    .annual
                    .iter()
                    .flatten()
                    .filter(|a| a.value.is_none())
                    .map(|a| &a.at)
                    .collect();
                let all_na = !ii.annual.is_empty() && na.len() == ii.annual.len();
                if !na.is_empty() && !all_na {
                    // Some scorer says the item does not apply, another scores it or is silent.
                    for (slot, w) in item.scorers.iter().enumerate() {
                        let s = &rubric.scorers[w.scorer];
                        match &ii.annual[slot] {
                            Some(AnnualScore { value: Some(v), at }) => diags.error(
                                at.clone(),
                                msg!(
                                    "input-na-disagree",
                                    scorer = &s.name,
                                    unit = &unit.name,
                                    item = &item.id,
                                    title = &item.title,
                                    value = crate::num::plain(*v),
                                    na = na[0]
                                ),
                            ),
                            None => diags.error(
                                na[0].clone(),
                                msg!(
                                    "input-na-missing-scorer",
                                    unit = &unit.name,
                                    item = &item.id,
                                    title = &item.title,
                                    scorer = &s.name
                                ),
                            ),
                            Some(_) => {}
                        }
                    }
                    continue;
                }
                if all_na {
                    if let Some(at) = &ii.first_daily {
                        diags.error(
                            at.clone(),
                            msg!(
                                "input-daily-on-na",
                                unit = &unit.name,
                                item = &item.id,
                                title = &item.title,
                                na = na[0]
                            ),
                        );
                    }
                    continue;
                }
                any_applies = true;
                for (slot, w) in item.scorers.iter().enumerate() {
                    if ii.annual[slot].is_none() {
                        missing += 1;
                        if !allow_missing && list_missing {
                            diags.error_at(
                                &rubric.origin.path,
                                unit.line,
                                msg!(
                                    "input-missing-score",
                                    scorer = &rubric.scorers[w.scorer].name,
                                    scorer_id = &rubric.scorers[w.scorer].id,
                                    unit = &unit.name,
                                    unit_id = &unit.id,
                                    item = &item.id,
                                    title = &item.title
                                ),
                            );
                        }
                    }
                }
            }
            if !any_applies {
                diags.error_at(
                    &rubric.origin.path,
                    unit.line,
                    msg!(
                        "input-nothing-applies",
                        unit = &unit.name,
                        unit_id = &unit.id
                    ),
                );
            }
        }
    }
    // Without --allow-missing each missing cell is an error above.
    inputs.missing = missing;
}
