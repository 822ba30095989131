//! Templates as CSV: the same rows as the workbooks, for offices that
//! exchange plain tables.

use super::{Part, heading, leaves, long_rows, name, wide};
use crate::input::{published, scores};
use crate::model::catalog::Catalog;
use crate::tables::csv::csv_cell;
use crate::tables::table::Column;
use crate::text::i18n::msg;
use crate::text::i18n::{Lang, Message};

/// The parts of an annual template: with `--scorer`, that scorer in each
/// rubric that has it (an error when none does, or when it scores
/// nothing); without, each rubric whole (long) or each rubric's scorers
/// one by one (wide).
pub fn parts(
    catalog: &Catalog,
    rubrics: &[usize],
    scorer: Option<&str>,
    wide: bool,
) -> Result<Vec<Part>, Message> {
    let mut parts = Vec::new();
    match scorer {
        Some(key) => {
            let mut known = false;
            for &r in rubrics {
                let rubric = &catalog.rubrics[r];
                if let Some(s) = rubric.scorer(key) {
                    known = true;
                    if !leaves(rubric, Some(s)).is_empty() {
                        parts.push(Part {
                            rubric: r,
                            scorer: Some(s),
                        });
                    }
                }
            }
            if !known {
                let mut names: Vec<&str> = Vec::new();
                let mut entries: Vec<Message> = Vec::new();
                for &r in rubrics {
                    for s in &catalog.rubrics[r].scorers {
                        if !names.contains(&s.id.as_str()) {
                            names.extend([s.id.as_str(), s.name.as_str()]);
                            entries.push(msg!("annual-scorer-entry", id = &s.id, name = &s.name));
                        }
                    }
                }
                return Err(msg!(
                    "template-unknown-scorer",
                    scorer = key,
                    hint = crate::text::diag::hint(key, names.iter().copied()),
                    scorers = crate::text::list(entries)
                ));
            }
            if parts.is_empty() {
                return Err(msg!("template-scorer-scores-nothing", scorer = key));
            }
        }
        None => {
            for &r in rubrics {
                let rubric = &catalog.rubrics[r];
                if !wide {
                    parts.push(Part {
                        rubric: r,
                        scorer: None,
                    });
                    continue;
                }
                for s in 0..rubric.scorers.len() {
                    if !leaves(rubric, Some(s)).is_empty() {
                        parts.push(Part {
                            rubric: r,
                            scorer: Some(s),
                        });
                    }
                }
            }
            if wide && parts.is_empty() {
                return Err(msg!("template-nothing-to-score"));
            }
        }
    }
    Ok(parts)
}

/// Why a wide CSV file cannot hold these parts, and the choices.
pub fn one_sheet_only(catalog: &Catalog, parts: &[Part]) -> Message {
    let choices: Vec<String> = parts
        .iter()
        .filter_map(|p| {
            let r = &catalog.rubrics[p.rubric];
            p.scorer
                .map(|s| format!("--id {} --scorer {}", r.id, r.scorers[s].id))
        })
        .collect();
    msg!(
        "template-wide-csv-one",
        count = choices.len(),
        choices = crate::text::list(choices)
    )
}

/// The header row of a table the readers know.
pub fn header(columns: &[Column], lang: Lang) -> Vec<String> {
    columns
        .iter()
        .map(|c| heading(columns, c.key, lang))
        .collect()
}

/// The long annual table: one row per unit, leaf and scorer, score and note empty.
pub fn annual_long_rows(catalog: &Catalog, parts: &[Part], lang: Lang) -> Vec<Vec<String>> {
    let mut rows = vec![header(scores::COLUMNS, lang)];
    for row in long_rows(catalog, parts) {
        let r = &catalog.rubrics[row.rubric];
        let (u, item, s) = (
            &r.units[row.unit],
            &r.items[row.item],
            &r.scorers[row.scorer],
        );
        // A line the rubric does not apply to the unit is filled: n/a.
        let score = if r.applies(row.item, row.unit) {
            String::new()
        } else {
            super::na_word(lang)
        };
        rows.push(vec![
            name(&u.id, &u.name, lang),
            name(&item.id, &item.title, lang),
            name(&s.id, &s.name, lang),
            score,
            String::new(),
        ]);
    }
    rows
}

/// The wide table of one rubric and scorer: the title block (title, the
/// scorer, the section and group titles over the items), the header, one
/// row per unit, the signature row.
pub fn wide_rows(catalog: &Catalog, rubric: usize, scorer: usize, lang: Lang) -> Vec<Vec<String>> {
    let w = wide(catalog, rubric, scorer, lang);
    let width = w.header.len();
    let mut rows = vec![vec![w.title.clone()], vec![w.scorer_line.clone()]];
    for band in &w.bands {
        let mut row = vec![String::new(); width];
        for (k, cell) in band.iter().enumerate() {
            // A run of the same title is written once, over its first column.
            if k == 0 || band[k - 1] != *cell {
                row[w.first_item + k] = cell.clone().unwrap_or_default();
            }
        }
        rows.push(row);
    }
    rows.push(w.header.clone());
    for (lead, na) in w.rows.iter().zip(&w.na) {
        let mut row = lead.clone();
        row.resize(width, String::new());
        for (k, _) in na.iter().enumerate().filter(|(_, na)| **na) {
            row[w.first_item + k] = super::na_word(lang);
        }
        rows.push(row);
    }
    if !w.footer.is_empty() {
        let mut row = vec![String::new(); width];
        for (c, t) in &w.footer {
            row[*c] = t.clone();
        }
        rows.push(row);
    }
    rows
}

/// The published-results table: one row per unit of the rubrics, to fill.
pub fn published_rows(catalog: &Catalog, rubrics: &[usize], lang: Lang) -> Vec<Vec<String>> {
    let mut rows = vec![header(published::COLUMNS, lang)];
    for &r in rubrics {
        for u in &catalog.rubrics[r].units {
            let mut row = vec![name(&u.id, &u.name, lang)];
            row.resize(published::COLUMNS.len(), String::new());
            rows.push(row);
        }
    }
    rows
}

/// Rows as CSV text (a BOM first when asked), every cell formula-safe.
pub fn text(rows: &[Vec<String>], bom: bool) -> String {
    let mut text = String::new();
    if bom {
        text.push('\u{feff}');
    }
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        text.push_str(&cells.join(","));
        text.push('\n');
    }
    text
}
