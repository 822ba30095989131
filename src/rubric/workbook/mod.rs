//! Rubrics as workbooks (细则 drafted as a table): written by
//! `rubric --format xlsx`, read back by `rubric import`; the two are inverses.

pub mod export;
pub mod import;
