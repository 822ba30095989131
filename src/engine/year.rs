//! What only the whole year can tell: scores missing, scorers disagreeing
//! on whether a line applies, a unit to which nothing applies.

use crate::input::{InputPaths, Keep, Reading};
use crate::model::catalog::Catalog;
use crate::model::inputs::{AnnualScore, Inputs, ItemInputs, UnitInputs};
use crate::model::rubric::{PartKind, Rubric};
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
        && item.measured.as_ref().is_none_or(|m| m.value.is_some())
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
        for u in 0..rubric.units.len() {
            let ui = &inputs.units[r][u];
            let mut any_applies = false;
            let mut measures_told: Vec<usize> = Vec::new();
            for i in 0..rubric.items.len() {
                let ii = &ui.items[i];
                let leaf = Leaf { rubric, u, i, ii };
                if !leaf.applies(diags) {
                    continue;
                }
                any_applies |= rubric.part_of(i) == PartKind::Scored;
                let tell = !allow_missing && list_missing;
                missing += leaf.missing_scores(tell, diags);
                if let (Some(m), None) = (&rubric.items[i].measure, &ii.measured) {
                    missing += 1;
                    // One error per (unit, measure), however many lines use it.
                    if tell && !measures_told.contains(&m.measure) {
                        measures_told.push(m.measure);
                        leaf.missing_measure(m.measure, diags);
                    }
                }
            }
            zeros_on_na(rubric, u, ui, diags);
            if !any_applies {
                let unit = &rubric.units[u];
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

/// A `zero` record (此项不得分) must name something that applies to the
/// unit: a leaf that applies, or a group or section with one that does.
fn zeros_on_na(rubric: &Rubric, u: usize, ui: &UnitInputs, diags: &mut Diagnostics) {
    for (line, at) in &ui.zeros {
        if !rubric
            .leaves(*line)
            .any(|i| applicable(rubric, u, i, &ui.items[i]))
        {
            let (id, title) = rubric.line_names(*line);
            diags.error(
                at.clone(),
                msg!(
                    "input-zero-on-na",
                    unit = &rubric.units[u].name,
                    item = id,
                    title = title
                ),
            );
        }
    }
}

/// One leaf of one unit, as the year's inputs have it.
struct Leaf<'a> {
    rubric: &'a Rubric,
    u: usize,
    i: usize,
    ii: &'a ItemInputs,
}

impl Leaf<'_> {
    fn unit(&self) -> &crate::model::rubric::Unit {
        &self.rubric.units[self.u]
    }

    fn item(&self) -> &crate::model::rubric::Item {
        &self.rubric.items[self.i]
    }

    /// Whether the leaf applies to the unit; what contradicts its not
    /// applying (a score, a record, a zero on it) is reported.
    fn applies(&self, diags: &mut Diagnostics) -> bool {
        let (unit, item, ii) = (self.unit(), self.item(), self.ii);
        if let Some(rule) = self.rubric.excluding_rule(self.i, self.u) {
            let rule_at = Location::new(&self.rubric.origin.path, rule.line);
            for a in ii.annual.iter().flatten().filter(|a| a.value.is_some()) {
                diags.error(
                    a.at.clone(),
                    msg!(
                        "input-score-for-class",
                        unit = &unit.name,
                        item = &item.id,
                        title = &item.title,
                        rule = &rule_at
                    ),
                );
            }
            self.nothing_on_it(&rule_at, diags);
            return false;
        }
        if let Some(m) = ii.measured.as_ref().filter(|m| m.value.is_none()) {
            self.nothing_on_it(&m.at, diags);
            return false;
        }
        let na: Vec<&Location> = ii
            .annual
            .iter()
            .flatten()
            .filter(|a| a.value.is_none())
            .map(|a| &a.at)
            .collect();
        let all_na = !ii.annual.is_empty() && na.len() == ii.annual.len();
        if !na.is_empty() && !all_na {
            self.na_disagreement(na[0], diags);
            return false;
        }
        if all_na {
            self.nothing_on_it(na[0], diags);
            return false;
        }
        true
    }

    /// A daily record or a zero on a leaf that does not apply (`na` says why).
    fn nothing_on_it(&self, na: &Location, diags: &mut Diagnostics) {
        let (unit, item, ii) = (self.unit(), self.item(), self.ii);
        if let Some(at) = &ii.first_daily {
            diags.error(
                at.clone(),
                msg!(
                    "input-daily-on-na",
                    unit = &unit.name,
                    item = &item.id,
                    title = &item.title,
                    na = na
                ),
            );
        }
    }

    /// Some scorer says the leaf does not apply, another scores it or is silent.
    fn na_disagreement(&self, na: &Location, diags: &mut Diagnostics) {
        let (unit, item, ii) = (self.unit(), self.item(), self.ii);
        for (slot, w) in item.scorers.iter().enumerate() {
            let s = &self.rubric.scorers[w.scorer];
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
                        na = na
                    ),
                ),
                None => diags.error(
                    na.clone(),
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
    }

    /// The scorers with no score for the leaf (told when `tell`); how many.
    fn missing_scores(&self, tell: bool, diags: &mut Diagnostics) -> usize {
        let (unit, item) = (self.unit(), self.item());
        let mut missing = 0;
        for (slot, w) in item.scorers.iter().enumerate() {
            if self.ii.annual[slot].is_some() {
                continue;
            }
            missing += 1;
            if tell {
                diags.error_at(
                    &self.rubric.origin.path,
                    unit.line,
                    msg!(
                        "input-missing-score",
                        scorer = &self.rubric.scorers[w.scorer].name,
                        scorer_id = &self.rubric.scorers[w.scorer].id,
                        unit = &unit.name,
                        unit_id = &unit.id,
                        item = &item.id,
                        title = &item.title
                    ),
                );
            }
        }
        missing
    }

    /// The unit has no value of a measure that this leaf uses.
    fn missing_measure(&self, m: usize, diags: &mut Diagnostics) {
        let (unit, measure) = (self.unit(), &self.rubric.measures[m]);
        diags.error_at(
            &self.rubric.origin.path,
            unit.line,
            msg!(
                "input-missing-measure",
                measure = &measure.title,
                measure_id = &measure.id,
                unit = &unit.name,
                unit_id = &unit.id
            ),
        );
    }
}
