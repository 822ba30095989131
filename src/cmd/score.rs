//! `assess score`: compute and publish the results.

use crate::cli::ScoreArgs;
use crate::msg;
use crate::report::{self, Format};

pub fn run(args: &ScoreArgs) -> i32 {
    let format = match super::output_format(args.format, args.output.as_deref()) {
        Ok(f) => f,
        Err(d) => return super::fail(&[d]),
    };
    if let Err(d) = super::output_is_not_an_input(args.output.as_deref(), &args.inputs.files()) {
        return super::fail(&[d]);
    }
    if format == Format::Xlsx && args.output.is_none() {
        let m = msg!("score-xlsx-needs-output");
        eprintln!("{}", msg!("error-general", message = m));
        return super::BAD_INPUT;
    }
    let (catalog, _, results) = match super::load_and_score(&args.inputs, |_, _| None) {
        Ok(loaded) => loaded,
        Err(diags) => return super::fail(&diags),
    };
    if results.provisional() {
        // CSV has no place for it; scripts and analysts see it here.
        eprint!("{}", super::provisional_warning(results.missing));
    }
    let view = report::View { depth: args.depth };
    let rendered = report::render_with(format, &catalog, &results, crate::i18n::lang(), &view);
    let mut bytes = match rendered {
        Ok(b) => b,
        Err(message) => {
            eprintln!("{}", msg!("error-general", message = message));
            return super::BAD_INPUT;
        }
    };
    if args.bom && format == Format::Csv {
        bytes.splice(0..0, *b"\xEF\xBB\xBF");
    }
    super::emit(&bytes, args.output.as_deref())
}
