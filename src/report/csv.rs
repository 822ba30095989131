//! `--format csv`: one row per unit, the columns of the spec, formula-safe.

use crate::num::{fixed, parse_plain, plain};
use crate::rubric::Catalog;
use crate::score::Results;

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

/// A text cell a spreadsheet would run as a formula gets a leading `'`
/// (OWASP "CSV injection"); numbers are left alone.
pub fn formula_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && parse_plain(cell).is_err() {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Quotes a cell as CSV needs (commas, quotes, line breaks), after making it formula-safe.
pub fn csv_cell(cell: &str) -> String {
    let safe = formula_safe(cell);
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe.into_owned()
    }
}

/// One row per unit, under the spec's header, in every language alike: the
/// columns are a contract with scripts (the workbook is for people).
pub fn render(catalog: &Catalog, results: &Results) -> String {
    let mut out = HEADER.join(",");
    out.push('\n');
    for rr in &results.rubrics {
        let r = &catalog.rubrics[rr.rubric];
        for u in &rr.units {
            let unit = &r.units[u.unit];
            let grade = &r.grades[u.grade];
            let row = [
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
            ];
            let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_but_numbers_kept() {
        assert_eq!(formula_safe("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(formula_safe("@x"), "'@x");
        assert_eq!(formula_safe("-1.5"), "-1.5");
        assert_eq!(formula_safe("+3"), "+3");
        assert_eq!(formula_safe("-x"), "'-x");
        assert_eq!(formula_safe("塔城市"), "塔城市");
    }

    #[test]
    fn quotes_what_csv_needs() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=1,2"), "\"'=1,2\"");
    }
}
