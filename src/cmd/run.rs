//! `peil run`: every round of the named studies (or of every study under
//! `input/`), and each round's comparison with the one before.
//!
//! Owns choosing the studies (those named, or every folder under `input/`
//! holding a study.toml) and printing one line per output folder. The
//! work itself is [`crate::pipeline::run_study`].

use std::path::{Path, PathBuf};

use anyhow::Context;

use super::terminal::Spinner;
use crate::cli::RunArgs;
use crate::exit_codes::ExitCode;

pub fn run(args: RunArgs) -> anyhow::Result<ExitCode> {
    let studies = if args.studies.is_empty() {
        default_studies(Path::new("input"))?
    } else {
        args.studies
    };
    let opts = args.output.options(args.round);
    let quiet = args.output.quiet;
    let spinner = Spinner::new(quiet);
    for dir in &studies {
        let results = crate::pipeline::run_study(dir, &opts, &spinner)
            .with_context(|| format!("study {}", dir.display()))?;
        spinner.report(&results, quiet);
        if opts.strict {
            crate::pipeline::check_reproduced(&results)
                .with_context(|| format!("study {}", dir.display()))?;
        }
    }
    spinner.finish();
    Ok(ExitCode::Success)
}

/// Every study folder under `input/` (a folder holding a study.toml), sorted.
fn default_studies(input: &Path) -> Result<Vec<PathBuf>, crate::Error> {
    let none = || {
        crate::Error::Usage(format!(
            "no study found: {}/ holds no folder with a study.toml\n  fix: run peil from the project folder, or name the study: peil run STUDY_DIR",
            input.display()
        ))
    };
    let entries = std::fs::read_dir(input).map_err(|_| none())?;
    let mut studies: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("study.toml").is_file())
        .collect();
    studies.sort();
    if studies.is_empty() {
        return Err(none());
    }
    Ok(studies)
}
