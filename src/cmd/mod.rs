//! One module per subcommand, each a short `run` returning the exit status.

pub mod check;
pub mod explain;
pub mod publish;
pub mod rubric;
pub mod rubric_import;
pub mod rubric_new;
pub mod score;
pub mod shell;
pub mod template;
pub mod verify;

use crate::cli::InputArgs;
use crate::diag::{Diagnostic, Diagnostics};
use crate::input::{InputPaths, Inputs, read_inputs};
use crate::rubric::{Catalog, UnitRef, load_rubrics};
use crate::score::Results;

/// Exit statuses (SPEC section 7).
pub const OK: i32 = 0;
pub const MISMATCH: i32 = 1;
pub const BAD_INPUT: i32 = 2;

/// Loads the rubrics, then every input. Inputs are read only when the
/// rubrics are sound: without them no unit or item can be told.
///
/// `trace` picks the unit whose daily records are kept (for `explain`); it
/// reports to the diagnostics when the unit named is unknown.
pub fn load(
    args: &InputArgs,
    trace: impl FnOnce(&Catalog, &mut Diagnostics) -> Option<UnitRef>,
) -> Result<(Catalog, Inputs), Vec<Diagnostic>> {
    load_keeping(args, trace, false)
}

/// `load`, and with `keep_all` every daily record and annual note besides the
/// sums (`publish` lists them unit by unit).
fn load_keeping(
    args: &InputArgs,
    trace: impl FnOnce(&Catalog, &mut Diagnostics) -> Option<UnitRef>,
    keep_all: bool,
) -> Result<(Catalog, Inputs), Vec<Diagnostic>> {
    let mut diags = Diagnostics::new();
    let Some(catalog) = load_rubrics(&args.rubrics, &mut diags) else {
        return Err(diags.sorted());
    };
    let traced = trace(&catalog, &mut diags);
    if !diags.is_empty() {
        return Err(diags.sorted());
    }
    let paths = InputPaths {
        annual: args.annual.clone(),
        daily: args.daily.clone(),
        encoding: args.encoding,
        sheet: args.sheet.clone(),
        allow_missing: args.allow_missing,
    };
    let inputs = if keep_all {
        crate::input::read_inputs_keeping_all(&catalog, &paths, &mut diags)
    } else {
        read_inputs(&catalog, &paths, traced, &mut diags)
    };
    match inputs {
        Some(inputs) => Ok((catalog, inputs)),
        None => Err(diags.sorted()),
    }
}

/// A year scored and compared, as `score` and `publish` both need it.
pub struct Year {
    pub catalog: Catalog,
    pub inputs: Inputs,
    pub results: Results,
    pub compare: crate::compare::Comparison,
}

/// Loads, scores and compares (`--self`, `--previous`). Last year's result
/// is read first, so that its problems are reported with the year's own; a
/// provisional result is announced on standard error.
pub fn year(
    args: &InputArgs,
    claims: &[std::path::PathBuf],
    previous: Option<&std::path::Path>,
    keep_all: bool,
) -> Result<Year, Vec<Diagnostic>> {
    let mut diags = Diagnostics::new();
    let earlier = previous.and_then(|path| crate::input::previous::read(path, &mut diags));
    let (catalog, inputs) = match load_keeping(args, |_, _| None, keep_all) {
        Ok(loaded) if diags.is_empty() => loaded,
        Ok(_) => return Err(diags.sorted()),
        Err(mut found) => {
            found.extend(diags.sorted());
            return Err(found);
        }
    };
    let mut results = crate::score::score(&catalog, &inputs).map_err(Diagnostics::sorted)?;
    if results.provisional() {
        // CSV has no place for it; scripts and analysts see it here.
        eprint!("{}", provisional_warning(results.missing));
    }
    let compare = comparison(
        &catalog,
        &mut results,
        claims,
        earlier.map(|e| (previous, e)),
    )?;
    Ok(Year {
        catalog,
        inputs,
        results,
        compare,
    })
}

/// Prints every problem, then one line saying nothing was done; returns 2.
pub fn fail(diags: &[Diagnostic]) -> i32 {
    let mut text = String::new();
    for d in diags {
        text.push_str(&d.to_string());
        text.push('\n');
    }
    text.push_str(&crate::tr!("problems-found", count = diags.len()));
    text.push('\n');
    eprint!("{text}");
    BAD_INPUT
}

/// The line that marks a provisional result on standard error.
pub fn provisional_warning(missing: usize) -> String {
    crate::tr!("provisional-warning", count = missing) + "\n"
}

/// Loads and scores: what `score`, `verify` and `explain` all start with.
pub fn load_and_score(
    args: &InputArgs,
    trace: impl FnOnce(&Catalog, &mut Diagnostics) -> Option<UnitRef>,
) -> Result<(Catalog, Inputs, Results), Vec<Diagnostic>> {
    let (catalog, inputs) = load(args, trace)?;
    let results = crate::score::score(&catalog, &inputs).map_err(Diagnostics::sorted)?;
    Ok((catalog, inputs, results))
}

/// The output format: `--format`, else what the extension of `--output`
/// names in `by_extension`, else `default`. A format that contradicts the
/// extension is refused: `-o 结果.xlsx --format csv` would make a file that
/// Excel cannot open.
pub fn format_for<F: Copy + PartialEq>(
    flag: Option<F>,
    output: Option<&std::path::Path>,
    by_extension: &[(&str, F, &'static str)],
    default: F,
) -> Result<F, Diagnostic> {
    let extension = output
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let implied = by_extension
        .iter()
        .find(|(ext, _, _)| extension.as_deref() == Some(*ext))
        .map(|(_, f, _)| *f);
    match (flag, implied) {
        (Some(f), Some(e)) if f != e => Err(Diagnostic {
            location: None,
            message: crate::msg!(
                "output-format-contradicts",
                format = by_extension
                    .iter()
                    .find(|(_, x, _)| *x == f)
                    .map_or("", |(_, _, name)| *name),
                path = output.map(|p| p.display().to_string()).unwrap_or_default()
            ),
        }),
        (Some(f), _) | (None, Some(f)) => Ok(f),
        (None, None) => Ok(default),
    }
}

/// `score`'s format: `.csv`, `.json`, `.xlsx` by extension, else a table.
pub fn output_format(
    flag: Option<crate::report::Format>,
    output: Option<&std::path::Path>,
) -> Result<crate::report::Format, Diagnostic> {
    use crate::report::Format;
    format_for(
        flag,
        output,
        &[
            ("csv", Format::Csv, "csv"),
            ("json", Format::Json, "json"),
            ("xlsx", Format::Xlsx, "xlsx"),
            ("txt", Format::Table, "table"),
        ],
        Format::Table,
    )
}

/// `--output` must not name a file the run reads: a typo would replace the
/// year's daily records with a report.
pub fn output_is_not_an_input(
    output: Option<&std::path::Path>,
    inputs: &[&std::path::Path],
) -> Result<(), Diagnostic> {
    let Some(output) = output else {
        return Ok(());
    };
    // A file that does not exist yet cannot be an input; one that does is
    // compared by where it really is (another spelling, a link).
    let Ok(target) = std::fs::canonicalize(output) else {
        return Ok(());
    };
    for input in inputs {
        if std::fs::canonicalize(input).is_ok_and(|p| p == target) {
            return Err(Diagnostic {
                location: None,
                message: crate::msg!("output-is-input", path = output.display().to_string()),
            });
        }
    }
    Ok(())
}

/// Writes a workbook to `--output`, which it needs: a workbook on a
/// terminal is of no use.
pub fn emit_workbook(
    rendered: Result<Vec<u8>, crate::i18n::Message>,
    output: Option<&std::path::Path>,
) -> i32 {
    let Some(output) = output else {
        eprintln!(
            "{}",
            crate::msg!(
                "error-general",
                message = crate::msg!("workbook-needs-output")
            )
        );
        return BAD_INPUT;
    };
    match rendered {
        Ok(bytes) => emit(&bytes, Some(output)),
        Err(message) => {
            eprintln!("{}", crate::msg!("error-general", message = message));
            BAD_INPUT
        }
    }
}

/// What `--self` and `--previous` compare the results with (SPEC 12); the
/// files read join the results' provenance. Units of the earlier result no
/// longer on a roster are listed on standard error, not refused.
pub fn comparison(
    catalog: &Catalog,
    results: &mut Results,
    claims: &[std::path::PathBuf],
    earlier: Option<(
        Option<&std::path::Path>,
        Vec<crate::input::previous::PreviousUnit>,
    )>,
) -> Result<crate::compare::Comparison, Vec<Diagnostic>> {
    let mut compare = crate::compare::Comparison::default();
    if !claims.is_empty() {
        let mut diags = Diagnostics::new();
        let Some(read) = crate::input::claims::read(catalog, claims, &mut diags) else {
            return Err(diags.sorted());
        };
        compare.claims = Some(crate::compare::Claims::new(catalog, results, &read));
        for path in claims {
            results.files.extend(crate::source::InputFile::of(
                path,
                crate::source::Role::SelfAssessment,
            ));
        }
    }
    if let Some((path, earlier)) = earlier {
        let previous = crate::compare::Previous::new(catalog, results, earlier);
        for p in &previous.gone {
            let m = crate::msg!(
                "previous-gone",
                unit = &p.name,
                id = &p.id,
                rubric = &p.rubric
            );
            eprintln!("{}", crate::msg!("warning", message = m));
        }
        compare.previous = Some(previous);
        if let Some(path) = path {
            results.files.extend(crate::source::InputFile::of(
                path,
                crate::source::Role::Previous,
            ));
        }
    }
    Ok(compare)
}

/// Writes a rendered result to `--output` (whole or not at all) or stdout.
pub fn emit(bytes: impl AsRef<[u8]>, output: Option<&std::path::Path>) -> i32 {
    let bytes = bytes.as_ref();
    let written = match output {
        Some(path) => crate::output::write_atomic(path, bytes).map_err(|e| {
            crate::msg!(
                "cannot-write",
                path = path.display().to_string(),
                reason = e.to_string()
            )
        }),
        None => crate::output::write_stdout(bytes)
            .map_err(|e| crate::msg!("cannot-write-stdout", reason = e.to_string())),
    };
    match written {
        Ok(()) => OK,
        Err(message) => {
            eprintln!("{}", crate::msg!("error-general", message = message));
            BAD_INPUT
        }
    }
}
