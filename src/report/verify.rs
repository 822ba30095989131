//! The report of `verify`: each mismatch with where the published value is,
//! both values, and the command that explains the recomputed one; or, for a
//! table checked on its own, each inconsistency and what could and could
//! not be checked.

use serde::Serialize;

use crate::engine::verify::Verification;
use crate::engine::verify_table::{Coverage, TableCheck, Unsummed, ranking_name};
use crate::input::published::Published;
use crate::model::catalog::{Catalog, UnitRef};
use crate::model::rubric::Ranking;
use crate::report::ReportFormat as ExplainFormat;
use crate::text::i18n::{Arg, Message, msg, tr};

#[derive(Serialize)]
struct Mismatch<'a> {
    at: &'a str,
    rubric: &'a str,
    unit: &'a str,
    name: &'a str,
    /// total, grade, section, rank or unpublished; on its own also sum and twice.
    kind: &'static str,
    published: Option<&'a str>,
    /// Null for a table checked on its own: nothing is recomputed.
    recomputed: Option<&'a str>,
    /// The command that shows how the recomputed value comes about (null
    /// for a table checked on its own).
    explain: Option<String>,
    /// A table on its own: the value its own numbers and the rubric call for.
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<&'a str>,
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
    /// Whether the results were recomputed from the inputs (false: the
    /// table was checked on its own).
    recomputed: bool,
    /// Sheets or tables passed over: no unit column, or no total column,
    /// so no results table.
    passed_over: Vec<PassedOver>,
    /// A table on its own: what could and could not be checked, per rubric.
    #[serde(skip_serializing_if = "Option::is_none")]
    coverage: Option<Vec<CoverageJson<'a>>>,
}

#[derive(Serialize)]
struct PassedOver {
    at: String,
    /// no-unit-column or no-total-column.
    why: &'static str,
}

#[derive(Serialize)]
struct CoverageJson<'a> {
    rubric: &'a str,
    units: usize,
    sums: SumsJson<'a>,
    grades: Option<Checked>,
    ranks: Option<RanksJson>,
}

#[derive(Serialize)]
struct SumsJson<'a> {
    checked: usize,
    /// The table prints no part at all.
    no_columns: bool,
    /// Ids of the sections the table has no column for.
    missing_columns: Vec<&'a str>,
    unchecked: Vec<UncheckedJson<'a>>,
}

#[derive(Serialize)]
struct UncheckedJson<'a> {
    at: String,
    unit: &'a str,
    /// rescaled or empty.
    why: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<&'a str>,
}

#[derive(Serialize)]
struct Checked {
    checked: usize,
}

#[derive(Serialize)]
struct RanksJson {
    checked: usize,
    /// The rubric's ranking: competition or dense.
    ranking: &'static str,
    /// both, rubric, other or neither.
    fits: &'static str,
}

/// The notes of the sheets and tables passed over for holding no results
/// (no unit column, or no total), and why; not those left out as
/// everywhere (empty, hidden, instructions).
fn results_passed_over(published: &Published) -> impl Iterator<Item = (&Message, &'static str)> {
    published.passed_over.iter().filter_map(|m| match m.key {
        "verify-table-not-results" => Some((m, "no-unit-column")),
        "verify-table-no-total" => Some((m, "no-total-column")),
        _ => None,
    })
}

fn passed_over(published: &Published) -> Vec<PassedOver> {
    results_passed_over(published)
        .map(|(m, why)| PassedOver {
            at: m
                .args
                .iter()
                .find_map(|(name, a)| match (name, a) {
                    (&"table", Arg::Text(t)) => Some(t.clone()),
                    _ => None,
                })
                .unwrap_or_default(),
            why,
        })
        .collect()
}

/// One line per sheet or table passed over.
fn passed_over_lines(published: &Published, out: &mut String) {
    for (m, _) in results_passed_over(published) {
        out.push_str(&m.escaped().to_string());
        out.push('\n');
    }
}

/// The report in `format`; `explain` gives the command for a unit.
pub fn render(
    catalog: &Catalog,
    v: &Verification,
    published: &Published,
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
                        recomputed: Some(&m.recomputed),
                        explain: Some(explain(m.unit)),
                        expected: None,
                        by_review: v.review.then_some(m.by_review),
                    }
                })
                .collect();
            let report = Report {
                schema: "assess.verify.v1",
                version: env!("CARGO_PKG_VERSION"),
                published: &published.file.path,
                rubric,
                checked: v.checked,
                mismatches,
                recomputed: true,
                passed_over: passed_over(published),
                coverage: None,
            };
            json(&report)
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
            passed_over_lines(published, &mut out);
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

fn json(report: &Report) -> String {
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}

/// The report of a table checked on its own.
pub fn render_alone(
    catalog: &Catalog,
    check: &TableCheck,
    published: &Published,
    rubric: Option<&str>,
    format: ExplainFormat,
) -> String {
    match format {
        ExplainFormat::Json => {
            let mismatches = check
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
                        recomputed: None,
                        explain: None,
                        expected: Some(&m.recomputed)
                            .filter(|e| !e.is_empty())
                            .map(|e| e.as_str()),
                        by_review: None,
                    }
                })
                .collect();
            let coverage = check
                .coverage
                .iter()
                .map(|c| coverage_json(catalog, c))
                .collect();
            let report = Report {
                schema: "assess.verify.v1",
                version: env!("CARGO_PKG_VERSION"),
                published: &published.file.path,
                rubric,
                checked: check.checked,
                mismatches,
                recomputed: false,
                passed_over: passed_over(published),
                coverage: Some(coverage),
            };
            json(&report)
        }
        ExplainFormat::Text => {
            let mut out = String::new();
            for m in &check.mismatches {
                let unit = catalog.unit_of(m.unit);
                let named = msg!("cmd-named", name = &unit.name, id = &unit.id);
                let line = msg!(
                    "verify-mismatch",
                    at = &m.at,
                    unit = named,
                    what = m.what.clone()
                );
                out.push_str(&line.escaped().to_string());
                out.push('\n');
            }
            out.push_str(&tr!("verify-alone-intro"));
            out.push('\n');
            for c in &check.coverage {
                coverage_lines(catalog, c, &mut out);
            }
            passed_over_lines(published, &mut out);
            out.push_str(&tr!(
                "verify-summary",
                checked = check.checked,
                mismatches = check.mismatches.len()
            ));
            out.push('\n');
            out
        }
    }
}

/// What could be checked of one rubric's rows, a line each for the sums,
/// the grades and the ranks, indented under the rubric.
fn coverage_lines(catalog: &Catalog, c: &Coverage, out: &mut String) {
    let r = &catalog.rubrics[c.rubric];
    let mut line = |m: Message, indent: bool| {
        if indent {
            out.push_str("  ");
        }
        out.push_str(&m.escaped().to_string());
        out.push('\n');
    };
    if c.units == 0 {
        line(msg!("verify-alone-rubric-empty", rubric = &r.id), false);
        return;
    }
    line(
        msg!("verify-alone-rubric", rubric = &r.id, units = c.units),
        false,
    );
    let sums = if c.no_parts {
        msg!("verify-alone-sums-no-columns")
    } else if !c.missing_sections.is_empty() {
        let titles = c
            .missing_sections
            .iter()
            .map(|&k| r.sections[k].title.as_str());
        msg!(
            "verify-alone-sums-missing",
            sections = crate::text::list(titles)
        )
    } else {
        let unchecked: Vec<Message> = c
            .unsummed
            .iter()
            .map(|(u, _, why)| {
                let unit = &catalog.unit_of(*u).name;
                match why {
                    Unsummed::Rescaled => msg!("verify-alone-unchecked-rescaled", unit = unit),
                    Unsummed::Empty(k) => msg!(
                        "verify-alone-unchecked-empty",
                        unit = unit,
                        section = &r.sections[*k].title
                    ),
                }
            })
            .collect();
        let rest = (!unchecked.is_empty()).then(|| {
            msg!(
                "verify-alone-sums-unchecked",
                count = unchecked.len(),
                units = crate::text::list(unchecked)
            )
        });
        msg!("verify-alone-sums", checked = c.sums, unchecked = rest)
    };
    line(sums, true);
    let grades = match c.grades {
        Some(n) => msg!("verify-alone-grades", checked = n),
        None => msg!("verify-alone-grades-none"),
    };
    line(grades, true);
    let ranks = match c.ranks {
        Some((n, fits)) => {
            let other = match r.ranking {
                Ranking::Competition => Ranking::Dense,
                Ranking::Dense => Ranking::Competition,
            };
            msg!(
                "verify-alone-ranks",
                checked = n,
                fits = fits.id(),
                ranking = ranking_name(r.ranking),
                other = ranking_name(other)
            )
        }
        None => msg!("verify-alone-ranks-none"),
    };
    line(ranks, true);
}

fn coverage_json<'a>(catalog: &'a Catalog, c: &Coverage) -> CoverageJson<'a> {
    let r = &catalog.rubrics[c.rubric];
    let unchecked = c
        .unsummed
        .iter()
        .map(|(u, at, why)| UncheckedJson {
            at: at.to_string(),
            unit: &catalog.unit_of(*u).id,
            why: why.id(),
            section: match why {
                Unsummed::Empty(k) => Some(r.sections[*k].id.as_str()),
                Unsummed::Rescaled => None,
            },
        })
        .collect();
    CoverageJson {
        rubric: &r.id,
        units: c.units,
        sums: SumsJson {
            checked: c.sums,
            no_columns: c.no_parts,
            missing_columns: c
                .missing_sections
                .iter()
                .map(|&k| r.sections[k].id.as_str())
                .collect(),
            unchecked,
        },
        grades: c.grades.map(|checked| Checked { checked }),
        ranks: c.ranks.map(|(checked, fits)| RanksJson {
            checked,
            ranking: match r.ranking {
                Ranking::Competition => "competition",
                Ranking::Dense => "dense",
            },
            fits: fits.id(),
        }),
    }
}
