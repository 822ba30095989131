//! `assess score`: compute and publish the results.

use super::Outcome;
use super::load::{Year, year};
use super::output::{emit, not_an_input, score_format, workbook_file};
use crate::cli::ScoreArgs;
use crate::report::{self, Format};

pub fn run(args: &ScoreArgs) -> Outcome {
    let format = score_format(args.format, args.output.as_deref())?;
    let mut read = args.inputs.files();
    read.extend(args.previous.as_deref());
    read.extend(args.claims.iter().map(|p| p.as_path()));
    not_an_input(args.output.as_deref(), &read)?;
    if format == Format::Xlsx {
        workbook_file(args.output.as_deref())?;
    }
    let Year {
        catalog,
        inputs,
        results,
        compare,
    } = year(&args.inputs, &args.claims, args.previous.as_deref(), false)?;
    let view = report::View {
        depth: args.depth,
        compare: Some(&compare),
        inputs: Some(&inputs),
    };
    let lang = crate::text::i18n::lang();
    let mut bytes = report::render_with(format, &catalog, &results, lang, &view)?;
    if args.bom && format == Format::Csv {
        bytes.splice(0..0, *b"\xEF\xBB\xBF");
    }
    emit(&bytes, args.output.as_deref())
}
