//! `assess completions SHELL` and `assess man`: generated from the one
//! command-line definition, so they never drift from it.

use clap::CommandFactory;

use crate::cli::Cli;

pub fn completions(shell: clap_complete::Shell) -> i32 {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "assess", &mut out);
    super::emit(&out, None)
}

pub fn man() -> i32 {
    let mut out = Vec::new();
    match clap_mangen::Man::new(Cli::command()).render(&mut out) {
        Ok(()) => super::emit(&out, None),
        Err(e) => {
            eprintln!("error: cannot render the manual page: {e}");
            super::BAD_INPUT
        }
    }
}
