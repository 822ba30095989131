//! Renderers of one `Results` value: a terminal table, CSV and JSON.

pub mod csv;
pub mod json;
pub mod rubric_xlsx;
mod table;
mod xlsx;

use crate::rubric::Catalog;
use crate::score::Results;

pub use self::csv::{csv_cell, formula_safe};

/// `--format`
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table per rubric, for reading in a terminal.
    #[default]
    Table,
    /// One row per unit, for spreadsheets and scripts.
    Csv,
    /// The whole computation, item by item (schema assess.score.v1).
    Json,
    /// An Excel workbook laid out like a published table (needs --output).
    Xlsx,
}

pub use crate::i18n::Lang;

/// Renders the results whole, so a file is written in one piece or not at all.
/// CSV keeps the spec's English header here; `csv::render_in` gives others.
pub fn render(
    format: Format,
    catalog: &Catalog,
    results: &Results,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    Ok(match format {
        Format::Table => table::render(catalog, results, lang).into_bytes(),
        Format::Csv => csv::render_in(catalog, results, None).into_bytes(),
        Format::Json => json::render(catalog, results).into_bytes(),
        Format::Xlsx => xlsx::render(catalog, results, lang)?,
    })
}
