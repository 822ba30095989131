//! `assess verify --published FILE`: recompute and compare, the way a balance
//! assertion is checked: exact values, published and recomputed side by side,
//! and a command to see where the recomputed value comes from.

use super::load::load_and_score;
use super::output::{emit, not_an_input};
use super::{Exit, Outcome};
use crate::cli::{VerifyArgs, shell_word};
use crate::input::published;
use crate::model::catalog::{Catalog, UnitRef};
use crate::rubric::load_rubrics;
use crate::text::diag::{self, Diagnostics, Failure};
use crate::text::i18n::{msg, tr};

pub fn run(args: &VerifyArgs) -> Outcome {
    let mut read: Vec<&std::path::Path> = args.inputs.files();
    read.push(&args.published);
    not_an_input(args.output.as_deref(), &read)?;
    if alone(args) {
        return run_alone(args);
    }
    let (catalog, _, results) = load_and_score(&args.inputs, |_, _| None)?;
    let only = only(&catalog, args)?;
    let mut diags = Diagnostics::new();
    let Some(published) = published::read(
        &catalog,
        &args.published,
        args.inputs.encoding,
        args.inputs.sheet.as_deref(),
        false,
        &mut diags,
    ) else {
        return Err(diags.into());
    };
    let mut verification = crate::engine::verify::verify(&catalog, &results, &published, only);
    // With the review: the first result (the same inputs without it) tells
    // which differences the adjustments explain.
    if !args.inputs.adjust.is_empty() {
        let mut first_args = args.inputs.clone();
        first_args.adjust.clear();
        let (_, _, first) = load_and_score(&first_args, |_, _| None)?;
        let before = crate::engine::verify::verify(&catalog, &first, &published, only);
        verification.tell_review(&before);
    }
    if results.provisional() {
        diag::warn_provisional(results.missing);
    }
    let explain = |u: UnitRef| {
        let mut words = vec![
            "assess".to_string(),
            "explain".to_string(),
            shell_word(&catalog.unit_of(u).id),
        ];
        words.extend(args.inputs.to_flags().iter().map(|w| shell_word(w)));
        words.join(" ")
    };
    let out = crate::report::verify::render(
        &catalog,
        &verification,
        &published,
        args.id.as_deref(),
        explain,
        args.format,
    );
    emit(&out, args.output.as_deref())?;
    // The review's changes are reported, not failures: the table is the
    // first result, and the adjustments say why the final one differs.
    match verification.unexplained() == 0 {
        true => Ok(Exit::Done),
        false => Ok(Exit::Mismatch),
    }
}

/// No inputs to recompute from (no annual scores, daily records, measures
/// or adjustments): the table is checked on its own.
fn alone(args: &VerifyArgs) -> bool {
    let i = &args.inputs;
    i.annual.is_empty() && i.daily.is_empty() && i.measures.is_empty() && i.adjust.is_empty()
}

/// `--id`: one rubric's published table; the others' units are not asked for.
fn only(catalog: &Catalog, args: &VerifyArgs) -> Result<Option<usize>, Failure> {
    let Some(id) = &args.id else {
        return Ok(None);
    };
    match catalog.rubrics.iter().position(|r| &r.id == id) {
        Some(r) => Ok(Some(r)),
        None => {
            let ids: Vec<&str> = catalog.rubrics.iter().map(|r| r.id.as_str()).collect();
            Err(msg!(
                "rubric-unknown-id",
                id = id.as_str(),
                hint = diag::hint(id, ids.iter().copied()),
                ids = ids.join(&tr!("rubric-enum-separator"))
            )
            .into())
        }
    }
}

/// The table on its own, against the rubrics: its sums, grades, ranks and
/// roster, and what of them it does not let be checked.
fn run_alone(args: &VerifyArgs) -> Outcome {
    let mut diags = Diagnostics::new();
    let Some(catalog) = load_rubrics(&args.inputs.rubrics, &mut diags) else {
        return Err(diags.into());
    };
    let only = only(&catalog, args)?;
    let Some(published) = published::read(
        &catalog,
        &args.published,
        args.inputs.encoding,
        args.inputs.sheet.as_deref(),
        true,
        &mut diags,
    ) else {
        return Err(diags.into());
    };
    let check = crate::engine::verify_table::check(&catalog, &published, only);
    let out = crate::report::verify::render_alone(
        &catalog,
        &check,
        &published,
        args.id.as_deref(),
        args.format,
    );
    emit(&out, args.output.as_deref())?;
    match check.mismatches.is_empty() {
        true => Ok(Exit::Done),
        false => Ok(Exit::Mismatch),
    }
}
