//! `assess rubric --format xlsx`: a rubric as the workbook an office prints
//! and drafts in (SPEC 14); `rubric import` reads it back.

use crate::i18n::Message;
use crate::rubric::Rubric;

pub fn render(rubrics: &[&Rubric]) -> Result<Vec<u8>, Message> {
    let _ = rubrics;
    Err(crate::msg!("workbook-needs-output"))
}
