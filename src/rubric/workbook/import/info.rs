//! 基本信息: the rubric's id, title, year, scale, decimal places, ranking,
//! period and conversion, one per row (a label, the value after it), and
//! the grades (等次) in a table of their own below them; the rows of part
//! three (`settings`) and a grade's 名额 besides.

use std::collections::HashMap;

use super::cells::{At, Errors, Sheet, Value, header_text};
use super::columns::{columns, require};
use super::settings::{SETTING_LABELS, quota, read_settings};
use super::values::{date, integer, number, unique};
use super::vocabulary::{
    COL_GRADE, COL_GRADE_MIN, COL_ID, COL_QUOTA, INFO_CONVERSION, INFO_CONVERSION_LABEL,
    INFO_DECIMALS, INFO_ID, INFO_PERIOD, INFO_RANKING, INFO_TITLE, INFO_TOTAL, INFO_YEAR,
    RANKING_COMPETITION, RANKING_DENSE, level_name,
};
use crate::date::Date;
use crate::model::rubric::Ranking;
use crate::rubric::toml_out::{Draft, DraftGrade, Period};
use crate::text::i18n::msg;

/// The labels a row of 基本信息 may start with.
const LABELS: [&str; 9] = [
    INFO_ID,
    INFO_TITLE,
    INFO_YEAR,
    INFO_TOTAL,
    INFO_DECIMALS,
    INFO_RANKING,
    INFO_PERIOD,
    INFO_CONVERSION,
    INFO_CONVERSION_LABEL,
];

pub(super) fn read_info(s: &Sheet, items: Option<&Sheet>, d: &mut Draft<At>, e: &mut Errors) {
    let info = Info::find(s);
    match info.rows.contains_key(INFO_ID) {
        true => d.id = info.value_text(INFO_ID, e),
        false => info.missing(INFO_ID, e),
    }
    d.title = info.title(items, e);
    info.read_year(d, e);
    info.read_total(d, e);
    d.decimals = info.decimals(e);
    d.ranking = info.ranking(e);
    if let Some(&(r, c)) = info.rows.get(INFO_PERIOD) {
        d.period = Some(period(s, r, c, e));
    }
    info.read_conversion(d, e);
    read_settings(s, &info.rows, d, e);
    let Some(hr) = info.grade_header else {
        info.missing(COL_GRADE, e);
        return;
    };
    read_grades(&info, hr, d, e);
}

/// Where the values of 基本信息 are.
struct Info<'s> {
    s: &'s Sheet,
    /// Label -> (row, column) of the first row it starts; the value is in
    /// the cell after it.
    rows: HashMap<String, (u32, u32)>,
    /// The header row of the grades: the first row starting with 等次.
    grade_header: Option<u32>,
}

impl<'s> Info<'s> {
    fn find(s: &'s Sheet) -> Self {
        // Each row: a label in its first cell, the value after it.
        let mut rows: HashMap<String, (u32, u32)> = HashMap::new();
        let mut grade_header = None;
        for r in s.rows() {
            let Some((c, t)) = s.row_cells(r).next() else {
                continue;
            };
            let label = header_text(&t);
            if label == COL_GRADE {
                grade_header.get_or_insert(r);
            } else if LABELS.contains(&label.as_str()) || SETTING_LABELS.contains(&label.as_str()) {
                rows.entry(label).or_insert((r, c));
            }
        }
        Info {
            s,
            rows,
            grade_header,
        }
    }

    fn missing(&self, key: &str, e: &mut Errors) {
        e.at(self.s.at(0, 0), msg!("import-info-missing", key = key));
    }

    /// The text after a label; its row must hold one.
    fn value_text(&self, key: &str, e: &mut Errors) -> Option<(String, At)> {
        let s = self.s;
        let &(r, c) = self.rows.get(key)?;
        match s.text(r, c + 1) {
            Some(t) => Some((t, s.at(r, c + 1))),
            None => {
                e.at(s.at(r, c + 1), msg!("import-cell-empty", column = key));
                None
            }
        }
    }

    fn title(&self, items: Option<&Sheet>, e: &mut Errors) -> Option<(String, At)> {
        if self.rows.contains_key(INFO_TITLE) {
            return self.value_text(INFO_TITLE, e);
        }
        // An office's 细则 carries its title above the header row.
        items
            .and_then(|i| {
                let header = i.header_row(&[level_name(1).as_str()])?;
                i.rows()
                    .into_iter()
                    .take_while(|r| *r < header)
                    .find_map(|r| i.row_cells(r).next().map(|(c, t)| (t, i.at(r, c))))
            })
            .or_else(|| {
                self.missing(INFO_TITLE, e);
                None
            })
    }

    fn read_year(&self, d: &mut Draft<At>, e: &mut Errors) {
        let s = self.s;
        match self.rows.get(INFO_YEAR) {
            Some(&(r, c)) => {
                if s.text(r, c + 1).is_none() {
                    e.at(
                        s.at(r, c + 1),
                        msg!("import-cell-empty", column = INFO_YEAR),
                    );
                }
                d.year = integer(s, r, c + 1, INFO_YEAR, e).map(|y| (y, s.at(r, c + 1)));
            }
            None => self.missing(INFO_YEAR, e),
        }
    }

    fn read_total(&self, d: &mut Draft<At>, e: &mut Errors) {
        let s = self.s;
        match self.rows.get(INFO_TOTAL) {
            Some(&(r, c)) => match number(s, r, c + 1, INFO_TOTAL, e) {
                Ok(Some(t)) => d.total = Some((t, s.at(r, c + 1))),
                Ok(None) => e.at(
                    s.at(r, c + 1),
                    msg!("import-cell-empty", column = INFO_TOTAL),
                ),
                Err(()) => {}
            },
            None => self.missing(INFO_TOTAL, e),
        }
    }

    /// 小数位数, 2 when the row is left out.
    fn decimals(&self, e: &mut Errors) -> Option<(u32, At)> {
        let s = self.s;
        match self.rows.get(INFO_DECIMALS) {
            Some(&(r, c)) => integer(s, r, c + 1, INFO_DECIMALS, e)
                .map(|n| (u32::try_from(n).unwrap_or(u32::MAX), s.at(r, c + 1))),
            None => Some((2, s.at(0, 0))),
        }
    }

    /// 排名方式, competition when the row or its value is left out.
    fn ranking(&self, e: &mut Errors) -> Option<(Ranking, At)> {
        let s = self.s;
        let Some(&(r, c)) = self.rows.get(INFO_RANKING) else {
            return Some((Ranking::Competition, s.at(0, 0)));
        };
        let Some(t) = s.text(r, c + 1) else {
            return Some((Ranking::Competition, s.at(r, c)));
        };
        match header_text(&t).as_str() {
            RANKING_COMPETITION | "competition" => Some((Ranking::Competition, s.at(r, c + 1))),
            RANKING_DENSE | "dense" => Some((Ranking::Dense, s.at(r, c + 1))),
            _ => {
                e.at(
                    s.at(r, c + 1),
                    msg!(
                        "import-ranking-unknown",
                        value = t,
                        competition = RANKING_COMPETITION,
                        dense = RANKING_DENSE
                    ),
                );
                None
            }
        }
    }

    /// 折算分值 and, optionally, 折算名称 (which needs the points).
    fn read_conversion(&self, d: &mut Draft<At>, e: &mut Errors) {
        let s = self.s;
        match (
            self.rows.get(INFO_CONVERSION),
            self.rows.get(INFO_CONVERSION_LABEL),
        ) {
            (Some(&(r, c)), label) => {
                let points = match number(s, r, c + 1, INFO_CONVERSION, e) {
                    Ok(Some(p)) => Some((p, s.at(r, c + 1))),
                    Ok(None) => {
                        e.at(
                            s.at(r, c + 1),
                            msg!("import-cell-empty", column = INFO_CONVERSION),
                        );
                        None
                    }
                    Err(()) => None,
                };
                let label = label.and_then(|&(r, c)| s.text(r, c + 1).map(|t| (t, s.at(r, c + 1))));
                d.conversion = Some((s.at(r, c), points, label));
            }
            (None, Some(_)) => self.missing(INFO_CONVERSION, e),
            (None, None) => {}
        }
    }
}

/// 考核期 at row `r`, its label in column `c`: a start and an end cell, or
/// one cell holding both.
fn period(s: &Sheet, r: u32, c: u32, e: &mut Errors) -> Period<At> {
    let (start, end) = match (s.value(r, c + 1), s.text(r, c + 2)) {
        // One cell holding both: 2020-01-01至2020-12-31.
        (Some(Value::Text(t)), None) => period_in_one_cell(s.at(r, c + 1), t, e),
        _ => {
            let start = date(s, r, c + 1, e);
            let end = date(s, r, c + 2, e);
            if start.is_some() && end.is_none() && s.text(r, c + 2).is_none() {
                let value = s.text(r, c + 1).unwrap_or_default();
                e.at(s.at(r, c + 2), msg!("import-period-end", value = value));
            }
            (start, end)
        }
    };
    let start = start.map(|x| (x, s.at(r, c + 1)));
    let end_at = if s.text(r, c + 2).is_some() {
        c + 2
    } else {
        c + 1
    };
    let end = end.map(|x| (x, s.at(r, end_at)));
    (s.at(r, c), start, end)
}

/// `2020-01-01至2020-12-31`, written in the cell at `at`.
fn period_in_one_cell(at: At, t: &str, e: &mut Errors) -> (Option<Date>, Option<Date>) {
    let parts: Vec<&str> = t
        .split(['至', '~', '～', '—', '–'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [a, b] => match (Date::parse(a), Date::parse(b)) {
            (Some(a), Some(b)) => (Some(a), Some(b)),
            _ => {
                e.at(at, msg!("import-not-date", value = t.trim()));
                (None, None)
            }
        },
        _ => {
            e.at(at, msg!("import-period-end", value = t.trim()));
            (None, None)
        }
    }
}

/// The grades below their header row `hr`, down to the first row that is
/// neither a grade nor blank, or that holds one of the labels above.
fn read_grades(info: &Info, hr: u32, d: &mut Draft<At>, e: &mut Errors) {
    let s = info.s;
    let known: Vec<String> = [COL_GRADE, COL_ID, COL_GRADE_MIN, COL_QUOTA]
        .iter()
        .map(|x| x.to_string())
        .collect();
    let cols = columns(s, hr, &known, e);
    if !require(s, hr, &cols, &[COL_GRADE, COL_GRADE_MIN], e) {
        return;
    }
    let (lc, mc) = (cols[COL_GRADE], cols[COL_GRADE_MIN]);
    let ic = cols.get(COL_ID).copied();
    let qc = cols.get(COL_QUOTA).copied();
    for r in s.rows().into_iter().filter(|r| *r > hr) {
        let Some(label) = s.text(r, lc) else {
            if s.row_cells(r).next().is_some() {
                break;
            }
            continue;
        };
        if info.rows.values().any(|(kr, _)| *kr == r) {
            break;
        }
        let id = ic
            .and_then(|c| s.text(r, c).map(|t| (t, s.at(r, c))))
            .unwrap_or_else(|| (label.clone(), s.at(r, lc)));
        let min = match number(s, r, mc, COL_GRADE_MIN, e) {
            Ok(Some(m)) => Some((m, s.at(r, mc))),
            Ok(None) => {
                e.at(
                    s.at(r, mc),
                    msg!("import-grade-no-min", grade = label.as_str()),
                );
                None
            }
            Err(()) => None,
        };
        d.grades.push(DraftGrade {
            at: s.at(r, lc),
            id: Some(id),
            label: Some((label, s.at(r, lc))),
            min,
            quota: qc.and_then(|c| quota(s, r, c, e)),
        });
    }
    if d.grades.is_empty() {
        e.at(s.at(hr, lc), msg!("import-no-grades"));
    }
    // Ids and labels share one name space, as the rubric's loader checks
    // them, but a grade whose id is its own label is one grade, not two.
    unique(
        d.grades.iter().filter_map(|g| g.label.as_ref()).chain(
            d.grades
                .iter()
                .filter(|g| match (&g.id, &g.label) {
                    (Some((id, _)), Some((label, _))) => id != label,
                    _ => true,
                })
                .filter_map(|g| g.id.as_ref())
                .filter(|(_, a)| a.col != lc),
        ),
        msg!("import-what-grade"),
        e,
    );
}
