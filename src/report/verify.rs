//! The report of `verify`: each mismatch with where the published value is,
//! both values, and the command that explains the recomputed one.

use serde::Serialize;

use crate::engine::verify::Verification;
use crate::model::catalog::{Catalog, UnitRef};
use crate::report::ReportFormat as ExplainFormat;
use crate::text::i18n::{msg, tr};

#[derive(Serialize)]
struct Mismatch<'a> {
    at: &'a str,
    rubric: &'a str,
    unit: &'a str,
    name: &'a str,
    /// total, grade, section, rank or unpublished.
    kind: &'static str,
    published: Option<&'a str>,
    recomputed: &'a str,
    /// The command that shows how the recomputed value comes about.
    explain: String,
    /// With `--adjust`: the published value is the first result's, and an
    /// adjustment of the review explains the difference (复核后变动).
    #[serde(skip_serializing_if = "Option::is_none")]
    by_review: Option<bool>,
}

#[derive(Serialize)]
struct Report<'a> {
    schema: &'static str,
    version: &'static str,
    published: &'a str,
    rubric: Option<&'a str>,
    checked: usize,
    mismatches: Vec<Mismatch<'a>>,
}

/// The report in `format`; `explain` gives the command for a unit.
pub fn render(
    catalog: &Catalog,
    v: &Verification,
    published: &str,
    rubric: Option<&str>,
    explain: impl Fn(UnitRef) -> String,
    format: ExplainFormat,
) -> String {
    match format {
        ExplainFormat::Json => {
            let mismatches = v
                .mismatches
                .iter()
                .map(|m| {
                    let unit = catalog.unit_of(m.unit);
                    Mismatch {
                        at: &m.at,
                        rubric: &catalog.rubric_of(m.unit).id,
                        unit: &unit.id,
                        name: &unit.name,
                        kind: m.kind.id(),
                        published: m.published.as_deref(),
                        recomputed: &m.recomputed,
                        explain: explain(m.unit),
                        by_review: v.review.then_some(m.by_review),
                    }
                })
                .collect();
            let report = Report {
                schema: "assess.verify.v1",
                version: env!("CARGO_PKG_VERSION"),
                published,
                rubric,
                checked: v.checked,
                mismatches,
            };
            let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
            text.push('\n');
            text
        }
        ExplainFormat::Text => {
            let mut out = String::new();
            for m in &v.mismatches {
                let unit = catalog.unit_of(m.unit);
                let named = msg!("cmd-named", name = &unit.name, id = &unit.id);
                let key = if m.by_review {
                    "verify-mismatch-review"
                } else {
                    "verify-mismatch"
                };
                let line = crate::text::i18n::Message::new(key)
                    .arg("at", &m.at)
                    .arg("unit", named)
                    .arg("what", m.what.clone());
                // Cells and sheet names are quoted: one mismatch, one line.
                out.push_str(&line.escaped().to_string());
                out.push('\n');
                // The command is for a shell: indented under its line, never translated.
                out.push_str("    ");
                out.push_str(&tr!("verify-explain", command = explain(m.unit)));
                out.push('\n');
            }
            out.push_str(&if v.review {
                tr!(
                    "verify-summary-review",
                    checked = v.checked,
                    mismatches = v.unexplained(),
                    review = v.mismatches.len() - v.unexplained()
                )
            } else {
                tr!(
                    "verify-summary",
                    checked = v.checked,
                    mismatches = v.mismatches.len()
                )
            });
            out.push('\n');
            out
        }
    }
}
