//! assess: scores the yearly assessment of government openness (政务公开) and
//! "放管服" reform from rubric files, daily records and annual scores.
//!
//! Data flows one way, and so do the imports, floor by floor:
//! `cmd` (the command line) -> `report` and `engine` (renderers; scoring
//! and the whole-year checks) -> `input` and `rubric` (readers of each kind of
//! file) -> `tables` (CSV and workbooks as rows of cells) -> `text`
//! (messages, diagnostics) -> `model` (the types) -> `num`, `date`.

pub mod date;
pub mod engine;
pub mod input;
pub mod model;
pub mod num;
pub mod report;
pub mod rubric;
pub mod tables;
pub mod text;

pub mod cli;
pub mod cmd;

use clap::FromArgMatches;
use clap::error::ErrorKind;
use std::ffi::OsString;

use text::i18n::{self, msg};

/// Runs the command line and returns the exit status: 0 done, 1 a `verify`
/// mismatch, 2 bad usage or bad input (nothing computed, nothing written).
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    // The language comes first: help and usage errors are in it too.
    let lang = match i18n::choose(&args) {
        Ok(lang) => lang,
        Err((value, source)) => {
            // A usage error, printed as clap prints its own (no count line).
            let m = msg!("lang-unknown", source = source, value = value);
            eprintln!(
                "{}",
                msg!("error-general", message = m).render(i18n::from_env())
            );
            return cmd::BAD_INPUT;
        }
    };
    i18n::set_lang(lang);
    let matches = cli::l10n::command(lang).try_get_matches_from(&args);
    match matches.and_then(|m| cli::Cli::from_arg_matches(&m)) {
        Ok(cli) => cmd::finish(cmd::run(&cli.command)),
        // Help and version go to stdout with status 0.
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let _ = e.print();
            cmd::OK
        }
        Err(e) => {
            eprint!("{}", cli::l10n::usage_error(&e, lang));
            cmd::BAD_INPUT
        }
    }
}
