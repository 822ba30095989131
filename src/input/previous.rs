//! `--previous FILE`: an earlier result of this tool (its JSON or CSV
//! output), read for the change from last year (上年对比;
//! `docs/formats.md`, "Previous result").
//!
//! Only what the comparison needs is read: per unit the rubric, id, name,
//! total, grade and rank; every other field is ignored.

use std::path::Path;
use std::sync::Arc;

use crate::model::compare::PreviousUnit;
use crate::model::source::Location;
use crate::num;
use crate::text::diag::Diagnostics;
use crate::text::i18n::msg;

/// Reads an earlier result; `None` (with the reasons in `diags`) when the
/// file is not a result of this tool.
pub fn read(path: &Path, diags: &mut Diagnostics) -> Option<Vec<PreviousUnit>> {
    let (file, bytes) = crate::tables::file::read(path, "file", diags)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        diags.error(Location::new(&file, 0), msg!("previous-not-utf8"));
        return None;
    };
    let units = if text.trim_start().starts_with('{') {
        read_json(&file, text, diags)?
    } else {
        read_csv(&file, text, diags)?
    };
    checked(units, diags)
}

/// An earlier result as this tool writes it: one entry per unit of a
/// rubric, each rank between 1 and the number of units ranked with it.
fn checked(units: Vec<PreviousUnit>, diags: &mut Diagnostics) -> Option<Vec<PreviousUnit>> {
    let before = diags.len();
    let mut seen: std::collections::HashMap<(&str, &str), &Location> =
        std::collections::HashMap::new();
    for u in &units {
        if let Some(first) = seen.insert((u.rubric.as_str(), u.id.as_str()), &u.at) {
            diags.error(
                u.at.clone(),
                msg!(
                    "previous-unit-twice",
                    unit = &u.id,
                    rubric = &u.rubric,
                    first = first
                ),
            );
        }
        let ranked = units.iter().filter(|x| x.rubric == u.rubric).count();
        if u.rank == 0 || u.rank > ranked {
            diags.error(
                u.at.clone(),
                msg!(
                    "previous-bad-rank",
                    unit = &u.id,
                    rank = u.rank.to_string(),
                    count = ranked
                ),
            );
        }
    }
    (diags.len() == before).then_some(units)
}

fn read_json(file: &Arc<str>, text: &str, diags: &mut Diagnostics) -> Option<Vec<PreviousUnit>> {
    let doc: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            diags.error(
                Location::new(file, e.line()).with_column(e.column()),
                msg!("previous-bad-json", reason = e.to_string()),
            );
            return None;
        }
    };
    let at = Location::new(file, 1);
    let schema = doc
        .get("schema")
        .and_then(|s| s.as_str())
        .unwrap_or_default();
    if schema != crate::model::results::SCHEMA {
        diags.error(at, msg!("previous-bad-schema", schema = schema));
        return None;
    }
    let before = diags.len();
    let mut out = Vec::new();
    let Some(rubrics) = doc.get("rubrics").and_then(|r| r.as_array()) else {
        diags.error(at, msg!("previous-json-shape", key = "rubrics"));
        return None;
    };
    for r in rubrics {
        let rubric = r.get("id").and_then(|v| v.as_str()).unwrap_or_default();
        let Some(units) = r.get("units").and_then(|u| u.as_array()) else {
            diags.error(at.clone(), msg!("previous-json-shape", key = "units"));
            continue;
        };
        for u in units {
            let text = |k: &str| u.get(k).and_then(|v| v.as_str()).map(str::to_string);
            let total = text("total").and_then(|t| num::parse_plain(&t).ok());
            let rank = u.get("rank").and_then(|v| v.as_u64());
            match (text("id"), text("name"), total, text("grade"), rank) {
                (Some(id), Some(name), Some(total), Some(grade), Some(rank)) => {
                    out.push(PreviousUnit {
                        rubric: rubric.to_string(),
                        id,
                        name,
                        total,
                        grade,
                        grade_label: text("grade_label"),
                        rank: usize::try_from(rank).unwrap_or(usize::MAX),
                        veto: u.get("veto").and_then(|v| v.as_bool()).unwrap_or(false),
                        at: at.clone(),
                    })
                }
                _ => diags.error(
                    at.clone(),
                    msg!(
                        "previous-json-unit",
                        rubric = rubric,
                        unit = text("id").unwrap_or_default()
                    ),
                ),
            }
        }
    }
    (diags.len() == before).then_some(out)
}

/// The columns of `score --format csv` that a comparison reads.
const CSV_COLUMNS: [&str; 6] = ["rubric", "rank", "unit_id", "unit", "total", "grade"];

fn read_csv(file: &Arc<str>, text: &str, diags: &mut Diagnostics) -> Option<Vec<PreviousUnit>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_string()).collect(),
        Err(_) => Vec::new(),
    };
    let col = |name: &str| header.iter().position(|h| h == name);
    let missing: Vec<&str> = CSV_COLUMNS
        .iter()
        .copied()
        .filter(|c| col(c).is_none())
        .collect();
    if !missing.is_empty() {
        diags.error(
            Location::new(file, 1),
            msg!(
                "previous-bad-columns",
                missing = crate::text::list(missing.iter().copied())
            ),
        );
        return None;
    }
    let idx = CSV_COLUMNS.map(|c| col(c).unwrap_or(0));
    let label = col("grade_label");
    let veto = col("veto");
    let before = diags.len();
    let mut out = Vec::new();
    for record in reader.records() {
        let Ok(record) = record else {
            diags.error(Location::new(file, 0), msg!("previous-bad-csv"));
            return None;
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let at = Location::new(file, line);
        let cell = |k: usize| record.get(idx[k]).unwrap_or("").trim();
        // This tool writes a leading ' before a name a spreadsheet would run.
        let unquote = |s: &str| s.strip_prefix('\'').unwrap_or(s).to_string();
        let total = num::parse_plain(cell(4)).ok();
        let rank = cell(1).parse::<usize>().ok();
        match (total, rank) {
            (Some(total), Some(rank)) if !cell(2).is_empty() => out.push(PreviousUnit {
                rubric: cell(0).to_string(),
                id: unquote(cell(2)),
                name: unquote(cell(3)),
                total,
                grade: cell(5).to_string(),
                grade_label: label
                    .and_then(|l| record.get(l))
                    .map(|s| s.trim().to_string()),
                rank,
                veto: veto
                    .and_then(|v| record.get(v))
                    .is_some_and(|s| s.trim() == "true"),
                at,
            }),
            _ => diags.error(at, msg!("previous-csv-row")),
        }
    }
    (diags.len() == before).then_some(out)
}
