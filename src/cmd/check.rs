//! `assess check`: validate everything, compute nothing. Silent but for one
//! line per file when all is well; every problem otherwise.

use super::Outcome;
use super::load::{Loaded, load};
use super::output::emit;
use crate::cli::InputArgs;
use crate::report::role_label;
use crate::text::diag::{Diagnostics, provisional_warning};
use crate::text::i18n::msg;

pub fn run(args: &InputArgs) -> Outcome {
    // No tables: the rubrics alone (a new year's rubric before any sheet
    // comes back), never a flood of "no annual score" lines.
    if args.annual.is_empty()
        && args.daily.is_empty()
        && args.measures.is_empty()
        && args.adjust.is_empty()
    {
        let mut diags = Diagnostics::new();
        let Some(catalog) = crate::rubric::load_rubrics(&args.rubrics, &mut diags) else {
            return Err(diags.into());
        };
        return emit(rubric_lines(&catalog), None);
    }
    let Loaded { catalog, reading } = load(args, |_, _| None, false)?;
    let mut out = rubric_lines(&catalog);
    for s in &reading.summaries {
        let line = msg!(
            "check-table",
            path = &s.path,
            role = role_label(s.role),
            rows = s.rows,
            units = s.units,
            items = s.items
        );
        // Sheet names are quoted from the workbook: one line each.
        out.push_str(&line.escaped().to_string());
        out.push('\n');
        for note in &s.notes {
            out.push_str(&format!("{}\n", note.escaped()));
        }
    }
    let inputs = &reading.inputs;
    if inputs.missing > 0 {
        out.push_str(&provisional_warning(inputs.missing));
        // Which cells, by scorer: the files to chase before the final run.
        if let Ok(results) = crate::engine::score::score(&catalog, inputs) {
            for rr in &results.rubrics {
                let r = &catalog.rubrics[rr.rubric];
                for line in crate::report::table::missing_lines(r, rr, crate::text::i18n::lang()) {
                    out.push_str(&line);
                    out.push('\n');
                }
            }
        }
    }
    emit(&out, None)
}

/// One line per rubric: what it holds.
fn rubric_lines(catalog: &crate::model::catalog::Catalog) -> String {
    let mut out = String::new();
    for r in &catalog.rubrics {
        let line = msg!(
            "check-rubric",
            path = &r.origin.path,
            id = &r.id,
            units = r.units.len(),
            sections = r.sections.len(),
            items = r.items.len(),
            groups = r.groups.len(),
            rules = r.rules.len()
        );
        out.push_str(&line.to_string());
        out.push('\n');
        out.push_str(&cap_warnings(r));
    }
    out
}

/// A cap on a line's deductions or additions above the line's own points
/// can never bite (a max changed in the 细则 and the cap left behind): a
/// warning, not an error, as the rubric still scores as written.
fn cap_warnings(r: &crate::model::rubric::Rubric) -> String {
    let mut out = String::new();
    for item in &r.items {
        for (key, cap) in [("max_deduct", item.max_deduct), ("max_add", item.max_add)] {
            if let Some(cap) = cap.filter(|c| *c > item.max) {
                let at = crate::model::source::Location::new(&r.origin.path, item.line);
                let line = msg!(
                    "warning",
                    message = msg!(
                        "check-cap-above-max",
                        at = at,
                        item = &item.id,
                        title = &item.title,
                        key = key,
                        cap = crate::num::plain(cap),
                        max = crate::num::plain(item.max)
                    )
                );
                out.push_str(&line.escaped().to_string());
                out.push('\n');
            }
        }
    }
    out
}
