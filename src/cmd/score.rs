//! `assess score`: compute and publish the results.

use crate::cli::ScoreArgs;
use crate::msg;
use crate::report::{self, Format};

pub fn run(args: &ScoreArgs) -> i32 {
    let format = match super::output_format(args.format, args.output.as_deref()) {
        Ok(f) => f,
        Err(d) => return super::fail(&[d]),
    };
    let mut read = args.inputs.files();
    read.extend(args.previous.as_deref());
    read.extend(args.claims.iter().map(|p| p.as_path()));
    if let Err(d) = super::output_is_not_an_input(args.output.as_deref(), &read) {
        return super::fail(&[d]);
    }
    if format == Format::Xlsx && args.output.is_none() {
        let m = msg!("score-xlsx-needs-output");
        eprintln!("{}", msg!("error-general", message = m));
        return super::BAD_INPUT;
    }
    let super::Year {
        catalog,
        inputs,
        results,
        compare,
    } = match super::year(&args.inputs, &args.claims, args.previous.as_deref(), false) {
        Ok(year) => year,
        Err(found) => return super::fail(&found),
    };
    let view = report::View {
        depth: args.depth,
        compare: Some(&compare),
        inputs: Some(&inputs),
    };
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
