//! `peil run`: every round of the named studies (or of every study under
//! `input/`), and each round's comparison with the one before.
//!
//! Owns choosing the studies and printing one line per output folder. The
//! work itself is [`crate::run::run_study`].

use std::path::Path;

use anyhow::Context;

use super::terminal::Spinner;
use crate::cli::{OutputArgs, RunArgs};
use crate::exit_codes::ExitCode;
use crate::run::Options;

pub fn run(args: RunArgs) -> anyhow::Result<ExitCode> {
    let studies = if args.studies.is_empty() {
        crate::run::default_studies(Path::new("input"))?
    } else {
        args.studies
    };
    let opts = options(&args.output, args.round);
    let quiet = args.output.quiet;
    let spinner = Spinner::new(quiet);
    for dir in &studies {
        let results = crate::run::run_study(dir, &opts, &spinner)
            .with_context(|| format!("study {}", dir.display()))?;
        spinner.report(&results, quiet);
    }
    spinner.finish();
    Ok(ExitCode::Success)
}

/// How outputs are written, from the flags `run` and `compare` share.
pub fn options(args: &OutputArgs, round: Option<String>) -> Options {
    Options {
        out: args.out.clone(),
        round,
        lang: args.lang,
        strict: args.strict,
        no_charts: args.no_charts,
    }
}
