//! The year's inputs, loaded as every command that scores needs them:
//! rubrics first (without them no unit or item can be told), then the
//! tables, then the checks of the whole year; the comparisons last.

use std::path::{Path, PathBuf};

use crate::cli::InputArgs;
use crate::input::{InputPaths, Keep, Reading};
use crate::model::catalog::{Catalog, UnitRef};
use crate::model::compare::Comparison;
use crate::model::inputs::Inputs;
use crate::model::results::Results;
use crate::rubric::load_rubrics;
use crate::text::diag::{self, Diagnostics, Failure};
use crate::text::i18n::msg;

/// The rubrics and the year's tables, read and checked.
pub struct Loaded {
    pub catalog: Catalog,
    pub reading: Reading,
}

/// Loads the rubrics, then every input. Inputs are read only when the
/// rubrics are sound. `trace` picks the unit whose daily records are kept
/// (for `explain`); it reports to the diagnostics when the unit named is
/// unknown.
pub fn load(
    args: &InputArgs,
    trace: impl FnOnce(&Catalog, &mut Diagnostics) -> Option<UnitRef>,
    keep_all: bool,
) -> Result<Loaded, Failure> {
    let mut diags = Diagnostics::new();
    let Some(catalog) = load_rubrics(&args.rubrics, &mut diags) else {
        return Err(diags.into());
    };
    let traced = trace(&catalog, &mut diags);
    if !diags.is_empty() {
        return Err(diags.into());
    }
    let paths = InputPaths {
        annual: args.annual.clone(),
        daily: args.daily.clone(),
        measures: args.measures.clone(),
        adjust: args.adjust.clone(),
        encoding: args.encoding,
        sheet: args.sheet.clone(),
        allow_missing: args.allow_missing,
    };
    let keep = Keep {
        trace: traced,
        all: keep_all,
    };
    match crate::engine::year::read(&catalog, &paths, keep, &mut diags) {
        Some(reading) => Ok(Loaded { catalog, reading }),
        None => Err(diags.into()),
    }
}

/// A year scored and compared, as `score` and `publish` both need it.
pub struct Year {
    pub catalog: Catalog,
    pub inputs: Inputs,
    pub results: Results,
    pub compare: Comparison,
}

/// Loads, scores and compares (`--self`, `--previous`). Last year's result
/// is read first, so that its problems are reported with the year's own; a
/// provisional result is announced on standard error.
pub fn year(
    args: &InputArgs,
    claims: &[PathBuf],
    previous: Option<&Path>,
    keep_all: bool,
) -> Result<Year, Failure> {
    let mut diags = Diagnostics::new();
    let earlier = previous.and_then(|path| crate::input::previous::read(path, &mut diags));
    let Loaded { catalog, reading } = match load(args, |_, _| None, keep_all) {
        Ok(loaded) if diags.is_empty() => loaded,
        Ok(_) => return Err(diags.into()),
        Err(mut found) => {
            found.problems.extend(diags.sorted());
            return Err(found);
        }
    };
    let inputs = reading.inputs;
    let mut results = crate::engine::score::score(&catalog, &inputs)?;
    if results.provisional() {
        // CSV has no place for it; scripts and analysts see it here.
        diag::warn_provisional(results.missing);
    }
    let compare = comparison(
        &catalog,
        &mut results,
        claims,
        earlier.map(|e| (previous, e)),
    )?;
    Ok(Year {
        catalog,
        inputs,
        results,
        compare,
    })
}

/// Loads and scores: what `verify` and `explain` start with.
pub fn load_and_score(
    args: &InputArgs,
    trace: impl FnOnce(&Catalog, &mut Diagnostics) -> Option<UnitRef>,
) -> Result<(Catalog, Inputs, Results), Failure> {
    let Loaded { catalog, reading } = load(args, trace, false)?;
    let results = crate::engine::score::score(&catalog, &reading.inputs)?;
    Ok((catalog, reading.inputs, results))
}

/// What `--self` and `--previous` compare the results with
/// (`docs/computation.md#self`, `#previous`); the
/// files read join the results' provenance. Units of the earlier result no
/// longer on a roster are listed on standard error, not refused.
fn comparison(
    catalog: &Catalog,
    results: &mut Results,
    claims: &[PathBuf],
    earlier: Option<(Option<&Path>, Vec<crate::model::compare::PreviousUnit>)>,
) -> Result<Comparison, Failure> {
    let mut compare = Comparison::default();
    if !claims.is_empty() {
        let mut diags = Diagnostics::new();
        let Some(read) = crate::input::claims::read(catalog, claims, &mut diags) else {
            return Err(diags.into());
        };
        compare.claims = Some(crate::model::compare::Claims::new(catalog, results, &read));
        for path in claims {
            results.files.extend(crate::model::source::InputFile::of(
                path,
                crate::model::source::Role::SelfAssessment,
            ));
        }
    }
    if let Some((path, earlier)) = earlier {
        let previous = crate::model::compare::Previous::new(catalog, results, earlier);
        for p in &previous.gone {
            diag::warn(msg!(
                "previous-gone",
                unit = &p.name,
                id = &p.id,
                rubric = &p.rubric
            ));
        }
        compare.previous = Some(previous);
        if let Some(path) = path {
            results.files.extend(crate::model::source::InputFile::of(
                path,
                crate::model::source::Role::Previous,
            ));
        }
    }
    Ok(compare)
}
