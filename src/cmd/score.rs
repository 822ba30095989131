//! `assess score`: compute and publish the results.

use crate::cli::ScoreArgs;
use crate::report;

pub fn run(args: &ScoreArgs) -> i32 {
    let (catalog, _, results) = match super::load_and_score(&args.inputs, |_, _| None) {
        Ok(loaded) => loaded,
        Err(diags) => return super::fail(&diags),
    };
    if results.provisional() {
        // CSV has no place for it; scripts and analysts see it here.
        eprint!("{}", super::provisional_warning(results.missing));
    }
    let text = report::render(args.format, &catalog, &results, args.lang);
    super::emit(&text, args.output.as_deref())
}
