//! `assess check`: validate everything, compute nothing. Silent but for one
//! line per file when all is well; every problem otherwise.

use crate::cli::InputArgs;
use crate::msg;
use crate::report::role_label;

pub fn run(args: &InputArgs) -> i32 {
    // No tables: the rubrics alone (a new year's rubric before any sheet
    // comes back), never a flood of "no annual score" lines.
    let (catalog, inputs) = if args.annual.is_empty() && args.daily.is_empty() {
        let mut diags = crate::diag::Diagnostics::new();
        match crate::rubric::load_rubrics(&args.rubrics, &mut diags) {
            Some(catalog) => (catalog, None),
            None => return super::fail(&diags.sorted()),
        }
    } else {
        match super::load(args, |_, _| None) {
            Ok((catalog, inputs)) => (catalog, Some(inputs)),
            Err(diags) => return super::fail(&diags),
        }
    };
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
    }
    let Some(inputs) = inputs else {
        return super::emit(&out, None);
    };
    for s in &inputs.summaries {
        let line = msg!(
            "check-table",
            path = &s.path,
            role = role_label(s.role),
            rows = s.rows,
            units = s.units,
            items = s.items
        );
        out.push_str(&line.to_string());
        out.push('\n');
        for note in &s.notes {
            out.push_str(&format!("{note}\n"));
        }
    }
    if inputs.missing > 0 {
        out.push_str(&super::provisional_warning(inputs.missing));
        // Which cells, by scorer: the files to chase before the final run.
        if let Ok(results) = crate::score::score(&catalog, &inputs) {
            for rr in &results.rubrics {
                let r = &catalog.rubrics[rr.rubric];
                for line in crate::report::table::missing_lines(r, rr, crate::i18n::lang()) {
                    out.push_str(&line);
                    out.push('\n');
                }
            }
        }
    }
    super::emit(&out, None)
}
