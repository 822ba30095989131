//! `--format csv`: one row per unit, the columns of the spec, formula-safe.

use crate::model::catalog::Catalog;
use crate::model::compare::Comparison;
use crate::model::results::Results;
use crate::num::{fixed, plain};
use crate::tables::csv::csv_cell;

/// The columns of the spec (the default, a contract with scripts).
pub const HEADER: [&str; 10] = [
    "rubric",
    "rank",
    "unit_id",
    "unit",
    "total",
    "grade",
    "grade_label",
    "deducted",
    "added",
    "veto",
];

/// One row per unit, under the spec's header, in every language alike: the
/// columns are a contract with scripts (the workbook is for people).
///
/// After the spec's columns come `scaled,provisional`, then
/// `scored,bonus,penalty` when some rubric has a bonus or penalty part or a
/// floor, then `converted` when some rubric declares a `[conversion]`
/// (empty for the others).
pub fn render(catalog: &Catalog, results: &Results, compare: &Comparison) -> String {
    let converts = results
        .rubrics
        .iter()
        .any(|rr| catalog.rubrics[rr.rubric].conversion.is_some());
    let parts = catalog.rubrics.iter().any(|r| r.has_parts());
    let mut header: Vec<&str> = HEADER.to_vec();
    header.extend(["scaled", "provisional"]);
    if parts {
        header.extend(["scored", "bonus", "penalty"]);
    }
    if converts {
        header.push("converted");
    }
    if compare.claims.is_some() {
        header.extend(["self_total", "self_difference"]);
    }
    if compare.previous.is_some() {
        header.extend(["previous_total", "change", "previous_rank", "rank_change"]);
    }
    let mut out = header.join(",");
    out.push('\n');
    for rr in &results.rubrics {
        let r = &catalog.rubrics[rr.rubric];
        for u in &rr.units {
            let unit = &r.units[u.unit];
            let grade = &r.grades[u.grade];
            let mut row = vec![
                r.id.clone(),
                u.rank.to_string(),
                unit.id.clone(),
                unit.name.clone(),
                fixed(u.total, r.decimals),
                grade.id.clone(),
                grade.label.clone(),
                plain(u.deducted),
                plain(u.added),
                u.veto.is_some().to_string(),
                u.scaled.to_string(),
                u.provisional().to_string(),
            ];
            if parts {
                row.extend([
                    fixed(u.scored, r.decimals),
                    fixed(u.bonus, r.decimals),
                    fixed(u.penalty, r.decimals),
                ]);
            }
            if converts {
                row.push(u.converted.map_or(String::new(), |c| fixed(c, r.decimals)));
            }
            if let Some(c) = &compare.claims {
                match c.of(rr.rubric, u.unit) {
                    Some(x) => {
                        row.extend([fixed(x.total, r.decimals), fixed(x.difference, r.decimals)])
                    }
                    None => row.extend([String::new(), String::new()]),
                }
            }
            if let Some(p) = &compare.previous {
                match p.of(rr.rubric, u.unit) {
                    Some(x) => row.extend([
                        fixed(x.total, r.decimals),
                        fixed(x.change, r.decimals),
                        x.rank.to_string(),
                        x.rank_change.to_string(),
                    ]),
                    // New this year: nothing to compare with.
                    None => {
                        row.extend([String::new(), String::new(), String::new(), String::new()])
                    }
                }
            }
            let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
    }
    out
}
