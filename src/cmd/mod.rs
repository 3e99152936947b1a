//! The commands: one file per command (as xsv does), and what they print.
//!
//! Owns stdout, stderr and the terminal: the progress spinner (indicatif,
//! hidden when stderr is not a terminal or with `--quiet`), the lines each
//! command prints, and turning the outcome into an [`ExitCode`]. It must not
//! compute or write an output file: `run` does that and reports back.

mod compare;
mod init;
mod run;
mod validate;

use std::io::IsTerminal;
use std::time::Duration;

use clap::Parser;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::{Cli, Command, OutputArgs};
use crate::exit_codes::ExitCode;
use crate::run::{Options, Progress, RoundResult};

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

fn options(args: &OutputArgs, round: Option<String>) -> Options {
    Options {
        out: args.out.clone(),
        round,
        lang: args.lang,
        strict: args.strict,
        no_charts: args.no_charts,
    }
}

/// The spinner on stderr: [`Progress`] for `run`, drawn with indicatif.
struct Spinner(ProgressBar);

impl Spinner {
    fn new(quiet: bool) -> Spinner {
        if quiet || !std::io::stderr().is_terminal() {
            return Spinner(ProgressBar::hidden());
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg}") {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        Spinner(bar)
    }

    /// Ledger notes on stderr, one line per output folder on stdout.
    fn report(&self, results: &[RoundResult], quiet: bool) {
        for r in results {
            self.0.suspend(|| {
                print_remarks(&r.remarks);
                for l in r.ledgers.iter().filter(|l| !l.is_clean()) {
                    eprintln!("peil: note: {}; see data_quality.csv", l.summary());
                }
                if !quiet {
                    println!("{}", r.line());
                }
            });
        }
    }

    fn finish(self) {
        self.0.finish_and_clear();
    }
}

impl Progress for Spinner {
    fn step(&self, message: String) {
        self.0.set_message(message);
    }
}

/// What a reader decided for the user (e.g. Qualtrics header rows skipped).
fn print_remarks(remarks: &[String]) {
    for n in remarks {
        eprintln!("peil: note: {n}");
    }
}
