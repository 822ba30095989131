//! `assess rubric import FILE.xlsx -o FILE.toml`: a rubric workbook (细则
//! drafted as a table) read back into a rubric file (SPEC 14).

use crate::cli::RubricImportArgs;

pub fn run(args: &RubricImportArgs) -> i32 {
    let _ = args;
    super::BAD_INPUT
}
