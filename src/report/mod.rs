//! Renderers of one `Results` value: a terminal table, CSV and JSON.

pub mod cells;
pub mod csv;
pub mod explain;
pub mod json;
pub mod publish;
pub mod rectify;
mod review;
pub mod rubric_text;

pub mod table;

pub mod verify;
mod xlsx;

use rust_decimal::Decimal;

use crate::model::catalog::Catalog;
use crate::model::results::Results;
use crate::text::i18n::Lang;
use crate::text::i18n::{Arg, Message};

/// `--format` of the reports of `explain` and `verify`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Readable in a terminal.
    #[default]
    Text,
    /// For scripts (schemas assess.explain.v1, assess.verify.v1).
    Json,
}

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

/// Renders the results whole, so a file is written in one piece or not at all.
/// The table and the workbook read in `lang`; CSV and JSON are the same in
/// every language (`docs/formats.md` §4).
pub fn render(
    format: Format,
    catalog: &Catalog,
    results: &Results,
    lang: Lang,
) -> Result<Vec<u8>, Message> {
    render_with(format, catalog, results, lang, &View::default())
}

/// The document properties of every workbook the tool writes: dated at
/// the end of the assessment period rather than now, so the same inputs give
/// the same bytes (a batch that checks sums sees no change).
pub fn workbook_properties(catalog: &Catalog, title: &str) -> rust_xlsxwriter::DocProperties {
    let end = catalog.rubrics.iter().map(|r| r.end).max();
    let date = end
        .and_then(|d| {
            rust_xlsxwriter::ExcelDateTime::from_ymd(
                u16::try_from(d.year).ok()?,
                u8::try_from(d.month).ok()?,
                u8::try_from(d.day).ok()?,
            )
            .ok()
        })
        .or_else(|| rust_xlsxwriter::ExcelDateTime::from_ymd(2000, 1, 1).ok());
    let props = rust_xlsxwriter::DocProperties::new()
        .set_title(title)
        .set_author("assess");
    match date {
        Some(d) => props.set_creation_datetime(&d),
        None => props,
    }
}

static NOTHING: crate::model::compare::Comparison = crate::model::compare::Comparison {
    previous: None,
    claims: None,
};

/// How much a reader wants to see, beside the results themselves.
#[derive(Debug, Clone, Copy, Default)]
pub struct View<'a> {
    /// `--depth N`: the table shows indicator columns down to level N
    /// (2 = 二级指标) before each section's column; 0 or 1 shows sections only.
    pub depth: usize,
    /// What the results are compared with (上年, 自评), if anything.
    pub compare: Option<&'a crate::model::compare::Comparison>,
    /// The inputs scored, for what the results do not keep (each scorer's
    /// annual score, in the workbook's item sheet).
    pub inputs: Option<&'a crate::model::inputs::Inputs>,
}

/// Renders with the reader's view.
pub fn render_with(
    format: Format,
    catalog: &Catalog,
    results: &Results,
    lang: Lang,
    view: &View,
) -> Result<Vec<u8>, Message> {
    let compare = view.compare.unwrap_or(&NOTHING);
    Ok(match format {
        Format::Table => table::render(catalog, results, lang, view.depth, compare).into_bytes(),
        Format::Csv => csv::render(catalog, results, compare).into_bytes(),
        Format::Json => json::render(catalog, results, compare).into_bytes(),
        Format::Xlsx => xlsx::render(catalog, results, lang, view.inputs, compare)?,
    })
}

pub use crate::text::labels::role_label;

/// Points as a message argument: a whole number is a number, so a catalog
/// can choose its plural ("1 point", "8 points"); a fraction is its text.
pub fn points(d: Decimal) -> Arg {
    if d.fract().is_zero()
        && let Ok(n) = i64::try_from(d)
    {
        return Arg::Number(n);
    }
    Arg::Text(crate::num::plain(d))
}
