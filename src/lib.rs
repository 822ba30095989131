//! assess: scores the yearly assessment of government openness (政务公开) and
//! "放管服" reform from rubric files, daily records and annual scores.
//!
//! Data flows one way: read (rubric, input) -> validate -> score -> render (report).

pub mod compare;
pub mod date;
pub mod diag;
pub mod i18n;
pub mod input;
pub mod num;
pub mod report;
pub mod rubric;
pub mod score;
pub mod source;

pub mod cli;
pub mod cmd;
mod output;
pub mod workbook;

use clap::FromArgMatches;
use clap::error::ErrorKind;
use std::ffi::OsString;

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
            let lang = i18n::from_env();
            let m = msg!("lang-unknown", source = source, value = value);
            eprintln!("{}", msg!("error-general", message = m).render(lang));
            return cmd::BAD_INPUT;
        }
    };
    i18n::set_lang(lang);
    let matches = cli::l10n::command(lang).try_get_matches_from(&args);
    let cli = match matches.and_then(|m| cli::Cli::from_arg_matches(&m)) {
        Ok(cli) => cli,
        Err(e) => {
            return match e.kind() {
                // Help and version go to stdout with status 0.
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    let _ = e.print();
                    cmd::OK
                }
                _ => {
                    eprint!("{}", cli::l10n::usage_error(&e, lang));
                    cmd::BAD_INPUT
                }
            };
        }
    };
    match &cli.command {
        cli::Command::Score(a) => cmd::score::run(a),
        cli::Command::Check(a) => cmd::check::run(a),
        cli::Command::Verify(a) => cmd::verify::run(a),
        cli::Command::Publish(a) => cmd::publish::run(a),
        cli::Command::Explain(a) => cmd::explain::run(a),
        cli::Command::Template(a) => cmd::template::run(a),
        cli::Command::Rubric(a) => match &a.action {
            Some(cli::RubricAction::New(n)) => cmd::rubric_new::run(n),
            Some(cli::RubricAction::Import(i)) => cmd::rubric_import::run(i),
            None => cmd::rubric::run(a),
        },
        cli::Command::Completions { shell } => cmd::shell::completions(*shell),
        cli::Command::Man => cmd::shell::man(),
    }
}
