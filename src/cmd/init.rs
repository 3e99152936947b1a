//! `peil init`: draft a codebook from an export.
//!
//! Owns printing the summary. The draft itself is [`crate::init::init`].

use super::terminal::outln;
use crate::cli::InitArgs;
use crate::exit_codes::ExitCode;
use crate::init::InitOptions;

pub fn init(args: InitArgs) -> anyhow::Result<ExitCode> {
    let summary = crate::init::init(&InitOptions {
        exports: args.exports,
        out: args.out,
        sheet: args.sheet,
        force: args.force,
    })?;
    outln!("{summary}");
    Ok(ExitCode::Success)
}
