//! `assess check`: validate everything, compute nothing. Silent but for one
//! line per file when all is well; every problem otherwise.

use crate::cli::InputArgs;

pub fn run(args: &InputArgs) -> i32 {
    let (catalog, inputs) = match super::load(args, |_, _| None) {
        Ok(loaded) => loaded,
        Err(diags) => return super::fail(&diags),
    };
    let mut out = String::new();
    for r in &catalog.rubrics {
        out.push_str(&format!(
            "{}: rubric {}, {} units, {} sections, {} items\n",
            r.origin.path,
            r.id,
            r.units.len(),
            r.sections.len(),
            r.items.len()
        ));
    }
    for s in &inputs.summaries {
        out.push_str(&format!(
            "{}: {} {} rows, {} units, {} items\n",
            s.path,
            s.rows,
            s.role.as_str(),
            s.units,
            s.items
        ));
    }
    if inputs.missing > 0 {
        out.push_str(&super::provisional_warning(inputs.missing));
    }
    print!("{out}");
    super::OK
}
