//! `assess rubric`: the loaded rubrics, readable in a terminal, as Markdown
//! for publishing the standard, or as the exact TOML that was loaded.

use std::path::Path;

use super::output::{emit, format_for, not_an_input, workbook_file};
use super::{Exit, Outcome};
use crate::cli::{RubricArgs, RubricFormat};
use crate::model::rubric::Rubric;
use crate::report::rubric_text;
use crate::rubric::load_rubrics;
use crate::text::diag::{Diagnostics, Failure};
use crate::text::i18n::{msg, tr};

pub fn run(args: &RubricArgs) -> Outcome {
    let inputs: Vec<&Path> = args.rubrics.rubrics.iter().map(|p| p.as_path()).collect();
    // Several rubrics as TOML go into a folder (each file checked there).
    let into_folder = args.output.as_deref().is_some_and(Path::is_dir);
    if !into_folder {
        not_an_input(args.output.as_deref(), &inputs)?;
    }
    let mut diags = Diagnostics::new();
    let Some(catalog) = load_rubrics(&args.rubrics.rubrics, &mut diags) else {
        return Err(diags.into());
    };
    let chosen: Vec<&Rubric> = catalog
        .rubrics
        .iter()
        .filter(|r| args.id.as_ref().is_none_or(|id| *id == r.id))
        .collect();
    if chosen.is_empty() {
        let ids: Vec<&str> = catalog.rubrics.iter().map(|r| r.id.as_str()).collect();
        let id = args.id.as_deref().unwrap_or_default();
        return Err(msg!(
            "rubric-unknown-id",
            id = id,
            hint = crate::text::diag::hint(id, ids.iter().copied()),
            ids = ids.join(&tr!("rubric-enum-separator"))
        )
        .into());
    }
    let format = rubric_format(args.format, args.output.as_deref())?;
    if format == RubricFormat::Xlsx {
        let file = workbook_file(args.output.as_deref())?;
        return emit(
            crate::rubric::workbook::export::render(&chosen)?,
            Some(file),
        );
    }
    if format == RubricFormat::Toml && chosen.len() > 1 {
        return several_toml(&chosen, args.output.as_deref(), &inputs);
    }
    if into_folder {
        // One file's worth of output into a folder: refused as any folder is.
        not_an_input(args.output.as_deref(), &inputs)?;
    }
    let mut out = String::new();
    for (n, r) in chosen.into_iter().enumerate() {
        if n > 0 && format != RubricFormat::Toml {
            out.push('\n');
        }
        match format {
            RubricFormat::Text => rubric_text::text(&mut out, r),
            RubricFormat::Markdown => rubric_text::markdown(&mut out, r),
            RubricFormat::Toml => out.push_str(&r.source),
            RubricFormat::Xlsx => {}
        }
    }
    emit(&out, args.output.as_deref())
}

/// Several rubrics as TOML are several files: into a folder, one `ID.toml`
/// each, or refused (two files glued together are no TOML file).
fn several_toml(chosen: &[&Rubric], output: Option<&Path>, inputs: &[&Path]) -> Outcome {
    let ids: Vec<&str> = chosen.iter().map(|r| r.id.as_str()).collect();
    let Some(dir) = output.filter(|d| d.is_dir()) else {
        return Err(msg!(
            "rubric-toml-several",
            ids = ids.join(&tr!("rubric-enum-separator"))
        )
        .into());
    };
    // No file of the folder may be a rubric the run read.
    let files: Vec<std::path::PathBuf> = chosen
        .iter()
        .map(|r| dir.join(format!("{}.toml", r.id)))
        .collect();
    for f in &files {
        not_an_input(Some(f), inputs)?;
    }
    for (r, f) in chosen.iter().zip(&files) {
        emit(&r.source, Some(f))?;
    }
    Ok(Exit::Done)
}

/// `--format`, else the extension of `--output` (`.toml`, `.md`, `.xlsx`),
/// else text; a contradiction is refused, as for `score`.
fn rubric_format(
    flag: Option<RubricFormat>,
    output: Option<&Path>,
) -> Result<RubricFormat, Failure> {
    format_for(
        flag,
        output,
        &[
            ("toml", RubricFormat::Toml, "toml"),
            ("md", RubricFormat::Markdown, "markdown"),
            ("xlsx", RubricFormat::Xlsx, "xlsx"),
            ("txt", RubricFormat::Text, "text"),
        ],
        RubricFormat::Text,
    )
}
