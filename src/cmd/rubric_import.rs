//! `assess rubric import FILE.xlsx -o FILE.toml`: a rubric workbook (细则
//! drafted as a table) read back into a rubric file.

use super::Outcome;
use super::output::{emit, not_an_input};
use crate::cli::RubricImportArgs;
use crate::text::diag::Diagnostics;

pub fn run(args: &RubricImportArgs) -> Outcome {
    // The output must not be the workbook it is read from.
    not_an_input(Some(&args.output), &[&args.workbook])?;
    let mut diags = Diagnostics::new();
    let Some((file, bytes)) = crate::tables::file::read(&args.workbook, "table", &mut diags) else {
        return Err(diags.into());
    };
    // Checked by the loader already: written whole or not at all.
    let text = crate::rubric::workbook::import::import(&file, bytes)?;
    emit(&text, Some(&args.output))
}
