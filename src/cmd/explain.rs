//! `assess explain UNIT [ITEM]`: the audit trail of one unit, every number
//! traced to the input line it comes from, every step with its values.

use super::Outcome;
use super::load::load_and_score;
use super::output::emit;
use crate::cli::ExplainArgs;
use crate::text::diag::{Diagnostics, hint};
use crate::text::i18n::msg;

pub fn run(args: &ExplainArgs) -> Outcome {
    let find = |catalog: &crate::model::catalog::Catalog, diags: &mut Diagnostics| {
        let found = catalog.unit(&args.unit);
        if found.is_none() {
            diags.general(msg!(
                "explain-unknown-unit",
                unit = &args.unit,
                hint = hint(&args.unit, catalog.unit_names())
            ));
        }
        found
    };
    let (catalog, inputs, results) = load_and_score(&args.inputs, find)?;
    // `find` above reported an unknown unit; a unit found is traced.
    let Some(u) = inputs.trace.as_ref().map(|t| t.unit) else {
        let unknown = msg!("explain-unknown-unit", unit = &args.unit, hint = None);
        return Err(unknown.into());
    };
    let rubric = catalog.rubric_of(u);
    let only = match &args.item {
        None => None,
        // A group explains each of its leaves.
        Some(key) => Some(
            rubric
                .item(key)
                .map(|i| i..i + 1)
                .or_else(|| rubric.group(key).map(|g| rubric.groups[g].items.clone()))
                .ok_or_else(|| {
                    msg!(
                        "explain-unknown-item",
                        item = key,
                        rubric = &rubric.id,
                        hint = hint(key, rubric.item_names())
                    )
                })?,
        ),
    };
    let text = crate::report::explain::render(&catalog, &inputs, &results, u, only, args.format);
    emit(&text, None)
}
