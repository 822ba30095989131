//! `assess score`: compute and publish the results.

use crate::cli::ScoreArgs;
use crate::output::{write_atomic, write_stdout};
use crate::{report, score};

pub fn run(args: &ScoreArgs) -> i32 {
    let (catalog, inputs) = match super::load(&args.inputs, |_| None) {
        Ok(loaded) => loaded,
        Err(diags) => return super::fail(&diags),
    };
    let results = match score::score(&catalog, &inputs) {
        Ok(r) => r,
        Err(diags) => return super::fail(&diags.sorted()),
    };
    if results.provisional() {
        // CSV has no place for it; scripts and analysts see it here.
        eprint!("{}", super::provisional_warning(results.missing));
    }
    let text = report::render(args.format, &catalog, &results, args.lang);
    let written = match &args.output {
        Some(path) => write_atomic(path, text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => write_stdout(text.as_bytes())
            .map_err(|e| format!("cannot write to standard output: {e}")),
    };
    match written {
        Ok(()) => super::OK,
        Err(message) => {
            eprintln!("error: {message}");
            super::BAD_INPUT
        }
    }
}
