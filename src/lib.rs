//! assess: scores the yearly assessment of government openness (政务公开) and
//! "放管服" reform from rubric files, daily records and annual scores.
//!
//! Data flows one way: read (rubric, input) -> validate -> score -> render (report).

pub mod date;
pub mod diag;
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

use clap::Parser;

/// Runs the command line and returns the exit status: 0 done, 1 a `verify`
/// mismatch, 2 bad usage or bad input (nothing computed, nothing written).
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with status 0; usage errors exit 2.
            let _ = e.print();
            return e.exit_code();
        }
    };
    match &cli.command {
        cli::Command::Score(a) => cmd::score::run(a),
        cli::Command::Check(a) => cmd::check::run(a),
        cli::Command::Verify(a) => cmd::verify::run(a),
        cli::Command::Explain(a) => cmd::explain::run(a),
        cli::Command::Template(a) => cmd::template::run(a),
        cli::Command::Rubric(a) => cmd::rubric::run(a),
        cli::Command::Completions { shell } => cmd::shell::completions(*shell),
        cli::Command::Man => cmd::shell::man(),
    }
}
