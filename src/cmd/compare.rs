//! `peil compare`: two rounds of one study into `compare-<from>-<to>/`.
//!
//! Owns printing the result. The work itself is [`crate::pipeline::compare_study`].

use anyhow::Context;

use super::terminal::Spinner;
use crate::cli::CompareArgs;
use crate::exit_codes::ExitCode;

pub fn compare(args: CompareArgs) -> anyhow::Result<ExitCode> {
    let opts = args.output.options(None);
    let spinner = Spinner::new(args.output.quiet);
    let result = crate::pipeline::compare_study(&args.study, &args.from, &args.to, &opts, &spinner)
        .with_context(|| format!("study {}", args.study.display()))?;
    spinner.report(std::slice::from_ref(&result), args.output.quiet);
    if opts.strict {
        crate::pipeline::check_reproduced(&[result])?;
    }
    spinner.finish();
    Ok(ExitCode::Success)
}
