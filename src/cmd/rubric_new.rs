//! `assess rubric new --from ID_OR_FILE --year YEAR -o FILE.toml`: next
//! year's rubric from this year's, with only the year moved (SPEC 14).

use std::path::Path;

use crate::cli::RubricNewArgs;
use crate::diag::{Diagnostic, Diagnostics};
use crate::msg;
use crate::rubric::{EMBEDDED, load_rubrics, new_year};

pub fn run(args: &RubricNewArgs) -> i32 {
    if let Err(d) = super::output_is_not_an_input(Some(&args.output), &[Path::new(&args.from)]) {
        return super::fail(&[d]);
    }
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
                return super::fail(&[Diagnostic {
                    location: None,
                    message: msg!(
                        "rubric-new-from",
                        from = args.from.as_str(),
                        ids = ids.join(", ")
                    ),
                }]);
            }
            match load_rubrics(&[path], &mut diags).and_then(|c| c.rubrics.into_iter().next()) {
                Some(r) => r,
                None => return super::fail(&diags.sorted()),
            }
        }
    };
    if !(1900..10000).contains(&args.year) {
        return super::fail(&[Diagnostic {
            location: None,
            message: msg!("rubric-new-year", year = args.year),
        }]);
    }
    let text = new_year::move_year(&rubric.source, rubric.year, args.year);
    // The result must load as a rubric, or nothing is written.
    let mut check = Diagnostics::new();
    let origin = crate::source::InputFile {
        role: crate::source::Role::Rubric,
        path: std::sync::Arc::from(args.output.display().to_string()),
        sha256: String::new(),
    };
    if crate::rubric::parse(&text, origin, &mut check).is_none() {
        return super::fail(&check.sorted());
    }
    super::emit(&text, Some(&args.output))
}
