//! `assess check`: validate everything, compute nothing. Silent but for one
//! line per file when all is well; every problem otherwise.

use crate::cli::InputArgs;
use crate::msg;
use crate::report::role_label;

pub fn run(args: &InputArgs) -> i32 {
    let (catalog, inputs) = match super::load(args, |_, _| None) {
        Ok(loaded) => loaded,
        Err(diags) => return super::fail(&diags),
    };
    let mut out = String::new();
    for r in &catalog.rubrics {
        let line = msg!(
            "check-rubric",
            path = &r.origin.path,
            id = &r.id,
            units = r.units.len(),
            sections = r.sections.len(),
            items = r.items.len()
        );
        out.push_str(&line.to_string());
        out.push('\n');
    }
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
    }
    if inputs.missing > 0 {
        out.push_str(&super::provisional_warning(inputs.missing));
    }
    super::emit(&out, None)
}
