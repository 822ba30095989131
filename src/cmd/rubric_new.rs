//! `assess rubric new --from ID_OR_FILE --year YEAR -o FILE.toml`: next
//! year's rubric from this year's, with only the year moved
//! (`docs/formats.md`, 新的一年).

use std::path::Path;

use super::Outcome;
use super::output::{emit, not_an_input};
use crate::cli::RubricNewArgs;
use crate::rubric::{EMBEDDED, load_rubrics, new_year};
use crate::text::diag::Diagnostics;
use crate::text::i18n::msg;

pub fn run(args: &RubricNewArgs) -> Outcome {
    not_an_input(Some(&args.output), &[Path::new(&args.from)])?;
    let mut diags = Diagnostics::new();
    // An embedded rubric by its id, else a file.
    let embedded = load_rubrics(&[] as &[&Path], &mut diags)
        .and_then(|c| c.rubrics.into_iter().find(|r| r.id == args.from));
    let rubric = match embedded {
        Some(r) => r,
        None => {
            let path = Path::new(&args.from);
            if !path.exists() {
                let ids: Vec<&str> = EMBEDDED
                    .iter()
                    .filter_map(|(name, _)| name.strip_prefix("rubrics/")?.strip_suffix(".toml"))
                    .collect();
                return Err(msg!(
                    "rubric-new-from",
                    from = args.from.as_str(),
                    ids = ids.join(", ")
                )
                .into());
            }
            // A rubric workbook (细则 drafted as a table) is read as
            // `rubric import` reads it.
            if is_workbook(path) {
                let file: std::sync::Arc<str> = std::sync::Arc::from(args.from.as_str());
                let text = crate::rubric::workbook::import::import(&file, path)?;
                let origin = crate::model::source::InputFile {
                    role: crate::model::source::Role::Rubric,
                    path: file,
                    sha256: String::new(),
                };
                match crate::rubric::parse(&text, origin, &mut diags) {
                    Some(r) => r,
                    None => return Err(diags.into()),
                }
            } else {
                match load_rubrics(&[path], &mut diags).and_then(|c| c.rubrics.into_iter().next()) {
                    Some(r) => r,
                    None => return Err(diags.into()),
                }
            }
        }
    };
    if !(1900..10000).contains(&args.year) {
        return Err(msg!("rubric-new-year", year = args.year).into());
    }
    let text = new_year::move_year(&rubric.source, rubric.year, args.year);
    // The result must load as a rubric, or nothing is written.
    let mut check = Diagnostics::new();
    let origin = crate::model::source::InputFile {
        role: crate::model::source::Role::Rubric,
        path: std::sync::Arc::from(args.output.display().to_string()),
        sha256: String::new(),
    };
    if crate::rubric::parse(&text, origin, &mut check).is_none() {
        return Err(check.into());
    }
    emit(&text, Some(&args.output))
}

/// Whether the file begins as a workbook (a zip) does.
fn is_workbook(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 8];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| crate::tables::workbook::is_workbook(&head))
}
