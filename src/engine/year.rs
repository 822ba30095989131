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
    // Missing scores are told with every other problem, each at its cell,
    // but for those a reading problem explains (`ScoreGaps`); missing
    // measures only once the files read cleanly.
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
    let gaps = &inputs.gaps;
    // Absent scores to tell at their scorer's table, grouped after.
    let mut at_tables: Vec<Absent> = Vec::new();
    for (r, rubric) in catalog.rubrics.iter().enumerate() {
        for u in 0..rubric.units.len() {
            let ui = &inputs.units[r][u];
            let mut any_applies = false;
            let mut measures_told: Vec<usize> = Vec::new();
            for i in 0..rubric.items.len() {
                let ii = &ui.items[i];
                let leaf = Leaf {
                    rubric,
                    r,
                    u,
                    i,
                    ii,
                    gaps,
                };
                if !leaf.applies(diags) {
                    continue;
                }
                any_applies |= rubric.part_of(i) == PartKind::Scored;
                missing += leaf.missing_scores(!allow_missing, &mut at_tables, diags);
                let tell = !allow_missing && list_missing;
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
    tell_at_tables(catalog, inputs, &at_tables, diags);
    // Without --allow-missing each missing cell is an error above.
    inputs.missing = missing;
}

/// An absent score whose table has no empty cell for it.
struct Absent {
    r: usize,
    u: usize,
    i: usize,
    scorer: usize,
}

/// The absent scores of a scorer's table, told as the table lacks them: a
/// line none of the units has a score for is one error (its column is
/// missing or misspelt: then it is that column's error, told already); a
/// unit with no score at all is one error (its row is missing); the rest
/// one each.
fn tell_at_tables(catalog: &Catalog, inputs: &Inputs, absent: &[Absent], diags: &mut Diagnostics) {
    use std::collections::HashSet;
    let mut told_items: HashSet<(usize, usize, usize)> = HashSet::new();
    let mut told_units: HashSet<(usize, usize, usize)> = HashSet::new();
    for a in absent {
        let rubric = &catalog.rubrics[a.r];
        let Some(table) = inputs.gaps.tables.get(&(a.r, a.scorer)) else {
            continue;
        };
        let (unit, item, scorer) = (
            &rubric.units[a.u],
            &rubric.items[a.i],
            &rubric.scorers[a.scorer],
        );
        let slot = item.scorers.iter().position(|w| w.scorer == a.scorer);
        let scored = |u: usize, i: usize| {
            inputs.units[a.r][u].items[i]
                .annual
                .iter()
                .zip(&rubric.items[i].scorers)
                .any(|(x, w)| x.is_some() && w.scorer == a.scorer)
        };
        let item_absent = (0..rubric.units.len()).all(|u| !scored(u, a.i));
        let unit_absent = (0..rubric.items.len()).all(|i| !scored(a.u, i));
        if item_absent {
            // A misspelt column's error says it already.
            if inputs.gaps.columns_doubted.contains(&(a.r, a.scorer))
                || !told_items.insert((a.r, a.scorer, a.i))
            {
                continue;
            }
            diags.error(
                table.clone(),
                msg!(
                    "input-missing-line",
                    scorer = &scorer.name,
                    item = &item.id,
                    title = &item.title
                ),
            );
        } else if unit_absent {
            if told_units.insert((a.r, a.scorer, a.u)) {
                diags.error(
                    table.clone(),
                    msg!(
                        "input-missing-unit",
                        scorer = &scorer.name,
                        unit = &unit.name
                    ),
                );
            }
        } else if slot.is_some() {
            diags.error(
                table.clone(),
                msg!(
                    "input-missing-score-table",
                    scorer = &scorer.name,
                    unit = &unit.name,
                    item = &item.id,
                    title = &item.title
                ),
            );
        }
    }
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
    r: usize,
    u: usize,
    i: usize,
    ii: &'a ItemInputs,
    gaps: &'a crate::model::inputs::ScoreGaps,
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
                // A scorer whose table could not be read is told there.
                None if self.explained(slot, w.scorer) => {}
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
    fn missing_scores(
        &self,
        tell: bool,
        at_tables: &mut Vec<Absent>,
        diags: &mut Diagnostics,
    ) -> usize {
        let (unit, item) = (self.unit(), self.item());
        let mut missing = 0;
        for (slot, w) in item.scorers.iter().enumerate() {
            if self.ii.annual[slot].is_some() {
                continue;
            }
            missing += 1;
            if !tell || self.explained(slot, w.scorer) {
                continue;
            }
            let scorer = &self.rubric.scorers[w.scorer];
            let key = self.slot_key(slot);
            // At the empty cell; else at the scorer's table (grouped);
            // else at the unit, no table being the scorer's.
            let at = match self.gaps.blanks.get(&key) {
                Some(cell) => cell.clone(),
                None if self.gaps.tables.contains_key(&(self.r, w.scorer)) => {
                    at_tables.push(Absent {
                        r: self.r,
                        u: self.u,
                        i: self.i,
                        scorer: w.scorer,
                    });
                    continue;
                }
                None => Location::new(&self.rubric.origin.path, unit.line),
            };
            let key_name = if self.gaps.blanks.contains_key(&key) {
                "input-missing-score-cell"
            } else {
                "input-missing-score"
            };
            diags.error(
                at,
                crate::text::i18n::Message::new(key_name)
                    .arg("scorer", &scorer.name)
                    .arg("scorer_id", &scorer.id)
                    .arg("unit", &unit.name)
                    .arg("unit_id", &unit.id)
                    .arg("item", &item.id)
                    .arg("title", &item.title),
            );
        }
        missing
    }

    /// Whether a reading problem already told explains the absent score.
    fn explained(&self, slot: usize, scorer: usize) -> bool {
        self.gaps.explained(self.slot_key(slot), scorer)
    }

    /// The leaf's score of the scorer in `slot`, as the readers key it.
    fn slot_key(&self, slot: usize) -> crate::model::inputs::ScoreSlot {
        let unit = crate::model::catalog::UnitRef {
            rubric: self.r,
            unit: self.u,
        };
        (unit, self.i, slot)
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
