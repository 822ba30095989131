//! The model of a rubric (考核细则): sections, items, scorers, grades and the
//! roster of units it assesses.

mod load;
pub mod new_year;
pub mod toml_out;
pub mod workbook;

pub use load::{EMBEDDED, load_rubrics, parse_rubric as parse};
pub(crate) use load::{Field, Walk, kind, toml_date};
