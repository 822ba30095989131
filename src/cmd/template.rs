//! `assess template annual|daily|published`: a blank table for the loaded
//! rubrics, to fill in a spreadsheet and give back to `score` or `verify`:
//! CSV, or a workbook with data validation (`report::template_xlsx`).
//!
//! Annual templates come in two layouts: long (one row per unit, item and
//! scorer, the default, read by every version of the reader) and wide (评分表:
//! one row per unit, one column per item of one scorer, SPEC 10). A wide
//! table holds one rubric and one scorer: a workbook has one sheet per
//! rubric and scorer, a CSV file needs `--id` and `--scorer` to pick one
//! when there are several.

use std::path::Path;

use super::Outcome;
use super::output::{emit, format_for, not_an_input, workbook_file};
use crate::cli::{TemplateArgs, TemplateFormat, TemplateKind, TemplateLayout};
use crate::input::{annual, daily, published};
use crate::msg;
use crate::report::csv_cell;
use crate::report::template_xlsx::{self as xlsx, Part, heading, name};
use crate::rubric::{Catalog, load_rubrics};
use crate::text::diag::{Diagnostics, Failure};
use crate::text::i18n::{Lang, Message};

pub fn run(args: &TemplateArgs) -> Outcome {
    let lang = crate::text::i18n::lang();
    let format = usage(args)?;
    let mut diags = Diagnostics::new();
    let Some(catalog) = load_rubrics(&args.rubrics.rubrics, &mut diags) else {
        return Err(diags.into());
    };
    let rubrics = chosen_rubrics(&catalog, args.id.as_deref())?;
    let workbook = |bytes: Result<Vec<u8>, Message>| -> Outcome {
        emit(bytes?, Some(workbook_file(args.output.as_deref())?))
    };
    match args.kind {
        TemplateKind::Annual => {
            let layout = args.layout.unwrap_or_default();
            let parts = parts(&catalog, &rubrics, args.scorer.as_deref(), layout)?;
            match (layout, format) {
                (TemplateLayout::Long, TemplateFormat::Csv) => {
                    csv(args, &annual_long_rows(&catalog, &parts, lang))
                }
                (TemplateLayout::Wide, TemplateFormat::Csv) => match parts.as_slice() {
                    [
                        Part {
                            rubric,
                            scorer: Some(scorer),
                        },
                    ] => csv(args, &wide_rows(&catalog, *rubric, *scorer, lang)),
                    _ => Err(one_sheet_only(&catalog, &parts).into()),
                },
                (TemplateLayout::Long, TemplateFormat::Xlsx) => {
                    workbook(xlsx::annual_long(&catalog, &parts, lang))
                }
                (TemplateLayout::Wide, TemplateFormat::Xlsx) => {
                    workbook(xlsx::annual_wide(&catalog, &parts, lang))
                }
            }
        }
        TemplateKind::Daily => match format {
            TemplateFormat::Csv => csv(args, &[header(daily::COLUMNS, lang)]),
            TemplateFormat::Xlsx => workbook(xlsx::daily(&catalog, &rubrics, lang)),
        },
        TemplateKind::Published => match format {
            TemplateFormat::Csv => {
                let mut rows = vec![header(published::COLUMNS, lang)];
                for &r in &rubrics {
                    for u in &catalog.rubrics[r].units {
                        let mut row = vec![name(&u.id, &u.name, lang)];
                        row.resize(published::COLUMNS.len(), String::new());
                        rows.push(row);
                    }
                }
                csv(args, &rows)
            }
            TemplateFormat::Xlsx => workbook(xlsx::published(&catalog, &rubrics, lang)),
        },
    }
}

/// What the command line alone can tell: the format (`--format`, else the
/// extension of `--output`, else CSV), flags that belong to annual
/// templates, a workbook without a file, an output that is a rubric.
fn usage(args: &TemplateArgs) -> Result<TemplateFormat, Failure> {
    let format = format_for(
        args.format,
        args.output.as_deref(),
        &[
            ("csv", TemplateFormat::Csv, "csv"),
            ("xlsx", TemplateFormat::Xlsx, "xlsx"),
        ],
        TemplateFormat::Csv,
    )?;
    if args.kind != TemplateKind::Annual {
        if args.scorer.is_some() {
            return Err(msg!("template-annual-only", flag = "--scorer").into());
        }
        if args.layout.is_some() {
            return Err(msg!("template-annual-only", flag = "--layout").into());
        }
    }
    if format == TemplateFormat::Xlsx {
        workbook_file(args.output.as_deref())?;
    }
    let rubrics: Vec<&Path> = args.rubrics.rubrics.iter().map(|p| p.as_path()).collect();
    not_an_input(args.output.as_deref(), &rubrics)?;
    Ok(format)
}

/// The rubrics the template is for: `--id`, else every one loaded.
fn chosen_rubrics(catalog: &Catalog, id: Option<&str>) -> Result<Vec<usize>, Message> {
    let Some(id) = id else {
        return Ok((0..catalog.rubrics.len()).collect());
    };
    match catalog.rubrics.iter().position(|r| r.id == id) {
        Some(r) => Ok(vec![r]),
        None => {
            let ids: Vec<&str> = catalog.rubrics.iter().map(|r| r.id.as_str()).collect();
            Err(msg!(
                "rubric-unknown-id",
                id = id,
                hint = crate::text::diag::hint(id, ids.iter().copied()),
                ids = crate::input::list(ids)
            ))
        }
    }
}

/// The parts of an annual template: with `--scorer`, that scorer in each
/// rubric that has it (an error when none does, or when it scores
/// nothing); without, each rubric whole (long) or each rubric's scorers
/// one by one (wide).
fn parts(
    catalog: &Catalog,
    rubrics: &[usize],
    scorer: Option<&str>,
    layout: TemplateLayout,
) -> Result<Vec<Part>, Message> {
    let mut parts = Vec::new();
    match scorer {
        Some(key) => {
            let mut known = false;
            for &r in rubrics {
                let rubric = &catalog.rubrics[r];
                if let Some(s) = rubric.scorer(key) {
                    known = true;
                    if !xlsx::leaves(rubric, Some(s)).is_empty() {
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
                    scorers = crate::input::list(entries)
                ));
            }
            if parts.is_empty() {
                return Err(msg!("template-scorer-scores-nothing", scorer = key));
            }
        }
        None => {
            for &r in rubrics {
                let rubric = &catalog.rubrics[r];
                match layout {
                    TemplateLayout::Long => parts.push(Part {
                        rubric: r,
                        scorer: None,
                    }),
                    TemplateLayout::Wide => {
                        for s in 0..rubric.scorers.len() {
                            if !xlsx::leaves(rubric, Some(s)).is_empty() {
                                parts.push(Part {
                                    rubric: r,
                                    scorer: Some(s),
                                });
                            }
                        }
                    }
                }
            }
            if layout == TemplateLayout::Wide && parts.is_empty() {
                return Err(msg!("template-nothing-to-score"));
            }
        }
    }
    Ok(parts)
}

/// Why a wide CSV file cannot hold these parts, and the choices.
fn one_sheet_only(catalog: &Catalog, parts: &[Part]) -> Message {
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
        choices = crate::input::list(choices)
    )
}

/// The header row of a table the readers know.
fn header(columns: &[crate::input::table::Column], lang: Lang) -> Vec<String> {
    columns
        .iter()
        .map(|c| heading(columns, c.key, lang))
        .collect()
}

/// The long annual table: one row per unit, leaf and scorer, score and note empty.
fn annual_long_rows(catalog: &Catalog, parts: &[Part], lang: Lang) -> Vec<Vec<String>> {
    let mut rows = vec![header(annual::COLUMNS, lang)];
    for row in xlsx::long_rows(catalog, parts) {
        let r = &catalog.rubrics[row.rubric];
        let (u, item, s) = (
            &r.units[row.unit],
            &r.items[row.item],
            &r.scorers[row.scorer],
        );
        rows.push(vec![
            name(&u.id, &u.name, lang),
            name(&item.id, &item.title, lang),
            name(&s.id, &s.name, lang),
            String::new(),
            String::new(),
        ]);
    }
    rows
}

/// The wide table of one rubric and scorer: the title block (title, the
/// scorer, the section and group titles over the items), the header, one
/// row per unit, the signature row.
fn wide_rows(catalog: &Catalog, rubric: usize, scorer: usize, lang: Lang) -> Vec<Vec<String>> {
    let w = xlsx::wide(catalog, rubric, scorer, lang);
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
    for lead in &w.rows {
        let mut row = lead.clone();
        row.resize(width, String::new());
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

/// Writes rows as CSV (a BOM first with `--bom`), formula-safe.
fn csv(args: &TemplateArgs, rows: &[Vec<String>]) -> Outcome {
    let mut text = String::new();
    if args.bom {
        text.push('\u{feff}');
    }
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        text.push_str(&cells.join(","));
        text.push('\n');
    }
    emit(&text, args.output.as_deref())
}
