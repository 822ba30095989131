//! `assess template annual|daily|published`: a blank table for the loaded
//! rubrics, to fill in a spreadsheet and give back to `score` or `verify`:
//! CSV, or a workbook with data validation (`input::template`).
//!
//! Annual templates come in two layouts: long (one row per unit, item and
//! scorer, the default, read by every version of the reader) and wide (评分表:
//! one row per unit, one column per item of one scorer). A wide
//! table holds one rubric and one scorer: a workbook has one sheet per
//! rubric and scorer, a CSV file needs `--id` and `--scorer` to pick one
//! when there are several.

use std::path::Path;

use super::Outcome;
use super::output::{emit, format_for, not_an_input, workbook_file};
use crate::cli::{TemplateArgs, TemplateFormat, TemplateKind, TemplateLayout};
use crate::input::daily;
use crate::input::template::csv::{
    annual_long_rows, header, one_sheet_only, parts, published_rows, wide_rows,
};
use crate::input::template::{self, Part, measures};
use crate::model::catalog::Catalog;
use crate::rubric::load_rubrics;
use crate::text::diag::{Diagnostics, Failure};
use crate::text::i18n::Message;
use crate::text::i18n::msg;

pub fn run(args: &TemplateArgs) -> Outcome {
    let lang = crate::text::i18n::lang();
    if args.kind == TemplateKind::Notice {
        return notice(args, lang);
    }
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
            let wide = layout == TemplateLayout::Wide;
            let parts = parts(&catalog, &rubrics, args.scorer.as_deref(), wide)?;
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
                    workbook(template::annual_long(&catalog, &parts, lang))
                }
                (TemplateLayout::Wide, TemplateFormat::Xlsx) => {
                    workbook(template::annual_wide(&catalog, &parts, lang))
                }
            }
        }
        TemplateKind::Daily => match format {
            TemplateFormat::Csv => csv(args, &[header(daily::COLUMNS, lang)]),
            TemplateFormat::Xlsx => workbook(template::daily(&catalog, &rubrics, lang)),
        },
        TemplateKind::Published => match format {
            TemplateFormat::Csv => csv(args, &published_rows(&catalog, &rubrics, lang)),
            TemplateFormat::Xlsx => workbook(template::published(&catalog, &rubrics, lang)),
        },
        TemplateKind::Adjust => match format {
            TemplateFormat::Csv => csv(args, &[template::adjust::header(lang)]),
            TemplateFormat::Xlsx => workbook(template::adjust::adjust(&catalog, &rubrics, lang)),
        },
        TemplateKind::Notice => notice(args, lang),
        TemplateKind::Measures => {
            let measured = measures::measured_rubrics(&catalog, &rubrics);
            if measured.is_empty() {
                return Err(msg!("template-no-measures").into());
            }
            match (format, measured.as_slice()) {
                // One rubric: wide, as the workbook's sheet; several: long.
                (TemplateFormat::Csv, [one]) => {
                    csv(args, &measures::wide_rows(&catalog, *one, lang))
                }
                (TemplateFormat::Csv, _) => {
                    csv(args, &measures::long_rows(&catalog, &measured, lang))
                }
                (TemplateFormat::Xlsx, _) => {
                    workbook(measures::measures(&catalog, &measured, lang))
                }
            }
        }
    }
}

/// `template notice`: the notice's settings as a commented TOML file (no
/// rubric needed; the table flags do not apply).
fn notice(args: &TemplateArgs, lang: crate::text::i18n::Lang) -> Outcome {
    let flags = [
        ("--format", args.format.is_some()),
        ("--layout", args.layout.is_some()),
        ("--scorer", args.scorer.is_some()),
        ("--id", args.id.is_some()),
        ("--bom", args.bom),
        ("--rubric", !args.rubrics.rubrics.is_empty()),
    ];
    if let Some((flag, _)) = flags.iter().find(|(_, given)| *given) {
        return Err(msg!("notice-template-flag", flag = *flag).into());
    }
    emit(crate::input::notice::template(lang), args.output.as_deref())
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
                ids = crate::text::list(ids)
            ))
        }
    }
}

/// Writes rows as CSV (a BOM first with `--bom`), formula-safe.
fn csv(args: &TemplateArgs, rows: &[Vec<String>]) -> Outcome {
    emit(template::csv::text(rows, args.bom), args.output.as_deref())
}
