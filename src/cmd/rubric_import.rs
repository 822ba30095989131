//! `assess rubric import FILE.xlsx -o FILE.toml`: a rubric workbook (细则
//! drafted as a table) read back into a rubric file (SPEC 14).

use crate::cli::RubricImportArgs;
use crate::diag::Diagnostics;

pub fn run(args: &RubricImportArgs) -> i32 {
    let mut diags = Diagnostics::new();
    // The output must not be the workbook it is read from.
    if let Err(d) = super::output_is_not_an_input(Some(&args.output), &[&args.workbook]) {
        return super::fail(&[d]);
    }
    let Some((file, bytes)) = crate::source::read(&args.workbook, "table", &mut diags) else {
        return super::fail(&diags.into_vec());
    };
    match crate::rubric::import::import(&file, bytes) {
        // Checked by the loader already: written whole or not at all.
        Ok(text) => super::emit(&text, Some(&args.output)),
        Err(problems) => super::fail(&problems),
    }
}
