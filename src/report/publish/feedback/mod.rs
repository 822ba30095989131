//! Each unit's rectification ledger (整改台账, `反馈/UNIT.xlsx`) of `publish`
//! (`docs/office.md`, "反馈/UNIT.xlsx"): on the first sheet the unit's
//! header (total, grade, rank, the date the ledger is due back), then one
//! row per thing to put right: the veto, the scorers' general remarks
//! (综合意见), each line that cost the unit points; the office's columns
//! (序号, 指标, 分值, 得分, 失分, 失分原因) locked, the unit's (整改措施, 责任
//!科室, 责任人, 整改时限, 整改情况 as a drop-down, 佐证材料) open; on the
//! second, every daily record of the unit; on a third, hidden, what
//! `assess rectify` recognises the ledger by (`input::ledger`).
//!
//! A bonus line (a leaf of a bonus part, or one scored by additions alone)
//! is never a loss (`Paperwork::lost`). A wide table's row note is split
//! among the lines it names; what names none is one row of 综合意见.
//!
//! Numbers are written as numbers (never formulas), the nearest binary
//! value to the exact decimal, shown at the rubric's decimals. Every cell
//! is set in SimSun marked as a GB2312 font, so no spreadsheet shows the
//! text in a Japanese face.

mod format;
mod info;
mod reasons;
mod records;
mod sheet;

pub use format::cjk;
use format::{Cols, Formats};
use info::info_sheet;
use records::records_sheet;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::paperwork::{Lost, Paperwork};
use crate::date::Date;
use crate::model::catalog::UnitRef;
use crate::model::ledger::RowKind;
use crate::model::results::{RubricResult, UnitResult};
use crate::model::rubric::Rubric;
use crate::text::i18n::Message;
use crate::text::i18n::msg;

/// Every unit's workbook as (file name, bytes), units in the order of the
/// results (rubric by rubric, by rank): the ledgers due back by `deadline`
/// (the notice's `deadline`), else with the date left blank to write by hand.
pub fn workbooks_due(
    p: &Paperwork,
    deadline: Option<Date>,
) -> Result<Vec<(String, Vec<u8>)>, Message> {
    let mut taken = Vec::new();
    let mut out = Vec::new();
    for rr in &p.results.rubrics {
        let r = p.rubric(rr);
        for u in &rr.units {
            let unit = &r.units[u.unit];
            let name = file_name(&unit.name, &unit.id, &mut taken)
                .ok_or_else(|| msg!("feedback-no-file-name", unit = &unit.name))?;
            let bytes = workbook(p, rr, u, deadline).map_err(|e| {
                msg!(
                    "feedback-cannot-build",
                    unit = &unit.name,
                    reason = e.to_string()
                )
            })?;
            out.push((name, bytes));
        }
    }
    Ok(out)
}

/// A unit's file name: its name with the characters no file name may hold
/// on Windows (`/ \ : * ? " < > |` and control characters) replaced by `_`,
/// trailing dots and spaces dropped, at most 200 bytes, then `.xlsx`. A name
/// that is empty afterwards, reserved on Windows (CON, PRN, AUX, NUL,
/// COM0-9, LPT0-9, whatever follows a dot: `nul.txt` is NUL), or taken by
/// another unit's (ignoring case and Unicode normalisation, as Windows and
/// macOS do) gets the unit's id after its first part (`nul-u7.txt`), then a
/// number. `None` when no free name is found (it always is, but the search
/// is bounded).
pub fn file_name(name: &str, id: &str, taken: &mut Vec<String>) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    const MAX_STEM: usize = 200;
    let clean = |s: &str, max: usize| -> String {
        let replaced: String = s
            .chars()
            .map(|c| {
                if "/\\:*?\"<>|".contains(c) || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        let mut out = replaced.trim().trim_end_matches(['.', ' ']).to_string();
        if out.len() > max {
            let cut = (0..=max)
                .rev()
                .find(|&k| out.is_char_boundary(k))
                .unwrap_or(0);
            out.truncate(cut);
            out = out.trim_end_matches(['.', ' ']).to_string();
        }
        out
    };
    let key = |s: &str| -> String { s.nfc().collect::<String>().to_lowercase() };
    let free = |s: &str, taken: &[String]| {
        !s.is_empty() && !reserved(s) && !taken.iter().any(|t| key(t) == key(s))
    };
    let mut stem = clean(name, MAX_STEM);
    if !free(&stem, taken) {
        let id = clean(id, 40);
        // The id goes after the first part, which alone makes a name reserved.
        stem = match stem.split_once('.') {
            _ if stem.is_empty() => id,
            Some((first, rest)) => format!("{first}-{id}.{rest}"),
            None => format!("{stem}-{id}"),
        };
        let base = stem.clone();
        let mut n = 2;
        while !free(&stem, taken) {
            if n > taken.len() + 2 {
                return None;
            }
            stem = format!("{base}-{n}");
            n += 1;
        }
    }
    taken.push(stem.clone());
    Some(format!("{stem}.xlsx"))
}

/// A name Windows keeps for a device, whatever follows its first dot.
fn reserved(s: &str) -> bool {
    let first = s.split('.').next().unwrap_or("").trim_end().to_uppercase();
    let device = |prefix: &str| {
        first.strip_prefix(prefix).is_some_and(|n| {
            n.chars().count() == 1 && n.chars().all(|c| c.is_ascii_digit() || "¹²³".contains(c))
        })
    };
    matches!(first.as_str(), "CON" | "PRN" | "AUX" | "NUL") || device("COM") || device("LPT")
}

/// One row of the ledger: a thing to put right.
struct LedgerRow<'a> {
    kind: RowKind,
    indicator: String,
    /// A line's points, for a line row.
    lost: Option<Lost<'a>>,
    reason: String,
    /// The line's criteria (评分标准), shown once, as the 指标 cell's note.
    criteria: Option<String>,
}

fn workbook(
    p: &Paperwork,
    rr: &RubricResult,
    u: &UnitResult,
    deadline: Option<Date>,
) -> Result<Vec<u8>, XlsxError> {
    let r = p.rubric(rr);
    let unit = &r.units[u.unit];
    let title = p.tr(msg!(
        "ledger-title",
        unit = &unit.name,
        subject = p.subject()
    ));
    let mut book = Workbook::new();
    book.set_properties(&crate::report::workbook_properties(p.catalog, &title));
    book.set_default_format(&cjk(Format::new()), 18, 64)?;
    let me = UnitRef {
        rubric: rr.rubric,
        unit: u.unit,
    };
    let with_self = p.compare.claims.is_some();
    let list = Ledger {
        p,
        rr,
        u,
        r,
        me,
        f: Formats::new(r.decimals),
        claims: p
            .compare
            .claims
            .as_ref()
            .and_then(|c| c.of(rr.rubric, u.unit)),
        cols: Cols { with_self },
        deadline,
    };
    let sheet_name = p.tr(msg!("feedback-sheet-lost"));
    let sheet = book.add_worksheet();
    sheet.set_name(&sheet_name)?;
    let (unit_cell, written) = list.sheet(sheet, &title)?;
    records_sheet(p, &mut book, r, me)?;
    let info = book.add_worksheet();
    info_sheet(info, &list, &sheet_name, unit_cell, &written)?;
    book.save_to_buffer()
}

/// One unit's ledger and how it is laid out.
struct Ledger<'a> {
    p: &'a Paperwork<'a>,
    rr: &'a RubricResult,
    u: &'a UnitResult,
    r: &'a Rubric,
    me: UnitRef,
    f: Formats,
    claims: Option<&'a crate::model::compare::SelfScore>,
    cols: Cols,
    deadline: Option<Date>,
}

enum Fact {
    Text(String),
    Score(Decimal),
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn reserved_names_with_a_suffix_get_the_id_after_their_first_part() {
        let mut taken = Vec::new();
        assert_eq!(
            file_name("nul.txt", "u7", &mut taken).as_deref(),
            Some("nul-u7.txt.xlsx")
        );
        assert_eq!(
            file_name("CON.x", "c", &mut taken).as_deref(),
            Some("CON-c.x.xlsx")
        );
        assert_eq!(
            file_name("aux.y", "aux.z", &mut taken).as_deref(),
            Some("aux-aux.z.y.xlsx")
        );
        assert_eq!(
            file_name("COM¹", "p", &mut taken).as_deref(),
            Some("COM¹-p.xlsx")
        );
        assert_eq!(
            file_name("LPT9", "p", &mut taken).as_deref(),
            Some("LPT9-p.xlsx")
        );
    }

    fn names() -> impl Strategy<Value = Vec<(String, String)>> {
        let name = prop_oneof![
            "[a-zA-Z0-9 ._/\\\\:*?\"<>|\\x00-\\x1f]{0,12}",
            "(con|CON|nul|Aux|prn|com[0-9]|LPT[1-9]|COM¹)(\\.[a-z]{0,3}){0,2}",
            "[县市局é]{1,4}",
            "e\u{301}|\u{e9}|E\u{301}",
            "[a-z]{300,400}",
        ];
        prop::collection::vec((name, "[a-z0-9.]{0,6}"), 1..30)
    }

    proptest! {
        /// Every name made is a file name on every system, and no two are
        /// the same file where case or Unicode normalisation is ignored.
        #[test]
        fn file_names_are_safe_and_unique(units in names()) {
            let mut taken = Vec::new();
            let mut made: Vec<String> = Vec::new();
            for (name, id) in &units {
                let f = file_name(name, id, &mut taken).expect("a name is always found");
                prop_assert!(f.len() <= 255, "{f} is too long");
                prop_assert!(f.ends_with(".xlsx"));
                let stem = f.trim_end_matches(".xlsx");
                prop_assert!(!stem.is_empty());
                prop_assert!(!reserved(stem), "{f} is reserved");
                prop_assert!(!stem.ends_with(['.', ' ']), "{f} ends badly");
                prop_assert!(
                    !f.chars().any(|c| "/\\:*?\"<>|".contains(c) || c.is_control()),
                    "{f:?} holds a character no file name may"
                );
                let key = |s: &str| s.nfc().collect::<String>().to_lowercase();
                prop_assert!(!made.iter().any(|m| key(m) == key(&f)), "{f} twice");
                made.push(f);
            }
        }
    }
}
