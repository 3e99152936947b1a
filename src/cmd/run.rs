//! `peil run`: every round of the named studies (or of every study under
//! `input/`), and each round's comparison with the one before.
//!
//! Owns choosing the studies and printing one line per output folder. The
//! work itself is [`crate::run::run_study`].

use std::path::Path;

use anyhow::Context;

use super::{options, Spinner};
use crate::cli::RunArgs;
use crate::exit_codes::ExitCode;

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
