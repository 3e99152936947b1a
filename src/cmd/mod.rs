//! The commands: one file per command (as xsv does), and what they print.
//!
//! Owns stdout, stderr and the terminal: the progress spinner (indicatif,
//! hidden when stderr is not a terminal or with `--quiet`), the lines each
//! command prints, and turning the outcome into an [`ExitCode`]. It must not
//! compute or write an output file: `pipeline` does that and reports back
//! (`peil validate`'s hints included), and `init` drafts the codebook.
//!
//! Arrows: `mod.rs` -> each command (`run`, `validate`, `compare`, `init`)
//! -> `terminal` (what `run` and `compare` print, and `validate`'s notes).

mod compare;
mod init;
mod run;
mod terminal;
mod validate;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::exit_codes::ExitCode;

/// Parses the command line, runs the command and says how it ended.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints the help, the version or the usage error itself.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::Usage
            } else {
                ExitCode::Success
            };
        }
    };
    let outcome = match cli.command {
        Command::Run(args) => run::run(args),
        Command::Validate(args) => validate::validate(&args.study),
        Command::Compare(args) => compare::compare(args),
        Command::Init(args) => init::init(args),
    };
    outcome.unwrap_or_else(|e| {
        eprintln!("peil: error: {e:#}");
        ExitCode::of(&e)
    })
}
