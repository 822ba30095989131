//! `assess rubric import FILE.xlsx -o FILE.toml`: a rubric workbook (细则
//! drafted as a table) read back into a rubric file.

use super::Outcome;
use super::output::{emit, not_an_input};
use crate::cli::RubricImportArgs;

pub fn run(args: &RubricImportArgs) -> Outcome {
    // The output must not be the workbook it is read from.
    not_an_input(Some(&args.output), &[&args.workbook])?;
    let file: std::sync::Arc<str> = std::sync::Arc::from(args.workbook.display().to_string());
    // Checked by the loader already: written whole or not at all.
    let text = crate::rubric::workbook::import::import(&file, &args.workbook)?;
    emit(&text, Some(&args.output))
}
