//! One module per subcommand, each a short `run` that glues the command
//! line to the library and returns an [`Outcome`]; the one place that turns
//! an outcome into an exit status and prints a failure is [`finish`].

pub mod check;
pub mod explain;
pub mod load;
pub mod output;
pub mod publish;
pub mod rectify;
pub mod rubric;
pub mod rubric_import;
pub mod rubric_new;
pub mod score;
pub mod shell;
pub mod template;
pub mod verify;

use crate::cli::{Command, RubricAction};
use crate::text::diag::Failure;

/// Exit statuses: 0 done, 1 a `verify` mismatch (or, for `rectify`, work
/// outstanding), 2 bad usage or bad input (nothing computed, nothing written).
pub const OK: i32 = 0;
pub const MISMATCH: i32 = 1;
pub const BAD_INPUT: i32 = 2;

/// How a command that did its work ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Done,
    /// `verify` found a mismatch.
    Mismatch,
}

/// What every command returns: done (or a mismatch), or every problem found.
pub type Outcome = Result<Exit, Failure>;

/// Runs one parsed command.
pub fn run(command: &Command) -> Outcome {
    match command {
        Command::Score(a) => score::run(a),
        Command::Check(a) => check::run(a),
        Command::Verify(a) => verify::run(a),
        Command::Publish(a) => publish::run(a),
        Command::Rectify(a) => rectify::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Template(a) => template::run(a),
        Command::Rubric(a) => match &a.action {
            Some(RubricAction::New(n)) => rubric_new::run(n),
            Some(RubricAction::Import(i)) => rubric_import::run(i),
            None => rubric::run(a),
        },
        Command::Completions { shell } => shell::completions(*shell),
        Command::Man => shell::man(),
    }
}

/// The exit status of an outcome; a failure prints every problem, then one
/// line saying nothing was done.
pub fn finish(outcome: Outcome) -> i32 {
    match outcome {
        Ok(Exit::Done) => OK,
        Ok(Exit::Mismatch) => MISMATCH,
        Err(failure) => {
            eprint!("{}", failure.render(crate::text::i18n::lang()));
            BAD_INPUT
        }
    }
}
