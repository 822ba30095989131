//! Writing CSV cells: quoted as CSV needs, and never run as a formula.

use crate::num::parse_plain;

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
